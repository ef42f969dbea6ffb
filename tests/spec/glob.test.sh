# Pathname expansion against the VFS.
### star
touch a.txt b.txt c.log; echo *.txt
--- stdout
a.txt b.txt

### question mark
touch a1 a2 a10; echo a?
--- stdout
a1 a2

### bracket
touch a1 a2 a3 b1; echo a[12]
--- stdout
a1 a2

### bracket range
touch x1 x5 x9; echo x[1-5]
--- stdout
x1 x5

### negated bracket
touch a1 a2 b1; echo [!a]*
--- stdout
b1

### caret negation
touch a1 b1; echo [^a]*
--- stdout
b1

### class
touch 1 a B; echo [[:digit:]] [[:upper:]]
--- stdout
1 B

### no match stays literal
echo nomatch*
--- stdout
nomatch*

### hidden files skipped
touch .h v; echo *
--- stdout
v

### dot matches explicitly
touch .h v; echo .h*
--- stdout
.h

### directory slash
mkdir -p d1 d2; touch f; echo */
--- stdout
d1/ d2/

### nested path
mkdir -p d/e; touch d/e/f1 d/e/f2; echo d/*/f*
--- stdout
d/e/f1 d/e/f2

### sorted output
touch c b a; echo *
--- stdout
a b c

### glob in variable
touch g1 g2; p='g*'; echo $p
--- stdout
g1 g2

### quoted glob in variable
touch g1 g2; p='g*'; echo "$p"
--- stdout
g*

### escaped star
touch 'a*' ab; echo a\*
--- stdout
a*

### absolute path glob
echo /bin/ech?
--- stdout
/bin/echo

### extglob at
shopt -s extglob; touch a.c a.h a.o; echo *.@(c|h)
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch a.c a.h a.o; echo *.@(c|h)'
--- status 2

### extglob not
shopt -s extglob; touch a.c a.h a.o; echo !(*.o)
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch a.c a.h a.o; echo !(*.o)'
--- status 2

### extglob plus star
shopt -s extglob; touch ab abab abb; echo +(ab)
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch ab abab abb; echo +(ab)'
--- status 2

### extglob question
shopt -s extglob; touch x xy; echo x?(y)
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch x xy; echo x?(y)'
--- status 2

### extglob in case
shopt -s extglob; case foo.tar in *.@(tar|zip)) echo archive;; esac
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; case foo.tar in *.@(tar|zip)) echo archive;; esac'
--- status 2

### globstar recursive
shopt -s globstar; mkdir -p p/q/r; touch p/1 p/q/2 p/q/r/3; echo p/**
--- stdout
p/ p/1 p/q p/q/2 p/q/r p/q/r/3

### GLOBIGNORE
touch a.txt b.txt c.log; GLOBIGNORE='a*'; echo *.txt
--- stdout
b.txt

### glob with brace
touch a1 b1; echo {a,b}*
--- stdout
a1 b1

### match in subdirectory only dirs
mkdir -p sub/x; touch sub/f; echo sub/*/
--- stdout
sub/x/

### glob no read dir
echo /nonexistent/*
--- stdout
/nonexistent/*

### pattern matching case
case abc in a?c) echo yes;; esac
--- stdout
yes

### pattern bracket in conditional
[[ b == [abc] ]] && echo inset
--- stdout
inset

### star matches slash in conditional
[[ a/b == a*b ]] && echo slash
--- stdout
slash

### nullglob array
shopt -s nullglob; a=(*.none); echo ${#a[@]}
--- stdout
0

### shopt -u globskipdots: .* matches . and ..
mkdir d; cd d; touch .a .b c d
echo .*
shopt -u globskipdots
echo .*
echo .?
echo *
shopt -s dotglob
echo *
echo .*
shopt -s globskipdots
echo *
echo .*
--- stdout
.a .b
. .. .a .b
.. .a .b
c d
.a .b c d
. .. .a .b
.a .b c d
.a .b

### globskipdots off: . and .. in subdirectories and bracket patterns
mkdir d; cd d; touch .a .b c d; mkdir e; touch e/.x e/y
shopt -u globskipdots
echo e/.*
echo */.*
echo .*/
echo .[a-z]*
echo .[.]*
echo ..*
shopt -s nullglob
echo .?
shopt -s globskipdots
echo .? x
--- stdout
e/. e/.. e/.x
e/. e/.. e/.x
../ ./
.a .b
..
..
.. .a .b
.a .b x

### extglob groups whose alternatives start with a dot
mkdir d; cd d; touch .a c
shopt -s extglob
echo @(.*|c); echo +(.) x; echo !(.*); echo *(.a)
shopt -u globskipdots
echo @(.*|c); echo +(.); echo @(c|.*); echo .!(a)
--- stdout
.a c
+(.) x
c
.a
. .. .a c
. ..
. .. .a c
. ..

### GLOBIGNORE turns dotglob on, unset turns it off
mkdir d; cd d; touch .a .b c d
GLOBIGNORE='c'
echo *
echo .*
shopt dotglob
GLOBIGNORE=
echo *
shopt dotglob
unset GLOBIGNORE
echo *
shopt dotglob
--- stdout
.a .b d
.a .b
dotglob        	on
.a .b c d
dotglob        	on
c d
dotglob        	off
--- status 1

### GLOBIGNORE with globskipdots off still hides . and ..
mkdir d; cd d; touch .a .b c d
shopt -u globskipdots
GLOBIGNORE='.a'
echo .*
echo *
GLOBIGNORE=c
shopt -u dotglob
echo *
echo .*
--- stdout
.b
.b c d
d
.a .b

### every assignment and unset of GLOBIGNORE sets dotglob, also a local one
GLOBIGNORE=x; GLOBIGNORE=x; shopt dotglob; unset GLOBIGNORE; shopt dotglob; unset GLOBIGNORE; shopt dotglob
f() { local GLOBIGNORE=q; shopt dotglob; unset GLOBIGNORE; shopt dotglob; }
GLOBIGNORE=z; f; shopt dotglob
--- stdout
dotglob        	on
dotglob        	off
dotglob        	off
dotglob        	on
dotglob        	off
dotglob        	on
