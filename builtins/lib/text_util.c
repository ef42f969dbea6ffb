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
    if (style == TX_NONAME)
        return bi_err(cmd, "read error: %s", vb_strerror(neg));
    return bi_err(cmd, "%s: %s", fs_qf(cmd, name), vb_strerror(neg));
}

int tx_slurp_error(vb_cmd *cmd, const char *name, int neg)
{
    if ((neg == VB_ENOMEM || neg == VB_EFBIG) && cmd->ops && cmd->ops->limit) {
        char *what = mem_printf(cmd->heap, "%s: input exceeds the memory limit", cmd->argv[0]);
        return cmd->ops->limit(cmd->shell, VB_LIMIT_MEMORY, what ? what : "memory");
    }
    return tx_read_error(cmd, name, neg, TX_PLAIN);
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

int tx_wcwidth(uint32_t cp)
{
    static const uint32_t zero[][2] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
        {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF},
        {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
        {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
        {0xE0100, 0xE01EF},
    };
    static const uint32_t wide[][2] = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
        {0x2614, 0x2615}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
        {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60},
        {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD},
        {0x30000, 0x3FFFD},
    };
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return -1;
    if (cp < 0x300)
        return 1;
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (cp >= zero[i][0] && cp <= zero[i][1])
            return 0;
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (cp >= wide[i][0] && cp <= wide[i][1])
            return 2;
    return 1;
}

int tx_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return 0;
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return -1;
    *cp = v;
    return len;
}

bool tx_utf8_locale(vb_cmd *cmd)
{
    static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (int i = 0; i < 3; i++) {
        const char *v = bi_getvar(cmd, vars[i]);
        if (v && *v)
            return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
    }
    return false;
}

int tx_argmatch(vb_cmd *cmd, const char *opt, const char *arg, const char *const *names,
                const int *vals, int n)
{
    size_t al = strlen(arg);
    int hit = -1;
    bool ambiguous = false;
    for (int i = 0; i < n; i++) {
        if (!strcmp(names[i], arg))
            return i;
        if (al && !strncmp(names[i], arg, al)) {
            if (hit >= 0 && (!vals || vals[hit] != vals[i]))
                ambiguous = true;
            else if (hit < 0)
                hit = i;
        }
    }
    if (hit >= 0 && !ambiguous)
        return hit;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "%s: %s argument %s for %s\nValid arguments are:", cmd->argv[0],
                ambiguous ? "ambiguous" : "invalid", fs_lq(cmd, arg), fs_lq(cmd, opt));
    for (int i = 0; i < n; i++) {
        if (vals && i > 0 && vals[i] == vals[i - 1])
            vbuf_printf(&b, ", %s", fs_lq(cmd, names[i]));
        else
            vbuf_printf(&b, "\n  - %s", fs_lq(cmd, names[i]));
    }
    vbuf_printf(&b, "\nTry '%s --help' for more information.\n", cmd->argv[0]);
    bi_errw(cmd, b.data, b.len);
    vbuf_free(&b);
    return -1;
}

void tx_shquote(vbuf *b, const char *s)
{
    vbuf_addc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            vbuf_adds(b, "'\\''");
        else
            vbuf_addc(b, *s);
    }
    vbuf_addc(b, '\'');
}

int tx_run_with_prelude(vb_cmd *cmd, const char *prelude, char *const *argv, int argc)
{
    if (!cmd->ops || !cmd->ops->run_script)
        return -1;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_adds(&b, prelude ? prelude : "");
    vbuf_adds(&b, "exec --");
    for (int i = 0; i < argc; i++) {
        vbuf_addc(&b, ' ');
        tx_shquote(&b, argv[i]);
    }
    vbuf_addc(&b, '\n');
    if (b.failed)
        return -1;
    bi_flush(cmd);
    int st = cmd->ops->run_script(cmd->shell, vbuf_str(&b), NULL, NULL, NULL);
    vbuf_free(&b);
    return st;
}
