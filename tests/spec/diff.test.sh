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

### diff audit: d normal
printf 'a\nb\nc\n' > 1; printf 'a\nB\nc\nd\n' > 2; diff 1 2; echo rc=$?
--- stdout
2c2
< b
---
> B
3a4
> d
rc=1

### diff audit: d unified
printf 'a\nb\nc\n' > 1; printf 'a\nB\nc\nd\n' > 2; diff -u --label x --label y 1 2
--- stdout
\--- x
+++ y
@@ -1,3 +1,4 @@
 a
-b
+B
 c
+d
--- status 1

### diff audit: d context
printf 'a\nb\nc\n' > 1; printf 'a\nB\nc\nd\n' > 2; diff -c --label x --label y 1 2
--- stdout
*** x
\--- y
***************
*** 1,3 ****
  a
! b
  c
\--- 1,4 ----
  a
! B
  c
+ d
--- status 1

### diff audit: d side by side
printf 'a\nb\nc\n' > 1; printf 'a\nB\nc\nd\n' > 2; diff -y -W 40 1 2
--- stdout
a			a
b		   |	B
c			c
		   >	d
--- status 1

### diff audit: d side by side suppress
printf 'a\nb\nc\n' > 1; printf 'a\nB\nc\nd\n' > 2; diff -y --suppress-common-lines -W 40 1 2
--- stdout
b		   |	B
		   >	d
--- status 1

