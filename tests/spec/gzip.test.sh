### gzip -c round trip
printf "hello world\n" | gzip -c | gunzip -c
--- stdout
hello world

### gzip stdin to stdout round trip
seq 1 1000 | gzip | gzip -d | tail -n 3
--- stdout
998
999
1000

### gzip file replaces it
echo data > f; gzip f; ls; gunzip f.gz; ls; cat f
--- stdout
f.gz
f
data

### gzip -k keeps input
echo data > f; gzip -k f; ls
--- stdout
f
f.gz

### gzip -c file keeps input
echo data > f; gzip -c f > out.gz; ls; zcat out.gz
--- stdout
f
out.gz
data

### zcat file
echo abc > f; gzip f; zcat f.gz
--- stdout
abc

### zcat without suffix
echo abc > f; gzip f; zcat f
--- stdout
abc

### gunzip without suffix finds .gz
echo abc > f; gzip f; gunzip f; cat f
--- stdout
abc

### gzip -d
echo abc > f; gzip f; gzip -d f.gz; cat f; ls
--- stdout
abc
f

### gzip missing file
gzip nope; echo $?
--- stdout
1
--- stderr
gzip: nope: No such file or directory

### gunzip missing file
gunzip nope; echo $?
--- stdout
1
--- stderr
gzip: nope.gz: No such file or directory

### gzip directory
mkdir d; gzip d; echo $?
--- stdout
2
--- stderr
gzip: d is a directory -- ignored

### gzip already has suffix
echo x > a.gz; gzip a.gz; echo $?
--- stdout
0
--- stderr
gzip: a.gz already has .gz suffix -- unchanged

### gzip output exists
echo x > a; echo y > a.gz; gzip a; echo $?; cat a.gz
--- stdout
2
y
--- stderr
gzip: a.gz already exists;	not overwritten

### gzip -f overwrites
echo x > a; echo y > a.gz; gzip -f a; echo $?; zcat a.gz; ls
--- stdout
0
x
a.gz

### gunzip unknown suffix
echo x > a; gunzip a; echo $?
--- stdout
2
--- stderr
gzip: a: unknown suffix -- ignored

### gunzip not gzip
echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx > b.gz; gunzip b.gz; echo $?; ls
--- stdout
1
b.gz
--- stderr

gzip: b.gz: not in gzip format

### gunzip short not gzip
printf xx > b.gz; gunzip b.gz; echo $?
--- stdout
1
--- stderr

gzip: b.gz: not in gzip format

### zcat not gzip stdin
echo hello | zcat; echo $?
--- stdout
1
--- stderr

gzip: stdin: not in gzip format

### multi-member
echo one | gzip > m.gz; echo two | gzip >> m.gz; zcat m.gz
--- stdout
one
two

### multi-member files
echo a > a; echo b > b; gzip -c a b > ab.gz; zcat ab.gz
--- stdout
a
b

### trailing garbage
echo one | gzip > m.gz; printf junk >> m.gz; zcat m.gz; echo $?
--- stdout
one
2
--- stderr

gzip: m.gz: decompression OK, trailing garbage ignored

### trailing zeros
echo one | gzip > m.gz; printf "\0\0\0\0" >> m.gz; zcat m.gz; echo $?
--- stdout
one
0

### truncated
seq 1 2000 | gzip > t.gz; head -c 100 t.gz > u.gz; zcat u.gz > /dev/null; echo $?
--- stdout
1
--- stderr

gzip: u.gz: unexpected end of file

### corrupted crc
echo hello | gzip -n > c.gz; printf "\x00\x00\x00\x00" | dd of=c.gz bs=1 seek=$(( $(wc -c < c.gz) - 8 )) conv=notrunc 2>/dev/null; zcat c.gz; echo $?
--- stdout
hello
1
--- stderr

gzip: c.gz: invalid compressed data--crc error

### gzip -t ok
echo hi | gzip > a.gz; gzip -t a.gz; echo $?
--- stdout
0

### gzip -t bad
echo hi > a.gz; gzip -t a.gz; echo $?
--- stdout
1
--- stderr

gzip: a.gz: not in gzip format

### gzip -tv
echo hi | gzip > a.gz; gzip -tv a.gz
--- stderr
a.gz:	 OK

### levels round trip
seq 1 500 > f; for l in 1 2 3 4 5 6 7 8 9; do gzip -$l -c f | zcat | md5sum; done | sort -u
--- stdout
5705e3c0d0044b724281f9bcc7520d3a  -

### fast best
seq 1 500 > f; gzip --fast -c f | zcat | wc -l; gzip --best -c f | gunzip | wc -l
--- stdout
500
500

### header with -n
echo hello | gzip -n | head -c 10 | od -An -tx1
--- stdout
 1f 8b 08 00 00 00 00 00 00 03

