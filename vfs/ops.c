/*
 * Namespace and metadata operations: stat, access, chmod, chown, utimens,
 * truncate, mkdir, rmdir, unlink, rename, link, symlink, readlink,
 * realpath, mknod, hash. Errors follow what Linux returns for the same call.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "vfs/vfs_int.h"

/* ------------------------------------------------------------ helpers */

int vfs__wdir(vfs *v, vfs_loc *l, vfs_inode **dir)
{
    vfs_pos *p = vfs__loc_dir(l);
    *dir = NULL;
    if (p->m && p->m->mode == VFS_MOUNT_RO)
        return -EROFS;
    int rc = vfs__perm_pos(v, p, W_OK | X_OK);
    if (rc)
        return rc;
    if (!p->m) {
        /* the caller changes it: this VFS's own copy */
        if (!(*dir = vfs__w(v, p->mem)))
            return -ENOMEM;
        p->mem = *dir;
        return 0;
    }
    if (p->m->mode == VFS_MOUNT_RW)
        return 0;
    return vfs__upper(v, &l->w, dir);
}

bool vfs__lower_has(vfs_pos *p, const char *name)
{
    struct stat st;
    return p->m && p->fd >= 0 && fstatat(p->fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

int vfs__whiteout(vfs *v, vfs_inode *dir, const char *name, size_t len)
{
    vfs_inode *w = vfs__inode_new(v, 0, false);
    if (!w)
        return -ENOMEM;
    int rc = vfs__dir_add(v, dir, name, len, w);
    if (rc) {
        w->nlink = 0;
        vfs__inode_destroy(v, w);
    }
    return rc;
}

static int ops__depth_ok(vfs *v, int depth)
{
    if (v->lim.max_dir_depth && (uint64_t)depth > v->lim.max_dir_depth)
        return vfs__limit(v, -ENOSPC, "directory depth limit");
    return 0;
}

int vfs__create(vfs *v, vfs_loc *l, vfs_inode *dir, uint32_t mode, vfs_inode **out)
{
    int rc = vfs__check_inode_limit(v);
    if (rc)
        return rc;
    if (S_ISDIR(mode) && (rc = ops__depth_ok(v, l->w.depth + 1)))
        return rc;
    vfs_dent *wh = vfs__dir_lookup(dir, l->name, l->namelen);
    vfs_inode *w = wh ? vfs__node(v, wh->ino) : NULL;
    bool opaque = false;
    if (w && w->mode == 0) {
        vfs__dir_remove(v, dir, wh);
        vfs__inode_destroy(v, w);
        opaque = true;
    }
    vfs_inode *n = vfs__inode_new(v, mode, true);
    if (!n)
        return -ENOMEM;
    rc = vfs__dir_add(v, dir, l->name, l->namelen, n);
    if (rc) {
        n->nlink = 0;
        vfs__inode_destroy(v, n);
        if (opaque)
            (void)vfs__whiteout(v, dir, l->name, l->namelen);
        return rc;
    }
    if (S_ISDIR(mode)) {
        n->u.dir.opaque = opaque;
        dir->nlink++;
        if ((dir->mode & S_ISGID)) {
            n->mode |= S_ISGID;
            n->gid = dir->gid;
        }
    } else if (dir->mode & S_ISGID) {
        n->gid = dir->gid;
    }
    dir->mtime = dir->ctime = n->ctime;   /* one clock reading per creation */
    *out = n;
    return 0;
}

/* Sticky directories: only the owner of the file or the directory may
 * remove or rename an entry. */
static int ops__sticky(vfs *v, vfs_pos *dir, vfs_ent *e)
{
    if (v->uid == 0)
        return 0;
    uint32_t dmode, duid;
    if (dir->mem) {
        dmode = dir->mem->mode;
        duid = dir->mem->uid;
    } else {
        struct stat st;
        if (fstat(dir->fd, &st) < 0)
            return -errno;
        dmode = st.st_mode;
        duid = v->uid;
    }
    if (!(dmode & S_ISVTX))
        return 0;
    uint32_t fuid = e->node ? e->node->uid : v->uid;
    if (fuid == v->uid || duid == v->uid)
        return 0;
    return -EPERM;
}

static bool ops__owner(vfs *v, vfs_ent *e)
{
    if (v->uid == 0)
        return true;
    return e->node ? e->node->uid == v->uid : true;
}

/* The filesystem an entry lives on, for EXDEV: NULL is the memory fs. */
static vfs_mount *ops__fs(vfs *v, vfs_loc *l)
{
    if (l->dot && l->e.exists) {
        /* "x/." names x itself, whose own filesystem counts (a mount root) */
        if (l->e.host && l->e.m)
            return l->e.m;
        if (l->e.node && S_ISDIR(l->e.node->mode) && l->e.node->u.dir.mount)
            return vfs__mount(v, l->e.node->u.dir.mount);
    }
    return vfs__loc_dir(l)->m;
}

/* ------------------------------------------------------------ metadata */

static int ops__stat(vfs *v, const char *path, vfs_stat_t *st, int flags)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, flags, &l);
    if (rc == 0)
        rc = vfs__ent_stat(v, &l.e, st);
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_stat(vfs *v, const char *path, vfs_stat_t *st)
{
    return ops__stat(v, path, st, VFS_R_FOLLOW);
}

int vfs_lstat(vfs *v, const char *path, vfs_stat_t *st)
{
    return ops__stat(v, path, st, 0);
}

int vfs_access(vfs *v, const char *path, int amode)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    if (rc == 0 && amode != F_OK) {
        if (l.e.node)
            rc = vfs__perm_node(v, l.e.node, amode);
        else
            rc = vfs__perm(v, l.e.hst.st_mode, v->uid, v->gid, amode);
        if (rc == 0 && (amode & W_OK) && l.e.host && l.e.m && l.e.m->mode == VFS_MOUNT_RO)
            rc = -EROFS;
    }
    vfs__loc_done(v, &l);
    return rc;
}

