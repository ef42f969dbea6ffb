/*
 * comm: compare two sorted files line by line. -1 -2 -3, --check-order /
 * --nocheck-order (by default disorder is reported once unpairable lines
 * were seen, and the status becomes 1), --output-delimiter=STR, --total,
 * -z. Lines compare bytewise (the C and C.UTF-8 collations).
 * Reference: GNU coreutils 9.1 comm.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("comm", bi_comm, BI_UTIL)

static const char comm_help[] =
    "Usage: comm [OPTION]... FILE1 FILE2\n"
    "Compare sorted files FILE1 and FILE2 line by line.\n"
    "\n"
    "When FILE1 or FILE2 (not both) is -, read standard input.\n"
    "\n"
    "With no options, produce three-column output.  Column one contains\n"
    "lines unique to FILE1, column two contains lines unique to FILE2,\n"
    "and column three contains lines common to both files.\n"
    "\n"
    "  -1              suppress column 1 (lines unique to FILE1)\n"
    "  -2              suppress column 2 (lines unique to FILE2)\n"
    "  -3              suppress column 3 (lines that appear in both files)\n"
    "\n"
    "  --check-order     check that the input is correctly sorted, even\n"
    "                      if all input lines are pairable\n"
    "  --nocheck-order   do not check that the input is correctly sorted\n"
    "  --output-delimiter=STR  separate columns with STR\n"
    "  --total           output a summary\n"
    "  -z, --zero-terminated    line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { COMM_CHECK = 256, COMM_NOCHECK, COMM_DELIM, COMM_TOTAL };

static const bi_longopt comm_longs[] = {
    {"check-order", 0, COMM_CHECK}, {"nocheck-order", 0, COMM_NOCHECK},
    {"output-delimiter", 1, COMM_DELIM}, {"total", 0, COMM_TOTAL},
    {"zero-terminated", 0, 'z'}, {0},
};

typedef struct comm_file {
    bi_reader r;
    stream *s;
    vbuf cur, prev;
    bool has, has_prev;
    const char *name;
} comm_file;

static int comm__cmp(const vbuf *a, const vbuf *b)
{
    size_t m = a->len < b->len ? a->len : b->len;
    int d = memcmp(a->data ? a->data : "", b->data ? b->data : "", m);
    if (d)
        return d;
    return a->len < b->len ? -1 : a->len > b->len;
}

/* Reads the next line of f; <0 on a read error. */
static int comm__next(comm_file *f, int eol)
{
    const char *rec;
    size_t len;
    vbuf t = f->prev;
    f->prev = f->cur;
    f->cur = t;
    f->has_prev = f->has;
    int rc = bi_getrec(&f->r, eol, &rec, &len);
    if (rc <= 0) {
        f->has = false;
        return rc;
    }
    if (len && rec[len - 1] == (char)eol)
        len--;
    vbuf_clear(&f->cur);
    vbuf_add(&f->cur, rec, len);
    f->has = true;
    return 1;
}

int bi_comm(vb_cmd *cmd)
{
    bool show[4] = {false, true, true, true};
    int check = 0;      /* 0 default, 1 enabled, -1 disabled */
    bool total = false;
    const char *delim = "\t";
    int eol = '\n';
    bi_opt o;
    bi_opt_init(&o, cmd, "123z", comm_longs, comm_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case '1': case '2': case '3': show[c - '0'] = false; break;
        case 'z': eol = '\0'; break;
        case COMM_CHECK: check = 1; break;
        case COMM_NOCHECK: check = -1; break;
        case COMM_DELIM:
            delim = o.arg;
            break;
        case COMM_TOTAL: total = true; break;
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
    size_t dl = *delim ? strlen(delim) : 1;   /* an empty delimiter is a NUL byte */
    comm_file f[2];
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
        vbuf_init(&f[i].cur, cmd->heap);
        vbuf_init(&f[i].prev, cmd->heap);
    }
    int status = 0;
    bool warned[2] = {false, false}, unpairable = false;
    uint64_t counts[4] = {0};
    for (int i = 0; i < 2; i++)
        if (comm__next(&f[i], eol) < 0)
            status = tx_read_error(cmd, ops[i], -1, TX_PLAIN);
    while (f[0].has || f[1].has) {
        int order = !f[0].has ? 1 : !f[1].has ? -1 : comm__cmp(&f[0].cur, &f[1].cur);
        order = (order > 0) - (order < 0);
        int col = order == 0 ? 3 : order < 0 ? 1 : 2;
        counts[col]++;
        if (order)
            unpairable = true;
        if (show[col]) {
            if (col >= 2 && show[1])
                bi_out(cmd, *delim ? delim : "", dl);
            if (col == 3 && show[2])
                bi_out(cmd, *delim ? delim : "", dl);
            const vbuf *l = col == 2 ? &f[1].cur : &f[0].cur;
            bi_out(cmd, l->data ? l->data : "", l->len);
            bi_outc(cmd, (char)eol);
        }
        for (int i = 0; i < 2; i++) {
            if (order == (i == 0 ? 1 : -1))
                continue;
            /* GNU checks a line against the one before it as it steps past. */
            if (f[i].has && f[i].has_prev && check == 0 && unpairable && !warned[i] &&
                comm__cmp(&f[i].prev, &f[i].cur) > 0) {
                bi_flush(cmd);
                bi_err(cmd, "file %d is not in sorted order", i + 1);
                warned[i] = true;
            }
            int rc = comm__next(&f[i], eol);
            if (rc < 0) {
                status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
                f[i].has = false;
            }
            /* --check-order: checked as soon as a line is read, and fatal. */
            if (check == 1 && f[i].has && f[i].has_prev && comm__cmp(&f[i].prev, &f[i].cur) > 0) {
                bi_flush(cmd);
                bi_err(cmd, "file %d is not in sorted order", i + 1);
                status = 1;
                goto done;
            }
        }
        if (bi_out_failed(cmd) || bi_cancelled(cmd))
            break;
    }
    if (total) {
        bi_outf(cmd, "%llu", (unsigned long long)counts[1]);
        bi_out(cmd, *delim ? delim : "", dl);
        bi_outf(cmd, "%llu", (unsigned long long)counts[2]);
        bi_out(cmd, *delim ? delim : "", dl);
        bi_outf(cmd, "%llu", (unsigned long long)counts[3]);
        bi_out(cmd, *delim ? delim : "", dl);
        bi_outs(cmd, "total");
        bi_outc(cmd, (char)eol);
    }
    if (warned[0] || warned[1]) {
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
