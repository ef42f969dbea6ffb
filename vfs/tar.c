/*
 * Export a subtree as a POSIX ustar archive (GNU 'L'/'K' records for names
 * and link targets over 100 bytes) and import one back. Files, directories,
 * symlinks, hard links, FIFOs, modes and mtimes survive the round trip.
 *
 * Import is confined to its root: leading "/" and "./" are dropped (as GNU
 * tar does), members with a ".." component or whose parent path goes
 * through a symlink are refused, hard links may only point at members
 * inside the root. Refused members are skipped; the import then returns
 * -EINVAL after doing the rest. pax 'x' records (path, linkpath, size,
 * mtime) are understood; other pax keys are ignored.
 *
 * Import restores a snapshot on the embedder's behalf: it runs with root's
 * authority inside the VFS (permission bits do not stop it, owners come
 * from the archive). It is not meant for the sandbox user's own commands.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include "vfs/vfs_int.h"

#define TAR_BLOCK 512

/* ------------------------------------------------------------ export */

typedef struct tar_link {
    uint64_t dev, ino;
    char *path;          /* heap */
} tar_link;

typedef struct tar_out {
    vfs *v;
    stream *s;
    tar_link *links;
    size_t nlinks, caplinks;
    char *buf;           /* 64 KiB copy buffer (heap) */
} tar_out;

static int tar__put(tar_out *o, const void *p, size_t n)
{
    ssize_t w = stream_write(o->s, p, n);
    if (w < 0)
        return (int)w;
    return (size_t)w == n ? 0 : -EIO;
}

static void tar__octal(char *field, size_t width, uint64_t val)
{
    /* width includes the terminating NUL; base-256 when it does not fit */
    uint64_t max = 1;
    for (size_t i = 0; i < width - 1 && max < ((uint64_t)1 << 60); i++)
        max *= 8;
    if (val < max) {
        /* digits written by hand: the value fits in width-1 octal digits */
        field[width - 1] = '\0';
        for (size_t i = width - 1; i > 0; i--) {
            field[i - 1] = (char)('0' + (val & 7));
            val >>= 3;
        }
        return;
    }
    memset(field, 0, width);
    field[0] = (char)0x80;
    for (size_t i = width - 1; i > 0 && val; i--) {
        field[i] = (char)(val & 0xff);
        val >>= 8;
    }
}

static void tar__checksum(char *h)
{
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < TAR_BLOCK; i++)
        sum += (unsigned char)h[i];
    snprintf(h + 148, 8, "%06o", sum);
    h[155] = ' ';
}

static int tar__longrec(tar_out *o, char type, const char *name)
{
    size_t len = strlen(name) + 1;
    char h[TAR_BLOCK];
    memset(h, 0, sizeof h);
    strcpy(h, "././@LongLink");
    tar__octal(h + 100, 8, 0);
    tar__octal(h + 108, 8, 0);
    tar__octal(h + 116, 8, 0);
    tar__octal(h + 124, 12, len);
    tar__octal(h + 136, 12, 0);
    h[156] = type;
    memcpy(h + 257, "ustar  ", 8);   /* GNU magic */
    tar__checksum(h);
    int rc = tar__put(o, h, sizeof h);
    if (rc)
        return rc;
    rc = tar__put(o, name, len);
    if (rc)
        return rc;
    size_t pad = (TAR_BLOCK - len % TAR_BLOCK) % TAR_BLOCK;
    static const char zeros[TAR_BLOCK];
    return pad ? tar__put(o, zeros, pad) : 0;
}

static int tar__header(tar_out *o, const char *name, const vfs_stat_t *st, char type,
                       uint64_t size, const char *link)
{
    int rc;
    if (strlen(name) > 100 && (rc = tar__longrec(o, 'L', name)))
        return rc;
    if (link && strlen(link) > 100 && (rc = tar__longrec(o, 'K', link)))
        return rc;
    char h[TAR_BLOCK];
    memset(h, 0, sizeof h);
    memcpy(h, name, strlen(name) > 100 ? 100 : strlen(name));
    tar__octal(h + 100, 8, st->mode & 07777);
    tar__octal(h + 108, 8, st->uid);
    tar__octal(h + 116, 8, st->gid);
    tar__octal(h + 124, 12, size);
    tar__octal(h + 136, 12, st->mtime.tv_sec > 0 ? (uint64_t)st->mtime.tv_sec : 0);
    h[156] = type;
    if (link)
        memcpy(h + 157, link, strlen(link) > 100 ? 100 : strlen(link));
    memcpy(h + 257, "ustar  ", 8);
    snprintf(h + 265, 32, "%s", st->uid == 0 ? "root" : "user");
    snprintf(h + 297, 32, "%s", st->gid == 0 ? "root" : "user");
    tar__checksum(h);
    return tar__put(o, h, sizeof h);
}

