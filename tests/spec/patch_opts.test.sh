# patch -r/--reject-file and -l/--ignore-whitespace. Recorded from GNU patch 2.7.6.

### reject file named
printf 'a\nb\nc\n' > f; printf 'x\nb\nc\n' > h; printf 'a\nB\nc\n' > g; diff -u f g > p; patch -r out.rej h < p; echo $?; ls; cat out.rej | sed 1,2d
--- stdout
patching file h
Hunk #1 succeeded at 1 with fuzz 1.
0
f
g
h
h.orig
p
--- stderr
cat: out.rej: No such file or directory

### reject file dash discards
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g > p; printf 'x\ny\nz\n' > h; patch -r - h < p; echo $?; ls
--- stdout
patching file h
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED
1
f
g
h
h.orig
p

### reject file gathers every file
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u --label f --label g f g > p; printf 'x\ny\nz\n' > h; printf 'x\ny\nz\n' > k; sed 's/^--- f/--- k/; s/^+++ g/+++ k/' p > pk; sed 's/^--- f/--- h/; s/^+++ g/+++ h/' p > ph; cat ph pk > both; patch -r all.rej < both; echo $?; cat all.rej
--- stdout
patching file h
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file all.rej
patching file k
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file all.rej
1
\--- h
+++ h
@@ -1,3 +1,3 @@
 a
-b
+B
 c
\--- k
+++ k
@@ -1,3 +1,3 @@
 a
-b
+B
 c

### ignore whitespace trailing blank
printf 'a \nb\nc\n' > f; printf 'a\nb\nc\n' > o; printf 'a\nB\nc\n' > g; diff -u --label f --label g o g > p; patch -l f < p; echo $?; cat -A f
--- stdout
patching file f
0
a $
B$
c$

### ignore whitespace runs of blanks
printf 'a  b\nc\td\ne\n' > f; printf 'a b\nc d\nE\n' > o; printf 'a b\nc d\nX\n' > g; diff -u --label f --label g o g > p; patch -l f < p; echo $?; cat -A f
--- stdout
patching file f
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1
a  b$
c^Id$
e$

### whitespace fails without -l
printf 'a  b\nc\td\ne\n' > f; printf 'a b\nc d\ne\n' > o; printf 'a b\nc d\nX\n' > g; diff -u --label f --label g o g > p; patch f < p; echo $?; patch --ignore-whitespace f < p; echo $?; cat -A f
--- stdout
patching file f
Hunk #1 succeeded at 1 with fuzz 2.
0
patching file f
Reversed (or previously applied) patch detected!  Assume -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file f.rej
1
a  b$
c^Id$
X$

### ignore whitespace needs a blank
printf 'ab\nc\n' > f; printf 'a b\nc\n' > o; printf 'a b\nC\n' > g; diff -u --label f --label g o g > p; patch -l -F0 f < p; echo $?
--- stdout
patching file f
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1

### reject file dry run
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u --label f --label g f g > p; printf 'x\ny\nz\n' > h; patch -r out --dry-run h < p; echo $?; ls
--- stdout
checking file h
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED
1
f
g
h
p
