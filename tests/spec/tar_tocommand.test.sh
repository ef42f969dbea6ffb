# tar --to-command (GNU tar 1.34): each regular member piped to a shell command

### TAR_ variables
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; tar xf x.tar --to-command='echo "$TAR_FILENAME $TAR_REALNAME $TAR_SIZE $TAR_MODE $TAR_MTIME $TAR_UID $TAR_GID $TAR_UNAME. $TAR_GNAME. $TAR_FILETYPE $TAR_FORMAT $TAR_VERSION $TAR_ARCHIVE $TAR_VOLUME $TAR_BLOCKING_FACTOR"; cat'; echo rc=$?; ls
--- stdout
d/a d/a 3 0644 0 0 0 . . f gnu 1.34 x.tar 1 20
hi
d/e/f d/e/f 2 0644 0 0 0 . . f gnu 1.34 x.tar 1 20
x
rc=0
d
x.tar

### the variables set
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; tar xf x.tar --to-command='env | grep ^TAR_ | grep -v TIME= | sort' d/a
--- stdout
TAR_ARCHIVE=x.tar
TAR_BLOCKING_FACTOR=20
TAR_FILENAME=d/a
TAR_FILETYPE=f
TAR_FORMAT=gnu
TAR_GID=0
TAR_MODE=0644
TAR_REALNAME=d/a
TAR_SIZE=3
TAR_UID=0
TAR_VERSION=1.34
TAR_VOLUME=1

### a failing command
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; tar xf x.tar --to-command='exit 3' 2>&1 | sed 's/^tar: [0-9]*:/tar: N:/'; echo rc=${PIPESTATUS[0]}
--- stdout
tar: N: Child returned status 3
tar: N: Child returned status 3
tar: Exiting with failure status due to previous errors
rc=2

### a command killed by a signal
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; tar xf x.tar --to-command='kill -9 $$' 2>&1 | sed 's/^tar: [0-9]*:/tar: N:/'; echo rc=${PIPESTATUS[0]}
--- stdout
tar: N: Child terminated on signal 9
tar: N: Child terminated on signal 9
rc=0

### verbose lists every member
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; tar xvf x.tar --to-command='wc -c'; echo rc=$?
--- stdout
d/
d/a
3
d/e/
d/e/f
2
d/hl
d/sl
rc=0

### names after transform and strip
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; tar xf x.tar --to-command='echo "$TAR_FILENAME|$TAR_REALNAME"' --transform 's/a/Z/' --strip-components=1
--- stdout
Z|Z
e/f|e/f

### runs in the directory of tar, not -C
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; mkdir o; tar xf x.tar -C o --to-command='echo $TAR_FILENAME > "$(basename $TAR_FILENAME).out"'; find o | sort; cat a.out f.out
--- stdout
o
d/a
d/e/f

### format and blocking factor
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; tar cf x.tar $O d; tar cf u.tar --format=ustar $O d; tar xf u.tar --to-command='echo $TAR_FORMAT' -b 4 d/a; tar xf x.tar --to-command='echo "$TAR_ARCHIVE $TAR_BLOCKING_FACTOR"' -b 4 d/a; tar xf - --to-command='echo "$TAR_ARCHIVE"' d/a < x.tar

--- stdout
ustar
x.tar 4
-
