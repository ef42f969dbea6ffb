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

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"x=$(cat /tmp/in)\n"
    "echo $(( $x ))\n"
    "v=$x; echo $(( v ))\n"
    "let \"$x\"\n"
    "a[1]=1; echo \"${a[$x]}\"\n"
    "(( $x )) && echo t\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run_on_file(data, size, 65536, "/tmp/in", fz_script, sizeof fz_script - 1);
}
