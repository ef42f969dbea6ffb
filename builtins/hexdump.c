/*
 * hexdump: display file contents in hexadecimal, decimal, octal or ascii.
 * Format strings as util-linux: -e FORMAT and -f FILE ([ITER/]BYTES
 * "printf text" units; conversions %d %i %o %u %x %X %e %f %g %E %G %c %s
 * with flags, width and precision, %_a[dox] and %_A[dox] addresses, %_c,
 * %_p, %_u; iteration counts, byte counts, the last unit repeated to fill
 * the block, no trailing blank after the last iteration, blank padding
 * past the end of the data), and the standard formats -b -c -C -d -o -x
 * and the default written as such format strings, as util-linux does.
 * -n LENGTH, -s OFFSET (seekable inputs only, as util-linux), -v; repeated
 * blocks show as "*". Values are little-endian.
 * Color units (a conversion followed by _L[...]) as util-linux 2.38.1:
 * [!]COLOR[:VALUE|:STRING][@OFFSET[-END]],... parsed and matched as its
 * color_fmt and color_cond (the list runs to the last ']' of the format
 * string; an unknown color name drops the unit's whole list; util-linux's
 * name table with its two dead entries, "lightgray," and an unsorted
 * "white"), used with --color=always, or with auto (also the default) when
 * standard output is a terminal; otherwise skipped.
 * Reference: util-linux 2.38 hexdump. Deviations: a field width or
 * precision above 65535 is refused (bad format) rather than printed.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("hexdump", bi_hexdump, BI_UTIL)

static const char hexdump_help[] =
    "\n"
    "Usage:\n"
    " hexdump [options] <file>...\n"
    "\n"
    "Display file contents in hexadecimal, decimal, octal, or ascii.\n"
    "\n"
    "Options:\n"
    " -b, --one-byte-octal      one-byte octal display\n"
    " -c, --one-byte-char       one-byte character display\n"
    " -C, --canonical           canonical hex+ASCII display\n"
    " -d, --two-bytes-decimal   two-byte decimal display\n"
    " -o, --two-bytes-octal     two-byte octal display\n"
    " -x, --two-bytes-hex       two-byte hexadecimal display\n"
    " -L, --color[=<mode>]      interpret color formatting specifiers\n"
    "                             colors are enabled by default\n"
    " -e, --format <format>     format string to be used for displaying data\n"
    " -f, --format-file <file>  file that contains format strings\n"
    " -n, --length <length>     interpret only length bytes of input\n"
    " -s, --skip <offset>       skip offset bytes from the beginning\n"
    " -v, --no-squeezing        output identical lines\n"
    "\n"
    " -h, --help                display this help\n"
    " -V, --version             display version\n"
    "\n"
    "Arguments:\n"
    " <length> and <offset> arguments may be followed by the suffixes for\n"
    "   GiB, TiB, PiB, EiB, ZiB, and YiB (the \"iB\" is optional)\n"
    "\n"
    "For more details see hexdump(1).\n";

/* Print units (util-linux's F_* flags). */
enum {
    HD_ADDRESS = 1, HD_BPAD = 2, HD_C = 4, HD_CHAR = 8, HD_DBL = 16, HD_INT = 32, HD_P = 64,
    HD_STR = 128, HD_TEXT = 256, HD_U = 512, HD_UINT = 1024,
};
/* Format unit flags. */
enum { HD_SETREP = 1, HD_IGNORE = 2 };

/* One color condition of a _L[...] list (util-linux's hexdump_clr). */
typedef struct hd_clr {
    const char *seq;  /* escape sequence */
    bool invert;
    int val;          /* -1: none */
    char *str;        /* NULL: none */
    int64_t offt;     /* -1: any */
    int range;
} hd_clr;

typedef struct hd_pr {
    int flags;
    int bcnt;
    hd_clr *clr;      /* color conditions, NULL: none */
    int nclr;
    char *fmt;        /* one printf directive (or text) */
    size_t cchar;     /* index of the conversion in fmt */
    long nospace;     /* index of a trailing blank dropped on the last rep, -1 */
} hd_pr;

typedef struct hd_fu {
    int reps, bcnt, flags;
    char *fmt;
    hd_pr *prs;
    int npr;
} hd_fu;

typedef struct hd_fs {
    hd_fu *fus;
    int nfu;
    int bcnt;
} hd_fs;

typedef struct hd_state {
    vb_cmd *cmd;
    hd_fs *fss;
    int nfs;
    int blocksize;
    size_t overrun;   /* zero bytes kept after a block: units may read past it */
    hd_fu *endfu;     /* the %_A unit printed at the end */
    char *err;        /* the first format error */
    /* input */
    char **ops;
    int nops, next;
    bool named, any_ok, started;
    stream *s;
    uint64_t skip;
    int64_t length;   /* -1: no limit */
    int64_t address, eaddress;
    int status;
    bool fatal;
    int vflag;        /* util-linux's ALL, FIRST, WAIT, DUP */
    bool colors;      /* color units are used */
    unsigned char *curp, *savp;
    bool ateof;
} hd_state;

enum { HD_V_ALL, HD_V_FIRST, HD_V_WAIT, HD_V_DUP };

static void hd__fail(hd_state *H, char *msg)
{
    if (!H->err)
        H->err = msg;
}