/* Makes l->e writable in place: EROFS on ro mounts, copy-up in overlays.
 * Returns 1 when it stays a host object (rw mount). */
static int ops__modify(vfs *v, vfs_loc *l)
{
    if (!l->e.host)
        return 0;
    if (!l->e.m || l->e.m->mode == VFS_MOUNT_RO)
        return -EROFS;
    if (l->e.m->mode == VFS_MOUNT_RW)
        return 1;
    if (l->e.mroot)
        return -EBUSY;
    return vfs__copyup(v, l);
}

/* Reopens a host entry as an O_PATH fd without following it. */
static int ops__host_fd(vfs_ent *e)
{
    int fd = openat(e->hfd, e->hname, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

static int ops__host_chmod(vfs_ent *e, uint32_t mode)
{
    if (S_ISLNK(e->hst.st_mode))
        return -EOPNOTSUPP;
    int fd = ops__host_fd(e);
    if (fd < 0)
        return fd;
    int rc = 0;
    if (fchmodat(fd, "", mode & 07777, AT_EMPTY_PATH) < 0) {
        /* older kernels: through the fd's magic link, which names this
         * very inode and cannot be redirected */
        char p[64];
        snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
        if (chmod(p, mode & 07777) < 0)
            rc = -errno;
    }
    close(fd);
    return rc;
}

static int ops__chmod(vfs *v, const char *path, uint32_t mode, int flags)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, flags, &l);
    if (rc)
        goto done;
    if (!ops__owner(v, &l.e)) {
        rc = -EPERM;
        goto done;
    }
    if (!(flags & VFS_R_FOLLOW) && S_ISLNK(vfs__ent_mode(&l.e))) {
        rc = -EOPNOTSUPP;
        goto done;
    }
    rc = ops__modify(v, &l);
    if (rc == 1) {
        rc = ops__host_chmod(&l.e, mode);
    } else if (rc == 0) {
        vfs_inode *n = vfs__w(v, l.e.node);
        if (!n) {
            rc = -ENOMEM;
            goto done;
        }
        if (v->uid != 0 && !S_ISDIR(n->mode) && n->gid != v->gid)
            mode &= ~(uint32_t)S_ISGID;
        n->mode = (n->mode & S_IFMT) | (mode & 07777);
        vfs__touch_c(v, n);
    }
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_chmod(vfs *v, const char *path, uint32_t mode)
{
    return ops__chmod(v, path, mode, VFS_R_FOLLOW);
}

int vfs_lchmod(vfs *v, const char *path, uint32_t mode)
{
    return ops__chmod(v, path, mode, 0);
}

int vfs_chown(vfs *v, const char *path, uint32_t uid, uint32_t gid, bool follow)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, follow ? VFS_R_FOLLOW : 0, &l);
    if (rc)
        goto done;
    uint32_t ouid = l.e.node ? l.e.node->uid : v->uid;
    uint32_t ogid = l.e.node ? l.e.node->gid : v->gid;
    uint32_t nuid = uid == (uint32_t)-1 ? ouid : uid;
    uint32_t ngid = gid == (uint32_t)-1 ? ogid : gid;
    if (v->uid != 0) {
        if (ouid != v->uid || nuid != ouid || (ngid != ogid && ngid != v->gid)) {
            rc = -EPERM;
            goto done;
        }
    }
    if (l.e.host) {
        if (!l.e.m || l.e.m->mode == VFS_MOUNT_RO) {
            rc = -EROFS;
            goto done;
        }
        if (l.e.m->mode == VFS_MOUNT_RW) {
            /* host files are presented as the sandbox user's; other owners
             * cannot be expressed on the host */
            rc = (nuid == v->uid && ngid == v->gid) ? 0 : -EPERM;
            goto done;
        }
        rc = vfs__copyup(v, &l);
        if (rc)
            goto done;
    }
    vfs_inode *n = vfs__w(v, l.e.node);
    if (!n) {
        rc = -ENOMEM;
        goto done;
    }
    n->uid = nuid;
    n->gid = ngid;
    if (S_ISREG(n->mode) && (uid != (uint32_t)-1 || gid != (uint32_t)-1)) {
        n->mode &= ~(uint32_t)S_ISUID;
        if (n->mode & S_IXGRP)
            n->mode &= ~(uint32_t)S_ISGID;
    }
    vfs__touch_c(v, n);
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_utimens(vfs *v, const char *path, const struct timespec times[2], bool follow)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, follow ? VFS_R_FOLLOW : 0, &l);
    if (rc)
        goto done;
    struct timespec now;
    vfs__now(v, &now);
    struct timespec t[2];
    if (times) {
        t[0] = times[0];
        t[1] = times[1];
    } else {
        t[0].tv_nsec = t[1].tv_nsec = UTIME_NOW;
        t[0].tv_sec = t[1].tv_sec = 0;
    }
    if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
        goto done;
    bool explicit_time = !(t[0].tv_nsec == UTIME_NOW || t[0].tv_nsec == UTIME_OMIT)
        || !(t[1].tv_nsec == UTIME_NOW || t[1].tv_nsec == UTIME_OMIT);
    for (int i = 0; i < 2; i++)
        if (t[i].tv_nsec != UTIME_NOW && t[i].tv_nsec != UTIME_OMIT
            && (t[i].tv_nsec < 0 || t[i].tv_nsec > 999999999)) {
            rc = -EINVAL;
            goto done;
        }
    if (!ops__owner(v, &l.e)) {
        if (explicit_time) {
            rc = -EPERM;
            goto done;
        }
        rc = l.e.node ? vfs__perm_node(v, l.e.node, W_OK) : 0;
        if (rc)
            goto done;
    }
    rc = ops__modify(v, &l);
    if (rc == 1) {
        rc = utimensat(l.e.hfd, l.e.hname, t, AT_SYMLINK_NOFOLLOW) < 0 ? -errno : 0;
        goto done;
    }
    if (rc)
        goto done;
    vfs_inode *n = vfs__w(v, l.e.node);
    if (!n) {
        rc = -ENOMEM;
        goto done;
    }
    for (int i = 0; i < 2; i++) {
        struct timespec *dst = i == 0 ? &n->atime : &n->mtime;
        if (t[i].tv_nsec == UTIME_NOW)
            *dst = now;
        else if (t[i].tv_nsec != UTIME_OMIT)
            *dst = t[i];
    }
    n->ctime = now;
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_truncate(vfs *v, const char *path, uint64_t len)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    if (rc)
        goto done;
    uint32_t m = vfs__ent_mode(&l.e);
    if (S_ISDIR(m)) {
        rc = -EISDIR;
        goto done;
    }
    if (!S_ISREG(m)) {
        rc = -EINVAL;
        goto done;
    }
    rc = l.e.node ? vfs__perm_node(v, l.e.node, W_OK) : vfs__perm(v, m, v->uid, v->gid, W_OK);
    if (rc)
        goto done;
    rc = ops__modify(v, &l);
    if (rc == 1) {
        if (v->lim.max_file_bytes && len > v->lim.max_file_bytes) {
            rc = vfs__limit(v, -EFBIG, "file size limit");
            goto done;
        }
        int fd = openat(l.e.hfd, l.e.hname, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            rc = -errno;
            goto done;
        }
        rc = ftruncate(fd, (off_t)len) < 0 ? -errno : 0;
        close(fd);
        goto done;
    }
    if (rc)
        goto done;
    vfs_inode *n = vfs__w(v, l.e.node);
    if (!n) {
        rc = -ENOMEM;
        goto done;
    }
    rc = vfs__data_truncate(v, n, len);
    if (rc == 0)
        vfs__touch_mc(v, n);
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_hash(vfs *v, const char *path, uint64_t *out)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    if (rc)
        goto done;
    uint32_t m = vfs__ent_mode(&l.e);
    if (S_ISDIR(m)) {
        rc = -EISDIR;
        goto done;
    }
    if (!S_ISREG(m)) {
        rc = -EINVAL;
        goto done;
    }
    if (l.e.node) {
        rc = vfs__data_hash(l.e.node, out);
        goto done;
    }
    int fd = openat(l.e.hfd, l.e.hname, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        rc = -errno;
        goto done;
    }
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    char buf[8192];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            rc = -errno;
            break;
        }
        if (r == 0)
            break;
        XXH3_64bits_update(&st, buf, (size_t)r);
    }
    close(fd);
    if (!rc)
        *out = XXH3_64bits_digest(&st);
