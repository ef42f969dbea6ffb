# tar -r/--append, -u/--update, --delete, --mtime, and the pattern options
# (--wildcards, --anchored, --ignore-case, --wildcards-match-slash,
# --recursion) for operands and --exclude. Recorded from GNU tar 1.34.

### append lists after the old members
echo a > a; echo b > b; mkdir d; echo c > d/c
T="--mtime=@0 --owner=0 --group=0 --numeric-owner --sort=name"
tar cf x.tar $T a; tar rf x.tar $T b d; echo $?; tar tvf x.tar
--- stdout
0
-rw-r--r-- 0/0               2 1970-01-01 00:00 a
-rw-r--r-- 0/0               2 1970-01-01 00:00 b
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/
-rw-r--r-- 0/0               2 1970-01-01 00:00 d/c

### append gives the bytes of one create
echo a > a; echo b > b; mkdir d; echo c > d/c
T="--mtime=@0 --owner=0 --group=0 --numeric-owner --sort=name"
tar cf x.tar $T a; tar rf x.tar $T b d; tar cf y.tar $T a b d; cmp x.tar y.tar && echo same; wc -c < x.tar
--- stdout
same
10240

### append after a member of several records
head -c 30000 /dev/zero | tr '\0' x > big; echo a > a
T="--mtime=@0 --owner=0 --group=0 --numeric-owner"
tar cf x.tar $T big; tar rf x.tar $T a; tar cf y.tar $T big a; cmp x.tar y.tar && echo same; wc -c < x.tar
--- stdout
same
40960

### append twice the same name
echo a > a; tar cf x.tar a; echo aa > a; tar rf x.tar a; tar tf x.tar; tar xOf x.tar a
--- stdout
a
a
a
aa

### append creates a missing archive
echo a > a; tar rf new.tar a; echo $?; tar tf new.tar
--- stdout
0
a

### append to an empty file
echo a > a; : > e.tar; tar rf e.tar --mtime=@0 a; echo $?; wc -c < e.tar; tar tf e.tar
--- stdout
0
10240
a

### append to an archive without end blocks
echo a > a; echo b > b; T="--mtime=@0 --owner=0 --group=0"
tar cf x.tar $T a; head -c 1024 x.tar > t.tar; tar rf t.tar $T b; echo $?; wc -c < t.tar; tar tf t.tar
--- stdout
0
11264
a
b

### append verbose
echo a > a; echo b > b; tar cf x.tar a; tar rvf x.tar b; echo $?
--- stdout
b
0

### append no names
echo a > a; tar cf x.tar a; tar rf x.tar; echo $?; tar tf x.tar
--- stdout
0
a

### append the archive itself
echo a > a; tar cf x.tar a; tar rf x.tar x.tar a; echo $?; tar tf x.tar
--- stdout
0
a
a
--- stderr
tar: x.tar: file is the archive; not dumped

### append missing file
echo a > a; tar cf x.tar a; tar rf x.tar nope a; echo $?; tar tf x.tar
--- stdout
2
a
a
--- stderr
tar: nope: Cannot stat: No such file or directory
tar: Exiting with failure status due to previous errors

### append with -z
echo a > a; tar czf x.tgz a; tar rzf x.tgz a; echo $?
--- stdout
2
--- stderr
tar: Cannot update compressed archives
Try 'tar --help' or 'tar --usage' for more information.

### append to a compressed archive
echo a > a; tar czf x.tgz a; tar rf x.tgz a; echo $?
--- stdout
2
--- stderr
tar: Cannot update compressed archives
tar: Error is not recoverable: exiting now

### update a compressed archive
echo a > a; tar czf x.tgz a; tar uf x.tgz a; echo $?
--- stdout
2
--- stderr
tar: Cannot update compressed archives
tar: Error is not recoverable: exiting now

