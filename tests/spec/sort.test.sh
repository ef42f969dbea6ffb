# sort (GNU coreutils 9.1, C.UTF-8 locale).
### sort: default
printf 'b\na\nc\nB\n' | sort
--- stdout
B
a
b
c

### sort: -r
printf 'b\na\nc\n' | sort -r
--- stdout
c
b
a

### sort: -n
printf '10\n9\n-1\n2.5\nx\n' | sort -n
--- stdout
-1
x
2.5
9
10

### sort: -n with leading blanks and zeros
printf ' 010\n9\n  -0\n0\n' | sort -n
--- stdout
  -0
0
9
 010

### sort: -g
printf '1e3\n10\n-inf\nx\n2.5\n' | sort -g
--- stdout
x
-inf
2.5
10
1e3

### sort: -h
printf '1K\n2M\n512\n1G\n3k\n' | sort -h
--- stdout
512
1K
3k
2M
1G

### sort: -M
printf 'Mar\nfoo\njan\nDEC\n' | sort -M
--- stdout
foo
jan
Mar
DEC

### sort: -V
printf 'a10\na2\na1.5\n1.10\n1.9\n' | sort -V
--- stdout
1.9
1.10
a1.5
a2
a10

### sort: -f
printf 'b\nA\na\nB\n' | sort -f
--- stdout
A
a
B
b

### sort: -u
printf 'b\na\nb\na\n' | sort -u
--- stdout
a
b

### sort: -k field
printf 'x 3\ny 1\nz 2\n' | sort -k 2
--- stdout
y 1
z 2
x 3

### sort: -k numeric key with -t
printf 'a:10\nb:9\nc:100\n' | sort -t: -k2,2n
--- stdout
b:9
a:10
c:100

### sort: -k with char positions
printf 'ab3\nac1\naa2\n' | sort -k1.3
--- stdout
ac1
aa2
ab3

### sort: multiple keys
printf 'a 2\nb 1\na 1\nb 2\n' | sort -k1,1 -k2,2nr
--- stdout
a 2
a 1
b 2
b 1

### sort: key with b modifier
printf 'x   b\ny a\n' | sort -k2b
--- stdout
y a
x   b

### sort: -s stable
printf 'b 1\na 2\nb 0\na 1\n' | sort -s -k1,1
--- stdout
a 2
a 1
b 1
b 0

### sort: last-resort comparison
printf 'b 1\na 2\nb 0\na 1\n' | sort -k1,1
--- stdout
a 1
a 2
b 0
b 1

### sort: -u with key
printf 'a 1\na 2\nb 3\n' | sort -u -k1,1
--- stdout
a 1
b 3

### sort: -d dictionary order
printf 'a-c\nab\na c\n' | sort -d
--- stdout
a c
ab
a-c

### sort: -i
printf 'b\001\na\n' | sort -i | cat -v
--- stdout
a
b^A

### sort: -c sorted
printf 'a\nb\n' | sort -c; echo "rc=$?"
--- stdout
rc=0

### sort: -c disorder
printf 'b\na\n' | sort -c; echo "rc=$?"
--- stdout
rc=1
--- stderr
sort: -:2: disorder: a

### sort: -C quiet
printf 'b\na\n' | sort -C; echo "rc=$?"
--- stdout
rc=1

### sort: -o output file
printf 'b\na\n' > f; sort -o f f; cat f
--- stdout
a
b

### sort: several files
printf 'c\na\n' > f; printf 'b\n' > g; sort f g
--- stdout
a
b
c

### sort: missing newline at end
printf 'b\na' | sort
--- stdout
a
b

### sort: -z
printf 'b\0a\0' | sort -z | tr '\0' ,; echo
--- stdout
a,b,

### sort: -m merge
printf 'a\nc\n' > f; printf 'b\nd\n' > g; sort -m f g
--- stdout
a
b
c
d

### sort: missing file
sort nope; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: cannot read: nope: No such file or directory

### sort: field zero
sort -k 0 < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: field number is zero: invalid field specification ‘0’

### sort: bad key
sort -k x < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: invalid number at field start: invalid count at start of ‘x’

### sort: character offset zero
sort -k 1.0 < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: character offset is zero: invalid field specification ‘1.0’

### sort: multi-character tab
sort -t ab < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: multi-character tab ‘ab’

### sort: incompatible options
sort -n -g < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: options '-gn' are incompatible

### sort: incompatible key options
sort -k1,1nM < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: options '-Mn' are incompatible

### sort: stray character
sort -k 2b,2y < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: stray character in field spec: invalid field specification ‘2b,2y’

### sort: ignored options
printf 'b\na\n' | sort -S 1M --parallel=2 -T /tmp
--- stdout
a
b

### sort: invalid -S
sort -S x < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: invalid -S argument 'x'

