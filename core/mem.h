/*
 * Per-session memory: an accounting layer over one mimalloc heap.
 *
 * Every allocation of a session (shell state, AST, command temporaries)
 * comes from its mem_heap. The heap counts the bytes in use, refuses to grow
 * past its cap (the memory limit), and remembers the first failure (sticky
 * out-of-memory flag, reported at the API boundary). mem_heap_destroy frees
 * everything at once without running any destructor.
 *
 * A heap belongs to the thread that created it (mimalloc 2.x): allocate and
 * destroy only on that thread. Freeing a block from another thread is safe.
 * Data shared between sessions (copy-on-write file chunks) must not come from
 * a session heap: use mem_shared_* (global, thread-safe).
 */
#ifndef VB_CORE_MEM_H
#define VB_CORE_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mem_heap mem_heap;

/* cap: bytes; 0 = unlimited. NULL when out of memory. */
mem_heap *mem_heap_new(size_t cap);
void mem_heap_destroy(mem_heap *h);
/* Keeps h alive while blocks of it are still in use after its owner is
 * gone (a fork's shared variables): mem_heap_destroy of a pinned heap only
 * marks it, the last mem_heap_unpin destroys it. Same thread as the heap;
 * not atomic. */
void mem_heap_pin(mem_heap *h);
void mem_heap_unpin(mem_heap *h);

/* NULL on failure (cap reached or host OOM); the failure is remembered. */
void *mem_alloc(mem_heap *h, size_t n);
void *mem_calloc(mem_heap *h, size_t count, size_t size);
void *mem_realloc(mem_heap *h, void *p, size_t n);
void mem_free(mem_heap *h, void *p); /* NULL is a no-op */
char *mem_strdup(mem_heap *h, const char *s);
char *mem_strndup(mem_heap *h, const char *s, size_t n);
/* printf into a new heap string. */
char *mem_printf(mem_heap *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

size_t mem_heap_used(const mem_heap *h);
size_t mem_heap_cap(const mem_heap *h);
void mem_heap_set_cap(mem_heap *h, size_t cap);
/* true once an allocation failed; cleared by mem_heap_clear_failed. */
bool mem_heap_failed(const mem_heap *h);
bool mem_heap_cap_hit(const mem_heap *h);  /* the failure was the cap, not the host */
void mem_heap_clear_failed(mem_heap *h);
/* Memory counted outside the heap (a VFS's shared metadata) was refused for
 * the heap's cap: remembered as the heap's own failure would be. */
void mem_heap_note_cap_hit(mem_heap *h);

/* Process-wide allocations for data shared across sessions/threads. */
void *mem_shared_alloc(size_t n);
void *mem_shared_calloc(size_t count, size_t size);
void *mem_shared_realloc(void *p, size_t n);
void mem_shared_free(void *p);
/* mem_shared_alloc for large volumes of file data (freed with
 * mem_shared_free): from a region backed by huge pages where the host
 * allows, so that writing many files does not take a page fault per 4 KiB. */
void *mem_shared_bulk_alloc(size_t n);
/* Advises the kernel to back [p, p+n), a large block about to be written
 * whole, with transparent huge pages wherever a whole 2 MiB page fits: one
 * page fault per 2 MiB instead of one per 4 KiB. Advice only: nothing
 * changes where it is refused. */
void mem_advise_bulk(void *p, size_t n);

#endif
