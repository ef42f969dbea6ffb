/*
 * The VFS object and its inodes: creation with the default layout, the
 * clock, limits, fork (copy of the metadata, file chunks shared), teardown.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "vfs/vfs_int.h"

static void inode__default_clock(void *ctx, struct timespec *now)
{
    (void)ctx;
    clock_gettime(CLOCK_REALTIME, now);
}

static void inode__fixed_clock(void *ctx, struct timespec *now)
{
    *now = *(const struct timespec *)ctx;
}

void vfs__now(vfs *v, struct timespec *ts)
{
    v->clock(v->clock_ctx, ts);
}

int vfs__limit(vfs *v, int err, const char *which)
{
    v->last_limit = which;
    return err;
}

int vfs__check_inode_limit(vfs *v)
{
    if (v->lim.max_inodes && v->inodes_used >= v->lim.max_inodes)
        return vfs__limit(v, -ENOSPC, "inode limit");
    return 0;
}

/* counted: whiteouts are not inodes for the limit. */
vfs_inode *vfs__inode_new(vfs *v, uint32_t mode, bool counted)
{
    vfs_inode *n = mem_calloc(v->heap, 1, sizeof *n);
    if (!n)
        return NULL;
    n->mode = mode;
    n->ino = v->next_ino++;
    n->uid = v->uid;
    n->gid = v->gid;
    n->nlink = 1;
    struct timespec now;
    vfs__now(v, &now);
    n->atime = n->mtime = n->ctime = n->btime = now;
    if (S_ISDIR(mode)) {
        n->nlink = 2;
        n->size = 2 * VFS_DIRENT_SIZE;
        n->u.dir.sorted = true;
    }
    n->next = v->all;
    if (v->all)
        v->all->prev = n;
    v->all = n;
    if (counted)
        v->inodes_used++;
    return n;
}

void vfs__inode_destroy(vfs *v, vfs_inode *n)
{
    if (n->prev)
        n->prev->next = n->next;
    else
        v->all = n->next;
    if (n->next)
        n->next->prev = n->prev;
    if (S_ISREG(n->mode))
        vfs__data_free(v, n);
    else if (S_ISDIR(n->mode))
        vfs__dir_free(v, n);
    else if (S_ISLNK(n->mode))
        vfs__mfree(v, n->u.link.target);
    if (n->mode != 0 && v->inodes_used)
        v->inodes_used--;
    vfs__mfree(v, n);
}

void vfs__inode_put(vfs *v, vfs_inode *n)
{
    if (n->nlink == 0 && n->opens == 0)
        vfs__inode_destroy(v, n);
}

void vfs__touch_mc(vfs *v, vfs_inode *n)
{
    struct timespec now;
    vfs__now(v, &now);
    n->mtime = n->ctime = now;
}

void vfs__touch_c(vfs *v, vfs_inode *n)
{
    vfs__now(v, &n->ctime);
}

/* ------------------------------------------------------------ layout */

/* Adds a new child to a memory directory during set-up. */
static vfs_inode *inode__mk(vfs *v, vfs_inode *dir, const char *name, uint32_t mode,
                            uint32_t uid, uint32_t gid)
{
    vfs_inode *n = vfs__inode_new(v, mode, true);
    if (!n)
        return NULL;
    n->uid = uid;
    n->gid = gid;
    if (vfs__dir_add(v, dir, name, strlen(name), n) < 0) {
        n->nlink = 0;
        vfs__inode_destroy(v, n);
        return NULL;
    }
    if (S_ISDIR(mode)) {
        n->u.dir.parent = dir;
        dir->nlink++;
    }
    return n;
}

static vfs_inode *inode__mkdir(vfs *v, vfs_inode *dir, const char *name, uint32_t mode,
                               uint32_t uid, uint32_t gid)
{
    return inode__mk(v, dir, name, S_IFDIR | mode, uid, gid);
}

static int inode__file(vfs *v, vfs_inode *dir, const char *name, uint32_t mode,
                       const char *text)
{
    vfs_inode *n = inode__mk(v, dir, name, S_IFREG | mode, 0, 0);
    if (!n)
        return -ENOMEM;
    ssize_t w = vfs__data_write(v, n, text, strlen(text), 0);
    return w < 0 ? (int)w : 0;
}