static int tar__file(tar_out *o, const char *path, const char *name, const vfs_stat_t *st)
{
    vfs_file *f;
    int rc = vfs_open(o->v, path, O_RDONLY | O_NOFOLLOW, 0, &f);
    if (rc)
        return rc;
    rc = tar__header(o, name, st, '0', st->size, NULL);
    uint64_t left = st->size;
    while (!rc && left) {
        size_t k = left < 65536 ? (size_t)left : 65536;
        ssize_t r = vfs_read(f, o->buf, k);
        if (r < 0) {
            rc = (int)r;
            break;
        }
        if (r == 0) {
            /* the file shrank under us: pad with zeros to the size announced */
            memset(o->buf, 0, k);
            r = (ssize_t)k;
        }
        rc = tar__put(o, o->buf, (size_t)r);
        left -= (uint64_t)r;
    }
    vfs_close(f);
    size_t pad = (size_t)((TAR_BLOCK - st->size % TAR_BLOCK) % TAR_BLOCK);
    if (!rc && pad) {
        memset(o->buf, 0, pad);
        rc = tar__put(o, o->buf, pad);
    }
    return rc;
}

/* path: absolute VFS path; name: the member name (relative). */
static int tar__entry(tar_out *o, const char *path, const char *name, int depth)
{
    vfs *v = o->v;
    vfs_stat_t st;
    int rc = vfs_lstat(v, path, &st);
    if (rc)
        return rc;
    if (S_ISDIR(st.mode)) {
        if (*name) {
            char *dn = mem_printf(v->heap, "%s/", name);
            if (!dn)
                return -ENOMEM;
            rc = tar__header(o, dn, &st, '5', 0, NULL);
            mem_free(v->heap, dn);
            if (rc)
                return rc;
        }
        if (depth > 4096)
            return -ELOOP;
        vfs_dir *d;
        rc = vfs_opendir(v, path, &d);
        if (rc)
            return rc;
        vfs_dirent e;
        while (!rc && vfs_readdir(d, &e) == 1) {
            char *cp = mem_printf(v->heap, "%s/%s", strcmp(path, "/") ? path : "", e.name);
            char *cn = *name ? mem_printf(v->heap, "%s/%s", name, e.name) : mem_strdup(v->heap, e.name);
            if (!cp || !cn)
                rc = -ENOMEM;
            else
                rc = tar__entry(o, cp, cn, depth + 1);
            mem_free(v->heap, cp);
            mem_free(v->heap, cn);
        }
        vfs_closedir(d);
        return rc;
    }
    if (!*name)
        return -ENOTDIR;
    if (S_ISLNK(st.mode)) {
        char *t;
        rc = vfs_readlink(v, path, v->heap, &t);
        if (rc < 0)
            return rc;
        rc = tar__header(o, name, &st, '2', 0, t);
        mem_free(v->heap, t);
        return rc;
    }
    if (S_ISFIFO(st.mode))
        return tar__header(o, name, &st, '6', 0, NULL);
    if (!S_ISREG(st.mode))
        return 0;   /* devices are part of every VFS's layout, not of archives */
    if (st.nlink > 1) {
        for (size_t i = 0; i < o->nlinks; i++)
            if (o->links[i].ino == st.ino && o->links[i].dev == st.dev)
                return tar__header(o, name, &st, '1', 0, o->links[i].path);
        if (o->nlinks == o->caplinks) {
            size_t nc = o->caplinks ? o->caplinks * 2 : 16;
            tar_link *nl = mem_realloc(v->heap, o->links, sizeof *nl * nc);
            if (!nl)
                return -ENOMEM;
            o->links = nl;
            o->caplinks = nc;
        }
        char *cp = mem_strdup(v->heap, name);
        if (!cp)
            return -ENOMEM;
        o->links[o->nlinks++] = (tar_link){ .dev = st.dev, .ino = st.ino, .path = cp };
    }
    return tar__file(o, path, name, &st);
}

