/*
 * mv: move (rename) files. Reference: GNU coreutils 9 mv.
 * -f -i -n -u -v -t -T --strip-trailing-slashes --no-copy. Across file
 * systems (host mounts) it copies with every attribute kept, then removes
 * the source. -b/--backup[=CONTROL] -S as GNU. A write-protected
 * destination is asked about only when stdin is a terminal, as GNU does.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_copy.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("mv", bi_mv, BI_UTIL)
int bi_mv(vb_cmd *cmd);

static const char mv__help[] =
    "Usage: mv [OPTION]... [-T] SOURCE DEST\n"
    "  or:  mv [OPTION]... SOURCE... DIRECTORY\n"
    "  or:  mv [OPTION]... -t DIRECTORY SOURCE...\n"
    "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -f, --force                  do not prompt before overwriting\n"
    "  -i, --interactive            prompt before overwrite\n"
    "  -n, --no-clobber             do not overwrite an existing file\n"
    "If you specify more than one of -i, -f, -n, only the final one takes effect.\n"
    "      --no-copy                do not copy if renaming fails\n"
    "      --strip-trailing-slashes  remove any trailing slashes from each SOURCE\n"
    "                                 argument\n"
    "  -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY\n"
    "  -T, --no-target-directory    treat DEST as a normal file\n"
    "  -u, --update                 move only when the SOURCE file is newer\n"
    "                                 than the destination file or when the\n"
    "                                 destination file is missing\n"
    "  -v, --verbose                explain what is being done\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { MV_NOCOPY = 256, MV_STRIP, MV_BACKUP };
static const bi_longopt mv__longs[] = {
    {"backup", 2, MV_BACKUP}, {"force", 0, 'f'}, {"interactive", 0, 'i'},
    {"no-clobber", 0, 'n'}, {"no-copy", 0, MV_NOCOPY},
    {"strip-trailing-slashes", 0, MV_STRIP}, {"suffix", 1, 'S'},
    {"target-directory", 1, 't'}, {"no-target-directory", 0, 'T'}, {"update", 2, 'u'},
    {"verbose", 0, 'v'}, {0},
};

enum { MV_FORCE, MV_ASK, MV_NOCLOBBER };

typedef struct mv__opts {
    int mode;
    int backup;
    const char *suffix;
    bool update, verbose, no_copy, tty;
} mv__opts;

/* Removes a tree after a cross-file-system copy. */
static int mv__remove(vb_cmd *cmd, const char *abs, const char *path)
{
    vfs_stat_t st;
    int rc = vfs_lstat(cmd->vfs, abs, &st);
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
    if (S_ISDIR(st.mode)) {
        char **names;
        size_t n;
        rc = fs_list_dir(cmd, abs, &names, &n);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
        int status = 0;
        for (size_t i = 0; i < n; i++)
            status |= mv__remove(cmd, fs_join(cmd->heap, abs, names[i]),
                                 fs_join(cmd->heap, path, names[i]));
        if (status)
            return status;
        rc = vfs_rmdir(cmd->vfs, abs);
    } else {
        rc = vfs_unlink(cmd->vfs, abs);
    }
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, path));
    return 0;
}

