# cp (GNU coreutils 9 on the reference machine)
### copy a file
echo hi > f; cp f g; cat g
--- stdout
hi

### missing operand
cp
--- stderr
cp: missing file operand
Try 'cp --help' for more information.
--- status 1

### missing destination
touch f; cp f
--- stderr
cp: missing destination file operand after 'f'
Try 'cp --help' for more information.
--- status 1

### missing source
cp nope x; echo $?
--- stdout
1
--- stderr
cp: cannot stat 'nope': No such file or directory

### into a directory
echo hi > f; mkdir d; cp f d; cat d/f
--- stdout
hi

### several into a directory
touch a b; mkdir d; cp a b d; ls d
--- stdout
a
b

### several into a non-directory
touch a b c; cp a b c; echo $?
--- stdout
1
--- stderr
cp: target 'c': Not a directory

### several into a missing target
touch a b; cp a b nope; echo $?
--- stdout
1
--- stderr
cp: target 'nope': No such file or directory

### directory without -r
mkdir d; cp d e; echo $?; ls
--- stdout
1
d
--- stderr
cp: -r not specified; omitting directory 'd'

### recursive
mkdir -p d/e; echo x > d/e/f; cp -r d c; cat c/e/f; ls -R c
--- stdout
x
c:
e

c/e:
f

### recursive into an existing directory
mkdir -p d/e s; cp -R d s; ls -R s
--- stdout
s:
d

s/d:
e

s/d/e:

### verbose
echo hi > f; cp -v f g
--- stdout
'f' -> 'g'

### recursive verbose
mkdir -p d/e; touch d/f d/e/g; cp -rv d c
--- stdout
'd' -> 'c'
'd/e' -> 'c/e'
'd/e/g' -> 'c/e/g'
'd/f' -> 'c/f'

### same file
touch f; cp f f; echo $?; cp f ./f; echo $?
--- stdout
1
1
--- stderr
cp: 'f' and 'f' are the same file
cp: 'f' and './f' are the same file

### no clobber
echo old > g; echo new > f; cp -n f g; echo $?; cat g
--- stdout
0
old

### interactive no
echo old > g; echo new > f; echo n | cp -i f g; echo; cat g
--- stdout

old
--- stderr noeol
cp: overwrite 'g'? 

### interactive yes
echo old > g; echo new > f; echo y | cp -i f g; echo; cat g
--- stdout

new
--- stderr noeol
cp: overwrite 'g'? 

### update
echo old > g; touch -d @100 g; echo new > f; touch -d @50 f; cp -u f g; cat g; touch -d @200 f; cp -u f g; cat g
--- stdout
old
new

### target directory option
touch a b; mkdir d; cp -t d a b; ls d
--- stdout
a
b

### missing target directory
touch a; cp -t nope a; echo $?
--- stdout
1
--- stderr
cp: target directory 'nope': No such file or directory

### no target directory
mkdir -p d e; touch d/x; cp -rT d e; ls e
--- stdout
x

### symlink followed without -r
echo hi > f; ln -s f l; cp l c; stat -c '%F' c
--- stdout
regular file

### symlink kept with -P
echo hi > f; ln -s f l; cp -P l c; stat -c '%F' c; readlink c
--- stdout
symbolic link
f

### symlink kept with -r
echo hi > f; ln -s f l; cp -r l c; readlink c
--- stdout
f

### dereference with -L under -r
mkdir d; echo hi > f; ln -s ../f d/l; cp -rL d e; stat -c '%F' e/l
--- stdout
regular file

### dangling symlink
ln -s nowhere l; cp l c; echo $?
--- stdout
1
--- stderr
cp: cannot stat 'l': No such file or directory

### preserve mode
touch f; chmod 751 f; cp f g; cp -p f h; stat -c '%a' g h
--- stdout
751
751

### preserve timestamps
touch -d @123456 f; cp -p f g; cp f h; stat -c '%Y' g; test "$(stat -c %Y h)" != 123456 && echo changed
--- stdout
123456
changed

### archive
mkdir -p d/e; echo x > d/e/f; touch -d @5000 d/e/f; ln -s e/f d/l; cp -a d c; stat -c '%Y' c/e/f; readlink c/l
--- stdout
5000
e/f

### hard link
echo hi > f; cp -l f g; stat -c '%h' f
--- stdout
2

### symbolic link
echo hi > f; cp -s f g; readlink g
--- stdout
f

### relative symbolic link elsewhere
touch f; mkdir d; cp -s f d/g; echo $?
--- stdout
1
--- stderr
cp: d/g: can make relative symbolic links only in current directory

### directory into itself
mkdir d; cp -r d d/sub 2>&1 | head -1; echo
--- stdout
cp: cannot copy a directory, 'd', into itself, 'd/sub'


