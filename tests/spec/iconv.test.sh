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
