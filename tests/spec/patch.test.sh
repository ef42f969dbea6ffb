# patch: unified and context diffs, offsets, fuzz, rejects, -R -N -p -o -d
# --dry-run -b -z -s -E -t -f, creation and deletion.

### unified basic
printf '1\n2\n3\n4\n5\n' > a; printf '1\n2\nX\n4\n5\n' > b
diff -u --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
X
4
5

### context basic
printf '1\n2\n3\n4\n5\n' > a; printf '1\n2\nX\n4\n5\n' > b
diff -c --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
X
4
5

### -i option
printf '1\n2\n3\n' > a; printf '1\nY\n3\n' > b
diff -u --label a --label a a b > p
patch -i p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
Y
3

### patchfile operand with origfile
printf '1\n2\n3\n' > a; printf '1\nY\n3\n' > b
diff -u --label zz --label zz a b > p
patch a p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
Y
3

### offset positive
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > a; printf '1\n2\n3\n4\nX\n6\n7\n8\n9\n' > b
diff -u --label a --label a a b > p
printf '0\n0\n' | cat - a > a2; mv a2 a
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 4 (offset 2 lines).
st=0
0
0
1
2
3
4
X
6
7
8
9

### offset negative one line
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > a; printf '1\n2\n3\n4\nX\n6\n7\n8\n9\n' > b
diff -u --label a --label a a b > p
sed -i 1d a
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 1 (offset -1 lines).
st=0
2
3
4
X
6
7
8
9

### fuzz 1 near start of file
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' > a
printf '1\n2\nA\nB\n3\n4\n5\n6\n7\n8\n9\n10\nX\n12\n' > b
diff -u --label a --label a a b > p
printf '0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' > a
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 2 with fuzz 1 (offset 1 line).
Hunk #2 succeeded at 11 (offset 1 line).
st=0
0
1
2
A
B
3
4
5
6
7
8
9
10
X
12

### fuzz from changed context line
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > a; printf '1\n2\n3\n4\nX\n6\n7\n8\n9\n' > b
diff -u --label a --label a a b > p
printf '1\nTWO\n3\n4\n5\n6\n7\n8\n9\n' > a
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 2 with fuzz 1.
st=0
1
TWO
3
4
X
6
7
8
9

### fuzz 2
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > a; printf '1\n2\n3\n4\nX\n6\n7\n8\n9\n' > b
diff -u --label a --label a a b > p
printf '1\n2\nc\n4\n5\n6\nc\n8\n9\n' > a
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 2 with fuzz 2.
st=0
1
2
c
4
X
6
c
8
9

### -F 0 refuses fuzz
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > a; printf '1\n2\n3\n4\nX\n6\n7\n8\n9\n' > b
diff -u --label a --label a a b > p
printf '1\n2\nc\n4\n5\n6\n7\n8\n9\n' > a
patch -F 0 < p; echo "st=$?"; cat a; cat a.rej
--- stdout
patching file a
Hunk #1 FAILED at 2.
1 out of 1 hunk FAILED -- saving rejects to file a.rej
st=1
1
2
c
4
5
6
7
8
9
\--- a
+++ a
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+X
 6
 7
 8

### failed hunk writes rejects
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' > a
printf '1\n2\nA\nB\n3\n4\n5\n6\n7\n8\n9\n10\nX\n12\n' > b
diff -u --label a --label a a b > p
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n' > a
patch < p; echo "st=$?"; cat a; cat a.rej
--- stdout
patching file a
Hunk #2 FAILED at 10.
1 out of 2 hunks FAILED -- saving rejects to file a.rej
st=1
1
2
A
B
3
4
5
6
7
8
9
10
11
\--- a
+++ a
@@ -10,5 +12,5 @@
 8
 9
 10
-11
+X
 12

### all hunks fail
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
printf 'q\nw\ne\n' > a
patch < p; echo "st=$?"; cat a; cat a.rej
--- stdout
patching file a
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file a.rej
st=1
q
w
e
\--- a
+++ a
@@ -1,3 +1,3 @@
 1
