/*
 * wc: newline, word, character, byte counts and the longest line's width.
 * -l -w -m -c -L, GNU's column width (from
 * the sizes of regular operands; 7 when one is not regular; 1 for a single
 * count of a single operand). Words and widths follow GNU's multibyte
 * rules in a UTF-8 locale (invalid bytes are neither characters nor word
 * constituents). Reference: GNU coreutils 9.1 wc.
 * --files0-from reads the NUL-separated names first (GNU does so for
 * small regular lists). Deviation: character widths come from a built-in
 * table rather than the host locale.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("wc", bi_wc, BI_UTIL)
int bi_wc(vb_cmd *cmd);

static const char wc_help[] =
    "Usage: wc [OPTION]... [FILE]...\n"
    "Print newline, word, and byte counts for each FILE, and a total line if\n"
    "more than one FILE is specified.  A word is a non-zero-length sequence of\n"
    "printable characters delimited by white space.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  -c, --bytes            print the byte counts\n"
    "  -m, --chars            print the character counts\n"
    "  -l, --lines            print the newline counts\n"
    "  -L, --max-line-length  print the maximum display width\n"
    "  -w, --words            print the word counts\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt wc_longs[] = {
    {"bytes", 0, 'c'}, {"chars", 0, 'm'}, {"lines", 0, 'l'}, {"max-line-length", 0, 'L'},
    {"words", 0, 'w'}, {"files0-from", 1, 'F'}, {0},
};

typedef struct wc_counts {
    uint64_t lines, words, chars, bytes, maxlen;
} wc_counts;

typedef struct wc_state {
    bool pl, pw, pm, pc, pL;
    bool utf8;
    int width;
    bool named;        /* print operand names */
    wc_counts total;
    int nok;
    char *buf;
} wc_state;

enum { WC_CHUNK = 65536 };

static void wc__print(vb_cmd *cmd, wc_state *st, const wc_counts *c, const char *name)
{
    uint64_t v[5] = {c->lines, c->words, c->chars, c->bytes, c->maxlen};
    bool on[5] = {st->pl, st->pw, st->pm, st->pc, st->pL};
    bool first = true;
    for (int i = 0; i < 5; i++) {
        if (!on[i])
            continue;
        bi_outf(cmd, "%s%*llu", first ? "" : " ", st->width, (unsigned long long)v[i]);
        first = false;
    }
    if (name)
        bi_outf(cmd, " %s", name);
    bi_outc(cmd, '\n');
}

static bool wc__space(uint32_t cp)
{
    switch (cp) {
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x205F: case 0x3000:
    case 0x2007: case 0x202F: case 0x2060:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

static int wc__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    wc_state *st = ctx;
    wc_counts c = {0};
    bool in_word = false;
    uint64_t linepos = 0;
    unsigned char carry[4];
    size_t ncarry = 0;
    bool simple = !st->pw && !st->pm && !st->pL;
    int rc = 0;
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, st->buf + 4, WC_CHUNK, TX_PLAIN);
        if (n < 0) {
            rc = 1;
            break;
        }
        bool eof = n == 0;
        c.bytes += (uint64_t)n;
        if (simple) {
            if (eof)
                break;
            if (st->pl)
                for (const char *p = st->buf + 4, *e = p + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
                    c.lines++;
            continue;
        }
        /* Prepend the bytes of a character cut by the previous chunk. */
        unsigned char *p = (unsigned char *)st->buf + 4 - ncarry;
        memcpy(p, carry, ncarry);
        size_t len = (size_t)n + ncarry;
        ncarry = 0;
        size_t i = 0;
        while (i < len) {
            uint32_t cp;
            int k;
            if (!st->utf8 || p[i] < 0x80) {
                cp = p[i];
                k = 1;
            } else {
                k = tx_utf8_decode(p + i, len - i, &cp);
                if (k == 0 && !eof) {
                    ncarry = len - i;
                    memcpy(carry, p + i, ncarry);
                    break;
                }
                if (k <= 0) {
                    i++;             /* an invalid byte: not a character */
                    continue;
                }
            }
            i += (size_t)k;
            c.chars++;
            switch (cp) {
            case '\n':
                c.lines++;
                /* fall through */
            case '\r': case '\f':
                if (linepos > c.maxlen)
                    c.maxlen = linepos;
                linepos = 0;
                goto sep;
            case '\t':
                linepos += 8 - (linepos % 8);
                goto sep;
            case ' ':
                linepos++;
                /* fall through */
            case '\v':
            sep:
                c.words += in_word;
                in_word = false;
                break;
            default:
                if (!st->utf8 && cp >= 0x80)
                    break;   /* C locale: high bytes are not printable */
                {
                    int w = tx_wcwidth(cp);
                    if (w < 0)
                        break;
                    linepos += (uint64_t)w;
                    if (wc__space(cp))
                        goto sep;
                    in_word = true;
                }
                break;
            }
        }
        if (eof)
            break;
    }
    c.words += in_word;
    if (linepos > c.maxlen)
        c.maxlen = linepos;
    wc__print(cmd, st, &c, st->named ? name : NULL);
    st->total.lines += c.lines;
    st->total.words += c.words;
    st->total.chars += c.chars;
    st->total.bytes += c.bytes;
    if (c.maxlen > st->total.maxlen)
        st->total.maxlen = c.maxlen;
    return rc;
}

