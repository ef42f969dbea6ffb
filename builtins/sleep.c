/*
 * sleep: pause for the sum of its operands: numbers (fractions and
 * exponents allowed) with an optional suffix s, m, h or d, "inf".
 * Sleeps on the session clock (cmd->ops->sleep_ns): cancellable, and
 * counted against the wall-time limit. Reference: GNU coreutils 9.1 sleep.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("sleep", bi_sleep, BI_UTIL)

static const char sleep_help[] =
    "Usage: sleep NUMBER[SUFFIX]...\n"
    "  or:  sleep OPTION\n"
    "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n"
    "'m' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\n"
    "integer.  Given two or more arguments, pause for the amount of time\n"
    "specified by the sum of their values.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_sleep(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "", none, sleep_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        /* "-1" style operands are invalid intervals, as GNU says. */
        return o.status;
    }
    if (o.ind >= cmd->argc)
        return bi_usage(cmd, 1, "missing operand");
    double total = 0;
    bool ok = true;
    for (int i = o.ind; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        char *end;
        double v = strtod(a, &end);
        double mult = 1;
        if (end != a && *end && !end[1]) {
            switch (*end) {
            case 's': mult = 1; end++; break;
            case 'm': mult = 60; end++; break;
            case 'h': mult = 3600; end++; break;
            case 'd': mult = 86400; end++; break;
            default: break;
            }
        }
        if (end == a || *end || v < 0 || isnan(v)) {
            bi_err(cmd, "invalid time interval %s", fs_lq(cmd, a));
            ok = false;
            continue;
        }
        total += v * mult;
    }
    if (!ok)
        return bi_usage(cmd, 1, NULL);
    if (!cmd->ops || !cmd->ops->sleep_ns)
        return bi_err(cmd, "cannot sleep: no session clock");
    /* Sleep in slices so that huge values (inf) stay well defined. */
    while (total > 0) {
        double slice = total > 3600 ? 3600 : total;
        if (cmd->ops->sleep_ns(cmd->shell, (uint64_t)(slice * 1e9)) < 0)
            return 130;
        if (!isinf(total))
            total -= slice;
    }
    return 0;
}
