# loops: spec cases recorded from bash 5.2
### break 2
for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done; echo end
--- stdout
1a
end

### continue 2
for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; echo never; done
--- stdout
1a
2a

### break too large
for i in 1 2; do break 5; done; echo $i
--- stdout
1

### break zero error
for i in 1; do break 0; done; echo $?
--- stdout
1
--- stderr
vbash: line 1: break: 0: loop count out of range

### break outside loop
break; echo $?
--- stdout
0
--- stderr
vbash: line 1: break: only meaningful in a `for', `while', or `until' loop

### continue outside loop
continue; echo $?
--- stdout
0
--- stderr
vbash: line 1: continue: only meaningful in a `for', `while', or `until' loop

### break non numeric
for i in 1; do break x; done; echo $?
--- stderr
vbash: line 1: break: x: numeric argument required
--- status 128

### break in function inside loop
f() { break; }; for i in 1 2; do f; echo $i; done
--- stdout
1
2
--- stderr
environment: line 1: break: only meaningful in a `for', `while', or `until' loop
environment: line 1: break: only meaningful in a `for', `while', or `until' loop

### while read with break
printf '1\n2\n3\n' | while read n; do [ $n = 2 ] && break; echo $n; done
--- stdout
1

### c style for
for ((i=0; i<3; i++)); do echo $i; done
--- stdout
0
1
2

### c style for empty parts
i=0; for ((;;)); do ((i++ >= 2)) && break; echo $i; done
--- stdout
1
2

### c style for comma
for ((i=0, j=10; i<3; i++, j--)); do echo $i $j; done
--- stdout
0 10
1 9
2 8

### until loop status
until false; do break; done; echo $?
--- stdout
0

### loop status last body
for i in 1; do false; done; echo $?
--- stdout
1

### while status no iterations
while false; do :; done; echo $?
--- stdout
0

### for with brace expansion
for i in {1..3}; do echo -n $i; done; echo
--- stdout
123

### for with seq step
for i in {10..1..3}; do echo $i; done
--- stdout
10
7
4
1

### for in $@ with spaces
set -- "a b" c; for x in "$@"; do echo "[$x]"; done
--- stdout
[a b]
[c]

### for var invalid
for 1 in a; do :; done; echo $?
--- stdout
1
--- stderr
vbash: line 1: `1': not a valid identifier

### select with stdin
select x in a b c; do echo "chose $x ($REPLY)"; break; done <<< 2
--- stdout
chose b (2)
--- stderr noeol
1) a
2) b
3) c
#? 

### select invalid choice
select x in a b; do echo "[$x] $REPLY"; break; done <<< 9
--- stdout
[] 9
--- stderr noeol
1) a
2) b
#? 

### select eof
select x in a b; do echo never; done < /dev/null; echo "st $?"
--- stdout

st 1
--- stderr noeol
1) a
2) b
#? 

### select PS3
PS3='pick: '; select x in a; do echo $x; break; done <<< 1
--- stdout
a
--- stderr noeol
1) a
pick: 

### nested loops continue inner
for i in 1 2; do for j in 1 2; do [ $j = 1 ] && continue; echo $i$j; done; done
--- stdout
12
22

### loop with redirect
for i in 1 2; do echo $i; done > out.txt; cat out.txt
--- stdout
1
2

### while with pipe input and variable scope
n=0; printf 'a\nb\n' | while read l; do n=$((n+1)); done; echo $n
--- stdout
0

### lastpipe keeps variable
shopt -s lastpipe; n=0; printf 'a\nb\n' | while read l; do n=$((n+1)); done; echo $n
--- stdout
2

### infinite loop with break count
i=0; while :; do i=$((i+1)); [ $i -ge 5 ] && break; done; echo $i
--- stdout
5

### for loop over empty array
arr=(); for x in "${arr[@]}"; do echo never; done; echo ok
--- stdout
ok

### continue in until
i=0; until [ $i -ge 3 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done
--- stdout
1
3

### break in select loop nested in while
while true; do select x in a; do break 2; done <<< 1; done; echo out
--- stdout
out
--- stderr noeol
1) a
#? 
