/*
 * cd, pwd, pushd, popd, dirs: the shell's working directory (logical,
 * $PWD-style by default; -P resolves symlinks in the VFS), CDPATH, `cd -`,
 * OLDPWD, and the directory stack. Reference: bash 5.2.
 */
#include <stdlib.h>

#include "interp/bi/shbi.h"

/* Lexical canonicalisation of an absolute path: "." and ".." removed. */
static char *canon(ishell *g, const char *path)
{
    size_t n = strlen(path);
    char *out = mem_alloc(g->heap, n + 2);
    if (!out)
        return NULL;
    size_t o = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t l = (size_t)(e - p);
        if (l == 1 && p[0] == '.') {
        } else if (l == 2 && p[0] == '.' && p[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
        } else {
            out[o++] = '/';
            memcpy(out + o, p, l);
            o += l;
        }
        p = e;
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = 0;
    return out;
}

static int is_dir(ish *sh, const char *abs, int *err)
{
    vfs_stat_t st;
    int rc = vfs_stat(sh->g->vfs, abs, &st);
    if (rc < 0) {
        *err = rc;
        return 0;
    }
    if (!S_ISDIR(st.mode)) {
        *err = VB_ENOTDIR;
        return 0;
    }
    if (vfs_access(sh->g->vfs, abs, X_OK) < 0) {
        *err = VB_EACCES;
        return 0;
    }
    return 1;
}

/* Changes directory; returns 0 or the errno of the failure. */
static int chdir_to(ish *sh, const char *target, bool physical, char **newcwd)
{
    ishell *g = sh->g;
    char *abs = sh_abspath(sh, target);
    if (!abs)
        return VB_ENOMEM;
    char *c = canon(g, abs);
    mem_free(g->heap, abs);
    if (!c)
        return VB_ENOMEM;
    int err = 0;
    if (!is_dir(sh, c, &err)) {
        mem_free(g->heap, c);
        return err;
    }
    if (physical) {
        char *r = NULL;
        if (vfs_realpath(g->vfs, c, g->heap, &r) == 0) {
            mem_free(g->heap, c);
            c = r;
        }
    }
    *newcwd = c;
    return 0;
}

static void set_cwd(ish *sh, char *c)
{
    ishell *g = sh->g;
    const char *old = sh->cwd ? sh->cwd : "/";
    var_set(sh, "OLDPWD", old, 0);
    mem_free(g->heap, sh->cwd);
    sh->cwd = c;
    var_set(sh, "PWD", c, 0);
}

VB_BUILTIN("cd", bi_cd, BI_SHELL | BI_NOFORK)
int bi_cd(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    bool physical = (sh->opts & O_PHYSICAL) != 0;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        const char *a = cmd->argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "-") == 0)
            break;
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'P')
                physical = true;
            else if (*p == 'L')
                physical = false;
            else if (*p == 'e' || *p == '@') {
            } else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "cd [-L|[-P [-e]] [-@]] [dir]");
            }
        }
    }
    if (cmd->argc - i > 1)
        return shbi_err(cmd, "too many arguments");
    const char *dir;
    bool print = false;
    if (i >= cmd->argc) {
        dir = var_get(sh, "HOME");
        if (!dir)
            return shbi_err(cmd, "HOME not set");
        if (!*dir)
            return 0;
    } else if (strcmp(cmd->argv[i], "-") == 0) {
        dir = var_get(sh, "OLDPWD");
        if (!dir)
            return shbi_err(cmd, "OLDPWD not set");
        print = true;
    } else
        dir = cmd->argv[i];
    if (!*dir)
        return 0;
    char *nc = NULL;
    int err = VB_ENOENT;
    const char *cdpath = var_get(sh, "CDPATH");
    if (cdpath && dir[0] != '/' && strncmp(dir, "./", 2) != 0 && strncmp(dir, "../", 3) != 0 &&
        strcmp(dir, ".") != 0 && strcmp(dir, "..") != 0) {
        const char *p = cdpath;
        for (;;) {
            const char *e = strchr(p, ':');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            char *cand = l ? mem_printf(g->heap, "%.*s/%s", (int)l, p, dir) : mem_strdup(g->heap, dir);
            if (cand && chdir_to(sh, cand, physical, &nc) == 0) {
                if (l)
                    print = true;
                mem_free(g->heap, cand);
                break;
            }
            mem_free(g->heap, cand);
            nc = NULL;
            if (!e)
                break;
            p = e + 1;
        }
    }
    if (!nc) {
        err = chdir_to(sh, dir, physical, &nc);
        if (err)
            return shbi_err(cmd, "%s: %s", dir, vb_strerror(err));
    }
    set_cwd(sh, nc);
    if (print) {
        bi_outs(cmd, sh->cwd);
        bi_outc(cmd, '\n');
    }
    return bi_done(cmd, 0);
}