-2
+X
 3

### second hunk offset after first
printf '%s\n' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 > a
printf '%s\n' 1 2 X 4 5 6 7 8 9 10 11 12 13 14 15 16 Y 18 19 20 > b
diff -u --label a --label a a b > p
printf '%s\n' 1 2 3 4 5 6 7 8 9 10 n n 11 12 13 14 15 16 17 18 19 20 > a
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #2 succeeded at 16 (offset 2 lines).
st=0
1
2
X
4
5
6
7
8
9
10
n
n
11
12
13
14
15
16
Y
18
19
20

### cumulative offset message
printf '%s\n' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 > a
printf '%s\n' 1 2 X 4 5 6 7 8 9 10 11 12 13 14 15 16 Y 18 19 20 > b
diff -u --label a --label a a b > p
printf '%s\n' n n n 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 > a
patch < p; echo "st=$?"
--- stdout
patching file a
Hunk #1 succeeded at 4 with fuzz 1 (offset 3 lines).
Hunk #2 succeeded at 17 (offset 3 lines).
st=0

### reversed patch without tty
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
cp b a
patch < p; echo "st=$?"; cat a; cat a.rej
--- stdout
patching file a
Reversed (or previously applied) patch detected!  Assume -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file a.rej
st=1
1
X
3
\--- a
+++ a
@@ -1,3 +1,3 @@
 1
-2
+X
 3

### reversed patch with -t
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
cp b a
patch -t < p; echo "st=$?"; cat a
--- stdout
patching file a
Reversed (or previously applied) patch detected!  Assuming -R.
st=0
1
2
3

### reversed patch with -N
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
cp b a
patch -N < p; echo "st=$?"; cat a; cat a.rej
--- stdout
patching file a
Reversed (or previously applied) patch detected!  Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file a.rej
st=1
1
X
3
\--- a
+++ a
@@ -1,3 +1,3 @@
 1
-2
+X
 3

### -f does not detect reversal
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
cp b a
patch -f < p; echo "st=$?"; cat a; ls
--- stdout
patching file a
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file a.rej
st=1
1
X
3
a
a.orig
a.rej
b
p

### -R reverses
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
cp b a
patch -R < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
3

### -R context diff
printf '1\n2\n3\n4\n' > a; printf '1\nX\n3\nY\n4\n' > b
diff -c --label a --label a a b > p
cp b a
patch -R < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
3
4

### dry run changes nothing
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch --dry-run < p; echo "st=$?"; cat a; ls
--- stdout
checking file a
st=0
1
2
3
a
b
p

### dry run of failing patch
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
printf 'z\nz\nz\n' > a
patch --dry-run < p; echo "st=$?"; ls
--- stdout
checking file a
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED
st=1
a
b
p

### silent
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > a; printf '1\n2\n3\n4\nX\n6\n7\n8\n9\n' > b
diff -u --label a --label a a b > p
printf '0\n' | cat - a > a2; mv a2 a
patch -s < p; echo "st=$?"; cat a
--- stdout
st=0
0
1
2
3
4
X
6
7
8
9

### silent failure still counts
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
printf 'z\nz\nz\n' > a
patch --silent < p; echo "st=$?"
--- stdout
1 out of 1 hunk FAILED -- saving rejects to file a.rej
st=1

### backup -b
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch -b < p; echo "st=$?"; cat a a.orig
--- stdout
patching file a
st=0
1
X
3
1
2
3

### backup with -z suffix
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch -b -z .bak < p; echo "st=$?"; cat a.bak; ls
--- stdout
patching file a
st=0
1
2
3
a
a.bak
b
p

### -o output file
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch -o out < p; echo "st=$?"; cat a out
--- stdout
patching file out (read from a)
st=0
1
2
3
1
X
3

### -d directory
mkdir d; printf '1\n2\n3\n' > d/a; printf '1\nX\n3\n' > b
diff -u --label a --label a d/a b > p
patch -d d < p; echo "st=$?"; cat d/a
--- stdout
patching file a
st=0
1
X
3

