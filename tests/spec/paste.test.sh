# paste (GNU coreutils 9.1).
### paste: two files
printf 'a\nb\n' > p1; printf '1\n2\n3\n' > p2; paste p1 p2
--- stdout
a	1
b	2
	3

### paste: delimiter list cycles
printf 'a\nb\n' > p1; printf '1\n2\n3\n' > p2; paste -d ',;' p1 p2 p1
--- stdout
a,1;a
b,2;b
,3;

### paste: -s serial
printf 'a\nb\n' > p1; printf '1\n2\n3\n' > p2; paste -s p1 p2
--- stdout
a	b
1	2	3

### paste: -s with escapes
printf '1\n2\n3\n4\n' | paste -s -d '\n\\0x'
--- stdout
1
2\304

### paste: empty delimiter
printf 'a\nb\n' > p1; printf '1\n2\n' > p2; paste -d '' p1 p2
--- stdout
a1
b2

### paste: stdin twice
printf '1\n2\n3\n4\n5\n' | paste - -
--- stdout
1	2
3	4
5	

### paste: -s -d, from stdin
seq 5 | paste -sd,
--- stdout
1,2,3,4,5

### paste: missing file
paste nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
paste: nope: No such file or directory

### paste: missing file among others prints nothing
printf 'a\n' > p1; paste p1 nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
paste: nope: No such file or directory

### paste: trailing backslash
paste -d '\' < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
paste: delimiter list ends with an unescaped backslash: \

### paste: -z
printf 'a\0b\0' | paste -z -s -d: | tr '\0' '|'; echo
--- stdout
a:b|

### paste: no trailing newline
printf 'a\nb' > p1; printf 'x' > p2; paste p1 p2
--- stdout
a	x
b	

### paste: empty file serial
paste -s /dev/null | wc -c
--- stdout
1

### paste: invalid option
paste -x; echo "rc=$?"
--- stdout
rc=1
--- stderr
paste: invalid option -- 'x'
Try 'paste --help' for more information.

### paste: -s several files
printf 'a\nb\n' > p1; printf 'c\n' > p2; paste -s -d: p1 p2
--- stdout
a:b
c

### paste: uneven files
printf 'a\n' > p1; printf '1\n2\n3\n' > p2; paste -d, p1 p2 p1
--- stdout
a,1,a
,2,
,3,

### paste: --serial and --delimiters
printf '1\n2\n3\n' | paste --serial --delimiters=+
--- stdout
1+2+3

### paste: delimiter escape \\t and \\0
printf 'a\nb\n' > p1; paste -d '\t' p1 p1; paste -d '\0' p1 p1
--- stdout
a	a
b	b
aa
bb

### paste: three stdin columns
seq 7 | paste - - -
--- stdout
1	2	3
4	5	6
7		

### paste: bad option with argument missing
paste -d; echo "rc=$?"

--- stdout
rc=1
--- stderr
paste: option requires an argument -- 'd'
Try 'paste --help' for more information.
