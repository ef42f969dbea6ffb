# numfmt (GNU coreutils 9.1).
### numfmt: --to=iec
numfmt --to=iec 1048576 1023 1024 1536 999999 123456789
--- stdout
1.0M
1023
1.0K
1.5K
977K
118M

### numfmt: --to=si
numfmt --to=si 1000 999 1500 1234567 9999 99999
--- stdout
1.0K
999
1.5K
1.3M
10K
100K

### numfmt: --to=iec-i
numfmt --to=iec-i 4096 1
--- stdout
4.0Ki
1

### numfmt: --from
numfmt --from=iec 1K 1.5M; numfmt --from=si 1K; numfmt --from=auto 1Ki 2K
--- stdout
1024
1572864
1000
1024
2000

### numfmt: --suffix and --padding
numfmt --to=iec --suffix=B 2048; numfmt --padding=8 --to=si 1500; numfmt --padding=-8 5 | cat -A
--- stdout
2.0KB
    1.5K
5       $

### numfmt: --field
echo 'a 2048 c' | numfmt --field=2 --to=iec
--- stdout
a 2.0K c

### numfmt: negative numbers
numfmt --to=si -- -1500
--- stdout
-1.5K

### numfmt: --format
numfmt --format='%.3f' 1.5
--- stdout
1.500

### numfmt: --round
numfmt --round=down --to=si 1999; numfmt --round=up --to=si 1001; numfmt --round=nearest --to=si 1449
--- stdout
1.9K
1.1K
1.4K

### numfmt: --header
printf 'size\n2048\n' | numfmt --header --to=iec
--- stdout
size
2.0K

### numfmt: invalid number
numfmt x; echo "rc=$?"
--- stdout
rc=2
--- stderr
numfmt: invalid number: ‘x’

### numfmt: invalid suffix
numfmt 1K; echo "rc=$?"
--- stdout
rc=2
--- stderr
numfmt: rejecting suffix in input: ‘1K’ (consider using --from)

### numfmt: --invalid=ignore
numfmt --invalid=ignore x 1000; echo "rc=$?"
--- stdout
x
1000
rc=0

### numfmt: stdin lines
printf '1024\n2048\n' | numfmt --to=iec
--- stdout
1.0K
2.0K

### numfmt: -d delimiter
echo '1:2048' | numfmt -d: --field=2 --to=iec
--- stdout
1:2.0K

### numfmt: --to-unit and --from-unit
numfmt --from-unit=1024 --to=si 1000; numfmt --to-unit=1000 5000
--- stdout
1.1M
5

### numfmt: bad --to argument
numfmt --to=bogus 1; echo "rc=$?"
--- stdout
rc=1
--- stderr
numfmt: invalid argument ‘bogus’ for ‘--to’
Valid arguments are:
  - ‘none’
  - ‘si’
  - ‘iec’
  - ‘iec-i’
Try 'numfmt --help' for more information.

### numfmt: bad --field
numfmt --field=0 1; echo "rc=$?"; numfmt --field=x 1; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
numfmt: fields are numbered from 1
Try 'numfmt --help' for more information.
numfmt: invalid field value ‘x’
Try 'numfmt --help' for more information.

