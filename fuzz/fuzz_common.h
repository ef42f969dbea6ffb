/*
 * What the fuzz targets share: a fresh session with tight limits (every
 * input ends quickly and small) and a script runner that ignores how a bad
 * input fails, as long as it neither crashes nor hangs.
 */
#ifndef VB_FUZZ_COMMON_H
#define VB_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

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

/* Inputs of the form FIRST\nSECOND (a pattern and its subject): the bytes
 * before the first newline go to the file first_path, the rest to
 * second_path; an input without a newline is all FIRST, and second_path
 * then holds dflt (dlen bytes). */
static inline void fz_write_split(vb_session *s, const uint8_t *data, size_t size,
                                  const char *first_path, const char *second_path,
                                  const char *dflt, size_t dlen)
{
    const uint8_t *nl = size ? memchr(data, '\n', size) : NULL;
    size_t flen = nl ? (size_t)(nl - data) : size;
    (void)vb_vfs_write_file(s, first_path, data, flen);
    if (nl)
        (void)vb_vfs_write_file(s, second_path, nl + 1, size - flen - 1);
    else
        (void)vb_vfs_write_file(s, second_path, dflt, dlen);
}

/* The usual target: an input of up to max bytes is written to the file
 * path, then script runs in a fresh session. Returns 0 (libFuzzer's "keep
 * going"). */
static inline int fz_run_on_file(const uint8_t *data, size_t size, size_t max,
                                 const char *path, const char *script, size_t slen)
{
    if (size > max)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    (void)vb_vfs_write_file(s, path, data, size);
    fz_exec(s, script, slen);
    vb_session_free(s);
    return 0;
}

/* Entries of a directory ((size_t)-1 when it cannot be read): targets that
 * unpack archives check that nothing landed outside their directory. */
static inline size_t fz_count(vb_session *s, const char *dir)
{
    vb_vfs_entry *e = NULL;
    size_t n = 0;
    if (vb_vfs_readdir(s, dir, &e, &n) != VB_OK)
        return (size_t)-1;
    vb_free(e);
    return n;
}

#endif
