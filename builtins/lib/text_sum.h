/*
 * Checksum commands' engine (md5sum, sha*sum, b2sum, cksum -a): digests
 * through OpenSSL libcrypto's EVP, GNU's output lines (text/binary marker,
 * --tag, escaped names) and its -c checking with --quiet --status --strict
 * -w --ignore-missing. Owned by the text commands.
 */
#ifndef VB_BUILTINS_TEXT_SUM_H
#define VB_BUILTINS_TEXT_SUM_H

#include "builtins/lib/bi.h"

typedef struct tx_digest_algo {
    const char *tag;      /* "MD5", "SHA256", "BLAKE2b" (as --tag prints) */
    const char *evp;      /* OpenSSL digest name */
    size_t bytes;         /* digest length */
} tx_digest_algo;

/* The whole md5sum-style command for one algorithm. */
int tx_digest_main(vb_cmd *cmd, const tx_digest_algo *algo, const char *help, bool is_b2sum);

/* Digest of a stream into out (at least 64 bytes); 0 or <0 (read error,
 * reported by the caller). */
int tx_digest_stream(vb_cmd *cmd, const tx_digest_algo *algo, stream *s, unsigned char *out);

/* Prints one result line ("HASH  NAME" or "ALGO (NAME) = HASH"), with GNU's
 * backslash escaping of names holding '\\' or newlines. */
void tx_digest_line(vb_cmd *cmd, const tx_digest_algo *algo, const unsigned char *d,
                    const char *name, bool tag, bool binary, char eol);

#endif
