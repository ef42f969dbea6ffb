/*
 * printf: bash's printf builtin. printf [-v VAR] FORMAT [ARGUMENTS...].
 * Conversions d i o u x X f F e E g G a A c s b q and %(FMT)T, flags
 * "-+ #0'", width and precision (numbers or *), length modifiers accepted
 * and ignored, the format reused while arguments remain, 'c and "c giving
 * a character's code, escapes in the format and in %b (\uHHHH \UHHHHHHHH
 * as UTF-8). Errors as bash: "printf: 12a: invalid number" (status 1, the
 * value parsed so far is printed), "`%k': invalid format character" (stops).
 * Reference: bash 5.2. Deviations: %Q is not supported; %c and %s count
 * bytes, not characters; %(FMT)T knows TZ as UTC or a fixed offset.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_esc.h"
#include "builtins/lib/text_time.h"

VB_BUILTIN("printf", bi_printf, BI_SHELL)
int bi_printf(vb_cmd *cmd);

typedef struct pf_state {
    vb_cmd *cmd;
    vbuf out;
    bool to_var;
    char **args;
    int nargs, ai;
    int status;
    bool stop;       /* \c in %b: no more output at all */
    bool over;       /* a limit (output, string) or a cancel ended it */
    const char *var; /* -v NAME */
    size_t probe;    /* -v: next length at which the value is tried */
    uint64_t strmax; /* the session's string limit when the shell tells it (0: unknown) */
} pf_state;

/* Widths and precisions up to this go straight through vsnprintf; longer
 * padding is written in pieces so that a limit stops it early. */
#define PF_DIRECT 4096

static void pf__flush(pf_state *st, bool force)
{
    if (st->to_var)
        return;
    if (st->out.len && (force || st->out.len >= 65536)) {
        bi_out(st->cmd, st->out.data, st->out.len);
        vbuf_clear(&st->out);
    }
}

static const char *pf__nextarg(pf_state *st)
{
    if (st->ai < st->nargs)
        return st->args[st->ai++];
    return NULL;
}

/* The code of the first character of s (after the quote): UTF-8 decoded
 * when valid, else the byte. */
static int64_t pf__charval(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80)
        return u[0];
    int n = u[0] >= 0xF0 ? 3 : u[0] >= 0xE0 ? 2 : u[0] >= 0xC0 ? 1 : -1;
    if (n < 0)
        return u[0];
    int64_t v = u[0] & (0x3F >> n);
    for (int i = 1; i <= n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return u[0];
        v = (v << 6) | (u[i] & 0x3F);
    }
    return v;
}

static void pf__badnum(pf_state *st, const char *s)
{
    const char *msg = "invalid number";
    if (s[0] == '0' && isdigit((unsigned char)s[1]))
        msg = "invalid octal number";
    else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        msg = "invalid hex number";
    bi_flush(st->cmd);
    bi_err(st->cmd, "%s: %s", s, msg);
    st->status = 1;
}

static intmax_t pf__getint(pf_state *st, const char *s)
{
    if (!s)
        return 0;
    if (s[0] == '\'' || s[0] == '"')
        return pf__charval(s + 1);
    char *end;
    errno = 0;
    intmax_t v = strtoimax(s, &end, 0);
    if (*end)
        pf__badnum(st, s);
    else if (errno == ERANGE)
        bi_err(st->cmd, "warning: %s: %s", s, strerror(ERANGE));
    return v;
}

static uintmax_t pf__getuint(pf_state *st, const char *s)
{
    if (!s)
        return 0;
    if (s[0] == '\'' || s[0] == '"')
        return (uintmax_t)pf__charval(s + 1);
    char *end;
    errno = 0;
    uintmax_t v = strtoumax(s, &end, 0);
    if (*end)
        pf__badnum(st, s);
    else if (errno == ERANGE)
        bi_err(st->cmd, "warning: %s: %s", s, strerror(ERANGE));
    return v;
}

static long double pf__getfloat(pf_state *st, const char *s)
{
    if (!s)
        return 0;
    if (s[0] == '\'' || s[0] == '"')
        return (long double)pf__charval(s + 1);
    char *end;
    errno = 0;
    long double v = strtold(s, &end);
    if (*end)
        pf__badnum(st, s);
    else if (errno == ERANGE)
        bi_err(st->cmd, "warning: %s: %s", s, strerror(ERANGE));
    return v;
}

