/*
 * libFuzzer target for regular expressions: the input is the pattern (and
 * optionally the subject after the first newline) for [[ =~ ]], grep -E,
 * grep (BRE), grep -F/-i/-w/-o and a sed script (sed -f, sed -E -f).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"p=$(cat /tmp/in); s=$(cat /tmp/s)\n"
    "[[ $s =~ $p ]] && echo \"${BASH_REMATCH[@]}\"\n"
    "grep -E -e \"$p\" /tmp/s; grep -e \"$p\" /tmp/s; grep -oiw -e \"$p\" /tmp/s\n"
    "grep -F -e \"$p\" /tmp/s\n"
    "sed -f /tmp/in /tmp/s; sed -E -n -f /tmp/in /tmp/s\n"
    "expr \"$s\" : \"$p\"\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    /* the input is PATTERN\nSUBJECT: the part after the first newline is
     * the subject, the rest the pattern (no newline: a fixed subject) */
    fz_write_split(s, data, size, "/tmp/in", "/tmp/s", "aab.c\nxyz abc\n", 14);
    fz_exec(s, fz_script, sizeof fz_script - 1);
    vb_session_free(s);
    return 0;
}
