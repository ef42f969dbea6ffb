/*
 * touch: change file timestamps, creating missing files. Reference: GNU
 * coreutils 9 touch. -a -m -c -d DATE -t STAMP -r FILE -h/--no-dereference
 * --time=WORD; "-" touches standard output (nothing to change in the
 * sandbox). -d reads every date string date -d reads (builtins/lib/tz.h),
 * relative to the reference file's times with -r; local times are in the
 * session's TZ, zone names included.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/tz.h"

VB_BUILTIN("touch", bi_touch, BI_UTIL)
int bi_touch(vb_cmd *cmd);

static const char touch__help[] =
    "Usage: touch [OPTION]... FILE...\n"
    "Update the access and modification times of each FILE to the current time.\n"
    "\n"
    "A FILE argument that does not exist is created empty, unless -c or -h\n"
    "is supplied.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a                     change only the access time\n"
    "  -c, --no-create        do not create any files\n"
    "  -d, --date=STRING      parse STRING and use it instead of current time\n"
    "  -f                     (ignored)\n"
    "  -h, --no-dereference   affect each symbolic link instead of any referenced\n"
    "                         file\n"
    "  -m                     change only the modification time\n"
    "  -r, --reference=FILE   use this file's times instead of current time\n"
    "  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of current time\n"
    "      --time=WORD        change the specified time:\n"
    "                           WORD is access, atime, or use: equivalent to -a\n"
    "                           WORD is modify or mtime: equivalent to -m\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { TOUCH_TIME = 256 };
static const bi_longopt touch__longs[] = {
    {"no-create", 0, 'c'}, {"date", 1, 'd'}, {"no-dereference", 0, 'h'},
    {"reference", 1, 'r'}, {"time", 1, TOUCH_TIME}, {0},
};

/* [[CC]YY]MMDDhhmm[.ss] in the session's zone, as gnulib's posixtime: a
 * date or time that mktime has to move (Feb 30, 25:00, a local time the
 * clocks skip) is invalid; second 60 is the next minute's 0. */
static int touch__stamp(vb_cmd *cmd, const char *s, struct timespec *out)
{
    size_t n = strlen(s);
    const char *dot = strchr(s, '.');
    size_t main_len = dot ? (size_t)(dot - s) : n;
    if (dot && (strlen(dot + 1) != 2 || !isdigit((unsigned char)dot[1]) || !isdigit((unsigned char)dot[2])))
        return -EINVAL;
    if (main_len != 8 && main_len != 10 && main_len != 12)
        return -EINVAL;
    for (size_t i = 0; i < main_len; i++)
        if (!isdigit((unsigned char)s[i]))
            return -EINVAL;
    int v[6], k = 0;
    for (size_t i = 0; i < main_len; i += 2)
        v[k++] = (s[i] - '0') * 10 + (s[i + 1] - '0');
    const char *tz = bi_getvar(cmd, "TZ");
    int year, idx = 0;
    if (main_len == 12) {
        year = v[0] * 100 + v[1];
        idx = 2;
    } else if (main_len == 10) {
        year = v[0] >= 69 ? 1900 + v[0] : 2000 + v[0];
        idx = 1;
    } else {
        struct timespec now;
        tt_tm lt;
        fs_now(cmd, &now);
        tz_local(tz, now.tv_sec, &lt);
        year = lt.tm.tm_year + 1900;
    }
    int sec = dot ? (dot[1] - '0') * 10 + (dot[2] - '0') : 0;
    if (sec > 60)
        return -EINVAL;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = year - 1900;
    tm.tm_mon = v[idx] - 1;
    tm.tm_mday = v[idx + 1];
    tm.tm_hour = v[idx + 2];
    tm.tm_min = v[idx + 3];
    tm.tm_sec = sec == 60 ? 59 : sec;
    tm.tm_isdst = -1;
    struct tm tm0 = tm;
    int64_t t;
    if (!tz_mktime(tz, &tm, &t) || tm.tm_year != tm0.tm_year || tm.tm_mon != tm0.tm_mon ||
        tm.tm_mday != tm0.tm_mday || tm.tm_hour != tm0.tm_hour || tm.tm_min != tm0.tm_min ||
        tm.tm_sec != tm0.tm_sec)
        return -EINVAL;
    out->tv_sec = (time_t)(t + (sec == 60));
    out->tv_nsec = 0;
    return 0;
}

