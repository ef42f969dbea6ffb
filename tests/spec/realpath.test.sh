# realpath (GNU coreutils 9 on the reference machine); the working
# directory's absolute name is replaced by PWD
### existing file
touch f;r=$( realpath f); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/f

### missing last component
r=$(realpath nope); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/nope

### missing parent
realpath nope/x; echo $?
--- stdout
1
--- stderr
realpath: nope/x: No such file or directory

### missing operand
realpath
--- stderr
realpath: missing operand
Try 'realpath --help' for more information.
--- status 1

### existing required
realpath -e nope; echo $?
--- stdout
1
--- stderr
realpath: nope: No such file or directory

### missing allowed
r=$(realpath -m nope/x/../y); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/nope/y

### symlinks resolved
mkdir -p a/b; ln -s a/b lb;r=$( realpath lb/..); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/a

### no symlinks
mkdir -p a/b; ln -s a/b lb;r=$( realpath -s lb/..); echo "${r//"$PWD"/PWD}"
--- stdout
PWD

### logical
mkdir -p a/b; ln -s a/b lb;r=$( realpath -L lb/..); echo "${r//"$PWD"/PWD}"
--- stdout
PWD

### relative to
mkdir a; touch f; realpath --relative-to=a f
--- stdout
../f

### relative to parent
mkdir -p a/b; realpath --relative-to=. a/b
--- stdout
a/b

### relative base
mkdir -p a/b; touch f;r=$( realpath --relative-base=a a/b f); echo "${r//"$PWD"/PWD}"
--- stdout
b
PWD/f

### relative to and base
mkdir -p a/b; touch f;r=$( realpath --relative-to=a --relative-base=a f a/b); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/f
b

### quiet
realpath -q nope/x; echo $?
--- stdout
1

### zero
touch f;r=$( realpath -z f | cat -v); echo "${r//"$PWD"/PWD}"; echo
--- stdout
PWD/f^@


### several with error
touch f;r=$( realpath nope/x f); echo "${r//"$PWD"/PWD}"
--- stdout
PWD/f
--- stderr
realpath: nope/x: No such file or directory

### root
realpath / /.. //
--- stdout
/
/
/

### same directory
realpath --relative-to=. .
--- stdout
.
