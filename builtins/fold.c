/*
 * fold: wrap input lines to a width. -w WIDTH (and the obsolete -WIDTH),
 * -s (break after the last blank), -b (count bytes: tabs, backspaces and
 * carriage returns are not special). Columns count bytes otherwise too, as
 * GNU fold does. Reference: GNU coreutils 9.1 fold.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("fold", bi_fold, BI_UTIL)

static const char fold_help[] =
    "Usage: fold [OPTION]... [FILE]...\n"
    "Wrap input lines in each FILE, writing to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -b, --bytes         count bytes rather than columns\n"
    "  -s, --spaces        break at spaces\n"
    "  -w, --width=WIDTH   use WIDTH columns instead of 80\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt fold_longs[] = {
    {"bytes", 0, 'b'}, {"spaces", 0, 's'}, {"width", 1, 'w'}, {0},
};

typedef struct fold_state {
    bool bytes, spaces;
    size_t width;
    vbuf line;
} fold_state;

static size_t fold__adjust(const fold_state *st, size_t col, char c)
{
    if (st->bytes)
        return col + 1;
    switch (c) {
    case '\b': return col > 0 ? col - 1 : 0;
    case '\r': return 0;
    case '\t': return col + 8 - col % 8;
    default: return col + 1;
    }
}

static int fold__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    fold_state *st = ctx;
    char buf[65536];
    vbuf *ln = &st->line;
    size_t col = 0;
    vbuf_clear(ln);
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, buf, sizeof buf, TX_PLAIN);
        if (n < 0)
            return 1;
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\n') {
                vbuf_addc(ln, c);
                bi_out(cmd, ln->data, ln->len);
                vbuf_clear(ln);
                col = 0;
                continue;
            }
        rescan:
            col = fold__adjust(st, col, c);
            if (col > st->width) {
                /* The line is full: break it before c. */
                if (st->spaces) {
                    size_t k = ln->len;
                    while (k > 0 && ln->data[k - 1] != ' ' && ln->data[k - 1] != '\t')
                        k--;
                    if (k > 0) {
                        bi_out(cmd, ln->data, k);
                        bi_outc(cmd, '\n');
                        memmove(ln->data, ln->data + k, ln->len - k);
                        ln->len -= k;
                        col = 0;
                        for (size_t j = 0; j < ln->len; j++)
                            col = fold__adjust(st, col, ln->data[j]);
                        goto rescan;
                    }
                }
                if (ln->len == 0) {
                    vbuf_addc(ln, c);
                    continue;
                }
                bi_out(cmd, ln->data, ln->len);
                bi_outc(cmd, '\n');
                vbuf_clear(ln);
                col = 0;
                goto rescan;
            }
            vbuf_addc(ln, c);
        }
        if (bi_out_failed(cmd))
            return -1;
    }
    if (ln->len)
        bi_out(cmd, ln->data, ln->len);
    vbuf_clear(ln);
    return 0;
}

int bi_fold(vb_cmd *cmd)
{
    fold_state st = {.width = 80};
    char **saved = cmd->argv;
    int saved_argc = cmd->argc, status = 0;
    /* Obsolete -WIDTH as the first argument(s). */
    char **nv = mem_calloc(cmd->heap, (size_t)cmd->argc + 2, sizeof *nv);
    if (!nv)
        return bi_err(cmd, "memory exhausted");
    int k = 0;
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (i > 0 && a[0] == '-' && a[1] >= '0' && a[1] <= '9' && strspn(a + 1, "0123456789") == strlen(a + 1))
            nv[k++] = mem_printf(cmd->heap, "-w%s", a + 1);
        else
            nv[k++] = cmd->argv[i];
    }
    cmd->argv = nv;
    cmd->argc = k;
    bi_opt o;
    bi_opt_init(&o, cmd, "bsw:", fold_longs, fold_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': st.bytes = true; break;
        case 's': st.spaces = true; break;
        case 'w': {
            int64_t v;
            int rc = bi_parse_i64(o.arg, &v);
            if (rc != 0 || v < 1) {
                bi_err(cmd, "invalid number of columns: %s%s", fs_lq(cmd, o.arg),
                       rc == 0 || rc == -ERANGE ? ": Numerical result out of range" : "");
                status = 1;
                goto out;
            }
            st.width = (size_t)v;
            break;
        }
        case BI_OPT_EXIT: status = bi_done(cmd, o.status); goto out;
        default: status = o.status; goto out;
        }
    }
    vbuf_init(&st.line, cmd->heap);
    status = bi_done(cmd, tx_each_operand(cmd, cmd->argc - o.ind, cmd->argv + o.ind, fold__file, &st, TX_PLAIN));
out:
    cmd->argv = saved;
    cmd->argc = saved_argc;
    return status;
}
