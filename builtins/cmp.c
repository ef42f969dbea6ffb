/*
 * cmp: compare two files byte by byte. -b (print differing bytes), -i
 * SKIP1[:SKIP2], -l (list every difference), -n LIMIT, -s (silent),
 * operands FILE1 [FILE2 [SKIP1 [SKIP2]]] (FILE2 defaults to stdin), GNU
 * size suffixes on skips and limits. Status 0 same, 1 different, 2
 * trouble. Reference: GNU diffutils 3.8 cmp.
 */
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("cmp", bi_cmp, BI_UTIL)

static const char cmp_help[] =
    "Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\n"
    "Compare two files byte by byte.\n"
    "\n"
    "The optional SKIP1 and SKIP2 specify the number of bytes to skip\n"
    "at the beginning of each file (zero by default).\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -b, --print-bytes          print differing bytes\n"
    "  -i, --ignore-initial=SKIP         skip first SKIP bytes of both inputs\n"
    "  -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and\n"
    "                                      first SKIP2 bytes of FILE2\n"
    "  -l, --verbose              output byte numbers and differing byte values\n"
    "  -n, --bytes=LIMIT          compare at most LIMIT bytes\n"
    "  -s, --quiet, --silent      suppress all normal output\n"
    "      --help                 display this help and exit\n"
    "  -v, --version              output version information and exit\n"
    "\n"
    "Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.\n";

static const bi_longopt cmp_longs[] = {
    {"print-bytes", 0, 'b'}, {"ignore-initial", 1, 'i'}, {"verbose", 0, 'l'},
    {"bytes", 1, 'n'}, {"quiet", 0, 's'}, {"silent", 0, 's'}, {0},
};

static bool cmp__num(const char *s, uint64_t *out)
{
    if (bi_parse_size(s, out) == 0)
        return true;
    return false;
}

/* The printable form GNU uses with -b: the byte itself, M-x, ^x. */
static void cmp__byte(char *out, unsigned c)
{
    size_t n = 0;
    if (c >= 128) {
        out[n++] = 'M';
        out[n++] = '-';
        c -= 128;
    }
    if (c < 32) {
        out[n++] = '^';
        out[n++] = (char)(c + 64);
    } else if (c == 127) {
        out[n++] = '^';
        out[n++] = '?';
    } else {
        out[n++] = (char)c;
    }
    out[n] = '\0';
}

/* diffutils' usage errors: "cmp: MSG" then "cmp: Try 'cmp --help'...". */
static int cmp__usage(vb_cmd *cmd, const char *msg)
{
    bi_err(cmd, "%s", msg);
    bi_err(cmd, "Try '%s --help' for more information.", cmd->argv[0]);
    return 2;
}

typedef struct cmp_in {
    stream *s;
    const char *name;
    unsigned char *buf;
    size_t len, pos;
    bool eof;
} cmp_in;

/* Next byte or -1 at the end, -2 on error (reported). */
static int cmp__get(vb_cmd *cmd, cmp_in *in)
{
    if (in->pos == in->len) {
        if (in->eof)
            return -1;
        ssize_t r = tx_read(cmd, in->s, in->name, in->buf, 65536, TX_PLAIN);
        if (r < 0)
            return -2;
        if (r == 0) {
            in->eof = true;
            return -1;
        }
        in->len = (size_t)r;
        in->pos = 0;
    }
    return in->buf[in->pos++];
}

