/*
 * vb_session_fork and the shell state: a fork holds a copy of every kind of
 * state (variables of every attribute, functions, aliases, traps, options,
 * positional parameters, cwd, directory stack, umask, enable -n), a change
 * on either side afterwards is invisible to the other, forks of forks work,
 * and either side may be freed first (the parsed function bodies a fork
 * shares with its parent stay alive as long as one session holds them).
 * The global variables are shared in frozen levels with a private overlay
 * per side: copy-up, whiteouts, merges and flattening of the levels are
 * checked through what each side sees.
 */
#include <stdlib.h>

#include "core/mem.h"
#include "src/session_int.h"
#include "t.h"
#include "vbash/vbash.h"

/* stdout of script in s, with the exit status appended ("...|status"):
 * malloc'd. */
static char *run(vb_session *s, const char *script)
{
    vb_result r;
    vb_status rc = vb_exec(s, script, strlen(script), NULL, &r);
    T_CHECK_MSG(rc == VB_OK, "vb_exec(%s) = %d", script, rc);
    if (rc != VB_OK)
        return strdup("(vb_exec failed)");
    size_t n = r.out.len + 16;
    char *p = malloc(n);
    snprintf(p, n, "%.*s|%d", (int)r.out.len, r.out.data ? r.out.data : "", r.exit_status);
    vb_result_free(&r);
    return p;
}

#define EXPECT(s, script, want)                                                 \
    do {                                                                        \
        char *t__o = run((s), (script));                                        \
        T_CHECK_MSG(strcmp(t__o, (want)) == 0, "%s: got \"%s\", want \"%s\"",  \
                    (script), t__o, (want));                                    \
        free(t__o);                                                             \
    } while (0)

/* Every kind of state, set up in a parent before it is forked. */
static const char setup[] =
    "s='a scalar'\n"
    "a=(zero one 'two words' [7]=seven)\n"
    "declare -A A=([k1]=v1 [k2]='v 2')\n"
    "declare -i i=6*7\n"
    "readonly r=fixed\n"
    "export x=exported\n"
    "declare -l low=MiXeD\n"
    "declare -u up=MiXeD\n"
    "target=pointed\n"
    "declare -n ref=target\n"
    "f() { echo \"f: $1 $s\"; }\n"
    "g() { local s=local; echo \"g: $s\"; f \"$@\"; }\n"
    "h() { echo h; }; declare -fx h\n"
    "ro() { echo ro; }; readonly -f ro\n"
    "outer() { inner() { echo \"inner of outer\"; }; }\n"
    "shopt -s expand_aliases extglob\n"
    "alias ll='echo listed'\n"
    "trap 'echo usr1' USR1\n"
    "set -o pipefail\n"
    "set -- p1 'p 2' p3\n"
    "mkdir -p /tmp/d1 /tmp/d2; cd /tmp/d1; pushd -n /tmp/d2 >/dev/null\n"
    "umask 027\n"
    "enable -n printf\n";

/* What the setup leaves, read back (the same text in a parent and a fork). */
static const char dump[] =
    "declare -p s a A i r x low up target ref ref2; declare -f f g outer; declare -F;"
    " alias; trap -p USR1; echo \"$#: $*\"; pwd; dirs; umask; echo $-;"
    " shopt extglob expand_aliases; enable -n; echo $((i + 1)); echo $ref";

static char *state(vb_session *s)
{
    return run(s, dump);
}

/* The changes a fork makes (one of each kind), and a second set. */
static const char change[] =
    "s=changed; a[1]=ONE; a+=(appended); unset 'a[0]'; A[k1]=V1; A[new]=n; unset 'A[k2]';"
    " i+=1; x=reexported; export -n x; low=UPPER; up=lower; declare -n ref2=s;"
    " target=moved; declare -u s;"
    " f() { echo \"new f $1\"; }; unset -f g; h() { echo new h; };"
    " unalias ll; alias lt='echo other'; trap 'echo usr1 changed' USR1;"
    " set +o pipefail; shopt -u extglob; set -- q1; cd /tmp/d2; popd -n >/dev/null;"
    " umask 077; enable printf; newvar=1; declare -a na=(x y); newf() { echo newf; }";

