/*
 * cut: remove sections from each line. -b LIST, -c LIST (bytes, as GNU
 * cut), -f LIST with -d DELIM and -s, --complement, --output-delimiter=S,
 * -z, -n (ignored, as GNU). LIST parsing and its messages follow gnulib's
 * set-fields. Streams line by line. Reference: GNU coreutils 9.1 cut.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("cut", bi_cut, BI_UTIL)
int bi_cut(vb_cmd *cmd);

static const char cut_help[] =
    "Usage: cut OPTION... [FILE]...\n"
    "Print selected parts of lines from each FILE to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -b, --bytes=LIST        select only these bytes\n"
    "  -c, --characters=LIST   select only these characters\n"
    "  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n"
    "  -f, --fields=LIST       select only these fields;  also print any line\n"
    "                            that contains no delimiter character, unless\n"
    "                            the -s option is specified\n"
    "  -n                      (ignored)\n"
    "      --complement        complement the set of selected bytes, characters\n"
    "                            or fields\n"
    "  -s, --only-delimited    do not print lines not containing delimiters\n"
    "      --output-delimiter=STRING  use STRING as the output delimiter\n"
    "                            the default is to use the input delimiter\n"
    "  -z, --zero-terminated   line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { CUT_COMPLEMENT = 256, CUT_OUTDELIM };

static const bi_longopt cut_longs[] = {
    {"bytes", 1, 'b'}, {"characters", 1, 'c'}, {"delimiter", 1, 'd'}, {"fields", 1, 'f'},
    {"complement", 0, CUT_COMPLEMENT}, {"only-delimited", 0, 's'},
    {"output-delimiter", 1, CUT_OUTDELIM}, {"zero-terminated", 0, 'z'}, {0},
};

typedef struct cut_range {
    uint64_t lo, hi;
} cut_range;

typedef struct cut_state {
    cut_range *r;
    size_t nr;
    bool fields, only_delim;
    char delim;
    const char *outd;
    size_t outdl;
    bool outd_set;
    int eol;
} cut_state;

static int cut__rcmp(const void *a, const void *b)
{
    const cut_range *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static bool cut__add(vb_cmd *cmd, cut_state *st, size_t *cap, uint64_t lo, uint64_t hi)
{
    if (st->nr == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        cut_range *n = mem_realloc(cmd->heap, st->r, *cap * sizeof *n);
        if (!n)
            return false;
        st->r = n;
    }
    st->r[st->nr].lo = lo;
    st->r[st->nr++].hi = hi;
    return true;
}

/* gnulib set_fields. Returns false after the message (status 1). */
static bool cut__list(vb_cmd *cmd, cut_state *st, const char *s, bool pos, bool complement)
{
    size_t cap = 0;
    uint64_t initial = 1, value = 0;
    bool lhs = false, rhs = false, dash = false, in_digits = false;
    const char *num_start = NULL;
    const char *from1 = pos ? "byte/character positions are numbered from 1"
                            : "fields are numbered from 1";
    for (;;) {
        char c = *s;
        if (c == '-') {
            in_digits = false;
            if (dash) {
                bi_usage(cmd, 1, "%s", pos ? "invalid byte or character range" : "invalid field range");
                return false;
            }
            dash = true;
            s++;
            if (lhs && !value) {
                bi_usage(cmd, 1, "%s", from1);
                return false;
            }
            initial = lhs ? value : 1;
            value = 0;
        } else if (c == ',' || c == ' ' || c == '\t' || c == '\0') {
            in_digits = false;
            if (dash) {
                dash = false;
                if (!lhs && !rhs) {
                    bi_usage(cmd, 1, "invalid range with no endpoint: -");
                    return false;
                }
                if (!rhs) {
                    if (!cut__add(cmd, st, &cap, initial, UINT64_MAX))
                        return false;
                } else {
                    if (value < initial) {
                        bi_usage(cmd, 1, "invalid decreasing range");
                        return false;
                    }
                    if (!cut__add(cmd, st, &cap, initial, value))
                        return false;
                }
                value = 0;
            } else {
                if (value == 0) {
                    bi_usage(cmd, 1, "%s", from1);
                    return false;
                }
                if (!cut__add(cmd, st, &cap, value, value))
                    return false;
                value = 0;
            }
            if (!c)
                break;
            s++;
            lhs = rhs = false;
        } else if (isdigit((unsigned char)c)) {
            if (!in_digits || !num_start)
                num_start = s;
            in_digits = true;
            if (dash)
                rhs = true;
            else
                lhs = true;
            unsigned d = (unsigned)(c - '0');
            if (value > (UINT64_MAX - d) / 10 || value * 10 + d == UINT64_MAX) {
                size_t len = strspn(num_start, "0123456789");
                char *bad = mem_strndup(cmd->heap, num_start, len);
                bi_usage(cmd, 1, pos ? "byte/character offset %s is too large"
                                     : "field number %s is too large",
                         fs_lq(cmd, bad ? bad : ""));
                return false;
            }
            value = value * 10 + d;
            s++;
        } else {
            bi_usage(cmd, 1, pos ? "invalid byte/character position %s" : "invalid field value %s",
                     fs_lq(cmd, s));
            return false;
        }
    }
    if (!st->nr) {
        bi_usage(cmd, 1, "%s", pos ? "missing list of byte/character positions" : "missing list of fields");
        return false;
    }
    qsort(st->r, st->nr, sizeof *st->r, cut__rcmp);
    size_t k = 0;
    for (size_t i = 1; i < st->nr; i++) {
        if (st->r[i].lo <= st->r[k].hi) {   /* overlapping; adjacent ones stay apart */
            if (st->r[i].hi > st->r[k].hi)
                st->r[k].hi = st->r[i].hi;
        } else {
            st->r[++k] = st->r[i];
        }
    }
    st->nr = k + 1;
    if (complement) {
        cut_range *c = mem_calloc(cmd->heap, st->nr + 1, sizeof *c);
        if (!c)
            return false;
        size_t n = 0;
        uint64_t next = 1;
        for (size_t i = 0; i < st->nr; i++) {
            if (st->r[i].lo > next)
                c[n++] = (cut_range){next, st->r[i].lo - 1};
            next = st->r[i].hi == UINT64_MAX ? UINT64_MAX : st->r[i].hi + 1;
        }
        if (next != UINT64_MAX)
            c[n++] = (cut_range){next, UINT64_MAX};
        st->r = c;
        st->nr = n;
    }
    return true;
}

