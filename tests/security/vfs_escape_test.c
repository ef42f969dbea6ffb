/*
 * Escape attempts against the VFS: a host mount must never lead outside its
 * host directory (through "..", host symlinks absolute or relative, sandbox
 * symlinks, /proc magic links, a directory swapped for a symlink while
 * operations run), read-only mounts must refuse every write, over-long and
 * looping paths must fail cleanly, and a VFS filled past its limits must
 * stay usable. Host directories come from mkdtemp and are removed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/mem.h"
#include "tests/unit/t.h"
#include "vbash/vbash.h"
#include "vbash/vfs.h"
#include "vfs/vfs.h"

static mem_heap *H;
static char base[64];

static void hpath(char *out, size_t n, const char *rel)
{
    snprintf(out, n, "%s/%s", base, rel);
}

static void host_put(const char *rel, const char *s)
{
    char p[512];
    hpath(p, sizeof p, rel);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs(s, f);
        fclose(f);
    }
}

static void host_link(const char *target, const char *rel)
{
    char p[512];
    hpath(p, sizeof p, rel);
    unlink(p);
    T_CHECK(symlink(target, p) == 0);
}

static int host_count(const char *rel)
{
    char p[512];
    hpath(p, sizeof p, rel);
    int n = 0;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "%s", p);
    DIR *d = opendir(cmd);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

static char *get(vfs *v, const char *p)
{
    char *d;
    size_t n;
    if (vfs_read_all(v, p, H, &d, &n))
        return NULL;
    return d;
}

static int put(vfs *v, const char *p, const char *s)
{
    return vfs_write_all(v, p, s, strlen(s), 0644);
}

static int rm_cb(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(p);
}

static void setup(void)
{
    char p[512];
    hpath(p, sizeof p, "outside");
    mkdir(p, 0755);
    hpath(p, sizeof p, "box");
    mkdir(p, 0755);
    hpath(p, sizeof p, "box/sub");
    mkdir(p, 0755);
    host_put("outside/secret.txt", "SECRET\n");
    host_put("box/ok.txt", "ok\n");
    char tgt[512];
    hpath(tgt, sizeof tgt, "outside/secret.txt");
    host_link(tgt, "box/abs_file");               /* absolute host path */
    hpath(tgt, sizeof tgt, "outside");
    host_link(tgt, "box/abs_dir");
    host_link("../outside/secret.txt", "box/rel_file");
    host_link("../outside", "box/rel_dir");
    host_link("../../outside", "box/sub/up2");
    host_link("/etc/passwd", "box/etc_passwd");
    host_link("/proc/self/root", "box/procroot");
    host_link("/", "box/root");
    host_link("loop_b", "box/loop_a");
    host_link("loop_a", "box/loop_b");
    hpath(tgt, sizeof tgt, "outside/created_by_sandbox");
    host_link(tgt, "box/dangling_out");
}

/* Every way of naming the outside file from inside must fail or land on a
 * sandbox file, never on the host secret. */
