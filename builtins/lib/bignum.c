/*
 * Arbitrary-precision decimal numbers (see bignum.h): base 10^9 limbs,
 * schoolbook multiplication, Knuth's algorithm D for division, Newton's
 * method for square roots. Results follow GNU bc's truncation rules.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bignum.h"

#define BN_BASE 1000000000u
#define BN_DIG 9

static const uint32_t bn__pow10[BN_DIG + 1] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u,
};

void bn_init(bn *x)
{
    memset(x, 0, sizeof *x);
}

void bn_free(bn_ctx *c, bn *x)
{
    mem_free(c->heap, x->d);
    bn_init(x);
}

void bn_move(bn_ctx *c, bn *dst, bn *src)
{
    if (dst == src)
        return;
    mem_free(c->heap, dst->d);
    *dst = *src;
    bn_init(src);
}

static bool bn__cancelled(bn_ctx *c)
{
    return c->cancel && *c->cancel;
}

static int bn__reserve(bn_ctx *c, bn *x, size_t n)
{
    if (n <= x->cap)
        return BN_OK;
    if (c->max_digits && (n - 1) * BN_DIG > c->max_digits + 2 * BN_DIG)
        return BN_ELIMIT;
    size_t cap = x->cap ? x->cap : 4;
    while (cap < n)
        cap *= 2;
    uint32_t *d = mem_realloc(c->heap, x->d, cap * sizeof *d);
    if (!d)
        return BN_ENOMEM;
    x->d = d;
    x->cap = cap;
    return BN_OK;
}

static void bn__trim(bn *x)
{
    while (x->n && x->d[x->n - 1] == 0)
        x->n--;
    if (!x->n)
        x->neg = false;
}

bool bn_is_zero(const bn *a)
{
    return a->n == 0;
}

int bn_copy(bn_ctx *c, bn *r, const bn *a)
{
    if (r == a)
        return BN_OK;
    bn t;
    bn_init(&t);
    int rc = bn__reserve(c, &t, a->n ? a->n : 1);
    if (rc)
        return rc;
    if (a->n)
        memcpy(t.d, a->d, a->n * sizeof *a->d);
    t.n = a->n;
    t.scale = a->scale;
    t.neg = a->neg;
    bn_move(c, r, &t);
    return BN_OK;
}

int bn_set_long(bn_ctx *c, bn *r, long v)
{
    bn t;
    bn_init(&t);
    int rc = bn__reserve(c, &t, 3);
    if (rc)
        return rc;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    while (u) {
        t.d[t.n++] = (uint32_t)(u % BN_BASE);
        u /= BN_BASE;
    }
    t.neg = v < 0;
    bn_move(c, r, &t);
    return BN_OK;
}

/* ------------------------------------------------------------ magnitudes */

static int bn__mag_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (size_t i = na; i-- > 0;) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

/* x = x * m + add, in place (m, add < 2^32). */
static int bn__mag_muladd(bn_ctx *c, bn *x, uint32_t m, uint32_t add)
{
    int rc = bn__reserve(c, x, x->n + 1);
    if (rc)
        return rc;
    uint64_t carry = add;
    for (size_t i = 0; i < x->n; i++) {
        uint64_t t = (uint64_t)x->d[i] * m + carry;
        x->d[i] = (uint32_t)(t % BN_BASE);
        carry = t / BN_BASE;
    }
    while (carry) {
        rc = bn__reserve(c, x, x->n + 1);
        if (rc)
            return rc;
        x->d[x->n++] = (uint32_t)(carry % BN_BASE);
        carry /= BN_BASE;
    }
    bn__trim(x);
    return BN_OK;
}

/* x /= m in place, returns the remainder (m < 2^32). */
static uint32_t bn__mag_divsmall(bn *x, uint32_t m)
{
    uint64_t rem = 0;
    for (size_t i = x->n; i-- > 0;) {
        uint64_t cur = rem * BN_BASE + x->d[i];
        x->d[i] = (uint32_t)(cur / m);
        rem = cur % m;
    }
    bool neg = x->neg;
    bn__trim(x);
    if (x->n)
        x->neg = neg;
    return (uint32_t)rem;
}

/* Magnitude times 10^k. */
static int bn__mul_pow10(bn_ctx *c, bn *x, size_t k)
{
    if (!x->n || !k)
        return BN_OK;
    size_t q = k / BN_DIG, rdig = k % BN_DIG;
    int rc = bn__reserve(c, x, x->n + q + 1);
    if (rc)
        return rc;
    if (q) {
        memmove(x->d + q, x->d, x->n * sizeof *x->d);
        memset(x->d, 0, q * sizeof *x->d);
        x->n += q;
    }
    if (rdig)
        return bn__mag_muladd(c, x, bn__pow10[rdig], 0);
    return BN_OK;
}

