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
