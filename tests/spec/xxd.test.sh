# xxd (xxd 2022-01-14, from vim).
### xxd: default
printf 'hello world, this is xxd!\n' | xxd
--- stdout
00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869  hello world, thi
00000010: 7320 6973 2078 7864 210a                 s is xxd!.

### xxd: -g1 -c8
printf 'hello world, this is xxd!\n' | xxd -g1 -c8
--- stdout
00000000: 68 65 6c 6c 6f 20 77 6f  hello wo
00000008: 72 6c 64 2c 20 74 68 69  rld, thi
00000010: 73 20 69 73 20 78 78 64  s is xxd
00000018: 21 0a                    !.

### xxd: -p
printf 'hello world, this is xxd!\n' | xxd -p
--- stdout
68656c6c6f20776f726c642c207468697320697320787864210a

### xxd: -p wraps at 30 bytes
printf '%040d' 0 | xxd -p
--- stdout
303030303030303030303030303030303030303030303030303030303030
30303030303030303030

### xxd: -i from a file
printf 'hello world, this is xxd!\n' > x1; xxd -i x1
--- stdout
unsigned char x1[] = {
  0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x2c,
  0x20, 0x74, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x20, 0x78, 0x78, 0x64,
  0x21, 0x0a
};
unsigned int x1_len = 26;

### xxd: -i from stdin
printf 'ab' | xxd -i
--- stdout
  0x61, 0x62

### xxd: -u -l
printf 'hello world' | xxd -u -l 4
--- stdout
00000000: 6865 6C6C                                hell

### xxd: -s
printf 'hello world, this is xxd!\n' > x1; xxd -s 6 x1
--- stdout
00000006: 776f 726c 642c 2074 6869 7320 6973 2078  world, this is x
00000016: 7864 210a                                xd!.

### xxd: -b
printf 'hel' | xxd -b
--- stdout
00000000: 01101000 01100101 01101100                             hel

### xxd: -e little endian
printf 'hello world, this is xxd!\n' | xxd -e
--- stdout
00000000: 6c6c6568 6f77206f 2c646c72 69687420  hello world, thi
00000010: 73692073 64787820     0a21           s is xxd!.

### xxd: -g 3
printf 'hello ' | xxd -g 3
--- stdout
00000000: 68656c 6c6f20                          hello 

### xxd: -r -p
printf '68656c6c6f0a' | xxd -r -p
--- stdout
hello

### xxd: round trip
printf 'hello world, this is xxd!\n' | xxd | xxd -r
--- stdout
hello world, this is xxd!

### xxd: binary round trip
printf '\000\001\377abc' | xxd | xxd -r | od -An -tx1
--- stdout
 00 01 ff 61 62 63

### xxd: -a autoskip
printf '%064d' 0 | tr 0 '\0' | xxd -a
--- stdout
00000000: 0000 0000 0000 0000 0000 0000 0000 0000  ................
*
00000030: 0000 0000 0000 0000 0000 0000 0000 0000  ................

### xxd: -o offset
printf 'abc' | xxd -o 256
--- stdout
00000100: 6162 63                                  abc

### xxd: empty input
printf '' | xxd; echo "rc=$?"
--- stdout
rc=0

### xxd: missing file
xxd nope; echo "rc=$?"
--- stdout
rc=2
--- stderr
xxd: nope: No such file or directory

### xxd: output file
printf 'hi' > in; xxd in out; cat out
--- stdout
00000000: 6869                                     hi

### xxd: -C -n names
printf 'A' > f.bin; xxd -i -C f.bin; xxd -i -n data f.bin
--- stdout
unsigned char F_BIN[] = {
  0x41
};
unsigned int F_BIN_LEN = 1;
unsigned char data[] = {
  0x41
};
unsigned int data_len = 1;

### xxd: bad numbers
printf 'ab' | xxd -l x; echo "rc=$?"; printf 'ab' | xxd -c x; echo "rc=$?"
--- stdout
rc=0
00000000: 6162                                     ab
rc=0

### xxd: -s beyond the end
printf 'abc' > f; xxd -s 10 f; echo "rc=$?"
--- stdout
rc=0

### xxd: -r with bad input
printf 'zzzz\n' | xxd -r | od -c; echo "rc=$?"

--- stdout
0000000
rc=0
