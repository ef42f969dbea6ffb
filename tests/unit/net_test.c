/*
 * net/: policy rules and globs, the connect guard's ranges (IPv4, IPv6,
 * mapped, compatible, NAT64, 6to4), the decide callback (answers, cache,
 * timeout), CLI flags, the JSON policy, secrets, redaction (one-shot and
 * streaming, split at every byte) and audit lines. No network traffic.
 */
#include <arpa/inet.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "net/net_int.h"
#include "t.h"

static vb_net_policy *mkpol(const char *const *rules)
{
    vb_net_policy *p = NULL;
    T_CHECK(vb_net_policy_new(&p) == VB_OK);
    for (; rules && *rules; rules++)
        T_CHECK_MSG(vb_net_policy_add_rule(p, *rules) == VB_OK, "%s: %s", *rules,
                    vb_net_policy_error(p));
    return p;
}

static int verdict(vb_net_policy *p, const char *scheme, const char *host, int port,
                   const char *path, char *by)
{
    vb_net_request_info q = {.method = "GET", .scheme = scheme, .host = host, .port = port,
                             .path = path, .session_id = ""};
    net_verdict v;
    net_policy_decide(p, &q, NULL, &v);
    if (by)
        strcpy(by, v.by);
    return v.verdict;
}

static int allowed(vb_net_policy *p, const char *host)
{
    return verdict(p, "https", host, 443, "/", NULL) == VB_NET_ALLOW;
}

static void test_globs(void)
{
    T_CHECK(net_host_match("api.github.com", "api.github.com"));
    T_CHECK(!net_host_match("api.github.com", "xapi.github.com"));
    T_CHECK(net_host_match("*.example.com", "a.example.com"));
    T_CHECK(!net_host_match("*.example.com", "example.com"));
    T_CHECK(!net_host_match("*.example.com", "a.b.example.com"));
    T_CHECK(net_host_match("**.example.com", "a.example.com"));
    T_CHECK(net_host_match("**.example.com", "a.b.c.example.com"));
    T_CHECK(!net_host_match("**.example.com", "example.com"));
    T_CHECK(!net_host_match("**.example.com", "badexample.com"));
    T_CHECK(net_host_match("api.*.com", "api.x.com"));
    T_CHECK(!net_host_match("api.*.com", "api.x.y.com"));
    T_CHECK(net_host_match("api-*.x.com", "api-eu.x.com"));
    T_CHECK(!net_host_match("api-*.x.com", "web.x.com"));
    T_CHECK(net_host_match("**", "anything.at.all"));
    T_CHECK(net_host_match("*", "localhost"));
    T_CHECK(!net_host_match("*", "a.b"));
    T_CHECK(net_host_match("example.com", "example.com."));
}

