/*
 * Path resolution, component by component.
 *
 * A walk keeps the chain of directories from "/" to where it stands; ".."
 * pops one, so it never climbs above "/" and leaves a host mount through
 * the mount point's parent. Symlinks (memory or host) are expanded into the
 * remaining path and resolved again in the sandbox namespace: an absolute
 * target restarts at the sandbox root, never at the host's. Inside a host
 * mount every step is an openat(..., O_NOFOLLOW) from the previous
 * directory's fd, so nothing on the host can redirect the walk elsewhere.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "vfs/vfs_int.h"

int vfs__perm(vfs *v, uint32_t mode, uint32_t uid, uint32_t gid, int want)
{
    want &= 7;
    if (!want)
        return 0;
    if (v->uid == 0) {
        if ((want & X_OK) && !S_ISDIR(mode) && !(mode & 0111))
            return -EACCES;
        return 0;
    }
    uint32_t bits;
    if (uid == v->uid)
        bits = mode >> 6;
    else if (gid == v->gid)
        bits = mode >> 3;
    else
        bits = mode;
    return ((bits & (uint32_t)want) == (uint32_t)want) ? 0 : -EACCES;
}

int vfs__perm_node(vfs *v, vfs_inode *n, int want)
{
    return vfs__perm(v, n->mode, n->uid, n->gid, want);
}

/* Permission on a directory position (search, write). */
int vfs__perm_pos(vfs *v, vfs_pos *p, int want)
{
    if (p->mem)
        return vfs__perm_node(v, p->mem, want);
    struct stat st;
    if (p->fd < 0 || fstat(p->fd, &st) < 0)
        return -EIO;
    return vfs__perm(v, st.st_mode, v->uid, v->gid, want);
}

void vfs__walk_init(vfs *v, vfs_walk *w)
{
    w->fr = w->inl;
    w->cap = (int)(sizeof w->inl / sizeof w->inl[0]);
    w->depth = 0;
    w->names = w->ninl;
    w->ncap = sizeof w->ninl;
    w->nused = 0;
    w->fr[0].pos = (vfs_pos){ .mem = v->root, .m = NULL, .fd = -1 };
    w->fr[0].noff = 0;
    w->fr[0].nlen = 0;
}

void vfs__walk_done(vfs *v, vfs_walk *w)
{
    for (int i = 0; i <= w->depth; i++)
        if (w->fr[i].pos.fd >= 0)
            close(w->fr[i].pos.fd);
    if (w->fr != w->inl)
        mem_free(v->heap, w->fr);
    if (w->names != w->ninl)
        mem_free(v->heap, w->names);
    w->fr = w->inl;
    w->names = w->ninl;
    w->depth = 0;
}

void vfs__walk_pop(vfs_walk *w)
{
    if (w->depth == 0)
        return;
    vfs_frame *f = &w->fr[w->depth];
    if (f->pos.fd >= 0)
        close(f->pos.fd);
    w->nused = f->noff;
    w->depth--;
}

/* Takes ownership of pos.fd (closed on failure). */
int vfs__walk_push(vfs *v, vfs_walk *w, vfs_pos pos, const char *name, size_t len)
{
    if (w->depth + 1 >= w->cap) {
        int ncap = w->cap * 2;
        vfs_frame *nf = mem_alloc(v->heap, sizeof *nf * (size_t)ncap);
        if (!nf) {
            if (pos.fd >= 0)
                close(pos.fd);
            return -ENOMEM;
        }
        memcpy(nf, w->fr, sizeof *nf * (size_t)(w->depth + 1));
        if (w->fr != w->inl)
            mem_free(v->heap, w->fr);
        w->fr = nf;
        w->cap = ncap;
    }
    if (w->nused + len + 1 > w->ncap) {
        size_t ncap = (w->ncap + len + 1) * 2;
        char *nn = mem_alloc(v->heap, ncap);
        if (!nn) {
            if (pos.fd >= 0)
                close(pos.fd);
            return -ENOMEM;
        }
        memcpy(nn, w->names, w->nused);
        if (w->names != w->ninl)
            mem_free(v->heap, w->names);
        w->names = nn;
        w->ncap = ncap;
    }
    vfs_frame *f = &w->fr[++w->depth];
    f->pos = pos;
    f->noff = (uint32_t)w->nused;
    f->nlen = (uint32_t)len;
    memcpy(w->names + w->nused, name, len);
    w->names[w->nused + len] = 0;
    w->nused += len + 1;
    return 0;
}

uint32_t vfs__ent_mode(const vfs_ent *e)
{
    if (e->node)
        return e->node->mode;
    return e->hst.st_mode;
}

/* Looks `name` up in directory position `dir`. Never fails for a missing
 * name (e->exists = false); fails for host I/O errors. */
