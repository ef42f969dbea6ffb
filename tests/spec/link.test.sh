# link and unlink (GNU coreutils 9 on the reference machine)
### link makes a hard link
echo hi > a; link a b; cat b; stat -c %h a
--- stdout
hi
2

### link missing operand
link
--- stderr
link: missing operand
Try 'link --help' for more information.
--- status 1

### link one operand
link a
--- stderr
link: missing operand after ‘a’
Try 'link --help' for more information.
--- status 1

### link extra operand
link a b c
--- stderr
link: extra operand ‘c’
Try 'link --help' for more information.
--- status 1

### link missing source
link nope x; echo $?
--- stdout
1
--- stderr
link: cannot create link 'x' to 'nope': No such file or directory

### link existing destination
touch a b; link a b; echo $?
--- stdout
1
--- stderr
link: cannot create link 'b' to 'a': File exists

### link to a directory
mkdir d; link d e; echo $?
--- stdout
1
--- stderr
link: cannot create link 'e' to 'd': Operation not permitted

### link into missing directory
touch a; link a nope/b; echo $?
--- stdout
1
--- stderr
link: cannot create link 'nope/b' to 'a': No such file or directory

### unlink removes a file
touch a; unlink a; ls

### unlink missing operand
unlink
--- stderr
unlink: missing operand
Try 'unlink --help' for more information.
--- status 1

### unlink extra operand
unlink a b
--- stderr
unlink: extra operand ‘b’
Try 'unlink --help' for more information.
--- status 1

### unlink missing file
unlink nope; echo $?
--- stdout
1
--- stderr
unlink: cannot unlink 'nope': No such file or directory

### unlink a directory
mkdir d; unlink d; echo $?
--- stdout
1
--- stderr
unlink: cannot unlink 'd': Is a directory

### unlink a symlink
mkdir d; ln -s d l; unlink l; ls
--- stdout
d

### unlink keeps other hard links
echo x > a; ln a b; unlink a; cat b
--- stdout
x

### help first line
link --help | head -1; unlink --help | head -1
--- stdout
Usage: link FILE1 FILE2
Usage: unlink FILE

### unlink a dangling symlink
ln -s nowhere l; unlink l; ls

### unlink a fifo
mkfifo p; unlink p; ls

### unlink in a missing directory
unlink d/x; echo $?
--- stdout
1
--- stderr
unlink: cannot unlink 'd/x': No such file or directory

### unlink bad option
unlink -x f
--- stderr
unlink: invalid option -- 'x'
Try 'unlink --help' for more information.
--- status 1

### link and unlink version line
link --version | head -1 | cut -d' ' -f1; unlink --version | head -1 | cut -d' ' -f1
--- stdout
link
unlink
