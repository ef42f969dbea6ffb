# lineno: LINENO in traps, eval and after calls, recorded from bash 5.2
### ERR trap sees the failing line
trap 'echo "ERR at $LINENO st=$?"' ERR
echo one
false
f() { return 3; }

f
( false )
--- stdout
one
ERR at 3 st=1
ERR at 6 st=3
ERR at 7 st=1
--- status 1

### ERR trap with errtrace inside a function
set -E
trap 'echo "ERR at $LINENO in ${FUNCNAME[0]-main}"' ERR
f() {
  echo in f
  false
}
f
--- stdout
in f
ERR at 5 in f
ERR at 7 in main
--- status 1

### a multi-line trap action counts on from the line
trap 'echo A $LINENO
echo B $LINENO' ERR


false
--- stdout
A 5
B 6
--- status 1

### DEBUG trap LINENO
trap 'echo "D $LINENO"' DEBUG
:

:
trap - DEBUG
--- stdout
D 2
D 4
D 5

### eval counts from its own line
echo $LINENO

eval $'echo $LINENO\necho $LINENO'
--- stdout
1
3
4

### eval syntax error line
echo start

eval 'if'
echo $?
--- stdout
start
2
--- stderr
vbash: eval: line 4: syntax error: unexpected end of file

### LINENO after a function call is the caller's
f() {
  :
  :
}
f; echo $LINENO
--- stdout
5

### RETURN trap in a function
f() { trap 'echo "ret $LINENO"' RETURN; echo body; }

f
--- stdout
body
ret 1

### a simple command over lines takes the line where the token after its first word ends
echo a $LINENO \
  b $LINENO
echo "x
y" $LINENO
echo \
  c $LINENO
echo d$(echo
) $LINENO
echo e `echo
` $LINENO "f
" $LINENO
"echo" "g
$LINENO" $LINENO
echo ${u:-
} h $LINENO
--- stdout
a 1 b 1
x
y 4
c 6
d 8
e 9 f
 9
g
13 13
h 15

### assignments and redirections first take the line where they end
x=$LINENO \
  y=$LINENO
echo $x $y
a=(1
2) b=$LINENO
echo $b
declare c=(1
2) d=$LINENO; echo $d
>/dev/null echo $LINENO \
  >&2
2>&1 \
  echo two $LINENO
--- stdout
1 1
5
8
two 11
--- stderr
9

### pipelines and and-or lists over lines
echo p1 $LINENO |
  cat
echo p2 $LINENO |
  sed s/p/q/ |
  cat
true &&
  echo a $LINENO ||
  echo b $LINENO
echo c $LINENO; echo d \
  $LINENO
--- stdout
p1 1
q2 3
a 7
c 9
d 9

### a command whose here-document is pending takes the line after the bodies
cat <<EOF; echo $LINENO
h $LINENO
EOF
cat <<EOF; echo after \
$LINENO
i $LINENO
EOF
cat <<A; cat <<B; echo two
a $LINENO
A
b $LINENO
B
echo $LINENO
--- stdout
h 1
1
i 4
after 4
a 8
b 8
two
13

### [[ ]] and (( )) over lines take the line of their end
[[ -n ${a=$LINENO} &&
  -n x
]]; echo $a
(( b=LINENO,
  1 )); echo $b
[[ -n ${c=$LINENO} ]] \
  && echo $c
--- stdout
3
5
6

### for, select and case heads
for i in $LINENO \
  $LINENO; do echo for $i; done
for \
  j in $LINENO; do echo for2 $j; done
case ${z=$LINENO}"
" in *) echo case $z $LINENO;; esac
case \
 ${y=$LINENO} in *) echo case2 $y;; esac
for ((k=LINENO;
  k<LINENO+5; k++)); do echo for3 $k; break; done
--- stdout
for 1
for 1
for2 4
case 6 6
case2 8
for3 9

### errors of a multi-line command name its line
nosuch "a
b"
nosuch2 \
  x
echo a \
  > /nonexistent/x
echo $?
--- stdout
1
--- stderr
vbash: line 2: nosuch: command not found
vbash: line 4: nosuch2: command not found
vbash: line 5: /nonexistent/x: No such file or directory

### in a function
f() {
  echo f $LINENO \
    $LINENO
  echo "g
" $LINENO
  nosuch "
"
  [[ -n ${v=$LINENO} &&
  x ]]; echo v $v
}
f
--- stdout
f 2 2
g
 5
v 9
--- stderr
environment: line 7: nosuch: command not found

### LINENO in a multi-line $( )
echo $LINENO
x=$(
echo "a $LINENO"
echo "b $LINENO"
)
echo "$x"
echo $LINENO
--- stdout
1
a 5
b 6
7

### LINENO in a multi-line backquote
y=`
echo "a $LINENO"
echo "b $LINENO"
`
echo "$y"
echo `echo $LINENO
echo $LINENO` $LINENO
--- stdout
a 5
b 6
7 8 7

### errors on the later lines of $( ) and backquotes
x=$(
true
nosuchcmd
)
y=`
true
nosuchcmd2
`
a=$( (( 1/0 ))
echo $LINENO
)
echo "$a"
x=$(echo a
echo $LINENO; echo ${undefined?oops}
)
echo "$x $LINENO"
--- stdout
12
a
16 16
--- stderr
vbash: line 5: nosuchcmd: command not found
vbash: line 10: nosuchcmd2: command not found
vbash: line 11: ((: 1/0 : division by 0 (error token is "0 ")
vbash: line 16: undefined: oops

### LINENO in $( ) counts bash's reformatted text
x=$(for i in 1; do echo $LINENO; done)
echo "$x"
x=$(
  for i in 1 2; do
    echo "$i $LINENO"
  done
)
echo "$x"
x=$(
if true; then echo $LINENO
fi
)
echo "$x"
x=$( { echo $LINENO; }
echo $LINENO )
echo "$x"
--- stdout
3
1 9
2 9
13
15
16

### LINENO in $( ) in a function and in double quotes
f() {
  local v=$(
    echo $LINENO
  )
  echo "$v $LINENO"
}
f
echo "$(
echo $LINENO
echo $LINENO)" $LINENO
--- stdout
4 5
10
11 10

### LINENO in $( ) after a here-document and a background job
x=$(cat <<E
a $LINENO
E
echo $LINENO
)
echo "$x"
x=$(echo a &
wait
echo $LINENO)
echo "$x"
--- stdout
a 5
9
a
10

### LINENO in command substitutions of a here-document
cat <<EOF2
$(
echo $LINENO
)
`echo $LINENO`
EOF2
echo $LINENO
--- stdout
2
1
7
