/*
 * seq: print a sequence of numbers. seq [-f FORMAT] [-s SEP] [-w] [FIRST
 * [INCREMENT]] LAST. Integers of any size count exactly (decimal strings)
 * when no format is given; other values use long double as GNU does, with
 * GNU's precision and width rules and its "print a last value that rounds
 * to LAST" check. Reference: GNU coreutils 9.1 seq.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("seq", bi_seq, BI_UTIL)
int bi_seq(vb_cmd *cmd);

static const char seq_help[] =
    "Usage: seq [OPTION]... LAST\n"
    "  or:  seq [OPTION]... FIRST LAST\n"
    "  or:  seq [OPTION]... FIRST INCREMENT LAST\n"
    "Print numbers from FIRST to LAST, in steps of INCREMENT.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -f, --format=FORMAT      use printf style floating-point FORMAT\n"
    "  -s, --separator=STRING   use STRING to separate numbers (default: \\n)\n"
    "  -w, --equal-width        equalize width by padding with leading zeroes\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt seq_longs[] = {
    {"format", 1, 'f'}, {"separator", 1, 's'}, {"equal-width", 0, 'w'}, {0},
};

typedef struct seq_num {
    long double v;
    int width, prec;    /* prec INT32_MAX: unknown (hex, inf) */
} seq_num;

static bool seq__scan(vb_cmd *cmd, const char *arg, seq_num *n)
{
    char *end;
    errno = 0;
    const char *p = arg;
    while (isspace((unsigned char)*p))
        p++;
    n->v = strtold(arg, &end);
    if (end == arg || *end || isnan(n->v) || (*p == '0' && (p[1] == 'x' || p[1] == 'X') && 0)) {
        bi_usage(cmd, 1, "invalid floating point argument: %s", fs_lq(cmd, arg));
        return false;
    }
    n->width = (int)strlen(arg);
    n->prec = INT32_MAX;
    if (!arg[strcspn(arg, "xX")] && isfinite(n->v)) {
        const char *dp = strchr(arg, '.');
        if (!dp) {
            n->prec = 0;
        } else {
            size_t fl = strcspn(dp + 1, "eE");
            n->prec = (int)fl;
            n->width += fl == 0 ? -1 : (dp == arg || !isdigit((unsigned char)dp[-1]));
        }
        const char *e = strchr(arg, 'e');
        if (!e)
            e = strchr(arg, 'E');
        if (e) {
            long ex = strtol(e + 1, NULL, 10);
            n->prec += ex < 0 ? (int)-ex : -(n->prec < ex ? n->prec : (int)ex);
            n->width -= (int)(strlen(arg) - (size_t)(e - arg));
            if (ex < 0) {
                if (dp) {
                    if (e == dp + 1)
                        n->width++;
                } else {
                    n->width++;
                }
                ex = -ex;
            } else {
                if (dp && n->prec == 0 && e - dp > 1)
                    n->width--;
            }
            n->width += (int)ex;
        }
    }
    return true;
}

/* Checks a user format: one floating directive. */
static bool seq__check_format(vb_cmd *cmd, const char *f)
{
    int count = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *q = p + 1;
        q += strspn(q, "-+ #0'");
        while (isdigit((unsigned char)*q))
            q++;
        if (*q == '.') {
            q++;
            while (isdigit((unsigned char)*q))
                q++;
        }
        if (!*q || !strchr("aAeEfFgG", *q)) {
            if (!*q)
                bi_err(cmd, "format %s ends in %%", fs_lq(cmd, f));
            else
                bi_err(cmd, "format %s has unknown %%%c directive", fs_lq(cmd, f), *q);
            return false;
        }
        if (++count > 1) {
            bi_err(cmd, "format %s has too many %% directives", fs_lq(cmd, f));
            return false;
        }
        p = q;
    }
    if (!count) {
        bi_err(cmd, "format %s has no %% directive", fs_lq(cmd, f));
        return false;
    }
    return true;
}

