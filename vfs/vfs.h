/*
 * The in-memory filesystem: the only world a session sees.
 *
 * Used by the interpreter and every command; embedders see it through
 * include/vbash/vfs.h. Paths given here are absolute ("/home/user/x");
 * callers join relative paths to their cwd first (bi_path in builtins/lib).
 * Resolution is component by component: ".." never climbs above "/" or out of
 * a host mount, symlinks are followed up to 40 times (ELOOP), trailing
 * symlinks are followed unless the function says otherwise.
 *
 * Every function returns 0 (or a count) on success and a negative errno
 * (-ENOENT, -EEXIST, -ENOTDIR, -EISDIR, -ENOTEMPTY, -ELOOP, -ENAMETOOLONG,
 * -EACCES, -EROFS, -EFBIG, -ENOSPC, -EXDEV, -EINVAL, -ENOMEM) on failure,
 * leaving the VFS consistent. Permission bits are enforced for the session's
 * uid/gid (uid 0 bypasses them as root does).
 *
 * Memory: the VFS object, walks and listings come from the session heap
 * given at creation; inodes, directory entries and file data live in
 * reference-counted blocks from the shared allocator so that vfs_fork can
 * share them copy-on-write with another session's VFS (any thread), and
 * they count against the heap's cap (vfs_meta_bytes).
 */
#ifndef VB_VFS_VFS_H
#define VB_VFS_VFS_H

#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "core/mem.h"
#include "core/stream.h"

typedef struct vfs vfs;
typedef struct vfs_file vfs_file;
typedef struct vfs_dir vfs_dir;

typedef struct vfs_limits {
    uint64_t max_file_bytes;   /* 0 = unlimited, for every field */
    uint64_t max_total_bytes;
    uint64_t max_inodes;
    uint64_t max_path_len;     /* default 4096 */
    uint64_t max_name_len;     /* default 255 */
    uint64_t max_dir_depth;
} vfs_limits;

typedef struct vfs_stat {
    uint64_t ino;
    uint64_t dev;          /* 1 for the memory fs; one per host mount */
    uint32_t mode;         /* S_IFREG | 0644 ... as st_mode */
    uint32_t nlink;
    uint32_t uid, gid;
    uint32_t rdev;         /* devices: makedev() value */
    uint64_t size;
    uint64_t blocks;       /* 512-byte blocks */
    struct timespec atime, mtime, ctime, btime;
} vfs_stat_t;

/* Clock used for timestamps; NULL = real time. */
typedef void (*vfs_clock_fn)(void *ctx, struct timespec *now);

/* A new VFS with the default layout (/, /bin, /usr/bin, /home/user, /tmp
 * (1777), /dev/{null,zero,urandom,random,stdin,stdout,stderr,fd,tty}, /etc
 * with passwd and group, /proc/self placeholder). uid/gid are the sandbox
 * user's (default 1000). */
int vfs_new(mem_heap *h, const vfs_limits *lim, uint32_t uid, uint32_t gid, vfs **out);
void vfs_free(vfs *v);
/* Clone onto heap h in O(1) (of files and bytes; O(mounts + open files)):
 * metadata and file data shared copy-on-write, each side copying an inode
 * on its first change to it (see docs/vfs.md "Fork"). The parent and its
 * forks may be freed in any order, on any thread. */
int vfs_fork(vfs *v, mem_heap *h, vfs **out);
void vfs_set_clock(vfs *v, vfs_clock_fn fn, void *ctx);
void vfs_set_seed(vfs *v, uint64_t seed);   /* /dev/urandom becomes reproducible */
void vfs_set_identity(vfs *v, uint32_t uid, uint32_t gid);
uint32_t vfs_uid(const vfs *v);
uint32_t vfs_gid(const vfs *v);
/* Which limit the last -EFBIG/-ENOSPC came from: "file size limit",
 * "total bytes limit", "inode limit" or "directory depth limit"; NULL if
 * none was hit yet. Static string, for messages. */
const char *vfs_last_limit(const vfs *v);

/* Mounts a host directory at an absolute sandbox path (created if missing).
 * mode: 0 ro, 1 rw, 2 overlay (as vb_mount_mode). */
int vfs_mount_host(vfs *v, const char *host_dir, const char *path, int mode);

/* Files. flags are O_RDONLY/O_WRONLY/O_RDWR | O_CREAT | O_EXCL | O_TRUNC |
 * O_APPEND | O_NOFOLLOW | O_DIRECTORY from <fcntl.h>; mode as for open(2)
 * (the umask is the caller's business). */
int vfs_open(vfs *v, const char *path, int flags, uint32_t mode, vfs_file **out);
ssize_t vfs_read(vfs_file *f, void *buf, size_t n);
ssize_t vfs_write(vfs_file *f, const void *buf, size_t n);
ssize_t vfs_pread(vfs_file *f, void *buf, size_t n, uint64_t off);
int64_t vfs_seek(vfs_file *f, int64_t off, int whence);
int vfs_ftruncate(vfs_file *f, uint64_t len);
int vfs_fstat(vfs_file *f, vfs_stat_t *st);
int vfs_close(vfs_file *f);

/* Wraps an open file as a stream (the stream owns f). NULL on ENOMEM. */
stream *vfs_stream(vfs_file *f, mem_heap *h, int stream_flags);
/* open + vfs_stream in one; *err gets the negative errno on failure. */
stream *vfs_open_stream(vfs *v, const char *path, int flags, uint32_t mode,
                        mem_heap *h, int *err);

