# dc (GNU dc 1.4.1).
### print commands
dc -e '1 2 3 p n f'
--- stdout
3
32
1

### arithmetic
dc -e '2 3 + p 10 4 - p 6 7 * p 7 2 / p 7 2 % p 2 10 ^ p'
--- stdout
5
6
42
3
1
1024

### precision
dc -e '1 3 / p 10k 1 3 / p 2 v p K p'
--- stdout
0
.3333333333
1.4142135623
10

### negative numbers
dc -e '_5.5 p _5.5n [x]p 1_2p 3 5 - p'
--- stdout
-5.5
-5.5x
-2
-2

### divmod
dc -e '7 2~f c _3 2 ~ f c 10k 4 5 ~ f'
--- stdout
1
3
-1
-1
0
.8000000000

### modexp
dc -e '2 3 4|p 4 13 497|p 7 100 13|p'
--- stdout
0
445
9

### big numbers and wrapping
dc -e '2 1000 ^ p'
--- stdout
107150860718626732094842504906000181056140481170553360744375038837035\
105112493612249319837881569585812759467291755314682518714528569231404\
359845775746985748039345677748242309854210746050623711418779541821530\
464749835819412673987675591655439460770629145711964776865421676604298\
31652624386837205668069376

### DC_LINE_LENGTH
DC_LINE_LENGTH=10 dc -e '2 100^p'
--- stdout
126765060\
022822940\
149670320\
5376

### stack control
dc -e '1 2 3 f c 4 d f r f'
--- stdout
3
2
1
4
4
4
4

### rotate
dc -e '1 2 3 4 3R f c 1 2 3 4 _3R f c 1 2 3 4 5 4R f'
--- stdout
2
4
3
1
3
2
4
1
2
5
4
3
1

### registers
dc -e '5 sa la la + p [a]sb [b]Sb lbp Lbp lbp'
--- stdout
10
b
b
a

### register stack empty
dc -e '5 sa La p La p'
--- stdout
5
5
--- stderr
dc: stack register 'a' (0141) is empty

### arrays
dc -e '3 0:a 7 5:a 0;a p 5;a p 9;a p'
--- stdout
3
7
0

### arrays per register level
dc -e '1 0:a 0Sa 2 0:a La 0;ap'
--- stdout
1

### strings and execute
dc -e '[1p]x 5x p [hello]P [ world]n'
--- stdout noeol
1
5
hello world

### conditionals
dc -e '[[yes]p]sa 1 2>a 2 1>a 1 1=a 1 2!=a 2 1!>a 1 2!<a 3 3<a'
--- stdout
yes
yes
yes
yes
yes

### loop by recursion
dc -e '0 [1 + d 10 >a] sa la x p'
--- stdout
10

### long loop in constant space
dc -e '[1 + d 50000 >a] sa 0 la x p'
--- stdout
50000

### q and Q
dc -e '[[in]p q [no]p]x [after]p'; echo status=$?; dc -e '[[[in]p 2Q [no]p]x [no2]p]x [after]p'
--- stdout
in
status=0
in
after

### q from standard input
echo '1pq 2p' | dc; echo status=$?
--- stdout
1
status=1

### depth and digits
dc -e 'z 1 2 zp 123.450Zp 0.00012Zp 0Zp 1.5Xp [abc]Zp [abc]Xp'
--- stdout
3
6
2
1
1
3
0

### input and output radix
dc -e '16i FF p A.8p' ; dc -e '16o 255p 10.5p 20o 35p'; dc -e '2i 12p 1.1p'
--- stdout
255
10.5
FF
A.8
 01 15
4
1.5

### parameters
dc -e 'Kp 5k Kp Ip Op 16i Ip'
--- stdout
0
5
10
10
16

### P and a
dc -e '256 65+P [xy]P 65ap [hello]ap' ; echo
--- stdout
AxyA
h


### comments
printf '[#]p # comment\n5p\n' | dc
--- stdout
#
5

### files and expressions
echo '2 3 + p' > f1; dc -e 1p -f f1 -e 3p f1
--- stdout
1
5
3
5

### stdin program
printf '1 2 +\np\n' | dc
--- stdout
3

### question mark reads input
printf '1 2 3 ?p\n' | dc
--- stdout
3

### divide by zero
dc -e '1 0/ p'; dc -e '1 0%'; dc -e '1 0~ f'
--- stdout
0
0
1
--- stderr
dc: divide by zero
dc: remainder by zero
dc: divide by zero

### square root of negative
dc -e '_4v f'
--- stderr
dc: square root of negative number

### non-numeric value
dc -e '3 [abc] + f'
--- stdout
abc
3
--- stderr
dc: non-numeric value

### stack empty
dc -e 'p d + Z'
--- stderr
dc: stack empty
dc: stack empty
dc: stack empty
dc: stack empty

### unimplemented command
dc -e 'Y 1p'
--- stdout
'Y' (0131) unimplemented
1
--- stderr noeol
dc: 

### bad radix and scale
dc -e '1i 17i 1o _1k f'
--- stderr
dc: input base must be a number between 2 and 16 (inclusive)
dc: input base must be a number between 2 and 16 (inclusive)
dc: output base must be a number greater than 1
dc: scale must be a nonnegative number

### bad array index
dc -e '1 _1:a f'
--- stderr
dc: array index must be a nonnegative integer

### bad Q
dc -e '0Q f'
--- stderr
dc: Q command requires a number >= 1

### non-integer exponent
dc -e '2 0.5^p 2 _2^p 10k 2 _2^p'
--- stdout
1
0
.2500000000
--- stderr
Runtime warning: non-zero scale in exponent

### unterminated string
dc -e '1p [ab'; echo status=$?
--- stdout
1
status=0

### missing file
dc nofile; echo status=$?
--- stdout
status=0
--- stderr
dc: Could not open file nofile

### shell escape
dc -e '1p !echo hi' -e '2p'
--- stdout
1
hi
2

### errors pop the operand
dc -e '[a]v f [a]i f [a]R f 5 [a];a f [x] 1 [a]:a f [a]Q f'
--- stdout
5
x
5
x
5
--- stderr
dc: square root of nonnumeric attempted
dc: input base must be a number between 2 and 16 (inclusive)
dc: array index must be a nonnegative integer
dc: array index must be a nonnegative integer
dc: Q command requires a number >= 1

### wrap width counted per number
dc -e '2o _2388363318 n 516927596861212083952289 p'
--- stdout
-10001110010110111000100000110110110110101110110101100111000000001010001011111000000110000010101000110\
1010100001

### exponent too large
dc -e '3 10000000000 ^ p 2 _123456789012 ^ p'
--- stdout
1
1
--- stderr
Runtime error: exponent too large in raise
Runtime error: exponent too large in raise

### help
dc --help | head -2
--- stdout
Usage: dc [OPTION] [file ...]
  -e, --expression=EXPR    evaluate expression
