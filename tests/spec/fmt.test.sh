# fmt (GNU coreutils 9.1, C.UTF-8 locale).
### fmt: default width
printf "The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions, though not quickly enough to prevent a swirl of gritty dust from entering along with him.\n" > t; fmt t
--- stdout
The quick brown fox jumps over the lazy dog. It was a bright cold day in
April, and the clocks were striking thirteen. Winston Smith, his chin
nuzzled into his breast in an effort to escape the vile wind, slipped
quickly through the glass doors of Victory Mansions, though not quickly
enough to prevent a swirl of gritty dust from entering along with him.

### fmt: width 40
printf "The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions, though not quickly enough to prevent a swirl of gritty dust from entering along with him.\n" > t; fmt -w 40 t
--- stdout
The quick brown fox jumps over the
lazy dog. It was a bright cold day in
April, and the clocks were striking
thirteen. Winston Smith, his chin
nuzzled into his breast in an effort to
escape the vile wind, slipped quickly
through the glass doors of Victory
Mansions, though not quickly enough
to prevent a swirl of gritty dust from
entering along with him.

### fmt: -WIDTH first option
printf "The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions, though not quickly enough to prevent a swirl of gritty dust from entering along with him.\n" > t; fmt -30 t
--- stdout
The quick brown fox jumps
over the lazy dog. It was
a bright cold day in April,
and the clocks were striking
thirteen. Winston Smith, his
chin nuzzled into his breast
in an effort to escape the
vile wind, slipped quickly
through the glass doors of
Victory Mansions, though not
quickly enough to prevent
a swirl of gritty dust from
entering along with him.

### fmt: width and goal
printf "The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions, though not quickly enough to prevent a swirl of gritty dust from entering along with him.\n" > t; fmt -w 60 -g 50 t
--- stdout
The quick brown fox jumps over the lazy dog. It
was a bright cold day in April, and the clocks were
striking thirteen. Winston Smith, his chin nuzzled
into his breast in an effort to escape the vile wind,
slipped quickly through the glass doors of Victory
Mansions, though not quickly enough to prevent a
swirl of gritty dust from entering along with him.

### fmt: goal alone
printf "The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions, though not quickly enough to prevent a swirl of gritty dust from entering along with him.\n" > t; fmt -g 40 t
--- stdout
The quick brown fox jumps over the lazy
dog. It was a bright cold day in April, and
the clocks were striking thirteen. Winston
Smith, his chin nuzzled into his breast
in an effort to escape the vile wind,
slipped quickly through the glass doors
of Victory Mansions, though not quickly
enough to prevent a swirl of gritty dust
from entering along with him.

### fmt: width 0
echo "a b c" | fmt -w 0
--- stdout
a
b
c

### fmt: width 5
echo "a b c" | fmt -5
--- stdout
a
b c

### fmt: joins short lines
printf "one\ntwo\nthree\nfour\n" | fmt
--- stdout
one two three four

### fmt: paragraphs and blank lines
printf "First paragraph line one\nline two of the first paragraph\nand a third.\n\n  Indented second paragraph that goes on for a while so that it needs to be wrapped somewhere.\n  Its second line.\n\n\nLast one.\n" > t; fmt -w 30 t
--- stdout
First paragraph line one line
two of the first paragraph
and a third.

  Indented second paragraph
  that goes on for a while
  so that it needs to
  be wrapped somewhere.
  Its second line.


Last one.

### fmt: indentation change ends paragraph
printf "aaa bbb\n  ccc ddd\n  eee\nfff\n" | fmt
--- stdout
aaa bbb
  ccc ddd eee
fff

### fmt: sentence ends
printf "Hello there.  This is a test.  Another sentence here! And a question? Yes.\n" | fmt -w 30
--- stdout
Hello there.  This is a test.
Another sentence here! And a
question? Yes.

### fmt: -u uniform spacing
printf "one   two    three.   Four five.\nsix  seven\n" | fmt -u
--- stdout
one two three.  Four five.  six seven

### fmt: without -u spacing kept
printf "one   two    three.   Four five.\nsix  seven\n" | fmt
--- stdout
one   two    three.   Four five.  six  seven