/* Magnitude divided by 10^k, truncated. */
static void bn__div_pow10(bn *x, size_t k)
{
    size_t q = k / BN_DIG, rdig = k % BN_DIG;
    if (q >= x->n) {
        x->n = 0;
        x->neg = false;
        return;
    }
    if (q) {
        memmove(x->d, x->d + q, (x->n - q) * sizeof *x->d);
        x->n -= q;
    }
    if (rdig)
        bn__mag_divsmall(x, bn__pow10[rdig]);
}

static int bn__mag_add(bn_ctx *c, bn *r, const bn *a, const bn *b)
{
    if (a->n < b->n) {
        const bn *t = a;
        a = b;
        b = t;
    }
    bn t;
    bn_init(&t);
    int rc = bn__reserve(c, &t, a->n + 1);
    if (rc)
        return rc;
    uint32_t carry = 0;
    for (size_t i = 0; i < a->n; i++) {
        uint32_t s = a->d[i] + carry + (i < b->n ? b->d[i] : 0);
        carry = s >= BN_BASE;
        t.d[i] = carry ? s - BN_BASE : s;
    }
    t.n = a->n;
    if (carry)
        t.d[t.n++] = 1;
    bn_move(c, r, &t);
    return BN_OK;
}

/* |a| >= |b| */
static int bn__mag_sub(bn_ctx *c, bn *r, const bn *a, const bn *b)
{
    bn t;
    bn_init(&t);
    int rc = bn__reserve(c, &t, a->n ? a->n : 1);
    if (rc)
        return rc;
    int32_t borrow = 0;
    for (size_t i = 0; i < a->n; i++) {
        int64_t s = (int64_t)a->d[i] - borrow - (i < b->n ? b->d[i] : 0);
        borrow = s < 0;
        t.d[i] = (uint32_t)(borrow ? s + BN_BASE : s);
    }
    t.n = a->n;
    bn__trim(&t);
    bn_move(c, r, &t);
    return BN_OK;
}

/* r[0..na+nb) += a * b, schoolbook (r has room; carries stay inside). */
static void bn__school(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        uint64_t carry = 0, ai = a[i];
        if (!ai)
            continue;
        for (size_t j = 0; j < nb; j++) {
            uint64_t cur = r[i + j] + ai * b[j] + carry;
            r[i + j] = (uint32_t)(cur % BN_BASE);
            carry = cur / BN_BASE;
        }
        for (size_t k = i + nb; carry; k++) {
            uint64_t cur = r[k] + carry;
            r[k] = (uint32_t)(cur % BN_BASE);
            carry = cur / BN_BASE;
        }
    }
}

/* r[0..n) += a[0..na) (na <= n); the carry out of r is dropped (callers
 * size r so that none occurs). */
static void bn__acc_add(uint32_t *r, size_t n, const uint32_t *a, size_t na)
{
    uint32_t carry = 0;
    size_t i = 0;
    for (; i < na; i++) {
        uint32_t s = r[i] + a[i] + carry;
        carry = s >= BN_BASE;
        r[i] = carry ? s - BN_BASE : s;
    }
    for (; carry && i < n; i++) {
        uint32_t s = r[i] + 1;
        carry = s >= BN_BASE;
        r[i] = carry ? 0 : s;
    }
}

/* r[0..n) -= a[0..na) (the result is known to be >= 0). */
static void bn__acc_sub(uint32_t *r, size_t n, const uint32_t *a, size_t na)
{
    uint32_t borrow = 0;
    size_t i = 0;
    for (; i < na; i++) {
        int64_t s = (int64_t)r[i] - a[i] - borrow;
        borrow = s < 0;
        r[i] = (uint32_t)(borrow ? s + BN_BASE : s);
    }
    for (; borrow && i < n; i++) {
        borrow = r[i] == 0;
        r[i] = borrow ? BN_BASE - 1 : r[i] - 1;
    }
}

#define BN_KARATSUBA_MIN 40

/* r[0..na+nb) += a * b with Karatsuba's method for large balanced halves.
 * Returns BN_OK or BN_ENOMEM / BN_ECANCEL. */
