# Command substitution: $( ), backticks, nesting, trailing newlines, status.
### basic
echo "[$(echo hi)]"
--- stdout
[hi]

### trailing newlines removed
x=$(printf 'a\n\n\n'); echo "[$x]"
--- stdout
[a]

### inner newlines kept quoted
x=$(printf 'a\n\nb'); echo "$x"
--- stdout
a

b

### leading newlines kept
x=$(printf '\n\na'); echo "[$x]"
--- stdout
[

a]

### status of substitution
x=$(exit 3); echo $?
--- stdout
3

### status of last substitution in assignment
x=$(false) y=$(true); echo $?
--- stdout
0

### status with command word
echo $(exit 4) ; echo $?
--- stdout

0

### nested
echo $(echo a $(echo b $(echo c)))
--- stdout
a b c

### nested quotes
echo "$(echo "inner "quoted" text")"
--- stdout
inner quoted text

### backticks basic
echo `echo hi`
--- stdout
hi

### backticks nested with escapes
echo `echo a \`echo b\``
--- stdout
a b

### backtick backslash dollar
x=1; echo `echo \$x`
--- stdout
1

### backtick double backslash
echo `echo 'a\\b'`
--- stdout
a\b

### backtick backslash before other char kept
echo `echo 'a\qb'`
--- stdout
a\qb

### backtick in double quotes
echo "`echo 'a  b'`"
--- stdout
a  b

### dollar paren with case
x=$(case a in a) echo yes;; esac); echo $x
--- stdout
yes

### dollar paren with comment
x=$(echo a # comment
); echo $x
--- stdout
a

### subshell isolation of variables
x=1; y=$(x=2; echo $x); echo $x $y
--- stdout
1 2

### subshell isolation of cd
d=$(cd /; pwd); echo $d; [ "$(pwd)" != / ] && echo stayed
--- stdout
/
stayed

### exit inside substitution does not exit shell
x=$(exit 5; echo no); echo "[$x] $?"
--- stdout
[] 5

### function output captured
f() { echo from f; }; x=$(f); echo $x
--- stdout
from f

### stderr not captured
x=$(echo err >&2; echo out); echo "[$x]"
--- stdout
[out]
--- stderr
err

### stderr captured by redirect
x=$(echo err 2>&1 >&2); echo "[$x]"
--- stdout
[err]

### file read shortcut
echo content > f; x=$(< f); echo $x
--- stdout
content

### file read shortcut missing file
x=$(< nofile); echo "[$x] $?"
--- stdout
[] 1
--- stderr
vbash: line 1: nofile: No such file or directory

### word splitting of unquoted result
printf '<%s>' $(echo 'a  b'); echo
--- stdout
<a><b>

### glob in result
touch g1 g2; echo $(echo g*)
--- stdout
g1 g2

### no glob when quoted
touch g1; echo "$(echo g*)"
--- stdout
g1

### here doc inside substitution
x=$(cat <<EOT
line
EOT
); echo $x
--- stdout
line

### loops in substitution
x=$(for i in 1 2 3; do echo $i; done); echo $x
--- stdout
1 2 3

### pipeline in substitution
x=$(echo abc | tr a-z A-Z); echo $x
--- stdout
ABC

### arithmetic with substitution
echo $(( $(echo 3) * 2 ))
--- stdout
6

### substitution in array
a=($(echo x y z)); echo ${#a[@]}
--- stdout
3

### empty substitution as argument
printf '<%s>' $(true); echo '|'
--- stdout
<>|

### empty quoted substitution as argument
printf '<%s>' "$(true)"; echo '|'
--- stdout
<>|

### substitution in case pattern
case ab in $(echo a)*) echo matched;; esac
--- stdout
matched

### substitution in redirect target
echo data > $(echo out.txt); cat out.txt
--- stdout
data

### BASH_SUBSHELL level
echo $BASH_SUBSHELL $(echo $BASH_SUBSHELL $(echo $BASH_SUBSHELL))
--- stdout
0 1 2

### substitution with parens in case
x=$(case x in (x) echo p;; esac); echo $x
--- stdout
p

### dollar single quote inside
echo $(echo $'a\tb')
--- stdout
a b

### long output
x=$(seq 1 1000); echo ${#x}
--- stdout
3892

### nul bytes dropped
x=$(printf 'a\0b'); echo ${#x}
--- stdout
2
--- stderr
vbash: line 1: warning: command substitution: ignored null byte in input

### set -e inside substitution
set -e; x=$(false; echo still); echo "[$x]"
--- stdout
[still]

### backtick with quotes inside
echo `echo "a b"`
--- stdout
a b

### backticks in assignment
x=`echo v`; echo $x
--- stdout
v

### subst keeps trailing spaces
x=$(printf 'a  '); echo "[$x]"
--- stdout
[a  ]

### unterminated backtick error
echo `echo a
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching ``'
--- status 2

### positional params inside
set -- p q; echo $(echo $2 $1)
--- stdout
q p

### traps not inherited
trap 'echo trapped' EXIT; x=$(echo body); echo $x
--- stdout
body
trapped

### output of builtin and external mixed
x=$(echo a; printf b; echo c); echo "$x"
--- stdout
a
bc

### variable set in substitution visible inside only
x=$(y=5; echo $y); echo "$x [$y]"
--- stdout
5 []

### substitution as command name
$(echo echo) hello
--- stdout
hello

### substitution producing command and args
$(echo printf '%s-' a b); echo
--- stdout
a-b-

### quote removal inside
echo $(echo '"quoted"')
--- stdout
"quoted"

### escaped dollar in double quoted backtick
x=5; echo "`echo \$x`"
--- stdout
5

### backquote syntax error reported when it runs
echo before
echo `if`; echo "after $?"
x=`fi`; echo "status $?"
--- stdout
before

after 0
status 2
--- stderr
vbash: command substitution: line 3: syntax error: unexpected end of file
vbash: command substitution: line 3: syntax error near unexpected token `fi'
vbash: command substitution: line 3: `fi'

### backquote syntax error in double quotes
echo "[`(`]"; echo "status $?"
y=`case`; echo "status $?"
--- stdout
[]
status 0
status 2
--- stderr
vbash: command substitution: line 2: syntax error: unexpected end of file
vbash: command substitution: line 2: syntax error near unexpected token `newline'
vbash: command substitution: line 2: `case'
