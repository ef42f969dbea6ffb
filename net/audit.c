/*
 * The audit log: one JSON line per request hop, to the policy's file and/or
 * callback. Query values never appear (only their keys), and any secret
 * value is redacted from the line.
 *
 * {"time":"2026-11-22T15:04:05.123Z","session":"s1","method":"GET",
 *  "scheme":"https","host":"api.github.com","port":443,"path":"/repos",
 *  "query":"page=&per_page=","decision":"allow","by":"rule allow:api.github.com",
 *  "status":200,"bytes_in":5120,"bytes_out":0,"duration_ms":87}
 * ("error" is added when the request failed.)
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "net/net_int.h"

static void net__jstr(vbuf *b, const char *s)
{
    vbuf_addc(b, '"');
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        switch (*c) {
        case '"': vbuf_adds(b, "\\\""); break;
        case '\\': vbuf_adds(b, "\\\\"); break;
        case '\n': vbuf_adds(b, "\\n"); break;
        case '\r': vbuf_adds(b, "\\r"); break;
        case '\t': vbuf_adds(b, "\\t"); break;
        default:
            if (*c < 0x20 || *c == 0x7f)
                vbuf_printf(b, "\\u%04x", *c);
            else
                vbuf_addc(b, (char)*c);
        }
    }
    vbuf_addc(b, '"');
}

/* "a=1&b=two&flag" -> "a=&b=&flag" */
static void net__query_keys(vbuf *b, const char *q)
{
    bool in_val = false;
    for (; *q; q++) {
        if (*q == '&') {
            in_val = false;
            vbuf_addc(b, '&');
        } else if (*q == '=' && !in_val) {
            in_val = true;
            vbuf_addc(b, '=');
        } else if (!in_val) {
            vbuf_addc(b, *q);
        }
    }
}

int net_audit_format(const vb_net_policy *p, const net_audit_rec *r, vbuf *out)
{
    vbuf raw;
    vbuf_init(&raw, out->heap);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char tbuf[64];
    snprintf(tbuf, sizeof tbuf, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
    const vb_net_request_info *q = r->req;
    const char *sid = q->session_id && *q->session_id ? q->session_id
                      : p->session_id                 ? p->session_id
                                                      : "";
    vbuf_adds(&raw, "{\"time\":");
    net__jstr(&raw, tbuf);
    vbuf_adds(&raw, ",\"session\":");
    net__jstr(&raw, sid);
    vbuf_adds(&raw, ",\"method\":");
    net__jstr(&raw, q->method);
    vbuf_adds(&raw, ",\"scheme\":");
    net__jstr(&raw, q->scheme);
    vbuf_adds(&raw, ",\"host\":");
    net__jstr(&raw, q->host);
    vbuf_printf(&raw, ",\"port\":%d,\"path\":", q->port);
    net__jstr(&raw, q->path);
    if (r->query && *r->query) {
        vbuf keys;
        vbuf_init(&keys, out->heap);
        net__query_keys(&keys, r->query);
        vbuf_adds(&raw, ",\"query\":");
        net__jstr(&raw, vbuf_str(&keys));
        vbuf_free(&keys);
    }
    vbuf_adds(&raw, ",\"decision\":");
    net__jstr(&raw, r->decision);
    vbuf_adds(&raw, ",\"by\":");
    net__jstr(&raw, r->by);
    vbuf_printf(&raw, ",\"status\":%ld,\"bytes_in\":%llu,\"bytes_out\":%llu,\"duration_ms\":%llu",
                r->status, (unsigned long long)r->bytes_in, (unsigned long long)r->bytes_out,
                (unsigned long long)r->duration_ms);
    if (r->error && *r->error) {
        vbuf_adds(&raw, ",\"error\":");
        net__jstr(&raw, r->error);
    }
    vbuf_addc(&raw, '}');
    int rc = raw.failed ? VB_ENOMEM : net_redact_append(p, out, raw.data, raw.len);
    vbuf_free(&raw);
    return rc < 0 || out->failed ? VB_ENOMEM : 0;
}

void net_audit(vb_net_policy *p, const net_audit_rec *r)
{
    if (!p->audit_file && !p->audit_fn)
        return;
    mem_heap *h = mem_heap_new(0);
    if (!h)
        return;
    vbuf line;
    vbuf_init(&line, h);
    if (net_audit_format(p, r, &line) == 0) {
        pthread_mutex_lock(&p->lock);
        if (p->audit_file) {
            fwrite(line.data, 1, line.len, p->audit_file);
            fputc('\n', p->audit_file);
            fflush(p->audit_file);
        }
        pthread_mutex_unlock(&p->lock);
        if (p->audit_fn)
            p->audit_fn(p->audit_ud, line.data, line.len);
    }
    mem_heap_destroy(h);
}
