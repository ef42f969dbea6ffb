# tar --remove-files, --null, --ignore-failed-read, -P/--absolute-names, stored names in listings (GNU tar 1.34)

### remove-files removes what was archived
mkdir -p d/e && echo 1 > d/a && echo 2 > d/e/f && ln -s a d/sl && tar cvf x.tar --remove-files --sort=name d; echo rc=$?; ls; tar tf x.tar
--- stdout
d/
d/a
d/e/
d/e/f
d/sl
rc=0
x.tar
d/
d/a
d/e/
d/e/f
d/sl

### remove-files with a missing operand
echo 1 > z; tar cf y.tar --remove-files z nope; echo rc=$?; ls
--- stdout
rc=2
y.tar
--- stderr
tar: nope: Cannot stat: No such file or directory
tar: Exiting with failure status due to previous errors

### remove-files keeps excluded files and their directories
mkdir -p q/r; echo 1 > q/r/s; echo 3 > q/t; tar cf w.tar --remove-files --exclude=t q; echo rc=$?; find q | sort; tar tf w.tar | sort
--- stdout
rc=2
q
q/t
q/
q/r/
q/r/s
--- stderr
tar: q: Cannot rmdir: Directory not empty
tar: Exiting with failure status due to previous errors

### null-terminated names from -T
echo 1 > 'a b'; echo 2 > c; printf 'a b\0c\0' > list; tar cf n.tar --null -T list; tar tf n.tar; printf 'a b\nc\n' | tar cf n2.tar --null --no-null -T -; echo rc=$?; tar tf n2.tar
--- stdout
a b
c
rc=0
a b
c

### null with newline-separated input is one name
echo 1 > 'a b'; echo 2 > c; printf 'a b\nc\n' | tar cf n3.tar --null -T -; echo rc=$?
--- stdout
rc=2
--- stderr
tar: a b\nc\n: Cannot stat: No such file or directory
tar: Exiting with failure status due to previous errors

### ignore-failed-read makes a missing file a warning
echo 2 > c; tar cf i.tar --ignore-failed-read c nope; echo rc=$?; tar tf i.tar
--- stdout
rc=0
c
--- stderr
tar: nope: Warning: Cannot stat: No such file or directory

### absolute-names keeps .. on create and extract
mkdir -p p/s; echo x > p/s/t; tar cf pp.tar -P p/s/../s/t; echo rc=$?; tar tf pp.tar; mkdir o; cd o; tar xf ../pp.tar; echo rc=$?; tar xf ../pp.tar -P; echo rc=$?; cd ..; find o | sort
--- stdout
rc=0
p/s/../s/t
rc=2
rc=0
o
o/p
o/p/s
o/p/s/t
--- stderr
tar: Removing leading `p/s/../' from member names
tar: Removing leading `p/s/../' from member names
tar: p/s/../s/t: Member name contains '..'
tar: Exiting with failure status due to previous errors

### listing shows stored names
mkdir -p p/s; echo x > p/s/t; tar cf pp.tar -P p/s/../s/t; tar tf pp.tar; tar tf pp.tar p/s/t; echo rc=$?
--- stdout
p/s/../s/t
rc=2
--- stderr
tar: Removing leading `p/s/../' from member names
tar: p/s/t: Not found in archive
tar: Exiting with failure status due to previous errors

### a member with .. is refused on extract
mkdir -p p/s; echo x > p/s/t; tar cf pp.tar -P p/s/../s/t; mkdir o; tar xvf pp.tar -C o; echo rc=$?; find o | sort
--- stdout
rc=2
o
--- stderr
tar: Removing leading `p/s/../' from member names
tar: p/s/../s/t: Member name contains '..'
tar: Exiting with failure status due to previous errors

### mode applies a chmod-style change to the archived modes
mkdir d && echo 1 > d/f && chmod 600 d/f && echo 2 > d/x && chmod 755 d/x && tar cvf a.tar --sort=name --mode=go+rX,u+w --mtime=@0 --owner=0 --group=0 --numeric-owner d; tar tvf a.tar; md5sum a.tar; tar cf b.tar --sort=name --mode=640 --mtime=@0 --owner=0 --group=0 --numeric-owner d; tar tvf b.tar; tar cf c.tar --mode=zz d; echo rc=$?
--- stdout
d/
d/f
d/x
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/
-rw-r--r-- 0/0               2 1970-01-01 00:00 d/f
-rwxr-xr-x 0/0               2 1970-01-01 00:00 d/x
a67f2f191151708d06b981f1813e86e3  a.tar
drw-r----- 0/0               0 1970-01-01 00:00 d/
-rw-r----- 0/0               2 1970-01-01 00:00 d/f
-rw-r----- 0/0               2 1970-01-01 00:00 d/x
rc=2
--- stderr
tar: Option --mtime: Treating date '@0' as 1970-01-01 00:00:00
tar: Invalid mode given on option
tar: Error is not recoverable: exiting now

