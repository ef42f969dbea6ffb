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
