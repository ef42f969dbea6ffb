/*
 * Simple commands: assignments, expansion, xtrace, lookup (functions,
 * builtins, PATH in the VFS: native command stubs and shell scripts), the
 * vb_cmd call into native commands, and the vb_shell_ops they call back.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/interp.h"

/* ------------------------------------------------------------------ helpers */
char *sh_abspath(ish *sh, const char *path)
{
    ishell *g = sh->g;
    if (path[0] == '/')
        return mem_strdup(g->heap, path);
    const char *cwd = sh->cwd ? sh->cwd : "/";
    size_t l = strlen(cwd);
    if (l && cwd[l - 1] == '/')
        return mem_printf(g->heap, "%s%s", cwd, path);
    return mem_printf(g->heap, "%s/%s", cwd, path);
}

const vb_builtin *exec_find_builtin(const char *name)
{
    const vb_builtin *b = vb_builtin_find(name);
    if (b && (b->flags & (BI_SHELL | BI_SPECIAL)))
        return b;
    return NULL;
}

void sh_hash_note(ish *sh, const char *name, const char *path, int hits)
{
    ishell *g = sh->g;
    for (ihash *h = sh->hashed; h; h = h->next)
        if (strcmp(h->name, name) == 0) {
            if (strcmp(h->path, path) != 0) {
                char *np = mem_strdup(g->heap, path);
                if (!np)
                    return;
                mem_free(g->heap, h->path);
                h->path = np;
                h->hits = 0;
            }
            h->hits = hits ? h->hits + hits : 0;
            return;
        }
    ihash *h = mem_calloc(g->heap, 1, sizeof *h);
    if (!h)
        return;
    h->name = mem_strdup(g->heap, name);
    h->path = mem_strdup(g->heap, path);
    if (!h->name || !h->path) {
        mem_free(g->heap, h->name);
        mem_free(g->heap, h->path);
        mem_free(g->heap, h);
        return;
    }
    h->hits = hits;
    h->next = sh->hashed;
    sh->hashed = h;
}

bool sh_hash_forget(ish *sh, const char *name)
{
    for (ihash **pp = &sh->hashed; *pp; pp = &(*pp)->next)
        if (strcmp((*pp)->name, name) == 0) {
            ihash *h = *pp;
            *pp = h->next;
            mem_free(sh->g->heap, h->name);
            mem_free(sh->g->heap, h->path);
            mem_free(sh->g->heap, h);
            return true;
        }
    return false;
}

void sh_hash_clear(ish *sh)
{
    while (sh->hashed)
        sh_hash_forget(sh, sh->hashed->name);
}

const vb_builtin *sh_find_builtin(ish *sh, const char *name)
{
    const vb_builtin *b = exec_find_builtin(name);
    if (b && sh->bi_off && sh->bi_off[b - vb_builtin_table])
        return NULL;
    return b;
}

bool sh_builtin_enabled(ish *sh, const char *name)
{
    return sh_find_builtin(sh, name) != NULL;
}

/* The PATH search; *shown (when not NULL) gets the path as bash builds it
 * from the entry as written ("p/t" for a relative entry, "./t" for an
 * empty one), which a script sees as $0. */
static char *find_path_shown(ish *sh, const char *name, char **shown)
{
    ishell *g = sh->g;
    if (shown)
        *shown = NULL;
    if (strchr(name, '/'))
        return sh_abspath(sh, name);
    const char *path = var_get(sh, "PATH");
    if (!path)
        path = "";
    const char *p = path;
    for (;;) {
        const char *e = strchr(p, ':');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *dir = l ? mem_strndup(g->heap, p, l) : mem_strdup(g->heap, ".");
        char *full = NULL;
        if (dir) {
            char *d = sh_abspath(sh, dir);
            if (d) {
                full = strcmp(d, "/") == 0 ? mem_printf(g->heap, "/%s", name)
                                           : mem_printf(g->heap, "%s/%s", d, name);
                mem_free(g->heap, d);
            }
        }
        if (full) {
            vfs_stat_t st;
            if (vfs_stat(g->vfs, full, &st) == 0 && S_ISREG(st.mode) &&
                vfs_access(g->vfs, full, X_OK) == 0) {
                if (shown) {
                    size_t dl = strlen(dir);
                    *shown = dl && dir[dl - 1] == '/' ? mem_printf(g->heap, "%s%s", dir, name)
                                                      : mem_printf(g->heap, "%s/%s", dir, name);
                }
                mem_free(g->heap, dir);
                return full;
            }
            mem_free(g->heap, full);
        }
        mem_free(g->heap, dir);
        if (!e)
            break;
        p = e + 1;
    }
    return NULL;
}

char *exec_find_path(ish *sh, const char *name)
{
    return find_path_shown(sh, name, NULL);
}

/* ------------------------------------------------------------------ closed fd stream */
static ssize_t closed_read(stream *s, void *b, size_t n) { return VB_EBADF; }
static ssize_t closed_write(stream *s, const void *b, size_t n) { return VB_EBADF; }
static void closed_close(stream *s) {}
static const stream_ops closed_ops = {closed_read, closed_write, NULL, closed_close};

/* ------------------------------------------------------------------ xtrace */
/* A word as set -x shows it (bash's xtrace_print_word_list): single
 * quotes when it holds a shell metacharacter, else $'...' when it holds a
 * control character, else as is when plain. */
char *xtrace_quote(ishell *g, const char *s)
{
    bool meta = false, ctl = false;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (strchr(" \t\n'\"\\|&;()<>!{}*[]?^$`", c) ||
            (c == '~' && (p == s || p[-1] == '=' || p[-1] == ':')) || (c == '#' && p == s))
            meta = true;
        else if (c < 32 || c == 127)
            ctl = true;
    }
    if (ctl && !meta)
        return ansi_c_quote(g, s);
    return shell_quote(g, s, false);
}

/* The length of NAME in a "NAME=(...)" or "NAME+=(...)" argument of a
 * declaration builtin, else 0. */
static size_t xtrace_compound(const char *a)
{
    size_t n = 0;
    if (!(isalpha((unsigned char)a[0]) || a[0] == '_'))
        return 0;
    while (isalnum((unsigned char)a[n]) || a[n] == '_')
        n++;
    size_t e = a[n] == '+' ? n + 1 : n;
    size_t l = strlen(a);
    return a[e] == '=' && a[e + 1] == '(' && l > e + 2 && a[l - 1] == ')' ? n : 0;
}

static void xtrace(ish *sh, char **argv, int argc, ast_assign *as)
{
    ishell *g = sh->g;
    vbuf b;
    vbuf_init(&b, g->heap);
    (void)as;
    /* declare/local/typeset/export/readonly NAME=(...): bash shows each
     * compound assignment first, then the command with the name alone */
    bool decl = argc > 1 && (strcmp(argv[0], "declare") == 0 || strcmp(argv[0], "typeset") == 0 ||
                             strcmp(argv[0], "local") == 0 || strcmp(argv[0], "export") == 0 ||
                             strcmp(argv[0], "readonly") == 0);
    for (int i = 1; decl && i < argc; i++) {
        if (!xtrace_compound(argv[i]))
            continue;
        sh_xtrace_prefix(sh, &b);
        vbuf_adds(&b, argv[i]);
        vbuf_addc(&b, '\n');
    }
    sh_xtrace_prefix(sh, &b);
    for (int i = 0; i < argc; i++) {
        if (i)
            vbuf_addc(&b, ' ');
        size_t cn = decl && i ? xtrace_compound(argv[i]) : 0;
        if (cn) {
            vbuf_add(&b, argv[i], cn);
            continue;
        }
        char *q = xtrace_quote(g, argv[i]);
        if (q && argv[i][0] == 0) {
            vbuf_adds(&b, "''");
        } else if (q)
            vbuf_adds(&b, q);
        mem_free(g->heap, q);
    }
    vbuf_addc(&b, '\n');
    sh_write(sh, 2, b.data, b.len);
    vbuf_free(&b);
}

