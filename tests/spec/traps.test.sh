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
