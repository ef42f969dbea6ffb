# chmod (GNU coreutils 9 on the reference machine)
### octal
touch f; chmod 640 f; stat -c '%a %A' f
--- stdout
640 -rw-r-----

### symbolic add
touch f; chmod 600 f; chmod g+r,o+r f; stat -c %a f
--- stdout
644

### symbolic remove
touch f; chmod 777 f; chmod go-wx f; stat -c %a f
--- stdout
744

### symbolic set
touch f; chmod u=rwx,g=r,o= f; stat -c %A f
--- stdout
-rwxr-----

### copy permissions
touch f; chmod 740 f; chmod o=u f; stat -c %a f
--- stdout
747

### capital X
mkdir d; touch f; chmod 600 d f; chmod a+X d f; stat -c '%a %n' d f
--- stdout
711 d
600 f

### setuid and sticky
touch f; mkdir d; chmod 755 f; chmod u+s,g+s f; chmod +t d; stat -c '%A' f d
--- stdout
-rwsr-sr-x
drwxr-xr-t

### option-like mode
touch f; chmod 666 f; chmod -w f; echo $?; stat -c %a f
--- stdout
1
466
--- stderr
chmod: f: new permissions are r--rw-rw-, not r--r--r--

### option-like mode all
touch f; chmod 666 f; chmod a-w f; stat -c %a f
--- stdout
444

### missing operand
chmod
--- stderr
chmod: missing operand
Try 'chmod --help' for more information.
--- status 1

### missing file operand
chmod 644
--- stderr
chmod: missing operand after ‘644’
Try 'chmod --help' for more information.
--- status 1

### invalid mode
touch f; chmod xyz f; echo $?
--- stdout
1
--- stderr
chmod: invalid mode: ‘xyz’
Try 'chmod --help' for more information.

### invalid octal
touch f; chmod 9 f; echo $?
--- stdout
1
--- stderr
chmod: invalid mode: ‘9’
Try 'chmod --help' for more information.

### missing file
chmod 644 nope; echo $?
--- stdout
1
--- stderr
chmod: cannot access 'nope': No such file or directory

### quiet missing file
chmod -f 644 nope; echo $?
--- stdout
1

### changes
touch f; chmod 644 f; chmod -c 600 f; chmod -c 600 f
--- stdout
mode of 'f' changed from 0644 (rw-r--r--) to 0600 (rw-------)

### verbose
touch f; chmod 644 f; chmod -v 644 f; chmod -v u+x f
--- stdout
mode of 'f' retained as 0644 (rw-r--r--)
mode of 'f' changed from 0644 (rw-r--r--) to 0744 (rwxr--r--)

### verbose missing
chmod -v 644 nope; echo $?
--- stdout
'nope' could not be accessed
1
--- stderr
chmod: cannot access 'nope': No such file or directory

### recursive
mkdir -p d/e; touch d/e/f; chmod -R go-rx d; stat -c '%a %n' d d/e d/e/f
--- stdout
700 d
700 d/e
600 d/e/f

### recursive symbolic X
mkdir -p d/e; touch d/f; chmod -R a=rX d; stat -c '%a %n' d d/e d/f
--- stdout
555 d
555 d/e
444 d/f

### reference
touch r f; chmod 604 r; chmod --reference=r f; stat -c %a f
--- stdout
604

### missing reference
touch f; chmod --reference=nope f; echo $?
--- stdout
1
--- stderr
chmod: failed to get attributes of 'nope': No such file or directory

### symlink operand changes the target
touch f; chmod 600 f; ln -s f l; chmod 644 l; stat -c %a f
--- stdout
644

### goes on after error
touch f; chmod 600 nope f; echo $?; stat -c %a f
--- stdout
1
600
--- stderr
chmod: cannot access 'nope': No such file or directory

### directory keeps setgid with octal
mkdir d; chmod 2755 d; chmod 750 d; stat -c %a d
--- stdout
2750

### five digit octal clears setgid
mkdir d; chmod 2755 d; chmod 00750 d; stat -c %a d
--- stdout
750

### comma list with equals
touch f; chmod a=r,u+w f; stat -c %A f
--- stdout
-rw-r--r--

### umask warning only when bits stay set
umask 022; touch f; chmod 666 f; chmod -w f; echo $?; stat -c %a f; chmod 444 f; chmod +w f; echo $?; stat -c %a f
--- stdout
1
466
0
644
--- stderr
chmod: f: new permissions are r--rw-rw-, not r--r--r--

### umask applies to who-less clauses
umask 027; touch f; chmod 0 f; chmod +rw f; stat -c %a f
--- stdout
640
