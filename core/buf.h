/*
 * A growable, binary-safe byte buffer on a session heap. Always kept
 * NUL-terminated (the NUL is not counted in len) so text users can read
 * data as a C string when they know it has no NUL inside.
 */
#ifndef VB_CORE_BUF_H
#define VB_CORE_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/mem.h"

typedef struct vbuf {
    mem_heap *heap;   /* borrowed */
    char *data;       /* owned; NULL while empty and never grown */
    size_t len, cap;
    bool failed;      /* an append failed (out of memory): data is truncated */
} vbuf;

void vbuf_init(vbuf *b, mem_heap *h);
void vbuf_free(vbuf *b);
/* Each returns 0 or VB_ENOMEM (and sets b->failed). */
int vbuf_reserve(vbuf *b, size_t extra);
int vbuf_add(vbuf *b, const void *p, size_t n);
int vbuf_addc(vbuf *b, char c);
int vbuf_adds(vbuf *b, const char *s);
int vbuf_printf(vbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vbuf_vprintf(vbuf *b, const char *fmt, va_list ap);
void vbuf_clear(vbuf *b);                 /* len = 0, keeps capacity */
/* Hands the data to the caller (heap-owned, NUL-terminated); b is empty after. */
char *vbuf_take(vbuf *b, size_t *len);
/* Never NULL: "" while empty. Borrowed. */
const char *vbuf_str(const vbuf *b);

#endif
