/* md5sum / sha*sum / b2sum engine: see text_sum.h. */
#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_sum.h"
#include "builtins/lib/text_util.h"

tx_crypto_api tx_crypto;

static pthread_once_t tx__crypto_once = PTHREAD_ONCE_INIT;
static int tx__crypto_rc = -1;

static const struct {
    const char *sym;
    size_t off;
} tx__crypto_syms[] = {
#define S(name, field) {name, offsetof(tx_crypto_api, field)}
    S("EVP_get_digestbyname", get_digestbyname),
    S("EVP_MD_CTX_new", md_ctx_new),
    S("EVP_DigestInit_ex", digest_init_ex),
    S("EVP_DigestUpdate", digest_update),
    S("EVP_DigestFinal_ex", digest_final_ex),
    S("EVP_MD_CTX_free", md_ctx_free),
    S("BN_new", bn_new),
    S("BN_free", bn_free),
    S("BN_CTX_new", bn_ctx_new),
    S("BN_CTX_free", bn_ctx_free),
    S("BN_dec2bn", bn_dec2bn),
    S("BN_bn2dec", bn_bn2dec),
    S("BN_is_zero", bn_is_zero),
    S("BN_cmp", bn_cmp),
    S("BN_add", bn_add),
    S("BN_sub", bn_sub),
    S("BN_mul", bn_mul),
    S("BN_div", bn_div),
    S("CRYPTO_free", crypto_free),
#undef S
};

