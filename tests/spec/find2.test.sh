# find, part 2 (GNU findutils on the reference machine): -printf directives,
# times, permissions, sizes, actions, operators, symlink loops, errors.
# Directory order differs between file systems: listings are sorted.
### -printf f h p depth
mkdir -p a/b; touch a/b/c; find a -printf '%p|%f|%h|%d\n' | sort
--- stdout
a/b/c|c|a/b|2
a/b|b|a|1
a|a|.|0

### -printf s and k and b
mkdir d; printf '%05000d' 0 > d/f; find d/f -printf '%s %k %b\n'
--- stdout
5000 8 16

### -printf m M and type
mkdir d; touch d/f; chmod 640 d/f; chmod 751 d; find d -printf '%m %M %y\n' | sort
--- stdout
640 -rw-r----- f
751 drwxr-x--x d

### -printf mode of symlink Y
touch t; ln -s t l; ln -s nowhere dang; find l dang t -printf '%p %y %Y\n'
--- stdout
l l f
dang l N
t f f

### -printf TY and Tm and Td
touch -d '2021-03-04 05:06:07' f; find f -printf '%TY-%Tm-%Td %TH:%TM:%TS %Tj %Ta %Tb\n'
--- stdout
2021-03-04 05:06:07.0000000000 063 Thu Mar

### -printf t and c full
touch -d '2021-03-04 05:06:07' f; find f -printf '%t|%A+\n' | sed 's/\.[0-9]*//'
--- stdout
Thu Mar  4 05:06:07 2021|2021-03-04+05:06:07.0000000000

### -printf T at seconds
touch -d '@1600000000' f; find f -printf '%T@\n' | cut -d. -f1
--- stdout
1600000000

### -printf width and left justify
mkdir d; touch d/ab; find d/ab -printf '[%10f][%-6f][%5s]\n'
--- stdout
[        ab][ab    ][    0]

### -printf escapes and percent
touch f; find f -printf 'a\tb\\c%%d\101\n'
--- stdout
a	b\c%dA

### -printf unknown escape warns
touch f; find f -printf '\q|\n'
--- stdout
\q|
--- stderr
find: warning: unrecognized escape `\q'

### -printf backslash c stops output
touch f; find f -printf 'a\cb\n'; echo
--- stdout
a

### -printf unknown directive
touch f; find f -printf '%!|%q\n' 2>&1; echo st=$?
--- stdout
find: warning: unrecognized format directive `%!'
find: warning: unrecognized format directive `%q'
%!|%q
st=0

### -printf no newline by default
touch f; find f -printf '%p'; echo '|'
--- stdout
f|

### -printf l empty for regular file
touch f; ln -s f l; find f l -printf '[%l]\n'
--- stdout
[]
[f]

### -printf P with start point
mkdir -p s/t; touch s/t/u; find s -printf '%P|%H\n' | sort
--- stdout
t/u|s
t|s
|s

### -printf n links
mkdir -p d/e; find d -maxdepth 0 -printf '%n\n'
--- stdout
3

### -newer with pinned times
touch -d '2020-01-01' old; touch -d '2022-01-01' new; touch -d '2021-01-01' ref; find old new -newer ref
--- stdout
new

### -newer missing reference
find . -newer nope 2>&1; echo st=$?
--- stdout
find: ‘nope’: No such file or directory
st=1

### -mmin and -mtime ranges
touch -d '2000-01-01' ancient; touch recent; find ancient recent -mtime +1000; find recent -mmin -60
--- stdout
ancient
recent

### -perm exact octal
touch a b; chmod 644 a; chmod 600 b; find a b -perm 644
--- stdout
a

### -perm all bits dash symbolic
touch a b; chmod 755 a; chmod 644 b; find a b -perm -u=x
--- stdout
a

### -perm any bit slash
touch a b; chmod 604 a; chmod 600 b; find a b -perm /o=r
--- stdout
a

### -perm symbolic exact
touch a; chmod 640 a; find a -perm u=rw,g=r
--- stdout
a

### -perm invalid mode
find . -perm 9z 2>&1; echo st=$?
--- stdout
find: invalid mode ‘9z’
st=1

### -size units c w k M G
printf '%02048d' 0 > f; find f -size 2048c; find f -size 1024w; find f -size 2k; find f -size -2M; find f -size 1M; find f -size -1G
--- stdout
f
f
f
f
f

### -size plus and minus
printf 'x' > one; printf '%0600d' 0 > big; find one big -size +1 | sort; find one big -size -2 | sort
--- stdout
big
one

### -size zero
touch e; printf x > ne; find e ne -size 0
--- stdout
e

### -size invalid
find . -size 3q 2>&1; echo st=$?
--- stdout
find: invalid -size type `q'
st=1

