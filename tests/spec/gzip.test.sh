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
