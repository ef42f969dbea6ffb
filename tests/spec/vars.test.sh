# Variables and special parameters.
### simple var
a=1; echo $a
--- stdout
1

### braces
a=x; echo ${a}y
--- stdout
xy

### unset var empty
echo "[$nope]"
--- stdout
[]

### positional params
set -- a b c
echo $1 $2 $3 $#
--- stdout
a b c 3

### positional ten
set -- 1 2 3 4 5 6 7 8 9 10 11
echo ${10} ${11} $10
--- stdout
10 11 10

### dollar at quoted
set -- "a b" c
for x in "$@"; do echo "<$x>"; done
--- stdout
<a b>
<c>

### dollar star quoted
set -- "a b" c
for x in "$*"; do echo "<$x>"; done
--- stdout
<a b c>

### dollar star with IFS
set -- a b c
IFS=,
echo "$*"
--- stdout
a,b,c

### dollar at unquoted splits
set -- "a b" c
for x in $@; do echo "<$x>"; done
--- stdout
<a>
<b>
<c>

### dollar hash zero
echo $#
--- stdout
0

### dollar zero
echo $0
--- stdout
vbash

### dollar question
false; echo $?; true; echo $?
--- stdout
1
0

### dollar dollar numeric
case $$ in *[!0-9]*) echo bad;; *) echo ok;; esac
--- stdout
ok

### dollar bang after background
true &
case $! in [0-9]*) echo ok;; esac
wait
--- stdout
ok

### underscore last arg
echo a b c
echo $_
--- stdout
a b c
c

### unset
x=1; unset x; echo "[${x-unset}]"
--- stdout
[unset]

### readonly
readonly r=1
r=2
echo $r
--- stdout
1
--- stderr
vbash: line 2: r: readonly variable

### readonly status
readonly r=1
r=2 || echo failed
--- stderr
vbash: line 2: r: readonly variable
--- status 1

### export to child
export V=exported
bash -c 'echo $V'
--- stdout
exported

### not exported to child
V=local
bash -c 'echo "[$V]"'
--- stdout
[]

### prefix assignment to child
V=temp bash -c 'echo $V'
echo "[$V]"
--- stdout
temp
[]

### local in function
x=global
f() { local x=inner; echo $x; }
f; echo $x
--- stdout
inner
global

### local dynamic scope
f() { echo $y; }
g() { local y=fromg; f; }
g
--- stdout
fromg

### integer attribute
declare -i n=2+3
echo $n
n+=4
echo $n
--- stdout
5
9

### lowercase attribute
declare -l s=HeLLo
echo $s
--- stdout
hello

### uppercase attribute
declare -u s=hello
echo $s
--- stdout
HELLO

### nameref
a=1
declare -n r=a
r=5
echo $a
--- stdout
5

### nameref read
target=value
declare -n ref=target
echo $ref
--- stdout
value

### append scalar
s=ab; s+=cd; echo $s
--- stdout
abcd

### RANDOM is a number
r=$RANDOM
case $r in ''|*[!0-9]*) echo bad;; *) echo ok;; esac
--- stdout
ok

### RANDOM seeded repeats
RANDOM=7; a=$RANDOM; RANDOM=7; b=$RANDOM
[ $a = $b ] && echo same
--- stdout
same

### LINENO
echo $LINENO
echo $LINENO
--- stdout
1
2

### FUNCNAME
f() { echo $FUNCNAME ${FUNCNAME[@]}; }
f
--- stdout
f f

### nested FUNCNAME
f() { g; }
g() { echo ${FUNCNAME[@]}; }
f
--- stdout
g f

### SHLVL and BASH_VERSION set
[ -n "$BASH_VERSION" ] && echo ok
--- stdout
ok

### HOME set
[ -n "$HOME" ] && echo ok
--- stdout
ok

### default PATH
echo $PATH
--- stdout
/usr/local/bin:/usr/bin:/bin

### declare -p scalar
x=1; declare -p x
--- stdout
declare -- x="1"

### declare -p array
declare -a a=(1 "b c"); declare -p a
--- stdout
declare -a a=([0]="1" [1]="b c")

### declare -p export
export E=1; declare -p E
--- stdout
declare -x E="1"

### declare -p integer
declare -i n=5; declare -p n
--- stdout
declare -i n="5"

### declare -p missing
declare -p nope
--- stderr
vbash: line 1: declare: nope: not found
--- status 1

### unset function via unset -f
f() { echo f; }
unset -f f
f
--- stderr
vbash: line 3: f: command not found
--- status 127

### dollar dash contains h
case $- in *h*) echo ok;; esac
--- stdout
ok

### OPTIND initial
echo $OPTIND
--- stdout
1

### PWD HOME equal at start
[ "$PWD" = "$HOME" ] && echo yes
--- stdout
yes

### UID numeric
case $UID in ''|*[!0-9]*) echo bad;; *) echo ok;; esac
--- stdout
ok

### assignment is not word split
x="a   b"; y=$x; echo "$y"
--- stdout
a   b

### assignment tilde
x=~; [ "$x" = "$HOME" ] && echo ok
--- stdout
ok

### var with digits and underscore
_a1=ok; echo $_a1
--- stdout
ok

### invalid name as command
1x=3
--- stderr
vbash: line 1: 1x=3: command not found
--- status 127