int bi_cmp(vb_cmd *cmd)
{
    bool print_bytes = false, list = false, silent = false;
    uint64_t skip[2] = {0, 0}, limit = UINT64_MAX;
    bi_opt o;
    bi_opt_init(&o, cmd, "bi:ln:sv", cmp_longs, cmp_help);
    o.usage_status = 2;
    o.quiet = true;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': print_bytes = true; break;
        case 'l': list = true; break;
        case 's': silent = true; break;
        case 'v': bi_outs(cmd, "cmp " BI_VERSION_TEXT); return bi_done(cmd, 0);
        case 'i': {
            const char *colon = strchr(o.arg, ':');
            char *first = colon ? mem_strndup(cmd->heap, o.arg, (size_t)(colon - o.arg)) : (char *)o.arg;
            if (!first || !cmp__num(first, &skip[0]) || (colon && !cmp__num(colon + 1, &skip[1]))) {
                char *m = mem_printf(cmd->heap, "invalid --ignore-initial value '%s'", o.arg);
                return cmp__usage(cmd, m ? m : "invalid --ignore-initial value");
            }
            if (!colon)
                skip[1] = skip[0];
            break;
        }
        case 'n':
            if (!cmp__num(o.arg, &limit)) {
                char *m = mem_printf(cmd->heap, "invalid --bytes value '%s'", o.arg);
                return cmp__usage(cmd, m ? m : "invalid --bytes value");
            }
            break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: {
            char m[128];
            if (o.bad[0] == '-' && o.bad[1] == '-')
                snprintf(m, sizeof m, "unrecognized option '%s'", o.bad);
            else
                snprintf(m, sizeof m, "invalid option -- '%c'", o.bad[1]);
            return cmp__usage(cmd, m);
        }
        }
    }
    if (list && silent) {
        return cmp__usage(cmd, "options -l and -s are incompatible");
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (n < 1) {
        char *m = mem_printf(cmd->heap, "missing operand after '%s'", cmd->argv[0]);
        return cmp__usage(cmd, m ? m : "missing operand");
    }
    if (n > 4) {
        char *m = mem_printf(cmd->heap, "extra operand '%s'", ops[4]);
        return cmp__usage(cmd, m ? m : "extra operand");
    }
    for (int k = 2; k < n; k++) {
        if (!cmp__num(ops[k], &skip[k - 2])) {
            char *m = mem_printf(cmd->heap, "invalid --ignore-initial value '%s'", ops[k]);
            return cmp__usage(cmd, m ? m : "invalid --ignore-initial value");
        }
    }
    cmp_in in[2];
    memset(in, 0, sizeof in);
    in[0].name = ops[0];
    in[1].name = n >= 2 ? ops[1] : "-";
    for (int k = 0; k < 2; k++) {
        int err = 0;
        in[k].s = bi_open_read(cmd, in[k].name, &err);
        in[k].buf = mem_alloc(cmd->heap, 65536);
        if (!in[k].s || !in[k].buf) {
            if (!in[k].s)
                tx_open_error(cmd, in[k].name, err, TX_PLAIN);
            if (k)
                stream_unref(in[0].s);
            return 2;
        }
    }
    int status = 0;
    /* Skip the initial bytes. */
    for (int k = 0; k < 2 && status == 0; k++)
        for (uint64_t i = 0; i < skip[k]; i++) {
            int b = cmp__get(cmd, &in[k]);
            if (b == -2)
                status = 2;
            if (b < 0)
                break;
        }
    uint64_t byte = 0, line = 1;
    while (status != 2 && byte < limit) {
        int a = cmp__get(cmd, &in[0]), b = cmp__get(cmd, &in[1]);
        if (a == -2 || b == -2) {
            status = 2;
            break;
        }
        if (a < 0 || b < 0) {
            if (a < 0 && b < 0)
                break;
            /* One input ended first. */
            status = 1;
            if (!silent) {
                const char *which = a < 0 ? in[0].name : in[1].name;
                bi_flush(cmd);
                if (byte == 0)
                    bi_err(cmd, "EOF on %s which is empty", which);
                else if (list)
                    bi_err(cmd, "EOF on %s after byte %llu", which, (unsigned long long)byte);
                else
                    bi_err(cmd, "EOF on %s after byte %llu, in line %llu", which,
                           (unsigned long long)byte, (unsigned long long)line);
            }
            break;
        }
        byte++;
        if (a != b) {
            status = 1;
            if (silent)
                break;
            if (!list) {
                bi_outf(cmd, "%s %s differ: byte %llu, line %llu", in[0].name, in[1].name,
                        (unsigned long long)byte, (unsigned long long)line);
                if (print_bytes) {
                    char ca[8], cb[8];
                    cmp__byte(ca, (unsigned)a);
                    cmp__byte(cb, (unsigned)b);
                    bi_outf(cmd, " is %3o %s %3o %s", (unsigned)a, ca, (unsigned)b, cb);
                }
                bi_outc(cmd, '\n');
                break;
            }
            if (print_bytes) {
                char ca[8], cb[8];
                cmp__byte(ca, (unsigned)a);
                cmp__byte(cb, (unsigned)b);
                bi_outf(cmd, "%llu %3o %-4s %3o %s\n", (unsigned long long)byte, (unsigned)a, ca,
                        (unsigned)b, cb);
            } else {
                bi_outf(cmd, "%llu %3o %3o\n", (unsigned long long)byte, (unsigned)a, (unsigned)b);
            }
        }
        if (a == '\n')
            line++;
        if ((byte & 65535) == 0 && (bi_cancelled(cmd) || bi_out_failed(cmd)))
            break;
    }
    stream_unref(in[0].s);
    stream_unref(in[1].s);
    int st = bi_done(cmd, status);
    return st;
}
