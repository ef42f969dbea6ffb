# bashvars: BASH_ALIASES, BASH_CMDS and the hash table, recorded from bash 5.2
### BASH_ALIASES reads the alias table
alias ll='ls -l' la='ls -A'
echo "${BASH_ALIASES[ll]}|${BASH_ALIASES[la]}|${#BASH_ALIASES[@]}"
echo "[${BASH_ALIASES[nope]}]"
--- stdout
ls -l|ls -A|2
[]

### assigning an element defines an alias
BASH_ALIASES[g]='echo gee'
alias g
shopt -s expand_aliases
eval 'g 1'
--- stdout
alias g='echo gee'
gee 1

### BASH_ALIASES compound append and element append
BASH_ALIASES+=([h]='echo h')
alias h
BASH_ALIASES[h]+=' more'
alias h
--- stdout
alias h='echo h'
alias h='echo h more'

### unalias shows in BASH_ALIASES
alias a1='echo 1' a2='echo 2'
unalias a1
echo "[${BASH_ALIASES[a1]}]" ${#BASH_ALIASES[@]}
declare -p BASH_ALIASES
--- stdout
[] 1
declare -A BASH_ALIASES=([a2]="echo 2" )

### unsetting an element leaves the alias
alias ll='ls -l'
unset 'BASH_ALIASES[ll]'
alias
echo "${BASH_ALIASES[ll]}"
--- stdout
alias ll='ls -l'
ls -l

### empty BASH_ALIASES
declare -p BASH_ALIASES BASH_CMDS
echo ${#BASH_ALIASES[@]} ${#BASH_CMDS[@]}
--- stdout
declare -A BASH_ALIASES=()
declare -A BASH_CMDS=()
0 0

### unset BASH_ALIASES keeps the aliases
alias k='echo k'
unset BASH_ALIASES
alias
echo "[${BASH_ALIASES[k]}]"
declare -p BASH_ALIASES
--- stdout
alias k='echo k'
[]
--- stderr
vbash: line 5: declare: BASH_ALIASES: not found
--- status 1

### BASH_ALIASES keys
alias x1=a
for k in "${!BASH_ALIASES[@]}"; do echo "$k=${BASH_ALIASES[$k]}"; done
--- stdout
x1=a

### BASH_CMDS element hashes a command
BASH_CMDS[ls2]=/bin/ls
hash -t ls2
type ls2
type -t ls2
command -v ls2
command -V ls2
echo ${!BASH_CMDS[@]}
--- stdout
/bin/ls
ls2 is hashed (/bin/ls)
file
/bin/ls
ls2 is hashed (/bin/ls)
ls2

### hash -r empties BASH_CMDS
hash -p /bin/cat c2
echo "${BASH_CMDS[c2]}"
hash -r
echo ${#BASH_CMDS[@]}
--- stdout
/bin/cat
0

### BASH_CMDS compound assignment and unset of an element
BASH_CMDS=([e]=/bin/echo)
hash
unset 'BASH_CMDS[e]'
declare -p BASH_CMDS
--- stdout
hits	command
   0	/bin/echo
declare -A BASH_CMDS=([e]="/bin/echo" )

### a hashed name runs its remembered path
hash -p /bin/echo say
say hello
--- stdout
hello

### a hashed path that does not exist
hash -p /nope zz
zz
echo $?
type zz
--- stdout
127
zz is hashed (/nope)
--- stderr
vbash: line 2: /nope: No such file or directory

### assigning PATH forgets the hashed commands
hash -p /bin/echo zz
zz one
PATH=$PATH
zz two
echo $?
--- stdout
one
127
--- stderr
vbash: line 4: zz: command not found

### type after a command ran from PATH
ls >/dev/null
type ls
command -V ls
type -a ls
--- stdout
ls is hashed (/usr/bin/ls)
ls is hashed (/usr/bin/ls)
ls is /usr/bin/ls
ls is /bin/ls

### local -p of a name that is not local
f() { local x; local -p HOME; local -p x; }
f
--- stdout
declare -- x
--- stderr
environment: line 1: local: HOME: not found
