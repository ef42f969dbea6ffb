# Parameter, brace, tilde, command substitution, word splitting.
### default value
echo ${x:-def} ${x-def2}
--- stdout
def def2

### default with empty
x=; echo "[${x:-def}]" "[${x-def}]"
--- stdout
[def] []

### assign default
echo ${y:=assigned}; echo $y
--- stdout
assigned
assigned

### alternate
x=1; echo "[${x:+alt}]" "[${nope:+alt}]"
--- stdout
[alt] []

### error if unset
echo ${nope:?is missing}
echo not reached
--- stderr
vbash: line 1: nope: is missing
--- status 127

### error default message
echo ${nope?}
--- stderr
vbash: line 1: nope: parameter not set
--- status 127

### length
x=hello; echo ${#x}
--- stdout
5

### length of array
a=(1 2 3); echo ${#a[@]}
--- stdout
3

### trim prefix
p=/a/b/c.txt; echo ${p#*/} ${p##*/}
--- stdout
a/b/c.txt c.txt

### trim suffix
p=/a/b/c.tar.gz; echo ${p%.*} ${p%%.*}
--- stdout
/a/b/c.tar /a/b/c

### replace first
s=aaa; echo ${s/a/b}
--- stdout
baa

### replace all
s=aaa; echo ${s//a/b}
--- stdout
bbb

### replace prefix suffix
s=abcabc; echo ${s/#abc/X} ${s/%abc/Y}
--- stdout
Xabc abcY

### replace with empty
s=a-b-c; echo ${s//-/}
--- stdout
abc

### replace ampersand
s=abc; echo ${s/b/[&]}
--- stdout
a[b]c

### uppercase
s=hello; echo ${s^} ${s^^}
--- stdout
Hello HELLO

### lowercase
s=HELLO; echo ${s,} ${s,,}
--- stdout
hELLO hello

### substring
s=abcdef; echo ${s:2} ${s:2:3} ${s: -2} ${s:1:-1}
--- stdout
cdef cde ef bcde

### substring out of range
s=abc; echo "[${s:5}]"
--- stdout
[]

### indirect
a=b; b=final; echo ${!a}
--- stdout
final

### prefix names
aa1=1; aa2=2; echo ${!aa*}
--- stdout
aa1 aa2

### array keys
a=(x y z); echo ${!a[@]}
--- stdout
0 1 2

### transform Q
s="it's"; echo ${s@Q}
--- stdout
'it'\''s'

### transform U L
s=mixed; echo ${s@U} ${s@u}
--- stdout
MIXED Mixed

### transform a
declare -i n=1; echo ${n@a}
--- stdout
i

### transform E
s='a\tb'; echo "${s@E}"
--- stdout
a	b

### brace list
echo {a,b,c}
--- stdout
a b c

### brace prefix suffix
echo x{a,b}y
--- stdout
xay xby

### brace sequence
echo {1..5}
--- stdout
1 2 3 4 5

### brace sequence step
echo {1..10..3}
--- stdout
1 4 7 10

### brace reverse
echo {5..1}
--- stdout
5 4 3 2 1

### brace letters
echo {a..e}
--- stdout
a b c d e

### brace zero pad
echo {01..10}
--- stdout
01 02 03 04 05 06 07 08 09 10

### brace nested
echo {a,b{1,2}}
--- stdout
a b1 b2

### brace no comma literal
echo {a} {}
--- stdout
{a} {}

### brace with variable not expanded first
x=1; echo {$x,2}
--- stdout
1 2

### tilde
[ ~ = "$HOME" ] && echo ok
--- stdout
ok

### tilde slash
[ ~/x = "$HOME/x" ] && echo ok
--- stdout
ok

### tilde unknown user
echo ~nosuchuser
--- stdout
~nosuchuser

### command substitution
echo $(echo hi)
--- stdout
hi

### command substitution strips newlines
x=$(printf 'a\n\n\n'); echo "[$x]"
--- stdout
[a]

### nested command substitution
echo $(echo $(echo deep))
--- stdout
deep

### backticks
echo `echo back`
--- stdout
back

### command substitution status
x=$(false); echo $?
--- stdout
1

### command substitution isolated
x=1; y=$(x=2; echo $x); echo $x $y
--- stdout
1 2

### word splitting
x="a b   c"; for w in $x; do echo "<$w>"; done
--- stdout
<a>
<b>
<c>

### word splitting custom IFS
IFS=:; x="a:b::c"; for w in $x; do echo "<$w>"; done
--- stdout
<a>
<b>
<>
<c>

### IFS whitespace and colon
IFS=' :'; x="a : b"; for w in $x; do echo "<$w>"; done
--- stdout
<a>
<b>

### empty IFS no split
IFS=; x="a b"; for w in $x; do echo "<$w>"; done
--- stdout
<a b>

### quoted no split
x="a b"; for w in "$x"; do echo "<$w>"; done
--- stdout
<a b>

### split leading trailing
x="  a  "; set -- $x; echo $#
--- stdout
1

### arithmetic expansion
echo $((1+2*3))
--- stdout
7

### arithmetic with vars
a=4; echo $((a*a)) $(($a+1))
--- stdout
16 5

### process substitution
cat <(echo from-procsub)
--- stdout
from-procsub

### process substitution diff style
while read l; do echo "got $l"; done < <(printf 'a\nb\n')
--- stdout
got a
got b

### star in double quotes
set -- a b; echo "[$*]" "[$@]"
--- stdout
[a b] [a b]

### at with prefix suffix
set -- a b; for x in "x$@y"; do echo "<$x>"; done
--- stdout
<xa>
<by>

### empty at
set --; for x in "$@"; do echo "<$x>"; done; echo done
--- stdout
done

### unset var in arithmetic
echo $((nope + 1))
--- stdout
1

### nested default
echo ${a:-${b:-deep}}
--- stdout
deep

### quoted default
echo "${x:-"a  b"}"
--- stdout
a  b

### length unicode
s=héllo; echo ${#s}
--- stdout
5

### substring of positional
set -- a b c d; echo ${@:2} ${@:2:2}
--- stdout
b c d b c

### array slice
a=(a b c d e); echo ${a[@]:1:3}
--- stdout
b c d

### array element default
a=(); echo ${a[0]:-empty}
--- stdout
empty

### pattern with quotes literal
s='a*b'; echo ${s#'a*'}
--- stdout
b

### case modification of array
a=(ab cd); echo ${a[@]^^}
--- stdout
AB CD

### replace in array
a=(aa ba); echo ${a[@]/a/x}
--- stdout
xa bx

### empty at in middle
set --; x=("a$@b"); echo ${#x[@]} "${x[0]}"
--- stdout
1 ab

### at with one empty arg
set -- ""; for a in "$@"; do echo "[$a]"; done
--- stdout
[]

### star unquoted empty IFS
set -- "a b" c; IFS=; for x in $*; do echo "[$x]"; done
--- stdout
[a b]
[c]

### IFS unset behaves default
unset IFS; x="a  b"; set -- $x; echo $#
--- stdout
2

### IFS non-whitespace trailing
IFS=:; x="a:b:"; set -- $x; echo $#
--- stdout
2

### IFS leading delimiter
IFS=:; x=":a"; set -- $x; echo $# "[$1]"
--- stdout
2 []

### split from command substitution
set -- $(printf 'a b\nc'); echo $#
--- stdout
3

### glob from expansion result
touch q1 q2; x='q*'; set -- $x; echo $#
--- stdout
2

### set -f disables expansion result globbing
touch q1 q2; set -f; x='q*'; set -- $x; echo $1
--- stdout
q*

### tilde in assignment after colon
PATHX=~/a:~/b; [ "$PATHX" = "$HOME/a:$HOME/b" ] && echo ok
--- stdout
ok

### tilde not expanded in quotes
x="~"; echo $x
--- stdout
~

### default with command substitution
echo ${nope:-$(echo computed)}
--- stdout
computed

### assign default in arithmetic context
echo $(( ${n:=4} * 2 )) $n
--- stdout
8 4

### indirect all
arr=(p q); name='arr[@]'; echo ${!name}
--- stdout
p q

### length of positional
set -- a bb ccc; echo ${#1} ${#2} ${#3}
--- stdout
1 2 3

### trim with star in var
f=file.tar.gz; ext=.gz; echo ${f%$ext}
--- stdout
file.tar

### pattern with bracket
s=a1b2; echo ${s//[0-9]/#}
--- stdout
a#b#

### replace anchored with pattern
s=foobar; echo ${s/#f*o/X}
--- stdout
Xbar

### case conversion with pattern
s=hello; echo ${s^^[lo]}
--- stdout
heLLO

### substring of unicode
s=héllo; echo ${s:1:2}
--- stdout
él

### nested arithmetic and command subst
echo $(( $(echo 3) + $(echo 4) ))
--- stdout
7

### arithmetic comparison chains
echo $(( 1 < 2 < 3 ))
--- stdout
1

### brace expansion does not apply to quoted
echo "{a,b}" '{1..3}'
--- stdout
{a,b} {1..3}

### brace with empty element
echo x{,y}
--- stdout
x xy

### brace sequence with step negative
echo {10..1..3}
--- stdout
10 7 4 1

### brace char range reverse
echo {e..a}
--- stdout
e d c b a

### invalid brace sequence literal
echo {1..a}
--- stdout
{1..a}

### return value of assignment with cmdsub
x=$(exit 3); echo $?
--- stdout
3

### exit in cmdsub
y=$(exit 4; echo no); echo "$? [$y]"
--- stdout
4 []

### command substitution with trailing spaces
x=$(echo "a  "); echo "[$x]"
--- stdout
[a  ]

### dollar single quote escapes
echo $'\'quoted\'' $'back\\slash'
--- stdout
'quoted' back\slash

### unicode escape
echo $'\u00e9'
--- stdout
é

### concatenated expansions
a=x; b=y; echo $a$b${a}_$b
--- stdout
xyx_y

### string comparison in (( ))
a=abc; (( a == 0 )) && echo zero
--- stdout
zero
