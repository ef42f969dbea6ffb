# readlink (GNU coreutils 9 on the reference machine)
### symlink value
ln -s target l; readlink l
--- stdout
target

### not a symlink
touch f; readlink f; echo $?
--- stdout
1

### verbose not a symlink
touch f; readlink -v f; echo $?
--- stdout
1
--- stderr
readlink: f: Invalid argument

### missing operand
readlink
--- stderr
readlink: missing operand
Try 'readlink --help' for more information.
--- status 1

### no newline
ln -s t l; readlink -n l; echo '|'
--- stdout
t|

### no newline with several
ln -s t l; readlink -n l l
--- stdout
t
t
--- stderr
readlink: ignoring --no-newline with multiple arguments

### zero
ln -s t l; readlink -z l | cat -v; echo
--- stdout
t^@

### canonicalize relative result
mkdir -p a/b; touch a/f; ln -s a/b lb;r=$( cd a && readlink -f ../lb/../f); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/a/f

### canonicalize missing last
r=$(readlink -f nope); echo "${r//"$PWD"/PWD}"; echo $?
--- stdout
PWD/nope
0

### canonicalize missing parent
readlink -f nope/x; echo $?
--- stdout
1

### existing required
readlink -e nope; echo $?
--- stdout
1

### existing verbose
readlink -ev nope; echo $?
--- stdout
1
--- stderr
readlink: nope: No such file or directory

### missing allowed
r=$(readlink -m a/../b/c); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/b/c

### through a file with -m
touch f;r=$( readlink -m f/x); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/f/x

### through a file with -f
touch f; readlink -f f/x; echo $?
--- stdout
1

### dangling link with -f
ln -s nowhere l;r=$( readlink -f l); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/nowhere

### loop
ln -s x x; readlink -e x; echo $?; readlink -ve x
--- stdout
1
--- stderr
readlink: x: Too many levels of symbolic links
--- status 1

### absolute root
readlink -f /
--- stdout
/

### several
ln -s a l1; ln -s b l2; readlink l1 l2
--- stdout
a
b
