/*
 * Byte streams: what a file descriptor of a virtual process refers to.
 *
 * A stream is a small object with an ops table; kinds are pipes (interp/),
 * VFS files (vfs/ adapter in core/stream.c), memory buffers (captured output,
 * here-documents), host file descriptors (the CLI's terminal) and /dev/null.
 * Streams are reference counted: an fd table entry, a dup and a pipeline
 * stage each hold a reference; the last stream_unref closes it, which is how
 * a pipe reader sees end-of-file.
 *
 * read/write never block the host thread: a pipe with no data or no room
 * switches to another virtual process (interp/proc.c) and returns when it can
 * go on. All results are byte counts or negative vb_status codes:
 * VB_EPIPE (reader gone: the writer should stop, status 141 as SIGPIPE),
 * VB_ECANCELED (the session was cancelled or hit a limit: stop now),
 * VB_EBADF (wrong direction), VB_EFBIG/VB_ENOSPC (VFS limits), VB_EIO.
 */
#ifndef VB_CORE_STREAM_H
#define VB_CORE_STREAM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/mem.h"

typedef struct stream stream;

enum stream_kind {
    STREAM_NULL, STREAM_PIPE, STREAM_FILE, STREAM_BUF, STREAM_HOSTFD, STREAM_OTHER
};

typedef struct stream_ops {
    ssize_t (*read)(stream *s, void *buf, size_t n);        /* 0 = end of file */
    ssize_t (*write)(stream *s, const void *buf, size_t n); /* all n, or < 0 */
    int64_t (*seek)(stream *s, int64_t off, int whence);    /* may be NULL: ESPIPE */
    void (*close)(stream *s);                               /* frees s */
} stream_ops;

enum {
    STREAM_R = 1 << 0,      /* opened for reading */
    STREAM_W = 1 << 1,      /* opened for writing */
    STREAM_TTY = 1 << 2,    /* a terminal (test -t, isatty) */
    STREAM_APPEND = 1 << 3,
};

struct stream {
    const stream_ops *ops;
    int refs;
    int flags;              /* STREAM_* */
    enum stream_kind kind;
    const char *path;       /* may be NULL; for /dev/fd and error messages; owned by the impl */
};

static inline ssize_t stream_read(stream *s, void *buf, size_t n) { return s->ops->read(s, buf, n); }
static inline ssize_t stream_write(stream *s, const void *buf, size_t n) { return s->ops->write(s, buf, n); }
static inline stream *stream_ref(stream *s) { s->refs++; return s; }
void stream_unref(stream *s);      /* NULL is a no-op */
int64_t stream_seek(stream *s, int64_t off, int whence);

/* Constructors. All allocate from h and return NULL when out of memory. */
stream *stream_null(mem_heap *h, int flags);
/* Reads `len` bytes of data (copied). */
stream *stream_from_bytes(mem_heap *h, const void *data, size_t len);
/* Appends every write to *out (borrowed; must outlive the stream).
 * max: bytes accepted before writes fail with VB_ENOSPC (0 = unlimited). */
struct vbuf;
stream *stream_to_buf(mem_heap *h, struct vbuf *out);
/* A host file descriptor (not closed by the stream). */
stream *stream_hostfd(mem_heap *h, int fd, int flags);

#endif
