/*
 * find — search for files in a directory hierarchy.
 *
 * Reference: GNU findutils 4.9 find. Options -H -L -P; global options
 * -maxdepth -mindepth -depth -d -xdev -mount -noleaf -regextype -daystart
 * -follow -ignore_readdir_race -warn -nowarn; tests -name -iname -path
 * -ipath -wholename -iwholename -lname -ilname -regex -iregex -type -xtype
 * -size -empty -newer -anewer -cnewer -mtime -mmin -atime -amin -ctime
 * -cmin -used -perm (exact, -, /) -user -group -uid -gid -nouser -nogroup
 * -links -inum -samefile -readable -writable -executable -true -false;
 * actions -print -print0 -printf -fprint -fprint0 -fprintf -ls -fls -exec
 * and -execdir (with ; and +) -ok/-okdir (the question on stderr, the
 * answer read from stdin as GNU does; end of input says no) -delete
 * -prune -quit; -newerXY; operators ( ) ! -not -a -and -o -or and ",".
 * With -L a directory met again below itself is reported as a file system
 * loop and not entered; the walk checks cancellation and the time limit at
 * every entry.
 *
 * Deviations: directory entries are visited in name order (the VFS keeps
 * directories sorted; GNU find uses the file system's order); -regex's
 * default "emacs" syntax is taken as GNU BRE with unescaped + and ? as
 * operators, which covers the usual patterns; -fstype always says "vbash".
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/regex.h"

VB_BUILTIN("find", bi_find, BI_UTIL)

typedef struct fnode fnode;

enum fkind {
    F_AND, F_OR, F_NOT, F_COMMA, F_TRUE, F_FALSE,
    F_NAME, F_PATH, F_LNAME, F_REGEX, F_TYPE, F_XTYPE, F_SIZE, F_EMPTY,
    F_NEWER, F_TIME, F_PERM, F_UID, F_GID, F_NOUSER, F_NOGROUP, F_LINKS, F_INUM,
    F_SAMEFILE, F_ACCESS, F_FSTYPE,
    F_PRINT, F_PRINT0, F_PRINTF, F_LS, F_EXEC, F_DELETE, F_PRUNE, F_QUIT,
};

struct fnode {
    enum fkind kind;
    fnode *l, *r;
    const char *arg;      /* pattern, format, type letters */
    bool icase;
    int cmp;              /* -1 less, 0 exact, 1 more (for +N/-N) */
    int64_t num;          /* size units / days / minutes / links / inode */
    int64_t unit;         /* -size unit bytes; time: seconds per unit */
    char which;           /* time: 'a' 'c' 'm'; newer: same; perm: '=', '-', '/' */
    uint32_t mode;
    uint64_t ino, dev;
    rx *re;
    /* -exec */
    char **argv;
    int argc;
    bool plus, indir, ask;  /* ask: -ok / -okdir */
    char **batch;         /* -exec ... + : collected paths */
    size_t nbatch, capbatch, batch_bytes;
    char *batch_dir;      /* -execdir ... + : the directory of the batch */
    stream *out;          /* -fprint* target, or NULL for stdout */
};

typedef struct find {
    vb_cmd *cmd;
    int follow;           /* 'P', 'L', 'H' */
    int maxdepth, mindepth;
    bool depth_first, xdev, daystart;
    bool explicit_depth, seen_delete, seen_prune;
    int regextype;        /* RX_BRE (emacs/basic) or RX_ERE */
    bool has_action;
    bool warn;            /* -warn: GNU warns only then (or on a terminal) */
    bool quit;
    int status;
    fnode *expr;
    char **args;
    int nargs, pos;
    struct timespec now;
    fs_ids ids;
    fnode **execs;        /* -exec + nodes to flush at the end */
    int nexecs;
    stream **outs;        /* -fprint* files, closed at the end */
    int nouts;
    /* the predicate or operator being parsed, and the one before it (for
     * GNU's "possible unquoted pattern" hint) */
    const char *cur_pred, *last_pred;
} find;

typedef struct fent {
    const char *path;     /* as printed */
    const char *abs;      /* absolute VFS path */
    const char *name;     /* last component */
    vfs_stat_t st;        /* stat as the follow mode says */
    bool st_ok;
    int depth;
    const char *start;    /* the starting point it was found under */
    bool prune;
} fent;

/* ------------------------------------------------------------------ parsing */
static fnode *fd__node(find *F, enum fkind k)
{
    fnode *n = mem_calloc(F->cmd->heap, 1, sizeof *n);
    if (n)
        n->kind = k;
    return n;
}

static const char *fd__next_arg(find *F, const char *pred)
{
    if (F->pos >= F->nargs) {
        bi_err(F->cmd, "missing argument to `%s'", pred);
        return NULL;
    }
    return F->args[F->pos++];
}

/* +N / -N / N into cmp and num; false on a bad number. */
static bool fd__numarg(const char *s, int *cmp, int64_t *num, const char **rest)
{
    *cmp = 0;
    if (*s == '+') {
        *cmp = 1;
        s++;
    } else if (*s == '-') {
        *cmp = -1;
        s++;
    }
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno)
        return false;
    *num = v;
    if (rest)
        *rest = end;
    else if (*end)
        return false;
    return true;
}

static fnode *fd__expr(find *F);
static void fd__pattern_hint(find *F, const char *tok, const char *pred);

static fnode *fd__exec(find *F, const char *pred)
{
    fnode *n = fd__node(F, F_EXEC);
    n->indir = strcmp(pred, "-execdir") == 0 || strcmp(pred, "-okdir") == 0;
    int start = F->pos;
    int end = -1;
    for (int i = start; i < F->nargs; i++) {
        if (strcmp(F->args[i], ";") == 0) {
            end = i;
            break;
        }
        if (strcmp(F->args[i], "+") == 0 && i > start && strcmp(F->args[i - 1], "{}") == 0) {
            end = i;
            n->plus = true;
            break;
        }
    }
    if (end < 0 || end == start) {
        bi_err(F->cmd, "missing argument to `%s'", pred);
        return NULL;
    }
    if (n->plus && strncmp(pred, "-exec", 5) == 0) {
        /* the + form takes {} once, as the last argument */
        int braces = 0;
        for (int i = start; i < end; i++)
            if (strstr(F->args[i], "{}"))
                braces++;
        if (braces > 1) {
            bi_err(F->cmd, "Only one instance of {} is supported with -exec%s ... +", n->indir ? "dir" : "");
            return NULL;
        }
    }
    n->argc = end - start;
    n->argv = mem_calloc(F->cmd->heap, (size_t)n->argc + 1, sizeof(char *));
    for (int i = 0; i < n->argc; i++)
        n->argv[i] = F->args[start + i];
    F->pos = end + 1;
    if (n->plus) {
        F->execs = mem_realloc(F->cmd->heap, F->execs, sizeof(fnode *) * (size_t)(F->nexecs + 1));
        if (F->execs)
            F->execs[F->nexecs++] = n;
    }
    return n;
}

