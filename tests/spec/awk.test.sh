# awk (GNU awk 5 on the reference machine): fields, patterns, expressions,
# functions, I/O, gawk extensions, and error paths.
### print fields
printf 'a b c\nd e f\n' | awk '{print $2}'
--- stdout
b
e

### print NF and NR
printf 'a b c\nd e\n\n' | awk '{print NR, NF}'
--- stdout
1 3
2 2
3 0

### default whitespace splitting
printf '  lead   trail  \n\tx\ty\n' | awk '{print NF ":" $1 ":" $NF}'
--- stdout
2:lead:trail
2:x:y

### -F single char
printf 'a:b:c\n::\n' | awk -F: '{print NF, $2}'
--- stdout
3 b
3 

### -F tab via t
printf 'a\tb c\td\n' | awk -Ft '{print $2}'
--- stdout


### -F regex
printf 'a1b22c333d\n' | awk -F'[0-9]+' '{print $1 $2 $3 $4, NF}'
--- stdout
abcd 4

### -F escaped tab
printf 'x\ty\n' | awk -F'\t' '{print $2}'
--- stdout
y

### FS set in BEGIN
printf 'a,b,c\n' | awk 'BEGIN{FS=","} {print $3}'
--- stdout
c

### FS empty splits characters
echo hello | awk 'BEGIN{FS=""} {print NF, $1, $5}'
--- stdout
5 h o

### OFS and $1=$1
echo 'a b c' | awk 'BEGIN{OFS="-"} {$1=$1; print}'
--- stdout
a-b-c

### ORS
printf 'a\nb\n' | awk 'BEGIN{ORS=";"} {print} END{printf "\n"}'
--- stdout
a;b;

### assign field beyond NF
echo 'a b' | awk '{$5="e"; print; print NF}'
--- stdout
a b   e
5

### decrease NF
echo 'a b c d' | awk '{NF=2; print; print NF}'
--- stdout
a b
2

### increase NF
echo 'a b' | awk -v OFS=, '{NF=4; print}'
--- stdout
a,b,,

### $0 reassignment resplits
echo 'a b' | awk '{$0="x y z"; print NF, $3}'
--- stdout
3 z

### BEGIN only does not read input
awk 'BEGIN{print "hi"}'
--- stdout
hi

### END sees last record
printf 'a\nb\n' | awk 'END{print $0, NR}'
--- stdout
b 2

### pattern only
printf '1\n2\n3\n4\n' | awk '$1 % 2 == 0'
--- stdout
2
4

### regex pattern
printf 'apple\nbanana\ncherry\n' | awk '/an/'
--- stdout
banana

### negated regex pattern
printf 'apple\nbanana\ncherry\n' | awk '!/an/'
--- stdout
apple
cherry

### range pattern
printf '1\n2\n3\n4\n5\n' | awk '$1==2,$1==4'
--- stdout
2
3
4

### range pattern same line
printf 'a\nb\na\nc\n' | awk '/a/,/a/ {print NR}'
--- stdout
1
3

### sum column
printf '1 2\n3 4\n5 6\n' | awk '{s+=$2} END{print s}'
--- stdout
12

### average
printf '10\n20\n30\n' | awk '{s+=$1} END{print s/NR}'
--- stdout
20

### arithmetic operators
awk 'BEGIN{print 7+2, 7-2, 7*2, 7/2, 7%3, 2^10, 2**3, -7%3}'
--- stdout
9 5 14 3.5 1 1024 8 -1

### exponent right associative
awk 'BEGIN{print 2^3^2, -2^2}'
--- stdout
512 -4

### increment and decrement
awk 'BEGIN{x=5; print x++, x, ++x, x--, --x}'
--- stdout
5 6 7 7 5

### compound assignment
awk 'BEGIN{x=10; x+=5; x-=3; x*=2; x/=4; x%=4; x^=3; print x}'
--- stdout
8

### string concatenation
awk 'BEGIN{a="foo"; b="bar"; print a b, a " " b; x = 1 2; print x}'
--- stdout
foobar foo bar
12

