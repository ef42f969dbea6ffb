/*
 * The copy engine of cp, mv and install: see fs_copy.h. Follows GNU
 * copy.c in what it checks and in which order: the source's type decides,
 * then the destination's state (same file, -n, -u, -i, directory vs
 * non-directory), then the data, then the preserved attributes.
 */
#include "builtins/lib/fs_copy.h"

#include <errno.h>
#include <string.h>

#include "builtins/lib/fs_util.h"

typedef struct fs_copy_link {
    uint64_t dev, ino;
    char *dst;    /* abs path of the first copy */
} fs_copy_link;

static void fs_copy__verbose(vb_cmd *cmd, fs_copy_opts *op, const char *src, const char *dst)
{
    if (op->last_backup) {
        bi_outf(cmd, "%s -> %s (backup: %s)\n", fs_q(cmd, src), fs_q(cmd, dst),
                fs_q(cmd, op->last_backup));
        op->last_backup = NULL;
        return;
    }
    bi_outf(cmd, "%s -> %s\n", fs_q(cmd, src), fs_q(cmd, dst));
}

static const char *fs_copy__link_lookup(fs_copy_opts *op, const vfs_stat_t *st)
{
    for (size_t i = 0; i < op->nlinks; i++)
        if (op->links[i].dev == st->dev && op->links[i].ino == st->ino)
            return op->links[i].dst;
    return NULL;
}

static void fs_copy__link_add(vb_cmd *cmd, fs_copy_opts *op, const vfs_stat_t *st, const char *dabs)
{
    if (op->nlinks == op->caplinks) {
        size_t nc = op->caplinks ? op->caplinks * 2 : 16;
        fs_copy_link *nl = mem_realloc(cmd->heap, op->links, nc * sizeof *nl);
        if (!nl)
            return;
        op->links = nl;
        op->caplinks = nc;
    }
    op->links[op->nlinks].dev = st->dev;
    op->links[op->nlinks].ino = st->ino;
    op->links[op->nlinks].dst = mem_strdup(cmd->heap, dabs);
    op->nlinks++;
}

/* Applies the preserved attributes of st to dabs. */
static int fs_copy__attrs(vb_cmd *cmd, fs_copy_opts *op, const vfs_stat_t *st, const char *dabs,
                          const char *dst, bool is_link)
{
    int status = 0;
    if (op->keep_owner) {
        int rc = vfs_chown(cmd->vfs, dabs, st->uid, st->gid, !is_link);
        if (rc < 0 && rc != -EPERM) {
            fs_errf(cmd, rc, "failed to preserve ownership for %s", fs_q(cmd, dst));
            status = 1;
        }
    }
    if (op->keep_mode && !is_link) {
        int rc = vfs_chmod(cmd->vfs, dabs, st->mode & 07777);
        if (rc < 0) {
            fs_errf(cmd, rc, "preserving permissions for %s", fs_q(cmd, dst));
            status = 1;
        }
    }
    if (op->keep_times) {
        struct timespec t[2] = {st->atime, st->mtime};
        int rc = vfs_utimens(cmd->vfs, dabs, t, !is_link);
        if (rc < 0) {
            fs_errf(cmd, rc, "preserving times for %s", fs_q(cmd, dst));
            status = 1;
        }
    }
    return status;
}