static int inode__symlink(vfs *v, vfs_inode *dir, const char *name, const char *target)
{
    vfs_inode *n = inode__mk(v, dir, name, S_IFLNK | 0777, 0, 0);
    if (!n)
        return -ENOMEM;
    n->u.link.target = mem_strdup(v->heap, target);
    if (!n->u.link.target)
        return -ENOMEM;
    n->size = strlen(target);
    return 0;
}

static int inode__dev(vfs *v, vfs_inode *dir, const char *name, uint32_t mode,
                      int maj, int min, int kind)
{
    vfs_inode *n = inode__mk(v, dir, name, S_IFCHR | mode, 0, 0);
    if (!n)
        return -ENOMEM;
    n->rdev = (uint32_t)makedev(maj, min);
    n->u.dev.kind = kind;
    return 0;
}

static int inode__layout(vfs *v)
{
    uint32_t u = v->uid, g = v->gid;
    vfs_inode *r = v->root;
    vfs_inode *bin = inode__mkdir(v, r, "bin", 0755, 0, 0);
    vfs_inode *usr = inode__mkdir(v, r, "usr", 0755, 0, 0);
    vfs_inode *etc = inode__mkdir(v, r, "etc", 0755, 0, 0);
    vfs_inode *home = inode__mkdir(v, r, "home", 0755, 0, 0);
    vfs_inode *tmp = inode__mkdir(v, r, "tmp", 01777, 0, 0);
    vfs_inode *dev = inode__mkdir(v, r, "dev", 0755, 0, 0);
    vfs_inode *proc = inode__mkdir(v, r, "proc", 0555, 0, 0);
    if (!bin || !usr || !etc || !home || !tmp || !dev || !proc)
        return -ENOMEM;
    vfs_inode *ub = inode__mkdir(v, usr, "bin", 0755, 0, 0);
    vfs_inode *ul = inode__mkdir(v, usr, "local", 0755, 0, 0);
    vfs_inode *ulb = ul ? inode__mkdir(v, ul, "bin", 0755, 0, 0) : NULL;
    vfs_inode *hu = inode__mkdir(v, home, "user", 0755, u, g);
    vfs_inode *self = inode__mkdir(v, proc, "self", 0555, 0, 0);
    vfs_inode *fd = self ? inode__mkdir(v, self, "fd", 0500, u, g) : NULL;
    if (!ub || !ulb || !hu || !fd)
        return -ENOMEM;
    bin->u.dir.stubs = true;
    ub->u.dir.stubs = true;
    char passwd[512];
    snprintf(passwd, sizeof passwd,
             "root:x:0:0:root:/root:/bin/bash\n"
             "user:x:%u:%u::/home/user:/bin/bash\n", (unsigned)(u ? u : 1000),
             (unsigned)(g ? g : 1000));
    char group[256];
    snprintf(group, sizeof group, "root:x:0:\nuser:x:%u:\n", (unsigned)(g ? g : 1000));
    int rc = 0;
    rc |= inode__file(v, etc, "passwd", 0644, passwd);
    rc |= inode__file(v, etc, "group", 0644, group);
    rc |= inode__file(v, etc, "hostname", 0644, "vbash\n");
    rc |= inode__file(v, etc, "hosts", 0644, "127.0.0.1\tlocalhost\n::1\tlocalhost\n");
    rc |= inode__file(v, etc, "shells", 0644, "/bin/sh\n/bin/bash\n");
    rc |= inode__dev(v, dev, "null", 0666, 1, 3, VFS_DEV_NULL);
    rc |= inode__dev(v, dev, "zero", 0666, 1, 5, VFS_DEV_ZERO);
    rc |= inode__dev(v, dev, "full", 0666, 1, 7, VFS_DEV_FULL);
    rc |= inode__dev(v, dev, "random", 0666, 1, 8, VFS_DEV_RANDOM);
    rc |= inode__dev(v, dev, "urandom", 0666, 1, 9, VFS_DEV_RANDOM);
    rc |= inode__dev(v, dev, "tty", 0666, 5, 0, VFS_DEV_TTY);
    rc |= inode__symlink(v, dev, "stdin", "/proc/self/fd/0");
    rc |= inode__symlink(v, dev, "stdout", "/proc/self/fd/1");
    rc |= inode__symlink(v, dev, "stderr", "/proc/self/fd/2");
    rc |= inode__symlink(v, dev, "fd", "/proc/self/fd");
    return rc ? -ENOMEM : 0;
}

