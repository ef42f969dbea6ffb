/*
 * Host directory mounts of the VFS: read-only, read-write and overlay, on a
 * mkdtemp directory that is removed at the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "tests/unit/t.h"
#include "vfs/vfs.h"

static mem_heap *H;
static char base[64];

static void host_put(const char *rel, const char *s)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs(s, f);
        fclose(f);
    }
}

static char *host_get(const char *rel)
{
    static char buf[4096];   /* test code only */
    char p[512];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    FILE *f = fopen(p, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static bool host_exists(const char *rel)
{
    char p[512];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", base, rel);
    return lstat(p, &st) == 0;
}

static void host_mkdir(const char *rel)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    mkdir(p, 0755);
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

static char *list(vfs *v, const char *p)
{
    static char out[1024];
    out[0] = 0;
    vfs_dir *d;
    if (vfs_opendir(v, p, &d))
        return NULL;
    vfs_dirent e;
    while (vfs_readdir(d, &e) == 1) {
        strcat(out, e.name);
        strcat(out, ",");
    }
    vfs_closedir(d);
    return out;
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
    host_mkdir("src");
    host_mkdir("src/sub");
    host_put("src/a.txt", "host a\n");
    host_put("src/sub/b.txt", "host b\n");
    char p[512];
    snprintf(p, sizeof p, "%s/src/link", base);
    symlink("a.txt", p);
}

static void test_ro(void)
{
    vfs *v;
    T_EQ_INT(vfs_new(H, NULL, 1000, 1000, &v), 0);
    char src[512];
    snprintf(src, sizeof src, "%s/src", base);
    T_EQ_INT(vfs_mount_host(v, src, "/mnt/ro", 0), 0);
    T_EQ_INT(vfs_mount_host(v, src, "/mnt/ro", 0), -EBUSY);
    T_EQ_INT(vfs_mount_kind(v, "/mnt/ro/a.txt"), 1);
    T_EQ_INT(vfs_mount_kind(v, "/tmp"), 0);
    T_EQ_STR(get(v, "/mnt/ro/a.txt"), "host a\n");
    T_EQ_STR(get(v, "/mnt/ro/sub/b.txt"), "host b\n");
    T_EQ_STR(get(v, "/mnt/ro/link"), "host a\n");
    T_EQ_STR(list(v, "/mnt/ro"), "a.txt,link,sub,");
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(v, "/mnt/ro/a.txt", &st), 0);
    T_EQ_INT(st.size, 7);
    T_EQ_INT(st.uid, 1000);
    T_CHECK(st.dev != 1);
    T_EQ_INT(vfs_stat(v, "/mnt/ro", &st), 0);
    T_CHECK(S_ISDIR(st.mode));
    char *rp;
    T_EQ_INT(vfs_realpath(v, "/mnt/ro/sub/../link", H, &rp), 0);
    T_EQ_STR(rp, "/mnt/ro/a.txt");
    T_EQ_INT(vfs_realpath(v, "/mnt/ro/sub/../..", H, &rp), 0);
    T_EQ_STR(rp, "/mnt");
    vfs_file *f;
    T_EQ_INT(put(v, "/mnt/ro/a.txt", "x"), -EROFS);
    T_EQ_INT(put(v, "/mnt/ro/new", "x"), -EROFS);
    T_EQ_INT(vfs_open(v, "/mnt/ro/a.txt", O_RDWR, 0, &f), -EROFS);
    T_EQ_INT(vfs_mkdir(v, "/mnt/ro/d", 0755), -EROFS);
    T_EQ_INT(vfs_unlink(v, "/mnt/ro/a.txt"), -EROFS);
    T_EQ_INT(vfs_rmdir(v, "/mnt/ro/sub"), -EROFS);
    T_EQ_INT(vfs_rename(v, "/mnt/ro/a.txt", "/mnt/ro/z"), -EROFS);
    T_EQ_INT(vfs_rename(v, "/mnt/ro/a.txt", "/tmp/z"), -EXDEV);
    T_EQ_INT(vfs_link(v, "/mnt/ro/a.txt", "/tmp/z"), -EXDEV);
    T_EQ_INT(vfs_symlink(v, "x", "/mnt/ro/s"), -EROFS);
    T_EQ_INT(vfs_chmod(v, "/mnt/ro/a.txt", 0600), -EROFS);
    T_EQ_INT(vfs_truncate(v, "/mnt/ro/a.txt", 0), -EROFS);
    T_EQ_INT(vfs_utimens(v, "/mnt/ro/a.txt", NULL, true), -EROFS);
    T_EQ_INT(vfs_access(v, "/mnt/ro/a.txt", W_OK), -EROFS);
    T_EQ_INT(vfs_rmdir(v, "/mnt/ro"), -EBUSY);
    T_EQ_STR(host_get("src/a.txt"), "host a\n");
    uint64_t h1, h2;
    T_EQ_INT(vfs_hash(v, "/mnt/ro/a.txt", &h1), 0);
    T_EQ_INT(put(v, "/tmp/copy", "host a\n"), 0);
    T_EQ_INT(vfs_hash(v, "/tmp/copy", &h2), 0);
    T_CHECK(h1 == h2);
    vfs_free(v);
}

