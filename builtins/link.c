/*
 * link: call the link function to create a hard link. Reference: GNU
 * coreutils 9 link. Exactly two operands. No deviations known.
 */
#include <errno.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("link", bi_link, BI_UTIL)
int bi_link(vb_cmd *cmd);

static const char link__help[] =
    "Usage: link FILE1 FILE2\n"
    "  or:  link OPTION\n"
    "Call the link function to create a link named FILE2 to an existing FILE1.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_link(vb_cmd *cmd)
{
    bi_opt o;
    bi_opt_init(&o, cmd, "", NULL, link__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END)
        return bi_done(cmd, o.status);
    int n = cmd->argc - o.ind;
    char **a = cmd->argv + o.ind;
    if (n == 0)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    if (n == 1)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand after %s", fs_lq(cmd, a[0])));
    if (n > 2)
        return bi_done(cmd, bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, a[2])));
    char *from = bi_path(cmd, a[0]), *to = bi_path(cmd, a[1]);
    vfs_stat_t st;
    int rc = vfs_lstat(cmd->vfs, from, &st);
    if (rc == 0 && S_ISDIR(st.mode))
        rc = -EPERM;
    else
        rc = vfs_link(cmd->vfs, from, to);
    if (rc < 0)
        return bi_done(cmd, fs_errf(cmd, rc, "cannot create link %s to %s", fs_q(cmd, a[1]),
                                    fs_q(cmd, a[0])));
    return bi_done(cmd, 0);
}
