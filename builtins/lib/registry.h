/*
 * The command table. Each command file holds one line
 *     VB_BUILTIN("name", bi_name, FLAGS)
 * at the start of a line; scripts/gen-registry collects them into
 * vb_builtin_table, sorted bytewise by name.
 */
#ifndef VB_BUILTINS_REGISTRY_H
#define VB_BUILTINS_REGISTRY_H

#include <stddef.h>

typedef struct vb_cmd vb_cmd;
typedef int (*vb_builtin_fn)(vb_cmd *cmd);

enum {
    BI_UTIL = 0,          /* an ordinary command (a coreutils-style utility) */
    BI_SHELL = 1 << 0,    /* a shell builtin: `type` says "is a shell builtin" */
    BI_SPECIAL = 1 << 1,  /* a POSIX special builtin (assignments persist, errors fatal in posix mode) */
    BI_NOFORK = 1 << 2,   /* needs the caller's shell state (cd, read, export...) */
};

typedef struct vb_builtin {
    const char *name;
    vb_builtin_fn fn;
    int flags;
} vb_builtin;

/* Declares the entry point; the line is also collected by scripts/gen-registry. */
#define VB_BUILTIN(name, fn, flags) int fn(vb_cmd *cmd);

extern const vb_builtin vb_builtin_table[];
extern const size_t vb_builtin_count;

/* Binary search by name; NULL if none. */
const vb_builtin *vb_builtin_find(const char *name);

#endif
