# column (util-linux 2.38).
### column: fill columns
printf 'a\nbb\nccc\ndddd\neeeee\nf\ng\n' | column -c 30 | cat -A
--- stdout
a^Idddd^Ig$
bb^Ieeeee$
ccc^If$

### column: fill rows
printf 'a\nbb\nccc\ndddd\neeeee\nf\ng\n' | column -x -c 30 | cat -A
--- stdout
a^Ibb^Iccc$
dddd^Ieeeee^If$
g$

### column: table
printf 'a b c\nlong x y\n' | column -t
--- stdout
a     b  c
long  x  y

### column: table with separators
printf 'a:b:c\nlong::y\n' | column -t -s: -o '|'
--- stdout
a   |b|c
long| |y

### column: table skips empty lines
printf 'a  b\n\nc d\n' | column -t
--- stdout
a  b
c  d

### column: narrow width
printf 'x\nyy\n' | column -c 1
--- stdout
x
yy

### column: COLUMNS
printf '1\n2\n3\n4\n5\n6\n' | COLUMNS=20 column | cat -A
--- stdout
1^I4$
2^I5$
3^I6$

### column: missing file
column nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
column: nope: No such file or directory

### column: tabs separate table cells
printf 'a\tb\nccc\td\n' | column -t
--- stdout
a    b
ccc  d

### column: files
printf 'one\ntwo\n' > f; column -c 40 f | cat -A
--- stdout
one^Itwo$

### column: long items one per line
printf 'abcdefghijabcdefghij\nxy\n' | column -c 10
--- stdout
abcdefghijabcdefghij
xy

### column: uneven table rows
printf 'a b\nc d e f\ng\n' | column -t
--- stdout
a  b     
c  d  e  f
g        

### column: -t with -o only
printf 'a b\nccc d\n' | column -t -o ' | '
--- stdout
a   | b
ccc | d

### column: -s multiple separators
printf 'a,b;c\nd;e,f\n' | column -t -s ',;'
--- stdout
a  b  c
d  e  f

### column: -x fills rows first
printf '1\n2\n3\n4\n5\n' | column -x -c 12
--- stdout
1
2
3
4
5

### column: empty input
printf '' | column; echo "rc=$?"; printf '' | column -t; echo "rc=$?"
--- stdout
rc=0
rc=0

### column: several files
printf 'a\n' > f1; printf 'b\n' > f2; column -c 20 f1 f2
--- stdout
a	b

### column: missing file among others
printf 'a\n' > f1; column f1 nope; echo "rc=$?"
--- stdout
a
rc=1
--- stderr
column: nope: No such file or directory

### column: bad width
column -c x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
column: invalid columns argument: 'x'

### column: bad option
column -Q < /dev/null; echo "rc=$?"

--- stdout
rc=1
--- stderr
column: invalid option -- 'Q'
Try 'column --help' for more information.
