/*
 * The egress policy: ordered allow/deny rules, host globs, the decide
 * callback (timeout + cache), limits and the configuration API.
 *
 * A policy outlives sessions and may be shared between threads, so it lives
 * on the process-wide allocator (mem_shared_*), and its mutable parts (the
 * decide cache, the request counter, the audit sink) are behind p->lock.
 */
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "net/net_int.h"

/* ------------------------------------------------------------ small helpers */

static char *net__strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *d = mem_shared_alloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

static char *net__strndup(const char *s, size_t n)
{
    char *d = mem_shared_alloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

static void net__lower(char *s)
{
    for (; s && *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static vb_status net__fail(vb_net_policy *p, vb_status rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static vb_status net__fail(vb_net_policy *p, vb_status rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err, sizeof p->err, fmt, ap);
    va_end(ap);
    return rc;
}

/* ------------------------------------------------------------ lifecycle */

vb_status vb_net_policy_new(vb_net_policy **out)
{
    *out = NULL;
    vb_net_policy *p = mem_shared_calloc(1, sizeof *p);
    if (!p)
        return VB_ENOMEM;
    p->default_verdict = VB_NET_DENY;
    p->decide_timeout_ms = 5000;
    pthread_mutex_init(&p->lock, NULL);
    *out = p;
    return VB_OK;
}

static void net__rule_free(net_rule *r)
{
    mem_shared_free(r->text);
    mem_shared_free(r->scheme);
    mem_shared_free(r->host);
    mem_shared_free(r->path);
}

static void net__secret_free(net_secret *s)
{
    mem_shared_free(s->name);
    if (s->value) {
        explicit_bzero(s->value, s->len);
        mem_shared_free(s->value);
    }
    for (size_t i = 0; i < s->n_hosts; i++)
        mem_shared_free(s->hosts[i]);
    mem_shared_free(s->hosts);
    mem_shared_free(s->header);
    mem_shared_free(s->format);
}

void vb_net_policy_free(vb_net_policy *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_rules; i++)
        net__rule_free(&p->rules[i]);
    mem_shared_free(p->rules);
    for (size_t i = 0; i < p->n_secrets; i++)
        net__secret_free(&p->secrets[i]);
    mem_shared_free(p->secrets);
    for (size_t i = 0; i < p->n_cache; i++)
        mem_shared_free(p->cache[i].key);
    mem_shared_free(p->cache);
    if (p->audit_file)
        fclose(p->audit_file);
    mem_shared_free(p->audit_path);
    mem_shared_free(p->session_id);
    pthread_mutex_destroy(&p->lock);
    mem_shared_free(p);
}

const char *vb_net_policy_error(const vb_net_policy *p)
{
    return p ? p->err : "";
}

void vb_net_policy_set_default(vb_net_policy *p, int verdict)
{
    p->default_verdict = verdict == VB_NET_ALLOW ? VB_NET_ALLOW : VB_NET_DENY;
}

void vb_net_policy_set_decider(vb_net_policy *p, vb_net_decide_fn fn, void *ud,
                               uint32_t timeout_ms)
{
    p->decide = fn;
    p->decide_ud = ud;
    p->decide_timeout_ms = timeout_ms ? timeout_ms : 5000;
}

void vb_net_policy_set_limits(vb_net_policy *p, const vb_net_limits *l)
{
    if (l->max_request_bytes)
        p->limits.max_request_bytes = l->max_request_bytes;
    if (l->max_response_bytes)
        p->limits.max_response_bytes = l->max_response_bytes;
    if (l->connect_timeout_ms)
        p->limits.connect_timeout_ms = l->connect_timeout_ms;
    if (l->total_timeout_ms)
        p->limits.total_timeout_ms = l->total_timeout_ms;
    if (l->max_requests)
        p->limits.max_requests = l->max_requests;
    if (l->max_redirects)
        p->limits.max_redirects = l->max_redirects;
}

void net_policy_limits(const vb_net_policy *p, vb_net_limits *o)
{
    *o = p->limits;
    if (!o->max_request_bytes)
        o->max_request_bytes = 64u << 20;
    if (!o->max_response_bytes)
        o->max_response_bytes = 1u << 30;
    if (!o->connect_timeout_ms)
        o->connect_timeout_ms = 30000;
    if (!o->total_timeout_ms)
        o->total_timeout_ms = 600000;
    if (!o->max_redirects)
        o->max_redirects = 20;
}

void vb_net_policy_get_limits(const vb_net_policy *p, vb_net_limits *out)
{
    net_policy_limits(p, out);
}

void vb_net_policy_allow_insecure_tls(vb_net_policy *p, int allow)
{
    p->insecure_ok = allow != 0;
}

void vb_net_policy_set_resolver(vb_net_policy *p, vb_net_resolve_fn fn, void *ud)
{
    p->resolve = fn;
    p->resolve_ud = ud;
}

vb_status vb_net_policy_set_session_id(vb_net_policy *p, const char *id)
{
    char *d = net__strdup(id ? id : "");
    if (!d)
        return VB_ENOMEM;
    mem_shared_free(p->session_id);
    p->session_id = d;
    return VB_OK;
}

vb_status vb_net_policy_set_audit_file(vb_net_policy *p, const char *path)
{
    pthread_mutex_lock(&p->lock);
    if (p->audit_file)
        fclose(p->audit_file);
    p->audit_file = NULL;
    mem_shared_free(p->audit_path);
    p->audit_path = NULL;
    vb_status rc = VB_OK;
    if (path) {
        p->audit_file = fopen(path, "ae");
        if (!p->audit_file)
            rc = net__fail(p, -errno, "cannot open audit file %s: %s", path, strerror(errno));
        else
            p->audit_path = net__strdup(path);
    }
    pthread_mutex_unlock(&p->lock);
    return rc;
}

void vb_net_policy_set_audit_callback(vb_net_policy *p, vb_net_audit_fn fn, void *ud)
{
    p->audit_fn = fn;
    p->audit_ud = ud;
}

/* ------------------------------------------------------------ rules */

static int net__grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 8;
    void *na = mem_shared_realloc(*arr, nc * elem);
    if (!na)
        return -1;
    *arr = na;
    *cap = nc;
    return 0;
}

static bool net__valid_glob(const char *h)
{
    if (!*h)
        return false;
    for (const char *c = h; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '-' || *c == '.' || *c == '*' || *c == '_'))
            return false;
    return strstr(h, "..") == NULL;
}

