/*
 * tar's -A (GNU's append_file), --to-command and -d (GNU's diff_archive):
 * the parts of builtins/tar.c that act on one member or one operand.
 */
#include <stdio.h>
#include <string.h>

#include "builtins/tar_int.h"

/* -A: GNU's append_file: the whole file is copied as it is (its end-of-archive
 * blocks included, so that a listing stops there, as GNU's does), its last
 * block padded with zeros. -1 after a fatal error. */
int tar_cat_file(tar *T, const char *op, const char *abs)
{
    vb_cmd *cmd = T->cmd;
    vfs_file *f = NULL;
    int r = vfs_open(cmd->vfs, abs, O_RDONLY, 0, &f);
    if (r < 0) {
        tar_errmsg(T, "%s: Cannot open: %s", op, vb_strerror(r));
        T->status = 2;
        return 0;
    }
    vfs_stat_t st;
    r = vfs_fstat(f, &st);
    if (r < 0) {
        tar_errmsg(T, "%s: Cannot stat: %s", op, vb_strerror(r));
        T->status = 2;
        vfs_close(f);
        return 0;
    }
    if (S_ISDIR(st.mode)) {
        /* GNU reads as much as the directory's size, up to the room left in
         * the record */
        uint64_t room = TAR_RECORD - T->written % TAR_RECORD;
        uint64_t want = st.size < room ? st.size : room;
        vfs_close(f);
        if (want == 0)
            return 0;
        tar_errmsg(T, "%s: Read error at byte 0, while reading %llu bytes: %s", op,
                   (unsigned long long)want, vb_strerror(-EISDIR));
        tar_errmsg(T, "Error is not recoverable: exiting now");
        T->werr = -1;
        T->status = 2;
        T->fatal = true;
        return -1;
    }
    unsigned char *buf = mem_alloc(cmd->heap, TAR_CHUNK);
    uint64_t total = 0;
    int rc = 0;
    /* as GNU, the file's size at the start is copied: the archive itself
     * as an operand is copied once, not chased as it grows */
    while (total < st.size) {
        uint64_t want = st.size - total < TAR_CHUNK ? st.size - total : TAR_CHUNK;
        ssize_t n = vfs_read(f, buf, (size_t)want);
        if (n < 0) {
            tar_errmsg(T, "%s: Read error at byte %llu, while reading %d bytes: %s", op,
                       (unsigned long long)total, TAR_CHUNK, vb_strerror((int)n));
            tar_errmsg(T, "Error is not recoverable: exiting now");
            T->status = 2;
            T->fatal = true;
            T->werr = -1;
            rc = -1;
            break;
        }
        if (n == 0)
            break;
        total += (uint64_t)n;
        if (tar_write(T, buf, (size_t)n) < 0 || bi_cancelled(cmd)) {
            rc = -1;
            break;
        }
    }
    vfs_close(f);
    size_t pad = (size_t)((TAR_BLOCK - total % TAR_BLOCK) % TAR_BLOCK);
    if (rc == 0 && pad) {
        memset(buf, 0, pad);
        tar_write(T, buf, pad);
    }
    mem_free(cmd->heap, buf);
    return rc;
}

static void tar_sq(vbuf *q, const char *name, const char *v)
{
    vbuf_printf(q, "export %s='", name);
    for (const char *c = v; *c; c++) {
        if (*c == '\'')
            vbuf_adds(q, "'\\''");
        else
            vbuf_addc(q, *c);
    }
    vbuf_adds(q, "'; ");
}

/* A time as GNU's code_timespec: seconds, and nanoseconds without their
 * trailing zeros. */
static char *tar_timespec(vb_cmd *cmd, time_t sec, long nsec)
{
    if (!nsec)
        return mem_printf(cmd->heap, "%lld", (long long)sec);
    char frac[16];
    snprintf(frac, sizeof frac, "%09ld", nsec);
    size_t l = strlen(frac);
    while (l > 1 && frac[l - 1] == '0')
        frac[--l] = 0;
    return mem_printf(cmd->heap, "%lld.%s", (long long)sec, frac);
}


/* --to-command: the member's data piped to the command, run by the shell with
 * GNU's TAR_* variables exported (in tar's own directory: -C does not
 * apply, as in GNU, which opens files relative to it). */
