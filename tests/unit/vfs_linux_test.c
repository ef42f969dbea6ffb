/*
 * Differential test: the same random sequence of namespace and file
 * operations runs on the VFS (as root, under /w) and on the host kernel (in
 * a mkdtemp directory), and every result must be the same errno. The
 * resulting trees must list the same names, types and sizes. Only relative
 * symlinks are used, since absolute ones name different roots.
 */
#include <dirent.h>
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

static char top[64];    /* mkdtemp directory */
static char base[80];   /* top/w: the host twin of /w ("../" of both is empty) */
static char lower[80];  /* top/lower: mounted at /w in modes 1-3 */
static int mode;

static void seed_tree(const char *dir)
{
    char p[200];
    snprintf(p, sizeof p, "%s/a", dir);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs("lower a\n", f);
        fclose(f);
    }
    snprintf(p, sizeof p, "%s/d", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/d/b", dir);
    f = fopen(p, "w");
    if (f) {
        fputs("lower b\n", f);
        fclose(f);
    }
    snprintf(p, sizeof p, "%s/l", dir);
    if (symlink("d/b", p)) {
    }
}
static vfs *V;
static mem_heap *H;
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static const char *const names[] = { "a", "b", "c", "d/a", "d/b", "d/e/a", "e", "d", "d/e",
                                     "a/x", "e/./a", "d/../c", "l", "d/l", "lo", "." , "d/.",
                                     "d/..", "a/", "d/" };
#define NNAMES (sizeof names / sizeof names[0])

static const char *pick(void)
{
    return names[rnd(NNAMES)];
}

static void both(const char *rel, char *v, char *h)
{
    snprintf(v, 256, "/w/%s", rel);
    snprintf(h, 256, "%s/%s", base, rel);
}

static int hrc(int r)
{
    return r < 0 ? -errno : r;
}

static int mismatches;

static void cmp(const char *op, const char *a, const char *b, int vr, int hr)
{
    if (getenv("VB_TRACE"))
        fprintf(stderr, "%s %s %s -> %d %d\n", op, a, b ? b : "", vr, hr);
    if (vr != hr && mismatches < 30) {
        mismatches++;
        fprintf(stderr, "MISMATCH %s %s %s: vfs %d (%s) host %d (%s)\n", op, a, b ? b : "",
                vr, strerror(-vr), hr, strerror(-hr));
        if (getenv("VB_TRACE")) {
            char cmd[300];
            snprintf(cmd, sizeof cmd, "cd %s && find . -printf '%%p %%y %%l\\n' >&2", base);
            if (system(cmd)) {
            }
        }
    }
    T_CHECK(vr == hr);
}

/* Every name the random operations can reach, for the mtime check. */
static const char *const all_paths[] = { "", "a", "b", "c", "d", "e", "l", "lo", "x", "d/a", "d/b",
                                         "d/e", "d/l", "d/e/a", "a/x", "e/a", "d/a/a", "d/a/e",
                                         "d/b/a", "l/a", "d/l/a" };
#define NPATHS (sizeof all_paths / sizeof all_paths[0])
static int8_t old_mtime[NPATHS];

/* Sets every path's mtime to an old value on both sides (without following
 * symlinks), so that after an operation we can see which ones it touched. */
static void mtime_reset(void)
{
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    for (size_t i = 0; i < NPATHS; i++) {
        char va[256], ha[256];
        both(all_paths[i], va, ha);
        vfs_stat_t vs;
        struct stat hs;
        old_mtime[i] = vfs_lstat(V, va, &vs) == 0 && lstat(ha, &hs) == 0;
        if (old_mtime[i]) {
            vfs_utimens(V, va, ts, false);
            utimensat(AT_FDCWD, ha, ts, AT_SYMLINK_NOFOLLOW);
        }
    }
}

static void mtime_check(const char *op, const char *a, const char *b)
{
    for (size_t i = 0; i < NPATHS; i++) {
        if (!old_mtime[i])
            continue;
        char va[256], ha[256];
        both(all_paths[i], va, ha);
        vfs_stat_t vs;
        struct stat hs;
        if (vfs_lstat(V, va, &vs) != 0 || lstat(ha, &hs) != 0)
            continue;
        if (vs.ino == 0)
            continue;
        bool vch = vs.mtime.tv_sec != 1000, hch = hs.st_mtim.tv_sec != 1000;
        if (vch != hch && mismatches < 30) {
            mismatches++;
            fprintf(stderr, "MTIME %s %s %s: %s changed in %s only\n", op, a, b ? b : "",
                    all_paths[i], vch ? "vfs" : "host");
        }
        T_CHECK(vch == hch);
    }
}

