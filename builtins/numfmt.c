/*
 * numfmt: convert numbers to and from human-readable strings. --from=
 * none|auto|si|iec|iec-i, --to=none|si|iec|iec-i, --from-unit, --to-unit
 * (N with K..Y / Ki..Yi), --round=up|down|from-zero|towards-zero|nearest,
 * --suffix, --padding (and automatic padding of blank-aligned fields),
 * --format=TEXT%[0]['][-][N][.][N]fTEXT, --field=LIST, -d X, --header[=N],
 * --invalid=abort|fail|warn|ignore, -z, --debug; numbers from operands or
 * from each input line, split in fields as GNU does.
 * Reference: GNU coreutils 9.1 numfmt: its number reader (fraction digits
 * give the output precision, 27 digits at most), its rounding in integer
 * steps, the "one decimal below 10" rule, --format's prefix and suffix
 * printed as written ("%%" stays "%%" after the directive, GNU's quirk).
 * --grouping and %'f use the C locales' grouping, which is none (the
 * session's locales are C and C.UTF-8), as GNU's does there.
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("numfmt", bi_numfmt, BI_UTIL)

static const char numfmt_help[] =
    "Usage: numfmt [OPTION]... [NUMBER]...\n"
    "Reformat NUMBER(s), or the numbers from standard input if none are specified.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -d, --delimiter=X    use X instead of whitespace for field delimiter\n"
    "      --field=FIELDS   replace the number in these input fields (default=1)\n"
    "      --format=FORMAT  use printf style floating-point FORMAT\n"
    "      --from=UNIT      auto-scale input numbers to UNITs; default is 'none'\n"
    "      --from-unit=N    specify the input unit size (instead of the default 1)\n"
    "      --header[=N]     print (without converting) the first N header lines\n"
    "      --invalid=MODE   failure mode for invalid numbers\n"
    "      --padding=N      pad the output to N characters\n"
    "      --round=METHOD   use METHOD for rounding when scaling; METHOD can be:\n"
    "                         up, down, from-zero (default), towards-zero, nearest\n"
    "      --suffix=SUFFIX  add SUFFIX to output numbers, and accept optional\n"
    "                         SUFFIX in input numbers\n"
    "      --to=UNIT        auto-scale output numbers to UNITs; see UNIT below\n"
    "      --to-unit=N      the output unit size (instead of the default 1)\n"
    "  -z, --zero-terminated    line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum {
    NF_FROM = 256, NF_TO, NF_FROMU, NF_TOU, NF_ROUND, NF_SUFFIX, NF_PAD, NF_FORMAT, NF_FIELD,
    NF_HEADER, NF_INVALID, NF_GROUPING, NF_DEBUG,
};

enum { NF_NONE, NF_AUTO, NF_SI, NF_IEC, NF_IECI };
enum { NF_R_UP, NF_R_DOWN, NF_R_FROM_ZERO, NF_R_TO_ZERO, NF_R_NEAREST };
enum { NF_I_ABORT, NF_I_FAIL, NF_I_WARN, NF_I_IGNORE };

/* Digits a long double holds without loss (LDBL_DIG) and the most an
 * input may have (999Y), as GNU 9.1. */
enum { NF_UNSCALED_DIGITS = 18, NF_MAX_DIGITS = 27 };

/* Results of reading a number (GNU's simple_strtod_error). */
enum { NF_OK, NF_OK_LOSS, NF_OVERFLOW, NF_BAD_NUMBER, NF_FORBIDDEN_SUFFIX, NF_BAD_SUFFIX,
       NF_MISSING_I };

typedef struct nf_opts {
    int from, to, round, invalid;
    uint64_t from_unit, to_unit;
    const char *suffix;
    long padding;          /* current width: <0 left-aligned */
    bool auto_padding;
    int zero_width;        /* %0Nf */
    long precision;        /* %.Nf, -1 when not given */
    char *fmt_prefix, *fmt_suffix;   /* text around the directive, as given */
    bool debug;
    size_t (*fields)[2];   /* ranges [lo, hi] of fields to convert */
    size_t nfields;
    int delim;        /* -1: whitespace */
    int eol;
    int conv_status;  /* 2 with --invalid=abort: the first error ends numfmt */
} nf_opts;

