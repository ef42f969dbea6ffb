/*
 * dc: the reverse-polish desk calculator. Reference: GNU dc 1.4.1.
 *
 * Numbers are builtins/lib/bignum.h values (the same arithmetic as bc);
 * strings and numbers share the stack and the 256 registers, each register
 * a stack whose every level carries its own array. Macros run on an
 * explicit frame stack (no C recursion), and a macro call in tail position
 * replaces its caller's frame, so dc loops written as recursion run in
 * constant space, as GNU's do.
 *
 * Options: -e EXPR, -f FILE, operands are files; standard input when
 * neither is given. `!` runs the rest of the line through the vbash shell.
 * Deviations: numbers are limited to BN_DEFAULT_MAX_DIGITS digits and
 * macro nesting to DC_MAX_FRAMES levels.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/bignum.h"

VB_BUILTIN("dc", bi_dc, BI_UTIL)

#define DC_MAX_FRAMES 100000

static const char dc_help[] =
    "Usage: dc [OPTION] [file ...]\n"
    "  -e, --expression=EXPR    evaluate expression\n"
    "  -f, --file=FILE          evaluate contents of file\n"
    "  -h, --help               display this help and exit\n"
    "  -V, --version            output version information and exit\n"
    "\n"
    "Email bug reports to:  bug-dc@gnu.org .\n";

typedef struct dc_val {
    bool str;
    bn num;
    char *s;          /* heap-owned when str */
    size_t len;
} dc_val;

typedef struct dc_elem {
    long idx;
    dc_val v;
} dc_elem;

typedef struct dc_array {
    dc_elem *e;       /* sorted by idx */
    size_t n, cap;
} dc_array;

typedef struct dc_level {
    dc_val v;
    bool has_v;
    dc_array arr;
} dc_level;

typedef struct dc_reg {
    dc_level *lv;     /* lv[n-1] is the current level; n == 0: empty */
    int n, cap;
} dc_reg;

typedef struct dc_frame {
    char *s;          /* heap-owned copy of the macro text */
    size_t len, pos;
} dc_frame;

enum { DC_OK, DC_QUIT, DC_ERR };

typedef struct dc_state {
    vb_cmd *cmd;
    bn_ctx bc;
    dc_val *stk;
    size_t n, cap;
    dc_reg reg[256];
    long scale, ibase, obase;
    int line_len, col;
    dc_frame *fr;
    int nfr, capfr;
    bool from_input;    /* evaluating a file or stdin (q exits with 1) */
    int status;
    bool stop;
    /* standard input, read whole on first use */
    char *in_data;
    size_t in_len, in_pos;
    bool in_read;
    bool input_is_stdin;   /* the text being run is standard input */
} dc_state;

/* ------------------------------------------------------------------ output */

static void dc__outc(dc_state *S, char ch)
{
    if (ch == '\n') {
        S->col = 0;
        bi_outc(S->cmd, '\n');
        return;
    }
    S->col++;
    if (S->line_len && S->col == S->line_len) {
        bi_outs(S->cmd, "\\\n");
        S->col = 1;
    }
    bi_outc(S->cmd, ch);
}

static void dc__err(dc_state *S, const char *msg)
{
    bi_flush(S->cmd);
    char *m = mem_printf(S->cmd->heap, "dc: %s\n", msg);
    if (m)
        bi_errw(S->cmd, m, strlen(m));
    mem_free(S->cmd->heap, m);
}

static int dc__bnerr(dc_state *S, int rc)
{
    switch (rc) {
    case BN_EDIVZERO:
        dc__err(S, "divide by zero");
        break;
    case BN_ENEGSQRT:
        dc__err(S, "square root of negative number");
        break;
    case BN_ELIMIT: {
        char m[96];
        snprintf(m, sizeof m, "number too large (limit: %zu digits)", S->bc.max_digits);
        dc__err(S, m);
        break;
    }
    case BN_ECANCEL:
        S->stop = true;
        S->status = 130;
        break;
    default:
        dc__err(S, "out of memory");
        S->stop = true;
        S->status = 1;
    }
    return DC_ERR;
}

static int dc__print_num(dc_state *S, const bn *x)
{
    /* GNU dc counts the line width from the start of each number */
    S->col = 0;
    vbuf b;
    vbuf_init(&b, S->cmd->heap);
    int rc = bn_format(&S->bc, x, S->obase, &b);
    if (!rc) {
        for (size_t i = 0; i < b.len; i++)
            dc__outc(S, b.data[i]);
    }
    vbuf_free(&b);
    return rc;
}