### header name flag
echo hello > a; gzip -k a; head -c 4 a.gz | od -An -tx1; dd if=a.gz bs=1 skip=10 count=2 2>/dev/null | od -An -c
--- stdout
 1f 8b 08 08
   a  \0

### header -n on file
echo hello > a; gzip -n a; head -c 10 a.gz | od -An -tx1
--- stdout
 1f 8b 08 00 00 00 00 00 00 03

### header best xfl
echo hello | gzip -9 | head -c 10 | od -An -tx1; echo hello | gzip -1 | head -c 10 | od -An -tx1
--- stdout
 1f 8b 08 00 00 00 00 00 02 03
 1f 8b 08 00 00 00 00 00 04 03

### trailer size
seq 1 100 | gzip | tail -c 4 | od -An -tu4
--- stdout
        292

### trailer crc
printf abc | gzip | tail -c 8 | head -c 4 | od -An -tx4
--- stdout
 352441c2

### gzip -l empty
printf "" | gzip > e.gz; gzip -l e.gz
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 20                   0   0.0% e

### gzip -l stdin
printf "" | gzip | gzip -l
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 20                   0   0.0% stdout

### gzip -l not gzip
echo hi > x.gz; gzip -l x.gz; echo $?
--- stdout
1
--- stderr

gzip: x.gz: not in gzip format

### gzip -l multiple
: | gzip > a.gz; : | gzip > b.gz; gzip -l a.gz b.gz
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 20                   0   0.0% a
                 20                   0   0.0% b

### gzip -N restores name
echo hi > orig; gzip orig; mv orig.gz other.gz; gunzip -N other.gz; ls
--- stdout
orig

### gunzip default keeps compressed name
echo hi > orig; gzip orig; mv orig.gz other.gz; gunzip other.gz; ls
--- stdout
other

### keeps mode
echo hi > f; chmod 600 f; gzip f; stat -c %a f.gz; gunzip f.gz; stat -c %a f
--- stdout
600
600

### keeps mtime
echo hi > f; touch -d "2020-01-02 03:04:05" f; gzip f; stat -c %Y f.gz; gunzip f.gz; stat -c %Y f
--- stdout
1577934245
1577934245

### tgz suffix
echo hi > a.tgz.src; gzip -c a.tgz.src > x.tgz; gunzip x.tgz; ls
--- stdout
a.tgz.src
x.tar

### -S suffix
echo hi > f; gzip -S .zz f; ls; gunzip -S .zz f.zz; cat f
--- stdout
f.zz
hi

### gzip -v
printf "%s\n" a a a a a a a a a a a a a a a a a a a a a a a a a a a a > f; gzip -v f 2>&1 | sed "s/[0-9.]*%/N%/"
--- stdout
f:	 N% -- replaced with f.gz

### gzip -q missing still errors
gzip -q nope; echo $?
--- stdout
1
--- stderr
gzip: nope: No such file or directory

### invalid option
gzip -y; echo $?
--- stdout
1
--- stderr
gzip: invalid option -- 'y'
Try `gzip --help' for more information.

### empty input
: | gzip | gunzip | wc -c
--- stdout
0

### binary data round trip
head -c 100000 /dev/zero | gzip | gunzip | wc -c
--- stdout
100000

### large random-ish round trip
seq 1 200000 | gzip -c | zcat | md5sum; seq 1 200000 | md5sum
--- stdout
0e10426a1d5bddffcef02f1345787128  -
0e10426a1d5bddffcef02f1345787128  -

### several files
echo a > a; echo b > b; gzip a b; ls; gunzip a.gz b.gz; cat a b
--- stdout
a.gz
b.gz
a
b

### one missing among several
echo a > a; gzip a nope; echo $?; ls
--- stdout
1
a.gz
--- stderr
gzip: nope: No such file or directory

### zcat several
echo a | gzip > a.gz; echo b | gzip > b.gz; zcat a.gz b.gz
--- stdout
a
b

### gzip -dc dash
echo x | gzip | gzip -dc -
--- stdout
x

### gzip -k existing -f
echo a > a; gzip -k a; echo b > a; gzip -kf a; zcat a.gz
--- stdout
b

### compress ratio
seq 1 10000 > f; gzip f; test $(wc -c < f.gz) -lt 30000 && echo small

--- stdout
small

### unknown long option
gzip --bogus; echo $?
--- stdout
1
--- stderr
gzip: unrecognized option '--bogus'
Try `gzip --help' for more information.

### gzip -l verbose single
printf 'hello\n' > a; touch -d '2001-09-09 01:46:40' a; gzip a; gzip -lv a.gz
--- stdout
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla 363a3020 Sep  9 01:46                  28                   6 -33.3% a

### gzip -l totals
echo hi | gzip > a.gz; echo hello | gzip > b.gz; gzip -l a.gz b.gz
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 23                   3 -66.7% a
                 26                   6 -33.3% b
                 49                   9 -244.4% (totals)

