# Brace expansion.
### simple list
echo a{b,c,d}e
--- stdout
abe ace ade

### two lists product
echo {a,b}{c,d}
--- stdout
ac ad bc bd

### nested
echo {a,b{1,2},c}
--- stdout
a b1 b2 c

### nested deeper
echo x{a,{b,{c,d}}}y
--- stdout
xay xby xcy xdy

### empty alternative
echo a{,b}c
--- stdout
ac abc

### all empty alternatives
echo x{,}y
--- stdout
xy xy

### single item is literal
echo {a} {abc}
--- stdout
{a} {abc}

### unmatched open
echo {a,b
--- stdout
{a,b

### unmatched close
echo a,b}
--- stdout
a,b}

### quoted brace is literal
echo "{a,b}" '{c,d}' \{e,f\}
--- stdout
{a,b} {c,d} {e,f}

### quoted comma inside
echo {a",",b}
--- stdout
a, b

### escaped comma
echo {a\,b,c}
--- stdout
a,b c

### dollar brace not expanded
x=1; echo ${x}{a,b}
--- stdout
1a 1b

### numeric range
echo {1..5}
--- stdout
1 2 3 4 5

### descending range
echo {5..1}
--- stdout
5 4 3 2 1

### negative range
echo {-2..2}
--- stdout
-2 -1 0 1 2

### range with step
echo {1..10..3}
--- stdout
1 4 7 10

### descending with step
echo {10..1..3}
--- stdout
10 7 4 1

### negative step ignored sign
echo {1..10..-4}
--- stdout
1 5 9

### step zero
echo {1..3..0}
--- stdout
1 2 3

### zero padded
echo {01..10}
--- stdout
01 02 03 04 05 06 07 08 09 10

### zero padded different widths
echo {1..010}
--- stdout
001 002 003 004 005 006 007 008 009 010

### zero padded negative
echo {-05..3}
--- stdout
-05 -04 -03 -02 -01 000 001 002 003

### padding three digits
echo {001..3}
--- stdout
001 002 003

### letters
echo {a..e}
--- stdout
a b c d e

### letters descending
echo {e..a}
--- stdout
e d c b a

### letters with step
echo {a..k..3}
--- stdout
a d g j

### upper to lower crosses punctuation
echo {X..c}
--- stdout
X Y Z [  ] ^ _ ` a b c

### mixed letter and number invalid
echo {a..3}
--- stdout
{a..3}

### invalid range left as is
echo {1..b} {1...3} {..3}
--- stdout
{1..b} {1...3} {..3}

### float range invalid
echo {1.5..3}
--- stdout
{1.5..3}

### range with prefix and suffix
echo x{1..3}y
--- stdout
x1y x2y x3y

### two ranges
echo {1..2}{a..b}
--- stdout
1a 1b 2a 2b

### range inside list
echo {a,{1..3},b}
--- stdout
a 1 2 3 b

### brace in assignment not expanded
x={a,b}; echo $x
--- stdout
{a,b}

### brace after equals in argument
echo x={a,b}
--- stdout
x=a x=b

### brace with variable inside
v=q; echo {$v,b}
--- stdout
q b

### brace with command substitution
echo {$(echo a),b}
--- stdout
a b

### brace in for list
for i in {1..3}; do printf '%s ' $i; done; echo
--- stdout
1 2 3 

### brace with glob chars
echo {a,b}*nomatch
--- stdout
a*nomatch b*nomatch

### braceexpand off
set +B; echo {a,b}; set -B; echo {a,b}
--- stdout
{a,b}
a b

### brace with spaces not expanded
echo {a, b}
--- stdout
{a, b}

### empty braces
echo {} x{}y
--- stdout
{} x{}y

### comma only
echo {,}
--- stdout


### brace followed by brace
echo {a,b}{}
--- stdout
a{} b{}

### long sequence count
echo {1..100} | wc -w
--- stdout
100

### big numbers
echo {9223372036854775806..9223372036854775807}
--- stdout
9223372036854775806 9223372036854775807

### range of same value
echo {5..5} {a..a}
--- stdout
5 a

### leading zero in end only
echo {1..03}
--- stdout
01 02 03

### plus sign
echo {+1..3}
--- stdout
1 2 3

### brace with quoted range
echo {"1..3"}
--- stdout
{1..3}

### brace in double quotes with var
x=y; echo "{$x,z}"
--- stdout
{y,z}

### nested with ranges product
echo {a,b}{1..2}{x,y}
--- stdout
a1x a1y a2x a2y b1x b1y b2x b2y

### tilde after brace
HOME=/h; echo {~,~/x}
--- stdout
/h /h/x

### backslash in brace item
echo {a\\b,c}
--- stdout
a\b c

### brace items with quotes
echo {'a b',c}
--- stdout
a b c

### case word no brace expansion
case a in {a,b}) echo matched;; *) echo nope;; esac
--- stdout
nope

### brace in array assignment
a=({1..3}); echo ${#a[@]} ${a[2]}
--- stdout
3 3

### dollar in list
echo {\$a,b}
--- stdout
$a b
