# Traps and signals between virtual processes.
### exit trap
trap 'echo bye' EXIT; echo hi
--- stdout
hi
bye

### exit trap on exit
trap 'echo bye $?' EXIT; exit 3
--- stdout
bye 3
--- status 3

### trap listing
trap 'echo x' EXIT; trap -p EXIT
--- stdout
trap -- 'echo x' EXIT
x

### trap reset
trap 'echo x' EXIT; trap - EXIT; echo done
--- stdout
done

### err trap
trap 'echo err caught' ERR; false; echo after
--- stdout
err caught
after

### err trap not in condition
trap 'echo err caught' ERR; if false; then :; fi; echo after
--- stdout
after

### trap int via kill self
trap 'echo got int' INT; kill -INT $$; echo after
--- stdout
got int
after

### trap term via kill
trap 'echo got term' TERM; kill $$; echo after
--- stdout
got term
after

### ignore signal
trap '' USR1; kill -USR1 $$; echo survived
--- stdout
survived

### kill background job
(while :; do :; done) & pid=$!; kill $pid; wait $pid; echo $?
--- stdout
143

### kill -l
kill -l 9 15
--- stdout
KILL
TERM

### kill -l name
kill -l TERM
--- stdout
15

### trap usr1 in loop
trap 'echo usr1' USR1; kill -USR1 $$; echo next
--- stdout
usr1
next

### return trap
f() { trap 'echo returning' RETURN; echo in; }; f
--- stdout
in
returning

### trap exit in function
f() { exit 2; }; trap 'echo cleanup' EXIT; f
--- stdout
cleanup
--- status 2

### invalid signal
trap 'x' NOSUCH
--- stderr
vbash: line 1: trap: NOSUCH: invalid signal specification
--- status 1

### exit trap sees status
trap 'echo status=$?' EXIT; false
--- stdout
status=1
--- status 1

### exit trap can change nothing
trap 'echo in-trap' EXIT; true
--- stdout
in-trap

### signal to subshell default kills
(kill -TERM $BASHPID; echo not); echo $?
--- stdout
143
--- stderr
Terminated

### trap in subshell runs on subshell exit
(trap 'echo sub-exit' EXIT; exit 0); echo parent
--- stdout
sub-exit
parent

### trap ERR in function
trap 'echo err at $LINENO' ERR; f() { false; }; f
--- stdout
err at 1
--- status 1

### trap in subshell reset
trap 'echo parent' EXIT; ( echo child ); echo end
--- stdout
child
end
parent

### trap EXIT in subshell runs
( trap 'echo sub exit' EXIT; echo in sub ); echo after
--- stdout
in sub
sub exit
after

### trap listing
trap 'echo x' INT; trap -p INT
--- stdout
trap -- 'echo x' SIGINT

### trap reset with dash
trap 'echo x' USR1; trap - USR1; trap -p USR1; echo done
--- stdout
done

### RETURN trap
f() { echo in f; }; trap 'echo returning' RETURN; f
--- stdout
in f

### DEBUG trap
trap 'echo dbg: $BASH_COMMAND' DEBUG; echo one; echo two
--- stdout
dbg: echo one
one
dbg: echo two
two

### ERR trap in function with errtrace
set -o errtrace; trap 'echo ERR at $LINENO' ERR; f() { false; }; f
--- stdout
ERR at 1
ERR at 1
--- status 1

### trap signal by number
trap 'echo got usr1' 10; kill -USR1 $$; echo after
--- stdout
got usr1
after

### trap ignore signal
trap '' TERM; kill -TERM $$; echo survived
--- stdout
survived

### kill self default TERM
kill $$; echo never
--- status 143

### trap invalid signal
trap 'echo' NOSIG; echo $?
--- stdout
1
--- stderr
vbash: line 1: trap: NOSIG: invalid signal specification

### exit trap sees status
trap 'echo status $?' EXIT; (exit 3); exit 4
--- stdout
status 4
--- status 4

### trap in function persists
f() { trap 'echo bye' EXIT; }; f; echo main
--- stdout
main
bye

### trap -l first lines
trap -l | head -2
--- stdout
 1) SIGHUP	 2) SIGINT	 3) SIGQUIT	 4) SIGILL	 5) SIGTRAP
 6) SIGABRT	 7) SIGBUS	 8) SIGFPE	 9) SIGKILL	10) SIGUSR1

### child shell ended by SIGTERM is reported
bash -c 'kill -TERM $$'; echo $?
--- stdout
143
--- stderr
Terminated

