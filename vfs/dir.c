/*
 * Directory entries: an array plus, past a few entries, an open-addressing
 * hash index for lookups. The array is sorted lazily (on opendir) so that
 * creating many files stays O(1) each and listings come out in name order.
 * Also opendir/readdir, which merge an overlay's host directory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vfs/vfs_int.h"

#define DIR_INDEX_MIN 8   /* entries before an index is built */

static uint32_t dir__hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1;
}

/* The index: open addressing, each slot the entry's name hash in its high
 * half and its position in ents in the low half, so that probing compares
 * hashes without loading the entries (a cache miss each in a large
 * directory); DIR_EMPTY ends a probe, DIR_DEL is a removed entry. */
#define DIR_EMPTY UINT64_MAX
#define DIR_DEL (UINT64_MAX - 1)
#define DIR_SLOT(h, i) (((uint64_t)(h) << 32) | (uint32_t)(i))

static int dir__reindex(vfs *v, vfs_inode *d)
{
    uint32_t cap = 16;
    while (cap < d->u.dir.n * 2 + 2)
        cap *= 2;
    uint64_t *idx = vfs__malloc(v, sizeof *idx * cap);
    if (!idx)
        return -ENOMEM;
    for (uint32_t i = 0; i < cap; i++)
        idx[i] = DIR_EMPTY;
    for (uint32_t i = 0; i < d->u.dir.n; i++) {
        uint32_t h = d->u.dir.ents[i].hash;
        uint32_t j = h & (cap - 1);
        while (idx[j] != DIR_EMPTY)
            j = (j + 1) & (cap - 1);
        idx[j] = DIR_SLOT(h, i);
    }
    if (d->u.dir.idx)
        vfs__mfree(v, d->u.dir.idx, sizeof *idx * d->u.dir.idxcap);
    d->u.dir.idx = idx;
    d->u.dir.idxcap = cap;
    d->u.dir.idxused = d->u.dir.n;
    return 0;
}

/* Slot of the index holding the name, or -1. */
static int32_t dir__slot(vfs_inode *d, const char *name, size_t len, uint32_t h)
{
    uint32_t mask = d->u.dir.idxcap - 1;
    for (uint32_t j = h & mask;; j = (j + 1) & mask) {
        uint64_t k = d->u.dir.idx[j];
        if (k == DIR_EMPTY)
            return -1;
        if (k != DIR_DEL && (uint32_t)(k >> 32) == h) {
            vfs_dent *e = &d->u.dir.ents[(uint32_t)k];
            if (e->len == len && memcmp(e->name, name, len) == 0)
                return (int32_t)j;
        }
    }
}

vfs_dent *vfs__dir_lookup(vfs_inode *d, const char *name, size_t len)
{
    if (!S_ISDIR(d->mode))
        return NULL;
    uint32_t h = dir__hash(name, len);
    if (d->u.dir.idx) {
        int32_t s = dir__slot(d, name, len, h);
        return s < 0 ? NULL : &d->u.dir.ents[(uint32_t)d->u.dir.idx[s]];
    }
    for (uint32_t i = 0; i < d->u.dir.n; i++) {
        vfs_dent *e = &d->u.dir.ents[i];
        if (e->hash == h && e->len == len && memcmp(e->name, name, len) == 0)
            return e;
    }
    return NULL;
}

uint32_t vfs__dir_live(const vfs *v, const vfs_inode *d)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->u.dir.n; i++) {
        const vfs_inode *c = vfs__node(v, d->u.dir.ents[i].ino);
        if (c && c->mode != 0)
            n++;
    }
    return n;
}

void vfs__dent_set(vfs *v, vfs_inode *d, vfs_dent *e, vfs_inode *child)
{
    vfs__check_private(v, d);
    e->ino = child->ino;
}

