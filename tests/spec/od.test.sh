# od (GNU coreutils 9.1).
### od: default octal words
printf 'abcdefgh12345678xyz' | od
--- stdout
0000000 061141 062143 063145 064147 031061 032063 033065 034067
0000020 074570 000172
0000023

### od: -c
printf 'a\tb\n\001\377' | od -c
--- stdout
0000000   a  \t   b  \n 001 377
0000006

### od: -t x1z
printf 'abcdefgh12345678xyz' | od -t x1z
--- stdout
0000000 61 62 63 64 65 66 67 68 31 32 33 34 35 36 37 38  >abcdefgh12345678<
0000020 78 79 7a                                         >xyz<
0000023

### od: -A x -t d4
printf 'abcdefgh12345678xyz' | od -A x -t d4
--- stdout
000000  1684234849  1751606885   875770417   943142453
000010     8026488
000013

### od: -A n -t x1
printf 'hello' | od -An -tx1
--- stdout
 68 65 6c 6c 6f

### od: -A d -N
printf 'abcdefgh12345678xyz' | od -A d -N 5 -c
--- stdout
0000000   a   b   c   d   e
0000005

### od: several types aligned
printf 'abcdefgh' | od -t o1 -t x2
--- stdout
0000000 141 142 143 144 145 146 147 150
           6261    6463    6665    6867
0000010

### od: -bc
printf 'hello world' | od -bc
--- stdout
0000000 150 145 154 154 157 040 167 157 162 154 144
          h   e   l   l   o       w   o   r   l   d
0000013

### od: classic -x -s -d -i -l
printf 'abcdefgh' > f; od -x f; od -s f; od -d f; od -i f; od -l f
--- stdout
0000000 6261 6463 6665 6867
0000010
0000000  25185  25699  26213  26727
0000010
0000000 25185 25699 26213 26727
0000010
0000000  1684234849  1751606885
0000010
0000000  7523094288207667809
0000010

### od: -a named characters
printf 'a\000 \n\177' | od -a
--- stdout
0000000   a nul  sp  nl del
0000005

### od: duplicate lines collapse
printf '%032d' 0 | od -c
--- stdout
0000000   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0
*
0000040

### od: -v shows duplicates
printf '%032d' 0 | od -v -c
--- stdout
0000000   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0
0000020   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0
0000040

### od: -j skip and -w width
printf 'abcdefgh12345678xyz' | od -j 16 -c; printf 'abcdefgh' | od -w4 -tx1
--- stdout
0000020   x   y   z
0000023
0000000 61 62 63 64
0000004 65 66 67 68
0000010

### od: floats
printf 'abcdefgh12345678' | od -t fF; printf 'abcdefgh12345678' | od -t fD
--- stdout
0000000   1.6777999e+22    4.371022e+24   1.6688934e-07   4.3681084e-05
0000020
0000000   8.540883223036124e+194    6.821320051701325e-38
0000020

### od: unsigned 8-byte and d1
printf 'abcdefgh' | od -t u8; printf 'ab\200' | od -t d1
--- stdout
0000000  7523094288207667809
0000010
0000000   97   98 -128
0000003

### od: big endian
printf 'ab' | od --endian=big -t x2
--- stdout
0000000 6162
0000002

### od: empty input
printf '' | od
--- stdout
0000000

### od: invalid type size
od -t x3 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
od: invalid type string ‘x3’;
this system doesn't provide a 3-byte integral type

### od: invalid type character
od -t q < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
od: invalid character 'q' in type string ‘q’

### od: invalid radix
od -A q < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
od: invalid output address radix 'q'; it must be one character from [doxn]

### od: missing file
od nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
od: nope: No such file or directory

### od: several files concatenate
printf 'ab' > a; printf 'cd' > b; od -c a b
--- stdout
0000000   a   b   c   d
0000004

### od: bad -N and -j
od -N x < /dev/null; echo "rc=$?"; od -j x < /dev/null; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
od: invalid -N argument 'x'
od: invalid -j argument 'x'

### od: -j beyond the end
printf 'abc' > f; od -j 10 f; echo "rc=$?"
--- stdout
rc=1
--- stderr
od: cannot skip past end of combined input

### od: missing file among others
printf 'ab' > f; od -c f nope; echo "rc=$?"
--- stdout
0000000   a   b
0000002
rc=1
--- stderr
od: nope: No such file or directory

### od: bad -w
od -w x < /dev/null; echo "rc=$?"

--- stdout
rc=1
--- stderr
od: x: No such file or directory

### od: bad --read-bytes long option
od --read-bytes=x < /dev/null; echo "rc=$?"; od --skip-bytes x < /dev/null; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
od: invalid --read-bytes argument 'x'
od: invalid --skip-bytes argument 'x'

### head and tail: huge byte counts
seq 3 | head -c 99999999999999999999999; echo "rc=$?"; tail -n +99999999999999999999999 < /dev/null; echo "rc=$?"

--- stdout
rc=1
rc=1
--- stderr
head: invalid number of bytes: ‘99999999999999999999999’: Value too large for defined data type
tail: invalid number of lines: ‘+99999999999999999999999’: Value too large for defined data type

### od: -w argument errors and width 0
od -w99999999999999999999 /dev/null; echo rc=$?; od -wx /dev/null; echo rc=$?; od -w-1 /dev/null; echo rc=$?; od -w1K /dev/null; echo rc=$?; od -w0 -tx1 /dev/null; echo rc=$?; od -w0 -tx4 -tx2 /dev/null; printf abcdef | od -w3 -tx1 -tx2; printf abcdef | od -w0
--- stdout
rc=1
rc=1
rc=1
rc=1
0000000
rc=0
0000000
0000000 61 62
         6261
0000002 63 64
         6463
0000004 65 66
         6665
0000006
0000000 061141
0000002 062143
0000004 063145
0000006
--- stderr
od: -w argument '99999999999999999999' too large
od: invalid -w argument 'x'
od: invalid -w argument '-1'
od: invalid suffix in -w argument '1K'
od: warning: invalid width 0; using 1 instead
od: warning: invalid width 0; using 4 instead
od: warning: invalid width 3; using 2 instead
od: warning: invalid width 0; using 2 instead
