# cut (GNU coreutils 9.1).
### cut: -f default tab
printf 'a\tb\tc\n' | cut -f 2
--- stdout
b

### cut: -d and field list
printf 'a:b:c:d\n' | cut -d: -f 1,3-
--- stdout
a:c:d

### cut: open ranges
printf 'a:b:c:d\n' | cut -d: -f -2; printf 'a:b:c:d\n' | cut -d: -f 3-
--- stdout
a:b
c:d

### cut: -b bytes
printf 'abcdef\n' | cut -b 2-4
--- stdout
bcd

### cut: -c list
printf 'abcdef\n' | cut -c 1,3,5
--- stdout
ace

### cut: lines without delimiter
printf 'abc\na:b\n' | cut -d: -f2
--- stdout
abc
b

### cut: -s suppresses undelimited lines
printf 'abc\na:b\n' | cut -s -d: -f2
--- stdout
b

### cut: --complement
printf 'a:b:c\n' | cut -d: --complement -f 2
--- stdout
a:c

### cut: --output-delimiter
printf 'a:b:c\n' | cut -d: -f 1,3 --output-delimiter=' | '
--- stdout
a | c

### cut: output delimiter between byte ranges
printf 'abcdef\n' | cut -b 1,2,4-5 --output-delimiter=:
--- stdout
a:b:de

### cut: overlapping ranges merge
printf 'abcdef\n' | cut -b 1-3,2-4
--- stdout
abcd

### cut: field past the end
printf 'a:b\n' | cut -d: -f 5
--- stdout


### cut: -z
printf 'a:b\0c:d\0' | cut -z -d: -f2 | tr '\0' ,; echo
--- stdout
b,d,

### cut: last line without newline
printf 'a:b' | cut -d: -f1
--- stdout
a

### cut: no list
cut < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: you must specify a list of bytes, characters, or fields
Try 'cut --help' for more information.

### cut: two lists
cut -b1 -f1 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: only one list may be specified
Try 'cut --help' for more information.

### cut: delimiter with bytes
cut -d: -b1 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: an input delimiter may be specified only when operating on fields
Try 'cut --help' for more information.

### cut: -s with bytes
cut -s -b1 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: suppressing non-delimited lines makes sense
	only when operating on fields
Try 'cut --help' for more information.

### cut: long delimiter
cut -d ab -f1 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: the delimiter must be a single character
Try 'cut --help' for more information.

### cut: field zero
cut -f 0 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: fields are numbered from 1
Try 'cut --help' for more information.

### cut: byte zero
cut -b 0 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: byte/character positions are numbered from 1
Try 'cut --help' for more information.

### cut: decreasing range
cut -f 3-1 < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: invalid decreasing range
Try 'cut --help' for more information.

### cut: invalid field value
cut -f 1x < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: invalid field value ‘x’
Try 'cut --help' for more information.

### cut: lone dash
cut -b - < /dev/null; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: invalid range with no endpoint: -
Try 'cut --help' for more information.

### cut: missing file
cut -f1 nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
cut: nope: No such file or directory

### cut: files
printf 'a\tb\n' > f; cut -f2 f f
--- stdout
b
b

### cut: space separated list
printf 'abcdef\n' | cut -b '1 3'
--- stdout
ac
