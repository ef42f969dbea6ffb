# nounset: set -u in arithmetic, subscripts and lengths, recorded from bash 5.2
### $(( )) with an unset name ends the shell
set -u
echo $((x))
echo after
--- stderr
vbash: line 2: x: unbound variable
--- status 127

### (( )) with an unset name ends the shell
set -u
(( x )) || echo or
echo after
--- stderr
vbash: line 2: x: unbound variable
--- status 127

### an if condition does not protect it
set -u
if (( x + 1 )); then echo yes; fi
echo after
--- stderr
vbash: line 2: x: unbound variable
--- status 127

### default word holding arithmetic
set -u
echo ${y:-$((x))}
echo after
--- stderr
vbash: line 2: x: unbound variable
--- status 127

### array subscripts
set -u
a=(1 2)
echo ${a[i]}
--- stderr
vbash: line 3: i: unbound variable
--- status 127

### subscript of an assignment
set -u
a[k]=1
echo after
--- stderr
vbash: line 2: k: unbound variable
--- status 127

### let, $[ ] and x++
set -u
let x=y+1 || echo failed
--- stderr
vbash: line 2: y: unbound variable
--- status 127

### old arithmetic form
set -u
echo $[z]
--- stderr
vbash: line 2: z: unbound variable
--- status 127

### x++ on an unset name
set -u
echo $((x++))
--- stderr
vbash: line 2: x: unbound variable
--- status 127

### integer attribute assignment
set -u
declare -i n
n=m+1
echo after $n
--- stderr
vbash: line 3: m: unbound variable
--- status 127

### arithmetic for and [[ -eq ]]
set -u
for ((i=0; i<j; i++)); do :; done
--- stderr
vbash: line 2: j: unbound variable
--- status 127

### [[ -eq ]] with a name
set -u
[[ x -eq 1 ]]
--- stderr
vbash: line 2: x: unbound variable
--- status 127

### set and empty values are fine
set -u
x=; echo $((x)) $((x+2))
a=(1); echo $((a[2])) $((a[0]))
echo $(( 1 ? 2 : nope )) $(( 0 && nope )) $(( 1 || nope ))
--- stdout
0 2
0 1
2 0 1

### an unset array in arithmetic
set -u
declare -a e
echo $((e[0]))
--- stderr
vbash: line 3: e: unbound variable
--- status 127

### inside a function
set -u
f() { echo $((q)); echo in; }
f
echo after
--- stderr
environment: line 2: q: unbound variable
--- status 127

### in a subshell and a command substitution
set -u
( echo $((x)); echo in ); echo "st $?"
v=$(echo $((x)); echo in); echo "st $? [$v]"
--- stdout
st 1
st 1 []
--- stderr
vbash: line 2: x: unbound variable
vbash: line 3: x: unbound variable

### length of an unset array abandons the line
set -u
echo ${#a[@]}; echo same line
echo next line $?
--- stdout
next line 1
--- stderr
vbash: line 2: a: unbound variable

### length of elements
set -u
a=(1); echo ${#a[3]} ${#a[0]}
declare -A h; echo ${#h[k]}; echo same
x=(); echo ${#x[@]} ${#x[0]}
echo ${#@} ${#*}
--- stdout
0 1
0 0
0 0
--- stderr
vbash: line 3: h: unbound variable

### length of an unset positional parameter
set -u
echo ${#1}
--- stderr
vbash: line 2: 1: unbound variable
--- status 127

### indirect expansion
set -u
r=nope
echo ${!r:-default}
echo ${!r}
--- stdout
default
--- stderr
vbash: line 4: !r: unbound variable
--- status 127

### invalid indirect expansion abandons the line
echo ${!nope}; echo same line
echo next $?
--- stdout
next 1
--- stderr
vbash: line 1: nope: invalid indirect expansion

### empty arrays and $@ are not unbound
set -u
x=(); echo "[${x[@]}]" "[$@]" "[$*]" $#
--- stdout
[] [] [] 0
