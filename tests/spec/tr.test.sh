# tr (GNU coreutils 9.1).
### tr: ranges
echo hello | tr a-z A-Z
--- stdout
HELLO

### tr: classes
echo 'Hello World 42' | tr '[:lower:]' '[:upper:]'
--- stdout
HELLO WORLD 42

### tr: -d
echo 'hello world' | tr -d lo
--- stdout
he wrd

### tr: -s
echo 'aaabbbccc  d' | tr -s 'a-c '
--- stdout
abc d

### tr: -ds
echo 'aabbcc' | tr -ds a b
--- stdout
bcc

### tr: -c complement delete
echo 'abc123def' | tr -cd '0-9'; echo
--- stdout
123

### tr: -c translate
echo 'ab1' | tr -c 'a' 'x'; echo
--- stdout
axxx

### tr: SET2 padded with its last char
echo abcdef | tr abcdef xy
--- stdout
xyyyyy

### tr: -t truncates SET1
echo abcdef | tr -t abcdef xy
--- stdout
xycdef

### tr: escapes
printf 'a\tb\n' | tr '\t' ' '
--- stdout
a b

### tr: octal escape
echo abc | tr b '\101'
--- stdout
aAc

### tr: repeat construct
echo abcd | tr abcd '[x*2]yz'
--- stdout
xxyz

### tr: fill construct
echo abcd | tr a-d '[x*]'
--- stdout
xxxx

### tr: -s with translation
echo 'aabbcc' | tr -s ab xy
--- stdout
xycc

### tr: newlines to spaces
printf 'a\nb\nc\n' | tr '\n' ' '; echo
--- stdout
a b c 

### tr: [:digit:] delete
echo 'a1b2' | tr -d '[:digit:]'
--- stdout
ab

### tr: [:space:] squeeze
printf 'a  \t b\n' | tr -s '[:space:]' ' '
--- stdout noeol
a b 

### tr: equivalence class
echo abc | tr '[=b=]' x
--- stdout
axc

### tr: missing operand
tr; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: missing operand
Try 'tr --help' for more information.

### tr: missing second operand
tr a < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: missing operand after ‘a’
Two strings must be given when translating.
Try 'tr --help' for more information.

### tr: extra operand
tr a b c < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: extra operand ‘c’
Try 'tr --help' for more information.

### tr: delete with two operands
tr -d a b < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: extra operand ‘b’
Only one string may be given when deleting without squeezing repeats.
Try 'tr --help' for more information.

### tr: reversed range
tr z-a x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: range-endpoints of 'z-a' are in reverse collating sequence order

### tr: invalid class
tr '[:foo:]' x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: invalid character class ‘foo’

### tr: class in SET2
tr a '[:digit:]' < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: when translating, the only character classes that may appear in
string2 are 'upper' and 'lower'

### tr: empty SET2
tr a '' < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: when not truncating set1, string2 must be non-empty

### tr: -ds missing operand
tr -ds a < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tr: missing operand after ‘a’
Two strings must be given when both deleting and squeezing repeats.
Try 'tr --help' for more information.

### tr: binary bytes
printf '\000\001\002' | tr '\000-\002' 'abc'; echo
--- stdout
abc

### tr: [:upper:]/[:lower:] in SET2 must line up with a case class in SET1
tr 'a' '[:upper:]' </dev/null; echo rc=$?; tr '[:upper:]' '[:lower:][:upper:]' </dev/null; echo rc=$?; echo abc | tr 'a-c' '[:upper:]'; echo rc=$?; echo ABC | tr '[:upper:]a' '[:lower:]b'; echo xY | tr '[:lower:][:upper:]' '[:upper:][:lower:]'; echo abx | tr '[:lower:]x' '[:upper:]'; echo rc=$?; echo abx | tr '[:lower:]ab' '[:upper:]x'; echo aB | tr '[:upper:]' '[:upper:]'; echo aBc | tr 'xa[:lower:]' 'yz[:upper:]'; echo rc=$?; echo abc | tr -t '[:lower:]x' '[:upper:]'; echo abc | tr '[:lower:]' 'A[:upper:]'; echo rc=$?
--- stdout
rc=1
rc=1
rc=1
abc
Xy
rc=1
xxX
aB
ABC
rc=0
ABC
rc=1
--- stderr
tr: misaligned [:upper:] and/or [:lower:] construct
tr: misaligned [:upper:] and/or [:lower:] construct
tr: misaligned [:upper:] and/or [:lower:] construct
tr: when translating with string1 longer than string2,
the latter string must not end with a character class
tr: misaligned [:upper:] and/or [:lower:] construct

### tr: GNU's checks of repeats, equivalence classes and complemented classes
echo abc | tr 'ab' '[x*][y*]'; echo rc=$?; echo abc | tr 'a' '[=b=]'; echo rc=$?; echo abc | tr -d '[a*]'; echo rc=$?; echo abc | tr '[a*2]b' xy; echo abc | tr -ds 'a' '[x*]'; echo rc=$?; echo abc | tr -c 'a' '[:upper:]'; echo rc=$?; echo abc | tr -c '[:lower:]' '[:upper:]x'; echo rc=$?; echo abc | tr -c '[:digit:]' 'xy'; echo rc=$?; echo abc | tr -c '[:lower:]' '[x*]'; echo abc | tr -c 'ab' '[x*]'
--- stdout noeol
rc=1
rc=1
rc=1
yyc
rc=1
rc=1
rc=1
rc=1
abcxabxx
--- stderr
tr: only one [c*] repeat construct may appear in string2
tr: [=c=] expressions may not appear in string2 when translating
tr: the [c*] repeat construct may not appear in string1
tr: the [c*] construct may appear in string2 only when translating
tr: when translating with string1 longer than string2,
the latter string must not end with a character class
tr: when translating with complemented character classes,
string2 must map all characters in the domain to one
tr: when translating with complemented character classes,
string2 must map all characters in the domain to one
