/*
 * Helpers shared by the shell's own builtins (interp/bi/): they run with the
 * interpreter's state at hand (cmd->shell is the calling ish).
 */
#ifndef VB_INTERP_BI_SHBI_H
#define VB_INTERP_BI_SHBI_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "interp/interp.h"

static inline ish *shbi_sh(vb_cmd *cmd)
{
    return (ish *)cmd->shell;
}

/* "vbash: line N: NAME: message" on fd 2 (after flushing fd 1). Returns 1. */
int shbi_err(vb_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "NAME: usage: TEXT". Returns 2. */
int shbi_usage(vb_cmd *cmd, const char *usage);
/* "-x: invalid option" + usage. Returns 2. */
int shbi_badopt(vb_cmd *cmd, const char *opt, const char *usage);
/* Parses a decimal integer (with sign); false if not one. */
bool shbi_int(const char *s, int64_t *out);
/* declare -p style line for a variable. */
void shbi_print_var(vb_cmd *cmd, ivar *v, bool decl_form);
/* A dynamic variable whose value a listing computes (the arrays bash
 * keeps: FUNCNAME, BASH_SOURCE, PIPESTATUS..., and SHELLOPTS, BASHOPTS). */
bool shbi_special_computed(const char *name);
/* Declared without a value (declare x, or a dynamic variable never read):
 * `set` and `declare` leave it out, `declare -p` shows it without =. */
bool shbi_var_invisible(const ivar *v);
/* Prints a function definition (declare -f / type). */
void shbi_print_func(vb_cmd *cmd, ifunc *f);
/* Parses "name=(...)" element text produced by exec_decl_word or written by
 * the user into the array variable name. */
int shbi_assign_compound(ish *sh, const char *name, const char *text, bool append, int vflags,
                         bool assoc);

#endif
