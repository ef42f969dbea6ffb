# date with time-zone names: zone files of the tz database (TZif, leap
# seconds, the footer's rules past the table), POSIX TZ strings, names that
# are neither, and TZ="..." inside a date string. Every time is given by -d.
### named zones in summer and winter
for z in America/New_York Europe/Paris Asia/Tokyo Asia/Kolkata America/St_Johns Australia/Lord_Howe; do
  TZ=$z date -d @1720000000 '+%F %T %Z %z'
  TZ=$z date -d @1705000000 '+%F %T %Z %:z'
done
--- stdout
2024-07-03 05:46:40 EDT -0400
2024-01-11 14:06:40 EST -05:00
2024-07-03 11:46:40 CEST +0200
2024-01-11 20:06:40 CET +01:00
2024-07-03 18:46:40 JST +0900
2024-01-12 04:06:40 JST +09:00
2024-07-03 15:16:40 IST +0530
2024-01-12 00:36:40 IST +05:30
2024-07-03 07:16:40 NDT -0230
2024-01-11 15:36:40 NST -03:30
2024-07-03 20:16:40 +1030 +1030
2024-01-12 06:06:40 +11 +11:00

### a leading colon, an absolute name inside the zone directory
TZ=:Europe/London date -d @1720000000
TZ=/usr/share/zoneinfo/Asia/Tokyo date -d @1720000000 '+%T %Z'
--- stdout
Wed Jul  3 10:46:40 BST 2024
18:46:40 JST

### POSIX TZ strings with summer-time rules
TZ='EST5EDT,M3.2.0,M11.1.0' date -d @1720000000 '+%F %T %Z %z'
TZ='EST5EDT,M3.2.0,M11.1.0' date -d @1705000000 '+%F %T %Z %z'
TZ='NZST-12NZDT,M9.5.0,M4.1.0/3' date -d @1720000000 '+%F %T %Z %z'
TZ='NZST-12NZDT,M9.5.0,M4.1.0/3' date -d @1705000000 '+%F %T %Z %z'
TZ='<+0330>-3:30' date -d @1720000000 '+%F %T %Z %z'
TZ='<-03>3' date -d @1720000000 '+%F %T %Z %z'
TZ='XXX3YYY,J60/2,J300/2' date -d @1720000000 '+%F %T %Z %z'
TZ='XXX3YYY,59,299' date -d @1720000000 '+%F %T %Z %z'
TZ=UTC0 date -d @1720000000 '+%F %T %Z %z'
TZ='FOO5BAR' date -d @1720000000 '+%F %T %Z %z'
TZ='EST5EDT4,M3.2.0/-1,M11.1.0/26' date -d '2024-03-09 23:30' '+%F %T %Z %z'
--- stdout
2024-07-03 05:46:40 EDT -0400
2024-01-11 14:06:40 EST -0500
2024-07-03 21:46:40 NZST +1200
2024-01-12 08:06:40 NZDT +1300
2024-07-03 13:16:40 +0330 +0330
2024-07-03 06:46:40 -03 -0300
2024-07-03 07:46:40 YYY -0200
2024-07-03 07:46:40 YYY -0200
2024-07-03 09:46:40 UTC +0000
2024-07-03 05:46:40 BAR -0400
--- stderr
date: invalid date ‘2024-03-09 23:30’
--- status 1

### unknown names read as UTC under their first letters
TZ=Foo/Bar date -d @1720000000 '+%F %T [%Z] %z'
TZ=Europe/Parus date -d @1720000000 '+%F %T [%Z] %z'
TZ=AB5 date -d @1720000000 '+%F %T [%Z] %z'
TZ= date -d @1720000000 '+%F %T [%Z] %z'
--- stdout
2024-07-03 09:46:40 [Foo] +0000
2024-07-03 09:46:40 [Europe] +0000
2024-07-03 09:46:40 [] +0000
2024-07-03 09:46:40 [UTC] +0000

### names that leave the zone directory read no file
TZ=../../etc/passwd date -d @1720000000 '+%F %T [%Z] %z'
TZ=/etc/passwd date -d @1720000000 '+%F %T [%Z] %z'
TZ=Europe/../../../etc/passwd date -d @1720000000 '+%F %T [%Z] %z'
--- stdout
2024-07-03 09:46:40 [] +0000
2024-07-03 09:46:40 [] +0000
2024-07-03 09:46:40 [Europe] +0000