/* An assignment under set -x as bash shows it: the subscript as written,
 * += kept, the value expanded; a compound array value as written (NULL
 * val: a->array's words joined by one space). */
static void xtrace_assign(ish *sh, const ast_assign *a, const char *val)
{
    ishell *g = sh->g;
    vbuf b;
    vbuf_init(&b, g->heap);
    sh_xtrace_prefix(sh, &b);
    vbuf_adds(&b, a->name);
    if (a->index && a->index->src)
        vbuf_printf(&b, "[%s]", a->index->src);
    vbuf_adds(&b, a->append ? "+=" : "=");
    if (!val) {
        vbuf_addc(&b, '(');
        for (size_t i = 0; i < a->narray; i++)
            vbuf_printf(&b, "%s%s", i ? " " : "", a->array[i] && a->array[i]->src ? a->array[i]->src : "");
        vbuf_adds(&b, ")\n");
        sh_write(sh, 2, b.data, b.len);
        vbuf_free(&b);
        return;
    }
    char *q = xtrace_quote(g, val);
    vbuf_printf(&b, "%s\n", q && val[0] ? q : "");
    mem_free(g->heap, q);
    sh_write(sh, 2, b.data, b.len);
    vbuf_free(&b);
}

/* ------------------------------------------------------------------ assignments */
/* Splits an array element word "[k]=v" into key and value words. */
static bool split_keyed(ishell *g, const ast_word *w, ast_word **kw, ast_word **vw)
{
    if (!w->nparts || w->parts[0].kind != AP_LIT || w->parts[0].len == 0 ||
        w->parts[0].text[0] != '[')
        return false;
    for (size_t i = 0; i < w->nparts; i++) {
        const ast_part *p = &w->parts[i];
        if (p->kind != AP_LIT)
            continue;
        const char *m = NULL;
        for (size_t k = 0; k + 1 < p->len; k++)
            if (p->text[k] == ']' && p->text[k + 1] == '=') {
                m = p->text + k;
                break;
            }
        if (!m)
            continue;
        size_t off = (size_t)(m - p->text);
        ast_word *k = mem_calloc(g->heap, 1, sizeof *k);
        ast_word *v = mem_calloc(g->heap, 1, sizeof *v);
        if (!k || !v)
            return false;
        k->parts = mem_calloc(g->heap, i + 1, sizeof *k->parts);
        v->parts = mem_calloc(g->heap, w->nparts - i + 1, sizeof *v->parts);
        if (!k->parts || !v->parts)
            return false;
        for (size_t j = 0; j < i; j++)
            k->parts[k->nparts++] = w->parts[j];
        ast_part kp = *p;
        kp.len = off;
        k->parts[k->nparts++] = kp;
        /* drop the leading '[' */
        if (k->parts[0].kind == AP_LIT) {
            k->parts[0].text++;
            k->parts[0].len--;
        }
        ast_part vp = *p;
        vp.text = p->text + off + 2;
        vp.len = p->len - off - 2;
        v->parts[v->nparts++] = vp;
        for (size_t j = i + 1; j < w->nparts; j++)
            v->parts[v->nparts++] = w->parts[j];
        *kw = k;
        *vw = v;
        return true;
    }
    return false;
}

static void free_view(ishell *g, ast_word *w)
{
    if (w) {
        mem_free(g->heap, w->parts);
        mem_free(g->heap, w);
    }
}

/* Assigns a compound array value (a b [k]=v) to name. */
int exec_assign_array(ish *sh, const char *name, ast_word **elems, size_t n, bool append,
                      int vflags, bool assoc_hint)
{
    ishell *g = sh->g;
    if (!(vflags & VS_LOCAL))
        name = var_ref_target(sh, name);
    ivar *v = var_lookup(sh, name);
    if (v && (v->attr & VA_READONLY)) {
        sh_error(sh, "%s: readonly variable", name);
        return 1;
    }
    if (!v || (vflags & VS_LOCAL)) {
        v = var_declare(sh, name, (vflags & VS_LOCAL) != 0);
        if (!v)
            return 1;
    }
    bool assoc = (v->attr & VA_ASSOC) || assoc_hint;
    if (!append) {
        var_clear_value(g, v);
    } else if (v->val && !v->arr) {
        v->arr = arr_new(g);
        if (v->arr)
            arr_set_idx(g, v->arr, 0, v->val);
        mem_free(g->heap, v->val);
        v->val = NULL;
    }
    if (!v->arr)
        v->arr = arr_new(g);
    v->attr &= ~VA_UNSET;
    v->attr |= assoc ? VA_ASSOC : VA_ARRAY;
    if (vflags & VS_EXPORT)
        v->attr |= VA_EXPORT;
    int64_t next = append ? arr_max_idx(v->arr) + 1 : 0;
    if (assoc && append)
        next = 0;
    for (size_t i = 0; i < n; i++) {
        ast_word *kw = NULL, *vw = NULL;
        if (split_keyed(g, elems[i], &kw, &vw)) {
            char *k = NULL, *val = NULL;
            int rc = expand_string(sh, kw, EX_NOSPLIT | EX_NOGLOB, &k);
            if (!rc)
                rc = expand_string(sh, vw, EX_NOSPLIT | EX_NOGLOB | EX_ASSIGN, &val);
            free_view(g, kw);
            free_view(g, vw);
            if (rc) {
                mem_free(g->heap, k);
                mem_free(g->heap, val);
                return 1;
            }
            if (assoc)
                var_set_elem(sh, v->name, k, val, VS_NOATTR);
            else {
                int64_t ix = 0;
                if (arith_eval(sh, k, &ix)) {
                    mem_free(g->heap, k);
                    mem_free(g->heap, val);
                    return 1;
                }
                char nb[32];
                snprintf(nb, sizeof nb, "%" PRId64, ix);
                var_set_elem(sh, v->name, nb, val, VS_NOATTR);
                next = ix + 1;
            }
            mem_free(g->heap, k);
            mem_free(g->heap, val);
            continue;
        }
        char **f = NULL;
        int nf = 0;
        if (expand_words(sh, &elems[i], 1, &f, &nf))
            return 1;
        for (int k = 0; k < nf; k++) {
            if (assoc) {
                /* bash 5.2: (k v k v) pairs */
                const char *val = k + 1 < nf ? f[k + 1] : "";
                var_set_elem(sh, v->name, f[k], val, VS_NOATTR);
                k++;
                continue;
            }
            char nb[32];
            snprintf(nb, sizeof nb, "%" PRId64, next++);
            var_set_elem(sh, v->name, nb, f[k], VS_NOATTR);
        }
        argv_free(g, f);
    }
    return 0;
}

/* One assignment word of a simple command. flags: VS_TEMP for `x=1 cmd`. */
static int do_assign(ish *sh, ast_assign *a, int flags)
{
    ishell *g = sh->g;
    if (a->is_array) {
        if (sh->opts & O_XTRACE)
            xtrace_assign(sh, a, NULL);
        return exec_assign_array(sh, a->name, a->array, a->narray, a->append, flags, false);
    }
    char *val = NULL;
    if (a->value) {
        if (expand_string(sh, a->value, EX_NOSPLIT | EX_NOGLOB | EX_ASSIGN, &val))
            return 2;
    } else
        val = mem_strdup(g->heap, "");
    if (!val)
        return 1;
    if (sh->opts & O_XTRACE)
        xtrace_assign(sh, a, val);
    int rc;
    if (a->index) {
        char *k = NULL;
        if (expand_string(sh, a->index, EX_NOSPLIT | EX_NOGLOB, &k)) {
            mem_free(g->heap, val);
            return 1;
        }
        rc = var_set_elem(sh, a->name, k, val, flags | (a->append ? VS_APPEND : 0));
        mem_free(g->heap, k);
    } else
        rc = var_set(sh, a->name, val, flags | (a->append ? VS_APPEND : 0));
    mem_free(g->heap, val);
    return rc;
}

