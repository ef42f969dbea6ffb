### create and list
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; tar tf x.tar | sort
--- stdout
d/
d/a
d/e/
d/e/f

### create sorted list
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar --sort=name -cf x.tar d; tar tf x.tar
--- stdout
d/
d/a
d/e/
d/e/f

### old style options
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; tar tf x.tar d/a
--- stdout
d/a

### extract round trip
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; mkdir o; cd o; tar xf ../x.tar; cat d/a d/e/f; find . | sort
--- stdout
hi
x
.
./d
./d/a
./d/e
./d/e/f

### extract -C
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; mkdir o; tar xf x.tar -C o; cat o/d/a
--- stdout
hi

### extract -C missing dir
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; tar xf x.tar -C nope; echo $?
--- stdout
2
--- stderr
tar: nope: Cannot open: No such file or directory
tar: Error is not recoverable: exiting now

### gzip round trip
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar czf x.tgz d; mkdir o; tar xzf x.tgz -C o; cat o/d/e/f; tar tzf x.tgz | sort
--- stdout
x
d/
d/a
d/e/
d/e/f

### gzip autodetect on extract
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar czf x.tgz d; mkdir o; tar xf x.tgz -C o; cat o/d/a
--- stdout
hi

### gzip output is gzip
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar czf x.tgz d; gunzip -c x.tgz | tar tf - | sort
--- stdout
d/
d/a
d/e/
d/e/f

### -z on plain archive
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; tar tzf x.tar; echo $?
--- stdout
2
--- stderr

gzip: stdin: not in gzip format
tar: Child returned status 1
tar: Error is not recoverable: exiting now

### stdout archive
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf - d | tar tf - | sort
--- stdout
d/
d/a
d/e/
d/e/f

### pipe extract
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; mkdir o; tar cf - d | tar xf - -C o; cat o/d/a
--- stdout
hi

### archive size is record multiple
echo hi > a; tar cf x.tar a; wc -c < x.tar
--- stdout
10240

### -O extract to stdout
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar --sort=name -cf x.tar d; tar xOf x.tar d/a d/e/f
--- stdout
hi
x

### extract selected member
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; mkdir o; tar xf x.tar -C o d/e; find o | sort
--- stdout
o
o/d
o/d/e
o/d/e/f

### not found in archive
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; tar xf x.tar nope; echo $?
--- stdout
2
--- stderr
tar: nope: Not found in archive
tar: Exiting with failure status due to previous errors

### list missing archive
tar tf nope.tar; echo $?
--- stdout
2
--- stderr
tar: nope.tar: Cannot open: No such file or directory
tar: Error is not recoverable: exiting now

### create missing file
echo a > a; tar cf x.tar a nope; echo $?; tar tf x.tar
--- stdout
2
a
--- stderr
tar: nope: Cannot stat: No such file or directory
tar: Exiting with failure status due to previous errors

### not a tar archive
seq 1 1000 > x.tar; tar tf x.tar; echo $?
--- stdout
2
--- stderr
tar: This does not look like a tar archive
tar: Skipping to next header
tar: Exiting with failure status due to previous errors

### empty archive refused
tar cf x.tar; echo $?
--- stdout
2
--- stderr
tar: Cowardly refusing to create an empty archive
Try 'tar --help' or 'tar --usage' for more information.

### no mode
tar f x.tar; echo $?
--- stdout
2
--- stderr
tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options
Try 'tar --help' or 'tar --usage' for more information.

### two modes
tar -c -x -f x.tar a; echo $?
--- stdout
2
--- stderr
tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option
Try 'tar --help' or 'tar --usage' for more information.

### strip-components
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; mkdir o; tar xf x.tar -C o --strip-components=1; find o | sort
--- stdout
o
o/a
o/e
o/e/f

### strip-components 2
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; mkdir o; tar xf x.tar -C o --strip-components 2; find o | sort
--- stdout
o
o/f

### exclude glob
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; echo y > d/b.log; tar cf x.tar --exclude="*.log" d; tar tf x.tar | sort
--- stdout
d/
d/a
d/e/
d/e/f

