/*
 * cksum: POSIX CRC checksum and byte count of each file; -a ALGORITHM
 * (bsd, sysv, crc, md5, sha1, sha224, sha256, sha384, sha512, blake2b, sm3)
 * with BSD-style tagged lines for the digests, --untagged, --tag, -l for
 * blake2b, -z, and -c checking of tagged lines (the algorithm taken from
 * each line's tag unless -a is given) with --ignore-missing --quiet
 * --status --strict -w.
 * Reference: GNU coreutils 9.1 cksum. BLAKE2b of any length is computed
 * here (RFC 7693); the other digests come from the shared digest engine.
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

static const char *const cksum_names[CK_NALGO] = {"sysv", "bsd", "crc", "md5", "sha1", "sha224",
                                                  "sha256", "sha384", "sha512", "blake2b", "sm3"};
static const char *const cksum_tags[CK_NALGO] = {"SYSV", "BSD", "CRC", "MD5", "SHA1", "SHA224",
                                                 "SHA256", "SHA384", "SHA512", "BLAKE2b", "SM3"};
static const tx_digest_algo cksum_digests[CK_NALGO] = {
    [CK_MD5] = {"MD5", "MD5", 16}, [CK_SHA1] = {"SHA1", "SHA1", 20},
    [CK_SHA224] = {"SHA224", "SHA224", 28}, [CK_SHA256] = {"SHA256", "SHA256", 32},
    [CK_SHA384] = {"SHA384", "SHA384", 48}, [CK_SHA512] = {"SHA512", "SHA512", 64},
    [CK_BLAKE2B] = {"BLAKE2b", "BLAKE2B-512", 64}, [CK_SM3] = {"SM3", "SM3", 32},
};

typedef struct ck_opts {
    int algo;
    bool algo_given, tag, zero, debug;
    bool check, quiet, status, strict, warn, ignore_missing;
    size_t b2len;          /* blake2b digest bytes */
    uint32_t table[256];   /* CRC table, per call: no mutable static tables */
} ck_opts;

/* ---------------------------------------------------------------- BLAKE2b */

typedef struct ck_b2 {
    uint64_t h[8], t[2];
    unsigned char buf[128];
    size_t c, outlen;
} ck_b2;

static const uint64_t ck_b2_iv[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

static const unsigned char ck_b2_sigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static uint64_t ck__rotr64(uint64_t x, int n)
{
    return (x >> n) | (x << (64 - n));
}

static void ck__b2_compress(ck_b2 *b, bool last)
{
    uint64_t v[16], m[16];
    for (int i = 0; i < 8; i++) {
        v[i] = b->h[i];
        v[i + 8] = ck_b2_iv[i];
    }
    v[12] ^= b->t[0];
    v[13] ^= b->t[1];
    if (last)
        v[14] = ~v[14];
    for (int i = 0; i < 16; i++) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--)
            w = (w << 8) | b->buf[8 * i + k];
        m[i] = w;
    }
#define CK_B2_G(a, bb, c, d, x, y)                 \
    do {                                           \
        v[a] = v[a] + v[bb] + (x);                 \
        v[d] = ck__rotr64(v[d] ^ v[a], 32);        \
        v[c] = v[c] + v[d];                        \
        v[bb] = ck__rotr64(v[bb] ^ v[c], 24);      \
        v[a] = v[a] + v[bb] + (y);                 \
        v[d] = ck__rotr64(v[d] ^ v[a], 16);        \
        v[c] = v[c] + v[d];                        \
        v[bb] = ck__rotr64(v[bb] ^ v[c], 63);      \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const unsigned char *s = ck_b2_sigma[r];
        CK_B2_G(0, 4, 8, 12, m[s[0]], m[s[1]]);
        CK_B2_G(1, 5, 9, 13, m[s[2]], m[s[3]]);
        CK_B2_G(2, 6, 10, 14, m[s[4]], m[s[5]]);
        CK_B2_G(3, 7, 11, 15, m[s[6]], m[s[7]]);
        CK_B2_G(0, 5, 10, 15, m[s[8]], m[s[9]]);
        CK_B2_G(1, 6, 11, 12, m[s[10]], m[s[11]]);
        CK_B2_G(2, 7, 8, 13, m[s[12]], m[s[13]]);
        CK_B2_G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
#undef CK_B2_G
    for (int i = 0; i < 8; i++)
        b->h[i] ^= v[i] ^ v[i + 8];
}

