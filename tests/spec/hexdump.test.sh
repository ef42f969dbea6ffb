# hexdump (util-linux 2.38).
### hexdump: -C
printf 'hello world\n' | hexdump -C
--- stdout
00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |hello world.|
0000000c

### hexdump: default
printf 'hello world\n' | hexdump
--- stdout
0000000 6568 6c6c 206f 6f77 6c72 0a64          
000000c

### hexdump: -x
printf 'hello world\n' | hexdump -x
--- stdout
0000000    6568    6c6c    206f    6f77    6c72    0a64                
000000c

### hexdump: -c
printf 'hello\tworld\n\001' | hexdump -c
--- stdout
0000000   h   e   l   l   o  \t   w   o   r   l   d  \n 001            
000000d

### hexdump: -b
printf 'hello world\n' | hexdump -b
--- stdout
0000000 150 145 154 154 157 040 167 157 162 154 144 012                
000000c

### hexdump: -d and -o
printf 'abc' | hexdump -d; printf 'abc' | hexdump -o
--- stdout
0000000   25185   00099                                                
0000003
0000000  061141  000143                                                
0000003

### hexdump: repeated lines
printf '%032d' 0 | hexdump -C
--- stdout
00000000  30 30 30 30 30 30 30 30  30 30 30 30 30 30 30 30  |0000000000000000|
*
00000020

### hexdump: -v
printf '%032d' 0 | hexdump -C -v
--- stdout
00000000  30 30 30 30 30 30 30 30  30 30 30 30 30 30 30 30  |0000000000000000|
00000010  30 30 30 30 30 30 30 30  30 30 30 30 30 30 30 30  |0000000000000000|
00000020

### hexdump: -n and -s on a file
printf 'abcdef' > f; hexdump -C -n 3 -s 1 f
--- stdout
00000001  62 63 64                                          |bcd|
00000004

### hexdump: -s on a pipe
printf 'abcdef' | hexdump -C -s 1; echo "rc=$?"
--- stdout
rc=1
--- stderr
hexdump: stdin: Illegal seek

### hexdump: empty input
printf '' | hexdump -C; echo "rc=$?"
--- stdout
rc=0

### hexdump: missing file
hexdump nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
hexdump: nope: No such file or directory
hexdump: all input file arguments failed

### hexdump: two formats
printf 'ab' | hexdump -C -c
--- stdout
00000000  61 62                                             |ab|
0000000   a   b                                                        
0000002

### hexdump: longer input
printf 'The quick brown fox jumps over the lazy dog' | hexdump -C
--- stdout
00000000  54 68 65 20 71 75 69 63  6b 20 62 72 6f 77 6e 20  |The quick brown |
00000010  66 6f 78 20 6a 75 6d 70  73 20 6f 76 65 72 20 74  |fox jumps over t|
00000020  68 65 20 6c 61 7a 79 20  64 6f 67                 |he lazy dog|
0000002b

### hexdump: -C with -n beyond size
printf 'ab' | hexdump -C -n 10
--- stdout
00000000  61 62                                             |ab|
00000002

### hexdump: several files are one stream
printf 'ab' > a; printf 'cd' > b; hexdump -C a b
--- stdout
00000000  61 62 63 64                                       |abcd|
00000004

### hexdump: missing file among others
printf 'ab' > a; hexdump -C a nope; echo "rc=$?"
--- stdout
00000000  61 62                                             |ab|
00000002
rc=1
--- stderr
hexdump: nope: No such file or directory

### hexdump: bad -n
hexdump -n x < /dev/null; echo "rc=$?"

--- stdout
rc=1
--- stderr
hexdump: failed to parse length: 'x': Invalid argument

### hexdump: -x with odd length
printf 'abc' | hexdump -x
--- stdout
0000000    6261    0063                                                
0000003

### hexdump: -c with high bytes
printf '\200\377a\n' | hexdump -c
--- stdout
0000000 200 377   a  \n                                                
0000004

### hexdump: -s beyond the end
printf 'abc' > f; hexdump -C -s 10 f; echo "rc=$?"

--- stdout
00000003
rc=0

### hexdump: -s across files
printf 'abc' > a; printf 'def' > b; hexdump -C -s 4 a b; hexdump -C -s 10 a b
--- stdout
00000004  65 66                                             |ef|
00000006
00000006

### hexdump: -n 0
printf 'abc' > a; hexdump -C -n 0 a; echo "rc=$?"

--- stdout
rc=0

### hexdump: -e iteration and byte counts
printf 'The quick brown fox jumps over the lazy dog\000\001\177\n' > t; hexdump -e '16/1 "%02x " "\n"' t; hexdump -e '4/1 "%3d" "\n"' -n 12 t; hexdump -e '1/4 "%08x" "\n"' -n 12 t; hexdump -e '2/2 "%6u|" "\n"' -n 12 t
--- stdout
54 68 65 20 71 75 69 63 6b 20 62 72 6f 77 6e 20
66 6f 78 20 6a 75 6d 70 73 20 6f 76 65 72 20 74
68 65 20 6c 61 7a 79 20 64 6f 67 00 01 7f 0a   
 84104101 32
