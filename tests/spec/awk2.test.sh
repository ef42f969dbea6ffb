# awk, part 2 (GNU awk 5 on the reference machine): getline forms, output
# redirections, records and fields, gawk extensions, conversions, errors.
### getline var from file
printf 'one\ntwo\n' > f; awk 'BEGIN{while ((getline line < "f") > 0) n++; print n, line}'
--- stdout
2 two

### getline plain updates NR NF
printf 'a b\nc d e\nf\n' | awk 'NR==1{getline; print NR, NF, $0}'
--- stdout
2 3 c d e

### getline var keeps $0
printf 'a b\nc d e\n' | awk 'NR==1{getline x; print NR, NF, $0, x}'
--- stdout
2 2 a b c d e

### getline from file sets $0 NF not NR
printf 'x y z\n' > f; echo q | awk '{getline < "f"; print NR, FNR, NF, $0}'
--- stdout
1 1 3 x y z

### cmd | getline
awk 'BEGIN{"echo hi there" | getline; print $2, NR}'
--- stdout
there 0

### cmd | getline var
awk 'BEGIN{"printf \"1\\n2\\n3\\n\"" | getline v; print v, NR}'
--- stdout
1 0

### cmd | getline loop and close
awk 'BEGIN{c="printf \"a\\nb\\n\""; while ((c | getline l) > 0) s = s l; r = close(c); print s, r}'
--- stdout
ab 0

### getline missing file returns -1
awk 'BEGIN{r = (getline x < "nope"); print r}'
--- stdout
-1

### getline at end returns 0
printf 'a\n' | awk '{r = getline; print r, $0}'
--- stdout
0 a

### close reopens file from start
printf '1\n2\n' > f; awk 'BEGIN{getline a < "f"; close("f"); getline b < "f"; print a, b}'
--- stdout
1 1

### print > file then read
awk 'BEGIN{print "x" > "o"; print "y" > "o"; close("o"); while ((getline l < "o") > 0) print "got", l}'
--- stdout
got x
got y

### print >> appends
echo old > o; awk 'BEGIN{print "new" >> "o"}'; cat o
--- stdout
old
new

### print > truncates once per run
echo old > o; awk '{print > "o"}' <<< $'a\nb'; cat o
--- stdout
a
b

### printf to file
awk 'BEGIN{printf "%s-%d\n", "a", 3 > "o"}'; cat o
--- stdout
a-3

### print | cmd
awk 'BEGIN{print "b\na" | "sort"; close("sort"); print "after"}'
--- stdout
a
b
after

### print | cmd output order without close
printf '3\n1\n2\n' | awk '{print | "sort -n"} END{print "end"}'
--- stdout
1
2
3
end

### close of pipe returns exit status
awk 'BEGIN{print "x" | "cat >/dev/null; exit 3"; r = close("cat >/dev/null; exit 3"); print r}'
--- stdout
3

### close of unknown returns -1
awk 'BEGIN{print close("nothing")}'
--- stdout
-1

### system return value and output order
awk 'BEGIN{printf "a"; r = system("echo b; exit 2"); print "c", r}'
--- stdout
ab
c 2

### system with stdout flush
awk 'BEGIN{print "first"; system("echo second"); print "third"}'
--- stdout
first
second
third

### print to /dev/stderr
awk 'BEGIN{print "err" > "/dev/stderr"; print "out"}'
--- stdout
out
--- stderr
err

### print to /dev/stdout
awk 'BEGIN{print "o1" > "/dev/stdout"; print "o2"}'
--- stdout
o1
o2

### fflush
awk 'BEGIN{print "a"; fflush(); system("echo b")}'
--- stdout
a
b

### printf %c with number and string
awk 'BEGIN{printf "%c%c%c\n", 65, "BCD", 256+67}'
--- stdout
ABŃ

### printf %i %5.2f %-5d|
awk 'BEGIN{printf "%i|%5.2f|%-5d|%05d\n", 3.9, 2.345, 42, -7}'
--- stdout
3| 2.35|42   |-0007

### printf %e %g %G %E
awk 'BEGIN{printf "%e %g %G %E %g\n", 12345.678, 0.0001234, 1e-10, 5, 1e6}'
--- stdout
1.234568e+04 0.0001234 1E-10 5.000000E+00 1e+06

### printf %x %X %o %u
awk 'BEGIN{printf "%x %X %o %u %#x %#o\n", 255, 255, 8, 42, 255, 8}'
--- stdout
ff FF 10 42 0xff 010

### printf star width and precision
awk 'BEGIN{printf "[%*d] [%-*s] [%.*f]\n", 5, 42, 4, "ab", 2, 3.14159}'
--- stdout
[   42] [ab  ] [3.14]

### printf %s precision
awk 'BEGIN{printf "[%.2s] [%10.3s] [%-6s]\n", "abcdef", "xyzzy", "ab"}'
--- stdout
[ab] [       xyz] [ab    ]

### printf %% and plus space flags
awk 'BEGIN{printf "%d%% %+d % d %+.1f\n", 50, 5, 5, 2.25}'
--- stdout
50% +5  5 +2.2

