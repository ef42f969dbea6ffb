/*
 * Unit tests of builtins/lib/tz.c against the C library: for zone files of
 * the host's zoneinfo and POSIX TZ strings, tz_local must break every time
 * down as glibc's localtime_r does with that TZ (fields, offset, summer-time
 * flag, abbreviation), and tz_mktime must give each time back from its
 * broken-down form. Then threads read many zones at once (more than the
 * cache holds) and must agree with the single-threaded answers.
 * (The test alone may setenv/tzset: the library never does.)
 */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "builtins/lib/tz.h"
#include "tests/unit/t.h"

static const char *const zones[] = {
    "America/New_York", "Europe/Paris", "Europe/London", "Asia/Tokyo", "Asia/Kolkata",
    "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo",
    "Africa/Casablanca", "Asia/Tehran", "Europe/Dublin", "America/Santiago", "Pacific/Apia",
    "Antarctica/Troll", "Europe/Moscow", "UTC", "Etc/GMT+5", "EST5EDT", "right/UTC",
    "right/Europe/Berlin",
};

/* POSIX strings glibc reads the same way (rules given: no posixrules file). */
static const char *const posix[] = {
    "EST5EDT4,M3.2.0/-1,M11.1.0/26", "NZST-12NZDT,M9.5.0,M4.1.0/3", "<+0330>-3:30",
    "XXX3YYY,J60/2,J300/2", "XXX3YYY,59,299", "CET-1CEST,M3.5.0,M10.5.0/3", "<-03>3",
    "AB5", "Foo/Bar", "UTC0", "ABC+1:30:15DEF+0:30,M1.1.1/0,M12.5.6/23:59:59",
};

static int glibc_local(const char *tz, time_t t, struct tm *out)
{
    setenv("TZ", tz, 1);
    tzset();
    return localtime_r(&t, out) != NULL;
}

static void check_zone(const char *tz, int64_t from, int64_t to, int64_t step)
{
    int bad = 0;
    for (int64_t t = from; t < to && bad < 5; t += step) {
        struct tm want;
        if (!glibc_local(tz, (time_t)t, &want))
            continue;
        tt_tm got;
        T_CHECK(tz_local(tz, t, &got));
        bool same = got.tm.tm_year == want.tm_year && got.tm.tm_mon == want.tm_mon &&
                    got.tm.tm_mday == want.tm_mday && got.tm.tm_hour == want.tm_hour &&
                    got.tm.tm_min == want.tm_min && got.tm.tm_sec == want.tm_sec &&
                    got.tm.tm_wday == want.tm_wday && got.tm.tm_yday == want.tm_yday &&
                    got.tm.tm_isdst == want.tm_isdst && got.tm.tm_gmtoff == want.tm_gmtoff &&
                    strcmp(got.zone, want.tm_zone ? want.tm_zone : "") == 0;
        T_CHECK_MSG(same, "%s at %lld: got %04d-%02d-%02d %02d:%02d:%02d %s %ld, want %04d-%02d-%02d "
                    "%02d:%02d:%02d %s %ld", tz, (long long)t, got.tm.tm_year + 1900,
                    got.tm.tm_mon + 1, got.tm.tm_mday, got.tm.tm_hour, got.tm.tm_min, got.tm.tm_sec,
                    got.zone, got.tm.tm_gmtoff, want.tm_year + 1900, want.tm_mon + 1, want.tm_mday,
                    want.tm_hour, want.tm_min, want.tm_sec, want.tm_zone, want.tm_gmtoff);
        bad += !same;
        /* back again: the flag given picks the right one of a repeated hour */
        struct tm back = got.tm;
        int64_t r = 0;
        bool ok = tz_mktime(tz, &back, &r);
        tt_tm again;
        tz_local(tz, r, &again);
        /* r == t, or another time with the same local fields (a day some
         * zone lived twice), or a leap second's next minute */
        T_CHECK_MSG(ok && (r == t || got.tm.tm_sec == 60 ||
                           (again.tm.tm_mday == got.tm.tm_mday && again.tm.tm_hour == got.tm.tm_hour &&
                            again.tm.tm_min == got.tm.tm_min && again.tm.tm_sec == got.tm.tm_sec)),
                    "%s: mktime of %lld gave %lld", tz, (long long)t, (long long)r);
    }
}

#define NTHREADS 4
#define NTIMES 64

typedef struct answer {
    tt_tm lt;
} answer;

static char names[128][64];
static int nnames;
static answer *ref;   /* [nnames][NTIMES] */
static int thread_bad;
static pthread_mutex_t bad_lock = PTHREAD_MUTEX_INITIALIZER;

static int64_t time_at(int i)
{
    return -2000000000LL + (int64_t)i * 97000003LL;
}

