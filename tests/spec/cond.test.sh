# [[ ]]: patterns, regex, string and file tests.
### pattern match
[[ abc == a* ]] && echo yes
--- stdout
yes

### quoted pattern literal
[[ abc == "a*" ]] || echo no
--- stdout
no

### pattern from variable
p='a*'; [[ abc == $p ]] && echo yes; [[ abc == "$p" ]] || echo no
--- stdout
yes
no

### not equal pattern
[[ abc != b* ]] && echo yes
--- stdout
yes

### single equals
[[ x = x ]] && echo yes
--- stdout
yes

### bracket class
[[ b == [abc] ]] && echo yes; [[ d == [!abc] ]] && echo neg
--- stdout
yes
neg

### posix class
[[ 5 == [[:digit:]] ]] && echo digit
--- stdout
digit

### regex basic
[[ abc123 =~ [0-9]+ ]] && echo "${BASH_REMATCH[0]}"
--- stdout
123

### regex groups
[[ 'key=value' =~ ^([a-z]+)=(.*)$ ]] && echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${#BASH_REMATCH[@]}"
--- stdout
key value 3

### regex no match clears rematch
[[ ab =~ (a) ]]; [[ xy =~ (z) ]]; echo $? ${#BASH_REMATCH[@]}
--- stdout
1 0

### regex quoted part literal
[[ 'a.c' =~ a"."c ]] && echo yes; [[ 'abc' =~ a"."c ]] || echo no
--- stdout
yes
no

### regex from variable
re='^[0-9]+$'; [[ 123 =~ $re ]] && echo num
--- stdout
num

### regex quoted variable literal
re='a.c'; [[ abc =~ "$re" ]] || echo literal
--- stdout
literal

### regex invalid
re='('; [[ a =~ $re ]]; echo $?
--- stdout
2

### regex optional group unset
[[ ac =~ a(b)?c ]] && echo "[${BASH_REMATCH[1]}]"
--- stdout
[]

### regex anchors and alternation
[[ foo =~ ^(bar|foo)$ ]] && echo "${BASH_REMATCH[1]}"
--- stdout
foo

### regex with spaces via variable
re='a b'; [[ 'xa by' =~ $re ]] && echo yes
--- stdout
yes

### string less than
[[ abc < abd ]] && echo lt; [[ b > a ]] && echo gt
--- stdout
lt
gt

### string empty tests
[[ -z '' && -n x ]] && echo ok
--- stdout
ok

### bare string is nonempty test
x=; [[ $x ]] || echo empty; [[ a ]] && echo nonempty
--- stdout
empty
nonempty

### and or precedence
[[ 1 == 2 || 1 == 1 && 2 == 2 ]] && echo yes
--- stdout
yes

### not operator
[[ ! a == b ]] && echo yes
--- stdout
yes

### parentheses grouping
[[ ( a == b || c == c ) && d == d ]] && echo yes
--- stdout
yes

### integer comparisons
[[ 10 -gt 9 && 2 -le 2 && 3 -ne 4 && 1 -eq 1 && 1 -lt 2 && 5 -ge 5 ]] && echo ok
--- stdout
ok

### integer comparison with arithmetic
x=3; [[ x+1 -eq 4 ]] && echo yes
--- stdout
yes

### integer comparison bad number
[[ abc -eq 1 ]]; echo $?
--- stdout
1

### variable set test
x=1; [[ -v x ]] && echo set; [[ -v nope ]] || echo unset
--- stdout
set
unset

### variable set test array element
a=(1 2); [[ -v a[1] ]] && echo y; [[ -v a[5] ]] || echo n
--- stdout
y
n

### option test
set -u; [[ -o nounset ]] && echo on; [[ -o noclobber ]] || echo off
--- stdout
on
off

### nameref test
declare -n r=x; [[ -R r ]] && echo ref; [[ -R x ]] || echo notref
--- stdout
ref
notref

### file tests
touch f; mkdir d; [[ -e f && -f f && ! -d f && -d d && ! -e nope ]] && echo ok
--- stdout
ok

### file size and readable
printf x > s; : > e; [[ -s s && ! -s e && -r s && -w s ]] && echo ok
--- stdout
ok

### file newer than
touch -d '2020-01-01' old; touch new; [[ new -nt old && old -ot new ]] && echo ok
--- stdout
ok

### same file
touch f; ln f g; [[ f -ef g ]] && echo same
--- stdout
same

### symlink test
touch t; ln -s t l; [[ -L l && -h l && ! -L t ]] && echo ok
--- stdout
ok

### executable test
touch x; chmod +x x; [[ -x x ]] && echo exec
--- stdout
exec

### no word splitting inside
x='a b'; [[ $x == 'a b' ]] && echo same
--- stdout
same

### no glob inside
touch aa; [[ a* == a* ]] && echo literal
--- stdout
literal

### nocasematch
shopt -s nocasematch; [[ ABC == abc ]] && echo yes; [[ ABC =~ ^a ]] && echo re
--- stdout
yes
re

### extglob in pattern
[[ foo.txt == @(*.txt|*.md) ]] && echo yes
--- stdout
yes

### extglob negation
[[ foo.c == !(*.txt) ]] && echo yes
--- stdout
yes

### pattern with escaped star
[[ 'a*' == a\* ]] && echo yes; [[ ab == a\* ]] || echo no
--- stdout
yes
no

### empty pattern
[[ '' == '' ]] && echo yes
--- stdout
yes

### equal with right side unquoted dollar star
set -- a b; [[ "a b" == $* ]] && echo yes
--- stdout
yes

### syntax error missing operand
[[ -f ]]; echo $?
--- stderr
vbash: -c: line 1: unexpected argument `]]' to conditional unary operator

### unknown unary operator
[[ -q x ]]; echo $?
--- stderr
vbash: -c: line 1: conditional binary operator expected

### status of false test
[[ a == b ]]; echo $?
--- stdout
1

### regex BASH_REMATCH is readonly copy
[[ abc =~ b ]]; x=("${BASH_REMATCH[@]}"); echo ${x[0]}
--- stdout
b

### regex matching unicode
[[ 'héllo' =~ h(.)llo ]] && echo "${BASH_REMATCH[1]}"
--- stdout
é

### regex backreference unsupported in ERE
[[ aa =~ (a)\1 ]] && echo yes
--- status 1

### arith in test
[[ $((2+2)) == 4 ]] && echo four
--- stdout
four

### compare with tilde
HOME=/h; [[ ~ == /h ]] && echo home
--- stdout
home

### double bracket with command substitution
[[ $(echo hi) == hi ]] && echo yes
--- stdout
yes

### test of fd terminal
[[ -t 0 ]] < /dev/null || echo notty
--- stdout
notty

### string equality with newline
x=$'a\nb'; [[ $x == a?b ]] && echo yes
--- stdout
yes

### declare -f prints [[ ]] with its parentheses and -n tests
f1() { [[ ! a && ( b ) ]]; }
f2() { [[ ! ( a && b ) ]]; }
f3() { [[ ( a || b ) && c ]]; }
f4() { [[ a || ( b && c ) ]]; }
f5() { [[ ! -f x || ( -n y && ! z ) ]]; }
f6() { [[ ( ( a ) ) ]]; }
f7() { [[ a && b || c && d ]]; }
declare -f f1 f2 f3 f4 f5 f6 f7
--- stdout
f1 () 
{ 
    [[ ! -n a && ( -n b ) ]]
}
f2 () 
{ 
    [[ ! ( -n a && -n b ) ]]
}
f3 () 
{ 
    [[ ( -n a || -n b ) && -n c ]]
}
f4 () 
{ 
    [[ -n a || ( -n b && -n c ) ]]
}
f5 () 
{ 
    [[ ! -f x || ( -n y && ! -n z ) ]]
}
f6 () 
{ 
    [[ ( ( -n a ) ) ]]
}
f7 () 
{ 
    [[ -n a && -n b || -n c && -n d ]]
}

### declare -f of [[ ]]: ! ! cancels, ! before ( )
f8() { [[ ! ! a ]]; [[ ! ! ! a ]]; [[ ! ! ( a ) ]]; [[ ! ( ! a ) ]]; }
f9() { [[ ( a == b ) ]]; [[ a =~ ^(x|y)$ && ( $b > c ) ]]; }
f10() { [[ ! ( a ) || ! b ]]; [[ a && ( b || c ) && d ]]; [[ (a) ]]; }
declare -f f8 f9 f10
type f8
--- stdout
f8 () 
{ 
    [[ -n a ]];
    [[ ! -n a ]];
    [[ ( -n a ) ]];
    [[ ! ( ! -n a ) ]]
}
f9 () 
{ 
    [[ ( a == b ) ]];
    [[ a =~ ^(x|y)$ && ( $b > c ) ]]
}
f10 () 
{ 
    [[ ! ( -n a ) || ! -n b ]];
    [[ -n a && ( -n b || -n c ) && -n d ]];
    [[ ( -n a ) ]]
}
f8 is a function
f8 () 
{ 
    [[ -n a ]];
    [[ ! -n a ]];
    [[ ( -n a ) ]];
    [[ ! ( ! -n a ) ]]
}

### BASH_COMMAND and set -x of [[ ]] with parentheses
trap 'echo "BC: $BASH_COMMAND"' DEBUG; [[ a && ( b || ! ! c ) ]]; set -x; [[ ( a ) && ! b ]]; [[ x ]]
--- stdout
BC: [[ -n a && ( -n b || -n c ) ]]
BC: set -x
BC: [[ ( -n a ) && ! -n b ]]
BC: [[ -n x ]]
--- stderr
++ echo 'BC: [[ ( -n a ) && ! -n b ]]'
+ [[ -n a ]]
+ [[ ! -n b ]]
++ echo 'BC: [[ -n x ]]'
+ [[ -n x ]]
