/*
 * The libcurl glue: one request, hop by hop, through the policy.
 *
 * For each hop: the URL is parsed, the policy decides (rules, decider,
 * default), the host is resolved once (the policy's resolver override or
 * getaddrinfo), every address goes through the connect guard, and the
 * addresses that pass are pinned (CURLOPT_RESOLVE), so libcurl never looks
 * the name up again: a rebinding name cannot swap the address between the
 * check and the connect. The socket-open callback refuses any address that
 * was not checked. Redirects are never followed by libcurl
 * (CURLOPT_FOLLOWLOCATION off): the next hop is a new pass through the
 * policy. Only http and https; proxies from the environment are ignored.
 *
 * The transfer runs on a multi handle polled in 50 ms steps, so the
 * session's cancel flag is seen quickly, and so the command's callbacks
 * (which may block on a pipe and switch to another virtual process) run
 * outside libcurl's stack: libcurl's callbacks only fill buffers, paused
 * past 1 MiB.
 *
 * Everything received (headers, body, verbose text) passes through the
 * policy's redactor first: a secret echoed by a server never reaches the
 * sandbox.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "net/curl_dl.h"
#include "net/net_int.h"

enum { NET_MAX_ADDRS = 16, NET_PAUSE_AT = 1 << 20 };

static pthread_once_t net__once = PTHREAD_ONCE_INIT;
static int net__init_rc;
static char net__ua[64];

static void net__global_init(void)
{
    net__init_rc = net_curl_load();
    const curl_version_info_data *v = net__init_rc == 0 ? curl_version_info(CURLVERSION_NOW) : NULL;
    snprintf(net__ua, sizeof net__ua, "curl/%s", v && v->version ? v->version : "8");
}

const char *net_default_user_agent(void)
{
    pthread_once(&net__once, net__global_init);
    return net__ua;
}

typedef struct net_xfer {
    vb_net_policy *p;
    net_req *req;
    net_resp *resp;
    mem_heap *h;
    CURL *e;
    vbuf hbuf, bbuf, vbuf_;   /* pending header / body / verbose bytes */
    bool paused;
    bool discard_body;        /* a redirect we follow: its body is not output */
    bool in_headers;
    uint64_t body_hop;
    uint64_t cap;
    bool over_cap;
    int cb_error;
    vb_net_redactor *red;
    net_addr pinned[NET_MAX_ADDRS];
    size_t n_pinned;
    bool socket_refused;
    char refused_why[192];
    const char *up;           /* -T / body upload read callback */
    size_t up_len, up_pos;
    char **hdrs;
    size_t n_hdrs, cap_hdrs;
    bool has_location;
    long hop_status;
    size_t hdr_bytes;         /* this hop's header bytes, capped */
    bool hdr_over;
} net_xfer;

enum { NET_MAX_HEADER_BYTES = 1 << 20 };

/* ------------------------------------------------------------ callbacks */

static int net__to_vbuf(void *ctx, const void *d, size_t n)
{
    return vbuf_add(ctx, d, n);
}

static size_t net__write_cb(char *ptr, size_t size, size_t nmemb, void *ud)
{
    net_xfer *x = ud;
    size_t n = size * nmemb;
    if (x->discard_body)
        return n;
    if (x->bbuf.len >= NET_PAUSE_AT) {
        x->paused = true;
        return CURL_WRITEFUNC_PAUSE;
    }
    x->body_hop += n;
    if (x->body_hop > x->cap) {
        x->over_cap = true;
        return 0;
    }
    if (vb_net_redactor_write(x->red, ptr, n, net__to_vbuf, &x->bbuf) < 0)
        return 0;
    return n;
}

static void net__hdr_reset(net_xfer *x)
{
    x->n_hdrs = 0;
    x->has_location = false;
}

