/*
 * logname: print the user's login name: the session's user (as configured
 * in vb_config.user), "no login name" when it has none.
 * Reference: GNU coreutils 9.1 logname.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("logname", bi_logname, BI_UTIL)

static const char logname_help[] =
    "Usage: logname [OPTION]\n"
    "Print the user's login name.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_logname(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "", none, logname_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        return o.status;
    }
    if (o.ind < cmd->argc)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, cmd->argv[o.ind]));
    const char *u = cmd->ops && cmd->ops->info ? cmd->ops->info(cmd->shell, "user") : NULL;
    if (!u || !*u)
        return bi_err(cmd, "no login name");
    bi_outs(cmd, u);
    bi_outc(cmd, '\n');
    return bi_done(cmd, 0);
}
