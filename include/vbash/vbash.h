/*
 * vbash — a virtual sandbox engine: an in-memory filesystem plus a bash
 * interpreter with native commands, all inside the calling process.
 *
 * Conventions of this API:
 *  - every function that can fail returns a vb_status (VB_OK = 0, negative
 *    errno-style codes otherwise) and never aborts on bad input;
 *  - a session belongs to the thread that created it (its memory comes from
 *    a mimalloc heap owned by that thread, see docs/memory.md): call
 *    vb_exec, vb_session_fork and vb_session_free on that thread. Only
 *    vb_cancel may be called from any thread;
 *  - buffers returned to the caller say who owns them.
 */
#ifndef VBASH_VBASH_H
#define VBASH_VBASH_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(VB_BUILDING)
#define VB_API __attribute__((visibility("default")))
#else
#define VB_API
#endif

/* Engine status. Never mixed with a shell exit status (0-255). */
typedef enum vb_status {
    VB_OK = 0,
    VB_EPERM = -EPERM,
    VB_ENOENT = -ENOENT,
    VB_EIO = -EIO,
    VB_EBADF = -EBADF,
    VB_ENOMEM = -ENOMEM,
    VB_EACCES = -EACCES,
    VB_EEXIST = -EEXIST,
    VB_EXDEV = -EXDEV,
    VB_ENOTDIR = -ENOTDIR,
    VB_EISDIR = -EISDIR,
    VB_EINVAL = -EINVAL,
    VB_EFBIG = -EFBIG,
    VB_ENOSPC = -ENOSPC,
    VB_EROFS = -EROFS,
    VB_EPIPE = -EPIPE,
    VB_ENAMETOOLONG = -ENAMETOOLONG,
    VB_ENOSYS = -ENOSYS,
    VB_ENOTEMPTY = -ENOTEMPTY,
    VB_ELOOP = -ELOOP,
    VB_ENOTSUP = -ENOTSUP,
    VB_ETIMEDOUT = -ETIMEDOUT,
    VB_ECANCELED = -ECANCELED,
    VB_EBUSY = -EBUSY,
} vb_status;

/* Short English text for a status ("No such file or directory"). Static. */
VB_API const char *vb_strerror(int status);

/* Which limit ended a script. */
typedef enum vb_limit_kind {
    VB_LIMIT_NONE = 0,
    VB_LIMIT_COMMANDS,      /* commands executed per vb_exec */
    VB_LIMIT_LOOP,          /* iterations of any one loop */
    VB_LIMIT_CALL_DEPTH,    /* function / source / eval nesting */
    VB_LIMIT_PARSE_DEPTH,   /* parser nesting */
    VB_LIMIT_SCRIPT_BYTES,  /* size of a script given to the parser */
    VB_LIMIT_OUTPUT,        /* bytes written to the captured stdout+stderr */
    VB_LIMIT_FILE_BYTES,    /* one file's size */
    VB_LIMIT_TOTAL_BYTES,   /* all file data in the VFS */
    VB_LIMIT_INODES,        /* files + directories + links */
    VB_LIMIT_MEMORY,        /* the session heap */
    VB_LIMIT_TIME,          /* wall time of one vb_exec */
    VB_LIMIT_EXPANSION,     /* brace / glob / word expansion results */
    VB_LIMIT_REGEX,         /* regex match steps (catastrophic backtracking) */
    VB_LIMIT_PROCS,         /* live virtual processes (jobs, pipeline stages) */
    VB_LIMIT_STRING,        /* one variable or word's length */
    VB_LIMIT_CANCELLED,     /* vb_cancel was called */
    VB_LIMIT__COUNT
} vb_limit_kind;

/* Name of a limit as used by --limit NAME=VALUE ("commands", "time"...). */
VB_API const char *vb_limit_name(vb_limit_kind kind);

/* Every limit; 0 in a vb_config override means "keep the profile's value". */
typedef struct vb_limits {
    uint64_t max_commands;
    uint64_t max_loop_iterations;
    uint64_t max_call_depth;
    uint64_t max_parse_depth;
    uint64_t max_script_bytes;
    uint64_t max_output_bytes;
    uint64_t max_file_bytes;
    uint64_t max_total_bytes;
    uint64_t max_inodes;
    uint64_t max_memory_bytes;
    uint64_t max_wall_ms;
    uint64_t max_expansion;
    uint64_t max_regex_steps;
    uint64_t max_procs;
    uint64_t max_string_bytes;
    uint64_t max_path_len;
    uint64_t max_name_len;
    uint64_t max_dir_depth;
} vb_limits;

typedef enum vb_profile {
    VB_PROFILE_DEFAULT = 0,
    VB_PROFILE_STRICT,
    VB_PROFILE_PERMISSIVE,
} vb_profile;

/* Fills *out with the limits of a profile. */
VB_API void vb_limits_profile(vb_profile profile, vb_limits *out);

/* Sets one limit by its name ("commands", "time", "memory"...); VALUE takes
 * the suffixes k, M, G (x1024) and, for "time", ms / s / m. */
VB_API vb_status vb_limits_set(vb_limits *limits, const char *name, const char *value);

