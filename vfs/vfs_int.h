/*
 * Private structures of the VFS (see docs/vfs.md for the design).
 *
 * Inodes (with their entry arrays, names, indexes, chunk arrays and link
 * targets) and file data chunks come from mem_shared_* and carry atomic
 * reference counts: a forked VFS (possibly on another thread) shares all of
 * them until one side changes one. Directory entries name inodes by number;
 * each VFS maps numbers to inodes through a persistent radix trie (the
 * "table") whose nodes are shared the same way. Every change to an inode
 * goes through vfs__w, which gives the VFS its own copy first.
 */
#ifndef VB_VFS_VFS_INT_H
#define VB_VFS_VFS_INT_H

#include <stdatomic.h>
#include <sys/stat.h>

#include "vfs/vfs.h"

#define VFS_CHUNK_SHIFT 16
#define VFS_CHUNK_SIZE ((uint64_t)1 << VFS_CHUNK_SHIFT) /* 64 KiB */
#define VFS_SYMLOOP_MAX 40
#define VFS_DIRENT_SIZE 20 /* bytes a directory grows per entry, as tmpfs */

/* A piece of file data: bytes [i*64K, i*64K+cap) of a file. Bytes past the
 * end of the file are always zero; bytes past cap read as zero. Below
 * VFS_CHUNK_SPLIT bytes the data follows the header in one block; from
 * there on it is a block of its own of exactly cap bytes (a power of two,
 * so that no allocator size class rounds 4 KiB + header up to 5 KiB). */
#define VFS_CHUNK_SPLIT 4096u
typedef struct vfs_chunk {
    _Atomic uint32_t refs;
    uint32_t cap;
    unsigned char *data;     /* inl, or a separate block when cap >= VFS_CHUNK_SPLIT */
    unsigned char inl[];
} vfs_chunk;

struct vfs_inode;
struct vfs_mount;

typedef struct vfs_dent {
    char *name;              /* owned (shared memory, len + 1 bytes) */
    uint32_t len;
    uint32_t hash;
    uint64_t ino;            /* a whiteout's inode has mode == 0 */
} vfs_dent;

enum vfs_devkind {
    VFS_DEV_NONE, VFS_DEV_NULL, VFS_DEV_ZERO, VFS_DEV_FULL, VFS_DEV_RANDOM,
    VFS_DEV_TTY,
};

/* An inode is shared by every VFS whose table holds it (refs counts the
 * table slots, over all VFSs): it is only ever changed while refs == 1
 * and the table path to it is private to the changing VFS (vfs__w). */
typedef struct vfs_inode {
    _Atomic uint32_t refs;
    uint32_t mode;                   /* 0: an overlay whiteout */
    uint64_t ino;
    uint32_t uid, gid;
    uint32_t nlink;
    uint32_t rdev;
    uint64_t size;
    struct timespec atime, mtime, ctime, btime;
    union {
        struct {
            vfs_chunk **chunks;      /* heap array; NULL entries are holes */
            size_t nchunks;          /* slots in use (covering size) */
            size_t cap;              /* slots allocated */
        } file;
        struct {
            vfs_dent *ents;          /* unsorted; index gives name lookup */
            uint32_t n, cap;
            uint64_t *idx;           /* open addressing: hash << 32 | entry, see dir.c */
            uint32_t idxcap, idxused;
            bool sorted;
            bool opaque;             /* overlay: hides the host directory below */
            bool stubs;              /* /bin, /usr/bin: command stubs appear on lookup */
            uint32_t mount;          /* dev of the host mount here (vfs__mount), or 0 */
        } dir;
        struct {
            char *target;            /* owned (shared memory) */
        } link;
        struct {
            int kind;                /* enum vfs_devkind */
        } dev;
    } u;
} vfs_inode;

enum { VFS_MOUNT_RO = 0, VFS_MOUNT_RW = 1, VFS_MOUNT_OVERLAY = 2 };

typedef struct vfs_mount {
    struct vfs_mount *next;
    int rootfd;                /* O_PATH|O_DIRECTORY fd of the host directory */
    int mode;                  /* VFS_MOUNT_* */
    uint64_t dev;              /* st_dev reported for its files */
    char *host_dir;            /* owned (heap) */
} vfs_mount;

