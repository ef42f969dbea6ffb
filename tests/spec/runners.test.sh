# Commands that run commands (xargs, env, nice, nohup, timeout, find -exec):
# the command is looked up as execvp does, and when it cannot run the
# runner prints GNU's message with status 127 (not found) or 126.

### xargs missing command
echo a | xargs nosuch-cmd
echo "st=$?"
--- stdout
st=127
--- stderr
xargs: nosuch-cmd: No such file or directory

### xargs non-executable file
touch plain
echo a | xargs ./plain
echo "st=$?"
--- stdout
st=126
--- stderr
xargs: ./plain: Permission denied

### xargs directory
mkdir d
echo a | xargs ./d
echo "st=$?"
--- stdout
st=126
--- stderr
xargs: ./d: Permission denied

### xargs does not run shell functions
f() { echo function; }
echo a | xargs f
echo "st=$?"
--- stdout
st=127
--- stderr
xargs: f: No such file or directory

### xargs runs the file, not a function of the same name
ls() { echo function; }
mkdir -p sub && touch sub/x
echo sub | xargs ls
echo "st=$?"
--- stdout
x
st=0

### xargs command exiting 127 itself is 123
echo a | xargs sh -c 'exit 127'
echo "st=$?"
echo a | xargs sh -c 'exit 126'
echo "st=$?"
--- stdout
st=123
st=123

### xargs stops at the first command that cannot run
printf '%s\n' a b c | xargs -n1 nosuch-cmd
echo "st=$?"
--- stdout
st=127
--- stderr
xargs: nosuch-cmd: No such file or directory

### xargs -I missing command
printf '%s\n' a b | xargs -I{} nosuch-cmd {}
echo "st=$?"
--- stdout
st=127
--- stderr
xargs: nosuch-cmd: No such file or directory

### xargs PATH with a non-executable first
mkdir -p p1 p2
printf '#!/bin/sh\necho p1 "$@"\n' > p1/tool
printf '#!/bin/sh\necho p2 "$@"\n' > p2/tool
chmod +x p2/tool
echo a | PATH="$PWD/p1:$PWD/p2:$PATH" xargs tool
echo "st=$?"
--- stdout
p2 a
st=0

### xargs PATH with only a non-executable
mkdir -p p1
printf '#!/bin/sh\necho p1\n' > p1/tool
echo a | PATH="$PWD/p1:$PATH" xargs tool
echo "st=$?"
--- stdout
st=126
--- stderr
xargs: tool: Permission denied

### env missing command
env nosuch-cmd
echo "st=$?"
--- stdout
st=127
--- stderr
env: ‘nosuch-cmd’: No such file or directory

### env non-executable and directory
touch plain; mkdir d
env ./plain; echo "st=$?"
env ./d; echo "st=$?"
--- stdout
st=126
st=126
--- stderr
env: ‘./plain’: Permission denied
env: ‘./d’: Permission denied

### env does not run shell functions
f() { echo function; }
env f
echo "st=$?"
--- stdout
st=127
--- stderr
env: ‘f’: No such file or directory

### env -i looks in /bin:/usr/bin
env -i sh -c 'echo ran'
echo "st=$?"
--- stdout
ran
st=0

### env PATH= assignment is searched
mkdir -p p1
printf '#!/bin/sh\necho "tool $X"\n' > p1/tool
chmod +x p1/tool
env PATH=p1 X=1 tool
echo "st=$?"
env PATH=nowhere tool
echo "st=$?"
--- stdout
tool 1
st=0
st=127
--- stderr
env: ‘tool’: No such file or directory

### env -C then a relative command
mkdir -p w
printf '#!/bin/sh\necho "in w"\n' > w/run.sh
chmod +x w/run.sh
env -C w ./run.sh
echo "st=$?"
env -C w ./nosuch
echo "st=$?"
--- stdout
in w
st=0
st=127
--- stderr
env: ‘./nosuch’: No such file or directory

### env -u and assignments reach the command
export A=1 B=2
env -u A B=3 sh -c 'echo "${A-unset} $B"'
--- stdout
unset 3

### nice missing command
nice nosuch-cmd
echo "st=$?"
nice -n 5 nosuch-cmd
echo "st=$?"
--- stdout
st=127
st=127
--- stderr
nice: ‘nosuch-cmd’: No such file or directory
nice: ‘nosuch-cmd’: No such file or directory

### nice non-executable and directory
touch plain; mkdir d
nice ./plain; echo "st=$?"
nice ./d; echo "st=$?"
--- stdout
st=126
st=126
--- stderr
nice: ‘./plain’: Permission denied
nice: ‘./d’: Permission denied

### nohup missing command
nohup nosuch-cmd < /dev/null > out 2>&1
echo "st=$?"
cat out
--- stdout
st=127
nohup: failed to run command 'nosuch-cmd': No such file or directory

### nohup non-executable and directory
touch plain; mkdir d
nohup ./plain < /dev/null > out 2>&1; echo "st=$?"
nohup ./d < /dev/null >> out 2>&1; echo "st=$?"
cat out
--- stdout
st=126
st=126
nohup: failed to run command './plain': Permission denied
nohup: failed to run command './d': Permission denied

### nohup runs the command
nohup sh -c 'echo hi; exit 3' < /dev/null > out 2>&1
echo "st=$?"
cat out
--- stdout
st=3
hi

### timeout missing command
timeout 5 nosuch-cmd
echo "st=$?"
--- stdout
st=127
--- stderr
timeout: failed to run command ‘nosuch-cmd’: No such file or directory