/* GNU's warnings for a -printf format's unknown escapes and directives */
static void fd__printf_check(find *F, const char *f)
{
    for (; *f; f++) {
        if (*f == '\\' && f[1]) {
            f++;
            if (!strchr("ntabfrv\\c01234567", *f))
                bi_err(F->cmd, "warning: unrecognized escape `\\%c'", *f);
            continue;
        }
        if (*f != '%' || !f[1])
            continue;
        f++;
        while (*f && strchr("-+ #0", *f))
            f++;
        while (*f >= '0' && *f <= '9')
            f++;
        if (*f == '.')
            for (f++; *f >= '0' && *f <= '9'; f++)
                ;
        if (!*f)
            break;
        if (strchr("aAcCtT", *f) && f[1] && strchr("aAcCtT", *f) && *f < 'a') {
            f++; /* %Tk: the time field letter */
            continue;
        }
        if (!strchr("%abcdDfFgGhHiklmMnpPsStuUyYZ", *f))
            bi_err(F->cmd, "warning: unrecognized format directive `%%%c'", *f);
    }
}

static uint32_t fd__type_ok(const char *t)
{
    /* letters separated by commas */
    for (const char *p = t; *p; p++) {
        if (*p == ',')
            continue;
        if (!strchr("bcdpflsD", *p))
            return 0;
        if (p[1] && p[1] != ',')
            return 0;
    }
    return 1;
}

