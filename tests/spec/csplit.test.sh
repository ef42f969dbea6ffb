# csplit (GNU coreutils 9.1, C.UTF-8 locale).
### csplit: line numbers
seq 10 > f; csplit f 3 7; echo $?; head xx*
--- stdout
4
8
9
0
==> xx00 <==
1
2

==> xx01 <==
3
4
5
6

==> xx02 <==
7
8
9
10

### csplit: regexp
seq 10 > f; csplit f /5/; tail -n +1 xx*
--- stdout
8
13
==> xx00 <==
1
2
3
4

==> xx01 <==
5
6
7
8
9
10

### csplit: regexp with positive offset
seq 10 > f; csplit f /5/+2; cat xx01
--- stdout
12
9
7
8
9
10

### csplit: regexp with negative offset
seq 10 > f; csplit f /5/-2; cat xx00
--- stdout
4
17
1
2

### csplit: skip with %
seq 10 > f; csplit f %5% /8/; ls; cat xx00
--- stdout
6
7
f
xx00
xx01
5
6
7

### csplit: repeat count
seq 10 > f; csplit f 3 {2}; ls
--- stdout
4
6
6
5
f
xx00
xx01
xx02
xx03

### csplit: repeat regexp {*}
printf "a\n--\nb\n--\nc\n" > f; csplit f /--/ {*}; tail -n +1 xx*
--- stdout
2
5
5
==> xx00 <==
a

==> xx01 <==
--
b

==> xx02 <==
--
c

### csplit: repeat line number {*} fails
seq 10 > f; csplit f 2 {*}; echo $?; ls
--- stdout
2
4
4
4
4
3
1
f
--- stderr
csplit: ‘2’: line number out of range on repetition 5

### csplit: -k keeps files on error
seq 10 > f; csplit -k f 2 {*}; echo $?; ls
--- stdout
2
4
4
4
4
3
1
f
xx00
xx01
xx02
xx03
xx04
xx05
--- stderr
csplit: ‘2’: line number out of range on repetition 5

### csplit: match not found removes files
seq 10 > f; csplit f /5/ /nomatch/; echo $?; ls
--- stdout
8
13
1
f
--- stderr
csplit: ‘/nomatch/’: match not found

### csplit: match not found on repetition
seq 10 > f; csplit f /5/ {3}; echo $?; ls
--- stdout
8
13
1
f
--- stderr
csplit: ‘/5/’: match not found on repetition 1

### csplit: line number out of range
seq 5 > f; csplit f 3 9; echo $?; ls
--- stdout
4
6
1
f
--- stderr
csplit: ‘9’: line number out of range

### csplit: offset out of range
seq 10 > f; csplit f /5/-7; echo $?; ls
--- stdout
0
1
f
--- stderr
csplit: ‘/5/-7’: line number out of range

### csplit: -f prefix and -n digits
seq 6 > f; csplit -f part -n 3 f 4; ls
--- stdout
6
6
f
part000
part001

### csplit: -b suffix format
seq 6 > f; csplit -b "%03x.txt" f 2 4; ls
--- stdout
2
4
6
f
xx000.txt
xx001.txt
xx002.txt

### csplit: -b with flags and %%
seq 6 > f; csplit -b "_%%%#o" f 3; ls
--- stdout
4
8
f
xx_%0
xx_%01

### csplit: -s quiet
seq 6 > f; csplit -s f 4; echo $?; cat xx01
--- stdout
0
4
5
6

### csplit: -z elides empty pieces
seq 6 > f; csplit -z f /1/ /4/; ls
--- stdout
6
6
f
xx00
xx01

### csplit: without -z empty pieces stay
seq 6 > f; csplit f /1/ /4/; ls
--- stdout
0
6
6
f
xx00
xx01
xx02

### csplit: --suppress-matched regexp
seq 10 > f; csplit --suppress-matched f /5/ /7/; tail -n +1 xx*
--- stdout
8
2
7
==> xx00 <==
1
2
3
4

==> xx01 <==
6

==> xx02 <==
8
9
10

### csplit: --suppress-matched line numbers
seq 10 > f; csplit --suppress-matched f 3 6; tail -n +1 xx*
--- stdout
4
4
9
==> xx00 <==
1
2

