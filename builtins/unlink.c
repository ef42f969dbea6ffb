/*
 * unlink: call the unlink function to remove one file. Reference: GNU
 * coreutils 9 unlink. Exactly one operand. No deviations known.
 */
#include <errno.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("unlink", bi_unlink, BI_UTIL)
int bi_unlink(vb_cmd *cmd);

static const char unlink__help[] =
    "Usage: unlink FILE\n"
    "  or:  unlink OPTION\n"
    "Call the unlink function to remove the specified FILE.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_unlink(vb_cmd *cmd)
{
    bi_opt o;
    bi_opt_init(&o, cmd, "", NULL, unlink__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END)
        return bi_done(cmd, o.status);
    int n = cmd->argc - o.ind;
    char **a = cmd->argv + o.ind;
    if (n == 0)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    if (n > 1)
        return bi_done(cmd, bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, a[1])));
    char *p = bi_path(cmd, a[0]);
    vfs_stat_t st;
    int rc = vfs_lstat(cmd->vfs, p, &st);
    if (rc == 0 && S_ISDIR(st.mode))
        rc = -EISDIR;
    else
        rc = vfs_unlink(cmd->vfs, p);
    if (rc < 0)
        return bi_done(cmd, fs_errf(cmd, rc, "cannot unlink %s", fs_q(cmd, a[0])));
    return bi_done(cmd, 0);
}
