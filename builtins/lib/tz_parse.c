/* Date strings as gnulib's parse_datetime reads them (date -d, touch -d):
 * see tz.h. Understood: @SECONDS[.frac], now, today, yesterday, tomorrow,
 * ISO 8601 dates and times (2026-01-02, 20260102, 2026-01-02T10:00:00Z,
 * +hh:mm zones), "Jan 5 2026", "5 January 2026", M/D[/Y], HH:MM[:SS[.frac]]
 * [am|pm], zone abbreviations (UTC, GMT, Z, EST, CEST...), a signed offset
 * right after a time, weekday names with next/last/this/first..twelfth,
 * relative items ("3 days", "-2 weeks", "1 hour ago", "next month",
 * fortnight) in any combination, and a leading TZ="ZONE".
 * Not understood: military one-letter zones, "a.m." with dots, week
 * dates (2024-W22), the local zone's own abbreviations read as local time.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/tz.h"


typedef struct tzp_state {
    const char *s;
    bool have_date, have_time, have_zone, have_day, have_epoch;
    long long year;                 /* -1: not given */
    int mon, mday;                  /* mon 1..12 */
    int hour, min, sec;
    long nsec;
    long zone;                      /* seconds east of UTC */
    int day_number, day_ordinal;
    long rel_year, rel_mon, rel_day, rel_hour, rel_min, rel_sec;
    long long epoch_i;              /* @SECONDS[.FRAC], as seconds and nanoseconds */
    long epoch_ns;
} tzp_state;

static const char *const tzp_months[] = {"january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october", "november",
                                        "december"};
static const char *const tzp_days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday",
                                      "friday", "saturday"};

/* Month 1..12 or day 0..6 from a word (3-letter prefix or full name, "sept"). */
static int tzp__name(const char *w, size_t n, const char *const *names, int count)
{
    if (n < 3)
        return -1;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(names[i]);
        if (n <= l && !strncasecmp(w, names[i], n) && (n == 3 || n == l))
            return i;
        if (names == tzp_months && i == 8 && n == 4 && !strncasecmp(w, "sept", 4))
            return i;
        if (names == tzp_days && n == 4 && !strncasecmp(w, names[i], 3) &&
            ((i == 2 && !strncasecmp(w, "tues", 4)) || (i == 3 && !strncasecmp(w, "wednes", 4)) ||
             (i == 4 && !strncasecmp(w, "thur", 4))))
            return i;
    }
    return -1;
}

/* parse_datetime's time zone abbreviations (offsets east of UTC, daylight
 * zones with their hour added). UTC, GMT, UT and Z are read with the
 * offsets that may follow them. */
