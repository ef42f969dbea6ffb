# date with years past 2^31 and before 1, and the @SECONDS form, as GNU
# coreutils 9.1 prints them (gnulib's nstrftime year conversions) or
# refuses them. Recorded from GNU date.

### year beyond int
date -u -d @67767976233316800; date -u -d @67768036191676799
--- stdout
Sun Dec 29 12:00:00 UTC 2147483647
Wed Dec 31 23:59:59 UTC 2147485547

### past the last year
date -u -d @67768036191676800; echo $?
--- stdout
1
--- stderr
date: time ‘67768036191676800’ is out of range

### year one and year zero
date -u -d @-62135596800; date -u -d @-62135596801
--- stdout
Mon Jan  1 00:00:00 UTC 0001
Sun Dec 31 23:59:59 UTC 0000

### first negative years
date -u -d @-67768040609740800; date -u -d @-67768040609740801; echo $?
--- stdout
Thu Jan  1 00:00:00 UTC -2147481748
1
--- stderr
date: time ‘-67768040609740801’ is out of range

### time_t limits
date -u -d @9223372036854775807; echo $?; date -u -d @-9223372036854775808; echo $?
--- stdout
1
1
--- stderr
date: time ‘9223372036854775807’ is out of range
date: time ‘-9223372036854775808’ is out of range

### seconds past time_t
date -u -d @99999999999999999999; echo $?
--- stdout
1
--- stderr
date: invalid date ‘@99999999999999999999’

### @ forms
for a in @+5 @-5 @5.25 @5,25 '@ 5' ' @5 ' @-1.5 @-0.000000001 @1.1234567891; do date -u -d "$a" '+%s.%N'; done
--- stdout
5.000000000
-5.000000000
5.250000000
5.250000000
5.000000000
5.000000000
-2.500000000
-1.999999999
1.123456789

### @ forms refused
for a in @5. @.5 @0x10 @1e3 '5 @5' '@5 UTC' '@5 +3 days' @; do date -u -d "$a"; echo $?; done
--- stdout
1
1
1
1
1
1
1
1
--- stderr
date: invalid date ‘@5.’
date: invalid date ‘@.5’
date: invalid date ‘@0x10’
date: invalid date ‘@1e3’
date: invalid date ‘5 @5’
date: invalid date ‘@5 UTC’
date: invalid date ‘@5 +3 days’
date: invalid date ‘@’

### a billion years on
date -u -d '2026-01-02 +1000000000 years'; date -u -d '2026-01-02 -3000 years'
--- stdout
Fri Jan  2 00:00:00 UTC 1000002026
Mon Jan  2 00:00:00 UTC -974

### relative years past int
date -u -d '2026-01-02 +2147483647 years'; echo $?; date -u -d '2026-01-02 -2147483649 years'; echo $?
--- stdout
1
Sun Jan  2 00:00:00 UTC -2147481623
0
--- stderr
date: invalid date ‘2026-01-02 +2147483647 years’

### relative days past int
date -u -d '2026-01-02 +100000000000 days'; echo $?; date -u -d '2026-01-02 +99999999999 hours'; echo $?
--- stdout
1
Sat Nov 13 15:00:00 UTC 11409971
0
--- stderr
date: invalid date ‘2026-01-02 +100000000000 days’

### relative seconds past time_t
date -u -d '2026-01-02 +9223372036854775807 sec'; echo $?
--- stdout
1
--- stderr
date: invalid date ‘2026-01-02 +9223372036854775807 sec’

### relative number past intmax
date -u -d '2026-01-02 +99999999999999999999 sec'; echo $?
--- stdout
1
--- stderr
date: invalid date ‘2026-01-02 +99999999999999999999 sec’

### big iso years
date -u -d '2147485547-01-01'; date -u -d '2147485548-01-01'; echo $?; date -u -d 10000-01-01; date -u -d 0000-01-01
--- stdout
Wed Jan  1 00:00:00 UTC 2147485547
1
Sat Jan  1 00:00:00 UTC 10000
Sat Jan  1 00:00:00 UTC 0000
--- stderr
date: invalid date ‘2147485548-01-01’

### year conversions of early years
for a in '-1900 years' '-2026 years' '-2030 years' '-2100 years' '-5000 years' '+8000 years' '+1000000000 years'; do
  date -u -d "2026-06-15 $a" '+%Y|%C|%y|%G|%g|%F|%D|%_Y|%-Y|%05Y|%+Y|%^Y|%_C|%+C|%10F|%_12F|%-F'
