/*
 * The JSON policy file (docs/network.md):
 *
 *   { "default": "deny",
 *     "rules": ["allow api.github.com", {"deny": "*.example"}, ...],
 *     "limits": {"max_request_bytes": N, "max_response_bytes": N,
 *                "connect_timeout_ms": N, "timeout_ms": N,
 *                "max_requests": N, "max_redirects": N},
 *     "allow_insecure_tls": false,
 *     "audit": "/var/log/vbash-net.jsonl",
 *     "secrets": [{"name": "GH", "env": "GITHUB_TOKEN" | "file": PATH | "value": TEXT,
 *                  "hosts": ["api.github.com"], "header": "Authorization",
 *                  "format": "Bearer {value}"}] }
 */
#include <cjson/cJSON.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/net_int.h"

/*
 * cJSON is loaded at first use (dlopen), as libcurl is (net/curl_dl.c):
 * only policy files need it, and a linked library is mapped and relocated
 * by every `vbash -c` run. A missing library is an error of the policy
 * file only ("network policy: libcjson.so.1 not available").
 */
#define NET_CJSON_SONAME "libcjson.so.1"

typedef struct net_cjson_api {
    cJSON *(*parse)(const char *value, size_t len, const char **end, cJSON_bool null_term);
    void (*del)(cJSON *item);
    cJSON *(*get)(const cJSON *object, const char *key);
    int (*size)(const cJSON *array);
    cJSON_bool (*is_array)(const cJSON *item);
    cJSON_bool (*is_object)(const cJSON *item);
    cJSON_bool (*is_string)(const cJSON *item);
    cJSON_bool (*is_number)(const cJSON *item);
    cJSON_bool (*is_bool)(const cJSON *item);
    cJSON_bool (*is_true)(const cJSON *item);
} net_cjson_api;

static net_cjson_api net_cjson;
static pthread_once_t net_cjson_once = PTHREAD_ONCE_INIT;
static int net_cjson_rc = -1;

static const struct {
    const char *sym;
    size_t off;
} net_cjson_syms[] = {
#define S(name, field) {name, offsetof(net_cjson_api, field)}
    S("cJSON_ParseWithLengthOpts", parse),
    S("cJSON_Delete", del),
    S("cJSON_GetObjectItemCaseSensitive", get),
    S("cJSON_GetArraySize", size),
    S("cJSON_IsArray", is_array),
    S("cJSON_IsObject", is_object),
    S("cJSON_IsString", is_string),
    S("cJSON_IsNumber", is_number),
    S("cJSON_IsBool", is_bool),
    S("cJSON_IsTrue", is_true),
#undef S
};

static void net_cjson_do_load(void)
{
    /* VB_NO_LIBCJSON=1 simulates a host without cJSON (tests). */
    const char *off = getenv("VB_NO_LIBCJSON");
    if (off && *off && *off != '0')
        return;
    void *h = dlopen(NET_CJSON_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    net_cjson_api api;
    for (size_t i = 0; i < sizeof net_cjson_syms / sizeof net_cjson_syms[0]; i++) {
        void *f = dlsym(h, net_cjson_syms[i].sym);
        if (!f) {
            dlclose(h);
            return;
        }
        memcpy((char *)&api + net_cjson_syms[i].off, &f, sizeof f);
    }
    net_cjson = api;
    net_cjson_rc = 0;
}

#define cJSON_ParseWithLengthOpts net_cjson.parse
#define cJSON_Delete net_cjson.del
#define cJSON_GetObjectItemCaseSensitive net_cjson.get
#define cJSON_GetArraySize net_cjson.size
#define cJSON_IsArray net_cjson.is_array
#define cJSON_IsObject net_cjson.is_object
#define cJSON_IsString net_cjson.is_string
#define cJSON_IsNumber net_cjson.is_number
#define cJSON_IsBool net_cjson.is_bool
#define cJSON_IsTrue net_cjson.is_true

static vb_status net__jfail(vb_net_policy *p, const char *what)
{
    snprintf(p->err, sizeof p->err, "network policy: %s", what);
    return VB_EINVAL;
}

static vb_status net__load_rules(vb_net_policy *p, const cJSON *rules)
{
    if (!cJSON_IsArray(rules))
        return net__jfail(p, "\"rules\" must be an array");
    const cJSON *r;
    cJSON_ArrayForEach(r, rules)
    {
        vb_status rc;
        if (cJSON_IsString(r)) {
            rc = vb_net_policy_add_rule(p, r->valuestring);
        } else if (cJSON_IsObject(r)) {
            const cJSON *a = cJSON_GetObjectItemCaseSensitive(r, "allow");
            const cJSON *d = cJSON_GetObjectItemCaseSensitive(r, "deny");
            if (cJSON_IsString(a) && !d)
                rc = vb_net_policy_allow(p, a->valuestring);
            else if (cJSON_IsString(d) && !a)
                rc = vb_net_policy_deny(p, d->valuestring);
            else
                return net__jfail(p, "a rule object is {\"allow\": PATTERN} or {\"deny\": PATTERN}");
        } else {
            return net__jfail(p, "a rule is a string or an object");
        }
        if (rc != VB_OK)
            return rc;
    }
    return VB_OK;
}

static int net__juint(const cJSON *o, const char *k, uint64_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!v)
        return 0;
    if (!cJSON_IsNumber(v) || v->valuedouble < 0)
        return -1;
    *out = (uint64_t)v->valuedouble;
    return 0;
}