/* ------------------------------------------------------------------ native commands */
static int run_builtin(ish *sh, const vb_builtin *b, char **argv, int argc)
{
    ishell *g = sh->g;
    vb_cmd cmd;
    memset(&cmd, 0, sizeof cmd);
    static stream closed = {&closed_ops, 1 << 30, 0, STREAM_OTHER, NULL};
    size_t cap = 0;
    if (g->lim.max_memory_bytes) {
        size_t used = mem_heap_used(g->heap);
        cap = g->lim.max_memory_bytes > used ? (size_t)(g->lim.max_memory_bytes - used) : 1;
    }
    /* Reuse the last command's heap when it was left empty (most shell
     * builtins allocate nothing there); a fresh one otherwise. */
    if (g->cmd_heap) {
        cmd.heap = g->cmd_heap;
        g->cmd_heap = NULL;
        mem_heap_set_cap(cmd.heap, cap);
    } else
        cmd.heap = mem_heap_new(cap);
    if (!cmd.heap) {
        sh_error(sh, "%s: cannot allocate memory", argv[0]);
        return 1;
    }
    cmd.argc = argc;
    /* the command gets its own copy of the argv array: commands permute it
     * (option parsing) or point entries at their own temporaries, which die
     * with cmd.heap; the shell keeps reading argv afterwards ($_) */
    cmd.argv = mem_alloc(cmd.heap, sizeof(char *) * ((size_t)argc + 1));
    if (!cmd.argv) {
        mem_heap_destroy(cmd.heap);
        sh_error(sh, "%s: cannot allocate memory", argv[0]);
        return 1;
    }
    memcpy(cmd.argv, argv, sizeof(char *) * (size_t)argc);
    cmd.argv[argc] = NULL;
    cmd.self = b;
    cmd.vfs = g->vfs;
    cmd.in = sh_fd(sh, 0) ? sh_fd(sh, 0) : &closed;
    cmd.out = sh_fd(sh, 1) ? sh_fd(sh, 1) : &closed;
    cmd.err = sh_fd(sh, 2) ? sh_fd(sh, 2) : &closed;
    cmd.cwd = sh->cwd;
    cmd.cancel = &g->stop;
    cmd.ops = &interp_shell_ops;
    cmd.shell = sh;
    /* argv belongs to the caller; commands may permute it (option parser) */
    iproc *me = g->cur;
    vb_cmd *outer = me ? me->cmd : NULL;
    if (me)
        me->cmd = &cmd;
    int st = b->fn(&cmd);
    if (me)
        me->cmd = outer;
    if (cmd.obuf.len)
        bi_flush(&cmd);
    if (cmd.obuf.data && mem_heap_used(cmd.heap))
        mem_free(cmd.heap, cmd.obuf.data);
    mem_free(cmd.heap, cmd.argv);
    if (!g->cmd_heap && mem_heap_used(cmd.heap) == 0 && !mem_heap_failed(cmd.heap))
        g->cmd_heap = cmd.heap;
    else
        mem_heap_destroy(cmd.heap);
    if (st < 0 || st > 255)
        st &= 255;
    if (g->cancel && !g->stop) {
        g->stop = 1;
        g->limit_hit = VB_LIMIT_CANCELLED;
    }
    return st;
}

/* Runs a VFS file: native stub, or a shell script in a fresh shell state. */
/* arg0: the script's $0 (the path the command was found at, as execve
 * gets it), NULL: argv[0]. */
static int run_file(ish *sh, const char *path, const char *arg0, char **argv, int argc)
{
    ishell *g = sh->g;
    char *data = NULL;
    size_t len = 0;
    int rc = vfs_read_all(g->vfs, path, g->heap, &data, &len);
    if (rc < 0) {
        sh_error(sh, "%s: %s", argv[0], vb_strerror(rc));
        return 126;
    }
    if (len >= 16 && memcmp(data, "#!vbash builtin ", 16) == 0) {
        char name[256];
        size_t k = 0;
        for (size_t i = 16; i < len && data[i] != '\n' && k < sizeof name - 1; i++)
            name[k++] = data[i];
        name[k] = 0;
        mem_free(g->heap, data);
        const vb_builtin *b = vb_builtin_find(name);
        if (!b) {
            sh_error(sh, "%s: command not found", argv[0]);
            return 127;
        }
        return run_builtin(sh, b, argv, argc);
    }
    bool script = true;
    if (len >= 2 && data[0] == '#' && data[1] == '!') {
        const char *e = memchr(data, '\n', len);
        size_t l = e ? (size_t)(e - data) : len;
        char line[256];
        if (l >= sizeof line)
            l = sizeof line - 1;
        memcpy(line, data + 2, l - 2);
        line[l - 2] = 0;
        char *s = line;
        while (*s == ' ')
            s++;
        script = strncmp(s, "/bin/bash", 9) == 0 || strncmp(s, "/bin/sh", 7) == 0 ||
                 strncmp(s, "/usr/bin/env bash", 17) == 0 || strncmp(s, "/usr/bin/env sh", 15) == 0 ||
                 strncmp(s, "/usr/bin/bash", 13) == 0 || strncmp(s, "/usr/bin/sh", 11) == 0;
    } else {
        for (size_t i = 0; i < len && i < 512; i++)
            if (data[i] == 0)
                script = false;
    }
    if (!script) {
        mem_free(g->heap, data);
        sh_error(sh, "%s: cannot execute binary file: Exec format error", argv[0]);
        return 126;
    }
    int st = interp_run_script(sh, data, len, arg0 ? arg0 : argv[0], argv + 1, argc - 1);
    mem_free(g->heap, data);
    return st;
}

int interp_run_script(ish *sh, const char *src, size_t len, const char *name, char **args, int nargs)
{
    return interp_run_script_opts(sh, src, len, name, args, nargs, false, -1);
}

/* A script as a child shell: exported variables only, its own state.
 * is_c: the text came from `bash -c` (errors say "NAME: -c: line N:");
 * opts: the child's set options (-1: defaults). */
