/* Time zones from TZ values: zone files of the host's zoneinfo and POSIX TZ
 * strings, read as glibc 2.36 reads them. See tz.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins/lib/tz.h"
#include "core/mem.h"

#define TZ_CACHE_MAX 64
#define TZ_FILE_MAX (256 * 1024)   /* the largest TZif file is a few KiB */
#define TZ_ABBR_MAX 32             /* as tt_tm.zone */

enum { TZR_J0, TZR_J1, TZR_M };    /* glibc's rule kinds: n, Jn, Mm.w.d */

typedef struct tz_rule {
    int kind;
    int m, n, d;
    int32_t secs;                  /* local time of day of the change */
} tz_rule;

/* A POSIX TZ string, as glibc's tz_rules: [0] standard, [1] summer time. */
typedef struct tz_posix {
    char name[2][TZ_ABBR_MAX];
    int32_t off[2];                /* seconds EAST of UTC */
    tz_rule rule[2];               /* [0] starts summer time, [1] ends it */
} tz_posix;

typedef struct tz_type {
    int32_t off;                   /* seconds east of UTC */
    bool dst;
    uint32_t abbr;                 /* index into chars */
} tz_type;

/* A parsed zone file; immutable once built (shared between threads). */
typedef struct tz_zone {
    char *key;                     /* the TZ value it was read for */
    bool found;                    /* false: no zone file of that name */
    size_t ntrans, ntypes, nleap, nchars;
    int64_t *trans;
    uint8_t *tidx;
    tz_type *types;
    char *chars;
    int64_t *leap_t, *leap_c;
    bool has_footer;
    tz_posix footer;
} tz_zone;

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;
static tz_zone *tz_cache[TZ_CACHE_MAX];   /* guarded by tz_lock; never freed */
static size_t tz_ncache;
static char tz_dir_real[PATH_MAX];        /* realpath of VB_ZONEINFO_DIR, "" if none */
static bool tz_dir_done;

/* ---------------------------------------------------------------- calendar */

static int64_t tz__days_from_civil(int64_t y, int m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool tz__leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* gmtime of t into tm (tm_zone untouched); false when the year does not
 * fit an int. Not glibc's gmtime_r: that one applies the leap seconds of
 * the process's TZ when it names a right/ zone. */
static bool tz__gm(int64_t t, struct tm *tm)
{
    int64_t days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    /* civil_from_days (H. Hinnant) */
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
        memset(tm, 0, sizeof *tm);
        return false;
    }
    tm->tm_year = (int)(y - 1900);
    tm->tm_mon = (int)m - 1;
    tm->tm_mday = (int)d;
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);   /* 1970-01-01 was a Thursday */
    tm->tm_yday = (int)(days - tz__days_from_civil(y, 1, 1));
    tm->tm_isdst = 0;
    tm->tm_gmtoff = 0;
    return true;
}

/* Local seconds of a broken-down time (as if it were UTC). */
static int64_t tz__tm_secs(const struct tm *tm)
{
    int64_t y = (int64_t)tm->tm_year + 1900;
    int64_t mon = tm->tm_mon;
    y += mon / 12;
    mon %= 12;
    if (mon < 0) {
        mon += 12;
        y--;
    }
    int64_t days = tz__days_from_civil(y, (int)mon + 1, 1) + tm->tm_mday - 1;
    return days * 86400 + (int64_t)tm->tm_hour * 3600 + (int64_t)tm->tm_min * 60 + tm->tm_sec;
}

/* ---------------------------------------------------------------- POSIX TZ */

/* glibc's parse_tzname: 3+ letters, or <3+ of [A-Za-z0-9+-]>. */
static bool tz__pname(const char **sp, char *out)
{
    const char *p = *sp, *start = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
        p++;
    size_t len = (size_t)(p - start);
    if (len < 3) {
        p = *sp;
        if (*p++ != '<')
            return false;
        start = p;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
               *p == '+' || *p == '-')
            p++;
        len = (size_t)(p - start);
        if (*p++ != '>' || len < 3)
            return false;
    }
    if (len >= TZ_ABBR_MAX)
        len = TZ_ABBR_MAX - 1;
    memcpy(out, start, len);
    out[len] = '\0';
    *sp = p;
    return true;
}

/* sscanf("%hu%n:%hu%n:%hu%n") as glibc uses it: up to three numbers; the
 * count read (0: none) and the end of the last one read. */
