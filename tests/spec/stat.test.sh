# stat (GNU coreutils 9 on the reference machine); no times of the moment,
# inode numbers or devices, which differ between host and VFS
### format basics
echo hi > f; stat -c '%n %s %F %a %A %h' f
--- stdout
f 3 regular file 644 -rw-r--r-- 1

### empty file type
touch f; stat -c %F f
--- stdout
regular empty file

### directory type
mkdir d; stat -c '%F %a' d
--- stdout
directory 755

### symlink
touch f; ln -s f l; stat -c '%N|%n|%F|%a|%s' l
--- stdout
'l' -> 'f'|l|symbolic link|777|1

### dereference
touch f; ln -s f l; stat -L -c '%F %n' l
--- stdout
regular empty file l

### fifo
mkfifo p; stat -c '%F' p
--- stdout
fifo

### missing operand
stat
--- stderr
stat: missing operand
Try 'stat --help' for more information.
--- status 1

### missing file
stat nope; echo $?
--- stdout
1
--- stderr
stat: cannot statx 'nope': No such file or directory

### missing among others
touch f; stat -c %n nope f; echo $?
--- stdout
f
1
--- stderr
stat: cannot statx 'nope': No such file or directory

### printf escapes
touch f; stat --printf='%n\t%s\n' f
--- stdout
f	0

### printf no newline
touch f; stat --printf='%n' f; echo
--- stdout
f

### width and flags
echo hi > f; stat -c '[%5s][%-5s][%05a]' f
--- stdout
[    3][3    ][00644]

### fixed times
touch -d '2020-02-03 04:05:06' f; stat -c '%y|%Y|%x|%X' f
--- stdout
2020-02-03 04:05:06.000000000 +0000|1580702706|2020-02-03 04:05:06.000000000 +0000|1580702706

### time precision
touch -d '@1580702706.123456789' f; stat -c '%.3Y %.9Y %.Y' f
--- stdout
1580702706.123 1580702706.123456789 1580702706.123456789

### percent literal
touch f; stat -c '100%% %n' f
--- stdout
100% f

### mode hex
touch f; chmod 644 f; stat -c '%f' f
--- stdout
81a4

### octal with hash
touch f; chmod 640 f; stat -c '%#a' f
--- stdout
0640

### several files
touch a b; stat -c %n a b
--- stdout
a
b

### terse field count
touch f; stat -t f | wc -w
--- stdout
16

### file system type name exists
stat -f -c '%n' .
--- stdout
.

### file system missing
stat -f nope; echo $?
--- stdout
1
--- stderr
stat: cannot read file system information for 'nope': No such file or directory

### bad option
stat -x f
--- stderr
stat: invalid option -- 'x'
Try 'stat --help' for more information.
--- status 1

### stat: a lone % and invalid directives
printf abc > a; stat -c 'x%' a; stat --printf '%' a; echo "|"; stat -c '%s%%%n' a a; stat -c '%5' a; echo rc=$?; stat -c '%.3%' a; echo rc=$?; stat --printf 'a%-' a; echo "|rc=$?"; stat -c '%H' a; echo rc=$?
--- stdout
x%
%|
3%a
3%a
rc=1
rc=1
a|rc=1
?
rc=0
--- stderr
stat: ‘%5’: invalid directive
stat: ‘%.3%’: invalid directive
stat: ‘%-’: invalid directive
