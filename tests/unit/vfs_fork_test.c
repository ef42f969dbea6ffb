/*
 * Fork isolation of the VFS: after vfs_fork, every change made on one side
 * (writes, truncates, unlinks, renames, hard links, chmod/chown/utimens,
 * mkdir/rmdir, symlinks, writes through handles opened before the fork) is
 * invisible to the other; forks of forks; freeing the parent (and its heap)
 * before the child; chunk and heap accounting back to zero at the end.
 * A fork that shared any structure without copying it would fail here.
 * The fork shares every inode until one side changes it: debug builds
 * also count changes made to a shared inode without copying it first
 * (vfs_cow_misses), which must stay 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "tests/unit/t.h"
#include "vfs/vfs.h"

static mem_heap *H;   /* for read buffers */

static int put(vfs *v, const char *p, const char *s)
{
    return vfs_write_all(v, p, s, strlen(s), 0644);
}

/* Contents of p ("" on error; the buffer stays on H until the end). */
static const char *get(vfs *v, const char *p)
{
    char *d;
    size_t n;
    if (vfs_read_all(v, p, H, &d, &n))
        return "<error>";
    return d;
}

static int exists(vfs *v, const char *p)
{
    vfs_stat_t st;
    return vfs_lstat(v, p, &st) == 0;
}

static uint32_t mode_of(vfs *v, const char *p)
{
    vfs_stat_t st;
    if (vfs_lstat(v, p, &st))
        return 0xffffffffu;
    return st.mode & 07777;
}

/* Names of directory p, sorted, joined with ',' into out. */
static const char *names(vfs *v, const char *p, char *out, size_t cap)
{
    vfs_dir *d;
    out[0] = 0;
    if (vfs_opendir(v, p, &d))
        return "<error>";
    vfs_dirent e;
    size_t n = 0;
    while (vfs_readdir(d, &e) > 0) {
        size_t l = strlen(e.name);
        if (n + l + 2 >= cap)
            break;
        if (n)
            out[n++] = ',';
        memcpy(out + n, e.name, l);
        n += l;
        out[n] = 0;
    }
    vfs_closedir(d);
    return out;
}

static vfs *mk(mem_heap *h)
{
    vfs *v = NULL;
    T_EQ_INT(vfs_new(h, NULL, 1000, 1000, &v), 0);
    return v;
}

