/*
 * cksum: POSIX CRC checksum and byte count of each file; -a ALGORITHM
 * (bsd, sysv, crc, md5, sha1, sha224, sha256, sha384, sha512, blake2b, sm3)
 * with BSD-style tagged lines for the digests, --untagged, --tag, -l for
 * blake2b, -z, and -c checking of tagged lines (the algorithm taken from
 * each line's tag unless -a is given) with --ignore-missing --quiet
 * --status --strict -w.
 * Reference: GNU coreutils 9.1 cksum. The digests, their output lines and
 * -c checking are the shared digest engine's (builtins/lib/text_sum.c);
 * the CRC and the BSD and SysV sums are computed here.
 */
#include <stdio.h>
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
    "  -c, --check           read checksums from the FILEs and check them\n"
    "  -l, --length=BITS     digest length in bits; must not exceed the max for\n"
    "                          the blake2 algorithm and must be a multiple of 8\n"
    "      --tag             create a BSD-style checksum (the default)\n"
    "      --untagged        create a reversed style checksum, without digest type\n"
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
    "      --debug           indicate which implementation used\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "DIGEST determines the digest algorithm and default output format:\n"
    "  sysv      (equivalent to sum -s)\n"
    "  bsd       (equivalent to sum -r)\n"
    "  crc       (equivalent to cksum)\n"
    "  md5       (equivalent to md5sum)\n"
    "  sha1      (equivalent to sha1sum)\n"
    "  sha224    (equivalent to sha224sum)\n"
    "  sha256    (equivalent to sha256sum)\n"
    "  sha384    (equivalent to sha384sum)\n"
    "  sha512    (equivalent to sha512sum)\n"
    "  blake2b   (equivalent to b2sum)\n"
    "  sm3       (only available through cksum)\n"
    "\n"
    "When checking, the input should be a former output of this program,\n"
    "or equivalent standalone program.\n";

enum {
    CK_TAG = 256, CK_UNTAGGED, CK_DEBUG, CK_IGNMISS, CK_QUIET, CK_STATUS, CK_STRICT,
};

static const bi_longopt cksum_longs[] = {
    {"algorithm", 1, 'a'}, {"check", 0, 'c'}, {"length", 1, 'l'}, {"tag", 0, CK_TAG},
    {"untagged", 0, CK_UNTAGGED}, {"zero", 0, 'z'}, {"ignore-missing", 0, CK_IGNMISS},
    {"quiet", 0, CK_QUIET}, {"status", 0, CK_STATUS}, {"strict", 0, CK_STRICT},
    {"warn", 0, 'w'}, {"debug", 0, CK_DEBUG}, {0},
};

/* Algorithms in GNU's order (the order of its tags). */
enum { CK_SYSV, CK_BSD, CK_CRC, CK_MD5, CK_SHA1, CK_SHA224, CK_SHA256, CK_SHA384, CK_SHA512,
       CK_BLAKE2B, CK_SM3, CK_NALGO };

/* The digests, from CK_MD5 on: the tags -c accepts. */
static const tx_digest_algo cksum_digests[CK_NALGO - CK_MD5] = {
    {"MD5", "MD5", 16}, {"SHA1", "SHA1", 20}, {"SHA224", "SHA224", 28},
    {"SHA256", "SHA256", 32}, {"SHA384", "SHA384", 48}, {"SHA512", "SHA512", 64},
    {"BLAKE2b", "BLAKE2B-512", 64}, {"SM3", "SM3", 32},
};

typedef struct ck_opts {
    int algo;
    bool algo_given, tag, zero, debug, check;
    size_t b2len;          /* blake2b digest bytes */
    uint32_t table[256];   /* CRC table, per call: no mutable static tables */
} ck_opts;

/* ---------------------------------------------------------------- sums */

static void ck__init_table(uint32_t *t)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i << 24;
        for (int k = 0; k < 8; k++)
            c = c & 0x80000000u ? (c << 1) ^ 0x04C11DB7u : c << 1;
        t[i] = c;
    }
}

typedef struct ck_sum {
    int algo;
    const uint32_t *table;
    uint64_t bytes;
    uint32_t crc, bsd, sysv;
} ck_sum;

static void ck__chunk(void *ctx, const unsigned char *buf, size_t n)
{
    ck_sum *c = ctx;
    if (c->algo == CK_CRC) {
        uint32_t crc = c->crc;
        for (size_t i = 0; i < n; i++)
            crc = (crc << 8) ^ c->table[((crc >> 24) ^ buf[i]) & 0xFF];
        c->crc = crc;
    } else if (c->algo == CK_BSD) {
        uint32_t bsd = c->bsd;
        for (size_t i = 0; i < n; i++) {
            bsd = (bsd >> 1) + ((bsd & 1) << 15);
            bsd = (bsd + buf[i]) & 0xFFFF;
        }
        c->bsd = bsd;
    } else {
        for (size_t i = 0; i < n; i++)
            c->sysv += buf[i];
    }
    c->bytes += n;
}