/* bash's printf %q: backslashes, or $'...' when s holds non-printables. */
static void pf__quote(vbuf *b, const char *s)
{
    if (!*s) {
        vbuf_adds(b, "''");
        return;
    }
    bool ansi = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            ansi = true;
            break;
        }
        if (*p >= 0x80) {
            int n = *p >= 0xF0 && *p < 0xF5 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC2 ? 1 : -1;
            if (n < 0 || *p >= 0xF5) {
                ansi = true;
                break;
            }
            for (int i = 1; i <= n; i++)
                if ((p[i] & 0xC0) != 0x80) {
                    ansi = true;
                    break;
                }
            if (ansi)
                break;
            p += n;
        }
    }
    if (ansi) {
        vbuf_adds(b, "$'");
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
            unsigned c = *p;
            switch (c) {
            case 033: vbuf_adds(b, "\\E"); continue;
            case '\a': vbuf_adds(b, "\\a"); continue;
            case '\b': vbuf_adds(b, "\\b"); continue;
            case '\f': vbuf_adds(b, "\\f"); continue;
            case '\n': vbuf_adds(b, "\\n"); continue;
            case '\r': vbuf_adds(b, "\\r"); continue;
            case '\t': vbuf_adds(b, "\\t"); continue;
            case '\v': vbuf_adds(b, "\\v"); continue;
            case '\\': case '\'':
                vbuf_addc(b, '\\');
                vbuf_addc(b, (char)c);
                continue;
            default:
                break;
            }
            if (c < 0x20 || c == 0x7f) {
                vbuf_printf(b, "\\%03o", c);
            } else if (c >= 0x80) {
                int n = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : -1;
                bool ok = n > 0;
                for (int i = 1; ok && i <= n; i++)
                    ok = (p[i] & 0xC0) == 0x80;
                if (!ok) {
                    vbuf_printf(b, "\\%03o", c);
                } else {
                    vbuf_add(b, p, (size_t)n + 1);
                    p += n;
                }
            } else {
                vbuf_addc(b, (char)c);
            }
        }
        vbuf_addc(b, '\'');
        return;
    }
    for (const char *p = s; *p; p++) {
        char c = *p;
        switch (c) {
        case ' ': case '\t': case '\n': case '\'': case '"': case '\\':
        case '|': case '&': case ';': case '(': case ')': case '<': case '>':
        case '!': case '{': case '}': case '*': case '[': case '?': case ']':
        case '^': case '$': case '`': case ',':
            vbuf_addc(b, '\\');
            break;
        case '~':
            if (p == s || p[-1] == '=' || p[-1] == ':')
                vbuf_addc(b, '\\');
            break;
        case '#':
            if (p == s)
                vbuf_addc(b, '\\');
            break;
        default:
            break;
        }
        vbuf_addc(b, c);
    }
}

/* After output grew: the pieces go out (stdout) or the value so far is
 * tried against the variable (-v: the string limit ends a runaway width
 * early, and names itself). False when printing must stop. */
static bool pf__grew(pf_state *st)
{
    if (st->over)
        return false;
    if (!st->to_var) {
        pf__flush(st, false);
        if (bi_out_failed(st->cmd) || bi_cancelled(st->cmd))
            st->over = true;
        return !st->over;
    }
    if (bi_cancelled(st->cmd))
        st->over = true;
    else if (st->out.len >= st->probe) {
        st->probe = st->out.len * 2;
        if (bi_setvar(st->cmd, st->var, vbuf_str(&st->out)) != 0) {
            st->over = true;
            st->status = 1;
        }
    }
    return !st->over;
}

/* Appends n copies of c, in pieces. */
static bool pf__pad(pf_state *st, char c, size_t n)
{
    if (st->to_var && st->strmax && st->out.len + n > st->strmax) {
        /* the value could never be assigned: the string limit, at once */
        char msg[96];
        snprintf(msg, sizeof msg, "maximum string length exceeded (limit string=%llu)",
                 (unsigned long long)st->strmax);
        if (st->cmd->ops && st->cmd->ops->limit)
            st->cmd->ops->limit(st->cmd->shell, VB_LIMIT_STRING, msg);
        st->over = true;
        st->status = 1;
        return false;
    }
    char chunk[4096];
    memset(chunk, c, n < sizeof chunk ? n : sizeof chunk);
    while (n) {
        size_t k = n < sizeof chunk ? n : sizeof chunk;
        size_t before = st->out.len;
        vbuf_add(&st->out, chunk, k);
        if (st->out.len != before + k) {
            st->over = true; /* out of memory */
            return false;
        }
        n -= k;
        if (n && !pf__grew(st))
            return false;
    }
    return true;
}