### exclude-caches and exclude-tag
mkdir -p d/c/s d/t && echo 1 > d/c/x && echo 2 > d/c/s/y && printf 'Signature: 8a477f597d28d172789f06886806bc55\n# x\n' > d/c/CACHEDIR.TAG && echo 3 > d/t/z && touch d/t/.nobackup
for o in --exclude-caches --exclude-caches-under --exclude-caches-all --exclude-tag=.nobackup --exclude-tag-under=.nobackup --exclude-tag-all=.nobackup; do echo "== $o"; tar cvf x.tar --sort=name $o d; echo rc=$?; tar tf x.tar; done
--- stdout
== --exclude-caches
d/
d/c/
d/c/CACHEDIR.TAG
d/t/
d/t/.nobackup
d/t/z
rc=0
d/
d/c/
d/c/CACHEDIR.TAG
d/t/
d/t/.nobackup
d/t/z
== --exclude-caches-under
d/
d/c/
d/t/
d/t/.nobackup
d/t/z
rc=0
d/
d/c/
d/t/
d/t/.nobackup
d/t/z
== --exclude-caches-all
d/
d/t/
d/t/.nobackup
d/t/z
rc=0
d/
d/t/
d/t/.nobackup
d/t/z
== --exclude-tag=.nobackup
d/
d/c/
d/c/CACHEDIR.TAG
d/c/s/
d/c/s/y
d/c/x
d/t/
d/t/.nobackup
rc=0
d/
d/c/
d/c/CACHEDIR.TAG
d/c/s/
d/c/s/y
d/c/x
d/t/
d/t/.nobackup
== --exclude-tag-under=.nobackup
d/
d/c/
d/c/CACHEDIR.TAG
d/c/s/
d/c/s/y
d/c/x
d/t/
rc=0
d/
d/c/
d/c/CACHEDIR.TAG
d/c/s/
d/c/s/y
d/c/x
d/t/
== --exclude-tag-all=.nobackup
d/
d/c/
d/c/CACHEDIR.TAG
d/c/s/
d/c/s/y
d/c/x
rc=0
d/
d/c/
d/c/CACHEDIR.TAG
d/c/s/
d/c/s/y
d/c/x
--- stderr
tar: d/c/: contains a cache directory tag CACHEDIR.TAG; contents not dumped
tar: d/c/: contains a cache directory tag CACHEDIR.TAG; contents not dumped
tar: d/c/: contains a cache directory tag CACHEDIR.TAG; directory not dumped
tar: d/t/: contains a cache directory tag .nobackup; contents not dumped
tar: d/t/: contains a cache directory tag .nobackup; contents not dumped
tar: d/t/: contains a cache directory tag .nobackup; directory not dumped

### exclude-caches on the operand, and a bad signature
mkdir -p d/c/s d/t && echo 1 > d/c/x && echo 2 > d/c/s/y && printf 'Signature: 8a477f597d28d172789f06886806bc55\n# x\n' > d/c/CACHEDIR.TAG && echo 3 > d/t/z && touch d/t/.nobackup
tar cf - --sort=name --exclude-caches --exclude-tag-all=.nobackup d | tar tf -
tar cf x.tar --exclude-caches-all d/c; tar tf x.tar; echo rc=$?; tar cf x.tar --exclude-caches d/c/; tar tf x.tar
printf 'Signature: 8a477f597d28d172789f06886806bc5\n' > d/c/CACHEDIR.TAG; tar cf x.tar --sort=name --exclude-caches d; tar tf x.tar
--- stdout
d/
d/c/
d/c/CACHEDIR.TAG
rc=0
d/c/
d/c/CACHEDIR.TAG
d/
d/c/
d/c/CACHEDIR.TAG
d/c/s/
d/c/s/y
d/c/x
d/t/
d/t/.nobackup
d/t/z
