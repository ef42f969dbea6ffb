/*
 * vbash's governed network: the one door every outbound connection of a
 * session goes through (the curl and wget commands, later the agent's
 * providers and MCP over HTTP).
 *
 * A vb_net_policy holds:
 *  - ordered allow/deny rules ("allow api.github.com", "deny *.example",
 *    "allow 127.0.0.1", "allow https://registry.npmjs.org:443/pkg"); the first
 *    rule that matches a request decides (see docs/network.md);
 *  - an optional decide callback for requests no rule settles, run with a
 *    timeout (timeout = deny) and a cache of its answers;
 *  - a default verdict (deny unless set);
 *  - the connect guard: every resolved address is checked before connecting;
 *    loopback, private, CGNAT, link-local, metadata, ULA, multicast,
 *    broadcast, 0/8 and their IPv4-mapped / -compatible / NAT64 / 6to4 forms
 *    are refused unless an allow rule names that address or range;
 *  - limits, named secrets (injected as a header for matching hosts and
 *    redacted from every output), an audit sink.
 *
 * A session without a policy (vb_config.net == NULL) has no network.
 *
 * Memory: a policy and everything it owns comes from the process-wide
 * allocator; it may be shared by sessions on several threads once configured
 * (configuration calls are not thread-safe, use them before the first
 * session starts). The decide cache and the request counter live in the
 * policy: give each session its own policy (vb_net_policy_clone) for
 * per-session caches and counts.
 */
#ifndef VBASH_NET_H
#define VBASH_NET_H

#include <stddef.h>
#include <stdint.h>

#include "vbash/vbash.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { VB_NET_DENY = 0, VB_NET_ALLOW = 1 };

/* What a decide callback and an audit callback are told about a request.
 * Every string is borrowed for the duration of the call. */
typedef struct vb_net_request_info {
    const char *method;      /* "GET" */
    const char *scheme;      /* "http" / "https" */
    const char *host;        /* lowercase, no trailing dot; IPv6 without brackets */
    int port;
    const char *path;        /* path without the query string */
    const char *session_id;  /* may be "" */
} vb_net_request_info;

/* Returns VB_NET_ALLOW or VB_NET_DENY. Runs on a helper thread: when it does
 * not answer within the policy's decide timeout the request is denied (the
 * late answer is dropped); ud must stay valid until the policy is freed. */
typedef int (*vb_net_decide_fn)(void *ud, const vb_net_request_info *req);

/* One audit line (JSON, no trailing newline, secrets already redacted). */
typedef void (*vb_net_audit_fn)(void *ud, const char *line, size_t len);

/* An address returned by a resolver override. */
typedef struct vb_net_addr {
    int family;          /* AF_INET or AF_INET6 */
    uint8_t bytes[16];   /* network order; IPv4 in bytes[0..3] */
} vb_net_addr;

/* Resolver override (tests, embedders with their own DNS): fills up to max
 * addresses for host; returns how many (0 = no such host). Called once per
 * request hop; the addresses it returns are the ones connected to. */
typedef size_t (*vb_net_resolve_fn)(void *ud, const char *host, vb_net_addr *out, size_t max);

typedef struct vb_net_limits {
    uint64_t max_request_bytes;   /* request body; 0 = 64 MiB */
    uint64_t max_response_bytes;  /* response body per hop; 0 = 1 GiB */
    uint64_t connect_timeout_ms;  /* 0 = 30 s */
    uint64_t total_timeout_ms;    /* one request, all hops; 0 = 10 min */
    uint64_t max_requests;        /* hops over the policy's life; 0 = unlimited */
    uint64_t max_redirects;       /* hop limit whatever the command asks; 0 = 20 */
} vb_net_limits;

typedef struct vb_net_policy vb_net_policy;

/* A new empty policy: no rules, default deny, no decider, no secrets. */
VB_API vb_status vb_net_policy_new(vb_net_policy **out);
/* A deep copy of the configuration (rules, decider, secrets, limits, audit
 * sink, resolver) with a fresh cache and counters. */
VB_API vb_status vb_net_policy_clone(const vb_net_policy *p, vb_net_policy **out);
/* NULL is a no-op. */
VB_API void vb_net_policy_free(vb_net_policy *p);

/* Text of the last configuration error (borrowed; "" when none). */
VB_API const char *vb_net_policy_error(const vb_net_policy *p);

/* Appends a rule: "allow PATTERN" or "deny PATTERN" (also "allow:PATTERN").
 * PATTERN: [scheme://]HOST[:PORT][/PATH-PREFIX]; HOST is a glob over DNS
 * labels ("*" = one label, "**" = one or more, "*.x" does not match "x") or
 * an IP literal / CIDR ("10.0.0.0/8", "::1", "[fd00::]/8"). */
VB_API vb_status vb_net_policy_add_rule(vb_net_policy *p, const char *rule);
/* Shorthands for add_rule("allow " pattern) / ("deny " pattern). */
VB_API vb_status vb_net_policy_allow(vb_net_policy *p, const char *pattern);
VB_API vb_status vb_net_policy_deny(vb_net_policy *p, const char *pattern);
/* Verdict when no rule and no decider settles a request (VB_NET_DENY). */
VB_API void vb_net_policy_set_default(vb_net_policy *p, int verdict);
/* timeout_ms 0 = 5000. fn NULL removes the decider. */
VB_API void vb_net_policy_set_decider(vb_net_policy *p, vb_net_decide_fn fn, void *ud,
                                      uint32_t timeout_ms);
