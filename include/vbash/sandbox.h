/*
 * The sandbox contract: six primitives (read, write, edit, exec, glob, grep)
 * plus init, shutdown and mount, honoured by every backend.
 *
 * Tools (agent tools, MCP tools, the CLI) call these facade functions and
 * never open() or posix_spawn() themselves, so swapping the backend is one
 * argument at creation. Backends shipped with vbash:
 *
 *  - VB_SANDBOX_VIRTUAL: an in-process vbash session (in-memory VFS, the bash
 *    interpreter, native commands). Nothing on the host is touched unless a
 *    host directory is mounted.
 *  - VB_SANDBOX_HOST: a directory of the host is the root. File primitives
 *    are confined to it (".." stops at the root, symlinks resolve inside it,
 *    as after chroot); exec runs /bin/bash -c in its own process group with a
 *    timeout, output caps and rlimits. See docs/sandbox.md.
 *
 * Conventions:
 *  - every function returns a vb_status (VB_OK or a negative errno-style
 *    code) and never aborts; the text of the last error of a sandbox is
 *    vb_sandbox_error(sb) (borrowed, valid until the next call on sb);
 *  - buffers handed to the caller are owned by the caller and released with
 *    the matching *_free function (vb_sandbox_bytes_free,
 *    vb_sandbox_exec_result_free, vb_sandbox_paths_free,
 *    vb_sandbox_matches_free); on failure they are left empty ({NULL, 0}) so
 *    freeing them is always safe;
 *  - paths: "/x" is x under the sandbox root; a relative path is relative to
 *    the sandbox's working directory (opts.cwd; default /home/user for the
 *    virtual backend, "/" for the host backend);
 *  - a sandbox is used from one thread at a time (the virtual backend: the
 *    thread that created it, see vbash.h).
 *
 * New backends fill a vb_sandbox_ops table (designated initializers, .size =
 * sizeof(vb_sandbox_ops)) and call vb_sandbox_new_ops. The table only grows
 * at its end; optional entries may be NULL.
 */
#ifndef VBASH_SANDBOX_H
#define VBASH_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

#include "vbash/vbash.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum vb_sandbox_kind {
    VB_SANDBOX_VIRTUAL = 0,
    VB_SANDBOX_HOST = 1,
} vb_sandbox_kind;

typedef struct vb_sandbox vb_sandbox;

/* Options for vb_sandbox_new. Zero / NULL fields take the defaults. */
typedef struct vb_sandbox_opts {
    size_t size;                  /* sizeof(vb_sandbox_opts): grows at its end */
    const char *cwd;              /* may be NULL: working directory of relative paths and exec */
    /* virtual backend */
    const vb_config *config;      /* may be NULL: default session config */
    vb_session *session;          /* may be NULL; borrowed: use this session instead of a new one */
    /* host backend */
    const char *root;             /* host directory that becomes "/" (must exist) */
    uint64_t max_output_bytes;    /* per stream of one exec (0: 16 MiB); the rest is dropped */
    uint64_t default_timeout_ms;  /* exec timeout when the call gives none (0: 60 s) */
    uint64_t rlimit_cpu_seconds;  /* RLIMIT_CPU (0: 60) */
    uint64_t rlimit_as_bytes;     /* RLIMIT_AS (0: 4 GiB) */
    uint64_t rlimit_nofile;       /* RLIMIT_NOFILE (0: 1024) */
    uint64_t rlimit_nproc;        /* RLIMIT_NPROC (0: 4096) */
} vb_sandbox_opts;

/* Sets size and every default (all zero). */
VB_API void vb_sandbox_opts_init(vb_sandbox_opts *opts);

/* ------------------------------------------------------------ results */

/* A list of paths; owned by the caller (vb_sandbox_paths_free). */
typedef struct vb_sandbox_paths {
    char **paths;                 /* n NUL-terminated strings, sorted */
    size_t n;
    int truncated;                /* 1 when the limit cut the list */
} vb_sandbox_paths;

typedef struct vb_sandbox_match {
    char *path;                   /* sandbox path of the file */
    uint64_t line_number;         /* 1-based */
    char *line;                   /* the line without its newline (may hold NULs: line_len) */
    size_t line_len;
} vb_sandbox_match;

/* grep results; owned by the caller (vb_sandbox_matches_free). */
typedef struct vb_sandbox_matches {
    vb_sandbox_match *items;
    size_t n;
    int truncated;                /* 1 when the limit cut the list */
} vb_sandbox_matches;

typedef struct vb_sandbox_exec_opts {
    size_t size;                  /* sizeof(vb_sandbox_exec_opts) */
    const char *cwd;              /* may be NULL: the sandbox's cwd */
    const char *const *env;       /* may be NULL; "NAME=value", NULL-terminated, added for this call */
    uint64_t timeout_ms;          /* 0: the backend's default */
    const void *stdin_data;       /* may be NULL */
    size_t stdin_len;
} vb_sandbox_exec_opts;

VB_API void vb_sandbox_exec_opts_init(vb_sandbox_exec_opts *opts);

