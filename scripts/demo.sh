#!/bin/bash
# The demo `make run` runs inside vbash (build/vbash scripts/demo.sh): files,
# pipes and commands, all in the session's in-memory filesystem. Nothing it
# writes reaches the host.

step() { printf '\n== %s\n' "$*"; }

step "Where am I?"
echo "user: $USER   home: $HOME   cwd: $(pwd)"
echo "shell: vbash (bash ${BASH_VERSION:-?} language)"

step "Make a small project in memory"
mkdir -p project/src project/docs
printf 'alpha\nbeta\ngamma\ndelta\nepsilon\n' > project/src/words.txt
printf '#!/bin/bash\necho "hello from a script"\n' > project/src/hello.sh
echo "vbash demo" > project/docs/README
ls -l project project/src | head -n 20

step "Pipes stream between commands"
cat project/src/words.txt | grep -v beta | head -n 3 | wc -l
yes "streaming" | head -n 2
seq 1 100000 | tail -n 1

step "Text tools"
grep -n 'a$' project/src/words.txt
cut -c1-3 project/src/words.txt | paste -s -d, -
awk '{ n += length($0) } END { print "letters:", n }' project/src/words.txt

step "Variables, loops and functions"
count_lines() { wc -l < "$1"; }
total=0
for f in project/src/words.txt project/docs/README; do
  n=$(count_lines "$f")
  total=$((total + n))
  printf '%-28s %3d lines\n' "$f" "$n"
done
echo "total: $total"

step "Copy, move, remove"
cp project/src/words.txt /tmp/words.bak
mv /tmp/words.bak /tmp/words.old
ls /tmp
rm /tmp/words.old
ls /tmp | wc -l

step "Errors look like bash's"
cat no-such-file
no-such-command
echo "last status: $?"

step "Done"
echo "Everything above happened inside the sandbox; the host was not touched."
