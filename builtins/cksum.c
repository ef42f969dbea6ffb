/*
 * cksum: POSIX CRC checksum and byte count of each file; -a ALGORITHM
 * (bsd, sysv, crc, md5, sha1, sha224, sha256, sha384, sha512, blake2b, sm3) with
 * BSD-style tagged lines for the digests, --untagged, --tag.
 * Reference: GNU coreutils 9.1 cksum. Deviations: -l and -c (verifying) are
 * not supported.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_sum.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("cksum", bi_cksum, BI_UTIL)

static const char cksum_help[] =
    "Usage: cksum [OPTION]... [FILE]...\n"
    "Print or verify checksums.\n"
    "By default use the 32 bit CRC algorithm.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a, --algorithm=TYPE  select the digest type to use.  See DIGEST below.\n"
    "      --tag             create a BSD-style checksum (the default)\n"
    "      --untagged        create a reversed style checksum, without digest type\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "DIGEST determines the digest algorithm and default output format:\n"
    "  bsd       (equivalent to sum -r)\n"
    "  sysv      (equivalent to sum -s)\n"
    "  crc       (equivalent to cksum)\n"
    "  md5       (equivalent to md5sum)\n"
    "  sha1      (equivalent to sha1sum)\n"
    "  sha224    (equivalent to sha224sum)\n"
    "  sha256    (equivalent to sha256sum)\n"
    "  sha384    (equivalent to sha384sum)\n"
    "  sha512    (equivalent to sha512sum)\n"
    "  blake2b   (equivalent to b2sum)\n"
    "  sm3       (only available through cksum)\n";

enum { CK_TAG = 256, CK_UNTAGGED };

static const bi_longopt cksum_longs[] = {
    {"algorithm", 1, 'a'}, {"tag", 0, CK_TAG}, {"untagged", 0, CK_UNTAGGED}, {0},
};

static void cksum__init_table(uint32_t *t)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i << 24;
        for (int k = 0; k < 8; k++)
            c = c & 0x80000000u ? (c << 1) ^ 0x04C11DB7u : c << 1;
        t[i] = c;
    }
}

/* Shared with sum's algorithms: BSD and SysV sums and the CRC. */
static int cksum__simple(vb_cmd *cmd, stream *s, const char *name, int algo, bool named,
                         const uint32_t *table)
{
    unsigned char buf[65536];
    uint64_t bytes = 0;
    uint32_t crc = 0, bsd = 0, sysv = 0;
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, buf, sizeof buf, TX_PLAIN);
        if (n < 0)
            return 1;
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++) {
            if (algo == 'c') {
                crc = (crc << 8) ^ table[((crc >> 24) ^ buf[i]) & 0xFF];
            } else if (algo == 'b') {
                bsd = (bsd >> 1) + ((bsd & 1) << 15);
                bsd = (bsd + buf[i]) & 0xFFFF;
            } else {
                sysv += buf[i];
            }
        }
        bytes += (uint64_t)n;
    }
    if (algo == 'c') {
        for (uint64_t l = bytes; l; l >>= 8)
            crc = (crc << 8) ^ table[((crc >> 24) ^ (l & 0xFF)) & 0xFF];
        bi_outf(cmd, "%u %llu", ~crc, (unsigned long long)bytes);
    } else if (algo == 'b') {
        bi_outf(cmd, "%05u %5llu", bsd, (unsigned long long)((bytes + 1023) / 1024));
    } else {
        uint32_t r = (sysv & 0xFFFF) + (sysv >> 16);
        uint32_t ck = (r & 0xFFFF) + (r >> 16);
        bi_outf(cmd, "%u %llu", ck, (unsigned long long)((bytes + 511) / 512));
    }
    if (named)
        bi_outf(cmd, " %s", name);
    bi_outc(cmd, '\n');
    return 0;
}

int bi_cksum(vb_cmd *cmd)
{
    static const char *const names[] = {"bsd", "sysv", "crc", "md5", "sha1", "sha224",
                                        "sha256", "sha384", "sha512", "blake2b", "sm3"};
    static const tx_digest_algo digests[] = {
        {"MD5", "MD5", 16}, {"SHA1", "SHA1", 20}, {"SHA224", "SHA224", 28},
        {"SHA256", "SHA256", 32}, {"SHA384", "SHA384", 48}, {"SHA512", "SHA512", 64},
        {"BLAKE2b", "BLAKE2B-512", 64}, {"SM3", "SM3", 32},
    };
    int algo = 2;
    bool tag = true;
    bi_opt o;
    bi_opt_init(&o, cmd, "a:", cksum_longs, cksum_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a':
            algo = tx_argmatch(cmd, "--algorithm", o.arg, names, NULL, 11);
            if (algo < 0)
                return 1;
            break;
        case CK_TAG: tag = true; break;
        case CK_UNTAGGED: tag = false; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dash[1] = {(char *)"-"};
    bool named = n > 0;
    if (n == 0) {
        n = 1;
        ops = dash;
    }
    uint32_t table[256];   /* per call: no mutable static tables */
    cksum__init_table(table);
    int status = 0;
    for (int i = 0; i < n && !bi_out_failed(cmd); i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            status = tx_open_error(cmd, ops[i], err, TX_PLAIN);
            continue;
        }
        if (algo <= 2) {
            if (cksum__simple(cmd, s, ops[i], "bsc"[algo], named, table))
                status = 1;
        } else {
            const tx_digest_algo *d = &digests[algo - 3];
            unsigned char out[64];
            int rc = tx_digest_stream(cmd, d, s, out);
            if (rc < 0)
                status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
            else
                tx_digest_line(cmd, d, out, ops[i], tag, false, '\n');
        }
        stream_unref(s);
    }
    return bi_done(cmd, status);
}
