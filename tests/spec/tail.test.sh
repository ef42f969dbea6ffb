# tail (GNU coreutils 9.1).
### tail: default ten lines
seq 20 | tail
--- stdout
11
12
13
14
15
16
17
18
19
20

### tail: -n
seq 5 | tail -n 2
--- stdout
4
5

### tail: +N from line N
seq 5 | tail -n +3
--- stdout
3
4
5

### tail: obsolete forms
seq 5 | tail -2; seq 5 | tail +4
--- stdout
4
5
4
5

### tail: -c
printf 'abcdef' | tail -c 3; echo
--- stdout
def

### tail: -c +N
printf 'abcdef' | tail -c +3; echo
--- stdout
cdef

### tail: last line without newline
printf 'a\nb\nc' | tail -n 2; echo
--- stdout
b
c

### tail: more lines than input
printf 'a\nb\n' | tail -n 5
--- stdout
a
b

### tail: several files
printf '1\n2\n' > a; printf '3\n' > b; tail -n 1 a b
--- stdout
==> a <==
2

==> b <==
3

### tail: -q and -v
printf '1\n' > a; printf '2\n' > b; tail -q a b; tail -v a
--- stdout
1
2
==> a <==
1

### tail: -z
printf 'a\0b\0c\0' | tail -z -n 2 | tr '\0' ,; echo
--- stdout
b,c,

### tail: missing file
tail nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
tail: cannot open 'nope' for reading: No such file or directory

### tail: invalid number
tail -n x; echo "rc=$?"
--- stdout
rc=1
--- stderr
tail: invalid number of lines: ‘x’

### tail: directory
mkdir d; tail d; echo "rc=$?"
--- stdout
rc=1
--- stderr
tail: error reading 'd': Is a directory

### tail: zero lines
seq 3 | tail -n 0; echo "rc=$?"
--- stdout
rc=0

### tail: large input
seq 100000 | tail -n 3
--- stdout
99998
99999
100000

### tail: -c with suffix
seq 1000 | tail -c 1K | wc -c
--- stdout
1024

### tail: -f on a pipe ends with the writer
seq 3 | tail -f
--- stdout
1
2
3

### tail: invalid option
tail -k; echo "rc=$?"
--- stdout
rc=1
--- stderr
tail: invalid option -- 'k'
Try 'tail --help' for more information.

### tail: -n +0 whole input
seq 3 | tail -n +0
--- stdout
1
2
3

### tail: missing file among others
printf 'a\n' > f; tail f nope; echo "rc=$?"
--- stdout
==> f <==
a
rc=1
--- stderr
tail: cannot open 'nope' for reading: No such file or directory

### tail: invalid number of bytes
tail -c 5x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tail: invalid number of bytes: ‘5x’

### tail: too large number
seq 3 | tail -n 99999999999999999999999; echo "rc=$?"

--- stdout
rc=1
--- stderr
tail: invalid number of lines: ‘99999999999999999999999’: Value too large for defined data type

### last lines of a file read from its end
seq 100000 > big
tail -n 3 big
tail -n 1 big
tail -c 7 big
printf 'x\ny\nz' > nonl
tail -n 2 nonl; echo
tail -n 0 nonl; echo "status $?"
--- stdout
99998
99999
100000
100000
100000
y
z
status 0

### last lines of stdin redirected from a file after a read
printf 'a\nb\nc\nd\n' > f
{ read x; echo "x=$x"; tail -n 2; } < f
{ read x; tail -n 10; } < f
{ read x; tail -c 4; } < f
--- stdout
x=a
c
d
b
c
d
c
d

### last NUL-terminated records of a file
printf 'a\0b\0c\0' > z
tail -z -n 2 z | od -c
--- stdout
0000000   b  \0   c  \0
0000004

### tail: a digit option outside the obsolete first-argument form
seq 20 > f; tail -5x f; echo rc=$?; tail -2r f; echo rc=$?; tail -c2 -5 f; echo rc=$?; tail +18x f; echo rc=$?
--- stdout
rc=1
rc=1
rc=1
==> f <==
11
12
13
14
15
16
17
18
19
20
rc=1
--- stderr
tail: option used in invalid context -- 5
tail: option used in invalid context -- 2
tail: option used in invalid context -- 5
tail: cannot open '+18x' for reading: No such file or directory