/* Parses PATTERN into r (allow already set). */
static vb_status net__parse_pattern(vb_net_policy *p, const char *pat, net_rule *r)
{
    const char *s = pat;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return net__fail(p, VB_EINVAL, "empty network rule");
    const char *sep = strstr(s, "://");
    if (sep) {
        r->scheme = net__strndup(s, (size_t)(sep - s));
        net__lower(r->scheme);
        if (!r->scheme || (strcmp(r->scheme, "http") != 0 && strcmp(r->scheme, "https") != 0))
            return net__fail(p, VB_EINVAL, "%s: only http and https are supported", pat);
        s = sep + 3;
    }
    /* Host part. */
    const char *hend;
    char host[256];
    if (*s == '[') {
        hend = strchr(s, ']');
        if (!hend)
            return net__fail(p, VB_EINVAL, "%s: unterminated [", pat);
        hend++;
    } else {
        /* A bare IPv6 literal or CIDR has two colons or more. */
        const char *c1 = strchr(s, ':');
        if (c1 && strchr(c1 + 1, ':')) {
            hend = s + strcspn(s, "/");
        } else {
            hend = s + strcspn(s, ":/");
        }
    }
    size_t hl = (size_t)(hend - s);
    if (hl == 0 || hl >= sizeof host)
        return net__fail(p, VB_EINVAL, "%s: bad host", pat);
    memcpy(host, s, hl);
    host[hl] = 0;
    s = hend;
    net_addr a;
    if (net_addr_parse(host, &a) == 0) {
        r->is_addr = true;
        r->addr = a;
        r->prefix = a.family == AF_INET ? 32 : 128;
        if (*s == '/' && isdigit((unsigned char)s[1])) {
            char *end;
            long pl = strtol(s + 1, &end, 10);
            if (*end == 0 || *end == ':' || *end == '/') {
                if (pl < 0 || pl > r->prefix)
                    return net__fail(p, VB_EINVAL, "%s: bad prefix length", pat);
                r->prefix = (int)pl;
                s = end;
            }
        }
    } else {
        net__lower(host);
        if (host[hl - 1] == '.')
            host[hl - 1] = 0;
        if (!net__valid_glob(host))
            return net__fail(p, VB_EINVAL, "%s: bad host pattern", pat);
        r->host = net__strdup(host);
        if (!r->host)
            return VB_ENOMEM;
    }
    if (*s == ':') {
        s++;
        if (*s == '*') {
            s++;
        } else {
            char *end;
            long port = strtol(s, &end, 10);
            if (end == s || port < 1 || port > 65535)
                return net__fail(p, VB_EINVAL, "%s: bad port", pat);
            r->port = (int)port;
            s = end;
        }
    }
    if (*s == '/') {
        r->path = net__strdup(s);
        if (!r->path)
            return VB_ENOMEM;
    } else if (*s) {
        return net__fail(p, VB_EINVAL, "%s: unexpected '%s'", pat, s);
    }
    return VB_OK;
}