/* The BSD and SysV sums and the CRC of a stream into out (text). */
static int ck__simple(vb_cmd *cmd, const ck_opts *op, stream *s, int algo, char *out, size_t outsz)
{
    ck_sum c = {.algo = algo, .table = op->table};
    int rc = tx_stream_chunks(cmd, s, ck__chunk, &c);
    if (rc < 0)
        return rc;
    if (algo == CK_CRC) {
        uint32_t crc = c.crc;
        for (uint64_t l = c.bytes; l; l >>= 8)
            crc = (crc << 8) ^ c.table[((crc >> 24) ^ (l & 0xFF)) & 0xFF];
        snprintf(out, outsz, "%u %llu", ~crc, (unsigned long long)c.bytes);
    } else if (algo == CK_BSD) {
        snprintf(out, outsz, "%05u %5llu", c.bsd, (unsigned long long)((c.bytes + 1023) / 1024));
    } else {
        uint32_t r = (c.sysv & 0xFFFF) + (c.sysv >> 16);
        uint32_t ck = (r & 0xFFFF) + (r >> 16);
        snprintf(out, outsz, "%u %llu", ck, (unsigned long long)((c.bytes + 511) / 512));
    }
    return 0;
}

/* ---------------------------------------------------------------- main */

int bi_cksum(vb_cmd *cmd)
{
    ck_opts op = {.algo = CK_CRC, .tag = true, .b2len = 64};
    tx_check_spec spec = {.algos = cksum_digests, .nalgos = CK_NALGO - CK_MD5, .fixed = -1,
                          .first_tag = "CRC"};
    const char *length = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "a:cl:wz", cksum_longs, cksum_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': {
            static const char *const order[] = {"bsd", "sysv", "crc", "md5", "sha1", "sha224",
                                                "sha256", "sha384", "sha512", "blake2b", "sm3"};
            static const int vals[] = {CK_BSD, CK_SYSV, CK_CRC, CK_MD5, CK_SHA1, CK_SHA224,
                                       CK_SHA256, CK_SHA384, CK_SHA512, CK_BLAKE2B, CK_SM3};
            int m = tx_argmatch(cmd, "--algorithm", o.arg, order, NULL, 11);
            if (m < 0)
                return 1;
            op.algo = vals[m];
            op.algo_given = true;
            break;
        }
        case 'c': op.check = true; break;
        case 'l': length = o.arg; break;
        case 'z': op.zero = true; break;
        case 'w': spec.warn = true; spec.status = spec.quiet = false; break;
        case CK_TAG: op.tag = true; break;
        case CK_UNTAGGED: op.tag = false; break;
        case CK_DEBUG: op.debug = true; break;
        case CK_IGNMISS: spec.ignore_missing = true; break;
        case CK_QUIET: spec.quiet = true; spec.status = spec.warn = false; break;
        case CK_STATUS: spec.status = true; spec.warn = spec.quiet = false; break;
        case CK_STRICT: spec.strict = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (length) {
        if (tx_blake2b_length(cmd, length, &op.b2len))
            return 1;
        if (op.algo != CK_BLAKE2B) {
            bi_err(cmd, "--length is only supported with --algorithm=blake2b");
            return 1;
        }
    }
    if (op.check && op.algo_given && op.algo <= CK_CRC) {
        bi_err(cmd, "--check is not supported with --algorithm={bsd,sysv,crc}");
        return 1;
    }
    if (op.zero && op.check)
        return bi_usage(cmd, 1, "the --zero option is not supported when verifying checksums");
    if (!op.check && tx_check_only_options(cmd, &spec))
        return 1;
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dash[1] = {(char *)"-"};
    bool named = n > 0;
    if (n == 0) {
        n = 1;
        ops = dash;
    }
    ck__init_table(op.table);
    tx_digest_algo digest = {0};
    if (op.algo >= CK_MD5) {
        digest = cksum_digests[op.algo - CK_MD5];
        if (op.algo == CK_BLAKE2B)
            digest.bytes = op.b2len;
    }
    if (op.algo_given && op.algo >= CK_MD5)
        spec.fixed = op.algo - CK_MD5;
    int status = 0;
    for (int i = 0; i < n && !bi_out_failed(cmd); i++) {
        if (op.check) {
            if (tx_check_file(cmd, &spec, ops[i]))
                status = 1;
            continue;
        }
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            status = tx_open_error(cmd, ops[i], err, TX_PLAIN);
            continue;
        }
        int rc;
        if (op.algo <= CK_CRC) {
            char text[64];
            if (op.debug && op.algo == CK_CRC)
                bi_err(cmd, "using generic hardware support");
            rc = ck__simple(cmd, &op, s, op.algo, text, sizeof text);
            if (rc == 0) {
                bi_outs(cmd, text);
                if (named) {
                    bi_outc(cmd, ' ');
                    bi_outs(cmd, ops[i]);
                }
                bi_outc(cmd, op.zero ? '\0' : '\n');
            }
        } else {
            unsigned char d[EVP_MAX_MD_SIZE];
            rc = tx_digest_stream(cmd, &digest, s, d);
            if (rc == 0)
                tx_digest_line(cmd, &digest, d, ops[i], op.tag, false, op.zero ? '\0' : '\n');
        }
        stream_unref(s);
        if (rc < 0)
            status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
    }
    return bi_done(cmd, status);
}
