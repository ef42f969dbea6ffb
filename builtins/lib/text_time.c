/* Session time and TZ handling for printf %(..)T and date: see text_time.h. */
#include <ctype.h>
#include <string.h>

#include "builtins/lib/text_time.h"

typedef struct tt_rule {
    char kind;          /* 'M', 'J' (1..365, no Feb 29), 'N' (0..365) */
    int m, w, d, n;
    int32_t time;       /* seconds after local midnight */
} tt_rule;

typedef struct tt_zone {
    char std[16], dst[16];
    int32_t std_off, dst_off;   /* seconds WEST of UTC, as POSIX TZ */
    bool has_dst;
    tt_rule start, end;
} tt_zone;

void tt_now(vb_cmd *cmd, struct timespec *ts)
{
    if (cmd->ops && cmd->ops->now) {
        cmd->ops->now(cmd->shell, ts);
        return;
    }
    clock_gettime(CLOCK_REALTIME, ts);
}

static int64_t tt__days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool tt__leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static const char *tt__name(const char *p, char *out, size_t cap)
{
    size_t n = 0;
    if (*p == '<') {
        p++;
        while (*p && *p != '>') {
            if (n + 1 < cap)
                out[n++] = *p;
            p++;
        }
        if (*p != '>')
            return NULL;
        p++;
    } else {
        while (isalpha((unsigned char)*p)) {
            if (n + 1 < cap)
                out[n++] = *p;
            p++;
        }
        if (n < 3)
            return NULL;
    }
    out[n] = '\0';
    return p;
}

/* [+-]hh[:mm[:ss]] -> seconds. */
static const char *tt__offset(const char *p, int32_t *out)
{
    int sign = 1;
    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
    if (!isdigit((unsigned char)*p))
        return NULL;
    int32_t v[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        if (i && *p != ':')
            break;
        if (i)
            p++;
        if (!isdigit((unsigned char)*p))
            return NULL;
        while (isdigit((unsigned char)*p))
            v[i] = v[i] * 10 + (*p++ - '0');
    }
    *out = sign * (v[0] * 3600 + v[1] * 60 + v[2]);
    return p;
}

static const char *tt__rule(const char *p, tt_rule *r)
{
    memset(r, 0, sizeof *r);
    if (*p == 'M') {
        r->kind = 'M';
        p++;
        int *f[3] = {&r->m, &r->w, &r->d};
        for (int i = 0; i < 3; i++) {
            if (i && *p++ != '.')
                return NULL;
            if (!isdigit((unsigned char)*p))
                return NULL;
            while (isdigit((unsigned char)*p))
                *f[i] = *f[i] * 10 + (*p++ - '0');
        }
    } else {
        r->kind = 'N';
        if (*p == 'J') {
            r->kind = 'J';
            p++;
        }
        if (!isdigit((unsigned char)*p))
            return NULL;
        while (isdigit((unsigned char)*p))
            r->n = r->n * 10 + (*p++ - '0');
    }
    r->time = 7200;
    if (*p == '/') {
        p = tt__offset(p + 1, &r->time);
        if (!p)
            return NULL;
    }
    return p;
}

static void tt__parse(const char *tz, tt_zone *z)
{
    memset(z, 0, sizeof *z);
    strcpy(z->std, "UTC");
    if (!tz || !*tz)
        return;
    if (*tz == ':')
        tz++;
    const char *p = tt__name(tz, z->std, sizeof z->std);
    int32_t off;
    if (!p || !(p = tt__offset(p, &off))) {
        /* A zone name we cannot load: UTC under the name's first part. */
        size_t n = strcspn(tz, "/");
        if (n >= sizeof z->std)
            n = sizeof z->std - 1;
        memcpy(z->std, tz, n);
        z->std[n] = '\0';
        if (!strcmp(z->std, "UTC0") || !n)
            strcpy(z->std, "UTC");
        z->std_off = 0;
        return;
    }
    z->std_off = off;
    if (!*p)
        return;
    const char *q = tt__name(p, z->dst, sizeof z->dst);
    if (!q)
        return;
    p = q;
    z->has_dst = true;
    z->dst_off = z->std_off - 3600;
    if (*p && *p != ',') {
        q = tt__offset(p, &off);
        if (!q) {
            z->has_dst = false;
            return;
        }
        z->dst_off = off;
        p = q;
    }
    if (*p == ',') {
        q = tt__rule(p + 1, &z->start);
        if (q && *q == ',' && (q = tt__rule(q + 1, &z->end)) != NULL)
            return;
        z->has_dst = false;
        return;
    }
    tt__rule("M3.2.0", &z->start);
    tt__rule("M11.1.0", &z->end);
}