done:
    vfs__loc_done(v, &l);
    return rc;
}

/* ------------------------------------------------------------ namespace */

static int ops__mknode(vfs *v, const char *path, uint32_t mode, const char *target)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_CREATE | VFS_R_PARENT, &l);
    if (rc)
        goto done;
    if (l.dot || l.e.exists) {
        rc = -EEXIST;
        goto done;
    }
    if (l.slash && !S_ISDIR(mode)) {
        rc = -ENOENT;
        goto done;
    }
    vfs_inode *dir;
    rc = vfs__wdir(v, &l, &dir);
    if (rc)
        goto done;
    if (!dir) {
        int fd = vfs__loc_dir(&l)->fd;
        if (S_ISDIR(mode)) {
            if ((rc = ops__depth_ok(v, l.w.depth + 1)))
                goto done;
            rc = mkdirat(fd, l.name, mode & 07777) < 0 ? -errno : 0;
        } else if (S_ISLNK(mode)) {
            rc = symlinkat(target, fd, l.name) < 0 ? -errno : 0;
        } else if (S_ISFIFO(mode)) {
            rc = mkfifoat(fd, l.name, mode & 07777) < 0 ? -errno : 0;
        } else {
            int nfd = openat(fd, l.name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                             mode & 07777);
            rc = nfd < 0 ? -errno : 0;
            if (nfd >= 0)
                close(nfd);
        }
        goto done;
    }
    char *t = NULL;
    if (target) {
        t = vfs__mstrndup(v, target, strlen(target));
        if (!t) {
            rc = -ENOMEM;
            goto done;
        }
    }
    vfs_inode *n;
    rc = vfs__create(v, &l, dir, mode, &n);
    if (rc) {
        if (t)
            vfs__mfree(v, t, strlen(t) + 1);
        goto done;
    }
    if (target) {
        n->u.link.target = t;
        n->size = strlen(t);
    }
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_mkdir(vfs *v, const char *path, uint32_t mode)
{
    return ops__mknode(v, path, S_IFDIR | (mode & 07777), NULL);
}

