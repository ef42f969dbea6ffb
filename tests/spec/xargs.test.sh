# xargs (GNU findutils 4.9).
### default command is echo
printf 'a b\nc\n' | xargs
--- stdout
a b c

### explicit command
printf '1\n2\n3\n' | xargs echo nums:
--- stdout
nums: 1 2 3

### -n max args
echo a b c d e | xargs -n 2 echo
--- stdout
a b
c d
e

### -L max lines
printf 'a b\nc\nd e f\n' | xargs -L 1 echo
--- stdout
a b
c
d e f

### -L 2
printf 'a\nb\nc\n' | xargs -L 2 echo
--- stdout
a b
c

### -I replace
printf 'x\ny\n' | xargs -I{} echo 'item={}'
--- stdout
item=x
item=y

### -I with other string
printf 'a\n' | xargs -I @ echo @ @
--- stdout
a a

### -I keeps blanks inside a line
printf '  a b  \n' | xargs -I{} echo '[{}]'
--- stdout
[a b  ]

### -0 null separated
printf 'a b\0c\0' | xargs -0 -n 1 echo
--- stdout
a b
c

### -d delimiter
printf 'a,b,c' | xargs -d , -n 1 echo
--- stdout
a
b
c

### -d newline keeps spaces
printf 'a b\nc d\n' | xargs -d '\n' -n 1 echo
--- stdout
a b
c d

### quotes in input
printf '"a b" '"'"'c d'"'"' e\n' | xargs -n 1 echo
--- stdout
a b
c d
e

### backslash escapes
printf 'a\\ b c\n' | xargs -n 1 echo
--- stdout
a b
c

### unmatched quote
printf '"abc\n' | xargs echo; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option

### empty input runs once
printf '' | xargs echo hi
--- stdout
hi

### -r no run if empty
printf '' | xargs -r echo hi; echo rc=$?
--- stdout
rc=0

### -I with empty input
printf '' | xargs -I{} echo {}; echo rc=$?
--- stdout
rc=0

### -t prints the command
printf 'a\n' | xargs -t echo 2>&1
--- stdout
echo a
a

### -E end of file string
printf 'a b STOP c\n' | xargs -E STOP echo
--- stdout
a b

### exit status 123
printf 'a\n' | xargs false; echo rc=$?
--- stdout
rc=123

### exit status 124 on 255
printf 'a\n' | xargs sh -c 'exit 255'; echo rc=$?
--- stdout
rc=124
--- stderr
xargs: sh: exited with status 255; aborting

### -s max chars
echo aaa bbb ccc | xargs -s 12 echo
--- stdout
aaa
bbb
ccc

### -a arg file
printf 'f1\nf2\n' > list; xargs -a list echo
--- stdout
f1 f2

### -a missing file
xargs -a nope echo; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: Cannot open input file ‘nope’: No such file or directory

### stdin of command is empty
printf 'a\n' | xargs sh -c 'cat; echo done'
--- stdout
done

### with find
mkdir d; touch d/x d/y; find d -type f | sort | xargs echo
--- stdout
d/x d/y

### with find -print0
mkdir d; touch 'd/a b' d/c; find d -type f -print0 | xargs -0 -n 1 echo | sort
--- stdout
d/a b
d/c

### many items batched
seq 1 1000 | xargs echo | wc -w
--- stdout
1000

### -n 1 with many
seq 1 5 | xargs -n 1 echo n
--- stdout
n 1
n 2
n 3
n 4
n 5

### invalid -n
echo a | xargs -n 0 echo; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: value 0 for -n option should be >= 1
Try 'xargs --help' for more information.

### unknown option
xargs --bogus 2>/dev/null; echo rc=$?
--- stdout
rc=1

### -P accepted
printf '1\n2\n3\n' | xargs -P 2 -n 1 echo | sort
--- stdout
1
2
3

### blank lines ignored
printf 'a\n\n\nb\n' | xargs echo
--- stdout
a b

### trailing blank continues line with -L
printf 'a \nb\nc\n' | xargs -L 1 echo
--- stdout
a b
c
