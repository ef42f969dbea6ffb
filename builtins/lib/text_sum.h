/*
 * Checksum commands' engine (md5sum, sha*sum, b2sum, cksum -a): digests
 * through OpenSSL libcrypto's EVP, GNU's output lines (text/binary marker,
 * --tag, escaped names) and its -c checking with --quiet --status --strict
 * -w --ignore-missing. Owned by the text commands.
 */
#ifndef VB_BUILTINS_TEXT_SUM_H
#define VB_BUILTINS_TEXT_SUM_H

#include <openssl/bn.h>
#include <openssl/evp.h>

#include "builtins/lib/bi.h"

/*
 * libcrypto is loaded at first use (dlopen), not linked: its relocation
 * would cost every `vbash -c` start. tx_crypto_load fills tx_crypto once
 * per process (thread-safe); 0, or -1 when the library is missing, which is
 * an error of the command that needs it only.
 */
#define TX_CRYPTO_SONAME "libcrypto.so.3"

typedef struct tx_crypto_api {
    const EVP_MD *(*get_digestbyname)(const char *name);
    EVP_MD_CTX *(*md_ctx_new)(void);
    int (*digest_init_ex)(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl);
    int (*digest_update)(EVP_MD_CTX *ctx, const void *d, size_t cnt);
    int (*digest_final_ex)(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s);
    void (*md_ctx_free)(EVP_MD_CTX *ctx);
    BIGNUM *(*bn_new)(void);
    void (*bn_free)(BIGNUM *a);
    BN_CTX *(*bn_ctx_new)(void);
    void (*bn_ctx_free)(BN_CTX *c);
    int (*bn_dec2bn)(BIGNUM **a, const char *str);
    char *(*bn_bn2dec)(const BIGNUM *a);
    int (*bn_is_zero)(const BIGNUM *a);
    int (*bn_cmp)(const BIGNUM *a, const BIGNUM *b);
    int (*bn_add)(BIGNUM *r, const BIGNUM *a, const BIGNUM *b);
    int (*bn_sub)(BIGNUM *r, const BIGNUM *a, const BIGNUM *b);
    int (*bn_mul)(BIGNUM *r, const BIGNUM *a, const BIGNUM *b, BN_CTX *ctx);
    int (*bn_div)(BIGNUM *dv, BIGNUM *rem, const BIGNUM *m, const BIGNUM *d, BN_CTX *ctx);
    void (*crypto_free)(void *ptr, const char *file, int line);
} tx_crypto_api;

extern tx_crypto_api tx_crypto;
int tx_crypto_load(void);
/* tx_crypto_load for a command: on failure prints "NAME: libcrypto.so.3
 * not available" and returns 1 (the command's status), else 0. */
int tx_crypto_check(vb_cmd *cmd);

typedef struct tx_digest_algo {
    const char *tag;      /* "MD5", "SHA256", "BLAKE2b" (as --tag prints) */
    const char *evp;      /* OpenSSL digest name */
    size_t bytes;         /* digest length */
} tx_digest_algo;

/* BLAKE2b (RFC 7693) of any length 1..64 bytes, for b2sum -l and cksum -a
 * blake2b -l: libcrypto's EVP gives only the 512-bit digest. */
typedef struct tx_blake2b {
    uint64_t h[8], t[2];
    unsigned char buf[128];
    size_t c, outlen;
} tx_blake2b;
void tx_blake2b_init(tx_blake2b *b, size_t outlen);
void tx_blake2b_update(tx_blake2b *b, const void *p, size_t n);
void tx_blake2b_final(tx_blake2b *b, unsigned char *out);
/* -l BITS of b2sum and cksum: *bytes (0 bits: 64), or 1 after GNU's
 * messages. */
int tx_blake2b_length(vb_cmd *cmd, const char *arg, size_t *bytes);
/* true for the BLAKE2b algorithm (any length) */
bool tx_is_blake2b(const tx_digest_algo *algo);

/* -c checking (GNU digest.c): which lines are accepted and what is said. */
typedef struct tx_check_spec {
    const tx_digest_algo *algos;  /* the algorithms a tag may name */
    int nalgos;
    int fixed;                    /* index of the one algorithm (md5sum, cksum -a),
                                   * -1: each line's tag names it (cksum) */
    const char *first_tag;        /* named in -w warnings before any tag (fixed < 0) */
    bool quiet, status, strict, warn, ignore_missing;
} tx_check_spec;

/* Checks every line of one checksum file; 0 when all listed files match,
 * else 1 (messages and the summary warnings printed as GNU). */
int tx_check_file(vb_cmd *cmd, const tx_check_spec *spec, const char *file);

/* Without -c: GNU's usage error for the first option meaningful only when
 * verifying that is set (status 1), else 0. */
int tx_check_only_options(vb_cmd *cmd, const tx_check_spec *spec);

/* The whole md5sum-style command for one algorithm. */
int tx_digest_main(vb_cmd *cmd, const tx_digest_algo *algo, const char *help, bool is_b2sum);

/* Reads s to its end in 64 KiB chunks, each given to fn; 0 or <0 (a read
 * error, not reported). */
typedef void (*tx_chunk_fn)(void *ctx, const unsigned char *p, size_t n);
int tx_stream_chunks(vb_cmd *cmd, stream *s, tx_chunk_fn fn, void *ctx);

/* Digest of a stream into out (at least 64 bytes); 0 or <0 (read error,
 * reported by the caller; VB_ENOSYS when libcrypto is not available).
 * BLAKE2b shorter than 64 bytes is computed by tx_blake2b. */
int tx_digest_stream(vb_cmd *cmd, const tx_digest_algo *algo, stream *s, unsigned char *out);

/* Prints one result line ("HASH  NAME" or "ALGO (NAME) = HASH"), with GNU's
 * backslash escaping of names holding '\\', newlines or carriage returns
 * (none when eol is '\0'). A BLAKE2b shorter than 64 bytes is tagged
 * "BLAKE2b-BITS" as GNU does. */
void tx_digest_line(vb_cmd *cmd, const tx_digest_algo *algo, const unsigned char *d,
                    const char *name, bool tag, bool binary, char eol);

#endif
