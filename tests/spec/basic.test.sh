# Basic commands, lists, statuses.
### echo words
echo hello world
--- stdout
hello world

### echo empty
echo
--- stdout


### semicolon list
echo a; echo b; echo c
--- stdout
a
b
c

### and list
true && echo yes
--- stdout
yes

### and list false
false && echo yes
echo $?
--- stdout
1

### or list
false || echo fallback
--- stdout
fallback

### or list true
true || echo no
echo $?
--- stdout
0

### and or chain
false && echo a || echo b
--- stdout
b

### status of false
false
echo $?
--- stdout
1

### status of true
true
echo $?
--- stdout
0

### exit status
exit 3
--- status 3

### exit default status
false
exit
--- status 1

### command not found
nosuchcmd
echo $?
--- stdout
127
--- stderr
vbash: line 1: nosuchcmd: command not found

### command not found with args
nosuchcmd a b
--- stderr
vbash: line 1: nosuchcmd: command not found
--- status 127

### not found then continue
nosuchcmd 2>/dev/null
echo after $?
--- stdout
after 127

### path not found
./nothere
--- stderr
vbash: line 1: ./nothere: No such file or directory
--- status 127

### negation
! false
echo $?
--- stdout
0

### negation of true
! true
echo $?
--- stdout
1

### comments
echo a # comment
# full line
echo b
--- stdout
a
b

### line continuation
echo a \
b
--- stdout
a b

### multiple lines
echo one
echo two
echo three
--- stdout
one
two
three

### exit in middle
echo before
exit 5
echo after
--- stdout
before
--- status 5

### colon builtin
:
echo $?
--- stdout
0

### variable assignment
x=hello
echo $x
--- stdout
hello

### assignment with spaces quoted
x="a b  c"
echo "$x"
--- stdout
a b  c

### assignment empty
x=
echo "[$x]"
--- stdout
[]

### cmd prefix assignment not kept
x=1 true
echo "[$x]"
--- stdout
[]

### dollar question after not found
nope 2>/dev/null; echo $?
--- stdout
127

### pipeline status last
false | true
echo $?
--- stdout
0

### pipeline status fail last
true | false
echo $?
--- stdout
1

### pwd is PWD
[ "$(pwd)" = "$PWD" ] && echo same
--- stdout
same

### cd and pwd
mkdir d
cd d
echo ${PWD##*/}
--- stdout
d

### cd nonexistent
cd /nonexistent
echo $?
--- stdout
1
--- stderr
vbash: line 1: cd: /nonexistent: No such file or directory

### cd to file
touch f
cd f
--- stderr
vbash: line 2: cd: f: Not a directory
--- status 1

### cd dash
mkdir a b
cd a
cd ../b
cd - >/dev/null
echo ${PWD##*/} ${OLDPWD##*/}
--- stdout
a b

### cd home
cd /tmp
cd
[ "$PWD" = "$HOME" ] && echo home
--- stdout
home

### semicolon after background-free
echo x;
--- stdout
x

### true false builtins chain
true; false; true
echo $?
--- stdout
0

### long pipeline
echo abc | cat | cat | cat | wc -c
--- stdout
4

### exit 256 wraps
exit 256

### exit negative
exit -1
--- status 255

### exit bad arg
exit foo
--- stderr
vbash: line 1: exit: foo: numeric argument required
--- status 2

### exit too many
exit 1 2
echo still $?
--- stderr
vbash: line 1: exit: too many arguments
--- status 1

### set -x assignment and subst
set -x; x=$(echo v); echo "$x"
--- stdout
v
--- stderr
++ echo v
+ x=v
+ echo v

### PS4 custom
PS4='>> '; set -x; true
--- stderr
>> true

### time keyword
TIMEFORMAT=$'real %0R\nuser %0U'
time true 2>/dev/null; echo ok
--- stdout
ok
--- stderr
real 0
user 0

### DEBUG trap
trap 'echo dbg' DEBUG; true; false
--- stdout
dbg
dbg
--- status 1

### printf -v
printf -v out '%05d' 42; echo $out
--- stdout
00042

### read -p no tty
read -p 'prompt: ' x <<< "val"; echo $x
--- stdout
val

### case with newline patterns
case x in
  a) echo a ;;
  x)
    echo x
    ;;