113117105 99
107 32 98114
20656854
63697571
7262206b
 26708|  8293|
 30065| 25449|
  8299| 29282|

### hexdump: -e addresses and the end address
printf 'The quick brown fox jumps over the lazy dog\000\001\177\n' > t; hexdump -e '"%07.7_ax  " 16/1 "%02x " "\n"' -e '"%07.7_Ad\n"' t; hexdump -e '"%_ad: " 8 "%02x" "\n"' -n 20 t; hexdump -e '"%_ao %_ax" 4/1 " %c" "\n"' -n 12 t
--- stdout
0000000  54 68 65 20 71 75 69 63 6b 20 62 72 6f 77 6e 20
0000010  66 6f 78 20 6a 75 6d 70 73 20 6f 76 65 72 20 74
0000020  68 65 20 6c 61 7a 79 20 64 6f 67 00 01 7f 0a   
0000047
0: 20656854636975717262206b206e776f20786f66      
0 0 T h e  
4 4 q u i c
10 8 k   b r

### hexdump: -e %_u %_c %_p
printf 'The quick brown fox jumps over the lazy dog\000\001\177\n' > t; hexdump -e '"%_u "' t; echo; hexdump -e '16/1 "%_c" "\n"' t; hexdump -e '8/1 "%_p"' -e '"\n"' t; printf '\200\220\240' | hexdump -e '3/1 "%_u " "\n"'
--- stdout
T h e   q u i c k   b r o w n   f o x   j u m p s   o v e r   t h e   l a z y   d o g nul soh del lf 
The quick brown 
fox jumps over t
he lazy dog\0001177\n
The quic
k brown 
fox jump
s over t
he lazy 
dog....
80 90 a0

### hexdump: -e conversions without a byte count
printf 'The quick brown fox jumps over the lazy dog\000\001\177\n' > t; hexdump -e '"%x\n"' t; hexdump -e '"%d\n"' -n 8 t; hexdump -e '"%i|%o|%X\n"' -n 24 t
--- stdout
20656854
63697571
7262206b
206e776f
20786f66
706d756a
766f2073
74207265
6c206568
20797a61
676f64
a7f01
543516756
1667855729
543516756|14332272561|7262206B
544110447|4036067546|706D756A

### hexdump: -e floating point conversions
printf 'The quick brown fox jumps over the lazy dog\000\001\177\n' > t; hexdump -e '/8 "%e\n"' t; hexdump -e '/4 "%f\n"' -n 16 t; hexdump -e '/4 "%g|%E\n"' -n 16 t
--- stdout
7.686432e+170
1.817839e-152
3.658807e+233
2.355100e+251
3.040384e-152
1.459664e-308
0.000000
4306553914349131399168.000000
4478899400900180525915454832640.000000
0.000000
--- stderr
hexdump: byte count with multiple conversion characters
--- status 1

### hexdump: -e strings with a precision or a byte count
printf 'The quick brown fox jumps over the lazy dog\n' > t; hexdump -e '"%.5s|\n"' t; hexdump -e '5 "%.3s"' -e '"\n"' t; hexdump -e '"%10.4s|" "\n"' -n 12 t
--- stdout
The q|
uick |
brown|
 fox |
jumps|
 over|
 the |
lazy |
dog
|
The quick brown
 fox jumps over
 the lazy dog

      The |
      quic|
      k br|

### hexdump: -e flags and widths
printf 'The quick brown fox\n' > t; hexdump -e '3/1 "%-4x|"' -e '"\n"' t; hexdump -e '4/1 "%#x "' -e '"\n"' t; hexdump -e '4/1 "%+d "' -e '"\n"' t; hexdump -e '4/1 "% 5o"' -e '"\n"' t
--- stdout
54  |68  |65  |
20  |71  |75  |
69  |63  |6b  |
20  |62  |72  |
6f  |77  |6e  |
20  |66  |6f  |
78  |a   |    |
0x54 0x68 0x65 0x20
0x71 0x75 0x69 0x63
0x6b 0x20 0x62 0x72
0x6f 0x77 0x6e 0x20
0x66 0x6f 0x78 0xa
+84 +104 +101 +32
+113 +117 +105 +99
+107 +32 +98 +114
+111 +119 +110 +32
+102 +111 +120 +10
  124  150  145   40
  161  165  151  143
  153   40  142  162
  157  167  156   40
  146  157  170   12

### hexdump: -e written as -C
printf 'The quick brown fox jumps over the lazy dog\n' > t; hexdump -e '"%08.8_Ax\n"' -e '"%08.8_ax  " 8/1 "%02x " "  " 8/1 "%02x "' -e '"  |" 16/1 "%_p" "|\n"' t
--- stdout
00000000  54 68 65 20 71 75 69 63  6b 20 62 72 6f 77 6e 20  |The quick brown |
00000010  66 6f 78 20 6a 75 6d 70  73 20 6f 76 65 72 20 74  |fox jumps over t|
00000020  68 65 20 6c 61 7a 79 20  64 6f 67 0a              |he lazy dog.|
0000002c

