# cat (GNU coreutils 9.1): options, several operands, errors.
### cat: stdin
printf 'a\nb\n' | cat
--- stdout
a
b

### cat: files and dash
printf '1\n' > a; printf '2\n' > b; printf 'x\n' | cat a - b
--- stdout
1
x
2

### cat: -n numbers all lines
printf 'a\n\nb\n' | cat -n
--- stdout
     1	a
     2	
     3	b

### cat: -b numbers non-blank
printf 'a\n\nb\n' | cat -b
--- stdout
     1	a

     2	b

### cat: -s squeezes blank lines
printf 'a\n\n\n\nb\n\n\n' | cat -s
--- stdout
a

b


### cat: -E ends
printf 'a\nb' | cat -E; echo
--- stdout
a$
b

### cat: -T tabs
printf 'a\tb\n' | cat -T
--- stdout
a^Ib

### cat: -v nonprinting
printf 'a\001\177\200\377\tb\n' | cat -v
--- stdout
a^A^?M-^@M-^?	b

### cat: -A shows all
printf 'x\t\033y\r\n' | cat -A
--- stdout
x^I^[y^M$

### cat: -e and -t
printf 'a\tb\001\n' | cat -e; printf 'a\tb\001\n' | cat -t
--- stdout
a	b^A$
a^Ib^A

### cat: numbering continues across files
printf 'a\nb\n' > f; cat -n f f
--- stdout
     1	a
     2	b
     3	a
     4	b

### cat: partial last line joins next file
printf 'a' > f; printf 'b\n' > g; cat -n f g
--- stdout
     1	ab

### cat: missing file
cat nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
cat: nope: No such file or directory

### cat: missing file among others
printf 'ok\n' > f; cat f nope f; echo "rc=$?"
--- stdout
ok
ok
rc=1
--- stderr
cat: nope: No such file or directory

### cat: directory
mkdir d; cat d; echo "rc=$?"
--- stdout
rc=1
--- stderr
cat: d: Is a directory

### cat: quoted names in errors
cat 'a b'; echo "rc=$?"
--- stdout
rc=1
--- stderr
cat: 'a b': No such file or directory

### cat: invalid option
cat -x; echo "rc=$?"
--- stdout
rc=1
--- stderr
cat: invalid option -- 'x'
Try 'cat --help' for more information.

### cat: unrecognized long option
cat --bogus; echo "rc=$?"
--- stdout
rc=1
--- stderr
cat: unrecognized option '--bogus'
Try 'cat --help' for more information.

### cat: long options
printf 'a\n\n\nb\n' | cat --number --squeeze-blank
--- stdout
     1	a
     2	
     3	b

### cat: binary data passes through
printf '\000\001\002' | cat | wc -c
--- stdout
3

### cat: -u ignored
printf 'u\n' | cat -u
--- stdout
u

### cat: empty input
cat < /dev/null; echo "rc=$?"
--- stdout
rc=0

### cat: --version first line
cat --version | head -n1 | cut -d' ' -f1
--- stdout
cat

### cat: input file is output file
echo a > f; cat f >> f; echo rc=$?; cat f; cat - < f >> f; echo rc=$?; : > e; cat e >> e; echo rc=$?; cat f > f; echo rc=$?; echo b > g; cat g f >> f; echo rc=$?; cat f; ln -s g l; cat l >> g; echo rc=$?; cat -n g >> g; echo rc=$?; cat g
--- stdout
rc=1
a
rc=1
rc=0
rc=0
rc=1
b
rc=1
rc=1
b
--- stderr
cat: f: input file is output file
cat: -: input file is output file
cat: f: input file is output file
cat: l: input file is output file
cat: g: input file is output file
