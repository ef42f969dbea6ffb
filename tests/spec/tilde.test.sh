# Tilde expansion.
### tilde alone
HOME=/h; echo ~
--- stdout
/h

### tilde slash
HOME=/h; echo ~/x
--- stdout
/h/x

### tilde quoted
HOME=/h; echo "~" '~' \~
--- stdout
~ ~ ~

### tilde in middle not expanded
HOME=/h; echo a~ a/~
--- stdout
a~ a/~

### tilde plus is PWD
cd /; echo ~+
--- stdout
/

### tilde minus is OLDPWD
cd /; cd /tmp; echo ~- ~+
--- stdout
/ /tmp

### tilde minus unset
unset OLDPWD; echo ~-
--- stdout
~-

### tilde unknown user left
echo ~nosuchuser_xyz ~nosuchuser_xyz/a
--- stdout
~nosuchuser_xyz ~nosuchuser_xyz/a

### tilde root user
echo ~root
--- stdout
/root

### tilde in assignment
HOME=/h; x=~/a; echo $x
--- stdout
/h/a

### tilde after colon in assignment
HOME=/h; x=~/a:~/b; echo $x
--- stdout
/h/a:/h/b

### tilde after colon in argument not expanded
HOME=/h; echo a:~/b
--- stdout
a:~/b

### tilde after equals in argument
HOME=/h; echo x=~/a
--- stdout
x=/h/a

### tilde in export assignment
HOME=/h; export X=~/a:~/b; echo $X
--- stdout
/h/a:/h/b

### tilde in local assignment
HOME=/h; f() { local y=~/q; echo $y; }; f
--- stdout
/h/q

### tilde with HOME empty
HOME=; echo "[~]" ~ | cat
--- stdout
[~] 

### tilde with HOME unset
unset HOME; x=~; [ -n "$x" ] && echo nonempty
--- stdout
nonempty

### tilde in double quoted default
HOME=/h; unset u; echo "${u:-~}"
--- stdout
~

### tilde in unquoted default
HOME=/h; unset u; echo ${u:-~}
--- stdout
/h

### tilde in unquoted default with path
HOME=/h; unset u; echo ${u:-~/d}
--- stdout
/h/d

### tilde from variable not expanded
HOME=/h; t='~'; echo $t
--- stdout
~

### tilde in case pattern
HOME=/h; case /h in ~) echo home;; *) echo other;; esac
--- stdout
home

### tilde in double bracket
HOME=/h; [[ ~ == /h ]] && echo yes
--- stdout
yes

### tilde in for list
HOME=/h; for d in ~ ~/a; do echo $d; done
--- stdout
/h
/h/a

### tilde followed by quote
HOME=/h; echo ~"/x"
--- stdout
~/x

### tilde plus with path
cd /tmp; echo ~+/z
--- stdout
/tmp/z

### tilde in array assignment
HOME=/h; a=(~ ~/b); echo ${a[@]}
--- stdout
/h /h/b

### tilde in redirect target
HOME=$PWD; echo hi > ~/tf; cat tf
--- stdout
hi

### tilde dirs stack index
cd /; pushd /tmp >/dev/null; echo ~1 ~0
--- stdout
/ /tmp

### tilde after second equals in assignment
HOME=/h; x=a=~/b; echo $x
--- stdout
a=~/b

### tilde escaped slash
HOME=/h; echo ~\/x
--- stdout
~/x

### tilde with trailing text
HOME=/h; echo ~x/y | grep -c h
--- stdout
0
--- status 1