/* Pads / truncates a string conversion: flags "-" honoured, width and
 * precision (-1 = none). */
static void pf__putstr(pf_state *st, const char *s, size_t n, bool left, int width, int prec)
{
    if (prec >= 0 && (size_t)prec < n)
        n = (size_t)prec;
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (!left && !pf__pad(st, ' ', pad))
        return;
    vbuf_add(&st->out, s, n);
    if (left)
        pf__pad(st, ' ', pad);
}

/* A converted number t[0..n) (made without width) padded to width as
 * printf would: '-' left, '0' zeros after the sign and 0x prefix. */
static void pf__putnum(pf_state *st, const char *t, size_t n, const char *flags, int width, bool zero_ok)
{
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    bool left = strchr(flags, '-') != NULL;
    bool finite = true;
    for (size_t i = 0; i < n; i++)
        if (strchr("iInN", t[i]))
            finite = false; /* inf, nan: space padded */
    if (left) {
        vbuf_add(&st->out, t, n);
        pf__pad(st, ' ', pad);
        return;
    }
    if (zero_ok && finite && strchr(flags, '0')) {
        size_t k = 0;
        if (k < n && strchr("+- ", t[k]))
            k++;
        if (k + 1 < n && t[k] == '0' && (t[k + 1] == 'x' || t[k + 1] == 'X'))
            k += 2;
        vbuf_add(&st->out, t, k);
        if (pf__pad(st, '0', pad))
            vbuf_add(&st->out, t + k, n - k);
        return;
    }
    if (pf__pad(st, ' ', pad))
        vbuf_add(&st->out, t, n);
}

static void pf__time(pf_state *st, const char *tfmt, size_t tlen, bool left, int width, int prec)
{
    const char *a = pf__nextarg(st);
    intmax_t t = (!a || !*a) ? -1 : pf__getint(st, a);
    if (t == -1 || t == -2) {
        struct timespec ts;
        tt_now(st->cmd, &ts);
        t = ts.tv_sec;
    }
    tt_tm tm;
    tt_local(st->cmd, NULL, (int64_t)t, &tm);
    char *f = mem_strndup(st->cmd->heap, tfmt, tlen);
    vbuf tb;
    vbuf_init(&tb, st->cmd->heap);
    if (f)
        tt_strftime(&tb, f, &tm.tm);
    pf__putstr(st, vbuf_str(&tb), tb.len, left, width, prec);
    vbuf_free(&tb);
    mem_free(st->cmd->heap, f);
}

/* One pass over the format. Returns false when printing must stop (an
 * invalid format character, \c). */
