/*
 * Unit tests of builtins/lib/bignum.c. The checks are identities that any
 * correct arithmetic satisfies (q*b + r == a, sqrt(x)^2 <= x < (sqrt(x)+1)^2,
 * Karatsuba-sized products against sums of schoolbook-sized ones), plus
 * the scale rules and formatting of GNU bc (values recorded from GNU bc
 * 1.07.1 on this machine: echo 'EXPR' | bc).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bignum.h"
#include "core/buf.h"
#include "core/mem.h"
#include "tests/unit/t.h"

static bn_ctx C;

static bn num(const char *s)
{
    bn x;
    bn_init(&x);
    bool neg = s[0] == '-';
    T_CHECK(bn_parse(&C, &x, s + neg, strlen(s + neg), 10, NULL) == BN_OK);
    if (neg && !bn_is_zero(&x))
        x.neg = true;
    return x;
}

static char *fmt(const bn *x, long base)
{
    vbuf b;
    vbuf_init(&b, C.heap);
    T_CHECK(bn_format(&C, x, base, &b) == BN_OK);
    return vbuf_take(&b, NULL);
}

static void check_fmt(const bn *x, long base, const char *want)
{
    char *got = fmt(x, base);
    T_EQ_STR(got, want);
    mem_free(C.heap, got);
}

/* A pseudo-random integer of n decimal digits. */
static bn randnum(unsigned *seed, size_t n)
{
    char *s = mem_alloc(C.heap, n + 1);
    for (size_t i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        s[i] = (char)('0' + (*seed >> 16) % 10);
    }
    s[0] = s[0] == '0' ? '7' : s[0];
    s[n] = 0;
    bn x = num(s);
    mem_free(C.heap, s);
    return x;
}

static void test_scale_rules(void)
{
    bn a = num("1.50"), b = num("2.5"), r;
    bn_init(&r);
    T_CHECK(bn_mul(&C, &r, &a, &b, 0) == BN_OK);
    check_fmt(&r, 10, "3.75"); /* max(sa, sb) = 2 */
    T_CHECK(bn_mul(&C, &r, &a, &b, 3) == BN_OK);
    check_fmt(&r, 10, "3.750");
    bn one = num("1"), three = num("3");
    T_CHECK(bn_div(&C, &r, &one, &three, 5) == BN_OK);
    check_fmt(&r, 10, ".33333");
    bn m = num("-1");
    T_CHECK(bn_div(&C, &r, &m, &three, 5) == BN_OK);
    check_fmt(&r, 10, "-.33333");
    bn five = num("5");
    T_CHECK(bn_divmod(&C, NULL, &r, &five, &three, 2) == BN_OK);
    check_fmt(&r, 10, ".02"); /* scale=2; 5%3 */
    T_CHECK(bn_div(&C, &r, &five, &r, 0) == BN_OK);
    T_CHECK(bn_div(&C, &r, &five, &(bn){0}, 0) == BN_EDIVZERO);
    bn two = num("2");
    T_CHECK(bn_pow(&C, &r, &two, -3, 4) == BN_OK);
    check_fmt(&r, 10, ".1250");
    T_CHECK(bn_pow(&C, &r, &two, 99999999, 0) == BN_ELIMIT);
    T_CHECK(bn_sqrt(&C, &r, &two, 20) == BN_OK);
    check_fmt(&r, 10, "1.41421356237309504880");
    T_CHECK(bn_sqrt(&C, &r, &m, 0) == BN_ENEGSQRT);
    bn z = num("0.000");
    check_fmt(&z, 10, "0");
    T_CHECK(bn_length(&z) == 3);
    bn_free(&C, &a);
    bn_free(&C, &b);
    bn_free(&C, &r);
}

static void test_bases(void)
{
    bn x = num("-35.7");
    check_fmt(&x, 20, "- 01 15.14");
    bn y = num("255.5");
    check_fmt(&y, 16, "FF.8");
    bn k = num("12345.678");
    check_fmt(&k, 100, " 01 23 45.67 80");
    bn p;
    bn_init(&p);
    /* ibase=2: "12" clamps the 2 (GNU), dc takes it at face value */
    T_CHECK(bn_parse(&C, &p, "12", 2, 2, NULL) == BN_OK);
    check_fmt(&p, 10, "3");
    T_CHECK(bn_parse_raw(&C, &p, "12", 2, 2, NULL) == BN_OK);
    check_fmt(&p, 10, "4");
    T_CHECK(bn_parse(&C, &p, "11.11", 5, 2, NULL) == BN_OK);
    check_fmt(&p, 10, "3.75");
    T_CHECK(bn_parse(&C, &p, "A", 1, 2, NULL) == BN_OK);
    check_fmt(&p, 10, "10");
}

