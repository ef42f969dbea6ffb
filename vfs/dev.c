/*
 * Character devices of the memory filesystem (/dev/null, zero, full,
 * random/urandom, tty) and the per-VFS random generator behind
 * /dev/urandom: xoshiro256** seeded through splitmix64, so vfs_set_seed
 * makes every read reproducible.
 */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "vfs/vfs_int.h"

static uint64_t dev__splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void vfs__rng_seed(vfs *v, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        v->rng[i] = dev__splitmix(&x);
    v->rng_seeded = true;
}

static inline uint64_t dev__rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t vfs__rng_next(vfs *v)
{
    if (!v->rng_seeded) {
        uint64_t seed = 0;
        if (getrandom(&seed, sizeof seed, GRND_NONBLOCK) != sizeof seed) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^ (uintptr_t)v;
        }
        vfs__rng_seed(v, seed);
    }
    uint64_t *s = v->rng;
    uint64_t r = dev__rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = dev__rotl(s[3], 45);
    return r;
}

void vfs_set_seed(vfs *v, uint64_t seed)
{
    vfs__rng_seed(v, seed);
}

ssize_t vfs__dev_read(vfs *v, vfs_inode *n, void *buf, size_t len)
{
    unsigned char *p = buf;
    switch (n->u.dev.kind) {
    case VFS_DEV_NULL:
        return 0;
    case VFS_DEV_ZERO:
    case VFS_DEV_FULL:
        memset(buf, 0, len);
        return (ssize_t)len;
    case VFS_DEV_RANDOM:
        for (size_t i = 0; i < len; i += 8) {
            uint64_t r = vfs__rng_next(v);
            size_t k = len - i < 8 ? len - i : 8;
            memcpy(p + i, &r, k);
        }
        return (ssize_t)len;
    case VFS_DEV_TTY:
        return -ENXIO;
    }
    return -ENXIO;
}

ssize_t vfs__dev_write(vfs *v, vfs_inode *n, const void *buf, size_t len)
{
    (void)v;
    (void)buf;
    switch (n->u.dev.kind) {
    case VFS_DEV_NULL:
    case VFS_DEV_ZERO:
    case VFS_DEV_RANDOM:
        return (ssize_t)len;
    case VFS_DEV_FULL:
        return len ? -ENOSPC : 0;
    case VFS_DEV_TTY:
        return -ENXIO;
    }
    return -ENXIO;
}