static long double nf__pow(long double base, int x)
{
    long double r = 1;
    while (x-- > 0)
        r *= base;
    return r;
}

static long double nf__abs(long double v)
{
    return v < 0 ? -v : v;
}

/* v = result * base^power with |result| < base (GNU expld). */
static long double nf__expld(long double v, int base, int *power)
{
    int p = 0;
    if (v >= -LDBL_MAX && v <= LDBL_MAX) {
        while (nf__abs(v) >= base) {
            p++;
            v /= base;
        }
    }
    *power = p;
    return v;
}

static intmax_t nf__ceil(long double v)
{
    intmax_t i = (intmax_t)v;
    if (i < v)
        i++;
    return i;
}

/* GNU's rounding: integer rounding in INTMAX_MAX-sized pieces. */
static long double nf__round(long double v, int mode)
{
    intmax_t mul = (intmax_t)(v / INTMAX_MAX);
    v -= (long double)INTMAX_MAX * mul;
    intmax_t r;
    switch (mode) {
    case NF_R_UP: r = nf__ceil(v); break;
    case NF_R_DOWN: r = -nf__ceil(-v); break;
    case NF_R_TO_ZERO: r = (intmax_t)v; break;
    case NF_R_NEAREST: r = (intmax_t)(v < 0 ? v - 0.5L : v + 0.5L); break;
    default: r = v < 0 ? -nf__ceil(-v) : nf__ceil(v); break;
    }
    return (long double)INTMAX_MAX * mul + r;
}

/* [-]DIGITS: the value in *v, *neg set; GNU simple_strtod_int. */
static int nf__int(const char *s, const char **end, long double *v, bool *neg)
{
    int e = NF_OK, digits = 0;
    bool found = false;
    long double val = 0;
    *neg = *s == '-';
    if (*neg)
        s++;
    while (*s >= '0' && *s <= '9') {
        int d = *s - '0';
        found = true;
        if (val != 0 || d)
            digits++;
        if (digits > NF_UNSCALED_DIGITS)
            e = NF_OK_LOSS;
        if (digits > NF_MAX_DIGITS) {
            *end = s;
            return NF_OVERFLOW;
        }
        val = val * 10 + d;
        s++;
    }
    *end = s;
    if (!found && *s != '.')
        return NF_BAD_NUMBER;
    *v = *neg ? -val : val;
    return e;
}

/* NUMBER[.FRACTION][SUFFIX]: GNU simple_strtod_human; *prec is the number
 * of fraction digits (0 after a unit suffix). */
static int nf__human(const nf_opts *o, const char *s, const char **end, long double *v,
                     size_t *prec)
{
    bool neg;
    *prec = 0;
    *v = 0;
    int e = nf__int(s, end, v, &neg);
    if (e != NF_OK && e != NF_OK_LOSS)
        return e;
    if (**end == '.') {
        const char *f = *end + 1, *fe;
        long double frac = 0;
        bool fneg;
        int e2 = nf__int(f, &fe, &frac, &fneg);
        if (e2 != NF_OK && e2 != NF_OK_LOSS)
            return e2;
        if (e2 == NF_OK_LOSS)
            e = e2;
        if (fneg)
            return NF_BAD_NUMBER;
        size_t n = (size_t)(fe - f);
        frac /= nf__pow(10, (int)n);
        *v = neg ? *v - frac : *v + frac;
        *prec = n;
        *end = fe;
    }
    int base = o->from == NF_IEC || o->from == NF_IECI ? 1024 : 1000, power = 0;
    const char *p = *end;
    if (*p) {
        if (*p == ' ' || *p == '\t')
            p++;
        if (*p) {
            static const char units[] = "KMGTPEZY";
            const char *u = strchr(units, *p);
            if (!u) {
                while (*p == ' ' || *p == '\t' || *p == '\n')
                    p++;
                *end = p;
                if (*p)
                    return NF_BAD_SUFFIX;
            } else {
                if (o->from == NF_NONE) {
                    *end = p;
                    return NF_FORBIDDEN_SUFFIX;
                }
                power = (int)(u - units) + 1;
                p++;
                if (o->from == NF_AUTO && *p == 'i') {
                    base = 1024;
                    p++;
                } else if (o->from == NF_IECI) {
                    if (*p != 'i') {
                        *end = p;
                        return NF_MISSING_I;
                    }
                    p++;
                }
                *prec = 0;
                while (*p == ' ' || *p == '\t' || *p == '\n')
                    p++;
                *end = p;
            }
        } else {
            *end = p;
        }
    }
    if (power)
        *v *= nf__pow(base, power);
    return e;
}

