/*
 * base32: base32 encode or decode data (-d), -i to skip characters outside the
 * alphabet, -w COLS to wrap (0: never). Streams in both directions.
 * Reference: GNU coreutils 9.1 base32. The engine is builtins/lib/text_enc.c.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/text_enc.h"

VB_BUILTIN("base32", bi_base32, BI_UTIL)

static const char base32_help[] =
    "Usage: base32 [OPTION]... [FILE]\n"
    "Base32 encode or decode FILE, or standard input, to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -d, --decode          decode data\n"
    "  -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n"
    "  -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n"
    "                          Use 0 to disable line wrapping\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_base32(vb_cmd *cmd)
{
    return tx_basenc_main(cmd, TX_ENC_B32, base32_help);
}
