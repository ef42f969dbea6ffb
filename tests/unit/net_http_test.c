/*
 * net/http.c end to end against tests/net/server.py on 127.0.0.1 (started
 * here): pinning and the guard through a resolver override (public-looking
 * names resolving to private addresses, a rebinding name), redirects
 * re-checked hop by hop, hop limit, size cap, timeout, cancellation,
 * request count, secrets injected for the right host only and redacted
 * from what comes back, audit lines. Every connection goes to 127.0.0.1.
 */
#include <arpa/inet.h>
#include <libgen.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "net/net_int.h"
#include "t.h"

static int port;
static pid_t server_pid;
static int server_stdin = -1;
static int server_stdout = -1;

static int start_server(void)
{
    char src[4096];
    snprintf(src, sizeof src, "%s", __FILE__);
    char script[4200];
    snprintf(script, sizeof script, "%s/../net/server.py", dirname(src));
    int in[2], out[2];
    if (pipe(in) || pipe(out))
        return -1;
    server_pid = fork();
    if (server_pid < 0)
        return -1;
    if (server_pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        execlp("python3", "python3", script, "600", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    server_stdin = in[1];
    char buf[32] = {0};
    ssize_t n = read(out[0], buf, sizeof buf - 1);
    server_stdout = out[0]; /* closed at the end: the server may still write */
    if (n <= 0)
        return -1;
    port = atoi(buf);
    return port > 0 ? 0 : -1;
}

static void stop_server(void)
{
    if (server_stdin >= 0)
        close(server_stdin);
    if (server_stdout >= 0)
        close(server_stdout);
    if (server_pid > 0) {
        kill(server_pid, SIGTERM);
        waitpid(server_pid, NULL, 0);
    }
}

/* ------------------------------------------------------------ resolver */

static int rebind_calls;

static size_t test_resolve(void *ud, const char *host, vb_net_addr *out, size_t max)
{
    const char *a = NULL;
    int fam = AF_INET;
    if (strcmp(host, "public.test") == 0 || strcmp(host, "other.test") == 0 ||
        strcmp(host, "denied.test") == 0)
        a = "127.0.0.1";
    else if (strcmp(host, "mapped.test") == 0)
        a = "::ffff:127.0.0.1", fam = AF_INET6;
    else if (strcmp(host, "compat.test") == 0)
        a = "::127.0.0.1", fam = AF_INET6;
    else if (strcmp(host, "nat64.test") == 0)
        a = "64:ff9b::7f00:1", fam = AF_INET6;
    else if (strcmp(host, "metadata.test") == 0)
        a = "169.254.169.254";
    else if (strcmp(host, "private.test") == 0)
        a = "10.0.0.1";
    else if (strcmp(host, "rebind.test") == 0)
        a = rebind_calls++ == 0 ? "127.0.0.1" : "10.0.0.1";
    if (!a || !max)
        return 0;
    out[0].family = fam;
    inet_pton(fam, a, out[0].bytes);
    return 1;
}

/* ------------------------------------------------------------ requests */

typedef struct got {
    vbuf body, hdr;
    int audit_n;
    char audit[8][1024];
} got;

static int on_body(void *ctx, const char *d, size_t n)
{
    return vbuf_add(&((got *)ctx)->body, d, n);
}

static int on_header(void *ctx, const char *d, size_t n)
{
    return vbuf_add(&((got *)ctx)->hdr, d, n);
}

static void on_audit(void *ud, const char *line, size_t len)
{
    got *g = ud;
    if (g->audit_n < 8)
        snprintf(g->audit[g->audit_n], sizeof g->audit[0], "%.*s", (int)len, line);
    g->audit_n++;
}

static mem_heap *heap;

static int run(vb_net_policy *p, got *g, const char *path_or_url, net_req *tmpl, net_resp *r)
{
    char url[512];
    if (path_or_url[0] != '/')
        snprintf(url, sizeof url, "%s", path_or_url);
    else
        snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path_or_url);
    memset(g, 0, sizeof *g);
    vbuf_init(&g->body, heap);
    vbuf_init(&g->hdr, heap);
    vb_net_policy_set_audit_callback(p, on_audit, g);
    net_req q = tmpl ? *tmpl : (net_req){0};
    q.heap = heap;
    q.url = url;
    q.on_body = on_body;
    q.on_header = on_header;
    q.ctx = g;
    if (!tmpl)
        q.max_redirs = -1;
    return net_http_perform(p, &q, r);
}

static vb_net_policy *pol(const char *const *rules)
{
    vb_net_policy *p;
    vb_net_policy_new(&p);
    for (; rules && *rules; rules++)
        T_CHECK_MSG(vb_net_policy_add_rule(p, *rules) == VB_OK, "%s", vb_net_policy_error(p));
    vb_net_policy_set_resolver(p, test_resolve, NULL);
    return p;
}

static uint64_t ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void test_basic(void)
{
    got g;
    net_resp r;
    vb_net_policy *p = pol((const char *[]){"allow 127.0.0.1", NULL});
    T_EQ_INT(run(p, &g, "/hello", NULL, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "hello world\n");
    T_EQ_INT(r.status, 200);
    T_CHECK(strncmp(vbuf_str(&g.hdr), "HTTP/1.1 200 OK\r\n", 17) == 0);
    T_EQ_INT(g.audit_n, 1);
    T_CHECK_MSG(strstr(g.audit[0], "\"decision\":\"allow\",\"by\":\"rule allow:127.0.0.1\",\"status\":200") != NULL,
                "%s", g.audit[0]);
    /* 404 without -f is a success with the body. */
    T_EQ_INT(run(p, &g, "/status/404", NULL, &r), 0);
    T_EQ_INT(r.status, 404);
    T_EQ_STR(vbuf_str(&g.body), "status 404\n");
    net_req q = {.fail_on_error = true, .max_redirs = -1};
    T_EQ_INT(run(p, &g, "/status/404", &q, &r), 22);
    T_EQ_STR(r.msg, "The requested URL returned error: 404");
    /* POST, then a 303 turns it into a GET without body. */
    q = (net_req){.body = "a=1", .body_len = 3, .has_body = true, .max_redirs = -1};
    T_EQ_INT(run(p, &g, "/echo", &q, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "POST\napplication/x-www-form-urlencoded\na=1");
    q.follow = true;
    T_EQ_INT(run(p, &g, "/see-other", &q, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "GET\n-\n");
    T_EQ_INT(r.num_redirects, 1);
    /* 307 keeps method and body. */
    T_EQ_INT(run(p, &g, "/r307", &q, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "POST\napplication/x-www-form-urlencoded\na=1");
    /* Only http and https. */
    T_EQ_INT(run(p, &g, "ftp://127.0.0.1/x", NULL, &r), 1);
    T_EQ_INT(run(p, &g, "file:///etc/passwd", NULL, &r), 1);
    /* Unknown names. */
    vb_net_policy_allow(p, "*.test");
    T_EQ_INT(run(p, &g, "http://nowhere.test/", NULL, &r), 6);
    T_EQ_STR(r.msg, "Could not resolve host: nowhere.test");
    vb_net_policy_free(p);
}

static void test_default_and_rules(void)
{
    got g;
    net_resp r;
    /* No rule: default deny, nothing sent. */
    vb_net_policy *p = pol(NULL);
    T_EQ_INT(run(p, &g, "/hello", NULL, &r), 56);
    T_CHECK(r.policy_denied);
    T_EQ_STR(r.msg, "vbash: egress to 127.0.0.1 denied by default (no rule allows it)");
    T_EQ_INT(g.audit_n, 1);
    T_CHECK(strstr(g.audit[0], "\"decision\":\"deny\"") != NULL);
    /* Default allow still meets the guard: loopback is refused. */
    vb_net_policy_set_default(p, VB_NET_ALLOW);
    T_EQ_INT(run(p, &g, "/hello", NULL, &r), 7);
    T_CHECK_MSG(strstr(r.msg, "loopback 127.0.0.0/8") != NULL, "%s", r.msg);
    T_EQ_STR(vbuf_str(&g.body), "");
    vb_net_policy_free(p);

    p = pol((const char *[]){"deny *.test", "allow 127.0.0.1", NULL});
    T_EQ_INT(run(p, &g, "http://public.test:1/", NULL, &r), 56);
    T_EQ_STR(r.msg, "vbash: egress to public.test denied by rule deny:*.test");
    vb_net_policy_free(p);
}

static void test_guard_names(void)
{
    got g;
    net_resp r;
    char url[256];
    /* The name is allowed but its address is private: refused unless the
     * address is named by a rule. */
    vb_net_policy *p = pol((const char *[]){"allow *.test", NULL});
    static const char *const names[] = {"public", "mapped", "compat", "nat64", "metadata", "private"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(url, sizeof url, "http://%s.test:%d/hello", names[i], port);
        T_EQ_INT(run(p, &g, url, NULL, &r), 7);
        T_CHECK_MSG(r.policy_denied && strstr(r.msg, "refused range"), "%s: %s", names[i], r.msg);
        T_EQ_STR(vbuf_str(&g.body), "");
    }
    vb_net_policy_free(p);
    p = pol((const char *[]){"allow *.test", "allow 127.0.0.1", NULL});
    snprintf(url, sizeof url, "http://public.test:%d/hello", port);
    T_EQ_INT(run(p, &g, url, NULL, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "hello world\n");
    T_EQ_STR(r.remote_ip, "127.0.0.1");
    /* The mapped form of an allowed address is the same address. */
    snprintf(url, sizeof url, "http://mapped.test:%d/hello", port);
    int rc = run(p, &g, url, NULL, &r);
    T_CHECK_MSG(rc == 0 || rc == 7, "mapped: %d %s", rc, r.msg);
    T_CHECK(!r.policy_denied);
    /* Compatible and NAT64 forms are not the address itself: refused. */
    snprintf(url, sizeof url, "http://compat.test:%d/hello", port);
    T_EQ_INT(run(p, &g, url, NULL, &r), 7);
    T_CHECK(r.policy_denied);
    snprintf(url, sizeof url, "http://nat64.test:%d/hello", port);
    T_EQ_INT(run(p, &g, url, NULL, &r), 7);
    T_CHECK(r.policy_denied);
    /* IP literals in every form. */
    static const char *const lits[] = {"http://[::ffff:10.0.0.1]:%d/", "http://[::1]:%d/",
                                       "http://169.254.169.254:%d/", "http://[fd00:ec2::254]:%d/",
                                       "http://0.0.0.0:%d/", "http://[::]:%d/",
                                       "http://[::ffff:169.254.169.254]:%d/",
                                       /* numeric forms libcurl reads as 127.0.0.1 */
                                       "http://2130706433:%d/", "http://0x7f000001:%d/",
                                       "http://127.1:%d/", "http://0177.0.0.1:%d/",
                                       "http://user@127.0.0.1:%d/"};
    vb_net_policy_free(p);
    p = pol(NULL);
    vb_net_policy_set_default(p, VB_NET_ALLOW);
    for (size_t i = 0; i < sizeof lits / sizeof lits[0]; i++) {
        snprintf(url, sizeof url, lits[i], port);
        T_EQ_INT(run(p, &g, url, NULL, &r), 7);
        T_CHECK_MSG(r.policy_denied, "%s: %s", url, r.msg);
    }
    vb_net_policy_free(p);
}

static void test_redirects(void)
{
    got g;
    net_resp r;
    char url[256];
    vb_net_policy *p = pol((const char *[]){"allow public.test", "allow rebind.test",
                                            "allow 127.0.0.1", NULL});
    net_req q = {.follow = true, .max_redirs = -1};
    /* Allowed -> denied host. */
    snprintf(url, sizeof url, "/to?url=http://denied.test:%d/hello", port);
    T_EQ_INT(run(p, &g, url, &q, &r), 56);
    T_EQ_STR(r.msg, "vbash: egress to denied.test denied by default (no rule allows it)");
    T_EQ_STR(vbuf_str(&g.body), "");
    T_EQ_INT(g.audit_n, 2);
    T_CHECK(strstr(g.audit[0], "\"status\":302") != NULL);
    T_CHECK(strstr(g.audit[1], "\"host\":\"denied.test\"") && strstr(g.audit[1], "\"decision\":\"deny\""));
    /* Allowed -> a name that resolves to a refused address. */
    snprintf(url, sizeof url, "/to?url=http://public.test:%d/to%%3Furl%%3Dhttp://169.254.169.254/", port);
    T_EQ_INT(run(p, &g, url, &q, &r), 56);
    T_CHECK_MSG(strstr(r.msg, "egress to 169.254.169.254 denied"), "%s", r.msg);
    /* ... and through a name allowed by the rules. */
    vb_net_policy_allow(p, "metadata.test");
    snprintf(url, sizeof url, "/to?url=http://metadata.test/latest/meta-data/");
    T_EQ_INT(run(p, &g, url, &q, &r), 7);
    T_CHECK_MSG(strstr(r.msg, "metadata 169.254.169.254"), "%s", r.msg);
    /* Rebinding: the first lookup passes, the second answers a private
     * address: the second hop is refused, and each hop looked up once. */
    rebind_calls = 0;
    snprintf(url, sizeof url, "http://rebind.test:%d/redirect/1", port);
    T_EQ_INT(run(p, &g, url, &q, &r), 7);
    T_CHECK_MSG(strstr(r.msg, "10.0.0.1"), "%s", r.msg);
    T_EQ_INT(rebind_calls, 2);
    /* Without -L the redirect is reported, not followed. */
    q.follow = false;
    T_EQ_INT(run(p, &g, "/redirect/3", &q, &r), 0);
    T_EQ_INT(r.status, 302);
    T_CHECK(r.redirect_url && strstr(r.redirect_url, "/redirect/2"));
    /* Hop limit. */
    q.follow = true;
    q.max_redirs = 2;
    T_EQ_INT(run(p, &g, "/redirect/5", &q, &r), 47);
    T_EQ_STR(r.msg, "Maximum (2) redirects followed");
    q.max_redirs = 5;
    T_EQ_INT(run(p, &g, "/redirect/3", &q, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "hello world\n");
    T_EQ_INT(r.num_redirects, 4);
    /* The policy's hop limit caps what the command asks. */
    vb_net_limits l = {.max_redirects = 1};
    vb_net_policy_set_limits(p, &l);
    q.max_redirs = 50;
    T_EQ_INT(run(p, &g, "/redirect/3", &q, &r), 47);
    vb_net_policy_free(p);
}

static volatile int cancel_flag;

static void *cancel_later(void *arg)
{
    usleep(200 * 1000);
    cancel_flag = 1;
    return NULL;
}

static void test_limits(void)
{
    got g;
    net_resp r;
    vb_net_policy *p = pol((const char *[]){"allow 127.0.0.1", NULL});
    vb_net_limits l = {.max_response_bytes = 1000};
    vb_net_policy_set_limits(p, &l);
    T_EQ_INT(run(p, &g, "/bytes/1000", NULL, &r), 0);
    T_EQ_INT(g.body.len, 1000);
    T_EQ_INT(run(p, &g, "/bytes/5000", NULL, &r), 63);
    T_EQ_STR(r.msg, "vbash: response exceeds the policy's cap of 1000 bytes");
    T_CHECK(g.body.len <= 1000);
    /* Endless headers are cut. */
    T_EQ_INT(run(p, &g, "/bigheaders", NULL, &r), 56);
    T_CHECK_MSG(strstr(r.msg, "headers"), "%s", r.msg); /* libcurl or our own cap */
    /* Request body cap. */
    l = (vb_net_limits){.max_request_bytes = 10};
    vb_net_policy_set_limits(p, &l);
    net_req q = {.body = "0123456789abc", .body_len = 13, .has_body = true, .max_redirs = -1};
    T_EQ_INT(run(p, &g, "/echo", &q, &r), 25);
    /* Timeout. */
    q = (net_req){.timeout_ms = 300, .max_redirs = -1};
    uint64_t t0 = ms_now();
    T_EQ_INT(run(p, &g, "/slow/3000", &q, &r), 28);
    T_CHECK_MSG(ms_now() - t0 < 1500, "took %llu ms", (unsigned long long)(ms_now() - t0));
    /* Cancellation. */
    cancel_flag = 0;
    pthread_t th;
    pthread_create(&th, NULL, cancel_later, NULL);
    q = (net_req){.cancel = &cancel_flag, .max_redirs = -1};
    t0 = ms_now();
    T_EQ_INT(run(p, &g, "/slow/3000", &q, &r), 42);
    T_CHECK(ms_now() - t0 < 1500);
    pthread_join(th, NULL);
    vb_net_policy_free(p);
    /* Request count. */
    p = pol((const char *[]){"allow 127.0.0.1", NULL});
    l = (vb_net_limits){.max_requests = 2};
    vb_net_policy_set_limits(p, &l);
    T_EQ_INT(run(p, &g, "/hello", NULL, &r), 0);
    T_EQ_INT(run(p, &g, "/hello", NULL, &r), 0);
    T_EQ_INT(run(p, &g, "/hello", NULL, &r), 56);
    T_CHECK(strstr(r.msg, "limit of 2 requests"));
    vb_net_policy_free(p);
    /* -k is refused unless the policy allows it. */
    p = pol((const char *[]){"allow 127.0.0.1", NULL});
    q = (net_req){.insecure = true, .max_redirs = -1};
    T_EQ_INT(run(p, &g, "/hello", &q, &r), 56);
    vb_net_policy_allow_insecure_tls(p, 1);
    T_EQ_INT(run(p, &g, "/hello", &q, &r), 0);
    vb_net_policy_free(p);
}

static void test_secrets(void)
{
    got g;
    net_resp r;
    char url[256];
    vb_net_policy *p = pol((const char *[]){"allow *.test", "allow 127.0.0.1", NULL});
    const char *globs[] = {"public.test"};
    T_CHECK(vb_net_policy_add_secret(p, "TOK", "s3cr3t-v4lue", 12, globs, 1, NULL, NULL) == VB_OK);
    /* Injected for the right host: the server saw it (it echoes the
     * header), and the echo comes back redacted. */
    snprintf(url, sizeof url, "http://public.test:%d/auth", port);
    T_EQ_INT(run(p, &g, url, NULL, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "Bearer [REDACTED:TOK]\n");
    /* Not for another host, even one that the first redirects to. */
    snprintf(url, sizeof url, "http://other.test:%d/auth", port);
    T_EQ_INT(run(p, &g, url, NULL, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "none\n");
    snprintf(url, sizeof url, "http://127.0.0.1:%d/auth", port);
    T_EQ_INT(run(p, &g, url, NULL, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "none\n");
    net_req q = {.follow = true, .max_redirs = -1};
    snprintf(url, sizeof url, "http://public.test:%d/to?url=http://other.test:%d/auth", port, port);
    T_EQ_INT(run(p, &g, url, &q, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "none\n");
    /* A user Authorization header does not follow a redirect to another host. */
    char *hdrs[] = {"Authorization: Basic dXNlcjpwdw=="};
    q.headers = hdrs;
    q.n_headers = 1;
    snprintf(url, sizeof url, "http://other.test:%d/to?url=http://127.0.0.1:%d/auth", port, port);
    T_EQ_INT(run(p, &g, url, &q, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "none\n");
    snprintf(url, sizeof url, "http://other.test:%d/auth", port);
    T_EQ_INT(run(p, &g, url, &q, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "Basic dXNlcjpwdw==\n");
    /* The secret in a URL the sandbox built is redacted from the audit. */
    snprintf(url, sizeof url, "http://public.test:%d/query?k=s3cr3t-v4lue", port);
    T_EQ_INT(run(p, &g, url, NULL, &r), 0);
    T_EQ_STR(vbuf_str(&g.body), "k=[REDACTED:TOK]\n");
    T_CHECK(strstr(g.audit[0], "s3cr3t") == NULL);
    snprintf(url, sizeof url, "http://public.test:%d/x/s3cr3t-v4lue", port);
    run(p, &g, url, NULL, &r);
    T_CHECK_MSG(strstr(g.audit[0], "\"path\":\"/x/[REDACTED:TOK]\""), "%s", g.audit[0]);
    vb_net_policy_free(p);
}

int main(void)
{
    if (start_server() != 0) {
        T_SKIP("python3 could not start tests/net/server.py");
        return T_DONE();
    }
    heap = mem_heap_new(0);
    test_basic();
    test_default_and_rules();
    test_guard_names();
    test_redirects();
    test_limits();
    test_secrets();
    mem_heap_destroy(heap);
    stop_server();
    return T_DONE();
}