### exclude directory
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar --exclude=e d; tar tf x.tar | sort
--- stdout
d/
d/a

### exclude on extract
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; tar cf x.tar d; mkdir o; tar xf x.tar -C o --exclude=f; find o | sort
--- stdout
o
o/d
o/d/a
o/d/e

### files-from
mkdir -p d/e; echo hi > d/a; echo x > d/e/f; printf "d/a\nd/e/f\n" > list; tar cf x.tar -T list; tar tf x.tar
--- stdout
d/a
d/e/f

### leading slash removed
mkdir -p d; echo hi > d/a; tar cf x.tar "$PWD/d/a" 2>err; cat err; tar tf x.tar | sed "s|.*/d/a|X/d/a|"
--- stdout
tar: Removing leading `/' from member names
X/d/a

### symlink round trip
mkdir d; echo hi > d/a; ln -s a d/l; tar cf x.tar d; mkdir o; tar xf x.tar -C o; readlink o/d/l; cat o/d/l
--- stdout
a
hi

### hard link round trip
mkdir d; echo hi > d/a; ln d/a d/b; tar cf x.tar d; mkdir o; tar xf x.tar -C o; cat o/d/b; stat -c %h o/d/a
--- stdout
hi
2

### modes preserved with -p
echo hi > a; chmod 751 a; tar cf x.tar a; mkdir o; tar xpf x.tar -C o; stat -c %a o/a
--- stdout
751

### mtime preserved
echo hi > a; touch -d "2020-05-06 07:08:09" a; tar cf x.tar a; mkdir o; tar xf x.tar -C o; stat -c %Y o/a
--- stdout
1588748889

### dir mtime preserved
mkdir d; echo hi > d/a; touch -d "2020-05-06 07:08:09" d; tar cf x.tar d; mkdir o; tar xf x.tar -C o; stat -c %Y o/d
--- stdout
1588748889

### tvf listing
echo hello > a; touch -d "2020-05-06 07:08:09" a; chmod 640 a; tar --owner=root --group=root -cf x.tar a; tar tvf x.tar
--- stdout
-rw-r----- root/root         6 2020-05-06 07:08 a

### tvf numeric owner
echo hello > a; touch -d "2020-05-06 07:08:09" a; tar --owner=root:0 --group=root:0 -cf x.tar a; tar --numeric-owner -tvf x.tar
--- stdout
-rw-r--r-- 0/0               6 2020-05-06 07:08 a

### tvf dir and symlink
mkdir d; ln -s target d/l; touch -h -d "2020-05-06 07:08:09" d/l; touch -d "2020-05-06 07:08:09" d; tar --owner=root --group=root -cf x.tar d; tar tvf x.tar
--- stdout
drwxr-xr-x root/root         0 2020-05-06 07:08 d/
lrwxrwxrwx root/root         0 2020-05-06 07:08 d/l -> target

### verbose create
echo hi > a; tar cvf x.tar a
--- stdout
a

### verbose extract
echo hi > a; tar cf x.tar a; rm a; tar xvf x.tar; cat a
--- stdout
a
hi

### verbose create to stdout goes to stderr
echo hi > a; tar cvf - a > x.tar; tar tf x.tar
--- stdout
a
--- stderr
a

### long names
n=$(printf "%0150d" 0); mkdir d; echo hi > "d/$n"; tar cf x.tar d; tar tf x.tar | wc -c; mkdir o; tar xf x.tar -C o; cat o/d/$n
--- stdout
156
hi

### long symlink target
t=$(printf "%0150d" 0); ln -s "$t" l; tar cf x.tar l; mkdir o; tar xf x.tar -C o; readlink o/l | wc -c
--- stdout
151

### dotdot member refused
mkdir -p a/b; echo hi > a/x; cd a/b; tar cf ../../x.tar ../x; cd ../..; mkdir o; tar xf x.tar -C o; echo $?; find o
--- stdout
0
o
o/x
--- stderr
tar: Removing leading `../' from member names

### extract overwrites file
echo new > a; tar cf x.tar a; echo old > a; tar xf x.tar; cat a
--- stdout
new