static void test_rules(void)
{
    /* No policy rule: default deny. */
    vb_net_policy *p = mkpol(NULL);
    char by[200];
    T_EQ_INT(verdict(p, "https", "example.com", 443, "/", by), VB_NET_DENY);
    T_EQ_STR(by, "default deny");
    vb_net_policy_set_default(p, VB_NET_ALLOW);
    T_EQ_INT(verdict(p, "https", "example.com", 443, "/", by), VB_NET_ALLOW);
    vb_net_policy_free(p);

    /* First match wins. */
    p = mkpol((const char *[]){"deny evil.example.com", "allow *.example.com", NULL});
    T_CHECK(!allowed(p, "evil.example.com"));
    T_CHECK(allowed(p, "good.example.com"));
    T_CHECK(!allowed(p, "example.com"));
    verdict(p, "https", "evil.example.com", 443, "/", by);
    T_EQ_STR(by, "rule deny:evil.example.com");
    vb_net_policy_free(p);
    p = mkpol((const char *[]){"allow *.example.com", "deny evil.example.com", NULL});
    T_CHECK(allowed(p, "evil.example.com"));
    vb_net_policy_free(p);

    /* CLI flags: denies go before allows whatever the order. */
    T_CHECK(vb_net_policy_new(&p) == VB_OK);
    T_CHECK(vb_net_policy_apply_flag(p, "--allow-net", "*.example.com,api.github.com") == VB_OK);
    T_CHECK(vb_net_policy_apply_flag(p, "--deny-net", "evil.example.com") == VB_OK);
    T_CHECK(!allowed(p, "evil.example.com"));
    T_CHECK(allowed(p, "ok.example.com"));
    T_CHECK(allowed(p, "api.github.com"));
    T_CHECK(vb_net_policy_apply_flag(p, "--bogus", "x") == VB_ENOENT);
    T_CHECK(vb_net_policy_apply_flag(p, "--net-default", "maybe") == VB_EINVAL);
    T_CHECK(strstr(vb_net_policy_error(p), "maybe") != NULL);
    T_CHECK(vb_net_policy_apply_flag(p, "--allow-net", "ftp://x.com") == VB_EINVAL);
    vb_net_policy_free(p);

    /* Scheme, port and path parts. */
    p = mkpol((const char *[]){"allow https://api.x.com", "allow http://web.x.com:8080/pub/",
                               "allow any.x.com:*", NULL});
    T_EQ_INT(verdict(p, "https", "api.x.com", 443, "/", NULL), VB_NET_ALLOW);
    T_EQ_INT(verdict(p, "http", "api.x.com", 80, "/", NULL), VB_NET_DENY);
    T_EQ_INT(verdict(p, "http", "web.x.com", 8080, "/pub/a", NULL), VB_NET_ALLOW);
    T_EQ_INT(verdict(p, "http", "web.x.com", 8081, "/pub/a", NULL), VB_NET_DENY);
    T_EQ_INT(verdict(p, "http", "web.x.com", 8080, "/private", NULL), VB_NET_DENY);
    T_EQ_INT(verdict(p, "http", "any.x.com", 9, "/", NULL), VB_NET_ALLOW);
    vb_net_policy_free(p);

    /* Address rules match literal hosts by range. */
    p = mkpol((const char *[]){"deny 10.1.0.0/16", "allow 10.0.0.0/8", "allow [fd00::]/8",
                               "allow 127.0.0.1:8080", NULL});
    T_EQ_INT(verdict(p, "http", "10.2.3.4", 80, "/", NULL), VB_NET_ALLOW);
    T_EQ_INT(verdict(p, "http", "10.1.3.4", 80, "/", NULL), VB_NET_DENY);
    T_EQ_INT(verdict(p, "http", "fd12::1", 80, "/", NULL), VB_NET_ALLOW);
    T_EQ_INT(verdict(p, "http", "127.0.0.1", 8080, "/", NULL), VB_NET_ALLOW);
    T_EQ_INT(verdict(p, "http", "127.0.0.1", 8081, "/", NULL), VB_NET_DENY);
    T_EQ_INT(verdict(p, "http", "11.0.0.1", 80, "/", NULL), VB_NET_DENY);
    vb_net_policy_free(p);

    /* Bad rules are refused with a message. */
    T_CHECK(vb_net_policy_new(&p) == VB_OK);
    T_CHECK(vb_net_policy_add_rule(p, "permit x.com") == VB_EINVAL);
    T_CHECK(vb_net_policy_add_rule(p, "allow 10.0.0.0/33") == VB_EINVAL);
    T_CHECK(vb_net_policy_add_rule(p, "allow x.com:99999") == VB_EINVAL);
    T_CHECK(vb_net_policy_add_rule(p, "allow bad host") == VB_EINVAL);
    T_CHECK(vb_net_policy_add_rule(p, "allow ") == VB_EINVAL);
    T_EQ_INT(p->n_rules, 0);
    vb_net_policy_free(p);
}