static void test_rw(void)
{
    vfs *v;
    T_EQ_INT(vfs_new(H, NULL, 1000, 1000, &v), 0);
    char src[512];
    snprintf(src, sizeof src, "%s/src", base);
    T_EQ_INT(vfs_mount_host(v, src, "/work", 1), 0);
    /* no mount inside a mount, and nothing created on the host trying */
    T_EQ_INT(vfs_mount_host(v, src, "/work/nested/deeper", 0), -EBUSY);
    T_CHECK(!host_exists("src/nested"));
    T_EQ_INT(vfs_mount_host(v, src, "/work", 0), -EBUSY);
    T_EQ_INT(put(v, "/work/new.txt", "from sandbox\n"), 0);
    T_EQ_STR(host_get("src/new.txt"), "from sandbox\n");
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/work/new.txt", O_WRONLY | O_APPEND, 0, &f), 0);
    T_EQ_INT(vfs_write(f, "more\n", 5), 5);
    vfs_close(f);
    T_EQ_STR(host_get("src/new.txt"), "from sandbox\nmore\n");
    T_EQ_INT(vfs_open(v, "/work/new.txt", O_WRONLY | O_CREAT | O_EXCL, 0644, &f), -EEXIST);
    T_EQ_INT(vfs_mkdir(v, "/work/d", 0755), 0);
    T_CHECK(host_exists("src/d"));
    T_EQ_INT(vfs_rename(v, "/work/new.txt", "/work/d/moved.txt"), 0);
    T_EQ_STR(host_get("src/d/moved.txt"), "from sandbox\nmore\n");
    T_EQ_INT(vfs_link(v, "/work/d/moved.txt", "/work/hl"), 0);
    T_EQ_INT(vfs_symlink(v, "d/moved.txt", "/work/sl"), 0);
    T_EQ_STR(get(v, "/work/sl"), "from sandbox\nmore\n");
    T_EQ_INT(vfs_truncate(v, "/work/hl", 4), 0);
    T_EQ_STR(host_get("src/d/moved.txt"), "from");
    T_EQ_INT(vfs_chmod(v, "/work/hl", 0600), 0);
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(v, "/work/hl", &st), 0);
    T_EQ_INT(st.mode & 0777, 0600);
    T_EQ_INT(st.nlink, 2);
    struct timespec ts[2] = { { 100, 0 }, { 200, 0 } };
    T_EQ_INT(vfs_utimens(v, "/work/hl", ts, true), 0);
    T_EQ_INT(vfs_stat(v, "/work/hl", &st), 0);
    T_EQ_INT(st.mtime.tv_sec, 200);
    T_EQ_INT(vfs_rmdir(v, "/work/d"), -ENOTEMPTY);
    T_EQ_INT(vfs_unlink(v, "/work/d/moved.txt"), 0);
    T_EQ_INT(vfs_rmdir(v, "/work/d"), 0);
    T_CHECK(!host_exists("src/d"));
    T_EQ_INT(vfs_unlink(v, "/work/hl"), 0);
    T_EQ_INT(vfs_unlink(v, "/work/sl"), 0);
    T_EQ_INT(vfs_chown(v, "/work/a.txt", 0, 0, true), -EPERM);
    vfs_free(v);
}

