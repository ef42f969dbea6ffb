# scope: spec cases recorded from bash 5.2
### local hides global
x=g; f() { local x=l; echo $x; }; f; echo $x
--- stdout
l
g

### dynamic scope sees caller local
f() { local v=fromf; g; }; g() { echo $v; }; f
--- stdout
fromf

### dynamic scope modifies caller local
f() { local v=1; g; echo $v; }; g() { v=2; }; f; echo "[${v-unset}]"
--- stdout
2
[unset]

### local without value is unset
x=g; f() { local x; echo "[${x-unset}]"; }; f
--- stdout
[unset]

### local with inherit shopt
shopt -s localvar_inherit; x=g; f() { local x; echo "[${x-unset}]"; }; f
--- stdout
[g]

### unset local reveals global
x=g; f() { local x=l; unset x; echo "[${x-unset}]"; }; f
--- stdout
[unset]

### local outside function
local x=1; echo $?
--- stdout
1
--- stderr
vbash: line 1: local: can only be used in a function

### local -
f() { local -; set -e; echo in $-; }; f; echo out $-
--- stdout
in ehBc
out hBc

### local - restores noglob
f() { local -; set -f; }; f; echo $- | grep -c f
--- stdout
0
--- status 1

### local array
f() { local -a arr=(1 2 3); echo ${#arr[@]}; }; f; echo "[${arr[@]}]"
--- stdout
3
[]

### local assoc
f() { local -A m=([a]=1); echo ${m[a]}; }; f
--- stdout
1

### nameref basic
x=1; declare -n r=x; r=2; echo $x
--- stdout
2

### nameref to unset var creates
declare -n r=newv; r=val; echo $newv
--- stdout
val

### nameref function arg
set_it() { local -n ref=$1; ref=changed; }; v=orig; set_it v; echo $v
--- stdout
changed

### nameref to array
arr=(a b); f() { local -n ra=$1; ra+=(c); echo ${#ra[@]}; }; f arr; echo ${arr[@]}
--- stdout
3
a b c

### nameref unset -n
x=1; declare -n r=x; unset -n r; echo "[${r-unset}] $x"
--- stdout
[unset] 1

### nameref unset target
x=1; declare -n r=x; unset r; echo "[${x-unset}]"
--- stdout
[unset]

### nameref self
declare -n r=r; echo $?
--- stdout
1
--- stderr
vbash: line 1: declare: r: nameref variable self references not allowed

### nameref invalid name
declare -n r='1bad'; echo $?
--- stdout
1
--- stderr
vbash: line 1: declare: `1bad': invalid variable name for name reference

### nameref in loop for
a=1 b=2; for n in a b; do declare -n ref=$n; echo $ref; done
--- stdout
1
2

### readonly in function global
f() { readonly RG=1; }; f; RG=2; echo $?
--- stderr
vbash: line 1: RG: readonly variable
--- status 1

### readonly error message
readonly c=1; c=2; echo after $?
--- stderr
vbash: line 1: c: readonly variable
--- status 1

### readonly unset error
readonly c=1; unset c; echo $?
--- stdout
1
--- stderr
vbash: line 1: unset: c: cannot unset: readonly variable

### readonly local
f() { local -r lr=1; lr=2; echo $?; }; f
--- stderr
environment: line 1: lr: readonly variable
--- status 1

### declare -g inside nested
f() { local x=l; g; echo $x; }; g() { declare -g x=global; }; f; echo $x
--- stdout
l
global

### local in subshell does not leak
f() { local x=1; ( x=2 ); echo $x; }; f
--- stdout
1

### temp env assignment visible in function
f() { echo $T; }; T=tmp f; echo "[${T-unset}]"
--- stdout
tmp
[unset]

### temp assignment to special builtin persists
T=tmp :; echo "[${T-unset}]"
--- stdout
[unset]

### posix mode temp assignment
set -o posix; T=tmp :; echo "[${T-unset}]"
--- stdout
[tmp]

### FUNCNAME stack
f() { g; }; g() { echo ${FUNCNAME[@]}; }; f
--- stdout
g f

### FUNCNAME in main
echo "[${FUNCNAME[@]}]"
--- stdout
[]

### local shadows then returns
x=1; f() { local x=2; g; }; g() { echo $x; x=3; }; f; echo $x
--- stdout
2
1

### local -i
f() { local -i n=2*3; echo $n; }; f
--- stdout
6

### unset -v function name
f() { :; }; f=1; unset -v f; type -t f
--- stdout
function

### unset -f
f() { :; }; unset -f f; type -t f; echo $?
--- stdout
1

### local var in recursive function
f() { local n=$1; if (( n > 0 )); then f $((n-1)); fi; echo $n; }; f 3
--- stdout
0
1
2
3

### for loop over nameref
declare -n r; for r in x y; do :; done; declare -p r
--- stdout
declare -n r="y"

### for loop nameref with target
x=1; declare -n q=x; for q in a b; do :; done; declare -p q; echo $x
--- stdout
declare -n q="b"
1

### nameref circular
declare -n a=b; declare -n b=a; a=1; echo $?
--- stderr
vbash: line 1: warning: a: circular name reference
--- status 1

### nameref chain of three
x=end; declare -n c=x; declare -n b2=c; declare -n a2=b2; a2=new; echo $x
--- stdout
new
