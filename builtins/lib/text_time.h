/*
 * Session time for printf %(FMT)T and date: the session clock and the TZ
 * variable. Owned by the text commands.
 *
 * TZ is read as glibc reads it, zone names of the tz database included:
 * see builtins/lib/tz.h.
 */
#ifndef VB_BUILTINS_TEXT_TIME_H
#define VB_BUILTINS_TEXT_TIME_H

#include <stdint.h>
#include <time.h>

#include "builtins/lib/bi.h"

typedef struct tt_tm {
    struct tm tm;        /* tm_zone points into zone */
    char zone[32];
} tt_tm;

/* The session clock (cmd->ops->now, or the host's real time). */
void tt_now(vb_cmd *cmd, struct timespec *ts);
/* t broken down in the zone of tz (NULL: the session's TZ variable).
 * false when the year does not fit a struct tm (out is zeroed). */
bool tt_local(vb_cmd *cmd, const char *tz, int64_t t, tt_tm *out);
/* t broken down in UTC. */
void tt_utc(int64_t t, tt_tm *out);
/* Seconds since the epoch of a local broken-down time (fields may be out of
 * range, as mktime; tm_isdst < 0 = find out). */
int64_t tt_mktime(vb_cmd *cmd, const char *tz, struct tm *tm);
/* strftime onto b, any length. Returns 0 or -1 when the result would exceed
 * 1 MiB. */
int tt_strftime(vbuf *b, const char *fmt, const struct tm *tm);

#endif
