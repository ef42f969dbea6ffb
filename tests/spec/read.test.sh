# read: spec cases recorded from bash 5.2
### read basic
echo "a b c" | { read x y; echo "[$x] [$y]"; }
--- stdout
[a] [b c]

### read REPLY
echo "  hi there  " | { read; echo "[$REPLY]"; }
--- stdout
[  hi there  ]

### read -r backslash
printf 'a\\tb\n' | { read -r x; echo "$x"; }
--- stdout
a\tb

### read without -r backslash
printf 'a\\tb\n' | { read x; echo "$x"; }
--- stdout
atb

### read line continuation
printf 'a\\\nb\n' | { read x; echo "$x"; }
--- stdout
ab

### read -a array
echo "1 2 3" | { read -a arr; echo ${#arr[@]} ${arr[2]}; }
--- stdout
3 3

### read IFS comma
echo "a,b,,c" | { IFS=, read -r p q r s; echo "[$p][$q][$r][$s]"; }
--- stdout
[a][b][][c]

### read IFS preserves leading spaces when empty IFS
echo "  x  " | { IFS= read -r v; echo "[$v]"; }
--- stdout
[  x  ]

### read -d delimiter
printf 'one:two' | { read -d : v; echo "[$v] $?"; }
--- stdout
[one] 0

### read -d empty NUL
printf 'a\0b\0' | { read -d '' v; echo "[$v]"; }
--- stdout
[a]

### read -n count
echo "abcdef" | { read -n 3 v; echo "[$v]"; }
--- stdout
[abc]

### read -N exact
printf 'ab\ncd' | { read -N 4 v; echo "[$v]"; }
--- stdout
[ab
c]

### read -n stops at newline
printf 'ab\ncd' | { read -n 4 v; echo "[$v]"; }
--- stdout
[ab]

### read eof status
printf 'partial' | { read v; echo "$? [$v]"; }
--- stdout
1 [partial]

### read empty input
read v < /dev/null; echo "$? [$v]"
--- stdout
1 []

### read from here-string
read a b <<< "x y z"; echo "[$a] [$b]"
--- stdout
[x] [y z]

### read more vars than fields
read a b c <<< "one"; echo "[$a][$b][$c]"
--- stdout
[one][][]

### read last var gets rest with separators
read a b <<< "1  2   3  "; echo "[$a][$b]"
--- stdout
[1][2   3]

### read IFS nonwhitespace trailing
IFS=: read a b <<< "x:y:"; echo "[$a][$b]"
--- stdout
[x][y]

### read -p prompt not printed without tty
read -p "prompt> " v <<< "val"; echo "[$v]"
--- stdout
[val]

### read -s silent
read -s v <<< "secret"; echo "[$v]"
--- stdout
[secret]

### read -t zero
read -t 0 v < /dev/null; echo $?
--- stdout
0

### read invalid option
read -z v; echo $?
--- stdout
2
--- stderr
vbash: line 1: read: -z: invalid option
read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]

### read invalid identifier
read 1a <<< x; echo $?
--- stdout
1
--- stderr
vbash: line 1: read: `1a': not a valid identifier

### read -a with IFS
IFS=: read -ra parts <<< "a:b:c"; echo "${parts[1]} ${#parts[@]}"
--- stdout
b 3

### read loop lines
printf 'l1\nl2\nl3\n' | while read line; do echo "got $line"; done
--- stdout
got l1
got l2
got l3

### read loop last line without newline
printf 'l1\nl2' | while read line || [[ -n $line ]]; do echo "got $line"; done
--- stdout
got l1
got l2

### read -u fd
exec 3<<< "from three"; read -u 3 v; echo "$v"
--- stdout
from three

### read -u bad fd
read -u 9 v; echo $?
--- stdout
1
--- stderr
vbash: line 1: read: 9: invalid file descriptor: Bad file descriptor

### read into readonly
readonly r; read r <<< x; echo $?
--- stdout
1
--- stderr
vbash: line 1: r: readonly variable

### read -d with -r
printf 'a\\b;c' | { read -r -d ';' v; echo "[$v]"; }
--- stdout
[a\b]

### read -n 0
read -n 0 v <<< "abc"; echo "$? [$v]"
--- stdout
0 []

### read array clears old
arr=(9 9 9 9); read -a arr <<< "1 2"; echo ${#arr[@]}
--- stdout
2

### read trims IFS whitespace only
IFS=' :' read a b <<< " x : y "; echo "[$a][$b]"
--- stdout
[x][y]

### read with escaped IFS char
read a b <<< 'x\ y z'; echo "[$a][$b]"
--- stdout
[x y][z]

### read -N with backslash
printf 'a\\bc' | { read -N 3 v; echo "[$v]"; }
--- stdout
[abc]

### read -e ignored non-interactive
read -e v <<< hi; echo $v
--- stdout
hi

### read -i default text ignored
read -i def v <<< given; echo $v
--- stdout
given

### read into array element
read 'a[2]' <<< val; echo ${a[2]}
--- stdout
val

### read multiple lines with -d ''
printf 'l1\nl2\n' | { read -d '' v; echo "[$v]" $?; }
--- stdout
[l1
l2] 1

### read -t takes plain decimal numbers only
for t in 1e2 abc 0x1 -1 1. .5 +1; do read -t "$t" x <<< a; echo "$t st=$?"; done
--- stdout
1e2 st=1
abc st=1
0x1 st=1
-1 st=1
1. st=0
.5 st=0
+1 st=0
--- stderr
vbash: line 1: read: 1e2: invalid timeout specification
vbash: line 1: read: abc: invalid timeout specification
vbash: line 1: read: 0x1: invalid timeout specification
vbash: line 1: read: -1: invalid timeout specification
