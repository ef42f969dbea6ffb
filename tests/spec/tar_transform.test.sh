# tar --transform / --xform, --show-transformed-names, -A, --to-command (GNU tar 1.34)

### create with transform, archive bytes
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; md5sum x.tar; tar tf x.tar
--- stdout
7447c0bff81c3d01026904d4f71da0ff  x.tar
D/
D/a
D/e/
D/e/f
D/hl
D/sl

### create -v shows the names before transform
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar cvf y.tar $O --transform 's/d/D/' d
--- stdout
d/
d/a
d/e/
d/e/f
d/hl
d/sl
--- stderr
tar: Option --mtime: Treating date '@0' as 1970-01-01 00:00:00

### create -vv shows the transformed link target
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar cvvf y.tar $O --transform 's/d/D/' d
--- stdout
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/
-rw-r--r-- 0/0               3 1970-01-01 00:00 d/a
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 d/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 d/hl link to D/a
lrwxrwxrwx 0/0               0 1970-01-01 00:00 d/sl -> a
--- stderr
tar: Option --mtime: Treating date '@0' as 1970-01-01 00:00:00

### create -v with show-transformed-names
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar cvf y.tar $O --show-transformed-names --xform 's/d/D/' d
--- stdout
D/
D/a
D/e/
D/e/f
D/hl
D/sl
--- stderr
tar: Option --mtime: Treating date '@0' as 1970-01-01 00:00:00

### create transform sees directories without slash
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar cf y.tar $O --transform 's,$,X,' d; tar tf y.tar
--- stdout
dX/
d/aX
d/eX/
d/e/fX
d/hlX
d/slX

### create transform of symlink targets, S flag
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar cf y.tar $O --transform 's/a/A/' d; tar tvf y.tar; tar cf z.tar $O --transform 's/a/A/S' d; tar tvf z.tar
--- stdout
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/
-rw-r--r-- 0/0               3 1970-01-01 00:00 d/A
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 d/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 d/hl link to d/A
lrwxrwxrwx 0/0               0 1970-01-01 00:00 d/sl -> A
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/
-rw-r--r-- 0/0               3 1970-01-01 00:00 d/A
drwxr-xr-x 0/0               0 1970-01-01 00:00 d/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 d/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 d/hl link to d/A
lrwxrwxrwx 0/0               0 1970-01-01 00:00 d/sl -> a

### list keeps stored names, targets transformed
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tvf x.tar --transform 's/a/Z/g'
--- stdout
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/
-rw-r--r-- 0/0               3 1970-01-01 00:00 D/a
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 D/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 D/hl link to D/Z
lrwxrwxrwx 0/0               0 1970-01-01 00:00 D/sl -> Z

### list with show-transformed-names
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tvf x.tar --show-transformed-names --transform 's/a/Z/;s/e/E/'
--- stdout
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/
-rw-r--r-- 0/0               3 1970-01-01 00:00 D/Z
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/E/
-rw-r--r-- 0/0               2 1970-01-01 00:00 D/E/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 D/hl link to D/Z
lrwxrwxrwx 0/0               0 1970-01-01 00:00 D/sl -> Z

### list with strip-components
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tvf x.tar --strip-components=1; tar tvf x.tar --show-transformed-names --strip-components=1
--- stdout
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/
-rw-r--r-- 0/0               3 1970-01-01 00:00 D/a
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 D/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 D/hl link to a
lrwxrwxrwx 0/0               0 1970-01-01 00:00 D/sl -> a
drwxr-xr-x 0/0               0 1970-01-01 00:00 /
-rw-r--r-- 0/0               3 1970-01-01 00:00 a
drwxr-xr-x 0/0               0 1970-01-01 00:00 e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 hl link to a
lrwxrwxrwx 0/0               0 1970-01-01 00:00 sl -> a

### list strip-components past the name
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --show-transformed-names --strip-components=2
--- stdout
/

/
f



### directories are transformed without their slash
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --show-transformed-names --transform 's,$,X,'; tar tf x.tar --show-transformed-names --transform 's,/$,Y,'; tar tf x.tar --show-transformed-names --transform 's,D,D/,'
--- stdout
DX/
D/aX
D/eX/
D/e/fX
D/hlX
D/slX
D/
D/a
D/e/
D/e/f
D/hl
D/sl
D//
D//a
D//e/
D//e/f
D//hl
D//sl

### numbered match and x flag
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --transform 's/a/Z/x;s/e/&&/2g' --show-transformed-names; tar tf x.tar --show-transformed-names --transform 's/./X/2'
--- stdout
D/
D/Z
D/D/e/
D/D/e/f
D/hl
D/sl
D/
DXa
DXe/
DXe/f
DXhl
DXsl

### anchored expressions replace once
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --show-transformed-names --transform 's/^./X/g'; tar tf x.tar --show-transformed-names --transform 's/.$/X/g'
--- stdout
X/
X/a
X/e/
X/e/f
X/hl
X/sl
X/
D/X
D/X/
D/e/X
D/hX
D/sX

### back references and case conversion
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --show-transformed-names --transform 's/\(.\)\/\(.\)/\2-\1/g;s/.*/\U&/'; tar tf x.tar --show-transformed-names --transform 's/\(.\)/\l\1x/g'; tar tf x.tar --show-transformed-names --transform 's|D/\(.*\)|pre/\u\1|'
--- stdout
D/
A-D
E-D/
E-D/F
H-DL
S-DL
dx/
dx/xax
dx/xex/
dx/xex/xfx
dx/xhxlx
dx/xsxlx
D/
pre/A
pre/E/
pre/E/f
pre/Hl
pre/Sl

### escapes in the replacement
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --show-transformed-names --transform 's/a/\&\\-\q/;s,e,[\,],'
--- stdout
D/
D/&\\-\\q
D/[,]/
D/[,]/f
D/hl
D/sl

