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
