# The shell's own builtins.
### type builtin
type echo cd
--- stdout
echo is a shell builtin
cd is a shell builtin

### type -t
type -t echo; type -t if; type -t ls
--- stdout
builtin
keyword
file

### type file
type ls
--- stdout
ls is /usr/bin/ls

### command -v
command -v cd; command -v ls
--- stdout
cd
/usr/bin/ls

### command bypasses function
echo() { printf 'func\n'; }; command echo real
--- stdout
real

### builtin bypasses function
cd() { echo func; }; builtin cd /tmp; echo ${PWD}
--- stdout
/tmp

### eval
eval 'x=5; echo $x'
--- stdout
5

### eval with args
eval echo '$((1+1))'
--- stdout
2

### read basic
read a b <<< "one two three"; echo "$a|$b"
--- stdout
one|two three

### read REPLY
read <<< "line"; echo $REPLY
--- stdout
line

### read -r backslash
read -r x <<< 'a\b'; echo "$x"
--- stdout
a\b

### read without -r
read x <<< 'a\b'; echo "$x"
--- stdout
ab

### read status at eof
read x < /dev/null; echo $?
--- stdout
1

### read -d
read -d , x <<< "a,b"; echo $x
--- stdout
a

### read -n
read -n 2 x <<< "abcdef"; echo $x
--- stdout
ab

### read IFS
IFS=: read a b c <<< "1:2:3"; echo $a $b $c
--- stdout
1 2 3

### read from pipe in loop
printf 'a b\nc d\n' | while read x y; do echo $y$x; done
--- stdout
ba
dc

### read leading spaces trimmed
read x <<< "   spaced   "; echo "[$x]"
--- stdout
[spaced]

### read -a
read -a arr <<< "1 2 3"; echo ${arr[1]}
--- stdout
2

### getopts
set -- -a -b val c; while getopts ab: o; do echo "$o ${OPTARG-}"; done; echo $OPTIND
--- stdout
a 
b val
4

### getopts invalid option
set -- -z; getopts a o; echo "$o"
--- stdout
?
--- stderr
vbash: illegal option -- z

### getopts silent
set -- -z; getopts :a o; echo "$o $OPTARG"
--- stdout
? z

### getopts missing arg
set -- -b; getopts :b: o; echo "$o $OPTARG"
--- stdout
: b

### shift
set -- a b c; shift; echo $@; shift 2; echo $#
--- stdout
b c
0

### local outside function
local x=1
--- stderr
vbash: line 1: local: can only be used in a function
--- status 1

### declare global from function
f() { declare -g G=global; }; f; echo $G
--- stdout
global

### export -n
export E=1; export -n E; bash -c 'echo "[$E]"'
--- stdout
[]

### export -p contains
export ZZ=1; export -p | grep ZZ
--- stdout
declare -x ZZ="1"

### readonly -p contains
readonly RO=1; readonly -p | grep RO
--- stdout
declare -r RO="1"

### unset -v
x=1; unset -v x; echo "[${x-u}]"
--- stdout
[u]

### alias listing
alias ll='ls -l'; alias
--- stdout
alias ll='ls -l'

### unalias
alias x=y; unalias x; alias

### unalias missing
unalias nope
--- stderr
vbash: line 1: unalias: nope: not found
--- status 1

### umask
umask 027; umask
--- stdout
0027

### umask symbolic
umask 022; umask -S
--- stdout
u=rwx,g=rx,o=rx

### umask set symbolic
umask u=rwx,g=rx,o=; umask
--- stdout
0027