### printf too few args
awk 'BEGIN{printf "%s-%s-%d\n", "a"}' 2>&1
--- stdout
awk: cmd. line:1: fatal: not enough arguments to satisfy format string
	`%s-%s-%d
'
	    ^ ran out for this one
--- status 2

### printf large numbers
awk 'BEGIN{printf "%d %d %.0f\n", 2^53, -2^31, 1e18}'
--- stdout
9007199254740992 -2147483648 1000000000000000000

### sprintf reuse
awk 'BEGIN{s = sprintf("%3d|%-3s|", 7, "x"); print s s}'
--- stdout
  7|x  |  7|x  |

### RS single char
printf 'a;b;c' | awk 'BEGIN{RS=";"} {print NR": "$0}'
--- stdout
1: a
2: b
3: c

### RS regex
printf 'a12b345c\n' | awk 'BEGIN{RS="[0-9]+"} {print NR, $0, RT}'
--- stdout
1 a 12
2 b 345
3 c
 

### RS regex multi char literal
printf 'oneXYtwoXYthree' | awk 'BEGIN{RS="XY"} {print $0}'
--- stdout
one
two
three

### paragraph mode
printf '\n\na b\nc\n\n\n\nd e\nf\n\n' | awk 'BEGIN{RS=""} {print NR": "NF, $1, $NF}'
--- stdout
1: 3 a c
2: 3 d f

### paragraph mode newline is field separator
printf 'a:b\nc:d\n\ne:f\n' | awk 'BEGIN{RS=""; FS=":"} {for (i=1;i<=NF;i++) printf "[%s]", $i; print ""}'
--- stdout
[a][b][c][d]
[e][f]

### RS newline default with RT
printf 'x\ny' | awk '{print $0, length(RT)}'
--- stdout
x 1
y 0

### FS single space explicit
printf '  a  b  \n' | awk -F' ' '{print NF, $1}'
--- stdout
2 a

### FS tab keeps empty fields
printf 'a\t\tb\n' | awk -F'\t' '{print NF, $3}'
--- stdout
3 b

### FS single char regex metachar
printf 'a|b|c\n' | awk -F'|' '{print $2, NF}'
--- stdout
b 3

### FS dot is literal
printf 'a.b.c\n' | awk -F. '{print $3}'
--- stdout
c

### FS regex alternation
printf 'a, b;c ,d\n' | awk -F' *[,;] *' '{print NF; for(i=1;i<=NF;i++) print $i}'
--- stdout
4
a
b
c
d

### FS change applies to next record
printf 'a:b c\nd:e f\n' | awk '{FS=":"; print $1}'
--- stdout
a:b
d

### NF assignment truncates
echo 'a b c d e' | awk '{NF=3; print; print NF}'
--- stdout
a b c
3

### NF assignment extends
echo 'a b' | awk 'BEGIN{OFS="-"} {NF=4; print; print NF}'
--- stdout
a-b--
4

### assigning past NF extends
echo 'a b' | awk '{$5="e"; print; print NF}'
--- stdout
a b   e
5

### $0 assignment resplits
echo 'a b' | awk '{$0="x y z"; print NF, $3}'
--- stdout
3 z

### $3 assignment rebuilds with OFS
echo 'a b c' | awk 'BEGIN{OFS=":"} {$3="Z"; print $0; print $1}'
--- stdout
a:b:Z
a

### NF=0
echo 'a b c' | awk '{NF=0; print "[" $0 "]", NF}'
--- stdout
[] 0

### uninitialised compares
awk 'BEGIN{if (x == 0 && x == "") print "both"; print length(x), x+0}'
--- stdout
both
0 0

### strnum field compare numeric
printf '10 9\n' | awk '{print ($1 > $2), ("10" > "9")}'
--- stdout
1 0

### strnum with spaces
printf ' 1e1 \n' | awk '{print ($0 == 10), ($1 == 10)}'
--- stdout
1 1

### string constant compare is string
awk 'BEGIN{a = "10"; b = 9; print (a > b)}'
--- stdout
0

### getline var is strnum
printf '10\n' > f; awk 'BEGIN{getline v < "f"; print (v > 9)}'
--- stdout
1

### array elements from split are strnum
awk 'BEGIN{split("10 9", a); print (a[1] > a[2])}'
--- stdout
1

### hex string not numeric
awk 'BEGIN{print "0x1A" + 0, "1e3" + 0, ".5" + 0, "+3x" + 0}'
--- stdout
0 1000 0.5 3

### SUBSEP multidim
awk 'BEGIN{a[1,2] = 3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2]}; print ((1,2) in a), ((2,1) in a)}'
--- stdout
1 2
1 0

### custom SUBSEP
awk 'BEGIN{SUBSEP=":"; a["x","y"]=1; for (k in a) print k}'
--- stdout
x:y

### delete element and whole array
awk 'BEGIN{a[1];a[2];a[3]; delete a[2]; print length(a); delete a; print length(a)}'
--- stdout
2
0

### delete inside for in
awk 'BEGIN{for(i=0;i<5;i++) a[i]; for (k in a) delete a[k]; print length(a)}'
--- stdout
0

### in does not create
awk 'BEGIN{if ("x" in a) print "yes"; print length(a); a["x"]; if ("x" in a) print "now"}'
--- stdout
0
now

### reference creates element
awk 'BEGIN{if (a["q"] == "") print length(a)}'
--- stdout
1

### asort values
awk 'BEGIN{a["x"]=3; a["y"]=1; a["z"]=2; n = asort(a); for (i=1;i<=n;i++) printf "%s ", a[i]; print n}'
--- stdout
1 2 3 3

### asort into destination
awk 'BEGIN{a[1]="pear"; a[2]="apple"; a[3]="fig"; n = asort(a, b); print n, b[1], b[2], b[3], a[1]}'
--- stdout
3 apple fig pear pear

### asort mixed numbers and strings
awk 'BEGIN{a[1]="b"; a[2]=10; a[3]=2; a[4]="a"; n=asort(a); for(i=1;i<=n;i++) printf "%s ", a[i]; print ""}'
--- stdout
2 10 a b 

### asorti indices
awk 'BEGIN{a["zeta"]; a["alpha"]; a["mid"]; n = asorti(a, k); for (i=1;i<=n;i++) printf "%s ", k[i]; print n}'
--- stdout
alpha mid zeta 3

### gensub global and nth
awk 'BEGIN{s = "aaa"; print gensub(/a/, "b", "g", s), gensub(/a/, "b", 2, s), s}'
--- stdout
bbb aba aaa

### gensub backrefs
awk 'BEGIN{print gensub(/([a-z]+)-([0-9]+)/, "\\2:\\1", "g", "ab-12 cd-34")}'
--- stdout
12:ab 34:cd

### gensub on $0 default
echo 'hello world' | awk '{print gensub(/o/, "0", "g")}'
--- stdout
hell0 w0rld

### gensub ampersand
awk 'BEGIN{print gensub(/b+/, "[&]", 1, "abbbc"), gensub(/b/, "\\&", "g", "abc")}'
--- stdout
a[bbb]c a&c

### sub and gsub return counts
awk 'BEGIN{s = "banana"; n = gsub(/a/, "o", s); m = sub(/n/, "N", s); print n, m, s}'
--- stdout
3 1 boNono

### gsub empty match
awk 'BEGIN{s = "abc"; gsub(//, "-", s); print s}'
--- stdout
-a-b-c-

### gsub with escaped ampersand
awk 'BEGIN{s = "a.b"; gsub(/\./, "\\&", s); print s; t = "x"; gsub(/x/, "[&&]", t); print t}'
--- stdout
a&b
[xx]

### sub on field rebuilds record
echo 'a b c' | awk '{sub(/b/, "B", $2); print; print NF}'
--- stdout
a B c
3

### strftime with explicit time utc
awk 'BEGIN{print strftime("%Y-%m-%d %H:%M:%S %j %a %b", 86400*365, 1)}'
--- stdout
1971-01-01 00:00:00 001 Fri Jan

### strftime default format with utc flag
awk 'BEGIN{print strftime("%d/%m/%y %I%p", 1700000000, 1)}'
--- stdout
14/11/23 10PM

### mktime round trip
awk 'BEGIN{t = mktime("2024 02 29 12 30 45"); print strftime("%Y-%m-%d %H:%M:%S", t)}'
--- stdout
2024-02-29 12:30:45

### mktime invalid
awk 'BEGIN{print mktime("garbage")}'
--- stdout
-1

### IGNORECASE match and gsub
awk 'BEGIN{IGNORECASE=1; s="Hello HELLO"; n=gsub(/hello/, "x", s); print n, s, ("ABC" ~ /abc/), index("ABC","b")}'
--- stdout
2 x x 1 2

### IGNORECASE pattern
printf 'Foo\nbar\nFOO\n' | awk 'BEGIN{IGNORECASE=1} /foo/'
--- stdout
Foo
FOO

### IGNORECASE string compare
awk 'BEGIN{IGNORECASE=1; print ("abc" == "ABC")}'
--- stdout
1

### BEGINFILE ENDFILE
printf 'a\nb\n' > f1; printf 'c\n' > f2; awk 'BEGINFILE{print "start", FILENAME} {print FNR, $0} ENDFILE{print "end", FILENAME, FNR}' f1 f2
--- stdout
start f1
1 a
2 b
end f1 2
start f2
1 c
end f2 1

### nextfile
printf '1\n2\n3\n' > f1; printf '4\n5\n' > f2; awk 'FNR==2{nextfile} {print FILENAME, $0}' f1 f2
--- stdout
f1 1
f2 4

### ENVIRON
FOO=bar awk 'BEGIN{print ENVIRON["FOO"], length(ENVIRON["NOPE_NOT_SET"])}'
--- stdout
bar 0

### ARGV listing
awk 'BEGIN{for (i=0;i<ARGC;i++) print i, ARGV[i]}' x 'y z'
--- stdout
0 awk
1 x
2 y z

### ARGV edit removes operand
printf 'a\n' > f1; printf 'b\n' > f2; awk 'BEGIN{ARGV[1]=""} {print FILENAME, $0}' f1 f2
--- stdout
f2 b

### ARGV add operand
printf 'a\n' > f1; printf 'b\n' > f2; awk 'BEGIN{ARGV[ARGC++]="f2"} {print FILENAME, $0}' f1
--- stdout
f1 a
f2 b

### assignment operand between files
printf 'a\n' > f1; printf 'b\n' > f2; awk '{print v, $0}' v=1 f1 v=2 f2
--- stdout
1 a
2 b

### -v escapes
awk -v 's=a\tb\\n' 'BEGIN{print s; print length(s)}'
--- stdout
a	b\n
5

### -v newline escape
awk -v 'x=1\n2' 'BEGIN{print x}'
--- stdout
1
2

### -v numeric is strnum
awk -v n=10 'BEGIN{print (n > 9)}'
--- stdout
1

### CONVFMT for concatenation
awk 'BEGIN{CONVFMT="%.2f"; a = 3.14159; b = a ""; print b; x[a] = 1; for (k in x) print k}'
--- stdout
3.14
3.14

### OFMT for print
awk 'BEGIN{OFMT="%.2f"; print 3.14159, 3.14159 ""; print 17}'
--- stdout
3.14 3.14159
17

### integer values ignore CONVFMT
awk 'BEGIN{CONVFMT="%.2f"; a = 12; print a ""; print 1e20 ""}'
--- stdout
12
100000000000000000000

### default number output
awk 'BEGIN{print 0.1 + 0.2, 1/3, 100000000, 1e16, 123456789012, -0}'
--- stdout
0.3 0.333333 100000000 10000000000000000 123456789012 0

### substr corner cases
awk 'BEGIN{s = "hello"; print substr(s, 0), substr(s, -1, 3), substr(s, 2), substr(s, 4, 100), "[" substr(s, 10) "]"}'
--- stdout
hello hel ello lo []

### substr fractional
awk 'BEGIN{s = "hello"; print substr(s, 1.5, 2.3), substr(s, 0.4, 1.6)}'
--- stdout
he h

### split regex separator
awk 'BEGIN{n = split("a1b22c", p, /[0-9]+/); print n, p[1], p[2], p[3]}'
--- stdout
3 a b c

### split with seps array
awk 'BEGIN{n = split("a-b--c", p, /-+/, s); print n, s[1], s[2]}'
--- stdout
3 - --

### split default FS trims
awk 'BEGIN{n = split("  x  y  ", p); print n, p[1], p[2]}'
--- stdout
2 x y

### split empty string
awk 'BEGIN{n = split("", p); print n, length(p)}'
--- stdout
0 0

### split single space string sep
awk 'BEGIN{n = split("a  b", p, " "); print n; m = split("a  b", q, / /); print m}'
--- stdout
2
3

### length forms
echo 'abc de' | awk '{print length, length(), length($2), length(12345)}'
--- stdout
6 6 2 5

### index and match
awk 'BEGIN{print index("foobar", "bar"), index("foo", ""), match("xxabcx", /ab+c/), RSTART, RLENGTH; print match("x", /z/), RSTART, RLENGTH}'
--- stdout
4 1 3 3 3
0 0 -1

### match with array
awk 'BEGIN{if (match("key=val", /(\w+)=(\w+)/, m)) print m[1], m[2], m[0], m[1, "start"], m[2, "length"]}'
--- stdout
key val key=val 1 3

### toupper tolower
awk 'BEGIN{print toupper("abc-xyz1"), tolower("ÀB C")}'
--- stdout
ABC-XYZ1 àb c

### int and arithmetic
awk 'BEGIN{print int(-3.7), int(3.7), int("4x"), 7 % 3, -7 % 3, 2 ^ 10, 2 ** 3}'
--- stdout
-3 3 4 1 -1 1024 8

### exp log sqrt atan2
awk 'BEGIN{printf "%.4f %.4f %.4f %.4f %.4f\n", exp(1), log(10), sqrt(2), atan2(1, 1), atan2(0, -1)}'
--- stdout
2.7183 2.3026 1.4142 0.7854 3.1416

### srand returns previous seed
awk 'BEGIN{srand(5); print srand(7); print srand()}'
--- stdout
5
7

### rand deterministic with seed
awk 'BEGIN{srand(1); a = rand(); srand(1); b = rand(); print (a == b), (a >= 0 && a < 1)}'
--- stdout
1 1

### bitwise functions
awk 'BEGIN{print and(12, 10), or(12, 10), xor(12, 10), lshift(1, 4), rshift(256, 2), compl(0) > 0}'

### strtonum
awk 'BEGIN{print strtonum("0x1F"), strtonum("017"), strtonum("12abc")}'
--- stdout
31 15 12

### typeof
awk 'BEGIN{a[1]; x = 1; y = "s"; print typeof(x), typeof(y), typeof(a), typeof(z), typeof(a[1])}'
--- stdout
number string array untyped untyped

### isarray
awk 'BEGIN{a[1]; print isarray(a), isarray(b)}'
--- stdout
1 0

### user function recursion
awk 'function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN{print f(10)}'
--- stdout
3628800

### function array param by reference
awk 'function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN{fill(sq, 4); print length(sq), sq[3]}'
--- stdout
4 9

### function local arrays
awk 'function f(   loc) { loc[1] = 5; return length(loc) } BEGIN{print f(), f()}'
--- stdout
1 1

### function scalar param by value
awk 'function g(x) { x = 99 } BEGIN{y = 1; g(y); print y}'
--- stdout
1

### range pattern
printf '1\nstart\n2\nend\n3\nstart\n4\n' | awk '/start/,/end/'
--- stdout
start
2
end
start
4

### range same line
printf 'a\nb\na\n' | awk '/a/,/a/{print NR}'
--- stdout
1
3

### regex dynamic from string
echo 'a.c abc' | awk '{r = "a.c"; n = gsub(r, "X"); print n, $0}'
--- stdout
2 X X

### regex bracket and classes
printf 'ab1\nc_d\n' | awk '/[[:digit:]]/{print "d:" $0} /^[[:alpha:]_]+$/{print "w:" $0}'
--- stdout
d:ab1
w:c_d

### regex interval
printf 'aa\naaa\nb\n' | awk '/^a{3}$/'
--- stdout
aaa

### regex special chars in bracket
echo 'a]b-c^d' | awk '{gsub(/[]^-]/, "."); print}'
--- stdout
a.b.c.d

### comparison chain and precedence
awk 'BEGIN{print (1 < 2) == 1, 2 - - 2, !0 + 1, 1 - 1 ? "t" : "f", 2^3^2, -2^2}'
--- stdout
1 4 2 f 512 -4

### concatenation precedence
awk 'BEGIN{x = 1; print x " " x + 1, 1 " " -1}'
--- stdout
1 2 1-1

### increment forms
awk 'BEGIN{i = 5; print i++ + ++i, i; j = "3x"; j++; print j}'
--- stdout
12 7
4

### non-associative comparison is a syntax error
awk 'BEGIN{x = 1 < 2 < 3; print x}'; echo st=$?
--- stdout
st=1
--- stderr
awk: cmd. line:1: BEGIN{x = 1 < 2 < 3; print x}
awk: cmd. line:1:                 ^ syntax error

### division by zero at run time
awk 'BEGIN{x = 0; print 2 / x}'; echo st=$?
--- stdout
st=2
--- stderr
awk: cmd. line:1: fatal: division by zero attempted

### division by zero error
awk 'BEGIN{print 1/0}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: error: division by zero attempted
st=1

### modulus by zero error
awk 'BEGIN{print 1%0}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: error: division by zero attempted in `%'
st=1

