/*
 * awk arrays: the order `for (k in a)` visits keys in.
 *
 * gawk's order is not specified by POSIX, but scripts (and their expected
 * outputs) depend on it, so vbash reproduces gawk 5's array layout here as
 * bookkeeping next to the lookup hash table of awk_run.c; the traversal
 * order falls out of the layout:
 *
 * - An empty array takes the type of its first subscript: integers >= 0
 *   make a "cint" table, negative integers an "int" table, anything else a
 *   "str" table. An integer is a string as sprintf("%d") writes it that fits
 *   in 32 bits ("01", "+1", "1.0" are strings).
 * - cint: integers >= 0 live in power-of-two blocks and are listed in
 *   ascending order; a key whose block would leave too much room unused
 *   (more than 2048 free slots over all blocks) goes to the table's extra
 *   table instead, as do negative integers and strings. The extra table is
 *   an int table when its first key is an integer, else a str table.
 * - int: a hash table of integer keys (13 chains at first, two keys per
 *   chain cell, growing when chains average more than 2); strings go to
 *   its extra str table.
 * - str: a hash table (13, 127, 1021, 8191... chains, growing when chains
 *   average more than 2) keyed by the sdbm hash of the key's bytes; a new
 *   key goes to the head of its chain; growing moves chains in order.
 * - Listing a table lists its extra table first, then its own keys. When a
 *   table's own keys are all deleted, its extra table takes its place; an
 *   array left empty forgets its type.
 *
 * The loop walks a snapshot of that list (keys deleted by the body are still
 * visited, as in gawk).
 */
#include <stdlib.h>
#include <string.h>

#include "builtins/awk.h"

#define AO_NHAT 10
#define AO_THRESHOLD 2048L /* 2^(NHAT+1) */
#define AO_STR_CHAIN_MAX 2
#define AO_INT_CHAIN_MAX 2

static const size_t awk_ord_sizes[] = {
    13, 127, 1021, 8191, 16381, 32749, 65497, 131101, 262147, 524309, 1048583, 2097169,
    4194319, 8388617, 16777259, 33554467, 67108879, 134217757, 268435459, 536870923,
    1073741827,
};

typedef struct agpair {     /* an int table chain cell: up to two keys */
    aelem *e[2];
    int cnt;
    struct agpair *next;
} agpair;

typedef struct agleaf {     /* a cint block: first key, size, keys in it */
    long base;              /* -1: free slot, -2: deleted slot */
    long size;
    long cnt;
} agleaf;

struct agtab {
    int type;               /* AG_* */
    size_t count;           /* keys here and in x */
    agtab *x;               /* extra table */
    aelem **sb;             /* str */
    size_t ssize;
    bool smaxed;
    agpair **ib;            /* int */
    size_t isize;
    bool imaxed;
    long capacity;          /* cint: slots of the blocks in use */
    agleaf *leaves;         /* cint: blocks in use (open addressing) */
    size_t nleaf, capleaf, usedleaf;
};

/* ------------------------------------------------------------------ keys */
uint32_t awk_ord_strhash(const char *s, size_t len)
{
    /* sdbm: h = c + 65599 * h over the bytes as (signed) chars, 32 bits */
    uint64_t h = 0;
    for (size_t i = 0; i < len; i++) {
        uint64_t t = h << 6;
        h = (uint64_t)(int64_t)(signed char)s[i] + t + (t << 10) - h;
        h &= 0xFFFFFFFFu;
    }
    return (uint32_t)h;
}

void awk_ord_classify(aelem *e, bool nonint)
{
    const char *s = e->key->data;
    size_t n = e->key->len;
    e->kclass = AK_STR;
    e->ik = 0;
    e->gcode = awk_ord_strhash(s, n);
    if (nonint || n == 0 || n > 11)
        return;
    size_t i = 0;
    bool neg = s[0] == '-';
    if (neg)
        i = 1;
    if (i == n)
        return;
    if (s[i] == '0' && n != 1)
        return;
    long long v = 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return;
        v = v * 10 + (s[i] - '0');
    }
    if (neg)
        v = -v;
    if (v > INT32_MAX || v < INT32_MIN)
        return;
    e->ik = (int32_t)v;
    e->kclass = v >= 0 ? AK_UINT : AK_NEG;
}

/* ------------------------------------------------------------------ tables */
static agtab *awk_ord_new(awk *A, int type)
{
    agtab *t = mem_calloc(A->heap, 1, sizeof *t);
    if (t)
        t->type = type;
    return t;
}

