# tee and yes (GNU coreutils 9.1).
### tee: copies to stdout and files
echo hi | tee a b; cat a b
--- stdout
hi
hi
hi

### tee: -a appends
echo 1 > f; echo 2 | tee -a f > /dev/null; cat f
--- stdout
1
2

### tee: truncates by default
echo long-line > f; echo x | tee f > /dev/null; cat f
--- stdout
x

### tee: no files
printf 'a\nb\n' | tee
--- stdout
a
b

### tee: unwritable path
echo hi | tee nodir/x; echo "rc=$?"
--- stdout
hi
rc=1
--- stderr
tee: nodir/x: No such file or directory

### tee: binary data
printf '\000\001' | tee f | wc -c; wc -c < f
--- stdout
2
2

### tee: -p
echo p | tee -p f; cat f
--- stdout
p
p

### tee: --output-error
echo o | tee --output-error=warn f; cat f
--- stdout
o
o

### tee: invalid --output-error
echo o | tee --output-error=bad; echo "rc=$?"
--- stdout
rc=1
--- stderr
tee: invalid argument ‘bad’ for ‘--output-error’
Valid arguments are:
  - ‘warn’
  - ‘warn-nopipe’
  - ‘exit’
  - ‘exit-nopipe’
Try 'tee --help' for more information.

### tee: invalid option
tee -x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
tee: invalid option -- 'x'
Try 'tee --help' for more information.

### tee: /dev/stdout operand
echo s | tee /dev/stdout
--- stdout
s
s

### tee: -i ignored interrupts
echo i | tee -i f; cat f
--- stdout
i
i

### yes: default
yes 2>/dev/null | head -n 3
--- stdout
y
y
y

### yes: words
yes a b 2>/dev/null | head -n 2
--- stdout
a b
a b

### yes: many lines
yes 2>/dev/null | head -n 100000 | wc -l
--- stdout
100000

### yes: invalid long option
yes --bogus; echo "rc=$?"
--- stdout
rc=1
--- stderr
yes: unrecognized option '--bogus'
Try 'yes --help' for more information.

### yes: -- and operands
yes -- -n 2>/dev/null | head -n 1
--- stdout
-n

### yes: empty string
yes '' 2>/dev/null | head -n 2 | wc -c
--- stdout
2

### tee: several files and append
echo 1 > a; echo 2 | tee -a a b > /dev/null; cat a b
--- stdout
1
2
2

### tee: missing directory among others
echo hi | tee a nodir/x b; echo "rc=$?"; cat a b
--- stdout
hi
rc=1
hi
hi
--- stderr
tee: nodir/x: No such file or directory

### tee: --append long option
echo 1 > f; echo 2 | tee --append f > /dev/null; cat f
--- stdout
1
2

### tee: directory operand
mkdir d; echo x | tee d; echo "rc=$?"
--- stdout
x
rc=1
--- stderr
tee: d: Is a directory

### yes: --help first line
yes --help | head -n 1
--- stdout
Usage: yes [STRING]...

### yes: long words
yes $(printf 'w%.0s' $(seq 3000)) 2>/dev/null | head -n 2 | wc -c

--- stdout
6002
