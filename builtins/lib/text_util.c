/* The operand loop of the text commands: see text_util.h. */
#include <string.h>

#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"
#include "vbash/vbash.h"

int tx_read_error(vb_cmd *cmd, const char *name, int neg, int style)
{
    if (neg == VB_ECANCELED || neg == VB_EPIPE)
        return 1;
    if (style == TX_OPEN)
        return bi_err(cmd, "error reading %s: %s", fs_q(cmd, name), vb_strerror(neg));
    return bi_err(cmd, "%s: %s", fs_qf(cmd, name), vb_strerror(neg));
}

int tx_open_error(vb_cmd *cmd, const char *name, int neg, int style)
{
    if (neg == VB_ECANCELED)
        return 1;
    if (style == TX_OPEN)
        return bi_err(cmd, "cannot open %s for reading: %s", fs_q(cmd, name), vb_strerror(neg));
    return bi_err(cmd, "%s: %s", fs_qf(cmd, name), vb_strerror(neg));
}

ssize_t tx_read(vb_cmd *cmd, stream *s, const char *name, void *buf, size_t n, int style)
{
    if (bi_cancelled(cmd))
        return VB_ECANCELED;
    ssize_t r = stream_read(s, buf, n);
    if (r < 0 && name)
        tx_read_error(cmd, name, (int)r, style);
    return r;
}

int tx_each_operand(vb_cmd *cmd, int n, char **ops, tx_each_fn fn, void *ctx, int style)
{
    char *one[1] = {(char *)"-"};
    if (n <= 0) {
        n = 1;
        ops = one;
    }
    int status = 0;
    for (int i = 0; i < n; i++) {
        if (bi_cancelled(cmd))
            return 1;
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            status = tx_open_error(cmd, ops[i], err, style);
            continue;
        }
        int rc = fn(cmd, s, ops[i], ctx);
        stream_unref(s);
        if (rc < 0)
            return 1;
        if (rc)
            status = 1;
        if (bi_out_failed(cmd))
            break;
    }
    return status;
}