### append to standard output
echo a > a; tar rf - a; echo $?
--- stdout
2
--- stderr
tar: Options '-Aru' are incompatible with '-f -'
Try 'tar --help' or 'tar --usage' for more information.

### update without -f
echo a > a; tar u a; echo $?
--- stdout
2
--- stderr
tar: Options '-Aru' are incompatible with '-f -'
Try 'tar --help' or 'tar --usage' for more information.

### append into a missing directory
echo a > a; tar rf nope/x.tar a; echo $?
--- stdout
2
--- stderr
tar: nope/x.tar: Cannot read: Bad file descriptor
tar: At beginning of tape, quitting now
tar: Error is not recoverable: exiting now

### append to a directory
echo a > a; mkdir dd; tar rf dd a; echo $?
--- stdout
2
--- stderr
tar: dd: Cannot read: Bad file descriptor
tar: At beginning of tape, quitting now
tar: Error is not recoverable: exiting now

### append to a file that is not an archive
echo a > a; head -c 2000 /dev/zero | tr '\0' j > j.tar; tar rf j.tar a; echo $?; wc -c < j.tar
--- stdout
2
12240
--- stderr
tar: This does not look like a tar archive
tar: Skipping to next header
tar: Exiting with failure status due to previous errors

### append after -C
mkdir -p s/t; echo in > s/t/f; echo a > a; tar cf x.tar a; tar rf x.tar -C s t; tar tf x.tar
--- stdout
a
t/
t/f

### update adds only newer files
echo a > a; echo b > b; mkdir d; echo c > d/c; touch -d 2020-01-01 a b d d/c
tar cf x.tar a d; touch -d 2021-01-01 d/c; tar uvf x.tar a b d; echo $?; tar tf x.tar
--- stdout
b
d/c
0
a
d/
d/c
b
d/c

### update twice adds nothing
echo a > a; echo b > b; mkdir d; echo c > d/c; touch -d 2020-01-01 a b d d/c
tar cf x.tar a d; touch -d 2021-01-01 d/c; tar uf x.tar a b d; tar uvf x.tar a b d; echo $?; tar tf x.tar
--- stdout
0
a
d/
d/c
b
d/c

### update an older file is kept out
echo a > a; touch -d 2021-01-01 a; tar cf x.tar a; touch -d 2020-01-01 a; tar uvf x.tar a; echo $?; tar tf x.tar
--- stdout
0
a

### update a new directory
echo a > a; touch -d 2020-01-01 a; tar cf x.tar a; mkdir n; echo x > n/x; tar uvf x.tar a n; tar tf x.tar
--- stdout
n/
n/x
a
n/
n/x

### update missing name
echo a > a; tar cf x.tar a; tar uf x.tar nope; echo $?
--- stdout
2
--- stderr
tar: nope: Cannot stat: No such file or directory
tar: Exiting with failure status due to previous errors

### update in a new file
echo a > a; tar uf u.tar a; echo $?; tar tf u.tar
--- stdout
0
a

### update adds an older file that is not in the archive
echo a > a; touch -d 2020-01-01 a; tar cf x.tar --owner=0 --group=0 a; echo b > b; touch -d 2019-01-01 b; tar uvf x.tar --owner=0 --group=0 a b; tar tvf x.tar --numeric-owner
--- stdout
b
-rw-r--r-- 0/0               2 2020-01-01 00:00 a
-rw-r--r-- 0/0               2 2019-01-01 00:00 b

### delete a member
echo a > a; echo b > b; mkdir d; echo c > d/c
T="--mtime=@0 --owner=0 --group=0 --numeric-owner --sort=name"
tar cf x.tar $T a b d; tar --delete -f x.tar b; echo $?; tar tf x.tar; tar cf y.tar $T a d; cmp x.tar y.tar && echo same
--- stdout
0
a
d/
d/c
same

### delete a directory and what is in it
echo a > a; mkdir d; echo c > d/c; tar cf x.tar a d; tar --delete -f x.tar d; echo $?; tar tf x.tar
--- stdout
0
a

