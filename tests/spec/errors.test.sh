# Error messages and statuses.
### syntax error fi
echo a
fi
echo b
--- stdout
a
--- stderr
vbash: -c: line 2: syntax error near unexpected token `fi'
vbash: -c: line 2: `fi'
--- status 2

### syntax error unexpected eof
if true; then
--- stderr
vbash: -c: line 2: syntax error: unexpected end of file
--- status 2

### syntax error paren
echo (
--- stderr
vbash: -c: line 1: syntax error near unexpected token `newline'
vbash: -c: line 1: `echo ('
--- status 2

### not found 127
nosuch; echo $?
--- stdout
127
--- stderr
vbash: line 1: nosuch: command not found

### permission denied 126
echo 'echo hi' > s.sh; ./s.sh; echo $?
--- stdout
126
--- stderr
vbash: line 1: ./s.sh: Permission denied

### executable script runs
printf '#!/bin/bash\necho script $1\n' > s.sh; chmod +x s.sh; ./s.sh arg
--- stdout
script arg

### script without shebang runs
printf 'echo noshebang\n' > s2; chmod +x s2; ./s2
--- stdout
noshebang

### directory as command
mkdir dd; ./dd; echo $?
--- stdout
126
--- stderr
vbash: line 1: ./dd: Is a directory

### bad substitution style error
x=1; echo ${x?set}
--- stdout
1

### unbound variable with set -u
set -u; echo $nope; echo after
--- stderr
vbash: line 1: nope: unbound variable
--- status 127

### unbound positional set -u
set -u; echo $1
--- stderr
vbash: line 1: $1: unbound variable
--- status 127

### readonly assignment message
readonly x=1; x=2
--- stderr
vbash: line 1: x: readonly variable
--- status 1

### readonly unset
readonly x=1; unset x
--- stderr
vbash: line 1: unset: x: cannot unset: readonly variable
--- status 1

### shift too many
shift 3; echo $?
--- stdout
1

### cd too many args
cd a b
--- stderr
vbash: line 1: cd: too many arguments
--- status 1

### arithmetic error ends command
echo $((1/0)); echo next
--- stderr
vbash: line 1: 1/0: division by 0 (error token is "0")
--- status 1

### invalid identifier in export
export 1abc=2
--- stderr
vbash: line 1: export: `1abc=2': not a valid identifier
--- status 1

### invalid identifier in local
f() { local 2x=1; }; f
--- stderr
environment: line 1: local: `2x=1': not a valid identifier
--- status 1

### unset invalid
unset 'a-b'

### bad option builtin
set -Q
--- stderr
vbash: line 1: set: -Q: invalid option
set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]
--- status 2

### command not found in pipeline
nosuch | cat; echo $?
--- stdout
0
--- stderr
vbash: line 1: nosuch: command not found

### error inside function line number
f() {
  nosuch
}
f
--- stderr
environment: line 2: nosuch: command not found
--- status 127

### eval syntax error
eval 'if'
echo after $?
--- stdout
after 2
--- stderr
vbash: eval: line 2: syntax error: unexpected end of file

### source missing file
source ./nofile
--- stderr
vbash: line 1: ./nofile: No such file or directory
--- status 1

### source file works
echo 'echo sourced $1' > lib.sh; source ./lib.sh arg
--- stdout
sourced arg

### dot file
echo 'X=fromdot' > lib.sh; . ./lib.sh; echo $X
--- stdout
fromdot

### exit status 2 of syntax error
eval 'echo (' ; echo $?
--- stdout
2
--- stderr
vbash: eval: line 1: syntax error near unexpected token `newline'
vbash: eval: line 1: `echo ('

### nonexistent file redirect keeps going
cat < nofile; echo status $?
--- stdout
status 1
--- stderr
vbash: line 1: nofile: No such file or directory

### binary file cannot execute
printf '\177ELF\0\0' > bin; chmod +x bin; ./bin; echo $?
--- stdout
126
--- stderr
vbash: line 1: ./bin: cannot execute binary file: Exec format error

### type not found
type nosuchthing; echo $?
--- stdout
1
--- stderr
vbash: line 1: type: nosuchthing: not found

### command -v not found
command -v nosuchthing; echo $?
--- stdout
1

### parameter error message custom
unset v; : ${v:?custom message}
--- stderr
vbash: line 1: v: custom message
--- status 127
