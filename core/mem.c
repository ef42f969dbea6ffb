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

#ifdef VB_SANITIZE
struct mem_heap {
    mem_blk list;         /* sentinel of the block list */
    size_t used;     /* bytes of live blocks (usable sizes) */
    size_t cap;      /* 0 = unlimited */
    bool failed;
    bool cap_hit;
    bool dead;       /* destroyed while pinned: freed at the last unpin */
    unsigned pins;
};
#endif

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

static void mem__heap_free(mem_heap *h)
{
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
void *mem_shared_bulk_alloc(size_t n) { return malloc(n ? n : 1); }
void *mem_shared_calloc(size_t count, size_t size) { return calloc(count ? count : 1, size ? size : 1); }
void *mem_shared_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
void mem_shared_free(void *p) { free(p); }

#else /* mimalloc */

/*
 * The first small blocks of a heap come from one arena chunk instead of
 * mimalloc's pages: mimalloc keeps one page per size class and heap, so a
 * session touching a dozen size classes at creation would own a dozen
 * partly used 4 KiB pages (about 100 KiB per idle session). The chunk packs
 * them together; only the pages the bump pointer reaches are ever touched.
 *
 * Arena blocks carry an 8-byte header (their class) right before a 16-byte
 * aligned payload; freed blocks go to one free list per class and are
 * reused first. Blocks larger than MEM_AR_MAX, and every block once the
 * chunk is full, come from the mimalloc heap as before. The mem_heap
 * struct itself sits at the start of the chunk.
 *
 * Start-up cost (docs/design.md, "Start-up"): the chunk comes from the
 * thread's default mimalloc heap, not from the heap's own one, and the
 * mimalloc heap is created only when the chunk no longer suffices. A fresh
 * mimalloc page of the chunk's size class builds its free list four blocks
 * at a time, writing into the first 4 KiB page of each block: a page fault
 * for each. Taken from one shared page, the first chunk pays them once and
 * the next three chunks of the thread find their first page already
 * there; a freed chunk goes back to the front of that free list, so the
 * next heap (a builtin's, a script's arena) reuses its touched pages. A
 * heap that stays within its chunk (most builtins, small scripts) never
 * builds a mimalloc heap (3 KiB, and a fresh page of its own).
 */
#define MEM_AR_SIZE (32u << 10)
#define MEM_AR_MAX 2040u
#define MEM_AR_NCLASS 30

typedef struct mem_ar_hdr {
    uint32_t cls;
    uint32_t magic;
} mem_ar_hdr;

#define MEM_AR_MAGIC 0x76626172u /* "vbar" */

struct mem_heap {
    mi_heap_t *mh;
    size_t used;     /* bytes of live blocks (usable sizes) */
    size_t cap;      /* 0 = unlimited */
    bool failed;
    bool cap_hit;
    bool dead;       /* destroyed while pinned: freed at the last unpin */
    unsigned pins;
    char *ar_lo, *ar_hi, *ar_next; /* the chunk, its bump pointer */
    void *ar_free[MEM_AR_NCLASS];  /* freed arena blocks per class */
};

/* Class sizes are 8 mod 16, so that header + payload keeps the next
 * payload 16-byte aligned: 8, 24, ... 248, then 376, 504, ... 2040. */
static inline unsigned mem__ar_class(size_t n)
{
    if (n <= 248)
        return n <= 8 ? 0 : (unsigned)((n - 8 + 15) / 16);
    return 15 + (unsigned)((n - 248 + 127) / 128);
}

static inline size_t mem__ar_size(unsigned cls)
{
    return cls < 16 ? 16u * cls + 8 : 248u + 128u * (cls - 15);
}

static inline bool mem__in_arena(const mem_heap *h, const void *p)
{
    return (const char *)p >= h->ar_lo && (const char *)p < h->ar_hi;
}

mem_heap *mem_heap_new(size_t cap)
{
    char *chunk = mi_malloc_aligned(MEM_AR_SIZE, 16);
    if (!chunk)
        return NULL;
    mem_heap *h = (mem_heap *)(void *)chunk;
    memset(h, 0, sizeof *h);
    h->cap = cap;
    h->ar_lo = chunk;
    h->ar_hi = chunk + MEM_AR_SIZE;
    /* first header at 8 mod 16, its payload at 0 mod 16 */
    h->ar_next = chunk + ((sizeof *h + 15) & ~(size_t)15) + 8;
    return h;
}

static void mem__heap_free(mem_heap *h)
{
    mi_heap_t *mh = h->mh;
    mi_free(h); /* the chunk; h lives at its start */
    if (mh)
        mi_heap_destroy(mh);
}

/* The heap's mimalloc heap, created at its first block beyond the chunk. */
static mi_heap_t *mem__mh(mem_heap *h)
{
    if (!h->mh)
        h->mh = mi_heap_new();
    return h->mh;
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

static void *mem__ar_alloc(mem_heap *h, size_t n)
{
    unsigned cls = mem__ar_class(n);
    size_t sz = mem__ar_size(cls);
    char *p = h->ar_free[cls];
    if (p) {
        memcpy(&h->ar_free[cls], p, sizeof(void *));
    } else {
        if ((size_t)(h->ar_hi - h->ar_next) < sz + sizeof(mem_ar_hdr))
            return NULL;
        mem_ar_hdr *hd = (mem_ar_hdr *)(void *)(h->ar_next - sizeof(mem_ar_hdr));
        hd->cls = cls;
        hd->magic = MEM_AR_MAGIC;
        p = h->ar_next;
        h->ar_next += sz + sizeof(mem_ar_hdr);
    }
    h->used += sz;
    return p;
}

static size_t mem__ar_block_size(const void *p)
{
    const mem_ar_hdr *hd = (const mem_ar_hdr *)p - 1;
    return mem__ar_size(hd->cls);
}

void *mem_alloc(mem_heap *h, size_t n)
{
    if (!mem__admit(h, n))
        return NULL;
    if (n <= MEM_AR_MAX) {
        void *p = mem__ar_alloc(h, n);
        if (p)
            return p;
    }
    mi_heap_t *mh = mem__mh(h);
    void *p = mh ? mi_heap_malloc(mh, n ? n : 1) : NULL;
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
    if (mem__in_arena(h, p)) {
        size_t old = mem__ar_block_size(p);
        if (n <= old)
            return p;
        void *q = mem_alloc(h, n);
        if (!q)
            return NULL;
        memcpy(q, p, old);
        mem_free(h, p);
        return q;
    }
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
    if (mem__in_arena(h, p)) {
        mem_ar_hdr *hd = (mem_ar_hdr *)p - 1;
        size_t n = mem__ar_size(hd->cls);
        h->used = h->used >= n ? h->used - n : 0;
        memcpy(p, &h->ar_free[hd->cls], sizeof(void *));
        h->ar_free[hd->cls] = p;
        return;
    }
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
void mem_heap_note_cap_hit(mem_heap *h) { h->failed = h->cap_hit = true; }

#ifndef VB_SANITIZE
/*
 * Bulk file data: a process-wide region of 1 GiB of address space (nothing
 * is committed until touched), advised for transparent huge pages and
 * managed by mimalloc as an exclusive arena, with one heap per thread in
 * it. Writing many files is bound by page faults (one per 4 KiB page of
 * fresh memory, costly under virtualisation); 2 MiB pages take a fault
 * per 512 of them. Blocks are freed with mem_shared_free from any thread.
 * When the region is full or cannot be set up, mi_malloc serves.
 */
#include <pthread.h>
#include <sys/mman.h>

#define MEM_BULK_RESERVE ((size_t)1 << 30)

static pthread_once_t mem_bulk_once = PTHREAD_ONCE_INIT;
static mi_arena_id_t mem_bulk_arena;
static bool mem_bulk_ok;
static __thread mi_heap_t *mem_bulk_heap;

static void mem_bulk_init(void)
{
    if (mi_reserve_os_memory_ex(MEM_BULK_RESERVE, false, false, true, &mem_bulk_arena) != 0)
        return;
    size_t sz = 0;
    void *p = mi_arena_area(mem_bulk_arena, &sz);
    if (p && sz)
        madvise(p, sz, MADV_HUGEPAGE);
    mem_bulk_ok = true;
}

void *mem_shared_bulk_alloc(size_t n)
{
    pthread_once(&mem_bulk_once, mem_bulk_init);
    if (mem_bulk_ok) {
        if (!mem_bulk_heap)
            mem_bulk_heap = mi_heap_new_in_arena(mem_bulk_arena);
        if (mem_bulk_heap) {
            void *p = mi_heap_malloc(mem_bulk_heap, n ? n : 1);
            if (p)
                return p;
        }
    }
    return mi_malloc(n ? n : 1);
}

void *mem_shared_alloc(size_t n) { return mi_malloc(n ? n : 1); }
void *mem_shared_calloc(size_t count, size_t size) { return mi_calloc(count, size); }
void *mem_shared_realloc(void *p, size_t n) { return mi_realloc(p, n ? n : 1); }
void mem_shared_free(void *p) { mi_free(p); }
#endif

#include <sys/mman.h>

void mem_advise_bulk(void *p, size_t n)
{
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(huge - 1);
    if (p && hi > lo)
        (void)madvise((void *)lo, (size_t)(hi - lo), MADV_HUGEPAGE);
}

/* ------------------------------------------------------------------ pins */
void mem_heap_destroy(mem_heap *h)
{
    if (!h)
        return;
    if (h->pins) {
        h->dead = true;
        return;
    }
    mem__heap_free(h);
}

void mem_heap_pin(mem_heap *h)
{
    h->pins++;
}

void mem_heap_unpin(mem_heap *h)
{
    if (--h->pins == 0 && h->dead)
        mem__heap_free(h);
}