/* A C format with "L" inserted before the conversion of a checked format. */
static char *seq__lformat(vb_cmd *cmd, const char *f)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    for (const char *p = f; *p; p++) {
        vbuf_addc(&b, *p);
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            vbuf_addc(&b, *++p);
            continue;
        }
        p++;
        while (*p && !strchr("aAeEfFgG", *p))
            vbuf_addc(&b, *p++);
        vbuf_addc(&b, 'L');
        vbuf_addc(&b, *p);
    }
    return vbuf_take(&b, NULL);
}

static bool seq__is_uint(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

/* Output of the integer path, gathered in a local chunk: one bi_out call
 * per few hundred numbers instead of two per number. */
typedef struct seq_out {
    vb_cmd *cmd;
    size_t len;
    bool stop;
    char buf[8192];
} seq_out;

static void seq__flush(seq_out *o)
{
    if (o->len)
        bi_out(o->cmd, o->buf, o->len);
    o->len = 0;
    if (bi_out_failed(o->cmd) || bi_cancelled(o->cmd))
        o->stop = true;
}

static void seq__put(seq_out *o, const char *p, size_t n)
{
    if (n > sizeof o->buf - o->len) {
        seq__flush(o);
        if (n > sizeof o->buf) {
            bi_out(o->cmd, p, n);
            return;
        }
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

/* Exact decimal counting for non-negative integers: the current value is a
 * digit string, right-aligned in num and incremented in place. */
static int seq__fast(vb_cmd *cmd, const char *a, const char *step, const char *last, const char *sep)
{
    while (*a == '0' && a[1])
        a++;
    while (*last == '0' && last[1])
        last++;
    while (*step == '0' && step[1])
        step++;
    size_t al = strlen(a), ll = strlen(last), sl = strlen(step), seplen = strlen(sep);
    /* The value never grows past max(al, sl) + 1 digits before it passes
     * last, and the loop stops once it has more digits than last. */
    size_t cap = (al > ll ? al : ll);
    cap = (cap > sl ? cap : sl) + 2;
    char *num = mem_alloc(cmd->heap, cap);
    seq_out *o = mem_alloc(cmd->heap, sizeof *o);
    if (!num || !o) {
        mem_free(cmd->heap, num);
        return bi_err(cmd, "memory exhausted");
    }
    o->cmd = cmd;
    o->len = 0;
    o->stop = false;
    size_t start = cap - al;
    memcpy(num + start, a, al);
    bool one = sl == 1 && step[0] == '1';
    bool first = true;
    while (!o->stop) {
        size_t len = cap - start;
        if (len > ll || (len == ll && memcmp(num + start, last, ll) > 0))
            break;
        if (!first)
            seq__put(o, sep, seplen);
        first = false;
        seq__put(o, num + start, len);
        /* num += step */
        if (one) {
            size_t i = cap;
            while (i > start && num[i - 1] == '9')
                num[--i] = '0';
            if (i > start)
                num[i - 1]++;
            else
                num[--start] = '1';
            continue;
        }
        int carry = 0;
        size_t i = 0;
        for (; i < sl || carry; i++) {
            size_t at = cap - 1 - i;
            if (at < start) {
                num[at] = '0';
                start = at;
            }
            int d = num[at] - '0' + carry + (i < sl ? step[sl - 1 - i] - '0' : 0);
            carry = d >= 10;
            num[at] = (char)('0' + (carry ? d - 10 : d));
        }
    }
    if (!first && !o->stop)
        seq__put(o, "\n", 1);
    seq__flush(o);
    mem_free(cmd->heap, o);
    mem_free(cmd->heap, num);
    return bi_done(cmd, 0);
}

int bi_seq(vb_cmd *cmd)
{
    const char *fmt = NULL, *sep = "\n";
    bool equal = false;
    /* Negative numbers are operands: options end at the first "-N". */
    int stop = cmd->argc;
    for (int i = 1; i < cmd->argc; i++) {
        const char *w = cmd->argv[i];
        if (!strcmp(w, "--"))
            break;
        if (w[0] == '-' && (isdigit((unsigned char)w[1]) || w[1] == '.')) {
            stop = i;
            break;
        }
        if (w[0] != '-' || !w[1])
            break;
        if ((!strcmp(w, "-f") || !strcmp(w, "-s") || !strcmp(w, "--format") ||
             !strcmp(w, "--separator")) && i + 1 < cmd->argc)
            i++;
        else if (w[1] != '-' && (w[strlen(w) - 1] == 'f' || w[strlen(w) - 1] == 's') &&
                 strspn(w + 1, "w") == strlen(w) - 2 && i + 1 < cmd->argc)
            i++;
    }
    int full = cmd->argc;
    cmd->argc = stop;
    bi_opt o;
    bi_opt_init(&o, cmd, "+f:s:w", seq_longs, seq_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'f': fmt = o.arg; break;
        case 's': sep = o.arg; break;
        case 'w': equal = true; break;
        case BI_OPT_EXIT: cmd->argc = full; return bi_done(cmd, o.status);
        default: cmd->argc = full; return o.status;
        }
    }
    cmd->argc = full;
    int n = cmd->argc - o.ind;
    char **a = cmd->argv + o.ind;
    if (n < 1)
        return bi_usage(cmd, 1, "missing operand");
    if (n > 3)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, a[3]));
    if (fmt && equal)
        return bi_usage(cmd, 1, "format string may not be specified when printing equal width strings");
    seq_num first = {1, 1, 0}, step = {1, 1, 0}, last;
    if (n >= 2 && !seq__scan(cmd, a[0], &first))
        return 1;
    if (n == 3 && !seq__scan(cmd, a[1], &step))
        return 1;
    if (!seq__scan(cmd, a[n - 1], &last))
        return 1;
    if (step.v == 0)
        return bi_usage(cmd, 1, "invalid Zero increment value: %s", fs_lq(cmd, a[1]));
    if (fmt && !seq__check_format(cmd, fmt))
        return 1;
    if (!fmt && !equal && (n < 2 || seq__is_uint(a[0])) && (n < 3 || seq__is_uint(a[1])) &&
        seq__is_uint(a[n - 1]) && step.v > 0)
        return seq__fast(cmd, n >= 2 ? a[0] : "1", n == 3 ? a[1] : "1", a[n - 1], sep);
    char *f;
    if (fmt) {
        f = seq__lformat(cmd, fmt);
    } else if (first.prec != INT32_MAX && step.prec != INT32_MAX && last.prec != INT32_MAX) {
        int prec = first.prec > step.prec ? first.prec : step.prec;
        if (equal) {
            int fw = first.width + (prec - first.prec);
            int lw = last.width + (prec - last.prec);
            if (last.prec && prec == 0)
                lw--;
            if (last.prec == 0 && prec)
                lw++;
            if (first.prec == 0 && prec)
                fw++;
            int w = fw > lw ? fw : lw;
            f = mem_printf(cmd->heap, "%%0%d.%dLf", w, prec);
        } else {
            f = mem_printf(cmd->heap, "%%.%dLf", prec);
        }
    } else {
        f = mem_strdup(cmd->heap, "%Lg");
    }
    if (!f)
        return bi_err(cmd, "memory exhausted");
    if (step.v > 0 ? first.v > last.v : first.v < last.v)
        return bi_done(cmd, 0);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, f, first.v);
    bi_out(cmd, b.data, b.len);
    long double x = first.v;
    for (uint64_t i = 1;; i++) {
        if (bi_out_failed(cmd) || bi_cancelled(cmd))
            break;
        long double x0 = x;
        x = first.v + (long double)i * step.v;
        if (step.v < 0 ? x < last.v : x > last.v) {
            bool extra = false;
            vbuf_clear(&b);
            vbuf_printf(&b, f, x);
            char *end;
            long double xv = strtold(vbuf_str(&b), &end);
            if (end != vbuf_str(&b) && xv == last.v) {
                vbuf b0;
                vbuf_init(&b0, cmd->heap);
                vbuf_printf(&b0, f, x0);
                extra = strcmp(vbuf_str(&b0), vbuf_str(&b)) != 0;
                vbuf_free(&b0);
            }
            if (!extra)
                break;
        }
        bi_outs(cmd, sep);
        vbuf_clear(&b);
        vbuf_printf(&b, f, x);
        bi_out(cmd, b.data, b.len);
        if (x == x0)
            break;   /* the step is lost in the precision: avoid looping forever */
    }
    bi_outc(cmd, '\n');
    vbuf_free(&b);
    return bi_done(cmd, 0);
}