### a local time skipped by the clocks is invalid
TZ=Europe/Paris date -d '2024-03-31 02:30'; echo "st=$?"
TZ=America/New_York date -d '2024-03-10 02:30'; echo "st=$?"
TZ=Europe/Paris date -d '2024-03-31 03:30' '+%F %T %Z'
--- stdout
st=1
st=1
2024-03-31 03:30:00 CEST
--- stderr
date: invalid date ‘2024-03-31 02:30’
date: invalid date ‘2024-03-10 02:30’

### a local time the clocks repeat
TZ=Europe/Paris date -d '2024-10-27 02:30' '+%F %T %Z %s'
TZ=America/New_York date -d '2024-11-03 01:30' '+%F %T %Z %s'
TZ='EST5EDT,M3.2.0,M11.1.0' date -d '2024-11-03 01:30' '+%F %T %Z'
--- stdout
2024-10-27 02:30:00 CET 1729992600
2024-11-03 01:30:00 EDT 1730611800
2024-11-03 01:30:00 EDT

### relative days across a change of the clocks
TZ=Europe/Paris date -d '2024-03-30 02:30 1 day' '+%F %T %Z'
TZ=Europe/Paris date -d '2024-03-30 12:00 1 day' '+%F %T %Z'
TZ=Europe/Paris date -d '2024-10-26 12:00 1 day' '+%F %T %Z'
TZ=America/New_York date -d '2024-03-09 12:00 +24 hours' '+%F %T %Z'
--- stdout
2024-03-31 03:30:00 CEST
2024-03-31 12:00:00 CEST
2024-10-27 12:00:00 CET
2024-03-08 08:00:00 EST

### TZ="ZONE" inside the date string
date -d 'TZ="Asia/Tokyo" 2024-01-01 00:00'
TZ=America/New_York date -d 'TZ="Europe/Paris" 2024-07-01 12:00' '+%F %T %Z'
date -d '  TZ="America/New_York" 2024-07-04 09:00' '+%F %T %Z'
date -d 'TZ="EST5EDT" 2024-07-04 09:00' '+%F %T %Z'
date -d 'TZ="America/New_York 2024-07-01'; echo "st=$?"
--- stdout
Sun Dec 31 15:00:00 UTC 2023
2024-07-01 06:00:00 EDT
2024-07-04 13:00:00 UTC
2024-07-04 13:00:00 UTC
st=1
--- stderr
date: invalid date ‘TZ="America/New_York 2024-07-01’

### leap seconds of the right/ zones
TZ=right/UTC date -d @1483228826 '+%F %T %Z'
TZ=right/UTC date -d @1483228827 '+%F %T %Z'
--- stdout
2016-12-31 23:59:60 UTC
2017-01-01 00:00:00 UTC

### past the table (footer rules) and before it (local mean time)
TZ=Europe/Paris date -d '2100-07-01 12:00' '+%F %T %Z %z'
TZ=Europe/Paris date -d '2100-12-01 12:00' '+%F %T %Z %z'
TZ=Europe/Paris date -d '1800-07-01 12:00' '+%F %T %Z %::z %:::z'
TZ=America/New_York date -d '1850-01-01 00:00' '+%F %T %Z %::z'
--- stdout
2100-07-01 12:00:00 CEST +0200
2100-12-01 12:00:00 CET +0100
1800-07-01 12:00:00 LMT +00:09:21 +00:09:21
1850-01-01 00:00:00 LMT -04:56:02

### years around the zone's history
for y in 1950 1969 1975 2000 2037 2038 2050; do
  TZ=America/New_York date -d "$y-07-04 12:00" '+%F %T %Z %s'
  TZ='CET-1CEST,M3.5.0,M10.5.0/3' date -d "$y-03-28 12:00" '+%F %T %Z'
done
--- stdout
1950-07-04 12:00:00 EDT -615196800
1950-03-28 12:00:00 CET
1969-07-04 12:00:00 EDT -15580800
1969-03-28 12:00:00 CET
1975-07-04 12:00:00 EDT 173721600
1975-03-28 12:00:00 CET
2000-07-04 12:00:00 EDT 962726400
2000-03-28 12:00:00 CEST
2037-07-04 12:00:00 EDT 2130336000
2037-03-28 12:00:00 CET
2038-07-04 12:00:00 EDT 2161872000
2038-03-28 12:00:00 CEST
2050-07-04 12:00:00 EDT 2540563200
2050-03-28 12:00:00 CEST

