/*
 * In-process benchmarks of libvbash: what an embedder pays per call, next to
 * what this machine gives any program (the floors). Prints one JSON object
 * per line: {"case":..., "unit":..., "median":..., "p10":..., "p90":...,
 * "n":...[, "note":...]}; bench/run.py turns them into the table.
 *
 *   bench_core_bench [--quick]     every case below but the fork sizes
 *   bench_core_bench --vfs [N]     vfs_create_write and vfs_create_write_reused
 *                                  only, N files (default 100,000), e.g. under
 *                                  perf
 *   bench_core_bench --host [N]    host_create_write only
 *   bench_core_bench --page [N]    the page_touch_4k cases only, N pages
 *   bench_core_bench --fork N [R]  fork_N: vb_session_fork alone (us), R
 *                                  clones kept alive, then fork_free_N: fork
 *                                  + free, of a session holding N files of
 *                                  4 KiB; R runs (default 20)
 *   bench_core_bench --fork-shell V F [R]
 *                                  fork_shell_Vv_Ff / fork_shell_free_Vv_Ff:
 *                                  the same for a session holding V variables
 *                                  and F functions (defined by a script);
 *                                  then fork_shell_exec1_Vv_Ff and _exec2_:
 *                                  the first and second vb_exec of a fork
 *                                  (calls f0, or reads v0), and
 *                                  fork_shell_srcexec_Vv_Ff: the source's
 *                                  first vb_exec after the fork (us)
 *
 * Cases:
 *   session_exec_free  vb_session_new + vb_exec("echo hi") + vb_session_free (us)
 *   exec_echo          vb_exec("echo hi") on a live session (us)
 *   session_fork       vb_session_fork + free of a session holding 1,000 files (us)
 *   idle_session_kib   memory of one idle session (KiB, from RSS growth over 1,000)
 *   sessions_10k_mib   RSS growth for 10,000 live sessions (MiB)
 *   vfs_create_write   create + write 4 KiB + close through the VFS (ops/s)
 *   vfs_create_write_reused  the same after removing those files: memory the
 *                      process already has (ops/s)
 *   host_create_write  the same on the host's /dev/shm (tmpfs) (ops/s)
 *   page_touch_4k      the floor under vfs_create_write: memcpy of 4 KiB into
 *                      each page of a fresh anonymous mmap of N pages (ops/s,
 *                      one op = one page: the kernel faults and clears it)
 *   page_touch_4k_huge the same on a 2 MiB-aligned region with MADV_HUGEPAGE
 *   page_touch_4k_reused  the same pages again (memory already faulted in)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "src/session_int.h"
#include "vbash/vbash.h"
#include "vfs/vfs.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* One JSON line; note (may be NULL) is a short plain-ASCII remark. */
static void report_note(const char *name, const char *unit, double *v, int n, const char *note)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    printf("{\"case\":\"%s\",\"unit\":\"%s\",\"median\":%.3f,\"p10\":%.3f,\"p90\":%.3f,\"n\":%d",
           name, unit, v[n / 2], v[n / 10], v[(n * 9) / 10], n);
    if (note)
        printf(",\"note\":\"%s\"", note);
    printf("}\n");
    fflush(stdout);
}

static void report(const char *name, const char *unit, double *v, int n)
{
    report_note(name, unit, v, n, NULL);
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return 0;
    char line[256];
    long kib = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kib = strtol(line + 6, NULL, 10);
    fclose(f);
    return kib;
}

static int exec_quiet(vb_session *s, const char *script)
{
    vb_result r;
    vb_status rc = vb_exec(s, script, strlen(script), NULL, &r);
    int st = r.exit_status;
    vb_result_free(&r);
    return rc == VB_OK ? st : -1;
}

/* Creates, writes and closes /tmp/w/f0..f(n-1): files per second. */
static double vfs_create_files(vfs *fs, int n, const char *block, size_t len)
{
    char path[64];
    double t0 = now_us();
    int ok = 0;
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "/tmp/w/f%d", i);
        vfs_file *f;
        if (vfs_open(fs, path, O_WRONLY | O_CREAT | O_TRUNC, 0644, &f) == 0) {
            ok += vfs_write(f, block, len) == (ssize_t)len;
            vfs_close(f);
        }
    }
    return ok / ((now_us() - t0) / 1e6);
}

/* n files created, written (4 KiB) and closed through the VFS (which & 1),
 * again after removing them (which & 4), and on the host's tmpfs
 * (which & 2). */
