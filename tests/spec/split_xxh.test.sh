# split (GNU coreutils 9.1) and xxhsum (0.8.1).
### split: -l
printf 'a\nb\nc\nd\ne\n' > in; split -l 2 in; ls x*; cat xaa; cat xac
--- stdout
xaa
xab
xac
a
b
e

### split: -b with numeric suffixes
printf 'abcdefgh' > in; split -b 3 -d in p_; ls p_*; cat p_02; echo
--- stdout
p_00
p_01
p_02
gh

### split: -n chunks
printf 'abcdefghij' > in; split -n 3 in q; for f in q*; do printf '%s=' $f; cat $f; echo; done
--- stdout
qaa=abc
qab=def
qac=ghij

### split: -n l/2 keeps lines whole
printf 'a\nbb\nccc\ndddd\n' > in; split -n l/2 in l; for f in l*; do printf '%s:' $f; tr '\n' , < $f; echo; done
--- stdout
laa:a,bb,ccc,
lab:dddd,

### split: -n r/2 round robin
printf '1\n2\n3\n4\n5\n' > in; split -n r/2 in r; cat raa; echo --; cat rab
--- stdout
1
3
5
--
2
4

### split: -n K/N to stdout
printf 'abcdefghij' > in; split -n 2/3 in; echo
--- stdout
def

### split: suffix length and additional suffix
printf 'a\nb\nc\n' > in; split -a 3 -l 2 --additional-suffix=.txt in s; ls s*
--- stdout
saaa.txt
saab.txt

### split: -C line bytes
printf 'aa\nbb\ncc\n' > in; split -C 5 in c; for f in c*; do printf '%s:' $f; tr '\n' , < $f; echo; done
--- stdout
caa:aa,
cab:bb,
cac:cc,

### split: stdin and --verbose
printf '1\n2\n3\n' | split -l 2 --verbose - v
--- stdout
creating file 'vaa'
creating file 'vab'

### split: invalid number of lines
split -l 0 /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
split: invalid number of lines: ‘0’: Numerical result out of range

### split: missing input
split nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
split: cannot open 'nope' for reading: No such file or directory

### split: extra operand
split a b c; echo "rc=$?"
--- stdout
rc=1
--- stderr
split: extra operand ‘c’
Try 'split --help' for more information.

### split: suffixes exhausted
seq 30 > in; split -l 1 -a 1 -d in z; echo "rc=$?"; ls z* | wc -l
--- stdout
rc=1
10
--- stderr
split: output file suffixes exhausted

### xxhsum: default XXH64
printf 'abc' | xxhsum
--- stdout
44bc2cf5ad770999  stdin

### xxhsum: algorithms
printf 'abc' | xxhsum -H0; printf 'abc' | xxhsum -H2; printf 'abc' | xxhsum -H3
--- stdout
32d153ff  stdin
06b05ab6733a618578af5f94892f3950  stdin
XXH3 (stdin) = 78af5f94892f3950

### xxhsum: files and --tag
printf 'abc' > xa; xxhsum xa 2>/dev/null; xxhsum --tag xa 2>/dev/null
--- stdout
44bc2cf5ad770999  xa
XXH64 (xa) = 44bc2cf5ad770999

### xxhsum: -c
printf 'abc' > xa; xxhsum xa > xs 2>/dev/null; xxhsum -c xs 2>/dev/null; printf x > xa; xxhsum -c xs 2>/dev/null; echo "rc=$?"
--- stdout
xa: OK
xa: FAILED
1 computed checksum did NOT match
rc=1

### split: -b with size suffix
head -c 3000 /dev/zero > in; split -b 1K in k; wc -c k* | head -3
--- stdout
1024 kaa
1024 kab
 952 kac

### split: -e elides empty chunks
printf 'ab' > in; split -e -n 4 in e; ls e*
--- stdout
eaa
eab

### split: bad -b
split -b x /dev/null; echo "rc=$?"; split -b 0 /dev/null; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
split: invalid number of bytes: ‘x’
split: invalid number of bytes: ‘0’: Numerical result out of range

### split: bad -n
split -n 0 /dev/null; echo "rc=$?"; split -n x/2 /dev/null; echo "rc=$?"
--- stdout
rc=1
rc=1
--- stderr
split: invalid number of chunks: ‘0’: Numerical result out of range
split: invalid chunk number: ‘x’

### split: bad suffix length
split -a x /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
split: invalid suffix length: ‘x’

### split: -x hex suffixes
seq 20 > in; split -x -l 2 in h; ls h* | tr '\n' ' '; echo

--- stdout
h00 h01 h02 h03 h04 h05 h06 h07 h08 h09 

### split: -a 0 is the default, large and invalid suffix lengths
printf 'abc\n' > s1; split -a 0 s1 p0; ls p0*; split -a 61 s1 q; echo rc=$?; ls q* | wc -c; split -a 99999999999999999999 s1 q; echo rc=$?; split -a x s1; echo rc=$?; split -a -1 s1; echo rc=$?
--- stdout
p0aa
rc=0
63
rc=1
rc=1
rc=1
--- stderr
split: invalid suffix length: ‘99999999999999999999’: Value too large for defined data type
split: invalid suffix length: ‘x’
split: invalid suffix length: ‘-1’
