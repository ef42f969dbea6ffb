# Redirections.
### output to file
echo hi > f; cat f
--- stdout
hi

### append
echo a > f; echo b >> f; cat f
--- stdout
a
b

### input from file
echo content > f; cat < f
--- stdout
content

### stderr to file
ls /nonexistent 2> err; echo $?; cat err
--- stdout
2
ls: cannot access '/nonexistent': No such file or directory

### stderr to stdout
{ echo out; echo err >&2; } 2>&1
--- stdout
out
err

### stdout to stderr
echo to-err >&2
--- stderr
to-err

### both to file
{ echo out; echo err >&2; } &> both; cat both
--- stdout
out
err

### append both
echo a &> f; echo b &>> f; cat f
--- stdout
a
b

### dev null
echo gone > /dev/null; echo ok
--- stdout
ok

### input missing file
cat < nofile
--- stderr
vbash: line 1: nofile: No such file or directory
--- status 1

### output to directory
mkdir d; echo x > d
--- stderr
vbash: line 1: d: Is a directory
--- status 1

### noclobber
set -C; echo a > f; echo b > f; echo $?; cat f
--- stdout
1
a
--- stderr
vbash: line 1: f: cannot overwrite existing file

### clobber override
set -C; echo a > f; echo b >| f; cat f
--- stdout
b

### fd dup and close
exec 3> out3; echo via3 >&3; exec 3>&-; cat out3
--- stdout
via3

### read from fd
echo line > f; exec 4< f; read l <&4; echo $l
--- stdout
line

### bad fd
echo x >&7
--- stderr
vbash: line 1: 7: Bad file descriptor
--- status 1

### here string
cat <<< "here string"
--- stdout
here string

### here string variable
x=val; cat <<< "$x"
--- stdout
val

### redirect order matters
{ echo err >&2; } 2>&1 >/dev/null
--- stdout
err

### multiple redirects
echo hi > a > b; echo "[$(cat a)]" "[$(cat b)]"
--- stdout
[] [hi]

### redirect before command
> f echo first; cat f
--- stdout
first

### redirection only creates file
> empty; [ -f empty ] && echo created
--- stdout
created

### dev stdout
echo to-stdout > /dev/stdout
--- stdout
to-stdout

### dev stderr
echo to-stderr > /dev/stderr
--- stderr
to-stderr

### named fd variable
exec {fd}> nf; echo named >&$fd; exec {fd}>&-; cat nf
--- stdout
named

### read write fd
echo abc > f; exec 5<> f; read -n 1 c <&5; echo $c
--- stdout
a

### redirect in loop body persists per iteration
for i in 1 2; do echo $i >> acc; done; cat acc
--- stdout
1
2

### input redirect to while
printf '1\n2\n' > f; while read n; do echo n=$n; done < f
--- stdout
n=1
n=2

### redirect stdin of group
echo grouped > f; { read a; echo $a; } < f
--- stdout
grouped

### ambiguous redirect
x="a b"; echo hi > $x
--- stderr
vbash: line 1: $x: ambiguous redirect
--- status 1

### empty redirect target
x=; echo hi > $x
--- stderr
vbash: line 1: $x: ambiguous redirect
--- status 1

### stderr of builtin
cd /nope 2>/dev/null; echo $?
--- stdout
1

### exec without command keeps redirect
exec > out; echo into-file; exec > /dev/stdout 2>&1; cat out

### cat dev stdin
echo piped | cat /dev/stdin
--- stdout
piped

### file mode umask
umask 027; echo x > f; stat -c %a f
--- stdout
640

### move fd
exec 3> f3; exec 4>&3-; echo moved >&4; exec 4>&-; cat f3
--- stdout
moved

### redirect to file in subdir missing
echo x > nodir/file
--- stderr
vbash: line 1: nodir/file: No such file or directory
--- status 1

### here string trailing newline count
wc -l <<< "one"
--- stdout
1

### exec redirect stdout to file
exec 3>out.txt; echo hello >&3; exec 3>&-; cat out.txt
--- stdout
hello

### exec redirect permanently
exec >o2.txt; echo into file; exec >/dev/tty 2>/dev/null || true; cat o2.txt >&2
--- stderr
vbash: line 1: /dev/tty: No such device or address
into file

### varname fd allocation
exec {fd}>f.txt; echo "fd>=10: $(( fd >= 10 ))"; echo data >&$fd; exec {fd}>&-; cat f.txt
--- stdout
fd>=10: 1
data

### varname fd input
echo line > in.txt; exec {r}<in.txt; read -u $r v; echo $v; exec {r}<&-
--- stdout
line

### close stdout error
echo hi >&-; echo $?
--- stdout
1
--- stderr
vbash: line 1: echo: write error: Bad file descriptor

### close fd then write
exec 4>x.txt; exec 4>&-; echo a >&4; echo $?
--- stdout
1
--- stderr
vbash: line 1: 4: Bad file descriptor

### noclobber refuses
set -C; echo 1 > nc.txt; echo 2 > nc.txt; echo $?; cat nc.txt
--- stdout
1
1
--- stderr
vbash: line 1: nc.txt: cannot overwrite existing file

### noclobber override
set -C; echo 1 > nc.txt; echo 2 >| nc.txt; cat nc.txt
--- stdout
2

### noclobber append allowed
set -C; echo 1 > nc.txt; echo 2 >> nc.txt; cat nc.txt
--- stdout
1
2

### redirect to directory
echo x > /; echo $?
--- stdout
1
--- stderr
vbash: line 1: /: Is a directory

### redirect missing dir
echo x > nodir/f; echo $?
--- stdout
1
--- stderr
vbash: line 1: nodir/f: No such file or directory

### dup input from file fd
echo abc > i.txt; exec 5<i.txt; cat <&5
--- stdout
abc

### redirect order matters
{ echo out; echo err >&2; } 2>&1 >/dev/null
--- stdout
err

### stderr to stdout in pipe
{ echo e >&2; } 2>&1 | cat
--- stdout
e

### pipe stderr with |&
{ echo o; echo e >&2; } |& sort
--- stdout
e
o

### fd move
exec 6>m.txt; exec 7>&6-; echo moved >&7; exec 7>&-; cat m.txt
--- stdout
moved

### here string with redirect
cat <<< "hs" > hs.txt; cat hs.txt
--- stdout
hs

### redirect bad fd
echo a >&9; echo $?
--- stdout
1
--- stderr
vbash: line 1: 9: Bad file descriptor

### read write fd
echo 12345 > rw.txt; exec 3<>rw.txt; read -n 2 x <&3; echo X >&3; exec 3>&-; cat rw.txt
--- stdout
12X
5

### redirection on compound
if true; then echo in-if; fi > c.txt; cat c.txt
--- stdout
in-if

### redirect ambiguous
f="a b"; echo x > $f; echo $?
--- stdout
1
--- stderr
vbash: line 1: $f: ambiguous redirect

### redirect empty name
f=; echo x > $f; echo $?
--- stdout
1
--- stderr
vbash: line 1: $f: ambiguous redirect

### redirection to a closed /dev/fd/N
echo x > /dev/fd/9; echo "status $?"
cat < /dev/fd/8; echo "status $?"
cat /dev/fd/7; echo "status $?"
--- stdout
status 1
status 1
status 1
--- stderr
vbash: line 1: /dev/fd/9: No such file or directory
vbash: line 2: /dev/fd/8: No such file or directory
cat: /dev/fd/7: No such file or directory
