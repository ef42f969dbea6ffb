/*
 * expr: evaluate expressions. Operators | & < <= = == != >= > + - * / %
 * : (anchored basic regex), match, substr, index, length, + TOKEN, ( ).
 * Integers have arbitrary precision (OpenSSL BIGNUM, as GNU uses GMP).
 * Status 0 when the result is neither null nor zero, 1 when it is, 2 on a
 * syntax error, 3 on other errors. Reference: GNU coreutils 9.1 expr.
 * Deviation: string comparison is bytewise (the C.UTF-8 collation).
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>


#include "builtins/lib/bi.h"
#include "builtins/lib/text_sum.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/regex.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("expr", bi_expr, BI_UTIL)

static const char expr_help[] =
    "Usage: expr EXPRESSION\n"
    "  or:  expr OPTION\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "Print the value of EXPRESSION to standard output.  A blank line below\n"
    "separates increasing precedence groups.  EXPRESSION may be:\n"
    "\n"
    "  ARG1 | ARG2       ARG1 if it is neither null nor 0, otherwise ARG2\n"
    "\n"
    "  ARG1 & ARG2       ARG1 if neither argument is null or 0, otherwise 0\n"
    "\n"
    "  ARG1 < ARG2       ARG1 is less than ARG2\n"
    "  ARG1 <= ARG2      ARG1 is less than or equal to ARG2\n"
    "  ARG1 = ARG2       ARG1 is equal to ARG2\n"
    "  ARG1 != ARG2      ARG1 is unequal to ARG2\n"
    "  ARG1 >= ARG2      ARG1 is greater than or equal to ARG2\n"
    "  ARG1 > ARG2       ARG1 is greater than ARG2\n"
    "\n"
    "  ARG1 + ARG2       arithmetic sum of ARG1 and ARG2\n"
    "  ARG1 - ARG2       arithmetic difference of ARG1 and ARG2\n"
    "\n"
    "  ARG1 * ARG2       arithmetic product of ARG1 and ARG2\n"
    "  ARG1 / ARG2       arithmetic quotient of ARG1 divided by ARG2\n"
    "  ARG1 % ARG2       arithmetic remainder of ARG1 divided by ARG2\n"
    "\n"
    "  STRING : REGEXP   anchored pattern match of REGEXP in STRING\n"
    "\n"
    "  match STRING REGEXP        same as STRING : REGEXP\n"
    "  substr STRING POS LENGTH   substring of STRING, POS counted from 1\n"
    "  index STRING CHARS         index in STRING where any CHARS is found, or 0\n"
    "  length STRING              length of STRING\n"
    "  + TOKEN                    interpret TOKEN as a string, even if it is a\n"
    "                               keyword like 'match' or an operator like '/'\n"
    "\n"
    "  ( EXPRESSION )             value of EXPRESSION\n";

typedef struct ex_val {
    char *s;           /* heap string; integers are kept as their decimal text */
} ex_val;

typedef struct ex_state {
    vb_cmd *cmd;
    char **argv;
    int argc, pos;
    int error;         /* 0, 2 (syntax) or 3 (other), message printed */
} ex_state;

static ex_val ex__str(ex_state *st, const char *s, size_t n)
{
    ex_val v = {mem_strndup(st->cmd->heap, s, n)};
    if (!v.s && !st->error) {
        bi_err(st->cmd, "memory exhausted");
        st->error = 3;
    }
    return v;
}

static ex_val ex__int(ex_state *st, long long n)
{
    char b[32];
    int k = snprintf(b, sizeof b, "%lld", n);
    return ex__str(st, b, (size_t)k);
}

