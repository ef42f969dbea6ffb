# Differences from bash 5.2 found by running everyday scripts: quoting of
# transformations and traces, $-, @A of declared variables.
### $- has c under -c, not in a script file
echo "echo \$-" > x.sh
bash x.sh
echo $-
f() { local -; set -e; }; f; echo $-
--- stdout
hB
hBc
hBc

### ${x@Q} uses $'...' for control characters
y=$'tab\there\x01\e\\ \'q\''; echo "${y@Q}"
a=($'a\tb' c); echo "${a[@]@Q}"
z=plain; echo "${z@Q}"
n=$'l1\nl2'; echo "${n@Q}"
--- stdout
$'tab\there\001\E\\ \'q\''
$'a\tb' 'c'
'plain'
$'l1\nl2'

### set -x quotes like bash: metacharacters first, then control characters
set -x
echo $'a\tb' "x y" $'\e' $'\e=' $'a\001' $'~\e' $'#\e' $'a#\e'
x=$'q\nr'; y=$'\e'
--- stdout
a	b x y  = a ~ # a#
--- stderr
+ echo 'a	b' 'x y' $'\E' $'\E=' $'a\001' '~' '#' $'a#\E'
+ x='q
r'
+ y=$'\E'

### ${x@A} of a variable declared without a value
declare -A m=([k]=v); echo "${m@A}"
declare -A e; echo "[${e@A}]"
declare -a b; echo "[${b@A}]"
declare -i n; echo "[${n@A}]"
declare x2; echo "[${x2@A}]"
declare -r r; echo "[${r@A}]"
a=(1); echo "[${a[5]@A}]"
unset u; echo "[${u@A}]"
--- stdout
declare -A m
[declare -A e]
[declare -a b]
[declare -i n]
[]
[declare -r r]
[declare -a a]
[]

### unbound variable in a script file ends it with status 1
printf '%s\n' 'echo ${x?msg}' 'echo no' > a.sh
bash a.sh; echo "rc $?"
printf '%s\n' 'set -u' 'f() { echo $u; }' 'f' 'echo no' > b.sh
bash b.sh; echo "rc $?"
printf '%s\n' 'eval "echo \${x?m}"' > c.sh
bash c.sh; echo "rc $?"
bash -c 'echo ${x?m}'; echo "rc $?"
--- stdout
rc 1
rc 1
rc 1
rc 127
--- stderr
a.sh: line 1: x: msg
b.sh: line 2: u: unbound variable
c.sh: line 1: x: m
bash: line 1: x: m

### arithmetic errors in ${x:off:len} name the parameter
x=ab; echo ${x:1:2:3}
echo ${x:1/0}
echo ${x:1:1/0}; echo next
a=(1); echo ${a[0]:1:2:3}
declare -A m=([k]=v); echo ${m[k]:1:2:3}
set -- a; echo ${@:1:2:3}
--- stderr
vbash: line 1: x: 2:3: syntax error in expression (error token is ":3")
vbash: line 2: x: 1/0: division by 0 (error token is "0")
vbash: line 3: x: 1/0: division by 0 (error token is "0")
vbash: line 4: a[0]: 2:3: syntax error in expression (error token is ":3")
vbash: line 5: m[k]: 2:3: syntax error in expression (error token is ":3")
vbash: line 6: @: 2:3: syntax error in expression (error token is ":3")
--- status 1