/* The table: inode number -> inode, a radix trie of VFS_TAB_FAN slots per
 * node; slots of the bottom level hold inodes, the others nodes. A node is
 * shared by every table (VFS or parent node) that holds it (refs) and is
 * copied before a change when refs > 1. */
#define VFS_TAB_BITS 6
#define VFS_TAB_FAN (1u << VFS_TAB_BITS)
typedef struct vfs_tnode {
    _Atomic uint32_t refs;
    void *slot[VFS_TAB_FAN];
} vfs_tnode;

/* An open count per inode number (an unlinked file lives while open). */
typedef struct vfs_open {
    uint64_t ino;
    uint32_t count;
} vfs_opencount;

struct vfs {
    mem_heap *heap;            /* borrowed */
    vfs_limits lim;
    uint32_t uid, gid;
    vfs_inode *root;           /* inode 1: kept current by vfs__w */
    vfs_tnode *tab;            /* the table (never NULL once made) */
    int levels;                /* its height: numbers below 64^levels */
    bool cow;                  /* forked or a fork: inodes may be shared */
    uint64_t meta_bytes;       /* metadata this VFS holds (shared or not) */
    vfs_opencount *opens;      /* heap */
    size_t nopens, capopens;
    uint64_t next_ino;
    uint64_t bytes_used;
    uint64_t inodes_used;
    vfs_clock_fn clock;
    void *clock_ctx;
    uint64_t rng[4];
    bool rng_seeded;           /* seeded from the host on first use unless vfs_set_seed */
    const char **stubs;        /* command names (borrowed static strings), see stub.c */
    size_t nstubs, capstubs;
    bool stubs_sorted;
    const char *last_limit;
    vfs_mount *mounts;
    uint64_t next_dev;
    int has_openat2;           /* -1 unknown, 0 no, 1 yes */
};

/* A position in the namespace: a memory directory/inode, a host object
 * (fd, owned by whoever holds the position) or, in an overlay, both. */
typedef struct vfs_pos {
    vfs_inode *mem;            /* may be NULL */
    vfs_mount *m;              /* NULL outside a mount */
    int fd;                    /* host O_PATH fd or -1 */
} vfs_pos;

/* One directory on the way from "/" to where a walk stands. */
typedef struct vfs_frame {
    vfs_pos pos;
    uint32_t noff, nlen;       /* its name in the walk's name buffer */
} vfs_frame;

/* The chain of directories of a walk: fr[0] is "/", fr[depth] the current
 * directory. ".." pops a frame, so it can never climb above "/" and it
 * leaves a host mount through the frame of the mount point's parent. */
typedef struct vfs_walk {
    vfs_frame *fr;
    int depth, cap;
    char *names;
    size_t nused, ncap;
    vfs_frame inl[12];
    char ninl[256];
} vfs_walk;

/* What a name refers to. */
typedef struct vfs_ent {
    bool exists;
    vfs_inode *node;           /* memory object; NULL for a host object */
    bool host;                 /* host object: lstat(hfd/hname) is hst */
    int hfd;                   /* borrowed: a frame's fd or a mount's rootfd */
    const char *hname;         /* borrowed; "." for a mount root */
    bool mroot;                /* the root of a ro/rw mount (hfd is its rootfd) */
    vfs_mount *m;
    struct stat hst;
} vfs_ent;

/* Result of resolving a path to its last component. */
typedef struct vfs_loc {
    vfs_walk w;                /* w.fr[w.depth] is the parent directory */
    const char *name;          /* last component (borrowed from path or buf) */
    size_t namelen;
    int dot;                   /* VFS_DOT_* : the last component was not a plain name */
    bool slash;                /* the path ended with '/' */
    vfs_ent e;
    char *buf;                 /* heap: the path after symlink expansion */
    char nbuf[256];            /* name copy for "." targets */
} vfs_loc;

enum { VFS_DOT_NONE = 0, VFS_DOT_DOT, VFS_DOT_DOTDOT, VFS_DOT_ROOT };

