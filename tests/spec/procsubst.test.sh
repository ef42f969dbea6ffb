# Process substitution.
### read from input substitution
cat <(echo hello)
--- stdout
hello

### path looks like dev fd
echo <(true) | grep -c '^/dev/fd/'
--- stdout
1

### while read from substitution keeps variables
n=0; while read -r l; do n=$((n+1)); done < <(printf '1\n2\n3\n'); echo $n
--- stdout
3

### output substitution
echo data > >(cat); wait
--- stdout
data

### multiple input substitutions
paste <(printf '1\n2\n') <(printf 'a\nb\n')
--- stdout
1	a
2	b

### substitution in for list
for f in <(echo x); do cat "$f"; done
--- stdout
x

### status of substitution not visible
cat <(exit 3); echo $?
--- stdout
0

### mapfile from substitution
mapfile -t arr < <(printf 'x\ny\n'); echo ${#arr[@]} ${arr[1]}
--- stdout
2 y

### substitution with pipeline inside
cat <(echo abc | tr a-c A-C)
--- stdout
ABC

### substitution output to tee
echo t | tee >(cat > out.txt) > /dev/null; wait; sleep 0; cat out.txt
--- stdout
t

### substitution in quotes is literal
echo "<(echo x)"
--- stdout
<(echo x)

### substitution with sort
sort <(printf 'b\na\n')
--- stdout
a
b

### wc on substitution
wc -l < <(seq 5)
--- stdout
5

### substitution variable inside
x=hi; cat <(echo $x)
--- stdout
hi

### nested substitution
cat <(cat <(echo deep))
--- stdout
deep

### substitution with read builtin
read -r a b < <(echo 1 2); echo $a-$b
--- stdout
1-2

### substitution reads stdin of command not shared
echo in | cat <(echo sub) -
--- stdout
sub
in

### subst with function
f() { echo func; }; cat <(f)
--- stdout
func

### source of a process substitution
source <(echo 'echo sourced "$1"; y=7') arg1
echo "y=$y"
echo 'echo from stdin' | source /dev/stdin
. /dev/fd/9; echo "status $?"
--- stdout
sourced arg1
y=7
from stdin
status 1
--- stderr
vbash: line 4: /dev/fd/9: No such file or directory
