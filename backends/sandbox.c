/*
 * The sandbox facade: one handle over any backend's ops table, argument
 * checks, per-call error text, and the generic edit_file, glob and grep that
 * backends get for free when they provide read_file, write_file, list_dir
 * and stat.
 *
 * Buffers handed to callers come from the process-wide allocator
 * (mem_shared_*), never from a session heap: a caller may keep them after the
 * sandbox is gone.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <fnmatch.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backends/backends_int.h"
#include "core/mem.h"
#include "vbash/sandbox.h"

struct vb_sandbox {
    const vb_sandbox_ops *ops;   /* borrowed */
    void *state;                 /* the backend's */
    char *cwd;                   /* owned; absolute, normalised */
    char err[1024];              /* last error text */
};


#define SB_DEFAULT_GLOB_LIMIT 10000
#define SB_DEFAULT_GREP_LIMIT 1000
#define SB_BINARY_PROBE 8192
#define SB_GREP_MATCH_LIMIT 10000000u

/* ------------------------------------------------------------ helpers */

void *vb_sandbox_alloc(size_t n) { return mem_shared_alloc(n ? n : 1); }
void *vb_sandbox_realloc(void *p, size_t n) { return mem_shared_realloc(p, n ? n : 1); }
void vb_sandbox_dealloc(void *p) { mem_shared_free(p); }

static char *sb__strndup(const char *s, size_t n)
{
    char *d = vb_sandbox_alloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *sb__strdup(const char *s) { return sb__strndup(s, strlen(s)); }

int vb_sandbox_set_error(vb_sandbox *sb, int rc, const char *fmt, ...)
{
    if (!sb)
        return rc;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sb->err, sizeof sb->err, fmt, ap);
    va_end(ap);
    return rc;
}

static void sb__clear_error(vb_sandbox *sb) { sb->err[0] = '\0'; }

const char *vb_sandbox_error(const vb_sandbox *sb) { return sb ? sb->err : "invalid sandbox"; }

const char *vb_sandbox_cwd(const vb_sandbox *sb) { return sb->cwd; }

const char *vb_sandbox_backend_name(const vb_sandbox *sb)
{
    return sb && sb->ops && sb->ops->name ? sb->ops->name : "unknown";
}

/* True when the ops table built by a backend has the entry at `off`. */
#define SB_HAS(ops, field) \
    ((ops)->size >= offsetof(vb_sandbox_ops, field) + sizeof((ops)->field) && (ops)->field)

char *vb_sandbox_abspath(vb_sandbox *sb, const char *cwd, const char *path)
{
    if (!path || !*path) {
        vb_sandbox_set_error(sb, VB_EINVAL, "empty path");
        return NULL;
    }
    if (!cwd)
        cwd = sb && sb->cwd ? sb->cwd : "/";
    size_t plen = strlen(path), clen = path[0] == '/' ? 0 : strlen(cwd);
    char *joined = vb_sandbox_alloc(clen + plen + 3);
    char *out = vb_sandbox_alloc(clen + plen + 3);
    if (!joined || !out) {
        vb_sandbox_dealloc(joined);
        vb_sandbox_dealloc(out);
        vb_sandbox_set_error(sb, VB_ENOMEM, "out of memory");
        return NULL;
    }
    size_t j = 0;
    if (clen) {
        memcpy(joined, cwd, clen);
        j = clen;
        joined[j++] = '/';
    }
    memcpy(joined + j, path, plen);
    joined[j + plen] = '\0';

    /* Normalise: components, "." dropped, ".." pops (never above "/"). */
    size_t o = 0;
    out[o++] = '/';
    const char *p = joined;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t n = (size_t)(e - p);
        if (n == 1 && p[0] == '.') {
            /* nothing */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (o > 1) {
                o--;                       /* the '/' after the last component */
                while (o > 1 && out[o - 1] != '/')
                    o--;
            }
        } else {
            memcpy(out + o, p, n);
            o += n;
            out[o++] = '/';
        }
        p = e;
    }
    if (o > 1)
        o--;                               /* trailing '/' */
    out[o] = '\0';
    vb_sandbox_dealloc(joined);
    return out;
}

/* ------------------------------------------------------------ lifecycle */

void vb_sandbox_opts_init(vb_sandbox_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
}

