### zip -rq and unzip round trip
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; mkdir o; cd o; unzip -q ../x.zip; cat d/a d/e/f; md5sum d/b; find . | sort
--- stdout
hi
x
53d025127ae99ab79e8502aae2d9bea6  d/b
.
./d
./d/a
./d/b
./d/e
./d/e/f

### unzip -l
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; unzip -l x.zip | sort
--- stdout
        0  2020-05-06 07:08   d/
        0  2020-05-06 07:08   d/e/
        2  2020-05-06 07:08   d/e/f
        3  2020-05-06 07:08   d/a
     3893  2020-05-06 07:08   d/b
     3898                     5 files
  Length      Date    Time    Name
---------                     -------
---------  ---------- -----   ----
Archive:  x.zip

### unzip -l totals
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; unzip -l x.zip | tail -1
--- stdout
     3898                     5 files

### unzip -p
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; unzip -p x.zip d/a; unzip -p x.zip d/e/f
--- stdout
hi
x

### unzip -d
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; unzip -q x.zip -d out; cat out/d/a
--- stdout
hi

### unzip messages stored
echo hi > a; zip -q x.zip a; mkdir o; unzip x.zip -d o
--- stdout
Archive:  x.zip
 extracting: o/a                     

### unzip messages inflating
seq 1 1000 > b; zip -q x.zip b; mkdir o; unzip x.zip -d o
--- stdout
Archive:  x.zip
  inflating: o/b                     

### unzip creating dir
mkdir d; zip -q x.zip d; unzip x.zip -d o
--- stdout
Archive:  x.zip
   creating: o/d/

### unzip -o overwrites
echo new > a; zip -q x.zip a; echo old > a; unzip -o -q x.zip; cat a
--- stdout
new

### unzip -n keeps
echo new > a; zip -q x.zip a; echo old > a; unzip -n -q x.zip; cat a
--- stdout
old

### unzip member
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; unzip -q x.zip d/a -d o; find o | sort
--- stdout
o
o/d
o/d/a

### unzip member not matched
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; unzip -q x.zip nope -d o; echo $?
--- stdout
11
--- stderr
caution: filename not matched:  nope

### unzip missing archive
unzip nope.zip; echo $?
--- stdout
9
--- stderr
unzip:  cannot find or open nope.zip, nope.zip.zip or nope.zip.ZIP.

### unzip not a zip
echo hello > x.zip; unzip x.zip; echo $?
--- stdout
Archive:  x.zip
9
--- stderr
  End-of-central-directory signature not found.  Either this file is not
  a zipfile, or it constitutes one disk of a multi-part archive.  In the
  latter case the central directory and zipfile comment will be found on
  the last disk(s) of this archive.
unzip:  cannot find zipfile directory in one of x.zip or
        x.zip.zip, and cannot find x.zip.ZIP, period.

### unzip adds .zip
echo hi > a; zip -q x.zip a; rm a; unzip -q x; cat a
--- stdout
hi

### zip without -r stores dir only
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -q x.zip d; unzip -l x.zip | sed -n 4p | cut -c31-
--- stdout
d/

### zip adds suffix
echo hi > a; zip -q x a; ls x.zip
--- stdout
x.zip

### zip stored message
echo hi > a; zip x.zip a
--- stdout
  adding: a (stored 0%)

### zip missing file
echo hi > a; zip -q x.zip a nope; echo $?; unzip -l x.zip | tail -1
--- stdout
0
        3                     1 file

### zip nothing to do
zip -q x.zip nope; echo $?
--- stdout

zip error: Nothing to do! (x.zip)
12

### modes kept
echo hi > a; chmod 750 a; zip -q x.zip a; mkdir o; unzip -q x.zip -d o; stat -c %a o/a
--- stdout
750

### mtime kept
echo hi > a; touch -d "2020-05-06 07:08:10" a; zip -q x.zip a; mkdir o; unzip -q x.zip -d o; stat -c %Y o/a
--- stdout
1588748890

### empty file
: > e; zip -q x.zip e; mkdir o; unzip -q x.zip -d o; wc -c < o/e
--- stdout
0

### binary data
head -c 3000 /dev/zero | tr "\0" "\201" > b; zip -q x.zip b; unzip -p x.zip b | cmp - b && echo same
--- stdout
same

### zip readable by unzip -l sizes
seq 1 100 > f; zip -q x.zip f; unzip -l x.zip | sed -n 4p | cut -c1-9
--- stdout
      292

### absolute path stripped on zip
mkdir d; echo hi > d/a; zip -q x.zip "$PWD/d/a"; unzip -l x.zip | sed -n 4p | sed "s|.*/d/a|X/d/a|"
--- stdout
X/d/a

### many files
mkdir d; for i in $(seq 1 40); do echo $i > d/f$i; done; zip -rq x.zip d; mkdir o; unzip -q x.zip -d o; cat o/d/f* | sort -n | tail -1; unzip -l x.zip | tail -1
--- stdout
40
      111                     41 files

### zip dot-slash names
mkdir d; echo hi > d/a; cd d; zip -rq ../x.zip ./a; cd ..; unzip -l x.zip | sed -n 4p | cut -c31-
--- stdout
a

### unzip -p member missing
echo hi > a; zip -q x.zip a; unzip -p x.zip zz; echo $?
--- stdout
11
--- stderr
caution: filename not matched:  zz

### unzip -l member
mkdir -p d/e; echo hi > d/a; seq 1 1000 > d/b; echo x > d/e/f; touch -d "2020-05-06 07:08:10" d/a d/b d/e/f d/e d; zip -rq x.zip d; unzip -l x.zip d/a | tail -1

--- stdout
        3                     1 file

### dotdot member stays inside
mkdir s; echo hi > a; cd s; zip -q ../x.zip ../a; cd ..; unzip -l x.zip | sed -n 4p | cut -c31-; mkdir o; unzip x.zip -d o; echo $?; find o | sort
--- stdout
../a
Archive:  x.zip
warning:  skipped "../" path component(s) in ../a
 extracting: o/a                     
1
o
o/a

### dotdot member with -p
mkdir s; echo hi > a; cd s; zip -q ../x.zip ../a; cd ..; unzip -p x.zip ../a
--- stdout
hi
