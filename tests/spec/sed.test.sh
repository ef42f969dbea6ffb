# sed (GNU sed 4.9 on the reference machine): commands, addresses, options,
# in-place editing and error messages.
### sed: s basic
printf 'hello\n' | sed 's/l/L/'
--- stdout
heLlo

### sed: s global
printf 'hello\n' | sed 's/l/L/g'
--- stdout
heLLo

### sed: s nth
printf 'aaaa\n' | sed 's/a/b/3'
--- stdout
aaba

### sed: s nth and g
printf 'aaaa\n' | sed 's/a/b/2g'
--- stdout
abbb

### sed: s ampersand
printf 'abc\n' | sed 's/b/[&]/'
--- stdout
a[b]c

### sed: s escaped ampersand
printf 'abc\n' | sed 's/b/\&/'
--- stdout
a&c

### sed: s groups
printf 'john smith\n' | sed 's/\(.*\) \(.*\)/\2, \1/'
--- stdout
smith, john

### sed: s ERE groups
printf 'john smith\n' | sed -E 's/(.*) (.*)/\2 \1/'
--- stdout
smith john

### sed: s -r
printf 'aaa\n' | sed -r 's/a+/X/'
--- stdout
X

### sed: s custom delimiter
printf '/usr/bin\n' | sed 's|/usr|/opt|'
--- stdout
/opt/bin

### sed: s escaped delimiter
printf 'a/b\n' | sed 's/\//_/'
--- stdout
a_b

### sed: s newline in replacement
printf 'a,b\n' | sed 's/,/\n/'
--- stdout
a
b

### sed: s tab escape
printf 'a b\n' | sed 's/ /\t/' | cat -A
--- stdout
a^Ib$

### sed: s i flag
printf 'Hello\n' | sed 's/hello/bye/I'
--- stdout
bye

### sed: s p flag with -n
printf 'a\nb\n' | sed -n 's/a/X/p'
--- stdout
X

### sed: s w flag
printf 'a\nb\na\n' | sed -n 's/a/X/w out'; cat out
--- stdout
X
X

### sed: s w to stdout
printf 'a\nb\n' | sed 's/a/X/w /dev/stdout'
--- stdout
X
X
b

### sed: s empty regex reuses last
printf 'foo\n' | sed '/o/s//0/g'
--- stdout
f00

### sed: s empty match global
printf 'abc\n' | sed 's/x*/-/g'
--- stdout
-a-b-c-

### sed: s star global
printf 'baaac\n' | sed 's/a*/x/g'
--- stdout
xbxcx

### sed: s leftmost longest alternation
printf 'abcd\n' | sed -E 's/ab|abcd/X/'
--- stdout
X

### sed: s leftmost longest groups
printf 'abcd\n' | sed -E 's/(a|ab)(c|bcd)/[\1,\2]/'
--- stdout
[a,bcd]

### sed: s case conversion U
printf 'hello world\n' | sed 's/\w\+/\U&/'
--- stdout
HELLO world

### sed: s case conversion u
printf 'hello world\n' | sed 's/\w\+/\u&/g'
--- stdout
Hello World

### sed: s case conversion L E
printf 'ABC DEF\n' | sed -E 's/(\w+) (\w+)/\L\1\E \2/'
--- stdout
abc DEF

### sed: s caret anchor global
printf 'aaa\n' | sed 's/^a/x/g'
--- stdout
xaa

### sed: s dollar anchor
printf 'aaa\n' | sed 's/a$/x/'
--- stdout
aax

### sed: s M flag
printf 'a\nb\n' | sed 'N;s/^b/B/M'
--- stdout
a
B

### sed: s with N and newline
printf 'a\nb\n' | sed 'N;s/\n/+/'
--- stdout
a+b

### sed: s special chars in replacement
printf 'x\n' | sed 's/x/a\/b/'
--- stdout
a/b

### sed: s bracket with delimiter
printf 'a/b\n' | sed 's/[/]/_/'
--- stdout
a_b

### sed: s number too big no change
printf 'aa\n' | sed 's/a/b/5'
--- stdout
aa

### sed: s backref in regex
printf 'abab\nabcd\n' | sed -n '/\(ab\)\1/p'
--- stdout
abab

### sed: s interval
printf 'aaaa\n' | sed 's/a\{2\}/X/'
--- stdout
Xaa

### sed: s ERE interval
printf 'aaaa\n' | sed -E 's/a{2,3}/X/'
--- stdout
Xa

### sed: s plus question BRE
printf 'aab\n' | sed 's/a\+b\?/X/'
--- stdout
X

### sed: s alternation BRE
printf 'cat dog\n' | sed 's/cat\|dog/pet/g'
--- stdout
pet pet

### sed: s word boundary
printf 'cat concat\n' | sed 's/\bcat\b/X/g'
--- stdout
X concat

### sed: s word start end
printf 'cat concat\n' | sed 's/\<c/C/g;s/t\>/T/g'
--- stdout
CaT ConcaT

### sed: s class
printf 'a1b2\n' | sed 's/[[:digit:]]/#/g'
--- stdout
a#b#

### sed: s dot matches utf8
printf 'é\n' | sed 's/./X/'
--- stdout
X

### sed: s utf8 class
printf 'héllo\n' | sed 's/[[:alpha:]]*/X/'
--- stdout
X

### sed: s dot matches newline in pattern space
printf 'a\nb\n' | sed 'N;s/a.b/X/'
--- stdout
X

### sed: s e flag
printf 'echo hi\n' | sed 's/hi/there/e'
--- stdout
there