static void test_copy_and_isolation(void)
{
    vb_session *p = NULL, *c1 = NULL, *c2 = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, setup, "|0");
    char *orig = state(p);
    T_CHECK(strstr(orig, "declare -a a=([0]=\"zero\" [1]=\"one\" [2]=\"two words\" [7]=\"seven\")") != NULL);
    T_CHECK(strstr(orig, "declare -fx h") != NULL);
    T_CHECK(vb_session_fork(p, &c1) == VB_OK && c1);
    T_CHECK(vb_session_fork(p, &c2) == VB_OK && c2);
    char *s1 = state(c1);
    T_CHECK_MSG(strcmp(s1, orig) == 0, "fork's state:\n%s\nparent's:\n%s", s1, orig);
    free(s1);

    /* the fork changes everything: the parent and the other fork keep theirs */
    EXPECT(c1, change, "|0");
    char *after = state(c1);
    T_CHECK(strcmp(after, orig) != 0);
    char *sp = state(p), *s2 = state(c2);
    T_CHECK_MSG(strcmp(sp, orig) == 0, "parent after the fork changed:\n%s", sp);
    T_CHECK_MSG(strcmp(s2, orig) == 0, "sibling after the fork changed:\n%s", s2);
    free(sp);
    free(s2);
    EXPECT(p, "f x; g y; h; ll; ro; echo ${A[k2]} ${a[0]} $newvar; declare -F newf", "f: x a scalar\ng: local\nf: y local\nh\nlisted\nro\nv 2 zero\n|1");
    EXPECT(c1, "f x; h; lt; echo $s $ref2 $ref ${A[new]} ${a[8]} $newvar ${na[1]}; newf", "new f x\nnew h\nother\nchanged changed moved n appended 1 y\nnewf\n|0");

    /* the parent makes the same changes: it reaches the fork's state, and
     * the fork and the sibling do not move */
    EXPECT(p, change, "|0");
    sp = state(p);
    T_CHECK_MSG(strcmp(sp, after) == 0, "parent:\n%s\nfork:\n%s", sp, after);
    free(sp);
    s2 = state(c2);
    T_CHECK_MSG(strcmp(s2, orig) == 0, "sibling changed by its parent:\n%s", s2);
    free(s2);
    s1 = state(c1);
    T_CHECK(strcmp(s1, after) == 0);
    free(s1);

    /* readonly holds on both sides */
    EXPECT(c2, "r=other", "|1");
    EXPECT(c2, "echo $r", "fixed\n|0");
    EXPECT(c2, "unset r; echo $?", "1\n|0");
    EXPECT(c2, "ro() { :; }; echo $?", "1\n|0");
    EXPECT(p, "echo $r", "fixed\n|0");

    /* a function defining a function, run in a fork only */
    EXPECT(c2, "outer; inner", "inner of outer\n|0");
    EXPECT(p, "declare -F inner", "|1");

    free(orig);
    free(after);
    vb_session_free(c1);
    vb_session_free(c2);
    vb_session_free(p);
}

/* The parent freed first: its functions (parsed once, in the parent) still
 * run in the fork and in the fork's forks. */
static void test_parent_freed_first(void)
{
    vb_session *p = NULL, *c = NULL, *cc = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, setup, "|0");
    EXPECT(p, "e1() { echo \"e1 $*\"; }", "|0");
    EXPECT(p, "eval 'e2() { e1 via e2; }'", "|0");
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    vb_session_free(p);
    EXPECT(c, "f x; g y; e2; outer 2; inner; echo ${a[7]} ${A[k1]} $i", "f: x a scalar\ng: local\nf: y local\ne1 via e2\ninner of outer\nseven v1 42\n|0");
    T_CHECK(vb_session_fork(c, &cc) == VB_OK);
    vb_session_free(c);
    EXPECT(cc, "e2; inner; h; declare -f e1", "e1 via e2\ninner of outer\nh\ne1 () \n{ \n    echo \"e1 $*\"\n}\n|0");
    vb_session_free(cc);
}

/* The fork freed first, then the parent goes on; forks of forks, each
 * changing its own copy. */
