# bc (GNU bc 1.07.1).
### basic arithmetic
echo '1+2*3; (1+2)*3; 10-20; 7/2; 7%3; 2^10' | bc
--- stdout
7
9
-10
3
1
1024

### scale division
echo 'scale=5; 1/3; 22/7; -1/3' | bc
--- stdout
.33333
3.14285
-.33333

### scale of products and sums
echo '1.50*2; scale=3; 1.50*2.5; 1.25+1.5; 1.000-1' | bc
--- stdout
3.00
3.750
2.75
0

### modulo with scale
printf 'scale=2;5%%3\n-7.5%%2\n(-8)%%3\n' | bc
--- stdout
.02
0
-.02

### power rules
echo '-2^2; 2^-1; scale=4; 2^-3; 1.5^3; 0^0; (-3)^3' | bc
--- stdout
4
0
.1250
3.375
1
-27

### power right associative
echo '2^3^2; (2^3)^2' | bc
--- stdout
512
64

### big numbers
echo '2^200; 123456789123456789*987654321987654321; 10^30/7' | bc
--- stdout
1606938044258990275541962092341162602522202993782792835301376
121932631356500531347203169112635269
142857142857142857142857142857

### line wrapping at 70
echo '2^1000' | bc
--- stdout
10715086071862673209484250490600018105614048117055336074437503883703\
51051124936122493198378815695858127594672917553146825187145285692314\
04359845775746985748039345677748242309854210746050623711418779541821\
53046474983581941267398767559165543946077062914571196477686542167660\
429831652624386837205668069376

### BC_LINE_LENGTH
echo '2^300' | BC_LINE_LENGTH=20 bc; echo '2^300' | BC_LINE_LENGTH=0 bc
--- stdout
203703597633448608\
626844568840937816\
105146839366593625\
063614044935438129\
976333670618339737\
6
2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376

### sqrt
echo 'sqrt(2); scale=30; sqrt(2); sqrt(1000000); sqrt(0.0004); sqrt(0)' | bc
--- stdout
1
1.414213562373095048801688724209
1000.000000000000000000000000000000
.020000000000000000000000000000
0

### length and scale functions
echo 'length(123.45); length(.5); length(0.005); length(0); length(100); scale(1.230); scale(7)' | bc
--- stdout
5
1
3
1
3
3
0

### leading zero dropped
echo '0.5; -0.5; 0.000; -0.5*0; 1.0/3' | bc
--- stdout
.5
-.5
0
0
0

### ibase
printf 'ibase=2\n1010\n12\nA\n11.11\nibase=A\nA1\n' | bc
--- stdout
10
3
10
3.75
91

### ibase 16 and obase
echo 'ibase=16;obase=10;A;FF' | bc
--- stdout
A
FF

### obase 2 and 16
echo 'obase=2; 5; -5; 10.5; obase=16; 255; -255; 255.5; 1.2' | bc
--- stdout
101
-101
1010.1000
FF
-FF
FF.8
1.3

### obase above 16
echo 'obase=20; 35; -35.7; obase=100; 12345.678; obase=1000; -1234567' | bc
--- stdout
 01 15
- 01 15.14
 01 23 45.67 80
- 001 234 567

### variables and last
echo 'x=5; x; x+1; last*2; .+1' | bc
--- stdout
5
6
12
13

### increment and decrement
printf 'x=5\nx++\nx\n--x\n++x + x++\nx\n' | bc
--- stdout
5
6
5
12
7

### assignment operators
echo 'i=5;i-=2;i;i*=3;i;i/=2;i;i%=3;i;i^=3;i; a=b=3; a+b' | bc
--- stdout
3
9
4
1
1
6

### relational and boolean
echo '1==1;2<1;3>=3;2!=2;!0;!5;1&&0;0||2;(1<2)+(2<3)' | bc
--- stdout
1
0
1
0
1
0
0
1
2

### arrays
echo 'a[0]=1;a[5]=2;a[5]++;a[5];a[3];b[2]=a[5]*10;b[2]' | bc
--- stdout
2
3
0
30

### functions and recursion
echo 'define f(n){ if(n<2) return n; return f(n-1)+f(n-2) }; f(20)' | bc
--- stdout
6765