### sed: y basic
printf 'hello\n' | sed 'y/abcdefghij/ABCDEFGHIJ/'
--- stdout
HEllo

### sed: y with newline
printf 'a\nb\n' | sed 'N;y/\n/,/'
--- stdout
a,b

### sed: y utf8
printf 'aé\n' | sed 'y/aé/éa/'
--- stdout
éa

### sed: y unequal error
sed 'y/ab/c/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: strings for `y' command are different lengths

### sed: p print
printf 'a\nb\n' | sed p
--- stdout
a
a
b
b

### sed: -n p
printf 'a\nb\n' | sed -n p
--- stdout
a
b

### sed: line address
printf 'a\nb\nc\n' | sed -n 2p
--- stdout
b

### sed: last line
printf 'a\nb\nc\n' | sed -n '$p'
--- stdout
c

### sed: range
printf '1\n2\n3\n4\n5\n' | sed -n '2,4p'
--- stdout
2
3
4

### sed: range regex
printf 'a\nstart\nb\nend\nc\n' | sed -n '/start/,/end/p'
--- stdout
start
b
end

### sed: range regex to line
printf '1\n2\n3\n4\n' | sed -n '/2/,3p'
--- stdout
2
3

### sed: range line to regex
printf '1\n2\n3\n4\n' | sed -n '2,/4/p'
--- stdout
2
3
4

### sed: range end before start
printf '1\n2\n3\n4\n' | sed -n '3,1p'
--- stdout
3

### sed: range zero
printf 'x\ny\nx\n' | sed -n '0,/x/p'
--- stdout
x

### sed: range one vs zero
printf 'x\ny\nx\n' | sed -n '1,/x/p'
--- stdout
x
y
x

### sed: range plus
printf '1\n2\n3\n4\n5\n' | sed -n '/2/,+2p'
--- stdout
2
3
4

### sed: range tilde
printf '1\n2\n3\n4\n5\n6\n' | sed -n '2,~4p'
--- stdout
2
3
4

### sed: step
printf '1\n2\n3\n4\n5\n6\n' | sed -n '1~2p'
--- stdout
1
3
5

### sed: step zero
printf '1\n2\n3\n' | sed -n '2~0p'
--- stdout
2

### sed: step from zero
printf '1\n2\n3\n4\n' | sed -n '0~2p'
--- stdout
2
4

### sed: negation
printf 'a\nb\nc\n' | sed '2!d'
--- stdout
b

### sed: negated range
printf '1\n2\n3\n4\n' | sed '2,3!d'
--- stdout
2
3

### sed: regex address custom delim
printf '/a\nb\n' | sed -n '\,/a,p'
--- stdout
/a

### sed: regex address I
printf 'Foo\nbar\n' | sed -n '/foo/Ip'
--- stdout
Foo

### sed: range repeats
printf 'a\nb\na\nb\n' | sed -n '/a/,/b/p'
--- stdout
a
b
a
b

### sed: d delete
printf 'a\nb\nc\n' | sed 2d
--- stdout
a
c

### sed: d last
printf 'a\nb\nc\n' | sed '$d'
--- stdout
a
b

### sed: D
printf 'a\nb\nc\n' | sed 'N;P;D'
--- stdout
a
b
c

### sed: D without newline
printf 'a\nb\n' | sed D

### sed: g G h H
printf 'a\nb\n' | sed -n 'H;${x;s/\n/,/g;p}'
--- stdout
,a,b

### sed: reverse lines
printf '1\n2\n3\n' | sed '1!G;h;$!d'
--- stdout
3
2
1

### sed: x exchange
printf 'a\nb\n' | sed 'x'
--- stdout

a

### sed: G empty hold
printf 'a\nb\n' | sed G
--- stdout
a

b


### sed: n command
printf '1\n2\n3\n4\n' | sed -n 'n;p'
--- stdout
2
4

### sed: n at end
printf 'a\n' | sed 'n;d'
--- stdout
a

### sed: N at end
printf 'a\nb\nc\n' | sed 'N;s/\n/-/'
--- stdout
a-b
c

### sed: N at end -n
printf 'a\nb\nc\n' | sed -n 'N;p'
--- stdout
a
b

### sed: dollar not N
printf 'a\nb\nc\n' | sed '$!N;s/\n/-/'
--- stdout
a-b
c

### sed: P first line
printf 'a\nb\n' | sed -n 'N;P'
--- stdout
a

### sed: a append
printf 'a\nb\n' | sed '1a hello'
--- stdout
a
hello
b

### sed: a classic
printf 'a\n' | sed 'a\
added'
--- stdout
a
added

### sed: a multi line
printf 'a\n' | sed 'a\
one\
two'
--- stdout
a
one
two

### sed: a with leading spaces
printf 'a\n' | sed 'a\   x'
--- stdout
a
   x

### sed: a one liner strips spaces
printf 'a\n' | sed 'a    x'
--- stdout
a
x

### sed: i insert
printf 'a\nb\n' | sed '2i hi'
--- stdout
a
hi
b

### sed: c change
printf 'a\nb\nc\n' | sed '2c new'
--- stdout
a
new
c

### sed: c range
printf 'a\nb\nc\nd\n' | sed '2,3c new'
--- stdout
a
new
d

### sed: c negated
printf 'a\nb\n' | sed '1!c X'
--- stdout
a
X

### sed: a and i order
printf 'a\n' | sed -e 'a A' -e 'i I'
--- stdout
I
a
A

### sed: a then n
printf 'a\nb\n' | sed '1{a X
n}'
--- stdout
a
X
b