static vb_status net__load_secret(vb_net_policy *p, const cJSON *s)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(s, "name");
    const cJSON *env = cJSON_GetObjectItemCaseSensitive(s, "env");
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(s, "file");
    const cJSON *val = cJSON_GetObjectItemCaseSensitive(s, "value");
    const cJSON *hosts = cJSON_GetObjectItemCaseSensitive(s, "hosts");
    const cJSON *header = cJSON_GetObjectItemCaseSensitive(s, "header");
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(s, "format");
    if (!cJSON_IsString(name))
        return net__jfail(p, "a secret needs a \"name\"");
    if (!cJSON_IsArray(hosts) || cJSON_GetArraySize(hosts) == 0)
        return net__jfail(p, "a secret needs \"hosts\": [GLOB, ...]");
    const char *list[32];
    size_t n = 0;
    const cJSON *h;
    cJSON_ArrayForEach(h, hosts)
    {
        if (!cJSON_IsString(h) || n == 32)
            return net__jfail(p, "\"hosts\" holds up to 32 strings");
        list[n++] = h->valuestring;
    }
    const char *hdr = cJSON_IsString(header) ? header->valuestring : NULL;
    const char *fmt = cJSON_IsString(format) ? format->valuestring : NULL;
    if (cJSON_IsString(val))
        return vb_net_policy_add_secret(p, name->valuestring, val->valuestring,
                                        strlen(val->valuestring), list, n, hdr, fmt);
    if (cJSON_IsString(env)) {
        const char *v = getenv(env->valuestring);
        if (!v) {
            snprintf(p->err, sizeof p->err, "secret %s: environment variable %s is not set",
                     name->valuestring, env->valuestring);
            return VB_ENOENT;
        }
        return vb_net_policy_add_secret(p, name->valuestring, v, strlen(v), list, n, hdr, fmt);
    }
    if (cJSON_IsString(file)) {
        char *v;
        size_t vl;
        vb_status rc = net_read_secret_file(p, file->valuestring, &v, &vl);
        if (rc != VB_OK)
            return rc;
        rc = vb_net_policy_add_secret(p, name->valuestring, v, vl, list, n, hdr, fmt);
        explicit_bzero(v, vl);
        mem_shared_free(v);
        return rc;
    }
    return net__jfail(p, "a secret needs \"env\", \"file\" or \"value\"");
}

