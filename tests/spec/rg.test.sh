# rg (ripgrep 13 on the reference machine, output when not on a terminal):
# flags, ignore files, globs and types, context.
### rg: basic directory search
mkdir -p src; printf 'hello world\nfoo\n' > a.txt; printf 'say hello\n' > src/m.rs; rg hello . --sort path
--- stdout
./a.txt:hello world
./src/m.rs:say hello

### rg: implicit cwd
printf 'hello\n' > a.txt; printf 'x\n' > b.txt; rg hello < /dev/null
--- stdout
a.txt:hello

### rg: single file no name
printf 'hello\nbye\n' > a.txt; rg hello a.txt
--- stdout
hello

### rg: stdin
printf 'a\nhello\n' | rg hello
--- stdout
hello

### rg: line numbers
printf 'x\nhello\n' > a.txt; rg -n hello a.txt
--- stdout
2:hello

### rg: no line numbers
printf 'x\nhello\n' > a.txt; rg -N hello a.txt
--- stdout
hello

### rg: no match status
printf 'x\n' > a.txt; rg zzz a.txt; echo "rc=$?"
--- stdout
rc=1

### rg: missing path
rg x nosuch; echo "rc=$?"
--- stdout
rc=2
--- stderr
nosuch: No such file or directory (os error 2)

### rg: ignore case
printf 'Hello\nhello\n' > a.txt; rg -i HELLO a.txt
--- stdout
Hello
hello

### rg: smart case lower
printf 'Hello\nhello\n' > a.txt; rg -S hello a.txt
--- stdout
Hello
hello

### rg: smart case upper
printf 'Hello\nhello\n' > a.txt; rg -S Hello a.txt
--- stdout
Hello

### rg: case sensitive overrides
printf 'Hello\nhello\n' > a.txt; rg -i -s Hello a.txt
--- stdout
Hello

### rg: word
printf 'foo\nfoobar\n' > a.txt; rg -w foo a.txt
--- stdout
foo

### rg: line regexp
printf 'foo\nfoo bar\n' > a.txt; rg -x foo a.txt
--- stdout
foo

### rg: invert
printf 'a\nb\n' > a.txt; rg -v a a.txt
--- stdout
b

### rg: count
mkdir d; printf 'a\na\n' > d/x; printf 'a\n' > d/y; rg -c a d --sort path
--- stdout
d/x:2
d/y:1

### rg: count single file
printf 'a\na\nb\n' > a.txt; rg -c a a.txt
--- stdout
2

### rg: files with matches
mkdir d; printf 'a\n' > d/x; printf 'b\n' > d/y; rg -l a d --sort path
--- stdout
d/x

### rg: files without match
mkdir d; printf 'a\n' > d/x; printf 'b\n' > d/y; rg --files-without-match a d --sort path
--- stdout
d/y

### rg: only matching
printf 'k=v1 k=v2\n' > a.txt; rg -o 'k=\w+' a.txt
--- stdout
k=v1
k=v2

### rg: fixed strings
printf 'a.c\nabc\n' > a.txt; rg -F a.c a.txt
--- stdout
a.c

### rg: multiple -e
printf 'a\nb\nc\n' > a.txt; rg -e a -e c a.txt
--- stdout
a
c

### rg: regex classes
printf 'a1\nbb\n' > a.txt; rg '\d' a.txt
--- stdout
a1

### rg: after context
printf '1\nm\n2\n3\n' > a.txt; rg -A1 m a.txt
--- stdout
m
2

### rg: before context
printf '1\n2\nm\n3\n' > a.txt; rg -B1 m a.txt
--- stdout
2
m

### rg: context separators
printf 'm\n1\n2\n3\nm\n' > a.txt; rg -C1 m a.txt
--- stdout
m
1
--
3
m

### rg: context with names and numbers
mkdir d; printf '1\nm\n2\n' > d/x; rg -n -C1 m d
--- stdout
d/x-1-1
d/x:2:m
d/x-3-2

### rg: max count
printf 'a\na\na\n' > a.txt; rg -m2 a a.txt
--- stdout
a
a

### rg: glob include
mkdir d; printf 'a\n' > d/x.c; printf 'a\n' > d/x.h; rg -g '*.c' a d
--- stdout
d/x.c:a

### rg: glob exclude
mkdir d; printf 'a\n' > d/x.c; printf 'a\n' > d/x.h; rg -g '!*.c' a d
--- stdout
d/x.h:a

