/*
 * Tab stops of expand and unexpand (GNU expand-common.c): "N", "N,M,...",
 * "/N" (every N after the last), "+N" (N after the last). Owned by the
 * text commands.
 */
#ifndef VB_BUILTINS_TEXT_TABS_H
#define VB_BUILTINS_TEXT_TABS_H

#include "builtins/lib/bi.h"

typedef struct tx_tabs {
    uint64_t *list;
    size_t n, cap;
    uint64_t tab_size, extend, increment;
} tx_tabs;

/* Adds the stops of one -t argument; false after GNU's message. */
bool tx_tabs_parse(vb_cmd *cmd, tx_tabs *t, const char *stops);
/* Checks the list (ascending, not 0) and settles a single size; false
 * after the message. */
bool tx_tabs_finish(vb_cmd *cmd, tx_tabs *t);
/* The next tab stop after column; *last set when there is none. */
uint64_t tx_tabs_next(const tx_tabs *t, uint64_t column, size_t *index, bool *last);

#endif
