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
