/*
 * join: join lines of two sorted files on a common field. -1 F -2 F -j F,
 * -t CHAR (default: runs of blanks, leading blanks ignored), -a N, -v N,
 * -e EMPTY, -o FORMAT (or auto), -i, --check-order / --nocheck-order,
 * --header, -z. Equal keys pair every line of both groups. Disorder is
 * reported as GNU does ("FILE:N: is not sorted: LINE", then "input is not
 * in sorted order", status 1). Reference: GNU coreutils 9.1 join.
 */
#include <ctype.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("join", bi_join, BI_UTIL)

static const char join_help[] =
    "Usage: join [OPTION]... FILE1 FILE2\n"
    "For each pair of input lines with identical join fields, write a line to\n"
    "standard output.  The default join field is the first, delimited by blanks.\n"
    "\n"
    "When FILE1 or FILE2 (not both) is -, read standard input.\n"
    "\n"
    "  -a FILENUM        also print unpairable lines from file FILENUM, where\n"
    "                      FILENUM is 1 or 2, corresponding to FILE1 or FILE2\n"
    "  -e STRING         replace missing (empty) input fields with STRING;\n"
    "                      I.e., missing fields specified with '-12jo' options\n"
    "  -i, --ignore-case  ignore differences in case when comparing fields\n"
    "  -j FIELD          equivalent to '-1 FIELD -2 FIELD'\n"
    "  -o FORMAT         obey FORMAT while constructing output line\n"
    "  -t CHAR           use CHAR as input and output field separator\n"
    "  -v FILENUM        like -a FILENUM, but suppress joined output lines\n"
    "  -1 FIELD          join on this FIELD of file 1\n"
    "  -2 FIELD          join on this FIELD of file 2\n"
    "  --check-order     check that the input is correctly sorted, even\n"
    "                      if all input lines are pairable\n"
    "  --nocheck-order   do not check that the input is correctly sorted\n"
    "  --header          treat the first line in each file as field headers,\n"
    "                      print them without trying to pair them\n"
    "  -z, --zero-terminated     line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { JOIN_CHECK = 256, JOIN_NOCHECK, JOIN_HEADER };

static const bi_longopt join_longs[] = {
    {"ignore-case", 0, 'i'}, {"check-order", 0, JOIN_CHECK}, {"nocheck-order", 0, JOIN_NOCHECK},
    {"header", 0, JOIN_HEADER}, {"zero-terminated", 0, 'z'}, {0},
};

typedef struct join_field {
    const char *p;
    size_t n;
} join_field;

typedef struct join_line {
    char *text;
    size_t len;
    join_field *f;
    size_t nf;
} join_line;

typedef struct join_spec {
    int file;      /* 0: the join field, 1 or 2 */
    size_t field;  /* 0-based */
} join_spec;

typedef struct join_state {
    vb_cmd *cmd;
    int tab;                /* -1: blanks */
    size_t key[2];          /* 0-based join fields */
    bool icase;
    bool print_unpaired[2], print_paired;
    const char *empty;
    join_spec *o;
    size_t no;
    bool o_auto;
    size_t auto_nf[2];
    int check;              /* 0 default, 1 on, -1 off */
    int eol;
    bool seen_unpairable, warned[2];
} join_state;

typedef struct join_file {
    bi_reader r;
    stream *s;
    const char *name;
    uint64_t lineno;
    join_line prev;
    bool has_prev;
} join_file;

static void join__split(join_state *st, join_line *l)
{
    size_t cap = 8;
    l->nf = 0;
    l->f = mem_alloc(st->cmd->heap, cap * sizeof *l->f);
    const char *p = l->text, *e = l->text + l->len;
    if (st->tab >= 0) {
        if (l->len == 0)
            return;
        for (;;) {
            const char *q = memchr(p, st->tab, (size_t)(e - p));
            const char *fe = q ? q : e;
            if (l->nf == cap) {
                cap *= 2;
                l->f = mem_realloc(st->cmd->heap, l->f, cap * sizeof *l->f);
            }
            if (!l->f)
                return;
            l->f[l->nf++] = (join_field){p, (size_t)(fe - p)};
            if (!q)
                break;
            p = q + 1;
        }
        return;
    }
    for (;;) {
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= e)
            break;
        const char *s = p;
        while (p < e && *p != ' ' && *p != '\t')
            p++;
        if (l->nf == cap) {
            cap *= 2;
            l->f = mem_realloc(st->cmd->heap, l->f, cap * sizeof *l->f);
        }
        if (!l->f)
            return;
        l->f[l->nf++] = (join_field){s, (size_t)(p - s)};
    }
}