/* Inserts a rule at position pos (n_rules = append). */
static vb_status net__add_rule_at(vb_net_policy *p, bool allow, const char *pattern, size_t pos)
{
    net_rule r = {.allow = allow};
    vb_status rc = net__parse_pattern(p, pattern, &r);
    if (rc != VB_OK) {
        net__rule_free(&r);
        return rc;
    }
    const char *t = pattern;
    while (*t == ' ' || *t == '\t')
        t++;
    size_t tl = strlen(t);
    r.text = mem_shared_alloc(tl + 8);
    if (!r.text || net__grow((void **)&p->rules, &p->cap_rules, p->n_rules, sizeof *p->rules)) {
        net__rule_free(&r);
        return VB_ENOMEM;
    }
    snprintf(r.text, tl + 8, "%s:%s", allow ? "allow" : "deny", t);
    if (pos > p->n_rules)
        pos = p->n_rules;
    memmove(&p->rules[pos + 1], &p->rules[pos], (p->n_rules - pos) * sizeof *p->rules);
    p->rules[pos] = r;
    p->n_rules++;
    return VB_OK;
}

vb_status vb_net_policy_add_rule(vb_net_policy *p, const char *rule)
{
    bool allow;
    if (strncmp(rule, "allow", 5) == 0 && (rule[5] == ' ' || rule[5] == ':' || rule[5] == '\t')) {
        allow = true;
        rule += 6;
    } else if (strncmp(rule, "deny", 4) == 0 &&
               (rule[4] == ' ' || rule[4] == ':' || rule[4] == '\t')) {
        allow = false;
        rule += 5;
    } else {
        return net__fail(p, VB_EINVAL, "%s: a rule starts with allow or deny", rule);
    }
    return net__add_rule_at(p, allow, rule, p->n_rules);
}

vb_status vb_net_policy_allow(vb_net_policy *p, const char *pattern)
{
    return net__add_rule_at(p, true, pattern, p->n_rules);
}

vb_status vb_net_policy_deny(vb_net_policy *p, const char *pattern)
{
    return net__add_rule_at(p, false, pattern, p->n_rules);
}

/* ------------------------------------------------------------ globs */

/* Matches pattern labels [pi..) against host labels [hi..). */
static bool net__labels_match(char **pl, size_t np, size_t pi, char **hl, size_t nh, size_t hi)
{
    if (pi == np)
        return hi == nh;
    if (strcmp(pl[pi], "**") == 0) {
        /* one or more labels */
        for (size_t k = hi + 1; k <= nh; k++)
            if (net__labels_match(pl, np, pi + 1, hl, nh, k))
                return true;
        return false;
    }
    if (hi == nh)
        return false;
    if (fnmatch(pl[pi], hl[hi], 0) != 0)
        return false;
    return net__labels_match(pl, np, pi + 1, hl, nh, hi + 1);
}

static size_t net__split(char *s, char **out, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *t = strtok_r(s, ".", &save); t && n < max; t = strtok_r(NULL, ".", &save))
        out[n++] = t;
    return n;
}

bool net_host_match(const char *pattern, const char *host)
{
    char pb[256], hb[256];
    char *pl[128], *hl[128];
    if (strlen(pattern) >= sizeof pb || strlen(host) >= sizeof hb)
        return false;
    strcpy(pb, pattern);
    strcpy(hb, host);
    size_t hlen = strlen(hb);
    if (hlen && hb[hlen - 1] == '.')
        hb[hlen - 1] = 0;
    size_t np = net__split(pb, pl, 128), nh = net__split(hb, hl, 128);
    if (!np || !nh)
        return false;
    return net__labels_match(pl, np, 0, hl, nh, 0);
}