static int bn__kmul(bn_ctx *c, uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b,
                    size_t nb)
{
    if (na < nb) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < BN_KARATSUBA_MIN) {
        bn__school(r, a, na, b, nb);
        return BN_OK;
    }
    if (bn__cancelled(c))
        return BN_ECANCEL;
    size_t m = na / 2;
    if (nb <= m) {
        /* unbalanced: a in slices of nb limbs, each product added in */
        uint32_t *tmp = mem_alloc(c->heap, 2 * nb * sizeof *tmp);
        if (!tmp)
            return BN_ENOMEM;
        int rc = BN_OK;
        for (size_t off = 0; off < na && !rc; off += nb) {
            size_t len = na - off < nb ? na - off : nb;
            memset(tmp, 0, (len + nb) * sizeof *tmp);
            rc = bn__kmul(c, tmp, a + off, len, b, nb);
            if (!rc)
                bn__acc_add(r + off, na + nb - off, tmp, len + nb);
        }
        mem_free(c->heap, tmp);
        return rc;
    }
    const uint32_t *a0 = a, *a1 = a + m, *b0 = b, *b1 = b + m;
    size_t na1 = na - m, nb1 = nb - m;
    /* sa = a0 + a1, sb = b0 + b1 (one extra limb each), z1 = sa * sb */
    size_t nsa = (na1 > m ? na1 : m) + 1, nsb = (nb1 > m ? nb1 : m) + 1;
    size_t nz0 = 2 * m, nz2 = na1 + nb1, nz1 = nsa + nsb;
    uint32_t *buf = mem_calloc(c->heap, nsa + nsb + nz0 + nz2 + nz1, sizeof *buf);
    if (!buf)
        return BN_ENOMEM;
    uint32_t *sa = buf, *sb = sa + nsa, *z0 = sb + nsb, *z2 = z0 + nz0, *z1 = z2 + nz2;
    memcpy(sa, a0, m * sizeof *sa);
    bn__acc_add(sa, nsa, a1, na1);
    memcpy(sb, b0, m * sizeof *sb);
    bn__acc_add(sb, nsb, b1, nb1);
    int rc = bn__kmul(c, z0, a0, m, b0, m);
    if (!rc)
        rc = bn__kmul(c, z2, a1, na1, b1, nb1);
    if (!rc)
        rc = bn__kmul(c, z1, sa, nsa, sb, nsb);
    if (!rc) {
        bn__acc_sub(z1, nz1, z0, nz0);
        bn__acc_sub(z1, nz1, z2, nz2);
        size_t n = na + nb;
        bn__acc_add(r, n, z0, nz0);
        size_t z1len = nz1;
        while (z1len && !z1[z1len - 1])
            z1len--;
        bn__acc_add(r + m, n - m, z1, z1len);
        bn__acc_add(r + 2 * m, n - 2 * m, z2, nz2);
    }
    mem_free(c->heap, buf);
    return rc;
}

static int bn__mag_mul(bn_ctx *c, bn *r, const bn *a, const bn *b)
{
    bn t;
    bn_init(&t);
    if (!a->n || !b->n) {
        bn_move(c, r, &t);
        return BN_OK;
    }
    size_t n = a->n + b->n;
    int rc = bn__reserve(c, &t, n);
    if (rc)
        return rc;
    memset(t.d, 0, n * sizeof *t.d);
    rc = bn__kmul(c, t.d, a->d, a->n, b->d, b->n);
    if (rc) {
        bn_free(c, &t);
        return rc;
    }
    t.n = n;
    bn__trim(&t);
    bn_move(c, r, &t);
    return BN_OK;
}

