/*
 * libFuzzer target for the sed script compiler and its runtime: the whole
 * input is a sed script (sed -f), run over a fixed text with the basic and
 * extended syntaxes, -n, -z and -s; w/r/W/R files live in the VFS. Any
 * script compiles or fails with a message; no crash, hang or unbounded
 * output.
 */
#include <stddef.h>
#include <stdint.h>

#include "vbash/vbash.h"
#include "vbash/vfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz/fuzz_common.h"

static const char fz_text[] = "one two\nthree 3 four\n\nfive,six;seven\nabcabc\nx\n";

static const char fz_script[] =
    "cd /tmp\n"
    "sed -f /tmp/in.sed t1\n"
    "sed -n -f /tmp/in.sed t1 t2\n"
    "sed -E -f /tmp/in.sed t1\n"
    "sed -s -n -E -f /tmp/in.sed t1 t2\n"
    "sed -z -f /tmp/in.sed t1\n"
    "cp t1 t3 && sed -i -f /tmp/in.sed t3 && cat t3\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    vb_session *s = fz_session();
    if (!s)
        return 0;
    (void)vb_vfs_write_file(s, "/tmp/in.sed", data, size);
    (void)vb_vfs_write_file(s, "/tmp/t1", fz_text, sizeof fz_text - 1);
    (void)vb_vfs_write_file(s, "/tmp/t2", "last line\nno newline", 20);
    fz_exec(s, fz_script, sizeof fz_script - 1);
    vb_session_free(s);
    return 0;
}