### sed: = line number
printf 'a\nb\n' | sed =
--- stdout
1
a
2
b

### sed: = last
printf 'a\nb\nc\n' | sed -n '$='
--- stdout
3

### sed: l command
printf 'a\tb\\\001\n' | sed -n l
--- stdout
a\tb\\\001$

### sed: l utf8 octal
printf 'é\n' | sed -n l
--- stdout
\303\251$

### sed: l wrap
printf '%s\n' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | sed -n l
--- stdout
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
aaaaaaaaaaaaaa$

### sed: l with width
printf 'abcdefghij\n' | sed -n 'l 5'
--- stdout
abcd\
efgh\
ij$

### sed: l -l option
printf 'abcdef\n' | sed -l 4 -n l
--- stdout
abc\
def$

### sed: l zero no wrap
printf '%s\n' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | sed -n 'l 0'
--- stdout
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa$

### sed: q quit
printf 'a\nb\nc\n' | sed 2q
--- stdout
a
b

### sed: q exit code
printf 'a\nb\n' | sed '1q5'; echo "rc=$?"
--- stdout
a
rc=5

### sed: Q quit silent
printf 'a\nb\nc\n' | sed 2Q
--- stdout
a

### sed: Q exit code
printf 'a\n' | sed 'Q3'; echo "rc=$?"
--- stdout
rc=3

### sed: q with append
printf 'a\nb\n' | sed -e '1a X' -e 1q
--- stdout
a
X

### sed: r file
printf 'R1\nR2\n' > rf; printf 'a\nb\n' | sed '1r rf'
--- stdout
a
R1
R2
b

### sed: r missing file
printf 'a\n' | sed 'r nosuch'
--- stdout
a

### sed: R line by line
printf 'R1\nR2\n' > rf; printf 'a\nb\nc\n' | sed 'R rf'
--- stdout
a
R1
b
R2
c

### sed: w file
printf 'a\nb\n' | sed -n '/b/w out'; cat out
--- stdout
b

### sed: W first line
printf 'a\nb\n' | sed -n 'N;W out'; cat out
--- stdout
a

### sed: z zap
printf 'a\n' | sed 'z;s/^$/empty/'
--- stdout
empty

### sed: F file name
printf 'a\n' > f1; sed F f1
--- stdout
f1
a

### sed: F stdin
printf 'a\n' | sed F
--- stdout
-
a

### sed: e command
printf 'a\n' | sed '1e echo hi'
--- stdout
hi
a

### sed: e pattern space
printf 'echo run\n' | sed e
--- stdout
run

### sed: b branch
printf 'a\nb\n' | sed -n 'b end;p;:end'

### sed: b no label
printf 'a\n' | sed 'b;s/a/X/'
--- stdout
a

### sed: t branch
printf 'aaa\n' | sed ':a;s/a/b/;ta'
--- stdout
bbb

### sed: T branch
printf 'a\nb\n' | sed 's/a/A/;T;s/$/!/'
--- stdout
A!
b

### sed: t resets per line
printf 'ax\nb\n' | sed -n 's/a/A/;t yes;p;b;:yes;s/$/ yes/p'
--- stdout
Ax yes
b

### sed: join lines loop
printf 'a\\\nb\nc\n' | sed -e ':a' -e '/\\$/N; s/\\\n//; ta'
--- stdout
ab
c

### sed: blocks
printf '1\n2\n3\n' | sed -n '2{p;p}'
--- stdout
2
2

### sed: nested blocks
printf '1\n2\n3\n' | sed -n '1,2{/2/{s/2/X/;p}}'
--- stdout
X

### sed: block with semicolon close
printf '1\n2\n' | sed -n '/1/{s/1/one/;p;}'
--- stdout
one

### sed: multiple -e
printf 'a\n' | sed -e 's/a/b/' -e 's/b/c/'
--- stdout
c

### sed: -e and newline in script
printf 'a\n' | sed 's/a/b/
s/b/c/'
--- stdout
c

### sed: -f script file
printf 's/a/b/\n# comment\np\n' > sc; printf 'a\n' | sed -f sc
--- stdout
b
b

### sed: #n first line
printf 'a\n' | sed '#n
p'
--- stdout
a

### sed: comments
printf 'a\n' | sed 's/a/b/ # comment'
--- stdout
b

### sed: -s separate
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; sed -s -n '$p' f1 f2
--- stdout
b
d

### sed: no -s last line of all
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; sed -n '$p' f1 f2
--- stdout
d

### sed: line numbers continue across files
printf 'a\nb\n' > f1; printf 'c\n' > f2; sed -n '$=' f1 f2
--- stdout
3

### sed: -i in place
printf 'a\nb\n' > f1; sed -i 's/a/X/' f1; cat f1
--- stdout
X
b

### sed: -i suffix
printf 'a\n' > f1; sed -i.bak 's/a/X/' f1; cat f1 f1.bak
--- stdout
X
a

### sed: -i star suffix
printf 'a\n' > f1; sed -i'old_*' 's/a/X/' f1; cat f1 old_f1
--- stdout
X
a

### sed: -i multiple files separate
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; sed -i '1d' f1 f2; cat f1 f2
--- stdout
b
d

### sed: -i with -n and p
printf 'a\nb\n' > f1; sed -n -i '2p' f1; cat f1
--- stdout
b

### sed: -i keeps mode
printf 'a\n' > f1; chmod 640 f1; sed -i s/a/b/ f1; ls -l f1 | cut -c1-10
--- stdout
-rw-r-----