static bool tzp__zone_abbr(const char *w, long *off)
{
    static const struct { const char *n; int min; } z[] = {
        {"wet", 0}, {"west", 60}, {"bst", 60}, {"art", -180}, {"brt", -180},
        {"brst", -120}, {"nst", -210}, {"ndt", -150}, {"ast", -240}, {"adt", -180},
        {"clt", -240}, {"clst", -180}, {"est", -300}, {"edt", -240}, {"cst", -360},
        {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
        {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"hast", -600}, {"hadt", -540},
        {"sst", -720}, {"wat", 60}, {"cet", 60}, {"cest", 120}, {"met", 60},
        {"mez", 60}, {"mest", 120}, {"mesz", 120}, {"eet", 120}, {"eest", 180},
        {"cat", 120}, {"sast", 120}, {"eat", 180}, {"msk", 180}, {"msd", 240},
        {"ist", 330}, {"sgt", 480}, {"kst", 540}, {"jst", 540}, {"gst", 600},
        {"nzst", 720}, {"nzdt", 780},
    };
    for (size_t i = 0; i < sizeof z / sizeof z[0]; i++)
        if (!strcmp(w, z[i].n)) {
            *off = z[i].min * 60L;
            return true;
        }
    return false;
}

static bool tzp__unit(const char *w, size_t n, tzp_state *p, long v)
{
    char u[16];
    if (n >= sizeof u)
        return false;
    for (size_t i = 0; i < n; i++)
        u[i] = (char)tolower((unsigned char)w[i]);
    u[n] = '\0';
    if (n > 1 && u[n - 1] == 's' && strcmp(u, "s"))
        u[n - 1] = '\0';
    long *f, mul = 1;
    if (!strcmp(u, "year")) f = &p->rel_year;
    else if (!strcmp(u, "month")) f = &p->rel_mon;
    else if (!strcmp(u, "fortnight")) f = &p->rel_day, mul = 14;
    else if (!strcmp(u, "week")) f = &p->rel_day, mul = 7;
    else if (!strcmp(u, "day")) f = &p->rel_day;
    else if (!strcmp(u, "hour")) f = &p->rel_hour;
    else if (!strcmp(u, "minute") || !strcmp(u, "min")) f = &p->rel_min;
    else if (!strcmp(u, "second") || !strcmp(u, "sec")) f = &p->rel_sec;
    else return false;
    /* parse_datetime: an item that overflows makes the date invalid */
    return !__builtin_mul_overflow(v, mul, &v) && !__builtin_add_overflow(*f, v, f);
}

/* Parses "hh:mm[:ss[.frac]]" at *s; returns false when it is not a time. */
static bool tzp__time(const char **sp, tzp_state *p)
{
    const char *s = *sp;
    if (!isdigit((unsigned char)s[0]))
        return false;
    int h = 0, m = 0, sec = 0;
    long ns = 0;
    int k = 0;
    while (isdigit((unsigned char)*s) && k < 2) {
        h = h * 10 + (*s++ - '0');
        k++;
    }
    if (*s != ':' || !isdigit((unsigned char)s[1]))
        return false;
    s++;
    m = (s[0] - '0') * 10 + (isdigit((unsigned char)s[1]) ? s[1] - '0' : -100);
    if (m < 0)
        return false;
    s += 2;
    if (*s == ':' && isdigit((unsigned char)s[1])) {
        s++;
        sec = (s[0] - '0') * 10 + (isdigit((unsigned char)s[1]) ? s[1] - '0' : 0);
        s += isdigit((unsigned char)s[1]) ? 2 : 1;
        if (*s == '.' || *s == ',') {
            s++;
            long scale = 100000000;
            while (isdigit((unsigned char)*s)) {
                ns += (*s - '0') * scale;
                scale /= 10;
                s++;
            }
        }
    }
    /* am / pm */
    const char *t = s;
    while (*t == ' ')
        t++;
    if ((tolower((unsigned char)t[0]) == 'a' || tolower((unsigned char)t[0]) == 'p') &&
        tolower((unsigned char)t[1]) == 'm' && !isalpha((unsigned char)t[2])) {
        if (h < 1 || h > 12)
            return false;
        h %= 12;
        if (tolower((unsigned char)t[0]) == 'p')
            h += 12;
        s = t + 2;
    }
    if (h > 23 || m > 59 || sec > 59)   /* GNU: 23:59:60 does not survive mktime */
        return false;
    p->hour = h, p->min = m, p->sec = sec, p->nsec = ns;
    p->have_time = true;
    *sp = s;
    return true;
}

/* A time item at *sp; *time_end: where it ends, unless it ended with a
 * word (am/pm), for a zone offset read right after it. */
static bool tzp__time_item(const char **sp, tzp_state *p, const char **time_end)
{
    if (!tzp__time(sp, p))
        return false;
    if (!isalpha((unsigned char)(*sp)[-1]))
        *time_end = *sp;
    return true;
}

/* The optional "T<time>" right after a date (ISO 8601). */
static bool tzp__time_after(const char **sp, tzp_state *p, const char **time_end)
{
    if (**sp != 'T' && **sp != 't')
        return true;
    (*sp)++;
    return tzp__time_item(sp, p, time_end);
}

/* A zone offset at *s, as parse_datetime's tSNUMBER o_colon_minutes:
 * [+-]h, [+-]hh (hours), [+-]hhmm, [+-]h[h]:mm, at most 24 hours. *bad is
 * set when it is one but out of range. */
static bool tzp__offset(const char **sp, long *out, bool *bad)
{
    const char *s = *sp;
    *bad = false;
    if (*s != '+' && *s != '-')
        return false;
    bool neg = *s == '-';
    s++;
    while (isspace((unsigned char)*s))
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    long long v = 0, mm = -1;
    int digits = 0;
    for (; isdigit((unsigned char)*s); s++, digits++)
        if (v < 100000000)
            v = v * 10 + (*s - '0');
    if (*s == ':' && isdigit((unsigned char)s[1])) {
        s++;
        mm = 0;
        for (; isdigit((unsigned char)*s); s++)
            if (mm < 100000000)
                mm = mm * 10 + (*s - '0');
    }
    long long n;
    if (mm < 0) {
        if (digits <= 2)
            v *= 100;
        n = v / 100 * 60 + v % 100;
    } else {
        n = v * 60 + mm;
    }
    *sp = s;
    if (n > 24 * 60) {
        *bad = true;
        return false;
    }
    *out = (long)(neg ? -n : n) * 60;
    return true;
}

static bool tzp__parse(const char *str, tzp_state *p)
{
    const char *s = str;
    bool last_rel = false;   /* the previous item was relative (for "ago") */
    if (!str[strspn(str, " \t\n\v\f\r")]) {
        /* an empty date is the start of today */
        p->hour = p->min = p->sec = 0;
        p->nsec = 0;
        p->have_time = true;
        return true;
    }
    long lr_year = 0, lr_mon = 0, lr_day = 0, lr_hour = 0, lr_min = 0, lr_sec = 0;
    const char *time_end = NULL;   /* the end of the last hh:mm item (no am/pm) */
    while (*s) {
        if (isspace((unsigned char)*s) || *s == ',') {
            s++;
            continue;
        }
        bool after_time = false;
        if (time_end) {
            const char *q = time_end;
            while (q < s && isspace((unsigned char)*q))
                q++;
            after_time = q == s;
        }
        /* @SECONDS[.FRAC]: the whole string, as parse_datetime's timespec */
        if (*s == '@') {
            if (s != str + strspn(str, " \t\n\v\f\r"))
                return false;
            const char *t = s + 1;
            while (isspace((unsigned char)*t))
                t++;
            bool neg = *t == '-';
            if (*t == '-' || *t == '+')
                t++;
            if (!isdigit((unsigned char)*t))
                return false;
            unsigned long long v = 0;
            for (; isdigit((unsigned char)*t); t++) {
                if (v > (ULLONG_MAX - 9) / 10)
                    return false;
                v = v * 10 + (unsigned)(*t - '0');
            }
            if (v > (unsigned long long)LLONG_MAX + neg)
                return false;   /* past time_t: GNU's "invalid date" */
            long ns = 0;
            if (*t == '.' || *t == ',') {
                t++;
                if (!isdigit((unsigned char)*t))
                    return false;
                int nd = 0;
                for (; isdigit((unsigned char)*t); t++, nd++)
                    if (nd < 9)
                        ns = ns * 10 + (*t - '0');
                for (; nd < 9; nd++)
                    ns *= 10;
            }
            while (isspace((unsigned char)*t))
                t++;
            if (*t)
                return false;
            long long sec = neg ? (long long)(0 - v) : (long long)v;
            if (neg && ns) {
                if (sec == LLONG_MIN)
                    return false;
                sec--;
                ns = 1000000000L - ns;
            }
            p->epoch_i = sec;
            p->epoch_ns = ns;
            p->have_epoch = true;
            return true;
        }
        /* ISO date YYYY-MM-DD */
        if (isdigit((unsigned char)s[0])) {
            const char *t = s;
            long long y = 0;
            int nd = 0;
            while (isdigit((unsigned char)*t)) {
                if (y > (LLONG_MAX - 9) / 10)
                    return false;
                y = y * 10 + (*t++ - '0');
                nd++;
            }
            if (*t == '-' && isdigit((unsigned char)t[1]) && nd >= 1) {
                int mo = 0, d = 0;
                const char *u = t + 1;
                while (isdigit((unsigned char)*u))
                    mo = mo * 10 + (*u++ - '0');
                if (*u == '-' && isdigit((unsigned char)u[1])) {
                    u++;
                    while (isdigit((unsigned char)*u))
                        d = d * 10 + (*u++ - '0');
                    /* to_year: a two-digit year is 1969..2068 */
                    p->year = nd == 2 ? y + (y < 69 ? 2000 : 1900) : y, p->mon = mo, p->mday = d;
                    p->have_date = true;
                    s = u;
                    if (!tzp__time_after(&s, p, &time_end))
                        return false;
                    last_rel = false;
                    continue;
                }
            }
            if (nd == 8 && !isalpha((unsigned char)*t) && *t != ':') {
                p->year = y / 10000, p->mon = (int)(y / 100 % 100), p->mday = (int)(y % 100);
                p->have_date = true;
                s = t;
                if (!tzp__time_after(&s, p, &time_end))
                    return false;
                last_rel = false;
                continue;
            }
            /* HH:MM[:SS] */
            if (*t == ':') {
                if (!tzp__time_item(&s, p, &time_end))
                    return false;
                last_rel = false;
                continue;
            }
            /* M/D, M/D/Y, Y/M/D */
            if (*t == '/' && isdigit((unsigned char)t[1])) {
                long long b = 0, c = -1;
                int cd = 0;
                const char *u = t + 1;
                while (isdigit((unsigned char)*u) && b < 100000)
                    b = b * 10 + (*u++ - '0');
                if (*u == '/' && isdigit((unsigned char)u[1])) {
                    c = 0;
                    u++;
                    while (isdigit((unsigned char)*u)) {
                        if (cd < 18)
                            c = c * 10 + (*u - '0');
                        u++;
                        cd++;
                    }
                }
                if (c >= 0 && nd >= 4) {
                    p->year = y, p->mon = (int)b, p->mday = (int)c;
                } else {
                    p->mon = (int)(y > 99 ? 99 : y), p->mday = (int)b;
                    p->year = c >= 0 ? (cd == 2 ? c + (c >= 69 ? 1900 : 2000) : c) : -1;
                }
                p->have_date = true;
                s = u;
                last_rel = false;
                continue;
            }
            /* N unit / N month-name [year] */
            const char *w = t;
            while (*w == ' ')
                w++;
            const char *we = w;
            while (isalpha((unsigned char)*we))
                we++;
            if (we - w == 2 && nd <= 2 && (tolower((unsigned char)w[0]) == 'a' ||
                                          tolower((unsigned char)w[0]) == 'p') &&
                tolower((unsigned char)w[1]) == 'm') {
                /* N am / N pm */
                if (y < 1 || y > 12)
                    return false;
                p->hour = (int)(y % 12) + (tolower((unsigned char)w[0]) == 'p' ? 12 : 0);
                p->min = p->sec = 0;
                p->nsec = 0;
                p->have_time = true;
                s = we;
                last_rel = false;
                continue;
            }
            if (we == w) {
                /* a number alone, as parse_datetime's "number" rule */
                bool rels = p->rel_year || p->rel_mon || p->rel_day || p->rel_hour ||
                            p->rel_min || p->rel_sec;
                if (p->have_date && p->year < 0 && !rels && (p->have_time || nd > 2)) {
                    p->year = nd == 2 ? y + (y >= 69 ? 1900 : 2000) : y;
                } else if (nd > 4) {
                    p->mday = (int)(y % 100), p->mon = (int)(y / 100 % 100), p->year = y / 10000;
                    p->have_date = true;
                } else {
                    p->hour = nd <= 2 ? (int)y : (int)(y / 100);
                    p->min = nd <= 2 ? 0 : (int)(y % 100);
                    p->sec = 0;
                    p->nsec = 0;
                    if (p->hour > 23 || p->min > 59)
                        return false;
                    p->have_time = true;
                }
                s = t;
                last_rel = false;
                continue;
            }
            if (we > w) {
                int mo = tzp__name(w, (size_t)(we - w), tzp_months, 12);
                if (mo >= 0 && nd <= 2) {
                    p->mday = (int)y;
                    p->mon = mo + 1;
                    s = we;
                    while (*s == ' ' || *s == ',')
                        s++;
                    const char *v = s;
                    long yr = 0;
                    int yd = 0;
                    while (isdigit((unsigned char)*v)) {
                        if (yd < 18)
                            yr = yr * 10 + (*v - '0');
                        v++;
                        yd++;
                    }
                    if (yd == 4 && *v != ':') {
                        p->year = yr;
                        s = v;
                    } else {
                        p->year = -1;
                    }
                    p->have_date = true;
                    last_rel = false;
                    continue;
                }
                int dn = tzp__name(w, (size_t)(we - w), tzp_days, 7);
                if (dn >= 0) {
                    p->day_number = dn;
                    p->day_ordinal = (int)y;
                    p->have_day = true;
                    s = we;
                    last_rel = false;
                    continue;
                }
                long before[6] = {p->rel_year, p->rel_mon, p->rel_day, p->rel_hour, p->rel_min, p->rel_sec};
                if (tzp__unit(w, (size_t)(we - w), p, y)) {
                    lr_year = p->rel_year - before[0], lr_mon = p->rel_mon - before[1];
                    lr_day = p->rel_day - before[2], lr_hour = p->rel_hour - before[3];
                    lr_min = p->rel_min - before[4], lr_sec = p->rel_sec - before[5];
                    s = we;
                    last_rel = true;
                    continue;
                }
            }
            return false;
        }
        /* signed relative numbers and zone offsets */
        if (*s == '+' || *s == '-') {
            long off;
            const char *t = s;
            bool bad = false;
            if (after_time && tzp__offset(&t, &off, &bad)) {
                /* right after hh:mm a signed number is the time's zone,
                 * even before a unit word ("12:00 +1 day") */
                p->zone = off;
                p->have_zone = true;
                s = t;
                last_rel = false;
                continue;
            }
            if (bad)
                return false;
            int sign = *s == '-' ? -1 : 1;
            t = s + 1;
            while (*t == ' ')
                t++;
            long v = 0;
            if (!isdigit((unsigned char)*t))
                return false;
            while (isdigit((unsigned char)*t)) {
                if (v > (LONG_MAX - 9) / 10)
                    return false;
                v = v * 10 + (*t++ - '0');
            }
            while (*t == ' ')
                t++;
            const char *we = t;
            while (isalpha((unsigned char)*we))
                we++;
            long before[6] = {p->rel_year, p->rel_mon, p->rel_day, p->rel_hour, p->rel_min, p->rel_sec};
            if (!tzp__unit(t, (size_t)(we - t), p, sign * v))
                return false;
            lr_year = p->rel_year - before[0], lr_mon = p->rel_mon - before[1];
            lr_day = p->rel_day - before[2], lr_hour = p->rel_hour - before[3];
            lr_min = p->rel_min - before[4], lr_sec = p->rel_sec - before[5];
            s = we;
            last_rel = true;
            continue;
        }
        if (isalpha((unsigned char)*s)) {
            const char *we = s;
            while (isalpha((unsigned char)*we))
                we++;
            size_t n = (size_t)(we - s);
            char w[16];
            if (n >= sizeof w)
                return false;
            for (size_t i = 0; i < n; i++)
                w[i] = (char)tolower((unsigned char)s[i]);
            w[n] = '\0';
            s = we;
            if (!strcmp(w, "now") || !strcmp(w, "today")) {
                last_rel = false;
                continue;
            }
            if (!strcmp(w, "yesterday") || !strcmp(w, "tomorrow")) {
                long d = w[0] == 'y' ? -1 : 1;
                p->rel_day += d;
                lr_year = lr_mon = lr_hour = lr_min = lr_sec = 0;
                lr_day = d;
                last_rel = true;
                continue;
            }
            if (!strcmp(w, "ago")) {
                if (!last_rel)
                    return false;
                p->rel_year -= 2 * lr_year, p->rel_mon -= 2 * lr_mon, p->rel_day -= 2 * lr_day;
                p->rel_hour -= 2 * lr_hour, p->rel_min -= 2 * lr_min, p->rel_sec -= 2 * lr_sec;
                last_rel = false;
                continue;
            }
            long zoff;
            if (tzp__zone_abbr(w, &zoff)) {
                p->zone = zoff;
                p->have_zone = true;
                last_rel = false;
                continue;
            }
            if (!strcmp(w, "utc") || !strcmp(w, "gmt") || !strcmp(w, "ut") || !strcmp(w, "z")) {
                p->zone = 0;
                p->have_zone = true;
                long off;
                const char *t = s;
                bool bad;
                if (tzp__offset(&t, &off, &bad)) {
                    p->zone = off;
                    s = t;
                } else if (bad) {
                    return false;
                }
                last_rel = false;
                continue;
            }
            static const char *const ords[] = {"last", "this", "next", "first", "", "third",
                                               "fourth", "fifth", "sixth", "seventh", "eighth",
                                               "ninth", "tenth", "eleventh", "twelfth"};
            int oi = -1;
            for (int k = 0; k < 15 && oi < 0; k++)
                if (ords[k][0] && !strcmp(w, ords[k]))
                    oi = k;
            if (oi >= 0) {
                long ord = oi <= 2 ? oi - 1 : oi == 3 ? 1 : oi - 2;
                while (*s == ' ')
                    s++;
                const char *ue = s;
                while (isalpha((unsigned char)*ue))
                    ue++;
                int dn = tzp__name(s, (size_t)(ue - s), tzp_days, 7);
                if (dn >= 0) {
                    p->day_number = dn;
                    p->day_ordinal = (int)ord;
                    p->have_day = true;
                    s = ue;
                    last_rel = false;
                    continue;
                }
                long before[6] = {p->rel_year, p->rel_mon, p->rel_day, p->rel_hour, p->rel_min, p->rel_sec};
                if (!tzp__unit(s, (size_t)(ue - s), p, ord))
                    return false;
                lr_year = p->rel_year - before[0], lr_mon = p->rel_mon - before[1];
                lr_day = p->rel_day - before[2], lr_hour = p->rel_hour - before[3];
                lr_min = p->rel_min - before[4], lr_sec = p->rel_sec - before[5];
                s = ue;
                last_rel = true;
                continue;
            }
            int mo = tzp__name(w, n, tzp_months, 12);
            if (mo >= 0) {
                /* Month DAY [YEAR] */
                while (*s == ' ')
                    s++;
                if (!isdigit((unsigned char)*s))
                    return false;
                int d = 0;
                while (isdigit((unsigned char)*s))
                    d = d * 10 + (*s++ - '0');
                p->mon = mo + 1;
                p->mday = d;
                p->year = -1;
                const char *v = s;
                while (*v == ' ' || *v == ',')
                    v++;
                long yr = 0;
                int yd = 0;
                while (isdigit((unsigned char)*v)) {
                    if (yd < 18)
                        yr = yr * 10 + (*v - '0');
                    v++;
                    yd++;
                }
                if (yd == 4 && *v != ':') {
                    p->year = yr;
                    s = v;
                }
                p->have_date = true;
                last_rel = false;
                continue;
            }
            int dn = tzp__name(w, n, tzp_days, 7);
            if (dn >= 0) {
                p->day_number = dn;
                p->day_ordinal = 0;
                p->have_day = true;
                last_rel = false;
                continue;
            }
            {
                /* A unit alone means one of it. */
                tzp_state q = {0};
                if (tzp__unit(w, n, &q, 1)) {
                    p->rel_year += q.rel_year, p->rel_mon += q.rel_mon, p->rel_day += q.rel_day;
                    p->rel_hour += q.rel_hour, p->rel_min += q.rel_min, p->rel_sec += q.rel_sec;
                    lr_year = q.rel_year, lr_mon = q.rel_mon, lr_day = q.rel_day;
                    lr_hour = q.rel_hour, lr_min = q.rel_min, lr_sec = q.rel_sec;
                    last_rel = true;
                    continue;
                }
            }
            return false;
        }
        return false;
    }
    return true;
}

static bool tzp__leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The TZ value in force: tz when given (-u, a TZ="..." date), else the
 * session's TZ variable. */
static const char *tzp__tz(vb_cmd *cmd, const char *tz)
{
    return tz ? tz : bi_getvar(cmd, "TZ");
}

/* mktime for the parse: in the string's own zone when it named one, else
 * in the zone of tz. tm is normalized. */
static bool tzp__mktime(vb_cmd *cmd, const char *tz, const tzp_state *p, struct tm *tm, int64_t *t)
{
    if (!p->have_zone)
        return tz_mktime(tzp__tz(cmd, tz), tm, t);
    /* the fields as UTC (not timegm: glibc's follows a right/ process TZ) */
    tm->tm_isdst = 0;
    int64_t u;
    if (!tz_mktime("UTC0", tm, &u))
        return false;
    *t = u - p->zone;
    return true;
}

/* Resolves a parsed string against `now`, as gnulib's parse_datetime: the
 * date and time (a local time that does not exist is invalid), then a
 * weekday, then years, months and days, then hours, minutes and seconds.
 * False if the date is invalid. */
static bool tzp__resolve(vb_cmd *cmd, const char *tz, const tzp_state *p, const struct timespec *now,
                        struct timespec *out)
{
    if (p->have_epoch) {
        out->tv_sec = (time_t)p->epoch_i;
        out->tv_nsec = p->epoch_ns;
        return true;
    }
    tt_tm lt;
    tz_local(tzp__tz(cmd, tz), now->tv_sec, &lt);
    struct tm tm = lt.tm;
    tm.tm_zone = NULL;
    long nsec = now->tv_nsec;
    if (p->have_date) {
        if (p->year >= 0) {
            if (p->year - 1900 > INT_MAX)
                return false;
            tm.tm_year = (int)(p->year - 1900);
        }
        if (p->mon < 1 || p->mon > 12)
            return false;
        static const int ml[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int lim = ml[p->mon - 1] + (p->mon == 2 && tzp__leap(tm.tm_year + 1900L));
        if (p->mday < 1 || p->mday > lim)
            return false;
        tm.tm_mon = p->mon - 1;
        tm.tm_mday = p->mday;
    }
    if (p->have_time) {
        tm.tm_hour = p->hour;
        tm.tm_min = p->min;
        tm.tm_sec = p->sec;
        nsec = p->nsec;
    } else if (p->have_date || p->have_day) {
        tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
        nsec = 0;
    }
    tm.tm_isdst = -1;
    struct tm tm0 = tm;
    int64_t t;
    if (!tzp__mktime(cmd, tz, p, &tm, &t))
        return false;
    if (!p->have_zone && (tm.tm_sec != tm0.tm_sec || tm.tm_min != tm0.tm_min ||
                          tm.tm_hour != tm0.tm_hour || tm.tm_mday != tm0.tm_mday ||
                          tm.tm_mon != tm0.tm_mon || tm.tm_year != tm0.tm_year))
        return false;   /* skipped by a change of the clocks */
    if (p->have_day && !p->have_date) {
        int diff = (p->day_number - tm.tm_wday + 7) % 7;
        tm.tm_mday += diff + 7 * (p->day_ordinal - (p->day_ordinal > 0 && tm.tm_wday != p->day_number));
        tm.tm_isdst = -1;
        if (!tzp__mktime(cmd, tz, p, &tm, &t))
            return false;
    }
    if (p->rel_year || p->rel_mon || p->rel_day) {
        /* parse_datetime: the relative items must keep the fields in an int */
        long long ny = (long long)tm.tm_year + p->rel_year, nm = (long long)tm.tm_mon + p->rel_mon,
                  nd = (long long)tm.tm_mday + p->rel_day;
        if (ny < INT_MIN || ny > INT_MAX || nm < INT_MIN || nm > INT_MAX || nd < INT_MIN ||
            nd > INT_MAX)
            return false;
        tm.tm_year = (int)ny;
        tm.tm_mon = (int)nm;
        tm.tm_mday = (int)nd;
        tm.tm_hour = tm0.tm_hour;
        tm.tm_min = tm0.tm_min;
        tm.tm_sec = tm0.tm_sec;
        tm.tm_isdst = tm0.tm_isdst;
        if (!tzp__mktime(cmd, tz, p, &tm, &t))
            return false;
    }
    long long dh, dm, add;
    if (__builtin_mul_overflow((long long)p->rel_hour, 3600LL, &dh) ||
        __builtin_mul_overflow((long long)p->rel_min, 60LL, &dm) ||
        __builtin_add_overflow(dh, dm, &add) ||
        __builtin_add_overflow(add, (long long)p->rel_sec, &add) ||
        __builtin_add_overflow((long long)t, add, &add))
        return false;
    t = add;
    out->tv_sec = (time_t)t;
    out->tv_nsec = nsec;
    return true;
}

bool tz_parse_date(vb_cmd *cmd, const char *tz, const char *str, const struct timespec *now,
                   struct timespec *out)
{
    const char *s = str;
    while (isspace((unsigned char)*s))
        s++;
    char *own = NULL;
    if (!strncmp(s, "TZ=\"", 4)) {
        vbuf v;
        vbuf_init(&v, cmd->heap);
        const char *q = s + 4;
        for (; *q && *q != '"'; q++) {
            if (*q == '\\') {
                q++;
                if (*q != '\\' && *q != '"')
                    break;
            }
            vbuf_addc(&v, *q);
        }
        if (*q != '"') {
            vbuf_free(&v);
            return false;
        }
        own = mem_strndup(cmd->heap, v.data ? v.data : "", v.len);
        vbuf_free(&v);
        if (!own)
            return false;
        tz = own;
        str = q + 1;
    }
    tzp_state p = {0};
    bool ok = tzp__parse(str, &p) && tzp__resolve(cmd, tz, &p, now, out);
    mem_free(cmd->heap, own);
    return ok;
}

