/*
 * Secret redaction: every secret value of 4 bytes or more becomes
 * "[REDACTED:NAME]". The streaming form holds back only the tail of a write
 * that could be the start of a secret (at most max_secret_len - 1 bytes), so
 * a value split across two writes is still caught and ordinary output is not
 * delayed.
 */
#include <string.h>

#include "net/net_int.h"

struct vb_net_redactor {
    const vb_net_policy *p;
    char *tail;          /* held-back bytes; capacity max_secret */
    size_t tail_len;
    char *work;          /* scratch: tail + one chunk of input */
    size_t work_cap;
};

/* Earliest secret occurrence in [s, s+n): index, or n when none. The longest
 * secret wins at equal positions. */
static size_t net__find(const vb_net_policy *p, const char *s, size_t n, size_t *which)
{
    size_t best = n, best_len = 0;
    for (size_t i = 0; i < p->n_secrets; i++) {
        const net_secret *sec = &p->secrets[i];
        if (sec->len < 4 || sec->len > n)
            continue;
        size_t lim = best == n ? n : best + sec->len; /* no need to search past best */
        if (lim > n)
            lim = n;
        const char *m = memmem(s, lim, sec->value, sec->len);
        if (!m)
            continue;
        size_t at = (size_t)(m - s);
        if (at < best || (at == best && sec->len > best_len)) {
            best = at;
            best_len = sec->len;
            *which = i;
        }
    }
    return best;
}

/* Length of the longest suffix of [s, s+n) that is a proper prefix of some
 * secret. */
static size_t net__hold(const vb_net_policy *p, const char *s, size_t n)
{
    size_t maxk = p->max_secret ? p->max_secret - 1 : 0;
    if (maxk > n)
        maxk = n;
    for (size_t k = maxk; k > 0; k--) {
        const char *suf = s + n - k;
        for (size_t i = 0; i < p->n_secrets; i++) {
            const net_secret *sec = &p->secrets[i];
            if (sec->len >= 4 && sec->len > k && memcmp(sec->value, suf, k) == 0)
                return k;
        }
    }
    return 0;
}

static int net__emit_marker(const net_secret *sec, vb_net_emit_fn emit, void *ctx)
{
    char m[160];
    int n = snprintf(m, sizeof m, "[REDACTED:%s]", sec->name);
    if (n < 0 || (size_t)n >= sizeof m)
        n = (int)sizeof m - 1;
    return emit(ctx, m, (size_t)n);
}

/* Redacts [s, s+n) completely (no holding back). */
static int net__redact_all(const vb_net_policy *p, const char *s, size_t n, vb_net_emit_fn emit,
                           void *ctx)
{
    while (n) {
        size_t which = 0, at = net__find(p, s, n, &which);
        if (at) {
            int rc = emit(ctx, s, at);
            if (rc < 0)
                return rc;
        }
        if (at == n)
            return 0;
        int rc = net__emit_marker(&p->secrets[which], emit, ctx);
        if (rc < 0)
            return rc;
        s += at + p->secrets[which].len;
        n -= at + p->secrets[which].len;
    }
    return 0;
}

vb_net_redactor *vb_net_redactor_new(const vb_net_policy *p)
{
    vb_net_redactor *r = mem_shared_calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->p = p;
    if (p && p->max_secret) {
        r->tail = mem_shared_alloc(p->max_secret);
        if (!r->tail) {
            mem_shared_free(r);
            return NULL;
        }
    }
    return r;
}

void vb_net_redactor_free(vb_net_redactor *r)
{
    if (!r)
        return;
    if (r->tail) {
        explicit_bzero(r->tail, r->p->max_secret);
        mem_shared_free(r->tail);
    }
    if (r->work) {
        explicit_bzero(r->work, r->work_cap);
        mem_shared_free(r->work);
    }
    mem_shared_free(r);
}

/* Processes one window: tail + up to CHUNK bytes of input. */
enum { NET_REDACT_CHUNK = 64 * 1024 };