### delete a name in a directory
echo a > a; mkdir d; echo c > d/c; echo e > d/e; tar cf x.tar --sort=name a d; tar --delete -f x.tar d/c; tar tf x.tar
--- stdout
a
d/
d/e

### delete a big member shrinks the archive
head -c 30000 /dev/zero | tr '\0' x > big; echo a > a; echo b > b
T="--mtime=@0 --owner=0 --group=0 --numeric-owner"
tar cf x.tar $T a big b; wc -c < x.tar; tar --delete -f x.tar big; wc -c < x.tar; tar cf y.tar $T a b; cmp x.tar y.tar && echo same
--- stdout
40960
10240
same

### delete every member
echo a > a; echo b > b; tar cf x.tar a b; tar --delete -f x.tar --wildcards '*'; echo $?; tar tf x.tar; wc -c < x.tar; od -An -c x.tar | sort -u
--- stdout
0
10240
  \0  \0  \0  \0  \0  \0  \0  \0  \0  \0  \0  \0  \0  \0  \0  \0
*

### delete missing name
echo a > a; tar cf x.tar a; tar --delete -f x.tar nope; echo $?; tar tf x.tar
--- stdout
2
a
--- stderr
tar: nope: Not found in archive
tar: Exiting with failure status due to previous errors

### delete a pattern without --wildcards
echo a > a; tar cf x.tar a; tar --delete -f x.tar '*'; echo $?
--- stdout
2
--- stderr
tar: Pattern matching characters used in file names
tar: Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning
tar: *: Not found in archive
tar: Exiting with failure status due to previous errors

### delete from standard input
echo a > a; echo b > b; mkdir d; echo c > d/c; tar cf x.tar a b d; tar --delete a < x.tar | tar t; echo $?
--- stdout
b
d/
d/c
0

### delete in a compressed archive
echo a > a; tar czf z.tgz a; tar --delete -f z.tgz a; echo $?; tar --delete -zf z.tgz a; echo $?
--- stdout
2
2
--- stderr
tar: Cannot update compressed archives
tar: Error is not recoverable: exiting now
tar: Cannot update compressed archives
Try 'tar --help' or 'tar --usage' for more information.

### delete long names
n=$(printf 'n%.0s' $(seq 120)); echo a > $n; echo b > b; tar cf x.tar $n b; tar --delete -f x.tar $n; tar tf x.tar
--- stdout
b

### modes exclude each other
tar -r --delete -f x.tar a; echo $?
--- stdout
2
--- stderr
tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option
Try 'tar --help' or 'tar --usage' for more information.

### mtime verbose note
echo a > a; tar cvf x.tar --mtime=@5 a; tar cvf x.tar --mtime='2020-01-01 10:00' a; tar cvf x.tar --owner=0 --group=0 --mtime='2020-01-01 00:00:00' a; tar tvf x.tar
--- stdout
a
a
a
-rw-r--r-- root/root         2 2020-01-01 00:00 a
--- stderr
tar: Option --mtime: Treating date '@5' as 1970-01-01 00:00:05
tar: Option --mtime: Treating date '2020-01-01 10:00' as 2020-01-01 10:00:00

### mtime from a file
echo a > a; touch -d '2021-03-04 05:06:07' ref; tar cf x.tar --owner=0 --group=0 --mtime=./ref a; tar tvf x.tar --numeric-owner
--- stdout
-rw-r--r-- 0/0               2 2021-03-04 05:06 a

### mtime sample file missing
echo a > a; tar cf x.tar --mtime=./nope a; echo $?
--- stdout
2
--- stderr
tar: ./nope: Cannot stat: No such file or directory
tar: Date sample file not found
Try 'tar --help' or 'tar --usage' for more information.

