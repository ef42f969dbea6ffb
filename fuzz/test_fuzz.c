/*
 * libFuzzer target for test/[ and [[ ]]: each input line is one operand
 * of test and [ (from mapfile, never spliced), and the input as a whole is
 * the body of [[ ]] (through eval: parsing it is the point).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"mapfile -t a < /tmp/in\n"
    "test \"${a[@]}\"; echo $?\n"
    "[ \"${a[@]}\" ]; echo $?\n"
    "x=$(cat /tmp/in); eval \"[[ $x ]]\"; echo $?\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run_on_file(data, size, 4096, "/tmp/in", fz_script, sizeof fz_script - 1);
}