int vfs_new(mem_heap *h, const vfs_limits *lim, uint32_t uid, uint32_t gid, vfs **out)
{
    *out = NULL;
    vfs *v = mem_calloc(h, 1, sizeof *v);
    if (!v)
        return -ENOMEM;
    v->heap = h;
    if (lim)
        v->lim = *lim;
    if (!v->lim.max_path_len)
        v->lim.max_path_len = 4096;
    if (!v->lim.max_name_len || v->lim.max_name_len > 255)
        v->lim.max_name_len = 255;
    v->uid = uid;
    v->gid = gid;
    v->clock = inode__default_clock;
    v->next_ino = 1;
    v->next_dev = 2;
    v->has_openat2 = -1;
    /* The layout is not subject to the limits, and is made at one instant
     * (reading the clock once: it is slow on some virtual machines). */
    vfs_limits keep = v->lim;
    v->lim.max_inodes = v->lim.max_total_bytes = v->lim.max_file_bytes = 0;
    struct timespec t0;
    clock_gettime(CLOCK_REALTIME, &t0);
    v->clock = inode__fixed_clock;
    v->clock_ctx = &t0;
    v->root = vfs__inode_new(v, S_IFDIR | 0755, true);
    if (!v->root) {
        mem_free(h, v);
        return -ENOMEM;
    }
    v->root->uid = v->root->gid = 0;
    v->root->u.dir.parent = v->root;
    int rc = inode__layout(v);
    v->lim = keep;
    v->clock = inode__default_clock;
    v->clock_ctx = NULL;
    if (rc < 0) {
        vfs_free(v);
        return rc;
    }
    *out = v;
    return 0;
}

void vfs_free(vfs *v)
{
    if (!v)
        return;
    while (v->mounts) {
        vfs_mount *m = v->mounts;
        v->mounts = m->next;
        if (m->rootfd >= 0)
            close(m->rootfd);
        mem_free(v->heap, m->host_dir);
        mem_free(v->heap, m);
    }
    while (v->all)
        vfs__inode_destroy(v, v->all);
    if (v->capstubs)
        mem_free(v->heap, v->stubs);
    mem_free(v->heap, v->slab);
    mem_free(v->heap, v);
}

void vfs_set_clock(vfs *v, vfs_clock_fn fn, void *ctx)
{
    v->clock = fn ? fn : inode__default_clock;
    v->clock_ctx = fn ? ctx : NULL;
}

void vfs_set_identity(vfs *v, uint32_t uid, uint32_t gid)
{
    v->uid = uid;
    v->gid = gid;
}

uint32_t vfs_uid(const vfs *v) { return v->uid; }
uint32_t vfs_gid(const vfs *v) { return v->gid; }
const char *vfs_last_limit(const vfs *v) { return v->last_limit; }
uint64_t vfs_bytes_used(const vfs *v) { return v->bytes_used; }
uint64_t vfs_inodes_used(const vfs *v) { return v->inodes_used; }

void vfs_get_limits(const vfs *v, vfs_limits *out)
{
    *out = v->lim;
}

void vfs_set_limits(vfs *v, const vfs_limits *lim)
{
    v->lim = *lim;
    if (!v->lim.max_path_len)
        v->lim.max_path_len = 4096;
    if (!v->lim.max_name_len || v->lim.max_name_len > 255)
        v->lim.max_name_len = 255;
}

/* ------------------------------------------------------------ fork */

void vfs__mfree(vfs *v, void *p)
{
    if (p && !((char *)p >= v->slab && (char *)p < v->slab_end))
        mem_free(v->heap, p);
}

void *vfs__mrealloc(vfs *v, void *p, size_t old, size_t n)
{
    if (!p || !((char *)p >= v->slab && (char *)p < v->slab_end))
        return mem_realloc(v->heap, p, n);
    void *q = mem_alloc(v->heap, n);
    if (q)
        memcpy(q, p, old < n ? old : n);
    return q;
}

static size_t inode__al(size_t n)
{
    return (n + 15) & ~(size_t)15;
}

/* Copies every live inode into one block of the new heap (the slab): the
 * inodes, their chunk arrays, entry arrays, indexes, names and link
 * targets, one allocation instead of several per inode; file chunks are
 * shared by reference. Directory entries are then rewired through
 * fork_copy. Inodes unlinked but still open stay behind: nothing in the
 * new tree names them. A slab block freed later (a file removed, an array
 * grown) is simply left in the slab, which goes with the VFS. */
