/*
 * sha512sum: print or check SHA512 checksums (OpenSSL libcrypto). -b -t --tag -z,
 * -c with --ignore-missing --quiet --status --strict -w.
 * Reference: GNU coreutils 9.1 sha512sum. Engine: builtins/lib/text_sum.c.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/text_sum.h"

VB_BUILTIN("sha512sum", bi_sha512sum, BI_UTIL)

static const char sha512sum_help[] =
    "Usage: sha512sum [OPTION]... [FILE]...\n"
    "Print or check SHA512 checksums.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  -b, --binary          read in binary mode\n"
    "  -c, --check           read checksums from the FILEs and check them\n"
    "      --tag             create a BSD-style checksum\n"
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

int bi_sha512sum(vb_cmd *cmd)
{
    static const tx_digest_algo algo = {"SHA512", "SHA512", 64};
    return tx_digest_main(cmd, &algo, sha512sum_help, false);
}
