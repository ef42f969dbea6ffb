# patch with CRLF patches and CRLF files: GNU patch 2.7.6 strips the CRs of
# a patch whose diff is recognised on a CRLF line (not with --binary), and
# says "(different line endings)" when a failed hunk's first line and the
# file's line differ in their CR. Recorded from GNU patch 2.7.6.

### crlf patch on an lf file
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g | sed 's/$/\r/' > p.diff
patch f < p.diff; echo $?; od -An -c f
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f
0
   a  \n   B  \n   c  \n

### crlf patch on a crlf file
printf 'a\r\nb\r\nc\r\n' > f; printf 'a\nB\nc\n' > g
printf 'a\nb\nc\n' > o; diff -u --label o --label g o g | sed 's/$/\r/' > p.diff
patch f < p.diff; echo $?; od -An -c f; cat f.rej | tr '\r' R
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f
Hunk #1 FAILED at 1 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1
   a  \r  \n   b  \r  \n   c  \r  \n
\--- o
+++ g
@@ -1,3 +1,3 @@
 a
-b
+B
 c

### lf patch on a crlf file
printf 'a\r\nb\r\nc\r\n' > f; printf 'a\nb\nc\n' > o; printf 'a\nB\nc\n' > g; diff -u o g > p.diff
patch f < p.diff; echo $?; od -An -c f
--- stdout
patching file f
Hunk #1 FAILED at 1 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1
   a  \r  \n   b  \r  \n   c  \r  \n

### binary crlf patch on a crlf file
printf 'a\r\nb\r\nc\r\n' > f; printf 'a\nb\nc\n' > o; printf 'a\nB\nc\n' > g; diff -u o g | sed 's/$/\r/' > p.diff
patch --binary f < p.diff; echo $?; od -An -c f
--- stdout
patching file f
0
   a  \r  \n   B  \r  \n   c  \r  \n

### binary crlf patch on an lf file
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g | sed 's/$/\r/' > p.diff
patch --binary f < p.diff; echo $?; od -An -c f
--- stdout
patching file f
Hunk #1 FAILED at 1 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1
   a  \n   b  \n   c  \n

### binary lf patch on a crlf file
printf 'a\r\nb\r\nc\r\n' > f; printf 'a\nb\nc\n' > o; printf 'a\nB\nc\n' > g; diff -u o g > p.diff
patch --binary f < p.diff; echo $?
--- stdout
patching file f
Hunk #1 FAILED at 1 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1

### only the plus header decides
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g > p0.diff
awk 'NR==2{printf "%s\r\n",$0;next}{print}' p0.diff > p.diff; cp f f1; patch f1 < p.diff; echo $?; od -An -c f1
awk 'NR==1{printf "%s\r\n",$0;next}{print}' p0.diff > p.diff; cp f f2; patch f2 < p.diff; echo $?; od -An -c f2
awk 'NR==3{printf "%s\r\n",$0;next}{print}' p0.diff > p.diff; cp f f3; patch f3 < p.diff; echo $?
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f1
0
   a  \n   B  \n   c  \n
patching file f2
0
   a  \n   B  \n   c  \n
patching file f3
0

### crlf body only
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g > p0.diff
awk 'NR<=3{print;next}{printf "%s\r\n",$0}' p0.diff > p.diff; patch f < p.diff; echo $?
--- stdout
patching file f
Hunk #1 FAILED at 1 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1

### crlf headers only
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g > p0.diff
awk 'NR<=2{printf "%s\r\n",$0;next}{print}' p0.diff > p.diff; patch f < p.diff; echo $?; od -An -c f
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f
0
   a  \n   B  \n   c  \n

### different content and endings
printf 'x\ny\nz\n' > f; printf 'a\nb\nc\n' > o; printf 'a\nB\nc\n' > g; diff -u o g | sed 's/$/\r/' > p.diff
patch --binary f < p.diff; echo $?
--- stdout
patching file f
Hunk #1 FAILED at 1 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1

### different content same endings
printf 'x\ny\nz\n' > f; printf 'a\nb\nc\n' > o; printf 'a\nB\nc\n' > g; diff -u o g > p.diff
patch f < p.diff; echo $?
--- stdout
patching file f
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file f.rej
1

### crlf context diff
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -c f g | sed 's/$/\r/' > p.diff
patch f < p.diff; echo $?; od -An -c f
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f
0
   a  \n   B  \n   c  \n

### context diff decided on the range line
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -c f g > p0.diff
for n in 1 2 3 4; do awk -v n=$n 'NR==n{printf "%s\r\n",$0;next}{print}' p0.diff > p.diff; cp f fx; echo "line $n"; patch fx < p.diff; echo $?; done
--- stdout
line 1
patching file fx
0
line 2
patching file fx
0
line 3
patching file fx
0
line 4
(Stripping trailing CRs from patch; use --binary to disable.)
patching file fx
0

### crlf normal diff
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff f g | sed 's/$/\r/' > p.diff
patch f p.diff; echo $?; od -An -c f
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f
0
   a  \n   B  \n   c  \n

### normal diff decided on the command line
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff f g > p0.diff
for n in 1 2 3; do awk -v n=$n 'NR==n{printf "%s\r\n",$0;next}{print}' p0.diff > p.diff; cp f fx; echo "line $n"; patch fx p.diff; echo $?; done
--- stdout
line 1
(Stripping trailing CRs from patch; use --binary to disable.)
patching file fx
0
line 2
patching file fx
Hunk #1 FAILED at 2 (different line endings).
1 out of 1 hunk FAILED -- saving rejects to file fx.rej
1
line 3
patching file fx
0

### crlf patch quiet
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g | sed 's/$/\r/' > p.diff
patch -s f < p.diff; echo $?; cat f
--- stdout
0
a
B
c

### crlf patch of two files
printf 'a\nb\n' > f1; printf 'a\nB\n' > g1; printf 'x\ny\n' > f2; printf 'X\ny\n' > g2
{ diff -u f1 g1; diff -u f2 g2; } | sed 's/$/\r/' > p.diff
patch < p.diff; echo $?; cat f1 f2
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f1
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f2
0
a
B
X
y

### crlf patch with leading text
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; { printf 'Subject: x\r\n\r\n'; diff -u f g | sed 's/$/\r/'; } > p.diff
patch f < p.diff; echo $?; cat f
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f
0
a
B
c

### crlf patch dry run
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > g; diff -u f g | sed 's/$/\r/' > p.diff
patch --dry-run f < p.diff; echo $?; cat f
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
checking file f
0
a
b
c

### mixed file with fuzz
printf 'a\r\nb\nc\r\n' > f; printf 'a\nb\nc\n' > o; printf 'a\nB\nc\n' > g; diff -u o g > p.diff
patch f < p.diff; echo $?; od -An -c f
--- stdout
patching file f
Hunk #1 succeeded at 1 with fuzz 1.
0
   a  \r  \n   B  \n   c  \r  \n

### crlf patch adding lines
printf 'a\nb\n' > f; printf 'a\nb\nc\nd\n' > g; diff -u f g | sed 's/$/\r/' > p.diff
patch f < p.diff; echo $?; od -An -c f
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file f
0
   a  \n   b  \n   c  \n   d  \n

### crlf patch creating a file
printf 'new\nfile\n' > g; diff -u /dev/null g | sed 's/$/\r/' | sed '1s|/dev/null.*|/dev/null|' > p.diff; rm g
patch -p0 < p.diff; echo $?; od -An -c g
--- stdout
(Stripping trailing CRs from patch; use --binary to disable.)
patching file g
0
   n   e   w  \n   f   i   l   e  \n