static fnode *fd__primary(find *F)
{
    vb_cmd *cmd = F->cmd;
    if (F->pos >= F->nargs)
        return NULL;
    const char *a = F->args[F->pos++];
    F->last_pred = F->cur_pred;
    F->cur_pred = a;
    fnode *n;
    if (strcmp(a, "(") == 0) {
        if (F->pos < F->nargs && strcmp(F->args[F->pos], ")") == 0) {
            bi_err(cmd, "invalid expression; empty parentheses are not allowed.");
            return NULL;
        }
        n = fd__expr(F);
        if (!n)
            return NULL;
        if (F->pos >= F->nargs || strcmp(F->args[F->pos], ")") != 0) {
            bi_err(cmd, "invalid expression; I was expecting to find a ')' somewhere but did not see one.");
            return NULL;
        }
        F->cur_pred = F->args[F->pos];
        F->pos++;
        return n;
    }
    if (strcmp(a, "!") == 0 || strcmp(a, "-not") == 0) {
        if (F->pos >= F->nargs) {
            bi_err(cmd, "expected an expression after '%s'", a);
            return NULL;
        }
        fnode *x = fd__primary(F);
        if (!x) {
            if (!F->status)
                bi_err(cmd, "invalid expression; you have used a binary operator '%s' with nothing before it.", a);
            return NULL;
        }
        n = fd__node(F, F_NOT);
        n->l = x;
        return n;
    }
    /* global options: true in place */
    if (strcmp(a, "-maxdepth") == 0 || strcmp(a, "-mindepth") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        char *end;
        long d = strtol(v, &end, 10);
        if (*v < '0' || *v > '9' || *end) {
            bi_err(cmd, "Expected a positive decimal integer argument to %s, but got %s", a,
                   fs_lq(cmd, v));
            return NULL;
        }
        if (a[2] == 'a')
            F->maxdepth = (int)d;
        else
            F->mindepth = (int)d;
        return fd__node(F, F_TRUE);
    }
    if (strcmp(a, "-depth") == 0 || strcmp(a, "-d") == 0) {
        F->depth_first = true;
        F->explicit_depth = true;
        return fd__node(F, F_TRUE);
    }
    if (strcmp(a, "-xdev") == 0 || strcmp(a, "-mount") == 0) {
        F->xdev = true;
        return fd__node(F, F_TRUE);
    }
    if (strcmp(a, "-follow") == 0) {
        F->follow = 'L';
        return fd__node(F, F_TRUE);
    }
    if (strcmp(a, "-daystart") == 0) {
        F->daystart = true;
        return fd__node(F, F_TRUE);
    }
    if (strcmp(a, "-noleaf") == 0 || strcmp(a, "-ignore_readdir_race") == 0 ||
        strcmp(a, "-noignore_readdir_race") == 0 || strcmp(a, "-warn") == 0 ||
        strcmp(a, "-nowarn") == 0) {
        if (strcmp(a, "-warn") == 0 || strcmp(a, "-nowarn") == 0)
            F->warn = a[1] == 'w';
        return fd__node(F, F_TRUE);
    }
    if (strcmp(a, "-regextype") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        if (strcmp(v, "posix-extended") == 0 || strcmp(v, "egrep") == 0 ||
            strcmp(v, "posix-egrep") == 0 || strcmp(v, "awk") == 0 || strcmp(v, "gnu-awk") == 0 ||
            strcmp(v, "posix-awk") == 0)
            F->regextype = RX_ERE;
        else if (strcmp(v, "emacs") == 0 || strcmp(v, "posix-basic") == 0 ||
                 strcmp(v, "grep") == 0 || strcmp(v, "findutils-default") == 0 ||
                 strcmp(v, "ed") == 0 || strcmp(v, "sed") == 0 || strcmp(v, "gnu-emacs") == 0)
            F->regextype = RX_BRE;
        else {
            static const char *const types[] = {"findutils-default", "ed", "emacs", "gnu-awk",
                                                "grep", "posix-awk", "awk", "posix-basic",
                                                "posix-egrep", "egrep", "posix-extended",
                                                "posix-minimal-basic", "sed"};
            vbuf b;
            vbuf_init(&b, cmd->heap);
            for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
                vbuf_printf(&b, "%s%s", k ? ", " : "", fs_lq(cmd, types[k]));
            bi_err(cmd, "Unknown regular expression type %s; valid types are %s.", fs_lq(cmd, v),
                   vbuf_str(&b));
            return NULL;
        }
        return fd__node(F, F_TRUE);
    }
    if (strcmp(a, "-true") == 0)
        return fd__node(F, F_TRUE);
    if (strcmp(a, "-false") == 0)
        return fd__node(F, F_FALSE);
    if (strcmp(a, "-name") == 0 || strcmp(a, "-iname") == 0 || strcmp(a, "-path") == 0 ||
        strcmp(a, "-ipath") == 0 || strcmp(a, "-wholename") == 0 ||
        strcmp(a, "-iwholename") == 0 || strcmp(a, "-lname") == 0 || strcmp(a, "-ilname") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        n = fd__node(F, strstr(a, "name") && !strstr(a, "whole") && !strstr(a, "lname") ? F_NAME
                        : strstr(a, "lname") ? F_LNAME : F_PATH);
        n->arg = v;
        n->icase = a[1] == 'i';
        if (n->kind == F_NAME && F->warn && strchr(v, '/') && strcmp(v, "/") != 0) {
            vbuf b;
            vbuf_init(&b, cmd->heap);
            vbuf_printf(&b,
                        "%s: warning: %s matches against basenames only, but the given pattern "
                        "contains a directory separator (%s), thus the expression will evaluate to "
                        "false all the time.  Did you mean %s?\n", cmd->argv[0],
                        fs_lq(cmd, a), fs_lq(cmd, "/"),
                        fs_lq(cmd, n->icase ? "-iwholename" : "-wholename"));
            bi_errw(cmd, b.data, b.len);
            vbuf_free(&b);
        }
        return n;
    }
    if (strcmp(a, "-regex") == 0 || strcmp(a, "-iregex") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        n = fd__node(F, F_REGEX);
        vbuf pat;
        vbuf_init(&pat, cmd->heap);
        if (F->regextype == RX_BRE) {
            /* emacs syntax: unescaped + and ? are operators */
            for (const char *p = v; *p; p++) {
                if (*p == '\\' && p[1]) {
                    vbuf_add(&pat, p, 2);
                    p++;
                } else if (*p == '+' || *p == '?') {
                    vbuf_addc(&pat, '\\');
                    vbuf_addc(&pat, *p);
                } else {
                    vbuf_addc(&pat, *p);
                }
            }
        } else {
            vbuf_adds(&pat, v);
        }
        char *err = NULL;
        int flags = F->regextype | RX_LINE | (a[1] == 'i' ? RX_ICASE : 0);
        if (rx_compile_cmd(cmd, vbuf_str(&pat), pat.len, flags, &n->re, &err) != 0) {
            bi_err(cmd, "%s", err ? err : "invalid regular expression");
            return NULL;
        }
        return n;
    }
    if (strcmp(a, "-type") == 0 || strcmp(a, "-xtype") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        if (!*v) {
            bi_err(cmd, "Arguments to %s should contain at least one letter", a);
            return NULL;
        }
        if (!fd__type_ok(v)) {
            bi_err(cmd, "Unknown argument to %s: %s", a, v);
            return NULL;
        }
        n = fd__node(F, a[1] == 'x' ? F_XTYPE : F_TYPE);
        n->arg = v;
        return n;
    }
    if (strcmp(a, "-size") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        n = fd__node(F, F_SIZE);
        const char *rest;
        if (!fd__numarg(v, &n->cmp, &n->num, &rest) || (rest[0] && rest[1])) {
            bi_err(cmd, "invalid -size type `%s'", v);
            return NULL;
        }
        switch (*rest) {
        case 0: case 'b': n->unit = 512; break;
        case 'c': n->unit = 1; break;
        case 'w': n->unit = 2; break;
        case 'k': n->unit = 1024; break;
        case 'M': n->unit = 1024 * 1024; break;
        case 'G': n->unit = 1024 * 1024 * 1024; break;
        default:
            bi_err(cmd, "invalid -size type `%c'", *rest);
            return NULL;
        }
        return n;
    }
    if (strcmp(a, "-empty") == 0)
        return fd__node(F, F_EMPTY);
    if (strcmp(a, "-newer") == 0 || strcmp(a, "-anewer") == 0 || strcmp(a, "-cnewer") == 0 ||
        strcmp(a, "-samefile") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        char *p = bi_path(cmd, v);
        vfs_stat_t st;
        int rc = F->follow == 'L' || F->follow == 'H' ? vfs_stat(cmd->vfs, p, &st)
                                                      : vfs_lstat(cmd->vfs, p, &st);
        if (rc < 0) {
            bi_err(cmd, "%s: %s", fs_lq(cmd, v), vb_strerror(rc));
            return NULL;
        }
        if (a[2] == 'a' && a[1] == 's') {
            n = fd__node(F, F_SAMEFILE);
            n->ino = st.ino;
            n->dev = st.dev;
            return n;
        }
        n = fd__node(F, F_NEWER);
        n->which = a[1] == 'n' ? 'm' : a[1];
        n->num = st.mtime.tv_sec;
        n->unit = st.mtime.tv_nsec;
        return n;
    }
    if (strncmp(a, "-newer", 6) == 0 && strlen(a) == 8) {
        /* -newerXY: X of the file against Y of the reference (t: a date) */
        char x = a[6], y = a[7];
        if (!strchr("acm", x) || !strchr("acmt", y)) {
            bi_err(cmd, "invalid predicate `%s'", a);
            return NULL;
        }
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        struct timespec ref;
        if (y == 't') {
            if (fs_parse_date(cmd, v, &ref) < 0) {
                bi_err(cmd, "I cannot figure out how to interpret %s as a date or time", fs_lq(cmd, v));
                return NULL;
            }
        } else {
            vfs_stat_t st;
            char *p = bi_path(cmd, v);
            int rc = F->follow == 'L' || F->follow == 'H' ? vfs_stat(cmd->vfs, p, &st)
                                                          : vfs_lstat(cmd->vfs, p, &st);
            if (rc < 0) {
                bi_err(cmd, "%s: %s", fs_lq(cmd, v), vb_strerror(rc));
                return NULL;
            }
            ref = y == 'a' ? st.atime : y == 'c' ? st.ctime : st.mtime;
        }
        n = fd__node(F, F_NEWER);
        n->which = x;
        n->num = ref.tv_sec;
        n->unit = ref.tv_nsec;
        return n;
    }
    if (strcmp(a, "-mtime") == 0 || strcmp(a, "-atime") == 0 || strcmp(a, "-ctime") == 0 ||
        strcmp(a, "-mmin") == 0 || strcmp(a, "-amin") == 0 || strcmp(a, "-cmin") == 0 ||
        strcmp(a, "-used") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        n = fd__node(F, F_TIME);
        if (!fd__numarg(v, &n->cmp, &n->num, NULL)) {
            bi_err(cmd, "invalid argument `%s' to `%s'", v, a);
            return NULL;
        }
        n->which = a[1] == 'u' ? 'u' : a[1];
        n->unit = strstr(a, "min") ? 60 : 86400;
        return n;
    }
    if (strcmp(a, "-perm") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        n = fd__node(F, F_PERM);
        n->which = '=';
        const char *whole = v;
        if (*v == '-' || *v == '/') {
            n->which = *v;
            v++;
        }
        /* "+MODE" is no longer "/MODE": GNU reads it as a symbolic mode,
         * and "+644" is not one */
        fs_modechange *mc = *v == '+' && v[1] >= '0' && v[1] <= '9' ? NULL : fs_mode_compile(cmd, v);
        if (!mc) {
            bi_err(cmd, "invalid mode %s", fs_lq(cmd, whole));
            return NULL;
        }
        n->mode = fs_mode_adjust(mc, 0, false, 0, NULL) & 07777;
        if (n->which == '/' && n->mode == 0)
            bi_err(cmd, "warning: you have specified a mode pattern %s (which is equivalent to /000). "
                        "The meaning of -perm /000 has now been changed to be consistent with -perm -000; "
                        "that is, while it used to match no files, it now matches all files.", whole);
        return n;
    }
    if (strcmp(a, "-user") == 0 || strcmp(a, "-group") == 0 || strcmp(a, "-uid") == 0 ||
        strcmp(a, "-gid") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        bool user = a[1] == 'u';
        n = fd__node(F, user ? F_UID : F_GID);
        uint32_t id;
        if (a[2] == 'i') {
            if (!fd__numarg(v, &n->cmp, &n->num, NULL)) {
                bi_err(cmd, "invalid argument `%s' to `%s'", v, a);
                return NULL;
            }
            return n;
        }
        int rc = user ? fs_user_id(cmd, &F->ids, v, &id) : fs_group_id(cmd, &F->ids, v, &id);
        if (rc < 0) {
            if (user)
                bi_err(cmd, "%s is not the name of a known user", fs_q(cmd, v));
            else
                bi_err(cmd, "%s is not the name of an existing group", fs_q(cmd, v));
            return NULL;
        }
        n->num = id;
        return n;
    }
    if (strcmp(a, "-nouser") == 0)
        return fd__node(F, F_NOUSER);
    if (strcmp(a, "-nogroup") == 0)
        return fd__node(F, F_NOGROUP);
    if (strcmp(a, "-links") == 0 || strcmp(a, "-inum") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        n = fd__node(F, a[1] == 'l' ? F_LINKS : F_INUM);
        if (!fd__numarg(v, &n->cmp, &n->num, NULL)) {
            bi_err(cmd, "invalid argument `%s' to `%s'", v, a);
            return NULL;
        }
        return n;
    }
    if (strcmp(a, "-readable") == 0 || strcmp(a, "-writable") == 0 ||
        strcmp(a, "-executable") == 0) {
        n = fd__node(F, F_ACCESS);
        n->num = a[1] == 'r' ? R_OK : a[1] == 'w' ? W_OK : X_OK;
        return n;
    }
    if (strcmp(a, "-fstype") == 0) {
        const char *v = fd__next_arg(F, a);
        if (!v)
            return NULL;
        n = fd__node(F, F_FSTYPE);
        n->arg = v;
        return n;
    }
    /* actions */
    if (strcmp(a, "-print") == 0 || strcmp(a, "-print0") == 0 || strcmp(a, "-fprint") == 0 ||
        strcmp(a, "-fprint0") == 0 || strcmp(a, "-ls") == 0 || strcmp(a, "-fls") == 0 ||
        strcmp(a, "-printf") == 0 || strcmp(a, "-fprintf") == 0) {
        F->has_action = true;
        bool tofile = a[1] == 'f';
        n = fd__node(F, strstr(a, "printf") ? F_PRINTF : strstr(a, "ls") ? F_LS
                        : strstr(a, "print0") ? F_PRINT0 : F_PRINT);
        if (tofile) {
            const char *file = fd__next_arg(F, a);
            if (!file)
                return NULL;
            int err;
            n->out = bi_open_write(cmd, file, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
            if (!n->out) {
                bi_err(cmd, "%s: %s", fs_lq(cmd, file), vb_strerror(err));
                return NULL;
            }
            stream **no = mem_realloc(cmd->heap, F->outs, sizeof(stream *) * (size_t)(F->nouts + 1));
            if (no) {
                F->outs = no;
                F->outs[F->nouts++] = n->out;
            }
        }
        if (n->kind == F_PRINTF) {
            n->arg = fd__next_arg(F, a);
            if (!n->arg)
                return NULL;
            fd__printf_check(F, n->arg);
        }
        return n;
    }
    if (strcmp(a, "-exec") == 0 || strcmp(a, "-execdir") == 0) {
        F->has_action = true;
        return fd__exec(F, a);
    }
    if (strcmp(a, "-ok") == 0 || strcmp(a, "-okdir") == 0) {
        /* asks on stderr, reads the answer from stdin (EOF: no), as GNU */
        F->has_action = true;
        n = fd__exec(F, a);
        if (n && n->plus) { /* GNU takes only ';' here */
            bi_err(cmd, "missing argument to `%s'", a);
            return NULL;
        }
        if (n)
            n->ask = true;
        return n;
    }
    if (strcmp(a, "-delete") == 0) {
        F->has_action = true;
        F->depth_first = true;
        F->seen_delete = true;
        return fd__node(F, F_DELETE);
    }
    if (strcmp(a, "-prune") == 0) {
        F->seen_prune = true;
        return fd__node(F, F_PRUNE);
    }
    if (strcmp(a, "-quit") == 0) {
        F->has_action = true;
        return fd__node(F, F_QUIT);
    }
    if (strcmp(a, ")") == 0) {
        bi_err(cmd, "invalid expression; you have too many ')'");
        return NULL;
    }
    if (a[0] == '-' && a[1]) {
        bi_err(cmd, "unknown predicate `%s'", a);
    } else {
        bi_err(cmd, "paths must precede expression: `%s'", a);
        fd__pattern_hint(F, a, F->last_pred);
    }
    return NULL;
}

/* GNU's hint when a word where an expression should go names an existing
 * file (a pattern the shell expanded, usually): it names the predicate or
 * operator parsed last, whichever it is. */
static void fd__pattern_hint(find *F, const char *tok, const char *pred)
{
    vfs_stat_t st;
    if (pred && vfs_stat(F->cmd->vfs, bi_path(F->cmd, tok), &st) == 0)
        bi_err(F->cmd, "possible unquoted pattern after predicate `%s'?", pred);
}

static bool fd__at_op(find *F, const char *const *ops)
{
    if (F->pos >= F->nargs)
        return false;
    for (; *ops; ops++)
        if (strcmp(F->args[F->pos], *ops) == 0)
            return true;
    return false;
}

static fnode *fd__and(find *F)
{
    fnode *l = fd__primary(F);
    if (!l)
        return NULL;
    static const char *const and_ops[] = {"-a", "-and", NULL};
    static const char *const stop[] = {"-o", "-or", ",", ")", NULL};
    for (;;) {
        if (F->pos >= F->nargs || fd__at_op(F, stop))
            return l;
        if (fd__at_op(F, and_ops)) {
            F->cur_pred = F->args[F->pos];
            F->pos++;
            if (F->pos >= F->nargs) {
                bi_err(F->cmd, "expected an expression after '%s'", F->args[F->pos - 1]);
                return NULL;
            }
        }
        fnode *r = fd__primary(F);
        if (!r)
            return NULL;
        fnode *n = fd__node(F, F_AND);
        n->l = l;
        n->r = r;
        l = n;
    }
}

static fnode *fd__or(find *F)
{
    fnode *l = fd__and(F);
    if (!l)
        return NULL;
    static const char *const or_ops[] = {"-o", "-or", NULL};
    while (fd__at_op(F, or_ops)) {
        F->cur_pred = F->args[F->pos];
        F->pos++;
        if (F->pos >= F->nargs) {
            bi_err(F->cmd, "expected an expression after '%s'", F->args[F->pos - 1]);
            return NULL;
        }
        fnode *r = fd__and(F);
        if (!r)
            return NULL;
        fnode *n = fd__node(F, F_OR);
        n->l = l;
        n->r = r;
        l = n;
    }
    return l;
}

static fnode *fd__expr(find *F)
{
    fnode *l = fd__or(F);
    if (!l)
        return NULL;
    static const char *const comma[] = {",", NULL};
    while (fd__at_op(F, comma)) {
        F->cur_pred = F->args[F->pos];
        F->pos++;
        if (F->pos >= F->nargs) {
            bi_err(F->cmd, "expected an expression after '%s'", F->args[F->pos - 1]);
            return NULL;
        }
        fnode *r = fd__or(F);
        if (!r)
            return NULL;
        fnode *n = fd__node(F, F_COMMA);
        n->l = l;
        n->r = r;
        l = n;
    }
    return l;
}

/* ------------------------------------------------------------------ evaluation */
static int64_t fd__time_of(const vfs_stat_t *st, char which)
{
    return which == 'a' ? st->atime.tv_sec : which == 'c' ? st->ctime.tv_sec : st->mtime.tv_sec;
}

static bool fd__cmp(int cmp, int64_t have, int64_t want)
{
    return cmp > 0 ? have > want : cmp < 0 ? have < want : have == want;
}

static void fd__out(find *F, fnode *n, const char *p, size_t len)
{
    if (n->out) {
        ssize_t w = stream_write(n->out, p, len);
        if (w < 0)
            F->status = 1;
    } else {
        bi_out(F->cmd, p, len);
    }
}

static char fd__type_letter(uint32_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return 'f';
    }
}

