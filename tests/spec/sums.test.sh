# md5sum, sha*sum, b2sum, cksum, sum (GNU coreutils 9.1).
### md5sum: stdin
printf 'hello\n' | md5sum
--- stdout
b1946ac92492d2347c6235b4d2611184  -

### md5sum: files
printf 'hello\n' > h; printf '' > e; md5sum h e
--- stdout
b1946ac92492d2347c6235b4d2611184  h
d41d8cd98f00b204e9800998ecf8427e  e

### sha1sum and sha224sum
printf 'abc' | sha1sum; printf 'abc' | sha224sum
--- stdout
a9993e364706816aba3e25717850c26c9cd0d89d  -
23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7  -

### sha256sum sha384sum sha512sum
printf 'abc' | sha256sum; printf 'abc' | sha384sum; printf 'abc' | sha512sum
--- stdout
ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -
cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7  -
ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f  -

### b2sum
printf 'abc' | b2sum
--- stdout
ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923  -

### md5sum: --tag
printf 'x' > f; md5sum --tag f; sha256sum --tag f
--- stdout
MD5 (f) = 9dd4e461268c8034f5c8564e155c67a6
SHA256 (f) = 2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881

### md5sum: -b marker
printf 'x' | md5sum -b
--- stdout
9dd4e461268c8034f5c8564e155c67a6 *-

### md5sum: -z
printf 'x' > f; md5sum -z f | tr '\0' '|'; echo
--- stdout
9dd4e461268c8034f5c8564e155c67a6  f|

### md5sum: name with newline is escaped
printf 'x' > 'a
b'; md5sum 'a
b'
--- stdout
\9dd4e461268c8034f5c8564e155c67a6  a\nb

### md5sum: missing file
md5sum nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
md5sum: nope: No such file or directory

### md5sum: -c OK
printf 'hello\n' > h; md5sum h > s; md5sum -c s; echo "rc=$?"
--- stdout
h: OK
rc=0

### md5sum: -c FAILED
printf 'hello\n' > h; printf '0123456789abcdef0123456789abcdef  h\n' > s; md5sum -c s; echo "rc=$?"
--- stdout
h: FAILED
rc=1
--- stderr
md5sum: WARNING: 1 computed checksum did NOT match

### md5sum: -c --quiet and --status
printf 'hello\n' > h; printf '0123456789abcdef0123456789abcdef  h\n' > s; md5sum -c --quiet s; echo "rc=$?"; md5sum -c --status s; echo "rc=$?"
--- stdout
h: FAILED
rc=1
rc=1
--- stderr
md5sum: WARNING: 1 computed checksum did NOT match

### md5sum: -c improperly formatted line
printf 'hello\n' > h; md5sum h > s; echo bad >> s; md5sum -c s; echo "rc=$?"; md5sum -c --strict s; echo "rc=$?"
--- stdout
h: OK
rc=0
h: OK
rc=1
--- stderr
md5sum: WARNING: 1 line is improperly formatted
md5sum: WARNING: 1 line is improperly formatted

### md5sum: -c -w warns
printf 'hello\n' > h; md5sum h > s; echo bad >> s; md5sum -c -w s
--- stdout
h: OK
--- stderr
md5sum: s: 2: improperly formatted MD5 checksum line
md5sum: WARNING: 1 line is improperly formatted

### md5sum: -c missing listed file
echo 'd41d8cd98f00b204e9800998ecf8427e  nope' | md5sum -c; echo "rc=$?"
--- stdout
nope: FAILED open or read
rc=1
--- stderr
md5sum: nope: No such file or directory
md5sum: WARNING: 1 listed file could not be read

### md5sum: -c --ignore-missing
printf 'hello\n' > h; md5sum h > s; echo 'd41d8cd98f00b204e9800998ecf8427e  nope' >> s; md5sum -c --ignore-missing s; echo "rc=$?"
--- stdout
h: OK
rc=0

### md5sum: -c nothing valid
echo zzz | md5sum -c; echo "rc=$?"
--- stdout
rc=1
--- stderr
md5sum: 'standard input': no properly formatted checksum lines found

### md5sum: -c tag format
printf 'x' > f; sha1sum --tag f > s; sha1sum -c s
--- stdout
f: OK

### md5sum: --status without -c
md5sum --status < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
md5sum: the --status option is meaningful only when verifying checksums
Try 'md5sum --help' for more information.

### md5sum: --tag with -c
md5sum --tag -c < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
md5sum: the --tag option is meaningless when verifying checksums
Try 'md5sum --help' for more information.

### cksum: crc
printf 'hello\n' > h; cksum h; cksum < h
--- stdout
3015617425 6 h
3015617425 6

### cksum: empty
printf '' | cksum
--- stdout
4294967295 0

### cksum: -a md5 and --untagged
printf 'hello\n' > h; cksum -a md5 h; cksum -a sha256 --untagged h
--- stdout
MD5 (h) = b1946ac92492d2347c6235b4d2611184
5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  h

### cksum: -a sysv and bsd
printf 'hello\n' > h; cksum -a sysv h; cksum -a bsd h
--- stdout
542 1 h
36979     1 h

### cksum: invalid algorithm
cksum -a foo < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cksum: invalid argument ‘foo’ for ‘--algorithm’
Valid arguments are:
  - ‘bsd’
  - ‘sysv’
  - ‘crc’
  - ‘md5’
  - ‘sha1’
  - ‘sha224’
  - ‘sha256’
  - ‘sha384’
  - ‘sha512’
  - ‘blake2b’
  - ‘sm3’
Try 'cksum --help' for more information.

### sum: bsd and sysv
printf 'hello\n' > h; sum h; sum -s h; sum < h
--- stdout
36979     1 h
542 1 h
36979     1

### sum: several files
printf 'a' > a; printf 'b' > b; sum a b
--- stdout
00097     1 a
00098     1 b

### sum: missing file
sum nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
sum: nope: No such file or directory
