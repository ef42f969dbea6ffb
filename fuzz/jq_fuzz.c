/*
 * libFuzzer target for jq: the input is a jq program run on a fixed JSON
 * document and with -n; and the input is the JSON given to a fixed program,
 * whole and through the streaming parser (--stream, --seq).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
"printf %s \x27{\"a\":[1,2.5,\"x\",null,true,{\"b\":[]}],\"c\":\"\\\\u00e9\"}\x27 > /tmp/j\n"
    "jq -f /tmp/in /tmp/j\n"
    "jq -n -c -f /tmp/in\n"
    "jq -c \x27.. | select(type==\"number\") // empty\x27 /tmp/in\n"
    "jq -r \x27paths | tostring\x27 /tmp/in\n"
    "jq -c --stream . /tmp/in\n"
    "jq -nc --stream --seq \x27" "fromstream(inputs)\x27 /tmp/in\n";

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