### concatenation precedence
awk 'BEGIN{print 1 " " 2+3; print 2 " " -1}'
--- stdout
1 5
2-1

### comparison numbers vs strings
awk 'BEGIN{print (10 < 9), ("10" < "9"), (2 < 10)}'
--- stdout
0 1 1

### strnum comparison of fields
echo '10 9' | awk '{print ($1 < $2), ($1 > $2)}'
--- stdout
0 1

### strnum from field with spaces
echo ' 1e2 0x10 .5' | awk '{print $1+0, $2+0, $3+0, ($1==100)}'
--- stdout
100 0 0.5 1

### uninitialized values
awk 'BEGIN{print x+0, "[" x "]", length(x), (x==0), (x=="")}'
--- stdout
0 [] 0 1 1

### number to string CONVFMT
awk 'BEGIN{CONVFMT="%.2f"; a=3.14159; b=a ""; print b; print a}'
--- stdout
3.14
3.14159

### OFMT for print
awk 'BEGIN{OFMT="%.2f"; print 3.14159, 10, 2.5 ""}'
--- stdout
3.14 10 2.5

### integer output
awk 'BEGIN{print 1e6, 1e20, 0.1+0.2, 100/3, 2^53}'
--- stdout
1000000 100000000000000000000 0.3 33.3333 9007199254740992

### large and small numbers
awk 'BEGIN{print 1e300*10, -1e300*10, 1e-300/1e300}'
--- stdout
10000000000000000525047602552044202487044685811081591549158541155118024579889081957863713750804478640437044438328838781769425232353604305756447921847867069828483872009265758037378302337947880900593689532349707999450811190389676408800746527427801424945792587888200568428381156694721963868654594005401600 -10000000000000000525047602552044202487044685811081591549158541155118024579889081957863713750804478640437044438328838781769425232353604305756447921847867069828483872009265758037378302337947880900593689532349707999450811190389676408800746527427801424945792587888200568428381156694721963868654594005401600 0

### logical operators
awk 'BEGIN{print (1&&0), (1||0), !1, !0, !"", !"a"}'
--- stdout
0 1 0 1 1 0

### ternary
awk 'BEGIN{x=5; print (x>3 ? "big" : "small"), (x>10 ? "big" : "small")}'
--- stdout
big small

### in operator
awk 'BEGIN{a["x"]=1; print ("x" in a), ("y" in a)}'
--- stdout
1 0

### regex match operators
awk 'BEGIN{s="hello"; print (s ~ /ell/), (s ~ "^h"), (s !~ /z/)}'
--- stdout
1 1 1

### dynamic regex from variable
echo 'abc123' | awk '{re="[0-9]+"; if ($0 ~ re) print "num"}'
--- stdout
num

### if else
printf '1\n5\n10\n' | awk '{if ($1 < 3) print "low"; else if ($1 < 8) print "mid"; else print "high"}'
--- stdout
low
mid
high

### while loop
awk 'BEGIN{i=0; while (i<3) {print i; i++}}'
--- stdout
0
1
2

### do while
awk 'BEGIN{i=5; do {print i; i++} while (i<3)}'
--- stdout
5

### for loop
awk 'BEGIN{for (i=0; i<3; i++) print i}'
--- stdout
0
1
2

### for loop break continue
awk 'BEGIN{for (i=0; i<10; i++) {if (i==2) continue; if (i==5) break; print i}}'
--- stdout
0
1
3
4

### for in sorted
awk 'BEGIN{a["b"]=2; a["a"]=1; a["c"]=3; for (k in a) print k, a[k]}' | sort
--- stdout
a 1
b 2
c 3

### delete element
awk 'BEGIN{a[1]=1; a[2]=2; delete a[1]; for (k in a) print k; print length(a)}'
--- stdout
2
1

### delete whole array
awk 'BEGIN{a[1]=1; a[2]=2; delete a; print length(a)}'
--- stdout
0

