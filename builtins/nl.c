/*
 * nl: number lines of files. -b/-h/-f STYLE (a, t, n, pBRE), -d CC, -i N,
 * -l N, -n ln|rn|rz, -p, -s STRING, -v N, -w N; logical pages split by the
 * \:\:\: \:\: \: delimiter lines. Reference: GNU coreutils 9.1 nl.
 */
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/regex.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("nl", bi_nl, BI_UTIL)

static const char nl_help[] =
    "Usage: nl [OPTION]... [FILE]...\n"
    "Write each FILE to standard output, with line numbers added.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -b, --body-numbering=STYLE      use STYLE for numbering body lines\n"
    "  -d, --section-delimiter=CC      use CC for logical page delimiters\n"
    "  -f, --footer-numbering=STYLE    use STYLE for numbering footer lines\n"
    "  -h, --header-numbering=STYLE    use STYLE for numbering header lines\n"
    "  -i, --line-increment=NUMBER     line number increment at each line\n"
    "  -l, --join-blank-lines=NUMBER   group of NUMBER empty lines counted as one\n"
    "  -n, --number-format=FORMAT      insert line numbers according to FORMAT\n"
    "  -p, --no-renumber               do not reset line numbers for each section\n"
    "  -s, --number-separator=STRING   add STRING after (possible) line number\n"
    "  -v, --starting-line-number=NUMBER  first line number for each section\n"
    "  -w, --number-width=NUMBER       use NUMBER columns for line numbers\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "Default options are: -bt -d'\\:' -fn -hn -i1 -l1 -n'rn' -s<TAB> -v1 -w6\n";

static const bi_longopt nl_longs[] = {
    {"body-numbering", 1, 'b'}, {"section-delimiter", 1, 'd'}, {"footer-numbering", 1, 'f'},
    {"header-numbering", 1, 'h'}, {"line-increment", 1, 'i'}, {"join-blank-lines", 1, 'l'},
    {"number-format", 1, 'n'}, {"no-renumber", 0, 'p'}, {"number-separator", 1, 's'},
    {"starting-line-number", 1, 'v'}, {"number-width", 1, 'w'}, {0},
};

typedef struct nl_style {
    char kind;    /* 'a' 't' 'n' 'p' */
    rx *re;
} nl_style;

typedef struct nl_state {
    nl_style st[3];      /* header, body, footer */
    int section;         /* 0 header 1 body 2 footer */
    char delim[3];
    int64_t incr, start, line;
    uint64_t blank_join, blanks;
    int fmt;             /* 'l' 'r' 'z' */
    bool renumber;
    const char *sep;
    int width;
} nl_state;

static bool nl__style(vb_cmd *cmd, nl_style *s, const char *arg, const char *what)
{
    if ((arg[0] == 'a' || arg[0] == 't' || arg[0] == 'n') && !arg[1]) {
        s->kind = arg[0];
        return true;
    }
    if (arg[0] == 'p') {
        char *msg = NULL;
        if (rx_compile(cmd->heap, arg + 1, (size_t)-1, RX_BRE | RX_NOSUB, &s->re, &msg) != 0) {
            bi_err(cmd, "%s", msg ? msg : "invalid regular expression");
            return false;
        }
        s->kind = 'p';
        return true;
    }
    bi_usage(cmd, 1, "invalid %s numbering style: %s", what, fs_lq(cmd, arg));
    return false;
}

static bool nl__num(vb_cmd *cmd, const char *arg, int64_t *out, const char *what, int64_t min)
{
    int64_t v;
    int rc = bi_parse_i64(arg, &v);
    if (rc != 0 || v < min) {
        bi_err(cmd, "invalid %s: %s%s", what, fs_lq(cmd, arg),
               rc == -ERANGE || (rc == 0 && v < min) ? ": Numerical result out of range" : "");
        return false;
    }
    *out = v;
    return true;
}

static void nl__number(vb_cmd *cmd, nl_state *st)
{
    if (st->fmt == 'l')
        bi_outf(cmd, "%-*lld", st->width, (long long)st->line);
    else if (st->fmt == 'z')
        bi_outf(cmd, "%0*lld", st->width, (long long)st->line);
    else
        bi_outf(cmd, "%*lld", st->width, (long long)st->line);
    bi_outs(cmd, st->sep);
    st->line += st->incr;
}

