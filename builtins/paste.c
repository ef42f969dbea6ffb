/*
 * paste: merge lines of files. -d LIST (cycled; \n \t \\ \0 \b \f \r \v
 * escapes, \0 = no delimiter), -s (one file at a time), -z. "-" given
 * several times reads successive lines of standard input.
 * Reference: GNU coreutils 9.1 paste.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("paste", bi_paste, BI_UTIL)
int bi_paste(vb_cmd *cmd);

static const char paste_help[] =
    "Usage: paste [OPTION]... [FILE]...\n"
    "Write lines consisting of the sequentially corresponding lines from\n"
    "each FILE, separated by TABs, to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -d, --delimiters=LIST   reuse characters from LIST instead of TABs\n"
    "  -s, --serial            paste one file at a time instead of in parallel\n"
    "  -z, --zero-terminated    line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt paste_longs[] = {
    {"delimiters", 1, 'd'}, {"serial", 0, 's'}, {"zero-terminated", 0, 'z'}, {0},
};

typedef struct paste_state {
    char *delims;      /* one byte each; '\0' with empty[i] = no delimiter */
    bool *empty;
    size_t nd;
    int eol;
} paste_state;

static void paste__delim(vb_cmd *cmd, const paste_state *st, size_t i)
{
    i %= st->nd;
    if (!st->empty[i])
        bi_outc(cmd, st->delims[i]);
}

static bool paste__parse(vb_cmd *cmd, paste_state *st, const char *s)
{
    size_t n = strlen(s);
    st->delims = mem_alloc(cmd->heap, n + 1);
    st->empty = mem_calloc(cmd->heap, n + 1, sizeof(bool));
    if (!st->delims || !st->empty)
        return false;
    st->nd = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool empty = false;
        if (c == '\\') {
            if (i + 1 >= n) {
                bi_err(cmd, "delimiter list ends with an unescaped backslash: %s", s);
                return false;
            }
            c = s[++i];
            switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'r': c = '\r'; break;
            case 'v': c = '\v'; break;
            case '0': c = '\0'; empty = true; break;
            default: break;
            }
        }
        st->delims[st->nd] = c;
        st->empty[st->nd++] = empty;
    }
    if (!st->nd) {
        st->delims[0] = '\0';
        st->empty[0] = true;
        st->nd = 1;
    }
    return true;
}

static int paste__serial(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    paste_state *st = ctx;
    bi_reader r;
    bi_reader_init(&r, cmd, s);
    const char *rec;
    size_t len, k = 0;
    int rc;
    bool any = false;
    while ((rc = bi_getrec(&r, st->eol, &rec, &len)) > 0) {
        if (len && rec[len - 1] == (char)st->eol)
            len--;
        if (any)
            paste__delim(cmd, st, k++);
        bi_out(cmd, rec, len);
        any = true;
        if (bi_out_failed(cmd))
            break;
    }
    bi_reader_free(&r);
    bi_outc(cmd, (char)st->eol);
    if (rc < 0)
        return tx_read_error(cmd, name, rc, TX_PLAIN);
    return bi_out_failed(cmd) ? -1 : 0;
}

int bi_paste(vb_cmd *cmd)
{
    paste_state st = {.eol = '\n'};
    bool serial = false;
    const char *dl = "\t";
    bi_opt o;
    bi_opt_init(&o, cmd, "d:sz", paste_longs, paste_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'd': dl = o.arg; break;
        case 's': serial = true; break;
        case 'z': st.eol = '\0'; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (!paste__parse(cmd, &st, dl))
        return 1;
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dash[1] = {(char *)"-"};
    if (n == 0) {
        n = 1;
        ops = dash;
    }
    if (serial)
        return bi_done(cmd, tx_each_operand(cmd, n, ops, paste__serial, &st, TX_PLAIN));

    /* Parallel: one reader per operand; "-" operands share stdin's reader. */
    bi_reader *rd = mem_calloc(cmd->heap, (size_t)n, sizeof *rd);
    stream **ss = mem_calloc(cmd->heap, (size_t)n, sizeof *ss);
    int *use = mem_calloc(cmd->heap, (size_t)n, sizeof *use);   /* reader index */
    bool *done = mem_calloc(cmd->heap, (size_t)n, sizeof *done);
    if (!rd || !ss || !use || !done)
        return bi_err(cmd, "memory exhausted");
    int stdin_idx = -1, status = 0;
    for (int i = 0; i < n; i++) {
        if (!strcmp(ops[i], "-") && stdin_idx >= 0) {
            use[i] = stdin_idx;
            continue;
        }
        int err = 0;
        ss[i] = bi_open_read(cmd, ops[i], &err);
        if (!ss[i]) {
            /* GNU paste gives up on the first operand it cannot open. */
            tx_open_error(cmd, ops[i], err, TX_PLAIN);
            for (int j = 0; j < i; j++)
                if (ss[j]) {
                    bi_reader_free(&rd[j]);
                    stream_unref(ss[j]);
                }
            return 1;
        }
        bi_reader_init(&rd[i], cmd, ss[i]);
        use[i] = i;
        if (!strcmp(ops[i], "-"))
            stdin_idx = i;
    }
    vbuf line;
    vbuf_init(&line, cmd->heap);
    for (;;) {
        bool any = false;
        vbuf_clear(&line);
        for (int i = 0; i < n; i++) {
            int u = use[i];
            if (!done[u]) {
                const char *rec;
                size_t len;
                int rc = bi_getrec(&rd[u], st.eol, &rec, &len);
                if (rc > 0) {
                    if (len && rec[len - 1] == (char)st.eol)
                        len--;
                    vbuf_add(&line, rec, len);
                    any = true;
                } else {
                    if (rc < 0) {
                        tx_read_error(cmd, ops[i], rc, TX_PLAIN);
                        status = 1;
                    }
                    done[u] = true;
                }
            }
            if (i + 1 < n) {
                size_t k = (size_t)i % st.nd;
                if (!st.empty[k])
                    vbuf_addc(&line, st.delims[k]);
            } else {
                vbuf_addc(&line, (char)st.eol);
            }
        }
        if (!any)
            break;
        bi_out(cmd, line.data, line.len);
        if (bi_out_failed(cmd) || bi_cancelled(cmd))
            break;
    }
    for (int i = 0; i < n; i++)
        if (ss[i]) {
            bi_reader_free(&rd[i]);
            stream_unref(ss[i]);
        }
    vbuf_free(&line);
    return bi_done(cmd, status);
}