void tar_to_command(tar *T, const tar_meminfo *mi)
{
    vb_cmd *cmd = T->cmd;
    vbuf data;
    vbuf_init(&data, cmd->heap);
    unsigned char *buf = mem_alloc(cmd->heap, TAR_CHUNK);
    uint64_t left = mi->size;
    while (left > 0) {
        size_t want = left < TAR_CHUNK ? (size_t)left : TAR_CHUNK;
        size_t padded = (want + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
        if (!tar_read(T, buf, padded)) {
            tar_errmsg(T, "Unexpected EOF in archive");
            T->eof_fatal = true;
            break;
        }
        if (vbuf_add(&data, buf, want) < 0) {
            /* out of memory: the rest is skipped */
            T->status = 2;
        }
        left -= want;
        if (bi_cancelled(cmd))
            break;
    }
    mem_free(cmd->heap, buf);
    if (T->eof_fatal || bi_cancelled(cmd)) {
        vbuf_free(&data);
        return;
    }
    vbuf q;
    vbuf_init(&q, cmd->heap);
    struct timespec now = {0, 0};
    if (cmd->ops && cmd->ops->now)
        cmd->ops->now(cmd->shell, &now);
    char *nows = tar_timespec(cmd, now.tv_sec, now.tv_nsec);
    tar_sq(&q, "TAR_VERSION", "1.34");
    tar_sq(&q, "TAR_ARCHIVE", T->file ? T->file : "-");
    tar_sq(&q, "TAR_VOLUME", "1");
    tar_sq(&q, "TAR_BLOCKING_FACTOR", mem_printf(cmd->heap, "%llu",
                                                 (unsigned long long)(TAR_RECORD / TAR_BLOCK)));
    tar_sq(&q, "TAR_FORMAT", mi->format);
    tar_sq(&q, "TAR_FILETYPE", "f");
    tar_sq(&q, "TAR_MODE", mem_printf(cmd->heap, "%04o", mi->mode & 07777));
    tar_sq(&q, "TAR_MTIME", tar_timespec(cmd, mi->mtime, 0));
    tar_sq(&q, "TAR_ATIME", nows);
    tar_sq(&q, "TAR_CTIME", nows);
    tar_sq(&q, "TAR_UID", mem_printf(cmd->heap, "%u", mi->uid));
    tar_sq(&q, "TAR_GID", mem_printf(cmd->heap, "%u", mi->gid));
    if (mi->uname && *mi->uname)
        tar_sq(&q, "TAR_UNAME", mi->uname);
    if (mi->gname && *mi->gname)
        tar_sq(&q, "TAR_GNAME", mi->gname);
    tar_sq(&q, "TAR_SIZE", mem_printf(cmd->heap, "%llu", (unsigned long long)mi->size));
    tar_sq(&q, "TAR_FILENAME", mi->name);
    tar_sq(&q, "TAR_REALNAME", mi->name);
    vbuf_adds(&q, "\n");
    vbuf_adds(&q, T->to_cmd);
    stream *in = stream_from_bytes(cmd->heap, data.data ? data.data : "", data.len);
    bi_flush(cmd);
    int sig = 0;
    int rc = cmd->ops && cmd->ops->run_script_sig
                 ? cmd->ops->run_script_sig(cmd->shell, q.data, in, NULL, NULL, &sig)
                 : -1;
    stream_unref(in);
    vbuf_free(&q);
    vbuf_free(&data);
    /* GNU names the child by its process id */
    const char *pid = bi_getvar(cmd, "BASHPID");
    if (!pid)
        pid = bi_getvar(cmd, "$");
    if (!pid)
        pid = "1";
    if (sig > 0) {
        /* GNU reports it, and does not count it as an error */
        tar_errmsg(T, "%s: Child terminated on signal %d", pid, sig);
    } else if (rc != 0) {
        tar_errmsg(T, "%s: Child returned status %d", pid, rc < 0 ? 127 : rc);
        T->status = 2;
    }
}

/* -d: GNU's diff_archive for one member; name is as GNU prints it. Consumes
 * the member's data. */
void tar_diff_member(tar *T, char type, const char *abs, const char *name, uint32_t mode,
                            uint32_t uid, uint32_t gid, time_t mtime, uint64_t dsize,
                            const char *link, const char *link_abs)
{
    vb_cmd *cmd = T->cmd;
    vfs_stat_t st;
    const char *q = tar_quote(T, name);
    int r = type == '2' ? 0 : vfs_lstat(cmd->vfs, abs, &st);
    if (r < 0) {
        /* a missing file is a warning; other errors are errors */
        tar_errmsg(T, "%s: %sCannot stat: %s", q, r == -ENOENT ? "Warning: " : "",
                   vb_strerror(r));
        if (r == -ENOENT)
            T->differs = true;
        else
            T->status = 2;
        tar_skip(T, dsize);
        return;
    }
    if (type == '2') {
        char *cur = NULL;
        r = vfs_readlink(cmd->vfs, abs, cmd->heap, &cur);
        if (r < 0) {
            tar_errmsg(T, "%s: %sCannot readlink: %s", q, r == -ENOENT ? "Warning: " : "",
                       vb_strerror(r));
            if (r == -ENOENT)
                T->differs = true;
            else
                T->status = 2;
        } else if (strcmp(cur, link) != 0) {
            bi_outf(cmd, "%s: Symlink differs\n", q);
            T->differs = true;
        }
        return;
    }
    if (type == '1') {
        vfs_stat_t lst;
        if (vfs_lstat(cmd->vfs, link_abs, &lst) < 0 || lst.dev != st.dev || lst.ino != st.ino) {
            bi_outf(cmd, "%s: Not linked to %s\n", q, tar_quote(T, link));
            T->differs = true;
        }
        return;
    }
    bool want_dir = type == '5', want_fifo = type == '6';
    if ((want_dir && !S_ISDIR(st.mode)) || (want_fifo && !S_ISFIFO(st.mode)) ||
        (!want_dir && !want_fifo && !S_ISREG(st.mode))) {
        bi_outf(cmd, "%s: File type differs\n", q);
        T->differs = true;
        tar_skip(T, dsize);
        return;
    }
    if ((st.mode & 07777) != (mode & 07777)) {
        bi_outf(cmd, "%s: Mode differs\n", q);
        T->differs = true;
    }
    if (want_dir || want_fifo) {
        tar_skip(T, dsize);
        return;
    }
    if (st.uid != uid) {
        bi_outf(cmd, "%s: Uid differs\n", q);
        T->differs = true;
    }
    if (st.gid != gid) {
        bi_outf(cmd, "%s: Gid differs\n", q);
        T->differs = true;
    }
    if (st.mtime.tv_sec != mtime || st.mtime.tv_nsec != 0) {
        bi_outf(cmd, "%s: Mod time differs\n", q);
        T->differs = true;
    }
    if (st.size != dsize) {
        bi_outf(cmd, "%s: Size differs\n", q);
        T->differs = true;
        tar_skip(T, dsize);
        return;
    }
    vfs_file *f = NULL;
    r = vfs_open(cmd->vfs, abs, O_RDONLY, 0, &f);
    if (r < 0) {
        tar_errmsg(T, "%s: Cannot open: %s", q, vb_strerror(r));
        T->status = 2;
        tar_skip(T, dsize);
        return;
    }
    unsigned char *buf = mem_alloc(cmd->heap, TAR_CHUNK), *fb = mem_alloc(cmd->heap, TAR_CHUNK);
    uint64_t left = dsize;
    bool same = true;
    while (left > 0) {
        size_t want = left < TAR_CHUNK ? (size_t)left : TAR_CHUNK;
        size_t padded = (want + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
        if (!tar_read(T, buf, padded)) {
            T->eof_fatal = true;
            break;
        }
        if (same) {
            ssize_t n = vfs_read(f, fb, want);
            if (n != (ssize_t)want || memcmp(buf, fb, want) != 0)
                same = false;
        }
        left -= want;
        if (bi_cancelled(cmd))
            break;
    }
    vfs_close(f);
    mem_free(cmd->heap, buf);
    mem_free(cmd->heap, fb);
    if (!same && !T->eof_fatal) {
        bi_outf(cmd, "%s: Contents differ\n", q);
        T->differs = true;
    }
}