typedef struct vb_sandbox_exec_result {
    vb_bytes out;                 /* stdout, owned (NUL-terminated, may hold NULs) */
    vb_bytes err;                 /* stderr, owned */
    int exit_code;                /* 0-255 as $?; 128+N when killed by signal N */
    int timed_out;                /* 1: the timeout ended the command (status VB_ETIMEDOUT) */
    int truncated;                /* 1: an output cap dropped bytes */
    vb_limit_kind limit;          /* virtual backend: the limit that ended the script */
} vb_sandbox_exec_result;

typedef struct vb_sandbox_glob_opts {
    size_t size;
    const char *cwd;              /* may be NULL: the sandbox's cwd (relative patterns) */
    size_t limit;                 /* 0: 10000 paths */
} vb_sandbox_glob_opts;

VB_API void vb_sandbox_glob_opts_init(vb_sandbox_glob_opts *opts);

typedef struct vb_sandbox_grep_opts {
    size_t size;
    const char *path;             /* file or directory searched recursively; NULL: the cwd */
    const char *glob;             /* may be NULL; only files whose name (or relative path,
                                     when the glob holds a '/') matches */
    int case_sensitive;           /* vb_sandbox_grep_opts_init sets 1 */
    size_t limit;                 /* 0: 1000 matches */
} vb_sandbox_grep_opts;

VB_API void vb_sandbox_grep_opts_init(vb_sandbox_grep_opts *opts);

/* ------------------------------------------------------------ facade */

/* Creates a sandbox of a backend. opts may be NULL for defaults (the host
 * backend needs opts->root). On failure *out is NULL and the status says
 * why; there is no sandbox to read an error text from, so a host root that
 * is missing gives VB_ENOENT, one that is not a directory VB_ENOTDIR. */
VB_API vb_status vb_sandbox_new(vb_sandbox_kind kind, const vb_sandbox_opts *opts,
                                vb_sandbox **out);

/* Frees a sandbox (runs the backend's shutdown). NULL is a no-op. */
VB_API void vb_sandbox_free(vb_sandbox *sb);

/* "virtual", "host"... Static. */
VB_API const char *vb_sandbox_backend_name(const vb_sandbox *sb);

/* Text of the last error on sb ("read_file: /x: No such file or directory").
 * Borrowed; "" when the last call succeeded. */
VB_API const char *vb_sandbox_error(const vb_sandbox *sb);

/* The session under a virtual sandbox (borrowed), NULL for other backends. */
VB_API vb_session *vb_sandbox_session(vb_sandbox *sb);

/* Raw bytes of a regular file (a directory is VB_EISDIR; devices and FIFOs,
 * which could block or never end, are VB_EINVAL). *out is owned by the
 * caller. */
VB_API vb_status vb_sandbox_read_file(vb_sandbox *sb, const char *path, vb_bytes *out);

/* Creates or replaces a regular file (mode 0644 for new files), creating
 * missing parent directories (0755). Never blocks on a FIFO: refused. */
VB_API vb_status vb_sandbox_write_file(vb_sandbox *sb, const char *path,
                                       const void *data, size_t len);

/* Replaces the one occurrence of old_text (non-empty) by new_text.
 * *occurrences (may be NULL) gets the number of occurrences found, also on
 * failure. 0 or more than one occurrence -> VB_EINVAL, the file unchanged
 * and the count in the error text ("edit_file: /a.txt: found 2 occurrences
 * of the text to replace, expected exactly 1"). A missing file is
 * VB_ENOENT. On success *content (may be NULL) gets the new content, owned
 * by the caller. */
VB_API vb_status vb_sandbox_edit_file(vb_sandbox *sb, const char *path,
                                      const char *old_text, size_t old_len,
                                      const char *new_text, size_t new_len,
                                      size_t *occurrences, vb_bytes *content);

/* Runs a shell command. VB_OK when it ran, whatever its exit code;
 * VB_ETIMEDOUT when the timeout ended it (result->timed_out = 1, output so
 * far kept, exit_code 124 on the host backend); another error when it could
 * not start. result is always initialised; free it with
 * vb_sandbox_exec_result_free. opts may be NULL. */
VB_API vb_status vb_sandbox_exec(vb_sandbox *sb, const char *cmd,
                                 const vb_sandbox_exec_opts *opts,
                                 vb_sandbox_exec_result *result);

/* Paths matching a glob pattern (`*`, `?`, `[...]`, `**` for any number of
 * directories), sorted; dot files only when the pattern component starts
 * with '.'. Relative patterns give relative paths. No match is VB_OK with
 * n = 0. opts may be NULL. */
VB_API vb_status vb_sandbox_glob(vb_sandbox *sb, const char *pattern,
                                 const vb_sandbox_glob_opts *opts, vb_sandbox_paths *out);

/* Lines matching a regular expression (PCRE2 syntax) in a file or under a
 * directory (recursively, in name order, skipping binary files: a NUL in
 * the first 8 KiB). A bad regex is VB_EINVAL with PCRE2's message.
 * opts may be NULL. */
