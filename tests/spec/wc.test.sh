# wc (GNU coreutils 9.1): counts, column widths, totals, errors.
### wc: stdin default counts
printf 'hello world\nfoo\n' | wc
--- stdout
      2       3      16

### wc: -l -w -c separately
printf 'a b\nc\n' | wc -l; printf 'a b\nc\n' | wc -w; printf 'a b\nc\n' | wc -c
--- stdout
2
3
6

### wc: single file single count
printf 'a\nb\n' > f; wc -l f
--- stdout
2 f

### wc: single file default counts
printf 'ab\ncd' > f; wc f
--- stdout
1 2 5 f

### wc: several files and total
printf 'ab\ncd' > f; printf 'x\n' > g; wc f g
--- stdout
1 2 5 f
1 1 2 g
2 3 7 total

### wc: width from file sizes
seq 10000 > big; printf 'x\n' > small; wc big small
--- stdout
10000 10000 48894 big
    1     1     2 small
10001 10001 48896 total

### wc: -m characters in UTF-8
printf 'h\303\251llo\n' | wc -m; printf 'h\303\251llo\n' | wc -c
--- stdout
6
7

### wc: -L longest line
printf 'ab\nabcdef\n\tx\n' | wc -L
--- stdout
9

### wc: words with control characters
printf 'a\001b \001 c\n' | wc -w
--- stdout
2

### wc: missing file
wc nope; echo "rc=$?"
--- stdout
rc=1
--- stderr
wc: nope: No such file or directory

### wc: missing file with others
printf 'a\n' > f; wc f nope; echo "rc=$?"
--- stdout
1 1 2 f
1 1 2 total
rc=1
--- stderr
wc: nope: No such file or directory

### wc: directory
mkdir d; wc d; echo "rc=$?"
--- stdout
      0       0       0 d
rc=1
--- stderr
wc: d: Is a directory

### wc: invalid option
wc -x; echo "rc=$?"
--- stdout
rc=1
--- stderr
wc: invalid option -- 'x'
Try 'wc --help' for more information.

### wc: stdin redirected from a file
printf 'a\nb\n' > f; wc < f
--- stdout
2 2 4

### wc: empty input
wc < /dev/null; printf '' | wc -l
--- stdout
      0       0       0
0

### wc: dash operand
printf 'x y\n' | wc -w - 
--- stdout
2 -

### wc: no trailing newline
printf 'a b c' | wc
--- stdout
      0       3       5

### wc: -L with wide characters and tabs
printf '\346\227\245\346\234\254\n\tab\n' | wc -L
--- stdout
10

### wc: several counts order
printf 'ab cd\n' | wc -cwlmL
--- stdout
      1       2       6       6       5

### wc: --files0-from
printf 'a\n' > f; printf 'b c\n' > g; printf 'f\0g\0' > list; wc --files0-from=list
--- stdout
1 1 2 f
1 2 4 g
2 3 6 total

### wc: --files0-from with missing file
printf 'a\n' > f; printf 'f\0nope\0' > list; wc -l --files0-from=list; echo "rc=$?"
--- stdout
1 f
1 total
rc=1
--- stderr
wc: nope: No such file or directory

### wc: --files0-from with operands
printf 'f\0' > list; wc --files0-from=list x; echo "rc=$?"
--- stdout
rc=1
--- stderr
wc: extra operand 'x'
file operands cannot be combined with --files0-from
Try 'wc --help' for more information.

### wc: --files0-from errors
printf 'a\n' > f; printf 'f\0\0f' > l2; wc -l --files0-from=l2; echo "rc=$?"; printf 'f\0-\0' | wc -l --files0-from=-; echo "rc=$?"; wc --files0-from=nope; echo "rc=$?"
--- stdout
1 f
1 f
2 total
rc=1
1 f
1 total
rc=1
rc=1
--- stderr
wc: l2:2: invalid zero-length file name
wc: when reading file names from stdin, no file name of '-' allowed
wc: cannot open 'nope' for reading: No such file or directory

### wc: --files0-from empty list
printf '' > e; wc --files0-from=e; echo "rc=$?"

--- stdout
rc=0