void vb_sandbox_exec_opts_init(vb_sandbox_exec_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
}

void vb_sandbox_glob_opts_init(vb_sandbox_glob_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
}

void vb_sandbox_grep_opts_init(vb_sandbox_grep_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
    opts->case_sensitive = 1;
}

vb_status vb_sandbox_new_ops(const vb_sandbox_ops *ops, const vb_sandbox_opts *opts,
                             vb_sandbox **out)
{
    if (!out)
        return VB_EINVAL;
    *out = NULL;
    if (!ops || ops->size < offsetof(vb_sandbox_ops, edit_file) || !ops->init ||
        !ops->read_file || !ops->write_file)
        return VB_EINVAL;
    vb_sandbox_opts defaults;
    vb_sandbox_opts_init(&defaults);
    if (opts && opts->size < sizeof(size_t))
        return VB_EINVAL;
    if (opts) {
        /* Copy what the caller's (possibly older, smaller) struct holds. */
        size_t n = opts->size < sizeof defaults ? opts->size : sizeof defaults;
        memcpy(&defaults, opts, n);
        defaults.size = sizeof defaults;
    }
    vb_sandbox *sb = mem_shared_calloc(1, sizeof *sb);
    if (!sb)
        return VB_ENOMEM;
    sb->ops = ops;
    const char *cwd = defaults.cwd;
    if (!cwd && ops == &vb__sandbox_virtual_ops)
        cwd = defaults.config && defaults.config->cwd ? defaults.config->cwd : "/home/user";
    if (!cwd)
        cwd = "/";
    sb->cwd = vb_sandbox_abspath(sb, "/", cwd);
    if (!sb->cwd) {
        mem_shared_free(sb);
        return VB_ENOMEM;
    }
    vb_status rc = ops->init(sb, &defaults, &sb->state);
    if (rc != VB_OK) {
        vb_sandbox_dealloc(sb->cwd);
        mem_shared_free(sb);
        return rc;
    }
    sb__clear_error(sb);
    *out = sb;
    return VB_OK;
}

vb_status vb_sandbox_new(vb_sandbox_kind kind, const vb_sandbox_opts *opts, vb_sandbox **out)
{
    switch (kind) {
    case VB_SANDBOX_VIRTUAL:
        return vb_sandbox_new_ops(&vb__sandbox_virtual_ops, opts, out);
    case VB_SANDBOX_HOST:
        return vb_sandbox_new_ops(&vb__sandbox_host_ops, opts, out);
    }
    if (out)
        *out = NULL;
    return VB_EINVAL;
}

void vb_sandbox_free(vb_sandbox *sb)
{
    if (!sb)
        return;
    if (SB_HAS(sb->ops, shutdown))
        sb->ops->shutdown(sb->state);
    vb_sandbox_dealloc(sb->cwd);
    mem_shared_free(sb);
}

/* ------------------------------------------------------------ frees */

void vb_sandbox_bytes_free(vb_bytes *b)
{
    if (!b)
        return;
    vb_sandbox_dealloc(b->data);
    b->data = NULL;
    b->len = 0;
}

void vb_sandbox_exec_result_free(vb_sandbox_exec_result *r)
{
    if (!r)
        return;
    vb_sandbox_bytes_free(&r->out);
    vb_sandbox_bytes_free(&r->err);
}

void vb_sandbox_paths_free(vb_sandbox_paths *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        vb_sandbox_dealloc(p->paths[i]);
    vb_sandbox_dealloc(p->paths);
    memset(p, 0, sizeof *p);
}

void vb_sandbox_matches_free(vb_sandbox_matches *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        vb_sandbox_dealloc(m->items[i].path);
        vb_sandbox_dealloc(m->items[i].line);
    }
    vb_sandbox_dealloc(m->items);
    memset(m, 0, sizeof *m);
}

vb_session *vb_sandbox_session(vb_sandbox *sb)
{
    if (!sb || sb->ops != &vb__sandbox_virtual_ops)
        return NULL;
    return *(vb_session **)sb->state; /* virtual.c keeps the session first */
}

/* ------------------------------------------------------------ read / write */

#define SB_CHECK(sb, what)                                    \
    do {                                                      \
        if (!(sb))                                            \
            return VB_EINVAL;                                 \
        sb__clear_error(sb);                                  \
        if (!(what))                                          \
            return vb_sandbox_set_error(sb, VB_EINVAL, "%s: invalid argument", __func__ + 11); \
    } while (0)