int interp_run_script_opts(ish *sh, const char *src, size_t len, const char *name, char **args,
                           int nargs, bool is_c, int opts)
{
    ishell *g = sh->g;
    ish *c = ish_new(g);
    if (!c)
        return 1;
    c->proc = sh->proc;
    c->cwd = mem_strdup(g->heap, sh->cwd);
    char **env = var_environ(sh, g->heap);
    vars_init(c, (const char *const *)env);
    if (env) {
        for (char **e = env; *e; e++)
            mem_free(g->heap, *e);
        mem_free(g->heap, env);
    }
    var_set(c, "PWD", c->cwd, VS_EXPORT);
    /* exported functions travel in the environment */
    for (size_t i = 0; i < sh->funcs.nb; i++)
        for (ifunc *f = sh->funcs.b[i]; f; f = f->next)
            if ((f->attr & VA_EXPORT) && f->def && f->def->src) {
                exec_string(c, f->def->src, strlen(f->def->src), NULL, false);
                ifunc *nf = func_get(c, f->name);
                if (nf)
                    nf->attr |= VA_EXPORT;
            }
    c->arg0 = mem_strdup(g->heap, name);
    c->pos = mem_calloc(g->heap, (size_t)nargs + 1, sizeof *c->pos);
    for (int i = 0; i < nargs && c->pos; i++)
        c->pos[i] = mem_strdup(g->heap, args[i]);
    c->npos = c->pos ? nargs : 0;
    for (int i = 0; i < sh->nfds; i++)
        if (sh->fds[i])
            sh_set_fd(c, i, sh->fds[i]);
    c->umask = sh->umask;
    c->subshell = 0;
    if (opts >= 0)
        c->opts = opts;
    c->source_name = is_c ? NULL : name;
    c->is_subshell_exit = true;
    /* the script's top level is no function (return, local, FUNCNAME);
     * nested scripts are bounded by the stack check */
    c->func_depth = 0;
    if (g->lim.max_call_depth && (uint64_t)sh->func_depth + 1 > g->lim.max_call_depth) {
        ish_free(c);
        exec_limit(g, VB_LIMIT_CALL_DEPTH, "maximum call depth exceeded (limit call_depth=%llu)",
                   (unsigned long long)g->lim.max_call_depth);
        return 1;
    }
    const char *saved = g->script_name;
    bool saved_sf = g->script_file;
    g->script_name = name;
    g->script_file = !is_c;
    int st = exec_string(c, src, len, is_c ? NULL : name, !is_c);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    c->status = st;
    exec_run_exit_trap(c);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    g->script_name = saved;
    g->script_file = saved_sf;
    int sig = c->died_sig;
    ish_free(c);
    if (sig == SIGTERM && !sh->async && !sh->quiet_sig) {
        /* bash reports a foreground child ended by SIGTERM (other signals
         * get a report with the process id) */
        const char *d = sigdescr_np(sig);
        if (d) {
            sh_write(sh, 2, d, strlen(d));
            sh_write(sh, 2, "\n", 1);
        }
    }
    return st;
}

/* ------------------------------------------------------------------ functions */
int exec_function(ish *sh, ifunc *f, char **argv, int argc)
{
    ishell *g = sh->g;
    if (g->lim.max_call_depth && (uint64_t)sh->func_depth + 1 > g->lim.max_call_depth) {
        exec_limit(g, VB_LIMIT_CALL_DEPTH, "maximum call depth exceeded (limit call_depth=%llu)",
                   (unsigned long long)g->lim.max_call_depth);
        return 1;
    }
    const char *funcnest = var_get(sh, "FUNCNEST");
    if (funcnest && *funcnest) {
        long fn = strtol(funcnest, NULL, 10);
        if (fn > 0 && sh->func_depth >= fn) {
            sh_error(sh, "%s: maximum function nesting level exceeded (%ld)", argv[0], fn);
            sh->flow = FLOW_RETURN;
            sh->flow_n = sh->status;
            return 1;
        }
    }
    iarena *arena = f->arena;
    iarena_ref(arena);
    ast_node *def = f->def;
    int f_attr = f->attr;
    /* bash: without functrace or the trace attribute the RETURN trap is
     * not inherited: it is unset during the call and put back after it
     * unless the function set one of its own */
    char *caller_ret_trap = NULL;
    bool own_ret_trap = !(sh->opts & O_FUNCTRACE) && !(f_attr & VA_TRACE);
    if (own_ret_trap) {
        caller_ret_trap = sh->traps[ITRAP_RETURN].action;
        sh->traps[ITRAP_RETURN].action = NULL;
    }
    char *fname = mem_strdup(g->heap, f->name);
    /* positional parameters */
    char **saved_pos = sh->pos;
    int saved_npos = sh->npos;
    sh->pos = mem_calloc(g->heap, (size_t)argc, sizeof *sh->pos);
    sh->npos = 0;
    for (int i = 1; i < argc && sh->pos; i++)
        sh->pos[sh->npos++] = mem_strdup(g->heap, argv[i]);
    iframe fr = {.func = fname, .source = f->source ? f->source : sh->source_name,
                 .call_line = sh->lineno, .up = sh->frame, .args = argv + 1, .nargs = argc - 1,
                 .caller_pos = saved_pos, .caller_npos = saved_npos};
    sh->frame = &fr;
    var_scope_push(sh, false);
    sh->func_depth++;
    int saved_loop = sh->loop_depth;
    sh->loop_depth = 0;
    int st = 0;
    /* with functrace (set -T, extdebug) the DEBUG trap runs again as the
     * function starts, BASH_COMMAND still the call; under extdebug its
     * non-zero status skips the body (2 returns 2) */
    int dv = 0;
    if (sh->traps[ITRAP_DEBUG].action && !sh->in_trap && (sh->opts & O_FUNCTRACE))
        dv = exec_trap(sh, ITRAP_DEBUG);
    if (dv == 2)
        st = sh->status; /* skipped: the trap's status */
    else if (sh->flow == FLOW_NONE) {
        /* the body's text is the function's arena, not the caller's: a
         * function it defines must hold that arena */
        iarena *saved_arena = sh->cur_arena;
        sh->cur_arena = arena;
        st = exec_node(sh, def->body);
        sh->cur_arena = saved_arena;
    }
    sh->loop_depth = saved_loop;
    int trap_st = sh->status; /* $? in the RETURN trap */
    if (sh->flow == FLOW_RETURN) {
        sh->flow = FLOW_NONE;
        st = sh->exit_status;
        trap_st = sh->flow_n; /* `return N`: $? is still the status before it */
    } else if (sh->flow == FLOW_BREAK || sh->flow == FLOW_CONTINUE) {
        sh->flow = FLOW_NONE;
    }
    if (sh->traps[ITRAP_RETURN].action && sh->flow == FLOW_NONE) {
        sh->status = trap_st;
        exec_trap(sh, ITRAP_RETURN);
        if (sh->flow == FLOW_RETURN) { /* `return N` in the trap: the function's status */
            sh->flow = FLOW_NONE;
            st = sh->exit_status;
        }
    }
    if (own_ret_trap) {
        if (sh->traps[ITRAP_RETURN].action)
            mem_free(g->heap, caller_ret_trap);
        else
            sh->traps[ITRAP_RETURN].action = caller_ret_trap;
    }
    sh->func_depth--;
    sh->lineno = fr.call_line; /* $LINENO, traps and errors after the call: the caller's line */
    var_scope_pop(sh);
    if (sh->frame == &fr && fr.restore_opts)
        sh->opts = fr.saved_opts;
    sh->frame = fr.up;
    for (int i = 0; i < sh->npos; i++)
        mem_free(g->heap, sh->pos[i]);
    mem_free(g->heap, sh->pos);
    sh->pos = saved_pos;
    sh->npos = saved_npos;
    mem_free(g->heap, fname);
    iarena_unref(arena);
    return st;
}

/* ------------------------------------------------------------------ dispatch */
/* Closes the fds opened by <( ) / >( ) since `base` (the command's own). */
void sh_close_procsubs(ish *sh, int base)
{
    for (int i = base; i < sh->nprocsub; i++)
        sh_set_fd(sh, sh->procsub_fds[i], NULL);
    if (sh->nprocsub > base)
        sh->nprocsub = base;
}