static void tx__crypto_do_load(void)
{
    /* VB_NO_LIBCRYPTO=1 simulates a host without libcrypto (tests). */
    const char *off = getenv("VB_NO_LIBCRYPTO");
    if (off && *off && *off != '0')
        return;
    void *h = dlopen(TX_CRYPTO_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    tx_crypto_api api;
    for (size_t i = 0; i < sizeof tx__crypto_syms / sizeof tx__crypto_syms[0]; i++) {
        void *f = dlsym(h, tx__crypto_syms[i].sym);
        if (!f) {
            dlclose(h);
            return;
        }
        memcpy((char *)&api + tx__crypto_syms[i].off, &f, sizeof f);
    }
    tx_crypto = api;
    tx__crypto_rc = 0;
}

int tx_crypto_load(void)
{
    pthread_once(&tx__crypto_once, tx__crypto_do_load);
    return tx__crypto_rc;
}

int tx_crypto_check(vb_cmd *cmd)
{
    if (tx_crypto_load() == 0)
        return 0;
    return bi_err(cmd, "%s not available", TX_CRYPTO_SONAME);
}

/* ---------------------------------------------------------------- BLAKE2b */

static const uint64_t tx__b2_iv[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

static const unsigned char tx__b2_sigma[12][16] = {
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

static uint64_t tx__rotr64(uint64_t x, int n)
{
    return (x >> n) | (x << (64 - n));
}

static void tx__b2_compress(tx_blake2b *b, bool last)
{
    uint64_t v[16], m[16];
    for (int i = 0; i < 8; i++) {
        v[i] = b->h[i];
        v[i + 8] = tx__b2_iv[i];
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
#define TX_B2_G(a, bb, c, d, x, y)                 \
    do {                                           \
        v[a] = v[a] + v[bb] + (x);                 \
        v[d] = tx__rotr64(v[d] ^ v[a], 32);        \
        v[c] = v[c] + v[d];                        \
        v[bb] = tx__rotr64(v[bb] ^ v[c], 24);      \
        v[a] = v[a] + v[bb] + (y);                 \
        v[d] = tx__rotr64(v[d] ^ v[a], 16);        \
        v[c] = v[c] + v[d];                        \
        v[bb] = tx__rotr64(v[bb] ^ v[c], 63);      \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const unsigned char *s = tx__b2_sigma[r];
        TX_B2_G(0, 4, 8, 12, m[s[0]], m[s[1]]);
        TX_B2_G(1, 5, 9, 13, m[s[2]], m[s[3]]);
        TX_B2_G(2, 6, 10, 14, m[s[4]], m[s[5]]);
        TX_B2_G(3, 7, 11, 15, m[s[6]], m[s[7]]);
        TX_B2_G(0, 5, 10, 15, m[s[8]], m[s[9]]);
        TX_B2_G(1, 6, 11, 12, m[s[10]], m[s[11]]);
        TX_B2_G(2, 7, 8, 13, m[s[12]], m[s[13]]);
        TX_B2_G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
#undef TX_B2_G
    for (int i = 0; i < 8; i++)
        b->h[i] ^= v[i] ^ v[i + 8];
}

void tx_blake2b_init(tx_blake2b *b, size_t outlen)
{
    memset(b, 0, sizeof *b);
    for (int i = 0; i < 8; i++)
        b->h[i] = tx__b2_iv[i];
    b->h[0] ^= 0x01010000ull ^ (uint64_t)outlen;
    b->outlen = outlen;
}

void tx_blake2b_update(tx_blake2b *b, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        if (b->c == 128) {
            b->t[0] += 128;
            if (b->t[0] < 128)
                b->t[1]++;
            tx__b2_compress(b, false);
            b->c = 0;
        }
        b->buf[b->c++] = p[i];
    }
}

void tx_blake2b_final(tx_blake2b *b, unsigned char *out)
{
    b->t[0] += b->c;
    if (b->t[0] < b->c)
        b->t[1]++;
    while (b->c < 128)
        b->buf[b->c++] = 0;
    tx__b2_compress(b, true);
    for (size_t i = 0; i < b->outlen; i++)
        out[i] = (unsigned char)(b->h[i >> 3] >> (8 * (i & 7)));
}

bool tx_is_blake2b(const tx_digest_algo *algo)
{
    return !strcmp(algo->evp, "BLAKE2B-512");
}

int tx_stream_chunks(vb_cmd *cmd, stream *s, tx_chunk_fn fn, void *ctx)
{
    unsigned char *buf = mem_alloc(cmd->heap, 65536);
    if (!buf)
        return VB_ENOMEM;
    int rc = 0;
    for (;;) {
        ssize_t n = tx_read(cmd, s, NULL, buf, 65536, TX_PLAIN);
        if (n <= 0) {
            rc = (int)n;
            break;
        }
        fn(ctx, buf, (size_t)n);
    }
    mem_free(cmd->heap, buf);
    return rc;
}

static void tx__blake2b_chunk(void *ctx, const unsigned char *p, size_t n)
{
    tx_blake2b_update(ctx, p, n);
}

typedef struct tx__evp_ctx {
    EVP_MD_CTX *md;
} tx__evp_ctx;

static void tx__evp_chunk(void *ctx, const unsigned char *p, size_t n)
{
    tx_crypto.digest_update(((tx__evp_ctx *)ctx)->md, p, n);
}

int tx_digest_stream(vb_cmd *cmd, const tx_digest_algo *algo, stream *s, unsigned char *out)
{
    if (tx_is_blake2b(algo) && algo->bytes != 64) {
        tx_blake2b b;
        tx_blake2b_init(&b, algo->bytes);
        int rc = tx_stream_chunks(cmd, s, tx__blake2b_chunk, &b);
        if (rc == 0)
            tx_blake2b_final(&b, out);
        return rc;
    }
    if (tx_crypto_load() < 0)
        return VB_ENOSYS;
    const EVP_MD *md = tx_crypto.get_digestbyname(algo->evp);
    if (!md)
        return VB_ENOSYS;
    tx__evp_ctx c = {tx_crypto.md_ctx_new()};
    if (!c.md)
        return VB_ENOMEM;
    int rc = tx_crypto.digest_init_ex(c.md, md, NULL) == 1 ? 0 : VB_ENOMEM;
    if (rc == 0)
        rc = tx_stream_chunks(cmd, s, tx__evp_chunk, &c);
    unsigned int len = 0;
    if (rc == 0)
        tx_crypto.digest_final_ex(c.md, out, &len);
    tx_crypto.md_ctx_free(c.md);
    return rc;
}

static bool tx__needs_escape(const char *name)
{
    return strchr(name, '\\') || strchr(name, '\n') || strchr(name, '\r');
}

static void tx__escaped_name(vb_cmd *cmd, const char *name)
{
    for (const char *p = name; *p; p++) {
        if (*p == '\\')
            bi_outs(cmd, "\\\\");
        else if (*p == '\n')
            bi_outs(cmd, "\\n");
        else if (*p == '\r')
            bi_outs(cmd, "\\r");
        else
            bi_outc(cmd, *p);
    }
}

void tx_digest_line(vb_cmd *cmd, const tx_digest_algo *algo, const unsigned char *d,
                    const char *name, bool tag, bool binary, char eol)
{
    bool esc = eol == '\n' && tx__needs_escape(name);
    if (esc)
        bi_outc(cmd, '\\');
    if (tag) {
        bi_outs(cmd, algo->tag);
        if (tx_is_blake2b(algo) && algo->bytes != 64)
            bi_outf(cmd, "-%zu", algo->bytes * 8);
        bi_outs(cmd, " (");
        if (esc)
            tx__escaped_name(cmd, name);
        else
            bi_outs(cmd, name);
        bi_outs(cmd, ") = ");
    }
    for (size_t i = 0; i < algo->bytes; i++)
        bi_outf(cmd, "%02x", d[i]);
    if (!tag) {
        bi_outc(cmd, ' ');
        bi_outc(cmd, binary ? '*' : ' ');
        if (esc)
            tx__escaped_name(cmd, name);
        else
            bi_outs(cmd, name);
    }
    bi_outc(cmd, eol);
}

/* ---------------------------------------------------------------- -c */

/* Undoes the name escaping of a checksum line (\\, \n, \r); false on any
 * other escape. */
static bool tx__unescape_name(char *s)
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
        else if (*p == 'r')
            *o++ = '\r';
        else
            return false;
    }
    *o = '\0';
    return true;
}

static bool tx__hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool tx__white(char c)
{
    return c == ' ' || c == '\t';
}

/* The algorithm whose tag starts s (GNU algorithm_from_tag), or -1. */
static int tx__tag_algo(const tx_check_spec *spec, const char *s)
{
    size_t i = 0;
    while (i <= 7 && s[i] && !tx__white(s[i]) && s[i] != '-' && s[i] != '(')
        i++;
    if (i > 7)
        return -1;
    for (int a = 0; a < spec->nalgos; a++)
        if (strlen(spec->algos[a].tag) == i && !strncmp(s, spec->algos[a].tag, i))
            return a;
    return -1;
}

typedef struct tx_check_line {
    tx_digest_algo algo;   /* bytes: this line's digest length */
    char *hex, *name;
} tx_check_line;

/* Parses one line as GNU's split_3 (line modified in place). *algo: the
 * running algorithm (each tag sets it when the spec does not fix one).
 * *bsd_reversed: -1 unknown, 0 "HEX  NAME" seen, 1 "HEX NAME" seen. */
static bool tx__parse_line(const tx_check_spec *spec, char *s, int *algo, int *bsd_reversed,
                           tx_check_line *out)
{
    size_t i = 0, len = strlen(s);
    bool escaped = false;
    while (tx__white(s[i]))
        i++;
    if (s[i] == '\\') {
        i++;
        escaped = true;
    }
    if (spec->fixed < 0) {
        int a = tx__tag_algo(spec, s + i);
        if (a < 0)
            return false;
        *algo = a;
    }
    const tx_digest_algo *al = &spec->algos[*algo];
    bool b2 = tx_is_blake2b(al);
    const char *tag = al->tag;
    size_t tl = strlen(tag);
    size_t bytes = b2 ? 0 : al->bytes;   /* untagged BLAKE2b: from the hex */
    if (!strncmp(s + i, tag, tl) && (s[i + tl] == ' ' || s[i + tl] == '(' || s[i + tl] == '-')) {
        i += tl;
        if (b2) {
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
        size_t j = len - i;
        while (j > 0 && p[j - 1] != ')')
            j--;
        if (j == 0)
            return false;
        p[j - 1] = '\0';
        size_t k = j;
        while (tx__white(p[k]))
            k++;
        if (p[k] != '=')
            return false;
        k++;
        while (tx__white(p[k]))
            k++;
        out->hex = p + k;
        out->name = p;
    } else {
        if (len - i < 2 * (b2 ? 1 : bytes) + 2)
            return false;
        out->hex = s + i;
        if (b2) {
            size_t h = 0;
            while (tx__hex(s + i + h, 1))
                h++;
            if (h < 2 || h % 2 || h > 128)
                return false;
            bytes = h / 2;
        }
        i += 2 * bytes;
        if (!tx__white(s[i]))
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
    if (strlen(out->hex) != 2 * bytes || !tx__hex(out->hex, 2 * bytes))
        return false;
    if (escaped && !tx__unescape_name(out->name))
        return false;
    out->algo = *al;
    out->algo.bytes = bytes;
    return out->name[0] != '\0';
}

int tx_check_file(vb_cmd *cmd, const tx_check_spec *spec, const char *file)
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
    int algo = spec->fixed, bsd_reversed = -1;
    unsigned char d[EVP_MAX_MD_SIZE];
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
        if (line[0] == '#') {
            mem_free(cmd->heap, line);
            continue;
        }
        tx_check_line cl;
        if (!tx__parse_line(spec, line, &algo, &bsd_reversed, &cl)) {
            bad_format++;
            if (spec->warn)
                bi_err(cmd, "%s: %llu: improperly formatted %s checksum line", fs_qf(cmd, shown),
                       (unsigned long long)lineno,
                       algo >= 0 ? spec->algos[algo].tag : spec->first_tag);
            mem_free(cmd->heap, line);
            continue;
        }
        any_properly = true;
        int e = 0;
        stream *fs = bi_open_read(cmd, cl.name, &e);
        int drc = fs ? tx_digest_stream(cmd, &cl.algo, fs, d) : e;
        if (fs)
            stream_unref(fs);
        if (drc < 0) {
            if (drc == VB_ENOENT && spec->ignore_missing) {
                mem_free(cmd->heap, line);
                continue;
            }
            bi_errno(cmd, fs_qf(cmd, cl.name), drc);
            unreadable++;
            if (!spec->status)
                bi_outf(cmd, "%s: FAILED open or read\n", cl.name);
        } else {
            char got[EVP_MAX_MD_SIZE * 2 + 1];
            for (size_t i = 0; i < cl.algo.bytes; i++)
                snprintf(got + 2 * i, 3, "%02x", d[i]);
            if (strncasecmp(got, cl.hex, cl.algo.bytes * 2) == 0) {
                good++;
                if (!spec->quiet && !spec->status)
                    bi_outf(cmd, "%s: OK\n", cl.name);
            } else {
                bad_sum++;
                if (!spec->status)
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
    if (!spec->status) {
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
    if (spec->ignore_missing && !good && !bad_sum && !unreadable) {
        bi_err(cmd, "%s: no file was verified", fs_qf(cmd, shown));
        return 1;
    }
    return bad_sum || unreadable || (spec->strict && bad_format) ? 1 : 0;
}

int tx_blake2b_length(vb_cmd *cmd, const char *arg, size_t *bytes)
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
    *bytes = v ? (size_t)(v / 8) : 64;
    return 0;
}

int tx_check_only_options(vb_cmd *cmd, const tx_check_spec *spec)
{
    static const char *const what[] = {"--ignore-missing", "--status", "--warn", "--quiet",
                                       "--strict"};
    bool set[] = {spec->ignore_missing, spec->status, spec->warn, spec->quiet, spec->strict};
    for (int i = 0; i < 5; i++)
        if (set[i])
            return bi_usage(cmd, 1, "the %s option is meaningful only when verifying checksums",
                            what[i]);
    return 0;
}

enum { SUM_TAG = 256, SUM_QUIET, SUM_STATUS, SUM_STRICT, SUM_IGNMISS };

int tx_digest_main(vb_cmd *cmd, const tx_digest_algo *algo, const char *help, bool is_b2sum)
{
    static const bi_longopt longs[] = {
        {"binary", 0, 'b'}, {"check", 0, 'c'}, {"tag", 0, SUM_TAG}, {"text", 0, 't'},
        {"zero", 0, 'z'}, {"ignore-missing", 0, SUM_IGNMISS}, {"quiet", 0, SUM_QUIET},
        {"status", 0, SUM_STATUS}, {"strict", 0, SUM_STRICT}, {"warn", 0, 'w'},
        {"length", 1, 'l'}, {0},
    };
    tx_check_spec spec = {.algos = algo, .nalgos = 1, .fixed = 0};
    tx_digest_algo sized = *algo;
    bool binary = false, tag = false, check = false, zero = false;
    bi_opt o;
    bi_opt_init(&o, cmd, is_b2sum ? "bcl:twz" : "bctwz", longs, help);
    int c;
    bool text_given = false;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': binary = true; break;
        case 't': binary = false; text_given = true; break;
        case 'c': check = true; break;
        case 'z': zero = true; break;
        case 'w': spec.warn = true; spec.status = spec.quiet = false; break;
        case SUM_TAG: tag = true; break;
        case SUM_QUIET: spec.quiet = true; spec.status = spec.warn = false; break;
        case SUM_STATUS: spec.status = true; spec.warn = spec.quiet = false; break;
        case SUM_STRICT: spec.strict = true; break;
        case SUM_IGNMISS: spec.ignore_missing = true; break;
        case 'l':
            if (!is_b2sum)
                return bi_usage(cmd, 1, "unrecognized option '--length'");
            if (tx_blake2b_length(cmd, o.arg, &sized.bytes))
                return 1;
            break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (tag && check)
        return bi_usage(cmd, 1, "the --tag option is meaningless when verifying checksums");
    if (tag && text_given)
        return bi_usage(cmd, 1, "--tag does not support --text mode");
    if (zero && check)
        return bi_usage(cmd, 1, "the --zero option is not supported when verifying checksums");
    if (!check && tx_check_only_options(cmd, &spec))
        return 1;
    if (tx_crypto_check(cmd))
        return 1;
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dash[1] = {(char *)"-"};
    if (n == 0) {
        n = 1;
        ops = dash;
    }
    int status = 0;
    unsigned char d[EVP_MAX_MD_SIZE];
    for (int i = 0; i < n && !bi_out_failed(cmd); i++) {
        if (check) {
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
        int rc = tx_digest_stream(cmd, &sized, s, d);
        stream_unref(s);
        if (rc < 0) {
            status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
            continue;
        }
        tx_digest_line(cmd, &sized, d, ops[i], tag, binary, zero ? '\0' : '\n');
    }
    return bi_done(cmd, status);
}
