/*
 * A redacting stream: what the session puts around its stdout and stderr
 * (and anything else that leaves the sandbox) so that no secret value of
 * the policy gets out, even split across two writes.
 */
#include <string.h>

#include "net/net_int.h"

typedef struct net_rstream {
    stream base;
    mem_heap *heap;
    stream *inner;            /* owned reference */
    vb_net_redactor *red;
    int err;                  /* first write error of inner, sticky */
} net_rstream;

static int net__rs_emit(void *ctx, const void *data, size_t len)
{
    net_rstream *rs = ctx;
    ssize_t w = stream_write(rs->inner, data, len);
    if (w < 0) {
        rs->err = (int)w;
        return (int)w;
    }
    return 0;
}

static ssize_t net__rs_read(stream *s, void *buf, size_t n)
{
    return VB_EBADF;
}

static ssize_t net__rs_write(stream *s, const void *buf, size_t n)
{
    net_rstream *rs = (net_rstream *)s;
    if (rs->err)
        return rs->err;
    int rc = vb_net_redactor_write(rs->red, buf, n, net__rs_emit, rs);
    return rc < 0 ? rc : (ssize_t)n;
}

static void net__rs_close(stream *s)
{
    net_rstream *rs = (net_rstream *)s;
    if (!rs->err)
        vb_net_redactor_flush(rs->red, net__rs_emit, rs);
    vb_net_redactor_free(rs->red);
    stream_unref(rs->inner);
    mem_free(rs->heap, rs);
}

static const stream_ops net__rs_ops = {
    .read = net__rs_read,
    .write = net__rs_write,
    .close = net__rs_close,
};

stream *net_redact_stream(mem_heap *h, stream *inner, const vb_net_policy *p)
{
    if (!inner || !p || !p->max_secret)
        return inner;
    net_rstream *rs = mem_calloc(h, 1, sizeof *rs);
    vb_net_redactor *red = rs ? vb_net_redactor_new(p) : NULL;
    if (!red) {
        mem_free(h, rs);
        stream_unref(inner);
        return NULL;
    }
    rs->base = (stream){.ops = &net__rs_ops, .refs = 1, .flags = inner->flags & ~STREAM_R,
                        .kind = STREAM_OTHER, .path = inner->path};
    rs->heap = h;
    rs->inner = inner;
    rs->red = red;
    return &rs->base;
}

int net_redact_stream_flush(stream *s)
{
    if (!s || s->ops != &net__rs_ops)
        return 0;
    net_rstream *rs = (net_rstream *)s;
    if (rs->err)
        return rs->err;
    return vb_net_redactor_flush(rs->red, net__rs_emit, rs);
}