done
--- stdout
0126|01|26|0126|26|0126-06-15|06/15/26| 126|126|00126|0126|0126| 1|01|0126-06-15|   126-06-15|126-06-15
0000|00|00|0000|00|0000-06-15|06/15/00|   0|0|00000|0000|0000| 0|00|0000-06-15|     0-06-15|0-06-15
-004|-0|04|-004|04|-004-06-15|06/15/04|  -4|-4|-0004|-004|-004|-0|-0|-004-06-15|    -4-06-15|-4-06-15
-074|-0|74|-074|74|-074-06-15|06/15/74| -74|-74|-0074|-074|-074|-0|-0|-074-06-15|   -74-06-15|-74-06-15
-2974|-29|74|-2974|74|-2974-06-15|06/15/74|-2974|-2974|-2974|-2974|-2974|-29|-29|-2974-06-15| -2974-06-15|-2974-06-15
10026|100|26|10026|26|+10026-06-15|06/15/26|10026|10026|10026|+10026|10026|100|+100|10026-06-15| 10026-06-15|10026-06-15
1000002026|10000020|26|1000002026|26|+1000002026-06-15|06/15/26|1000002026|1000002026|1000002026|+1000002026|1000002026|10000020|+10000020|1000002026-06-15|1000002026-06-15|1000002026-06-15

### iso years at the turn of the year
for d in 2026-12-28 2027-01-01 2021-01-03 2020-12-31; do date -u -d "$d -2500 years" '+%Y %G %g %V'; date -u -d "$d" '+%Y %G %g %V'; done
--- stdout
-474 -474 74 52
2026 2026 26 53
-473 -474 74 52
2027 2026 26 53
-479 -479 79 01
2021 2020 20 53
-480 -480 80 53
2020 2020 20 53

### default format of a negative year
date -u -d @-62198755200 ; date -u -d @-62198755200 '+%4Y %3Y %+6Y %_6Y'
--- stdout
Fri Jan  1 00:00:00 UTC -001
-001 -01 -00001     -1

### zone abbreviations
for z in EST EDT PST PDT CET CEST IST JST NZDT NST WET BST MSK AKST HST; do date -u -d "2026-01-02 10:00 $z" '+%F %T'; done
--- stdout
2026-01-02 15:00:00
2026-01-02 14:00:00
2026-01-02 18:00:00
2026-01-02 17:00:00
2026-01-02 09:00:00
2026-01-02 08:00:00
2026-01-02 04:30:00
2026-01-02 01:00:00
2026-01-01 21:00:00
2026-01-02 13:30:00
2026-01-02 10:00:00
2026-01-02 09:00:00
2026-01-02 07:00:00
2026-01-02 19:00:00
2026-01-02 20:00:00

### am and pm hours alone
date -u -d '2026-01-02 10am' '+%T'; date -u -d '2026-01-02 10 pm' '+%T'; date -u -d '2026-01-02 12am' '+%T'; date -u -d '2026-01-02 12pm' '+%T'; date -u -d '2026-01-02 13pm'; echo $?
--- stdout
10:00:00
22:00:00
00:00:00
12:00:00
1
--- stderr
date: invalid date ‘2026-01-02 13pm’

### numbers alone are times
for n in 1 12 123 1234; do date -u -d "2026-01-02 $n" '+%F %T'; done; date -u -d '2026-01-02 2460'; echo $?
--- stdout
2026-01-02 01:00:00
2026-01-02 12:00:00
2026-01-02 01:23:00
2026-01-02 12:34:00
1
--- stderr
date: invalid date ‘2026-01-02 2460’

### a number after a date and time is its year
date -u -d 'Jan 2 10:00 2027' '+%F %T'; date -u -d 'Jan 2 2027' '+%F'
--- stdout
2027-01-02 10:00:00
2027-01-02

### long numbers are dates
date -u -d 20270304 '+%F'; date -u -d 202703041 '+%F'; echo $?
--- stdout
2027-03-04
1
--- stderr
date: invalid date ‘202703041’

### slash dates
date -u -d 01/02/2026 +%F; date -u -d 2026/01/02 +%F; date -u -d 12/31/69 +%F; date -u -d 01/02/26 +%F; date -u -d '12/31/1969 23:59:59' +%s; date -u -d 13/01/2026; echo $?
--- stdout
2026-01-02
2026-01-02
1969-12-31
2026-01-02
-1
1
--- stderr
date: invalid date ‘13/01/2026’

### ordinal weekdays
date -u -d '2026-01-02 third monday' +%F; date -u -d '2026-01-02 first friday' +%F; date -u -d '2026-01-02 last friday' +%F; date -u -d '2026-01-02 twelfth day' +%F
--- stdout
2026-01-02
2026-01-02
2026-01-02
2026-01-14

### leap second refused
date -u -d '2026-01-02 23:59:60'; echo $?; date -u -d '2026-01-02 23:59:59' +%T
--- stdout
1
23:59:59
--- stderr
date: invalid date ‘2026-01-02 23:59:60’

### empty date is midnight
date -u -d '' '+%T'; date -u -d '   ' '+%T'
--- stdout
00:00:00
00:00:00

### minus flag drops the width
date -u -d 2026-01-02 '+[%-10A] [%_10A] [%010A] [%-5d] [%-10B]'
--- stdout
[Friday] [    Friday] [0000Friday] [2] [January]
