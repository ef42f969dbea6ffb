/*
 * Shell arithmetic ($(( )), (( )), let, declare -i, array subscripts):
 * 64-bit signed with wraparound, bash's operators and precedence, bases
 * (0x, 010, 36#z), variables evaluated recursively as expressions, and
 * bash's error texts ("1/0: division by 0 (error token is "0")").
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "interp/interp.h"

enum tok {
    T_EOF, T_NUM, T_VAR, T_LP, T_RP, T_LB, T_RB, T_COMMA, T_QUEST, T_COLON,
    T_ASSIGN, T_OPASSIGN, T_OROR, T_ANDAND, T_OR, T_XOR, T_AND, T_EQ, T_NE,
    T_LT, T_GT, T_LE, T_GE, T_SHL, T_SHR, T_PLUS, T_MINUS, T_MUL, T_DIV, T_MOD,
    T_POW, T_NOT, T_TILDE, T_INC, T_DEC, T_ERR
};

typedef struct actx {
    ish *sh;
    const char *expr;      /* whole expression text (for messages) */
    const char *p;         /* scan position */
    const char *lasttp;    /* start of the current token */
    enum tok tok;
    int64_t num;
    const char *name;      /* T_VAR: start */
    size_t namelen;
    enum tok opassign;     /* operator of T_OPASSIGN */
    int noeval;
    int depth;
    int nest;              /* parentheses, unary operators and variable
                            * recursion together: bounds the C stack */
    int err;
} actx;

/* Deeper nesting is refused with bash's message; the bound keeps the C stack
 * of a virtual process (8 MiB, less under the sanitizers' larger frames). */
#define ARITH_MAX_NEST 512

static void a_error(actx *a, const char *msg)
{
    if (a->err)
        return;
    a->err = 1;
    const char *tok = a->lasttp ? a->lasttp : a->p;
    const char *pre = a->sh->arith_prefix;
    sh_error(a->sh, "%s%s%s: %s (error token is \"%s\")", pre ? pre : "", pre ? ": " : "",
             a->expr, msg, tok);
}

static int digit_val(char c, int base)
{
    int v;
    if (c >= '0' && c <= '9')
        v = c - '0';
    else if (c >= 'a' && c <= 'z')
        v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        v = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
    else if (c == '@')
        v = 62;
    else if (c == '_')
        v = 63;
    else
        return -1;
    return v;
}

