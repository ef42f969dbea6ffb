/*
 * rm: remove files and directories. Reference: GNU coreutils 9 rm.
 * -f -i -I --interactive[=WHEN] -r/-R/--recursive -d -v --preserve-root
 * (default) / --no-preserve-root, --one-file-system. Refuses '.' and '..'
 * and '/' as GNU does. Answers to prompts are read from standard input; a
 * write-protected file is asked about only when stdin is a terminal.
 * Deviations: --preserve-root=all is the same as --preserve-root.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("rm", bi_rm, BI_UTIL)
int bi_rm(vb_cmd *cmd);

static const char rm__help[] =
    "Usage: rm [OPTION]... [FILE]...\n"
    "Remove (unlink) the FILE(s).\n"
    "\n"
    "  -f, --force           ignore nonexistent files and arguments, never prompt\n"
    "  -i                    prompt before every removal\n"
    "  -I                    prompt once before removing more than three files, or\n"
    "                          when removing recursively; less intrusive than -i,\n"
    "                          while still giving protection against most mistakes\n"
    "      --interactive[=WHEN]  prompt according to WHEN: never, once (-I), or\n"
    "                          always (-i); without WHEN, prompt always\n"
    "      --one-file-system  when removing a hierarchy recursively, skip any\n"
    "                          directory that is on a file system different from\n"
    "                          that of the corresponding command line argument\n"
    "      --no-preserve-root  do not treat '/' specially\n"
    "      --preserve-root[=all]  do not remove '/' (default)\n"
    "  -r, -R, --recursive   remove directories and their contents recursively\n"
    "  -d, --dir             remove empty directories\n"
    "  -v, --verbose         explain what is being done\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { RM_INTERACTIVE = 256, RM_ONEFS, RM_NOPRESERVE, RM_PRESERVE };
static const bi_longopt rm__longs[] = {
    {"force", 0, 'f'}, {"interactive", 2, RM_INTERACTIVE}, {"one-file-system", 0, RM_ONEFS},
    {"no-preserve-root", 0, RM_NOPRESERVE}, {"preserve-root", 2, RM_PRESERVE},
    {"recursive", 0, 'r'}, {"dir", 0, 'd'}, {"verbose", 0, 'v'}, {0},
};

enum { RM_NEVER, RM_ONCE, RM_ALWAYS };
/* RM_KEPT: a directory the user kept (its ancestors are kept too, without
 * asking); RM_KEPT_FILE: a declined non-directory, after which GNU still
 * asks about the directory that holds it. */
enum { RM_OK = 0, RM_ERR = 1, RM_KEPT = 2, RM_KEPT_FILE = 3 };

typedef struct rm__opts {
    bool force, recursive, dir, verbose, preserve_root, one_fs;
    int interactive;
    bool tty;
    uint64_t dev;
} rm__opts;

static bool rm__ask(vb_cmd *cmd, const char *fmt, const char *what, const char *path)
{
    char *m = mem_printf(cmd->heap, "%s: ", cmd->argv[0]);
    char *q = mem_printf(cmd->heap, fmt, what, fs_q(cmd, path));
    bi_errw(cmd, m, strlen(m));
    bi_errw(cmd, q, strlen(q));
    return fs_yesno(cmd);
}

static const char *rm__kind(const vfs_stat_t *st)
{
    return fs_type_name(st);
}

/* Whether to go ahead with removing a non-directory (or an empty dir). */
static bool rm__confirm(vb_cmd *cmd, const rm__opts *op, const char *path, const char *abs,
                        const vfs_stat_t *st, bool is_dir)
{
    if (op->interactive == RM_NEVER && op->force)
        return true;
    bool wp = false;
    if (!S_ISLNK(st->mode) && op->tty && op->interactive != RM_NEVER && !op->force)
        wp = vfs_access(cmd->vfs, abs, W_OK) < 0;
    if (op->interactive != RM_ALWAYS && !wp)
        return true;
    const char *kind = is_dir ? "directory" : rm__kind(st);
    const char *fmt = wp ? "remove write-protected %s %s? " : "remove %s %s? ";
    return rm__ask(cmd, fmt, kind, path);
}

