/*
 * Open files: vfs_open with POSIX flags, read/write/seek/truncate on memory
 * inodes, devices and host files, the stream adapter, and the whole-file
 * helpers.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "vfs/vfs_int.h"

struct vfs_file {
    vfs *v;
    uint64_t ino;        /* memory inode (open in v's count), or 0 */
    int hostfd;          /* host file, or -1 */
    vfs_mount *m;
    int flags;
    uint64_t pos;
};

static bool file__can_read(const vfs_file *f)
{
    int a = f->flags & O_ACCMODE;
    return a == O_RDONLY || a == O_RDWR;
}

static bool file__can_write(const vfs_file *f)
{
    int a = f->flags & O_ACCMODE;
    return a == O_WRONLY || a == O_RDWR;
}

/* The handle's memory inode as this VFS has it now, or NULL. */
static vfs_inode *file__node(const vfs_file *f)
{
    return f->ino ? vfs__node(f->v, f->ino) : NULL;
}

static int file__new(vfs *v, vfs_inode *node, int hostfd, vfs_mount *m, int flags, vfs_file **out)
{
    vfs_file *f = mem_alloc(v->heap, sizeof *f);
    if (!f || (node && vfs__open_ref(v, node->ino) < 0)) {
        mem_free(v->heap, f);
        if (hostfd >= 0)
            close(hostfd);
        return -ENOMEM;
    }
    f->v = v;
    f->ino = node ? node->ino : 0;
    f->hostfd = hostfd;
    f->m = m;
    f->flags = flags;
    f->pos = 0;
    *out = f;
    return 0;
}

