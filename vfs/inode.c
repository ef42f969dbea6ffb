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

/* ------------------------------------------------------------ memory */

/* Inodes alive in the process (all VFSs), and changes made to a shared
 * inode without vfs__w (debug builds): for tests. */
static _Atomic uint64_t inode__live;
static _Atomic uint64_t inode__misses;

uint64_t vfs_inodes_alive(void)
{
    return atomic_load_explicit(&inode__live, memory_order_relaxed);
}

uint64_t vfs_cow_misses(void)
{
    return atomic_load_explicit(&inode__misses, memory_order_relaxed);
}

uint64_t vfs_meta_bytes(const vfs *v)
{
    return v->meta_bytes;
}

/* Metadata counts against the session's memory cap with its heap. A
 * refusal is remembered by the heap as its own would be (the interpreter
 * reports the memory limit from it). */
static bool inode__room(vfs *v, size_t n)
{
    size_t cap = mem_heap_cap(v->heap);
    if (!cap || mem_heap_used(v->heap) + v->meta_bytes + n <= cap)
        return true;
    mem_heap_note_cap_hit(v->heap);
    return false;
}

static void inode__unmeta(vfs *v, size_t n)
{
    v->meta_bytes = v->meta_bytes >= n ? v->meta_bytes - n : 0;
}

void *vfs__malloc(vfs *v, size_t n)
{
    if (!inode__room(v, n))
        return NULL;
    void *p = mem_shared_alloc(n ? n : 1);
    if (p)
        v->meta_bytes += n;
    return p;
}

void vfs__mfree(vfs *v, void *p, size_t n)
{
    if (!p)
        return;
    mem_shared_free(p);
    inode__unmeta(v, n);
}

void *vfs__mrealloc(vfs *v, void *p, size_t old, size_t n)
{
    if (n > old && !inode__room(v, n - old))
        return NULL;
    void *q = mem_shared_realloc(p, n ? n : 1);
    if (q) {
        inode__unmeta(v, old);
        v->meta_bytes += n;
    }
    return q;
}