/* Index of the range holding pos at or after *ri, or false. */
static bool cut__sel(const cut_state *st, size_t *ri, uint64_t pos)
{
    while (*ri < st->nr && st->r[*ri].hi < pos)
        (*ri)++;
    return *ri < st->nr && st->r[*ri].lo <= pos;
}

static void cut__bytes(vb_cmd *cmd, cut_state *st, const char *p, size_t n)
{
    size_t ri = 0;
    bool printed = false;
    size_t i = 0;
    while (i < n) {
        if (!cut__sel(st, &ri, i + 1)) {
            if (ri >= st->nr)
                break;
            /* jump to the next range */
            uint64_t lo = st->r[ri].lo - 1;
            i = lo < n ? (size_t)lo : n;
            continue;
        }
        uint64_t hi = st->r[ri].hi;
        size_t end = hi >= n ? n : (size_t)hi;
        if (printed && st->outd_set)
            bi_out(cmd, st->outd, st->outdl);
        bi_out(cmd, p + i, end - i);
        printed = true;
        i = end;
    }
    bi_outc(cmd, (char)st->eol);
}

static void cut__fields(vb_cmd *cmd, cut_state *st, const char *p, size_t n)
{
    const char *d = memchr(p, st->delim, n);
    if (!d) {
        if (!st->only_delim) {
            bi_out(cmd, p, n);
            bi_outc(cmd, (char)st->eol);
        }
        return;
    }
    size_t ri = 0;
    uint64_t f = 1;
    bool printed = false;
    const char *s = p, *e = p + n;
    for (;;) {
        const char *q = memchr(s, st->delim, (size_t)(e - s));
        const char *fe = q ? q : e;
        if (cut__sel(st, &ri, f)) {
            if (printed)
                bi_out(cmd, st->outd, st->outdl);
            bi_out(cmd, s, (size_t)(fe - s));
            printed = true;
        } else if (ri >= st->nr) {
            break;
        }
        if (!q)
            break;
        s = q + 1;
        f++;
    }
    bi_outc(cmd, (char)st->eol);
}

static int cut__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    cut_state *st = ctx;
    bi_reader r;
    bi_reader_init(&r, cmd, s);
    const char *rec;
    size_t len;
    int rc;
    while ((rc = bi_getrec(&r, st->eol, &rec, &len)) > 0) {
        if (len && rec[len - 1] == (char)st->eol)
            len--;
        if (st->fields)
            cut__fields(cmd, st, rec, len);
        else
            cut__bytes(cmd, st, rec, len);
        if (bi_out_failed(cmd))
            break;
    }
    bi_reader_free(&r);
    if (rc < 0)
        return tx_read_error(cmd, name, rc, TX_PLAIN);
    return bi_out_failed(cmd) ? -1 : 0;
}

int bi_cut(vb_cmd *cmd)
{
    cut_state st = {.delim = '\t', .eol = '\n'};
    const char *list = NULL;
    int kind = 0;          /* 'b', 'c', 'f' */
    bool complement = false, delim_set = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "b:c:d:f:nsz", cut_longs, cut_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': case 'c': case 'f':
            if (kind)
                return bi_usage(cmd, 1, "only one list may be specified");
            kind = c;
            list = o.arg;
            break;
        case 'd':
            if (o.arg[0] && o.arg[1])
                return bi_usage(cmd, 1, "the delimiter must be a single character");
            st.delim = o.arg[0];
            delim_set = true;
            break;
        case 'n': break;
        case 's': st.only_delim = true; break;
        case 'z': st.eol = '\0'; break;
        case CUT_COMPLEMENT: complement = true; break;
        case CUT_OUTDELIM:
            st.outd = o.arg;
            st.outdl = strlen(o.arg);
            st.outd_set = true;
            break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (!kind)
        return bi_usage(cmd, 1, "you must specify a list of bytes, characters, or fields");
    st.fields = kind == 'f';
    if (!st.fields && delim_set)
        return bi_usage(cmd, 1, "an input delimiter may be specified only when operating on fields");
    if (!st.fields && st.only_delim)
        return bi_usage(cmd, 1, "suppressing non-delimited lines makes sense\n\tonly when operating on fields");
    if (!cut__list(cmd, &st, list, !st.fields, complement))
        return 1;
    if (!st.outd_set) {
        st.outd = &st.delim;
        st.outdl = 1;
    }
    int status = tx_each_operand(cmd, cmd->argc - o.ind, cmd->argv + o.ind, cut__file, &st, TX_PLAIN);
    return bi_done(cmd, status);
}