static void fd__time_fmt(find *F, vbuf *b, const struct timespec *ts, char k)
{
    struct tm tm;
    fs_localtime(F->cmd, ts->tv_sec, &tm);
    char buf[128];
    if (k == '@') {
        vbuf_printf(b, "%lld.%09ld0", (long long)ts->tv_sec, ts->tv_nsec);
        return;
    }
    if (k == 0) { /* %t: ctime(3) style */
        strftime(buf, sizeof buf, "%a %b %e %H:%M:%S", &tm);
        vbuf_printf(b, "%s.%09ld0 %d", buf, ts->tv_nsec, tm.tm_year + 1900);
        return;
    }
    char f[3] = {'%', k, 0};
    if (k == '+') {
        strftime(buf, sizeof buf, "%Y-%m-%d+%H:%M:%S", &tm);
        vbuf_printf(b, "%s.%09ld0", buf, ts->tv_nsec);
        return;
    }
    if (k == 'S') {
        vbuf_printf(b, "%02d.%09ld0", tm.tm_sec, ts->tv_nsec);
        return;
    }
    if (k == 'T') {
        strftime(buf, sizeof buf, "%H:%M:%S", &tm);
        vbuf_printf(b, "%s.%09ld0", buf, ts->tv_nsec);
        return;
    }
    strftime(buf, sizeof buf, f, &tm);
    vbuf_adds(b, buf);
}

