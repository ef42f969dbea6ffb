/*
 * chmod: change file mode bits. Reference: GNU coreutils 9 chmod.
 * Octal and symbolic modes (u g o a, + - =, r w x X s t, copies like g=u,
 * comma lists), modes that look like options (-w, -x,g+r), -R (with -H -L
 * -P, default -P), -v -c -f, --reference, --preserve-root. Symlinks met
 * while recursing are left alone, as GNU does; the umask warning ("new
 * permissions are ...") is given for who-less clauses.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("chmod", bi_chmod, BI_UTIL)
int bi_chmod(vb_cmd *cmd);

static const char chmod__help[] =
    "Usage: chmod [OPTION]... MODE[,MODE]... FILE...\n"
    "  or:  chmod [OPTION]... OCTAL-MODE FILE...\n"
    "  or:  chmod [OPTION]... --reference=RFILE FILE...\n"
    "Change the mode of each FILE to MODE.\n"
    "With --reference, change the mode of each FILE to that of RFILE.\n"
    "\n"
    "  -c, --changes          like verbose but report only when a change is made\n"
    "  -f, --silent, --quiet  suppress most error messages\n"
    "  -v, --verbose          output a diagnostic for every file processed\n"
    "      --no-preserve-root  do not treat '/' specially (the default)\n"
    "      --preserve-root    fail to operate recursively on '/'\n"
    "      --reference=RFILE  use RFILE's mode instead of MODE values\n"
    "  -R, --recursive        change files and directories recursively\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.\n";

enum { CHMOD_NOPRESERVE = 256, CHMOD_PRESERVE, CHMOD_REFERENCE };
static const bi_longopt chmod__longs[] = {
    {"changes", 0, 'c'}, {"silent", 0, 'f'}, {"quiet", 0, 'f'}, {"verbose", 0, 'v'},
    {"no-preserve-root", 0, CHMOD_NOPRESERVE}, {"preserve-root", 0, CHMOD_PRESERVE},
    {"reference", 1, CHMOD_REFERENCE}, {"recursive", 0, 'R'}, {0},
};

enum { V_OFF, V_CHANGES, V_ALL };

typedef struct chmod__ctx {
    vb_cmd *cmd;
    fs_modechange *mc;
    uint32_t umask;
    int verbose;
    bool quiet, recursive, preserve_root;
    int status;
} chmod__ctx;

static void chmod__describe(vb_cmd *cmd, const char *path, uint32_t old, uint32_t nw, bool changed)
{
    char a[11], b[11];
    fs_mode_string(old, a);
    fs_mode_string(nw, b);
    if (changed)
        bi_outf(cmd, "mode of %s changed from %04o (%s) to %04o (%s)\n", fs_q(cmd, path),
                old & 07777, a + 1, nw & 07777, b + 1);
    else
        bi_outf(cmd, "mode of %s retained as %04o (%s)\n", fs_q(cmd, path), nw & 07777, b + 1);
}

static int chmod__visit(void *vctx, fs_walk_ent *e)
{
    chmod__ctx *c = vctx;
    vb_cmd *cmd = c->cmd;
    if (e->dir_err) {
        if (!c->quiet)
            fs_errf(cmd, e->dir_err, "cannot read directory %s", fs_q(cmd, e->path));
        c->status = 1;
        return 0;
    }
    if (e->err < 0) {
        if (!c->quiet)
            fs_errf(cmd, e->err, "cannot access %s", fs_q(cmd, e->path));
        if (c->verbose == V_ALL)
            bi_outf(cmd, "%s could not be accessed\n", fs_q(cmd, e->path));
        c->status = 1;
        return 0;
    }
    if (S_ISLNK(e->st.mode)) {
        if (e->depth > 0 || c->recursive) {
            if (c->verbose == V_ALL)
                bi_outf(cmd, "neither symbolic link %s nor referent has been changed\n",
                        fs_q(cmd, e->path));
            return 0;
        }
    }
    if (e->depth == 0 && c->recursive && c->preserve_root && S_ISDIR(e->st.mode)) {
        char *canon;
        if (fs_canon(cmd, e->path, FS_CAN_EXISTING, &canon) == 0 && !strcmp(canon, "/")) {
            if (!strcmp(e->path, "/"))
                bi_err(cmd, "it is dangerous to operate recursively on %s", fs_q(cmd, e->path));
            else
                bi_err(cmd, "it is dangerous to operate recursively on %s (same as %s)",
                       fs_q(cmd, e->path), fs_q(cmd, "/"));
            bi_err(cmd, "use --no-preserve-root to override this failsafe");
            c->status = 1;
            return 1;
        }
    }
    uint32_t old = e->st.mode;
    bool dir = S_ISDIR(old);
    uint32_t nw = fs_mode_adjust(c->mc, old, dir, c->umask, NULL);
    int rc = vfs_chmod(cmd->vfs, e->abs, nw);
    uint32_t newfull = (old & S_IFMT) | nw;
    if (rc < 0) {
        if (!c->quiet)
            fs_errf(cmd, rc, "changing permissions of %s", fs_q(cmd, e->path));
        if (c->verbose == V_ALL)
            bi_outf(cmd, "failed to change mode of %s from %04o (%s) to %04o\n", fs_q(cmd, e->path),
                    old & 07777, "", nw);
        c->status = 1;
        return 0;
    }
    bool changed = (old & 07777) != nw;
    if (c->verbose == V_ALL || (c->verbose == V_CHANGES && changed))
        chmod__describe(cmd, e->path, old, newfull, changed);
    /* GNU's warning when the umask kept a who-less clause from applying */
    uint32_t naive = fs_mode_adjust(c->mc, old, dir, 0, NULL);
    if (nw & ~naive & 07777) {
        {
            char a[11], b[11];
            fs_mode_string(newfull, a);
            fs_mode_string((old & S_IFMT) | naive, b);
            bi_err(cmd, "%s: new permissions are %s, not %s", fs_qf(cmd, e->path), a + 1, b + 1);
            c->status = 1;
        }
    }
    return 0;
}

