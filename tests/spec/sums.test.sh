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

### cksum: all digest algorithms
printf "hello\n" > h; for a in md5 sha1 sha224 sha256 sha384 sha512 blake2b sm3; do cksum -a $a h; done
--- stdout
MD5 (h) = b1946ac92492d2347c6235b4d2611184
SHA1 (h) = f572d396fae9206628714fb2ce00f72e94f2258f
SHA224 (h) = 2d6d67d91d0badcdd06cbbba1fe11538a68a37ec9c2e26457ceff12b
SHA256 (h) = 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03
SHA384 (h) = 1d0f284efe3edea4b9ca3bd514fa134b17eae361ccc7a1eefeff801b9bd6604e01f21f6bf249ef030599f0c218f2ba8c
SHA512 (h) = e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629
BLAKE2b (h) = f60ce482e5cc1229f39d71313171a8d9f4ca3a87d066bf4b205effb528192a75f14f3271e2c1a90e1de53f275b4d4793eef2f5e31ea90d2ce29d2e481c36435f
SM3 (h) = f7a87a195b0cc0052b9d598482212ceb07e4ea60e8d139a5dfeff36c24abf2b3

### cksum: -a blake2b -l
printf "hello\n" > h; cksum -a blake2b -l 128 h; cksum -a blake2b -l 8 h; cksum -a blake2b -l 512 h; cksum -a blake2b -l 256 --untagged h
--- stdout
BLAKE2b-128 (h) = ea41b4de6c03f13a95758b28dd75693e
BLAKE2b-8 (h) = 27
BLAKE2b (h) = f60ce482e5cc1229f39d71313171a8d9f4ca3a87d066bf4b205effb528192a75f14f3271e2c1a90e1de53f275b4d4793eef2f5e31ea90d2ce29d2e481c36435f
93becc6e9882211c3ec3708c95bcd69baab7bb59c7f4bc84ce637b88a534b783  h

### cksum: -l errors
cksum -l 128 < /dev/null; cksum -a md5 -l 128 < /dev/null; cksum -a blake2b -l 12 < /dev/null; cksum -a blake2b -l 1024 < /dev/null; cksum -a blake2b -l x < /dev/null; echo $?
--- stdout
1
--- stderr
cksum: --length is only supported with --algorithm=blake2b
cksum: --length is only supported with --algorithm=blake2b
cksum: invalid length: ‘12’
cksum: length is not a multiple of 8
cksum: invalid length: ‘1024’
cksum: maximum digest length for ‘BLAKE2b’ is 512 bits
cksum: invalid length: ‘x’

### cksum: --untagged and --tag
printf "x" > f; cksum -a sha1 --untagged f; cksum -a sha1 --untagged --tag f; cksum --untagged f
--- stdout
11f6ad8ec52a2984abaafd7c3b516503785c2072  f
SHA1 (f) = 11f6ad8ec52a2984abaafd7c3b516503785c2072
12738659 1 f

### cksum: -z
printf "x" > f; cksum -z f | tr "\0" "|"; echo; cksum -a md5 -z f | tr "\0" "|"; echo
--- stdout
12738659 1 f|
MD5 (f) = 9dd4e461268c8034f5c8564e155c67a6|

### cksum: name with newline is escaped
printf "x" > "a
b"; cksum -a md5 a*; cksum -a md5 --untagged a*; cksum -a md5 -z a* | tr "\0" "|"; echo
--- stdout
\MD5 (a\nb) = 9dd4e461268c8034f5c8564e155c67a6
\9dd4e461268c8034f5c8564e155c67a6  a\nb
MD5 (a
b) = 9dd4e461268c8034f5c8564e155c67a6|

### cksum: stdin and files
printf "x" > f; printf "y" | cksum -a sha256 f - f
--- stdout
SHA256 (f) = 2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881
SHA256 (-) = a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa
SHA256 (f) = 2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881

### cksum: missing file
printf "x" > f; cksum f nope f; echo $?; cksum -a md5 nope; echo $?
--- stdout
12738659 1 f
12738659 1 f
1
1
--- stderr
cksum: nope: No such file or directory
cksum: nope: No such file or directory