static void fd__printf(find *F, fnode *n, fent *e)
{
    vb_cmd *cmd = F->cmd;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    const char *f = n->arg;
    for (; *f; f++) {
        if (*f == '\\' && f[1]) {
            f++;
            switch (*f) {
            case 'n': vbuf_addc(&b, '\n'); break;
            case 't': vbuf_addc(&b, '\t'); break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = 0;
                for (int k = 0; k < 3 && *f >= '0' && *f <= '7'; k++)
                    v = v * 8 + (*f++ - '0');
                f--;
                vbuf_addc(&b, (char)v);
                break;
            }
            case 'a': vbuf_addc(&b, '\a'); break;
            case 'b': vbuf_addc(&b, '\b'); break;
            case 'f': vbuf_addc(&b, '\f'); break;
            case 'r': vbuf_addc(&b, '\r'); break;
            case 'v': vbuf_addc(&b, '\v'); break;
            case '\\': vbuf_addc(&b, '\\'); break;
            case 'c':
                fd__out(F, n, b.data, b.len);
                vbuf_free(&b);
                return;
            default: vbuf_addc(&b, '\\'); vbuf_addc(&b, *f); break;
            }
            continue;
        }
        if (*f != '%' || !f[1]) {
            vbuf_addc(&b, *f);
            continue;
        }
        f++;
        if (*f == '%') {
            vbuf_addc(&b, '%');
            continue;
        }
        /* flags and width */
        char spec[32];
        size_t sl = 0;
        spec[sl++] = '%';
        while (*f && strchr("-+ #0", *f) && sl < 8)
            spec[sl++] = *f++;
        while (*f >= '0' && *f <= '9' && sl < 20)
            spec[sl++] = *f++;
        if (*f == '.') {
            spec[sl++] = *f++;
            while (*f >= '0' && *f <= '9' && sl < 28)
                spec[sl++] = *f++;
        }
        spec[sl] = '\0';
        if (!*f)
            break;
        vbuf val;
        vbuf_init(&val, cmd->heap);
        bool numeric = false;
        long long num = 0;
        const vfs_stat_t *st = &e->st;
        switch (*f) {
        case 'p': vbuf_adds(&val, e->path); break;
        case 'f': vbuf_adds(&val, e->name); break;
        case 'h': {
            const char *slash = strrchr(e->path, '/');
            if (!slash)
                vbuf_adds(&val, ".");
            else if (slash == e->path)
                vbuf_adds(&val, "/");
            else
                vbuf_add(&val, e->path, (size_t)(slash - e->path));
            break;
        }
        case 'P': {
            size_t sl2 = strlen(e->start);
            const char *p = e->path;
            if (strncmp(p, e->start, sl2) == 0) {
                p += sl2;
                while (*p == '/')
                    p++;
            }
            vbuf_adds(&val, p);
            break;
        }
        case 'H': vbuf_adds(&val, e->start); break;
        case 'd': numeric = true; num = e->depth; break;
        case 's': numeric = true; num = (long long)st->size; break;
        case 'k': numeric = true; num = (long long)((st->blocks + 1) / 2); break;
        case 'b': numeric = true; num = (long long)st->blocks; break;
        case 'i': numeric = true; num = (long long)st->ino; break;
        case 'n': numeric = true; num = st->nlink; break;
        case 'U': numeric = true; num = st->uid; break;
        case 'G': numeric = true; num = st->gid; break;
        case 'm':
            vbuf_printf(&val, strchr(spec, '#') ? "%#o" : "%o", st->mode & 07777);
            break;
        case 'M': {
            char ms[11];
            fs_mode_string(st->mode, ms);
            vbuf_adds(&val, ms);
            break;
        }
        case 'u': {
            const char *u = fs_user_name(cmd, &F->ids, st->uid);
            if (u)
                vbuf_adds(&val, u);
            else
                vbuf_printf(&val, "%u", st->uid);
            break;
        }
        case 'g': {
            const char *g = fs_group_name(cmd, &F->ids, st->gid);
            if (g)
                vbuf_adds(&val, g);
            else
                vbuf_printf(&val, "%u", st->gid);
            break;
        }
        case 'y': vbuf_addc(&val, fd__type_letter(st->mode)); break;
        case 'Y': {
            if (S_ISLNK(st->mode)) {
                vfs_stat_t t;
                int rc = vfs_stat(cmd->vfs, e->abs, &t);
                vbuf_addc(&val, rc == 0 ? fd__type_letter(t.mode) : rc == -ELOOP ? 'L' : 'N');
            } else {
                vbuf_addc(&val, fd__type_letter(st->mode));
            }
            break;
        }
        case 'l': {
            if (S_ISLNK(st->mode)) {
                char *t = NULL;
                if (vfs_readlink(cmd->vfs, e->abs, cmd->heap, &t) >= 0 && t)
                    vbuf_adds(&val, t);
            }
            break;
        }
        case 'F': vbuf_adds(&val, "vbash"); break;
        case 'D': numeric = true; num = (long long)st->dev; break;
        case 'a': case 'c': case 't': case 'A': case 'C': case 'T': {
            char which = (char)(*f == 'a' || *f == 'A' ? 'a' : *f == 'c' || *f == 'C' ? 'c' : 'm');
            const struct timespec *ts = which == 'a' ? &st->atime : which == 'c' ? &st->ctime : &st->mtime;
            if (*f >= 'a') {
                fd__time_fmt(F, &val, ts, 0);
            } else if (f[1]) {
                f++;
                fd__time_fmt(F, &val, ts, *f);
            }
            break;
        }
        default:
            /* GNU: an unknown directive is printed as is */
            vbuf_addc(&val, '%');
            vbuf_addc(&val, *f);
            break;
        }
        if (numeric)
            vbuf_printf(&val, "%lld", num);
        {
            /* GNU formats every directive as a string: only '-', the width
             * and the precision apply */
            size_t k = 1, j = 1;
            for (; j < sl && strchr("-+ #0", spec[j]); j++)
                if (spec[j] == '-')
                    spec[k++] = '-';
            for (; j < sl; j++)
                spec[k++] = spec[j];
            sl = k;
            spec[sl++] = 's';
            spec[sl] = '\0';
            vbuf_printf(&b, spec, vbuf_str(&val));
        }
        vbuf_free(&val);
    }
    fd__out(F, n, b.data, b.len);
    vbuf_free(&b);
}

