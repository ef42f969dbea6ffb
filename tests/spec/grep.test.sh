# grep (GNU grep 3.8 on the reference machine): matching, output control,
# context, files and recursion, binary files, colours, errors.
### grep: basic match
printf 'apple\nbanana\ncherry\n' | grep an
--- stdout
banana

### grep: no match status
printf 'apple\n' | grep zzz; echo "rc=$?"
--- stdout
rc=1

### grep: -v invert
printf 'a\nb\nc\n' | grep -v b
--- stdout
a
c

### grep: -c count
printf 'a\nb\na\n' | grep -c a
--- stdout
2

### grep: -c with -v
printf 'a\nb\na\n' | grep -vc a
--- stdout
1

### grep: -n line numbers
printf 'x\ny\nx\n' | grep -n x
--- stdout
1:x
3:x

### grep: -b byte offset
printf 'ab\ncd\nab\n' | grep -b ab
--- stdout
0:ab
6:ab

### grep: -i ignore case
printf 'Foo\nfoo\nFOO\nbar\n' | grep -i foo
--- stdout
Foo
foo
FOO

### grep: -y same as -i
printf 'Foo\nbar\n' | grep -y FOO
--- stdout
Foo

### grep: --no-ignore-case
printf 'Foo\nfoo\n' | grep -i --no-ignore-case foo
--- stdout
foo

### grep: -w word
printf 'foo\nfoobar\nbar foo baz\nfoo_x\n' | grep -w foo
--- stdout
foo
bar foo baz

### grep: -x whole line
printf 'foo\nfoo bar\n' | grep -x foo
--- stdout
foo

### grep: -x with -w
printf 'foo\nfoo bar\n' | grep -xw foo
--- stdout
foo

### grep: -o only matching
printf 'a1b22c333\n' | grep -o '[0-9]*'
--- stdout
1
22
333

### grep: -o several per line
printf 'foo bar foo\n' | grep -o foo
--- stdout
foo
foo

### grep: -o with -n and -b
printf 'xx ab\nab ab\n' | grep -onb ab
--- stdout
1:3:ab
2:6:ab
2:9:ab

### grep: -o -i
printf 'aAbA\n' | grep -oi a
--- stdout
a
A
A

### grep: -o empty matches skipped
printf 'abc\n' | grep -o 'x*'; echo "rc=$?"
--- stdout
rc=0

### grep: -q quiet match
printf 'a\n' | grep -q a; echo "rc=$?"
--- stdout
rc=0

### grep: -q quiet nomatch
printf 'a\n' | grep -q b; echo "rc=$?"
--- stdout
rc=1

### grep: -e multiple
printf 'a\nb\nc\n' | grep -e a -e c
--- stdout
a
c

### grep: -e with dash pattern
printf -- '-x\ny\n' | grep -e -x
--- stdout
-x

### grep: -- ends options
printf -- '-v\nx\n' | grep -- -v
--- stdout
-v

### grep: -f file of patterns
printf 'a\nc\n' > pats; printf 'a\nb\nc\n' | grep -f pats
--- stdout
a
c

### grep: -f empty file matches nothing
printf '' > pats; printf 'a\n' | grep -f pats; echo "rc=$?"
--- stdout
rc=1

### grep: -f with -e
printf 'a\n' > pats; printf 'a\nb\nc\n' | grep -f pats -e b
--- stdout
a
b

### grep: pattern with newline is two patterns
printf 'a\nb\nc\n' | grep "$(printf 'a\nc')"
--- stdout
a
c

### grep: empty pattern matches all
printf 'a\n\nb\n' | grep ''
--- stdout
a

b

### grep: -E alternation
printf 'cat\ndog\nbird\n' | grep -E 'cat|dog'
--- stdout
cat
dog

### grep: -E plus
printf 'a\naa\nb\n' | grep -E '^a+$'
--- stdout
a
aa

### grep: -E interval
printf 'ab\naab\naaab\n' | grep -E '^a{2}b'
--- stdout
aab

### grep: -E groups backref
printf 'abab\nabba\n' | grep -E '(ab)\1'
--- stdout
abab

### grep: BRE interval
printf 'ab\naab\n' | grep 'a\{2\}'
--- stdout
aab

### grep: BRE alternation GNU
printf 'cat\ndog\ncow\n' | grep 'cat\|cow'
--- stdout
cat
cow

### grep: BRE plus question
printf 'ac\nabc\nabbc\n' | grep 'ab\+c'; printf 'ac\nabc\nabbc\n' | grep 'ab\?c'
--- stdout
abc
abbc
ac
abc

### grep: BRE backref
printf 'aa\nab\n' | grep '\(.\)\1'
--- stdout
aa

### grep: BRE literal braces in ERE context
printf 'a{1}\n' | grep 'a{1}'
--- stdout
a{1}

### grep: BRE star at start literal
printf '*x\nx\n' | grep '*x'
--- stdout
*x

### grep: ERE star at start warns
printf '*x\nx\n' | grep -E '*x'
--- stdout
*x
x
--- stderr
grep: warning: * at start of expression

### grep: ERE lone paren literal
printf 'a)\n' | grep -E 'a)'
--- stdout
a)

### grep: ERE brace literal when no interval
printf 'a{1\n' | grep -E 'a{1'
--- stdout
a{1

### grep: anchors
printf 'abc\nbca\n' | grep '^a'; printf 'abc\nbca\n' | grep 'a$'
--- stdout
abc
bca

### grep: dollar in middle literal BRE
printf 'a$b\n' | grep 'a$b'
--- stdout
a$b

### grep: caret in middle literal BRE
printf 'a^b\n' | grep 'a^b'
--- stdout
a^b

### grep: dot does not match newline
printf 'a\nb\n' | grep -c 'a.b'
--- stdout
0
--- status 1

### grep: bracket classes
printf 'a1\nb\n2\n' | grep '[[:digit:]]'
--- stdout
a1
2

### grep: bracket negation
printf 'abc\n123\n' | grep '^[^0-9]*$'
--- stdout
abc

### grep: bracket with ] first
printf 'a]\nb\n' | grep '[]]'
--- stdout
a]

