# head (GNU coreutils 9.1).
### head: default ten lines
seq 20 | head
--- stdout
1
2
3
4
5
6
7
8
9
10

### head: -n
seq 5 | head -n 2
--- stdout
1
2

### head: -n attached and obsolete form
seq 5 | head -n3; seq 5 | head -2
--- stdout
1
2
3
1
2

### head: -c bytes
printf 'abcdef' | head -c 3; echo
--- stdout
abc

### head: negative -n
seq 5 | head -n -2
--- stdout
1
2
3

### head: negative -n without trailing newline
printf 'a\nb\nc' | head -n -1
--- stdout
a
b

### head: negative -c
printf 'abcdef' | head -c -2; echo
--- stdout
abcd

### head: size suffix
seq 1000 | head -c 1K | wc -c
--- stdout
1024

### head: several files get headers
printf '1\n2\n' > a; printf '3\n' > b; head -n 1 a b
--- stdout
==> a <==
1

==> b <==
3

### head: -q and -v
printf '1\n' > a; printf '2\n' > b; head -q a b; head -v a
--- stdout
1
2
==> a <==
1

### head: stdin name in header
printf 'x\n' > a; printf 'y\n' | head a -
--- stdout
==> a <==
x

==> standard input <==
y

### head: -z
printf 'a\0b\0c\0' | head -z -n 2 | tr '\0' ,; echo
--- stdout
a,b,

### head: missing file
head nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
head: cannot open 'nope' for reading: No such file or directory

### head: missing file among others
printf 'x\n' > a; head a nope; echo "rc=$?"
--- stdout
==> a <==
x
rc=1
--- stderr
head: cannot open 'nope' for reading: No such file or directory

### head: invalid number of lines
head -n x; echo "rc=$?"
--- stdout
rc=1
--- stderr
head: invalid number of lines: ‘x’

### head: invalid number of bytes
head -c 5x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
head: invalid number of bytes: ‘5x’

### head: directory
mkdir d; head d; echo "rc=$?"
--- stdout
rc=1
--- stderr
head: error reading 'd': Is a directory

### head: invalid option
head -k; echo "rc=$?"
--- stdout
rc=1
--- stderr
head: invalid option -- 'k'
Try 'head --help' for more information.

### head: zero lines
seq 3 > f; head -n 0 f; echo "rc=$?"
--- stdout
rc=0

### head: stops early on an endless pipe
yes 2>/dev/null | head -n 3
--- stdout
y
y
y

### head: --lines and --bytes
seq 9 | head --lines=2; printf abc | head --bytes=2; echo
--- stdout
1
2
ab

### head: too large number
seq 3 | head -n 99999999999999999999999; echo "rc=$?"
--- stdout
rc=1
--- stderr
head: invalid number of lines: ‘99999999999999999999999’: Value too large for defined data type

### head: negative count with -c
printf 'abcdef' | head -c -2; echo; echo "rc=$?"

--- stdout
abcd
rc=0
