/*
 * bc: running the tree (expressions, statements, function calls with
 * dynamic scope) on bignum values. See bc.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/bc.h"

/* ------------------------------------------------------------------ runtime */

static int bc__eval(bc_state *S, bc_node *e, bn *out);

static bool bc__oom(bc_state *S, int adr)
{
    bc_bnerr(S, adr, BN_ENOMEM);
    return false;
}

/* A pointer to the storage of an array element (grown on demand). */
static int bc__elem(bc_state *S, bc_node *e, bn **slot, int adr)
{
    bn idx;
    bn_init(&idx);
    int rc = bc__eval(S, e->a, &idx);
    if (rc)
        return rc;
    long i = 0;
    int r2 = bn_to_long(&idx, &i);
    bn_free(&S->bc, &idx);
    if (r2 || i < 0 || i > 16777215) {
        return bc_rt(S, adr, "Array %s subscript out of bounds.", S->anames.name[e->id]);
    }
    bc_array *a = bc_arr_value(S, e->id);
    if (!a) {
        bc__oom(S, adr);
        return BCX_ERR;
    }
    if ((size_t)i >= a->n) {
        size_t nn = a->n ? a->n : 16;
        while (nn <= (size_t)i)
            nn *= 2;
        bn *v = mem_realloc(S->cmd->heap, a->v, nn * sizeof *v);
        if (!v) {
            bc__oom(S, adr);
            return BCX_ERR;
        }
        memset(v + a->n, 0, (nn - a->n) * sizeof *v);
        a->v = v;
        a->n = nn;
    }
    *slot = &a->v[i];
    return BCX_OK;
}

static int bc__get_named(bc_state *S, bc_node *e, bn *out)
{
    bn *src;
    switch (e->kind) {
    case N_VAR:
        src = bc_var_value(S, e->id);
        break;
    case N_ELEM: {
        int rc = bc__elem(S, e, &src, e->adr);
        if (rc)
            return rc;
        break;
    }
    default:
        switch (e->op) {
        case SP_SCALE:
            return bn_set_long(&S->bc, out, S->scale) ? bc_bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        case SP_IBASE:
            return bn_set_long(&S->bc, out, S->ibase) ? bc_bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        case SP_OBASE:
            return bn_set_long(&S->bc, out, S->obase) ? bc_bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        default:
            src = &S->last;
        }
    }
    if (!src)
        return bc_bnerr(S, e->adr, BN_ENOMEM);
    int rc = bn_copy(&S->bc, out, src);
    return rc ? bc_bnerr(S, e->adr, rc) : BCX_OK;
}

/* Stores v (consumed) into the named expression; slot already resolved for
 * elements (may be NULL for others). */
static int bc__set_named(bc_state *S, bc_node *e, bn *slot, bn *v, int adr)
{
    if (e->kind == N_SPECIAL && e->op != SP_LAST) {
        long x = 0;
        int r = bn_to_long(v, &x);
        bn_free(&S->bc, v);
        if (e->op == SP_SCALE) {
            if (r || x > INT_MAX) {
                bc_rtwarn(S, adr, "scale too large, set to 2147483647");
                x = INT_MAX;
            } else if (x < 0) {
                bc_rtwarn(S, adr, "negative scale, set to 0");
                x = 0;
            }
            S->scale = x;
        } else if (e->op == SP_IBASE) {
            if (!r && x < 2) {
                bc_rtwarn(S, adr, "ibase too small, set to 2");
                x = 2;
            } else if (r || x > 16) {
                bc_rtwarn(S, adr, "ibase too large, set to 16");
                x = 16;
            }
            S->ibase = x;
        } else {
            if (!r && x < 2) {
                bc_rtwarn(S, adr, "obase too small, set to 2");
                x = 2;
            } else if (r || x > INT_MAX) {
                bc_rtwarn(S, adr, "obase too large, set to 2147483647");
                x = INT_MAX;
            }
            S->obase = x;
        }
        return BCX_OK;
    }
    if (!slot)
        slot = e->kind == N_VAR ? bc_var_value(S, e->id) : &S->last;
    if (!slot) {
        bn_free(&S->bc, v);
        return bc_bnerr(S, adr, BN_ENOMEM);
    }
    bn_move(&S->bc, slot, v);
    return BCX_OK;
}

