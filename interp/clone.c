/*
 * Copies of shell states: the parse arenas that function definitions keep
 * alive, a subshell's copy of its parent's state (ish_fork), and the copy
 * of a whole session's shell for vb_session_fork (ish_clone_into).
 */
#include <string.h>

#include "interp/interp.h"

/* ------------------------------------------------------------------ arenas */
iarena *iarena_new(ishell *g)
{
    iarena *a = mem_calloc(g->heap, 1, sizeof *a);
    if (!a)
        return NULL;
    a->heap = mem_heap_new(g->lim.max_memory_bytes ? (size_t)g->lim.max_memory_bytes : 0);
    if (!a->heap) {
        mem_free(g->heap, a);
        return NULL;
    }
    a->refs = 1;
    a->g = g;
    a->next = g->arenas;
    if (g->arenas)
        g->arenas->prev = a;
    g->arenas = a;
    return a;
}

void iarena_destroy_all(ishell *g)
{
    while (g->arenas) {
        iarena *a = g->arenas;
        g->arenas = a->next;
        mem_heap_destroy(a->heap);
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
    if (a->prev)
        a->prev->next = a->next;
    else
        a->g->arenas = a->next;
    if (a->next)
        a->next->prev = a->prev;
    mem_heap_destroy(a->heap);
    mem_free(a->g->heap, a);
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

ish *ish_fork(ish *sh, iproc *proc)
{
    ishell *g = sh->g;
    ish *c = ish_new(g);
    if (!c)
        return NULL;
    c->proc = proc;
    var_copy_scopes(c, sh);
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
    for (idir *d = sh->dirs, **tail = &c->dirs; d; d = d->next) {
        idir *n = mem_calloc(g->heap, 1, sizeof *n);
        if (!n)
            break;
        n->path = mem_strdup(g->heap, d->path);
        *tail = n;
        tail = &n->next;
    }
    memcpy(c->pipestatus, sh->pipestatus, sizeof c->pipestatus);
    c->npipestatus = sh->npipestatus;
    for (ihash *h = sh->hashed, **tail = &c->hashed; h; h = h->next) {
        ihash *n = mem_calloc(g->heap, 1, sizeof *n);
        if (!n)
            break;
        n->name = mem_strdup(g->heap, h->name);
        n->path = mem_strdup(g->heap, h->path);
        n->hits = h->hits;
        *tail = n;
        tail = &n->next;
    }
    if (sh->bi_off) {
        c->bi_off = mem_alloc(g->heap, vb_builtin_count);
        if (c->bi_off)
            memcpy(c->bi_off, sh->bi_off, vb_builtin_count);
    }
    return c;
}

/* A copy of another session's shell state on heap g (vb_session_fork).
 * Functions are parsed again from their text so that no AST is shared
 * between sessions. */
ish *ish_clone_into(ishell *g, ish *src)
{
    ish *c = ish_new(g);
    if (!c)
        return NULL;
    var_copy_scopes(c, src);
    if (!c->global) {
        ish_free(c);
        return NULL;
    }
    for (ialias *a = src->aliases; a; a = a->next) {
        ialias *n = mem_calloc(g->heap, 1, sizeof *n);
        if (!n)
            break;
        n->name = mem_strdup(g->heap, a->name);
        n->val = mem_strdup(g->heap, a->val);
        n->next = c->aliases;
        c->aliases = n;
    }
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
    for (size_t i = 0; i < src->funcs.nb; i++)
        for (ifunc *f = src->funcs.b[i]; f; f = f->next)
            if (f->def && f->def->src)
                exec_string(c, f->def->src, strlen(f->def->src), NULL, false);
    c->flow = FLOW_NONE;
    return c;
}