### -d missing directory
printf 'x\n' > p
patch -d nope < p; echo "st=$?"
--- stdout
st=2
--- stderr
patch: **** Can't change to directory nope : No such file or directory

### -p1
mkdir q; printf '1\n2\n' > q/f; printf '1\n3\n' > g
diff -u --label a/q/f --label b/q/f q/f g > p
patch -p1 < p; echo "st=$?"; cat q/f
--- stdout
patching file q/f
st=0
1
3

### -p0 keeps path
mkdir q; printf '1\n2\n' > q/f; printf '1\n3\n' > g
diff -u --label q/f --label q/f q/f g > p
patch -p0 < p; echo "st=$?"; cat q/f
--- stdout
patching file q/f
st=0
1
3

### no -p uses basename
mkdir x; printf '1\n2\n' > g; cp g x/g; printf '1\n3\n' > h
diff -u --label x/g --label x/g g h > p
patch < p; echo "st=$?"; cat g x/g
--- stdout
patching file g
st=0
1
3
1
2

### missing file to patch
mkdir q; printf '1\n2\n' > q/f; printf '1\n3\n' > g
diff -u --label a/q/f --label b/q/f q/f g > p
patch < p; echo "st=$?"
--- stdout
can't find file to patch at input line 3
Perhaps you should have used the -p or --strip option?
The text leading up to this was:
--------------------------
|--- a/q/f
|+++ b/q/f
--------------------------
File to patch: 
Skip this patch? [y] 
Skipping patch.
1 out of 1 hunk ignored
st=1

### missing file to patch in batch mode
mkdir q; printf '1\n2\n' > q/f; printf '1\n3\n' > g
diff -u --label a/q/f --label b/q/f q/f g > p
patch -t < p; echo "st=$?"
--- stdout
can't find file to patch at input line 3
Perhaps you should have used the -p or --strip option?
The text leading up to this was:
--------------------------
|--- a/q/f
|+++ b/q/f
--------------------------
No file to patch.  Skipping patch.
1 out of 1 hunk ignored
st=1

### create file from dev null
printf 'new\nfile\n' > n
diff -u --label /dev/null --label c /dev/null n > p
patch < p; echo "st=$?"; cat c
--- stdout
patching file c
st=0
new
file

### create file in new directory
printf 'new\n' > n
diff -u --label /dev/null --label b/sub/c /dev/null n > p
patch -p1 < p; echo "st=$?"; cat sub/c
--- stdout
patching file sub/c
st=0
new

### delete file to dev null
printf 'x\ny\n' > c
diff -u --label c --label /dev/null c /dev/null > p
patch < p; echo "st=$?"; ls
--- stdout
patching file c
st=0
p

### empty result kept without -E
printf 'x\ny\n' > c
diff -u --label c --label c c /dev/null > p
patch < p; echo "st=$?"; ls; wc -c < c
--- stdout
patching file c
st=0
c
p
0

### empty result removed with -E
printf 'x\ny\n' > c
diff -u --label c --label c c /dev/null > p
patch -E < p; echo "st=$?"; ls
--- stdout
patching file c
st=0
p

### multiple files
printf '1\n2\n' > a; printf '1\nA\n' > a2; printf '3\n4\n' > b; printf 'B\n4\n' > b2
{ diff -u --label a --label a a a2; diff -u --label b --label b b b2; } > p
patch < p; echo "st=$?"; cat a b
--- stdout
patching file a
patching file b
st=0
1
A
B
4

### multiple files one fails
printf '1\n2\n' > a; printf '1\nA\n' > a2; printf '3\n4\n' > b; printf 'B\n4\n' > b2
{ diff -u --label a --label a a a2; diff -u --label b --label b b b2; } > p
printf 'z\n' > a
patch < p; echo "st=$?"; cat a b
--- stdout
patching file a
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file a.rej
patching file b
st=1
z
B
4