static void test_identities(void)
{
    unsigned seed = 42;
    static const size_t sizes[] = {1, 9, 10, 17, 100, 360, 361, 900, 2000, 5000};
    size_t ns = sizeof sizes / sizeof sizes[0];
    for (size_t i = 0; i < ns; i++) {
        for (size_t j = 0; j < ns; j++) {
            bn a = randnum(&seed, sizes[i]), b = randnum(&seed, sizes[j]);
            bn p, q, r, t;
            bn_init(&p);
            bn_init(&q);
            bn_init(&r);
            bn_init(&t);
            T_CHECK(bn_mul(&C, &p, &a, &b, 0) == BN_OK);
            /* p / b == a exactly, remainder 0 */
            T_CHECK(bn_divmod(&C, &q, &r, &p, &b, 0) == BN_OK);
            T_CHECK_MSG(bn_cmp(&q, &a) == 0, "sizes %zu x %zu", sizes[i], sizes[j]);
            T_CHECK(bn_is_zero(&r));
            /* (p + 1) % b == 1 unless b == 1 */
            bn one = num("1");
            T_CHECK(bn_add(&C, &t, &p, &one) == BN_OK);
            T_CHECK(bn_divmod(&C, &q, &r, &t, &b, 0) == BN_OK);
            if (bn_cmp(&b, &one) != 0) {
                T_CHECK_MSG(bn_cmp(&q, &a) == 0, "b=%s", fmt(&b, 10));
                T_CHECK(bn_cmp(&r, &one) == 0);
            }
            /* (a + b)^2 == a^2 + 2ab + b^2 */
            bn s, s2, a2, b2;
            bn_init(&s);
            bn_init(&s2);
            bn_init(&a2);
            bn_init(&b2);
            T_CHECK(bn_add(&C, &s, &a, &b) == BN_OK);
            T_CHECK(bn_mul(&C, &s2, &s, &s, 0) == BN_OK);
            T_CHECK(bn_mul(&C, &a2, &a, &a, 0) == BN_OK);
            T_CHECK(bn_mul(&C, &b2, &b, &b, 0) == BN_OK);
            T_CHECK(bn_add(&C, &t, &a2, &b2) == BN_OK);
            T_CHECK(bn_add(&C, &t, &t, &p) == BN_OK);
            T_CHECK(bn_add(&C, &t, &t, &p) == BN_OK);
            T_CHECK_MSG(bn_cmp(&t, &s2) == 0, "square sizes %zu x %zu", sizes[i], sizes[j]);
            bn *all[] = {&a, &b, &p, &q, &r, &t, &one, &s, &s2, &a2, &b2};
            for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
                bn_free(&C, all[k]);
        }
    }
    /* integer square roots */
    for (size_t i = 0; i < ns; i++) {
        bn x = randnum(&seed, sizes[i]), r, r2, r1, one = num("1");
        bn_init(&r);
        bn_init(&r2);
        bn_init(&r1);
        T_CHECK(bn_sqrt(&C, &r, &x, 0) == BN_OK);
        T_CHECK(bn_mul(&C, &r2, &r, &r, 0) == BN_OK);
        T_CHECK(bn_cmp(&r2, &x) <= 0);
        T_CHECK(bn_add(&C, &r1, &r, &one) == BN_OK);
        T_CHECK(bn_mul(&C, &r2, &r1, &r1, 0) == BN_OK);
        T_CHECK(bn_cmp(&r2, &x) > 0);
        bn_free(&C, &x);
        bn_free(&C, &r);
        bn_free(&C, &r1);
        bn_free(&C, &r2);
        bn_free(&C, &one);
    }
}

int main(void)
{
    C.heap = mem_heap_new(0);
    C.max_digits = BN_DEFAULT_MAX_DIGITS;
    test_scale_rules();
    test_bases();
    test_identities();
    mem_heap_destroy(C.heap);
    return T_DONE();
}
