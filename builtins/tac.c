/*
 * tac: concatenate and print files in reverse, record by record. -s SEP
 * (a string, or a basic regex with -r, searched backwards as GNU does), -b (the separator starts a record
 * instead of ending it). Each file is read whole (within the session's
 * memory limit). Reference: GNU coreutils 9.1 tac.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/regex.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("tac", bi_tac, BI_UTIL)

static const char tac_help[] =
    "Usage: tac [OPTION]... [FILE]...\n"
    "Write each FILE to standard output, last line first.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -b, --before             attach the separator before instead of after\n"
    "  -r, --regex              interpret the separator as a regular expression\n"
    "  -s, --separator=STRING   use STRING as the separator instead of newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt tac_longs[] = {
    {"before", 0, 'b'}, {"regex", 0, 'r'}, {"separator", 1, 's'}, {0},
};

typedef struct tac_state {
    bool before;
    const char *sep;
    size_t seplen;
    rx *re;
    size_t *so, *eo;     /* separator matches */
    size_t n, cap;
} tac_state;

static bool tac__push(vb_cmd *cmd, tac_state *st, size_t so, size_t eo)
{
    if (st->n == st->cap) {
        size_t nc = st->cap ? st->cap * 2 : 256;
        size_t *a = mem_realloc(cmd->heap, st->so, nc * sizeof *a);
        if (!a)
            return false;
        st->so = a;
        size_t *b = mem_realloc(cmd->heap, st->eo, nc * sizeof *b);
        if (!b)
            return false;
        st->eo = b;
        st->cap = nc;
    }
    st->so[st->n] = so;
    st->eo[st->n++] = eo;
    return true;
}

static int tac__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    tac_state *st = ctx;
    char *data;
    size_t len;
    int rc = bi_slurp(cmd, s, &data, &len);
    if (rc < 0)
        return tx_slurp_error(cmd, name, rc) ? -1 : 1;
    st->n = 0;
    /* Find the separators. */
    if (st->re) {
        /* As GNU tac: search backwards from the end, each match limited to
         * the text before the separator found last. */
        size_t limit = len;
        for (size_t p = len; p-- > 0;) {
            rx_match m;
            if ((p & 4095) == 0 && bi_cancelled(cmd))
                break;
            int r = rx_exec(st->re, data, limit, p, RX_ANCHORED | RX_LONGEST, &m);
            if (r != 1 || m.eo == m.so)
                continue;
            if (!tac__push(cmd, st, m.so, m.eo))
                return bi_err(cmd, "memory exhausted");
            limit = p;
        }
        for (size_t i = 0; i < st->n / 2; i++) {
            size_t j = st->n - 1 - i, t;
            t = st->so[i], st->so[i] = st->so[j], st->so[j] = t;
            t = st->eo[i], st->eo[i] = st->eo[j], st->eo[j] = t;
        }
    } else if (st->seplen) {
        size_t pos = 0;
        while (pos < len) {
            const char *p = memmem(data + pos, len - pos, st->sep, st->seplen);
            if (!p)
                break;
            size_t so = (size_t)(p - data);
            if (!tac__push(cmd, st, so, so + st->seplen))
                return bi_err(cmd, "memory exhausted");
            pos = so + st->seplen;
        }
    }
    /* Records, last first. */
    if (!st->before) {
        /* record i = (end of sep i-1, end of sep i]; a tail without separator first */
        size_t end = len;
        size_t last_end = st->n ? st->eo[st->n - 1] : 0;
        if (last_end < len)
            bi_out(cmd, data + last_end, len - last_end);
        end = last_end;
        for (size_t i = st->n; i-- > 0;) {
            size_t start = i ? st->eo[i - 1] : 0;
            bi_out(cmd, data + start, end - start);
            end = start;
            if (bi_out_failed(cmd))
                break;
        }
    } else {
        size_t end = len;
        for (size_t i = st->n; i-- > 0;) {
            bi_out(cmd, data + st->so[i], end - st->so[i]);
            end = st->so[i];
            if (bi_out_failed(cmd))
                break;
        }
        if (end > 0)
            bi_out(cmd, data, end);
    }
    mem_free(cmd->heap, data);
    return bi_out_failed(cmd) ? -1 : 0;
}

int bi_tac(vb_cmd *cmd)
{
    tac_state st = {.sep = "\n", .seplen = 1};
    bool regex = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "brs:", tac_longs, tac_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': st.before = true; break;
        case 'r': regex = true; break;
        case 's':
            st.sep = o.arg;
            st.seplen = strlen(o.arg);
            break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (regex) {
        char *msg = NULL;
        if (rx_compile(cmd->heap, st.sep, st.seplen, RX_BRE, &st.re, &msg) != 0) {
            bi_err(cmd, "%s", msg ? msg : "invalid regular expression");
            return 1;
        }
    }
    int status = 0;
    char *dash[1] = {(char *)"-"};
    int n = cmd->argc - o.ind;
    char **ops = n > 0 ? cmd->argv + o.ind : dash;
    if (n <= 0)
        n = 1;
    for (int i = 0; i < n && !bi_out_failed(cmd); i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            bi_err(cmd, "failed to open %s for reading: %s", fs_q(cmd, ops[i]), vb_strerror(err));
            status = 1;
            continue;
        }
        if (tac__file(cmd, s, ops[i], &st))
            status = 1;
        stream_unref(s);
    }
    if (st.re)
        rx_free(st.re);
    return bi_done(cmd, status);
}