### multidimensional keys
awk 'BEGIN{a[1,2]=3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2], a[k]}; print ((1,2) in a)}'
--- stdout
1 2 3
1

### array counting words
printf 'a b a\nc a b\n' | awk '{for (i=1;i<=NF;i++) c[$i]++} END{for (w in c) print w, c[w]}' | sort
--- stdout
a 3
b 2
c 1

### next statement
printf '1\n2\n3\n' | awk '$1==2{next} {print}'
--- stdout
1
3

### exit with status
printf '1\n2\n3\n' | awk '{print} $1==2{exit 3}'; echo rc=$?
--- stdout
1
2
rc=3

### exit in BEGIN runs END
awk 'BEGIN{print "b"; exit 1} END{print "e"}'; echo rc=$?
--- stdout
b
e
rc=1

### exit in END
echo x | awk 'END{print "e"; exit 4; print "no"}'; echo rc=$?
--- stdout
e
rc=4

### length forms
echo 'hello world' | awk '{print length, length($1), length("ab")}'
--- stdout
11 5 2

### substr
awk 'BEGIN{s="hello"; print substr(s,2,3), substr(s,2), substr(s,0,2), substr(s,-1,3), substr(s,10), "[" substr(s,2,-1) "]"}'
--- stdout
ell ello he hel  []

### substr fractional
awk 'BEGIN{s="hello"; print substr(s,1.5) "|" substr(s,2.5,2) "|" substr(s,1,2.5)}'
--- stdout
hello|el|he

### index
awk 'BEGIN{print index("hello","ll"), index("hello","z"), index("","a")}'
--- stdout
3 0 0

### split default
awk 'BEGIN{n=split("a b  c", arr); print n, arr[1], arr[3]}'
--- stdout
3 a c

### split with separator
awk 'BEGIN{n=split("a:b::c", arr, ":"); print n, arr[3] "|" arr[4]}'
--- stdout
4 |c

### split with regex
awk 'BEGIN{n=split("a1b22c", arr, /[0-9]+/); print n, arr[1], arr[2], arr[3]}'
--- stdout
3 a b c

### split empty string
awk 'BEGIN{n=split("", arr); print n, length(arr)}'
--- stdout
0 0

### sub
echo 'foo foo' | awk '{sub(/foo/, "bar"); print}'
--- stdout
bar foo

### gsub
echo 'foo foo' | awk '{n=gsub(/o/, "0"); print n, $0}'
--- stdout
4 f00 f00

### gsub ampersand
echo 'abc' | awk '{gsub(/b/, "[&]"); print}'
--- stdout
a[b]c

### gsub escaped ampersand
echo 'abc' | awk '{gsub(/b/, "\\&"); print}'
--- stdout
a&c

### gsub on variable
awk 'BEGIN{s="aaa"; gsub(/a/, "bb", s); print s}'
--- stdout
bbbbbb

### gsub empty regex matches
echo 'abc' | awk '{gsub(/x*/, "-"); print}'
--- stdout
-a-b-c-

### gsub on field rebuilds record
echo 'a-b c-d' | awk '{gsub(/-/, "+", $2); print; print $1}'
--- stdout
a-b c+d
a-b

### sub with anchors
echo 'aaa' | awk '{sub(/^a/, "X"); print; gsub(/a$/, "Y"); print}'
--- stdout
Xaa
XaY

### match RSTART RLENGTH
awk 'BEGIN{print match("foobar", /ob/), RSTART, RLENGTH; print match("foo", /z/), RSTART, RLENGTH}'
--- stdout
3 3 2
0 0 -1

### match leftmost longest
awk 'BEGIN{match("xabcabc", /(abc)+/); print RSTART, RLENGTH}'
--- stdout
2 6

### match with array
awk 'BEGIN{match("key=value", /([a-z]+)=([a-z]+)/, m); print m[1], m[2], m[0]}'
--- stdout
key value key=value

