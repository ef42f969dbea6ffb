/*
 * The engine of base64, base32 and basenc: encodings base64, base64url,
 * base32, base32hex, base16, base2msbf, base2lsbf and z85, streaming in
 * both directions with GNU's wrapping and its decoding rules (newlines
 * skipped, -i skips other garbage, a partial last group decodes, output
 * stops at the first invalid byte). Owned by the text commands.
 */
#ifndef VB_BUILTINS_TEXT_ENC_H
#define VB_BUILTINS_TEXT_ENC_H

#include "builtins/lib/bi.h"

enum tx_enc_kind {
    TX_ENC_NONE = 0, TX_ENC_B64, TX_ENC_B64URL, TX_ENC_B32, TX_ENC_B32HEX, TX_ENC_B16,
    TX_ENC_B2M, TX_ENC_B2L, TX_ENC_Z85,
};

/* The whole command: options (-d -i -w, and the encoding options when
 * kind is TX_ENC_NONE, as basenc), one operand, the conversion. */
int tx_basenc_main(vb_cmd *cmd, enum tx_enc_kind kind, const char *help);

#endif
