# patch with several files: -o, --dry-run, -N/-R/-t/-f detection per file, reject headers (GNU patch 2.7.6)

### output of several files to one -o file
mkdir a; printf '1\n2\n3\n' > a/x; printf '1\nX\n3\n' > x.n; printf 'p\nq\n' > a/y; printf 'p\nQ\n' > y.n; { diff -u --label a/x --label b/x a/x x.n; diff -u --label a/y --label b/y a/y y.n; } > m.diff; cd a; patch -p1 -o out < ../m.diff; echo rc=$?; cat out; ls
--- stdout
patching file out (read from x)
patching file out (read from y)
rc=0
1
X
3
p
Q
out
x
y

### output of several files to standard output
mkdir a; printf '1\n2\n3\n' > a/x; printf '1\nX\n3\n' > x.n; printf 'p\nq\n' > a/y; printf 'p\nQ\n' > y.n; { diff -u --label a/x --label b/x a/x x.n; diff -u --label a/y --label b/y a/y y.n; } > m.diff; cd a; patch -p1 -o - < ../m.diff; echo rc=$?; ls
--- stdout
1
X
3
p
Q
rc=0
x
y
--- stderr
patching file - (read from x)
patching file - (read from y)

### reversed patches detected per file
mkdir a; printf '1\n2\n3\n' > a/x; printf '1\nX\n3\n' > x.n; printf 'p\nq\n' > a/y; printf 'p\nQ\n' > y.n; { diff -u --label a/x --label b/x a/x x.n; diff -u --label a/y --label b/y a/y y.n; } > m.diff; cd a; patch -p1 --dry-run < ../m.diff; echo rc=$?; patch -p1 < ../m.diff; patch -p1 < ../m.diff; echo rc=$?; ls; patch -p1 -N < ../m.diff; echo rc=$?; patch -p1 -t < ../m.diff; echo rc=$?; cat x y; ls
--- stdout
checking file x
checking file y
rc=0
patching file x
patching file y
patching file x
Reversed (or previously applied) patch detected!  Assume -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file x.rej
patching file y
Reversed (or previously applied) patch detected!  Assume -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file y.rej
rc=1
x
x.rej
y
y.rej
patching file x
Reversed (or previously applied) patch detected!  Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file x.rej
patching file y
Reversed (or previously applied) patch detected!  Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file y.rej
rc=1
patching file x
Reversed (or previously applied) patch detected!  Assuming -R.
patching file y
Reversed (or previously applied) patch detected!  Assuming -R.
rc=0
1
2
3
p
q
x
x.orig
x.rej
y
y.orig
y.rej

### -R on a patch not applied
mkdir a; printf '1\n2\n3\n' > a/x; printf '1\nX\n3\n' > x.n; printf 'p\nq\n' > a/y; printf 'p\nQ\n' > y.n; { diff -u --label a/x --label b/x a/x x.n; diff -u --label a/y --label b/y a/y y.n; } > m.diff; cd a; patch -p1 -R < ../m.diff; echo rc=$?; patch -p1 -R -t < ../m.diff; echo rc=$?; cat x; ls
--- stdout
patching file x
Unreversed patch detected!  Ignore -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file x.rej
patching file y
Unreversed patch detected!  Ignore -R? [n] 
Apply anyway? [n] 
Skipping patch.
1 out of 1 hunk ignored -- saving rejects to file y.rej
rc=1
patching file x
Unreversed patch detected!  Ignoring -R.
patching file y
Unreversed patch detected!  Ignoring -R.
rc=0
1
X
3
x
x.orig
x.rej
y
y.orig
y.rej

### -f applies forward
mkdir a; printf '1\n2\n3\n' > a/x; printf '1\nX\n3\n' > x.n; printf 'p\nq\n' > a/y; printf 'p\nQ\n' > y.n; { diff -u --label a/x --label b/x a/x x.n; diff -u --label a/y --label b/y a/y y.n; } > m.diff; cd a; patch -p1 -f < ../m.diff; ls; patch -p1 -f < ../m.diff; echo rc=$?; ls; cat x
--- stdout
patching file x
patching file y
x
y
patching file x
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file x.rej
patching file y
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file y.rej
rc=1
x
x.orig
x.rej
y
y.orig
y.rej
1
X
3

### reject headers name the stripped file and keep the times
mkdir a; printf '1\n2\n3\n' > a/x; printf '1\nX\n3\n' > x.n; diff -u --label "a/x	2020-01-01 00:00:00.000000000 +0000" --label "b/x	2020-01-02 00:00:00.000000000 +0000" a/x x.n > m.diff; cd a; printf 'zz\n' > x; patch -p1 < ../m.diff; cat x.rej; rm x.rej; patch -p1 -R < ../m.diff; cat x.rej; patch -p1 -r rj < ../m.diff; head -2 rj; patch < ../m.diff; head -2 x.rej
--- stdout
patching file x
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file x.rej
\--- x	2020-01-01 00:00:00.000000000 +0000
+++ x	2020-01-02 00:00:00.000000000 +0000
@@ -1,3 +1,3 @@
 1
-2
+X
 3
patching file x
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file x.rej
\--- x	2020-01-02 00:00:00.000000000 +0000
+++ x	2020-01-01 00:00:00.000000000 +0000
@@ -1,3 +1,3 @@
 1
-X
+2
 3
patching file x
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file rj
\--- x	2020-01-01 00:00:00.000000000 +0000
+++ x	2020-01-02 00:00:00.000000000 +0000
patching file x
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file x.rej
\--- x	2020-01-01 00:00:00.000000000 +0000
+++ x	2020-01-02 00:00:00.000000000 +0000

### reject headers of a context diff with ORIGFILE
mkdir a; printf '1\n2\n3\n' > a/x; printf '1\nX\n3\n' > x.n; diff -c --label "../a/x	2020-01-01 00:00:00.000000000 +0000" --label "../b/x	2020-01-02 00:00:00.000000000 +0000" a/x x.n > c.diff; printf 'zz\n' > x; patch x < c.diff; cat x.rej
--- stdout
patching file x
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file x.rej
*** x	2020-01-01 00:00:00.000000000 +0000
\--- x	2020-01-02 00:00:00.000000000 +0000
***************
*** 1,3 ****
  1
! 2
  3
\--- 1,3 ----
  1
! X
  3