vb_status vb_sandbox_read_file(vb_sandbox *sb, const char *path, vb_bytes *out)
{
    if (out)
        *out = (vb_bytes){0};
    SB_CHECK(sb, path && out);
    if (!*path)
        return vb_sandbox_set_error(sb, VB_ENOENT, "read_file: '': No such file or directory");
    return sb->ops->read_file(sb, sb->state, path, out);
}

vb_status vb_sandbox_write_file(vb_sandbox *sb, const char *path, const void *data, size_t len)
{
    SB_CHECK(sb, path && (data || len == 0));
    if (!*path)
        return vb_sandbox_set_error(sb, VB_ENOENT, "write_file: '': No such file or directory");
    return sb->ops->write_file(sb, sb->state, path, data ? data : "", len);
}

static size_t sb__count(const char *hay, size_t hlen, const char *needle, size_t nlen,
                        const char **first)
{
    size_t n = 0;
    const char *p = hay, *end = hay + hlen;
    *first = NULL;
    while ((size_t)(end - p) >= nlen) {
        const char *hit = memmem(p, (size_t)(end - p), needle, nlen);
        if (!hit)
            break;
        if (!n)
            *first = hit;
        n++;
        p = hit + nlen;   /* non-overlapping, as a text editor counts */
    }
    return n;
}

static vb_status sb__edit_generic(vb_sandbox *sb, const char *path, const char *old_text,
                                  size_t old_len, const char *new_text, size_t new_len,
                                  size_t *occurrences, vb_bytes *content)
{
    vb_bytes cur = {0};
    vb_status rc = sb->ops->read_file(sb, sb->state, path, &cur);
    if (rc != VB_OK) {
        /* Keep the backend's text but say which primitive failed. */
        char tmp[sizeof sb->err];
        snprintf(tmp, sizeof tmp, "%s", sb->err);
        if (strncmp(tmp, "read_file: ", 11) == 0)
            vb_sandbox_set_error(sb, rc, "edit_file: %s", tmp + 11);
        return rc;
    }
    const char *first;
    size_t n = sb__count(cur.data, cur.len, old_text, old_len, &first);
    if (occurrences)
        *occurrences = n;
    if (n != 1) {
        vb_sandbox_bytes_free(&cur);
        if (n == 0)
            return vb_sandbox_set_error(sb, VB_EINVAL,
                                        "edit_file: %s: text to replace not found (0 occurrences)",
                                        path);
        return vb_sandbox_set_error(sb, VB_EINVAL,
                                    "edit_file: %s: found %zu occurrences of the text to "
                                    "replace, expected exactly 1",
                                    path, n);
    }
    size_t pre = (size_t)(first - cur.data);
    size_t nlen = cur.len - old_len + new_len;
    char *buf = vb_sandbox_alloc(nlen + 1);
    if (!buf) {
        vb_sandbox_bytes_free(&cur);
        return vb_sandbox_set_error(sb, VB_ENOMEM, "edit_file: out of memory");
    }
    memcpy(buf, cur.data, pre);
    memcpy(buf + pre, new_text, new_len);
    memcpy(buf + pre + new_len, first + old_len, cur.len - pre - old_len);
    buf[nlen] = '\0';
    vb_sandbox_bytes_free(&cur);
    rc = sb->ops->write_file(sb, sb->state, path, buf, nlen);
    if (rc != VB_OK) {
        vb_sandbox_dealloc(buf);
        return rc;
    }
    if (content) {
        content->data = buf;
        content->len = nlen;
    } else {
        vb_sandbox_dealloc(buf);
    }
    return VB_OK;
}

vb_status vb_sandbox_edit_file(vb_sandbox *sb, const char *path, const char *old_text,
                               size_t old_len, const char *new_text, size_t new_len,
                               size_t *occurrences, vb_bytes *content)
{
    if (occurrences)
        *occurrences = 0;
    if (content)
        *content = (vb_bytes){0};
    SB_CHECK(sb, path && old_text && (new_text || new_len == 0));
    if (old_len == 0)
        return vb_sandbox_set_error(sb, VB_EINVAL, "edit_file: the text to replace is empty");
    if (!new_text)
        new_text = "";
    if (SB_HAS(sb->ops, edit_file))
        return sb->ops->edit_file(sb, sb->state, path, old_text, old_len, new_text, new_len,
                                  occurrences, content);
    return sb__edit_generic(sb, path, old_text, old_len, new_text, new_len, occurrences,
                            content);
}