static int vfs_case(int n, double *v, int which)
{
    static char block[4096];
    memset(block, 'x', sizeof block);
    vb_config cfg;
    vb_config_init(&cfg);
    vb_limits lim = {0};
    lim.max_inodes = (uint64_t)n * 2 + 1000;
    lim.max_total_bytes = (uint64_t)n * 8192 + (64u << 20);
    cfg.limits = &lim;
    char path[64];
    double t0, dt;
    int ok;
    if (!(which & 1))
        goto host;
    vb_session *s;
    vb_session_new(&cfg, &s);
    vfs *fs = session_vfs(s);
    vfs_mkdir(fs, "/tmp/w", 0755);
    v[0] = vfs_create_files(fs, n, block, sizeof block);
    report("vfs_create_write", "ops/s", v, 1);
    if (which & 4) {
        /* the same again after removing the files: memory the process
         * already has (no first-touch page faults) */
        for (int i = 0; i < n; i++) {
            snprintf(path, sizeof path, "/tmp/w/f%d", i);
            vfs_unlink(fs, path);
        }
        v[0] = vfs_create_files(fs, n, block, sizeof block);
        report("vfs_create_write_reused", "ops/s", v, 1);
    }
    vb_session_free(s);
host:
    if (!(which & 2))
        return 0;

    char dir[] = "/dev/shm/vbbench.XXXXXX";
    if (!mkdtemp(dir)) {
        strcpy(dir, "/tmp/vbbench.XXXXXX");
        if (!mkdtemp(dir))
            return -1;
    }
    t0 = now_us();
    ok = 0;
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/f%d", dir, i);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            ok += write(fd, block, sizeof block) == (ssize_t)sizeof block;
            close(fd);
        }
    }
    dt = now_us() - t0;
    v[0] = ok / (dt / 1e6);
    report("host_create_write", "ops/s", v, 1);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return -1;
    return 0;
}

/* Forks s r times keeping every clone alive (name: the fork alone, us),
 * frees them, then r times fork + free (name_free, us). */
static int fork_runs(vb_session *s, int r, double *v, const char *name, const char *name_free)
{
    vb_session **cs = calloc((size_t)r, sizeof *cs);
    if (!cs)
        return -1;
    int rc = 0;
    for (int i = 0; i < r && rc == 0; i++) {
        double t0 = now_us();
        if (vb_session_fork(s, &cs[i]) != VB_OK)
            rc = -1;
        v[i] = now_us() - t0;
    }
    for (int i = 0; i < r; i++)
        vb_session_free(cs[i]);
    free(cs);
    if (rc) {
        fprintf(stderr, "bench: vb_session_fork failed: %s\n", vb_session_error(s));
        return -1;
    }
    report(name, "us", v, r);
    for (int i = 0; i < r; i++) {
        double t0 = now_us();
        vb_session *c;
        if (vb_session_fork(s, &c) != VB_OK) {
            fprintf(stderr, "bench: vb_session_fork failed: %s\n", vb_session_error(s));
            return -1;
        }
        vb_session_free(c);
        v[i] = now_us() - t0;
    }
    report(name_free, "us", v, r);
    return 0;
}

/* A session holding n files of 4 KiB (written through the VFS), forked r
 * times with every clone kept alive (the fork alone), then r times fork +
 * free. */
static int fork_case(int n, int r, double *v)
{
    static char block[4096];
    memset(block, 'x', sizeof block);
    vb_config cfg;
    vb_config_init(&cfg);
    vb_limits lim = {0};
    lim.max_inodes = (uint64_t)n * 2 + 1000;
    lim.max_total_bytes = (uint64_t)n * 8192 + (64u << 20);
    cfg.limits = &lim;
    vb_session *s;
    if (vb_session_new(&cfg, &s) != VB_OK) {
        fprintf(stderr, "bench: vb_session_new failed\n");
        return -1;
    }
    vfs *fs = session_vfs(s);
    vfs_mkdir(fs, "/tmp/f", 0755);
    char path[64];
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "/tmp/f/%d", i);
        if (vfs_write_all(fs, path, block, sizeof block, 0644) < 0) {
            fprintf(stderr, "bench: write %s failed\n", path);
            vb_session_free(s);
            return -1;
        }
    }
    char name[48];
    snprintf(name, sizeof name, "fork_%d", n);
    char name_free[48];
    snprintf(name_free, sizeof name_free, "fork_free_%d", n);
    int rc = fork_runs(s, r, v, name, name_free);
    vb_session_free(s);
    return rc;
}

/* The script that defines nv variables and nf functions of a few lines
 * each (malloc'd, NUL-terminated; NULL when out of memory). */