int vfs_symlink(vfs *v, const char *target, const char *linkpath)
{
    if (!target || !*target)
        return -ENOENT;
    if (strlen(target) >= 4096)
        return -ENAMETOOLONG;
    return ops__mknode(v, linkpath, S_IFLNK | 0777, target);
}

int vfs_mknod(vfs *v, const char *path, uint32_t mode, uint32_t dev)
{
    (void)dev;
    uint32_t type = mode & S_IFMT;
    if (type == 0)
        type = S_IFREG;
    if (type != S_IFIFO && type != S_IFREG) {
        if (type == S_IFCHR || type == S_IFBLK || type == S_IFSOCK)
            return -EPERM;
        return -EINVAL;
    }
    return ops__mknode(v, path, type | (mode & 07777), NULL);
}

/* Destroys the whiteouts left in an upper directory that goes away. A
 * directory about to be destroyed keeps its entries (it may be shared with
 * a fork: it is not copied only to be emptied). */
static void ops__drop_whiteouts(vfs *v, vfs_inode *d, bool dying)
{
    for (uint32_t i = d->u.dir.n; i-- > 0;) {
        vfs_dent *e = &d->u.dir.ents[i];
        vfs_inode *w = vfs__node(v, e->ino);
        if (w && w->mode == 0) {
            if (!dying)
                vfs__dir_remove(v, d, e);
            vfs__inode_destroy(v, w);
        }
    }
}

