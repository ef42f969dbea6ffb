# seq (GNU coreutils 9.1).
### seq: last only
seq 3
--- stdout
1
2
3

### seq: first last
seq 2 5
--- stdout
2
3
4
5

### seq: increment
seq 1 3 10
--- stdout
1
4
7
10

### seq: negative increment
seq 5 -2 0
--- stdout
5
3
1

### seq: floats
seq 1 0.5 3
--- stdout
1.0
1.5
2.0
2.5
3.0

### seq: float precision from increment
seq 0.1 0.1 0.5
--- stdout
0.1
0.2
0.3
0.4
0.5

### seq: -s separator
seq -s, 4
--- stdout
1,2,3,4

### seq: empty separator
seq -s '' 3
--- stdout
123

### seq: -w equal width
seq -w 8 11
--- stdout
08
09
10
11

### seq: -w with negative
seq -w -1 1
--- stdout
-1
00
01

### seq: -w with fraction
seq -w 1.5 3
--- stdout
1.5
2.5

### seq: -f format
seq -f 'n=%03g' 3
--- stdout
n=001
n=002
n=003

### seq: -f %e
seq -f '%.2e' 1 2
--- stdout
1.00e+00
2.00e+00

### seq: exponent arguments
seq 1e2 1e2 3e2
--- stdout
100
200
300

### seq: big integers
seq 99999999999999999998 100000000000000000001
--- stdout
99999999999999999998
99999999999999999999
100000000000000000000
100000000000000000001

### seq: empty when first is past last
seq 5 1; echo "rc=$?"
--- stdout
rc=0

### seq: negative first
seq -3 -1
--- stdout
-3
-2
-1

### seq: invalid argument
seq x; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: invalid floating point argument: ‘x’
Try 'seq --help' for more information.

### seq: missing operand
seq; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: missing operand
Try 'seq --help' for more information.

### seq: extra operand
seq 1 2 3 4; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: extra operand ‘4’
Try 'seq --help' for more information.

### seq: zero increment
seq 1 0 2; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: invalid Zero increment value: ‘0’
Try 'seq --help' for more information.

### seq: bad format directive
seq -f %d 1; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: format ‘%d’ has unknown %d directive

### seq: too many directives
seq -f '%g%g' 1; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: format ‘%g%g’ has too many % directives

### seq: no directive
seq -f x 1; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: format ‘x’ has no % directive

### seq: -f with -w
seq -w -f %g 1; echo "rc=$?"
--- stdout
rc=1
--- stderr
seq: format string may not be specified when printing equal width strings
Try 'seq --help' for more information.

### seq: long options
seq --separator=: --equal-width 9 10
--- stdout
09:10

### seq: piped into head
seq 1000000 2>/dev/null | head -n 2
--- stdout
1
2

### seq: rounding to last
seq 0 0.1 0.3
--- stdout
0.0
0.1
0.2
0.3

### seq: integer counting carries into new digits
seq 8 12; seq 98 102 | tr '\n' ' '; echo; seq 997 1 1001 | tr '\n' ' '; echo; seq 9999999999999999998 10000000000000000001
--- stdout
8
9
10
11
12
98 99 100 101 102 
997 998 999 1000 1001 
9999999999999999998
9999999999999999999
10000000000000000000
10000000000000000001

### seq: integer steps with carries and leading zeros
seq 1 7 100 | tr '\n' ' '; echo; seq 9 99 1000 | tr '\n' ' '; echo; seq 007 3 20 | tr '\n' ' '; echo; seq 1 0003 11 | tr '\n' ' '; echo; seq 95 5 110 | tr '\n' ' '; echo
--- stdout
1 8 15 22 29 36 43 50 57 64 71 78 85 92 99 
9 108 207 306 405 504 603 702 801 900 999 
7 10 13 16 19 
1 4 7 10 
95 100 105 110 

### seq: integer step larger than the range
seq 5 100 3; echo "[$?]"; seq 1 100 50; seq 0 0; seq 3 3
--- stdout
[0]
1
0
3

### seq: long separators on the integer path
seq -s '<->' 1 12; seq -s "$(printf 'x%.0s' {1..9000})" 1 3 | wc -c; seq -s '' 1 15
--- stdout
1<->2<->3<->4<->5<->6<->7<->8<->9<->10<->11<->12
18004
123456789101112131415

### seq: a long integer sequence in one piece
seq 250000 | md5sum; seq 3 7 400000 | tail -n 2; seq 100000 | head -n 2
--- stdout
17e914b4a407dccd370c13173865deb1  -
399990
399997
1
2
