/*
 * Command placeholders: /bin/NAME and /usr/bin/NAME for every native
 * command, so that `ls /bin` and `command -v` look right.
 *
 * A session has ~160 commands and most scripts never look in /bin, so the
 * placeholders are not created with the VFS: vfs_add_command_stub only
 * records the name, and an entry appears in a stub directory the first
 * time a lookup asks for it or a listing needs them all. Removing one
 * leaves a whiteout so that it does not come back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs/vfs_int.h"

static int stub__cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool stub__is(vfs *v, const char *name, size_t len)
{
    if (!v->nstubs || len > 200)
        return false;
    if (!v->stubs_sorted) {
        qsort(v->stubs, v->nstubs, sizeof *v->stubs, stub__cmp);
        v->stubs_sorted = true;
    }
    char key[256];
    memcpy(key, name, len);
    key[len] = 0;
    const char *k = key;
    return bsearch(&k, v->stubs, v->nstubs, sizeof *v->stubs, stub__cmp) != NULL;
}

/* Creates the placeholder for name in *dirp (made private first). */
static vfs_dent *stub__make(vfs *v, vfs_inode **dirp, const char *name, size_t len)
{
    vfs_inode *dir = vfs__w(v, *dirp);
    if (!dir)
        return NULL;
    *dirp = dir;
    vfs_dent *e = vfs__dir_lookup(dir, name, len);
    if (e)
        return e;   /* *dirp was an older version of the directory */
    vfs_inode *n = vfs__inode_new(v, S_IFREG | 0755, true);
    if (!n)
        return NULL;
    n->uid = n->gid = 0;
    n->atime = n->mtime = n->ctime = n->btime = dir->btime;
    char text[256];
    int tl = snprintf(text, sizeof text, "#!vbash builtin %.*s\n", (int)len, name);
    /* placeholders are part of the layout: no limit applies to them */
    vfs_limits keep = v->lim;
    v->lim.max_file_bytes = v->lim.max_total_bytes = 0;
    ssize_t w = vfs__data_write(v, n, text, (size_t)tl, 0);
    v->lim = keep;
    if (w < 0 || vfs__dir_add(v, dir, name, len, n) < 0) {
        n->nlink = 0;
        vfs__inode_destroy(v, n);
        return NULL;
    }
    return vfs__dir_lookup(dir, name, len);
}

vfs_dent *vfs__stub_lookup(vfs *v, vfs_inode **dir, const char *name, size_t len)
{
    if (!(*dir)->u.dir.stubs || !stub__is(v, name, len))
        return NULL;
    return stub__make(v, dir, name, len);
}

int vfs__stub_fill(vfs *v, vfs_inode **dir)
{
    if (!(*dir)->u.dir.stubs)
        return 0;
    for (size_t i = 0; i < v->nstubs; i++) {
        const char *s = v->stubs[i];
        size_t len = strlen(s);
        if (vfs__dir_lookup(*dir, s, len))
            continue;   /* a real file, an earlier placeholder, or a whiteout */
        if (!stub__make(v, dir, s, len))
            return -ENOMEM;
    }
    return 0;
}

bool vfs__needs_whiteout(vfs *v, vfs_pos *p, vfs_inode *dir, const char *name, size_t len)
{
    if (vfs__lower_has(p, name))
        return true;
    return dir && dir->u.dir.stubs && stub__is(v, name, len);
}