/* GNU's compute_number_width. */
static int wc__width(vb_cmd *cmd, wc_state *st, int n, char **ops)
{
    int counts = st->pl + st->pw + st->pm + st->pc + st->pL;
    if (n == 1 && counts == 1)
        return 1;
    uint64_t regular = 0;
    int minw = 1;
    for (int i = 0; i < n; i++) {
        if (!strcmp(ops[i], "-")) {
            stream *s = cmd->in;
            int64_t cur = s ? stream_seek(s, 0, SEEK_CUR) : -1;
            int64_t end = cur >= 0 ? stream_seek(s, 0, SEEK_END) : -1;
            if (cur >= 0)
                stream_seek(s, cur, SEEK_SET);
            if (s && s->kind == STREAM_FILE && end >= 0)
                regular += (uint64_t)end;
            else
                minw = 7;
            continue;
        }
        char *abs = bi_path(cmd, ops[i]);
        vfs_stat_t sb;
        int rc = abs ? vfs_stat(cmd->vfs, abs, &sb) : -1;
        if (rc != 0) {
            if (i == 0)
                return 1;
            continue;
        }
        if (S_ISREG(sb.mode))
            regular += sb.size;
        else
            minw = 7;
    }
    int w = 1;
    for (; regular >= 10; regular /= 10)
        w++;
    return w < minw ? minw : w;
}

/* --files0-from=F: the operands are F's NUL-separated names. */
static int wc__files0(vb_cmd *cmd, wc_state *st, const char *list)
{
    int err = 0;
    stream *s = bi_open_read(cmd, list, &err);
    if (!s)
        return bi_done(cmd, tx_open_error(cmd, list, err, TX_OPEN));
    bool regular = s->kind == STREAM_FILE;   /* GNU sizes columns only then */
    char *data = NULL;
    size_t len = 0;
    int rc = bi_slurp(cmd, s, &data, &len);
    stream_unref(s);
    if (rc < 0)
        return bi_done(cmd, tx_slurp_error(cmd, list, rc));
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += data[i] == '\0';
    char **names = mem_alloc(cmd->heap, cap * sizeof *names);
    if (!names)
        return bi_done(cmd, bi_err(cmd, "memory exhausted"));
    int n = 0;
    for (size_t i = 0; i < len;) {
        const char *z = memchr(data + i, '\0', len - i);
        size_t l = z ? (size_t)(z - (data + i)) : len - i;
        names[n++] = mem_strndup(cmd->heap, data + i, l);
        if (!names[n - 1])
            return bi_done(cmd, bi_err(cmd, "memory exhausted"));
        i += l + 1;
    }
    st->named = true;
    st->width = n && regular ? wc__width(cmd, st, n, names) : 1;
    st->buf = mem_alloc(cmd->heap, WC_CHUNK + 8);
    if (!st->buf)
        return bi_done(cmd, bi_err(cmd, "memory exhausted"));
    bool from_stdin = !strcmp(list, "-");
    int status = 0;
    for (int i = 0; i < n && !bi_out_failed(cmd); i++) {
        if (!names[i][0]) {
            bi_err(cmd, "%s:%d: invalid zero-length file name", fs_qf(cmd, list), i + 1);
            status = 1;
            continue;
        }
        if (from_stdin && !strcmp(names[i], "-")) {
            bi_err(cmd, "when reading file names from stdin, no file name of %s allowed",
                   fs_q(cmd, "-"));
            status = 1;
            continue;
        }
        if (tx_each_operand(cmd, 1, &names[i], wc__file, st, TX_PLAIN))
            status = 1;
    }
    if (n > 1)
        wc__print(cmd, st, &st->total, "total");
    return bi_done(cmd, status);
}

int bi_wc(vb_cmd *cmd)
{
    wc_state st = {0};
    bi_opt o;
    bi_opt_init(&o, cmd, "cmlLw", wc_longs, wc_help);
    const char *files0 = NULL;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'c': st.pc = true; break;
        case 'm': st.pm = true; break;
        case 'l': st.pl = true; break;
        case 'L': st.pL = true; break;
        case 'w': st.pw = true; break;
        case 'F': files0 = o.arg; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (!st.pc && !st.pm && !st.pl && !st.pL && !st.pw)
        st.pl = st.pw = st.pc = true;
    st.utf8 = tx_utf8_locale(cmd);
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (files0) {
        if (n > 0) {
            bi_err(cmd, "extra operand %s", fs_q(cmd, ops[0]));
            static const char msg[] = "file operands cannot be combined with --files0-from\n";
            bi_errw(cmd, msg, sizeof msg - 1);
            return fs_try(cmd);
        }
        return wc__files0(cmd, &st, files0);
    }
    st.named = n > 0;
    char *dash[1] = {(char *)"-"};
    st.width = wc__width(cmd, &st, n > 0 ? n : 1, n > 0 ? ops : dash);
    st.buf = mem_alloc(cmd->heap, WC_CHUNK + 8);
    if (!st.buf)
        return bi_err(cmd, "memory exhausted");
    int status = tx_each_operand(cmd, n, ops, wc__file, &st, TX_PLAIN);
    if (n > 1)
        wc__print(cmd, &st, &st.total, "total");
    return bi_done(cmd, status);
}