/* ------------------------------------------------------------ deciding */

static bool net__rule_matches(const net_rule *r, const vb_net_request_info *q, const net_addr *lit)
{
    if (r->scheme && strcmp(r->scheme, q->scheme) != 0)
        return false;
    if (r->port && r->port != q->port)
        return false;
    if (r->path && strncmp(q->path, r->path, strlen(r->path)) != 0)
        return false;
    if (r->is_addr)
        return lit && net_addr_in(lit, &r->addr, r->prefix);
    return net_host_match(r->host, q->host);
}

typedef struct net_decide_job {
    atomic_int refs;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool done;
    int verdict;
    vb_net_decide_fn fn;
    void *ud;
    char *method, *scheme, *host, *path, *sid;
    int port;
} net_decide_job;

static void net__job_unref(net_decide_job *j)
{
    if (atomic_fetch_sub(&j->refs, 1) != 1)
        return;
    pthread_mutex_destroy(&j->mu);
    pthread_cond_destroy(&j->cv);
    mem_shared_free(j->method);
    mem_shared_free(j->scheme);
    mem_shared_free(j->host);
    mem_shared_free(j->path);
    mem_shared_free(j->sid);
    mem_shared_free(j);
}

static void *net__decide_thread(void *arg)
{
    net_decide_job *j = arg;
    vb_net_request_info q = {
        .method = j->method, .scheme = j->scheme, .host = j->host,
        .port = j->port, .path = j->path, .session_id = j->sid,
    };
    int v = j->fn(j->ud, &q);
    pthread_mutex_lock(&j->mu);
    j->verdict = v == VB_NET_ALLOW ? VB_NET_ALLOW : VB_NET_DENY;
    j->done = true;
    pthread_cond_signal(&j->cv);
    pthread_mutex_unlock(&j->mu);
    net__job_unref(j);
    return NULL;
}

/* Runs the decider with a timeout: 1 answered (*verdict), 0 timed out,
 * -1 cancelled or could not run. */
static int net__run_decider(vb_net_policy *p, const vb_net_request_info *q,
                            const volatile int *cancel, int *verdict)
{
    net_decide_job *j = mem_shared_calloc(1, sizeof *j);
    if (!j)
        return -1;
    atomic_init(&j->refs, 2);
    pthread_mutex_init(&j->mu, NULL);
    pthread_cond_init(&j->cv, NULL);
    j->fn = p->decide;
    j->ud = p->decide_ud;
    j->method = net__strdup(q->method);
    j->scheme = net__strdup(q->scheme);
    j->host = net__strdup(q->host);
    j->path = net__strdup(q->path);
    j->sid = net__strdup(q->session_id ? q->session_id : "");
    j->port = q->port;
    pthread_t th;
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
    if (!j->method || !j->scheme || !j->host || !j->path || !j->sid ||
        pthread_create(&th, &at, net__decide_thread, j) != 0) {
        pthread_attr_destroy(&at);
        atomic_store(&j->refs, 1);
        net__job_unref(j);
        return -1;
    }
    pthread_attr_destroy(&at);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    uint64_t left = p->decide_timeout_ms;
    int rc = 0;
    pthread_mutex_lock(&j->mu);
    while (!j->done) {
        if (cancel && *cancel) {
            rc = -1;
            break;
        }
        if (left == 0)
            break;
        uint64_t slice = left < 50 ? left : 50;
        left -= slice;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_nsec += (long)(slice * 1000000);
        deadline.tv_sec += deadline.tv_nsec / 1000000000;
        deadline.tv_nsec %= 1000000000;
        pthread_cond_timedwait(&j->cv, &j->mu, &deadline);
    }
    if (j->done) {
        *verdict = j->verdict;
        rc = 1;
    }
    pthread_mutex_unlock(&j->mu);
    net__job_unref(j);
    return rc;
}

static int net__cache_get(vb_net_policy *p, const char *key)
{
    int v = -1;
    pthread_mutex_lock(&p->lock);
    for (size_t i = 0; i < p->n_cache; i++)
        if (strcmp(p->cache[i].key, key) == 0) {
            v = p->cache[i].verdict;
            break;
        }
    pthread_mutex_unlock(&p->lock);
    return v;
}

