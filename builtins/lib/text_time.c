/* Session time for printf %(..)T and date: see text_time.h; zones are
 * builtins/lib/tz.c's. */
#include <string.h>

#include "builtins/lib/text_time.h"
#include "builtins/lib/tz.h"

void tt_now(vb_cmd *cmd, struct timespec *ts)
{
    if (cmd->ops && cmd->ops->now) {
        cmd->ops->now(cmd->shell, ts);
        return;
    }
    clock_gettime(CLOCK_REALTIME, ts);
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
    return tz_local(tz ? tz : bi_getvar(cmd, "TZ"), t, out);
}

int64_t tt_mktime(vb_cmd *cmd, const char *tz, struct tm *tm)
{
    int64_t t = 0;
    tz_mktime(tz ? tz : bi_getvar(cmd, "TZ"), tm, &t);
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
