/*
 * numfmt: convert numbers to and from human-readable strings. --from=
 * none|auto|si|iec|iec-i, --to=none|si|iec|iec-i, --from-unit, --to-unit,
 * --round=up|down|from-zero|towards-zero|nearest, --suffix, --padding,
 * --format=FMT, --field=N, -d DELIM, --header[=N], --invalid=abort|fail|
 * warn|ignore, -z; numbers from operands or from each input line.
 * Reference: GNU coreutils 9.1 numfmt (its rounding and "one decimal below
 * 10" display rules); --field takes cut-style lists (N, N-M, -M, N-, -).
 * --grouping uses the C locales' grouping, which is none (the session's
 * locales are C and C.UTF-8), as GNU's does there.
 */
#include <ctype.h>
#include <math.h>
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
    NF_HEADER, NF_INVALID, NF_GROUPING,
};

enum { NF_NONE, NF_AUTO, NF_SI, NF_IEC, NF_IECI };

typedef struct nf_opts {
    int from, to, round, invalid;
    long double from_unit, to_unit;
    const char *suffix, *format;
    long padding;
    size_t (*fields)[2];   /* ranges [lo, hi] of fields to convert */
    size_t nfields;
    int delim;        /* -1: whitespace */
    int eol;
} nf_opts;

static long double nf__round(long double v, int mode)
{
    switch (mode) {
    case 0: return ceill(v);                     /* up */
    case 1: return floorl(v);                    /* down */
    case 3: return truncl(v);                    /* towards-zero */
    case 4: return v < 0 ? -floorl(-v + 0.5L) : floorl(v + 0.5L);   /* nearest */
    default: return v < 0 ? floorl(v) : ceill(v);                     /* from-zero */
    }
}

/* Parses a number with an optional unit suffix; false if invalid. */
static bool nf__parse(vb_cmd *cmd, const nf_opts *o, const char *s, long double *out)
{
    char *end;
    long double v = strtold(s, &end);
    if (end == s)
        return false;
    const char *p = end;
    if (o->suffix && *o->suffix && !strncmp(p, o->suffix, strlen(o->suffix)) && !p[strlen(o->suffix)]) {
        *out = v * o->from_unit;
        return true;
    }
    if (*p) {
        static const char units[] = "KMGTPEZYRQ";
        char u = (char)toupper((unsigned char)*p);
        const char *k = strchr(units, u);
        if (k && o->from == NF_NONE) {
            bi_err(cmd, "rejecting suffix in input: %s (consider using --from)", fs_lq(cmd, s));
            return false;
        }
        if (!k) {
            bi_err(cmd, "invalid suffix in input: %s", fs_lq(cmd, s));
            return false;
        }
        int power = (int)(k - units) + 1;
        bool i = p[1] == 'i';
        long double base = 1000;
        if (o->from == NF_IEC || (o->from == NF_AUTO && i) || o->from == NF_IECI)
            base = 1024;
        if (o->from == NF_IECI && !i) {
            bi_err(cmd, "missing 'i' suffix in input: %s (e.g Ki/Mi/Gi)", fs_lq(cmd, s));
            return false;
        }
        p += 1 + (i && o->from != NF_SI && o->from != NF_IEC ? 1 : 0);
        if (o->suffix && *o->suffix && !strcmp(p, o->suffix))
            p += strlen(p);
        if (*p) {
            bi_err(cmd, "invalid suffix in input: %s", fs_lq(cmd, s));
            return false;
        }
        v *= powl(base, power);
    }
    *out = v * o->from_unit;
    return true;
}