### numeric owner leaves the names out
echo a > a; tar cf x.tar --owner=0 --group=0 --numeric-owner --mtime=@0 a; tar cf y.tar --owner=0 --group=0 --mtime=@0 a; cmp -l x.tar y.tar | wc -l; od -An -c -j 265 -N 4 x.tar
--- stdout
11
  \0  \0  \0  \0

### wildcards in names
touch a.txt b.log; mkdir -p d/e; touch d/c.txt d/e/f.txt; tar cf x.tar --sort=name a.txt b.log d
tar tf x.tar '*.txt'; echo $?
tar tf x.tar --wildcards '*.txt'; echo $?
tar tf x.tar --wildcards --no-wildcards-match-slash '*.txt'; echo $?
tar tf x.tar --wildcards '[ab]*'; echo $?
tar tf x.tar --no-wildcards '*.txt'; echo $?
--- stdout
2
a.txt
d/c.txt
d/e/f.txt
0
a.txt
0
a.txt
b.log
0
2
--- stderr
tar: Pattern matching characters used in file names
tar: Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning
tar: *.txt: Not found in archive
tar: Exiting with failure status due to previous errors
tar: *.txt: Not found in archive
tar: Exiting with failure status due to previous errors

### anchored and unanchored names
touch a.txt b.log; mkdir -p d/e; touch d/c.txt d/e/f.txt; tar cf x.tar --sort=name a.txt b.log d
tar tf x.tar --wildcards --anchored c.txt; echo $?
tar tf x.tar --wildcards --no-anchored c.txt; echo $?
tar tf x.tar --no-anchored c.txt; echo $?
--- stdout
2
d/c.txt
0
d/c.txt
0
--- stderr
tar: c.txt: Not found in archive
tar: Exiting with failure status due to previous errors

### wildcards with leading directories
touch a.txt b.log; mkdir -p d/e; touch d/c.txt d/e/f.txt; tar cf x.tar --sort=name a.txt b.log d
tar tf x.tar --wildcards 'd/*'; echo $?
tar tf x.tar --wildcards --no-wildcards-match-slash 'd/*'; echo $?
tar tf x.tar --wildcards d; echo $?
tar tf x.tar --wildcards --no-recursion d; echo $?
tar tf x.tar --no-recursion d; echo $?
--- stdout
d/c.txt
d/e/
d/e/f.txt
0
d/c.txt
d/e/
d/e/f.txt
0
d/
d/c.txt
d/e/
d/e/f.txt
0
d/
0
d/
0

### ignore case
touch a.txt b.log; mkdir -p d/e; touch d/c.txt d/e/f.txt; tar cf x.tar --sort=name a.txt b.log d
tar tf x.tar --ignore-case A.TXT; echo $?
tar tf x.tar --wildcards --ignore-case '*.TXT'; echo $?
tar tf x.tar --ignore-case --no-ignore-case A.TXT; echo $?
--- stdout
a.txt
0
a.txt
d/c.txt
d/e/f.txt
0
2
--- stderr
tar: A.TXT: Not found in archive
tar: Exiting with failure status due to previous errors

### pattern options apply to the names after them
touch a.txt b.log; tar cf x.tar a.txt b.log; tar tf x.tar '*.txt' --wildcards; echo $?; tar tf x.tar --wildcards 'a*' --no-wildcards 'b*'; echo $?
--- stdout
2
a.txt
2
--- stderr
tar: *.txt: Not found in archive
tar: Exiting with failure status due to previous errors
tar: b*: Not found in archive
tar: Exiting with failure status due to previous errors

### first matching name takes the member
touch a.txt; mkdir d; touch d/c.txt; tar cf x.tar a.txt d; tar tf x.tar d d/c.txt; echo $?; tar tf x.tar a.txt a.txt; echo $?
--- stdout
d/
d/c.txt
2
a.txt
2
--- stderr
tar: d/c.txt: Not found in archive
tar: Exiting with failure status due to previous errors
tar: a.txt: Not found in archive
tar: Exiting with failure status due to previous errors