### cksum: -c tagged lines of several algorithms
printf "hello\n" > h; printf "world\n" > w; { cksum -a md5 h; cksum -a sha256 w; cksum -a blake2b -l 64 h; cksum -a sm3 w; cksum -a blake2b w; } > sums; cksum -c sums; echo $?
--- stdout
h: OK
w: OK
h: OK
w: OK
w: OK
0

### cksum: -c untagged lines need -a
printf "hello\n" > h; cksum -a md5 --untagged h > u; cksum -c u; echo $?; cksum -a md5 -c u; echo $?
--- stdout
1
h: OK
0
--- stderr
cksum: u: no properly formatted checksum lines found

### cksum: -c with -a rejects other tags
printf "hello\n" > h; cksum -a md5 h > s; cksum -a sha1 -c s; echo $?; cksum -a md5 -c s; echo $?
--- stdout
1
h: OK
0
--- stderr
cksum: s: no properly formatted checksum lines found

### cksum: -c blake2b length from the line
printf "hello\n" > h; cksum -a blake2b -l 128 --untagged h > u; cksum -a blake2b -c u; echo $?
--- stdout
h: OK
0

### cksum: -c FAILED and warnings
printf "hello\n" > h; cksum -a md5 h > s; echo garbage >> s; echo "MD5 (nope) = b1946ac92492d2347c6235b4d2611184" >> s; echo "MD5 (h) = 00000000000000000000000000000000" >> s; cksum -c s; echo $?
--- stdout
h: OK
nope: FAILED open or read
h: FAILED
1
--- stderr
cksum: nope: No such file or directory
cksum: WARNING: 1 line is improperly formatted
cksum: WARNING: 1 listed file could not be read
cksum: WARNING: 1 computed checksum did NOT match

### cksum: -c --warn --strict
printf "hello\n" > h; cksum -a sha1 h > s; echo garbage >> s; cksum -c --warn s; echo $?; cksum -c --strict s; echo $?
--- stdout
h: OK
0
h: OK
1
--- stderr
cksum: s: 2: improperly formatted SHA1 checksum line
cksum: WARNING: 1 line is improperly formatted
cksum: WARNING: 1 line is improperly formatted

### cksum: -c --quiet and --status
printf "hello\n" > h; cksum -a md5 h > s; echo "MD5 (h) = 00000000000000000000000000000000" >> s; cksum -c --quiet s; echo $?; cksum -c --status s; echo $?; cksum -a md5 h | cksum -c --status; echo $?
--- stdout
h: FAILED
1
1
0
--- stderr
cksum: WARNING: 1 computed checksum did NOT match

### cksum: -c --ignore-missing
printf "hello\n" > h; { cksum -a md5 h; echo "MD5 (nope) = b1946ac92492d2347c6235b4d2611184"; } > s; cksum -c --ignore-missing s; echo $?; echo "MD5 (nope) = b1946ac92492d2347c6235b4d2611184" > m; cksum -c --ignore-missing m; echo $?
--- stdout
h: OK
0
1
--- stderr
cksum: m: no file was verified

### cksum: -c nothing valid
echo garbage > g; cksum -c g; echo $?; cksum -c -w g; cksum -a md5 -c -w g; echo garbage | cksum -c; echo $?
--- stdout
1
1
--- stderr
cksum: g: no properly formatted checksum lines found
cksum: g: 1: improperly formatted CRC checksum line
cksum: g: no properly formatted checksum lines found
cksum: g: 1: improperly formatted MD5 checksum line
cksum: g: no properly formatted checksum lines found
cksum: 'standard input': no properly formatted checksum lines found

### cksum: -c uppercase hex and compact tag
printf "hello\n" > h; echo "MD5 (h) = B1946AC92492D2347C6235B4D2611184" > s; echo "MD5(h)=b1946ac92492d2347c6235b4d2611184" >> s; cksum -c s
--- stdout
h: OK
h: OK

### cksum: -c crc lines are not supported
printf "hello\n" > h; cksum h > s; cksum -c s; echo $?; cksum -a crc -c s; echo $?; cksum -a sysv -c s; echo $?
--- stdout
1
1
1
--- stderr
cksum: s: no properly formatted checksum lines found
cksum: --check is not supported with --algorithm={bsd,sysv,crc}
cksum: --check is not supported with --algorithm={bsd,sysv,crc}

