# ls (GNU coreutils 9 on the reference machine). Output is not a terminal:
# one name per line unless a format is asked for. Times are fixed with
# touch -d and printed with --time-style; owners and sizes of directories
# differ between the host and the VFS, so cases avoid them.
### empty directory
ls

### names sorted
touch b a c; ls
--- stdout
a
b
c

### missing file
ls nope; echo $?
--- stdout
2
--- stderr
ls: cannot access 'nope': No such file or directory

### missing file among others
touch a; ls a nope; echo $?
--- stdout
a
2
--- stderr
ls: cannot access 'nope': No such file or directory

### hidden files
touch .h v; ls; echo --; ls -a; echo --; ls -A
--- stdout
v
--
.
..
.h
v
--
.h
v

### directory operand
mkdir d; touch d/x d/y; ls d
--- stdout
x
y

### several operands
mkdir d e; touch f d/x; ls f d e
--- stdout
f

d:
x

e:

### directory itself
mkdir d; touch d/x; ls -d d
--- stdout
d

### recursive
mkdir -p d/e; touch d/f d/e/g; ls -R d
--- stdout
d:
e
f

d/e:
g

### recursive dot
mkdir e; touch f e/g; ls -R
--- stdout
.:
e
f

./e:
g

### reverse
touch a b c; ls -r
--- stdout
c
b
a

### one per line
touch a b; ls -1
--- stdout
a
b

### columns
touch aaa bb c dddddddd eeeeeeeeeeeeeee f g h i j k l m n o p; COLUMNS=30 ls -C
--- stdout
aaa		 g  m
bb		 h  n
c		 i  o
dddddddd	 j  p
eeeeeeeeeeeeeee  k
f		 l

### columns default width
touch aaa bb c dddddddd eeeeeeeeeeeeeee f g h i j k l m n o p; ls -C
--- stdout
aaa  bb  c  dddddddd  eeeeeeeeeeeeeee  f  g  h	i  j  k  l  m  n  o  p

### across
touch aaa bb c dddddddd eeeeeeeeeeeeeee f g h i j k l m n o p; COLUMNS=30 ls -x
--- stdout
aaa		 bb
c		 dddddddd
eeeeeeeeeeeeeee  f
g		 h
i		 j
k		 l
m		 n
o		 p

### commas
touch aaa bb c dddddddd eeeeeeeeeeeeeee f g h i j k l m n o p; COLUMNS=30 ls -m
--- stdout
aaa, bb, c, dddddddd,
eeeeeeeeeeeeeee, f, g, h, i,
j, k, l, m, n, o, p

### width option
touch aaa bb c dddd; ls -w 12 -C
--- stdout
aaa  c
bb   dddd

### classify
mkdir d; touch f x; chmod +x x; ln -s f l; mkfifo p; ls -F
--- stdout
d/
f
l@
p|
x*

### slash indicator
mkdir d; touch f; ls -p
--- stdout
d/
f

### file type indicator
mkdir d; touch x; chmod +x x; ls --file-type
--- stdout
d/
x

### long format columns
touch -d '2020-01-02 03:04' f; echo hello > g; touch -d '2020-01-02 03:04' g; ls -l --time-style=long-iso f g | cut -d' ' -f1,2,5-
--- stdout
-rw-r--r-- 1 0 2020-01-02 03:04 f
-rw-r--r-- 1 6 2020-01-02 03:04 g

### long iso time
touch -d '2020-01-02 03:04:05' f; ls -l --time-style=long-iso f | awk '{print $6, $7, $8}'
--- stdout
2020-01-02 03:04 f

### full time
touch -d '2020-01-02 03:04:05' f; ls --full-time f | awk '{print $6, $7, $8, $9}'
--- stdout
2020-01-02 03:04:05.000000000 +0000 f

### custom time style
touch -d '2019-05-06 07:08:09' f; ls -l --time-style=+%Y/%m/%d f | awk '{print $6, $7}'
--- stdout
2019/05/06 f

### old files in locale style
touch -d '2019-05-06 07:08:09' f; ls -l f | awk '{print $6, $7, $8, $9}'
--- stdout
May 6 2019 f

### iso style old file
touch -d '2019-05-06 07:08:09' f; ls -l --time-style=iso f | awk '{print $6, $7}'
--- stdout
2019-05-06 f

### bad time style
ls -l --time-style=foo
--- stderr
ls: invalid argument ‘foo’ for ‘time style’
Valid arguments are:
  - [posix-]full-iso
  - [posix-]long-iso
  - [posix-]iso
  - [posix-]locale
  - +FORMAT (e.g., +%H:%M) for a 'date'-style format