static void awk_ord_free_parts(awk *A, agtab *t)
{
    if (t->ib)
        for (size_t i = 0; i < t->isize; i++)
            for (agpair *p = t->ib[i], *nx; p; p = nx) {
                nx = p->next;
                mem_free(A->heap, p);
            }
    mem_free(A->heap, t->ib);
    mem_free(A->heap, t->sb);
    mem_free(A->heap, t->leaves);
    t->ib = NULL;
    t->sb = NULL;
    t->leaves = NULL;
}

static void awk_ord_free(awk *A, agtab *t)
{
    while (t) {
        agtab *x = t->x;
        awk_ord_free_parts(A, t);
        mem_free(A->heap, t);
        t = x;
    }
}

/* Back to an untyped empty table. */
static void awk_ord_reset(awk *A, agtab *t)
{
    awk_ord_free_parts(A, t);
    memset(t, 0, sizeof *t);
    t->type = AG_NULL;
}

/* t's extra table x takes t's place. */
static void awk_ord_promote(awk *A, agtab *t)
{
    agtab *x = t->x;
    awk_ord_free_parts(A, t);
    *t = *x;
    mem_free(A->heap, x);
}

static size_t awk_ord_next_size(size_t cur)
{
    for (size_t i = 0; i < sizeof awk_ord_sizes / sizeof awk_ord_sizes[0]; i++)
        if (cur < awk_ord_sizes[i])
            return awk_ord_sizes[i];
    return cur;
}

/* ------------------------------------------------------------------ str */
static int awk_ord_str_grow(awk *A, agtab *t)
{
    size_t ns = awk_ord_next_size(t->ssize);
    if (ns == t->ssize) {
        t->smaxed = true;
        return 0;
    }
    aelem **nb = mem_calloc(A->heap, ns, sizeof *nb);
    if (!nb)
        return -1;
    if (t->sb) {
        for (size_t k = 0; k < t->ssize; k++)
            for (aelem *e = t->sb[k], *nx; e; e = nx) {
                nx = e->gnext;
                size_t h = e->gcode % ns;
                e->gnext = nb[h];
                nb[h] = e;
            }
        mem_free(A->heap, t->sb);
    } else {
        t->count = 0;
    }
    t->sb = nb;
    t->ssize = ns;
    return 0;
}

static int awk_ord_str_insert(awk *A, agtab *t, aelem *e)
{
    if (!t->sb && awk_ord_str_grow(A, t) < 0)
        return -1;
    t->count++;
    if (!t->smaxed && t->count / t->ssize > AO_STR_CHAIN_MAX && awk_ord_str_grow(A, t) < 0)
        return -1;
    size_t h = e->gcode % t->ssize;
    e->gnext = t->sb[h];
    t->sb[h] = e;
    e->gtype = AG_STR;
    return 0;
}

static void awk_ord_str_remove(awk *A, agtab *t, aelem *e)
{
    if (!t->sb)
        return;
    for (aelem **pp = &t->sb[e->gcode % t->ssize]; *pp; pp = &(*pp)->gnext)
        if (*pp == e) {
            *pp = e->gnext;
            e->gnext = NULL;
            if (--t->count == 0)
                awk_ord_reset(A, t);
            return;
        }
}

/* ------------------------------------------------------------------ int */
static uint32_t awk_ord_int_hash(uint32_t k, size_t hsize)
{
    /* Paul Hsieh's final avalanche */
    k ^= k << 3;
    k += k >> 5;
    k ^= k << 4;
    k += k >> 17;
    k ^= k << 25;
    k += k >> 6;
    return (uint32_t)(k % hsize);
}

static int awk_ord_pair_put(awk *A, agpair **tab, size_t h, aelem *e)
{
    agpair *p = tab[h];
    if (!p || p->cnt == 2) {
        p = mem_calloc(A->heap, 1, sizeof *p);
        if (!p)
            return -1;
        p->next = tab[h];
        tab[h] = p;
    }
    p->e[p->cnt++] = e;
    return 0;
}

static int awk_ord_int_grow(awk *A, agtab *t)
{
    size_t ns = awk_ord_next_size(t->isize);
    if (ns == t->isize) {
        t->imaxed = true;
        return 0;
    }
    agpair **nb = mem_calloc(A->heap, ns, sizeof *nb);
    if (!nb)
        return -1;
    if (t->ib) {
        for (size_t k = 0; k < t->isize; k++)
            for (agpair *p = t->ib[k], *nx; p; p = nx) {
                nx = p->next;
                for (int i = 0; i < p->cnt; i++)
                    if (awk_ord_pair_put(A, nb, awk_ord_int_hash((uint32_t)p->e[i]->ik, ns),
                                         p->e[i]) < 0)
                        return -1;
                mem_free(A->heap, p);
            }
        mem_free(A->heap, t->ib);
    }
    t->ib = nb;
    t->isize = ns;
    return 0;
}

static int awk_ord_insert(awk *A, agtab *t, aelem *e);