int vfs_export_tar(vfs *v, const char *root, stream *out)
{
    tar_out o = { .v = v, .s = out };
    o.buf = mem_alloc(v->heap, 65536);
    if (!o.buf)
        return -ENOMEM;
    char *rp = NULL;
    int rc = vfs_realpath(v, root, v->heap, &rp);
    if (!rc) {
        vfs_stat_t st;
        rc = vfs_stat(v, rp, &st);
        if (!rc && !S_ISDIR(st.mode)) {
            /* a single file: its base name is the member */
            const char *b = strrchr(rp, '/');
            rc = tar__entry(&o, rp, b ? b + 1 : rp, 0);
        } else if (!rc) {
            rc = tar__entry(&o, rp, "", 0);
        }
    }
    if (!rc) {
        memset(o.buf, 0, 2 * TAR_BLOCK);
        rc = tar__put(&o, o.buf, 2 * TAR_BLOCK);
    }
    for (size_t i = 0; i < o.nlinks; i++)
        mem_free(v->heap, o.links[i].path);
    mem_free(v->heap, o.links);
    mem_free(v->heap, o.buf);
    mem_free(v->heap, rp);
    return rc;
}

/* ------------------------------------------------------------ import */

typedef struct tar_dirfix {
    char *path;
    uint32_t mode;
    int64_t mtime;
} tar_dirfix;

typedef struct tar_in {
    vfs *v;
    stream *s;
    const char *root;     /* canonical, no trailing slash ("" for /) */
    tar_dirfix *dirs;
    size_t ndirs, capdirs;
    bool refused;
} tar_in;

/* Reads exactly n bytes; 0 at a clean end of input before any byte. */
static int tar__read(tar_in *t, void *buf, size_t n, size_t *got)
{
    size_t done = 0;
    while (done < n) {
        ssize_t r = stream_read(t->s, (char *)buf + done, n - done);
        if (r < 0)
            return (int)r;
        if (r == 0)
            break;
        done += (size_t)r;
    }
    *got = done;
    return 0;
}

static int tar__skip(tar_in *t, uint64_t n)
{
    char buf[4096];
    while (n) {
        size_t k = n < sizeof buf ? (size_t)n : sizeof buf, got = 0;
        int rc = tar__read(t, buf, k, &got);
        if (rc)
            return rc;
        if (got < k)
            return -EINVAL;
        n -= k;
    }
    return 0;
}

static uint64_t tar__num(const char *f, size_t width, bool *bad)
{
    if ((unsigned char)f[0] & 0x80) {
        uint64_t v = 0;
        for (size_t i = 1; i < width; i++)
            v = (v << 8) | (unsigned char)f[i];
        return v;
    }
    uint64_t v = 0;
    size_t i = 0;
    while (i < width && (f[i] == ' ' || f[i] == 0))
        i++;
    for (; i < width && f[i] >= '0' && f[i] <= '7'; i++)
        v = v * 8 + (uint64_t)(f[i] - '0');
    for (; i < width; i++)
        if (f[i] != ' ' && f[i] != 0)
            *bad = true;
    return v;
}

static bool tar__sum_ok(const unsigned char *h)
{
    bool bad = false;
    uint64_t want = tar__num((const char *)h + 148, 8, &bad);
    unsigned u = 0;
    int s = 0;
    for (int i = 0; i < TAR_BLOCK; i++) {
        unsigned char c = (i >= 148 && i < 156) ? ' ' : h[i];
        u += c;
        s += (signed char)c;
    }
    return !bad && (want == u || (int64_t)want == s);
}

/* Cleans a member name in place: drops leading "/" and "./", collapses
 * "//" and "/./". 0: a name; 1: nothing left (the root itself); -1: a ".."
 * component, refused. */
static int tar__clean(char *name)
{
    char *out = name;
    const char *p = name;
    while (*p) {
        while (*p == '/')
            p++;
        const char *c = p;
        while (*p && *p != '/')
            p++;
        size_t len = (size_t)(p - c);
        if (len == 0 || (len == 1 && c[0] == '.'))
            continue;
        if (len == 2 && c[0] == '.' && c[1] == '.')
            return -1;
        if (out != name)
            *out++ = '/';
        memmove(out, c, len);
        out += len;
    }
    *out = 0;
    return out != name ? 0 : 1;
}

/* Makes the parents of rel (below root) exist as real directories; a
 * symlink on the way refuses the member. */
