/*
 * uniq: report or omit repeated lines. -c -d -D (--all-repeated[=none|
 * prepend|separate]) -u -i -f N -s N -w N -z, --group[=separate|prepend|
 * append|both], operands INPUT [OUTPUT]. Streams: only the previous line
 * is kept. Reference: GNU coreutils 9.1 uniq.
 */
#include <ctype.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("uniq", bi_uniq, BI_UTIL)

static const char uniq_help[] =
    "Usage: uniq [OPTION]... [INPUT [OUTPUT]]\n"
    "Filter adjacent matching lines from INPUT (or standard input),\n"
    "writing to OUTPUT (or standard output).\n"
    "\n"
    "With no options, matching lines are merged to the first occurrence.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -c, --count           prefix lines by the number of occurrences\n"
    "  -d, --repeated        only print duplicate lines, one for each group\n"
    "  -D                    print all duplicate lines\n"
    "      --all-repeated[=METHOD]  like -D, but allow separating groups\n"
    "                                 with an empty line;\n"
    "                                 METHOD={none(default),prepend,separate}\n"
    "  -f, --skip-fields=N   avoid comparing the first N fields\n"
    "      --group[=METHOD]  show all items, separating groups with an empty line;\n"
    "                          METHOD={separate(default),prepend,append,both}\n"
    "  -i, --ignore-case     ignore differences in case when comparing\n"
    "  -s, --skip-chars=N    avoid comparing the first N characters\n"
    "  -u, --unique          only print unique lines\n"
    "  -z, --zero-terminated     line delimiter is NUL, not newline\n"
    "  -w, --check-chars=N   compare no more than N characters in lines\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { UNIQ_ALLREP = 256, UNIQ_GROUP };

static const bi_longopt uniq_longs[] = {
    {"count", 0, 'c'}, {"repeated", 0, 'd'}, {"all-repeated", 2, UNIQ_ALLREP},
    {"skip-fields", 1, 'f'}, {"group", 2, UNIQ_GROUP}, {"ignore-case", 0, 'i'},
    {"skip-chars", 1, 's'}, {"unique", 0, 'u'}, {"zero-terminated", 0, 'z'},
    {"check-chars", 1, 'w'}, {0},
};

enum { DL_NONE, DL_PREPEND, DL_SEPARATE };            /* --all-repeated */
enum { GR_NONE, GR_SEPARATE, GR_PREPEND, GR_APPEND, GR_BOTH };

typedef struct uniq_state {
    bool count, repeated, unique, all_rep, icase;
    int delim_method, group;
    uint64_t skip_fields, skip_chars, check_chars;
    bool check_limited;
    int eol;
} uniq_state;

static void uniq__key(const uniq_state *st, const char *p, size_t n, const char **kp, size_t *kn)
{
    const char *e = p + n;
    for (uint64_t f = 0; f < st->skip_fields && p < e; f++) {
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        while (p < e && *p != ' ' && *p != '\t')
            p++;
    }
    uint64_t s = st->skip_chars;
    if ((uint64_t)(e - p) < s)
        p = e;
    else
        p += s;
    size_t len = (size_t)(e - p);
    if (st->check_limited && st->check_chars < len)
        len = (size_t)st->check_chars;
    *kp = p;
    *kn = len;
}

static bool uniq__same(const uniq_state *st, const char *a, size_t an, const char *b, size_t bn)
{
    const char *ka, *kb;
    size_t la, lb;
    uniq__key(st, a, an, &ka, &la);
    uniq__key(st, b, bn, &kb, &lb);
    if (la != lb)
        return false;
    if (st->icase) {
        for (size_t i = 0; i < la; i++)
            if (tolower((unsigned char)ka[i]) != tolower((unsigned char)kb[i]))
                return false;
        return true;
    }
    return memcmp(ka, kb, la) == 0;
}

static bool uniq__number(vb_cmd *cmd, const char *arg, uint64_t *out, const char *what)
{
    int64_t v;
    int rc = bi_parse_i64(arg, &v);
    if (rc == -ERANGE && arg[0] != '-') {
        *out = UINT64_MAX;
        return true;
    }
    if (rc != 0 || v < 0) {
        bi_err(cmd, "%s: %s", arg, what);
        return false;
    }
    *out = (uint64_t)v;
    return true;
}