### -empty on dirs and files
mkdir ed fd; touch fd/x ef; printf y > nf; find ed fd ef nf -empty | sort
--- stdout
ed
ef
fd/x

### -exec semicolon runs per file
mkdir d; touch d/a d/b; find d -type f -exec echo run {} \; | sort
--- stdout
run d/a
run d/b

### -exec plus batches
mkdir d; touch d/a d/b d/c; find d -type f -exec sh -c 'echo $#' sh {} +
--- stdout
3

### -exec exit status as test
mkdir d; touch d/yes d/no; find d -type f -exec test {} = d/yes \; -print
--- stdout
d/yes

### -exec plus failure sets status
touch f; find f -exec false {} +; echo st=$?
--- stdout
st=1

### -exec semicolon failure keeps status 0
touch f; find f -exec false {} \;; echo st=$?
--- stdout
st=0

### -exec missing terminator
find . -exec echo {} 2>&1; echo st=$?
--- stdout
find: missing argument to `-exec'
st=1

### -execdir runs in the directory
mkdir -p d/e; touch d/e/f; find d -name f -execdir echo {} \;
--- stdout
./f

### -execdir with plus
mkdir -p d; touch d/x d/y; find d -type f -execdir echo {} + | tr ' ' '\n' | sort
--- stdout
./x
./y

### -ok refuses without terminal
touch f; find f -ok echo {} \; < /dev/null 2>/dev/null; echo st=$?
--- stdout
st=0

### -ok answered yes runs
touch f; echo y | find f -ok echo hi {} \;
--- stdout
hi f
--- stderr noeol
< echo ... f > ? 

### -ok answered no
touch f; printf 'n\n' | find f -ok echo hi {} \; -o -print
--- stdout
f
--- stderr noeol
< echo ... f > ? 

### -ok with plus refused
find . -ok echo {} + 2>&1; echo st=$?
--- stdout
find: missing argument to `-ok'
st=1

### -prune with -o print
mkdir -p p/skip/x p/keep; touch p/skip/x/f p/keep/g; find p -name skip -prune -o -print | sort
--- stdout
p
p/keep
p/keep/g

### -prune with -type d and -name
mkdir -p r/.git/o r/src; touch r/.git/o/h r/src/m.c; find r -type d -name .git -prune -o -type f -print
--- stdout
r/src/m.c

### -prune ignored with -depth
mkdir -p q/s; touch q/s/f; find q -depth -name s -prune | sort
--- stdout
q/s

### -depth lists children first
mkdir -p t/u/v; find t -depth
--- stdout
t/u/v
t/u
t

### -delete with -name
mkdir -p d/e; touch d/x.tmp d/e/y.tmp d/keep; find d -name '*.tmp' -delete; find d | sort
--- stdout
d
d/e
d/keep

### -delete non-empty dir error
mkdir -p d/e; touch d/e/f; find d -path d/e -delete 2>&1; echo st=$?
--- stdout
find: cannot delete ‘d/e’: Directory not empty
st=1

### -regex full path match
mkdir d; touch d/a1 d/b22 d/c; find d -regex 'd/[a-z][0-9]+' | sort
--- stdout
d/a1
d/b22

### -regex is anchored
mkdir d; touch d/abc; find d -regex 'abc'; find d -regex '.*bc'
--- stdout
d/abc

### -regextype egrep alternation
mkdir d; touch d/x.c d/y.h d/z.o; find d -regextype egrep -regex '.*\.(c|h)' | sort
--- stdout
d/x.c
d/y.h

### -regextype posix-basic interval
mkdir d; touch d/aa d/aaa; find d -regextype posix-basic -regex 'd/a\{3\}'
--- stdout
d/aaa

### -regextype unknown
find . -regextype nosuch -regex x 2>&1 | head -1; echo st=$?
--- stdout
find: Unknown regular expression type ‘nosuch’; valid types are ‘findutils-default’, ‘ed’, ‘emacs’, ‘gnu-awk’, ‘grep’, ‘posix-awk’, ‘awk’, ‘posix-basic’, ‘posix-egrep’, ‘egrep’, ‘posix-extended’, ‘posix-minimal-basic’, ‘sed’.
st=0