int vfs__dir_add(vfs *v, vfs_inode *d, const char *name, size_t len, vfs_inode *child)
{
    vfs__check_private(v, d);
    if (d->u.dir.n == d->u.dir.cap) {
        uint32_t ncap = d->u.dir.cap ? d->u.dir.cap * 2 : 4;
        vfs_dent *ne = vfs__mrealloc(v, d->u.dir.ents, sizeof *ne * d->u.dir.cap,
                                     sizeof *ne * ncap);
        if (!ne)
            return -ENOMEM;
        d->u.dir.ents = ne;
        d->u.dir.cap = ncap;
    }
    char *nm = vfs__mstrndup(v, name, len);
    if (!nm)
        return -ENOMEM;
    uint32_t i = d->u.dir.n;
    vfs_dent *e = &d->u.dir.ents[i];
    e->name = nm;
    e->len = (uint32_t)len;
    e->hash = dir__hash(name, len);
    e->ino = child->ino;
    if (d->u.dir.idx && (d->u.dir.idxused + 1) * 2 >= d->u.dir.idxcap) {
        d->u.dir.n++;
        if (dir__reindex(v, d) < 0) {
            d->u.dir.n--;
            vfs__mfree(v, nm, len + 1);
            return -ENOMEM;
        }
    } else if (d->u.dir.idx) {
        uint32_t mask = d->u.dir.idxcap - 1;
        uint32_t j = e->hash & mask;
        while (d->u.dir.idx[j] < DIR_DEL)
            j = (j + 1) & mask;
        if (d->u.dir.idx[j] == DIR_EMPTY)
            d->u.dir.idxused++;
        d->u.dir.idx[j] = DIR_SLOT(e->hash, i);
        d->u.dir.n++;
    } else {
        d->u.dir.n++;
        if (d->u.dir.n > DIR_INDEX_MIN)
            (void)dir__reindex(v, d);   /* lookups stay linear if this fails */
    }
    if (i > 0 && d->u.dir.sorted) {
        vfs_dent *p = &d->u.dir.ents[i - 1];
        size_t m = p->len < len ? p->len : len;
        int c = memcmp(p->name, name, m);
        if (c > 0 || (c == 0 && p->len > len))
            d->u.dir.sorted = false;
    }
    if (child->mode != 0)
        d->size += VFS_DIRENT_SIZE;
    return 0;
}

void vfs__dir_remove(vfs *v, vfs_inode *d, vfs_dent *e)
{
    vfs__check_private(v, d);
    uint32_t i = (uint32_t)(e - d->u.dir.ents);
    uint32_t last = d->u.dir.n - 1;
    const vfs_inode *c = vfs__node(v, e->ino);
    if (c && c->mode != 0 && d->size >= 2 * VFS_DIRENT_SIZE + VFS_DIRENT_SIZE)
        d->size -= VFS_DIRENT_SIZE;
    if (d->u.dir.idx) {
        int32_t s = dir__slot(d, e->name, e->len, e->hash);
        if (s >= 0)
            d->u.dir.idx[s] = DIR_DEL;
        if (i != last) {
            vfs_dent *l = &d->u.dir.ents[last];
            int32_t ls = dir__slot(d, l->name, l->len, l->hash);
            if (ls >= 0)
                d->u.dir.idx[ls] = DIR_SLOT(l->hash, i);
        }
    }
    vfs__mfree(v, e->name, (size_t)e->len + 1);
    if (i != last) {
        d->u.dir.ents[i] = d->u.dir.ents[last];
        d->u.dir.sorted = false;
    }
    d->u.dir.n--;
}

static int dir__cmp(const void *a, const void *b)
{
    const vfs_dent *x = a, *y = b;
    size_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->name, y->name, m);
    if (c)
        return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

/* Sorts a private directory's entries in place, so that the next listing
 * finds them in order. */
static void dir__sort(vfs *v, vfs_inode *d)
{
    vfs__check_private(v, d);
    qsort(d->u.dir.ents, d->u.dir.n, sizeof(vfs_dent), dir__cmp);
    if (d->u.dir.idx && dir__reindex(v, d) < 0) {
        /* fall back to linear lookups */
        vfs__mfree(v, d->u.dir.idx, sizeof *d->u.dir.idx * d->u.dir.idxcap);
        d->u.dir.idx = NULL;
        d->u.dir.idxcap = d->u.dir.idxused = 0;
    }
    d->u.dir.sorted = true;
}

/* ------------------------------------------------------------ opendir */

typedef struct dir_item {
    char *name;
    uint64_t ino;
    uint32_t type;
} dir_item;

struct vfs_dir {
    vfs *v;
    dir_item *items;   /* a snapshot taken at opendir, sorted by name */
    size_t n, cap, pos;
};

static uint32_t dir__dtype(uint32_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return DT_REG;
    case S_IFDIR: return DT_DIR;
    case S_IFLNK: return DT_LNK;
    case S_IFCHR: return DT_CHR;
    case S_IFBLK: return DT_BLK;
    case S_IFIFO: return DT_FIFO;
    case S_IFSOCK: return DT_SOCK;
    }
    return DT_UNKNOWN;
}

static int dir__push(vfs_dir *d, const char *name, size_t len, uint64_t ino, uint32_t type)
{
    vfs *v = d->v;
    if (d->n == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 16;
        dir_item *ni = mem_realloc(v->heap, d->items, sizeof *ni * ncap);
        if (!ni)
            return -ENOMEM;
        d->items = ni;
        d->cap = ncap;
    }
    char *nm = mem_strndup(v->heap, name, len);
    if (!nm)
        return -ENOMEM;
    d->items[d->n++] = (dir_item){ .name = nm, .ino = ino, .type = type };
    return 0;
}

static int dir__item_cmp(const void *a, const void *b)
{
    return strcmp(((const dir_item *)a)->name, ((const dir_item *)b)->name);
}