/* 1 with a line, 0 at the end, <0 on error. */
static int join__read(join_state *st, join_file *f, join_line *l)
{
    const char *rec;
    size_t len;
    int rc = bi_getrec(&f->r, st->eol, &rec, &len);
    if (rc <= 0)
        return rc;
    if (len && rec[len - 1] == (char)st->eol)
        len--;
    l->text = mem_strndup(st->cmd->heap, rec, len);
    if (!l->text)
        return VB_ENOMEM;
    memcpy(l->text, rec, len);
    l->len = len;
    f->lineno++;
    join__split(st, l);
    return 1;
}

static int join__keycmp(const join_state *st, const join_line *a, size_t ka, const join_line *b, size_t kb)
{
    const char *pa = ka < a->nf ? a->f[ka].p : "";
    size_t la = ka < a->nf ? a->f[ka].n : 0;
    const char *pb = kb < b->nf ? b->f[kb].p : "";
    size_t lb = kb < b->nf ? b->f[kb].n : 0;
    size_t m = la < lb ? la : lb;
    int d = 0;
    if (st->icase) {
        for (size_t i = 0; i < m && !d; i++)
            d = tolower((unsigned char)pa[i]) - tolower((unsigned char)pb[i]);
    } else {
        d = memcmp(pa, pb, m);
    }
    if (d)
        return d;
    return la < lb ? -1 : la > lb;
}

static void join__sep(join_state *st)
{
    bi_outc(st->cmd, st->tab >= 0 ? (char)st->tab : ' ');
}

static void join__field(join_state *st, const join_line *l, size_t k)
{
    if (l && k < l->nf)
        bi_out(st->cmd, l->f[k].p, l->f[k].n);
    else
        bi_outs(st->cmd, st->empty ? st->empty : "");
}

/* Prints one output line from a (file 1, may be NULL) and b (file 2). */
static void join__emit(join_state *st, const join_line *a, const join_line *b)
{
    if (st->no) {
        for (size_t i = 0; i < st->no; i++) {
            if (i)
                join__sep(st);
            const join_spec *s = &st->o[i];
            if (s->file == 0) {
                if (a)
                    join__field(st, a, st->key[0]);
                else
                    join__field(st, b, st->key[1]);
            } else {
                join__field(st, s->file == 1 ? a : b, s->field);
            }
        }
        bi_outc(st->cmd, (char)st->eol);
        return;
    }
    if (st->o_auto) {
        const join_line *k = a ? a : b;
        join__field(st, k, a ? st->key[0] : st->key[1]);
        for (int fi = 0; fi < 2; fi++) {
            const join_line *l = fi == 0 ? a : b;
            for (size_t i = 0; i < st->auto_nf[fi]; i++) {
                if (i == st->key[fi])
                    continue;
                join__sep(st);
                join__field(st, l, i);
            }
        }
        bi_outc(st->cmd, (char)st->eol);
        return;
    }
    const join_line *k = a ? a : b;
    size_t kk = a ? st->key[0] : st->key[1];
    if (kk < k->nf)
        bi_out(st->cmd, k->f[kk].p, k->f[kk].n);
    for (int fi = 0; fi < 2; fi++) {
        const join_line *l = fi == 0 ? a : b;
        if (!l)
            continue;
        for (size_t i = 0; i < l->nf; i++) {
            if (i == st->key[fi])
                continue;
            join__sep(st);
            bi_out(st->cmd, l->f[i].p, l->f[i].n);
        }
    }
    bi_outc(st->cmd, (char)st->eol);
}

