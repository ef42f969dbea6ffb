# rev (util-linux 2.38), tac and nl (GNU coreutils 9.1).
### rev: lines
printf 'abc\nhello world\n' | rev
--- stdout
cba
dlrow olleh

### rev: UTF-8 characters
printf 'h\303\251llo\n' | rev
--- stdout
olléh

### rev: no trailing newline
printf 'abc' | rev; echo
--- stdout
cba

### rev: files
printf 'ab\n' > f; rev f f
--- stdout
ba
ba

### rev: missing file
rev nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
rev: cannot open nope: No such file or directory

### rev: empty lines
printf '\n\nx\n' | rev
--- stdout


x

### tac: lines
printf 'a\nb\nc\n' | tac
--- stdout
c
b
a

### tac: last line without newline
printf 'a\nb' | tac; echo
--- stdout
ba


### tac: -s separator
printf 'a,b,c' | tac -s ,; echo
--- stdout
cb,a,

### tac: -b before
printf 'a,b,c,' | tac -b -s ,; echo
--- stdout
,,c,ba

### tac: -r regex separator
printf 'a12b3c45' | tac -r -s '[0-9][0-9]*'; echo
--- stdout
5c4b32a1

### tac: several files
printf '1\n2\n' > f; printf '3\n4\n' > g; tac f g
--- stdout
2
1
4
3

### tac: missing file
tac nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
tac: failed to open 'nope' for reading: No such file or directory

### tac: empty separator
printf 'abc\n' | tac -s ''
--- stdout
abc

### tac: multi-character separator
printf 'aXYbXYc' | tac -s XY; echo
--- stdout
cbXYaXY

### nl: default
printf 'a\n\nb\n' | nl
--- stdout
     1	a
       
     2	b

### nl: -ba -nrz -w3 -s:
printf 'a\n\nb\n' | nl -ba -nrz -w3 -s:
--- stdout
001:a
002:
003:b

### nl: -nln
printf 'a\nb\n' | nl -nln
--- stdout
1     	a
2     	b

### nl: -v and -i
printf 'a\nb\nc\n' | nl -v 10 -i 5
--- stdout
    10	a
    15	b
    20	c

### nl: sections
printf 'a\n\\:\\:\\:\nh\n\\:\\:\nb\n\\:\nf\n' | nl -ha -fa
--- stdout
     1	a

     1	h

     1	b

     1	f

### nl: -p no renumber
printf 'a\n\\:\\:\nb\n' | nl -p
--- stdout
     1	a

     2	b

### nl: -bp regex
printf 'apple\nbanana\navocado\n' | nl -bp'^a'
--- stdout
     1	apple
       banana
     2	avocado

### nl: -l joins blank lines
printf 'a\n\n\n\nb\n' | nl -ba -l 2
--- stdout
     1	a
       
     2	
       
     3	b

### nl: -bn
printf 'a\nb\n' | nl -bn
--- stdout
       a
       b

### nl: invalid style
nl -bx < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
nl: invalid body numbering style: ‘x’
Try 'nl --help' for more information.

### nl: invalid format
nl -n foo < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
nl: invalid line numbering format: ‘foo’
Try 'nl --help' for more information.

### nl: missing file
nl nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
nl: nope: No such file or directory

### nl: invalid width
nl -w 0 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
nl: invalid line number field width: ‘0’: Numerical result out of range

### rev: an invalid UTF-8 sequence ends the file, a cut-short character at the end is dropped
printf 'ok\na\377b\nz\n' | rev; echo rc=$?; printf 'ok\na\377b\nz\n' > rv; printf 'q\n' > rv2; rev rv rv2; echo rc=$?; printf 'ab\303' | rev | od -c; printf 'ab\303\n' | rev; echo rc=$?; printf 'x\303\251\251y\n' | rev; echo rc=$?; printf 'x\303\251\346\227' | rev | od -c; printf 'h\303\251llo\n' | rev
--- stdout
ko
rc=1
ko
q
rc=1
0000000   b   a
0000002
rc=1
rc=1
0000000 303 251   x
0000003
olléh
--- stderr
rev: stdin: 1: Invalid or incomplete multibyte or wide character
rev: rv: 1: Invalid or incomplete multibyte or wide character
rev: stdin: 0: Invalid or incomplete multibyte or wide character
rev: stdin: 0: Invalid or incomplete multibyte or wide character
