# syntax: spec cases recorded from bash 5.2
### unexpected token then
if then fi
--- stderr
vbash: -c: line 1: syntax error near unexpected token `then'
vbash: -c: line 1: `if then fi'
--- status 2

### unexpected done
echo a; done
--- stderr
vbash: -c: line 1: syntax error near unexpected token `done'
vbash: -c: line 1: `echo a; done'
--- status 2

### missing fi
if true; then echo x
--- stderr
vbash: -c: line 2: syntax error: unexpected end of file
--- status 2

### unexpected end in while
while true; do echo
--- stderr
vbash: -c: line 2: syntax error: unexpected end of file
--- status 2

### unmatched quote
echo "abc
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching `"'
--- status 2

### unmatched single quote
echo 'abc
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching `''
--- status 2

### bad paren
echo )
--- stderr
vbash: -c: line 1: syntax error near unexpected token `)'
vbash: -c: line 1: `echo )'
--- status 2

### unexpected token in case
case x in ) ;; esac
--- stderr
vbash: -c: line 1: syntax error near unexpected token `)'
vbash: -c: line 1: `case x in ) ;; esac'
--- status 2

### syntax error in eval continues
eval 'if'; echo $?; echo next
--- stdout
2
next
--- stderr
vbash: eval: line 2: syntax error: unexpected end of file

### syntax error line number in script
printf 'echo a\necho b\nif\n' > s.sh; bash s.sh; echo $?
--- stdout
a
b
2
--- stderr
s.sh: line 4: syntax error: unexpected end of file

### syntax error in sourced file
printf 'echo one\nfi\necho two\n' > s.sh; . ./s.sh; echo status $?
--- stdout
one
status 2
--- stderr
./s.sh: line 2: syntax error near unexpected token `fi'
./s.sh: line 2: `fi'

### syntax error in function body
f() { echo a; ); }
--- stderr
vbash: -c: line 1: syntax error near unexpected token `)'
vbash: -c: line 1: `f() { echo a; ); }'
--- status 2

### syntax error later line not run
echo first
echo second )
echo third
--- stdout
first
--- stderr
vbash: -c: line 2: syntax error near unexpected token `)'
vbash: -c: line 2: `echo second )'
--- status 2

### backquote unterminated
echo `echo a
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching ``'
--- status 2

### missing esac
case a in a) echo x;;
--- stderr
vbash: -c: line 2: syntax error: unexpected end of file
--- status 2

### double semicolon outside case
echo a;; echo b
--- stderr
vbash: -c: line 1: syntax error near unexpected token `;;'
vbash: -c: line 1: `echo a;; echo b'
--- status 2

### empty pipeline
| echo a
--- stderr
vbash: -c: line 1: syntax error near unexpected token `|'
vbash: -c: line 1: `| echo a'
--- status 2

### pipe at end
echo a |
--- stderr
vbash: -c: line 2: syntax error: unexpected end of file
--- status 2

### and at start
&& echo a
--- stderr
vbash: -c: line 1: syntax error near unexpected token `&&'
vbash: -c: line 1: `&& echo a'
--- status 2

### redirect without target
echo a >
--- stderr
vbash: -c: line 1: syntax error near unexpected token `newline'
vbash: -c: line 1: `echo a >'
--- status 2

### unexpected newline redirect
cat <
--- stderr
vbash: -c: line 1: syntax error near unexpected token `newline'
vbash: -c: line 1: `cat <'
--- status 2

### bad for variable
for 1x in a; do echo; done
--- stderr
vbash: line 1: `1x': not a valid identifier
--- status 1

### function name invalid
function 1a { :; }; echo $?
--- stdout
0

### unexpected word after fi
if true; then :; fi foo
--- stderr
vbash: -c: line 1: syntax error near unexpected token `foo'
vbash: -c: line 1: `if true; then :; fi foo'
--- status 2

### syntax error -n check
bash -n -c 'if true; then' ; echo $?
--- stdout
2
--- stderr
bash: -c: line 2: syntax error: unexpected end of file

### bash -n ok
bash -n -c 'echo hi'; echo $?
--- stdout
0

### unclosed brace expansion param
echo ${x
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching `}'
--- status 2

### unclosed command substitution
echo $(echo a
--- stderr
vbash: -c: line 2: unexpected EOF while looking for matching `)'
--- status 2

### heredoc missing delimiter warning
cat <<EOT
abc
--- stdout
abc
--- stderr
vbash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOT')

### coproc keyword missing body
coproc
--- stderr
vbash: -c: line 1: syntax error near unexpected token `newline'
vbash: -c: line 1: `coproc'
--- status 2