static void nf__format(vbuf *b, const nf_opts *o, long double v)
{
    v /= o->to_unit;
    char num[128];
    if (o->to == NF_NONE) {
        if (o->format) {
            snprintf(num, sizeof num, o->format, (double)v);
        } else {
            long double r = nf__round(v, o->round);
            snprintf(num, sizeof num, "%.0Lf", r);
        }
    } else {
        long double base = o->to == NF_SI ? 1000 : 1024;
        int power = 0;
        while (fabsl(v) >= base && power < 10) {
            v /= base;
            power++;
        }
        int adjust = fabsl(v) < 10 ? 1 : 0;
        v = nf__round(v * powl(10, adjust), o->round) / powl(10, adjust);
        if (fabsl(v) >= base && power < 10) {
            v /= base;
            power++;
        }
        bool dec = v != 0 && fabsl(v) < 10 && power > 0;
        static const char units[] = " KMGTPEZYRQ";
        char suf[4] = "";
        if (power) {
            suf[0] = units[power];
            if (o->to == NF_IECI)
                suf[1] = 'i';
        }
        if (o->format) {
            char f[64];
            snprintf(f, sizeof f, "%s", o->format);
            snprintf(num, sizeof num, f, (double)v);
            strncat(num, suf, sizeof num - strlen(num) - 1);
        } else {
            snprintf(num, sizeof num, dec ? "%.1Lf%s" : "%.0Lf%s", v, suf);
        }
    }
    if (o->suffix)
        strncat(num, o->suffix, sizeof num - strlen(num) - 1);
    long pad = o->padding;
    size_t l = strlen(num);
    if (pad > 0)
        for (size_t i = l; i < (size_t)pad; i++)
            vbuf_addc(b, ' ');
    vbuf_adds(b, num);
    if (pad < 0)
        for (size_t i = l; i < (size_t)-pad; i++)
            vbuf_addc(b, ' ');
}

/* Converts one token; returns false when invalid (message per --invalid). */
static bool nf__token(vb_cmd *cmd, const nf_opts *o, vbuf *b, const char *tok, int *status)
{
    long double v;
    const char *p = tok;
    while (isblank((unsigned char)*p))
        p++;
    char *end = NULL;
    if (*p)
        strtold(p, &end);
    bool numeric = *p && end != p;
    bool ok = numeric && nf__parse(cmd, o, p, &v);
    if (!ok) {
        /* nf__parse reported bad suffixes itself */
        if (!numeric && o->invalid != 3)
            bi_err(cmd, "invalid number: %s", fs_lq(cmd, tok));
        if (o->invalid == 0) {
            *status = 2;
            return false;
        }
        if (o->invalid == 1)
            *status = 2;
        vbuf_adds(b, tok);
        return true;
    }
    nf__format(b, o, v);
    return true;
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

/* --format: one %[0]['][-][N][.][N]f directive, as GNU checks it. */
static bool nf__check_format(vb_cmd *cmd, const char *fmt)
{
    const char *p = fmt;
    for (; *p; p++) {
        if (*p == '%') {
            if (p[1] != '%')
                break;
            p++;
        }
    }
    if (!*p) {
        bi_err(cmd, "format %s has no %% directive", fs_lq(cmd, fmt));
        return false;
    }
    p++;
    while (*p == '0' || *p == '\'' || *p == '-' || *p == ' ')
        p++;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p != 'f') {
        bi_err(cmd, "invalid format %s, directive must be %%[0]['][-][N][.][N]f", fs_lq(cmd, fmt));
        return false;
    }
    for (p++; *p; p++) {
        if (*p == '%') {
            if (p[1] != '%') {
                bi_err(cmd, "format %s has too many %% directives", fs_lq(cmd, fmt));
                return false;
            }
            p++;
        }
    }
    return true;
}