static int bc__arith(bc_state *S, int op, bn *r, const bn *a, const bn *b, int adr)
{
    int rc;
    switch (op) {
    case '+': rc = bn_add(&S->bc, r, a, b); break;
    case '-': rc = bn_sub(&S->bc, r, a, b); break;
    case '*': rc = bn_mul(&S->bc, r, a, b, S->scale); break;
    case '/': rc = bn_div(&S->bc, r, a, b, S->scale); break;
    case '%':
        rc = bn_divmod(&S->bc, NULL, r, a, b, S->scale);
        if (rc == BN_EDIVZERO)
            return bc_rt(S, adr, "Modulo by zero", NULL);
        break;
    default: { /* ^ */
        long e = 0;
        if (b->scale && !bn_is_zero(b)) {
            /* a non-integer exponent is truncated, with a warning */
            bn t;
            bn_init(&t);
            if (bn_copy(&S->bc, &t, b) == BN_OK && bn_rescale(&S->bc, &t, 0) == BN_OK) {
                bool frac = bn_cmp(&t, b) != 0;
                if (frac)
                    bc_rtwarn(S, adr, "non-zero scale in exponent");
            }
            bn_free(&S->bc, &t);
        }
        if (bn_int_digits(b) > 10 || bn_to_long(b, &e) != BN_OK)
            return bc_rt(S, adr, "exponent too large in raise", NULL);
        rc = bn_pow(&S->bc, r, a, e, S->scale);
        if (rc == BN_EDIVZERO)
            return bc_rt(S, adr, "Divide by zero", NULL);
    }
    }
    return rc ? bc_bnerr(S, adr, rc) : BCX_OK;
}

static int bc__call(bc_state *S, bc_node *e, bn *out);

/* Reads a number for read(): one line of standard input. */
static int bc__read(bc_state *S, bc_node *e, bn *out)
{
    if (!S->stdin_read) {
        S->stdin_read = true;
        if (bi_slurp(S->cmd, S->cmd->in, &S->stdin_data, &S->stdin_len) < 0)
            S->stdin_len = 0;
    }
    /* When the program itself comes from standard input, read() takes the
     * next line of it. */
    const char *d;
    size_t len, *pos;
    if (!S->fname) {
        d = S->src;
        len = S->len;
        pos = &S->pos;
    } else {
        d = S->stdin_data;
        len = S->stdin_len;
        pos = &S->stdin_pos;
    }
    size_t p = *pos;
    while (p < len && (d[p] == ' ' || d[p] == '\t'))
        p++;
    size_t used = 0;
    bool neg = p < len && d[p] == '-';
    int rc = bn_parse(&S->bc, out, d + p + neg, len - p - neg, (int)S->ibase, &used);
    if (rc)
        return bc_bnerr(S, e->adr, rc);
    if (neg && !bn_is_zero(out))
        out->neg = true;
    p += neg + used;
    while (p < len && d[p] != '\n')
        p++;
    if (p < len)
        p++;
    *pos = p;
    return BCX_OK;
}