### sort: --sort=numeric
printf '10\n9\n' | sort --sort=numeric
--- stdout
9
10

### sort: invalid option
sort -Q < /dev/null; echo "rc=$?"
--- stdout
rc=2
--- stderr
sort: invalid option -- 'Q'
Try 'sort --help' for more information.

### sort: -R groups equal lines
printf 'a\nb\na\nb\na\n' | sort -R | uniq | wc -l
--- stdout
2

### sort: -n -r with equal numbers
printf '1 b\n2 a\n1 a\n' | sort -nr
--- stdout
2 a
1 b
1 a

### sort: -k end before start
printf 'b a\na b\n' | sort -k2,1
--- stdout
a b
b a

### sort: -t with empty fields
printf 'a::3\nb::1\n' | sort -t: -k3
--- stdout
b::1
a::3

### sort: -m two files
printf "1\n3\n5\n" > a; printf "2\n3\n4\n" > b; sort -m a b
--- stdout
1
2
3
3
4
5

### sort: -m three files and stdin
printf "b\nd\n" > a; printf "a\nc\n" > b; printf "c\ne\n" | sort -m a - b
--- stdout
a
b
c
c
d
e

### sort: -m -u
printf "1\n3\n5\n" > a; printf "1\n3\n4\n" > b; sort -m -u a b
--- stdout
1
3
4
5

### sort: -m -r
printf "5\n3\n1\n" > a; printf "4\n2\n" > b; sort -m -r a b
--- stdout
5
4
3
2
1

### sort: -m -n
printf "2\n10\n100\n" > a; printf "9\n50\n" > b; sort -m -n a b
--- stdout
2
9
10
50
100

### sort: -m with keys
printf "x 1\nz 3\n" > a; printf "y 2\nw 4\n" > b; sort -m -k2,2n a b
--- stdout
x 1
y 2
z 3
w 4

### sort: -m -t and -k reverse
printf "a:3\nb:1\n" > a; printf "c:2\nd:0\n" > b; sort -m -t: -k2,2nr a b
--- stdout
a:3
c:2
b:1
d:0

### sort: -m -u with keys keeps first
printf "a 1\nb 2\n" > a; printf "c 1\nd 3\n" > b; sort -m -u -k2,2 a b
--- stdout
a 1
b 2
d 3

### sort: -m -s stable across files
printf "b 1\na 2\n" > a; printf "a 1\nb 2\n" > b; sort -m -s -k2,2 a b
--- stdout
b 1
a 1
a 2
b 2

### sort: -m unsorted input is merged as is
printf "b\na\n" > a; printf "1\n3\n" > b; sort -m a b
--- stdout
1
3
b
a

### sort: -m missing final newline
printf "a\nc" > a; printf "b\nd" > b; sort -m a b
--- stdout
a
b
c
d

### sort: -m -z
printf "a\0c\0" > a; printf "b\0" > b; sort -m -z a b | tr "\0" "\n"
--- stdout
a
b
c

### sort: -m -o output is an input
printf "1\n3\n" > a; printf "2\n4\n" > b; sort -m -o a a b; cat a
--- stdout
1
2
3
4

### sort: -m -o new file
printf "1\n3\n" > a; printf "2\n" > b; sort -m -o out a b; cat out
--- stdout
1
2
3

### sort: -m missing file
printf "1\n" > a; sort -m a nope; echo $?
--- stdout
2
--- stderr
sort: cannot read: nope: No such file or directory

### sort: -m -f -k1,1
printf "apple\nCherry\n" > a; printf "Banana\ndate\n" > b; sort -m -f a b
--- stdout
apple
Banana
Cherry
date

### sort: -m many files
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do seq $i 18 $((i+60)) > f$i; done; sort -m -n f* | md5sum; sort -m -n f* | wc -l
--- stdout
b3b333712184f99d26b3a9587af108ba  -
72

### sort: -m empty inputs
: > a; printf "x\n" > b; sort -m a b a; sort -m a a; echo $?
--- stdout
x
0

### sort: -m -c checks instead
printf "1\n3\n" > a; sort -m -c a; echo $?; printf "3\n1\n" | sort -m -c; echo $?

--- stdout
0
1
--- stderr
sort: -:2: disorder: 1

### sort: --vers is ambiguous (--version-sort, --version)
sort --vers < /dev/null; echo $?; sort --v < /dev/null; echo $?
--- stdout
2
2
--- stderr
sort: option '--vers' is ambiguous; possibilities: '--version-sort' '--version'
Try 'sort --help' for more information.
sort: option '--v' is ambiguous; possibilities: '--version-sort' '--version'
Try 'sort --help' for more information.

