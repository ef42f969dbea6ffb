/*
 * test and [: bash's test builtin. Unary file operators -a -b -c -d -e -f -g
 * -h -L -k -p -r -s -S -t -u -w -x -G -N -O, string operators -z -n = == !=
 * < >, integer operators -eq -ne -lt -le -gt -ge, files -nt -ot -ef, shell
 * -v VAR and -o OPTION (read from $SHELLOPTS), -R VAR; ! ( ) -a -o with
 * POSIX's rules for up to four arguments and bash's precedence parser
 * beyond. Status 0 true, 1 false, 2 on a syntax error ("test: too many
 * arguments", "[: missing `]'"). Reference: bash 5.2 test.c.
 * -R asks the shell (ops->info "nameref NAME"). Deviation: string order
 * uses bytes (as the C/UTF-8 locale).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins/lib/bi.h"

VB_BUILTIN("[", bi_test, BI_SHELL)
VB_BUILTIN("test", bi_test, BI_SHELL)
int bi_test(vb_cmd *cmd);

typedef struct ts_state {
    vb_cmd *cmd;
    char **argv;
    int argc, pos;
    bool error;       /* a syntax error was reported: status 2 */
} ts_state;

static int ts__syntax(ts_state *t, const char *fmt, const char *arg)
{
    if (!t->error) {
        if (arg)
            bi_err(t->cmd, fmt, arg);
        else
            bi_err(t->cmd, "%s", fmt);
    }
    t->error = true;
    return 0;
}

static void ts__beyond(ts_state *t)
{
    ts__syntax(t, "argument expected", NULL);
}

static void ts__advance(ts_state *t, bool need)
{
    t->pos++;
    if (need && t->pos >= t->argc)
        ts__beyond(t);
}

/* bash's legal_number: blanks, sign, digits, blanks. */
static bool ts__number(const char *s, intmax_t *out)
{
    char *end;
    errno = 0;
    intmax_t v = strtoimax(s, &end, 10);
    if (errno == ERANGE || end == s)
        return false;
    while (*end == ' ' || *end == '\t' || *end == '\n')
        end++;
    if (*end)
        return false;
    /* strtoimax also took "0x" as 0 followed by x: rejected above by *end. */
    *out = v;
    return true;
}

static bool ts__is_unop(const char *s)
{
    return s[0] == '-' && s[1] && !s[2] && strchr("abcdefghkLprsStuwxGNOzovnR", s[1]);
}