### exit code in END
printf 'a\n' | awk '{exit 3} END{print "end runs"}'; echo st=$?
--- stdout
end runs
st=3

### exit in END overrides
awk 'BEGIN{exit 1} END{exit 4}'; echo st=$?
--- stdout
st=4

### next in function error-free use
printf 'a\nb\n' | awk 'function skip() { next } NR==1{skip()} {print}'
--- stdout
b

### do while
awk 'BEGIN{i = 0; do { i++ } while (i < 5); print i; do print "once"; while (0)}'
--- stdout
5
once

### break continue
awk 'BEGIN{for (i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break; printf "%d ", i }; print ""}'
--- stdout
0 1 3 4 

### while with getline from command
awk 'BEGIN{while (("echo x; echo y" | getline l) > 0) print "[" l "]"}'
--- stdout
[x]
[y]

### printf with no newline and ORS unaffected
awk 'BEGIN{ORS="|"; printf "a"; print "b"; printf "\n"}'
--- stdout
ab|

### print with parentheses and redirection
awk 'BEGIN{print("a", "b") > "o"; close("o"); getline l < "o"; print l}'
--- stdout
a b

### print comparison needs parens
awk 'BEGIN{print (2 > 1), (1 > 2)}'
--- stdout
1 0

### string escapes
awk 'BEGIN{print "a\tb\\c\"d\/e\101\x41"}'
--- stdout
a	b\c"d/eAA
--- stderr
awk: cmd. line:1: warning: escape sequence `\/' treated as plain `/'