### sprintf
awk 'BEGIN{s=sprintf("%05.1f|%-4s|%4s|%x|%o|%c|%e", 3.14159, "ab", "cd", 255, 8, 65, 1234.5); print s}'
--- stdout
003.1|ab  |  cd|ff|10|A|1.234500e+03

### printf formats
awk 'BEGIN{printf "%d %i %5d %-5d| %+d %s %10.3s|\n", 42.9, -3, 7, 7, 5, "str", "abcdef"}'
--- stdout
42 -3     7 7    | +5 str        abc|

### printf with star width
awk 'BEGIN{printf "[%*d] [%-*s] [%.*f]\n", 5, 42, 4, "ab", 2, 3.14159}'
--- stdout
[   42] [ab  ] [3.14]

### printf %c with string and number
awk 'BEGIN{printf "%c%c%c\n", "hello", 66, 67.9}'
--- stdout
hBC

### printf percent
awk 'BEGIN{printf "100%%\n"}'
--- stdout
100%

### printf extra arguments ignored
awk 'BEGIN{printf "%s-%s\n", "a", "b", "c"}'
--- stdout
a-b

### printf negative hex
awk 'BEGIN{printf "%x %u\n", -1, -1}'
--- stdout
ffffffffffffffff 18446744073709551615

### printf large integers
awk 'BEGIN{printf "%d %d\n", 2^53, 1e19}'
--- stdout
9007199254740992 10000000000000000000

### tolower toupper
awk 'BEGIN{print toupper("abc Def"), tolower("ABC dEf")}'
--- stdout
ABC DEF abc def

### math functions
awk 'BEGIN{printf "%.4f %.4f %.4f %.4f %.4f %d\n", sin(1), cos(1), atan2(1,1), exp(1), log(10), int(-3.7); print sqrt(16), int("12abc")}'
--- stdout
0.8415 0.5403 0.7854 2.7183 2.3026 -3
4 12

### user function
awk 'function add(a, b) { return a + b } BEGIN{print add(2, 3)}'
--- stdout
5

### recursive function
awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n-1) } BEGIN{print fact(10)}'
--- stdout
3628800

### function local variables
awk 'function f(x,   tmp) { tmp = x * 2; return tmp } BEGIN{tmp = 1; print f(5), tmp}'
--- stdout
10 1

### function array by reference
awk 'function fill(arr) { arr["k"] = "v" } BEGIN{fill(a); print a["k"]}'
--- stdout
v

### function scalar by value
awk 'function inc(x) { x++; return x } BEGIN{y=1; print inc(y), y}'
--- stdout
2 1

### function without return value
awk 'function f() { } BEGIN{x = f(); print "[" x "]"}'
--- stdout
[]

### func keyword
awk 'func sq(x) { return x*x } BEGIN{print sq(7)}'
--- stdout
49

### getline from file
printf 'l1\nl2\n' > f; awk 'BEGIN{while ((getline line < "f") > 0) print "got", line; close("f")}'
--- stdout
got l1
got l2

### getline var from input
printf 'a\nb\nc\n' | awk 'NR==1{getline x; print "x=" x, NR}'
--- stdout
x=b 2

### plain getline
printf 'a\nb\nc\n' | awk '{getline; print $0, NR}'
--- stdout
b 2
c 3

### getline from command
awk 'BEGIN{"echo hi there" | getline; print $2; "echo one" | getline v; print v}'
--- stdout
there
one

### command getline loop
awk 'BEGIN{cmd="printf \"1\\n2\\n3\\n\""; while ((cmd | getline n) > 0) s+=n; close(cmd); print s}'
--- stdout
6

### getline missing file
awk 'BEGIN{r = (getline line < "nonexistent"); print r}'
--- stdout
-1

### print to file
awk 'BEGIN{print "x" > "out"; print "y" > "out"; close("out"); while ((getline l < "out") > 0) print "read", l}'
--- stdout
read x
read y

### append to file
echo old > out; awk 'BEGIN{print "new" >> "out"}'; cat out
--- stdout
old
new

