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

### head: -n leaves a seekable stdin just after the lines it printed
printf 'a\nb\nc\nd\ne\n' > f; { head -n 2; echo ---; cat; } < f
--- stdout
a
b
---
c
d
e

### head: -c leaves a seekable stdin just after the bytes it printed
printf 'abcdefgh' > f; { head -c 3; echo; echo ---; cat; echo; } < f
--- stdout
abc
---
defgh

### head: -n -N gives the held-back lines back to a seekable stdin
printf 'a\nb\nc\nd\ne\n' > f; { head -n -2; echo ---; cat; } < f
--- stdout
a
b
c
---
d
e

### head: -c -N gives the held-back bytes back to a seekable stdin
printf 'abcdefgh' > f; { head -c -3; echo; echo ---; cat; echo; } < f
--- stdout
abcde
---
fgh

### head: -n -N with an unterminated last line on a seekable stdin
printf 'a\nb\nc' > f; { head -n -1; echo ---; cat; echo; } < f
--- stdout
a
b
---
c

### head: one line at a time from a seekable stdin
seq 5 > f; { head -n 1; head -n 1; head -c 2; echo; cat; } < f
--- stdout
1
2
3

4
5

### head: a pipe is not seekable, the first head takes what it read
seq 3 | { head -n 1 >/dev/null; cat | wc -c | tr -d ' '; } | awk '{print ($1 <= 4)}'
--- stdout
1

### head: count errors quote the number without an elision dash; bad obsolete letters
head -c -x /dev/null; head -n -1x /dev/null; head -n --5 /dev/null; head -c -99999999999999999999999 /dev/null; echo rc=$?; seq 100 > f; head -5x f; echo rc=$?; head -1kc f | wc -c; head -5-c f; echo rc=$?
--- stdout
rc=1
rc=1
1
rc=1
--- stderr
head: invalid number of bytes: ‘x’
head: invalid number of lines: ‘1x’
head: invalid number of lines: ‘-5’
head: invalid number of bytes: ‘99999999999999999999999’: Value too large for defined data type
head: invalid trailing option -- x
Try 'head --help' for more information.
head: invalid trailing option -- -
Try 'head --help' for more information.