int vb_net_redactor_write(vb_net_redactor *r, const void *data, size_t len, vb_net_emit_fn emit,
                          void *ctx)
{
    const vb_net_policy *p = r->p;
    if (!p || !p->max_secret)
        return len ? emit(ctx, data, len) : 0;
    const char *in = data;
    size_t need = p->max_secret + NET_REDACT_CHUNK;
    if (r->work_cap < need) {
        char *w = mem_shared_alloc(need);
        if (!w)
            return VB_ENOMEM;
        mem_shared_free(r->work);
        r->work = w;
        r->work_cap = need;
    }
    while (len) {
        size_t take = len < NET_REDACT_CHUNK ? len : NET_REDACT_CHUNK;
        memcpy(r->work, r->tail, r->tail_len);
        memcpy(r->work + r->tail_len, in, take);
        size_t n = r->tail_len + take;
        in += take;
        len -= take;
        r->tail_len = 0;
        const char *s = r->work;
        for (;;) {
            size_t which = 0, at = net__find(p, s, n, &which);
            if (at == n)
                break;
            if (at) {
                int rc = emit(ctx, s, at);
                if (rc < 0)
                    return rc;
            }
            int rc = net__emit_marker(&p->secrets[which], emit, ctx);
            if (rc < 0)
                return rc;
            s += at + p->secrets[which].len;
            n -= at + p->secrets[which].len;
        }
        size_t hold = net__hold(p, s, n);
        if (n - hold) {
            int rc = emit(ctx, s, n - hold);
            if (rc < 0)
                return rc;
        }
        memmove(r->tail, s + n - hold, hold);
        r->tail_len = hold;
    }
    return 0;
}

int vb_net_redactor_flush(vb_net_redactor *r, vb_net_emit_fn emit, void *ctx)
{
    if (!r->tail_len)
        return 0;
    size_t n = r->tail_len;
    r->tail_len = 0;
    return emit(ctx, r->tail, n);
}

typedef struct net__vbuf_sink {
    vbuf *b;
} net__vbuf_sink;

static int net__to_vbuf(void *ctx, const void *data, size_t len)
{
    return vbuf_add(((net__vbuf_sink *)ctx)->b, data, len);
}

int net_redact_append(const vb_net_policy *p, vbuf *out, const void *in, size_t len)
{
    net__vbuf_sink s = {out};
    if (!p || !p->max_secret)
        return vbuf_add(out, in, len);
    return net__redact_all(p, in, len, net__to_vbuf, &s);
}

typedef struct net__grow_sink {
    char *data;
    size_t len, cap;
} net__grow_sink;

static int net__to_grow(void *ctx, const void *data, size_t len)
{
    net__grow_sink *g = ctx;
    if (g->len + len + 1 > g->cap) {
        size_t nc = g->cap ? g->cap : 256;
        while (nc < g->len + len + 1)
            nc *= 2;
        char *nd = mem_shared_realloc(g->data, nc);
        if (!nd)
            return VB_ENOMEM;
        g->data = nd;
        g->cap = nc;
    }
    memcpy(g->data + g->len, data, len);
    g->len += len;
    g->data[g->len] = 0;
    return 0;
}

vb_status vb_net_redact(const vb_net_policy *p, const void *in, size_t len, char **out,
                        size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    size_t which;
    if (!p || !p->max_secret || net__find(p, in, len, &which) == len)
        return VB_OK;
    net__grow_sink g = {0};
    int rc = net__redact_all(p, in, len, net__to_grow, &g);
    if (rc < 0) {
        mem_shared_free(g.data);
        return VB_ENOMEM;
    }
    if (!g.data && net__to_grow(&g, "", 0) < 0)
        return VB_ENOMEM;
    *out = g.data;
    *out_len = g.len;
    return VB_OK;
}

void vb_net_free(void *ptr)
{
    mem_shared_free(ptr);
}
