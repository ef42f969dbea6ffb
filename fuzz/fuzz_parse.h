/*
 * What the parser-level fuzz targets share (parser_fuzz, parse_diff_fuzz):
 * the options they parse with and a heap per input.
 */
#ifndef VB_FUZZ_PARSE_H
#define VB_FUZZ_PARSE_H

#include <stddef.h>

#include "core/mem.h"
#include "interp/parser.h"

/* Here-document warnings go nowhere: only crashes and hangs count. */
static inline void fz_parse_warn(void *ctx, int line, const char *msg)
{
    (void)ctx;
    (void)line;
    (void)msg;
}

/* Options for fuzzing: a low nesting limit (deep inputs end fast) and
 * warnings ignored. */
static inline parser_opts fz_parse_opts(void)
{
    parser_opts o = { 0 };
    o.max_depth = 200;
    o.warn = fz_parse_warn;
    return o;
}

/* The heap one input parses on (freed whole after the input). */
static inline mem_heap *fz_parse_heap(void) { return mem_heap_new(64u << 20); }

#endif
