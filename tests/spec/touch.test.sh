# touch (GNU coreutils 9 on the reference machine)
### create file
touch f; ls; stat -c '%s %F' f
--- stdout
f
0 regular empty file

### several files
touch a b c; ls
--- stdout
a
b
c

### missing operand
touch
--- stderr
touch: missing file operand
Try 'touch --help' for more information.
--- status 1

### no create
touch -c nope; echo $?; ls
--- stdout
0

### missing directory
touch d/x; echo $?
--- stdout
1
--- stderr
touch: cannot touch 'd/x': No such file or directory

### date iso
touch -d '2020-01-02 03:04:05' f; stat -c '%y' f
--- stdout
2020-01-02 03:04:05.000000000 +0000

### date only
touch -d 2021-06-07 f; stat -c '%Y' f
--- stdout
1623024000

### epoch seconds
touch -d @86400 f; stat -c '%X %Y' f
--- stdout
86400 86400

### stamp with -t
touch -t 202401011230.45 f; stat -c '%y' f
--- stdout
2024-01-01 12:30:45.000000000 +0000

### stamp with two-digit year
touch -t 9912312359 f; stat -c '%y' f
--- stdout
1999-12-31 23:59:00.000000000 +0000

### invalid date
touch -d garbage f; echo $?
--- stdout
1
--- stderr
touch: invalid date format ‘garbage’

### invalid stamp
touch -t 12 f; echo $?
--- stdout
1
--- stderr
touch: invalid date format ‘12’

### access time only
touch -d @1000 f; touch -a -d @2000 f; stat -c '%X %Y' f
--- stdout
2000 1000

### modification time only
touch -d @1000 f; touch -m -d @3000 f; stat -c '%X %Y' f
--- stdout
1000 3000

### time word
touch -d @1000 f; touch --time=mtime -d @5000 f; stat -c '%X %Y' f
--- stdout
1000 5000

### bad time word
touch --time=foo f
--- stderr
touch: invalid argument ‘foo’ for ‘--time’
Valid arguments are:
  - ‘atime’, ‘access’, ‘use’
  - ‘mtime’, ‘modify’
Try 'touch --help' for more information.
--- status 1

### reference file
touch -d @12345 r; touch -r r f; stat -c '%X %Y' f
--- stdout
12345 12345

### missing reference
touch -r nope f; echo $?
--- stdout
1
--- stderr
touch: failed to get attributes of 'nope': No such file or directory

### directory
mkdir d; touch -d @777 d; stat -c '%Y' d
--- stdout
777

### no-dereference on a dangling link
ln -s nowhere l; touch -h -d @99 l; stat -c '%Y %F' l; ls
--- stdout
99 symbolic link
l

### dangling symlink creates target
ln -s target l; touch l; ls
--- stdout
l
target

### goes on after error
touch x/y z; echo $?; ls
--- stdout
1
z
--- stderr
touch: cannot touch 'x/y': No such file or directory

### existing contents kept
echo data > f; touch f; cat f
--- stdout
data

### local time zone with rules
export TZ=EST5EDT,M3.2.0,M11.1.0; touch -d '2020-07-01 12:00' f; touch -d '2020-01-01 12:00' g; stat -c '%y %Y' f g
--- stdout
2020-07-01 12:00:00.000000000 -0400 1593619200
2020-01-01 12:00:00.000000000 -0500 1577898000

### explicit zone in the date
touch -d '2020-07-01 12:00:00+02:00' f; stat -c '%Y' f; touch -d '2020-07-01T12:00:00Z' g; stat -c %Y g
--- stdout
1593597600
1593604800

### umask of the shell
umask 077; touch f; stat -c %a f
--- stdout
600
