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

### source pushes a frame: FUNCNAME, BASH_SOURCE, BASH_LINENO and caller
cat > s1.sh <<'EOF'
echo "in s1: FN=${FUNCNAME[*]}/${#FUNCNAME[@]} SRC=${BASH_SOURCE[*]}/${#BASH_SOURCE[@]} LN=${BASH_LINENO[*]}"
caller; echo "c=$?"
caller 0; echo "c0=$?"
g() { echo "g: FN=${FUNCNAME[*]} SRC=${BASH_SOURCE[*]} LN=${BASH_LINENO[*]}"; caller 0; caller 1; caller 2; echo "c2=$?"; }
g
return 3
echo notreached
EOF
echo "top SRC=${BASH_SOURCE[*]}/${#BASH_SOURCE[@]} LN=${BASH_LINENO[*]}/${#BASH_LINENO[@]}"
source ./s1.sh
echo "st=$?"
f() {
  echo "f: FN=${FUNCNAME[*]} SRC=${BASH_SOURCE[*]}/${#BASH_SOURCE[@]} LN=${BASH_LINENO[*]}"
  . ./s1.sh a b
  echo "f st=$?"
}
f
echo "after: FN=${FUNCNAME[*]}-${#FUNCNAME[@]} SRC=${BASH_SOURCE[*]}"
g
--- stdout
top SRC=/0 LN=/0
in s1: FN=/0 SRC=./s1.sh/1 LN=11
11 NULL
c=0
c0=1
g: FN=g source SRC=./s1.sh ./s1.sh LN=5 11
5 source ./s1.sh
c2=1
st=3
f: FN=f SRC=environment/1 LN=18
in s1: FN=source f/2 SRC=./s1.sh environment/2 LN=15 18
15 environment
c=0
15 f environment
c0=0
g: FN=g source f SRC=./s1.sh ./s1.sh environment LN=5 15 18
5 source ./s1.sh
15 f environment
c2=1
f st=3
after: FN=-0 SRC=
g: FN=g SRC=./s1.sh LN=20
c2=1

### source frames in a script run by bash
cat > s1.sh <<'EOF'
echo "in s1: FN=${FUNCNAME[*]}/${#FUNCNAME[@]} SRC=${BASH_SOURCE[*]}/${#BASH_SOURCE[@]} LN=${BASH_LINENO[*]}"
caller; echo "c=$?"
caller 0; echo "c0=$?"
g() { echo "g: FN=${FUNCNAME[*]} SRC=${BASH_SOURCE[*]} LN=${BASH_LINENO[*]}"; caller 0; caller 1; caller 2; echo "c2=$?"; }
g
return 3
EOF
cat > t1.sh <<'EOF'
echo "top SRC=${BASH_SOURCE[*]}/${#BASH_SOURCE[@]} LN=${BASH_LINENO[*]}/${#BASH_LINENO[@]}"
source ./s1.sh
echo "st=$?"
f() {
  echo "f: FN=${FUNCNAME[*]} SRC=${BASH_SOURCE[*]}/${#BASH_SOURCE[@]} LN=${BASH_LINENO[*]}"
  . ./s1.sh a b
  echo "f st=$?"
}
f
g
EOF
bash t1.sh
--- stdout
top SRC=t1.sh/1 LN=0/1
in s1: FN=/0 SRC=./s1.sh t1.sh/2 LN=2 0
2 t1.sh
c=0
2 main t1.sh
c0=0
g: FN=g source main SRC=./s1.sh ./s1.sh t1.sh LN=5 2 0
5 source ./s1.sh
2 main t1.sh
c2=1
st=3
f: FN=f main SRC=t1.sh t1.sh/2 LN=9 0
in s1: FN=source f main/3 SRC=./s1.sh t1.sh t1.sh/3 LN=6 9 0
6 t1.sh
c=0
6 f t1.sh
c0=0
g: FN=g source f main SRC=./s1.sh ./s1.sh t1.sh t1.sh LN=5 6 9 0
5 source ./s1.sh
6 f t1.sh
9 main t1.sh
c2=0
f st=3
g: FN=g main SRC=./s1.sh t1.sh LN=10 0
10 main t1.sh
c2=1

### nested sources and the files of functions defined in them
cat > a.sh <<'EOF'
echo "a: SRC=${BASH_SOURCE[*]} LN=${BASH_LINENO[*]}"
source ./b.sh
af() { echo "af: FN=${FUNCNAME[*]} SRC=${BASH_SOURCE[*]} LN=${BASH_LINENO[*]}"; }
EOF
cat > b.sh <<'EOF'

echo "b: SRC=${BASH_SOURCE[*]} LN=${BASH_LINENO[*]}"
bf() { echo "bf: FN=${FUNCNAME[*]} SRC=${BASH_SOURCE[*]} LN=${BASH_LINENO[*]}"; af; }
EOF
source a.sh
bf
h() { source a.sh; bf; }
h
shopt -s extdebug
declare -F af bf h
--- stdout
a: SRC=a.sh LN=11
b: SRC=./b.sh a.sh LN=2 11
bf: FN=bf SRC=./b.sh LN=12
af: FN=af bf SRC=a.sh ./b.sh LN=3 12
a: SRC=a.sh environment LN=13 14
b: SRC=./b.sh a.sh environment LN=2 13 14
bf: FN=bf h SRC=./b.sh environment LN=13 14
af: FN=af bf h SRC=a.sh ./b.sh environment LN=3 13 14
af 3 a.sh
bf 3 ./b.sh
h 13 environment

### error messages in a sourced file name it
cat > e.sh <<'EOF'
echo x
nosuchcmd
f() { nosuch2; }
f
EOF
source e.sh
f
h() { source e.sh; }
h
--- stdout
x
x
--- stderr
e.sh: line 2: nosuchcmd: command not found
e.sh: line 3: nosuch2: command not found
e.sh: line 3: nosuch2: command not found
e.sh: line 2: nosuchcmd: command not found
e.sh: line 3: nosuch2: command not found
--- status 127

### functions of bash -c text: BASH_SOURCE environment, caller
f(){ echo "[${BASH_SOURCE[*]}] ${#BASH_SOURCE[@]} [${BASH_LINENO[*]}]"; caller 0; echo "c0=$?"; caller; }
f
echo "[${BASH_SOURCE[*]}] ${#BASH_SOURCE[@]} [${BASH_LINENO[*]}] ${#BASH_LINENO[@]}"
g(){ f; }
g
nosuch() { nosuchcmd; }
nosuch
--- stdout
[environment] 1 [2]
c0=1
2 NULL
[] 0 [] 0
[environment environment] 2 [4 5]
4 g environment
c0=0
4 environment
--- stderr
environment: line 6: nosuchcmd: command not found
--- status 127

### BASH_ARGV and BASH_ARGC with source under extdebug
printf 'echo "v: ARGV=${BASH_ARGV[*]} ARGC=${BASH_ARGC[*]} pos=$*"\n' > v.sh
shopt -s extdebug
echo "top: ARGV=${BASH_ARGV[*]} ARGC=${BASH_ARGC[*]}"
source v.sh p q
f() { source v.sh r s t; }
f a b
--- stdout
top: ARGV= ARGC=0
v: ARGV=q p ARGC=2 0 pos=p q
v: ARGV=t s r b a ARGC=3 2 0 pos=r s t