### diff audit: d side by side left column
printf 'a\nb\n' > 1; printf 'a\nc\n' > 2; diff -y --left-column -W 30 1 2
--- stdout
a	      (
b	      |	c
--- status 1

### diff audit: d -q
printf 'a\n' > 1; printf 'b\n' > 2; diff -q 1 2; echo rc=$?
--- stdout
Files 1 and 2 differ
rc=1

### diff audit: d -s
printf 'a\n' > 1; printf 'a\n' > 2; diff -s 1 2
--- stdout
Files 1 and 2 are identical

### diff audit: d no newline at end
printf 'a\nb' > 1; printf 'a\nc' > 2; diff 1 2; diff -u --label x --label y 1 2
--- stdout
2c2
< b
\ No newline at end of file
---
> c
\ No newline at end of file
\--- x
+++ y
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+c
\ No newline at end of file
--- status 1

### diff audit: d no newline one side
printf 'a\nb' > 1; printf 'a\nb\n' > 2; diff 1 2; echo rc=$?
--- stdout
2c2
< b
\ No newline at end of file
---
> b
rc=1

### diff audit: d empty files
: > 1; printf 'a\n' > 2; diff 1 2; diff -u --label x --label y 1 2
--- stdout
0a1
> a
\--- x
+++ y
@@ -0,0 +1 @@
+a
--- status 1

### diff audit: d -i
printf 'A\n' > 1; printf 'a\n' > 2; diff -i 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -w
printf 'a  b\n' > 1; printf 'ab \n' > 2; diff -w 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -b
printf 'a  b \n' > 1; printf 'a b\n' > 2; diff -b 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -b not all
printf 'ab\n' > 1; printf 'a b\n' > 2; diff -b 1 2; echo rc=$?
--- stdout
1c1
< ab
---
> a b
rc=1

### diff audit: d -B
printf 'a\n\nb\n' > 1; printf 'a\nb\n' > 2; diff -B 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -I
printf 'a\n# x\nb\n' > 1; printf 'a\n# y\nb\n' > 2; diff -I '^#' 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -E tabs
printf 'a\tb\n' > 1; printf 'a       b\n' > 2; diff -E 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -Z
printf 'a  \n' > 1; printf 'a\n' > 2; diff -Z 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d strip-trailing-cr
printf 'a\r\n' > 1; printf 'a\n' > 2; diff --strip-trailing-cr 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d crlf
printf 'a\r\n' > 1; printf 'a\n' > 2; diff 1 2 | od -c | head -3
--- stdout
0000000   1   c   1  \n   <       a  \r  \n   -   -   -  \n   >       a
0000020  \n
0000021

### diff audit: d -r
mkdir -p a b; printf 'x\n' > a/f; printf 'y\n' > b/f; printf 'z\n' > a/only; diff -r a b; echo rc=$?
--- stdout
diff -r a/f b/f
1c1
< x
---
> y
Only in a: only
rc=1

### diff audit: d -r -N
mkdir -p a b; printf 'z\n' > a/only; diff -rN a b | sed 's/\t.*//'; echo rc=$?
--- stdout
diff -rN a/only b/only
1d0
< z
rc=0

### diff audit: d -r subdir only
mkdir -p a/s b; diff -r a b; echo rc=$?
--- stdout
Only in a: s
rc=1

### diff audit: d -r -q
mkdir -p a b; printf 'x\n' > a/f; printf 'y\n' > b/f; diff -rq a b; echo rc=$?
--- stdout
Files a/f and b/f differ
rc=1

### diff audit: d -x exclude
mkdir -p a b; printf 'x\n' > a/f; printf 'y\n' > b/f; printf '1\n' > a/g; printf '2\n' > b/g; diff -r -x f a b; echo rc=$?
--- stdout
diff -r -x f a/g b/g
1c1
< 1
---
> 2
rc=1

### diff audit: d dir vs file
mkdir -p a; printf 'x\n' > a/f; printf 'y\n' > f; diff a f; echo rc=$?
--- stdout
1c1
< x
---
> y
rc=1

### diff audit: d missing
diff nofile1 nofile2; echo rc=$?
--- stdout
rc=2
--- stderr
diff: nofile1: No such file or directory
diff: nofile2: No such file or directory

### diff audit: d binary
printf 'a\0b' > 1; printf 'a\0c' > 2; diff 1 2; echo rc=$?
--- stdout
Binary files 1 and 2 differ
rc=1

### diff audit: d -a binary
printf 'a\0b\n' > 1; printf 'a\0c\n' > 2; diff -a 1 2 | od -c | head -3
--- stdout
0000000   1   c   1  \n   <       a  \0   b  \n   -   -   -  \n   >    
0000020   a  \0   c  \n
0000024

### diff audit: d -U0
printf 'a\nb\nc\nd\n' > 1; printf 'a\nX\nc\nd\n' > 2; diff -U0 --label x --label y 1 2
--- stdout
\--- x
+++ y
@@ -2 +2 @@
-b
+X
--- status 1

### diff audit: d -C1
printf '1\n2\n3\n4\n5\n6\n' > 1; printf '1\n2\nX\n4\n5\n6\n' > 2; diff -C1 --label x --label y 1 2
--- stdout
*** x
\--- y
***************
*** 2,4 ****
  2
! 3
  4
\--- 2,4 ----
  2
! X
  4
--- status 1

### diff audit: d unified 2 hunks
seq 1 20 > 1; seq 1 20 | sed 's/^3$/X/;s/^17$/Y/' > 2; diff -u --label x --label y 1 2
--- stdout
\--- x
+++ y
@@ -1,6 +1,6 @@
 1
 2
-3
+X
 4
 5
 6
@@ -14,7 +14,7 @@
 14
 15
 16
-17
+Y
 18
 19
 20
--- status 1

### diff audit: d unified merged hunks
seq 1 20 > 1; seq 1 20 | sed 's/^3$/X/;s/^9$/Y/' > 2; diff -u --label x --label y 1 2
--- stdout
\--- x
+++ y
@@ -1,12 +1,12 @@
 1
 2
-3
+X
 4
 5
 6
 7
 8
-9
+Y
 10
 11
 12
--- status 1

### diff audit: d normal add delete change
printf '1\n2\n3\n4\n' > 1; printf '0\n1\n3\n4\n5\n' > 2; diff 1 2
--- stdout
0a1
> 0
2d2
< 2
4a5
> 5
--- status 1

### diff audit: d stdin
printf 'a\n' > 1; printf 'b\n' | diff 1 -; echo rc=$?
--- stdout
1c1
< a
---
> b
rc=1

### diff audit: d color never
printf 'a\n' > 1; printf 'b\n' > 2; diff --color=never 1 2
--- stdout
1c1
< a
---
> b
--- status 1

### diff audit: d normal format ed
printf 'a\nb\n' > 1; printf 'a\nc\n' > 2; diff -e 1 2
--- stdout
2c
c
.
--- status 1

### diff audit: d brief same
printf 'a\n' > 1; cp 1 2; diff -q 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d unknown option
diff --bogus 1 2; echo rc=$?
--- stdout
rc=2
--- stderr
diff: unrecognized option '--bogus'
diff: Try 'diff --help' for more information.

### diff audit: d extra operand
diff a b c; echo rc=$?
--- stdout
rc=2
--- stderr
diff: extra operand 'c'
diff: Try 'diff --help' for more information.

### diff audit: d missing operand
diff a; echo rc=$?
--- stdout
rc=2
--- stderr
diff: missing operand after 'a'
diff: Try 'diff --help' for more information.

### diff audit: d -y tabs
printf 'a\tb\n' > 1; printf 'x\n' > 2; diff -y -W 30 1 2 | od -c | head -4
--- stdout
0000000   a  \t   b                       |  \t   x  \n
0000014

### diff audit: d -t expand tabs
printf 'a\tb\n' > 1; printf 'c\n' > 2; diff -t 1 2
--- stdout
1c1
< a       b
---
> c
--- status 1

### diff audit: d -T initial tab
printf 'a\n' > 1; printf 'c\n' > 2; diff -T 1 2 | od -c | head -3
--- stdout
0000000   1   c   1  \n   <  \t   a  \n   -   -   -  \n   >  \t   c  \n
0000020

### diff audit: d --ignore-blank-lines unified
printf 'a\n\n\nb\n' > 1; printf 'a\nb\n' > 2; diff -uB --label x --label y 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -w unified context shown
printf 'a\nb \nc\n' > 1; printf 'a\nb\nC\n' > 2; diff -uw --label x --label y 1 2
--- stdout
\--- x
+++ y
@@ -1,3 +1,3 @@
 a
 b 
-c
+C
--- status 1

### diff audit: d long lines
head -c 5000 /dev/zero | tr '\0' a > 1; { head -c 5000 /dev/zero | tr '\0' a; echo b; } > 2; diff 1 2 | wc -c
--- stdout
10043

### diff audit: d utf8 -y
printf 'é\n' > 1; printf 'e\n' > 2; diff -y -W 20 1 2
--- stdout
é     |	e
--- status 1

### diff audit: d -N missing file
printf 'a\n' > 1; diff -N 1 nofile | sed 's/\t.*//'; echo rc=$?
--- stdout
1d0
< a
rc=0

### diff audit: d new-file unified
printf 'a\n' > 1; diff -uN --label x --label y nofile 1; echo rc=$?
--- stdout
\--- x
+++ y
@@ -0,0 +1 @@
+a
rc=1

### diff audit: d -I two patterns and a kept change
printf 'a\n# x\nb\nc\n' > 1; printf 'a\n# y\nb\nC\n' > 2; diff -I '^#' -I zz 1 2; echo rc=$?
--- stdout
4c4
< c
---
> C
rc=1

### diff audit: d -I unified
printf 'a\n# x\nb\n' > 1; printf 'a\n# y\nb\n' > 2; diff -u -I '^#' 1 2; echo rc=$?
--- stdout
rc=0

### diff audit: d -I bad regex
printf 'a\n' > 1; diff -I 'a\{1' 1 1; echo rc=$?
--- stdout
rc=2
--- stderr
diff: a\{1: Unmatched \{

### diff audit: d -e add delete
printf '1\n2\n3\n' > 1; printf '0\n1\n3\n4\n' > 2; diff -e 1 2
--- stdout
3a
4
.
2d
0a
0
.
--- status 1

### diff audit: d -T unified
printf 'a\n' > 1; printf 'c\n' > 2; diff -T -u --label x --label y 1 2 | od -c | sed -n 3,6p
--- stdout
0000040

### diff: -n prints an RCS script
printf 'a\nb\nc\n' > x; printf 'X\nb\nY\nZ\n' > y; diff -n x y; echo rc=$?; diff --rcs y x; printf '' > e; diff -n e x; diff -n x e; printf 'a' > p; printf 'b' > q; diff -n p q | od -c
--- stdout
d1 1
a1 1
X
d3 1
a3 2
Y
Z
rc=1
d1 1
a1 1
a
d3 2
a4 1
c
a0 3
a
b
c
d1 3
0000000   d   1       1  \n   a   1       1  \n   b
0000013

### diff: two output styles conflict, -q wins over a style
seq 4 > a; seq 4 | sed 2d > b; diff -u -c a b; echo rc=$?; diff -n -e a b; echo rc=$?; diff --normal -y a b; echo rc=$?; diff -U1 -C1 a b; echo rc=$?; diff -u -q a b; diff -e -e a b; diff -u -U2 a b | tail -n +3
--- stdout
rc=2
rc=2
rc=2
rc=2
Files a and b differ
2d
@@ -1,4 +1,3 @@
 1
-2
 3
 4
--- stderr
diff: conflicting output style options
diff: Try 'diff --help' for more information.
diff: conflicting output style options
diff: Try 'diff --help' for more information.
diff: conflicting output style options
diff: Try 'diff --help' for more information.
diff: conflicting output style options
diff: Try 'diff --help' for more information.

### diff: context lengths from -u, -U and -NUM combine as GNU
seq 10 > a; seq 10 | sed 5d > b; diff -u -U1 a b | tail -n +3; diff -U1 -u a b | tail -n +3; diff -u -1 a b | tail -n +3; diff -U0 -1 a b | tail -n +3; diff -c -C1 a b | tail -n +4; diff --context a b | tail -n +4 | head -3; diff -C x a b; echo rc=$?
--- stdout
@@ -2,7 +2,6 @@
 2
 3
 4
-5
 6
 7
 8
@@ -2,7 +2,6 @@
 2
 3
 4
-5
 6
 7
 8
@@ -4,3 +4,2 @@
 4
-5
 6
@@ -4,3 +4,2 @@
 4
-5
 6
*** 2,8 ****
  2
  3
  4
- 5
  6
  7
  8
\--- 2,7 ----
*** 2,8 ****
  2
  3
rc=2
--- stderr
diff: invalid context length 'x'
diff: Try 'diff --help' for more information.

### diff: an absent file under -N is dated at the epoch
mkdir a b; echo x > a/f; diff -rN -u a b | sed 1,2d; diff -N -u b/f a/f | head -1
--- stdout
+++ b/f	1970-01-01 00:00:00.000000000 +0000
@@ -1 +0,0 @@
-x
\--- b/f	1970-01-01 00:00:00.000000000 +0000
