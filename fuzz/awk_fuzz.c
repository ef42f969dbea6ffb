/*
 * libFuzzer target for awk: the input is an awk program (compiled and run
 * on a small fixed input and with BEGIN only).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"printf \"a b 1\\nc d 2.5\\n\\nx,y,z\\n\" > /tmp/s\n"
    "awk -f /tmp/in /tmp/s\n"
    "awk -F, -v n=3 -f /tmp/in /tmp/s /tmp/s\n";

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
