# iconv (glibc 2.36).
### iconv: latin1 to utf-8
printf 'h\351llo\n' | iconv -f latin1 -t utf-8 | od -c
--- stdout
0000000   h 303 251   l   l   o  \n
0000007

### iconv: utf-8 to latin1
printf 'h\303\251llo\n' | iconv -f utf-8 -t latin1 | od -c
--- stdout
0000000   h 351   l   l   o  \n
0000006

### iconv: illegal sequence
printf 'h\303\251llo\n' | iconv -f utf-8 -t ascii; echo "rc=$?"
--- stdout
hrc=1
--- stderr
iconv: illegal input sequence at position 1

### iconv: -c drops characters
printf 'h\303\251llo\n' | iconv -c -f utf-8 -t ascii
--- stdout
hllo

### iconv: transliteration
printf 'h\303\251llo\n' | iconv -f utf-8 -t ascii//TRANSLIT
--- stdout
hello

### iconv: invalid input byte
printf 'a\377b' | iconv -f utf-8 -t latin1; echo "rc=$?"
--- stdout
arc=1
--- stderr
iconv: illegal input sequence at position 1

### iconv: incomplete sequence at the end
printf 'ab\303' | iconv -f utf-8 -t utf-16le | od -c; echo
--- stdout
0000000   a  \0   b  \0
0000004

--- stderr
iconv: incomplete character or shift sequence at end of buffer

### iconv: utf-16
printf 'hi' | iconv -f utf-8 -t utf-16be | od -An -tx1
--- stdout
 00 68 00 69

### iconv: missing file
iconv -f utf-8 -t latin1 nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
iconv: cannot open input file `nope': No such file or directory

### iconv: output file
printf 'x\n' | iconv -f utf-8 -t latin1 -o out; cat out
--- stdout
x

### iconv: utf-8 to utf-16le with BOM-less output
printf 'h\303\251' | iconv -f utf-8 -t utf-16le | od -An -tx1
--- stdout
 68 00 e9 00

### iconv: utf-16 input with BOM
printf '\377\376h\000i\000' | iconv -f utf-16 -t utf-8
--- stdout noeol
hi

### iconv: utf-32
printf 'ab' | iconv -f utf-8 -t utf-32be | od -An -tx1
--- stdout
 00 00 00 61 00 00 00 62

### iconv: unknown source encoding
printf 'x' | iconv -f nosuch -t utf-8; echo "rc=$?"
--- stdout
rc=1
--- stderr
iconv: failed to start conversion processing: No such file or directory

### iconv: unknown target encoding
printf 'x' | iconv -f utf-8 -t nosuch; echo "rc=$?"
--- stdout
rc=1
--- stderr
iconv: failed to start conversion processing: No such file or directory

### iconv: both encodings unknown
printf 'x' | iconv -f nosuch1 -t nosuch2; echo "rc=$?"
--- stdout
rc=1
--- stderr
iconv: failed to start conversion processing: No such file or directory

### iconv: long options
printf 'caf\303\251\n' | iconv --from-code=utf-8 --to-code=latin1 | od -c
--- stdout
0000000   c   a   f 351  \n
0000005

### iconv: several files
printf 'a\n' > a; printf 'b\n' > b; iconv -f utf-8 -t ascii a b
--- stdout
a
b

### iconv: missing file among others
printf 'a\n' > a; iconv -f utf-8 -t ascii a nope a; echo "rc=$?"
--- stdout
a
a
rc=1
--- stderr
iconv: cannot open input file `nope': No such file or directory

### iconv: -c with invalid input
printf 'a\377b\n' | iconv -c -f utf-8 -t latin1; echo "rc=$?"
--- stdout
ab
rc=0

### iconv: case-insensitive names
printf '\351\n' | iconv -f ISO-8859-1 -t UTF8 | od -An -tx1
--- stdout
 c3 a9 0a

### iconv: bad option
iconv -Q < /dev/null; echo "rc=$?"

--- stdout
rc=64
--- stderr
iconv: invalid option -- 'Q'
Try `iconv --help' or `iconv --usage' for more information.