### operator precedence and binds tighter than or
mkdir d; touch d/a.c d/b.h d/c.txt; find d -name '*.c' -o -name '*.h' -print | sort
--- stdout
d/b.h

### parentheses change precedence
mkdir d; touch d/a.c d/b.h d/c.txt; find d \( -name '*.c' -o -name '*.h' \) -print | sort
--- stdout
d/a.c
d/b.h

### not with parentheses
mkdir d; touch d/a.c d/b.h; find d -type f ! \( -name '*.c' \) | sort
--- stdout
d/b.h

### comma evaluates both
mkdir d; touch d/a; find d -type f \( -printf 'x:%f\n' , -printf 'y:%f\n' \)
--- stdout
x:a
y:a

### -a -and -or -not spellings
mkdir d; touch d/a d/b; find d -type f -and -not -name a -or -name zz | sort
--- stdout
d/b

### -quit after first match
mkdir d; touch d/a; find d -type f -print -quit
--- stdout
d/a

### empty parentheses error
find . \( \) 2>&1; echo st=$?
--- stdout
find: invalid expression; empty parentheses are not allowed.
st=1

### missing operand after -o
find . -name x -o 2>&1; echo st=$?
--- stdout
find: expected an expression after '-o'
st=1

### unknown predicate
find . -bogus 2>&1; echo st=$?
--- stdout
find: unknown predicate `-bogus'
st=1

### missing argument to -name
find . -name 2>&1; echo st=$?
--- stdout
find: missing argument to `-name'
st=1