### print to pipe
awk 'BEGIN{print "b" | "sort"; print "a" | "sort"; close("sort"); print "done"}'
--- stdout
a
b
done

### print to stderr
awk 'BEGIN{print "err" > "/dev/stderr"; print "out"}'
--- stdout
out
--- stderr
err

### system
awk 'BEGIN{r = system("echo inside; exit 3"); print "r=" r}'
--- stdout
inside
r=3

### output order with system
awk 'BEGIN{print "before"; system("echo middle"); print "after"}'
--- stdout
before
middle
after

### -v assignment
awk -v x=5 -v 'y=a b' 'BEGIN{print x+1, y}'
--- stdout
6 a b

### -v escapes
awk -v 's=a\tb' 'BEGIN{print s}'
--- stdout
a	b

### command-line var assignment operand
printf 'a\n' > f1; printf 'b\n' > f2; awk '{print v, $0}' v=1 f1 v=2 f2
--- stdout
1 a
2 b

### FILENAME and FNR
printf 'a\nb\n' > f1; printf 'c\n' > f2; awk '{print FILENAME, FNR, NR}' f1 f2
--- stdout
f1 1 1
f1 2 2
f2 1 3

### ARGV and ARGC
awk 'BEGIN{for (i=0; i<ARGC; i++) print i, ARGV[i]}' x 'y z'
--- stdout
0 awk
1 x
2 y z

### ENVIRON
FOO=bar awk 'BEGIN{print ENVIRON["FOO"]}'
--- stdout
bar

### stdin dash operand
printf 'a\n' > f1; echo stdin | awk '{print FILENAME ":" $0}' f1 -
--- stdout
f1:a
-:stdin