### empty file and empty dir
mkdir e; : > z; tar cf x.tar e z; rm -r e z; tar xf x.tar; ls -l z | cut -c1-10; test -d e && echo dir
--- stdout
-rw-r--r--
dir

### binary content
head -c 5000 /dev/zero | tr "\0" "\377" > b; tar czf x.tgz b; mkdir o; tar xzf x.tgz -C o; cmp b o/b && echo same
--- stdout
same

### many files
mkdir d; for i in $(seq 1 50); do echo $i > d/f$i; done; tar czf x.tgz d; mkdir o; tar xzf x.tgz -C o; cat o/d/f* | sort -n | tail -1; tar tzf x.tgz | wc -l
--- stdout
50
51

### truncated archive
head -c 3000 /dev/zero | tr "\0" a > a; tar cf x.tar a; head -c 1024 x.tar > t.tar; tar xf t.tar -C . ; echo $?
--- stdout
2
--- stderr
tar: Unexpected EOF in archive
tar: Unexpected EOF in archive
tar: Error is not recoverable: exiting now

### invalid option
tar -Q; echo $?
--- stdout
64
--- stderr
tar: invalid option -- 'Q'
Try 'tar --help' or 'tar --usage' for more information.

### dotdot prefix stripped on create
mkdir -p a/b; echo hi > a/x; tar cf x.tar a/b/../x; tar tf x.tar
--- stdout
x
--- stderr
tar: Removing leading `a/b/../' from member names

### dotdot leading on create
mkdir -p a/b; echo hi > a/x; cd a/b; tar cf ../../x.tar ../x; cd ../..; tar tf x.tar
--- stdout
x
--- stderr
tar: Removing leading `../' from member names

### truncated list
head -c 3000 /dev/zero | tr "\0" a > a; tar cf x.tar a; head -c 1024 x.tar > t.tar; tar tf t.tar; echo $?
--- stdout
a
2
--- stderr
tar: Unexpected EOF in archive
tar: Error is not recoverable: exiting now

### gzip corrupted archive
echo hi > a; tar czf x.tgz a; head -c 30 x.tgz > t.tgz; tar xzf t.tgz; echo $?
--- stdout
2
--- stderr

gzip: stdin: unexpected end of file
tar: Child returned status 1
tar: Error is not recoverable: exiting now

### extract into existing dir keeps others
mkdir d; echo a > d/a; tar cf x.tar d; echo b > d/b; tar xf x.tar; ls d
--- stdout
a
b

### list with member operand
mkdir d; echo a > d/a; echo b > d/b; tar cf x.tar d; tar tf x.tar d/b
--- stdout
d/b

### create with -C
mkdir -p src/sub; echo hi > src/sub/f; tar -C src -cf x.tar sub; tar tf x.tar | sort
--- stdout
sub/
sub/f

### files-from missing
tar cf x.tar -T nope; echo $?
--- stdout
2
--- stderr
tar: nope: Cannot stat: No such file or directory
tar: Error is not recoverable: exiting now

### strip-components invalid
tar xf x.tar --strip-components=abc; echo $?
--- stdout
2
--- stderr
tar: abc: Invalid number of elements
Try 'tar --help' or 'tar --usage' for more information.

### unknown long option
tar --bogus; echo $?
--- stdout
64
--- stderr
tar: unrecognized option '--bogus'
Try 'tar --help' or 'tar --usage' for more information.

### tar xz of gzip -c tar
mkdir d; echo hi > d/a; tar cf x.tar d; gzip x.tar; mkdir o; tar xzf x.tar.gz -C o; cat o/d/a
--- stdout
hi

### fifo member
mkfifo p; tar cf x.tar p; tar tvf x.tar | cut -c1-10
--- stdout
prw-r--r--

### archive of dot with -C
mkdir src; echo hi > src/a; tar -C src -cf x.tar .; tar tf x.tar
--- stdout
./
./a

### tvf hard link
echo hi > a; ln a b; touch -d "2020-05-06 07:08:09" a; tar --owner=root --group=root -cf x.tar a b; tar tvf x.tar
--- stdout
-rw-r--r-- root/root         3 2020-05-06 07:08 a
hrw-r--r-- root/root         0 2020-05-06 07:08 b link to a