### leading garbage ignored
printf '1\n2\n' > a; printf '1\nA\n' > a2
{ echo 'Some text'; echo 'diff -u a a2'; diff -u --label a --label a a a2; } > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
A

### only garbage
printf 'hello\nworld\n' > p
patch < p; echo "st=$?"
--- stdout
st=2
--- stderr
patch: **** Only garbage was found in the patch input.

### no newline at end added
printf '1\n2' > a; printf '1\n2\n' > b
diff -u --label a --label a a b > p
patch < p; echo "st=$?"; od -c a
--- stdout
patching file a
st=0
0000000   1  \n   2  \n
0000004

### no newline at end removed
printf '1\n2\n' > a; printf '1\n2' > b
diff -u --label a --label a a b > p
patch < p; echo "st=$?"; od -c a
--- stdout
patching file a
st=0
0000000   1  \n   2
0000003

### no newline in context diff
printf '1\n2' > a; printf '1\n3' > b
diff -c --label a --label a a b > p
patch < p; echo "st=$?"; od -c a
--- stdout
patching file a
st=0
0000000   1  \n   3
0000003

### context diff with additions only
printf '1\n2\n3\n' > a; printf '1\n2\nN\n3\n' > b
diff -c --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
N
3

### context diff with deletions only
printf '1\n2\n3\n4\n' > a; printf '1\n4\n' > b
diff -c --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
4

### context diff multiple hunks
printf '%s\n' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 > a
printf '%s\n' 1 X 3 4 5 6 7 8 9 10 11 12 13 Y 15 > b
diff -c --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
X
3
4
5
6
7
8
9
10
11
12
13
Y
15

### unified zero context
printf '%s\n' 1 2 3 4 5 > a; printf '%s\n' 1 2 X 4 5 > b
diff -U0 --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
X
4
5

### insertion at start
printf '1\n2\n' > a; printf '0\n1\n2\n' > b
diff -u --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
0
1
2

### insertion at end
printf '1\n2\n' > a; printf '1\n2\n3\n' > b
diff -u --label a --label a a b > p
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
3

### hand written patch
printf 'hello\nworld\n' > f
printf -- '--- f\n+++ f\n@@ -1,2 +1,2 @@\n-hello\n+goodbye\n world\n' > p
patch < p; echo "st=$?"; cat f
--- stdout
patching file f
st=0
goodbye
world

### timestamps in header
printf 'hello\nworld\n' > f
printf -- '--- f\t2020-01-01 00:00:00.000000000 +0000\n+++ f\t2020-01-02 00:00:00.000000000 +0000\n@@ -1 +1 @@\n-hello\n+bye\n' > p
patch < p; echo "st=$?"; cat f
--- stdout
patching file f
st=0
bye
world

### malformed hunk
printf 'hello\n' > f
printf -- '--- f\n+++ f\n@@ -1,2 +1,2 @@\n-hello\nXX\n+bye\n' > p
patch < p; echo "st=$?"; cat f
--- stdout
patching file f
st=2
hello
--- stderr
patch: **** malformed patch at line 5: XX


### missing patch file
patch -i nope; echo "st=$?"
--- stdout
st=2
--- stderr
patch: **** Can't open patch file nope : No such file or directory

### bad option
patch --bogus; echo "st=$?"
--- stdout
st=2
--- stderr
patch: unrecognized option '--bogus'
patch: Try 'patch --help' for more information.

### mode preserved
printf '1\n2\n' > a; printf '1\n3\n' > b; chmod 755 a
diff -u --label a --label a a b > p
patch < p; echo "st=$?"; ls -l a | cut -c1-10
--- stdout
patching file a
st=0
-rwxr-xr-x

### context diff reject
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -c --label a --label a a b > p
printf 'q\nw\ne\n' > a
patch < p; echo "st=$?"; cat a.rej
--- stdout
patching file a
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file a.rej
st=1
*** a
\--- a
***************
*** 1,3 ****
  1
! 2
  3