static char *shell_state_script(int nv, int nf)
{
    size_t cap = (size_t)nv * 48 + (size_t)nf * 160 + 1;
    char *p = malloc(cap);
    if (!p)
        return NULL;
    size_t len = 0;
    p[0] = 0;
    for (int i = 0; i < nv; i++)
        len += (size_t)snprintf(p + len, cap - len, "v%d='value of variable %d'\n", i, i);
    for (int i = 0; i < nf; i++)
        len += (size_t)snprintf(p + len, cap - len,
                                "f%d() {\n  local a=$1 b=${2:-%d}\n"
                                "  [ -n \"$a\" ] || return 1\n"
                                "  echo \"f%d: $a $b $v%d\"\n}\n",
                                i, i, i, nv ? i % nv : 0);
    return p;
}

/* A session whose shell holds nv variables and nf functions, forked r
 * times kept alive, then r times fork + free; one more clone is checked to
 * hold the state. */
static int fork_shell_case(int nv, int nf, int r, double *v)
{
    vb_config cfg;
    vb_config_init(&cfg);
    cfg.profile = VB_PROFILE_PERMISSIVE;
    vb_session *s;
    if (vb_session_new(&cfg, &s) != VB_OK) {
        fprintf(stderr, "bench: vb_session_new failed\n");
        return -1;
    }
    char *script = shell_state_script(nv, nf);
    if (!script || exec_quiet(s, script) != 0) {
        fprintf(stderr, "bench: the script defining %d variables and %d functions failed\n",
                nv, nf);
        free(script);
        vb_session_free(s);
        return -1;
    }
    free(script);
    char name[64], name_free[64];
    snprintf(name, sizeof name, "fork_shell_%dv_%df", nv, nf);
    snprintf(name_free, sizeof name_free, "fork_shell_free_%dv_%df", nv, nf);
    int rc = fork_runs(s, r, v, name, name_free);
    /* the first and second command of a fork, and the source's first after
     * it (each run: fork, fork's two, source's one, free) */
    const char *cmd = nf ? "f0 x" : nv ? "echo \"$v0\"" : "echo hi";
    double *v2 = malloc(sizeof(double) * (size_t)r * 2);
    for (int i = 0; i < r && rc == 0 && v2; i++) {
        vb_session *c;
        if (vb_session_fork(s, &c) != VB_OK) {
            rc = -1;
            break;
        }
        double t0 = now_us();
        rc |= exec_quiet(c, cmd);
        double t1 = now_us();
        rc |= exec_quiet(c, cmd);
        double t2 = now_us();
        rc |= exec_quiet(s, cmd);
        double t3 = now_us();
        vb_session_free(c);
        v[i] = t1 - t0;
        v2[i] = t2 - t1;
        v2[r + i] = t3 - t2;
    }
    if (!v2)
        rc = -1;
    if (rc == 0) {
        char nm[96];
        snprintf(nm, sizeof nm, "fork_shell_exec1_%dv_%df", nv, nf);
        report(nm, "us", v, r);
        snprintf(nm, sizeof nm, "fork_shell_exec2_%dv_%df", nv, nf);
        report(nm, "us", v2, r);
        snprintf(nm, sizeof nm, "fork_shell_srcexec_%dv_%df", nv, nf);
        report(nm, "us", v2 + r, r);
    } else
        fprintf(stderr, "bench: %s failed in a fork or its source\n", cmd);
    free(v2);
    if (rc == 0 && nf > 0 && nv > 0) {
        /* the clone has the parent's state: the last function and the
         * variable it reads */
        char check[96], want[96];
        snprintf(check, sizeof check, "f%d x", nf - 1);
        snprintf(want, sizeof want, "f%d: x %d value of variable %d\n", nf - 1, nf - 1,
                 (nf - 1) % nv);
        vb_session *c;
        vb_result res;
        rc = -1;
        if (vb_session_fork(s, &c) == VB_OK) {
            if (vb_exec(c, check, strlen(check), NULL, &res) == VB_OK) {
                if (res.exit_status == 0 && res.out.len == strlen(want) &&
                    memcmp(res.out.data, want, res.out.len) == 0)
                    rc = 0;
                vb_result_free(&res);
            }
            vb_session_free(c);
        }
        if (rc)
            fprintf(stderr, "bench: a clone of the session does not run %s as its parent\n",
                    check);
    }
    vb_session_free(s);
    return rc;
}

/* AnonHugePages of the process (KiB), -1 if unknown. */
static long anon_huge_kib(void)
{
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f)
        return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "AnonHugePages:", 14) == 0)
            kib = strtol(line + 14, NULL, 10);
    fclose(f);
    return kib;
}