### sed: -i q truncates
printf '1\n2\n3\n' > f1; sed -i 2q f1; cat f1
--- stdout
1
2

### sed: -i no files
sed -i p; echo "rc=$?"
--- stdout
rc=4
--- stderr
sed: no input files

### sed: -i directory
mkdir d; sed -i p d; echo "rc=$?"
--- stdout
rc=4
--- stderr
sed: couldn't edit d: not a regular file

### sed: -i w stdout
printf 'a\n' > f1; sed -i 's/a/b/w /dev/stdout' f1; cat f1
--- stdout
b
b

### sed: --in-place long
printf 'a\n' > f1; sed --in-place=.orig 's/a/b/' f1; cat f1 f1.orig
--- stdout
b
a

### sed: -z null data
printf 'a\0b\0' | sed -z 's/^/X/' | tr '\0' '\n'
--- stdout
Xa
Xb

### sed: -z with newline in record
printf 'a\nb\0' | sed -z 's/\n/+/' | tr '\0' '\n'
--- stdout
a+b

### sed: -E backref
printf 'aa\n' | sed -E 's/(a)\1/X/'
--- stdout
X

### sed: --posix alternation literal
printf 'a|b\n' | sed --posix 's/a\|b/X/'
--- stdout
X

### sed: no trailing newline kept
printf 'a\nb' | sed 's/b/c/'
--- stdout noeol
a
c

### sed: no trailing newline p
printf 'a' | sed p
--- stdout noeol
a
a

### sed: missing newline -n p
printf 'a' | sed -n p
--- stdout noeol
a

### sed: empty input
printf '' | sed p

### sed: empty lines
printf '\n\n' | sed 's/^$/E/'
--- stdout
E
E

### sed: missing input file
printf 'a\n' > f1; sed p nosuch f1; echo "rc=$?"
--- stdout
a
a
rc=2
--- stderr
sed: can't read nosuch: No such file or directory

### sed: read error directory
mkdir d; sed p d; echo "rc=$?"
--- stdout
rc=4
--- stderr
sed: read error on d: Is a directory

### sed: stdin dash
printf 'x\n' > f1; printf 'a\n' | sed p f1 -
--- stdout
x
x
a
a

### sed: long input
seq 1 10000 | sed -n '$p;5000p'
--- stdout
5000
10000

### sed: many substitutions
seq 1 1000 | sed 's/0/zero/g' | tail -1
--- stdout
1zerozerozero

### sed: error unterminated s
sed 's/a/b' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 5: unterminated `s' command

### sed: error unknown option to s
sed 's/a/b/q' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: unknown option to `s'

### sed: error unknown command
sed 'k' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 1: unknown command: `k'

### sed: error unknown command second expression
sed -e p -e k /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #2, char 1: unknown command: `k'

### sed: error line address 0
sed '0p' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: invalid usage of line address 0

