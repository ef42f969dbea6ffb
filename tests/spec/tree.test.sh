# tree (Debian's tree 2.1 on the reference machine)
### basic
mkdir -p d/e/f; touch a b d/x d/e/y; tree
--- stdout
.
├── a
├── b
└── d
    ├── e
    │   ├── f
    │   └── y
    └── x

4 directories, 4 files

### hidden files
mkdir .h; touch .h/z a; tree; tree -a
--- stdout
.
└── a

1 directory, 1 file
.
├── .h
│   └── z
└── a

2 directories, 2 files

### directories only
mkdir -p d/e/f; touch a d/x; tree -d
--- stdout
.
└── d
    └── e
        └── f

4 directories

### level
mkdir -p d/e/f; touch a d/x; tree -L 1; tree -L 2 d
--- stdout
.
├── a
└── d

2 directories, 1 file
d
├── e
│   └── f
└── x

3 directories, 1 file

### invalid level
tree -L 0; echo $?
--- stdout
1
--- stderr
tree: Invalid level, must be greater than 0.

### ignore pattern
mkdir d; touch a b c.o d/x.o; tree -I '*.o|a'
--- stdout
.
├── b
└── d

2 directories, 1 file

### only pattern
mkdir d; touch a.c b.h d/x.c; tree -P '*.c'
--- stdout
.
├── a.c
└── d
    └── x.c

2 directories, 2 files

### full path
mkdir -p d/e; touch d/e/y d/x; tree -f d
--- stdout
d
├── d/e
│   └── d/e/y
└── d/x

2 directories, 2 files

### classify
mkdir d; touch f x; chmod +x x; ln -s f l; ln -s d ld; mkfifo p; tree -F
--- stdout
./
├── d/
├── f
├── l -> f
├── ld -> d/
├── p|
└── x*

3 directories, 4 files

### symlinks counted by target
mkdir d; touch f; ln -s d ld; ln -s f lf; ln -s nowhere dangle; tree
--- stdout
.
├── d
├── dangle -> nowhere
├── f
├── ld -> d
└── lf -> f

3 directories, 3 files

### follow symlinks
mkdir -p d/e; touch d/e/y; ln -s d ld; ln -s . self; tree -l
--- stdout
.
├── d
│   └── e
│       └── y
├── ld -> d  [recursive, not followed]
└── self -> .  [recursive, not followed]

5 directories, 1 file

### no report
mkdir d; touch d/x; tree --noreport d
--- stdout
d
└── x

### dirs first
mkdir b; touch a c b/x; tree --dirsfirst
--- stdout
.
├── b
│   └── x
├── a
└── c

2 directories, 3 files

### reverse
touch a b c; tree -r
--- stdout
.
├── c
├── b
└── a

1 directory, 3 files

### no indentation
mkdir d; touch d/x a; tree -i
--- stdout
.
a
d
x

2 directories, 2 files

### quote names
mkdir d; touch d/x; tree -Q d
--- stdout
"d"
└── "x"

1 directory, 1 file

### permissions
mkdir d; chmod 750 d; touch d/x; chmod 640 d/x; tree -p d
--- stdout
[drwxr-x---]  d
└── [-rw-r-----]  x

1 directory, 1 file

### sizes of files
mkdir d; printf 12345 > d/a; printf 1 > d/b; tree -s --noreport d | tail -2
--- stdout
├── [          5]  a
└── [          1]  b

### human sizes of files
mkdir d; head -c 3000 /dev/zero > d/a; tree -h --noreport d | tail -1
--- stdout
└── [2.9K]  a

### missing directory
tree nope; echo $?
--- stdout
nope  [error opening dir]

0 directories, 0 files
2

### file operand
mkdir d; touch d/y x; tree d x; echo $?
--- stdout
d
└── y
x  [error opening dir]

1 directory, 2 files
0

### empty directory
mkdir e; tree e
--- stdout
e

0 directories, 0 files

### several roots
mkdir d e; touch d/a e/b; tree d e
--- stdout
d
└── a
e
└── b

2 directories, 2 files

### sort by time
touch -d @300 a; touch -d @100 b; touch -d @200 c; tree -t --noreport
--- stdout
.
├── b
├── c
└── a

### version sort
touch f10 f9 f1; tree -v --noreport
--- stdout
.
├── f1
├── f9
└── f10

### filelimit
mkdir d; touch d/a d/b d/c; tree --filelimit 2
--- stdout
.
└── d  [3 entries exceeds filelimit, not opening dir]

2 directories, 0 files
--- status 2

### ascii lines outside a UTF-8 locale
mkdir d; touch d/x y; LC_ALL=C tree
--- stdout
.
|-- d
|   `-- x
`-- y

2 directories, 2 files