static void test_child_freed_first(void)
{
    vb_session *p = NULL, *c = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "k() { echo \"k $v\"; }; v=0", "|0");
    vb_session *chain[6] = {0};
    vb_session *cur = p;
    for (int n = 0; n < 6; n++) {
        T_CHECK(vb_session_fork(cur, &chain[n]) == VB_OK);
        cur = chain[n];
        char sc[96];
        snprintf(sc, sizeof sc, "v=$((v + 1)); k; k() { echo \"k%d $v\"; }", n + 1);
        char want[64]; /* k as the previous fork (or the parent) left it */
        if (n)
            snprintf(want, sizeof want, "k%d %d\n|0", n, n + 1);
        else
            snprintf(want, sizeof want, "k 1\n|0");
        EXPECT(cur, sc, want);
    }
    EXPECT(chain[5], "k", "k6 6\n|0");
    EXPECT(chain[2], "k", "k3 3\n|0");
    for (int n = 5; n >= 0; n--)
        vb_session_free(chain[n]);
    EXPECT(p, "k; echo $v", "k 0\n0\n|0");
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    vb_session_free(c);
    EXPECT(p, "k", "k 0\n|0");
    vb_session_free(p);
}

/* A fork of a session that holds many variables and functions gets all of
 * them, and they stay separate from the parent's. */
static void test_many(void)
{
    vb_session *p = NULL, *c = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "for n in {1..500}; do eval \"v$n=$n; fn$n() { echo \\$((v$n * 2)); }\"; done", "|0");
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    EXPECT(c, "fn1; fn250; fn500; v250=1; fn250; unset v500 -f fn1; echo ${v500-gone}; declare -F fn1", "2\n500\n1000\n2\ngone\n|1");
    EXPECT(p, "fn1; fn250; fn500; echo $v500", "2\n500\n1000\n500\n|0");
    vb_session_free(p);
    EXPECT(c, "fn499; compgen -A function fn49 | sort | head -3", "998\nfn49\nfn490\nfn491\n|0");
    vb_session_free(c);
}

/* vb_session_fork runs between vb_exec calls: whatever way the last one
 * ended (limit inside a function, exit inside a function), the session is
 * back at its global scope, and so is the fork. */
static void test_after_interrupted_exec(void)
{
    vb_session *p = NULL, *c = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    vb_exec_opts o;
    vb_exec_opts_init(&o);
    o.timeout_ms = 50;
    vb_result r;
    const char *loop = "g=1; f() { local l=inside; g=2; while :; do :; done; }; f";
    T_CHECK(vb_exec(p, loop, strlen(loop), &o, &r) == VB_OK);
    T_EQ_INT(r.limit, VB_LIMIT_TIME);
    vb_result_free(&r);
    EXPECT(p, "e() { local l=exiting; exit 3; }; e", "|3");
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    EXPECT(c, "echo ${l-unset} $g ${FUNCNAME-none}; l=global", "unset 2 none\n|0");
    EXPECT(p, "echo ${l-unset}", "unset\n|0");
    vb_session_free(p);
    EXPECT(c, "echo $l", "global\n|0");
    vb_session_free(c);
}

/* The global variables of a fork are copied when either side first needs
 * them: every order of forking, running, changing and freeing sees the
 * state at the time of the fork. */
static void test_deferred_copy(void)
{
    vb_session *p = NULL, *c = NULL, *cc = NULL, *c2 = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "v=parent; k() { echo \"k $v\"; }", "|0");
    /* a fork of a fork not run yet, then the middle one freed */
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    T_CHECK(vb_session_fork(c, &cc) == VB_OK);
    T_CHECK(vb_session_fork(p, &c2) == VB_OK);
    vb_session_free(c);
    /* the parent changes v through vb_exec's environment, before its
     * script runs: the forks keep their copy */
    const char *env[] = {"v=from-env", NULL};
    vb_exec_opts o;
    vb_exec_opts_init(&o);
    o.env = env;
    vb_result r;
    T_CHECK(vb_exec(p, "k", 1, &o, &r) == VB_OK);
    T_CHECK(r.out.len == 11 && memcmp(r.out.data, "k from-env\n", 11) == 0);
    vb_result_free(&r);
    EXPECT(cc, "k; v=grandchild", "k parent\n|0");
    /* the parent freed while a fork still waits for its copy */
    vb_session_free(p);
    EXPECT(c2, "k", "k parent\n|0");
    EXPECT(cc, "k", "k grandchild\n|0");
    /* a fork whose own vb_exec environment changes v first */
    T_CHECK(vb_session_fork(c2, &c) == VB_OK);
    T_CHECK(vb_exec(c, "k", 1, &o, &r) == VB_OK);
    T_CHECK(r.out.len == 11 && memcmp(r.out.data, "k from-env\n", 11) == 0);
    vb_result_free(&r);
    EXPECT(c2, "k", "k parent\n|0");
    vb_session_free(c);
    vb_session_free(cc);
    vb_session_free(c2);
}

