# file (file 5.44 on the reference machine); formats from a fixed table
### ascii text
printf 'hello\n' > t; file t
--- stdout
t: ASCII text

### no line terminators
printf 'hello' > t; file t
--- stdout
t: ASCII text, with no line terminators

### crlf
printf 'a\r\nb\r\n' > t; file t
--- stdout
t: ASCII text, with CRLF line terminators

### cr
printf 'a\rb\r' > t; file t
--- stdout
t: ASCII text, with CR line terminators

### mixed terminators
printf 'a\r\nb\n' > t; file t
--- stdout
t: ASCII text, with CRLF, LF line terminators

### utf-8
printf 'h\xc3\xa9\n' > t; file t
--- stdout
t: Unicode text, UTF-8 text

### utf-8 with bom
printf '\xef\xbb\xbfhi\n' > t; file t
--- stdout
t: Unicode text, UTF-8 (with BOM) text

### iso-8859
printf 'caf\xe9\n' > t; file t
--- stdout
t: ISO-8859 text

### extended ascii
printf '\x80abc\n' > t; file t
--- stdout
t: Non-ISO extended-ASCII text

### very long lines
head -c 400 /dev/zero | tr '\0' a > t; echo >> t; file t
--- stdout
t: ASCII text, with very long lines (400)

### escape sequences and overstriking
printf 'a\x1b[0mb\n' > e; printf 'a\bb\n' > o; file e o
--- stdout
e: ASCII text, with escape sequences
o: ASCII text, with overstriking

### empty
: > e; file e
--- stdout
e: empty

### binary data
printf 'a\n\0b' > d; file d
--- stdout
d: data

### json object and array
printf '{"a": [1, 2, {"b": null}], "c": "x"}\n' > j; printf '[1,2]\n' > k; file j k
--- stdout
j: JSON text data
k: JSON text data

### not json
printf '{bad}\n' > j; printf '"str"\n' > k; file j k
--- stdout
j: ASCII text
k: ASCII text

### shell scripts
printf '#!/bin/bash\necho\n' > a; printf '#!/bin/sh\necho\n' > b; printf '#!/usr/bin/env bash\n' > c; printf '#!/bin/zsh\n' > d; file a b c d
--- stdout
a: Bourne-Again shell script, ASCII text executable
b: POSIX shell script, ASCII text executable
c: Bourne-Again shell script, ASCII text executable
d: Paul Falstad's zsh script, ASCII text executable

### other scripts
printf '#!/usr/bin/python3\n' > a; printf '#!/usr/bin/env ruby\n' > b; printf '#!/usr/bin/perl\n' > c; printf '#!/usr/bin/env node\n' > d; printf '#!/usr/bin/awk -f\n' > e; printf '#!/usr/local/bin/foo\n' > f; file a b c d e f
--- stdout
a: Python script, ASCII text executable
b: Ruby script, ASCII text executable
c: Perl script text executable
d: Node.js script executable, ASCII text
e: awk script, ASCII text executable
f: a /usr/local/bin/foo script, ASCII text executable

### script variants
printf '#!/bin/bash\r\necho\r\n' > a; printf '#!/bin/bash\necho caf\xc3\xa9\n' > b; printf '#!/bin/bash' > c; file a b c
--- stdout
a: Bourne-Again shell script, ASCII text executable, with CRLF line terminators
b: Bourne-Again shell script, Unicode text, UTF-8 text executable
c: a /bin/bash script, ASCII text executable, with no line terminators

### png
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x20\x08\x06\x00\x00\x00' > i; file i
--- stdout
i: PNG image data, 16 x 32, 8-bit/color RGBA, non-interlaced

### gif
printf 'GIF89a\x10\x00\x20\x00' > g; file g
--- stdout
g: GIF image data, version 89a, 16 x 32

### pdf
printf '%%PDF-1.4\n' > p; file p
--- stdout
p: PDF document, version 1.4

### gzip header
printf '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03abcdefgh\x03\x00\x00\x00' > z; file z
--- stdout
z: gzip compressed data, from Unix, original size modulo 2^32 3

### gzip with name and date
printf '\x1f\x8b\x08\x08\x00\xe1\xf5\x5e\x02\x03t.txt\x00abcdefgh\x10\x00\x00\x00' > z; file z
--- stdout
z: gzip compressed data, was "t.txt", last modified: Fri Jun 26 11:50:24 2020, max compression, from Unix, original size modulo 2^32 16

### bzip2 and xz headers
printf 'BZh91AY&SY' > b; printf '\xfd7zXZ\x00\x00\x04\xe6\xd6' > x; file b x
--- stdout
b: bzip2 compressed data, block size = 900k
x: XZ compressed data, checksum CRC64

### tar header
{ printf t; head -c 147 /dev/zero; printf '002003\0 '; head -c 101 /dev/zero; printf 'ustar\00000'; head -c 247 /dev/zero; } > a.tar; file a.tar
--- stdout
a.tar: POSIX tar archive

### directory and links
mkdir d; touch t; ln -s t l; ln -s nowhere n; file d l n
--- stdout
d: directory
l: symbolic link to t
n: broken symbolic link to nowhere

### follow links
printf 'x\n' > t; ln -s t l; file -L l; file -h l
--- stdout
l: ASCII text
l: symbolic link to t

### fifo
mkfifo p; file p
--- stdout
p: fifo (named pipe)

### missing file
file nope; echo $?
--- stdout
nope: cannot open `nope' (No such file or directory)
0

### brief
printf 'x\n' > t; file -b t
--- stdout
ASCII text

### mime
printf 'x\n' > t; printf '{}\n' > j; mkdir d; : > e; printf '#!/bin/sh\n' > s; file -i t j d e s
--- stdout
t: text/plain; charset=us-ascii
j: application/json; charset=us-ascii
d: inode/directory; charset=binary
e: inode/x-empty; charset=binary
s: text/x-shellscript; charset=us-ascii

### mime type only
printf 'caf\xc3\xa9\n' > t; file --mime-type t; file --mime-encoding t
--- stdout
t: text/plain
t: utf-8

### separator and no pad
printf 'x\n' > t; printf 'y\n' > longer; file -F '|' t; file -N t longer
--- stdout
t| ASCII text
t: ASCII text
longer: ASCII text

### standard input
printf 'x\n' | file -
--- stdout
/dev/stdin: ASCII text

### no operand
file; echo $?
--- stdout
1
--- stderr
Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]

### file: an invalid option prints getopt's message and the usage
file --bogus; echo rc=$?; file -Y; echo rc=$?; file -F; echo rc=$?; file --separator; echo rc=$?
--- stdout
rc=1
rc=1
rc=1
rc=1
--- stderr
file: unrecognized option '--bogus'
Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
file: invalid option -- 'Y'
Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
file: option requires an argument -- 'F'
Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
file: option '--separator' requires an argument
Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