/* GNU chmod takes "-w", "-x,g+r", "-644"... as modes: find them first. */
static bool chmod__mode_like(const char *a)
{
    if (a[0] != '-' || !a[1])
        return false;
    for (const char *p = a + 1; *p; p++)
        if (!strchr("rwxXstugoa,+-=01234567", *p))
            return false;
    return strchr("rwxXst+-=01234567", a[1]) || strchr(a, '+') || strchr(a, '=') ||
           strchr(a + 1, '-');
}

int bi_chmod(vb_cmd *cmd)
{
    chmod__ctx c = {.cmd = cmd};
    const char *ref = NULL;
    int deref = 0; /* 0 -P, 1 -H, 2 -L */
    /* pull option-like modes out of argv before the option parser sees them */
    const char *optmode = NULL;
    /* a private argv: the caller's array is not ours to shorten */
    char **nargv = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof *nargv);
    if (!nargv)
        return bi_done(cmd, bi_err(cmd, "%s", fs_strerror(-ENOMEM)));
    int j = 0;
    nargv[j++] = cmd->argv[0];
    bool ddash = false;
    for (int i = 1; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (!ddash && !strcmp(a, "--"))
            ddash = true;
        if (!ddash && !optmode && chmod__mode_like(a)) {
            optmode = a;
            continue;
        }
        nargv[j++] = cmd->argv[i];
    }
    cmd->argv = nargv;
    cmd->argc = j;
    bi_opt o;
    bi_opt_init(&o, cmd, "cfvRHLP", chmod__longs, chmod__help);
    int ch;
    while ((ch = bi_opt_next(&o)) != BI_OPT_END) {
        switch (ch) {
        case 'c': c.verbose = V_CHANGES; break;
        case 'f': c.quiet = true; break;
        case 'v': c.verbose = V_ALL; break;
        case 'R': c.recursive = true; break;
        case 'H': deref = 1; break;
        case 'L': deref = 2; break;
        case 'P': deref = 0; break;
        case CHMOD_NOPRESERVE: c.preserve_root = false; break;
        case CHMOD_PRESERVE: c.preserve_root = true; break;
        case CHMOD_REFERENCE: ref = o.arg; break;
        default: return bi_done(cmd, o.status);
        }
    }
    int i = o.ind;
    const char *mode = optmode;
    if (!ref && !mode) {
        if (i >= cmd->argc)
            return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
        mode = cmd->argv[i++];
    }
    if (i >= cmd->argc) {
        if (!mode || ref || optmode)
            return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand after %s", fs_lq(cmd, mode)));
    }
    if (ref) {
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, ref), &st);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "failed to get attributes of %s", fs_q(cmd, ref)));
        c.mc = fs_mode_compile(cmd, mem_printf(cmd->heap, "%05o", st.mode & 07777));
        c.umask = 0;
    } else {
        c.mc = fs_mode_compile(cmd, mode);
        if (!c.mc)
            return bi_done(cmd, bi_usage(cmd, 1, "invalid mode: %s", fs_lq(cmd, mode)));
        c.umask = fs_umask(cmd);
    }
    int flags = 0;
    if (c.recursive)
        flags = deref == 2 ? FS_WALK_FOLLOW_ALL : deref == 1 ? FS_WALK_FOLLOW_ROOT : 0;
    else
        flags = FS_WALK_FOLLOW_ROOT;
    for (; i < cmd->argc && !bi_cancelled(cmd); i++) {
        if (c.recursive) {
            int rc = fs_walk(cmd, cmd->argv[i], flags, chmod__visit, &c);
            if (rc < 0 && rc != -ECANCELED)
                c.status = 1;
        } else {
            fs_walk_ent e;
            memset(&e, 0, sizeof e);
            e.path = cmd->argv[i];
            e.abs = bi_path(cmd, cmd->argv[i]);
            e.err = vfs_stat(cmd->vfs, e.abs, &e.st);
            chmod__visit(&c, &e);
        }
    }
    return bi_done(cmd, c.status);
}
