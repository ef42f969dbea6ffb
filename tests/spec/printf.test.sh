# bash's printf builtin.
### format reuse
printf '%s-%s\n' a b c d e
--- stdout
a-b
c-d
e-

### format reuse missing args
printf '[%s|%d]\n' x
--- stdout
[x|0]

### no args
printf 'plain\n'
--- stdout
plain

### percent literal
printf '100%%\n'
--- stdout
100%

### b escapes
printf '%b\n' 'a\tb\x41\101\n'
--- stdout
a	bAA


### b with backslash c stops
printf '%b' 'a\cb'; printf 'next\n'
--- stdout
anext

### q quoting
printf '%q\n' 'a b' "it's" '$x' ''
--- stdout
a\ b
it\'s
\$x
''

### q with control chars
printf '%q\n' $'a\tb\n'
--- stdout
$'a\tb\n'

### q reuse
printf '%q ' a 'b c'; echo
--- stdout
a b\ c 

### v assigns
printf -v out '%05d' 42; echo "$out"
--- stdout
00042

### v to array element
printf -v 'a[2]' '%s' x; echo "${a[2]}"
--- stdout
x

### v invalid name
printf -v 1x '%s' y; echo $?
--- stdout
2
--- stderr
vbash: line 1: printf: `1x': not a valid identifier

### c first char
printf '%c%c\n' abc def
--- stdout
ad

### char code
printf '%d %d\n' "'A" '"a'
--- stdout
65 97

### char code unicode
printf '%d\n' "'é"
--- stdout
233

### hex octal
printf '%x %X %o %#x %#o\n' 255 255 8 255 8
--- stdout
ff FF 10 0xff 010

### width and precision
printf '[%5s][%-5s][%.2s][%5.1s]\n' ab ab abc abc
--- stdout
[   ab][ab   ][ab][    a]

### star width
printf '[%*d][%-*d]\n' 4 7 4 7
--- stdout
[   7][7   ]

### negative star width
printf '[%*s]\n' -4 x
--- stdout
[x   ]

### star precision
printf '[%.*f]\n' 2 3.14159
--- stdout
[3.14]

### float formats
printf '%.2f %e %g %G\n' 3.14159 1234.5 0.0001 1e20
--- stdout
3.14 1.234500e+03 0.0001 1E+20

### integer formats with flags
printf '[%+d][% d][%05d][%-5d]\n' 3 3 3 3
--- stdout
[+3][ 3][00003][3    ]

### invalid number
printf '%d\n' abc; echo $?
--- stdout
0
1
--- stderr
vbash: line 1: printf: abc: invalid number

### partial number
printf '%d\n' 12abc; echo $?
--- stdout
12
1
--- stderr
vbash: line 1: printf: 12abc: invalid number

### hex input
printf '%d %d\n' 0x10 010
--- stdout
16 8

### negative to unsigned
printf '%u\n' -1
--- stdout
18446744073709551615

### large number
printf '%d\n' 9223372036854775807
--- stdout
9223372036854775807

### overflow number
printf '%d\n' 99999999999999999999; echo $?
--- stdout
9223372036854775807
0
--- stderr
vbash: line 1: printf: warning: 99999999999999999999: Numerical result out of range

### invalid format char
printf '%z\n' 1; echo $?
--- stdout
1
--- stderr
vbash: line 1: printf: `\': invalid format character

### missing format char
printf 'abc%'; echo " $?"
--- stdout
abc 1
--- stderr
vbash: line 1: printf: `%': missing format character

### escapes in format
printf 'a\tb\\c\x41\u00e9\n'
--- stdout
a	b\cAé

### unicode escape long
printf '\U0001F600\n' | od -An -tx1
--- stdout
 f0 9f 98 80 0a

### time format
printf '%(%Y-%m-%d)T\n' 0
--- stdout
1970-01-01

### time format width
printf '[%20(%H:%M)T]\n' 3600
--- stdout
[               01:00]

### time minus one is now
printf '%(%Y)T\n' -1 | grep -c '^20'
--- stdout
1

### s with no arg empty
printf '[%s]\n'
--- stdout
[]

### d with empty string
printf '[%d]\n' ''
--- stdout
[0]

### leading dash format needs double dash
printf -- '-%s\n' x
--- stdout
-x

### b with octal zero form
printf '%b\n' '\0101'
--- stdout
A

### backslash at end of format
printf 'x\\'; echo
--- stdout
x\

### too many args reused to end
printf '%s\n' 1 2 3
--- stdout
1
2
3

### mixed conversions reuse
printf '%s=%d;' a 1 b 2; echo
--- stdout
a=1;b=2;

### float from integer string
printf '%.3f\n' 2
--- stdout
2.000

### e with precision zero
printf '%.0e\n' 12345
--- stdout
1e+04

### char width
printf '[%3c]\n' z
--- stdout
[  z]

### b with width
printf '[%6b]\n' 'a\tb'
--- stdout
[   a	b]

### q of empty string
printf '%q\n' ''
--- stdout
''

### q of unicode
printf '%q\n' 'héllo'
--- stdout
héllo

### v with format reuse
printf -v x '%s,' a b c; echo "$x"
--- stdout
a,b,c,

### usage error
printf; echo $?
--- stdout
2
--- stderr
printf: usage: printf [-v var] format [arguments]

### unknown option
printf -x; echo $?
--- stdout
2
--- stderr
vbash: line 1: printf: -x: invalid option
printf: usage: printf [-v var] format [arguments]

### width with zero flag and negative
printf '[%05d]\n' -42
--- stdout
[-0042]

### precision on integers
printf '[%.3d][%8.3d]\n' 7 7
--- stdout
[007][     007]

### space flag with string ignored
printf '[% s]\n' x
--- stdout
[x]

### percent b arg with percent
printf '%b\n' '100%'
--- stdout
100%

### alternate g
printf '%#g\n' 1
--- stdout
1.00000
