/*
 * Direct access to a session's filesystem for embedders: read and write
 * files, list, create, remove, rename, link, mount host directories, and
 * move whole trees in and out as tar archives — without running a script.
 *
 * Conventions:
 *  - paths are absolute ("/home/user/notes.txt"), NUL-terminated; a
 *    relative path or NULL is VB_EINVAL. They resolve exactly as inside the
 *    session (symlinks followed, ".." never above "/" or out of a mount);
 *  - permission checks apply as for the session's user;
 *  - every function returns VB_OK or a negative vb_status (the errno Linux
 *    gives for the same operation: VB_ENOENT, VB_EEXIST, VB_ENOTDIR,
 *    VB_EISDIR, VB_ENOTEMPTY, VB_ELOOP, VB_ENAMETOOLONG, VB_EACCES,
 *    VB_EROFS, VB_EFBIG, VB_ENOSPC, VB_EXDEV...); vb_session_error(s) then
 *    describes it;
 *  - memory returned to the caller comes from the process-wide allocator:
 *    release it with vb_free (never free()), from any thread;
 *  - call these on the session's thread, like vb_exec.
 */
#ifndef VBASH_VFS_H
#define VBASH_VFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vbash/vbash.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Releases memory handed out by vbash (vb_bytes.data of these functions,
 * vb_vfs_readdir's array). NULL is a no-op. */
VB_API void vb_free(void *p);

/* The whole content of a file. out->data (owned by the caller: vb_free)
 * is NUL-terminated for convenience and may hold NULs; out->len excludes
 * the terminator. On failure out is {NULL, 0}. */
VB_API vb_status vb_vfs_read_file(vb_session *s, const char *path, vb_bytes *out);

/* Creates or replaces a file with len bytes of data (mode 0644 when
 * created), creating missing parent directories (0755). */
VB_API vb_status vb_vfs_write_file(vb_session *s, const char *path,
                                   const void *data, size_t len);

typedef struct vb_vfs_info {
    uint64_t ino;
    uint64_t size;
    uint32_t mode;           /* st_mode: S_IFREG | 0644 ... */
    uint32_t nlink;
    uint32_t uid, gid;
    int64_t atime_sec, mtime_sec, ctime_sec;
    int32_t atime_nsec, mtime_nsec, ctime_nsec;
} vb_vfs_info;

/* Metadata of path; follow = false describes a symlink itself. */
VB_API vb_status vb_vfs_stat(vb_session *s, const char *path, bool follow, vb_vfs_info *out);

typedef enum vb_vfs_type {
    VB_VFS_OTHER = 0,
    VB_VFS_FILE,
    VB_VFS_DIR,
    VB_VFS_SYMLINK,
    VB_VFS_DEVICE,
    VB_VFS_FIFO,
} vb_vfs_type;

typedef struct vb_vfs_entry {
    const char *name;        /* points inside the same allocation */
    vb_vfs_type type;
    uint64_t ino;
} vb_vfs_entry;

/* The entries of a directory in name order, without "." and "..".
 * *entries is one allocation (names included) owned by the caller:
 * vb_free(*entries). An empty directory gives *count = 0 and a non-NULL
 * array. */
VB_API vb_status vb_vfs_readdir(vb_session *s, const char *path,
                                vb_vfs_entry **entries, size_t *count);

/* Creates a directory (mode & 07777). parents: as mkdir -p (no error when
 * it exists already as a directory). */
VB_API vb_status vb_vfs_mkdir(vb_session *s, const char *path, uint32_t mode, bool parents);

/* Removes a file, symlink or empty directory; recursive: a whole tree
 * (symlinks are removed, never followed). */
VB_API vb_status vb_vfs_remove(vb_session *s, const char *path, bool recursive);

/* rename(2) semantics: atomic replace, VB_EXDEV across mounts. */
VB_API vb_status vb_vfs_rename(vb_session *s, const char *from, const char *to);

/* Creates linkpath as a symlink to target (stored as given). */
VB_API vb_status vb_vfs_symlink(vb_session *s, const char *target, const char *linkpath);

/* Mounts host_path (a host directory) at sandbox_path (created if missing).
 * Nothing under the mount can reach outside host_path. */
VB_API vb_status vb_vfs_mount(vb_session *s, const char *host_path,
                              const char *sandbox_path, vb_mount_mode mode);

/* XXH3-64 hash of a regular file's content. */
VB_API vb_status vb_vfs_hash(vb_session *s, const char *path, uint64_t *out);

/* Writes the subtree at root as a ustar archive (GNU long names) to a host
 * file descriptor (not closed) or into out->data (caller: vb_free). */
VB_API vb_status vb_vfs_export_tar(vb_session *s, const char *root, int fd);
VB_API vb_status vb_vfs_export_tar_mem(vb_session *s, const char *root, vb_bytes *out);

/* Extracts a tar archive below root (a directory). Members that would
 * leave root ("..", links through symlinks) are skipped and the call
 * returns VB_EINVAL after importing the rest. */
VB_API vb_status vb_vfs_import_tar(vb_session *s, const char *root, int fd);
VB_API vb_status vb_vfs_import_tar_mem(vb_session *s, const char *root,
                                       const void *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