### missing file is fatal
awk '{print}' nonexistent; echo rc=$?
--- stdout
rc=2
--- stderr
awk: fatal: cannot open file `nonexistent' for reading: No such file or directory

### RS paragraph mode
printf 'a b\nc\n\n\nd e\nf\n' | awk 'BEGIN{RS=""} {print NR": "$1"-"$NF" ("NF")"}'
--- stdout
1: a-c (3)
2: d-f (3)

### RS single char
printf 'a;b;c' | awk 'BEGIN{RS=";"} {print NR, $0}'
--- stdout
1 a
2 b
3 c

### RS regex
printf 'a12b345c' | awk 'BEGIN{RS="[0-9]+"} {print NR, $0, RT}'
--- stdout
1 a 12
2 b 345
3 c 

### RT with newline RS
printf 'a\nb' | awk '{print $0 "[" RT "]"}'
--- stdout
a[
]
b[]

### last record without newline
printf 'a\nb' | awk '{print NR":"$0}'
--- stdout
1:a
2:b

### CRLF kept in record
printf 'a\r\n' | awk '{print length($0)}'
--- stdout
2

### NR assignment
printf 'a\nb\nc\n' | awk 'NR==1{NR=10} {print NR}'
--- stdout
10
11
12

### regex special chars
printf 'a.b\naxb\n' | awk '/a\.b/'
--- stdout
a.b

### regex bracket and class
printf 'a1\nb_\nC3\n' | awk '/^[[:upper:]][[:digit:]]$/'
--- stdout
C3

### regex alternation and groups
printf 'cat\ndog\nbird\n' | awk '/^(cat|dog)$/'
--- stdout
cat
dog

### regex interval
printf 'ab\naab\naaab\n' | awk '/^a{2}b$/'
--- stdout
aab

### regex with slash
echo 'a/b' | awk '/a\/b/{print "yes"}'
--- stdout
yes

### division not regex
awk 'BEGIN{a=10; b=2; c=3; print a/b/c}'
--- stdout
1.66667

### IGNORECASE
printf 'ABC\nabc\n' | awk 'BEGIN{IGNORECASE=1} /abc/{n++} END{print n}'
--- stdout
2

### gensub
awk 'BEGIN{print gensub(/(a)(b)/, "\\2\\1", "g", "abab"); print gensub(/o/, "0", 2, "foo boo")}'
--- stdout
baba
fo0 boo

### strftime with timestamp
awk 'BEGIN{print strftime("%Y-%m-%d %H:%M:%S", 86400*365)}'
--- stdout
1971-01-01 00:00:00

### mktime
awk 'BEGIN{print mktime("1970 01 02 00 00 00")}'
--- stdout
86400

### asort
awk 'BEGIN{a[1]="c"; a[2]="a"; a[3]="b"; n=asort(a); for (i=1;i<=n;i++) printf "%s ", a[i]; print ""}'
--- stdout
a b c 

### asorti
awk 'BEGIN{a["z"]=1; a["x"]=2; a["y"]=3; n=asorti(a, b); for (i=1;i<=n;i++) printf "%s ", b[i]; print ""}'
--- stdout
x y z 

### asort mixed numbers
awk 'BEGIN{a[1]=10; a[2]=9; a[3]=100; n=asort(a); print a[1], a[2], a[3]}'
--- stdout
9 10 100

### length of array
awk 'BEGIN{a[1]; a[2]; a["x"]; print length(a)}'
--- stdout
3

### bit functions
awk 'BEGIN{print and(12, 10), or(12, 10), xor(12, 10), lshift(1, 4), rshift(32, 2)}'
--- stdout
8 14 6 16 8

### strtonum
awk 'BEGIN{print strtonum("0x1F"), strtonum("017"), strtonum("12")}'
--- stdout
31 15 12

### typeof
awk 'BEGIN{a[1]; x=1; y="s"; print typeof(a), typeof(x), typeof(y), typeof(z)}'
--- stdout
array number string untyped

### hex constant in program
awk 'BEGIN{print 0x10 + 1}'
--- stdout
17

### semicolons and newlines
awk 'BEGIN { x = 1
  y = 2 ; z = 3
  print x, y, z }'
--- stdout
1 2 3

### comments in program
awk '# comment
BEGIN { print "a" } # trailing
'
--- stdout
a

### line continuation
awk 'BEGIN { x = 1 + \
 2; print x }'
--- stdout
3

### multiple rules
echo x | awk '{print "one"} {print "two"}'
--- stdout
one
two

### multiple BEGIN blocks
awk 'BEGIN{print 1} BEGIN{print 2}'
--- stdout
1
2

### print parenthesized list
awk 'BEGIN{print("a", "b")}'
--- stdout
a b

### print with comparison in parens
awk 'BEGIN{print (2 > 1)}'
--- stdout
1

### -f program file
printf 'BEGIN { print "from file" }\n' > p.awk; awk -f p.awk
--- stdout
from file

### -f missing file
awk -f nope.awk; echo rc=$?
--- stdout
rc=2
--- stderr
awk: fatal: cannot open source file `nope.awk' for reading: No such file or directory

### syntax error
awk 'BEGIN{x'; echo rc=$?
--- stdout
rc=1
--- stderr
awk: cmd. line:1: BEGIN{x
awk: cmd. line:1:        ^ unexpected newline or end of string

### syntax error unexpected token
awk 'BEGIN{print )}'; echo rc=$?
--- stdout
rc=1
--- stderr
awk: cmd. line:1: BEGIN{print )}
awk: cmd. line:1:             ^ syntax error

### undefined function
awk 'BEGIN{f(1)}'; echo rc=$?
--- stdout
rc=2
--- stderr
awk: cmd. line:1: fatal: function `f' not defined

### division by zero
awk 'BEGIN{x=0; print 1/x}'; echo rc=$?
--- stdout
rc=2
--- stderr
awk: cmd. line:1: fatal: division by zero attempted

### array used as scalar
awk 'BEGIN{a[1]=1; print a}'; echo rc=$?
--- stdout
rc=2
--- stderr
awk: cmd. line:1: fatal: attempt to use array `a' in a scalar context

### no program
awk 2>/dev/null; echo rc=$?
--- stdout
rc=1