### cksum: -c comments and missing checksum file
printf "hello\n" > h; { echo "# comment"; cksum -a sha1 h; } > s; cksum -c s; cksum -c nofile; echo $?
--- stdout
h: OK
1
--- stderr
cksum: nofile: No such file or directory

### cksum: -c escaped name
printf "x" > "a\\b"; cksum -a md5 "a\\b" > s; cat s; cksum -c s
--- stdout
\MD5 (a\\b) = 9dd4e461268c8034f5c8564e155c67a6
a\b: OK

### cksum: options meaningful only with -c
cksum --quiet < /dev/null; cksum --status < /dev/null; cksum -w < /dev/null; cksum --strict < /dev/null; cksum --ignore-missing < /dev/null; echo $?
--- stdout
1
--- stderr
cksum: the --quiet option is meaningful only when verifying checksums
Try 'cksum --help' for more information.
cksum: the --status option is meaningful only when verifying checksums
Try 'cksum --help' for more information.
cksum: the --warn option is meaningful only when verifying checksums
Try 'cksum --help' for more information.
cksum: the --strict option is meaningful only when verifying checksums
Try 'cksum --help' for more information.
cksum: the --ignore-missing option is meaningful only when verifying checksums
Try 'cksum --help' for more information.

### cksum: -z with -c
cksum -z -c < /dev/null; echo $?
--- stdout
1
--- stderr
cksum: the --zero option is not supported when verifying checksums
Try 'cksum --help' for more information.

### cksum: bad option
cksum --base64 < /dev/null; echo $?

--- stdout
1
--- stderr
cksum: unrecognized option '--base64'
Try 'cksum --help' for more information.

### b2sum: -l lengths, tagged and untagged
printf hello > h; b2sum -l 256 h; b2sum -l 256 --tag h; b2sum -l 8 h; b2sum -l 0 h
--- stdout
324dcf027dd4a30a932c441f365a25e86b173defa4b8e58948253471b81b72cf  h
BLAKE2b-256 (h) = 324dcf027dd4a30a932c441f365a25e86b173defa4b8e58948253471b81b72cf
29  h
e4cfa39a3d37be31c59609e807970799caa68a19bfaa15135f165085e01d41a65ba1e1b146aeb6bd0092b49eac214c103ccfa3a365954bbbe52f74a2b3620c94  h

### b2sum: -l errors
printf hello > h; b2sum -l 12 h; b2sum -l 1024 h; b2sum -l x h; echo rc=$?
--- stdout
rc=1
--- stderr
b2sum: invalid length: ‘12’
b2sum: length is not a multiple of 8
b2sum: invalid length: ‘1024’
b2sum: maximum digest length for ‘BLAKE2b’ is 512 bits
b2sum: invalid length: ‘x’

### b2sum: -c of shorter digests, with or without -l
printf hello > h; printf y > 'c\d'; b2sum -l 256 h 'c\d' > s; cat s; b2sum -c s; b2sum -l 128 -c s; b2sum --tag -l 256 h | b2sum -c; b2sum --tag -l 256 h | cksum -c
--- stdout
324dcf027dd4a30a932c441f365a25e86b173defa4b8e58948253471b81b72cf  h
\affab3912ecb865f83fd76b3a4bf2a9fc5692d635a54444f45435cbf4ac9b84b  c\\d
h: OK
c\d: OK
h: OK
c\d: OK
h: OK
h: OK

### sums: carriage returns in names are escaped
printf x > "$(printf 'a\rb')"; md5sum a*; cksum -a md5 a*; cksum -a md5 --untagged a* | od -c | head -3; md5sum a* | md5sum -c
--- stdout
\9dd4e461268c8034f5c8564e155c67a6  a\rb
\MD5 (a\rb) = 9dd4e461268c8034f5c8564e155c67a6
0000000   \   9   d   d   4   e   4   6   1   2   6   8   c   8   0   3
0000020   4   f   5   c   8   5   6   4   e   1   5   5   c   6   7   a
0000040   6           a   \   r   b  \n
ab: OK