int vfs_fork(vfs *v, mem_heap *h, vfs **out)
{
    *out = NULL;
    vfs *c = mem_calloc(h, 1, sizeof *c);
    if (!c)
        return -ENOMEM;
    *c = *v;
    c->heap = h;
    c->all = NULL;
    c->root = NULL;
    c->mounts = NULL;
    c->inodes_used = 0;
    c->bytes_used = 0;
    c->stubs = NULL;
    c->nstubs = c->capstubs = 0;
    c->slab = c->slab_end = NULL;
    int rc = 0;
    if (v->nstubs && !v->capstubs) { /* a borrowed table: share it */
        c->stubs = v->stubs;
        c->nstubs = v->nstubs;
    } else if (v->nstubs) {
        c->stubs = mem_alloc(h, sizeof *c->stubs * v->nstubs);
        if (!c->stubs) {
            mem_free(h, c);
            return -ENOMEM;
        }
        memcpy(c->stubs, v->stubs, sizeof *c->stubs * v->nstubs);
        c->nstubs = c->capstubs = v->nstubs;
    }
    /* mounts: dup the host fds */
    vfs_mount **mtail = &c->mounts;
    for (vfs_mount *m = v->mounts; m; m = m->next) {
        vfs_mount *nm = mem_calloc(h, 1, sizeof *nm);
        if (!nm) {
            rc = -ENOMEM;
            goto fail;
        }
        *nm = *m;
        nm->next = NULL;
        nm->rootfd = fcntl(m->rootfd, F_DUPFD_CLOEXEC, 3);
        nm->host_dir = mem_strdup(h, m->host_dir);
        *mtail = nm;
        mtail = &nm->next;
        if (nm->rootfd < 0 || !nm->host_dir) {
            rc = nm->rootfd < 0 ? -errno : -ENOMEM;
            goto fail;
        }
    }
    /* the slab: fixed-size parts first, then the strings */
    size_t fixed = 0, strs = 0;
    for (vfs_inode *n = v->all; n; n = n->next) {
        n->fork_copy = NULL;
        if (n->nlink == 0)
            continue;
        fixed += inode__al(sizeof *n);
        if (S_ISREG(n->mode)) {
            fixed += inode__al(sizeof(vfs_chunk *) * n->u.file.nchunks);
        } else if (S_ISDIR(n->mode)) {
            fixed += inode__al(sizeof(vfs_dent) * n->u.dir.n);
            if (n->u.dir.idx)
                fixed += inode__al(sizeof *n->u.dir.idx * n->u.dir.idxcap);
            for (uint32_t i = 0; i < n->u.dir.n; i++)
                strs += (size_t)n->u.dir.ents[i].len + 1;
        } else if (S_ISLNK(n->mode)) {
            strs += strlen(n->u.link.target) + 1;
        }
    }
    char *slab = mem_alloc(h, fixed + strs);
    if (!slab) {
        rc = -ENOMEM;
        goto fail;
    }
    mem_advise_bulk(slab, fixed + strs);
    c->slab = slab;
    c->slab_end = slab + fixed + strs;
    char *fp = slab, *sp = slab + fixed;
    for (vfs_inode *n = v->all; n; n = n->next) {
        if (n->nlink == 0)
            continue;
        vfs_inode *d = (vfs_inode *)fp;
        fp += inode__al(sizeof *d);
        *d = *n;
        d->opens = 0;
        d->fork_copy = NULL;
        d->prev = NULL;
        d->next = c->all;
        if (c->all)
            c->all->prev = d;
        c->all = d;
        if (n->mode != 0)
            c->inodes_used++;
        n->fork_copy = d;
        if (S_ISREG(n->mode)) {
            size_t k = n->u.file.nchunks;
            d->u.file.chunks = NULL;
            d->u.file.nchunks = d->u.file.cap = k;
            if (k) {
                d->u.file.chunks = (vfs_chunk **)fp;
                fp += inode__al(sizeof(vfs_chunk *) * k);
                for (size_t i = 0; i < k; i++) {
                    vfs_chunk *ch = n->u.file.chunks[i];
                    if (ch)
                        atomic_fetch_add_explicit(&ch->refs, 1, memory_order_relaxed);
                    d->u.file.chunks[i] = ch;
                }
            }
            c->bytes_used += n->size;
        } else if (S_ISDIR(n->mode)) {
            uint32_t k = n->u.dir.n;
            d->u.dir.ents = NULL;
            d->u.dir.idx = NULL;
            d->u.dir.n = d->u.dir.cap = d->u.dir.idxcap = d->u.dir.idxused = 0;
            if (k) {
                d->u.dir.ents = (vfs_dent *)fp;
                fp += inode__al(sizeof(vfs_dent) * k);
                for (uint32_t i = 0; i < k; i++) {
                    vfs_dent *e = &d->u.dir.ents[i];
                    *e = n->u.dir.ents[i];
                    memcpy(sp, e->name, e->len);
                    sp[e->len] = 0;
                    e->name = sp;
                    sp += e->len + 1;
                }
                d->u.dir.n = d->u.dir.cap = k;
            }
            if (n->u.dir.idx) {
                d->u.dir.idx = (uint64_t *)fp;
                fp += inode__al(sizeof *d->u.dir.idx * n->u.dir.idxcap);
                memcpy(d->u.dir.idx, n->u.dir.idx, sizeof *d->u.dir.idx * n->u.dir.idxcap);
                d->u.dir.idxcap = n->u.dir.idxcap;
                d->u.dir.idxused = n->u.dir.idxused;
            }
        } else if (S_ISLNK(n->mode)) {
            size_t l = strlen(n->u.link.target);
            memcpy(sp, n->u.link.target, l + 1);
            d->u.link.target = sp;
            sp += l + 1;
        }
    }
    /* rewire */
    for (vfs_inode *n = v->all; n; n = n->next) {
        vfs_inode *d = n->fork_copy;
        if (!d)
            continue;
        if (S_ISDIR(n->mode)) {
            for (uint32_t i = 0; i < d->u.dir.n; i++)
                d->u.dir.ents[i].node = d->u.dir.ents[i].node->fork_copy;
            d->u.dir.parent = n->u.dir.parent->fork_copy;
            if (n->u.dir.mount) {
                vfs_mount *om = v->mounts, *nm = c->mounts;
                while (om && om != n->u.dir.mount) {
                    om = om->next;
                    nm = nm->next;
                }
                d->u.dir.mount = nm;
                if (nm)
                    nm->point = d;
            }
        }
    }
    c->root = v->root->fork_copy;
    for (vfs_inode *n = v->all; n; n = n->next)
        n->fork_copy = NULL;
    *out = c;
    return 0;
fail:
    vfs_free(c);
    return rc;
}