static int bc__eval(bc_state *S, bc_node *e, bn *out)
{
    int rc;
    bn a, b;
    bn_init(&a);
    bn_init(&b);
    if (bi_cancelled(S->cmd)) {
        S->quit = true;
        S->status = 130;
        return BCX_ERR;
    }
    switch (e->kind) {
    case N_NUM:
        rc = bn_parse(&S->bc, out, e->str, e->slen, (int)S->ibase, NULL);
        return rc ? bc_bnerr(S, e->adr, rc) : BCX_OK;
    case N_VAR:
    case N_ELEM:
    case N_SPECIAL:
        return bc__get_named(S, e, out);
    case N_NEG:
        if ((rc = bc__eval(S, e->a, out)))
            return rc;
        if (!bn_is_zero(out))
            out->neg = !out->neg;
        return BCX_OK;
    case N_NOT:
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        rc = bn_set_long(&S->bc, out, bn_is_zero(&a));
        bn_free(&S->bc, &a);
        return rc ? bc_bnerr(S, e->adr, rc) : BCX_OK;
    case N_AND:
    case N_OR: {
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        bool v = !bn_is_zero(&a);
        bn_free(&S->bc, &a);
        if (e->kind == N_AND ? v : !v) {
            if ((rc = bc__eval(S, e->b, &a)))
                return rc;
            v = !bn_is_zero(&a);
            bn_free(&S->bc, &a);
        }
        rc = bn_set_long(&S->bc, out, v);
        return rc ? bc_bnerr(S, e->adr, rc) : BCX_OK;
    }
    case N_BIN:
    case N_REL:
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        if ((rc = bc__eval(S, e->b, &b))) {
            bn_free(&S->bc, &a);
            return rc;
        }
        if (e->kind == N_REL) {
            int c = bn_cmp(&a, &b);
            bool v;
            switch (e->op) {
            case '=': v = c == 0; break;
            case '#': v = c != 0; break;
            case '<': v = c < 0; break;
            case '>': v = c > 0; break;
            case '{': v = c <= 0; break;
            default: v = c >= 0; break;
            }
            rc = bn_set_long(&S->bc, out, v) ? bc_bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        } else {
            rc = bc__arith(S, e->op, out, &a, &b, e->adr);
        }
        bn_free(&S->bc, &a);
        bn_free(&S->bc, &b);
        return rc;
    case N_ASSIGN: {
        bn *slot = NULL;
        bc_node *l = e->a;
        if (l->kind == N_ELEM && (rc = bc__elem(S, l, &slot, e->adr)))
            return rc;
        if ((rc = bc__eval(S, e->b, &b)))
            return rc;
        if (e->op) {
            if (slot)
                rc = bn_copy(&S->bc, &a, slot) ? bc_bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
            else
                rc = bc__get_named(S, l, &a);
            if (!rc)
                rc = bc__arith(S, e->op, &a, &a, &b, e->adr);
            bn_free(&S->bc, &b);
            if (rc) {
                bn_free(&S->bc, &a);
                return rc;
            }
            bn_move(&S->bc, &b, &a);
        }
        if (l->kind == N_ELEM) /* the array may have moved */
            rc = bc__elem(S, l, &slot, e->adr);
        if (!rc && (rc = bn_copy(&S->bc, out, &b)))
            rc = bc_bnerr(S, e->adr, rc);
        if (rc) {
            bn_free(&S->bc, &b);
            return rc;
        }
        rc = bc__set_named(S, l, slot, &b, e->adr);
        if (!rc && l->kind == N_SPECIAL && l->op != SP_LAST)
            rc = bc__get_named(S, l, out);
        return rc;
    }
    case N_INCDEC: {
        bn *slot = NULL;
        bc_node *l = e->a;
        if (l->kind == N_ELEM && (rc = bc__elem(S, l, &slot, e->adr)))
            return rc;
        if (slot)
            rc = bn_copy(&S->bc, &a, slot) ? bc_bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        else
            rc = bc__get_named(S, l, &a);
        if (rc)
            return rc;
        if ((e->op & 0x100) && (rc = bn_copy(&S->bc, out, &a))) {
            bn_free(&S->bc, &a);
            return bc_bnerr(S, e->adr, rc);
        }
        bn one;
        bn_init(&one);
        bn_set_long(&S->bc, &one, 1);
        rc = (e->op & 0xff) == '+' ? bn_add(&S->bc, &a, &a, &one) : bn_sub(&S->bc, &a, &a, &one);
        bn_free(&S->bc, &one);
        if (rc) {
            bn_free(&S->bc, &a);
            return bc_bnerr(S, e->adr, rc);
        }
        if (!(e->op & 0x100) && (rc = bn_copy(&S->bc, out, &a))) {
            bn_free(&S->bc, &a);
            return bc_bnerr(S, e->adr, rc);
        }
        return bc__set_named(S, l, slot, &a, e->adr);
    }
    case N_LENGTH:
    case N_SCALEF:
    case N_SQRT:
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        if (e->kind == N_SQRT)
            rc = bn_sqrt(&S->bc, out, &a, S->scale);
        else
            rc = bn_set_long(&S->bc, out,
                             e->kind == N_LENGTH ? (long)bn_length(&a) : a.scale);
        bn_free(&S->bc, &a);
        return rc ? bc_bnerr(S, e->adr, rc) : BCX_OK;
    case N_READ:
        return bc__read(S, e, out);
    case N_CALL:
        return bc__call(S, e, out);
    default:
        return bc_rt(S, e->adr, "bad expression", NULL);
    }
}