### factorial big
echo 'define f(n){ if(n<=1) return (1); return (n*f(n-1)); }
f(50)' | bc
--- stdout
30414093201713378043612608166064768844377641568960512000000000000

### auto variables shadow
printf 'a=7\ndefine f(){auto a; a=5; return a}\nf(); a\n' | bc
--- stdout
5
7

### dynamic scope
printf 'define g(){ return x }\ndefine f(x){ return g() }\nx=1\nf(9)\ng()\n' | bc
--- stdout
9
1

### array parameters by value
printf 'a[1]=5\ndefine g(b[]){b[1]=7;return b[1]}\ng(a[])\na[1]\n' | bc
--- stdout
7
5

### while for break continue
printf 'x=2;while(x<100)x*=x;x\nfor(i=0;i<10;i++){if(i==2)continue;if(i==5)break;print i," "}\nprint "\\n"\n' | bc
--- stdout
256
0 1 3 4 

### if else
echo 'x=3; if(x>2) 10 else 20; if(x<2) 10 else 20; if(x) { 1; 2 }' | bc
--- stdout
10
20
1
2

### print and strings
printf 'print "a\\tb\\q\\\\\\n", 1+1, "\\n"\n"plain\\n"\n"two\nlines"\n' | bc
--- stdout noeol
a	b"\
2
plain\ntwo
lines

### function without return value
printf 'define f(x){ x+1 }\nf(1)\n' | bc
--- stdout
2
0

### return forms
printf 'define a(){ return }\ndefine c(){ return 5 }\ndefine d(){ return (6) }\na();c();d()\n' | bc
--- stdout
0
5
6

### comments
printf '1 /* one\ntwo */ + 2\n3 # hash\n' | bc
--- stdout
3
3

### line continuation
printf '1+\\\n2\n12\\\n34\n' | bc
--- stdout
3
1234

### quit stops at parse time
printf '1\nif (0) { quit }\n2\n' | bc; echo status=$?
--- stdout
1
status=0

### halt
printf '1\nhalt\n2\n' | bc; echo status=$?
--- stdout
1
status=0

### files then stdin
printf 'x=40\n' > in.bc; echo 'x+2' | bc in.bc
--- stdout
42

### file with quit
printf '5\nquit\n' > q.bc; echo 9 | bc q.bc
--- stdout
5

### missing file
bc nosuch.bc; echo status=$?
--- stdout
status=1
--- stderr
File nosuch.bc is unavailable.

### divide by zero
printf '1/0\n5\nx=1;1/0;x\n' | bc
--- stdout
5
--- stderr
Runtime error (func=(main), adr=3): Divide by zero
Runtime error (func=(main), adr=7): Divide by zero

### modulo by zero
echo '1%0' | bc
--- stderr
Runtime error (func=(main), adr=3): Modulo by zero

### sqrt of negative
echo 'sqrt(-1)' | bc
--- stderr
Runtime error (func=(main), adr=4): Square root of a negative number

### runtime error in function
printf 'define f(x){return x/0}\nf(2)\n3\n' | bc
--- stdout
3
--- stderr
Runtime error (func=f, adr=4): Divide by zero

### undefined function
echo 'f(1)' | bc
--- stderr
Runtime error (func=(main), adr=3): Function f not defined.

### parameter number mismatch
printf 'define f(x){return x}\nf(1,2)\nf()\n' | bc
--- stderr
Runtime error (func=(main), adr=8): Parameter number mismatch
Runtime error (func=(main), adr=3): Parameter number mismatch

### array subscript out of bounds
echo 'a[-1]=2' | bc
--- stderr
Runtime error (func=(main), adr=7): Array a subscript out of bounds.

### exponent warnings
echo '2^0.5; 2^(2^70)' | bc
--- stdout
1
--- stderr
Runtime warning (func=(main), adr=8): non-zero scale in exponent
Runtime error (func=(main), adr=21): exponent too large in raise

### scale ibase obase limits
printf 'scale=-1\nscale\nibase=1\nobase=1\nobase\n' | bc
--- stdout
0
10
--- stderr
Runtime warning (func=(main), adr=4): negative scale, set to 0
Runtime warning (func=(main), adr=3): ibase too small, set to 2
Runtime warning (func=(main), adr=3): obase too small, set to 2