enum {
    VFS_R_FOLLOW = 1 << 0,     /* follow a trailing symlink */
    VFS_R_CREATE = 1 << 1,     /* a missing last component is fine */
    VFS_R_PARENT = 1 << 2,     /* a name to create or remove: a trailing '/'
                                * neither follows a symlink nor requires a
                                * directory (the operation decides) */
};

/* inode.c */
/* Metadata blocks (inodes, entry arrays, names, index and chunk arrays, link
 * targets) come from shared memory through these, which count them in
 * v->meta_bytes and refuse (NULL) past the session's memory cap. */
void *vfs__malloc(vfs *v, size_t n);
void vfs__mfree(vfs *v, void *p, size_t n);
void *vfs__mrealloc(vfs *v, void *p, size_t old, size_t n);
char *vfs__mstrndup(vfs *v, const char *s, size_t n);
void vfs__now(vfs *v, struct timespec *ts);
/* The inode numbered ino in this VFS, or NULL. Never copies. */
static inline vfs_inode *vfs__node(const vfs *v, uint64_t ino)
{
    if (ino >> (VFS_TAB_BITS * v->levels))
        return NULL;
    const vfs_tnode *t = v->tab;
    for (int l = v->levels - 1; l > 0; l--) {
        t = t->slot[(ino >> (VFS_TAB_BITS * l)) & (VFS_TAB_FAN - 1)];
        if (!t)
            return NULL;
    }
    return t->slot[ino & (VFS_TAB_FAN - 1)];
}
/* The inode n (or the current one of its number, if n is an older
 * version) made private to v: itself when v alone holds it, else a copy
 * put in the table in its place. NULL when out of memory (nothing
 * changed). Every change to an inode goes through it first. */
vfs_inode *vfs__w_slow(vfs *v, vfs_inode *n);
static inline vfs_inode *vfs__w(vfs *v, vfs_inode *n)
{
    return v->cow ? vfs__w_slow(v, n) : n;
}
/* Is n this VFS's own (no other VFS holds it or a table node above it)? */
bool vfs__private(const vfs *v, const vfs_inode *n);
/* Debug builds count inodes changed without vfs__w (vfs_cow_misses). */
#ifndef NDEBUG
void vfs__check_private(vfs *v, const vfs_inode *n);
#else
static inline void vfs__check_private(vfs *v, const vfs_inode *n) { (void)v; (void)n; }
#endif
vfs_inode *vfs__inode_new(vfs *v, uint32_t mode, bool counted);
/* Removes n when nlink == 0 and no handle of this VFS has it open. */
void vfs__inode_put(vfs *v, vfs_inode *n);
/* Removes n from this VFS (its table slot), freeing it if no other VFS
 * holds it. */
void vfs__inode_destroy(vfs *v, vfs_inode *n);
uint32_t vfs__opens(const vfs *v, uint64_t ino);
int vfs__open_ref(vfs *v, uint64_t ino);
void vfs__open_unref(vfs *v, uint64_t ino);
vfs_mount *vfs__mount(const vfs *v, uint32_t dev);
int vfs__check_inode_limit(vfs *v);
void vfs__touch_mc(vfs *v, vfs_inode *n);        /* mtime = ctime = now */
void vfs__touch_c(vfs *v, vfs_inode *n);
int vfs__limit(vfs *v, int err, const char *which);
void vfs__chunk_unref(vfs_chunk *c);

/* data.c (the inode given to a change must be private: vfs__w) */
ssize_t vfs__data_read(vfs_inode *n, void *buf, size_t len, uint64_t off);
ssize_t vfs__data_write(vfs *v, vfs_inode *n, const void *buf, size_t len, uint64_t off);
int vfs__data_truncate(vfs *v, vfs_inode *n, uint64_t len);
int vfs__data_hash(vfs_inode *n, uint64_t *out);