### hexdump: -e squeezing and -v
printf '%064d' 0 | hexdump -e '16/1 "%02x" "\n"'; printf '%064d' 0 | hexdump -v -e '16/1 "%02x" "\n"'; printf '%064d' 0 | hexdump -e '"%_ad " 16/1 "%02x" "\n"' -e '"%_Ax\n"'
--- stdout
30303030303030303030303030303030
*
30303030303030303030303030303030
30303030303030303030303030303030
30303030303030303030303030303030
30303030303030303030303030303030
0 30303030303030303030303030303030
*
40

### hexdump: -e blank padding past the end of the data
printf 'ab' | hexdump -e '"%_ad " 4/1 "%02x" "\n"' -e '"end %_Ad\n"'; printf 'abcdefg' | hexdump -e '4/1 "%02x" " " "|\n"'; printf 'abcdefg' | hexdump -e '2/2 "%04x " "\n"'; printf 'abcdefg' | hexdump -e '/2 "%04x " "\n"'; printf 'abcdefg' | hexdump -e '1/8 "%016x" "\n"'
--- stdout
0 6162    
end 2
61626364 |
656667   |
6261 6463
6665 0067
6261 
6463 
6665 
0067 
0067666564636261

### hexdump: -e %c and text around it
printf 'abcdefg' | hexdump -e '"%c%c\n"'; printf 'abcdefg' | hexdump -e '"[" 3/1 "%c" "]\n"'; printf 'ab' | hexdump -e '"\t|\\|%c\n"' | od -c
--- stdout
ab
cd
ef
g
[abc]
[def]
[g]
0000000

### hexdump: -e format errors
printf 'abc' > t; for f in '"%z"' '3/3 "%x"' '2/1 "%x%x"' '"%s"' '"%_z"' '"%_ay"' 'abc' '"abc' '1x "%x"' '4/3 "%c"' '4/2 "%_c"' '4/3 "%e"' '"%%"' '"%*d"' '"%ld"'; do hexdump -e "$f" t; echo "rc=$?"; done
--- stdout
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
--- stderr
hexdump: bad conversion character %z
hexdump: bad byte count for conversion character x
hexdump: byte count with multiple conversion characters
hexdump: %s requires a precision or a byte count
hexdump: bad conversion character %_z
hexdump: bad conversion character %_ay
hexdump: bad format {abc}
hexdump: bad format {"abc}
hexdump: bad format {1x "%x"}
hexdump: bad byte count for conversion character c
hexdump: bad byte count for conversion character _c
hexdump: bad byte count for conversion character e
hexdump: bad conversion character %%
hexdump: bad conversion character %*
hexdump: bad conversion character %l

### hexdump: -e with -n and -s
printf 'The quick brown fox jumps over the lazy dog\n' > t; hexdump -n 5 -e '"%_ad " 4/1 "%02x" "\n"' t; hexdump -s 40 -e '"%_ad " 4/1 "%02x" "\n"' t; hexdump -s 3 -n 6 -c t
--- stdout
0 54686520
4 71      
40 646f670a
0000003       q   u   i   c   k                                        
0000009

### hexdump: a format that reads nothing prints nothing
printf 'ab' | hexdump -e '"x\n"'; echo "rc=$?"
--- stdout
rc=0

### hexdump: -f format file
printf 'The quick brown fox\n' > t; printf '"%%07.7_ax " 8/1 "%%02x " "\\n"\n# comment\n\n  "%%07.7_Ax\\n"\n' > fmt; hexdump -f fmt t; hexdump -f nofile t; echo "rc=$?"
--- stdout
0000000 54 68 65 20 71 75 69 63
0000008 6b 20 62 72 6f 77 6e 20
0000010 66 6f 78 0a            
0000014
rc=1
--- stderr
hexdump: can't read nofile: No such file or directory

### hexdump: standard formats mixed with -e
printf 'The quick brown fox\n' > t; hexdump -b -e '"%_ad|" 16/1 "%c" "\n"' t; seq 1000 | hexdump -C | tail -3
--- stdout
0000000 124 150 145 040 161 165 151 143 153 040 142 162 157 167 156 040
0|The quick brown 
0000010 146 157 170 012                                                
16|fox

0000014
00000f20  39 39 36 0a 39 39 37 0a  39 39 38 0a 39 39 39 0a  |996.997.998.999.|
00000f30  31 30 30 30 0a                                    |1000.|
00000f35

### hexdump: -e backslash escapes as util-linux 2.38 applies them
printf 'ab' | hexdump -e '"a\tb\tc%c\n"' | od -c; printf 'ab' | hexdump -e '"\t|%c\n"'; echo "rc=$?"; printf 'ab' | hexdump -e '"ab\\\\cd%02x\n"' | od -c
--- stdout
0000000
rc=1
0000000
--- stderr
hexdump: bad conversion character %

hexdump: bad conversion character %

