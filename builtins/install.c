/*
 * install: copy files and set attributes. Reference: GNU coreutils 9
 * install. install SRC DEST, install SRC... DIR, install -t DIR SRC...,
 * install -d DIR...; -m MODE (default 0755), -o OWNER, -g GROUP (the
 * session's users and groups), -D (leading directories of DEST), -C/--compare,
 * -p, -T, -v. The copy is the cp engine (builtins/lib/fs_copy.c) with the
 * destination removed (or backed up with -b/--backup/-S) first.
 * Deviations: -s/--strip and --strip-program (no strip program in the
 * sandbox) are refused with a message; -Z/--context are not supported.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_copy.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("install", bi_install, BI_UTIL)
int bi_install(vb_cmd *cmd);

static const char install__help[] =
    "Usage: install [OPTION]... [-T] SOURCE DEST\n"
    "  or:  install [OPTION]... SOURCE... DIRECTORY\n"
    "  or:  install [OPTION]... -t DIRECTORY SOURCE...\n"
    "  or:  install [OPTION]... -d DIRECTORY...\n"
    "\n"
    "This install program copies files (often just compiled) into destination\n"
    "locations you choose.  If you want to download and install a ready-to-use\n"
    "package on a GNU/Linux system, you should instead be using a package manager\n"
    "like yum(1) or apt-get(1).\n"
    "\n"
    "In the first three forms, copy SOURCE to DEST or multiple SOURCE(s) to\n"
    "the existing DIRECTORY, while setting permission modes and owner/group.\n"
    "In the 4th form, create all components of the given DIRECTORY(ies).\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -C, --compare       compare content of source and destination files, and\n"
    "                        if no change to content, ownership, and permissions,\n"
    "                        do not modify the destination at all\n"
    "  -d, --directory     treat all arguments as directory names; create all\n"
    "                        components of the specified directories\n"
    "  -D                  create all leading components of DEST except the last,\n"
    "                        or all components of --target-directory,\n"
    "                        then copy SOURCE to DEST\n"
    "  -g, --group=GROUP   set group ownership, instead of process' current group\n"
    "  -m, --mode=MODE     set permission mode (as in chmod), instead of rwxr-xr-x\n"
    "  -o, --owner=OWNER   set ownership (super-user only)\n"
    "  -p, --preserve-timestamps   apply access/modification times of SOURCE files\n"
    "                        to corresponding destination files\n"
    "  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY\n"
    "  -T, --no-target-directory  treat DEST as a normal file\n"
    "  -v, --verbose       print the name of each directory as it is created\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { INST_STRIP_PROGRAM = 256, INST_BACKUP, INST_PRESERVE_CONTEXT };
static const bi_longopt install__longs[] = {
    {"backup", 2, INST_BACKUP}, {"compare", 0, 'C'}, {"directory", 0, 'd'},
    {"group", 1, 'g'}, {"mode", 1, 'm'}, {"owner", 1, 'o'}, {"preserve-timestamps", 0, 'p'},
    {"preserve-context", 0, INST_PRESERVE_CONTEXT}, {"strip", 0, 's'},
    {"strip-program", 1, INST_STRIP_PROGRAM}, {"suffix", 1, 'S'},
    {"target-directory", 1, 't'}, {"no-target-directory", 0, 'T'}, {"verbose", 0, 'v'},
    {"context", 2, 'Z'}, {0},
};

typedef struct install_opts {
    uint32_t mode, umask;
    int backup;
    const char *suffix;
    bool has_uid, has_gid, compare, dirs, make_leading, preserve_times, verbose;
    uint32_t uid, gid;
} install_opts;

/* mkdir -p with GNU install's messages; dirs made get mode (parents 0755). */
static int install__mkdirs(vb_cmd *cmd, const install_opts *op, const char *path, bool last_too,
                           uint32_t last_mode)
{
    size_t n = strlen(path);
    for (size_t i = 1; i <= n; i++) {
        if (i < n && (path[i] != '/' || path[i - 1] == '/'))
            continue;
        if (i == n && !last_too)
            break;
        char *pre = mem_strndup(cmd->heap, path, i);
        char *abs = bi_path(cmd, pre);
        vfs_stat_t st;
        if (vfs_stat(cmd->vfs, abs, &st) == 0) {
            if (!S_ISDIR(st.mode))
                return fs_errf(cmd, -ENOTDIR, "cannot create directory %s", fs_q(cmd, pre));
            continue;
        }
        bool is_last = i == n;
        uint32_t m = is_last ? last_mode : (0755 & ~op->umask) | 0300;
        if (op->verbose)
            bi_outf(cmd, "%s: creating directory %s\n", cmd->argv[0], fs_q(cmd, pre));
        int rc = vfs_mkdir(cmd->vfs, abs, m & 0777);
        if (rc < 0 && rc != -EEXIST)
            return fs_errf(cmd, rc, "cannot create directory %s", fs_q(cmd, pre));
        if (rc == 0 && (m & ~0777u))
            vfs_chmod(cmd->vfs, abs, m);
    }
    return 0;
}

