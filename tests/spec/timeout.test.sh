# timeout: spec cases recorded from bash 5.2
### timeout command finishes
timeout 5 echo done; echo $?
--- stdout
done
0

### timeout expires status 124
timeout 0.1 sleep 5; echo $?
--- stdout
124

### timeout passes command status
timeout 5 sh -c 'exit 3'; echo $?
--- stdout
3

### timeout zero disables
timeout 0 sh -c 'exit 2'; echo $?
--- stdout
2

### timeout preserve status
timeout --preserve-status 0.1 sleep 5; echo $?
--- stdout
143

### timeout -s INT
timeout -s INT 0.1 sleep 5; echo $?
--- stdout
124

### timeout -s number
timeout -s 2 0.1 sleep 5; echo $?
--- stdout
124

### timeout -s SIGHUP name
timeout -s SIGHUP 0.1 sleep 5; echo $?
--- stdout
124

### timeout verbose
timeout -v 0.1 sleep 5; echo $?
--- stdout
124
--- stderr
timeout: sending signal TERM to command ‘sleep’

### timeout verbose no timeout
timeout -v 5 true; echo $?
--- stdout
0

### timeout invalid duration
timeout abc sleep 1; echo $?
--- stdout
125
--- stderr
timeout: invalid time interval ‘abc’
Try 'timeout --help' for more information.

### timeout invalid suffix
timeout 1x sleep 1; echo $?
--- stdout
125
--- stderr
timeout: invalid time interval ‘1x’
Try 'timeout --help' for more information.

### timeout negative duration
timeout -- -1 true; echo $?
--- stdout
125
--- stderr
timeout: invalid time interval ‘-1’
Try 'timeout --help' for more information.

### timeout invalid signal
timeout -s NOPE 1 true; echo $?
--- stdout
125
--- stderr
timeout: ‘NOPE’: invalid signal
Try 'timeout --help' for more information.

### timeout missing operand
timeout; echo $?
--- stdout
125
--- stderr
Try 'timeout --help' for more information.

### timeout missing command
timeout 1; echo $?
--- stdout
125
--- stderr
Try 'timeout --help' for more information.

### timeout command not found
timeout 1 nosuchcommand; echo $?
--- stdout
127
--- stderr
timeout: failed to run command ‘nosuchcommand’: No such file or directory

### timeout directory
timeout 1 /; echo $?
--- stdout
126
--- stderr
timeout: failed to run command ‘/’: Permission denied

### timeout does not run functions
f() { echo fn; }; timeout 1 f; echo $?
--- stdout
127
--- stderr
timeout: failed to run command ‘f’: No such file or directory

### timeout runs builtin utilities
timeout 1 printf '%s\n' a b
--- stdout
a
b

### timeout stdin passthrough
echo piped | timeout 1 cat
--- stdout
piped

### timeout with suffix
timeout 0.001m sleep 5; echo $?
--- stdout
124

### timeout fractional exponent
timeout 1e-1 sleep 5; echo $?
--- stdout
124

### timeout kills busy script
timeout 0.2 bash -c 'while :; do :; done'; echo $?
--- stdout
124

### timeout script traps TERM
timeout 0.2 bash -c 'trap "echo caught; exit 5" TERM; while :; do :; done'; echo $?
--- stdout
caught
124

### timeout script traps TERM preserve
timeout --preserve-status 0.2 bash -c 'trap "exit 5" TERM; while :; do :; done'; echo $?
--- stdout
5

### timeout with -k not needed
timeout -k 1 5 true; echo $?
--- stdout
0

### timeout -k invalid
timeout -k x 1 true; echo $?
--- stdout
125
--- stderr
timeout: invalid time interval ‘x’
Try 'timeout --help' for more information.

### timeout bad option
timeout --bogus 1 true; echo $?
--- stdout
125
--- stderr
timeout: unrecognized option '--bogus'
Try 'timeout --help' for more information.

### timeout output before kill kept
timeout 0.2 sh -c 'echo before; sleep 5; echo after'; echo $?
--- stdout
before
124

### timeout nested
timeout 5 timeout 0.1 sleep 5; echo $?
--- stdout
124

### timeout in pipeline
timeout 0.1 sleep 5 | cat; echo ${PIPESTATUS[@]}
--- stdout
124 0

### timeout foreground
timeout --foreground 0.1 sleep 5; echo $?
--- stdout
124

### timeout help first line
timeout --help | head -1
--- stdout
Usage: timeout [OPTION] DURATION COMMAND [ARG]...
