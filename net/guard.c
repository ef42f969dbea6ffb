/*
 * The connect guard: which addresses a sandbox may reach.
 *
 * After DNS resolution and before connecting, every address is checked:
 * the special ranges below are refused unless an address rule of the policy
 * names that address or range. IPv6 forms that carry an IPv4 address
 * (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4
 * 2002::/16, Teredo 2001::/32) are judged by the IPv4 address inside.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "net/net_int.h"

int net_addr_parse(const char *s, net_addr *out)
{
    char tmp[64];
    size_t n = strlen(s);
    if (n >= sizeof tmp)
        return -1;
    if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
        memcpy(tmp, s + 1, n - 2);
        tmp[n - 2] = 0;
    } else {
        memcpy(tmp, s, n + 1);
    }
    memset(out, 0, sizeof *out);
    if (inet_pton(AF_INET, tmp, out->b) == 1) {
        out->family = AF_INET;
        return 0;
    }
    /* Zone ids ("fe80::1%eth0") name a link-local address: parse the
     * address part so the guard sees it. */
    char *pct = strchr(tmp, '%');
    if (pct)
        *pct = 0;
    if (inet_pton(AF_INET6, tmp, out->b) == 1) {
        out->family = AF_INET6;
        return 0;
    }
    return -1;
}

const char *net_addr_str(const net_addr *a, char buf[64])
{
    if (!inet_ntop(a->family == AF_INET ? AF_INET : AF_INET6, a->b, buf, 64))
        snprintf(buf, 64, "?");
    return buf;
}

static bool net__prefix_eq(const uint8_t *a, const uint8_t *b, int bits)
{
    int bytes = bits / 8, rem = bits % 8;
    if (memcmp(a, b, (size_t)bytes) != 0)
        return false;
    if (rem) {
        uint8_t mask = (uint8_t)(0xff << (8 - rem));
        if ((a[bytes] & mask) != (b[bytes] & mask))
            return false;
    }
    return true;
}

static const uint8_t net__mapped_pfx[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

bool net_addr_in(const net_addr *a, const net_addr *net, int prefix)
{
    if (a->family == net->family)
        return net__prefix_eq(a->b, net->b, prefix);
    /* An IPv4 rule covers the IPv4-mapped IPv6 form of its addresses. */
    if (net->family == AF_INET && a->family == AF_INET6 &&
        memcmp(a->b, net__mapped_pfx, 12) == 0)
        return net__prefix_eq(a->b + 12, net->b, prefix);
    return false;
}

typedef struct net_range {
    uint8_t b[16];
    int prefix;
    const char *what;
} net_range;

static const net_range net__v4_ranges[] = {
    {{169, 254, 169, 254}, 32, "cloud metadata 169.254.169.254"},
    {{0}, 8, "\"this network\" 0.0.0.0/8"},
    {{10}, 8, "private 10.0.0.0/8"},
    {{100, 64}, 10, "carrier-grade NAT 100.64.0.0/10"},
    {{127}, 8, "loopback 127.0.0.0/8"},
    {{169, 254}, 16, "link-local 169.254.0.0/16"},
    {{172, 16}, 12, "private 172.16.0.0/12"},
    {{192, 0, 0}, 24, "IETF protocol assignments 192.0.0.0/24"},
    {{192, 168}, 16, "private 192.168.0.0/16"},
    {{198, 18}, 15, "benchmarking 198.18.0.0/15"},
    {{224}, 4, "multicast 224.0.0.0/4"},
    {{255, 255, 255, 255}, 32, "broadcast 255.255.255.255"},
    {{240}, 4, "reserved 240.0.0.0/4"},
};

static const net_range net__v6_ranges[] = {
    {{0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54}, 128,
     "cloud metadata fd00:ec2::254"},
    {{0}, 128, "unspecified ::"},
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128, "loopback ::1"},
    {{0xfe, 0x80}, 10, "link-local fe80::/10"},
    {{0xfe, 0xc0}, 10, "site-local fec0::/10"},
    {{0xfc}, 7, "unique local fc00::/7"},
    {{0xff}, 8, "multicast ff00::/8"},
    {{0x01, 0x00}, 64, "discard-only 100::/64"},
    {{0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48, "local-use NAT64 64:ff9b:1::/48"},
    {{0x20, 0x01, 0x0d, 0xb8}, 32, "documentation 2001:db8::/32"},
};

static const char *net__class_v4(const uint8_t *b)
{
    for (size_t i = 0; i < sizeof net__v4_ranges / sizeof net__v4_ranges[0]; i++)
        if (net__prefix_eq(b, net__v4_ranges[i].b, net__v4_ranges[i].prefix))
            return net__v4_ranges[i].what;
    return NULL;
}

const char *net_guard_class(const net_addr *a)
{
    if (a->family == AF_INET)
        return net__class_v4(a->b);
    const uint8_t *b = a->b;
    static const uint8_t zero12[12] = {0};
    static const uint8_t nat64[12] = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < sizeof net__v6_ranges / sizeof net__v6_ranges[0]; i++)
        if (net__prefix_eq(b, net__v6_ranges[i].b, net__v6_ranges[i].prefix))
            return net__v6_ranges[i].what;
    if (memcmp(b, net__mapped_pfx, 12) == 0) {
        const char *c = net__class_v4(b + 12);
        return c ? c : NULL;
    }
    if (memcmp(b, zero12, 12) == 0) {
        /* IPv4-compatible ::a.b.c.d (deprecated): never a real destination
         * of its own, judged by the IPv4 inside, and refused outright when
         * that is public (no route is meant to go there). */
        const char *c = net__class_v4(b + 12);
        return c ? c : "IPv4-compatible ::/96";
    }
    if (memcmp(b, nat64, 12) == 0)
        return net__class_v4(b + 12);
    if (b[0] == 0x20 && b[1] == 0x02) /* 6to4: 2002:AABB:CCDD::/48 */
        return net__class_v4(b + 2);
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
        /* Teredo: the client's IPv4 is the last 32 bits, inverted. */
        uint8_t v4[4] = {(uint8_t)~b[12], (uint8_t)~b[13], (uint8_t)~b[14], (uint8_t)~b[15]};
        const char *c = net__class_v4(v4);
        if (c)
            return c;
        return net__class_v4(b + 4); /* the Teredo server */
    }
    return NULL;
}

static bool net__rule_scope(const net_rule *r, const char *scheme, int port, const char *path)
{
    if (r->scheme && scheme && strcmp(r->scheme, scheme) != 0)
        return false;
    if (r->port && port && r->port != port)
        return false;
    if (r->path && path && strncmp(path, r->path, strlen(r->path)) != 0)
        return false;
    return true;
}

int net_guard_check(const vb_net_policy *p, const char *scheme, int port, const char *path,
                    const net_addr *a, char *why, size_t why_size)
{
    char ab[64];
    net_addr_str(a, ab);
    for (size_t i = 0; i < p->n_rules; i++) {
        const net_rule *r = &p->rules[i];
        if (!r->is_addr || !net__rule_scope(r, scheme, port, path))
            continue;
        if (!net_addr_in(a, &r->addr, r->prefix))
            continue;
        if (r->allow)
            return 1;
        snprintf(why, why_size, "address %s denied by rule %s", ab, r->text);
        return 0;
    }
    const char *cls = net_guard_class(a);
    if (!cls)
        return 1;
    snprintf(why, why_size, "address %s is in a refused range (%s)", ab, cls);
    return 0;
}
