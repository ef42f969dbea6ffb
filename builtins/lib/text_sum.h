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

/* The whole md5sum-style command for one algorithm. */
int tx_digest_main(vb_cmd *cmd, const tx_digest_algo *algo, const char *help, bool is_b2sum);

/* Digest of a stream into out (at least 64 bytes); 0 or <0 (read error,
 * reported by the caller; VB_ENOSYS when libcrypto is not available). */
int tx_digest_stream(vb_cmd *cmd, const tx_digest_algo *algo, stream *s, unsigned char *out);

/* Prints one result line ("HASH  NAME" or "ALGO (NAME) = HASH"), with GNU's
 * backslash escaping of names holding '\\' or newlines. */
void tx_digest_line(vb_cmd *cmd, const tx_digest_algo *algo, const unsigned char *d,
                    const char *name, bool tag, bool binary, char eol);

#endif
