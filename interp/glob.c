/*
 * Pathname expansion against the VFS: one directory level per pattern
 * component, '**' (globstar) for any depth, dotglob / nocaseglob / extglob,
 * GLOBIGNORE, results sorted bytewise (the C.UTF-8 collation).
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "interp/interp.h"

typedef struct gctx {
    ish *sh;
    char **res;
    size_t n, cap;
    int flags;
    bool dotglob, globstar, skipdots;
    uint64_t budget;
    bool over;
} gctx;

static void g_push(gctx *c, const char *s)
{
    ishell *g = c->sh->g;
    if (c->budget && c->n >= c->budget) {
        c->over = true;
        return;
    }
    if (c->n + 1 > c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 16;
        char **nr = mem_realloc(g->heap, c->res, nc * sizeof *nr);
        if (!nr)
            return;
        c->res = nr;
        c->cap = nc;
    }
    c->res[c->n++] = mem_strdup(g->heap, s);
}

static char *g_unescape(ishell *g, const char *p, size_t n)
{
    char *r = mem_alloc(g->heap, n + 1);
    if (!r)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && i + 1 < n)
            i++;
        r[k++] = p[i];
    }
    r[k] = 0;
    return r;
}

/* dir: the VFS path to list ("" means cwd); prefix: text to prepend in results. */
static void g_walk(gctx *c, const char *prefix, const char *pat);

static char *g_join(ishell *g, const char *a, const char *b)
{
    size_t la = strlen(a);
    if (la == 0)
        return mem_strdup(g->heap, b);
    if (a[la - 1] == '/')
        return mem_printf(g->heap, "%s%s", a, b);
    return mem_printf(g->heap, "%s/%s", a, b);
}

static bool g_isdir(gctx *c, const char *path)
{
    char *abs = sh_abspath(c->sh, path[0] ? path : ".");
    vfs_stat_t st;
    bool r = abs && vfs_stat(c->sh->g->vfs, abs, &st) == 0 && S_ISDIR(st.mode);
    mem_free(c->sh->g->heap, abs);
    return r;
}

static bool g_exists(gctx *c, const char *path)
{
    char *abs = sh_abspath(c->sh, path);
    vfs_stat_t st;
    bool r = abs && vfs_lstat(c->sh->g->vfs, abs, &st) == 0;
    mem_free(c->sh->g->heap, abs);
    return r;
}