### fmt: -s split only
printf 'short\nlines stay\n%s\n' 'this is a long line that must be split into pieces because it is longer than the width' | fmt -s -w 30
--- stdout
short
lines stay
this is a long line that must
be split into pieces because
it is longer than the width

### fmt: -c crown margin
printf "  first line of the paragraph\nsecond line is indented differently and continues for a while\nthird\n" | fmt -c -w 30
--- stdout
  first line of the paragraph
second line is indented
differently and continues for
a while third

### fmt: -t tagged paragraph
printf "  1. first line of the tagged paragraph\n     second line is indented and goes on and on for some time\n" | fmt -t -w 30
--- stdout
  1. first line of the tagged
     paragraph second line is
     indented and goes on and
     on for some time

### fmt: -t single line
printf "tag: some words that are long enough to wrap around the width\n" | fmt -t -w 25
--- stdout
tag: some words that are
   long enough to wrap
   around the width

### fmt: -p prefix
printf "# a comment that is quite long and should be wrapped by fmt\n# second line\ncode line\n# more\n" | fmt -p "# " -w 25
--- stdout
# a comment that is
# quite long and should
# be wrapped by fmt
# second line
code line
# more

### fmt: -p prefix with indentation
printf "  // one two three four five six seven\n  // eight nine\nx\n" | fmt -p // -w 20
--- stdout
  // one two three
  // four five
  // six seven
  // eight nine
x

### fmt: tabs in indentation
printf "\tindented with a tab and then some more words to wrap\n\tsecond\n" | fmt -w 30
--- stdout
	indented with a tab
	and then some more
	words to wrap second

### fmt: long word
printf "a supercalifragilisticexpialidocious-and-then-some-more-characters b c\n" | fmt -w 20
--- stdout
a
supercalifragilisticexpialidocious-and-then-some-more-characters
b c

### fmt: punctuation and parens
printf "Lists (like this one), commas, semicolons; colons: and so on -- all of them (really) count.\n" | fmt -w 25
--- stdout
Lists (like this one),
commas, semicolons;
colons: and so on -- all
of them (really) count.

### fmt: no final newline
printf "some words without a newline at the end" | fmt -w 15
--- stdout
some words
without a
newline at
the end

### fmt: empty input
printf "" | fmt; echo $?; printf "\n\n" | fmt | od -c
--- stdout
0
0000000  \n  \n
0000002

### fmt: several files
echo "a b" > x; echo "c d" > y; fmt x y
--- stdout
a b
c d

### fmt: missing file
echo a > x; fmt x nope x; echo $?
--- stdout
a
a
1
--- stderr
fmt: cannot open 'nope' for reading: No such file or directory

### fmt: bad width
fmt -w x < /dev/null; echo $?; fmt -w 5001 < /dev/null; echo $?
--- stdout
1
1
--- stderr
fmt: invalid width: ‘x’
fmt: invalid width: ‘5001’: Numerical result out of range

### fmt: goal above width
fmt -w 40 -g 50 < /dev/null; echo $?
--- stdout
1
--- stderr
fmt: invalid width: ‘50’: Numerical result out of range

### fmt: digit option not first
fmt -w 10 -5 < /dev/null; echo $?
--- stdout
1
--- stderr
fmt: invalid option -- 5; -WIDTH is recognized only when it is the first
option; use -w N instead
Try 'fmt --help' for more information.

### fmt: bad option
fmt -x; echo $?
--- stdout
1
--- stderr
fmt: invalid option -- 'x'
Try 'fmt --help' for more information.

### fmt: long paragraph
seq 1 600 | fmt -w 50 | tail -n 3; seq 1 600 | fmt | wc -l
--- stdout
568 569 570 571 572 573 574 575 576 577 578 579
580 581 582 583 584 585 586 587 588 589 590 591
592 593 594 595 596 597 598 599 600
32

### fmt: very long paragraph flushed
seq 1 1500 | fmt -w 60 | md5sum

--- stdout
4a4c8b34b5caec215607e573c803cf46  -