vb_status vb_net_policy_load_json(vb_net_policy *p, const char *json, size_t len)
{
    pthread_once(&net_cjson_once, net_cjson_do_load);
    if (net_cjson_rc != 0)
        return net__jfail(p, NET_CJSON_SONAME " not available");
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!root) {
        snprintf(p->err, sizeof p->err, "network policy: invalid JSON near byte %zu",
                 end ? (size_t)(end - json) : (size_t)0);
        return VB_EINVAL;
    }
    vb_status rc = VB_OK;
    if (!cJSON_IsObject(root)) {
        rc = net__jfail(p, "the policy must be a JSON object");
        goto out;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, root)
    {
        const char *k = it->string;
        if (strcmp(k, "default") == 0) {
            if (cJSON_IsString(it) && strcmp(it->valuestring, "allow") == 0)
                p->default_verdict = VB_NET_ALLOW;
            else if (cJSON_IsString(it) && strcmp(it->valuestring, "deny") == 0)
                p->default_verdict = VB_NET_DENY;
            else
                rc = net__jfail(p, "\"default\" is \"allow\" or \"deny\"");
        } else if (strcmp(k, "rules") == 0) {
            rc = net__load_rules(p, it);
        } else if (strcmp(k, "limits") == 0) {
            vb_net_limits l = {0};
            if (!cJSON_IsObject(it) || net__juint(it, "max_request_bytes", &l.max_request_bytes) ||
                net__juint(it, "max_response_bytes", &l.max_response_bytes) ||
                net__juint(it, "connect_timeout_ms", &l.connect_timeout_ms) ||
                net__juint(it, "timeout_ms", &l.total_timeout_ms) ||
                net__juint(it, "max_requests", &l.max_requests) ||
                net__juint(it, "max_redirects", &l.max_redirects))
                rc = net__jfail(p, "\"limits\" values are non-negative numbers");
            else
                vb_net_policy_set_limits(p, &l);
        } else if (strcmp(k, "allow_insecure_tls") == 0) {
            if (!cJSON_IsBool(it))
                rc = net__jfail(p, "\"allow_insecure_tls\" is true or false");
            else
                p->insecure_ok = cJSON_IsTrue(it);
        } else if (strcmp(k, "audit") == 0) {
            if (!cJSON_IsString(it))
                rc = net__jfail(p, "\"audit\" is a file name");
            else
                rc = vb_net_policy_set_audit_file(p, it->valuestring);
        } else if (strcmp(k, "decide_timeout_ms") == 0) {
            if (!cJSON_IsNumber(it) || it->valuedouble < 1)
                rc = net__jfail(p, "\"decide_timeout_ms\" is a positive number");
            else
                p->decide_timeout_ms = (uint32_t)it->valuedouble;
        } else if (strcmp(k, "secrets") == 0) {
            if (!cJSON_IsArray(it)) {
                rc = net__jfail(p, "\"secrets\" must be an array");
            } else {
                const cJSON *s;
                cJSON_ArrayForEach(s, it)
                {
                    if (!cJSON_IsObject(s)) {
                        rc = net__jfail(p, "a secret is an object");
                        break;
                    }
                    if ((rc = net__load_secret(p, s)) != VB_OK)
                        break;
                }
            }
        } else {
            snprintf(p->err, sizeof p->err, "network policy: unknown key \"%s\"", k);
            rc = VB_EINVAL;
        }
        if (rc != VB_OK)
            break;
    }
out:
    cJSON_Delete(root);
    return rc;
}

vb_status vb_net_policy_load_file(vb_net_policy *p, const char *path)
{
    FILE *f = fopen(path, "rbe");
    if (!f) {
        int e = errno;
        snprintf(p->err, sizeof p->err, "%s: %s", path, strerror(e));
        return -e;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 > cap) {
            if (cap > (4u << 20)) {
                fclose(f);
                mem_shared_free(buf);
                snprintf(p->err, sizeof p->err, "%s: policy file too large", path);
                return VB_EFBIG;
            }
            size_t nc = cap ? cap * 2 : 8192;
            char *nb = mem_shared_realloc(buf, nc);
            if (!nb) {
                fclose(f);
                mem_shared_free(buf);
                return VB_ENOMEM;
            }
            buf = nb;
            cap = nc;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    vb_status rc = vb_net_policy_load_json(p, buf ? buf : "", n);
    if (rc != VB_OK) {
        char tmp[sizeof p->err];
        memcpy(tmp, p->err, sizeof tmp);
        int n = snprintf(p->err, sizeof p->err, "%.80s: ", path);
        if (n > 0 && (size_t)n < sizeof p->err)
            snprintf(p->err + n, sizeof p->err - (size_t)n, "%.*s",
                     (int)(sizeof p->err - (size_t)n - 1), tmp);
    }
    mem_shared_free(buf);
    return rc;
}