/* Disorder check after reading `cur` from file fi. false: fatal. */
static bool join__check(join_state *st, join_file *f, int fi, const join_line *cur)
{
    if (f->has_prev && st->check >= 0 && (st->check == 1 || st->seen_unpairable) && !st->warned[fi] &&
        join__keycmp(st, &f->prev, st->key[fi], cur, st->key[fi]) > 0) {
        vbuf m;
        vbuf_init(&m, st->cmd->heap);
        vbuf_printf(&m, "%s: %s:%llu: is not sorted: ", st->cmd->argv[0], f->name,
                    (unsigned long long)f->lineno);
        vbuf_add(&m, cur->text, cur->len);
        vbuf_addc(&m, '\n');
        bi_flush(st->cmd);
        bi_errw(st->cmd, m.data, m.len);
        st->warned[fi] = true;
        if (st->check == 1)
            return false;
    }
    f->prev = *cur;
    f->has_prev = true;
    return true;
}

static bool join__parse_field(vb_cmd *cmd, const char *s, size_t *out)
{
    int64_t v;
    if (bi_parse_i64(s, &v) != 0 || v < 1) {
        bi_err(cmd, "invalid field number: %s", fs_lq(cmd, s));
        return false;
    }
    *out = (size_t)v - 1;
    return true;
}

static bool join__parse_o(join_state *st, const char *arg)
{
    vb_cmd *cmd = st->cmd;
    if (!strcmp(arg, "auto")) {
        st->o_auto = true;
        return true;
    }
    size_t cap = 8;
    st->o = mem_alloc(cmd->heap, cap * sizeof *st->o);
    const char *p = arg;
    while (*p) {
        size_t len = strcspn(p, ", \t");
        char *item = mem_strndup(cmd->heap, p, len);
        if (!item || !st->o)
            return false;
        join_spec s = {0, 0};
        if (!strcmp(item, "0")) {
            s.file = 0;
        } else if ((item[0] == '1' || item[0] == '2') && item[1] == '.') {
            s.file = item[0] - '0';
            int64_t v;
            if (bi_parse_i64(item + 2, &v) != 0 || v < 1) {
                bi_err(cmd, "invalid field number: %s", fs_lq(cmd, item + 2));
                return false;
            }
            s.field = (size_t)v - 1;
        } else {
            bi_err(cmd, "invalid file number in field spec: %s", fs_lq(cmd, item));
            return false;
        }
        if (st->no == cap) {
            cap *= 2;
            st->o = mem_realloc(cmd->heap, st->o, cap * sizeof *st->o);
            if (!st->o)
                return false;
        }
        st->o[st->no++] = s;
        p += len;
        if (*p)
            p++;
    }
    return true;
}