/* Opens a host object found by a walk. */
static int file__host_open(vfs *v, vfs_loc *l, int flags, uint32_t mode, bool create, vfs_file **out)
{
    int hflags = (flags & (O_ACCMODE | O_APPEND | O_TRUNC | O_DIRECTORY)) | O_NOFOLLOW
               | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    int fd;
    if (create) {
        fd = openat(vfs__loc_dir(l)->fd, l->name, hflags | O_CREAT | O_EXCL, mode & 07777);
    } else {
        if (!S_ISREG(l->e.hst.st_mode) && !S_ISDIR(l->e.hst.st_mode))
            return -EACCES;   /* host devices, FIFOs and sockets stay out of reach */
        fd = openat(l->e.hfd, l->e.hname, hflags);
    }
    if (fd < 0)
        return -errno;
    struct stat st;
    if (fstat(fd, &st) < 0 || (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
        close(fd);
        return -EACCES;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return file__new(v, NULL, fd, l->e.m ? l->e.m : vfs__loc_dir(l)->m, flags, out);
}

int vfs_open(vfs *v, const char *path, int flags, uint32_t mode, vfs_file **out)
{
    *out = NULL;
    int acc = flags & O_ACCMODE;
    if (acc == O_ACCMODE)
        return -EINVAL;
    bool creat = (flags & O_CREAT) != 0;
    bool excl = creat && (flags & O_EXCL);
    int rf = 0;
    if (!(flags & O_NOFOLLOW) && !excl)
        rf |= VFS_R_FOLLOW;
    if (creat)
        rf |= VFS_R_CREATE | VFS_R_PARENT;
    vfs_loc l;
    int rc = vfs__resolve(v, path, rf, &l);
    if (rc)
        goto done;
    if (creat && l.slash && !l.dot) {
        rc = -EISDIR;     /* as Linux, before looking at what the name is */
        goto done;
    }
    if (creat && l.dot) {
        rc = excl ? -EEXIST : -EISDIR;
        goto done;
    }
    if (l.e.exists) {
        uint32_t m = vfs__ent_mode(&l.e);
        if (excl) {
            rc = -EEXIST;
            goto done;
        }
        if (S_ISLNK(m)) {
            rc = -ELOOP;
            goto done;
        }
        if (S_ISDIR(m) && (acc != O_RDONLY || creat || (flags & O_TRUNC))) {
            rc = -EISDIR;
            goto done;
        }
        if ((flags & O_DIRECTORY) && !S_ISDIR(m)) {
            rc = -ENOTDIR;
            goto done;
        }
        int want = 0;
        if (acc != O_WRONLY)
            want |= R_OK;
        if (acc != O_RDONLY || (flags & O_TRUNC))
            want |= W_OK;
        bool writes = (want & W_OK) != 0;
        if (l.e.node)
            rc = vfs__perm_node(v, l.e.node, want);
        else
            rc = vfs__perm(v, m, v->uid, v->gid, want);
        if (rc)
            goto done;
        if (l.e.host) {
            if (writes && l.e.m && l.e.m->mode == VFS_MOUNT_RO) {
                rc = -EROFS;
                goto done;
            }
            if (writes && l.e.m && l.e.m->mode == VFS_MOUNT_OVERLAY) {
                rc = vfs__copyup(v, &l);
                if (rc)
                    goto done;
            } else {
                rc = file__host_open(v, &l, flags, mode, false, out);
                goto done;
            }
        }
        vfs_inode *n = l.e.node;
        if (S_ISCHR(n->mode) && n->u.dev.kind == VFS_DEV_TTY) {
            rc = -ENXIO;
            goto done;
        }
        if ((flags & O_TRUNC) && S_ISREG(n->mode)) {
            if (!(n = vfs__w(v, n))) {
                rc = -ENOMEM;
                goto done;
            }
            rc = vfs__data_truncate(v, n, 0);
            if (rc)
                goto done;
            vfs__touch_mc(v, n);
        }
        rc = file__new(v, n, -1, NULL, flags, out);
        goto done;
    }
    /* create */
    if (l.slash) {
        rc = -EISDIR;
        goto done;
    }
    vfs_inode *dir;
    rc = vfs__wdir(v, &l, &dir);
    if (rc)
        goto done;
    if (!dir) {
        rc = file__host_open(v, &l, flags, mode, true, out);
        goto done;
    }
    vfs_inode *n;
    rc = vfs__create(v, &l, dir, S_IFREG | (mode & 07777), &n);
    if (rc)
        goto done;
    rc = file__new(v, n, -1, NULL, flags, out);
done:
    vfs__loc_done(v, &l);
    return rc;
}

static void file__atime(vfs *v, vfs_inode *n)
{
    /* relatime, as Linux mounts tmpfs by default */
    struct timespec now;
    vfs__now(v, &now);
    bool older = n->atime.tv_sec < n->mtime.tv_sec
        || (n->atime.tv_sec == n->mtime.tv_sec && n->atime.tv_nsec <= n->mtime.tv_nsec)
        || n->atime.tv_sec < n->ctime.tv_sec
        || (n->atime.tv_sec == n->ctime.tv_sec && n->atime.tv_nsec <= n->ctime.tv_nsec)
        || now.tv_sec - n->atime.tv_sec >= 24 * 3600;
    if (older && (n = vfs__w(v, n)) != NULL)
        n->atime = now;   /* not for memory: the read itself succeeded */
}

static ssize_t file__read_at(vfs_file *f, void *buf, size_t n, uint64_t off)
{
    if (!file__can_read(f))
        return -EBADF;
    if (f->hostfd >= 0) {
        ssize_t r = pread(f->hostfd, buf, n, (off_t)off);
        return r < 0 ? -errno : r;
    }
    vfs_inode *node = file__node(f);
    if (!node)
        return -EBADF;
    if (S_ISDIR(node->mode))
        return -EISDIR;
    if (S_ISCHR(node->mode))
        return vfs__dev_read(f->v, node, buf, n);
    if (!S_ISREG(node->mode))
        return 0;   /* FIFO: nobody writes */
    ssize_t r = vfs__data_read(node, buf, n, off);
    if (r >= 0 && n > 0)
        file__atime(f->v, node);
    return r;
}

ssize_t vfs_read(vfs_file *f, void *buf, size_t n)
{
    ssize_t r = file__read_at(f, buf, n, f->pos);
    if (r > 0 && (f->hostfd >= 0 || S_ISREG(file__node(f)->mode)))
        f->pos += (uint64_t)r;
    return r;
}

ssize_t vfs_pread(vfs_file *f, void *buf, size_t n, uint64_t off)
{
    vfs_inode *node = file__node(f);
    if (f->hostfd < 0 && node && !S_ISREG(node->mode) && !S_ISCHR(node->mode))
        return -ESPIPE;
    return file__read_at(f, buf, n, off);
}

ssize_t vfs_write(vfs_file *f, const void *buf, size_t n)
{
    if (!file__can_write(f))
        return -EBADF;
    vfs *v = f->v;
    if (f->hostfd >= 0) {
        uint64_t off = f->pos;
        if (f->flags & O_APPEND) {
            struct stat st;
            if (fstat(f->hostfd, &st) < 0)
                return -errno;
            off = (uint64_t)st.st_size;
        }
        if (v->lim.max_file_bytes && off + n > v->lim.max_file_bytes)
            return vfs__limit(v, -EFBIG, "file size limit");
        size_t done = 0;
        while (done < n) {
            ssize_t w = pwrite(f->hostfd, (const char *)buf + done, n - done, (off_t)(off + done));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                if (!done)
                    return -errno;
                break;
            }
            done += (size_t)w;
        }
        f->pos = off + done;
        return (ssize_t)done;
    }
    vfs_inode *node = file__node(f);
    if (!node)
        return -EBADF;
    if (S_ISCHR(node->mode))
        return vfs__dev_write(v, node, buf, n);
    if (!S_ISREG(node->mode))
        return S_ISDIR(node->mode) ? -EISDIR : (ssize_t)n;
    if (n && !(node = vfs__w(v, node)))
        return -ENOMEM;
    uint64_t off = (f->flags & O_APPEND) ? node->size : f->pos;
    ssize_t w = vfs__data_write(v, node, buf, n, off);
    if (w > 0) {
        f->pos = off + (uint64_t)w;
        vfs__touch_mc(v, node);
    }
    return w;
}

int64_t vfs_seek(vfs_file *f, int64_t off, int whence)
{
    int64_t base;
    vfs_inode *node = file__node(f);
    if (node && !S_ISREG(node->mode) && !S_ISDIR(node->mode)) {
        if (S_ISCHR(node->mode))
            return 0;
        return -ESPIPE;
    }
    switch (whence) {
    case SEEK_SET:
        base = 0;
        break;
    case SEEK_CUR:
        base = (int64_t)f->pos;
        break;
    case SEEK_END:
        if (f->hostfd >= 0) {
            struct stat st;
            if (fstat(f->hostfd, &st) < 0)
                return -errno;
            base = st.st_size;
        } else {
            base = node ? (int64_t)node->size : 0;
        }
        break;
    default:
        return -EINVAL;
    }
    if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
        return -EINVAL;
    f->pos = (uint64_t)(base + off);
    return (int64_t)f->pos;
}

int vfs_ftruncate(vfs_file *f, uint64_t len)
{
    if (!file__can_write(f))
        return -EINVAL;
    vfs *v = f->v;
    if (f->hostfd >= 0) {
        if (v->lim.max_file_bytes && len > v->lim.max_file_bytes)
            return vfs__limit(v, -EFBIG, "file size limit");
        return ftruncate(f->hostfd, (off_t)len) < 0 ? -errno : 0;
    }
    vfs_inode *node = file__node(f);
    if (!node || !S_ISREG(node->mode))
        return -EINVAL;
    if (!(node = vfs__w(v, node)))
        return -ENOMEM;
    int rc = vfs__data_truncate(v, node, len);
    if (rc == 0)
        vfs__touch_mc(v, node);
    return rc;
}

int vfs_fstat(vfs_file *f, vfs_stat_t *st)
{
    vfs_ent e;
    memset(&e, 0, sizeof e);
    if (f->hostfd >= 0) {
        if (fstat(f->hostfd, &e.hst) < 0)
            return -errno;
        e.host = true;
        e.m = f->m;
    } else {
        e.node = file__node(f);
        if (!e.node)
            return -EBADF;
    }
    e.exists = true;
    return vfs__ent_stat(f->v, &e, st);
}

int vfs_close(vfs_file *f)
{
    if (!f)
        return 0;
    vfs *v = f->v;
    if (f->hostfd >= 0)
        close(f->hostfd);
    if (f->ino) {
        vfs__open_unref(v, f->ino);
        vfs_inode *node = file__node(f);
        if (node)
            vfs__inode_put(v, node);
    }
    mem_free(v->heap, f);
    return 0;
}

/* ------------------------------------------------------------ whole files */

int vfs_read_all(vfs *v, const char *path, mem_heap *h, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    vfs_file *f;
    int rc = vfs_open(v, path, O_RDONLY, 0, &f);
    if (rc)
        return rc;
    vfs_inode *node = file__node(f);
    if (node && S_ISDIR(node->mode)) {
        vfs_close(f);
        return -EISDIR;
    }
    if (f->hostfd >= 0) {
        struct stat st;
        if (fstat(f->hostfd, &st) == 0 && S_ISDIR(st.st_mode)) {
            vfs_close(f);
            return -EISDIR;
        }
    }
    size_t cap = 4096, n = 0;
    if (node && S_ISREG(node->mode))
        cap = (size_t)node->size + 1;
    char *buf = mem_alloc(h, cap);
    if (!buf) {
        vfs_close(f);
        return -ENOMEM;
    }
    for (;;) {
        if (cap - n < 2) {
            node = file__node(f);
            if (node && S_ISCHR(node->mode) && node->u.dev.kind != VFS_DEV_NULL) {
                rc = -EFBIG;   /* an endless device */
                break;
            }
            char *nb = mem_realloc(h, buf, cap * 2);
            if (!nb) {
                rc = -ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = vfs_read(f, buf + n, cap - n - 1);
        if (r < 0) {
            rc = (int)r;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    vfs_close(f);
    if (rc) {
        mem_free(h, buf);
        return rc;
    }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return 0;
}

int vfs_write_all(vfs *v, const char *path, const void *data, size_t len, uint32_t mode)
{
    vfs_file *f;
    int rc = vfs_open(v, path, O_WRONLY | O_CREAT | O_TRUNC, mode, &f);
    if (rc)
        return rc;
    ssize_t w = len ? vfs_write(f, data, len) : 0;
    vfs_close(f);
    if (w < 0)
        return (int)w;
    return (size_t)w == len ? 0 : -EIO;
}

/* ------------------------------------------------------------ streams */

typedef struct file_stream {
    stream base;
    vfs_file *f;
    mem_heap *h;
    char *path;     /* owned; may be NULL */
} file_stream;

static ssize_t fstream__read(stream *s, void *buf, size_t n)
{
    return vfs_read(((file_stream *)s)->f, buf, n);
}

static ssize_t fstream__write(stream *s, const void *buf, size_t n)
{
    file_stream *fs = (file_stream *)s;
    size_t done = 0;
    while (done < n) {
        ssize_t w = vfs_write(fs->f, (const char *)buf + done, n - done);
        if (w < 0)
            return w;
        if (w == 0)
            return -EIO;
        done += (size_t)w;
    }
    return (ssize_t)n;
}

static int64_t fstream__seek(stream *s, int64_t off, int whence)
{
    return vfs_seek(((file_stream *)s)->f, off, whence);
}

static void fstream__close(stream *s)
{
    file_stream *fs = (file_stream *)s;
    vfs_close(fs->f);
    mem_free(fs->h, fs->path);
    mem_free(fs->h, fs);
}

static const stream_ops fstream__ops = {
    .read = fstream__read,
    .write = fstream__write,
    .seek = fstream__seek,
    .close = fstream__close,
};

stream *vfs_stream(vfs_file *f, mem_heap *h, int stream_flags)
{
    file_stream *fs = mem_calloc(h, 1, sizeof *fs);
    if (!fs)
        return NULL;
    fs->base.ops = &fstream__ops;
    fs->base.refs = 1;
    fs->base.flags = stream_flags;
    if (f->flags & O_APPEND)
        fs->base.flags |= STREAM_APPEND;
    fs->base.kind = STREAM_FILE;
    fs->base.path = NULL;
    fs->f = f;
    fs->h = h;
    return &fs->base;
}

stream *vfs_open_stream(vfs *v, const char *path, int flags, uint32_t mode,
                        mem_heap *h, int *err)
{
    vfs_file *f;
    int rc = vfs_open(v, path, flags, mode, &f);
    if (rc) {
        if (err)
            *err = rc;
        return NULL;
    }
    int sf = 0;
    int acc = flags & O_ACCMODE;
    if (acc != O_WRONLY)
        sf |= STREAM_R;
    if (acc != O_RDONLY)
        sf |= STREAM_W;
    stream *s = vfs_stream(f, h, sf);
    if (!s) {
        vfs_close(f);
        if (err)
            *err = -ENOMEM;
        return NULL;
    }
    file_stream *fs = (file_stream *)s;
    fs->path = mem_strdup(h, path);
    s->path = fs->path;
    if (err)
        *err = 0;
    return s;
}

bool vfs_file_is_dir(const vfs_file *f)
{
    vfs_inode *node = file__node(f);
    if (node)
        return S_ISDIR(node->mode);
    struct stat st;
    return f->hostfd >= 0 && fstat(f->hostfd, &st) == 0 && S_ISDIR(st.st_mode);
}