/* Does removing a name of n end n in this VFS (no other link, not open)?
 * Then n is destroyed as it is, never copied first. */
static bool ops__dies(vfs *v, const vfs_inode *n)
{
    return (S_ISDIR(n->mode) || n->nlink <= 1) && vfs__opens(v, n->ino) == 0;
}

/* Takes away one name of n (private unless ops__dies), the entry being
 * already gone from dir. */
static void ops__unname(vfs *v, vfs_inode *dir, vfs_inode *n, bool dies)
{
    if (S_ISDIR(n->mode))
        dir->nlink--;
    if (dies) {
        if (S_ISDIR(n->mode))
            ops__drop_whiteouts(v, n, true);
        vfs__inode_destroy(v, n);
        return;
    }
    if (S_ISDIR(n->mode)) {
        ops__drop_whiteouts(v, n, false);
        n->nlink = 0;
    } else {
        n->nlink--;
        vfs__touch_c(v, n);
    }
    vfs__inode_put(v, n);
}

/* Removes entry l (memory) from dir, leaving a whiteout when the overlay's
 * host layer has the same name. */
static int ops__remove_mem(vfs *v, vfs_loc *l, vfs_inode *dir)
{
    vfs_pos *p = vfs__loc_dir(l);
    bool lower = vfs__needs_whiteout(v, p, dir, l->name, l->namelen);
    vfs_dent *e = vfs__dir_lookup(dir, l->name, l->namelen);
    vfs_inode *n = e ? vfs__node(v, e->ino) : NULL;
    if (n && n->mode == 0)
        n = NULL;
    /* the inode loses a name: unless it goes away, it changes (link count,
     * ctime): its own copy before anything else changes */
    bool dies = n && ops__dies(v, n);
    if (n && !dies && !(n = vfs__w(v, n)))
        return -ENOMEM;
    if (lower) {
        /* reserve the whiteout before removing anything */
        vfs_inode *w = vfs__inode_new(v, 0, false);
        if (!w)
            return -ENOMEM;
        if (e)
            vfs__dent_set(v, dir, e, w);   /* the entry becomes the whiteout in place */
        else if (vfs__dir_add(v, dir, l->name, l->namelen, w) < 0) {
            w->nlink = 0;
            vfs__inode_destroy(v, w);
            return -ENOMEM;
        }
        if (n)
            dir->size -= VFS_DIRENT_SIZE;
    } else if (e) {
        vfs__dir_remove(v, dir, e);
    }
    l->e.node = NULL;
    vfs__touch_mc(v, dir);
    if (n)
        ops__unname(v, dir, n, dies);
    return 0;
}