static int fs_copy__data(vb_cmd *cmd, const char *src, const char *sabs, const char *dst,
                         const char *dabs, bool dst_exists, fs_copy_opts *op, uint32_t mode)
{
    vfs_file *in, *out;
    int rc = vfs_open(cmd->vfs, sabs, O_RDONLY, 0, &in);
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot open %s for reading", fs_q(cmd, src));
    rc = vfs_open(cmd->vfs, dabs, O_WRONLY | O_TRUNC | (dst_exists ? 0 : O_CREAT), mode, &out);
    if (rc < 0 && dst_exists && op->force) {
        if (vfs_unlink(cmd->vfs, dabs) == 0) {
            dst_exists = false;
            rc = vfs_open(cmd->vfs, dabs, O_WRONLY | O_TRUNC | O_CREAT, mode, &out);
        }
    }
    if (rc < 0) {
        vfs_close(in);
        if (dst_exists)
            return fs_errf(cmd, rc, "cannot open %s for writing", fs_q(cmd, dst));
        return fs_errf(cmd, rc, "cannot create regular file %s", fs_q(cmd, dst));
    }
    size_t bufsz = 64 * 1024;
    char *buf = mem_alloc(cmd->heap, bufsz);
    int status = 0;
    if (!buf) {
        status = fs_errf(cmd, -ENOMEM, "error copying %s", fs_q(cmd, src));
        goto done;
    }
    for (;;) {
        if (bi_cancelled(cmd)) {
            status = 1;
            break;
        }
        ssize_t r = vfs_read(in, buf, bufsz);
        if (r == 0)
            break;
        if (r < 0) {
            status = fs_errf(cmd, (int)r, "error reading %s", fs_q(cmd, src));
            break;
        }
        ssize_t w = vfs_write(out, buf, (size_t)r);
        if (w < 0) {
            status = fs_errf(cmd, (int)w, "error writing %s", fs_q(cmd, dst));
            break;
        }
    }
    mem_free(cmd->heap, buf);
done:
    vfs_close(in);
    rc = vfs_close(out);
    if (rc < 0 && !status)
        status = fs_errf(cmd, rc, "failed to close %s", fs_q(cmd, dst));
    return status;
}

/* true when canonical path `in` is `dir` or below it. */
static bool fs_copy__inside(const char *in, const char *dir)
{
    size_t n = strlen(dir);
    if (strcmp(dir, "/") == 0)
        return true;
    return strncmp(in, dir, n) == 0 && (in[n] == 0 || in[n] == '/');
}

static bool fs_copy__ask(vb_cmd *cmd, const char *dst)
{
    char *q = mem_printf(cmd->heap, "%s: overwrite %s? ", cmd->argv[0], fs_q(cmd, dst));
    bi_errw(cmd, q, strlen(q));
    return fs_yesno(cmd);
}