/* q = |a| / |b|, rem = |a| % |b| (either may be NULL); b != 0. */
static int bn__mag_divmod(bn_ctx *c, bn *q, bn *rem, const bn *a, const bn *b)
{
    bn qq, rr;
    bn_init(&qq);
    bn_init(&rr);
    int rc;
    if (bn__mag_cmp(a->d, a->n, b->d, b->n) < 0) {
        if (rem && (rc = bn_copy(c, &rr, a)))
            return rc;
        rr.neg = false;
        rr.scale = 0;
        goto done;
    }
    if (b->n == 1) {
        if ((rc = bn_copy(c, &qq, a)))
            return rc;
        qq.neg = false;
        qq.scale = 0;
        uint32_t rm = bn__mag_divsmall(&qq, b->d[0]);
        if (rem && (rc = bn_set_long(c, &rr, (long)rm))) {
            bn_free(c, &qq);
            return rc;
        }
        goto done;
    }
    /* Knuth D: normalise so that the divisor's top limb >= BASE/2. */
    {
        uint32_t f = (uint32_t)(BN_BASE / ((uint64_t)b->d[b->n - 1] + 1));
        bn u, v;
        bn_init(&u);
        bn_init(&v);
        if ((rc = bn_copy(c, &u, a)) || (rc = bn_copy(c, &v, b)) ||
            (rc = bn__mag_muladd(c, &u, f, 0)) || (rc = bn__mag_muladd(c, &v, f, 0)) ||
            (rc = bn__reserve(c, &u, a->n + 2))) {
            bn_free(c, &u);
            bn_free(c, &v);
            return rc;
        }
        size_t n = v.n, m;
        /* u gets one extra top limb. */
        while (u.n < a->n + 1)
            u.d[u.n++] = 0;
        m = u.n - n;
        if ((rc = bn__reserve(c, &qq, m))) {
            bn_free(c, &u);
            bn_free(c, &v);
            return rc;
        }
        memset(qq.d, 0, m * sizeof *qq.d);
        qq.n = m;
        uint64_t vtop = v.d[n - 1], vnext = v.d[n - 2];
        for (size_t j = m; j-- > 0;) {
            if ((j & 63) == 0 && bn__cancelled(c)) {
                bn_free(c, &u);
                bn_free(c, &v);
                bn_free(c, &qq);
                return BN_ECANCEL;
            }
            uint64_t num = (uint64_t)u.d[j + n] * BN_BASE + u.d[j + n - 1];
            uint64_t qhat = num / vtop, rhat = num % vtop;
            if (qhat >= BN_BASE) {
                qhat = BN_BASE - 1;
                rhat = num - qhat * vtop;
            }
            while (rhat < BN_BASE && qhat * vnext > rhat * BN_BASE + u.d[j + n - 2]) {
                qhat--;
                rhat += vtop;
            }
            /* u[j..j+n] -= qhat * v */
            int64_t borrow = 0;
            uint64_t carry = 0;
            for (size_t i = 0; i < n; i++) {
                uint64_t p = qhat * v.d[i] + carry;
                carry = p / BN_BASE;
                int64_t s = (int64_t)u.d[i + j] - (int64_t)(p % BN_BASE) - borrow;
                borrow = s < 0;
                u.d[i + j] = (uint32_t)(borrow ? s + BN_BASE : s);
            }
            int64_t s = (int64_t)u.d[j + n] - (int64_t)carry - borrow;
            borrow = s < 0;
            u.d[j + n] = (uint32_t)(borrow ? s + BN_BASE : s);
            if (borrow) {
                /* qhat was one too large: add v back. */
                qhat--;
                uint32_t cy = 0;
                for (size_t i = 0; i < n; i++) {
                    uint32_t t = u.d[i + j] + v.d[i] + cy;
                    cy = t >= BN_BASE;
                    u.d[i + j] = cy ? t - BN_BASE : t;
                }
                u.d[j + n] = (uint32_t)((u.d[j + n] + cy) % BN_BASE);
            }
            qq.d[j] = (uint32_t)qhat;
        }
        bn__trim(&qq);
        if (rem) {
            u.n = n;
            bn__trim(&u);
            bn__mag_divsmall(&u, f);
            u.neg = false;
            u.scale = 0;
            bn_move(c, &rr, &u);
        }
        bn_free(c, &u);
        bn_free(c, &v);
    }
done:
    if (q)
        bn_move(c, q, &qq);
    else
        bn_free(c, &qq);
    if (rem)
        bn_move(c, rem, &rr);
    return BN_OK;
}

/* ------------------------------------------------------------ values */

int bn_rescale(bn_ctx *c, bn *x, long s)
{
    if (s < 0)
        s = 0;
    if (s > x->scale) {
        if (c->max_digits && (size_t)(s - x->scale) > c->max_digits)
            return BN_ELIMIT;
        int rc = bn__mul_pow10(c, x, (size_t)(s - x->scale));
        if (rc)
            return rc;
    } else if (s < x->scale) {
        bn__div_pow10(x, (size_t)(x->scale - s));
    }
    x->scale = s;
    return BN_OK;
}

/* A copy of a at scale s (>= a's scale). */
static int bn__at_scale(bn_ctx *c, bn *r, const bn *a, long s)
{
    int rc = bn_copy(c, r, a);
    if (!rc)
        rc = bn_rescale(c, r, s);
    return rc;
}

int bn_cmp(const bn *a, const bn *b)
{
    if (a->neg != b->neg)
        return a->neg ? -1 : 1;
    if (!a->n && !b->n)
        return 0;
    /* Compare magnitudes with the scales aligned, limb by limb from a
     * virtual shifted view: simplest exact way is digit comparison. */
    int sign = a->neg ? -1 : 1;
    size_t ia = bn_int_digits(a), ib = bn_int_digits(b);
    if (ia != ib)
        return ia < ib ? -sign : sign;
    /* Same integer length: walk digits from the most significant. */
    long sa = a->scale, sb = b->scale;
    long top = (long)ia; /* positions: digit at 10^(top-1) .. */
    long lo = -(sa > sb ? sa : sb);
    for (long p = top - 1; p >= lo; p--) {
        /* digit of a at 10^p: mantissa digit index p + sa */
        int da = 0, db = 0;
        long ka = p + sa, kb = p + sb;
        if (ka >= 0 && (size_t)(ka / BN_DIG) < a->n)
            da = (int)(a->d[ka / BN_DIG] / bn__pow10[ka % BN_DIG] % 10);
        if (kb >= 0 && (size_t)(kb / BN_DIG) < b->n)
            db = (int)(b->d[kb / BN_DIG] / bn__pow10[kb % BN_DIG] % 10);
        if (da != db)
            return da < db ? -sign : sign;
    }
    return 0;
}

/* Decimal digits of the whole mantissa. */
static size_t bn__mant_digits(const bn *a)
{
    if (!a->n)
        return 0;
    size_t n = (a->n - 1) * BN_DIG;
    uint32_t top = a->d[a->n - 1];
    while (top) {
        n++;
        top /= 10;
    }
    return n;
}

