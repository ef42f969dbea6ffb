# Extended globbing and pathname expansion options.
### extglob at one of
shopt -s extglob; touch a.txt b.md c.sh; echo @(*.txt|*.md)
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch a.txt b.md c.sh; echo @(*.txt|*.md)'
--- status 2

### extglob not
shopt -s extglob; touch a.txt b.md c.sh; echo !(*.txt)
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch a.txt b.md c.sh; echo !(*.txt)'
--- status 2

### extglob zero or more
shopt -s extglob; touch ab aab b; echo *(a)b
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch ab aab b; echo *(a)b'
--- status 2

### extglob one or more
shopt -s extglob; touch ab aab b; echo +(a)b
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch ab aab b; echo +(a)b'
--- status 2

### extglob optional
shopt -s extglob; touch ab b cb; echo ?(a)b
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; touch ab b cb; echo ?(a)b'
--- status 2

### extglob in case
shopt -s extglob; for w in foo bar baz qux; do case $w in @(foo|ba?)) echo "m $w";; *) echo "n $w";; esac; done
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; for w in foo bar baz qux; do case $w in @(foo|ba?)) echo "m $w";; *) echo "n $w";; esac; done'
--- status 2

### extglob nested
shopt -s extglob; [[ abab == +(a@(b)) ]] && echo yes
--- stdout
yes

### extglob in parameter trim
shopt -s extglob; x='   lead'; echo "[${x##+( )}]"
--- stdout
[lead]

### extglob in replace
shopt -s extglob; x='a1b22c333'; echo ${x//+([0-9])/#}
--- stdout
a#b#c#

### extglob not matching empty
shopt -s extglob; [[ '' == !(x) ]] && echo yes
--- stdout
yes

### extglob not with star inside
shopt -s extglob; [[ foo.bak == !(*.bak) ]] || echo excluded
--- stdout
excluded

### extglob off treats literally in test
shopt -u extglob; [[ '@(a)' == '@(a)' ]] && echo literal
--- stdout
literal

### dotglob off hides dotfiles
touch .h v; echo *
--- stdout
v

### dotglob on
shopt -s dotglob; touch .h v; echo *
--- stdout
.h v

### explicit dot pattern
touch .h v; echo .*
--- stdout
.h

### nullglob
shopt -s nullglob; echo start *.none end
--- stdout
start end

### nullglob in array
shopt -s nullglob; a=(*.none); echo ${#a[@]}
--- stdout
0

### failglob error
shopt -s failglob; echo *.none; echo after
--- stderr
vbash: line 1: no match: *.none
--- status 1

### failglob in subshell status
shopt -s failglob; (echo *.none); echo $?
--- stdout
1
--- stderr
vbash: line 1: no match: *.none

### nocaseglob
shopt -s nocaseglob; touch ABC; echo a*
--- stdout
ABC

### globstar
shopt -s globstar; mkdir -p d/e/f; touch d/1 d/e/2 d/e/f/3; echo d/**
--- stdout
d/ d/1 d/e d/e/2 d/e/f d/e/f/3

### globstar with suffix
shopt -s globstar; mkdir -p d/e; touch d/x.c d/e/y.c d/e/z.h; echo **/*.c
--- stdout
d/e/y.c d/x.c

### globstar off acts as star
mkdir -p d/e; touch d/e/y.c; echo **/*.c
--- stdout
**/*.c

### GLOBIGNORE
touch a.txt b.txt c.log; GLOBIGNORE='*.log'; echo *
--- stdout
a.txt b.txt

### GLOBIGNORE multiple
touch a.txt b.txt c.log; GLOBIGNORE='a*:c*'; echo *
--- stdout
b.txt

### GLOBIGNORE shows dotfiles
touch .h v; GLOBIGNORE=x; echo *
--- stdout
.h v

### no match left as is
echo *.nomatch
--- stdout
*.nomatch

### question mark
touch a1 a22; echo a?
--- stdout
a1

### bracket range
touch a1 a2 a3 b1; echo a[1-2]
--- stdout
a1 a2

### bracket negation caret
touch a1 a2 b1; echo [^a]1
--- stdout
b1

### bracket with posix classes
touch 1x ax; echo [[:digit:]]x [[:alpha:]]x
--- stdout
1x ax

### escaped star literal
touch 'a*' ab; echo a\*
--- stdout
a*

### quoted glob literal
touch ab; echo "a*" 'a*'
--- stdout
a* a*

### glob with directory part
mkdir -p d; touch d/x d/y; echo d/*
--- stdout
d/x d/y

### glob matching directories only
mkdir -p d1 d2; touch f1; echo */
--- stdout
d1/ d2/

### glob in middle directory
mkdir -p p/a p/b; touch p/a/z p/b/z; echo p/*/z
--- stdout
p/a/z p/b/z

### hidden not matched by star in subdir
mkdir d; touch d/.h d/v; echo d/*
--- stdout
d/v

### sorted output
touch b a c B A; echo *
--- stdout
A B a b c

### glob after variable expansion
touch ab ac; p='a*'; echo $p
--- stdout
ab ac

### glob chars from quoted variable
touch ab; p='a*'; echo "$p"
--- stdout
a*

### noglob option
touch ab; set -f; echo a*; set +f; echo a*
--- stdout
a*
ab

### bracket with slash does not match
mkdir d; touch d/x; echo d[/]x
--- stdout
d[/]x

### glob with trailing slash on file
touch f; echo f*/
--- stdout
f*/

### nullglob with failglob prefers failglob
shopt -s nullglob failglob; echo *.none; echo $?
--- stderr
vbash: line 1: no match: *.none
--- status 1

### unclosed bracket literal
touch '[a'; echo [a
--- stdout
[a

### glob in assignment not expanded
touch ab; x=a*; echo "$x"
--- stdout
a*

### glob in for list
touch f1 f2; for f in f*; do echo $f; done
--- stdout
f1
f2

### glob in case is pattern not files
touch zz; case 'a*' in a\*) echo lit;; esac
--- stdout
lit

### bracket class negated bang
touch x1 y1; echo [!x]1
--- stdout
y1

### star matches dot in middle
touch a.b.c; echo a*c
--- stdout
a.b.c

### dot dot not matched by star dot
echo .* | tr ' ' '\n' | grep -c '^\.\.$'
--- stdout
0
--- status 1
