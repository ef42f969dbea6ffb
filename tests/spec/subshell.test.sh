# Subshells and isolation.
### subshell var not visible
x=1; (x=2; echo in $x); echo out $x
--- stdout
in 2
out 1

### subshell cd not visible
mkdir d; (cd d; echo ${PWD##*/}); [ "$PWD" = "$HOME" ] && echo home
--- stdout
d
home

### subshell function not visible
(f() { echo f; }); f 2>/dev/null || echo nofunc
--- stdout
nofunc

### subshell exit
(exit 3); echo $?
--- stdout
3

### subshell exit does not end parent
(exit 1); echo continues
--- stdout
continues

### command substitution isolated
x=1; : $(x=5); echo $x
--- stdout
1

### nested subshells
( ( echo deep ) )
--- stdout
deep

### BASH_SUBSHELL
echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL))
--- stdout
0
1
2

### subshell sees parent vars
x=parent; (echo $x)
--- stdout
parent

### subshell set -e local
(set -e; false; echo not); echo after $?
--- stdout
after 1

### subshell trap exit
(trap 'echo bye' EXIT; echo hi)
--- stdout
hi
bye

### subshell output redirect
(echo a; echo b) > out; cat out
--- stdout
a
b

### subshell in pipeline
(echo one; echo two) | (while read l; do echo "[$l]"; done)
--- stdout
[one]
[two]

### subshell umask isolated
umask 022; (umask 077); umask
--- stdout
0022

### subshell positional isolated
set -- a; (set -- b; echo $1); echo $1
--- stdout
b
a

### background job isolated
x=1; { x=2; } & wait; echo $x
--- stdout
1

### dollar dollar same in subshell
a=$$; b=$(echo $$); [ $a = $b ] && echo same
--- stdout
same

### BASHPID differs
a=$BASHPID; b=$(echo $BASHPID); [ $a != $b ] && echo differ
--- stdout
differ

### subshell readonly inherited
readonly r=1; (r=2) 2>/dev/null; echo $?
--- stdout
1

### exit trap of parent runs once
trap 'echo parent-exit' EXIT; (echo child)
--- stdout
child
parent-exit