### sed: error unexpected comma
sed '1,p' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 3: unexpected `,'

### sed: error unmatched brace
sed '{p' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 0: unmatched `{'

### sed: error unexpected brace
sed 'p}' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: unexpected `}'

### sed: error extra characters
sed 'pq' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: extra characters after command

### sed: error expected backslash
sed 'a' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 1: expected \ after `a', `c' or `i'

### sed: error missing label
sed 'bfoo' /dev/null; echo "rc=$?"
--- stdout
rc=4
--- stderr
sed: can't find label for jump to `foo'

### sed: error multiple g
sed 's/a/b/gg' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 8: multiple `g' options to `s' command

### sed: error multiple p
sed 's/a/b/pp' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 8: multiple `p' options to `s' command

### sed: error zero number
sed 's/a/b/0' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: number option to `s' command may not be zero

### sed: error invalid reference
sed 's/\(a\)/\2/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 11: invalid reference \2 on `s' command's RHS

### sed: error missing filename
sed 'r' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 1: missing filename in r/R/w/W commands

### sed: error missing command
sed '1' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 1: missing command

### sed: error unterminated address
sed '/a' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: unterminated address regex

### sed: error multiple bang
sed '3!!p' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 3: multiple `!'s

### sed: error colon lacks label
sed ': ' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: ":" lacks a label

### sed: error colon with address
sed '1:a' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: : doesn't want any addresses

### sed: error unterminated y
sed 'y/a/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 4: unterminated `y' command

### sed: error q two addresses
sed '1,2q' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 4: command only uses one address

### sed: error regex unmatched paren
sed -E 's/(a/x/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: Unmatched ( or \(

### sed: error regex invalid preceding
sed -E 's/*a/x/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: Invalid preceding regular expression

### sed: error regex BRE double star
sed 's/a**/x/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 8: Invalid preceding regular expression

### sed: error regex unmatched brace
sed -E 's/a{1/x/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 8: Unmatched \{

### sed: error regex class name
sed 's/[[:foo:]]/x/' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 14: Invalid character class name

### sed: error no previous regex
printf 'a\n' | sed 's//x/'; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 0: no previous regular expression

### sed: error in -f file
printf 'p\nk\n' > sc; sed -f sc /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: file sc line 2: unknown command: `k'

### sed: error comment with address
sed '1# x' /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: comments don't accept any addresses

### sed: error invalid option
sed -k p /dev/null 2>&1 | head -2; echo "rc=$?"
--- stdout
sed: invalid option -- 'k'
Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...
rc=0

### sed: no script usage
sed 2>&1 | head -1
--- stdout
Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

### sed: BRE star literal at start
printf '*a\n' | sed 's/*a/X/'
--- stdout
X

### sed: BRE literal braces
printf 'a{1}\n' | sed 's/a{1}/X/'
--- stdout
X

### sed: ERE literal braces escaped
printf 'a{1}\n' | sed -E 's/a\{1\}/X/'
--- stdout
X

### sed: bracket special chars
printf 'a]b-c\n' | sed 's/[]-]/_/g'
--- stdout
a_b_c

### sed: equivalence class in bracket
printf 'abc\n' | sed 's/[[=b=]]/X/'
--- stdout
aXc

### sed: escape sequences in regex
printf 'a\tb\n' | sed 's/\t/TAB/'
--- stdout
aTABb

### sed: hex escape in regex
printf 'aAb\n' | sed 's/\x41/X/'
--- stdout
aXb

### sed: decimal escape
printf 'aAb\n' | sed 's/\d65/X/'
--- stdout
aXb

### sed: newline in char class
printf 'a\nb\n' | sed 'N;s/[\n]/+/'
--- stdout
a+b

### sed: hold across lines
printf 'k1\nv1\nk2\nv2\n' | sed -n 'h;n;G;s/\n/=/p'
--- stdout
v1=k1
v2=k2

### sed: address regex with s empty
printf 'ab\nb\n' | sed '/a/s//X/'
--- stdout
Xb
b

### sed: s with & and groups
printf 'foo=bar\n' | sed -E 's/(\w+)=(\w+)/\2=\1 [&]/'
--- stdout
bar=foo [foo=bar]

### sed: substitute every other
printf 'a a a a\n' | sed 's/a/b/2g'
--- stdout
a b b b

### sed: tac with sed
printf '1\n2\n3\n' | sed -n '1!G;h;$p'
--- stdout
3
2
1

### sed: count lines sed
printf 'a\nb\nc\n' | sed -n '$='
--- stdout
3

### sed: print line before match
printf 'a\nb\nc\n' | sed -n '/c/{x;p;x};h'
--- stdout
b

### sed: delete empty lines
printf 'a\n\nb\n\n' | sed '/^$/d'
--- stdout
a
b

### sed: strip trailing spaces
printf 'a  \nb \n' | sed 's/ *$//' | cat -A
--- stdout
a$
b$

### sed: y with escaped delimiter
printf 'a/b\n' | sed 'y/\//|/'
--- stdout
a|b

### sed: address and s with semicolons
printf 'a;b\n' | sed 's/;/,/'
--- stdout
a,b

### sed: braces with spaces
printf 'a\nb\n' | sed -n '/a/ { p ; p }'
--- stdout
a
a

### sed: sandbox refuses w
printf 'a\n' | sed --sandbox 'w x'; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 1: e/r/w commands disabled in sandbox mode

### sed: sandbox refuses s e flag
printf 'a\n' | sed --sandbox 's/a/b/e'; echo "rc=$?"
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: e/r/w commands disabled in sandbox mode

### sed: sandbox allows plain commands
printf 'a\n' | sed --sandbox 's/a/b/'
--- stdout
b

### sed: -i follow symlinks
printf 'a\n' > f1; ln -s f1 lnk; sed -i --follow-symlinks s/a/b/ lnk; cat f1; ls -l lnk | cut -c1
--- stdout
b
l

### sed: -i replaces symlink
printf 'a\n' > f1; ln -s f1 lnk; sed -i s/a/b/ lnk; cat f1 lnk; ls -l lnk | cut -c1
--- stdout
a
b
-

### sed: range with = and p
printf 'x\na\ny\nb\nz\n' | sed -n '/a/,/b/{=;p}'
--- stdout
2
a
3
y
4
b

### sed: last two lines
printf '1\n2\n3\n4\n' | sed '$!N;$!D'
--- stdout
3
4

### sed: -s with F
printf 'a\n' > f1; printf 'b\n' > f2; sed -s 1F f1 f2
--- stdout
f1
a
f2
b

### sed: w dev stderr
printf 'a\n' | sed 'w /dev/stderr'
--- stdout
a
--- stderr
a

### sed: s g with newline pattern space
printf 'a b\nc d\n' | sed 'N;s/ /_/g'
--- stdout
a_b
c_d

### sed: s nth with empty matches
printf 'abc\n' | sed 's/x*/-/2'
--- stdout
a-bc

### sed: s ampersand with case
printf 'abc\n' | sed 's/b/\U&x/'
--- stdout
aBXc

### sed: y and s combined
printf 'hello\n' | sed 'y/el/ip/;s/hippo/HIPPO/'
--- stdout
HIPPO

### sed: address step with range
printf '1\n2\n3\n4\n5\n6\n7\n' | sed -n '2~3,+1p'
--- stdout
2
3
5
6

### sed: addr regex then comma plus zero
printf 'a\nb\na\n' | sed -n '/a/,+0p'
--- stdout
a
a

### sed: c on last line without newline
printf 'a\nb' | sed '$c X'
--- stdout
a
X

### sed: i before first line
printf 'a\n' | sed '1i\
header'
--- stdout
header
a

### sed: a at end of file
printf 'a\nb\n' | sed '$a END'
--- stdout
a
b
END

### sed: multiple a same line
printf 'a\n' | sed -e 'a 1' -e 'a 2'
--- stdout
a
1
2

### sed: r and a order
printf 'R\n' > rf; printf 'a\n' | sed -e 'r rf' -e 'a A'
--- stdout
a
R
A

### sed: label ends at brace
printf 'a\nb\n' | sed '/a/{s/a/A/;b};s/b/B/'
--- stdout
A
B

### sed: label ends at blank
printf 'a\n' | sed -n '{b x ;:x };p'
--- stdout
a

### sed: -z equals and l
printf 'a\nb\0c' | sed -z 'l;=' | tr '\0' '@'
--- stdout noeol
a\nb$@1@a
b@c$@2@c

### sed: -z i text
printf 'a\0' | sed -z 'i foo' | tr '\0' '@'
--- stdout noeol
foo@a@

### sed: x keeps newline state
printf 'a\nb' | sed x
--- stdout

a

### sed: q adds final newline
printf 'a' | sed q
--- stdout
a

### sed: Q keeps no newline
printf 'a' | sed '$!d'

--- stdout noeol
a

### sed audit: s empty regex reuse
printf 'abc\n' | sed '/b/s//X/'
--- stdout
aXc

### sed audit: s empty regex reuse with flags
printf 'aBc\n' | sed -n '/b/Is//X/p'
--- stdout
aXc

### sed audit: s Ng
printf 'aaaaa\n' | sed 's/a/X/3g'
--- stdout
aaXXX

### sed audit: s N p
printf 'abab\n' | sed -n 's/b/X/2p'
--- stdout
abaX

### sed audit: s M flag
printf 'a\nb\n' | sed 'N;s/^b/X/M'
--- stdout
a
X

### sed audit: s M dollar
printf 'a\nb\n' | sed 'N;s/a$/X/M'
--- stdout
X
b

### sed audit: s M backtick
printf 'a\nb\n' | sed 'N;s/\`a/X/Mg'
--- stdout
X
b

### sed audit: s e command
printf 'echo hi\n' | sed 'e'
--- stdout
hi

### sed audit: s e flag
printf 'x\n' | sed 's/x/echo yo/e'
--- stdout
yo

### sed audit: s F
printf 'a\n' > f; sed F f
--- stdout
f
a

### sed audit: s F stdin
printf 'a\n' | sed F
--- stdout
-
a

### sed audit: s W
printf 'a\nb\n' | sed 'N;W out'; cat out
--- stdout
a
b
a

### sed audit: s R
printf '1\n2\n' > r; printf 'a\nb\nc\n' | sed 'R r'
--- stdout
a
1
b
2
c

### sed audit: s r missing
printf 'a\n' | sed 'r nofile'
--- stdout
a

### sed audit: s w file
printf 'a\nb\n' | sed -n '/a/w out'; cat out
--- stdout
a

### sed audit: s -s with $
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; sed -s -n '$p' f1 f2
--- stdout
b
d

### sed audit: s no -s $
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; sed -n '$p' f1 f2
--- stdout
d

### sed audit: s -i multiple
printf 'a\n' > f1; printf 'a\n' > f2; sed -i 's/a/b/' f1 f2; cat f1 f2
--- stdout
b
b

### sed audit: s -i F
printf 'a\n' > f1; sed -i F f1; cat f1
--- stdout
f1
a

### sed audit: s -i suffix
printf 'a\n' > f1; sed -i.bak 's/a/b/' f1; cat f1 f1.bak
--- stdout
b
a

### sed audit: s -i line numbers restart
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; sed -i 1d f1 f2; cat f1 f2
--- stdout
b
d

### sed audit: s 0,/re/
printf 'x\nx\n' | sed '0,/x/s//y/'
--- stdout
y
x

### sed audit: s first~step
seq 10 | sed -n '0~3p'
--- stdout
3
6
9

### sed audit: s addr,+N
seq 10 | sed -n '/4/,+2p'
--- stdout
4
5
6

### sed audit: s addr,~N
seq 10 | sed -n '5,~4p'
--- stdout
5
6
7
8

### sed audit: s range backwards
seq 5 | sed -n '4,2p'
--- stdout
4

### sed audit: s range regex end same line
printf 'ab\nc\nb\n' | sed -n '/a/,/b/p'
--- stdout
ab
c
b

### sed audit: s ! negation
seq 3 | sed '2!d'
--- stdout
2

### sed audit: s y
printf 'abc\n' | sed 'y/abc/xyz/'
--- stdout
xyz

### sed audit: s y escaped
printf 'a/b\n' | sed 'y,/,|,'
--- stdout
a|b

### sed audit: s y newline
printf 'a\nb\n' | sed 'N;y/\n/ /'
--- stdout
a b

### sed audit: s a i c one-liners
seq 3 | sed -e '1i\' -e 'top' -e '3a end' -e '2c mid'
--- stdout
top
1
mid
3
end

### sed audit: s a gnu leading spaces
printf 'x\n' | sed 'a\   two'
--- stdout
x
   two

### sed audit: s a backslash
printf 'x\n' | sed 'a foo\tbar'
--- stdout
x
foo	bar

### sed audit: s c range
seq 5 | sed '2,4c X'
--- stdout
1
X
5

### sed audit: s c range !
seq 3 | sed '2!c X'
--- stdout
X
2
X

### sed audit: s D loop
printf 'a\nb\nc\n' | sed '$!N;P;D'
--- stdout
a
b
c

### sed audit: s n at end
printf 'a\n' | sed 'n;s/a/X/'
--- stdout
a

### sed audit: s N at end posix
printf 'a\nb\nc\n' | sed 'N;s/\n/-/'
--- stdout
a-b
c

### sed audit: s q exit code
printf 'a\nb\n' | sed '1q5'; echo rc=$?
--- stdout
a
rc=5

### sed audit: s Q
printf 'a\nb\n' | sed '2Q'; echo rc=$?
--- stdout
a
rc=0

### sed audit: s l
printf 'a\tb\001\n' | sed -n l
--- stdout
a\tb\001$

### sed audit: s l wrap
printf '%s\n' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | sed -n l
--- stdout
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
aaaaaaaaaaaaaaaaaaa$

### sed audit: s l 5
printf 'abcdefghij\n' | sed -n 'l 5'
--- stdout
abcd\
efgh\
ij$

### sed audit: s l 0
printf 'abcdefghij\n' | sed -n 'l 0'
--- stdout
abcdefghij$

### sed audit: s =
printf 'a\nb\n' | sed -n '$='
--- stdout
2

### sed audit: s z
printf 'a\n' | sed 'z;s/^$/E/'
--- stdout
E

### sed audit: s T
printf 'a\nb\n' | sed 's/a/X/;T;s/$/!/'
--- stdout
X!
b

### sed audit: s t loop
printf 'aaa\n' | sed ':a;s/a/b/;ta'
--- stdout
bbb

### sed audit: s b label spaces
printf 'a\n' | sed -n ':x
p'
--- stdout
a

### sed audit: s missing label
printf 'a\n' | sed 'b nolabel'; echo rc=$?
--- stdout
rc=4
--- stderr
sed: can't find label for jump to `nolabel'

### sed audit: s unknown command
printf 'a\n' | sed 'k'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 1: unknown command: `k'

### sed audit: s unterminated s
printf 'a\n' | sed 's/a/b'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 5: unterminated `s' command

### sed audit: s unknown option to s
printf 'a\n' | sed 's/a/b/k'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: unknown option to `s'

### sed audit: s extra chars
printf 'a\n' | sed 'p x'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 3: extra characters after command

### sed audit: s amp and escapes
printf 'abc\n' | sed 's/b/[&][\&]/'
--- stdout
a[b][&]c

### sed audit: s case conversion
printf 'hello world\n' | sed 's/\w\+/\u&/g'
--- stdout
Hello World

### sed audit: s case conversion U E
printf 'hello world\n' | sed 's/\(hello\) \(world\)/\U\1\E \2/'
--- stdout
HELLO world

### sed audit: s case L
printf 'HELLO\n' | sed 's/.*/\L&/'
--- stdout
hello

### sed audit: s newline in replacement
printf 'a b\n' | sed 's/ /\n/'
--- stdout
a
b

### sed audit: s -z
printf 'a\0b\0' | sed -z 's/^/X/' | tr '\0' @
--- stdout noeol
Xa@Xb@

### sed audit: s -E groups
printf 'ab\n' | sed -E 's/(a)(b)/\2\1/'
--- stdout
ba

### sed audit: s special chars in ERE
printf 'a+b\n' | sed 's/a+b/X/'
--- stdout
X

### sed audit: s BRE \+ literal in ERE
printf 'a+b\n' | sed -E 's/a\+b/X/'
--- stdout
X

### sed audit: s anchors in middle
printf 'a^b\n' | sed 's/a^b/X/'
--- stdout
X

### sed audit: s dollar middle
printf 'a$b\n' | sed 's/a$b/X/'
--- stdout
X

### sed audit: s empty match g
printf 'abc\n' | sed 's/x*/-/g'
--- stdout
-a-b-c-

### sed audit: s empty match after match
printf 'baaac\n' | sed 's/a*/X/g'
--- stdout
XbXcX

### sed audit: s g with ^
printf 'aaa\n' | sed 's/^a/X/g'
--- stdout
Xaa

### sed audit: s nth with empty
printf 'abc\n' | sed 's/x*/-/2'
--- stdout
a-bc

### sed audit: s & escaped newline
printf 'ab\n' | sed 's/a/&\
/'
--- stdout
a
b

### sed audit: s I flag
printf 'ABC\n' | sed 's/b/x/I'
--- stdout
AxC

### sed audit: s w /dev/stdout
printf 'a\n' | sed 's/a/b/w /dev/stdout'
--- stdout
b
b

### sed audit: s -n p duplicate
printf 'a\n' | sed p
--- stdout
a
a

### sed audit: s G H x
printf 'a\nb\n' | sed -n 'H;${x;s/\n/,/g;p}'
--- stdout
,a,b

### sed audit: s g empty hold
printf 'a\n' | sed 'G'
--- stdout
a


### sed audit: s range 0 error
seq 3 | sed -n '0p'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 2: invalid usage of line address 0

### sed audit: s 0,5 error
seq 3 | sed -n '0,2p'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 4: invalid usage of line address 0

### sed audit: s backref in regex
printf 'abab\nabcd\n' | sed -n '/\(ab\)\1/p'
--- stdout
abab

### sed audit: s interval
printf 'aaa\n' | sed 's/a\{2\}/X/'
--- stdout
Xa

### sed audit: s bracket
printf 'a]b\n' | sed 's/[]]/X/'
--- stdout
aXb

### sed audit: s class
printf 'a1 b\n' | sed 's/[[:alpha:][:digit:]]*/X/'
--- stdout
X b

### sed audit: s c in middle of N
printf 'a\nb\nc\n' | sed 'N;c X'
--- stdout
X
c

### sed audit: s i before with -n
printf 'a\n' | sed -n 'i X'
--- stdout
X

### sed audit: s a then n
printf 'a\nb\n' | sed '1{a X
n}'
--- stdout
a
X
b

### sed audit: s r then q
printf 'z\n' > r; printf 'a\nb\n' | sed 'r r
q'
--- stdout
a
z

### sed audit: s nested braces
seq 6 | sed -n '2,5{/3/,/4/!p}'
--- stdout
2
5

### sed audit: s semicolon after brace
seq 3 | sed -n '2{p};3p'
--- stdout
2
3

### sed audit: s comment
seq 2 | sed -n '# hi
1p'
--- stdout
1

### sed audit: s #n first line
printf '#n\n1p\n' > sc; seq 2 | sed -f sc
--- stdout
1

### sed audit: s -f and -e order
printf 's/a/b/\n' > sc; printf 'a\n' | sed -e 's/b/c/' -f sc
--- stdout
b

### sed audit: s -e join with a
printf 'x\n' | sed -e 'a\' -e 'foo'
--- stdout
x
foo

### sed audit: s debug not needed posix
printf 'a\n' | sed --posix 's/a/b/'
--- stdout
b

### sed audit: s --expression=
printf 'a\n' | sed --expression='s/a/b/'
--- stdout
b

### sed audit: s -n --quiet
printf 'a\n' | sed --quiet p
--- stdout
a

### sed audit: s missing input file
sed p nofile; echo rc=$?
--- stdout
rc=2
--- stderr
sed: can't read nofile: No such file or directory

### sed audit: s missing file with others
printf 'a\n' > f1; sed -n p nofile f1; echo rc=$?
--- stdout
a
rc=2
--- stderr
sed: can't read nofile: No such file or directory

### sed audit: s crlf
printf 'a\r\n' | sed 's/a$/X/' | od -c
--- stdout
0000000   a  \r  \n
0000003

### sed audit: s no trailing newline
printf 'a\nb' | sed 's/b/c/' | od -c
--- stdout
0000000   a  \n   c
0000003

### sed audit: s no trailing newline N
printf 'a\nb' | sed 'N;P;D' | od -c
--- stdout
0000000   a  \n   b
0000003

### sed audit: s utf8 dot
printf 'é\n' | sed 's/./X/'
--- stdout
X

### sed audit: s utf8 y
printf 'éa\n' | sed 'y/é/e/'
--- stdout
ea

### sed audit: s invalid y
printf 'a\n' | sed 'y/ab/c/'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 7: strings for `y' command are different lengths

### sed audit: s s special delimiter
printf 'a|b\n' | sed 's|a\|b|X|g'
--- stdout
X

### sed audit: s delimiter n
printf 'abc\n' | sed 'snbnXn'
--- stdout
aXc

### sed audit: s q with append
printf 'a\nb\n' | sed '1{a X
q}'
--- stdout
a
X

