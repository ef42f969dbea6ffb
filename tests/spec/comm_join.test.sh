# comm and join (GNU coreutils 9.1).
### comm: three columns
printf 'a\nb\nd\n' > c1; printf 'b\nc\nd\ne\n' > c2; comm c1 c2
--- stdout
a
		b
	c
		d
	e

### comm: -12
printf 'a\nb\nd\n' > c1; printf 'b\nc\nd\ne\n' > c2; comm -12 c1 c2
--- stdout
b
d

### comm: -3 with output delimiter
printf 'a\nb\nd\n' > c1; printf 'b\nc\nd\ne\n' > c2; comm -3 --output-delimiter=: c1 c2
--- stdout
a
:c
:e

### comm: --total
printf 'a\nb\nd\n' > c1; printf 'b\nc\nd\ne\n' > c2; comm --total c1 c2
--- stdout
a
		b
	c
		d
	e
1	2	2	total

### comm: unsorted input warning
printf 'b\na\n' > u1; printf 'b\nc\nd\ne\n' > c2; comm u1 c2; echo "rc=$?"
--- stdout
		b
a
	c
	d
	e
rc=1
--- stderr
comm: file 1 is not in sorted order
comm: input is not in sorted order

### comm: --check-order is fatal
printf 'b\na\n' > u1; printf 'b\nc\nd\ne\n' > c2; comm --check-order u1 c2; echo "rc=$?"
--- stdout
		b
rc=1
--- stderr
comm: file 1 is not in sorted order

### comm: --nocheck-order
printf 'b\na\n' > u1; printf 'b\nc\n' > c2; comm --nocheck-order u1 c2; echo "rc=$?"
--- stdout
		b
a
	c
rc=0

### comm: all pairable unsorted is silent
printf 'b\na\n' > u1; comm u1 u1; echo "rc=$?"
--- stdout
		b
		a
rc=0

### comm: stdin
printf 'a\nb\n' > c1; printf 'b\nc\n' | comm c1 -
--- stdout
a
		b
	c

### comm: missing operand
comm c1; echo "rc=$?"
--- stdout
rc=1
--- stderr
comm: missing operand after ‘c1’
Try 'comm --help' for more information.

### comm: missing file
printf 'a\n' > c1; comm c1 nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
comm: nope: No such file or directory

### comm: -z
printf 'a\0b\0' > z1; printf 'b\0c\0' > z2; comm -z z1 z2 | tr '\0' '|'; echo
--- stdout
a|		b|	c|

### join: default
printf 'a 1\nb 2\nc 3\n' > j1; printf 'a x\nc y\nd z\n' > j2; join j1 j2
--- stdout
a 1 x
c 3 y

### join: -a1
printf 'a 1\nb 2\nc 3\n' > j1; printf 'a x\nc y\nd z\n' > j2; join -a1 j1 j2
--- stdout
a 1 x
b 2
c 3 y

### join: -v2
printf 'a 1\nb 2\nc 3\n' > j1; printf 'a x\nc y\nd z\n' > j2; join -v2 j1 j2
--- stdout
d z

### join: -o and -e
printf 'a 1\nb 2\nc 3\n' > j1; printf 'a x\nc y\nd z\n' > j2; join -o 1.2,2.2 j1 j2; join -e X -o 1.1,2.2 -a1 j1 j2
--- stdout
1 x
3 y
a x
b X
c y

### join: -t
printf 'a:1\nb:2\n' > k1; printf 'a:9\n' > k2; join -t: k1 k2
--- stdout
a:1:9

### join: -1 -2 fields
printf '1 a\n2 b\n' > f1; printf 'a X\nb Y\n' > f2; join -1 2 -2 1 f1 f2
--- stdout
a 1 X
b 2 Y

### join: groups pair every line
printf 'a 1\na 2\n' > g1; printf 'a x\na y\n' > g2; join g1 g2
--- stdout
a 1 x
a 1 y
a 2 x
a 2 y

### join: -i
printf 'A 1\n' > i1; printf 'a 2\n' > i2; join -i i1 i2
--- stdout
A 1 2

### join: -o auto
printf 'a 1\nb 2\nc 3\n' > j1; printf 'a x\nc y\nd z\n' > j2; join -o auto -a1 -e- j1 j2
--- stdout
a 1 x
b 2 -
c 3 y

### join: --header
printf 'K V\na 1\n' > h1; printf 'K W\na 2\n' > h2; join --header h1 h2
--- stdout
K V W
a 1 2

### join: unsorted input
printf 'b\na\n' > un; printf 'a x\nc y\n' > j2; join un j2; echo "rc=$?"
--- stdout
rc=1
--- stderr
join: un:2: is not sorted: a
join: input is not in sorted order

### join: --check-order
printf 'b\na\n' > un; join --check-order un un; echo "rc=$?"
--- stdout
rc=1
--- stderr
join: un:2: is not sorted: a

### join: missing operand
join j1; echo "rc=$?"
--- stdout
rc=1
--- stderr
join: missing operand after ‘j1’
Try 'join --help' for more information.

### join: bad -o
join -o 3.1 a b; echo "rc=$?"
--- stdout
rc=1
--- stderr
join: invalid file number in field spec: ‘3.1’

### join: blanks separate fields
printf '  a   1\n' > b1; printf 'a\t2\n' > b2; join b1 b2
--- stdout
a 1 2

### join: missing file
printf 'a\n' > j1; join j1 nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
join: nope: No such file or directory

### comm: disorder after a pair
printf 'b\na\n' > u1; printf 'b\n' > c4; comm u1 c4; echo "rc=$?"
--- stdout
		b
a
rc=1
--- stderr
comm: file 1 is not in sorted order
comm: input is not in sorted order

### comm: disorder in the middle
printf 'c\nb\n' > u5; printf 'c\nd\n' > u6; comm u5 u6; echo "rc=$?"
--- stdout
		c
b
	d
rc=1
--- stderr
comm: file 1 is not in sorted order
comm: input is not in sorted order
