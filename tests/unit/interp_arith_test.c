/* Shell arithmetic through the public API ($(( )) and (( ))). */
#include <stdlib.h>

#include "t.h"
#include "vbash/vbash.h"

static vb_session *s;

static void check(const char *expr, const char *want, int line)
{
    char script[512];
    snprintf(script, sizeof script, "echo $((%s))", expr);
    vb_result r;
    vb_status rc = vb_exec(s, script, strlen(script), NULL, &r);
    char w[128];
    snprintf(w, sizeof w, "%s\n", want);
    if (rc != VB_OK || !r.out.data || strcmp(r.out.data, w) != 0) {
        t_fail++;
        fprintf(stderr, "FAIL line %d: $((%s)) = %s (want %s) err=%s\n", line, expr,
                r.out.data ? r.out.data : "(null)", want, r.err.data ? r.err.data : "");
    } else
        t_pass++;
    vb_result_free(&r);
}
#define A(e, w) check(e, w, __LINE__)

static void check_err(const char *expr, const char *want_err, int line)
{
    char script[512];
    snprintf(script, sizeof script, "echo $((%s))", expr);
    vb_result r;
    vb_exec(s, script, strlen(script), NULL, &r);
    if (!r.err.data || !strstr(r.err.data, want_err) || r.exit_status != 1) {
        t_fail++;
        fprintf(stderr, "FAIL line %d: $((%s)): stderr %s (want %s), status %d\n", line, expr,
                r.err.data ? r.err.data : "(null)", want_err, r.exit_status);
    } else
        t_pass++;
    vb_result_free(&r);
}
#define E(e, w) check_err(e, w, __LINE__)

int main(void)
{
    vb_config cfg;
    vb_config_init(&cfg);
    cfg.random_seed = 1;
    T_CHECK(vb_session_new(&cfg, &s) == VB_OK);
    A("1+2*3", "7");
    A("(1+2)*3", "9");
    A("7/2", "3");
    A("-7/2", "-3");
    A("-7%3", "-1");
    A("2**10", "1024");
    A("2**3**2", "512");
    A("1<<62", "4611686018427387904");
    A("9223372036854775807+1", "-9223372036854775808");
    A("-9223372036854775807-1", "-9223372036854775808");
    A("(-9223372036854775807-1)/-1", "-9223372036854775808");
    A("0x10+010+2#11", "27");
    A("36#z", "35");
    A("64#@", "62");
    A("64#_", "63");
    A("~0", "-1");
    A("5&3|8^1", "9");
    A("1?2:3", "2");
    A("0?2:0?3:4", "4");
    A("1,2,3", "3");
    A("!0+!5", "1");
    A("3>2&&2>1", "1");
    A("0||0", "0");
    A("x=5, x+=2, x*=3, x", "21");
    A("y=3, y<<=2, y", "12");
    A("z=1, z++ + ++z", "4");
    A("  12  ", "12");
    A("", "0");
    A("unsetvar + 1", "1");
    E("1/0", "division by 0");
    E("1%0", "division by 0");
    E("2**-1", "exponent less than 0");
    E("08", "value too great for base");
    E("1+", "operand expected");
    E("1 2", "syntax error in expression");
    E("5=3", "attempted assignment to non-variable");
    E("1?2", "`:' expected for conditional expression");
    E("65#1", "invalid arithmetic base");
    /* recursion through variables ends with an error, not a crash */
    vb_result r;
    const char *loop = "a=b; b=a; echo $((a))";
    vb_exec(s, loop, strlen(loop), NULL, &r);
    T_CHECK(r.exit_status != 0 && r.err.data && strstr(r.err.data, "recursion"));
    vb_result_free(&r);
    vb_session_free(s);
    return T_DONE();
}
