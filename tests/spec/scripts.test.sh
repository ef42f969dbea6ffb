# scripts: spec cases recorded from bash 5.2
### bash script file $0 and args
printf 'echo "$0 $# $1 $2"\n' > s.sh; bash s.sh a b
--- stdout
s.sh 2 a b

### script via ./ with shebang
printf '#!/bin/bash\necho run $1\n' > s.sh; chmod +x s.sh; ./s.sh x
--- stdout
run x

### script without exec permission
printf 'echo no\n' > s.sh; ./s.sh; echo $?
--- stdout
126
--- stderr
vbash: line 1: ./s.sh: Permission denied

### script not found
./nope.sh; echo $?
--- stdout
127
--- stderr
vbash: line 1: ./nope.sh: No such file or directory

### sh script
printf 'echo from sh\n' > s.sh; sh s.sh
--- stdout
from sh

### source with args
printf 'echo "src $1 $#"\n' > s.sh; set -- p q r; source ./s.sh x; echo "$#"
--- stdout
src x 1
3

### source sets positional temporarily
printf 'echo "in $1"\n' > s.sh; set -- orig; . ./s.sh new; echo "after $1"
--- stdout
in new
after orig

### return from sourced file
printf 'echo a\nreturn 3\necho b\n' > s.sh; . ./s.sh; echo "st $?"
--- stdout
a
st 3

### return outside function or source
return 2>&1; echo $?
--- stdout
vbash: line 1: return: can only `return' from a function or sourced script
2

### source missing file
source ./missing.sh; echo $?
--- stdout
1
--- stderr
vbash: line 1: ./missing.sh: No such file or directory

### source without args
source; echo $?
--- stdout
2
--- stderr
vbash: line 1: source: filename argument required
source: usage: source filename [arguments]

### BASH_SOURCE in sourced file
printf 'echo "${BASH_SOURCE[0]}"\n' > s.sh; . ./s.sh
--- stdout
./s.sh

### BASH_SOURCE in function from sourced file
printf 'f() { echo "${BASH_SOURCE[0]} ${FUNCNAME[0]}"; }\n' > lib.sh; . ./lib.sh; f
--- stdout
./lib.sh f

### LINENO in script
printf 'echo $LINENO\n\necho $LINENO\n' > s.sh; bash s.sh
--- stdout
1
3

### LINENO in -c
echo $LINENO
echo $LINENO
--- stdout
1
2

### LINENO in function
f() {
  echo $LINENO
}
f
--- stdout
2

### BASH_LINENO
f() { echo "${BASH_LINENO[0]}"; }
f
--- stdout
2

### script exit status
printf 'exit 7\n' > s.sh; bash s.sh; echo $?
--- stdout
7

### script last command status
printf 'false\n' > s.sh; bash s.sh; echo $?
--- stdout
1

### exported variables visible in script
export EV=yes; NV=no; printf 'echo "$EV [$NV]"\n' > s.sh; bash s.sh
--- stdout
yes []

### functions not inherited by script
f() { echo f; }; printf 'f\n' > s.sh; bash s.sh 2>/dev/null; echo $?
--- stdout
127

### exported function inherited
f() { echo exported f; }; export -f f; printf 'f\n' > s.sh; bash s.sh
--- stdout
exported f

### bash -c with name and args
bash -c 'echo "$0 $1 $2"' myname one two
--- stdout
myname one two

### bash -c exit status
bash -c 'exit 42'; echo $?
--- stdout
42

### bash -e option
bash -e -c 'false; echo no'; echo $?
--- stdout
1

### bash -x trace
bash -x -c 'echo hi' 2>&1
--- stdout
+ echo hi
hi

### script with shebang sh and args
printf '#!/bin/sh\necho "$@"\n' > s.sh; chmod +x s.sh; ./s.sh 1 2 3
--- stdout
1 2 3

### script via PATH
mkdir -p bin; printf '#!/bin/bash\necho in path\n' > bin/mycmd; chmod +x bin/mycmd; PATH=$PWD/bin:$PATH; mycmd
--- stdout
in path

### command not found status
nosuchcmd; echo $?
--- stdout
127
--- stderr
vbash: line 1: nosuchcmd: command not found

### directory as command
mkdir -p d; ./d; echo $?
--- stdout
126
--- stderr
vbash: line 1: ./d: Is a directory

### source finds in PATH
mkdir -p b2; printf 'echo sourced from path\n' > b2/lib2.sh; PATH=$PWD/b2:$PATH; source lib2.sh
--- stdout
sourced from path

### sourcepath off
mkdir -p b3; printf 'echo x\n' > b3/lib3.sh; PATH=$PWD/b3:$PATH; shopt -u sourcepath; source lib3.sh; echo $?
--- stdout
1
--- stderr
vbash: line 1: lib3.sh: No such file or directory

### script sees changed cwd
mkdir -p sub; printf 'cd sub; echo changed\n' > s.sh; bash s.sh; ls -d sub
--- stdout
changed
sub

### nested source depth
printf '. ./b.sh\necho a done\n' > a.sh; printf 'echo in b\n' > b.sh; . ./a.sh
--- stdout
in b
a done

### exit in sourced file exits shell
printf 'exit 5\n' > s.sh; . ./s.sh; echo never
--- status 5

### BASH_ARGV with extdebug
shopt -s extdebug; f() { echo "${BASH_ARGV[@]} / ${BASH_ARGC[@]}"; }; f a b c
--- stdout
c b a / 3 0

### BASH_ARGC count
shopt -s extdebug; f() { echo "${BASH_ARGC[0]}"; }; f x y
--- stdout
2

### $0 in function
f() { echo $0; }; f
--- stdout
vbash

### script reading stdin
printf 'read x; echo "got $x"\n' > s.sh; echo data | bash s.sh
--- stdout
got data

### bash -s reads script from stdin
echo 'echo via stdin $1' | bash -s arg1
--- stdout
via stdin arg1
