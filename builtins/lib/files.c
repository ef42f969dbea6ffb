/* Operand paths and opening operands for commands. */
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "vbash/vbash.h"

char *bi_path(vb_cmd *cmd, const char *path)
{
    if (path[0] == '/')
        return mem_strdup(cmd->heap, path);
    const char *cwd = cmd->cwd && cmd->cwd[0] ? cmd->cwd : "/";
    size_t cl = strlen(cwd);
    if (path[0] == '\0')
        return mem_strdup(cmd->heap, ""); /* "" stays invalid: ENOENT */
    return mem_printf(cmd->heap, "%s%s%s", cwd, cwd[cl - 1] == '/' ? "" : "/", path);
}

/* /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N -> the fd number, else -1. */
static int bi__devfd(const char *p)
{
    if (strcmp(p, "/dev/stdin") == 0)
        return 0;
    if (strcmp(p, "/dev/stdout") == 0)
        return 1;
    if (strcmp(p, "/dev/stderr") == 0)
        return 2;
    const char *d = NULL;
    if (strncmp(p, "/dev/fd/", 8) == 0)
        d = p + 8;
    else if (strncmp(p, "/proc/self/fd/", 14) == 0)
        d = p + 14;
    if (!d || !*d)
        return -1;
    char *end;
    long n = strtol(d, &end, 10);
    if (*end || n < 0 || n > 1024)
        return -1;
    return (int)n;
}

static stream *bi__fdstream(vb_cmd *cmd, int fd)
{
    if (fd == 0)
        return cmd->in;
    if (fd == 1)
        return cmd->out;
    if (fd == 2)
        return cmd->err;
    return cmd->ops && cmd->ops->fd ? cmd->ops->fd(cmd->shell, fd) : NULL;
}

stream *bi_open_read(vb_cmd *cmd, const char *operand, int *err)
{
    *err = 0;
    if (strcmp(operand, "-") == 0)
        return stream_ref(cmd->in);
    char *p = bi_path(cmd, operand);
    if (!p) {
        *err = VB_ENOMEM;
        return NULL;
    }
    int fd = bi__devfd(p);
    if (fd >= 0) {
        mem_free(cmd->heap, p);
        stream *s = bi__fdstream(cmd, fd);
        if (!s) {
            /* Linux: /dev/fd/N of a closed descriptor does not exist */
            *err = VB_ENOENT;
            return NULL;
        }
        return stream_ref(s);
    }
    stream *s = vfs_open_stream(cmd->vfs, p, O_RDONLY, 0, cmd->heap, err);
    mem_free(cmd->heap, p);
    return s;
}

stream *bi_open_write(vb_cmd *cmd, const char *operand, int flags, uint32_t mode, int *err)
{
    *err = 0;
    if (strcmp(operand, "-") == 0)
        return stream_ref(cmd->out);
    char *p = bi_path(cmd, operand);
    if (!p) {
        *err = VB_ENOMEM;
        return NULL;
    }
    int fd = bi__devfd(p);
    if (fd >= 0) {
        mem_free(cmd->heap, p);
        if (fd == 1)
            bi_flush(cmd);
        stream *s = bi__fdstream(cmd, fd);
        if (!s) {
            *err = VB_ENOENT;
            return NULL;
        }
        return stream_ref(s);
    }
    if (!(flags & (O_WRONLY | O_RDWR)))
        flags |= O_WRONLY;
    stream *s = vfs_open_stream(cmd->vfs, p, flags, mode, cmd->heap, err);
    mem_free(cmd->heap, p);
    return s;
}

int bi_slurp(vb_cmd *cmd, stream *s, char **data, size_t *len)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    for (;;) {
        if (bi_cancelled(cmd)) {
            vbuf_free(&b);
            return VB_ECANCELED;
        }
        if (vbuf_reserve(&b, 64 * 1024)) {
            vbuf_free(&b);
            return VB_ENOMEM;
        }
        ssize_t n = stream_read(s, b.data + b.len, b.cap - b.len - 1);
        if (n < 0) {
            vbuf_free(&b);
            return (int)n;
        }
        if (n == 0)
            break;
        b.len += (size_t)n;
        b.data[b.len] = '\0';
    }
    *data = vbuf_take(&b, len);
    return *data ? 0 : VB_ENOMEM;
}
