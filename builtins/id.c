/*
 * id: print user and group ids. -u -g -G with -n and -r, -z, an optional
 * USER (looked up in the session's /etc/passwd). The sandbox user's real
 * and effective ids are the same. Reference: GNU coreutils 9.1 id.
 * Deviation: -Z (SELinux context) is not supported.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_ids.h"

VB_BUILTIN("id", bi_id, BI_UTIL)

static const char id_help[] =
    "Usage: id [OPTION]... [USER]...\n"
    "Print user and group information for each specified USER,\n"
    "or (when USER omitted) for the current process.\n"
    "\n"
    "  -a             ignore, for compatibility with other versions\n"
    "  -g, --group    print only the effective group ID\n"
    "  -G, --groups   print all group IDs\n"
    "  -n, --name     print a name instead of a number, for -ugG\n"
    "  -r, --real     print the real ID instead of the effective ID, with -ugG\n"
    "  -u, --user     print only the effective user ID\n"
    "  -z, --zero     delimit entries with NUL characters, not whitespace;\n"
    "                   not permitted in default format\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static void id__name_or_num(vb_cmd *cmd, const char *name, uint32_t id, bool want_name)
{
    if (want_name && name)
        bi_outs(cmd, name);
    else
        bi_outf(cmd, "%u", id);
}

int bi_id(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"group", 0, 'g'}, {"groups", 0, 'G'}, {"name", 0, 'n'}, {"real", 0, 'r'},
        {"user", 0, 'u'}, {"zero", 0, 'z'}, {"context", 0, 'Z'}, {0},
    };
    bool u = false, g = false, G = false, name = false, zero = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "agGnruzZ", longs, id_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': case 'r': break;
        case 'g': g = true; break;
        case 'G': G = true; break;
        case 'n': name = true; break;
        case 'u': u = true; break;
        case 'z': zero = true; break;
        case 'Z':
            bi_err(cmd, "--context (-Z) works only on an SELinux-enabled kernel");
            return 1;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (u + g + G > 1) {
        bi_err(cmd, "cannot print \"only\" of more than one choice");
        return 1;
    }
    if (name && !(u || g || G)) {
        bi_err(cmd, "cannot print only names or real IDs in default format");
        return 1;
    }
    if (zero && !(u || g || G)) {
        bi_err(cmd, "option --zero not permitted in default format");
        return 1;
    }
    fs_ids ids = {0};
    int n = cmd->argc - o.ind;
    int status = 0;
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
        }
        const char *uname = fs_user_name(cmd, &ids, uid);
        const char *gname = fs_group_name(cmd, &ids, gid);
        uint32_t *groups;
        size_t ng = tx_user_groups(cmd, &ids, uname, gid, &groups);
        char sep = zero ? '\0' : '\n';
        if (u) {
            id__name_or_num(cmd, uname, uid, name);
            bi_outc(cmd, sep);
        } else if (g) {
            id__name_or_num(cmd, gname, gid, name);
            bi_outc(cmd, sep);
        } else if (G) {
            for (size_t i = 0; i < ng; i++) {
                if (i)
                    bi_outc(cmd, zero ? '\0' : ' ');
                id__name_or_num(cmd, fs_group_name(cmd, &ids, groups[i]), groups[i], name);
            }
            bi_outc(cmd, sep);
        } else {
            bi_outf(cmd, "uid=%u", uid);
            if (uname)
                bi_outf(cmd, "(%s)", uname);
            bi_outf(cmd, " gid=%u", gid);
            if (gname)
                bi_outf(cmd, "(%s)", gname);
            bi_outs(cmd, " groups=");
            for (size_t i = 0; i < ng; i++) {
                const char *gn = fs_group_name(cmd, &ids, groups[i]);
                bi_outf(cmd, "%s%u", i ? "," : "", groups[i]);
                if (gn)
                    bi_outf(cmd, "(%s)", gn);
            }
            bi_outc(cmd, '\n');
        }
    }
    return bi_done(cmd, status);
}