static void dc__print_val(dc_state *S, const dc_val *v)
{
    if (v->str) {
        for (size_t i = 0; i < v->len; i++)
            dc__outc(S, v->s[i]);
        return;
    }
    int rc = dc__print_num(S, &v->num);
    if (rc)
        dc__bnerr(S, rc);
}

/* ------------------------------------------------------------------ values */

static void dc__val_free(dc_state *S, dc_val *v)
{
    if (v->str)
        mem_free(S->cmd->heap, v->s);
    else
        bn_free(&S->bc, &v->num);
    memset(v, 0, sizeof *v);
}

static int dc__val_copy(dc_state *S, dc_val *dst, const dc_val *src)
{
    memset(dst, 0, sizeof *dst);
    dst->str = src->str;
    if (src->str) {
        dst->s = mem_alloc(S->cmd->heap, src->len + 1);
        if (!dst->s)
            return BN_ENOMEM;
        memcpy(dst->s, src->s, src->len);
        dst->s[src->len] = 0;
        dst->len = src->len;
        return BN_OK;
    }
    return bn_copy(&S->bc, &dst->num, &src->num);
}

/* Pushes v (moved in). */
static bool dc__push(dc_state *S, dc_val *v)
{
    if (S->n == S->cap) {
        size_t cap = S->cap ? S->cap * 2 : 64;
        dc_val *p = mem_realloc(S->cmd->heap, S->stk, cap * sizeof *p);
        if (!p) {
            dc__val_free(S, v);
            dc__bnerr(S, BN_ENOMEM);
            return false;
        }
        S->stk = p;
        S->cap = cap;
    }
    S->stk[S->n++] = *v;
    memset(v, 0, sizeof *v);
    return true;
}

static bool dc__push_num(dc_state *S, bn *x)
{
    dc_val v;
    memset(&v, 0, sizeof v);
    v.num = *x;
    bn_init(x);
    return dc__push(S, &v);
}

static bool dc__push_long(dc_state *S, long x)
{
    bn t;
    bn_init(&t);
    if (bn_set_long(&S->bc, &t, x)) {
        dc__bnerr(S, BN_ENOMEM);
        return false;
    }
    return dc__push_num(S, &t);
}

static bool dc__push_str(dc_state *S, const char *s, size_t len)
{
    dc_val v;
    memset(&v, 0, sizeof v);
    v.str = true;
    v.s = mem_alloc(S->cmd->heap, len + 1);
    if (!v.s) {
        dc__bnerr(S, BN_ENOMEM);
        return false;
    }
    memcpy(v.s, s, len);
    v.s[len] = 0;
    v.len = len;
    return dc__push(S, &v);
}

/* Needs k values; prints "stack empty" otherwise. */
static bool dc__need(dc_state *S, size_t k)
{
    if (S->n < k) {
        dc__err(S, "stack empty");
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ registers */

static dc_level *dc__level(dc_state *S, int r, bool create)
{
    dc_reg *g = &S->reg[r];
    if (!g->n) {
        if (!create)
            return NULL;
        if (!g->cap) {
            g->lv = mem_calloc(S->cmd->heap, 4, sizeof *g->lv);
            if (!g->lv)
                return NULL;
            g->cap = 4;
        }
        memset(&g->lv[0], 0, sizeof g->lv[0]);
        g->n = 1;
    }
    return &g->lv[g->n - 1];
}

static void dc__array_free(dc_state *S, dc_array *a)
{
    for (size_t i = 0; i < a->n; i++)
        dc__val_free(S, &a->e[i].v);
    mem_free(S->cmd->heap, a->e);
    memset(a, 0, sizeof *a);
}

static dc_val *dc__array_slot(dc_state *S, dc_array *a, long idx, bool create)
{
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->e[mid].idx < idx)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->n && a->e[lo].idx == idx)
        return &a->e[lo].v;
    if (!create)
        return NULL;
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        dc_elem *e = mem_realloc(S->cmd->heap, a->e, cap * sizeof *e);
        if (!e)
            return NULL;
        a->e = e;
        a->cap = cap;
    }
    memmove(a->e + lo + 1, a->e + lo, (a->n - lo) * sizeof *a->e);
    memset(&a->e[lo], 0, sizeof a->e[lo]);
    a->e[lo].idx = idx;
    a->n++;
    return &a->e[lo].v;
}