/* ------------------------------------------------------------ exec */

vb_status vb_sandbox_exec(vb_sandbox *sb, const char *cmd, const vb_sandbox_exec_opts *opts,
                          vb_sandbox_exec_result *result)
{
    if (result)
        memset(result, 0, sizeof *result);
    SB_CHECK(sb, cmd && result);
    vb_sandbox_exec_opts o;
    vb_sandbox_exec_opts_init(&o);
    if (opts) {
        size_t n = opts->size < sizeof o ? opts->size : sizeof o;
        memcpy(&o, opts, n);
        o.size = sizeof o;
    }
    if (!SB_HAS(sb->ops, exec))
        return vb_sandbox_set_error(sb, VB_ENOTSUP, "exec: not supported by the %s backend",
                                    vb_sandbox_backend_name(sb));
    return sb->ops->exec(sb, sb->state, cmd, &o, result);
}

/* ------------------------------------------------------------ mount */

vb_status vb_sandbox_mount(vb_sandbox *sb, const char *host_path, const char *sandbox_path,
                           vb_mount_mode mode)
{
    SB_CHECK(sb, host_path && sandbox_path);
    if (mode != VB_MOUNT_RO && mode != VB_MOUNT_RW && mode != VB_MOUNT_OVERLAY)
        return vb_sandbox_set_error(sb, VB_EINVAL, "mount: invalid mode %d", (int)mode);
    if (!SB_HAS(sb->ops, mount))
        return vb_sandbox_set_error(sb, VB_ENOTSUP, "mount: not supported by the %s backend",
                                    vb_sandbox_backend_name(sb));
    return sb->ops->mount(sb, sb->state, host_path, sandbox_path, mode);
}

/* ------------------------------------------------------------ lists */

typedef struct sb_strv {
    char **v;
    size_t n, cap;
} sb_strv;

static int sb__strv_push(sb_strv *s, char *str)
{
    if (!str)
        return VB_ENOMEM;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 16;
        char **nv = vb_sandbox_realloc(s->v, nc * sizeof *nv);
        if (!nv) {
            vb_sandbox_dealloc(str);
            return VB_ENOMEM;
        }
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n++] = str;
    return VB_OK;
}

static void sb__strv_free(sb_strv *s)
{
    for (size_t i = 0; i < s->n; i++)
        vb_sandbox_dealloc(s->v[i]);
    vb_sandbox_dealloc(s->v);
    memset(s, 0, sizeof *s);
}

static int sb__strcmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct sb_ent {
    char *name;
    vb_sandbox_ftype type;
} sb_ent;

typedef struct sb_ents {
    sb_ent *v;
    size_t n, cap;
} sb_ents;

static int sb__ents_add(void *ctx, const char *name, vb_sandbox_ftype type)
{
    sb_ents *e = ctx;
    if (e->n == e->cap) {
        size_t nc = e->cap ? e->cap * 2 : 32;
        sb_ent *nv = vb_sandbox_realloc(e->v, nc * sizeof *nv);
        if (!nv)
            return VB_ENOMEM;
        e->v = nv;
        e->cap = nc;
    }
    char *d = sb__strdup(name);
    if (!d)
        return VB_ENOMEM;
    e->v[e->n].name = d;
    e->v[e->n].type = type;
    e->n++;
    return 0;
}

static void sb__ents_free(sb_ents *e)
{
    for (size_t i = 0; i < e->n; i++)
        vb_sandbox_dealloc(e->v[i].name);
    vb_sandbox_dealloc(e->v);
    memset(e, 0, sizeof *e);
}

static int sb__entcmp(const void *a, const void *b)
{
    return strcmp(((const sb_ent *)a)->name, ((const sb_ent *)b)->name);
}