size_t bn_int_digits(const bn *a)
{
    size_t md = bn__mant_digits(a);
    return md > (size_t)a->scale ? md - (size_t)a->scale : 0;
}

size_t bn_length(const bn *a)
{
    /* GNU: integer digits + scale; a number below 1 counts its scale. */
    size_t ints = bn_int_digits(a);
    if (ints)
        return ints + (size_t)a->scale;
    return a->scale ? (size_t)a->scale : 1;
}

int bn_to_long(const bn *a, long *out)
{
    /* floor(M / 10^(9q)) in 128 bits, then / 10^rd. */
    size_t q = (size_t)a->scale / BN_DIG, rd = (size_t)a->scale % BN_DIG;
    unsigned __int128 v = 0;
    for (size_t i = a->n; i-- > q;) {
        if (v > ((unsigned __int128)1 << 100))
            return BN_ERANGE;
        v = v * BN_BASE + a->d[i];
    }
    v /= bn__pow10[rd];
    if (v > (unsigned __int128)LONG_MAX)
        return BN_ERANGE;
    *out = a->neg ? -(long)v : (long)v;
    return BN_OK;
}

static int bn__addsub(bn_ctx *c, bn *r, const bn *a, const bn *b, bool sub)
{
    long s = a->scale > b->scale ? a->scale : b->scale;
    bn x, y;
    bn_init(&x);
    bn_init(&y);
    int rc = bn__at_scale(c, &x, a, s);
    if (!rc)
        rc = bn__at_scale(c, &y, b, s);
    if (rc)
        goto out;
    bool yneg = sub ? !y.neg : y.neg;
    if (!y.n)
        yneg = false;
    bn t;
    bn_init(&t);
    if (x.neg == yneg) {
        rc = bn__mag_add(c, &t, &x, &y);
        t.neg = x.neg;
    } else if (bn__mag_cmp(x.d, x.n, y.d, y.n) >= 0) {
        rc = bn__mag_sub(c, &t, &x, &y);
        t.neg = x.neg;
    } else {
        rc = bn__mag_sub(c, &t, &y, &x);
        t.neg = yneg;
    }
    if (rc)
        goto out;
    t.scale = s;
    bn__trim(&t);
    bn_move(c, r, &t);
out:
    bn_free(c, &x);
    bn_free(c, &y);
    return rc;
}

int bn_add(bn_ctx *c, bn *r, const bn *a, const bn *b)
{
    return bn__addsub(c, r, a, b, false);
}

int bn_sub(bn_ctx *c, bn *r, const bn *a, const bn *b)
{
    return bn__addsub(c, r, a, b, true);
}

static long bn__max(long a, long b)
{
    return a > b ? a : b;
}

int bn_mul(bn_ctx *c, bn *r, const bn *a, const bn *b, long scale)
{
    long full = a->scale + b->scale;
    long ps = bn__max(scale, bn__max(a->scale, b->scale));
    if (ps > full)
        ps = full;
    if (c->max_digits && (a->n + b->n) > c->max_digits / BN_DIG + 2)
        return BN_ELIMIT;
    bn t;
    bn_init(&t);
    int rc = bn__mag_mul(c, &t, a, b);
    if (rc)
        return rc;
    t.neg = (a->neg != b->neg) && t.n;
    t.scale = full;
    bn_rescale(c, &t, ps);
    bn__trim(&t);
    bn_move(c, r, &t);
    return BN_OK;
}

int bn_div(bn_ctx *c, bn *r, const bn *a, const bn *b, long scale)
{
    if (!b->n)
        return BN_EDIVZERO;
    if (scale < 0)
        scale = 0;
    /* trunc(A*10^(sb+scale) / (B*10^sa)) */
    bn num, den, q;
    bn_init(&num);
    bn_init(&den);
    bn_init(&q);
    int rc = bn_copy(c, &num, a);
    if (!rc)
        rc = bn_copy(c, &den, b);
    long ka = b->scale + scale, kb = a->scale;
    long common = ka < kb ? ka : kb;
    ka -= common;
    kb -= common;
    if (!rc)
        rc = bn__mul_pow10(c, &num, (size_t)ka);
    if (!rc)
        rc = bn__mul_pow10(c, &den, (size_t)kb);
    if (!rc)
        rc = bn__mag_divmod(c, &q, NULL, &num, &den);
    bn_free(c, &num);
    bn_free(c, &den);
    if (rc)
        return rc;
    q.scale = scale;
    q.neg = (a->neg != b->neg) && q.n;
    bn_move(c, r, &q);
    return BN_OK;
}

