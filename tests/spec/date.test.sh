# date (GNU coreutils 9.1). The clock differs between bash and the session,
# so every case names its time with -d or -r.
### date: absolute date and time
date -d '2026-01-02 03:04:05'
--- stdout
Fri Jan  2 03:04:05 UTC 2026

### date: epoch seconds
date -d @1767323045; date -u -d @0
--- stdout
Fri Jan  2 03:04:05 UTC 2026
Thu Jan  1 00:00:00 UTC 1970

### date: format sequences
date -d @86401.25 '+%Y-%m-%d %H:%M:%S %Z|%a %A %b %B %C %d %e %j %u %w %U %W %V %G %g'
--- stdout
1970-01-02 00:00:01 UTC|Fri Friday Jan January 19 02  2 002 5 5 00 00 01 1970 70

### date: GNU extensions
date -d @86401.25 '+%N|%:z|%::z|%:::z|%s|%q|%P'
--- stdout
250000000|+00:00|+00:00:00|+00|86401|1|am

### date: flags and widths
date -d @86401 '+%-d|%_m|%^a|%#b|%10A|%-H|%05d'
--- stdout
2| 1|FRI|JAN|    Friday|0|00002

### date: composite sequences
date -d @86401 '+%F %T %R %D %c %x %X %h %r|%%'
--- stdout
1970-01-02 00:00:01 00:00 01/02/70 Fri Jan  2 00:00:01 1970 01/02/70 00:00:01 Jan 12:00:01 AM|%

### date: -I
date -Id -d @86400.5; date -Ih -d @86400.5; date -Im -d @86400.5; date -Is -d @86400.5; date -Ins -d @86400.5
--- stdout
1970-01-02
1970-01-02T00+00:00
1970-01-02T00:00+00:00
1970-01-02T00:00:00+00:00
1970-01-02T00:00:00,500000000+00:00

### date: -R and --rfc-3339
date -R -d @0; date --rfc-3339=date -d @0; date --rfc-3339=seconds -d @0; date --rfc-3339=ns -d @1.5
--- stdout
Thu, 01 Jan 1970 00:00:00 +0000
1970-01-01
1970-01-01 00:00:00+00:00
1970-01-01 00:00:01.500000000+00:00

### date: relative months
date -d '2026-01-31 +1 month'; date -d '2024-02-29 +1 year'
--- stdout
Tue Mar  3 00:00:00 UTC 2026
Sat Mar  1 00:00:00 UTC 2025

### date: relative with ago
date -d '2026-01-02 -3 days 2 hours ago'; date -d '2026-01-02 fortnight ago'
--- stdout
Mon Dec 29 22:00:00 UTC 2025
Fri Dec 19 00:00:00 UTC 2025

### date: ISO 8601 with zones
date -d '2026-01-02T10:00:00Z'; date -d '2026-01-02T10:00:00+02:00'; date -d '2026-01-02 10:00 +0100'
--- stdout
Fri Jan  2 10:00:00 UTC 2026
Fri Jan  2 08:00:00 UTC 2026
Fri Jan  2 09:00:00 UTC 2026

### date: month names
date -d 'Jan 5 2026'; date -d '5 Jan 2026 10:11'; date -d 'January 2, 2026'
--- stdout
Mon Jan  5 00:00:00 UTC 2026
Mon Jan  5 10:11:00 UTC 2026
Fri Jan  2 00:00:00 UTC 2026

### date: compact date
date -d '20260102'
--- stdout
Fri Jan  2 00:00:00 UTC 2026

### date: tomorrow and yesterday with a date
date -d '2026-01-02 tomorrow'; date -d 'tomorrow 2026-01-02'; date -d '2026-01-02 yesterday 10:00'
--- stdout
Sat Jan  3 00:00:00 UTC 2026
Sat Jan  3 00:00:00 UTC 2026
Thu Jan  1 10:00:00 UTC 2026

### date: am and pm
date -d '2026-01-02 12:00pm'; date -d '2026-01-02 1:05 am'
--- stdout
Fri Jan  2 12:00:00 UTC 2026
Fri Jan  2 01:05:00 UTC 2026

### date: weekday with a date is ignored
date -d '2026-01-02 next monday'
--- stdout
Fri Jan  2 00:00:00 UTC 2026

### date: last year and weeks
date -d '2026-03-01 last year'; date -d '2026-01-02 + 1 week'
--- stdout
Sat Mar  1 00:00:00 UTC 2025
Fri Jan  9 00:00:00 UTC 2026

### date: UTC offsets
date -d '2026-01-02 UTC'; date -d '2026-01-02 10:00 UTC+2'
--- stdout
Fri Jan  2 00:00:00 UTC 2026
Fri Jan  2 08:00:00 UTC 2026

### date: TZ with daylight saving
TZ=EST5EDT date -d '2026-07-01 12:00'; TZ=EST5EDT date -d '2026-01-01 12:00'
--- stdout
Wed Jul  1 12:00:00 EDT 2026
Thu Jan  1 12:00:00 EST 2026

### date: TZ fixed offset
TZ=UTC-3 date -d @0
--- stdout
Thu Jan  1 03:00:00 UTC 1970

