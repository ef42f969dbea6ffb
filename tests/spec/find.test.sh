# find (GNU findutils 4.9). Directory order differs between file systems:
# cases that list several entries sort the output.
### default prints everything
mkdir -p d/a/b; touch d/f d/a/g d/a/b/h; find d | sort
--- stdout
d
d/a
d/a/b
d/a/b/h
d/a/g
d/f

### dot start point
mkdir -p x/y; touch x/y/z; cd x && find . | sort
--- stdout
.
./y
./y/z

### no start point means dot
mkdir -p x/y; cd x && find | sort
--- stdout
.
./y

### -name glob
mkdir -p d/s; touch d/a.txt d/b.log d/s/c.txt; find d -name '*.txt' | sort
--- stdout
d/a.txt
d/s/c.txt

### -iname
mkdir d; touch d/A.TXT d/b.txt d/c.log; find d -iname '*.txt' | sort
--- stdout
d/A.TXT
d/b.txt

### -name with bracket and question mark
mkdir d; touch d/a1 d/a2 d/ab d/abc; find d -name 'a[0-9]' | sort; find d -name 'a?' | sort
--- stdout
d/a1
d/a2
d/a1
d/a2
d/ab

### -type f and d
mkdir -p d/s; touch d/f d/s/g; find d -type f | sort; find d -type d | sort
--- stdout
d/f
d/s/g
d
d/s

### -type l
mkdir d; touch d/f; ln -s f d/l; find d -type l
--- stdout
d/l

### -type with several letters
mkdir -p d/s; touch d/f; ln -s f d/l; find d -type f,l | sort
--- stdout
d/f
d/l

### -maxdepth
mkdir -p d/a/b/c; find d -maxdepth 2 | sort
--- stdout
d
d/a
d/a/b

### -mindepth
mkdir -p d/a/b/c; find d -mindepth 2 | sort
--- stdout
d/a/b
d/a/b/c

### -maxdepth 0
mkdir d; find d -maxdepth 0
--- stdout
d

### -path
mkdir -p d/src/lib d/test; touch d/src/lib/x.c d/test/y.c; find d -path '*/src/*' -name '*.c'
--- stdout
d/src/lib/x.c

### -not and !
mkdir d; touch d/a.c d/b.h; find d -type f ! -name '*.c'; find d -type f -not -name '*.h'
--- stdout
d/b.h
d/a.c

### -o operator
mkdir d; touch d/a.c d/b.h d/c.txt; find d -name '*.c' -o -name '*.h' | sort
--- stdout
d/a.c
d/b.h

### parentheses
mkdir d; touch d/a.c d/b.h d/c.txt; find d -type f \( -name '*.c' -o -name '*.txt' \) | sort
--- stdout
d/a.c
d/c.txt

### -a is implicit
mkdir d; touch d/a.c; mkdir d/b.c; find d -name '*.c' -a -type d
--- stdout
d/b.c

### -prune
mkdir -p d/skip/deep d/keep; touch d/skip/deep/x d/keep/y; find d -name skip -prune -o -type f -print | sort
--- stdout
d/keep/y

### -empty
mkdir -p d/e d/full; touch d/ef; echo x > d/full/f; find d -empty | sort
--- stdout
d/e
d/ef

### -size in bytes
mkdir d; printf '12345' > d/five; printf '1' > d/one; : > d/zero; find d -type f -size 5c; find d -type f -size -2c | sort; find d -type f -size +1c
--- stdout
d/five
d/one
d/zero
d/five

### -size in blocks rounds up
mkdir d; printf '1' > d/one; find d -type f -size 1
--- stdout
d/one

### -size k
mkdir d; head -c 2048 /dev/zero > d/two; head -c 100 /dev/zero > d/small; find d -type f -size +1k
--- stdout
d/two

### -newer
mkdir d; touch -d '2020-01-01' d/old; touch -d '2021-01-01' d/ref; touch -d '2022-01-01' d/new; find d -type f -newer d/ref
--- stdout
d/new

### -mtime
mkdir d; touch -d '2000-01-01' d/old; touch d/new; find d -type f -mtime +30; find d -type f -mtime -1
--- stdout
d/old
d/new

### -perm exact
mkdir d; touch d/a d/b; chmod 644 d/a; chmod 755 d/b; find d -type f -perm 755
--- stdout
d/b

### -perm dash all bits
mkdir d; touch d/a d/b; chmod 644 d/a; chmod 755 d/b; find d -type f -perm -u+x
--- stdout
d/b

### -perm slash any bit
mkdir d; touch d/a d/b; chmod 600 d/a; chmod 604 d/b; find d -type f -perm /o+r
--- stdout
d/b

### -print0
mkdir d; touch d/a d/b; find d -type f -print0 | tr '\0' '\n' | sort
--- stdout
d/a
d/b

### -printf basics
mkdir -p d/s; printf 'abc' > d/s/f; find d -type f -printf '%p %f %h %s %d %y\n'
--- stdout
d/s/f f d/s 3 2 f

### -printf P and H
mkdir -p d/s; touch d/s/f; find d -type f -printf '%P|%H\n'
--- stdout
s/f|d

