/*
 * Shared helpers of the file and directory commands (ls, cp, mv, rm, chmod,
 * stat, du, tree, readlink, realpath, install...): GNU's quoting of file
 * names in messages, mode strings, symbolic modes, path pieces, the virtual
 * users and groups of /etc/passwd and /etc/group, name canonicalisation and
 * a recursive directory walk. Everything allocates from cmd->heap.
 */
#ifndef VB_BUILTINS_FS_UTIL_H
#define VB_BUILTINS_FS_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "builtins/lib/bi.h"

/* ------------------------------------------------------------------ quoting */
/* GNU quoteaf(): shell-escape-always quoting ('x', "it's", 'a'$'\n''b'),
 * used for file names in most coreutils messages. Heap string. */
const char *fs_q(vb_cmd *cmd, const char *name);
/* GNU quotef(): the same, but quotes only when the name needs it. */
const char *fs_qf(vb_cmd *cmd, const char *name);
/* GNU quote(): locale quotes, ‘x’ in a UTF-8 locale, 'x' in C. */
const char *fs_lq(vb_cmd *cmd, const char *s);
/* strerror text for a negative errno ("No such file or directory"). */
const char *fs_strerror(int neg_errno);
/* "NAME: <fmt...>: strerror\n" to fd 2; returns 1. */
int fs_errf(vb_cmd *cmd, int neg_errno, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* GNU argmatch failure: "NAME: invalid argument ‘x’ for ‘--opt’", the valid
 * arguments (vals: names, "" between synonym groups ends a line, NULL ends
 * the list) and the Try line. Returns 1. */
int fs_bad_arg(vb_cmd *cmd, const char *arg, const char *opt, const char *const *vals);

/* "Try 'NAME --help' for more information." to fd 2; returns 1. */
int fs_try(vb_cmd *cmd);

/* Reads one answer line from standard input (as GNU yesno()): true when
 * it starts with 'y' or 'Y'. End of input is "no". */
bool fs_yesno(vb_cmd *cmd);
/* true when fd 0 is a terminal. */
bool fs_stdin_tty(vb_cmd *cmd);

/* bi_human with GNU's SI prefix letters (k for 1000, K for 1024). */
void fs_human(char out[32], uint64_t n, bool si);

/* Backups of files about to be replaced (cp, mv, ln, install -b). */
enum { FS_BACKUP_NONE, FS_BACKUP_SIMPLE, FS_BACKUP_EXISTING, FS_BACKUP_NUMBERED };
/* The type from --backup=CONTROL (arg NULL: $VERSION_CONTROL, else
 * existing). -1 after printing GNU's argmatch error. */
int fs_backup_type(vb_cmd *cmd, const char *arg);
/* The suffix: -S's argument, else $SIMPLE_BACKUP_SUFFIX, else "~". */
const char *fs_backup_suffix(vb_cmd *cmd, const char *arg);
/* Renames dst (as the user named it) to its backup name; *backup gets that
 * name (heap). 0 or a negative errno. */
int fs_backup(vb_cmd *cmd, int type, const char *suffix, const char *dst, char **backup);

/* ------------------------------------------------------------------ modes */
/* "drwxr-xr-x" (10 characters + NUL), with s/S t/T as ls prints them. */
void fs_mode_string(uint32_t mode, char out[11]);
/* The file type letter of ls -l ('-', 'd', 'l', 'p', 'c', 'b', 's'). */
char fs_type_char(uint32_t mode);
/* "regular file", "directory", "symbolic link", "regular empty file"... as
 * stat %F prints. */
const char *fs_type_name(const vfs_stat_t *st);

/* A compiled chmod-style mode: octal ("755") or symbolic ("u+x,go-w", "a=rX",
 * "g=u", "+t"). NULL with *err set to -EINVAL when invalid. */
typedef struct fs_modechange fs_modechange;
fs_modechange *fs_mode_compile(vb_cmd *cmd, const char *spec);
/* New permission bits (07777) from old ones, as gnulib mode_adjust: the
 * umask applies to clauses that name no "who" (as chmod). *mode_bits (may be NULL) receives the bits the
 * clauses touched. */
uint32_t fs_mode_adjust(const fs_modechange *mc, uint32_t oldmode, bool is_dir,
                        uint32_t umask, uint32_t *mode_bits);
/* The session's umask (022 when the shell does not tell). Costs a child
 * process until the shell answers ops->info("umask"): call it once per
 * command. */
uint32_t fs_umask(vb_cmd *cmd);

/* ------------------------------------------------------------------ paths */
/* dir + "/" + name, without doubling a slash. Heap string. */
char *fs_join(mem_heap *h, const char *dir, const char *name);
/* The last component of path ignoring trailing slashes ("a/b/" -> "b",
 * "/" -> "/"). Heap string. */
char *fs_base(mem_heap *h, const char *path);
/* dirname(1) of path. Heap string. */
char *fs_dir(mem_heap *h, const char *path);
/* path without its trailing slashes (but "/" stays "/"). Heap string. */
char *fs_strip_slashes(mem_heap *h, const char *path);
/* true for "." and ".." (as the last component: "a/..", "./"). */
bool fs_is_dot_or_dotdot(const char *path);

/* Canonicalisation modes of readlink/realpath (gnulib canonicalize). */
enum {
    FS_CAN_EXISTING = 0,     /* every component must exist */
    FS_CAN_ALL_BUT_LAST = 1, /* all but the last must exist */
    FS_CAN_MISSING = 2,      /* no component needs to exist */
    FS_CAN_NOLINKS = 4,      /* do not resolve symlinks (realpath -s) */
    FS_CAN_LOGICAL = 8,      /* resolve ".." before symlinks (realpath -L) */
};
/* Absolute canonical form of path (relative paths from cmd->cwd). 0 or a
 * negative errno. */
int fs_canon(vb_cmd *cmd, const char *path, int mode, char **out);
/* path of `to` relative to directory `from` (both canonical absolute). */
char *fs_relpath(mem_heap *h, const char *to, const char *from);

/* ------------------------------------------------------------------ ids */
/* Users and groups of the session, from /etc/passwd and /etc/group in the
 * VFS, loaded lazily on first use. */
typedef struct fs_ids {
    bool loaded;
    char *passwd, *group;   /* heap, may be NULL */
    size_t plen, glen;
} fs_ids;
/* Name of a uid / gid, or NULL when unknown. Heap string. */
const char *fs_user_name(vb_cmd *cmd, fs_ids *ids, uint32_t uid);
const char *fs_group_name(vb_cmd *cmd, fs_ids *ids, uint32_t gid);
/* Name or decimal id -> id; 0 or -ENOENT. */
int fs_user_id(vb_cmd *cmd, fs_ids *ids, const char *name, uint32_t *uid);
int fs_group_id(vb_cmd *cmd, fs_ids *ids, const char *name, uint32_t *gid);
/* The primary group of a user (from /etc/passwd); 0 or -ENOENT. */
int fs_user_gid(vb_cmd *cmd, fs_ids *ids, uint32_t uid, uint32_t *gid);

/* ------------------------------------------------------------------ time */
/* The session clock. */
void fs_now(vb_cmd *cmd, struct timespec *ts);
/* Broken-down time in the session's zone (the TZ variable, POSIX rules
 * included; see text_time.h). tm_zone points to a heap copy. */
void fs_localtime(vb_cmd *cmd, time_t t, struct tm *tm);
/* Parses a date as touch -d / date -d accept in their common forms:
 * "@SECONDS", "YYYY-MM-DD[ T]HH:MM[:SS[.frac]]" with optional "Z"/"+hh:mm",
 * "YYYY-MM-DD", "now", "today", "yesterday", "tomorrow", "N units ago",
 * "HH:MM[:SS]". 0 or -EINVAL. */
int fs_parse_date(vb_cmd *cmd, const char *s, struct timespec *out);

/* ------------------------------------------------------------------ dirs */
/* The names in a directory (sorted bytewise, without . and ..). Heap array. */
int fs_list_dir(vb_cmd *cmd, const char *abs, char ***names, size_t *n);
/* Frees what fs_list_dir returned (long walks keep their memory flat). */
void fs_free_names(vb_cmd *cmd, char **names, size_t n);

/* A recursive walk (rm -r, chmod -R, chown -R, du). */
typedef struct fs_walk_ent {
    const char *path;      /* as the user named it: operand + "/" + names */
    const char *abs;       /* absolute VFS path */
    vfs_stat_t st;           /* lstat (or stat when followed) */
    int err;               /* <0: stat failed (st is zeroed) */
    int depth;             /* 0 for the operand */
    bool post;             /* leaving a directory (after its entries) */
    int dir_err;           /* <0: opening the directory failed (pre-order call already done) */
} fs_walk_ent;
enum {
    FS_WALK_FOLLOW_ROOT = 1, /* -H: follow a symlink given as the operand */
    FS_WALK_FOLLOW_ALL = 2,  /* -L: follow every symlink */
    FS_WALK_POST = 4,        /* call back again after a directory's entries */
    FS_WALK_XDEV = 8,        /* stay on the operand's file system */
};
/* Callback returns 0 to go on, 1 to skip this directory's entries, <0 to
 * stop the whole walk (returned by fs_walk). When a directory cannot be
 * opened, the callback is called once more with dir_err set (post false). */
typedef int (*fs_walk_fn)(void *ctx, fs_walk_ent *e);
int fs_walk(vb_cmd *cmd, const char *operand, int flags, fs_walk_fn fn, void *ctx);

#endif