static int awk_ord_int_insert(awk *A, agtab *t, aelem *e)
{
    if (e->kclass == AK_STR) {
        if (!t->x && !(t->x = awk_ord_new(A, AG_NULL)))
            return -1;
        t->count++;
        return awk_ord_insert(A, t->x, e);
    }
    if (!t->ib && awk_ord_int_grow(A, t) < 0)
        return -1;
    t->count++;
    size_t own = t->count - (t->x ? t->x->count : 0);
    if (!t->imaxed && own / t->isize > AO_INT_CHAIN_MAX && awk_ord_int_grow(A, t) < 0)
        return -1;
    e->gtype = AG_INT;
    return awk_ord_pair_put(A, t->ib, awk_ord_int_hash((uint32_t)e->ik, t->isize), e);
}

static void awk_ord_int_remove_own(awk *A, agtab *t, aelem *e)
{
    size_t h = awk_ord_int_hash((uint32_t)e->ik, t->isize);
    agpair *prev = NULL, *b = t->ib[h];
    int i = 0;
    for (; b; prev = b, b = b->next) {
        for (i = 0; i < b->cnt; i++)
            if (b->e[i] == e)
                break;
        if (i < b->cnt)
            break;
    }
    if (!b)
        return;
    if (i == 0 && b->cnt == 2)
        b->e[0] = b->e[1];
    b->cnt--;
    if (b->cnt == 0) {
        if (prev)
            prev->next = b->next;
        else
            t->ib[h] = b->next;
        mem_free(A->heap, b);
    } else if (b != t->ib[h]) {
        /* the chain's head gives its last key to fill the cell */
        agpair *head = t->ib[h];
        int j = --head->cnt;
        b->e[1] = head->e[j];
        b->cnt++;
        if (j == 0) {
            t->ib[h] = head->next;
            mem_free(A->heap, head);
        }
    }
}

/* ------------------------------------------------------------------ cint */
static int awk_ord_cint_hash(long k)
{
    if (k == 0)
        return AO_NHAT;
    int r = 63 - __builtin_clzll((unsigned long long)k); /* floor(log2 k) */
    return r < AO_NHAT ? AO_NHAT : r + 1;
}

/* The block holding k: its first key and size. */
static void awk_ord_leaf_of(long k, long *base, long *size)
{
    int m = awk_ord_cint_hash(k) - 1;
    long b = 0;
    if (m < AO_NHAT)
        m = AO_NHAT;
    else
        b = 1L << m;
    for (;;) {
        int n = (m + 1) / 2;
        long sz = 1L << n;
        b += sz * ((k - b) / sz);
        if (n > AO_NHAT) {
            m = n;
            continue;
        }
        *base = b;
        *size = sz;
        return;
    }
}

static size_t awk_ord_leaf_slot(const agtab *t, long base)
{
    return (size_t)((uint64_t)base * 0x9E3779B97F4A7C15ull >> 20) & (t->capleaf - 1);
}

static agleaf *awk_ord_leaf_find(agtab *t, long base)
{
    if (!t->capleaf)
        return NULL;
    for (size_t i = awk_ord_leaf_slot(t, base);; i = (i + 1) & (t->capleaf - 1)) {
        if (t->leaves[i].base == base)
            return &t->leaves[i];
        if (t->leaves[i].base == -1)
            return NULL;
    }
}

static int awk_ord_leaf_add(awk *A, agtab *t, long base, long size)
{
    if ((t->usedleaf + 1) * 2 > t->capleaf) {
        size_t nc = 16;
        while (nc < (t->nleaf + 1) * 4)
            nc *= 2;
        agleaf *nl = mem_alloc(A->heap, nc * sizeof *nl);
        if (!nl)
            return -1;
        for (size_t i = 0; i < nc; i++)
            nl[i].base = -1;
        agleaf *old = t->leaves;
        size_t oc = t->capleaf;
        t->leaves = nl;
        t->capleaf = nc;
        t->usedleaf = 0;
        for (size_t i = 0; i < oc; i++)
            if (old[i].base >= 0) {
                size_t j = awk_ord_leaf_slot(t, old[i].base);
                while (nl[j].base != -1)
                    j = (j + 1) & (nc - 1);
                nl[j] = old[i];
                t->usedleaf++;
            }
        mem_free(A->heap, old);
    }
    size_t j = awk_ord_leaf_slot(t, base);
    while (t->leaves[j].base >= 0)
        j = (j + 1) & (t->capleaf - 1);
    if (t->leaves[j].base == -1)
        t->usedleaf++;
    t->leaves[j] = (agleaf){.base = base, .size = size, .cnt = 1};
    t->nleaf++;
    return 0;
}