static bool ts__is_binop(const char *s)
{
    static const char *const ops[] = {"=", "==", "!=", "<", ">", "-nt", "-ot", "-ef",
                                      "-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL};
    for (int i = 0; ops[i]; i++)
        if (!strcmp(s, ops[i]))
            return true;
    return false;
}

static bool ts__optset(ts_state *t, const char *name)
{
    const char *opts = bi_getvar(t->cmd, "SHELLOPTS");
    if (!opts)
        return false;
    size_t n = strlen(name);
    for (const char *p = opts; *p;) {
        const char *c = strchr(p, ':');
        size_t len = c ? (size_t)(c - p) : strlen(p);
        if (len == n && !memcmp(p, name, n))
            return true;
        if (!c)
            break;
        p = c + 1;
    }
    return false;
}

static int ts__stat(ts_state *t, const char *path, vfs_stat_t *st, bool follow)
{
    if (!*path)
        return -ENOENT;
    char *abs = bi_path(t->cmd, path);
    if (!abs)
        return -ENOMEM;
    int rc = follow ? vfs_stat(t->cmd->vfs, abs, st) : vfs_lstat(t->cmd->vfs, abs, st);
    mem_free(t->cmd->heap, abs);
    return rc;
}

static bool ts__access(ts_state *t, const char *path, int mode)
{
    if (!*path)
        return false;
    char *abs = bi_path(t->cmd, path);
    if (!abs)
        return false;
    int rc = vfs_access(t->cmd->vfs, abs, mode);
    mem_free(t->cmd->heap, abs);
    return rc == 0;
}

static bool ts__unary_test(ts_state *t, char op, const char *arg)
{
    vfs_stat_t st;
    switch (op) {
    case 'z': return arg[0] == '\0';
    case 'n': return arg[0] != '\0';
    case 'v': return bi_getvar(t->cmd, arg) != NULL;
    case 'o': return ts__optset(t, arg);
    case 'R': {
        /* the shell knows name references: ask it */
        if (!t->cmd->ops || !t->cmd->ops->info)
            return false;
        char *key = mem_alloc(t->cmd->heap, strlen(arg) + 9);
        if (!key)
            return false;
        memcpy(key, "nameref ", 8);
        strcpy(key + 8, arg);
        bool r = t->cmd->ops->info(t->cmd->shell, key) != NULL;
        mem_free(t->cmd->heap, key);
        return r;
    }
    case 't': {
        intmax_t fd;
        if (!ts__number(arg, &fd) || fd < 0 || fd > INT32_MAX || !t->cmd->ops || !t->cmd->ops->fd)
            return false;
        stream *s = t->cmd->ops->fd(t->cmd->shell, (int)fd);
        return s && (s->flags & STREAM_TTY);
    }
    case 'r': return ts__access(t, arg, R_OK);
    case 'w': return ts__access(t, arg, W_OK);
    case 'x': return ts__access(t, arg, X_OK);
    case 'h': case 'L':
        return ts__stat(t, arg, &st, false) == 0 && S_ISLNK(st.mode);
    default:
        break;
    }
    if (ts__stat(t, arg, &st, true) != 0)
        return false;
    switch (op) {
    case 'a': case 'e': return true;
    case 'b': return S_ISBLK(st.mode);
    case 'c': return S_ISCHR(st.mode);
    case 'd': return S_ISDIR(st.mode);
    case 'f': return S_ISREG(st.mode);
    case 'g': return (st.mode & S_ISGID) != 0;
    case 'k': return (st.mode & S_ISVTX) != 0;
    case 'p': return S_ISFIFO(st.mode);
    case 's': return st.size > 0;
    case 'S': return S_ISSOCK(st.mode);
    case 'u': return (st.mode & S_ISUID) != 0;
    case 'G': return st.gid == vfs_gid(t->cmd->vfs);
    case 'O': return st.uid == vfs_uid(t->cmd->vfs);
    case 'N':
        return st.mtime.tv_sec > st.atime.tv_sec ||
               (st.mtime.tv_sec == st.atime.tv_sec && st.mtime.tv_nsec > st.atime.tv_nsec);
    default: return false;
    }
}

static int ts__tscmp(const struct timespec *a, const struct timespec *b)
{
    if (a->tv_sec != b->tv_sec)
        return a->tv_sec < b->tv_sec ? -1 : 1;
    if (a->tv_nsec != b->tv_nsec)
        return a->tv_nsec < b->tv_nsec ? -1 : 1;
    return 0;
}

static bool ts__binary_test(ts_state *t, const char *op, const char *l, const char *r)
{
    if (!strcmp(op, "=") || !strcmp(op, "=="))
        return strcmp(l, r) == 0;
    if (!strcmp(op, "!="))
        return strcmp(l, r) != 0;
    if (!strcmp(op, "<"))
        return strcmp(l, r) < 0;
    if (!strcmp(op, ">"))
        return strcmp(l, r) > 0;
    if (!strcmp(op, "-nt") || !strcmp(op, "-ot") || !strcmp(op, "-ef")) {
        vfs_stat_t a, b;
        bool ha = ts__stat(t, l, &a, true) == 0, hb = ts__stat(t, r, &b, true) == 0;
        if (op[1] == 'n')
            return ha && (!hb || ts__tscmp(&a.mtime, &b.mtime) > 0);
        if (op[1] == 'o')
            return hb && (!ha || ts__tscmp(&a.mtime, &b.mtime) < 0);
        return ha && hb && a.dev == b.dev && a.ino == b.ino;
    }
    intmax_t x, y;
    if (!ts__number(l, &x)) {
        ts__syntax(t, "%s: integer expression expected", l);
        return false;
    }
    if (!ts__number(r, &y)) {
        ts__syntax(t, "%s: integer expression expected", r);
        return false;
    }
    if (!strcmp(op, "-eq")) return x == y;
    if (!strcmp(op, "-ne")) return x != y;
    if (!strcmp(op, "-lt")) return x < y;
    if (!strcmp(op, "-le")) return x <= y;
    if (!strcmp(op, "-gt")) return x > y;
    return x >= y;
}

static bool ts__expr(ts_state *t);

static bool ts__binary_operator(ts_state *t)
{
    const char *w = t->argv[t->pos + 1];
    if (!ts__is_binop(w)) {
        ts__syntax(t, "%s: binary operator expected", w);
        return false;
    }
    bool v = ts__binary_test(t, w, t->argv[t->pos], t->argv[t->pos + 2]);
    t->pos += 3;
    return v;
}

static bool ts__unary_operator(ts_state *t)
{
    const char *op = t->argv[t->pos];
    if (!ts__is_unop(op))
        return false;
    if (op[1] == 't') {
        ts__advance(t, false);
        if (t->pos < t->argc) {
            intmax_t n;
            if (ts__number(t->argv[t->pos], &n)) {
                ts__advance(t, false);
                return ts__unary_test(t, 't', t->argv[t->pos - 1]);
            }
            return false;
        }
        return ts__unary_test(t, 't', "1");
    }
    if (t->pos + 1 >= t->argc) {
        ts__beyond(t);
        return false;
    }
    t->pos += 2;
    return ts__unary_test(t, op[1], t->argv[t->pos - 1]);
}

static bool ts__term(ts_state *t)
{
    if (t->error)
        return false;
    if (t->pos >= t->argc) {
        ts__beyond(t);
        return false;
    }
    const char *a = t->argv[t->pos];
    if (!strcmp(a, "!")) {
        bool neg = false;
        while (t->pos < t->argc && !strcmp(t->argv[t->pos], "!")) {
            ts__advance(t, true);
            neg = !neg;
        }
        if (t->error)
            return false;
        bool v = ts__term(t);
        return neg ? !v : v;
    }
    if (!strcmp(a, "(")) {
        ts__advance(t, true);
        if (t->error)
            return false;
        bool v = ts__expr(t);
        if (t->error)
            return false;
        if (t->pos >= t->argc && t->pos < t->cmd->argc)
            ts__syntax(t, "`)' expected, found %s", t->cmd->argv[t->pos]);   /* "]" of [ */
        else if (t->pos >= t->argc)
            ts__syntax(t, "`)' expected", NULL);
        else if (strcmp(t->argv[t->pos], ")"))
            ts__syntax(t, "`)' expected, found %s", t->argv[t->pos]);
        ts__advance(t, false);
        return v;
    }
    if (t->pos + 3 <= t->argc && ts__is_binop(t->argv[t->pos + 1]))
        return ts__binary_operator(t);
    if (a[0] == '-' && a[1] && !a[2]) {
        if (!ts__is_unop(a)) {
            ts__syntax(t, "%s: unary operator expected", a);
            return false;
        }
        return ts__unary_operator(t);
    }
    ts__advance(t, false);
    return a[0] != '\0';
}

static bool ts__and(ts_state *t)
{
    bool v = ts__term(t);
    if (!t->error && t->pos < t->argc && !strcmp(t->argv[t->pos], "-a")) {
        ts__advance(t, false);
        bool v2 = ts__and(t);
        return v && v2;
    }
    return v;
}

static bool ts__or(ts_state *t)
{
    bool v = ts__and(t);
    if (!t->error && t->pos < t->argc && !strcmp(t->argv[t->pos], "-o")) {
        ts__advance(t, false);
        bool v2 = ts__or(t);
        return v || v2;
    }
    return v;
}

static bool ts__expr(ts_state *t)
{
    if (t->pos >= t->argc) {
        ts__beyond(t);
        return false;
    }
    return ts__or(t);
}

static bool ts__two(ts_state *t)
{
    const char *a = t->argv[t->pos];
    if (!strcmp(a, "!"))
        return t->argv[t->pos + 1][0] == '\0';
    if (a[0] == '-' && a[1] && !a[2] && ts__is_unop(a))
        return ts__unary_operator(t);
    ts__syntax(t, "%s: unary operator expected", a);
    return false;
}

static bool ts__three(ts_state *t)
{
    const char *a = t->argv[t->pos], *b = t->argv[t->pos + 1], *c = t->argv[t->pos + 2];
    bool v = false;
    if (ts__is_binop(b)) {
        v = ts__binary_operator(t);
    } else if (!strcmp(b, "-a") || !strcmp(b, "-o")) {
        v = b[1] == 'a' ? (a[0] && c[0]) : (a[0] || c[0]);
    } else if (!strcmp(a, "!")) {
        ts__advance(t, true);
        v = !ts__two(t);
    } else if (!strcmp(a, "(") && !strcmp(c, ")")) {
        v = b[0] != '\0';
    } else {
        ts__syntax(t, "%s: binary operator expected", b);
    }
    t->pos = t->argc;
    return v;
}

static bool ts__posix(ts_state *t)
{
    bool v;
    switch (t->argc - 1) {
    case 0:
        t->pos = t->argc;
        return false;
    case 1:
        t->pos = t->argc;
        return t->argv[1][0] != '\0';
    case 2:
        v = ts__two(t);
        t->pos = t->argc;
        return v;
    case 3:
        return ts__three(t);
    case 4:
        if (!strcmp(t->argv[t->pos], "!")) {
            ts__advance(t, true);
            v = !ts__three(t);
            t->pos = t->argc;
            return v;
        }
        if (!strcmp(t->argv[t->pos], "(") && !strcmp(t->argv[t->argc - 1], ")")) {
            ts__advance(t, true);
            t->argc--;
            v = ts__two(t);
            t->argc++;
            t->pos = t->argc;
            return v;
        }
        /* fall through */
    default:
        return ts__expr(t);
    }
}

int bi_test(vb_cmd *cmd)
{
    ts_state t = {.cmd = cmd, .argv = cmd->argv, .argc = cmd->argc, .pos = 1};
    if (!strcmp(cmd->argv[0], "[")) {
        if (cmd->argc < 2 || strcmp(cmd->argv[cmd->argc - 1], "]")) {
            bi_err(cmd, "missing `]'");
            return 2;
        }
        t.argc--;
    }
    bool v = ts__posix(&t);
    if (!t.error && t.pos < t.argc) {
        if (t.argv[t.pos][0] == '-')
            ts__syntax(&t, "syntax error: `%s' unexpected", t.argv[t.pos]);
        else
            ts__syntax(&t, "too many arguments", NULL);
    }
    if (t.error)
        return 2;
    return v ? 0 : 1;
}