static void ck__b2_init(ck_b2 *b, size_t outlen)
{
    memset(b, 0, sizeof *b);
    for (int i = 0; i < 8; i++)
        b->h[i] = ck_b2_iv[i];
    b->h[0] ^= 0x01010000ull ^ (uint64_t)outlen;
    b->outlen = outlen;
}

static void ck__b2_update(ck_b2 *b, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (b->c == 128) {
            b->t[0] += 128;
            if (b->t[0] < 128)
                b->t[1]++;
            ck__b2_compress(b, false);
            b->c = 0;
        }
        b->buf[b->c++] = p[i];
    }
}

static void ck__b2_final(ck_b2 *b, unsigned char *out)
{
    b->t[0] += b->c;
    if (b->t[0] < b->c)
        b->t[1]++;
    while (b->c < 128)
        b->buf[b->c++] = 0;
    ck__b2_compress(b, true);
    for (size_t i = 0; i < b->outlen; i++)
        out[i] = (unsigned char)(b->h[i >> 3] >> (8 * (i & 7)));
}

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

/* The BSD and SysV sums and the CRC of a stream into out (text). */
static int ck__simple(vb_cmd *cmd, const ck_opts *op, stream *s, int algo, char *out, size_t outsz)
{
    unsigned char *buf = mem_alloc(cmd->heap, 65536);
    if (!buf)
        return VB_ENOMEM;
    uint64_t bytes = 0;
    uint32_t crc = 0, bsd = 0, sysv = 0;
    const uint32_t *table = op->table;
    for (;;) {
        ssize_t n = tx_read(cmd, s, NULL, buf, 65536, TX_PLAIN);
        if (n < 0) {
            mem_free(cmd->heap, buf);
            return (int)n;
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++) {
            if (algo == CK_CRC) {
                crc = (crc << 8) ^ table[((crc >> 24) ^ buf[i]) & 0xFF];
            } else if (algo == CK_BSD) {
                bsd = (bsd >> 1) + ((bsd & 1) << 15);
                bsd = (bsd + buf[i]) & 0xFFFF;
            } else {
                sysv += buf[i];
            }
        }
        bytes += (uint64_t)n;
    }
    mem_free(cmd->heap, buf);
    if (algo == CK_CRC) {
        for (uint64_t l = bytes; l; l >>= 8)
            crc = (crc << 8) ^ table[((crc >> 24) ^ (l & 0xFF)) & 0xFF];
        snprintf(out, outsz, "%u %llu", ~crc, (unsigned long long)bytes);
    } else if (algo == CK_BSD) {
        snprintf(out, outsz, "%05u %5llu", bsd, (unsigned long long)((bytes + 1023) / 1024));
    } else {
        uint32_t r = (sysv & 0xFFFF) + (sysv >> 16);
        uint32_t ck = (r & 0xFFFF) + (r >> 16);
        snprintf(out, outsz, "%u %llu", ck, (unsigned long long)((bytes + 511) / 512));
    }
    return 0;
}

/* Digest of a stream (bytes: the digest length, blake2b's may vary). */
static int ck__digest(vb_cmd *cmd, int algo, size_t bytes, stream *s, unsigned char *out)
{
    if (algo != CK_BLAKE2B || bytes == 64)
        return tx_digest_stream(cmd, &cksum_digests[algo], s, out);
    unsigned char *buf = mem_alloc(cmd->heap, 65536);
    if (!buf)
        return VB_ENOMEM;
    ck_b2 b;
    ck__b2_init(&b, bytes);
    for (;;) {
        ssize_t n = tx_read(cmd, s, NULL, buf, 65536, TX_PLAIN);
        if (n < 0) {
            mem_free(cmd->heap, buf);
            return (int)n;
        }
        if (n == 0)
            break;
        ck__b2_update(&b, buf, (size_t)n);
    }
    mem_free(cmd->heap, buf);
    ck__b2_final(&b, out);
    return 0;
}

static bool ck__needs_escape(const char *name)
{
    return strchr(name, '\\') || strchr(name, '\n');
}

