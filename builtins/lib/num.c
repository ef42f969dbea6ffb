/* Number parsing and formatting shared by commands. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"

int bi_parse_i64(const char *s, int64_t *out)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    bool neg = false;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    if (!isdigit((unsigned char)*p))
        return -EINVAL;
    uint64_t v = 0;
    bool over = false;
    for (; isdigit((unsigned char)*p); p++) {
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            over = true;
        else
            v = v * 10 + d;
    }
    if (*p)
        return -EINVAL;
    if (over || v > (uint64_t)INT64_MAX + neg)
        return -ERANGE;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}

int bi_parse_size(const char *s, uint64_t *out)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '-')
        return -EINVAL;
    if (*p == '+')
        p++;
    if (!isdigit((unsigned char)*p))
        return -EINVAL;
    uint64_t v = 0;
    for (; isdigit((unsigned char)*p); p++) {
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -ERANGE;
        v = v * 10 + d;
    }
    if (!*p) {
        *out = v;
        return 0;
    }
    static const char units[] = "KMGTPEZY";
    uint64_t mult;
    if (*p == 'b' && !p[1]) {
        mult = 512;
    } else if (*p == 'c' && !p[1]) {
        mult = 1;
    } else if (*p == 'w' && !p[1]) {
        mult = 2;
    } else {
        char u = (char)toupper((unsigned char)*p);
        if (u == 'K' && *p == 'k')
            u = 'K';
        const char *k = strchr(units, u);
        if (!k || !u)
            return -EINVAL;
        unsigned power = (unsigned)(k - units) + 1;
        uint64_t base = 1024;
        if (p[1] == 'B' && !p[2])
            base = 1000;
        else if (p[1] == 'i' && p[2] == 'B' && !p[3])
            base = 1024;
        else if (p[1])
            return -EINVAL;
        mult = 1;
        for (unsigned i = 0; i < power; i++) {
            if (mult > UINT64_MAX / base)
                return -ERANGE;
            mult *= base;
        }
    }
    if (v && mult > UINT64_MAX / v)
        return -ERANGE;
    *out = v * mult;
    return 0;
}

void bi_human(char out[32], uint64_t n, bool si)
{
    /* GNU human_readable with human_ceiling | human_autoscale |
     * human_SI? : one decimal below 10, rounded up. */
    unsigned base = si ? 1000 : 1024;
    /* GNU: SI prefixes start with a lower-case k */
    const char *units = si ? "kMGTPEZY" : "KMGTPEZY";
    if (n < base) {
        snprintf(out, 32, "%llu", (unsigned long long)n);
        return;
    }
    int u = -1;
    /* value scaled by 10 to keep one decimal, rounded up at each step */
    long double v = (long double)n;
    while (v >= base && u < 7) {
        v /= base;
        u++;
    }
    if (v < 10) {
        unsigned long long tenths = (unsigned long long)(v * 10);
        if ((long double)tenths < v * 10)
            tenths++;
        if (tenths >= 100) {
            snprintf(out, 32, "%llu%c", tenths / 10, units[u]);
        } else {
            snprintf(out, 32, "%llu.%llu%c", tenths / 10, tenths % 10, units[u]);
        }
    } else {
        unsigned long long w = (unsigned long long)v;
        if ((long double)w < v)
            w++;
        if (w >= base && u < 7) {
            snprintf(out, 32, "1.0%c", units[u + 1]);
            return;
        }
        snprintf(out, 32, "%llu%c", w, units[u]);
    }
}