/* Every listing of the variables (declare -p, set, compgen -v, ${!x*},
 * env) shows the same in a fork as in its parent, and each side's unsets
 * (whiteouts over the shared level) and new variables only on its side. */
static const char listing[] =
    "declare -p | grep -v '^declare -[-a-zA-Z]* \\(PIPESTATUS\\|BASH_ARGV\\|BASH_ARGC\\|BASH_LINENO\\|BASH_SOURCE\\|FUNCNAME\\|_\\)=';"
    " set | grep -c .; compgen -v | grep -c .; compgen -e | sort | tr '\\n' ' '; echo;"
    " echo ${!w*}; env | sort | grep '^w'";

static void test_listings_and_whiteouts(void)
{
    vb_session *p = NULL, *c = NULL, *cc = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "w1=one; w2=two; export w3=three w4=four; declare -a wa=(x y); declare -A wA=([k]=v);"
              " declare -i wi=5; declare -r wr=ro; wt=target; declare -n wn=wt", "|0");
    char *lp = run(p, listing);
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    char *lc = run(c, listing);
    T_CHECK_MSG(strcmp(lp, lc) == 0, "parent:\n%s\nfork:\n%s", lp, lc);
    /* unsets in the fork: gone from every listing there, kept in the parent */
    EXPECT(c, "unset w1 w3 wa; unset 'wA[k]'; echo ${w1-u} ${w3-u} ${wa[1]-u} ${#wA[@]};"
              " declare -p w1 2>&1; echo ${!w*}; compgen -v w | tr '\\n' ' '; echo;"
              " env | sort | grep '^w' | tr '\\n' ' '; set | grep -c '^w1='",
           "u u u 0\nvbash: line 1: declare: w1: not found\nw2 w4 wA wi wn wr wt\n"
           "w2 w4 wA wi wn wr wt \nw4=four 0\n|1");
    EXPECT(p, "echo $w1 $w3 ${wa[1]} ${wA[k]}; env | sort | grep '^w' | tr '\\n' ' '",
           "one three y v\nw3=three w4=four |0");
    char *lp2 = run(p, listing);
    T_CHECK_MSG(strcmp(lp, lp2) == 0, "parent changed:\n%s", lp2);
    /* a variable set again over its whiteout; attributes of the shared one */
    EXPECT(c, "w1=again; w3=plain; echo $w1 $w3; env | grep -c '^w3='; wi+=2; wn=through; echo $wi $wt;"
              " (wr=x) 2>/dev/null; echo $?", "again plain\n0\n7 through\n1\n|0");
    EXPECT(p, "echo $w1 $w3 $wi $wt; env | grep '^w3='", "one three 5 target\nw3=three\n|0");
    /* the parent unsets after the fork: the fork keeps them */
    EXPECT(p, "unset w2 w4; export -n w3; echo ${w2-u}; env | grep -c '^w[34]='", "u\n0\n|1");
    EXPECT(c, "echo $w2 $w4; env | sort | grep '^w'", "two four\nw4=four\n|0");
    /* a fork of the fork sees the fork's whiteouts and values */
    T_CHECK(vb_session_fork(c, &cc) == VB_OK);
    EXPECT(cc, "echo ${wa-u} $w1 $w2 $w3 $wi; declare -p wA", "u again two plain 7\ndeclare -A wA=()\n|0");
    /* exported variables reach commands; local and temporary ones too */
    EXPECT(cc, "f() { local w2=loc; export w2; env | grep '^w2='; }; f; w4=tmp env | grep '^w4='; env | grep '^w4='",
           "w2=loc\nw4=tmp\nw4=four\n|0");
    /* a subshell of a fork */
    EXPECT(cc, "(unset w2; w1=sub; echo ${w2-u} $w1); echo $(w2=cs; echo $w2) $w2 $w1", "u sub\ncs two again\n|0");
    vb_session_free(c);
    EXPECT(cc, "echo $w1 $w2 ${w3} $wt", "again two plain through\n|0");
    vb_session_free(cc);
    vb_session_free(p);
    free(lp);
    free(lc);
    free(lp2);
}

