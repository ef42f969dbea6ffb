/*
 * net/ private header: the policy's inside, the connect guard, the audit
 * writer and the libcurl glue used by the curl and wget commands.
 */
#ifndef VB_NET_NET_INT_H
#define VB_NET_NET_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/mem.h"
#include "core/stream.h"
#include "vbash/net.h"

/* ------------------------------------------------------------ addresses */

typedef struct net_addr {
    int family;          /* AF_INET / AF_INET6 */
    uint8_t b[16];       /* IPv4 in b[0..3] */
} net_addr;

/* Parses an IP literal ("10.0.0.1", "::1", "[::1]"). 0 or -1. */
int net_addr_parse(const char *s, net_addr *out);
/* Text form (inet_ntop), buf of 64 bytes. */
const char *net_addr_str(const net_addr *a, char buf[64]);
/* true when a lies in net/prefix (mapped IPv6 of an IPv4 rule counts). */
bool net_addr_in(const net_addr *a, const net_addr *net, int prefix);
/* The special range a belongs to ("loopback 127.0.0.0/8"...), or NULL for
 * an ordinary public address. Embedded IPv4 forms are unwrapped. Static. */
const char *net_guard_class(const net_addr *a);

/* ------------------------------------------------------------ policy */

typedef struct net_rule {
    bool allow;
    char *text;          /* "allow:PATTERN" for messages */
    char *scheme;        /* NULL = any */
    char *host;          /* lowercase glob; NULL for an address rule */
    bool is_addr;
    net_addr addr;
    int prefix;
    int port;            /* 0 = any */
    char *path;          /* prefix; NULL = any */
} net_rule;

typedef struct net_secret {
    char *name;
    char *value;         /* NUL-terminated copy; len bytes */
    size_t len;
    char **hosts;        /* globs, each "[scheme://]host" */
    size_t n_hosts;
    char *header;
    char *format;        /* "{value}" replaced */
} net_secret;

typedef struct net_cache_ent {
    char *key;           /* "scheme://host:port" */
    int verdict;
} net_cache_ent;

struct vb_net_policy {
    net_rule *rules;
    size_t n_rules, cap_rules;
    int default_verdict;
    vb_net_decide_fn decide;
    void *decide_ud;
    uint32_t decide_timeout_ms;
    vb_net_limits limits;
    bool insecure_ok;
    net_secret *secrets;
    size_t n_secrets;
    size_t max_secret;
    FILE *audit_file;
    char *audit_path;
    vb_net_audit_fn audit_fn;
    void *audit_ud;
    char *session_id;
    vb_net_resolve_fn resolve;
    void *resolve_ud;
    char err[256];

    pthread_mutex_t lock;  /* cache, counters, audit writes */
    net_cache_ent *cache;
    size_t n_cache, cap_cache;
    uint64_t n_requests;
};

/* Effective limits (defaults filled in). */
void net_policy_limits(const vb_net_policy *p, vb_net_limits *out);

/* The verdict of the rules / decider / default for one request.
 * why: "rule allow:127.0.0.1", "decider", "default"; cancel may be NULL. */
typedef struct net_verdict {
    int verdict;
    char by[192];        /* who decided, for messages and the audit */
} net_verdict;
void net_policy_decide(vb_net_policy *p, const vb_net_request_info *req,
                       const volatile int *cancel, net_verdict *out);

/* Guard for one resolved address: 1 allowed, 0 refused (reason in why). */
int net_guard_check(const vb_net_policy *p, const char *scheme, int port, const char *path,
                    const net_addr *a, char *why, size_t why_size);

/* Glob over DNS labels: pattern and host lowercase. */
bool net_host_match(const char *pattern, const char *host);

/* Counts one request hop; false when max_requests is reached. */
bool net_policy_count_request(vb_net_policy *p);

/* Secrets whose globs match scheme/host (index list in out, count returned). */
size_t net_secrets_for(const vb_net_policy *p, const char *scheme, const char *host,
                       size_t *out, size_t max);
/* Reads a secret from a host file (final newlines dropped); shared memory. */
vb_status net_read_secret_file(vb_net_policy *p, const char *path, char **out, size_t *len);
/* "HEADER: formatted value" on h. */
char *net_secret_header(mem_heap *h, const net_secret *s);

/* ------------------------------------------------------------ redaction */

/* Appends the redacted form of in to out (no streaming). */
int net_redact_append(const vb_net_policy *p, vbuf *out, const void *in, size_t len);

/* Wraps a write stream so that every secret of p written through it comes
 * out as [REDACTED:NAME] (split writes included). Takes over the caller's
 * reference to inner and returns the wrapper (refs 1), or inner itself when
 * p is NULL or holds no secret, or NULL when out of memory (inner released).
 * Closing the wrapper (last stream_unref) emits the held-back tail. */