static void bc__pop_locals(bc_state *S, bc_func *f, int np, int na)
{
    for (int i = 0; i < na; i++) {
        if (f->aarr[i]) {
            bc_arr *ar = &S->arrs[f->aid[i]];
            bc_array_free(S, ar->v[--ar->n]);
        } else {
            bc_var *v = &S->vars[f->aid[i]];
            bn_free(&S->bc, &v->v[--v->n]);
        }
    }
    for (int i = 0; i < np; i++) {
        if (f->parr[i]) {
            bc_arr *ar = &S->arrs[f->pid[i]];
            bc_array_free(S, ar->v[--ar->n]);
        } else {
            bc_var *v = &S->vars[f->pid[i]];
            bn_free(&S->bc, &v->v[--v->n]);
        }
    }
}

static bool bc__push_var(bc_state *S, int id, bn *val)
{
    bc_var *v = &S->vars[id];
    if (!v->n && !bc_var_value(S, id))
        return false;
    if (!bc_grow(S, (void **)&v->v, &v->cap, v->n + 1, sizeof(bn)))
        return false;
    bn_init(&v->v[v->n]);
    if (val)
        bn_move(&S->bc, &v->v[v->n], val);
    v->n++;
    return true;
}

static bool bc__push_arr(bc_state *S, int id, bc_array *val)
{
    bc_arr *a = &S->arrs[id];
    if (!a->n && !bc_arr_value(S, id))
        return false;
    if (!bc_grow(S, (void **)&a->v, &a->cap, a->n + 1, sizeof(bc_array *)))
        return false;
    if (!val)
        val = mem_calloc(S->cmd->heap, 1, sizeof(bc_array));
    if (!val)
        return false;
    a->v[a->n++] = val;
    return true;
}

static bc_array *bc__array_copy(bc_state *S, bc_array *src)
{
    bc_array *a = mem_calloc(S->cmd->heap, 1, sizeof *a);
    if (!a)
        return NULL;
    if (src && src->n) {
        a->v = mem_calloc(S->cmd->heap, src->n, sizeof(bn));
        if (!a->v)
            return NULL;
        a->n = src->n;
        for (size_t i = 0; i < src->n; i++) {
            if (bn_copy(&S->bc, &a->v[i], &src->v[i]))
                return NULL;
        }
    }
    return a;
}

