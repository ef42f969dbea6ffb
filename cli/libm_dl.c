/*
 * libm loaded at first use, for the vbash command only.
 *
 * The math functions the engine calls (awk, bc, printf, expr, test...)
 * are defined here, in the executable, so that the link resolves them
 * without libm.so.6 and `--as-needed` drops it: a `vbash -c` run that
 * never computes a sine no longer maps and relocates libm (9 page faults
 * of the 137 of `vbash -c true`, docs/design.md "Start-up"). The first
 * call opens libm.so.6 with dlopen and every function forwards to libm's
 * own through a table, so results, errno and rounding are libm's. The
 * lists hold what an -O2 build calls and what a Debug build calls besides
 * (ceil, rint, copysign: inlined at -O2).
 *
 * Only the executable carries these definitions: libvbash (static or
 * shared) links libm as usual, so an embedder's own math functions are
 * never replaced. A math function the engine starts to call and that is
 * missing from the lists below simply makes the linker keep libm as a
 * dependency (it stays in the link libraries): nothing breaks, only the
 * saving is lost. frexp, ldexp and modf are here too: libc has them as
 * well, but the linker would take libm's, which comes first.
 *
 * libm.so.6 is part of the C library itself (same package as libc.so.6);
 * should it fail to load anyway, every function returns NaN with errno
 * set to ENOSYS rather than stopping the process.
 */
#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

/* double f(double) */
#define CLI_LIBM_D1(X) \
    X(acos) X(asin) X(atan) X(cbrt) X(ceil) X(cos) X(cosh) X(exp) X(exp2) X(expm1) \
    X(floor) X(lgamma) X(log) X(log10) X(log1p) X(log2) X(logb) X(nearbyint) X(rint) \
    X(round) X(sin) X(sinh) X(sqrt) X(tan) X(tanh) X(tgamma) X(trunc)

/* double f(double, double) */
#define CLI_LIBM_D2(X) \
    X(atan2) X(copysign) X(fmax) X(fmin) X(fmod) X(nextafter) X(pow) X(remainder)

typedef struct cli_libm_api {
#define CLI_F1(n) double (*n)(double);
#define CLI_F2(n) double (*n)(double, double);
    CLI_LIBM_D1(CLI_F1)
    CLI_LIBM_D2(CLI_F2)
#undef CLI_F1
#undef CLI_F2
    double (*lgamma_r)(double, int *);
    double (*scalbln)(double, long);
    double (*frexp)(double, int *);
    double (*ldexp)(double, int);
    double (*modf)(double, double *);
} cli_libm_api;

static cli_libm_api cli_libm_tab;
static pthread_once_t cli_libm_once = PTHREAD_ONCE_INIT;
static int cli_libm_ok;

static void cli_libm_load(void)
{
    void *h = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    cli_libm_api t;
    void *f;
    /* dlsym on libm's own handle finds libm's definition, never these. */
#define CLI_SYM(n)                      \
    if (!(f = dlsym(h, #n)))            \
        return;                         \
    memcpy(&t.n, &f, sizeof f);
    CLI_LIBM_D1(CLI_SYM)
    CLI_LIBM_D2(CLI_SYM)
    CLI_SYM(lgamma_r)
    CLI_SYM(scalbln)
    CLI_SYM(frexp)
    CLI_SYM(ldexp)
    CLI_SYM(modf)
#undef CLI_SYM
    cli_libm_tab = t;
    cli_libm_ok = 1;
}

static const cli_libm_api *cli_libm(void)
{
    pthread_once(&cli_libm_once, cli_libm_load);
    if (!cli_libm_ok) {
        errno = ENOSYS;
        return NULL;
    }
    return &cli_libm_tab;
}

#define CLI_DEF1(n)                                \
    double n(double x)                             \
    {                                              \
        const cli_libm_api *m = cli_libm();        \
        return m ? m->n(x) : NAN;                  \
    }
#define CLI_DEF2(n)                                \
    double n(double x, double y)                   \
    {                                              \
        const cli_libm_api *m = cli_libm();        \
        return m ? m->n(x, y) : NAN;               \
    }
CLI_LIBM_D1(CLI_DEF1)
CLI_LIBM_D2(CLI_DEF2)
#undef CLI_DEF1
#undef CLI_DEF2

double lgamma_r(double x, int *sign)
{
    const cli_libm_api *m = cli_libm();
    return m ? m->lgamma_r(x, sign) : NAN;
}

double scalbln(double x, long e)
{
    const cli_libm_api *m = cli_libm();
    return m ? m->scalbln(x, e) : NAN;
}

double frexp(double x, int *e)
{
    const cli_libm_api *m = cli_libm();
    return m ? m->frexp(x, e) : NAN;
}

double ldexp(double x, int e)
{
    const cli_libm_api *m = cli_libm();
    return m ? m->ldexp(x, e) : NAN;
}

double modf(double x, double *ip)
{
    const cli_libm_api *m = cli_libm();
    return m ? m->modf(x, ip) : NAN;
}