static size_t net__header_cb(char *ptr, size_t size, size_t nmemb, void *ud)
{
    net_xfer *x = ud;
    size_t n = size * nmemb;
    x->hdr_bytes += n;
    if (x->hdr_bytes > NET_MAX_HEADER_BYTES) {
        x->hdr_over = true;  /* endless headers: stop before memory grows */
        return 0;
    }
    if (n >= 5 && strncmp(ptr, "HTTP/", 5) == 0) {
        net__hdr_reset(x);
        x->in_headers = true;
        long st = 0;
        const char *sp = memchr(ptr, ' ', n);
        if (sp)
            st = strtol(sp + 1, NULL, 10);
        x->hop_status = st;
    }
    if (x->in_headers) {
        if (x->n_hdrs == x->cap_hdrs) {
            size_t nc = x->cap_hdrs ? x->cap_hdrs * 2 : 32;
            char **na = mem_realloc(x->h, x->hdrs, nc * sizeof *na);
            if (!na)
                return 0;
            x->hdrs = na;
            x->cap_hdrs = nc;
        }
        vbuf line;
        vbuf_init(&line, x->h);
        net_redact_append(x->p, &line, ptr, n);
        x->hdrs[x->n_hdrs++] = vbuf_take(&line, NULL);
        if (n >= 9 && strncasecmp(ptr, "location:", 9) == 0)
            x->has_location = true;
        if ((n == 2 && ptr[0] == '\r') || (n == 1 && ptr[0] == '\n')) {
            x->in_headers = false;
            long st = x->hop_status;
            x->discard_body = x->req->follow && x->has_location &&
                              (st == 301 || st == 302 || st == 303 || st == 307 || st == 308);
        }
    }
    if (x->req->on_header)
        net_redact_append(x->p, &x->hbuf, ptr, n);
    return n;
}

static int net__debug_cb(CURL *e, curl_infotype type, char *data, size_t size, void *ud)
{
    net_xfer *x = ud;
    char kind;
    switch (type) {
    case CURLINFO_TEXT: kind = '*'; break;
    case CURLINFO_HEADER_IN: kind = '<'; break;
    case CURLINFO_HEADER_OUT: kind = '>'; break;
    case CURLINFO_DATA_IN:
    case CURLINFO_DATA_OUT: {
        /* "[N bytes data]", as the curl tool prints when data is not shown */
        char line[64];
        int n = snprintf(line, sizeof line, "[%zu bytes data]\n", size);
        vbuf_addc(&x->vbuf_, type == CURLINFO_DATA_IN ? '{' : '}');
        vbuf_add(&x->vbuf_, line, (size_t)n);
        vbuf_addc(&x->vbuf_, 0);
        return 0;
    }
    default: return 0;
    }
    /* Records: kind, then the redacted text, then NUL (text has no NUL). */
    vbuf red;
    vbuf_init(&red, x->h);
    net_redact_append(x->p, &red, data, size);
    const char *s = red.data ? red.data : "";
    size_t n = red.len;
    /* One record per line, as the curl tool prints them. */
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t l = nl ? (size_t)(nl - s) + 1 : n;
        vbuf_addc(&x->vbuf_, kind);
        vbuf_add(&x->vbuf_, s, l);
        vbuf_addc(&x->vbuf_, 0);
        s += l;
        n -= l;
    }
    vbuf_free(&red);
    return 0;
}

static size_t net__read_cb(char *buf, size_t size, size_t nitems, void *ud)
{
    net_xfer *x = ud;
    size_t n = size * nitems, left = x->up_len - x->up_pos;
    if (n > left)
        n = left;
    memcpy(buf, x->up + x->up_pos, n);
    x->up_pos += n;
    return n;
}