/* Reports a conversion error as GNU (unless --invalid=ignore). */
static void nf__conv_error(vb_cmd *cmd, const nf_opts *o, int e, const char *s)
{
    static const char *const msg[] = {
        [NF_OVERFLOW] = "value too large to be converted: %s",
        [NF_BAD_NUMBER] = "invalid number: %s",
        [NF_FORBIDDEN_SUFFIX] = "rejecting suffix in input: %s (consider using --from)",
        [NF_BAD_SUFFIX] = "invalid suffix in input: %s",
        [NF_MISSING_I] = "missing 'i' suffix in input: %s (e.g Ki/Mi/Gi)",
    };
    if (o->invalid == NF_I_IGNORE)
        return;
    char *m = mem_printf(cmd->heap, msg[e], fs_lq(cmd, s));
    bi_err(cmd, "%s", m ? m : "invalid number");
    mem_free(cmd->heap, m);
}

/* The number as text (GNU double_to_human) into b. */
static void nf__human_text(vbuf *b, const nf_opts *o, long double v, size_t prec)
{
    char fmt[48];
    if (o->zero_width)
        snprintf(fmt, sizeof fmt, "%%0%d.*Lf", o->zero_width);
    else
        snprintf(fmt, sizeof fmt, "%%.*Lf");
    const char *suffix = o->suffix ? o->suffix : "";
    if (o->to == NF_NONE) {
        long double m = nf__pow(10, (int)prec);
        v = nf__round(v * m, o->round) / m;
        vbuf_printf(b, fmt, (int)prec, v);
        vbuf_adds(b, suffix);
        return;
    }
    int base = o->to == NF_SI ? 1000 : 1024, power = 0;
    v = nf__expld(v, base, &power);
    int adjust = 0;
    if (o->precision != -1)
        adjust = power * 3 < o->precision ? power * 3 : (int)o->precision;
    else if (nf__abs(v) < 10)
        adjust = 1;
    long double m = nf__pow(10, adjust);
    v = nf__round(v * m, o->round) / m;
    if (nf__abs(v) >= base) {
        v /= base;
        power++;
    }
    int show_point = v != 0 && nf__abs(v) < 10 && power > 0;
    int p = o->precision == -1 ? show_point : (int)o->precision;
    static const char *const units[] = {"", "K", "M", "G", "T", "P", "E", "Z", "Y"};
    vbuf_printf(b, fmt, p, v);
    vbuf_adds(b, power <= 8 ? units[power] : "(error)");
    if (o->to == NF_IECI && power > 0)
        vbuf_addc(b, 'i');
    vbuf_adds(b, suffix);
}

/* Display width of s (mbswidth), -1 when it holds invalid or unprintable
 * characters. */
static long nf__width(vb_cmd *cmd, const char *s, size_t n)
{
    if (!tx_utf8_locale(cmd)) {
        for (size_t i = 0; i < n; i++)
            if (!isprint((unsigned char)s[i]))
                return -1;
        return (long)n;
    }
    long w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = tx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l <= 0)
            return -1;
        int cw = tx_wcwidth(cp);
        if (cw < 0)
            return -1;
        w += cw;
        i += (size_t)l;
    }
    return w;
}

/* Converts one field's text (modified: a trailing --suffix is cut) and
 * prints it, or prints it as it is when it is not a valid number; false
 * then. GNU process_suffixed_number + prepare_padded_number. */