typedef enum vb_mount_mode {
    VB_MOUNT_RO = 0,      /* host directory, read-only */
    VB_MOUNT_RW,          /* host directory, writes go to the host */
    VB_MOUNT_OVERLAY,     /* host directory read, writes stay in memory */
} vb_mount_mode;

typedef struct vb_mount {
    const char *host_path;    /* borrowed */
    const char *sandbox_path; /* borrowed, absolute */
    vb_mount_mode mode;
} vb_mount;

typedef struct vb_net_policy vb_net_policy; /* net/: see vbash/net.h */

typedef struct vb_config {
    size_t size;               /* sizeof(vb_config): the struct grows at its end */
    vb_profile profile;
    const vb_limits *limits;   /* may be NULL; non-zero fields override the profile */
    const char *const *env;    /* may be NULL; "NAME=value" strings, NULL-terminated */
    const char *cwd;           /* may be NULL: /home/user */
    const vb_mount *mounts;    /* may be NULL */
    size_t n_mounts;
    uint64_t random_seed;      /* 0: seeded from the host; else RANDOM and /dev/urandom repeat */
    int64_t clock_epoch;       /* 0: real time; else the session's clock starts here (seconds) */
    const char *user;          /* may be NULL: "user" */
    const char *hostname;      /* may be NULL: "vbash" */
    vb_net_policy *net;        /* may be NULL: no network. Borrowed; must outlive the session */
    /* What uname reports (each may be NULL: "Linux", "6.1.0-vbash",
     * "#1 SMP vbash", "x86_64"); the node name is hostname. Copied. */
    const char *uname_sysname, *uname_release, *uname_version, *uname_machine;
} vb_config;

/* Initialises a config with its size set and every default. */
VB_API void vb_config_init(vb_config *cfg);

typedef struct vb_session vb_session;

/* Creates a session: a fresh VFS with the default layout, a shell state.
 * cfg may be NULL for defaults. On failure *out is NULL. */
VB_API vb_status vb_session_new(const vb_config *cfg, vb_session **out);

/* Frees a session and everything it owns. NULL is a no-op. */
VB_API void vb_session_free(vb_session *s);

/* O(1) copy-on-write clone: files, variables, functions, cwd. The clone is
 * owned by the calling thread. */
VB_API vb_status vb_session_fork(vb_session *s, vb_session **out);

/* Asks the running vb_exec of s to stop (thread-safe, async-signal-safe).
 * The script ends with VB_LIMIT_CANCELLED and status 130. */
VB_API void vb_cancel(vb_session *s);

/* Text of the session's last engine error (borrowed, valid until the next
 * call on s). */
VB_API const char *vb_session_error(const vb_session *s);

/* A binary-safe byte buffer owned by the result it belongs to. */
typedef struct vb_bytes {
    char *data;   /* NUL-terminated for convenience; may hold NULs inside */
    size_t len;
} vb_bytes;

typedef struct vb_exec_opts {
    size_t size;               /* sizeof(vb_exec_opts) */
    const char *cwd;           /* may be NULL: keep the session's cwd */
    const char *const *env;    /* may be NULL; "NAME=value" set for this call only */
    const void *stdin_data;    /* may be NULL; bytes fed to the script's stdin */
    size_t stdin_len;
    uint64_t timeout_ms;       /* 0: the session's max_wall_ms */
    const char *script_name;   /* $0; may be NULL: "vbash" */
    const char *const *args;   /* may be NULL; $1... NULL-terminated */
    /* Host file descriptors to use instead of buffers (the CLI); -1 = capture
     * into vb_result (stdout/stderr) or empty input (stdin). */
    int stdin_fd, stdout_fd, stderr_fd;
    int flags;                 /* VB_EXEC_* */
} vb_exec_opts;

enum {
    VB_EXEC_NOEXEC = 1 << 0,      /* parse only (vbash -n) */
    VB_EXEC_INTERACTIVE = 1 << 1, /* behave as an interactive shell */
    VB_EXEC_SCRIPT_FILE = 1 << 2, /* the script is a file's text: errors say "NAME: line N:" */
};

/* Initialises opts with its size set, fds at -1. */
VB_API void vb_exec_opts_init(vb_exec_opts *opts);

typedef struct vb_result {
    vb_bytes out;              /* captured stdout (owned; vb_result_free) */
    vb_bytes err;              /* captured stderr (owned) */
    int exit_status;           /* 0-255, as the shell's $? */
    vb_limit_kind limit;       /* VB_LIMIT_NONE unless a limit ended the script */
    int exited;                /* 1 when the script ran `exit` (the CLI stops) */
} vb_result;

/* Runs a script in the session. The session keeps its state (variables,
 * functions, cwd, files) between calls, like a persistent shell. Returns
 * VB_OK when the script ran (whatever its exit status); an engine error
 * otherwise. result is always initialised and must be freed. */
VB_API vb_status vb_exec(vb_session *s, const char *script, size_t len,
                         const vb_exec_opts *opts, vb_result *result);

/* Releases the buffers of a result. */
VB_API void vb_result_free(vb_result *result);

/* Bytes currently allocated by the session (heap and file data). */
VB_API size_t vb_session_memory(const vb_session *s);

/* "0.1.0" */
VB_API const char *vb_version(void);

#ifdef __cplusplus
}
#endif
#endif