==> xx01 <==
4
5

==> xx02 <==
7
8
9
10

### csplit: stdin
seq 5 | csplit - 3; cat xx01
--- stdout
4
6
3
4
5

### csplit: last line without newline
printf "a\nb\nc" > f; csplit f /b/; cat xx01; echo
--- stdout
2
3
b
c

### csplit: regexp anchors
printf "x1\nab\nxa\nb\n" > f; csplit f "/^b$/"; cat xx01
--- stdout
9
2
b

### csplit: missing operand
csplit; echo $?; csplit f; echo $?
--- stdout
1
1
--- stderr
csplit: missing operand
Try 'csplit --help' for more information.
csplit: missing operand after ‘f’
Try 'csplit --help' for more information.

### csplit: missing input file
csplit nope 1; echo $?
--- stdout
1
--- stderr
csplit: cannot open 'nope' for reading: No such file or directory

### csplit: line number zero
seq 3 > f; csplit f 0; echo $?
--- stdout
1
--- stderr
csplit: 0: line number must be greater than zero

### csplit: decreasing line numbers
seq 5 > f; csplit f 3 2; echo $?
--- stdout
1
--- stderr
csplit: line number ‘2’ is smaller than preceding line number, 3

### csplit: same line number warns
seq 5 > f; csplit f 3 3; echo $?; ls
--- stdout
4
0
6
0
f
xx00
xx01
xx02
--- stderr
csplit: warning: line number ‘3’ is the same as preceding line number

### csplit: invalid pattern
seq 3 > f; csplit f abc; echo $?; csplit f -- -3; echo $?
--- stdout
1
1
--- stderr
csplit: ‘abc’: invalid pattern
csplit: ‘-3’: invalid pattern

### csplit: closing delimiter missing
seq 3 > f; csplit f /2; echo $?
--- stdout
1
--- stderr
csplit: /2: closing delimiter '/' missing

### csplit: bad offset
seq 3 > f; csplit f /2/x; echo $?
--- stdout
1
--- stderr
csplit: ‘/2/x’: integer expected after delimiter

### csplit: bad repeat counts
seq 3 > f; csplit f 1 "{x}"; csplit f 1 "{2"; csplit f "{2}"; echo $?
--- stdout
1
--- stderr
csplit: ‘{x’}: integer required between '{' and '}'
csplit: ‘{2’: '}' is required in repeat count
csplit: ‘{2}’: invalid pattern

### csplit: bad regexp
seq 3 > f; csplit f "/\(/"; echo $?
--- stdout
1
--- stderr
csplit: ‘/\\(/’: invalid regular expression: Unmatched ( or \(

### csplit: bad -n
seq 3 > f; csplit -n x f 1; csplit -n -1 f 1; echo $?
--- stdout
1
--- stderr
csplit: invalid number: ‘x’
csplit: invalid number: ‘-1’: Numerical result out of range

### csplit: bad suffix formats
seq 3 > f; csplit -b "%d%d" f 1; csplit -b x f 1; csplit -b "%q" f 1; csplit -b "%" f 1; csplit -b "%#d" f 1; echo $?
--- stdout
1
--- stderr
csplit: too many % conversion specifications in suffix
csplit: missing % conversion specification in suffix
csplit: invalid conversion specifier in suffix: q
csplit: missing conversion specifier in suffix
csplit: invalid flags in conversion specification: %#d

### csplit: empty input
csplit /dev/null 1; echo $?; ls; csplit /dev/null /x/; echo $?
--- stdout
1
xx00
0
1
--- stderr
csplit: input disappeared
csplit: ‘/x/’: match not found

### csplit: input disappeared
seq 3 | csplit - /3/+1 5; echo $?; ls
--- stdout
6
1
xx00
xx01
--- stderr
csplit: input disappeared

### csplit: cannot create output
seq 3 > f; csplit -f no/x f 2; echo $?
--- stdout
1
--- stderr
csplit: no/x00: No such file or directory

### csplit: bad option
csplit --bogus f 1; echo $?

--- stdout
1
--- stderr
csplit: unrecognized option '--bogus'
Try 'csplit --help' for more information.