static int mv__one(vb_cmd *cmd, const mv__opts *op, const char *src, const char *dst)
{
    char *sabs = bi_path(cmd, src), *dabs = bi_path(cmd, dst);
    if (!sabs || !dabs)
        return 1;
    vfs_stat_t ss, ds;
    int rc = vfs_lstat(cmd->vfs, sabs, &ss);
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot stat %s", fs_q(cmd, src));
    bool dexists = vfs_lstat(cmd->vfs, dabs, &ds) == 0;
    if (dexists) {
        if (ds.dev == ss.dev && ds.ino == ss.ino) {
            if (S_ISDIR(ss.mode) && strcmp(fs_base(cmd->heap, src), fs_base(cmd->heap, dst)) == 0) {
                /* fall through to the subdirectory check below */
            } else if (ss.nlink == 1 || S_ISDIR(ss.mode)) {
                return fs_errf(cmd, 0, "%s and %s are the same file", fs_q(cmd, src), fs_q(cmd, dst));
            }
        }
        if (op->mode == MV_NOCLOBBER)
            return 0;
        if (op->update && !S_ISDIR(ss.mode)) {
            if (ss.mtime.tv_sec < ds.mtime.tv_sec ||
                (ss.mtime.tv_sec == ds.mtime.tv_sec && ss.mtime.tv_nsec <= ds.mtime.tv_nsec))
                return 0;
        }
        vfs_stat_t dfollow = ds;
        if (S_ISLNK(ds.mode))
            vfs_stat(cmd->vfs, dabs, &dfollow);
        if (S_ISDIR(ss.mode) && !S_ISDIR(ds.mode))
            return fs_errf(cmd, 0, "cannot overwrite non-directory %s with directory %s",
                           fs_q(cmd, dst), fs_q(cmd, src));
        if (!S_ISDIR(ss.mode) && S_ISDIR(ds.mode))
            return fs_errf(cmd, 0, "cannot overwrite directory %s with non-directory", fs_q(cmd, dst));
        if (op->mode == MV_ASK) {
            char *q = mem_printf(cmd->heap, "%s: overwrite %s? ", cmd->argv[0], fs_q(cmd, dst));
            bi_errw(cmd, q, strlen(q));
            if (!fs_yesno(cmd))
                return 0;
        } else if (op->mode != MV_FORCE || (op->tty && 0)) {
            /* not reached: -n handled above */
        } else if (op->tty && !S_ISLNK(ds.mode) && vfs_access(cmd->vfs, dabs, W_OK) < 0 &&
                   !op->no_copy) {
            char ms[11];
            fs_mode_string(ds.mode, ms);
            char *q = mem_printf(cmd->heap, "%s: replace %s, overriding mode %04o (%s)? ",
                                 cmd->argv[0], fs_q(cmd, dst), ds.mode & 07777, ms + 1);
            bi_errw(cmd, q, strlen(q));
            if (!fs_yesno(cmd))
                return 0;
        }
    }
    if (S_ISDIR(ss.mode)) {
        char *sc, *dc;
        if (fs_canon(cmd, src, FS_CAN_EXISTING, &sc) == 0 &&
            fs_canon(cmd, dst, FS_CAN_MISSING, &dc) == 0) {
            size_t n = strlen(sc);
            if (strncmp(dc, sc, n) == 0 && (dc[n] == '/' || (dc[n] == 0 && !dexists)))
                return fs_errf(cmd, 0, "cannot move %s to a subdirectory of itself, %s",
                               fs_q(cmd, src), fs_q(cmd, dst));
        }
    }
    char *bk = NULL;
    if (dexists && op->backup != FS_BACKUP_NONE) {
        rc = fs_backup(cmd, op->backup, op->suffix, dst, &bk);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot backup %s", fs_q(cmd, dst));
        dexists = false;
    }
    rc = vfs_rename(cmd->vfs, sabs, dabs);
    if (rc == -EXDEV && !op->no_copy) {
        if (dexists) {
            rc = S_ISDIR(ds.mode) ? vfs_rmdir(cmd->vfs, dabs) : vfs_unlink(cmd->vfs, dabs);
            if (rc < 0)
                return fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, dst));
        }
        fs_copy_opts co = {0};
        co.deref = FS_DEREF_NEVER;
        co.recursive = true;
        co.move = true;
        co.keep_mode = co.keep_owner = co.keep_times = co.keep_links = true;
        co.umask = fs_umask(cmd);
        if (fs_copy(cmd, &co, src, dst, true))
            return 1;
        if (op->verbose)
            bi_outf(cmd, "copied %s -> %s\n", fs_q(cmd, src), fs_q(cmd, dst));
        return mv__remove(cmd, sabs, src);
    }
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot move %s to %s", fs_q(cmd, src), fs_q(cmd, dst));
    if (op->verbose && bk)
        bi_outf(cmd, "renamed %s -> %s (backup: %s)\n", fs_q(cmd, src), fs_q(cmd, dst), fs_q(cmd, bk));
    else if (op->verbose)
        bi_outf(cmd, "renamed %s -> %s\n", fs_q(cmd, src), fs_q(cmd, dst));
    return 0;
}

