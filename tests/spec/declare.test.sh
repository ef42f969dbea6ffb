# declare: spec cases recorded from bash 5.2
### declare -p scalar
x=hello; declare -p x
--- stdout
declare -- x="hello"

### declare -p integer
declare -i n=5; declare -p n
--- stdout
declare -i n="5"

### declare -p integer evaluates
declare -i n; n=2+3; echo $n; declare -p n
--- stdout
5
declare -i n="5"

### declare -p exported
export E=1; declare -p E
--- stdout
declare -x E="1"

### declare -p readonly
readonly R=v; declare -p R
--- stdout
declare -r R="v"

### declare -p indexed array
a=(x y "z w"); declare -p a
--- stdout
declare -a a=([0]="x" [1]="y" [2]="z w")

### declare -p sparse array
a=([3]=c [7]=d); declare -p a
--- stdout
declare -a a=([3]="c" [7]="d")

### declare -p assoc
declare -A m=([k]=v); declare -p m
--- stdout
declare -A m=([k]="v" )

### declare -p lower upper
declare -l lo=ABC; declare -u up=abc; declare -p lo up
--- stdout
declare -l lo="abc"
declare -u up="ABC"

### declare -p nameref
x=1; declare -n r=x; declare -p r
--- stdout
declare -n r="x"

### declare -p capitalize
declare -c c=hello; echo $c; declare -p c
--- stdout
Hello
declare -c c="Hello"

### declare -p trace
declare -t t=1; declare -p t
--- stdout
declare -t t="1"

### declare -p combined attributes
declare -rxi z=3; declare -p z
--- stdout
declare -irx z="3"

### declare -p unset declared
declare u; declare -p u
--- stdout
declare -- u

### declare -p declared array empty
declare -a e; declare -p e
--- stdout
declare -a e

### declare -p missing
declare -p nosuch; echo $?
--- stdout
1
--- stderr
vbash: line 1: declare: nosuch: not found

### declare -p special chars quoting
x='a"b$c`d\e'; declare -p x
--- stdout
declare -- x="a\"b\$c\`d\\e"

### declare -p newline value
x=$'a\nb'; declare -p x
--- stdout
declare -- x=$'a\nb'

### declare -p array special values
a=('$x' "a'b" ''); declare -p a
--- stdout
declare -a a=([0]="\$x" [1]="a'b" [2]="")

### declare -f prints function
f() { echo hi; }; declare -f f
--- stdout
f () 
{ 
    echo hi
}

### declare -F lists names
f() { :; }; g() { :; }; declare -F
--- stdout
declare -f f
declare -f g

### declare -f with here-doc
f() { cat <<EOT
hello $1
EOT
}; declare -f f
--- stdout
f () 
{ 
    cat <<EOT
hello $1
EOT

}

### declare -f with quoted here-doc
f() { cat <<'EOT'
raw $x
EOT
echo done; }; declare -f f
--- stdout
f () 
{ 
    cat <<'EOT'
raw $x
EOT

    echo done
}

### declare -f missing
declare -f nope; echo $?
--- stdout
1

### declare +x removes export
export Q=1; declare +x Q; declare -p Q
--- stdout
declare -- Q="1"

### declare -g from function
f() { declare -g G=inside; }; f; echo $G
--- stdout
inside

### declare in function is local
f() { declare L=1; }; f; echo "[${L-unset}]"
--- stdout
[unset]

### declare -i with non-number
declare -i n=abc; echo $n
--- stdout
0

### declare -i append
declare -i n=3; n+=4; echo $n
--- stdout
7

### declare -a convert scalar
x=s; declare -a x; declare -p x
--- stdout
declare -a x=([0]="s")