/* memcpy of 4 KiB into each of the n pages at p: pages per second. */
static double touch_pages(char *p, size_t n, const char *block, double t0)
{
    for (size_t i = 0; i < n; i++)
        memcpy(p + i * 4096, block, 4096);
    /* the stores are the measurement: keep them */
    __asm__ volatile("" : : "r"(p) : "memory");
    return (double)n / ((now_us() - t0) / 1e6);
}

/* The floor under vfs_create_write: n pages of fresh anonymous memory
 * written 4 KiB at a time (the kernel faults and clears each one), the
 * same on a 2 MiB-aligned MADV_HUGEPAGE region, and the first region's
 * pages again. reps runs of each; every run maps fresh memory. */
static int page_case(int n, int reps)
{
    static char block[4096];
    memset(block, 'x', sizeof block);
    size_t len = (size_t)n * 4096;
    const size_t huge = 2u << 20;
    double *fresh = malloc(sizeof(double) * (size_t)reps * 3);
    if (!fresh)
        return -1;
    double *hp = fresh + reps, *reused = fresh + 2 * reps;
    long huge_kib = -1;
    for (int r = 0; r < reps; r++) {
        double t0 = now_us();
        char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            fprintf(stderr, "bench: mmap of %zu bytes: %s\n", len, strerror(errno));
            free(fresh);
            return -1;
        }
        fresh[r] = touch_pages(p, (size_t)n, block, t0);
        reused[r] = touch_pages(p, (size_t)n, block, now_us());
        munmap(p, len);

        size_t hlen = (len + huge - 1) / huge * huge;
        long before = anon_huge_kib();
        t0 = now_us();
        char *q = mmap(NULL, hlen + huge, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (q == MAP_FAILED) {
            fprintf(stderr, "bench: mmap of %zu bytes: %s\n", hlen + huge, strerror(errno));
            free(fresh);
            return -1;
        }
        char *a = (char *)(((uintptr_t)q + huge - 1) & ~(uintptr_t)(huge - 1));
        int adv = madvise(a, hlen, MADV_HUGEPAGE);
        hp[r] = touch_pages(a, (size_t)n, block, t0);
        long after = anon_huge_kib();
        if (adv == 0 && before >= 0 && after >= 0)
            huge_kib = after - before;
        munmap(q, hlen + huge);
    }
    report("page_touch_4k", "ops/s", fresh, reps);
    char note[96];
    if (huge_kib >= 0)
        snprintf(note, sizeof note, "%ld of %zu KiB in huge pages", huge_kib, len / 1024);
    else
        snprintf(note, sizeof note, "MADV_HUGEPAGE refused or AnonHugePages unknown");
    report_note("page_touch_4k_huge", "ops/s", hp, reps, note);
    report("page_touch_4k_reused", "ops/s", reused, reps);
    free(fresh);
    return 0;
}

static const char usage_text[] =
    "usage: bench_core_bench [--quick]\n"
    "       bench_core_bench --vfs [FILES] | --host [FILES] | --page [PAGES]\n"
    "       bench_core_bench --fork FILES [RUNS]\n"
    "       bench_core_bench --fork-shell VARIABLES FUNCTIONS [RUNS]\n"
    "       bench_core_bench --help\n"
    "Prints one JSON line per case (see the comment at the top of bench/core_bench.c).\n"
    "FILES and PAGES: 1 to 1000000 (--fork: 0 to 1000000); VARIABLES and FUNCTIONS:\n"
    "0 to 1000000; RUNS: 1 to 10000 (default 20).\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("bench_core_bench: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(usage_text, stderr);
    return 2;
}

/* Reads a decimal count in [lo, hi] from s (digits only). */
static int parse_count(const char *s, long lo, long hi, int *out)
{
    if (!s || !*s)
        return -1;
    long v = 0;
    for (const char *c = s; *c; c++) {
        if (*c < '0' || *c > '9')
            return -1;
        v = v * 10 + (*c - '0');
        if (v > hi)
            return -1;
    }
    if (v < lo)
        return -1;
    *out = (int)v;
    return 0;
}

/* The default run: every case but the fork sizes (run.py runs those
 * apart, one process each, so that each starts from a fresh heap). */
