/*
 * The embedder's view of a session's filesystem (include/vbash/vfs.h): thin
 * wrappers over vfs/ that check arguments, turn errors into vb_status with
 * a message on the session, and hand out memory from the shared allocator.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/stream.h"
#include "src/session_int.h"
#include "vbash/vfs.h"
#include "vfs/vfs.h"

VB_API void vb_free(void *p)
{
    mem_shared_free(p);
}

static int api__path(vb_session *s, const char *path)
{
    if (!s)
        return VB_EINVAL;
    if (!path || path[0] != '/')
        return session_set_error(s, VB_EINVAL, "%s: not an absolute path", path ? path : "(null)");
    return VB_OK;
}

static vb_status api__err(vb_session *s, int rc, const char *what, const char *path)
{
    if (rc >= 0)
        return VB_OK;
    return (vb_status)session_set_error(s, rc, "%s: %s: %s", what, path ? path : "",
                                        vb_strerror(rc));
}

VB_API vb_status vb_vfs_read_file(vb_session *s, const char *path, vb_bytes *out)
{
    if (!out)
        return VB_EINVAL;
    out->data = NULL;
    out->len = 0;
    int rc = api__path(s, path);
    if (rc)
        return (vb_status)rc;
    vfs *v = session_vfs(s);
    vfs_file *f;
    rc = vfs_open(v, path, O_RDONLY, 0, &f);
    if (rc)
        return api__err(s, rc, "read", path);
    if (vfs_file_is_dir(f)) {
        vfs_close(f);
        return api__err(s, VB_EISDIR, "read", path);
    }
    vfs_stat_t st;
    size_t cap = 4096, n = 0;
    if (vfs_fstat(f, &st) == 0 && S_ISREG(st.mode))
        cap = (size_t)st.size + 1;
    if (S_ISCHR(st.mode)) {
        /* /dev/zero and friends never end: refuse rather than fill memory */
        vfs_close(f);
        return api__err(s, VB_EINVAL, "read", path);
    }
    char *buf = mem_shared_alloc(cap);
    if (!buf) {
        vfs_close(f);
        return api__err(s, VB_ENOMEM, "read", path);
    }
    for (;;) {
        if (cap - n < 2) {
            char *nb = mem_shared_realloc(buf, cap * 2);
            if (!nb) {
                rc = VB_ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = vfs_read(f, buf + n, cap - n - 1);
        if (r < 0) {
            rc = (int)r;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    vfs_close(f);
    if (rc) {
        mem_shared_free(buf);
        return api__err(s, rc, "read", path);
    }
    buf[n] = 0;
    out->data = buf;
    out->len = n;
    return VB_OK;
}

/* mkdir -p of path itself (upto = strlen) or of its parent. */
static int api__mkdirs(vfs *v, const char *path, size_t upto, uint32_t mode)
{
    char buf[4096];
    if (upto >= sizeof buf)
        return VB_ENAMETOOLONG;
    int rc = 0;
    for (size_t i = 1; i <= upto; i++) {
        if (i < upto && path[i] != '/')
            continue;
        if (path[i - 1] == '/')
            continue;
        memcpy(buf, path, i);
        buf[i] = 0;
        rc = vfs_mkdir(v, buf, mode);
        if (rc == -EEXIST) {
            vfs_stat_t st;
            rc = vfs_stat(v, buf, &st);
            if (rc == 0 && !S_ISDIR(st.mode))
                rc = VB_ENOTDIR;
            if (rc == 0 && i == upto)
                rc = -EEXIST;   /* the caller decides for the last one */
        }
        if (rc && !(rc == -EEXIST && i == upto))
            return rc;
    }
    return rc;
}

VB_API vb_status vb_vfs_write_file(vb_session *s, const char *path, const void *data, size_t len)
{
    int rc = api__path(s, path);
    if (rc)
        return (vb_status)rc;
    if (!data && len)
        return (vb_status)session_set_error(s, VB_EINVAL, "write: %s: no data", path);
    vfs *v = session_vfs(s);
    const char *slash = strrchr(path, '/');
    if (slash > path) {
        rc = api__mkdirs(v, path, (size_t)(slash - path), 0755);
        if (rc && rc != -EEXIST)
            return api__err(s, rc, "write", path);
    }
    rc = vfs_write_all(v, path, data ? data : "", len, 0644);
    return api__err(s, rc, "write", path);
}

VB_API vb_status vb_vfs_stat(vb_session *s, const char *path, bool follow, vb_vfs_info *out)
{
    int rc = api__path(s, path);
    if (rc)
        return (vb_status)rc;
    if (!out)
        return VB_EINVAL;
    vfs_stat_t st;
    rc = follow ? vfs_stat(session_vfs(s), path, &st) : vfs_lstat(session_vfs(s), path, &st);
    if (rc)
        return api__err(s, rc, "stat", path);
    memset(out, 0, sizeof *out);
    out->ino = st.ino;
    out->size = st.size;
    out->mode = st.mode;
    out->nlink = st.nlink;
    out->uid = st.uid;
    out->gid = st.gid;
    out->atime_sec = st.atime.tv_sec;
    out->atime_nsec = (int32_t)st.atime.tv_nsec;
    out->mtime_sec = st.mtime.tv_sec;
    out->mtime_nsec = (int32_t)st.mtime.tv_nsec;
    out->ctime_sec = st.ctime.tv_sec;
    out->ctime_nsec = (int32_t)st.ctime.tv_nsec;
    return VB_OK;
}

static vb_vfs_type api__type(uint32_t dt)
{
    switch (dt) {
    case DT_REG: return VB_VFS_FILE;
    case DT_DIR: return VB_VFS_DIR;
    case DT_LNK: return VB_VFS_SYMLINK;
    case DT_CHR:
    case DT_BLK: return VB_VFS_DEVICE;
    case DT_FIFO: return VB_VFS_FIFO;
    }
    return VB_VFS_OTHER;
}

VB_API vb_status vb_vfs_readdir(vb_session *s, const char *path, vb_vfs_entry **entries,
                                size_t *count)
{
    if (!entries || !count)
        return VB_EINVAL;
    *entries = NULL;
    *count = 0;
    int rc = api__path(s, path);
    if (rc)
        return (vb_status)rc;
    vfs *v = session_vfs(s);
    vfs_dir *d;
    rc = vfs_opendir(v, path, &d);
    if (rc)
        return api__err(s, rc, "readdir", path);
    /* two passes over the snapshot: sizes, then copy */
    size_t n = 0, names = 0;
    vfs_dirent e;
    while (vfs_readdir(d, &e) == 1) {
        n++;
        names += strlen(e.name) + 1;
    }
    vfs_closedir(d);
    rc = vfs_opendir(v, path, &d);
    if (rc)
        return api__err(s, rc, "readdir", path);
    char *blk = mem_shared_alloc(sizeof(vb_vfs_entry) * (n ? n : 1) + names + 1);
    if (!blk) {
        vfs_closedir(d);
        return api__err(s, VB_ENOMEM, "readdir", path);
    }
    vb_vfs_entry *arr = (vb_vfs_entry *)blk;
    char *np = blk + sizeof(vb_vfs_entry) * (n ? n : 1);
    char *nend = np + names;
    size_t i = 0;
    while (i < n && vfs_readdir(d, &e) == 1) {
        size_t len = strlen(e.name) + 1;
        if (np + len > nend)
            break;   /* the directory changed between the passes */
        memcpy(np, e.name, len);
        arr[i].name = np;
        arr[i].type = api__type(e.type);
        arr[i].ino = e.ino;
        np += len;
        i++;
    }
    vfs_closedir(d);
    *entries = arr;
    *count = i;
    return VB_OK;
}

VB_API vb_status vb_vfs_mkdir(vb_session *s, const char *path, uint32_t mode, bool parents)
{
    int rc = api__path(s, path);
    if (rc)
        return (vb_status)rc;
    vfs *v = session_vfs(s);
    if (parents) {
        size_t len = strlen(path);
        while (len > 1 && path[len - 1] == '/')
            len--;
        rc = api__mkdirs(v, path, len, mode & 07777);
        if (rc == -EEXIST)
            rc = 0;
    } else {
        rc = vfs_mkdir(v, path, mode & 07777);
    }
    return api__err(s, rc, "mkdir", path);
}

static int api__remove_tree(vfs *v, const char *path, int depth)
{
    vfs_stat_t st;
    int rc = vfs_lstat(v, path, &st);
    if (rc)
        return rc;
    if (!S_ISDIR(st.mode))
        return vfs_unlink(v, path);
    if (depth > 4096)
        return -ELOOP;
    vfs_dir *d;
    rc = vfs_opendir(v, path, &d);
    if (rc)
        return rc;
    vfs_dirent e;
    size_t plen = strlen(path);
    char *child = NULL;
    while (!rc && vfs_readdir(d, &e) == 1) {
        size_t len = plen + strlen(e.name) + 2;
        child = mem_shared_alloc(len);
        if (!child) {
            rc = VB_ENOMEM;
            break;
        }
        snprintf(child, len, "%s/%s", strcmp(path, "/") ? path : "", e.name);
        rc = api__remove_tree(v, child, depth + 1);
        mem_shared_free(child);
    }
    vfs_closedir(d);
    if (rc)
        return rc;
    return vfs_rmdir(v, path);
}

VB_API vb_status vb_vfs_remove(vb_session *s, const char *path, bool recursive)
{
    int rc = api__path(s, path);
    if (rc)
        return (vb_status)rc;
    vfs *v = session_vfs(s);
    if (recursive) {
        rc = api__remove_tree(v, path, 0);
    } else {
        vfs_stat_t st;
        rc = vfs_lstat(v, path, &st);
        if (!rc)
            rc = S_ISDIR(st.mode) ? vfs_rmdir(v, path) : vfs_unlink(v, path);
    }
    return api__err(s, rc, "remove", path);
}

VB_API vb_status vb_vfs_rename(vb_session *s, const char *from, const char *to)
{
    int rc = api__path(s, from);
    if (!rc)
        rc = api__path(s, to);
    if (rc)
        return (vb_status)rc;
    return api__err(s, vfs_rename(session_vfs(s), from, to), "rename", from);
}

VB_API vb_status vb_vfs_symlink(vb_session *s, const char *target, const char *linkpath)
{
    int rc = api__path(s, linkpath);
    if (rc)
        return (vb_status)rc;
    if (!target)
        return (vb_status)session_set_error(s, VB_EINVAL, "symlink: no target");
    return api__err(s, vfs_symlink(session_vfs(s), target, linkpath), "symlink", linkpath);
}

VB_API vb_status vb_vfs_mount(vb_session *s, const char *host_path, const char *sandbox_path,
                              vb_mount_mode mode)
{
    int rc = api__path(s, sandbox_path);
    if (rc)
        return (vb_status)rc;
    if (!host_path || (int)mode < VB_MOUNT_RO || mode > VB_MOUNT_OVERLAY)
        return (vb_status)session_set_error(s, VB_EINVAL, "mount: bad arguments");
    rc = vfs_mount_host(session_vfs(s), host_path, sandbox_path, (int)mode);
    if (rc)
        return (vb_status)session_set_error(s, rc, "mount: %s on %s: %s", host_path,
                                            sandbox_path, vb_strerror(rc));
    return VB_OK;
}

VB_API vb_status vb_vfs_hash(vb_session *s, const char *path, uint64_t *out)
{
    int rc = api__path(s, path);
    if (rc)
        return (vb_status)rc;
    if (!out)
        return VB_EINVAL;
    return api__err(s, vfs_hash(session_vfs(s), path, out), "hash", path);
}

/* ------------------------------------------------------------ tar streams */

/* Writes into a growing shared buffer (handed to the embedder). */
typedef struct api_out {
    stream base;
    mem_heap *h;
    char *data;
    size_t len, cap;
} api_out;

static ssize_t api_out__write(stream *st, const void *buf, size_t n)
{
    api_out *o = (api_out *)st;
    if (o->len + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap : 65536;
        while (nc < o->len + n + 1)
            nc *= 2;
        char *nd = mem_shared_realloc(o->data, nc);
        if (!nd)
            return VB_ENOMEM;
        o->data = nd;
        o->cap = nc;
    }
    memcpy(o->data + o->len, buf, n);
    o->len += n;
    return (ssize_t)n;
}

static ssize_t api_out__read(stream *st, void *buf, size_t n)
{
    (void)st;
    (void)buf;
    (void)n;
    return VB_EBADF;
}

static void api_out__close(stream *st)
{
    api_out *o = (api_out *)st;
    mem_shared_free(o->data);
    mem_free(o->h, o);
}

static const stream_ops api_out__ops = {
    .read = api_out__read, .write = api_out__write, .seek = NULL, .close = api_out__close,
};

/* Reads borrowed memory. */
typedef struct api_in {
    stream base;
    mem_heap *h;
    const char *data;
    size_t len, pos;
} api_in;

static ssize_t api_in__read(stream *st, void *buf, size_t n)
{
    api_in *in = (api_in *)st;
    size_t k = in->len - in->pos < n ? in->len - in->pos : n;
    memcpy(buf, in->data + in->pos, k);
    in->pos += k;
    return (ssize_t)k;
}

static ssize_t api_in__write(stream *st, const void *buf, size_t n)
{
    (void)st;
    (void)buf;
    (void)n;
    return VB_EBADF;
}

static void api_in__close(stream *st)
{
    api_in *in = (api_in *)st;
    mem_free(in->h, in);
}

static const stream_ops api_in__ops = {
    .read = api_in__read, .write = api_in__write, .seek = NULL, .close = api_in__close,
};

VB_API vb_status vb_vfs_export_tar(vb_session *s, const char *root, int fd)
{
    int rc = api__path(s, root);
    if (rc)
        return (vb_status)rc;
    if (fd < 0)
        return (vb_status)session_set_error(s, VB_EBADF, "export: bad file descriptor");
    stream *out = stream_hostfd(session_heap(s), fd, STREAM_W);
    if (!out)
        return api__err(s, VB_ENOMEM, "export", root);
    rc = vfs_export_tar(session_vfs(s), root, out);
    stream_unref(out);
    return api__err(s, rc, "export", root);
}

VB_API vb_status vb_vfs_export_tar_mem(vb_session *s, const char *root, vb_bytes *out)
{
    if (!out)
        return VB_EINVAL;
    out->data = NULL;
    out->len = 0;
    int rc = api__path(s, root);
    if (rc)
        return (vb_status)rc;
    mem_heap *h = session_heap(s);
    api_out *o = mem_calloc(h, 1, sizeof *o);
    if (!o)
        return api__err(s, VB_ENOMEM, "export", root);
    o->base = (stream){ .ops = &api_out__ops, .refs = 1, .flags = STREAM_W, .kind = STREAM_OTHER };
    o->h = h;
    rc = vfs_export_tar(session_vfs(s), root, &o->base);
    if (!rc) {
        if (!o->data)
            o->data = mem_shared_alloc(1);
        if (!o->data)
            rc = VB_ENOMEM;
    }
    if (!rc) {
        o->data[o->len] = 0;
        out->data = o->data;
        out->len = o->len;
        o->data = NULL;
    }
    stream_unref(&o->base);
    return api__err(s, rc, "export", root);
}

VB_API vb_status vb_vfs_import_tar(vb_session *s, const char *root, int fd)
{
    int rc = api__path(s, root);
    if (rc)
        return (vb_status)rc;
    if (fd < 0)
        return (vb_status)session_set_error(s, VB_EBADF, "import: bad file descriptor");
    stream *in = stream_hostfd(session_heap(s), fd, STREAM_R);
    if (!in)
        return api__err(s, VB_ENOMEM, "import", root);
    rc = vfs_import_tar(session_vfs(s), root, in);
    stream_unref(in);
    return api__err(s, rc, "import", root);
}

VB_API vb_status vb_vfs_import_tar_mem(vb_session *s, const char *root, const void *data,
                                       size_t len)
{
    int rc = api__path(s, root);
    if (rc)
        return (vb_status)rc;
    if (!data && len)
        return VB_EINVAL;
    mem_heap *h = session_heap(s);
    api_in *in = mem_calloc(h, 1, sizeof *in);
    if (!in)
        return api__err(s, VB_ENOMEM, "import", root);
    in->base = (stream){ .ops = &api_in__ops, .refs = 1, .flags = STREAM_R, .kind = STREAM_OTHER };
    in->h = h;
    in->data = data;
    in->len = len;
    rc = vfs_import_tar(session_vfs(s), root, &in->base);
    stream_unref(&in->base);
    return api__err(s, rc, "import", root);
}