### syntax errors
printf '1+\n2\n3 3\n4\n' | bc
--- stdout
2
4
--- stderr
(standard_in) 2: syntax error
(standard_in) 3: syntax error

### syntax error at end
printf 'if(1)\n' | bc; printf 'x(\n' | bc
--- stderr
(standard_in) 1: syntax error
(standard_in) 2: syntax error

### break outside loop
printf 'break\n1\n' | bc
--- stdout
1
--- stderr
(standard_in) 1: Break outside a for/while

### return outside function
printf 'return 5\n1\n' | bc
--- stdout
1
--- stderr
(standard_in) 2: Return outside of a function.

### unterminated string and comment
printf '1\n/* xx' | bc
--- stdout
1
--- stderr
EOF encountered in a comment.

### else needs same line
printf 'if(0) 2\nelse 3\n' | bc
--- stderr
(standard_in) 2: syntax error

### warn mode
printf 'ab=1\nprint 1\n!x\nx&&1\nlast\nx==1\n' | bc -w
--- stdout
11
0
0
0
--- stderr
(standard_in) 1: (Warning) multiple letter name - ab
(standard_in) 2: (Warning) print statement
(standard_in) 4: (Warning) ! operator
(standard_in) 4: (Warning) && operator
(standard_in) 5: (Warning) Last variable
(standard_in) 7: (Warning) comparison in expression

### standard mode
printf 'ab=1\nprint 1\nx=1;if(x)2 else 3\n' | bc -s
--- stderr
(standard_in) 1: Error: multiple letter name - ab
(standard_in) 2: Error: print statement
(standard_in) 3: Error: else clause in if statement

### limits
echo limits | bc
--- stdout
BC_BASE_MAX     = 2147483647
BC_DIM_MAX      = 16777215
BC_SCALE_MAX    = 2147483647
BC_STRING_MAX   = 2147483647
MAX Exponent    = 9223372036854775807
Number of vars  = 32767

### mathlib values
echo 's(1); c(1); a(1); l(2); e(1); j(1,2)' | bc -l
--- stdout
.84147098480789650665
.54030230586813971740
.78539816339744830961
.69314718055994530941
2.71828182845904523536
.57672480775687338720

### mathlib scale 100
bc -l <<<'scale=100; e(1); l(10); s(0.5); c(2); a(0.3); a(5); j(2,3.5); e(-2); l(-1)'
--- stdout
2.718281828459045235360287471352662497757247093699959574966967627724\
0766303535475945713821785251664274
2.302585092994045684017991454684364207601101488628772976033327900967\
5726096773524802359972050895982983
.4794255386042030002732879352155713880818033679406006751886166131255\
350002878148322096312746843482690
-.416146836547142386997568229500762189766000771075544890755149973781\
9649361240791690745317778601691403
.2914567944778670919956046214328911935031675990120654192722060830872\
990149105089980715136487087625240
1.373400766945015860861271926444961148650999595899700808969783355912\
8742331648607135813195846337704898
.4586291841943074835022532456349456370338790168470915828793829923549\
359074563562372925853627220982284
.1353352832366126918939994949724844034076315459095758814681588726540\
733741014876899370981224906570487
-9999999999999999999999999999999999999999999999999999999999999999999\
999999999999999999999999999999999.0000000000000000000000000000000000\
000000000000000000000000000000000000000000000000000000000000000000

### mathlib pi 200 digits
echo 'scale=200; 4*a(1)' | bc -l
--- stdout
3.141592653589793238462643383279502884197169399375105820974944592307\
81640628620899862803482534211706798214808651328230664709384460955058\
223172535940812848111745028410270193852110555964462294895493038196

### mathlib in other ibase
echo 'ibase=16; l(A); e(1)' | bc -l
--- stdout
2.30258509299404568401
2.71828182845904523536

### read
printf 'x=read()\nx+1\n' > r.bc; printf '41\n' | bc r.bc
--- stdout
42

### huge exponent hits the limit
echo '2^99999999' | bc; echo status=$?
--- vbash-differs: GNU bc computes for hours; vbash stops at its digit limit at once
--- stdout
status=0
--- stderr
Runtime error (func=(main), adr=14): number too large (limit: 1000000 digits)

### version and help
bc --help | head -3
--- stdout
usage: bc [options] [file ...]
  -h  --help         print this usage and exit
  -i  --interactive  force interactive mode
