# basename and dirname (GNU coreutils 9.1).
### basename: simple
basename /usr/lib/libc.so
--- stdout
libc.so

### basename: trailing slashes
basename /a/b/
--- stdout
b

### basename: root and empty
basename /; basename ''; basename //
--- stdout
/

/

### basename: suffix
basename /x/file.txt .txt
--- stdout
file

### basename: suffix equal to name is kept
basename .txt .txt
--- stdout
.txt

### basename: -s and -a
basename -s .c a/x.c b/y.c; basename -a a/1 b/2
--- stdout
x
y
1
2

### basename: -z
basename -z a/b | tr '\0' '|'; echo
--- stdout
b|

### basename: missing operand
basename; echo "rc=$?"
--- stdout
rc=1
--- stderr
basename: missing operand
Try 'basename --help' for more information.

### basename: extra operand
basename a b c; echo "rc=$?"
--- stdout
rc=1
--- stderr
basename: extra operand ‘c’
Try 'basename --help' for more information.

### basename: no slash
basename file
--- stdout
file

### dirname: simple
dirname /usr/lib/libc.so
--- stdout
/usr/lib

### dirname: relative and bare
dirname a/b; dirname file; dirname a/
--- stdout
a
.
.

### dirname: slashes
dirname /; dirname //; dirname /a; dirname a//b//
--- stdout
/
/
/
a

### dirname: several
dirname a/b c/d/e
--- stdout
a
c/d

### dirname: -z
dirname -z a/b x/y | tr '\0' '|'; echo
--- stdout
a|x|

### dirname: missing operand
dirname; echo "rc=$?"
--- stdout
rc=1
--- stderr
dirname: missing operand
Try 'dirname --help' for more information.

### dirname: invalid option
dirname -x a; echo "rc=$?"
--- stdout
rc=1
--- stderr
dirname: invalid option -- 'x'
Try 'dirname --help' for more information.

### dirname: empty string
dirname ''
--- stdout
.

### basename: --suffix and --zero long options
basename --suffix=.sh --zero x/a.sh y/b.sh | tr '\0' '|'; echo
--- stdout
a|b|

### basename: -a with empty operand
basename -a '' a/b; echo "rc=$?"
--- stdout

b
rc=0

### basename: invalid option
basename -x; echo "rc=$?"
--- stdout
rc=1
--- stderr
basename: invalid option -- 'x'
Try 'basename --help' for more information.

### dirname: --zero long option
dirname --zero /a/b | tr '\0' '|'; echo
--- stdout
/a|

### dirname: dots
dirname .; dirname ..; dirname ./a; dirname ../a/

--- stdout
.
.
.
..
