# set and shopt options.
### set -e exits
set -e; false; echo no
--- status 1

### set -e in && list
set -e; false && true; echo survives
--- stdout
survives

### set -e in if condition
set -e; if false; then :; fi; echo survives
--- stdout
survives

### set -e in or list
set -e; false || true; echo survives
--- stdout
survives

### set -e negated
set -e; ! true; echo survives
--- stdout
survives

### set -e in function
set -e; f() { false; echo in-f; }; f; echo after
--- status 1

### set -e function in condition
set -e; f() { false; echo in-f; }; if f; then echo t; fi
--- stdout
in-f
t

### set -e in while condition
set -e; while false; do :; done; echo ok
--- stdout
ok

### set -e subshell
set -e; (false); echo no
--- status 1

### set -e command substitution assignment
set -e; x=$(false); echo no
--- status 1

### set +e
set -e; set +e; false; echo yes
--- stdout
yes

### set -u
set -u; x=1; echo $x; echo $nope
--- stdout
1
--- stderr
vbash: line 1: nope: unbound variable
--- status 127

### set -u default ok
set -u; echo ${nope:-ok}
--- stdout
ok

### set -u at ok
set -u; echo "$@" done
--- stdout
done

### set -x
set -x; echo traced; x=1
--- stdout
traced
--- stderr
+ echo traced
+ x=1

### set -x quoted
set -x; echo "a b" ''
--- stdout
a b 
--- stderr
+ echo 'a b' ''

### set -f
touch a1; set -f; echo a*
--- stdout
a*

### set -o noglob
touch a1; set -o noglob; echo a*; set +o noglob; echo a*
--- stdout
a*
a1

### set -o pipefail listing
set -o pipefail; set -o | grep pipefail
--- stdout
pipefail       	on

### set -o listing default
set -o | head -5
--- stdout
allexport      	off
braceexpand    	on
emacs          	off
errexit        	off
errtrace       	off

### set +o listing
set +o | head -3
--- stdout
set +o allexport
set -o braceexpand
set +o emacs

### set positional
set -- x y z; echo $# $2
--- stdout
3 y

### set dash dash empty
set -- a; set --; echo $#
--- stdout
0

### dollar dash with e
set -e; case $- in *e*) echo has-e;; esac
--- stdout
has-e

### set -a allexport
set -a; V=exp; bash -c 'echo $V'
--- stdout
exp

### shopt listing one
shopt extglob
--- stdout
extglob        	off
--- status 1

### shopt -s extglob
shopt -s extglob; touch ab.c abd.c; echo @(ab|abd).c
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch ab.c abd.c; echo @(ab|abd).c'
--- status 2

### shopt nullglob
shopt -s nullglob; echo nomatch*; echo end
--- stdout

end

### shopt failglob
shopt -s failglob; echo nomatch*; echo $?
--- stderr
vbash: line 1: no match: nomatch*
--- status 1

### shopt dotglob
touch .hid vis; shopt -s dotglob; echo *
--- stdout
.hid vis

### shopt nocaseglob
touch ABC; shopt -s nocaseglob; echo abc*
--- stdout
ABC

