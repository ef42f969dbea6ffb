/* Growable byte buffer; see core/buf.h. */
#include "core/buf.h"

#include <stdio.h>
#include <string.h>

#include "vbash/vbash.h"

void vbuf_init(vbuf *b, mem_heap *h)
{
    *b = (vbuf){.heap = h};
}

void vbuf_free(vbuf *b)
{
    mem_free(b->heap, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int vbuf_reserve(vbuf *b, size_t extra)
{
    if (b->failed)
        return VB_ENOMEM;
    if (extra < b->cap - b->len || (b->cap && extra + 1 <= b->cap - b->len))
        return VB_OK;
    size_t need;
    if (__builtin_add_overflow(b->len, extra + 1, &need)) {
        b->failed = true;
        return VB_ENOMEM;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = mem_realloc(b->heap, b->data, cap);
    if (!p) {
        b->failed = true;
        return VB_ENOMEM;
    }
    b->data = p;
    b->cap = cap;
    return VB_OK;
}

int vbuf_add(vbuf *b, const void *p, size_t n)
{
    if (vbuf_reserve(b, n))
        return VB_ENOMEM;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return VB_OK;
}

int vbuf_addc(vbuf *b, char c)
{
    return vbuf_add(b, &c, 1);
}

int vbuf_adds(vbuf *b, const char *s)
{
    return vbuf_add(b, s, strlen(s));
}

int vbuf_vprintf(vbuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0 || vbuf_reserve(b, (size_t)n)) {
        va_end(ap2);
        return VB_ENOMEM;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
    return VB_OK;
}

int vbuf_printf(vbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vbuf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void vbuf_clear(vbuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *vbuf_take(vbuf *b, size_t *len)
{
    if (!b->data) {
        if (vbuf_reserve(b, 0))
            return NULL;
        b->data[0] = '\0';
    }
    char *p = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

const char *vbuf_str(const vbuf *b)
{
    return b->data ? b->data : "";
}