static int bc__call(bc_state *S, bc_node *e, bn *out)
{
    bc_func *f = &S->funcs[e->id];
    int adr = e->adr;
    int n = e->nlist;
    /* arguments are evaluated first, in the caller's scope */
    bn *vals = n ? mem_calloc(S->cmd->heap, (size_t)n, sizeof(bn)) : NULL;
    bc_array **arrs = n ? mem_calloc(S->cmd->heap, (size_t)n, sizeof(bc_array *)) : NULL;
    if (n && (!vals || !arrs))
        return bc_bnerr(S, adr, BN_ENOMEM);
    int rc = BCX_OK;
    for (int i = 0; i < n && !rc; i++) {
        if (e->list[i]->kind == N_ARRARG)
            continue;
        rc = bc__eval(S, e->list[i], &vals[i]);
    }
    if (rc)
        goto out;
    adr += 2; /* C and the function number */
    if (!f->defined) {
        rc = bc_rt(S, adr, "Function %s not defined.", f->name);
        goto out;
    }
    for (int i = 0; i < n; i++) {
        adr++;
        if (i >= f->nparam) {
            rc = bc_rt(S, adr, "Parameter number mismatch", NULL);
            goto out;
        }
        bool isarr = e->list[i]->kind == N_ARRARG;
        if (isarr != f->parr[i]) {
            if (f->parr[i])
                rc = bc_rt(S, adr, "Parameter type mismatch parameter %s.",
                            S->anames.name[f->pid[i]]);
            else
                rc = bc_rt(S, adr, "Parameter type mismatch, parameter %s.", NULL);
            /* GNU goes on to the end of the list, then reports the count */
            rc = bc_rt(S, adr + (n - i), "Parameter number mismatch", NULL);
            goto out;
        }
        if (isarr) {
            arrs[i] = bc__array_copy(S, bc_arr_value(S, e->list[i]->id));
            if (!arrs[i]) {
                rc = bc_bnerr(S, adr, BN_ENOMEM);
                goto out;
            }
        }
    }
    adr++;
    if (n < f->nparam) {
        rc = bc_rt(S, adr, "Parameter number mismatch", NULL);
        goto out;
    }
    if (S->depth >= BC_MAX_DEPTH) {
        char m[64];
        snprintf(m, sizeof m, "function calls nested too deep (limit: %d)", BC_MAX_DEPTH);
        rc = bc_rt(S, adr, "%s", m);
        goto out;
    }
    /* bind parameters and autos */
    int bound = 0;
    for (int i = 0; i < n; i++, bound++) {
        bool ok = f->parr[i] ? bc__push_arr(S, f->pid[i], arrs[i]) : bc__push_var(S, f->pid[i], &vals[i]);
        if (!ok)
            break;
        arrs[i] = NULL;
    }
    int abound = 0;
    if (bound == n) {
        for (int i = 0; i < f->nauto; i++, abound++) {
            bool ok = f->aarr[i] ? bc__push_arr(S, f->aid[i], NULL) : bc__push_var(S, f->aid[i], NULL);
            if (!ok)
                break;
        }
    }
    if (bound < n || abound < f->nauto) {
        bc__pop_locals(S, f, bound, abound);
        rc = bc_bnerr(S, adr, BN_ENOMEM);
        goto out;
    }
    const char *saved = S->curfunc;
    S->curfunc = f->name;
    S->depth++;
    bn_free(&S->bc, &S->retval);
    int x = bc_exec(S, f->body);
    S->depth--;
    bc__pop_locals(S, f, n, f->nauto);
    if (x == BCX_ERR || x == BCX_HALT) {
        rc = x;
        S->curfunc = saved;
        goto out;
    }
    S->curfunc = saved;
    if (x == BCX_RETURN)
        bn_move(&S->bc, out, &S->retval);
    else
        bn_set_long(&S->bc, out, 0);
out:
    for (int i = 0; i < n; i++) {
        bn_free(&S->bc, &vals[i]);
        if (arrs[i])
            bc_array_free(S, arrs[i]);
    }
    mem_free(S->cmd->heap, vals);
    mem_free(S->cmd->heap, arrs);
    return rc;
}