/* Lists dir into e, sorted by name. */
static vb_status sb__list(vb_sandbox *sb, const char *dir, sb_ents *e)
{
    memset(e, 0, sizeof *e);
    vb_status rc = sb->ops->list_dir(sb, sb->state, dir, sb__ents_add, e);
    if (rc != VB_OK) {
        sb__ents_free(e);
        return rc;
    }
    if (e->n > 1)
        qsort(e->v, e->n, sizeof *e->v, sb__entcmp);
    return VB_OK;
}

static char *sb__join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    bool slash = dl && dir[dl - 1] != '/';
    char *p = vb_sandbox_alloc(dl + nl + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (slash)
        p[dl++] = '/';
    memcpy(p + dl, name, nl + 1);
    return p;
}

/* ------------------------------------------------------------ glob */

typedef struct sb_glob {
    vb_sandbox *sb;
    char **comps;            /* pattern components */
    size_t ncomps;
    sb_strv hits;            /* absolute paths */
    size_t limit;
    bool truncated;
    int err;                 /* VB_ENOMEM and the like stop the walk */
} sb_glob;

static bool sb__has_meta(const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            continue;
        }
        if (*s == '*' || *s == '?' || *s == '[')
            return true;
    }
    return false;
}

/* Removes backslash escapes of a literal component (in place). */
static void sb__unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1])
            s++;
        *o++ = *s;
    }
    *o = '\0';
}

static bool sb__glob_full(sb_glob *g)
{
    if (g->hits.n >= g->limit) {
        g->truncated = true;
        return true;
    }
    return false;
}

static void sb__glob_add(sb_glob *g, const char *path)
{
    if (g->err || sb__glob_full(g))
        return;
    int rc = sb__strv_push(&g->hits, sb__strdup(path));
    if (rc)
        g->err = rc;
}

static void sb__glob_walk(sb_glob *g, const char *dir, size_t i);

/* `**` at component i: zero directories, then every subdirectory. */
static void sb__glob_star2(sb_glob *g, const char *dir, size_t i)
{
    if (g->err || sb__glob_full(g))
        return;
    bool last = i + 1 == g->ncomps;
    if (!last)
        sb__glob_walk(g, dir, i + 1);
    sb_ents e;
    if (sb__list(g->sb, dir, &e) != VB_OK)
        return;
    for (size_t k = 0; k < e.n && !g->err; k++) {
        if (e.v[k].name[0] == '.')
            continue;
        char *p = sb__join(dir, e.v[k].name);
        if (!p) {
            g->err = VB_ENOMEM;
            break;
        }
        if (last)
            sb__glob_add(g, p);
        /* Symlinked directories are not followed: no loops. */
        if (e.v[k].type == VB_SANDBOX_FT_DIR)
            sb__glob_star2(g, p, i);
        vb_sandbox_dealloc(p);
    }
    sb__ents_free(&e);
}

static void sb__glob_walk(sb_glob *g, const char *dir, size_t i)
{
    if (g->err || sb__glob_full(g))
        return;
    if (i == g->ncomps) {
        sb__glob_add(g, dir);
        return;
    }
    const char *comp = g->comps[i];
    if (strcmp(comp, "**") == 0) {
        sb__glob_star2(g, dir, i);
        return;
    }
    bool last = i + 1 == g->ncomps;
    if (!sb__has_meta(comp)) {
        char lit[4096];
        snprintf(lit, sizeof lit, "%s", comp);
        sb__unescape(lit);
        char *p = sb__join(dir, lit);
        if (!p) {
            g->err = VB_ENOMEM;
            return;
        }
        vb_sandbox_ftype t;
        if (g->sb->ops->stat(g->sb, g->sb->state, p, &t) == VB_OK)
            sb__glob_walk(g, p, i + 1);
        vb_sandbox_dealloc(p);
        return;
    }
    sb_ents e;
    if (sb__list(g->sb, dir, &e) != VB_OK)
        return;
    for (size_t k = 0; k < e.n && !g->err; k++) {
        if (fnmatch(comp, e.v[k].name, FNM_PERIOD) != 0)
            continue;
        if (!last && e.v[k].type != VB_SANDBOX_FT_DIR && e.v[k].type != VB_SANDBOX_FT_LINK)
            continue;
        char *p = sb__join(dir, e.v[k].name);
        if (!p) {
            g->err = VB_ENOMEM;
            break;
        }
        sb__glob_walk(g, p, i + 1);
        vb_sandbox_dealloc(p);
    }
    sb__ents_free(&e);
}

