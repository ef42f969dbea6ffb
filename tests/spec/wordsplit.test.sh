# Word splitting by IFS; $@ $* ${a[@]} ${a[*]} in every context.
### default IFS collapses whitespace
x='  a   b  c  '; printf '<%s>' $x; echo
--- stdout
<a><b><c>

### quoted keeps whitespace
x='  a   b  '; printf '<%s>' "$x"; echo
--- stdout
<  a   b  >

### IFS colon non whitespace keeps empty fields
IFS=:; x='a::b:'; printf '<%s>' $x; echo
--- stdout
<a><><b>

### IFS colon leading delimiter gives empty field
IFS=:; x=':a'; printf '<%s>' $x; echo
--- stdout
<><a>

### IFS mixed whitespace and colon
IFS=' :'; x=' a : b :: c '; printf '<%s>' $x; echo
--- stdout
<a><b><><c>

### IFS empty no splitting
IFS=; x='a b  c'; printf '<%s>' $x; echo
--- stdout
<a b  c>

### IFS unset behaves as default
unset IFS; x=' a	b
c '; printf '<%s>' $x; echo
--- stdout
<a><b><c>

### IFS only newline
IFS=$'\n'; x='a b
c d'; printf '<%s>' $x; echo
--- stdout
<a b><c d>

### IFS tab and space kept in field when IFS is comma
IFS=,; x='a b,c	d'; printf '<%s>' $x; echo
--- stdout
<a b><c	d>

### empty unquoted variable disappears
e=; printf '<%s>' a $e b; echo
--- stdout
<a><b>

### empty quoted variable stays
e=; printf '<%s>' a "$e" b; echo
--- stdout
<a><><b>

### unquoted at no args
set --; printf '<%s>' $@; echo
--- stdout
<>

### quoted at no args gives nothing
set --; printf '<%s>' "$@"; echo '|'
--- stdout
<>|

### quoted star no args gives empty word
set --; printf '<%s>' "$*"; echo
--- stdout
<>

### quoted at keeps args
set -- 'a b' c ''; printf '<%s>' "$@"; echo
--- stdout
<a b><c><>

### unquoted at splits args
set -- 'a b' c ''; printf '<%s>' $@; echo
--- stdout
<a><b><c>

### quoted star joins with first IFS char
set -- 'a b' c; IFS=-:; printf '<%s>' "$*"; echo
--- stdout
<a b-c>

### unquoted star with IFS colon
set -- 'a:b' c; IFS=:; printf '<%s>' $*; echo
--- stdout
<a><b><c>

### unquoted at with IFS empty
set -- 'a b' c; IFS=; printf '<%s>' $@; echo
--- stdout
<a b><c>

### unquoted star with IFS empty
set -- 'a b' c; IFS=; printf '<%s>' $*; echo
--- stdout
<a b><c>

### quoted star with IFS empty
set -- 'a b' c; IFS=; printf '<%s>' "$*"; echo
--- stdout
<a bc>

### prefix and suffix with quoted at
set -- a b; printf '<%s>' "x$@y"; echo
--- stdout
<xa><by>

### prefix with quoted at empty
set --; printf '<%s>' "x$@y"; echo
--- stdout
<xy>

### at in assignment joins with space
set -- a b c; IFS=:; x=$@; echo "$x"
--- stdout
a b c

### star in assignment joins with IFS
set -- a b c; IFS=:; x=$*; echo "$x"
--- stdout
a:b:c

### quoted star in assignment
set -- a b c; IFS=:; x="$*"; echo "$x"
--- stdout
a:b:c

### at in assignment IFS empty
set -- a b; IFS=; x=$@; echo "$x"
--- stdout
a b

### star in assignment IFS empty
set -- a b; IFS=; x=$*; echo "$x"
--- stdout
ab

### array at quoted
a=('x y' '' z); printf '<%s>' "${a[@]}"; echo
--- stdout
<x y><><z>

### array star quoted
a=('x y' '' z); printf '<%s>' "${a[*]}"; echo
--- stdout
<x y  z>

### array at unquoted
a=('x y' '' z); printf '<%s>' ${a[@]}; echo
--- stdout
<x><y><z>

### array star unquoted IFS comma
a=('x y' 'z'); IFS=,; printf '<%s>' ${a[*]}; echo
--- stdout
<x y><z>

### array star quoted IFS comma
a=('x y' 'z'); IFS=,; printf '<%s>' "${a[*]}"; echo
--- stdout
<x y,z>

### empty array quoted at
a=(); printf '<%s>' "${a[@]}"; echo '|'
--- stdout
<>|

### array in for loop
a=('1 2' 3); for i in "${a[@]}"; do echo "[$i]"; done
--- stdout
[1 2]
[3]

### at in case word
set -- a b; case "$@" in 'a b') echo match;; *) echo no;; esac
--- stdout
match

### star in case word with IFS
set -- a b; IFS=-; case "$*" in a-b) echo match;; esac
--- stdout
match

### at in double bracket
set -- a b; [[ "$@" == 'a b' ]] && echo yes
--- stdout
yes

### at in here string
set -- a b c; cat <<< "$@"
--- stdout
a b c

### star in here string with IFS
set -- a b c; IFS=,; cat <<< "$*"
--- stdout
a,b,c

### at in heredoc
set -- a b; cat <<EOT
[$@] [$*]
EOT
--- stdout
[a b] [a b]

