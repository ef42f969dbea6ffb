/*
 * The embedder's filesystem API (include/vbash/vfs.h) on a real session.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/t.h"
#include "vbash/vbash.h"
#include "vbash/vfs.h"

static vb_session *S;

static char *rd(const char *p)
{
    static char buf[256];   /* test code only */
    vb_bytes b;
    if (vb_vfs_read_file(S, p, &b) != VB_OK)
        return NULL;
    snprintf(buf, sizeof buf, "%s", b.data);
    vb_free(b.data);
    return buf;
}

static void test_files(void)
{
    T_EQ_INT(vb_vfs_write_file(S, "/home/user/a/b/c.txt", "hello", 5), VB_OK);
    T_EQ_STR(rd("/home/user/a/b/c.txt"), "hello");
    vb_bytes b;
    T_EQ_INT(vb_vfs_write_file(S, "/home/user/bin", "a\0b", 3), VB_OK);
    T_EQ_INT(vb_vfs_read_file(S, "/home/user/bin", &b), VB_OK);
    T_EQ_MEM(b.data, b.len, "a\0b", 3);
    T_CHECK(b.data[3] == 0);
    vb_free(b.data);
    T_EQ_INT(vb_vfs_read_file(S, "/home/user/none", &b), VB_ENOENT);
    T_CHECK(b.data == NULL && b.len == 0);
    T_CHECK(strstr(vb_session_error(S), "/home/user/none") != NULL);
    T_EQ_INT(vb_vfs_read_file(S, "/home/user/a", &b), VB_EISDIR);
    T_EQ_INT(vb_vfs_write_file(S, "/home/user/a", "x", 1), VB_EISDIR);
    T_EQ_INT(vb_vfs_write_file(S, "/home/user/a/b/c.txt/d", "x", 1), VB_ENOTDIR);
    T_EQ_INT(vb_vfs_write_file(S, "/etc/nope", "x", 1), VB_EACCES);
    T_EQ_INT(vb_vfs_write_file(S, "/home/user/empty", NULL, 0), VB_OK);
    T_EQ_STR(rd("/home/user/empty"), "");
    vb_vfs_info in;
    T_EQ_INT(vb_vfs_stat(S, "/home/user/a/b/c.txt", true, &in), VB_OK);
    T_EQ_INT(in.size, 5);
    T_CHECK(S_ISREG(in.mode));
    T_EQ_INT(in.mode & 0777, 0644);
    T_EQ_INT(in.uid, 1000);
    uint64_t h1, h2;
    T_EQ_INT(vb_vfs_hash(S, "/home/user/a/b/c.txt", &h1), VB_OK);
    T_EQ_INT(vb_vfs_write_file(S, "/tmp/same", "hello", 5), VB_OK);
    T_EQ_INT(vb_vfs_hash(S, "/tmp/same", &h2), VB_OK);
    T_CHECK(h1 == h2);
}

static void test_dirs(void)
{
    T_EQ_INT(vb_vfs_mkdir(S, "/tmp/x", 0755, false), VB_OK);
    T_EQ_INT(vb_vfs_mkdir(S, "/tmp/x", 0755, false), VB_EEXIST);
    T_EQ_INT(vb_vfs_mkdir(S, "/tmp/x", 0755, true), VB_OK);
    T_EQ_INT(vb_vfs_mkdir(S, "/tmp/y/z/w/", 0700, true), VB_OK);
    T_EQ_INT(vb_vfs_mkdir(S, "/tmp/q/r", 0755, false), VB_ENOENT);
    T_EQ_INT(vb_vfs_write_file(S, "/tmp/x/2", "", 0), VB_OK);
    T_EQ_INT(vb_vfs_write_file(S, "/tmp/x/1", "", 0), VB_OK);
    T_EQ_INT(vb_vfs_symlink(S, "1", "/tmp/x/3"), VB_OK);
    T_EQ_INT(vb_vfs_mkdir(S, "/tmp/x/0", 0755, false), VB_OK);
    vb_vfs_entry *e;
    size_t n;
    T_EQ_INT(vb_vfs_readdir(S, "/tmp/x", &e, &n), VB_OK);
    T_EQ_INT(n, 4);
    if (n == 4) {
        T_EQ_STR(e[0].name, "0");
        T_EQ_INT(e[0].type, VB_VFS_DIR);
        T_EQ_STR(e[1].name, "1");
        T_EQ_INT(e[1].type, VB_VFS_FILE);
        T_EQ_STR(e[3].name, "3");
        T_EQ_INT(e[3].type, VB_VFS_SYMLINK);
    }
    vb_free(e);
    T_EQ_INT(vb_vfs_readdir(S, "/tmp/y/z/w", &e, &n), VB_OK);
    T_EQ_INT(n, 0);
    T_CHECK(e != NULL);
    vb_free(e);
    T_EQ_INT(vb_vfs_readdir(S, "/tmp/x/1", &e, &n), VB_ENOTDIR);
    vb_vfs_info in;
    T_EQ_INT(vb_vfs_stat(S, "/tmp/x/3", false, &in), VB_OK);
    T_CHECK(S_ISLNK(in.mode));
    T_EQ_INT(vb_vfs_rename(S, "/tmp/x/1", "/tmp/x/renamed"), VB_OK);
    T_EQ_INT(vb_vfs_stat(S, "/tmp/x/3", true, &in), VB_ENOENT);
    T_EQ_INT(vb_vfs_rename(S, "/tmp/x", "/tmp/x/0/in"), VB_EINVAL);
    T_EQ_INT(vb_vfs_remove(S, "/tmp/x", false), VB_ENOTEMPTY);
    T_EQ_INT(vb_vfs_remove(S, "/tmp/x/3", false), VB_OK);
    T_EQ_INT(vb_vfs_remove(S, "/tmp/x/0", false), VB_OK);
    T_EQ_INT(vb_vfs_symlink(S, "/home/user", "/tmp/x/homelink"), VB_OK);
    T_EQ_INT(vb_vfs_remove(S, "/tmp/x", true), VB_OK);
    T_EQ_INT(vb_vfs_stat(S, "/tmp/x", true, &in), VB_ENOENT);
    T_EQ_INT(vb_vfs_stat(S, "/home/user/a/b/c.txt", true, &in), VB_OK);  /* not followed */
    T_EQ_INT(vb_vfs_remove(S, "/tmp/none", true), VB_ENOENT);
}