/* Zero fields keep their default. */
VB_API void vb_net_policy_set_limits(vb_net_policy *p, const vb_net_limits *limits);
VB_API void vb_net_policy_get_limits(const vb_net_policy *p, vb_net_limits *out);
/* Whether `curl -k` / `wget --no-check-certificate` may disable TLS checks. */
VB_API void vb_net_policy_allow_insecure_tls(vb_net_policy *p, int allow);

/* A named secret: value (len bytes, copied) injected as HEADER: FORMAT for
 * requests whose host matches one of the globs (each may carry a scheme:
 * "https://api.github.com"). header NULL = "Authorization", format NULL =
 * "Bearer {value}". Values of 4 bytes or more are redacted as
 * [REDACTED:NAME] from every output. */
VB_API vb_status vb_net_policy_add_secret(vb_net_policy *p, const char *name,
                                          const void *value, size_t len,
                                          const char *const *host_globs, size_t n_globs,
                                          const char *header, const char *format);
/* "NAME=SOURCE@GLOB[,GLOB...]" with SOURCE env:VAR | file:PATH | value:TEXT
 * (the --secret flag). The value is read now, from the host. */
VB_API vb_status vb_net_policy_add_secret_spec(vb_net_policy *p, const char *spec);

/* Audit sink: a host file opened for appending (NULL closes it) and/or a
 * callback. Each request hop gives one JSON line. */
VB_API vb_status vb_net_policy_set_audit_file(vb_net_policy *p, const char *path);
VB_API void vb_net_policy_set_audit_callback(vb_net_policy *p, vb_net_audit_fn fn, void *ud);
/* Session id written in audit lines when the command does not know it. */
VB_API vb_status vb_net_policy_set_session_id(vb_net_policy *p, const char *id);

/* Resolver override (NULL = the host's getaddrinfo). */
VB_API void vb_net_policy_set_resolver(vb_net_policy *p, vb_net_resolve_fn fn, void *ud);

/* Loads a JSON policy (docs/network.md) into p, adding to what it holds. */
VB_API vb_status vb_net_policy_load_json(vb_net_policy *p, const char *json, size_t len);
VB_API vb_status vb_net_policy_load_file(vb_net_policy *p, const char *path);

/* Applies one CLI flag: "--allow-net" / "--deny-net" (comma-separated
 * patterns; denies go before every allow so they take precedence),
 * "--net-audit" (file), "--secret" (spec as above), "--net-policy" (JSON
 * file), "--net-default" (allow|deny), "--net-insecure-tls" (yes|no). The
 * leading dashes are optional. VB_EINVAL with vb_net_policy_error set on a
 * bad value, VB_ENOENT for an unknown flag. */
VB_API vb_status vb_net_policy_apply_flag(vb_net_policy *p, const char *flag, const char *value);

/* Asks the rules / decider / default about a request without sending it
 * (no resolution, no guard): VB_NET_ALLOW or VB_NET_DENY. why (may be NULL)
 * receives who decided ("rule deny:*.example", "default deny"...), cut to
 * why_size bytes. */
VB_API int vb_net_policy_check(vb_net_policy *p, const char *method, const char *url,
                               char *why, size_t why_size);

/* ------------------------------------------------------------ redaction */

/* Longest secret value (0 when p has none or is NULL). */
VB_API size_t vb_net_policy_max_secret_len(const vb_net_policy *p);

/*
 * A streaming redactor: every secret value of the policy that appears in the
 * bytes written is replaced by "[REDACTED:NAME]", also when the value is
 * split across two writes. It holds back at most max_secret_len-1 bytes (only
 * a tail that could start a secret) until the next write or the flush.
 */
typedef struct vb_net_redactor vb_net_redactor;
/* Receives redacted bytes; returns 0, or <0 to stop (returned by write). */
typedef int (*vb_net_emit_fn)(void *ctx, const void *data, size_t len);

/* NULL when out of memory. p may be NULL or hold no secrets: a pass-through.
 * The policy must outlive the redactor. */
VB_API vb_net_redactor *vb_net_redactor_new(const vb_net_policy *p);
VB_API int vb_net_redactor_write(vb_net_redactor *r, const void *data, size_t len,
                                 vb_net_emit_fn emit, void *ctx);
/* Emits the held-back tail (end of stream, or before a read from the
 * terminal that must see the prompt). */
VB_API int vb_net_redactor_flush(vb_net_redactor *r, vb_net_emit_fn emit, void *ctx);
VB_API void vb_net_redactor_free(vb_net_redactor *r);

/* One-shot redaction of a whole buffer. *out is NUL-terminated, freed with
 * vb_net_free; *out is NULL and VB_OK returned when nothing changed. */
VB_API vb_status vb_net_redact(const vb_net_policy *p, const void *in, size_t len,
                               char **out, size_t *out_len);
VB_API void vb_net_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif
