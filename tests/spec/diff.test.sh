# diff (GNU diffutils 3.8). Unified and context headers carry file times: cases use --label.
### identical files
printf 'a\nb\n' > f1; cp f1 f2; diff f1 f2; echo rc=$?
--- stdout
rc=0

### normal change
printf 'a\nb\nc\n' > f1; printf 'a\nB\nc\n' > f2; diff f1 f2; echo rc=$?
--- stdout
2c2
< b
---
> B
rc=1

### normal add and delete
printf 'a\nb\nc\n' > f1; printf 'b\nc\nd\n' > f2; diff f1 f2
--- stdout
1d0
< a
3a3
> d
--- status 1

### normal multiple hunks
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > f1; printf '1\nX\n3\n4\n5\n6\n7\nY\n9\n' > f2; diff f1 f2
--- stdout
2c2
< 2
---
> X
8c8
< 8
---
> Y
--- status 1

### unified
printf 'a\nb\nc\nd\n' > f1; printf 'a\nB\nc\nd\ne\n' > f2; diff -u --label old --label new f1 f2
--- stdout
\--- old
+++ new
@@ -1,4 +1,5 @@
 a
-b
+B
 c
 d
+e
--- status 1

### unified context 1
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n' > f1; printf '1\n2\nX\n4\n5\n6\n7\n8\nY\n10\n' > f2; diff -U1 --label a --label b f1 f2
--- stdout
\--- a
+++ b
@@ -2,3 +2,3 @@
 2
-3
+X
 4
@@ -8,3 +8,3 @@
 8
-9
+Y
 10
--- status 1

### unified merged hunks
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n' > f1; printf '1\n2\nX\n4\n5\n6\nY\n8\n9\n10\n' > f2; diff -u --label a --label b f1 f2
--- stdout
\--- a
+++ b
@@ -1,10 +1,10 @@
 1
 2
-3
+X
 4
 5
 6
-7
+Y
 8
 9
 10
--- status 1

### unified zero context
printf 'a\nb\nc\n' > f1; printf 'a\nc\nd\n' > f2; diff -U0 --label a --label b f1 f2
--- stdout
\--- a
+++ b
@@ -2 +1,0 @@
-b
@@ -3,0 +3 @@
+d
--- status 1

### unified empty old file
: > f1; printf 'x\ny\n' > f2; diff -u --label a --label b f1 f2
--- stdout
\--- a
+++ b
@@ -0,0 +1,2 @@
+x
+y
--- status 1

### unified empty new file
printf 'x\ny\n' > f1; : > f2; diff -u --label a --label b f1 f2
--- stdout
\--- a
+++ b
@@ -1,2 +0,0 @@
-x
-y
--- status 1

### context format
printf 'a\nb\nc\nd\n' > f1; printf 'a\nB\nc\nd\ne\n' > f2; diff -c --label old --label new f1 f2
--- stdout
*** old
\--- new
***************
*** 1,4 ****
  a
! b
  c
  d
\--- 1,5 ----
  a
! B
  c
  d
+ e
--- status 1

### context only deletions
printf 'a\nb\nc\n' > f1; printf 'a\nc\n' > f2; diff -c --label x --label y f1 f2
--- stdout
*** x
\--- y
***************
*** 1,3 ****
  a
- b
  c
\--- 1,2 ----
--- status 1

### context only additions
printf 'a\nc\n' > f1; printf 'a\nb\nc\n' > f2; diff -C 1 --label x --label y f1 f2
--- stdout
*** x
\--- y
***************
*** 1,2 ****
\--- 1,3 ----
  a
+ b
  c
--- status 1

### no newline at end
printf 'a\nb' > f1; printf 'a\nc' > f2; diff f1 f2; diff -u --label a --label b f1 f2
--- stdout
2c2
< b
\ No newline at end of file
---
> c
\ No newline at end of file
\--- a
+++ b
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+c
\ No newline at end of file
--- status 1