### missing argument to -printf
find . -printf 2>&1; echo st=$?
--- stdout
find: missing argument to `-printf'
st=1

### invalid -maxdepth
find . -maxdepth x 2>&1; echo st=$?
--- stdout
find: Expected a positive decimal integer argument to -maxdepth, but got ‘x’
st=1

### missing start among good
mkdir g; find g nope 2>&1; echo st=$?
--- stdout
g
find: ‘nope’: No such file or directory
st=1

### -L symlink loop detected
mkdir -p d; ln -s .. d/up; find -L d 2>&1 | sort; echo st=${PIPESTATUS[0]}
--- stdout
d
d/up
find: File system loop detected; ‘d/up/d’ is part of the same file system loop as ‘d’.
st=1

### -follow self loop
mkdir lp; ln -s . lp/self; find lp -follow 2>&1; echo st=$?
--- stdout
lp
find: File system loop detected; ‘lp/self’ is part of the same file system loop as ‘lp’.
st=1

### -L follows link to dir without loop
mkdir real; touch real/f; ln -s real lnk; find -L lnk | sort
--- stdout
lnk
lnk/f

### -H follows only start points
mkdir real; touch real/f; ln -s real lnk; ln -s real/f real/lf; find -H lnk -type l
--- stdout
lnk/lf

### symlink not followed by default
mkdir real; ln -s real lnk; find lnk -type d; find lnk -type l
--- stdout
lnk

### -xtype l dangling
ln -s nowhere dang; touch f; ln -s f good; find . -xtype l
--- stdout
./dang

### -lname
ln -s target.txt l1; ln -s other l2; find . -lname '*.txt'
--- stdout
./l1

### -inum via samefile
touch f; ln f h; find . -samefile f | sort
--- stdout
./f
./h

### -wholename and -ipath
mkdir -p A/b; touch A/b/c; find . -wholename './A/b/c'; find . -ipath './a/B/*'
--- stdout
./A/b/c
./A/b/c

### -name does not match slashes
mkdir -p x/y; touch x/y/z; find . -name 'x/y'; echo done
--- stdout
done

### -name with slash warns under -warn
find . -warn -name 'x/y' 2>&1
--- stdout
find: warning: ‘-name’ matches against basenames only, but the given pattern contains a directory separator (‘/’), thus the expression will evaluate to false all the time.  Did you mean ‘-wholename’?

### -not at the end
find . -not 2>&1; echo st=$?
--- stdout
find: expected an expression after '-not'
st=1

### comma at the end
find . -name x , 2>&1; echo st=$?
--- stdout
find: expected an expression after ','
st=1

### -name leading dot needs explicit dot
touch .hid vis; find . -name '*' | sort; find . -name '.*' | sort
--- stdout
.
./.hid
./vis
.
./.hid

### -fprint0 and -fprintf
mkdir d; touch d/a; find d -type f -fprintf out '%f;'; cat out; echo
--- stdout
a;

### -print0 with xargs -0
mkdir d; touch 'd/sp ace' d/b; find d -type f -print0 | sort -z | xargs -0 -n1 echo
--- stdout
d/b
d/sp ace

### -maxdepth and -mindepth together
mkdir -p m/1/2/3; find m -mindepth 1 -maxdepth 2 | sort
--- stdout
m/1
m/1/2

### -mindepth excludes start
mkdir -p m/n; find m -mindepth 1
--- stdout
m/n

### start point dot slash
mkdir -p w; touch w/f; cd w && find ./ -type f
--- stdout
./f

### two start points order
mkdir a b; touch a/1 b/2; find b a -type f
--- stdout
b/2
a/1

### -true -false with -o
touch f; find f -false -o -true -print
--- stdout
f

### edge: mkdir -p d/e; touch d/e/f; find d -mindepth 2 -printf '%d %p
mkdir -p d/e; touch d/e/f; find d -mindepth 2 -printf '%d %p\n'
--- stdout
2 d/e/f

### edge: touch -d '2021-03-04 05:06:07' f; find f -printf '%AY %CY %T
touch -d '2021-03-04 05:06:07' f; find f -printf '%AY %CY %TY\n' | cut -c1-4
--- stdout
2021

### edge: touch -d '2021-03-04 05:06:07' f; find f -printf '%Tk %Tl %T
touch -d '2021-03-04 05:06:07' f; find f -printf '%Tk %Tl %Tp %Tr %TT %TD %TF %Tc\n'
--- stdout
 5  5 AM 05:06:07 AM 05:06:07.0000000000 03/04/21 2021-03-04 Thu Mar  4 05:06:07 2021

### edge: touch -d '2021-03-04 05:06:07' f; find f -printf '%Tu %Tw %T
touch -d '2021-03-04 05:06:07' f; find f -printf '%Tu %Tw %TU %TW %TV %Ty %TB %TA %Th %Te\n'
--- stdout
4 4 09 09 09 21 March Thursday Mar  4

### edge: touch f; find f -printf '%i\n' | grep -c '^[0-9]'
touch f; find f -printf '%i\n' | grep -c '^[0-9]'
--- stdout
1

### edge: mkdir d; find d -printf '%s\n' | grep -c .
mkdir d; find d -printf '%s\n' | grep -c .
--- stdout
1

### edge: printf abc > f; find f -printf '%-5s|%05s|%+s\n'
printf abc > f; find f -printf '%-5s|%05s|%+s\n'
--- stdout
3    |    3|3

### edge: touch f; find f -printf '%5m|%-5m|%#m\n'
touch f; find f -printf '%5m|%-5m|%#m\n'
--- stdout
  644|644  |0644

### edge: mkdir -p a/b; find a -name b -printf '%H:%P\n'
mkdir -p a/b; find a -name b -printf '%H:%P\n'
--- stdout
a:b

### edge: touch a; find . -name a -fprint out; cat out
touch a; find . -name a -fprint out; cat out
--- stdout
./a

### edge: mkdir d; touch d/a d/b; find d -type f -print0 | tr '\0' '\n
mkdir d; touch d/a d/b; find d -type f -print0 | tr '\0' '\n' | sort
--- stdout
d/a
d/b

### edge: mkdir -p d/e; touch d/e/f; find d -path '*/e/*'
mkdir -p d/e; touch d/e/f; find d -path '*/e/*'
--- stdout
d/e/f

### edge: mkdir -p d/E; find d -iname e
mkdir -p d/E; find d -iname e
--- stdout
d/E

### edge: touch a.TXT; find . -iname '*.txt'
touch a.TXT; find . -iname '*.txt'
--- stdout
./a.TXT

### edge: mkdir d; touch d/x; find d -maxdepth 1 -type d
mkdir d; touch d/x; find d -maxdepth 1 -type d
--- stdout
d

### edge: touch f; chmod 4755 f; find f -perm -4000; find f -perm /u+s
touch f; chmod 4755 f; find f -perm -4000; find f -perm /u+s; find f -perm -u+s,g+x
--- stdout
f
f
f

### edge: touch f; chmod 000 f; find f -perm 0; find f -perm -000
touch f; chmod 000 f; find f -perm 0; find f -perm -000
--- stdout
f
f

### edge: touch f; chmod 644 f; find f -perm +644 2>&1; echo st=$?
touch f; chmod 644 f; find f -perm +644 2>&1; echo st=$?
--- stdout
find: invalid mode ‘+644’
st=1

### edge: touch f; find f -size -1k; printf x > g; find g -size -1k; f
touch f; find f -size -1k; printf x > g; find g -size -1k; find g -size 1k
--- stdout
f
g

### edge: printf '%01025d' 0 > f; find f -size 2k; find f -size +1k; f
printf '%01025d' 0 > f; find f -size 2k; find f -size +1k; find f -size 3b
--- stdout
f
f
f

### edge: touch f; find f -mtime 0; find f -mtime -1; find f -mmin +1
touch f; find f -mtime 0; find f -mtime -1; find f -mmin +1
--- stdout
f
f

### edge: touch f; find f -newer f; echo st=$?
touch f; find f -newer f; echo st=$?
--- stdout
st=0

### edge: touch -d '2020-01-01' a; touch -d '2021-01-01' b; find a b -
touch -d '2020-01-01' a; touch -d '2021-01-01' b; find a b -newermm a
--- stdout
b

### edge: touch f; find f -anewer f -o -print
touch f; find f -anewer f -o -print
--- stdout
f

### edge: mkdir d; find d -links 2; find d -links +1; find d -links -2
mkdir d; find d -links 2; find d -links +1; find d -links -2
--- stdout
d
d

### edge: touch f; find f -type f,d
touch f; find f -type f,d
--- stdout
f

### edge: touch f; find f -type x 2>&1; echo st=$?
touch f; find f -type x 2>&1; echo st=$?
--- stdout
find: Unknown argument to -type: x
st=1

### edge: touch f; find f -type 2>&1; echo st=$?
touch f; find f -type 2>&1; echo st=$?
--- stdout
find: missing argument to `-type'
st=1