### unmatched wildcard among others
touch a.txt b.log; tar cf x.tar a.txt b.log; tar tf x.tar --wildcards '*.zz' a.txt; echo $?
--- stdout
a.txt
2
--- stderr
tar: *.zz: Not found in archive
tar: Exiting with failure status due to previous errors

### extract with wildcards
touch a.txt b.log; mkdir -p d/e; echo f > d/e/f.txt; tar cf x.tar a.txt b.log d; mkdir o; tar xf x.tar -C o --wildcards '*.txt'; find o | sort
--- stdout
o
o/a.txt
o/d
o/d/e
o/d/e/f.txt

### extract with a pattern and no wildcards
touch a.txt; tar cf x.tar a.txt; mkdir o; tar xf x.tar -C o 'a*'; echo $?; ls o
--- stdout
2
--- stderr
tar: Pattern matching characters used in file names
tar: Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning
tar: a*: Not found in archive
tar: Exiting with failure status due to previous errors

### exclude matches anywhere by default
mkdir -p d/e; touch a.txt b.log d/c.txt d/e/f.txt
tar cf - --sort=name --exclude='*.txt' . | tar t
tar cf - --sort=name --exclude='c.txt' --exclude='./d/e' . | tar t
--- stdout
./
./b.log
./d/
./d/e/
./
./a.txt
./b.log
./d/

### exclude with no wildcards
mkdir -p d/e; touch a.txt b.log d/c.txt d/e/f.txt
tar cf - --sort=name --no-wildcards --exclude='*.txt' . | tar t
--- stdout
./
./a.txt
./b.log
./d/
./d/c.txt
./d/e/
./d/e/f.txt

### exclude anchored
mkdir -p d/e; touch a.txt b.log d/c.txt d/e/f.txt
tar cf - --sort=name --anchored --exclude='c.txt' --exclude='d/e' . | tar t
--- stdout
./
./a.txt
./b.log
./d/
./d/c.txt
./d/e/
./d/e/f.txt

### exclude and slashes
mkdir -p d/e; touch d/c.txt d/e/f.txt
tar cf - --sort=name --exclude='d*t' d | tar t; echo --
tar cf - --sort=name --no-wildcards-match-slash --exclude='d*t' d | tar t
--- stdout
d/
d/e/
--
d/
d/c.txt
d/e/
d/e/f.txt

### exclude on list
mkdir -p d/e; touch a.txt b.log d/c.txt d/e/f.txt; tar cf x.tar --sort=name a.txt b.log d
tar tf x.tar --exclude='*.txt'; echo --; tar tf x.tar --exclude='d/e'; echo --; tar tf x.tar --anchored --exclude='e'; echo --
tar tf x.tar --exclude='D' --ignore-case; echo --; tar tf x.tar --ignore-case --exclude='D'
--- stdout
b.log
d/
d/e/
--
a.txt
b.log
d/
d/c.txt
--
a.txt
b.log
d/
d/c.txt
d/e/
d/e/f.txt
--
a.txt
b.log
d/
d/c.txt
d/e/
d/e/f.txt
--
a.txt
b.log

### no recursion on create
mkdir -p d/e; touch d/c.txt; tar cf x.tar --no-recursion d d/c.txt; tar tf x.tar
--- stdout
d/
d/c.txt

### long name header without names under numeric owner
n=$(printf 'n%.0s' $(seq 150)); mkdir d; echo a > d/$n; ln -s $n d/l
tar cf - --mtime=@0 --owner=0 --group=0 --numeric-owner --sort=name d | md5sum
--- stdout
3d64892f111dd74885216a8d6b4b9b12  -

### long name header names root
n=$(printf 'n%.0s' $(seq 150)); mkdir d; echo a > d/$n
tar cf - --mtime=@0 --owner=0 --group=0 --sort=name d | md5sum
--- stdout
78e87d5de7cf3862600cb4f845d09b1d  -