### regex escapes in dynamic string
echo 'a+b' | awk '{print ($0 ~ "a\\+b"), ($0 ~ /a\+b/)}'
--- stdout
1 1

### octal and decimal literals
awk 'BEGIN{print 011, 1e2, .5, 0x10}'
--- stdout
9 100 0.5 16

### semicolon newline handling
awk 'BEGIN { x = 1
y = 2 ; print x +
y }'
--- stderr
awk: cmd. line:3: y = 2 ; print x +
awk: cmd. line:3:                  ^ unexpected newline or end of string
--- status 1

### comments and line continuation
awk 'BEGIN { # comment
  s = "a" \
      "b"; print s }'
--- stdout
ab

### getline var < file in condition loop count
printf 'l1\nl2\nl3\n' > f; awk 'BEGIN{while ((getline < "f") > 0) n += NF; print n, NR}'
--- stdout
3 0

### syntax error message
awk 'BEGIN{print 1 +}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{print 1 +}
awk: cmd. line:1:                ^ syntax error
st=1

### unterminated string error
awk 'BEGIN{print "abc}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{print "abc}
awk: cmd. line:1:             ^ unterminated string
st=1

### unknown function call error
awk 'BEGIN{nosuch(1)}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: fatal: function `nosuch' not defined
st=2

### missing file operand error
awk '{print}' nofile 2>&1; echo st=$?
--- stdout
awk: fatal: cannot open file `nofile' for reading: No such file or directory
st=2

### no program error
awk 2>&1 | head -1; echo st=$?
--- stdout
Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
st=0

### -f program file
printf 'BEGIN { print "from file" }\n' > p.awk; awk -f p.awk
--- stdout
from file

### -f with multiple files
printf 'function f(x){return x*2}\n' > a.awk; printf 'BEGIN{print f(21)}\n' > b.awk; awk -f a.awk -f b.awk
--- stdout
42

### -- ends options
awk -- 'BEGIN{print ARGV[1]}' -v
--- stdout
-v

### FILENAME in BEGIN is empty and after
printf 'x\n' > f; awk 'BEGIN{print "[" FILENAME "]"} END{print FILENAME, NR}' f
--- stdout
[]
f 1

### stdin dash operand
printf 'in\n' | awk '{print FILENAME ":" $0}' -
--- stdout
-:in

### uninitialized in numeric and string context output
awk 'BEGIN{print u + 0, "[" u "]", length(u), !u}'
--- stdout
0 [] 0 1

### long field numbers
echo 'a b c' | awk '{i = 2; print $i, $(i+1), $NF, $(NF-1)}'
--- stdout
b c c b

### negative field error
echo 'a' | awk '{print $(-1)}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: (FILENAME=- FNR=1) fatal: attempt to access field -1
st=2

### regex as value
echo 'abc' | awk '{x = /b/; print x}'
--- stdout
1

### tolower in comparison of fields
printf 'B a\nA b\n' | awk 'tolower($1) == "a" {print $2}'
--- stdout
b

### sorted for in with PROCINFO
awk 'BEGIN{PROCINFO["sorted_in"] = "@ind_str_asc"; a["c"]; a["a"]; a["b"]; for (k in a) printf "%s", k; print ""}'
--- stdout
abc

### PROCINFO sorted numeric values desc
awk 'BEGIN{PROCINFO["sorted_in"] = "@val_num_desc"; a["x"]=2; a["y"]=10; a["z"]=1; for (k in a) printf "%s ", k; print ""}'
--- stdout
y x z 

### length of array after split
awk 'BEGIN{print split("a:b:c", x, ":"), length(x)}'
--- stdout
3 3

### index of multi-byte
awk 'BEGIN{print length("héllo"), index("héllo", "l"), substr("héllo", 2, 2), toupper("é")}'
--- stdout
5 3 él É

### edge: awk 'BEGIN{x["a"]=1; delete x["a"]; print length(x); print (
awk 'BEGIN{x["a"]=1; delete x["a"]; print length(x); print ("a" in x)}'
--- stdout
0
0

### edge: echo 'a b c' | awk '{$(NF+2)="e"; print; print NF}'
echo 'a b c' | awk '{$(NF+2)="e"; print; print NF}'
--- stdout
a b c  e
5

### edge: awk 'BEGIN{printf "%c|%c\n", 228, "é"}'
awk 'BEGIN{printf "%c|%c\n", 228, "é"}'
--- stdout
ä|é

### edge: awk 'BEGIN{printf "%d %d\n", "0x11", 1e30}'
awk 'BEGIN{printf "%d %d\n", "0x11", 1e30}'
--- stdout
0 1000000000000000019884624838656

### edge: awk 'BEGIN{print length()}' </dev/null
awk 'BEGIN{print length()}' </dev/null
--- stdout
0

### edge: awk 'BEGIN{print substr("hello", 2, -1) "|" substr("", 1) "|
awk 'BEGIN{print substr("hello", 2, -1) "|" substr("", 1) "|" substr("abc", "x")}'
--- stdout
||abc

### edge: awk 'BEGIN{n = split("abc", a, ""); print n, a[1], a[3]}'
awk 'BEGIN{n = split("abc", a, ""); print n, a[1], a[3]}'
--- stdout
3 a c

### edge: awk 'BEGIN{print -3 % 2, 3 % -2, 2 ^ 0.5, 10 / 4}'
awk 'BEGIN{print -3 % 2, 3 % -2, 2 ^ 0.5, 10 / 4}'
--- stdout
-1 1 1.41421 2.5

### edge: awk 'BEGIN{x = "A"; x = x x x; print x; print x > "/dev/null
awk 'BEGIN{x = "A"; x = x x x; print x; print x > "/dev/null"}'
--- stdout
AAA

### edge: awk 'BEGIN{"date +%Y 2>/dev/null; exit 3" | getline y; print
awk 'BEGIN{"date +%Y 2>/dev/null; exit 3" | getline y; print (y > 2000), close("date +%Y 2>/dev/null; exit 3")}'
--- stdout
1 3

### edge: awk 'BEGIN{r = system("exit 7"); print r}'
awk 'BEGIN{r = system("exit 7"); print r}'
--- stdout
7

### edge: awk 'BEGIN{print 1e300 * 1e300, -1e300 * 1e300, log(-1)}'
awk 'BEGIN{print 1e300 * 1e300, -1e300 * 1e300, log(-1)}'
--- stdout
+inf -inf -nan
--- stderr
awk: cmd. line:1: warning: log: received negative argument -1

### edge: awk 'BEGIN{print index("abc", "c"), length("a\0b")}'
awk 'BEGIN{print index("abc", "c"), length("a\0b")}'
--- stdout
3 3

### edge: printf 'a b\n' | awk '{$3 = ""; print; print NF}'
printf 'a b\n' | awk '{$3 = ""; print; print NF}'
--- stdout
a b 
3

### edge: printf '1\n2\n3\n' | awk 'NR==1, NR==2 {print "r", $0} END{p
printf '1\n2\n3\n' | awk 'NR==1, NR==2 {print "r", $0} END{print NR}'
--- stdout
r 1
r 2
3

### edge: printf 'x\n' | awk '{print; getline; print "after", $0, NR}'
printf 'x\n' | awk '{print; getline; print "after", $0, NR}'
--- stdout
x
after x 1

### edge: awk 'BEGIN{printf "%s %s %s\n", 100000 * 100000, 0.1 * 3, 1e
awk 'BEGIN{printf "%s %s %s\n", 100000 * 100000, 0.1 * 3, 1e6 * 1e6}'
--- stdout
10000000000 0.3 1000000000000

### edge: awk 'BEGIN{OFS="-"; $0 = "a b c"; $1 = $1; print; print NF}'
awk 'BEGIN{OFS="-"; $0 = "a b c"; $1 = $1; print; print NF}'
--- stdout
a-b-c
3

### edge: awk 'BEGIN{a = "x"; b = a++; print a, b}'
awk 'BEGIN{a = "x"; b = a++; print a, b}'
--- stdout
1 0

### edge: awk 'BEGIN{while (i < 3) {i++; if (i == 2) continue; print i
awk 'BEGIN{while (i < 3) {i++; if (i == 2) continue; print i}}'
--- stdout
1
3

### edge: awk 'function f(a) { a["k"] = 1 } BEGIN{f(arr); print arr["k
awk 'function f(a) { a["k"] = 1 } BEGIN{f(arr); print arr["k"]}'
--- stdout
1

### edge: awk 'function f(a, b) { return a + b } BEGIN{print f(1), f(1
awk 'function f(a, b) { return a + b } BEGIN{print f(1), f(1, 2)}'
--- stdout
1 3

### edge: awk 'BEGIN{print substr("hello", 0, 2), substr("hello", -1),
awk 'BEGIN{print substr("hello", 0, 2), substr("hello", -1), substr("hello", 1.5)}'
--- stdout
he hello hello

### edge: awk 'BEGIN{s = sprintf("%5.1s|%-5c|%.3d", "abc", "z", 7); pr
awk 'BEGIN{s = sprintf("%5.1s|%-5c|%.3d", "abc", "z", 7); print s}'
--- stdout
    a|z    |007

### edge: awk 'BEGIN{print toupper(123), tolower("MiXeD")}'
awk 'BEGIN{print toupper(123), tolower("MiXeD")}'
--- stdout
123 mixed

### edge: printf 'k1 1\nk2 2\nk1 3\n' | awk '{s[$1] += $2} END{print s
printf 'k1 1\nk2 2\nk1 3\n' | awk '{s[$1] += $2} END{print s["k1"], s["k2"]}'
--- stdout
4 2

### edge: printf 'a,b\n' | awk -F, -v OFS=';' '{$1 = $1} 1'
printf 'a,b\n' | awk -F, -v OFS=';' '{$1 = $1} 1'
--- stdout
a;b

### edge: awk 'BEGIN{FS=","} {print $2}' <<< 'x,y'
awk 'BEGIN{FS=","} {print $2}' <<< 'x,y'
--- stdout
y

### edge: awk -v RS='' '{print NR ":" $0}' <<< $'a\nb\n\n\nc'
awk -v RS='' '{print NR ":" $0}' <<< $'a\nb\n\n\nc'
--- stdout
1:a
b
2:c

### edge: awk 'BEGIN{RS="\n\n+"} {print NR ":" $0 "|" RT "|"}' <<< $'a
awk 'BEGIN{RS="\n\n+"} {print NR ":" $0 "|" RT "|"}' <<< $'a\n\n\nb'
--- stdout
1:a|


|
2:b
||

### edge: awk 'BEGIN{RS="x|y"} {printf "%s[%s]", $0, RT} END{print ""}
awk 'BEGIN{RS="x|y"} {printf "%s[%s]", $0, RT} END{print ""}' <<< 'axbyc'
--- stdout
a[x]b[y]c
[]

### edge: awk 'END{print $0, NF}' <<< $'a b\nc d e'
awk 'END{print $0, NF}' <<< $'a b\nc d e'
--- stdout
c d e 3

### edge: awk '{print FNR, NR}' <(printf 'a\nb\n') 2>/dev/null || echo
awk '{print FNR, NR}' <(printf 'a\nb\n') 2>/dev/null || echo skip
--- stdout
1 1
2 2

### edge: awk 'BEGIN{printf "%s\n"}' 2>&1; echo st=$?
awk 'BEGIN{printf "%s\n"}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: fatal: not enough arguments to satisfy format string
	`%s
