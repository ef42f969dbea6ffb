# source / . and eval: set -x nesting, return from a sourced file, positional
# parameters, [[ ]] parse errors in each context (eval, source, bash -c,
# bash FILE, $( ), functions).

### set -x: eval and source trace one level deeper
printf 'y=2\n' > x.sh
set -x
eval "y=1"
source x.sh
f() { . ./x.sh; eval "z=1"; }
f
eval 'eval "w=1"'
x=$(source x.sh; echo hi)
set +x
--- stderr
+ eval y=1
++ y=1
+ source x.sh
++ y=2
+ f
+ . ./x.sh
++ y=2
+ eval z=1
++ z=1
+ eval 'eval "w=1"'
++ eval w=1
+++ w=1
++ source x.sh
+++ y=2
++ echo hi
+ x=hi
+ set +x

### set -x: nested sources
printf 'a=1\nsource ./b.sh\n' > a.sh
printf 'b=1\n' > b.sh
set -x
source ./a.sh
set +x
--- stderr
+ source ./a.sh
++ a=1
++ source ./b.sh
+++ b=1
+ set +x

### set -x: trap actions are a level deeper, but EXIT
set -x
trap 'q=1' EXIT
eval 'trap "r=1" ERR'
false
true
--- stderr
+ trap q=1 EXIT
+ eval 'trap "r=1" ERR'
++ trap r=1 ERR
+ false
++ r=1
+ true
+ q=1

### return from a sourced file inside a function
printf 'echo r1\nif true; then return 4; fi\necho r2\n' > r.sh
f() { source r.sh; echo "in f $?"; return 7; }
f; echo "f=$?"
. ./r.sh; echo "top=$?"
--- stdout
r1
in f 4
f=7
r1
top=4

### return without a value from a sourced file
printf 'false\nreturn\n' > r.sh
source r.sh; echo "st=$?"
--- stdout
st=1

### return in a function defined in a sourced file
printf 'f() { return 3; echo no; }\nf\necho "after f $?"\nreturn 5\n' > r.sh
source r.sh; echo "st=$?"
--- stdout
after f 3
st=5

### source with arguments sets and restores the positional parameters
printf 'echo "in: $# $*"\nshift\n' > p.sh
set -- a b c
source p.sh x y
echo "after: $# $*"
source p.sh
echo "after2: $# $*"
--- stdout
in: 2 x y
after: 3 a b c
in: 3 a b c
after2: 2 b c

### set in a sourced file keeps its positional parameters
printf 'echo "in: $# $*"\nset -- changed\n' > p.sh
set -- a b c
source p.sh x y
echo "after: $# $*"
printf 'f() { set -- inner; }\nf\n' > p.sh
source p.sh x
echo "after2: $# $*"
g() { source p.sh m; echo "g: $*"; }
g x
echo "after3: $*"
--- stdout
in: 2 x y
after: 1 changed
after2: 1 changed
g: x
after3: changed

### nested sources and their statuses
printf 'echo in a\nsource ./b.sh\necho "a sees $?"\nreturn 3\n' > a.sh
printf 'echo in b\nreturn 2\n' > b.sh
source ./a.sh; echo "st=$?"
--- stdout
in a
in b
a sees 2
st=3

### [[ ]] parse errors in eval: a missing term
false; eval '[[ ]]'; echo "e1:$?"
--- stdout
e1:2

### [[ ]] parse errors in eval: a missing operand
eval '[[ a == ]]'; echo "e2:$?"
--- stdout
e2:2
--- stderr
vbash: eval: line 1: unexpected argument `]]' to conditional binary operator

### [[ ]] parse errors in eval: a missing operator
true; eval '[[ a b ]]'; echo "e3:$?"
--- stdout
e3:2
--- stderr
vbash: eval: line 1: conditional binary operator expected

### [[ ]] parse errors end a sourced file
printf '[[ a b ]]\necho not here\n' > s.sh
false; source ./s.sh; echo "src:$?"
--- stdout
src:2
--- stderr
./s.sh: line 1: conditional binary operator expected

### [[ ]] parse errors in bash -c and in a script
bash -c '[[ ( a ]]'; echo "bashc:$?"
printf 'echo before\n[[ -f ]]\necho after\n' > s.sh
bash s.sh; echo "bashf:$?"
--- stdout
bashc:0
before
bashf:0
--- stderr
bash: -c: line 1: unexpected token `]]', expected `)'
s.sh: line 2: unexpected argument `]]' to conditional unary operator

### [[ ]] parse errors at the top level end the script
echo a; [[ a == ]]; echo b
echo "st=$?"
--- stderr
vbash: -c: line 1: unexpected argument `]]' to conditional binary operator

### [[ ]] parse errors in eval inside a function
f() { eval 'if [[ ]]; then echo y; fi'; echo "f:$?"; }
f
--- stdout
f:2

### [[ ]] parse errors in eval inside a command substitution
x=$(eval '[[ a && ]]'; echo "in:$?"); echo "x=$x $?"
--- stdout
x=in:2 0

### [[ ]] parse errors in a subshell end the script
( [[ x == ]] ); echo "sub:$?"
--- stderr
vbash: -c: line 1: unexpected argument `]]' to conditional binary operator

### caller: arguments and errors
printf 'f() { caller x; echo $?; caller -1; echo $?; caller -x; echo $?; caller 0 1; echo $?; caller -- 0; echo $?; }\nf\ncaller x; echo "top $?"\n' > cl.sh
bash cl.sh
caller x; echo "c $?"
--- stdout
2
2
2
2 main cl.sh
0
2 main cl.sh
0
top 2
c 1
--- stderr
cl.sh: line 1: caller: x: invalid number
caller: usage: caller [expr]
cl.sh: line 1: caller: -1: invalid option
caller: usage: caller [expr]
cl.sh: line 1: caller: -x: invalid option
caller: usage: caller [expr]
cl.sh: line 3: caller: x: invalid number
caller: usage: caller [expr]

### local - in a sourced file belongs to the function
printf 'local -\nset -u\necho "in: $-"\n' > l.sh
f() { source ./l.sh; echo "f: $-"; }
f
echo "top: $-"
--- stdout
in: huBc
f: huBc
top: hBc
