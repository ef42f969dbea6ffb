# cmp (GNU diffutils 3.8), factor, tsort, shuf (GNU coreutils 9.1), strings
# (GNU binutils 2.40).
### cmp: identical
printf 'abc' > a; printf 'abc' > b; cmp a b; echo "rc=$?"
--- stdout
rc=0

### cmp: differ
printf 'abc\nx' > m1; printf 'abd\nyz' > m2; cmp m1 m2; echo "rc=$?"
--- stdout
m1 m2 differ: byte 3, line 1
rc=1

### cmp: -b
printf 'abc\nx' > m1; printf 'abd\nyz' > m2; cmp -b m1 m2
--- stdout
m1 m2 differ: byte 3, line 1 is 143 c 144 d
--- status 1

### cmp: -l lists every difference and EOF
printf 'abc\nx' > m1; printf 'abd\nyz' > m2; cmp -l m1 m2; echo "rc=$?"
--- stdout
3 143 144
5 170 171
rc=1
--- stderr
cmp: EOF on m1 after byte 5

### cmp: -lb
printf 'abc\nx' > m1; printf 'abd\nyz' > m2; cmp -lb m1 m2
--- stdout
3 143 c    144 d
5 170 x    171 y
--- stderr
cmp: EOF on m1 after byte 5
--- status 1

### cmp: EOF on shorter file
printf 'ab' > s; printf 'abc' > l; cmp s l; echo "rc=$?"
--- stdout
rc=1
--- stderr
cmp: EOF on s after byte 2, in line 1

### cmp: empty file
: > e; printf 'x' > l; cmp e l; echo "rc=$?"
--- stdout
rc=1
--- stderr
cmp: EOF on e which is empty

### cmp: -s
printf 'a' > a; printf 'b' > b; cmp -s a b; echo "rc=$?"
--- stdout
rc=1

### cmp: missing file
printf 'a' > a; cmp a nope; echo "rc=$?"
--- stdout
rc=2
--- stderr
cmp: nope: No such file or directory

### cmp: -n limit
printf 'abc\nx' > m1; printf 'abd\nyz' > m2; cmp -n 2 m1 m2; echo "rc=$?"
--- stdout
rc=0

### cmp: skips
printf 'abc\nx' > m1; printf 'abd\nyz' > m2; cmp -i 1 m1 m2; cmp m1 m2 3 3
--- stdout
m1 m2 differ: byte 2, line 1
m1 m2 differ: byte 2, line 2
--- status 1

### cmp: stdin as second file
printf 'abc' > a; printf 'abd' | cmp a; echo "rc=$?"
--- stdout
a - differ: byte 3, line 1
rc=1

### cmp: missing operand
cmp; echo "rc=$?"
--- stdout
rc=2
--- stderr
cmp: missing operand after 'cmp'
cmp: Try 'cmp --help' for more information.

### factor: operands
factor 12 97 1 0 360
--- stdout
12: 2 2 3
97: 97
1:
0:
360: 2 2 2 3 3 5

### factor: large numbers
factor 18446744073709551615 1000000007 600851475143
--- stdout
18446744073709551615: 3 5 17 257 641 65537 6700417
1000000007: 1000000007
600851475143: 71 839 1471 6857

### factor: stdin
printf '30 31\n' | factor
--- stdout
30: 2 3 5
31: 31

### factor: invalid number
factor x; echo "rc=$?"; factor -- -5; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
factor: ‘x’ is not a valid positive integer
factor: ‘-5’ is not a valid positive integer

### tsort: order
printf 'a b\nb c\na d\nd c\ne f\n' | tsort
--- stdout
a
e
d
b
f
c

### tsort: loop
printf 'a b b a\n' | tsort; echo "rc=$?"
--- stdout
a
b
rc=1
--- stderr
tsort: -: input contains a loop:
tsort: a
tsort: b

### tsort: odd tokens
printf 'a b c\n' | tsort; echo "rc=$?"
--- stdout
rc=1
--- stderr
tsort: -: input contains an odd number of tokens

### tsort: self pairs
printf 'a a\nb b\n' | tsort
--- stdout
a
b

### shuf: -i permutation
shuf -i 1-10 | sort -n | tr '\n' ' '; echo
--- stdout
1 2 3 4 5 6 7 8 9 10 

### shuf: -n
shuf -i 1-100 -n 5 | wc -l
--- stdout
5

### shuf: -e
shuf -e a b c | sort
--- stdout
a
b
c

### shuf: input lines
printf 'x\ny\nz\n' | shuf | sort
--- stdout
x
y
z

### shuf: -r repeats
shuf -r -n 7 -e a | tr -d '\n'; echo
--- stdout
aaaaaaa

### shuf: invalid range
shuf -i 5-1; echo "rc=$?"
--- stdout
rc=1
--- stderr
shuf: invalid input range: ‘5-1’

### shuf: invalid count
shuf -n x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
shuf: invalid line count: ‘x’

### shuf: -e with -i
shuf -e -i 1-2; echo "rc=$?"
--- stdout
rc=1
--- stderr
shuf: cannot combine -e and -i options
Try 'shuf --help' for more information.

### shuf: -o
shuf -e a -o out; cat out
--- stdout
a

### strings: default length
printf 'hello\001world\nabcdefgh\n\000xyz\000long string here' > bin1; strings bin1
--- stdout
hello
world
abcdefgh
long string here

### strings: -n
printf 'hello\001world\nabcdefgh\n\000xyz\000long string here' > bin1; strings -n 8 bin1
--- stdout
abcdefgh
long string here

### strings: -t x and -t d
printf 'hello\001world\nabcdefgh\n\000xyz\000long string here' > bin1; strings -t x bin1; strings -t d -n 3 bin1
--- stdout
      0 hello
      6 world
      c abcdefgh
     1a long string here
      0 hello
      6 world
     12 abcdefgh
     22 xyz
     26 long string here

### strings: stdin
printf 'ab\000abcd\000' | strings
--- stdout
abcd

### strings: missing file
strings nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
strings: 'nope': No such file

### cmp: invalid option
cmp -x a b; echo "rc=$?"
--- stdout
rc=2
--- stderr
cmp: invalid option -- 'x'
cmp: Try 'cmp --help' for more information.

### cmp: extra operand
cmp a b 1 2 3; echo "rc=$?"
--- stdout
rc=2
--- stderr
cmp: extra operand '3'
cmp: Try 'cmp --help' for more information.

### shuf: -i bounds are checked one by one, as GNU
for r in 'a-b' '1-x' '-1-5' '5' '1-' '3-1' '1--2' ' 1-2' '1-2 ' '2-1' '+1-2'; do shuf -i "$r" -n1 >/dev/null; echo "[$r] rc=$?"; done; shuf -i 1-2 -i 3-4; echo rc=$?; shuf -i 3-3
--- stdout
[a-b] rc=1
[1-x] rc=1
[-1-5] rc=1
[5] rc=1
[1-] rc=1
[3-1] rc=1
[1--2] rc=1
[ 1-2] rc=0
[1-2 ] rc=1
[2-1] rc=0
[+1-2] rc=0
rc=1
3
--- stderr
shuf: invalid input range: ‘a’
shuf: invalid input range: ‘x’
shuf: invalid input range: ‘’
shuf: invalid input range: ‘5’
shuf: invalid input range: ‘’
shuf: invalid input range: ‘3-1’
shuf: invalid input range: ‘-2’
shuf: invalid input range: ‘2 ’
shuf: multiple -i options specified
