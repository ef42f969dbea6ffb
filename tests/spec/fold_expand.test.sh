# fold, expand, unexpand (GNU coreutils 9.1).
### fold: -w
echo 'hello world foo bar' | fold -w 7
--- stdout
hello w
orld fo
o bar

### fold: -s
echo 'hello world foo bar' | fold -s -w 7
--- stdout
hello 
world 
foo bar

### fold: tabs count to the next stop
printf 'a\tbcdefghij\n' | fold -w 5 | cat -A
--- stdout
a$
^I$
bcdef$
ghij$

### fold: -b bytes
printf 'a\tbcdefghij\n' | fold -b -w 5 | cat -A
--- stdout
a^Ibcd$
efghi$
j$

### fold: obsolete -N
echo abcdef | fold -3
--- stdout
abc
def

### fold: default width 80
printf '%0100d\n' 0 | fold | wc -L
--- stdout
80

### fold: no trailing newline
printf 'abcdef' | fold -w 4; echo
--- stdout
abcd
ef

### fold: invalid width
fold -w 0 < /dev/null; echo "rc=$?"; fold -w x < /dev/null; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
fold: invalid number of columns: ‘0’: Numerical result out of range
fold: invalid number of columns: ‘x’

### fold: missing file
fold nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
fold: nope: No such file or directory

### fold: short lines unchanged
printf 'ab\ncd\n' | fold -w 10
--- stdout
ab
cd

### expand: default
printf 'a\tb\n' | expand | cat -A
--- stdout
a       b$

### expand: -t
printf 'a\tb\tc\n' | expand -t 4
--- stdout
a   b   c

### expand: tab list
printf 'a\tb\tc\td\n' | expand -t 2,5 | cat -A
--- stdout
a b  c d$

### expand: /N and +N
printf 'a\tb\tc\n' | expand -t 1,/5 | cat -A; printf 'a\tb\tc\n' | expand -t 2,+3 | cat -A
--- stdout
a    b    c$
a b  c$

### expand: -i initial only
printf '\ta\tb\n' | expand -i -t 2 | cat -A
--- stdout
  a^Ib$

### expand: obsolete -N
printf 'a\tb\n' | expand -3 | cat -A
--- stdout
a  b$

### expand: invalid tab size
expand -t x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
expand: tab size contains invalid character(s): ‘x’

### expand: not ascending
expand -t 3,2 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
expand: tab sizes must be ascending

### expand: zero
expand -t 0 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
expand: tab size cannot be 0

### expand: backspace
printf 'ab\b\tc\n' | expand -t 4 | cat -A
--- stdout
ab^H   c$

### unexpand: leading blanks
printf '        a       b\n' | unexpand | cat -A
--- stdout
^Ia       b$

### unexpand: -a
printf '        a       b\n' | unexpand -a | cat -A
--- stdout
^Ia^Ib$

### unexpand: -t implies -a
printf 'ab  cd\n' | unexpand -t 2 | cat -A
--- stdout
ab^Icd$

### unexpand: single blank before a stop stays
printf 'a b  c\n' | unexpand -t 2 | cat -A
--- stdout
a b^I c$

### unexpand: trailing blanks
printf '   \n' | unexpand -t 2 | cat -A
--- stdout
^I $

### unexpand: --first-only
printf '        a       b\n' | unexpand --first-only -t 8 | cat -A
--- stdout
^Ia       b$

### unexpand: mixed tabs and spaces
printf '  \t a\n' | unexpand | cat -A
--- stdout
^I a$

### unexpand: missing file
unexpand nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
unexpand: nope: No such file or directory
