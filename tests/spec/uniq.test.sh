# uniq (GNU coreutils 9.1).
### uniq: default
printf 'a\na\nb\na\n' | uniq
--- stdout
a
b
a

### uniq: -c
printf 'a\na\nb\n' | uniq -c
--- stdout
      2 a
      1 b

### uniq: -d
printf 'a\na\nb\nc\nc\n' | uniq -d
--- stdout
a
c

### uniq: -D
printf 'a\na\nb\nc\nc\n' | uniq -D
--- stdout
a
a
c
c

### uniq: -u
printf 'a\na\nb\nc\nc\n' | uniq -u
--- stdout
b

### uniq: -i
printf 'a\nA\nb\n' | uniq -i
--- stdout
a
b

### uniq: -f skip fields
printf 'x a\ny a\nz b\n' | uniq -f 1
--- stdout
x a
z b

### uniq: -s skip chars
printf 'xa\nya\nzb\n' | uniq -s 1
--- stdout
xa
zb

### uniq: -w compare chars
printf 'ab1\nab2\nac\n' | uniq -w 2
--- stdout
ab1
ac

### uniq: -c -d
printf 'a\na\nb\n' | uniq -cd
--- stdout
      2 a

### uniq: --all-repeated=separate
printf 'a\na\nb\nc\nc\n' | uniq --all-repeated=separate
--- stdout
a
a

c
c

### uniq: --all-repeated=prepend
printf 'a\na\nb\nc\nc\n' | uniq --all-repeated=prepend
--- stdout

a
a

c
c

### uniq: --group
printf 'a\na\nb\n' | uniq --group
--- stdout
a
a

b

### uniq: --group=both
printf 'a\na\nb\n' | uniq --group=both
--- stdout

a
a

b


### uniq: -z
printf 'a\0a\0b\0' | uniq -z | tr '\0' ,; echo
--- stdout
a,b,

### uniq: input and output files
printf 'a\na\n' > in; uniq in out; cat out
--- stdout
a

### uniq: missing file
uniq nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
uniq: nope: No such file or directory

### uniq: extra operand
uniq a b c; echo "rc=$?"
--- stdout
rc=1
--- stderr
uniq: extra operand ‘c’
Try 'uniq --help' for more information.

### uniq: -c with -D
uniq -c -D < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
uniq: printing all duplicated lines and repeat counts is meaningless
Try 'uniq --help' for more information.

### uniq: bad -f
uniq -f x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
uniq: x: invalid number of fields to skip

### uniq: bad --group
uniq --group=x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
uniq: invalid argument ‘x’ for ‘--group’
Valid arguments are:
  - ‘prepend’
  - ‘append’
  - ‘separate’
  - ‘both’
Try 'uniq --help' for more information.

### uniq: --group with -c
uniq --group -c < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
uniq: --group is mutually exclusive with -c/-d/-D/-u
Try 'uniq --help' for more information.

### uniq: last line without newline
printf 'a\na' | uniq
--- stdout
a
