# test and [ (bash 5.2 builtins): operators, POSIX argument-count rules, errors.
### test: no arguments is false
test; echo $?
--- stdout
1

### test: one argument
test x; echo $?; test ''; echo $?; [ -n ]; echo $?
--- stdout
0
1
0

### test: string operators
[ abc = abc ]; echo $?; [ abc == abd ]; echo $?; [ a != b ]; echo $?
--- stdout
0
1
0

### test: -z and -n
[ -z '' ]; echo $?; [ -z x ]; echo $?; [ -n x ]; echo $?; [ -n '' ]; echo $?
--- stdout
0
1
0
1

### test: string ordering
[ abc '<' abd ]; echo $?; [ b '>' a ]; echo $?; [ a '>' b ]; echo $?
--- stdout
0
0
1

### test: integer comparisons
for op in -eq -ne -lt -le -gt -ge; do [ 3 $op 5 ]; printf '%s=%s ' $op $?; done; echo
--- stdout
-eq=1 -ne=0 -lt=0 -le=0 -gt=1 -ge=1 

### test: integers with blanks and signs
[ ' 7 ' -eq 7 ]; echo $?; [ -3 -lt +2 ]; echo $?
--- stdout
0
0

### test: negation
[ ! x ]; echo $?; [ ! '' ]; echo $?; [ ! a = b ]; echo $?
--- stdout
1
0
0

### test: -a and -o
[ a -a '' ]; echo $?; [ a -o '' ]; echo $?; [ '' -o '' ]; echo $?
--- stdout
1
0
1

### test: precedence of -a over -o
[ x -o '' -a '' ]; echo $?
--- stdout
0

### test: parentheses
[ \( a = a \) ]; echo $?; [ \( '' \) ]; echo $?; [ ! \( a = b \) -a x ]; echo $?
--- stdout
0
1
0

### test: four arguments with !
[ ! a = a ]; echo $?; test ! -z x; echo $?
--- stdout
1
0

### test: files
printf x > f; : > e; mkdir d; ln -s f l
[ -e f ]; echo $?; [ -f f ]; echo $?; [ -d d ]; echo $?; [ -f d ]; echo $?
[ -s f ]; echo $?; [ -s e ]; echo $?; [ -h l ]; echo $?; [ -L f ]; echo $?
[ -e nope ]; echo $?; [ -a f ]; echo $?
--- stdout
0
0
0
1
0
1
0
1
1
0

### test: permissions
printf x > f; chmod 644 f; [ -r f ]; echo $?; [ -w f ]; echo $?; [ -x f ]; echo $?
chmod 755 f; [ -x f ]; echo $?
--- stdout
0
0
1
0

### test: -nt -ot
printf a > old; touch -d '2020-01-01' old; printf b > new
[ new -nt old ]; echo $?; [ old -nt new ]; echo $?; [ old -ot new ]; echo $?; [ new -nt nope ]; echo $?
--- stdout
0
1
0
0

### test: -ef
printf a > f; ln f g; printf a > h
[ f -ef g ]; echo $?; [ f -ef h ]; echo $?
--- stdout
0
1

### test: -v
x=1; [ -v x ]; echo $?; [ -v nosuchvar ]; echo $?
--- stdout
0
1

### test: -t on a pipe
echo | [ -t 0 ]; echo $?
--- stdout
1

### test: argument expected
[ -f ]; echo $?; test ! -f; echo $?
--- stdout
0
1

### test: lone operators as strings
[ = ]; echo $?; [ -o ]; echo $?; [ '(' ]; echo $?
--- stdout
0
0
0

### test: ] as argument to test
test ]; echo $?
--- stdout
0

### test: integer expression expected
[ abc -eq 1 ]; echo $?
--- stdout
2
--- stderr
vbash: line 1: [: abc: integer expression expected

### test: empty integer
test '' -lt 1; echo $?
--- stdout
2
--- stderr
vbash: line 1: test: : integer expression expected

### test: too many arguments
[ a b c d e ]; echo $?
--- stdout
2
--- stderr
vbash: line 1: [: too many arguments

### test: unary operator expected
test foo bar; echo $?
--- stdout
2
--- stderr
vbash: line 1: test: foo: unary operator expected

### test: binary operator expected
test a b c; echo $?
--- stdout
2
--- stderr
vbash: line 1: test: b: binary operator expected

### test: missing ]
[ a = a; echo $?
--- stdout
2
--- stderr
vbash: line 1: [: missing `]'

### test string ops
test a = a && test a != b && echo ok
--- stdout
ok

### test integer error
test 1 -eq x; echo $?
--- stdout
2
--- stderr
vbash: line 1: test: x: integer expression expected

### test too many args
test a b c; echo $?
--- stdout
2
--- stderr
vbash: line 1: test: b: binary operator expected

### test missing bracket
[ a = a; echo $?
--- stdout
2
--- stderr
vbash: line 1: [: missing `]'

### test unary on empty
[ -n ]; echo $?; [ -z ]; echo $?
--- stdout
0
0

### test not
[ ! -e nope ] && echo ok
--- stdout
ok

### test and or
[ a = a -a b = b ] && echo and; [ a = b -o b = b ] && echo or
--- stdout
and
or

### test parens
[ \( a = a \) ] && echo paren
--- stdout
paren

### test lt gt strings
[ a \< b ] && echo lt; [ b \> a ] && echo gt
--- stdout
lt
gt

### test -v
x=1; [ -v x ] && echo set; [ -v y ] || echo unset
--- stdout
set
unset

### test -o option
set -e; [ -o errexit ] && echo on
--- stdout
on

### test file ops
touch f; [ -f f -a -e f ] && echo file
--- stdout
file

### test one arg
[ x ] && echo y; [ '' ] || echo n
--- stdout
y
n

### test dash arg alone
[ - ] && echo dash
--- stdout
dash

### test equals with three args bang
[ ! = x ] ; echo $?
--- stdout
1

### test four args
[ ! a = b ] && echo yes
--- stdout
yes

### test -ef -nt missing
[ f -nt nope ]; echo $?
--- stdout
1

### test integer with spaces
[ ' 1 ' -eq 1 ] && echo ok
--- stdout
ok

### test negative integers
[ -5 -lt -2 ] && echo ok
--- stdout
ok

### test big integer error
[ 99999999999999999999 -eq 1 ]; echo $?
--- stdout
2
--- stderr
vbash: line 1: [: 99999999999999999999: integer expression expected

### test = with pattern is literal
[ ab = a* ] || echo literal
--- stdout
literal

### test == works
[ a == a ] && echo ok
--- stdout
ok

### test -t
[ -t 1 ] > /dev/null; echo $?
--- stdout
1

### test -R on a name reference
declare -n r=x
test -R r; echo "r $?"
[ -R x ]; echo "x $?"
[ -R nosuch ]; echo "nosuch $?"
--- stdout
r 0
x 1
nosuch 1

### test -R on a local name reference
f() { local -n q=r; test -R q; echo "q $?"; local p=1; [ -R p ]; echo "p $?"; }
f
--- stdout
q 0
p 1