### absolute symlink extracted last
ln -s /etc l; tar cf x.tar l; mkdir o; tar xf x.tar -C o; readlink o/l
--- stdout
/etc

### symlink to parent then member through it
mkdir -p w/real; ln -s .. w/up; echo hi > w/real/f; tar cf x.tar -C w up real; mkdir o; tar xf x.tar -C o; readlink o/up; cat o/real/f
--- stdout
..
hi

### extract -vv listing
echo hello > a; touch -d "2020-05-06 07:08:09" a; tar --owner=root --group=root -cf x.tar a; mkdir o; tar xvvf x.tar -C o
--- stdout
-rw-r--r-- root/root         6 2020-05-06 07:08 a

### gzip level listing then extract to stdout from pipe
echo hi > a; tar czf - a | tar xzOf -
--- stdout
hi

### archive inside the archived directory
echo hi > a; tar cf x.tar .; echo $?; tar tf x.tar | sort
--- stdout
0
./
./a
--- stderr
tar: ./x.tar: file is the archive; not dumped

### -C applies to the operands after it
mkdir -p a/s b; echo 1 > a/f; echo 2 > b/g; tar cf x.tar -C a f -C ../b g; tar tf x.tar; mkdir o; tar xf x.tar -C o; cat o/f o/g
--- stdout
f
g
1
2

### -C missing on create
echo hi > f; tar cf y.tar -C nope f; echo $?
--- stdout
2
--- stderr
tar: nope: Cannot open: No such file or directory
tar: Error is not recoverable: exiting now

### -C relative then absolute
mkdir -p a/s b; echo 2 > b/g; tar cf z.tar -C a s -C "$PWD/b" g; tar tf z.tar
--- stdout
s/
g

### tar audit: t create list
mkdir -p d/s; printf 'a\n' > d/f; printf 'b\n' > d/s/g; tar cf a.tar d; tar tf a.tar | sort
--- stdout
d/
d/f
d/s/
d/s/g

### tar audit: t verbose list
mkdir -p d; printf 'a\n' > d/f; touch -d '2020-01-02 03:04' d/f d; tar cf a.tar d; tar tvf a.tar | awk '{print $1, $3, $4, $5, $6}'
--- stdout
drwxr-xr-x 0 2020-01-02 03:04 d/
-rw-r--r-- 2 2020-01-02 03:04 d/f

### tar audit: t create verbose
mkdir -p d; printf 'a\n' > d/f; tar cvf a.tar d | sort
--- stdout
d/
d/f

### tar audit: t extract
mkdir -p d; printf 'a\n' > d/f; tar cf a.tar d; rm -r d; tar xf a.tar; cat d/f
--- stdout
a

### tar audit: t extract verbose
mkdir -p d; printf 'a\n' > d/f; tar cf a.tar d; rm -r d; tar xvf a.tar | sort
--- stdout
d/
d/f

### tar audit: t -C
mkdir -p d out; printf 'a\n' > d/f; tar cf a.tar -C d f; tar xf a.tar -C out; cat out/f
--- stdout
a

### tar audit: t strip components
mkdir -p d/s; printf 'a\n' > d/s/f; tar cf a.tar d; mkdir out; tar xf a.tar -C out --strip-components=2; ls out
--- stdout
f

### tar audit: t exclude
mkdir -p d; printf 'a\n' > d/f; printf 'b\n' > d/g.o; tar cf a.tar --exclude='*.o' d; tar tf a.tar | sort
--- stdout
d/
d/f

### tar audit: t -T
mkdir -p d; printf 'a\n' > d/f; printf 'b\n' > d/g; printf 'd/f\n' > list; tar cf a.tar -T list; tar tf a.tar
--- stdout
d/f

### tar audit: t -O
mkdir -p d; printf 'hello\n' > d/f; tar cf a.tar d; tar xOf a.tar d/f
--- stdout
hello

