# Arithmetic expansion and commands.
### precedence
echo $((2+3*4)) $(((2+3)*4))
--- stdout
14 20

### division and modulo
echo $((7/2)) $((7%3)) $((-7/2)) $((-7%3))
--- stdout
3 1 -3 -1

### power
echo $((2**10)) $((2**0))
--- stdout
1024 1

### comparison
echo $((1<2)) $((2<1)) $((1==1)) $((1!=1)) $((2>=2)) $((3<=2))
--- stdout
1 0 1 0 1 0

### logical
echo $((1&&0)) $((1||0)) $((!0)) $((!5))
--- stdout
0 1 1 0

### bitwise
echo $((5&3)) $((5|3)) $((5^3)) $((~0)) $((1<<4)) $((256>>2))
--- stdout
1 7 6 -1 16 64

### ternary
echo $((1?10:20)) $((0?10:20))
--- stdout
10 20

### comma
echo $((1,2,3))
--- stdout
3

### assignment
((x=5)); echo $x
--- stdout
5

### compound assignment
x=10; ((x+=5)); ((x*=2)); ((x-=1)); echo $x
--- stdout
29

### increment
x=1; ((x++)); ((++x)); echo $x
--- stdout
3

### post vs pre
x=5; echo $((x++)) $x $((++x)) $x
--- stdout
5 6 7 7

### decrement
x=5; ((x--)); echo $x
--- stdout
4