static void net__cache_put(vb_net_policy *p, const char *key, int verdict)
{
    pthread_mutex_lock(&p->lock);
    if (p->n_cache < 4096 &&
        net__grow((void **)&p->cache, &p->cap_cache, p->n_cache, sizeof *p->cache) == 0) {
        char *k = net__strdup(key);
        if (k)
            p->cache[p->n_cache++] = (net_cache_ent){k, verdict};
    }
    pthread_mutex_unlock(&p->lock);
}

void net_policy_decide(vb_net_policy *p, const vb_net_request_info *q,
                       const volatile int *cancel, net_verdict *out)
{
    net_addr lit;
    bool is_lit = net_addr_parse(q->host, &lit) == 0;
    for (size_t i = 0; i < p->n_rules; i++) {
        const net_rule *r = &p->rules[i];
        if (net__rule_matches(r, q, is_lit ? &lit : NULL)) {
            out->verdict = r->allow ? VB_NET_ALLOW : VB_NET_DENY;
            snprintf(out->by, sizeof out->by, "rule %s", r->text);
            return;
        }
    }
    if (p->decide) {
        char key[400];
        snprintf(key, sizeof key, "%s://%s:%d", q->scheme, q->host, q->port);
        int v = net__cache_get(p, key);
        if (v >= 0) {
            out->verdict = v;
            snprintf(out->by, sizeof out->by, "decider (cached)");
            return;
        }
        int rc = net__run_decider(p, q, cancel, &v);
        if (rc == 1) {
            net__cache_put(p, key, v);
            out->verdict = v;
            snprintf(out->by, sizeof out->by, "decider");
        } else if (rc == 0) {
            out->verdict = VB_NET_DENY;
            snprintf(out->by, sizeof out->by, "decider timeout (%u ms)",
                     (unsigned)p->decide_timeout_ms);
        } else {
            out->verdict = VB_NET_DENY;
            snprintf(out->by, sizeof out->by, "decider unavailable");
        }
        return;
    }
    out->verdict = p->default_verdict;
    snprintf(out->by, sizeof out->by, "default %s",
             p->default_verdict == VB_NET_ALLOW ? "allow" : "deny");
}

bool net_policy_count_request(vb_net_policy *p)
{
    bool ok = true;
    pthread_mutex_lock(&p->lock);
    if (p->limits.max_requests && p->n_requests >= p->limits.max_requests)
        ok = false;
    else
        p->n_requests++;
    pthread_mutex_unlock(&p->lock);
    return ok;
}

/* ------------------------------------------------------------ secrets */

vb_status vb_net_policy_add_secret(vb_net_policy *p, const char *name, const void *value,
                                   size_t len, const char *const *globs, size_t n_globs,
                                   const char *header, const char *format)
{
    if (!name || !*name)
        return net__fail(p, VB_EINVAL, "a secret needs a name");
    for (const char *c = name; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '_' || *c == '-'))
            return net__fail(p, VB_EINVAL, "%s: bad secret name", name);
    /* The array is reallocated to exactly n+1 entries each time: secrets
     * are few. */
    net_secret *na = mem_shared_realloc(p->secrets, (p->n_secrets + 1) * sizeof *na);
    if (!na)
        return VB_ENOMEM;
    p->secrets = na;
    net_secret s = {0};
    s.name = net__strdup(name);
    s.value = net__strndup(value, len);
    s.len = len;
    s.header = net__strdup(header ? header : "Authorization");
    s.format = net__strdup(format ? format : "Bearer {value}");
    s.hosts = mem_shared_calloc(n_globs ? n_globs : 1, sizeof *s.hosts);
    bool ok = s.name && s.value && s.header && s.format && s.hosts;
    for (size_t i = 0; ok && i < n_globs; i++) {
        s.hosts[i] = net__strdup(globs[i]);
        if (!s.hosts[i])
            ok = false;
        else
            net__lower(s.hosts[i]);
        s.n_hosts = i + 1;
    }
    if (!ok) {
        net__secret_free(&s);
        return VB_ENOMEM;
    }
    p->secrets[p->n_secrets++] = s;
    if (len > p->max_secret && len >= 4)
        p->max_secret = len;
    return VB_OK;
}