static int rm__entry(vb_cmd *cmd, rm__opts *op, const char *path, const char *abs, bool top)
{
    if (bi_cancelled(cmd))
        return RM_ERR;
    vfs_stat_t st;
    int rc = vfs_lstat(cmd->vfs, abs, &st);
    if (rc < 0) {
        if (rc == -ENOENT && op->force)
            return RM_OK;
        fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
        return RM_ERR;
    }
    if (S_ISDIR(st.mode)) {
        if (top && fs_is_dot_or_dotdot(path) && (op->recursive || op->dir)) {
            bi_err(cmd, "refusing to remove '.' or '..' directory: skipping %s", fs_q(cmd, path));
            return RM_ERR;
        }
        if (!op->recursive) {
            if (!op->dir) {
                fs_errf(cmd, -EISDIR, "cannot remove %s", fs_q(cmd, path));
                return RM_ERR;
            }
            if (!rm__confirm(cmd, op, path, abs, &st, true))
                return RM_KEPT;
            rc = vfs_rmdir(cmd->vfs, abs);
            if (rc < 0) {
                fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
                return RM_ERR;
            }
            if (op->verbose)
                bi_outf(cmd, "removed directory %s\n", fs_q(cmd, path));
            return RM_OK;
        }
        if (top && op->preserve_root) {
            char *canon;
            if (fs_canon(cmd, path, FS_CAN_EXISTING, &canon) == 0 && strcmp(canon, "/") == 0) {
                if (strcmp(path, "/") == 0)
                    bi_err(cmd, "it is dangerous to operate recursively on %s", fs_q(cmd, path));
                else
                    bi_err(cmd, "it is dangerous to operate recursively on %s (same as %s)",
                           fs_q(cmd, path), fs_q(cmd, "/"));
                bi_err(cmd, "use --no-preserve-root to override this failsafe");
                return RM_ERR;
            }
        }
        if (top)
            op->dev = st.dev;
        else if (op->one_fs && st.dev != op->dev) {
            bi_err(cmd, "skipping %s, since it's on a different device", fs_q(cmd, path));
            return RM_ERR;
        }
        char **names;
        size_t n;
        rc = fs_list_dir(cmd, abs, &names, &n);
        bool asked = false;
        if (rc == 0 && n > 0 && op->interactive == RM_ALWAYS) {
            if (!rm__ask(cmd, "descend into %s %s? ", "directory", path))
                return RM_KEPT;
            asked = true;
        }
        if (rc < 0) {
            /* An unreadable directory may still be removable when empty. */
            int rc2 = vfs_rmdir(cmd->vfs, abs);
            if (rc2 == 0) {
                if (op->verbose)
                    bi_outf(cmd, "removed directory %s\n", fs_q(cmd, path));
                return RM_OK;
            }
            fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
            return RM_ERR;
        }
        int worst = RM_OK;
        for (size_t i = 0; i < n; i++) {
            char *cp = fs_join(cmd->heap, path, names[i]);
            char *ca = fs_join(cmd->heap, abs, names[i]);
            if (!cp || !ca)
                return RM_ERR;
            int r = rm__entry(cmd, op, cp, ca, false);
            if (r == RM_ERR)
                worst = RM_ERR;
            else if (r == RM_KEPT && worst == RM_OK)
                worst = RM_KEPT;
            mem_free(cmd->heap, cp);
            mem_free(cmd->heap, ca);
            if (bi_cancelled(cmd)) {
                fs_free_names(cmd, names, n);
                return RM_ERR;
            }
        }
        fs_free_names(cmd, names, n);
        if (worst != RM_OK)
            return worst;
        (void)asked;
        if (op->interactive == RM_ALWAYS && !rm__ask(cmd, "remove %s %s? ", "directory", path))
            return RM_KEPT;
        rc = vfs_rmdir(cmd->vfs, abs);
        if (rc < 0) {
            fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
            return RM_ERR;
        }
        if (op->verbose)
            bi_outf(cmd, "removed directory %s\n", fs_q(cmd, path));
        return RM_OK;
    }
    if (!rm__confirm(cmd, op, path, abs, &st, false))
        return RM_KEPT_FILE;
    rc = vfs_unlink(cmd->vfs, abs);
    if (rc < 0) {
        if (rc == -ENOENT && op->force)
            return RM_OK;
        fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
        return RM_ERR;
    }
    if (op->verbose)
        bi_outf(cmd, "removed %s\n", fs_q(cmd, path));
    return RM_OK;
}

int bi_rm(vb_cmd *cmd)
{
    rm__opts op = {.preserve_root = true, .interactive = RM_NEVER};
    bi_opt o;
    bi_opt_init(&o, cmd, "dfiIrRv", rm__longs, rm__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'd': op.dir = true; break;
        case 'f': op.force = true; op.interactive = RM_NEVER; break;
        case 'i': op.force = false; op.interactive = RM_ALWAYS; break;
        case 'I': op.force = false; op.interactive = RM_ONCE; break;
        case 'r':
        case 'R': op.recursive = true; break;
        case 'v': op.verbose = true; break;
        case RM_ONEFS: op.one_fs = true; break;
        case RM_NOPRESERVE: op.preserve_root = false; break;
        case RM_PRESERVE:
            if (o.arg && strcmp(o.arg, "all") != 0)
                return bi_done(cmd, bi_err(cmd, "unrecognized --preserve-root argument: %s",
                                           fs_q(cmd, o.arg)));
            op.preserve_root = true;
            break;
        case RM_INTERACTIVE:
            if (!o.arg || !strcmp(o.arg, "always") || !strcmp(o.arg, "yes"))
                op.interactive = RM_ALWAYS, op.force = false;
            else if (!strcmp(o.arg, "once"))
                op.interactive = RM_ONCE, op.force = false;
            else if (!strcmp(o.arg, "never") || !strcmp(o.arg, "no") || !strcmp(o.arg, "none"))
                op.interactive = RM_NEVER;
            else {
                static const char *const vals[] = {"never", "no", "none", "", "once", "",
                                                   "always", "yes", NULL};
                return bi_done(cmd, fs_bad_arg(cmd, o.arg, "--interactive", vals));
            }
            break;
        default: return bi_done(cmd, o.status);
        }
    }
    int nops = cmd->argc - o.ind;
    if (nops == 0) {
        if (op.force)
            return bi_done(cmd, 0);
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    }
    op.tty = fs_stdin_tty(cmd);
    if (op.interactive == RM_ONCE && (op.recursive || nops > 3)) {
        char *q = mem_printf(cmd->heap, "%s: remove %d argument%s%s? ", cmd->argv[0], nops,
                             nops == 1 ? "" : "s", op.recursive ? " recursively" : "");
        bi_errw(cmd, q, strlen(q));
        if (!fs_yesno(cmd))
            return bi_done(cmd, 0);
    }
    int status = 0;
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        const char *a = cmd->argv[i];
        char *abs = bi_path(cmd, a);
        if (!abs)
            return bi_done(cmd, 1);
        if (rm__entry(cmd, &op, a, abs, true) == RM_ERR)
            status = 1;
    }
    return bi_done(cmd, status);
}