static int net__sockaddr_to(const struct sockaddr *sa, net_addr *a)
{
    memset(a, 0, sizeof *a);
    if (sa->sa_family == AF_INET) {
        a->family = AF_INET;
        memcpy(a->b, &((const struct sockaddr_in *)sa)->sin_addr, 4);
        return 0;
    }
    if (sa->sa_family == AF_INET6) {
        a->family = AF_INET6;
        memcpy(a->b, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
        return 0;
    }
    return -1;
}

/* The last line of defence: only an address that passed the guard for this
 * hop gets a socket. */
static curl_socket_t net__opensocket_cb(void *ud, curlsocktype purpose, struct curl_sockaddr *sa)
{
    net_xfer *x = ud;
    net_addr a;
    if (purpose != CURLSOCKTYPE_IPCXN || net__sockaddr_to(&sa->addr, &a) != 0) {
        x->socket_refused = true;
        snprintf(x->refused_why, sizeof x->refused_why, "unsupported socket type");
        return CURL_SOCKET_BAD;
    }
    for (size_t i = 0; i < x->n_pinned; i++)
        if (x->pinned[i].family == a.family &&
            memcmp(x->pinned[i].b, a.b, a.family == AF_INET ? 4 : 16) == 0)
            return socket(sa->family, sa->socktype | SOCK_CLOEXEC, sa->protocol);
    char ab[64];
    x->socket_refused = true;
    snprintf(x->refused_why, sizeof x->refused_why, "address %s was not checked",
             net_addr_str(&a, ab));
    return CURL_SOCKET_BAD;
}

static int net__xferinfo_cb(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                            curl_off_t ulnow)
{
    net_xfer *x = ud;
    if (x->req->cancel && *x->req->cancel)
        return 1;
    if ((uint64_t)dlnow > x->cap) {
        x->over_cap = true;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ helpers */

static size_t net__resolve(vb_net_policy *p, const char *host, net_addr *out, size_t max)
{
    if (p->resolve) {
        vb_net_addr tmp[NET_MAX_ADDRS];
        size_t n = p->resolve(p->resolve_ud, host, tmp, max < NET_MAX_ADDRS ? max : NET_MAX_ADDRS);
        if (n > max)
            n = max;
        for (size_t i = 0; i < n; i++) {
            memset(&out[i], 0, sizeof out[i]);
            out[i].family = tmp[i].family == AF_INET6 ? AF_INET6 : AF_INET;
            memcpy(out[i].b, tmp[i].bytes, out[i].family == AF_INET ? 4 : 16);
        }
        return n;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res = NULL;
    if (getaddrinfo(host, NULL, &hints, &res) != 0)
        return 0;
    size_t n = 0;
    for (struct addrinfo *ai = res; ai && n < max; ai = ai->ai_next) {
        net_addr a;
        if (net__sockaddr_to(ai->ai_addr, &a) != 0)
            continue;
        bool dup = false;
        for (size_t i = 0; i < n; i++)
            if (memcmp(&out[i], &a, sizeof a) == 0)
                dup = true;
        if (!dup)
            out[n++] = a;
    }
    freeaddrinfo(res);
    return n;
}

static uint64_t net__now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static char *net__hstrdup(mem_heap *h, const char *s)
{
    return s ? mem_strdup(h, s) : NULL;
}

static bool net__hdr_named(const char *line, const char *name)
{
    size_t n = strlen(name);
    return strncasecmp(line, name, n) == 0 && (line[n] == ':' || line[n] == ';');
}

static int net__drain(net_xfer *x)
{
    net_req *q = x->req;
    if (x->vbuf_.len) {
        const char *s = x->vbuf_.data, *end = s + x->vbuf_.len;
        while (s < end) {
            size_t l = strlen(s + 1);
            if (q->on_verbose)
                q->on_verbose(q->ctx, s[0], s + 1, l);
            s += l + 2;
        }
        vbuf_clear(&x->vbuf_);
    }
    if (x->hbuf.len) {
        int rc = q->on_header ? q->on_header(q->ctx, x->hbuf.data, x->hbuf.len) : 0;
        vbuf_clear(&x->hbuf);
        if (rc < 0)
            return rc;
    }
    if (x->bbuf.len) {
        int rc = q->on_body ? q->on_body(q->ctx, x->bbuf.data, x->bbuf.len) : 0;
        vbuf_clear(&x->bbuf);
        if (rc < 0)
            return rc;
    }
    if (x->paused) {
        x->paused = false;
        curl_easy_pause(x->e, CURLPAUSE_CONT);
    }
    return 0;
}

/* Runs the easy handle to completion on a multi handle. */
static CURLcode net__run(net_xfer *x, CURLM *m)
{
    CURLcode res = CURLE_OK;
    bool done = false;
    curl_multi_add_handle(m, x->e);
    int running = 1;
    while (running) {
        if (curl_multi_perform(m, &running) != CURLM_OK) {
            res = CURLE_OUT_OF_MEMORY;
            break;
        }
        if (net__drain(x) < 0) {
            x->cb_error = 1;
            res = CURLE_WRITE_ERROR;
            break;
        }
        if (!running)
            break;
        if ((x->req->cancel && *x->req->cancel) ||
            (x->req->yield && x->req->yield(x->req->ctx) < 0)) {
            res = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        curl_multi_poll(m, NULL, 0, x->req->yield ? 20 : 50, NULL);
    }
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(m, &left)))
        if (msg->msg == CURLMSG_DONE && msg->easy_handle == x->e) {
            if (!done && res == CURLE_OK)
                res = msg->data.result;
            done = true;
        }
    curl_multi_remove_handle(m, x->e);
    if (!x->discard_body)
        vb_net_redactor_flush(x->red, net__to_vbuf, &x->bbuf);
    if (net__drain(x) < 0 && res == CURLE_OK) {
        x->cb_error = 1;
        res = CURLE_WRITE_ERROR;
    }
    return res;
}

static void net__fill_times(net_xfer *x, net_resp *r)
{
    CURL *e = x->e;
    curl_off_t t;
    if (curl_easy_getinfo(e, CURLINFO_NAMELOOKUP_TIME_T, &t) == CURLE_OK)
        r->time_namelookup = (double)t / 1e6;
    if (curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &t) == CURLE_OK)
        r->time_connect = (double)t / 1e6;
    if (curl_easy_getinfo(e, CURLINFO_APPCONNECT_TIME_T, &t) == CURLE_OK)
        r->time_appconnect = (double)t / 1e6;
    if (curl_easy_getinfo(e, CURLINFO_PRETRANSFER_TIME_T, &t) == CURLE_OK)
        r->time_pretransfer = (double)t / 1e6;
    if (curl_easy_getinfo(e, CURLINFO_STARTTRANSFER_TIME_T, &t) == CURLE_OK)
        r->time_starttransfer = (double)t / 1e6;
    curl_off_t v;
    if (curl_easy_getinfo(e, CURLINFO_SIZE_DOWNLOAD_T, &v) == CURLE_OK)
        r->size_download = (uint64_t)v;
    if (curl_easy_getinfo(e, CURLINFO_SIZE_UPLOAD_T, &v) == CURLE_OK)
        r->size_upload = (uint64_t)v;
    long l;
    if (curl_easy_getinfo(e, CURLINFO_HEADER_SIZE, &l) == CURLE_OK)
        r->size_header = (uint64_t)l;
    if (curl_easy_getinfo(e, CURLINFO_REQUEST_SIZE, &l) == CURLE_OK)
        r->size_request = (uint64_t)l;
    if (curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &l) == CURLE_OK)
        r->status = l;
    if (curl_easy_getinfo(e, CURLINFO_HTTP_VERSION, &l) == CURLE_OK)
        r->http_version = l;
    if (curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &l) == CURLE_OK)
        r->num_connects += l;
    char *s = NULL;
    if (curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK)
        r->content_type = net__hstrdup(x->h, s);
    s = NULL;
    if (curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &s) == CURLE_OK)
        r->redirect_url = net__hstrdup(x->h, s);
    s = NULL;
    if (curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &s) == CURLE_OK && s)
        snprintf(r->remote_ip, sizeof r->remote_ip, "%s", s);
    s = NULL;
    if (curl_easy_getinfo(e, CURLINFO_LOCAL_IP, &s) == CURLE_OK && s)
        snprintf(r->local_ip, sizeof r->local_ip, "%s", s);
    curl_easy_getinfo(e, CURLINFO_PRIMARY_PORT, &r->remote_port);
    curl_easy_getinfo(e, CURLINFO_LOCAL_PORT, &r->local_port);
}