### -printf width and escapes
mkdir d; touch d/a; find d -type f -printf '[%10f]\t[%-4d]\n'
--- stdout
[         a]	[1   ]

### -printf mode
mkdir d; touch d/a; chmod 640 d/a; find d -type f -printf '%m %M\n'
--- stdout
640 -rw-r-----

### -printf link target
mkdir d; ln -s target d/l; find d -type l -printf '%l\n'
--- stdout
target

### -exec with semicolon
mkdir d; echo hi > d/a; find d -type f -exec cat {} \;
--- stdout
hi

### -exec with plus
mkdir d; touch d/a d/b; find d -type f -exec echo files: {} + | tr ' ' '\n' | sort
--- stdout
d/a
d/b
files:

### -exec braces inside an argument
mkdir d; touch d/a; find d -type f -exec echo 'x{}y' \;
--- stdout
xd/ay

### -exec as a test
mkdir d; echo yes > d/a; echo no > d/b; find d -type f -exec grep -q yes {} \; -print
--- stdout
d/a

### -execdir
mkdir -p d/s; touch d/s/f; find d -type f -execdir echo {} \;
--- stdout
./f

### -delete
mkdir -p d/s; touch d/a d/s/b; find d -name b -delete; find d | sort
--- stdout
d
d/a
d/s

### -delete directories depth first
mkdir -p d/s/t; touch d/s/t/x; find d/s -delete; find d
--- stdout
d

### -quit
mkdir d; touch d/a d/b d/c; find d -type f -quit -print | wc -l; find d -type f -print -quit | wc -l
--- stdout
0
1

### -depth order
mkdir -p d/s; touch d/s/f; find d -depth
--- stdout
d/s/f
d/s
d

### comma operator
mkdir d; touch d/a; find d -type f -printf 'A\n' , -printf 'B\n'
--- stdout
B
A
B

### -regex
mkdir d; touch d/a1.txt d/b.txt d/c22.txt; find d -regex '.*/[a-z][0-9]+\.txt' | sort
--- stdout
d/a1.txt
d/c22.txt

### -regextype posix-extended
mkdir d; touch d/abc d/abd d/xyz; find d -regextype posix-extended -regex '.*/ab(c|d)' | sort
--- stdout
d/abc
d/abd

### -iregex
mkdir d; touch d/ABC; find d -iregex '.*abc'
--- stdout
d/ABC

### -links
mkdir d; touch d/a; ln d/a d/b; touch d/c; find d -type f -links 2 | sort
--- stdout
d/a
d/b

### -samefile
mkdir d; touch d/a; ln d/a d/b; find d -samefile d/a | sort
--- stdout
d/a
d/b

### -L follows symlinks
mkdir -p real/in; touch real/in/f; mkdir d; ln -s ../real d/link; find d | sort; find -L d | sort
--- stdout
d
d/link
d
d/link
d/link/in
d/link/in/f

### -xtype
mkdir d; touch d/f; ln -s f d/l; ln -s nowhere d/dangling; find d -xtype f | sort; find d -xtype l
--- stdout
d/f
d/l
d/dangling

### missing start point
find nope; echo rc=$?
--- stdout
rc=1
--- stderr
find: ‘nope’: No such file or directory

### missing start point among others
mkdir d; find nope d; echo rc=$?
--- stdout
d
rc=1
--- stderr
find: ‘nope’: No such file or directory

### unknown predicate
find . -bogus; echo rc=$?
--- stdout
rc=1
--- stderr
find: unknown predicate `-bogus'

### missing argument
find . -name; echo rc=$?
--- stdout
rc=1
--- stderr
find: missing argument to `-name'

### paths must precede expression
mkdir d; find -name x d; echo rc=$?
--- stdout
rc=1
--- stderr
find: paths must precede expression: `d'
find: possible unquoted pattern after predicate `-name'?

### invalid -type
find . -type q; echo rc=$?
--- stdout
rc=1
--- stderr
find: Unknown argument to -type: q

### unbalanced parenthesis
find . \( -name x; echo rc=$?
--- stdout
rc=1
--- stderr
find: invalid expression; I was expecting to find a ')' somewhere but did not see one.

### global option after test warns
mkdir d; find d -name d -maxdepth 0
--- stdout
d

### -true and -false
mkdir d; find d -false; find d -true
--- stdout
d

### -ls does not crash
mkdir d; touch d/a; find d -type f -ls | wc -l
--- stdout
1

### -fprint writes a file
mkdir d; touch d/a; find d -type f -fprint list; cat list
--- stdout
d/a

### trailing slash on start point
mkdir -p d/s; find d/ | sort
--- stdout
d/
d/s

### -name on start point with trailing slash
mkdir d; find d/ -name d
--- stdout
d/

### -empty on start
mkdir e; find e -empty
--- stdout
e

### find with many files
mkdir d; for i in 1 2 3 4 5 6 7 8 9 10; do touch d/f$i; done; find d -type f | wc -l
--- stdout
10

### -user root matches nothing here and -nouser
mkdir d; touch d/a; find d -nouser | wc -l
--- stdout
0
