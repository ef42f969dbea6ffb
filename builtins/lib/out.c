/*
 * Output and error reporting for commands: a buffered fd 1, an unbuffered
 * fd 2 that flushes fd 1 first (so 2>&1 keeps the order), GNU-style
 * messages, and the final status rules of bi_done.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "builtins/lib/bi.h"
#include "vbash/vbash.h"

#define BI_OBUF_CAP (32 * 1024)

/* The coarse clock (a memory read in the vDSO, a few ms of resolution)
 * decides when the precise one is worth asking: commands call bi_cancelled
 * per line or per match, and a precise clock read per call cost grep a
 * quarter of its time. */
static uint64_t bi__coarse_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) != 0)
        return UINT64_MAX;
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

bool bi_cancelled(const vb_cmd *cmd)
{
    if (cmd->cancel && *cmd->cancel)
        return true;
    /* the wall-time limit also holds inside a long command (an awk or jq
     * loop never returns to the shell): the limit is recorded through the
     * shell, which stops everything. Asked at most once per coarse tick per
     * thread (a session runs on one thread at a time). */
    static _Thread_local uint64_t last_ms;
    uint64_t now = bi__coarse_ms();
    if (now == last_ms)
        return false;
    last_ms = now;
    if (cmd->ops && cmd->ops->time_left_ms && cmd->ops->time_left_ms(cmd->shell) == 0) {
        if (cmd->ops->limit)
            cmd->ops->limit(cmd->shell, VB_LIMIT_TIME, NULL);
        return true;
    }
    return false;
}

bool bi_out_failed(const vb_cmd *cmd)
{
    return cmd->obuf.error != 0;
}

static int bi__write_all(vb_cmd *cmd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = stream_write(cmd->out, p, n);
        if (w < 0) {
            cmd->obuf.error = (int)w;
            return (int)w;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int bi_flush(vb_cmd *cmd)
{
    vb_outbuf *o = &cmd->obuf;
    if (o->error)
        return o->error;
    if (o->len) {
        int rc = bi__write_all(cmd, o->data, o->len);
        o->len = 0;
        return rc;
    }
    return 0;
}

int bi_out(vb_cmd *cmd, const void *p, size_t n)
{
    vb_outbuf *o = &cmd->obuf;
    if (o->error)
        return o->error;
    if (!o->data) {
        o->data = mem_alloc(cmd->heap, BI_OBUF_CAP);
        if (!o->data)
            return bi__write_all(cmd, p, n);
        o->cap = BI_OBUF_CAP;
    }
    if (n > o->cap - o->len) {
        int rc = bi_flush(cmd);
        if (rc)
            return rc;
        if (n >= o->cap)
            return bi__write_all(cmd, p, n);
    }
    memcpy(o->data + o->len, p, n);
    o->len += n;
    return 0;
}

int bi_outc(vb_cmd *cmd, char c)
{
    vb_outbuf *o = &cmd->obuf;
    if (o->data && o->len < o->cap && !o->error) {
        o->data[o->len++] = c;
        return 0;
    }
    return bi_out(cmd, &c, 1);
}

int bi_outs(vb_cmd *cmd, const char *s)
{
    return bi_out(cmd, s, strlen(s));
}

int bi_outf(vb_cmd *cmd, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return VB_EINVAL;
    if ((size_t)n < sizeof small)
        return bi_out(cmd, small, (size_t)n);
    char *big = mem_alloc(cmd->heap, (size_t)n + 1);
    if (!big)
        return VB_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = bi_out(cmd, big, (size_t)n);
    mem_free(cmd->heap, big);
    return rc;
}

int bi_errw(vb_cmd *cmd, const void *p, size_t n)
{
    bi_flush(cmd);
    const char *s = p;
    while (n) {
        ssize_t w = stream_write(cmd->err, s, n);
        if (w < 0)
            return (int)w;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Shell builtins prefix their messages as bash does ("vbash: line 3: "),
 * which only the shell knows; utilities use their own name. */
static void bi__prefix(vb_cmd *cmd, vbuf *b)
{
    if (cmd->self && (cmd->self->flags & BI_SHELL) && cmd->ops && cmd->ops->info) {
        const char *p = cmd->ops->info(cmd->shell, "errprefix");
        if (p)
            vbuf_adds(b, p);
    }
    vbuf_adds(b, cmd->argv[0]);
    vbuf_adds(b, ": ");
}

static int bi__verr(vb_cmd *cmd, const char *fmt, va_list ap)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    bi__prefix(cmd, &b);
    vbuf_vprintf(&b, fmt, ap);
    vbuf_addc(&b, '\n');
    bi_errw(cmd, b.data, b.len);
    vbuf_free(&b);
    return 1;
}

int bi_err(vb_cmd *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bi__verr(cmd, fmt, ap);
    va_end(ap);
    return 1;
}

int bi_errno(vb_cmd *cmd, const char *operand, int neg_errno)
{
    return bi_err(cmd, "%s: %s", operand, vb_strerror(neg_errno));
}

int bi_usage(vb_cmd *cmd, int status, const char *fmt, ...)
{
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        bi__verr(cmd, fmt, ap);
        va_end(ap);
    }
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "Try '%s --help' for more information.\n", cmd->argv[0]);
    bi_errw(cmd, b.data, b.len);
    vbuf_free(&b);
    return status;
}

int bi_done(vb_cmd *cmd, int status)
{
    bi_flush(cmd);
    int e = cmd->obuf.error;
    if (!e)
        return status;
    if (e == VB_EPIPE)
        return 141;
    if (e == VB_ECANCELED)
        return status ? status : 130;
    bi_err(cmd, "write error: %s", vb_strerror(e));
    return status ? status : 1;
}