static vb_status sb__glob_generic(vb_sandbox *sb, const char *pattern,
                                  const vb_sandbox_glob_opts *o, vb_sandbox_paths *out)
{
    if (!SB_HAS(sb->ops, list_dir) || !SB_HAS(sb->ops, stat))
        return vb_sandbox_set_error(sb, VB_ENOTSUP, "glob: not supported by the %s backend",
                                    vb_sandbox_backend_name(sb));
    bool relative = pattern[0] != '/';
    char *base = vb_sandbox_abspath(sb, NULL, o->cwd ? o->cwd : sb->cwd);
    if (!base)
        return VB_ENOMEM;
    /* Split the pattern; "." and ".." of a pattern are taken literally
     * (lexically), as the shell does. */
    sb_glob g = {.sb = sb, .limit = o->limit ? o->limit : SB_DEFAULT_GLOB_LIMIT};
    sb_strv comps = {0};
    const char *p = pattern;
    int rc = VB_OK;
    while (*p && rc == VB_OK) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        rc = sb__strv_push(&comps, sb__strndup(p, (size_t)(e - p)));
        p = e;
    }
    if (rc != VB_OK) {
        sb__strv_free(&comps);
        vb_sandbox_dealloc(base);
        return vb_sandbox_set_error(sb, VB_ENOMEM, "glob: out of memory");
    }
    /* Resolve leading literal "." / ".." against the base lexically. */
    char *start = relative ? sb__strdup(base) : sb__strdup("/");
    size_t first = 0;
    while (first < comps.n && start &&
           (strcmp(comps.v[first], ".") == 0 || strcmp(comps.v[first], "..") == 0)) {
        char *n = vb_sandbox_abspath(sb, start, comps.v[first]);
        vb_sandbox_dealloc(start);
        start = n;
        first++;
    }
    if (!start) {
        sb__strv_free(&comps);
        vb_sandbox_dealloc(base);
        return vb_sandbox_set_error(sb, VB_ENOMEM, "glob: out of memory");
    }
    g.comps = comps.v + first;
    g.ncomps = comps.n - first;
    if (g.ncomps)
        sb__glob_walk(&g, start, 0);
    if (g.err) {
        sb__strv_free(&g.hits);
        sb__strv_free(&comps);
        vb_sandbox_dealloc(base);
        vb_sandbox_dealloc(start);
        return vb_sandbox_set_error(sb, g.err, "glob: %s", vb_strerror(g.err));
    }
    /* Relative patterns give paths relative to the base. */
    size_t blen = strlen(base);
    for (size_t k = 0; relative && k < g.hits.n; k++) {
        char *h = g.hits.v[k];
        const char *rel = NULL;
        if (strcmp(base, "/") == 0)
            rel = h + 1;
        else if (strncmp(h, base, blen) == 0 && (h[blen] == '/' || !h[blen]))
            rel = h[blen] ? h + blen + 1 : ".";
        if (rel && *rel) {
            char *r = sb__strdup(rel);
            if (r) {
                vb_sandbox_dealloc(h);
                g.hits.v[k] = r;
            }
        }
    }
    if (g.hits.n > 1)
        qsort(g.hits.v, g.hits.n, sizeof *g.hits.v, sb__strcmp);
    /* `**` patterns may reach a path twice. */
    size_t w = 0;
    for (size_t k = 0; k < g.hits.n; k++) {
        if (w && strcmp(g.hits.v[w - 1], g.hits.v[k]) == 0)
            vb_sandbox_dealloc(g.hits.v[k]);
        else
            g.hits.v[w++] = g.hits.v[k];
    }
    out->paths = g.hits.v;
    out->n = w;
    out->truncated = g.truncated;
    sb__strv_free(&comps);
    vb_sandbox_dealloc(base);
    vb_sandbox_dealloc(start);
    return VB_OK;
}

vb_status vb_sandbox_glob(vb_sandbox *sb, const char *pattern, const vb_sandbox_glob_opts *opts,
                          vb_sandbox_paths *out)
{
    if (out)
        memset(out, 0, sizeof *out);
    SB_CHECK(sb, pattern && out);
    vb_sandbox_glob_opts o;
    vb_sandbox_glob_opts_init(&o);
    if (opts) {
        size_t n = opts->size < sizeof o ? opts->size : sizeof o;
        memcpy(&o, opts, n);
        o.size = sizeof o;
    }
    if (!*pattern)
        return VB_OK;
    if (SB_HAS(sb->ops, glob))
        return sb->ops->glob(sb, sb->state, pattern, &o, out);
    return sb__glob_generic(sb, pattern, &o, out);
}

