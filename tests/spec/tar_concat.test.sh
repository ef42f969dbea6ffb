# tar -A / --catenate / --concatenate (GNU tar 1.34: the files are copied whole)

### append one archive
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar -Af a.tar b.tar; echo rc=$?; tar tf a.tar; md5sum a.tar; wc -c < a.tar
--- stdout
rc=0
f1
f2
984335b9f1e65d37d516f26f53e4864a  a.tar
20480

### append two archives, listing stops at the first end
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar -Af a.tar b.tar; tar -A -f a.tar b.tar a0.tar; tar tf a.tar; md5sum a.tar; wc -c < a.tar
--- stdout
f1
f2
f2
8b4bbfee4fa8fb0b082fa5632f50ae30  a.tar
30720

### long option names
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar --catenate -f a.tar b.tar; tar --concatenate --file=a.tar a0.tar; tar tf a.tar; md5sum a.tar
--- stdout
f1
f2
f1
ab535d0aae6f018d5baf5e7074ad1860  a.tar

### concatenate into a new archive
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar --concatenate -f new.tar b.tar; tar tf new.tar; md5sum new.tar b.tar
--- stdout
f2
639ccb68c602fc2af07308403b60639d  new.tar
bf567392440a4ca20b9c292e6ba8ee60  b.tar

### -v and no operands
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar -Avf a.tar b.tar; echo rc=$?; tar -Af a.tar; echo rc=$?; md5sum a.tar
--- stdout
rc=0
rc=0
984335b9f1e65d37d516f26f53e4864a  a.tar

### missing operand
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar -Af a.tar nope.tar; echo rc=$?; tar tf a.tar
--- stdout
rc=2
f1
--- stderr
tar: nope.tar: Cannot open: No such file or directory
tar: Exiting with failure status due to previous errors

### operands relative to -C
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; mkdir dd; cp b.tar dd/c.tar; tar -A -f a.tar -C dd c.tar; echo rc=$?; tar tf a.tar
--- stdout
rc=0
f1
f2

### compressed archives
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar czf c.tgz $O f1; tar -Azf a.tar b.tar; echo rc=$?; tar -Af c.tgz b.tar; echo rc=$?
--- stdout
rc=2
rc=2
--- stderr
tar: Cannot concatenate compressed archives
Try 'tar --help' or 'tar --usage' for more information.
tar: Cannot update compressed archives
tar: Error is not recoverable: exiting now

### standard input is refused
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar -Af - b.tar; echo rc=$?
--- stdout
rc=2
--- stderr
tar: Options '-Aru' are incompatible with '-f -'
Try 'tar --help' or 'tar --usage' for more information.

### a text file is copied as it is
O="--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner"; echo 1 > f1; echo 2 > f2; tar cf a.tar $O f1; tar cf b.tar $O f2; cp a.tar a0.tar; tar -Af a.tar f2; echo rc=$?; tar tf a.tar; echo rc=$?

--- stdout
rc=0
f1
rc=2
--- stderr
tar: Skipping to next header
tar: Exiting with failure status due to previous errors

### the archive itself as an operand is copied once
echo 1 > f && tar cf x.tar --mtime=@0 --owner=0 --group=0 --numeric-owner f && tar -Af x.tar x.tar; echo rc=$?; wc -c < x.tar; tar tf x.tar; md5sum x.tar

--- stdout
rc=0
20480
f
f
0af85550fb5a50ed19f0f1000824a5f1  x.tar
