# truncate (GNU coreutils 9 on the reference machine)
### shrink
echo hello > f; truncate -s 3 f; cat f; echo; stat -c %s f
--- stdout
hel
3

### extend with zeros
printf ab > f; truncate -s 5 f; stat -c %s f; cat -v f; echo
--- stdout
5
ab^@^@^@

### create
truncate -s 10 f; stat -c %s f
--- stdout
10

### no create
truncate -c -s 5 nope; echo $?; ls
--- stdout
0

### relative extend and reduce
truncate -s 10 f; truncate -s +5 f; stat -c %s f; truncate -s -3 f; stat -c %s f
--- stdout
15
12

### reduce below zero
truncate -s 3 f; truncate -s -10 f; stat -c %s f
--- stdout
0

### at most and at least
truncate -s 10 f; truncate -s '<4' f; stat -c %s f; truncate -s '>8' f; stat -c %s f; truncate -s '>2' f; stat -c %s f
--- stdout
4
8
8

### round down and up
truncate -s 10 f; truncate -s /4 f; stat -c %s f; truncate -s %3 f; stat -c %s f
--- stdout
8
9

### size suffixes
truncate -s 2K f; stat -c %s f; truncate -s 1KB f; stat -c %s f; truncate -s 1M f; stat -c %s f
--- stdout
2048
1000
1048576

### io blocks
truncate -o -s 2 f; stat -c %s f
--- stdout
8192

### reference
truncate -s 7 r; truncate -r r f; stat -c %s f
--- stdout
7

### reference with relative size
truncate -s 7 r; truncate -r r -s +3 f; stat -c %s f
--- stdout
10

### reference with absolute size
truncate -s 7 r; truncate -r r -s 3 f
--- stderr
truncate: you must specify a relative ‘--size’ with ‘--reference’
Try 'truncate --help' for more information.
--- status 1

### no size
truncate f
--- stderr
truncate: you must specify either ‘--size’ or ‘--reference’
Try 'truncate --help' for more information.
--- status 1

### missing file operand
truncate -s 1
--- stderr
truncate: missing file operand
Try 'truncate --help' for more information.
--- status 1

### invalid number
truncate -s bad f; echo $?
--- stdout
1
--- stderr
truncate: Invalid number: ‘bad’

### missing reference
truncate -r nope f; echo $?
--- stdout
1
--- stderr
truncate: cannot stat 'nope': No such file or directory

### directory
mkdir d; truncate -s 0 d; echo $?
--- stdout
1
--- stderr
truncate: cannot open 'd' for writing: Is a directory

### missing directory
truncate -s 1 d/f; echo $?
--- stdout
1
--- stderr
truncate: cannot open 'd/f' for writing: No such file or directory

### division by zero
truncate -s /0 f; echo $?
--- stdout
1
--- stderr
truncate: division by zero

### goes on after error
truncate -s 4 d/x f; echo $?; stat -c %s f
--- stdout
1
4
--- stderr
truncate: cannot open 'd/x' for writing: No such file or directory