### timeout non-executable and directory
touch plain; mkdir d
timeout 5 ./plain; echo "st=$?"
timeout 5 ./d; echo "st=$?"
--- stdout
st=126
st=126
--- stderr
timeout: failed to run command ‘./plain’: Permission denied
timeout: failed to run command ‘./d’: Permission denied

### timeout does not run shell functions
f() { echo function; }
timeout 5 f
echo "st=$?"
--- stdout
st=127
--- stderr
timeout: failed to run command ‘f’: No such file or directory

### timeout PATH with a non-executable only
mkdir -p p1
printf '#!/bin/sh\necho p1\n' > p1/tool
PATH="$PWD/p1:$PATH" timeout 5 tool
echo "st=$?"
--- stdout
st=126
--- stderr
timeout: failed to run command ‘tool’: Permission denied

### find -exec missing command
touch a
find a -exec nosuch-cmd {} \;
echo "st=$?"
--- stdout
st=0
--- stderr
find: ‘nosuch-cmd’: No such file or directory

### find -exec missing command is false
touch a
find a -exec nosuch-cmd {} \; -o -print
echo "st=$?"
--- stdout
a
st=0
--- stderr
find: ‘nosuch-cmd’: No such file or directory

### find -exec + missing command
touch a b
find a b -exec nosuch-cmd {} +
echo "st=$?"
--- stdout
st=1
--- stderr
find: ‘nosuch-cmd’: No such file or directory

### find -exec non-executable and directory
touch plain; mkdir d
find plain -exec ./plain {} \; ; echo "st=$?"
find plain -exec ./d {} \; ; echo "st=$?"
--- stdout
st=0
st=0
--- stderr
find: ‘./plain’: Permission denied
find: ‘./d’: Permission denied

### find -execdir missing command
mkdir -p t && touch t/a
find t -name a -execdir nosuch-cmd {} \;
echo "st=$?"
--- stdout
st=0
--- stderr
find: ‘nosuch-cmd’: No such file or directory

### find -exec does not run shell functions
f() { echo function; }
touch a
find a -exec f {} \;
echo "st=$?"
--- stdout
st=0
--- stderr
find: ‘f’: No such file or directory

### find -execdir runs in the file's directory
mkdir -p t/u && touch t/u/a t/b
find t -type f -execdir sh -c 'echo "$1 in ${PWD##*/}"' sh {} \; | sort
--- stdout
./a in u
./b in t

### find -execdir + batches per directory
mkdir -p t/u && touch t/u/a t/u/c t/b
find t -type f -execdir sh -c 'echo "${PWD##*/}: $# files"' sh {} + | sort
--- stdout
t: 1 files
u: 2 files

### xargs command killed by a signal
printf 'a\n' | xargs sh -c 'kill -TERM $$'
echo "st=$?"
printf 'a\n' | xargs sh -c 'kill -KILL $$'
echo "st=$?"
--- stdout
st=125
st=125
--- stderr
xargs: sh: terminated by signal 15
xargs: sh: terminated by signal 9

### find -exec + takes {} once
mkdir t && touch t/a
find t -exec echo {} {} + ; echo "st=$?"
find t -exec echo a{}b {} + ; echo "st=$?"
find t -execdir echo {} {} + ; echo "st=$?"
find t -exec echo {} + -exec echo {}{} \; ; echo "st=$?"
--- stdout
st=1
st=1
st=1
tt
t/at/a
t t/a
st=0
--- stderr
find: Only one instance of {} is supported with -exec ... +
find: Only one instance of {} is supported with -exec ... +
find: Only one instance of {} is supported with -execdir ... +

### find -okdir prompt shows the command as written
mkdir t && touch t/a
find t -okdir {} \; < /dev/null; echo "st=$?"
--- stdout
st=0
--- stderr noeol
< {} ... t > ? < {} ... t/a > ? 

### env assignment with a name the shell cannot hold
env =x true; echo "st=$?"
env 1a=x sh -c 'echo ran'; echo "st=$?"
--- stdout
st=0
ran
st=0

### a script found on PATH gets the path it was found at as $0
mkdir p; printf '#!/bin/sh\necho "0=$0 1=$1"\n' > p/t; chmod +x p/t
PATH=p:$PATH t x
PATH=p/:$PATH t x
echo a | PATH=p:$PATH xargs t
PATH=p:$PATH env t y
env PATH=p:/usr/bin:/bin t y
PATH=p:$PATH nice t n
PATH=p:$PATH timeout 5 t z
find p -name t -exec ./p/t {} \;
cd p && PATH=:$PATH t e && PATH=.:$PATH t d
--- stdout
0=p/t 1=x
0=p/t 1=x
0=p/t 1=a
0=p/t 1=y
0=p/t 1=y
0=p/t 1=n
0=p/t 1=z
0=./p/t 1=p/t
0=./t 1=e
0=./t 1=d

### shell builtins with no program of their name are not found by commands that run commands
echo /tmp | xargs cd; echo "xargs=$?"
env export A=1; echo "env=$?"
find . -maxdepth 0 -exec shopt \; ; echo "find=$?"
nice alias; echo "nice=$?"
timeout 5 source x; echo "timeout=$?"
echo x | xargs echo; env true; echo "env true=$?"
--- stdout
xargs=127
env=127
find=0
nice=127
timeout=127
x
env true=0
--- stderr
xargs: cd: No such file or directory
env: ‘export’: No such file or directory
find: ‘shopt’: No such file or directory
nice: ‘alias’: No such file or directory
timeout: failed to run command ‘source’: No such file or directory

### builtins with no program of their name are not on PATH
type -a cd | head -n 3
command -v -p export
command -V shopt
PATH=/usr/bin type -P cd ls echo | sed 's#.*/##'
--- stdout
cd is a shell builtin
export
shopt is a shell builtin
ls
echo
