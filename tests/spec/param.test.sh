# Parameter expansion: operators, transformations, indirection.
### unset vs empty with dash
unset u; e=; echo "[${u-d}] [${e-d}] [${u:-d}] [${e:-d}]"
--- stdout
[d] [] [d] [d]

### unset vs empty with plus
unset u; e=; echo "[${u+a}] [${e+a}] [${u:+a}] [${e:+a}]"
--- stdout
[] [a] [] []

### assign default with colon on empty
e=; : ${e:=new}; echo "$e"
--- stdout
new

### assign default without colon keeps empty
e=; : ${e=new}; echo "[$e]"
--- stdout
[]

### assign default to positional fails
: ${1:=x}
echo after
--- stdout
after
--- stderr
vbash: line 1: $1: cannot assign in this way

### default with quoted words
unset u; for w in ${u:-"a b" c}; do echo "<$w>"; done
--- stdout
<a b>
<c>

### default with at inside
set -- 1 "2 3"; unset u; for w in "${u:-$@}"; do echo "<$w>"; done
--- stdout
<1>
<2 3>

### default with at unquoted
set -- 1 "2 3"; unset u; for w in ${u:-$@}; do echo "<$w>"; done
--- stdout
<1>
<2>
<3>

### default nested
unset a b; echo ${a:-${b:-deep}}
--- stdout
deep

### default with single quotes inside double
unset u; echo "${u:-'q'}"
--- stdout
'q'

### default with single quotes outside double
unset u; echo ${u:-'q  r'}
--- stdout
q  r

### alternate with at
set -- a b; x=1; for w in "${x:+$@}"; do echo "<$w>"; done
--- stdout
<a>
<b>

### error message unset
unset u; (echo ${u?custom message}); echo $?
--- stdout
1
--- stderr
vbash: line 1: u: custom message

### error message empty colon
e=; (echo ${e:?}); echo $?
--- stdout
1
--- stderr
vbash: line 1: e: parameter null or not set

### error not triggered for empty without colon
e=; echo "[${e?no}]"
--- stdout
[]

### error with expansion in message
unset u; m=world; (: ${u:?hello $m}); echo $?
--- stdout
1
--- stderr
vbash: line 1: u: hello world

