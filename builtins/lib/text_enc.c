/* base64 / base32 / basenc engine: see text_enc.h. */
#include <string.h>

#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_enc.h"
#include "builtins/lib/text_util.h"

static const char tx_b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char tx_b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char tx_b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char tx_b32hex[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
static const char tx_b16[] = "0123456789ABCDEF";
static const char tx_z85[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

typedef struct tx_codec {
    enum tx_enc_kind kind;
    const char *alpha;
    int in_group, out_group;    /* bytes per group in, chars per group out (encoding) */
    signed char rev[256];
    /* encoder state */
    unsigned char pend[8];
    int npend;
    uint64_t col, wrap;
    vbuf out;
    /* decoder state */
    char q[8];
    int nq, npad;
    bool pad_done;
} tx_codec;

static void tx__codec_init(vb_cmd *cmd, tx_codec *c, enum tx_enc_kind k)
{
    memset(c, 0, sizeof *c);
    c->kind = k;
    switch (k) {
    case TX_ENC_B64: c->alpha = tx_b64; c->in_group = 3; c->out_group = 4; break;
    case TX_ENC_B64URL: c->alpha = tx_b64url; c->in_group = 3; c->out_group = 4; break;
    case TX_ENC_B32: c->alpha = tx_b32; c->in_group = 5; c->out_group = 8; break;
    case TX_ENC_B32HEX: c->alpha = tx_b32hex; c->in_group = 5; c->out_group = 8; break;
    case TX_ENC_B16: c->alpha = tx_b16; c->in_group = 1; c->out_group = 2; break;
    case TX_ENC_B2M: case TX_ENC_B2L: c->alpha = "01"; c->in_group = 1; c->out_group = 8; break;
    default: c->alpha = tx_z85; c->in_group = 4; c->out_group = 5; break;
    }
    memset(c->rev, -1, sizeof c->rev);
    for (int i = 0; c->alpha[i]; i++)
        c->rev[(unsigned char)c->alpha[i]] = (signed char)i;
    vbuf_init(&c->out, cmd->heap);
}

/* Appends encoded text, wrapping at c->wrap columns. */
static void tx__emit(tx_codec *c, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        vbuf_addc(&c->out, s[i]);
        if (c->wrap && ++c->col == c->wrap) {
            vbuf_addc(&c->out, '\n');
            c->col = 0;
        }
    }
}

/* Encodes one full group (or a final partial one, n < in_group). */
static void tx__enc_group(tx_codec *c, const unsigned char *p, int n)
{
    char o[16];
    int k = 0;
    switch (c->kind) {
    case TX_ENC_B64: case TX_ENC_B64URL: {
        uint32_t v = (uint32_t)p[0] << 16 | (n > 1 ? (uint32_t)p[1] << 8 : 0) | (n > 2 ? p[2] : 0);
        o[k++] = c->alpha[v >> 18];
        o[k++] = c->alpha[(v >> 12) & 63];
        o[k++] = n > 1 ? c->alpha[(v >> 6) & 63] : '=';
        o[k++] = n > 2 ? c->alpha[v & 63] : '=';
        break;
    }
    case TX_ENC_B32: case TX_ENC_B32HEX: {
        uint64_t v = 0;
        for (int i = 0; i < 5; i++)
            v = v << 8 | (i < n ? p[i] : 0);
        static const int chars_for[6] = {0, 2, 4, 5, 7, 8};
        for (int i = 0; i < 8; i++)
            o[k++] = i < chars_for[n] ? c->alpha[(v >> (35 - 5 * i)) & 31] : '=';
        break;
    }
    case TX_ENC_B16:
        o[k++] = c->alpha[p[0] >> 4];
        o[k++] = c->alpha[p[0] & 15];
        break;
    case TX_ENC_B2M:
        for (int i = 7; i >= 0; i--)
            o[k++] = (char)('0' + ((p[0] >> i) & 1));
        break;
    case TX_ENC_B2L:
        for (int i = 0; i < 8; i++)
            o[k++] = (char)('0' + ((p[0] >> i) & 1));
        break;
    default: {
        uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
        for (int i = 4; i >= 0; i--) {
            o[i] = c->alpha[v % 85];
            v /= 85;
        }
        k = 5;
        break;
    }
    }
    tx__emit(c, o, (size_t)k);
}

static void tx__encode(tx_codec *c, const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (c->npend == 0 && n - i >= (size_t)c->in_group) {
            tx__enc_group(c, p + i, c->in_group);
            i += (size_t)c->in_group;
            continue;
        }
        c->pend[c->npend++] = p[i++];
        if (c->npend == c->in_group) {
            tx__enc_group(c, c->pend, c->in_group);
            c->npend = 0;
        }
    }
}