/* ------------------------------------------------------------ misc */

int vfs_statfs(vfs *v, const char *path, vfs_statfs_t *out)
{
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    vfs__loc_done(v, &l);
    if (rc)
        return rc;
    out->used_bytes = v->bytes_used;
    out->total_bytes = v->lim.max_total_bytes ? v->lim.max_total_bytes : (uint64_t)1 << 30;
    if (out->total_bytes < out->used_bytes)
        out->total_bytes = out->used_bytes;
    out->used_inodes = v->inodes_used;
    out->total_inodes = v->lim.max_inodes ? v->lim.max_inodes : (uint64_t)1 << 20;
    if (out->total_inodes < out->used_inodes)
        out->total_inodes = out->used_inodes;
    return 0;
}

int vfs_add_command_stub(vfs *v, const char *name)
{
    if (!name || !*name || strchr(name, '/') || strlen(name) > 200 || !strcmp(name, ".")
        || !strcmp(name, ".."))
        return -EINVAL;
    if (v->nstubs >= v->capstubs) {
        size_t nc = v->capstubs ? v->capstubs * 2 : v->nstubs + 16;
        /* a borrowed table (vfs_set_command_stubs) is copied first */
        const char **ns = v->capstubs ? mem_realloc(v->heap, v->stubs, sizeof *ns * nc)
                                      : mem_alloc(v->heap, sizeof *ns * nc);
        if (!ns)
            return -ENOMEM;
        if (!v->capstubs && v->nstubs)
            memcpy(ns, v->stubs, sizeof *ns * v->nstubs);
        v->stubs = ns;
        v->capstubs = nc;
    }
    v->stubs[v->nstubs++] = name;
    v->stubs_sorted = false;
    return 0;
}

int vfs_set_command_stubs(vfs *v, const char *const *sorted, size_t n)
{
    if (v->capstubs)
        mem_free(v->heap, v->stubs);
    v->stubs = (const char **)sorted;  /* borrowed: never written nor freed */
    v->nstubs = n;
    v->capstubs = 0;
    v->stubs_sorted = true;
    return 0;
}
