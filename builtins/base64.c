/*
 * base64: base64 encode or decode data (-d), -i to skip characters outside the
 * alphabet, -w COLS to wrap (0: never). Streams in both directions.
 * Reference: GNU coreutils 9.1 base64. The engine is builtins/lib/text_enc.c.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/text_enc.h"

VB_BUILTIN("base64", bi_base64, BI_UTIL)

static const char base64_help[] =
    "Usage: base64 [OPTION]... [FILE]\n"
    "Base64 encode or decode FILE, or standard input, to standard output.\n"
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

int bi_base64(vb_cmd *cmd)
{
    return tx_basenc_main(cmd, TX_ENC_B64, base64_help);
}