vb_status net_read_secret_file(vb_net_policy *p, const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rbe");
    if (!f)
        return net__fail(p, VB_ENOENT, "%s: %s", path, strerror(errno));
    size_t cap = 4096, n = 0;
    char *b = mem_shared_alloc(cap);
    while (b) {
        size_t r = fread(b + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
        if (n + 1 >= cap) {
            if (cap >= (16u << 20)) {
                mem_shared_free(b);
                fclose(f);
                return net__fail(p, VB_EFBIG, "%s: too large", path);
            }
            char *nb = mem_shared_realloc(b, cap * 2);
            if (!nb) {
                mem_shared_free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!b)
        return VB_ENOMEM;
    b[n] = 0;
    while (n && (b[n - 1] == '\n' || b[n - 1] == '\r'))
        b[--n] = 0;
    *out = b;
    *len = n;
    return VB_OK;
}

vb_status vb_net_policy_add_secret_spec(vb_net_policy *p, const char *spec)
{
    const char *eq = strchr(spec, '=');
    const char *at = strrchr(spec, '@');
    if (!eq || !at || at < eq)
        return net__fail(p, VB_EINVAL, "%s: expected NAME=env:VAR@HOST-GLOB", spec);
    char name[128];
    if ((size_t)(eq - spec) >= sizeof name)
        return net__fail(p, VB_EINVAL, "secret name too long");
    memcpy(name, spec, (size_t)(eq - spec));
    name[eq - spec] = 0;
    char *src = net__strndup(eq + 1, (size_t)(at - eq - 1));
    char *globs = net__strdup(at + 1);
    if (!src || !globs) {
        mem_shared_free(src);
        mem_shared_free(globs);
        return VB_ENOMEM;
    }
    char *val = NULL;
    size_t vlen = 0;
    vb_status rc = VB_OK;
    if (strncmp(src, "env:", 4) == 0) {
        const char *v = getenv(src + 4);
        if (!v)
            rc = net__fail(p, VB_ENOENT, "secret %s: environment variable %s is not set", name,
                           src + 4);
        else if (!(val = net__strdup(v)))
            rc = VB_ENOMEM;
        else
            vlen = strlen(v);
    } else if (strncmp(src, "file:", 5) == 0) {
        rc = net_read_secret_file(p, src + 5, &val, &vlen);
    } else if (strncmp(src, "value:", 6) == 0) {
        val = net__strdup(src + 6);
        vlen = val ? strlen(val) : 0;
        if (!val)
            rc = VB_ENOMEM;
    } else {
        rc = net__fail(p, VB_EINVAL, "secret %s: source must be env:, file: or value:", name);
    }
    if (rc == VB_OK) {
        const char *list[32];
        size_t n = 0;
        char *save = NULL;
        for (char *t = strtok_r(globs, ",", &save); t && n < 32; t = strtok_r(NULL, ",", &save))
            list[n++] = t;
        if (!n)
            rc = net__fail(p, VB_EINVAL, "secret %s: no host glob", name);
        else
            rc = vb_net_policy_add_secret(p, name, val, vlen, list, n, NULL, NULL);
    }
    if (val) {
        explicit_bzero(val, vlen);
        mem_shared_free(val);
    }
    mem_shared_free(src);
    mem_shared_free(globs);
    return rc;
}

size_t vb_net_policy_max_secret_len(const vb_net_policy *p)
{
    return p ? p->max_secret : 0;
}

static bool net__secret_host_match(const char *glob, const char *scheme, const char *host)
{
    const char *sep = strstr(glob, "://");
    if (sep) {
        size_t sl = (size_t)(sep - glob);
        if (strlen(scheme) != sl || strncmp(glob, scheme, sl) != 0)
            return false;
        glob = sep + 3;
    }
    return net_host_match(glob, host);
}

size_t net_secrets_for(const vb_net_policy *p, const char *scheme, const char *host,
                       size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_secrets && n < max; i++)
        for (size_t k = 0; k < p->secrets[i].n_hosts; k++)
            if (net__secret_host_match(p->secrets[i].hosts[k], scheme, host)) {
                out[n++] = i;
                break;
            }
    return n;
}

char *net_secret_header(mem_heap *h, const net_secret *s)
{
    vbuf b;
    vbuf_init(&b, h);
    vbuf_adds(&b, s->header);
    vbuf_adds(&b, ": ");
    const char *f = s->format;
    for (;;) {
        const char *ph = strstr(f, "{value}");
        if (!ph) {
            vbuf_adds(&b, f);
            break;
        }
        vbuf_add(&b, f, (size_t)(ph - f));
        vbuf_add(&b, s->value, s->len);
        f = ph + 7;
    }
    if (b.failed) {
        vbuf_free(&b);
        return NULL;
    }
    return vbuf_take(&b, NULL);
}

/* ------------------------------------------------------------ clone */

vb_status vb_net_policy_clone(const vb_net_policy *src, vb_net_policy **out)
{
    vb_net_policy *p;
    vb_status rc = vb_net_policy_new(&p);
    if (rc != VB_OK)
        return rc;
    for (size_t i = 0; i < src->n_rules && rc == VB_OK; i++) {
        const net_rule *r = &src->rules[i];
        rc = net__add_rule_at(p, r->allow, strchr(r->text, ':') + 1, p->n_rules);
    }
    for (size_t i = 0; i < src->n_secrets && rc == VB_OK; i++) {
        const net_secret *s = &src->secrets[i];
        rc = vb_net_policy_add_secret(p, s->name, s->value, s->len,
                                      (const char *const *)s->hosts, s->n_hosts, s->header,
                                      s->format);
    }
    if (rc == VB_OK && src->audit_path)
        rc = vb_net_policy_set_audit_file(p, src->audit_path);
    if (rc == VB_OK && src->session_id)
        rc = vb_net_policy_set_session_id(p, src->session_id);
    if (rc != VB_OK) {
        vb_net_policy_free(p);
        return rc;
    }
    p->default_verdict = src->default_verdict;
    p->decide = src->decide;
    p->decide_ud = src->decide_ud;
    p->decide_timeout_ms = src->decide_timeout_ms;
    p->limits = src->limits;
    p->insecure_ok = src->insecure_ok;
    p->audit_fn = src->audit_fn;
    p->audit_ud = src->audit_ud;
    p->resolve = src->resolve;
    p->resolve_ud = src->resolve_ud;
    *out = p;
    return VB_OK;
}

/* ------------------------------------------------------------ CLI flags */

static vb_status net__add_list(vb_net_policy *p, bool allow, const char *list)
{
    char *copy = net__strdup(list);
    if (!copy)
        return VB_ENOMEM;
    /* Denies from the command line go before every allow: they win. */
    size_t pos = p->n_rules;
    if (!allow) {
        pos = 0;
        while (pos < p->n_rules && !p->rules[pos].allow)
            pos++;
    }
    vb_status rc = VB_OK;
    char *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t && rc == VB_OK; t = strtok_r(NULL, ",", &save)) {
        while (*t == ' ')
            t++;
        if (!*t)
            continue;
        rc = net__add_rule_at(p, allow, t, pos);
        pos++;
    }
    mem_shared_free(copy);
    return rc;
}

vb_status vb_net_policy_apply_flag(vb_net_policy *p, const char *flag, const char *value)
{
    while (*flag == '-')
        flag++;
    if (!value)
        return net__fail(p, VB_EINVAL, "--%s: a value is required", flag);
    if (strcmp(flag, "allow-net") == 0)
        return net__add_list(p, true, value);
    if (strcmp(flag, "deny-net") == 0)
        return net__add_list(p, false, value);
    if (strcmp(flag, "net-audit") == 0)
        return vb_net_policy_set_audit_file(p, value);
    if (strcmp(flag, "secret") == 0)
        return vb_net_policy_add_secret_spec(p, value);
    if (strcmp(flag, "net-policy") == 0)
        return vb_net_policy_load_file(p, value);
    if (strcmp(flag, "net-default") == 0) {
        if (strcmp(value, "allow") == 0)
            p->default_verdict = VB_NET_ALLOW;
        else if (strcmp(value, "deny") == 0)
            p->default_verdict = VB_NET_DENY;
        else
            return net__fail(p, VB_EINVAL, "--net-default: allow or deny, not '%s'", value);
        return VB_OK;
    }
    if (strcmp(flag, "net-insecure-tls") == 0) {
        if (strcmp(value, "yes") == 0)
            p->insecure_ok = true;
        else if (strcmp(value, "no") == 0)
            p->insecure_ok = false;
        else
            return net__fail(p, VB_EINVAL, "--net-insecure-tls: yes or no, not '%s'", value);
        return VB_OK;
    }
    return net__fail(p, VB_ENOENT, "--%s: not a network flag", flag);
}
