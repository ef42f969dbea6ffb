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