static const char *op_name(int op)
{
    static const char *const n[] = { "mkdir", "rmdir", "unlink", "rename", "link", "symlink",
                                     "open", "open", "truncate", "stat", "readlink", "opendir" };
    return n[op];
}

static void step(void)
{
    char va[256], ha[256], vb[256], hb[256];
    const char *a = pick(), *b = pick();
    both(a, va, ha);
    both(b, vb, hb);
    int op = (int)rnd(12);
    int vr = 0, hr = 0;
    mtime_reset();
    switch (op) {
    case 0:
        vr = vfs_mkdir(V, va, 0755);
        hr = hrc(mkdir(ha, 0755));
        cmp("mkdir", a, NULL, vr, hr);
        break;
    case 1:
        vr = vfs_rmdir(V, va);
        hr = hrc(rmdir(ha));
        cmp("rmdir", a, NULL, vr, hr);
        break;
    case 2:
        vr = vfs_unlink(V, va);
        hr = hrc(unlink(ha));
        cmp("unlink", a, NULL, vr, hr);
        break;
    case 3: {
        vfs_stat_t st;
        bool dir = vfs_lstat(V, va, &st) == 0 && S_ISDIR(st.mode);
        if (mode == 3 && dir)
            break;   /* overlay: EXDEV for directories with host content, by design */
        vr = vfs_rename(V, va, vb);
        hr = hrc(rename(ha, hb));
        cmp("rename", a, b, vr, hr);
        break;
    }
    case 4:
        vr = vfs_link(V, va, vb);
        hr = hrc(link(ha, hb));
        cmp("link", a, b, vr, hr);
        break;
    case 5: {
        static const char *const targets[] = { "a", "d", "../a", "e/a", "lo", "d/e", "x" };
        const char *t = targets[rnd(7)];
        vr = vfs_symlink(V, t, va);
        hr = hrc(symlink(t, ha));
        cmp("symlink", t, a, vr, hr);
        break;
    }
    case 6:
    case 7: {
        static const int fl[] = { O_RDONLY, O_WRONLY | O_CREAT, O_RDWR | O_CREAT | O_EXCL,
                                  O_WRONLY | O_TRUNC, O_RDONLY | O_DIRECTORY,
                                  O_WRONLY | O_CREAT | O_NOFOLLOW, O_WRONLY | O_APPEND,
                                  O_RDONLY | O_NOFOLLOW, O_RDWR };
        int f = fl[rnd(9)];
        vfs_file *vf = NULL;
        vr = vfs_open(V, va, f, 0644, &vf);
        int fd = open(ha, f, 0644);
        hr = hrc(fd);
        cmp("open", a, NULL, vr, hr > 0 ? 0 : hr);
        if (vr == 0 && fd >= 0 && (f & O_ACCMODE) != O_RDONLY) {
            char buf[300];
            size_t n = rnd(300);
            memset(buf, 'a' + (int)rnd(26), n);
            ssize_t w1 = vfs_write(vf, buf, n);
            ssize_t w2 = write(fd, buf, n);
            cmp("write", a, NULL, (int)w1, w2 < 0 ? -errno : (int)w2);
        }
        if (vf)
            vfs_close(vf);
        if (fd >= 0)
            close(fd);
        break;
    }
    case 8: {
        uint64_t len = rnd(200);
        vr = vfs_truncate(V, va, len);
        hr = hrc(truncate(ha, (off_t)len));
        cmp("truncate", a, NULL, vr, hr);
        break;
    }
    case 9: {
        vfs_stat_t vs;
        struct stat hs;
        bool l = rnd(2);
        vr = l ? vfs_lstat(V, va, &vs) : vfs_stat(V, va, &vs);
        hr = hrc(l ? lstat(ha, &hs) : stat(ha, &hs));
        cmp(l ? "lstat" : "stat", a, NULL, vr, hr);
        if (vr == 0 && hr == 0) {
            T_EQ_INT(vs.mode & S_IFMT, hs.st_mode & S_IFMT);
            if (S_ISREG(vs.mode))
                T_EQ_INT(vs.size, hs.st_size);
            if (!S_ISDIR(vs.mode))
                T_EQ_INT(vs.nlink, hs.st_nlink);
        }
        break;
    }
    case 10: {
        char *t = NULL, hbuf[256];
        vr = vfs_readlink(V, va, H, &t);
        ssize_t n = readlink(ha, hbuf, sizeof hbuf);
        cmp("readlink", a, NULL, vr, n < 0 ? -errno : (int)n);
        mem_free(H, t);
        break;
    }
    case 11: {
        vfs_dir *d = NULL;
        vr = vfs_opendir(V, va, &d);
        DIR *hd = opendir(ha);
        hr = hd ? 0 : -errno;
        cmp("opendir", a, NULL, vr, hr);
        if (d && hd) {
            int vn = 0, hn = 0;
            vfs_dirent e;
            while (vfs_readdir(d, &e) == 1)
                vn++;
            struct dirent *he;
            while ((he = readdir(hd)))
                if (strcmp(he->d_name, ".") && strcmp(he->d_name, ".."))
                    hn++;
            T_EQ_INT(vn, hn);
        }
        if (d)
            vfs_closedir(d);
        if (hd)
            closedir(hd);
        break;
    }
    }
    mtime_check(op_name(op), a, b);
}