static int awk_ord_cint_insert(awk *A, agtab *t, aelem *e)
{
    if (e->kclass == AK_UINT) {
        long k = e->ik;
        int m = awk_ord_cint_hash(k) - 1;
        int li = m > AO_NHAT ? m : AO_NHAT;
        while (li >= AO_NHAT)
            li = (li + 1) / 2;
        long cap = t->capacity + (1L << li);
        long own = (long)(t->count - (t->x ? t->x->count : 0));
        if (cap - own <= AO_THRESHOLD) {
            long base, size;
            awk_ord_leaf_of(k, &base, &size);
            agleaf *l = awk_ord_leaf_find(t, base);
            if (l) {
                l->cnt++;
            } else {
                if (awk_ord_leaf_add(A, t, base, size) < 0)
                    return -1;
                t->capacity += size;
            }
            t->count++;
            e->gtype = AG_CINT;
            return 0;
        }
    }
    t->count++;
    if (!t->x && !(t->x = awk_ord_new(A, e->kclass == AK_STR ? AG_STR : AG_INT)))
        return -1;
    return awk_ord_insert(A, t->x, e);
}

static void awk_ord_cint_remove_own(agtab *t, aelem *e)
{
    long base, size;
    awk_ord_leaf_of(e->ik, &base, &size);
    agleaf *l = awk_ord_leaf_find(t, base);
    if (l && --l->cnt == 0) {
        t->capacity -= l->size;
        l->base = -2;
        t->nleaf--;
    }
}

/* ------------------------------------------------------------------ dispatch */
static int awk_ord_insert(awk *A, agtab *t, aelem *e)
{
    if (t->type == AG_NULL)
        t->type = e->kclass == AK_UINT ? AG_CINT : e->kclass == AK_NEG ? AG_INT : AG_STR;
    switch (t->type) {
    case AG_CINT:
        return awk_ord_cint_insert(A, t, e);
    case AG_INT:
        return awk_ord_int_insert(A, t, e);
    default:
        return awk_ord_str_insert(A, t, e);
    }
}

static void awk_ord_remove(awk *A, agtab *t, aelem *e)
{
    if (t->type == AG_STR) {
        awk_ord_str_remove(A, t, e);
        return;
    }
    if (t->type == AG_NULL)
        return;
    if (e->gtype == t->type) {
        if (t->type == AG_CINT)
            awk_ord_cint_remove_own(t, e);
        else
            awk_ord_int_remove_own(A, t, e);
        t->count--;
        if (!t->x && t->count == 0)
            awk_ord_reset(A, t);
        else if (t->x && t->count == t->x->count)
            awk_ord_promote(A, t);
        return;
    }
    if (!t->x)
        return;
    awk_ord_remove(A, t->x, e);
    if (t->x->count == 0) {
        awk_ord_free(A, t->x);
        t->x = NULL;
    }
    t->count--;
}

/* ------------------------------------------------------------------ API */
int awk_ord_add(awk *A, aarray *a, aelem *e)
{
    if (!a->g && !(a->g = awk_ord_new(A, AG_NULL)))
        return -1;
    return awk_ord_insert(A, a->g, e);
}

void awk_ord_del(awk *A, aarray *a, aelem *e)
{
    if (a->g)
        awk_ord_remove(A, a->g, e);
}

void awk_ord_clear(awk *A, aarray *a)
{
    awk_ord_free(A, a->g);
    a->g = NULL;
}

static int awk_ord_ikcmp(const void *x, const void *y)
{
    const aelem *a = *(aelem *const *)x, *b = *(aelem *const *)y;
    return (a->ik > b->ik) - (a->ik < b->ik);
}

static size_t awk_ord_list_tab(const aarray *a, const agtab *t, aelem **out, size_t k)
{
    if (t->x)
        k = awk_ord_list_tab(a, t->x, out, k);
    switch (t->type) {
    case AG_CINT: {
        size_t st = k;
        for (aelem *e = a->first; e; e = e->next)
            if (e->gtype == AG_CINT)
                out[k++] = e;
        qsort(out + st, k - st, sizeof *out, awk_ord_ikcmp);
        break;
    }
    case AG_INT:
        for (size_t i = 0; i < t->isize; i++)
            for (agpair *p = t->ib[i]; p; p = p->next)
                for (int j = 0; j < p->cnt; j++)
                    out[k++] = p->e[j];
        break;
    case AG_STR:
        for (size_t i = 0; i < t->ssize; i++)
            for (aelem *e = t->sb[i]; e; e = e->gnext)
                out[k++] = e;
        break;
    default:
        break;
    }
    return k;
}

size_t awk_ord_list(const aarray *a, aelem **out)
{
    if (!a->g || !a->count)
        return 0;
    return awk_ord_list_tab(a, a->g, out, 0);
}