static bool is_name_start(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_name_char(char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Parses an integer constant at s (all of it must be a number). */
/* An error in a number: bash shows the number as the expression and token. */
static void a_error_tok(actx *a, const char *s, size_t len, const char *msg)
{
    if (a->err)
        return;
    a->err = 1;
    const char *pre = a->sh->arith_prefix;
    sh_error(a->sh, "%s%s%.*s: %s (error token is \"%.*s\")", pre ? pre : "", pre ? ": " : "",
             (int)len, s, msg, (int)len, s);
}

static int a_number(actx *a, const char *s, size_t len, int64_t *out)
{
    uint64_t v = 0;
    size_t i = 0;
    int base = 10;
    if (len > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        i = 2;
    } else if (len > 1 && s[0] == '0') {
        base = 8;
        i = 1;
    } else {
        const char *h = memchr(s, '#', len);
        if (h) {
            int b = 0;
            for (const char *q = s; q < h; q++) {
                if (*q < '0' || *q > '9') {
                    a_error_tok(a, s, len, "invalid number");
                    return -1;
                }
                b = b * 10 + (*q - '0');
                if (b > 64)
                    break;
            }
            if (b < 2 || b > 64) {
                a_error_tok(a, s, len, "invalid arithmetic base");
                return -1;
            }
            base = b;
            i = (size_t)(h - s) + 1;
            if (i == len) {
                a_error_tok(a, s, len, "invalid integer constant");
                return -1;
            }
        }
    }
    for (; i < len; i++) {
        int d = digit_val(s[i], base);
        if (d < 0) {
            a_error_tok(a, s, len, "invalid number");
            return -1;
        }
        if (d >= base) {
            a_error_tok(a, s, len, "value too great for base");
            return -1;
        }
        v = v * (uint64_t)base + (uint64_t)d;
    }
    *out = (int64_t)v;
    return 0;
}

static void next(actx *a)
{
    const char *p = a->p;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (!*p) {
        a->p = p;
        a->tok = T_EOF;
        return;
    }
    a->lasttp = p;
    char c = *p;
    if (c >= '0' && c <= '9') {
        const char *s = p;
        while (is_name_char(*p) || *p == '#' || *p == '@')
            p++;
        a->p = p;
        a->tok = T_NUM;
        if (a_number(a, s, (size_t)(p - s), &a->num) < 0)
            a->tok = T_ERR;
        return;
    }
    if (is_name_start(c)) {
        const char *s = p;
        while (is_name_char(*p))
            p++;
        a->name = s;
        a->namelen = (size_t)(p - s);
        a->p = p;
        a->tok = T_VAR;
        return;
    }
    p++;
    char c2 = *p;
    enum tok t = T_ERR;
    switch (c) {
    case '(': t = T_LP; break;
    case ')': t = T_RP; break;
    case '[': t = T_LB; break;
    case ']': t = T_RB; break;
    case ',': t = T_COMMA; break;
    case '?': t = T_QUEST; break;
    case ':': t = T_COLON; break;
    case '~': t = T_TILDE; break;
    case '=':
        if (c2 == '=') { p++; t = T_EQ; } else t = T_ASSIGN;
        break;
    case '!':
        if (c2 == '=') { p++; t = T_NE; } else t = T_NOT;
        break;
    case '|':
        if (c2 == '|') { p++; t = T_OROR; } else t = T_OR;
        break;
    case '&':
        if (c2 == '&') { p++; t = T_ANDAND; } else t = T_AND;
        break;
    case '^': t = T_XOR; break;
    case '<':
        if (c2 == '<') { p++; t = T_SHL; } else if (c2 == '=') { p++; t = T_LE; } else t = T_LT;
        break;
    case '>':
        if (c2 == '>') { p++; t = T_SHR; } else if (c2 == '=') { p++; t = T_GE; } else t = T_GT;
        break;
    case '+':
        if (c2 == '+') { p++; t = T_INC; } else t = T_PLUS;
        break;
    case '-':
        if (c2 == '-') { p++; t = T_DEC; } else t = T_MINUS;
        break;
    case '*':
        if (c2 == '*') { p++; t = T_POW; } else t = T_MUL;
        break;
    case '/': t = T_DIV; break;
    case '%': t = T_MOD; break;
    default: t = T_ERR; break;
    }
    /* op= forms */
    if (*p == '=' && (t == T_PLUS || t == T_MINUS || t == T_MUL || t == T_DIV || t == T_MOD ||
                      t == T_SHL || t == T_SHR || t == T_AND || t == T_OR || t == T_XOR)) {
        p++;
        a->opassign = t;
        t = T_OPASSIGN;
    }
    a->p = p;
    a->tok = t;
}

static int64_t expr_comma(actx *a);
static int64_t expr_assign(actx *a);

/* Value of a variable (or element) as an arithmetic value. */
static int64_t var_value(actx *a, const char *name, const char *sub, bool has_sub)
{
    ish *sh = a->sh;
    const char *val = NULL;
    ivar *v = var_lookup(sh, name);
    if (v && !(v->attr & VA_UNSET)) {
        if (has_sub) {
            if (v->attr & VA_ASSOC)
                val = v->arr ? arr_get_key(v->arr, sub) : NULL;
            else {
                int64_t ix = 0;
                if (arith_eval(sh, sub, &ix)) {
                    a->err = 1;
                    return 0;
                }
                if (v->arr) {
                    if (ix < 0)
                        ix += arr_max_idx(v->arr) + 1;
                    val = arr_get_idx(v->arr, ix);
                } else if (ix == 0)
                    val = v->val;
            }
        } else
            val = var_get(sh, name);
    }
    if (!val) {
        /* set -u: an unset name is fatal (an unset element of a set
         * array is 0, as bash has it) */
        if (sh->opts & O_NOUNSET && !a->noeval && (!v || (v->attr & VA_UNSET))) {
            sh_error(sh, "%s: unbound variable", name);
            a->err = 2;
            if (!sh->interactive && sh->flow == FLOW_NONE) {
                sh->flow = FLOW_EXIT;
                sh->exit_status = sh->subshell > 0 ? 1 : 127;
            }
            return 0;
        }
        return 0;
    }
    if (!*val || (val[0] == '0' && !val[1]))
        return 0;
    /* Fast path: a plain decimal number. */
    const char *q = val;
    if (*q == '-' || *q == '+')
        q++;
    bool plain = *q >= '1' && *q <= '9';
    for (const char *r = q; plain && *r; r++)
        if (*r < '0' || *r > '9')
            plain = false;
    if (plain && strlen(q) < 19) {
        int64_t n = 0;
        for (const char *r = q; *r; r++)
            n = n * 10 + (*r - '0');
        return *val == '-' ? -n : n;
    }
    if (a->depth > 1024 || a->nest > ARITH_MAX_NEST) {
        a_error(a, "expression recursion level exceeded");
        return 0;
    }
    actx sub_a = {.sh = sh, .expr = val, .p = val, .depth = a->depth + 1, .noeval = a->noeval,
                  .nest = a->nest + 8};
    next(&sub_a);
    int64_t r = 0;
    if (sub_a.tok != T_EOF) {
        r = expr_comma(&sub_a);
        if (!sub_a.err && sub_a.tok != T_EOF)
            a_error(&sub_a, "syntax error in expression");
    }
    if (sub_a.err)
        a->err = sub_a.err;
    return r;
}

static int assign_var(actx *a, const char *name, const char *sub, bool has_sub, int64_t v)
{
    if (a->noeval)
        return 0;
    char buf[32];
    char *e = buf + sizeof buf - 1;
    *e = 0;
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    do
        *--e = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--e = '-';
    memmove(buf, e, (size_t)(buf + sizeof buf - e));
    int rc = has_sub ? var_set_elem(a->sh, name, sub, buf, 0) : var_set(a->sh, name, buf, 0);
    if (rc)
        a->err = 2;
    return rc;
}

static int64_t do_binop(actx *a, enum tok op, int64_t l, int64_t r)
{
    uint64_t ul = (uint64_t)l, ur = (uint64_t)r;
    switch (op) {
    case T_PLUS: return (int64_t)(ul + ur);
    case T_MINUS: return (int64_t)(ul - ur);
    case T_MUL: return (int64_t)(ul * ur);
    case T_DIV:
    case T_MOD:
        if (r == 0) {
            if (!a->noeval)
                a_error(a, "division by 0");
            return 0;
        }
        if (l == INT64_MIN && r == -1)
            return op == T_DIV ? INT64_MIN : 0;
        return op == T_DIV ? l / r : l % r;
    case T_SHL: return (int64_t)(ul << (r & 63));
    case T_SHR: return l >> (r & 63);
    case T_AND: return l & r;
    case T_OR: return l | r;
    case T_XOR: return l ^ r;
    case T_POW: {
        if (r < 0) {
            if (!a->noeval)
                a_error(a, "exponent less than 0");
            return 0;
        }
        uint64_t res = 1, b = ul;
        while (r) {
            if (r & 1)
                res *= b;
            b *= b;
            r >>= 1;
        }
        return (int64_t)res;
    }
    default: return 0;
    }
}

/* A variable operand with optional [sub]; handles postfix ++/--. */
static int64_t primary_var(actx *a)
{
    char name[256];
    size_t nl = a->namelen < sizeof name - 1 ? a->namelen : sizeof name - 1;
    memcpy(name, a->name, nl);
    name[nl] = 0;
    char *sub = NULL;
    bool has_sub = false;
    next(a);
    if (a->tok == T_LB) {
        /* subscript: raw text up to the matching ']' */
        const char *s = a->p;
        int d = 1;
        const char *q = s;
        while (*q && d) {
            if (*q == '[')
                d++;
            else if (*q == ']')
                d--;
            if (d)
                q++;
        }
        if (!*q) {
            a_error(a, "syntax error: missing `]'");
            return 0;
        }
        sub = mem_strndup(a->sh->g->heap, s, (size_t)(q - s));
        has_sub = true;
        a->p = q + 1;
        next(a);
    }
    int64_t r = 0;
    if (a->tok == T_ASSIGN || a->tok == T_OPASSIGN) {
        enum tok op = a->tok == T_OPASSIGN ? a->opassign : T_EOF;
        next(a);
        int64_t rhs = expr_assign(a);
        if (!a->err) {
            if (op != T_EOF) {
                int64_t cur = var_value(a, name, sub, has_sub);
                if (!a->err)
                    rhs = do_binop(a, op, cur, rhs);
            }
            if (!a->err)
                assign_var(a, name, sub, has_sub, rhs);
        }
        r = rhs;
    } else if (a->tok == T_INC || a->tok == T_DEC) {
        int64_t cur = var_value(a, name, sub, has_sub);
        if (!a->err)
            assign_var(a, name, sub, has_sub, a->tok == T_INC ? cur + 1 : cur - 1);
        r = cur;
        next(a);
    } else
        r = var_value(a, name, sub, has_sub);
    mem_free(a->sh->g->heap, sub);
    return r;
}

static int64_t expr_unary_inner(actx *a);

static int64_t expr_unary(actx *a)
{
    if (++a->nest > ARITH_MAX_NEST) {
        a_error(a, "expression recursion level exceeded");
        a->nest--;
        return 0;
    }
    int64_t v = expr_unary_inner(a);
    a->nest--;
    return v;
}

static int64_t expr_unary_inner(actx *a)
{
    if (a->err)
        return 0;
    switch (a->tok) {
    case T_NOT: next(a); return !expr_unary(a);
    case T_TILDE: next(a); return ~expr_unary(a);
    case T_MINUS: next(a); return (int64_t)(0 - (uint64_t)expr_unary(a));
    case T_PLUS: next(a); return expr_unary(a);
    case T_INC:
    case T_DEC: {
        enum tok op = a->tok;
        next(a);
        if (a->tok != T_VAR) {
            if (a->tok == T_EOF || a->tok == T_ERR)
                a_error(a, "syntax error: operand expected");
            else
                a_error(a, op == T_INC ? "syntax error: operand expected"
                                       : "syntax error: operand expected");
            return 0;
        }
        char name[256];
        size_t nl = a->namelen < sizeof name - 1 ? a->namelen : sizeof name - 1;
        memcpy(name, a->name, nl);
        name[nl] = 0;
        next(a);
        char *sub = NULL;
        bool has_sub = false;
        if (a->tok == T_LB) {
            const char *s = a->p, *q = s;
            int d = 1;
            while (*q && d) {
                if (*q == '[')
                    d++;
                else if (*q == ']')
                    d--;
                if (d)
                    q++;
            }
            sub = mem_strndup(a->sh->g->heap, s, (size_t)(q - s));
            has_sub = true;
            a->p = *q ? q + 1 : q;
            next(a);
        }
        int64_t cur = var_value(a, name, sub, has_sub);
        int64_t nv = op == T_INC ? cur + 1 : cur - 1;
        if (!a->err)
            assign_var(a, name, sub, has_sub, nv);
        mem_free(a->sh->g->heap, sub);
        return nv;
    }
    default: break;
    }
    /* primary */
    switch (a->tok) {
    case T_NUM: {
        int64_t v = a->num;
        next(a);
        return v;
    }
    case T_VAR: return primary_var(a);
    case T_LP: {
        next(a);
        int64_t v = expr_comma(a);
        if (a->err)
            return 0;
        if (a->tok != T_RP) {
            a_error(a, "missing `)'");
            return 0;
        }
        next(a);
        return v;
    }
    case T_ERR:
        if (!a->err)
            a_error(a, "syntax error: operand expected");
        return 0;
    default:
        a_error(a, "syntax error: operand expected");
        return 0;
    }
}

static int64_t expr_pow(actx *a)
{
    int64_t l = expr_unary(a);
    if (a->err)
        return 0;
    if (a->tok == T_POW) {
        next(a);
        int64_t r = expr_pow(a); /* right associative */
        if (a->err)
            return 0;
        return do_binop(a, T_POW, l, r);
    }
    return l;
}

static int prec(enum tok t)
{
    switch (t) {
    case T_MUL: case T_DIV: case T_MOD: return 10;
    case T_PLUS: case T_MINUS: return 9;
    case T_SHL: case T_SHR: return 8;
    case T_LT: case T_GT: case T_LE: case T_GE: return 7;
    case T_EQ: case T_NE: return 6;
    case T_AND: return 5;
    case T_XOR: return 4;
    case T_OR: return 3;
    default: return -1;
    }
}

static int64_t expr_bin(actx *a, int minp)
{
    int64_t l = expr_pow(a);
    while (!a->err) {
        enum tok op = a->tok;
        int p = prec(op);
        if (p < minp || p < 0)
            break;
        next(a);
        int64_t r = expr_bin(a, p + 1);
        if (a->err)
            return 0;
        switch (op) {
        case T_LT: l = l < r; break;
        case T_GT: l = l > r; break;
        case T_LE: l = l <= r; break;
        case T_GE: l = l >= r; break;
        case T_EQ: l = l == r; break;
        case T_NE: l = l != r; break;
        default: l = do_binop(a, op, l, r); break;
        }
    }
    return l;
}

static int64_t expr_andand(actx *a)
{
    int64_t l = expr_bin(a, 3);
    while (!a->err && a->tok == T_ANDAND) {
        next(a);
        if (!l)
            a->noeval++;
        int64_t r = expr_bin(a, 3);
        if (!l)
            a->noeval--;
        l = l && r;
    }
    return l;
}

static int64_t expr_oror(actx *a)
{
    int64_t l = expr_andand(a);
    while (!a->err && a->tok == T_OROR) {
        next(a);
        if (l)
            a->noeval++;
        int64_t r = expr_andand(a);
        if (l)
            a->noeval--;
        l = l || r;
    }
    return l;
}

static int64_t expr_cond(actx *a)
{
    int64_t c = expr_oror(a);
    if (a->err || a->tok != T_QUEST)
        return c;
    next(a);
    if (!c)
        a->noeval++;
    int64_t x = expr_comma(a);
    if (!c)
        a->noeval--;
    if (a->err)
        return 0;
    if (a->tok != T_COLON) {
        a_error(a, "`:' expected for conditional expression");
        return 0;
    }
    next(a);
    if (c)
        a->noeval++;
    int64_t y = expr_cond(a);
    if (c)
        a->noeval--;
    return c ? x : y;
}

static int64_t expr_assign(actx *a)
{
    /* Assignments are handled in primary_var (the left side must be a
     * variable); here only the error for other left sides. */
    int64_t v = expr_cond(a);
    if (!a->err && (a->tok == T_ASSIGN || a->tok == T_OPASSIGN))
        a_error(a, "attempted assignment to non-variable");
    return v;
}

static int64_t expr_comma(actx *a)
{
    int64_t v = expr_assign(a);
    while (!a->err && a->tok == T_COMMA) {
        next(a);
        v = expr_assign(a);
    }
    return v;
}

int arith_eval(ish *sh, const char *expr, int64_t *out)
{
    /* bash shows the expression without its leading blanks */
    while (*expr == ' ' || *expr == '\t' || *expr == '\n')
        expr++;
    actx a = {.sh = sh, .expr = expr, .p = expr};
    *out = 0;
    if (proc_stack_left(sh->g) < 64 * 1024) {
        sh_error(sh, "%s: expression recursion level exceeded", expr);
        return 1;
    }
    next(&a);
    if (a.tok == T_EOF)
        return 0;
    int64_t v = expr_comma(&a);
    if (!a.err && a.tok != T_EOF)
        a_error(&a, "syntax error in expression");
    if (a.err)
        return a.err;
    *out = v;
    return 0;
}
