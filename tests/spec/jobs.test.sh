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
(echo a) & (echo b) & wait; echo done
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