static void test_overlay(void)
{
    vfs *v;
    T_EQ_INT(vfs_new(H, NULL, 1000, 1000, &v), 0);
    char src[512];
    snprintf(src, sizeof src, "%s/src", base);
    T_EQ_INT(vfs_mount_host(v, src, "/ov", 2), 0);
    T_EQ_INT(vfs_mount_kind(v, "/ov/sub"), 3);
    T_EQ_STR(get(v, "/ov/a.txt"), "host a\n");
    /* copy-up on write */
    T_EQ_INT(put(v, "/ov/a.txt", "changed\n"), 0);
    T_EQ_STR(get(v, "/ov/a.txt"), "changed\n");
    T_EQ_STR(host_get("src/a.txt"), "host a\n");
    /* deep copy-up creates the upper directories */
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/ov/sub/b.txt", O_WRONLY | O_APPEND, 0, &f), 0);
    T_EQ_INT(vfs_write(f, "appended\n", 9), 9);
    vfs_close(f);
    T_EQ_STR(get(v, "/ov/sub/b.txt"), "host b\nappended\n");
    T_EQ_STR(host_get("src/sub/b.txt"), "host b\n");
    /* new files in memory, merged listing */
    T_EQ_INT(put(v, "/ov/sub/c.txt", "c\n"), 0);
    T_CHECK(!host_exists("src/sub/c.txt"));
    T_EQ_STR(list(v, "/ov/sub"), "b.txt,c.txt,");
    /* deletion: a whiteout, host unchanged */
    T_EQ_INT(vfs_unlink(v, "/ov/a.txt"), 0);
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(v, "/ov/a.txt", &st), -ENOENT);
    T_CHECK(host_exists("src/a.txt"));
    T_EQ_STR(list(v, "/ov"), "link,sub,");
    T_EQ_INT(vfs_stat(v, "/ov/link", &st), -ENOENT);   /* dangling now */
    T_EQ_INT(put(v, "/ov/a.txt", "reborn\n"), 0);
    T_EQ_STR(get(v, "/ov/link"), "reborn\n");
    /* a host-only file is removed with a whiteout */
    T_EQ_INT(vfs_unlink(v, "/ov/link"), 0);
    T_EQ_INT(vfs_lstat(v, "/ov/link", &st), -ENOENT);
    T_CHECK(host_exists("src/link"));
    /* rmdir of a host directory after emptying it */
    T_EQ_INT(vfs_rmdir(v, "/ov/sub"), -ENOTEMPTY);
    T_EQ_INT(vfs_unlink(v, "/ov/sub/b.txt"), 0);
    T_EQ_INT(vfs_unlink(v, "/ov/sub/c.txt"), 0);
    T_EQ_STR(list(v, "/ov/sub"), "");
    T_EQ_INT(vfs_rmdir(v, "/ov/sub"), 0);
    T_CHECK(host_exists("src/sub/b.txt"));
    /* a directory made over the whiteout is opaque */
    T_EQ_INT(vfs_mkdir(v, "/ov/sub", 0755), 0);
    T_EQ_STR(list(v, "/ov/sub"), "");
    /* rename of files; of host directories: EXDEV like overlayfs */
    T_EQ_INT(put(v, "/ov/m1", "m\n"), 0);
    T_EQ_INT(vfs_rename(v, "/ov/m1", "/ov/sub/m2"), 0);
    T_EQ_STR(get(v, "/ov/sub/m2"), "m\n");
    host_mkdir("src/hd");
    host_put("src/hd/x", "x");
    T_EQ_INT(vfs_rename(v, "/ov/hd", "/ov/hd2"), -EXDEV);
    T_EQ_INT(vfs_rename(v, "/ov/hd/x", "/ov/hd/y"), 0);
    T_EQ_STR(list(v, "/ov/hd"), "y,");
    T_CHECK(host_exists("src/hd/x"));
    T_EQ_INT(vfs_chmod(v, "/ov/hd/y", 0600), 0);
    T_EQ_INT(vfs_link(v, "/ov/hd/y", "/ov/hd/z"), 0);
    T_EQ_INT(vfs_stat(v, "/ov/hd/z", &st), 0);
    T_EQ_INT(st.nlink, 2);
    /* fork keeps the mount and the upper layer */
    mem_heap *h2 = mem_heap_new(0);
    vfs *c;
    T_EQ_INT(vfs_fork(v, h2, &c), 0);
    T_EQ_STR(get(c, "/ov/a.txt"), "reborn\n");
    T_EQ_STR(list(c, "/ov/hd"), "y,z,");
    T_EQ_INT(put(c, "/ov/only-child", "c"), 0);
    T_EQ_INT(vfs_stat(v, "/ov/only-child", &st), -ENOENT);
    vfs_free(c);
    mem_heap_destroy(h2);
    vfs_free(v);
    T_CHECK(!host_exists("src/only-child"));
}

int main(void)
{
    H = mem_heap_new(0);
    snprintf(base, sizeof base, "/tmp/vbvfsXXXXXX");
    if (!mkdtemp(base)) {
        T_SKIP("mkdtemp failed");
        return T_DONE();
    }
    setup();
    uint64_t chunks0 = vfs_chunks_live();
    test_ro();
    test_rw();
    test_overlay();
    T_EQ_INT(vfs_chunks_live(), chunks0);
    nftw(base, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    mem_heap_destroy(H);
    return T_DONE();
}
