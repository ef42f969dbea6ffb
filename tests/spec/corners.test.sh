# corners: odd corners of the language checked against bash 5.2
### associative arrays list their keys in bash's hash order
declare -A h
for k in k q apple banana cherry z 1 2 10 foo bar baz 'a b' x y; do h[$k]=1; done
echo "${!h[@]}"
declare -A g=([k]=v [q]="a b")
declare -p g
--- stdout
cherry 2 1 z y x q k foo bar baz apple 10 a b banana
declare -A g=([q]="a b" [k]="v" )

### order after unset and re-adding a key
declare -A h=([one]=1 [two]=2 [three]=3 [four]=4)
unset 'h[two]'; h[two]=22; h[five]=5
for k in "${!h[@]}"; do printf '%s=%s ' "$k" "${h[$k]}"; done; echo
--- stdout
four=4 two=22 three=3 one=1 five=5 

### a large associative array keeps bash's order
declare -A h
for ((i = 0; i < 3000; i++)); do h[k$i]=$i; done
unset 'h[k7]'; h[k7]=x
s="${!h[*]}"; echo "${#h[@]} ${s:0:60}"
echo "${s: -40}"
--- stdout
3000 k1698 k1699 k1696 k1697 k1694 k1695 k1692 k1693 k1690 k1691 
1040 k1047 k1046 k1045 k1044 k1049 k1048

### PIPESTATUS after compound commands
if false; then :; fi; echo "if: ${PIPESTATUS[*]} $?"
if true; then false | true; fi; echo "if2: ${PIPESTATUS[*]} $?"
while false; do :; done; echo "while: ${PIPESTATUS[*]} $?"
for i in 1; do true | false; done; echo "for: ${PIPESTATUS[*]} $?"
false; case x in y) ;; esac; echo "case: ${PIPESTATUS[*]} $?"
{ false | true; }; echo "group: ${PIPESTATUS[*]} $?"
( false | true ); echo "sub: ${PIPESTATUS[*]} $?"
[[ a == b ]]; echo "cond: ${PIPESTATUS[*]} $?"
f() { false | true; }; f; echo "func: ${PIPESTATUS[*]} $?"
for ((i=0;i<1;i++)); do false|false; done; echo "afor: ${PIPESTATUS[*]} $?"
--- stdout
if: 1 0
if2: 1 0 0
while: 1 0
for: 0 1 1
case: 1 0
group: 1 0 0
sub: 0 0
cond: 1 1
func: 0 0
afor: 1 1 1

### patsub_replacement off
x=aXbX
echo "${x//X/&}"
shopt -u patsub_replacement
echo "${x//X/&}" "${x//X/\&}" "${x/#a/&&}" "${x/%X/<&>}"
--- stdout
aXbX
a&b& a&b& &&XbX aXb<&>

### slices of a sparse array go by index
sp=([1]=a [5]=b [7]=c [9]=d)
echo "${sp[@]:6}" "|" "${sp[@]:20}" "|" "${sp[@]: -20}" "|" "${sp[*]:6:1}" "|" "${sp[@]: -3:2}" "|" "${sp[@]:0:2}"
--- stdout
c d | | | c | c d | a b

### test -v with array elements
a=(x y); test -v 'a[1]' && echo 1; test -v 'a[2]' || echo 2; test -v 'a[-1]' && echo 3
declare -A h=([k]=1); test -v 'h[k]' && echo 4; [ -v 'h[z]' ] || echo 5; test -v 'a[@]' && echo 6
s=1; test -v 's[0]' && echo 7; test -v 'nope[0]' || echo 8
--- stdout
1
2
3
4
5
6
7
8

### -v of [@] on an associative array is the key @
declare -A h=([k]=1); a=(1)
[[ -v h[@] ]] && echo 1; [[ -v a[@] ]] && echo 2; test -v 'h[@]' && echo 3; test -v 'a[*]' && echo 4
declare -A z=([@]=x); [[ -v z[@] ]] && echo 5
--- stdout
2
4
5

### wait -n for the given ids only
sleep 0.3 & p1=$!
( exit 3 ) & p2=$!
wait -n -p got $p1; echo "st=$? first=$([ "$got" = "$p1" ] && echo p1 || echo other)"
--- stdout
st=0 first=p1

### wait -n with ids that are no jobs
sleep 0.1 &
wait -n -p v 12345 nope; echo "st=$? [${v-unset}]"
wait -n; echo "st=$?"
wait -n; echo "none=$?"
--- stdout
st=127 [unset]
st=0
none=127
--- stderr
vbash: line 2: wait: 12345: no such job
vbash: line 2: wait: nope: no such job