static void fd__ls(find *F, fnode *n, fent *e)
{
    vb_cmd *cmd = F->cmd;
    const vfs_stat_t *st = &e->st;
    char ms[11];
    fs_mode_string(st->mode, ms);
    const char *u = fs_user_name(cmd, &F->ids, st->uid);
    const char *g = fs_group_name(cmd, &F->ids, st->gid);
    struct tm tm;
    fs_localtime(cmd, st->mtime.tv_sec, &tm);
    char tbuf[64];
    /* recent (within six months): time of day, else the year */
    int64_t age = F->now.tv_sec - st->mtime.tv_sec;
    strftime(tbuf, sizeof tbuf, age > 15778476 || age < -15778476 ? "%b %e  %Y" : "%b %e %H:%M", &tm);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    char ub[16], gb[16];
    snprintf(ub, sizeof ub, "%u", st->uid);
    snprintf(gb, sizeof gb, "%u", st->gid);
    vbuf_printf(&b, "%9llu %6llu %s %3u %-8s %-8s %8llu %s %s", (unsigned long long)st->ino,
                (unsigned long long)((st->blocks + 1) / 2), ms, st->nlink, u ? u : ub, g ? g : gb,
                (unsigned long long)st->size, tbuf, e->path);
    if (S_ISLNK(st->mode)) {
        char *t = NULL;
        if (vfs_readlink(cmd->vfs, e->abs, cmd->heap, &t) >= 0 && t)
            vbuf_printf(&b, " -> %s", t);
    }
    vbuf_addc(&b, '\n');
    fd__out(F, n, b.data, b.len);
    vbuf_free(&b);
}

/* Runs one command line of -exec/-execdir/-ok (cwd: NULL = find's own): the
 * command is looked up as execvp does, and GNU's message when it cannot run
 * (the action is then false). Returns the command's status. */
static int fd__run(find *F, char **argv, const char *cwd)
{
    vb_cmd *cmd = F->cmd;
    stream *nul = stream_null(cmd->heap, STREAM_R);
    int run_errno = 0;
    int st = bi_run_exec(cmd, argv, NULL, cwd, NULL, NULL, nul ? nul : cmd->in, NULL, NULL,
                         &run_errno);
    stream_unref(nul);
    if (run_errno)
        bi_err(cmd, "%s: %s", fs_lq(cmd, argv[0]), vb_strerror(run_errno));
    return st < 0 ? 1 : st;
}

/* The directory holding e, for -execdir. */
static char *fd__dir_of(vb_cmd *cmd, const fent *e)
{
    const char *slash = strrchr(e->abs, '/');
    if (!slash || slash == e->abs)
        return mem_strdup(cmd->heap, "/");
    return mem_strndup(cmd->heap, e->abs, (size_t)(slash - e->abs));
}

static void fd__flush_exec(find *F, fnode *n)
{
    if (!n->nbatch)
        return;
    vb_cmd *cmd = F->cmd;
    int argc = 0;
    char **argv = mem_calloc(cmd->heap, (size_t)n->argc + n->nbatch + 1, sizeof(char *));
    if (!argv)
        return;
    for (int i = 0; i < n->argc; i++) {
        if (strcmp(n->argv[i], "{}") == 0 && i == n->argc - 1) {
            for (size_t k = 0; k < n->nbatch; k++)
                argv[argc++] = n->batch[k];
        } else {
            argv[argc++] = n->argv[i];
        }
    }
    argv[argc] = NULL;
    int st = fd__run(F, argv, n->indir ? n->batch_dir : NULL);
    if (st != 0)
        F->status = 1;
    n->nbatch = 0;
    n->batch_bytes = 0;
}

static char *fd__subst(vb_cmd *cmd, const char *arg, const char *path)
{
    if (!strstr(arg, "{}"))
        return (char *)arg;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    for (const char *p = arg; *p;) {
        if (p[0] == '{' && p[1] == '}') {
            vbuf_adds(&b, path);
            p += 2;
        } else {
            vbuf_addc(&b, *p++);
        }
    }
    return vbuf_take(&b, NULL);
}

/* -ok: "< CMD ... PATH > ? " on stderr, then a line from stdin; yes when it
 * starts with y or Y (GNU in the C locale). End of input answers no. */
static bool fd__confirm(find *F, const char *prog, const char *path)
{
    vb_cmd *cmd = F->cmd;
    bi_flush(cmd);
    const char *q = mem_printf(cmd->heap, "< %s ... %s > ? ", prog, path);
    if (q)
        bi_errw(cmd, q, strlen(q));
    char first = 0;
    bool any = false;
    for (;;) {
        char c;
        ssize_t r = stream_read(cmd->in, &c, 1);
        if (r <= 0 || c == '\n')
            break;
        if (!any)
            first = c;
        any = true;
    }
    return first == 'y' || first == 'Y';
}

