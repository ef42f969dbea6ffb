# Pipelines between virtual processes.
### simple pipe
echo hi | cat
--- stdout
hi

### pipestatus
true | false | true
echo ${PIPESTATUS[@]}
--- stdout
0 1 0

### pipestatus single
false
echo ${PIPESTATUS[@]}
--- stdout
1

### pipefail
set -o pipefail
false | true
echo $?
--- stdout
1

### pipefail rightmost
set -o pipefail
(exit 2) | (exit 3) | true
echo $?
--- stdout
3

### pipe into while read
printf 'a\nb\nc\n' | while read l; do echo "<$l>"; done
--- stdout
<a>
<b>
<c>

### variable in pipeline subshell not kept
x=1
echo | x=2
echo $x
--- stdout
1

### pipeline with braces
{ echo a; echo b; } | wc -l
--- stdout
2

### stderr pipe
{ echo out; echo err >&2; } 2>&1 | cat
--- stdout
out
err

### pipe amp
{ echo out; echo err >&2; } |& cat
--- stdout
out
err

### negated pipeline
! true | false
echo $?
--- stdout
0

### large data through pipe
seq 1 100000 | tail -n 1
--- stdout
100000

### pipe to grep
printf 'foo\nbar\nbaz\n' | grep ba
--- stdout
bar
baz

### last pipe default off
echo x | read v
echo "[$v]"
--- stdout
[]

### lastpipe on
shopt -s lastpipe
echo x | read v
echo "[$v]"
--- stdout
[x]

### sort pipeline
printf '3\n1\n2\n' | sort
--- stdout
1
2
3

### PIPESTATUS of pipeline
true | false | true; echo ${PIPESTATUS[@]}
--- stdout
0 1 0

### PIPESTATUS after simple command
false; echo ${PIPESTATUS[@]}
--- stdout
1

### pipefail rightmost failure
set -o pipefail; (exit 2) | (exit 3) | true; echo $?
--- stdout
3

### pipefail all success
set -o pipefail; true | true; echo $?
--- stdout
0

### negated pipeline status
! false | false; echo $?
--- stdout
0

### pipeline in function with here-doc
f() { cat <<EOT | tr a-z A-Z
hello $1
EOT
}; f world
--- stdout
HELLO WORLD

### lastpipe in function
shopt -s lastpipe; f() { echo val | read x; echo "[$x]"; }; f
--- stdout
[val]

### pipeline subshell variables
x=1; echo | x=2; echo $x
--- stdout
1

### SIGPIPE status
yes | head -1; echo ${PIPESTATUS[@]}
--- stdout
y
141 0

### command not found status 127
nosuchthing_x 2>/dev/null; echo $?
--- stdout
127

### permission denied status 126
echo 'echo x' > np.sh; ./np.sh 2>/dev/null; echo $?
--- stdout
126

### time keyword in pipeline status
TIMEFORMAT='timed %0R %%'
time false 2>/dev/null; echo $?
--- stdout
1
--- stderr
timed 0 %

### TIMEFORMAT conversions
TIMEFORMAT='r=%0R l=%0lR pct=%% end'
time true
TIMEFORMAT='%x'
time true
TIMEFORMAT=
time true
echo done
--- stdout
done
--- stderr
r=0 l=0m0s pct=% end
vbash: line 4: TIMEFORMAT: `x': invalid format character

### time -p format
{ time -p true; } 2>&1 | sed 's/[0-9]/N/g'
--- stdout
real N.NN
user N.NN
sys N.NN

### pipe carries chunks of every size intact
{ head -c 70000 /dev/zero | tr '\0' a; printf 'b%.0s' {1..5}; seq 30000; } | cat | cat | md5sum
--- stdout
691394e43a82aa56d4c29ef288ae92f3  -

### pipe with a slow reader of small pieces
seq 20000 | while read -r a; do read -r b; echo "$a$b"; done | tail -n 2
--- stdout
1999719998
1999920000

### pipe throughput cases end with the right counts
seq 1000000 | wc -l; yes | head -c 10000000 | wc -c; yes abc | head -n 100000 | sort -u
--- stdout
1000000
10000000
abc