/* GNU's looks_like_integer: optional '-', then digits only. */
static bool ex__is_int(const char *s)
{
    if (*s == '-')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

/* An integer (ex__is_int) that fits a long long. */
static bool ex__ll(const char *s, long long *out)
{
    bool neg = *s == '-';
    s += neg;
    if (!*s)
        return false;
    unsigned long long v = 0, lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s))
            return false;
        unsigned d = (unsigned)(*s - '0');
        if (v > (lim - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = neg ? (long long)(0 - v) : (long long)v;
    return true;
}

/* Order of two integers of any length, from their digits. */
static int ex__digitcmp(const char *a, const char *b)
{
    bool na = *a == '-', nb = *b == '-';
    a += na;
    b += nb;
    while (*a == '0')
        a++;
    while (*b == '0')
        b++;
    if (!*a)
        na = false; /* -0 is 0 */
    if (!*b)
        nb = false;
    if (na != nb)
        return na ? -1 : 1;
    size_t la = strlen(a), lb = strlen(b);
    int mag = la != lb ? (la < lb ? -1 : 1) : strcmp(a, b);
    mag = (mag > 0) - (mag < 0);
    return na ? -mag : mag;
}

static bool ex__null(const ex_val *v)
{
    const char *p = v->s ? v->s : "";
    if (!*p)
        return true;
    p += *p == '-';
    if (!*p)
        return false;
    for (; *p; p++)
        if (*p != '0')
            return false;
    return true;
}

static bool ex__nomore(const ex_state *st)
{
    return st->pos >= st->argc;
}

static bool ex__nextis(const ex_state *st, const char *s)
{
    return st->pos < st->argc && !strcmp(st->argv[st->pos], s);
}

static void ex__syntax(ex_state *st, const char *fmt, const char *arg)
{
    if (!st->error) {
        bi_err(st->cmd, fmt, arg ? fs_lq(st->cmd, arg) : "");
        st->error = 2;
    }
}

static ex_val ex__eval(ex_state *st, bool evaluate);

static ex_val ex__bad(void)
{
    ex_val v = {NULL};
    return v;
}

/* Arithmetic with OpenSSL BIGNUMs. op: + - * / % */
static ex_val ex__arith(ex_state *st, const ex_val *a, const ex_val *b, char op)
{
    if (!ex__is_int(a->s) || !ex__is_int(b->s)) {
        if (!st->error) {
            bi_err(st->cmd, "non-integer argument");
            st->error = 2;
        }
        return ex__bad();
    }
    long long la, lb, lr;
    if (ex__ll(a->s, &la) && ex__ll(b->s, &lb)) {
        /* machine integers when nothing overflows; libcrypto otherwise */
        bool ovf = false;
        switch (op) {
        case '+': ovf = __builtin_add_overflow(la, lb, &lr); break;
        case '-': ovf = __builtin_sub_overflow(la, lb, &lr); break;
        case '*': ovf = __builtin_mul_overflow(la, lb, &lr); break;
        default:
            if (lb == 0) {
                bi_err(st->cmd, "division by zero");
                st->error = 2;
                return ex__bad();
            }
            if (la == LLONG_MIN && lb == -1)
                ovf = true;
            else
                lr = op == '/' ? la / lb : la % lb;
            break;
        }
        if (!ovf)
            return ex__int(st, lr);
    }
    if (tx_crypto_load() < 0) {
        if (!st->error) {
            bi_err(st->cmd, "%s not available", TX_CRYPTO_SONAME);
            st->error = 3;
        }
        return ex__bad();
    }
    BIGNUM *x = NULL, *y = NULL, *r = tx_crypto.bn_new(), *rem = tx_crypto.bn_new();
    BN_CTX *ctx = tx_crypto.bn_ctx_new();
    ex_val out = {NULL};
    if (!r || !rem || !ctx || !tx_crypto.bn_dec2bn(&x, a->s) || !tx_crypto.bn_dec2bn(&y, b->s))
        goto oom;
    if ((op == '/' || op == '%') && tx_crypto.bn_is_zero(y)) {
        bi_err(st->cmd, "division by zero");
        st->error = 2;
        goto done;
    }
    int ok = 1;
    switch (op) {
    case '+': ok = tx_crypto.bn_add(r, x, y); break;
    case '-': ok = tx_crypto.bn_sub(r, x, y); break;
    case '*': ok = tx_crypto.bn_mul(r, x, y, ctx); break;
    case '/': ok = tx_crypto.bn_div(r, rem, x, y, ctx); break;   /* truncates toward zero, as C */
    default: ok = tx_crypto.bn_div(rem, r, x, y, ctx); break;    /* remainder has the dividend's sign */
    }
    if (!ok)
        goto oom;
    {
        char *d = tx_crypto.bn_bn2dec(r);
        if (!d)
            goto oom;
        out = ex__str(st, strcmp(d, "-0") ? d : "0", strcmp(d, "-0") ? strlen(d) : 1);
        tx_crypto.crypto_free(d, __FILE__, __LINE__);
    }
    goto done;
oom:
    if (!st->error) {
        bi_err(st->cmd, "memory exhausted");
        st->error = 3;
    }
done:
    tx_crypto.bn_free(x);
    tx_crypto.bn_free(y);
    tx_crypto.bn_free(r);
    tx_crypto.bn_free(rem);
    tx_crypto.bn_ctx_free(ctx);
    return out;
}

static int ex__numcmp(const char *a, const char *b)
{
    return ex__digitcmp(a, b);
}

/* STRING : REGEXP */
static ex_val ex__match(ex_state *st, const ex_val *sv, const ex_val *pv)
{
    rx *re = NULL;
    char *msg = NULL;
    int flags = RX_BRE | (tx_utf8_locale(st->cmd) ? RX_UTF : 0);
    if (rx_compile(st->cmd->heap, pv->s, (size_t)-1, flags, &re, &msg) != 0) {
        if (!st->error) {
            bi_err(st->cmd, "%s", msg ? msg : "invalid regular expression");
            st->error = 2;
        }
        return ex__bad();
    }
    rx_match m;
    size_t len = strlen(sv->s);
    int rc = rx_exec(re, sv->s, len, 0, RX_ANCHORED | RX_LONGEST, &m);
    ex_val out;
    if (rc < 0) {
        if (!st->error) {
            bi_err(st->cmd, "error in regular expression matcher");
            st->error = 3;
        }
        out = ex__bad();
    } else if (rx_groups(re) > 0) {
        /* With a group: its text, or "" when nothing matched. */
        if (rc == 1 && m.n > 1 && m.ov[2] != RX_UNSET)
            out = ex__str(st, sv->s + m.ov[2], m.ov[3] - m.ov[2]);
        else
            out = ex__str(st, "", 0);
    } else {
        size_t n = 0;
        if (rc == 1) {
            /* Characters, not bytes, in a UTF-8 locale. */
            for (size_t i = m.so; i < m.eo; i++)
                n += ((unsigned char)sv->s[i] & 0xC0) != 0x80 || !(flags & RX_UTF);
        }
        out = ex__int(st, (long long)n);
    }
    rx_free(re);
    return out;
}

static ex_val ex__eval7(ex_state *st, bool ev)
{
    if (ex__nomore(st)) {
        ex__syntax(st, "syntax error: missing argument after %s", st->argv[st->pos - 1]);
        return ex__bad();
    }
    if (ex__nextis(st, "(")) {
        st->pos++;
        ex_val v = ex__eval(st, ev);
        if (st->error)
            return v;
        if (ex__nomore(st)) {
            ex__syntax(st, "syntax error: expecting ')' after %s", st->argv[st->pos - 1]);
            return ex__bad();
        }
        if (!ex__nextis(st, ")")) {
            ex__syntax(st, "syntax error: expecting ')' instead of %s", st->argv[st->pos]);
            return ex__bad();
        }
        st->pos++;
        return v;
    }
    if (ex__nextis(st, ")")) {
        ex__syntax(st, "syntax error: unexpected ')'%s", NULL);
        return ex__bad();
    }
    const char *a = st->argv[st->pos++];
    return ex__str(st, a, strlen(a));
}

static size_t ex__chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static ex_val ex__eval6(ex_state *st, bool ev)
{
    if (ex__nextis(st, "+")) {
        st->pos++;
        if (ex__nomore(st)) {
            ex__syntax(st, "syntax error: missing argument after %s", st->argv[st->pos - 1]);
            return ex__bad();
        }
        const char *a = st->argv[st->pos++];
        return ex__str(st, a, strlen(a));
    }
    if (ex__nextis(st, "length")) {
        st->pos++;
        ex_val v = ex__eval6(st, ev);
        if (st->error)
            return v;
        bool utf8 = tx_utf8_locale(st->cmd);
        return ex__int(st, (long long)(utf8 ? ex__chars(v.s) : strlen(v.s)));
    }
    if (ex__nextis(st, "match")) {
        st->pos++;
        ex_val s = ex__eval6(st, ev);
        if (st->error)
            return s;
        ex_val p = ex__eval6(st, ev);
        if (st->error)
            return p;
        return ev ? ex__match(st, &s, &p) : ex__int(st, 0);
    }
    if (ex__nextis(st, "substr")) {
        st->pos++;
        ex_val s = ex__eval6(st, ev), i = ex__eval6(st, ev), l = ex__eval6(st, ev);
        if (st->error)
            return s;
        /* Positions count characters; bad numbers give "". */
        if (!ex__is_int(i.s) || !ex__is_int(l.s) || i.s[0] == '-' || l.s[0] == '-')
            return ex__str(st, "", 0);
        unsigned long long pos = strtoull(i.s, NULL, 10), len = strtoull(l.s, NULL, 10);
        bool utf8 = tx_utf8_locale(st->cmd);
        size_t nchars = utf8 ? ex__chars(s.s) : strlen(s.s);
        if (pos == 0 || len == 0 || pos > nchars)
            return ex__str(st, "", 0);
        /* Character positions to byte offsets. */
        size_t start = 0, k = 1;
        const unsigned char *u = (const unsigned char *)s.s;
        while (k < pos && u[start]) {
            start++;
            while (utf8 && u[start] && (u[start] & 0xC0) == 0x80)
                start++;
            k++;
        }
        size_t end = start;
        for (unsigned long long t = 0; t < len && u[end]; t++) {
            end++;
            while (utf8 && u[end] && (u[end] & 0xC0) == 0x80)
                end++;
        }
        return ex__str(st, s.s + start, end - start);
    }
    if (ex__nextis(st, "index")) {
        st->pos++;
        ex_val s = ex__eval6(st, ev), c = ex__eval6(st, ev);
        if (st->error)
            return s;
        size_t k = strcspn(s.s, c.s);
        if (!s.s[k])
            return ex__int(st, 0);
        if (tx_utf8_locale(st->cmd)) {
            /* The first character of s found in c, counted in characters. */
            size_t ci = 0, pos = 0;
            const unsigned char *u = (const unsigned char *)s.s;
            while (u[ci]) {
                size_t cl = 1;
                while (u[ci + cl] && (u[ci + cl] & 0xC0) == 0x80)
                    cl++;
                pos++;
                char ch[8];
                memcpy(ch, s.s + ci, cl < 7 ? cl : 7);
                ch[cl < 7 ? cl : 7] = '\0';
                if (strstr(c.s, ch))
                    return ex__int(st, (long long)pos);
                ci += cl;
            }
            return ex__int(st, 0);
        }
        return ex__int(st, (long long)k + 1);
    }
    return ex__eval7(st, ev);
}

static ex_val ex__eval5(ex_state *st, bool ev)
{
    ex_val l = ex__eval6(st, ev);
    while (!st->error && ex__nextis(st, ":")) {
        st->pos++;
        ex_val r = ex__eval6(st, ev);
        if (st->error)
            return r;
        if (ev)
            l = ex__match(st, &l, &r);
    }
    return l;
}

static ex_val ex__eval4(ex_state *st, bool ev)
{
    ex_val l = ex__eval5(st, ev);
    while (!st->error && (ex__nextis(st, "*") || ex__nextis(st, "/") || ex__nextis(st, "%"))) {
        char op = st->argv[st->pos++][0];
        ex_val r = ex__eval5(st, ev);
        if (st->error)
            return r;
        if (ev)
            l = ex__arith(st, &l, &r, op);
    }
    return l;
}

static ex_val ex__eval3(ex_state *st, bool ev)
{
    ex_val l = ex__eval4(st, ev);
    while (!st->error && (ex__nextis(st, "+") || ex__nextis(st, "-"))) {
        char op = st->argv[st->pos++][0];
        ex_val r = ex__eval4(st, ev);
        if (st->error)
            return r;
        if (ev)
            l = ex__arith(st, &l, &r, op);
    }
    return l;
}

static ex_val ex__eval2(ex_state *st, bool ev)
{
    ex_val l = ex__eval3(st, ev);
    static const char *const ops[] = {"<", "<=", "=", "==", "!=", ">=", ">", NULL};
    for (;;) {
        if (st->error || ex__nomore(st))
            return l;
        int k = -1;
        for (int i = 0; ops[i]; i++)
            if (!strcmp(st->argv[st->pos], ops[i]))
                k = i;
        if (k < 0)
            return l;
        st->pos++;
        ex_val r = ex__eval3(st, ev);
        if (st->error)
            return r;
        if (!ev)
            continue;
        int c;
        if (ex__is_int(l.s) && ex__is_int(r.s))
            c = ex__numcmp(l.s, r.s);
        else
            c = strcmp(l.s, r.s);
        bool res;
        switch (k) {
        case 0: res = c < 0; break;
        case 1: res = c <= 0; break;
        case 2: case 3: res = c == 0; break;
        case 4: res = c != 0; break;
        case 5: res = c >= 0; break;
        default: res = c > 0; break;
        }
        l = ex__int(st, res);
    }
}

static ex_val ex__eval1(ex_state *st, bool ev)
{
    ex_val l = ex__eval2(st, ev);
    while (!st->error && ex__nextis(st, "&")) {
        st->pos++;
        ex_val r = ex__eval2(st, ev && !ex__null(&l));
        if (st->error)
            return r;
        if (ev && (ex__null(&l) || ex__null(&r)))
            l = ex__int(st, 0);
    }
    return l;
}

static ex_val ex__eval(ex_state *st, bool ev)
{
    ex_val l = ex__eval1(st, ev);
    while (!st->error && ex__nextis(st, "|")) {
        st->pos++;
        ex_val r = ex__eval1(st, ev && ex__null(&l));
        if (st->error)
            return r;
        if (ev && ex__null(&l))
            l = ex__null(&r) ? ex__int(st, 0) : r;
    }
    return l;
}

int bi_expr(vb_cmd *cmd)
{
    ex_state st = {.cmd = cmd, .argv = cmd->argv, .argc = cmd->argc, .pos = 1};
    if (cmd->argc == 2 && !strcmp(cmd->argv[1], "--help")) {
        bi_outs(cmd, expr_help);
        return bi_done(cmd, 0);
    }
    if (cmd->argc == 2 && !strcmp(cmd->argv[1], "--version")) {
        bi_outs(cmd, "expr " BI_VERSION_TEXT);
        return bi_done(cmd, 0);
    }
    if (st.pos < st.argc && !strcmp(st.argv[st.pos], "--"))
        st.pos++;
    if (st.pos >= st.argc) {
        bi_usage(cmd, 2, "missing operand");
        return 2;
    }
    ex_val v = ex__eval(&st, true);
    if (!st.error && !ex__nomore(&st))
        ex__syntax(&st, "syntax error: unexpected argument %s", st.argv[st.pos]);
    if (st.error)
        return st.error;
    bi_outs(cmd, v.s);
    bi_outc(cmd, '\n');
    return bi_done(cmd, ex__null(&v) ? 1 : 0);
}
