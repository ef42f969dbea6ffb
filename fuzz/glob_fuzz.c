/*
 * libFuzzer target for glob and extglob matching: the input is a pattern
 * (and optionally a subject after the first newline) matched by [[ == ]],
 * case, ${v#pat}/${v//pat/} and pathname expansion, with extglob on.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"shopt -s extglob nullglob\n"
    "p=$(cat /tmp/in); s=$(cat /tmp/s)\n"
    "[[ $s == $p ]] && echo m\n"
    "case $s in $p) echo c;; esac\n"
    "echo \"${s#$p}\" \"${s%%$p}\" \"${s//$p/x}\"\n"
    "mkdir -p /tmp/g/a.b /tmp/g/c; : > /tmp/g/aab.c; cd /tmp/g && echo $p\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    /* the input is PATTERN\nSUBJECT (no newline: a fixed subject) */
    fz_write_split(s, data, size, "/tmp/in", "/tmp/s", "aab.c\nxyz abc\n", 14);
    fz_exec(s, fz_script, sizeof fz_script - 1);
    vb_session_free(s);
    return 0;
}