esac
--- stdout
x

### string compare in test
[ "abc" \< "abd" ] && echo less
--- stdout
less

### array append in loop
a=(); for i in 1 2 3; do a+=($i); done; echo ${a[@]} ${#a[@]}
--- stdout
1 2 3 3

### assoc iteration count
declare -A h; h[x]=1; h[y]=2; echo ${#h[@]}
--- stdout
2

### command substitution with case
x=$(case a in a) echo A;; esac); echo $x
--- stdout
A

### heredoc with tab strip and expansion
x=1
cat <<-E
	v=$x
	E
--- stdout
v=1

### exit trap and exit status
trap 'echo trap $?' EXIT; (exit 3); exit
--- stdout
trap 3
--- status 3

### string ops chain
s="Hello, World"; t=${s,,}; echo ${t// /_}
--- stdout
hello,_world

### IFS read with backslash
printf 'a\\ b c\n' | { read x y; echo "[$x] [$y]"; }
--- stdout
[a b] [c]

### eval with quotes
eval "x='a b'"; echo "$x"
--- stdout
a b

### brace expansion combos
echo {a,b}{1,2}
--- stdout
a1 a2 b1 b2

### brace in middle of path
echo /usr/{bin,lib}/x
--- stdout
/usr/bin/x /usr/lib/x

### unset array element then count
a=(a b c); unset a[0]; echo ${#a[@]} ${!a[@]}
--- stdout
2 1 2

### arithmetic assignment chains
(( a = b = 3 )); echo $a $b
--- stdout
3 3

### ternary nested assign
x=5; (( y = x > 3 ? 10 : 20 )); echo $y
--- stdout
10

### while read with IFS comma
printf 'a,b\nc,d\n' | while IFS=, read p q; do echo "$q$p"; done
--- stdout
ba
dc

### test numeric errors
[ a -eq 1 ]; echo $?
--- stdout
2
--- stderr
vbash: line 1: [: a: integer expression expected

### getopts loop full
set -- -x -y foo bar; while getopts xy: o; do case $o in x) echo X;; y) echo Y=$OPTARG;; esac; done; shift $((OPTIND-1)); echo rest=$*
--- stdout
X
Y=foo
rest=bar

### tr via pipeline
echo hello | tr a-z A-Z
--- stdout
HELLO

### substring negative length
s=abcdef; echo ${s:1:-2}
--- stdout
bcd

### dollar star empty IFS
set -- a b; IFS=; echo "$*"
--- stdout
ab

### pipeline exit status with !
! false | false; echo $?
--- stdout
0

### for loop with semicolon newline
for i in a b
do
  echo $i
done
--- stdout
a
b

### until with arithmetic
i=0; until (( i >= 2 )); do echo $i; ((i++)); done
--- stdout
0
1

### nested quotes in command substitution
echo "$(echo "$(echo "a   b")")"
--- stdout
a   b

### unset readonly var
readonly q=1; unset q; echo $?
--- stdout
1
--- stderr
vbash: line 1: unset: q: cannot unset: readonly variable

### array with spaces in quotes and unquoted expansion
a=("x y" z); echo ${#a[@]}; b=(${a[@]}); echo ${#b[@]}
--- stdout
2
3

### multiline string var
x="line1
line2"; echo "$x" | wc -l
--- stdout
2

### command subst trailing newline in middle
x=$(printf 'a\n\nb\n\n'); echo "$x" | wc -l
--- stdout
3

### here string with spaces
cat <<< "  spaced  "
--- stdout
  spaced  

### arithmetic with leading zero var
x=010; echo $((x))
--- stdout
8

### base 16 printf
printf '%x\n' 255
--- stdout
ff