static bool fd__exec_one(find *F, fnode *n, fent *e)
{
    vb_cmd *cmd = F->cmd;
    const char *path = e->path;
    if (n->indir) {
        /* -execdir: ./NAME, run from the file's directory */
        path = mem_printf(cmd->heap, "./%s", e->name);
    }
    if (n->plus) {
        if (n->indir) {
            /* one batch per directory */
            char *d = fd__dir_of(cmd, e);
            if (!d)
                return false;
            if (n->nbatch && n->batch_dir && strcmp(n->batch_dir, d) != 0)
                fd__flush_exec(F, n);
            if (!n->nbatch) {
                mem_free(cmd->heap, n->batch_dir);
                n->batch_dir = d;
            } else {
                mem_free(cmd->heap, d);
            }
        }
        if (n->nbatch == n->capbatch) {
            size_t cap = n->capbatch ? n->capbatch * 2 : 64;
            char **nb = mem_realloc(cmd->heap, n->batch, cap * sizeof(char *));
            if (!nb)
                return false;
            n->batch = nb;
            n->capbatch = cap;
        }
        n->batch[n->nbatch++] = mem_strdup(cmd->heap, path);
        n->batch_bytes += strlen(path) + 1;
        if (n->batch_bytes > 128 * 1024)
            fd__flush_exec(F, n);
        return true;
    }
    char **argv = mem_calloc(cmd->heap, (size_t)n->argc + 1, sizeof(char *));
    if (!argv)
        return false;
    for (int i = 0; i < n->argc; i++)
        argv[i] = fd__subst(cmd, n->argv[i], path);
    if (n->ask && !fd__confirm(F, n->argv[0], e->path))
        return false;
    char *dir = n->indir ? fd__dir_of(cmd, e) : NULL;
    int st = fd__run(F, argv, dir);
    mem_free(cmd->heap, dir);
    return st == 0;
}