int vfs__lookup(vfs *v, vfs_pos *dir, const char *name, size_t len, vfs_ent *e)
{
    memset(e, 0, sizeof *e);
    e->hfd = -1;
    e->m = dir->m;
    if (dir->mem) {
        vfs_dent *d = vfs__dir_lookup(dir->mem, name, len);
        if (!d && dir->mem->u.dir.stubs)
            d = vfs__stub_lookup(v, &dir->mem, name, len);
        vfs_inode *n = d ? vfs__node(v, d->ino) : NULL;
        if (n) {
            if (n->mode == 0)
                return 0;                 /* whiteout */
            vfs_mount *m = S_ISDIR(n->mode) ? vfs__mount(v, n->u.dir.mount) : NULL;
            if (m && m->mode != VFS_MOUNT_OVERLAY) {
                if (fstatat(m->rootfd, ".", &e->hst, AT_SYMLINK_NOFOLLOW) < 0)
                    return -errno;
                e->exists = true;
                e->host = true;
                e->hfd = m->rootfd;
                e->hname = ".";
                e->mroot = true;
                e->m = m;
                e->node = NULL;
                return 0;
            }
            e->exists = true;
            e->node = n;
            return 0;
        }
    }
    if (dir->fd >= 0) {
        char nm[256];
        if (len >= sizeof nm)
            return -ENAMETOOLONG;
        memcpy(nm, name, len);
        nm[len] = 0;
        if (fstatat(dir->fd, nm, &e->hst, AT_SYMLINK_NOFOLLOW) < 0) {
            int err = errno;
            if (err == ENOENT)
                return 0;
            return -err;
        }
        e->exists = true;
        e->host = true;
        e->hfd = dir->fd;
        e->hname = name;  /* caller's storage; see vfs__resolve */
    }
    return 0;
}

