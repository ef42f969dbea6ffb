/*
 * libFuzzer target for VFS operation sequences through the public API
 * (include/vbash/vfs.h): each input byte pair picks an operation and its
 * paths among a small set below /w (so operations collide: files become
 * directories, symlinks point at each other, loops form). After each
 * successful operation its effect is checked: a written file reads back
 * the same bytes, a made directory is one, a removed path is gone, a
 * renamed one is at its new name and gone from its old one (unless both
 * names were one file), readdir lists names in order and each one stats.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char *const fz_paths[] = {
    "/w/a", "/w/b", "/w/a/b", "/w/a/c", "/w/b/a", "/w/l", "/w/l/a", "/w/a/b/c",
    "/w/.", "/w/a/..", "/w/l/../b", "/w", "/w/c", "/w/l/l", "/w/a/l", "/tmp",
};

static const char *const fz_targets[] = {
    "a", "/w/b", "..", "l", "/w/l/a", "b/../a", ".", "/w/a/b",
};

#define FZ_PATH(x) fz_paths[(x) & 15]

static void fz_check(int ok)
{
    if (!ok)
        __builtin_trap();
}

static void fz_readdir(vb_session *s, const char *p)
{
    vb_vfs_entry *e = NULL;
    size_t n = 0;
    if (vb_vfs_readdir(s, p, &e, &n) != VB_OK)
        return;
    fz_check(e != NULL);
    for (size_t i = 0; i < n; i++) {
        fz_check(strcmp(e[i].name, ".") != 0 && strcmp(e[i].name, "..") != 0);
        fz_check(e[i].name[0] && !strchr(e[i].name, '/'));
        if (i)
            fz_check(strcmp(e[i - 1].name, e[i].name) < 0);
    }
    vb_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 2048)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    (void)vb_vfs_mkdir(s, "/w", 0755, false);
    for (size_t i = 0; i + 1 < size; i += 2) {
        uint8_t op = data[i] >> 4, a = data[i] & 15, b = data[i + 1];
        const char *p = FZ_PATH(a), *q = FZ_PATH(b >> 4);
        vb_vfs_info st, st2;
        vb_bytes r = { 0 };
        switch (op % 10) {
        case 0: { /* write b bytes of a known pattern */
            char buf[256];
            for (int k = 0; k < b; k++)
                buf[k] = (char)(k * 7 + a);
            if (vb_vfs_write_file(s, p, buf, b) == VB_OK) {
                fz_check(vb_vfs_read_file(s, p, &r) == VB_OK);
                fz_check(r.len == b && memcmp(r.data, buf, b) == 0 && r.data[b] == 0);
                vb_free(r.data);
            }
            break;
        }
        case 1:
            if (vb_vfs_read_file(s, p, &r) == VB_OK) {
                fz_check(vb_vfs_stat(s, p, true, &st) == VB_OK && st.size == r.len);
                vb_free(r.data);
            } else {
                fz_check(r.data == NULL && r.len == 0);
            }
            break;
        case 2:
            if (vb_vfs_mkdir(s, p, 0755, b & 1) == VB_OK) {
                fz_check(vb_vfs_stat(s, p, true, &st) == VB_OK);
                fz_check((st.mode & 0170000) == 0040000);
            }
            break;
        case 3:
            if (vb_vfs_remove(s, p, b & 1) == VB_OK)
                fz_check(vb_vfs_stat(s, p, false, &st) == VB_ENOENT);
            break;
        case 4: {
            int same = vb_vfs_stat(s, p, false, &st) == VB_OK &&
                       vb_vfs_stat(s, q, false, &st2) == VB_OK && st.ino == st2.ino;
            if (vb_vfs_rename(s, p, q) == VB_OK) {
                fz_check(vb_vfs_stat(s, q, false, &st2) == VB_OK);
                if (!same && vb_vfs_stat(s, p, false, &st) == VB_OK)
                    fz_check(st.ino == st2.ino); /* p still names the moved file */
            }
            break;
        }
        case 5:
            if (vb_vfs_symlink(s, fz_targets[b & 7], p) == VB_OK) {
                fz_check(vb_vfs_stat(s, p, false, &st) == VB_OK);
                fz_check((st.mode & 0170000) == 0120000);
            }
            break;
        case 6:
            if (vb_vfs_stat(s, p, b & 1, &st) == VB_OK)
                fz_check(st.nlink >= 1);
            break;
        case 7:
            fz_readdir(s, p);
            break;
        case 8: {
            uint64_t h1, h2;
            if (vb_vfs_hash(s, p, &h1) == VB_OK)
                fz_check(vb_vfs_hash(s, p, &h2) == VB_OK && h1 == h2);
            break;
        }
        default: {
            vb_bytes t = { 0 };
            if (vb_vfs_export_tar_mem(s, "/w", &t) == VB_OK) {
                (void)vb_vfs_mkdir(s, "/v", 0755, true);
                (void)vb_vfs_import_tar_mem(s, "/v", t.data, t.len);
                vb_free(t.data);
            }
            break;
        }
        }
    }
    fz_readdir(s, "/w");
    vb_session_free(s);
    return 0;
}
