/* The session API and the virtual-process runtime (src/session.c, interp/). */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "t.h"
#include "vbash/vbash.h"

static vb_result run(vb_session *s, const char *script)
{
    vb_result r;
    vb_status rc = vb_exec(s, script, strlen(script), NULL, &r);
    T_CHECK_MSG(rc == VB_OK, "vb_exec(%s) = %d", script, rc);
    return r;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    vb_session *s;
    vb_status rc;
} thr_arg;

static void *foreign_exec(void *p)
{
    thr_arg *a = p;
    vb_result r;
    a->rc = vb_exec(a->s, "echo hi", 7, NULL, &r);
    vb_result_free(&r);
    return NULL;
}

static void *canceller(void *p)
{
    usleep(100 * 1000);
    vb_cancel((vb_session *)p);
    return NULL;
}

int main(void)
{
    vb_session *s = NULL;
    T_CHECK(vb_session_new(NULL, &s) == VB_OK && s);

    /* yes | head -n 1 ends at once: the writer stops when the reader is gone */
    double t0 = now_s();
    vb_result r = run(s, "yes | head -n 1; echo ${PIPESTATUS[@]}");
    T_EQ_STR(r.out.data, "y\n141 0\n");
    T_CHECK(now_s() - t0 < 2.0);
    vb_result_free(&r);

    /* a loop writer is ended by SIGPIPE too */
    r = run(s, "while :; do echo y; done | head -n 2");
    T_EQ_STR(r.out.data, "y\ny\n");
    vb_result_free(&r);

    /* memory stays bounded through a pipe */
    size_t before = vb_session_memory(s);
    r = run(s, "yes abcdefghij | head -c 20000000 | wc -c");
    T_EQ_STR(r.out.data, "20000000\n");
    T_CHECK(vb_session_memory(s) < before + (8u << 20));
    vb_result_free(&r);

    /* subshells and command substitutions leave the parent unchanged */
    r = run(s, "x=1; (x=2; cd /tmp; f() { :; }); y=$(x=3; echo $x); echo $x $y; type -t f; pwd");
    T_EQ_STR(r.out.data, "1 3\n/home/user\n");
    vb_result_free(&r);

    /* state persists between vb_exec calls */
    r = run(s, "persist=kept; g() { echo fn; }; cd /tmp");
    vb_result_free(&r);
    r = run(s, "echo $persist; g; pwd");
    T_EQ_STR(r.out.data, "kept\nfn\n/tmp\n");
    vb_result_free(&r);

    /* exit status and the exited flag */
    r = run(s, "exit 7");
    T_EQ_INT(r.exit_status, 7);
    T_EQ_INT(r.exited, 1);
    vb_result_free(&r);
    r = run(s, "false");
    T_EQ_INT(r.exit_status, 1);
    T_EQ_INT(r.exited, 0);
    vb_result_free(&r);

    /* a limit ends the script with a message, and the session stays usable */
    vb_config cfg;
    vb_config_init(&cfg);
    vb_limits lim = {0};
    lim.max_loop_iterations = 1000;
    cfg.limits = &lim;
    vb_session *ls = NULL;
    T_CHECK(vb_session_new(&cfg, &ls) == VB_OK);
    r = run(ls, "while :; do :; done; echo not reached");
    T_EQ_INT(r.limit, VB_LIMIT_LOOP);
    T_CHECK(r.err.data && strstr(r.err.data, "maximum loop iterations exceeded (limit loop=1000)"));
    T_CHECK(r.out.len == 0);
    vb_result_free(&r);
    r = run(ls, "echo again");
    T_EQ_STR(r.out.data, "again\n");
    T_EQ_INT(r.limit, VB_LIMIT_NONE);
    vb_result_free(&r);
    vb_session_free(ls);

    /* output limit */
    lim = (vb_limits){0};
    lim.max_output_bytes = 1000;
    T_CHECK(vb_session_new(&cfg, &ls) == VB_OK);
    r = run(ls, "yes");
    T_EQ_INT(r.limit, VB_LIMIT_OUTPUT);
    T_CHECK(r.out.len <= 1000);
    vb_result_free(&r);
    vb_session_free(ls);

    /* call depth limit: deep recursion ends cleanly */
    lim = (vb_limits){0};
    lim.max_call_depth = 100;
    T_CHECK(vb_session_new(&cfg, &ls) == VB_OK);
    r = run(ls, "f() { f; }; f");
    T_EQ_INT(r.limit, VB_LIMIT_CALL_DEPTH);
    vb_result_free(&r);
    vb_session_free(ls);

    /* vb_cancel from another thread */
    pthread_t th;
    pthread_create(&th, NULL, canceller, s);
    r = run(s, "while :; do :; done");
    pthread_join(th, NULL);
    T_EQ_INT(r.limit, VB_LIMIT_CANCELLED);
    T_EQ_INT(r.exit_status, 130);
    vb_result_free(&r);
    r = run(s, "echo after-cancel");
    T_EQ_STR(r.out.data, "after-cancel\n");
    vb_result_free(&r);

    /* the session is pinned to its thread */
    thr_arg a = {s, VB_OK};
    pthread_create(&th, NULL, foreign_exec, &a);
    pthread_join(th, NULL);
    T_EQ_INT(a.rc, VB_EINVAL);
    T_CHECK(strstr(vb_session_error(s), "thread") != NULL);

    /* fork: a copy-on-write clone, independent afterwards */
    r = run(s, "cd /home/user; echo data > f.txt; v=1; h() { echo forked-fn; }");
    vb_result_free(&r);
    vb_session *c = NULL;
    T_CHECK(vb_session_fork(s, &c) == VB_OK && c);
    if (c) {
        r = run(c, "cat f.txt; echo $v; h; echo changed > f.txt; v=2");
        T_EQ_STR(r.out.data, "data\n1\nforked-fn\n");
        vb_result_free(&r);
        r = run(s, "cat f.txt; echo $v");
        T_EQ_STR(r.out.data, "data\n1\n");
        vb_result_free(&r);
        vb_session_free(c);
    }

    /* reproducible RANDOM with a seed */
    vb_config_init(&cfg);
    cfg.random_seed = 42;
    vb_session *s1 = NULL, *s2 = NULL;
    vb_session_new(&cfg, &s1);
    vb_session_new(&cfg, &s2);
    vb_result r1 = run(s1, "echo $RANDOM $RANDOM");
    vb_result r2 = run(s2, "echo $RANDOM $RANDOM");
    T_EQ_STR(r1.out.data, r2.out.data);
    vb_result_free(&r1);
    vb_result_free(&r2);
    vb_session_free(s1);
    vb_session_free(s2);

    /* uname values per session, kept by a fork; defaults otherwise */
    vb_config_init(&cfg);
    cfg.hostname = "box";
    cfg.uname_sysname = "VbOS";
    cfg.uname_release = "9.9-test";
    cfg.uname_version = "#7 test";
    cfg.uname_machine = "riscv64";
    vb_session *us = NULL, *uf = NULL;
    T_CHECK(vb_session_new(&cfg, &us) == VB_OK);
    vb_result ur = run(us, "uname -a; uname -s -r -m; hostname");
    T_EQ_STR(ur.out.data, "VbOS box 9.9-test #7 test riscv64 GNU/Linux\nVbOS 9.9-test riscv64\nbox\n");
    vb_result_free(&ur);
    T_CHECK(vb_session_fork(us, &uf) == VB_OK);
    ur = run(uf, "uname -srm");
    T_EQ_STR(ur.out.data, "VbOS 9.9-test riscv64\n");
    vb_result_free(&ur);
    vb_session_free(uf);
    vb_session_free(us);
    ur = run(s, "uname -srm");
    T_EQ_STR(ur.out.data, "Linux 6.1.0-vbash x86_64\n");
    vb_result_free(&ur);

    /* limits by name */
    vb_limits l;
    vb_limits_profile(VB_PROFILE_STRICT, &l);
    T_CHECK(vb_limits_set(&l, "time", "2s") == VB_OK && l.max_wall_ms == 2000);
    T_CHECK(vb_limits_set(&l, "memory", "64M") == VB_OK && l.max_memory_bytes == 64u << 20);
    T_CHECK(vb_limits_set(&l, "nope", "1") == VB_EINVAL);
    T_CHECK(vb_limits_set(&l, "commands", "x") == VB_EINVAL);
    T_EQ_STR(vb_limit_name(VB_LIMIT_LOOP), "loop");
    T_EQ_STR(vb_strerror(VB_ENOENT), "No such file or directory");

    /* a function defined by a function's body holds the arena of the
     * body's text, not the caller's: the caller's text is gone by the
     * next vb_exec (ASan: use after free before) */
    vb_session *fs = NULL;
    T_CHECK(vb_session_new(NULL, &fs) == VB_OK);
    vb_result fr = run(fs, "self() { self() { echo second; }; echo first; }");
    vb_result_free(&fr);
    fr = run(fs, "self; self; self; outer() { eval 'inner() { echo in; }'; }");
    T_EQ_STR(fr.out.data, "first\nsecond\nsecond\n");
    vb_result_free(&fr);
    fr = run(fs, "outer; inner; declare -f self");
    T_EQ_STR(fr.out.data, "in\nself () \n{ \n    echo second\n}\n");
    vb_result_free(&fr);
    vb_session_free(fs);

    vb_session_free(s);
    return T_DONE();
}