static int tar__parents(tar_in *t, const char *rel)
{
    vfs *v = t->v;
    size_t rl = strlen(t->root);
    size_t len = strlen(rel);
    char *p = mem_alloc(v->heap, rl + len + 2);
    if (!p)
        return -ENOMEM;
    memcpy(p, t->root, rl);
    int rc = 0;
    for (size_t i = 0; i < len && !rc; i++) {
        if (rel[i] != '/')
            continue;
        p[rl] = '/';
        memcpy(p + rl + 1, rel, i);
        p[rl + 1 + i] = 0;
        vfs_stat_t st;
        rc = vfs_lstat(v, p, &st);
        if (rc == -ENOENT)
            rc = vfs_mkdir(v, p, 0755);
        else if (!rc && !S_ISDIR(st.mode))
            rc = S_ISLNK(st.mode) ? 1 : -ENOTDIR;
    }
    mem_free(v->heap, p);
    return rc;
}

static int tar__dirfix(tar_in *t, const char *path, uint32_t mode, int64_t mtime)
{
    vfs *v = t->v;
    if (t->ndirs == t->capdirs) {
        size_t nc = t->capdirs ? t->capdirs * 2 : 16;
        tar_dirfix *nd = mem_realloc(v->heap, t->dirs, sizeof *nd * nc);
        if (!nd)
            return -ENOMEM;
        t->dirs = nd;
        t->capdirs = nc;
    }
    char *cp = mem_strdup(v->heap, path);
    if (!cp)
        return -ENOMEM;
    t->dirs[t->ndirs++] = (tar_dirfix){ .path = cp, .mode = mode, .mtime = mtime };
    return 0;
}

/* Parses pax records "LEN key=value\n" into the overrides. */
static void tar__pax(vfs *v, const char *d, size_t n, char **path, char **linkpath,
                     uint64_t *size, int64_t *mtime, bool *has_size, bool *has_mtime)
{
    size_t i = 0;
    while (i < n) {
        size_t len = 0, j = i;
        while (j < n && d[j] >= '0' && d[j] <= '9')
            len = len * 10 + (size_t)(d[j++] - '0');
        if (j >= n || d[j] != ' ' || len == 0 || i + len > n)
            return;
        const char *kv = d + j + 1;
        size_t kvlen = i + len - (j + 1);
        if (kvlen && kv[kvlen - 1] == '\n')
            kvlen--;
        const char *eq = memchr(kv, '=', kvlen);
        if (eq) {
            size_t kl = (size_t)(eq - kv);
            const char *val = eq + 1;
            size_t vl = kvlen - kl - 1;
            if (kl == 4 && !memcmp(kv, "path", 4)) {
                mem_free(v->heap, *path);
                *path = mem_strndup(v->heap, val, vl);
            } else if (kl == 8 && !memcmp(kv, "linkpath", 8)) {
                mem_free(v->heap, *linkpath);
                *linkpath = mem_strndup(v->heap, val, vl);
            } else if (kl == 4 && !memcmp(kv, "size", 4)) {
                *size = strtoull(val, NULL, 10);
                *has_size = true;
            } else if (kl == 5 && !memcmp(kv, "mtime", 5)) {
                *mtime = strtoll(val, NULL, 10);
                *has_mtime = true;
            }
        }
        i += len;
    }
}

/* Reads a member's data (size bytes + padding) into a new heap string. */
static int tar__slurp(tar_in *t, uint64_t size, char **out)
{
    if (size > 1 << 20)
        return -EINVAL;
    char *b = mem_alloc(t->v->heap, (size_t)size + 1);
    if (!b)
        return -ENOMEM;
    size_t got = 0;
    int rc = tar__read(t, b, (size_t)size, &got);
    if (!rc && got < size)
        rc = -EINVAL;
    if (!rc)
        rc = tar__skip(t, (TAR_BLOCK - size % TAR_BLOCK) % TAR_BLOCK);
    if (rc) {
        mem_free(t->v->heap, b);
        return rc;
    }
    b[size] = 0;
    *out = b;
    return 0;
}

