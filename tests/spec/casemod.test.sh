# casemod: ${x~} ${x~~} ${x^pat} ${x,,pat}, recorded from bash 5.2 (C.UTF-8)
### toggle first and all
x='hello World'
echo "${x~}" "${x~~}"
--- stdout
Hello World HELLO wORLD

### toggle with a pattern
x='hello World'
echo "${x~~[aeiou]}" "${x~~[lW]}" "${x~[h]}" "${x~[e]}" "${x~~?}"
--- stdout
hEllO WOrld heLLo worLd Hello World hello World HELLO wORLD

### upper and lower with patterns
x='hello World'
echo "${x^^[lo]}" "${x,,[WO]}" "${x^[h]}" "${x^[e]}" "${x^^[[:lower:]]}" "${x,,[[:upper:]]}"
--- stdout
heLLO WOrLd hello world Hello World hello World HELLO WORLD hello world

### star and quoted patterns
x='hello World'
echo "${x^*}" "${x^^*}" "${x,,?}" "${x^^'l'}" "${x^^"o"}"
p='[lw]'; echo "${x^^$p}" "${x~~$p}"
--- stdout
Hello World HELLO WORLD hello world heLLo WorLd hellO WOrld
heLLo WorLd heLLo WorLd

### arrays and positional parameters
a=(one Two thrEE)
echo "${a[@]~}" "${a[@]~~}" "${a[@]^}" "${a[*],,}"
echo "${a[@]^^[ot]}" "${a[@]~~?}" "${a[1]~}"
set -- alpha Beta
echo "${@^}" "${*~~}" "${1~}" "${2~~}"
--- stdout
One two ThrEE ONE tWO THRee One Two ThrEE one two three
One TwO ThrEE ONE tWO THRee two
Alpha Beta ALPHA bETA Alpha bETA

### associative arrays
declare -A h=([k]=abc)
echo "${h[@]^}" "${h[k]~~}" "${h[k]~}"
--- stdout
Abc ABC Abc

### UTF-8 letters
x='éte ÉCOLE ǆabc'
echo "${x~}" "${x~~}" "${x^^}" "${x,,}" "${x^}"
u=ÀÉÎõü; echo "${u,,}" "${u~~}" "${u^^}"
z=ß; echo "${z^^}" "${z~}"
--- stdout
Éte ÉCOLE ǆabc ÉTE école ǄABC ÉTE ÉCOLE ǄABC éte école ǆabc Éte ÉCOLE ǆabc
àéîõü àéîÕÜ ÀÉÎÕÜ
ß ß

### unquoted toggle splits
x='a b'
printf '<%s>' ${x~~}; echo
--- stdout
<A><B>

### toggle of unset and empty
unset u; e=
echo "[${u~}]" "[${e~~}]"
--- stdout
[] []

### toggle with nounset
set -u
echo "${nope~}"
echo after
--- stderr
vbash: line 2: nope: unbound variable
--- status 127

### a pattern that matches nothing
x=abc
echo "${x~~z}" "${x^^[]}" "${x,,]}"
--- stdout
abc abc abc

### toggle through indirection
x='hello World'; r=x
echo "${!r~}" "${!r~~}" "${!r~~[lo]}"
--- stdout
Hello World HELLO wORLD heLLO WOrLd

### toggle with quoted, escaped, negated and expanded patterns
x='hello World'; r=x
echo "${x~~'l'}" "${x~~"o"}" ${x~~\l} "${x~~[!l]}" "${x~~${r}}" "${x~~$'\x6f'}"
--- stdout
heLLo WorLd hellO WOrld heLLo WorLd HEllO wORlD hello World hellO WOrld

### toggle of arrays unquoted and with star
a=(one Two)
echo ${a[@]~} ${a[*]~~} "${a[0]~~[on]}"
set -- abc DEF
echo ${@~} "${*~~}" "${@~~[ab]}"
IFS=:; echo "${*~}" "${a[*]~~}"
--- stdout
One two ONE tWO ONe
Abc dEF ABC def ABc DEF
Abc:dEF ONE:tWO

### toggle inside a default value and a here-document
x='hello World'
echo "${y:-${x~~}}" ${y-"${x~}"}
cat <<EOF
${x~~} ${x~} ${x~~[wo]}
EOF
--- stdout
HELLO wORLD Hello World
HELLO wORLD Hello World hellO WOrld

### toggle in declare -f output
f() { echo "${x~}" ${x~~} "${a[@]~~[tT]}" "${!r~}" "${x~~'*'}"; }
declare -f f
x=abC a=(t T) r=x; f
--- stdout
f () 
{ 
    echo "${x~}" ${x~~} "${a[@]~~[tT]}" "${!r~}" "${x~~'*'}"
}
AbC ABc T t AbC abC

### toggle of a length is a bad substitution
x=abc
echo "${#x~}"
echo next
echo "${x~~}"
--- stdout
next
ABC
--- stderr
vbash: line 2: ${#x~}: bad substitution

### toggle with nounset on arrays, indirection and parameters
set -u
a=(); echo "[${a[@]~}]" "[${@~~}]"
r=nope; echo "${!r~~}"
echo after
--- stdout
[] []
--- stderr
vbash: line 3: !r: unbound variable
--- status 127