static void test_mount_escapes(int mode)
{
    vfs *v;
    T_EQ_INT(vfs_new(H, NULL, 1000, 1000, &v), 0);
    char box[512];
    hpath(box, sizeof box, "box");
    T_EQ_INT(vfs_mount_host(v, box, "/mnt/box", mode), 0);
    const char *tries[] = {
        "/mnt/box/../outside/secret.txt",
        "/mnt/box/../../outside/secret.txt",
        "/mnt/box/sub/../../outside/secret.txt",
        "/mnt/box/sub/../../../../../../outside/secret.txt",
        "/mnt/box/abs_file",
        "/mnt/box/abs_dir/secret.txt",
        "/mnt/box/rel_file",
        "/mnt/box/rel_dir/secret.txt",
        "/mnt/box/sub/up2/secret.txt",
        "/mnt/box/procroot/etc/hostname",
        "/mnt/box/root/etc/hostname",
        "/mnt/box/root/tmp",
    };
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        char *d = get(v, tries[i]);
        T_CHECK_MSG(d == NULL || strstr(d, "SECRET") == NULL, "%s", tries[i]);
    }
    /* ".." at the mount root is the mount point's parent in the sandbox */
    char *rp;
    T_EQ_INT(vfs_realpath(v, "/mnt/box/..", H, &rp), 0);
    T_EQ_STR(rp, "/mnt");
    T_EQ_INT(vfs_realpath(v, "/mnt/box/sub/../../../..", H, &rp), 0);
    T_EQ_STR(rp, "/");
    /* an absolute host symlink is resolved from the sandbox root */
    char *pw = get(v, "/mnt/box/etc_passwd");
    T_CHECK(pw && strstr(pw, "user:x:1000:1000::/home/user:/bin/bash"));
    T_EQ_INT(vfs_realpath(v, "/mnt/box/root", H, &rp), 0);
    T_EQ_STR(rp, "/");
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(v, "/mnt/box/loop_a", &st), -ELOOP);
    T_EQ_INT(vfs_stat(v, "/mnt/box/abs_dir", &st), -ENOENT);
    /* writes through links that point outside */
    int rc = put(v, "/mnt/box/dangling_out", "pwned");
    T_CHECK(rc < 0);
    rc = put(v, "/mnt/box/rel_dir/new.txt", "pwned");
    T_CHECK(rc < 0);
    rc = vfs_mkdir(v, "/mnt/box/abs_dir/newdir", 0755);
    T_CHECK(rc < 0);
    T_EQ_INT(host_count("outside"), 1);
    /* a sandbox symlink to the mount's parent does not reach the host either */
    T_EQ_INT(vfs_symlink(v, "/mnt/box/..", "/tmp/up"), 0);
    T_CHECK(get(v, "/tmp/up/outside/secret.txt") == NULL);
    if (mode == 1) {
        /* in rw mode the sandbox may create symlinks on the host; following
         * them from inside still stays inside */
        T_EQ_INT(vfs_symlink(v, "/", "/mnt/box/made_root"), 0);
        T_EQ_INT(vfs_realpath(v, "/mnt/box/made_root", H, &rp), 0);
        T_EQ_STR(rp, "/");
        T_EQ_INT(vfs_unlink(v, "/mnt/box/made_root"), 0);
        T_EQ_INT(vfs_link(v, "/mnt/box/ok.txt", "/tmp/hardlink"), -EXDEV);
        T_EQ_INT(vfs_rename(v, "/mnt/box/ok.txt", "/tmp/moved"), -EXDEV);
    }
    /* host FIFOs and devices are refused without blocking */
    char fifo[512];
    hpath(fifo, sizeof fifo, "box/fifo");
    mkfifo(fifo, 0644);
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/mnt/box/fifo", O_RDONLY, 0, &f), -EACCES);
    unlink(fifo);
    vfs_free(v);
}

static void test_ro_writes(void)
{
    vfs *v;
    T_EQ_INT(vfs_new(H, NULL, 0, 0, &v), 0);   /* even as root */
    char box[512];
    hpath(box, sizeof box, "box");
    T_EQ_INT(vfs_mount_host(v, box, "/ro", 0), 0);
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/ro/ok.txt", O_WRONLY, 0, &f), -EROFS);
    T_EQ_INT(vfs_open(v, "/ro/ok.txt", O_RDONLY | O_TRUNC, 0, &f), -EROFS);
    T_EQ_INT(vfs_open(v, "/ro/new", O_WRONLY | O_CREAT, 0644, &f), -EROFS);
    T_EQ_INT(vfs_unlink(v, "/ro/ok.txt"), -EROFS);
    T_EQ_INT(vfs_mkdir(v, "/ro/d", 0755), -EROFS);
    T_EQ_INT(vfs_rmdir(v, "/ro/sub"), -EROFS);
    T_EQ_INT(vfs_rename(v, "/ro/ok.txt", "/ro/sub/ok.txt"), -EROFS);
    T_EQ_INT(vfs_symlink(v, "x", "/ro/sub/l"), -EROFS);
    T_EQ_INT(vfs_link(v, "/ro/ok.txt", "/ro/sub/h"), -EROFS);
    T_EQ_INT(vfs_chmod(v, "/ro/ok.txt", 0777), -EROFS);
    T_EQ_INT(vfs_chown(v, "/ro/ok.txt", 0, 0, true), -EROFS);
    T_EQ_INT(vfs_truncate(v, "/ro/ok.txt", 0), -EROFS);
    T_EQ_INT(vfs_utimens(v, "/ro/ok.txt", NULL, true), -EROFS);
    T_EQ_INT(vfs_mknod(v, "/ro/fifo", S_IFIFO | 0644, 0), -EROFS);
    T_EQ_INT(vfs_rmdir(v, "/ro"), -EBUSY);
    T_EQ_INT(vfs_rename(v, "/ro", "/ro2"), -EBUSY);
    T_EQ_INT(host_count("box"), 12);
    vfs_free(v);
}