int vfs__enter(vfs *v, vfs_pos *dir, vfs_ent *e, const char *name, vfs_pos *out)
{
    out->mem = NULL;
    out->m = e->m;
    out->fd = -1;
    if (e->node) {
        vfs_inode *n = e->node;
        out->mem = n;
        vfs_mount *m = vfs__mount(v, n->u.dir.mount);
        if (m) {                    /* overlay mount root */
            out->m = m;
            out->fd = fcntl(m->rootfd, F_DUPFD_CLOEXEC, 3);
            if (out->fd < 0)
                return -errno;
            return 0;
        }
        if (dir->m && dir->fd >= 0 && !n->u.dir.opaque) {
            /* overlay directory present in memory: its host counterpart too */
            int fd = openat(dir->fd, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd >= 0)
                out->fd = fd;
        }
        return 0;
    }
    /* host directory */
    if (e->mroot)
        out->fd = fcntl(e->hfd, F_DUPFD_CLOEXEC, 3);
    else
        out->fd = openat(e->hfd, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (out->fd < 0)
        return errno == ELOOP ? -ENOTDIR : -errno;
    return 0;
}

/* Reads the target of symlink e into buf (NUL-terminated). */
static int path__readlink(vfs *v, vfs_ent *e, char *buf, size_t cap)
{
    if (e->node) {
        size_t n = strlen(e->node->u.link.target);
        if (n >= cap)
            return -ENAMETOOLONG;
        memcpy(buf, e->node->u.link.target, n + 1);
        return (int)n;
    }
    return vfs__host_readlink(e->hfd, e->hname, buf, cap);
}

void vfs__loc_done(vfs *v, vfs_loc *loc)
{
    vfs__walk_done(v, &loc->w);
    if (loc->buf)
        mem_free(v->heap, loc->buf);
    loc->buf = NULL;
}

/* Replaces the remaining path with target + "/" + rest. */
static int path__splice(vfs *v, vfs_loc *loc, const char *target, size_t tlen,
                        const char *rest, const char **p)
{
    size_t rlen = strlen(rest);
    uint64_t max = v->lim.max_path_len ? v->lim.max_path_len : 4096;
    if (tlen + 1 + rlen >= max)
        return -ENAMETOOLONG;
    char *nb = mem_alloc(v->heap, tlen + rlen + 2);
    if (!nb)
        return -ENOMEM;
    memcpy(nb, target, tlen);
    nb[tlen] = '/';
    memcpy(nb + tlen + 1, rest, rlen + 1);
    if (!rlen)
        nb[tlen] = 0;
    if (loc->buf)
        mem_free(v->heap, loc->buf);
    loc->buf = nb;
    *p = nb;
    return 0;
}

int vfs__resolve(vfs *v, const char *path, int flags, vfs_loc *loc)
{
    memset(loc, 0, sizeof *loc);
    vfs__walk_init(v, &loc->w);
    loc->e.hfd = -1;
    if (!path)
        return -EFAULT;
    size_t plen = strlen(path);
    uint64_t maxp = v->lim.max_path_len ? v->lim.max_path_len : 4096;
    uint64_t maxn = v->lim.max_name_len ? v->lim.max_name_len : 255;
    if (maxn > 255)
        maxn = 255;
    if (plen == 0)
        return -ENOENT;
    if (plen >= maxp)
        return -ENAMETOOLONG;
    const char *p = path;
    int links = 0;
    for (;;) {
        if (*p == '/') {
            /* absolute: back to the root (only at the start or after a symlink) */
            while (loc->w.depth > 0)
                vfs__walk_pop(&loc->w);
        }
        for (;;) {
            while (*p == '/')
                p++;
            if (!*p) {
                /* the path names the current directory itself */
                goto dot_target;
            }
            const char *c = p;
            while (*p && *p != '/')
                p++;
            size_t len = (size_t)(p - c);
            const char *after = p;
            while (*after == '/')
                after++;
            bool last = (*after == 0);
            bool slash = (*p == '/');
            if (len == 1 && c[0] == '.') {
                if (last) {
                    loc->dot = VFS_DOT_DOT;
                    goto dot_target;
                }
                continue;
            }
            if (len == 2 && c[0] == '.' && c[1] == '.') {
                vfs_pos *cur = vfs__loc_dir(loc);
                int rc = vfs__perm_pos(v, cur, X_OK);
                if (rc)
                    return rc;
                vfs__walk_pop(&loc->w);
                if (last) {
                    loc->dot = VFS_DOT_DOTDOT;
                    goto dot_target;
                }
                continue;
            }
            if (len > maxn)
                return -ENAMETOOLONG;
            vfs_pos *cur = vfs__loc_dir(loc);
            int rc = vfs__perm_pos(v, cur, X_OK);
            if (rc)
                return rc;
            vfs_ent e;
            /* host lookups need a NUL-terminated name */
            char nm[256];
            memcpy(nm, c, len);
            nm[len] = 0;
            rc = vfs__lookup(v, cur, nm, len, &e);
            if (rc)
                return rc;
            uint32_t mode = e.exists ? vfs__ent_mode(&e) : 0;
            bool parent_slash = slash && (flags & VFS_R_PARENT);
            if (e.exists && S_ISLNK(mode)
                && (!last || (!parent_slash && (slash || (flags & VFS_R_FOLLOW))))) {
                if (++links > VFS_SYMLOOP_MAX)
                    return -ELOOP;
                char tbuf[4096];
                rc = path__readlink(v, &e, tbuf, sizeof tbuf);
                if (rc < 0)
                    return rc;
                if (rc == 0)
                    return -ENOENT;
                rc = path__splice(v, loc, tbuf, (size_t)rc, p, &p);
                if (rc)
                    return rc;
                break;  /* restart: an absolute target pops to the root */
            }
            if (last) {
                if (slash && e.exists && !S_ISDIR(mode) && !(flags & VFS_R_PARENT))
                    return -ENOTDIR;
                if (!e.exists && !(flags & VFS_R_CREATE))
                    return -ENOENT;
                /* keep the name: copy it where it survives */
                memcpy(loc->nbuf, c, len);
                loc->nbuf[len] = 0;
                loc->name = loc->nbuf;
                loc->namelen = len;
                loc->slash = slash;
                loc->e = e;
                if (e.host && !e.mroot)
                    loc->e.hname = loc->nbuf;
                return 0;
            }
            if (!e.exists)
                return -ENOENT;
            if (!S_ISDIR(mode))
                return -ENOTDIR;
            vfs_pos np;
            rc = vfs__enter(v, cur, &e, nm, &np);
            if (rc)
                return rc;
            rc = vfs__walk_push(v, &loc->w, np, c, len);
            if (rc)
                return rc;
        }
    }
dot_target:
    /* The target is the current directory: describe it as an entry of its
     * parent, so that every operation can treat it by name. */
    if (loc->dot == VFS_DOT_NONE)
        loc->dot = (loc->w.depth == 0) ? VFS_DOT_ROOT : VFS_DOT_DOT;
    if (loc->w.depth == 0) {
        loc->dot = VFS_DOT_ROOT;
        loc->e.exists = true;
        loc->e.node = v->root;
        loc->name = "/";
        loc->namelen = 1;
        return 0;
    }
    {
        vfs_frame *f = &loc->w.fr[loc->w.depth];
        size_t len = f->nlen;
        memcpy(loc->nbuf, loc->w.names + f->noff, len);
        loc->nbuf[len] = 0;
        vfs__walk_pop(&loc->w);
        loc->name = loc->nbuf;
        loc->namelen = len;
        int rc = vfs__lookup(v, vfs__loc_dir(loc), loc->nbuf, len, &loc->e);
        if (rc)
            return rc;
        if (loc->e.host && !loc->e.mroot)
            loc->e.hname = loc->nbuf;
        if (!loc->e.exists)
            return -ENOENT;
    }
    return 0;
}

int vfs__ent_stat(vfs *v, vfs_ent *e, vfs_stat_t *st)
{
    memset(st, 0, sizeof *st);
    if (e->node) {
        vfs_inode *n = e->node;
        st->ino = n->ino;
        st->dev = 1;
        st->mode = n->mode;
        st->nlink = n->nlink;
        st->uid = n->uid;
        st->gid = n->gid;
        st->rdev = n->rdev;
        st->size = n->size;
        if (S_ISREG(n->mode))
            st->blocks = (n->size + 4095) / 4096 * 8;
        st->atime = n->atime;
        st->mtime = n->mtime;
        st->ctime = n->ctime;
        st->btime = n->btime;
        return 0;
    }
    vfs__host_stat(v, e->m, &e->hst, st);
    return 0;
}
