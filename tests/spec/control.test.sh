# Compound commands and flow control.
### if then
if true; then echo yes; fi
--- stdout
yes

### if else
if false; then echo yes; else echo no; fi
--- stdout
no

### elif
x=2
if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi
--- stdout
two

### if status when no branch
if false; then :; fi; echo $?
--- stdout
0

### while loop
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
--- stdout
0
1
2

### until loop
i=0; until [ $i -ge 3 ]; do echo $i; i=$((i+1)); done
--- stdout
0
1
2

### for in list
for x in a b c; do echo $x; done
--- stdout
a
b
c

### for without in uses args
set -- p q; for x; do echo $x; done
--- stdout
p
q

### for over glob
touch f1 f2 f3; for f in f*; do echo $f; done
--- stdout
f1
f2
f3

### for empty list
for x in; do echo never; done; echo done
--- stdout
done

### break
for i in 1 2 3 4; do [ $i = 3 ] && break; echo $i; done
--- stdout
1
2

### continue
for i in 1 2 3 4; do [ $i = 2 ] && continue; echo $i; done
--- stdout
1
3
4

### break 2
for i in 1 2; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done
--- stdout
1a

### continue 2
for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done
--- stdout
1a
2a

### break outside loop
break; echo $?
--- stdout
0
--- stderr
vbash: line 1: break: only meaningful in a `for', `while', or `until' loop

### case basic
case foo in foo) echo matched;; *) echo no;; esac
--- stdout
matched

### case glob
case file.txt in *.txt) echo text;; *) echo other;; esac
--- stdout
text

### case alternatives
case b in a|b|c) echo abc;; esac
--- stdout
abc

### case no match status
case x in y) echo y;; esac; echo $?
--- stdout
0

### case fallthrough
case a in a) echo one;& b) echo two;; c) echo three;; esac
--- stdout
one
two

### case continue matching
case ab in a*) echo first;;& *b) echo second;; *) echo third;; esac
--- stdout
first
second

### case quoted pattern
case '*' in '*') echo star;; esac
--- stdout
star

### case with variable pattern
p='a*'; case abc in $p) echo yes;; esac
--- stdout
yes

### case character class
case 5 in [0-9]) echo digit;; esac
--- stdout
digit

### case paren form
case x in (x) echo paren;; esac
--- stdout
paren

### group command
{ echo a; echo b; }
--- stdout
a
b

### group status
{ false; }; echo $?
--- stdout
1

### subshell
(echo sub)
--- stdout
sub

### subshell exit status
(exit 4); echo $?
--- stdout
4

### nested loops with output
for i in 1 2; do for j in 1 2; do echo -n "$i$j "; done; done; echo
--- stdout
11 12 21 22 

### while with read from here string
while read -r a b; do echo "$b $a"; done <<< "1 2"
--- stdout
2 1

### loop output redirected
for i in 1 2 3; do echo $i; done > out.txt; cat out.txt
--- stdout
1
2
3

### while false never runs
while false; do echo never; done; echo $?
--- stdout
0

### select with input
select x in a b c; do echo $x; break; done <<< "2"
--- stdout
b
--- stderr noeol
1) a
2) b
3) c
#? 

### conditional expression string
[[ abc == a* ]] && echo match
--- stdout
match

### conditional regex
[[ abc123 =~ ^[a-z]+([0-9]+)$ ]] && echo ${BASH_REMATCH[1]}
--- stdout
123

### conditional and or
[[ -n x && ( -z "" || 1 -eq 2 ) ]] && echo ok
--- stdout
ok

### conditional not
[[ ! -e /nonexistent ]] && echo absent
--- stdout
absent

### conditional numeric
[[ 10 -gt 9 ]] && echo gt
--- stdout
gt

### conditional string compare
[[ apple < banana ]] && echo less
--- stdout
less

### conditional file tests
touch f; mkdir d; [[ -f f && -d d && -e f && ! -f d ]] && echo ok
--- stdout
ok

### conditional -v
x=1; [[ -v x ]] && echo set; [[ -v nope ]] || echo unset
--- stdout
set
unset

### conditional pattern quoted literal
[[ 'a*' == 'a*' ]] && echo lit; [[ abc == 'a*' ]] || echo nolit
--- stdout
lit
nolit

### conditional regex quoted literal
[[ 'a.c' =~ 'a.c' ]] && echo y; [[ abc =~ 'a.c' ]] || echo n
--- stdout
y
n

