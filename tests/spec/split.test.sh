# split: suffix widening, start values, -n suffix lengths, --filter, and
# GNU 9.1's messages. Recorded from GNU coreutils 9.1.

### suffixes widen after yz
seq 700 | split -l1; ls x* | sed -n '648,653p'; ls x* | wc -l; cat xzaaa
--- stdout
xyx
xyy
xyz
xzaaa
xzaab
xzaac
700
651

### numeric suffixes widen after 89
seq 100 | split -d -l1; ls x* | sed -n '88,93p'; cat x9000 x9009
--- stdout
x87
x88
x89
x9000
x9001
x9002
91
100

### widening keeps the additional suffix
seq 700 | split -l1 --additional-suffix=.s - p; ls p* | sed -n '650,652p'
--- stdout
pyz.s
pzaaa.s
pzaab.s

### hex suffixes widen after ef
seq 300 | split -x -l1; ls x* | sed -n '238,242p'
--- stdout
xed
xee
xef
xf000
xf001

### -a stops widening
seq 30 | split -l1 -a1; echo $?; ls x* | tail -n 2; cat xz
--- stdout
1
xy
xz
26
--- stderr
split: output file suffixes exhausted

### -a 0 is the default
seq 3 | split -a 0 -l 1; ls x*
--- stdout
xaa
xab
xac

### -d -a 1 exhausted
seq 30 | split -l 1 -d -a 1; echo $?; ls x* | tail -n 2
--- stdout
1
x8
x9
--- stderr
split: output file suffixes exhausted

### numeric start value
seq 10 > in; split --numeric-suffixes=95 -l2 in; echo $?; ls x*
--- stdout
0
x95
x96
x97
x98
x99

### numeric start value exhausted
seq 10 > in; split --numeric-suffixes=95 -l1 in; echo $?; ls x*
--- stdout
1
x95
x96
x97
x98
x99
--- stderr
split: output file suffixes exhausted

### numeric start value with leading zeros
seq 10 > in; split --numeric-suffixes=007 -l5 in; ls x*
--- stdout
x07
x08

### start value too long for the suffix
seq 10 > in; split --numeric-suffixes=123 -l1 in; echo $?; ls x* 2>/dev/null | wc -l
--- stdout
1
0
--- stderr
split: numerical suffix start value is too large for the suffix length
Try 'split --help' for more information.

### start value too long for -a
seq 10 > in; split -a1 --numeric-suffixes=10 in; echo $?
--- stdout
1
--- stderr
split: numerical suffix start value is too large for the suffix length
Try 'split --help' for more information.

### invalid numeric start value
seq 10 > in; split --numeric-suffixes=abc in; echo $?
--- stdout
1
--- stderr
split: ‘abc’: invalid start value for numerical suffix
Try 'split --help' for more information.

### invalid hex start value
seq 10 > in; split --hex-suffixes=g in; echo $?
--- stdout
1
--- stderr
split: ‘g’: invalid start value for hexadecimal suffix
Try 'split --help' for more information.

### hex start value in digits
seq 10 > in; split --hex-suffixes=9 -l 4 in; ls x*
--- stdout
x09
x0a
x0b

### -x after a numeric start
seq 10 > in; split --numeric-suffixes=5 -x -l 4 in; ls x*
--- stdout
x05
x06
x07

### -d after a hex start
seq 10 > in; split --hex-suffixes=5 -d -l 4 in; ls x*
--- stdout
x05
x06
x07

### -n suffix length from the number of chunks
seq 100 > in; split -n 700 in; echo $?; ls x* | tail -n 2; ls x* | wc -l
--- stdout
0
xbaw
xbax
700

### -n with a start value widens the suffix
seq 100 > in; split -n 100 --numeric-suffixes=5 in; ls x* | tail -n 1; ls x* | head -n 1
--- stdout
x104
x005

### -n start value beyond the chunks
seq 100 > in; split -n 100 --numeric-suffixes=200 in; echo $?
--- stdout
1
--- stderr
split: numerical suffix start value is too large for the suffix length
Try 'split --help' for more information.

### -n start value runs out
seq 100 > in; split -n 5 --numeric-suffixes=98 in; echo $?; ls x*
--- stdout
1
x98
x99
--- stderr
split: output file suffixes exhausted

### -n needs a longer suffix than -a
seq 100 > in; split -n 30 -a 1 in; echo $?
--- stdout
1
--- stderr
split: the suffix length needs to be at least 2

### -n l with -a
seq 100 > in; split -n l/3 -a 3 in; wc -c xaaa xaab xaac
--- stdout
 99 xaaa
 96 xaab
 97 xaac
292 total

