/*
 * File data: an array of reference-counted 64 KiB chunks (mem_shared, atomic
 * counts) so that a forked VFS shares them; a write copies a shared chunk
 * first. A file's last chunk is allocated at the size it needs (powers of
 * two) so small files stay small. NULL chunks are holes (zeros).
 */
#include <errno.h>
#include <string.h>
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "vfs/vfs_int.h"

/* Chunks alive in the process (all VFSes): a leak check for tests. */
static _Atomic uint64_t data__live;

uint64_t vfs_chunks_live(void)
{
    return atomic_load_explicit(&data__live, memory_order_relaxed);
}

static vfs_chunk *data__chunk_new(uint32_t cap)
{
    /* past a few MiB of file data in the process, chunks come from the
     * huge-page region (see mem_shared_bulk_alloc); small sessions and
     * short runs never touch it */
    bool bulk = atomic_load_explicit(&data__live, memory_order_relaxed) > 1024;
    vfs_chunk *c;
    if (cap >= VFS_CHUNK_SPLIT) {
        c = mem_shared_alloc(sizeof *c);
        if (!c)
            return NULL;
        c->data = bulk ? mem_shared_bulk_alloc(cap) : mem_shared_alloc(cap);
        if (!c->data) {
            mem_shared_free(c);
            return NULL;
        }
    } else {
        c = bulk ? mem_shared_bulk_alloc(sizeof *c + cap) : mem_shared_alloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->data = c->inl;
    }
    atomic_fetch_add_explicit(&data__live, 1, memory_order_relaxed);
    atomic_init(&c->refs, 1);
    c->cap = cap;
    return c;   /* data not zeroed: data__own writes or zeroes every byte */
}

void vfs__chunk_unref(vfs_chunk *c)
{
    if (c && atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) == 1) {
        if (c->data != c->inl)
            mem_shared_free(c->data);
        mem_shared_free(c);
        atomic_fetch_sub_explicit(&data__live, 1, memory_order_relaxed);
    }
}

static uint32_t data__round(uint64_t need)
{
    uint64_t cap = 64;
    while (cap < need)
        cap *= 2;
    return cap > VFS_CHUNK_SIZE ? (uint32_t)VFS_CHUNK_SIZE : (uint32_t)cap;
}

/* Makes chunk slot i private to n with room for `need` bytes. The caller
 * is about to overwrite bytes [lo, need) of the chunk: a new chunk leaves
 * them as they come (they are not zeroed only to be overwritten: for a
 * small file, zeroing cost as much as the copy). lo = need: nothing. */
static int data__own(vfs_inode *n, size_t i, uint64_t need, uint64_t lo)
{
    vfs_chunk *c = n->u.file.chunks[i];
    if (c && atomic_load_explicit(&c->refs, memory_order_acquire) == 1 && c->cap >= need)
        return 0;
    uint32_t cap = data__round(need);
    if (c && c->cap > cap)
        cap = c->cap;
    vfs_chunk *nc = data__chunk_new(cap);
    if (!nc)
        return -ENOMEM;
    if (c) {
        memcpy(nc->data, c->data, c->cap);
        if (cap > c->cap)
            memset(nc->data + c->cap, 0, cap - c->cap);
        vfs__chunk_unref(c);
    } else {
        if (lo > need)
            lo = need;
        memset(nc->data, 0, (size_t)lo);
        memset(nc->data + need, 0, cap - (size_t)need);
    }
    n->u.file.chunks[i] = nc;
    return 0;
}

static int data__slots(vfs *v, vfs_inode *n, size_t want)
{
    if (want <= n->u.file.cap) {
        for (size_t i = n->u.file.nchunks; i < want; i++)
            n->u.file.chunks[i] = NULL;
        if (want > n->u.file.nchunks)
            n->u.file.nchunks = want;
        return 0;
    }
    size_t ncap = n->u.file.cap ? n->u.file.cap : 1;
    while (ncap < want)
        ncap *= 2;
    vfs_chunk **nc = vfs__mrealloc(v, n->u.file.chunks, sizeof *nc * n->u.file.cap,
                                   sizeof *nc * ncap);
    if (!nc)
        return -ENOMEM;
    for (size_t i = n->u.file.nchunks; i < want; i++)
        nc[i] = NULL;
    n->u.file.chunks = nc;
    n->u.file.cap = ncap;
    n->u.file.nchunks = want;
    return 0;
}

ssize_t vfs__data_read(vfs_inode *n, void *buf, size_t len, uint64_t off)
{
    if (off >= n->size)
        return 0;
    if (len > n->size - off)
        len = (size_t)(n->size - off);
    unsigned char *out = buf;
    size_t done = 0;
    while (done < len) {
        uint64_t pos = off + done;
        size_t i = (size_t)(pos >> VFS_CHUNK_SHIFT);
        uint32_t in = (uint32_t)(pos & (VFS_CHUNK_SIZE - 1));
        size_t take = (size_t)(VFS_CHUNK_SIZE - in);
        if (take > len - done)
            take = len - done;
        vfs_chunk *c = i < n->u.file.nchunks ? n->u.file.chunks[i] : NULL;
        size_t have = 0;
        if (c && in < c->cap) {
            have = c->cap - in;
            if (have > take)
                have = take;
            memcpy(out + done, c->data + in, have);
        }
        if (have < take)
            memset(out + done + have, 0, take - have);
        done += take;
    }
    return (ssize_t)len;
}

