/*
 * libFuzzer target for tar import: the input is extracted with
 * vb_vfs_import_tar_mem below /x. Nothing may appear outside /x (the
 * listing of / and /tmp is the same before and after), and what was
 * imported must export again.
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
    if (size > (1u << 20))
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    if (vb_vfs_mkdir(s, "/x", 0755, false) != VB_OK) {
        vb_session_free(s);
        return 0;
    }
    size_t root = fz_count(s, "/"), tmp = fz_count(s, "/tmp");
    (void)vb_vfs_import_tar_mem(s, "/x", data, size);
    if (fz_count(s, "/") != root || fz_count(s, "/tmp") != tmp)
        __builtin_trap(); /* a member escaped /x */
    vb_bytes out = { 0 };
    if (vb_vfs_export_tar_mem(s, "/x", &out) == VB_OK)
        vb_free(out.data);
    vb_session_free(s);
    return 0;
}