### shopt globstar
mkdir -p a/b; touch a/b/c.txt a/d.txt; shopt -s globstar; echo **/*.txt
--- stdout
a/b/c.txt a/d.txt

### shopt -p
shopt -p nullglob
--- stdout
shopt -u nullglob
--- status 1

### shopt -q
shopt -q extglob; echo $?
--- stdout
1

### shopt invalid
shopt -s nosuchopt
--- stderr
vbash: line 1: shopt: nosuchopt: invalid shell option name
--- status 1

### nocasematch
shopt -s nocasematch; [[ ABC == abc ]] && echo match; case X in x) echo case;; esac
--- stdout
match
case

### set -C
set -C; echo 1 > f; echo 2 > f 2>/dev/null; cat f
--- stdout
1
--- stderr
vbash: line 1: f: cannot overwrite existing file

### set -n no execution
set -n; echo hidden

### set invalid option
set -Z
--- stderr
vbash: line 1: set: -Z: invalid option
set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]
--- status 2

### set -o invalid
set -o nosuch
--- stderr
vbash: line 1: set: nosuch: invalid option name
--- status 2

### set -e with pipeline
set -e; false | true; echo survives
--- stdout
survives

### inherit errexit off in command substitution
set -e; x=$(false; echo inside); echo "$x"
--- stdout
inside

### expand_aliases
shopt -s expand_aliases
alias hi='echo aliased'
hi
--- stdout
aliased

### alias not expanded by default
alias hi='echo aliased'
hi 2>/dev/null || echo no-alias
--- stdout
no-alias

### set -e with function return nonzero in if
set -e; f() { return 1; }; if f; then echo t; else echo f; fi; echo end
--- stdout
f
end

### set -e in subshell of ||
set -e; (false; echo inner) || echo caught
--- stdout
inner

### set -e last command of && list
set -e; true && false; echo not
--- status 1

### errexit in command substitution inherit off
set -e; echo "$(false; echo ran)"
--- stdout
ran

### xtrace of arithmetic command
set -x; i=0; (( i++ )); ((i+=2)); echo $i
--- stdout
3
--- stderr
+ i=0
+ ((  i++  ))
+ (( i+=2 ))
+ echo 3

### xtrace of conditional command
set -x; x="a b"; [[ $x == "a b" ]]; [[ -n $x && $x != c* ]]; [[ ! -f nofile ]]
--- stderr
+ x='a b'
+ [[ a b == \a\ \b ]]
+ [[ -n a b ]]
+ [[ a b != c* ]]
+ [[ ! -f nofile ]]

### xtrace of arithmetic for
set -x; for ((i=0; i<2; i++)); do :; done
--- stderr
+ (( i=0 ))
+ (( i<2 ))
+ :
+ (( i++ ))
+ (( i<2 ))
+ :
+ (( i++ ))
+ (( i<2 ))

### xtrace of empty arithmetic for parts
set -x; for (( ; ; )); do break; done
--- stderr
+ (( 1 ))
+ (( 1 ))
+ break

### xtrace conditional or short circuit
set -x; [[ a == a || b == c ]]; [[ a == b || -z "" ]]
--- stderr
+ [[ a == a ]]
+ [[ a == b ]]
+ [[ -z '' ]]

### xtrace word test
set -x; v=1; [[ $v ]]
--- stderr
+ v=1
+ [[ -n 1 ]]

### set -o listing
set -o | head -5
--- stdout
allexport      	off
braceexpand    	on
emacs          	off
errexit        	off
errtrace       	off

### set +o listing
set +o | head -3
--- stdout
set +o allexport
set -o braceexpand
set +o emacs

### SHELLOPTS lists on options
set -e; set -o pipefail; echo $SHELLOPTS
--- stdout
braceexpand:errexit:hashall:interactive-comments:pipefail

### test -o option
set -o noglob; [[ -o noglob ]] && echo on; test -o pipefail || echo off
--- stdout
on
off

### set -o unknown
set -o nosuchopt; echo $?
--- stdout
2
--- stderr
vbash: line 1: set: nosuchopt: invalid option name

### set -- resets args
set -- a b c; set --; echo $#
--- stdout
0

### set -- with dash args
set -- -x -y; echo "$1 $2 $#"
--- stdout
-x -y 2

### shift errors
set -- a; shift 2; echo $?; shift x; echo $?
--- stdout
1
1
--- stderr
vbash: line 1: shift: x: numeric argument required

### shift negative
set -- a b; shift -1; echo $?
--- stdout
1
--- stderr
vbash: line 1: shift: -1: shift count out of range

### shift verbose
shopt -s shift_verbose; set -- a; shift 3; echo $?
--- stdout
1
--- stderr
vbash: line 1: shift: 3: shift count out of range

### shopt -p
shopt -p extglob nullglob
--- stdout
shopt -u extglob
shopt -u nullglob
--- status 1

### shopt invalid
shopt -s nosuch; echo $?
--- stdout
1
--- stderr
vbash: line 1: shopt: nosuch: invalid shell option name

### set -u with default
set -u; echo "${nope:-dflt}"
--- stdout
dflt

### set -u positional
set -u; echo "$1"; echo after
--- stderr
vbash: line 1: $1: unbound variable
--- status 127

### set -n does not run
set -n; echo never

### set -v echoes input
set -v; echo verbose
--- stdout
verbose