stream *net_redact_stream(mem_heap *h, stream *inner, const vb_net_policy *p);
/* Emits the held-back tail now (end of vb_exec, before a prompt). 0 or the
 * inner stream's error. A no-op for a stream that is not a wrapper. */
int net_redact_stream_flush(stream *s);

/* ------------------------------------------------------------ audit */

typedef struct net_audit_rec {
    const vb_net_request_info *req;
    const char *query;       /* raw query (values are dropped), may be NULL */
    const char *decision;    /* "allow" / "deny" / "error" */
    const char *by;          /* rule or decider */
    long status;             /* HTTP status, 0 when none */
    uint64_t bytes_in, bytes_out;
    uint64_t duration_ms;
    const char *error;       /* may be NULL */
} net_audit_rec;
void net_audit(vb_net_policy *p, const net_audit_rec *rec);
/* Builds the JSON line into out (no newline). Exposed for tests. */
int net_audit_format(const vb_net_policy *p, const net_audit_rec *rec, vbuf *out);

/* ------------------------------------------------------------ HTTP */

typedef struct net_req net_req;

/* One part of a multipart form (-F). */
typedef struct net_form_part {
    const char *name;
    const char *data;            /* value, or the file's content */
    size_t len;
    const char *filename;        /* may be NULL: a plain field */
    const char *type;            /* may be NULL */
} net_form_part;
typedef struct net_resp net_resp;

/* Callbacks run outside libcurl's stack (they may block on a pipe). Each
 * returns 0, or <0 to abort the transfer (the code becomes 23). */
typedef int (*net_data_fn)(void *ctx, const char *data, size_t len);
/* Verbose lines: kind '*' (info), '>' (header out), '<' (header in). */
typedef void (*net_verbose_fn)(void *ctx, char kind, const char *data, size_t len);

struct net_req {
    mem_heap *heap;              /* temporaries */
    const char *url;
    const char *method;          /* NULL: GET, POST with a body, HEAD with nobody */
    bool method_custom;          /* -X given: keep it across redirects */
    char **headers;              /* "Name: value" / "Name:" (remove) / "Name;" (empty) */
    size_t n_headers;
    const char *body;            /* may be NULL */
    size_t body_len;
    bool has_body;
    bool upload_put;             /* -T: PUT the body */
    bool upload_chunked;         /* -T -: size unknown, chunked encoding */
    bool auth_on_challenge;      /* send userpwd only after a 401 (wget) */
    const net_form_part *parts;  /* -F; may be NULL */
    size_t n_parts;
    bool nobody;                 /* -I */
    bool follow;                 /* -L */
    long max_redirs;             /* -1 = policy limit */
    bool insecure;               /* -k */
    bool compressed;
    bool fail_on_error;          /* -f */
    bool verbose;
    const char *userpwd;         /* may be NULL */
    const char *user_agent;      /* NULL = none sent... use default */
    const char *referer;
    const char *cookie;          /* "a=b; c=d" */
    const char *cookie_load;     /* cookie file text (Netscape or Set-Cookie lines) */
    bool cookie_engine;          /* -b file / -c */
    uint64_t connect_timeout_ms; /* 0 = policy's */
    uint64_t timeout_ms;         /* 0 = policy's */
    bool resume;                 /* wget -c */
    uint64_t resume_from;
    const volatile int *cancel;
    /* Called between polls of the transfer (may be NULL): lets the
     * session's other virtual processes run and reports cancellation
     * (returns <0 to stop). */
    int (*yield)(void *ctx);
    const char *session_id;      /* may be NULL */
    const char *tool;            /* "curl" / "wget" for messages */
    net_data_fn on_header;       /* may be NULL; each header line of each hop */
    net_data_fn on_body;         /* may be NULL */
    net_verbose_fn on_verbose;   /* may be NULL */
    void *ctx;
};

struct net_resp {
    int code;                    /* curl exit code; 0 = done */
    char msg[512];               /* text after "curl: (N) " */
    bool policy_denied;          /* the policy or the guard refused */
    long status;                 /* last HTTP status */
    long http_version;           /* CURL_HTTP_VERSION_* of the last hop */
    char *effective_url;
    char *redirect_url;          /* Location not followed, may be NULL */
    char *content_type;
    char *method;
    char *scheme;
    long num_redirects;
    long num_connects;
    uint64_t size_download, size_upload, size_header, size_request;
    double time_namelookup, time_connect, time_appconnect, time_pretransfer,
        time_starttransfer, time_total, time_redirect;
    char remote_ip[64], local_ip[64];
    long remote_port, local_port;
    char *cookies;               /* Netscape lines of the cookie engine (-c) */
    char **hdrs;                 /* header lines of the last hop (for %header{}) */
    size_t n_hdrs;
};

/* Runs a request through the policy, hop by hop. p must not be NULL.
 * Returns resp->code. */
int net_http_perform(vb_net_policy *p, net_req *req, net_resp *resp);

/* "curl/7.88.1" */
const char *net_default_user_agent(void);

#endif