### gzip -l named
printf 'hello\n' > a; gzip a; gzip -l a.gz
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 28                   6 -33.3% a

### gzip -lN restores stored name
printf 'hello\n' > a; gzip a; mv a.gz z.gz; gzip -lN z.gz
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 28                   6 -33.3% a

### gzip -v on file exact
printf 'hello\n' > a; gzip -v a
--- stderr
a:	-33.3% -- replaced with a.gz

### gunzip -v on file exact
printf 'hello\n' > a; gzip a; gunzip -v a.gz
--- stderr
a.gz:	-33.3% -- replaced with a

### gzip -c verbose stdin
printf 'hello\n' | gzip -v > /dev/null
--- stderr
-33.3%

### gzip -q trailing garbage silent
echo one | gzip > m.gz; printf junk >> m.gz; zcat -q m.gz; echo $?
--- stdout
one
2

### gzip -n restore mtime not used
echo hi > f; touch -d '2001-01-01' f; gzip f; gunzip -n f.gz; stat -c %Y f
--- stdout
978307200

### gzip stdin file header mtime is zero from pipe
echo hi | gzip | od -An -tx1 -N8
--- stdout
 1f 8b 08 00 00 00 00 00

### gzip audit: z roundtrip
printf 'hello\n' > f; gzip f; ls; gzip -d f.gz; cat f
--- stdout
f.gz
hello

### gzip audit: z -c
printf 'hello\n' > f; gzip -c f | gzip -dc
--- stdout
hello

### gzip audit: z -k
printf 'hello\n' > f; gzip -k f; ls
--- stdout
f
f.gz

### gzip audit: z -f overwrite
printf 'a\n' > f; printf 'x' > f.gz; gzip f; echo rc=$?; ls
--- stdout
rc=2
f
f.gz
--- stderr
gzip: f.gz already exists;	not overwritten

### gzip audit: z -f forced
printf 'a\n' > f; printf 'x' > f.gz; gzip -f f; echo rc=$?; ls
--- stdout
rc=0
f.gz

### gzip audit: z -l
printf 'hello hello hello hello\n' > f; gzip -n f; gzip -l f.gz
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 29                  24  54.2% f

### gzip audit: z -l stdin
printf 'abc\n' | gzip -n > f.gz; gzip -l < f.gz; echo rc=$?
--- stdout
         compressed        uncompressed  ratio uncompressed_name
                 24                   4 -50.0% stdout
rc=0

### gzip audit: z -t good
printf 'a\n' | gzip > f.gz; gzip -t f.gz; echo rc=$?
--- stdout
rc=0

### gzip audit: z -t bad
printf 'not gzip' > f.gz; gzip -t f.gz; echo rc=$?
--- stdout
rc=1
--- stderr

gzip: f.gz: not in gzip format

### gzip audit: z -d not gzip
printf 'plain\n' > f.gz; gzip -d f.gz; echo rc=$?
--- stdout
rc=1
--- stderr

gzip: f.gz: not in gzip format

### gzip audit: z -d wrong suffix
printf 'a\n' > f; gzip -d f; echo rc=$?
--- stdout
rc=2
--- stderr
gzip: f: unknown suffix -- ignored

### gzip audit: z already gz
printf 'a\n' | gzip > f.gz; gzip f.gz; echo rc=$?
--- stdout
rc=0
--- stderr
gzip: f.gz already has .gz suffix -- unchanged

### gzip audit: z missing
gzip nofile; echo rc=$?
--- stdout
rc=1
--- stderr
gzip: nofile: No such file or directory

### gzip audit: z levels same output
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa\n' > f; gzip -1 -c f | gzip -dc; gzip -9 -c f | gzip -dc
--- stdout
aaaaaaaaaaaaaaaaaaaaaaaaaaaa
aaaaaaaaaaaaaaaaaaaaaaaaaaaa

### gzip audit: z -n deterministic
printf 'a\n' > f; gzip -n -c f | od -An -tx1 | head -1
--- stdout
 1f 8b 08 00 00 00 00 00 00 03 4b e4 02 00 07 a1

### gzip audit: z multi member
printf 'a\n' | gzip > m.gz; printf 'b\n' | gzip >> m.gz; gzip -dc m.gz
--- stdout
a
b

### gzip audit: z zcat
printf 'a\n' | gzip > f.gz; zcat f.gz
--- stdout
a

### gzip audit: z gunzip
printf 'a\n' | gzip > f.gz; gunzip f.gz; cat f
--- stdout
a

### gzip audit: z trailing garbage
printf 'a\n' | gzip > f.gz; printf 'garbage' >> f.gz; gzip -dc f.gz; echo rc=$?
--- stdout
a
rc=2
--- stderr