/* dir.c (the directory given to a change must be private: vfs__w) */
vfs_dent *vfs__dir_lookup(vfs_inode *d, const char *name, size_t len);
int vfs__dir_add(vfs *v, vfs_inode *d, const char *name, size_t len, vfs_inode *child);
void vfs__dir_remove(vfs *v, vfs_inode *d, vfs_dent *e);
/* Entry e of private directory d names `child` now (whiteouts in place). */
void vfs__dent_set(vfs *v, vfs_inode *d, vfs_dent *e, vfs_inode *child);
uint32_t vfs__dir_live(const vfs *v, const vfs_inode *d);   /* entries that are not whiteouts */
/* Entries (merged with an overlay's host directory) of directory entry e. */
int vfs__dir_count(vfs *v, vfs_pos *dir, vfs_ent *e, const char *name, size_t *count);

/* path.c */
int vfs__resolve(vfs *v, const char *path, int flags, vfs_loc *loc);
void vfs__loc_done(vfs *v, vfs_loc *loc);
static inline vfs_pos *vfs__loc_dir(vfs_loc *l) { return &l->w.fr[l->w.depth].pos; }
int vfs__lookup(vfs *v, vfs_pos *dir, const char *name, size_t len, vfs_ent *e);
int vfs__walk_push(vfs *v, vfs_walk *w, vfs_pos pos, const char *name, size_t len);
void vfs__walk_pop(vfs_walk *w);
void vfs__walk_init(vfs *v, vfs_walk *w);
void vfs__walk_done(vfs *v, vfs_walk *w);
/* Enters directory e (found in dir) : *out gets a position with its own fd. */
int vfs__enter(vfs *v, vfs_pos *dir, vfs_ent *e, const char *name, vfs_pos *out);
int vfs__ent_stat(vfs *v, vfs_ent *e, vfs_stat_t *st);
uint32_t vfs__ent_mode(const vfs_ent *e);
int vfs__perm(vfs *v, uint32_t mode, uint32_t uid, uint32_t gid, int want);
int vfs__perm_node(vfs *v, vfs_inode *n, int want);
int vfs__perm_pos(vfs *v, vfs_pos *p, int want);

/* ops.c */
/* The memory directory where a change at l's parent happens: EROFS on a
 * read-only mount, NULL (*dir) for a read-write host directory, the upper
 * directory (created on demand) in an overlay. Checks write+search. */
int vfs__wdir(vfs *v, vfs_loc *l, vfs_inode **dir);
/* Creates l->name in dir (replacing an overlay whiteout), parent times. */
int vfs__create(vfs *v, vfs_loc *l, vfs_inode *dir, uint32_t mode, vfs_inode **out);
/* Does the host layer below an overlay directory position hold `name`? */
bool vfs__lower_has(vfs_pos *p, const char *name);
/* Adds a whiteout for name in upper directory dir. */
int vfs__whiteout(vfs *v, vfs_inode *dir, const char *name, size_t len);

/* dev.c */
uint64_t vfs__rng_next(vfs *v);
void vfs__rng_seed(vfs *v, uint64_t seed);
ssize_t vfs__dev_read(vfs *v, vfs_inode *n, void *buf, size_t len);
ssize_t vfs__dev_write(vfs *v, vfs_inode *n, const void *buf, size_t len);

/* stub.c: command placeholders materialised on first lookup / listing;
 * *dir becomes the directory's private version when one is made. */
vfs_dent *vfs__stub_lookup(vfs *v, vfs_inode **dir, const char *name, size_t len);
int vfs__stub_fill(vfs *v, vfs_inode **dir);
/* Does removing `name` from memory directory dir need a whiteout, so that
 * a host file (overlay) or a command stub does not show through again? */
bool vfs__needs_whiteout(vfs *v, vfs_pos *p, vfs_inode *dir, const char *name, size_t len);

/* host.c */
void vfs__host_stat(vfs *v, vfs_mount *m, const struct stat *hs, vfs_stat_t *st);
/* Overlay: the upper directory of the walk's current directory, created
 * (with its parents) from the host's metadata when missing. */
int vfs__upper(vfs *v, vfs_walk *w, vfs_inode **out);
/* Overlay: copies the host object l->e into memory; l->e becomes it. */
int vfs__copyup(vfs *v, vfs_loc *l);
int vfs__host_readlink(int dfd, const char *name, char *buf, size_t cap);

#endif
