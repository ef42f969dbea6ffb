/*
 * b2sum: print or check BLAKE2b checksums (OpenSSL libcrypto). -b -t --tag -z,
 * -l BITS, -c with --ignore-missing --quiet --status --strict -w.
 * Reference: GNU coreutils 9.1 b2sum. Engine: builtins/lib/text_sum.c.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/text_sum.h"

VB_BUILTIN("b2sum", bi_b2sum, BI_UTIL)

static const char b2sum_help[] =
    "Usage: b2sum [OPTION]... [FILE]...\n"
    "Print or check BLAKE2b checksums.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  -b, --binary          read in binary mode\n"
    "  -c, --check           read checksums from the FILEs and check them\n"
    "  -l, --length=BITS     digest length in bits; must not exceed the max for\n"
    "                          the blake2 algorithm and must be a multiple of 8\n"    "      --tag             create a BSD-style checksum\n"
    "  -t, --text            read in text mode (default)\n"
    "  -z, --zero            end each output line with NUL, not newline,\n"
    "                          and disable file name escaping\n"
    "\n"
    "The following five options are useful only when verifying checksums:\n"
    "      --ignore-missing  don't fail or report status for missing files\n"
    "      --quiet           don't print OK for each successfully verified file\n"
    "      --status          don't output anything, status code shows success\n"
    "      --strict          exit non-zero for improperly formatted checksum lines\n"
    "  -w, --warn            warn about improperly formatted checksum lines\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_b2sum(vb_cmd *cmd)
{
    static const tx_digest_algo algo = {"BLAKE2b", "BLAKE2B-512", 64};
    return tx_digest_main(cmd, &algo, b2sum_help, true);
}
