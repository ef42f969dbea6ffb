/*
 * date: print the session's date and time, or a parsed one. +FORMAT with
 * every strftime sequence plus GNU's %N %q %s %:z %::z %:::z and the
 * - _ 0 ^ # flags and widths; -d STRING, -f FILE, -r FILE, -u, -I[FMT],
 * -R, --rfc-3339=FMT. The clock is the session's (pinned in tests); TZ is
 * read from the session (builtins/lib/text_time.h).
 * Date strings: @SECONDS[.frac], now, today, yesterday, tomorrow,
 * ISO 8601 dates and times (2026-01-02, 20260102,
 * 2026-01-02T10:00:00Z, +hh:mm zones, UTC/GMT/Z), "Jan 5 2026",
 * "5 January 2026", HH:MM[:SS[.frac]] [am|pm], weekday names with
 * next/last/this, and relative items ("3 days", "-2 weeks", "1 hour ago",
 * "next month", fortnight) in any combination.
 * Reference: GNU coreutils 9.1 date. Deviations: setting the clock (-s,
 * MMDDhhmm operands) is refused; rarer parse_datetime forms (military
 * zones, ordinal words like "third", named zones other than UTC) are not
 * understood.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_time.h"
#include "builtins/lib/text_util.h"
#include "builtins/lib/tz.h"

VB_BUILTIN("date", bi_date, BI_UTIL)

static const char date_help[] =
    "Usage: date [OPTION]... [+FORMAT]\n"
    "  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]\n"
    "Display the current time in the given FORMAT, or set the system date.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -d, --date=STRING          display time described by STRING, not 'now'\n"
    "  -f, --file=DATEFILE        like --date; once for each line of DATEFILE\n"
    "  -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format.\n"
    "                               FMT='date' for date only (the default),\n"
    "                               'hours', 'minutes', 'seconds', or 'ns'\n"
    "  -R, --rfc-email            output date and time in RFC 5322 format.\n"
    "      --rfc-3339=FMT         output date/time in RFC 3339 format.\n"
    "                               FMT='date', 'seconds', or 'ns'\n"
    "  -r, --reference=FILE       display the last modification time of FILE\n"
    "  -s, --set=STRING           set time described by STRING\n"
    "  -u, --utc, --universal     print or set Coordinated Universal Time (UTC)\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { DATE_RFC3339 = 256 };

static const bi_longopt date_longs[] = {
    {"date", 1, 'd'}, {"file", 1, 'f'}, {"iso-8601", 2, 'I'}, {"rfc-email", 0, 'R'},
    {"rfc-822", 0, 'R'}, {"rfc-2822", 0, 'R'}, {"rfc-3339", 1, DATE_RFC3339},
    {"reference", 1, 'r'}, {"set", 1, 's'}, {"utc", 0, 'u'}, {"universal", 0, 'u'}, {0},
};

/* ---------------------------------------------------------------- parsing */

typedef struct dt_parse {
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
} dt_parse;

static const char *const dt_months[] = {"january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october", "november",
                                        "december"};
static const char *const dt_days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday",
                                      "friday", "saturday"};

/* Month 1..12 or day 0..6 from a word (3-letter prefix or full name, "sept"). */
static int dt__name(const char *w, size_t n, const char *const *names, int count)
{
    if (n < 3)
        return -1;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(names[i]);
        if (n <= l && !strncasecmp(w, names[i], n) && (n == 3 || n == l))
            return i;
        if (names == dt_months && i == 8 && n == 4 && !strncasecmp(w, "sept", 4))
            return i;
        if (names == dt_days && n == 4 && !strncasecmp(w, names[i], 3) &&
            ((i == 2 && !strncasecmp(w, "tues", 4)) || (i == 3 && !strncasecmp(w, "wednes", 4)) ||
             (i == 4 && !strncasecmp(w, "thur", 4))))
            return i;
    }
    return -1;
}

/* parse_datetime's time zone abbreviations (offsets east of UTC, daylight
 * zones with their hour added). UTC, GMT, UT and Z are read with the
 * offsets that may follow them. */
static bool dt__zone_abbr(const char *w, long *off)
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

static bool dt__unit(const char *w, size_t n, dt_parse *p, long v)
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
static bool dt__time(const char **sp, dt_parse *p)
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