### sed audit: s = with -s
printf 'a\n' > f1; printf 'b\n' > f2; sed -s = f1 f2
--- stdout
1
a
1
b

### sed audit: s -u
printf 'a\n' | sed -u p
--- stdout
a
a

### sed audit: s long line
head -c 50000 /dev/zero | tr '\0' a | sed 's/a*/X/'
--- stdout noeol
X

### sed audit: s -l line length
printf 'abcdefghij\n' | sed -l 5 -n l
--- stdout
abcd\
efgh\
ij$

### sed audit: s regex ^* literal
printf '*a\n' | sed 's/^*/X/'
--- stdout
Xa

### sed audit: s \n in regex
printf 'a\nb\n' | sed 'N;s/a\nb/X/'
--- stdout
X

### sed audit: s $!N
printf '1\n2\n3\n' | sed '$!N;s/\n/ /'
--- stdout
1 2
3

### sed audit: s \cX escapes
printf 'a\n' | sed 's/a/\x41/'
--- stdout
A

### sed audit: s \o \d escapes
printf 'a\n' | sed 's/a/\o101\d066/'
--- stdout
AB

### sed audit: s regex \t
printf 'a\tb\n' | sed 's/\t/T/'
--- stdout
aTb

### sed audit: s w then read same file
printf 'a\n' | sed 's/a/b/w out' >/dev/null; cat out
--- stdout
b

