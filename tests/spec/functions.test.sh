# Functions.
### define and call
f() { echo in f; }
f
--- stdout
in f

### function keyword
function g { echo in g; }
g
--- stdout
in g

### function keyword with parens
function h() { echo in h; }
h
--- stdout
in h

### arguments
f() { echo $# $1 $2; }
f a b
--- stdout
2 a b

### positional restored
set -- outer
f() { echo $1; }
f inner
echo $1
--- stdout
inner
outer

### return value
f() { return 3; }
f; echo $?
--- stdout
3

### return default last status
f() { false; return; }
f; echo $?
--- stdout
1

### implicit status
f() { true; false; }
f; echo $?
--- stdout
1

### recursion
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }
fact 5
--- stdout
120

### local variables
x=1; f() { local x=2; echo $x; }; f; echo $x
--- stdout
2
1

### global modification
x=1; f() { x=2; }; f; echo $x
--- stdout
2

### local without value
f() { local x; echo "[${x-unset}]"; x=3; echo $x; }; f
--- stdout
[unset]
3

### function output captured
f() { echo captured; }; v=$(f); echo "$v"
--- stdout
captured

### function in pipeline
f() { echo piped; }; f | cat
--- stdout
piped

### function redirect on definition
f() { echo redirected; } > out.txt
f; cat out.txt
--- stdout
redirected

### function with here string
f() { cat; }; f <<< "heredoc in"
--- stdout
heredoc in

### redefinition
f() { echo one; }; f() { echo two; }; f
--- stdout
two

### unset function
f() { echo x; }; unset -f f; f 2>/dev/null || echo gone
--- stdout
gone

### FUNCNAME in nested
a() { b; }; b() { echo ${FUNCNAME[0]} ${FUNCNAME[1]}; }; a
--- stdout
b a

### return outside function
return 2>/dev/null; echo $?
--- stdout
2

### deep recursion
f() { if [ $1 -gt 0 ]; then f $(( $1 - 1 )); else echo bottom; fi; }
f 100
--- stdout
bottom

### function and variable same name
f=var; f() { echo func; }; f; echo $f
--- stdout
func
var

### function with local array
f() { local -a arr=(1 2 3); echo ${#arr[@]}; }; f
--- stdout
3

### return in loop in function
f() { for i in 1 2 3; do [ $i = 2 ] && return 7; done; }; f; echo $?
--- stdout
7

### function exit ends shell
f() { exit 9; }; f; echo not reached
--- status 9

### function args with spaces
f() { for a in "$@"; do echo "<$a>"; done; }; f "a b" c
--- stdout
<a b>
<c>

### type of function
f() { :; }; type -t f
--- stdout
function

### declare -F
f() { :; }; g() { :; }; declare -F
--- stdout
declare -f f
declare -f g

### function name with dash
my-func() { echo dash; }; my-func
--- stdout
dash

### caller builtin in function
f() { caller 0 >/dev/null && echo has-caller; }; f
--- status 1

### local shadows then restores
x=g; f() { local x=l; g; }; g() { echo $x; }; f; g
--- stdout
l
g

### FUNCNEST style depth
f() { local n=$1; [ $n -lt 50 ] && f $((n+1)) || echo reached $n; }; f 0
--- stdout
reached 50

### declare -f
f() { echo hi; local x=1; }
declare -f f
--- stdout
f () 
{ 
    echo hi;
    local x=1
}

### type function
f() { echo hi; }
type f
--- stdout
f is a function
f () 
{ 
    echo hi
}

### nested functions definition
outer() { inner() { echo inner; }; inner; }; outer; inner
--- stdout
inner
inner

### local -n
f() { local -n ref=$1; ref=changed; }; v=orig; f v; echo $v
--- stdout
changed

### positional shift in function
f() { shift; echo "$@"; }; f 1 2 3
--- stdout
2 3

### special var dollar hash in function
f() { echo $#; }; f a b c
--- stdout
3

### export function to child
f() { echo exported-fn; }; export -f f; bash -c f
--- stdout
exported-fn

### empty function body via colon
f() { :; }; f; echo $?
--- stdout
0

### readonly function
f() { :; }; readonly -f f; f() { echo x; }
--- stderr
vbash: line 1: f: readonly function
--- status 1

### declare -f
f() { echo hi; local x=1; }
declare -f f
--- stdout
f () 
{ 
    echo hi;
    local x=1
}

### type function
f() { echo hi; }
type f
--- stdout
f is a function
f () 
{ 
    echo hi
}

### deparse if
f() { if [ -n "$1" ]; then echo yes; elif true; then echo mid; else echo no; fi; echo c; }
declare -f f
--- stdout
f () 
{ 
    if [ -n "$1" ]; then
        echo yes;
    else
        if true; then
            echo mid;
        else
            echo no;
        fi;
    fi;
    echo c
}

### deparse loops
f() { for i in 1 2; do echo $i; done; while false; do :; done; for ((i=0;i<2;i++)); do echo; done; }
declare -f f
--- stdout
f () 
{ 
    for i in 1 2;
    do
        echo $i;
    done;
    while false; do
        :;
    done;
    for ((i=0; i<2; i++))
    do
        echo;
    done
}

### deparse case
f() { case $1 in a|b) echo ab;; *) echo other;; esac; }
declare -f f
--- stdout
f () 
{ 
    case $1 in 
        a | b)
            echo ab
        ;;
        *)
            echo other
        ;;
    esac
}