static int tar__member(tar_in *t, const unsigned char *h, char *name, char *linkname,
                       uint64_t size, int64_t mtime)
{
    vfs *v = t->v;
    bool bad = false;
    uint32_t mode = (uint32_t)tar__num((const char *)h + 100, 8, &bad) & 07777;
    uint32_t uid = (uint32_t)tar__num((const char *)h + 108, 8, &bad);
    uint32_t gid = (uint32_t)tar__num((const char *)h + 116, 8, &bad);
    char type = (char)h[156];
    uint64_t datasz = (type == '0' || type == 0 || type == '7') ? size : 0;
    uint64_t padded = datasz + (TAR_BLOCK - datasz % TAR_BLOCK) % TAR_BLOCK;
    if (type == '5' || type == '2' || type == '1' || type == '6' || type == '3' || type == '4')
        padded = size ? size + (TAR_BLOCK - size % TAR_BLOCK) % TAR_BLOCK : 0;
    int cl = tar__clean(name);
    if (cl) {
        if (cl < 0)
            t->refused = true;
        return tar__skip(t, padded);
    }
    int rc = tar__parents(t, name);
    if (rc == 1) {
        t->refused = true;
        return tar__skip(t, padded);
    }
    if (rc)
        return rc;
    char *path = mem_printf(v->heap, "%s/%s", t->root, name);
    if (!path)
        return -ENOMEM;
    vfs_stat_t st;
    bool exists = vfs_lstat(v, path, &st) == 0;
    if (exists && !(type == '5' && S_ISDIR(st.mode))) {
        rc = S_ISDIR(st.mode) ? vfs_rmdir(v, path) : vfs_unlink(v, path);
        if (rc)
            goto out;
    }
    struct timespec ts[2] = { { mtime, 0 }, { mtime, 0 } };
    switch (type) {
    case '5':
        if (!exists)
            rc = vfs_mkdir(v, path, 0700);
        if (!rc)
            rc = tar__dirfix(t, path, mode, mtime);
        rc = rc ? rc : tar__skip(t, padded);
        break;
    case '2':
        rc = vfs_symlink(v, linkname, path);
        if (!rc)
            (void)vfs_utimens(v, path, ts, false);
        rc = rc ? rc : tar__skip(t, padded);
        break;
    case '1': {
        if (tar__clean(linkname)) {
            t->refused = true;
            rc = tar__skip(t, padded);
            break;
        }
        char *target = mem_printf(v->heap, "%s/%s", t->root, linkname);
        if (!target) {
            rc = -ENOMEM;
            break;
        }
        vfs_stat_t ts2;
        /* the target must be a plain file already inside the root */
        if (tar__parents(t, linkname) != 0 || vfs_lstat(v, target, &ts2) != 0 || !S_ISREG(ts2.mode)) {
            t->refused = true;
            rc = 0;
        } else {
            rc = vfs_link(v, target, path);
        }
        mem_free(v->heap, target);
        rc = rc ? rc : tar__skip(t, padded);
        break;
    }
    case '6':
        rc = vfs_mknod(v, path, S_IFIFO | mode, 0);
        if (!rc)
            (void)vfs_utimens(v, path, ts, false);
        rc = rc ? rc : tar__skip(t, padded);
        break;
    case '0':
    case 0:
    case '7': {
        vfs_file *f;
        rc = vfs_open(v, path, O_WRONLY | O_CREAT | O_EXCL, 0600, &f);
        if (rc) {
            break;
        }
        char buf[8192];
        uint64_t left = datasz;
        while (!rc && left) {
            size_t k = left < sizeof buf ? (size_t)left : sizeof buf, got = 0;
            rc = tar__read(t, buf, k, &got);
            if (!rc && got < k)
                rc = -EINVAL;
            if (!rc) {
                ssize_t w = vfs_write(f, buf, k);
                if (w < 0)
                    rc = (int)w;
            }
            left -= k;
        }
        vfs_close(f);
        if (!rc)
            rc = tar__skip(t, padded - datasz);
        if (!rc) {
            rc = vfs_chmod(v, path, mode);
            if (!rc)
                (void)vfs_utimens(v, path, ts, true);
        }
        break;
    }
    default:
        /* devices and unknown types: skipped */
        rc = tar__skip(t, (type == '3' || type == '4') ? 0 : padded);
        break;
    }
    if (!rc && v->uid == 0 && type != '1')
        (void)vfs_chown(v, path, uid, gid, false);
out:
    mem_free(v->heap, path);
    return rc;
}

