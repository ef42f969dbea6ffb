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

### find audit: f setup printf basics
mkdir -p d/sub; printf 'abc' > d/f1; printf 'x\n' > d/sub/f2; touch -d '2020-01-02 03:04:05' d/f1 d/sub/f2 d/sub d; find d -type f -printf '%p|%f|%h|%P|%d|%s|%y\n' | sort
--- stdout
d/f1|f1|d|f1|1|3|f
d/sub/f2|f2|d/sub|sub/f2|2|2|f

### find audit: f printf time
mkdir -p d; touch -d '2020-01-02 03:04:05' d/f; find d/f -printf '%TY-%Tm-%Td %TH:%TM:%TS %Tj %Ta %Tb %TT %TD %TF\n' | sed 's/\.[0-9]*//'
--- stdout
2020-01-02 03:04:05 002 Thu Jan 03:04:05.0000000000 01/02/20 2020-01-02

### find audit: f printf t
mkdir -p d; touch -d '2020-01-02 03:04:05' d/f; TZ=UTC find d/f -printf '%t|%Ak|%T@\n'
--- stdout
Thu Jan  2 03:04:05.0000000000 2020| 3|1577934245.0000000000

### find audit: f printf mode
mkdir -p d; touch d/f; chmod 640 d/f; find d/f -printf '%m %M %#m\n'
--- stdout
640 -rw-r----- 0640

### find audit: f printf width
mkdir -p d; printf 'abc' > d/f; find d/f -printf '[%5s][%-5s][%10f]\n'
--- stdout
[    3][3    ][         f]

### find audit: f printf escapes
mkdir -p d; touch d/f; find d/f -printf 'a\tb\\n\101\c'; echo END
--- stdout
a	b\nAEND

### find audit: f printf unknown directive
mkdir -p d; touch d/f; find d/f -printf '%Q\n'; echo rc=$?
--- stdout
%Q
rc=0
--- stderr
find: warning: unrecognized format directive `%Q'

### find audit: f printf %%
mkdir -p d; touch d/f; find d/f -printf '100%%\n'
--- stdout
100%

### find audit: f printf depth
mkdir -p a/b/c; find a -printf '%d %p\n'
--- stdout
0 a
1 a/b
2 a/b/c

### find audit: f printf %l %Y
mkdir -p d; touch d/f; ln -s f d/l; find d -name l -printf '%l %Y %y\n'
--- stdout
f f l

### find audit: f printf %n %i-free
mkdir -p d; touch d/f; find d/f -printf '%n\n'
--- stdout
1

### find audit: f newer
mkdir -p d; touch -d '2020-01-01' d/old; touch -d '2021-01-01' d/new; find d -newer d/old -type f
--- stdout
d/new

### find audit: f newer missing
find . -newer nofile; echo rc=$?
--- stdout
rc=1
--- stderr
find: ‘nofile’: No such file or directory

### find audit: f perm slash
mkdir -p d; touch d/a d/b d/c; chmod 644 d/a; chmod 600 d/b; chmod 755 d/c; find d -type f -perm /o=r | sort
--- stdout
d/a
d/c

### find audit: f perm dash
mkdir -p d; touch d/a d/b d/c; chmod 644 d/a; chmod 600 d/b; chmod 755 d/c; find d -type f -perm -u=rw,g=r | sort
--- stdout
d/a
d/c

### find audit: f perm exact
mkdir -p d; touch d/a d/b; chmod 644 d/a; chmod 600 d/b; find d -type f -perm 600
--- stdout
d/b

### find audit: f perm octal dash
mkdir -p d; touch d/a d/b; chmod 755 d/a; chmod 600 d/b; find d -type f -perm -111
--- stdout
d/a

### find audit: f perm slash zero
mkdir -p d; touch d/a; find d -type f -perm /000
--- stdout
d/a
--- stderr
find: warning: you have specified a mode pattern /000 (which is equivalent to /000). The meaning of -perm /000 has now been changed to be consistent with -perm -000; that is, while it used to match no files, it now matches all files.

### find audit: f perm invalid
find . -perm foo; echo rc=$?
--- stdout
rc=1
--- stderr
find: invalid mode ‘foo’

### find audit: f regex
mkdir -p d; touch d/abc d/xyz; find d -regex '.*/a.c'
--- stdout
d/abc

### find audit: f regex full path
mkdir -p d; touch d/abc; find d -regex 'abc'; echo rc=$?
--- stdout
rc=0

### find audit: f regextype egrep
mkdir -p d; touch d/abc d/abd; find d -regextype egrep -regex '.*/ab(c|d)' | sort
--- stdout
d/abc
d/abd

### find audit: f regextype posix-extended
mkdir -p d; touch d/aa d/ab; find d -regextype posix-extended -regex '.*/a{2}'
--- stdout
d/aa

### find audit: f regex emacs default alternation
mkdir -p d; touch d/abc d/abd; find d -regex '.*/ab\(c\|d\)' | sort
--- stdout
d/abc
d/abd

### find audit: f iregex
mkdir -p d; touch d/ABC; find d -iregex '.*/abc'
--- stdout
d/ABC

### find audit: f regextype bad
find . -regextype foo -regex x; echo rc=$?
--- stdout
rc=1
--- stderr
find: Unknown regular expression type ‘foo’; valid types are ‘findutils-default’, ‘ed’, ‘emacs’, ‘gnu-awk’, ‘grep’, ‘posix-awk’, ‘awk’, ‘posix-basic’, ‘posix-egrep’, ‘egrep’, ‘posix-extended’, ‘posix-minimal-basic’, ‘sed’.

### find audit: f prune
mkdir -p d/skip d/keep; touch d/skip/f d/keep/f; find d -path d/skip -prune -o -type f -print
--- stdout
d/keep/f

### find audit: f prune name
mkdir -p d/.git/x d/src; touch d/.git/x/f d/src/f; find d -name .git -prune -o -print | sort
--- stdout
d
d/src
d/src/f

### find audit: f prune with depth
mkdir -p d/skip; touch d/skip/f; find d -depth -name skip -prune -o -print
--- stdout
d/skip/f
d

### find audit: f exec plus
mkdir -p d; touch d/a d/b; find d -type f -exec echo X {} + | tr ' ' '\n' | sort
--- stdout
X
d/a
d/b

### find audit: f exec semicolon
mkdir -p d; touch d/a; find d -type f -exec echo [{}] \;
--- stdout
[d/a]

### find audit: f exec braces embedded
mkdir -p d; touch d/a; find d -type f -exec echo pre{}post \;
--- stdout
pred/apost

### find audit: f exec plus not last
find . -exec echo {} x +; echo rc=$?
--- stdout
rc=1
--- stderr
find: missing argument to `-exec'

