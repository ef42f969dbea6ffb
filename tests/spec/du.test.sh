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

### du: -t/--threshold SIZE hides smaller entries, -SIZE larger ones
mkdir -p t1/b t1/c; printf '%3000s' x > t1/c/f; printf '%9000s' x > t1/b/g; printf '%100s' x > t1/h
du -ab -t 4000 t1 | grep -E '/[fgh]$'; du -ab -t -3000 t1 | grep -E '/[fgh]$' | sort; du -ab --threshold=3K t1 | grep -E '/[fgh]$' | sort; du -ab -t 3KB t1 | grep -E '/[fgh]$' | sort; du -ab -t 1 -c t1/h; du -ab -t 200 -c t1/h
--- stdout
9000	t1/b/g
100	t1/h
3000	t1/c/f
9000	t1/b/g
3000	t1/c/f
9000	t1/b/g
100	t1/h
100	total
100	total

### du: -t and -B argument errors name the option as written
du -t 1q; echo rc=$?; du -B 1q; echo rc=$?; du -B x; echo rc=$?; du --block-size=1q; echo rc=$?; du -t 99999999999999999999999; echo rc=$?; du -t 1.5K .; echo rc=$?; du -t x; du --thresh=x; du -t -0; echo rc=$?
--- stdout
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
--- stderr
du: invalid suffix in -t argument '1q'
du: invalid suffix in -B argument '1q'
du: invalid -B argument 'x'
du: invalid suffix in --block-size argument '1q'
du: -t argument '99999999999999999999999' too large
du: invalid suffix in -t argument '1.5K'
du: invalid -t argument 'x'
du: invalid --threshold argument 'x'
du: invalid --threshold argument '-0'

### du: -X/--exclude-from FILE
printf 'a*\n\nb\n' > ex; mkdir -p t1/a1 t1/b t1/c; printf '%3000s' x > t1/c/f
du -ab -X ex t1 | grep -E '/f$|a1|/b$' | sort; du -ab --exclude-from=ex t1/a1 | wc -l; du -X nope; echo rc=$?
--- stdout
3000	t1/c/f
0
rc=1
--- stderr
du: nope: No such file or directory
Try 'du --help' for more information.