/* ------------------------------------------------------------------ frames */

static bool dc__call(dc_state *S, const char *s, size_t len)
{
    /* a call as the last command of a macro replaces it (tail call) */
    while (S->nfr > 1) {
        dc_frame *top = &S->fr[S->nfr - 1];
        size_t p = top->pos;
        while (p < top->len && (top->s[p] == ' ' || top->s[p] == '\n' || top->s[p] == '\t'))
            p++;
        if (p < top->len)
            break;
        mem_free(S->cmd->heap, top->s);
        S->nfr--;
    }
    if (S->nfr >= DC_MAX_FRAMES) {
        char m[64];
        snprintf(m, sizeof m, "macros nested too deep (limit: %d)", DC_MAX_FRAMES);
        dc__err(S, m);
        return false;
    }
    if (S->nfr == S->capfr) {
        int cap = S->capfr ? S->capfr * 2 : 16;
        dc_frame *f = mem_realloc(S->cmd->heap, S->fr, (size_t)cap * sizeof *f);
        if (!f) {
            dc__bnerr(S, BN_ENOMEM);
            return false;
        }
        S->fr = f;
        S->capfr = cap;
    }
    char *copy = mem_alloc(S->cmd->heap, len + 1);
    if (!copy) {
        dc__bnerr(S, BN_ENOMEM);
        return false;
    }
    memcpy(copy, s, len);
    copy[len] = 0;
    S->fr[S->nfr++] = (dc_frame){copy, len, 0};
    return true;
}

static void dc__pop_frames(dc_state *S, int k, int floor)
{
    while (k-- > 0 && S->nfr > floor) {
        mem_free(S->cmd->heap, S->fr[S->nfr - 1].s);
        S->nfr--;
    }
}

/* ------------------------------------------------------------------ commands */

static void dc__binop(dc_state *S, char op)
{
    if (!dc__need(S, 2))
        return;
    dc_val *a = &S->stk[S->n - 2], *b = &S->stk[S->n - 1];
    if (a->str || b->str) {
        dc__err(S, "non-numeric value");
        return;
    }
    bn r, r2;
    bn_init(&r);
    bn_init(&r2);
    int rc;
    switch (op) {
    case '+': rc = bn_add(&S->bc, &r, &a->num, &b->num); break;
    case '-': rc = bn_sub(&S->bc, &r, &a->num, &b->num); break;
    case '*': rc = bn_mul(&S->bc, &r, &a->num, &b->num, S->scale); break;
    case '/': rc = bn_div(&S->bc, &r, &a->num, &b->num, S->scale); break;
    case '%':
        rc = bn_divmod(&S->bc, NULL, &r, &a->num, &b->num, S->scale);
        if (rc == BN_EDIVZERO) {
            dc__err(S, "remainder by zero");
            return;
        }
        break;
    case '~': rc = bn_divmod(&S->bc, &r, &r2, &a->num, &b->num, S->scale); break;
    default: { /* ^ */
        long e = 0;
        bn ti;
        bn_init(&ti);
        if (bn_copy(&S->bc, &ti, &b->num) == BN_OK && bn_rescale(&S->bc, &ti, 0) == BN_OK &&
            bn_cmp(&ti, &b->num) != 0) {
            bi_flush(S->cmd);
            bi_errw(S->cmd, "Runtime warning: non-zero scale in exponent\n", 44);
        }
        bn_free(&S->bc, &ti);
        if (bn_int_digits(&b->num) > 10 || bn_to_long(&b->num, &e)) {
            /* GNU: a message, and the exponent counts as 0 */
            bi_flush(S->cmd);
            bi_errw(S->cmd, "Runtime error: exponent too large in raise\n", 43);
            e = 0;
        }
        rc = bn_pow(&S->bc, &r, &a->num, e, S->scale);
    }
    }
    if (rc) {
        dc__bnerr(S, rc);
        return;
    }
    dc__val_free(S, b);
    dc__val_free(S, a);
    S->n -= 2;
    dc__push_num(S, &r);
    if (op == '~')
        dc__push_num(S, &r2);
}