### regex no match clears
re='(y)'; [[ x =~ $re ]]; echo ${#BASH_REMATCH[@]}
--- stdout
0

### arithmetic in if
if ((3 > 2)); then echo yes; fi
--- stdout
yes

### true loop with break
while :; do echo once; break; done
--- stdout
once

### if with pipeline condition
if echo x | grep -q x; then echo found; fi
--- stdout
found

### negated condition
if ! false; then echo neg; fi
--- stdout
neg

### empty then with colon
if true; then :; fi; echo ok
--- stdout
ok

### loop variable persists
for i in 1 2 3; do :; done; echo $i
--- stdout
3

### case empty string
case "" in "") echo empty;; esac
--- stdout
empty

### for with brace expansion
for i in {1..3}; do echo $i; done
--- stdout
1
2
3

### until with break
n=0; until false; do n=$((n+1)); [ $n -eq 2 ] && break; done; echo $n
--- stdout
2

### loop with break in subshell
for i in 1 2 3; do (break); echo $i; done
--- stdout
1
2
3
--- stderr
vbash: line 1: break: only meaningful in a `for', `while', or `until' loop
vbash: line 1: break: only meaningful in a `for', `while', or `until' loop
vbash: line 1: break: only meaningful in a `for', `while', or `until' loop

### heredoc in pipeline in function
f() { cat <<E | tr a-z A-Z
hello $1
E
}; f world
--- stdout
HELLO WORLD

### exit status of pipeline in if
if false | true; then echo yes; fi
--- stdout
yes

### command in condition with redirect
if ! grep -q x /dev/null; then echo none; fi
--- stdout
none

### realistic script one
#!/bin/bash
set -euo pipefail
log() { printf '[%s] %s\n' "$1" "${*:2}" >&2; }
usage() { echo "usage: $0 [-v] [-n N] files..."; }
verbose=0; n=3
while getopts "vn:" opt -v -n 2 a b; do :; done
set -- -v -n 2 one two
OPTIND=1
while getopts "vn:" opt; do
  case $opt in
    v) verbose=1 ;;
    n) n=$OPTARG ;;
    *) usage; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
declare -A count=()
for f in "$@"; do
  count[$f]=$(( ${#f} * n ))
done
for k in $(printf '%s\n' "${!count[@]}" | sort); do
  echo "$k=${count[$k]}"
done
(( verbose )) && log info "done with $# files"
--- stdout
one=6
two=6
--- stderr
[info] done with 2 files

### realistic script two
tmp=$(mktemp -d 2>/dev/null || echo tmpdir); mkdir -p "$tmp"
trap 'rm -rf "$tmp"; echo cleaned' EXIT
cat > "$tmp/data.csv" <<'CSV'
name,age,city
alice,30,paris
bob,25,berlin
carol,35,paris
CSV
declare -i total=0 n=0
while IFS=, read -r name age city; do
  [[ $name == name ]] && continue
  total+=age; n+=1
  by_city[$city]+="$name "
done < "$tmp/data.csv"
echo "avg=$(( total / n ))"
declare -p by_city 2>/dev/null | head -c 0
for c in paris berlin; do
  echo "$c: $(grep -c ",$c$" "$tmp/data.csv")"
done
--- stdout
avg=30
paris: 2
berlin: 1
cleaned

### realistic script three
fib() { local n=$1; if (( n < 2 )); then echo $n; return; fi; echo $(( $(fib $((n-1))) + $(fib $((n-2))) )); }
for i in {0..6}; do printf '%s ' "$(fib $i)"; done; echo
str="The quick brown fox"
words=($str)
echo "${#words[@]} words, last=${words[-1]}, upper=${str^^}"
rev=""; for ((i=${#str}-1; i>=0; i--)); do rev+=${str:i:1}; done; echo "$rev"
--- stdout
0 1 1 2 3 5 8 
4 words, last=fox, upper=THE QUICK BROWN FOX
xof nworb kciuq ehT

### realistic script four
set -e
f() { local rc=0; false || rc=$?; echo "rc=$rc"; }
f
out=$( { echo out; echo err >&2; } 2>&1 )
echo "[$out]"
if ! command -v nosuchtool >/dev/null 2>&1; then echo "no tool"; fi
x=${UNSET_VAR:-default}; echo $x
arr=(b c a); IFS=$'\n' sorted=($(sort <<<"${arr[*]}")); unset IFS; echo "${sorted[*]}"
--- stdout
rc=1
[out
err]
no tool
default
a b c