int vfs_import_tar(vfs *v, const char *root, stream *in)
{
    char *rp = NULL;
    int rc = vfs_realpath(v, root, v->heap, &rp);
    if (rc)
        return rc;
    vfs_stat_t st;
    rc = vfs_stat(v, rp, &st);
    if (!rc && !S_ISDIR(st.mode))
        rc = -ENOTDIR;
    if (rc) {
        mem_free(v->heap, rp);
        return rc;
    }
    if (!strcmp(rp, "/"))
        rp[0] = 0;
    uint32_t uid = v->uid, gid = v->gid;
    v->uid = v->gid = 0;
    tar_in t = { .v = v, .s = in, .root = rp };
    char *longname = NULL, *longlink = NULL, *paxpath = NULL, *paxlink = NULL;
    uint64_t paxsize = 0;
    int64_t paxmtime = 0;
    bool has_size = false, has_mtime = false;
    int members = 0;
    for (;;) {
        unsigned char h[TAR_BLOCK];
        size_t got = 0;
        rc = tar__read(&t, h, sizeof h, &got);
        if (rc)
            break;
        if (got == 0)
            break;   /* end without the two zero blocks: tolerated */
        if (got < sizeof h) {
            rc = -EINVAL;
            break;
        }
        bool zero = true;
        for (int i = 0; i < TAR_BLOCK; i++)
            if (h[i]) {
                zero = false;
                break;
            }
        if (zero)
            break;
        if (!tar__sum_ok(h)) {
            rc = -EINVAL;
            break;
        }
        bool bad = false;
        uint64_t size = tar__num((const char *)h + 124, 12, &bad);
        int64_t mtime = (int64_t)tar__num((const char *)h + 136, 12, &bad);
        char type = (char)h[156];
        if (type == 'L' || type == 'K') {
            char *s;
            rc = tar__slurp(&t, size, &s);
            if (rc)
                break;
            char **dst = type == 'L' ? &longname : &longlink;
            mem_free(v->heap, *dst);
            *dst = s;
            continue;
        }
        if (type == 'x' || type == 'g') {
            char *s;
            rc = tar__slurp(&t, size, &s);
            if (rc)
                break;
            if (type == 'x')
                tar__pax(v, s, (size_t)size, &paxpath, &paxlink, &paxsize, &paxmtime,
                         &has_size, &has_mtime);
            mem_free(v->heap, s);
            continue;
        }
        char name[257 + 100];
        if (paxpath || longname) {
            /* used below through a heap copy */
            name[0] = 0;
        } else {
            char pre[156] = "", nm[101];
            memcpy(nm, h, 100);
            nm[100] = 0;
            if (!memcmp(h + 257, "ustar", 5) && memcmp(h + 257, "ustar  ", 8) != 0) {
                memcpy(pre, h + 345, 155);
                pre[155] = 0;
            }
            if (pre[0])
                snprintf(name, sizeof name, "%s/%s", pre, nm);
            else
                snprintf(name, sizeof name, "%s", nm);
        }
        char lnk[101];
        memcpy(lnk, h + 157, 100);
        lnk[100] = 0;
        char *nm = mem_strdup(v->heap, paxpath ? paxpath : longname ? longname : name);
        char *ln = mem_strdup(v->heap, paxlink ? paxlink : longlink ? longlink : lnk);
        if (!nm || !ln) {
            mem_free(v->heap, nm);
            mem_free(v->heap, ln);
            rc = -ENOMEM;
            break;
        }
        rc = tar__member(&t, h, nm, ln, has_size ? paxsize : size, has_mtime ? paxmtime : mtime);
        mem_free(v->heap, nm);
        mem_free(v->heap, ln);
        mem_free(v->heap, longname);
        mem_free(v->heap, longlink);
        mem_free(v->heap, paxpath);
        mem_free(v->heap, paxlink);
        longname = longlink = paxpath = paxlink = NULL;
        has_size = has_mtime = false;
        members++;
        if (rc)
            break;
    }
    /* directory modes and times last, deepest first */
    for (size_t i = t.ndirs; i-- > 0;) {
        if (!rc) {
            struct timespec ts[2] = { { t.dirs[i].mtime, 0 }, { t.dirs[i].mtime, 0 } };
            (void)vfs_chmod(v, t.dirs[i].path, t.dirs[i].mode);
            (void)vfs_utimens(v, t.dirs[i].path, ts, false);
        }
        mem_free(v->heap, t.dirs[i].path);
    }
    mem_free(v->heap, t.dirs);
    mem_free(v->heap, longname);
    mem_free(v->heap, longlink);
    mem_free(v->heap, paxpath);
    mem_free(v->heap, paxlink);
    mem_free(v->heap, rp);
    v->uid = uid;
    v->gid = gid;
    if (!rc && t.refused)
        rc = -EINVAL;
    (void)members;
    return rc;
}
