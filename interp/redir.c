/*
 * Redirections on a virtual process's fd table: files through the VFS
 * (mode 0666 & ~umask, noclobber), dups and closes, here-documents and
 * here-strings as memory streams, {var}>file, and /dev/stdin, /dev/stdout,
 * /dev/stderr, /dev/fd/N mapped onto the fd table.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/interp.h"

static void undo_save(ish *sh, iredir_undo *u, int fd)
{
    if (!u)
        return;
    for (size_t i = 0; i < u->n; i++)
        if (u->v[i].fd == fd)
            return;
    if (u->n + 1 > u->cap) {
        size_t nc = u->cap ? u->cap * 2 : 4;
        iredir_save *nv = mem_realloc(sh->g->heap, u->v, nc * sizeof *nv);
        if (!nv)
            return;
        u->v = nv;
        u->cap = nc;
    }
    stream *old = sh_fd(sh, fd);
    u->v[u->n].fd = fd;
    u->v[u->n].old = old ? stream_ref(old) : NULL;
    u->n++;
}

void redir_undo(ish *sh, iredir_undo *u)
{
    if (!u)
        return;
    for (size_t i = u->n; i-- > 0;) {
        sh_set_fd(sh, u->v[i].fd, u->v[i].old);
        stream_unref(u->v[i].old);
    }
    mem_free(sh->g->heap, u->v);
    u->v = NULL;
    u->n = u->cap = 0;
}

static int dev_fd_num(const char *path)
{
    if (strcmp(path, "/dev/stdin") == 0)
        return 0;
    if (strcmp(path, "/dev/stdout") == 0)
        return 1;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    if (strncmp(path, "/dev/fd/", 8) == 0 && path[8]) {
        char *e;
        long n = strtol(path + 8, &e, 10);
        if (!*e && n >= 0 && n < 1024)
            return (int)n;
    }
    return -1;
}

stream *redir_open(ish *sh, const char *path, int flags, int *err)
{
    ishell *g = sh->g;
    *err = 0;
    int fdn = dev_fd_num(path);
    if (fdn >= 0) {
        stream *s = sh_fd(sh, fdn);
        if (!s) {
            /* Linux: /dev/fd/N of a closed descriptor does not exist */
            *err = VB_ENOENT;
            return NULL;
        }
        return stream_ref(s);
    }
    if (strcmp(path, "/dev/null") == 0) {
        int sf = 0;
        if ((flags & O_ACCMODE) != O_WRONLY)
            sf |= STREAM_R;
        if ((flags & O_ACCMODE) != O_RDONLY)
            sf |= STREAM_W;
        stream *s = stream_null(g->heap, sf);
        if (!s)
            *err = VB_ENOMEM;
        return s;
    }
    char *abs = sh_abspath(sh, path);
    if (!abs) {
        *err = VB_ENOMEM;
        return NULL;
    }
    stream *s = vfs_open_stream(g->vfs, abs, flags, 0666 & ~sh->umask, g->heap, err);
    mem_free(g->heap, abs);
    if (!s && !*err)
        *err = VB_EIO;
    return s;
}

static int parse_fd(const char *s, bool *dash)
{
    *dash = false;
    if (!*s)
        return -1;
    int n = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++) {
        n = n * 10 + (*p - '0');
        if (n > 100000)
            return -1;
    }
    if (p == s)
        return -1;
    if (*p == '-' && p[1] == 0) {
        *dash = true;
        return n;
    }
    return *p ? -1 : n;
}

static int free_fd(ish *sh)
{
    for (int fd = 10; fd < 1024; fd++)
        if (!sh_fd(sh, fd))
            return fd;
    return -1;
}

static char *redir_target(ish *sh, ast_redir *r, bool *ambiguous)
{
    *ambiguous = false;
    char **argv = NULL;
    int argc = 0;
    if (!r->target)
        return NULL;
    if (expand_words(sh, &r->target, 1, &argv, &argc))
        return NULL;
    if (argc != 1) {
        argv_free(sh->g, argv);
        *ambiguous = true;
        return NULL;
    }
    char *t = argv[0];
    argv[0] = NULL;
    argv_free(sh->g, argv);
    return t;
}

static char *heredoc_body(ish *sh, ast_redir *r)
{
    char *s = NULL;
    if (!r->target)
        return mem_strdup(sh->g->heap, "");
    if (r->heredoc_quoted) {
        vbuf b;
        vbuf_init(&b, sh->g->heap);
        for (size_t i = 0; i < r->target->nparts; i++)
            vbuf_add(&b, r->target->parts[i].text, r->target->parts[i].len);
        size_t l;
        s = ivbuf_take(&b, &l);
        return s ? s : mem_strdup(sh->g->heap, "");
    }
    if (expand_string(sh, r->target, EX_NOSPLIT | EX_NOGLOB | EX_HEREDOC, &s))
        return NULL;
    return s;
}