static void ck__name(vb_cmd *cmd, const char *name, bool esc)
{
    if (!esc) {
        bi_outs(cmd, name);
        return;
    }
    for (const char *p = name; *p; p++) {
        if (*p == '\\')
            bi_outs(cmd, "\\\\");
        else if (*p == '\n')
            bi_outs(cmd, "\\n");
        else
            bi_outc(cmd, *p);
    }
}

/* One output line of a digest, as GNU's cksum prints it. */
static void ck__line(vb_cmd *cmd, const ck_opts *op, const unsigned char *d, const char *name)
{
    char eol = op->zero ? '\0' : '\n';
    bool esc = !op->zero && ck__needs_escape(name);
    size_t bytes = op->algo == CK_BLAKE2B ? op->b2len : cksum_digests[op->algo].bytes;
    if (esc)
        bi_outc(cmd, '\\');
    if (op->tag) {
        bi_outs(cmd, cksum_tags[op->algo]);
        if (op->algo == CK_BLAKE2B && bytes != 64)
            bi_outf(cmd, "-%zu", bytes * 8);
        bi_outs(cmd, " (");
        ck__name(cmd, name, esc);
        bi_outs(cmd, ") = ");
    }
    for (size_t i = 0; i < bytes; i++)
        bi_outf(cmd, "%02x", d[i]);
    if (!op->tag) {
        bi_outs(cmd, "  ");
        ck__name(cmd, name, esc);
    }
    bi_outc(cmd, eol);
}

/* ---------------------------------------------------------------- check */

static bool ck__white(char c)
{
    return c == ' ' || c == '\t';
}

static bool ck__hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

/* GNU filename_unescape: \\ and \n; false on any other escape. */
static bool ck__unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p != '\\') {
            *o++ = *p;
            continue;
        }
        p++;
        if (*p == '\\')
            *o++ = '\\';
        else if (*p == 'n')
            *o++ = '\n';
        else
            return false;
    }
    *o = '\0';
    return true;
}

typedef struct ck_line {
    int algo;
    size_t bytes;          /* digest bytes */
    char *hex, *name;
} ck_line;

/* The tag at s (GNU algorithm_from_tag): the algorithm or -1. */
static int ck__tag_algo(const char *s)
{
    size_t i = 0;
    while (i <= 7 && s[i] && !ck__white(s[i]) && s[i] != '-' && s[i] != '(')
        i++;
    if (i > 7)
        return -1;
    for (int a = 0; a < CK_NALGO; a++)
        if (strlen(cksum_tags[a]) == i && !strncmp(s, cksum_tags[a], i))
            return a;
    return -1;
}

/* Parses one line as GNU's split_3 (line modified in place); *algo is the
 * running algorithm without -a (each tag sets it, as GNU). *bsd_reversed:
 * -1 unknown, 0 "HEX  NAME" seen, 1 "HEX NAME" seen. */
