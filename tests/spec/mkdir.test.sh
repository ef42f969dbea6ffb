# mkdir (GNU coreutils 9 on the reference machine)
### plain mkdir
mkdir d && ls -d d && stat -c '%F' d
--- stdout
d
directory

### several operands
mkdir a b c; ls
--- stdout
a
b
c

### missing operand
mkdir
--- stderr
mkdir: missing operand
Try 'mkdir --help' for more information.
--- status 1

### existing directory
mkdir d; mkdir d; echo $?
--- stdout
1
--- stderr
mkdir: cannot create directory ‘d’: File exists

### existing file
touch f; mkdir f; echo $?
--- stdout
1
--- stderr
mkdir: cannot create directory ‘f’: File exists

### missing parent
mkdir a/b; echo $?
--- stdout
1
--- stderr
mkdir: cannot create directory ‘a/b’: No such file or directory

### parents
mkdir -p a/b/c && ls -R a
--- stdout
a:
b

a/b:
c

a/b/c:

### parents with existing
mkdir -p a/b; mkdir -p a/b; echo $?; mkdir -p a
--- stdout
0

### parents through a file
touch f; mkdir -p f/x; echo $?
--- stdout
1
--- stderr
mkdir: cannot create directory ‘f’: Not a directory

### verbose
mkdir -v x y
--- stdout
mkdir: created directory 'x'
mkdir: created directory 'y'

### verbose parents
mkdir -pv p/q/r
--- stdout
mkdir: created directory 'p'
mkdir: created directory 'p/q'
mkdir: created directory 'p/q/r'

### mode octal
mkdir -m 700 d; stat -c '%a %n' d
--- stdout
700 d

### mode symbolic
mkdir -m u=rwx,g=rx,o= d; stat -c '%a' d
--- stdout
750

### mode only for the last with -p
mkdir -p -m 711 g/h; stat -c '%a %n' g g/h
--- stdout
755 g
711 g/h

### invalid mode
mkdir -m abc z; echo $?; ls
--- stdout
1
--- stderr
mkdir: invalid mode ‘abc’

### trailing slash existing
mkdir d; mkdir d/; echo $?
--- stdout
1
--- stderr
mkdir: cannot create directory ‘d/’: File exists

### error goes on with the rest
mkdir x/y z; echo $?; ls
--- stdout
1
z
--- stderr
mkdir: cannot create directory ‘x/y’: No such file or directory

### dot and dotdot in path
mkdir -p a/../b/./c; ls -R
--- stdout
.:
a
b

./a:

./b:
c

./b/c:

### bad option
mkdir -Q d
--- stderr
mkdir: invalid option -- 'Q'
Try 'mkdir --help' for more information.
--- status 1

### long option with equals
mkdir --mode=750 --parents --verbose m/n; stat -c %a m/n
--- stdout
mkdir: created directory 'm'
mkdir: created directory 'm/n'
750

### version line
mkdir --version | head -1 | cut -d' ' -f1
--- stdout
mkdir

### umask of the shell
umask 027; mkdir d; mkdir -p p/q; stat -c '%a %n' d p p/q
--- stdout
750 d
750 p
750 p/q
