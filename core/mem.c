/*
 * Per-session accounting over a mimalloc heap; see core/mem.h.
 * Usage is counted with mi_usable_size so frees need no size header.
 */
#include "core/mem.h"

#include <mimalloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifdef VB_SANITIZE
/*
 * Under AddressSanitizer every block comes from malloc (which ASan watches:
 * mimalloc's pages are invisible to it), linked into its heap so that
 * mem_heap_destroy still frees everything at once.
 */
typedef struct mem_blk {
    struct mem_blk *prev, *next;
    size_t size;
    size_t pad;           /* keeps the payload 16-byte aligned */
} mem_blk;
#endif

struct mem_heap {
    mi_heap_t *mh;
#ifdef VB_SANITIZE
    mem_blk list;         /* sentinel of the block list */
#endif
    size_t used;     /* bytes of live blocks (usable sizes) */
    size_t cap;      /* 0 = unlimited */
    bool failed;
    bool cap_hit;
};

#ifdef VB_SANITIZE
#include <stdlib.h>

mem_heap *mem_heap_new(size_t cap)
{
    mem_heap *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->cap = cap;
    h->list.prev = h->list.next = &h->list;
    return h;
}

void mem_heap_destroy(mem_heap *h)
{
    if (!h)
        return;
    for (mem_blk *b = h->list.next, *n; b != &h->list; b = n) {
        n = b->next;
        free(b);
    }
    free(h);
}

static bool mem__admit(mem_heap *h, size_t n)
{
    if (h->cap && (n > h->cap || h->used > h->cap - n)) {
        h->failed = true;
        h->cap_hit = true;
        return false;
    }
    return true;
}

void *mem_alloc(mem_heap *h, size_t n)
{
    if (!mem__admit(h, n) || n > SIZE_MAX - sizeof(mem_blk)) {
        h->failed = true;
        return NULL;
    }
    mem_blk *b = malloc(sizeof *b + n);
    if (!b) {
        h->failed = true;
        return NULL;
    }
    b->size = n;
    b->next = h->list.next;
    b->prev = &h->list;
    h->list.next->prev = b;
    h->list.next = b;
    h->used += n;
    return b + 1;
}

void *mem_realloc(mem_heap *h, void *p, size_t n)
{
    if (!p)
        return mem_alloc(h, n);
    mem_blk *b = (mem_blk *)p - 1;
    if (n > b->size && !mem__admit(h, n - b->size))
        return NULL;
    void *q = mem_alloc(h, n);
    if (!q)
        return NULL;
    memcpy(q, p, b->size < n ? b->size : n);
    mem_free(h, p);
    return q;
}

void mem_free(mem_heap *h, void *p)
{
    if (!p)
        return;
    mem_blk *b = (mem_blk *)p - 1;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    h->used = h->used >= b->size ? h->used - b->size : 0;
    free(b);
}

void *mem_shared_alloc(size_t n) { return malloc(n ? n : 1); }
void *mem_shared_calloc(size_t count, size_t size) { return calloc(count ? count : 1, size ? size : 1); }
void *mem_shared_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
void mem_shared_free(void *p) { free(p); }

#else /* mimalloc */

mem_heap *mem_heap_new(size_t cap)
{
    mi_heap_t *mh = mi_heap_new();
    if (!mh)
        return NULL;
    mem_heap *h = mi_heap_zalloc(mh, sizeof *h);
    if (!h) {
        mi_heap_destroy(mh);
        return NULL;
    }
    h->mh = mh;
    h->cap = cap;
    return h;
}

void mem_heap_destroy(mem_heap *h)
{
    if (h)
        mi_heap_destroy(h->mh); /* h itself lives in the heap */
}

static bool mem__admit(mem_heap *h, size_t n)
{
    if (h->cap && (n > h->cap || h->used > h->cap - n)) {
        h->failed = true;
        h->cap_hit = true;
        return false;
    }
    return true;
}

void *mem_alloc(mem_heap *h, size_t n)
{
    if (!mem__admit(h, n))
        return NULL;
    void *p = mi_heap_malloc(h->mh, n ? n : 1);
    if (!p) {
        h->failed = true;
        return NULL;
    }
    h->used += mi_usable_size(p);
    return p;
}


void *mem_realloc(mem_heap *h, void *p, size_t n)
{
    if (!p)
        return mem_alloc(h, n);
    size_t old = mi_usable_size(p);
    if (n > old && !mem__admit(h, n - old))
        return NULL;
    void *q = mi_heap_realloc(h->mh, p, n ? n : 1);
    if (!q) {
        h->failed = true;
        return NULL;
    }
    h->used = h->used - old + mi_usable_size(q);
    return q;
}

void mem_free(mem_heap *h, void *p)
{
    if (!p)
        return;
    size_t n = mi_usable_size(p);
    h->used = h->used >= n ? h->used - n : 0;
    mi_free(p);
}


#endif

void *mem_calloc(mem_heap *h, size_t count, size_t size)
{
    size_t n;
    if (__builtin_mul_overflow(count, size, &n)) {
        h->failed = true;
        return NULL;
    }
    void *p = mem_alloc(h, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *mem_strndup(mem_heap *h, const char *s, size_t n)
{
    char *p = mem_alloc(h, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *mem_strdup(mem_heap *h, const char *s)
{
    return mem_strndup(h, s, strlen(s));
}

char *mem_printf(mem_heap *h, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n >= 0 ? mem_alloc(h, (size_t)n + 1) : NULL;
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

size_t mem_heap_used(const mem_heap *h) { return h->used; }
size_t mem_heap_cap(const mem_heap *h) { return h->cap; }
void mem_heap_set_cap(mem_heap *h, size_t cap) { h->cap = cap; }
bool mem_heap_failed(const mem_heap *h) { return h->failed; }
bool mem_heap_cap_hit(const mem_heap *h) { return h->cap_hit; }
void mem_heap_clear_failed(mem_heap *h) { h->failed = h->cap_hit = false; }

#ifndef VB_SANITIZE
void *mem_shared_alloc(size_t n) { return mi_malloc(n ? n : 1); }
void *mem_shared_calloc(size_t count, size_t size) { return mi_calloc(count, size); }
void *mem_shared_realloc(void *p, size_t n) { return mi_realloc(p, n ? n : 1); }
void mem_shared_free(void *p) { mi_free(p); }
#endif