static bool ck__parse(const ck_opts *op, char *s, int *algo, int *bsd_reversed, ck_line *out)
{
    size_t i = 0, len = strlen(s);
    bool escaped = false;
    while (ck__white(s[i]))
        i++;
    if (s[i] == '\\') {
        i++;
        escaped = true;
    }
    if (!op->algo_given) {
        int a = ck__tag_algo(s + i);
        if (a < 0 || a <= CK_CRC)
            return false;
        *algo = a;
    }
    const char *tag = cksum_tags[*algo];
    size_t tl = strlen(tag);
    size_t bytes = *algo == CK_BLAKE2B ? (op->algo_given ? op->b2len : 64) : cksum_digests[*algo].bytes;
    if (!strncmp(s + i, tag, tl) && (s[i + tl] == ' ' || s[i + tl] == '(' || s[i + tl] == '-')) {
        i += tl;
        if (*algo == CK_BLAKE2B) {
            bytes = 64;
            if (s[i] == '-') {
                i++;
                if (!(s[i] >= '0' && s[i] <= '9'))
                    return false;
                uint64_t v = 0;
                while (s[i] >= '0' && s[i] <= '9' && v <= 512)
                    v = v * 10 + (uint64_t)(s[i++] - '0');
                if (v == 0 || v > 512 || v % 8)
                    return false;
                bytes = v / 8;
            }
        } else if (s[i] == '-') {
            return false;
        }
        if (s[i] == ' ')
            i++;
        if (s[i] != '(')
            return false;
        i++;
        /* BSD format: NAME) = HEX, the last ')' ends the name. */
        char *p = s + i;
        size_t pl = len - i;
        size_t j = pl;
        while (j > 0 && p[j - 1] != ')')
            j--;
        if (j == 0)
            return false;
        p[j - 1] = '\0';
        size_t k = j;
        while (ck__white(p[k]))
            k++;
        if (p[k] != '=')
            return false;
        k++;
        while (ck__white(p[k]))
            k++;
        out->hex = p + k;
        out->name = p;
    } else {
        if (len - i < 2 * (*algo == CK_BLAKE2B ? 1 : bytes) + 2)
            return false;
        out->hex = s + i;
        if (*algo == CK_BLAKE2B) {
            size_t h = 0;
            while (ck__hex(s + i + h, 1))
                h++;
            if (h < 2 || h % 2 || h > 128)
                return false;
            bytes = h / 2;
        }
        i += 2 * bytes;
        if (!ck__white(s[i]))
            return false;
        s[i++] = '\0';
        if (len - i == 0 || (len - i == 1) || (s[i] != ' ' && s[i] != '*')) {
            if (*bsd_reversed == 0)
                return false;
            *bsd_reversed = 1;
        } else if (*bsd_reversed != 1) {
            *bsd_reversed = 0;
            i++;
        }
        out->name = s + i;
    }
    if (strlen(out->hex) != 2 * bytes || !ck__hex(out->hex, 2 * bytes))
        return false;
    if (escaped && !ck__unescape(out->name))
        return false;
    out->algo = *algo;
    out->bytes = bytes;
    return out->name[0] != '\0';
}

static int ck__check_file(vb_cmd *cmd, const ck_opts *op, const char *file)
{
    int err = 0;
    stream *s = bi_open_read(cmd, file, &err);
    if (!s)
        return tx_open_error(cmd, file, err, TX_PLAIN);
    bi_reader r;
    bi_reader_init(&r, cmd, s);
    const char *rec;
    size_t len;
    int rc;
    uint64_t lineno = 0, bad_format = 0, bad_sum = 0, unreadable = 0, good = 0;
    bool any_properly = false;
    int algo = op->algo_given ? op->algo : CK_CRC, bsd_reversed = -1;
    unsigned char d[64];
    const char *shown = strcmp(file, "-") ? file : "standard input";
    while ((rc = bi_getrec(&r, '\n', &rec, &len)) > 0) {
        lineno++;
        char *line = mem_strndup(cmd->heap, rec, len);
        if (!line)
            break;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\n')
            line[--l] = '\0';
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        ck_line cl;
        if (line[0] == '#') {
            mem_free(cmd->heap, line);
            continue;
        }
        if (!ck__parse(op, line, &algo, &bsd_reversed, &cl)) {
            bad_format++;
            if (op->warn)
                bi_err(cmd, "%s: %llu: improperly formatted %s checksum line", fs_qf(cmd, shown),
                       (unsigned long long)lineno, cksum_tags[algo]);
            mem_free(cmd->heap, line);
            continue;
        }
        any_properly = true;
        int e = 0;
        stream *fs = bi_open_read(cmd, cl.name, &e);
        int drc = fs ? ck__digest(cmd, cl.algo, cl.bytes, fs, d) : e;
        if (fs)
            stream_unref(fs);
        if (drc < 0) {
            if (drc == VB_ENOENT && op->ignore_missing) {
                mem_free(cmd->heap, line);
                continue;
            }
            bi_errno(cmd, fs_qf(cmd, cl.name), drc);
            unreadable++;
            if (!op->status)
                bi_outf(cmd, "%s: FAILED open or read\n", cl.name);
        } else {
            char got[129];
            for (size_t i = 0; i < cl.bytes; i++)
                snprintf(got + 2 * i, 3, "%02x", d[i]);
            if (strncasecmp(got, cl.hex, cl.bytes * 2) == 0) {
                good++;
                if (!op->quiet && !op->status)
                    bi_outf(cmd, "%s: OK\n", cl.name);
            } else {
                bad_sum++;
                if (!op->status)
                    bi_outf(cmd, "%s: FAILED\n", cl.name);
            }
        }
        mem_free(cmd->heap, line);
        if (bi_cancelled(cmd) || bi_out_failed(cmd))
            break;
    }
    bi_reader_free(&r);
    stream_unref(s);
    if (rc < 0)
        return tx_read_error(cmd, file, rc, TX_PLAIN);
    if (!any_properly) {
        bi_err(cmd, "%s: no properly formatted checksum lines found", fs_qf(cmd, shown));
        return 1;
    }
    if (!op->status) {
        if (bad_format)
            bi_err(cmd, "WARNING: %llu line%s improperly formatted", (unsigned long long)bad_format,
                   bad_format == 1 ? " is" : "s are");
        if (unreadable)
            bi_err(cmd, "WARNING: %llu listed file%s could not be read",
                   (unsigned long long)unreadable, unreadable == 1 ? "" : "s");
        if (bad_sum)
            bi_err(cmd, "WARNING: %llu computed checksum%s did NOT match",
                   (unsigned long long)bad_sum, bad_sum == 1 ? "" : "s");
    }
    if (op->ignore_missing && !good && !bad_sum && !unreadable) {
        bi_err(cmd, "%s: no file was verified", fs_qf(cmd, shown));
        return 1;
    }
    return bad_sum || unreadable || (op->strict && bad_format) ? 1 : 0;
}

