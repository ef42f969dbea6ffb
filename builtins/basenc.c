/*
 * basenc: encode or decode data with one of --base64 --base64url --base32
 * --base32hex --base16 --base2msbf --base2lsbf --z85; -d, -i, -w COLS.
 * Reference: GNU coreutils 9.1 basenc. The engine is
 * builtins/lib/text_enc.c.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/text_enc.h"

VB_BUILTIN("basenc", bi_basenc, BI_UTIL)

static const char basenc_help[] =
    "Usage: basenc [OPTION]... [FILE]\n"
    "basenc encode or decode FILE, or standard input, to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "      --base64          same as 'base64' program (RFC4648 section 4)\n"
    "      --base64url       file- and url-safe base64 (RFC4648 section 5)\n"
    "      --base32          same as 'base32' program (RFC4648 section 6)\n"
    "      --base32hex       extended hex alphabet base32 (RFC4648 section 7)\n"
    "      --base16          hex encoding (RFC4648 section 8)\n"
    "      --base2msbf       bit string with most significant bit (msb) first\n"
    "      --base2lsbf       bit string with least significant bit (lsb) first\n"
    "  -d, --decode          decode data\n"
    "  -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n"
    "  -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n"
    "                          Use 0 to disable line wrapping\n"
    "      --z85             ascii85-like encoding (ZeroMQ spec:32/Z85);\n"
    "                        when encoding, input length must be a multiple of 4;\n"
    "                        when decoding, input length must be a multiple of 5\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_basenc(vb_cmd *cmd)
{
    return tx_basenc_main(cmd, TX_ENC_NONE, basenc_help);
}