static void net__set_msg(net_resp *r, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void net__set_msg(net_resp *r, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->msg, sizeof r->msg, fmt, ap);
    va_end(ap);
    r->code = code;
}

typedef struct net_url {
    char *scheme, *host, *path, *query;
    int port;
} net_url;

/* Parses an absolute URL. 0, or -1 with resp set (code 3). */
static int net__parse_url(net_xfer *x, const char *url, net_url *u)
{
    CURLU *h = curl_url();
    if (!h)
        return -1;
    int rc = -1;
    char *scheme = NULL, *host = NULL, *port = NULL, *path = NULL, *query = NULL;
    CURLUcode uc = curl_url_set(h, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
    if (uc != CURLUE_OK) {
        net__set_msg(x->resp, 3, "URL using bad/illegal format or missing URL");
        goto out;
    }
    if (curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) {
        net__set_msg(x->resp, 3, "URL using bad/illegal format or missing URL");
        goto out;
    }
    if (strcasecmp(scheme, "http") != 0 && strcasecmp(scheme, "https") != 0) {
        net__set_msg(x->resp, 1, "Protocol \"%s\" not supported or disabled in libcurl", scheme);
        goto out;
    }
    if (curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
        net__set_msg(x->resp, 3, "URL using bad/illegal format or missing URL");
        goto out;
    }
    curl_url_get(h, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
    curl_url_get(h, CURLUPART_PATH, &path, 0);
    curl_url_get(h, CURLUPART_QUERY, &query, 0);
    u->scheme = mem_strdup(x->h, scheme);
    for (char *c = u->scheme; c && *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    /* IPv6 literals come back as "[::1]": the policy sees "::1". */
    size_t hl = strlen(host);
    if (hl >= 2 && host[0] == '[')
        u->host = mem_strndup(x->h, host + 1, hl - 2);
    else
        u->host = mem_strdup(x->h, host);
    for (char *c = u->host; c && *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    hl = u->host ? strlen(u->host) : 0;
    if (hl > 1 && u->host[hl - 1] == '.')
        u->host[hl - 1] = 0;
    u->port = port ? atoi(port) : 0;
    u->path = mem_strdup(x->h, path ? path : "/");
    u->query = query ? mem_strdup(x->h, query) : NULL;
    rc = u->scheme && u->host && u->path ? 0 : -1;
out:
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_free(path);
    curl_free(query);
    curl_url_cleanup(h);
    return rc;
}

static void net__audit_hop(net_xfer *x, const vb_net_request_info *q, const char *query,
                           const char *decision, const char *by, uint64_t t0, const char *err)
{
    net_resp *r = x->resp;
    net_audit_rec rec = {
        .req = q, .query = query, .decision = decision, .by = by,
        .status = strcmp(decision, "allow") == 0 ? r->status : 0,
        .bytes_in = strcmp(decision, "allow") == 0 ? r->size_download + r->size_header : 0,
        .bytes_out = strcmp(decision, "allow") == 0 ? r->size_upload + r->size_request : 0,
        .duration_ms = net__now_ms() - t0,
        .error = err,
    };
    net_audit(x->p, &rec);
}

/* ------------------------------------------------------------ a request */

static curl_mime *net__build_mime(CURL *e, const net_req *q)
{
    curl_mime *m = curl_mime_init(e);
    if (!m)
        return NULL;
    for (size_t i = 0; i < q->n_parts; i++) {
        const net_form_part *fp = &q->parts[i];
        curl_mimepart *part = curl_mime_addpart(m);
        if (!part)
            break;
        curl_mime_name(part, fp->name);
        curl_mime_data(part, fp->data, fp->len);
        if (fp->filename)
            curl_mime_filename(part, fp->filename);
        if (fp->type)
            curl_mime_type(part, fp->type);
    }
    return m;
}

int net_http_perform(vb_net_policy *p, net_req *q, net_resp *r)
{
    memset(r, 0, sizeof *r);
    pthread_once(&net__once, net__global_init);
    mem_heap *h = q->heap;
    if (net__init_rc != 0) {
        net__set_msg(r, 2, "Failed initialization (%s not available)", NET_CURL_SONAME);
        return r->code;
    }
    vb_net_limits lim;
    net_policy_limits(p, &lim);
    if (q->insecure && !p->insecure_ok) {
        net__set_msg(r, 56, "vbash: insecure TLS (-k) is not allowed by the network policy");
        r->policy_denied = true;
        return r->code;
    }
    uint64_t body_total = q->body_len;
    for (size_t i = 0; i < q->n_parts; i++)
        body_total += q->parts[i].len;
    if (body_total > lim.max_request_bytes) {
        net__set_msg(r, 25, "vbash: request body of %llu bytes exceeds the policy's cap of %llu bytes",
                     (unsigned long long)body_total, (unsigned long long)lim.max_request_bytes);
        r->policy_denied = true;
        return r->code;
    }
    long max_redirs = q->max_redirs < 0 || (uint64_t)q->max_redirs > lim.max_redirects
                          ? (long)lim.max_redirects
                          : q->max_redirs;
    uint64_t total_ms = q->timeout_ms && q->timeout_ms < lim.total_timeout_ms ? q->timeout_ms
                                                                               : lim.total_timeout_ms;
    uint64_t conn_ms = q->connect_timeout_ms && q->connect_timeout_ms < lim.connect_timeout_ms
                           ? q->connect_timeout_ms
                           : lim.connect_timeout_ms;
    uint64_t start = net__now_ms(), deadline = start + total_ms;

    net_xfer x = {.p = p, .req = q, .resp = r, .h = h, .cap = lim.max_response_bytes};
    vbuf_init(&x.hbuf, h);
    vbuf_init(&x.bbuf, h);
    vbuf_init(&x.vbuf_, h);
    x.red = vb_net_redactor_new(p);
    x.e = curl_easy_init();
    CURLM *m = curl_multi_init();
    struct curl_slist *resolve = NULL, *hdrs = NULL;
    curl_mime *mime = NULL;
    char errbuf[CURL_ERROR_SIZE];
    if (!x.red || !x.e || !m) {
        net__set_msg(r, 27, "Out of memory");
        goto done;
    }
    CURL *e = x.e;
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_PROXY, "");
    curl_easy_setopt(e, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, net__opensocket_cb);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &x);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, net__write_cb);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &x);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, net__header_cb);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &x);
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, net__xferinfo_cb);
    curl_easy_setopt(e, CURLOPT_XFERINFODATA, &x);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim.max_response_bytes);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)conn_ms);
    if (q->verbose) {
        curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
        curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, net__debug_cb);
        curl_easy_setopt(e, CURLOPT_DEBUGDATA, &x);
    }
    if (q->insecure) {
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (q->compressed)
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    if (q->user_agent)
        curl_easy_setopt(e, CURLOPT_USERAGENT, q->user_agent);
    if (q->referer)
        curl_easy_setopt(e, CURLOPT_REFERER, q->referer);
    if (q->cookie)
        curl_easy_setopt(e, CURLOPT_COOKIE, q->cookie);
    if (q->cookie_engine) {
        curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");
        if (q->cookie_load) {
            const char *s = q->cookie_load;
            while (*s) {
                const char *nl = strchr(s, '\n');
                size_t l = nl ? (size_t)(nl - s) : strlen(s);
                char *line = mem_strndup(h, s, l);
                if (line && l && line[l - 1] == '\r')
                    line[l - 1] = 0;
                if (line && *line && (line[0] != '#' || strncmp(line, "#HttpOnly_", 10) == 0))
                    curl_easy_setopt(e, CURLOPT_COOKIELIST, line);
                s += l + (nl ? 1 : 0);
            }
        }
    }
    if (q->resume && q->resume_from)
        curl_easy_setopt(e, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)q->resume_from);

    char *url = mem_strdup(h, q->url);
    const char *method = q->method;
    bool send_body = q->has_body || q->n_parts || q->upload_put;
    bool nobody = q->nobody;
    net_url first = {0};
    for (long hop = 0;; hop++) {
        uint64_t t0 = net__now_ms();
        errbuf[0] = 0;
        net_url u = {0};
        if (!url || net__parse_url(&x, url, &u) != 0) {
            if (!r->code)
                net__set_msg(r, 3, "URL using bad/illegal format or missing URL");
            break;
        }
        if (strcmp(u.scheme, "http") != 0 && strcmp(u.scheme, "https") != 0) {
            net__set_msg(r, 1, "Protocol \"%s\" not supported or disabled in libcurl", u.scheme);
            break;
        }
        if (hop == 0)
            first = u;
        const char *meth = method ? method
                           : nobody   ? "HEAD"
                           : q->upload_put ? "PUT"
                           : send_body     ? "POST"
                                           : "GET";
        vb_net_request_info info = {
            .method = meth, .scheme = u.scheme, .host = u.host, .port = u.port,
            .path = u.path,
            .session_id = q->session_id ? q->session_id : (p->session_id ? p->session_id : ""),
        };
        if (!net_policy_count_request(p)) {
            net__set_msg(r, 56, "vbash: egress to %s denied: the session's limit of %llu requests is reached",
                         u.host, (unsigned long long)lim.max_requests);
            r->policy_denied = true;
            net__audit_hop(&x, &info, u.query, "deny", "request limit", t0, NULL);
            break;
        }
        net_verdict v;
        net_policy_decide(p, &info, q->cancel, &v);
        if (v.verdict != VB_NET_ALLOW) {
            const char *by = v.by;
            if (strncmp(by, "rule ", 5) == 0)
                net__set_msg(r, 56, "vbash: egress to %s denied by rule %s", u.host, by + 5);
            else if (strncmp(by, "default", 7) == 0)
                net__set_msg(r, 56, "vbash: egress to %s denied by default (no rule allows it)",
                             u.host);
            else
                net__set_msg(r, 56, "vbash: egress to %s denied by %s", u.host, by);
            r->policy_denied = true;
            net__audit_hop(&x, &info, u.query, "deny", by, t0, NULL);
            break;
        }
        /* Resolve once, check every address, pin the ones that pass. */
        net_addr addrs[NET_MAX_ADDRS];
        size_t n_addrs;
        net_addr lit;
        bool literal = net_addr_parse(u.host, &lit) == 0;
        if (literal) {
            addrs[0] = lit;
            n_addrs = 1;
        } else {
            n_addrs = net__resolve(p, u.host, addrs, NET_MAX_ADDRS);
        }
        if (!n_addrs) {
            net__set_msg(r, 6, "Could not resolve host: %s", u.host);
            net__audit_hop(&x, &info, u.query, "error", v.by, t0, "could not resolve host");
            break;
        }
        x.n_pinned = 0;
        char why[192] = "";
        for (size_t i = 0; i < n_addrs; i++) {
            char w[192];
            if (net_guard_check(p, u.scheme, u.port, u.path, &addrs[i], w, sizeof w))
                x.pinned[x.n_pinned++] = addrs[i];
            else if (!why[0])
                snprintf(why, sizeof why, "%s", w);
        }
        if (!x.n_pinned) {
            net__set_msg(r, 7, "vbash: egress to %s denied: %s", u.host, why);
            r->policy_denied = true;
            net__audit_hop(&x, &info, u.query, "deny", why, t0, NULL);
            break;
        }
        if (!literal) {
            vbuf ent;
            vbuf_init(&ent, h);
            vbuf_printf(&ent, "%s:%d:", u.host, u.port);
            for (size_t i = 0; i < x.n_pinned; i++) {
                char ab[64];
                net_addr_str(&x.pinned[i], ab);
                if (i)
                    vbuf_addc(&ent, ',');
                if (x.pinned[i].family == AF_INET6)
                    vbuf_printf(&ent, "[%s]", ab);
                else
                    vbuf_adds(&ent, ab);
            }
            struct curl_slist *nr = curl_slist_append(resolve, vbuf_str(&ent));
            if (nr)
                resolve = nr;
            curl_easy_setopt(e, CURLOPT_RESOLVE, resolve);
        }
        /* Headers: credentials stay with the first host; secrets go where
         * the policy says. */
        bool same_origin = strcmp(u.host, first.host) == 0 && u.port == first.port &&
                           strcmp(u.scheme, first.scheme) == 0;
        size_t sec_idx[16];
        size_t n_sec = net_secrets_for(p, u.scheme, u.host, sec_idx, 16);
        curl_slist_free_all(hdrs);
        hdrs = NULL;
        for (size_t i = 0; i < q->n_headers; i++) {
            const char *hl = q->headers[i];
            if (!same_origin && (net__hdr_named(hl, "authorization") || net__hdr_named(hl, "cookie")))
                continue;
            bool replaced = false;
            for (size_t k = 0; k < n_sec; k++)
                if (net__hdr_named(hl, p->secrets[sec_idx[k]].header))
                    replaced = true;
            if (replaced)
                continue;
            struct curl_slist *nh = curl_slist_append(hdrs, hl);
            if (nh)
                hdrs = nh;
        }
        for (size_t k = 0; k < n_sec; k++) {
            char *sh = net_secret_header(h, &p->secrets[sec_idx[k]]);
            struct curl_slist *nh = sh ? curl_slist_append(hdrs, sh) : NULL;
            if (sh) {
                explicit_bzero(sh, strlen(sh));
                mem_free(h, sh);
            }
            if (nh)
                hdrs = nh;
        }
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdrs);
        curl_easy_setopt(e, CURLOPT_USERPWD, same_origin ? q->userpwd : NULL);
        if (q->userpwd && same_origin)
            curl_easy_setopt(e, CURLOPT_HTTPAUTH,
                             q->auth_on_challenge ? (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST)
                                                  : (long)CURLAUTH_BASIC);
        curl_easy_setopt(e, CURLOPT_URL, url);
        /* Method and body of this hop. */
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, NULL);
        if (nobody)
            curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
        if (send_body) {
            if (q->upload_put) {
                x.up = q->body;
                x.up_len = q->body_len;
                x.up_pos = 0;
                curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
                curl_easy_setopt(e, CURLOPT_READFUNCTION, net__read_cb);
                curl_easy_setopt(e, CURLOPT_READDATA, &x);
                curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE,
                                 q->upload_chunked ? (curl_off_t)-1 : (curl_off_t)q->body_len);
            } else if (q->n_parts) {
                if (!mime)
                    mime = net__build_mime(e, q);
                curl_easy_setopt(e, CURLOPT_MIMEPOST, mime);
            } else {
                curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)q->body_len);
                curl_easy_setopt(e, CURLOPT_POSTFIELDS, q->body ? q->body : "");
            }
        }
        if (method && (q->method_custom || (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)))
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(e, CURLOPT_FAILONERROR, q->fail_on_error ? 1L : 0L);
        uint64_t now = net__now_ms();
        if (now >= deadline) {
            net__set_msg(r, 28, "Operation timed out after %llu milliseconds with 0 bytes received",
                         (unsigned long long)(now - start));
            break;
        }
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(deadline - now));
        x.body_hop = 0;
        x.discard_body = false;
        x.in_headers = false;
        net__hdr_reset(&x);
        x.hdr_bytes = 0;
        x.hdr_over = false;
        x.socket_refused = false;
        long prev_connects = r->num_connects;
        CURLcode cc = net__run(&x, m);
        r->num_connects = prev_connects;
        net__fill_times(&x, r);
        r->effective_url = url;
        r->method = mem_strdup(h, meth);
        r->scheme = u.scheme;
        if (cc != CURLE_OK) {
            if (x.hdr_over) {
                net__set_msg(r, 56, "vbash: response headers exceed %d bytes", NET_MAX_HEADER_BYTES);
                r->policy_denied = true;
            } else if (x.over_cap || cc == CURLE_FILESIZE_EXCEEDED) {
                net__set_msg(r, 63, "vbash: response exceeds the policy's cap of %llu bytes",
                             (unsigned long long)lim.max_response_bytes);
                r->policy_denied = true;
            } else if (x.socket_refused) {
                net__set_msg(r, 7, "vbash: egress to %s denied: %s", u.host, x.refused_why);
                r->policy_denied = true;
            } else if (cc == CURLE_ABORTED_BY_CALLBACK) {
                net__set_msg(r, 42, "vbash: the transfer was cancelled");
            } else if (x.cb_error) {
                net__set_msg(r, 23, "Failure writing output to destination");
            } else {
                net__set_msg(r, (int)cc, "%s", errbuf[0] ? errbuf : curl_easy_strerror(cc));
            }
            net__audit_hop(&x, &info, u.query, "allow", v.by, t0, r->msg);
            break;
        }
        net__audit_hop(&x, &info, u.query, "allow", v.by, t0, NULL);
        long st = r->status;
        bool redirect = st == 301 || st == 302 || st == 303 || st == 307 || st == 308;
        if (!(q->follow && redirect && r->redirect_url))
            break;
        if (hop >= max_redirs) {
            net__set_msg(r, 47, "Maximum (%ld) redirects followed", max_redirs);
            break;
        }
        /* What the next hop sends, as libcurl would decide. */
        if (!q->method_custom) {
            bool was_post = send_body && !q->upload_put;
            if ((st == 303 && !nobody) || ((st == 301 || st == 302) && was_post)) {
                send_body = false;
                method = NULL;
            }
        }
        url = r->redirect_url;
        r->redirect_url = NULL;
        r->num_redirects++;
    }
    /* The final hop's header lines for %header{} and wget -S. */
    r->hdrs = x.hdrs;
    r->n_hdrs = x.n_hdrs;
    if (q->cookie_engine) {
        struct curl_slist *cl = NULL;
        if (curl_easy_getinfo(e, CURLINFO_COOKIELIST, &cl) == CURLE_OK && cl) {
            vbuf cb;
            vbuf_init(&cb, h);
            for (struct curl_slist *c = cl; c; c = c->next) {
                vbuf_adds(&cb, c->data);
                vbuf_addc(&cb, '\n');
            }
            curl_slist_free_all(cl);
            r->cookies = vbuf_take(&cb, NULL);
        }
    }
    r->time_total = (double)(net__now_ms() - start) / 1000.0;