\--- 1,3 ----
  1
! X
  3

### -R on unapplied patch detects reversal
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch -R -t < p; echo "st=$?"; cat a
--- stdout
patching file a
Unreversed patch detected!  Ignoring -R.
st=0
1
X
3

### -N on already applied multi-file
printf '1\n2\n' > a; printf '1\nA\n' > a2; printf '3\n4\n' > b; printf 'B\n4\n' > b2
{ diff -u --label a --label a a a2; diff -u --label b --label b b b2; } > p
cp a2 a
patch -N < p; echo "st=$?"; cat a b
--- stdout
patching file a
Reversed (or previously applied) patch detected!  Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file a.rej
patching file b
st=1
1
A
B
4

### -o with failed hunk
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
printf 'q\nw\ne\n' > a
patch -o out < p; echo "st=$?"; cat out; ls
--- stdout
patching file out (read from a)
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file out.rej
st=1
q
w
e
a
b
out
out.rej
p

### -p too large
mkdir q; printf '1\n2\n' > q/f; printf '1\n3\n' > g
diff -u --label a/q/f --label b/q/f q/f g > p
patch -p5 -t < p; echo "st=$?"
--- stdout
can't find file to patch at input line 3
Perhaps you used the wrong -p or --strip option?
The text leading up to this was:
--------------------------
|--- a/q/f
|+++ b/q/f
--------------------------
No file to patch.  Skipping patch.
1 out of 1 hunk ignored
st=1

### -b on created file
printf 'new\n' > n
diff -u --label /dev/null --label c /dev/null n > p
patch -b < p; echo "st=$?"; ls
--- stdout
patching file c
st=0
c
c.orig
n
p

### dry run with -R
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
cp b a
patch -R --dry-run < p; echo "st=$?"; cat a
--- stdout
checking file a
st=0
1
X
3

### reverse of a creation deletes
printf 'new\n' > n
diff -u --label /dev/null --label c /dev/null n > p
cp n c
patch -R < p; echo "st=$?"; ls
--- stdout
patching file c
st=0
n
p

### create when file already exists
printf 'new\n' > n
diff -u --label /dev/null --label c /dev/null n > p
cp n c
patch -t < p; echo "st=$?"; cat c
--- stdout
The next patch would create the file c,
which already exists!  Assuming -R.
patching file c
st=0
--- stderr
cat: c: No such file or directory
--- status 1

### delete already deleted in batch mode
printf 'x\ny\n' > c
diff -u --label c --label /dev/null c /dev/null > p
rm c
patch -t < p; echo "st=$?"; ls
--- stdout
The next patch would delete the file c,
which does not exist!  Assuming -R.
patching file c
st=0
c
p

### three hunks middle fails
printf '%s\n' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 > a
printf '%s\n' 1 A 3 4 5 6 7 8 9 10 11 B 13 14 15 16 17 18 19 20 21 22 23 C 25 > b
diff -u --label a --label a a b > p
sed -i 's/^12$/twelve/' a
patch < p; echo "st=$?"; cat a.rej
--- stdout
patching file a
Hunk #2 FAILED at 9.
1 out of 3 hunks FAILED -- saving rejects to file a.rej
st=1
\--- a
+++ a
@@ -9,7 +9,7 @@
 9
 10
 11
-12
+B
 13
 14
 15

### Index line and git style names
mkdir src; printf 'a\nb\n' > src/m.c; printf 'a\nc\n' > new
{ echo 'Index: src/m.c'; echo '==='; diff -u --label a/src/m.c --label b/src/m.c src/m.c new; } > p
patch -p1 < p; echo "st=$?"; cat src/m.c
--- stdout
patching file src/m.c
st=0
a
c

### long option forms
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label x/a --label x/a a b > p
patch --strip=1 --input=p --backup --suffix=.old --silent; echo "st=$?"; cat a a.old
--- stdout
st=0
1
X
3
1
2
3