/* ------------------------------------------------------------ grep */

typedef struct sb_grep {
    vb_sandbox *sb;
    pcre2_code *re;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    const char *glob;        /* may be NULL */
    bool glob_path;          /* the glob holds a '/': match the relative path */
    const char *root;        /* search root (absolute) */
    vb_sandbox_match *items;
    size_t n, cap, limit;
    bool truncated;
    int err;
} sb_grep;

static int sb__grep_push(sb_grep *g, const char *path, uint64_t lineno, const char *line,
                         size_t len)
{
    if (g->n == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 32;
        vb_sandbox_match *nv = vb_sandbox_realloc(g->items, nc * sizeof *nv);
        if (!nv)
            return VB_ENOMEM;
        g->items = nv;
        g->cap = nc;
    }
    vb_sandbox_match *m = &g->items[g->n];
    m->path = sb__strdup(path);
    m->line = sb__strndup(line, len);
    if (!m->path || !m->line) {
        vb_sandbox_dealloc(m->path);
        vb_sandbox_dealloc(m->line);
        return VB_ENOMEM;
    }
    m->line_number = lineno;
    m->line_len = len;
    g->n++;
    return VB_OK;
}

static void sb__grep_file(sb_grep *g, const char *path, const char *shown)
{
    vb_bytes data = {0};
    if (g->sb->ops->read_file(g->sb, g->sb->state, path, &data) != VB_OK)
        return;   /* unreadable files are skipped, as grep -s */
    size_t probe = data.len < SB_BINARY_PROBE ? data.len : SB_BINARY_PROBE;
    if (memchr(data.data, '\0', probe)) {
        vb_sandbox_bytes_free(&data);
        return;
    }
    const char *p = data.data, *end = data.data + data.len;
    uint64_t lineno = 0;
    while (p < end && !g->err) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        int rc = pcre2_match(g->re, (PCRE2_SPTR)p, (size_t)(le - p), 0, 0, g->md, g->mctx);
        if (rc >= 0) {
            if (g->n >= g->limit) {
                g->truncated = true;
                break;
            }
            g->err = sb__grep_push(g, shown, lineno, p, (size_t)(le - p));
        } else if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
                   rc == PCRE2_ERROR_HEAPLIMIT) {
            g->err = vb_sandbox_set_error(g->sb, VB_ENOSPC,
                                          "grep: %s:%llu: regex backtracking limit reached",
                                          shown, (unsigned long long)lineno);
        }
        p = le + 1;
    }
    vb_sandbox_bytes_free(&data);
}

static bool sb__grep_wanted(sb_grep *g, const char *abs, const char *name)
{
    if (!g->glob)
        return true;
    if (!g->glob_path)
        return fnmatch(g->glob, name, 0) == 0;
    size_t rl = strlen(g->root);
    const char *rel = abs;
    if (strcmp(g->root, "/") == 0)
        rel = abs + 1;
    else if (strncmp(abs, g->root, rl) == 0 && abs[rl] == '/')
        rel = abs + rl + 1;
    return fnmatch(g->glob, rel, 0) == 0;
}

/* shown: the path as reported (relative when the search path was). */
static void sb__grep_dir(sb_grep *g, const char *dir, const char *shown, int depth)
{
    if (depth > 256)
        return;
    sb_ents e;
    if (sb__list(g->sb, dir, &e) != VB_OK)
        return;
    for (size_t k = 0; k < e.n && !g->err && !g->truncated; k++) {
        char *p = sb__join(dir, e.v[k].name);
        char *s = sb__join(shown, e.v[k].name);
        if (!p || !s) {
            vb_sandbox_dealloc(p);
            vb_sandbox_dealloc(s);
            g->err = VB_ENOMEM;
            break;
        }
        if (e.v[k].type == VB_SANDBOX_FT_DIR)
            sb__grep_dir(g, p, s, depth + 1);
        else if (e.v[k].type == VB_SANDBOX_FT_FILE && sb__grep_wanted(g, p, e.v[k].name))
            sb__grep_file(g, p, s);
        vb_sandbox_dealloc(p);
        vb_sandbox_dealloc(s);
    }
    sb__ents_free(&e);
}