int vfs_unlink(vfs *v, const char *path)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_PARENT, &l);
    if (rc)
        goto done;
    if (l.dot) {
        rc = -EISDIR;
        goto done;
    }
    if (S_ISDIR(vfs__ent_mode(&l.e))) {
        rc = -EISDIR;
        goto done;
    }
    if (l.slash) {
        rc = -ENOTDIR;
        goto done;
    }
    vfs_inode *dir;
    rc = vfs__wdir(v, &l, &dir);
    if (rc)
        goto done;
    if ((rc = ops__sticky(v, vfs__loc_dir(&l), &l.e)))
        goto done;
    if (!dir) {
        rc = unlinkat(vfs__loc_dir(&l)->fd, l.name, 0) < 0 ? -errno : 0;
        goto done;
    }
    if (l.e.host)
        l.e.node = NULL;     /* overlay: lower-only name, a whiteout hides it */
    rc = ops__remove_mem(v, &l, dir);
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_rmdir(vfs *v, const char *path)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_PARENT, &l);
    if (rc)
        goto done;
    if (l.dot) {
        rc = l.dot == VFS_DOT_DOT ? -EINVAL : l.dot == VFS_DOT_DOTDOT ? -ENOTEMPTY : -EBUSY;
        goto done;
    }
    if (!S_ISDIR(vfs__ent_mode(&l.e))) {
        rc = -ENOTDIR;
        goto done;
    }
    if (l.e.mroot || (l.e.node && l.e.node->u.dir.mount)) {
        rc = -EBUSY;
        goto done;
    }
    vfs_inode *dir;
    rc = vfs__wdir(v, &l, &dir);
    if (rc)
        goto done;
    if ((rc = ops__sticky(v, vfs__loc_dir(&l), &l.e)))
        goto done;
    if (!dir) {
        rc = unlinkat(vfs__loc_dir(&l)->fd, l.name, AT_REMOVEDIR) < 0 ? -errno : 0;
        goto done;
    }
    size_t count;
    rc = vfs__dir_count(v, vfs__loc_dir(&l), &l.e, l.name, &count);
    if (rc)
        goto done;
    if (count) {
        rc = -ENOTEMPTY;
        goto done;
    }
    if (l.e.host)
        l.e.node = NULL;
    rc = ops__remove_mem(v, &l, dir);
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_link(vfs *v, const char *existing, const char *newpath)
{
    vfs_loc a, b;
    int rc = vfs__resolve(v, existing, 0, &a);
    int rc2 = vfs__resolve(v, newpath, VFS_R_CREATE | VFS_R_PARENT, &b);
    if (rc)
        goto done;
    if (rc2) {
        rc = rc2;
        goto done;
    }
    if (b.dot || b.e.exists) {
        rc = -EEXIST;
        goto done;
    }
    if (b.slash) {
        rc = -ENOENT;
        goto done;
    }
    if (ops__fs(v, &a) != ops__fs(v, &b)) {
        rc = -EXDEV;
        goto done;
    }
    vfs_inode *dir;
    rc = vfs__wdir(v, &b, &dir);
    if (rc)
        goto done;
    if (S_ISDIR(vfs__ent_mode(&a.e))) {
        rc = -EPERM;
        goto done;
    }
    if (!dir) {
        rc = linkat(a.e.hfd, a.e.hname, vfs__loc_dir(&b)->fd, b.name, 0) < 0 ? -errno : 0;
        goto done;
    }
    if (a.e.host) {
        rc = vfs__copyup(v, &a);
        if (rc)
            goto done;
    }
    vfs_inode *n = a.e.node;
    if (n->nlink >= 65000) {
        rc = -EMLINK;
        goto done;
    }
    if (!(n = vfs__w(v, n))) {
        rc = -ENOMEM;
        goto done;
    }
    vfs_dent *wh = vfs__dir_lookup(dir, b.name, b.namelen);
    vfs_inode *w = wh ? vfs__node(v, wh->ino) : NULL;
    if (w && w->mode == 0) {
        vfs__dent_set(v, dir, wh, n);      /* replace the whiteout in place */
        vfs__inode_destroy(v, w);
        dir->size += VFS_DIRENT_SIZE;
    } else {
        rc = vfs__dir_add(v, dir, b.name, b.namelen, n);
        if (rc)
            goto done;
    }
    n->nlink++;
    vfs__touch_c(v, n);
    vfs__touch_mc(v, dir);
done:
    vfs__loc_done(v, &a);
    vfs__loc_done(v, &b);
    return rc;
}