static int run_all(int quick)
{
    int reps = quick ? 200 : 5000;
    double *v = malloc(sizeof(double) * (size_t)(reps > 10000 ? reps : 10000));
    if (!v)
        return 1;

    /* warm-up */
    for (int i = 0; i < 50; i++) {
        vb_session *s;
        if (vb_session_new(NULL, &s) != VB_OK) {
            fprintf(stderr, "bench: vb_session_new failed\n");
            free(v);
            return 1;
        }
        exec_quiet(s, "echo hi");
        vb_session_free(s);
    }

    for (int i = 0; i < reps; i++) {
        double t0 = now_us();
        vb_session *s;
        vb_session_new(NULL, &s);
        exec_quiet(s, "echo hi");
        vb_session_free(s);
        v[i] = now_us() - t0;
    }
    report("session_exec_free", "us", v, reps);

    {
        vb_session *s;
        vb_session_new(NULL, &s);
        for (int i = 0; i < reps; i++) {
            double t0 = now_us();
            exec_quiet(s, "echo hi");
            v[i] = now_us() - t0;
        }
        report("exec_echo", "us", v, reps);

        exec_quiet(s, "mkdir -p /tmp/f; i=0; while [ $i -lt 1000 ]; do echo $i > /tmp/f/$i; i=$((i+1)); done");
        int n = quick ? 50 : 1000;
        for (int i = 0; i < n; i++) {
            double t0 = now_us();
            vb_session *c;
            if (vb_session_fork(s, &c) == VB_OK)
                vb_session_free(c);
            v[i] = now_us() - t0;
        }
        report("session_fork", "us", v, n);
        vb_session_free(s);
    }

    {
        int n = quick ? 1000 : 10000;
        vb_session **ss = calloc((size_t)n, sizeof *ss);
        long before = rss_kib();
        for (int i = 0; i < n; i++)
            vb_session_new(NULL, &ss[i]);
        long after = rss_kib();
        v[0] = (double)(after - before) / n;
        report("idle_session_kib", "KiB", v, 1);
        v[0] = (double)(after - before) * 10000.0 / n / 1024.0;
        report("sessions_10k_mib", "MiB", v, 1);
        for (int i = 0; i < n; i++)
            vb_session_free(ss[i]);
        free(ss);
    }

    int nfiles = quick ? 5000 : 100000;
    int rc = vfs_case(nfiles, v, 1 | 2 | 4) || page_case(nfiles, 3);
    free(v);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    const char *op = argc > 1 ? argv[1] : "";
    int a = 0, b = 0, r = 20;
    double one[1];
    if (argc == 1 || (argc == 2 && strcmp(op, "--quick") == 0))
        return run_all(argc == 2);
    if (strcmp(op, "--help") == 0 || strcmp(op, "-h") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(op, "--vfs") == 0 || strcmp(op, "--host") == 0 || strcmp(op, "--page") == 0) {
        a = 100000;
        if (argc > 3)
            return usage_error("too many arguments after %s", op);
        if (argc == 3 && parse_count(argv[2], 1, 1000000, &a))
            return usage_error("invalid count: '%s' (1 to 1000000)", argv[2]);
        if (op[2] == 'p')
            return page_case(a, 3) ? 1 : 0;
        return vfs_case(a, one, op[2] == 'v' ? 1 | 4 : 2) ? 1 : 0;
    }
    if (strcmp(op, "--fork") == 0) {
        if (argc < 3 || argc > 4)
            return usage_error("%s takes FILES [RUNS]", op);
        if (parse_count(argv[2], 0, 1000000, &a))
            return usage_error("invalid number of files: '%s' (0 to 1000000)", argv[2]);
        if (argc == 4 && parse_count(argv[3], 1, 10000, &r))
            return usage_error("invalid number of runs: '%s' (1 to 10000)", argv[3]);
    } else if (strcmp(op, "--fork-shell") == 0) {
        if (argc < 4 || argc > 5)
            return usage_error("%s takes VARIABLES FUNCTIONS [RUNS]", op);
        if (parse_count(argv[2], 0, 1000000, &a))
            return usage_error("invalid number of variables: '%s' (0 to 1000000)", argv[2]);
        if (parse_count(argv[3], 0, 1000000, &b))
            return usage_error("invalid number of functions: '%s' (0 to 1000000)", argv[3]);
        if (argc == 5 && parse_count(argv[4], 1, 10000, &r))
            return usage_error("invalid number of runs: '%s' (1 to 10000)", argv[4]);
    } else {
        return usage_error("unknown or misplaced argument: '%s'",
                           strcmp(op, "--quick") == 0 ? argv[2] : op);
    }
    double *fv = malloc(sizeof(double) * (size_t)r);
    if (!fv)
        return 1;
    int rc = op[6] == '-' ? fork_shell_case(a, b, r, fv) : fork_case(a, r, fv);
    free(fv);
    return rc ? 1 : 0;
}
