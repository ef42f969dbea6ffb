/*
 * Unit tests of the in-memory filesystem (vfs/): every operation and the
 * errno Linux gives for it, limits, fork isolation, hashes, devices, tar.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/mem.h"
#include "tests/unit/t.h"
#include "vfs/vfs.h"

static mem_heap *H;

static struct timespec fake_now = { 1700000000, 0 };
static void fake_clock(void *ctx, struct timespec *now)
{
    (void)ctx;
    *now = fake_now;
}

static vfs *mk(const vfs_limits *lim)
{
    vfs *v = NULL;
    int rc = vfs_new(H, lim, 1000, 1000, &v);
    T_EQ_INT(rc, 0);
    return v;
}

static int put(vfs *v, const char *p, const char *s)
{
    return vfs_write_all(v, p, s, strlen(s), 0644);
}

static char *get(vfs *v, const char *p)
{
    char *d;
    size_t n;
    if (vfs_read_all(v, p, H, &d, &n))
        return NULL;
    return d;
}

static void test_layout(void)
{
    vfs *v = mk(NULL);
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(v, "/home/user", &st), 0);
    T_EQ_INT(st.uid, 1000);
    T_CHECK(S_ISDIR(st.mode));
    T_EQ_INT(vfs_stat(v, "/tmp", &st), 0);
    T_EQ_INT(st.mode & 07777, 01777);
    T_EQ_INT(vfs_stat(v, "/dev/null", &st), 0);
    T_CHECK(S_ISCHR(st.mode));
    T_EQ_INT(st.rdev, makedev(1, 3));
    T_EQ_INT(vfs_lstat(v, "/dev/stdin", &st), 0);
    T_CHECK(S_ISLNK(st.mode));
    char *t = NULL;
    T_EQ_INT(vfs_readlink(v, "/dev/stdout", H, &t), 15);
    T_EQ_STR(t, "/proc/self/fd/1");
    T_EQ_INT(vfs_readlink(v, "/dev/fd", H, &t), 13);
    char *pw = get(v, "/etc/passwd");
    T_CHECK(pw && strstr(pw, "user:x:1000:1000::/home/user:/bin/bash\n"));
    T_CHECK(pw && strstr(pw, "root:x:0:0:"));
    T_CHECK(get(v, "/etc/group") != NULL);
    T_EQ_INT(vfs_stat(v, "/proc/self", &st), 0);
    T_EQ_INT(vfs_stat(v, "/usr/local/bin", &st), 0);
    T_EQ_INT(vfs_add_command_stub(v, "ls"), 0);
    T_EQ_INT(vfs_add_command_stub(v, "ls"), 0);
    T_EQ_INT(vfs_stat(v, "/bin/ls", &st), 0);
    T_EQ_INT(st.mode, S_IFREG | 0755);
    T_EQ_STR(get(v, "/usr/bin/ls"), "#!vbash builtin ls\n");
    T_EQ_INT(vfs_access(v, "/bin/ls", X_OK), 0);
    T_EQ_INT(vfs_add_command_stub(v, "a/b"), -EINVAL);
    T_EQ_INT(vfs_add_command_stub(v, "."), -EINVAL);    /* the `.` builtin has no file */
    T_EQ_INT(vfs_add_command_stub(v, ".."), -EINVAL);
    T_EQ_INT(vfs_add_command_stub(v, "["), 0);
    T_EQ_INT(vfs_add_command_stub(v, "cat"), 0);
    /* placeholders appear in listings, in name order, and can be removed */
    vfs_dir *d;
    vfs_dirent de;
    char names[128] = "";
    T_EQ_INT(vfs_opendir(v, "/usr/bin", &d), 0);
    while (vfs_readdir(d, &de) == 1) {
        strcat(names, de.name);
        strcat(names, ",");
    }
    vfs_closedir(d);
    T_EQ_STR(names, "[,cat,ls,");
    T_EQ_INT(vfs_unlink(v, "/bin/cat"), -EACCES);
    vfs_set_identity(v, 0, 0);
    T_EQ_INT(vfs_unlink(v, "/bin/cat"), 0);
    T_EQ_INT(vfs_stat(v, "/bin/cat", &st), -ENOENT);
    T_EQ_INT(vfs_stat(v, "/usr/bin/cat", &st), 0);
    T_EQ_INT(vfs_rename(v, "/usr/bin/cat", "/tmp/cat"), 0);
    T_EQ_INT(vfs_stat(v, "/usr/bin/cat", &st), -ENOENT);
    T_EQ_STR(get(v, "/tmp/cat"), "#!vbash builtin cat\n");
    T_EQ_INT(put(v, "/bin/cat", "mine"), 0);
    T_EQ_STR(get(v, "/bin/cat"), "mine");
    vfs_set_identity(v, 1000, 1000);
    names[0] = 0;
    T_EQ_INT(vfs_opendir(v, "/usr/bin", &d), 0);
    while (vfs_readdir(d, &de) == 1) {
        strcat(names, de.name);
        strcat(names, ",");
    }
    vfs_closedir(d);
    T_EQ_STR(names, "[,ls,");
    mem_heap *h2 = mem_heap_new(0);
    vfs *c;
    T_EQ_INT(vfs_fork(v, h2, &c), 0);
    T_EQ_STR(get(c, "/bin/["), "#!vbash builtin [\n");
    T_EQ_STR(get(c, "/bin/cat"), "mine");
    T_EQ_INT(vfs_stat(c, "/usr/bin/cat", &st), -ENOENT);
    vfs_free(c);
    mem_heap_destroy(h2);
    vfs_free(v);
}

