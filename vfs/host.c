/*
 * Host directory mounts: read-only, read-write, and copy-on-write overlay.
 *
 * The VFS is the only layer that touches host files, and only through fds:
 * a mount holds an O_PATH fd of its host directory; every walk below it is
 * openat(parent_fd, name, O_PATH|O_NOFOLLOW|O_DIRECTORY) one component at a
 * time (path.c), and every operation is an *at() call on the last parent fd
 * with a single component that is never followed (O_NOFOLLOW,
 * AT_SYMLINK_NOFOLLOW, O_EXCL on creation). Host symlinks are read and
 * resolved by the VFS in the sandbox namespace. So neither "..", nor a
 * symlink, nor a directory swapped for a symlink during a walk can lead
 * outside the mounted directory.
 *
 * Overlay: the mount point's memory directory is the upper layer; a write
 * copies the host object (and the directories above it) into memory
 * first; removing a host name leaves a whiteout (an entry whose inode has
 * mode 0); a directory created over a whiteout is opaque.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "vfs/vfs_int.h"

void vfs__host_stat(vfs *v, vfs_mount *m, const struct stat *hs, vfs_stat_t *st)
{
    memset(st, 0, sizeof *st);
    st->ino = hs->st_ino;
    st->dev = m ? m->dev : 2;
    st->mode = hs->st_mode;
    st->nlink = (uint32_t)hs->st_nlink;
    /* host files appear as the sandbox user's own */
    st->uid = v->uid;
    st->gid = v->gid;
    st->size = (uint64_t)hs->st_size;
    st->blocks = (uint64_t)hs->st_blocks;
    st->atime = hs->st_atim;
    st->mtime = hs->st_mtim;
    st->ctime = hs->st_ctim;
    st->btime = hs->st_mtim;
}

int vfs__host_readlink(int dfd, const char *name, char *buf, size_t cap)
{
    ssize_t n = readlinkat(dfd, name, buf, cap);
    if (n < 0)
        return -errno;
    if ((size_t)n >= cap)
        return -ENAMETOOLONG;
    buf[n] = 0;
    return (int)n;
}

static void host__meta(vfs *v, vfs_inode *n, const struct stat *st)
{
    vfs__check_private(v, n);
    n->mode = (n->mode & S_IFMT) | (st->st_mode & 07777);
    n->atime = st->st_atim;
    n->mtime = st->st_mtim;
    n->ctime = st->st_ctim;
    n->uid = v->uid;
    n->gid = v->gid;
}

/* Adds a new memory node under (private) dir without touching dir's times. */
static int host__add(vfs *v, vfs_inode *dir, const char *name, size_t len, uint32_t mode,
                     vfs_inode **out)
{
    int rc = vfs__check_inode_limit(v);
    if (rc)
        return rc;
    vfs_dent *old = vfs__dir_lookup(dir, name, len);
    vfs_inode *w = old ? vfs__node(v, old->ino) : NULL;
    if (w && w->mode == 0) {
        vfs__dir_remove(v, dir, old);
        vfs__inode_destroy(v, w);
    }
    vfs_inode *n = vfs__inode_new(v, mode, true);
    if (!n)
        return -ENOMEM;
    rc = vfs__dir_add(v, dir, name, len, n);
    if (rc) {
        n->nlink = 0;
        vfs__inode_destroy(v, n);
        return rc;
    }
    if (S_ISDIR(mode))
        dir->nlink++;
    *out = n;
    return 0;
}

int vfs__upper(vfs *v, vfs_walk *w, vfs_inode **out)
{
    int top = w->depth;
    int i = top;
    while (i > 0 && !w->fr[i].pos.mem)
        i--;
    for (int k = i + 1; k <= top; k++) {
        vfs_frame *f = &w->fr[k];
        vfs_inode *parent = w->fr[k - 1].pos.mem;
        const char *name = w->names + f->noff;
        vfs_dent *e = vfs__dir_lookup(parent, name, f->nlen);
        vfs_inode *en = e ? vfs__node(v, e->ino) : NULL;
        if (en && en->mode != 0 && S_ISDIR(en->mode)) {
            f->pos.mem = en;          /* made by an earlier copy-up */
            continue;
        }
        struct stat st;
        if (f->pos.fd < 0 || fstat(f->pos.fd, &st) < 0)
            return -EIO;
        if (!(parent = vfs__w(v, parent)))
            return -ENOMEM;
        w->fr[k - 1].pos.mem = parent;
        vfs_inode *d;
        int rc = host__add(v, parent, name, f->nlen, S_IFDIR | 0755, &d);
        if (rc)
            return rc;
        host__meta(v, d, &st);
        f->pos.mem = d;
    }
    if (!w->fr[top].pos.mem)
        return -EIO;
    /* the caller changes it */
    if (!(*out = vfs__w(v, w->fr[top].pos.mem)))
        return -ENOMEM;
    w->fr[top].pos.mem = *out;
    return 0;
}