gzip: f.gz: decompression OK, trailing garbage ignored

### gzip audit: z truncated
printf 'hello world\n' | gzip > f.gz; head -c 15 f.gz > t.gz; gzip -dc t.gz; echo rc=$?
--- stdout
hellrc=1
--- stderr

gzip: t.gz: unexpected end of file

### gzip audit: z stdin to stdout
printf 'x\n' | gzip | gzip -d
--- stdout
x

### gzip audit: z -S suffix
printf 'a\n' > f; gzip -S .z f; ls
--- stdout
f.z

### gzip audit: z -v
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n' > f; gzip -v f
--- stderr
f:	 83.8% -- replaced with f.gz

### gzip audit: z -N name restore
printf 'a\n' > orig; gzip -N orig; mv orig.gz other.gz; gzip -dN other.gz; ls
--- stdout
orig

### gzip audit: z -r dir
mkdir -p d; printf 'a\n' > d/f; gzip -r d; ls d
--- stdout
f.gz

### gzip audit: z dir without -r
mkdir -p d; gzip d; echo rc=$?
--- stdout
rc=2
--- stderr
gzip: d is a directory -- ignored

### gzip audit: z -q
printf 'x' > f.gz; printf 'a\n' > f; gzip -q f; echo rc=$?
--- stdout
rc=2
--- stderr
gzip: f.gz already exists;	not overwritten

### gzip audit: z empty input
printf '' | gzip | gzip -dc | wc -c
--- stdout
0

### gzip audit: z bad option
gzip --bogus; echo rc=$?
--- stdout
rc=1
--- stderr
gzip: unrecognized option '--bogus'
Try `gzip --help' for more information.

### gzip audit: z -d -c multiple files
printf 'a\n' | gzip > 1.gz; printf 'b\n' | gzip > 2.gz; gzip -dc 1.gz 2.gz
--- stdout
a
b

### gzip audit: z -r decompress skips other files
mkdir -p d/e; printf 'a\n' > d/f; printf 'b\n' > d/e/g; gzip -r d; ls d d/e; printf 'plain\n' > d/p; gzip -dr d; echo rc=$?; ls d d/e
--- stdout
d:
e
f.gz

d/e:
g.gz
rc=0
d:
e
f
p

d/e:
g

### gzip audit: z -r compress skips .gz
mkdir -p d; printf 'a\n' | gzip > d/f.gz; printf 'b\n' > d/g; gzip -r d; echo rc=$?; ls d
--- stdout
rc=0
f.gz
g.gz

### -lv of a -n archive shows the file's time
printf 'hello\n' > h.txt
gzip -n h.txt
touch -d '2024-03-05 06:07:08' h.txt.gz
gzip -lv h.txt.gz
--- stdout
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla 363a3020 Mar  5 06:07                  26                   6 -33.3% h.txt

### -lv of a -n archive on stdin from a file
printf 'hello\n' | gzip -n > s.gz
touch -d '2021-11-12 13:14:15' s.gz
gzip -lv < s.gz
--- stdout
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla 363a3020 Nov 12 13:14                  26                   6 -33.3% stdout

### -lv keeps the header's time when there is one
printf 'hello\n' > h.txt
touch -d '2022-07-08 09:10:11' h.txt
gzip h.txt
touch -d '2024-03-05 06:07:08' h.txt.gz
gzip -lv h.txt.gz
--- stdout
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla 363a3020 Mar  5 06:07                  32                   6 -33.3% h.txt

### -lv of two -n archives
printf 'a\n' | gzip -n > a.gz; printf 'bb\n' | gzip -n > b.gz
touch -d '2020-02-03 04:05:06' a.gz; touch -d '2019-12-31 23:59:00' b.gz
gzip -lv a.gz b.gz
--- stdout
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla ddeaa107 Feb  3 04:05                  22                   2 -100.0% a
defla 030c2667 Dec 31 23:59                  23                   3 -66.7% b
                                             45                   5 -440.0% (totals)

### -lvN shows the header's time
printf 'hello\n' > h.txt
touch -d '2022-07-08 09:10:11' h.txt
gzip h.txt
touch -d '2024-03-05 06:07:08' h.txt.gz
gzip -lvN h.txt.gz
gzip -lvNn h.txt.gz
--- stdout
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla 363a3020 Jul  8 09:10                  32                   6 -33.3% h.txt
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla 363a3020 Mar  5 06:07                  32                   6 -33.3% h.txt

### -lvN of a -n archive shows the file's time
printf 'hello\n' > h.txt
gzip -n h.txt
touch -d '2024-03-05 06:07:08' h.txt.gz
gzip -lvN h.txt.gz
--- stdout
method  crc     date  time           compressed        uncompressed  ratio uncompressed_name
defla 363a3020 Mar  5 06:07                  26                   6 -33.3% h.txt
