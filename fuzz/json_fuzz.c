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
    return fz_run_on_file(data, size, 4096, "/tmp/in", fz_script, sizeof fz_script - 1);
}