static vb_status sb__grep_generic(vb_sandbox *sb, const char *regex,
                                  const vb_sandbox_grep_opts *o, vb_sandbox_matches *out)
{
    if (!SB_HAS(sb->ops, list_dir) || !SB_HAS(sb->ops, stat))
        return vb_sandbox_set_error(sb, VB_ENOTSUP, "grep: not supported by the %s backend",
                                    vb_sandbox_backend_name(sb));
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t flags = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (!o->case_sensitive)
        flags |= PCRE2_CASELESS;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED, flags, &errcode,
                                   &erroff, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        return vb_sandbox_set_error(sb, VB_EINVAL, "grep: invalid regex at offset %zu: %s",
                                    (size_t)erroff, (char *)msg);
    }
    sb_grep g = {.sb = sb, .re = re, .glob = o->glob && *o->glob ? o->glob : NULL,
                 .limit = o->limit ? o->limit : SB_DEFAULT_GREP_LIMIT};
    g.glob_path = g.glob && strchr(g.glob, '/');
    g.md = pcre2_match_data_create_from_pattern(re, NULL);
    g.mctx = pcre2_match_context_create(NULL);
    const char *given = o->path && *o->path ? o->path : ".";
    char *abs = vb_sandbox_abspath(sb, NULL, given);
    vb_status rc = VB_OK;
    if (!g.md || !g.mctx || !abs) {
        rc = vb_sandbox_set_error(sb, VB_ENOMEM, "grep: out of memory");
        goto done;
    }
    pcre2_set_match_limit(g.mctx, SB_GREP_MATCH_LIMIT);
    g.root = abs;
    vb_sandbox_ftype t;
    rc = sb->ops->stat(sb, sb->state, abs, &t);
    if (rc != VB_OK) {
        rc = vb_sandbox_set_error(sb, rc, "grep: %s: %s", given, vb_strerror(rc));
        goto done;
    }
    /* A symlink given by name is followed, as grep -r does for operands. */
    vb_status lrc = VB_ENOTDIR;
    if (t == VB_SANDBOX_FT_DIR || t == VB_SANDBOX_FT_LINK) {
        sb_ents probe;
        lrc = sb__list(sb, abs, &probe);
        if (lrc == VB_OK)
            sb__ents_free(&probe);
    }
    const char *shown = given;
    if (lrc == VB_OK) {
        /* "." reads better as bare names: grep -r pat . prints ./x, we print x. */
        sb__grep_dir(&g, abs, strcmp(given, ".") == 0 ? "" : shown, 0);
    } else {
        sb__grep_file(&g, abs, shown);
    }
    if (g.err) {
        rc = g.err;
        if (!sb->err[0])
            vb_sandbox_set_error(sb, rc, "grep: %s", vb_strerror(rc));
        for (size_t k = 0; k < g.n; k++) {
            vb_sandbox_dealloc(g.items[k].path);
            vb_sandbox_dealloc(g.items[k].line);
        }
        vb_sandbox_dealloc(g.items);
        goto done;
    }
    out->items = g.items;
    out->n = g.n;
    out->truncated = g.truncated;
done:
    vb_sandbox_dealloc(abs);
    pcre2_match_context_free(g.mctx);
    pcre2_match_data_free(g.md);
    pcre2_code_free(re);
    return rc;
}

vb_status vb_sandbox_grep(vb_sandbox *sb, const char *regex, const vb_sandbox_grep_opts *opts,
                          vb_sandbox_matches *out)
{
    if (out)
        memset(out, 0, sizeof *out);
    SB_CHECK(sb, regex && out);
    vb_sandbox_grep_opts o;
    vb_sandbox_grep_opts_init(&o);
    if (opts) {
        size_t n = opts->size < sizeof o ? opts->size : sizeof o;
        memcpy(&o, opts, n);
        o.size = sizeof o;
    }
    if (SB_HAS(sb->ops, grep))
        return sb->ops->grep(sb, sb->state, regex, &o, out);
    return sb__grep_generic(sb, regex, &o, out);
}