/* ---------------------------------------------------------------- main */

static int ck__length(vb_cmd *cmd, const char *arg, size_t *out)
{
    const char *p = arg;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++;
    uint64_t v = 0;
    bool ok = *p >= '0' && *p <= '9';
    for (; ok && *p >= '0' && *p <= '9'; p++)
        v = v > 100000 ? v : v * 10 + (uint64_t)(*p - '0');
    if (!ok || *p) {
        bi_err(cmd, "invalid length: %s", fs_lq(cmd, arg));
        return 1;
    }
    if (v % 8) {
        bi_err(cmd, "invalid length: %s", fs_lq(cmd, arg));
        bi_err(cmd, "length is not a multiple of 8");
        return 1;
    }
    if (v > 512) {
        bi_err(cmd, "invalid length: %s", fs_lq(cmd, arg));
        bi_err(cmd, "maximum digest length for %s is 512 bits", fs_lq(cmd, "BLAKE2b"));
        return 1;
    }
    *out = v ? (size_t)(v / 8) : 64;
    return 0;
}

int bi_cksum(vb_cmd *cmd)
{
    ck_opts op = {.algo = CK_CRC, .tag = true, .b2len = 64};
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
        case 'w': op.warn = true; op.status = op.quiet = false; break;
        case CK_TAG: op.tag = true; break;
        case CK_UNTAGGED: op.tag = false; break;
        case CK_DEBUG: op.debug = true; break;
        case CK_IGNMISS: op.ignore_missing = true; break;
        case CK_QUIET: op.quiet = true; op.status = op.warn = false; break;
        case CK_STATUS: op.status = true; op.warn = op.quiet = false; break;
        case CK_STRICT: op.strict = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    (void)cksum_names;
    if (length) {
        if (ck__length(cmd, length, &op.b2len))
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
    if (!op.check) {
        static const char *const what[] = {"--ignore-missing", "--status", "--warn", "--quiet",
                                           "--strict"};
        bool set[] = {op.ignore_missing, op.status, op.warn, op.quiet, op.strict};
        for (int i = 0; i < 5; i++)
            if (set[i])
                return bi_usage(cmd, 1, "the %s option is meaningful only when verifying checksums",
                                what[i]);
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dash[1] = {(char *)"-"};
    bool named = n > 0;
    if (n == 0) {
        n = 1;
        ops = dash;
    }
    ck__init_table(op.table);
    int status = 0;
    for (int i = 0; i < n && !bi_out_failed(cmd); i++) {
        if (op.check) {
            if (ck__check_file(cmd, &op, ops[i]))
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
            unsigned char d[64];
            size_t bytes = op.algo == CK_BLAKE2B ? op.b2len : cksum_digests[op.algo].bytes;
            rc = ck__digest(cmd, op.algo, bytes, s, d);
            if (rc == 0)
                ck__line(cmd, &op, d, ops[i]);
        }
        stream_unref(s);
        if (rc < 0)
            status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
    }
    return bi_done(cmd, status);
}
