/*
 * libFuzzer target for shell arithmetic: the input (read from a VFS file,
 * never spliced into the script) is evaluated as $(( )), let, an array
 * subscript and a recursive variable reference.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fresh session with tight limits: every input ends quickly and small. */
static vb_session *fz_session(void)
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
static void fz_exec(vb_session *s, const char *script, size_t len)
{
    vb_exec_opts o;
    vb_exec_opts_init(&o);
    vb_result r;
    (void)vb_exec(s, script, len, &o, &r);
    vb_result_free(&r);
}

static const char fz_script[] =
"x=$(cat /tmp/in)\n"
    "echo $(( $x ))\n"
    "v=$x; echo $(( v ))\n"
    "let \"$x\"\n"
    "a[1]=1; echo \"${a[$x]}\"\n"
    "(( $x )) && echo t\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    (void)vb_vfs_write_file(s, "/tmp/in", data, size);
    fz_exec(s, fz_script, sizeof fz_script - 1);
    vb_session_free(s);
    return 0;
}