### grep: bracket range
printf 'm\nz\n' | grep '[a-n]'
--- stdout
m

### grep: equivalence class
printf 'a\nb\n' | grep '[[=a=]]'
--- stdout
a

### grep: word boundaries
printf 'the cat\nconcat\n' | grep '\<cat'
--- stdout
the cat

### grep: word end
printf 'cat s\ncats\n' | grep 'cat\>'
--- stdout
cat s

### grep: backslash b
printf 'a cat\nacat\n' | grep '\bcat\b'
--- stdout
a cat

### grep: backslash w
printf 'a_1\n--\n' | grep -c '\w'
--- stdout
1

### grep: backslash s
printf 'a b\nab\n' | grep 'a\sb'
--- stdout
a b

### grep: backslash S W
printf 'ab\n..\n' | grep '\S\W'
--- stdout
..

### grep: leftmost longest -o alternation
printf 'abcd\n' | grep -oE 'ab|abcd'
--- stdout
abcd

### grep: leftmost longest -o BRE
printf 'xyz\n' | grep -o 'x\|xy'
--- stdout
xy

### grep: -F fixed string
printf 'a.c\nabc\n' | grep -F 'a.c'
--- stdout
a.c

### grep: -F multiple
printf 'foo\nbar\nbaz\n' | grep -F -e foo -e baz
--- stdout
foo
baz

### grep: -F -o longest
printf 'abcd\n' | grep -oF -e ab -e abcd
--- stdout
abcd

### grep: -F -i
printf 'HeLLo\n' | grep -Fi hello
--- stdout
HeLLo

### grep: -F -w
printf 'foo bar\nfoobar\n' | grep -Fw foo
--- stdout
foo bar

### grep: -F -x
printf 'foo\nfoo \n' | grep -Fx foo
--- stdout
foo

### grep: fgrep
printf 'a*b\nab\n' | fgrep 'a*b'
--- stdout
a*b

### grep: egrep
printf 'ab\nb\n' | egrep 'a|x'
--- stdout
ab

### grep: -P perl
printf 'a1\nb\n' | grep -P '\d'
--- stdout
a1

### grep: -P lookahead
printf 'foobar\nfoobaz\n' | grep -P 'foo(?=bar)'
--- stdout
foobar

### grep: -P -o
printf 'k=v1 k=v2\n' | grep -oP 'k=\K\w+'
--- stdout
v1
v2

### grep: -P syntax error
grep -P 'a(' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: missing closing parenthesis

### grep: -E and -P conflict
grep -E -P x /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: conflicting matchers specified

### grep: -A after context
printf '1\n2\nm\n3\n4\n5\n' | grep -A2 m
--- stdout
m
3
4

### grep: -B before context
printf '1\n2\n3\nm\n4\n' | grep -B2 m
--- stdout
2
3
m

### grep: -C context
printf '1\n2\nm\n3\n4\n' | grep -C1 m
--- stdout
2
m
3

### grep: -NUM context
printf '1\n2\nm\n3\n4\n' | grep -1 m
--- stdout
2
m
3

### grep: context separators
printf 'm\n1\n2\n3\n4\nm\n5\n' | grep -A1 m
--- stdout
m
1
--
m
5

### grep: context adjacent groups merge
printf 'm\n1\nm\n2\n' | grep -A1 m
--- stdout
m
1
m
2

### grep: context with -n
printf 'a\nm\nb\nc\nd\nm\n' | grep -n -C1 m
--- stdout
1-a
2:m
3-b
--
5-d
6:m

### grep: group separator custom
printf 'm\n1\n2\n3\nm\n' | grep -A1 --group-separator=XX m
--- stdout
m
1
XX
m

### grep: no group separator
printf 'm\n1\n2\n3\nm\n' | grep -A1 --no-group-separator m
--- stdout
m
1
m

### grep: context -B at start
printf 'm\n1\n' | grep -B3 m
--- stdout
m

### grep: context overlapping
printf '1\nm\n2\nm\n3\n' | grep -C2 m
--- stdout
1
m
2
m
3

### grep: invert with context
printf 'a\nb\nc\nd\n' | grep -v -A1 a
--- stdout
b
c
d

### grep: -m max count
printf 'a\na\na\n' | grep -m2 a
--- stdout
a
a

### grep: -m with -c
printf 'a\na\na\n' | grep -c -m2 a
--- stdout
2

### grep: -m with -A
printf 'a\na\nb\na\n' | grep -m1 -A2 a
--- stdout
a
a
b

### grep: -m 0
printf 'a\n' | grep -m0 a; echo "rc=$?"
--- stdout
rc=1

### grep: -m bad
grep -m x a /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: invalid max count

### grep: -A bad
grep -A x a /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: x: invalid context length argument

### grep: files with names
printf 'a\n' > f1; printf 'b\na\n' > f2; grep a f1 f2
--- stdout
f1:a
f2:a

### grep: -h no names
printf 'a\n' > f1; printf 'a\n' > f2; grep -h a f1 f2
--- stdout
a
a

### grep: -H single file
printf 'a\n' > f1; grep -H a f1
--- stdout
f1:a

### grep: -l files with matches
printf 'a\n' > f1; printf 'b\n' > f2; grep -l a f1 f2
--- stdout
f1

### grep: -L files without match
printf 'a\n' > f1; printf 'b\n' > f2; grep -L a f1 f2; echo "rc=$?"
--- stdout
f2
rc=0