### sort: abbreviations of --help and --version count in ambiguities
sort --h < /dev/null; echo $?; sort --he | head -n 1; sort --version-s <<< $'v10\nv9'
--- stdout
2
Usage: sort [OPTION]... [FILE]...
v9
v10
--- stderr
sort: option '--h' is ambiguous; possibilities: '--human-numeric-sort' '--help'
Try 'sort --help' for more information.

### sort: long-option ambiguities listed in GNU's order
for o in b c d f i m r s; do sort --$o < /dev/null; echo $?; done 2>&1
--- stdout
sort: option '--b' is ambiguous; possibilities: '--batch-size' '--buffer-size'
Try 'sort --help' for more information.
2
sort: option '--c' is ambiguous; possibilities: '--check' '--compress-program'
Try 'sort --help' for more information.
2
sort: option '--d' is ambiguous; possibilities: '--debug' '--dictionary-order'
Try 'sort --help' for more information.
2
sort: option '--f' is ambiguous; possibilities: '--files0-from' '--field-separator'
Try 'sort --help' for more information.
2
sort: option '--i' is ambiguous; possibilities: '--ignore-leading-blanks' '--ignore-case' '--ignore-nonprinting'
Try 'sort --help' for more information.
2
sort: option '--m' is ambiguous; possibilities: '--merge' '--month-sort'
Try 'sort --help' for more information.
2
sort: option '--r' is ambiguous; possibilities: '--random-sort' '--random-source' '--reverse'
Try 'sort --help' for more information.
2
sort: option '--s' is ambiguous; possibilities: '--sort' '--stable'
Try 'sort --help' for more information.
2

### sort: --files0-from reads NUL-terminated names
printf 'b\na\n' > x1; printf 'c\n' > x2; printf 'x1\0x2' | sort --files0-from=-; printf 'x2\0x1\0' > L; sort -r --files0-from L; printf 'x1\0x2' | sort -m --files0-from=-
--- stdout
a
b
c
c
b
a
b
a
c

### sort: --files0-from errors
printf 'b\na\n' > x1; printf 'x1\0' > L
sort --files0-from=L x1; echo $?
sort --files0-from=nope; echo $?
printf 'x1\0-\0' | sort --files0-from=-; echo $?
printf 'x1\0\0x2' | sort --files0-from=-; echo $?
printf '' | sort --files0-from=-; echo $?
printf 'x1\0missing\0' | sort --files0-from=-; echo $?
mkdir d; sort --files0-from=d; echo $?
printf 'x1\0x1' | sort -c --files0-from=-; echo $?
--- stdout
2
2
2
2
2
2
2
2
--- stderr
sort: extra operand 'x1'
file operands cannot be combined with --files0-from
Try 'sort --help' for more information.
sort: open failed: nope: No such file or directory
sort: when reading file names from stdin, no file name of '-' allowed
sort: -:2: invalid zero-length file name
sort: no input from '-'
sort: cannot read: missing: No such file or directory
sort: cannot read file names from 'd'
sort: extra operand 'x1' not allowed with -c

### sort: -c with two operands names the second, no usage line
printf 'a\n' > a; sort -c a a; echo $?
--- stdout
2
--- stderr
sort: extra operand 'a' not allowed with -c

### sort: -n and -rn on integer keys, ties broken on the whole line
printf '10\n-3\n 7\n007 x\n7\n-0\n0\n+5\n1.0\n1.50\n999999999999999999\n1000000000000000000\n-999999999999999999\nabc\n\n3.\n' > f
sort -n f | md5sum; sort -rn f | md5sum; sort -n -s f | md5sum; sort -rn -u f | md5sum
--- stdout
e936d3d2886d7ae94937f4c80443f77b  -
6b90a66dda778558a24e4084c9f25fa5  -
f43f368d49c6772bda51b335d2621cae  -
b631d6f17ec79709834bd6cd1708e1eb  -

### sort: integer keys with -k and -t
printf 'a 10 x\nb 9 y\nc 10 a\nd -2 z\ne  3 q\n' > f; sort -k2,2n f; sort -k2,2nr -k1,1 f; sort -t ' ' -k2n f; sort -k2n -r f
--- stdout
d -2 z
e  3 q
b 9 y
a 10 x
c 10 a
a 10 x
c 10 a
b 9 y
e  3 q
d -2 z
d -2 z
e  3 q
b 9 y
a 10 x
c 10 a
d -2 z
e  3 q
b 9 y
c 10 a
a 10 x

### sort: input of several MiB through a pipe
seq 400000 | sort | md5sum; seq 400000 | sort -rn | head -n 2; seq 400000 | sort -n -u | tail -n 1
--- stdout
51448c84225d5052dcb0d9909d432ee3  -
400000
399999
400000

### sort: an empty -t is an error
sort -t '' </dev/null; echo rc=$?
--- stdout
rc=2
--- stderr
sort: empty tab