int vfs_readlink(vfs *v, const char *path, mem_heap *h, char **target)
{
    *target = NULL;
    vfs_loc l;
    int rc = vfs__resolve(v, path, 0, &l);
    if (rc)
        goto done;
    if (!S_ISLNK(vfs__ent_mode(&l.e))) {
        rc = -EINVAL;
        goto done;
    }
    if (l.e.node) {
        *target = mem_strdup(h, l.e.node->u.link.target);
        rc = *target ? (int)strlen(*target) : -ENOMEM;
    } else {
        char buf[4096];
        rc = vfs__host_readlink(l.e.hfd, l.e.hname, buf, sizeof buf);
        if (rc >= 0) {
            *target = mem_strdup(h, buf);
            if (!*target)
                rc = -ENOMEM;
        }
    }
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_realpath(vfs *v, const char *path, mem_heap *h, char **out)
{
    *out = NULL;
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    if (rc)
        goto done;
    size_t len = 1;
    for (int i = 1; i <= l.w.depth; i++)
        len += l.w.fr[i].nlen + 1;
    len += l.namelen + 1;
    char *s = mem_alloc(h, len + 1);
    if (!s) {
        rc = -ENOMEM;
        goto done;
    }
    size_t k = 0;
    for (int i = 1; i <= l.w.depth; i++) {
        s[k++] = '/';
        memcpy(s + k, l.w.names + l.w.fr[i].noff, l.w.fr[i].nlen);
        k += l.w.fr[i].nlen;
    }
    if (l.dot != VFS_DOT_ROOT) {
        s[k++] = '/';
        memcpy(s + k, l.name, l.namelen);
        k += l.namelen;
    }
    if (k == 0)
        s[k++] = '/';
    s[k] = 0;
    *out = s;
done:
    vfs__loc_done(v, &l);
    return rc;
}

/* ------------------------------------------------------------ rename */

/* Height of a memory directory tree (0 for a file). */
static int ops__height(vfs *v, vfs_inode *n, int limit)
{
    if (!S_ISDIR(n->mode) || limit <= 0)
        return 0;
    int h = 0;
    for (uint32_t i = 0; i < n->u.dir.n; i++) {
        vfs_inode *c = vfs__node(v, n->u.dir.ents[i].ino);
        if (c && c->mode && S_ISDIR(c->mode)) {
            int x = 1 + ops__height(v, c, limit - 1);
            if (x > h)
                h = x;
        }
    }
    return h;
}

int vfs_rename(vfs *v, const char *from, const char *to)
{
    vfs_loc a, b;
    /* as Linux: both parents first, then the mount, the names, the objects */
    int rc = vfs__resolve(v, from, VFS_R_CREATE | VFS_R_PARENT, &a);
    int rc2 = rc ? 0 : vfs__resolve(v, to, VFS_R_CREATE | VFS_R_PARENT, &b);
    if (rc) {
        vfs__loc_done(v, &a);
        return rc;
    }
    if (rc2) {
        rc = rc2;
        goto done;
    }
    if (ops__fs(v, &a) != ops__fs(v, &b)) {
        rc = -EXDEV;
        goto done;
    }
    if (a.dot || b.dot) {
        rc = -EBUSY;
        goto done;
    }
    {
        vfs_mount *m = vfs__loc_dir(&a)->m;
        if (m && m->mode == VFS_MOUNT_RO) {
            rc = -EROFS;
            goto done;
        }
    }
    if (!a.e.exists) {
        rc = -ENOENT;
        goto done;
    }
    uint32_t am = vfs__ent_mode(&a.e);
    if (!S_ISDIR(am) && (a.slash || b.slash)) {
        rc = -ENOTDIR;
        goto done;
    }
    /* a directory cannot move below itself */
    if (S_ISDIR(am)) {
        for (int i = 1; i <= b.w.depth; i++) {
            vfs_pos *p = &b.w.fr[i].pos;
            if (a.e.node && p->mem && p->mem->ino == a.e.node->ino) {
                rc = -EINVAL;
                goto done;
            }
            if (a.e.host && p->fd >= 0) {
                struct stat st;
                if (fstat(p->fd, &st) == 0 && st.st_ino == a.e.hst.st_ino && st.st_dev == a.e.hst.st_dev) {
                    rc = -EINVAL;
                    goto done;
                }
            }
        }
    }
    /* ... nor over one of its own ancestors */
    if (b.e.exists) {
        for (int i = 1; i <= a.w.depth; i++) {
            vfs_pos *p = &a.w.fr[i].pos;
            bool anc = b.e.node && p->mem && p->mem->ino == b.e.node->ino;
            struct stat st;
            if (!anc && b.e.host && !p->mem && p->fd >= 0 && fstat(p->fd, &st) == 0)
                anc = st.st_ino == b.e.hst.st_ino && st.st_dev == b.e.hst.st_dev;
            if (anc) {
                rc = -ENOTEMPTY;
                goto done;
            }
        }
    }
    /* the same inode under both names: nothing to do */
    if (a.e.node && b.e.node && a.e.node->ino == b.e.node->ino)
        goto done;
    if (a.e.host && b.e.host && a.e.hst.st_ino == b.e.hst.st_ino && a.e.hst.st_dev == b.e.hst.st_dev)
        goto done;
    if (a.e.mroot || b.e.mroot || (a.e.node && S_ISDIR(a.e.node->mode) && a.e.node->u.dir.mount)
        || (b.e.node && S_ISDIR(b.e.node->mode) && b.e.node->u.dir.mount)) {
        rc = -EBUSY;
        goto done;
    }
    vfs_inode *adir, *bdir;
    rc = vfs__wdir(v, &a, &adir);
    if (rc)
        goto done;
    if ((rc = ops__sticky(v, vfs__loc_dir(&a), &a.e)))
        goto done;
    if (b.e.exists) {
        vfs_pos *bp = vfs__loc_dir(&b);
        if (bp->m && bp->m->mode == VFS_MOUNT_RO) {
            rc = -EROFS;
            goto done;
        }
        if ((rc = vfs__perm_pos(v, bp, W_OK | X_OK)))
            goto done;
        if ((rc = ops__sticky(v, bp, &b.e)))
            goto done;
        uint32_t bm = vfs__ent_mode(&b.e);
        if (S_ISDIR(am) && !S_ISDIR(bm)) {
            rc = -ENOTDIR;
            goto done;
        }
        if (!S_ISDIR(am) && S_ISDIR(bm)) {
            rc = -EISDIR;
            goto done;
        }
        if (S_ISDIR(bm)) {
            size_t count;
            rc = vfs__dir_count(v, bp, &b.e, b.name, &count);
            if (rc)
                goto done;
            if (count) {
                rc = -ENOTEMPTY;
                goto done;
            }
        }
    }
    if (!adir) {
        rc = renameat(vfs__loc_dir(&a)->fd, a.name, vfs__loc_dir(&b)->fd, b.name) < 0 ? -errno : 0;
        goto done;
    }
    if (a.e.host || (a.e.node && S_ISDIR(a.e.node->mode) && vfs__loc_dir(&a)->m
                     && vfs__loc_dir(&a)->fd >= 0 && vfs__lower_has(vfs__loc_dir(&a), a.name))) {
        /* overlay: a directory with host content cannot move (as overlayfs
         * without redirect_dir): callers copy and delete instead */
        if (S_ISDIR(am)) {
            rc = -EXDEV;
            goto done;
        }
        rc = vfs__copyup(v, &a);
        if (rc)
            goto done;
    }
    rc = vfs__wdir(v, &b, &bdir);
    if (rc)
        goto done;
    if (!bdir) {
        rc = -EXDEV;
        goto done;
    }
    vfs_inode *n = a.e.node;
    if (S_ISDIR(n->mode)) {
        int h = ops__height(v, n, 1 << 20);
        if ((rc = ops__depth_ok(v, b.w.depth + 1 + h)))
            goto done;
    }
    vfs_inode *victim = NULL;
    if (b.e.exists && b.e.node)
        victim = b.e.node;
    bool vdies = victim && ops__dies(v, victim);
    /* the moved inode and the one replaced (unless it goes away) change
     * too: this VFS's own copies, before anything changes */
    if (!(n = vfs__w(v, n)) || (victim && !vdies && !(victim = vfs__w(v, victim)))) {
        rc = -ENOMEM;
        goto done;
    }
    bool b_lower = b.e.exists && b.e.host;   /* overlay: lower-only target */
    /* 1: make the new name point at n (no allocation once it exists) */
    vfs_dent *be = vfs__dir_lookup(bdir, b.name, b.namelen);
    vfs_inode *wh = NULL;
    if (be) {
        vfs_inode *old = vfs__node(v, be->ino);
        if (old && old->mode == 0) {
            wh = old;
            bdir->size += VFS_DIRENT_SIZE;
        }
        vfs__dent_set(v, bdir, be, n);
    } else {
        rc = vfs__dir_add(v, bdir, b.name, b.namelen, n);
        if (rc)
            goto done;
    }
    if (wh)
        vfs__inode_destroy(v, wh);
    /* 2: drop the old name (a whiteout if the host layer has it) */
    vfs_pos *ap = vfs__loc_dir(&a);
    vfs_dent *ae = vfs__dir_lookup(adir, a.name, a.namelen);
    bool a_lower = vfs__needs_whiteout(v, ap, adir, a.name, a.namelen);
    vfs_inode *aw = NULL;
    if (a_lower)
        aw = vfs__inode_new(v, 0, false);
    if (ae) {
        if (aw) {
            vfs__dent_set(v, adir, ae, aw);
            adir->size -= VFS_DIRENT_SIZE;
        } else {
            vfs__dir_remove(v, adir, ae);
        }
    }
    if (S_ISDIR(n->mode)) {
        if (adir != bdir) {
            adir->nlink--;
            bdir->nlink++;
        }
        if (b_lower || vfs__lower_has(vfs__loc_dir(&b), b.name))
            n->u.dir.opaque = true;
    }
    vfs__touch_c(v, n);
    vfs__touch_mc(v, adir);
    if (bdir != adir)
        vfs__touch_mc(v, bdir);
    if (victim)
        ops__unname(v, bdir, victim, vdies);
done:
    vfs__loc_done(v, &a);
    vfs__loc_done(v, &b);
    return rc;
}
