/*
 * libFuzzer target for net/'s parsers: host globs (net_host_match), IP
 * literals and ranges, allow/deny rule patterns, URLs as the policy check
 * parses them, secret specs, redaction and the JSON policy file.
 *
 * The input is lines: line 1 a host glob, line 2 a host; every line is also
 * tried as an IP literal, a rule, a URL and a secret spec (not one that
 * reads a host file), and the whole input as a JSON policy file (unless it
 * could name a host file). Properties
 * checked besides "no crash, no hang": an IP literal prints back to a text
 * that parses to the same address; a host always matches itself as a glob
 * when it has no glob characters; a policy check answers allow or deny.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "net/net_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_MAX_LINES 16

static void fz_addr(const char *line, unsigned prefix)
{
    net_addr a, b;
    if (net_addr_parse(line, &a) != 0)
        return;
    char buf[64];
    const char *txt = net_addr_str(&a, buf);
    if (!txt || net_addr_parse(txt, &b) != 0 || a.family != b.family ||
        memcmp(a.b, b.b, a.family == AF_INET ? 4 : 16) != 0)
        __builtin_trap(); /* an address does not survive its own text form */
    (void)net_guard_class(&a);
    (void)net_addr_in(&a, &b, (int)(prefix % 129));
}

static bool fz_plain_host(const char *s)
{
    if (!*s || strlen(s) > 200 || s[0] == '.')
        return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' ||
              (*c == '.' && c[1] != '.' && c[1] != 0)))
            return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = 0;
    char *lines[FZ_MAX_LINES];
    size_t n = 0;
    for (char *save = NULL, *t = strtok_r(text, "\n", &save); t && n < FZ_MAX_LINES;
         t = strtok_r(NULL, "\n", &save))
        lines[n++] = t;

    if (n >= 2)
        (void)net_host_match(lines[0], lines[1]);
    for (size_t i = 0; i < n; i++) {
        fz_addr(lines[i], (unsigned)i * 37u);
        if (fz_plain_host(lines[i]) && !net_host_match(lines[i], lines[i]))
            __builtin_trap(); /* a plain host does not match itself */
    }

    vb_net_policy *p = NULL, *all = NULL;
    if (vb_net_policy_new(&p) == VB_OK && vb_net_policy_new(&all) == VB_OK &&
        vb_net_policy_add_rule(all, "allow *") == VB_OK) {
        for (size_t i = 0; i < n; i++) {
            (void)vb_net_policy_add_rule(p, lines[i]);
            (void)vb_net_policy_allow(p, lines[i]);
            (void)vb_net_policy_deny(p, lines[i]);
            if (!strstr(lines[i], "file:")) /* no reads of host files */
                (void)vb_net_policy_add_secret_spec(p, lines[i]);
        }
        for (size_t i = 0; i < n; i++) {
            char why[128];
            (void)vb_net_policy_check(p, "GET", lines[i], why, sizeof why);
            int v = vb_net_policy_check(all, "POST", lines[i], why, sizeof why);
            if (v != VB_NET_ALLOW && v != VB_NET_DENY)
                __builtin_trap(); /* neither verdict */
        }
        char *red = NULL;
        size_t rl = 0;
        if (vb_net_redact(p, data, size, &red, &rl) == VB_OK)
            vb_net_free(red);
    }
    vb_net_policy_free(p);
    vb_net_policy_free(all);
    /* a policy file may name host files (audit log, secret files): those
     * inputs are not loaded, the fuzzer must not write or read the host */
    vb_net_policy *j = NULL;
    if (!memmem(data, size, "audit", 5) && !memmem(data, size, "file", 4) &&
        vb_net_policy_new(&j) == VB_OK)
        (void)vb_net_policy_load_json(j, (const char *)data, size);
    vb_net_policy_free(j);
    free(text);
    return 0;
}