/* Lists a directory: names (heap) sorted. */
static char **g_list(gctx *c, const char *dir, size_t *count)
{
    ishell *g = c->sh->g;
    *count = 0;
    char *abs = sh_abspath(c->sh, dir[0] ? dir : ".");
    if (!abs)
        return NULL;
    vfs_dir *d = NULL;
    int rc = vfs_opendir(g->vfs, abs, &d);
    mem_free(g->heap, abs);
    if (rc < 0)
        return NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    vfs_dirent e;
    while (vfs_readdir(d, &e) == 1) {
        if (n + 1 > cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = mem_realloc(g->heap, names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n++] = mem_strdup(g->heap, e.name);
    }
    vfs_closedir(d);
    *count = n;
    return names;
}

static void g_free_list(ishell *g, char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mem_free(g->heap, l[i]);
    mem_free(g->heap, l);
}

/* Every entry below dir, depth first in name order. */
static void g_all(gctx *c, const char *dir)
{
    ishell *g = c->sh->g;
    size_t n;
    char **l = g_list(c, dir, &n);
    for (size_t i = 0; i < n && !c->over; i++) {
        if (l[i][0] == '.' && !c->dotglob)
            continue;
        char *p = g_join(g, dir, l[i]);
        if (!p)
            continue;
        g_push(c, p);
        char *abs = sh_abspath(c->sh, p);
        vfs_stat_t st;
        if (abs && vfs_lstat(g->vfs, abs, &st) == 0 && S_ISDIR(st.mode))
            g_all(c, p);
        mem_free(g->heap, abs);
        mem_free(g->heap, p);
    }
    g_free_list(g, l, n);
}

static void g_globstar(gctx *c, const char *dir, const char *rest)
{
    ishell *g = c->sh->g;
    /* zero directories */
    g_walk(c, dir, rest);
    size_t n;
    char **l = g_list(c, dir, &n);
    for (size_t i = 0; i < n && !c->over; i++) {
        if (l[i][0] == '.' && !c->dotglob)
            continue;
        char *p = g_join(g, dir, l[i]);
        if (!p)
            continue;
        char *abs = sh_abspath(c->sh, p);
        vfs_stat_t st;
        bool isdir = abs && vfs_lstat(g->vfs, abs, &st) == 0 && S_ISDIR(st.mode);
        mem_free(g->heap, abs);
        if (isdir)
            g_globstar(c, p, rest);
        mem_free(g->heap, p);
    }
    g_free_list(g, l, n);
}

/* Whether a pattern component starts with an explicit dot, which lets it
 * match names that start with one: ".x", "\\.x", or an extglob group one
 * of whose alternatives does ("@(.*|c)", "+(.)"). */
static bool g_explicit_dot(const char *comp, bool ext)
{
    if (comp[0] == '.' || (comp[0] == '\\' && comp[1] == '.'))
        return true;
    if (!ext || !comp[0] || !strchr("@?*+!", comp[0]) || comp[1] != '(' || comp[0] == '!')
        return false;
    int depth = 0;
    bool start = true;
    for (const char *q = comp + 2; *q; q++) {
        if (start && (q[0] == '.' || (q[0] == '\\' && q[1] == '.')))
            return true;
        start = false;
        if (*q == '\\' && q[1]) {
            q++;
            continue;
        }
        if (*q == '(')
            depth++;
        else if (*q == ')') {
            if (depth-- == 0)
                break;
        } else if (*q == '|' && depth == 0)
            start = true;
    }
    return false;
}

static void g_walk(gctx *c, const char *prefix, const char *pat)
{
    ishell *g = c->sh->g;
    if (c->over)
        return;
    if (!*pat) {
        if (*prefix)
            g_push(c, prefix);
        return;
    }
    const char *slash = pat;
    while (*slash && *slash != '/') {
        if (*slash == '\\' && slash[1])
            slash++;
        slash++;
    }
    size_t clen = (size_t)(slash - pat);
    const char *rest = *slash ? slash + 1 : "";
    bool trailing = *slash == '/';
    if (clen == 0) { /* "//" */
        char *np = mem_printf(g->heap, "%s/", prefix);
        if (np)
            g_walk(c, np, rest);
        mem_free(g->heap, np);
        return;
    }
    char *comp = mem_strndup(g->heap, pat, clen);
    if (!comp)
        return;
    bool ext = (c->flags & PM_EXTGLOB) != 0;
    if (c->globstar && strcmp(comp, "**") == 0) {
        mem_free(g->heap, comp);
        if (!*rest) {
            /* "**" alone: the directory itself, then everything below */
            if (*prefix) {
                char *self = mem_printf(g->heap, "%s/", prefix);
                if (self)
                    g_push(c, self);
                mem_free(g->heap, self);
            }
            g_all(c, prefix);
            return;
        }
        g_globstar(c, prefix, rest);
        return;
    }
    if (!pattern_has_glob(comp, ext)) {
        char *lit = g_unescape(g, comp, clen);
        mem_free(g->heap, comp);
        if (!lit)
            return;
        char *p = g_join(g, prefix, lit);
        mem_free(g->heap, lit);
        if (!p)
            return;
        if (trailing) {
            if (*rest) {
                if (g_isdir(c, p))
                    g_walk(c, p, rest);
            } else if (g_isdir(c, p)) {
                char *q = mem_printf(g->heap, "%s/", p);
                g_push(c, q);
                mem_free(g->heap, q);
            }
        } else if (g_exists(c, p))
            g_push(c, p);
        mem_free(g->heap, p);
        return;
    }
    size_t n;
    char **l = g_list(c, prefix[0] ? prefix : "", &n);
    bool dot = g_explicit_dot(comp, ext);
    /* without globskipdots, . and .. are names too, for a pattern that
     * starts with a dot (dotglob does not make `*` match them) */
    size_t ndots = dot && !c->skipdots ? 2 : 0;
    for (size_t i = 0; i < n + ndots && !c->over; i++) {
        const char *name = i < n ? l[i] : i == n ? "." : "..";
        if (name[0] == '.' && !dot && !c->dotglob)
            continue;
        int fl = c->flags;
        if (dot || c->dotglob)
            fl &= ~PM_PERIOD;
        if (!pattern_match(comp, clen, name, strlen(name), fl))
            continue;
        char *p = g_join(g, prefix, name);
        if (!p)
            continue;
        if (trailing) {
            if (g_isdir(c, p)) {
                if (*rest)
                    g_walk(c, p, rest);
                else {
                    char *q = mem_printf(g->heap, "%s/", p);
                    g_push(c, q);
                    mem_free(g->heap, q);
                }
            }
        } else
            g_push(c, p);
        mem_free(g->heap, p);
    }
    g_free_list(g, l, n);
    mem_free(g->heap, comp);
}

static int g_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* bash turns dotglob on when GLOBIGNORE is given a non-null value, and
 * off when it is unset (a null value changes nothing). The shell sees the
 * value change here, before a glob and before shopt reports, from what it
 * saw last: 0 unset, 1 null, else a hash of the value. */
static uint64_t g_gi_state(const char *gi)
{
    uint64_t h = 0;
    if (gi && !*gi)
        h = 1;
    else if (gi) {
        h = 1469598103934665603ULL;
        for (const char *q = gi; *q; q++)
            h = (h ^ (unsigned char)*q) * 1099511628211ULL;
        h |= 2;
    }
    return h;
}

static void g_gi_apply(ish *sh, uint64_t h)
{
    sh->globignore_seen = h;
    if (h > 1)
        sh->shopts |= SO_DOTGLOB;
    else if (h == 0)
        sh->shopts &= ~SO_DOTGLOB;
}

void glob_sync_globignore(ish *sh)
{
    uint64_t h = g_gi_state(var_get(sh, "GLOBIGNORE"));
    if (h != sh->globignore_seen)
        g_gi_apply(sh, h);
}

/* GLOBIGNORE was assigned (val) or unset (NULL): exact even when the
 * value does not change, for the variable code to call. */
void glob_globignore_changed(ish *sh, const char *val)
{
    g_gi_apply(sh, g_gi_state(val));
}

static bool g_ignored(ish *sh, const char *path)
{
    const char *gi = var_get(sh, "GLOBIGNORE");
    if (!gi || !*gi)
        return false;
    const char *base = path;
    if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
        return true;
    const char *s = gi;
    while (*s) {
        const char *e = strchr(s, ':');
        size_t l = e ? (size_t)(e - s) : strlen(s);
        if (l && pattern_match(s, l, path, strlen(path), PM_PATHNAME))
            return true;
        s += l;
        if (*s == ':')
            s++;
    }
    return false;
}

int glob_expand(ish *sh, const char *pat, char ***out, size_t *n, size_t *cap)
{
    ishell *g = sh->g;
    gctx c = {.sh = sh};
    c.flags = PM_PERIOD;
    if (sh->shopts & SO_EXTGLOB)
        c.flags |= PM_EXTGLOB;
    if (sh->shopts & SO_NOCASEGLOB)
        c.flags |= PM_NOCASE;
    glob_sync_globignore(sh);
    c.dotglob = (sh->shopts & SO_DOTGLOB) != 0;
    c.skipdots = (sh->shopts & SO_GLOBSKIPDOTS) != 0;
    c.globstar = (sh->shopts & SO_GLOBSTAR) != 0;
    c.budget = g->lim.max_expansion;
    if (pat[0] == '/')
        g_walk(&c, "/", pat + 1);
    else
        g_walk(&c, "", pat);
    if (c.over) {
        for (size_t i = 0; i < c.n; i++)
            mem_free(g->heap, c.res[i]);
        mem_free(g->heap, c.res);
        exec_limit(g, VB_LIMIT_EXPANSION, "maximum expansion size exceeded (limit expansion=%llu)",
                   (unsigned long long)g->lim.max_expansion);
        return -1;
    }
    if (c.n > 1)
        qsort(c.res, c.n, sizeof *c.res, g_cmp);
    int count = 0;
    for (size_t i = 0; i < c.n; i++) {
        if (g_ignored(sh, c.res[i])) {
            mem_free(g->heap, c.res[i]);
            continue;
        }
        if (*n + 2 > *cap) {
            size_t nc = *cap ? *cap * 2 : 16;
            char **na = mem_realloc(g->heap, *out, nc * sizeof *na);
            if (!na) {
                mem_free(g->heap, c.res[i]);
                continue;
            }
            *out = na;
            *cap = nc;
        }
        (*out)[(*n)++] = c.res[i];
        (*out)[*n] = NULL;
        count++;
    }
    mem_free(g->heap, c.res);
    return count;
}
