/*
 * Copies of shell states: the parse arenas that function definitions keep
 * alive, a subshell's copy of its parent's state (ish_fork), and the copy
 * of a whole session's shell for vb_session_fork (ish_clone_into).
 */
#include <string.h>

#include "interp/interp.h"

/* ------------------------------------------------------------------ arenas */
/* The core sits in the heap it describes: no allocation besides the heap. */
static iarena_core *arena_core_new(ishell *g)
{
    mem_heap *h = mem_heap_new(g->lim.max_memory_bytes ? (size_t)g->lim.max_memory_bytes : 0);
    if (!h)
        return NULL;
    iarena_core *c = mem_alloc(h, sizeof *c);
    if (!c) {
        mem_heap_destroy(h);
        return NULL;
    }
    c->heap = h;
    c->refs = 1;
    return c;
}

static void arena_core_unref(iarena_core *c)
{
    if (__atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL) == 0)
        mem_heap_destroy(c->heap);
}

/* A new record of session g for core (which the caller already holds a
 * reference of, now the record's); refs 0. */
static iarena *arena_record(ishell *g, iarena_core *core)
{
    iarena *a = mem_calloc(g->heap, 1, sizeof *a);
    if (!a)
        return NULL;
    a->core = core;
    a->heap = core->heap;
    a->g = g;
    a->next = g->arenas;
    if (g->arenas)
        g->arenas->prev = a;
    g->arenas = a;
    return a;
}

iarena *iarena_new(ishell *g)
{
    iarena_core *c = arena_core_new(g);
    if (!c)
        return NULL;
    iarena *a = arena_record(g, c);
    if (!a) {
        arena_core_unref(c);
        return NULL;
    }
    a->refs = 1;
    return a;
}

void iarena_destroy_all(ishell *g)
{
    while (g->arenas) {
        iarena *a = g->arenas;
        g->arenas = a->next;
        arena_core_unref(a->core);
        mem_free(g->heap, a);
    }
}

void iarena_ref(iarena *a)
{
    if (a)
        a->refs++;
}

void iarena_unref(iarena *a)
{
    if (!a || --a->refs > 0)
        return;
    if (!a->g) { /* a shared table's record */
        arena_core_unref(a->core);
        mem_shared_free(a);
        return;
    }
    if (a->prev)
        a->prev->next = a->next;
    else
        a->g->arenas = a->next;
    if (a->next)
        a->next->prev = a->prev;
    arena_core_unref(a->core);
    mem_free(a->g->heap, a);
}

iarena *iarena_shared(iarena *a)
{
    if (!a->g)
        return a;
    if (a->twin)
        return a->twin;
    iarena *r = mem_shared_calloc(1, sizeof *r);
    if (!r)
        return NULL;
    __atomic_add_fetch(&a->core->refs, 1, __ATOMIC_ACQ_REL);
    r->core = a->core;
    r->heap = a->core->heap;
    a->twin = r;
    return r;
}

/* ------------------------------------------------------------------ states */
static iframe *frames_copy(ishell *g, const iframe *f)
{
    if (!f)
        return NULL;
    iframe *c = mem_calloc(g->heap, 1, sizeof *c);
    if (!c)
        return NULL;
    c->func = f->func ? mem_strdup(g->heap, f->func) : NULL;
    c->source = f->source ? mem_strdup(g->heap, f->source) : NULL;
    c->call_line = f->call_line;
    c->up = frames_copy(g, f->up);
    c->owned = true;
    return c;
}

/* The directory stack, the command hash and `enable -n`, copied onto c's
 * heap (a subshell and a session clone both take them). */
static void clone_lists(ishell *g, ish *c, const ish *src)
{
    for (idir *d = src->dirs, **tail = &c->dirs; d; d = d->next) {
        idir *n = mem_calloc(g->heap, 1, sizeof *n);
        if (!n)
            break;
        n->path = mem_strdup(g->heap, d->path);
        *tail = n;
        tail = &n->next;
    }
    for (ihash *h = src->hashed, **tail = &c->hashed; h; h = h->next) {
        ihash *n = mem_calloc(g->heap, 1, sizeof *n);
        if (!n)
            break;
        n->name = mem_strdup(g->heap, h->name);
        n->path = mem_strdup(g->heap, h->path);
        n->hits = h->hits;
        *tail = n;
        tail = &n->next;
    }
    if (src->bi_off) {
        c->bi_off = mem_alloc(g->heap, vb_builtin_count);
        if (c->bi_off)
            memcpy(c->bi_off, src->bi_off, vb_builtin_count);
    }
}

