# Basic commands, lists, statuses.
### echo words
echo hello world
--- stdout
hello world

### echo empty
echo
--- stdout


### semicolon list
echo a; echo b; echo c
--- stdout
a
b
c

### and list
true && echo yes
--- stdout
yes

### and list false
false && echo yes
echo $?
--- stdout
1

### or list
false || echo fallback
--- stdout
fallback

### or list true
true || echo no
echo $?
--- stdout
0

### and or chain
false && echo a || echo b
--- stdout
b

### status of false
false
echo $?
--- stdout
1

### status of true
true
echo $?
--- stdout
0

### exit status
exit 3
--- status 3

### exit default status
false
exit
--- status 1

### command not found
nosuchcmd
echo $?
--- stdout
127
--- stderr
vbash: line 1: nosuchcmd: command not found

### command not found with args
nosuchcmd a b
--- stderr
vbash: line 1: nosuchcmd: command not found
--- status 127

### not found then continue
nosuchcmd 2>/dev/null
echo after $?
--- stdout
after 127

### path not found
./nothere
--- stderr
vbash: line 1: ./nothere: No such file or directory
--- status 127

### negation
! false
echo $?
--- stdout
0

### negation of true
! true
echo $?
--- stdout
1

### comments
echo a # comment
# full line
echo b
--- stdout
a
b

### line continuation
echo a \
b
--- stdout
a b

### multiple lines
echo one
echo two
echo three
--- stdout
one
two
three

### exit in middle
echo before
exit 5
echo after
--- stdout
before
--- status 5

### colon builtin
:
echo $?
--- stdout
0

### variable assignment
x=hello
echo $x
--- stdout
hello

### assignment with spaces quoted
x="a b  c"
echo "$x"
--- stdout
a b  c

### assignment empty
x=
echo "[$x]"
--- stdout
[]

### cmd prefix assignment not kept
x=1 true
echo "[$x]"
--- stdout
[]

### dollar question after not found
nope 2>/dev/null; echo $?
--- stdout
127

### pipeline status last
false | true
echo $?
--- stdout
0

### pipeline status fail last
true | false
echo $?
--- stdout
1

### pwd is PWD
[ "$(pwd)" = "$PWD" ] && echo same
--- stdout
same

### cd and pwd
mkdir d
cd d
echo ${PWD##*/}
--- stdout
d

### cd nonexistent
cd /nonexistent
echo $?
--- stdout
1
--- stderr
vbash: line 1: cd: /nonexistent: No such file or directory

### cd to file
touch f
cd f
--- stderr
vbash: line 2: cd: f: Not a directory
--- status 1

### cd dash
mkdir a b
cd a
cd ../b
cd - >/dev/null
echo ${PWD##*/} ${OLDPWD##*/}
--- stdout
a b

### cd home
cd /tmp
cd
[ "$PWD" = "$HOME" ] && echo home
--- stdout
home

### semicolon after background-free
echo x;
--- stdout
x

### true false builtins chain
true; false; true
echo $?
--- stdout
0

### long pipeline
echo abc | cat | cat | cat | wc -c
--- stdout
4

### exit 256 wraps
exit 256

### exit negative
exit -1
--- status 255

### exit bad arg
exit foo
--- stderr
vbash: line 1: exit: foo: numeric argument required
--- status 2

### exit too many
exit 1 2
echo still $?
--- stderr
vbash: line 1: exit: too many arguments
--- status 1
