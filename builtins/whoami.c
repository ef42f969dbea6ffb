/*
 * whoami: print the name of the session's user (its uid looked up in
 * /etc/passwd). Reference: GNU coreutils 9.1 whoami.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("whoami", bi_whoami, BI_UTIL)

static const char whoami_help[] =
    "Usage: whoami [OPTION]...\n"
    "Print the user name associated with the current effective user ID.\n"
    "Same as id -un.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_whoami(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "", none, whoami_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        return o.status;
    }
    if (o.ind < cmd->argc)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, cmd->argv[o.ind]));
    fs_ids ids = {0};
    uint32_t uid = vfs_uid(cmd->vfs);
    const char *name = fs_user_name(cmd, &ids, uid);
    if (!name)
        return bi_err(cmd, "cannot find name for user ID %u", uid);
    bi_outs(cmd, name);
    bi_outc(cmd, '\n');
    return bi_done(cmd, 0);
}
