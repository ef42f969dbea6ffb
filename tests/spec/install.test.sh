# install (GNU coreutils 9 on the reference machine)
### copy with default mode
echo hi > a; chmod 600 a; install a b; stat -c '%a' b; cat b
--- stdout
755
hi

### mode
echo hi > a; install -m 644 a b; stat -c %a b
--- stdout
644

### symbolic mode
echo hi > a; install -m u=rw,go=r a b; stat -c %a b
--- stdout
644

### invalid mode
touch a; install -m bad a b; echo $?
--- stdout
1
--- stderr
install: invalid mode ‘bad’

### missing operand
install
--- stderr
install: missing file operand
Try 'install --help' for more information.
--- status 1

### missing destination
touch a; install a
--- stderr
install: missing destination file operand after 'a'
Try 'install --help' for more information.
--- status 1

### missing source
install nope x; echo $?
--- stdout
1
--- stderr
install: cannot stat 'nope': No such file or directory

### directory source
mkdir d; install d e; echo $?
--- stdout
1
--- stderr
install: omitting directory 'd'

### into a directory
touch a; mkdir d; install -v a d; ls d
--- stdout
'a' -> 'd/a'
a

### several into a directory
touch a b; mkdir d; install a b d; ls d
--- stdout
a
b

### several into a missing target
touch a b; install a b nope; echo $?
--- stdout
1
--- stderr
install: target 'nope': No such file or directory

### target directory option
touch a b; mkdir d; install -t d a b; ls d
--- stdout
a
b

### make directories
install -d x/y z; stat -c '%a %n' x x/y z
--- stdout
755 x
755 x/y
755 z

### make directories verbose
install -dv x/y
--- stdout
install: creating directory 'x'
install: creating directory 'x/y'

### make directory with mode
install -d -m 700 w; stat -c %a w
--- stdout
700

### leading directories
touch a; install -D a p/q/r; ls -R p
--- stdout
p:
q

p/q:
r

### leading directories verbose
touch a; install -Dv a s/t
--- stdout
install: creating directory 's'
'a' -> 's/t'

### compare skips identical
echo hi > a; install a b; install -C -v a b; echo $?
--- stdout
0

### compare copies changed
echo hi > a; echo ho > b; install -C -v a b; cat b
--- stdout
removed 'b'
'a' -> 'b'
hi

### preserve timestamps
touch -d @1000 a; install -p a b; stat -c %Y b
--- stdout
1000

### no target directory
mkdir d e; install -T d e; echo $?
--- stdout
1
--- stderr
install: omitting directory 'd'

### replaces an existing file
echo new > a; echo old > b; chmod 444 b; install a b; cat b; stat -c %a b
--- stdout
new
755

### invalid owner
touch a; install -o nosuch a u; echo $?
--- stdout
1
--- stderr
install: invalid user ‘nosuch’

### invalid group
touch a; install -g nosuch a u; echo $?
--- stdout
1
--- stderr
install: invalid group ‘nosuch’

### missing file operand with -d
install -d
--- stderr
install: missing file operand
Try 'install --help' for more information.
--- status 1

### goes on after error
touch a; mkdir d; install nope a d; echo $?; ls d
--- stdout
1
a
--- stderr
install: cannot stat 'nope': No such file or directory

### backup
echo new > a; echo old > b; install -b a b; cat b b~
--- stdout
new
old

### verbose backup
touch a b; install -v -b a b
--- stdout
'a' -> 'b' (backup: 'b~')