### negative mtime
echo a > a; tar cf x.tar --mtime=@-1 --owner=0 --group=0 --numeric-owner a; md5sum < x.tar; tar tvf x.tar
tar cf y.tar --mtime=@-100000000000 --owner=0 --group=0 a; tar tvf y.tar; od -An -tx1 -j136 -N12 y.tar
--- stdout
e3ef91d6b66e23cf560e4c5cb81f20c6  -
-rw-r--r-- 0/0               2 1969-12-31 23:59 a
-rw-r--r-- root/root         2 -1199-02-15 14:13 a
 ff ff ff ff ff ff ff e8 b7 89 18 00

### mtime past octal
echo a > a; tar cf x.tar --mtime=@99999999999 --owner=0 --group=0 a; tar tvf x.tar; od -An -tx1 -j136 -N12 x.tar
--- stdout
-rw-r--r-- root/root         2 5138-11-16 09:46 a
 80 00 00 00 00 00 00 17 48 76 e7 ff

### verbose create to stdout lists on stderr
echo a > a; touch -d '2021-02-03 04:05:06' a; tar cvvf - --mtime=@0 --owner=0 --group=0 --numeric-owner a 2>&1 >/dev/null; tar cvf - a 2>&1 >/dev/null
--- stdout
tar: Option --mtime: Treating date '@0' as 1970-01-01 00:00:00
-rw-r--r-- 0/0               2 2021-02-03 04:05 a
a

### full time listing
echo a > a; tar cf x.tar --mtime='2020-01-02 03:04:05' --owner=0 --group=0 a; tar tvf x.tar --full-time
--- stdout
-rw-r--r-- root/root         2 2020-01-02 03:04:05 a

### ustar format
echo a > a; mkdir d; T="--mtime=@0 --owner=0 --group=0 --numeric-owner"
tar cf - --format=ustar $T a | md5sum; tar cf - --format=ustar $T d | md5sum; tar cf - --format=oldgnu $T a | md5sum; tar cf - --format=gnu $T a | md5sum
--- stdout
662cc5663c5f5088aeaa243cd5024a82  -
225346637b9ebb7fa6ff92f98af24da0  -
cd041496abc81fb3f13ad8805021d1c4  -
cd041496abc81fb3f13ad8805021d1c4  -

### ustar long names use the prefix
n=$(printf 'n%.0s' $(seq 80)); mkdir -p $n/$n; echo a > $n/$n/f
tar cf x.tar --format=ustar --mtime=@0 --owner=0 --group=0 --numeric-owner $n; md5sum < x.tar; tar tf x.tar | wc -c
--- stdout
75f57e41cf28f1e03533f86499f72765  -
409

### ustar name too long
n=$(printf 'n%.0s' $(seq 120)); echo a > $n; tar cf x.tar --format=ustar $n; echo $?
m=$(printf 'm%.0s' $(seq 300)); echo a > $m; tar cf y.tar --format=ustar $m; echo $?
--- stdout
2
2
--- stderr
tar: nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn: file name is too long (cannot be split); not dumped
tar: Exiting with failure status due to previous errors
vbash: line 2: mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm: File name too long
tar: mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm: Cannot stat: File name too long
tar: Exiting with failure status due to previous errors

### ustar link name too long
n=$(printf 'n%.0s' $(seq 120)); ln -s $n l; tar cf x.tar --format=ustar l; echo $?
--- stdout
2
--- stderr
tar: nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn: link name is too long; not dumped
tar: Exiting with failure status due to previous errors

### invalid format
echo a > a; tar cf x.tar --format=nope a; echo $?
--- stdout
2
--- stderr
tar: nope: Invalid archive format
Try 'tar --help' or 'tar --usage' for more information.

### blocking factor
echo a > a; tar cf - -b 1 a | wc -c; tar cf - --blocking-factor=3 a | wc -c; tar cf x.tar -b 0 a; echo $?
--- stdout
2048
3072
2
--- stderr
tar: 0: Invalid blocking factor
Try 'tar --help' or 'tar --usage' for more information.

