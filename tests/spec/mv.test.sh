# mv (GNU coreutils 9 on the reference machine)
### rename a file
echo hi > a; mv a b; ls; cat b
--- stdout
b
hi

### missing operand
mv
--- stderr
mv: missing file operand
Try 'mv --help' for more information.
--- status 1

### missing destination
touch a; mv a
--- stderr
mv: missing destination file operand after 'a'
Try 'mv --help' for more information.
--- status 1

### missing source
mv nope x; echo $?
--- stdout
1
--- stderr
mv: cannot stat 'nope': No such file or directory

### into a directory
touch a; mkdir d; mv a d; ls d; ls
--- stdout
a
d

### several into a directory
touch a b; mkdir d; mv a b d; ls d
--- stdout
a
b

### several into a non-directory
touch a b c; mv a b c; echo $?
--- stdout
1
--- stderr
mv: target 'c': Not a directory

### verbose
touch a; mv -v a b
--- stdout
renamed 'a' -> 'b'

### rename a directory
mkdir -p d/e; mv d x; ls -R x
--- stdout
x:
e

x/e:

### directory into itself
mkdir d; mv d d/sub; echo $?
--- stdout
1
--- stderr
mv: cannot move 'd' to a subdirectory of itself, 'd/sub'

### directory onto itself
mkdir q; mv q q; echo $?
--- stdout
1
--- stderr
mv: cannot move 'q' to a subdirectory of itself, 'q/q'

### same file
touch z; mv z z; echo $?
--- stdout
1
--- stderr
mv: 'z' and 'z' are the same file

### no clobber
echo old > b; echo new > a; mv -n a b; echo $?; cat b; ls
--- stdout
0
old
a
b

### interactive no
echo old > b; echo new > a; echo n | mv -i a b; echo; cat b
--- stdout

old
--- stderr noeol
mv: overwrite 'b'? 

### interactive yes
echo old > b; echo new > a; echo y | mv -i a b; echo; cat b; ls
--- stdout

new
b
--- stderr noeol
mv: overwrite 'b'? 

### update
echo old > b; touch -d @100 b; echo new > a; touch -d @50 a; mv -u a b; cat b; ls
--- stdout
old
a
b

### overwrite directory with file
mkdir -p d/f; touch f; mv f d; echo $?
--- stdout
1
--- stderr
mv: cannot overwrite directory 'd/f' with non-directory

### overwrite file with directory
mkdir -p d/z; touch z; mv d/z z; echo $?
--- stdout
1
--- stderr
mv: cannot overwrite non-directory 'z' with directory 'd/z'

### replace empty directory
mkdir -p a/x h/x; touch a/x/f; mv a/x h; ls -R h
--- stdout
h:
x

h/x:
f

### replace non-empty directory
mkdir -p a/x h/x; touch a/x/f h/x/g; mv a/x h; echo $?
--- stdout
1
--- stderr
mv: cannot move 'a/x' to 'h/x': Directory not empty

### target directory option
touch a b; mkdir d; mv -t d a b; ls d
--- stdout
a
b

### no target directory
mkdir d e; touch d/f; mv -T d e; ls; ls e
--- stdout
e
f

### no target directory onto non-empty
mkdir -p d e/x; mv -T d e; echo $?
--- stdout
1
--- stderr
mv: cannot move 'd' to 'e': Directory not empty

### symlink moved as a link
touch f; ln -s f l; mkdir d; mv l d; readlink d/l
--- stdout
f

### trailing slash strip
mkdir d; mv --strip-trailing-slashes d/ e; ls
--- stdout
e

### goes on after error
touch a; mkdir d; mv nope a d; echo $?; ls d
--- stdout
1
a
--- stderr
mv: cannot stat 'nope': No such file or directory

### bad option
mv -k a b
--- stderr
mv: invalid option -- 'k'
Try 'mv --help' for more information.
--- status 1

### backup
echo old > b; echo new > a; mv -b a b; cat b b~; ls
--- stdout
new
old
b
b~

### verbose numbered backup
touch a b; mv -v --backup=numbered a b
--- stdout
renamed 'a' -> 'b' (backup: 'b.~1~')