### find audit: f exec status
mkdir -p d; touch d/a; find d -type f -exec false \; ; echo rc=$?
--- stdout
rc=0

### find audit: f exec plus status
mkdir -p d; touch d/a; find d -type f -exec false {} + ; echo rc=$?
--- stdout
rc=1

### find audit: f exec missing terminator
find . -exec echo; echo rc=$?
--- stdout
rc=1
--- stderr
find: missing argument to `-exec'

### find audit: f delete order
mkdir -p d/e/f; touch d/e/f/g d/x; find d -delete; ls d; echo rc=$?
--- stdout
rc=2
--- stderr
ls: cannot access 'd': No such file or directory

### find audit: f delete prints
mkdir -p d/e; touch d/e/g; find d -print -delete
--- stdout
d/e/g
d/e
d

### find audit: f delete with prune warn
mkdir -p d; find d -prune -delete; echo rc=$?
--- stdout
rc=1
--- stderr
find: The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.

### find audit: f depth
mkdir -p d/e; touch d/e/f; find d -depth
--- stdout
d/e/f
d/e
d

### find audit: f maxdepth mindepth
mkdir -p a/b/c/d; find a -mindepth 1 -maxdepth 2
--- stdout
a/b
a/b/c

### find audit: f maxdepth after test warning
mkdir -p a; find a -type d -maxdepth 0; echo rc=$?
--- stdout
a
rc=0

### find audit: f type multiple
mkdir -p d; touch d/f; ln -s f d/l; find d -type f,l | sort
--- stdout
d/f
d/l

### find audit: f type invalid
find . -type q; echo rc=$?
--- stdout
rc=1
--- stderr
find: Unknown argument to -type: q

### find audit: f empty
mkdir -p d/e; touch d/f; printf x > d/g; find d -empty | sort
--- stdout
d/e
d/f

### find audit: f size
mkdir -p d; printf 'abc' > d/a; head -c 2000 /dev/zero > d/b; find d -type f -size +1k; find d -type f -size -2; find d -type f -size 3c
--- stdout
d/b
d/a
d/a

### find audit: f size rounding
mkdir -p d; head -c 1 /dev/zero > d/a; find d -type f -size 1k; find d -type f -size -1k; echo end
--- stdout
d/a
end

### find audit: f name patterns
mkdir -p d; touch d/a.txt d/B.TXT d/.h; find d -name '*.txt'; find d -iname '*.txt' | sort; find d -name '.*'
--- stdout
d/a.txt
d/B.TXT
d/a.txt
d/.h

### find audit: f name with slash warning
find . -name 'a/b'; echo rc=$?
--- stdout
rc=0

### find audit: f path glob
mkdir -p d/x; touch d/x/f; find d -path '*x/f'
--- stdout
d/x/f

### find audit: f wholename
mkdir -p d/x; touch d/x/f; find d -wholename 'd/x*' | sort
--- stdout
d/x
d/x/f

### find audit: f operators
mkdir -p d; touch d/a d/b d/c; find d -type f \( -name a -o -name b \) | sort
--- stdout
d/a
d/b

### find audit: f not
mkdir -p d; touch d/a d/b; find d -type f ! -name a
--- stdout
d/b

### find audit: f comma
mkdir -p d; touch d/a; find d -type f \( -name a -printf 'A\n' , -printf 'B\n' \)
--- stdout
A
B

### find audit: f missing paren
find . \( -name a; echo rc=$?
--- stdout
rc=1
--- stderr
find: invalid expression; I was expecting to find a ')' somewhere but did not see one.

### find audit: f unknown predicate
find . -foo; echo rc=$?
--- stdout
rc=1
--- stderr
find: unknown predicate `-foo'