### same patch applied twice with -N -s
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch -s < p; patch -N -s < p; echo "st=$?"; cat a
--- stdout
Reversed (or previously applied) patch detected!  Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file a.rej
st=1
1
X
3

### empty patch input
patch < /dev/null; echo "st=$?"
--- stdout
st=0

### -R on unapplied patch without tty
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch -R < p; echo "st=$?"; cat a
--- stdout
patching file a
Unreversed patch detected!  Ignore -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file a.rej
st=1
1
2
3

### create when file already exists without tty
printf 'new\n' > n
diff -u --label /dev/null --label c /dev/null n > p
cp n c
patch < p; echo "st=$?"; ls
--- stdout
The next patch would create the file c,
which already exists!  Assume -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored
st=1
c
n
p

### create when file already exists with -N
printf 'new\n' > n
diff -u --label /dev/null --label c /dev/null n > p
cp n c
patch -N < p; echo "st=$?"; ls
--- stdout
The next patch would create the file c,
which already exists!  Skipping patch.
1 out of 1 hunk ignored
st=1
c
n
p

### normal diff with origfile
printf '1\n2\n3\n4\n5\n' > a; printf '0\n1\nX\n3\n5\n6\n' > b
diff a b > p
patch a p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
0
1
X
3
5
6

### normal diff without file name
printf '1\n2\n3\n4\n5\n' > a; printf '0\n1\nX\n3\n5\n6\n' > b
diff a b > p
patch < p; echo "st=$?"; cat a
--- stdout
st=2
1
2
3
4
5
--- stderr
patch: **** Only garbage was found in the patch input.

### normal diff with offset
printf '1\n2\n3\n4\n5\n' > a; printf '1\nX\n3\n4\n5\n' > b
diff a b > p
printf 'z\nz\n1\n2\n3\n4\n5\n' > a
patch a < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 4 (offset 2 lines).
st=0
z
z
1
X
3
4
5

### normal diff reversed
printf '1\n2\n3\n4\n5\n' > a; printf '1\nX\n3\n5\n' > b
diff a b > p
cp b a
patch -R a p; echo "st=$?"; cat a
--- stdout
patching file a
st=0
1
2
3
4
5

### normal diff no newline
printf '1\n2' > a; printf '1\n3' > b
diff a b > p
patch a p; echo "st=$?"; od -c a
--- stdout
patching file a
st=0
0000000   1  \n   3
0000003

### -d with relative -i and -o
mkdir d; printf '1\n2\n' > d/a; printf '1\n3\n' > b
diff -u --label a --label a d/a b > p; cp p d/p2
patch -d d -i p2; echo "st=$?"; cat d/a
patch -d d -i ../p -R -o o2; echo "st=$?"; ls d; cat d/o2
--- stdout
patching file a
st=0
1
3
patching file o2 (read from a)
st=0
a
o2
p2
1
2

### git style patch with extended headers
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g
{ echo 'diff --git a/f b/f'; echo 'index 1111111..2222222 100644'; diff -u --label a/f --label b/f f g; } > p
patch -p1 < p; echo "st=$?"; cat f
--- stdout
patching file f
st=0
a
B
c

### huge line count in hunk header
printf 'a\n' > f
printf -- '--- f\n+++ f\n@@ -1,99999999 +1,99999999 @@\n a\n' > p
patch < p; echo "st=$?"; cat f
--- stdout
patching file f
st=2
a
--- stderr
patch: **** unexpected end of file in patch

### context diff malformed
printf 'a\n' > f
printf -- '*** f\n--- f\n***************\n*** 1,2 ****\n  a\nzz\n' > p
patch < p; echo "st=$?"; cat f
--- stdout
st=2
a
--- stderr
patch: **** malformed patch at line 6: zz


### crlf lines must match exactly
printf 'a\r\nb\r\n' > f
printf -- '--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n' > p
patch < p; echo "st=$?"; od -c f
--- stdout
patching file f
Hunk #1 FAILED at 1 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file f.rej
st=1
0000000   a  \r  \n   b  \r  \n
0000006