/* Local seconds (since the epoch, in the local clock) at which rule r fires
 * in year y. */
static int64_t tt__rule_time(int64_t y, const tt_rule *r)
{
    int64_t day;
    if (r->kind == 'J') {
        day = tt__days_from_civil(y, 1, 1) + r->n - 1;
        if (tt__leap(y) && r->n >= 60)
            day++;
    } else if (r->kind == 'N') {
        day = tt__days_from_civil(y, 1, 1) + r->n;
    } else {
        int m = r->m < 1 ? 1 : r->m > 12 ? 12 : r->m;
        int64_t first = tt__days_from_civil(y, m, 1);
        int wd = (int)(((first + 4) % 7 + 7) % 7);      /* 1970-01-01 was Thursday */
        int64_t d = first + ((r->d - wd + 7) % 7) + (int64_t)(r->w - 1) * 7;
        static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int ml = mdays[m - 1] + (m == 2 && tt__leap(y));
        while (d >= first + ml)
            d -= 7;
        day = d;
    }
    return day * 86400 + r->time;
}

static bool tt__isdst(const tt_zone *z, int64_t t)
{
    if (!z->has_dst)
        return false;
    struct tm tm;
    time_t tl = (time_t)(t - z->std_off);
    gmtime_r(&tl, &tm);
    int64_t y = tm.tm_year + 1900LL;
    int64_t s = tt__rule_time(y, &z->start) + z->std_off;
    int64_t e = tt__rule_time(y, &z->end) + z->dst_off;
    if (s < e)
        return t >= s && t < e;
    return !(t >= e && t < s);
}

void tt_utc(int64_t t, tt_tm *out)
{
    time_t tt = (time_t)t;
    memset(out, 0, sizeof *out);
    gmtime_r(&tt, &out->tm);
    strcpy(out->zone, "UTC");
    out->tm.tm_zone = out->zone;
    out->tm.tm_gmtoff = 0;
}

bool tt_local(vb_cmd *cmd, const char *tz, int64_t t, tt_tm *out)
{
    tt_zone z;
    tt__parse(tz ? tz : bi_getvar(cmd, "TZ"), &z);
    bool dst = tt__isdst(&z, t);
    int32_t off = dst ? z.dst_off : z.std_off;
    time_t tl = (time_t)(t - off);
    memset(out, 0, sizeof *out);
    bool ok = gmtime_r(&tl, &out->tm) != NULL;
    if (!ok)
        memset(&out->tm, 0, sizeof out->tm);
    strcpy(out->zone, dst ? z.dst : z.std);
    out->tm.tm_zone = out->zone;
    out->tm.tm_gmtoff = -off;
    out->tm.tm_isdst = dst;
    return ok;
}

int64_t tt_mktime(vb_cmd *cmd, const char *tz, struct tm *tm)
{
    tt_zone z;
    tt__parse(tz ? tz : bi_getvar(cmd, "TZ"), &z);
    int isdst = tm->tm_isdst;
    tm->tm_isdst = 0;
    int64_t l = (int64_t)timegm(tm);
    int64_t t = l + z.std_off;
    if (z.has_dst) {
        if (isdst > 0 || (isdst < 0 && tt__isdst(&z, l + z.dst_off)))
            t = l + z.dst_off;
    }
    return t;
}

int tt_strftime(vbuf *b, const char *fmt, const struct tm *tm)
{
    if (!*fmt)
        return 0;
    size_t cap = 256;
    for (;;) {
        if (vbuf_reserve(b, cap) != 0)
            return -1;
        /* A leading byte tells "empty result" from "too small". */
        char *dst = b->data + b->len;
        size_t n = strftime(dst, cap, fmt, tm);
        if (n > 0 || cap > strlen(fmt) * 64 + 1024) {
            b->len += n;
            b->data[b->len] = '\0';
            return 0;
        }
        cap *= 4;
        if (cap > (1u << 20))
            return -1;
    }
}