Try 'ls --help' for more information.
--- status 2

### symlink in long format
touch f; ln -s f l; ls -l l | awk '{print $1, $9, $10, $11}'
--- stdout
lrwxrwxrwx l -> f

### symlink to directory operand is followed
mkdir d; touch d/x; ln -s d l; ls l; ls -d l; ls -l l | awk '{print $NF}'
--- stdout
x
l
d

### sort by size
printf 1 > a; printf 333 > b; printf 22 > c; ls -S; ls -Sr
--- stdout
b
c
a
a
c
b

### sort by time
touch -d @100 a; touch -d @300 b; touch -d @200 c; ls -t; ls -tr
--- stdout
b
c
a
a
c
b

### sort by extension
touch b.txt a.c c a.txt; ls -X
--- stdout
c
a.c
a.txt
b.txt

### version sort
touch f10 f9 f1 f2.1 f2.10 f2.9; ls -v
--- stdout
f1
f2.1
f2.9
f2.10
f9
f10

### unsorted names exist
touch b a; ls -U | sort
--- stdout
a
b

### sort word
touch -d @100 a; touch -d @300 b; ls --sort=time; ls --sort=none | sort
--- stdout
b
a
a
b

### bad sort word
ls --sort=foo
--- stderr
ls: invalid argument ‘foo’ for ‘--sort’
Valid arguments are:
  - ‘none’
  - ‘time’
  - ‘size’
  - ‘extension’
  - ‘version’
  - ‘width’
Try 'ls --help' for more information.
--- status 1

### human sizes
head -c 2048 /dev/zero > k; head -c 1500000 /dev/zero > m; ls -lh k m | awk '{print $5, $9}'
--- stdout
2.0K k
1.5M m

### numeric ids
touch f; ls -n f | awk '{print NF}'
--- stdout
9

### group directories first
mkdir b; touch a c; ls --group-directories-first
--- stdout
b
a
c

### ignore pattern
touch a.o b.c c.o; ls -I '*.o'; ls --hide='*.c'
--- stdout
b.c
a.o
c.o

### ignore backups
touch a a~; ls -B
--- stdout
a

### zero terminated
touch a b; ls --zero | cat -v; echo
--- stdout
a^@b^@

