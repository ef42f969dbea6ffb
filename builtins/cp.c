/*
 * cp: copy files and directories. Reference: GNU coreutils 9 cp.
 * -a -d -f -H -i -l -L -n -P -p -R/-r -s -t -T -u -v -x, --preserve[=LIST]
 * (mode, ownership, timestamps, links, all; context and xattr accepted and
 * not applicable in the sandbox), --no-preserve=LIST, --remove-destination,
 * --attributes-only, --parents. Symlinks are followed without -r and kept
 * with -r, as GNU does. The copy engine is builtins/lib/fs_copy.c.
 * -b/--backup[=CONTROL] and -S as GNU (simple, numbered, existing).
 * --reflink=always fails as on a file system without clones; --sparse
 * makes no difference to what is read back. Deviations: copying a
 * directory into itself is refused before any copy.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_copy.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("cp", bi_cp, BI_UTIL)
int bi_cp(vb_cmd *cmd);

static const char cp__help[] =
    "Usage: cp [OPTION]... [-T] SOURCE DEST\n"
    "  or:  cp [OPTION]... SOURCE... DIRECTORY\n"
    "  or:  cp [OPTION]... -t DIRECTORY SOURCE...\n"
    "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a, --archive                same as -dR --preserve=all\n"
    "      --attributes-only        don't copy the file data, just the attributes\n"
    "  -d                           same as --no-dereference --preserve=links\n"
    "  -f, --force                  if an existing destination file cannot be\n"
    "                                 opened, remove it and try again\n"
    "  -i, --interactive            prompt before overwrite (overrides a previous -n\n"
    "                                  option)\n"
    "  -H                           follow command-line symbolic links in SOURCE\n"
    "  -l, --link                   hard link files instead of copying\n"
    "  -L, --dereference            always follow symbolic links in SOURCE\n"
    "  -n, --no-clobber             do not overwrite an existing file (overrides\n"
    "                                 a previous -i option)\n"
    "  -P, --no-dereference         never follow symbolic links in SOURCE\n"
    "  -p                           same as --preserve=mode,ownership,timestamps\n"
    "      --preserve[=ATTR_LIST]   preserve the specified attributes (default:\n"
    "                                 mode,ownership,timestamps), if possible\n"
    "                                 additional attributes: context, links, xattr,\n"
    "                                 all\n"
    "      --no-preserve=ATTR_LIST  don't preserve the specified attributes\n"
    "      --parents                use full source file name under DIRECTORY\n"
    "  -R, -r, --recursive          copy directories recursively\n"
    "      --remove-destination     remove each existing destination file before\n"
    "                                 attempting to open it (contrast with --force)\n"
    "  -s, --symbolic-link          make symbolic links instead of copying\n"
    "  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY\n"
    "  -T, --no-target-directory    treat DEST as a normal file\n"
    "  -u, --update                 copy only when the SOURCE file is newer\n"
    "                                 than the destination file or when the\n"
    "                                 destination file is missing\n"
    "  -v, --verbose                explain what is being done\n"
    "  -x, --one-file-system        stay on this file system\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { CP_ATTR_ONLY = 256, CP_PRESERVE, CP_NO_PRESERVE, CP_PARENTS, CP_REMOVE_DEST,
       CP_BACKUP, CP_REFLINK, CP_SPARSE, CP_STRIP };
static const bi_longopt cp__longs[] = {
    {"archive", 0, 'a'}, {"attributes-only", 0, CP_ATTR_ONLY}, {"backup", 2, CP_BACKUP},
    {"force", 0, 'f'}, {"interactive", 0, 'i'}, {"link", 0, 'l'}, {"dereference", 0, 'L'},
    {"no-clobber", 0, 'n'}, {"no-dereference", 0, 'P'}, {"preserve", 2, CP_PRESERVE},
    {"no-preserve", 1, CP_NO_PRESERVE}, {"parents", 0, CP_PARENTS}, {"recursive", 0, 'R'},
    {"reflink", 2, CP_REFLINK}, {"remove-destination", 0, CP_REMOVE_DEST},
    {"sparse", 1, CP_SPARSE}, {"strip-trailing-slashes", 0, CP_STRIP},
    {"symbolic-link", 0, 's'}, {"suffix", 1, 'S'}, {"target-directory", 1, 't'},
    {"no-target-directory", 0, 'T'}, {"update", 2, 'u'}, {"verbose", 0, 'v'},
    {"one-file-system", 0, 'x'}, {0},
};

static int cp__preserve(vb_cmd *cmd, fs_copy_opts *op, const char *list, bool on, const char *opt)
{
    static const char *const vals[] = {"mode", "", "timestamps", "", "ownership", "", "links",
                                       "", "context", "", "xattr", "", "all", NULL};
    char *l = mem_strdup(cmd->heap, list);
    for (char *save = NULL, *t = strtok_r(l, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        size_t n = strlen(t);
        if (n && !strncmp(t, "mode", n)) op->keep_mode = on, op->no_mode = !on;
        else if (n && !strncmp(t, "timestamps", n)) op->keep_times = on;
        else if (n && !strncmp(t, "ownership", n)) op->keep_owner = on;
        else if (n && !strncmp(t, "links", n)) op->keep_links = on;
        else if (n && (!strncmp(t, "context", n) || !strncmp(t, "xattr", n))) ;
        else if (n && !strncmp(t, "all", n))
            op->keep_mode = op->keep_times = op->keep_owner = op->keep_links = on;
        else
            return fs_bad_arg(cmd, t, opt, vals);
    }
    return 0;
}

int bi_cp(vb_cmd *cmd)
{
    fs_copy_opts op = {0};
    const char *target = NULL;
    bool no_target = false, parents = false, deref_set = false, strip = false;
    op.deref = -1;
    bool backup = false, reflink_always = false;
    const char *backup_arg = NULL, *suffix_arg = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "abdfHilLnPpRrsS:t:TuvxZ", cp__longs, cp__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a':
            op.deref = FS_DEREF_NEVER;
            op.recursive = true;
            op.keep_mode = op.keep_times = op.keep_owner = op.keep_links = true;
            break;
        case 'd': op.deref = FS_DEREF_NEVER; op.keep_links = true; break;
        case 'f': op.force = true; break;
        case 'H': op.deref = FS_DEREF_ARGS; break;
        case 'i': op.interactive = FS_INTER_ASK; break;
        case 'l': op.hard_link = true; break;
        case 'L': op.deref = FS_DEREF_ALWAYS; break;
        case 'n': op.interactive = FS_INTER_NOCLOBBER; break;
        case 'P': op.deref = FS_DEREF_NEVER; break;
        case 'p': op.keep_mode = op.keep_times = op.keep_owner = true; break;
        case 'R':
        case 'r': op.recursive = true; break;
        case 's': op.sym_link = true; break;
        case 't': target = o.arg; break;
        case 'T': no_target = true; break;
        case 'u':
            if (!o.arg || !strcmp(o.arg, "older"))
                op.update = true;
            else if (!strcmp(o.arg, "none"))
                op.interactive = FS_INTER_NOCLOBBER;
            else if (!strcmp(o.arg, "all"))
                op.update = false;
            else {
                static const char *const vals[] = {"all", "", "none", "", "older", NULL};
                return bi_done(cmd, fs_bad_arg(cmd, o.arg, "--update", vals));
            }
            break;
        case 'v': op.verbose = true; break;
        case 'x': op.one_fs = true; break;
        case CP_ATTR_ONLY: op.attributes_only = true; break;
        case CP_PRESERVE:
            if (!o.arg)
                op.keep_mode = op.keep_times = op.keep_owner = true;
            else if (cp__preserve(cmd, &op, o.arg, true, "--preserve"))
                return bi_done(cmd, 1);
            break;
        case CP_NO_PRESERVE:
            if (cp__preserve(cmd, &op, o.arg, false, "--no-preserve"))
                return bi_done(cmd, 1);
            break;
        case CP_PARENTS: parents = true; break;
        case CP_REMOVE_DEST: op.remove_dest = true; break;
        case CP_STRIP: strip = true; break;
        case 'b': backup = true; break;
        case 'S': backup = true; suffix_arg = o.arg; break;
        case CP_BACKUP: backup = true; backup_arg = o.arg; break;
        case CP_REFLINK: {
            static const char *const vals[] = {"auto", "", "always", "", "never", NULL};
            if (o.arg && strcmp(o.arg, "auto") && strcmp(o.arg, "always") && strcmp(o.arg, "never"))
                return bi_done(cmd, fs_bad_arg(cmd, o.arg, "--reflink", vals));
            reflink_always = !o.arg || !strcmp(o.arg, "always");
            break;
        }
        case CP_SPARSE: {
            /* the VFS stores every byte: a sparse copy and a full one read the same */
            static const char *const vals[] = {"never", "", "auto", "", "always", NULL};
            if (strcmp(o.arg, "auto") && strcmp(o.arg, "always") && strcmp(o.arg, "never"))
                return bi_done(cmd, fs_bad_arg(cmd, o.arg, "--sparse", vals));
            break;
        }
        case 'Z':
            return bi_done(cmd, bi_err(cmd, "SELinux contexts are not supported in the sandbox"));
        default: return bi_done(cmd, o.status);
        }
    }
    (void)deref_set;
    if (backup) {
        op.backup = fs_backup_type(cmd, backup_arg);
        if (op.backup < 0)
            return bi_done(cmd, 1);
        if (op.interactive == FS_INTER_NOCLOBBER)
            return bi_done(cmd, bi_usage(cmd, 1, "options --backup and --no-clobber are mutually exclusive"));
    }
    op.backup_suffix = fs_backup_suffix(cmd, suffix_arg);
    if (op.deref < 0)
        op.deref = op.recursive ? FS_DEREF_NEVER : FS_DEREF_ALWAYS;
    op.umask = fs_umask(cmd);
    if (op.hard_link && op.sym_link)
        return bi_done(cmd, bi_usage(cmd, 1, "cannot make both hard and symbolic links"));
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (target && no_target)
        return bi_done(cmd, bi_usage(cmd, 1, "cannot combine --target-directory (-t) and --no-target-directory (-T)"));
    if (nops == 0 || (nops == 1 && !target)) {
        if (nops == 0)
            return bi_done(cmd, bi_usage(cmd, 1, "missing file operand"));
        return bi_done(cmd, bi_usage(cmd, 1, "missing destination file operand after %s",
                                     fs_q(cmd, ops[0])));
    }
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
        if (!into_dir && parents)
            return bi_done(cmd, bi_usage(cmd, 1, "with --parents, the destination must be a directory"));
    }
    int status = 0;
    for (int i = 0; i < nops && !bi_cancelled(cmd); i++) {
        const char *src = ops[i];
        const char *dst = target;
        if (into_dir) {
            if (parents) {
                /* make the source's directories under the target */
                char *rel = mem_strdup(cmd->heap, src);
                char *d = fs_dir(cmd->heap, rel);
                char *acc = mem_strdup(cmd->heap, target);
                bool bad = false;
                if (strcmp(d, ".") != 0) {
                    char *save = NULL;
                    for (char *t = strtok_r(d, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
                        acc = fs_join(cmd->heap, acc, t);
                        char *aabs = bi_path(cmd, acc);
                        vfs_stat_t st;
                        if (vfs_stat(cmd->vfs, aabs, &st) == 0) {
                            if (!S_ISDIR(st.mode)) {
                                fs_errf(cmd, 0, "%s exists but is not a directory", fs_q(cmd, acc));
                                bad = true;
                                break;
                            }
                            continue;
                        }
                        int rc = vfs_mkdir(cmd->vfs, aabs, 0777 & ~op.umask);
                        if (rc < 0) {
                            fs_errf(cmd, rc, "cannot make directory %s", fs_q(cmd, acc));
                            bad = true;
                            break;
                        }
                    }
                }
                if (bad) {
                    status = 1;
                    continue;
                }
                while (*rel == '/')
                    rel++;
                dst = fs_join(cmd->heap, target, rel);
            } else {
                dst = fs_join(cmd->heap, target, fs_base(cmd->heap, src));
            }
        }
        if (reflink_always) {
            /* the VFS has no clone operation, as a file system without reflinks */
            vfs_stat_t st;
            if (vfs_stat(cmd->vfs, bi_path(cmd, src), &st) == 0 && S_ISREG(st.mode)) {
                status |= fs_errf(cmd, -EOPNOTSUPP, "failed to clone %s from %s", fs_q(cmd, dst),
                                  fs_q(cmd, src));
                continue;
            }
        }
        status |= fs_copy(cmd, &op, src, dst, true);
    }
    return bi_done(cmd, status);
}
