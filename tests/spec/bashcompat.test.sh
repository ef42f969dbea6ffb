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

### PS4 is expanded, unset or empty PS4 prints no prefix
unset PS4; set -x; echo a; set +x
PS4=; set -x; echo b; set +x
PS4='$(echo X)${#LINENO} '; set -x; echo c; x=$(echo d); set +x
--- stdout
a
b
c
--- stderr
echo a
set +x
echo b
set +x
X1 echo c
XX1 echo d
X1 x=d
X1 set +x

### PS4 with LINENO and FUNCNAME
PS4='+[$LINENO] '
set -x
echo a
f() { echo b; }
f
eval "echo c"
PS4='+ ${FUNCNAME[0]:-main}:$LINENO: '
f; [[ a ]]; (( 1 )); x=1
set +x
--- stdout
a
b
c
b
--- stderr
+[3] echo a
+[5] f
+[4] echo b
+[6] eval 'echo c'
++[6] echo c
+[7] PS4='+ ${FUNCNAME[0]:-main}:$LINENO: '
+ main:8: f
+ f:4: echo b
+ main:8: [[ -n a ]]
+ main:8: ((  1  ))
+ main:8: x=1
+ main:9: set +x

### ${x@P} expands parameters, commands and arithmetic
x='[\\] $((1+2)) $(echo c) ${#x} \a'; echo "${x@P}" | od -c | sed -n 1p
--- stdout
0000000   [   \   ]       3       c       3   2      \a  \n

### set -x traces for, select and case heads as written
set -x; l="a b"; for i in $l "x y" *.none; do :; done; for j; do :; done; case "$l" in a*) ;; esac
set -- p; for k do :; done; select s in 1; do break; done <<< 1; for m in; do :; done
--- stderr
+ l='a b'
+ for i in $l "x y" *.none
+ :
+ for i in $l "x y" *.none
+ :
+ for i in $l "x y" *.none
+ :
+ for i in $l "x y" *.none
+ :
+ case "$l" in
+ set -- p
+ for k in "$@"
+ :
+ select s in 1
1) 1
#? + break

### set -x heads come before the DEBUG trap
trap "echo DBG" DEBUG; set -x; for i in 1; do :; done; case x in x) ;; esac
--- stdout
DBG
DBG
DBG
DBG
--- stderr
+ for i in 1
++ echo DBG
++ echo DBG
+ :
+ case x in
++ echo DBG

### set -x of assignments: subscripts as written, +=, arrays, before the command
i=2; x=a; set -x; arr[i+1]=z; arr[$i]=y; x+=b; a=(1   2  [5]=x ); a+=( "q" ); declare -A h; h[k]=v; h[$x]+=w; y= ; z=$x cmd=1 true; f() { :; }; q=1 f; w=2 export W
--- stderr
+ arr[i+1]=z
+ arr[$i]=y
+ x+=b
+ a=(1 2 [5]=x)
+ a+=("q")
+ declare -A h
+ h[k]=v
+ h[$x]+=w
+ y=
+ z=ab
+ cmd=1
+ true
+ q=1
+ f
+ :
+ w=2
+ export W

### set -x traces the assignments of export and readonly again
set -x; export E="a b" G+=x H; readonly R=$'\e' S=1; declare -x D=1; export -n E=2; local_f() { export L=1; }; local_f
--- stderr
+ export 'E=a b' G+=x H
+ E='a b'
+ G+=x
+ readonly $'R=\E' S=1
+ R=$'\E'
+ S=1
+ declare -x D=1
+ export -n E=2
+ E=2
+ local_f
+ export L=1
+ L=1

### set -x of declaration builtins with compound array assignments
set -x; declare -a b=(1 "2 3") c=3; f() { local -a arr=(x) y; local -A h=([a]=1 [b]=2); }; f; declare -A m; m=([q]=1); declare e=(); typeset -a t+=(z); export X=(1)
--- stderr
+ b=('1' '2 3')
+ declare -a b c=3
+ f
+ arr=('x')
+ local -a arr y
+ h=(['a']='1' ['b']='2')
+ local -A h
+ declare -A m
+ m=([q]=1)
+ e=()
+ declare e
+ t+=('z')
+ typeset -a t
+ X=('1')
+ export X
