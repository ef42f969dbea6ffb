# Here-documents.
### simple heredoc
cat <<EOF2
hello
world
EOF2
--- stdout
hello
world

### heredoc expansion
x=val
cat <<EOF2
x is $x
sum $((1+2))
cmd $(echo sub)
EOF2
--- stdout
x is val
sum 3
cmd sub

### quoted heredoc no expansion
x=val
cat <<'EOF2'
x is $x $(echo no)
EOF2
--- stdout
x is $x $(echo no)

### heredoc strip tabs
cat <<-EOF2
	indented
		more
	EOF2
--- stdout
indented
more

### heredoc in function
f() {
cat <<EOF2
in function $1
EOF2
}
f arg
--- stdout
in function arg

### heredoc in pipeline
cat <<EOF2 | wc -l
a
b
c
EOF2
--- stdout
3

### heredoc to while read
while read l; do echo "<$l>"; done <<EOF2
one
two
EOF2
--- stdout
<one>
<two>

### two heredocs
cat <<A; cat <<B
first
A
second
B
--- stdout
first
second

### heredoc with backslash
cat <<EOF2
a\$b \\ c
EOF2
--- stdout
a$b \ c

### heredoc quotes literal
cat <<EOF2
"quoted" 'single'
EOF2
--- stdout
"quoted" 'single'

### heredoc empty
cat <<EOF2
EOF2
echo after
--- stdout
after

### heredoc in command substitution
x=$(cat <<EOF2
inside
EOF2
)
echo $x
--- stdout
inside

### heredoc with redirect of fd
cat 3<<EOF2 <&3
via fd
EOF2
--- stdout
via fd

### heredoc dquote delimiter
cat <<"END"
$HOME literal
END
--- stdout
$HOME literal

### heredoc variable array
a=(x y)
cat <<EOF2
${a[1]} ${#a[@]}
EOF2
--- stdout
y 2

### heredoc in loop
for i in 1 2; do cat <<EOF2
line $i
EOF2
done
--- stdout
line 1
line 2

### here-document ended by end of file warns
cat <<EOF
line one
--- stdout
line one
--- stderr
vbash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')
