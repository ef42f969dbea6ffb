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

### unset in a called function removes the caller's local
x=global
f() { local x=f; g; echo "f after g: ${x-unset}"; }
g() { unset x; echo "g after unset: ${x-unset}"; x=g2; }
f; echo "top: $x"
--- stdout
g after unset: global
f after g: g2
top: g2

### unset in the declaring function keeps the local unset
x=global
h() { local x=h; unset x; echo "h: ${x-unset}"; x=h2; }
h; echo "top: $x"
--- stdout
h: unset
top: global

### declare after unset of a local
k() { local x=k; unset x; declare -p x; local x; declare -p x; x=1; declare -p x; }
x=g; k; echo $x
--- stdout
declare -- x
declare -- x
declare -- x="1"
g

### unset twice from a called function reaches the global
m() { local y=1; n; echo "m: ${y-unset}"; }
n() { unset y; echo "n1: ${y-unset}"; unset y; echo "n2: ${y-unset}"; }
y=top; m; echo "top y: ${y-unset}"
--- stdout
n1: top
n2: unset
m: unset
top y: unset

### localvar_unset keeps the caller's local declared
shopt -s localvar_unset
x=global
f() { local x=f; g; echo "f after g: ${x-unset}"; }
g() { unset x; echo "g after unset: ${x-unset}"; x=g2; }
f; echo "top: $x"
shopt localvar_unset
--- stdout
g after unset: unset
f after g: g2
top: global
localvar_unset 	on

### unset -v of a local then assignment
p() { local z=p; unset -v z; declare -p z; z=again; }
z=gz; p; echo $z
--- stdout
declare -- z
gz

### unset from a grandchild function
a() { local v=a; b; echo "a: ${v-unset}"; }
b() { c; echo "b: ${v-unset}"; }
c() { unset v; echo "c: ${v-unset}"; unset v; echo "c2: ${v-unset}"; }
v=gv; a; echo "top: ${v-unset}"
--- stdout
c: gv
c2: unset
b: unset
a: unset
top: unset

### attributes go with the removed local
d() { local -i n=5; e; declare -p n; }
e() { unset n; n=3+4; }
d
--- stdout
declare -- n="3+4"

### an array local removed by a callee
s() { local arr=(1 2); t; declare -p arr; }
t() { unset arr; arr[3]=x; }
s; declare -p arr
--- stdout
declare -a arr=([3]="x")
declare -a arr=([3]="x")

### local in a callee then unset there
x=global
f() { local x=f; g; echo "f: ${x-unset}"; }
g() { local x=g; unset x; echo "g: ${x-unset}"; unset x; echo "g2: ${x-unset}"; }
f; echo "top: $x"
--- stdout
g: unset
g2: unset
f: f
top: global
