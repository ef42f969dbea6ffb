# rm (GNU coreutils 9 on the reference machine)
### remove file
touch f; rm f; ls

### missing operand
rm
--- stderr
rm: missing operand
Try 'rm --help' for more information.
--- status 1

### force without operands
rm -f; echo $?
--- stdout
0

### missing file
rm nope; echo $?
--- stdout
1
--- stderr
rm: cannot remove 'nope': No such file or directory

### force missing file
rm -f nope; echo $?
--- stdout
0

### directory without -r
mkdir d; rm d; echo $?
--- stdout
1
--- stderr
rm: cannot remove 'd': Is a directory

### empty directory with -d
mkdir d; rm -d d; ls

### non-empty directory with -d
mkdir -p d/e; rm -d d; echo $?
--- stdout
1
--- stderr
rm: cannot remove 'd': Directory not empty

### recursive
mkdir -p d/e/f; touch d/x d/e/y; rm -r d; ls

### recursive verbose
mkdir -p d/e; touch d/e/f; rm -rv d
--- stdout
removed 'd/e/f'
removed directory 'd/e'
removed directory 'd'

### verbose file
touch a b; rm -v a b
--- stdout
removed 'a'
removed 'b'

### refuse dot
rm -r .; echo $?
--- stdout
1
--- stderr
rm: refusing to remove '.' or '..' directory: skipping '.'

### refuse dotdot in path
mkdir d; rm -r d/..; echo $?
--- stdout
1
--- stderr
rm: refusing to remove '.' or '..' directory: skipping 'd/..'

### refuse root
rm -r /; echo $?
--- stdout
1
--- stderr
rm: it is dangerous to operate recursively on '/'
rm: use --no-preserve-root to override this failsafe

### refuse root another spelling
rm -rf //; echo $?
--- stdout
1
--- stderr
rm: it is dangerous to operate recursively on '//' (same as '/')
rm: use --no-preserve-root to override this failsafe

### interactive yes and no
touch a b; printf 'y\nn\n' | rm -i a b; ls
--- stdout
b
--- stderr noeol
rm: remove regular empty file 'a'? rm: remove regular empty file 'b'? 

### interactive empty file prompt
touch a; echo n | rm -i a; echo; ls
--- stdout

a
--- stderr noeol
rm: remove regular empty file 'a'? 

### interactive once
touch a b c d; echo y | rm -I a b c d; ls
--- stderr noeol
rm: remove 4 arguments? 

### interactive once declined
touch a b c d; echo n | rm -I a b c d; echo $?; ls
--- stdout
0
a
b
c
d
--- stderr noeol
rm: remove 4 arguments? 

### interactive once recursive
mkdir d; echo n | rm -I -r d; echo; ls
--- stdout

d
--- stderr noeol
rm: remove 1 argument recursively? 

### interactive recursive descend
mkdir -p q/w; echo y | rm -ri q; echo; ls -R
--- stdout

.:
q

./q:
w

./q/w:
--- stderr noeol
rm: descend into directory 'q'? rm: remove directory 'q/w'? 

### symlink is removed, not its target
mkdir d; touch d/f; ln -s d l; rm l; ls; ls d
--- stdout
d
f

### recursive on symlink to dir
mkdir d; touch d/f; ln -s d l; rm -r l; ls; ls d
--- stdout
d
f

### goes on after an error
touch b; rm nope b; echo $?; ls
--- stdout
1
--- stderr
rm: cannot remove 'nope': No such file or directory

### force overrides interactive
touch a; rm -i -f a; ls

### bad option
rm -k x
--- stderr
rm: invalid option -- 'k'
Try 'rm --help' for more information.
--- status 1

### double dash
touch -- -x; rm -- -x; ls

### preserve-root bad argument
rm --preserve-root=foo -r d
--- stderr
rm: unrecognized --preserve-root argument: 'foo'
--- status 1

### interactive declined file still asks for its directory
mkdir -p a/b; touch a/b/f a/g; printf 'y\ny\ny\ny\nn\ny\n' | rm -ri a; echo; ls -R
--- stdout

.:
a

./a:
g
--- stderr
rm: descend into directory 'a'? rm: descend into directory 'a/b'? rm: remove regular empty file 'a/b/f'? rm: remove directory 'a/b'? rm: remove regular empty file 'a/g'? rm: remove directory 'a'? rm: cannot remove 'a': Directory not empty

### interactive declined directory keeps its parent without asking
mkdir -p a/b; touch a/f; printf 'y\nn\ny\ny\n' | rm -ri a; echo; ls -R
--- stdout

.:
a

./a:
b

./a/b:
--- stderr noeol
rm: descend into directory 'a'? rm: remove directory 'a/b'? rm: remove regular empty file 'a/f'? 