### rg: glob directory exclude
mkdir -p d/vendor d/src; printf 'a\n' > d/vendor/x; printf 'a\n' > d/src/y; rg -g '!vendor' a d
--- stdout
d/src/y:a

### rg: type rust
mkdir d; printf 'a\n' > d/x.rs; printf 'a\n' > d/x.py; rg -t rust a d
--- stdout
d/x.rs:a

### rg: type not
mkdir d; printf 'a\n' > d/x.rs; printf 'a\n' > d/x.py; rg -T rust a d
--- stdout
d/x.py:a

### rg: type py
mkdir d; printf 'a\n' > d/x.rs; printf 'a\n' > d/x.py; rg -tpy a d
--- stdout
d/x.py:a

### rg: unknown type
rg -t nope a .; echo "rc=$?"
--- stdout
rc=2
--- stderr
unrecognized file type: nope

### rg: hidden skipped
mkdir -p d/.h; printf 'a\n' > d/.h/x; printf 'a\n' > d/.y; printf 'a\n' > d/z; rg a d --sort path
--- stdout
d/z:a

### rg: hidden flag
mkdir -p d/.h; printf 'a\n' > d/.h/x; printf 'a\n' > d/.y; printf 'a\n' > d/z; rg --hidden a d --sort path
--- stdout
d/.h/x:a
d/.y:a
d/z:a

### rg: gitignore in repo
mkdir -p d/.git; printf '*.log\n' > d/.gitignore; printf 'a\n' > d/x.log; printf 'a\n' > d/y.txt; rg a d
--- stdout
d/y.txt:a

### rg: gitignore outside repo ignored
mkdir -p d; printf '*.log\n' > d/.gitignore; printf 'a\n' > d/x.log; printf 'a\n' > d/y.txt; rg a d --sort path
--- stdout
d/x.log:a
d/y.txt:a

### rg: dot ignore file
mkdir -p d; printf 'x.log\n' > d/.ignore; printf 'a\n' > d/x.log; printf 'a\n' > d/y.txt; rg a d
--- stdout
d/y.txt:a

### rg: gitignore negation
mkdir -p d/.git; printf '*.log\n!keep.log\n' > d/.gitignore; printf 'a\n' > d/x.log; printf 'a\n' > d/keep.log; rg a d
--- stdout
d/keep.log:a

### rg: gitignore directory pattern
mkdir -p d/.git d/build d/src; printf 'build/\n' > d/.gitignore; printf 'a\n' > d/build/x; printf 'a\n' > d/src/y; rg a d
--- stdout
d/src/y:a

### rg: gitignore anchored
mkdir -p d/.git d/sub; printf '/top.txt\n' > d/.gitignore; printf 'a\n' > d/top.txt; printf 'a\n' > d/sub/top.txt; rg a d
--- stdout
d/sub/top.txt:a

### rg: nested gitignore
mkdir -p d/.git d/sub; printf 'x.txt\n' > d/sub/.gitignore; printf 'a\n' > d/x.txt; printf 'a\n' > d/sub/x.txt; rg a d --sort path
--- stdout
d/x.txt:a

### rg: no-ignore
mkdir -p d/.git; printf '*.log\n' > d/.gitignore; printf 'a\n' > d/x.log; rg --no-ignore a d
--- stdout
d/x.log:a

### rg: unrestricted -u
mkdir -p d/.git; printf '*.log\n' > d/.gitignore; printf 'a\n' > d/x.log; rg -u a d
--- stdout
d/x.log:a

### rg: -uu hidden too
mkdir -p d; printf 'a\n' > d/.h; rg -uu a d
--- stdout
d/.h:a

### rg: files listing
mkdir -p d/s; printf 'a\n' > d/x; printf 'b\n' > d/s/y; rg --files d --sort path
--- stdout
d/s/y
d/x

### rg: files with glob
mkdir -p d; printf 'a\n' > d/x.c; printf 'b\n' > d/y.h; rg --files -g '*.h' d
--- stdout
d/y.h

### rg: files with type
mkdir -p d; printf 'a\n' > d/x.rs; printf 'b\n' > d/y.h; rg --files -t rust d
--- stdout
d/x.rs

### rg: max depth
mkdir -p d/s/t; printf 'a\n' > d/x; printf 'a\n' > d/s/y; printf 'a\n' > d/s/t/z; rg --max-depth 2 a d --sort path
--- stdout
d/s/y:a
d/x:a