VB_BUILTIN("pwd", bi_pwd, BI_SHELL | BI_NOFORK)
int bi_pwd(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    bool physical = (sh->opts & O_PHYSICAL) != 0;
    for (int i = 1; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (strcmp(a, "--") == 0)
            break;
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'P')
                physical = true;
            else if (*p == 'L')
                physical = false;
            else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "pwd [-LP]");
            }
        }
    }
    const char *cwd = sh->cwd;
    char *r = NULL;
    if (physical && vfs_realpath(sh->g->vfs, cwd, cmd->heap, &r) == 0)
        cwd = r;
    bi_outs(cmd, cwd);
    bi_outc(cmd, '\n');
    return bi_done(cmd, 0);
}

static void print_dirs(vb_cmd *cmd, bool lines, bool full)
{
    ish *sh = shbi_sh(cmd);
    const char *home = var_get(sh, "HOME");
    size_t hl = home ? strlen(home) : 0;
    int k = 0;
    const char *cur = sh->cwd;
    for (idir *d = NULL;; k++) {
        const char *p = k == 0 ? cur : d->path;
        if (k)
            bi_outc(cmd, lines ? '\n' : ' ');
        if (!full && hl && strncmp(p, home, hl) == 0 && (p[hl] == '/' || p[hl] == 0)) {
            bi_outc(cmd, '~');
            bi_outs(cmd, p + hl);
        } else
            bi_outs(cmd, p);
        d = k == 0 ? sh->dirs : d->next;
        if (!d)
            break;
    }
    bi_outc(cmd, '\n');
}

VB_BUILTIN("dirs", bi_dirs, BI_SHELL | BI_NOFORK)
int bi_dirs(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    bool lines = false, full = false;
    for (int i = 1; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (strcmp(a, "-c") == 0) {
            while (sh->dirs) {
                idir *d = sh->dirs;
                sh->dirs = d->next;
                mem_free(sh->g->heap, d->path);
                mem_free(sh->g->heap, d);
            }
            return 0;
        } else if (strcmp(a, "-l") == 0)
            full = true;
        else if (strcmp(a, "-p") == 0)
            lines = true;
        else if (strcmp(a, "-v") == 0) {
            int k = 0;
            bi_outf(cmd, "%2d  %s\n", k++, sh->cwd);
            for (idir *d = sh->dirs; d; d = d->next)
                bi_outf(cmd, "%2d  %s\n", k++, d->path);
            return bi_done(cmd, 0);
        } else
            return shbi_badopt(cmd, a, "dirs [-clpv] [+N] [-N]");
    }
    print_dirs(cmd, lines, full);
    return bi_done(cmd, 0);
}

VB_BUILTIN("pushd", bi_pushd, BI_SHELL | BI_NOFORK)
int bi_pushd(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    if (cmd->argc < 2) {
        if (!sh->dirs)
            return shbi_err(cmd, "no other directory");
        char *nc = NULL;
        idir *top = sh->dirs;
        int err = chdir_to(sh, top->path, false, &nc);
        if (err)
            return shbi_err(cmd, "%s: %s", top->path, vb_strerror(err));
        mem_free(g->heap, top->path);
        top->path = mem_strdup(g->heap, sh->cwd);
        set_cwd(sh, nc);
        print_dirs(cmd, false, false);
        return bi_done(cmd, 0);
    }
    const char *dir = cmd->argv[1];
    char *nc = NULL;
    int err = chdir_to(sh, dir, false, &nc);
    if (err)
        return shbi_err(cmd, "%s: %s", dir, vb_strerror(err));
    idir *d = mem_calloc(g->heap, 1, sizeof *d);
    if (!d)
        return 1;
    d->path = mem_strdup(g->heap, sh->cwd);
    d->next = sh->dirs;
    sh->dirs = d;
    set_cwd(sh, nc);
    print_dirs(cmd, false, false);
    return bi_done(cmd, 0);
}

VB_BUILTIN("popd", bi_popd, BI_SHELL | BI_NOFORK)
int bi_popd(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    if (!sh->dirs)
        return shbi_err(cmd, "directory stack empty");
    idir *d = sh->dirs;
    char *nc = NULL;
    int err = chdir_to(sh, d->path, false, &nc);
    if (err)
        return shbi_err(cmd, "%s: %s", d->path, vb_strerror(err));
    sh->dirs = d->next;
    mem_free(g->heap, d->path);
    mem_free(g->heap, d);
    set_cwd(sh, nc);
    print_dirs(cmd, false, false);
    return bi_done(cmd, 0);
}