int bi_join(vb_cmd *cmd)
{
    join_state st = {.cmd = cmd, .tab = -1, .print_paired = true, .eol = '\n'};
    bool header = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "a:e:i1:2:j:o:t:v:z", join_longs, join_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': case 'v':
            if (strcmp(o.arg, "1") && strcmp(o.arg, "2")) {
                bi_err(cmd, "invalid field number: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            st.print_unpaired[o.arg[0] - '1'] = true;
            if (c == 'v')
                st.print_paired = false;
            break;
        case 'e': st.empty = o.arg; break;
        case 'i': st.icase = true; break;
        case '1': if (!join__parse_field(cmd, o.arg, &st.key[0])) return 1; break;
        case '2': if (!join__parse_field(cmd, o.arg, &st.key[1])) return 1; break;
        case 'j':
            if (!join__parse_field(cmd, o.arg, &st.key[0]))
                return 1;
            st.key[1] = st.key[0];
            break;
        case 'o': if (!join__parse_o(&st, o.arg)) return 1; break;
        case 't':
            if (o.arg[0] && o.arg[1]) {
                if (strcmp(o.arg, "\\0")) {
                    bi_err(cmd, "multi-character tab %s", fs_lq(cmd, o.arg));
                    return 1;
                }
                st.tab = '\0';
                break;
            }
            st.tab = (unsigned char)o.arg[0];
            if (!o.arg[0])
                st.tab = '\n';    /* GNU: -t '' makes the whole line the field */
            break;
        case 'z': st.eol = '\0'; break;
        case JOIN_CHECK: st.check = 1; break;
        case JOIN_NOCHECK: st.check = -1; break;
        case JOIN_HEADER: header = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (n < 1)
        return bi_usage(cmd, 1, "missing operand");
    if (n < 2)
        return bi_usage(cmd, 1, "missing operand after %s", fs_lq(cmd, ops[0]));
    if (n > 2)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, ops[2]));
    join_file f[2];
    memset(f, 0, sizeof f);
    for (int i = 0; i < 2; i++) {
        int err = 0;
        f[i].name = ops[i];
        f[i].s = bi_open_read(cmd, ops[i], &err);
        if (!f[i].s) {
            tx_open_error(cmd, ops[i], err, TX_PLAIN);
            if (i)
                stream_unref(f[0].s);
            return 1;
        }
        bi_reader_init(&f[i].r, cmd, f[i].s);
    }
    int status = 0;
    /* Current groups: lines of equal keys from each file. */
    join_line *grp[2] = {NULL, NULL};
    size_t ng[2] = {0, 0}, capg[2] = {0, 0};
    join_line next[2];
    bool has[2];
    for (int i = 0; i < 2; i++) {
        int rc = join__read(&st, &f[i], &next[i]);
        if (rc < 0)
            status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
        has[i] = rc > 0;
        if (has[i]) {
            st.auto_nf[i] = next[i].nf;
            f[i].prev = next[i];
            f[i].has_prev = true;
        }
    }
    if (header && (has[0] || has[1])) {
        join__emit(&st, has[0] ? &next[0] : NULL, has[1] ? &next[1] : NULL);
        for (int i = 0; i < 2; i++) {
            if (!has[i])
                continue;
            int rc = join__read(&st, &f[i], &next[i]);
            has[i] = rc > 0;
            f[i].has_prev = false;
            if (has[i]) {
                f[i].prev = next[i];
                f[i].has_prev = true;
            }
        }
    }
    while (has[0] || has[1]) {
        if (bi_cancelled(cmd) || bi_out_failed(cmd))
            break;
        int order = !has[0] ? 1 : !has[1] ? -1 : join__keycmp(&st, &next[0], st.key[0], &next[1], st.key[1]);
        if (order != 0) {
            int fi = order < 0 ? 0 : 1;
            st.seen_unpairable = true;
            if (st.print_unpaired[fi])
                join__emit(&st, fi == 0 ? &next[0] : NULL, fi == 1 ? &next[1] : NULL);
            int rc = join__read(&st, &f[fi], &next[fi]);
            if (rc < 0)
                status = tx_read_error(cmd, ops[fi], rc, TX_PLAIN);
            has[fi] = rc > 0;
            if (has[fi] && !join__check(&st, &f[fi], fi, &next[fi])) {
                status = 1;
                goto done;
            }
            continue;
        }
        /* Collect both groups of this key. */
        for (int i = 0; i < 2; i++) {
            ng[i] = 0;
            join_line first = next[i];
            for (;;) {
                if (ng[i] == capg[i]) {
                    capg[i] = capg[i] ? capg[i] * 2 : 8;
                    grp[i] = mem_realloc(cmd->heap, grp[i], capg[i] * sizeof *grp[i]);
                    if (!grp[i])
                        return bi_err(cmd, "memory exhausted");
                }
                grp[i][ng[i]++] = next[i];
                int rc = join__read(&st, &f[i], &next[i]);
                if (rc < 0)
                    status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
                has[i] = rc > 0;
                if (!has[i])
                    break;
                if (!join__check(&st, &f[i], i, &next[i])) {
                    status = 1;
                    goto done;
                }
                if (join__keycmp(&st, &first, st.key[i], &next[i], st.key[i]) != 0)
                    break;
            }
        }
        if (st.print_paired)
            for (size_t a = 0; a < ng[0]; a++)
                for (size_t b = 0; b < ng[1]; b++)
                    join__emit(&st, &grp[0][a], &grp[1][b]);
    }
    if (st.warned[0] || st.warned[1]) {
        bi_flush(cmd);
        bi_err(cmd, "input is not in sorted order");
        status = 1;
    }
done:
    for (int i = 0; i < 2; i++) {
        bi_reader_free(&f[i].r);
        stream_unref(f[i].s);
    }
    return bi_done(cmd, status);
}