### -z alone makes no backup
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
patch -z .bak < p; echo "st=$?"; ls
--- stdout
patching file a
st=0
a
b
p

### offset makes orig backup with -z suffix
printf '1\n2\n3\n' > a; printf '1\nX\n3\n' > b
diff -u --label a --label a a b > p
printf '0\n1\n2\n3\n' > a
patch -z .bak < p; echo "st=$?"; ls
--- stdout
patching file a
Hunk #1 succeeded at 2 (offset 1 line).
st=0
a
a.bak
b
p

### hunk near end of file anchored
printf '%s\n' 1 2 3 4 5 6 7 8 9 10 > a; printf '%s\n' 1 2 3 4 5 6 7 8 X 10 > b
diff -u --label a --label a a b > p
printf '%s\n' 1 2 3 4 5 6 7 8 9 10 11 > a
patch < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 6 with fuzz 2.
st=0
1
2
3
4
5
6
7
8
X
10
11

### reverse with fuzz
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > a; printf '1\n2\n3\n4\nX\n6\n7\n8\n9\n' > b
diff -u --label a --label a a b > p
printf '1\n2\nc\n4\nX\n6\n7\n8\n9\n' > a
patch -R < p; echo "st=$?"; cat a
--- stdout
patching file a
Hunk #1 succeeded at 2 with fuzz 2.
st=0
1
2
c
4
5
6
7
8
9

### backup of multiple files
printf '1\n2\n' > a; printf '1\nA\n' > a2; printf '3\n4\n' > b; printf 'B\n4\n' > b2
{ diff -u --label a --label a a a2; diff -u --label b --label b b b2; } > p
patch -b < p; echo "st=$?"; cat a.orig b.orig
--- stdout
patching file a
patching file b
st=0
1
2
3
4

### missing file to patch with -f
printf '1\n2\n' > g; printf '1\n3\n' > h
diff -u --label x/nope --label x/nope g h > p
patch -f -p1 < p; echo "st=$?"
--- stdout
can't find file to patch at input line 3
Perhaps you used the wrong -p or --strip option?
The text leading up to this was:
--------------------------
|--- x/nope
|+++ x/nope
--------------------------
No file to patch.  Skipping patch.
1 out of 1 hunk ignored
st=1

### bad strip count
printf 'x\n' > p
patch -p x < p; echo "st=$?"
--- stdout
st=2
--- stderr
patch: **** strip count x is not a number

### patch audit: p basic unified
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g > p.diff; patch < p.diff; cat f
--- stdout
patching file f
a
B
c

### patch audit: p -p1
mkdir -p x; printf 'a\n' > x/f; printf -- '--- a/x/f\n+++ b/x/f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch -p1 < p.diff; cat x/f
--- stdout
patching file x/f
b

### patch audit: p -p0 explicit file
printf 'a\n' > f; printf -- '--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch -p0 f p.diff; cat f
--- stdout
patching file f
b

### patch audit: p -R
printf 'a\nB\nc\n' > f; printf -- '--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n' > p.diff; patch -R < p.diff; cat f
--- stdout
patching file f
a
b
c

### patch audit: p -N already applied
printf 'a\nB\nc\n' > f; printf -- '--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n' > p.diff; patch -N < p.diff; echo rc=$?; cat f; ls
--- stdout
patching file f
Reversed (or previously applied) patch detected!  Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file f.rej
rc=1
a
B
c
f
f.rej
p.diff

### patch audit: p dry run
printf 'a\nb\n' > f; printf -- '--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n' > p.diff; patch --dry-run < p.diff; cat f
--- stdout
checking file f
a
b

### patch audit: p -b backup
printf 'a\nb\n' > f; printf -- '--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n' > p.diff; patch -b < p.diff; cat f f.orig
--- stdout
patching file f
a
c
a
b

### patch audit: p offset
printf 'x\ny\na\nb\nc\n' > f; printf -- '--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n' > p.diff; patch < p.diff; cat f
--- stdout
patching file f
Hunk #1 succeeded at 3 (offset 2 lines).
x
y
a
B
c

