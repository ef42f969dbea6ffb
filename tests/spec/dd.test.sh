# dd (GNU coreutils 9 on the reference machine); status=noxfer or none,
# since the transfer line carries a time
### copy a file
printf 'hello world\n' > f; dd if=f of=g status=noxfer; cat g
--- stdout
hello world
--- stderr
0+1 records in
0+1 records out

### block size and count
printf 'hello world\n' > f; dd if=f bs=5 count=1 status=none; echo
--- stdout
hello

### skip
printf 'hello world\n' > f; dd if=f bs=5 skip=1 count=1 status=none; echo
--- stdout
 worl

### upper case
printf 'hello world\n' > f; dd if=f conv=ucase status=none
--- stdout
HELLO WORLD

### lower case from stdin
printf 'HeLLo\n' | dd conv=lcase status=none
--- stdout
hello

### different input and output block sizes
printf 'hello world\n' > f; dd if=f ibs=4 obs=5 of=h status=noxfer; cat h
--- stdout
hello world
--- stderr
3+0 records in
2+1 records out

### seek with notrunc
printf 'hello world\n' > f; printf 'XXXXXXXXXXXXXXXX' > o; dd if=f of=o seek=1 bs=2 conv=notrunc status=none; cat o; echo
--- stdout
XXhello world
XX

### seek truncates after the offset
printf 'abcdefghij' > o; printf 'XY' > f; dd if=f of=o seek=3 bs=1 status=none; cat o; echo
--- stdout
abcXY

### seek past the end
printf 'ab' > f; dd if=f of=o seek=2 bs=3 status=none; cat -v o; echo
--- stdout
^@^@^@^@^@^@ab

### sync pads blocks
printf 'abcde' > f; dd if=f bs=4 conv=sync status=none | cat -v; echo
--- stdout
abcde^@^@^@

### swab
printf 'abcd' | dd conv=swab status=none; echo
--- stdout
badc

### count bytes and skip bytes
printf 'hello world\n' > f; dd if=f iflag=count_bytes count=3 status=none; echo; dd if=f iflag=skip_bytes skip=6 status=none
--- stdout
hel
world

### records from stdin
head -c 2000 /dev/zero | dd of=/dev/null status=noxfer
--- stderr
3+1 records in
3+1 records out

### size suffixes
head -c 3000 /dev/zero > z; dd if=z of=y bs=1K status=noxfer; dd if=z of=y bs=2x512 count=2 status=noxfer
--- stderr
2+1 records in
2+1 records out
2+0 records in
2+0 records out

### missing input
dd if=nope; echo $?
--- stdout
1
--- stderr
dd: failed to open 'nope': No such file or directory

### exclusive output exists
touch f g; dd if=f of=g conv=excl; echo $?
--- stdout
1
--- stderr
dd: failed to open 'g': File exists

### no create
touch f; dd if=f of=g conv=nocreat; echo $?
--- stdout
1
--- stderr
dd: failed to open 'g': No such file or directory

### unrecognized operand
dd foo; echo $?
--- stdout
1
--- stderr
dd: unrecognized operand ‘foo’
Try 'dd --help' for more information.

### invalid number
dd bs=x; echo $?
--- stdout
1
--- stderr
dd: invalid number: ‘x’

### invalid conversion
dd conv=foo; echo $?
--- stdout
1
--- stderr
dd: invalid conversion: ‘foo’
Try 'dd --help' for more information.

### invalid status
dd status=foo; echo $?
--- stdout
1
--- stderr
dd: invalid status level: ‘foo’
Try 'dd --help' for more information.

### lcase with ucase
dd conv=lcase,ucase; echo $?
--- stdout
1
--- stderr
dd: cannot combine lcase and ucase

### append
printf 'ab' > o; printf 'cd' > f; dd if=f of=o oflag=append conv=notrunc status=none; cat o; echo
--- stdout
abcd
