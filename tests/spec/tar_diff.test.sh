# tar -d / --diff / --compare (GNU tar 1.34)

### no differences
mkdir -p d/e && echo hi > d/a && echo x > d/e/f && ln -s a d/sl && ln d/a d/hl && mkfifo d/p; touch -d @100 d/a d/e/f d/e d; tar cf x.tar --sort=name d; tar df x.tar; echo rc=$?; tar dvf x.tar; echo rc=$?
--- stdout
rc=0
d/
d/a
d/e/
d/e/f
d/hl
d/p
d/sl
rc=0

### contents, mode, time, size, symlink and hard link differences
mkdir -p d/e && echo hi > d/a && echo x > d/e/f && ln -s a d/sl && ln d/a d/hl && mkfifo d/p; touch -d @100 d/a d/e/f d/e d; tar cf x.tar --sort=name d; echo HI > d/a; touch -d @100 d/a; chmod 600 d/e/f; echo yy > d/e/f; rm d/sl; ln -s b d/sl; rm d/hl; echo q > d/hl; tar dvf x.tar; echo rc=$?
--- stdout
d/
d/a
d/a: Contents differ
d/e/
d/e/f
d/e/f: Mode differs
d/e/f: Mod time differs
d/e/f: Size differs
d/hl
d/hl: Not linked to d/a
d/p
d/sl
d/sl: Symlink differs
rc=1

### missing files are warnings
mkdir -p d/e && echo hi > d/a && echo x > d/e/f && ln -s a d/sl && ln d/a d/hl && mkfifo d/p; touch -d @100 d/a d/e/f d/e d; tar cf x.tar --sort=name d; rm -rf d/e; tar df x.tar; echo rc=$?; tar --compare -f x.tar d/a d/sl; echo rc=$?
--- stdout
rc=1
rc=0
--- stderr
tar: d/e: Warning: Cannot stat: No such file or directory
tar: d/e/f: Warning: Cannot stat: No such file or directory

### a file where a directory was
mkdir -p d/e && echo hi > d/a && echo x > d/e/f && ln -s a d/sl && ln d/a d/hl && mkfifo d/p; touch -d @100 d/a d/e/f d/e d; tar cf x.tar --sort=name d; rm -rf d; echo z > d; tar df x.tar; echo rc=$?; tar df x.tar nope; echo rc=$?
--- stdout
d: File type differs
rc=2
rc=2
--- stderr
tar: d/a: Cannot stat: Not a directory
tar: d/e: Cannot stat: Not a directory
tar: d/e/f: Cannot stat: Not a directory
tar: d/hl: Cannot stat: Not a directory
tar: d/p: Cannot stat: Not a directory
tar: d/sl: Cannot readlink: Not a directory
tar: Exiting with failure status due to previous errors
tar: nope: Not found in archive
tar: Exiting with failure status due to previous errors

### contents differ, with -C and strip-components
mkdir d; echo hello > d/a; touch -d @100 d/a; tar cf y.tar d/a; echo hellO > d/a; touch -d @100 d/a; tar df y.tar; echo rc=$?; mkdir o; tar df y.tar -C o; echo rc=$?; tar df y.tar --strip-components=1 -C d; echo rc=$?

--- stdout
d/a: Contents differ
rc=1
rc=1
a: Contents differ
rc=1
--- stderr
tar: d/a: Warning: Cannot stat: No such file or directory