### sums: md5sum -c line forms (leading blanks, one space, --tag lines)
printf hello > h; printf '  %s\n' "$(md5sum h)" | md5sum -c; md5sum h | sed 's/  / /' | md5sum -c; { md5sum h; md5sum h | sed 's/  / /'; } | md5sum -c -w; echo rc=$?
{ echo 'MD5 (h) = 5d41402abc4b2a76b9719d911017c592'; echo 'MD5(h)= 5d41402abc4b2a76b9719d911017c592'; echo 'MD5 (h)=5d41402abc4b2a76b9719d911017c592'; } | md5sum -c
--- stdout
h: OK
h: OK
h: OK
rc=0
h: OK
h: OK
h: OK
--- stderr
md5sum: 'standard input': 2: improperly formatted MD5 checksum line
md5sum: WARNING: 1 line is improperly formatted

### sums: a line of another algorithm is improperly formatted
printf hello > h; md5sum --tag h | sha1sum -c; echo rc=$?; sha1sum h | md5sum -c -w; echo rc=$?
--- stdout
rc=1
rc=1
--- stderr
sha1sum: 'standard input': no properly formatted checksum lines found
md5sum: 'standard input': 1: improperly formatted MD5 checksum line
md5sum: 'standard input': no properly formatted checksum lines found

### cksum: -c of mixed algorithms takes each line's tag
printf hello > h; { cksum -a sha1 h; cksum -a md5 h; echo 'garbage'; cksum -a sha256 h; } > mix; cksum -c -w mix; echo rc=$?; cksum -c --strict mix; echo rc=$?
--- stdout
h: OK
h: OK
h: OK
rc=0
h: OK
h: OK
h: OK
rc=1
--- stderr
cksum: mix: 3: improperly formatted MD5 checksum line
cksum: WARNING: 1 line is improperly formatted
cksum: WARNING: 1 line is improperly formatted

### cksum: -c warnings name the running algorithm
printf hello > h; { echo 'junk'; cksum -a sha1 h; } | cksum -c -w; echo 'junk' | cksum -c -w; echo rc=$?
--- stdout
h: OK
rc=1
--- stderr
cksum: 'standard input': 1: improperly formatted CRC checksum line
cksum: WARNING: 1 line is improperly formatted
cksum: 'standard input': 1: improperly formatted CRC checksum line
cksum: 'standard input': no properly formatted checksum lines found

### cksum: -a md5 -c reads md5sum lines, md5sum -c reads cksum lines
printf hello > h; md5sum h > m; cksum -a md5 -c m; cksum -c m; echo rc=$?; cksum -a md5 --untagged h | cksum -a md5 -c; cksum -a md5 h | md5sum -c
--- stdout
h: OK
rc=1
h: OK
h: OK
--- stderr
cksum: m: no properly formatted checksum lines found

### cksum: BLAKE2b lengths in -c lines
printf hello > h; cksum -a blake2b -l 128 h | b2sum -c; cksum -a blake2b -l 128 h | cksum -a blake2b -c; echo 'BLAKE2b-7 (h) = 00' | cksum -c -w; echo 'BLAKE2b-0 (h) = 00' | b2sum -c -w; echo rc=$?
--- stdout
h: OK
h: OK
rc=1
--- stderr
cksum: 'standard input': 1: improperly formatted BLAKE2b checksum line
cksum: 'standard input': no properly formatted checksum lines found
b2sum: 'standard input': 1: improperly formatted BLAKE2b checksum line
b2sum: 'standard input': no properly formatted checksum lines found

### sums: -c --ignore-missing
printf hello > h; md5sum h > m; md5sum -c --ignore-missing m nope; echo rc=$?; echo '5d41402abc4b2a76b9719d911017c592  nope' | md5sum -c --ignore-missing; echo rc=$?
--- stdout
h: OK
rc=1
rc=1
--- stderr
md5sum: nope: No such file or directory
md5sum: 'standard input': no file was verified

### cksum: sm3
printf hello > h; cksum -a sm3 h; cksum -a sm3 h | cksum -c
--- stdout
SM3 (h) = becbbfaae6548b8bf0cfcad5a27183cd1be6093b1cceccc303d9c61d0a645268
h: OK
