/*
 * ln: make links between files. Reference: GNU coreutils 9 ln.
 * -s -f -i -n -r -T -t -v -L -P -b/--backup[=CONTROL] -S, hard links by
 * default (to a symlink itself, as GNU's default -P). -d/-F (hard links to
 * directories) are refused as GNU does for non-root users.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("ln", bi_ln, BI_UTIL)
int bi_ln(vb_cmd *cmd);

static const char ln__help[] =
    "Usage: ln [OPTION]... [-T] TARGET LINK_NAME\n"
    "  or:  ln [OPTION]... TARGET\n"
    "  or:  ln [OPTION]... TARGET... DIRECTORY\n"
    "  or:  ln [OPTION]... -t DIRECTORY TARGET...\n"
    "In the 1st form, create a link to TARGET with the name LINK_NAME.\n"
    "In the 2nd form, create a link to TARGET in the current directory.\n"
    "In the 3rd and 4th forms, create links to each TARGET in DIRECTORY.\n"
    "Create hard links by default, symbolic links with --symbolic.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -f, --force                 remove existing destination files\n"
    "  -i, --interactive           prompt whether to remove destinations\n"
    "  -L, --logical               dereference TARGETs that are symbolic links\n"
    "  -n, --no-dereference        treat LINK_NAME as a normal file if\n"
    "                                it is a symbolic link to a directory\n"
    "  -P, --physical              make hard links directly to symbolic links\n"
    "  -r, --relative              with -s, create links relative to link location\n"
    "  -s, --symbolic              make symbolic links instead of hard links\n"
    "  -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create\n"
    "                                the links\n"
    "  -T, --no-target-directory   treat LINK_NAME as a normal file always\n"
    "  -v, --verbose               print name of each linked file\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { LN_BACKUP = 256 };
static const bi_longopt ln__longs[] = {
    {"backup", 2, LN_BACKUP}, {"directory", 0, 'd'}, {"force", 0, 'f'},
    {"interactive", 0, 'i'}, {"logical", 0, 'L'}, {"no-dereference", 0, 'n'},
    {"physical", 0, 'P'}, {"relative", 0, 'r'}, {"symbolic", 0, 's'}, {"suffix", 1, 'S'},
    {"target-directory", 1, 't'}, {"no-target-directory", 0, 'T'}, {"verbose", 0, 'v'},
    {0},
};

typedef struct ln__opts {
    bool symbolic, force, interactive, no_deref, relative, verbose, logical;
    int backup;
    const char *suffix;
} ln__opts;

static int ln__one(vb_cmd *cmd, const ln__opts *op, const char *target, const char *link)
{
    char *labs = bi_path(cmd, link);
    char *tabs = bi_path(cmd, target);
    if (!labs || !tabs)
        return 1;
    const char *kind = op->symbolic ? "symbolic link" : "hard link";
    vfs_stat_t ts;
    if (!op->symbolic) {
        int rc = op->logical ? vfs_stat(cmd->vfs, tabs, &ts) : vfs_lstat(cmd->vfs, tabs, &ts);
        if (rc < 0)
            return fs_errf(cmd, rc, "failed to access %s", fs_q(cmd, target));
        if (S_ISDIR(ts.mode))
            return fs_errf(cmd, 0, "%s: hard link not allowed for directory", fs_qf(cmd, target));
        if (op->logical) {
            char *real;
            if (fs_canon(cmd, target, FS_CAN_EXISTING, &real) == 0)
                tabs = real;
        }
    }
    const char *content = target;
    if (op->symbolic && op->relative) {
        char *tc, *ldir;
        int rc = fs_canon(cmd, target, FS_CAN_MISSING, &tc);
        if (rc == 0)
            rc = fs_canon(cmd, fs_dir(cmd->heap, link), FS_CAN_MISSING, &ldir);
        if (rc == 0)
            content = fs_relpath(cmd->heap, tc, ldir);
    }
    vfs_stat_t ls;
    char *bk = NULL;
    bool exists = vfs_lstat(cmd->vfs, labs, &ls) == 0;
    if (exists) {
        if (!op->symbolic && ls.dev == ts.dev && ls.ino == ts.ino && (op->force || op->interactive))
            return fs_errf(cmd, 0, "%s and %s are the same file", fs_q(cmd, target), fs_q(cmd, link));
        if (op->interactive) {
            char *q = mem_printf(cmd->heap, "%s: replace %s? ", cmd->argv[0], fs_q(cmd, link));
            bi_errw(cmd, q, strlen(q));
            if (!fs_yesno(cmd))
                return 1;
        }
        if (op->backup != FS_BACKUP_NONE && !S_ISDIR(ls.mode)) {
            int rc = fs_backup(cmd, op->backup, op->suffix, link, &bk);
            if (rc < 0)
                return fs_errf(cmd, rc, "cannot backup %s", fs_q(cmd, link));
        } else if (op->force || op->interactive) {
            if (S_ISDIR(ls.mode))
                return fs_errf(cmd, 0, "%s: cannot overwrite directory", fs_qf(cmd, link));
            int rc = vfs_unlink(cmd->vfs, labs);
            if (rc < 0 && rc != -ENOENT)
                return fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, link));
        }
    }
    int rc = op->symbolic ? vfs_symlink(cmd->vfs, content, labs) : vfs_link(cmd->vfs, tabs, labs);
    if (rc < 0) {
        if (!op->symbolic && rc != -EEXIST && rc != -ENOENT && rc != -ENOTDIR && rc != -ELOOP)
            return fs_errf(cmd, rc, "failed to create %s %s => %s", kind, fs_q(cmd, link),
                           fs_q(cmd, target));
        return fs_errf(cmd, rc, "failed to create %s %s", kind, fs_q(cmd, link));
    }
    if (op->verbose && bk)
        bi_outf(cmd, "%s ~ %s %s %s\n", fs_q(cmd, bk), fs_q(cmd, link), op->symbolic ? "->" : "=>",
                fs_q(cmd, content));
    else if (op->verbose)
        bi_outf(cmd, "%s %s %s\n", fs_q(cmd, link), op->symbolic ? "->" : "=>", fs_q(cmd, content));
    return 0;
}

int bi_ln(vb_cmd *cmd)
{
    ln__opts op = {0};
    const char *tdir = NULL;
    bool no_target = false, backup = false;
    const char *backup_arg = NULL, *suffix_arg = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "bdFfiLnPrsS:t:Tv", ln__longs, ln__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'd':
        case 'F':
            return bi_done(cmd, bi_err(cmd, "hard links to directories are not supported in the sandbox"));
        case 'f': op.force = true; op.interactive = false; break;
        case 'i': op.interactive = true; op.force = false; break;
        case 'L': op.logical = true; break;
        case 'n': op.no_deref = true; break;
        case 'P': op.logical = false; break;
        case 'r': op.relative = true; break;
        case 's': op.symbolic = true; break;
        case 't': tdir = o.arg; break;
        case 'T': no_target = true; break;
        case 'v': op.verbose = true; break;
        case 'b': backup = true; break;
        case 'S': backup = true; suffix_arg = o.arg; break;
        case LN_BACKUP: backup = true; backup_arg = o.arg; break;
        default: return bi_done(cmd, o.status);
        }
    }
    if (backup) {
        op.backup = fs_backup_type(cmd, backup_arg);
        if (op.backup < 0)
            return bi_done(cmd, 1);
    }
    op.suffix = fs_backup_suffix(cmd, suffix_arg);
    if (op.relative && !op.symbolic)
        return bi_done(cmd, bi_err(cmd, "cannot do --relative without --symbolic"));
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (tdir && no_target)
        return bi_done(cmd, bi_usage(cmd, 1, "cannot combine --target-directory and --no-target-directory"));
    if (nops == 0)
        return bi_done(cmd, bi_usage(cmd, 1, "missing file operand"));
    int status = 0;
    if (tdir) {
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, tdir), &st);
        if (rc == 0 && !S_ISDIR(st.mode))
            rc = -ENOTDIR;
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "target directory %s", fs_q(cmd, tdir)));
        for (int i = 0; i < nops; i++)
            status |= ln__one(cmd, &op, ops[i], fs_join(cmd->heap, tdir, fs_base(cmd->heap, ops[i])));
        return bi_done(cmd, status);
    }
    if (no_target) {
        if (nops == 1)
            return bi_done(cmd, bi_usage(cmd, 1, "missing destination file operand after %s",
                                         fs_q(cmd, ops[0])));
        if (nops > 2)
            return bi_done(cmd, bi_usage(cmd, 1, "extra operand %s", fs_q(cmd, ops[2])));
        return bi_done(cmd, ln__one(cmd, &op, ops[0], ops[1]));
    }
    if (nops == 1)
        return bi_done(cmd, ln__one(cmd, &op, ops[0], fs_join(cmd->heap, ".", fs_base(cmd->heap, ops[0]))));
    const char *last = ops[nops - 1];
    vfs_stat_t st;
    char *labs = bi_path(cmd, last);
    bool is_dir;
    if (op.no_deref) {
        vfs_stat_t l;
        is_dir = vfs_lstat(cmd->vfs, labs, &l) == 0 && S_ISDIR(l.mode);
    } else {
        is_dir = vfs_stat(cmd->vfs, labs, &st) == 0 && S_ISDIR(st.mode);
    }
    if (!is_dir) {
        if (nops > 2) {
            int rc = vfs_stat(cmd->vfs, labs, &st);
            return bi_done(cmd, fs_errf(cmd, rc < 0 ? rc : -ENOTDIR, "target %s", fs_q(cmd, last)));
        }
        return bi_done(cmd, ln__one(cmd, &op, ops[0], last));
    }
    for (int i = 0; i < nops - 1; i++)
        status |= ln__one(cmd, &op, ops[i], fs_join(cmd->heap, last, fs_base(cmd->heap, ops[i])));
    return bi_done(cmd, status);
}
