/*
 * tar --transform: GNU tar's sed-like member name rewriting (private to
 * builtins/tar.c).
 */
#ifndef VB_BUILTINS_TAR_XFORM_H
#define VB_BUILTINS_TAR_XFORM_H

#include <stdbool.h>

#include "builtins/lib/bi.h"

/* What a name is (GNU's XFORM_* flags): an expression applies to the kinds
 * its r/R, h/H, s/S flags (or a previous flags=) leave set. */
enum { TAR_XF_REG = 1, TAR_XF_LINK = 2, TAR_XF_SYM = 4, TAR_XF_ALL = 7 };

/* The expressions of every --transform given, in order. */
typedef struct tar_xform {
    struct tar_xexpr *head, *tail;
    int flags;       /* the flags= in force for the next expressions */
} tar_xform;

/* Parses one --transform argument (expressions separated by ';') onto x.
 * 0, or -1 after GNU's usage message (the caller returns status 2). */
int tar_xform_parse(vb_cmd *cmd, tar_xform *x, const char *arg);
/* true when an expression was given. */
bool tar_xform_any(const tar_xform *x);
/* name rewritten by the expressions that apply to kind (a heap string), or
 * NULL when none applies. */
char *tar_xform_apply(vb_cmd *cmd, const tar_xform *x, const char *name, int kind);
/* Frees the compiled expressions (their JIT code is not on the heap). */
void tar_xform_free(tar_xform *x);

#endif
