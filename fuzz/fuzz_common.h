/*
 * What the fuzz targets share: a fresh session with tight limits (every
 * input ends quickly and small) and a script runner that ignores how a bad
 * input fails, as long as it neither crashes nor hangs.
 */
#ifndef VB_FUZZ_COMMON_H
#define VB_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "vbash/vbash.h"

/* A fresh session with tight limits. */
static inline vb_session *fz_session(void)
{
    vb_config c;
    vb_config_init(&c);
    vb_limits l = { 0 };
    l.max_commands = 10000;
    l.max_loop_iterations = 10000;
    l.max_wall_ms = 200;
    l.max_memory_bytes = 64u << 20;
    l.max_output_bytes = 64u << 10;
    l.max_total_bytes = 16u << 20;
    l.max_file_bytes = 8u << 20;
    c.limits = &l;
    c.random_seed = 1;
    c.clock_epoch = 1700000000;
    vb_session *s = NULL;
    if (vb_session_new(&c, &s) != VB_OK)
        return NULL;
    return s;
}

/* Runs a script; a bad input may fail in any way but crash or hang. */
static inline void fz_exec(vb_session *s, const char *script, size_t len)
{
    vb_exec_opts o;
    vb_exec_opts_init(&o);
    vb_result r;
    (void)vb_exec(s, script, len, &o, &r);
    vb_result_free(&r);
}

#endif