static void test_tar(void)
{
    T_EQ_INT(vb_vfs_write_file(S, "/tmp/t/one", "1", 1), VB_OK);
    T_EQ_INT(vb_vfs_write_file(S, "/tmp/t/d/two", "22", 2), VB_OK);
    vb_bytes tar;
    T_EQ_INT(vb_vfs_export_tar_mem(S, "/tmp/t", &tar), VB_OK);
    T_CHECK(tar.len >= 512 * 5 && tar.len % 512 == 0);
    vb_session *o;
    T_EQ_INT(vb_session_new(NULL, &o), VB_OK);
    T_EQ_INT(vb_vfs_import_tar_mem(o, "/home/user", tar.data, tar.len), VB_OK);
    vb_bytes b;
    T_EQ_INT(vb_vfs_read_file(o, "/home/user/d/two", &b), VB_OK);
    T_EQ_MEM(b.data, b.len, "22", 2);
    vb_free(b.data);
    /* through a host file descriptor */
    char path[] = "/tmp/vbapiXXXXXX";
    int fd = mkstemp(path);
    T_CHECK(fd >= 0);
    if (fd >= 0) {
        T_EQ_INT(vb_vfs_export_tar(S, "/tmp/t", fd), VB_OK);
        T_EQ_INT(lseek(fd, 0, SEEK_SET), 0);
        T_EQ_INT(vb_vfs_mkdir(o, "/tmp/fromfd", 0755, false), VB_OK);
        T_EQ_INT(vb_vfs_import_tar(o, "/tmp/fromfd", fd), VB_OK);
        T_EQ_INT(vb_vfs_read_file(o, "/tmp/fromfd/one", &b), VB_OK);
        T_EQ_MEM(b.data, b.len, "1", 1);
        vb_free(b.data);
        close(fd);
        unlink(path);
    }
    T_EQ_INT(vb_vfs_import_tar_mem(o, "/tmp/none", tar.data, tar.len), VB_ENOENT);
    T_EQ_INT(vb_vfs_import_tar_mem(o, "/tmp", "junk", 4), VB_EINVAL);
    T_EQ_INT(vb_vfs_export_tar(S, "/tmp/t", -1), VB_EBADF);
    vb_free(tar.data);
    vb_session_free(o);
}

static void test_mount(void)
{
    char dir[] = "/tmp/vbapimXXXXXX";
    if (!mkdtemp(dir)) {
        T_SKIP("mkdtemp failed");
        return;
    }
    char p[128];
    snprintf(p, sizeof p, "%s/host.txt", dir);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs("from host", f);
        fclose(f);
    }
    T_EQ_INT(vb_vfs_mount(S, dir, "/mnt/h", VB_MOUNT_OVERLAY), VB_OK);
    T_EQ_STR(rd("/mnt/h/host.txt"), "from host");
    T_EQ_INT(vb_vfs_write_file(S, "/mnt/h/host.txt", "changed", 7), VB_OK);
    T_EQ_STR(rd("/mnt/h/host.txt"), "changed");
    char buf[32] = { 0 };
    f = fopen(p, "r");
    if (f) {
        fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
    }
    T_EQ_STR(buf, "from host");
    T_EQ_INT(vb_vfs_mount(S, "/nonexistent/dir", "/mnt/x", VB_MOUNT_RO), VB_ENOENT);
    T_EQ_INT(vb_vfs_mount(S, dir, "relative", VB_MOUNT_RO), VB_EINVAL);
    unlink(p);
    rmdir(dir);
}

int main(void)
{
    if (vb_session_new(NULL, &S) != VB_OK) {
        T_SKIP("no session");
        return T_DONE();
    }
    test_files();
    test_dirs();
    test_tar();
    test_mount();
    vb_session_free(S);
    vb_free(NULL);
    return T_DONE();
}