static const char *hd__skip_space(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

/* Backslash escapes of a format unit's text, in place, as util-linux 2.38
 * does them: a character that is not escaped is not moved down, so after
 * an escape the text keeps its old characters at the written positions
 * ("x\\ty%c" reads "x\tt%c"). Byte-identical output needs the same. */
static void hd__escape(char *p1)
{
    char *p2 = p1;
    for (;;) {
        if (!*p1) {
            *p2 = '\0';
            break;
        }
        if (*p1 == '\\') {
            switch (*++p1) {
            case 'a': *p2 = '\a'; break;
            case 'b': *p2 = '\b'; break;
            case 'f': *p2 = '\f'; break;
            case 'n': *p2 = '\n'; break;
            case 'r': *p2 = '\r'; break;
            case 't': *p2 = '\t'; break;
            case 'v': *p2 = '\v'; break;
            case '\0': *p2 = '\0'; return;
            default: *p2 = *p1; break;
            }
        }
        p1++;
        p2++;
    }
}

/* One -e string: a new format string of units (util-linux add_fmt). */
static bool hd__add_fmt(hd_state *H, const char *fmt)
{
    mem_heap *h = H->cmd->heap;
    hd_fs *nf = mem_realloc(h, H->fss, (size_t)(H->nfs + 1) * sizeof *nf);
    if (!nf)
        return false;
    H->fss = nf;
    hd_fs *fs = &H->fss[H->nfs++];
    memset(fs, 0, sizeof *fs);
    const char *p = fmt;
    for (;;) {
        if (!*(p = hd__skip_space(p)))
            break;
        hd_fu *nu = mem_realloc(h, fs->fus, (size_t)(fs->nfu + 1) * sizeof *nu);
        if (!nu)
            return false;
        fs->fus = nu;
        hd_fu *fu = &fs->fus[fs->nfu++];
        memset(fu, 0, sizeof *fu);
        fu->reps = 1;
        if (isdigit((unsigned char)*p)) {
            const char *savep = p;
            while (isdigit((unsigned char)*p))
                p++;
            if (!isspace((unsigned char)*p) && *p != '/')
                goto bad;
            fu->reps = atoi(savep);
            fu->flags = HD_SETREP;
            p = hd__skip_space(p + 1);
        }
        if (*p == '/')
            p = hd__skip_space(p + 1);
        if (isdigit((unsigned char)*p)) {
            const char *savep = p;
            while (isdigit((unsigned char)*p))
                p++;
            if (!isspace((unsigned char)*p))
                goto bad;
            fu->bcnt = atoi(savep);
            p = hd__skip_space(p + 1);
        }
        if (*p != '"')
            goto bad;
        const char *savep = ++p;
        while (*p != '"') {
            if (!*p++)
                goto bad;
        }
        fu->fmt = mem_strndup(h, savep, (size_t)(p - savep));
        if (!fu->fmt)
            return false;
        hd__escape(fu->fmt);
        p++;
    }
    return true;
bad:
    hd__fail(H, mem_printf(h, "bad format {%s}", fmt));
    return false;
}

static const char hd_spec[] = ".#-+ 0123456789";

/* Bytes one pass of a format string reads (util-linux block_size). */
static int hd__block_size(hd_fs *fs)
{
    int cursize = 0;
    for (int u = 0; u < fs->nfu; u++) {
        hd_fu *fu = &fs->fus[u];
        if (fu->bcnt) {
            cursize += fu->bcnt * fu->reps;
            continue;
        }
        int bcnt = 0, prec = 0;
        const char *fmt = fu->fmt;
        while (*fmt) {
            if (*fmt != '%') {
                fmt++;
                continue;
            }
            while (*++fmt && strchr(hd_spec + 1, *fmt))
                ;
            if (*fmt == '.' && isdigit((unsigned char)*++fmt)) {
                prec = atoi(fmt);
                while (isdigit((unsigned char)*++fmt))
                    ;
            }
            if (!*fmt)
                break;
            if (strchr("diouxX", *fmt))
                bcnt += 4;
            else if (strchr("efgEG", *fmt))
                bcnt += 8;
            else if (*fmt == 's')
                bcnt += prec;
            else if (*fmt == 'c' || (*fmt == '_' && fmt[1] && strchr("cpu", *++fmt)))
                bcnt++;
            if (*fmt)
                fmt++;
        }
        cursize += bcnt * fu->reps;
    }
    return cursize;
}

/* Width and precision of a directive stay printable (sandbox bound). */
static bool hd__sane_widths(const char *d, const char *end)
{
    for (const char *q = d; q < end; q++) {
        if (isdigit((unsigned char)*q)) {
            long v = 0;
            while (q < end && isdigit((unsigned char)*q)) {
                v = v * 10 + (*q - '0');
                if (v > 65535)
                    return false;
                q++;
            }
        }
    }
    return true;
}

static bool hd__add_pr(hd_state *H, hd_fu *fu, hd_pr **out)
{
    hd_pr *np = mem_realloc(H->cmd->heap, fu->prs, (size_t)(fu->npr + 1) * sizeof *np);
    if (!np)
        return false;
    fu->prs = np;
    *out = &fu->prs[fu->npr++];
    memset(*out, 0, sizeof **out);
    (*out)->nospace = -1;
    return true;
}

/* Splits units in print units, one conversion each (util-linux
 * rewrite_rules). */
/* util-linux's color_sequence_from_colorname: a bsearch in a table whose
 * "lightgray," and "white" can never be found. */
static const char *hd__color_seq(const char *name)
{
    static const char *const names[][2] = {
        {"black", "\033[30m"}, {"blink", "\033[5m"}, {"blue", "\033[34m"},
        {"bold", "\033[1m"}, {"brown", "\033[33m"}, {"cyan", "\033[36m"},
        {"darkgray", "\033[1;30m"}, {"gray", "\033[37m"}, {"green", "\033[32m"},
        {"halfbright", "\033[2m"}, {"lightblue", "\033[1;34m"}, {"lightcyan", "\033[1;36m"},
        {"lightgray,", "\033[37m"}, {"lightgreen", "\033[1;32m"}, {"lightmagenta", "\033[1;35m"},
        {"lightred", "\033[1;31m"}, {"magenta", "\033[35m"}, {"red", "\033[31m"},
        {"reset", "\033[0m"}, {"reverse", "\033[7m"}, {"yellow", "\033[1;33m"},
        {"white", "\033[1;37m"},
    };
    size_t lo = 0, hi = sizeof names / sizeof names[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, names[mid][0]);
        if (c == 0)
            return names[mid][1];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* util-linux's color_fmt: "[!]color[:string|:0xhex|:0oct][@offt[-end]],...".
 * false after a format error; *out NULL when a color name is unknown. */
static bool hd__color_fmt(hd_state *H, char *cfmt, int bcnt, hd_pr *pr)
{
    mem_heap *h = H->cmd->heap;
    const char *whole = mem_strdup(h, cfmt);
    int cap = 4, n = 1;
    hd_clr *v = mem_calloc(h, (size_t)cap, sizeof *v);
    hd_clr *cur = &v[0];
    char *c = cfmt;
    while (c && *c) {
        if (*c == '!') {
            cur->invert = true;
            c++;
        }
        size_t nl = strcspn(c, ":@,");
        char *name = mem_strndup(h, c, nl);
        c += nl;
        cur->seq = hd__color_seq(name);
        mem_free(h, name);
        if (!cur->seq) {
            pr->clr = NULL;
            pr->nclr = 0;
            return true;
        }
        if (*c == ':') {
            c++;
            if (*c == '0') {
                char *end = NULL;
                errno = 0;
                unsigned long val = (c[1] == 'x' || c[1] == 'X') ? strtoul(c + 2, &end, 16)
                                                                 : strtoul(c, &end, 8);
                if (errno || end == c) {
                    hd__fail(H, mem_printf(h, "bad format {%s}", whole));
                    return false;
                }
                cur->val = (int)val;
                c = end;
            } else {
                cur->val = -1;
                size_t fe = strcspn(c, ",");
                char *at = NULL;
                for (size_t k = fe; k-- > 0;)
                    if (c[k] == '@') {
                        at = c + k;
                        break;
                    }
                size_t sl = fe;
                if (at) {
                    if (at + 1 < c + fe)
                        at--;
                    sl = (size_t)(at - c + 1);
                }
                cur->str = mem_strndup(h, c, sl);
                c += strlen(cur->str);
            }
        } else {
            cur->val = -1;
        }
        cur->range = bcnt;
        if (*c == '@') {
            errno = 0;
            cur->offt = (int64_t)strtoul(++c, &c, 10);
            if (errno) {
                hd__fail(H, mem_printf(h, "bad format {%s}", whole));
                return false;
            }
            if (*c == '-') {
                c++;
                errno = 0;
                cur->range = (int)((int64_t)strtoul(c, &c, 10) - cur->offt + 1);
                if (errno) {
                    hd__fail(H, mem_printf(h, "bad format {%s}", whole));
                    return false;
                }
                if (cur->range < 0) {
                    hd__fail(H, mem_strdup(h, "bad byte count for conversion character _L"));
                    return false;
                }
                /* a range over several print units: a condition for each,
                 * the clones after the condition they were cut from */
                if (bcnt > 0 && cur->range / bcnt > 65536) {
                    /* bounded here: util-linux makes one condition per unit */
                    hd__fail(H, mem_strdup(h, "bad byte count for conversion character _L"));
                    return false;
                }
                while (cur->range > bcnt && bcnt > 0) {
                    int idx = (int)(cur - v);
                    if (n == cap) {
                        cap *= 2;
                        v = mem_realloc(h, v, (size_t)cap * sizeof *v);
                        cur = &v[idx];
                    }
                    v[n] = *cur;
                    v[n++].range = bcnt;
                    cur->offt += bcnt;
                    cur->range -= bcnt;
                }
            }
        } else {
            cur->offt = -1;
        }
        if (cur->str && (int)strlen(cur->str) != cur->range) {
            hd__fail(H, mem_strdup(h, "bad byte count for conversion character _L"));
            return false;
        }
        if (*c == ',') {
            c++;
            if (n == cap) {
                int idx = (int)(cur - v);
                cap *= 2;
                v = mem_realloc(h, v, (size_t)cap * sizeof *v);
                cur = &v[idx];
            }
            memset(&v[n], 0, sizeof v[n]);
            cur = &v[n++];
        }
    }
    pr->clr = v;
    pr->nclr = n;
    return true;
}

static bool hd__rewrite(hd_state *H, hd_fs *fs)
{
    mem_heap *h = H->cmd->heap;
    for (int u = 0; u < fs->nfu; u++) {
        hd_fu *fu = &fs->fus[u];
        int nconv = 0;
        const char *fmtp = fu->fmt;
        while (*fmtp) {
            hd_pr *pr;
            if (!hd__add_pr(H, fu, &pr))
                return false;
            const char *p1 = fmtp;
            while (*p1 && *p1 != '%')
                p1++;
            if (!*p1) {
                pr->fmt = mem_strdup(h, fmtp);
                pr->flags = HD_TEXT;
                break;
            }
            const char *pct = p1;
            enum { NOTOKAY, USEBCNT, USEPREC } sokay = NOTOKAY;
            int prec = 0;
            if (fu->bcnt) {
                sokay = USEBCNT;
                while (*++p1 && strchr(hd_spec, *p1))
                    ;
            } else {
                while (*++p1 && strchr(hd_spec + 1, *p1))
                    ;
                if (*p1 == '.' && isdigit((unsigned char)*++p1)) {
                    sokay = USEPREC;
                    prec = atoi(p1);
                    while (isdigit((unsigned char)*++p1))
                        ;
                }
            }
            const char *p2 = *p1 ? p1 + 1 : p1;
            char cs[4] = {*p1, 0, 0, 0};
            bool bad_cnt = false;
            if (!*p1) {
                hd__fail(H, mem_printf(h, "bad conversion character %%%s", ""));
                return false;
            }
            if (*p1 == 'c') {
                pr->flags = HD_CHAR;
                if (fu->bcnt > 1)
                    bad_cnt = true;
                pr->bcnt = 1;
            } else if (strchr("diouxX", *p1)) {
                pr->flags = strchr("di", *p1) ? HD_INT : HD_UINT;
                cs[0] = 'l';
                cs[1] = 'l';
                cs[2] = *p1;
                if (fu->bcnt == 0)
                    pr->bcnt = 4;
                else if (fu->bcnt == 1 || fu->bcnt == 2 || fu->bcnt == 4 || fu->bcnt == 8)
                    pr->bcnt = fu->bcnt;
                else
                    bad_cnt = true;
            } else if (strchr("efgEG", *p1)) {
                pr->flags = HD_DBL;
                if (fu->bcnt == 0)
                    pr->bcnt = 8;
                else if (fu->bcnt == 4 || fu->bcnt == 8)
                    pr->bcnt = fu->bcnt;
                else
                    bad_cnt = true;
            } else if (*p1 == 's') {
                pr->flags = HD_STR;
                if (sokay == NOTOKAY) {
                    hd__fail(H, mem_strdup(h, "%s requires a precision or a byte count"));
                    return false;
                }
                pr->bcnt = sokay == USEBCNT ? fu->bcnt : prec;
            } else if (*p1 == '_') {
                p2++;
                switch (p1[1]) {
                case 'A':
                    H->endfu = fu;
                    fu->flags |= HD_IGNORE;
                    /* fall through */
                case 'a':
                    pr->flags = HD_ADDRESS;
                    if (p1[1] && p1[2] && strchr("dox", p1[2])) {
                        p2++;
                        cs[0] = 'l';
                        cs[1] = 'l';
                        cs[2] = p1[2];
                    } else {
                        hd__fail(H, mem_printf(h, "bad conversion character %%%.*s", p1[2] ? 3 : 2, p1));
                        return false;
                    }
                    break;
                case 'c':
                case 'p':
                case 'u':
                    pr->flags = p1[1] == 'c' ? HD_C : p1[1] == 'p' ? HD_P : HD_U;
                    cs[0] = p1[1] == 'p' ? 'c' : '_';
                    if (fu->bcnt > 1)
                        bad_cnt = true;
                    pr->bcnt = 1;
                    break;
                default:
                    hd__fail(H, mem_printf(h, "bad conversion character %%%.*s", p1[1] ? 2 : 1, p1));
                    return false;
                }
            } else {
                hd__fail(H, mem_printf(h, "bad conversion character %%%c", *p1));
                return false;
            }
            if (bad_cnt) {
                int n = *p1 == '_' ? 2 : 1;
                hd__fail(H, mem_printf(h, "bad byte count for conversion character %.*s", n, p1));
                return false;
            }
            if (!hd__sane_widths(pct, p1)) {
                hd__fail(H, mem_printf(h, "bad format {%s}", fu->fmt));
                return false;
            }
            /* color units */
            if (p2[0] == '_' && p2[1] == 'L') {
                const char *rb = strrchr(p2, ']');
                if (H->colors) {
                    const char *a = strchr(p2, '[');
                    if (!a || !rb) {
                        /* util-linux reports from where its search for ']' ended */
                        hd__fail(H, mem_printf(h, "bad conversion character %%%s", rb ? rb : "(null)"));
                        return false;
                    }
                    a++;
                    char *spec = mem_strndup(h, a, rb > a ? (size_t)(rb - a) : 0);
                    if (!hd__color_fmt(H, spec, pr->bcnt, pr))
                        return false;
                } else if (!rb) {
                    hd__fail(H, mem_strdup(h, "bad conversion character %_L"));
                    return false;
                }
                size_t pre0 = (size_t)(p1 - fmtp);
                pr->fmt = mem_printf(h, "%.*s%s", (int)pre0, fmtp, cs);
                if (!pr->fmt)
                    return false;
                pr->cchar = pre0;
                fmtp = rb + 1;
                if (!(pr->flags & HD_ADDRESS) && fu->bcnt && nconv++) {
                    hd__fail(H, mem_strdup(h, "byte count with multiple conversion characters"));
                    return false;
                }
                continue;
            }
            size_t pre = (size_t)(p1 - fmtp);
            pr->fmt = mem_printf(h, "%.*s%s", (int)pre, fmtp, cs);
            if (!pr->fmt)
                return false;
            pr->cchar = pre;
            fmtp = p2;
            if (!(pr->flags & HD_ADDRESS) && fu->bcnt && nconv++) {
                hd__fail(H, mem_strdup(h, "byte count with multiple conversion characters"));
                return false;
            }
        }
        if (!fu->bcnt)
            for (int i = 0; i < fu->npr; i++)
                fu->bcnt += fu->prs[i].bcnt;
    }
    for (int u = 0; u < fs->nfu; u++) {
        hd_fu *fu = &fs->fus[u];
        if (u == fs->nfu - 1 && fs->bcnt < H->blocksize && !(fu->flags & HD_SETREP) && fu->bcnt)
            fu->reps += (H->blocksize - fs->bcnt) / fu->bcnt;
        if (fu->reps > 1 && fu->npr) {
            hd_pr *pr = &fu->prs[fu->npr - 1];
            long last = -1;
            for (long i = 0; pr->fmt[i]; i++)
                last = isspace((unsigned char)pr->fmt[i]) ? i : -1;
            pr->nospace = last;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ output */

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static void hd__printf(hd_state *H, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(small, sizeof small, fmt, aq);
    va_end(aq);
    if (n >= 0 && (size_t)n < sizeof small) {
        bi_out(H->cmd, small, (size_t)n);
    } else if (n > 0) {
        char *big = mem_alloc(H->cmd->heap, (size_t)n + 1);
        if (big) {
            vsnprintf(big, (size_t)n + 1, fmt, ap);
            bi_out(H->cmd, big, (size_t)n);
            mem_free(H->cmd->heap, big);
        }
    }
    va_end(ap);
}

static void hd__conv_c(hd_state *H, hd_pr *pr, const unsigned char *p)
{
    const char *str = NULL;
    char buf[8];
    switch (*p) {
    case '\0': str = "\\0"; break;
    case '\a': str = "\\a"; break;
    case '\b': str = "\\b"; break;
    case '\f': str = "\\f"; break;
    case '\n': str = "\\n"; break;
    case '\r': str = "\\r"; break;
    case '\t': str = "\\t"; break;
    case '\v': str = "\\v"; break;
    default: break;
    }
    if (!str && *p >= 32 && *p < 127) {
        pr->fmt[pr->cchar] = 'c';
        hd__printf(H, pr->fmt, *p);
        return;
    }
    if (!str) {
        snprintf(buf, sizeof buf, "%03o", (int)*p);
        str = buf;
    }
    pr->fmt[pr->cchar] = 's';
    hd__printf(H, pr->fmt, str);
}

/* The bcnt-byte (1, 2, 4 or else 8) value at p in host byte order. */
static unsigned long long hd__load(const unsigned char *p, int bcnt)
{
    if (bcnt == 1)
        return p[0];
    if (bcnt == 2) {
        uint16_t x;
        memcpy(&x, p, sizeof x);
        return x;
    }
    if (bcnt == 4) {
        uint32_t x;
        memcpy(&x, p, sizeof x);
        return x;
    }
    unsigned long long x;
    memcpy(&x, p, sizeof x);
    return x;
}

static void hd__conv_u(hd_state *H, hd_pr *pr, const unsigned char *p)
{
    static const char *const list[] = {
        "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "lf",
        "vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak",
        "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us",
    };
    if (*p <= 0x1f) {
        pr->fmt[pr->cchar] = 's';
        hd__printf(H, pr->fmt, list[*p]);
    } else if (*p == 0x7f) {
        pr->fmt[pr->cchar] = 's';
        hd__printf(H, pr->fmt, "del");
    } else if (*p < 127) {
        pr->fmt[pr->cchar] = 'c';
        hd__printf(H, pr->fmt, *p);
    } else {
        pr->fmt[pr->cchar] = 'x';
        hd__printf(H, pr->fmt, (int)*p);
    }
}

static void hd__print(hd_state *H, hd_pr *pr, const unsigned char *bp)
{
    switch (pr->flags) {
    case HD_ADDRESS: hd__printf(H, pr->fmt, (long long)H->address); break;
    case HD_BPAD: hd__printf(H, pr->fmt, ""); break;
    case HD_C: hd__conv_c(H, pr, bp); break;
    case HD_CHAR: hd__printf(H, pr->fmt, *bp); break;
    case HD_DBL:
        if (pr->bcnt == 4) {
            float f;
            memcpy(&f, bp, sizeof f);
            hd__printf(H, pr->fmt, (double)f);
        } else {
            double d;
            memcpy(&d, bp, sizeof d);
            hd__printf(H, pr->fmt, d);
        }
        break;
    case HD_INT: {
        unsigned long long u = hd__load(bp, pr->bcnt);
        long long v = pr->bcnt == 1   ? (int8_t)u
                      : pr->bcnt == 2 ? (int16_t)u
                      : pr->bcnt == 4 ? (int32_t)u
                                      : (long long)u;
        hd__printf(H, pr->fmt, v);
        break;
    }
    case HD_P: hd__printf(H, pr->fmt, *bp >= 32 && *bp < 127 ? *bp : '.'); break;
    case HD_STR: {
        char *t = mem_strndup(H->cmd->heap, (const char *)bp, (size_t)pr->bcnt);
        if (t)
            hd__printf(H, pr->fmt, t);
        mem_free(H->cmd->heap, t);
        break;
    }
    case HD_TEXT: bi_outs(H->cmd, pr->fmt); break;
    case HD_U: hd__conv_u(H, pr, bp); break;
    case HD_UINT: hd__printf(H, pr->fmt, hd__load(bp, pr->bcnt)); break;
    default: break;
    }
}

#pragma GCC diagnostic pop

/* util-linux's color_cond: the sequence of the first condition that holds
 * for this print unit, or NULL. */
static const char *hd__color_cond(hd_state *H, const hd_pr *pr, const unsigned char *bp)
{
    int64_t address = H->address;
    for (int i = 0; i < pr->nclr; i++) {
        const hd_clr *c = &pr->clr[i];
        int64_t offt = c->offt < 0 ? address : c->offt;
        bool match = false;
        if (offt < address || offt + c->range > address + pr->bcnt)
            continue;
        if (c->str) {
            if (pr->flags != HD_ADDRESS && bp &&
                strncmp(c->str, (const char *)bp + (offt - address), (size_t)c->range) == 0)
                match = true;
        } else if (c->val != -1) {
            if (pr->flags == HD_ADDRESS) {
                match = c->val == address;
            } else if (bp) {
                int val = 0;
                memcpy(&val, bp + (offt - address),
                       (size_t)(c->range > (int)sizeof val ? (int)sizeof val : c->range));
                match = val == c->val;
            }
        } else {
            return c->seq;
        }
        if (match != c->invert)
            return c->seq;
    }
    return NULL;
}

static void hd__print_color(hd_state *H, hd_pr *pr, const unsigned char *bp)
{
    const char *seq = pr->nclr ? hd__color_cond(H, pr, bp) : NULL;
    if (seq)
        bi_outs(H->cmd, seq);
    hd__print(H, pr, bp);
    if (seq)
        bi_outs(H->cmd, "\033[0m");
}

/* Past the end of the data a conversion prints blanks of its width. */
static void hd__bpad(hd_pr *pr)
{
    pr->flags = HD_BPAD;
    pr->fmt[pr->cchar] = 's';
    pr->fmt[pr->cchar + 1] = '\0';
    char *p1 = strchr(pr->fmt, '%');
    if (!p1)
        return;
    char *p2 = ++p1;
    while (*p1 && strchr(" -0+#", *p1))
        p1++;
    while ((*p2++ = *p1++))
        ;
}

/* ------------------------------------------------------------------ input */

/* Opens the next operand, applying -s (util-linux next/doskip): 1 ready,
 * 0 no more input, -1 fatal (reported). */
static int hd__next(hd_state *H)
{
    for (;;) {
        if (H->s) {
            stream_unref(H->s);
            H->s = NULL;
        }
        const char *name;
        if (H->next < H->nops) {
            name = H->ops[H->next++];
        } else {
            if (H->named || H->started)
                return 0;
            name = "-";
        }
        H->started = true;
        int err = 0;
        stream *s = bi_open_read(H->cmd, name, &err);
        if (!s) {
            bi_err(H->cmd, "%s: %s", name, vb_strerror(err));
            H->status = 1;
            continue;
        }
        H->any_ok = true;
        H->s = s;
        if (!H->skip)
            return 1;
        int64_t size = stream_seek(s, 0, SEEK_END);
        if (size >= 0 && (uint64_t)size < H->skip) {
            H->skip -= (uint64_t)size;
            H->address += size;
            continue;
        }
        int64_t r = size < 0 ? size : stream_seek(s, (int64_t)H->skip, SEEK_SET);
        if (r < 0) {
            bi_err(H->cmd, "%s: Illegal seek", H->named ? name : "stdin");
            H->fatal = true;
            return -1;
        }
        H->address += (int64_t)H->skip;
        H->skip = 0;
        return 1;
    }
}

/* The next block to show, or NULL at the end (util-linux get). */
static unsigned char *hd__get(hd_state *H)
{
    int bs = H->blocksize;
    if (bs == 0) {
        /* formats that read nothing: the operands are opened, not shown */
        while (H->length != 0 && hd__next(H) > 0)
            ;
        return NULL;
    }
    if (!H->curp) {
        H->curp = mem_calloc(H->cmd->heap, (size_t)bs + H->overrun, 1);
        H->savp = mem_calloc(H->cmd->heap, (size_t)bs + H->overrun, 1);
        if (!H->curp || !H->savp)
            return NULL;
    } else {
        unsigned char *t = H->curp;
        H->curp = H->savp;
        H->savp = t;
        H->address += bs;
    }
    int64_t need = bs, nread = 0;
    for (;;) {
        if (H->fatal || bi_cancelled(H->cmd))
            return NULL;
        int nx = 1;
        if (H->length != 0 && H->ateof)
            nx = hd__next(H);
        if (nx < 0)
            return NULL;
        if (!H->length || nx == 0) {
            if (!H->any_ok && H->named && H->started) {
                bi_err(H->cmd, "all input file arguments failed");
                H->status = 1;
                return NULL;
            }
            if (need == bs)
                return NULL;
            memset(H->curp + nread, 0, (size_t)need);
            H->eaddress = H->address + nread;
            return H->curp;
        }
        int64_t want = H->length < 0 || H->length > need ? need : H->length;
        ssize_t n = tx_read(H->cmd, H->s, NULL, H->curp + nread, (size_t)want, TX_PLAIN);
        if (n <= 0) {
            if (n < 0) {
                bi_err(H->cmd, "%s", vb_strerror((int)n));
                H->status = 1;
            }
            H->ateof = true;
            continue;
        }
        H->ateof = false;
        if (H->length > 0)
            H->length -= n;
        need -= n;
        if (!need) {
            if (H->vflag == HD_V_ALL || H->vflag == HD_V_FIRST || memcmp(H->curp, H->savp, (size_t)bs)) {
                if (H->vflag == HD_V_DUP || H->vflag == HD_V_FIRST)
                    H->vflag = HD_V_WAIT;
                return H->curp;
            }
            if (H->vflag == HD_V_WAIT)
                bi_outs(H->cmd, "*\n");
            H->vflag = HD_V_DUP;
            H->address += bs;
            need = bs;
            nread = 0;
        } else {
            nread += n;
        }
    }
}

static void hd__display(hd_state *H)
{
    unsigned char *bp;
    while ((bp = hd__get(H)) != NULL && !bi_out_failed(H->cmd)) {
        unsigned char *savebp = bp;
        int64_t saveaddress = H->address;
        for (int f = 0; f < H->nfs; f++) {
            hd_fs *fs = &H->fss[f];
            long rem = H->blocksize;
            for (int u = 0; u < fs->nfu; u++) {
                hd_fu *fu = &fs->fus[u];
                if (fu->flags & HD_IGNORE)
                    break;
                for (int cnt = fu->reps; cnt && rem >= 0; cnt--) {
                    for (int i = 0; i < fu->npr; i++) {
                        hd_pr *pr = &fu->prs[i];
                        if (H->eaddress >= 0 && H->address >= H->eaddress &&
                            !(pr->flags & (HD_TEXT | HD_BPAD)))
                            hd__bpad(pr);
                        /* a unit reading past the block sees the zeros
                         * kept after it (hd__get) */
                        const unsigned char *src = bp;
                        if (cnt == 1 && pr->nospace >= 0) {
                            char save = pr->fmt[pr->nospace];
                            pr->fmt[pr->nospace] = '\0';
                            hd__print_color(H, pr, src);
                            pr->fmt[pr->nospace] = save;
                        } else {
                            hd__print_color(H, pr, src);
                        }
                        H->address += pr->bcnt;
                        rem -= pr->bcnt;
                        if (rem < 0)
                            break;
                        bp += pr->bcnt;
                    }
                }
            }
            bp = savebp;
            H->address = saveaddress;
        }
    }
    if (H->endfu && !H->fatal) {
        if (H->eaddress < 0) {
            if (!H->address)
                return;
            H->eaddress = H->address;
        }
        for (int i = 0; i < H->endfu->npr; i++) {
            hd_pr *pr = &H->endfu->prs[i];
            const char *seq = pr->nclr ? hd__color_cond(H, pr, NULL) : NULL;
            if (seq)
                bi_outs(H->cmd, seq);
            if (pr->flags == HD_ADDRESS)
                hd__printf(H, pr->fmt, (long long)H->eaddress);
            else if (pr->flags == HD_TEXT)
                bi_outs(H->cmd, pr->fmt);
            if (seq)
                bi_outs(H->cmd, "\033[0m");
        }
    }
}

/* The standard formats, as util-linux writes them. */
static const char *const hd_std_b[] = {"\"%07.7_Ax\\n\"", "\"%07.7_ax \" 16/1 \"%03o \" \"\\n\"", NULL};
static const char *const hd_std_c[] = {"\"%07.7_Ax\\n\"", "\"%07.7_ax \" 16/1 \"%3_c \" \"\\n\"", NULL};
static const char *const hd_std_C[] = {"\"%08.8_Ax\\n\"",
                                       "\"%08.8_ax  \" 8/1 \"%02x \" \"  \" 8/1 \"%02x \" ",
                                       "\"  |\" 16/1 \"%_p\" \"|\\n\"", NULL};
static const char *const hd_std_d[] = {"\"%07.7_Ax\\n\"", "\"%07.7_ax \" 8/2 \"  %05u \" \"\\n\"", NULL};
static const char *const hd_std_o[] = {"\"%07.7_Ax\\n\"", "\"%07.7_ax \" 8/2 \" %06o \" \"\\n\"", NULL};
static const char *const hd_std_x[] = {"\"%07.7_Ax\\n\"", "\"%07.7_ax \" 8/2 \"   %04x \" \"\\n\"", NULL};
static const char *const hd_std_default[] = {"\"%07.7_Ax\\n\"", "\"%07.7_ax \" 8/2 \"%04x \" \"\\n\"",
                                             NULL};

static bool hd__add_all(hd_state *H, const char *const *f)
{
    for (; *f; f++)
        if (!hd__add_fmt(H, *f))
            return false;
    return true;
}

/* -f FILE: one format string a line; blank lines and # comments skipped. */
static bool hd__add_file(hd_state *H, const char *name)
{
    char *data = NULL;
    size_t len = 0;
    int rc = 0;
    stream *s = bi_open_read(H->cmd, name, &rc);
    if (s) {
        rc = bi_slurp(H->cmd, s, &data, &len);
        stream_unref(s);
    }
    if (rc < 0) {
        hd__fail(H, mem_printf(H->cmd->heap, "can't read %s: %s", name, vb_strerror(rc)));
        return false;
    }
    char *p = data, *end = data + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        char *line = mem_strndup(H->cmd->heap, p, (size_t)(le - p));
        if (!line)
            return false;
        const char *f = hd__skip_space(line);
        if (*f && *f != '#' && !hd__add_fmt(H, f))
            return false;
        p = nl ? nl + 1 : end;
    }
    return true;
}

int bi_hexdump(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"one-byte-octal", 0, 'b'}, {"one-byte-char", 0, 'c'}, {"canonical", 0, 'C'},
        {"two-bytes-decimal", 0, 'd'}, {"two-bytes-octal", 0, 'o'}, {"two-bytes-hex", 0, 'x'},
        {"format", 1, 'e'}, {"format-file", 1, 'f'}, {"color", 2, 'L'},
        {"length", 1, 'n'}, {"skip", 1, 's'}, {"no-squeezing", 0, 'v'}, {"help", 0, 'h'},
        {"version", 0, 'V'}, {0},
    };
    hd_state H = {.cmd = cmd, .length = -1, .eaddress = -1, .vflag = HD_V_FIRST, .ateof = true};
    bi_opt o;
    bi_opt_init(&o, cmd, "bcCde:f:L::n:os:xvhV", longs, hexdump_help);
    int c;
    bool ok = true;
    const char *colormode = "auto";   /* util-linux: colors are enabled by default */
    while (ok && (c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': ok = hd__add_all(&H, hd_std_b); break;
        case 'c': ok = hd__add_all(&H, hd_std_c); break;
        case 'C': ok = hd__add_all(&H, hd_std_C); break;
        case 'd': ok = hd__add_all(&H, hd_std_d); break;
        case 'o': ok = hd__add_all(&H, hd_std_o); break;
        case 'x': ok = hd__add_all(&H, hd_std_x); break;
        case 'e': ok = hd__add_fmt(&H, o.arg); break;
        case 'f': ok = hd__add_file(&H, o.arg); break;
        case 'L':
            if (o.arg && strcasecmp(o.arg, "auto") && strcasecmp(o.arg, "never") &&
                strcasecmp(o.arg, "always")) {
                bi_err(cmd, "unsupported color mode: '%s'", o.arg);
                return 1;
            }
            colormode = o.arg ? o.arg : "auto";
            break;
        case 'n': case 's': {
            uint64_t v;
            if (bi_parse_size(o.arg, &v) != 0) {
                bi_err(cmd, "failed to parse %s: '%s': %s", c == 'n' ? "length" : "offset", o.arg,
                       vb_strerror(VB_EINVAL));
                return 1;
            }
            if (c == 'n')
                H.length = v > INT64_MAX ? INT64_MAX : (int64_t)v;
            else
                H.skip = v;
            break;
        }
        case 'v': H.vflag = HD_V_ALL; break;
        case 'h': bi_outs(cmd, hexdump_help); return bi_done(cmd, 0);
        case 'V': bi_outs(cmd, "hexdump " BI_VERSION_TEXT); return bi_done(cmd, 0);
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (ok && !H.nfs)
        ok = hd__add_all(&H, hd_std_default);
    for (int f = 0; ok && f < H.nfs; f++) {
        H.fss[f].bcnt = hd__block_size(&H.fss[f]);
        if (H.fss[f].bcnt > H.blocksize)
            H.blocksize = H.fss[f].bcnt;
    }
    if (!strcasecmp(colormode, "always")) {
        H.colors = true;
    } else if (!strcasecmp(colormode, "auto")) {
        const char *term = bi_getvar(cmd, "TERM");
        H.colors = cmd->out && (cmd->out->flags & STREAM_TTY) && term && *term &&
                   strcmp(term, "dumb") != 0;
    }
    for (int f = 0; ok && f < H.nfs; f++)
        ok = hd__rewrite(&H, &H.fss[f]);
    if (!ok) {
        if (H.err)
            bi_err(cmd, "%s", H.err);
        else
            bi_err(cmd, "memory exhausted");
        return 1;
    }
    H.overrun = 16;
    for (int f = 0; f < H.nfs; f++)
        for (int u = 0; u < H.fss[f].nfu; u++)
            for (int i = 0; i < H.fss[f].fus[u].npr; i++)
                if ((size_t)H.fss[f].fus[u].prs[i].bcnt > H.overrun)
                    H.overrun = (size_t)H.fss[f].fus[u].prs[i].bcnt;
    H.ops = cmd->argv + o.ind;
    H.nops = cmd->argc - o.ind;
    H.named = H.nops > 0;
    hd__display(&H);
    if (H.s)
        stream_unref(H.s);
    return bi_done(cmd, H.fatal ? 1 : H.status);
}