### patch audit: p fuzz
printf 'a\nb\nc\nd\ne\nf\ng\n' > f; printf -- '--- f\n+++ f\n@@ -2,5 +2,5 @@\n X\n c\n-d\n+D\n e\n Y\n' > p.diff; patch < p.diff; echo rc=$?; cat f
--- stdout
patching file f
Hunk #1 succeeded at 2 with fuzz 1.
rc=0
a
b
c
D
e
f
g

### patch audit: p reject
printf 'a\nb\n' > f; printf -- '--- f\n+++ f\n@@ -1,2 +1,2 @@\n q\n-r\n+s\n' > p.diff; patch < p.diff; echo rc=$?; cat f.rej
--- stdout
patching file f
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file f.rej
rc=1
\--- f
+++ f
@@ -1,2 +1,2 @@
 q
-r
+s

### patch audit: p create file
printf -- '--- /dev/null\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n' > p.diff; patch < p.diff; cat new
--- stdout
patching file new
a
b

### patch audit: p delete file
printf 'a\n' > old; printf -- '--- old\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n' > p.diff; patch < p.diff; ls
--- stdout
patching file old
p.diff

### patch audit: p context diff
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -c f g > p.diff; patch < p.diff; cat f
--- stdout
patching file f
a
B
c

### patch audit: p normal diff
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff f g > p.diff; patch f < p.diff; cat f
--- stdout
patching file f
a
B
c

### patch audit: p -i
printf 'a\n' > f; printf -- '--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch -i p.diff; cat f
--- stdout
patching file f
b

### patch audit: p -o
printf 'a\n' > f; printf -- '--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch -o out < p.diff; cat f out
--- stdout
patching file out (read from f)
a
b

### patch audit: p -d
mkdir d; printf 'a\n' > d/f; printf -- '--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch -d d < p.diff; cat d/f
--- stdout
patching file f
b

### patch audit: p missing file
printf -- '--- nofile\n+++ nofile\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch < p.diff; echo rc=$?
--- stdout
can't find file to patch at input line 3
Perhaps you should have used the -p or --strip option?
The text leading up to this was:
--------------------------
|--- nofile
|+++ nofile
--------------------------
File to patch: 
Skip this patch? [y] 
Skipping patch.
1 out of 1 hunk ignored
rc=1

### patch audit: p garbage
printf 'hello\n' > p.diff; patch < p.diff; echo rc=$?
--- stdout
rc=2
--- stderr
patch: **** Only garbage was found in the patch input.

### patch audit: p no newline at end
printf 'a\nb' > f; printf 'a\nc' > g; diff -u f g > p.diff; patch < p.diff; od -c f
--- stdout
patching file f
0000000   a  \n   c
0000003

### patch audit: p multiple hunks
seq 20 > f; seq 20 | sed 's/^3$/X/;s/^17$/Y/' > g; diff -u f g > p.diff; patch < p.diff; cmp f g && echo same
--- stdout
patching file f
same

### patch audit: p reversed detected
printf 'a\nB\nc\n' > f; printf -- '--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n' > p.diff; patch -f < p.diff; echo rc=$?; cat f
--- stdout
patching file f
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file f.rej
rc=1
a
B
c

### patch audit: p -z suffix
printf 'a\n' > f; printf -- '--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch -b -z .bak < p.diff; cat f.bak
--- stdout
patching file f
a

### patch audit: p multiple files
printf 'a\n' > f1; printf 'b\n' > f2; printf -- '--- f1\n+++ f1\n@@ -1 +1 @@\n-a\n+A\n--- f2\n+++ f2\n@@ -1 +1 @@\n-b\n+B\n' > p.diff; patch < p.diff; cat f1 f2
--- stdout
patching file f1
patching file f2
A
B

### patch audit: p silent
printf 'a\n' > f; printf -- '--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff; patch -s < p.diff; cat f
--- stdout
b
