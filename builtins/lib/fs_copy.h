/*
 * The copy engine of cp, shared by mv (moves across file systems) and
 * install: files, directories (recursively), symlinks, FIFOs, hard links,
 * with GNU cp's rules for dereferencing, overwriting and preserving
 * attributes, and its messages.
 */
#ifndef VB_BUILTINS_FS_COPY_H
#define VB_BUILTINS_FS_COPY_H

#include <stdbool.h>
#include <stdint.h>

#include "builtins/lib/bi.h"

enum { FS_DEREF_NEVER, FS_DEREF_ARGS, FS_DEREF_ALWAYS };
enum { FS_INTER_NONE, FS_INTER_ASK, FS_INTER_NOCLOBBER };

typedef struct fs_copy_opts {
    int deref;            /* FS_DEREF_*: -P, -H, -L */
    bool recursive;
    int interactive;      /* FS_INTER_*: -i, -n */
    bool force;           /* -f: remove a destination that cannot be opened */
    bool remove_dest;     /* --remove-destination */
    bool update;          /* -u: only when the source is newer */
    bool verbose;
    bool hard_link;       /* -l */
    bool sym_link;        /* -s */
    bool one_fs;          /* -x */
    bool keep_mode, keep_owner, keep_times, keep_links;  /* --preserve */
    bool no_target_dir;   /* -T (caller's business, here for completeness) */
    bool move;            /* called by mv: messages say "mv" wording */
    bool attributes_only;
    bool no_mode;         /* --no-preserve=mode: new files get 0666 & ~umask */
    int backup;           /* FS_BACKUP_* (fs_util.h) */
    const char *backup_suffix;
    uint32_t umask;
    /* internal state, zero before the first call */
    struct fs_copy_link *links;
    size_t nlinks, caplinks;
    char *last_backup;    /* for the verbose line */
} fs_copy_opts;

/* Copies src (as the user named it) to dst (the final name, not a
 * directory to copy into). top: src is a command-line operand. Reports its
 * errors; returns 0 or 1. */
int fs_copy(vb_cmd *cmd, fs_copy_opts *op, const char *src, const char *dst, bool top);

#endif