static void test_files(void)
{
    vfs *v = mk(NULL);
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/tmp/a", O_WRONLY | O_CREAT, 0644, &f), 0);
    T_EQ_INT(vfs_write(f, "hello", 5), 5);
    T_EQ_INT(vfs_write(f, " world", 6), 6);
    T_EQ_INT(vfs_read(f, (char[4]){0}, 4), -EBADF);
    vfs_close(f);
    T_EQ_STR(get(v, "/tmp/a"), "hello world");
    /* O_EXCL */
    T_EQ_INT(vfs_open(v, "/tmp/a", O_WRONLY | O_CREAT | O_EXCL, 0644, &f), -EEXIST);
    /* O_APPEND */
    T_EQ_INT(vfs_open(v, "/tmp/a", O_WRONLY | O_APPEND, 0, &f), 0);
    T_EQ_INT(vfs_seek(f, 0, SEEK_SET), 0);
    T_EQ_INT(vfs_write(f, "!", 1), 1);
    vfs_close(f);
    T_EQ_STR(get(v, "/tmp/a"), "hello world!");
    /* O_TRUNC */
    T_EQ_INT(vfs_open(v, "/tmp/a", O_RDWR | O_TRUNC, 0, &f), 0);
    vfs_stat_t st;
    T_EQ_INT(vfs_fstat(f, &st), 0);
    T_EQ_INT(st.size, 0);
    /* sparse write, pread, seek */
    T_EQ_INT(vfs_seek(f, 100000, SEEK_SET), 100000);
    T_EQ_INT(vfs_write(f, "x", 1), 1);
    char buf[16];
    T_EQ_INT(vfs_pread(f, buf, 4, 99998), 3);
    T_CHECK(buf[0] == 0 && buf[1] == 0 && buf[2] == 'x');
    T_EQ_INT(vfs_seek(f, -1, SEEK_SET), -EINVAL);
    T_EQ_INT(vfs_seek(f, 0, SEEK_END), 100001);
    T_EQ_INT(vfs_ftruncate(f, 3), 0);
    T_EQ_INT(vfs_ftruncate(f, 10), 0);
    T_EQ_INT(vfs_pread(f, buf, 16, 0), 10);
    T_CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0\0\0", 10) == 0);
    vfs_close(f);
    T_EQ_INT(vfs_bytes_used(v) >= 10, 1);
    /* errors */
    T_EQ_INT(vfs_open(v, "/tmp/none", O_RDONLY, 0, &f), -ENOENT);
    T_EQ_INT(vfs_open(v, "/tmp/none/x", O_RDONLY | O_CREAT, 0644, &f), -ENOENT);
    T_EQ_INT(vfs_open(v, "/tmp/a/x", O_RDONLY, 0, &f), -ENOTDIR);
    T_EQ_INT(vfs_open(v, "/tmp/a/", O_RDONLY, 0, &f), -ENOTDIR);
    T_EQ_INT(vfs_open(v, "/tmp/new/", O_WRONLY | O_CREAT, 0644, &f), -EISDIR);
    T_EQ_INT(vfs_open(v, "/tmp", O_WRONLY, 0, &f), -EISDIR);
    T_EQ_INT(vfs_open(v, "/tmp/a", O_RDONLY | O_DIRECTORY, 0, &f), -ENOTDIR);
    T_EQ_INT(vfs_open(v, "/tmp", O_RDONLY, 0, &f), 0);
    T_CHECK(vfs_file_is_dir(f));
    T_EQ_INT(vfs_read(f, buf, 1), -EISDIR);
    vfs_close(f);
    T_EQ_INT(vfs_truncate(v, "/tmp", 0), -EISDIR);
    T_EQ_INT(vfs_truncate(v, "/tmp/a", 2), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/a", &st), 0);
    T_EQ_INT(st.size, 2);
    /* big file across chunks */
    size_t big = 300000;
    char *data = malloc(big);
    for (size_t i = 0; i < big; i++)
        data[i] = (char)(i * 7 + 3);
    T_EQ_INT(vfs_write_all(v, "/tmp/big", data, big, 0644), 0);
    char *back;
    size_t blen;
    T_EQ_INT(vfs_read_all(v, "/tmp/big", H, &back, &blen), 0);
    T_EQ_MEM(back, blen, data, big);
    T_EQ_INT(vfs_truncate(v, "/tmp/big", 70000), 0);
    T_EQ_INT(vfs_truncate(v, "/tmp/big", 200000), 0);
    T_EQ_INT(vfs_read_all(v, "/tmp/big", H, &back, &blen), 0);
    T_EQ_INT(blen, 200000);
    T_CHECK(memcmp(back, data, 70000) == 0);
    bool zero = true;
    for (size_t i = 70000; i < 200000; i++)
        if (back[i])
            zero = false;
    T_CHECK(zero);
    free(data);
    /* a huge sparse size costs no memory */
    T_EQ_INT(vfs_truncate(v, "/tmp/a", (uint64_t)1 << 40), 0);
    T_EQ_INT(vfs_open(v, "/tmp/a", O_RDONLY, 0, &f), 0);
    memset(buf, 7, 8);
    T_EQ_INT(vfs_pread(f, buf, 8, ((uint64_t)1 << 40) - 4), 4);
    T_CHECK(buf[0] == 0 && buf[3] == 0);
    vfs_close(f);
    T_EQ_INT(vfs_truncate(v, "/tmp/a", 1), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/a", &st), 0);
    T_EQ_INT(st.size, 1);
    vfs_free(v);
}

static void test_unlink_open(void)
{
    vfs *v = mk(NULL);
    T_EQ_INT(put(v, "/tmp/f", "data"), 0);
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/tmp/f", O_RDWR, 0, &f), 0);
    uint64_t used = vfs_inodes_used(v);
    T_EQ_INT(vfs_unlink(v, "/tmp/f"), 0);
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(v, "/tmp/f", &st), -ENOENT);
    char buf[8] = { 0 };
    T_EQ_INT(vfs_read(f, buf, 8), 4);
    T_EQ_STR(buf, "data");
    T_EQ_INT(vfs_fstat(f, &st), 0);
    T_EQ_INT(st.nlink, 0);
    T_EQ_INT(vfs_inodes_used(v), used);
    vfs_close(f);
    T_EQ_INT(vfs_inodes_used(v), used - 1);
    T_EQ_INT(vfs_unlink(v, "/tmp"), -EISDIR);
    T_EQ_INT(vfs_unlink(v, "/tmp/."), -EISDIR);
    T_EQ_INT(vfs_unlink(v, "/tmp/nope"), -ENOENT);
    vfs_free(v);
}

static void test_dirs(void)
{
    vfs *v = mk(NULL);
    vfs_stat_t st;
    T_EQ_INT(vfs_mkdir(v, "/tmp/d", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/d", 0755), -EEXIST);
    T_EQ_INT(vfs_mkdir(v, "/tmp/d/", 0755), -EEXIST);
    T_EQ_INT(vfs_mkdir(v, "/tmp/d/.", 0755), -EEXIST);
    T_EQ_INT(vfs_mkdir(v, "/tmp/x/y", 0755), -ENOENT);
    T_EQ_INT(vfs_mkdir(v, "/tmp/e/", 0755), 0);
    T_EQ_INT(vfs_stat(v, "/tmp", &st), 0);
    T_EQ_INT(st.nlink, 4);
    T_EQ_INT(put(v, "/tmp/d/b", "1"), 0);
    T_EQ_INT(put(v, "/tmp/d/a", "1"), 0);
    T_EQ_INT(put(v, "/tmp/d/c", "1"), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/d/b/x", 0755), -ENOTDIR);
    vfs_dir *d;
    T_EQ_INT(vfs_opendir(v, "/tmp/d", &d), 0);
    vfs_dirent e;
    char names[64] = "";
    while (vfs_readdir(d, &e) == 1) {
        strcat(names, e.name);
        strcat(names, ",");
    }
    vfs_closedir(d);
    T_EQ_STR(names, "a,b,c,");
    T_EQ_INT(vfs_opendir(v, "/tmp/d/a", &d), -ENOTDIR);
    T_EQ_INT(vfs_rmdir(v, "/tmp/d"), -ENOTEMPTY);
    T_EQ_INT(vfs_rmdir(v, "/tmp/d/a"), -ENOTDIR);
    T_EQ_INT(vfs_rmdir(v, "/tmp/e/."), -EINVAL);
    T_EQ_INT(vfs_rmdir(v, "/tmp/e/.."), -ENOTEMPTY);
    T_EQ_INT(vfs_rmdir(v, "/"), -EBUSY);
    T_EQ_INT(vfs_rmdir(v, "/tmp/e"), 0);
    T_EQ_INT(vfs_rmdir(v, "/tmp/e"), -ENOENT);
    /* many entries: index, sorted listing */
    char p[64];
    for (int i = 999; i >= 0; i--) {
        snprintf(p, sizeof p, "/tmp/many%04d", i);
        T_CHECK(put(v, p, "") == 0);
    }
    for (int i = 0; i < 1000; i += 2) {
        snprintf(p, sizeof p, "/tmp/many%04d", i);
        T_CHECK(vfs_unlink(v, p) == 0);
    }
    T_EQ_INT(vfs_opendir(v, "/tmp", &d), 0);
    int n = 0, ok = 1;
    char prev[256] = "";
    while (vfs_readdir(d, &e) == 1) {
        if (strcmp(prev, e.name) >= 0)
            ok = 0;
        snprintf(prev, sizeof prev, "%s", e.name);
        n++;
    }
    vfs_closedir(d);
    T_CHECK(ok);
    T_EQ_INT(n, 500 + 1);
    T_EQ_INT(vfs_stat(v, "/tmp/many0501", &st), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/many0500", &st), -ENOENT);
    /* .. never above / */
    T_EQ_INT(vfs_stat(v, "/../../tmp/../..", &st), 0);
    T_EQ_INT(st.ino, 1);
    char *rp;
    T_EQ_INT(vfs_realpath(v, "/../home/./user/../user//", H, &rp), 0);
    T_EQ_STR(rp, "/home/user");
    T_EQ_INT(vfs_realpath(v, "/..", H, &rp), 0);
    T_EQ_STR(rp, "/");
    T_EQ_INT(vfs_realpath(v, "/tmp/nothere", H, &rp), -ENOENT);
    vfs_free(v);
}

static void test_symlinks(void)
{
    vfs *v = mk(NULL);
    vfs_stat_t st;
    T_EQ_INT(put(v, "/tmp/t", "T"), 0);
    T_EQ_INT(vfs_symlink(v, "t", "/tmp/l"), 0);
    T_EQ_INT(vfs_symlink(v, "t", "/tmp/l"), -EEXIST);
    T_EQ_INT(vfs_symlink(v, "", "/tmp/l2"), -ENOENT);
    T_EQ_STR(get(v, "/tmp/l"), "T");
    T_EQ_INT(vfs_lstat(v, "/tmp/l", &st), 0);
    T_CHECK(S_ISLNK(st.mode));
    T_EQ_INT(st.size, 1);
    T_EQ_INT(vfs_symlink(v, "/home/user", "/tmp/h"), 0);
    T_EQ_INT(put(v, "/tmp/h/x", "X"), 0);
    T_EQ_STR(get(v, "/home/user/x"), "X");
    char *rp;
    T_EQ_INT(vfs_realpath(v, "/tmp/h/x", H, &rp), 0);
    T_EQ_STR(rp, "/home/user/x");
    T_EQ_INT(vfs_realpath(v, "/tmp/h/..", H, &rp), 0);
    T_EQ_STR(rp, "/home");
    /* O_NOFOLLOW / O_CREAT|O_EXCL on a symlink */
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/tmp/l", O_RDONLY | O_NOFOLLOW, 0, &f), -ELOOP);
    T_EQ_INT(vfs_open(v, "/tmp/l", O_WRONLY | O_CREAT | O_EXCL, 0644, &f), -EEXIST);
    /* rmdir through a symlink to a directory: Linux refuses (ENOTDIR) with
     * or without trailing slashes, and the target stays */
    T_EQ_INT(vfs_mkdir(v, "/tmp/rd", 0755), 0);
    T_EQ_INT(vfs_symlink(v, "rd", "/tmp/rl"), 0);
    T_EQ_INT(vfs_rmdir(v, "/tmp/rl/"), -ENOTDIR);
    T_EQ_INT(vfs_rmdir(v, "/tmp/rl//"), -ENOTDIR);
    T_EQ_INT(vfs_rmdir(v, "/tmp/rl"), -ENOTDIR);
    T_EQ_INT(vfs_stat(v, "/tmp/rd", &st), 0);
    T_CHECK(S_ISDIR(st.mode));
    T_EQ_INT(vfs_lstat(v, "/tmp/rl", &st), 0);
    T_CHECK(S_ISLNK(st.mode));
    T_EQ_INT(vfs_rmdir(v, "/tmp/rd/"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/rd", &st), -ENOENT);
    /* dangling symlink + O_CREAT creates the target */
    T_EQ_INT(vfs_symlink(v, "/tmp/target", "/tmp/dang"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/dang", &st), -ENOENT);
    T_EQ_INT(put(v, "/tmp/dang", "D"), 0);
    T_EQ_STR(get(v, "/tmp/target"), "D");
    /* loops */
    T_EQ_INT(vfs_symlink(v, "/tmp/loop2", "/tmp/loop1"), 0);
    T_EQ_INT(vfs_symlink(v, "/tmp/loop1", "/tmp/loop2"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/loop1", &st), -ELOOP);
    T_EQ_INT(vfs_open(v, "/tmp/loop1", O_RDONLY, 0, &f), -ELOOP);
    T_EQ_INT(vfs_lstat(v, "/tmp/loop1", &st), 0);
    /* a chain of exactly 40 links resolves, 41 does not */
    char a[64], b[64];
    T_EQ_INT(put(v, "/tmp/c0", "end"), 0);
    for (int i = 1; i <= 41; i++) {
        snprintf(a, sizeof a, "c%d", i - 1);
        snprintf(b, sizeof b, "/tmp/c%d", i);
        T_CHECK(vfs_symlink(v, a, b) == 0);
    }
    T_EQ_INT(vfs_stat(v, "/tmp/c40", &st), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/c41", &st), -ELOOP);
    T_EQ_INT(vfs_readlink(v, "/tmp/t", H, &rp), -EINVAL);
    T_EQ_INT(vfs_lchmod(v, "/tmp/l", 0600), -EOPNOTSUPP);
    vfs_free(v);
}

static void test_links_rename(void)
{
    vfs *v = mk(NULL);
    vfs_stat_t st;
    T_EQ_INT(put(v, "/tmp/a", "A"), 0);
    T_EQ_INT(vfs_link(v, "/tmp/a", "/tmp/b"), 0);
    T_EQ_INT(vfs_link(v, "/tmp/a", "/tmp/b"), -EEXIST);
    T_EQ_INT(vfs_link(v, "/tmp", "/tmp/dirlink"), -EPERM);
    T_EQ_INT(vfs_link(v, "/tmp/none", "/tmp/c"), -ENOENT);
    T_EQ_INT(vfs_stat(v, "/tmp/a", &st), 0);
    T_EQ_INT(st.nlink, 2);
    uint64_t bytes = vfs_bytes_used(v);
    T_EQ_INT(put(v, "/tmp/b", "BB"), 0);
    T_EQ_STR(get(v, "/tmp/a"), "BB");
    T_EQ_INT(vfs_bytes_used(v), bytes + 1);
    /* rename a file over another: atomic replace */
    T_EQ_INT(put(v, "/tmp/c", "C"), 0);
    T_EQ_INT(vfs_rename(v, "/tmp/c", "/tmp/a"), 0);
    T_EQ_STR(get(v, "/tmp/a"), "C");
    T_EQ_INT(vfs_stat(v, "/tmp/b", &st), 0);
    T_EQ_INT(st.nlink, 1);
    T_EQ_INT(vfs_stat(v, "/tmp/c", &st), -ENOENT);
    /* hard links to one inode: rename is a no-op */
    T_EQ_INT(vfs_link(v, "/tmp/b", "/tmp/b2"), 0);
    T_EQ_INT(vfs_rename(v, "/tmp/b", "/tmp/b2"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/b", &st), 0);
    /* directories */
    T_EQ_INT(vfs_mkdir(v, "/tmp/d1", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/d1/sub", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/d2", 0755), 0);
    T_EQ_INT(vfs_rename(v, "/tmp/d1", "/tmp/d1/sub/x"), -EINVAL);
    T_EQ_INT(vfs_rename(v, "/tmp/d1", "/tmp/d1"), 0);
    T_EQ_INT(vfs_rename(v, "/tmp/d2", "/tmp/d1"), -ENOTEMPTY);
    T_EQ_INT(vfs_rename(v, "/tmp/a", "/tmp/d2"), -EISDIR);
    T_EQ_INT(vfs_rename(v, "/tmp/d2", "/tmp/a"), -ENOTDIR);
    T_EQ_INT(vfs_rename(v, "/tmp/none", "/tmp/z"), -ENOENT);
    T_EQ_INT(vfs_rename(v, "/tmp/a", "/tmp/nodir/z"), -ENOENT);
    T_EQ_INT(vfs_rename(v, "/tmp/a", "/tmp/z/"), -ENOTDIR);
    T_EQ_INT(vfs_rename(v, "/tmp/d1/.", "/tmp/z"), -EBUSY);
    T_EQ_INT(vfs_rename(v, "/tmp/d1", "/tmp/d2"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/d2/sub", &st), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/d1", &st), -ENOENT);
    T_EQ_INT(vfs_stat(v, "/tmp", &st), 0);
    uint32_t tl = st.nlink;
    T_EQ_INT(vfs_rename(v, "/tmp/d2", "/home/user/d"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp", &st), 0);
    T_EQ_INT(st.nlink, tl - 1);
    char *rp;
    T_EQ_INT(vfs_realpath(v, "/home/user/d/sub/..", H, &rp), 0);
    T_EQ_STR(rp, "/home/user/d");
    vfs_free(v);
}

static void test_perms(void)
{
    vfs *v = mk(NULL);
    vfs_stat_t st;
    vfs_file *f;
    T_EQ_INT(put(v, "/etc/x", "x"), -EACCES);
    T_EQ_INT(vfs_mkdir(v, "/bin/x", 0755), -EACCES);
    T_EQ_INT(vfs_unlink(v, "/etc/passwd"), -EACCES);
    T_EQ_INT(vfs_open(v, "/etc/passwd", O_WRONLY, 0, &f), -EACCES);
    T_EQ_INT(vfs_chmod(v, "/etc/passwd", 0777), -EPERM);
    T_EQ_INT(vfs_chown(v, "/home/user", 0, 0, true), -EPERM);
    T_EQ_INT(put(v, "/home/user/p", "secret"), 0);
    T_EQ_INT(vfs_chmod(v, "/home/user/p", 0), 0);
    T_EQ_INT(vfs_open(v, "/home/user/p", O_RDONLY, 0, &f), -EACCES);
    T_EQ_INT(vfs_access(v, "/home/user/p", R_OK), -EACCES);
    T_EQ_INT(vfs_access(v, "/home/user/p", F_OK), 0);
    T_EQ_INT(vfs_mkdir(v, "/home/user/nx", 0755), 0);
    T_EQ_INT(put(v, "/home/user/nx/f", "f"), 0);
    T_EQ_INT(vfs_chmod(v, "/home/user/nx", 0644), 0);
    T_EQ_INT(vfs_stat(v, "/home/user/nx/f", &st), -EACCES);
    T_EQ_INT(vfs_chmod(v, "/home/user/nx", 0311), 0);
    vfs_dir *d;
    T_EQ_INT(vfs_opendir(v, "/home/user/nx", &d), -EACCES);
    T_EQ_INT(vfs_stat(v, "/home/user/nx/f", &st), 0);
    /* sticky /tmp: another user's file cannot be removed */
    vfs_set_identity(v, 0, 0);
    T_EQ_INT(put(v, "/tmp/rootfile", "r"), 0);
    T_EQ_INT(vfs_chmod(v, "/tmp/rootfile", 0666), 0);
    T_EQ_INT(vfs_open(v, "/home/user/p", O_RDONLY, 0, &f), 0);  /* root reads anything */
    vfs_close(f);
    T_EQ_INT(vfs_access(v, "/etc/passwd", X_OK), -EACCES);        /* not even root executes */
    vfs_set_identity(v, 1000, 1000);
    T_EQ_INT(vfs_unlink(v, "/tmp/rootfile"), -EPERM);
    T_EQ_INT(vfs_rename(v, "/tmp/rootfile", "/tmp/mine"), -EPERM);
    T_EQ_INT(put(v, "/tmp/rootfile", "w"), 0);                     /* 0666: writable */
    /* utimens */
    struct timespec ts[2] = { { 5, 0 }, { 6, 0 } };
    T_EQ_INT(vfs_utimens(v, "/tmp/rootfile", ts, true), -EPERM);
    T_EQ_INT(vfs_utimens(v, "/tmp/rootfile", NULL, true), 0);
    T_EQ_INT(vfs_utimens(v, "/home/user/p", ts, true), 0);
    T_EQ_INT(vfs_stat(v, "/home/user/p", &st), 0);
    T_EQ_INT(st.mtime.tv_sec, 6);
    T_EQ_INT(st.atime.tv_sec, 5);
    T_EQ_INT(vfs_chown(v, "/home/user/p", (uint32_t)-1, 1000, true), 0);
    T_EQ_INT(vfs_mknod(v, "/tmp/fifo", S_IFIFO | 0644, 0), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/fifo", &st), 0);
    T_CHECK(S_ISFIFO(st.mode));
    T_EQ_INT(vfs_mknod(v, "/tmp/cdev", S_IFCHR | 0644, makedev(1, 3)), -EPERM);
    vfs_free(v);
}

static void test_times(void)
{
    vfs *v = mk(NULL);
    vfs_set_clock(v, fake_clock, NULL);
    vfs_stat_t st, dst;
    fake_now.tv_sec = 1000;
    T_EQ_INT(put(v, "/tmp/f", "1"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/f", &st), 0);
    T_EQ_INT(st.mtime.tv_sec, 1000);
    T_EQ_INT(st.btime.tv_sec, 1000);
    T_EQ_INT(vfs_stat(v, "/tmp", &dst), 0);
    T_EQ_INT(dst.mtime.tv_sec, 1000);
    fake_now.tv_sec = 2000;
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/tmp/f", O_WRONLY | O_APPEND, 0, &f), 0);
    T_EQ_INT(vfs_write(f, "2", 1), 1);
    vfs_close(f);
    T_EQ_INT(vfs_stat(v, "/tmp/f", &st), 0);
    T_EQ_INT(st.mtime.tv_sec, 2000);
    T_EQ_INT(st.ctime.tv_sec, 2000);
    T_EQ_INT(st.btime.tv_sec, 1000);
    T_EQ_INT(vfs_stat(v, "/tmp", &dst), 0);
    T_EQ_INT(dst.mtime.tv_sec, 1000);
    fake_now.tv_sec = 3000;
    T_EQ_INT(vfs_chmod(v, "/tmp/f", 0600), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/f", &st), 0);
    T_EQ_INT(st.ctime.tv_sec, 3000);
    T_EQ_INT(st.mtime.tv_sec, 2000);
    fake_now.tv_sec = 4000;
    T_EQ_INT(vfs_rename(v, "/tmp/f", "/tmp/g"), 0);
    T_EQ_INT(vfs_stat(v, "/tmp", &dst), 0);
    T_EQ_INT(dst.mtime.tv_sec, 4000);
    T_EQ_INT(vfs_stat(v, "/tmp/g", &st), 0);
    T_EQ_INT(st.ctime.tv_sec, 4000);
    T_EQ_INT(st.mtime.tv_sec, 2000);
    fake_now.tv_sec = 5000;
    char *d;
    size_t n;
    T_EQ_INT(vfs_read_all(v, "/tmp/g", H, &d, &n), 0);
    T_EQ_INT(vfs_stat(v, "/tmp/g", &st), 0);
    T_EQ_INT(st.atime.tv_sec, 5000);
    vfs_free(v);
}

static void test_devices(void)
{
    vfs *v = mk(NULL);
    vfs_file *f;
    unsigned char buf[64];
    T_EQ_INT(vfs_open(v, "/dev/null", O_RDWR, 0, &f), 0);
    T_EQ_INT(vfs_write(f, "abc", 3), 3);
    T_EQ_INT(vfs_read(f, buf, sizeof buf), 0);
    vfs_close(f);
    T_EQ_INT(vfs_open(v, "/dev/zero", O_RDONLY, 0, &f), 0);
    memset(buf, 1, sizeof buf);
    T_EQ_INT(vfs_read(f, buf, sizeof buf), 64);
    T_CHECK(buf[0] == 0 && buf[63] == 0);
    vfs_close(f);
    T_EQ_INT(vfs_open(v, "/dev/full", O_WRONLY, 0, &f), 0);
    T_EQ_INT(vfs_write(f, "a", 1), -ENOSPC);
    vfs_close(f);
    unsigned char r1[32], r2[32];
    vfs_set_seed(v, 42);
    T_EQ_INT(vfs_open(v, "/dev/urandom", O_RDONLY, 0, &f), 0);
    T_EQ_INT(vfs_read(f, r1, 32), 32);
    vfs_close(f);
    vfs *w = mk(NULL);
    vfs_set_seed(w, 42);
    T_EQ_INT(vfs_open(w, "/dev/random", O_RDONLY, 0, &f), 0);
    T_EQ_INT(vfs_read(f, r2, 32), 32);
    vfs_close(f);
    T_EQ_MEM(r1, 32, r2, 32);
    vfs_set_seed(w, 43);
    T_EQ_INT(vfs_open(w, "/dev/urandom", O_RDONLY, 0, &f), 0);
    T_EQ_INT(vfs_read(f, r2, 32), 32);
    vfs_close(f);
    T_CHECK(memcmp(r1, r2, 32) != 0);
    T_EQ_INT(vfs_open(v, "/dev/tty", O_RDWR, 0, &f), -ENXIO);
    vfs_free(w);
    vfs_free(v);
}

static void test_names(void)
{
    vfs *v = mk(NULL);
    vfs_stat_t st;
    char name[300];
    memset(name, 'a', 256);
    name[0] = '/';
    memcpy(name + 1, "tmp/", 4);
    name[5 + 256] = 0;
    memset(name + 5, 'n', 256);
    T_EQ_INT(put(v, name, "x"), -ENAMETOOLONG);
    name[5 + 255] = 0;
    T_EQ_INT(put(v, name, "x"), 0);
    char *longp = malloc(5000);
    memset(longp, '/', 4999);
    longp[4999] = 0;
    T_EQ_INT(vfs_stat(v, longp, &st), -ENAMETOOLONG);
    longp[4095] = 0;
    T_EQ_INT(vfs_stat(v, longp, &st), 0);
    free(longp);
    T_EQ_INT(vfs_stat(v, "", &st), -ENOENT);
    vfs_free(v);
}

static void test_limits(void)
{
    vfs_limits lim = { .max_file_bytes = 1000, .max_total_bytes = 5000, .max_inodes = 0,
                       .max_dir_depth = 6 };
    vfs *v = mk(&lim);
    char buf[2000];
    memset(buf, 'x', sizeof buf);
    T_EQ_INT(vfs_write_all(v, "/tmp/a", buf, 1001, 0644), -EFBIG);
    T_EQ_STR(vfs_last_limit(v), "file size limit");
    vfs_file *f;
    T_EQ_INT(vfs_open(v, "/tmp/b", O_WRONLY | O_CREAT, 0644, &f), 0);
    T_EQ_INT(vfs_write(f, buf, 900), 900);
    T_EQ_INT(vfs_write(f, buf, 200), -EFBIG);
    vfs_stat_t st;
    T_EQ_INT(vfs_fstat(f, &st), 0);
    T_EQ_INT(st.size, 900);
    T_EQ_INT(vfs_ftruncate(f, 1001), -EFBIG);
    vfs_close(f);
    uint64_t base = vfs_bytes_used(v);
    char p[64];
    int i, rc = 0;
    for (i = 0; i < 100; i++) {
        snprintf(p, sizeof p, "/tmp/f%d", i);
        rc = vfs_write_all(v, p, buf, 1000, 0644);
        if (rc)
            break;
    }
    T_EQ_INT(rc, -ENOSPC);
    T_EQ_STR(vfs_last_limit(v), "total bytes limit");
    T_CHECK(vfs_bytes_used(v) <= 5000);
    T_CHECK(vfs_bytes_used(v) > base);
    /* still consistent: delete and write again */
    T_EQ_INT(vfs_unlink(v, "/tmp/f0"), 0);
    T_EQ_INT(vfs_write_all(v, "/tmp/again", buf, 500, 0644), 0);
    T_EQ_STR(get(v, "/tmp/b") ? "ok" : NULL, "ok");
    /* directory depth: /tmp is depth 1 */
    T_EQ_INT(vfs_mkdir(v, "/tmp/1", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/1/2", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/1/2/3", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/1/2/3/4", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/1/2/3/4/5", 0755), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/1/2/3/4/5/6", 0755), -ENOSPC);
    T_EQ_STR(vfs_last_limit(v), "directory depth limit");
    T_EQ_INT(vfs_mkdir(v, "/tmp/x", 0755), 0);
    T_EQ_INT(vfs_rename(v, "/tmp/1", "/tmp/x/1"), -ENOSPC);
    vfs_free(v);

    vfs_limits il = { .max_inodes = 0 };
    v = mk(&il);
    uint64_t used = vfs_inodes_used(v);
    vfs_free(v);
    il.max_inodes = used + 3;
    v = mk(&il);
    T_EQ_INT(put(v, "/tmp/1", ""), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/2", 0755), 0);
    T_EQ_INT(vfs_symlink(v, "x", "/tmp/3"), 0);
    T_EQ_INT(put(v, "/tmp/4", ""), -ENOSPC);
    T_EQ_STR(vfs_last_limit(v), "inode limit");
    T_EQ_INT(vfs_link(v, "/tmp/1", "/tmp/5"), 0);   /* links are not inodes */
    T_EQ_INT(vfs_unlink(v, "/tmp/1"), 0);
    T_EQ_INT(vfs_unlink(v, "/tmp/5"), 0);
    T_EQ_INT(put(v, "/tmp/4", ""), 0);
    vfs_statfs_t sf;
    T_EQ_INT(vfs_statfs(v, "/", &sf), 0);
    T_EQ_INT(sf.used_inodes, used + 3);
    T_EQ_INT(sf.total_inodes, used + 3);
    vfs_free(v);
}

static void test_fork(void)
{
    vfs *v = mk(NULL);
    size_t big = 200000;
    char *data = malloc(big);
    memset(data, 'q', big);
    T_EQ_INT(vfs_write_all(v, "/tmp/big", data, big, 0644), 0);
    T_EQ_INT(put(v, "/tmp/small", "orig"), 0);
    T_EQ_INT(vfs_link(v, "/tmp/small", "/tmp/hard"), 0);
    T_EQ_INT(vfs_symlink(v, "small", "/tmp/sym"), 0);
    uint64_t h1;
    T_EQ_INT(vfs_hash(v, "/tmp/big", &h1), 0);
    mem_heap *h2 = mem_heap_new(0);
    vfs *c;
    T_EQ_INT(vfs_fork(v, h2, &c), 0);
    T_EQ_INT(vfs_bytes_used(c), vfs_bytes_used(v));
    T_EQ_INT(vfs_inodes_used(c), vfs_inodes_used(v));
    /* write in the child: the parent does not see it */
    vfs_file *f;
    T_EQ_INT(vfs_open(c, "/tmp/big", O_WRONLY, 0, &f), 0);
    T_EQ_INT(vfs_seek(f, 70000, SEEK_SET), 70000);
    T_EQ_INT(vfs_write(f, "CHILD", 5), 5);
    vfs_close(f);
    uint64_t hp, hc;
    T_EQ_INT(vfs_hash(v, "/tmp/big", &hp), 0);
    T_EQ_INT(vfs_hash(c, "/tmp/big", &hc), 0);
    T_CHECK(hp == h1);
    T_CHECK(hc != h1);
    T_EQ_INT(put(c, "/tmp/hard", "child"), 0);
    T_EQ_STR(get(c, "/tmp/small"), "child");     /* hard link kept in the fork */
    T_EQ_STR(get(v, "/tmp/small"), "orig");
    T_EQ_STR(get(c, "/tmp/sym"), "child");
    T_EQ_INT(vfs_unlink(v, "/tmp/small"), 0);
    T_EQ_STR(get(c, "/tmp/small"), "child");
    T_EQ_INT(put(v, "/tmp/parent-only", "p"), 0);
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(c, "/tmp/parent-only", &st), -ENOENT);
    /* freeing the parent leaves the child whole */
    vfs_free(v);
    char *back;
    size_t blen;
    T_EQ_INT(vfs_read_all(c, "/tmp/big", H, &back, &blen), 0);
    T_EQ_INT(blen, big);
    T_CHECK(memcmp(back + 70000, "CHILD", 5) == 0 && back[0] == 'q');
    /* identical contents hash the same */
    T_EQ_INT(vfs_write_all(c, "/tmp/q1", data, 1000, 0644), 0);
    T_EQ_INT(vfs_write_all(c, "/tmp/q2", data, 1000, 0644), 0);
    T_EQ_INT(vfs_hash(c, "/tmp/q1", &hp), 0);
    T_EQ_INT(vfs_hash(c, "/tmp/q2", &hc), 0);
    T_CHECK(hp == hc);
    T_EQ_INT(vfs_hash(c, "/tmp", &hc), -EISDIR);
    vfs_free(c);
    mem_heap_destroy(h2);
    free(data);
}

static void test_streams(void)
{
    vfs *v = mk(NULL);
    int err = 1;
    stream *s = vfs_open_stream(v, "/tmp/s", O_WRONLY | O_CREAT | O_TRUNC, 0644, H, &err);
    T_CHECK(s != NULL);
    T_EQ_INT(err, 0);
    if (s) {
        T_EQ_INT(stream_write(s, "streamed", 8), 8);
        stream_unref(s);
    }
    T_EQ_STR(get(v, "/tmp/s"), "streamed");
    s = vfs_open_stream(v, "/tmp/s", O_RDONLY, 0, H, &err);
    T_CHECK(s != NULL);
    if (s) {
        char buf[16] = { 0 };
        T_EQ_INT(stream_read(s, buf, 6), 6);
        T_EQ_INT(stream_seek(s, 1, SEEK_SET), 1);
        T_EQ_INT(stream_read(s, buf, 15), 7);
        T_EQ_STR(buf, "treamed");
        T_EQ_STR(s->path, "/tmp/s");
        stream_unref(s);
    }
    s = vfs_open_stream(v, "/nonexistent", O_RDONLY, 0, H, &err);
    T_CHECK(s == NULL);
    T_EQ_INT(err, -ENOENT);
    vfs_free(v);
}

static void test_tar(void)
{
    vfs *v = mk(NULL);
    vfs_set_clock(v, fake_clock, NULL);
    fake_now.tv_sec = 1600000000;
    T_EQ_INT(vfs_mkdir(v, "/home/user/proj", 0750), 0);
    T_EQ_INT(put(v, "/home/user/proj/a.txt", "alpha\n"), 0);
    T_EQ_INT(vfs_chmod(v, "/home/user/proj/a.txt", 0600), 0);
    char longname[400] = "/home/user/proj/";
    for (int i = 0; i < 10; i++) {
        char comp[48];
        snprintf(comp, sizeof comp, "%slong_directory_name_%02d", i ? "/" : "", i);
        strcat(longname, comp);
        T_EQ_INT(vfs_mkdir(v, longname, 0755), 0);
    }
    strcat(longname, "/file_with_a_long_name.txt");
    T_EQ_INT(put(v, longname, "deep\n"), 0);
    T_EQ_INT(vfs_symlink(v, "a.txt", "/home/user/proj/link"), 0);
    T_EQ_INT(vfs_link(v, "/home/user/proj/a.txt", "/home/user/proj/hard"), 0);
    size_t big = 100000;
    char *data = malloc(big);
    for (size_t i = 0; i < big; i++)
        data[i] = (char)i;
    T_EQ_INT(vfs_write_all(v, "/home/user/proj/bin", data, big, 0755), 0);
    vbuf out;
    vbuf_init(&out, H);
    stream *s = stream_to_buf(H, &out);
    T_EQ_INT(vfs_export_tar(v, "/home/user/proj", s), 0);
    stream_unref(s);
    T_CHECK(out.len % 512 == 0 && out.len > 100000);

    vfs *w = mk(NULL);
    stream *in = stream_from_bytes(H, out.data, out.len);
    T_EQ_INT(vfs_mkdir(w, "/tmp/restore", 0755), 0);
    T_EQ_INT(vfs_import_tar(w, "/tmp/restore", in), 0);
    stream_unref(in);
    vfs_stat_t st, st2;
    T_EQ_STR(get(w, "/tmp/restore/a.txt"), "alpha\n");
    T_EQ_INT(vfs_stat(w, "/tmp/restore/a.txt", &st), 0);
    T_EQ_INT(st.mode & 07777, 0600);
    T_EQ_INT(st.mtime.tv_sec, 1600000000);
    T_EQ_INT(st.nlink, 2);
    T_EQ_INT(vfs_stat(w, "/tmp/restore/hard", &st2), 0);
    T_EQ_INT(st.ino, st2.ino);
    char *t;
    T_EQ_INT(vfs_readlink(w, "/tmp/restore/link", H, &t), 5);
    T_EQ_STR(t, "a.txt");
    char rl[500];
    snprintf(rl, sizeof rl, "/tmp/restore/%s", longname + strlen("/home/user/proj/"));
    T_EQ_STR(get(w, rl), "deep\n");
    char *back;
    size_t blen;
    T_EQ_INT(vfs_read_all(w, "/tmp/restore/bin", H, &back, &blen), 0);
    T_EQ_MEM(back, blen, data, big);
    T_EQ_INT(vfs_stat(w, "/tmp/restore/bin", &st), 0);
    T_EQ_INT(st.mode & 07777, 0755);
    uint64_t ha, hb;
    T_EQ_INT(vfs_hash(v, "/home/user/proj/bin", &ha), 0);
    T_EQ_INT(vfs_hash(w, "/tmp/restore/bin", &hb), 0);
    T_CHECK(ha == hb);
    vfs_free(w);
    vbuf_free(&out);
    free(data);

    /* a whole-tree export re-imported at / */
    vbuf all;
    vbuf_init(&all, H);
    s = stream_to_buf(H, &all);
    T_EQ_INT(vfs_export_tar(v, "/", s), 0);
    stream_unref(s);
    w = mk(NULL);
    vfs_set_identity(w, 0, 0);
    in = stream_from_bytes(H, all.data, all.len);
    T_EQ_INT(vfs_import_tar(w, "/", in), 0);
    stream_unref(in);
    vfs_set_identity(w, 1000, 1000);
    T_EQ_STR(get(w, "/home/user/proj/a.txt"), "alpha\n");
    vfs_free(w);
    vbuf_free(&all);
    vfs_free(v);
}

/* Builds one ustar header block. */
static void tar_hdr(char *b, const char *name, char type, size_t size, const char *link)
{
    memset(b, 0, 512);
    snprintf(b, 100, "%s", name);
    snprintf(b + 100, 8, "%07o", 0644);
    snprintf(b + 108, 8, "%07o", 0);
    snprintf(b + 116, 8, "%07o", 0);
    snprintf(b + 124, 12, "%011zo", size);
    snprintf(b + 136, 12, "%011o", 0);
    b[156] = type;
    if (link)
        snprintf(b + 157, 100, "%s", link);
    memcpy(b + 257, "ustar", 6);
    memcpy(b + 263, "00", 2);
    memset(b + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; i++)
        sum += (unsigned char)b[i];
    snprintf(b + 148, 8, "%06o", sum);
}

static void test_tar_escape(void)
{
    vfs *v = mk(NULL);
    T_EQ_INT(vfs_mkdir(v, "/tmp/in", 0755), 0);
    char arc[512 * 12];
    memset(arc, 0, sizeof arc);
    tar_hdr(arc, "../../etc/evil", '0', 1, NULL);
    arc[512] = 'E';
    tar_hdr(arc + 1024, "/abs/file", '0', 1, NULL);
    arc[1536] = 'A';
    tar_hdr(arc + 2048, "esc", '2', 0, "/etc");
    tar_hdr(arc + 2560, "esc/through", '0', 1, NULL);
    arc[3072] = 'T';
    tar_hdr(arc + 3584, "hl", '1', 0, "../../etc/passwd");
    stream *in = stream_from_bytes(H, arc, sizeof arc);
    int rc = vfs_import_tar(v, "/tmp/in", in);
    stream_unref(in);
    T_CHECK(rc == 0 || rc == -EINVAL);
    vfs_stat_t st;
    T_EQ_INT(vfs_stat(v, "/etc/evil", &st), -ENOENT);
    T_EQ_INT(vfs_stat(v, "/tmp/etc/evil", &st), -ENOENT);
    T_EQ_INT(vfs_stat(v, "/abs/file", &st), -ENOENT);
    T_EQ_STR(get(v, "/tmp/in/abs/file"), "A");
    T_EQ_INT(vfs_stat(v, "/etc/through", &st), -ENOENT);
    T_EQ_INT(vfs_lstat(v, "/tmp/in/hl", &st), -ENOENT);
    /* garbage is refused, not crashed on */
    char junk[1024];
    memset(junk, 'z', sizeof junk);
    in = stream_from_bytes(H, junk, sizeof junk);
    T_EQ_INT(vfs_import_tar(v, "/tmp/in", in), -EINVAL);
    stream_unref(in);
    vfs_free(v);
}

/* Mutated archives: import may fail, never crash or leave the VFS broken. */
static void test_tar_mutations(void)
{
    vfs *v = mk(NULL);
    T_EQ_INT(vfs_mkdir(v, "/tmp/src", 0755), 0);
    T_EQ_INT(put(v, "/tmp/src/a", "alpha"), 0);
    T_EQ_INT(vfs_mkdir(v, "/tmp/src/d", 0700), 0);
    char ln[300];
    memset(ln, 'n', 150);
    ln[150] = 0;
    char lp[400];
    snprintf(lp, sizeof lp, "/tmp/src/d/%s", ln);
    T_EQ_INT(put(v, lp, "long"), 0);
    T_EQ_INT(vfs_symlink(v, ln, "/tmp/src/sl"), 0);
    T_EQ_INT(vfs_link(v, "/tmp/src/a", "/tmp/src/h"), 0);
    vbuf out;
    vbuf_init(&out, H);
    stream *s = stream_to_buf(H, &out);
    T_EQ_INT(vfs_export_tar(v, "/tmp/src", s), 0);
    stream_unref(s);
    uint64_t x = 12345;
    int ok = 0, failed = 0;
    char *copy = malloc(out.len);
    for (int it = 0; it < 400; it++) {
        memcpy(copy, out.data, out.len);
        int flips = 1 + (int)(x % 8);
        for (int k = 0; k < flips; k++) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            size_t pos = (size_t)(x >> 33) % out.len;
            copy[pos] = (char)(x >> 20);
        }
        /* keep most headers valid so the parser goes past the checksum */
        for (size_t b = 0; it % 3 && b + 512 <= out.len; b += 512) {
            unsigned char *hb = (unsigned char *)copy + b;
            if (memcmp(hb + 257, "ustar", 5) != 0)
                continue;
            memset(hb + 148, ' ', 8);
            unsigned sum = 0;
            for (int i = 0; i < 512; i++)
                sum += hb[i];
            snprintf((char *)hb + 148, 8, "%06o", sum);
        }
        size_t len = out.len;
        if (it % 7 == 0)
            len = (size_t)(x >> 40) % out.len;   /* truncated */
        char dst[64];
        snprintf(dst, sizeof dst, "/tmp/m%d", it % 5);
        vfs_mkdir(v, dst, 0755);
        stream *in = stream_from_bytes(H, copy, len);
        int rc = vfs_import_tar(v, dst, in);
        stream_unref(in);
        if (rc == 0)
            ok++;
        else
            failed++;
    }
    free(copy);
    printf("tar mutations: %d imported, %d refused\n", ok, failed);
    T_CHECK(ok + failed == 400);
    /* still a working filesystem */
    T_EQ_INT(put(v, "/tmp/after", "fine"), 0);
    T_EQ_STR(get(v, "/tmp/after"), "fine");
    T_EQ_STR(get(v, "/tmp/src/a"), "alpha");
    T_EQ_INT(vfs_uid(v), 1000);
    vbuf_free(&out);
    vfs_free(v);
}

int main(void)
{
    uint64_t chunks0 = vfs_chunks_live();
    H = mem_heap_new(0);
    test_layout();
    test_files();
    test_unlink_open();
    test_dirs();
    test_symlinks();
    test_links_rename();
    test_perms();
    test_times();
    test_devices();
    test_names();
    test_limits();
    test_fork();
    test_streams();
    test_tar();
    test_tar_escape();
    test_tar_mutations();
    /* every chunk of every VFS above went away with it */
    T_EQ_INT(vfs_chunks_live(), chunks0);
    mem_heap_destroy(H);
    return T_DONE();
}
