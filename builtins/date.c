/*
 * date: print the session's date and time, or a parsed one. +FORMAT with
 * every strftime sequence plus GNU's %N %q %s %:z %::z %:::z and the
 * - _ 0 ^ # flags and widths; -d STRING, -f FILE, -r FILE, -u, -I[FMT],
 * -R, --rfc-3339=FMT. The clock is the session's (pinned in tests); TZ is
 * read from the session and may name a zone of the tz database
 * (builtins/lib/tz.h). Date strings: gnulib's parse_datetime forms, see
 * builtins/lib/tz_parse.c.
 * Reference: GNU coreutils 9.1 date. Deviations: setting the clock (-s,
 * MMDDhhmm operands) is refused; rarer parse_datetime forms (military
 * zones, week dates) are not understood.
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

/* The TZ value in force: tz when given (-u), else the session's TZ. */
static const char *dt__tz(vb_cmd *cmd, const char *tz)
{
    return tz ? tz : bi_getvar(cmd, "TZ");
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
            if (!line || !tz_parse_date(cmd, tz, line, &now, &t)) {
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
        if (!tz_parse_date(cmd, tz, dstr, &now, &t)) {
            bi_err(cmd, "invalid date %s", fs_lq(cmd, dstr));
            return 1;
        }
        status = dt__print(cmd, tz, fmt, &t);
    } else {
        status = dt__print(cmd, tz, fmt, &now);
    }
    return bi_done(cmd, status);
}