/* A zone offset at *s, as parse_datetime's tSNUMBER o_colon_minutes:
 * [+-]h, [+-]hh (hours), [+-]hhmm, [+-]h[h]:mm, at most 24 hours. *bad is
 * set when it is one but out of range. */
static bool dt__offset(const char **sp, long *out, bool *bad)
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

static bool dt__parse(const char *str, dt_parse *p)
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
                    p->year = y, p->mon = mo, p->mday = d;
                    p->have_date = true;
                    s = u;
                    if (*s == 'T' || *s == 't') {
                        s++;
                        if (!dt__time(&s, p))
                            return false;
                        if (!isalpha((unsigned char)s[-1]))
                            time_end = s;
                    }
                    last_rel = false;
                    continue;
                }
            }
            if (nd == 8 && !isalpha((unsigned char)*t) && *t != ':') {
                p->year = y / 10000, p->mon = (int)(y / 100 % 100), p->mday = (int)(y % 100);
                p->have_date = true;
                s = t;
                if (*s == 'T' || *s == 't') {
                    s++;
                    if (!dt__time(&s, p))
                        return false;
                    if (!isalpha((unsigned char)s[-1]))
                        time_end = s;
                }
                last_rel = false;
                continue;
            }
            /* HH:MM[:SS] */
            if (*t == ':') {
                if (!dt__time(&s, p))
                    return false;
                if (!isalpha((unsigned char)s[-1]))
                    time_end = s;
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
                int mo = dt__name(w, (size_t)(we - w), dt_months, 12);
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
                int dn = dt__name(w, (size_t)(we - w), dt_days, 7);
                if (dn >= 0) {
                    p->day_number = dn;
                    p->day_ordinal = (int)y;
                    p->have_day = true;
                    s = we;
                    last_rel = false;
                    continue;
                }
                long before[6] = {p->rel_year, p->rel_mon, p->rel_day, p->rel_hour, p->rel_min, p->rel_sec};
                if (dt__unit(w, (size_t)(we - w), p, y)) {
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
            bool bad;
            if (after_time && dt__offset(&t, &off, &bad)) {
                /* right after hh:mm a signed number is the time's zone,
                 * even before a unit word ("12:00 +1 day") */
                p->zone = off;
                p->have_zone = true;
                s = t;
                last_rel = false;
                after_time = false;
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
            if (!dt__unit(t, (size_t)(we - t), p, sign * v))
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
            if (dt__zone_abbr(w, &zoff)) {
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
                if (dt__offset(&t, &off, &bad)) {
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
                int dn = dt__name(s, (size_t)(ue - s), dt_days, 7);
                if (dn >= 0) {
                    p->day_number = dn;
                    p->day_ordinal = (int)ord;
                    p->have_day = true;
                    s = ue;
                    last_rel = false;
                    continue;
                }
                long before[6] = {p->rel_year, p->rel_mon, p->rel_day, p->rel_hour, p->rel_min, p->rel_sec};
                if (!dt__unit(s, (size_t)(ue - s), p, ord))
                    return false;
                lr_year = p->rel_year - before[0], lr_mon = p->rel_mon - before[1];
                lr_day = p->rel_day - before[2], lr_hour = p->rel_hour - before[3];
                lr_min = p->rel_min - before[4], lr_sec = p->rel_sec - before[5];
                s = ue;
                last_rel = true;
                continue;
            }
            int mo = dt__name(w, n, dt_months, 12);
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
            int dn = dt__name(w, n, dt_days, 7);
            if (dn >= 0) {
                p->day_number = dn;
                p->day_ordinal = 0;
                p->have_day = true;
                last_rel = false;
                continue;
            }
            {
                /* A unit alone means one of it. */
                dt_parse q = {0};
                if (dt__unit(w, n, &q, 1)) {
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

static bool dt__leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The TZ value in force: tz when given (-u, a TZ="..." date), else the
 * session's TZ variable. */
static const char *dt__tz(vb_cmd *cmd, const char *tz)
{
    return tz ? tz : bi_getvar(cmd, "TZ");
}

/* mktime for the parse: in the string's own zone when it named one, else
 * in the zone of tz. tm is normalized. */
static bool dt__mktime(vb_cmd *cmd, const char *tz, const dt_parse *p, struct tm *tm, int64_t *t)
{
    if (!p->have_zone)
        return tz_mktime(dt__tz(cmd, tz), tm, t);
    tm->tm_isdst = 0;
    time_t u = timegm(tm);
    if (u == (time_t)-1 && (tm->tm_year != 69 || tm->tm_mday != 31))
        return false;
    *t = (int64_t)u - p->zone;
    return true;
}

/* Resolves a parsed string against `now`, as gnulib's parse_datetime: the
 * date and time (a local time that does not exist is invalid), then a
 * weekday, then years, months and days, then hours, minutes and seconds.
 * False if the date is invalid. */
static bool dt__resolve(vb_cmd *cmd, const char *tz, const dt_parse *p, const struct timespec *now,
                        struct timespec *out)
{
    if (p->have_epoch) {
        out->tv_sec = (time_t)p->epoch_i;
        out->tv_nsec = p->epoch_ns;
        return true;
    }
    tt_tm lt;
    tz_local(dt__tz(cmd, tz), now->tv_sec, &lt);
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
        int lim = ml[p->mon - 1] + (p->mon == 2 && dt__leap(tm.tm_year + 1900L));
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
    if (!dt__mktime(cmd, tz, p, &tm, &t))
        return false;
    if (!p->have_zone && (tm.tm_sec != tm0.tm_sec || tm.tm_min != tm0.tm_min ||
                          tm.tm_hour != tm0.tm_hour || tm.tm_mday != tm0.tm_mday ||
                          tm.tm_mon != tm0.tm_mon || tm.tm_year != tm0.tm_year))
        return false;   /* skipped by a change of the clocks */
    if (p->have_day && !p->have_date) {
        int diff = (p->day_number - tm.tm_wday + 7) % 7;
        tm.tm_mday += diff + 7 * (p->day_ordinal - (p->day_ordinal > 0 && tm.tm_wday != p->day_number));
        tm.tm_isdst = -1;
        if (!dt__mktime(cmd, tz, p, &tm, &t))
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
        if (!dt__mktime(cmd, tz, p, &tm, &t))
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

/* A date string, with parse_datetime's leading TZ="ZONE" (the zone the
 * rest is read in; \\ and \" escape): false if it is invalid. */
static bool dt__get(vb_cmd *cmd, const char *tz, const char *str, const struct timespec *now,
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
    dt_parse p = {0};
    bool ok = dt__parse(str, &p) && dt__resolve(cmd, tz, &p, now, out);
    mem_free(cmd->heap, own);
    return ok;
}

/* ---------------------------------------------------------------- output */

static void dt__pad_num(vbuf *b, long long v, int width, char pad, char flag)
{
    if (flag == '-')
        width = 0;
    else if (flag == '_')
        pad = ' ';
    else if (flag == '0')
        pad = '0';
    char num[32];
    int n = snprintf(num, sizeof num, "%lld", v < 0 ? -v : v);
    int len = n + (v < 0);
    if (v < 0 && pad == '0')
        vbuf_addc(b, '-');
    for (int i = len; i < width; i++)
        vbuf_addc(b, pad);
    if (v < 0 && pad != '0')
        vbuf_addc(b, '-');
    vbuf_add(b, num, (size_t)n);
}

/* gnulib nstrftime's number output for the year conversions (DO_YEARISH):
 * the sign counts in the width, '+' shows one past `digits` digits. */
static void dt__yearish(vbuf *b, int digits, bool neg, unsigned long long u, char flag, int width)
{
    char pad = flag == '_' || flag == '-' || flag == '0' || flag == '+' ? flag : 0;
    bool plus = pad == '+' && ((digits == 2 ? 99u : 9999u) < u || digits < width);
    if (pad == 0)
        pad = '0';
    if (width < 0)
        width = digits;
    char num[32];
    int numlen = snprintf(num, sizeof num, "%llu", u);
    char sign = neg ? '-' : plus ? '+' : 0;
    int shortage = width - (sign != 0) - numlen;
    int padding = pad == '-' || shortage <= 0 ? 0 : shortage;
    if (sign) {
        if (pad == '_') {
            for (int i = 0; i < padding; i++)
                vbuf_addc(b, ' ');
            width -= padding;
        }
        vbuf_addc(b, sign);
        width--;
    }
    int w = pad == '-' ? 0 : width;
    for (int i = numlen; i < w; i++)
        vbuf_addc(b, pad == '0' || pad == '+' ? '0' : ' ');
    vbuf_add(b, num, (size_t)numlen);
}

static bool dt__isleap(long long y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* gnulib's iso_week_days: days since the Monday of the ISO week 1. */
static int dt__iso_days(int yday, int wday)
{
    int big = (366 / 7 + 2) * 7;
    return yday - (yday - wday + 4 + big) % 7 + 4 - 1;
}

/* The ISO week-based year's difference from the calendar year (-1, 0, 1). */
static int dt__iso_adjust(const struct tm *tm)
{
    long long year = (long long)tm->tm_year + (tm->tm_year < 0 ? 300 : -100);
    int days = dt__iso_days(tm->tm_yday, tm->tm_wday);
    if (days < 0)
        return -1;
    if (dt__iso_days(tm->tm_yday - (365 + dt__isleap(year)), tm->tm_wday) >= 0)
        return 1;
    return 0;
}

static void dt__format(vbuf *b, const char *fmt, const tt_tm *lt, int64_t secs, long nsec);

/* %Y %C %y %G %g %F %D as gnulib's nstrftime (years beyond int and before 1). */
static bool dt__year_conv(vbuf *b, char c, char flag, int width, const tt_tm *lt)
{
    const struct tm *tm = &lt->tm;
    long long ty = tm->tm_year;
    switch (c) {
    case 'Y': {
        long long y = ty + 1900;
        dt__yearish(b, 4, y < 0, (unsigned long long)(y < 0 ? -y : y), flag, width);
        return true;
    }
    case 'C': {
        bool negy = ty < -1900;
        bool low = !negy && ty < 0;
        long long cen = (ty - 99 * low) / 100 + 19;
        dt__yearish(b, 2, negy, (unsigned long long)(cen < 0 ? -cen : cen), flag, width);
        return true;
    }
    case 'y': {
        long long yy = ty % 100;
        if (yy < 0)
            yy = ty < -1900 ? -yy : yy + 100;
        dt__yearish(b, 2, false, (unsigned long long)yy, flag, width);
        return true;
    }
    case 'G': {
        int adj = dt__iso_adjust(tm);
        long long y = ty + 1900 + adj;
        dt__yearish(b, 4, ty < -1900 - adj, (unsigned long long)(y < 0 ? -y : y), flag, width);
        return true;
    }
    case 'g': {
        int adj = dt__iso_adjust(tm);
        long long yy = (ty % 100 + adj) % 100;
        unsigned long long u = yy >= 0 ? (unsigned long long)yy
                                       : ty < -1900 - adj ? (unsigned long long)-yy
                                                          : (unsigned long long)(yy + 100);
        dt__yearish(b, 2, false, u, flag, width);
        return true;
    }
    case 'F':
    case 'D': {
        vbuf t;
        vbuf_init(&t, b->heap);
        if (c == 'F') {
            char yf = flag;
            int yw = width;
            if (flag == 0 && width < 0) {
                yf = '+';
                yw = 4;
            } else {
                yw = width - 6 < 0 ? 0 : width - 6;
            }
            if (yf == '^' || yf == '#')
                yf = 0;
            dt__year_conv(&t, 'Y', yf, yw, lt);
            dt__format(&t, "-%m-%d", lt, 0, 0);
        } else {
            dt__format(&t, "%m/%d/%y", lt, 0, 0);
        }
        /* the whole result padded to the width, as gnulib's add() */
        int w = flag == '-' || width < 0 ? 0 : width;
        for (int i = (int)t.len; i < w; i++)
            vbuf_addc(b, flag == '0' || flag == '+' ? '0' : ' ');
        vbuf_add(b, t.data, t.len);
        vbuf_free(&t);
        return true;
    }
    default:
        return false;
    }
}

static void dt__format(vbuf *b, const char *fmt, const tt_tm *lt, int64_t secs, long nsec)
{
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            vbuf_addc(b, *p);
            continue;
        }
        const char *start = p++;
        char flag = 0;
        while (*p && strchr("-_0^#+", *p))
            flag = *p++;
        int width = -1;
        if (isdigit((unsigned char)*p)) {
            width = 0;
            while (isdigit((unsigned char)*p))
                width = width * 10 + (*p++ - '0');
        }
        /* E and O (alternative representations) change nothing in the C
         * locale; nstrftime refuses them before some conversions */
        char mod = 0;
        if (*p == 'E' || *p == 'O')
            mod = *p++;
        int colons = 0;
        while (*p == ':' && colons < 3) {
            colons++;
            p++;
        }
        if (!*p) {
            vbuf_add(b, start, (size_t)(p - start));
            break;
        }
        char c = *p;
        if ((colons && c != 'z') || (mod == 'E' && !strchr("cCnpPqrRstTuxXyYzZ", c)) ||
            (mod == 'O' && (colons || !strchr("bBCdegGhHIjklmMnNpPrRsStTuUVwWyzZ", c)))) {
            vbuf_add(b, start, (size_t)(p - start + 1));
            continue;
        }
        if (dt__year_conv(b, c, flag, width > 1000 ? 1000 : width, lt))
            continue;
        switch (c) {
        case 'N': {
            char d[16];
            snprintf(d, sizeof d, "%09ld", nsec);
            int w = width < 0 ? 9 : width;
            if (w <= 9) {
                vbuf_add(b, d, (size_t)w);
            } else {
                vbuf_add(b, d, 9);
                for (int i = 9; i < w; i++)
                    vbuf_addc(b, '0');
            }
            continue;
        }
        case 's':
            dt__pad_num(b, (long long)secs, width < 0 ? 0 : width, '0', flag);
            continue;
        case 'Z': {
            /* the zone's abbreviation as it is, even empty (strftime would
             * put the process's zone in its place) */
            const char *z = lt->zone;
            size_t zl = strlen(z);
            int w = flag == '-' || width < 0 ? 0 : width > 1000 ? 1000 : width;
            for (int i = (int)zl; i < w; i++)
                vbuf_addc(b, flag == '0' || flag == '+' ? '0' : ' ');
            for (size_t i = 0; i < zl; i++)
                vbuf_addc(b, flag == '#' ? (char)tolower((unsigned char)z[i])
                             : flag == '^' ? (char)toupper((unsigned char)z[i])
                                           : z[i]);
            continue;
        }
        case 'q':
            dt__pad_num(b, lt->tm.tm_mon / 3 + 1, width < 0 ? 0 : width, '0', flag);
            continue;
        case 'z': {
            long off = lt->tm.tm_gmtoff;
            char sign = off < 0 ? '-' : '+';
            if (off < 0)
                off = -off;
            long h = off / 3600, m = off / 60 % 60, s = off % 60;
            char out[32];
            if (colons == 0)
                snprintf(out, sizeof out, "%c%02ld%02ld", sign, h, m);
            else if (colons == 1)
                snprintf(out, sizeof out, "%c%02ld:%02ld", sign, h, m);
            else if (colons == 2)
                snprintf(out, sizeof out, "%c%02ld:%02ld:%02ld", sign, h, m, s);
            else if (s)
                snprintf(out, sizeof out, "%c%02ld:%02ld:%02ld", sign, h, m, s);
            else if (m)
                snprintf(out, sizeof out, "%c%02ld:%02ld", sign, h, m);
            else
                snprintf(out, sizeof out, "%c%02ld", sign, h);
            size_t ol = strlen(out);
            for (int i = (int)ol; i < width; i++)
                vbuf_addc(b, flag == '_' ? ' ' : '0');
            vbuf_adds(b, out);
            continue;
        }
        default: {
            char f[24];
            int fl = 0;
            f[fl++] = '%';
            if (flag)
                f[fl++] = flag;
            if (width >= 0 && flag != '-')
                fl += snprintf(f + fl, sizeof f - (size_t)fl, "%d", width > 1000 ? 1000 : width);
            f[fl++] = c;
            f[fl] = '\0';
            tt_strftime(b, f, &lt->tm);
            continue;
        }
        }
    }
}

static int dt__print(vb_cmd *cmd, const char *tz, const char *fmt, const struct timespec *ts)
{
    tt_tm lt;
    if (!tz_local(dt__tz(cmd, tz), ts->tv_sec, &lt)) {
        bi_flush(cmd);
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)ts->tv_sec);
        bi_err(cmd, "time %s is out of range", fs_lq(cmd, num));
        return 1;
    }
    vbuf b;
    vbuf_init(&b, cmd->heap);
    dt__format(&b, fmt, &lt, ts->tv_sec, ts->tv_nsec);
    vbuf_addc(&b, '\n');
    bi_out(cmd, b.data, b.len);
    vbuf_free(&b);
    return 0;
}

int bi_date(vb_cmd *cmd)
{
    const char *dstr = NULL, *file = NULL, *ref = NULL, *fmt = NULL;
    bool utc = false;
    int nfmt = 0;
    bi_opt o;
    bi_opt_init(&o, cmd, "d:f:I::r:Rs:u", date_longs, date_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'd': dstr = o.arg; break;
        case 'f': file = o.arg; break;
        case 'r': ref = o.arg; break;
        case 'u': utc = true; break;
        case 's':
            bi_err(cmd, "cannot set date: Operation not permitted");
            return 1;
        case 'I': {
            static const char *const w[] = {"hours", "minutes", "date", "seconds", "ns"};
            static const char *const f[] = {"%Y-%m-%dT%H%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%d",
                                            "%Y-%m-%dT%H:%M:%S%:z", "%Y-%m-%dT%H:%M:%S,%N%:z"};
            int m = o.arg ? tx_argmatch(cmd, "--iso-8601", o.arg, w, NULL, 5) : 2;
            if (m < 0)
                return 1;
            fmt = f[m];
            nfmt++;
            break;
        }
        case 'R':
            fmt = "%a, %d %b %Y %H:%M:%S %z";
            nfmt++;
            break;
        case DATE_RFC3339: {
            static const char *const w[] = {"date", "seconds", "ns"};
            static const char *const f[] = {"%Y-%m-%d", "%Y-%m-%d %H:%M:%S%:z", "%Y-%m-%d %H:%M:%S.%N%:z"};
            int m = tx_argmatch(cmd, "--rfc-3339", o.arg, w, NULL, 3);
            if (m < 0)
                return 1;
            fmt = f[m];
            nfmt++;
            break;
        }
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (n > 0 && ops[0][0] == '+') {
        if (nfmt) {
            bi_err(cmd, "multiple output formats specified");
            return 1;
        }
        if (n > 1)
            return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, ops[1]));
        fmt = ops[0] + 1;
        ops++;
        n--;
    }
    if (n > 0) {
        if (dstr || file || ref || n > 1)
            return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, ops[n > 1 && !(dstr || file || ref) ? 1 : 0]));
        /* An operand sets the clock. */
        bi_err(cmd, "cannot set date: Operation not permitted");
        return 1;
    }
    if ((dstr != NULL) + (file != NULL) + (ref != NULL) > 1) {
        bi_err(cmd, "the options to specify dates for printing are mutually exclusive");
        return bi_usage(cmd, 1, NULL);
    }
    if (!fmt)
        fmt = "%a %b %e %H:%M:%S %Z %Y";
    const char *tz = utc ? "UTC0" : NULL;
    struct timespec now, t;
    tt_now(cmd, &now);
    int status = 0;
    if (ref) {
        char *abs = bi_path(cmd, ref);
        vfs_stat_t st;
        int rc = abs ? vfs_stat(cmd->vfs, abs, &st) : VB_ENOMEM;
        if (rc != 0) {
            bi_err(cmd, "%s: %s", ref, vb_strerror(rc));
            return 1;
        }
        status = dt__print(cmd, tz, fmt, &st.mtime);
    } else if (file) {
        int err = 0;
        stream *s = bi_open_read(cmd, file, &err);
        if (!s) {
            bi_err(cmd, "%s: %s", file, vb_strerror(err));
            return 1;
        }
        bi_reader r;
        bi_reader_init(&r, cmd, s);
        const char *rec;
        size_t len;
        while (bi_getrec(&r, '\n', &rec, &len) > 0) {
            char *line = mem_strndup(cmd->heap, rec, len && rec[len - 1] == '\n' ? len - 1 : len);
            if (!line || !dt__get(cmd, tz, line, &now, &t)) {
                bi_err(cmd, "invalid date %s", fs_lq(cmd, line ? line : ""));
                status = 1;
                continue;
            }
            if (dt__print(cmd, tz, fmt, &t))
                status = 1;
        }
        bi_reader_free(&r);
        stream_unref(s);
    } else if (dstr) {
        if (!dt__get(cmd, tz, dstr, &now, &t)) {
            bi_err(cmd, "invalid date %s", fs_lq(cmd, dstr));
            return 1;
        }
        status = dt__print(cmd, tz, fmt, &t);
    } else {
        status = dt__print(cmd, tz, fmt, &now);
    }
    return bi_done(cmd, status);
}