/* Runs an expanded command. redirs/assigns may be NULL. */
int exec_argv(ish *sh, char **argv, int argc, ast_redir *redirs, ast_assign *assigns)
{
    ishell *g = sh->g;
    const char *name = argv[0];
    ifunc *f = NULL;
    const vb_builtin *b = NULL;
    char *path = NULL;
    int st = 0;

    if (!strchr(name, '/')) {
        f = func_get(sh, name);
        if (!f)
            b = sh_find_builtin(sh, name);
    }
    bool special = b && (b->flags & BI_SPECIAL);
    bool temp = assigns != NULL && !(special && (sh->opts & O_POSIX));
    if (temp)
        var_scope_push(sh, true);
    for (ast_assign *a = assigns; a; a = a->next) {
        int rc = do_assign(sh, a, temp ? VS_TEMP : 0);
        if (rc) {
            if (temp)
                var_scope_pop(sh);
            sh_abort(sh);
            return 1;
        }
    }
    if (assigns && (sh->opts & O_XTRACE)) /* bash: `x=1 cmd` traces x=1, then cmd */
        xtrace(sh, argv, argc, assigns);
    iredir_undo undo = {0};
    bool is_exec = b && strcmp(name, "exec") == 0 && argc == 1;
    if (redirs && redir_apply(sh, redirs, is_exec ? NULL : &undo)) {
        redir_undo(sh, &undo);
        if (temp)
            var_scope_pop(sh);
        return 1;
    }
    if (f) {
        st = exec_function(sh, f, argv, argc);
    } else if (b) {
        st = run_builtin(sh, b, argv, argc);
    } else {
        /* a name in the hash table runs the remembered path as is */
        const char *hashed = NULL;
        if (!strchr(name, '/'))
            for (ihash *h = sh->hashed; h && !hashed; h = h->next)
                if (strcmp(h->name, name) == 0)
                    hashed = h->path;
        char *shown = NULL;
        path = hashed ? mem_strdup(g->heap, hashed) : find_path_shown(sh, name, &shown);
        if (!path) {
            const char *pv = var_get(sh, "PATH");
            if (strchr(name, '/') || !pv || !*pv) {
                /* without PATH bash tries the current directory: its error */
                char *here = strchr(name, '/') ? NULL : sh_abspath(sh, name);
                vfs_stat_t hs;
                if (here && vfs_stat(g->vfs, here, &hs) == 0) {
                    sh_error(sh, "%s: %s", name, S_ISDIR(hs.mode) ? "Is a directory" : "Permission denied");
                    st = 126;
                } else {
                    sh_error(sh, "%s: No such file or directory", name);
                    st = 127;
                }
                mem_free(g->heap, here);
            } else {
                sh_error(sh, "%s: command not found", name);
                st = 127;
            }
        } else {
            vfs_stat_t vst;
            int r = vfs_stat(g->vfs, path, &vst);
            if (r < 0) {
                sh_error(sh, "%s: %s", hashed ? path : name, vb_strerror(r));
                st = r == VB_ENOENT ? 127 : 126;
            } else if (S_ISDIR(vst.mode)) {
                sh_error(sh, "%s: Is a directory", name);
                st = 126;
            } else if (vfs_access(g->vfs, path, X_OK) < 0) {
                sh_error(sh, "%s: Permission denied", name);
                st = 126;
            } else {
                if ((sh->opts & O_HASHALL) && !strchr(name, '/'))
                    sh_hash_note(sh, name, path, 1);
                st = run_file(sh, path, shown ? shown : hashed ? path : name, argv, argc);
            }
            mem_free(g->heap, path);
        }
        mem_free(g->heap, shown);
    }
    redir_undo(sh, &undo);
    if (temp)
        var_scope_pop(sh);
    return st;
}

int exec_simple(ish *sh, ast_node *n)
{
    ishell *g = sh->g;
    sh->lineno = n->line;
    if (exec_count_command(sh))
        return sh->flow == FLOW_EXIT ? sh->exit_status : (g->stop ? 1 : sh->status);
    char **argv = NULL;
    int argc = 0;
    int psbase = sh->nprocsub;
    sh->cmdsub_ran = false;
    int prev_status = sh->status;
    if ((sh->traps[ITRAP_DEBUG].action || sh->traps[ITRAP_ERR].action ||
         sh->traps[ITRAP_EXIT].action) && !sh->in_trap) {
        /* BASH_COMMAND: the command being run, as the traps see it (only
         * kept up to date while a trap could look at it) */
        vbuf cb;
        vbuf_init(&cb, g->heap);
        deparse_node(n, &cb);
        var_set(sh, "BASH_COMMAND", vbuf_str(&cb), VS_GLOBAL);
        vbuf_free(&cb);
    }
    /* the DEBUG trap runs before the words are expanded (bash), also
     * before assignments alone; under extdebug its non-zero status skips
     * the command (exec_trap: 2) */
    if (sh->traps[ITRAP_DEBUG].action && !sh->in_trap &&
        (sh->func_depth == 0 || (sh->opts & O_FUNCTRACE))) {
        int dv = exec_trap(sh, ITRAP_DEBUG);
        if (sh->flow != FLOW_NONE)
            return sh->status;
        if (dv == 2)
            return 0;
    }
    int rc = expand_words(sh, n->words, n->nwords, &argv, &argc);
    if (rc) {
        sh_close_procsubs(sh, psbase);
        if (rc == 2)
            sh_abort(sh);
        return 1;
    }
    if (argc == 0) {
        /* assignments only (and redirections) */
        int st = 0;
        for (ast_assign *a = n->assigns; a; a = a->next) {
            int r = do_assign(sh, a, 0);
            if (r) {
                st = 1;
                sh_abort(sh);
                break;
            }
        }
        if (!st && sh->cmdsub_ran)
            st = sh->status;
        if (!st && n->redirs) {
            ish *c = ish_fork(sh, sh->proc);
            if (c) {
                /* redirections without a command: files are made, nothing else changes */
                iredir_undo undo = {0};
                st = redir_apply(c, n->redirs, &undo) ? 1 : st;
                redir_undo(c, &undo);
                ish_free(c);
            }
        }
        argv_free(g, argv);
        (void)prev_status;
        return st;
    }
    if ((sh->opts & O_XTRACE) && !n->assigns)
        xtrace(sh, argv, argc, NULL); /* with assignments: after theirs (exec_argv) */
    int st = exec_argv(sh, argv, argc, n->redirs, n->assigns);
    mem_free(g->heap, sh->last_arg);
    sh->last_arg = mem_strdup(g->heap, argv[argc - 1]);
    if (sh->proc && sh->proc->pending_sig && sh->flow == FLOW_NONE) {
        exec_check_signals(sh);
        if (sh->flow == FLOW_EXIT)
            st = sh->exit_status;
    }
    argv_free(g, argv);
    sh_close_procsubs(sh, psbase);
    return st;
}

/* ------------------------------------------------------------------ shell ops */
static const char *ops_getvar(void *ctx, const char *name)
{
    ish *sh = ctx;
    const char *br = strchr(name, '[');
    size_t nl = strlen(name);
    if (!br || nl < 3 || name[nl - 1] != ']')
        return var_get(sh, name);
    /* an element: test -v 'a[1]', 'h[key]', 'a[@]' */
    char *base = mem_strndup(sh->g->heap, name, (size_t)(br - name));
    char *sub = mem_strndup(sh->g->heap, br + 1, (size_t)(name + nl - 1 - br - 1));
    const char *r = NULL;
    ivar *v = base && sub && var_valid_name(base) ? var_lookup(sh, base) : NULL;
    if (v && !(v->attr & VA_UNSET)) {
        if ((strcmp(sub, "@") == 0 || strcmp(sub, "*") == 0) && !(v->attr & VA_ASSOC))
            r = v->arr ? (v->arr->n ? v->arr->e[0].val : NULL) : v->val;
        else if (v->attr & VA_ASSOC)
            r = v->arr ? arr_get_key(v->arr, sub) : NULL;
        else {
            int64_t ix = 0;
            if (!arith_eval(sh, sub, &ix)) {
                if (v->arr) {
                    if (ix < 0)
                        ix += arr_max_idx(v->arr) + 1;
                    r = ix >= 0 ? arr_get_idx(v->arr, ix) : NULL;
                } else if (ix == 0)
                    r = v->val;
            }
        }
    }
    mem_free(sh->g->heap, base);
    mem_free(sh->g->heap, sub);
    return r;
}