/* A source forked again and again, changing a variable between forks: each
 * clone keeps the value of its time, through more levels than the chains
 * keep (they are flattened), with clones freed in every order; and a
 * source whose clones are gone merges its changes into its own level. */
static void test_levels(void)
{
    vb_session *p = NULL;
    vb_session *cl[24] = {0};
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "v=0; keep=kept; gone=here", "|0");
    for (int n = 0; n < 24; n++) {
        char sc[96];
        snprintf(sc, sizeof sc, "v=%d; n%d=%d%s", n, n, n,
                 n == 6 ? "; unset gone" : n == 12 ? "; gone=back" : "");
        EXPECT(p, sc, "|0");
        T_CHECK(vb_session_fork(p, &cl[n]) == VB_OK);
    }
    for (int k = 0; k < 24; k++) {
        int n = (k * 7) % 24; /* every clone once, in a scattered order */
        char want[96];
        snprintf(want, sizeof want, "%d %s %s 0 %d %s\n|0", n, "kept",
                 n < 6 ? "here" : n < 12 ? "u" : "back", n, n < 23 ? "u" : "23");
        EXPECT(cl[n], "echo $v $keep ${gone-u} $n0 $(eval echo \\$n$v) ${n23-u}", want);
        if (k % 3 == 0) {
            vb_session_free(cl[n]);
            cl[n] = NULL;
        }
    }
    vb_session_free(p); /* the clones left hold its levels */
    for (int n = 0; n < 24; n++)
        if (cl[n]) {
            char want[64];
            snprintf(want, sizeof want, "%d %d\n|0", n, n);
            char sc[64];
            snprintf(sc, sizeof sc, "echo $v $n%d", n);
            EXPECT(cl[n], sc, want);
            vb_session_free(cl[n]);
        }

    /* fork, free the fork, change, fork: the change goes into the level */
    vb_session *c = NULL, *d = NULL, *e = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "a=1; b=2; declare -a arr=(1 2 3)", "|0");
    for (int round = 0; round < 12; round++) {
        T_CHECK(vb_session_fork(p, &c) == VB_OK);
        EXPECT(c, "a=changed; unset b", "|0");
        vb_session_free(c);
        char sc[64];
        snprintf(sc, sizeof sc, "b=%d; unset a; a=%d; arr[%d]=x", round, round, round + 3);
        EXPECT(p, sc, "|0");
    }
    EXPECT(p, "unset b", "|0");
    T_CHECK(vb_session_fork(p, &d) == VB_OK);
    EXPECT(d, "echo $a ${b-u} ${#arr[@]} ${arr[14]}", "11 u 15 x\n|0");
    /* the same in a fork (its level over its parent's, on another heap) */
    for (int round = 0; round < 10; round++) {
        T_CHECK(vb_session_fork(d, &e) == VB_OK);
        vb_session_free(e);
        char sc[64];
        snprintf(sc, sizeof sc, "a=d%d; unset arr; c%d=1", round, round);
        EXPECT(d, sc, "|0");
    }
    T_CHECK(vb_session_fork(d, &e) == VB_OK);
    EXPECT(e, "echo $a ${arr-u} $c0 $c9 ${b-u}", "d9 u 1 1 u\n|0");
    EXPECT(p, "echo $a ${b-u} ${#arr[@]} ${c0-u}", "11 u 15 u\n|0");
    vb_session_free(d); /* the middle generation first */
    EXPECT(e, "echo $a $c5", "d9 1\n|0");
    vb_session_free(p);
    EXPECT(e, "echo $a ${#arr[@]}", "d9 0\n|0");
    vb_session_free(e);
}

/* Functions across forks: one defined in the source runs in the clone
 * after the source is freed, one redefined or unset on one side only, one
 * that redefines itself while it runs (defined and run by one text: a
 * function defined by another's body holds the arena of the text that
 * calls it, see docs/interp.md). */
static void test_functions(void)
{
    vb_session *p = NULL, *c = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "one() { echo one; }; two() { echo two; }", "|0");
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    EXPECT(c, "self() { self() { echo second; }; echo first; }; self; self; one() { echo ONE; }; unset -f two",
           "first\nsecond\n|0");
    EXPECT(p, "one; two; declare -F self", "one\ntwo\n|1");
    vb_session_free(p);
    EXPECT(c, "one; self; declare -F two", "ONE\nsecond\n|1");
    vb_session_free(c);
}