### date: -u overrides TZ
TZ=EST5 date -u -d @0
--- stdout
Thu Jan  1 00:00:00 UTC 1970

### date: invalid dates
date -d foo; echo "rc=$?"; date -d '2026-02-30'; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
date: invalid date ‘foo’
date: invalid date ‘2026-02-30’

### date: -r file
printf x > f; touch -d '2020-05-06 07:08:09' f; date -r f
--- stdout
Wed May  6 07:08:09 UTC 2020

### date: -r missing file
date -r nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
date: nope: No such file or directory

### date: extra operand
date +%a +%b; echo "rc=$?"
--- stdout
rc=1
--- stderr
date: extra operand ‘+%b’
Try 'date --help' for more information.

### date: -f file of dates
printf '2026-01-02\n@0\nbad\n' > dates; date -f dates '+%F'; echo "rc=$?"
--- stdout
2026-01-02
1970-01-01
rc=1
--- stderr
date: invalid date ‘bad’

### date: invalid -I argument
date -Ixyz; echo "rc=$?"
--- stdout
rc=1
--- stderr
date: invalid argument ‘xyz’ for ‘--iso-8601’
Valid arguments are:
  - ‘hours’
  - ‘minutes’
  - ‘date’
  - ‘seconds’
  - ‘ns’
Try 'date --help' for more information.

### date: multiple formats
date -R +%F; echo "rc=$?"
--- stdout
rc=1
--- stderr
date: multiple output formats specified

### date: @SECONDS past the time_t range is an invalid date
date -d @99999999999999999999; echo rc=$?; date -d @-99999999999999999999; echo rc=$?; date -d @9223372036854775807; echo rc=$?
--- stdout
rc=1
rc=1
rc=1
--- stderr
date: invalid date ‘@99999999999999999999’
date: invalid date ‘@-99999999999999999999’
date: time ‘9223372036854775807’ is out of range

### date: strings other tools print, read back in a zone
export TZ=America/New_York
for d in 'Wed Jul  3 09:46:40 EDT 2024' 'Wed, 03 Jul 2024 09:46:40 -0400' 'Wed Jul 3 09:46:40 2024 -0400' '2024-07-03 09:46:40.123456+00:00' '2024-07-03T09:46:40.123Z' 'Jul 3, 2024' '3 Jul 2024 09:46' '07/03/2024 14:00' 'Jul 3 2024 2:05 PM' 'Wednesday, July 3, 2024' '2024-07-03 09:46:40 GMT+2' '2024-07-03 09:46:40 UTC-0530' '2024-07-03T09:46:40+0530' '24-07-03' '99-07-03' '2024-12-31 23:59:59 +1 sec'; do
  date -d "$d" '+%F %T %Z'
done
--- stdout
2024-07-03 09:46:40 EDT
2024-07-03 09:46:40 EDT
2024-07-03 05:46:40 EDT
2024-07-03 05:46:40 EDT
2024-07-03 00:00:00 EDT
2024-07-03 09:46:00 EDT
2024-07-03 14:00:00 EDT
2024-07-03 14:05:00 EDT
2024-07-03 00:00:00 EDT
2024-07-03 03:46:40 EDT
2024-07-03 11:16:40 EDT
2024-07-03 00:16:40 EDT
2024-07-03 00:00:00 EDT
1999-07-03 00:00:00 EDT
2024-12-31 18:00:00 EST
--- stderr
date: invalid date ‘Wed Jul 3 09:46:40 2024 -0400’

### date: a signed number right after a time is its zone
for d in '2024-03-09 12:00 +5 minutes' '2024-03-09 12:00 +1 day ago' '2024-03-09T12:00 +2 days' '2024-03-09 12:00:00 +2' '2024-03-09 12:00pm +2 days' '2024-03-09 12 +2 days' '2024-03-09 12:00 +1:30' '2024-03-09 12:00 -0130'; do
  date -u -d "$d" '+%F %T'
done
date -u -d '2024-03-09 12:00 +25 hours'; echo "st=$?"
date -u -d '2024-03-09 12:00 +2401'; echo "st=$?"
date -u -d '2024-03-09 +0100'; echo "st=$?"
--- stdout
2024-03-09 07:01:00
2024-03-08 11:00:00
2024-03-10 10:00:00
2024-03-09 10:00:00
2024-03-11 12:00:00
2024-03-11 12:00:00
2024-03-09 10:30:00
2024-03-09 13:30:00
st=1
st=1
st=1
--- stderr
date: invalid date ‘2024-03-09 12:00 +25 hours’
date: invalid date ‘2024-03-09 12:00 +2401’
date: invalid date ‘2024-03-09 +0100’

### date: E and O modifiers
date -u -d '2024-06-01 09:05:03' '+%Ey %OH %Ec %EY %Od %OS %E:z [%Ed] [%OY] [%Oq] [%Ek] [%E%] [%O5d]'
--- stdout
24 09 Sat Jun  1 09:05:03 2024 2024 01 03 +00:00 [%Ed] [%OY] [%Oq] [%Ek] [%E%] [%O5d]