### pushd popd
mkdir -p d1 d2; pushd d1 >/dev/null; pushd ../d2 >/dev/null; echo ${PWD##*/}; popd >/dev/null; echo ${PWD##*/}
--- stdout
d2
d1

### dirs
cd /tmp; dirs
--- stdout
/tmp

### hash
hash ls; echo $?
--- stdout
0

### enable listing has cd
enable | grep -w cd
--- stdout
enable cd

### times runs
times >/dev/null; echo $?
--- stdout
0

### wait no jobs
wait; echo $?
--- stdout
0

### background and wait
(echo bg) & wait
--- stdout
bg

### wait for pid status
(exit 5) & wait $!; echo $?
--- stdout
5

### wait -n
(exit 3) & wait -n; echo $?
--- stdout
3

### caller outside function
caller; echo $?
--- stdout
1

### let multiple
let 'a=2' 'b=a*3'; echo $b
--- stdout
6

### compgen builtins
compgen -b | grep -x cd
--- stdout
cd

### compgen variables
MYVAR_A=1; MYVAR_B=2; compgen -v MYVAR_
--- stdout
MYVAR_A
MYVAR_B

### compgen functions
myf1() { :; }; myf2() { :; }; compgen -A function myf
--- stdout
myf1
myf2

### compgen wordlist
compgen -W 'apple banana avocado' a
--- stdout
apple
avocado

### mapfile -s -n
printf '1\n2\n3\n4\n' | { mapfile -t -s 1 -n 2 a; echo ${a[@]}; }
--- stdout
2 3

### source with return
printf 'echo one\nreturn 4\necho two\n' > s.sh; source ./s.sh; echo $?
--- stdout
one
4

### exec in subshell
(exec echo replaced; echo not); echo after
--- stdout
replaced
after

### bash -c
bash -c 'echo $0 $1' name arg
--- stdout
name arg

### bash script file
echo 'echo from file $1' > sc.sh; bash sc.sh x
--- stdout
from file x

### sh -c
sh -c 'exit 7'; echo $?
--- stdout
7

### set positional via set
set a b c; echo $2
--- stdout
b

### help exit status
help cd >/dev/null; echo $?
--- stdout
0

### true false
true; echo $?; false; echo $?
--- stdout
0
1

### pwd -P with symlink
mkdir real; ln -s real link; cd link; pwd -P | sed 's|.*/||'; echo ${PWD##*/}
--- stdout
real
link

### cd -P
mkdir real; ln -s real link; cd -P link; echo ${PWD##*/}
--- stdout
real

### cd dotdot logical
mkdir -p a/b; ln -s a/b lb; cd lb; cd ..; [ "$PWD" = "$HOME" ] && echo logical
--- stdout
logical

### CDPATH
mkdir -p base/target; CDPATH=base; cd target > /dev/null; echo ${PWD##*/}
--- stdout
target

### OLDPWD set
mkdir x; cd x; echo ${OLDPWD##*/} | grep -c .
--- stdout
1

### while read preserves backslash with -r
printf '%s\n' 'a\b' | while read -r l; do echo "$l"; done
--- stdout
a\b

### read multiple lines
printf 'l1\nl2\n' | { read a; read b; echo $b $a; }
--- stdout
l2 l1

### printf %q
printf '%q\n' 'a b'
--- stdout
a\ b

### type -a
type -a true
--- stdout
true is a shell builtin
true is /usr/bin/true
true is /bin/true

### compgen -d
mkdir -p zd1 zd2; touch zf; compgen -d z
--- stdout
zd1
zd2

### set -v
set -v
echo a
x=1; echo $x
--- stdout
a
1
--- stderr
echo a
x=1; echo $x

### printf -v element
printf -v 'arr[2]' '%s' val; echo ${arr[2]}
--- stdout
val

### printf -v assoc
declare -A m; printf -v 'm[k]' 'v%d' 1; echo ${m[k]}
--- stdout
v1

### read into element
read 'a[3]' <<< "three"; echo ${a[3]}
--- stdout
three

### read -t times out on a pipe
{ sleep 0.3; echo late; } | { read -t 0.05 x; echo "rc=$? [$x]"; read y; echo "then $y"; }
--- stdout
rc=142 []
then late

### command -v builtin
command -v echo; command -v cd
--- stdout
echo
cd

### command -v function and missing
f() { :; }; command -v f; command -v nosuch; echo $?
--- stdout
f
1

### command -V
command -V true
--- stdout
true is a shell builtin

### command bypasses function
echo() { builtin echo fn; }; command echo real
--- stdout
real

### type -t kinds
f() { :; }; type -t f echo if cat nosuch; echo $?
--- stdout
function
builtin
keyword
file
1

### type -a
type -a true
--- stdout
true is a shell builtin
true is /usr/bin/true
true is /bin/true

### type -p
type -p cat; type -p cd; echo $?
--- stdout
/usr/bin/cat
0

### type function body
f() { echo hi; }; type f
--- stdout
f is a function
f () 
{ 
    echo hi
}

### hash missing command
hash nosuchcmd; echo $?
--- stdout
1
--- stderr
vbash: line 1: hash: nosuchcmd: not found

### enable -n disables builtin
enable -n echo; type -t echo; enable echo; type -t echo
--- stdout
file
builtin

### enable list contains
enable | grep -c 'enable echo'
--- stdout
1

### builtin unknown
builtin nosuch; echo $?
--- stdout
1
--- stderr
vbash: line 1: builtin: nosuch: not a shell builtin

### history non interactive
history; echo $?
--- stdout
0

### default PATH when unset
unset PATH; cat /dev/null && echo found
--- stderr
vbash: line 1: cat: No such file or directory
--- status 127

### uname default
uname -s
--- stdout
Linux

### enable -n listing
enable -n echo; enable -n; enable -a | grep -c 'enable -n echo'
--- stdout
enable -n echo
1

### enable not a builtin
enable nosuchbuiltin; echo $?
--- stdout
1
--- stderr
vbash: line 1: enable: nosuchbuiltin: not a shell builtin

### hash remembers commands
hash; cat /dev/null; ls / >/dev/null; cat /dev/null; hash; hash -t cat; hash -l
--- stdout
hash: hash table empty
hits	command
   1	/usr/bin/ls
   2	/usr/bin/cat
/usr/bin/cat
builtin hash -p /usr/bin/ls ls
builtin hash -p /usr/bin/cat cat

### hash -d and -r
cat /dev/null; hash -d cat; hash; hash -d cat; echo $?; ls / > /dev/null; hash -r; hash
--- stdout
hash: hash table empty
1
hash: hash table empty
--- stderr
vbash: line 1: hash: cat: not found

### hash explicit names
hash cat; hash | tail -1; hash -t cat ls; hash ls; hash -t cat ls; hash nosuch; echo $?
--- stdout
   0	/usr/bin/cat
cat	/usr/bin/cat
cat	/usr/bin/cat
ls	/usr/bin/ls
1
--- stderr
vbash: line 1: hash: ls: not found
vbash: line 1: hash: nosuch: not found

### hash -p sets a path
hash -p /bin/x y; hash -t y; hash -l
--- stdout
/bin/x
builtin hash -p /bin/x y

### hash in subshell sees table
cat /dev/null; ( hash -t cat )
--- stdout
/usr/bin/cat