### rg: binary skipped when recursing
mkdir d; printf 'a\0\nhit\n' > d/bin; printf 'hit\n' > d/txt; rg hit d
--- stdout
d/txt:hit

### rg: binary explicit file
printf 'a\0\nhit\n' > bin; rg hit bin; echo "rc=$?"
--- stdout
binary file matches (found "\0" byte around offset 1)
rc=0

### rg: quiet
printf 'a\n' > a.txt; rg -q a a.txt; echo "rc=$?"
--- stdout
rc=0

### rg: with filename single
printf 'a\n' > a.txt; rg -H a a.txt
--- stdout
a.txt:a

### rg: no filename dir
mkdir d; printf 'a\n' > d/x; rg -I a d
--- stdout
a

### rg: null after names
mkdir d; printf 'a\n' > d/x; rg -l -0 a d | tr '\0' '@'
--- stdout noeol
d/x@

### rg: several paths
printf 'a\n' > x; printf 'a\n' > y; rg a x y --sort path
--- stdout
x:a
y:a

### rg: dir with trailing slash
mkdir d; printf 'a\n' > d/x; rg a d/
--- stdout
d/x:a

### rg: count with invert
printf 'a\nb\nc\n' > a.txt; rg -vc a a.txt
--- stdout
2

### rg: pattern file
printf 'a\nc\n' > p; printf 'a\nb\nc\n' > a.txt; rg -f p a.txt
--- stdout
a
c

### rg: lookaround pcre
printf 'foobar\nfoobaz\n' > a.txt; rg -P 'foo(?=bar)' a.txt

--- stdout
foobar