### overwrite directory with file
mkdir -p d/f; touch f; cp f d; echo $?
--- stdout
1
--- stderr
cp: cannot overwrite directory 'd/f' with non-directory

### overwrite file with directory
mkdir -p d; touch e; cp -r d e; echo $?
--- stdout
1
--- stderr
cp: cannot overwrite non-directory 'e' with directory 'd'

### bad preserve list
touch f; cp --preserve=bogus f g; echo $?
--- stdout
1
--- stderr
cp: invalid argument ‘bogus’ for ‘--preserve’
Valid arguments are:
  - ‘mode’
  - ‘timestamps’
  - ‘ownership’
  - ‘links’
  - ‘context’
  - ‘xattr’
  - ‘all’
Try 'cp --help' for more information.

### parents
mkdir -p a/b d; echo x > a/b/f; cp --parents a/b/f d; cat d/a/b/f
--- stdout
x

### force replaces unwritable destination
echo new > f; echo old > g; chmod 444 g; cp -f f g; cat g
--- stdout
new

### remove destination
echo new > f; ln -s f g; echo x > h; cp --remove-destination h g; stat -c %F g; cat f
--- stdout
regular file
new

### no dereference of destination symlink
echo a > f; echo b > t; ln -s t l; cp f l; cat t
--- stdout
a

### goes on after error
touch a; mkdir d; cp nope a d; echo $?; ls d
--- stdout
1
a
--- stderr
cp: cannot stat 'nope': No such file or directory

### preserve hard links with -a
mkdir d; echo x > d/a; ln d/a d/b; cp -a d e; stat -c %h e/a e/b
--- stdout
2
2

### hard links not preserved without
mkdir d; echo x > d/a; ln d/a d/b; cp -r d e; stat -c %h e/a e/b
--- stdout
1
1

### command line symlink followed with -H
mkdir d; touch d/x; ln -s d l; cp -rH l c; ls c; stat -c %F c
--- stdout
x
directory

### symlink loop in a tree kept as a link
mkdir d; ln -s .. d/up; cp -r d e; readlink e/up
--- stdout
..

### copy a fifo with -r
mkfifo p; cp -r p q; stat -c %F q
--- stdout
fifo

### attributes only
echo data > f; chmod 600 f; touch g; cp --attributes-only -p f g; stat -c '%a %s' g
--- stdout
600 0

### no preserve mode
touch f; chmod 700 f; cp -p --no-preserve=mode f g; stat -c %a g
--- stdout
644

### strip trailing slashes
mkdir d; cp -r --strip-trailing-slashes d/ e; ls
--- stdout
d
e

### verbose with target directory
touch a; mkdir d; cp -v -t d a
--- stdout
'a' -> 'd/a'

### simple backup
echo old > b; echo new > a; cp -b a b; cat b b~
--- stdout
new
old

### numbered backups
touch a b; cp --backup=numbered a b; cp --backup=numbered a b; ls
--- stdout
a
b
b.~1~
b.~2~

### existing control follows numbered
touch a b b.~1~; cp -b a b; ls
--- stdout
a
b
b.~1~
b.~2~

### suffix
touch a b; cp -S .bak a b; ls
--- stdout
a
b
b.bak

### verbose backup
touch a b; cp -bv a b
--- stdout
'a' -> 'b' (backup: 'b~')

### version control variable
touch a b; VERSION_CONTROL=numbered cp -b a b; ls
--- stdout
a
b
b.~1~

### bad backup type
touch a b; cp --backup=foo a b; echo $?
--- stdout
1
--- stderr
cp: invalid argument ‘foo’ for ‘backup type’
Valid arguments are:
  - ‘none’, ‘off’
  - ‘simple’, ‘never’
  - ‘existing’, ‘nil’
  - ‘numbered’, ‘t’
Try 'cp --help' for more information.

### backup and no clobber
touch a b; cp -b -n a b; echo $?
--- stdout
1
--- stderr
cp: options --backup and --no-clobber are mutually exclusive
Try 'cp --help' for more information.

### reflink always
touch a; cp --reflink=always a b; echo $?
--- stdout
1
--- stderr
cp: failed to clone 'b' from 'a': Operation not supported

### reflink and sparse words
touch a; cp --reflink=foo a b; cp --sparse=foo a b; cp --sparse=always --reflink=auto a c; echo $?
--- stdout
0
--- stderr
cp: invalid argument ‘foo’ for ‘--reflink’
Valid arguments are:
  - ‘auto’
  - ‘always’
  - ‘never’
Try 'cp --help' for more information.
cp: invalid argument ‘foo’ for ‘--sparse’
Valid arguments are:
  - ‘never’
  - ‘auto’
  - ‘always’
Try 'cp --help' for more information.