/* A tree with files, a hard link, a symlink and a nested directory. */
static void populate(vfs *v)
{
    T_EQ_INT(vfs_mkdir(v, "/tmp/d", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/d/sub", 0755), 0);
    T_EQ_INT(put(v, "/tmp/d/a", "A"), 0);
    T_EQ_INT(put(v, "/tmp/d/b", "B"), 0);
    T_EQ_INT(put(v, "/tmp/d/sub/c", "C"), 0);
    T_EQ_INT(vfs_link(v, "/tmp/d/a", "/tmp/d/sub/alink"), 0);
    T_EQ_INT(vfs_symlink(v, "../a", "/tmp/d/sub/sym"), 0);
    /* enough entries for the directory's hash index */
    char p[64];
    for (int i = 0; i < 40; i++) {
        snprintf(p, sizeof p, "/tmp/d/n%02d", i);
        T_EQ_INT(put(v, p, "n"), 0);
    }
}

/* Changes made in `w` are not seen in `o`, both ways (called twice). */
static void check_isolation(vfs *w, vfs *o)
{
    char b1[4096], b2[4096];
    /* data written in place, appended, truncated */
    T_EQ_INT(put(w, "/tmp/d/b", "changed"), 0);
    T_EQ_STR(get(w, "/tmp/d/b"), "changed");
    T_EQ_STR(get(o, "/tmp/d/b"), "B");
    vfs_file *f;
    T_EQ_INT(vfs_open(w, "/tmp/d/sub/c", O_WRONLY | O_APPEND, 0, &f), 0);
    T_EQ_INT(vfs_write(f, "++", 2), 2);
    vfs_close(f);
    T_EQ_STR(get(w, "/tmp/d/sub/c"), "C++");
    T_EQ_STR(get(o, "/tmp/d/sub/c"), "C");
    T_EQ_INT(vfs_truncate(w, "/tmp/d/n00", 0), 0);
    T_EQ_STR(get(o, "/tmp/d/n00"), "n");
    /* a hard link: both names change on one side only */
    T_EQ_INT(put(w, "/tmp/d/sub/alink", "via link"), 0);
    T_EQ_STR(get(w, "/tmp/d/a"), "via link");
    T_EQ_STR(get(o, "/tmp/d/a"), "A");
    T_EQ_STR(get(o, "/tmp/d/sub/alink"), "A");
    T_EQ_STR(get(w, "/tmp/d/sub/sym"), "via link");
    T_EQ_STR(get(o, "/tmp/d/sub/sym"), "A");
    vfs_stat_t sw, so;
    T_EQ_INT(vfs_stat(w, "/tmp/d/a", &sw), 0);
    T_EQ_INT(vfs_stat(o, "/tmp/d/a", &so), 0);
    T_EQ_INT(sw.nlink, 2);
    T_EQ_INT(so.nlink, 2);
    T_CHECK(sw.ino == so.ino);
    /* a new hard link on one side only */
    T_EQ_INT(vfs_link(w, "/tmp/d/b", "/tmp/d/b2"), 0);
    T_EQ_INT(vfs_stat(w, "/tmp/d/b", &sw), 0);
    T_EQ_INT(vfs_stat(o, "/tmp/d/b", &so), 0);
    T_EQ_INT(sw.nlink, 2);
    T_EQ_INT(so.nlink, 1);
    T_CHECK(!exists(o, "/tmp/d/b2"));
    /* metadata */
    T_EQ_INT(vfs_chmod(w, "/tmp/d/sub/c", 0600), 0);
    T_EQ_INT(mode_of(w, "/tmp/d/sub/c"), 0600);
    T_EQ_INT(mode_of(o, "/tmp/d/sub/c"), 0644);
    T_EQ_INT(vfs_chmod(w, "/tmp/d/sub", 0700), 0);
    T_EQ_INT(mode_of(o, "/tmp/d/sub"), 0755);
    struct timespec ts[2] = { { 1000, 0 }, { 2000, 0 } };
    T_EQ_INT(vfs_utimens(w, "/tmp/d/n01", ts, 0), 0);
    T_EQ_INT(vfs_stat(w, "/tmp/d/n01", &sw), 0);
    T_EQ_INT(vfs_stat(o, "/tmp/d/n01", &so), 0);
    T_EQ_INT(sw.mtime.tv_sec, 2000);
    T_CHECK(so.mtime.tv_sec != 2000);
    /* names: unlink, rename, mkdir, rmdir, symlink, new files */
    T_EQ_INT(vfs_unlink(w, "/tmp/d/n02"), 0);
    T_CHECK(!exists(w, "/tmp/d/n02"));
    T_EQ_STR(get(o, "/tmp/d/n02"), "n");
    T_EQ_INT(vfs_rename(w, "/tmp/d/n03", "/tmp/d/sub/moved"), 0);
    T_CHECK(exists(o, "/tmp/d/n03"));
    T_CHECK(!exists(o, "/tmp/d/sub/moved"));
    T_EQ_STR(get(w, "/tmp/d/sub/moved"), "n");
    T_EQ_INT(vfs_rename(w, "/tmp/d/n04", "/tmp/d/n05"), 0);   /* replaces */
    T_EQ_STR(get(o, "/tmp/d/n04"), "n");
    T_EQ_STR(get(o, "/tmp/d/n05"), "n");
    T_EQ_INT(vfs_mkdir(w, "/tmp/d/newdir", 0755), 0);
    T_EQ_INT(put(w, "/tmp/d/newdir/x", "x"), 0);
    T_CHECK(!exists(o, "/tmp/d/newdir"));
    T_EQ_INT(vfs_unlink(w, "/tmp/d/sub/sym"), 0);
    T_EQ_INT(vfs_symlink(w, "elsewhere", "/tmp/d/sub/sym"), 0);
    char *lt = NULL;
    T_EQ_INT(vfs_readlink(o, "/tmp/d/sub/sym", H, &lt), 4);
    T_EQ_STR(lt, "../a");
    T_EQ_INT(vfs_readlink(w, "/tmp/d/sub/sym", H, &lt), 9);
    /* a whole directory renamed away, then removed */
    T_EQ_INT(vfs_mkdir(w, "/tmp/gone", 0755), 0);
    T_EQ_INT(vfs_rename(w, "/tmp/d/sub", "/tmp/gone/sub"), 0);
    T_CHECK(exists(o, "/tmp/d/sub/c"));
    T_EQ_STR(get(w, "/tmp/gone/sub/c"), "C++");
    T_EQ_STR(get(o, "/tmp/d/sub/c"), "C");
    /* listings */
    T_EQ_STR(names(o, "/tmp/d/sub", b1, sizeof b1), "alink,c,sym");
    T_EQ_STR(names(w, "/tmp/gone/sub", b2, sizeof b2), "alink,c,moved,sym");
    T_CHECK(strcmp(names(w, "/tmp/d", b1, sizeof b1), names(o, "/tmp/d", b2, sizeof b2)) != 0);
    /* counters */
    T_CHECK(vfs_inodes_used(w) != vfs_inodes_used(o));
}

/* Undoes nothing: builds a fresh pair per direction. */
static void test_isolation(void)
{
    for (int dir = 0; dir < 2; dir++) {
        mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
        vfs *p = mk(hp);
        populate(p);
        uint64_t used = vfs_bytes_used(p), inodes = vfs_inodes_used(p);
        vfs *c = NULL;
        T_EQ_INT(vfs_fork(p, hc, &c), 0);
        if (!c)
            return;
        T_EQ_INT(vfs_bytes_used(c), used);
        T_EQ_INT(vfs_inodes_used(c), inodes);
        if (dir == 0)
            check_isolation(c, p);   /* the child changes */
        else
            check_isolation(p, c);   /* the parent changes */
        vfs *w = dir == 0 ? c : p, *o = dir == 0 ? p : c;
        T_EQ_INT(vfs_bytes_used(o), used);
        T_EQ_INT(vfs_inodes_used(o), inodes);
        (void)w;
        vfs_free(c);
        vfs_free(p);
        T_EQ_INT(mem_heap_used(hc), 0);
        T_EQ_INT(mem_heap_used(hp), 0);
        mem_heap_destroy(hc);
        mem_heap_destroy(hp);
    }
}

/* Handles opened before the fork belong to the side that opened them. */
static void test_open_handles(void)
{
    mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
    vfs *p = mk(hp);
    T_EQ_INT(put(p, "/tmp/h", "0123456789"), 0);
    T_EQ_INT(put(p, "/tmp/u", "unlinked"), 0);
    vfs_file *fw, *fr, *fu;
    T_EQ_INT(vfs_open(p, "/tmp/h", O_RDWR, 0, &fw), 0);
    T_EQ_INT(vfs_open(p, "/tmp/h", O_RDONLY, 0, &fr), 0);
    T_EQ_INT(vfs_open(p, "/tmp/u", O_RDWR, 0, &fu), 0);
    T_EQ_INT(vfs_unlink(p, "/tmp/u"), 0);   /* open but unlinked at the fork */
    vfs *c = NULL;
    T_EQ_INT(vfs_fork(p, hc, &c), 0);
    if (!c)
        return;
    T_CHECK(!exists(c, "/tmp/u"));
    /* the parent writes through its handle: the child keeps the old data */
    T_EQ_INT(vfs_write(fw, "AB", 2), 2);
    T_EQ_STR(get(p, "/tmp/h"), "AB23456789");
    T_EQ_STR(get(c, "/tmp/h"), "0123456789");
    char buf[16] = { 0 };
    T_EQ_INT(vfs_read(fr, buf, 4), 4);        /* the parent's reader sees it */
    T_EQ_STR(buf, "AB23");
    /* the child writes: the parent's handles do not see it */
    T_EQ_INT(put(c, "/tmp/h", "child"), 0);
    memset(buf, 0, sizeof buf);
    T_EQ_INT(vfs_pread(fr, buf, 10, 0), 10);
    T_EQ_STR(buf, "AB23456789");
    T_EQ_INT(vfs_ftruncate(fw, 3), 0);
    T_EQ_STR(get(p, "/tmp/h"), "AB2");
    T_EQ_STR(get(c, "/tmp/h"), "child");
    /* the unlinked file still works through the parent's handle */
    T_EQ_INT(vfs_seek(fu, 0, SEEK_SET), 0);
    T_EQ_INT(vfs_write(fu, "UN", 2), 2);
    memset(buf, 0, sizeof buf);
    T_EQ_INT(vfs_pread(fu, buf, 8, 0), 8);
    T_EQ_STR(buf, "UNlinked");
    /* the child opens and writes, then the parent is freed first */
    vfs_file *fc;
    T_EQ_INT(vfs_open(c, "/tmp/h", O_WRONLY | O_APPEND, 0, &fc), 0);
    vfs_close(fw);
    vfs_close(fr);
    vfs_close(fu);
    vfs_free(p);
    T_EQ_INT(mem_heap_used(hp), 0);
    mem_heap_destroy(hp);
    T_EQ_INT(vfs_write(fc, "!", 1), 1);
    vfs_close(fc);
    T_EQ_STR(get(c, "/tmp/h"), "child!");
    vfs_free(c);
    T_EQ_INT(mem_heap_used(hc), 0);
    mem_heap_destroy(hc);
}

/* Forks of forks: each generation sees its own history only; freed in
 * every order. */
static void test_generations(void)
{
    for (int order = 0; order < 3; order++) {
        mem_heap *h[4];
        vfs *v[4];
        for (int i = 0; i < 4; i++)
            h[i] = mem_heap_new(0);
        v[0] = mk(h[0]);
        T_EQ_INT(put(v[0], "/tmp/f", "g0"), 0);
        T_EQ_INT(vfs_mkdir(v[0], "/tmp/dir", 0755), 0);
        for (int i = 1; i < 4; i++) {
            v[i] = NULL;
            T_EQ_INT(vfs_fork(v[i - 1], h[i], &v[i]), 0);
            if (!v[i])
                return;
            char val[8], p[32];
            snprintf(val, sizeof val, "g%d", i);
            T_EQ_INT(put(v[i], "/tmp/f", val), 0);
            snprintf(p, sizeof p, "/tmp/dir/only%d", i);
            T_EQ_INT(put(v[i], p, val), 0);
        }
        /* the parent changes after its children forked */
        T_EQ_INT(put(v[1], "/tmp/f", "late"), 0);
        T_EQ_INT(vfs_unlink(v[2], "/tmp/dir/only1"), 0);
        T_EQ_STR(get(v[0], "/tmp/f"), "g0");
        T_EQ_STR(get(v[1], "/tmp/f"), "late");
        T_EQ_STR(get(v[2], "/tmp/f"), "g2");
        T_EQ_STR(get(v[3], "/tmp/f"), "g3");
        T_CHECK(!exists(v[0], "/tmp/dir/only1"));
        T_CHECK(exists(v[1], "/tmp/dir/only1"));
        T_CHECK(!exists(v[2], "/tmp/dir/only1"));
        T_CHECK(exists(v[3], "/tmp/dir/only1"));
        T_CHECK(!exists(v[1], "/tmp/dir/only2"));
        T_CHECK(exists(v[3], "/tmp/dir/only2"));
        T_CHECK(exists(v[3], "/tmp/dir/only3"));
        T_CHECK(!exists(v[2], "/tmp/dir/only3"));
        int seq[3][4] = { { 0, 1, 2, 3 }, { 3, 2, 1, 0 }, { 1, 3, 0, 2 } };
        for (int k = 0; k < 4; k++) {
            int i = seq[order][k];
            vfs_free(v[i]);
            T_EQ_INT(mem_heap_used(h[i]), 0);
            mem_heap_destroy(h[i]);
            /* the others still read their own data */
            for (int j = 0; j < 4; j++) {
                bool live = true;
                for (int m = 0; m <= k; m++)
                    live = live && seq[order][m] != j;
                if (live)
                    T_CHECK(strncmp(get(v[j], "/tmp/f"), j == 1 ? "late" : "g", j == 1 ? 4 : 1) == 0);
            }
        }
    }
}

/* Many forks of one big tree, each changing one file: the parent and the
 * other forks never see it; the chunk count goes back down. */
static void test_many(void)
{
    uint64_t chunks0 = vfs_chunks_live();
    mem_heap *hp = mem_heap_new(0);
    vfs *p = mk(hp);
    char path[64];
    T_EQ_INT(vfs_mkdir(p, "/tmp/m", 0755), 0);
    for (int i = 0; i < 500; i++) {
        snprintf(path, sizeof path, "/tmp/m/%d", i);
        T_EQ_INT(put(p, path, "base"), 0);
    }
    enum { K = 8 };
    mem_heap *hc[K];
    vfs *c[K];
    for (int k = 0; k < K; k++) {
        hc[k] = mem_heap_new(0);
        c[k] = NULL;
        T_EQ_INT(vfs_fork(p, hc[k], &c[k]), 0);
        if (!c[k])
            return;
        snprintf(path, sizeof path, "/tmp/m/%d", k * 7);
        T_EQ_INT(put(c[k], path, "mine"), 0);
    }
    for (int k = 0; k < K; k++)
        for (int j = 0; j < K; j++) {
            snprintf(path, sizeof path, "/tmp/m/%d", j * 7);
            T_EQ_STR(get(c[k], path), k == j ? "mine" : "base");
        }
    for (int j = 0; j < K; j++) {
        snprintf(path, sizeof path, "/tmp/m/%d", j * 7);
        T_EQ_STR(get(p, path), "base");
    }
    vfs_free(p);
    mem_heap_destroy(hp);
    for (int k = 0; k < K; k++) {
        vfs_free(c[k]);
        T_EQ_INT(mem_heap_used(hc[k]), 0);
        mem_heap_destroy(hc[k]);
    }
    T_EQ_INT(vfs_chunks_live(), chunks0);
}

/* Every permutation of freeing a parent and three generations of forks. */
static void test_free_orders(void)
{
    uint64_t inodes0 = vfs_inodes_alive(), chunks0 = vfs_chunks_live();
    int perm[4] = { 0, 1, 2, 3 };
    for (int round = 0; round < 24; round++) {
        /* the round-th permutation (factorial number system) */
        int pool[4] = { 0, 1, 2, 3 }, left = 4, r = round;
        for (int k = 0; k < 4; k++) {
            int f = 1;
            for (int j = 2; j < left; j++)
                f *= j;
            int i = r / f;
            r %= f;
            perm[k] = pool[i];
            for (int j = i; j < left - 1; j++)
                pool[j] = pool[j + 1];
            left--;
        }
        mem_heap *h[4];
        vfs *v[4];
        for (int i = 0; i < 4; i++)
            h[i] = mem_heap_new(0);
        v[0] = mk(h[0]);
        T_EQ_INT(vfs_mkdir(v[0], "/tmp/t", 0755), 0);
        T_EQ_INT(put(v[0], "/tmp/t/f", "0"), 0);
        for (int i = 1; i < 4; i++) {
            v[i] = NULL;
            T_EQ_INT(vfs_fork(v[i - 1], h[i], &v[i]), 0);
            if (!v[i])
                return;
            char val[4] = { (char)('0' + i), 0 };
            T_EQ_INT(put(v[i], "/tmp/t/f", val), 0);
            T_EQ_INT(put(v[i - 1], "/tmp/t/g", val), 0);   /* the parent after */
        }
        for (int k = 0; k < 4; k++) {
            vfs_free(v[perm[k]]);
            T_EQ_INT(mem_heap_used(h[perm[k]]), 0);
            mem_heap_destroy(h[perm[k]]);
            v[perm[k]] = NULL;
            for (int j = 0; j < 4; j++) {
                if (!v[j])
                    continue;
                char val[4] = { (char)('0' + j), 0 };
                T_EQ_STR(get(v[j], "/tmp/t/f"), val);
                if (j < 3) {
                    char g[4] = { (char)('0' + j + 1), 0 };
                    T_EQ_STR(get(v[j], "/tmp/t/g"), g);
                } else {
                    T_CHECK(!exists(v[j], "/tmp/t/g"));
                }
            }
        }
    }
    T_EQ_INT(vfs_inodes_alive(), inodes0);
    T_EQ_INT(vfs_chunks_live(), chunks0);
}

/* Each kind of change, made on one side (parent or child) after the fork,
 * through a path or a handle: the other side keeps the old state. */
static void test_each_change(void)
{
    for (int side = 0; side < 2; side++) {
        mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
        vfs *p = mk(hp);
        populate(p);
        T_EQ_INT(vfs_mkdir(p, "/tmp/e", 0755), 0);
        T_EQ_INT(put(p, "/tmp/e/file", "data"), 0);
        T_EQ_INT(vfs_mkdir(p, "/tmp/e/empty", 0755), 0);
        vfs *c = NULL;
        T_EQ_INT(vfs_fork(p, hc, &c), 0);
        if (!c)
            return;
        vfs *w = side ? p : c, *o = side ? c : p;
        /* a listing of an unsorted directory before any change: reads
         * sort a snapshot, never the shared directory */
        char l1[4096], l2[4096];
        T_EQ_STR(names(w, "/tmp/d", l1, sizeof l1), names(o, "/tmp/d", l2, sizeof l2));
        T_EQ_INT(vfs_cow_misses(), 0);
        vfs_stat_t s0, s1;
        T_EQ_INT(vfs_stat(o, "/tmp/e", &s0), 0);
        /* O_TRUNC, then a write through the same handle */
        vfs_file *f;
        T_EQ_INT(vfs_open(w, "/tmp/e/file", O_RDWR | O_TRUNC, 0, &f), 0);
        T_EQ_STR(get(o, "/tmp/e/file"), "data");
        T_EQ_INT(vfs_write(f, "xy", 2), 2);
        T_EQ_INT(vfs_ftruncate(f, 1), 0);
        vfs_close(f);
        T_EQ_STR(get(w, "/tmp/e/file"), "x");
        T_EQ_STR(get(o, "/tmp/e/file"), "data");
        /* a FIFO, a directory removed, times of a directory */
        T_EQ_INT(vfs_mknod(w, "/tmp/e/fifo", S_IFIFO | 0644, 0), 0);
        T_CHECK(!exists(o, "/tmp/e/fifo"));
        T_EQ_INT(vfs_rmdir(w, "/tmp/e/empty"), 0);
        T_CHECK(exists(o, "/tmp/e/empty"));
        struct timespec ts[2] = { { 5, 0 }, { 6, 0 } };
        T_EQ_INT(vfs_utimens(w, "/tmp/e", ts, true), 0);
        T_EQ_INT(vfs_stat(o, "/tmp/e", &s1), 0);
        T_EQ_INT(s1.mtime.tv_sec, s0.mtime.tv_sec);
        T_EQ_INT(s1.nlink, s0.nlink);
        T_EQ_INT(s1.size, s0.size);
        /* ownership (as root on the changing side) */
        vfs_set_identity(w, 0, 0);
        T_EQ_INT(vfs_chown(w, "/tmp/d/a", 42, 43, true), 0);
        vfs_set_identity(w, 1000, 1000);
        T_EQ_INT(vfs_stat(o, "/tmp/d/a", &s1), 0);
        T_EQ_INT(s1.uid, 1000);
        T_EQ_INT(vfs_stat(o, "/tmp/d/sub/alink", &s1), 0);   /* hard link */
        T_EQ_INT(s1.uid, 1000);
        T_EQ_INT(vfs_stat(w, "/tmp/d/sub/alink", &s1), 0);
        T_EQ_INT(s1.uid, 42);
        /* reading moves atime on one side only (relatime: atime <= mtime) */
        struct timespec old[2] = { { 100, 0 }, { 200, 0 } };
        T_EQ_INT(vfs_utimens(p, "/tmp/d/b", old, true), 0);
        T_EQ_INT(vfs_utimens(c, "/tmp/d/b", old, true), 0);
        T_EQ_STR(get(w, "/tmp/d/b"), "B");
        T_EQ_INT(vfs_stat(w, "/tmp/d/b", &s0), 0);
        T_EQ_INT(vfs_stat(o, "/tmp/d/b", &s1), 0);
        T_CHECK(s0.atime.tv_sec != 100);
        T_EQ_INT(s1.atime.tv_sec, 100);
        /* rename of a directory holding shared children, then a change
         * below it on the same side */
        T_EQ_INT(vfs_rename(w, "/tmp/d/sub", "/tmp/e/sub2"), 0);
        T_EQ_INT(put(w, "/tmp/e/sub2/c", "moved and changed"), 0);
        T_EQ_STR(get(o, "/tmp/d/sub/c"), "C");
        T_CHECK(!exists(o, "/tmp/e/sub2"));
        T_EQ_INT(vfs_stat(o, "/tmp/d", &s1), 0);
        T_EQ_INT(s1.nlink, 3);
        T_EQ_INT(vfs_stat(w, "/tmp/d", &s0), 0);
        T_EQ_INT(s0.nlink, 2);
        /* the root itself (as root) */
        vfs_set_identity(w, 0, 0);
        T_EQ_INT(vfs_chmod(w, "/", 0700), 0);
        T_EQ_INT(put(w, "/rootfile", "r"), 0);
        vfs_set_identity(w, 1000, 1000);
        T_EQ_INT(mode_of(o, "/"), 0755);
        T_CHECK(!exists(o, "/rootfile"));
        T_EQ_INT(vfs_cow_misses(), 0);
        vfs_free(c);
        vfs_free(p);
        mem_heap_destroy(hc);
        mem_heap_destroy(hp);
    }
}

/* Hard links: a write through one name copies the inode once; both names
 * of that VFS see it, the other VFS sees neither. */
static void test_links(void)
{
    mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
    vfs *p = mk(hp);
    T_EQ_INT(vfs_mkdir(p, "/tmp/x", 0755), 0);
    T_EQ_INT(vfs_mkdir(p, "/tmp/y", 0755), 0);
    T_EQ_INT(put(p, "/tmp/x/one", "1"), 0);
    T_EQ_INT(vfs_link(p, "/tmp/x/one", "/tmp/y/two"), 0);
    vfs *c = NULL;
    T_EQ_INT(vfs_fork(p, hc, &c), 0);
    if (!c)
        return;
    T_EQ_INT(put(c, "/tmp/y/two", "2"), 0);
    T_EQ_INT(vfs_chmod(c, "/tmp/x/one", 0600), 0);
    T_EQ_STR(get(c, "/tmp/x/one"), "2");
    T_EQ_INT(mode_of(c, "/tmp/y/two"), 0600);
    T_EQ_STR(get(p, "/tmp/x/one"), "1");
    T_EQ_STR(get(p, "/tmp/y/two"), "1");
    T_EQ_INT(mode_of(p, "/tmp/y/two"), 0644);
    /* a third name in the parent, then an unlink in the child */
    T_EQ_INT(vfs_link(p, "/tmp/y/two", "/tmp/three"), 0);
    T_EQ_INT(vfs_unlink(c, "/tmp/x/one"), 0);
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(p, "/tmp/x/one", &st), 0);
    T_EQ_INT(st.nlink, 3);
    T_EQ_INT(vfs_stat(c, "/tmp/y/two", &st), 0);
    T_EQ_INT(st.nlink, 1);
    T_CHECK(!exists(c, "/tmp/three"));
    T_EQ_INT(vfs_cow_misses(), 0);
    vfs_free(p);
    vfs_free(c);
    mem_heap_destroy(hc);
    mem_heap_destroy(hp);
}

static const char *const stub_names[] = { "cat", "echo", "ls" };

/* /bin placeholders appear on first lookup or listing: on one side only. */
static void test_stubs(void)
{
    mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
    vfs *p = mk(hp);
    T_EQ_INT(vfs_set_command_stubs(p, stub_names, 3), 0);
    T_CHECK(exists(p, "/bin/cat"));          /* one made before the fork */
    vfs_stat_t b0, b1;
    T_EQ_INT(vfs_stat(p, "/bin", &b0), 0);
    vfs *c = NULL;
    T_EQ_INT(vfs_fork(p, hc, &c), 0);
    if (!c)
        return;
    char buf[256];
    T_EQ_STR(names(c, "/bin", buf, sizeof buf), "cat,echo,ls");
    T_EQ_INT(vfs_stat(p, "/bin", &b1), 0);
    T_EQ_INT(b1.size, b0.size);              /* the parent's /bin unchanged */
    vfs_set_identity(c, 0, 0);
    T_EQ_INT(vfs_unlink(c, "/bin/ls"), 0);   /* leaves a whiteout in c only */
    vfs_set_identity(c, 1000, 1000);
    T_CHECK(!exists(c, "/bin/ls"));
    T_CHECK(exists(p, "/bin/ls"));
    T_EQ_STR(names(c, "/bin", buf, sizeof buf), "cat,echo");
    T_EQ_STR(names(p, "/bin", buf, sizeof buf), "cat,echo,ls");
    T_EQ_STR(get(p, "/bin/echo"), "#!vbash builtin echo\n");
    vfs_set_identity(p, 0, 0);
    T_EQ_INT(put(p, "/bin/cat", "replaced"), 0);
    vfs_set_identity(p, 1000, 1000);
    T_EQ_STR(get(c, "/bin/cat"), "#!vbash builtin cat\n");
    T_EQ_INT(vfs_cow_misses(), 0);
    vfs_free(c);
    vfs_free(p);
    mem_heap_destroy(hc);
    mem_heap_destroy(hp);
}

static int rm_cb(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* An overlay mount: copy-ups and whiteouts on one side only. */
static void test_overlay(void)
{
    char base[] = "/tmp/vbforkXXXXXX";
    if (!mkdtemp(base)) {
        T_SKIP("mkdtemp failed");
        return;
    }
    char hp_[512];
    snprintf(hp_, sizeof hp_, "%s/host.txt", base);
    FILE *hf = fopen(hp_, "w");
    if (hf) {
        fputs("host", hf);
        fclose(hf);
    }
    snprintf(hp_, sizeof hp_, "%s/gone.txt", base);
    hf = fopen(hp_, "w");
    if (hf)
        fclose(hf);
    mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
    vfs *p = mk(hp);
    T_EQ_INT(vfs_mount_host(p, base, "/mnt/o", 2), 0);   /* overlay */
    T_EQ_INT(put(p, "/mnt/o/upper", "u"), 0);
    vfs *c = NULL;
    T_EQ_INT(vfs_fork(p, hc, &c), 0);
    if (!c)
        return;
    T_EQ_INT(vfs_mount_kind(c, "/mnt/o"), 3);
    T_EQ_INT(vfs_unlink(c, "/mnt/o/gone.txt"), 0);
    T_CHECK(!exists(c, "/mnt/o/gone.txt"));
    T_CHECK(exists(p, "/mnt/o/gone.txt"));
    T_EQ_INT(put(c, "/mnt/o/host.txt", "child"), 0);   /* copy-up in c */
    T_EQ_STR(get(p, "/mnt/o/host.txt"), "host");
    T_EQ_INT(vfs_unlink(p, "/mnt/o/upper"), 0);
    T_EQ_STR(get(c, "/mnt/o/upper"), "u");
    char buf[256];
    T_EQ_STR(names(c, "/mnt/o", buf, sizeof buf), "host.txt,upper");
    T_EQ_STR(names(p, "/mnt/o", buf, sizeof buf), "gone.txt,host.txt");
    /* the host directory never changes */
    hf = fopen(hp_, "r");
    T_CHECK(hf != NULL);
    if (hf)
        fclose(hf);
    T_EQ_INT(vfs_cow_misses(), 0);
    vfs_free(p);
    T_EQ_STR(get(c, "/mnt/o/host.txt"), "child");
    vfs_free(c);
    mem_heap_destroy(hc);
    mem_heap_destroy(hp);
    nftw(base, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}

/* Limits are per side: the child filling its inode or byte limit leaves
 * the parent free to grow, and the other way round. */
static void test_limits(void)
{
    mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
    vfs *p = mk(hp);
    T_EQ_INT(put(p, "/tmp/base", "0123456789"), 0);
    vfs *c = NULL;
    T_EQ_INT(vfs_fork(p, hc, &c), 0);
    if (!c)
        return;
    vfs_limits lim;
    vfs_get_limits(c, &lim);
    lim.max_inodes = vfs_inodes_used(c) + 2;
    lim.max_total_bytes = vfs_bytes_used(c) + 10;
    vfs_set_limits(c, &lim);
    T_EQ_INT(put(c, "/tmp/a", "a"), 0);
    T_EQ_INT(put(c, "/tmp/b", "b"), 0);
    T_EQ_INT(put(c, "/tmp/c", "c"), -ENOSPC);
    T_EQ_STR(vfs_last_limit(c), "inode limit");
    T_EQ_INT(put(c, "/tmp/a", "0123456789"), -ENOSPC);   /* 9 more bytes than room */
    T_EQ_STR(vfs_last_limit(c), "total bytes limit");
    T_EQ_STR(get(c, "/tmp/a"), "");      /* O_TRUNC happened, the write failed whole */
    for (int i = 0; i < 20; i++) {
        char path[32];
        snprintf(path, sizeof path, "/tmp/p%d", i);
        T_EQ_INT(put(p, path, "parent grows"), 0);
    }
    T_EQ_INT(vfs_unlink(p, "/tmp/base"), 0);
    T_EQ_STR(get(c, "/tmp/base"), "0123456789");
    T_EQ_INT(put(c, "/tmp/c", "c"), -ENOSPC);      /* the parent's unlink freed nothing here */
    T_EQ_INT(vfs_unlink(c, "/tmp/base"), 0);
    T_EQ_INT(put(c, "/tmp/c", "c"), 0);
    vfs_free(c);
    vfs_free(p);
    mem_heap_destroy(hc);
    mem_heap_destroy(hp);
}

/* A fork under a small memory cap runs out while copying: each refused
 * change returns -ENOMEM and leaves both sides as they were. */
static void test_enomem(void)
{
    uint64_t inodes0 = vfs_inodes_alive(), chunks0 = vfs_chunks_live();
    mem_heap *hp = mem_heap_new(0);
    vfs *p = mk(hp);
    char path[64];
    T_EQ_INT(vfs_mkdir(p, "/tmp/big", 0755), 0);
    for (int i = 0; i < 2000; i++) {
        snprintf(path, sizeof path, "/tmp/big/file%04d", i);
        T_EQ_INT(put(p, path, "p"), 0);
    }
    /* the cap: what the fork holds now, and a little more */
    size_t cap = (size_t)vfs_meta_bytes(p) + 512 * 1024;
    mem_heap *hc = mem_heap_new(cap);
    vfs *c = NULL;
    T_EQ_INT(vfs_fork(p, hc, &c), 0);
    if (!c)
        return;
    int ok = 0, nomem = 0, other = 0;
    for (int i = 0; i < 9999 && !nomem; i++) {
        snprintf(path, sizeof path, "/tmp/big/new%04d", i);
        int rc = put(c, path, "c");
        if (rc == 0)
            ok++;
        else if (rc == -ENOMEM)
            nomem++;
        else
            other++;
    }
    T_CHECK(ok > 0);
    T_EQ_INT(nomem, 1);
    T_EQ_INT(other, 0);
    /* the child is consistent: what it made reads back, the failed name
     * does not exist, it can still read and remove */
    snprintf(path, sizeof path, "/tmp/big/new%04d", ok - 1);
    T_EQ_STR(get(c, path), "c");
    snprintf(path, sizeof path, "/tmp/big/new%04d", ok);
    T_CHECK(!exists(c, path));
    T_EQ_STR(get(c, "/tmp/big/file1999"), "p");
    T_EQ_INT(vfs_unlink(c, "/tmp/big/file0000"), 0);
    /* the refused change of a shared file leaves it whole on both sides */
    int rc = 0;
    for (int i = 1; i < 2000 && rc == 0; i++) {
        snprintf(path, sizeof path, "/tmp/big/file%04d", i);
        rc = put(c, path, "changed");
        if (rc == -ENOMEM)
            T_EQ_STR(get(c, path), "p");
    }
    T_EQ_INT(rc, -ENOMEM);
    /* the parent never saw any of it */
    T_EQ_STR(get(p, "/tmp/big/file0000"), "p");
    T_EQ_STR(get(p, "/tmp/big/file0500"), "p");
    T_CHECK(!exists(p, "/tmp/big/new0000"));
    char b[64];
    vfs_dir *d;
    T_EQ_INT(vfs_opendir(p, "/tmp/big", &d), 0);
    int n = 0;
    vfs_dirent e;
    while (vfs_readdir(d, &e) > 0)
        n++;
    vfs_closedir(d);
    T_EQ_INT(n, 2000);
    (void)b;
    /* with the cap lifted, the child goes on */
    mem_heap_set_cap(hc, 0);
    T_EQ_INT(put(c, "/tmp/big/after", "a"), 0);
    T_EQ_INT(vfs_cow_misses(), 0);
    vfs_free(p);
    vfs_free(c);
    mem_heap_destroy(hc);
    mem_heap_destroy(hp);
    T_EQ_INT(vfs_inodes_alive(), inodes0);
    T_EQ_INT(vfs_chunks_live(), chunks0);
}

/* A fork of 100,000 files (no time is checked): both sides isolated. */
static void test_large(void)
{
    mem_heap *hp = mem_heap_new(0), *hc = mem_heap_new(0);
    vfs *p = mk(hp);
    char path[64];
    T_EQ_INT(vfs_mkdir(p, "/tmp/l", 0755), 0);
    int bad = 0;
    for (int i = 0; i < 100000; i++) {
        if (i % 1000 == 0) {
            snprintf(path, sizeof path, "/tmp/l/d%d", i / 1000);
            bad += vfs_mkdir(p, path, 0755) != 0;
        }
        snprintf(path, sizeof path, "/tmp/l/d%d/f%d", i / 1000, i);
        bad += put(p, path, "x") != 0;
    }
    T_EQ_INT(bad, 0);
    uint64_t inodes = vfs_inodes_used(p);
    vfs *c = NULL;
    T_EQ_INT(vfs_fork(p, hc, &c), 0);
    if (!c)
        return;
    T_EQ_INT(vfs_inodes_used(c), inodes);
    for (int i = 0; i < 100000; i += 997) {
        snprintf(path, sizeof path, "/tmp/l/d%d/f%d", i / 1000, i);
        bad += put(i % 2 ? c : p, path, i % 2 ? "child" : "parent") != 0;
    }
    T_EQ_INT(bad, 0);
    T_EQ_INT(vfs_unlink(c, "/tmp/l/d99/f99999"), 0);
    for (int i = 0; i < 100000; i += 997) {
        snprintf(path, sizeof path, "/tmp/l/d%d/f%d", i / 1000, i);
        const char *pv = get(p, path), *cv = get(c, path);
        if (strcmp(pv, i % 2 ? "x" : "parent") || strcmp(cv, i % 2 ? "child" : "x"))
            bad++;
    }
    T_EQ_INT(bad, 0);
    T_EQ_STR(get(p, "/tmp/l/d99/f99999"), "x");
    T_EQ_INT(vfs_inodes_used(p), inodes);
    T_EQ_INT(vfs_inodes_used(c), inodes - 1);
    T_EQ_INT(vfs_cow_misses(), 0);
    vfs_free(p);
    T_EQ_STR(get(c, "/tmp/l/d0/f1"), "x");
    vfs_free(c);
    mem_heap_destroy(hc);
    mem_heap_destroy(hp);
}

/* Forks used and freed on other threads while the parent changes. */
typedef struct fork_job {
    vfs *v;
    int id;
    int bad;
} fork_job;

static void *fork_thread(void *arg)
{
    fork_job *j = arg;
    char path[64], val[16];
    snprintf(val, sizeof val, "t%d", j->id);
    for (int i = 0; i < 200; i++) {
        snprintf(path, sizeof path, "/tmp/s/%d", i);
        if (vfs_write_all(j->v, path, val, strlen(val), 0644))
            j->bad++;
    }
    for (int i = 0; i < 200; i++) {
        snprintf(path, sizeof path, "/tmp/s/%d", i);
        char *d;
        size_t n;
        mem_heap *h = mem_heap_new(0);
        if (vfs_read_all(j->v, path, h, &d, &n) || strcmp(d, val))
            j->bad++;
        mem_heap_destroy(h);
    }
    vfs_free(j->v);
    return NULL;
}

static void test_threads(void)
{
    uint64_t inodes0 = vfs_inodes_alive(), chunks0 = vfs_chunks_live();
    mem_heap *hp = mem_heap_new(0);
    vfs *p = mk(hp);
    char path[64];
    T_EQ_INT(vfs_mkdir(p, "/tmp/s", 0755), 0);
    for (int i = 0; i < 200; i++) {
        snprintf(path, sizeof path, "/tmp/s/%d", i);
        T_EQ_INT(put(p, path, "base"), 0);
    }
    enum { N = 4 };
    fork_job jobs[N];
    pthread_t th[N];
    mem_heap *hc[N];
    for (int k = 0; k < N; k++) {
        hc[k] = mem_heap_new(0);
        jobs[k] = (fork_job){ .id = k };
        T_EQ_INT(vfs_fork(p, hc[k], &jobs[k].v), 0);
    }
    for (int k = 0; k < N; k++)
        T_EQ_INT(pthread_create(&th[k], NULL, fork_thread, &jobs[k]), 0);
    for (int i = 0; i < 200; i++) {
        snprintf(path, sizeof path, "/tmp/s/%d", i);
        T_EQ_INT(put(p, path, "parent"), 0);
    }
    for (int k = 0; k < N; k++) {
        pthread_join(th[k], NULL);
        T_EQ_INT(jobs[k].bad, 0);
        mem_heap_destroy(hc[k]);
    }
    T_EQ_STR(get(p, "/tmp/s/7"), "parent");
    vfs_free(p);
    mem_heap_destroy(hp);
    T_EQ_INT(vfs_inodes_alive(), inodes0);
    T_EQ_INT(vfs_chunks_live(), chunks0);
}

int main(void)
{
    H = mem_heap_new(0);
    test_isolation();
    test_open_handles();
    test_generations();
    test_many();
    test_free_orders();
    test_each_change();
    test_links();
    test_stubs();
    test_overlay();
    test_limits();
    test_enomem();
    test_large();
    test_threads();
    T_EQ_INT(vfs_cow_misses(), 0);
    mem_heap_destroy(H);
    return T_DONE();
}