static int tz__hms(const char *p, unsigned v[3], const char **end)
{
    int k = 0;
    *end = p;
    for (; k < 3; k++) {
        const char *q = p;
        if (k) {
            if (*q != ':')
                break;
            q++;
        }
        if (*q < '0' || *q > '9')
            break;
        unsigned long x = 0;
        while (*q >= '0' && *q <= '9') {
            if (x < 100000)
                x = x * 10 + (unsigned)(*q - '0');
            q++;
        }
        v[k] = (unsigned)(x & 0xffff);   /* %hu */
        p = q;
        *end = q;
    }
    return k;
}

/* glibc's parse_offset. */
static bool tz__poffset(const char **sp, tz_posix *z, int which)
{
    const char *p = *sp;
    if (which == 0 && *p != '+' && *p != '-' && !(*p >= '0' && *p <= '9'))
        return false;
    long sign = -1;
    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? 1 : -1;
    *sp = p;
    unsigned v[3] = {0, 0, 0};
    const char *end;
    if (tz__hms(p, v, &end) > 0) {
        unsigned hh = v[0] > 24 ? 24 : v[0], mm = v[1] > 59 ? 59 : v[1], ss = v[2] > 59 ? 59 : v[2];
        z->off[which] = (int32_t)(sign * (long)(hh * 3600 + mm * 60 + ss));
    } else if (which == 0) {
        z->off[0] = 0;
        return false;
    } else {
        z->off[1] = z->off[0] + 3600;
        end = p;
    }
    *sp = end;
    return true;
}

static unsigned long tz__ul(const char *p, const char **end)
{
    unsigned long v = 0;
    while (*p >= '0' && *p <= '9') {
        if (v < 100000000)
            v = v * 10 + (unsigned)(*p - '0');
        p++;
    }
    *end = p;
    return v;
}

/* glibc's parse_rule. */
static bool tz__prule(const char **sp, tz_rule *r, int which)
{
    const char *p = *sp;
    p += *p == ',';
    if (*p == 'J' || (*p >= '0' && *p <= '9')) {
        r->kind = *p == 'J' ? TZR_J1 : TZR_J0;
        if (r->kind == TZR_J1 && !(*++p >= '0' && *p <= '9'))
            return false;
        const char *end;
        unsigned long d = tz__ul(p, &end);
        if (end == p || d > 365 || (r->kind == TZR_J1 && d == 0))
            return false;
        r->d = (int)d;
        p = end;
    } else if (*p == 'M') {
        r->kind = TZR_M;
        const char *q = p + 1, *end;
        unsigned long v[3];
        for (int i = 0; i < 3; i++) {
            if (i && *q++ != '.')
                return false;
            if (!(*q >= '0' && *q <= '9'))
                return false;
            v[i] = tz__ul(q, &end);
            q = end;
        }
        if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 5 || v[2] > 6)
            return false;
        r->m = (int)v[0], r->n = (int)v[1], r->d = (int)v[2];
        p = q;
    } else if (*p == '\0') {
        /* the United States' rules since 2007, as glibc */
        r->kind = TZR_M;
        r->m = which == 0 ? 3 : 11;
        r->n = which == 0 ? 2 : 1;
        r->d = 0;
    } else {
        return false;
    }
    if (*p != '\0' && *p != '/' && *p != ',')
        return false;
    if (*p == '/') {
        p++;
        if (*p == '\0')
            return false;
        bool neg = *p == '-';
        p += neg;
        unsigned v[3] = {2, 0, 0};
        const char *end;
        tz__hms(p, v, &end);
        p = end;
        r->secs = (int32_t)((neg ? -1 : 1) * (int32_t)(v[0] * 3600 + v[1] * 60 + v[2]));
    } else {
        r->secs = 7200;
    }
    *sp = p;
    return true;
}

/* glibc's __tzset_parse_tz. */
static void tz__posix_parse(const char *s, tz_posix *z)
{
    memset(z, 0, sizeof *z);
    if (tz__pname(&s, z->name[0]) && tz__poffset(&s, z, 0)) {
        if (*s != '\0') {
            if (tz__pname(&s, z->name[1]))
                tz__poffset(&s, z, 1);
            /* without rules glibc takes them from the posixrules file; this
             * reads them as that file's current rules, M3.2.0,M11.1.0 */
            if (tz__prule(&s, &z->rule[0], 0))
                tz__prule(&s, &z->rule[1], 1);
        } else {
            memcpy(z->name[1], z->name[0], sizeof z->name[1]);
            z->off[1] = z->off[0];
        }
    }
}