### edge: find . -maxdepth 2>&1; echo st=$?
find . -maxdepth 2>&1; echo st=$?
--- stdout
find: missing argument to `-maxdepth'
st=1

### edge: touch f; find f -exec 2>&1; echo st=$?
touch f; find f -exec 2>&1; echo st=$?
--- stdout
find: missing argument to `-exec'
st=1

### edge: touch f; find f -exec echo {} {} \;
touch f; find f -exec echo {} {} \;
--- stdout
f f

### edge: touch f; find f -exec echo 'x{}y' \;
touch f; find f -exec echo 'x{}y' \;
--- stdout
xfy

### edge: mkdir d; touch d/a; find d -name a -exec rm {} \; -print; ls
mkdir d; touch d/a; find d -name a -exec rm {} \; -print; ls d
--- stdout
d/a

### edge: mkdir -p d/e; touch d/e/f; find d -depth -type d -empty; fin
mkdir -p d/e; touch d/e/f; find d -depth -type d -empty; find d -type f -delete; find d -depth -type d -empty -delete; ls

### edge: touch f; find f -delete -print; ls
touch f; find f -delete -print; ls
--- stdout
f

### edge: mkdir d; touch d/x; find d -prune; find d -prune -o -print
mkdir d; touch d/x; find d -prune; find d -prune -o -print
--- stdout
d

### edge: touch f; find f \! -name f -print; echo st=$?
touch f; find f \! -name f -print; echo st=$?
--- stdout
st=0

### edge: touch f; find f -print -print
touch f; find f -print -print
--- stdout
f
f

### edge: touch f; find f -not -not -name f
touch f; find f -not -not -name f
--- stdout
f