int bi_numfmt(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"from", 1, NF_FROM}, {"to", 1, NF_TO}, {"from-unit", 1, NF_FROMU}, {"to-unit", 1, NF_TOU},
        {"round", 1, NF_ROUND}, {"suffix", 1, NF_SUFFIX}, {"padding", 1, NF_PAD},
        {"format", 1, NF_FORMAT}, {"field", 1, NF_FIELD}, {"delimiter", 1, 'd'},
        {"header", 2, NF_HEADER}, {"invalid", 1, NF_INVALID}, {"zero-terminated", 0, 'z'},
        {"grouping", 0, NF_GROUPING}, {0},
    };
    nf_opts o = {.round = 2, .from_unit = 1, .to_unit = 1, .delim = -1, .eol = '\n'};
    uint64_t header = 0;
    bool grouping = false;
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
                m = vto[m];
            if (c == NF_FROM)
                o.from = m;
            else
                o.to = m;
            break;
        }
        case NF_FROMU: case NF_TOU: {
            char *end;
            long double u = strtold(op.arg, &end);
            if (end == op.arg || *end || u <= 0) {
                bi_err(cmd, "invalid unit size: %s", fs_lq(cmd, op.arg));
                return 1;
            }
            if (c == NF_FROMU)
                o.from_unit = u;
            else
                o.to_unit = u;
            break;
        }
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
            if (bi_parse_i64(op.arg, &v) != 0 || v == 0) {
                bi_err(cmd, "invalid padding value %s", fs_lq(cmd, op.arg));
                return 1;
            }
            o.padding = (long)v;
            break;
        }
        case NF_FORMAT: {
            /* one %f-style directive */
            if (!nf__check_format(cmd, op.arg))
                return 1;
            o.format = op.arg;
            break;
        }
        case NF_FIELD:
            if (!nf__fields(cmd, &o, op.arg))
                return fs_try(cmd);
            break;
        case NF_GROUPING: grouping = true; break;   /* no grouping in the C locales */
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
    if (grouping && o.format) {
        bi_err(cmd, "--grouping cannot be combined with --format");
        return 1;
    }
    if (grouping && o.to != NF_NONE) {
        bi_err(cmd, "grouping cannot be combined with --to");
        return 1;
    }
    if (!o.nfields) {
        static size_t first[1][2] = {{1, 1}};
        o.fields = first;
        o.nfields = 1;
    }
    int status = 0;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    if (op.ind < cmd->argc) {
        for (int i = op.ind; i < cmd->argc; i++) {
            vbuf_clear(&b);
            if (!nf__token(cmd, &o, &b, cmd->argv[i], &status))
                return bi_done(cmd, status);
            vbuf_addc(&b, (char)o.eol);
            bi_out(cmd, b.data, b.len);
        }
        return bi_done(cmd, status);
    }
    bi_reader r;
    bi_reader_init(&r, cmd, cmd->in);
    const char *rec;
    size_t len;
    uint64_t lineno = 0;
    while (bi_getrec(&r, o.eol, &rec, &len) > 0) {
        if (len && rec[len - 1] == (char)o.eol)
            len--;
        lineno++;
        vbuf_clear(&b);
        if (lineno <= header) {
            vbuf_add(&b, rec, len);
        } else {
            /* Convert the selected fields; keep everything else as it is. */
            size_t i = 0, f = 0, done = 0;
            bool stop = false;
            while (i < len || (o.delim >= 0 && i == len && f > 0 && rec[len - 1] == (char)o.delim)) {
                size_t fs, fe;
                if (o.delim < 0) {
                    while (i < len && isblank((unsigned char)rec[i]))
                        i++;
                    fs = i;
                    while (i < len && !isblank((unsigned char)rec[i]))
                        i++;
                    fe = i;
                } else {
                    fs = i;
                    while (i < len && rec[i] != (char)o.delim)
                        i++;
                    fe = i;
                }
                f++;
                if (nf__selected(&o, f)) {
                    char *tok = mem_strndup(cmd->heap, rec + fs, fe - fs);
                    vbuf_add(&b, rec + done, fs - done);
                    bi_out(cmd, b.data, b.len);   /* GNU prints as it goes */
                    vbuf_clear(&b);
                    if (!tok || !nf__token(cmd, &o, &b, tok, &status)) {
                        stop = true;
                        break;
                    }
                    done = fe;
                }
                if (o.delim >= 0) {
                    if (i >= len)
                        break;
                    i++;
                }
            }
            if (stop) {
                bi_reader_free(&r);
                return bi_done(cmd, status);
            }
            vbuf_add(&b, rec + done, len - done);
        }
        vbuf_addc(&b, (char)o.eol);
        bi_out(cmd, b.data, b.len);
        if (bi_out_failed(cmd))
            break;
    }
    bi_reader_free(&r);
    return bi_done(cmd, status);
}
