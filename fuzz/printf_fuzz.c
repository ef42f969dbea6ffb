/*
 * libFuzzer target for printf: the input is the format, with a few
 * arguments of each kind, through printf, printf -v and printf %b / %q.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"f=$(cat /tmp/in)\n"
    "printf \"$f\" a 1 -2.5 0x1f \"\" \x27x\\tz\x27 99999999999999999999\n"
    "printf -v v \"$f\" 1 2 3; echo \"$v\"\n"
    "printf \x27%b|%q\\n\x27 \"$f\" \"$f\"\n"
    "echo -e \"$f\"\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run_on_file(data, size, 4096, "/tmp/in", fz_script, sizeof fz_script - 1);
}