static int install__attrs(vb_cmd *cmd, const install_opts *op, const char *dst, bool is_dir)
{
    char *abs = bi_path(cmd, dst);
    int rc;
    if (op->has_uid || op->has_gid) {
        vfs_stat_t st;
        rc = vfs_stat(cmd->vfs, abs, &st);
        if (rc == 0)
            rc = vfs_chown(cmd->vfs, abs, op->has_uid ? op->uid : st.uid,
                           op->has_gid ? op->gid : st.gid, true);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot change ownership of %s", fs_q(cmd, dst));
    }
    rc = vfs_chmod(cmd->vfs, abs, op->mode);
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot change permissions of %s", fs_q(cmd, dst));
    (void)is_dir;
    return 0;
}

/* -C: true when dst already has src's content and the wanted attributes. */
static bool install__same(vb_cmd *cmd, const install_opts *op, const char *src, const char *dst)
{
    char *sa = bi_path(cmd, src), *da = bi_path(cmd, dst);
    vfs_stat_t ss, ds;
    if (vfs_stat(cmd->vfs, sa, &ss) < 0 || vfs_lstat(cmd->vfs, da, &ds) < 0)
        return false;
    if (!S_ISREG(ss.mode) || !S_ISREG(ds.mode) || ss.size != ds.size)
        return false;
    if ((ds.mode & 07777) != op->mode)
        return false;
    if ((op->has_uid && ds.uid != op->uid) || (op->has_gid && ds.gid != op->gid))
        return false;
    if (!op->has_uid && ds.uid != vfs_uid(cmd->vfs))
        return false;
    uint64_t h1, h2;
    if (vfs_hash(cmd->vfs, sa, &h1) == 0 && vfs_hash(cmd->vfs, da, &h2) == 0 && h1 != h2)
        return false;
    char *a, *b;
    size_t al, bl;
    if (vfs_read_all(cmd->vfs, sa, cmd->heap, &a, &al) < 0 ||
        vfs_read_all(cmd->vfs, da, cmd->heap, &b, &bl) < 0)
        return false;
    return al == bl && memcmp(a, b, al) == 0;
}

static int install__file(vb_cmd *cmd, const install_opts *op, const char *src, const char *dst)
{
    char *sa = bi_path(cmd, src);
    vfs_stat_t st;
    int rc = vfs_stat(cmd->vfs, sa, &st);
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot stat %s", fs_q(cmd, src));
    if (S_ISDIR(st.mode))
        return fs_errf(cmd, 0, "omitting directory %s", fs_q(cmd, src));
    if (op->compare && install__same(cmd, op, src, dst))
        return 0;
    char *da = bi_path(cmd, dst);
    char *backed = NULL;
    vfs_stat_t ds;
    if (vfs_lstat(cmd->vfs, da, &ds) == 0) {
        vfs_stat_t sf;
        if (vfs_stat(cmd->vfs, da, &sf) == 0 && sf.ino == st.ino && sf.dev == st.dev)
            return fs_errf(cmd, 0, "%s and %s are the same file", fs_q(cmd, src), fs_q(cmd, dst));
        if (S_ISDIR(ds.mode))
            return fs_errf(cmd, 0, "cannot overwrite directory %s with non-directory", fs_q(cmd, dst));
        if (op->backup != FS_BACKUP_NONE) {
            char *bk;
            rc = fs_backup(cmd, op->backup, op->suffix, dst, &bk);
            if (rc < 0)
                return fs_errf(cmd, rc, "cannot backup %s", fs_q(cmd, dst));
            backed = bk;
        } else {
            rc = vfs_unlink(cmd->vfs, da);
            if (rc < 0)
                return fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, dst));
            if (op->verbose)
                bi_outf(cmd, "removed %s\n", fs_q(cmd, dst));
        }
    }
    fs_copy_opts co = {0};
    co.deref = FS_DEREF_ALWAYS;
    co.keep_times = op->preserve_times;
    co.umask = op->umask;
    co.verbose = op->verbose;
    co.last_backup = backed;
    if (fs_copy(cmd, &co, src, dst, true))
        return 1;
    return install__attrs(cmd, op, dst, false);
}