### -n r with -d
seq 10 > in; split -n r/3 -d in; head x00 x01 x02
--- stdout
==> x00 <==
1
4
7
10

==> x01 <==
2
5
8

==> x02 <==
3
6
9

### filter per piece
seq 100 > in; split -l 50 --filter='wc -l; echo $FILE' in; echo $?; ls
--- stdout
50
xaa
50
xab
0
in

### filter writes the pieces
seq 10 > in; split -n r/3 -a1 --filter='cat > $FILE.r' in; ls; cat xa.r
--- stdout
in
xa.r
xb.r
xc.r
1
4
7
10

### filter output in order
seq 10 > in; split -l 3 --filter='tr 1 X' in; echo $?
--- stdout
X
2
3
4
5
6
7
8
9
X0
0

### filter verbose
seq 100 > in; split -l 50 --verbose --filter='cat >/dev/null' in
--- stdout
executing with FILE=xaa
executing with FILE=xab

### filter of byte chunks
seq 100 > in; split -n 2 --filter='wc -c' in
--- stdout
146
146

### filter of round robin
seq 100 > in; split -n r/2 --filter='wc -l' in
--- stdout
50
50

### filter of line chunks
seq 100 > in; split -n l/2 --filter='head -1' in; echo $?
--- stdout
1
53
0

### filter reading nothing
seq 1000 | split -l 300 --filter='echo $FILE'; echo $?
--- stdout
xaa
xab
xac
xad
0

### filter that fails
seq 100 > in; split -l 50 --filter='exit 3' in; echo $?
--- stdout
3
--- stderr
split: with FILE=xaa, exit 3 from command: exit 3

### filter that fails on the second piece
seq 100 > in; split -l 50 --filter='test $FILE = xaa' in; echo $?
--- stdout
1
--- stderr
split: with FILE=xab, exit 1 from command: test $FILE = xaa

### filter with a chunk to stdout
seq 100 > in; split -n 1/2 --filter='wc -c' in; echo $?
--- stdout
1
--- stderr
split: --filter does not process a chunk extracted to stdout
Try 'split --help' for more information.

### filter with additional suffix and numbers
seq 6 | split -l 2 -d --additional-suffix=.txt --filter='echo $FILE; cat'
--- stdout
x00.txt
1
2
x01.txt
3
4
x02.txt
5
6

### verbose names
seq 5 | split -l 2 --verbose - pre
--- stdout
creating file 'preaa'
creating file 'preab'
creating file 'preac'

### chunks need the size of the input
seq 10 | split -n 3; echo $?; seq 10 | split -n l/3/3; echo $?; seq 10 | split -n 2/3; echo $?; ls x* 2>/dev/null | wc -l
--- stdout
1
1
1
0
--- stderr
split: -: cannot determine file size
split: -: cannot determine file size
split: -: cannot determine file size

### chunks from a redirected file
seq 10 > f; split -n 3 < f; echo $?; cat xab; split -n l/2/3 < f
--- stdout
0

5
6
7
5
6
7

### round robin from a pipe
seq 10 | split -n r/3; echo $?; cat xaa; seq 10 | split -n r/2/3
--- stdout
0
1
4
7
10
2
5
8

### suffix longer than a file name
seq 5 | split -a 300 2>&1 | cut -c1-20; seq 5 | split -a 300 2>&1 | sed 's/.*: //'; ls x* 2>/dev/null | wc -l
--- stdout
split: xaaaaaaaaaaaa
File name too long
0

### split --filter killed by a signal: GNU's message, 128+N
seq 1 20000 > in
split -b 100000 --filter='kill -9 $$' in; echo "st=$?"
split -b 100000 --filter='kill -TERM $$' in; echo "st=$?"
split -b 100000 --filter='kill -BUS $$' in; echo "st=$?"
--- stdout
st=137
st=143
st=135
--- stderr
split: with FILE=xaa, signal KILL from command: kill -9 $$
split: with FILE=xaa, signal TERM from command: kill -TERM $$
split: with FILE=xaa, signal BUS from command: kill -BUS $$

### split --filter exiting 130 is an exit, not a signal
seq 1 20000 > in
split -l 5000 --filter='exit 130' in; echo "st=$?"
split -l 5000 --filter='exit 200' in; echo "st=$?"
--- stdout
st=130
st=200
--- stderr
split: with FILE=xaa, exit 130 from command: exit 130
split: with FILE=xaa, exit 200 from command: exit 200

### split --filter ended by SIGPIPE is no error
seq 1 20000 > in
split -n 2 --filter='kill -PIPE $$' in; echo "st=$?"
split -n 2 --filter='head -c 3; echo' in; echo "st=$?"
--- stdout
st=0
1
2
26

st=0