int redir_apply(ish *sh, ast_redir *r, iredir_undo *undo)
{
    ishell *g = sh->g;
    for (; r; r = r->next) {
        sh->lineno = r->line ? r->line : sh->lineno;
        int fd = r->fd;
        bool input = r->op == R_IN || r->op == R_DUP_IN || r->op == R_HEREDOC ||
                     r->op == R_HERESTRING || r->op == R_INOUT;
        if (fd < 0)
            fd = input ? 0 : 1;
        if (r->fd_var) {
            if (r->op == R_DUP_OUT || r->op == R_DUP_IN) {
                /* {var}>&- closes the fd held in var */
            }
            int nf = free_fd(sh);
            if (nf < 0) {
                sh_error(sh, "%s: Too many open files", r->fd_var);
                return 1;
            }
            fd = nf;
        }
        stream *s = NULL;
        int err = 0;
        switch (r->op) {
        case R_IN:
        case R_OUT:
        case R_CLOBBER:
        case R_APPEND:
        case R_INOUT:
        case R_OUT_ERR:
        case R_APPEND_ERR: {
            bool amb;
            char *t = redir_target(sh, r, &amb);
            if (!t) {
                if (amb)
                    sh_error(sh, "%s: ambiguous redirect", r->target && r->target->src ? r->target->src : "");
                return 1;
            }
            int flags = O_RDONLY;
            switch (r->op) {
            case R_IN: flags = O_RDONLY; break;
            case R_OUT:
            case R_CLOBBER:
            case R_OUT_ERR: flags = O_WRONLY | O_CREAT | O_TRUNC; break;
            case R_APPEND:
            case R_APPEND_ERR: flags = O_WRONLY | O_CREAT | O_APPEND; break;
            case R_INOUT: flags = O_RDWR | O_CREAT; break;
            default: break;
            }
            if ((r->op == R_OUT || r->op == R_OUT_ERR) && (sh->opts & O_NOCLOBBER)) {
                char *abs = sh_abspath(sh, t);
                vfs_stat_t st;
                if (abs && vfs_stat(g->vfs, abs, &st) == 0 && S_ISREG(st.mode)) {
                    sh_error(sh, "%s: cannot overwrite existing file", t);
                    mem_free(g->heap, abs);
                    mem_free(g->heap, t);
                    return 1;
                }
                mem_free(g->heap, abs);
            }
            s = redir_open(sh, t, flags, &err);
            if (!s) {
                sh_error(sh, "%s: %s", t, vb_strerror(err));
                mem_free(g->heap, t);
                return 1;
            }
            mem_free(g->heap, t);
            if (r->op == R_OUT_ERR || r->op == R_APPEND_ERR) {
                undo_save(sh, undo, 1);
                undo_save(sh, undo, 2);
                sh_set_fd(sh, 1, s);
                sh_set_fd(sh, 2, s);
                stream_unref(s);
                continue;
            }
            break;
        }
        case R_DUP_IN:
        case R_DUP_OUT: {
            bool amb;
            char *t = redir_target(sh, r, &amb);
            if (!t) {
                if (amb)
                    sh_error(sh, "%s: ambiguous redirect", r->target && r->target->src ? r->target->src : "");
                return 1;
            }
            if (strcmp(t, "-") == 0) {
                mem_free(g->heap, t);
                if (r->fd_var) {
                    const char *v = var_get(sh, r->fd_var);
                    fd = v ? atoi(v) : -1;
                    if (fd < 0)
                        continue;
                    undo_save(sh, undo, fd);
                    sh_set_fd(sh, fd, NULL);
                    continue;
                }
                undo_save(sh, undo, fd);
                sh_set_fd(sh, fd, NULL);
                continue;
            }
            bool dash;
            int src = parse_fd(t, &dash);
            if (src < 0) {
                if (r->op == R_DUP_OUT && r->fd < 0) {
                    /* >&word: both stdout and stderr to a file */
                    s = redir_open(sh, t, O_WRONLY | O_CREAT | O_TRUNC, &err);
                    if (!s) {
                        sh_error(sh, "%s: %s", t, vb_strerror(err));
                        mem_free(g->heap, t);
                        return 1;
                    }
                    mem_free(g->heap, t);
                    undo_save(sh, undo, 1);
                    undo_save(sh, undo, 2);
                    sh_set_fd(sh, 1, s);
                    sh_set_fd(sh, 2, s);
                    stream_unref(s);
                    continue;
                }
                sh_error(sh, "%s: ambiguous redirect", t);
                mem_free(g->heap, t);
                return 1;
            }
            stream *from = sh_fd(sh, src);
            if (!from) {
                sh_error(sh, "%d: Bad file descriptor", src);
                mem_free(g->heap, t);
                return 1;
            }
            mem_free(g->heap, t);
            s = stream_ref(from);
            if (dash) {
                undo_save(sh, undo, src);
                undo_save(sh, undo, fd);
                sh_set_fd(sh, fd, s);
                sh_set_fd(sh, src, NULL);
                stream_unref(s);
                continue;
            }
            break;
        }
        case R_HEREDOC:
        case R_HERESTRING: {
            char *body;
            if (r->op == R_HEREDOC)
                body = heredoc_body(sh, r);
            else {
                char *t = NULL;
                if (expand_string(sh, r->target, EX_NOSPLIT | EX_NOGLOB, &t))
                    return 1;
                body = mem_printf(g->heap, "%s\n", t);
                mem_free(g->heap, t);
            }
            if (!body)
                return 1;
            s = stream_from_bytes(g->heap, body, strlen(body));
            mem_free(g->heap, body);
            if (!s)
                return 1;
            break;
        }
        }
        if (!s)
            continue;
        if (r->fd_var) {
            char nb[16];
            snprintf(nb, sizeof nb, "%d", fd);
            var_set(sh, r->fd_var, nb, 0);
        } else
            undo_save(sh, undo, fd);
        sh_set_fd(sh, fd, s);
        stream_unref(s);
    }
    return 0;
}
