/*
 * A minimal test helper for vbash's C tests. Each check counts one pass or
 * one failure (with file:line and the values); T_DONE() prints the closing
 * line "N passed, N failed" and gives main's return value.
 *
 *     int main(void) { T_CHECK(1 + 1 == 2); T_EQ_STR(s, "x"); return T_DONE(); }
 *
 * T_SKIP("why") says a group of checks could not run here (printed, counted
 * as skipped): never a silent pass.
 */
#ifndef VB_TESTS_T_H
#define VB_TESTS_T_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int t_pass, t_fail, t_skip;

#define T_CHECK(cond)                                                           \
    do {                                                                        \
        if (cond) {                                                             \
            t_pass++;                                                           \
        } else {                                                                \
            t_fail++;                                                           \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);    \
        }                                                                       \
    } while (0)

#define T_CHECK_MSG(cond, ...)                                                  \
    do {                                                                        \
        if (cond) {                                                             \
            t_pass++;                                                           \
        } else {                                                                \
            t_fail++;                                                           \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);    \
            fprintf(stderr, __VA_ARGS__);                                       \
            fputc('\n', stderr);                                                \
        }                                                                       \
    } while (0)

#define T_EQ_INT(a, b)                                                          \
    do {                                                                        \
        long long t__a = (long long)(a), t__b = (long long)(b);                 \
        T_CHECK_MSG(t__a == t__b, "%lld != %lld", t__a, t__b);                  \
    } while (0)

#define T_EQ_STR(a, b)                                                          \
    do {                                                                        \
        const char *t__a = (a), *t__b = (b);                                    \
        T_CHECK_MSG(t__a && t__b && strcmp(t__a, t__b) == 0,                   \
                    "\"%s\" != \"%s\"", t__a ? t__a : "(null)",                 \
                    t__b ? t__b : "(null)");                                    \
    } while (0)

#define T_EQ_MEM(a, alen, b, blen)                                              \
    do {                                                                        \
        size_t t__al = (alen), t__bl = (blen);                                  \
        T_CHECK_MSG(t__al == t__bl && memcmp((a), (b), t__al) == 0,             \
                    "buffers differ (%zu vs %zu bytes)", t__al, t__bl);         \
    } while (0)

#define T_SKIP(why)                                                             \
    do {                                                                        \
        t_skip++;                                                               \
        printf("skipped: %s\n", why);                                           \
    } while (0)

static inline int t_done(void)
{
    if (t_skip)
        printf("%d passed, %d failed, %d skipped\n", t_pass, t_fail, t_skip);
    else
        printf("%d passed, %d failed\n", t_pass, t_fail);
    return t_fail ? 1 : (t_pass == 0 && t_skip == 0 ? 1 : 0);
}
#define T_DONE() t_done()

#endif