static int ops_setvar(void *ctx, const char *name, const char *value)
{
    ish *sh = ctx;
    const char *br = strchr(name, '[');
    size_t nl = strlen(name);
    if (br && nl > 2 && name[nl - 1] == ']') {
        /* printf -v 'a[1]', read 'm[k]' */
        char *base = mem_strndup(sh->g->heap, name, (size_t)(br - name));
        char *key = mem_strndup(sh->g->heap, br + 1, (size_t)(name + nl - 1 - br - 1));
        int rc = 1;
        if (base && key && var_valid_name(base))
            rc = var_set_elem(sh, base, key, value, 0);
        else
            sh_error(sh, "`%s': not a valid identifier", name);
        mem_free(sh->g->heap, base);
        mem_free(sh->g->heap, key);
        return rc;
    }
    if (!var_valid_name(name)) {
        sh_error(sh, "`%s': not a valid identifier", name);
        return 1;
    }
    return var_set(sh, name, value, 0);
}

static char **ops_environ(void *ctx, mem_heap *h)
{
    return var_environ((ish *)ctx, h);
}

/* A runner's child shell c: its standard streams (NULL keeps the parent's)
 * and NAME=VALUE entries exported into it. */
static void ops_child_io(ish *c, stream *in, stream *out, stream *err, char *const *env)
{
    ishell *g = c->g;
    if (in)
        sh_set_fd(c, 0, in);
    if (out)
        sh_set_fd(c, 1, out);
    if (err)
        sh_set_fd(c, 2, err);
    for (size_t i = 0; env && env[i]; i++) {
        const char *eq = strchr(env[i], '=');
        if (!eq)
            continue;
        char *nm = mem_strndup(g->heap, env[i], (size_t)(eq - env[i]));
        if (nm)
            var_set(c, nm, eq + 1, VS_EXPORT);
        mem_free(g->heap, nm);
    }
}

static int ops_run(void *ctx, char *const *argv, char *const *env, stream *in, stream *out,
                   stream *err)
{
    ish *sh = ctx;
    ishell *g = sh->g;
    if (!argv || !argv[0])
        return 0;
    ish *c = ish_fork(sh, sh->proc);
    if (!c)
        return -1;
    c->subshell = sh->subshell + 1;
    c->is_subshell_exit = true;
    ops_child_io(c, in, out, err, env);
    int argc = 0;
    while (argv[argc])
        argc++;
    char **av = mem_calloc(g->heap, (size_t)argc + 1, sizeof *av);
    if (!av) {
        ish_free(c);
        return -1;
    }
    for (int i = 0; i < argc; i++)
        av[i] = mem_strdup(g->heap, argv[i]);
    c->lineno = sh->lineno;
    int st = exec_argv(c, av, argc, NULL, NULL);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    argv_free(g, av);
    ish_free(c);
    return st;
}

/* ------------------------------------------------------------------ runners' lookup */
/* dir (relative to cwd, "" = cwd) joined with name, absolute. */
static char *lookup_join(ishell *g, const char *cwd, const char *dir, size_t dl, const char *name)
{
    const char *base = cwd && *cwd ? cwd : "/";
    size_t bl = strlen(base);
    const char *bsep = bl && base[bl - 1] == '/' ? "" : "/";
    if (dl == 0)
        return mem_printf(g->heap, "%s%s%s", base, bsep, name);
    const char *dsep = dir[dl - 1] == '/' ? "" : "/";
    if (dir[0] == '/')
        return mem_printf(g->heap, "%.*s%s%s", (int)dl, dir, dsep, name);
    return mem_printf(g->heap, "%s%s%.*s%s%s", base, bsep, (int)dl, dir, dsep, name);
}

/* execve's verdict on one file: 0 when it can run, else its error. */
static int lookup_check(ishell *g, const char *abs)
{
    vfs_stat_t st;
    int r = vfs_stat(g->vfs, abs, &st);
    if (r < 0)
        return r;
    if (!S_ISREG(st.mode) || vfs_access(g->vfs, abs, X_OK) < 0)
        return VB_EACCES;
    return 0;
}

/* vb_shell_ops.lookup (see builtins/lib/bi.h). *found on g->heap. */
static int exec_lookup(ish *sh, const char *name, const char *path_var, const char *cwd, int flags,
                       char **found)
{
    ishell *g = sh->g;
    *found = NULL;
    if (!cwd)
        cwd = sh->cwd;
    if (!name || !*name)
        return VB_ENOENT;
    if (!strchr(name, '/')) {
        if ((flags & VB_LOOKUP_FUNCS) && func_get(sh, name))
            return VB_FOUND_FUNCTION;
        if ((flags & VB_LOOKUP_BUILTINS) && sh_find_builtin(sh, name))
            return VB_FOUND_BUILTIN;
    } else {
        char *abs = name[0] == '/' ? mem_strdup(g->heap, name) : lookup_join(g, cwd, "", 0, name);
        if (!abs)
            return VB_ENOMEM;
        int r = lookup_check(g, abs);
        mem_free(g->heap, abs);
        if (r < 0)
            return r;
        *found = mem_strdup(g->heap, name);
        return *found ? VB_FOUND_FILE : VB_ENOMEM;
    }
    /* execvp: the environment's PATH, or the C library's default */
    const char *pv = path_var ? path_var : var_get(sh, "PATH");
    if (!pv)
        pv = "/bin:/usr/bin";
    bool eacces = false;
    for (const char *p = pv;;) {
        const char *e = strchr(p, ':');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *full = lookup_join(g, cwd, p, l, name);
        if (!full)
            return VB_ENOMEM;
        int r = lookup_check(g, full);
        mem_free(g->heap, full);
        if (r == 0) {
            /* execvp's string: the entry as written and the name */
            if (l == 0)
                *found = mem_strdup(g->heap, name);
            else
                *found = mem_printf(g->heap, "%.*s%s%s", (int)l, p, p[l - 1] == '/' ? "" : "/", name);
            return *found ? VB_FOUND_FILE : VB_ENOMEM;
        }
        if (r == VB_EACCES)
            eacces = true;   /* remembered; a later directory may hold one that runs */
        if (!e)
            break;
        p = e + 1;
    }
    return eacces ? VB_EACCES : VB_ENOENT;
}

static int ops_lookup(void *ctx, const char *name, const char *path_var, const char *cwd, int flags,
                      mem_heap *h, char **found)
{
    ish *sh = ctx;
    char *f = NULL;
    int k = exec_lookup(sh, name, path_var, cwd, flags, &f);
    if (found)
        *found = f && h ? mem_strdup(h, f) : NULL;
    if (found && f && !*found)
        k = VB_ENOMEM;
    mem_free(sh->g->heap, f);
    return k;
}

static int ops_run_file(void *ctx, const char *path, char *const *argv, char *const *env,
                        const char *cwd, const char *prelude, stream *in, stream *out,
                        stream *err)
{
    ish *sh = ctx;
    ishell *g = sh->g;
    if (!path || !argv || !argv[0])
        return -1;
    ish *c = ish_fork(sh, sh->proc);
    if (!c)
        return -1;
    c->subshell = sh->subshell + 1;
    c->is_subshell_exit = true;
    c->lineno = sh->lineno;
    c->quiet_sig = true;   /* the runner, not the shell, reports how it ended */
    if (cwd && (!c->cwd || strcmp(cwd, c->cwd) != 0)) {
        char *nc = mem_strdup(g->heap, cwd);
        if (!nc) {
            ish_free(c);
            return -1;
        }
        mem_free(g->heap, c->cwd);
        c->cwd = nc;
    }
    ops_child_io(c, in, out, err, env);
    int st = 0;
    if (prelude && *prelude) {
        st = exec_string(c, prelude, strlen(prelude), NULL, false);
        if (c->flow == FLOW_EXIT || g->stop) {
            st = c->flow == FLOW_EXIT ? c->exit_status : st;
            ish_free(c);
            return st;
        }
    }
    int argc = 0;
    while (argv[argc])
        argc++;
    char **av = mem_calloc(g->heap, (size_t)argc + 1, sizeof *av);
    char *p = path[0] == '/' ? mem_strdup(g->heap, path) : lookup_join(g, c->cwd, "", 0, path);
    if (!av || !p) {
        mem_free(g->heap, av);
        mem_free(g->heap, p);
        ish_free(c);
        return -1;
    }
    for (int i = 0; i < argc; i++)
        av[i] = mem_strdup(g->heap, argv[i]);
    st = run_file(c, p, path, av, argc);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    mem_free(g->heap, p);
    argv_free(g, av);
    ish_free(c);
    return st;
}