static void dc__rotate(dc_state *S, long k)
{
    bool neg = k < 0;
    size_t m = neg ? (size_t)(-(k + 1)) + 1 : (size_t)k;
    if (m > S->n)
        m = S->n;
    if (m < 2)
        return;
    dc_val *base = S->stk + S->n - m;
    dc_val t;
    if (!neg) {
        /* the m-th from the top comes to the top */
        t = base[0];
        memmove(base, base + 1, (m - 1) * sizeof t);
        base[m - 1] = t;
    } else {
        /* the top goes down to depth m */
        t = base[m - 1];
        memmove(base + 1, base, (m - 1) * sizeof t);
        base[0] = t;
    }
}

static void dc__cmp(dc_state *S, char op, bool negate, int reg)
{
    if (!dc__need(S, 2))
        return;
    dc_val *a = &S->stk[S->n - 1], *b = &S->stk[S->n - 2];
    if (a->str || b->str) {
        dc__err(S, "non-numeric value");
        /* GNU pops them anyway */
        dc__val_free(S, a);
        dc__val_free(S, b);
        S->n -= 2;
        return;
    }
    int c = bn_cmp(&a->num, &b->num);
    dc__val_free(S, a);
    dc__val_free(S, b);
    S->n -= 2;
    bool t = op == '<' ? c < 0 : op == '>' ? c > 0 : c == 0;
    if (negate)
        t = !t;
    if (!t)
        return;
    dc_level *lv = dc__level(S, reg, false);
    if (!lv || !lv->has_v) {
        /* an empty register holds 0, and running a number pushes it */
        dc__push_long(S, 0);
        return;
    }
    if (lv->v.str)
        dc__call(S, lv->v.s, lv->v.len);
    else {
        dc_val v;
        if (dc__val_copy(S, &v, &lv->v) == BN_OK)
            dc__push(S, &v);
    }
}

static void dc__read_input(dc_state *S)
{
    if (!S->in_read) {
        S->in_read = true;
        if (bi_slurp(S->cmd, S->cmd->in, &S->in_data, &S->in_len) < 0)
            S->in_len = 0;
    }
}

