/*
 * Unit tests of the bash parser (interp/parser.c, interp/lexer.c): source
 * text -> ast_dump S-expression for the whole grammar, bash's syntax error
 * messages and lines, the incremental parser_next contract, aliases,
 * here-document warnings, limits, and linear cost on big scripts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/mem.h"
#include "interp/parser.h"
#include "t.h"

typedef struct dump_case {
    const char *src;
    const char *dump;
} dump_case;

typedef struct err_case {
    const char *src;
    int line;
    const char *msg;
    const char *src_line; /* NULL: bash prints no second line */
    int status;           /* bash's $? after the error; -1: not checked */
} err_case;

/* The aliases every dump case sees (as if `alias ll='ls -l'` ... ran). */
static const char *test_alias(void *ctx, const char *name)
{
    (void)ctx;
    static const char *const tab[][2] = {
        { "ll", "ls -l" },  { "s", "sudo " },   { "r1", "r2 x" },     { "r2", "r1 y" },
        { "e", "echo " },   { "lp", "lp lp" }, { "iff", "if true; then" },
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (strcmp(name, tab[i][0]) == 0)
            return tab[i][1];
    return NULL;
}

typedef struct warn_log {
    int n;
    int line;
    char msg[256];
} warn_log;

static void test_warn(void *ctx, int line, const char *msg)
{
    warn_log *w = ctx;
    w->n++;
    w->line = line;
    snprintf(w->msg, sizeof w->msg, "%s", msg);
}

static const dump_case dump_cases[] = {
    { "echo hi",
      "(list (simple echo hi))" },
    { "echo  a\tb   c",
      "(list (simple echo a b c))" },
    { "echo 'single $x'",
      "(list (simple echo 'single $x'))" },
    { "echo \"double $x ${y} $(z) `w` $((1+2))\"",
      "(list (simple echo \"double $x ${y} $((list (simple z))) `(list (simple w))` $((1+2))\"))" },
    { "echo \"a\\\"b\\\\c\\$d\\`e\\f\"",
      "(list (simple echo \"a\\\"b\\\\c\\$d\\`e\\\\f\"))" },
    { "echo a\\ b \\$x \\\\",
      "(list (simple echo a' 'b '$'x '\\\\'))" },
    { "echo $'a\\tb\\n\\x41\\101\\u00e9\\cA\\e\\''",
      "(list (simple echo 'a\\tb\\nAA\\xc3\\xa9\\x01\\x1b\\''))" },
    { "echo $\"hello $USER\"",
      "(list (simple echo $\"hello $USER\"))" },
    { "echo ''\"\"",
      "(list (simple echo ''\"\"))" },
    { "echo a'b'\"c\"$'d'",
      "(list (simple echo a'b'\"c\"'d'))" },
    { "echo $name $1 ${10} $@ $* $# $? $$ $! $- $_ $0",
      "(list (simple echo $name $1 ${10} $@ $* $# $? $$ $! $- $_ $0))" },
    { "echo $ $. a$",
      "(list (simple echo \\$ \\$. a\\$))" },
    { "echo ${x} ${#x} ${!x} ${x[1]} ${x[@]} ${#x[@]} ${!x[@]} ${!x[*]} ${!pre*} ${!pre@}",
      "(list (simple echo ${x} ${#x} ${!x} ${x[1]} ${x[@]} ${#x[@]} ${!x[@]} ${!x[*]} ${!pre*} ${!pre@}))" },
    { "echo ${x-a} ${x:-a} ${x=a} ${x:=a} ${x?a} ${x:?a} ${x+a} ${x:+a}",
      "(list (simple echo ${x-|a} ${x:-|a} ${x=|a} ${x:=|a} ${x?|a} ${x:?|a} ${x+|a} ${x:+|a}))" },
    { "echo ${x#a*} ${x##a*} ${x%b} ${x%%b}",
      "(list (simple echo ${x#|a*} ${x##|a*} ${x%|b} ${x%%|b}))" },
    { "echo ${x/a/b} ${x//a/b} ${x/#a/b} ${x/%a/b} ${x/a} ${x/a\\/b/c}",
      "(list (simple echo ${x/|a|b} ${x//|a|b} ${x/#|a|b} ${x/%|a|b} ${x/|a} ${x/|a'/'b|c}))" },
    { "echo ${x^} ${x^^} ${x,} ${x,,} ${x^[ab]}",
      "(list (simple echo ${x^|} ${x^^|} ${x,|} ${x,,|} ${x^|[ab]}))" },
    { "echo ${x~} ${x~~} ${x~[ab]} ${x~~'*'} ${a[@]~} ${!r~~} ${@~} \"${x~~\"a\"}\" ${#x~}",
      "(list (simple echo ${x~|} ${x~~|} ${x~|[ab]} ${x~~|'*'} ${a[@]~|} ${!r~~|} ${@~|} \"${x~~|\"a\"}\" ${BAD ${#x~}}))" },
    { "echo ${x:1} ${x:1:2} ${x: -1} ${x:(-2):1} ${x:$i:${#y}}",
      "(list (simple echo ${x:|1} ${x:|1|2} ${x:|\\ -1} ${x:|\\(-2\\)|1} ${x:|$i|${#y}}))" },
    { "echo ${x@Q} ${x@E} ${x@P} ${x@A} ${x@a} ${x@U} ${x@u} ${x@L} ${x@K} ${x@k}",
      "(list (simple echo ${x@Q} ${x@E} ${x@P} ${x@A} ${x@a} ${x@U} ${x@u} ${x@L} ${x@K} ${x@k}))" },
    { "echo ${x!} ${x:} ${#x:-a} ${1x} ${x@Z}",
      "(list (simple echo ${BAD ${x!}} ${BAD ${x:}} ${BAD ${#x:-a}} ${BAD ${1x}} ${BAD ${x@Z}}))" },
    { "echo ${#} ${##} ${#@} ${#*} ${@} ${*:1:2}",
      "(list (simple echo ${#} ${##} ${#@} ${#*} ${@} ${*:|1|2}))" },
    { "echo ${x:-${y:-\"d e\"}} \"${x:-'q'}\" ${x:-'q'}",
      "(list (simple echo ${x:-|${y:-|\"d e\"}} \"${x:-|\\'q\\'}\" ${x:-|'q'}))" },
    { "echo ${x:-{a}} ${x:-a}b}",
      "(list (simple echo ${x:-|\\{a}\\} ${x:-|a}b\\}))" },
    { "echo ${a[$i+1]} ${a[\"k\"]} ${a[i]:-z}",
      "(list (simple echo ${a[$i+1]} ${a[\"k\"]} ${a[i]:-|z}))" },
    { "echo $(echo a; echo b) $(\n"
        "echo multi\n"
        ")",
      "(list (simple echo $((list (simple echo a) (simple echo b))) $((list (simple echo multi)))))" },
    { "echo $(case x in a) echo a;; esac)",
      "(list (simple echo $((list (case x (a (list (simple echo a)) ;;))))))" },
    { "echo $( (sub) )",
      "(list (simple echo $((list (sub (list (simple sub)))))))" },
    { "echo $((a * (b + c))) $(( x > 1 ? 2 : 3 ))",
      "(list (simple echo $((a\\ *\\ \\(b\\ +\\ c\\))) $((\\ x\\ >\\ 1\\ ?\\ 2\\ :\\ 3\\ ))))" },
    { "echo `echo \\`inner\\` \\$x \\\\`",
      "(list (simple echo `(list (simple echo `(list (simple inner))` $x '\\\\'))`))" },
    { "echo \"`echo \\\"q\\\"`\"",
      "(list (simple echo \"`(list (simple echo \"q\"))`\"))" },
    { "diff <(ls a) >(cat)",
      "(list (simple diff <((list (simple ls a))) >((list (simple cat)))))" },
    { "a=1",
      "(list (simple a=1))" },
    { "a=1 b=2 cmd arg",
      "(list (simple a=1 b=2 cmd arg))" },
    { "a+=x b[2]=y c[k]+=z",
      "(list (simple a+=x b[2]=y c[k]+=z))" },
    { "a[1 + 2]=3",
      "(list (simple a[1\\ +\\ 2]=3))" },
    { "a=(1 2 \"three four\" [5]=six [k]=$v)",
      "(list (simple a=(1 2 \"three four\" [5]=six [k]=$v)))" },
    { "a=(\n"
        "  1 # comment\n"
        "  2\n"
        ")",
      "(list (simple a=(1 2)))" },
    { "a+=(x)",
      "(list (simple a+=(x)))" },
    { "declare -A m=([a]=1) x=2 -r y",
      "(list (simple declare -A [decl m=([a]=1)] [decl x=2] -r y))" },
    { "local v=$1 w",
      "(list (simple local [decl v=$1] w))" },
    { "export PATH=$PATH:/bin",
      "(list (simple export [decl PATH=$PATH:/bin]))" },
    { "x=~/a:~/b",
      "(list (simple x=~/a:~/b))" },
    { "cmd > out < in >> app 2> err 2>> err2 >| clob <> rw",
      "(list (simple cmd (> out) (< in) (>> app) (2> err) (2>> err2) (>| clob) (<> rw)))" },
    { "cmd 2>&1 >&2 1<&0 3>&- 4<&- 5>&6- >&file",
      "(list (simple cmd (2>& 1) (>& 2) (1<& 0) (3>& -) (4<& -) (5>& 6-) (&> file)))" },
    { "cmd &> all &>> all2",
      "(list (simple cmd (&> all) (&>> all2)))" },
    { "exec {fd}> file {rd}<&0",
      "(list (simple exec ({fd}> file) ({rd}<& 0)))" },
    { "cmd <<< \"here $string\"",
      "(list (simple cmd (<<< \"here $string\")))" },
    { "cat <<EOF\n"
        "line $x `cmd` \\$lit \\\\ \\x\n"
        "EOF",
      "(list (simple cat (<< line\\ $x\\ `(list (simple cmd))`\\ \\$lit\\ \\\\\\ \\\\x\\n)))" },
    { "cat <<'EOF'\n"
        "literal $x `cmd` \\n\n"
        "EOF",
      "(list (simple cat (<<q 'literal $x `cmd` \\\\n\\n')))" },
    { "cat <<\"EOF\"\n"
        "literal\n"
        "EOF",
      "(list (simple cat (<<q 'literal\\n')))" },
    { "cat <<\\EOF\n"
        "literal $x\n"
        "EOF",
      "(list (simple cat (<<q 'literal $x\\n')))" },
    { "cat <<E\"O\"F\n"
        "lit $x\n"
        "EOF",
      "(list (simple cat (<<q 'lit $x\\n')))" },
    { "cat <<-EOF\n"
        "\ttab stripped\n"
        "\t\ttwice\n"
        "\tEOF",
      "(list (simple cat (<<- tab\\ stripped\\ntwice\\n)))" },
    { "cat <<A <<B\n"
        "a body\n"
        "A\n"
        "b body\n"
        "B",
      "(list (simple cat (<< a\\ body\\n) (<< b\\ body\\n)))" },
    { "cat <<A; cat <<B\n"
        "a\n"
        "A\n"
        "b\n"
        "B",
      "(list (simple cat (<< a\\n)) (simple cat (<< b\\n)))" },
    { "cat <<EOF | grep x\n"
        "body\n"
        "EOF",
      "(list (pipe (simple cat (<< body\\n)) | (simple grep x)))" },
    { "x=$(cat <<EOF\n"
        "inner\n"
        "EOF\n"
        ")",
      "(list (simple x=$((list (simple cat (<< inner\\n))))))" },
    { "f() {\n"
        "  cat <<EOF\n"
        "  in function\n"
        "EOF\n"
        "}",
      "(list (function f (group (list (simple cat (<< \\ \\ in\\ function\\n))))))" },
    { "cat <<EOF\n"
        "$(echo in body)\n"
        "EOF",
      "(list (simple cat (<< $((list (simple echo in body)))\\n)))" },
    { "cat <<EOF\n"
        "cont\\\n"
        "inued\n"
        "EOF",
      "(list (simple cat (<< continued\\n)))" },
    { "a | b | c",
      "(list (pipe (simple a) | (simple b) | (simple c)))" },
    { "a |& b",
      "(list (pipe (simple a) |& (simple b)))" },
    { "! a | b",
      "(list (pipe ! (simple a) | (simple b)))" },
    { "time a | b",
      "(list (pipe time (simple a) | (simple b)))" },
    { "time -p a",
      "(list (pipe time-p (simple a)))" },
    { "! time a",
      "(list (pipe time ! (simple a)))" },
    { "a &&\n"
        "b ||\n"
        "c",
      "(list (|| (&& (simple a) (simple b)) (simple c)))" },
    { "a & b; c &",
      "(list (simple a) & (simple b) (simple c) &)" },
    { "a; b\n"
        "c",
      "(list (simple a) (simple b) (simple c))" },
    { "{ a; b; }",
      "(list (group (list (simple a) (simple b))))" },
    { "{ a; } > out",
      "(list (group (list (simple a)) (> out)))" },
    { "( a; b )",
      "(list (sub (list (simple a) (simple b))))" },
    { "(a) | (b)",
      "(list (pipe (sub (list (simple a))) | (sub (list (simple b)))))" },
    { "if a; then b; fi",
      "(list (if (list (simple a)) (list (simple b))))" },
    { "if a; then b; else c; fi",
      "(list (if (list (simple a)) (list (simple b)) (list (simple c))))" },
    { "if a\n"
        "then\n"
        "  b\n"
        "elif c; then d\n"
        "elif e; then f\n"
        "else g\n"
        "fi",
      "(list (if (list (simple a)) (list (simple b)) (if (list (simple c)) (list (simple d)) (if (list (simple echo)) (list (simple f)) (list (simple g))))))" },
    { "while a; do b; done",
      "(list (while (list (simple a)) (list (simple b))))" },
    { "until a; do b; done",
      "(list (until (list (simple a)) (list (simple b))))" },
    { "while read x; do echo $x; done < file",
      "(list (while (list (simple read x)) (list (simple echo $x)) (< file)))" },
    { "for i in a b c; do echo $i; done",
      "(list (for i (in a b c) (list (simple echo $i))))" },
    { "for i in; do :; done",
      "(list (for i (in) (list (simple :))))" },
    { "for i; do :; done",
      "(list (for i (list (simple :))))" },
    { "for i do :; done",
      "(list (for i (list (simple :))))" },
    { "for i\n"
        "do :; done",
      "(list (for i (list (simple :))))" },
    { "for i in a b; { echo $i; }",
      "(list (for i (in a b) (group (list (simple echo $i)))))" },
    { "for ((i = 0; i < 10; i++)); do echo $i; done",
      "(list (for((i\\ =\\ 0;\\ i\\ <\\ 10;\\ i++)) (list (simple echo $i))))" },
    { "for ((;;)); do break; done",
      "(list (for((;;)) (list (simple break))))" },
    { "for ((i=0; i<2; i++)) { :; }",
      "(list (for((i=0;\\ i<2;\\ i++)) (group (list (simple :)))))" },
    { "select x in a b; do break; done",
      "(list (select x (in a b) (list (simple break))))" },
    { "select x; do :; done",
      "(list (select x (list (simple :))))" },
    { "case $x in a) echo a;; b|c) echo bc;; *) echo other;; esac",
      "(list (case $x (a (list (simple echo a)) ;;) (b|c (list (simple echo bc)) ;;) (* (list (simple echo other)) ;;)))" },
    { "case $x in (a) x;; (b|c) y;& d) z;;& esac",
      "(list (case $x (a (list (simple x)) ;;) (b|c (list (simple y)) ;&) (d (list (simple z)) ;;&)))" },
    { "case x in\n"
        "  a)\n"
        "    echo a\n"
        "    ;;\n"
        "  *) ;;\n"
        "esac",
      "(list (case x (a (list (simple echo a)) ;;) (* () ;;)))" },
    { "case x in esac",
      "(list (case x))" },
    { "case x in a) echo; esac",
      "(list (case x (a (list (simple echo)) ;;)))" },
    { "case \"$x\" in \"a b\"|'c'|$y|[fg]*) ;; esac",
      "(list (case \"$x\" (\"a b\"|'c'|$y|[fg]* () ;;)))" },
    { "[[ -f file ]]",
      "(list ([[ (-f file) ]]))" },
    { "[[ $a == b* ]]",
      "(list ([[ (== $a b*) ]]))" },
    { "[[ $a = \"b*\" ]]",
      "(list ([[ (= $a \"b*\") ]]))" },
    { "[[ $a != b && -n $c || ! -z $d ]]",
      "(list ([[ (|| (&& (!= $a b) (-n $c)) (! (-z $d))) ]]))" },
    { "[[ ( a || b ) && c ]]",
      "(list ([[ (&& (|| a b) c) ]]))" },
    { "[[ $x =~ ^(a|b)+[[:space:]]*$ ]]",
      "(list ([[ (=~ $x ^\\(a\\|b\\)+[[:space:]]*\\$) ]]))" },
    { "[[ $x =~ a\\ b ]]",
      "(list ([[ (=~ $x a' 'b) ]]))" },
    { "[[ $x =~ (a b) ]]",
      "(list ([[ (=~ $x \\(a\\ b\\)) ]]))" },
    { "[[ a < b ]]",
      "(list ([[ (< a b) ]]))" },
    { "[[ a > b ]]",
      "(list ([[ (> a b) ]]))" },
    { "[[ 1 -eq 2 || 3 -lt 4 || a -nt b ]]",
      "(list ([[ (|| (|| (-eq 1 2) (-lt 3 4)) (-nt a b)) ]]))" },
    { "[[ -v x ]] && [[ -o errexit ]]",
      "(list (&& ([[ (-v x) ]]) ([[ (-o errexit) ]])))" },
    { "[[ a &&\n"
        "   b ]]",
      "(list ([[ (&& a b) ]]))" },
    { "[[ $x ]]",
      "(list ([[ $x ]]))" },
    { "[[ $x == @(a|b) ]]",
      "(list ([[ (== $x @\\(a\\|b\\)) ]]))" },
    { "(( x = 1 + 2 ))",
      "(list (((\\ x\\ =\\ 1\\ +\\ 2\\ ))))" },
    { "(( x++ )) && ((y--))",
      "(list (&& (((\\ x++\\ ))) (((y--)))))" },
    { "((a[1] = $b * 2))",
      "(list (((a[1]\\ =\\ $b\\ *\\ 2))))" },
    { "f() { echo f; }",
      "(list (function f (group (list (simple echo f)))))" },
    { "f () { echo f; }",
      "(list (function f (group (list (simple echo f)))))" },
    { "f() ( echo sub )",
      "(list (function f (sub (list (simple echo sub)))))" },
    { "f()\n"
        "{\n"
        "  :\n"
        "}",
      "(list (function f (group (list (simple :)))))" },
    { "function g { echo g; }",
      "(list (function g (group (list (simple echo g)))))" },
    { "function g() { echo g; }",
      "(list (function g (group (list (simple echo g)))))" },
    { "function h ( echo; )",
      "(list (function h (sub (list (simple echo)))))" },
    { "f() { :; } > out 2>&1",
      "(list (function f (group (list (simple :)) (> out) (2>& 1))))" },
    { "f() if true; then :; fi",
      "(list (function f (if (list (simple true)) (list (simple :)))))" },
    { "function a.b-c { :; }",
      "(list (function a.b-c (group (list (simple :)))))" },
    { "coproc cat",
      "(list (coproc COPROC (simple cat)))" },
    { "coproc { cat; }",
      "(list (coproc COPROC (group (list (simple cat)))))" },
    { "coproc NAME { cat; }",
      "(list (coproc NAME (group (list (simple cat)))))" },
    { "coproc NAME ( cat )",
      "(list (coproc NAME (sub (list (simple cat)))))" },
    { "coproc cat > out",
      "(list (coproc COPROC (simple cat (> out))))" },
    { "echo a # comment",
      "(list (simple echo a))" },
    { "# just a comment\n"
        "echo b",
      "(list (simple echo b))" },
    { "echo a#b",
      "(list (simple echo a#b))" },
    { "echo a\\\n"
        "b",
      "(list (simple echo ab))" },
    { "ec\\\n"
        "ho hi",
      "(list (simple echo hi))" },
    { "if true; then echo x; fi; echo if then fi",
      "(list (if (list (simple true)) (list (simple echo x))) (simple echo if then fi))" },
    { "echo { } then do",
      "(list (simple echo \\{ \\} then do))" },
    { "x=1 if",
      "(list (simple x=1 if))" },
    { "echo }",
      "(list (simple echo \\}))" },
    { "{ echo }; }",
      "(list (group (list (simple echo \\}))))" },
    { "! true",
      "(list (pipe ! (simple true)))" },
    { "!",
      "(list (pipe !))" },
    { "time",
      "(list (pipe time))" },
    { "echo ~ ~/x ~user a~",
      "(list (simple echo ~ ~/x ~user a~))" },
    { "echo *.c ?x [ab]",
      "(list (simple echo *.c ?x [ab]))" },
    { "3>x echo",
      "(list (simple echo (3> x)))" },
    { "echo 2>x 2 >x a2>x",
      "(list (simple echo 2 a2 (2> x) (> x) (> x)))" },
    { "echo {a}>x",
      "(list (simple echo ({a}> x)))" },
    { "echo <(a)<(b)",
      "(list (simple echo <((list (simple a)))<((list (simple b)))))" },
    { "echo $((1)) $(( (1) ))",
      "(list (simple echo $((1)) $((\\ \\(1\\)\\ ))))" },
    { "echo $((echo) )",
      "(list (simple echo $((list (sub (list (simple echo)))))))" },
    { ": ${x:=$(echo \"a)b\")}",
      "(list (simple : ${x:=|$((list (simple echo \"a)b\")))}))" },
    { "echo \"$(echo \"nested \"quotes\"\")\"",
      "(list (simple echo \"$((list (simple echo \"nested \"quotes\"\")))\"))" },
    { "echo \"${x:-\"a b\"}\"",
      "(list (simple echo \"${x:-|\"a b\"}\"))" },
    { "echo ${x:-$'\\n'}",
      "(list (simple echo ${x:-|'\\n'}))" },
    { "echo \"${x/\"a\"/b}\" \"${x#'a'}\"",
      "(list (simple echo \"${x/|\"a\"|b}\" \"${x#|'a'}\"))" },
    { "a=b; b=c",
      "(list (simple a=b) (simple b=c))" },
    { "a &",
      "(list (simple a) &)" },
    { "a && b &",
      "(list (&& (simple a) (simple b)) &)" },
    { "case a in a) ;; esac; echo next",
      "(list (case a (a () ;;)) (simple echo next))" },
    { "for x in a; do for y in b; do :; done; done",
      "(list (for x (in a) (list (for y (in b) (list (simple :))))))" },
    { "while :; do if a; then break; fi; done",
      "(list (while (list (simple :)) (list (if (list (simple a)) (list (simple break))))))" },
    { "a=(1 2) echo",
      "(list (simple a=(1 2) echo))" },
    { "\"quoted\" cmd",
      "(list (simple \"quoted\" cmd))" },
    { "'if' true",
      "(list (simple 'if' true))" },
    { "\\if true",
      "(list (simple 'i'f true))" },
    { "echo $((x)) $[y]",
      "(list (simple echo $((x)) $((y))))" },
    { "local words=(\"${COMP_WORDS[@]}\") n=1",
      "(list (simple local [decl words=(\"${COMP_WORDS[@]}\")] [decl n=1]))" },
    { "x=\"${rest%%\\'*}\" y=\"${a/\\\"/q}\"",
      "(list (simple x=\"${rest%%|\\\\\\'*}\" y=\"${a/|\\\"|q}\"))" },
    { "case \"$c\" in \\\\) echo bs;; \\') echo q;; esac",
      "(list (case \"$c\" ('\\\\' (list (simple echo bs)) ;;) ('\\'' (list (simple echo q)) ;;)))" },
    { "echo \"${x:-'}'}\" \"${x:-a\\}b}\"",
      "(list (simple echo \"${x:-|\\'\\}\\'}\" \"${x:-|a\\}b}\"))" },
    { ">out ll",
      "(list (simple ls -l (> out)))" },
    { "s ll",
      "(list (simple sudo ls -l))" },
    { "r1",
      "(list (simple r1 y x))" },
    { "e ll",
      "(list (simple echo ls -l))" },
    { "lp a",
      "(list (simple lp lp a))" },
    { "echo ll; ll",
      "(list (simple echo ll) (simple ls -l))" },
    { "echo `fi` after",
      "(list (simple echo `ERROR` after))" },
    { "echo \"${x//[^a-z{]/}\"",
      "(list (simple echo \"${x//|[^a-z\\{]|}\"))" },
    { "echo ${!x[@} y",
      "(list (simple echo ${BAD ${!x[@}} y))" },
    { "echo ${a[))i]:-z}",
      "(list (simple echo ${a[\\)\\)i]:-|z}))" },
    { "done[[ $x =~ (a b ]]\n"
        "",
      "(list (simple done[[\\ $x\\ =~\\ \\(a\\ b\\ ]]))" },
};

/* Expected texts recorded from GNU bash 5.2.15 with: bash -c '<src>' (stderr:
 * "bash: -c: line N: MSG" and, when present, "bash: -c: line N: `SRC'"),
 * and bash's exit status (-1: not checked, bash's status there is not the parser's). */
static const err_case err_cases[] = {
    { "echo 'abc", 1,
      "unexpected EOF while looking for matching `''", NULL, 2 },
    { "echo \"abc", 1,
      "unexpected EOF while looking for matching `\"'", NULL, 2 },
    { "if true; then echo; fi fi", 1,
      "syntax error near unexpected token `fi'", "if true; then echo; fi fi", 2 },
    { "echo a\n"
        "fi\n"
        "echo b", 2,
      "syntax error near unexpected token `fi'", "fi", 2 },
    { "if true\n"
        "then\n"
        "echo", 4,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo $(", 2,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "echo ${", 1,
      "unexpected EOF while looking for matching `}'", NULL, 2 },
    { "echo `abc", 1,
      "unexpected EOF while looking for matching ``'", NULL, 2 },
    { "a |", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo >", 1,
      "syntax error near unexpected token `newline'", "echo >", 2 },
    { "echo a; ;", 1,
      "syntax error near unexpected token `;'", "echo a; ;", 2 },
    { "(", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { ")", 1,
      "syntax error near unexpected token `)'", ")", 2 },
    { "echo ((", 1,
      "syntax error near unexpected token `('", "echo ((", 2 },
    { "echo a\n"
        "\n"
        "  foo )  bar", 3,
      "syntax error near unexpected token `)'", "  foo )  bar", 2 },
    { "case x in", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "f() echo", 1,
      "syntax error near unexpected token `echo'", "f() echo", 2 },
    { "echo $((1+", 1,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "a=(1", 1,
      "unexpected EOF while looking for matching `)'", NULL, -1 },
    { "[[ a", 1,
      "unexpected token `newline', conditional binary operator expected", NULL, 2 },
    { "for x in a b; echo; done", 1,
      "syntax error near unexpected token `echo'", "for x in a b; echo; done", 2 },
    { "{ echo; ", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo ${x", 1,
      "unexpected EOF while looking for matching `}'", NULL, 2 },
    { "echo \"${x", 1,
      "unexpected EOF while looking for matching `}'", NULL, 2 },
    { "x=$(case a in a) echo ;; esac", 2,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "[[ ( a ]]", 1,
      "unexpected token `]]', expected `)'", NULL, 0 },
    { "[[ a == b", 1,
      "unexpected EOF while looking for `]]'", NULL, 2 },
    { "if true; then\n"
        " echo )\n"
        "fi", 2,
      "syntax error near unexpected token `)'", " echo )", 2 },
    { "true;\n"
        "(( 1 +", 2,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "f() {\n"
        " echo\n"
        "}}", 4,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo a |& ;", 1,
      "syntax error near unexpected token `;'", "echo a |& ;", 2 },
    { "true | ! false", 1,
      "syntax error near unexpected token `!'", "true | ! false", 2 },
    { "echo a; 2>", 1,
      "syntax error near unexpected token `newline'", "echo a; 2>", 2 },
    { "a=(1 ; 2)", 1,
      "syntax error near unexpected token `;'", "a=(1 ; 2)", -1 },
    { "select", 1,
      "syntax error near unexpected token `newline'", "select", 2 },
    { "case x in a) ;; esac esac", 1,
      "syntax error near unexpected token `esac'", "case x in a) ;; esac esac", 2 },
    { "{ echo }", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "if true; then fi", 1,
      "syntax error near unexpected token `fi'", "if true; then fi", 2 },
    { "while do done", 1,
      "syntax error near unexpected token `do'", "while do done", 2 },
    { "{ }", 1,
      "syntax error near unexpected token `}'", "{ }", 2 },
    { "( )", 1,
      "syntax error near unexpected token `)'", "( )", 2 },
    { "function", 1,
      "syntax error near unexpected token `newline'", "function", 2 },
    { "function f", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "coproc", 1,
      "syntax error near unexpected token `newline'", "coproc", 2 },
    { "a && || b", 1,
      "syntax error near unexpected token `||'", "a && || b", 2 },
    { "echo <<<", 1,
      "syntax error near unexpected token `newline'", "echo <<<", 2 },
    { "cat <<", 1,
      "syntax error near unexpected token `newline'", "cat <<", 2 },
    { "echo 'a\n"
        "b\n"
        "c", 1,
      "unexpected EOF while looking for matching `''", NULL, 2 },
    { "echo $(a\n"
        "b\n"
        "c", 4,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "a |\n"
        "", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "[[ a ==\n"
        "b", 1,
      "unexpected argument `newline' to conditional binary operator", NULL, 0 },
    { "[[ -f ]]", 1,
      "unexpected argument `]]' to conditional unary operator", NULL, 0 },
    { "[[ a b ]]", 1,
      "conditional binary operator expected", NULL, 0 },
    { "[[ -f = x ]]", 1,
      "syntax error in conditional expression", NULL, 0 },
    { "case a in (a|b) echo;; c ) ;; d echo", 1,
      "syntax error near unexpected token `echo'", "case a in (a|b) echo;; c ) ;; d echo", 2 },
    { "if then fi", 1,
      "syntax error near unexpected token `then'", "if then fi", 2 },
    { "echo done; done", 1,
      "syntax error near unexpected token `done'", "echo done; done", 2 },
    { "x=1 | ;", 1,
      "syntax error near unexpected token `;'", "x=1 | ;", 2 },
    { "echo &&", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo a & & b", 1,
      "syntax error near unexpected token `&'", "echo a & & b", 2 },
    { "echo >& ", 1,
      "syntax error near unexpected token `newline'", "echo >& ", 2 },
    { "echo $(fi)", 1,
      "syntax error near unexpected token `fi'", "echo $(fi)", -1 },
    { "echo $(echo a; fi)", 1,
      "syntax error near unexpected token `fi'", "echo $(echo a; fi)", -1 },
    { "echo \"$(case x in x) echo ;; esac\"", 1,
      "unexpected EOF while looking for matching `\"'", NULL, 2 },
    { "foo() bar() { :; }", 1,
      "syntax error near unexpected token `bar'", "foo() bar() { :; }", 2 },
    { "function f { :; ", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "while :; do :;", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "case x in esac esac", 1,
      "syntax error near unexpected token `esac'", "case x in esac esac", 2 },
    { "echo ${x:-a", 1,
      "unexpected EOF while looking for matching `}'", NULL, 2 },
    { "echo $((1+2)", 1,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "echo $( (a) ", 2,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "a=b c=(d", 1,
      "unexpected EOF while looking for matching `)'", NULL, -1 },
    { "for x in a b\n"
        "do", 3,
      "syntax error: unexpected end of file", NULL, 2 },
    { "until", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "time |", 1,
      "syntax error near unexpected token `|'", "time |", 2 },
    { "! |", 1,
      "syntax error near unexpected token `|'", "! |", 2 },
    { "echo | | b", 1,
      "syntax error near unexpected token `|'", "echo | | b", 2 },
    { "then", 1,
      "syntax error near unexpected token `then'", "then", 2 },
    { "esac", 1,
      "syntax error near unexpected token `esac'", "esac", 2 },
    { "echo a >\n"
        "echo b", 1,
      "syntax error near unexpected token `newline'", "echo a >", 2 },
    { "f(", 1,
      "syntax error near unexpected token `newline'", "f(", 2 },
    { "f() ", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "if true; then :; elif; fi", 1,
      "syntax error near unexpected token `;'", "if true; then :; elif; fi", 2 },
    { "echo ;;", 1,
      "syntax error near unexpected token `;;'", "echo ;;", 2 },
    { "echo ) ", 1,
      "syntax error near unexpected token `)'", "echo ) ", 2 },
    { "echo (a)", 1,
      "syntax error near unexpected token `a'", "echo (a)", 2 },
    { "a () ( :", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo a;;", 1,
      "syntax error near unexpected token `;;'", "echo a;;", 2 },
    { "case x in a) echo;;; esac", 1,
      "syntax error near unexpected token `;'", "case x in a) echo;;; esac", 2 },
    { "if; then :; fi", 1,
      "syntax error near unexpected token `;'", "if; then :; fi", 2 },
    { "for x in a b", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "for x in a b; do", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "[[ a -eq ]]", 1,
      "unexpected argument `]]' to conditional binary operator", NULL, 0 },
    { "echo ${x", 1,
      "unexpected EOF while looking for matching `}'", NULL, 2 },
    { "echo \"${x\"", 1,
      "unexpected EOF while looking for matching `\"'", NULL, 2 },
    { "f() { ; }", 1,
      "syntax error near unexpected token `;'", "f() { ; }", 2 },
    { "{ ; }", 1,
      "syntax error near unexpected token `;'", "{ ; }", 2 },
    { "( ; )", 1,
      "syntax error near unexpected token `;'", "( ; )", 2 },
    { "echo a |", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo a &&", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "| a", 1,
      "syntax error near unexpected token `|'", "| a", 2 },
    { "&& a", 1,
      "syntax error near unexpected token `&&'", "&& a", 2 },
    { "; a", 1,
      "syntax error near unexpected token `;'", "; a", 2 },
    { "& a", 1,
      "syntax error near unexpected token `&'", "& a", 2 },
    { "a & ;", 1,
      "syntax error near unexpected token `;'", "a & ;", 2 },
    { "a ;& b", 1,
      "syntax error near unexpected token `;&'", "a ;& b", 2 },
    { "a >", 1,
      "syntax error near unexpected token `newline'", "a >", 2 },
    { "a > > b", 1,
      "syntax error near unexpected token `>'", "a > > b", 2 },
    { "a 2>&", 1,
      "syntax error near unexpected token `newline'", "a 2>&", 2 },
    { "echo )", 1,
      "syntax error near unexpected token `)'", "echo )", 2 },
    { "}", 1,
      "syntax error near unexpected token `}'", "}", 2 },
    { "done", 1,
      "syntax error near unexpected token `done'", "done", 2 },
    { "do", 1,
      "syntax error near unexpected token `do'", "do", 2 },
    { "in", 1,
      "syntax error near unexpected token `in'", "in", 2 },
    { "echo a b c )", 1,
      "syntax error near unexpected token `)'", "echo a b c )", 2 },
    { "((", 1,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "))", 1,
      "syntax error near unexpected token `)'", "))", 2 },
    { "[[", 2,
      "unexpected token `EOF' in conditional command", NULL, 2 },
    { "]]\n"
        "", 1,
      "syntax error near unexpected token `]]'", "]]", 2 },
    { "echo \"$(echo", 2,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "echo \"`echo", 1,
      "unexpected EOF while looking for matching ``'", NULL, 2 },
    { "echo \"$((1", 1,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "echo \"${x:-'a}\"", 1,
      "unexpected EOF while looking for matching `''", NULL, 2 },
    { "echo \"${x:-$(}\"", 1,
      "unexpected EOF while looking for matching `\"'", NULL, 2 },
    { "[[ a && ", 2,
      "unexpected token `EOF' in conditional command", NULL, 2 },
    { "[[ -f", 1,
      "unexpected argument `newline' to conditional unary operator", NULL, 2 },
    { "[[ a ==", 1,
      "unexpected argument `newline' to conditional binary operator", NULL, 2 },
    { "[[ a ||\n"
        "", 2,
      "unexpected token `EOF' in conditional command", NULL, 2 },
    { "echo ${x:-\"a", 1,
      "unexpected EOF while looking for matching `\"'", NULL, 2 },
    { "> out { echo; }", 1,
      "syntax error near unexpected token `}'", "> out { echo; }", 2 },
    { "echo a | ", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "coproc X { echo; ", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "select x in a b", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "f() { echo; } }", 1,
      "syntax error near unexpected token `}'", "f() { echo; } }", 2 },
    { "echo $((1 + 2)) )", 1,
      "syntax error near unexpected token `)'", "echo $((1 + 2)) )", 2 },
    { "while true; do echo; done done", 1,
      "syntax error near unexpected token `done'", "while true; do echo; done done", 2 },
    { "case x in a) echo;; b) echo;; esac;;", 1,
      "syntax error near unexpected token `;;'", "case x in a) echo;; b) echo;; esac;;", 2 },
    { "[[ a == b ]] ]]", 1,
      "syntax error near unexpected token `]]'", "[[ a == b ]] ]]", 2 },
    { "(( 1 + 2 )) ))", 1,
      "syntax error near unexpected token `)'", "(( 1 + 2 )) ))", 2 },
    { "echo \"unterminated $(echo \"x)", 1,
      "unexpected EOF while looking for matching `\"'", NULL, 2 },
    { "for x in a b c d; do echo $x", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "until false\n"
        "do", 3,
      "syntax error: unexpected end of file", NULL, 2 },
    { "if true; then echo; else", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "if true; then echo; elif", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "{ { echo; }", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "echo ${x/a/b", 1,
      "unexpected EOF while looking for matching `}'", NULL, 2 },
    { "echo ${x:-$(echo}", 2,
      "unexpected EOF while looking for matching `)'", NULL, 2 },
    { "x=(a b\n"
        "c d", 1,
      "unexpected EOF while looking for matching `)'", NULL, -1 },
    { "echo a >> ", 1,
      "syntax error near unexpected token `newline'", "echo a >> ", 2 },
    { "echo a 2>&", 1,
      "syntax error near unexpected token `newline'", "echo a 2>&", 2 },
    { "cat <<< ", 1,
      "syntax error near unexpected token `newline'", "cat <<< ", 2 },
    { "function f() echo", 1,
      "syntax error near unexpected token `echo'", "function f() echo", 2 },
    { "echo foo |& ", 2,
      "syntax error: unexpected end of file", NULL, 2 },
    { "& ", 1,
      "syntax error near unexpected token `&'", "& ", 2 },
    { "echo a && ; ", 1,
      "syntax error near unexpected token `;'", "echo a && ; ", 2 },
    { "echo $'abc", 1,
      "unexpected EOF while looking for matching `''", NULL, 2 },
    { "echo $\"abc", 1,
      "unexpected EOF while looking for matching `\"'", NULL, 2 },
    { "a[1=2", 1,
      "unexpected EOF while looking for matching `]'", NULL, 2 },
    { "echo `a\n"
        "b\n"
        "", 1,
      "unexpected EOF while looking for matching ``'", NULL, 2 },
    { "echo ${#a`[@]}\n"
        "", 1,
      "unexpected EOF while looking for matching ``'", NULL, 2 },
};

/* Accepted by GNU bash 5.2.15: bash -n -c '<src>' exits 0 with no output. */
static const char *const ok_cases[] = {
    "echo $(( 1 + $(echo 2) ))",
    "echo $(echo \")\")",
    "echo $(echo '(')",
    "echo $( echo # comment )\n"
        ")",
    "echo $(cat <<'X'\n"
        ")\n"
        "X\n"
        ")",
    "echo \"$(echo \"$(echo \"deep\")\")\"",
    "case x in (x) echo;; esac",
    "case x in x|y) ;; (z|w) ;; esac",
    "case x in\n"
        "x)\n"
        ";;\n"
        "esac",
    "case $(echo) in *) ;; esac",
    "x=$(case x in x) echo a ;; esac; echo b)",
    "for x in $(seq 3); do echo; done",
    "if (( 1 )); then :; fi",
    "while [[ -n $x ]]; do :; done",
    "[[ $a == \"$b\" && ( $c =~ ^[0-9]+$ ) ]]",
    "[[ -n \"$x\" ]] || { echo; exit 1; }",
    "f() { :; }; f",
    "f() ( : ); f",
    "a=( $(echo 1) \"${b[@]}\" )",
    "echo ${a[@]:1:2} ${a[*]} \"${a[@]/x/y}\"",
    "echo ${#a[@]} ${!a[@]}",
    "(( a[1]++ ))",
    "let x=1+2",
    "x+=([k]=v)",
    "echo $(( 2#101 + 0x1f + 010 ))",
    "echo 'it'\\''s'",
    "echo \"a\"'b'c\\ d",
    "echo \\\"",
    "echo \"\\\\\"",
    "echo $'\\''",
    "echo $'a\\'b'",
    "echo \"$\"",
    "echo \"$ x\"",
    "echo $((1))$((2))",
    "echo {1..10} {a,b}{c,d}",
    "cat <<< $x",
    "exec 3<>file",
    "exec 3>&-",
    "echo >&2 err",
    "cmd | while read l; do echo $l; done",
    "{ cmd; } 2>/dev/null || true",
    "trap 'echo hi' EXIT",
    "echo a; echo b &\n"
        "wait",
    "! { false; }",
    "time { sleep 0; }",
    "coproc { echo hi; }",
    "select x in a; do break; done",
    "echo a\\",
    "echo done",
    "echo fi then esac",
    "x=$'a\\nb'",
    "echo $\"x\"",
    "echo ${x:-}",
    "echo ${x:+\"$x\"}",
    "echo \"${x//[^a-z]/}\"",
    "echo \"${x%%/*}\" \"${x##*/}\"",
    "echo ${x,,[A-Z]} ${x^^[a-z]}",
    "echo ${!x}",
    "echo ${!prefix@}",
    "echo \"${@:2}\" \"${*:1:1}\"",
    "declare -A m; m[key]=val; echo ${m[key]}",
    "a[0]=x a[1]=y",
    "read -r -a arr <<< \"a b\"",
    "printf '%s\\n' \"${arr[@]}\"",
    "if true; then\n"
        "  :\n"
        "fi &",
    "while :; do break; done | cat",
    "for i in 1 2; do :; done > /dev/null",
    "f() {\n"
        "  local x\n"
        "  return 0\n"
        "}",
    "function f {\n"
        "  echo\n"
        "}",
    "echo a && { echo b; } || echo c",
    "echo a | { read x; echo $x; }",
    "(cd /tmp && ls)",
    "echo $((x=5, y=x*2))",
    "((x>0)) && echo pos",
    "for ((i=0,j=10; i<j; i++,j--)); do :; done",
    "echo `echo \\`echo a\\``",
    "echo \"`echo '\\\"'`\"",
    ": <<'END'\n"
        "comment block $x `y`\n"
        "END",
    "cat <<EOF1; cat <<EOF2\n"
        "a\n"
        "EOF1\n"
        "b\n"
        "EOF2",
    "{ cat <<EOF\n"
        "in group\n"
        "EOF\n"
        "}",
    "if cat <<EOF\n"
        "x\n"
        "EOF\n"
        "then :; fi",
    "cat <<EOF &&\n"
        "x\n"
        "EOF\n"
        "echo ok",
    "x=1; [[ $x -eq 1 ]] && echo one",
    "[[ \"a b\" == a\\ b ]]",
    "[[ a =~ ^a$ ]]",
    "[[ $x =~ [[:alpha:]] ]]",
    "[[ $x =~ (foo|bar)baz ]]",
    "[[ $x =~ a|b ]]",
    "[[ ! -e /x && ! ( -d /y ) ]]",
    "echo a >| b",
    "echo {fd}>&1",
    "exec {fd}<&-",
    "echo 1>&2",
    "echo - >&-",
    "cat 0<file",
    "f 2>&1 >/dev/null | cat",
    "echo $((\n"
        "1 +\n"
        "2\n"
        "))",
    "echo $(\n"
        "# comment\n"
        "echo x\n"
        ")",
    "arr=(\n"
        "# leading comment\n"
        "a # trailing\n"
        "b\n"
        ")",
    "echo \"a\n"
        "b\"",
    "echo 'a\n"
        "b'",
    "case x in a) echo;; b) esac",
    "echo $(( 1 + ))",
    "echo }",
    "echo \"${x:-'}'}\"\n"
        "",
};

static char *dump_src(mem_heap *h, const char *src, const parser_opts *o, parse_error *e)
{
    ast_node *n = NULL;
    if (parse_all(h, src, strlen(src), o, &n, e) != 0)
        return NULL;
    vbuf b;
    vbuf_init(&b, h);
    ast_dump(n, &b);
    return vbuf_take(&b, NULL);
}

static void test_dumps(void)
{
    for (size_t i = 0; i < sizeof dump_cases / sizeof dump_cases[0]; i++) {
        mem_heap *h = mem_heap_new(0);
        parser_opts o = { 0 };
        o.alias = test_alias;
        parse_error e = { 0 };
        char *d = dump_src(h, dump_cases[i].src, &o, &e);
        T_CHECK_MSG(d && strcmp(d, dump_cases[i].dump) == 0, "case %zu: %s\n  want %s\n  got  %s",
                    i, dump_cases[i].src, dump_cases[i].dump, d ? d : e.msg ? e.msg : "(null)");
        mem_heap_destroy(h);
    }
}

static void test_ok_cases(void)
{
    for (size_t i = 0; i < sizeof ok_cases / sizeof ok_cases[0]; i++) {
        mem_heap *h = mem_heap_new(0);
        ast_node *n;
        parse_error e = { 0 };
        int rc = parse_all(h, ok_cases[i], strlen(ok_cases[i]), NULL, &n, &e);
        T_CHECK_MSG(rc == 0, "ok case %zu: %s: %s", i, ok_cases[i], e.msg ? e.msg : "");
        mem_heap_destroy(h);
    }
}

static void test_errors(void)
{
    for (size_t i = 0; i < sizeof err_cases / sizeof err_cases[0]; i++) {
        const err_case *c = &err_cases[i];
        mem_heap *h = mem_heap_new(0);
        parser *p = parser_new(h, c->src, strlen(c->src), NULL);
        ast_node *n;
        parse_error e = { 0 };
        int rc;
        while ((rc = parser_next(p, &n, &e)) == 1)
            ;
        T_CHECK_MSG(rc == -1, "case %zu: %s: no error", i, c->src);
        if (rc == -1) {
            T_CHECK_MSG(e.line == c->line && e.msg && strcmp(e.msg, c->msg) == 0,
                        "case %zu: %s\n  want %d: %s\n  got  %d: %s", i, c->src, c->line, c->msg,
                        e.line, e.msg ? e.msg : "(null)");
            if (c->src_line)
                T_CHECK_MSG(e.src_line && strcmp(e.src_line, c->src_line) == 0,
                            "case %zu: src_line want `%s' got `%s'", i, c->src_line,
                            e.src_line ? e.src_line : "(null)");
            else
                T_CHECK_MSG(e.src_line == NULL, "case %zu: src_line should be NULL", i);
            if (c->status >= 0)
                T_CHECK_MSG(e.status == c->status, "case %zu: %s: status %d, want %d", i, c->src,
                            e.status, c->status);
        }
        /* after an error the parser stays at end */
        T_EQ_INT(parser_next(p, &n, &e), -1);
        parser_free(p);
        mem_heap_destroy(h);
    }
}

/* Errors that only come with the end of the input are "incomplete" (an
 * interactive shell reads another line); the others are not. */
static void test_incomplete(void)
{
    static const struct { const char *src; bool inc; } cases[] = {
        { "if true; then", true }, { "echo 'a", true }, { "echo \"a", true },
        { "echo $(a", true }, { "a |", true }, { "case x in", true }, { "[[ a == b", true },
        { "cat <<EOF\n", false }, { "fi", false }, { "echo )", false }, { "{ }", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mem_heap *h = mem_heap_new(0);
        ast_node *n;
        parse_error e = { 0 };
        int rc = parse_all(h, cases[i].src, strlen(cases[i].src), NULL, &n, &e);
        if (cases[i].inc || strncmp(cases[i].src, "cat", 3) != 0) {
            T_CHECK_MSG(rc == -1 && e.incomplete == cases[i].inc, "%s", cases[i].src);
        } else {
            T_EQ_INT(rc, 0); /* a here-document cut by EOF is only a warning */
        }
        mem_heap_destroy(h);
    }
}

/* bash: cat <<EOF (no terminator) prints
 *   bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')
 * (checked with bash -c $'cat <<EOF\nabc' and the other inputs below). */
static void test_heredoc_warning(void)
{
    static const struct { const char *src; int line; const char *msg; } cases[] = {
        { "cat <<EOF\nabc", 2,
          "warning: here-document at line 1 delimited by end-of-file (wanted `EOF')" },
        { "cat <<EOF", 1,
          "warning: here-document at line 1 delimited by end-of-file (wanted `EOF')" },
        { "cat <<EOF\nabc\n", 2,
          "warning: here-document at line 1 delimited by end-of-file (wanted `EOF')" },
        { "cat <<EOF\na\nb\n\n", 4,
          "warning: here-document at line 1 delimited by end-of-file (wanted `EOF')" },
        { "cat <<A; cat <<B\na\nA\nb\n", 4,
          "warning: here-document at line 3 delimited by end-of-file (wanted `B')" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mem_heap *h = mem_heap_new(0);
        warn_log w = { 0 };
        parser_opts o = { 0 };
        o.warn = test_warn;
        o.warn_ctx = &w;
        ast_node *n;
        parse_error e = { 0 };
        T_EQ_INT(parse_all(h, cases[i].src, strlen(cases[i].src), &o, &n, &e), 0);
        T_EQ_INT(w.n, 1);
        T_EQ_INT(w.line, cases[i].line);
        T_EQ_STR(w.msg, cases[i].msg);
        mem_heap_destroy(h);
    }
}

/* parser_next hands out one top-level line at a time, with its here-docs,
 * and the line numbers move along. */
static void test_incremental(void)
{
    mem_heap *h = mem_heap_new(0);
    const char *src = "echo 1; echo 2\n\n# c\ncat <<EOF\nbody\nEOF\nif true\nthen :\nfi\nfi\necho never\n";
    parser *p = parser_new(h, src, strlen(src), NULL);
    ast_node *n;
    parse_error e = { 0 };
    T_EQ_INT(parser_line(p), 1);
    T_EQ_INT(parser_next(p, &n, &e), 1);
    T_CHECK(n && n->kind == N_LIST && n->nitems == 2 && n->line == 1);
    T_EQ_INT(parser_next(p, &n, &e), 1);
    T_CHECK(n && n->nitems == 1 && n->items[0]->line == 4);
    T_CHECK(n && n->items[0]->redirs && n->items[0]->redirs->target &&
            strcmp(n->items[0]->redirs->target->parts[0].text, "body\n") == 0);
    T_EQ_INT(parser_line(p), 7);
    T_EQ_INT(parser_next(p, &n, &e), 1);
    T_CHECK(n && n->items[0]->kind == N_IF && n->items[0]->line == 7);
    T_EQ_INT(parser_next(p, &n, &e), -1);
    T_EQ_INT(e.line, 10);
    T_EQ_STR(e.msg, "syntax error near unexpected token `fi'");
    T_EQ_STR(e.src_line, "fi");
    T_EQ_INT(parser_next(p, &n, &e), -1);
    parser_free(p);

    /* first_line, empty input, blank lines only */
    parser_opts o = { 0 };
    o.first_line = 10;
    p = parser_new(h, "\n\nx\n", 4, &o);
    T_EQ_INT(parser_next(p, &n, &e), 1);
    T_CHECK(n && n->line == 12);
    T_EQ_INT(parser_next(p, &n, &e), 0);
    T_EQ_INT(parser_next(p, &n, &e), 0);
    parser_free(p);
    p = parser_new(h, "", 0, NULL);
    T_EQ_INT(parser_next(p, &n, &e), 0);
    parser_free(p);
    p = parser_new(h, " \n# only\n\t\n", 11, NULL);
    T_EQ_INT(parser_next(p, &n, &e), 0);
    parser_free(p);
    mem_heap_destroy(h);
}

/* What the executor reads besides the dump: sources, flags, structures. */
static void test_fields(void)
{
    mem_heap *h = mem_heap_new(0);
    ast_node *n;
    parse_error e = { 0 };
    const char *src = "f() {\n  echo \"$x\"\n} >out\nfunction g { :; }\nx=$(ls -l) `pwd` $((1 + 2))\n";
    T_EQ_INT(parse_all(h, src, strlen(src), NULL, &n, &e), 0);
    T_EQ_INT(n->nitems, 3);
    ast_node *f = n->items[0];
    T_CHECK(f->kind == N_FUNCDEF && strcmp(f->var, "f") == 0);
    T_EQ_STR(f->src, "f() {\n  echo \"$x\"\n} >out");
    T_CHECK(f->body->kind == N_GROUP && f->body->redirs && f->body->redirs->op == R_OUT);
    T_EQ_STR(n->items[1]->src, "function g { :; }");
    ast_node *s = n->items[2];
    T_CHECK(s->kind == N_SIMPLE && s->assigns && s->nwords == 2);
    T_EQ_STR(s->assigns->value->parts[0].src, "ls -l");
    T_EQ_STR(s->words[0]->parts[0].src, "pwd");
    T_CHECK(s->words[0]->parts[0].backquote);
    T_EQ_STR(s->words[1]->parts[0].src, "1 + 2");
    T_EQ_STR(s->words[1]->src, "$((1 + 2))");

    /* assignments */
    src = "a[i+1]+=v b=(x [k]=y) declare c=1 d=(2)";
    T_EQ_INT(parse_all(h, src, strlen(src), NULL, &n, &e), 0);
    s = n->items[0];
    T_CHECK(s->assigns && s->assigns->append && s->assigns->index &&
            strcmp(s->assigns->index->src, "i+1") == 0);
    ast_assign *b = s->assigns->next;
    T_CHECK(b && b->is_array && b->narray == 2 && !b->value);
    T_CHECK(s->nwords == 3 && s->words[1]->assign && strcmp(s->words[1]->assign->name, "c") == 0);
    T_CHECK(s->words[2]->assign && s->words[2]->assign->is_array);
    T_EQ_STR(s->words[2]->src, "d=(2)");

    /* params */
    src = "echo ${!a[@]} ${x:?msg} ${#} ${x@Q} ${x/#p/r}";
    T_EQ_INT(parse_all(h, src, strlen(src), NULL, &n, &e), 0);
    s = n->items[0];
    T_CHECK(s->words[1]->parts[0].param->op == PO_KEYS && s->words[1]->parts[0].param->op_char == '@');
    T_CHECK(s->words[2]->parts[0].param->op == PO_ERROR && s->words[2]->parts[0].param->colon);
    T_EQ_STR(s->words[3]->parts[0].param->name, "#");
    T_CHECK(s->words[4]->parts[0].param->op == PO_TRANSFORM && s->words[4]->parts[0].param->op_char == 'Q');
    T_EQ_STR(s->words[5]->parts[0].param->src, "${x/#p/r}");

    /* redirections */
    src = "cmd 2>&1 {v}>f >&- <<<s <<-'E'\n\tx\n\tE\n";
    T_EQ_INT(parse_all(h, src, strlen(src), NULL, &n, &e), 0);
    ast_redir *r = n->items[0]->redirs;
    T_CHECK(r && r->op == R_DUP_OUT && r->fd == 2);
    r = r->next;
    T_CHECK(r && r->op == R_OUT && r->fd_var && strcmp(r->fd_var, "v") == 0);
    r = r->next;
    T_CHECK(r && r->op == R_DUP_OUT && r->fd == -1);
    r = r->next;
    T_CHECK(r && r->op == R_HERESTRING);
    r = r->next;
    T_CHECK(r && r->op == R_HEREDOC && r->heredoc_quoted && r->heredoc_strip &&
            r->target->nparts == 1 && strcmp(r->target->parts[0].text, "x\n") == 0);

    /* pipelines */
    src = "a |& b | c";
    T_EQ_INT(parse_all(h, src, strlen(src), NULL, &n, &e), 0);
    T_CHECK(n->items[0]->kind == N_PIPELINE && n->items[0]->nitems == 3 &&
            n->items[0]->pipe_err[0] && !n->items[0]->pipe_err[1]);

    /* the lines of multi-line commands are bash's (LINENO, messages) */
    src = "echo a \\\n b\necho \"x\ny\" z\nx=1 \\\n y\n>f \\\n z <g\ncat <<E; w\nb\nE\n"
          "[[ a &&\n -n b\n]]\n((\n1 ))\ncase \\\n x in *) ;; esac\nfor \\\n i in 1; do :; done\nlast";
    T_EQ_INT(parse_all(h, src, strlen(src), NULL, &n, &e), 0);
    T_EQ_INT(n->nitems, 11);
    static const int lines[] = { 1, 4, 5, 7, 9, 11, 14, 16, 18, 20, 21 };
    for (size_t i = 0; i < 11 && i < n->nitems; i++)
        T_EQ_INT(n->items[i]->line, lines[i]);
    T_EQ_INT(n->items[3]->redirs->line, 7);
    T_EQ_INT(n->items[3]->redirs->next->line, 7);

    /* NUL bytes are dropped, as bash does */
    T_EQ_INT(parse_all(h, "ec\0ho a", 7, NULL, &n, &e), 0);
    T_EQ_STR(n->items[0]->words[0]->src, "echo");
    mem_heap_destroy(h);
}

static void test_aliases(void)
{
    mem_heap *h = mem_heap_new(0);
    parse_error e = { 0 };
    parser_opts o = { 0 };
    /* without the callback, nothing expands */
    char *d = dump_src(h, "ll", &o, &e);
    T_EQ_STR(d, "(list (simple ll))");
    o.alias = test_alias;
    /* quoted words are not expanded; only command position */
    d = dump_src(h, "'ll'; \\ll; echo ll; x=1 ll; ll | ll", &o, &e);
    T_EQ_STR(d, "(list (simple 'll') (simple 'l'l) (simple echo ll) (simple x=1 ls -l) "
                "(pipe (simple ls -l) | (simple ls -l)))");
    /* an alias may open a compound command */
    d = dump_src(h, "iff echo; fi", &o, &e);
    T_EQ_STR(d, "(list (if (list (simple true)) (list (simple echo))))");
    mem_heap_destroy(h);
}

static void test_extglob(void)
{
    mem_heap *h = mem_heap_new(0);
    parse_error e = { 0 };
    parser_opts o = { 0 };
    ast_node *n;
    /* without extglob, @( is a syntax error as in bash */
    T_EQ_INT(parse_all(h, "echo @(a|b)", 11, &o, &n, &e), -1);
    T_EQ_STR(e.msg, "syntax error near unexpected token `('");
    o.extglob = true;
    char *d = dump_src(h, "echo @(a|b) !(x*) +(y) ?(z) *(w) a@(b)c", &o, &e);
    T_EQ_STR(d, "(list (simple echo @\\(a\\|b\\) !\\(x*\\) +\\(y\\) ?\\(z\\) *\\(w\\) a@\\(b\\)c))");
    /* switched on mid-script, as shopt -s extglob would */
    const char *src = "echo a\necho @(b)\n";
    parser *p = parser_new(h, src, strlen(src), NULL);
    T_EQ_INT(parser_next(p, &n, &e), 1);
    parser_set_extglob(p, true);
    T_EQ_INT(parser_next(p, &n, &e), 1);
    T_CHECK(n && n->items[0]->nwords == 2);
    parser_free(p);
    mem_heap_destroy(h);
}

static void test_depth_limit(void)
{
    mem_heap *h = mem_heap_new(0);
    parse_error e = { 0 };
    ast_node *n;
    vbuf b;
    vbuf_init(&b, h);
    for (int i = 0; i < 2000; i++)
        vbuf_adds(&b, "( ");
    T_EQ_INT(parse_all(h, b.data, b.len, NULL, &n, &e), -1);
    T_CHECK(e.depth_limit);
    T_EQ_STR(e.msg, "syntax error: nesting too deep (limit 1000)");
    parser_opts o = { 0 };
    o.max_depth = 50;
    vbuf_clear(&b);
    for (int i = 0; i < 60; i++)
        vbuf_adds(&b, "${x:-");
    T_EQ_INT(parse_all(h, b.data, b.len, &o, &n, &e), -1);
    T_CHECK(e.depth_limit);
    vbuf_clear(&b);
    for (int i = 0; i < 60; i++)
        vbuf_adds(&b, "$(");
    T_EQ_INT(parse_all(h, b.data, b.len, &o, &n, &e), -1);
    T_CHECK(e.depth_limit);
    vbuf_clear(&b);
    vbuf_adds(&b, "[[ ");
    for (int i = 0; i < 60; i++)
        vbuf_adds(&b, "( ");
    T_EQ_INT(parse_all(h, b.data, b.len, &o, &n, &e), -1);
    T_CHECK(e.depth_limit);
    /* && / || chains nest the tree: they count too (bash itself crashes
     * on 100,000 of them) */
    vbuf_clear(&b);
    for (int i = 0; i < 60; i++)
        vbuf_adds(&b, "true && ");
    vbuf_adds(&b, "true");
    T_EQ_INT(parse_all(h, b.data, b.len, &o, &n, &e), -1);
    T_CHECK(e.depth_limit);
    vbuf_clear(&b);
    vbuf_adds(&b, "[[ a");
    for (int i = 0; i < 60; i++)
        vbuf_adds(&b, " || a");
    vbuf_adds(&b, " ]]");
    T_EQ_INT(parse_all(h, b.data, b.len, &o, &n, &e), -1);
    T_CHECK(e.depth_limit);
    vbuf_clear(&b);
    for (int i = 0; i < 40; i++)
        vbuf_adds(&b, "true || ");
    vbuf_adds(&b, "true\n[[ a && b && c ]]\n");
    T_EQ_INT(parse_all(h, b.data, b.len, &o, &n, &e), 0);
    /* within the limit it parses */
    vbuf_clear(&b);
    for (int i = 0; i < 40; i++)
        vbuf_adds(&b, "{ ");
    vbuf_adds(&b, "x;");
    for (int i = 0; i < 40; i++)
        vbuf_adds(&b, " };");
    T_EQ_INT(parse_all(h, b.data, b.len, &o, &n, &e), 0);
    vbuf_free(&b);
    mem_heap_destroy(h);
}

/* Inputs the fuzzer (fuzz/parser_fuzz.c) once crashed on: each must give a
 * tree or an error, nothing else. */
static void test_fuzz_regressions(void)
{
    static const struct { const char *s; size_t n; } cases[] = {
        /* here-doc in $( ) whose body holds $( ): the recorder was cleared */
        { " $( d<<c\0@A;{]\333\022i\032?\032\032\n\n\\\\\034\\$(`((@`\0\0", 36 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mem_heap *h = mem_heap_new(0);
        ast_node *n;
        parse_error e = { 0 };
        int rc = parse_all(h, cases[i].s, cases[i].n, NULL, &n, &e);
        T_CHECK(rc == 0 || (rc == -1 && e.msg));
        mem_heap_destroy(h);
    }
}

/* Deep nests of big substitutions: the source texts the nodes keep stay
 * linear in the input (without the budget, 999 levels of $( ) around 50 KB
 * took 165 MB). */
static void test_nested_src_budget(void)
{
    mem_heap *h = mem_heap_new(0);
    vbuf b;
    vbuf_init(&b, h);
    vbuf_adds(&b, "echo ");
    for (int i = 0; i < 999; i++)
        vbuf_adds(&b, "$(");
    vbuf_adds(&b, "echo ");
    for (int i = 0; i < 50000; i++)
        vbuf_addc(&b, 'x');
    for (int i = 0; i < 999; i++)
        vbuf_addc(&b, ')');
    size_t before = mem_heap_used(h);
    ast_node *n;
    parse_error e = { 0 };
    T_EQ_INT(parse_all(h, b.data, b.len, NULL, &n, &e), 0);
    size_t used = mem_heap_used(h) - before;
    T_CHECK_MSG(used < 200 * b.len, "%zu bytes of tree for %zu of text", used, b.len);
    mem_heap_destroy(h);
}

/* A big script parses in time and memory linear in its size. */
static void test_linear(void)
{
    static const char *const chunk =
        "for i in 1 2 3; do\n"
        "  if [[ $i == 2 ]]; then echo \"two ${i:-x} $(date +%s)\"; fi\n"
        "  case $i in 1) a=(x y z);; *) b+=1;; esac\n"
        "done\n"
        "f() { local v=$1; echo $((v * 2)) | cat >/dev/null; }\n";
    size_t used[2];
    double secs[2];
    for (int k = 0; k < 2; k++) {
        mem_heap *h = mem_heap_new(0);
        vbuf b;
        vbuf_init(&b, h);
        int reps = k == 0 ? 2000 : 4000; /* 10,000 and 20,000 lines */
        for (int i = 0; i < reps; i++)
            vbuf_adds(&b, chunk);
        size_t before = mem_heap_used(h);
        clock_t t0 = clock();
        ast_node *n;
        parse_error e = { 0 };
        T_EQ_INT(parse_all(h, b.data, b.len, NULL, &n, &e), 0);
        secs[k] = (double)(clock() - t0) / CLOCKS_PER_SEC;
        used[k] = mem_heap_used(h) - before;
        T_EQ_INT(n->nitems, (long long)reps * 2);
        mem_heap_destroy(h);
    }
    double mr = (double)used[1] / (double)used[0];
    printf("parse 10k lines: %.3fs %zu KB; 20k lines: %.3fs %zu KB\n", secs[0], used[0] / 1024,
           secs[1], used[1] / 1024);
    T_CHECK_MSG(mr > 1.8 && mr < 2.2, "memory ratio %.2f", mr);
    T_CHECK_MSG(secs[1] < 4 * secs[0] + 0.05, "time %.3f vs %.3f", secs[1], secs[0]);
}

int main(void)
{
    test_dumps();
    test_ok_cases();
    test_errors();
    test_incomplete();
    test_heredoc_warning();
    test_incremental();
    test_fields();
    test_aliases();
    test_extglob();
    test_depth_limit();
    test_fuzz_regressions();
    test_nested_src_budget();
    test_linear();
    return T_DONE();
}