static void *worker(void *arg)
{
    int k = (int)(intptr_t)arg;
    int bad = 0;
    for (int round = 0; round < 5; round++)
        for (int j = 0; j < nnames; j++) {
            int n = (j * 7 + k * 13 + round) % nnames;
            for (int i = 0; i < NTIMES; i += 5) {
                tt_tm lt;
                tz_local(names[n], time_at(i), &lt);
                const tt_tm *w = &ref[n * NTIMES + i].lt;
                if (lt.tm.tm_hour != w->tm.tm_hour || lt.tm.tm_mday != w->tm.tm_mday ||
                    lt.tm.tm_gmtoff != w->tm.tm_gmtoff || strcmp(lt.zone, w->zone) != 0)
                    bad++;
            }
        }
    pthread_mutex_lock(&bad_lock);
    thread_bad += bad;
    pthread_mutex_unlock(&bad_lock);
    return NULL;
}

int main(void)
{
    if (access(VB_ZONEINFO_DIR "/Europe/Paris", R_OK) != 0) {
        T_SKIP("no zoneinfo at " VB_ZONEINFO_DIR);
        return T_DONE();
    }
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        char p[256];
        snprintf(p, sizeof p, "%s/%s", VB_ZONEINFO_DIR, zones[i]);
        if (access(p, R_OK) != 0)
            continue;
        /* 1850..2120 every ~9 days, and densely around 2024's changes */
        check_zone(zones[i], -3786825600LL, 4733510400LL, 777601);
        check_zone(zones[i], 1704067200LL, 1735689600LL, 3599);
    }
    for (size_t i = 0; i < sizeof posix / sizeof posix[0]; i++) {
        check_zone(posix[i], -2208988800LL, 4733510400LL, 1209599);
        check_zone(posix[i], 1704067200LL, 1735689600LL, 3599);
    }
    unsetenv("TZ");
    tzset();

    /* A skipped local time is not given back as asked; a repeated one takes
     * the summer-time flag asked for. */
    struct tm tm = {.tm_year = 124, .tm_mon = 2, .tm_mday = 31, .tm_hour = 2, .tm_min = 30,
                    .tm_isdst = -1};
    int64_t t;
    T_CHECK(tz_mktime("Europe/Paris", &tm, &t) && tm.tm_hour != 2);
    struct tm rep = {.tm_year = 124, .tm_mon = 9, .tm_mday = 27, .tm_hour = 2, .tm_min = 30,
                     .tm_isdst = 1};
    T_CHECK(tz_mktime("Europe/Paris", &rep, &t) && t == 1729989000 && rep.tm_isdst == 1);
    rep = (struct tm){.tm_year = 124, .tm_mon = 9, .tm_mday = 27, .tm_hour = 2, .tm_min = 30,
                      .tm_isdst = 0};
    T_CHECK(tz_mktime("Europe/Paris", &rep, &t) && t == 1729992600 && rep.tm_isdst == 0);

    /* Names that leave the zone directory read nothing there. */
    tt_tm lt;
    T_CHECK(tz_local("../../etc/passwd", 0, &lt) && lt.tm.tm_gmtoff == 0 && !strcmp(lt.zone, ""));
    T_CHECK(tz_local("/etc/localtime", 0, &lt) && lt.tm.tm_gmtoff == 0 && !strcmp(lt.zone, ""));
    T_CHECK(tz_local("localtime", 0, &lt) && lt.tm.tm_gmtoff == 0 && !strcmp(lt.zone, "localtime"));
    T_CHECK(tz_local(VB_ZONEINFO_DIR "/Asia/Tokyo", 0, &lt) && lt.tm.tm_gmtoff == 9 * 3600);
    T_CHECK(tz_local(NULL, 0, &lt) && !strcmp(lt.zone, "UTC"));

    /* Threads: more zones than the cache holds, answers as one thread's. */
    const char *areas[] = {"Europe", "America", "Asia", "Africa"};
    for (size_t a = 0; a < 4 && nnames < 100; a++) {
        char dp[256];
        snprintf(dp, sizeof dp, "%s/%s", VB_ZONEINFO_DIR, areas[a]);
        DIR *d = opendir(dp);
        struct dirent *e;
        while (d && nnames < 100 && (e = readdir(d)) != NULL) {
            char p[512];
            snprintf(p, sizeof p, "%s/%s", dp, e->d_name);
            struct stat st;
            if (e->d_name[0] != '.' && stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
                strlen(areas[a]) + strlen(e->d_name) + 2 < sizeof names[0]) {
                char *n = names[nnames++];
                strcpy(n, areas[a]);
                strcat(n, "/");
                strcat(n, e->d_name);
            }
        }
        if (d)
            closedir(d);
    }
    ref = calloc((size_t)nnames * NTIMES, sizeof *ref);
    T_CHECK(ref != NULL);
    if (!ref)
        return T_DONE();
    for (int n = 0; n < nnames; n++)
        for (int i = 0; i < NTIMES; i++)
            tz_local(names[n], time_at(i), &ref[n * NTIMES + i].lt);
    pthread_t th[NTHREADS];
    for (int k = 0; k < NTHREADS; k++)
        T_CHECK(pthread_create(&th[k], NULL, worker, (void *)(intptr_t)k) == 0);
    for (int k = 0; k < NTHREADS; k++)
        pthread_join(th[k], NULL);
    T_CHECK_MSG(thread_bad == 0, "%d answers differ between threads (%d zones)", thread_bad, nnames);
    T_CHECK(nnames > 64);
    free(ref);
    return T_DONE();
}
