# expr (GNU coreutils 9.1).
### expr: arithmetic
expr 1 + 2; expr 7 - 10; expr 6 \* 7; expr 17 / 5; expr 17 % 5; expr -5 % 3
--- stdout
3
-3
42
3
2
-2

### expr: big integers
expr 9223372036854775807 + 1; expr 99999999999999999999 \* 3
--- stdout
9223372036854775808
299999999999999999997

### expr: precedence and parentheses
expr 1 + 2 \* 3; expr \( 1 + 2 \) \* 3
--- stdout
7
9

### expr: comparisons
expr 10 \< 9; expr a \< b; expr 2 = 2; expr abc != abc; expr 3 \>= 3
--- stdout
0
1
1
0
1

### expr: or and and
expr 0 \| 5; expr '' \| ''; expr a \& b; expr a \& 0
--- stdout
5
0
a
0
--- status 1

### expr: status of null results
expr 0; echo "rc=$?"; expr ''; echo "rc=$?"; expr 00; echo "rc=$?"; expr x; echo "rc=$?"
--- stdout
0
rc=1

rc=1
00
rc=1
x
rc=0

### expr: regex match
expr abc : 'a\(b\)'; expr abc : '.*'; expr abc : 'x'; echo "rc=$?"
--- stdout
b
3
0
rc=1

### expr: match keyword
expr match abc 'ab'
--- stdout
2

### expr: length substr index
expr length abcd; expr substr hello 2 3; expr index hello lo
--- stdout
4
ell
3

### expr: UTF-8 characters
expr length 'h\303\251llo' > /dev/null; expr length é; expr substr héllo 2 2; expr index héllo l
--- stdout
1
él
3

### expr: + token
expr + length; expr + match
--- stdout
length
match

### expr: non-integer argument
expr 1 + x; echo "rc=$?"
--- stdout
rc=2
--- stderr
expr: non-integer argument

### expr: division by zero
expr 5 / 0; echo "rc=$?"
--- stdout
rc=2
--- stderr
expr: division by zero

### expr: missing argument
expr 1 +; echo "rc=$?"
--- stdout
rc=2
--- stderr
expr: syntax error: missing argument after ‘+’

### expr: unexpected argument
expr 1 2; echo "rc=$?"
--- stdout
rc=2
--- stderr
expr: syntax error: unexpected argument ‘2’

### expr: missing parenthesis
expr \( 1; echo "rc=$?"; expr \( 1 2; echo "rc=$?"
--- stdout
rc=2
rc=2
--- stderr
expr: syntax error: expecting ')' after ‘1’
expr: syntax error: expecting ')' instead of ‘2’

### expr: missing operand
expr; echo "rc=$?"
--- stdout
rc=2
--- stderr
expr: missing operand
Try 'expr --help' for more information.

### expr: bad regex
expr abc : 'a\('; echo "rc=$?"
--- stdout
rc=2
--- stderr
expr: Unmatched ( or \(

### expr: leading zeros and blanks
expr 07 + 1; expr ' 7' + 1; echo "rc=$?"
--- stdout
8
rc=2
--- stderr
expr: non-integer argument

### expr: -- ends options
expr -- 5
--- stdout
5

### expr: negative numbers
expr -3 \* -3; expr 0 - 5
--- stdout
9
-5

### expr: string compare when not numbers
expr 10 \< 9a
--- stdout
1

### expr: substr out of range
expr substr abc 5 1; echo "rc=$?"; expr substr abc 0 1; echo "rc=$?"
--- stdout

rc=1

rc=1

### expr: unexpected )
expr ')'; echo "rc=$?"
--- stdout
rc=2
--- stderr
expr: syntax error: unexpected ')'