/* Whole-file helpers (the contract's read_file / write_file). */
int vfs_read_all(vfs *v, const char *path, mem_heap *h, char **data, size_t *len);
int vfs_write_all(vfs *v, const char *path, const void *data, size_t len, uint32_t mode);

/* Metadata. */
int vfs_stat(vfs *v, const char *path, vfs_stat_t *st);
int vfs_lstat(vfs *v, const char *path, vfs_stat_t *st);
int vfs_access(vfs *v, const char *path, int amode);    /* R_OK W_OK X_OK F_OK */
int vfs_chmod(vfs *v, const char *path, uint32_t mode);
int vfs_lchmod(vfs *v, const char *path, uint32_t mode);
int vfs_chown(vfs *v, const char *path, uint32_t uid, uint32_t gid, bool follow);
/* times: [0] atime, [1] mtime; tv_nsec UTIME_NOW / UTIME_OMIT as utimensat. */
int vfs_utimens(vfs *v, const char *path, const struct timespec times[2], bool follow);
int vfs_truncate(vfs *v, const char *path, uint64_t len);

/* Namespace. */
int vfs_mkdir(vfs *v, const char *path, uint32_t mode);
int vfs_rmdir(vfs *v, const char *path);
int vfs_unlink(vfs *v, const char *path);
int vfs_rename(vfs *v, const char *from, const char *to);
int vfs_link(vfs *v, const char *existing, const char *newpath);
int vfs_symlink(vfs *v, const char *target, const char *linkpath);
/* Returns the length; the target is copied into a new heap string. */
int vfs_readlink(vfs *v, const char *path, mem_heap *h, char **target);
/* Canonical absolute path with every symlink resolved (the path must exist). */
int vfs_realpath(vfs *v, const char *path, mem_heap *h, char **out);
int vfs_mknod(vfs *v, const char *path, uint32_t mode, uint32_t dev); /* FIFOs only */

/* Directories: entries in name order, without "." and "..". */
typedef struct vfs_dirent {
    const char *name;   /* borrowed, valid until the next vfs_readdir */
    uint64_t ino;
    uint32_t type;      /* DT_REG, DT_DIR, DT_LNK, DT_CHR... */
} vfs_dirent;
int vfs_opendir(vfs *v, const char *path, vfs_dir **out);
int vfs_readdir(vfs_dir *d, vfs_dirent *ent);   /* 1 = entry, 0 = end, <0 error */
void vfs_closedir(vfs_dir *d);

typedef struct vfs_statfs {
    uint64_t total_bytes, used_bytes;    /* total: the limit or a nominal size */
    uint64_t total_inodes, used_inodes;
} vfs_statfs_t;
int vfs_statfs(vfs *v, const char *path, vfs_statfs_t *out);

/* Content hash (XXH3-64) of a regular file. */
int vfs_hash(vfs *v, const char *path, uint64_t *out);

/* Whole-tree export/import as a POSIX ustar archive with GNU long names
 * (files, dirs, symlinks, hard links, modes, times). `root` is the subtree.
 * Import is an embedder operation (snapshot restore): it bypasses permission
 * bits and restores owners, but refuses members that would leave `root`
 * (skipped; -EINVAL at the end after importing the rest). */
int vfs_export_tar(vfs *v, const char *root, stream *out);
int vfs_import_tar(vfs *v, const char *root, stream *in);

/* Totals for df / vb_session_memory. */
uint64_t vfs_bytes_used(const vfs *v);
uint64_t vfs_inodes_used(const vfs *v);

/* Additions beyond the first contract. */

/* Declares the executable placeholders /bin/NAME and /usr/bin/NAME (mode
 * 0755, "#!vbash builtin NAME\n") so that `ls /bin` and `command -v` see the
 * native commands. NAME is borrowed: it must live as long as the VFS and
 * its forks (the command table's static strings). The files appear on
 * first lookup or listing; existing entries are kept; no limit applies. */
int vfs_add_command_stub(vfs *v, const char *name);
/* Replaces the command names with a borrowed table, sorted bytewise (strcmp),
 * that outlives the VFS and its forks (process-wide, read-only): no copy
 * per session. vfs_add_command_stub copies it before adding. */
int vfs_set_command_stubs(vfs *v, const char *const *sorted, size_t n);
/* Current limits (with the defaults filled in) / replace them. */
void vfs_get_limits(const vfs *v, vfs_limits *out);
void vfs_set_limits(vfs *v, const vfs_limits *lim);
/* True when an open file is a directory (read gives -EISDIR). */
bool vfs_file_is_dir(const vfs_file *f);
/* Which mount a path lies under: 0 memory, else VFS_MOUNT_* + 1
 * (1 ro, 2 rw, 3 overlay). Negative errno when the path does not resolve. */
int vfs_mount_kind(vfs *v, const char *path);
/* File data chunks alive in the whole process (every VFS): for leak tests. */
uint64_t vfs_chunks_live(void);
/* Inodes alive in the whole process (every VFS; a fork shares its
 * parent's until one side changes them): for leak tests. */
uint64_t vfs_inodes_alive(void);
/* Changes made to an inode shared with another VFS without copying it
 * first (counted by debug builds only; always 0 in release): for tests. */
uint64_t vfs_cow_misses(void);
/* Bytes of metadata (inodes, entries, names, indexes, chunk arrays, the
 * inode table) this VFS holds, shared with forks or not; counted with the
 * session heap against the memory cap. */
uint64_t vfs_meta_bytes(const vfs *v);

#endif