### hex octal base
echo $((0x1F)) $((010)) $((2#1010)) $((36#z)) $((64#_))
--- stdout
31 8 10 35 63

### negative numbers
echo $((-5+3)) $((- -5))
--- stdout
-2 5

### variables recursive
a=b+1; b=2; echo $((a*2))
--- stdout
6

### empty variable is zero
x=; echo $((x+1))
--- stdout
1

### overflow wraps
echo $((9223372036854775807+1))
--- stdout
-9223372036854775808

### big multiplication
echo $((2**63))
--- stdout
-9223372036854775808

### division by zero
echo $((1/0))
echo after
--- stdout
after
--- stderr
vbash: line 1: 1/0: division by 0 (error token is "0")

### modulo by zero
echo $((5%0))
--- stderr
vbash: line 1: 5%0: division by 0 (error token is "0")
--- status 1

### syntax error
echo $((1+))
--- stderr
vbash: line 1: 1+: syntax error: operand expected (error token is "+")
--- status 1

### bad base digit
echo $((08))
--- stderr
vbash: line 1: 08: value too great for base (error token is "08")
--- status 1

### arithmetic command status
((0)); echo $?; ((1)); echo $?
--- stdout
1
0

### arithmetic command with comparison
x=3; if ((x > 2)); then echo big; fi
--- stdout
big

### let
let a=5 b=a+1; echo $a $b
--- stdout
5 6

### let status
let 0; echo $?
--- stdout
1

### arithmetic for
for ((i=0; i<3; i++)); do echo $i; done
--- stdout
0
1
2

### arithmetic for empty parts
i=0; for ((;;)); do ((i++ == 3)) && break; done; echo $i
--- stdout
4

### array in arithmetic
a=(1 2 3); echo $((a[1]+a[2]))
--- stdout
5

### assign array element in arithmetic
((a[2]=7)); echo ${a[2]}
--- stdout
7

### nested parens
echo $(( (1+2) * (3+4) ))
--- stdout
21

### spaces
echo $((  1  +  2  ))
--- stdout
3

### unary plus minus
echo $((+3)) $((-(-3)))
--- stdout
3 3

### shift negative
echo $((1<<63))
--- stdout
-9223372036854775808

### logical short circuit
x=0; ((0 && (x=1))); echo $x
--- stdout
0

### ternary short circuit
x=0; echo $((1 ? 2 : (x=5))); echo $x
--- stdout
2
0

### declare -i arithmetic
declare -i i; i=3*4; echo $i
--- stdout
12

### string in arithmetic is a variable name
foo=7; echo $((foo))
--- stdout
7

### exponent negative
echo $((2**-1))
--- stderr
vbash: line 1: 2**-1: exponent less than 0 (error token is "1")
--- status 1

### assignment to non-variable
echo $((5=3))
--- stderr
vbash: line 1: 5=3: attempted assignment to non-variable (error token is "=3")
--- status 1

### invalid token
echo $((1 2))
--- stderr
vbash: line 1: 1 2: syntax error in expression (error token is "2")
--- status 1

### dollar in arithmetic
x=3; echo $(($x*$x))
--- stdout
9

### let basic
let x=2+3 y=x*2; echo $x $y
--- stdout
5 10

### let returns 1 on zero
let z=0; echo $?
--- stdout
1

### let no args
let; echo $?
--- stdout
1
--- stderr
vbash: line 1: let: expression expected

### arithmetic base notation
echo $(( 2#1010 )) $(( 8#17 )) $(( 16#ff )) $(( 36#z )) $(( 64#_ ))
--- stdout
10 15 255 35 63

### arithmetic invalid base
echo $(( 65#1 )); echo after
--- stderr
vbash: line 1: 65#1: invalid arithmetic base (error token is "65#1")
--- status 1

### arithmetic value too great for base
echo $(( 2#12 )); echo after
--- stderr
vbash: line 1: 2#12: value too great for base (error token is "2#12")
--- status 1

### arithmetic octal invalid
echo $(( 09 )); echo after
--- stderr
vbash: line 1: 09: value too great for base (error token is "09")
--- status 1

### arithmetic hex
echo $(( 0x1F )) $(( 0X10 ))
--- stdout
31 16

### arithmetic division by zero
echo $(( 1 / 0 )); echo after
--- stderr
vbash: line 1: 1 / 0 : division by 0 (error token is "0 ")
--- status 1

### arithmetic modulo by zero in command
(( 5 % 0 )); echo $?
--- stdout
1
--- stderr
vbash: line 1: ((: 5 % 0 : division by 0 (error token is "0 ")

### arithmetic exponent negative
echo $(( 2 ** -1 ))
--- stderr
vbash: line 1: 2 ** -1 : exponent less than 0 (error token is "1 ")
--- status 1

### arithmetic syntax error message
echo $(( 1 + ))
--- stderr
vbash: line 1: 1 + : syntax error: operand expected (error token is "+ ")
--- status 1

### arithmetic assignment to non variable
echo $(( 1 = 2 ))
--- stderr
vbash: line 1: 1 = 2 : attempted assignment to non-variable (error token is "= 2 ")
--- status 1

### arithmetic comma and ternary
echo $(( a = 1, b = a ? 10 : 20, b ))
--- stdout
10

### arithmetic pre post increment
i=5; echo $(( i++ )) $(( ++i )) $(( i-- )) $(( --i ))
--- stdout
5 7 7 5

### arithmetic shifts and bitwise
echo $(( 1 << 4 )) $(( 256 >> 2 )) $(( 6 & 3 )) $(( 6 | 3 )) $(( 6 ^ 3 )) $(( ~5 ))
--- stdout
16 64 2 7 5 -6

### arithmetic overflow wraps
echo $(( 9223372036854775807 + 1 ))
--- stdout
-9223372036854775808

### arithmetic variable recursion
a=b; b=c; c=7; echo $(( a + 1 ))
--- stdout
8

### arithmetic string variable error
v='1 +'; echo $(( v )); echo after
--- stderr
vbash: line 1: 1 +: syntax error: operand expected (error token is "+")
--- status 1

### arithmetic array index
arr=(10 20 30); i=1; echo $(( arr[i+1] + arr[0] ))
--- stdout
40

### arithmetic compound assignment ops
x=10; (( x *= 3, x -= 5, x /= 5, x %= 3, x <<= 2 )); echo $x
--- stdout
8

### arithmetic logical ops
echo $(( 1 && 0 )) $(( 0 || 2 )) $(( !0 )) $(( !5 ))
--- stdout
0 1 1 0

### arithmetic comparison
echo $(( 3 < 4 )) $(( 3 >= 4 )) $(( 3 == 3 )) $(( 3 != 3 ))
--- stdout
1 0 1 0

### arithmetic leading zeros decimal base
echo $(( 10#010 ))
--- stdout
10

### arithmetic negative modulo
echo $(( -7 % 3 )) $(( -7 / 2 ))
--- stdout
-1 -3

### declare -i overflow and bases
declare -i n=16#10; echo $n
--- stdout
16