static bool nf__field(vb_cmd *cmd, nf_opts *o, char *text, size_t field)
{
    if (o->suffix) {
        size_t tl = strlen(text), sl = strlen(o->suffix);
        if (tl > sl && !strcmp(text + tl - sl, o->suffix))
            text[tl - sl] = '\0';
    }
    char *p = text;
    while (*p == ' ' || *p == '\t')
        p++;
    if (o->auto_padding)
        o->padding = p > text || field > 1 ? (long)strlen(text) : 0;
    long double v = 0;
    size_t prec = 0;
    const char *end;
    int e = nf__human(o, p, &end, &v, &prec);
    bool ok = e == NF_OK || e == NF_OK_LOSS;
    if (!ok) {
        nf__conv_error(cmd, o, e, p);
    } else if (*end) {
        if (o->invalid != NF_I_IGNORE)
            bi_err(cmd, "invalid suffix in input %s: %s", fs_lq(cmd, p), fs_lq(cmd, end));
        ok = false;
    } else if (e == NF_OK_LOSS && o->debug) {
        bi_err(cmd, "large input value %s: possible precision loss", fs_lq(cmd, p));
    }
    if (ok && (o->from_unit != 1 || o->to_unit != 1))
        v = v * o->from_unit / o->to_unit;
    if (ok) {
        size_t used = o->precision == -1 ? prec : (size_t)o->precision;
        int x;
        nf__expld(v, 10, &x);
        if (o->to == NF_NONE && (size_t)x + used > NF_UNSCALED_DIGITS) {
            if (o->invalid != NF_I_IGNORE) {
                if (used)
                    bi_err(cmd, "value/precision too large to be printed: '%Lg/%zu' (consider using --to)",
                           v, used);
                else
                    bi_err(cmd, "value too large to be printed: '%Lg' (consider using --to)", v);
            }
            ok = false;
        } else if (x > NF_MAX_DIGITS - 1) {
            if (o->invalid != NF_I_IGNORE)
                bi_err(cmd, "value too large to be printed: '%Lg' (cannot handle values > 999Y)", v);
            ok = false;
        }
        if (ok) {
            vbuf num;
            vbuf_init(&num, cmd->heap);
            nf__human_text(&num, o, v, used);
            long pad = 0;
            if (o->padding) {
                long w = nf__width(cmd, num.data ? num.data : "", num.len);
                if (w >= 0) {
                    if (o->padding < 0 && o->padding < -w)
                        pad = o->padding + w;
                    else if (o->padding > 0 && w < o->padding)
                        pad = o->padding - w;
                }
            }
            if (o->fmt_prefix)
                bi_outs(cmd, o->fmt_prefix);
            for (long i = pad; i > 0; i--)
                bi_outc(cmd, ' ');
            bi_out(cmd, num.data, num.len);
            for (long i = pad; i < 0; i++)
                bi_outc(cmd, ' ');
            if (o->fmt_suffix)
                bi_outs(cmd, o->fmt_suffix);
            vbuf_free(&num);
            return true;
        }
    }
    if (o->invalid != NF_I_ABORT)   /* abort: the error ends numfmt */
        bi_outs(cmd, text);
    return false;
}

/* --field: a cut-style list of fields; false after GNU's message. */
static bool nf__fields(vb_cmd *cmd, nf_opts *o, const char *arg)
{
    size_t n = 1;
    for (const char *p = arg; *p; p++)
        n += *p == ',' || *p == ' ';
    o->fields = mem_calloc(cmd->heap, n, sizeof *o->fields);
    if (!o->fields)
        return false;
    o->nfields = 0;
    const char *p = arg;
    for (;;) {
        size_t lo = 0, hi = 0;
        bool have_lo = false, have_hi = false, dash = false;
        while (*p >= '0' && *p <= '9') {
            lo = lo > SIZE_MAX / 10 - 1 ? SIZE_MAX : lo * 10 + (size_t)(*p++ - '0');
            have_lo = true;
        }
        if (*p == '-') {
            dash = true;
            p++;
            while (*p >= '0' && *p <= '9') {
                hi = hi > SIZE_MAX / 10 - 1 ? SIZE_MAX : hi * 10 + (size_t)(*p++ - '0');
                have_hi = true;
            }
        }
        if ((*p && *p != ',' && *p != ' ') || (!have_lo && !dash)) {
            bi_err(cmd, "invalid field value %s", fs_lq(cmd, arg));
            return false;
        }
        if ((have_lo && lo == 0) || (have_hi && hi == 0)) {
            bi_err(cmd, "fields are numbered from 1");
            return false;
        }
        if (!have_lo)
            lo = 1;
        if (!dash)
            hi = lo;
        else if (!have_hi)
            hi = SIZE_MAX;
        if (hi < lo) {
            bi_err(cmd, "invalid decreasing range");
            return false;
        }
        o->fields[o->nfields][0] = lo;
        o->fields[o->nfields][1] = hi;
        o->nfields++;
        if (!*p)
            return true;
        p++;
    }
}