int bn_divmod(bn_ctx *c, bn *q, bn *r, const bn *a, const bn *b, long scale)
{
    if (!b->n)
        return BN_EDIVZERO;
    long rscale = bn__max(a->scale, b->scale + scale);
    bn t, p, rem;
    bn_init(&t);
    bn_init(&p);
    bn_init(&rem);
    int rc = bn_div(c, &t, a, b, scale);
    if (!rc)
        rc = bn_mul(c, &p, &t, b, rscale);
    if (!rc)
        rc = bn_sub(c, &rem, a, &p);
    if (!rc && rem.scale < rscale)
        rc = bn_rescale(c, &rem, rscale);
    bn_free(c, &p);
    if (rc) {
        bn_free(c, &t);
        bn_free(c, &rem);
        return rc;
    }
    if (q)
        bn_move(c, q, &t);
    else
        bn_free(c, &t);
    bn_move(c, r, &rem);
    return BN_OK;
}

int bn_pow(bn_ctx *c, bn *r, const bn *a, long e, long scale)
{
    bn res, base;
    bn_init(&res);
    bn_init(&base);
    int rc;
    if (e == 0)
        return bn_set_long(c, r, 1);
    bool neg = e < 0;
    unsigned long ue = neg ? 0ul - (unsigned long)e : (unsigned long)e;
    long rscale;
    if (neg) {
        rscale = scale;
    } else {
        unsigned long full = (unsigned long)a->scale * ue;
        if (a->scale && full / ue != (unsigned long)a->scale)
            full = (unsigned long)LONG_MAX;
        rscale = (long)(full < (unsigned long)bn__max(scale, a->scale) ? full
                        : (unsigned long)bn__max(scale, a->scale));
    }
    /* Size check before any work: the exact power has about
     * e * log10(mantissa) digits. */
    if (a->n && c->max_digits && !(a->n == 1 && a->d[0] == 1)) {
        double lg = (double)(a->n - 1) * BN_DIG + log10((double)a->d[a->n - 1]);
        if (lg * (double)ue > (double)c->max_digits)
            return BN_ELIMIT;
    }
    if ((rc = bn_copy(c, &base, a)) || (rc = bn_set_long(c, &res, 1)))
        goto out;
    /* Exact power: scales add up, nothing is truncated on the way. */
    while (ue) {
        if (ue & 1) {
            if ((rc = bn_mul(c, &res, &res, &base, res.scale + base.scale)))
                goto out;
        }
        ue >>= 1;
        if (ue && (rc = bn_mul(c, &base, &base, &base, 2 * base.scale)))
            goto out;
        if (bn__cancelled(c)) {
            rc = BN_ECANCEL;
            goto out;
        }
    }
    if (neg) {
        bn one;
        bn_init(&one);
        if ((rc = bn_set_long(c, &one, 1)))
            goto out;
        rc = bn_div(c, &base, &one, &res, rscale);
        bn_free(c, &one);
        if (rc)
            goto out;
        bn_move(c, r, &base);
    } else {
        if (res.scale > rscale)
            bn_rescale(c, &res, rscale);
        bn_move(c, r, &res);
    }
out:
    bn_free(c, &res);
    bn_free(c, &base);
    return rc;
}

int bn_sqrt(bn_ctx *c, bn *r, const bn *a, long scale)
{
    if (a->neg)
        return BN_ENEGSQRT;
    long rs = bn__max(scale, a->scale);
    if (!a->n) {
        bn z;
        bn_init(&z);
        z.scale = rs;
        bn_move(c, r, &z);
        return BN_OK;
    }
    /* isqrt(M * 10^(2rs - sa)) */
    bn nn, x, y, t;
    bn_init(&nn);
    bn_init(&x);
    bn_init(&y);
    bn_init(&t);
    int rc = bn_copy(c, &nn, a);
    if (!rc)
        rc = bn__mul_pow10(c, &nn, (size_t)(2 * rs - a->scale));
    if (rc)
        goto out;
    nn.scale = 0;
    size_t d = bn__mant_digits(&nn);
    if ((rc = bn_set_long(c, &x, 1)) || (rc = bn__mul_pow10(c, &x, (d + 1) / 2)))
        goto out;
    for (;;) {
        /* y = (x + nn / x) / 2 */
        if ((rc = bn__mag_divmod(c, &t, NULL, &nn, &x)))
            goto out;
        if ((rc = bn__mag_add(c, &y, &x, &t)))
            goto out;
        bn__mag_divsmall(&y, 2);
        if (bn__mag_cmp(y.d, y.n, x.d, x.n) >= 0)
            break;
        bn_move(c, &x, &y);
        if (bn__cancelled(c)) {
            rc = BN_ECANCEL;
            goto out;
        }
    }
    x.scale = rs;
    x.neg = false;
    bn_move(c, r, &x);
out:
    bn_free(c, &nn);
    bn_free(c, &x);
    bn_free(c, &y);
    bn_free(c, &t);
    return rc;
}