int bi_install(vb_cmd *cmd)
{
    install_opts op = {0};
    op.umask = fs_umask(cmd);
    const char *mode_spec = NULL, *owner = NULL, *group = NULL, *target = NULL;
    bool no_target = false, backup = false;
    const char *backup_arg = NULL, *suffix_arg = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "bcCdDg:m:o:pS:st:TvZ", install__longs, install__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'c': break; /* ignored, as GNU */
        case 'C': op.compare = true; break;
        case 'd': op.dirs = true; break;
        case 'D': op.make_leading = true; break;
        case 'g': group = o.arg; break;
        case 'm': mode_spec = o.arg; break;
        case 'o': owner = o.arg; break;
        case 'p': op.preserve_times = true; break;
        case 't': target = o.arg; break;
        case 'T': no_target = true; break;
        case 'v': op.verbose = true; break;
        case INST_PRESERVE_CONTEXT: break;
        case 's':
        case INST_STRIP_PROGRAM:
            return bi_done(cmd, bi_err(cmd, "stripping is not supported in the sandbox"));
        case 'b': backup = true; break;
        case 'S': backup = true; suffix_arg = o.arg; break;
        case INST_BACKUP: backup = true; backup_arg = o.arg; break;
        case 'Z':
            return bi_done(cmd, bi_err(cmd, "SELinux contexts are not supported in the sandbox"));
        default: return bi_done(cmd, o.status);
        }
    }
    if (backup) {
        op.backup = fs_backup_type(cmd, backup_arg);
        if (op.backup < 0)
            return bi_done(cmd, 1);
    }
    op.suffix = fs_backup_suffix(cmd, suffix_arg);
    op.mode = 0755;
    if (mode_spec) {
        fs_modechange *mc = fs_mode_compile(cmd, mode_spec);
        if (!mc)
            return bi_done(cmd, bi_err(cmd, "invalid mode %s", fs_lq(cmd, mode_spec)));
        op.mode = fs_mode_adjust(mc, 0, op.dirs, 0, NULL);
    }
    fs_ids ids = {0};
    if (owner) {
        if (fs_user_id(cmd, &ids, owner, &op.uid) < 0)
            return bi_done(cmd, bi_err(cmd, "invalid user %s", fs_lq(cmd, owner)));
        op.has_uid = true;
    }
    if (group) {
        if (fs_group_id(cmd, &ids, group, &op.gid) < 0)
            return bi_done(cmd, bi_err(cmd, "invalid group %s", fs_lq(cmd, group)));
        op.has_gid = true;
    }
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (target && no_target)
        return bi_done(cmd, bi_usage(cmd, 1, "target directory not allowed when installing a directory"));
    int status = 0;
    if (op.dirs) {
        if (nops == 0)
            return bi_done(cmd, bi_usage(cmd, 1, "missing file operand"));
        for (int i = 0; i < nops && !bi_cancelled(cmd); i++) {
            int rc = install__mkdirs(cmd, &op, ops[i], true, op.mode);
            if (rc == 0)
                rc = install__attrs(cmd, &op, ops[i], true);
            status |= rc;
        }
        return bi_done(cmd, status);
    }
    if (nops == 0)
        return bi_done(cmd, bi_usage(cmd, 1, "missing file operand"));
    if (nops == 1 && !target)
        return bi_done(cmd, bi_usage(cmd, 1, "missing destination file operand after %s",
                                     fs_q(cmd, ops[0])));
    if (target) {
        if (op.make_leading && install__mkdirs(cmd, &op, target, true, (0755 & ~op.umask) | 0300))
            return bi_done(cmd, 1);
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, target), &st);
        if (rc == 0 && !S_ISDIR(st.mode))
            rc = -ENOTDIR;
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "failed to access %s", fs_q(cmd, target)));
        for (int i = 0; i < nops && !bi_cancelled(cmd); i++)
            status |= install__file(cmd, &op, ops[i],
                                    fs_join(cmd->heap, target, fs_base(cmd->heap, ops[i])));
        return bi_done(cmd, status);
    }
    const char *last = ops[nops - 1];
    if (no_target || (nops == 2 && op.make_leading)) {
        if (nops > 2)
            return bi_done(cmd, bi_usage(cmd, 1, "extra operand %s", fs_q(cmd, ops[2])));
        if (op.make_leading) {
            char *d = fs_dir(cmd->heap, last);
            if (strcmp(d, ".") && install__mkdirs(cmd, &op, d, true, (0755 & ~op.umask) | 0300))
                return bi_done(cmd, 1);
        }
        return bi_done(cmd, install__file(cmd, &op, ops[0], last));
    }
    vfs_stat_t st;
    int rc = vfs_stat(cmd->vfs, bi_path(cmd, last), &st);
    bool is_dir = rc == 0 && S_ISDIR(st.mode);
    if (!is_dir) {
        if (nops > 2) {
            if (rc == 0)
                rc = -ENOTDIR;
            return bi_done(cmd, fs_errf(cmd, rc, "target %s", fs_q(cmd, last)));
        }
        return bi_done(cmd, install__file(cmd, &op, ops[0], last));
    }
    for (int i = 0; i < nops - 1 && !bi_cancelled(cmd); i++)
        status |= install__file(cmd, &op, ops[i], fs_join(cmd->heap, last, fs_base(cmd->heap, ops[i])));
    return bi_done(cmd, status);
}
