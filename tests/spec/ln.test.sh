# ln (GNU coreutils 9 on the reference machine)
### hard link
echo hi > a; ln a b; cat b; stat -c '%h' a
--- stdout
hi
2

### symbolic link
ln -s target l; readlink l; stat -c %F l
--- stdout
target
symbolic link

### missing operand
ln
--- stderr
ln: missing file operand
Try 'ln --help' for more information.
--- status 1

### one operand makes a link here
mkdir d; touch d/f; ln -s d/f; readlink f
--- stdout
d/f

### one operand that exists here
touch a; ln a; echo $?
--- stdout
1
--- stderr
ln: failed to create hard link './a': File exists

### existing destination
touch a b; ln a b; echo $?; ln -s a b; echo $?
--- stdout
1
1
--- stderr
ln: failed to create hard link 'b': File exists
ln: failed to create symbolic link 'b': File exists

### force
echo 1 > a; echo 2 > b; ln -f a b; cat b
--- stdout
1

### force symbolic
touch a b; ln -sf a b; readlink b
--- stdout
a

### into a directory
touch a; mkdir d; ln a d; ls d
--- stdout
a

### several into a directory
touch a b; mkdir d; ln -s ../a ../b d; readlink d/a d/b
--- stdout
../a
../b

### target directory option
touch a; mkdir d; ln -t d a; ls d
--- stdout
a

### hard link to a directory
mkdir d; ln d e; echo $?
--- stdout
1
--- stderr
ln: d: hard link not allowed for directory

### missing target for hard link
ln nope x; echo $?
--- stdout
1
--- stderr
ln: failed to access 'nope': No such file or directory

### dangling symbolic link is fine
ln -s nope x; echo $?; readlink x
--- stdout
0
nope

### verbose
touch a; ln -v a b; ln -sv a c
--- stdout
'b' => 'a'
'c' -> 'a'

### relative
mkdir -p d/e; touch f; ln -sr f d/e/l; readlink d/e/l; cat d/e/l
--- stdout
../../f

### relative through dotdot
mkdir d; touch f; ln -srv d/../f sub
--- stdout
'sub' -> 'f'

### no dereference of a link to a directory
mkdir d e; ln -s d l; ln -sfn e l; readlink l; ls d
--- stdout
e

### link to a directory without -n
mkdir d e; ln -s d l; ln -sf e l; readlink l; ls d
--- stdout
d
e

### no target directory
mkdir d; ln -sT a d; echo $?
--- stdout
1
--- stderr
ln: failed to create symbolic link 'd': File exists

### relative without symbolic
ln -r a b
--- stderr
ln: cannot do --relative without --symbolic
--- status 1

### symlink loop path
ln -s x x; ln -s a x/y; echo $?
--- stdout
1
--- stderr
ln: failed to create symbolic link 'x/y': Too many levels of symbolic links

### several into a non-directory
touch a b c; ln a b c; echo $?
--- stdout
1
--- stderr
ln: target 'c': Not a directory

### goes on after error
touch a; mkdir d; ln nope a d; echo $?; ls d
--- stdout
1
a
--- stderr
ln: failed to access 'nope': No such file or directory

### backup
touch a b; ln -sb a b; readlink b; ls
--- stdout
a
a
b
b~

### verbose backup
touch a b; ln -v --backup=numbered a b
--- stdout
'b.~1~' ~ 'b' => 'a'
