/*
 * iconv: convert text between character encodings with glibc's iconv.
 * -f FROM, -t TO (with //TRANSLIT and //IGNORE), -c (drop characters that
 * cannot be converted), -o FILE, -l (a short list), FILE operands. Errors
 * as glibc's iconv program: "illegal input sequence at position N",
 * "incomplete character or shift sequence at end of buffer".
 * Reference: glibc 2.36 iconv. Deviation: -l lists common names only.
 */
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("iconv", bi_iconv, BI_UTIL)

static const char iconv_help[] =
    "Usage: iconv [OPTION...] [FILE...]\n"
    "Convert encoding of given files from one encoding to another.\n"
    "\n"
    " Input/Output format specification:\n"
    "  -f, --from-code=NAME       encoding of original text\n"
    "  -t, --to-code=NAME         encoding for output\n"
    "\n"
    " Information:\n"
    "  -l, --list                 list all known coded character sets\n"
    "\n"
    " Output control:\n"
    "  -c                         omit invalid characters from output\n"
    "  -o, --output=FILE          output file\n"
    "  -s, --silent               suppress warnings\n"
    "      --verbose              print progress information\n"
    "\n"
    "  -?, --help                 Give this help list\n"
    "  -V, --version              Print program version\n";

enum { ICONV_VERBOSE = 256 };

typedef struct ic_state {
    iconv_t cd;
    bool skip_invalid;
    stream *out;
    char *obuf;
    uint64_t pos;        /* input offset of the current operand */
} ic_state;

static bool ic__emit(vb_cmd *cmd, ic_state *st, const char *p, size_t n)
{
    if (!n)
        return true;
    if (st->out)
        return stream_write(st->out, p, n) >= 0;
    return bi_out(cmd, p, n) >= 0;
}

/* Converts one stream; 0, or 1 after an error message. */
static int ic__file(vb_cmd *cmd, ic_state *st, stream *s)
{
    char in[65536 + 16];
    size_t keep = 0;
    st->pos = 0;
    int status = 0;
    for (;;) {
        ssize_t r = tx_read(cmd, s, NULL, in + keep, 65536, TX_PLAIN);
        if (r < 0)
            return 1;
        bool eof = r == 0;
        size_t avail = keep + (size_t)r;
        char *ip = in;
        size_t il = avail;
        while (il > 0) {
            char *op = st->obuf;
            size_t ol = 65536;
            size_t rc = iconv(st->cd, &ip, &il, &op, &ol);
            int e = errno;
            if (!ic__emit(cmd, st, st->obuf, (size_t)(op - st->obuf)))
                return 1;
            if (rc != (size_t)-1)
                break;
            if (e == E2BIG)
                continue;
            if (e == EILSEQ) {
                if (st->skip_invalid) {
                    /* //IGNORE has skipped what it could; step over the rest */
                    if (il == 0)
                        break;
                    ip++;
                    il--;
                    continue;
                }
                bi_flush(cmd);
                bi_err(cmd, "illegal input sequence at position %llu",
                       (unsigned long long)(st->pos + (uint64_t)(ip - in)));
                return 1;
            }
            if (e == EINVAL) {
                if (eof) {
                    bi_flush(cmd);
                    bi_err(cmd, "incomplete character or shift sequence at end of buffer");
                    return 1;
                }
                break;
            }
            bi_err(cmd, "conversion stopped due to problem in writing the output");
            return 1;
        }
        /* Bytes of a character cut by the end of the chunk wait for more. */
        st->pos += (uint64_t)(ip - in);
        keep = il;
        if (keep > 16) {
            bi_err(cmd, "incomplete character or shift sequence at end of buffer");
            return 1;
        }
        memmove(in, ip, keep);
        if (eof)
            break;
        if (bi_out_failed(cmd))
            return 1;
    }
    /* Flush any shift state. */
    char *op = st->obuf;
    size_t ol = 65536;
    iconv(st->cd, NULL, NULL, &op, &ol);
    ic__emit(cmd, st, st->obuf, (size_t)(op - st->obuf));
    return status;
}