int bi_touch(vb_cmd *cmd)
{
    bool only_a = false, only_m = false, no_create = false, no_deref = false;
    const char *date = NULL, *stamp = NULL, *ref = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "acd:fhmr:t:", touch__longs, touch__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': only_a = true; break;
        case 'c': no_create = true; break;
        case 'd': date = o.arg; break;
        case 'f': break;
        case 'h': no_deref = true; break;
        case 'm': only_m = true; break;
        case 'r': ref = o.arg; break;
        case 't': stamp = o.arg; break;
        case TOUCH_TIME:
            if (!strcmp(o.arg, "atime") || !strcmp(o.arg, "access") || !strcmp(o.arg, "use"))
                only_a = true;
            else if (!strcmp(o.arg, "mtime") || !strcmp(o.arg, "modify"))
                only_m = true;
            else {
                static const char *const vals[] = {"atime", "access", "use", "", "mtime", "modify", NULL};
                return bi_done(cmd, fs_bad_arg(cmd, o.arg, "--time", vals));
            }
            break;
        default: return bi_done(cmd, o.status);
        }
    }
    if ((stamp && (date || ref)))
        return bi_done(cmd, bi_usage(cmd, 1, "cannot specify times from more than one source"));
    struct timespec t[2];
    t[0].tv_sec = t[1].tv_sec = 0;
    t[0].tv_nsec = t[1].tv_nsec = UTIME_NOW;
    struct timespec now;
    fs_now(cmd, &now);
    if (ref) {
        vfs_stat_t st;
        char *abs = bi_path(cmd, ref);
        int rc = no_deref ? vfs_lstat(cmd->vfs, abs, &st) : vfs_stat(cmd->vfs, abs, &st);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "failed to get attributes of %s", fs_q(cmd, ref)));
        t[0] = st.atime;
        t[1] = st.mtime;
    }
    if (date) {
        /* with -r the date is read against the reference's times, as GNU */
        struct timespec base[2] = {ref ? t[0] : now, ref ? t[1] : now};
        for (int i = 0; i < 2; i++)
            if (!tz_parse_date(cmd, NULL, date, &base[i], &t[i]))
                return bi_done(cmd, bi_err(cmd, "invalid date format %s", fs_lq(cmd, date)));
    }
    if (stamp) {
        struct timespec d;
        if (touch__stamp(cmd, stamp, &d) < 0)
            return bi_done(cmd, bi_err(cmd, "invalid date format %s", fs_lq(cmd, stamp)));
        t[0] = t[1] = d;
    }
    if (!ref && !date && !stamp)
        t[0] = t[1] = now;   /* the session clock, not the host's */
    if (only_a && !only_m)
        t[1].tv_nsec = UTIME_OMIT;
    if (only_m && !only_a)
        t[0].tv_nsec = UTIME_OMIT;
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing file operand"));
    int status = 0;
    uint32_t cmode = 0666 & ~fs_umask(cmd);
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        const char *f = cmd->argv[i];
        if (!strcmp(f, "-"))
            continue;
        char *abs = bi_path(cmd, f);
        int open_err = 0;
        if (!no_create && !no_deref) {
            vfs_file *vf;
            int rc = vfs_open(cmd->vfs, abs, O_WRONLY | O_CREAT, cmode, &vf);
            if (rc < 0)
                open_err = rc;
            else
                vfs_close(vf);
        }
        int rc = vfs_utimens(cmd->vfs, abs, t, !no_deref);
        if (rc < 0) {
            if (open_err && open_err != -EISDIR) {
                status |= fs_errf(cmd, open_err, "cannot touch %s", fs_q(cmd, f));
            } else if (no_create && rc == -ENOENT) {
                continue;
            } else {
                status |= fs_errf(cmd, rc, "setting times of %s", fs_q(cmd, f));
            }
        }
    }
    return bi_done(cmd, status);
}