'
	 ^ ran out for this one
st=2

### edge: awk 'BEGIN{getline; print "got", $0}' <<< 'line1'
awk 'BEGIN{getline; print "got", $0}' <<< 'line1'
--- stdout
got line1

### edge: awk 'BEGIN{while ((getline l) > 0) n++; print n}' <<< $'1\n2
awk 'BEGIN{while ((getline l) > 0) n++; print n}' <<< $'1\n2\n3'
--- stdout
3

### edge: awk '{print > ("out_" $1)} END{close("out_a"); while ((getli
awk '{print > ("out_" $1)} END{close("out_a"); while ((getline l < "out_a") > 0) print "a:", l}' <<< $'a 1\nb 2\na 3'
--- stdout
a: a 1
a: a 3

### edge: awk 'BEGIN{print length(12.50), length(1/4)}'
awk 'BEGIN{print length(12.50), length(1/4)}'
--- stdout
4 4

### edge: awk 'BEGIN{CONVFMT="%d"; a[12.7] = 1; for (k in a) print k}'
awk 'BEGIN{CONVFMT="%d"; a[12.7] = 1; for (k in a) print k}'
--- stdout
12

### edge: awk 'BEGIN{x = 0.1; y = x ""; OFMT = "%.1f"; print x, y, x +
awk 'BEGIN{x = 0.1; y = x ""; OFMT = "%.1f"; print x, y, x + 0}'
--- stdout
0.1 0.1 0.1

### edge: awk 'BEGIN{print substr("hello", 2, 1.5), substr("hello", 1.
awk 'BEGIN{print substr("hello", 2, 1.5), substr("hello", 1.49, 1)}'
--- stdout
e h

### edge: awk 'BEGIN{print match("aaa", /a*/), RSTART, RLENGTH, match(
awk 'BEGIN{print match("aaa", /a*/), RSTART, RLENGTH, match("xyz", //), RLENGTH}'
--- stdout
1 1 3 1 0

### edge: awk 'BEGIN{s = "foo.bar"; sub(".", "X", s); print s; t = "fo
awk 'BEGIN{s = "foo.bar"; sub(".", "X", s); print s; t = "foo.bar"; sub(/\./, "X", t); print t}'
--- stdout
Xoo.bar
fooXbar

### edge: awk 'BEGIN{s = "aaa"; print gsub("a", "\\\\&", s), s}'
awk 'BEGIN{s = "aaa"; print gsub("a", "\\\\&", s), s}'
--- stdout
3 \a\a\a

### edge: awk 'BEGIN{s = "abc"; gsub(/b*/, "X", s); print s}'
awk 'BEGIN{s = "abc"; gsub(/b*/, "X", s); print s}'
--- stdout
XaXcX