void bc_print_str(bc_state *S, const char *s, size_t n, bool escapes)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (escapes && ch == '\\' && i + 1 < n) {
            ch = s[++i];
            switch (ch) {
            case 'a': bc_outc(S, '\a'); break;
            case 'b': bc_outc(S, '\b'); break;
            case 'f': bc_outc(S, '\f'); break;
            case 'n': bc_outc(S, '\n'); break;
            case 'r': bc_outc(S, '\r'); break;
            case 'q': bc_outc(S, '"'); break;
            case 't': bc_outc(S, '\t'); break;
            case '\\': bc_outc(S, '\\'); break;
            default: break;
            }
            continue;
        }
        bc_outc(S, ch);
    }
}

int bc_exec(bc_state *S, bc_node *st)
{
    int rc;
    bn v;
    bn_init(&v);
    if (S->quit)
        return BCX_HALT;
    switch (st->kind) {
    case S_EMPTY:
        return BCX_OK;
    case S_STR:
        if (!st->op)
            bc_print_str(S, st->str, st->slen, false);
        return BCX_OK;
    case S_EXPR: {
        bc_node *e = st->a;
        if ((rc = bc__eval(S, e, &v)))
            return rc;
        if (!bc_is_assignish(e)) {
            rc = bc_num_out(S, &v);
            bc_outc(S, '\n');
            if (rc) {
                bn_free(&S->bc, &v);
                return bc_bnerr(S, e->adr, rc);
            }
            bn_move(&S->bc, &S->last, &v);
        }
        bn_free(&S->bc, &v);
        return BCX_OK;
    }
    case S_PRINT:
        for (int i = 0; i < st->nlist; i++) {
            bc_node *it = st->list[i];
            if (it->kind == S_STR) {
                bc_print_str(S, it->str, it->slen, true);
                continue;
            }
            if ((rc = bc__eval(S, it, &v)))
                return rc;
            rc = bc_num_out(S, &v);
            if (!rc)
                rc = bn_copy(&S->bc, &S->last, &v);
            bn_free(&S->bc, &v);
            if (rc)
                return bc_bnerr(S, it->adr, rc);
        }
        return BCX_OK;
    case S_BLOCK:
        for (int i = 0; i < st->nlist; i++) {
            if ((rc = bc_exec(S, st->list[i])))
                return rc;
        }
        return BCX_OK;
    case S_IF:
        if ((rc = bc__eval(S, st->a, &v)))
            return rc;
        {
            bool t = !bn_is_zero(&v);
            bn_free(&S->bc, &v);
            if (t)
                return bc_exec(S, st->b);
            if (st->c)
                return bc_exec(S, st->c);
        }
        return BCX_OK;
    case S_WHILE:
    case S_FOR:
        if (st->kind == S_FOR && st->a) {
            if ((rc = bc__eval(S, st->a, &v)))
                return rc;
            bn_free(&S->bc, &v);
        }
        for (;;) {
            bc_node *cond = st->kind == S_FOR ? st->b : st->a;
            if (cond) {
                if ((rc = bc__eval(S, cond, &v)))
                    return rc;
                bool t = !bn_is_zero(&v);
                bn_free(&S->bc, &v);
                if (!t)
                    break;
            }
            rc = bc_exec(S, st->kind == S_FOR ? st->d : st->b);
            if (rc == BCX_BREAK)
                break;
            if (rc && rc != BCX_CONT)
                return rc;
            if (st->kind == S_FOR && st->c) {
                if ((rc = bc__eval(S, st->c, &v)))
                    return rc;
                bn_free(&S->bc, &v);
            }
            if (bi_cancelled(S->cmd)) {
                S->quit = true;
                S->status = 130;
                return BCX_ERR;
            }
        }
        return BCX_OK;
    case S_BREAK:
        return BCX_BREAK;
    case S_CONT:
        return BCX_CONT;
    case S_HALT:
        S->quit = true;
        return BCX_HALT;
    case S_RETURN:
        bn_free(&S->bc, &S->retval);
        if (st->a) {
            if ((rc = bc__eval(S, st->a, &v)))
                return rc;
            bn_move(&S->bc, &S->retval, &v);
        }
        return BCX_RETURN;
    default:
        return BCX_OK;
    }
}