/* glibc's compute_change: the UTC second at which rule r fires in year. */
static int64_t tz__change(const tz_rule *r, int32_t off, int64_t year)
{
    static const int mon_yday[2][13] = {
        {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
        {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
    };
    int64_t t = 0;
    if (year > 1970)
        t = ((year - 1970) * 365 + ((year - 1) / 4 - 1970 / 4) - ((year - 1) / 100 - 1970 / 100) +
             ((year - 1) / 400 - 1970 / 400)) * 86400;
    int leap = tz__leap(year);
    switch (r->kind) {
    case TZR_J1:
        t += (int64_t)(r->d - 1) * 86400;
        if (r->d >= 60 && leap)
            t += 86400;
        break;
    case TZR_J0:
        t += (int64_t)r->d * 86400;
        break;
    default: {
        const int *myday = &mon_yday[leap][r->m];
        t += (int64_t)myday[-1] * 86400;
        /* Zeller's congruence: the weekday of the month's first day */
        int64_t m1 = (r->m + 9) % 12 + 1;
        int64_t yy0 = r->m <= 2 ? year - 1 : year;
        int64_t yy1 = yy0 / 100, yy2 = yy0 % 100;
        int64_t dow = ((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7;
        if (dow < 0)
            dow += 7;
        int64_t d = r->d - dow;
        if (d < 0)
            d += 7;
        for (int i = 1; i < r->n; i++) {
            if (d + 7 >= myday[0] - myday[-1])
                break;
            d += 7;
        }
        t += d * 86400;
        break;
    }
    }
    return t - off + r->secs;
}

/* Which of z's two rules applies at t (glibc's __tz_compute). */
static int tz__posix_isdst(const tz_posix *z, int64_t t)
{
    struct tm g;
    tz__gm(t, &g);
    int64_t year = (int64_t)g.tm_year + 1900;
    int64_t c0 = tz__change(&z->rule[0], z->off[0], year);
    int64_t c1 = tz__change(&z->rule[1], z->off[1], year);
    if (c0 > c1)
        return t < c1 || t >= c0;
    return t >= c0 && t < c1;
}

/* ---------------------------------------------------------------- TZif */

static uint32_t tz__be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t tz__be64(const uint8_t *p)
{
    return (int64_t)((uint64_t)tz__be32(p) << 32 | tz__be32(p + 4));
}

/* The six counts of a TZif header at h (44 bytes). */
static void tz__counts(const uint8_t *h, size_t c[6])
{
    for (int i = 0; i < 6; i++)
        c[i] = tz__be32(h + 20 + 4 * i);
}

/* Bytes of a TZif data block with counts c and tsz-byte times; 0 when the
 * counts do not fit n bytes. */
static size_t tz__block(const size_t c[6], size_t tsz, size_t n)
{
    /* c: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt */
    for (int i = 0; i < 6; i++)
        if (c[i] > n)
            return 0;
    size_t len = c[3] * tsz + c[3] + c[4] * 6 + c[5] + c[2] * (tsz + 4) + c[1] + c[0];
    return len <= n ? len : 0;
}

/* Builds a zone from TZif bytes; NULL if they are not a valid TZif file. */
static tz_zone *tz__parse_tzif(const uint8_t *d, size_t n, const char *key)
{
    if (n < 44 || memcmp(d, "TZif", 4) != 0)
        return NULL;
    size_t c[6];
    tz__counts(d, c);
    size_t len = tz__block(c, 4, n - 44);
    if (!len && (c[3] || c[4] || c[5]))
        return NULL;
    const uint8_t *h = d, *end = d + n;
    size_t tsz = 4;
    if (d[4] >= '2') {
        h = d + 44 + len;
        if ((size_t)(end - h) < 44 || memcmp(h, "TZif", 4) != 0)
            return NULL;
        tz__counts(h, c);
        tsz = 8;
        len = tz__block(c, 8, (size_t)(end - h) - 44);
        if (!len)
            return NULL;
    }
    size_t ntrans = c[3], ntypes = c[4], nchars = c[5], nleap = c[2];
    if (ntypes == 0 || nchars == 0)
        return NULL;
    const uint8_t *p = h + 44;
    const uint8_t *footer = p + len;
    size_t flen = 0;
    if (tsz == 8 && footer < end && *footer == '\n') {
        const uint8_t *nl = memchr(footer + 1, '\n', (size_t)(end - footer - 1));
        if (nl)
            flen = (size_t)(nl - footer - 1);
    }
    size_t klen = strlen(key) + 1;
    size_t sz = sizeof(tz_zone) + ntrans * sizeof(int64_t) + nleap * 2 * sizeof(int64_t) +
                ntypes * sizeof(tz_type) + ntrans + nchars + 1 + klen + flen + 1;
    tz_zone *z = mem_shared_calloc(1, sz);
    if (!z)
        return NULL;
    char *q = (char *)(z + 1);
    z->trans = (int64_t *)q;
    q += ntrans * sizeof(int64_t);
    z->leap_t = (int64_t *)q;
    q += nleap * sizeof(int64_t);
    z->leap_c = (int64_t *)q;
    q += nleap * sizeof(int64_t);
    z->types = (tz_type *)q;
    q += ntypes * sizeof(tz_type);
    z->tidx = (uint8_t *)q;
    q += ntrans;
    z->chars = q;
    q += nchars + 1;
    z->key = q;
    memcpy(z->key, key, klen);
    q += klen;
    z->found = true;
    z->ntrans = ntrans, z->ntypes = ntypes, z->nchars = nchars, z->nleap = nleap;
    for (size_t i = 0; i < ntrans; i++, p += tsz)
        z->trans[i] = tsz == 8 ? tz__be64(p) : (int32_t)tz__be32(p);
    for (size_t i = 0; i < ntrans; i++, p++) {
        if (*p >= ntypes || (i && z->trans[i] <= z->trans[i - 1]))
            goto bad;
        z->tidx[i] = *p;
    }
    for (size_t i = 0; i < ntypes; i++, p += 6) {
        z->types[i].off = (int32_t)tz__be32(p);
        z->types[i].dst = p[4] != 0;
        z->types[i].abbr = p[5];
        if (p[5] >= nchars)
            goto bad;
    }
    memcpy(z->chars, p, nchars);
    z->chars[nchars] = '\0';
    p += nchars;
    for (size_t i = 0; i < nleap; i++, p += tsz + 4) {
        z->leap_t[i] = tsz == 8 ? tz__be64(p) : (int32_t)tz__be32(p);
        z->leap_c[i] = (int32_t)tz__be32(p + tsz);
    }
    if (flen) {
        memcpy(q, footer + 1, flen);
        q[flen] = '\0';
        tz__posix_parse(q, &z->footer);
        z->has_footer = true;
    }
    return z;
bad:
    mem_shared_free(z);
    return NULL;
}

/* The real zoneinfo directory (computed once, under tz_lock). */
static const char *tz__dir(void)
{
    if (!tz_dir_done) {
        tz_dir_done = true;
        if (!realpath(VB_ZONEINFO_DIR, tz_dir_real))
            tz_dir_real[0] = '\0';
    }
    return tz_dir_real;
}

/* Whether path lies below the directory dir. */
static bool tz__inside(const char *path, const char *dir)
{
    size_t dl = strlen(dir);
    return dl && strncmp(path, dir, dl) == 0 && path[dl] == '/';
}

/* Reads the zone file named by key, confined to the zoneinfo directory;
 * NULL when there is none (or it is not a TZif file). Called under tz_lock. */
static tz_zone *tz__read(const char *key)
{
    const char *dir = tz__dir();
    if (!*dir || !*key)
        return NULL;
    char path[PATH_MAX], real[PATH_MAX];
    if (key[0] == '/') {
        /* only an absolute name of the zoneinfo directory itself */
        size_t zl = strlen(VB_ZONEINFO_DIR);
        if (strncmp(key, VB_ZONEINFO_DIR, zl) != 0 || key[zl] != '/')
            return NULL;
        if (strlen(key) >= sizeof path)
            return NULL;
        strcpy(path, key);
    } else {
        if (strlen(VB_ZONEINFO_DIR) + 1 + strlen(key) >= sizeof path)
            return NULL;
        strcpy(path, VB_ZONEINFO_DIR);
        strcat(path, "/");
        strcat(path, key);
    }
    /* Follow the name's own links by hand: one that points outside the
     * directory (localtime -> /etc/localtime) is refused even when the
     * host's file links back in. */
    for (int hop = 0;; hop++) {
        struct stat lst;
        if (lstat(path, &lst) != 0)
            return NULL;
        if (!S_ISLNK(lst.st_mode))
            break;
        char tgt[PATH_MAX];
        ssize_t n = hop < 16 ? readlink(path, tgt, sizeof tgt - 1) : -1;
        if (n <= 0)
            return NULL;
        tgt[n] = '\0';
        if (tgt[0] == '/') {
            if (!tz__inside(tgt, VB_ZONEINFO_DIR) && !tz__inside(tgt, dir))
                return NULL;
            strcpy(path, tgt);
        } else {
            char *slash = strrchr(path, '/');
            size_t keep = slash ? (size_t)(slash - path) + 1 : 0;
            if (keep + (size_t)n >= sizeof path)
                return NULL;
            memcpy(path + keep, tgt, (size_t)n + 1);
        }
    }
    if (!realpath(path, real) || !tz__inside(real, dir))
        return NULL;
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    tz_zone *z = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 44 && st.st_size <= TZ_FILE_MAX) {
        size_t n = (size_t)st.st_size;
        uint8_t *buf = mem_shared_alloc(n);
        size_t got = 0;
        while (buf && got < n) {
            ssize_t r = read(fd, buf + got, n - got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        if (buf && got == n)
            z = tz__parse_tzif(buf, n, key);
        mem_shared_free(buf);
    }
    close(fd);
    return z;
}

/* The zone file for key, or NULL; *owned: the caller frees it (the cache
 * was full). */
static const tz_zone *tz__get(const char *key, bool *owned)
{
    *owned = false;
    pthread_mutex_lock(&tz_lock);
    for (size_t i = 0; i < tz_ncache; i++)
        if (!strcmp(tz_cache[i]->key, key)) {
            tz_zone *z = tz_cache[i];
            pthread_mutex_unlock(&tz_lock);
            return z->found ? z : NULL;
        }
    tz_zone *z = tz__read(key);
    if (!z) {
        /* remember that there is none (a small entry) */
        size_t kl = strlen(key) + 1;
        z = mem_shared_calloc(1, sizeof *z + kl);
        if (z) {
            z->key = (char *)(z + 1);
            memcpy(z->key, key, kl);
        }
    }
    if (z && tz_ncache < TZ_CACHE_MAX) {
        tz_cache[tz_ncache++] = z;
    } else if (z) {
        *owned = z->found;
        if (!z->found) {
            mem_shared_free(z);
            z = NULL;
        }
    }
    pthread_mutex_unlock(&tz_lock);
    return z && z->found ? z : NULL;
}

/* ---------------------------------------------------------------- local time */

static void tz__set_abbr(tt_tm *out, const char *s)
{
    size_t n = strlen(s);
    if (n >= sizeof out->zone)
        n = sizeof out->zone - 1;
    memcpy(out->zone, s, n);
    out->zone[n] = '\0';
}

/* The offset, summer-time flag and abbreviation in effect at t. */
static void tz__zone_at(const tz_zone *z, const tz_posix *px, int64_t t, int32_t *off, int *dst,
                        tt_tm *out)
{
    if (!z) {
        int d = tz__posix_isdst(px, t);
        *off = px->off[d];
        *dst = d;
        tz__set_abbr(out, px->name[d]);
        return;
    }
    size_t i;
    if (z->ntrans == 0 || t < z->trans[0]) {
        /* before the table: the first standard-time type */
        i = 0;
        while (i < z->ntypes && z->types[i].dst)
            i++;
        if (i == z->ntypes)
            i = 0;
    } else if (t >= z->trans[z->ntrans - 1] && z->has_footer) {
        int d = tz__posix_isdst(&z->footer, t);
        *off = z->footer.off[d];
        *dst = d;
        tz__set_abbr(out, z->footer.name[d]);
        return;
    } else {
        size_t lo = 0, hi = z->ntrans;   /* the last transition <= t */
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (z->trans[mid] <= t)
                lo = mid;
            else
                hi = mid;
        }
        i = z->tidx[lo];
    }
    *off = z->types[i].off;
    *dst = z->types[i].dst;
    tz__set_abbr(out, z->chars + z->types[i].abbr);
}

/* The leap-second correction at t, and how many leap seconds t sits on. */
static int64_t tz__leapcorr(const tz_zone *z, int64_t t, int *hit)
{
    *hit = 0;
    if (!z || !z->nleap)
        return 0;
    size_t i = z->nleap;
    do {
        if (i-- == 0)
            return 0;
    } while (t < z->leap_t[i]);
    int64_t corr = z->leap_c[i];
    if (t == z->leap_t[i] && ((i == 0 && z->leap_c[i] > 0) || (i > 0 && z->leap_c[i] > z->leap_c[i - 1]))) {
        *hit = 1;
        while (i > 0 && z->leap_t[i] == z->leap_t[i - 1] + 1 && z->leap_c[i] == z->leap_c[i - 1] + 1) {
            ++*hit;
            --i;
        }
    }
    return corr;
}

static bool tz__local_in(const tz_zone *z, const tz_posix *px, int64_t t, tt_tm *out)
{
    memset(out, 0, sizeof *out);
    if (t < -(INT64_C(1) << 60) || t > (INT64_C(1) << 60))
        return false;   /* far past any int year; keeps t + off in range */
    int32_t off;
    int dst;
    tz__zone_at(z, px, t, &off, &dst, out);
    int hit;
    int64_t corr = tz__leapcorr(z, t, &hit);
    bool ok = tz__gm(t + off - corr, &out->tm);
    out->tm.tm_sec += hit;
    out->tm.tm_isdst = dst;
    out->tm.tm_gmtoff = off;
    out->tm.tm_zone = out->zone;
    return ok;
}

/* What tz names: a cached zone file (*z, *owned) or a POSIX string (*px). */
static void tz__resolve(const char *tz, const tz_zone **z, bool *owned, tz_posix *px)
{
    *z = NULL;
    *owned = false;
    if (!tz || !*tz) {
        memset(px, 0, sizeof *px);
        strcpy(px->name[0], "UTC");
        strcpy(px->name[1], "UTC");
        return;
    }
    if (*tz == ':')
        tz++;
    *z = tz__get(tz, owned);
    if (!*z)
        tz__posix_parse(tz, px);
}

static void tz__release(const tz_zone *z, bool owned)
{
    if (owned)
        mem_shared_free((void *)z);
}

bool tz_local(const char *tz, int64_t t, tt_tm *out)
{
    const tz_zone *z;
    bool owned;
    tz_posix px;
    tz__resolve(tz, &z, &owned, &px);
    bool ok = tz__local_in(z, &px, t, out);
    tz__release(z, owned);
    if (!ok) {
        memset(&out->tm, 0, sizeof out->tm);
        out->tm.tm_zone = out->zone;
    }
    return ok;
}

/* gnulib's mktime: probe with the error of each guess (the first guess
 * takes the offset as 0, as a fresh GNU process does). */
static bool tz__mktime_in(const tz_zone *z, const tz_posix *px, struct tm *tm, int64_t *out)
{
    int isdst = tm->tm_isdst;
    int64_t want = tz__tm_secs(tm);
    int64_t t = want, t1 = want, t2 = want;
    bool dst2 = false;
    int probes = 6;
    tt_tm lt;
    for (;;) {
        if (!tz__local_in(z, px, t, &lt))
            return false;
        int64_t dt = want - tz__tm_secs(&lt.tm);
        if (dt == 0)
            break;
        if (t == t1 && t != t2 &&
            (isdst < 0 ? dst2 <= (lt.tm.tm_isdst != 0) : (isdst != 0) != (lt.tm.tm_isdst != 0)))
            goto found;   /* oscillating over a gap: GNU's answer, summer time preferred */
        if (--probes == 0)
            return false;
        t1 = t2, t2 = t, t += dt, dst2 = lt.tm.tm_isdst != 0;
    }
    if (isdst >= 0 && (isdst != 0) != (lt.tm.tm_isdst != 0)) {
        /* a neighbouring time with the summer-time flag asked for */
        const int64_t stride = 601200, bound = 536454000 / 2 + 601200;
        for (int64_t delta = stride; delta < bound; delta += stride)
            for (int dir = -1; dir <= 1; dir += 2) {
                tt_tm ot;
                if (!tz__local_in(z, px, t + delta * dir, &ot))
                    continue;
                if ((isdst != 0) == (ot.tm.tm_isdst != 0)) {
                    int64_t gt = t + delta * dir + (want - tz__tm_secs(&ot.tm));
                    if (tz__local_in(z, px, gt, &lt)) {
                        t = gt;
                        goto found;
                    }
                }
            }
    }
found:
    *tm = lt.tm;
    tm->tm_zone = NULL;   /* lt dies here */
    *out = t;
    return true;
}

bool tz_mktime(const char *tz, struct tm *tm, int64_t *out)
{
    const tz_zone *z;
    bool owned;
    tz_posix px;
    tz__resolve(tz, &z, &owned, &px);
    bool ok = tz__mktime_in(z, &px, tm, out);
    tz__release(z, owned);
    return ok;
}
