# Quoting and quote removal.
### single quotes
echo 'a  b $x `y` \n'
--- stdout
a  b $x `y` \n

### double quotes keep spaces
echo "a   b"
--- stdout
a   b

### double quotes expand
x=val; echo "x=$x"
--- stdout
x=val

### escaped dollar
x=1; echo "\$x" \$x
--- stdout
$x $x

### backslash in double quotes
echo "a\\b" "a\b" "a\"b"
--- stdout
a\b a\b a"b

### backslash unquoted
echo a\ b \a \\
--- stdout
a b a \

### dollar single quote
echo $'a\tb\nc'
--- stdout
a	b
c

### dollar single quote hex and octal
echo $'\x41\102\u0043'
--- stdout
ABC

### empty quotes are an argument
set -- "" ''
echo $#
--- stdout
2

### adjacent quoting
echo 'a'"b"c'd'
--- stdout
abcd

### quotes inside variable not special
x='"quoted"'; echo $x
--- stdout
"quoted"

### backquote
echo `echo hi`
--- stdout
hi

### nested command substitution quotes
echo "$(echo "inner  spaces")"
--- stdout
inner  spaces

### single quote in double
echo "it's"
--- stdout
it's

### double quote in single
echo '"hi"'
--- stdout
"hi"

### hash not comment inside word
echo a#b
--- stdout
a#b

### quoted hash
echo '#x' "#y"
--- stdout
#x #y

### newline in quotes
echo "a
b"
--- stdout
a
b

### dollar at end
echo $
--- stdout
$

### dollar in single quotes
echo '$HOME'
--- stdout
$HOME

### tilde quoted
echo "~" '~'
--- stdout
~ ~

### escaped newline in double quotes
echo "a\
b"
--- stdout
ab

### quoted glob not expanded
touch x1 x2
echo "x*"
--- stdout
x*

### unquoted glob expanded
touch x1 x2
echo x*
--- stdout
x1 x2

### quoted empty var keeps arg
x=
set -- "$x"
echo $#
--- stdout
1

### unquoted empty var drops arg
x=
set -- $x
echo $#
--- stdout
0

### locale string
echo $"hello"
--- stdout
hello

### backslash before newline outside quotes
echo one\
two
--- stdout
onetwo

### special chars in single quotes
echo '|&;<>()'
--- stdout
|&;<>()

### escaped special chars
echo \|\&\;\<\>\(\)
--- stdout
|&;<>()

### quoting dollar single in double
echo "a'b" 'a"b'
--- stdout
a'b a"b

### backslash newline continuation in dq
echo "a\
b"
--- stdout
ab

### backslash in dq before normal
echo "a\qb \$ \` \\ \""
--- stdout
a\qb $ ` \ "

### single quote escapes nothing
echo 'a\nb'
--- stdout
a\nb

### ansi c with single quote
echo $'it\'s'
--- stdout
it's

### empty string arguments
printf '<%s>' '' "" $'' ; echo
--- stdout
<><><>

### adjacent quotes concatenation
echo 'a'"b"$'c'd
--- stdout
abcd

### dollar at end
echo a$ "b$"
--- stdout
a$ b$

### dollar followed by quote
echo $"x" $'y'
--- stdout
x y

### glob char in quotes in case
case 'a?' in 'a?') echo lit;; esac
--- stdout
lit

### hash mid word not comment
echo a#b #comment
--- stdout
a#b

### quoted newline in arg
printf '<%s>' "a
b"; echo
--- stdout
<a
b>