int bi_mv(vb_cmd *cmd)
{
    mv__opts op = {.mode = MV_FORCE};
    const char *target = NULL;
    bool no_target = false, strip = false, backup = false;
    const char *backup_arg = NULL, *suffix_arg = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "bfinS:t:TuvZ", mv__longs, mv__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'f': op.mode = MV_FORCE; break;
        case 'i': op.mode = MV_ASK; break;
        case 'n': op.mode = MV_NOCLOBBER; break;
        case 't': target = o.arg; break;
        case 'T': no_target = true; break;
        case 'u':
            if (!o.arg || !strcmp(o.arg, "older"))
                op.update = true;
            else if (!strcmp(o.arg, "none"))
                op.mode = MV_NOCLOBBER;
            else if (!strcmp(o.arg, "all"))
                op.update = false;
            else {
                static const char *const vals[] = {"all", "", "none", "", "older", NULL};
                return bi_done(cmd, fs_bad_arg(cmd, o.arg, "--update", vals));
            }
            break;
        case 'v': op.verbose = true; break;
        case MV_NOCOPY: op.no_copy = true; break;
        case MV_STRIP: strip = true; break;
        case 'b': backup = true; break;
        case 'S': backup = true; suffix_arg = o.arg; break;
        case MV_BACKUP: backup = true; backup_arg = o.arg; break;
        case 'Z':
            return bi_done(cmd, bi_err(cmd, "SELinux contexts are not supported in the sandbox"));
        default: return bi_done(cmd, o.status);
        }
    }
    op.tty = fs_stdin_tty(cmd);
    if (backup) {
        op.backup = fs_backup_type(cmd, backup_arg);
        if (op.backup < 0)
            return bi_done(cmd, 1);
        if (op.mode == MV_NOCLOBBER)
            return bi_done(cmd, bi_usage(cmd, 1, "options --backup and --no-clobber are mutually exclusive"));
    }
    op.suffix = fs_backup_suffix(cmd, suffix_arg);
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (target && no_target)
        return bi_done(cmd, bi_usage(cmd, 1, "cannot combine --target-directory (-t) and --no-target-directory (-T)"));
    if (nops == 0)
        return bi_done(cmd, bi_usage(cmd, 1, "missing file operand"));
    if (nops == 1 && !target)
        return bi_done(cmd, bi_usage(cmd, 1, "missing destination file operand after %s",
                                     fs_q(cmd, ops[0])));
    if (strip)
        for (int i = 0; i < nops; i++)
            ops[i] = fs_strip_slashes(cmd->heap, ops[i]);
    bool into_dir;
    if (target) {
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, target), &st);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "target directory %s", fs_q(cmd, target)));
        if (!S_ISDIR(st.mode))
            return bi_done(cmd, fs_errf(cmd, -ENOTDIR, "target directory %s", fs_q(cmd, target)));
        into_dir = true;
    } else if (no_target) {
        if (nops > 2)
            return bi_done(cmd, bi_usage(cmd, 1, "extra operand %s", fs_q(cmd, ops[2])));
        into_dir = false;
        target = ops[1];
        nops = 1;
    } else {
        target = ops[nops - 1];
        nops--;
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, target), &st);
        into_dir = rc == 0 && S_ISDIR(st.mode);
        if (!into_dir && nops > 1) {
            if (rc < 0)
                return bi_done(cmd, fs_errf(cmd, rc, "target %s", fs_q(cmd, target)));
            return bi_done(cmd, fs_errf(cmd, -ENOTDIR, "target %s", fs_q(cmd, target)));
        }
    }
    int status = 0;
    for (int i = 0; i < nops && !bi_cancelled(cmd); i++) {
        const char *dst = into_dir ? fs_join(cmd->heap, target, fs_base(cmd->heap, ops[i])) : target;
        status |= mv__one(cmd, &op, ops[i], dst);
    }
    return bi_done(cmd, status);
}