### select without list
select; do :; done
--- stderr
vbash: -c: line 1: syntax error near unexpected token `;'
vbash: -c: line 1: `select; do :; done'
--- status 2

### extra then
if true; then then echo; fi
--- stderr
vbash: -c: line 1: syntax error near unexpected token `then'
vbash: -c: line 1: `if true; then then echo; fi'
--- status 2

### else without if
else echo
--- stderr
vbash: -c: line 1: syntax error near unexpected token `else'
vbash: -c: line 1: `else echo'
--- status 2

### unterminated double bracket
[[ a == a
--- stderr
vbash: -c: line 1: unexpected EOF while looking for `]]'
--- status 2

### bad conditional operator
[[ a -xx b ]]
--- stderr
vbash: -c: line 1: conditional binary operator expected

### conditional missing operand
[[ -f ]]
--- stderr
vbash: -c: line 1: unexpected argument `]]' to conditional unary operator

### arithmetic for missing part
for ((i=0; i<3)); do echo $i; done
--- stderr
vbash: -c: line 1: syntax error: arithmetic expression required
vbash: -c: line 1: syntax error: `((i=0; i<3))'
--- status 2

### arithmetic for extra part
for ((a;b;c;d)); do :; done
--- stderr
vbash: -c: line 1: syntax error: `;' unexpected
vbash: -c: line 1: syntax error: `((a;b;c;d))'
--- status 2

### arithmetic for error keeps blanks
for ((  a ; b )); do :; done
--- stderr
vbash: -c: line 1: syntax error: arithmetic expression required
vbash: -c: line 1: syntax error: `((  a ; b ))'
--- status 2

### arithmetic for error in script
printf 'for ((i=0;\n i<3)); do :; done\n' > af.sh; bash af.sh; echo $?
--- stdout
2
--- stderr
af.sh: line 1: syntax error: arithmetic expression required
af.sh: line 1: syntax error: `((i=0;
 i<3))'

### unclosed arithmetic
echo $((1+2)
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching `)'
--- status 2

### unclosed arithmetic over lines
echo $((1+
2
3)
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching `)'
--- status 2

### for (( )) header error comes after the body is read
for (( i=0; i<3 ))
do
  echo $i
done
echo not reached
--- stderr
vbash: -c: line 1: syntax error: arithmetic expression required
vbash: -c: line 1: syntax error: `(( i=0; i<3 ))'
--- status 2

### for (( )) header error: an error in the body wins
for (( i=0; i<3 ))
echo x
--- stderr
vbash: -c: line 2: syntax error near unexpected token `echo'
vbash: -c: line 2: `echo x'
--- status 2

### for (( )) with an extra expression and an empty body
for (( i=0; i<3; ;; ))
do
done
--- stderr
vbash: -c: line 3: syntax error near unexpected token `done'
vbash: -c: line 3: `done'
--- status 2

### [[ ( ) ]]: the term error, then expected )
[[ ( ) ]]
echo not reached
--- stderr
vbash: -c: line 1: unexpected token `)' in conditional command
vbash: -c: line 1: expected `)'

### [[ ( a b ) ]]: binary operator expected, then expected )
[[ ( a b ) ]]
--- stderr
vbash: -c: line 1: conditional binary operator expected
vbash: -c: line 1: expected `)'

### [[ ( on one line and ]] on the next
[[ (
]]
--- stderr
vbash: -c: line 1: expected `)'

### [[ ( -f ) ]] inside parentheses
[[ ( -f ) ]]
--- stderr
vbash: -c: line 1: unexpected argument `)' to conditional unary operator
vbash: -c: line 1: expected `)'

### [[ ]] with no term: no message, the input ends
echo a
[[ ]]
echo b
--- stdout
a

### [[ ! ]] && ... is an error, not a true test
[[ ! ]] && echo yes
echo after

### [[ ]] error in eval: status 2, the shell goes on
false
eval '[[ a -eq ]]'; echo "status $?"
--- stdout
status 2
--- stderr
vbash: eval: line 2: unexpected argument `]]' to conditional binary operator

### [[ error after a newline names the line of [[
[[ a == b &&
 c == d

echo next
--- stderr
vbash: -c: line 1: syntax error in conditional expression

### [[ error: the rest of a script file is not run
printf '%s\n' 'echo one' '[[ a == b' 'echo two' > x.sh
bash x.sh; echo "status $?"
printf '%s\n' 'false' '[[ a = ]]; echo same-line' 'echo two' > y.sh
bash y.sh; echo "status $?"
--- stdout
one
status 0
status 1
--- stderr
x.sh: line 2: syntax error in conditional expression
y.sh: line 2: unexpected argument `]]' to conditional binary operator