static bool nf__selected(const nf_opts *o, size_t f)
{
    for (size_t i = 0; i < o->nfields; i++)
        if (f >= o->fields[i][0] && f <= o->fields[i][1])
            return true;
    return false;
}

/* --format (GNU parse_format_string): text, one %[0]['][-][N][.][N]f
 * directive, text; "%%" outside it is kept as written, as GNU does. */
static bool nf__parse_format(vb_cmd *cmd, nf_opts *o, const char *fmt)
{
    size_t i, prefix_len = 0;
    for (i = 0; !(fmt[i] == '%' && fmt[i + 1] != '%'); i += (fmt[i] == '%') + 1) {
        if (!fmt[i]) {
            bi_err(cmd, "format %s has no %% directive", fs_lq(cmd, fmt));
            return false;
        }
        prefix_len++;
    }
    i++;
    bool zero = false;
    for (;;) {
        size_t skip = strspn(fmt + i, " ");
        i += skip;
        if (fmt[i] == '\'') {
            i++;   /* grouping: none in the session's C locales */
        } else if (fmt[i] == '0') {
            zero = true;
            i++;
        } else if (!skip) {
            break;
        }
    }
    char *end;
    errno = 0;
    long pad = strtol(fmt + i, &end, 10);
    if (errno == ERANGE || pad < -LONG_MAX) {
        bi_err(cmd, "invalid format %s (width overflow)", fs_lq(cmd, fmt));
        return false;
    }
    if (end != fmt + i && pad != 0) {
        if (o->debug && o->padding && !(zero && pad > 0))
            bi_err(cmd, "--format padding overriding --padding");
        if (pad < 0)
            o->padding = pad;
        else if (zero)
            o->zero_width = pad > INT_MAX ? INT_MAX : (int)pad;
        else
            o->padding = pad;
    }
    i = (size_t)(end - fmt);
    if (!fmt[i]) {
        bi_err(cmd, "format %s ends in %%", fs_lq(cmd, fmt));
        return false;
    }
    if (fmt[i] == '.') {
        i++;
        errno = 0;
        o->precision = strtol(fmt + i, &end, 10);
        if (errno == ERANGE || o->precision < 0 || isblank((unsigned char)fmt[i]) || fmt[i] == '+') {
            bi_err(cmd, "invalid precision in format %s", fs_lq(cmd, fmt));
            return false;
        }
        i = (size_t)(end - fmt);
    }
    if (fmt[i] != 'f') {
        bi_err(cmd, "invalid format %s, directive must be %%[0]['][-][N][.][N]f", fs_lq(cmd, fmt));
        return false;
    }
    i++;
    size_t suffix_pos = i;
    for (; fmt[i]; i += (fmt[i] == '%') + 1) {
        if (fmt[i] == '%' && fmt[i + 1] != '%') {
            bi_err(cmd, "format %s has too many %% directives", fs_lq(cmd, fmt));
            return false;
        }
    }
    if (prefix_len)
        o->fmt_prefix = mem_strndup(cmd->heap, fmt, prefix_len);
    if (fmt[suffix_pos])
        o->fmt_suffix = mem_strdup(cmd->heap, fmt + suffix_pos);
    return true;
}

/* GNU's unit_to_umax: digits with an optional K/Ki (1000 / 1024) suffix. */
static bool nf__unit(vb_cmd *cmd, const char *arg, uint64_t *out)
{
    const char *p = arg;
    while (isspace((unsigned char)*p))
        p++;
    uint64_t v = 0;
    bool ok = *p >= '0' && *p <= '9';
    for (; ok && *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10)
            ok = false;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    if (ok && *p) {
        static const char units[] = "KMGTPEZY";
        const char *u = strchr(units, *p);
        int power = u ? (int)(u - units) + 1 : 0;
        unsigned base = 1000;
        if (!u)
            ok = false;
        else if (p[1] == 'i' && !p[2])
            base = 1024;
        else if (p[1])
            ok = false;
        for (int k = 0; ok && k < power; k++) {
            if (v > UINT64_MAX / base)
                ok = false;
            v *= base;
        }
    }
    if (!ok || v == 0) {
        bi_err(cmd, "invalid unit size: %s", fs_lq(cmd, arg));
        return false;
    }
    *out = v;
    return true;
}