### declare -A then index
declare -A h; h[one]=1; h[two]=2; echo ${h[one]} ${h[two]}; echo ${#h[@]}
--- stdout
1 2
2

### declare -r assign error
declare -r ro=1; ro=2; echo $?
--- stderr
vbash: line 1: ro: readonly variable
--- status 1

### declare -r redeclare error
readonly ro=1; declare ro=2; echo $?
--- stdout
1
--- stderr
vbash: line 1: declare: ro: readonly variable

### declare -x shows in env
declare -x DX=val; env | grep '^DX='
--- stdout
DX=val

### declare -p multiple
a=1 b=2; declare -p a b
--- stdout
declare -- a="1"
declare -- b="2"

### declare -u converts on assign
declare -u u; u=mixed; echo $u; u+=more; echo $u
--- stdout
MIXED
MIXEDMORE

### declare invalid name
declare 1x=3; echo $?
--- stdout
1
--- stderr
vbash: line 1: declare: `1x=3': not a valid identifier

### declare -A on indexed error
a=(1); declare -A a; echo $?
--- stdout
1
--- stderr
vbash: line 1: declare: a: cannot convert indexed to associative array

### typeset is declare
typeset -i t=1+1; echo $t
--- stdout
2

### declare -n to array element
a=(x y); declare -n r='a[1]'; echo $r; r=z; echo ${a[@]}
--- stdout
y
x z

### export -p contains var
export EXPV=1; export -p | grep EXPV
--- stdout
declare -x EXPV="1"

### readonly -p contains var
readonly RO1=x; readonly -p | grep RO1
--- stdout
declare -r RO1="x"

### declare -p with -i and -a
declare -ai ia=(1+1 2*3); declare -p ia
--- stdout
declare -ai ia=([0]="2" [1]="6")

### declare -l on array
declare -la la=(AB Cd); declare -p la
--- stdout
declare -al la=([0]="ab" [1]="cd")

### local -p in function
f() { local a=1 b; local -p; }; f
--- stdout
declare -- a="1"
declare -- b

### declare -p lists dynamic variables without a value until they are read
declare -p | grep -E '^declare -[-a-zA-Z]+ (BASHPID|BASH_SUBSHELL|EPOCHREALTIME|EPOCHSECONDS|FUNCNAME|LINENO|RANDOM|SECONDS|SRANDOM|BASH_ALIASES|BASH_CMDS|BASH_VERSINFO|BASH_VERSION|HOSTTYPE|IFS|MACHTYPE|OPTERR|OSTYPE|PATH|PS4|SHLVL)(=|$)'
--- stdout
declare -i BASHPID
declare -A BASH_ALIASES=()
declare -A BASH_CMDS=()
declare -- BASH_SUBSHELL
declare -ar BASH_VERSINFO=([0]="5" [1]="2" [2]="15" [3]="1" [4]="release" [5]="x86_64-pc-linux-gnu")
declare -- BASH_VERSION="5.2.15(1)-release"
declare -- EPOCHREALTIME
declare -- EPOCHSECONDS
declare -a FUNCNAME
declare -- HOSTTYPE="x86_64"
declare -- IFS=$' \t\n'
declare -- LINENO
declare -- MACHTYPE="x86_64-pc-linux-gnu"
declare -- OPTERR="1"
declare -- OSTYPE="linux-gnu"
declare -x PATH="/usr/local/bin:/usr/bin:/bin"
declare -- PS4="+ "
declare -i RANDOM
declare -- SECONDS
declare -x SHLVL="1"
declare -i SRANDOM

### declare -p of dynamic variables once read
: "$RANDOM $SRANDOM $SECONDS $BASHPID $LINENO $BASH_SUBSHELL $EPOCHSECONDS"
declare -p | grep -E '^declare -[-a-z]+ (BASHPID|BASH_SUBSHELL|EPOCHSECONDS|LINENO|RANDOM|SECONDS|SRANDOM)=' | sed 's/=.*/=/'
--- stdout
declare -i BASHPID=
declare -- BASH_SUBSHELL=
declare -- EPOCHSECONDS=
declare -- LINENO=
declare -i RANDOM=
declare -i SECONDS=
declare -i SRANDOM=

### declare -p of dynamic variables by name
declare -p FUNCNAME LINENO BASH_SUBSHELL PIPESTATUS BASH_LINENO
declare -p RANDOM SECONDS SRANDOM BASHPID | sed 's/=.*/=/'
--- stdout
declare -a FUNCNAME
declare -- LINENO="1"
declare -- BASH_SUBSHELL="0"
declare -a BASH_LINENO=()
declare -i RANDOM=
declare -i SECONDS=
declare -i SRANDOM=
declare -i BASHPID=
--- stderr
vbash: line 1: declare: PIPESTATUS: not found

### declare -p lists FUNCNAME inside functions
f() { declare -p | grep -E '^declare -a FUNCNAME'; declare -p FUNCNAME; }
f
g() { f; }
g
--- stdout
declare -a FUNCNAME=([0]="f")
declare -a FUNCNAME=([0]="f")
declare -a FUNCNAME=([0]="f" [1]="g")
declare -a FUNCNAME=([0]="f" [1]="g")

### set and declare leave out variables declared without a value
declare x; declare -i y; declare -a z; declare -A w; v=1
declare | grep -E '^(v|w|x|y|z)(=|$)'
echo ---
set | grep -E '^(v|w|x|y|z)(=|$)'
echo ---
declare -p v w x y z
f() { local q; local r=2; local; echo ---; local -p; }
f
--- stdout
v=1
---
v=1
---
declare -- v="1"
declare -A w
declare -- x
declare -i y
declare -a z
declare -- q
declare -- r="2"
---
declare -- q
declare -- r="2"

### set lists the shell's arrays and the read dynamic variables
true | true
set | grep -E '^(BASH_ALIASES|BASH_CMDS|PIPESTATUS|LINENO|FUNCNAME|BASH_VERSINFO)='
: $LINENO
set | grep -E '^(LINENO)='
--- stdout
BASH_ALIASES=()
BASH_CMDS=()
BASH_VERSINFO=([0]="5" [1]="2" [2]="15" [3]="1" [4]="release" [5]="x86_64-pc-linux-gnu")
PIPESTATUS=([0]="0" [1]="0")
LINENO=3

### SHELLOPTS and BASHOPTS
declare -p SHELLOPTS BASHOPTS
set -e
shopt -s extglob
declare -p SHELLOPTS BASHOPTS
readonly -p | grep -E 'OPTS|VERSINFO'
shopt globskipdots
--- stdout
declare -r SHELLOPTS="braceexpand:hashall:interactive-comments"
declare -r BASHOPTS="checkwinsize:cmdhist:complete_fullquote:extquote:force_fignore:globasciiranges:globskipdots:hostcomplete:interactive_comments:patsub_replacement:progcomp:promptvars:sourcepath"
declare -r SHELLOPTS="braceexpand:errexit:hashall:interactive-comments"
declare -r BASHOPTS="checkwinsize:cmdhist:complete_fullquote:extglob:extquote:force_fignore:globasciiranges:globskipdots:hostcomplete:interactive_comments:patsub_replacement:progcomp:promptvars:sourcepath"
declare -r BASHOPTS="checkwinsize:cmdhist:complete_fullquote:extglob:extquote:force_fignore:globasciiranges:globskipdots:hostcomplete:interactive_comments:patsub_replacement:progcomp:promptvars:sourcepath"
declare -ar BASH_VERSINFO=([0]="5" [1]="2" [2]="15" [3]="1" [4]="release" [5]="x86_64-pc-linux-gnu")
declare -r SHELLOPTS="braceexpand:errexit:hashall:interactive-comments"
globskipdots   	on

### declare -F and -pF print the function's attributes
g() { :; }
declare -ft g; declare -pF g
declare -fx g; declare -pF g
declare -F; declare -pF
h() { :; }
readonly -f h
declare -pF h; declare -F h
declare +ft g; declare -F
--- stdout
declare -ft g
declare -ftx g
declare -ftx g
declare -ftx g
declare -fr h
h
declare -ftx g
declare -fr h
