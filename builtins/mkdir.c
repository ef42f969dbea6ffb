/*
 * mkdir: create directories. Reference: GNU coreutils 9 mkdir.
 * -p (parents, no error for existing directories), -m MODE (octal or
 * symbolic, relative to a=rwx with the umask applied to who-less clauses),
 * -v. Deviations: -Z / --context (SELinux) are not supported.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("mkdir", bi_mkdir, BI_UTIL)
int bi_mkdir(vb_cmd *cmd);

static const char mkdir__help[] =
    "Usage: mkdir [OPTION]... DIRECTORY...\n"
    "Create the DIRECTORY(ies), if they do not already exist.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask\n"
    "  -p, --parents     no error if existing, make parent directories as needed,\n"
    "                    with their file modes unaffected by any -m option.\n"
    "  -v, --verbose     print a message for each created directory\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt mkdir__longs[] = {
    {"mode", 1, 'm'}, {"parents", 0, 'p'}, {"verbose", 0, 'v'}, {0},
};

typedef struct mkdir__opts {
    bool parents, verbose;
    uint32_t mode;        /* final directory's mode */
    bool explicit_mode;
    uint32_t umask;
} mkdir__opts;

static int mkdir__one(vb_cmd *cmd, const mkdir__opts *op, const char *arg)
{
    char *abs = bi_path(cmd, arg);
    if (!abs)
        return fs_errf(cmd, -ENOMEM, "cannot create directory %s", fs_lq(cmd, arg));
    if (op->parents) {
        /* Every ancestor of arg, as the user wrote it. */
        size_t n = strlen(arg);
        for (size_t i = 1; i < n; i++) {
            if (arg[i] != '/' || arg[i - 1] == '/')
                continue;
            char *pre = mem_strndup(cmd->heap, arg, i);
            char *pabs = bi_path(cmd, pre);
            vfs_stat_t st;
            int rc = vfs_stat(cmd->vfs, pabs, &st);
            if (rc == 0) {
                if (!S_ISDIR(st.mode))
                    return fs_errf(cmd, -ENOTDIR, "cannot create directory %s", fs_lq(cmd, pre));
                continue;
            }
            if (fs_is_dot_or_dotdot(pre) && rc == -ENOENT)
                return fs_errf(cmd, rc, "cannot create directory %s", fs_lq(cmd, pre));
            rc = vfs_mkdir(cmd->vfs, pabs, (0777 & ~op->umask) | 0300);
            if (rc < 0 && rc != -EEXIST)
                return fs_errf(cmd, rc, "cannot create directory %s", fs_lq(cmd, pre));
            if (rc == 0 && op->verbose)
                bi_outf(cmd, "%s: created directory %s\n", cmd->argv[0], fs_q(cmd, pre));
        }
    }
    int rc = vfs_mkdir(cmd->vfs, abs, op->mode & 0777);
    if (rc == -EEXIST && op->parents) {
        vfs_stat_t st;
        if (vfs_stat(cmd->vfs, abs, &st) == 0 && S_ISDIR(st.mode))
            return 0;
    }
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot create directory %s", fs_lq(cmd, arg));
    if (op->verbose)
        bi_outf(cmd, "%s: created directory %s\n", cmd->argv[0], fs_q(cmd, arg));
    if (op->explicit_mode && (op->mode & ~0777u)) {
        rc = vfs_chmod(cmd->vfs, abs, op->mode);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot set permissions of %s", fs_q(cmd, arg));
    }
    return 0;
}

int bi_mkdir(vb_cmd *cmd)
{
    mkdir__opts op = {0};
    const char *mode_spec = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "m:pvZ", mkdir__longs, mkdir__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'm': mode_spec = o.arg; break;
        case 'p': op.parents = true; break;
        case 'v': op.verbose = true; break;
        case 'Z':
            return bi_done(cmd, bi_err(cmd, "SELinux contexts are not supported in the sandbox"));
        default: return bi_done(cmd, o.status);
        }
    }
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    op.umask = fs_umask(cmd);
    op.mode = 0777 & ~op.umask;
    if (mode_spec) {
        fs_modechange *mc = fs_mode_compile(cmd, mode_spec);
        if (!mc)
            return bi_done(cmd, bi_err(cmd, "invalid mode %s", fs_lq(cmd, mode_spec)));
        op.mode = fs_mode_adjust(mc, 0777, true, op.umask, NULL);
        op.explicit_mode = true;
    }
    int st = 0;
    for (int i = o.ind; i < cmd->argc; i++) {
        if (bi_cancelled(cmd))
            break;
        st |= mkdir__one(cmd, &op, cmd->argv[i]);
    }
    return bi_done(cmd, st);
}