### flags= and the r h s flags
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --show-transformed-names --transform 'flags=r;s/a/A/' --transform 's,e,EE,S'; tar tvf x.tar --show-transformed-names --transform 's/a/A/H'; tar tvf x.tar --show-transformed-names --transform 's/a/A/R'; tar tvf x.tar --show-transformed-names --transform 'flags=s;s/a/A/'
--- stdout
D/
D/A
D/EE/
D/EE/f
D/hl
D/sl
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/
-rw-r--r-- 0/0               3 1970-01-01 00:00 D/A
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 D/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 D/hl link to D/a
lrwxrwxrwx 0/0               0 1970-01-01 00:00 D/sl -> A
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/
-rw-r--r-- 0/0               3 1970-01-01 00:00 D/a
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 D/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 D/hl link to D/A
lrwxrwxrwx 0/0               0 1970-01-01 00:00 D/sl -> A
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/
-rw-r--r-- 0/0               3 1970-01-01 00:00 D/a
drwxr-xr-x 0/0               0 1970-01-01 00:00 D/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 D/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 D/hl link to D/a
lrwxrwxrwx 0/0               0 1970-01-01 00:00 D/sl -> A

### case-insensitive flag
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --show-transformed-names --transform 's/d/q/i'
--- stdout
q/
q/a
q/e/
q/e/f
q/hl
q/sl

### bad transform expressions
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; tar tf x.tar --transform 's/a'; echo rc=$?; tar tf x.tar --transform 'y/a/b/'; echo rc=$?; tar tf x.tar --transform 's/a/b/q'; echo rc=$?; tar tf x.tar --transform 'flags=q'; echo rc=$?; tar tf x.tar --transform 's/\(a/b/'; echo rc=$?; tar tf x.tar --transform 's/a/\1/'; echo rc=$?
--- stdout
rc=2
rc=2
rc=2
rc=2
rc=2
rc=2
--- stderr
tar: Invalid transform expression
Try 'tar --help' or 'tar --usage' for more information.
tar: Invalid transform expression
Try 'tar --help' or 'tar --usage' for more information.
tar: Unknown flag in transform expression: q
Try 'tar --help' or 'tar --usage' for more information.
tar: Unknown transform flag: q
Try 'tar --help' or 'tar --usage' for more information.
tar: Invalid transform expression: Unmatched ( or \(
Try 'tar --help' or 'tar --usage' for more information.
tar: Invalid transform replacement: back reference out of range
Try 'tar --help' or 'tar --usage' for more information.

### extract with transform
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; mkdir o; tar xvf x.tar -C o --transform 's/D/E/;s/hl/HL/'; find o | sort; readlink o/E/sl; cat o/E/HL
--- stdout
D/
D/a
D/e/
D/e/f
D/hl
D/sl
o
o/E
o/E/HL
o/E/a
o/E/e
o/E/e/f
o/E/sl
a
hi

### extract transforms link targets
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; mkdir o p; tar xf x.tar -C o --transform 's/D/E/;s/a/b/'; find o | sort; readlink o/E/sl; cat o/E/hl; tar xf x.tar -C p --transform 's/D/E/;s/a/b/S'; readlink p/E/sl
--- stdout
o
o/E
o/E/b
o/E/e
o/E/e/f
o/E/hl
o/E/sl
b
hi
a

### extract transform then strip-components
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; mkdir o; tar xf x.tar -C o --transform 's,^D,top/sub,' --strip-components=1; find o | sort
--- stdout
o
o/sub
o/sub/a
o/sub/e
o/sub/e/f
o/sub/hl
o/sub/sl

### extract -vv with show-transformed-names
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; mkdir o; tar xvvf x.tar -C o --show-transformed-names --transform 's/D/F/'
--- stdout
drwxr-xr-x 0/0               0 1970-01-01 00:00 F/
-rw-r--r-- 0/0               3 1970-01-01 00:00 F/a
drwxr-xr-x 0/0               0 1970-01-01 00:00 F/e/
-rw-r--r-- 0/0               2 1970-01-01 00:00 F/e/f
hrw-r--r-- 0/0               0 1970-01-01 00:00 F/hl link to F/a
lrwxrwxrwx 0/0               0 1970-01-01 00:00 F/sl -> a

### extract messages name the stripped member
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; mkdir k; tar xf x.tar -C k --strip-components=1; tar xkf x.tar -C k --strip-components=1 D/a D/e D/sl; echo rc=$?
--- stdout
rc=2
--- stderr
tar: a: Cannot open: File exists
tar: e/f: Cannot open: File exists
tar: sl: Cannot create symlink to ‘a’: File exists
tar: Exiting with failure status due to previous errors

### transform to an empty name
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; mkdir -p d/e; echo hi > d/a; echo x > d/e/f; ln -s a d/sl; ln d/a d/hl; touch -d @0 d/e d/e/f d/a d; touch -h -d @0 d/sl; tar cf x.tar $O --transform s/d/D/ d; mkdir o; tar xf x.tar -C o --transform 's,^D/e.*,,'; echo rc=$?; find o | sort

--- stdout
rc=2
o
o/D
o/D/a
o/D/hl
o/D/sl
--- stderr
tar: Substituting `.' for empty member name
tar: Substituting `.' for empty member name
tar: .: Cannot open: File exists
tar: Exiting with failure status due to previous errors

### listed names are quoted as GNU's escape style
touch "$(printf 't\tx')" 'b\c'; tar cvf q.tar --sort=name t* b*; tar tf q.tar; tar tf q.tar --show-transformed-names --transform 's/t/\\/'

--- stdout
t\tx
b\\c
t\tx
b\\c
\\\tx
b\\c
