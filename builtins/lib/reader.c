/*
 * Buffered record reader. Records are returned as pointers into one
 * growable buffer, so the common case copies nothing; a record longer than
 * the buffer grows it (bounded by the session's memory limit).
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "vbash/vbash.h"

#define BI_READ_CHUNK (64 * 1024)

void bi_reader_init(bi_reader *r, vb_cmd *cmd, stream *s)
{
    memset(r, 0, sizeof *r);
    r->cmd = cmd;
    r->s = s;
    vbuf_init(&r->line, cmd->heap);
}

void bi_reader_free(bi_reader *r)
{
    mem_free(r->cmd->heap, r->buf);
    r->buf = NULL;
    vbuf_free(&r->line);
}

/* Reads more bytes after r->len; returns bytes read, 0 at end, <0 error. */
static ssize_t bi_reader__fill(bi_reader *r)
{
    if (r->eof)
        return 0;
    if (r->error)
        return r->error;
    if (bi_cancelled(r->cmd)) {
        r->error = VB_ECANCELED;
        return r->error;
    }
    if (r->pos > 0 && r->pos == r->len) {
        r->pos = r->len = 0;
    } else if (r->pos > 0 && r->len - r->pos < r->cap / 2) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < BI_READ_CHUNK / 4) {
        size_t ncap = r->cap ? r->cap * 2 : BI_READ_CHUNK;
        char *nb = mem_realloc(r->cmd->heap, r->buf, ncap);
        if (!nb) {
            r->error = VB_ENOMEM;
            return r->error;
        }
        r->buf = nb;
        r->cap = ncap;
    }
    ssize_t n = stream_read(r->s, r->buf + r->len, r->cap - r->len);
    if (n < 0) {
        r->error = (int)n;
        return n;
    }
    if (n == 0)
        r->eof = 1;
    r->len += (size_t)n;
    return n;
}

int bi_getrec(bi_reader *r, int delim, const char **rec, size_t *len)
{
    size_t scanned = 0;
    for (;;) {
        if (!r->buf) {
            /* nothing read yet */
            ssize_t n = bi_reader__fill(r);
            if (n < 0)
                return (int)n;
            if (n == 0 && !r->buf)
                return 0;
            continue;
        }
        char *start = r->buf + r->pos;
        size_t avail = r->len - r->pos;
        char *hit = avail > scanned ? memchr(start + scanned, delim, avail - scanned) : NULL;
        if (hit) {
            *rec = start;
            *len = (size_t)(hit - start) + 1;
            r->pos += *len;
            return 1;
        }
        scanned = avail;
        size_t before_pos = r->pos;
        ssize_t n = bi_reader__fill(r);
        if (n < 0)
            return (int)n;
        if (n == 0) {
            if (r->len == r->pos)
                return 0;
            *rec = r->buf + r->pos;
            *len = r->len - r->pos;
            r->pos = r->len;
            return 1;
        }
        (void)before_pos; /* fill moves data to the front; scanned stays valid */
    }
}

ssize_t bi_readbuf(bi_reader *r, void *buf, size_t n)
{
    if (r->pos < r->len) {
        size_t k = r->len - r->pos < n ? r->len - r->pos : n;
        memcpy(buf, r->buf + r->pos, k);
        r->pos += k;
        return (ssize_t)k;
    }
    if (r->eof)
        return 0;
    if (bi_cancelled(r->cmd))
        return VB_ECANCELED;
    ssize_t k = stream_read(r->s, buf, n);
    if (k == 0)
        r->eof = 1;
    return k;
}