### unknown option
awk -q 'BEGIN{}' 2>/dev/null; echo rc=$?
--- stdout
rc=1

### uninitialized in numeric context
echo | awk '{print $5 + 0, "[" $5 "]"}'
--- stdout
0 []

### field zero numeric
echo 42 | awk '{print $0 * 2}'
--- stdout
84

### string to number conversions
awk 'BEGIN{print "3x"+0, " 12 "+0, "-4.5e1"+0, "."+0, "+inf"+0, "inf"+0}'
--- stdout
3 12 -45 0 +inf 0

### numeric string equality
echo '1.0 1' | awk '{print ($1 == $2), ("1.0" == "1")}'
--- stdout
1 0

### reverse words
printf 'the quick brown fox\njumps over the lazy dog\n' | awk '{for(i=NF;i>0;i--) printf "%s%s", $i, (i>1?" ":"\n")}'
--- stdout
fox brown quick the
dog lazy the over jumps

### csv-like processing
printf 'name,age\nann,30\nbob,25\n' | awk -F, 'NR>1{sum+=$2; n++} END{printf "%.1f\n", sum/n}'
--- stdout
27.5

### unary minus on string
awk 'BEGIN{x="3"; print -x, +x}'
--- stdout
-3 3

### nextfile
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; awk 'FNR==2{nextfile} {print FILENAME, $0}' f1 f2
--- stdout
f1 a
f2 c

### BEGINFILE and ENDFILE
printf 'a\n' > f1; printf 'b\nc\n' > f2; awk 'BEGINFILE{print "start", FILENAME} ENDFILE{print "end", FILENAME, FNR}' f1 f2
--- stdout
start f1
end f1 1
start f2
end f2 2

### getline updates NF
printf 'a b\nc d e\n' | awk 'NR==1{getline; print NF}'
--- stdout
3

### while getline from stdin in BEGIN
printf 'x\ny\n' | awk 'BEGIN{while ((getline l) > 0) n++; print n}'
--- stdout
2

### regex as value
echo abc | awk '{x = /b/; print x}'
--- stdout
1

### not operator with regex
printf 'a\nb\n' | awk '!/a/{print "not a:", $0}'
--- stdout
not a: b

### compare uninitialized array element
awk 'BEGIN{if (a["x"] == "") print "empty"; print length(a)}'
--- stdout
empty
1

### string built in a loop
awk 'BEGIN{s=""; for(i=0;i<5;i++) s = s "ab"; print s, length(s)}'
--- stdout
ababababab 10

### printf no newline
awk 'BEGIN{printf "a"; printf "b"}'
--- stdout noeol
ab

### large field index
echo a | awk '{print "[" $100 "]", NF}'
--- stdout
[] 1

### negative field index
echo a | awk '{print $(-1)}'; echo rc=$?
--- stdout
rc=2
--- stderr
awk: cmd. line:1: (FILENAME=- FNR=1) fatal: attempt to access field -1

### print redirection target concatenation
awk 'BEGIN{f="o"; print "x" > f "ut"; close("out"); getline l < "out"; print l}'
--- stdout
x

### UTF-8 length and substr
echo 'héllo wörld' | awk '{print length($1), substr($2, 2, 2), index($0, "w")}'
--- stdout
5 ör 7

### toupper UTF-8 Latin-1
echo 'àéî' | awk '{print toupper($0)}'
--- stdout
ÀÉÎ

### printf %s UTF-8 precision
awk 'BEGIN{printf "[%.2s][%5s]\n", "éèê", "é"}'
--- stdout
[éè][    é]

### close return of pipe
awk 'BEGIN{print "x" | "cat; exit 3"; r=close("cat; exit 3"); print "r=" r}'
--- stdout
x
r=3

### srand returns previous seed
awk 'BEGIN{srand(5); print srand(7)}'
--- stdout
5

### rand within range
awk 'BEGIN{srand(1); for(i=0;i<100;i++){r=rand(); if (r<0||r>=1) bad++}; print bad+0}'
--- stdout
0