### edge: awk 'BEGIN{s = "hello"; gsub(/l/, "[&]", s); print s; print
awk 'BEGIN{s = "hello"; gsub(/l/, "[&]", s); print s; print gensub(/(l+)/, "<\\1>", "g", "hello")}'
--- stdout
he[l][l]o
he<ll>o

### edge: awk 'BEGIN{print gensub(/x/, "y", "G", "axbx"), gensub(/x/,
awk 'BEGIN{print gensub(/x/, "y", "G", "axbx"), gensub(/x/, "y", 0, "axbx")}' 2>&1
--- stdout
awk: cmd. line:1: warning: gensub: third argument `0' treated as 1
ayby aybx

### edge: awk 'BEGIN{print strftime("%H:%M", 3600 * 5 + 60 * 7, 1), st
awk 'BEGIN{print strftime("%H:%M", 3600 * 5 + 60 * 7, 1), strftime("%s", 12345, 1)}'
--- stdout
05:07 12345

### edge: TZ=UTC awk 'BEGIN{print mktime("1970 01 02 00 00 00"), mktim
TZ=UTC awk 'BEGIN{print mktime("1970 01 02 00 00 00"), mktime("2026 13 01 00 00 00")}'
--- stdout
86400 1798761600

### edge: awk 'BEGIN{print systime() > 1000000000}'
awk 'BEGIN{print systime() > 1000000000}'

### edge: awk 'BEGIN { printf "%5s|%-5s|%05.1f|%+5d|%x\n", "ab", "cd",
awk 'BEGIN { printf "%5s|%-5s|%05.1f|%+5d|%x\n", "ab", "cd", 3.14159, 42, -1 }'
--- stdout
   ab|cd   |003.1|  +42|ffffffffffffffff

### edge: awk 'BEGIN { printf "%.3e|%G|%g|%g\n", 123456, 0.00001, 1234
awk 'BEGIN { printf "%.3e|%G|%g|%g\n", 123456, 0.00001, 123456789, 0.0001 }'
--- stdout
1.235e+05|1E-05|1.23457e+08|0.0001

### edge: awk 'BEGIN { x["a"]; x["b"]; n = asorti(x); print n, x[1], x
awk 'BEGIN { x["a"]; x["b"]; n = asorti(x); print n, x[1], x[2] }'
--- stdout
2 a b

### edge: awk 'BEGIN { a[3]=30; a[1]=10; a[2]=20; n = asort(a, b, "@va
awk 'BEGIN { a[3]=30; a[1]=10; a[2]=20; n = asort(a, b, "@val_num_desc"); print n, b[1], b[3] }'
--- stdout
3 30 10

### edge: awk 'BEGIN { print length(ENVIRON) > 0, ("PATH" in ENVIRON)
awk 'BEGIN { print length(ENVIRON) > 0, ("PATH" in ENVIRON) }'
--- stderr
awk: cmd. line:1: BEGIN { print length(ENVIRON) > 0, ("PATH" in ENVIRON) }
awk: cmd. line:1:                                  ^ syntax error
--- status 1

### edge: awk 'BEGIN { ARGV[1] = "x=5"; ARGC = 2 } END { print x }' </
awk 'BEGIN { ARGV[1] = "x=5"; ARGC = 2 } END { print x }' </dev/null
--- stdout
5

### edge: awk '{ print $0 }' x=1 /dev/null; echo st=$?
awk '{ print $0 }' x=1 /dev/null; echo st=$?
--- stdout
st=0

### edge: awk 'BEGIN{exit} END{print "end"}'; echo st=$?
awk 'BEGIN{exit} END{print "end"}'; echo st=$?
--- stdout
end
st=0

### edge: awk 'BEGIN{print "a" > "/dev/stderr"; exit 5}' 2>&1; echo st
awk 'BEGIN{print "a" > "/dev/stderr"; exit 5}' 2>&1; echo st=$?
--- stdout
a
st=5

### edge: echo 5 | awk '$1 > 3'
echo 5 | awk '$1 > 3'
--- stdout
5

### edge: echo 'ab' | awk '/a/ && /b/ {print "both"} !/c/ {print "noc"
echo 'ab' | awk '/a/ && /b/ {print "both"} !/c/ {print "noc"}'
--- stdout
both
noc

### edge: awk 'BEGIN { print 1 == 1.0, "1" == 1, "a" < "b", "abc" < "a
awk 'BEGIN { print 1 == 1.0, "1" == 1, "a" < "b", "abc" < "abd", 2 < 10, "2" < "10" }'
--- stdout
1 1 1 1 1 0

### edge: echo '2 10' | awk '{ print ($1 < $2), ($1"" < $2"") }'
echo '2 10' | awk '{ print ($1 < $2), ($1"" < $2"") }'
--- stdout
1 0

### edge: awk 'BEGIN { x = y = 3; print x, y; x += y -= 1; print x, y
awk 'BEGIN { x = y = 3; print x, y; x += y -= 1; print x, y }'
--- stdout
3 3
5 2

### edge: awk 'BEGIN { print 2 " " 3 * 4; print 1 - -1; print 2^-1 }'
awk 'BEGIN { print 2 " " 3 * 4; print 1 - -1; print 2^-1 }'
--- stdout
2 12
2
0.5

### edge: awk 'BEGIN { $0 = "a b c"; print NF; NF = 2; print $0; $5 =
awk 'BEGIN { $0 = "a b c"; print NF; NF = 2; print $0; $5 = "e"; print $0 }'
--- stdout
3
a b
a b   e

### edge: awk 'BEGIN { printf("%s %s\n", "paren", "call") }'
awk 'BEGIN { printf("%s %s\n", "paren", "call") }'
--- stdout
paren call

### edge: awk 'BEGIN { print > "/dev/stdout" }' <<< ''
awk 'BEGIN { print > "/dev/stdout" }' <<< ''
--- stdout


### edge: awk 'BEGIN { getline line < "/nonexistent"; print "ok" }'
awk 'BEGIN { getline line < "/nonexistent"; print "ok" }'
--- stdout
ok

### edge: awk 'BEGIN { print substr("abcdef", 3); print substr("abcdef
awk 'BEGIN { print substr("abcdef", 3); print substr("abcdef", 2, 3) }'
--- stdout
cdef
bcd

### edge: awk 'func f() { return "x" } BEGIN { print f() }'
awk 'func f() { return "x" } BEGIN { print f() }'
--- stdout
x

### edge: awk 'BEGIN { a["x"] = 1; f(a) } function f(arr, k) { for (k
awk 'BEGIN { a["x"] = 1; f(a) } function f(arr,  k) { for (k in arr) print k, arr[k] }'
--- stdout
x 1

### edge: awk 'BEGIN { print length("x" 1 2) }'
awk 'BEGIN { print length("x" 1 2) }'
--- stdout
3

### edge: awk '
awk '
# comment line
BEGIN {
    print "multi"   # trailing
}
'
--- stdout
multi

### edge: awk 'BEGIN { if (!(3 in a)) print "no"; if (a[3] == "") prin
awk 'BEGIN { if (!(3 in a)) print "no"; if (a[3] == "") print "empty"; print length(a) }'
--- stdout
no
empty
1

### edge: awk 'BEGIN{printf "%*.*f|\n", 8, 3, 3.14159}'
awk 'BEGIN{printf "%*.*f|\n", 8, 3, 3.14159}'
--- stdout
   3.142|

### edge: awk 'BEGIN{printf "%-+6d|% 05d|%#.3g\n", 3, 4, 1}'
awk 'BEGIN{printf "%-+6d|% 05d|%#.3g\n", 3, 4, 1}'
--- stdout
+3    | 0004|1.00

### edge: awk 'BEGIN{print 100 / 3 * 3 == 100, int(100/3), 7 - 7 * 0.1
awk 'BEGIN{print 100 / 3 * 3 == 100, int(100/3), 7 - 7 * 0.1}'
--- stdout
1 33 6.3

### edge: awk 'BEGIN{print 017 + 0, "017" + 0, 1e-5, 123456.789}'
awk 'BEGIN{print 017 + 0, "017" + 0, 1e-5, 123456.789}'
--- stdout
15 17 1e-05 123457

### edge: awk 'BEGIN { s = "a:b:c"; n = split(s, p, ":"); for (i = n;
awk 'BEGIN { s = "a:b:c"; n = split(s, p, ":"); for (i = n; i > 0; i--) printf "%s%s", p[i], (i > 1 ? ":" : "\n") }'
--- stdout
c:b:a

### deeply nested parentheses end with gawk's parser message
p=$(awk 'BEGIN{while (i++ < 100000) printf "("}'); awk "BEGIN{print ${p}1}" 2>&1 | tail -1 | grep -o '\^.*'; echo st=${PIPESTATUS[0]}
--- stdout
^ memory exhausted
st=1

### deeply nested blocks end with gawk's parser message
p=$(awk 'BEGIN{while (i++ < 100000) printf "{"}'); awk "BEGIN${p}" 2>&1 | tail -1 | grep -o '\^.*'; echo st=${PIPESTATUS[0]}
--- stdout
^ memory exhausted
st=1

### idiom: printf 'a\nb\na\nc\nb\n' | awk '!seen[$0]++'
printf 'a\nb\na\nc\nb\n' | awk '!seen[$0]++'
--- stdout
a
b
c

### idiom: printf '1\n2\n3\n4\n' | awk 'NR%2'
printf '1\n2\n3\n4\n' | awk 'NR%2'
--- stdout
1
3

### idiom: printf 'x\ny\nz\n' | awk '{a[NR]=$0} END{for(i=NR;i>0;i--) p
printf 'x\ny\nz\n' | awk '{a[NR]=$0} END{for(i=NR;i>0;i--) print a[i]}'
--- stdout
z
y
x

### idiom: printf 'a b\n' | awk -v OFS='\t' '{$1=$1} 1'
printf 'a b\n' | awk -v OFS='\t' '{$1=$1} 1'
--- stdout
a	b

### idiom: printf 'a,b,c\n' | awk 'BEGIN{FS=OFS=","} {$2="X"} 1'
printf 'a,b,c\n' | awk 'BEGIN{FS=OFS=","} {$2="X"} 1'
--- stdout
a,X,c

### idiom: printf 'a b c\n' | awk '{$1=""; print substr($0,2)}'
printf 'a b c\n' | awk '{$1=""; print substr($0,2)}'
--- stdout
b c

### idiom: printf 'ab\nabcd\n' | awk 'length > 3'
printf 'ab\nabcd\n' | awk 'length > 3'
--- stdout
abcd

### idiom: printf 'x\nstart\ny\nend\nz\n' | awk '/start/{f=1} f; /end/{
printf 'x\nstart\ny\nend\nz\n' | awk '/start/{f=1} f; /end/{f=0}'
--- stdout
start
y
end

### idiom: printf ' pad \n' | awk '{gsub(/^[ \t]+|[ \t]+$/, "")} 1' | o
printf '  pad  \n' | awk '{gsub(/^[ \t]+|[ \t]+$/, "")} 1' | od -c | head -2
--- stdout
0000000   p   a   d  \n
0000004

### idiom: printf 'k=v=w\n' | awk -F= '{print $2}'
printf 'k=v=w\n' | awk -F= '{print $2}'
--- stdout
v

### idiom: printf 'a|b|c\n' | awk -F'\\|' '{print $3}'
printf 'a|b|c\n' | awk -F'\\|' '{print $3}'
--- stdout
c

### idiom: printf 'é x\n' | awk '{printf "[%5s][%-3s]\n", $1, $1}'
printf 'é x\n' | awk '{printf "[%5s][%-3s]\n", $1, $1}'
--- stdout
[    é][é  ]

### idiom: awk 'BEGIN{printf "%c\n", 0x263A; print length("日本語"), subst
awk 'BEGIN{printf "%c\n", 0x263A; print length("日本語"), substr("日本語", 2, 1), index("日本語", "語")}'
--- stdout
☺
3 本 3

### idiom: awk 'BEGIN{n = split("日本", c, ""); print n, c[2]}'
awk 'BEGIN{n = split("日本", c, ""); print n, c[2]}'
--- stdout
2 本

### idiom: awk "BEGIN{printf \"%'d\n\", 1234567}"
awk "BEGIN{printf \"%'d\n\", 1234567}"
--- stdout
1234567

### idiom: printf '\n\na\n\n' | awk 'NF'
printf '\n\na\n\n' | awk 'NF'
--- stdout
a

### idiom: printf 'a b\n' | awk '{print $NF; print $(NF)}'
printf 'a b\n' | awk '{print $NF; print $(NF)}'
--- stdout
b
b

### idiom: printf 'l1\nl2\n' | awk 'END{print NR, $0}'
printf 'l1\nl2\n' | awk 'END{print NR, $0}'
--- stdout
2 l2

### idiom: printf 'a\n' | awk '{printf "%s %s\n", $1, $2 "x"}'
printf 'a\n' | awk '{printf "%s %s\n", $1, $2 "x"}'
--- stdout
a x

### idiom: printf 'f1 10\nf2 20\n' | awk '{print $1 > ($1 ".out")} END{
printf 'f1 10\nf2 20\n' | awk '{print $1 > ($1 ".out")} END{close("f1.out"); getline l < "f1.out"; print l}'
--- stdout
f1

### idiom: printf '3\n1\n2\n' | awk '{print | "sort"} END{close("sort")
printf '3\n1\n2\n' | awk '{print | "sort"} END{close("sort"); print "done"}'
--- stdout
1
2
3
done

### idiom: awk 'BEGIN{cmd = "echo a; echo b"; while ((cmd | getline x)
awk 'BEGIN{cmd = "echo a; echo b"; while ((cmd | getline x) > 0) print "got " x; close(cmd)}'
--- stdout
got a
got b

### idiom: printf 'a:b\n' | awk 'BEGIN{FS=":"} {print $1; FS=" "} END{p
printf 'a:b\n' | awk 'BEGIN{FS=":"} {print $1; FS=" "} END{print $1}'
--- stdout
a
a

### idiom: awk 'BEGIN { printf "%s", "no newline" }'; echo
awk 'BEGIN { printf "%s", "no newline" }'; echo
--- stdout
no newline

### idiom: printf '5 apples\n3 pears\n' | awk '{sum += $1} END {printf
printf '5 apples\n3 pears\n' | awk '{sum += $1} END {printf "total=%d avg=%.2f\n", sum, sum/NR}'
--- stdout
total=8 avg=4.00

### idiom: printf 'b 2\na 1\n' | awk '{print $2, $1}' | sort
printf 'b 2\na 1\n' | awk '{print $2, $1}' | sort
--- stdout
1 a
2 b

### idiom: printf 'x y z\n' | awk '{for (i = NF; i > 0; i--) printf "%s
printf 'x y z\n' | awk '{for (i = NF; i > 0; i--) printf "%s%s", $i, (i > 1 ? OFS : ORS)}'
--- stdout
z y x

### idiom: printf 'A;B\n' | awk -F';' -v OFS=';' '{print tolower($1), $
printf 'A;B\n' | awk -F';' -v OFS=';' '{print tolower($1), $2}'
--- stdout
a;B

### idiom: printf '1 2\n3 4\n' | awk '{for (i=1;i<=NF;i++) s[i]+=$i} EN
printf '1 2\n3 4\n' | awk '{for (i=1;i<=NF;i++) s[i]+=$i} END{for (i=1;i<=2;i++) print s[i]}'
--- stdout
4
6

### idiom: printf 'key: value\n' | awk -F': ' '{print $2}'
printf 'key: value\n' | awk -F': ' '{print $2}'
--- stdout
value

### idiom: printf 'a\tb c\n' | awk -F'\t' '{print $2}'
printf 'a\tb c\n' | awk -F'\t' '{print $2}'
--- stdout
b c

### idiom: printf 'abc\n' | awk '{print substr($0, length($0))}'
printf 'abc\n' | awk '{print substr($0, length($0))}'
--- stdout
c

### idiom: printf '10\n9\n100\n' | awk '$1 > max {max = $1} END {print
printf '10\n9\n100\n' | awk '$1 > max {max = $1} END {print max}'
--- stdout
100

### idiom: printf 'x\n' | awk '{ $0 = toupper($0); print $1 }'
printf 'x\n' | awk '{ $0 = toupper($0); print $1 }'
--- stdout
X

### idiom: awk 'BEGIN { "pwd" | getline d; print (length(d) > 0) }'
awk 'BEGIN { "pwd" | getline d; print (length(d) > 0) }'
--- stdout
1

### idiom: printf 'a b\n' | awk '{ print NF ? "yes" : "no" }'
printf 'a b\n' | awk '{ print NF ? "yes" : "no" }'
--- stdout
yes

### idiom: printf '1\n2\n' | awk -v n=2 '$1 == n'
printf '1\n2\n' | awk -v n=2 '$1 == n'
--- stdout
2

### idiom: printf 'a\n' | awk -v 'msg=hello world' '{print msg}'
printf 'a\n' | awk -v 'msg=hello world' '{print msg}'
--- stdout
hello world

### idiom: printf 'x,"y,z",w\n' | awk -v FPAT='([^,]*)|("[^"]*")' '{pri
printf 'x,"y,z",w\n' | awk -v FPAT='([^,]*)|("[^"]*")' '{print NF, $2}'
--- stdout
3 "y,z"

### idiom: printf 'abcdef\n' | awk -v FIELDWIDTHS='2 3 1' '{print $1 "|
printf 'abcdef\n' | awk -v FIELDWIDTHS='2 3 1' '{print $1 "|" $2 "|" $3}'
--- stdout
ab|cde|f

### idiom: printf 'a,,b\na,\n,x\n' | awk -v FPAT='[^,]*' '{print NF; fo
printf 'a,,b\na,\n,x\n' | awk -v FPAT='[^,]*' '{print NF; for (i=1;i<=NF;i++) printf "[%s]", $i; print ""}'
--- stdout
3
[a][][b]
2
[a][]
2
[][x]

### idiom: printf 'abcdefgh\nab\n' | awk 'BEGIN{FIELDWIDTHS="2 3 4"} {p
printf 'abcdefgh\nab\n' | awk 'BEGIN{FIELDWIDTHS="2 3 4"} {print NF; for (i=1;i<=NF;i++) printf "[%s]", $i; print ""}'
--- stdout
3
[ab][cde][fgh]
1
[ab]

### idiom: printf 'abcdefgh\n' | awk 'BEGIN{FIELDWIDTHS="1:2 2 *"} {pri
printf 'abcdefgh\n' | awk 'BEGIN{FIELDWIDTHS="1:2 2 *"} {print NF, $1, $2, $3}'
--- stdout
3 bc de fgh

### idiom: printf 'ab cd\n' | awk 'BEGIN{FIELDWIDTHS="2"; FS=" "} {prin
printf 'ab cd\n' | awk 'BEGIN{FIELDWIDTHS="2"; FS=" "} {print NF, $2}'
--- stdout
2 cd

### idiom: printf 'foo123bar45\n' | awk 'BEGIN{FPAT="[0-9]+"} {print NF
printf 'foo123bar45\n' | awk 'BEGIN{FPAT="[0-9]+"} {print NF, $1, $2; $1="X"; print}'
--- stdout
2 123 45
X 45

### idiom: printf 'a b\n' | awk 'BEGIN{FPAT="[a-z]"} {print NF; FS=",";
printf 'a b\n' | awk 'BEGIN{FPAT="[a-z]"} {print NF; FS=","; $0="x,y"; print NF, $1}'
--- stdout
2
2 x

### error: awk 'BEGIN{x = }' 2>&1; echo st=$?
awk 'BEGIN{x = }' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{x = }
awk: cmd. line:1:           ^ syntax error
st=1

### error: awk 'BEGIN{if (1) else print}' 2>&1; echo st=$?
awk 'BEGIN{if (1) else print}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{if (1) else print}
awk: cmd. line:1:              ^ syntax error
st=1

### error: awk '{print $1' 2>&1; echo st=$?
awk '{print $1' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: {print $1
awk: cmd. line:1:          ^ unexpected newline or end of string
st=1

### error: awk 'BEGIN{a[1]=1; a=2}' 2>&1; echo st=$?
awk 'BEGIN{a[1]=1; a=2}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: fatal: attempt to use array `a' in a scalar context
st=2