static void tx__dec_out(vbuf *o, uint64_t v, int bytes, int total_bits)
{
    for (int i = 0; i < bytes; i++)
        vbuf_addc(o, (char)((v >> (total_bits - 8 * (i + 1))) & 0xFF));
}

/* Decodes the pending group (complete or not). false when the partial
 * group cannot stand (one base64 char, ...). */
static bool tx__dec_flush(tx_codec *c)
{
    int n = c->nq;
    if (n == 0)
        return true;
    uint64_t v = 0;
    switch (c->kind) {
    case TX_ENC_B64: case TX_ENC_B64URL: {
        for (int i = 0; i < 4; i++)
            v = v << 6 | (uint64_t)(i < n ? c->rev[(unsigned char)c->q[i]] : 0);
        int bytes = n == 4 ? 3 : n == 3 ? 2 : n == 2 ? 1 : -1;
        if (bytes < 0)
            return false;
        tx__dec_out(&c->out, v, bytes, 24);
        break;
    }
    case TX_ENC_B32: case TX_ENC_B32HEX: {
        for (int i = 0; i < 8; i++)
            v = v << 5 | (uint64_t)(i < n ? c->rev[(unsigned char)c->q[i]] : 0);
        static const int bytes_for[9] = {0, -1, 1, -1, 2, 3, -1, 4, 5};
        int bytes = bytes_for[n];
        if (bytes < 0)
            return false;
        tx__dec_out(&c->out, v, bytes, 40);
        break;
    }
    case TX_ENC_B16:
        if (n != 2)
            return false;
        vbuf_addc(&c->out, (char)(c->rev[(unsigned char)c->q[0]] << 4 | c->rev[(unsigned char)c->q[1]]));
        break;
    case TX_ENC_B2M: case TX_ENC_B2L: {
        if (n != 8)
            return false;
        unsigned b = 0;
        for (int i = 0; i < 8; i++) {
            unsigned bit = (unsigned)(c->q[i] - '0');
            b |= c->kind == TX_ENC_B2M ? bit << (7 - i) : bit << i;
        }
        vbuf_addc(&c->out, (char)b);
        break;
    }
    default: {
        if (n != 5)
            return false;
        for (int i = 0; i < 5; i++)
            v = v * 85 + (uint64_t)c->rev[(unsigned char)c->q[i]];
        if (v > 0xFFFFFFFFull)
            return false;
        tx__dec_out(&c->out, v, 4, 32);
        break;
    }
    }
    c->nq = 0;
    return true;
}

/* Returns false at the first invalid input. */
static bool tx__decode(tx_codec *c, const unsigned char *p, size_t n, bool ignore)
{
    bool padded = c->kind == TX_ENC_B64 || c->kind == TX_ENC_B64URL || c->kind == TX_ENC_B32 ||
                  c->kind == TX_ENC_B32HEX;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = p[i];
        if (ch == '\n')
            continue;
        if (padded && ch == '=') {
            /* Padding completes the group. */
            int minchars = c->out_group == 4 ? 2 : 2;
            if (c->nq < minchars && !c->npad) {
                if (ignore)
                    continue;
                tx__dec_flush(c);
                return false;
            }
            c->npad++;
            if (c->nq + c->npad == c->out_group) {
                if (!tx__dec_flush(c))
                    return false;
                c->npad = 0;
            }
            continue;
        }
        if (c->npad) {
            /* Data after an incomplete padding. */
            if (ignore && c->rev[ch] < 0)
                continue;
            tx__dec_flush(c);
            return false;
        }
        if (c->rev[ch] < 0) {
            if (ignore)
                continue;
            tx__dec_flush(c);
            return false;
        }
        c->q[c->nq++] = (char)ch;
        if (c->nq == c->out_group && !tx__dec_flush(c))
            return false;
    }
    return true;
}

