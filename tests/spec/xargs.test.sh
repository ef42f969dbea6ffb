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

### xargs audit: x -0
printf 'a b\0c\0' | xargs -0 -n1 echo
--- stdout
a b
c

### xargs audit: x -n
seq 5 | xargs -n2 echo
--- stdout
1 2
3 4
5

### xargs audit: x -L
printf 'a b\nc\n\nd e f\n' | xargs -L1 echo
--- stdout
a b
c
d e f

### xargs audit: x -L trailing blank continues
printf 'a \nb\nc\n' | xargs -L1 echo
--- stdout
a b
c

### xargs audit: x -I
printf 'a\nb c\n' | xargs -I{} echo '[{}]'
--- stdout
[a]
[b c]

### xargs audit: x -I multiple in arg
printf 'x\n' | xargs -I% echo %-% %
--- stdout
x-x x

### xargs audit: x -i
printf 'a\n' | xargs -i echo '<{}>'
--- stdout
<a>

### xargs audit: x -d
printf 'a,b,c' | xargs -d, -n1 echo
--- stdout
a
b
c

### xargs audit: x -d newline
printf 'a b\nc\n' | xargs -d '\n' -n1 echo
--- stdout
a b
c

### xargs audit: x -r
printf '' | xargs -r echo hi; echo rc=$?
--- stdout
rc=0

### xargs audit: x no -r
printf '' | xargs echo hi
--- stdout
hi

### xargs audit: x -s
seq 10 | xargs -s 12 echo
--- stdout
1 2 3
4 5 6
7 8 9
10

### xargs audit: x -s too small
echo aaaaaaaaaa | xargs -s 5 echo; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: argument line too long

### xargs audit: x -E
printf 'a\nb\nSTOP\nc\n' | xargs -E STOP echo
--- stdout
a b

### xargs audit: x -e
printf 'a\nb\nSTOP\nc\n' | xargs -eSTOP echo
--- stdout
a b

### xargs audit: x -t
printf 'a\n' | xargs -t echo 2>&1
--- stdout
echo a
a

### xargs audit: x -P
seq 4 | xargs -P2 -n1 echo | sort
--- stdout
1
2
3
4

### xargs audit: x quotes
printf '"a b" '"'"'c d'"'"' e\\ f\n' | xargs -n1 echo
--- stdout
a b
c d
e f

### xargs audit: x unmatched quote
printf '"a b\n' | xargs echo; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option

### xargs audit: x exit 123
printf 'a\n' | xargs false; echo rc=$?
--- stdout
rc=123

### xargs audit: x exit 255 -> 124
printf 'a\n' | xargs sh -c 'exit 255'; echo rc=$?
--- stdout
rc=124
--- stderr
xargs: sh: exited with status 255; aborting

### xargs audit: x default echo
printf 'a b\n' | xargs
--- stdout
a b

### xargs audit: x -a file
printf '1\n2\n' > in; xargs -a in echo
--- stdout
1 2

### xargs audit: x -n with -I warn
printf 'a\n' | xargs -n1 -I{} echo {}; echo rc=$?
--- stdout
a
rc=0
--- stderr
xargs: warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value

### xargs audit: x process slot var
printf 'a\n' | xargs --process-slot-var=S sh -c 'echo slot=$S'
--- stdout
slot=0

### xargs audit: x -x
printf 'aaaa bbbb\n' | xargs -x -s 10 echo; echo rc=$?
--- stdout
aaaa
bbbb
rc=0

### xargs audit: x -L with -n
printf 'a b c\nd\n' | xargs -L1 -n2 echo
--- stdout
a b
c d
--- stderr
xargs: warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value

### xargs audit: x --null long
printf 'a\0b\0' | xargs --null echo
--- stdout
a b

### xargs audit: x -0 empty items
printf 'a\0\0b\0' | xargs -0 -n1 echo x
--- stdout
x a
x 
x b

### xargs audit: x -I empty lines skipped
printf 'a\n\nb\n' | xargs -I{} echo [{}]
--- stdout
[a]
[b]

### xargs audit: x -I leading blanks stripped
printf '  a b  \n' | xargs -I{} echo [{}]
--- stdout
[a b  ]

### xargs audit: x bad option
xargs --bogus; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: unrecognized option '--bogus'
Try 'xargs --help' for more information.

### xargs audit: x -n 0
echo a | xargs -n 0 echo; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: value 0 for -n option should be >= 1
Try 'xargs --help' for more information.

### xargs audit: x -P bad
echo a | xargs -P x echo; echo rc=$?
--- stdout
rc=1
--- stderr
xargs: invalid number "x" for -P option
Try 'xargs --help' for more information.

### xargs audit: x command killed by signal status 125
printf 'a\n' | xargs sh -c 'kill -9 $$'; echo rc=$?
--- stdout
rc=125
--- stderr
xargs: sh: terminated by signal 9

### xargs audit: x --show-limits
echo | xargs --show-limits true 2>&1 | head -1 | cut -c1-20
--- stdout
Your environment var

### xargs audit: x -d with quotes literal
printf '"a"\n' | xargs -d '\n' echo
--- stdout
"a"

### xargs audit: x -0 -I
printf 'a b\0c\0' | xargs -0 -I{} echo '<{}>'
--- stdout
<a b>
<c>

### xargs audit: x eof no newline
printf 'a\nb' | xargs echo
--- stdout
a b