static bool fd__eval(find *F, fnode *n, fent *e)
{
    vb_cmd *cmd = F->cmd;
    const vfs_stat_t *st = &e->st;
    switch (n->kind) {
    case F_AND:
        return fd__eval(F, n->l, e) && !F->quit && fd__eval(F, n->r, e);
    case F_OR:
        return fd__eval(F, n->l, e) || (!F->quit && fd__eval(F, n->r, e));
    case F_COMMA:
        fd__eval(F, n->l, e);
        return !F->quit && fd__eval(F, n->r, e);
    case F_NOT:
        return !fd__eval(F, n->l, e);
    case F_TRUE:
        return true;
    case F_FALSE:
        return false;
    case F_NAME: {
        /* the base name; a trailing slash of a start point is ignored */
        const char *name = e->name;
        char *tmp = NULL;
        if (e->depth == 0) {
            tmp = fs_base(cmd->heap, e->path);
            name = tmp;
        }
        return fnmatch(n->arg, name, n->icase ? FNM_CASEFOLD : 0) == 0;
    }
    case F_PATH:
        return fnmatch(n->arg, e->path, n->icase ? FNM_CASEFOLD : 0) == 0;
    case F_LNAME: {
        if (!S_ISLNK(st->mode))
            return false;
        char *t = NULL;
        if (vfs_readlink(cmd->vfs, e->abs, cmd->heap, &t) < 0 || !t)
            return false;
        return fnmatch(n->arg, t, n->icase ? FNM_CASEFOLD : 0) == 0;
    }
    case F_REGEX:
        return rx_exec(n->re, e->path, strlen(e->path), 0, 0, NULL) == 1;
    case F_TYPE:
    case F_XTYPE: {
        uint32_t mode = st->mode;
        if (n->kind == F_XTYPE) {
            vfs_stat_t t;
            bool followed = F->follow == 'L';
            int rc = followed ? vfs_lstat(cmd->vfs, e->abs, &t) : vfs_stat(cmd->vfs, e->abs, &t);
            if (rc == 0)
                mode = t.mode;
        }
        char c = fd__type_letter(mode);
        for (const char *p = n->arg; *p; p++)
            if (*p == c)
                return true;
        return false;
    }
    case F_SIZE: {
        int64_t units = (int64_t)((st->size + (uint64_t)n->unit - 1) / (uint64_t)n->unit);
        return fd__cmp(n->cmp, units, n->num);
    }
    case F_EMPTY: {
        if (S_ISREG(st->mode))
            return st->size == 0;
        if (S_ISDIR(st->mode)) {
            vfs_dir *d;
            if (vfs_opendir(cmd->vfs, e->abs, &d) < 0)
                return false;
            vfs_dirent de;
            bool empty = vfs_readdir(d, &de) <= 0;
            vfs_closedir(d);
            return empty;
        }
        return false;
    }
    case F_NEWER: {
        const struct timespec *t = n->which == 'a' ? &st->atime : n->which == 'c' ? &st->ctime : &st->mtime;
        return t->tv_sec > n->num || (t->tv_sec == n->num && t->tv_nsec > n->unit);
    }
    case F_TIME: {
        int64_t ref = F->now.tv_sec;
        if (F->daystart) {
            struct tm tm;
            fs_localtime(cmd, ref, &tm);
            ref = ref - tm.tm_hour * 3600 - tm.tm_min * 60 - tm.tm_sec + 86400;
        }
        int64_t t = n->which == 'u' ? st->atime.tv_sec - st->ctime.tv_sec
                                    : ref - fd__time_of(st, n->which);
        if (n->which == 'u')
            return fd__cmp(n->cmp, t / 86400, n->num);
        /* GNU: the age in whole units, fractions dropped; "+N" means more than N */
        int64_t age = t / n->unit;
        if (t < 0 && t % n->unit)
            age--;
        return fd__cmp(n->cmp, age, n->num);
    }
    case F_PERM: {
        uint32_t m = st->mode & 07777;
        if (n->which == '=')
            return m == n->mode;
        if (n->which == '-')
            return (m & n->mode) == n->mode;
        return n->mode == 0 || (m & n->mode) != 0;
    }
    case F_UID:
        return fd__cmp(n->cmp, st->uid, n->num);
    case F_GID:
        return fd__cmp(n->cmp, st->gid, n->num);
    case F_NOUSER:
        return fs_user_name(cmd, &F->ids, st->uid) == NULL;
    case F_NOGROUP:
        return fs_group_name(cmd, &F->ids, st->gid) == NULL;
    case F_LINKS:
        return fd__cmp(n->cmp, st->nlink, n->num);
    case F_INUM:
        return fd__cmp(n->cmp, (int64_t)st->ino, n->num);
    case F_SAMEFILE:
        return st->ino == n->ino && st->dev == n->dev;
    case F_ACCESS:
        return vfs_access(cmd->vfs, e->abs, (int)n->num) == 0;
    case F_FSTYPE:
        return strcmp(n->arg, "vbash") == 0;
    case F_PRINT:
    case F_PRINT0:
        fd__out(F, n, e->path, strlen(e->path));
        fd__out(F, n, n->kind == F_PRINT ? "\n" : "", 1);
        return true;
    case F_PRINTF:
        fd__printf(F, n, e);
        return true;
    case F_LS:
        fd__ls(F, n, e);
        return true;
    case F_EXEC:
        return fd__exec_one(F, n, e);
    case F_DELETE: {
        if (e->depth == 0 && (strcmp(e->path, ".") == 0 || strcmp(e->path, "./") == 0))
            return true; /* GNU find never deletes the starting point "." */
        int rc = S_ISDIR(st->mode) ? vfs_rmdir(cmd->vfs, e->abs) : vfs_unlink(cmd->vfs, e->abs);
        if (rc < 0) {
            bi_err(cmd, "cannot delete %s: %s", fs_lq(cmd, e->path), vb_strerror(rc));
            F->status = 1;
            return false;
        }
        return true;
    }
    case F_PRUNE:
        if (!F->depth_first)
            e->prune = true;
        return true;
    case F_QUIT:
        F->quit = true;
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ traversal */
/* The directories being walked, innermost first: with -L a directory met
 * again below itself is a file system loop (GNU's message, not entered). */
typedef struct fd_anc {
    uint64_t dev, ino;
    const char *path;
    const struct fd_anc *up;
} fd_anc;

static void fd__visit(find *F, const char *path, const char *abs, const char *name, int depth,
                      const char *start, bool follow_this, const fd_anc *up)
{
    vb_cmd *cmd = F->cmd;
    if (F->quit || bi_cancelled(cmd))
        return;
    fent e = {.path = path, .abs = abs, .name = name, .depth = depth, .start = start};
    int rc;
    if (follow_this) {
        rc = vfs_stat(cmd->vfs, abs, &e.st);
        if (rc == -ENOENT || rc == -ELOOP) /* a dangling link is itself */
            rc = vfs_lstat(cmd->vfs, abs, &e.st);
    } else {
        rc = vfs_lstat(cmd->vfs, abs, &e.st);
    }
    if (rc < 0) {
        bi_err(cmd, "%s: %s", fs_lq(cmd, path), vb_strerror(rc));
        F->status = 1;
        return;
    }
    bool is_dir = S_ISDIR(e.st.mode);
    if (is_dir && follow_this) {
        for (const fd_anc *a = up; a; a = a->up) {
            if (a->dev == e.st.dev && a->ino == e.st.ino) {
                bi_err(cmd, "File system loop detected; %s is part of the same file system loop as %s.",
                       fs_lq(cmd, path), fs_lq(cmd, a->path));
                F->status = 1;
                return;
            }
        }
    }
    fd_anc self = {.dev = e.st.dev, .ino = e.st.ino, .path = path, .up = up};
    bool in_range = depth >= F->mindepth;
    if (!F->depth_first && in_range)
        fd__eval(F, F->expr, &e);
    if (is_dir && !e.prune && (F->maxdepth < 0 || depth < F->maxdepth) && !F->quit) {
        char **names;
        size_t n;
        rc = fs_list_dir(cmd, abs, &names, &n);
        if (rc < 0) {
            bi_err(cmd, "%s: %s", fs_lq(cmd, path), vb_strerror(rc));
            F->status = 1;
        } else {
            for (size_t i = 0; i < n && !F->quit; i++) {
                char *cp = fs_join(cmd->heap, path, names[i]);
                char *ca = fs_join(cmd->heap, abs, names[i]);
                if (!cp || !ca)
                    break;
                fd__visit(F, cp, ca, names[i], depth + 1, start, F->follow == 'L', &self);
                mem_free(cmd->heap, cp);
                mem_free(cmd->heap, ca);
            }
        }
    }
    if (F->depth_first && in_range && !F->quit)
        fd__eval(F, F->expr, &e);
}

/* The last component of a start point ("d/ab/" -> "ab", "/" -> "/"). */
static const char *fd__base(vb_cmd *cmd, const char *p)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        n--;
    size_t st = n;
    while (st > 0 && p[st - 1] != '/')
        st--;
    if (st == n)
        return p;
    char *b = mem_strndup(cmd->heap, p + st, n - st);
    return b ? b : p;
}

static const char find_help[] =
    "Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]\n"
    "\n"
    "default path is the current directory; default expression is -print\n"
    "expression may consist of: operators, options, tests, and actions.\n";

int bi_find(vb_cmd *cmd)
{
    find *F = mem_calloc(cmd->heap, 1, sizeof *F);
    if (!F)
        return bi_err(cmd, "out of memory");
    F->cmd = cmd;
    F->follow = 'P';
    F->maxdepth = -1;
    F->regextype = RX_BRE;
    fs_now(cmd, &F->now);
    int i = 1;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (strcmp(a, "-H") == 0 || strcmp(a, "-L") == 0 || strcmp(a, "-P") == 0) {
            F->follow = a[1];
        } else if (strcmp(a, "--help") == 0) {
            bi_outs(cmd, find_help);
            return bi_done(cmd, 0);
        } else if (strcmp(a, "--version") == 0) {
            bi_outf(cmd, "find %s", BI_VERSION_TEXT);
            return bi_done(cmd, 0);
        } else if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (strncmp(a, "-O", 2) == 0) {
            continue;
        } else if (strcmp(a, "-D") == 0) {
            i++;
        } else {
            break;
        }
    }
    int first_path = i;
    while (i < cmd->argc) {
        const char *a = cmd->argv[i];
        if ((a[0] == '-' && a[1]) || strcmp(a, "(") == 0 || strcmp(a, "!") == 0)
            break;
        i++;
    }
    int npaths = i - first_path;
    F->args = cmd->argv + i;
    F->nargs = cmd->argc - i;
    fnode *expr = NULL;
    if (F->nargs > 0) {
        expr = fd__expr(F);
        if (!expr)
            return bi_done(cmd, 1);
        if (F->pos < F->nargs) {
            const char *a = F->args[F->pos];
            if (strcmp(a, ")") == 0) {
                bi_err(cmd, "invalid expression; you have too many ')'");
            } else {
                bi_err(cmd, "paths must precede expression: `%s'", a);
                fd__pattern_hint(F, a, F->cur_pred);
            }
            return bi_done(cmd, 1);
        }
    }
    if (F->seen_delete && F->seen_prune && !F->explicit_depth) {
        bi_err(cmd, "The -delete action automatically turns on -depth, but -prune does nothing when "
                    "-depth is in effect.  If you want to carry on anyway, just explicitly use the "
                    "-depth option.");
        return bi_done(cmd, 1);
    }
    if (!F->has_action) {
        fnode *p = fd__node(F, F_PRINT);
        if (expr) {
            fnode *a = fd__node(F, F_AND);
            a->l = expr;
            a->r = p;
            expr = a;
        } else {
            expr = p;
        }
    }
    F->expr = expr;
    if (npaths == 0) {
        fd__visit(F, ".", cmd->cwd, ".", 0, ".", F->follow != 'P', NULL);
    } else {
        for (int k = 0; k < npaths && !F->quit; k++) {
            const char *p = cmd->argv[first_path + k];
            if (!*p) {
                bi_err(cmd, "%s: No such file or directory", fs_lq(cmd, ""));
                F->status = 1;
                continue;
            }
            char *abs = bi_path(cmd, p);
            fd__visit(F, p, abs, fd__base(cmd, p), 0, p, F->follow != 'P', NULL);
        }
    }
    for (int k = 0; k < F->nexecs; k++)
        fd__flush_exec(F, F->execs[k]);
    for (int k = 0; k < F->nouts; k++)
        stream_unref(F->outs[k]);
    return bi_done(cmd, bi_cancelled(cmd) ? 130 : F->status);
}