int fs_copy(vb_cmd *cmd, fs_copy_opts *op, const char *src, const char *dst, bool top)
{
    if (bi_cancelled(cmd))
        return 1;
    char *sabs = bi_path(cmd, src), *dabs = bi_path(cmd, dst);
    if (!sabs || !dabs)
        return fs_errf(cmd, -ENOMEM, "cannot copy %s", fs_q(cmd, src));
    bool follow = op->deref == FS_DEREF_ALWAYS || (op->deref == FS_DEREF_ARGS && top);
    vfs_stat_t st;
    int rc = follow ? vfs_stat(cmd->vfs, sabs, &st) : vfs_lstat(cmd->vfs, sabs, &st);
    if (rc < 0)
        return fs_errf(cmd, rc, "cannot stat %s", fs_q(cmd, src));
    vfs_stat_t dl, ds;
    bool d_lexists = vfs_lstat(cmd->vfs, dabs, &dl) == 0;
    bool d_exists = vfs_stat(cmd->vfs, dabs, &ds) == 0;
    if (d_exists) {
        vfs_stat_t sf;
        bool same;
        if (S_ISLNK(st.mode))
            same = d_lexists && dl.dev == st.dev && dl.ino == st.ino;
        else
            same = vfs_stat(cmd->vfs, sabs, &sf) == 0 && sf.dev == ds.dev && sf.ino == ds.ino &&
                   !(op->sym_link && !S_ISDIR(st.mode)) && !(op->hard_link && !d_lexists);
        if (S_ISLNK(dl.mode) && S_ISLNK(st.mode))
            same = dl.ino == st.ino && dl.dev == st.dev;
        if (same && !(op->hard_link && S_ISREG(st.mode) && 0)) {
            return fs_errf(cmd, 0, "%s and %s are the same file", fs_q(cmd, src), fs_q(cmd, dst));
        }
    }

    if (S_ISDIR(st.mode)) {
        if (!op->recursive) {
            bi_err(cmd, "-r not specified; omitting directory %s", fs_q(cmd, src));
            return 1;
        }
        char *sc, *dc;
        if (fs_canon(cmd, src, FS_CAN_EXISTING, &sc) == 0 &&
            fs_canon(cmd, dst, FS_CAN_MISSING, &dc) == 0 && fs_copy__inside(dc, sc)) {
            if (op->move)
                bi_err(cmd, "cannot move %s to a subdirectory of itself, %s", fs_q(cmd, src),
                       fs_q(cmd, dst));
            else
                bi_err(cmd, "cannot copy a directory, %s, into itself, %s", fs_q(cmd, src),
                       fs_q(cmd, dst));
            return 1;
        }
        bool created = false;
        if (d_exists) {
            if (!S_ISDIR(ds.mode))
                return fs_errf(cmd, 0, "cannot overwrite non-directory %s with directory %s",
                               fs_q(cmd, dst), fs_q(cmd, src));
        } else {
            if (d_lexists) /* a dangling symlink: GNU refuses to write through it */
                return fs_errf(cmd, -EEXIST, "cannot create directory %s", fs_q(cmd, dst));
            rc = vfs_mkdir(cmd->vfs, dabs, ((op->no_mode ? 0777 : st.mode & 0777) & ~op->umask) | 0700);
            if (rc < 0)
                return fs_errf(cmd, rc, "cannot create directory %s", fs_q(cmd, dst));
            created = true;
            if (op->verbose)
                fs_copy__verbose(cmd, op, src, dst);
        }
        int status = 0;
        if (!top && op->one_fs) {
            /* -x: the directory is made, its contents are skipped when it is
             * another file system's mount point (the caller checked top). */
        }
        char **names;
        size_t n;
        rc = fs_list_dir(cmd, sabs, &names, &n);
        if (rc < 0) {
            fs_errf(cmd, rc, "cannot access %s", fs_q(cmd, src));
            status = 1;
            n = 0;
        }
        for (size_t i = 0; i < n && !bi_cancelled(cmd); i++) {
            char *cs = fs_join(cmd->heap, src, names[i]);
            char *cd = fs_join(cmd->heap, dst, names[i]);
            if (!cs || !cd)
                return 1;
            if (op->one_fs) {
                vfs_stat_t cst;
                char *ca = bi_path(cmd, cs);
                if (vfs_lstat(cmd->vfs, ca, &cst) == 0 && S_ISDIR(cst.mode) && cst.dev != st.dev) {
                    vfs_mkdir(cmd->vfs, bi_path(cmd, cd), cst.mode & 0777 & ~op->umask);
                    continue;
                }
            }
            status |= fs_copy(cmd, op, cs, cd, false);
            mem_free(cmd->heap, cs);
            mem_free(cmd->heap, cd);
        }
        if (rc == 0)
            fs_free_names(cmd, names, n);
        if (created || op->keep_mode) {
            uint32_t m = op->keep_mode ? st.mode & 07777
                                       : (op->no_mode ? 0777 : st.mode & 0777) & ~op->umask;
            if (created || op->keep_mode) {
                rc = vfs_chmod(cmd->vfs, dabs, m);
                if (rc < 0 && !status)
                    status = fs_errf(cmd, rc, "setting permissions for %s", fs_q(cmd, dst));
            }
        }
        bool km = op->keep_mode;
        op->keep_mode = false;
        status |= fs_copy__attrs(cmd, op, &st, dabs, dst, false);
        op->keep_mode = km;
        return status;
    }

    /* Non-directories: the destination must not be a directory. */
    if (d_exists && S_ISDIR(ds.mode) && !(S_ISLNK(dl.mode) && !follow && S_ISLNK(st.mode))) {
        return fs_errf(cmd, 0, "cannot overwrite directory %s with non-directory", fs_q(cmd, dst));
    }
    if (d_lexists) {
        if (op->interactive == FS_INTER_NOCLOBBER)
            return 0;
        if (op->update && d_exists) {
            const struct timespec *a = &st.mtime, *b = &ds.mtime;
            if (a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec <= b->tv_nsec))
                return 0;
        }
        if (op->interactive == FS_INTER_ASK && !fs_copy__ask(cmd, dst))
            return 0;
        if (op->backup != FS_BACKUP_NONE) {
            char *bk;
            rc = fs_backup(cmd, op->backup, op->backup_suffix, dst, &bk);
            if (rc < 0)
                return fs_errf(cmd, rc, "cannot backup %s", fs_q(cmd, dst));
            op->last_backup = bk;
            d_lexists = d_exists = false;
        }
        if (op->remove_dest || S_ISLNK(st.mode) || op->hard_link || op->sym_link ||
            (S_ISLNK(dl.mode) && !d_exists)) {
            if (S_ISLNK(dl.mode) && !d_exists && !op->remove_dest && !op->force &&
                S_ISREG(st.mode) && !op->hard_link && !op->sym_link) {
                return fs_errf(cmd, 0, "not writing through dangling symlink %s", fs_q(cmd, dst));
            }
            if (op->remove_dest || op->force || S_ISLNK(st.mode)) {
                rc = vfs_unlink(cmd->vfs, dabs);
                if (rc < 0 && rc != -ENOENT)
                    return fs_errf(cmd, rc, "cannot remove %s", fs_q(cmd, dst));
                d_lexists = d_exists = false;
            }
        }
    }

    if (op->sym_link) {
        if (src[0] != '/' && strchr(dst, '/')) {
            char *dd = fs_dir(cmd->heap, dst);
            char *dcanon, *ccanon;
            if (!(fs_canon(cmd, dd, FS_CAN_EXISTING, &dcanon) == 0 &&
                  fs_canon(cmd, ".", FS_CAN_EXISTING, &ccanon) == 0 && !strcmp(dcanon, ccanon)))
                return fs_errf(cmd, 0, "%s: can make relative symbolic links only in current directory",
                               fs_qf(cmd, dst));
        }
        rc = vfs_symlink(cmd->vfs, src, dabs);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot create symbolic link %s to %s", fs_q(cmd, dst),
                           fs_q(cmd, src));
        if (op->verbose)
            fs_copy__verbose(cmd, op, src, dst);
        return 0;
    }
    if (op->hard_link) {
        rc = vfs_link(cmd->vfs, sabs, dabs);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot create hard link %s to %s", fs_q(cmd, dst),
                           fs_q(cmd, src));
        if (op->verbose)
            fs_copy__verbose(cmd, op, src, dst);
        return 0;
    }
    if (op->keep_links && st.nlink > 1 && !S_ISDIR(st.mode)) {
        const char *first = fs_copy__link_lookup(op, &st);
        if (first) {
            rc = vfs_link(cmd->vfs, first, dabs);
            if (rc < 0)
                return fs_errf(cmd, rc, "cannot create hard link %s to %s", fs_q(cmd, dst),
                               fs_q(cmd, first));
            if (op->verbose)
                fs_copy__verbose(cmd, op, src, dst);
            return 0;
        }
        fs_copy__link_add(cmd, op, &st, dabs);
    }
    int status = 0;
    if (S_ISLNK(st.mode)) {
        char *target;
        rc = vfs_readlink(cmd->vfs, sabs, cmd->heap, &target);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot read symbolic link %s", fs_q(cmd, src));
        rc = vfs_symlink(cmd->vfs, target, dabs);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot create symbolic link %s", fs_q(cmd, dst));
        if (op->verbose)
            fs_copy__verbose(cmd, op, src, dst);
        bool km = op->keep_mode;
        op->keep_mode = false;
        status = fs_copy__attrs(cmd, op, &st, dabs, dst, true);
        op->keep_mode = km;
        return status;
    }
    if (S_ISFIFO(st.mode) && op->recursive) {
        rc = vfs_mknod(cmd->vfs, dabs, S_IFIFO | (st.mode & 0777 & ~op->umask), 0);
        if (rc < 0)
            return fs_errf(cmd, rc, "cannot create fifo %s", fs_q(cmd, dst));
        if (op->verbose)
            fs_copy__verbose(cmd, op, src, dst);
        return fs_copy__attrs(cmd, op, &st, dabs, dst, false);
    }
    if ((S_ISCHR(st.mode) || S_ISBLK(st.mode) || S_ISSOCK(st.mode)) && op->recursive)
        return fs_errf(cmd, -EPERM, "cannot create special file %s", fs_q(cmd, dst));
    if (op->verbose)
        fs_copy__verbose(cmd, op, src, dst);
    if (!op->attributes_only || !d_exists)
        status = fs_copy__data(cmd, src, sabs, dst, dabs, d_exists, op,
                               (op->no_mode ? 0666 : st.mode & 0777) & ~op->umask);
    if (!status)
        status = fs_copy__attrs(cmd, op, &st, dabs, dst, false);
    return status;
}