static bool pf__format(pf_state *st, const char *fmt)
{
    vbuf *o = &st->out;
    const char *p = fmt;
    while (*p) {
        if (st->out.len >= 65536)
            pf__flush(st, false);
        if (*p == '\\') {
            const char *warn = NULL;
            bool stop = false;
            p += tx_escape1(o, p, strlen(p), TX_ESC_FORMAT, &stop, &warn);
            if (warn) {
                pf__flush(st, true);
                bi_err(st->cmd, "%s", warn);
            }
            continue;
        }
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%' && *q != '\\')
                q++;
            vbuf_add(o, p, (size_t)(q - p));
            p = q;
            continue;
        }
        const char *start = p++;
        if (*p == '%') {
            vbuf_addc(o, '%');
            p++;
            continue;
        }
        char flags[8];
        int nf = 0;
        bool left = false;
        while (*p && strchr("-+ #0'", *p)) {
            if (*p == '-')
                left = true;
            if (nf < 6 && !memchr(flags, *p, (size_t)nf))
                flags[nf++] = *p;
            p++;
        }
        flags[nf] = '\0';
        int width = -1, prec = -1;
        if (*p == '*') {
            p++;
            intmax_t w = pf__getint(st, pf__nextarg(st));
            if (w < 0) {
                left = true;
                if (!strchr(flags, '-') && nf < 7) {
                    flags[nf++] = '-';
                    flags[nf] = '\0';
                }
                w = -w;
            }
            width = w > INT32_MAX ? INT32_MAX : (int)w;
        } else if (isdigit((unsigned char)*p)) {
            long long w = 0;
            while (isdigit((unsigned char)*p)) {
                w = w * 10 + (*p - '0');
                if (w > INT32_MAX)
                    w = INT32_MAX;
                p++;
            }
            width = (int)w;
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                p++;
                intmax_t pr = pf__getint(st, pf__nextarg(st));
                prec = pr < 0 ? -1 : pr > INT32_MAX ? INT32_MAX : (int)pr;
            } else {
                long long pr = 0;
                while (isdigit((unsigned char)*p)) {
                    pr = pr * 10 + (*p - '0');
                    if (pr > INT32_MAX)
                        pr = INT32_MAX;
                    p++;
                }
                prec = (int)pr;
            }
        }
        if (*p == '(') {
            const char *tf = p + 1;
            const char *te = strchr(tf, ')');
            if (!te || te[1] != 'T') {
                pf__flush(st, true);
                bi_err(st->cmd, "`%c': invalid time format specification", '(');
                st->status = 1;
                return false;
            }
            pf__time(st, tf, (size_t)(te - tf), left, width, prec);
            p = te + 2;
            continue;
        }
        while (*p && strchr("hjlLtz", *p))
            p++;
        char conv = *p;
        if (!conv) {
            pf__flush(st, true);
            bi_err(st->cmd, "`%.*s': missing format character", (int)(p - start), start);
            st->status = 1;
            return false;
        }
        p++;
        /* Build a C format for the numeric conversions; a long width or
         * precision is applied here instead, in pieces. */
        bool numeric = strchr("diouxXfFeEgGaA", conv) != NULL;
        bool isint = strchr("diouxX", conv) != NULL;
        bool big = numeric && (width > PF_DIRECT || prec > PF_DIRECT);
        int cprec = prec;
        if (big && isint && prec > PF_DIRECT)
            cprec = -1;
        else if (big && prec > PF_DIRECT)
            cprec = 1 << 20; /* float digits past this are not produced */
        char cf[32];
        int cn = 0;
        cf[cn++] = '%';
        for (int i = 0; flags[i]; i++)
            if (flags[i] != '\'' && !(big && (flags[i] == '-' || flags[i] == '0')))
                cf[cn++] = flags[i];
        if (width >= 0 && !big)
            cn += snprintf(cf + cn, sizeof cf - (size_t)cn, "%d", width);
        if (cprec >= 0)
            cn += snprintf(cf + cn, sizeof cf - (size_t)cn, ".%d", cprec);
        vbuf nb;
        vbuf *no = big ? &nb : o;
        if (big)
            vbuf_init(&nb, st->cmd->heap);
        switch (conv) {
        case 'd': case 'i': {
            intmax_t v = pf__getint(st, pf__nextarg(st));
            cf[cn++] = 'j';
            cf[cn++] = conv;
            cf[cn] = '\0';
            vbuf_printf(no, cf, v);
            break;
        }
        case 'o': case 'u': case 'x': case 'X': {
            uintmax_t v = pf__getuint(st, pf__nextarg(st));
            cf[cn++] = 'j';
            cf[cn++] = conv;
            cf[cn] = '\0';
            vbuf_printf(no, cf, v);
            break;
        }
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
            long double v = pf__getfloat(st, pf__nextarg(st));
            cf[cn++] = 'L';
            cf[cn++] = conv;
            cf[cn] = '\0';
            vbuf_printf(no, cf, v);
            break;
        }
        default:
            break;
        }
        if (big) {
            const char *t = vbuf_str(&nb);
            size_t tn = nb.len;
            if (isint && prec > PF_DIRECT) {
                /* the precision's leading zeros, after sign and prefix */
                size_t k = 0;
                if (k < tn && strchr("+- ", t[k]))
                    k++;
                if (k + 1 < tn && t[k] == '0' && (t[k + 1] == 'x' || t[k + 1] == 'X'))
                    k += 2;
                size_t digits = tn - k;
                size_t z = (size_t)prec > digits ? (size_t)prec - digits : 0;
                size_t width_pad = width > 0 && (size_t)width > k + z + digits
                                       ? (size_t)width - (k + z + digits) : 0;
                bool left = strchr(flags, '-') != NULL;
                if ((left || pf__pad(st, ' ', width_pad)) && (vbuf_add(o, t, k), pf__pad(st, '0', z))) {
                    vbuf_add(o, t + k, digits);
                    if (left)
                        pf__pad(st, ' ', width_pad);
                }
            } else {
                pf__putnum(st, t, tn, flags, width, !(isint && prec >= 0));
            }
            vbuf_free(&nb);
            if (st->over)
                return false;
            continue;
        }
        if (numeric)
            continue;
        switch (conv) {
        case 'c': {
            const char *a = pf__nextarg(st);
            char c = a ? a[0] : '\0';
            pf__putstr(st, &c, 1, left, width, -1);
            break;
        }
        case 's': {
            const char *a = pf__nextarg(st);
            if (!a)
                a = "";
            pf__putstr(st, a, strlen(a), left, width, prec);
            break;
        }
        case 'b': {
            const char *a = pf__nextarg(st);
            if (!a)
                a = "";
            vbuf eb;
            vbuf_init(&eb, st->cmd->heap);
            size_t n = strlen(a), i = 0;
            bool stop = false;
            while (i < n && !stop) {
                if (a[i] != '\\') {
                    const char *bs = memchr(a + i, '\\', n - i);
                    size_t k = bs ? (size_t)(bs - (a + i)) : n - i;
                    vbuf_add(&eb, a + i, k);
                    i += k;
                    continue;
                }
                const char *warn = NULL;
                i += tx_escape1(&eb, a + i, n - i, TX_ESC_PRINTF_B, &stop, &warn);
                if (warn) {
                    pf__flush(st, true);
                    bi_err(st->cmd, "%s", warn);
                }
            }
            pf__putstr(st, vbuf_str(&eb), eb.len, left, width, prec);
            vbuf_free(&eb);
            if (stop) {
                st->stop = true;
                return false;
            }
            break;
        }
        case 'q': {
            const char *a = pf__nextarg(st);
            vbuf qb;
            vbuf_init(&qb, st->cmd->heap);
            pf__quote(&qb, a ? a : "");
            pf__putstr(st, vbuf_str(&qb), qb.len, left, width, prec);
            vbuf_free(&qb);
            break;
        }
        default:
            pf__flush(st, true);
            bi_err(st->cmd, "`%c': invalid format character", conv);
            st->status = 1;
            return false;
        }
    }
    return true;
}