int bn_modexp(bn_ctx *c, bn *r, const bn *a, const bn *e, const bn *m, long scale)
{
    if (!m->n)
        return BN_EDIVZERO;
    bn base, res, ex, tmp;
    bn_init(&base);
    bn_init(&res);
    bn_init(&ex);
    bn_init(&tmp);
    int rc;
    if ((rc = bn_copy(c, &base, a)) || (rc = bn_copy(c, &ex, e)) || (rc = bn_set_long(c, &res, 1)))
        goto out;
    bn_rescale(c, &ex, 0);
    ex.neg = false;
    /* dc: base = base % m, then square-and-multiply with % m, all at scale. */
    if ((rc = bn_divmod(c, NULL, &base, &base, m, scale)))
        goto out;
    while (ex.n) {
        if (ex.d[0] & 1) {
            if ((rc = bn_mul(c, &tmp, &res, &base, scale)) ||
                (rc = bn_divmod(c, NULL, &res, &tmp, m, scale)))
                goto out;
        }
        bn__mag_divsmall(&ex, 2);
        if (!ex.n)
            break;
        if ((rc = bn_mul(c, &tmp, &base, &base, scale)) ||
            (rc = bn_divmod(c, NULL, &base, &tmp, m, scale)))
            goto out;
        if (bn__cancelled(c)) {
            rc = BN_ECANCEL;
            goto out;
        }
    }
    bn_move(c, r, &res);
out:
    bn_free(c, &base);
    bn_free(c, &res);
    bn_free(c, &ex);
    bn_free(c, &tmp);
    return rc;
}

/* ------------------------------------------------------------ text */

static int bn__digit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

static int bn__parse(bn_ctx *c, bn *r, const char *s, size_t len, int base, size_t *used,
                     bool clamp)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && s[i] == '-') {
        neg = true;
        i++;
    }
    size_t is = i;
    while (i < len && bn__digit(s[i]) >= 0)
        i++;
    size_t ie = i, fs = i, fe = i;
    if (i < len && s[i] == '.') {
        i++;
        fs = i;
        while (i < len && bn__digit(s[i]) >= 0)
            i++;
        fe = i;
    }
    if (used)
        *used = i;
    bn t;
    bn_init(&t);
    int rc = BN_OK;
    if (base == 10) {
        /* Fast path: digits straight into limbs. */
        size_t nd = (ie - is) + (fe - fs);
        if ((rc = bn__reserve(c, &t, nd / BN_DIG + 2)))
            return rc;
        for (size_t k = is; k < fe; k++) {
            if (k == ie)
                continue;
            if (k >= ie && k < fs)
                continue;
            int dg = bn__digit(s[k]);
            if (dg > 9 && clamp)
                dg = (nd == 1) ? dg : 9;
            if ((rc = bn__mag_muladd(c, &t, 10, (uint32_t)dg)))
                goto fail;
        }
        t.scale = (long)(fe - fs);
    } else {
        /* GNU: a lone digit keeps its value, others clamp to base-1. */
        size_t nint = ie - is;
        for (size_t k = is; k < ie; k++) {
            int dg = bn__digit(s[k]);
            if (clamp && dg >= base && !(nint == 1 && fe == fs))
                dg = base - 1;
            if ((rc = bn__mag_muladd(c, &t, (uint32_t)base, (uint32_t)dg)))
                goto fail;
        }
        if (fe > fs) {
            bn fr, mult;
            bn_init(&fr);
            bn_init(&mult);
            if ((rc = bn_set_long(c, &mult, 1)))
                goto fail;
            for (size_t k = fs; k < fe; k++) {
                int dg = bn__digit(s[k]);
                if (clamp && dg >= base)
                    dg = base - 1;
                if ((rc = bn__mag_muladd(c, &fr, (uint32_t)base, (uint32_t)dg)) ||
                    (rc = bn__mag_muladd(c, &mult, (uint32_t)base, 0))) {
                    bn_free(c, &fr);
                    bn_free(c, &mult);
                    goto fail;
                }
            }
            rc = bn_div(c, &fr, &fr, &mult, (long)(fe - fs));
            if (!rc)
                rc = bn_add(c, &t, &t, &fr);
            bn_free(c, &fr);
            bn_free(c, &mult);
            if (rc)
                goto fail;
        }
    }
    bn__trim(&t);
    t.neg = neg && t.n;
    bn_move(c, r, &t);
    return BN_OK;
fail:
    bn_free(c, &t);
    return rc;
}

int bn_parse(bn_ctx *c, bn *r, const char *s, size_t len, int base, size_t *used)
{
    return bn__parse(c, r, s, len, base, used, true);
}

int bn_parse_raw(bn_ctx *c, bn *r, const char *s, size_t len, int base, size_t *used)
{
    return bn__parse(c, r, s, len, base, used, false);
}

size_t bn_digits(const bn *a)
{
    size_t d = bn__mant_digits(a);
    return d ? d : 1;
}