### [[ error in eval, the next commands run
eval '[[ a == b
echo in-eval'; echo "status $?"
eval '[[ ( a ]]'; echo "status $?"
--- stdout
status 2
status 2
--- stderr
vbash: eval: line 2: syntax error in conditional expression
vbash: eval: line 3: syntax error near unexpected token `('
vbash: eval: line 3: `[[ ( a ]]'

### [[ =~ with an open group reads to the end of input
[[ a =~ ( ]]; echo n
echo m
echo k
--- stderr
vbash: -c: line 1: unexpected EOF while looking for matching `)'
vbash: -c: line 4: unexpected argument to conditional binary operator
--- status 2

### [[ =~ with an open group in a script file and in eval
printf '%s\n' '[[ a =~ ( ]]' 'echo m' > x.sh
bash x.sh; echo "status $?"
eval '[[ a =~ ( ]]; echo n
echo m'; echo "status $?"
--- stdout
status 2
status 2
--- stderr
x.sh: line 1: unexpected EOF while looking for matching `)'
x.sh: line 3: unexpected argument to conditional binary operator
vbash: eval: line 4: unexpected EOF while looking for matching `)'
vbash: eval: line 6: unexpected argument to conditional binary operator

### [[ =~ group across a newline
[[ ab =~ (a
b) ]]; echo $?
[[ 'a
b' =~ ^(a
b)$ ]]; echo $?
--- stdout
1
0

### [[ error inside $( ) ends the shell
echo a
echo $( [[ a = ]] ) q
echo z
--- stdout
a
--- stderr
vbash: -c: line 2: unexpected argument `]]' to conditional binary operator
--- status 127

### [[ error inside $( ) in a script file
printf '%s\n' 'echo $( [[ a = ]] ) q' 'echo z' > x.sh
bash x.sh; echo "status $?"
printf '%s\n' 'f() { echo $( [[ a = ]] ); }' 'echo z' > y.sh
bash y.sh; echo "status $?"
--- stdout
status 1
status 1
--- stderr
x.sh: line 1: unexpected argument `]]' to conditional binary operator
y.sh: line 1: unexpected argument `]]' to conditional binary operator

### [[ error inside `` is found when it runs
x=`[[ a = ]]`; echo "y $?"
echo z
--- stdout
y 2
z
--- stderr
vbash: command substitution: line 1: unexpected argument `]]' to conditional binary operator

### the [[ after a [[ error in eval fails at its first word
eval '[[ a = ]]'; eval '[[ a = b ]]'; echo "status $?"
eval '[[ a = b ]]'; echo "status $?"
eval '[[ ]]'; eval '[[ ! a ]]'; echo "status $?"
eval '[[ a b ]]'; eval 'if [[ a = b ]]; then :; fi'; echo "status $?"
eval '[[ ( a ]]'; eval 'echo x; [[ ( a ) ]]'; echo "status $?"
--- stdout
status 2
status 1
status 2
status 2
status 2
--- stderr
vbash: eval: line 1: unexpected argument `]]' to conditional binary operator
vbash: eval: line 1: syntax error near unexpected token `a'
vbash: eval: line 1: `[[ a = b ]]'
vbash: eval: line 3: syntax error near unexpected token `!'
vbash: eval: line 3: `[[ ! a ]]'
vbash: eval: line 4: conditional binary operator expected
vbash: eval: line 4: syntax error near unexpected token `a'
vbash: eval: line 4: `if [[ a = b ]]; then :; fi'
vbash: eval: line 5: unexpected token `]]', expected `)'
vbash: eval: line 5: syntax error near unexpected token `('
vbash: eval: line 5: `echo x; [[ ( a ) ]]'

### [[ error in eval: other commands still parse
eval '[[ -n ]]'; eval 'echo [[ a'; eval '(echo sub)'; echo "status $?"
--- stdout
[[ a
sub
status 0
--- stderr
vbash: eval: line 1: unexpected argument `]]' to conditional unary operator

### [[ error in eval: a [[ on the next line ends the shell
eval '[[ a = ]]'
[[ a = a ]] && echo y
echo next
--- stderr
vbash: eval: line 1: unexpected argument `]]' to conditional binary operator
vbash: -c: line 2: syntax error near unexpected token `a'
vbash: -c: line 2: `[[ a = a ]] && echo y'
--- status 2

### [[ error: the EXIT trap's [[ fails
trap '[[ a = a ]] && echo y; echo trap' EXIT
[[ a = ]]
--- stdout
y
trap
--- stderr
vbash: -c: line 2: unexpected argument `]]' to conditional binary operator
