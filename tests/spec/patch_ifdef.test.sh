# patch -D / --ifdef (GNU patch 2.7.6)

### ifdef on a unified diff
printf 'a\nb\nc\nd\ne\nf\ng\n' > g.orig; printf 'a\nB\nc\nd\nnew\ne\nf\n' > g.new; diff -u g.orig g.new > q.diff; cp g.orig g; patch -D FOO g < q.diff; echo rc=$?; cat g
--- stdout
patching file g
rc=0
a
#ifndef FOO
b
#else
B
#endif
c
d
#ifdef FOO
new
#endif
e
f
#ifndef FOO
g
#endif

### ifdef with -R
printf 'a\nb\nc\nd\ne\nf\ng\n' > g.orig; printf 'a\nB\nc\nd\nnew\ne\nf\n' > g.new; diff -u g.orig g.new > q.diff; cp g.new g2; patch --ifdef=FOO -R g2 < q.diff; cat g2
--- stdout
patching file g2
a
#ifndef FOO
B
#else
b
#endif
c
d
#ifndef FOO
new
#endif
e
f
#ifdef FOO
g
#endif

### ifdef on a context diff
printf 'a\nb\nc\nd\ne\nf\ng\n' > g.orig; printf 'a\nB\nc\nd\nnew\ne\nf\n' > g.new; diff -c g.orig g.new > c.diff; cp g.orig g3; patch -D BAR g3 < c.diff; cat g3
--- stdout
patching file g3
a
#ifndef BAR
b
#else
B
#endif
c
d
#ifdef BAR
new
#endif
e
f
#ifndef BAR
g
#endif

### ifdef with lines without newline
printf 'a\nb' > h.orig; printf 'a\nc' > h.new; diff -u h.orig h.new > h.diff; cp h.orig h; patch -D Z h < h.diff; od -c h
printf 'a\nb' > h1; printf 'a\n' > h1n; diff -u h1 h1n > h1.diff; patch -D Z h1 < h1.diff; od -c h1
printf 'a\n' > h2; printf 'a\nb' > h2n; diff -u h2 h2n > h2.diff; patch -D Z h2 < h2.diff; od -c h2
printf 'a\nb' > h3; printf 'a\nb\nc' > h3n; diff -u h3 h3n > h3.diff; patch -D Z h3 < h3.diff; od -c h3
--- stdout
patching file h
0000000   a  \n   #   i   f   n   d   e   f       Z  \n   b  \n   #   e
0000020   l   s   e  \n  \n   c  \n   #   e   n   d   i   f  \n
0000036
patching file h1
0000000   a  \n   #   i   f   n   d   e   f       Z  \n   b  \n   #   e
0000020   n   d   i   f  \n
0000025
patching file h2
0000000   a  \n   #   i   f   d   e   f       Z  \n   b  \n   #   e   n
0000020   d   i   f  \n
0000024
patching file h3
0000000   a  \n   #   i   f   n   d   e   f       Z  \n   b  \n   #   e
0000020   l   s   e  \n  \n   b  \n   c  \n   #   e   n   d   i   f  \n
0000040

### ifdef with added lines first
printf -- '--- a\n+++ b\n@@ -1,2 +1,2 @@\n+x\n a\n-b\n' > r.diff; printf 'a\nb\n' > a; patch -D Q a < r.diff; cat a
--- stdout
patching file a
#ifdef Q
x
#endif
a
#ifndef Q
b
#endif

### ifdef with several hunks and an offset
seq 1 20 > s.orig; seq 1 20 | sed 's/^5$/five/; s/^15$/fifteen/; 10d' > s.new; diff -u s.orig s.new > s.diff; seq 0 20 > s; patch -D S s < s.diff; echo rc=$?; cat s; ls
--- stdout
patching file s
Hunk #1 succeeded at 3 (offset 1 line).
rc=0
0
1
2
3
4
#ifndef S
5
#else
five
#endif
6
7
8
9
#ifndef S
10
#endif
11
12
13
14
#ifndef S
15
#else
fifteen
#endif
16
17
18
19
20
s
s.diff
s.new
s.orig

### ifdef with a failing hunk
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; printf 'x\ny\n' > f; patch -D W f < p.diff; echo rc=$?; cat f; sed 1,2d f.rej
--- stdout
patching file f
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file f.rej
rc=1
x
y
@@ -1,3 +1,3 @@
 a
-b
+B
 c

### ifdef with dry-run and -o
printf 'a\nb\nc\n' > f; printf 'a\nB\nc\n' > f.n; diff -u f f.n > p.diff; patch --dry-run -D W f < p.diff; cat f; patch -D W -o out f < p.diff; cat out
--- stdout
checking file f
a
b
c
patching file out (read from f)
a
#ifndef W
b
#else
B
#endif
c
