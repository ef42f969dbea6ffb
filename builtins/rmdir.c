/*
 * rmdir: remove empty directories. Reference: GNU coreutils 9 rmdir.
 * -p (remove each ancestor named in the operand too), -v,
 * --ignore-fail-on-non-empty. No deviations known.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("rmdir", bi_rmdir, BI_UTIL)
int bi_rmdir(vb_cmd *cmd);

static const char rmdir__help[] =
    "Usage: rmdir [OPTION]... DIRECTORY...\n"
    "Remove the DIRECTORY(ies), if they are empty.\n"
    "\n"
    "      --ignore-fail-on-non-empty\n"
    "                    ignore each failure to remove a non-empty directory\n"
    "  -p, --parents     remove DIRECTORY and its ancestors;\n"
    "                    e.g., 'rmdir -p a/b' is similar to 'rmdir a/b a'\n"
    "\n"
    "  -v, --verbose     output a diagnostic for every directory processed\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { RMDIR_IGNORE = 256 };
static const bi_longopt rmdir__longs[] = {
    {"ignore-fail-on-non-empty", 0, RMDIR_IGNORE},
    {"parents", 0, 'p'},
    {"verbose", 0, 'v'},
    {0},
};

typedef struct rmdir__opts {
    bool parents, verbose, ignore;
} rmdir__opts;

static bool rmdir__ignorable(const rmdir__opts *op, vb_cmd *cmd, const char *abs, int rc)
{
    if (!op->ignore)
        return false;
    if (rc == -ENOTEMPTY || rc == -EEXIST)
        return true;
    /* GNU also ignores EACCES/EPERM etc. when the directory is not empty. */
    if (rc == -EACCES || rc == -EPERM || rc == -EROFS || rc == -EBUSY) {
        char **names;
        size_t n;
        if (fs_list_dir(cmd, abs, &names, &n) == 0 && n > 0)
            return true;
    }
    return false;
}

static int rmdir__rm(vb_cmd *cmd, const char *path)
{
    if (fs_is_dot_or_dotdot(path)) {
        /* rmdir(2) refuses "." with EINVAL; ".." is never empty here */
        const char *b = fs_base(cmd->heap, path);
        if (strcmp(b, ".") == 0)
            return -EINVAL;
    }
    char *abs = bi_path(cmd, path);
    if (!abs)
        return -ENOMEM;
    return vfs_rmdir(cmd->vfs, abs);
}

static int rmdir__one(vb_cmd *cmd, const rmdir__opts *op, const char *arg)
{
    if (op->verbose)
        bi_outf(cmd, "%s: removing directory, %s\n", cmd->argv[0], fs_q(cmd, arg));
    size_t al = strlen(arg);
    if (al > 1 && arg[al - 1] == '/') {
        /* "rmdir symlink/" must not remove the link's target (GNU) */
        vfs_stat_t st;
        char *stripped = bi_path(cmd, fs_strip_slashes(cmd->heap, arg));
        if (stripped && vfs_lstat(cmd->vfs, stripped, &st) == 0 && S_ISLNK(st.mode))
            return fs_errf(cmd, 0, "failed to remove %s: Symbolic link not followed", fs_q(cmd, arg));
    }
    int rc = rmdir__rm(cmd, arg);
    if (rc < 0) {
        if (rmdir__ignorable(op, cmd, bi_path(cmd, arg), rc))
            return 0;
        return fs_errf(cmd, rc, "failed to remove %s", fs_q(cmd, arg));
    }
    if (!op->parents)
        return 0;
    char *dir = mem_strdup(cmd->heap, arg);
    if (!dir)
        return 1;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        dir[--n] = 0;
    for (;;) {
        char *slash = strrchr(dir, '/');
        if (!slash)
            break;
        while (slash > dir && slash[-1] == '/')
            slash--;
        if (slash == dir)
            break;
        *slash = 0;
        if (op->verbose)
            bi_outf(cmd, "%s: removing directory, %s\n", cmd->argv[0], fs_q(cmd, dir));
        rc = rmdir__rm(cmd, dir);
        if (rc < 0) {
            if (rmdir__ignorable(op, cmd, bi_path(cmd, dir), rc))
                return 0;
            return fs_errf(cmd, rc, "failed to remove directory %s", fs_q(cmd, dir));
        }
    }
    return 0;
}

int bi_rmdir(vb_cmd *cmd)
{
    rmdir__opts op = {0};
    bi_opt o;
    bi_opt_init(&o, cmd, "pv", rmdir__longs, rmdir__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'p': op.parents = true; break;
        case 'v': op.verbose = true; break;
        case RMDIR_IGNORE: op.ignore = true; break;
        default: return bi_done(cmd, o.status);
        }
    }
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    int st = 0;
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++)
        st |= rmdir__one(cmd, &op, cmd->argv[i]);
    return bi_done(cmd, st);
}