/* Runs one command at the top frame's position. */
static int dc__step(dc_state *S)
{
    dc_frame *f = &S->fr[S->nfr - 1];
    const char *s = f->s;
    size_t len = f->len;
    unsigned char ch = (unsigned char)s[f->pos++];
    switch (ch) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
        return DC_OK;
    case '_': case '.':
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
    case '8': case '9': case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': {
        size_t st = f->pos - 1;
        bool neg = ch == '_';
        if (neg)
            st++;
        bn x;
        bn_init(&x);
        size_t used = 0;
        int rc = bn_parse_raw(&S->bc, &x, s + st, len - st, (int)S->ibase, &used);
        f->pos = st + used;
        if (rc)
            return dc__bnerr(S, rc);
        if (neg && !bn_is_zero(&x))
            x.neg = true;
        dc__push_num(S, &x);
        return DC_OK;
    }
    case '[': {
        size_t st = f->pos, p = st;
        int depth = 1;
        while (p < len) {
            if (s[p] == '[')
                depth++;
            else if (s[p] == ']' && --depth == 0)
                break;
            p++;
        }
        if (p >= len) {
            f->pos = len; /* unterminated: dropped, as GNU does */
            return DC_OK;
        }
        f->pos = p + 1;
        dc__push_str(S, s + st, p - st);
        return DC_OK;
    }
    case '#':
        while (f->pos < len && s[f->pos] != '\n')
            f->pos++;
        return DC_OK;
    case 'p':
        if (!dc__need(S, 1))
            return DC_OK;
        dc__print_val(S, &S->stk[S->n - 1]);
        dc__outc(S, '\n');
        return DC_OK;
    case 'n':
        if (!dc__need(S, 1))
            return DC_OK;
        dc__print_val(S, &S->stk[S->n - 1]);
        dc__val_free(S, &S->stk[--S->n]);
        return DC_OK;
    case 'P': {
        if (!dc__need(S, 1))
            return DC_OK;
        dc_val *t = &S->stk[S->n - 1];
        if (t->str) {
            bi_out(S->cmd, t->s, t->len);
        } else {
            /* the integer part of |x| as base-256 bytes */
            bn q;
            bn_init(&q);
            if (bn_copy(&S->bc, &q, &t->num) == BN_OK && bn_rescale(&S->bc, &q, 0) == BN_OK) {
                q.neg = false;
                vbuf b;
                vbuf_init(&b, S->cmd->heap);
                bn d256, rem;
                bn_init(&d256);
                bn_init(&rem);
                bn_set_long(&S->bc, &d256, 256);
                while (!bn_is_zero(&q)) {
                    if (bn_divmod(&S->bc, &q, &rem, &q, &d256, 0))
                        break;
                    long v = 0;
                    bn_to_long(&rem, &v);
                    vbuf_addc(&b, (char)v);
                }
                for (size_t i = b.len; i-- > 0;)
                    bi_outc(S->cmd, b.data[i]);
                vbuf_free(&b);
                bn_free(&S->bc, &d256);
                bn_free(&S->bc, &rem);
            }
            bn_free(&S->bc, &q);
        }
        dc__val_free(S, &S->stk[--S->n]);
        return DC_OK;
    }
    case 'f':
        for (size_t i = S->n; i-- > 0;) {
            dc__print_val(S, &S->stk[i]);
            dc__outc(S, '\n');
        }
        return DC_OK;
    case '+': case '-': case '*': case '/': case '%': case '~': case '^':
        dc__binop(S, (char)ch);
        return DC_OK;
    case '|': {
        if (!dc__need(S, 3))
            return DC_OK;
        dc_val *a = &S->stk[S->n - 3], *e = &S->stk[S->n - 2], *m = &S->stk[S->n - 1];
        if (a->str || e->str || m->str) {
            dc__err(S, "non-numeric value");
            return DC_OK;
        }
        if (e->num.neg) {
            dc__err(S, "negative exponent");
            return DC_OK;
        }
        bn r;
        bn_init(&r);
        int rc = bn_modexp(&S->bc, &r, &a->num, &e->num, &m->num, S->scale);
        if (rc == BN_EDIVZERO) {
            dc__err(S, "remainder by zero");
            return DC_OK;
        }
        if (rc)
            return dc__bnerr(S, rc);
        for (int i = 0; i < 3; i++)
            dc__val_free(S, &S->stk[--S->n]);
        dc__push_num(S, &r);
        return DC_OK;
    }
    case 'v': {
        if (!dc__need(S, 1))
            return DC_OK;
        dc_val *t = &S->stk[S->n - 1];
        if (t->str) {
            dc__err(S, "square root of nonnumeric attempted");
            dc__val_free(S, &S->stk[--S->n]);
            return DC_OK;
        }
        bn r;
        bn_init(&r);
        int rc = bn_sqrt(&S->bc, &r, &t->num, S->scale);
        dc__val_free(S, t);
        S->n--;
        if (rc)
            return dc__bnerr(S, rc);
        dc__push_num(S, &r);
        return DC_OK;
    }
    case 'c':
        while (S->n)
            dc__val_free(S, &S->stk[--S->n]);
        return DC_OK;
    case 'd': {
        if (!dc__need(S, 1))
            return DC_OK;
        dc_val v;
        if (dc__val_copy(S, &v, &S->stk[S->n - 1]))
            return dc__bnerr(S, BN_ENOMEM);
        dc__push(S, &v);
        return DC_OK;
    }
    case 'r':
        if (S->n >= 2) {
            dc_val t = S->stk[S->n - 1];
            S->stk[S->n - 1] = S->stk[S->n - 2];
            S->stk[S->n - 2] = t;
        }
        return DC_OK;
    case 'R': {
        if (!dc__need(S, 1))
            return DC_OK;
        long k = 0;
        dc_val *t = &S->stk[S->n - 1];
        bool ok = !t->str && bn_to_long(&t->num, &k) == BN_OK;
        dc__val_free(S, &S->stk[--S->n]);
        if (ok)
            dc__rotate(S, k);
        return DC_OK;
    }
    case 'z':
        dc__push_long(S, (long)S->n);
        return DC_OK;
    case 'Z':
    case 'X': {
        if (!dc__need(S, 1))
            return DC_OK;
        dc_val *t = &S->stk[S->n - 1];
        long v;
        if (t->str)
            v = ch == 'Z' ? (long)t->len : 0;
        else
            v = ch == 'Z' ? (long)bn_digits(&t->num) : t->num.scale;
        dc__val_free(S, t);
        S->n--;
        dc__push_long(S, v);
        return DC_OK;
    }
    case 'a': {
        if (!dc__need(S, 1))
            return DC_OK;
        dc_val *t = &S->stk[S->n - 1];
        char c1;
        size_t l1 = 1;
        if (t->str) {
            c1 = t->len ? t->s[0] : 0;
            l1 = t->len ? 1 : 0;
        } else {
            bn q, d256, rem;
            bn_init(&q);
            bn_init(&d256);
            bn_init(&rem);
            long v = 0;
            if (bn_copy(&S->bc, &q, &t->num) == BN_OK && bn_rescale(&S->bc, &q, 0) == BN_OK &&
                bn_set_long(&S->bc, &d256, 256) == BN_OK) {
                q.neg = false;
                if (bn_divmod(&S->bc, NULL, &rem, &q, &d256, 0) == BN_OK)
                    bn_to_long(&rem, &v);
            }
            bn_free(&S->bc, &q);
            bn_free(&S->bc, &d256);
            bn_free(&S->bc, &rem);
            c1 = (char)v;
        }
        dc__val_free(S, t);
        S->n--;
        dc__push_str(S, &c1, l1);
        return DC_OK;
    }
    case 'i':
    case 'o':
    case 'k': {
        if (!dc__need(S, 1))
            return DC_OK;
        const char *msg = ch == 'i' ? "input base must be a number between 2 and 16 (inclusive)"
                          : ch == 'o' ? "output base must be a number greater than 1"
                                      : "scale must be a nonnegative number";
        dc_val *t = &S->stk[S->n - 1];
        long v = 0;
        if (t->str || bn_to_long(&t->num, &v) ||
            (ch == 'i' && (v < 2 || v > 16)) || (ch == 'o' && v < 2) || (ch == 'k' && v < 0) ||
            v > INT_MAX) {
            dc__err(S, msg);
            dc__val_free(S, &S->stk[--S->n]);
            return DC_OK;
        }
        dc__val_free(S, t);
        S->n--;
        if (ch == 'i')
            S->ibase = v;
        else if (ch == 'o')
            S->obase = v;
        else
            S->scale = v;
        return DC_OK;
    }
    case 'I':
        dc__push_long(S, S->ibase);
        return DC_OK;
    case 'O':
        dc__push_long(S, S->obase);
        return DC_OK;
    case 'K':
        dc__push_long(S, S->scale);
        return DC_OK;
    case 's': case 'l': case 'S': case 'L': case ':': case ';':
    case '<': case '>': case '=': {
        if (f->pos >= len)
            return DC_OK;
        int r = (unsigned char)s[f->pos++];
        char m[80];
        if (ch == '<' || ch == '>' || ch == '=') {
            dc__cmp(S, (char)ch, false, r);
            return DC_OK;
        }
        if (ch == 'l') {
            dc_level *lv = dc__level(S, r, false);
            dc_val v;
            if (lv && lv->has_v) {
                if (dc__val_copy(S, &v, &lv->v))
                    return dc__bnerr(S, BN_ENOMEM);
                dc__push(S, &v);
            } else {
                dc__push_long(S, 0);
            }
            return DC_OK;
        }
        if (ch == 'L') {
            dc_reg *g = &S->reg[r];
            if (!g->n) {
                snprintf(m, sizeof m, "stack register '%c' (0%o) is empty", r, r);
                dc__err(S, m);
                return DC_OK;
            }
            dc_level *lv = &g->lv[--g->n];
            dc__array_free(S, &lv->arr);
            if (lv->has_v)
                dc__push(S, &lv->v);
            else
                dc__push_long(S, 0);
            return DC_OK;
        }
        if (ch == 's' || ch == 'S') {
            if (!dc__need(S, 1))
                return DC_OK;
            dc_reg *g = &S->reg[r];
            dc_level *lv;
            if (ch == 'S' || !g->n) {
                if (g->n == g->cap) {
                    int cap = g->cap ? g->cap * 2 : 4;
                    dc_level *p = mem_realloc(S->cmd->heap, g->lv, (size_t)cap * sizeof *p);
                    if (!p)
                        return dc__bnerr(S, BN_ENOMEM);
                    g->lv = p;
                    g->cap = cap;
                }
                lv = &g->lv[g->n++];
                memset(lv, 0, sizeof *lv);
            } else {
                lv = &g->lv[g->n - 1];
                if (lv->has_v)
                    dc__val_free(S, &lv->v);
            }
            lv->v = S->stk[--S->n];
            lv->has_v = true;
            return DC_OK;
        }
        /* arrays: value index :r   index ;r */
        if (!dc__need(S, ch == ':' ? 2 : 1))
            return DC_OK;
        dc_val *ti = &S->stk[S->n - 1];
        long idx = -1;
        if (ti->str || bn_to_long(&ti->num, &idx) || idx < 0 || idx > 2147483647) {
            dc__err(S, "array index must be a nonnegative integer");
            for (int k = ch == ':' ? 2 : 1; k > 0; k--)
                dc__val_free(S, &S->stk[--S->n]);
            return DC_OK;
        }
        dc__val_free(S, ti);
        S->n--;
        dc_level *lv = dc__level(S, r, true);
        if (!lv)
            return dc__bnerr(S, BN_ENOMEM);
        if (ch == ':') {
            dc_val *slot = dc__array_slot(S, &lv->arr, idx, true);
            if (!slot)
                return dc__bnerr(S, BN_ENOMEM);
            dc__val_free(S, slot);
            *slot = S->stk[--S->n];
        } else {
            dc_val *slot = dc__array_slot(S, &lv->arr, idx, false);
            dc_val v;
            if (slot) {
                if (dc__val_copy(S, &v, slot))
                    return dc__bnerr(S, BN_ENOMEM);
                dc__push(S, &v);
            } else {
                dc__push_long(S, 0);
            }
        }
        return DC_OK;
    }
    case '!': {
        if (f->pos < len && (s[f->pos] == '<' || s[f->pos] == '>' || s[f->pos] == '=')) {
            char op = s[f->pos++];
            if (f->pos >= len)
                return DC_OK;
            int r = (unsigned char)s[f->pos++];
            dc__cmp(S, op, true, r);
            return DC_OK;
        }
        /* the rest of the line is a shell command */
        size_t st = f->pos, p = st;
        while (p < len && s[p] != '\n')
            p++;
        f->pos = p;
        char *line = mem_strndup(S->cmd->heap, s + st, p - st);
        if (!line)
            return dc__bnerr(S, BN_ENOMEM);
        bi_flush(S->cmd);
        if (S->cmd->ops && S->cmd->ops->run_script)
            S->cmd->ops->run_script(S->cmd->shell, line, NULL, NULL, NULL);
        mem_free(S->cmd->heap, line);
        return DC_OK;
    }
    case 'x': {
        if (!dc__need(S, 1))
            return DC_OK;
        dc_val *t = &S->stk[S->n - 1];
        if (!t->str)
            return DC_OK;
        dc_val v = *t;
        S->n--;
        dc__call(S, v.s, v.len);
        dc__val_free(S, &v);
        return DC_OK;
    }
    case '?': {
        /* a line of input, run as a macro */
        const char *d;
        size_t dl, *pos;
        if (S->input_is_stdin) {
            d = S->fr[0].s;
            dl = S->fr[0].len;
            pos = &S->fr[0].pos;
        } else {
            dc__read_input(S);
            d = S->in_data;
            dl = S->in_len;
            pos = &S->in_pos;
        }
        size_t st = *pos, p = st;
        while (p < dl && d[p] != '\n')
            p++;
        if (p < dl)
            p++;
        *pos = p;
        if (p > st) {
            char *line = mem_strndup(S->cmd->heap, d + st, p - st);
            if (!line)
                return dc__bnerr(S, BN_ENOMEM);
            dc__call(S, line, p - st);
            mem_free(S->cmd->heap, line);
        }
        return DC_OK;
    }
    case 'q':
        if (S->nfr <= 2) {
            S->stop = true;
            if (S->from_input)
                S->status = 1;
            return DC_QUIT;
        }
        dc__pop_frames(S, 2, 1);
        return DC_OK;
    case 'Q': {
        if (!dc__need(S, 1))
            return DC_OK;
        long k = 0;
        dc_val *t = &S->stk[S->n - 1];
        if (t->str || bn_to_long(&t->num, &k) || k < 1) {
            dc__err(S, "Q command requires a number >= 1");
            dc__val_free(S, &S->stk[--S->n]);
            return DC_OK;
        }
        dc__val_free(S, t);
        S->n--;
        dc__pop_frames(S, (int)(k > INT_MAX ? INT_MAX : k), 1);
        return DC_OK;
    }
    default: {
        bi_flush(S->cmd);
        bi_errw(S->cmd, "dc: ", 4);
        bi_outf(S->cmd, "'%c' (0%o) unimplemented\n", ch, ch);
        return DC_OK;
    }
    }
}