### error: awk 'BEGIN{getline x < }' 2>&1; echo st=$?
awk 'BEGIN{getline x < }' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{getline x < }
awk: cmd. line:1:                   ^ syntax error
st=1

### error: awk 'BEGIN{print substr("a")}' 2>&1; echo st=$?
awk 'BEGIN{print substr("a")}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{print substr("a")}
awk: cmd. line:1:                       ^ 1 is invalid as number of arguments for substr
st=1

### error: awk 'BEGIN{next}' 2>&1; echo st=$?
awk 'BEGIN{next}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: error: `next' used in BEGIN action
st=1

### error: awk -v 1x=2 'BEGIN{print 1}' 2>&1; echo st=$?
awk -v 1x=2 'BEGIN{print 1}' 2>&1; echo st=$?
--- stdout
awk: fatal: `1x' is not a legal variable name
st=2

### error: awk 'BEGIN{print length(1, 2)}' 2>&1; echo st=$?
awk 'BEGIN{print length(1, 2)}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{print length(1, 2)}
awk: cmd. line:1:                        ^ 2 is invalid as number of arguments for length
st=1

### error: awk 'function f(a, a) {} BEGIN{}' 2>&1; echo st=$?
awk 'function f(a, a) {} BEGIN{}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: error: function `f': parameter #2, `a', duplicates parameter #1
st=1