/* ------------------------------------------------------------------ timeout */
typedef struct timed_arg {
    ish *c;
    char *path;
    char *shown;    /* as execvp found it: the script's $0 */
    char **argv;
    int argc;
} timed_arg;

static int timed_main(iproc *p, void *arg)
{
    timed_arg *a = arg;
    ish *c = a->c;
    ishell *g = p->g;
    c->proc = p;
    int st = run_file(c, a->path, a->shown, a->argv, a->argc);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    /* A command ended by a signal it did not handle reports 128+N. */
    if (p->killed)
        st = 128 + SIGKILL;
    else if (p->pending_sig && p->pending_sig != SIGCHLD && p->pending_sig != SIGWINCH &&
             p->pending_sig != SIGURG && p->pending_sig != SIGCONT)
        st = 128 + p->pending_sig;
    exec_wait_hidden(c);
    ish_free(c);
    argv_free(g, a->argv);
    mem_free(g->heap, a->path);
    mem_free(g->heap, a->shown);
    mem_free(g->heap, a);
    return st;
}

/* Sends sig to p and (unless only_p) every live process descending from it. */
static void timed_signal(ishell *g, iproc *p, int sig, bool only_p)
{
    /* Signals whose default action is to do nothing: a command without a
     * handler goes on (a virtual process only has handlers as shell traps,
     * which the engine cannot see from here, so they are not delivered). */
    if (sig == 0 || sig == SIGCONT || sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH)
        return;
    for (iproc *q = g->all; q; q = q->next_all) {
        if (q->state == P_DONE)
            continue;
        bool desc = q == p;
        for (iproc *u = q->parent; !desc && !only_p && u; u = u->parent)
            desc = u == p;
        if (desc)
            proc_signal(g, q->pid, sig);
    }
}

static int ops_run_timed(void *ctx, char *const *argv, stream *in, stream *out, stream *err,
                         uint64_t timeout_ns, int sig, uint64_t kill_after_ns, bool foreground,
                         bool *timed_out, bool *killed, int *run_errno)
{
    ish *sh = ctx;
    ishell *g = sh->g;
    *timed_out = false;
    *killed = false;
    *run_errno = 0;
    if (!argv || !argv[0])
        return -1;
    /* execvp's view: a path, or a search of PATH (functions and shell
     * builtins do not exist for it). */
    char *shown = NULL;
    int r = exec_lookup(sh, argv[0], NULL, NULL, 0, &shown);
    if (r < 0 || !shown) {
        *run_errno = r < 0 ? r : VB_ENOENT;
        return *run_errno == VB_ENOENT ? 127 : 126;
    }
    char *path = shown[0] == '/' ? mem_strdup(g->heap, shown) : sh_abspath(sh, shown);
    if (!path) {
        mem_free(g->heap, shown);
        return -1;
    }
    if (g->lim.max_procs && (uint64_t)g->nprocs >= g->lim.max_procs) {
        mem_free(g->heap, path);
        mem_free(g->heap, shown);
        exec_limit(g, VB_LIMIT_PROCS, "maximum process count exceeded (limit procs=%llu)",
                   (unsigned long long)g->lim.max_procs);
        return -1;
    }
    int argc = 0;
    while (argv[argc])
        argc++;
    timed_arg *a = mem_calloc(g->heap, 1, sizeof *a);
    char **av = mem_calloc(g->heap, (size_t)argc + 1, sizeof *av);
    ish *c = a && av ? ish_fork(sh, NULL) : NULL;
    if (!c) {
        mem_free(g->heap, a);
        mem_free(g->heap, av);
        mem_free(g->heap, path);
        mem_free(g->heap, shown);
        return -1;
    }
    for (int i = 0; i < argc; i++)
        av[i] = mem_strdup(g->heap, argv[i]);
    c->subshell = sh->subshell + 1;
    c->is_subshell_exit = true;
    c->lineno = sh->lineno;
    c->quiet_sig = true;
    if (in)
        sh_set_fd(c, 0, in);
    if (out)
        sh_set_fd(c, 1, out);
    if (err)
        sh_set_fd(c, 2, err);
    a->c = c;
    a->path = path;
    a->shown = shown;
    a->argv = av;
    a->argc = argc;
    iproc *me = g->cur;
    iproc *child = proc_spawn(g, timed_main, a, me);
    if (!child) {
        ish_free(c);
        argv_free(g, av);
        mem_free(g->heap, path);
        mem_free(g->heap, shown);
        mem_free(g->heap, a);
        return -1;
    }
    if (!me) {
        proc_run_until(g, child);
        int st = child->status;
        proc_unref(g, child);
        return st;
    }
    uint64_t now = proc_now_ns();
    uint64_t deadline = timeout_ns ? now + timeout_ns : 0;
    uint64_t kill_at = 0;
    bool forwarded = false;
    while (child->state != P_DONE) {
        now = proc_now_ns();
        if (g->stop || me->killed) {
            timed_signal(g, child, SIGKILL, false);
            child->detached = true;   /* the scheduler frees it when it ends */
            return 128 + SIGKILL;
        }
        if (me->pending_sig && !forwarded) {
            /* a signal for timeout itself goes on to the command */
            timed_signal(g, child, me->pending_sig, foreground);
            forwarded = true;
        }
        if (deadline && now >= deadline) {
            deadline = 0;
            *timed_out = true;
            timed_signal(g, child, sig, foreground);
            if (kill_after_ns)
                kill_at = now + kill_after_ns;
            continue;
        }
        if (kill_at && now >= kill_at) {
            kill_at = 0;
            *killed = true;
            timed_signal(g, child, SIGKILL, foreground);
            continue;
        }
        uint64_t wake = deadline ? deadline : kill_at;
        me->waiting_for = child->pid;
        me->wake_ns = wake;
        if (wake)
            g->timed_waits++;
        proc_block(g);
        if (wake)
            g->timed_waits--;
        me->waiting_for = 0;
        me->wake_ns = 0;
    }
    int st = child->status;
    proc_unref(g, child);
    return st;
}

/* Busy processes call this now and then while a timeout waits: deadlines
 * that passed wake their waiters, and the CPU goes round. */
void exec_timed_poll(ishell *g)
{
    if (!g->timed_waits || !g->cur)
        return;
    uint64_t now = proc_now_ns();
    bool woke = false;
    for (iproc *q = g->all; q; q = q->next_all)
        if (q->state == P_BLOCKED && q->wake_ns && q->wake_ns <= now) {
            proc_wake(g, q);
            woke = true;
        }
    if (woke)
        proc_yield(g);
}

static int ops_run_script_sig(void *ctx, const char *script, stream *in, stream *out, stream *err,
                              int *died_sig)
{
    ish *sh = ctx;
    if (died_sig)
        *died_sig = 0;
    ish *c = ish_fork(sh, sh->proc);
    if (!c)
        return -1;
    c->subshell = sh->subshell + 1;
    c->is_subshell_exit = true;
    if (in)
        sh_set_fd(c, 0, in);
    if (out)
        sh_set_fd(c, 1, out);
    if (err)
        sh_set_fd(c, 2, err);
    int st = exec_string(c, script, strlen(script), NULL, false);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    exec_run_exit_trap(c);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    if (died_sig)
        *died_sig = c->died_sig;
    ish_free(c);
    return st;
}