done:
    if (x.e)
        curl_easy_cleanup(x.e);
    if (mime)
        curl_mime_free(mime);
    if (m)
        curl_multi_cleanup(m);
    curl_slist_free_all(resolve);
    curl_slist_free_all(hdrs);
    vb_net_redactor_free(x.red);
    vbuf_free(&x.hbuf);
    vbuf_free(&x.bbuf);
    vbuf_free(&x.vbuf_);
    return r->code;
}

/* ------------------------------------------------------------ check */

int vb_net_policy_check(vb_net_policy *p, const char *method, const char *url, char *why,
                        size_t why_size)
{
    mem_heap *h = mem_heap_new(0);
    if (!h)
        return VB_NET_DENY;
    net_resp r = {0};
    net_req q = {.heap = h};
    net_xfer x = {.p = p, .req = &q, .resp = &r, .h = h};
    net_url u;
    int verdict = VB_NET_DENY;
    pthread_once(&net__once, net__global_init);
    if (net__init_rc != 0) {
        if (why)
            snprintf(why, why_size, "%s not available", NET_CURL_SONAME);
    } else if (net__parse_url(&x, url, &u) != 0) {
        if (why)
            snprintf(why, why_size, "bad URL");
    } else {
        vb_net_request_info info = {
            .method = method ? method : "GET", .scheme = u.scheme, .host = u.host,
            .port = u.port, .path = u.path, .session_id = p->session_id ? p->session_id : "",
        };
        net_verdict v;
        net_policy_decide(p, &info, NULL, &v);
        verdict = v.verdict;
        if (why)
            snprintf(why, why_size, "%s", v.by);
    }
    mem_heap_destroy(h);
    return verdict;
}
