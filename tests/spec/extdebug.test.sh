# shopt -s extdebug: functrace and errtrace, declare -F with the definition's
# line and file, BASH_ARGV/BASH_ARGC, and the DEBUG trap's status steering
# the command (1 skips it, 2 returns from a function or a sourced file).
# Also the DEBUG trap before compound commands and BASH_COMMAND's text there.

### extdebug turns functrace and errtrace on and off
echo "$-"
shopt -s extdebug
echo "$-"
shopt -u extdebug
echo "$-"
set -T
shopt -s extdebug
shopt -u extdebug
echo "$-"
shopt -s extdebug
set +ET
shopt extdebug
echo "$-"
--- stdout
hBc
hBETc
hBc
hBc
extdebug       	on
hBc

### shopt -p and -q of extdebug
shopt -p extdebug
shopt -q extdebug; echo "q=$?"
shopt -s extdebug
shopt -p extdebug
shopt -q extdebug; echo "q=$?"
shopt -o functrace errtrace
--- stdout
shopt -u extdebug
q=1
shopt -s extdebug
q=0
functrace      	on
errtrace       	on

### declare -F prints line and file under extdebug
shopt -s extdebug
f() { :; }

g() {
  :
}
function h
{
  :
}
declare -F f g h
declare -F nosuch; echo "st=$?"
declare -F
shopt -u extdebug
declare -F f g
--- stdout
f 2 environment
g 4 environment
h 7 environment
st=1
declare -f f
declare -f g
declare -f h
f
g

### declare -F of functions from a sourced file
printf 'k() { :; }\n\n  m() { :; }\n' > d.sh
shopt -s extdebug
source ./d.sh
declare -F k m
n() { :; }
declare -F n
--- stdout
k 1 ./d.sh
m 3 ./d.sh
n 5 environment

### declare -F in a script run by bash
printf 'shopt -s extdebug\n\nf() { :; }\ndeclare -F f\n' > d.sh
bash d.sh
--- stdout
f 3 d.sh

### BASH_ARGV and BASH_ARGC under extdebug
shopt -s extdebug
f() { echo "f: ${BASH_ARGV[*]} / ${BASH_ARGC[*]}"; g x y z; }
g() { echo "g: ${BASH_ARGV[*]} / ${BASH_ARGC[*]}"; }
f a b
echo "top: ${BASH_ARGV[*]} / ${BASH_ARGC[*]}"
--- stdout
f: b a / 2 0
g: z y x b a / 3 2 0
top:  / 0

### RETURN trap inherited by functions under extdebug
shopt -s extdebug
trap 'echo "R:${FUNCNAME[0]}"' RETURN
f() { g; return 3; }
g() { return 4; }
f; echo "f=$?"
trap - RETURN
--- stdout
R:g
R:f
f=3

### ERR trap inherited by functions under extdebug
shopt -s extdebug
trap 'echo "ERR at $LINENO"' ERR
f() {
  false
  echo in f
}
f
trap - ERR
--- stdout
ERR at 4
in f

### DEBUG trap inherited by a subshell under extdebug
shopt -s extdebug
trap 'echo "D:$BASH_COMMAND"' DEBUG
( echo sub )
trap - DEBUG
--- stdout
D:echo sub
sub
D:trap - DEBUG

### DEBUG trap before compound commands
x=1
set -- p
trap 'echo "D:$BASH_COMMAND"' DEBUG
for i in "a b"   $x; do :; done
for i; do :; done
case "$x"   in *) ;; esac
[[ -n $x   &&  a == b* || ! -z "$x" ]]
(( x = 1 +   2 ))
((x++))
for ((i = 0;   i < 1; i++)); do :; done
for ((;;)); do break; done
select s in "a b"; do break; done <<< 1
[[ $x =~ ^[0-9]+$ ]]
f() { [[ a ]]; }
f
trap - DEBUG
--- stdout
D:for i in "a b" $x
D::
D:for i in "a b" $x
D::
D:for i in "$@"
D::
D:case "$x" in 
D:[[ -n $x && a == b* || ! -z "$x" ]]
D:(( x = 1 +   2 ))
D:((x++))
D:((i = 0))
D:((i < 1))
D::
D:((i++))
D:((i < 1))
D:((1))
D:((1))
D:break
D:select s in "a b"
D:break
D:[[ $x =~ ^[0-9]+$ ]]
D:f
D:trap - DEBUG
--- stderr noeol
1) a b
#? 

