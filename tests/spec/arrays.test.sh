# Indexed and associative arrays.
### literal
a=(one two three); echo ${a[0]} ${a[2]}
--- stdout
one three

### all elements
a=(1 2 3); echo ${a[@]}
--- stdout
1 2 3

### count
a=(1 2 3); echo ${#a[@]}
--- stdout
3

### element length
a=(hello); echo ${#a[0]}
--- stdout
5

### assign element
a[5]=five; echo ${a[5]} ${#a[@]}
--- stdout
five 1

### sparse keys
a=([1]=x [5]=y); echo ${!a[@]}
--- stdout
1 5

### append
a=(1); a+=(2 3); echo ${a[@]}
--- stdout
1 2 3

### append element string
a=(ab); a[0]+=cd; echo ${a[0]}
--- stdout
abcd

### negative index
a=(1 2 3); echo ${a[-1]} ${a[-2]}
--- stdout
3 2

### unset element
a=(1 2 3); unset 'a[1]'; echo ${a[@]} ${#a[@]}
--- stdout
1 3 2

### unset whole
a=(1 2); unset a; echo ${#a[@]}
--- stdout
0

### quoted at keeps elements
a=("a b" c); for x in "${a[@]}"; do echo "<$x>"; done
--- stdout
<a b>
<c>

### star joins
a=(a b c); IFS=-; echo "${a[*]}"
--- stdout
a-b-c

### slice
a=(a b c d e); echo ${a[@]:1:2}
--- stdout
b c

### assoc basic
declare -A m; m[k]=v; m[x]=y; echo ${m[k]} ${m[x]}
--- stdout
v y

### assoc literal
declare -A m=([one]=1 [two]=2); echo ${m[two]}
--- stdout
2

### assoc count
declare -A m=([a]=1 [b]=2 [c]=3); echo ${#m[@]}
--- stdout
3

### assoc missing key
declare -A m; echo "[${m[nope]}]"
--- stdout
[]

### assoc keys sorted
declare -A m=([b]=2 [a]=1 [c]=3); for k in "${!m[@]}"; do echo $k; done | sort
--- stdout
a
b
c

### assoc unset key
declare -A m=([a]=1 [b]=2); unset 'm[a]'; echo ${#m[@]} ${m[b]}
--- stdout
1 2

### array from command substitution
a=($(echo x y z)); echo ${#a[@]}
--- stdout
3

### array from glob
touch g1 g2; a=(g*); echo ${a[@]}
--- stdout
g1 g2

### scalar as array
s=val; echo ${s[0]} ${#s[@]}
--- stdout
val 1

### array element as scalar
a=(first second); echo $a
--- stdout
first

### array in arithmetic index
a=(10 20 30); i=1; echo ${a[i]} ${a[$i+1]}
--- stdout
20 30

### mapfile
printf 'a\nb\nc\n' > f; mapfile -t arr < f; echo ${#arr[@]} ${arr[1]}
--- stdout
3 b

### readarray from pipe lastpipe off
printf 'x\ny\n' | readarray -t r; echo ${#r[@]}
--- stdout
0

### read -a
read -a parts <<< "p q r"; echo ${parts[2]} ${#parts[@]}
--- stdout
r 3

### declare -a empty
declare -a e; echo ${#e[@]}
--- stdout
0

### array copy
a=(1 "2 3"); b=("${a[@]}"); echo ${#b[@]} "${b[1]}"
--- stdout
2 2 3

### array keys of indexed with gaps
a=(); a[3]=x; a[7]=y; echo ${!a[*]}
--- stdout
3 7

### bad subscript
a=(1); echo ${a[-5]}
--- stdout

--- stderr
vbash: line 1: a: bad array subscript

### array in for loop
a=(x y); for e in "${a[@]}"; do echo $e; done
--- stdout
x
y

### declare -p assoc single
declare -A m=([k]=v); declare -p m
--- stdout
declare -A m=([k]="v" )

### array length of element
a=(abc de); echo ${#a[1]}
--- stdout
2

### replace pattern on all elements
a=(apple apricot); echo ${a[@]/ap/AP}
--- stdout
APple APricot

### index expression arithmetic
a=(); for ((i=0;i<5;i++)); do a[i]=$((i*i)); done; echo ${a[@]}
--- stdout
0 1 4 9 16

### nameref to array element
a=(1 2 3); declare -n r='a[1]'; echo $r
--- stdout
2

### nameref loop
f() { local -n out=$1; out=(x y); }; f arr; echo ${arr[@]}
--- stdout
x y

### indirect array
arr=(p q); name='arr[1]'; echo ${!name}
--- stdout
q

### ansi c quote in array
a=($'a\tb' c); echo "${#a[0]}"
--- stdout
3

### printf with array
a=(1 2 3); printf '<%s>' "${a[@]}"; echo
--- stdout
<1><2><3>

### local array copy
f() { local -a c=("$@"); echo ${#c[@]}; }; f a "b c"
--- stdout
2

### append to array via index
a=(a); a[${#a[@]}]=b; echo ${a[@]}
--- stdout
a b

### unset middle then append
a=(1 2 3); unset 'a[1]'; a+=(4); echo ${!a[@]}
--- stdout
0 2 3

### declare -A without value assoc assignment
declare -A m; m=([a]=1 [b]=2); echo ${m[b]}
--- stdout
2

### keys with spaces
declare -A m; m["a b"]=1; for k in "${!m[@]}"; do echo "[$k]"; done
--- stdout
[a b]

### assoc append
declare -A m=([a]=x); m[a]+=y; echo ${m[a]}
--- stdout
xy

### integer array
declare -ai n=(1+1 2*3); echo ${n[@]}
--- stdout
2 6

### arithmetic on assoc value
declare -A m=([k]=5); echo $(( m[k] * 2 ))
--- stdout
10

### test -v array element
a=(x); [[ -v a[0] ]] && echo set0; [[ -v a[1] ]] || echo unset1
--- stdout
set0
unset1
