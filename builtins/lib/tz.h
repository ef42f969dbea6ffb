/*
 * Time zones for every command that shows or reads local time: a TZ value
 * read as glibc reads it, without setenv/tzset/localtime (process-global
 * state; sessions run on many threads at once).
 *
 * A TZ value (a leading ':' dropped) is first a zone file of the tz
 * database, compiled (TZif v1, v2, v3: transitions, leap seconds, and the
 * footer's POSIX string for times past the table), read from the host's
 * zoneinfo directory (VB_ZONEINFO_DIR, /usr/share/zoneinfo). Failing that
 * it is a POSIX TZ string: "STDoffset[DST[offset][,start[/time],end[/time]]]"
 * with Mm.w.d, Jn and n rules and <+03> quoted names. What neither reads
 * as is UTC under the letters it starts with ("Foo/Bar" shows "Foo"),
 * as glibc does. "" and NULL are UTC.
 *
 * Sandbox: a name only ever reaches files inside the zoneinfo directory.
 * Relative names are looked up there; an absolute name is accepted only
 * when it lies in that directory (TZ=/usr/share/zoneinfo/Asia/Tokyo works
 * as in GNU), and after symbolic links are followed the file must still be
 * inside it: TZ=../../etc/passwd, TZ=/etc/localtime and TZ=localtime (a link
 * to the host's /etc/localtime) read no host file, and read as the POSIX
 * string they are (UTC, an empty or partial abbreviation).
 *
 * Parsed zone files are cached for the process (thread-safe, at most
 * TZ_CACHE_MAX zones; past that a zone is parsed for the call and freed).
 */
#ifndef VB_BUILTINS_TZ_H
#define VB_BUILTINS_TZ_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "builtins/lib/text_time.h"

#ifndef VB_ZONEINFO_DIR
#define VB_ZONEINFO_DIR "/usr/share/zoneinfo"
/* A date string as gnulib's parse_datetime reads it (date -d, touch -d;
 * builtins/lib/tz_parse.c), against the time now, in the zone of tz (NULL:
 * the session's TZ variable); a leading TZ="ZONE" names the zone the rest
 * is read in. False when the string is not a valid date. */
bool tz_parse_date(vb_cmd *cmd, const char *tz, const char *str, const struct timespec *now,
                   struct timespec *out);

#endif

/* t (seconds since the epoch) broken down in the zone of the TZ value tz
 * (NULL or "": UTC). out->tm.tm_zone points to out->zone. false when the
 * year does not fit a struct tm (out->tm is zeroed). */
bool tz_local(const char *tz, int64_t t, tt_tm *out);

/* mktime in the zone of tz: the local time in *tm (fields may be out of
 * range; tm_isdst < 0 = find out, else prefer that) to seconds, as glibc's
 * mktime finds it. *tm is normalized to the time found. Returns false when
 * no time fits (out of range). A local time that does not exist (skipped by
 * a change to summer time) still gives a time, but with fields that
 * differ from the ones asked for: callers that must reject it compare. */
bool tz_mktime(const char *tz, struct tm *tm, int64_t *out);

/* A date string as gnulib's parse_datetime reads it (date -d, touch -d;
 * builtins/lib/tz_parse.c), against the time now, in the zone of tz (NULL:
 * the session's TZ variable); a leading TZ="ZONE" names the zone the rest
 * is read in. False when the string is not a valid date. */
bool tz_parse_date(vb_cmd *cmd, const char *tz, const char *str, const struct timespec *now,
                   struct timespec *out);

#endif
