# mapfile: spec cases recorded from bash 5.2
### mapfile basic
printf 'a\nb\nc\n' | { mapfile arr; echo ${#arr[@]}; printf '[%s]' "${arr[@]}"; echo; }
--- stdout
3
[a
][b
][c
]

### mapfile -t
printf 'a\nb\n' | { mapfile -t arr; printf '[%s]' "${arr[@]}"; echo; }
--- stdout
[a][b]

### readarray alias
printf 'x\ny\n' | { readarray -t arr; echo ${arr[1]}; }
--- stdout
y

### mapfile default MAPFILE
printf 'q\n' | { mapfile; printf '[%s]' "${MAPFILE[@]}"; }
--- stdout noeol
[q
]

### mapfile -n count
printf '1\n2\n3\n4\n' | { mapfile -t -n 2 arr; echo "${arr[@]}"; }
--- stdout
1 2

### mapfile -s skip
printf '1\n2\n3\n4\n' | { mapfile -t -s 2 arr; echo "${arr[@]}"; }
--- stdout
3 4

### mapfile -O origin
arr=(x y z); printf '1\n2\n' | { mapfile -t -O 5 arr; declare -p arr; }
--- stdout
declare -a arr=([0]="x" [1]="y" [2]="z" [5]="1" [6]="2")

### mapfile -O keeps others
arr=(x y z); mapfile -t -O 1 arr <<< "n"; declare -p arr
--- stdout
declare -a arr=([0]="x" [1]="n" [2]="z")

### mapfile without -O clears
arr=(x y z); mapfile -t arr <<< "n"; declare -p arr
--- stdout
declare -a arr=([0]="n")

### mapfile -d
printf 'a,b,c' | { mapfile -t -d , arr; declare -p arr; }
--- stdout
declare -a arr=([0]="a" [1]="b" [2]="c")

### mapfile -d keeps delimiter without -t
printf 'a,b,' | { mapfile -d , arr; declare -p arr; }
--- stdout
declare -a arr=([0]="a," [1]="b,")

### mapfile -d empty NUL
printf 'a\0b\0' | { mapfile -t -d '' arr; declare -p arr; }
--- stdout
declare -a arr=([0]="a" [1]="b")

### mapfile -C callback
printf 'a\nb\nc\n' | { mapfile -t -C 'echo cb' -c 1 arr; echo ${#arr[@]}; }
--- stdout
cb 0 a
cb 1 b
cb 2 c
3

### mapfile -C every 2
printf '1\n2\n3\n4\n5\n' | { mapfile -t -C 'echo at' -c 2 arr; }
--- stdout
at 1 2
at 3 4

### mapfile -u fd
exec 4< <(printf 'p\nq\n'); mapfile -t -u 4 arr; echo "${arr[@]}"
--- stdout
p q

### mapfile empty input
mapfile -t arr < /dev/null; echo ${#arr[@]}
--- stdout
0

### mapfile last line without newline
printf 'a\nb' | { mapfile -t arr; declare -p arr; }
--- stdout
declare -a arr=([0]="a" [1]="b")

### mapfile bad option
mapfile -q arr; echo $?
--- stdout
2
--- stderr
vbash: line 1: mapfile: -q: invalid option
mapfile: usage: mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]

### mapfile invalid count
mapfile -n x arr < /dev/null; echo $?
--- stdout
1
--- stderr
vbash: line 1: mapfile: x: invalid line count

### mapfile to readonly
readonly ro=(1); mapfile ro <<< x; echo $?
--- stdout
1
--- stderr
vbash: line 1: ro: readonly variable

### mapfile keeps empty lines
printf 'a\n\nb\n' | { mapfile -t arr; echo ${#arr[@]}; }
--- stdout
3

### mapfile -n 0 reads all
printf '1\n2\n3\n' | { mapfile -t -n 0 arr; echo ${#arr[@]}; }
--- stdout
3

### mapfile from here-doc
mapfile -t lines <<'EOT'
first line
second line
EOT
echo "${lines[1]}"
--- stdout
second line

### mapfile invalid array name
mapfile 1bad < /dev/null; echo $?
--- stdout
1
--- stderr
vbash: line 1: mapfile: `1bad': not a valid identifier

### mapfile callback quantum must be positive
mapfile -c 0 -C : a <<< x; echo "st=$?"
mapfile -c -1 a <<< x; echo "st=$?"
mapfile -c x a <<< x; echo "st=$?"
cb() { echo "cb: $1 [$2]"; }
printf '%s\n' a b c d e | { mapfile -t -C cb -c 2 arr; echo "${arr[*]}"; }
--- stdout
st=1
st=1
st=1
cb: 1 [b]
cb: 3 [d]
a b c d e
--- stderr
vbash: line 1: mapfile: 0: invalid callback quantum
vbash: line 2: mapfile: -1: invalid callback quantum
vbash: line 3: mapfile: x: invalid callback quantum