int bi_uniq(vb_cmd *cmd)
{
    uniq_state st = {.eol = '\n'};
    bi_opt o;
    bi_opt_init(&o, cmd, "cdDf:is:uw:z", uniq_longs, uniq_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'c': st.count = true; break;
        case 'd': st.repeated = true; break;
        case 'D': st.all_rep = true; st.delim_method = DL_NONE; break;
        case UNIQ_ALLREP: {
            static const char *const m[] = {"none", "prepend", "separate"};
            int k = o.arg ? tx_argmatch(cmd, "--all-repeated", o.arg, m, NULL, 3) : 0;
            if (k < 0)
                return 1;
            st.all_rep = true;
            st.delim_method = k;
            break;
        }
        case UNIQ_GROUP: {
            static const char *const m[] = {"prepend", "append", "separate", "both"};
            static const int gv[] = {GR_PREPEND, GR_APPEND, GR_SEPARATE, GR_BOTH};
            int k = o.arg ? tx_argmatch(cmd, "--group", o.arg, m, NULL, 4) : 2;
            if (k < 0)
                return 1;
            st.group = gv[k];
            break;
        }
        case 'f':
            if (!uniq__number(cmd, o.arg, &st.skip_fields, "invalid number of fields to skip"))
                return 1;
            break;
        case 's':
            if (!uniq__number(cmd, o.arg, &st.skip_chars, "invalid number of bytes to skip"))
                return 1;
            break;
        case 'w':
            if (!uniq__number(cmd, o.arg, &st.check_chars, "invalid number of bytes to compare"))
                return 1;
            st.check_limited = true;
            break;
        case 'i': st.icase = true; break;
        case 'u': st.unique = true; break;
        case 'z': st.eol = '\0'; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (n > 2)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, ops[2]));
    if (st.group && (st.count || st.repeated || st.all_rep || st.unique))
        return bi_usage(cmd, 1, "--group is mutually exclusive with -c/-d/-D/-u");
    if (st.all_rep && st.count)
        return bi_usage(cmd, 1, "printing all duplicated lines and repeat counts is meaningless");

    const char *in_name = n >= 1 ? ops[0] : "-";
    int err = 0;
    stream *in = bi_open_read(cmd, in_name, &err);
    if (!in)
        return tx_open_error(cmd, in_name, err, TX_PLAIN);
    stream *out = NULL;
    if (n == 2 && strcmp(ops[1], "-")) {
        out = bi_open_write(cmd, ops[1], O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!out) {
            stream_unref(in);
            return tx_open_error(cmd, ops[1], err, TX_PLAIN);
        }
    }
    vbuf ob;
    vbuf_init(&ob, cmd->heap);
    vbuf prev;
    vbuf_init(&prev, cmd->heap);
    bool have_prev = false, first_group = true, first_out = true;
    uint64_t cnt = 0;
    bi_reader r;
    bi_reader_init(&r, cmd, in);
    const char *rec;
    size_t len;
    int rc, status = 0;
    bool plain = !st.all_rep && !st.group;
#define EMIT(p, l)                                        \
    do {                                                  \
        vbuf_add(&ob, (p), (l));                          \
        vbuf_addc(&ob, (char)st.eol);                     \
    } while (0)
    for (;;) {
        rc = bi_getrec(&r, st.eol, &rec, &len);
        bool eof = rc <= 0;
        if (!eof && len && rec[len - 1] == (char)st.eol)
            len--;
        bool same = !eof && have_prev && uniq__same(&st, prev.data, prev.len, rec, len);
        if (plain) {
            if (have_prev && (eof || !same)) {
                bool print = (!st.repeated && !st.unique) || (st.repeated && cnt > 1) ||
                             (st.unique && cnt == 1);
                if (st.repeated && st.unique)
                    print = false;
                if (print) {
                    if (st.count)
                        vbuf_printf(&ob, "%7llu ", (unsigned long long)cnt);
                    EMIT(prev.data, prev.len);
                }
            }
        } else if (st.all_rep) {
            /* Print every line of groups with more than one line. */
            if (!eof) {
                if (same) {
                    if (cnt == 1) {
                        if (st.delim_method == DL_PREPEND ||
                            (st.delim_method == DL_SEPARATE && !first_group))
                            vbuf_addc(&ob, (char)st.eol);
                        first_group = false;
                        EMIT(prev.data, prev.len);
                    }
                    EMIT(rec, len);
                }
            }
        } else {
            /* --group */
            if (!eof && (!have_prev || !same)) {
                if ((st.group == GR_PREPEND || st.group == GR_BOTH) ||
                    (!first_out && (st.group == GR_SEPARATE || st.group == GR_APPEND)))
                    vbuf_addc(&ob, (char)st.eol);
                first_out = false;
            }
            if (!eof)
                EMIT(rec, len);
            else if (have_prev && (st.group == GR_APPEND || st.group == GR_BOTH))
                vbuf_addc(&ob, (char)st.eol);
        }
        if (eof)
            break;
        if (same) {
            cnt++;
        } else {
            vbuf_clear(&prev);
            vbuf_add(&prev, rec, len);
            cnt = 1;
            have_prev = true;
        }
        if (ob.len >= 65536) {
            if (out ? stream_write(out, ob.data, ob.len) < 0 : bi_out(cmd, ob.data, ob.len) < 0)
                break;
            vbuf_clear(&ob);
        }
        if (bi_out_failed(cmd))
            break;
    }
#undef EMIT
    if (rc < 0)
        status = tx_read_error(cmd, in_name, rc, TX_PLAIN);
    if (ob.len) {
        if (out)
            stream_write(out, ob.data, ob.len);
        else
            bi_out(cmd, ob.data, ob.len);
    }
    bi_reader_free(&r);
    stream_unref(in);
    stream_unref(out);
    return bi_done(cmd, status);
}