ish *ish_fork(ish *sh, iproc *proc)
{
    ishell *g = sh->g;
    ish *c = ish_new(g);
    if (!c)
        return NULL;
    c->proc = proc;
    var_copy_scopes(c, sh);
    if (func_share(c, sh) < 0)
        func_copy(c, sh);
    for (ialias *a = sh->aliases; a; a = a->next) {
        ialias *n = mem_calloc(g->heap, 1, sizeof *n);
        if (!n)
            break;
        n->name = mem_strdup(g->heap, a->name);
        n->val = mem_strdup(g->heap, a->val);
        n->next = c->aliases;
        c->aliases = n;
    }
    c->opts = sh->opts;
    c->shopts = sh->shopts;
    c->shopts2 = sh->shopts2;
    c->cwd = mem_strdup(g->heap, sh->cwd);
    c->arg0 = sh->arg0 ? mem_strdup(g->heap, sh->arg0) : NULL;
    if (sh->npos) {
        c->pos = mem_calloc(g->heap, (size_t)sh->npos + 1, sizeof *c->pos);
        if (c->pos) {
            for (int i = 0; i < sh->npos; i++)
                c->pos[i] = mem_strdup(g->heap, sh->pos[i]);
            c->npos = sh->npos;
        }
    }
    for (int i = 0; i < ITRAP_N; i++) {
        /* Subshells keep ignored signals; other traps are reset (bash). */
        if (sh->traps[i].action && (sh->traps[i].action[0] == 0 || i == ITRAP_ERR ||
                                    i == ITRAP_DEBUG || i == ITRAP_RETURN)) {
            if (i == ITRAP_ERR && !(sh->opts & O_ERRTRACE) && sh->traps[i].action[0])
                continue;
            if ((i == ITRAP_DEBUG || i == ITRAP_RETURN) && !(sh->opts & O_FUNCTRACE) &&
                sh->traps[i].action[0])
                continue;
            c->traps[i].action = mem_strdup(g->heap, sh->traps[i].action);
        }
    }
    for (int i = 0; i < sh->nfds; i++)
        if (sh->fds[i])
            sh_set_fd(c, i, sh->fds[i]);
    c->umask = sh->umask;
    c->cond_stale = sh->cond_stale;
    c->globignore_seen = sh->globignore_seen;
    c->status = sh->status;
    c->lineno = sh->lineno;
    c->subshell = sh->subshell;
    c->func_depth = sh->func_depth;
    c->source_depth = sh->source_depth;
    c->loop_depth = 0;
    c->frame = frames_copy(g, sh->frame);
    c->source_name = sh->source_name;
    c->last_bg_pid = sh->last_bg_pid;
    c->last_arg = sh->last_arg ? mem_strdup(g->heap, sh->last_arg) : NULL;
    c->interactive = false;
    c->async = sh->async;
    c->xlevel = sh->xlevel;
    c->errexit_off = sh->errexit_off;
    memcpy(c->pipestatus, sh->pipestatus, sizeof c->pipestatus);
    c->npipestatus = sh->npipestatus;
    clone_lists(g, c, sh);
    return c;
}

static ialias *clone_aliases(ishell *g, const ialias *a)
{
    ialias *head = NULL, **tail = &head;
    for (; a; a = a->next) {
        ialias *n = mem_calloc(g->heap, 1, sizeof *n);
        if (!n)
            break;
        n->name = mem_strdup(g->heap, a->name);
        n->val = mem_strdup(g->heap, a->val);
        *tail = n;
        tail = &n->next;
    }
    return head;
}

/* A copy of another session's shell state on heap g (vb_session_fork):
 * variables (every scope, attributes and values; the global scope shared
 * copy-on-write, see var_share_global), functions (the table shared
 * copy-on-write, see func_share), aliases, traps, options, positional
 * parameters, cwd, the directory stack, the command hash and enable -n.
 * Only the shared levels of global variables and the shared function
 * table point into src's session heap (which they pin). */
ish *ish_clone_into(ishell *g, ish *src)
{
    ish *c = ish_new(g);
    if (!c)
        return NULL;
    /* the global variables are shared, each copied when first changed */
    int d = var_share_global(c, src);
    if (d > 0)
        var_copy_scopes(c, src);
    if (d < 0 || !c->global || func_share(c, src) < 0) {
        ish_free(c);
        return NULL;
    }
    c->aliases = clone_aliases(g, src->aliases);
    c->opts = src->opts;
    c->shopts = src->shopts;
    c->shopts2 = src->shopts2;
    c->cwd = mem_strdup(g->heap, src->cwd);
    c->arg0 = src->arg0 ? mem_strdup(g->heap, src->arg0) : NULL;
    if (src->npos) {
        c->pos = mem_calloc(g->heap, (size_t)src->npos + 1, sizeof *c->pos);
        for (int i = 0; c->pos && i < src->npos; i++)
            c->pos[i] = mem_strdup(g->heap, src->pos[i]);
        c->npos = c->pos ? src->npos : 0;
    }
    for (int i = 0; i < ITRAP_N; i++)
        if (src->traps[i].action)
            c->traps[i].action = mem_strdup(g->heap, src->traps[i].action);
    c->umask = src->umask;
    c->status = src->status;
    c->last_arg = src->last_arg ? mem_strdup(g->heap, src->last_arg) : NULL;
    clone_lists(g, c, src);
    c->flow = FLOW_NONE;
    return c;
}