### grep: -L all match
printf 'a\n' > f1; grep -L a f1; echo "rc=$?"
--- stdout
rc=0

### grep: -c multiple files
printf 'a\na\n' > f1; printf 'b\n' > f2; grep -c a f1 f2
--- stdout
f1:2
f2:0

### grep: -Z after names
printf 'a\n' > f1; printf 'a\n' > f2; grep -lZ a f1 f2 | cat -v
--- stdout noeol
f1^@f2^@

### grep: -Z with lines
printf 'a\n' > f1; printf 'a\n' > f2; grep -Z a f1 f2 | cat -v
--- stdout
f1^@a
f2^@a

### grep: -n with names
printf 'x\na\n' > f1; printf 'a\n' > f2; grep -n a f1 f2
--- stdout
f1:2:a
f2:1:a

### grep: missing file
grep a nosuch; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: nosuch: No such file or directory

### grep: missing file -s
grep -s a nosuch; echo "rc=$?"
--- stdout
rc=2

### grep: missing file with match elsewhere
printf 'a\n' > f1; grep a f1 nosuch; echo "rc=$?"
--- stdout
f1:a
rc=2
--- stderr
grep: nosuch: No such file or directory

### grep: missing file with -q match
printf 'a\n' > f1; grep -q a nosuch f1; echo "rc=$?"
--- stdout
rc=0
--- stderr
grep: nosuch: No such file or directory

### grep: directory operand
mkdir d; grep a d; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: d: Is a directory

### grep: directory skip
mkdir d; grep -d skip a d; echo "rc=$?"
--- stdout
rc=1

### grep: bad directories arg
grep -d bogus a d; echo "rc=$?"
--- stdout
rc=1
--- stderr
grep: invalid argument ‘bogus’ for ‘--directories’
Valid arguments are:
  - ‘read’
  - ‘recurse’
  - ‘skip’
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.

### grep: stdin dash
printf 'a\n' > f1; printf 'a\n' | grep a - f1
--- stdout
(standard input):a
f1:a

### grep: label
printf 'a\n' | grep -H --label=IN a
--- stdout
IN:a

### grep: label with -c
printf 'a\n' | grep -c --label=IN -H a
--- stdout
IN:1

### grep: -r recursive
mkdir -p d/e; printf 'a\n' > d/x; printf 'a\n' > d/e/y; grep -r a d | sort
--- stdout
d/e/y:a
d/x:a

### grep: -R recursive
mkdir -p d; printf 'a\n' > d/x; grep -R a d
--- stdout
d/x:a

### grep: -r -l
mkdir -p d/s; printf 'a\n' > d/x; printf 'b\n' > d/s/y; printf 'a\n' > d/s/z; grep -rl a d | sort
--- stdout
d/s/z
d/x

### grep: --include
mkdir -p d; printf 'a\n' > d/x.c; printf 'a\n' > d/x.h; grep -r --include='*.c' a d
--- stdout
d/x.c:a

### grep: --exclude
mkdir -p d; printf 'a\n' > d/x.c; printf 'a\n' > d/x.h; grep -r --exclude='*.c' a d
--- stdout
d/x.h:a

### grep: --exclude-dir
mkdir -p d/skip d/keep; printf 'a\n' > d/skip/x; printf 'a\n' > d/keep/x; grep -r --exclude-dir=skip a d
--- stdout
d/keep/x:a

### grep: -r skips symlinked files below
mkdir -p d; printf 'a\n' > t; ln -s ../t d/l; printf 'a\n' > d/x; grep -r a d
--- stdout
d/x:a

### grep: -R follows symlinks
mkdir -p d; printf 'a\n' > t; ln -s ../t d/l; grep -R a d
--- stdout
d/l:a

### grep: -r -c
mkdir -p d; printf 'a\na\n' > d/x; grep -rc a d
--- stdout
d/x:2

### grep: -r single file no name
printf 'a\n' > f1; grep -r a f1
--- stdout
a

### grep: binary file matches
printf 'abc\0def\nabc\n' > bin; grep abc bin; echo "rc=$?"
--- stdout
rc=0
--- stderr
grep: bin: binary file matches

### grep: binary -c
printf 'abc\0def\nabc\n' > bin; grep -c abc bin
--- stdout
2

### grep: binary -a text
printf 'abc\0\nx\n' > bin; grep -a x bin
--- stdout
x

### grep: binary -I
printf 'abc\0\nx\n' > bin; grep -I x bin; echo "rc=$?"
--- stdout
rc=1

### grep: binary without-match
printf 'abc\0\nx\n' > bin; grep --binary-files=without-match x bin; echo "rc=$?"
--- stdout
rc=1

### grep: binary files bad type
grep --binary-files=foo x /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: unknown binary-files type

### grep: invalid utf8 line is binary
printf 'x\377abc\n' | grep abc; echo "rc=$?"
--- stdout
rc=0
--- stderr
grep: (standard input): binary file matches

### grep: binary -l
printf 'a\0\n' > bin; grep -l a bin
--- stdout
bin

### grep: -z null data
printf 'a\nb\0c\0' | grep -z b | cat -v
--- stdout noeol
a
b^@

### grep: -z dot matches newline
printf 'a\nb\0' | grep -zc 'a.b'
--- stdout
1

