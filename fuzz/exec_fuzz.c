/*
 * libFuzzer target for whole-script execution: the input is a script run in
 * a fresh session with tight limits (10,000 commands and loop iterations,
 * 200 ms, 64 MiB, 64 KiB of output). Whatever it does, it must end within
 * its limits without a crash, a leak or a sanitizer report; the session
 * must then still run a command.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    (void)vb_vfs_write_file(s, "/tmp/in", "a b\nc\n", 6);
    fz_exec(s, (const char *)data, size);
    fz_exec(s, "echo ok", 7);
    vb_session_free(s);
    return 0;
}