### dereference
echo a > a; ln -s a l; T="--mtime=@0 --owner=0 --group=0 --numeric-owner"
tar cf - -h $T l | md5sum; tar chf - $T l | tar tv; mkdir d; ln -s ../a d/s; tar cf - --dereference $T d | tar tv
--- stdout
cefecd181386b269cd50ed390f485f75  -
-rw-r--r-- 0/0               2 1970-01-01 00:00 l
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/
-rw-r--r-- 0/0               2 1970-01-01 00:00 d/s

### keep newer files
echo a > a; touch -d 2000-01-01 a; tar cf x.tar a; echo new > a; tar xf x.tar --keep-newer-files; echo $?; cat a
touch -d 1990-01-01 a; tar xf x.tar --keep-newer-files; echo $?; cat a
--- stdout
0
new
0
a
--- stderr
tar: Current ‘a’ is newer or same age

### skip old files
echo a > a; tar cf x.tar a; echo new > a; tar xf x.tar --skip-old-files; echo $?; cat a
--- stdout
0
new

### overwrite in place keeps hard links
echo a > a; tar cf x.tar a; echo new > a; ln a b; tar xf x.tar --overwrite; echo $?; cat b; rm b; echo new > a; ln a b; tar xf x.tar; cat b
--- stdout
0
a
new

### leading slash reported before the stat
echo a > a; tar cf x.tar /nonexistent_vbash_zz a; echo $?; tar tf x.tar
--- stdout
2
a
--- stderr
tar: Removing leading `/' from member names
tar: /nonexistent_vbash_zz: Cannot stat: No such file or directory
tar: Exiting with failure status due to previous errors

### listing in UTC
echo a > a; tar cf x.tar --owner=0 --group=0 --mtime='2020-01-02 03:04:05' a; TZ=EST5 tar -tvf x.tar --utc; TZ=EST5 tar -tvf x.tar
--- stdout
-rw-r--r-- root/root         2 2020-01-02 03:04 a
-rw-r--r-- root/root         2 2020-01-01 22:04 a

### touch keeps the extraction time
echo a > a; tar cf x.tar --mtime=@0 a; rm a; tar xf x.tar -m; echo $?; ls -l --time-style=+%Y a | grep -c 1970; tar xf x.tar; ls -l --time-style=+%Y a | cut -d' ' -f6-
--- stdout
0
0
1970 a

### exclude version control names
echo a > a; mkdir .git d; echo g > .git/c; touch d/.gitignore d/x d/CVS; tar cf - --sort=name --exclude-vcs . | tar t
--- stdout
./
./a
./d/
./d/x

### exclude patterns from a file
echo a > a; echo b > b; printf 'a\n\n*.z\n' > ex; touch q.z; tar cf - --sort=name -X ex . | tar t; echo $?; tar cf - --sort=name --exclude-from=ex . | tar t | wc -l
--- stdout
./
./b
./ex
0
3

### exclude file missing
echo a > a; tar cf x.tar -X nope a; echo $?
--- stdout
2
--- stderr
tar: nope: No such file or directory
tar: Error is not recoverable: exiting now

### no same permissions after -p
echo a > a; chmod 777 a; tar cf x.tar a; rm a; tar xf x.tar -p --no-same-permissions; ls -l a | cut -c1-10; rm a; tar xf x.tar -p; ls -l a | cut -c1-10
--- stdout
-rwxr-xr-x
-rwxrwxrwx

### unlink first
echo a > a; tar cf x.tar a; echo b > a; tar xf x.tar -U; echo $?; cat a; tar xf x.tar -k -U; echo $?
--- stdout
0
a
2
--- stderr
tar: '--unlink-first' cannot be used with '--keep-old-files'
Try 'tar --help' or 'tar --usage' for more information.
