# base64, base32, basenc (GNU coreutils 9.1).
### base64: encode
printf 'hello world' | base64
--- stdout
aGVsbG8gd29ybGQ=

### base64: encode wraps at 76
printf '%0100d' 0 | base64
--- stdout
MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw
MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA==

### base64: -w
printf 'abcdefghijklmnopqrstuvwxyz' | base64 -w 10
--- stdout
YWJjZGVmZ2
hpamtsbW5v
cHFyc3R1dn
d4eXo=

### base64: -w 0
printf '%060d' 0 | base64 -w 0; echo
--- stdout
MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw

### base64: decode
printf 'aGVsbG8gd29ybGQ=\n' | base64 -d; echo
--- stdout
hello world

### base64: decode without padding
printf 'YQ' | base64 -d; echo "|rc=$?"
--- stdout
a|rc=1
--- stderr
base64: invalid input

### base64: decode concatenated groups
printf 'YQ==YQ==' | base64 -d; echo
--- stdout
aa

### base64: invalid input
printf 'Y Q==' | base64 -d; echo "rc=$?"
--- stdout
rc=1
--- stderr
base64: invalid input

### base64: partial group then garbage
printf 'YWJj*' | base64 -d; echo "|rc=$?"
--- stdout
abc|rc=1
--- stderr
base64: invalid input

### base64: -i ignores garbage
printf 'Y*Q=\n=' | base64 -di; echo
--- stdout
a

### base64: round trip of binary data
printf '\000\001\377\376' | base64 | base64 -d | od -An -tx1
--- stdout
 00 01 ff fe

### base64: empty input
printf '' | base64 | wc -c
--- stdout
0

### base64: file operand
printf 'xyz' > f; base64 f
--- stdout
eHl6

### base64: missing file
base64 nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
base64: nope: No such file or directory

### base64: extra operand
base64 a b; echo "rc=$?"
--- stdout
rc=1
--- stderr
base64: extra operand ‘b’
Try 'base64 --help' for more information.

### base64: invalid wrap
base64 -w x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
base64: invalid wrap size: ‘x’

### base32: encode and decode
printf 'hi' | base32; printf 'NBUQ====' | base32 -d; echo
--- stdout
NBUQ====
hi

### base32: longer
printf 'hello world' | base32
--- stdout
NBSWY3DPEB3W64TMMQ======

### basenc: base16
printf 'hello' | basenc --base16; echo; printf '68656C6C6F' | basenc --base16 -d; echo
--- stdout
68656C6C6F

hello

### basenc: base16 lowercase is invalid
printf '68656c6c6f' | basenc --base16 -d; echo "|rc=$?"
--- stdout
he|rc=1
--- stderr
basenc: invalid input

### basenc: base32hex and base64url
printf 'hi' | basenc --base32hex; printf '>>?' | basenc --base64url
--- stdout
D1KG====
Pj4_

### basenc: base2
printf 'ab' | basenc --base2msbf; printf 'ab' | basenc --base2lsbf
--- stdout
0110000101100010
1000011001000110

### basenc: base2 decode
printf '0110000101100010' | basenc --base2msbf -d; echo
--- stdout
ab

### basenc: z85
printf 'abcd' | basenc --z85; echo; printf 'vpA.S' | basenc --z85 -d; echo
--- stdout
vpA.S

abcd

### basenc: z85 length
printf 'abc' | basenc --z85; echo "rc=$?"
--- stdout
rc=1
--- stderr
basenc: invalid input (length must be multiple of 4 characters)

### basenc: missing encoding
basenc < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
basenc: missing encoding type
Try 'basenc --help' for more information.

### base64 base32 basenc of a directory: read error
mkdir d; base64 d; echo $?; base32 d; echo $?; basenc --base64 d; echo $?
--- stdout
1
1
1
--- stderr
base64: read error: Is a directory
base32: read error: Is a directory
basenc: read error: Is a directory