/* A thread keeps swapping box/race between a real directory and a symlink
 * to the outside while the sandbox writes into it: nothing may land
 * outside. */
static atomic_int race_stop;

static void *race_swapper(void *arg)
{
    (void)arg;
    char dir[512], tmp[512], out[512];
    hpath(dir, sizeof dir, "box/race");
    hpath(tmp, sizeof tmp, "box/race_tmp");
    hpath(out, sizeof out, "outside");
    (void)tmp;
    while (!atomic_load(&race_stop)) {
        /* a real directory for a while (the sandbox's files land here) */
        mkdir(dir, 0755);
        usleep(300);
        char f[600];
        for (int i = 0; i < 4; i++) {
            snprintf(f, sizeof f, "%s/f%d", dir, i);
            unlink(f);
        }
        snprintf(f, sizeof f, "%s/d", dir);
        rmdir(f);
        rmdir(dir);
        /* then a symlink to the outside in its place */
        symlink(out, dir);
        for (volatile int i = 0; i < 2000; i++)
            ;
        unlink(dir);
    }
    return NULL;
}

static void test_race(void)
{
    vfs *v;
    T_EQ_INT(vfs_new(H, NULL, 1000, 1000, &v), 0);
    char box[512];
    hpath(box, sizeof box, "box");
    T_EQ_INT(vfs_mount_host(v, box, "/rw", 1), 0);
    pthread_t th;
    atomic_store(&race_stop, 0);
    T_CHECK(pthread_create(&th, NULL, race_swapper, NULL) == 0);
    int wrote = 0, tries = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0;; i++) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if ((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 > 300)
            break;
        tries++;
        char p[64];
        snprintf(p, sizeof p, "/rw/race/f%d", i % 4);
        int prc = put(v, p, "x");
        if (prc == 0) {
            wrote++;
            vfs_unlink(v, p);
        } else if (getenv("VB_RACE_DEBUG")) {
            fprintf(stderr, "%d ", prc);
        }
        vfs_mkdir(v, "/rw/race/d", 0755);
        vfs_rmdir(v, "/rw/race/d");
    }
    atomic_store(&race_stop, 1);
    pthread_join(th, NULL);
    T_EQ_INT(host_count("outside"), 1);
    char p[512];
    hpath(p, sizeof p, "box/race");
    struct stat st;
    if (lstat(p, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            nftw(p, rm_cb, 8, FTW_DEPTH | FTW_PHYS);
        } else {
            unlink(p);
        }
    }
    hpath(p, sizeof p, "box/race_tmp");
    unlink(p);
    rmdir(p);
    printf("race: %d of %d writes landed inside the mount, none outside\n", wrote, tries);
    vfs_free(v);
}

