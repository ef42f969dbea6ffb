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
