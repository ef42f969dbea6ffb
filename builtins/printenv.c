/*
 * printenv: print all or part of the environment. -0 ends entries with
 * NUL. Status 1 when a named variable is not in the environment.
 * Reference: GNU coreutils 9.1 printenv.
 */
#include <string.h>

#include "builtins/lib/bi.h"

VB_BUILTIN("printenv", bi_printenv, BI_UTIL)

static const char printenv_help[] =
    "Usage: printenv [OPTION]... [VARIABLE]...\n"
    "Print the values of the specified environment VARIABLE(s).\n"
    "If no VARIABLE is specified, print name and value pairs for them all.\n"
    "\n"
    "  -0, --null     end each output line with NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_printenv(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {{"null", 0, '0'}, {0}};
    char end = '\n';
    bi_opt o;
    bi_opt_init(&o, cmd, "0", longs, printenv_help);
    o.usage_status = 2;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case '0': end = '\0'; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    char **env = cmd->ops && cmd->ops->environ ? cmd->ops->environ(cmd->shell, cmd->heap) : NULL;
    if (o.ind >= cmd->argc) {
        for (char **e = env; e && *e; e++) {
            bi_outs(cmd, *e);
            bi_outc(cmd, end);
        }
        return bi_done(cmd, 0);
    }
    int status = 0;
    for (int i = o.ind; i < cmd->argc; i++) {
        const char *name = cmd->argv[i];
        size_t nl = strlen(name);
        bool found = false;
        if (!strchr(name, '=')) {
            for (char **e = env; e && *e; e++) {
                if (!strncmp(*e, name, nl) && (*e)[nl] == '=') {
                    bi_outs(cmd, *e + nl + 1);
                    bi_outc(cmd, end);
                    found = true;
                }
            }
        }
        if (!found)
            status = 1;
    }
    return bi_done(cmd, status);
}