static void test_paths(void)
{
    vfs *v;
    T_EQ_INT(vfs_new(H, NULL, 1000, 1000, &v), 0);
    vfs_stat_t st;
    char *p = malloc(70000);
    /* over-long paths and names */
    memset(p, 'a', 69999);
    p[0] = '/';
    p[69999] = 0;
    T_EQ_INT(vfs_stat(v, p, &st), -ENAMETOOLONG);
    T_EQ_INT(put(v, p, "x"), -ENAMETOOLONG);
    T_EQ_INT(vfs_mkdir(v, p, 0755), -ENAMETOOLONG);
    /* a symlink whose expansion grows past the limit */
    memset(p, 'b', 4000);
    p[0] = '/';
    p[4000] = 0;
    T_EQ_INT(vfs_symlink(v, p, "/tmp/longlink"), 0);
    T_EQ_INT(vfs_symlink(v, "/tmp/longlink/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "/tmp/l2"), 0);
    int rc = vfs_stat(v, "/tmp/l2", &st);
    T_CHECK(rc == -ENAMETOOLONG || rc == -ENOENT);
    /* a self-referencing directory symlink: ELOOP, not a hang */
    T_EQ_INT(vfs_symlink(v, ".", "/tmp/self"), 0);
    char deep[4000] = "/tmp";
    for (int i = 0; i < 40; i++)
        strcat(deep, "/self");
    T_EQ_INT(vfs_stat(v, deep, &st), 0);      /* 40 symlinks followed: fine */
    strcat(deep, "/self");
    T_EQ_INT(vfs_stat(v, deep, &st), -ELOOP); /* the 41st: ELOOP, as Linux */
    T_EQ_INT(vfs_symlink(v, "/tmp/selfabs", "/tmp/selfabs"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/selfabs", &st), -ELOOP);
    T_EQ_INT(vfs_symlink(v, "/tmp/sa/x", "/tmp/sa"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/sa", &st), -ELOOP);
    /* NUL ends a C path: the API never sees past it */
    T_EQ_INT(put(v, "/tmp/nul\0hidden", "x"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/nul", &st), 0);
    free(p);
    vfs_free(v);
}

static void test_fill(void)
{
    vfs_limits lim = { .max_total_bytes = 1 << 20, .max_inodes = 200, .max_file_bytes = 256 << 10 };
    vfs *v;
    T_EQ_INT(vfs_new(H, &lim, 1000, 1000, &v), 0);
    char *blob = malloc(64 << 10);
    memset(blob, 'z', 64 << 10);
    int rc = 0, files = 0;
    for (int i = 0; i < 1000 && !rc; i++) {
        char p[64];
        snprintf(p, sizeof p, "/tmp/fill%d", i);
        rc = vfs_write_all(v, p, blob, 64 << 10, 0644);
        if (!rc)
            files++;
    }
    T_EQ_INT(rc, -ENOSPC);
    T_CHECK(vfs_bytes_used(v) <= (1 << 20));
    /* a half-written file does not stay over the limit */
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/tmp/grow", O_WRONLY | O_CREAT, 0644, &f), 0);
    rc = 0;
    for (int i = 0; i < 100 && rc >= 0; i++)
        rc = (int)vfs_write(f, blob, 4096);
    T_EQ_INT(rc, -ENOSPC);
    vfs_close(f);
    T_CHECK(vfs_bytes_used(v) <= (1 << 20));
    /* inodes */
    rc = 0;
    for (int i = 0; i < 1000 && !rc; i++) {
        char p[64];
        snprintf(p, sizeof p, "/tmp/empty%d", i);
        rc = vfs_mkdir(v, p, 0755);
    }
    T_EQ_INT(rc, -ENOSPC);
    T_EQ_STR(vfs_last_limit(v), "inode limit");
    /* still usable after freeing */
    T_EQ_INT(vfs_unlink(v, "/tmp/fill0"), 0);
    T_EQ_INT(vfs_unlink(v, "/tmp/fill1"), 0);
    T_EQ_INT(put(v, "/tmp/after", "fine"), 0);
    T_EQ_STR(get(v, "/tmp/after"), "fine");
    vfs_statfs_t sf;
    T_EQ_INT(vfs_statfs(v, "/tmp", &sf), 0);
    T_CHECK(sf.used_bytes <= sf.total_bytes);
    T_CHECK(sf.used_inodes <= sf.total_inodes);
    free(blob);
    vfs_free(v);
}

/* The embedder API: bad arguments are refused, never crash; a mount made
 * through it is as closed as one made directly. */
static void test_api(void)
{
    vb_session *s = NULL;
    if (vb_session_new(NULL, &s) != VB_OK || !s) {
        T_SKIP("vb_session_new unavailable");
        return;
    }
    T_EQ_INT(vb_vfs_write_file(s, NULL, "d", 1), VB_EINVAL);
    T_EQ_INT(vb_vfs_write_file(s, "relative", "d", 1), VB_EINVAL);
    T_EQ_INT(vb_vfs_write_file(s, "/tmp/x", NULL, 5), VB_EINVAL);
    /* a path is a C string: bytes after a NUL are never seen */
    T_EQ_INT(vb_vfs_write_file(s, "/tmp/ok\0/../../etc/passwd", "d", 1), VB_OK);
    vb_bytes b = { 0 };
    T_EQ_INT(vb_vfs_read_file(s, "/tmp/ok", &b), VB_OK);
    T_EQ_INT(b.len, 1);
    vb_free(b.data);
    T_EQ_INT(vb_vfs_read_file(s, "/dev/zero", &b), VB_EINVAL);   /* endless */
    T_CHECK(b.data == NULL);
    char *longp = malloc(10000);
    memset(longp, 'x', 9999);
    longp[0] = '/';
    longp[9999] = 0;
    T_EQ_INT(vb_vfs_write_file(s, longp, "d", 1), VB_ENAMETOOLONG);
    T_EQ_INT(vb_vfs_read_file(s, longp, &b), VB_ENAMETOOLONG);
    free(longp);
    char box[512];
    hpath(box, sizeof box, "box");
    T_EQ_INT(vb_vfs_mount(s, box, "/mnt/api", VB_MOUNT_RO), VB_OK);
    T_EQ_INT(vb_vfs_mount(s, box, "/mnt/api2", (vb_mount_mode)7), VB_EINVAL);
    T_EQ_INT(vb_vfs_write_file(s, "/mnt/api/new", "d", 1), VB_EROFS);
    T_EQ_INT(vb_vfs_read_file(s, "/mnt/api/abs_file", &b), VB_ENOENT);
    T_EQ_INT(vb_vfs_read_file(s, "/mnt/api/rel_dir/secret.txt", &b), VB_ENOENT);
    T_EQ_INT(vb_vfs_remove(s, "/mnt/api", true), VB_EROFS);
    /* a tar whose members climb out is refused member by member */
    vb_bytes tar = { 0 };
    T_EQ_INT(vb_vfs_mkdir(s, "/tmp/t/a/b", 0755, true), VB_OK);
    T_EQ_INT(vb_vfs_write_file(s, "/tmp/t/a/b/f", "F", 1), VB_OK);
    T_EQ_INT(vb_vfs_export_tar_mem(s, "/tmp/t", &tar), VB_OK);
    T_EQ_INT(vb_vfs_mkdir(s, "/tmp/u", 0755, false), VB_OK);
    T_EQ_INT(vb_vfs_import_tar_mem(s, "/tmp/u", tar.data, tar.len), VB_OK);
    T_EQ_INT(vb_vfs_read_file(s, "/tmp/u/a/b/f", &b), VB_OK);
    vb_free(b.data);
    vb_free(tar.data);
    vb_session_free(s);
}

int main(void)
{
    H = mem_heap_new(0);
    snprintf(base, sizeof base, "/tmp/vbescXXXXXX");
    if (!mkdtemp(base)) {
        T_SKIP("mkdtemp failed");
        return T_DONE();
    }
    setup();
    uint64_t chunks0 = vfs_chunks_live();
    test_mount_escapes(0);
    test_mount_escapes(1);
    test_mount_escapes(2);
    test_ro_writes();
    test_race();
    test_paths();
    test_fill();
    T_EQ_INT(vfs_chunks_live(), chunks0);
    test_api();
    nftw(base, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    mem_heap_destroy(H);
    return T_DONE();
}
