/*
 * grep's search engine, shared with rg (builtins/rg.c): the options of one
 * search and the function that runs it over one stream.
 */
#ifndef VB_BUILTINS_GREP_INT_H
#define VB_BUILTINS_GREP_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/regex.h"

enum { GB_BINARY, GB_TEXT, GB_WITHOUT };
enum { GD_READ, GD_RECURSE, GD_SKIP };

typedef struct grep_colors {
    const char *ms, *mc, *fn, *ln, *bn, *se;
    bool ne;
} grep_colors;

typedef struct grep {
    vb_cmd *cmd;
    rx *re;
    bool invert, count, files_with, files_without, lnum, boff, only, quiet, nomsg;
    bool with_name, null_after_name, initial_tab, line_mode, zero, color, linebuf;
    bool group_sep_on;
    bool ctx_given;              /* grep: -A/-B/-C/-NUM given, even 0: separators */
    const char *group_sep;
    int binfiles, dirs, devskip;
    bool recursive, deref;
    int64_t max_count;           /* -1: none */
    int64_t before, after;
    const char *label;
    char eol;
    grep_colors col;
    char **includes, **excludes, **exclude_dirs;
    size_t ninc, nexc, nexd;
    bool any_selected, error;
    bool printed_any;            /* a line was output (group separators) */
    bool stop_all;               /* -q matched: stop everything */
    bool utf;
    bool rg_style;               /* rg's binary-file message */
    char *buf;
    size_t cap;
} grep;

/* Searches one open stream (name for messages and prefixes). Returns 0
 * when a line was selected, 1 when none, 2 after an error (reported). */
int grep_stream(grep *g, stream *s, const char *name);
/* Colours from a GREP_COLORS-style spec (NULL: GNU's defaults). */
void grep_set_colors(grep *g, const char *spec);

#endif