### length of unicode
x=héllo; echo ${#x}
--- stdout
5

### length of positional count
set -- a b c; echo ${#} ${#@} ${#*}
--- stdout
3 3 3

### length of array element
a=(abc defgh); echo ${#a[1]} ${#a}
--- stdout
5 3

### length of assoc
declare -A h=([x]=1 [y]=22); echo ${#h[@]} ${#h[y]}
--- stdout
2 2

### prefix trim shortest longest
x=aXbXc; echo ${x#*X} ${x##*X}
--- stdout
bXc c

### suffix trim shortest longest
x=aXbXc; echo ${x%X*} ${x%%X*}
--- stdout
aXb a

### trim no match
x=abc; echo ${x#z} ${x%z}
--- stdout
abc abc

### trim with quoted star
x='*abc'; echo ${x#"*"} ${x#*}
--- stdout
abc *abc

### trim with bracket class
x=123abc; echo ${x##[0-9]} ${x##+([0-9])}
--- stdout
23abc 123abc

### trim with extglob
shopt -s extglob; x=123abc; echo ${x##+([0-9])} ${x%%+([a-z])}
--- stdout
abc 123

### trim on array elements
a=(a.txt b.txt c.sh); echo ${a[@]%.*}
--- stdout
a b c

### trim on positionals
set -- x/a y/b; echo ${@#*/}
--- stdout
a b

### trim with variable pattern
x=foo.bar; p='.*'; echo ${x%$p} ${x%"$p"}
--- stdout
foo foo.bar

### replace first and all
x=banana; echo ${x/an/AN} ${x//an/AN}
--- stdout
bANana bANANa

### replace anchored start
x=banana; echo ${x/#ba/X} ${x/#na/X}
--- stdout
Xnana banana

### replace anchored end
x=banana; echo ${x/%na/X} ${x/%ba/X}
--- stdout
banaX banana

### replace with empty
x=banana; echo ${x//a} ${x//a/}
--- stdout
bnn bnn

### replace with pattern star
x=a-b-c; echo ${x/-*/} ${x//[-]/_}
--- stdout
a a_b_c

### replace with ampersand literal
x=abc; echo "${x/b/&}"
--- stdout
abc

### replace with slash in pattern
p=/usr/local/bin; echo ${p//\//:}
--- stdout
:usr:local:bin

### replace empty pattern
x=abc; echo "${x//}" "${x/}"
--- stdout
abc abc

### replace on array
a=(foo bar baz); echo "${a[@]/a/A}"
--- stdout
foo bAr bAz

### replace all on positionals
set -- aa ba; echo "${@//a/x}"
--- stdout
xx bx

### replace quoted pattern
x='a*b*c'; echo "${x//'*'/-}" "${x//\*/+}"
--- stdout
a-b-c a+b+c

### replace with variable replacement
x=hello; r='[&]'; echo "${x/l/$r}"
--- stdout
he[l]lo

### upper and lower first
x=hello; y=WORLD; echo ${x^} ${y,} ${x^^} ${y,,}
--- stdout
Hello wORLD HELLO world

### case with pattern
x=hello; echo ${x^^[lo]} ${x^[h]} ${x^[x]}
--- stdout
heLLO Hello hello

### case on array
a=(ab cd); echo ${a[@]^} ${a[@]^^}
--- stdout
Ab Cd AB CD

### substring basic
x=abcdefgh; echo ${x:2} ${x:2:3} ${x::2}
--- stdout
cdefgh cde ab

### substring negative offset needs space
x=abcdefgh; echo ${x: -3} ${x: -3:2} ${x:(-2)}
--- stdout
fgh fg gh

### substring negative length
x=abcdefgh; echo ${x:1:-2} ${x: -4:-1}
--- stdout
bcdef efg

### substring offset past end
x=abc; echo "[${x:5}]" "[${x:3}]"
--- stdout
[] []

### substring negative length too large
x=abc; (echo "${x:2:-3}"); echo $?
--- stdout
1
--- stderr
vbash: line 1: -3: substring expression < 0

### substring arithmetic offset
x=abcdefgh; i=1; echo ${x:i+1:i*2}
--- stdout
cd

### substring on positionals
set -- a b c d e; echo ${@:2} ${@:2:2} ${@: -2}
--- stdout
b c d e b c d e

### substring zero on positionals includes dollar zero
set -- a b; echo ${@:0:1}
--- stdout
vbash

### substring on array
a=(a b c d e); echo ${a[@]:1:3} ${a[@]: -2:1}
--- stdout
b c d d

### substring of unicode
x=héllo; echo ${x:1:2}
--- stdout
él

### dash one vs colon dash one
x=abc; echo ${x:-1} ${x: -1}
--- stdout
abc c

### indirection basic
a=b; b=value; echo ${!a}
--- stdout
value

### indirection to array element
a='arr[1]'; arr=(x y z); echo ${!a}
--- stdout
y

### indirection to array all
n='arr[@]'; arr=(x y z); echo ${!n}
--- stdout
x y z

### indirection to positional
set -- one two; n=2; echo ${!n}
--- stdout
two

### indirection unset target
n=nothing; echo "[${!n}]"
--- stdout
[]

### indirection with default
n=nothing; echo ${!n:-fallback}
--- stdout
fallback

### prefix names at
ab1=1 ab2=2 abc=3; echo ${!ab@}
--- stdout
ab1 ab2 abc

### prefix names star quoted
ab1=1 ab2=2; IFS=,; echo "${!ab*}"
--- stdout
ab1,ab2

### array keys
a=(x y z); a[7]=q; echo ${!a[@]}
--- stdout
0 1 2 7

### assoc keys
declare -A h; h[one]=1; echo ${!h[@]}
--- stdout
one

### transformation Q
x="it's a b"; echo ${x@Q}
--- stdout
'it'\''s a b'

### transformation Q on array
a=(a 'b c' "d'e"); echo ${a[@]@Q}
--- stdout
'a' 'b c' 'd'\''e'

### transformation E
x='a\tb\x41'; echo "${x@E}"
--- stdout
a	bA

### transformation P
x='\u@\h'; USER=user; y=${x@P}; echo ${#y} > /dev/null; echo ok
--- stdout
ok

### transformation A scalar
x='hi there'; echo ${x@A}
--- stdout
x='hi there'

### transformation A array
a=(1 2); echo ${a[@]@A}
--- stdout
declare -a a=([0]="1" [1]="2")

### transformation A assoc
declare -A h=([k]=v); echo ${h[@]@A}
--- stdout
declare -A h=([k]="v" )

### transformation A integer
declare -i n=5; echo ${n@A}
--- stdout
declare -i n='5'

### transformation a attrs
declare -ir r=1; a=(1); declare -A h; x=2; echo ${r@a} ${a@a} ${h@a} [${x@a}]
--- stdout
ir a A []

### transformation U u L
x='hello World'; echo ${x@U} ${x@u} ${x@L}
--- stdout
HELLO WORLD Hello World hello world

### transformation K on array
a=(x 'y z'); echo ${a[@]@K}
--- stdout
0 "x" 1 "y z"

### transformation k on assoc
declare -A h=([a]=1); echo ${h[@]@k}
--- stdout
a 1

### transformation K on scalar
x=v; echo ${x@K}
--- stdout
'v'

### transformation on unset
unset u; echo "[${u@Q}]" "[${u@A}]"
--- stdout
[] []

### bad transformation
x=1; echo ${x@Z}
echo after
--- stderr
vbash: line 1: ${x@Z}: bad substitution
--- status 127

### bad substitution
echo ${x!}
echo after
--- stdout
after
--- stderr
vbash: line 1: ${x!}: bad substitution

### bad substitution in braces
echo "${a b}"
--- stderr
vbash: line 1: ${a b}: bad substitution
--- status 1

### number of args with shift
set -- a b c; shift; echo $# $1
--- stdout
2 b

### positional ten
set -- 1 2 3 4 5 6 7 8 9 ten; echo ${10} $10
--- stdout
ten 10

### at in double quotes empty
set --; for w in "$@"; do echo x; done; echo "[$@]"
--- stdout
[]

### star with IFS empty quoted
set -- a b c; IFS=; echo "$*"
--- stdout
abc

### star with IFS unset quoted
set -- a b c; unset IFS; echo "$*"
--- stdout
a b c

### star with IFS colon quoted
set -- a b c; IFS=:; echo "$*"
--- stdout
a:b:c

### array star quoted joins
a=(x y z); IFS=-; echo "${a[*]}"
--- stdout
x-y-z

### nounset error
set -u; echo $nope
echo no
--- stderr
vbash: line 1: nope: unbound variable
--- status 127

### nounset with default ok
set -u; echo ${nope:-ok}
--- stdout
ok

### nounset at empty ok
set -u; set --; echo "[$@]"
--- stdout
[]

### nounset array element
set -u; a=(1); echo ${a[3]}
--- stderr
vbash: line 1: a[3]: unbound variable
--- status 127

### special parameters
set -- a b; echo $# $1 ${#1}; false; echo $?
--- stdout
2 a 1
1

### dollar dash has flags
set -u; case $- in *u*) echo has u;; esac
--- stdout
has u

### length of unset is zero
unset u; echo ${#u}
--- stdout
0

### length with at on array
a=(aa bbb); echo ${#a[@]} ${#a[*]}
--- stdout
2 2

### nested operators
x=/a/b/c.txt; y=${x##*/}; echo ${y%.*}
--- stdout
c

### default from command substitution
unset u; echo ${u:-$(echo sub)}
--- stdout
sub

### assign default in arithmetic context
unset n; echo $(( ${n:=4} + 1 )) $n
--- stdout
5 4

### plus with empty string array
a=(); echo "[${a[@]+set}]" "[${a+set}]"
--- stdout
[] []

### plus on array with elements
a=(1); echo "[${a[@]+set}]"
--- stdout
[set]

### indirect of array keys
arr=(a b); n=arr; eval 'echo ${!'$n'[@]}'
--- stdout
0 1

### case modification first char unicode
x=élan; echo ${x^}
--- stdout
Élan

### pattern with backslash
x='a\b'; echo "${x/\\/X}"
--- stdout
aXb

### replace all on empty string
x=; echo "[${x//a/b}]"
--- stdout
[]

### trim star star
x=abc; echo "[${x##*}]" "[${x%%*}]"
--- stdout
[] []

### dq locale
echo $"hello world"
--- stdout
hello world

### ansi c escapes
echo $'a\x41\101\u00e9\cA' | od -An -c
--- stdout
   a   A   A 303 251 001  \n

### ansi c quote inside dq
echo "$'x'"
--- stdout
$'x'

### replace prefix empty pattern
x=abc; echo ${x/#/pre-} ${x/%/-post}
--- stdout
pre-abc abc-post

### case mod pattern all
x=banana; echo ${x^^[an]} ${x,,[N]}
--- stdout
bANANA banana

### upper first with star pattern
x=abc; echo ${x^*}
--- stdout
Abc

### indirect array keys
a=(x y); n=a; echo ${!n[@]} 
--- stdout
0

### indirect with at
arr=(1 2 3); ref='arr[@]'; for v in "${!ref}"; do echo $v; done
--- stdout
1
2
3

### transformation P prompt
x='\w'; PWD=/a/b; cd /; echo ${x@P}
--- stdout
/

### length of negative substr
x=abcdef; echo ${x: -10}
--- stdout


### array negative index
a=(1 2 3); echo ${a[-1]} ${a[@]: -2}
--- stdout
3 2 3

### assoc transformation Q
declare -A h=([k]='a b'); echo ${h[@]@Q}
--- stdout
'a b'

### @E on array
a=('a\tb' 'c\nd'); printf '%s|' "${a[@]@E}"; echo
--- stdout
a	b|c
d|

### @U on array
a=(ab cd); echo ${a[@]@U}
--- stdout
AB CD

### @u on array
a=(ab cd); echo ${a[*]@u}
--- stdout
Ab Cd

### @L on scalar with unicode
x=ÉCOLE; echo ${x@L}
--- stdout
école

### trim with quoted var pattern containing star
x='a*b*c'; p='*'; echo ${x#"$p"} ${x#$p}
--- stdout
a*b*c a*b*c

### replace with backslash in replacement
x=abc; echo "${x/b/\\}"
--- stdout
a\c

### replace ampersand escaped
x=abc; echo "${x/b/\&}"
--- stdout
a&c

### replace with quoted ampersand
x=abc; echo "${x/b/"&"}"
--- stdout
a&c

### pattern with bracket special
x='a]b'; echo ${x/]/X}
--- stdout
aXb

### pattern with caret bracket
x=abc; echo ${x/[^a]/X}
--- stdout
aXc

### dollar at in arithmetic
set -- 1 2; echo $(( $# + 1 ))
--- stdout
3

### unset array element length
a=(1 2 3); unset 'a[1]'; echo ${#a[@]} ${!a[@]}
--- stdout
2 0 2

### default with array
unset a; echo ${a[@]:-none}
--- stdout
none

### assign default array element
unset a; : ${a[2]:=v}; echo ${a[2]} ${#a[@]}
--- stdout
v 1

### empty IFS and star unquoted
set -- 'a b' c; IFS=; for w in $*; do echo "[$w]"; done
--- stdout
[a b]
[c]

### at with IFS default unquoted in for
set -- 'a b' c; for w in $@; do echo "[$w]"; done
--- stdout
[a]
[b]
[c]

### quoted at with prefix in array
set -- a b; arr=("x$@y"); echo ${#arr[@]} ${arr[0]} ${arr[1]}
--- stdout
2 xa by

### default word with at quoted ifs
set -- a b; unset u; IFS=-; echo "${u:-$*}" ${u:-"$*"}
--- stdout
a-b a-b

### nested default quoting
unset u v; echo "${u:-"${v:-"x y"}"}"
--- stdout
x y

### single quote in dq default
unset u; echo "${u:-'a b'}"
--- stdout
'a b'

### length of dollar at in quotes
set -- aa bbb; echo "${#@}" "${#1}"
--- stdout
2 2

### substring of at with zero length
set -- a b c; echo "[${@:1:0}]"
--- stdout
[]

### negative length for positional slice error
set -- a b c; echo ${@:1:-1}
--- stderr
vbash: line 1: -1: substring expression < 0
--- status 1

### substr assoc
declare -A h=([a]=1); echo ${h[@]:0:1}
--- stdout
1

### pattern trim on star array quoted join
a=(x.c y.c); IFS=+; echo "${a[*]%.c}"
--- stdout
x+y

### case conversion on at
set -- ab cd; echo ${@^^}
--- stdout
AB CD

### brace in parameter default
unset u; echo ${u:-{a,b}}
--- stdout
{a,b}

### tilde in parameter trim pattern
HOME=/h; x=/h/q; echo ${x#~}
--- stdout
/q

### nounset with length of unset
set -u; echo ${#nope}
--- stderr
vbash: line 1: nope: unbound variable
--- status 127

### nounset with array at empty
set -u; a=(); echo "${a[@]}" ok
--- stdout
ok

### dollar dollar is number
[[ $$ =~ ^[0-9]+$ ]] && echo pid
--- stdout
pid

### special var underscore
echo a b; echo $_
--- stdout
a b
b

### positional beyond nine braces
set -- {1..12}; echo ${12} ${#}
--- stdout
12 12

### indirection of special
set -- x y; n='#'; echo ${!n}
--- stdout
2

### name with digits
a1=v; echo $a1 ${a1}
--- stdout
v v

### unterminated brace param
echo ${x
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching `}'
--- status 2

### variable followed by bracket no array
x=v; echo $x[0]
--- stdout
v[0]

### quoted array index with spaces
declare -A h; h['a b']=1; echo ${h['a b']} ${h[a b]}
--- stdout
1 1

### arithmetic index
a=(1 2 3 4); i=1; echo ${a[i+1]} ${a[$i*2]}
--- stdout
3 3

### prefix names with underscore
_p1=1 _p2=2; echo ${!_p*}
--- stdout
_p1 _p2

### keys of unset
unset z; echo "[${!z[@]}]"
--- stdout
[]

### length of unicode array elem
a=(héllo); echo ${#a[0]}
--- stdout
5

### ANSI-C and locale quotes in the words of a double-quoted ${...}
x=hello
echo "${x^^$'\x6f'}" "${x//$'\x6f'/0}" "${x%$'\x6f'}" "${y:-$'\x6f'}" "${y:-$'a b'}" "${x~$'\x68'}"
echo "${y:-$"loc"}" "${y-a$'\t'b}" "${x/l/$'\x41'}" "${y:-'$'\x6f''}"
cat <<EOF
${y:-$'\x6f'} ${x//$'\x6c'/L} ${x/$"l"/L} ${x^^$'\x6f'}
EOF
--- stdout
hellO hell0 hell o a b Hello
loc a	b heAlo '$'\x6f''
$'\x6f' heLLo heLlo hellO
