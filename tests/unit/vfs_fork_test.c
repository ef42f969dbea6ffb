/*
 * Fork isolation of the VFS: after vfs_fork, every change made on one side
 * (writes, truncates, unlinks, renames, hard links, chmod/chown/utimens,
 * mkdir/rmdir, symlinks, writes through handles opened before the fork) is
 * invisible to the other; forks of forks; freeing the parent (and its heap)
 * before the child; chunk and heap accounting back to zero at the end.
 * A fork that shared any structure without copying it would fail here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
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

int main(void)
{
    H = mem_heap_new(0);
    test_isolation();
    test_open_handles();
    test_generations();
    test_many();
    mem_heap_destroy(H);
    return T_DONE();
}