### error: awk 'function f() {} function f() {} BEGIN{}' 2>&1; echo st=
awk 'function f() {} function f() {} BEGIN{}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: error: function name `f' previously defined
st=1

### error: awk 'BEGIN{x[1]=1; print x}' 2>&1; echo st=$?
awk 'BEGIN{x[1]=1; print x}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: fatal: attempt to use array `x' in a scalar context
st=2

### error: awk 'BEGIN{/abc/ = 1}' 2>&1; echo st=$?
awk 'BEGIN{/abc/ = 1}' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN{/abc/ = 1}
awk: cmd. line:1:             ^ syntax error
st=1

### error: awk 'BEGIN { print "a" "b" > }' 2>&1; echo st=$?
awk 'BEGIN { print "a" "b" > }' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: BEGIN { print "a" "b" > }
awk: cmd. line:1:                         ^ syntax error
st=1

### error: awk '/[/' 2>&1 </dev/null; echo st=$?
awk '/[/' 2>&1 </dev/null; echo st=$?
--- stdout
awk: cmd. line:1: /[/
awk: cmd. line:1:  ^ unterminated regexp
st=1

### error: awk 'BEGIN{ print match("a", "(") }' 2>&1; echo st=$?
awk 'BEGIN{ print match("a", "(") }' 2>&1; echo st=$?
--- stdout
awk: cmd. line:1: fatal: invalid regexp: Unmatched ( or \(: /(/
st=2
