# patch backups: -b, -V/--version-control, -z, -B, -Y, VERSION_CONTROL, SIMPLE_BACKUP_SUFFIX (GNU patch 2.7.6)

### simple and numbered backups
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; touch -d @0 p.diff f.o f.n; t(){ cp f.o f; rm -rf f.~* f.orig pre* *.bak sub f.bk f.q f.x; mkdir -p sub; echo "== $*"; patch "$@" f < p.diff; echo rc=$?; find . -newer p.diff | sort | tr '\n' ' '; echo; }; t -b; t -b -V numbered; t -V numbered; t -V t; t -b -V existing; t -b -V none
--- stdout
== -b
patching file f
rc=0
. ./f ./f.orig ./sub 
== -b -V numbered
patching file f
rc=0
. ./f ./f.~1~ ./sub 
== -V numbered
patching file f
rc=0
. ./f ./sub 
== -V t
patching file f
rc=0
. ./f ./sub 
== -b -V existing
patching file f
rc=0
. ./f ./f.orig ./sub 
== -b -V none
patching file f
rc=0
. ./f ./f.~1~ ./sub 

### suffix, prefix and basename prefix
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; touch -d @0 p.diff f.o f.n; t(){ cp f.o f; rm -rf f.~* f.orig pre* *.bak sub f.bk f.q f.x; mkdir -p sub; echo "== $*"; patch "$@" f < p.diff; echo rc=$?; find . -newer p.diff | sort | tr '\n' ' '; echo; }; t -b -V simple -z .bak; t -B pre/; t -b -B pre_; t -b -Y sub/; t -b -Y pre; t -b -V off -z .q; t -b -B sub/ -z .x; t -b -V numbered -B sub/
--- stdout
== -b -V simple -z .bak
patching file f
rc=0
. ./f ./f.bak ./sub 
== -B pre/
patching file f
rc=0
. ./f ./sub 
== -b -B pre_
patching file f
rc=0
. ./f ./pre_f ./sub 
== -b -Y sub/
patching file f
rc=0
. ./f ./sub ./sub/f 
== -b -Y pre
patching file f
rc=0
. ./f ./pref ./sub 
== -b -V off -z .q
patching file f
rc=0
. ./f ./f.q ./sub 
== -b -B sub/ -z .x
patching file f
rc=0
. ./f ./sub ./sub/f.x 
== -b -V numbered -B sub/
patching file f
rc=0
. ./f ./sub ./sub/f 

### version control names and prefixes
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; touch -d @0 p.diff f.o f.n; t(){ cp f.o f; rm -rf f.~* f.orig pre* *.bak sub f.bk f.q f.x; mkdir -p sub; echo "== $*"; patch "$@" f < p.diff; echo rc=$?; find . -newer p.diff | sort | tr '\n' ' '; echo; }; t -b -V nu; t -b --version-control=ne; t -b -V ''
--- stdout
== -b -V nu
patching file f
rc=0
. ./f ./f.~1~ ./sub 
== -b --version-control=ne
patching file f
rc=0
. ./f ./f.orig ./sub 
== -b -V 
patching file f
rc=0
. ./f ./f.orig ./sub 

### bad version control names
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; touch -d @0 p.diff f.o f.n; t(){ cp f.o f; rm -rf f.~* f.orig pre* *.bak sub f.bk f.q f.x; mkdir -p sub; echo "== $*"; patch "$@" f < p.diff; echo rc=$?; find . -newer p.diff | sort | tr '\n' ' '; echo; }; t -b -V bogus; t -b -V n
--- stdout
== -b -V bogus
rc=2
. ./f ./sub 
== -b -V n
rc=2
. ./f ./sub 
--- stderr
patch: invalid argument 'bogus' for '--version-control or -V option'
Valid arguments are:
  - 'none', 'off'
  - 'simple', 'never'
  - 'existing', 'nil'
  - 'numbered', 't'
patch: ambiguous argument 'n' for '--version-control or -V option'
Valid arguments are:
  - 'none', 'off'
  - 'simple', 'never'
  - 'existing', 'nil'
  - 'numbered', 't'

### version control from the environment
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; touch -d @0 p.diff f.o f.n; t(){ cp f.o f; rm -rf f.~* f.orig pre* *.bak sub f.bk f.q f.x; mkdir -p sub; echo "== $*"; patch "$@" f < p.diff; echo rc=$?; find . -newer p.diff | sort | tr '\n' ' '; echo; }; VERSION_CONTROL=numbered t -b; SIMPLE_BACKUP_SUFFIX=.bk t -b; VERSION_CONTROL=bad t; PATCH_VERSION_CONTROL=simple VERSION_CONTROL=t t -b; PATCH_VERSION_CONTROL=x t
--- stdout
== -b
patching file f
rc=0
. ./f ./f.~1~ ./sub 
== -b
patching file f
rc=0
. ./f ./f.bk ./sub 
== 
rc=2
. ./f ./sub 
== -b
patching file f
rc=0
. ./f ./f.orig ./sub 
== 
rc=2
. ./f ./sub 
--- stderr
patch: invalid argument 'bad' for '$VERSION_CONTROL'
Valid arguments are:
  - 'none', 'off'
  - 'simple', 'never'
  - 'existing', 'nil'
  - 'numbered', 't'
patch: invalid argument 'x' for '$PATCH_VERSION_CONTROL'
Valid arguments are:
  - 'none', 'off'
  - 'simple', 'never'
  - 'existing', 'nil'
  - 'numbered', 't'

### existing numbered backups
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; touch -d @0 p.diff f.o f.n; t(){ cp f.o f; rm -rf f.~* f.orig pre* *.bak sub f.bk f.q f.x; mkdir -p sub; echo "== $*"; patch "$@" f < p.diff; echo rc=$?; find . -newer p.diff | sort | tr '\n' ' '; echo; }; cp f.o f; cp f.o f.~3~; patch -b -V existing f < p.diff; cp f.o f; patch -b f < p.diff; ls f*
--- stdout
patching file f
patching file f
f
f.n
f.o
f.~3~
f.~4~
f.~5~

### backup on mismatch
printf 'a\nb\nc\n' > f.o; printf 'a\nB\nc\n' > f.n; diff -u f.o f.n | sed 's/f\.o/f/' > p.diff; touch -d @0 p.diff f.o f.n; t(){ cp f.o f; rm -rf f.~* f.orig pre* *.bak sub f.bk f.q f.x; mkdir -p sub; echo "== $*"; patch "$@" f < p.diff; echo rc=$?; find . -newer p.diff | sort | tr '\n' ' '; echo; }; printf 'x\na\nb\nc\n' > f; patch -V numbered f < p.diff; ls f*; printf 'x\na\nb\nc\n' > f; patch --no-backup-if-mismatch f < p.diff; ls f*; printf 'x\na\nb\nc\n' > f; patch --backup-if-mismatch -z .m f < p.diff; ls f*

--- stdout
patching file f
Hunk #1 succeeded at 2 (offset 1 line).
f
f.n
f.o
f.~1~
patching file f
Hunk #1 succeeded at 2 (offset 1 line).
f
f.n
f.o
f.~1~
patching file f
Hunk #1 succeeded at 2 (offset 1 line).
f
f.m
f.n
f.o
f.~1~