int bi_iconv(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"from-code", 1, 'f'}, {"to-code", 1, 't'}, {"list", 0, 'l'}, {"output", 1, 'o'},
        {"silent", 0, 's'}, {"verbose", 0, ICONV_VERBOSE}, {0},
    };
    const char *from = NULL, *to = NULL, *outname = NULL;
    bool list = false;
    ic_state st = {0};
    bi_opt o;
    bi_opt_init(&o, cmd, "f:t:lo:csV", longs, iconv_help);
    o.quiet = true;   /* argp's wording and status below */
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'f': from = o.arg; break;
        case 't': to = o.arg; break;
        case 'l': list = true; break;
        case 'o': outname = o.arg; break;
        case 'c': st.skip_invalid = true; break;
        case 's': case ICONV_VERBOSE: break;
        case 'V': bi_outs(cmd, "iconv " BI_VERSION_TEXT); return bi_done(cmd, 0);
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default:
            bi_err(cmd, "%s", o.msg);
            static const char try_line[] =
                "Try `iconv --help' or `iconv --usage' for more information.\n";
            bi_errw(cmd, try_line, sizeof try_line - 1);
            return 64;
        }
    }
    if (list) {
        bi_outs(cmd, "The following list contains the common character sets:\n\n"
                     "ASCII, ISO-8859-1, ISO-8859-15, LATIN1, UTF-8, UTF-16, UTF-16BE, UTF-16LE,\n"
                     "UTF-32, UTF-32BE, UTF-32LE, UCS-2, UCS-4, WINDOWS-1252, CP1252, CP437,\n"
                     "KOI8-R, SHIFT_JIS, EUC-JP, GB2312, GBK, BIG5\n");
        return bi_done(cmd, 0);
    }
    if (!from)
        from = tx_utf8_locale(cmd) ? "UTF-8" : "ASCII";
    if (!to)
        to = tx_utf8_locale(cmd) ? "UTF-8" : "ASCII";
    char *tocode = st.skip_invalid && !strstr(to, "//IGNORE") ? mem_printf(cmd->heap, "%s//IGNORE", to)
                                                              : mem_strdup(cmd->heap, to);
    if (!tocode)
        return bi_err(cmd, "memory exhausted");
    st.cd = iconv_open(tocode, from);
    if (st.cd == (iconv_t)-1) {
        int e = errno;
        if (e == EINVAL) {
            iconv_t a = iconv_open("UTF-8", from), b = iconv_open(tocode, "UTF-8");
            bool fbad = a == (iconv_t)-1, tbad = b == (iconv_t)-1;
            if (!fbad)
                iconv_close(a);
            if (!tbad)
                iconv_close(b);
            if (fbad || tbad)   /* glibc 2.36's iconv program says so */
                bi_err(cmd, "failed to start conversion processing: %s", vb_strerror(VB_ENOENT));
            else
                bi_err(cmd, "conversion from `%s' to `%s' is not supported", from, to);
        } else {
            bi_err(cmd, "failed to start conversion processing: %s", vb_strerror(-e));
        }
        return 1;
    }
    st.obuf = mem_alloc(cmd->heap, 65536);
    if (!st.obuf) {
        iconv_close(st.cd);
        return bi_err(cmd, "memory exhausted");
    }
    if (outname) {
        int err = 0;
        st.out = bi_open_write(cmd, outname, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!st.out) {
            iconv_close(st.cd);
            bi_err(cmd, "cannot open output file `%s': %s", outname, vb_strerror(err));
            return 1;
        }
    }
    /* Transliteration follows LC_CTYPE: use the session's, for this thread only. */
    locale_t loc = tx_utf8_locale(cmd) ? newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0) : (locale_t)0;
    locale_t old = loc ? uselocale(loc) : (locale_t)0;
    int status = 0;
    int n = cmd->argc - o.ind;
    char *dash[1] = {(char *)"-"};
    char **ops = n ? cmd->argv + o.ind : dash;
    if (!n)
        n = 1;
    for (int i = 0; i < n; i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            bi_err(cmd, "cannot open input file `%s': %s", ops[i], vb_strerror(err));
            status = 1;
            continue;
        }
        int rc = ic__file(cmd, &st, s);
        stream_unref(s);
        if (rc) {   /* a conversion error ends the run, as glibc's iconv */
            status = rc;
            break;
        }
    }
    if (loc) {
        uselocale(old);
        freelocale(loc);
    }
    iconv_close(st.cd);
    stream_unref(st.out);
    return bi_done(cmd, status);
}