### DEBUG trap in functions under extdebug, compound commands
shopt -s extdebug
trap 'case $BASH_COMMAND in for*|case*|"[["*|"(("*) echo "D:$BASH_COMMAND";; esac' DEBUG
f() {
  for i in 1 2; do :; done
  case a in a) ;; esac
  [[ -n x ]]
  (( 1 ))
  for ((k = 0; k < 1; k++)); do :; done
}
f
trap - DEBUG
--- stdout
D:for i in 1 2
D:for i in 1 2
D:case a in 
D:[[ -n x ]]
D:(( 1 ))
D:((k = 0))
D:((k < 1))
D:((k++))
D:((k < 1))

### DEBUG trap status under extdebug skips compound commands
shopt -s extdebug
dbg() { case $BASH_COMMAND in "for k in SKIP"|"[[ -n SKIP ]]"|"(( SKIP ))"|"case SKIP in ") return 1;; esac; return 0; }
trap dbg DEBUG
for k in SKIP; do echo "it $k"; done; echo "for $?"
g() { for k in SKIP; do echo "it $k"; done; echo g-end; }
g
false; [[ -n SKIP ]]; echo "cond $?"
false; (( SKIP )); echo "arith $?"
case SKIP in *) echo case;; esac; echo "case $?"
for ((SKIP = 0; SKIP < 2; SKIP++)); do echo "af $SKIP"; done
trap - DEBUG
--- stdout
for 1
g-end
cond 0
arith 0
case 0
af 0
af 1

### DEBUG trap status 2 returns from a function or a sourced file
shopt -s extdebug
dbg() { case $BASH_COMMAND in "[[ -n RET ]]"|"(( RET ))"|"for k in RET") return 2;; esac; return 0; }
printf 'echo s1\n(( RET ))\necho s3\n' > s.sh
trap dbg DEBUG
f() { echo f1; [[ -n RET ]]; echo f3; }
f; echo "f=$?"
g() { echo g1; for k in RET; do echo in; done; echo g3; }
g; echo "g=$?"
source ./s.sh; echo "s=$?"
false; [[ -n RET ]]; echo "top $?"
trap - DEBUG
--- stdout
f1
f=2
g1
g=2
s1
s=2
top 0

### DEBUG trap status without extdebug changes nothing
dbg() { return 1; }
trap dbg DEBUG
for k in 1; do echo "it $k"; done
[[ x ]]; echo "cond $?"
trap - DEBUG
--- stdout
it 1
cond 0

### DEBUG trap runs at function entry with functrace
set -T
trap 'echo "D:$BASH_COMMAND"' DEBUG
f() { echo in f; }
f
trap - DEBUG
--- stdout
D:f
D:f
D:echo in f
in f
D:trap - DEBUG

### DEBUG trap before assignments and before command substitutions
shopt -s extdebug
trap 'echo "D:$BASH_COMMAND" >&2' DEBUG
x=1
y=$(echo hi)
echo "$x $y"
trap - DEBUG
--- stdout
1 hi
--- stderr
D:x=1
D:y=$(echo hi)
D:echo hi
D:echo "$x $y"
D:trap - DEBUG

### DEBUG trap status under extdebug skips simple commands
shopt -s extdebug
dbg() { case $BASH_COMMAND in "echo SKIP") return 1;; "echo RET") return 2;; esac; return 0; }
trap dbg DEBUG
echo a
echo SKIP; echo "after $?"
f() { echo f1; echo RET; echo f3; }
f; echo "f=$?"
printf 'echo s1\necho RET\necho s3\n' > s.sh
source ./s.sh; echo "s=$?"
echo RET; echo "top $?"
trap - DEBUG
--- stdout
a
after 0
f1
f=2
s1
s=2
top 0

### DEBUG trap status at function entry under extdebug
shopt -s extdebug
dbg() { [[ $BASH_COMMAND == g && ${FUNCNAME[1]} == g ]] && return 1; return 0; }
trap dbg DEBUG
g() { echo body; }
g; echo "g=$?"
trap - DEBUG
--- stdout
g=1

### return and local at the top level of a script run by bash
printf 'echo a\nreturn 3\necho b\nlocal x=1\necho "[${FUNCNAME[*]}]"\n' > rt.sh
bash rt.sh; echo "rc=$?"
--- stdout
a
b
[]
rc=0
--- stderr
rt.sh: line 2: return: can only `return' from a function or sourced script
rt.sh: line 4: local: can only be used in a function
