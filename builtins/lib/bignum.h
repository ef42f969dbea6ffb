/*
 * Arbitrary-precision decimal numbers for bc and dc.
 *
 * A number is an integer mantissa (base 10^9 limbs, least significant
 * first) and a scale: value = (-1)^neg * mantissa / 10^scale. Trailing
 * fractional zeros are kept (bc prints 1.50 as 1.50). Limbs come from the
 * context's heap; every operation writes a fresh result into *r (r may alias
 * an operand) and returns BN_OK or a negative BN_E* code, leaving *r
 * unchanged on failure. The scale rules of each operation are GNU bc's
 * (number.c): see the comment of each function.
 */
#ifndef VB_BUILTINS_BIGNUM_H
#define VB_BUILTINS_BIGNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/mem.h"

typedef struct bn {
    uint32_t *d;      /* heap-owned limbs, NULL when n == 0 */
    size_t n, cap;    /* used limbs (no leading zero limb), capacity */
    long scale;       /* decimal digits after the point, >= 0 */
    bool neg;         /* never set on zero */
} bn;

typedef struct bn_ctx {
    mem_heap *heap;               /* where limbs live (borrowed) */
    const volatile int *cancel;   /* non-zero: long operations stop (may be NULL) */
    size_t max_digits;            /* largest mantissa, in decimal digits */
} bn_ctx;

enum {
    BN_OK = 0,
    BN_ENOMEM = -1,     /* the heap refused */
    BN_ELIMIT = -2,     /* a result would exceed ctx->max_digits */
    BN_ECANCEL = -3,    /* *ctx->cancel was set */
    BN_EDIVZERO = -4,   /* division or modulo by zero */
    BN_ENEGSQRT = -5,   /* square root of a negative number */
    BN_ERANGE = -6,     /* a value does not fit a machine integer */
};

/* The default mantissa limit: 1 million digits. */
#define BN_DEFAULT_MAX_DIGITS ((size_t)1000000)

void bn_init(bn *x);
void bn_free(bn_ctx *c, bn *x);
/* Moves *src into *dst (freeing dst's old limbs); src becomes zero. */
void bn_move(bn_ctx *c, bn *dst, bn *src);
int bn_copy(bn_ctx *c, bn *r, const bn *a);
int bn_set_long(bn_ctx *c, bn *r, long v);
bool bn_is_zero(const bn *a);
/* -1, 0, 1 as a < b, a == b, a > b (values, not representations). */
int bn_cmp(const bn *a, const bn *b);
/* The integer part as a long; BN_ERANGE when it does not fit. */
int bn_to_long(const bn *a, long *out);
/* Decimal digits of the integer part (0 for |a| < 1). */
size_t bn_int_digits(const bn *a);
/* bc's length(): significant digits. */
size_t bn_length(const bn *a);

/* Sets the scale to s: appends zeros or truncates (toward zero). */
int bn_rescale(bn_ctx *c, bn *x, long s);
/* r = a + b, a - b: scale max(sa, sb). */
int bn_add(bn_ctx *c, bn *r, const bn *a, const bn *b);
int bn_sub(bn_ctx *c, bn *r, const bn *a, const bn *b);
/* r = a * b truncated to min(sa + sb, max(scale, sa, sb)) digits. */
int bn_mul(bn_ctx *c, bn *r, const bn *a, const bn *b, long scale);
/* r = a / b truncated to scale digits. */
int bn_div(bn_ctx *c, bn *r, const bn *a, const bn *b, long scale);
/* r = a - (a / b) * b as GNU bc_divmod: quotient at `scale`, result scale
 * max(sa, sb + scale). q (may be NULL) gets the quotient. */
int bn_divmod(bn_ctx *c, bn *q, bn *r, const bn *a, const bn *b, long scale);
/* r = a ^ e (e an integer). e > 0: scale min(sa * e, max(scale, sa));
 * e < 0: 1 / a^-e at scale. */
int bn_pow(bn_ctx *c, bn *r, const bn *a, long e, long scale);
/* r = sqrt(a) truncated to max(scale, sa) digits. */
int bn_sqrt(bn_ctx *c, bn *r, const bn *a, long scale);
/* r = a ^ e mod m (integers; dc's |). */
int bn_modexp(bn_ctx *c, bn *r, const bn *a, const bn *e, const bn *m, long scale);

/* Parses digits "123.45" in base 2..16 with GNU bc's rules (digits
 * 0-9 A-F; a digit >= base counts as base-1 unless it is the only digit;
 * fraction digits give a scale of their count). s may start with '-' (dc
 * uses '_' before calling). Stops at the first byte that is no digit or
 * second point; *used gets the bytes consumed (may be NULL). */
int bn_parse(bn_ctx *c, bn *r, const char *s, size_t len, int base, size_t *used);
/* The same with every digit taken at its face value (dc: "12" in base 2
 * is 1*2+2). */
int bn_parse_raw(bn_ctx *c, bn *r, const char *s, size_t len, int base, size_t *used);
/* Significant decimal digits of the mantissa (dc's Z; 1 for zero). */
size_t bn_digits(const bn *a);
/* Appends a in base obase (>= 2) as GNU's bc_out_num: ".5" for 0.5, "0"
 * for zero, bases > 16 as space-separated zero-padded decimal groups. */
int bn_format(bn_ctx *c, const bn *a, long obase, vbuf *out);

#endif
