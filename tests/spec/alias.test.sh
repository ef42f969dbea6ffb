# alias: spec cases recorded from bash 5.2
### alias not expanded in non interactive by default
alias ll='echo listing'; ll 2>&1; echo $?
--- stdout
vbash: line 1: ll: command not found
127

### alias with expand_aliases
shopt -s expand_aliases
alias hi='echo hello'
hi
--- stdout
hello

### alias defined on same line not used
shopt -s expand_aliases; alias x='echo X'; x 2>/dev/null; echo $?
--- stdout
127

### alias list
alias a1='echo one' a2='ls -l'; alias
--- stdout
alias a1='echo one'
alias a2='ls -l'

### alias print one
alias q='echo q'; alias q
--- stdout
alias q='echo q'

### alias missing
alias nope; echo $?
--- stdout
1
--- stderr
vbash: line 1: alias: nope: not found

### unalias
alias u='echo u'; unalias u; alias u; echo $?
--- stdout
1
--- stderr
vbash: line 1: alias: u: not found

### unalias -a
alias a=1 b=2; unalias -a; alias; echo done
--- stdout
done

### unalias missing
unalias zzz; echo $?
--- stdout
1
--- stderr
vbash: line 1: unalias: zzz: not found

### alias trailing space expands next word
shopt -s expand_aliases
alias s='sudo_ '
alias w='echo word'
alias sudo_='echo pre'
s w
--- stdout
pre echo word

### alias recursive stops
shopt -s expand_aliases
alias ls='ls -d'
ls .
--- stdout
.

### alias in function defined after
shopt -s expand_aliases
alias g='echo from-alias'
f() { g; }
f
--- stdout
from-alias

### alias used before definition in function
shopt -s expand_aliases
f() { g2; }
alias g2='echo late'
f 2>/dev/null; echo $?
--- stdout
127

### alias with quotes
alias sq="echo 'a  b'"; alias sq
--- stdout
alias sq='echo '\''a  b'\'''

### alias -p
alias z='echo z'; alias -p
--- stdout
alias z='echo z'

### alias invalid name
alias 'a=b=c'; alias a
--- stdout
alias a='b=c'

### alias quoted word not expanded
shopt -s expand_aliases
alias e='echo aliased'
\e x 2>/dev/null; echo $?
'e' y 2>/dev/null; echo $?
--- stdout
127
127

### alias in subshell
shopt -s expand_aliases
alias p='echo sub'
(p)
--- stdout
sub

### type of alias
shopt -s expand_aliases
alias t1='echo t'
type t1
--- stdout
t1 is aliased to `echo t'