### %Z with flags and widths, an empty abbreviation
for f in '%Z' '%10Z' '%^Z' '%#Z' '%-10Z' '%010Z' '%_10Z' '%+4Z'; do
  echo "[$(TZ=America/New_York date -d @1720000000 +"$f")] [$(TZ=AB5 date -d @1720000000 +"$f")] [$(TZ='<-03>3' date -d @1720000000 +"$f")]"
done
--- stdout
[EDT] [] [-03]
[       EDT] [          ] [       -03]
[EDT] [] [-03]
[edt] [] [-03]
[EDT] [] [-03]
[0000000EDT] [0000000000] [0000000-03]
[       EDT] [          ] [       -03]
[0EDT] [0000] [0-03]

### -u wins over TZ; -R and --rfc-3339 in a zone
TZ=Asia/Tokyo date -u -d @1720000000
TZ=Asia/Tokyo date -R -d @1720000000
TZ=Asia/Kolkata date --rfc-3339=seconds -d @1720000000
TZ=America/St_Johns date --iso-8601=minutes -d @1720000000
--- stdout
Wed Jul  3 09:46:40 UTC 2024
Wed, 03 Jul 2024 18:46:40 +0900
2024-07-03 15:16:40+05:30
2024-07-03T07:16-02:30

### touch -t in a zone: moved dates and skipped times are invalid
for t in 202402300000 202401011259.60 202401011259.61 2401011259 202403310230 202410270230 20240101125; do
  TZ=Europe/Paris touch -t $t f && TZ=Europe/Paris date -r f '+%F %T %Z'
done
--- stdout
2024-01-01 13:00:00 CET
2024-01-01 12:59:00 CET
2024-10-27 02:30:00 CET
--- stderr
touch: invalid date format ‘202402300000’
touch: invalid date format ‘202401011259.61’
touch: invalid date format ‘202403310230’
touch: invalid date format ‘20240101125’
--- status 1

### touch -d reads date strings, in the session's zone
TZ=America/New_York touch -d '2024-07-01 12:00' f; date -u -r f
TZ=Asia/Tokyo touch -d 'TZ="Europe/Paris" 2024-07-01 12:00' f; date -u -r f
touch -d 'next friday 2024-06-01' f; date -u -r f
touch -d '2024-06-01 12:00 3 days ago' f; date -u -r f
TZ=Europe/Paris touch -d '2024-03-31 02:30' f; echo "st=$?"
touch -d bogus f; echo "st=$?"
--- stdout
Mon Jul  1 16:00:00 UTC 2024
Mon Jul  1 10:00:00 UTC 2024
Sat Jun  1 00:00:00 UTC 2024
Wed May 29 12:00:00 UTC 2024
st=1
st=1
--- stderr
touch: invalid date format ‘2024-03-31 02:30’
touch: invalid date format ‘bogus’

### touch -r with -d: the date is relative to the reference's times
touch -d '2024-05-05 10:00' ref
touch -r ref -d '+1 day' f; date -u -r f
touch -d '2024-01-01 12:00' ref
touch -r ref -d 'next monday' f; date -u -r f
--- stdout
Mon May  6 10:00:00 UTC 2024
Mon Jan  8 00:00:00 UTC 2024

### zone names in stat, ls, find -printf and printf %(..)T
touch -d '2024-07-01 12:00:00' f
TZ=Asia/Tokyo stat -c '%y' f
TZ=America/New_York stat -c '%y' f
TZ=Europe/Paris ls -l --time-style=full-iso f | awk '{print $6, $7, $8}'
TZ=Europe/Paris ls -l --time-style=+%F_%T_%Z f | awk '{print $6}'
TZ=Asia/Kolkata find f -printf '%TY-%Tm-%Td %TH:%TM %TZ\n'
TZ=Australia/Lord_Howe printf '%(%F %T %Z %z)T\n' 1720000000
TZ=America/St_Johns printf '%(%F %T %Z)T\n' 1705000000
--- stdout
2024-07-01 21:00:00.000000000 +0900
2024-07-01 08:00:00.000000000 -0400
2024-07-01 14:00:00.000000000 +0200
2024-07-01_14:00:00_CEST
2024-07-01 17:30 IST
2024-07-03 20:16:40 +1030 +1030
2024-01-11 15:36:40 NST