### deparse pipes and lists
f() { echo a | grep a && echo ok || echo no; (cd /; ls) > /dev/null 2>&1; x=1 y=(1 2); [[ -n $x && $x == 1 ]]; (( x++ )); }
declare -f f
--- stdout
f () 
{ 
    echo a | grep a && echo ok || echo no;
    ( cd /;
    ls ) > /dev/null 2>&1;
    x=1 y=(1 2);
    [[ -n $x && $x == 1 ]];
    (( x++ ))
}

### deparse function keyword
function g { echo g; }
declare -f g
--- stdout
g () 
{ 
    echo g
}

### deparse group and background
f() { { echo a; echo b; } >&2; sleep 1 & }
declare -f f
--- stdout
f () 
{ 
    { 
        echo a;
        echo b
    } 1>&2;
    sleep 1 &
}

### declare -f shows a body that is not a { } group inside braces
h1() ( echo a ); h2() ( echo a; echo b ); h3() [[ -n x ]]; h4() if true; then :; fi
h5() for i in 1; do :; done; h6() (( 1 )); h7() while false; do :; done
h8() case x in x) :;; esac; h9() ( echo a ) > /dev/null; h10() { :; } 2>&1; h11() ( ( echo in ) )
declare -f h1 h2 h3 h4 h5 h6 h7 h8 h9 h10 h11
type h1
eval "$(declare -f h2 | sed 's/h2/h2b/')"; h2b
--- stdout
h1 () 
{ 
    ( echo a )
}
h2 () 
{ 
    ( echo a;
    echo b )
}
h3 () 
{ 
    [[ -n x ]]
}
h4 () 
{ 
    if true; then
        :;
    fi
}
h5 () 
{ 
    for i in 1;
    do
        :;
    done
}
h6 () 
{ 
    (( 1 ))
}
h7 () 
{ 
    while false; do
        :;
    done
}
h8 () 
{ 
    case x in 
        x)
            :
        ;;
    esac
}
h9 () 
{ 
    ( echo a ) > /dev/null
}
h10 () 
{ 
    :
} 2>&1
h11 () 
{ 
    ( ( echo in ) )
}
h1 is a function
h1 () 
{ 
    ( echo a )
}
a
b

### declare -f shows $( ) bodies as bash 5.2 reformats them
f() { local out=$(cmd "$a" 2>/dev/null); x=$(echo   a  b|wc -l); y="$(date +%s)"; z=`echo  bq`; w=$( (echo sub) ); v=$(( 1+2 )); u=$(cat <<EOF
doc $x
EOF
); t=$(echo $(echo  in) "$(echo  dq)"); for i in $(seq  3); do :; done; [[ $(echo  a) == "$(echo   b)" ]]; }
declare -f f
--- stdout
f () 
{ 
    local out=$(cmd "$a" 2> /dev/null);
    x=$(echo a b | wc -l);
    y="$(date +%s)";
    z=`echo  bq`;
    w=$( ( echo sub ));
    v=$(( 1+2 ));
    u=$(cat <<EOF
doc $x
EOF
);
    t=$(echo $(echo in) "$(echo dq)");
    for i in $(seq 3);
    do
        :;
    done;
    [[ $(echo a) == "$(echo b)" ]]
}

### declare -f of multi-line $( ) bodies
g() {
  x=$(
    { echo a
    }
  )
  y=$(for i in 1; do echo $i; done)
  z=$(
  if true; then echo t
  fi
  )
  w=$(echo a
  echo b; echo c

  )
  v=$(echo a &
  wait)
}
declare -f g
--- stdout
g () 
{ 
    x=$({ echo a; });
    y=$(for i in 1;
do
    echo $i;
done);
    z=$(if true; then
    echo t;
fi);
    w=$(echo a
echo b; echo c);
    v=$(echo a & wait)
}

### BASH_COMMAND shows the reformatted $( )
trap 'echo "BC: $BASH_COMMAND"' DEBUG; x=$(echo   a|cat); echo "$(echo  b)" >/dev/null
--- stdout
BC: x=$(echo a | cat)
BC: echo "$(echo b)" > /dev/null
