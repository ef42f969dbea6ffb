/*
 * libFuzzer target for the gzip reader: the input is a .gz file in the VFS,
 * read by gzip -dc, gzip -t, gzip -l, zcat and tar xzf. A corrupt stream
 * must end with an error, never a crash, a hang or unbounded output (the
 * session's output and file limits stop decompression bombs).
 */
#include <stddef.h>
#include <stdint.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_script[] =
    "gzip -dc /tmp/in.gz | wc -c\n"
    "gzip -t /tmp/in.gz; gzip -l /tmp/in.gz\n"
    "zcat < /tmp/in.gz | head -c 100 | od -c | head -n 3\n"
    "cp /tmp/in.gz /tmp/c.gz && gunzip -f /tmp/c.gz; ls -l /tmp/c /tmp/c.gz 2>&1 | wc -l\n"
    "mkdir -p /tmp/x && tar xzf /tmp/in.gz -C /tmp/x; ls -R /tmp/x | wc -l\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run_on_file(data, size, (256u << 10), "/tmp/in.gz", fz_script, sizeof fz_script - 1);
}