### newline added at end
printf 'a' > f1; printf 'a\n' > f2; diff f1 f2
--- stdout
1c1
< a
\ No newline at end of file
---
> a
--- status 1

### side by side
printf 'a\nsame\nc\n' > f1; printf 'b\nsame\nd\ne\n' > f2; diff -y f1 f2
--- stdout
a							      |	b
same								same
c							      |	d
							      >	e
--- status 1

### side by side narrow
printf 'hello world\nsame\n' > f1; printf 'hello there\nsame\nnew\n' > f2; diff -y -W 40 f1 f2
--- stdout
hello world	   |	hello there
same			same
		   >	new
--- status 1

### side by side suppress common
printf 'a\nsame\nc\n' > f1; printf 'b\nsame\nc\n' > f2; diff -y --suppress-common-lines f1 f2
--- stdout
a							      |	b
--- status 1

### side by side left column
printf 'a\nsame\n' > f1; printf 'b\nsame\n' > f2; diff -y --left-column f1 f2
--- stdout
a							      |	b
same							      (
--- status 1

### brief
printf 'a\n' > f1; printf 'b\n' > f2; diff -q f1 f2; echo rc=$?
--- stdout
Files f1 and f2 differ
rc=1

### report identical
printf 'a\n' > f1; cp f1 f2; diff -s f1 f2
--- stdout
Files f1 and f2 are identical

### ignore case
printf 'Hello\n' > f1; printf 'hello\n' > f2; diff -i f1 f2; echo rc=$?
--- stdout
rc=0

### ignore all space
printf 'a b\n' > f1; printf 'ab \n' > f2; diff -w f1 f2; echo rc=$?
--- stdout
rc=0

### ignore space change
printf 'a  b\n' > f1; printf 'a b\n' > f2; diff -b f1 f2; echo rc=$?; printf 'ab\n' > f3; diff -b f1 f3; echo rc=$?
--- stdout
rc=0
1c1
< a  b
---
> ab
rc=1

### ignore blank lines
printf 'a\n\nb\n' > f1; printf 'a\nb\n' > f2; diff -B f1 f2; echo rc=$?
--- stdout
rc=0

### ignore trailing space
printf 'a  \n' > f1; printf 'a\n' > f2; diff -Z f1 f2; echo rc=$?
--- stdout
rc=0

### strip trailing cr
printf 'a\r\n' > f1; printf 'a\n' > f2; diff --strip-trailing-cr f1 f2; echo rc=$?
--- stdout
rc=0

### binary files
printf 'a\0b' > f1; printf 'a\0c' > f2; diff f1 f2; echo rc=$?
--- stdout
Binary files f1 and f2 differ
rc=1

### binary as text
printf 'a\0b\n' > f1; printf 'a\0c\n' > f2; diff -a f1 f2 | od -c | head -3
--- stdout
0000000   1   c   1  \n   <       a  \0   b  \n   -   -   -  \n   >    
0000020   a  \0   c  \n
0000024

### stdin operand
printf 'a\n' > f1; printf 'b\n' | diff f1 -
--- stdout
1c1
< a
---
> b
--- status 1

### missing file
diff nope f1; echo rc=$?
--- stdout
rc=2
--- stderr
diff: nope: No such file or directory
diff: f1: No such file or directory

### missing operand
diff f1; echo rc=$?
--- stdout
rc=2
--- stderr
diff: missing operand after 'f1'
diff: Try 'diff --help' for more information.

### extra operand
diff a b c; echo rc=$?
--- stdout
rc=2
--- stderr
diff: extra operand 'c'
diff: Try 'diff --help' for more information.

### new file option
printf 'a\n' > f1; diff -N f1 nope; echo rc=$?
--- stdout
1d0
< a
rc=1

### recursive directories
mkdir -p d1/s d2/s; printf 'a\n' > d1/x; printf 'b\n' > d2/x; printf 's\n' > d1/s/y; printf 's\n' > d2/s/y; printf 'o\n' > d1/only1; printf 'o\n' > d2/only2; diff -r d1 d2; echo rc=$?
--- stdout
Only in d1: only1
Only in d2: only2
diff -r d1/x d2/x
1c1
< a
---
> b
rc=1

### directories not recursive
mkdir -p d1/s d2/s; printf 'a\n' > d1/x; printf 'b\n' > d2/x; diff d1 d2; echo rc=$?
--- stdout
Common subdirectories: d1/s and d2/s
diff d1/x d2/x
1c1
< a
---
> b
rc=1

### recursive brief
mkdir -p d1 d2; printf 'a\n' > d1/x; printf 'b\n' > d2/x; printf 'same\n' > d1/y; cp d1/y d2/y; diff -rq d1 d2; echo rc=$?
--- stdout
Files d1/x and d2/x differ
rc=1

### recursive new file
mkdir -p d1 d2; printf 'a\n' > d1/x; diff -rN d1 d2; echo rc=$?
--- stdout
diff -rN d1/x d2/x
1d0
< a
rc=1

### recursive exclude
mkdir -p d1 d2; printf 'a\n' > d1/x.log; printf 'b\n' > d2/x.log; printf 'z\n' > d1/z; cp d1/z d2/z; diff -r -x '*.log' d1 d2; echo rc=$?
--- stdout
rc=0

### recursive unified header
mkdir -p d1 d2; printf 'a\n' > d1/x; printf 'b\n' > d2/x; diff -ru d1 d2 | grep -v '^[-+][-+][-+] '
--- stdout
diff -ru d1/x d2/x
@@ -1 +1 @@
-a
+b

### file and directory
mkdir d; printf 'a\n' > d/f; printf 'b\n' > f; diff f d; echo rc=$?
--- stdout
1c1
< b
---
> a
rc=1

### larger diff
seq 1 50 > f1; seq 1 50 | sed 's/^2/X/' > f2; diff f1 f2 | head -20
--- stdout
2c2
< 2
---
> X
20,29c20,29
< 20
< 21
< 22
< 23
< 24
< 25
< 26
< 27
< 28
< 29
---
> X0
> X1
> X2
> X3

### moved block
printf 'a\nb\nc\nd\ne\n' > f1; printf 'c\nd\ne\na\nb\n' > f2; diff f1 f2
--- stdout
1,2d0
< a
< b
5a4,5
> a
> b
--- status 1

### repeated lines alignment
printf 'x\na\nb\na\nb\ny\n' > f1; printf 'x\na\nb\ny\n' > f2; diff f1 f2; diff f2 f1
--- stdout
4,5d3
< a
< b
3a4,5
> a
> b
--- status 1

### blank line groups
printf 'a\n\nb\n\nc\n' > f1; printf 'a\n\nb\n\nb2\n\nc\n' > f2; diff f1 f2
--- stdout
4a5,6
> b2
> 
--- status 1

### all lines different
printf 'a\nb\n' > f1; printf 'c\nd\n' > f2; diff -u --label a --label b f1 f2
--- stdout
\--- a
+++ b
@@ -1,2 +1,2 @@
-a
-b
+c
+d
--- status 1

### empty files
: > f1; : > f2; diff f1 f2; echo rc=$?
--- stdout
rc=0

### invalid context length
diff -U x f1 f2; echo rc=$?
--- stdout
rc=2
--- stderr
diff: invalid context length 'x'
diff: Try 'diff --help' for more information.

### unknown option
diff --bogus f1 f2; echo rc=$?

--- stdout
rc=2
--- stderr
diff: unrecognized option '--bogus'
diff: Try 'diff --help' for more information.

### process substitution operands
diff <(printf 'a\nb\n') <(printf 'a\nc\n'); echo "status $?"
--- stdout
2c2
< b
---
> c
status 1

### process substitution and stdin
printf 'x\ny\n' | diff - <(printf 'x\nz\n'); echo "status $?"
--- stdout
2c2
< y
---
> z
status 1

### process substitution, equal
diff -q <(echo same) <(echo same); echo "status $?"
--- stdout
status 0
