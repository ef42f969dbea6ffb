# Background jobs as virtual processes.
### background output
echo bg & wait
--- stdout
bg

### wait status
(exit 7) & wait $!; echo $?
--- stdout
7

### multiple jobs wait all
{ (echo a) & (echo b) & wait; } | sort; echo done
--- stdout
a
b
done

### kill job by spec
sleep 5 & kill %1; wait %1; echo $?
--- stdout
143

### background subshell isolation
x=1; (x=2) & wait; echo $x
--- stdout
1

### background reads devnull
echo input | { cat & wait; }
--- stdout
input

### background in loop
for i in 1 2 3; do (echo $i) & wait; done
--- stdout
1
2
3

### jobs empty
jobs; echo $?
--- stdout
0

### pipeline in background
echo a b | wc -w & wait
--- stdout
2

### coproc basic
coproc cat; echo hello >&${COPROC[1]}; read line <&${COPROC[0]}; echo "got $line"; kill $COPROC_PID
--- stdout
got hello

### coproc named
coproc UP { tr a-z A-Z; }; echo abc >&${UP[1]}; eval "exec ${UP[1]}>&-"; read l <&${UP[0]}; echo $l; wait
--- stdout
ABC

### process substitution output
echo data > >(cat); wait; sleep 0 2>/dev/null; echo after
--- stdout
data
after

### procsub in function argument
f() { cat "$1"; }; f <(echo via-func)
--- stdout
via-func

### procsub two inputs
paste <(printf '1\n2\n') <(printf 'a\nb\n')
--- stdout
1	a
2	b

### while read from procsub
while read x; do echo "[$x]"; done < <(echo one; echo two)
--- stdout
[one]
[two]

### tee to procsub
echo tee-data | tee >(cat > out.txt) > /dev/null; wait; sleep 0 2>/dev/null; cat out.txt
--- stdout
tee-data