static void data__account(vfs *v, vfs_inode *n, uint64_t nsize)
{
    v->bytes_used = v->bytes_used - n->size + nsize;
    n->size = nsize;
}

ssize_t vfs__data_write(vfs *v, vfs_inode *n, const void *buf, size_t len, uint64_t off)
{
    if (len == 0)
        return 0;
    vfs__check_private(v, n);
    uint64_t end = off + len;
    if (end < off)
        return vfs__limit(v, -EFBIG, "file size limit");
    if (v->lim.max_file_bytes && end > v->lim.max_file_bytes)
        return vfs__limit(v, -EFBIG, "file size limit");
    uint64_t nsize = end > n->size ? end : n->size;
    if (v->lim.max_total_bytes && nsize > n->size
        && v->bytes_used + (nsize - n->size) > v->lim.max_total_bytes)
        return vfs__limit(v, -ENOSPC, "total bytes limit");
    size_t first = (size_t)(off >> VFS_CHUNK_SHIFT);
    size_t last = (size_t)((end - 1) >> VFS_CHUNK_SHIFT);
    size_t oldn = n->u.file.nchunks;
    int rc = data__slots(v, n, last + 1 > oldn ? last + 1 : oldn);
    if (rc)
        return rc;
    /* phase 1: every chunk touched becomes private and big enough */
    for (size_t i = first; i <= last; i++) {
        uint64_t cend = (uint64_t)(i + 1) << VFS_CHUNK_SHIFT;
        uint64_t upto = end < cend ? end : cend;
        uint64_t base = (uint64_t)i << VFS_CHUNK_SHIFT;
        /* a write within one chunk may leave the bytes it writes unzeroed:
         * nothing can fail after. Across chunks, a later failure would
         * leave the earlier new chunks holding garbage past the size, so
         * they are zeroed whole. */
        uint64_t lo = first == last && off > base ? off - base : 0;
        rc = data__own(n, i, upto - base, first == last ? lo : upto - base);
        if (rc)
            return rc;   /* extra hole slots and private copies change no byte */
    }
    /* phase 2: copy */
    const unsigned char *in = buf;
    size_t done = 0;
    while (done < len) {
        uint64_t pos = off + done;
        size_t i = (size_t)(pos >> VFS_CHUNK_SHIFT);
        uint32_t at = (uint32_t)(pos & (VFS_CHUNK_SIZE - 1));
        size_t take = (size_t)(VFS_CHUNK_SIZE - at);
        if (take > len - done)
            take = len - done;
        memcpy(n->u.file.chunks[i]->data + at, in + done, take);
        done += take;
    }
    data__account(v, n, nsize);
    return (ssize_t)len;
}

int vfs__data_truncate(vfs *v, vfs_inode *n, uint64_t len)
{
    vfs__check_private(v, n);
    if (len == n->size)
        return 0;
    if (len > n->size) {
        if (v->lim.max_file_bytes && len > v->lim.max_file_bytes)
            return vfs__limit(v, -EFBIG, "file size limit");
        if (v->lim.max_total_bytes && v->bytes_used + (len - n->size) > v->lim.max_total_bytes)
            return vfs__limit(v, -ENOSPC, "total bytes limit");
        /* slots past nchunks are holes: nothing to allocate */
        data__account(v, n, len);
        return 0;
    }
    /* shrink: drop whole chunks past the end, zero the tail of the last */
    size_t keep = (size_t)((len + VFS_CHUNK_SIZE - 1) >> VFS_CHUNK_SHIFT);
    uint32_t tail = (uint32_t)(len & (VFS_CHUNK_SIZE - 1));
    if (tail && keep > 0 && keep <= n->u.file.nchunks) {
        vfs_chunk *c = n->u.file.chunks[keep - 1];
        if (c && tail < c->cap) {
            if (atomic_load_explicit(&c->refs, memory_order_acquire) != 1) {
                int rc = data__own(n, keep - 1, tail, tail);
                if (rc)
                    return rc;
                c = n->u.file.chunks[keep - 1];
            }
            memset(c->data + tail, 0, c->cap - tail);
        }
    }
    for (size_t i = keep; i < n->u.file.nchunks; i++) {
        vfs__chunk_unref(n->u.file.chunks[i]);
        n->u.file.chunks[i] = NULL;
    }
    if (keep < n->u.file.nchunks)
        n->u.file.nchunks = keep;
    data__account(v, n, len);
    return 0;
}

int vfs__data_hash(vfs_inode *n, uint64_t *out)
{
    static const unsigned char zeros[4096];
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    uint64_t left = n->size;
    for (size_t i = 0; left > 0; i++) {
        uint64_t span = left < VFS_CHUNK_SIZE ? left : VFS_CHUNK_SIZE;
        vfs_chunk *c = i < n->u.file.nchunks ? n->u.file.chunks[i] : NULL;
        uint64_t have = 0;
        if (c) {
            have = c->cap < span ? c->cap : span;
            XXH3_64bits_update(&st, c->data, (size_t)have);
        }
        for (uint64_t z = have; z < span;) {
            size_t k = span - z < sizeof zeros ? (size_t)(span - z) : sizeof zeros;
            XXH3_64bits_update(&st, zeros, k);
            z += k;
        }
        left -= span;
    }
    *out = XXH3_64bits_digest(&st);
    return 0;
}