int vfs__copyup(vfs *v, vfs_loc *l)
{
    vfs_inode *dir;
    int rc = vfs__upper(v, &l->w, &dir);
    if (rc)
        return rc;
    vfs_ent *e = &l->e;
    uint32_t mode = e->hst.st_mode;
    vfs_inode *n = NULL;
    if (S_ISREG(mode)) {
        int fd = openat(e->hfd, e->hname, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            return -errno;
        struct stat st;
        if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
            close(fd);
            return -EACCES;
        }
        if (v->lim.max_file_bytes && (uint64_t)st.st_size > v->lim.max_file_bytes) {
            close(fd);
            return vfs__limit(v, -EFBIG, "file size limit");
        }
        rc = host__add(v, dir, l->name, l->namelen, S_IFREG | 0644, &n);
        if (rc) {
            close(fd);
            return rc;
        }
        char buf[65536];
        uint64_t off = 0;
        for (;;) {
            ssize_t r = read(fd, buf, sizeof buf);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                if (r < 0)
                    rc = -errno;
                break;
            }
            ssize_t w = vfs__data_write(v, n, buf, (size_t)r, off);
            if (w < 0) {
                rc = (int)w;
                break;
            }
            off += (uint64_t)r;
        }
        close(fd);
        host__meta(v, n, &st);
    } else if (S_ISLNK(mode)) {
        char buf[4096];
        rc = vfs__host_readlink(e->hfd, e->hname, buf, sizeof buf);
        if (rc < 0)
            return rc;
        char *t = vfs__mstrndup(v, buf, strlen(buf));
        if (!t)
            return -ENOMEM;
        rc = host__add(v, dir, l->name, l->namelen, S_IFLNK | 0777, &n);
        if (rc) {
            vfs__mfree(v, t, strlen(t) + 1);
            return rc;
        }
        n->u.link.target = t;
        n->size = strlen(t);
        host__meta(v, n, &e->hst);
    } else if (S_ISDIR(mode)) {
        rc = host__add(v, dir, l->name, l->namelen, S_IFDIR | 0755, &n);
        if (rc)
            return rc;
        host__meta(v, n, &e->hst);
    } else {
        return -EACCES;
    }
    if (rc) {
        /* undo: the host object stays visible */
        vfs_dent *d = vfs__dir_lookup(dir, l->name, l->namelen);
        if (d)
            vfs__dir_remove(v, dir, d);
        if (S_ISDIR(n->mode))
            dir->nlink--;
        n->nlink = 0;
        vfs__inode_destroy(v, n);
        return rc;
    }
    e->node = n;
    e->host = false;
    return 0;
}

/* mkdir -p in memory, as the embedder (no permission checks). */
static int host__mkdirs(vfs *v, const char *path)
{
    uint32_t uid = v->uid, gid = v->gid;
    v->uid = v->gid = 0;
    size_t len = strlen(path);
    char *buf = mem_alloc(v->heap, len + 1);
    int rc = buf ? 0 : -ENOMEM;
    for (size_t i = 1; !rc && i <= len; i++) {
        if (path[i] != '/' && path[i] != 0)
            continue;
        memcpy(buf, path, i);
        buf[i] = 0;
        rc = vfs_mkdir(v, buf, 0755);
        if (rc == -EEXIST)
            rc = 0;
    }
    mem_free(v->heap, buf);
    v->uid = uid;
    v->gid = gid;
    return rc;
}

int vfs_mount_host(vfs *v, const char *host_dir, const char *path, int mode)
{
    if (mode < VFS_MOUNT_RO || mode > VFS_MOUNT_OVERLAY || !host_dir || !path || path[0] != '/')
        return -EINVAL;
    int fd = open(host_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int rc = -errno;
        close(fd);
        return rc;
    }
    /* no mount inside a mount: refuse before creating anything */
    int rc = 0;
    {
        size_t plen = strlen(path);
        char *pre = mem_alloc(v->heap, plen + 1);
        if (!pre) {
            close(fd);
            return -ENOMEM;
        }
        for (size_t i = 1; i <= plen && !rc; i++) {
            if (path[i] != '/' && path[i] != 0)
                continue;
            memcpy(pre, path, i);
            pre[i] = 0;
            int k = vfs_mount_kind(v, pre);
            if (k == -ENOENT)
                break;
            if (k > 0)
                rc = -EBUSY;
        }
        mem_free(v->heap, pre);
    }
    if (!rc)
        rc = host__mkdirs(v, path);
    vfs_loc l;
    if (!rc)
        rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    else
        memset(&l, 0, sizeof l);
    vfs_mount *m = NULL;
    if (rc)
        goto done;
    if (!l.e.node || !S_ISDIR(l.e.node->mode) || vfs__loc_dir(&l)->m) {
        rc = l.e.node || l.e.host ? -EBUSY : -ENOTDIR;
        if (l.e.node && !S_ISDIR(l.e.node->mode))
            rc = -ENOTDIR;
        goto done;
    }
    vfs_inode *pt = l.e.node;
    if (pt->u.dir.mount) {
        rc = -EBUSY;
        goto done;
    }
    if (!(pt = vfs__w(v, pt))) {
        rc = -ENOMEM;
        goto done;
    }
    m = mem_calloc(v->heap, 1, sizeof *m);
    if (!m || !(m->host_dir = mem_strdup(v->heap, host_dir))) {
        rc = -ENOMEM;
        goto done;
    }
    m->rootfd = fd;
    fd = -1;
    m->mode = mode;
    m->dev = v->next_dev++;
    m->next = v->mounts;
    v->mounts = m;
    pt->u.dir.mount = (uint32_t)m->dev;
    if (mode == VFS_MOUNT_OVERLAY)
        host__meta(v, pt, &st);
    m = NULL;
done:
    if (m) {
        mem_free(v->heap, m->host_dir);
        mem_free(v->heap, m);
    }
    if (fd >= 0)
        close(fd);
    if (l.w.fr)
        vfs__loc_done(v, &l);
    return rc;
}

int vfs_mount_kind(vfs *v, const char *path)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    if (rc == 0) {
        vfs_mount *m = vfs__loc_dir(&l)->m;
        if (l.e.host && l.e.m)
            m = l.e.m;
        else if (l.e.node && S_ISDIR(l.e.node->mode) && l.e.node->u.dir.mount)
            m = vfs__mount(v, l.e.node->u.dir.mount);
        rc = m ? m->mode + 1 : 0;
    }
    vfs__loc_done(v, &l);
    return rc;
}