static int ops_run_script(void *ctx, const char *script, stream *in, stream *out, stream *err)
{
    return ops_run_script_sig(ctx, script, in, out, err, NULL);
}

static stream *ops_fd(void *ctx, int n)
{
    return sh_fd((ish *)ctx, n);
}

void interp_now(ishell *g, struct timespec *ts)
{
    if (g->clock_epoch) {
        uint64_t el = proc_now_ns() - g->clock_start_real_ns;
        ts->tv_sec = (time_t)(g->clock_epoch + (int64_t)(el / 1000000000ull));
        ts->tv_nsec = (long)(el % 1000000000ull);
    } else
        clock_gettime(CLOCK_REALTIME, ts);
}

static void ops_now(void *ctx, struct timespec *ts)
{
    interp_now(((ish *)ctx)->g, ts);
}

uint64_t interp_random(ishell *g)
{
    uint64_t x = g->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    g->rng = x;
    return x * 2685821657736338717ull;
}

static uint64_t ops_random(void *ctx)
{
    return interp_random(((ish *)ctx)->g);
}

static const char *ops_info(void *ctx, const char *key)
{
    ishell *g = ((ish *)ctx)->g;
    if (strcmp(key, "hostname") == 0)
        return g->hostname;
    if (strcmp(key, "user") == 0)
        return g->user;
    if (strcmp(key, "sysname") == 0)
        return g->uname_sysname;
    if (strcmp(key, "release") == 0 || strcmp(key, "uname -r") == 0)
        return g->uname_release ? g->uname_release : "6.1.0-vbash";
    if (strcmp(key, "version") == 0)
        return g->uname_version;
    if (strcmp(key, "machine") == 0)
        return g->uname_machine;
    if (strcmp(key, "errprefix") == 0) {
        /* "vbash: line N: " for shell builtins' messages */
        ish *sh = ctx;
        vbuf b;
        vbuf_init(&b, g->heap);
        sh_errprefix(sh, &b);
        snprintf(sh->errprefix, sizeof sh->errprefix, "%s", vbuf_str(&b));
        vbuf_free(&b);
        return sh->errprefix;
    }
    if (strncmp(key, "nameref ", 8) == 0) {
        /* test -R NAME: "1" when NAME is a name reference */
        ivar *v = var_lookup_raw((ish *)ctx, key + 8);
        return v && (v->attr & VA_NAMEREF) ? "1" : NULL;
    }
    if (strcmp(key, "max_string") == 0) {
        /* the string limit, for printf -v's early stop */
        ish *sh = ctx;
        snprintf(sh->errprefix, sizeof sh->errprefix, "%llu", (unsigned long long)g->lim.max_string_bytes);
        return sh->errprefix;
    }
    if (strcmp(key, "umask") == 0) {
        /* borrowed: the text lives in the shell state until the next call */
        ish *sh = ctx;
        snprintf(sh->errprefix, sizeof sh->errprefix, "%04o", sh->umask & 0777);
        return sh->errprefix;
    }
    return NULL;
}

static int ops_limit(void *ctx, int kind, const char *what)
{
    ish *sh = ctx;
    if (kind == VB_LIMIT_TIME && !what)
        exec_limit(sh->g, VB_LIMIT_TIME, "maximum wall time exceeded (limit time=%llums)",
                   (unsigned long long)sh->g->lim.max_wall_ms);
    else
        exec_limit(sh->g, (vb_limit_kind)kind, "%s", what ? what : vb_limit_name((vb_limit_kind)kind));
    return 1;
}

static uint64_t ops_time_left(void *ctx)
{
    ishell *g = ((ish *)ctx)->g;
    if (!g->deadline_ns)
        return UINT64_MAX;
    uint64_t now = proc_now_ns();
    return now >= g->deadline_ns ? 0 : (g->deadline_ns - now) / 1000000ull;
}

static int ops_sleep(void *ctx, uint64_t ns)
{
    ish *sh = ctx;
    return proc_sleep(sh->g, ns);
}

static uint64_t ops_regex_limit(void *ctx)
{
    return ((ish *)ctx)->g->lim.max_regex_steps;
}

static struct vb_net_policy *ops_net(void *ctx)
{
    return ((ish *)ctx)->g->net;
}

const vb_shell_ops interp_shell_ops = {
    .getvar = ops_getvar,
    .setvar = ops_setvar,
    .environ = ops_environ,
    .run = ops_run,
    .run_script = ops_run_script,
    .fd = ops_fd,
    .now = ops_now,
    .random = ops_random,
    .info = ops_info,
    .limit = ops_limit,
    .time_left_ms = ops_time_left,
    .sleep_ns = ops_sleep,
    .regex_limit = ops_regex_limit,
    .net = ops_net,
    .run_timed = ops_run_timed,
    .lookup = ops_lookup,
    .run_file = ops_run_file,
    .run_script_sig = ops_run_script_sig,
};

/* An assignment-shaped argument of declare/local/export/readonly, expanded
 * as an assignment: "name=value", "name[k]=value", "name+=value", or
 * "name=(e1 [k]=e2 ...)" with every element shell-quoted, which
 * bi_declare parses back (as bash re-parses compound assignments). */
char *exec_decl_word(ish *sh, const ast_assign *a)
{
    ishell *g = sh->g;
    vbuf b;
    vbuf_init(&b, g->heap);
    vbuf_adds(&b, a->name);
    if (a->index) {
        char *k = NULL;
        if (expand_string(sh, a->index, EX_NOSPLIT | EX_NOGLOB, &k)) {
            vbuf_free(&b);
            return NULL;
        }
        vbuf_printf(&b, "[%s]", k);
        mem_free(g->heap, k);
    }
    vbuf_adds(&b, a->append ? "+=" : "=");
    if (a->is_array) {
        vbuf_addc(&b, '(');
        bool first = true;
        for (size_t i = 0; i < a->narray; i++) {
            ast_word *kw = NULL, *vw = NULL;
            if (split_keyed(g, a->array[i], &kw, &vw)) {
                char *k = NULL, *v = NULL;
                int rc = expand_string(sh, kw, EX_NOSPLIT | EX_NOGLOB, &k);
                if (!rc)
                    rc = expand_string(sh, vw, EX_NOSPLIT | EX_NOGLOB | EX_ASSIGN, &v);
                free_view(g, kw);
                free_view(g, vw);
                if (rc) {
                    mem_free(g->heap, k);
                    mem_free(g->heap, v);
                    vbuf_free(&b);
                    return NULL;
                }
                char *qk = shell_quote(g, k, true), *qv = shell_quote(g, v, true);
                vbuf_printf(&b, "%s[%s]=%s", first ? "" : " ", qk, qv);
                first = false;
                mem_free(g->heap, qk);
                mem_free(g->heap, qv);
                mem_free(g->heap, k);
                mem_free(g->heap, v);
                continue;
            }
            char **f = NULL;
            int nf = 0;
            if (expand_words(sh, &a->array[i], 1, &f, &nf)) {
                vbuf_free(&b);
                return NULL;
            }
            for (int k = 0; k < nf; k++) {
                char *q = shell_quote(g, f[k], true);
                vbuf_printf(&b, "%s%s", first ? "" : " ", q);
                first = false;
                mem_free(g->heap, q);
            }
            argv_free(g, f);
        }
        vbuf_addc(&b, ')');
    } else if (a->value) {
        char *v = NULL;
        if (expand_string(sh, a->value, EX_NOSPLIT | EX_NOGLOB | EX_ASSIGN, &v)) {
            vbuf_free(&b);
            return NULL;
        }
        vbuf_adds(&b, v);
        mem_free(g->heap, v);
    }
    size_t l;
    char *r = ivbuf_take(&b, &l);
    return r ? r : mem_strdup(g->heap, "");
}
