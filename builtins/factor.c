/*
 * factor: print the prime factors of each number (operands, or the words
 * of standard input). Numbers up to 2^64-1: Miller-Rabin (deterministic
 * bases) and Pollard's rho. Reference: GNU coreutils 9.1 factor.
 * Deviation: numbers of 2^64 and more are refused ("is too large").
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("factor", bi_factor, BI_UTIL)

static const char factor_help[] =
    "Usage: factor [NUMBER]...\n"
    "  or:  factor OPTION\n"
    "Print the prime factors of each specified integer NUMBER.  If none\n"
    "are specified on the command line, read them from standard input.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

typedef unsigned __int128 fa_u128;

static uint64_t fa__mulmod(uint64_t a, uint64_t b, uint64_t m)
{
    return (uint64_t)((fa_u128)a * b % m);
}

static uint64_t fa__powmod(uint64_t b, uint64_t e, uint64_t m)
{
    uint64_t r = 1;
    b %= m;
    while (e) {
        if (e & 1)
            r = fa__mulmod(r, b, m);
        b = fa__mulmod(b, b, m);
        e >>= 1;
    }
    return r;
}

static bool fa__prime(uint64_t n)
{
    if (n < 2)
        return false;
    static const uint64_t small[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
        if (n % small[i] == 0)
            return n == small[i];
    }
    uint64_t d = n - 1;
    int s = 0;
    while (!(d & 1)) {
        d >>= 1;
        s++;
    }
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
        uint64_t x = fa__powmod(small[i], d, n);
        if (x == 1 || x == n - 1)
            continue;
        bool comp = true;
        for (int r = 1; r < s; r++) {
            x = fa__mulmod(x, x, n);
            if (x == n - 1) {
                comp = false;
                break;
            }
        }
        if (comp)
            return false;
    }
    return true;
}

static uint64_t fa__gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static uint64_t fa__rho(uint64_t n)
{
    if (!(n & 1))
        return 2;
    for (uint64_t c = 1;; c++) {
        uint64_t x = 2, y = 2, d = 1;
        while (d == 1) {
            x = (fa__mulmod(x, x, n) + c) % n;
            y = (fa__mulmod(y, y, n) + c) % n;
            y = (fa__mulmod(y, y, n) + c) % n;
            d = fa__gcd(x > y ? x - y : y - x, n);
        }
        if (d != n)
            return d;
    }
}

static int fa__cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void fa__factor(uint64_t n, uint64_t *out, int *k)
{
    for (uint64_t p = 2; p < 1000 && p * p <= n; p++) {
        while (n % p == 0) {
            out[(*k)++] = p;
            n /= p;
        }
    }
    if (n == 1)
        return;
    if (fa__prime(n)) {
        out[(*k)++] = n;
        return;
    }
    uint64_t d = fa__rho(n);
    fa__factor(d, out, k);
    fa__factor(n / d, out, k);
}

static bool fa__one(vb_cmd *cmd, const char *s)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+')
        p++;
    if (!isdigit((unsigned char)*p)) {
        bi_err(cmd, "%s is not a valid positive integer", fs_lq(cmd, s));
        return false;
    }
    uint64_t n = 0;
    for (const char *q = p; *q; q++) {
        if (!isdigit((unsigned char)*q)) {
            bi_err(cmd, "%s is not a valid positive integer", fs_lq(cmd, s));
            return false;
        }
        unsigned dgt = (unsigned)(*q - '0');
        if (n > (UINT64_MAX - dgt) / 10) {
            bi_err(cmd, "%s is too large", fs_lq(cmd, s));
            return false;
        }
        n = n * 10 + dgt;
    }
    uint64_t f[64];
    int k = 0;
    if (n > 1)
        fa__factor(n, f, &k);
    qsort(f, (size_t)k, sizeof f[0], fa__cmp);
    bi_outf(cmd, "%llu:", (unsigned long long)n);
    for (int i = 0; i < k; i++)
        bi_outf(cmd, " %llu", (unsigned long long)f[i]);
    bi_outc(cmd, '\n');
    return true;
}

int bi_factor(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "", none, factor_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        return o.status;
    }
    int status = 0;
    if (o.ind < cmd->argc) {
        for (int i = o.ind; i < cmd->argc && !bi_out_failed(cmd); i++)
            if (!fa__one(cmd, cmd->argv[i]))
                status = 1;
        return bi_done(cmd, status);
    }
    bi_reader r;
    bi_reader_init(&r, cmd, cmd->in);
    const char *rec;
    size_t len;
    while (bi_getrec(&r, '\n', &rec, &len) > 0) {
        const char *p = rec, *e = rec + len;
        while (p < e) {
            while (p < e && isspace((unsigned char)*p))
                p++;
            const char *w = p;
            while (p < e && !isspace((unsigned char)*p))
                p++;
            if (p > w) {
                char *word = mem_strndup(cmd->heap, w, (size_t)(p - w));
                if (word && !fa__one(cmd, word))
                    status = 1;
                mem_free(cmd->heap, word);
            }
        }
        if (bi_out_failed(cmd))
            break;
    }
    bi_reader_free(&r);
    return bi_done(cmd, status);
}