/* Background jobs and subshells stopped at the end of a vb_exec (killed
 * while they hold shared levels and tables), sessions freed in every
 * order after: everything is let go (LSan sees no heap left behind). */
static void test_free_while_running(void)
{
    vb_session *p = NULL, *c = NULL, *cc = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "v=1; f() { v=$((v + 1)); }; g() { echo g; }", "|0");
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    vb_result r;
    const char *bg = "( f; g >/dev/null; sleep 100; f ) & { f; sleep 100; } | cat & f; echo started";
    T_CHECK(vb_exec(c, bg, strlen(bg), NULL, &r) == VB_OK);
    vb_result_free(&r);
    T_CHECK(vb_session_fork(c, &cc) == VB_OK);
    T_CHECK(vb_exec(p, bg, strlen(bg), NULL, &r) == VB_OK);
    vb_result_free(&r);
    vb_session_free(p);
    EXPECT(cc, "f; echo $v; g", "3\ng\n|0");
    vb_session_free(c);
    vb_session_free(cc);
}

/* Out of memory while a variable of a shared level is copied up: the
 * change fails, both sides keep what they had. */
static void test_copy_up_nomem(void)
{
    vb_session *p = NULL, *c = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "big=$(printf '%0200000d' 0); declare -r rbig=$big; small=s", "|0");
    T_CHECK(vb_session_fork(p, &c) == VB_OK);
    EXPECT(c, "echo $small", "s\n|0");
    mem_heap *h = session_heap(c);
    size_t cap = mem_heap_cap(h);
    mem_heap_set_cap(h, mem_heap_used(h) + 64 * 1024);
    vb_result r;
    const char *w = "big+=x";
    T_CHECK(vb_exec(c, w, strlen(w), NULL, &r) == VB_OK);
    T_CHECK(r.exit_status != 0);
    vb_result_free(&r);
    w = "rbig=x; unset rbig";
    T_CHECK(vb_exec(c, w, strlen(w), NULL, &r) == VB_OK);
    T_CHECK(r.exit_status != 0);
    vb_result_free(&r);
    mem_heap_set_cap(h, cap);
    mem_heap_clear_failed(h);
    EXPECT(c, "echo ${#big} ${#rbig} $small; big+=y; echo ${#big}", "200000 200000 s\n200001\n|0");
    EXPECT(p, "echo ${#big} ${#rbig}", "200000 200000\n|0");
    vb_session_free(c);
    vb_session_free(p);
}

/* A session of 10,000 variables forked 1,000 times, the clones kept: each
 * reads and changes a few variables. */
static void test_wide(void)
{
    vb_session *p = NULL;
    T_CHECK(vb_session_new(NULL, &p) == VB_OK);
    EXPECT(p, "for ((n = 0; n < 10000; n++)); do printf -v v$n '%d' $n; done; echo $v9999", "9999\n|0");
    enum { NF = 1000 };
    vb_session **cl = calloc(NF, sizeof *cl);
    int ok = 0;
    for (int n = 0; n < NF; n++)
        ok += vb_session_fork(p, &cl[n]) == VB_OK;
    T_EQ_INT(ok, NF);
    for (int n = 0; n < NF; n += 97) {
        char sc[96], want[64];
        snprintf(sc, sizeof sc, "v%d=x; echo $v%d $v%d", n, n, n + 1);
        snprintf(want, sizeof want, "x %d\n|0", n + 1);
        EXPECT(cl[n], sc, want);
    }
    EXPECT(p, "echo $v0 $v97; v1=changed", "0 97\n|0");
    EXPECT(cl[1], "echo $v0 $v1 $v97", "0 1 97\n|0");
    vb_session_free(p);
    for (int n = NF - 1; n >= 0; n--)
        vb_session_free(cl[n]);
    free(cl);
}

int main(void)
{
    test_copy_and_isolation();
    test_parent_freed_first();
    test_child_freed_first();
    test_many();
    test_after_interrupted_exec();
    test_deferred_copy();
    test_listings_and_whiteouts();
    test_levels();
    test_functions();
    test_copy_up_nomem();
    test_free_while_running();
    test_wide();
    return T_DONE();
}
