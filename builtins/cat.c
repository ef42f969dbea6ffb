/*
 * cat: concatenate files to standard output. -n -b -s -A -E -T -v -e -t -u
 * and their long names. Streams in 64 KiB chunks; line numbers and the
 * squeeze state run across operands as in GNU cat.
 * Reference: GNU coreutils 9.1 cat, including its "input file is output
 * file" check, made only for output opened to append (cat f >> f).
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("cat", bi_cat, BI_UTIL)
int bi_cat(vb_cmd *cmd);

static const char cat_help[] =
    "Usage: cat [OPTION]... [FILE]...\n"
    "Concatenate FILE(s) to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  -A, --show-all           equivalent to -vET\n"
    "  -b, --number-nonblank    number nonempty output lines, overrides -n\n"
    "  -e                       equivalent to -vE\n"
    "  -E, --show-ends          display $ at end of each line\n"
    "  -n, --number             number all output lines\n"
    "  -s, --squeeze-blank      suppress repeated empty output lines\n"
    "  -t                       equivalent to -vT\n"
    "  -T, --show-tabs          display TAB characters as ^I\n"
    "  -u                       (ignored)\n"
    "  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt cat_longs[] = {
    {"show-all", 0, 'A'},        {"number-nonblank", 0, 'b'}, {"show-ends", 0, 'E'},
    {"number", 0, 'n'},          {"squeeze-blank", 0, 's'},   {"show-tabs", 0, 'T'},
    {"show-nonprinting", 0, 'v'}, {0},
};

typedef struct cat_state {
    bool number, nonblank, squeeze, ends, tabs, nonprint;
    bool plain;
    bool bol;          /* at the beginning of a line */
    int empties;       /* consecutive empty lines seen */
    uint64_t lineno;
    char *buf;
} cat_state;

enum { CAT_CHUNK = 65536 };

static void cat__number(vb_cmd *cmd, cat_state *st)
{
    bi_outf(cmd, "%6llu\t", (unsigned long long)++st->lineno);
}

static void cat__byte(vb_cmd *cmd, cat_state *st, unsigned char c)
{
    if (c == '\t') {
        if (st->tabs)
            bi_out(cmd, "^I", 2);
        else
            bi_outc(cmd, '\t');
        return;
    }
    if (!st->nonprint) {
        bi_outc(cmd, (char)c);
        return;
    }
    char t[4];
    size_t n = 0;
    if (c >= 128) {
        t[n++] = 'M';
        t[n++] = '-';
        c -= 128;
    }
    if (c < 32) {
        t[n++] = '^';
        t[n++] = (char)(c + 64);
    } else if (c == 127) {
        t[n++] = '^';
        t[n++] = '?';
    } else {
        t[n++] = (char)c;
    }
    bi_out(cmd, t, n);
}

/* GNU refuses to copy a regular file onto itself (cat f >> f) while input
 * is left to read: the copy would only grow until the disk is full. */
static bool cat__self(vb_cmd *cmd, stream *s)
{
    /* only for output opened to append (cat f >> f): a VFS stream that
     * /dev/stdout reopened was not truncated as the host's reopen is, so
     * the check would see input GNU never sees there */
    stream *o = cmd->out;
    if (o->kind != STREAM_FILE || !(o->flags & STREAM_APPEND) || !o->path || s->kind != STREAM_FILE ||
        !s->path)
        return false;
    /* what earlier operands wrote counts, as GNU writes as it reads */
    bi_flush(cmd);
    vfs_stat_t so, si;
    if (vfs_stat(cmd->vfs, o->path, &so) < 0 || vfs_stat(cmd->vfs, s->path, &si) < 0)
        return false;
    if (!S_ISREG(so.mode) || so.dev != si.dev || so.ino != si.ino)
        return false;
    int64_t pos = stream_seek(s, 0, SEEK_CUR);
    return pos >= 0 && (uint64_t)pos < si.size;
}

static int cat__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    cat_state *st = ctx;
    if (cat__self(cmd, s)) {
        bi_err(cmd, "%s: input file is output file", name);
        return 1;
    }
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, st->buf, CAT_CHUNK, TX_PLAIN);
        if (n < 0)
            return 1;
        if (n == 0)
            return 0;
        if (st->plain) {
            if (bi_out(cmd, st->buf, (size_t)n) < 0)
                return -1;
            continue;
        }
        const unsigned char *p = (const unsigned char *)st->buf;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = p[i];
            if (c == '\n') {
                if (st->bol) {
                    st->empties++;
                    if (st->squeeze && st->empties > 1)
                        continue;
                    if (st->number && !st->nonblank)
                        cat__number(cmd, st);
                } else {
                    st->empties = 0;
                }
                if (st->ends)
                    bi_outc(cmd, '$');
                bi_outc(cmd, '\n');
                st->bol = true;
                continue;
            }
            if (st->bol) {
                st->bol = false;
                st->empties = 0;
                if (st->number)
                    cat__number(cmd, st);
            }
            if (!st->nonprint && !st->tabs) {
                /* Copy the rest of the line in one piece. */
                const unsigned char *e = memchr(p + i, '\n', (size_t)(n - i));
                size_t k = e ? (size_t)(e - (p + i)) : (size_t)(n - i);
                bi_out(cmd, p + i, k);
                i += (ssize_t)k - 1;
                continue;
            }
            cat__byte(cmd, st, c);
        }
        if (bi_out_failed(cmd))
            return -1;
    }
}

int bi_cat(vb_cmd *cmd)
{
    cat_state st = {.bol = true};
    bi_opt o;
    bi_opt_init(&o, cmd, "AbeEnstTuv", cat_longs, cat_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'A': st.nonprint = st.ends = st.tabs = true; break;
        case 'b': st.number = st.nonblank = true; break;
        case 'e': st.nonprint = st.ends = true; break;
        case 'E': st.ends = true; break;
        case 'n': st.number = true; break;
        case 's': st.squeeze = true; break;
        case 't': st.nonprint = st.tabs = true; break;
        case 'T': st.tabs = true; break;
        case 'u': break;
        case 'v': st.nonprint = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    st.plain = !(st.number || st.squeeze || st.ends || st.tabs || st.nonprint);
    st.buf = mem_alloc(cmd->heap, CAT_CHUNK);
    if (!st.buf)
        return bi_err(cmd, "%s", "memory exhausted");
    int status = tx_each_operand(cmd, cmd->argc - o.ind, cmd->argv + o.ind, cat__file, &st, TX_PLAIN);
    return bi_done(cmd, status);
}
