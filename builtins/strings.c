/*
 * strings: print the runs of printable characters (and tabs) of at least
 * -n MIN (default 4) bytes in files, the whole file as with -a; -t o|d|x
 * (and -o) prefix each string with its offset; -f prints the file name.
 * Reference: GNU binutils 2.40 strings. Deviation: -e encodings other than
 * s (7-bit bytes) are not supported.
 */
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("strings", bi_strings, BI_UTIL)

static const char strings_help[] =
    "Usage: strings [option(s)] [file(s)]\n"
    " Display printable strings in [file(s)] (stdin by default)\n"
    " The options are:\n"
    "  -a - --all                Scan the entire file, not just the data section [default]\n"
    "  -f --print-file-name      Print the name of the file before each string\n"
    "  -n <number>               Locate & print any sequence of at least <number>\n"
    "    --bytes=<number>         displayable characters.  (The default is 4).\n"
    "  -t --radix={o,d,x}        Print the location of the string in base 8, 10 or 16\n"
    "  -o                        An alias for --radix=o\n"
    "  -h --help                 Display this information\n"
    "  -v -V --version           Print the program's version number\n";

typedef struct st_state {
    size_t min;
    char radix;
    bool print_name;
    vbuf run;
} st_state;

static void st__flush(vb_cmd *cmd, st_state *st, const char *name, uint64_t start)
{
    if (st->run.len >= st->min) {
        if (st->print_name)
            bi_outf(cmd, "%s: ", name);
        if (st->radix == 'o')
            bi_outf(cmd, "%7llo ", (unsigned long long)start);
        else if (st->radix == 'd')
            bi_outf(cmd, "%7llu ", (unsigned long long)start);
        else if (st->radix == 'x')
            bi_outf(cmd, "%7llx ", (unsigned long long)start);
        bi_out(cmd, st->run.data, st->run.len);
        bi_outc(cmd, '\n');
    }
    vbuf_clear(&st->run);
}

static int st__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    st_state *st = ctx;
    unsigned char buf[65536];
    uint64_t off = 0, start = 0;
    vbuf_clear(&st->run);
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, buf, sizeof buf, TX_PLAIN);
        if (n < 0)
            return 1;
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++, off++) {
            unsigned c = buf[i];
            if ((c >= 32 && c < 127) || c == '\t') {
                if (!st->run.len)
                    start = off;
                vbuf_addc(&st->run, (char)c);
            } else {
                st__flush(cmd, st, name, start);
            }
        }
        if (bi_out_failed(cmd))
            return -1;
    }
    st__flush(cmd, st, name, start);
    return 0;
}

int bi_strings(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"all", 0, 'a'}, {"print-file-name", 0, 'f'}, {"bytes", 1, 'n'}, {"radix", 1, 't'},
        {"help", 0, 'h'}, {"version", 0, 'v'}, {0},
    };
    st_state st = {.min = 4};
    bi_opt o;
    bi_opt_init(&o, cmd, "afn:t:ohvV", longs, strings_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': break;
        case 'f': st.print_name = true; break;
        case 'n': {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) != 0 || v < 1) {
                bi_err(cmd, "invalid minimum string length %s", o.arg);
                return 1;
            }
            st.min = (size_t)v;
            break;
        }
        case 't':
            if (strlen(o.arg) != 1 || !strchr("odx", o.arg[0])) {
                bi_err(cmd, "invalid radix");
                return 1;
            }
            st.radix = o.arg[0];
            break;
        case 'o': st.radix = 'o'; break;
        case 'h': bi_outs(cmd, strings_help); return bi_done(cmd, 0);
        case 'v': case 'V': bi_outs(cmd, "strings " BI_VERSION_TEXT); return bi_done(cmd, 0);
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    vbuf_init(&st.run, cmd->heap);
    int status = 0;
    if (o.ind >= cmd->argc) {
        status = st__file(cmd, cmd->in, "{standard input}", &st) > 0;
        return bi_done(cmd, status);
    }
    for (int i = o.ind; i < cmd->argc; i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, cmd->argv[i], &err);
        if (!s) {
            bi_err(cmd, "'%s': No such file", cmd->argv[i]);
            status = 1;
            continue;
        }
        if (st__file(cmd, s, cmd->argv[i], &st))
            status = 1;
        stream_unref(s);
    }
    return bi_done(cmd, status);
}