char *vfs__mstrndup(vfs *v, const char *s, size_t n)
{
    char *d = vfs__malloc(v, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

/* The metadata bytes of an inode, as vfs__malloc counted them. */
static size_t inode__bytes(const vfs_inode *n)
{
    size_t b = sizeof *n;
    if (S_ISREG(n->mode)) {
        b += sizeof(vfs_chunk *) * n->u.file.cap;
    } else if (S_ISDIR(n->mode)) {
        b += sizeof(vfs_dent) * n->u.dir.cap;
        if (n->u.dir.idx)
            b += sizeof *n->u.dir.idx * n->u.dir.idxcap;
        for (uint32_t i = 0; i < n->u.dir.n; i++)
            b += (size_t)n->u.dir.ents[i].len + 1;
    } else if (S_ISLNK(n->mode) && n->u.link.target) {
        b += strlen(n->u.link.target) + 1;
    }
    return b;
}

/* Frees an inode no table holds any more (from any thread). */
static void inode__free(vfs_inode *n)
{
    if (S_ISREG(n->mode)) {
        for (size_t i = 0; i < n->u.file.nchunks; i++)
            vfs__chunk_unref(n->u.file.chunks[i]);
        mem_shared_free(n->u.file.chunks);
    } else if (S_ISDIR(n->mode)) {
        for (uint32_t i = 0; i < n->u.dir.n; i++)
            mem_shared_free(n->u.dir.ents[i].name);
        mem_shared_free(n->u.dir.ents);
        mem_shared_free(n->u.dir.idx);
    } else if (S_ISLNK(n->mode)) {
        mem_shared_free(n->u.link.target);
    }
    mem_shared_free(n);
    atomic_fetch_sub_explicit(&inode__live, 1, memory_order_relaxed);
}

static void inode__unref(vfs_inode *n)
{
    if (n && atomic_fetch_sub_explicit(&n->refs, 1, memory_order_acq_rel) == 1)
        inode__free(n);
}

/* A private copy of a shared inode: its arrays, names, index and link
 * target; file chunks are shared (one more reference each). */
static vfs_inode *inode__copy(vfs *v, const vfs_inode *o)
{
    vfs_inode *n = vfs__malloc(v, sizeof *n);
    if (!n)
        return NULL;
    memcpy(n, o, sizeof *n);
    atomic_init(&n->refs, 1);
    if (S_ISREG(o->mode)) {
        size_t k = o->u.file.nchunks;
        n->u.file.chunks = NULL;
        n->u.file.cap = n->u.file.nchunks = 0;
        if (k) {
            n->u.file.chunks = vfs__malloc(v, sizeof(vfs_chunk *) * k);
            if (!n->u.file.chunks)
                goto fail;
            for (size_t i = 0; i < k; i++) {
                vfs_chunk *c = o->u.file.chunks[i];
                if (c)
                    atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
                n->u.file.chunks[i] = c;
            }
            n->u.file.cap = n->u.file.nchunks = k;
        }
    } else if (S_ISDIR(o->mode)) {
        uint32_t k = o->u.dir.n;
        n->u.dir.ents = NULL;
        n->u.dir.idx = NULL;
        n->u.dir.n = n->u.dir.cap = n->u.dir.idxcap = n->u.dir.idxused = 0;
        if (k) {
            n->u.dir.ents = vfs__malloc(v, sizeof(vfs_dent) * k);
            if (!n->u.dir.ents)
                goto fail;
            n->u.dir.cap = k;
            for (uint32_t i = 0; i < k; i++) {
                vfs_dent *e = &n->u.dir.ents[i];
                *e = o->u.dir.ents[i];
                e->name = vfs__mstrndup(v, e->name, e->len);
                if (!e->name)
                    goto fail;
                n->u.dir.n = i + 1;
            }
        }
        if (o->u.dir.idx) {
            n->u.dir.idx = vfs__malloc(v, sizeof *n->u.dir.idx * o->u.dir.idxcap);
            if (!n->u.dir.idx)
                goto fail;
            memcpy(n->u.dir.idx, o->u.dir.idx, sizeof *n->u.dir.idx * o->u.dir.idxcap);
            n->u.dir.idxcap = o->u.dir.idxcap;
            n->u.dir.idxused = o->u.dir.idxused;
        }
    } else if (S_ISLNK(o->mode) && o->u.link.target) {
        n->u.link.target = vfs__mstrndup(v, o->u.link.target, strlen(o->u.link.target));
        if (!n->u.link.target)
            goto fail;
    }
    atomic_fetch_add_explicit(&inode__live, 1, memory_order_relaxed);
    return n;
fail:
    inode__unmeta(v, inode__bytes(n));
    atomic_fetch_add_explicit(&inode__live, 1, memory_order_relaxed);
    inode__free(n);
    return NULL;
}

/* ------------------------------------------------------------ the table */

static vfs_tnode *tab__new(vfs *v, bool force)
{
    if (!force && !inode__room(v, sizeof(vfs_tnode)))
        return NULL;
    vfs_tnode *t = mem_shared_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    atomic_init(&t->refs, 1);
    v->meta_bytes += sizeof *t;
    return t;
}

/* Drops one reference on node t of level `level` (0: slots hold inodes). */
static void tab__unref(vfs_tnode *t, int level)
{
    if (!t || atomic_fetch_sub_explicit(&t->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (unsigned i = 0; i < VFS_TAB_FAN; i++) {
        if (!t->slot[i])
            continue;
        if (level > 0)
            tab__unref(t->slot[i], level - 1);
        else
            inode__unref(t->slot[i]);
    }
    mem_shared_free(t);
}

/* The slot of number ino in v's table, with every node above it private
 * to v (a shared node is copied, a missing one made when `make`, the
 * table grown when too short). NULL when out of memory or (!make) when
 * the number has no node. force: no memory cap (removals). */
static void **tab__slot(vfs *v, uint64_t ino, bool make, bool force)
{
    while (ino >> (VFS_TAB_BITS * v->levels)) {
        if (!make)
            return NULL;
        vfs_tnode *r = tab__new(v, force);
        if (!r)
            return NULL;
        r->slot[0] = v->tab;
        v->tab = r;
        v->levels++;
    }
    vfs_tnode **pt = &v->tab;
    for (int l = v->levels - 1;; l--) {
        vfs_tnode *t = *pt;
        if (!t) {
            if (!make || !(t = tab__new(v, force)))
                return NULL;
            *pt = t;
        } else if (atomic_load_explicit(&t->refs, memory_order_acquire) > 1) {
            vfs_tnode *c = tab__new(v, force);
            if (!c)
                return NULL;
            for (unsigned i = 0; i < VFS_TAB_FAN; i++) {
                void *s = t->slot[i];
                c->slot[i] = s;
                if (!s)
                    continue;
                if (l > 0)
                    atomic_fetch_add_explicit(&((vfs_tnode *)s)->refs, 1, memory_order_relaxed);
                else
                    atomic_fetch_add_explicit(&((vfs_inode *)s)->refs, 1, memory_order_relaxed);
            }
            inode__unmeta(v, sizeof *t);   /* c replaces t in this VFS */
            tab__unref(t, l);
            *pt = t = c;
        }
        size_t i = (size_t)(ino >> (VFS_TAB_BITS * l)) & (VFS_TAB_FAN - 1);
        if (l == 0)
            return &t->slot[i];
        pt = (vfs_tnode **)&t->slot[i];
    }
}

vfs_inode *vfs__w_slow(vfs *v, vfs_inode *n)
{
    void **s = tab__slot(v, n->ino, false, false);
    if (!s || !*s)
        return NULL;
    vfs_inode *cur = *s;
    if (atomic_load_explicit(&cur->refs, memory_order_acquire) > 1) {
        vfs_inode *c = inode__copy(v, cur);
        if (!c)
            return NULL;
        inode__unmeta(v, inode__bytes(cur));
        *s = c;
        inode__unref(cur);
        cur = c;
    }
    if (cur->ino == 1)
        v->root = cur;
    return cur;
}

bool vfs__private(const vfs *v, const vfs_inode *n)
{
    if (!v->cow)
        return true;
    if (n->ino >> (VFS_TAB_BITS * v->levels))
        return false;
    const vfs_tnode *t = v->tab;
    for (int l = v->levels - 1;; l--) {
        if (!t || atomic_load_explicit(&t->refs, memory_order_acquire) != 1)
            return false;
        const void *s = t->slot[(n->ino >> (VFS_TAB_BITS * l)) & (VFS_TAB_FAN - 1)];
        if (l == 0)
            return s == n && atomic_load_explicit(&n->refs, memory_order_acquire) == 1;
        t = s;
    }
}

#ifndef NDEBUG
void vfs__check_private(vfs *v, const vfs_inode *n)
{
    if (!vfs__private(v, n))
        atomic_fetch_add_explicit(&inode__misses, 1, memory_order_relaxed);
}
#endif

/* counted: whiteouts are not inodes for the limit. */
vfs_inode *vfs__inode_new(vfs *v, uint32_t mode, bool counted)
{
    void **s = tab__slot(v, v->next_ino, true, false);
    if (!s)
        return NULL;
    vfs_inode *n = vfs__malloc(v, sizeof *n);
    if (!n)
        return NULL;
    memset(n, 0, sizeof *n);
    atomic_init(&n->refs, 1);
    atomic_fetch_add_explicit(&inode__live, 1, memory_order_relaxed);
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
    *s = n;
    if (counted)
        v->inodes_used++;
    return n;
}

void vfs__inode_destroy(vfs *v, vfs_inode *n)
{
    uint64_t ino = n->ino;
    void **s = tab__slot(v, ino, false, true);
    vfs_inode *cur = s ? *s : vfs__node(v, ino);
    if (!cur)
        return;
    if (S_ISREG(cur->mode))
        v->bytes_used = v->bytes_used >= cur->size ? v->bytes_used - cur->size : 0;
    if (cur->mode != 0 && v->inodes_used)
        v->inodes_used--;
    inode__unmeta(v, inode__bytes(cur));
    if (s) {
        *s = NULL;
        inode__unref(cur);
    }
    /* else (the host is out of memory): left unreachable in the table,
     * freed with the VFS */
}

void vfs__inode_put(vfs *v, vfs_inode *n)
{
    if (n->nlink == 0 && vfs__opens(v, n->ino) == 0)
        vfs__inode_destroy(v, n);
}

/* ------------------------------------------------------------ open counts */

uint32_t vfs__opens(const vfs *v, uint64_t ino)
{
    for (size_t i = 0; i < v->nopens; i++)
        if (v->opens[i].ino == ino)
            return v->opens[i].count;
    return 0;
}

int vfs__open_ref(vfs *v, uint64_t ino)
{
    for (size_t i = 0; i < v->nopens; i++)
        if (v->opens[i].ino == ino) {
            v->opens[i].count++;
            return 0;
        }
    if (v->nopens == v->capopens) {
        size_t nc = v->capopens ? v->capopens * 2 : 8;
        vfs_opencount *no = mem_realloc(v->heap, v->opens, sizeof *no * nc);
        if (!no)
            return -ENOMEM;
        v->opens = no;
        v->capopens = nc;
    }
    v->opens[v->nopens++] = (vfs_opencount){ .ino = ino, .count = 1 };
    return 0;
}

void vfs__open_unref(vfs *v, uint64_t ino)
{
    for (size_t i = 0; i < v->nopens; i++)
        if (v->opens[i].ino == ino) {
            if (--v->opens[i].count == 0)
                v->opens[i] = v->opens[--v->nopens];
            return;
        }
}

vfs_mount *vfs__mount(const vfs *v, uint32_t dev)
{
    if (!dev)
        return NULL;
    for (vfs_mount *m = v->mounts; m; m = m->next)
        if (m->dev == dev)
            return m;
    return NULL;
}

void vfs__touch_mc(vfs *v, vfs_inode *n)
{
    vfs__check_private(v, n);
    struct timespec now;
    vfs__now(v, &now);
    n->mtime = n->ctime = now;
}

void vfs__touch_c(vfs *v, vfs_inode *n)
{
    vfs__check_private(v, n);
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
    if (S_ISDIR(mode))
        dir->nlink++;
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
    n->u.link.target = vfs__mstrndup(v, target, strlen(target));
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
    v->levels = 1;
    v->tab = tab__new(v, false);
    v->root = v->tab ? vfs__inode_new(v, S_IFDIR | 0755, true) : NULL;
    if (!v->root) {
        vfs_free(v);
        return -ENOMEM;
    }
    v->root->uid = v->root->gid = 0;
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

/* Drops this VFS's reference on its table: inodes and nodes no other VFS
 * holds are freed, whatever the order VFSs and their forks go in. */
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
    tab__unref(v->tab, v->levels - 1);
    mem_free(v->heap, v->opens);
    if (v->capstubs)
        mem_free(v->heap, v->stubs);
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

/* The fork shares the parent's whole table (one reference on its top
 * node): no inode, entry or chunk is copied or even visited. Both VFSs
 * then copy an inode, and the table nodes above it, on their first change
 * to it (vfs__w). What is per VFS is copied: mounts (their host fds
 * duplicated), a command table of its own, and the open counts (the
 * fork has none, so the parent's unlinked files that are still open are
 * dropped from the fork's table: O(open files)). */
int vfs_fork(vfs *v, mem_heap *h, vfs **out)
{
    *out = NULL;
    vfs *c = mem_calloc(h, 1, sizeof *c);
    if (!c)
        return -ENOMEM;
    *c = *v;
    c->heap = h;
    c->tab = NULL;
    c->mounts = NULL;
    c->opens = NULL;
    c->nopens = c->capopens = 0;
    c->stubs = NULL;
    c->nstubs = c->capstubs = 0;
    int rc = 0;
    if (v->nstubs && !v->capstubs) { /* a borrowed table: share it */
        c->stubs = v->stubs;
        c->nstubs = v->nstubs;
    } else if (v->nstubs) {
        c->stubs = mem_alloc(h, sizeof *c->stubs * v->nstubs);
        if (!c->stubs) {
            rc = -ENOMEM;
            goto fail;
        }
        memcpy(c->stubs, v->stubs, sizeof *c->stubs * v->nstubs);
        c->nstubs = c->capstubs = v->nstubs;
    }
    /* mounts: dup the host fds, same order and device numbers */
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
    atomic_fetch_add_explicit(&v->tab->refs, 1, memory_order_relaxed);
    c->tab = v->tab;
    v->cow = c->cow = true;
    for (size_t i = 0; i < v->nopens; i++) {
        vfs_inode *n = vfs__node(v, v->opens[i].ino);
        if (n && n->nlink == 0)
            vfs__inode_destroy(c, n);
    }
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
