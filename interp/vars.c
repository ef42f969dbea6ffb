/*
 * Shell variables: scopes (global, one per function call, temporary
 * assignments before a command), scalars, indexed and associative arrays,
 * attributes, namerefs, dynamic variables (RANDOM, SECONDS, LINENO...),
 * functions and aliases tables.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interp/interp.h"

static uint64_t vars__hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

bool var_valid_name(const char *s)
{
    if (!s || !(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return false;
    for (s++; *s; s++)
        if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

/* ------------------------------------------------------------------ tables */
static ivar *tab_find(const ivartab *t, const char *name)
{
    if (!t->nb)
        return NULL;
    ivar *v = t->b[vars__hash(name) & (t->nb - 1)];
    for (; v; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

static int tab_grow(ishell *g, ivartab *t)
{
    size_t nb = t->nb ? t->nb * 2 : 16;
    ivar **b = mem_calloc(g->heap, nb, sizeof *b);
    if (!b)
        return VB_ENOMEM;
    for (size_t i = 0; i < t->nb; i++) {
        ivar *v = t->b[i];
        while (v) {
            ivar *nx = v->next;
            size_t k = vars__hash(v->name) & (nb - 1);
            v->next = b[k];
            b[k] = v;
            v = nx;
        }
    }
    mem_free(g->heap, t->b);
    t->b = b;
    t->nb = nb;
    return 0;
}

/* A variable with its name in the same block (freed with it). */
static ivar *var__alloc(ishell *g, const char *name)
{
    size_t l = strlen(name) + 1;
    ivar *v = mem_alloc(g->heap, sizeof *v + l);
    if (!v)
        return NULL;
    memset(v, 0, sizeof *v);
    v->name = (char *)(v + 1);
    memcpy(v->name, name, l);
    return v;
}

/* Links v (a block of g's heap) into t. */
static int tab_insert(ishell *g, ivartab *t, ivar *v)
{
    if (t->n + 1 > t->nb * 3 / 4 && tab_grow(g, t) < 0)
        return VB_ENOMEM;
    size_t k = vars__hash(v->name) & (t->nb - 1);
    v->next = t->b[k];
    t->b[k] = v;
    t->n++;
    return 0;
}

static void var__free(ishell *g, ivar *v);

static ivar *tab_add(ishell *g, ivartab *t, const char *name)
{
    if (t->n + 1 > t->nb * 3 / 4 && tab_grow(g, t) < 0)
        return NULL;
    ivar *v = var__alloc(g, name);
    if (!v)
        return NULL;
    tab_insert(g, t, v); /* room made above: cannot fail */
    return v;
}

static void arr__free(mem_heap *h, iarray *a);

static void var__release(mem_heap *h, ivar *v)
{
    mem_free(h, v->val);
    arr__free(h, v->arr);
    if (v->name != (char *)(v + 1))
        mem_free(h, v->name);
    mem_free(h, v);
}

static void var__free(ishell *g, ivar *v)
{
    var__release(g->heap, v);
}

static void tab_remove(ishell *g, ivartab *t, const char *name)
{
    if (!t->nb)
        return;
    ivar **pp = &t->b[vars__hash(name) & (t->nb - 1)];
    for (; *pp; pp = &(*pp)->next)
        if (strcmp((*pp)->name, name) == 0) {
            ivar *v = *pp;
            *pp = v->next;
            var__free(g, v);
            t->n--;
            return;
        }
}

static void tab_free(mem_heap *h, ivartab *t)
{
    for (size_t i = 0; i < t->nb; i++) {
        ivar *v = t->b[i];
        while (v) {
            ivar *nx = v->next;
            var__release(h, v);
            v = nx;
        }
    }
    mem_free(h, t->b);
    t->b = NULL;
    t->nb = t->n = 0;
}

static void base_unref(ivarbase *b);

void var_free_scope(ishell *g, iscope *sc)
{
    tab_free(g->heap, &sc->t);
    if (sc->base)
        base_unref(sc->base);
    mem_free(g->heap, sc);
}

/* ------------------------------------------------------------------ arrays */
iarray *arr_new(ishell *g)
{
    return mem_calloc(g->heap, 1, sizeof(iarray));
}

static void arr__free(mem_heap *h, iarray *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++) {
        mem_free(h, a->e[i].key);
        mem_free(h, a->e[i].val);
    }
    mem_free(h, a->e);
    mem_free(h, a);
}

void arr_free(ishell *g, iarray *a)
{
    arr__free(g->heap, a);
}

/* A copy of a on g's heap; NULL (nothing left behind) out of memory. */
static iarray *arr_copy(ishell *g, const iarray *a)
{
    iarray *b = arr_new(g);
    if (!b)
        return NULL;
    b->nbuckets = a->nbuckets;
    if (!a->n)
        return b;
    b->e = mem_calloc(g->heap, a->n, sizeof *b->e);
    if (!b->e) {
        arr_free(g, b);
        return NULL;
    }
    b->cap = a->n;
    for (size_t i = 0; i < a->n; i++, b->n++) {
        b->e[i].idx = a->e[i].idx;
        b->e[i].key = a->e[i].key ? mem_strdup(g->heap, a->e[i].key) : NULL;
        b->e[i].val = mem_strdup(g->heap, a->e[i].val ? a->e[i].val : "");
        if (!b->e[i].val || (a->e[i].key && !b->e[i].key)) {
            b->n++;
            arr_free(g, b);
            return NULL;
        }
    }
    return b;
}

static size_t arr_lower(const iarray *a, int64_t idx)
{
    size_t lo = 0, hi = a->n;
    if (a->n && a->e[a->n - 1].idx < idx)
        return a->n;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (a->e[m].idx < idx)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

const char *arr_get_idx(const iarray *a, int64_t idx)
{
    size_t i = arr_lower(a, idx);
    if (i < a->n && a->e[i].idx == idx)
        return a->e[i].val;
    return NULL;
}

static int arr_reserve(ishell *g, iarray *a)
{
    if (a->n < a->cap)
        return 0;
    size_t nc = a->cap ? a->cap * 2 : 8;
    iaelem *e = mem_realloc(g->heap, a->e, nc * sizeof *e);
    if (!e)
        return VB_ENOMEM;
    a->e = e;
    a->cap = nc;
    return 0;
}

int arr_set_idx(ishell *g, iarray *a, int64_t idx, const char *val)
{
    size_t i = arr_lower(a, idx);
    char *nv = mem_strdup(g->heap, val);
    if (!nv)
        return VB_ENOMEM;
    if (i < a->n && a->e[i].idx == idx) {
        mem_free(g->heap, a->e[i].val);
        a->e[i].val = nv;
        return 0;
    }
    if (arr_reserve(g, a) < 0) {
        mem_free(g->heap, nv);
        return VB_ENOMEM;
    }
    memmove(&a->e[i + 1], &a->e[i], (a->n - i) * sizeof *a->e);
    a->e[i].idx = idx;
    a->e[i].key = NULL;
    a->e[i].val = nv;
    a->n++;
    return 0;
}

int arr_unset_idx(ishell *g, iarray *a, int64_t idx)
{
    size_t i = arr_lower(a, idx);
    if (i < a->n && a->e[i].idx == idx) {
        mem_free(g->heap, a->e[i].val);
        memmove(&a->e[i], &a->e[i + 1], (a->n - i - 1) * sizeof *a->e);
        a->n--;
    }
    return 0;
}

/* bash's hash_string (FNV-1, 32 bits) */
static uint32_t arr__khash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h *= 16777619u;
        h ^= (unsigned char)*s;
    }
    return h;
}

static size_t arr__nb(const iarray *a)
{
    return a->nbuckets ? a->nbuckets : 1024;
}

