/*
 * libFuzzer target for the JSON reader: jq . (and -c, -s, --seq) on the
 * input, then back through jq to check the output parses again.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"jq . /tmp/in > /tmp/o && jq -c . /tmp/o > /dev/null\n"
    "jq -c -s . /tmp/in\n"
    "jq --seq . /tmp/in\n"
    "jq -R . /tmp/in\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    (void)vb_vfs_write_file(s, "/tmp/in", data, size);
    fz_exec(s, fz_script, sizeof fz_script - 1);
    vb_session_free(s);
    return 0;
}
