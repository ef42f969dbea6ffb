# rmdir (GNU coreutils 9 on the reference machine)
### remove empty directory
mkdir d; rmdir d; ls

### missing operand
rmdir
--- stderr
rmdir: missing operand
Try 'rmdir --help' for more information.
--- status 1

### not empty
mkdir -p d/e; rmdir d; echo $?
--- stdout
1
--- stderr
rmdir: failed to remove 'd': Directory not empty

### missing directory
rmdir nope; echo $?
--- stdout
1
--- stderr
rmdir: failed to remove 'nope': No such file or directory

### not a directory
touch f; rmdir f; echo $?
--- stdout
1
--- stderr
rmdir: failed to remove 'f': Not a directory

### parents
mkdir -p a/b/c; rmdir -p a/b/c; ls

### parents stop at non-empty
mkdir -p a/b/c a/x; rmdir -p a/b/c; echo $?; ls a
--- stdout
1
x
--- stderr
rmdir: failed to remove directory 'a': Directory not empty

### ignore non-empty
mkdir -p d/e; rmdir --ignore-fail-on-non-empty d; echo $?; ls
--- stdout
0
d

### ignore non-empty with parents
mkdir -p a/b/c a/x; rmdir -p --ignore-fail-on-non-empty a/b/c; echo $?; ls a
--- stdout
0
x

### verbose
mkdir -p a/b; rmdir -v a/b a
--- stdout
rmdir: removing directory, 'a/b'
rmdir: removing directory, 'a'

### verbose parents
mkdir -p a/b/c; rmdir -pv a/b/c
--- stdout
rmdir: removing directory, 'a/b/c'
rmdir: removing directory, 'a/b'
rmdir: removing directory, 'a'

### dot
rmdir .; echo $?
--- stdout
1
--- stderr
rmdir: failed to remove '.': Invalid argument

### trailing slash
mkdir d; rmdir d/; ls

### goes on after an error
mkdir b; rmdir nope b; echo $?; ls
--- stdout
1
--- stderr
rmdir: failed to remove 'nope': No such file or directory

### symlink to a directory
mkdir d; ln -s d l; rmdir l; echo $?; rmdir l/; echo $?
--- stdout
1
1
--- stderr
rmdir: failed to remove 'l': Not a directory
rmdir: failed to remove 'l/': Symbolic link not followed

### bad option
rmdir -x d
--- stderr
rmdir: invalid option -- 'x'
Try 'rmdir --help' for more information.
--- status 1