/* First element whose bucket is >= b. */
static size_t arr__blower(const iarray *a, uint32_t b, size_t nb)
{
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (((uint32_t)a->e[m].idx & (nb - 1)) < b)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

static size_t arr__kfind(const iarray *a, const char *key, uint32_t h)
{
    size_t nb = arr__nb(a);
    uint32_t b = h & (uint32_t)(nb - 1);
    for (size_t i = arr__blower(a, b, nb); i < a->n; i++) {
        if (((uint32_t)a->e[i].idx & (nb - 1)) != b)
            break;
        if ((uint32_t)a->e[i].idx == h && a->e[i].key && strcmp(a->e[i].key, key) == 0)
            return i;
    }
    return (size_t)-1;
}

const char *arr_get_key(const iarray *a, const char *key)
{
    size_t i = arr__kfind(a, key, arr__khash(key));
    return i == (size_t)-1 ? NULL : a->e[i].val;
}

typedef struct arr__reord {
    uint32_t b;
    size_t pos;
} arr__reord;

static int arr__reord_cmp(const void *x, const void *y)
{
    const arr__reord *p = x, *q = y;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->pos > q->pos ? -1 : p->pos < q->pos; /* a bucket's list reverses */
}

/* bash's hash_rehash into four times the buckets: each new bucket gets its
 * items from one old bucket, pushed in front one by one. */
static int arr__grow(ishell *g, iarray *a)
{
    size_t nb = arr__nb(a) * 4;
    arr__reord *r = mem_alloc(g->heap, a->n * sizeof *r);
    iaelem *e = mem_alloc(g->heap, a->cap * sizeof *e);
    if (!r || !e) {
        mem_free(g->heap, r);
        mem_free(g->heap, e);
        return VB_ENOMEM;
    }
    for (size_t i = 0; i < a->n; i++) {
        r[i].b = (uint32_t)a->e[i].idx & (uint32_t)(nb - 1);
        r[i].pos = i;
    }
    qsort(r, a->n, sizeof *r, arr__reord_cmp);
    for (size_t i = 0; i < a->n; i++)
        e[i] = a->e[r[i].pos];
    mem_free(g->heap, r);
    mem_free(g->heap, a->e);
    a->e = e;
    a->nbuckets = nb;
    return 0;
}

int arr_set_key(ishell *g, iarray *a, const char *key, const char *val)
{
    char *nv = mem_strdup(g->heap, val);
    if (!nv)
        return VB_ENOMEM;
    uint32_t h = arr__khash(key);
    size_t i = arr__kfind(a, key, h);
    if (i != (size_t)-1) {
        mem_free(g->heap, a->e[i].val);
        a->e[i].val = nv;
        return 0;
    }
    char *nk = mem_strdup(g->heap, key);
    if (!nk || arr_reserve(g, a) < 0 || (a->n >= arr__nb(a) * 2 && arr__grow(g, a) < 0)) {
        mem_free(g->heap, nk);
        mem_free(g->heap, nv);
        return VB_ENOMEM;
    }
    size_t nb = arr__nb(a);
    i = arr__blower(a, h & (uint32_t)(nb - 1), nb);
    memmove(&a->e[i + 1], &a->e[i], (a->n - i) * sizeof *a->e);
    a->e[i].idx = (int64_t)h;
    a->e[i].key = nk;
    a->e[i].val = nv;
    a->n++;
    return 0;
}

int arr_unset_key(ishell *g, iarray *a, const char *key)
{
    size_t i = arr__kfind(a, key, arr__khash(key));
    if (i == (size_t)-1)
        return 0;
    mem_free(g->heap, a->e[i].key);
    mem_free(g->heap, a->e[i].val);
    memmove(&a->e[i], &a->e[i + 1], (a->n - i - 1) * sizeof *a->e);
    a->n--;
    return 0;
}

int64_t arr_max_idx(const iarray *a)
{
    return a->n ? a->e[a->n - 1].idx : -1;
}

void var_clear_value(ishell *g, ivar *v)
{
    mem_free(g->heap, v->val);
    v->val = NULL;
    arr_free(g, v->arr);
    v->arr = NULL;
}

/* ------------------------------------------------------------------ scopes */
void var_scope_push(ish *sh, bool temp)
{
    iscope *sc = mem_calloc(sh->g->heap, 1, sizeof *sc);
    if (!sc)
        return;
    sc->temp = temp;
    sc->up = sh->scope;
    sh->scope = sc;
}

void var_scope_pop(ish *sh)
{
    iscope *sc = sh->scope;
    if (!sc || sc == sh->global)
        return;
    sh->scope = sc->up;
    var_free_scope(sh->g, sc);
}

/* A copy of v on g's heap (value, array, attributes); NULL, nothing left
 * behind, out of memory. */
static ivar *var__dup(ishell *g, const ivar *v)
{
    ivar *n = var__alloc(g, v->name);
    if (!n)
        return NULL;
    n->attr = v->attr;
    if ((v->val && !(n->val = mem_strdup(g->heap, v->val))) ||
        (v->arr && !(n->arr = arr_copy(g, v->arr)))) {
        var__free(g, n);
        return NULL;
    }
    return n;
}

/* ------------------------------------------------------------------ shared bases */
/* vb_session_fork shares the global variables: the source's global table
 * becomes a frozen level (ivarbase), and both sides go on with an empty
 * table of their own (the overlay) over it. A lookup searches the overlay,
 * then the levels; a variable found in a level is copied up into the
 * overlay (the caller's heap) before anyone may change it, so every
 * ivar * handed out of this file is private and mutable as before. An
 * unset of a variable a level holds leaves a whiteout in the overlay.
 * Levels are immutable while shared: only one held by a single overlay,
 * on the same heap, is merged into (var_share_global). */
#define VARS_MAX_DEPTH 8

/* The variable of that name in a chain of levels (NULL: none, or hidden
 * by a whiteout). */
static ivar *base_find(const ivarbase *b, const char *name)
{
    for (; b; b = b->up) {
        ivar *v = tab_find(&b->t, name);
        if (v)
            return (v->attr & VA_WHITEOUT) ? NULL : v;
    }
    return NULL;
}

static void base_unref(ivarbase *b)
{
    while (b && --b->refs == 0) {
        ivarbase *up = b->up;
        mem_heap *h = b->heap;
        tab_free(h, &b->t);
        mem_free(h, b);
        mem_heap_unpin(h); /* the last one of a freed session destroys its heap */
        b = up;
    }
}

/* A new level on g's heap holding table t (moved in), over up (whose
 * reference it takes). */
static ivarbase *base_new(ishell *g, ivartab *t, ivarbase *up)
{
    ivarbase *b = mem_calloc(g->heap, 1, sizeof *b);
    if (!b)
        return NULL;
    b->t = *t;
    memset(t, 0, sizeof *t);
    b->up = up;
    b->heap = g->heap;
    b->refs = 1;
    b->depth = up ? up->depth + 1 : 1;
    mem_heap_pin(g->heap);
    return b;
}

/* Merges the table t (emptied) into level b, which only its owner holds
 * and whose blocks are of the same heap: O(entries of t). */
static int base_merge(ishell *g, ivarbase *b, ivartab *t)
{
    while (b->t.n + t->n > b->t.nb * 3 / 4) /* room first: the moves cannot fail */
        if (tab_grow(g, &b->t) < 0)
            return VB_ENOMEM;
    for (size_t i = 0; i < t->nb; i++) {
        ivar *v = t->b[i];
        while (v) {
            ivar *nx = v->next;
            tab_remove(g, &b->t, v->name);
            if ((v->attr & VA_WHITEOUT) && !b->up)
                var__free(g, v);    /* nothing under it to hide */
            else
                tab_insert(g, &b->t, v);
            v = nx;
        }
    }
    mem_free(g->heap, t->b);
    memset(t, 0, sizeof *t);
    return 0;
}

/* One level holding every visible variable of the chain b (O(variables)):
 * keeps the chains short. NULL out of memory. */
static ivarbase *base_flatten(ishell *g, const ivarbase *b)
{
    ivartab t = {0};
    for (const ivarbase *l = b; l; l = l->up)
        for (size_t i = 0; i < l->t.nb; i++)
            for (ivar *v = l->t.b[i]; v; v = v->next) {
                if (v->attr & VA_WHITEOUT || tab_find(&t, v->name))
                    continue;
                bool hidden = false;
                for (const ivarbase *x = b; x != l && !hidden; x = x->up)
                    hidden = tab_find(&x->t, v->name) != NULL;
                ivar *n = hidden ? NULL : var__dup(g, v);
                if (!hidden && (!n || tab_insert(g, &t, n) < 0)) {
                    if (n)
                        var__free(g, n);
                    tab_free(g->heap, &t);
                    return NULL;
                }
            }
    ivarbase *nb = base_new(g, &t, NULL);
    if (!nb)
        tab_free(g->heap, &t);
    return nb;
}

/* Freezes sh's global table for a fork: the level the clone shares (a
 * reference for it), NULL when there is nothing (or out of memory: *err). */
static ivarbase *vars__freeze(ish *sh, int *err)
{
    ishell *g = sh->g;
    iscope *gs = sh->global;
    *err = 0;
    if (gs->t.n) {
        ivarbase *b = gs->base;
        if (b && b->refs == 1 && b->heap == g->heap) {
            /* nobody else sees the level (its other holders are gone) */
            if (base_merge(g, b, &gs->t) < 0) {
                *err = VB_ENOMEM;
                return NULL;
            }
        } else {
            b = base_new(g, &gs->t, b);
            if (!b) {
                *err = VB_ENOMEM;
                return NULL;
            }
            gs->base = b;
        }
    }
    if (gs->base && gs->base->depth > VARS_MAX_DEPTH) {
        ivarbase *f = base_flatten(g, gs->base);
        if (f) {
            base_unref(gs->base);
            gs->base = f;
        }
    }
    if (gs->base)
        gs->base->refs++;
    return gs->base;
}

int var_share_global(ish *dst, ish *src)
{
    if (!src->global || src->scope != src->global)
        return 1;
    iscope *sc = mem_calloc(dst->g->heap, 1, sizeof *sc);
    if (!sc)
        return VB_ENOMEM;
    int err;
    sc->base = vars__freeze(src, &err);
    if (err) {
        mem_free(dst->g->heap, sc);
        return err;
    }
    dst->global = dst->scope = sc;
    return 0;
}

/* The variable of that name in scope sc itself: its table, then (the
 * global scope) its shared levels, the variable copied up into the table.
 * NULL: none (or out of memory: *nomem set when given). */
static ivar *vars__copy_up(ishell *g, iscope *sc, const char *name, bool *nomem)
{
    const ivar *b = base_find(sc->base, name);
    if (!b)
        return NULL;
    ivar *n = var__dup(g, b);
    if (n && tab_insert(g, &sc->t, n) < 0) {
        var__free(g, n);
        n = NULL;
    }
    if (!n && nomem)
        *nomem = true;
    return n;
}

static inline ivar *scope_get(ishell *g, iscope *sc, const char *name)
{
    ivar *v = tab_find(&sc->t, name);
    if (__builtin_expect(v != NULL, 1))
        return (v->attr & VA_WHITEOUT) ? NULL : v;
    if (__builtin_expect(!sc->base, 1))
        return NULL;
    return vars__copy_up(g, sc, name, NULL);
}

/* The same without copying: read only. */
static inline const ivar *scope_peek(const iscope *sc, const char *name)
{
    const ivar *v = tab_find(&sc->t, name);
    if (v)
        return (v->attr & VA_WHITEOUT) ? NULL : v;
    return sc->base ? base_find(sc->base, name) : NULL;
}

/* The variable of that name in scope sc itself, made (attributes 0, no
 * value) if none. NULL out of memory (then nothing changed). */
static ivar *scope_put(ishell *g, iscope *sc, const char *name)
{
    ivar *v = tab_find(&sc->t, name);
    if (v) {
        if (v->attr & VA_WHITEOUT)
            v->attr = 0;
        return v;
    }
    if (sc->base) {
        bool nomem = false;
        v = vars__copy_up(g, sc, name, &nomem);
        if (v || nomem)
            return v;
    }
    return tab_add(g, &sc->t, name);
}

/* A copy of scope src on g's heap: its table, the levels under it shared. */
static iscope *scope_copy(ishell *g, const iscope *src)
{
    iscope *sc = mem_calloc(g->heap, 1, sizeof *sc);
    if (!sc)
        return NULL;
    sc->temp = src->temp;
    sc->base = src->base;
    if (sc->base)
        sc->base->refs++;
    if (!src->t.n)
        return sc;
    /* src's bucket count and chain order: no hashing, no growth */
    sc->t.b = mem_calloc(g->heap, src->t.nb, sizeof *sc->t.b);
    if (!sc->t.b)
        return sc;
    sc->t.nb = src->t.nb;
    for (size_t i = 0; i < src->t.nb; i++) {
        ivar **tail = &sc->t.b[i];
        for (ivar *v = src->t.b[i]; v; v = v->next) {
            ivar *n = var__dup(g, v);
            if (!n)
                return sc;
            *tail = n;
            tail = &n->next;
            sc->t.n++;
        }
    }
    return sc;
}

iscope *var_copy_scopes(ish *dst, const ish *src)
{
    /* Copy the chain innermost first, then relink in the same order. */
    iscope *chain[4096];
    size_t n = 0;
    for (const iscope *s = src->scope; s && n < 4096; s = s->up)
        chain[n++] = (iscope *)s;
    iscope *up = NULL;
    for (size_t i = n; i-- > 0;) {
        iscope *c = scope_copy(dst->g, chain[i]);
        if (!c)
            break;
        c->up = up;
        if (i == n - 1)
            dst->global = c;
        up = c;
    }
    dst->scope = up;
    return up;
}

/* ------------------------------------------------------------------ lookup */
static uint64_t vars__rand(ishell *g)
{
    return interp_random(g);
}

static void now_ts(ishell *g, struct timespec *ts);

static void var__set_raw(ishell *g, ivar *v, const char *val)
{
    char *nv = mem_strdup(g->heap, val);
    if (!nv)
        return;
    if (v->arr && !(v->attr & (VA_ARRAY | VA_ASSOC))) {
        arr_free(g, v->arr);
        v->arr = NULL;
    }
    mem_free(g->heap, v->val);
    v->val = nv;
    v->attr &= ~VA_UNSET;
}

static void var__set_arr_list(ish *sh, ivar *v, const char **vals, size_t n)
{
    ishell *g = sh->g;
    var_clear_value(g, v);
    v->arr = arr_new(g);
    v->attr |= VA_ARRAY;
    v->attr &= ~VA_UNSET;
    for (size_t i = 0; i < n && v->arr; i++)
        arr_set_idx(g, v->arr, (int64_t)i, vals[i] ? vals[i] : "");
}

/* Refreshes a dynamic variable's value before it is read. */
static void var__dynamic(ish *sh, ivar *v)
{
    ishell *g = sh->g;
    char buf[64];
    const char *n = v->name;
    if (strcmp(n, "RANDOM") == 0) {
        snprintf(buf, sizeof buf, "%d", (int)((vars__rand(g) >> 33) & 32767));
        var__set_raw(g, v, buf);
    } else if (strcmp(n, "SRANDOM") == 0) {
        snprintf(buf, sizeof buf, "%u", (unsigned)(vars__rand(g) >> 32));
        var__set_raw(g, v, buf);
    } else if (strcmp(n, "LINENO") == 0) {
        snprintf(buf, sizeof buf, "%d", sh->lineno);
        var__set_raw(g, v, buf);
    } else if (strcmp(n, "SECONDS") == 0) {
        uint64_t s = (proc_now_ns() - g->start_ns) / 1000000000ull;
        snprintf(buf, sizeof buf, "%" PRIu64, s);
        var__set_raw(g, v, buf);
    } else if (strcmp(n, "EPOCHSECONDS") == 0 || strcmp(n, "EPOCHREALTIME") == 0) {
        struct timespec ts;
        now_ts(g, &ts);
        if (n[5] == 'S')
            snprintf(buf, sizeof buf, "%lld", (long long)ts.tv_sec);
        else
            snprintf(buf, sizeof buf, "%lld.%06ld", (long long)ts.tv_sec, ts.tv_nsec / 1000);
        var__set_raw(g, v, buf);
    } else if (strcmp(n, "BASHPID") == 0) {
        snprintf(buf, sizeof buf, "%d", sh->bashpid ? sh->bashpid : sh->proc ? sh->proc->pid : g->shell_pid);
        var__set_raw(g, v, buf);
    } else if (strcmp(n, "BASH_SUBSHELL") == 0) {
        snprintf(buf, sizeof buf, "%d", sh->subshell);
        var__set_raw(g, v, buf);
    } else if (strcmp(n, "PIPESTATUS") == 0) {
        const char *vals[64];
        char nb[64][12];
        int k = sh->npipestatus;
        for (int i = 0; i < k; i++) {
            snprintf(nb[i], sizeof nb[i], "%d", sh->pipestatus[i]);
            vals[i] = nb[i];
        }
        var__set_arr_list(sh, v, vals, (size_t)k);
    } else if (strcmp(n, "SHELLOPTS") == 0 || strcmp(n, "BASHOPTS") == 0) {
        /* the options that are on, as a colon list (readonly) */
        bool set_o = n[0] == 'S';
        const iopt_name *t = set_o ? interp_set_opts : interp_shopts;
        int bits = set_o ? sh->opts : sh->shopts;
        vbuf b;
        vbuf_init(&b, g->heap);
        for (size_t i = 0; t[i].name; i++)
            if (t[i].bit && ((!set_o && t[i].letter == 2 ? sh->shopts2 : bits) & t[i].bit)) {
                if (b.len)
                    vbuf_addc(&b, ':');
                vbuf_adds(&b, t[i].name);
            }
        var__set_raw(g, v, vbuf_str(&b));
        vbuf_free(&b);
    } else if (strcmp(n, "BASH_ARGV") == 0 || strcmp(n, "BASH_ARGC") == 0) {
        /* with extdebug: every call's arguments, innermost first, each call's
         * in reverse; then the script's own. Without: the script's only, and
         * nothing inside a function (as bash). */
        bool argc_v = n[8] == 'C';
        const char *vals[512];
        char nb[128][12];
        size_t k = 0, kn = 0;
        bool ext = (sh->shopts & SO_EXTDEBUG) != 0;
        char **mpos = sh->pos;
        int mnpos = sh->npos;
        for (iframe *f = sh->frame; f; f = f->up) {
            if (!f->args) {
                mpos = NULL;
                mnpos = 0;
                break;
            }
            mpos = f->caller_pos;
            mnpos = f->caller_npos;
            if (!ext)
                continue;
            if (argc_v) {
                if (k < 128) {
                    snprintf(nb[kn], sizeof nb[kn], "%d", f->nargs);
                    vals[k++] = nb[kn++];
                }
            } else
                for (int i = f->nargs - 1; i >= 0 && k < 511; i--)
                    vals[k++] = f->args[i];
        }
        if (sh->frame && !ext)
            k = 0;
        else if (argc_v) {
            if (kn < 128) {
                snprintf(nb[kn], sizeof nb[kn], "%d", mnpos);
                vals[k++] = nb[kn++];
            }
        } else
            for (int i = mnpos - 1; i >= 0 && k < 511; i--)
                vals[k++] = mpos[i];
        var__set_arr_list(sh, v, vals, k);
    } else if (strcmp(n, "BASH_ALIASES") == 0 || strcmp(n, "BASH_CMDS") == 0) {
        /* views of the alias and hash tables, oldest entry first */
        var_clear_value(g, v);
        v->arr = arr_new(g);
        v->attr |= VA_ASSOC;
        v->attr &= ~(VA_UNSET | VA_ARRAY);
        if (!v->arr)
            return;
        size_t cnt = 0;
        if (n[5] == 'A')
            for (ialias *a = sh->aliases; a; a = a->next)
                cnt++;
        else
            for (ihash *h = sh->hashed; h; h = h->next)
                cnt++;
        for (size_t i = cnt; i > 0; i--) {
            size_t j = 1;
            if (n[5] == 'A') {
                ialias *a = sh->aliases;
                for (; a && j < i; a = a->next)
                    j++;
                if (a)
                    arr_set_key(g, v->arr, a->name, a->val);
            } else {
                ihash *h = sh->hashed;
                for (; h && j < i; h = h->next)
                    j++;
                if (h)
                    arr_set_key(g, v->arr, h->name, h->path);
            }
        }
    } else if (strcmp(n, "FUNCNAME") == 0 || strcmp(n, "BASH_SOURCE") == 0 ||
               strcmp(n, "BASH_LINENO") == 0) {
        /* bash's call stack: a frame per function call and per source,
         * innermost first, then a script's own level ("main", the script,
         * 0); bash -c text has none. FUNCNAME is empty outside functions
         * (also at the top of a sourced file). */
        const char *vals[512];
        char nb[512][12];
        size_t k = 0;
        int which = n[0] == 'F' ? 0 : n[5] == 'S' ? 1 : 2;
        if (sh->func_depth == 0 && which == 0) {
            var_clear_value(g, v);
            v->attr |= VA_UNSET;
            return;
        }
        const char *nofile = sh->interactive ? "main" : "environment";
        for (iframe *f = sh->frame; f && k < 511; f = f->up) {
            if (which == 0)
                vals[k] = f->func;
            else if (which == 1)
                vals[k] = f->source ? f->source : nofile;
            else {
                snprintf(nb[k], sizeof nb[k], "%d", f->call_line);
                vals[k] = nb[k];
            }
            k++;
        }
        if (sh->source_name) {
            if (which == 0)
                vals[k++] = "main";
            else if (which == 1)
                vals[k++] = sh->source_name;
            else {
                snprintf(nb[k], sizeof nb[k], "0");
                vals[k] = nb[k];
                k++;
            }
        }
        var__set_arr_list(sh, v, vals, k);
    }
}

ivar *var_lookup_raw(ish *sh, const char *name)
{
    for (iscope *s = sh->scope; s; s = s->up) {
        ivar *v = scope_get(sh->g, s, name);
        if (v)
            return v;
    }
    return NULL;
}

/* The visible variable of that name, read only (a shared level's is not
 * copied up). */
static const ivar *vars__peek(const ish *sh, const char *name)
{
    for (const iscope *s = sh->scope; s; s = s->up) {
        const ivar *v = scope_peek(s, name);
        if (v)
            return v;
    }
    return NULL;
}

ivar *var_lookup(ish *sh, const char *name)
{
    ivar *v = var_lookup_raw(sh, name);
    for (int i = 0; v && (v->attr & VA_NAMEREF) && v->val && i < 8; i++) {
        const char *target = v->val;
        char base[256];
        const char *br = strchr(target, '[');
        if (br) {
            size_t k = (size_t)(br - target);
            if (k >= sizeof base)
                return NULL;
            memcpy(base, target, k);
            base[k] = 0;
            target = base;
        }
        v = var_lookup_raw(sh, target);
    }
    if (v && (v->attr & VA_SPECIAL))
        var__dynamic(sh, v);
    return v;
}

const char *var_get(ish *sh, const char *name)
{
    /* plain variables are read where they are: a read copies nothing */
    const ivar *v = vars__peek(sh, name);
    if (v && (v->attr & (VA_SPECIAL | VA_NAMEREF)))
        v = var_lookup(sh, name);
    if (!v || (v->attr & VA_UNSET))
        return NULL;
    if (v->arr) {
        if (v->attr & VA_ASSOC)
            return arr_get_key(v->arr, "0");
        return arr_get_idx(v->arr, 0);
    }
    return v->val;
}

static void now_ts(ishell *g, struct timespec *ts)
{
    interp_now(g, ts);
}

/* ------------------------------------------------------------------ set */
char *var_apply_case(ish *sh, ivar *v, const char *val)
{
    char *s = mem_strdup(sh->g->heap, val);
    if (!s)
        return NULL;
    if (v->attr & VA_LOWER)
        for (char *p = s; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p + 32);
    if (v->attr & VA_UPPER)
        for (char *p = s; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 32);
    if ((v->attr & VA_CAPITAL) && s[0]) {
        for (char *p = s + 1; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p + 32);
        if (s[0] >= 'a' && s[0] <= 'z')
            s[0] = (char)(s[0] - 32);
    }
    return s;
}

static void var__special_assign(ish *sh, ivar *v, const char *val)
{
    ishell *g = sh->g;
    if (strcmp(v->name, "RANDOM") == 0) {
        g->rng = (uint64_t)strtoull(val, NULL, 10) * 2654435761ull + 0x9e3779b97f4a7c15ull;
        if (!g->rng)
            g->rng = 1;
    } else if (strcmp(v->name, "SECONDS") == 0) {
        g->start_ns = proc_now_ns() - (uint64_t)strtoull(val, NULL, 10) * 1000000000ull;
    }
}

ivar *var_declare(ish *sh, const char *name, bool local)
{
    ishell *g = sh->g;
    iscope *sc = sh->global;
    if (local) {
        sc = sh->scope;
        while (sc && sc->temp && sc->up)
            sc = sc->up;
    }
    ivar *v = tab_find(&sc->t, name);
    if (v && !(v->attr & VA_WHITEOUT))
        return v;
    if (!v && sc->base) {
        bool nomem = false;
        if ((v = vars__copy_up(g, sc, name, &nomem)) || nomem)
            return v;
    }
    if (!v)
        v = tab_add(g, &sc->t, name); /* or the whiteout, made a variable again */
    if (v) {
        v->attr = VA_UNSET;
        if (local && sc != sh->global)
            v->attr |= VA_LOCAL;
    }
    return v;
}

const char *var_ref_target(ish *sh, const char *name)
{
    const char *r = name;
    for (int i = 0; i < 8; i++) {
        ivar *v = var_lookup_raw(sh, r);
        if (!v || !(v->attr & VA_NAMEREF) || !v->val || !v->val[0])
            return r;
        r = v->val;
    }
    return r;
}

/* Resolves a nameref for assignment: the target name (maybe "a[1]"). */
static const char *var__resolve_ref(ish *sh, const char *name)
{
    for (int i = 0; i < 8; i++) {
        ivar *v = var_lookup_raw(sh, name);
        if (!v || !(v->attr & VA_NAMEREF) || !v->val || !v->val[0])
            return name;
        name = v->val;
    }
    return name;
}

static int var__store(ish *sh, ivar *v, const char *key, const char *val, int flags)
{
    ishell *g = sh->g;
    if (v->attr & VA_READONLY) {
        sh_error(sh, "%s: readonly variable", v->name);
        return 1;
    }
    char *owned = NULL;
    char numbuf[32];
    if (v->attr & VA_INTEGER) {
        int64_t r = 0;
        char *expr = NULL;
        if (flags & VS_APPEND) {
            const char *old = key ? (v->arr ? ((v->attr & VA_ASSOC) ? arr_get_key(v->arr, key)
                                                                    : NULL)
                                            : NULL)
                                  : (v->arr ? arr_get_idx(v->arr, 0) : v->val);
            if (key && v->arr && !(v->attr & VA_ASSOC)) {
                int64_t ix = 0;
                arith_eval(sh, key, &ix);
                old = arr_get_idx(v->arr, ix);
            }
            expr = mem_printf(g->heap, "%s+(%s)", old && *old ? old : "0", val);
        }
        if (arith_eval(sh, expr ? expr : val, &r)) {
            mem_free(g->heap, expr);
            return 1;
        }
        mem_free(g->heap, expr);
        snprintf(numbuf, sizeof numbuf, "%" PRId64, r);
        val = numbuf;
        flags &= ~VS_APPEND;
    }
    if (v->attr & (VA_LOWER | VA_UPPER | VA_CAPITAL)) {
        owned = var_apply_case(sh, v, val);
        if (owned)
            val = owned;
    }
    if ((flags & VS_EXPORT) || (sh->opts & O_ALLEXPORT))
        v->attr |= VA_EXPORT;
    int rc = 0;
    if (key || (v->attr & (VA_ARRAY | VA_ASSOC))) {
        if (!v->arr) {
            v->arr = arr_new(g);
            if (!(v->attr & VA_ASSOC))
                v->attr |= VA_ARRAY;
            if (v->val) {
                arr_set_idx(g, v->arr, 0, v->val);
                mem_free(g->heap, v->val);
                v->val = NULL;
            }
        }
        if (!v->arr) {
            mem_free(g->heap, owned);
            return 1;
        }
        const char *k = key ? key : "0";
        if (v->attr & VA_ASSOC) {
            if (flags & VS_APPEND) {
                const char *old = arr_get_key(v->arr, k);
                char *nv = mem_printf(g->heap, "%s%s", old ? old : "", val);
                rc = arr_set_key(g, v->arr, k, nv ? nv : val);
                mem_free(g->heap, nv);
            } else
                rc = arr_set_key(g, v->arr, k, val);
        } else {
            int64_t ix = 0;
            if (key && arith_eval(sh, key, &ix)) {
                mem_free(g->heap, owned);
                return 1;
            }
            if (ix < 0) {
                int64_t mx = arr_max_idx(v->arr);
                if (mx + 1 + ix < 0) {
                    sh_error(sh, "%s[%s]: bad array subscript", v->name, key);
                    mem_free(g->heap, owned);
                    return 1;
                }
                ix = mx + 1 + ix;
            }
            if (flags & VS_APPEND) {
                const char *old = arr_get_idx(v->arr, ix);
                char *nv = mem_printf(g->heap, "%s%s", old ? old : "", val);
                rc = arr_set_idx(g, v->arr, ix, nv ? nv : val);
                mem_free(g->heap, nv);
            } else
                rc = arr_set_idx(g, v->arr, ix, val);
        }
        v->attr &= ~VA_UNSET;
        if (rc == 0 && (v->attr & VA_SPECIAL) && (v->attr & VA_ASSOC)) {
            /* BASH_ALIASES[x]=... defines an alias, BASH_CMDS[x]=... hashes */
            const char *nv = arr_get_key(v->arr, k);
            if (strcmp(v->name, "BASH_ALIASES") == 0)
                rc = alias_set(sh, k, nv ? nv : "");
            else if (strcmp(v->name, "BASH_CMDS") == 0)
                sh_hash_note(sh, k, nv ? nv : "", 0);
        }
    } else {
        if (flags & VS_APPEND) {
            char *nv = mem_printf(g->heap, "%s%s", v->val ? v->val : "", val);
            if (nv) {
                mem_free(g->heap, v->val);
                v->val = nv;
            }
            v->attr &= ~VA_UNSET;
        } else
            var__set_raw(g, v, val);
        if (v->name[0] == 'P' && strcmp(v->name, "PATH") == 0)
            sh_hash_clear(sh); /* bash forgets the hashed commands */
        else if (v->name[0] == 'G' && strcmp(v->name, "GLOBIGNORE") == 0)
            glob_globignore_changed(sh, val); /* dotglob follows every assignment */
        if (v->attr & VA_SPECIAL)
            var__special_assign(sh, v, val);
    }
    if (g->lim.max_string_bytes && val && strlen(val) > g->lim.max_string_bytes) {
        mem_free(g->heap, owned);
        exec_limit(g, VB_LIMIT_STRING, "maximum string length exceeded (limit string=%llu)",
                   (unsigned long long)g->lim.max_string_bytes);
        return 1;
    }
    mem_free(g->heap, owned);
    return rc < 0 ? 1 : 0;
}

int var_set_elem(ish *sh, const char *name, const char *key, const char *val, int flags)
{
    char *tmpname = NULL;
    if (!(flags & VS_NOATTR)) {
        const char *r = var__resolve_ref(sh, name);
        if (r != name) {
            ivar *end = var_lookup_raw(sh, r);
            if (end && (end->attr & VA_NAMEREF) && end->val && end->val[0]) {
                /* still a reference after the whole chain: a cycle (bash
                 * ends the shell) */
                sh_error(sh, "warning: %s: circular name reference", name);
                sh->flow = FLOW_EXIT;
                sh->exit_status = 1;
                return 1;
            }
        }
        if (r != name) {
            const char *br = strchr(r, '[');
            if (br && !key) {
                tmpname = mem_strndup(sh->g->heap, r, (size_t)(br - r));
                char *k = mem_strndup(sh->g->heap, br + 1, strlen(br + 1) - 1);
                int rc = var_set_elem(sh, tmpname, k, val, flags | VS_NOATTR);
                mem_free(sh->g->heap, k);
                mem_free(sh->g->heap, tmpname);
                return rc;
            }
            name = r;
        }
    }
    ivar *v = NULL;
    if (flags & VS_LOCAL)
        v = var_declare(sh, name, true);
    else if (flags & VS_TEMP) {
        v = tab_find(&sh->scope->t, name);
        if (!v)
            v = tab_add(sh->g, &sh->scope->t, name);
        if (v) {
            v->attr |= VA_EXPORT;
            const ivar *outer = NULL;
            for (iscope *s = sh->scope->up; s && !outer; s = s->up)
                outer = scope_peek(s, name);
            if (outer && (outer->attr & VA_READONLY)) {
                sh_error(sh, "%s: readonly variable", name);
                return 1;
            }
            if (outer)
                v->attr |= outer->attr & (VA_INTEGER | VA_LOWER | VA_UPPER | VA_SPECIAL);
        }
    } else if (flags & VS_GLOBAL) {
        v = scope_put(sh->g, sh->global, name);
    } else {
        v = var_lookup_raw(sh, name);
        if (!v)
            v = scope_put(sh->g, sh->global, name);
    }
    if (!v)
        return 1;
    return var__store(sh, v, key, val, flags);
}

int var_set(ish *sh, const char *name, const char *val, int flags)
{
    return var_set_elem(sh, name, NULL, val, flags);
}

static int var__unset(ish *sh, const char *name, bool quiet_readonly);

int var_unset(ish *sh, const char *name, bool quiet_readonly)
{
    int rc = var__unset(sh, name, quiet_readonly);
    if (rc == 0 && name[0] == 'G' && strcmp(name, "GLOBIGNORE") == 0)
        glob_globignore_changed(sh, var_get(sh, "GLOBIGNORE")); /* a global may show again */
    return rc;
}

static int var__unset(ish *sh, const char *name, bool quiet_readonly)
{
    const ivar *v = NULL;
    iscope *sc = NULL;
    for (iscope *s = sh->scope; s && !v; s = s->up) {
        v = scope_peek(s, name);
        sc = s;
    }
    if (!v)
        return 0;
    if (v->attr & VA_READONLY) {
        if (!quiet_readonly)
            sh_error(sh, "unset: %s: cannot unset: readonly variable", name);
        return 1;
    }
    if (v->attr & VA_NAMEREF && v->val && v->val[0]) {
        char *t = mem_strdup(sh->g->heap, v->val);
        int rc = t ? var_unset(sh, t, quiet_readonly) : 1;
        mem_free(sh->g->heap, t);
        return rc;
    }
    iscope *cur = sh->scope;
    while (cur && cur->temp && cur->up)
        cur = cur->up;
    if (sc != sh->global && !sc->temp && (v->attr & VA_LOCAL) &&
        (sc == cur || (sh->shopts2 & SO2_LOCALVAR_UNSET))) {
        /* A local of the running function stays declared (unset) in its
         * scope, as bash does; a caller's local is removed, revealing the
         * variable under it (unless localvar_unset). */
        ivar *w = tab_find(&sc->t, name);
        var_clear_value(sh->g, w);
        w->attr = VA_UNSET | VA_LOCAL;
        return 0;
    }
    if (sc->base && base_find(sc->base, name)) {
        /* a shared level holds it: a whiteout hides it from this side */
        ivar *w = tab_find(&sc->t, name);
        if (!w && !(w = tab_add(sh->g, &sc->t, name)))
            return 1;
        var_clear_value(sh->g, w);
        w->attr = VA_WHITEOUT;
        return 0;
    }
    tab_remove(sh->g, &sc->t, name);
    return 0;
}

int var_unset_elem(ish *sh, const char *name, const char *key)
{
    ivar *v = var_lookup(sh, name);
    if (!v)
        return 0;
    if (v->attr & VA_READONLY) {
        sh_error(sh, "unset: %s: cannot unset: readonly variable", name);
        return 1;
    }
    if (v->attr & VA_ASSOC) {
        if (v->arr)
            arr_unset_key(sh->g, v->arr, key);
        return 0;
    }
    int64_t ix = 0;
    if (arith_eval(sh, key, &ix))
        return 1;
    if (!v->arr) {
        if (ix == 0 || ix == -1)
            return var_unset(sh, name, false);
        return 0;
    }
    if (ix < 0) {
        int64_t mx = arr_max_idx(v->arr);
        if (mx + 1 + ix < 0) {
            sh_error(sh, "unset: [%s]: bad array subscript", key);
            return 1;
        }
        ix += mx + 1;
    }
    arr_unset_idx(sh->g, v->arr, ix);
    return 0;
}

char **var_environ(ish *sh, mem_heap *h)
{
    size_t n = 0, cap = 64;
    char **env = mem_alloc(h, cap * sizeof *env);
    if (!env)
        return NULL;
    ivar_iter it;
    var_iter_init(&it, sh);
    for (ivar *v; (v = var_iter_next(&it));) {
        if (!(v->attr & VA_EXPORT) || (v->attr & VA_UNSET) || v->arr || !v->val)
            continue;
        if (n + 2 > cap) {
            cap *= 2;
            char **ne = mem_realloc(h, env, cap * sizeof *env);
            if (!ne)
                break;
            env = ne;
        }
        env[n++] = mem_printf(h, "%s=%s", v->name, v->val);
    }
    env[n] = NULL;
    return env;
}

/* ------------------------------------------------------------------ walks */
void var_iter_init(ivar_iter *it, ish *sh)
{
    memset(it, 0, sizeof *it);
    it->sh = sh;
    it->sc = sh->scope;
}

/* Is v, found in it's current table, hidden by an inner one? */
static bool iter__hidden(const ivar_iter *it, const ivar *v)
{
    for (const iscope *s = it->sh->scope; s != it->sc; s = s->up)
        if (tab_find(&s->t, v->name))
            return true;
    if (!it->lvl)
        return false;
    if (tab_find(&it->sc->t, v->name))
        return true;
    for (const ivarbase *b = it->sc->base; b != it->lvl; b = b->up)
        if (tab_find(&b->t, v->name))
            return true;
    return false;
}

ivar *var_iter_next(ivar_iter *it)
{
    while (it->sc) {
        const ivartab *t = it->lvl ? &it->lvl->t : &it->sc->t;
        ivar *v = it->v ? it->v->next : NULL;
        while (!v && it->bucket < t->nb)
            v = t->b[it->bucket++];
        if (v) {
            it->v = v;
            if (!(v->attr & VA_WHITEOUT) && !iter__hidden(it, v))
                return v;
            continue;
        }
        /* the table is done: the next level, or the next scope */
        it->v = NULL;
        it->bucket = 0;
        it->lvl = it->lvl ? it->lvl->up : it->sc->base;
        if (!it->lvl)
            it->sc = it->sc->up;
    }
    return NULL;
}

/* ------------------------------------------------------------------ init */
static void var__init_one(ish *sh, const char *name, const char *val, int attr)
{
    ivar *v = scope_put(sh->g, sh->global, name);
    if (!v)
        return;
    v->attr |= attr;
    if (val)
        var__set_raw(sh->g, v, val);
    else
        v->attr |= (attr & VA_SPECIAL) ? 0 : VA_UNSET;
}

int vars_init(ish *sh, const char *const *env)
{
    ishell *g = sh->g;
    sh->global = mem_calloc(g->heap, 1, sizeof(iscope));
    if (!sh->global)
        return VB_ENOMEM;
    sh->scope = sh->global;
    char buf[64];
    var__init_one(sh, "PATH", "/usr/local/bin:/usr/bin:/bin", VA_EXPORT);
    var__init_one(sh, "HOME", "/home/user", VA_EXPORT);
    var__init_one(sh, "USER", g->user, VA_EXPORT);
    var__init_one(sh, "LOGNAME", g->user, VA_EXPORT);
    var__init_one(sh, "SHELL", "/bin/bash", VA_EXPORT);
    var__init_one(sh, "HOSTNAME", g->hostname, 0);
    var__init_one(sh, "IFS", " \t\n", 0);
    var__init_one(sh, "PS1", "\\s-\\v\\$ ", 0);
    var__init_one(sh, "PS2", "> ", 0);
    var__init_one(sh, "PS4", "+ ", 0);
    var__init_one(sh, "OPTIND", "1", 0);
    var__init_one(sh, "OPTERR", "1", 0);
    var__init_one(sh, "SHLVL", "1", VA_EXPORT);
    var__init_one(sh, "TERM", "dumb", VA_EXPORT);
    var__init_one(sh, "BASH", "/bin/bash", 0);
    var__init_one(sh, "BASH_VERSION", "5.2.15(1)-release", 0);
    var__init_one(sh, "MACHTYPE", "x86_64-pc-linux-gnu", 0);
    var__init_one(sh, "HOSTTYPE", "x86_64", 0);
    var__init_one(sh, "OSTYPE", "linux-gnu", 0);
    var__init_one(sh, "COLUMNS", "80", 0);
    var__init_one(sh, "LINES", "24", 0);
    var__init_one(sh, "HISTFILESIZE", "500", 0);
    var__init_one(sh, "HISTSIZE", "500", 0);
    uint32_t uid = vfs_uid(g->vfs);
    snprintf(buf, sizeof buf, "%u", uid);
    var__init_one(sh, "UID", buf, VA_READONLY | VA_INTEGER);
    var__init_one(sh, "EUID", buf, VA_READONLY | VA_INTEGER);
    snprintf(buf, sizeof buf, "%d", g->shell_pid - 1);
    var__init_one(sh, "PPID", buf, VA_READONLY | VA_INTEGER);
    static const char *const dyn[] = {"RANDOM", "SRANDOM", "LINENO", "SECONDS", "EPOCHSECONDS",
                                      "EPOCHREALTIME", "BASHPID", "BASH_SUBSHELL", "PIPESTATUS",
                                      "FUNCNAME", "BASH_SOURCE", "BASH_LINENO",
                                      "BASH_ARGV", "BASH_ARGC"};
    for (size_t i = 0; i < sizeof dyn / sizeof dyn[0]; i++)
        var__init_one(sh, dyn[i], NULL, VA_SPECIAL);
    var__init_one(sh, "BASH_ALIASES", NULL, VA_SPECIAL | VA_ASSOC);
    var__init_one(sh, "BASH_CMDS", NULL, VA_SPECIAL | VA_ASSOC);
    var__init_one(sh, "SHELLOPTS", NULL, VA_SPECIAL | VA_READONLY);
    var__init_one(sh, "BASHOPTS", NULL, VA_SPECIAL | VA_READONLY);
    {
        const char *vi[] = {"5", "2", "15", "1", "release", "x86_64-pc-linux-gnu"};
        ivar *v = tab_add(g, &sh->global->t, "BASH_VERSINFO");
        if (v) {
            var__set_arr_list(sh, v, vi, 6);
            v->attr |= VA_READONLY;
        }
    }
    var__init_one(sh, "PWD", sh->cwd, VA_EXPORT);
    for (size_t i = 0; env && env[i]; i++) {
        const char *eq = strchr(env[i], '=');
        if (!eq)
            continue;
        char *name = mem_strndup(g->heap, env[i], (size_t)(eq - env[i]));
        if (name && var_valid_name(name)) {
            ivar *v = tab_find(&sh->global->t, name);
            if (!v || !(v->attr & VA_READONLY))
                var__init_one(sh, name, eq + 1, VA_EXPORT);
        }
        mem_free(g->heap, name);
    }
    return 0;
}

/* ------------------------------------------------------------------ functions */
static ifunc *ftab_find(const ifunctab *t, const char *name)
{
    if (!t->nb)
        return NULL;
    for (ifunc *f = t->b[vars__hash(name) & (t->nb - 1)]; f; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

ifunc *func_get(ish *sh, const char *name)
{
    return ftab_find(&sh->funcs, name);
}

static void func__release_h(mem_heap *h, ifunc *f)
{
    if (--f->refs > 0)
        return;
    iarena_unref(f->arena);
    mem_free(h, f->name);
    mem_free(h, f);
}

static void func__release(ishell *g, ifunc *f)
{
    func__release_h(g->heap, f);
}

/* ------------------------------------------------------------------ shared tables */
/* vb_session_fork and subshells share a function table instead of copying
 * it: the table (bucket array and functions, on the heap of the shell that
 * made it, pinned) moves into an ifuncshare that both sides point at.
 * Lookups and the walks read it as it is; a change (define, unset,
 * attributes) first makes the table the shell's own: a copy (O(functions))
 * while another holds it, else it is simply taken back. The functions'
 * parses are held through shared records (iarena with no session), so
 * that a shared table outlives the session that made it. */
static void fshare_unref(ifuncshare *s)
{
    if (--s->refs > 0)
        return;
    mem_heap *h = s->heap;
    for (size_t i = 0; i < s->nb; i++) {
        ifunc *f = s->b[i];
        while (f) {
            ifunc *nx = f->next;
            func__release_h(h, f);
            f = nx;
        }
    }
    mem_free(h, s->b);
    mem_free(h, s);
    mem_heap_unpin(h);
}

/* Makes sh's function table its own before a change. 0 or VB_ENOMEM
 * (the table still shared, nothing changed). */
static int ftab_own(ish *sh)
{
    ifunctab *t = &sh->funcs;
    ifuncshare *s = t->share;
    if (__builtin_expect(!s, 1))
        return 0;
    ishell *g = sh->g;
    if (s->refs == 1 && s->heap == g->heap) { /* nobody else: take it back */
        mem_free(g->heap, s);
        mem_heap_unpin(g->heap);
        t->share = NULL;
        return 0;
    }
    ifunctab n = {0};
    n.b = mem_calloc(g->heap, s->nb, sizeof *n.b);
    if (!n.b)
        return VB_ENOMEM;
    n.nb = s->nb;
    for (size_t i = 0; i < s->nb; i++) {
        ifunc **tail = &n.b[i];
        for (ifunc *f = s->b[i]; f; f = f->next) {
            ifunc *c = mem_calloc(g->heap, 1, sizeof *c);
            if (c && !(c->name = mem_strdup(g->heap, f->name))) {
                mem_free(g->heap, c);
                c = NULL;
            }
            if (!c) {
                ifunctab keep = *t;
                *t = n;
                t->share = NULL;
                func_free_all(sh);
                *t = keep;
                return VB_ENOMEM;
            }
            c->def = f->def;
            c->arena = f->arena;
            iarena_ref(c->arena);
            c->attr = f->attr;
            c->source = f->source;
            c->refs = 1;
            *tail = c;
            tail = &c->next;
            n.n++;
        }
    }
    fshare_unref(s);
    *t = n;
    return 0;
}

int func_share(ish *dst, ish *src)
{
    ifunctab *t = &src->funcs;
    if (!t->n)
        return 0;
    if (!t->share) {
        ishell *g = src->g;
        ifuncshare *s = mem_calloc(g->heap, 1, sizeof *s);
        if (!s)
            return VB_ENOMEM;
        /* the functions' parses held through shared records */
        int rc = 0;
        for (size_t i = 0; i < t->nb && rc == 0; i++)
            for (ifunc *f = t->b[i]; f && rc == 0; f = f->next) {
                if (!f->arena || !f->arena->g)
                    continue;
                iarena *r = iarena_shared(f->arena);
                if (!r) {
                    rc = VB_ENOMEM;
                    break;
                }
                iarena *old = f->arena;
                iarena_ref(r);
                f->arena = r;
                iarena_unref(old);
            }
        for (iarena *a = g->arenas; a; a = a->next)
            a->twin = NULL;
        if (rc) {
            mem_free(g->heap, s);
            return rc;
        }
        s->b = t->b;
        s->nb = t->nb;
        s->n = t->n;
        s->heap = g->heap;
        s->refs = 1;
        mem_heap_pin(g->heap);
        t->share = s;
    }
    t->share->refs++;
    dst->funcs = *t;
    return 0;
}

ifunc *func_get_mut(ish *sh, const char *name)
{
    if (!func_get(sh, name) || ftab_own(sh) < 0)
        return NULL;
    return func_get(sh, name);
}

static int ftab_put(ishell *g, ifunctab *t, ifunc *f)
{
    if (t->n + 1 > t->nb * 3 / 4) {
        size_t nb = t->nb ? t->nb * 2 : 16;
        ifunc **b = mem_calloc(g->heap, nb, sizeof *b);
        if (!b)
            return VB_ENOMEM;
        for (size_t i = 0; i < t->nb; i++) {
            ifunc *x = t->b[i];
            while (x) {
                ifunc *nx = x->next;
                size_t k = vars__hash(x->name) & (nb - 1);
                x->next = b[k];
                b[k] = x;
                x = nx;
            }
        }
        mem_free(g->heap, t->b);
        t->b = b;
        t->nb = nb;
    }
    size_t k = vars__hash(f->name) & (t->nb - 1);
    f->next = t->b[k];
    t->b[k] = f;
    t->n++;
    return 0;
}

int func_unset(ish *sh, const char *name)
{
    ifunctab *t = &sh->funcs;
    ifunc *f0 = ftab_find(t, name);
    if (!f0)
        return 0;
    if (f0->attr & VA_READONLY) {
        sh_error(sh, "unset: %s: cannot unset: readonly function", name);
        return 1;
    }
    if (ftab_own(sh) < 0)
        return 1;
    ifunc **pp = &t->b[vars__hash(name) & (t->nb - 1)];
    for (; *pp; pp = &(*pp)->next)
        if (strcmp((*pp)->name, name) == 0) {
            ifunc *f = *pp;
            if (f->attr & VA_READONLY) {
                sh_error(sh, "unset: %s: cannot unset: readonly function", name);
                return 1;
            }
            *pp = f->next;
            t->n--;
            func__release(sh->g, f);
            return 0;
        }
    return 0;
}

int func_set(ish *sh, const char *name, ast_node *def, iarena *arena)
{
    ifunc *old = func_get(sh, name);
    if (old && (old->attr & VA_READONLY)) {
        sh_error(sh, "%s: readonly function", name);
        return 1;
    }
    int attr = old ? old->attr : 0;
    if (ftab_own(sh) < 0)
        return 1;
    if (old)
        func_unset(sh, name);
    ifunc *f = mem_calloc(sh->g->heap, 1, sizeof *f);
    if (!f)
        return 1;
    f->name = mem_strdup(sh->g->heap, name);
    f->def = def;
    f->arena = arena;
    f->attr = attr;
    /* the file it is defined in: BASH_SOURCE[0] (the sourced file, the
     * running function's file, the script); none in bash -c text */
    const char *src = sh->frame ? sh->frame->source : sh->source_name;
    if (arena && src)
        f->source = mem_strdup(arena->heap, src);
    iarena_ref(arena);
    f->refs = 1;
    ftab_put(sh->g, &sh->funcs, f);
    return 0;
}

void func_copy(ish *dst, const ish *src)
{
    /* Function entries are immutable once made: share them. */
    for (size_t i = 0; i < src->funcs.nb; i++)
        for (ifunc *f = src->funcs.b[i]; f; f = f->next) {
            ifunc *c = mem_calloc(dst->g->heap, 1, sizeof *c);
            if (!c)
                return;
            c->name = mem_strdup(dst->g->heap, f->name);
            c->def = f->def;
            c->arena = f->arena;
            c->attr = f->attr;
            c->source = f->source;
            iarena_ref(f->arena);
            c->refs = 1;
            ftab_put(dst->g, &dst->funcs, c);
        }
}

void func_free_all(ish *sh)
{
    if (sh->funcs.share) {
        fshare_unref(sh->funcs.share);
        memset(&sh->funcs, 0, sizeof sh->funcs);
        return;
    }
    for (size_t i = 0; i < sh->funcs.nb; i++) {
        ifunc *f = sh->funcs.b[i];
        while (f) {
            ifunc *nx = f->next;
            func__release(sh->g, f);
            f = nx;
        }
    }
    mem_free(sh->g->heap, sh->funcs.b);
    sh->funcs.b = NULL;
    sh->funcs.nb = sh->funcs.n = 0;
}

const char *alias_get(ish *sh, const char *name)
{
    for (ialias *a = sh->aliases; a; a = a->next)
        if (strcmp(a->name, name) == 0)
            return a->val;
    return NULL;
}

int alias_set(ish *sh, const char *name, const char *val)
{
    ishell *g = sh->g;
    for (ialias *x = sh->aliases; x; x = x->next)
        if (strcmp(x->name, name) == 0) {
            char *nv = mem_strdup(g->heap, val);
            if (!nv)
                return 1;
            mem_free(g->heap, x->val);
            x->val = nv;
            return 0;
        }
    ialias *al = mem_calloc(g->heap, 1, sizeof *al);
    if (!al)
        return 1;
    al->name = mem_strdup(g->heap, name);
    al->val = mem_strdup(g->heap, val);
    if (!al->name || !al->val) {
        mem_free(g->heap, al->name);
        mem_free(g->heap, al->val);
        mem_free(g->heap, al);
        return 1;
    }
    al->next = sh->aliases;
    sh->aliases = al;
    return 0;
}
