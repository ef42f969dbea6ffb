# env, printenv, sleep, uname, id, groups, whoami, logname, hostname, tty,
# nproc, nice, nohup, sync, which, getconf, locale. Values that depend on the
# machine (names, ids) are checked for their shape only.
### env: prints assignments with -i
env -i FOO=1 BAR=two
--- stdout
FOO=1
BAR=two

### env: -i empty
env -i; echo "rc=$?"
--- stdout
rc=0

### env: -u removes a variable
export XV=1; env -u XV | grep -c '^XV='
--- stdout
0
--- status 1

### env: runs a command with a variable
env GREETING=hi sh -c 'echo "$GREETING"' 2>/dev/null || env GREETING=hi printenv GREETING
--- stdout
hi

### env: printenv through env -i
env -i A=1 printenv A
--- stdout
1

### env: -0
env -0 -i A=1 B=2 | tr '\0' '|'; echo
--- stdout
A=1|B=2|

### env: -C directory
mkdir -p d/e; env -C d/e pwd | sed 's|.*/||'
--- stdout
e

### env: -C missing directory
env -C nodir true; echo "rc=$?"
--- stdout
rc=125
--- stderr
env: cannot change directory to 'nodir': No such file or directory

### env: invalid option
env --bogus; echo "rc=$?"
--- stdout
rc=125
--- stderr
env: unrecognized option '--bogus'
Try 'env --help' for more information.

### env: command status passes through
env false; echo "rc=$?"
--- stdout
rc=1

### printenv: one variable
export PV=value; printenv PV
--- stdout
value

### printenv: missing variable
printenv NO_SUCH_VAR_X; echo "rc=$?"
--- stdout
rc=1

### printenv: several
export P1=a P2=b; printenv P1 P2
--- stdout
a
b

### printenv: -0
export P1=a; printenv -0 P1 | tr '\0' '|'; echo
--- stdout
a|

### sleep: zero and fractions
sleep 0; sleep 0.01; sleep 0.001s; echo "rc=$?"
--- stdout
rc=0

### sleep: invalid interval
sleep x; echo "rc=$?"
--- stdout
rc=1
--- stderr
sleep: invalid time interval ‘x’
Try 'sleep --help' for more information.

### sleep: missing operand
sleep; echo "rc=$?"
--- stdout
rc=1
--- stderr
sleep: missing operand
Try 'sleep --help' for more information.

### sleep: suffixes summed
sleep 0.001m 0.0001h 0d; echo "rc=$?"
--- stdout
rc=0

### uname: kernel name and machine
uname; uname -s; uname -m; uname -o
--- stdout
Linux
Linux
x86_64
GNU/Linux

### uname: -a has several fields
uname -a | wc -w | awk '{print ($1 >= 6)}'
--- stdout
1

### uname: invalid option
uname -x; echo "rc=$?"
--- stdout
rc=1
--- stderr
uname: invalid option -- 'x'
Try 'uname --help' for more information.

### uname: extra operand
uname a; echo "rc=$?"
--- stdout
rc=1
--- stderr
uname: extra operand ‘a’
Try 'uname --help' for more information.

### id: numeric ids are numbers
id -u | grep -c '^[0-9][0-9]*$'; id -g | grep -c '^[0-9][0-9]*$'
--- stdout
1
1

### id: default format
id | grep -c '^uid=[0-9]*(.*) gid=[0-9]*(.*) groups='
--- stdout
1

### id: -un matches whoami
test "$(id -un)" = "$(whoami)"; echo "rc=$?"
--- stdout
rc=0

### id: incompatible choices
id -u -g; echo "rc=$?"
--- stdout
rc=1
--- stderr
id: cannot print "only" of more than one choice

### id: -n alone
id -n; echo "rc=$?"
--- stdout
rc=1
--- stderr
id: cannot print only names or real IDs in default format

### id: unknown user
id nosuchuser_x; echo "rc=$?"
--- stdout
rc=1
--- stderr
id: ‘nosuchuser_x’: no such user

### groups: first group is the primary group
test "$(groups | cut -d' ' -f1)" = "$(id -gn)"; echo "rc=$?"
--- stdout
rc=0

### whoami: extra operand
whoami x; echo "rc=$?"
--- stdout
rc=1
--- stderr
whoami: extra operand ‘x’
Try 'whoami --help' for more information.

### tty: not a tty
tty < /dev/null; echo "rc=$?"; tty -s < /dev/null; echo "rc=$?"
--- stdout
not a tty
rc=1
rc=1

### nproc: at least one
nproc | awk '{print ($1 >= 1)}'
--- stdout
1

### nproc: OMP_NUM_THREADS
OMP_NUM_THREADS=3 nproc
--- stdout
3

### nice: runs the command
nice echo hi; nice -n 5 echo there
--- stdout
hi
there

### nice: invalid adjustment
nice -n x true; echo "rc=$?"
--- stdout
rc=125
--- stderr
nice: invalid adjustment ‘x’

### nohup: runs the command when not on a terminal
nohup echo ok > out.txt; cat out.txt
--- stdout
ok

### nohup: missing operand
nohup; echo "rc=$?"
--- stdout
rc=125
--- stderr
nohup: missing operand
Try 'nohup --help' for more information.

### sync: missing file
sync; sync nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
sync: error opening 'nope': No such file or directory

### which: finds a command with a slash path
mkdir -p bin; printf '#!/bin/sh\n' > bin/tool; chmod +x bin/tool; PATH="$PWD/bin:$PATH" which tool | sed 's|.*/bin/|bin/|'
--- stdout
bin/tool

### which: missing command
which no_such_command_x; echo "rc=$?"
--- stdout
rc=1

### which: non-executable is skipped
mkdir -p bin2; printf 'x' > bin2/plain; PATH="$PWD/bin2" which plain; echo "rc=$?"
--- stdout
rc=127
--- stderr
vbash: line 1: which: command not found

### getconf: common values
getconf PAGESIZE; getconf CHAR_BIT; getconf INT_MAX; getconf LONG_BIT
--- stdout
4096
8
2147483647
64

### getconf: unknown variable
getconf NO_SUCH_VAR; echo "rc=$?"
--- stdout
rc=2
--- stderr
getconf: Unrecognized variable `NO_SUCH_VAR'

### getconf: path variable
getconf NAME_MAX .; getconf PATH_MAX /
--- stdout
255
4096

### locale: charmap
locale charmap
--- stdout
UTF-8

### locale: -a lists C
locale -a | grep -c '^C'
--- stdout
2

### locale: settings
locale | head -n 3
--- stdout
LANG=
LANGUAGE=
LC_CTYPE="C.UTF-8"

### env: -i command not found
env -i no_such_cmd_x; echo "rc=$?"
--- stdout
rc=127
--- stderr
env: ‘no_such_cmd_x’: No such file or directory