### grep: color always
printf 'foo bar foo\n' | grep --color=always foo | cat -v
--- stdout
^[[01;31m^[[Kfoo^[[m^[[K bar ^[[01;31m^[[Kfoo^[[m^[[K

### grep: color with names and numbers
printf 'foo\n' > f1; printf 'xfoo\n' > f2; grep --color=always -n foo f1 f2 | cat -v
--- stdout
^[[35m^[[Kf1^[[m^[[K^[[36m^[[K:^[[m^[[K^[[32m^[[K1^[[m^[[K^[[36m^[[K:^[[m^[[K^[[01;31m^[[Kfoo^[[m^[[K
^[[35m^[[Kf2^[[m^[[K^[[36m^[[K:^[[m^[[K^[[32m^[[K1^[[m^[[K^[[36m^[[K:^[[m^[[Kx^[[01;31m^[[Kfoo^[[m^[[K

### grep: color never
printf 'foo\n' | grep --color=never foo
--- stdout
foo

### grep: color auto not tty
printf 'foo\n' | grep --color=auto foo
--- stdout
foo

### grep: color context separator
printf 'a\nfoo\nb\nc\nd\nfoo\n' | grep --color=always -A1 foo | cat -v
--- stdout
^[[01;31m^[[Kfoo^[[m^[[K
b
^[[36m^[[K--^[[m^[[K
^[[01;31m^[[Kfoo^[[m^[[K

### grep: GREP_COLORS mt
printf 'foo\n' | GREP_COLORS='mt=01;32' grep --color=always foo | cat -v
--- stdout
^[[01;32m^[[Kfoo^[[m^[[K

### grep: GREP_COLORS ne
printf 'foo\n' | GREP_COLORS='ne' grep --color=always foo | cat -v
--- stdout
^[[01;31mfoo^[[m

### grep: color -o
printf 'ab ab\n' | grep --color=always -o ab | cat -v
--- stdout
^[[01;31m^[[Kab^[[m^[[K
^[[01;31m^[[Kab^[[m^[[K

### grep: color -v no highlight
printf 'ab\ncd\n' | grep --color=always -v ab | cat -v
--- stdout
cd

### grep: -T initial tab
printf 'a\n' > f1; grep -T -n a f1 /dev/null
--- stdout
f1:1:	a

### grep: error unmatched paren
grep -E '(a' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Unmatched ( or \(

### grep: error unmatched bracket
grep '[a' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Unmatched [, [^, [:, [., or [=

### grep: error unmatched BRE paren
grep '\(a' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Unmatched ( or \(

### grep: error trailing backslash
grep 'a\' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Trailing backslash

### grep: error class name
grep '[[:nope:]]' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Invalid character class name

### grep: error class syntax
grep '[:space:]' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: character class syntax is [[:space:]], not [:space:]

### grep: error back reference
grep '\(a\)\2' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Invalid back reference

### grep: error interval content
grep -E 'a{3,1}' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Invalid content of \{\}

### grep: error range end
grep '[z-a]' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Invalid range end

### grep: error unmatched brace BRE
grep 'a\{1' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Unmatched \{

### grep: error too big
grep 'a\{99999\}' /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: Regular expression too big

### grep: invalid option
grep -k a /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: invalid option -- 'k'
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.

### grep: missing pattern
grep; echo "rc=$?"
--- stdout
rc=2
--- stderr
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.

### grep: unrecognized long option
grep --bogus a /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: unrecognized option '--bogus'
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.

### grep: missing option argument
grep a -A; echo "rc=$?"
--- stdout
rc=2
--- stderr
grep: option requires an argument -- 'A'
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.

### grep: no trailing newline
printf 'a\nab' | grep b
--- stdout
ab

### grep: no trailing newline -c
printf 'a\nab' | grep -c a
--- stdout
2

### grep: empty input
printf '' | grep -c a
--- stdout
0
--- status 1

### grep: empty lines counted
printf '\n\n\n' | grep -c '^$'
--- stdout
3

### grep: -v empty pattern
printf 'a\nb\n' | grep -v ''; echo "rc=$?"
--- stdout
rc=1

### grep: utf8 dot
printf 'é\n' | grep -c '^.$'
--- stdout
1

### grep: utf8 -o
printf 'aéb\n' | grep -o '[[:alpha:]]'
--- stdout
a
é
b

### grep: utf8 -i
printf 'ÉCOLE\n' | grep -i 'école'
--- stdout
ÉCOLE

### grep: long line
head -c 300000 /dev/zero | tr '\0' a > big; printf 'X\n' >> big; grep -c X big
--- stdout
1

### grep: many lines
seq 1 20000 > nums; grep -c 7 nums; grep -m3 -n 99 nums
--- stdout
6878
99:99
199:199
299:299

### grep: many lines -B across chunks
seq 1 200000 > nums; grep -B2 -A1 '^150000$' nums
--- stdout
149998
149999
150000
150001

### grep: many lines -v count
seq 1 100000 > nums; grep -vc 5 nums
--- stdout
59049

### grep: -b with -o across lines
printf 'ab\ncab\n' | grep -bo b
--- stdout
1:b
5:b

### grep: -w retry later in line
printf 'foobar foo\n' | grep -ow foo
--- stdout
foo

### grep: -w with non-word pattern
printf 'a ! b\n' | grep -w '!'
--- stdout
a ! b

### grep: -x -c
printf 'a\na\nab\n' | grep -xc a
--- stdout
2

### grep: multiple -e with backrefs
printf 'aa\nbb\nab\n' | grep -e '\(a\)\1' -e '\(b\)\1'
--- stdout
aa
bb

### grep: -i with backref
printf 'aA\n' | grep -i '\(a\)\1'
--- stdout
aA

### grep: case with bracket
printf 'A\n' | grep -i '[a]'
--- stdout
A

### grep: -c -o
printf 'aa\n' | grep -co a
--- stdout
1

### grep: -l -c
printf 'a\n' > f1; grep -lc a f1
--- stdout
f1

### grep: -q with error still 0
printf 'a\n' | grep -q a - nosuch; echo "rc=$?"
--- stdout
rc=0

### grep: --line-buffered
printf 'a\n' | grep --line-buffered a
--- stdout
a

### grep: --help head
grep --help | head -2
--- stdout
Usage: grep [OPTION]... PATTERNS [FILE]...
Search for PATTERNS in each FILE.

### grep: -P w is ascii
printf 'é1\n' | grep -oP '\w+'
--- stdout
1

### grep: -o groups leftmost longest
printf 'abcd\n' | grep -oE '(a|ab)(c|bcd)'
--- stdout
abcd

### grep: -o star alternation
printf 'xyz\n' | grep -oE 'x*|xy'
--- stdout
xy

### grep: -w retries shorter
printf 'bb b\n' | grep -ow 'b*'
--- stdout
bb
b

### grep: -x with alternation
printf 'ab\na\n' | grep -xE 'a|ab'
--- stdout
ab
a

### grep: -z -c
printf 'a\0b\0a' | grep -zc a
--- stdout
2

### grep: color -o -i
printf 'aA\n' | grep --color=always -oi a | cat -v

--- stdout
^[[01;31m^[[Ka^[[m^[[K
^[[01;31m^[[KA^[[m^[[K

### grep audit: g empty input
printf '' | grep x; echo rc=$?
--- stdout
rc=1

### grep audit: g no trailing newline
printf 'abc\nxbc' | grep bc
--- stdout
abc
xbc

### grep audit: g count no newline
printf 'a\na' | grep -c a
--- stdout
2

### grep audit: g backref
printf 'abab\nabba\n' | grep '\(ab\)\1'
--- stdout
abab

### grep audit: g interval up to
printf 'x\nxx\nxxx\n' | grep -x 'x\{,2\}'
--- stdout
x
xx

### grep audit: g class combo
printf 'a1\n-\n' | grep '[[:alpha:][:digit:]]'
--- stdout
a1

### grep audit: g bracket close first
printf ']\na\nb\n' | grep '[]a]'
--- stdout
]
a

### grep audit: g double star
printf 'aaa\nb\n' | grep -o 'a**'
--- stdout
aaa

### grep audit: g anchored group
printf 'ab\nba\n' | grep '\(^a\)'
--- stdout
ab

### grep audit: g alt anchor
printf 'x1\nay\ny2\n' | grep 'x\|^y'
--- stdout
x1
y2

### grep audit: g anchor middle BRE
printf 'a^b\nab\n' | grep 'a^b'
--- stdout
a^b

### grep audit: g dollar middle BRE
printf 'a$b\nab\n' | grep 'a$b'
--- stdout
a$b

### grep audit: g ERE anchor middle
printf 'a^b\nab\n' | grep -E 'a^b'; echo rc=$?
--- stdout
rc=1

### grep audit: g star at start BRE
printf '*a\nb\n' | grep '*a'
--- stdout
*a

### grep audit: g ERE star start
printf '*a\nb\n' | grep -E '*a'
--- stdout
*a
--- stderr
grep: warning: * at start of expression

### grep audit: g ERE plus brace literal
printf 'a{1\n' | grep -E 'a{1'; echo rc=$?
--- stdout
a{1
rc=0

### grep audit: g ERE empty alternative
printf 'abc\n' | grep -cE 'a|'
--- stdout
1

### grep audit: g -o multiple
printf 'foo bar foo\n' | grep -o 'fo*'
--- stdout
foo
foo

### grep audit: g -o empty matches
printf 'abc\n' | grep -o 'x*'; echo rc=$?
--- stdout
rc=0

### grep audit: g -w tricky
printf 'foo_bar foo\nfoobar\n' | grep -ow 'foo'
--- stdout
foo

### grep audit: g -x alt
printf 'ab\nabc\n' | grep -xE 'ab|abc'
--- stdout
ab
abc

### grep audit: g -z
printf 'a\nb\0c\0' | grep -z b | od -c
--- stdout
0000000   a  \n   b  \0
0000004

### grep audit: g -c -v
printf 'a\nb\nc\n' | grep -vc a
--- stdout
2

### grep audit: g -n -b
printf 'a\nbb\nab\n' | grep -nb b
--- stdout
2:2:bb
3:5:ab

### grep audit: g -b -o
printf 'xxab ab\n' | grep -bo ab
--- stdout
2:ab
5:ab

### grep audit: g context overlap
seq 1 10 | grep -C1 -e 3 -e 5
--- stdout
2
3
4
5
6

### grep audit: g context sep custom
seq 1 10 | grep --group-separator=XX -A1 -e 2 -e 7
--- stdout
2
3
XX
7
8

### grep audit: g no group sep
seq 1 10 | grep --no-group-separator -A1 -e 2 -e 7
--- stdout
2
3
7
8

### grep audit: g -m with context
seq 1 10 | grep -m1 -A2 '[0-9]'
--- stdout
1
2
3

### grep audit: g -m 0
seq 3 | grep -m0 1; echo rc=$?
--- stdout
rc=1

### grep audit: g -c multiple files
printf 'a\n' > f1; printf 'b\n' > f2; grep -c a f1 f2
--- stdout
f1:1
f2:0

### grep audit: g -L -l
printf 'a\n' > f1; printf 'b\n' > f2; grep -l a f1 f2; grep -L a f1 f2; echo rc=$?
--- stdout
f1
f2
rc=0

### grep audit: g -h -H
printf 'a\n' > f1; grep -H a f1; grep -h a f1 f1
--- stdout
f1:a
a
a

### grep audit: g missing file -s
grep -s a nofile; echo rc=$?
--- stdout
rc=2

### grep audit: g missing file
grep a nofile; echo rc=$?
--- stdout
rc=2
--- stderr
grep: nofile: No such file or directory

### grep audit: g -q error and match
printf 'a\n' > f1; grep -q a nofile f1; echo rc=$?
--- stdout
rc=0
--- stderr
grep: nofile: No such file or directory

### grep audit: g binary file
printf 'a\0b\n' > bin; grep a bin; echo rc=$?
--- stdout
rc=0
--- stderr
grep: bin: binary file matches

### grep audit: g binary -a
printf 'a\0b\n' > bin; grep -a a bin | od -c
--- stdout
0000000   a  \0   b  \n
0000004

### grep audit: g binary -c
printf 'a\0b\na\n' > bin; grep -c a bin
--- stdout
2

### grep audit: g binary without match -I
printf 'a\0b\n' > bin; grep -I a bin; echo rc=$?
--- stdout
rc=1

### grep audit: g binary-files=without-match
printf 'a\0b\n' > bin; grep --binary-files=without-match a bin; echo rc=$?
--- stdout
rc=1

### grep audit: g binary -o
printf 'xa\0b\n' > bin; grep -o a bin; echo rc=$?
--- stdout
rc=0
--- stderr
grep: bin: binary file matches

### grep audit: g binary -v
printf 'a\0b\nc\n' > bin; grep -v zz bin; echo rc=$?
--- stdout
rc=0
--- stderr
grep: bin: binary file matches

### grep audit: g binary -l
printf 'a\0b\n' > bin; grep -l a bin
--- stdout
bin

### grep audit: g crlf
printf 'ab\r\ncd\r\n' | grep 'b$'; echo rc=$?
--- stdout
rc=1

### grep audit: g crlf -o
printf 'ab\r\n' | grep -o 'b.' | od -c
--- stdout
0000000   b  \r  \n
0000003

### grep audit: g utf8 dot
printf 'é\n' | grep -o '^.$'
--- stdout
é

### grep audit: g utf8 -i
printf 'É\n' | grep -i 'é'
--- stdout
É

### grep audit: g long line
head -c 100000 /dev/zero | tr '\0' a > big; echo >> big; grep -c 'a$' big
--- stdout
1

### grep audit: g -e empty
printf 'a\n\nb\n' | grep -c -e ''
--- stdout
3

### grep audit: g -F multiple
printf 'foo\nbar\nbaz\n' | grep -F -e foo -e baz
--- stdout
foo
baz

### grep audit: g -F -x -i
printf 'FOO\nfoox\n' | grep -Fxi foo
--- stdout
FOO

### grep audit: g -F newline patterns
printf 'a\nb\nc\n' | grep -F 'a
c'
--- stdout
a
c

### grep audit: g -f file
printf 'a\nc\n' > pats; printf 'a\nb\nc\n' | grep -f pats
--- stdout
a
c

### grep audit: g -f empty file
: > pats; printf 'a\n' | grep -f pats; echo rc=$?
--- stdout
rc=1

### grep audit: g -r
mkdir -p d/e; printf 'x\n' > d/a; printf 'x\n' > d/e/b; grep -r x d | sort
--- stdout
d/a:x
d/e/b:x

### grep audit: g -r include exclude
mkdir -p d; printf 'x\n' > d/a.c; printf 'x\n' > d/b.h; grep -r --include='*.c' x d; grep -r --exclude='*.c' x d
--- stdout
d/a.c:x
d/b.h:x

### grep audit: g -r exclude-dir
mkdir -p d/skip d/keep; printf 'x\n' > d/skip/a; printf 'x\n' > d/keep/a; grep -r --exclude-dir=skip x d
--- stdout
d/keep/a:x

### grep audit: g directory arg
mkdir -p d; grep x d; echo rc=$?
--- stdout
rc=2
--- stderr
grep: d: Is a directory

### grep audit: g -d skip
mkdir -p d; grep -d skip x d; echo rc=$?
--- stdout
rc=1

### grep audit: g bad regex
grep 'a\{1' /dev/null; echo rc=$?
--- stdout
rc=2
--- stderr
grep: Unmatched \{

### grep audit: g bad ERE paren
grep -E '(a' /dev/null; echo rc=$?
--- stdout
rc=2
--- stderr
grep: Unmatched ( or \(

### grep audit: g unmatched bracket
grep '[a' /dev/null; echo rc=$?
--- stdout
rc=2
--- stderr
grep: Unmatched [, [^, [:, [., or [=

### grep audit: g ERE unmatched close paren
printf 'a)\n' | grep -E 'a)'; echo rc=$?
--- stdout
a)
rc=0

### grep audit: g BRE backref invalid
grep '\1' /dev/null; echo rc=$?
--- stdout
rc=2
--- stderr
grep: Invalid back reference

### grep audit: g label
printf 'a\n' | grep -H --label=L a
--- stdout
L:a

### grep audit: g stdin dash
printf 'a\n' | grep -c a - 
--- stdout
1

### grep audit: g -T initial tab
printf 'a\n' > f1; grep -T -n a f1 f1
--- stdout
f1:1:	a
f1:1:	a

### grep audit: g -Z
printf 'a\n' > f1; grep -lZ a f1 | od -c
--- stdout
0000000   f   1  \0
0000003

### grep audit: g color always
printf 'xay\n' | grep --color=always a | od -c
--- stdout
0000000   x 033   [   0   1   ;   3   1   m 033   [   K   a 033   [   m
0000020 033   [   K   y  \n
0000025

### grep audit: g -P lookahead
printf 'foobar\nfoobaz\n' | grep -P 'foo(?=bar)'
--- stdout
foobar

### grep audit: g -P \d
printf 'a1\nb\n' | grep -P '\d'
--- stdout
a1

### grep audit: g -E backref
printf 'aa\nab\n' | grep -E '(a)\1'
--- stdout
aa

### grep audit: g equivalence class
printf 'a\nb\n' | grep '[[=a=]]'
--- stdout
a

### grep audit: g invalid class
grep '[[:foo:]]' /dev/null; echo rc=$?
--- stdout
rc=2
--- stderr
grep: Invalid character class name

### grep audit: g range
printf 'b\nB\n' | grep '[a-c]'
--- stdout
b

### grep audit: g word boundary
printf 'foo bar\nfoobar\n' | grep '\bbar'
--- stdout
foo bar

### grep audit: g \< \>
printf 'foo bar\nfoobar\n' | grep '\<bar\>'
--- stdout
foo bar

### grep audit: g \w \W
printf 'a-b\n' | grep -o '\w\W\w'
--- stdout
a-b

### grep audit: g leftmost longest alt
printf 'abcd\n' | grep -oE 'ab|abcd'
--- stdout
abcd

### grep audit: g leftmost longest BRE alt
printf 'abcd\n' | grep -o 'a\|ab\|abc'
--- stdout
abc

### grep audit: g -y
printf 'A\n' | grep -y a
--- stdout
A

### grep audit: g -i -v
printf 'A\nb\n' | grep -iv a
--- stdout
b

### grep audit: g -x -v empty
printf 'a\n\n' | grep -cvx ''
--- stdout
1

### grep audit: g -A with -c
seq 5 | grep -A1 -c 2
--- stdout
1

### grep audit: g -l -c
printf 'a\n' > f1; grep -lc a f1
--- stdout
f1

### grep audit: g -o -i
printf 'AbAB\n' | grep -oi ab
--- stdout
Ab
AB

### grep audit: g -o -v
printf 'a\nb\n' | grep -ov a; echo rc=$?
--- stdout
rc=0

### grep audit: g -n -v
printf 'a\nb\nc\n' | grep -nv b
--- stdout
1:a
3:c

### grep audit: g interval exact
printf 'aaa\n' | grep -o 'a\{2\}'
--- stdout
aa

### grep audit: g ERE interval
printf 'aaaa\n' | grep -oE 'a{1,3}'
--- stdout
aaa
a

### grep audit: g ERE question
printf 'ac\nabc\n' | grep -E 'ab?c'
--- stdout
ac
abc

### grep audit: g BRE \? \+
printf 'ac\nabbc\n' | grep 'ab\+c'
--- stdout
abbc

### grep audit: g -w digits
printf '12 123\n' | grep -ow '12'
--- stdout
12

### grep audit: g -c with -m
seq 10 | grep -c -m 3 .
--- stdout
3

### grep audit: g no pattern
grep; echo rc=$?
--- stdout
rc=2
--- stderr
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.

### grep audit: g unknown option
grep --bogus x; echo rc=$?
--- stdout
rc=2
--- stderr
grep: unrecognized option '--bogus'
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.

### grep audit: g -E -w -o
printf 'foo foobar barfoo foo\n' | grep -Eow 'foo|bar'
--- stdout
foo
foo

### grep audit: g dot no newline in -z
printf 'a\nb\0' | grep -z 'a.b' | tr '\0' @
--- stdout noeol
a
b@

### grep audit: g ^ in -z
printf 'x\nab\0' | grep -zc '^ab'
--- stdout
0
--- status 1

### grep audit: g -A beyond end
printf 'a\nb\n' | grep -A5 a
--- stdout
a
b

### grep audit: g max-count and -v
seq 5 | grep -v -m2 3
--- stdout
1
2

### grep audit: g --line-buffered
printf 'a\n' | grep --line-buffered a
--- stdout
a

### grep audit: g --null-data count
printf 'a\0b\0a' | grep -zc a
--- stdout
2

### grep audit: g after context at file boundary
printf 'a\nx\n' > f1; printf 'a\ny\n' > f2; grep -A1 a f1 f2
--- stdout
f1:a
f1-x
--
f2:a
f2-y

### regex audit: bracket with dash end
printf 'a-b\n' | grep -o '[a-]*'
--- stdout
a-

### regex audit: bracket caret not first
printf 'a^b\n' | grep -o '[a^]*'
--- stdout
a^

### regex audit: bracket backslash literal
printf 'a\\b\n' | grep -o '[\\]'
--- stdout
\

### regex audit: bracket with dot class
printf 'a.b\n' | grep -o '[[.-.]]'; echo rc=$?
--- stdout
rc=1

### regex audit: nested group star
printf 'abab\n' | grep -oE '(ab)*'
--- stdout
abab

### regex audit: backref to empty group
printf 'aa\n' | grep -E '(a*)\1' -o
--- stdout
aa

### regex audit: backref longest
printf 'abcabc abab\n' | grep -oE '(a|ab|abc)\1'
--- stdout
abcabc
abab

### regex audit: alternation longest ERE in sed
printf 'xyz\n' | sed -E 's/x|xy|xyz/[&]/'
--- stdout
[xyz]

### regex audit: alt with empty in sed
printf 'abc\n' | sed -E 's/(|a)b/[\1]/'
--- stdout
[a]c

### regex audit: interval zero
printf 'ab\n' | grep -oE 'ab{0}'
--- stdout
a

### regex audit: interval brace literal in BRE
printf 'a{2}\n' | grep -o 'a{2}'
--- stdout
a{2}

### regex audit: ERE brace at start
printf '{1}\n' | grep -E '{1}'; echo rc=$?
--- stdout
{1}
rc=0
--- stderr
grep: warning: {...} at start of expression

### regex audit: BRE \{ at start
printf 'x\n' | grep '\{1\}'; echo rc=$?
--- stdout
rc=1

### regex audit: ERE a{,3}
printf 'aaaaa\n' | grep -oE 'a{,3}'
--- stdout
aaa
aa

### regex audit: ERE a{2,1}
printf 'a\n' | grep -E 'a{2,1}'; echo rc=$?
--- stdout
rc=2
--- stderr
grep: Invalid content of \{\}

### regex audit: star after anchor ERE
printf 'a\n' | grep -E '^*a'; echo rc=$?
--- stdout
a
rc=0
--- stderr
grep: warning: * at start of expression

### regex audit: BRE \(*\)
printf '*a\n' | grep -o '\(*a\)'
--- stdout
*a

### regex audit: BRE ^*
printf '*a\n' | grep -o '^*a'
--- stdout
*a

### regex audit: dot matches invalid utf8
printf 'a\377b\n' | grep -c 'a.b'
--- stdout
0
--- status 1

### regex audit: case insensitive class
printf 'ABC\n' | grep -io '[a-b]*'
--- stdout
AB

### regex audit: word boundary at start
printf 'ab\n' | grep -o '\Bb'
--- stdout
b

### regex audit: \s \S
printf 'a b\n' | grep -o '\S\s\S'
--- stdout
a b

### regex audit: backslash-digit in bracket
printf '1\\\n' | grep -o '[\1]'
--- stdout
1
\

### regex audit: ERE plus on group
printf 'ababx\n' | grep -oE '(ab)+'
--- stdout
abab

### regex audit: question mark BRE literal
printf 'a?\n' | grep -o 'a?'
--- stdout
a?

### regex audit: ERE escaped paren
printf '(a)\n' | grep -oE '\(a\)'
--- stdout
(a)

### regex audit: sed s with ^ and g multiple lines M
printf 'a\na\n' | sed 'N;s/^a/X/Mg'
--- stdout
X
X

### regex audit: sed $ with M and g
printf 'a\na\n' | sed 'N;s/a$/X/Mg'
--- stdout
X
X

### regex audit: sed empty regex after s with I
printf 'AbA\n' | sed 's/a/x/Ig;s//y/'
--- stdout
xbx

### regex audit: sed empty regex no previous
printf 'a\n' | sed 's//x/'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 0: no previous regular expression

### regex audit: grep -w with non-word pattern
printf 'a+b a+\n' | grep -ow 'a+'
--- stdout
a+

### regex audit: grep -x with alternation BRE
printf 'ab\n' | grep -x 'a\|ab'
--- stdout
ab

### regex audit: collating range
printf 'b\n' | grep '[a-c]'
--- stdout
b

### regex audit: class in negated bracket
printf 'a1\n' | grep -o '[^[:alpha:]]'
--- stdout
1

### regex audit: equivalence in bracket with others
printf 'xa\n' | grep -o '[[=a=]x]*'
--- stdout
xa

### regex audit: grep -F with special chars
printf 'a.*b\nab\n' | grep -F 'a.*b'
--- stdout
a.*b

### regex audit: grep -F -w
printf 'foo foobar\n' | grep -Fow foo
--- stdout
foo

### regex audit: grep -F -i utf8
printf 'ÉCOLE\n' | grep -Fi 'école'
--- stdout
ÉCOLE

### regex audit: empty ERE group
printf 'ab\n' | grep -E 'a()b'
--- stdout
ab

### regex audit: long alternation
printf 'foo\n' | grep -cE 'a|b|c|d|e|f|g|h|i|j|foo'
--- stdout
1

### regex audit: awkward backref count
printf 'aXbXa\n' | grep -oE '(a)X(b)X\1'
--- stdout
aXbXa

### regex audit: newline in pattern from -e
printf 'a\nb\n' | grep -c -e 'a
b'
--- stdout
2

### regex audit: BRE \{ literal at start of group and alternative
printf '{1}\nx\n' | grep '\{1\}'; printf '{1}\n' | grep 'a\|\{1\}'; printf '{1}\n' | grep -c '\(\{1\}\)'
--- stdout
{1}
{1}
1

### regex audit: BRE \{ at start in sed is an error
printf '{1}\n' | sed 's/\{1\}/X/'; echo rc=$?
--- stdout
rc=1
--- stderr
sed: -e expression #1, char 10: Invalid preceding regular expression

### grep: -A0 / -C0 still print group separators
seq 10 | grep -A0 -e 2 -e 8; seq 10 | grep -C0 -e 2 -e 3 -e 8; seq 10 | grep -0 -e 2 -e 8; seq 10 | grep --group-separator=XX -A0 -e 2 -e 8
--- stdout
2
--
8
2
3
--
8
2
--
8
2
XX
8

### grep: -A0 separator between files and with -v
printf 'a\n' > f1; printf 'a\n' > f2; grep -A0 a f1 f2; seq 6 | grep -v -A0 -e 2 -e 4
--- stdout
f1:a
--
f2:a
1
--
3
--
5
6

### grep: -o with context prints group separators only
seq 10 | grep -o -A1 -e 2 -e 8; seq 10 | grep -o -A0 -e 2 -e 3 -e 8; seq 10 | grep -v -o -A0 5; seq 10 | grep -o -e 2 -e 8
--- stdout
2
--
8
2
3
--
8
--
2
8

### grep: -F, -E, -G and -P conflict with each other
grep -F -E x /dev/null; echo rc=$?; grep -G -E x /dev/null; echo rc=$?; grep -E -E x /dev/null; echo rc=$?; grep -P -F x /dev/null; echo rc=$?
--- stdout
rc=2
rc=2
rc=1
rc=2
--- stderr
grep: conflicting matchers specified
grep: conflicting matchers specified
grep: conflicting matchers specified

### a bracket expression cut short right after [ or [^ is invalid, not unmatched
echo a | grep '['; echo "st=$?"
echo a | grep -E 'a[^'; echo "st=$?"
echo a | grep 'a[b'; echo "st=$?"
--- stdout
st=2
st=2
st=2
--- stderr
grep: Invalid regular expression
grep: Invalid regular expression
grep: Unmatched [, [^, [:, [., or [=
