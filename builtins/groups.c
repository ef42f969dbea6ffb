/*
 * groups: print the groups a user is in (the session's user by default,
 * or each USER as "USER : groups"). Reference: GNU coreutils 9.1 groups.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_ids.h"

VB_BUILTIN("groups", bi_groups, BI_UTIL)

static const char groups_help[] =
    "Usage: groups [OPTION]... [USERNAME]...\n"
    "Print group memberships for each USERNAME or, if no USERNAME is specified, for\n"
    "the current process (which may differ if the groups database has changed).\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_groups(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "", none, groups_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        return o.status;
    }
    fs_ids ids = {0};
    int n = cmd->argc - o.ind, status = 0;
    for (int k = 0; k < (n ? n : 1); k++) {
        uint32_t uid = vfs_uid(cmd->vfs), gid = vfs_gid(cmd->vfs);
        if (n) {
            const char *who = cmd->argv[o.ind + k];
            if (fs_user_id(cmd, &ids, who, &uid) != 0) {
                bi_err(cmd, "%s: no such user", fs_lq(cmd, who));
                status = 1;
                continue;
            }
            if (fs_user_gid(cmd, &ids, uid, &gid) != 0)
                gid = uid;
            bi_outf(cmd, "%s : ", who);
        }
        uint32_t *g;
        size_t ng = tx_user_groups(cmd, &ids, fs_user_name(cmd, &ids, uid), gid, &g);
        for (size_t i = 0; i < ng; i++) {
            const char *gn = fs_group_name(cmd, &ids, g[i]);
            if (i)
                bi_outc(cmd, ' ');
            if (gn)
                bi_outs(cmd, gn);
            else
                bi_outf(cmd, "%u", g[i]);
        }
        bi_outc(cmd, '\n');
    }
    return bi_done(cmd, status);
}