enum { ENC_B64 = 256, ENC_B64URL, ENC_B32, ENC_B32HEX, ENC_B16, ENC_B2M, ENC_B2L, ENC_Z85 };

int tx_basenc_main(vb_cmd *cmd, enum tx_enc_kind kind, const char *help)
{
    static const bi_longopt longs[] = {
        {"decode", 0, 'd'}, {"ignore-garbage", 0, 'i'}, {"wrap", 1, 'w'},
        {"base64", 0, ENC_B64}, {"base64url", 0, ENC_B64URL}, {"base32", 0, ENC_B32},
        {"base32hex", 0, ENC_B32HEX}, {"base16", 0, ENC_B16}, {"base2msbf", 0, ENC_B2M},
        {"base2lsbf", 0, ENC_B2L}, {"z85", 0, ENC_Z85}, {0},
    };
    static const bi_longopt plain_longs[] = {
        {"decode", 0, 'd'}, {"ignore-garbage", 0, 'i'}, {"wrap", 1, 'w'}, {0},
    };
    bool basenc = kind == TX_ENC_NONE, decode = false, ignore = false;
    uint64_t wrap = 76;
    bi_opt o;
    bi_opt_init(&o, cmd, "diw:", basenc ? longs : plain_longs, help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'd': decode = true; break;
        case 'i': ignore = true; break;
        case 'w': {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) != 0 || v < 0) {
                bi_err(cmd, "invalid wrap size: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            wrap = (uint64_t)v;
            break;
        }
        case ENC_B64: kind = TX_ENC_B64; break;
        case ENC_B64URL: kind = TX_ENC_B64URL; break;
        case ENC_B32: kind = TX_ENC_B32; break;
        case ENC_B32HEX: kind = TX_ENC_B32HEX; break;
        case ENC_B16: kind = TX_ENC_B16; break;
        case ENC_B2M: kind = TX_ENC_B2M; break;
        case ENC_B2L: kind = TX_ENC_B2L; break;
        case ENC_Z85: kind = TX_ENC_Z85; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (kind == TX_ENC_NONE)
        return bi_usage(cmd, 1, "missing encoding type");
    int n = cmd->argc - o.ind;
    if (n > 1)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, cmd->argv[o.ind + 1]));
    const char *name = n ? cmd->argv[o.ind] : "-";
    int err = 0;
    stream *s = bi_open_read(cmd, name, &err);
    if (!s)
        return tx_open_error(cmd, name, err, TX_PLAIN);
    tx_codec cd;
    tx__codec_init(cmd, &cd, kind);
    cd.wrap = wrap;
    unsigned char *buf = mem_alloc(cmd->heap, 65536);
    if (!buf) {
        stream_unref(s);
        return bi_err(cmd, "memory exhausted");
    }
    int status = 0;
    bool bad = false;
    for (;;) {
        ssize_t r = tx_read(cmd, s, name, buf, 65536, TX_NONAME);
        if (r < 0) {
            status = 1;
            break;
        }
        if (r == 0)
            break;
        if (decode) {
            if (!tx__decode(&cd, buf, (size_t)r, ignore))
                bad = true;
        } else {
            tx__encode(&cd, buf, (size_t)r);
        }
        if (cd.out.len)
            bi_out(cmd, cd.out.data, cd.out.len);
        vbuf_clear(&cd.out);
        if (bad || bi_out_failed(cmd))
            break;
    }
    stream_unref(s);
    if (status == 0 && !bad) {
        if (decode) {
            /* A group cut short: its bytes are written, and the input is invalid. */
            bool partial = cd.nq != 0 || cd.npad != 0;
            tx__dec_flush(&cd);
            if (partial)
                bad = true;
        } else if (cd.npend) {
            if (kind == TX_ENC_Z85) {
                bi_flush(cmd);
                bi_err(cmd, "invalid input (length must be multiple of 4 characters)");
                return bi_done(cmd, 1);
            }
            tx__enc_group(&cd, cd.pend, cd.npend);
        }
        if (!decode && cd.wrap && cd.col > 0)
            vbuf_addc(&cd.out, '\n');
        if (cd.out.len)
            bi_out(cmd, cd.out.data, cd.out.len);
    }
    if (bad) {
        bi_flush(cmd);
        bi_err(cmd, "invalid input");
        status = 1;
    }
    return bi_done(cmd, status);
}