static int nl__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    nl_state *st = ctx;
    bi_reader r;
    bi_reader_init(&r, cmd, s);
    const char *rec;
    size_t len;
    int rc;
    size_t dl = strlen(st->delim);
    while ((rc = bi_getrec(&r, '\n', &rec, &len)) > 0) {
        size_t l = len && rec[len - 1] == '\n' ? len - 1 : len;
        /* Section delimiter lines: CC repeated 3, 2 or 1 times. */
        if (dl && l && l % dl == 0 && l / dl <= 3) {
            bool all = true;
            for (size_t i = 0; i < l; i += dl)
                if (memcmp(rec + i, st->delim, dl))
                    all = false;
            if (all) {
                int sec = 3 - (int)(l / dl);
                st->section = sec;
                if (st->renumber)
                    st->line = st->start;
                bi_outc(cmd, '\n');
                continue;
            }
        }
        nl_style *sty = &st->st[st->section];
        bool number = false;
        switch (sty->kind) {
        case 'a':
            if (l == 0) {
                st->blanks++;
                if (st->blanks >= st->blank_join) {
                    number = true;
                    st->blanks = 0;
                }
            } else {
                number = true;
                st->blanks = 0;
            }
            break;
        case 't': number = l > 0; break;
        case 'p': number = rx_exec(sty->re, rec, l, 0, 0, NULL) == 1; break;
        default: break;
        }
        if (number)
            nl__number(cmd, st);
        else
            bi_outf(cmd, "%*s", st->width + (int)strlen(st->sep), "");
        bi_out(cmd, rec, l);
        bi_outc(cmd, '\n');
        if (bi_out_failed(cmd))
            break;
    }
    bi_reader_free(&r);
    if (rc < 0)
        return tx_read_error(cmd, name, rc, TX_PLAIN);
    return bi_out_failed(cmd) ? -1 : 0;
}

int bi_nl(vb_cmd *cmd)
{
    nl_state st = {.st = {{'n', NULL}, {'t', NULL}, {'n', NULL}}, .section = 1,
                   .delim = "\\:", .incr = 1, .start = 1, .blank_join = 1, .fmt = 'r',
                   .renumber = true, .sep = "\t", .width = 6};
    bi_opt o;
    bi_opt_init(&o, cmd, "b:d:f:h:i:l:n:ps:v:w:", nl_longs, nl_help);
    int c;
    int64_t v;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': if (!nl__style(cmd, &st.st[1], o.arg, "body")) return 1; break;
        case 'h': if (!nl__style(cmd, &st.st[0], o.arg, "header")) return 1; break;
        case 'f': if (!nl__style(cmd, &st.st[2], o.arg, "footer")) return 1; break;
        case 'd':
            st.delim[0] = o.arg[0];
            st.delim[1] = o.arg[0] ? o.arg[1] : '\0';
            if (o.arg[0] && !o.arg[1])
                st.delim[1] = ':';
            st.delim[2] = '\0';
            break;
        case 'i': if (!nl__num(cmd, o.arg, &st.incr, "line number increment", INT64_MIN)) return 1; break;
        case 'l':
            if (!nl__num(cmd, o.arg, &v, "line number of blank lines", 1))
                return 1;
            st.blank_join = (uint64_t)v;
            break;
        case 'n':
            if (!strcmp(o.arg, "ln")) st.fmt = 'l';
            else if (!strcmp(o.arg, "rn")) st.fmt = 'r';
            else if (!strcmp(o.arg, "rz")) st.fmt = 'z';
            else return bi_usage(cmd, 1, "invalid line numbering format: %s", fs_lq(cmd, o.arg));
            break;
        case 'p': st.renumber = false; break;
        case 's': st.sep = o.arg; break;
        case 'v': if (!nl__num(cmd, o.arg, &st.start, "starting line number", INT64_MIN)) return 1; break;
        case 'w':
            if (!nl__num(cmd, o.arg, &v, "line number field width", 1))
                return 1;
            st.width = v > 1000000 ? 1000000 : (int)v;
            break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    st.line = st.start;
    int status = tx_each_operand(cmd, cmd->argc - o.ind, cmd->argv + o.ind, nl__file, &st, TX_PLAIN);
    for (int i = 0; i < 3; i++)
        if (st.st[i].re)
            rx_free(st.st[i].re);
    return bi_done(cmd, status);
}