### tar audit: t gzip
mkdir -p d; printf 'a\n' > d/f; tar czf a.tgz d; tar tzf a.tgz | sort; tar xzf a.tgz -O d/f
--- stdout
d/
d/f
a

### tar audit: t auto detect gzip on extract
mkdir -p d; printf 'a\n' > d/f; tar czf a.tgz d; tar tf a.tgz | sort
--- stdout
d/
d/f

### tar audit: t missing member
mkdir -p d; printf 'a\n' > d/f; tar cf a.tar d; tar xf a.tar nothere; echo rc=$?
--- stdout
rc=2
--- stderr
tar: nothere: Not found in archive
tar: Exiting with failure status due to previous errors

### tar audit: t missing input file
tar cf a.tar nofile; echo rc=$?
--- stdout
rc=2
--- stderr
tar: nofile: Cannot stat: No such file or directory
tar: Exiting with failure status due to previous errors

### tar audit: t no archive
tar xf nofile.tar; echo rc=$?
--- stdout
rc=2
--- stderr
tar: nofile.tar: Cannot open: No such file or directory
tar: Error is not recoverable: exiting now

### tar audit: t leading slash removed
mkdir -p d; printf 'a\n' > d/f; tar cf a.tar "$PWD/d/f" 2>&1 | sed "s|$PWD|P|"; tar tf a.tar | sed "s|${PWD#/}|P|"
--- stdout
tar: Removing leading `/' from member names
P/d/f

### tar audit: t dotdot member refused
mkdir -p d; printf 'a\n' > d/f; tar cf a.tar d/../d/f 2>&1; tar tf a.tar
--- stdout
tar: Removing leading `d/../' from member names
d/f

### tar audit: t no options
tar; echo rc=$?
--- stdout
rc=2
--- stderr
tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options
Try 'tar --help' or 'tar --usage' for more information.

### tar audit: t conflicting
tar cx; echo rc=$?
--- stdout
rc=2
--- stderr
tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option
Try 'tar --help' or 'tar --usage' for more information.

### tar audit: t empty archive create
tar cf a.tar; echo rc=$?
--- stdout
rc=2
--- stderr
tar: Cowardly refusing to create an empty archive
Try 'tar --help' or 'tar --usage' for more information.

### tar audit: t long name
mkdir -p d; n=$(printf 'x%.0s' $(seq 120)); printf 'a\n' > d/$n; tar cf a.tar d; tar tf a.tar | sort | awk '{print length($0)}'
--- stdout
2
122

### tar audit: t symlink
mkdir -p d; printf 'a\n' > d/f; ln -s f d/l; tar cf a.tar d; rm -r d; tar xf a.tar; readlink d/l
--- stdout
f

### tar audit: t to stdout create
mkdir -p d; printf 'a\n' > d/f; tar cf - d | tar tf - | sort
--- stdout
d/
d/f

### tar audit: t old style options
mkdir -p d; printf 'a\n' > d/f; tar cf a.tar d; tar tvf a.tar >/dev/null; tar -tf a.tar | sort
--- stdout
d/
d/f

### tar audit: t numeric owner listing
mkdir -p d; printf 'a\n' > d/f; tar cf a.tar d/f; tar tvf a.tar --numeric-owner | awk '{print $3}'
--- stdout
2

### tar audit: t keep old files
mkdir -p d; printf 'a\n' > d/f; ln -s f d/l; tar cf a.tar d; printf 'b\n' > d/f; tar xkf a.tar; echo rc=$?; cat d/f
--- stdout
rc=2
b
--- stderr
tar: d/f: Cannot open: File exists
tar: d/l: Cannot create symlink to ‘f’: File exists
tar: Exiting with failure status due to previous errors

### tar audit: t keep old files long option, missing file extracted
mkdir -p d; printf 'a\n' > d/f; printf 'c\n' > d/g; tar cf a.tar d; rm d/g; printf 'b\n' > d/f; tar --keep-old-files -xvf a.tar; echo rc=$?; cat d/f d/g
--- stdout
d/
d/f
d/g
rc=2
b
c
--- stderr
tar: d/f: Cannot open: File exists
tar: Exiting with failure status due to previous errors