/* Appends the decimal digits of an integer magnitude ("0" for zero). */
static int bn__int_to_dec(const bn *x, vbuf *out)
{
    if (!x->n)
        return vbuf_addc(out, '0');
    char tmp[16];
    int rc = vbuf_printf(out, "%u", x->d[x->n - 1]);
    for (size_t i = x->n - 1; !rc && i-- > 0;) {
        snprintf(tmp, sizeof tmp, "%09u", x->d[i]);
        rc = vbuf_add(out, tmp, BN_DIG);
    }
    return rc;
}

static int bn__out_long(vbuf *out, unsigned long v, int width, bool space)
{
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%lu", v);
    int rc = space ? vbuf_addc(out, ' ') : 0;
    for (int i = len; !rc && i < width; i++)
        rc = vbuf_addc(out, '0');
    if (!rc)
        rc = vbuf_add(out, tmp, (size_t)len);
    return rc;
}

int bn_format(bn_ctx *c, const bn *a, long obase, vbuf *out)
{
    int rc = 0;
    if (a->neg)
        rc = vbuf_addc(out, '-');
    if (!a->n)
        return vbuf_addc(out, '0');
    if (obase == 10) {
        vbuf digs;
        vbuf_init(&digs, c->heap);
        if ((rc = bn__int_to_dec(a, &digs)))
            goto out10;
        size_t L = digs.len, sc = (size_t)a->scale;
        if (L > sc)
            rc = vbuf_add(out, digs.data, L - sc);
        if (!rc && sc) {
            rc = vbuf_addc(out, '.');
            for (size_t i = L; !rc && i < sc; i++)
                rc = vbuf_addc(out, '0');
            if (!rc)
                rc = vbuf_add(out, digs.data + (L > sc ? L - sc : 0), L > sc ? sc : L);
        }
    out10:
        vbuf_free(&digs);
        return rc ? BN_ENOMEM : BN_OK;
    }
    char tmp[32];
    int width = snprintf(tmp, sizeof tmp, "%ld", obase - 1);
    bn ip, fp;
    bn_init(&ip);
    bn_init(&fp);
    if ((rc = bn_copy(c, &ip, a)))
        return rc;
    ip.neg = false;
    bn_rescale(c, &ip, 0);
    /* Integer digits, least significant first, then reversed. */
    size_t ndig = 0, cap = 0;
    unsigned long *dig = NULL;
    while (ip.n) {
        if (ndig == cap) {
            cap = cap ? cap * 2 : 64;
            unsigned long *nd = mem_realloc(c->heap, dig, cap * sizeof *dig);
            if (!nd) {
                rc = BN_ENOMEM;
                goto out;
            }
            dig = nd;
        }
        dig[ndig++] = bn__mag_divsmall(&ip, (uint32_t)obase);
        if ((ndig & 1023) == 0 && bn__cancelled(c)) {
            rc = BN_ECANCEL;
            goto out;
        }
    }
    for (size_t i = ndig; !rc && i-- > 0;) {
        if (obase <= 16)
            rc = vbuf_addc(out, "0123456789ABCDEF"[dig[i]]);
        else
            rc = bn__out_long(out, dig[i], width, true);
    }
    if (!rc && a->scale > 0) {
        /* Fraction: F / 10^s; each step F *= base, digit = F / 10^s. */
        long s = a->scale;
        bn pw, one, t;
        bn_init(&pw);
        bn_init(&one);
        bn_init(&t);
        if ((rc = bn_copy(c, &fp, a)))
            goto out;
        fp.neg = false;
        fp.scale = 0;
        if ((rc = bn_set_long(c, &pw, 1)) || (rc = bn__mul_pow10(c, &pw, (size_t)s)))
            goto outf;
        bn_rescale(c, &ip, 0);
        if ((rc = bn__mag_divmod(c, NULL, &fp, &fp, &pw)))
            goto outf;
        if ((rc = bn_set_long(c, &one, 1)))
            goto outf;
        rc = vbuf_addc(out, '.');
        bool space = false;
        while (!rc && bn__mant_digits(&one) <= (size_t)s) {
            if ((rc = bn__mag_muladd(c, &fp, (uint32_t)obase, 0)) ||
                (rc = bn__mag_divmod(c, &t, &fp, &fp, &pw)))
                break;
            long dv = 0;
            bn_to_long(&t, &dv);
            if (obase <= 16)
                rc = vbuf_addc(out, "0123456789ABCDEF"[dv]);
            else
                rc = bn__out_long(out, (unsigned long)dv, width, space);
            space = true;
            if (!rc)
                rc = bn__mag_muladd(c, &one, (uint32_t)obase, 0);
            if (bn__cancelled(c))
                rc = BN_ECANCEL;
        }
    outf:
        bn_free(c, &pw);
        bn_free(c, &one);
        bn_free(c, &t);
    }
out:
    mem_free(c->heap, dig);
    bn_free(c, &ip);
    bn_free(c, &fp);
    if (rc && rc != BN_ECANCEL && rc != BN_ELIMIT)
        rc = BN_ENOMEM;
    return rc;
}