### rg: json one file
printf 'hello world\nfoo bar\nhello foo\n' > a.txt; rg --json hello a.txt | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"a.txt"}}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"hello world\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hello"},"start":0,"end":5}]}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"hello foo\n"},"line_number":3,"absolute_offset":20,"submatches":[{"match":{"text":"hello"},"start":0,"end":5}]}}
{"type":"end","data":{"path":{"text":"a.txt"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":30,"bytes_printed":407,"matched_lines":2,"matches":2}}}
{"data":{E,"stats":{"bytes_printed":407,"bytes_searched":30,E,"matched_lines":2,"matches":2,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json with context
printf 'hello world\nfoo bar\nhello foo\nzzz\n' > a.txt; rg --json -C1 foo a.txt | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"a.txt"}}}
{"type":"context","data":{"path":{"text":"a.txt"},"lines":{"text":"hello world\n"},"line_number":1,"absolute_offset":0,"submatches":[]}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"foo bar\n"},"line_number":2,"absolute_offset":12,"submatches":[{"match":{"text":"foo"},"start":0,"end":3}]}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"hello foo\n"},"line_number":3,"absolute_offset":20,"submatches":[{"match":{"text":"foo"},"start":6,"end":9}]}}
{"type":"context","data":{"path":{"text":"a.txt"},"lines":{"text":"zzz\n"},"line_number":4,"absolute_offset":30,"submatches":[]}}
{"type":"end","data":{"path":{"text":"a.txt"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":34,"bytes_printed":667,"matched_lines":2,"matches":2}}}
{"data":{E,"stats":{"bytes_printed":667,"bytes_searched":34,E,"matched_lines":2,"matches":2,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json directory sorted
mkdir -p d; printf 'hello\nz' > d/e.txt; printf 'hello there\n' > a.txt; printf 'nothing\n' > b.txt; rg --json --sort path hello . | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"./a.txt"}}}
{"type":"match","data":{"path":{"text":"./a.txt"},"lines":{"text":"hello there\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hello"},"start":0,"end":5}]}}
{"type":"end","data":{"path":{"text":"./a.txt"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":12,"bytes_printed":233,"matched_lines":1,"matches":1}}}
{"type":"begin","data":{"path":{"text":"./d/e.txt"}}}
{"type":"match","data":{"path":{"text":"./d/e.txt"},"lines":{"text":"hello\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hello"},"start":0,"end":5}]}}
{"type":"end","data":{"path":{"text":"./d/e.txt"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":7,"bytes_printed":231,"matched_lines":1,"matches":1}}}
{"data":{E,"stats":{"bytes_printed":464,"bytes_searched":19,E,"matched_lines":2,"matches":2,"searches":2,"searches_with_match":2}},"type":"summary"}

### rg: json stdin
printf 'ab hello\n' | rg --json hello | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"<stdin>"}}}
{"type":"match","data":{"path":{"text":"<stdin>"},"lines":{"text":"ab hello\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hello"},"start":3,"end":8}]}}
{"type":"end","data":{"path":{"text":"<stdin>"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":9,"bytes_printed":230,"matched_lines":1,"matches":1}}}
{"data":{E,"stats":{"bytes_printed":230,"bytes_searched":9,E,"matched_lines":1,"matches":1,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json no match
printf 'abc\n' > a.txt; rg --json zzz a.txt | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'; echo rc=${PIPESTATUS[0]}
--- stdout
{"data":{E,"stats":{"bytes_printed":0,"bytes_searched":0,E,"matched_lines":0,"matches":0,"searches":0,"searches_with_match":0}},"type":"summary"}
rc=1

### rg: json inverted
printf 'hello\nfoo\nbar\n' > a.txt; rg --json -v hello a.txt | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"a.txt"}}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"foo\n"},"line_number":2,"absolute_offset":6,"submatches":[]}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"bar\n"},"line_number":3,"absolute_offset":10,"submatches":[]}}
{"type":"end","data":{"path":{"text":"a.txt"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":14,"bytes_printed":305,"matched_lines":2,"matches":0}}}
{"data":{E,"stats":{"bytes_printed":305,"bytes_searched":14,E,"matched_lines":2,"matches":0,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json escapes
printf 'a\tb "q" \\ \001 \303\251\n' | rg --json b | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"<stdin>"}}}
{"type":"match","data":{"path":{"text":"<stdin>"},"lines":{"text":"a\tb \"q\" \\ \u0001 é\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"b"},"start":2,"end":3}]}}
{"type":"end","data":{"path":{"text":"<stdin>"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":15,"bytes_printed":241,"matched_lines":1,"matches":1}}}
{"data":{E,"stats":{"bytes_printed":241,"bytes_searched":15,E,"matched_lines":1,"matches":1,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json invalid utf-8 as bytes
printf 'x\377 hello\n' | rg --json hello | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"<stdin>"}}}
{"type":"match","data":{"path":{"text":"<stdin>"},"lines":{"bytes":"eP8gaGVsbG8K"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hello"},"start":3,"end":8}]}}
{"type":"end","data":{"path":{"text":"<stdin>"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":9,"bytes_printed":233,"matched_lines":1,"matches":1}}}
{"data":{E,"stats":{"bytes_printed":233,"bytes_searched":9,E,"matched_lines":1,"matches":1,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json several matches per line
printf 'aXbXc\nno\nX\n' > a.txt; rg --json X a.txt | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"a.txt"}}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"aXbXc\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"X"},"start":1,"end":2},{"match":{"text":"X"},"start":3,"end":4}]}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"X\n"},"line_number":3,"absolute_offset":9,"submatches":[{"match":{"text":"X"},"start":0,"end":1}]}}
{"type":"end","data":{"path":{"text":"a.txt"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":11,"bytes_printed":425,"matched_lines":2,"matches":3}}}
{"data":{E,"stats":{"bytes_printed":425,"bytes_searched":11,E,"matched_lines":2,"matches":3,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json max count
printf 'a1\na2\na3\n' > a.txt; rg --json -m 2 a a.txt | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"a.txt"}}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"a1\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"a"},"start":0,"end":1}]}}
{"type":"match","data":{"path":{"text":"a.txt"},"lines":{"text":"a2\n"},"line_number":2,"absolute_offset":3,"submatches":[{"match":{"text":"a"},"start":0,"end":1}]}}
{"type":"end","data":{"path":{"text":"a.txt"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":6,"bytes_printed":382,"matched_lines":2,"matches":2}}}
{"data":{E,"stats":{"bytes_printed":382,"bytes_searched":6,E,"matched_lines":2,"matches":2,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: replace whole match
printf 'hello world\nfoo bar\nhello foo\n' > a.txt; rg -r 'HI' hello a.txt
--- stdout
HI world
HI foo

### rg: replace with groups
printf 'hello world\nfoo bar\nhello foo\n' > a.txt; rg -r '[$1]' 'h(el)lo' a.txt; rg -r '$$1-${1}' '(o)' a.txt
--- stdout
[el] world
[el] foo
hell$1-o w$1-orld
f$1-o$1-o bar
hell$1-o f$1-o$1-o

### rg: replace named groups
printf 'key=val\nother=x\n' > a.txt; rg --replace '${v}:${k}' '(?P<k>\w+)=(?P<v>\w+)' a.txt
--- stdout
val:key
x:other

### rg: replace greedy group name
printf 'hello\n' > a.txt; rg -r 'X$0Y' hello a.txt; rg -r 'X${0}Y' hello a.txt
--- stdout
X
XhelloY

### rg: replace only matching
printf 'a1 b22 c333\n' > a.txt; rg -o -r '<$0>' '[0-9]+' a.txt
--- stdout
<1>
<22>
<333>

### rg: replace with line numbers and context
printf 'hello world\nfoo bar\nhello foo\n' > a.txt; rg -n -r 'Z' -C1 bar a.txt
--- stdout
1-hello world
2:foo Z
3-hello foo

### rg: replace in directory
mkdir -p s; printf 'x = 1\n' > s/a.py; printf 'x = 2\ny = 3\n' > s/b.py; rg -r 'X' '^x' s --sort path
--- stdout
s/a.py:X = 1
s/b.py:X = 2

### rg: passthru
printf 'hello world\nfoo bar\nhello foo\n' > a.txt; rg --passthru foo a.txt
--- stdout
hello world
foo bar
hello foo

### rg: passthru with line numbers
printf 'hello world\nfoo bar\nhello foo\n' > a.txt; rg -n --passthru bar a.txt
--- stdout
1-hello world
2:foo bar
3-hello foo

### rg: passthru with replace
printf 'one\ntwo\nthree\n' > a.txt; rg --passthru -r 'TWO' two a.txt
--- stdout
one
TWO
three

### rg: passthru several files
printf 'a\nb\n' > 1.txt; printf 'b\nc\n' > 2.txt; rg --passthru b 1.txt 2.txt --sort path
--- stdout
1.txt-a
1.txt:b
2.txt:b
2.txt-c

### rg: count matches
printf 'hello world\nfoo bar\nhello foo\n' > a.txt; rg --count-matches o a.txt; rg -c o a.txt
--- stdout
7
3

### rg: count matches directory
mkdir -p d; printf 'oo\n' > d/x.txt; printf 'o\nzz\n' > y.txt; printf 'z\n' > z.txt; rg --count-matches o --sort path .
--- stdout
./d/x.txt:2
./y.txt:1

### rg: count matches inverted
printf 'hello\nfoo\nbar\n' > a.txt; rg --count-matches -v hello a.txt
--- stdout
2

### rg: count matches none
printf 'abc\n' > a.txt; rg --count-matches zzz a.txt; echo rc=$?
--- stdout
rc=1

### rg: binary met while recursing is skipped even with a match before the NUL
mkdir d; printf 'hit\nx\0\n' > d/bin; rg -n hit d; echo "rc=$?"
--- stdout
rc=1

### rg: binary recursing, match in a buffer before the NUL: warning
mkdir d; { echo hit1; head -c 70000 /dev/zero | tr '\0' x; echo; printf 'hit2\0\n'; } > d/big; rg -n hit d | cut -c1-100
--- stdout
d/big:1:hit1
d/big: WARNING: stopped searching binary file after match (found "\0" byte around offset 70010)

### rg: binary recursing, -l and -q stop at the first match
mkdir d; { echo hit1; head -c 70000 /dev/zero | tr '\0' x; echo; printf 'zz\0\n'; } > d/big; rg -l hit d; rg -q hit d; echo "rc=$?"
--- stdout
d/big
rc=0

### rg: binary recursing, counts leave the file out
mkdir d; { echo hit1; head -c 70000 /dev/zero | tr '\0' x; echo; printf 'zz\0\n'; } > d/big; rg -c hit d; echo "rc=$?"; rg --count-matches hit d; echo "rc=$?"
--- stdout
rc=1
rc=1

### rg: binary recursing, files-without-match
mkdir d; printf 'x\0\n' > d/b; printf 'y\n' > d/t; rg --files-without-match hit d; echo "rc=$?"
--- stdout
d/t
rc=0

### rg: binary explicit, match before the NUL in the same buffer
printf 'hit\nx\0 hit\n' > bin; rg -n hit bin; echo "rc=$?"
--- stdout
binary file matches (found "\0" byte around offset 5)
rc=0

### rg: binary explicit with name
printf 'hit\0\n' > bin; printf 'hit\n' > t; rg -j1 hit bin t
--- stdout
bin: binary file matches (found "\0" byte around offset 3)
t:hit

### rg: binary explicit, match only in a buffer before the NUL
{ echo hit1; head -c 70000 /dev/zero | tr '\0' x; echo; printf 'zz\0\n'; } > big; rg -n hit big | cut -c1-100
--- stdout
1:hit1

### rg: binary explicit, no match
printf 'a\0b\n' > bin; rg zzz bin; echo "rc=$?"
--- stdout
rc=1

### rg: binary explicit counts, -o, -v, --passthru
printf 'hit\0hit\n' > b; rg -c hit b; rg --count-matches hit b; rg -o hit b; rg -v zzz b; rg --passthru hit b
--- stdout
1
2
binary file matches (found "\0" byte around offset 3)
binary file matches (found "\0" byte around offset 3)
binary file matches (found "\0" byte around offset 3)

### rg: binary stdin, NULs read as line ends for counts
printf 'hit\0hit\nx\n' | rg -c hit; printf 'x\0y\nz\n' | rg -c -v q
--- stdout
2
3

### rg: binary explicit directory and file: read, not mapped
mkdir d; printf 'hit\0hit\n' > b; rg -c hit b d
--- stdout
b:2

### rg: binary -a searches everything
printf 'hit\0x\n' > b; mkdir d; cp b d/; rg -a hit b | od -c | head -2; rg -a -c hit d
--- stdout
0000000   h   i   t  \0   x  \n
0000006
d/b:1

### rg: json binary explicit file
printf 'a\0\nhit\nhit x\n' > bin; rg --json hit bin | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"bin"}}}
{"type":"match","data":{"path":{"text":"bin"},"lines":{"text":"hit\n"},"line_number":2,"absolute_offset":3,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"match","data":{"path":{"text":"bin"},"lines":{"text":"hit x\n"},"line_number":3,"absolute_offset":7,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"end","data":{"path":{"text":"bin"},"binary_offset":1,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":1,"bytes_printed":384,"matched_lines":2,"matches":2}}}
{"data":{E,"stats":{"bytes_printed":384,"bytes_searched":1,E,"matched_lines":2,"matches":2,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json binary stdin
printf 'a\0\nhit\nhit x\n' | rg --json hit | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"<stdin>"}}}
{"type":"match","data":{"path":{"text":"<stdin>"},"lines":{"text":"hit\n"},"line_number":3,"absolute_offset":3,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"match","data":{"path":{"text":"<stdin>"},"lines":{"text":"hit x\n"},"line_number":4,"absolute_offset":7,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"end","data":{"path":{"text":"<stdin>"},"binary_offset":1,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":13,"bytes_printed":396,"matched_lines":2,"matches":2}}}
{"data":{E,"stats":{"bytes_printed":396,"bytes_searched":13,E,"matched_lines":2,"matches":2,"searches":1,"searches_with_match":1}},"type":"summary"}

### rg: json binary met while recursing
mkdir d; printf 'hit\0\n' > d/b; printf 'hit\n' > d/t; { echo hit1; head -c 70000 /dev/zero | tr '\0' x; echo; printf 'hit2\0\n'; } > d/big; rg --json --sort path hit d | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"d/big"}}}
{"type":"match","data":{"path":{"text":"d/big"},"lines":{"text":"hit1\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"end","data":{"path":{"text":"d/big"},"binary_offset":70010,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":5,"bytes_printed":220,"matched_lines":1,"matches":1}}}
{"type":"begin","data":{"path":{"text":"d/t"}}}
{"type":"match","data":{"path":{"text":"d/t"},"lines":{"text":"hit\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"end","data":{"path":{"text":"d/t"},"binary_offset":null,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":4,"bytes_printed":215,"matched_lines":1,"matches":1}}}
{"data":{E,"stats":{"bytes_printed":435,"bytes_searched":9,E,"matched_lines":2,"matches":2,"searches":2,"searches_with_match":2}},"type":"summary"}

### rg: json binary explicit, NUL beyond the first 64 KiB
{ echo hit1; head -c 70000 /dev/zero | tr '\0' x; echo; printf 'hit2\0\n'; } > big; rg --json hit big | sed -E 's/"elapsed(_total)?":\{[^}]*\}/E/g'
--- stdout
{"type":"begin","data":{"path":{"text":"big"}}}
{"type":"match","data":{"path":{"text":"big"},"lines":{"text":"hit1\n"},"line_number":1,"absolute_offset":0,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"match","data":{"path":{"text":"big"},"lines":{"text":"hit2\u0000\n"},"line_number":3,"absolute_offset":70006,"submatches":[{"match":{"text":"hit"},"start":0,"end":3}]}}
{"type":"end","data":{"path":{"text":"big"},"binary_offset":70010,"stats":{E,"searches":1,"searches_with_match":1,"bytes_searched":70010,"bytes_printed":394,"matched_lines":2,"matches":2}}}
{"data":{E,"stats":{"bytes_printed":394,"bytes_searched":70010,E,"matched_lines":2,"matches":2,"searches":1,"searches_with_match":1}},"type":"summary"}

### large named file with a NUL past the first 64 KiB
{ echo 'match early'; yes 'filler line here' | head -n 6000; printf 'nul\0here\n'; echo 'match late'; } > large.txt
rg -n match large.txt; echo "st=$?"
rg -c match large.txt; echo "st=$?"
rg --count-matches match large.txt; echo "st=$?"
--- stdout
1:match early
6003:match late
st=0
2
st=0
2
st=0

### large named file with the NUL on a matching line past 64 KiB
{ echo 'match early'; yes 'filler line here' | head -n 6000; printf 'match \0nul\n'; echo 'match late'; } > large.txt
rg -n match large.txt; echo "st=$?"
rg -o -n 'match \S*' large.txt; echo "st=$?"
--- stdout
1:match early
binary file matches (found "\0" byte around offset 102018)
st=0
1:match early
binary file matches (found "\0" byte around offset 102018)
st=0

### large file with a NUL after the first lines while recursing
mkdir d
{ echo 'match early'; yes 'filler line here' | head -n 6000; printf 'nul\0here\n'; echo 'match late'; } > d/large.txt
{ echo 'match early'; printf 'x\0y\n'; echo 'match late'; } > d/small.txt
rg -n --sort path match d; echo "st=$?"
rg -c --sort path match d; echo "st=$?"
rg -l --sort path match d; echo "st=$?"
--- stdout
d/large.txt:1:match early
d/large.txt: WARNING: stopped searching binary file after match (found "\0" byte around offset 102015)
st=0
st=1
d/large.txt
st=0

### large file with a NUL on stdin
{ echo 'match early'; yes 'filler line here' | head -n 6000; printf 'nul\0here\n'; echo 'match late'; } | rg -n match; echo "st=$?"
--- stdout
1:match early
binary file matches (found "\0" byte around offset 102015)
st=0

### more than 10 named files are read, not mapped
for i in 1 2 3 4 5 6 7 8 9 10 11; do { echo "match $i"; yes 'filler line here' | head -n 5000; printf 'nul\0here\n'; echo 'match late'; } > f$i.txt; done
rg -j1 -c match f1.txt f2.txt f3.txt f4.txt f5.txt f6.txt f7.txt f8.txt f9.txt f10.txt f11.txt; echo "st=$?"
rg -j1 -c match f1.txt f2.txt; echo "st=$?"
--- stdout
f1.txt:2
f2.txt:2
f3.txt:2
f4.txt:2
f5.txt:2
f6.txt:2
f7.txt:2
f8.txt:2
f9.txt:2
f10.txt:2
f11.txt:2
st=0
f1.txt:2
f2.txt:2
st=0

### files-without-match status when nothing is listed
printf 'match\n' > a; printf 'zz\n' > b
rg --files-without-match match a; echo "st=$?"
rg --files-without-match zz b; echo "st=$?"
rg -j1 --files-without-match match a b; echo "st=$?"
rg -j1 --files-without-match '' a b; echo "st=$?"
--- stdout
st=1
st=1
b
st=0
st=1

### files-without-match of matching files with late NULs
for i in 1 2 3 4 5 6 7 8 9 10 11; do { echo "match $i"; yes 'filler line here' | head -n 5000; printf 'nul\0here\n'; } > f$i.txt; done
rg -j1 --files-without-match match f1.txt; echo "st=$?"
rg -j1 --files-without-match match f1.txt f2.txt f3.txt f4.txt f5.txt f6.txt f7.txt f8.txt f9.txt f10.txt f11.txt; echo "st=$?"
rg -j1 --files-without-match nomatch f1.txt; echo "st=$?"
--- stdout
st=1
st=1
f1.txt
st=0
