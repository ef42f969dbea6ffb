/*
 * libFuzzer target for the zip reader: the input is a .zip file in the VFS,
 * listed (unzip -l, -v), tested (-t), printed (-p) and extracted below
 * /tmp/x. A member may never land outside /tmp/x (the listing of / and of
 * /home is the same before and after), and a corrupt archive ends with an
 * error, never a crash or a hang.
 */
#include <stddef.h>
#include <stdint.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
    "unzip -l /tmp/in.zip; unzip -v /tmp/in.zip | wc -l; unzip -t /tmp/in.zip\n"
    "unzip -p /tmp/in.zip | wc -c\n"
    "mkdir -p /tmp/x && unzip -o -q /tmp/in.zip -d /tmp/x; ls -R /tmp/x | wc -l\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (256u << 10))
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    size_t root = fz_count(s, "/"), home = fz_count(s, "/home");
    (void)vb_vfs_write_file(s, "/tmp/in.zip", data, size);
    fz_exec(s, fz_script, sizeof fz_script - 1);
    if (fz_count(s, "/") != root || fz_count(s, "/home") != home)
        __builtin_trap(); /* a member escaped /tmp/x */
    vb_session_free(s);
    return 0;
}
