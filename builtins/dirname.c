/*
 * dirname: strip the last component from file names. -z ends each output
 * with NUL. Reference: GNU coreutils 9.1 dirname.
 */
#include <string.h>

#include "builtins/lib/bi.h"

VB_BUILTIN("dirname", bi_dirname, BI_UTIL)
int bi_dirname(vb_cmd *cmd);

static const char dirname_help[] =
    "Usage: dirname [OPTION] NAME...\n"
    "Output each NAME with its last non-slash component and trailing slashes\n"
    "removed; if NAME contains no /'s, output '.' (meaning the current directory).\n"
    "\n"
    "  -z, --zero     end each output line with NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt dirname_longs[] = {{"zero", 0, 'z'}, {0}};

int bi_dirname(vb_cmd *cmd)
{
    char end = '\n';
    bi_opt o;
    bi_opt_init(&o, cmd, "z", dirname_longs, dirname_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'z': end = '\0'; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (o.ind >= cmd->argc)
        return bi_usage(cmd, 1, "missing operand");
    for (int i = o.ind; i < cmd->argc; i++) {
        const char *p = cmd->argv[i];
        size_t n = strlen(p);
        while (n > 1 && p[n - 1] == '/')
            n--;                      /* trailing slashes */
        while (n > 0 && p[n - 1] != '/')
            n--;                      /* the last component */
        while (n > 1 && p[n - 1] == '/')
            n--;                      /* slashes before it */
        if (n == 0) {
            bi_outc(cmd, '.');
        } else {
            bi_out(cmd, p, n);
        }
        bi_outc(cmd, end);
    }
    return bi_done(cmd, 0);
}