/* "name type size;" for every entry below dir, in name order. */
static void vlist(const char *dir, char *out, size_t cap)
{
    vfs_dir *d;
    if (vfs_opendir(V, dir, &d))
        return;
    vfs_dirent e;
    while (vfs_readdir(d, &e) == 1) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, e.name);
        vfs_stat_t st;
        if (vfs_lstat(V, p, &st))
            continue;
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s %o %llu;", p + 2, (unsigned)(st.mode & S_IFMT),
                 S_ISREG(st.mode) || S_ISLNK(st.mode) ? (unsigned long long)st.size : 0ULL);
        if (S_ISDIR(st.mode))
            vlist(p, out, cap);
    }
    vfs_closedir(d);
}

static int hcmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void hlist(const char *dir, size_t skip, char *out, size_t cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, hcmp);
    for (int i = 0; i < n; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        struct stat st;
        if (lstat(p, &st) == 0) {
            size_t k = strlen(out);
            snprintf(out + k, cap - k, "%s %o %llu;", p + skip, (unsigned)(st.st_mode & S_IFMT),
                     S_ISREG(st.st_mode) || S_ISLNK(st.st_mode) ? (unsigned long long)st.st_size : 0ULL);
            if (S_ISDIR(st.st_mode))
                hlist(p, skip, out, cap);
        }
        free(names[i]);
    }
}

static bool same_trees(void)
{
    static char a[8192], b[8192];   /* test code only */
    a[0] = b[0] = 0;
    vlist("/w", a, sizeof a);
    hlist(base, strlen(base), b, sizeof b);
    if (strcmp(a, b) != 0) {
        fprintf(stderr, "trees differ:\n vfs  %s\n host %s\n", a, b);
        return false;
    }
    return true;
}

static int rm_cb(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(p);
}

int main(void)
{
    if (geteuid() != 0) {
        T_SKIP("the host side must run as root to match the VFS's root identity");
        return T_DONE();
    }
    if (getenv("VB_SEED"))
        rng = strtoull(getenv("VB_SEED"), NULL, 0) | 1;
    H = mem_heap_new(0);
    snprintf(top, sizeof top, "/tmp/vblinuxXXXXXX");
    if (!mkdtemp(top)) {
        T_SKIP("mkdtemp failed");
        return T_DONE();
    }
    snprintf(base, sizeof base, "%s/w", top);
    snprintf(lower, sizeof lower, "%s/lower", top);
    /* round r runs with /w as: memory, a rw mount, an overlay of an empty
     * directory, an overlay of a populated one (the host twin starts with
     * the same files) */
    for (int round = 0; round < 8; round++) {
        mode = round % 4;
        nftw(top, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
        mkdir(top, 0700);
        mkdir(base, 0755);
        mkdir(lower, 0755);
        if (mode == 3) {
            seed_tree(base);
            seed_tree(lower);
        }
        T_EQ_INT(vfs_new(H, NULL, 0, 0, &V), 0);
        if (mode == 0)
            T_EQ_INT(vfs_mkdir(V, "/w", 0755), 0);
        else
            T_EQ_INT(vfs_mount_host(V, lower, "/w", mode == 1 ? 1 : 2), 0);
        bool diverged = false;
        for (int i = 0; i < 700; i++) {
            step();
            if (!diverged && (i % 8 == 7 || getenv("VB_TRACE")) && !same_trees()) {
                diverged = true;
                T_CHECK_MSG(false, "trees diverged in mode %d at step %d", mode, i);
            }
        }
        if (mode >= 2) {
            /* the overlay never touched its host directory */
            int n = 0;
            DIR *d = opendir(lower);
            struct dirent *e;
            while (d && (e = readdir(d)))
                n += e->d_name[0] != '.';
            if (d)
                closedir(d);
            T_EQ_INT(n, mode == 3 ? 3 : 0);
        }
        vfs_free(V);
        V = NULL;
    }
    vfs_free(V); /* the VFS of the earlier phase, if the loop did not run */
    nftw(top, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    mem_heap_destroy(H);
    return T_DONE();
}