### color always
mkdir d; touch f x; chmod +x x; ln -s f l; ls --color=always | cat -v; TERM=xterm ls --color=always | cat -v; TERM=dumb ls --color=auto
--- stdout
d
f
l
x
^[[0m^[[01;34md^[[0m
f
^[[01;36ml^[[0m
^[[01;32mx^[[0m
d
f
l
x

### color never
mkdir d; ls --color=never
--- stdout
d

### literal odd name when not a tty
touch 'a b' "it's"; ls
--- stdout
a b
it's

### quoting style shell
touch 'a b' c; ls --quoting-style=shell-escape
--- stdout
'a b'
c

### escape option
touch 'a b'; ls -b
--- stdout
a\ b

### quote name
touch a; ls -Q
--- stdout
"a"

### bad option
ls -j
--- stderr
ls: invalid option -- 'j'
Try 'ls --help' for more information.
--- status 2

### inode numbers present
touch f; ls -i f | awk '{print NF, $2}'
--- stdout
2 f

### directory and file mixed header
mkdir d; touch f d/x; ls d f
--- stdout
f

d:
x

### recursive with hidden directory skipped
mkdir -p .h/x d; ls -R
--- stdout
.:
d

./d:

### dir header for single error
ls nope .; echo $?
--- stdout
.:
2
--- stderr
ls: cannot access 'nope': No such file or directory

### long iso time in a zone with rules
export TZ=EST5EDT,M3.2.0,M11.1.0; touch -d @1593619200 f; ls -l --time-style='+%F %T %Z %z' f | cut -d' ' -f6-
--- stdout
2020-07-01 12:00:00 EDT -0400 f

### empty operands everywhere
ls ''; rm ''; mkdir ''; touch ''; cp '' x; mv '' x; ln -s x ''; chmod 644 ''; stat ''; rmdir ''; realpath ''; truncate -s0 ''; echo done
--- stdout
done
--- stderr
ls: cannot access '': No such file or directory
rm: cannot remove '': No such file or directory
mkdir: cannot create directory ‘’: No such file or directory
touch: cannot touch '': No such file or directory
cp: cannot stat '': No such file or directory
mv: cannot stat '': No such file or directory
ln: failed to create symbolic link '': No such file or directory
chmod: cannot access '': No such file or directory
stat: cannot statx '': No such file or directory
rmdir: failed to remove '': No such file or directory
realpath: '': No such file or directory
truncate: cannot open '' for writing: No such file or directory

### size blocks of empty files
touch a b; ls -s a b
--- stdout
0 a
0 b

### no owner and no group columns
touch -d @0 f; ls -g --time-style=+%s f | cut -d' ' -f1,2,4-; ls -o --time-style=+%s f | cut -d' ' -f1,2,4-; ls -lG --time-style=+%s f | cut -d' ' -f1,2,4-
--- stdout
-rw-r--r-- 1 0 0 f
-rw-r--r-- 1 0 0 f
-rw-r--r-- 1 0 0 f

### access time sort
touch -d @100 a; touch -d @300 b; touch -a -d @500 a; touch -a -d @200 b; ls -u; ls -t
--- stdout
a
b
b
a

### dereference symlinks
mkdir d; touch d/x; ln -s d l; ln -s f fl; touch f; ls -L -F; ls -H -F fl l
--- stdout
d/
f
fl
l/
fl

l:
x

### indicator style word
mkdir d; touch x; chmod +x x; ls --indicator-style=classify; ls --indicator-style=none
--- stdout
d/
x*
d
x

### format word
touch a b c; ls --format=commas; ls --format=single-column
--- stdout
a, b, c
a
b
c

### dired-like recursion order
mkdir -p b/c a; touch a/1 b/2 b/c/3; ls -R
--- stdout
.:
a
b

./a:
1

./b:
2
c

./b/c:
3

### classify never
mkdir d; ls --classify=never
--- stdout
d

### width zero means no limit
touch aaa bbb ccc; ls -C -w 0
--- stdout
aaa  bbb  ccc

### tab size zero uses spaces
touch aaa bb c dddddddd eeeeeeeeeeeeeee f g h; COLUMNS=30 ls -C -T 0
--- stdout
aaa  dddddddd         g
bb   eeeeeeeeeeeeeee  h
c    f

### long listing of a directory operand
mkdir d; touch -d @0 d/a; ls -l --time-style=+%s d | tail -n +2 | cut -d' ' -f1,2,5-
--- stdout
-rw-r--r-- 1 0 0 a

### total line present
touch a; ls -l | head -1 | cut -d' ' -f1
--- stdout
total

### quoting styles with a newline
touch 'sp ace' $'new\nline' "it's"; ls -b; ls -Q; ls --quoting-style=c; ls --quoting-style=escape; ls --quoting-style=shell-always; ls --quoting-style=shell; ls --quoting-style=shell-escape-always; ls -N
--- stdout
it's
new\nline
sp\ ace
"it's"
"new\nline"
"sp ace"
"it's"
"new\nline"
"sp ace"
it's
new\nline
sp\ ace
"it's"
'new
line'
'sp ace'
"it's"
'new
line'
'sp ace'
"it's"
'new'$'\n''line'
'sp ace'
it's
new
line
sp ace

### ls: invalid tab size and line width
ls -T x .; echo rc=$?; ls -w x .; echo rc=$?; ls -w -1 .; echo rc=$?
--- stdout
rc=2
rc=2
rc=2
--- stderr
ls: invalid tab size: ‘x’
ls: invalid line width: ‘x’
ls: invalid line width: ‘-1’

### ls: --quoting-style=c-maybe, QUOTING_STYLE, no --time=mtime in 9.1
touch 'x y' "$(printf 'a\tb')" 'q"r' plain; ls --quoting-style=c-maybe; ls -C --quoting-style=c-maybe -w 40; QUOTING_STYLE=c ls; QUOTING_STYLE=c-maybe ls -m; QUOTING_STYLE=bogus ls -1; QUOTING_STYLE=sh ls -m; QUOTING_STYLE=c ls -N | head -1; ls --time=mtime; echo rc=$?
--- stdout
"a\tb"
plain
"q\"r"
x y
"a\tb"	 plain	"q\"r"	 x y
"a\tb"
"plain"
"q\"r"
"x y"
"a\tb", plain, "q\"r", x y
a	b
plain
q"r
x y
a	b, plain, q"r, x y
a	b
rc=1
--- stderr
ls: ignoring invalid value of environment variable QUOTING_STYLE: ‘bogus’
ls: ignoring invalid value of environment variable QUOTING_STYLE: ‘sh’
ls: invalid argument ‘mtime’ for ‘--time’
Valid arguments are:
  - ‘atime’, ‘access’, ‘use’
  - ‘ctime’, ‘status’
  - ‘birth’, ‘creation’
Try 'ls --help' for more information.