/* One line (or operand) split in fields, GNU process_line; false when a
 * field was not a valid number. *stop with --invalid=abort. */
static bool nf__line(vb_cmd *cmd, nf_opts *o, char *line, bool newline, bool *stop)
{
    bool valid = true;
    size_t field = 0;
    for (;;) {
        field++;
        char *start = line, *e = line;
        if (o->delim >= 0) {
            while (*e && *e != (char)o->delim)
                e++;
        } else {
            while (*e == ' ' || *e == '\t' || *e == '\n')
                e++;
            while (*e && *e != ' ' && *e != '\t' && *e != '\n')
                e++;
        }
        bool last = !*e;
        *e = '\0';
        bool ok = true;
        if (nf__selected(o, field))
            ok = nf__field(cmd, o, start, field);
        else
            bi_outs(cmd, start);
        if (!ok) {
            valid = false;
            if (o->invalid == NF_I_ABORT) {
                *stop = true;
                return false;
            }
        }
        if (last)
            break;
        bi_outc(cmd, o->delim >= 0 ? (char)o->delim : ' ');
        line = e + 1;
    }
    if (newline)
        bi_outc(cmd, (char)o->eol);
    return valid;
}

int bi_numfmt(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"from", 1, NF_FROM}, {"to", 1, NF_TO}, {"from-unit", 1, NF_FROMU}, {"to-unit", 1, NF_TOU},
        {"round", 1, NF_ROUND}, {"suffix", 1, NF_SUFFIX}, {"padding", 1, NF_PAD},
        {"format", 1, NF_FORMAT}, {"field", 1, NF_FIELD}, {"delimiter", 1, 'd'},
        {"header", 2, NF_HEADER}, {"invalid", 1, NF_INVALID}, {"zero-terminated", 0, 'z'},
        {"grouping", 0, NF_GROUPING}, {"debug", 0, NF_DEBUG}, {0},
    };
    nf_opts o = {.round = NF_R_FROM_ZERO, .from_unit = 1, .to_unit = 1, .delim = -1, .eol = '\n',
                 .precision = -1};
    uint64_t header = 0;
    bool grouping = false, fields_given = false;
    const char *format = NULL;
    bi_opt op;
    bi_opt_init(&op, cmd, "d:z", longs, numfmt_help);
    int c;
    while ((c = bi_opt_next(&op)) != BI_OPT_END) {
        switch (c) {
        case NF_FROM: case NF_TO: {
            static const char *const w[] = {"none", "auto", "si", "iec", "iec-i"};
            static const char *const wto[] = {"none", "si", "iec", "iec-i"};
            static const int vto[] = {NF_NONE, NF_SI, NF_IEC, NF_IECI};
            int m = c == NF_FROM ? tx_argmatch(cmd, "--from", op.arg, w, NULL, 5)
                                 : tx_argmatch(cmd, "--to", op.arg, wto, NULL, 4);
            if (m < 0)
                return 1;
            if (c == NF_TO)
                o.to = vto[m];
            else
                o.from = m;
            break;
        }
        case NF_FROMU:
            if (!nf__unit(cmd, op.arg, &o.from_unit))
                return 1;
            break;
        case NF_TOU:
            if (!nf__unit(cmd, op.arg, &o.to_unit))
                return 1;
            break;
        case NF_ROUND: {
            static const char *const w[] = {"up", "down", "from-zero", "towards-zero", "nearest"};
            int m = tx_argmatch(cmd, "--round", op.arg, w, NULL, 5);
            if (m < 0)
                return 1;
            o.round = m;
            break;
        }
        case NF_SUFFIX: o.suffix = op.arg; break;
        case NF_PAD: {
            int64_t v;
            int rc = bi_parse_i64(op.arg, &v);
            if ((rc != 0 && rc != -ERANGE) || v == 0) {
                bi_err(cmd, "invalid padding value %s", fs_lq(cmd, op.arg));
                return 1;
            }
            o.padding = (long)v;
            break;
        }
        case NF_FORMAT: format = op.arg; break;
        case NF_FIELD:
            if (fields_given) {
                bi_err(cmd, "multiple field specifications");
                return 1;
            }
            if (!nf__fields(cmd, &o, op.arg))
                return fs_try(cmd);
            fields_given = true;
            break;
        case NF_GROUPING: grouping = true; break;   /* no grouping in the C locales */
        case NF_DEBUG: o.debug = true; break;
        case 'd':
            if (op.arg[0] && op.arg[1]) {
                bi_err(cmd, "the delimiter must be a single character");
                return 1;
            }
            o.delim = (unsigned char)op.arg[0];
            break;
        case NF_HEADER: {
            int64_t v = 1;
            if (op.arg && (bi_parse_i64(op.arg, &v) != 0 || v < 1)) {
                bi_err(cmd, "invalid header value %s", fs_lq(cmd, op.arg));
                return 1;
            }
            header = (uint64_t)v;
            break;
        }
        case NF_INVALID: {
            static const char *const w[] = {"abort", "fail", "warn", "ignore"};
            int m = tx_argmatch(cmd, "--invalid", op.arg, w, NULL, 4);
            if (m < 0)
                return 1;
            o.invalid = m;
            break;
        }
        case 'z': o.eol = '\0'; break;
        case BI_OPT_EXIT: return bi_done(cmd, op.status);
        default: return op.status;
        }
    }
    if (format && grouping) {
        bi_err(cmd, "--grouping cannot be combined with --format");
        return 1;
    }
    if (o.debug && o.from == NF_NONE && o.to == NF_NONE && !grouping && !o.padding && !format)
        bi_err(cmd, "no conversion option specified");
    if (format && !nf__parse_format(cmd, &o, format))
        return 1;
    if (grouping) {
        if (o.to != NF_NONE) {
            bi_err(cmd, "grouping cannot be combined with --to");
            return 1;
        }
        if (o.debug)
            bi_err(cmd, "grouping has no effect in this locale");
    }
    o.auto_padding = o.padding == 0 && o.delim < 0;
    if (!o.nfields) {
        static size_t first[1][2] = {{1, 1}};
        o.fields = first;
        o.nfields = 1;
    }
    bool valid = true, stop = false;
    if (op.ind < cmd->argc) {
        if (o.debug && header)
            bi_err(cmd, "--header ignored with command-line input");
        for (int i = op.ind; i < cmd->argc && !stop; i++) {
            char *line = mem_strdup(cmd->heap, cmd->argv[i]);
            if (!line)
                return bi_err(cmd, "memory exhausted");
            valid &= nf__line(cmd, &o, line, true, &stop);
            mem_free(cmd->heap, line);
        }
    } else {
        bi_reader r;
        bi_reader_init(&r, cmd, cmd->in);
        const char *rec;
        size_t len;
        int rc;
        while (!stop && (rc = bi_getrec(&r, o.eol, &rec, &len)) > 0) {
            if (header) {
                header--;
                bi_out(cmd, rec, len);
                continue;
            }
            bool newline = len && rec[len - 1] == (char)o.eol;
            /* a line stops at its first NUL, as GNU's string handling */
            char *line = mem_strndup(cmd->heap, rec, newline ? len - 1 : len);
            if (!line) {
                bi_reader_free(&r);
                return bi_err(cmd, "memory exhausted");
            }
            valid &= nf__line(cmd, &o, line, newline, &stop);
            mem_free(cmd->heap, line);
            if (bi_out_failed(cmd) || bi_cancelled(cmd))
                break;
        }
        bi_reader_free(&r);
        if (rc < 0 && !stop)
            return bi_done(cmd, tx_read_error(cmd, "-", rc, TX_PLAIN));
    }
    if (o.debug && !valid)
        bi_err(cmd, "failed to convert some of the input numbers");
    int status = 0;
    if (stop || (!valid && o.invalid != NF_I_WARN && o.invalid != NF_I_IGNORE))
        status = 2;
    return bi_done(cmd, status);
}