static int guard_ok(vb_net_policy *p, const char *addr)
{
    net_addr a;
    if (net_addr_parse(addr, &a) != 0) {
        fprintf(stderr, "bad test address %s\n", addr);
        return -1;
    }
    char why[200];
    return net_guard_check(p, "http", 80, "/", &a, why, sizeof why);
}

static void test_guard(void)
{
    vb_net_policy *p = mkpol(NULL);
    static const char *const refused[] = {
        "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1",
        "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.1.1",
        "169.254.169.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
        "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1",
        /* IPv6 */
        "::1", "::", "fe80::1", "febf::1", "fc00::1", "fd00::1", "fd00:ec2::254", "ff02::1",
        "fec0::1",
        /* mapped */
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.0.1",
        "::ffff:100.64.0.1", "::ffff:0.0.0.0", "::ffff:255.255.255.255", "::ffff:224.0.0.1",
        /* compatible */
        "::127.0.0.1", "::10.0.0.1", "::169.254.169.254", "::8.8.8.8",
        /* NAT64 */
        "64:ff9b::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::169.254.169.254",
        "64:ff9b::c0a8:101", "64:ff9b:1::1",
        /* 6to4 */
        "2002:7f00:1::1", "2002:a00:1::", "2002:a9fe:a9fe::1",
        /* zone id */
        "fe80::1%eth0",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        T_CHECK_MSG(guard_ok(p, refused[i]) == 0, "%s should be refused", refused[i]);
    static const char *const public_[] = {
        "93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1", "11.0.0.1", "192.169.0.1",
        "2606:4700:4700::1111", "::ffff:93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::1",
    };
    for (size_t i = 0; i < sizeof public_ / sizeof public_[0]; i++)
        T_CHECK_MSG(guard_ok(p, public_[i]) == 1, "%s should pass", public_[i]);
    char why[200];
    net_addr a;
    net_addr_parse("::ffff:169.254.169.254", &a);
    net_guard_check(p, "http", 80, "/", &a, why, sizeof why);
    T_CHECK_MSG(strstr(why, "metadata") != NULL, "%s", why);
    vb_net_policy_free(p);

    /* An explicit rule opens exactly its range, in every form. */
    p = mkpol((const char *[]){"allow 127.0.0.1", "allow 10.0.0.0/8", "allow ::1",
                               "deny 93.184.216.0/24", NULL});
    T_CHECK(guard_ok(p, "127.0.0.1") == 1);
    T_CHECK(guard_ok(p, "::ffff:127.0.0.1") == 1);
    T_CHECK(guard_ok(p, "127.0.0.2") == 0);
    T_CHECK(guard_ok(p, "10.9.8.7") == 1);
    T_CHECK(guard_ok(p, "::ffff:10.9.8.7") == 1);
    T_CHECK(guard_ok(p, "::1") == 1);
    T_CHECK(guard_ok(p, "192.168.0.1") == 0);
    T_CHECK(guard_ok(p, "93.184.216.34") == 0);
    T_CHECK(guard_ok(p, "::ffff:93.184.216.34") == 0);
    T_CHECK(guard_ok(p, "1.1.1.1") == 1);
    vb_net_policy_free(p);
}

static atomic_int decide_calls;
static int decide_sleep_ms;

static int test_decider(void *ud, const vb_net_request_info *q)
{
    atomic_fetch_add(&decide_calls, 1);
    if (decide_sleep_ms)
        usleep((useconds_t)decide_sleep_ms * 1000);
    return strstr(q->host, "good") ? VB_NET_ALLOW : VB_NET_DENY;
}

static uint64_t ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void test_decide(void)
{
    vb_net_policy *p = mkpol((const char *[]){"deny bad.rule.com", NULL});
    vb_net_policy_set_decider(p, test_decider, NULL, 1000);
    char by[200];
    atomic_store(&decide_calls, 0);
    T_EQ_INT(verdict(p, "https", "good.com", 443, "/", by), VB_NET_ALLOW);
    T_EQ_STR(by, "decider");
    T_EQ_INT(verdict(p, "https", "evil.com", 443, "/", by), VB_NET_DENY);
    T_EQ_INT(atomic_load(&decide_calls), 2);
    /* Cached: no new call. */
    T_EQ_INT(verdict(p, "https", "good.com", 443, "/other", by), VB_NET_ALLOW);
    T_EQ_STR(by, "decider (cached)");
    T_EQ_INT(verdict(p, "https", "evil.com", 443, "/", NULL), VB_NET_DENY);
    T_EQ_INT(atomic_load(&decide_calls), 2);
    /* A different port is a new question. */
    T_EQ_INT(verdict(p, "https", "good.com", 8443, "/", NULL), VB_NET_ALLOW);
    T_EQ_INT(atomic_load(&decide_calls), 3);
    /* Rules settle first: the decider is not asked. */
    T_EQ_INT(verdict(p, "https", "bad.rule.com", 443, "/", NULL), VB_NET_DENY);
    T_EQ_INT(atomic_load(&decide_calls), 3);
    vb_net_policy_free(p);

    /* Timeout means deny, promptly, and is not cached. */
    p = mkpol(NULL);
    vb_net_policy_set_decider(p, test_decider, NULL, 60);
    decide_sleep_ms = 400;
    atomic_store(&decide_calls, 0);
    uint64_t t0 = ms_now();
    T_EQ_INT(verdict(p, "https", "good.slow.com", 443, "/", by), VB_NET_DENY);
    uint64_t dt = ms_now() - t0;
    T_CHECK_MSG(dt < 300, "took %llu ms", (unsigned long long)dt);
    T_CHECK_MSG(strstr(by, "timeout") != NULL, "%s", by);
    decide_sleep_ms = 0;
    vb_net_policy_set_decider(p, test_decider, NULL, 2000);
    T_EQ_INT(verdict(p, "https", "good.slow.com", 443, "/", by), VB_NET_ALLOW);
    usleep(500 * 1000); /* let the late thread finish before the policy goes */
    vb_net_policy_free(p);

    /* Cancellation ends the wait. */
    p = mkpol(NULL);
    vb_net_policy_set_decider(p, test_decider, NULL, 5000);
    decide_sleep_ms = 300;
    volatile int cancel = 1;
    vb_net_request_info q = {.method = "GET", .scheme = "https", .host = "good.x", .port = 443,
                             .path = "/", .session_id = ""};
    net_verdict v;
    t0 = ms_now();
    net_policy_decide(p, &q, &cancel, &v);
    T_EQ_INT(v.verdict, VB_NET_DENY);
    T_CHECK(ms_now() - t0 < 200);
    usleep(400 * 1000);
    decide_sleep_ms = 0;
    vb_net_policy_free(p);
}

/* ------------------------------------------------------------ redaction */

typedef struct sink {
    char buf[8192];
    size_t len;
    int calls;
} sink;

static int sink_emit(void *ctx, const void *d, size_t n)
{
    sink *s = ctx;
    if (s->len + n >= sizeof s->buf)
        return -1;
    memcpy(s->buf + s->len, d, n);
    s->len += n;
    s->buf[s->len] = 0;
    s->calls++;
    return 0;
}

static int vbuf_emit(void *ctx, const void *d, size_t n)
{
    return vbuf_add(ctx, d, n);
}

static vb_net_policy *secret_policy(void)
{
    vb_net_policy *p = mkpol(NULL);
    const char *h[] = {"api.github.com"};
    const char *h2[] = {"*.npmjs.org"};
    T_CHECK(vb_net_policy_add_secret(p, "GH", "ghp_SECRETTOKEN123", 18, h, 1, NULL, NULL) == VB_OK);
    T_CHECK(vb_net_policy_add_secret(p, "NPM", "npm-tok-XYZ", 11, h2, 1, "X-Npm-Token", "{value}") ==
            VB_OK);
    T_CHECK(vb_net_policy_add_secret(p, "TINY", "abc", 3, h2, 1, NULL, NULL) == VB_OK);
    return p;
}

static void test_redact(void)
{
    vb_net_policy *p = secret_policy();
    T_EQ_INT(vb_net_policy_max_secret_len(p), 18);
    const char *in = "token=ghp_SECRETTOKEN123 and npm-tok-XYZ, abc stays";
    const char *want = "token=[REDACTED:GH] and [REDACTED:NPM], abc stays";
    char *out;
    size_t ol;
    T_CHECK(vb_net_redact(p, in, strlen(in), &out, &ol) == VB_OK);
    T_EQ_STR(out, want);
    T_EQ_INT(ol, strlen(want));
    vb_net_free(out);
    T_CHECK(vb_net_redact(p, "clean", 5, &out, &ol) == VB_OK);
    T_CHECK(out == NULL);

    /* Split at every position, into two and into three writes. */
    size_t n = strlen(in);
    for (size_t i = 0; i <= n; i++) {
        vb_net_redactor *r = vb_net_redactor_new(p);
        sink s = {0};
        vb_net_redactor_write(r, in, i, sink_emit, &s);
        vb_net_redactor_write(r, in + i, n - i, sink_emit, &s);
        vb_net_redactor_flush(r, sink_emit, &s);
        T_CHECK_MSG(strcmp(s.buf, want) == 0, "split at %zu: %s", i, s.buf);
        vb_net_redactor_free(r);
    }
    for (size_t i = 0; i <= n; i += 3)
        for (size_t j = i; j <= n; j += 2) {
            vb_net_redactor *r = vb_net_redactor_new(p);
            sink s = {0};
            vb_net_redactor_write(r, in, i, sink_emit, &s);
            vb_net_redactor_write(r, in + i, j - i, sink_emit, &s);
            vb_net_redactor_write(r, in + j, n - j, sink_emit, &s);
            vb_net_redactor_flush(r, sink_emit, &s);
            T_CHECK_MSG(strcmp(s.buf, want) == 0, "split at %zu,%zu: %s", i, j, s.buf);
            vb_net_redactor_free(r);
        }
    /* Byte by byte. */
    vb_net_redactor *r = vb_net_redactor_new(p);
    sink s = {0};
    for (size_t i = 0; i < n; i++)
        vb_net_redactor_write(r, in + i, 1, sink_emit, &s);
    vb_net_redactor_flush(r, sink_emit, &s);
    T_EQ_STR(s.buf, want);
    vb_net_redactor_free(r);

    /* Output that cannot start a secret is not held back. */
    r = vb_net_redactor_new(p);
    memset(&s, 0, sizeof s);
    vb_net_redactor_write(r, "hello\n", 6, sink_emit, &s);
    T_EQ_STR(s.buf, "hello\n");
    vb_net_redactor_write(r, "x ghp_SEC", 9, sink_emit, &s);
    T_EQ_STR(s.buf, "hello\nx ");
    vb_net_redactor_write(r, "OND\n", 4, sink_emit, &s);
    T_EQ_STR(s.buf, "hello\nx ghp_SECOND\n");
    vb_net_redactor_free(r);

    /* Large writes cross the internal window. */
    size_t big = 200000;
    char *buf = malloc(big);
    memset(buf, 'x', big);
    memcpy(buf + 65530, "ghp_SECRETTOKEN123", 18);
    r = vb_net_redactor_new(p);
    vbuf vb;
    mem_heap *h = mem_heap_new(0);
    vbuf_init(&vb, h);
    for (size_t off = 0; off < big; off += 7000)
        vb_net_redactor_write(r, buf + off, big - off < 7000 ? big - off : 7000,
                              vbuf_emit, &vb);
    vb_net_redactor_flush(r, vbuf_emit, &vb);
    T_EQ_INT(vb.len, big - 18 + strlen("[REDACTED:GH]"));
    T_CHECK(memmem(vb.data, vb.len, "[REDACTED:GH]", 13) == vb.data + 65530);
    vb_net_redactor_free(r);
    mem_heap_destroy(h);
    free(buf);

    /* No policy: pass-through. */
    r = vb_net_redactor_new(NULL);
    memset(&s, 0, sizeof s);
    vb_net_redactor_write(r, "abc", 3, sink_emit, &s);
    T_EQ_STR(s.buf, "abc");
    vb_net_redactor_free(r);
    vb_net_policy_free(p);
}

static void test_redact_stream(void)
{
    vb_net_policy *p = secret_policy();
    mem_heap *h = mem_heap_new(0);
    vbuf out;
    vbuf_init(&out, h);
    stream *inner = stream_to_buf(h, &out);
    stream *s = net_redact_stream(h, inner, p);
    T_CHECK(s != NULL && s != inner);
    const char *a = "id: ghp_SECRET", *b = "TOKEN123 done\nnpm-tok";
    T_EQ_INT(stream_write(s, a, strlen(a)), (long long)strlen(a));
    T_EQ_STR(vbuf_str(&out), "id: ");
    T_EQ_INT(stream_write(s, b, strlen(b)), (long long)strlen(b));
    T_EQ_STR(vbuf_str(&out), "id: [REDACTED:GH] done\n");
    T_EQ_INT(net_redact_stream_flush(s), 0);
    T_EQ_STR(vbuf_str(&out), "id: [REDACTED:GH] done\nnpm-tok");
    stream_write(s, "-XYZ!", 5);
    stream_unref(s); /* closing emits what is held back */
    T_EQ_STR(vbuf_str(&out), "id: [REDACTED:GH] done\nnpm-tok-XYZ!");
    /* No secrets: no wrapper. */
    vb_net_policy *empty;
    vb_net_policy_new(&empty);
    inner = stream_to_buf(h, &out);
    T_CHECK(net_redact_stream(h, inner, empty) == inner);
    T_CHECK(net_redact_stream(h, inner, NULL) == inner);
    T_EQ_INT(net_redact_stream_flush(inner), 0);
    stream_unref(inner);
    vb_net_policy_free(empty);
    mem_heap_destroy(h);
    vb_net_policy_free(p);
}

static void test_check(void)
{
    vb_net_policy *p = mkpol((const char *[]){"deny *.example", "allow https://api.github.com", NULL});
    char why[100];
    T_EQ_INT(vb_net_policy_check(p, "GET", "https://api.github.com/user", why, sizeof why),
             VB_NET_ALLOW);
    T_EQ_STR(why, "rule allow:https://api.github.com");
    T_EQ_INT(vb_net_policy_check(p, "GET", "http://api.github.com/user", why, sizeof why),
             VB_NET_DENY);
    T_EQ_STR(why, "default deny");
    T_EQ_INT(vb_net_policy_check(p, "POST", "https://EVIL.example./x?a=1", why, sizeof why),
             VB_NET_DENY);
    T_EQ_STR(why, "rule deny:*.example");
    T_EQ_INT(vb_net_policy_check(p, "GET", "not a url", why, sizeof why), VB_NET_DENY);
    T_EQ_INT(vb_net_policy_check(p, "GET", "ftp://api.github.com/", NULL, 0), VB_NET_DENY);
    vb_net_policy_free(p);
}

static void test_secrets(void)
{
    vb_net_policy *p = secret_policy();
    size_t idx[8];
    T_EQ_INT(net_secrets_for(p, "https", "api.github.com", idx, 8), 1);
    T_EQ_STR(p->secrets[idx[0]].name, "GH");
    T_EQ_INT(net_secrets_for(p, "https", "github.com", idx, 8), 0);
    T_EQ_INT(net_secrets_for(p, "https", "evil.com", idx, 8), 0);
    T_EQ_INT(net_secrets_for(p, "https", "registry.npmjs.org", idx, 8), 2);
    mem_heap *h = mem_heap_new(0);
    char *hdr = net_secret_header(h, &p->secrets[0]);
    T_EQ_STR(hdr, "Authorization: Bearer ghp_SECRETTOKEN123");
    hdr = net_secret_header(h, &p->secrets[1]);
    T_EQ_STR(hdr, "X-Npm-Token: npm-tok-XYZ");
    mem_heap_destroy(h);
    vb_net_policy_free(p);

    T_CHECK(vb_net_policy_new(&p) == VB_OK);
    setenv("VB_NET_TEST_TOKEN", "env-secret-value", 1);
    T_CHECK(vb_net_policy_apply_flag(p, "--secret", "TOK=env:VB_NET_TEST_TOKEN@https://api.x.com,*.y.com") ==
            VB_OK);
    T_EQ_INT(p->n_secrets, 1);
    T_EQ_STR(p->secrets[0].value, "env-secret-value");
    T_EQ_INT(net_secrets_for(p, "https", "api.x.com", idx, 8), 1);
    T_EQ_INT(net_secrets_for(p, "http", "api.x.com", idx, 8), 0);
    T_EQ_INT(net_secrets_for(p, "http", "a.y.com", idx, 8), 1);
    T_CHECK(vb_net_policy_apply_flag(p, "--secret", "X=env:VB_NET_NOT_SET_ANYWHERE@x.com") == VB_ENOENT);
    T_CHECK(vb_net_policy_apply_flag(p, "--secret", "X=value:lit-value@x.com") == VB_OK);
    T_CHECK(vb_net_policy_apply_flag(p, "--secret", "nonsense") == VB_EINVAL);
    T_CHECK(vb_net_policy_apply_flag(p, "--secret", "X=zip:1@x.com") == VB_EINVAL);
    vb_net_policy_free(p);
}

static void test_json(void)
{
    vb_net_policy *p;
    T_CHECK(vb_net_policy_new(&p) == VB_OK);
    const char *js = "{\"default\":\"deny\",\"rules\":[\"deny evil.example.com\","
                     "{\"allow\":\"**.example.com\"},{\"deny\":\"10.0.0.0/8\"}],"
                     "\"limits\":{\"max_response_bytes\":1000,\"timeout_ms\":2000,\"max_requests\":3},"
                     "\"allow_insecure_tls\":true,"
                     "\"secrets\":[{\"name\":\"K\",\"value\":\"json-secret\",\"hosts\":[\"a.example.com\"],"
                     "\"header\":\"X-Key\",\"format\":\"{value}\"}]}";
    T_CHECK_MSG(vb_net_policy_load_json(p, js, strlen(js)) == VB_OK, "%s", vb_net_policy_error(p));
    T_EQ_INT(p->n_rules, 3);
    T_CHECK(!allowed(p, "evil.example.com"));
    T_CHECK(allowed(p, "a.b.example.com"));
    vb_net_limits l;
    vb_net_policy_get_limits(p, &l);
    T_EQ_INT(l.max_response_bytes, 1000);
    T_EQ_INT(l.total_timeout_ms, 2000);
    T_EQ_INT(l.max_requests, 3);
    T_EQ_INT(l.max_redirects, 20);
    T_CHECK(p->insecure_ok);
    T_EQ_INT(p->n_secrets, 1);
    T_EQ_STR(p->secrets[0].header, "X-Key");

    /* Clone: same answers, separate cache. */
    vb_net_policy *c;
    T_CHECK(vb_net_policy_clone(p, &c) == VB_OK);
    T_EQ_INT(c->n_rules, 3);
    T_CHECK(!allowed(c, "evil.example.com"));
    T_EQ_INT(c->n_secrets, 1);
    vb_net_policy_free(c);
    vb_net_policy_free(p);

    static const char *const bad[] = {
        "{", "[]", "{\"default\":\"maybe\"}", "{\"rules\":\"allow x\"}", "{\"rules\":[42]}",
        "{\"rules\":[\"allow x.com:0\"]}", "{\"limits\":{\"timeout_ms\":-1}}",
        "{\"secrets\":[{\"name\":\"A\"}]}", "{\"unknown\":1}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        T_CHECK(vb_net_policy_new(&p) == VB_OK);
        T_CHECK_MSG(vb_net_policy_load_json(p, bad[i], strlen(bad[i])) != VB_OK, "%s", bad[i]);
        T_CHECK_MSG(vb_net_policy_error(p)[0] != 0, "no message for %s", bad[i]);
        vb_net_policy_free(p);
    }
    T_CHECK(vb_net_policy_new(&p) == VB_OK);
    T_CHECK(vb_net_policy_load_file(p, "/nonexistent/policy.json") == VB_ENOENT);
    T_CHECK(strstr(vb_net_policy_error(p), "/nonexistent/policy.json") != NULL);
    vb_net_policy_free(p);
}

typedef struct lines {
    char buf[4096];
    int n;
} lines;

static void audit_cb(void *ud, const char *line, size_t len)
{
    lines *l = ud;
    snprintf(l->buf, sizeof l->buf, "%.*s", (int)len, line);
    l->n++;
}

static void test_audit(void)
{
    vb_net_policy *p = secret_policy();
    lines l = {0};
    vb_net_policy_set_audit_callback(p, audit_cb, &l);
    vb_net_policy_set_session_id(p, "sess-1");
    vb_net_request_info q = {.method = "GET", .scheme = "https", .host = "api.github.com",
                             .port = 443, .path = "/x/ghp_SECRETTOKEN123", .session_id = ""};
    net_audit_rec rec = {.req = &q, .query = "a=1&token=hunter2&flag", .decision = "allow",
                         .by = "rule allow:api.github.com", .status = 200, .bytes_in = 10,
                         .bytes_out = 2, .duration_ms = 5};
    net_audit(p, &rec);
    T_EQ_INT(l.n, 1);
    T_CHECK_MSG(strncmp(l.buf, "{\"time\":\"", 9) == 0, "%s", l.buf);
    const char *want =
        "\"session\":\"sess-1\",\"method\":\"GET\",\"scheme\":\"https\",\"host\":\"api.github.com\","
        "\"port\":443,\"path\":\"/x/[REDACTED:GH]\",\"query\":\"a=&token=&flag\","
        "\"decision\":\"allow\",\"by\":\"rule allow:api.github.com\",\"status\":200,"
        "\"bytes_in\":10,\"bytes_out\":2,\"duration_ms\":5}";
    T_CHECK_MSG(strstr(l.buf, want) != NULL, "%s", l.buf);
    T_CHECK(strstr(l.buf, "hunter2") == NULL);
    rec.decision = "deny";
    rec.error = "bad \"thing\"\n";
    net_audit(p, &rec);
    T_CHECK_MSG(strstr(l.buf, "\"error\":\"bad \\\"thing\\\"\\n\"") != NULL, "%s", l.buf);

    /* File sink. */
    char path[] = "/tmp/vb_net_audit_XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    T_CHECK(vb_net_policy_set_audit_file(p, path) == VB_OK);
    net_audit(p, &rec);
    net_audit(p, &rec);
    vb_net_policy_set_audit_file(p, NULL);
    FILE *f = fopen(path, "r");
    char line[4096];
    int nl = 0;
    while (f && fgets(line, sizeof line, f))
        if (strstr(line, "\"decision\":\"deny\"") && line[strlen(line) - 1] == '\n')
            nl++;
    if (f)
        fclose(f);
    T_EQ_INT(nl, 2);
    unlink(path);
    T_CHECK(vb_net_policy_set_audit_file(p, "/nonexistent/dir/audit.jsonl") != VB_OK);
    vb_net_policy_free(p);
}

int main(void)
{
    test_globs();
    test_rules();
    test_guard();
    test_decide();
    test_redact();
    test_redact_stream();
    test_check();
    test_secrets();
    test_json();
    test_audit();
    return T_DONE();
}
