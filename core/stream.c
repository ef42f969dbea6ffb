/* The simple stream kinds: null, memory in, memory out, host fd. */
#include "core/stream.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "vbash/vbash.h"

void stream_unref(stream *s)
{
    if (s && --s->refs == 0)
        s->ops->close(s);
}

int64_t stream_seek(stream *s, int64_t off, int whence)
{
    if (!s->ops->seek)
        return -ESPIPE;
    return s->ops->seek(s, off, whence);
}

/* ---------------------------------------------------------------- null */
typedef struct {
    stream base;
    mem_heap *heap;
} simple_stream;

static ssize_t null__read(stream *s, void *buf, size_t n) { return 0; }
static ssize_t null__write(stream *s, const void *buf, size_t n) { return (ssize_t)n; }
static void simple__close(stream *s) { mem_free(((simple_stream *)s)->heap, s); }

static const stream_ops null_ops = {
    .read = null__read, .write = null__write, .close = simple__close,
};

stream *stream_null(mem_heap *h, int flags)
{
    simple_stream *s = mem_calloc(h, 1, sizeof *s);
    if (!s)
        return NULL;
    s->base = (stream){.ops = &null_ops, .refs = 1, .flags = flags, .kind = STREAM_NULL,
                       .path = "/dev/null"};
    s->heap = h;
    return &s->base;
}

/* ---------------------------------------------------------------- bytes in */
typedef struct {
    stream base;
    mem_heap *heap;
    char *data;   /* owned */
    size_t len, pos;
} bytes_stream;

static ssize_t bytes__read(stream *s, void *buf, size_t n)
{
    bytes_stream *b = (bytes_stream *)s;
    size_t k = b->len - b->pos < n ? b->len - b->pos : n;
    memcpy(buf, b->data + b->pos, k);
    b->pos += k;
    return (ssize_t)k;
}

static ssize_t bytes__write(stream *s, const void *buf, size_t n) { return VB_EBADF; }

static int64_t bytes__seek(stream *s, int64_t off, int whence)
{
    bytes_stream *b = (bytes_stream *)s;
    int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (int64_t)b->pos : (int64_t)b->len;
    if (base + off < 0)
        return -EINVAL;
    b->pos = (size_t)(base + off) > b->len ? b->len : (size_t)(base + off);
    return (int64_t)b->pos;
}

static void bytes__close(stream *s)
{
    bytes_stream *b = (bytes_stream *)s;
    mem_free(b->heap, b->data);
    mem_free(b->heap, b);
}

static const stream_ops bytes_ops = {
    .read = bytes__read, .write = bytes__write, .seek = bytes__seek, .close = bytes__close,
};

stream *stream_from_bytes(mem_heap *h, const void *data, size_t len)
{
    bytes_stream *b = mem_calloc(h, 1, sizeof *b);
    if (!b)
        return NULL;
    b->data = mem_alloc(h, len ? len : 1);
    if (!b->data) {
        mem_free(h, b);
        return NULL;
    }
    if (len)
        memcpy(b->data, data, len);
    b->len = len;
    b->heap = h;
    b->base = (stream){.ops = &bytes_ops, .refs = 1, .flags = STREAM_R, .kind = STREAM_BUF};
    return &b->base;
}

/* ---------------------------------------------------------------- buffer out */
typedef struct {
    stream base;
    mem_heap *heap;
    vbuf *out;    /* borrowed */
} buf_stream;

static ssize_t buf__read(stream *s, void *buf, size_t n) { return VB_EBADF; }

static ssize_t buf__write(stream *s, const void *buf, size_t n)
{
    buf_stream *b = (buf_stream *)s;
    if (vbuf_add(b->out, buf, n))
        return VB_ENOMEM;
    return (ssize_t)n;
}

static const stream_ops buf_ops = {
    .read = buf__read, .write = buf__write, .close = simple__close,
};

stream *stream_to_buf(mem_heap *h, vbuf *out)
{
    buf_stream *b = mem_calloc(h, 1, sizeof *b);
    if (!b)
        return NULL;
    b->heap = h;
    b->out = out;
    b->base = (stream){.ops = &buf_ops, .refs = 1, .flags = STREAM_W, .kind = STREAM_BUF};
    return &b->base;
}

/* ---------------------------------------------------------------- host fd */
typedef struct {
    stream base;
    mem_heap *heap;
    int fd;       /* borrowed: never closed here */
} fd_stream;

static ssize_t fd__read(stream *s, void *buf, size_t n)
{
    fd_stream *f = (fd_stream *)s;
    for (;;) {
        ssize_t r = read(f->fd, buf, n);
        if (r >= 0)
            return r;
        if (errno == EINTR)
            return VB_ECANCELED; /* the CLI's SIGINT: let the caller check cancel */
        return -errno;
    }
}

static ssize_t fd__write(stream *s, const void *buf, size_t n)
{
    fd_stream *f = (fd_stream *)s;
    const char *p = buf;
    size_t left = n;
    while (left) {
        ssize_t w = write(f->fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno == EPIPE ? VB_EPIPE : -errno;
        }
        p += w;
        left -= (size_t)w;
    }
    return (ssize_t)n;
}

static const stream_ops fd_ops = {
    .read = fd__read, .write = fd__write, .close = simple__close,
};

stream *stream_hostfd(mem_heap *h, int fd, int flags)
{
    fd_stream *f = mem_calloc(h, 1, sizeof *f);
    if (!f)
        return NULL;
    f->heap = h;
    f->fd = fd;
    if (isatty(fd))
        flags |= STREAM_TTY;
    f->base = (stream){.ops = &fd_ops, .refs = 1, .flags = flags, .kind = STREAM_HOSTFD};
    return &f->base;
}