### sed: a\ i\ c\ ending the script have an empty text
printf 'x\n' | sed 'i\' | od -c; printf 'x\n' | sed 'a\'; printf 'x\ny\n' | sed '1c\'; printf 'x\n' | sed '$a\'; printf 'x\n' | sed '1i\
' | od -c; printf 'x\n' | sed -e 'a\' -e 'foo'
--- stdout
0000000   x  \n
0000002
x
y
x
0000000  \n   x  \n
0000003
x
foo

### sed: l with a line length of 1 breaks before every character
printf 'abc\n' | sed -n 'l 1'; printf 'abc\n' | sed -l 1 -n l; printf 'abc\n' | sed -l 2 -n l; printf 'a\tb\n' | sed -n 'l 2'; printf 'abc\n' | sed -n 'l 0'
--- stdout
\
a\
b\
c$
\
a\
b\
c$
a\
b\
c$
a\
\t\
b$
abc$

### sed: \U \L \u \l convert non-ASCII letters in a UTF-8 locale
printf '\303\251cole\n' | sed 's/\(.\)\(.*\)/\u\1\U\2/'; printf '\303\211COLE\n' | sed 's/.*/\L&/'; printf '\303\251cole\n' | sed 's/./\u&/g'; printf '\304\260STANBUL\n' | sed 's/.*/\L&/'; printf '\303\251\377a\n' | sed 's/.*/\U&/' | od -c | head -1; printf '\303\240\303\251\n' | sed 's/\(.\)\(.\)/\U\1\E\2/'; printf '\317\211mega\n' | sed -E 's/(\w+)/\u\1/'
--- stdout
ÉCOLE
école
ÉCOLE
istanbul
0000000 303 211 377   a  \n
Àé
Ωmega
