# du (GNU coreutils 9 on the reference machine); directory sizes differ
# between the host and the VFS, so cases use apparent sizes of files
### single file bytes
head -c 5000 /dev/zero > f; du -b f
--- stdout
5000	f

### apparent size in K
head -c 5000 /dev/zero > f; du --apparent-size f
--- stdout
5	f

### several files
printf 123 > a; head -c 2048 /dev/zero > b; du -b a b
--- stdout
3	a
2048	b

### apparent size in M
head -c 1048577 /dev/zero > f; du -m --apparent-size f
--- stdout
2	f

### human
head -c 3000 /dev/zero > f; du -h --apparent-size f
--- stdout
3.0K	f

### si
head -c 3000 /dev/zero > f; du --si --apparent-size f
--- stdout
3.0k	f

### all with max depth zero
mkdir -p d/e; printf 12 > d/e/f; du -ab d/e/f
--- stdout
2	d/e/f

### missing file
du nope; echo $?
--- stdout
1
--- stderr
du: cannot access 'nope': No such file or directory

### missing among others
printf 1 > f; du -b nope f; echo $?
--- stdout
1	f
1
--- stderr
du: cannot access 'nope': No such file or directory

### total
printf 12 > a; printf 345 > b; du -cb a b
--- stdout
2	a
3	b
5	total

### null terminated
printf 12 > a; du -b0 a | cat -v; echo
--- stdout
2	a^@

### inodes of a file
touch f; du --inodes f
--- stdout
1	f

### inodes of a tree
mkdir -p d/e; touch d/f d/e/g; du --inodes -s d
--- stdout
4	d

### inodes all
mkdir -p d/e; touch d/f d/e/g; du --inodes -a d | sort
--- stdout
1	d/e/g
1	d/f
2	d/e
4	d

### hard links count once
printf 12345 > a; ln a b; du -cb a b
--- stdout
5	a
5	total

### count links
printf 12345 > a; ln a b; du -lcb a b
--- stdout
5	a
5	b
10	total

### summarize conflicts with max depth
mkdir d; du -s -d 1 d; echo $?
--- stdout
1
--- stderr
du: warning: summarizing conflicts with --max-depth=1
Try 'du --help' for more information.

### summarize and all
mkdir d; du -s -a d; echo $?
--- stdout
1
--- stderr
du: cannot both summarize and show all entries
Try 'du --help' for more information.

### invalid max depth
du -d x; echo $?
--- stdout
1
--- stderr
du: invalid maximum depth ‘x’
Try 'du --help' for more information.

### exclude
mkdir d; printf 1 > d/a.o; printf 22 > d/b.c; du -ab --exclude='*.o' d/b.c d/a.o
--- stdout
2	d/b.c

### empty operand
du ''; echo $?
--- stdout
1
--- stderr
du: invalid zero-length file name