### edge: find . -name 2>&1 | head -1
find . -name 2>&1 | head -1
--- stdout
find: missing argument to `-name'

### edge: find -name x 2>&1; echo st=$?
find -name x 2>&1; echo st=$?
--- stdout
st=0

### edge: find ./nope -print 2>&1; echo st=$?
find ./nope -print 2>&1; echo st=$?
--- stdout
find: ‘./nope’: No such file or directory
st=1

### edge: find '' 2>&1; echo st=$?
find '' 2>&1; echo st=$?
--- stdout
find: ‘’: No such file or directory
st=1

### edge: mkdir d; ln -s d l; find l; find l/; find -L l | sort; find
mkdir d; ln -s d l; find l; find l/; find -L l | sort; find -H l/ | sort
--- stdout
l
l/
l
l/

### edge: ln -s nowhere dang; find -L dang; find -L . -type l
ln -s nowhere dang; find -L dang; find -L . -type l
--- stdout
dang
./dang

### edge: ln -s nowhere dang; find . -xtype l; find -L . -xtype l
ln -s nowhere dang; find . -xtype l; find -L . -xtype l
--- stdout
./dang
./dang

### edge: mkdir d; touch d/a; find d -regex 'd/a'; find d -regex 'd/.'
mkdir d; touch d/a; find d -regex 'd/a'; find d -regex 'd/.'; find d -iregex 'D/A'
--- stdout
d/a
d/a
d/a

### edge: mkdir d; touch d/ab; find d -regextype posix-extended -regex
mkdir d; touch d/ab; find d -regextype posix-extended -regex 'd/(a|b)+'
--- stdout
d/ab

### edge: mkdir d; touch d/a; find d -regextype sed -regex 'd/\(a\)'
mkdir d; touch d/a; find d -regextype sed -regex 'd/\(a\)'
--- stdout
d/a

### edge: mkdir -p a/b/c; find a -mindepth 1 -maxdepth 1; find a -maxd
mkdir -p a/b/c; find a -mindepth 1 -maxdepth 1; find a -maxdepth 1 -mindepth 1
--- stdout
a/b
a/b

### edge: touch f; find f -maxdepth 0 -mindepth 0 -name f
touch f; find f -maxdepth 0 -mindepth 0 -name f
--- stdout
f

### edge: mkdir -p a/b; find a -name b -print -maxdepth 1 2>&1
mkdir -p a/b; find a -name b -print -maxdepth 1 2>&1
--- stdout
a/b

### edge: touch f; find f -quit -print; echo st=$?
touch f; find f -quit -print; echo st=$?
--- stdout
st=0

### edge: touch f; find f -ls | awk '{print $3, $NF}'
touch f; find f -ls | awk '{print $3, $NF}'
--- stdout
-rw-r--r-- f

### edge: touch f g; find f g -newer f 2>&1
touch -d '2020-01-01 00:00' f g; find f g -newer f 2>&1

### edge: mkdir d; touch d/.a d/b; find d -name '.*' ; find d -name '[
mkdir d; touch d/.a d/b; find d -name '.*' ; find d -name '[!.]*'
--- stdout
d/.a
d
d/b

### edge: mkdir d; touch 'd/a b' 'd/c*'; find d -name '* *'; find d -n
mkdir d; touch 'd/a b' 'd/c*'; find d -name '* *'; find d -name 'c\*'
--- stdout
d/a b
d/c*

### edge: touch f; find f -printf '%p\0' | od -c | head -1
touch f; find f -printf '%p\0' | od -c | head -1
--- stdout
0000000   f  \0

### -newermt with a date
touch -d '2020-06-01' a; touch -d '2022-06-01' b; find a b -newermt '2021-01-01 00:00'
--- stdout
b

### -newerXY invalid letters
find . -newerxm a 2>&1; echo st=$?
--- stdout
find: invalid predicate `-newerxm'
st=1

### find: the unquoted-pattern hint only when the stray word is a file, naming the last predicate
touch a b c.txt d.txt; mkdir e
find . -name a b; echo rc=$?; find . -name a nope; echo rc=$?; find . -type f b; echo rc=$?; find -name *.txt; echo rc=$?; find . -print b; echo rc=$?; find . -name x -o b; echo rc=$?; find . ! -name x b; echo rc=$?; find . -name x , b; echo rc=$?; find . \( -name x \) b; echo rc=$?; find . -maxdepth 1 e; echo rc=$?
--- stdout
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
--- stderr
find: paths must precede expression: `b'
find: possible unquoted pattern after predicate `-name'?
find: paths must precede expression: `nope'
find: paths must precede expression: `b'
find: possible unquoted pattern after predicate `-type'?
find: paths must precede expression: `d.txt'
find: possible unquoted pattern after predicate `-name'?
find: paths must precede expression: `b'
find: possible unquoted pattern after predicate `-print'?
find: paths must precede expression: `b'
find: possible unquoted pattern after predicate `-o'?
find: paths must precede expression: `b'
find: possible unquoted pattern after predicate `-name'?
find: paths must precede expression: `b'
find: possible unquoted pattern after predicate `,'?
find: paths must precede expression: `b'
find: possible unquoted pattern after predicate `)'?
find: paths must precede expression: `e'
find: possible unquoted pattern after predicate `-maxdepth'?