/* Opens the directory at position p (borrowed) as a snapshot. */
static int dir__snapshot(vfs *v, vfs_pos *p, vfs_dir *d)
{
    int rc = 0;
    vfs_inode *mem = p->mem;
    bool unsorted = false;
    if (mem) {
        rc = vfs__stub_fill(v, &mem);
        p->mem = mem;
        if (rc)
            return rc;
        if (!mem->u.dir.sorted) {
            /* a directory shared with a fork is not changed by a listing:
             * the snapshot is sorted instead */
            if (vfs__private(v, mem))
                dir__sort(v, mem);
            else
                unsorted = true;
        }
        for (uint32_t i = 0; i < mem->u.dir.n && !rc; i++) {
            vfs_dent *e = &mem->u.dir.ents[i];
            const vfs_inode *c = vfs__node(v, e->ino);
            if (!c || c->mode == 0)
                continue;
            rc = dir__push(d, e->name, e->len, c->ino, dir__dtype(c->mode));
        }
    }
    if (!rc && unsorted && p->fd < 0)
        qsort(d->items, d->n, sizeof *d->items, dir__item_cmp);
    if (rc || p->fd < 0)
        return rc;
    int fd = openat(p->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    DIR *hd = fdopendir(fd);
    if (!hd) {
        rc = -errno;
        close(fd);
        return rc;
    }
    size_t nmem = d->n;
    struct dirent *de;
    while (!rc && (errno = 0, de = readdir(hd)) != NULL) {
        if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
            continue;
        size_t len = strlen(de->d_name);
        if (mem && vfs__dir_lookup(mem, de->d_name, len))
            continue;   /* shadowed by the upper layer, or whited out */
        uint32_t type = de->d_type;
        if (type == DT_UNKNOWN) {
            struct stat st;
            if (fstatat(p->fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                type = dir__dtype(st.st_mode);
        }
        rc = dir__push(d, de->d_name, len, de->d_ino, type);
    }
    closedir(hd);
    if (!rc && (nmem || d->n != nmem))
        qsort(d->items, d->n, sizeof *d->items, dir__item_cmp);
    return rc;
}

void vfs_closedir(vfs_dir *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        mem_free(d->v->heap, d->items[i].name);
    mem_free(d->v->heap, d->items);
    mem_free(d->v->heap, d);
}

int vfs_opendir(vfs *v, const char *path, vfs_dir **out)
{
    *out = NULL;
    vfs_loc l;
    int rc = vfs__resolve(v, path, VFS_R_FOLLOW, &l);
    if (rc)
        goto done;
    if (!S_ISDIR(vfs__ent_mode(&l.e))) {
        rc = -ENOTDIR;
        goto done;
    }
    vfs_pos p = { .mem = v->root, .m = NULL, .fd = -1 };
    if (l.dot != VFS_DOT_ROOT) {
        rc = vfs__enter(v, vfs__loc_dir(&l), &l.e, l.name, &p);
        if (rc)
            goto done;
    }
    if (p.mem)
        rc = vfs__perm_node(v, p.mem, R_OK);
    else
        rc = vfs__perm(v, l.e.hst.st_mode, v->uid, v->gid, R_OK);
    vfs_dir *d = NULL;
    if (!rc) {
        d = mem_calloc(v->heap, 1, sizeof *d);
        if (!d)
            rc = -ENOMEM;
    }
    if (!rc) {
        d->v = v;
        rc = dir__snapshot(v, &p, d);
        if (rc)
            vfs_closedir(d);
        else
            *out = d;
    }
    if (p.fd >= 0)
        close(p.fd);
done:
    vfs__loc_done(v, &l);
    return rc;
}

int vfs_readdir(vfs_dir *d, vfs_dirent *ent)
{
    if (d->pos >= d->n)
        return 0;
    dir_item *it = &d->items[d->pos++];
    ent->name = it->name;
    ent->ino = it->ino;
    ent->type = it->type;
    return 1;
}

int vfs__dir_count(vfs *v, vfs_pos *dir, vfs_ent *e, const char *name, size_t *count)
{
    *count = 0;
    if (e->node && !dir->m && !e->node->u.dir.mount) {
        int rc = vfs__stub_fill(v, &e->node);
        if (rc)
            return rc;
        *count = vfs__dir_live(v, e->node);
        return 0;
    }
    vfs_pos p;
    int rc = vfs__enter(v, dir, e, name, &p);
    if (rc)
        return rc;
    vfs_dir d = { .v = v };
    rc = dir__snapshot(v, &p, &d);
    if (p.fd >= 0)
        close(p.fd);
    *count = d.n;
    for (size_t i = 0; i < d.n; i++)
        mem_free(v->heap, d.items[i].name);
    mem_free(v->heap, d.items);
    return rc;
}
