/*
 * nice: run a command with an adjusted niceness. The sandbox schedules its
 * virtual processes itself, so the niceness is reported (nice with no
 * command prints the adjusted value) but has no effect on scheduling.
 * Reference: GNU coreutils 9.1 nice.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("nice", bi_nice, BI_UTIL)

static const char nice_help[] =
    "Usage: nice [OPTION] [COMMAND [ARG]...]\n"
    "Run COMMAND with an adjusted niceness, which affects process scheduling.\n"
    "With no COMMAND, print the current niceness.  Niceness values range from\n"
    "-20 (most favorable to the process) to 19 (least favorable to the process).\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -n, --adjustment=N   add integer N to the niceness (default 10)\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_nice(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {{"adjustment", 1, 'n'}, {0}};
    int64_t adj = 10;
    bool given = false;
    /* The obsolete "-N" / "--N" adjustment as the first argument. */
    int start = 1;
    if (cmd->argc > 1) {
        /* "-N" adds N, "--N" subtracts N (the first argument only). */
        const char *a = cmd->argv[1];
        const char *num = a[0] == '-' ? (a[1] == '-' ? a + 1 : a + 1) : NULL;
        if (num && a[1] == '-')
            num = a + 1;     /* "--5" parses as "-5" */
        if (num && *num && (isdigit((unsigned char)num[0]) ||
                            (num[0] == '-' && isdigit((unsigned char)num[1])))) {
            if (bi_parse_i64(num, &adj) == 0) {
                given = true;
                start = 2;
            }
        }
    }
    bi_opt o;
    char **saved = cmd->argv;
    int saved_argc = cmd->argc;
    cmd->argv += start - 1;
    cmd->argc -= start - 1;
    bi_opt_init(&o, cmd, "+n:", longs, nice_help);
    o.usage_status = 125;
    int c, status = 0;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'n':
            if (bi_parse_i64(o.arg, &adj) != 0) {
                bi_err(cmd, "invalid adjustment %s", fs_lq(cmd, o.arg));
                status = 125;
                goto out;
            }
            given = true;
            break;
        case BI_OPT_EXIT: status = bi_done(cmd, o.status); goto out;
        default: status = o.status; goto out;
        }
    }
    if (o.ind >= cmd->argc) {
        if (given) {
            bi_usage(cmd, 125, "a command must be given with an adjustment");
            status = 125;
            goto out;
        }
        const char *v = bi_getvar(cmd, "VBASH_NICE");
        bi_outf(cmd, "%s\n", v && *v ? v : "0");
        status = bi_done(cmd, 0);
        goto out;
    }
    {
        const char *v = bi_getvar(cmd, "VBASH_NICE");
        int64_t cur = 0;
        if (v)
            bi_parse_i64(v, &cur);
        cur += adj;
        if (cur > 19)
            cur = 19;
        if (cur < 0)
            cur = 0;   /* lowering niceness needs privileges: GNU warns and runs anyway */
        char pre[64];
        snprintf(pre, sizeof pre, "VBASH_NICE=%lld\n", (long long)cur);
        int run_errno = 0;
        int st = bi_run_exec(cmd, cmd->argv + o.ind, NULL, NULL, pre, NULL, NULL, NULL, NULL,
                             &run_errno);
        if (run_errno)
            bi_err(cmd, "%s: %s", fs_lq(cmd, cmd->argv[o.ind]), vb_strerror(run_errno));
        status = st < 0 ? 125 : st;
    }
out:
    cmd->argv = saved;
    cmd->argc = saved_argc;
    return status;
}