### ERR trap after a subshell and a pipeline: their text and line
set -E
trap 'echo "ERR $LINENO ${FUNCNAME[0]:-top} $BASH_COMMAND"' ERR
f() { false; echo f; }
f
g() { ( false ); }
g
h() { false | true; }
h
set -o pipefail
h
k() {
  true | false | true
}
k
--- stdout
ERR 3 f false
f
ERR 5 g false
ERR 5 g ( false )
ERR 6 top ( false )
ERR 7 h true
ERR 10 top true
ERR 12 k true
ERR 14 top true
--- status 1

### BASH_COMMAND after a pipeline
trap 'echo "EXIT: $BASH_COMMAND"' EXIT
echo a | cat
--- stdout
a
EXIT: cat

### trap -p of an invalid signal fails
trap 'echo hi' USR1
trap -p NOSUCH USR1; echo "st=$?"
trap -p USR2; echo "st=$?"
--- stdout
trap -- 'echo hi' SIGUSR1
st=1
st=0
--- stderr
vbash: line 2: trap: NOSUCH: invalid signal specification

### RETURN trap sees the status before return N
f() { trap 'echo "in trap: $?"' RETURN; false; return 3; }
f; echo "after: $?"
--- stdout
in trap: 1
after: 3

### RETURN trap status after a normal end
m() { trap 'echo "m-trap $?"' RETURN; (exit 9); }
m; echo "after m $?"
--- stdout
m-trap 9
after m 9

### RETURN trap does not change the function status
n() { trap 'echo "trap $?"; false' RETURN; (exit 4); }
n; echo "after n $?"
g() { trap 'echo "trap $?"; false' RETURN; true; }
g; echo "after g $?"
--- stdout
trap 4
after n 4
trap 0
after g 0

### return in a RETURN trap sets the status
h() { trap 'trap - RETURN; return 7' RETURN; return 2; }
h; echo "after h $?"
--- stdout
after h 7

### RETURN trap is unset inside a function and restored after it
trap 'echo X' RETURN
g() { trap -p RETURN; echo g; }
g; trap -p RETURN
h() { trap 'echo Y' RETURN; }
h; trap -p RETURN
trap 'echo X' RETURN
h2() { trap - RETURN; }
h2; trap -p RETURN
--- stdout
g
trap -- 'echo X' RETURN
Y
trap -- 'echo Y' RETURN
trap -- 'echo X' RETURN

### RETURN trap with set -T and declare -ft
k() { echo k; return 4; }
trap 'echo "ret $? ${FUNCNAME[0]}"' RETURN
k; echo "after k $?"
set -T
k; echo "after k2 $?"
set +T
declare -ft k
k; echo "after k3 $?"
g() { k; false; }
g; echo "rc $?"
declare -ft g
g; echo "rc $?"
--- stdout
k
after k 4
k
ret 0 k
after k2 4
k
ret 0 k
after k3 4
k
rc 1
k
ret 0 k
ret 1 g
rc 1

### RETURN trap after source
trap 'echo "src $? ${FUNCNAME[0]-none}"' RETURN
echo 'trap -p RETURN; echo insrc; false' > s.sh
echo 'echo s2; . ./s.sh; echo back' > s2.sh
. ./s2.sh; echo "after src $?"
echo 'false; return 5' > r.sh
. ./r.sh; echo "rc $?"
--- stdout
s2
trap -- 'echo "src $? ${FUNCNAME[0]-none}"' RETURN
insrc
src 1 none
back
src 0 none
after src 0
src 1 none
rc 5

### RETURN trap on source inside a function
echo 'echo in-x; false' > x.sh
f() { trap 'echo "T $? ${FUNCNAME[0]-none}"' RETURN; . ./x.sh; echo after; }
f; echo "rc $?"
trap - RETURN
k() { . ./x.sh; echo back-k; }
trap 'echo "G $?"' RETURN
k
set -T; k
--- stdout
in-x
T 1 f
after
T 0 f
rc 0
in-x
back-k
in-x
G 1
back-k
G 0

### RETURN trap set in a sourced file, return in it
echo 'trap "echo set-in-src \$?" RETURN; echo s3' > s3.sh
. ./s3.sh; echo "rc $?"; trap -p RETURN
echo 'trap "trap - RETURN; return 6" RETURN; echo sr' > r.sh
. ./r.sh; echo "rc $?"
--- stdout
s3
set-in-src 0
rc 0
trap -- 'echo set-in-src $?' RETURN
sr
rc 0
--- stderr
vbash: line 4: return: can only `return' from a function or sourced script

### RETURN trap not run in subshells
f() { echo f; }
declare -ft f
trap 'echo "T $?"' RETURN
x=$(f); echo "[$x]"
(f)
f
--- stdout
[f]
f
f
T 0