### find audit: f missing arg
find . -name; echo rc=$?
--- stdout
rc=1
--- stderr
find: missing argument to `-name'

### find audit: f nonexistent path
find nodir; echo rc=$?
--- stdout
rc=1
--- stderr
find: ‘nodir’: No such file or directory

### find audit: f nonexistent path continue
mkdir d; find nodir d; echo rc=$?
--- stdout
d
rc=1
--- stderr
find: ‘nodir’: No such file or directory

### find audit: f quit
mkdir -p d; touch d/a d/b; find d -type f -print -quit | wc -l
--- stdout
1

### find audit: f print0
mkdir -p d; touch d/a; find d -print0 | tr '\0' @
--- stdout noeol
d@d/a@

### find audit: f fprint
mkdir -p d; touch d/a; find d -fprint out; sort out
--- stdout
d
d/a

### find audit: f ls format fields
mkdir -p d; touch d/a; find d/a -ls | awk '{print $3, $NF}'
--- stdout
-rw-r--r-- d/a

### find audit: f -true -false
mkdir -p d; find d -false; find d -true
--- stdout
d

### find audit: f -links
mkdir -p d; touch d/a; ln d/a d/b; find d -type f -links 2 | sort
--- stdout
d/a
d/b

### find audit: f samefile
mkdir -p d; touch d/a; ln d/a d/b; find d -samefile d/a | sort
--- stdout
d/a
d/b

### find audit: f mmin
mkdir -p d; touch d/a; find d -type f -mmin -5 | wc -l
--- stdout
1

### find audit: f mtime old
mkdir -p d; touch -d '2000-01-01' d/a; find d -type f -mtime +1000
--- stdout
d/a

### find audit: f L symlink loop
mkdir -p d; ln -s ../d d/loop; find -L d 2>&1; echo rc=$?
--- stdout
d
find: File system loop detected; ‘d/loop’ is part of the same file system loop as ‘d’.
rc=1

### find audit: f H
mkdir -p real; touch real/f; ln -s real link; find -H link | sort
--- stdout
link
link/f

### find audit: f symlink not followed
mkdir -p real; touch real/f; ln -s real link; find link
--- stdout
link

### find audit: f xtype
mkdir -p d; touch d/f; ln -s f d/l; ln -s nope d/broken; find d -xtype l; find d -xtype f | sort
--- stdout
d/broken
d/f
d/l

### find audit: f and precedence
mkdir -p d; touch d/a d/b; find d -name a -o -name b -print
--- stdout
d/b

### find audit: f -a explicit
mkdir -p d; touch d/a; find d -type f -a -name a
--- stdout
d/a

### find audit: f dot start
mkdir d; cd d; touch x; find . | sort
--- stdout
.
./x

### find audit: f trailing slash
mkdir -p d; touch d/x; find d/ | sort
--- stdout
d/
d/x

### find audit: f double slash
mkdir -p d; touch d/x; find d// -name x
--- stdout
d//x

### find audit: f empty string path
find ''; echo rc=$?
--- stdout
rc=1
--- stderr
find: ‘’: No such file or directory

### find audit: f -user -group
mkdir -p d; touch d/a; find d/a -user "$(id -un)" | wc -l
--- stdout
1

### find audit: f -nouser
mkdir -p d; touch d/a; find d -nouser; echo rc=$?
--- stdout
rc=0

### find audit: f newerXY
mkdir -p d; touch -d '2020-01-01' d/old; touch -d '2021-01-01' d/new; find d -type f -newermm d/old
--- stdout
d/new

### find audit: f printf %c %a time
mkdir -p d; touch -d '2020-01-02 03:04:05' d/f; find d/f -printf '%Ac\n' | cut -c1-3
--- stdout
Thu