### command substitution split
printf '<%s>' $(printf 'a b\nc'); echo
--- stdout
<a><b><c>

### command substitution quoted keeps inner newlines
x="$(printf 'a\n\nb\n\n')"; printf '<%s>' "$x"; echo
--- stdout
<a

b>

### arithmetic result is split by IFS
IFS=1; printf '<%s>' $((212)); echo
--- stdout
<2><2>

### split result of default operator
unset u; IFS=:; printf '<%s>' ${u:-a:b}; echo
--- stdout
<a><b>

### IFS whitespace in value with non whitespace IFS
IFS=:; x='a b:c'; for w in $x; do echo "[$w]"; done
--- stdout
[a b]
[c]

### read uses IFS
IFS=: read -r a b c <<< 'x:y:z:w'; echo "$a|$b|$c"
--- stdout
x|y|z:w

### read with default IFS trims
read -r a b <<< '  one   two  three '; echo "[$a][$b]"
--- stdout
[one][two  three]

### read with empty IFS keeps all
IFS= read -r a <<< '  lead'; echo "[$a]"
--- stdout
[  lead]

### IFS backslash
IFS='\'; x='a\b'; printf '<%s>' $x; echo
--- stdout
<a><b>

### IFS star does not glob split
IFS='*'; x='a*b'; printf '<%s>' $x; echo
--- stdout
<a><b>

### IFS local to function
f() { local IFS=,; x='a,b'; printf '<%s>' $x; echo; }; f; x='a,b'; printf '<%s>' $x; echo
--- stdout
<a><b>
<a,b>

### IFS change affects later expansion only
x='a:b'; IFS=: eval 'printf "<%s>" $x'; echo
--- stdout
<a><b>

### at with leading empty arg
set -- '' a; printf '<%s>' "$@"; echo; printf '<%s>' $@; echo
--- stdout
<><a>
<a>

### star with only empty args
set -- '' ''; printf '<%s>' "$*"; echo; printf '<%s>' $*; echo
--- stdout
< >
<>

### array of empty element unquoted
a=(''); printf '<%s>' ${a[@]}; echo '|'
--- stdout
<>|

### quoted at with braces
set -- 1 2; printf '<%s>' "${@}"; echo
--- stdout
<1><2>

### at slice quoted
set -- a b c d; printf '<%s>' "${@:2:2}"; echo
--- stdout
<b><c>

### quoted star slice
set -- a b c d; IFS=+; printf '<%s>' "${*:2}"; echo
--- stdout
<b+c+d>

### at pattern op quoted
set -- a.x b.x; printf '<%s>' "${@%.x}"; echo
--- stdout
<a><b>

### concatenation of two at
set -- a b; printf '<%s>' "$@$@"; echo
--- stdout
<a><ba><b>

### at inside array assignment
set -- 'a b' c; arr=("$@"); echo ${#arr[@]}
--- stdout
2

### star inside array assignment
set -- 'a b' c; arr=("$*"); echo ${#arr[@]}
--- stdout
1

### unquoted at inside array assignment
set -- 'a b' c; arr=($@); echo ${#arr[@]}
--- stdout
3

### IFS with repeated whitespace char defined
IFS=' '; x=$'a\tb  c'; printf '<%s>' $x; echo
--- stdout
<a	b><c>

### trailing IFS non whitespace no empty field
IFS=,; x='a,b,'; printf '<%s>' $x; echo
--- stdout
<a><b>

### two trailing IFS non whitespace
IFS=,; x='a,b,,'; printf '<%s>' $x; echo
--- stdout
<a><b><>

### only delimiter
IFS=,; x=','; printf '<%s>' $x; echo
--- stdout
<>

### set builtin splits nothing
IFS=:; set -- $(echo 'a:b c'); echo $#
--- stdout
2

### default word assigned not split
unset u; x=${u:-a  b}; echo "[$x]"
--- stdout
[a  b]

### default word in double bracket not split
unset u; [[ ${u:-a b} == "a b" ]] && echo y
--- stdout
y

### default word in case not split
unset u; case ${u:-a b} in "a b") echo y;; esac
--- stdout
y

### default word globbed
unset u; touch f1 f2; echo ${u:-f*}
--- stdout
f1 f2

### default word split by IFS colon
unset u; IFS=:; printf '<%s>' ${u:-a:b c}; echo
--- stdout
<a><b c>

### default word escaped space kept
unset u; printf '<%s>' ${u:-a\ b}; echo
--- stdout
<a b>

### default word quoted and plain parts
unset u; printf '<%s>' ${u-"a b"c d}; echo
--- stdout
<a bc><d>

### alternate word split
x=1; printf '<%s>' ${x:+a b}; echo
--- stdout
<a><b>

### default word in here string
unset u; cat <<< ${u:-a  b}
--- stdout
a  b

### default word assignment-like keeps tilde
unset u; printf '<%s>' ${u:-x=~/a}; echo
--- stdout
<x=~/a>

### assignment-like arguments tilde
HOME=/h; printf '<%s>' a=~/x b=~:~ 1=~; echo
--- stdout
<a=/h/x><b=/h:/h><1=~>

### default word in array assignment
unset u; a=(${u:-p q}); echo ${#a[@]}
--- stdout
2

### default word with ansi c tab
unset u; echo ${u:-$'a\tb'} | od -c | head -1

--- stdout
0000000   a  \t   b  \n