VB_API vb_status vb_sandbox_grep(vb_sandbox *sb, const char *regex,
                                 const vb_sandbox_grep_opts *opts, vb_sandbox_matches *out);

/* Makes a host directory visible at sandbox_path. Virtual backend: mode ro,
 * rw or overlay (vb_mount_mode). Backends that cannot mount return
 * VB_ENOTSUP with "mount: not supported by the NAME backend". */
VB_API vb_status vb_sandbox_mount(vb_sandbox *sb, const char *host_path,
                                  const char *sandbox_path, vb_mount_mode mode);

VB_API void vb_sandbox_bytes_free(vb_bytes *b);
VB_API void vb_sandbox_exec_result_free(vb_sandbox_exec_result *r);
VB_API void vb_sandbox_paths_free(vb_sandbox_paths *p);
VB_API void vb_sandbox_matches_free(vb_sandbox_matches *m);

/* ------------------------------------------------------------ backends */

/* A directory entry for the list_dir helper. */
typedef enum vb_sandbox_ftype {
    VB_SANDBOX_FT_OTHER = 0,
    VB_SANDBOX_FT_FILE,
    VB_SANDBOX_FT_DIR,
    VB_SANDBOX_FT_LINK,
} vb_sandbox_ftype;

/* Called once per entry (never "." or ".."); a non-zero return stops the
 * listing and is returned by list_dir. */
typedef int (*vb_sandbox_dirent_fn)(void *ctx, const char *name, vb_sandbox_ftype type);

/* A backend. `state` is what init returned. Every entry reports its errors
 * with vb_sandbox_set_error(sb, ...) and returns the status. Buffers handed
 * out (vb_bytes, results) are allocated with vb_sandbox_alloc. Optional
 * entries: edit_file, glob and grep fall back to generic versions built on
 * read_file / write_file / list_dir / stat; mount NULL means unsupported. */
typedef struct vb_sandbox_ops {
    size_t size;                  /* sizeof(vb_sandbox_ops) when the table was built */
    int version;                  /* 1 */
    const char *name;             /* "virtual", "host" */
    vb_status (*init)(vb_sandbox *sb, const vb_sandbox_opts *opts, void **state);
    void (*shutdown)(void *state);
    vb_status (*read_file)(vb_sandbox *sb, void *state, const char *path, vb_bytes *out);
    vb_status (*write_file)(vb_sandbox *sb, void *state, const char *path,
                            const void *data, size_t len);
    vb_status (*edit_file)(vb_sandbox *sb, void *state, const char *path,
                           const char *old_text, size_t old_len,
                           const char *new_text, size_t new_len,
                           size_t *occurrences, vb_bytes *content);
    vb_status (*exec)(vb_sandbox *sb, void *state, const char *cmd,
                      const vb_sandbox_exec_opts *opts, vb_sandbox_exec_result *result);
    vb_status (*glob)(vb_sandbox *sb, void *state, const char *pattern,
                      const vb_sandbox_glob_opts *opts, vb_sandbox_paths *out);
    vb_status (*grep)(vb_sandbox *sb, void *state, const char *regex,
                      const vb_sandbox_grep_opts *opts, vb_sandbox_matches *out);
    vb_status (*mount)(vb_sandbox *sb, void *state, const char *host_path,
                       const char *sandbox_path, vb_mount_mode mode);
    /* Lists a directory (absolute, normalised sandbox path); VB_ENOTDIR
     * for a file. Needed by the generic glob and grep. */
    vb_status (*list_dir)(vb_sandbox *sb, void *state, const char *path,
                          vb_sandbox_dirent_fn fn, void *ctx);
    /* Type of a path without following a final symlink; VB_ENOENT when
     * missing. Needed by the generic glob and grep. */
    vb_status (*stat)(vb_sandbox *sb, void *state, const char *path, vb_sandbox_ftype *type);
} vb_sandbox_ops;

/* Creates a sandbox over any ops table (ops is borrowed, must outlive it). */
VB_API vb_status vb_sandbox_new_ops(const vb_sandbox_ops *ops, const vb_sandbox_opts *opts,
                                    vb_sandbox **out);

/* For backends: records the error text of the current call. Returns rc. */
VB_API int vb_sandbox_set_error(vb_sandbox *sb, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* For backends: memory for buffers handed to the caller (process-wide
 * allocator; released by the *_free functions). NULL when out of memory. */
VB_API void *vb_sandbox_alloc(size_t n);
VB_API void *vb_sandbox_realloc(void *p, size_t n);
VB_API void vb_sandbox_dealloc(void *p);

/* For backends: the sandbox's working directory, absolute and normalised
 * (borrowed). */
VB_API const char *vb_sandbox_cwd(const vb_sandbox *sb);

/* For backends: joins path to the cwd (if relative) and normalises ".", ".."
 * (never above "/") and repeated slashes. Returns a string from
 * vb_sandbox_alloc, or NULL (VB_ENOMEM / VB_EINVAL for an empty path, error
 * text set). */
VB_API char *vb_sandbox_abspath(vb_sandbox *sb, const char *cwd, const char *path);

#ifdef __cplusplus
}
#endif
#endif
