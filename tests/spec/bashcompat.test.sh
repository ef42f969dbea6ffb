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