/* Runs a whole text (a file, -e expression or standard input). */
static void dc__run(dc_state *S, const char *text, size_t len, bool from_input, bool is_stdin)
{
    S->from_input = from_input;
    S->input_is_stdin = is_stdin;
    S->nfr = 0;
    if (!dc__call(S, text, len))
        return;
    unsigned ticks = 0;
    while (S->nfr > 0 && !S->stop) {
        dc_frame *f = &S->fr[S->nfr - 1];
        if (f->pos >= f->len) {
            mem_free(S->cmd->heap, f->s);
            S->nfr--;
            continue;
        }
        dc__step(S);
        if ((++ticks & 1023) == 0 && bi_cancelled(S->cmd)) {
            S->stop = true;
            S->status = 130;
        }
        if (bi_out_failed(S->cmd))
            S->stop = true;
    }
    dc__pop_frames(S, S->nfr, 0);
}

int bi_dc(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"expression", 1, 'e'}, {"file", 1, 'f'}, {"help", 0, 'h'}, {"version", 0, 'V'},
        {0, 0, 0},
    };
    dc_state *S = mem_calloc(cmd->heap, 1, sizeof *S);
    if (!S)
        return bi_err(cmd, "memory exhausted");
    S->cmd = cmd;
    S->bc.heap = cmd->heap;
    S->bc.cancel = cmd->cancel;
    S->bc.max_digits = BN_DEFAULT_MAX_DIGITS;
    S->ibase = S->obase = 10;
    S->line_len = 70;
    const char *ll = bi_getvar(cmd, "DC_LINE_LENGTH");
    if (ll) {
        long v = strtol(ll, NULL, 10);
        S->line_len = (v < 3 && v != 0) ? 70 : (v > INT_MAX ? INT_MAX : (int)v);
    }
    bi_opt o;
    bi_opt_init(&o, cmd, "e:f:hV", longs, NULL);
    bool did = false;
    int opt;
    while (!S->stop && (opt = bi_opt_next(&o)) != BI_OPT_END) {
        switch (opt) {
        case 'e':
            dc__run(S, o.arg, strlen(o.arg), false, false);
            did = true;
            break;
        case 'f': {
            did = true;
            int err = 0;
            stream *in = bi_open_read(cmd, o.arg, &err);
            if (!in) {
                bi_err(cmd, "Could not open file %s", o.arg);
                break;
            }
            char *data = NULL;
            size_t len = 0;
            int rc = bi_slurp(cmd, in, &data, &len);
            stream_unref(in);
            if (rc < 0) {
                bi_errno(cmd, o.arg, rc);
                break;
            }
            dc__run(S, data, len, true, strcmp(o.arg, "-") == 0);
            break;
        }
        case 'h':
            bi_outs(cmd, dc_help);
            return bi_done(cmd, 0);
        case 'V':
            bi_outs(cmd, "dc 1.4.1 " BI_VERSION_TEXT);
            return bi_done(cmd, 0);
        case BI_OPT_EXIT:
            return bi_done(cmd, o.status);
        default:
            bi_outs(cmd, dc_help);
            return bi_done(cmd, 1);
        }
    }
    for (int i = o.ind; i < cmd->argc && !S->stop; i++) {
        did = true;
        bool is_stdin = strcmp(cmd->argv[i], "-") == 0;
        char *data = NULL;
        size_t len = 0;
        if (is_stdin) {
            dc__read_input(S);
            data = S->in_data;
            len = S->in_len;
        } else {
            int err = 0;
            stream *in = bi_open_read(cmd, cmd->argv[i], &err);
            if (!in) {
                bi_err(cmd, "Could not open file %s", cmd->argv[i]);
                continue;
            }
            int rc = bi_slurp(cmd, in, &data, &len);
            stream_unref(in);
            if (rc < 0) {
                bi_errno(cmd, cmd->argv[i], rc);
                continue;
            }
        }
        dc__run(S, data ? data : "", len, true, is_stdin);
    }
    if (!did && !S->stop) {
        dc__read_input(S);
        dc__run(S, S->in_data ? S->in_data : "", S->in_len, true, true);
    }
    return bi_done(cmd, S->status);
}
