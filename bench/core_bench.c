/*
 * In-process benchmarks of libvbash: what an embedder pays per call.
 * Prints one JSON object per line: {"case":..., "unit":..., "median":...,
 * "p10":..., "p90":..., "n":...}; bench/run.sh turns them into the table.
 *
 *   bench_core_bench [--quick]     every case below
 *   bench_core_bench --vfs [N]     vfs_create_write only, N files (default
 *                                  100,000), e.g. under perf; then
 *                                  vfs_create_write_reused: the same after
 *                                  removing them (memory already faulted in)
 *   bench_core_bench --host [N]    host_create_write only
 *   bench_core_bench --fork N [R]  fork_N: vb_session_fork alone (us), then
 *                                  fork_free_N: fork + free, of a session
 *                                  holding N files of 4 KiB; R runs (default 20)
 *
 * Cases:
 *   session_exec_free  vb_session_new + vb_exec("echo hi") + vb_session_free (us)
 *   exec_echo          vb_exec("echo hi") on a live session (us)
 *   session_fork       vb_session_fork + free of a session holding 1,000 files (us)
 *   idle_session_kib   memory of one idle session (KiB, from RSS growth over 1,000)
 *   sessions_10k_mib   RSS growth for 10,000 live sessions (MiB)
 *   vfs_create_write   create + write 4 KiB + close through the VFS (ops/s)
 *   host_create_write  the same on the host's /dev/shm (tmpfs) (ops/s)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static void report(const char *name, const char *unit, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    printf("{\"case\":\"%s\",\"unit\":\"%s\",\"median\":%.3f,\"p10\":%.3f,\"p90\":%.3f,\"n\":%d}\n",
           name, unit, v[n / 2], v[n / 10], v[(n * 9) / 10], n);
    fflush(stdout);
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

/* n files created, written (4 KiB) and closed through the VFS, then the
 * same on the host's tmpfs. */
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

/* A session holding n files of 4 KiB (written through the VFS), forked r
 * times: the fork alone, then fork + free. */
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
    if (vb_session_new(&cfg, &s) != VB_OK)
        return -1;
    vfs *fs = session_vfs(s);
    vfs_mkdir(fs, "/tmp/f", 0755);
    char path[64];
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "/tmp/f/%d", i);
        if (vfs_write_all(fs, path, block, sizeof block, 0644) < 0) {
            fprintf(stderr, "bench: write %s failed\n", path);
            return -1;
        }
    }
    vb_session **cs = calloc((size_t)r, sizeof *cs);
    for (int i = 0; i < r; i++) {
        double t0 = now_us();
        if (vb_session_fork(s, &cs[i]) != VB_OK)
            return -1;
        v[i] = now_us() - t0;
    }
    for (int i = 0; i < r; i++)
        vb_session_free(cs[i]);
    char name[32];
    snprintf(name, sizeof name, "fork_%d", n);
    report(name, "us", v, r);
    for (int i = 0; i < r; i++) {
        double t0 = now_us();
        vb_session *c;
        if (vb_session_fork(s, &c) != VB_OK)
            return -1;
        vb_session_free(c);
        v[i] = now_us() - t0;
    }
    snprintf(name, sizeof name, "fork_free_%d", n);
    report(name, "us", v, r);
    free(cs);
    vb_session_free(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--vfs") == 0) {
        double one[1];
        return vfs_case(argc > 2 ? atoi(argv[2]) : 100000, one, 1 | 4) ? 1 : 0;
    }
    if (argc > 1 && strcmp(argv[1], "--host") == 0) {
        double one[1];
        return vfs_case(argc > 2 ? atoi(argv[2]) : 100000, one, 2) ? 1 : 0;
    }
    if (argc > 2 && strcmp(argv[1], "--fork") == 0) {
        int r = argc > 3 ? atoi(argv[3]) : 20;
        if (r < 1)
            r = 1;
        double *fv = malloc(sizeof(double) * (size_t)r);
        int rc = fork_case(atoi(argv[2]), r, fv);
        free(fv);
        return rc ? 1 : 0;
    }
    int quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    int reps = quick ? 200 : 5000;
    double *v = malloc(sizeof(double) * (size_t)(reps > 10000 ? reps : 10000));

    /* warm-up */
    for (int i = 0; i < 50; i++) {
        vb_session *s;
        if (vb_session_new(NULL, &s) != VB_OK) {
            fprintf(stderr, "bench: vb_session_new failed\n");
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

    if (vfs_case(quick ? 5000 : 100000, v, 3))
        return 1;
    free(v);
    return 0;
}