### numfmt: bad --format
numfmt --format=abc 1; echo "rc=$?"; numfmt --format='%d' 1; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
numfmt: format ‘abc’ has no % directive
numfmt: invalid format ‘%d’, directive must be %[0]['][-][N][.][N]f

### numfmt: bad --padding
numfmt --padding=x 1; echo "rc=$?"; numfmt --padding=0 1; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
numfmt: invalid padding value ‘x’
numfmt: invalid padding value ‘0’

### numfmt: --invalid=warn and fail
numfmt --invalid=warn x 5; echo "rc=$?"; numfmt --invalid=fail x 5; echo "rc=$?"
--- stdout
x
5
rc=0
x
5
rc=2
--- stderr
numfmt: invalid number: ‘x’
numfmt: invalid number: ‘x’

### numfmt: --grouping
numfmt --grouping 1234567; echo "rc=$?"
--- stdout
1234567
rc=0

### numfmt: field ranges
echo '1024 2048 4096 8192' | numfmt --field=2- --to=iec; echo '1024 2048 4096' | numfmt --field=-2 --to=iec
--- stdout
1024 2.0K 4.0K 8.0K
1.0K 2.0K 4096

### numfmt: -z
printf '2048\0' | numfmt -z --to=iec | tr '\0' '|'; echo
--- stdout
2.0K|

### numfmt: large values
numfmt --to=iec 1152921504606846976; numfmt --to=si 1000000000000000000000; echo "rc=$?"
--- stdout
1.0E
1.0Z
rc=0

### numfmt: --from=iec-i
numfmt --from=iec-i 1Ki 2Mi; numfmt --from=iec-i 1K; echo "rc=$?"

--- stdout
1024
2097152
rc=2
--- stderr
numfmt: missing 'i' suffix in input: ‘1K’ (e.g Ki/Mi/Gi)

### numfmt: field lists with delimiter
printf '1024:2048:4096\n' | numfmt -d: --field=1,3 --to=iec; printf '1024,,2048\n' | numfmt -d, --field=1 --to=iec
--- stdout
1.0K:2048:4.0K
1.0K,,2048

### numfmt: --grouping conflicts
numfmt --grouping --to=si 1; echo "rc=$?"; numfmt --grouping --format=%f 1; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
numfmt: grouping cannot be combined with --to
numfmt: --grouping cannot be combined with --format

### numfmt: empty selected field
printf '1024::2048\n' | numfmt -d: --field=2 --to=iec; echo "rc=$?"

--- stdout
1024:rc=2
--- stderr
numfmt: invalid number: ‘’

### numfmt: --format keeps the input precision
numfmt --format='%f' -- 1234.5678 -0.5 0 1.25; numfmt --to=si --format='%f' 1234567 999999
--- stdout
1234.5678
-0.5
0
1.25
1.3M
1.0M

### numfmt: --format text around the directive, %% before and after
numfmt --format='%%%f' 12; numfmt --format='%f%%' 12; numfmt --format='a%%b%fc%%d' 12; numfmt --to=si --format='<%f>' 1500
--- stdout
%12
12%%
a%%12c%%d
<1.5K>

### numfmt: --format width, left alignment and zero padding
numfmt --format='%10f|' 1.5; numfmt --format='%-10f|' 1.5; numfmt --format='%010f|' -- -1.5; numfmt --to=si --format='%010f|' 1234567; numfmt --to=si --format='%-08f|' 1234567
--- stdout
       1.5|
1.5       |
-0000001.5|
00000001.3M|
1.3M    |

### numfmt: --format precision with and without --to
numfmt --format='%.2f' 1234.5678; numfmt --format='%.f' 1234.5678; numfmt --to=si --format='%.2f' 1234567; numfmt --to=si --format='%.f' 1234567; numfmt --to=si --format='%.3f' 1500 2000000
--- stdout
1234.57
1235
1.24M
2M
1.500K
2.000M

### numfmt: --format blanks and zero flags
numfmt --format='% f' 5; numfmt --to=si --format='%  5f|' 1234567; numfmt --to=si --format='%0 5f|' 1234567; numfmt --to=si --format='%08.2f' 1234567
--- stdout
5
 1.3M|
001.3M|
00001.24M

### numfmt: --format errors
for f in '%+f' '%e' '%' 'x%' '%-f' '%1.' '%.-1f' '%99999999999999999999f' '%f%f' '%%' '%. 1f' '%5 f' 'abc'; do numfmt --format="$f" 1; echo "rc=$?"; done
--- stdout
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
--- stderr
numfmt: invalid format ‘%+f’, directive must be %[0]['][-][N][.][N]f
numfmt: invalid format ‘%e’, directive must be %[0]['][-][N][.][N]f
numfmt: format ‘%’ ends in %
numfmt: format ‘x%’ ends in %
numfmt: invalid format ‘%-f’, directive must be %[0]['][-][N][.][N]f
numfmt: invalid format ‘%1.’, directive must be %[0]['][-][N][.][N]f
numfmt: invalid precision in format ‘%.-1f’
numfmt: invalid format ‘%99999999999999999999f’ (width overflow)
numfmt: format ‘%f%f’ has too many % directives
numfmt: format ‘%%’ has no % directive
numfmt: invalid precision in format ‘%. 1f’
numfmt: invalid format ‘%5 f’, directive must be %[0]['][-][N][.][N]f
numfmt: format ‘abc’ has no % directive

### numfmt: --format with --padding and --suffix
numfmt --format='%f' --padding=8 1.5; numfmt --format='[%f]' --suffix=B --to=iec 4096; numfmt --format='%-6f' --padding=10 3
--- stdout
     1.5
[4.0KB]
3     

### numfmt: --round with a fraction and no --to
numfmt --round=down -- 1.99 -1.99; numfmt --round=up --format='%.1f' -- 1.91 -1.99
--- stdout
1.99
-1.99
2.0
-1.9

### numfmt: unit sizes
numfmt --from-unit=1K 5; numfmt --from-unit=1Ki 5; numfmt --to-unit=1000 --to=si 5000000; numfmt --from-unit=0 1; numfmt --from-unit=1.5 1; numfmt --from-unit=1KB 1; numfmt --from-unit=1Y 1
--- stdout
5000
5120
5.0K
--- stderr
numfmt: invalid unit size: ‘0’
numfmt: invalid unit size: ‘1.5’
numfmt: invalid unit size: ‘1KB’
numfmt: invalid unit size: ‘1Y’
--- status 1

### numfmt: automatic padding of blank-separated fields
printf '  10  2000\t30\n' | numfmt --field=2- --to=si; printf '1000\t2000\n' | numfmt --field=- --to=si
--- stdout
  10  2.0K 30
1.0K 2.0K

### numfmt: invalid fields with each --invalid mode
for m in abort fail warn ignore; do printf 'a,1000,,3000\n' | numfmt -d, --field=2- --to=si --invalid=$m; echo "rc=$?"; done
--- stdout
a,1.0K,rc=2
a,1.0K,,3.0K
rc=2
a,1.0K,,3.0K
rc=0
a,1.0K,,3.0K
rc=0
--- stderr
numfmt: invalid number: ‘’
numfmt: invalid number: ‘’
numfmt: invalid number: ‘’

### numfmt: empty line and lines without a final newline
printf 'x 1000 y\n\n2000' | numfmt --field 2 --to=si; echo "rc=$?"; echo | numfmt; echo "rc=$?"
--- stdout
x 1.0K y

2000rc=0
rc=2
--- stderr
numfmt: invalid number: ‘’

### numfmt: suffix errors
numfmt 12x; numfmt --from=si 12Kx; numfmt --from=iec-i 1K; numfmt 1K; numfmt --from=si 1k; numfmt --invalid=warn 1e5 7
--- stdout
1e5
7
--- stderr
numfmt: invalid suffix in input: ‘12x’
numfmt: invalid suffix in input ‘12Kx’: ‘x’
numfmt: missing 'i' suffix in input: ‘1K’ (e.g Ki/Mi/Gi)
numfmt: rejecting suffix in input: ‘1K’ (consider using --from)
numfmt: invalid suffix in input: ‘1k’
numfmt: invalid suffix in input: ‘1e5’

### numfmt: too large values
numfmt 12345678901234567890; numfmt --to=si 9999999999999999999999999999; numfmt --to=si 999999999999999999999999999; numfmt --format=%.3f 123456789012345678
--- stderr
numfmt: value too large to be printed: '1.23457e+19' (consider using --to)
numfmt: value too large to be converted: ‘9999999999999999999999999999’
numfmt: value too large to be printed: '1e+27' (cannot handle values > 999Y)
numfmt: value/precision too large to be printed: '1.23457e+17/3' (consider using --to)
--- status 2

### numfmt: --suffix on input and output
numfmt --suffix=B 100B 100 B100; numfmt --suffix=B --to=si 1000B
--- stdout
100B
100B
1.0KB
--- stderr
numfmt: invalid number: ‘B100’

### numfmt: option errors
numfmt --padding=abc 1; numfmt --padding=0 1; numfmt --field 1 --field 2 1; numfmt --header=0 1; numfmt --header=x 1; numfmt -d ab 1
--- stderr
numfmt: invalid padding value ‘abc’
numfmt: invalid padding value ‘0’
numfmt: multiple field specifications
numfmt: invalid header value ‘0’
numfmt: invalid header value ‘x’
numfmt: the delimiter must be a single character
--- status 1

### numfmt: --debug warnings
numfmt --debug 1; numfmt --debug --header --to=si 1; numfmt --grouping --debug 1000; numfmt --debug --invalid=warn x
--- stdout
1
1
1000
x
--- stderr
numfmt: no conversion option specified
numfmt: --header ignored with command-line input
numfmt: grouping has no effect in this locale
numfmt: no conversion option specified
numfmt: invalid number: ‘x’
numfmt: failed to convert some of the input numbers

### numfmt: an operand is a line of fields
numfmt --to=si "1 2 3" "4000 5000"; numfmt --to=si --field=2 "4000 5000"
--- stdout
1 2 3
4.0K 5000
4000 5.0K

### numfmt: -z lines
printf '1000\0002000' | numfmt -z --to=si | od -c
--- stdout
0000000   1   .   0   K  \0   2   .   0   K
0000011
