# mktemp (GNU coreutils 9 on the reference machine); random names differ,
# so cases check shapes and effects
### default creates a file in TMPDIR
export TMPDIR=$PWD/t; mkdir t; f=$(mktemp); test -f "$f" && echo file; ls t | wc -l; n=${f##*/}; echo ${#n} ${n%??????????}
--- stdout
file
1
14 tmp.

### directory
export TMPDIR=$PWD/t; mkdir t; d=$(mktemp -d); test -d "$d" && echo dir; stat -c %a "$d"
--- stdout
dir
700

### file mode
export TMPDIR=$PWD/t; mkdir t; f=$(mktemp); stat -c %a "$f"
--- stdout
600

### template in current directory
f=$(mktemp fooXXXXX); test -f "$f" && echo ok; echo ${#f} ${f%?????}
--- stdout
ok
8 foo

### dry run creates nothing
f=$(mktemp -u abcXXX); ls; echo ${#f}
--- stdout
6

### suffix
f=$(mktemp --suffix=.txt xXXX); echo ${f#x????}
--- stdout
txt

### implied suffix
f=$(mktemp x.XXXX.y); echo ${f%.y} | wc -c; echo ${f##*.}
--- stdout
7
y

### tmpdir option
mkdir t; f=$(mktemp -p t aXXX); echo ${f%???}; test -f "$f" && echo ok
--- stdout
t/a
ok

### tmpdir long option
mkdir t; f=$(mktemp --tmpdir=t); echo ${f%/*}
--- stdout
t

### t option uses TMPDIR
export TMPDIR=t; mkdir t; f=$(mktemp -t zzXXXX); echo ${f%????}
--- stdout
t/zz

### too few X
mktemp fooXX; echo $?
--- stdout
1
--- stderr
mktemp: too few X's in template ‘fooXX’

### no X
mktemp foo; echo $?
--- stdout
1
--- stderr
mktemp: too few X's in template ‘foo’

### slash with -t
mktemp -t a/XXX; echo $?
--- stdout
1
--- stderr
mktemp: invalid template, ‘a/XXX’, contains directory separator

### absolute with tmpdir
mktemp -p t /a/XXX; echo $?
--- stdout
1
--- stderr
mktemp: invalid template, ‘/a/XXX’; with --tmpdir, it may not be absolute

### suffix needs X at end
mktemp --suffix=.c aXXXb; echo $?
--- stdout
1
--- stderr
mktemp: with --suffix, template ‘aXXXb’ must end in X

### too many templates
mktemp a b
--- stderr
mktemp: too many templates
Try 'mktemp --help' for more information.
--- status 1

### missing directory
mktemp -p nope; echo $?
--- stdout
1
--- stderr
mktemp: failed to create file via template ‘nope/tmp.XXXXXXXXXX’: No such file or directory

### quiet
mktemp -q -p nope; echo $?
--- stdout
1

### mktemp: suffix and template errors
mktemp -u abcXXX/; mktemp -u XXXa/b; mktemp -u --suffix=x tmpX; mktemp -u --suffix=x tmpXY; mktemp -u --suffix=/ tmpXXX; mktemp -u -t 'a/bXXX'; mktemp -u -p . abcXXX/; echo rc=$?
--- stdout
rc=1
--- stderr
mktemp: invalid suffix ‘/’, contains directory separator
mktemp: invalid suffix ‘a/b’, contains directory separator
mktemp: too few X's in template ‘tmpXx’
mktemp: with --suffix, template ‘tmpXY’ must end in X
mktemp: invalid suffix ‘/’, contains directory separator
mktemp: invalid template, ‘a/bXXX’, contains directory separator
mktemp: invalid suffix ‘/’, contains directory separator