/* NAME or NAME[SUBSCRIPT] */
static bool pf__varname_ok(const char *v)
{
    if (!(isalpha((unsigned char)*v) || *v == '_'))
        return false;
    const char *p = v + 1;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    if (!*p)
        return true;
    size_t n = strlen(p);
    return *p == '[' && n > 2 && p[n - 1] == ']';
}

static int pf__usage(vb_cmd *cmd)
{
    static const char u[] = "printf: usage: printf [-v var] format [arguments]\n";
    bi_errw(cmd, u, sizeof u - 1);
    return 2;
}

int bi_printf(vb_cmd *cmd)
{
    pf_state st = {.cmd = cmd};
    const char *var = NULL;
    int i = 1;
    while (i < cmd->argc) {
        const char *a = cmd->argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (a[0] != '-' || a[1] == '\0')
            break;
        if (a[1] == 'v') {
            if (a[2]) {
                var = a + 2;
                i++;
            } else if (i + 1 < cmd->argc) {
                var = cmd->argv[i + 1];
                i += 2;
            } else {
                bi_err(cmd, "-v: option requires an argument");
                return pf__usage(cmd);
            }
            continue;
        }
        if (!strcmp(a, "--help")) {
            bi_outs(cmd, "printf: printf [-v var] format [arguments]\n"
                         "    Formats and prints ARGUMENTS under control of the FORMAT.\n");
            return bi_done(cmd, 0);
        }
        bi_err(cmd, "%.2s: invalid option", a);
        return pf__usage(cmd);
    }
    if (var && !pf__varname_ok(var)) {
        bi_err(cmd, "`%s': not a valid identifier", var);
        return 2;
    }
    if (i >= cmd->argc)
        return pf__usage(cmd);
    const char *fmt = cmd->argv[i++];
    st.args = cmd->argv + i;
    st.nargs = cmd->argc - i;
    st.to_var = var != NULL;
    st.var = var;
    st.probe = 1u << 20;
    if (var && cmd->ops && cmd->ops->info) {
        const char *m = cmd->ops->info(cmd->shell, "max_string");
        st.strmax = m ? strtoull(m, NULL, 10) : 0;
    }
    vbuf_init(&st.out, cmd->heap);
    for (;;) {
        int before = st.ai;
        if (!pf__format(&st, fmt))
            break;
        if (st.ai >= st.nargs || st.ai == before)
            break;
        if (st.over || bi_cancelled(cmd) || bi_out_failed(cmd))
            break;
    }
    if (st.over) {
        /* a limit ended it: nothing more is assigned or written */
    } else if (st.to_var) {
        if (bi_setvar(cmd, var, vbuf_str(&st.out)) != 0)
            st.status = 1;
    } else {
        pf__flush(&st, true);
    }
    vbuf_free(&st.out);
    return bi_done(cmd, st.status);
}
