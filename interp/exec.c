/*
 * Execution of the syntax tree: lists, pipelines (one virtual process per
 * stage), compound commands, functions, subshells, background jobs, set -e,
 * traps, limits and cancellation. Simple commands and command lookup are in
 * exec_cmd.c.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "interp/interp.h"
#include "interp/parser.h"

/* ------------------------------------------------------------------ errors */
void sh_errprefix(ish *sh, vbuf *b)
{
    /* bash names the file being run: BASH_SOURCE[0] (a sourced file, the
     * file of the running function, "environment" for a function of bash
     * -c text), else $0 */
    const char *name = sh->g->script_name ? sh->g->script_name : "vbash";
    if (sh->frame && !sh->interactive)
        name = sh->frame->source ? sh->frame->source : "environment";
    else if (sh->source_name && *sh->source_name)
        name = sh->source_name;
    if (sh->interactive && !sh->source_depth)
        vbuf_printf(b, "%s: ", name);
    else
        vbuf_printf(b, "%s: line %d: ", name, sh->lineno);
}

void sh_write(ish *sh, int fd, const void *p, size_t n)
{
    stream *s = sh_fd(sh, fd);
    if (s)
        stream_write(s, p, n);
}

void sh_error(ish *sh, const char *fmt, ...)
{
    vbuf b;
    vbuf_init(&b, sh->g->heap);
    sh_errprefix(sh, &b);
    va_list ap;
    va_start(ap, fmt);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    vbuf_addc(&b, '\n');
    sh_write(sh, 2, b.data, b.len);
    vbuf_free(&b);
}

void sh_abort(ish *sh)
{
    if (sh->flow != FLOW_NONE)
        return;
    sh->status = 1;
    if (sh->interactive)
        return;
    sh->flow = FLOW_EXIT;
    sh->exit_status = 1;
    sh->abort_line = true;
}

void sh_error_noline(ish *sh, const char *fmt, ...)
{
    vbuf b;
    vbuf_init(&b, sh->g->heap);
    vbuf_printf(&b, "%s: ", sh->g->script_name ? sh->g->script_name : "vbash");
    va_list ap;
    va_start(ap, fmt);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    vbuf_addc(&b, '\n');
    sh_write(sh, 2, b.data, b.len);
    vbuf_free(&b);
}

int exec_limit(ishell *g, vb_limit_kind k, const char *fmt, ...)
{
    if (g->stop)
        return 1;
    g->stop = 1;
    g->limit_hit = k;
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, g->heap);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    size_t l;
    mem_free(g->heap, g->limit_msg);
    g->limit_msg = ivbuf_take(&b, &l);
    return 1;
}

/* ------------------------------------------------------------------ fds */
stream *sh_fd(ish *sh, int fd)
{
    if (fd < 0 || fd >= sh->nfds)
        return NULL;
    return sh->fds[fd];
}

int sh_set_fd(ish *sh, int fd, stream *s)
{
    if (fd < 0 || fd > 1023)
        return VB_EBADF;
    if (fd >= sh->nfds) {
        int nn = fd + 8;
        stream **nf = mem_realloc(sh->g->heap, sh->fds, (size_t)nn * sizeof *nf);
        if (!nf)
            return VB_ENOMEM;
        for (int i = sh->nfds; i < nn; i++)
            nf[i] = NULL;
        sh->fds = nf;
        sh->nfds = nn;
    }
    if (s)
        stream_ref(s);
    stream *old = sh->fds[fd];
    sh->fds[fd] = s;
    stream_unref(old);
    return 0;
}

/* ------------------------------------------------------------------ states */
ish *ish_new(ishell *g)
{
    ish *sh = mem_calloc(g->heap, 1, sizeof *sh);
    if (!sh)
        return NULL;
    sh->g = g;
    sh->opts = O_BRACEEXPAND | O_HASHALL | O_INTERACTIVE_COMMENTS;
    sh->shopts = SO_EXTQUOTE | SO_PROMPTVARS | SO_SOURCEPATH | SO_PATSUB_REPLACEMENT |
                 SO_GLOBASCIIRANGES | SO_CHECKWINSIZE | SO_CMDHIST | SO_COMPLETE_FULLQUOTE |
                 SO_HOSTCOMPLETE | SO_INTERACTIVE_COMMENTS | SO_PROGCOMP | SO_FORCE_FIGNORE |
                 SO_GLOBSKIPDOTS; /* globs never match . and .. (bash 5.2's default) */
    sh->umask = 022;
    sh->next_job = 1;
    return sh;
}

static void frames_free(ishell *g, iframe *f)
{
    while (f && f->owned) {
        iframe *up = f->up;
        mem_free(g->heap, (char *)f->func);
        mem_free(g->heap, (char *)f->source);
        mem_free(g->heap, f);
        f = up;
    }
}

static void jobs_free(ish *sh);

void exec_wait_hidden(ish *sh)
{
    for (ijob *j = sh->jobs; j; j = j->next)
        if (j->hidden)
            for (size_t i = 0; i < j->nprocs; i++)
                if (j->procs[i]->state != P_DONE && sh->proc && sh->g->cur)
                    proc_wait(sh->g, j->procs[i]);
}

void ish_free(ish *sh)
{
    if (!sh)
        return;
    ishell *g = sh->g;
    mem_free(g->heap, sh->bi_off);
    sh->bi_off = NULL;
    sh_hash_clear(sh);
    while (sh->scope) {
        iscope *up = sh->scope->up;
        var_free_scope(g, sh->scope);
        sh->scope = up;
    }
    func_free_all(sh);
    while (sh->aliases) {
        ialias *a = sh->aliases;
        sh->aliases = a->next;
        mem_free(g->heap, a->name);
        mem_free(g->heap, a->val);
        mem_free(g->heap, a);
    }
    for (int i = 0; i < sh->nfds; i++)
        stream_unref(sh->fds[i]);
    mem_free(g->heap, sh->fds);
    for (int i = 0; i < sh->npos; i++)
        mem_free(g->heap, sh->pos[i]);
    mem_free(g->heap, sh->pos);
    for (int i = 0; i < ITRAP_N; i++)
        mem_free(g->heap, sh->traps[i].action);
    mem_free(g->heap, sh->cwd);
    mem_free(g->heap, sh->arg0);
    mem_free(g->heap, sh->last_arg);
    frames_free(g, sh->frame);
    while (sh->dirs) {
        idir *d = sh->dirs;
        sh->dirs = d->next;
        mem_free(g->heap, d->path);
        mem_free(g->heap, d);
    }
    jobs_free(sh);
    mem_free(g->heap, sh);
}

/* The `time` report in bash's TIMEFORMAT: %[p][l]R/U/S (p: 0-3 decimals,
 * default 3; l: MmS.FFFs), %P (CPU percentage), %%. tm: real, user, sys. */
static int exec__timefmt(vbuf *b, const char *f, const double tm[3])
{
    for (; *f; f++) {
        if (*f != '%') {
            vbuf_addc(b, *f);
            continue;
        }
        const char *start = f++;
        if (*f == '%') {
            vbuf_addc(b, '%');
            continue;
        }
        if (*f == 'P') {
            double cpu = tm[1] + tm[2];
            vbuf_printf(b, "%.2f", tm[0] > 0 ? cpu * 100.0 / tm[0] : 0.0);
            continue;
        }
        int prec = 3;
        bool lng = false;
        if (*f >= '0' && *f <= '9') {
            prec = *f - '0' > 3 ? 3 : *f - '0';
            f++;
        }
        if (*f == 'l') {
            lng = true;
            f++;
        }
        int which = *f == 'R' ? 0 : *f == 'U' ? 1 : *f == 'S' ? 2 : -1;
        if (which < 0) {
            if (*f)
                return (unsigned char)*f;   /* bash: invalid format character */
            vbuf_add(b, start, (size_t)(f - start));   /* a '%' at the end is kept */
            break;
        }
        double v = tm[which] < 0 ? 0 : tm[which];
        /* bash truncates to the precision, it does not round */
        double scale = prec == 0 ? 1 : prec == 1 ? 10 : prec == 2 ? 100 : 1000;
        long long units = (long long)(v * scale);
        long long secs = units / (long long)scale, frac = units % (long long)scale;
        if (lng) {
            vbuf_printf(b, "%lldm%lld", secs / 60, secs % 60);
        } else
            vbuf_printf(b, "%lld", secs);
        if (prec > 0)
            vbuf_printf(b, ".%0*lld", prec, frac);
        if (lng)
            vbuf_addc(b, 's');
    }
    return 0;
}

/* ------------------------------------------------------------------ limits */
bool exec_should_stop(ish *sh)
{
    ishell *g = sh->g;
    if (g->cancel && !g->stop) {
        g->stop = 1;
        g->limit_hit = VB_LIMIT_CANCELLED;
    }
    return g->stop || sh->flow != FLOW_NONE || (sh->proc && sh->proc->killed);
}

static void exec_check_time(ishell *g)
{
    if (g->deadline_ns && !g->stop && proc_now_ns() >= g->deadline_ns)
        exec_limit(g, VB_LIMIT_TIME, "maximum wall time exceeded (limit time=%llums)",
                   (unsigned long long)g->lim.max_wall_ms);
}

int exec_count_command(ish *sh)
{
    ishell *g = sh->g;
    g->ncommands++;
    if (g->lim.max_commands && g->ncommands > g->lim.max_commands) {
        exec_limit(g, VB_LIMIT_COMMANDS, "maximum command count exceeded (limit commands=%llu)",
                   (unsigned long long)g->lim.max_commands);
        return 1;
    }
    if ((g->ncommands & 63) == 0) {
        exec_check_time(g);
        if (g->timed_waits)
            exec_timed_poll(g);
    }
    if (mem_heap_cap_hit(g->heap) && !g->stop) {
        exec_limit(g, VB_LIMIT_MEMORY, "maximum memory exceeded (limit memory=%llu)",
                   (unsigned long long)g->lim.max_memory_bytes);
        return 1;
    }
    if (exec_should_stop(sh))
        return 1;
    exec_check_signals(sh);
    return sh->flow != FLOW_NONE;
}

static int exec_loop_tick(ish *sh, uint64_t *iter)
{
    ishell *g = sh->g;
    (*iter)++;
    if (g->lim.max_loop_iterations && *iter > g->lim.max_loop_iterations) {
        exec_limit(g, VB_LIMIT_LOOP, "maximum loop iterations exceeded (limit loop=%llu)",
                   (unsigned long long)g->lim.max_loop_iterations);
        return 1;
    }
    if ((*iter & 255) == 0)
        exec_check_time(g);
    if (exec_should_stop(sh))
        return 1;
    return 0;
}

/* ------------------------------------------------------------------ traps / signals */
/* Runs a trap's action; *tst gets the action's status. 1 when it ended
 * the shell (exit), else 0; $? and the flow are kept. */
static int exec__trap(ish *sh, int sig, int *tst)
{
    *tst = 0;
    if (sig < 0 || sig >= ITRAP_N || !sh->traps[sig].action || !sh->traps[sig].action[0])
        return 0;
    if (sh->in_trap && sig != ITRAP_EXIT)
        return 0;
    char *act = mem_strdup(sh->g->heap, sh->traps[sig].action);
    if (!act)
        return 0;
    int saved = sh->status;
    int saved_flow = sh->flow, saved_n = sh->flow_n, saved_exit = sh->exit_status;
    bool was = sh->in_trap;
    int line = sh->lineno;
    sh->in_trap = true;
    sh->flow = FLOW_NONE;
    sh->next_first_line = line; /* bash numbers the action from the trapped line */
    int deeper = sig != ITRAP_EXIT; /* set -x: one level deeper, but for EXIT */
    sh->xlevel += deeper;
    *tst = exec_string(sh, act, strlen(act), NULL, false);
    sh->xlevel -= deeper;
    sh->in_trap = was;
    sh->lineno = line;
    mem_free(sh->g->heap, act);
    if (sh->flow == FLOW_EXIT)
        return 1;
    if (sig == ITRAP_RETURN && sh->flow == FLOW_RETURN) {
        /* `return N` in a RETURN trap sets the status of the function
         * (or sourced file) that is returning: the caller sees the flow */
        sh->status = saved;
        return 0;
    }
    sh->flow = saved_flow;
    sh->flow_n = saved_n;
    sh->exit_status = saved_exit;
    sh->status = saved;
    return 0;
}

/* Under extdebug the DEBUG trap's status steers the command (bash's
 * debugging mode): 2 inside a function or a sourced file returns from it
 * with status 2; any other non-zero status skips the command (returns 2,
 * $? is the trap's status). */
static int exec__debug_verdict(ish *sh, int tst)
{
    if (!(sh->shopts & SO_EXTDEBUG) || tst == 0 || sh->flow != FLOW_NONE)
        return 0;
    if (tst == 2 && (sh->func_depth > 0 || sh->source_depth > 0)) {
        sh->flow = FLOW_RETURN;
        sh->flow_n = sh->status;
        sh->exit_status = 2;
        sh->status = 2;
        return 0;
    }
    sh->status = tst; /* a function whose start is skipped returns it */
    return 2;
}

int exec_trap(ish *sh, int sig)
{
    int tst;
    if (exec__trap(sh, sig, &tst))
        return 1;
    return sig == ITRAP_DEBUG ? exec__debug_verdict(sh, tst) : 0;
}

/* Whether the DEBUG trap runs before the next command: set, not inside a
 * trap, and inherited by functions only with functrace (set -T, extdebug). */
static bool exec__debug_on(ish *sh)
{
    return sh->traps[ITRAP_DEBUG].action && !sh->in_trap &&
           (sh->func_depth == 0 || (sh->opts & O_FUNCTRACE));
}

/* bash's text of a command that is not a simple command, as $BASH_COMMAND
 * shows it before the DEBUG trap: the heads of for, select and case, one
 * part of for (( )) (part 0..2), [[ ]] and (( )) whole. */
static void exec__command_text(const ast_node *n, int part, vbuf *b)
{
    switch (n->kind) {
    case N_FOR:
    case N_SELECT:
        vbuf_printf(b, "%s %s in ", n->kind == N_FOR ? "for" : "select", n->var);
        if (!n->list && !n->has_in)
            vbuf_adds(b, "\"$@\"");
        for (size_t i = 0; n->list && i < n->nlist; i++) {
            if (i)
                vbuf_addc(b, ' ');
            vbuf_adds(b, n->list[i]->src ? n->list[i]->src : "");
        }
        if (n->list && n->nlist)
            break;
        if (n->has_in)
            b->len--; /* "for x in" with no words */
        break;
    case N_CASE:
        vbuf_printf(b, "case %s in ", n->subject && n->subject->src ? n->subject->src : "");
        break;
    case N_ARITH_FOR: {
        const ast_word *w = part == 0 ? n->arith_init : part == 1 ? n->arith_cond : n->arith_step;
        const char *t = w && w->src ? w->src : "";
        size_t l = strlen(t);
        while (l && (*t == ' ' || *t == '\t')) {
            t++;
            l--;
        }
        while (l && (t[l - 1] == ' ' || t[l - 1] == '\t'))
            l--;
        vbuf_adds(b, "((");
        if (l)
            vbuf_add(b, t, l);
        else
            vbuf_addc(b, '1');
        vbuf_adds(b, "))");
        break;
    }
    default:
        deparse_node(n, b);
        break;
    }
}

/* A command run in another process (a pipeline stage, a subshell): the
 * shell that started it takes the line (of the pipeline: bash's LINENO in
 * the ERR trap after it), and the command's text as BASH_COMMAND while a
 * trap could read it. */
static void exec__note_command(ish *sh, const ast_node *n, int line)
{
    sh->lineno = line;
    if (sh->in_trap || !(sh->traps[ITRAP_DEBUG].action || sh->traps[ITRAP_ERR].action ||
                         sh->traps[ITRAP_EXIT].action))
        return;
    vbuf cb;
    vbuf_init(&cb, sh->g->heap);
    deparse_node(n, &cb);
    var_set(sh, "BASH_COMMAND", vbuf_str(&cb), VS_GLOBAL);
    vbuf_free(&cb);
}

/* Before a compound command's head, a [[ ]] or a (( )): sets BASH_COMMAND
 * (while a trap could read it) and runs the DEBUG trap. 0: run the command;
 * -1: the trap left the shell or returned (flow set); > 0: extdebug skips
 * the command, the trap's status. */
static int exec__debug_before(ish *sh, const ast_node *n, int part)
{
    if (sh->in_trap || !(sh->traps[ITRAP_DEBUG].action || sh->traps[ITRAP_ERR].action ||
                         sh->traps[ITRAP_EXIT].action))
        return 0;
    vbuf cb;
    vbuf_init(&cb, sh->g->heap);
    exec__command_text(n, part, &cb);
    var_set(sh, "BASH_COMMAND", vbuf_str(&cb), VS_GLOBAL);
    vbuf_free(&cb);
    if (!exec__debug_on(sh))
        return 0;
    int tst;
    if (exec__trap(sh, ITRAP_DEBUG, &tst) || exec__debug_verdict(sh, tst) == 0)
        return sh->flow != FLOW_NONE ? -1 : 0;
    return tst;
}

void exec_run_exit_trap(ish *sh)
{
    if (!sh->traps[ITRAP_EXIT].action || !sh->traps[ITRAP_EXIT].action[0])
        return;
    char *act = sh->traps[ITRAP_EXIT].action;
    sh->traps[ITRAP_EXIT].action = NULL;
    int st = sh->flow == FLOW_EXIT ? sh->exit_status : sh->status;
    sh->flow = FLOW_NONE;
    sh->status = st;
    sh->cond_stale = false; /* bash resets its parser before the EXIT trap */
    bool stopped = sh->g->stop;
    if (!stopped)
        exec_string(sh, act, strlen(act), NULL, false);
    mem_free(sh->g->heap, act);
    if (sh->flow != FLOW_EXIT) {
        sh->flow = FLOW_EXIT;
        sh->exit_status = st;
    }
}

void exec_check_signals(ish *sh)
{
    iproc *p = sh->proc;
    if (!p || !p->pending_sig)
        return;
    int sig = p->pending_sig;
    p->pending_sig = 0;
    if (sig > 0 && sig < 65 && sh->traps[sig].action) {
        if (sh->traps[sig].action[0])
            exec_trap(sh, sig);
        return;
    }
    if (sig == SIGCHLD || sig == SIGWINCH || sig == SIGURG || sig == SIGCONT)
        return;
    sh->flow = FLOW_EXIT;
    sh->exit_status = 128 + sig;
    sh->status = 128 + sig;
    sh->died_sig = sig;
}

/* ------------------------------------------------------------------ set -e */
static void exec_errexit(ish *sh, int st)
{
    if (st == 0 || sh->errexit_off > 0 || sh->flow != FLOW_NONE)
        return;
    /* without set -E the ERR trap is not inherited by functions */
    if (sh->traps[ITRAP_ERR].action && !sh->in_err_trap &&
        (sh->func_depth == 0 || (sh->opts & O_ERRTRACE))) {
        sh->in_err_trap = true;
        exec_trap(sh, ITRAP_ERR);
        sh->in_err_trap = false;
        sh->status = st;
    }
    if (sh->opts & O_ERREXIT) {
        sh->flow = FLOW_EXIT;
        sh->exit_status = st;
    }
}

/* ------------------------------------------------------------------ compound */
static int exec_list(ish *sh, ast_node *n);
static int exec_pipeline(ish *sh, ast_node *n);
static int exec_background(ish *sh, ast_node *n);
static int exec_coproc(ish *sh, ast_node *n);
int exec_simple(ish *sh, ast_node *n);

static int exec_body(ish *sh, ast_node *n)
{
    if (!n)
        return 0;
    return exec_node(sh, n);
}

/* Runs a condition with set -e disabled. */
static int exec_cond_part(ish *sh, ast_node *n)
{
    sh->errexit_off++;
    int st = exec_body(sh, n);
    sh->errexit_off--;
    return st;
}

/* After a loop body: handles break/continue. Returns 1 to leave the loop. */
static int loop_flow(ish *sh)
{
    if (sh->flow == FLOW_BREAK) {
        if (--sh->flow_n > 0)
            return 1;
        sh->flow = FLOW_NONE;
        return 1;
    }
    if (sh->flow == FLOW_CONTINUE) {
        if (--sh->flow_n > 0)
            return 1;
        sh->flow = FLOW_NONE;
        return 0;
    }
    return sh->flow != FLOW_NONE;
}

static int exec_while(ish *sh, ast_node *n, bool until)
{
    int st = 0;
    uint64_t iter = 0;
    sh->loop_depth++;
    for (;;) {
        if (exec_loop_tick(sh, &iter))
            break;
        int c = exec_cond_part(sh, n->cond);
        if (sh->flow != FLOW_NONE) {
            if (loop_flow(sh))
                break;
            continue;
        }
        if (until ? c == 0 : c != 0)
            break;
        st = exec_body(sh, n->body);
        if (sh->flow != FLOW_NONE && loop_flow(sh))
            break;
    }
    sh->loop_depth--;
    sh->status = st;
    return st;
}

static void xtrace_text(ish *sh, const char *open, const char *text, const char *close);

/* set -x of a for, select or case head as bash prints it, words as
 * written: "+ for i in $l *.txt" (before each iteration of a for, once
 * for select and case), before the DEBUG trap of that head. */
static void exec__xtrace_head(ish *sh, const ast_node *n)
{
    if (!(sh->opts & O_XTRACE))
        return;
    vbuf b;
    vbuf_init(&b, sh->g->heap);
    exec__command_text(n, 0, &b);
    size_t l = b.len;
    while (l && b.data[l - 1] == ' ')
        l--;
    char *t = mem_strndup(sh->g->heap, b.data ? b.data : "", l);
    vbuf_free(&b);
    if (t)
        xtrace_text(sh, "", t, "");
    mem_free(sh->g->heap, t);
}

static int exec_for(ish *sh, ast_node *n)
{
    char **argv = NULL;
    int argc = 0;
    ishell *g = sh->g;
    if (n->list || n->has_in) {
        int rc = expand_words(sh, n->list, n->nlist, &argv, &argc);
        if (rc) {
            if (rc == 2 || !(sh->interactive)) {
                sh->flow = FLOW_EXIT;
                sh->exit_status = 1;
            }
            sh->status = 1;
            return 1;
        }
    } else {
        argv = mem_calloc(g->heap, (size_t)sh->npos + 1, sizeof *argv);
        if (!argv)
            return 1;
        for (int i = 0; i < sh->npos; i++)
            argv[i] = mem_strdup(g->heap, sh->pos[i]);
        argc = sh->npos;
    }
    if (!var_valid_name(n->var)) {
        sh_error(sh, "`%s': not a valid identifier", n->var);
        argv_free(g, argv);
        sh->status = 1;
        return 1;
    }
    int st = 0;
    uint64_t iter = 0;
    sh->loop_depth++;
    for (int i = 0; i < argc; i++) {
        if (exec_loop_tick(sh, &iter))
            break;
        exec__xtrace_head(sh, n);
        int dv = exec__debug_before(sh, n, 0);
        if (dv < 0) {
            st = sh->status;
            break;
        }
        if (dv > 0) {
            st = dv; /* extdebug: the iteration is skipped */
            continue;
        }
        /* a nameref loop variable takes each word as the name it refers to */
        ivar *lv = var_lookup_raw(sh, n->var);
        int vflags = lv && (lv->attr & VA_NAMEREF) ? VS_NOATTR : 0;
        if (var_set(sh, n->var, argv[i], vflags)) {
            st = 1;
            break;
        }
        st = exec_body(sh, n->body);
        if (sh->flow != FLOW_NONE && loop_flow(sh))
            break;
    }
    sh->loop_depth--;
    argv_free(g, argv);
    sh->status = st;
    return st;
}

/* ------------------------------------------------------------------ set -x of (( )) and [[ ]] */
static void xtrace_text(ish *sh, const char *open, const char *text, const char *close)
{
    ishell *g = sh->g;
    vbuf b;
    vbuf_init(&b, g->heap);
    sh_xtrace_prefix(sh, &b);
    vbuf_adds(&b, open);
    vbuf_adds(&b, text);
    vbuf_adds(&b, close);
    vbuf_addc(&b, '\n');
    sh_write(sh, 2, b.data, b.len);
    vbuf_free(&b);
}

/* An arithmetic word traced as bash does ("(( text ))"), then evaluated.
 * trim: the parts of for (( ; ; )) are shown without surrounding blanks,
 * and an empty part as 1. */
static int arith_word_traced(ish *sh, ast_word *w, int64_t *v, bool trim)
{
    char *e = NULL;
    *v = 0;
    if (!w) {
        xtrace_text(sh, "(( ", "1", " ))");
        *v = 1;
        return 0;
    }
    if (expand_string(sh, w, EX_NOSPLIT | EX_NOGLOB, &e))
        return 1;
    const char *t = e;
    size_t tl = strlen(e);
    while (*t == ' ' || *t == '\t' || *t == '\n')
        t++, tl--;
    while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t' || t[tl - 1] == '\n'))
        tl--;
    /* (( )) shows the blanks written inside the parentheses */
    size_t lead = 0, trail = 0;
    if (!trim && w->src) {
        size_t sl = strlen(w->src);
        while (lead < sl && (w->src[lead] == ' ' || w->src[lead] == '\t'))
            lead++;
        while (trail < sl - lead && (w->src[sl - 1 - trail] == ' ' || w->src[sl - 1 - trail] == '\t'))
            trail++;
    }
    char *shown = mem_printf(sh->g->heap, "%*s%.*s%*s", (int)lead, "", (int)tl, t, (int)trail, "");
    xtrace_text(sh, "(( ", shown ? shown : e, " ))");
    mem_free(sh->g->heap, shown);
    int rc = arith_eval(sh, e, v);
    mem_free(sh->g->heap, e);
    return rc;
}

static int arith_word(ish *sh, ast_word *w, int64_t *v)
{
    char *e = NULL;
    *v = 0;
    if (sh->opts & O_XTRACE)
        return arith_word_traced(sh, w, v, false);
    if (!w)
        return 0;
    /* Fast path: plain unquoted text without expansions is evaluated as written. */
    if (w->nparts == 1 && w->parts[0].kind == AP_LIT && w->parts[0].text)
        return arith_eval(sh, w->parts[0].text, v);
    if (expand_string(sh, w, EX_NOSPLIT | EX_NOGLOB, &e))
        return 1;
    int rc = arith_eval(sh, e, v);
    mem_free(sh->g->heap, e);
    return rc;
}

/* One part of for (( ; ; )): traced under set -x, errors prefixed "((: ".
 * An empty part is 1. */
static int for_arith(ish *sh, ast_word *w, int64_t *v)
{
    const char *pre = sh->arith_prefix;
    sh->arith_prefix = "((";
    int rc;
    if (w)
        sh->lineno = w->line; /* errors name the for line, not the body's last */
    if (sh->opts & O_XTRACE)
        rc = arith_word_traced(sh, w, v, true);
    else if (!w) {
        *v = 1;
        rc = 0;
    } else
        rc = arith_word(sh, w, v);
    sh->arith_prefix = pre;
    return rc;
}

/* One part of for (( )) after the DEBUG trap: 0, 1 after an error, -1
 * when the trap left (flow set); a part extdebug skips is 0. */
static int for_arith_part(ish *sh, ast_node *n, int part, int64_t *v)
{
    ast_word *w = part == 0 ? n->arith_init : part == 1 ? n->arith_cond : n->arith_step;
    if (w)
        sh->lineno = w->line;
    int dv = exec__debug_before(sh, n, part);
    if (dv < 0)
        return -1;
    if (dv > 0) {
        *v = 0;
        return 0;
    }
    if (!w && !(sh->opts & O_XTRACE)) {
        *v = 1;
        return 0;
    }
    return for_arith(sh, w, v);
}

static int exec_arith_for(ish *sh, ast_node *n)
{
    int64_t v;
    int st = 0;
    uint64_t iter = 0;
    int r = for_arith_part(sh, n, 0, &v);
    if (r) {
        if (r < 0)
            return sh->status;
        sh->status = 1;
        return 1;
    }
    sh->loop_depth++;
    for (;;) {
        if (exec_loop_tick(sh, &iter))
            break;
        r = for_arith_part(sh, n, 1, &v);
        if (r) {
            st = r < 0 ? sh->status : 1;
            break;
        }
        if (!v)
            break;
        st = exec_body(sh, n->body);
        if (sh->flow != FLOW_NONE && loop_flow(sh))
            break;
        r = for_arith_part(sh, n, 2, &v);
        if (r) {
            st = r < 0 ? sh->status : 1;
            break;
        }
    }
    sh->loop_depth--;
    sh->status = st;
    return st;
}

static int exec_select(ish *sh, ast_node *n)
{
    char **argv = NULL;
    int argc = 0;
    if (expand_words(sh, n->list, n->nlist, &argv, &argc))
        return 1;
    int st = 0;
    uint64_t iter = 0;
    stream *in = sh_fd(sh, 0);
    sh->loop_depth++;
    exec__xtrace_head(sh, n);
    for (;;) {
        if (exec_loop_tick(sh, &iter))
            break;
        int dv = exec__debug_before(sh, n, 0);
        if (dv) {
            st = dv < 0 ? sh->status : 0;
            break;
        }
        vbuf m;
        vbuf_init(&m, sh->g->heap);
        for (int i = 0; i < argc; i++)
            vbuf_printf(&m, "%d) %s\n", i + 1, argv[i]);
        const char *ps3 = var_get(sh, "PS3");
        vbuf_adds(&m, ps3 ? ps3 : "#? ");
        sh_write(sh, 2, m.data, m.len);
        vbuf_free(&m);
        vbuf line;
        vbuf_init(&line, sh->g->heap);
        char c;
        ssize_t r = 0;
        while (in && (r = stream_read(in, &c, 1)) == 1 && c != '\n')
            vbuf_addc(&line, c);
        if (r <= 0 && line.len == 0) {
            vbuf_free(&line);
            /* bash ends the menu line on stdout and the loop fails */
            sh_write(sh, 1, "\n", 1);
            st = 1;
            break;
        }
        var_set(sh, "REPLY", vbuf_str(&line), 0);
        long k = strtol(vbuf_str(&line), NULL, 10);
        vbuf_free(&line);
        var_set(sh, n->var, (k >= 1 && k <= argc) ? argv[k - 1] : "", 0);
        st = exec_body(sh, n->body);
        if (sh->flow != FLOW_NONE && loop_flow(sh))
            break;
    }
    sh->loop_depth--;
    argv_free(sh->g, argv);
    return st;
}

static int exec_case(ish *sh, ast_node *n)
{
    exec__xtrace_head(sh, n);
    int dv = exec__debug_before(sh, n, 0);
    if (dv)
        return dv < 0 ? sh->status : 0;
    char *subj = NULL;
    if (expand_string(sh, n->subject, EX_NOSPLIT | EX_NOGLOB, &subj)) {
        sh->status = 1;
        return 1;
    }
    int st = 0;
    int fl = PM_EXTGLOB * ((sh->shopts & SO_EXTGLOB) != 0) |
             PM_NOCASE * ((sh->shopts & SO_NOCASEMATCH) != 0);
    bool fall = false;
    for (size_t i = 0; i < n->ncases; i++) {
        ast_case_item *it = &n->cases[i];
        bool m = fall;
        for (size_t k = 0; !m && k < it->npatterns; k++) {
            char *pat = NULL;
            if (expand_string(sh, it->patterns[k], EX_NOSPLIT | EX_PATTERN, &pat))
                continue;
            m = pattern_match(pat, strlen(pat), subj, strlen(subj), fl);
            mem_free(sh->g->heap, pat);
        }
        if (!m)
            continue;
        st = exec_body(sh, it->body);
        if (sh->flow != FLOW_NONE)
            break;
        if (it->term == 1) {
            fall = true;
            continue;
        }
        fall = false;
        if (it->term == 2)
            continue;
        break;
    }
    mem_free(sh->g->heap, subj);
    sh->status = st;
    return st;
}

/* Whether expanding w twice could be seen (command substitutions,
 * assignments, errors): the trace then shows the word as written. */
static bool xword_unsafe(const ast_part *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (p[i].kind) {
        case AP_CMDSUB: case AP_PROCSUB: case AP_ARITH: return true;
        case AP_DQ: case AP_LOCALE:
            if (xword_unsafe(p[i].parts, p[i].nparts))
                return true;
            break;
        case AP_PARAM:
            if (p[i].param && (p[i].param->op != PO_NONE || p[i].param->index || p[i].param->indirect))
                return true;
            break;
        default: break;
        }
    }
    return false;
}

static void xcond_word(ish *sh, const ast_word *w, bool pattern, vbuf *b)
{
    if (!w)
        return;
    char *e = NULL;
    if (pattern) {
        /* quoted characters of a pattern are shown escaped, as bash does */
        bool simple = true;
        for (size_t i = 0; i < w->nparts && simple; i++) {
            const ast_part *p = &w->parts[i];
            if (p->kind == AP_DQ)
                for (size_t k = 0; k < p->nparts; k++)
                    simple = simple && p->parts[k].kind == AP_LIT;
            else
                simple = p->kind == AP_LIT || p->kind == AP_SQ;
        }
        if (simple && w->nparts) {
            for (size_t i = 0; i < w->nparts; i++) {
                const ast_part *p = &w->parts[i];
                if (p->kind == AP_LIT)
                    vbuf_add(b, p->text, p->len);
                else if (p->kind == AP_SQ)
                    for (size_t j = 0; j < p->len; j++) {
                        vbuf_addc(b, '\\');
                        vbuf_addc(b, p->text[j]);
                    }
                else
                    for (size_t k = 0; k < p->nparts; k++)
                        for (size_t j = 0; j < p->parts[k].len; j++) {
                            vbuf_addc(b, '\\');
                            vbuf_addc(b, p->parts[k].text[j]);
                        }
            }
            return;
        }
    }
    if ((sh->opts & O_NOUNSET) || xword_unsafe(w->parts, w->nparts) ||
        expand_string(sh, w, EX_NOSPLIT | EX_NOGLOB | (pattern ? EX_PATTERN : 0), &e)) {
        vbuf_adds(b, w->src ? w->src : "");
        return;
    }
    vbuf_adds(b, e[0] ? e : "''");
    mem_free(sh->g->heap, e);
}

static bool cond_leaf(const ast_cond *c)
{
    return c->kind == C_UNARY || c->kind == C_BINARY || c->kind == C_WORD;
}

static void xtrace_cond_leaf(ish *sh, const ast_cond *c, bool neg)
{
    vbuf b;
    vbuf_init(&b, sh->g->heap);
    if (neg)
        vbuf_adds(&b, "! ");
    if (c->kind == C_UNARY) {
        vbuf_printf(&b, "%s ", c->op);
        xcond_word(sh, c->w1, false, &b);
    } else if (c->kind == C_BINARY) {
        xcond_word(sh, c->w1, false, &b);
        vbuf_printf(&b, " %s ", c->op);
        bool pat = !strcmp(c->op, "==") || !strcmp(c->op, "=") || !strcmp(c->op, "!=");
        xcond_word(sh, c->w2, pat, &b);
    } else {
        vbuf_adds(&b, "-n ");
        xcond_word(sh, c->w1, false, &b);
    }
    xtrace_text(sh, "[[ ", vbuf_str(&b), " ]]");
    vbuf_free(&b);
}

/* [[ ]] under set -x: bash traces each primary it evaluates. */
static int cond_traced(ish *sh, ast_cond *c)
{
    if (!c)
        return 1;
    switch (c->kind) {
    case C_AND: {
        int l = cond_traced(sh, c->left);
        return l ? l : cond_traced(sh, c->right);
    }
    case C_OR: {
        int l = cond_traced(sh, c->left);
        return l != 1 ? l : cond_traced(sh, c->right);
    }
    case C_NOT:
        if (c->left && cond_leaf(c->left)) {
            xtrace_cond_leaf(sh, c->left, true);
            return cond_eval(sh, c);
        } else {
            int r = cond_traced(sh, c->left);
            return r == 2 ? 2 : !r;
        }
    default:
        xtrace_cond_leaf(sh, c, false);
        return cond_eval(sh, c);
    }
}

static int exec_arith_cmd(ish *sh, ast_node *n)
{
    int64_t v = 0;
    const char *pre = sh->arith_prefix;
    sh->arith_prefix = "((";
    int rc = arith_word(sh, n->arith_init, &v);
    sh->arith_prefix = pre;
    if (rc) {
        sh->status = 1;
        return 1;
    }
    return v ? 0 : 1;
}

static int exec_subshell(ish *sh, ast_node *n)
{
    ish *c = ish_fork(sh, sh->proc);
    if (!c)
        return 1;
    c->subshell = sh->subshell + 1;
    c->is_subshell_exit = true;
    c->bashpid = sh->g->next_pid++;
    int st = exec_body(c, n->body);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    c->status = st;
    exec_run_exit_trap(c);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    int sig = c->died_sig;
    exec_wait_hidden(c);
    ish_free(c);
    if (sig && sig != SIGINT && sig != SIGPIPE && !sh->async) {
        /* bash reports a foreground child killed by a signal */
        const char *d = sigdescr_np(sig);
        if (d) {
            sh_write(sh, 2, d, strlen(d));
            sh_write(sh, 2, "\n", 1);
        }
    }
    return st;
}

/* Compound commands after which PIPESTATUS is the last pipeline's inside
 * them (bash); ( ) [[ ]] (( )) set it from their own status. */
static bool exec_keeps_pipestatus(const ast_node *n)
{
    switch (n->kind) {
    case N_IF: case N_WHILE: case N_UNTIL: case N_FOR: case N_ARITH_FOR:
    case N_SELECT: case N_CASE: case N_GROUP:
        return true;
    default:
        return false;
    }
}

/* Runs a compound node with its redirections. */
static int exec_compound(ish *sh, ast_node *n)
{
    iredir_undo undo = {0};
    int psbase = sh->nprocsub;
    if (n->redirs && redir_apply(sh, n->redirs, &undo)) {
        redir_undo(sh, &undo);
        sh->status = 1;
        return 1;
    }
    int st = 0;
    switch (n->kind) {
    case N_SUBSHELL: exec__note_command(sh, n, n->line); st = exec_subshell(sh, n); break;
    case N_GROUP: st = exec_body(sh, n->body); break;
    case N_IF: {
        int c = exec_cond_part(sh, n->cond);
        if (sh->flow != FLOW_NONE) {
            st = c;
            break;
        }
        if (c == 0)
            st = exec_body(sh, n->then);
        else if (n->else_)
            st = exec_body(sh, n->else_);
        else
            st = 0;
        break;
    }
    case N_WHILE: st = exec_while(sh, n, false); break;
    case N_UNTIL: st = exec_while(sh, n, true); break;
    case N_FOR: sh->lineno = n->line; st = exec_for(sh, n); break;
    case N_ARITH_FOR: st = exec_arith_for(sh, n); break;
    case N_SELECT: sh->lineno = n->line; st = exec_select(sh, n); break;
    case N_CASE: sh->lineno = n->line; st = exec_case(sh, n); break;
    case N_COND: {
        sh->lineno = n->line;
        if (exec_count_command(sh)) {
            st = sh->flow == FLOW_EXIT ? sh->exit_status : 1;
            break;
        }
        int dv = exec__debug_before(sh, n, 0);
        if (dv) {
            st = dv < 0 ? sh->status : 0;
            break;
        }
        st = (sh->opts & O_XTRACE) ? cond_traced(sh, n->cexpr) : cond_eval(sh, n->cexpr);
        break;
    }
    case N_ARITH: {
        sh->lineno = n->line;
        if (exec_count_command(sh)) {
            st = 1;
            break;
        }
        int dv = exec__debug_before(sh, n, 0);
        if (dv) {
            st = dv < 0 ? sh->status : 0;
            break;
        }
        st = exec_arith_cmd(sh, n);
        break;
    }
    default: break;
    }
    redir_undo(sh, &undo);
    sh_close_procsubs(sh, psbase);
    return st;
}

int exec_node(ish *sh, ast_node *n)
{
    if (!n)
        return sh->status;
    if (exec_should_stop(sh))
        return sh->flow == FLOW_EXIT ? sh->exit_status : sh->status;
    if (proc_stack_left(sh->g) < 128 * 1024) {
        exec_limit(sh->g, VB_LIMIT_CALL_DEPTH, "maximum call depth exceeded (limit call_depth=%llu)",
                   (unsigned long long)sh->g->lim.max_call_depth);
        return 1;
    }
    int st = 0;
    switch (n->kind) {
    case N_SIMPLE:
        st = exec_simple(sh, n);
        sh->status = st;
        sh->pipestatus[0] = st;
        sh->npipestatus = 1;
        exec_errexit(sh, st);
        return st;
    case N_PIPELINE:
        st = exec_pipeline(sh, n);
        sh->status = st;
        if (!n->negate)
            exec_errexit(sh, st);
        return st;
    case N_AND:
    case N_OR: {
        int l = exec_cond_part(sh, n->left);
        sh->status = l;
        if (sh->flow != FLOW_NONE)
            return l;
        if ((n->kind == N_AND) == (l == 0)) {
            st = exec_node(sh, n->right);
        } else
            st = l;
        sh->status = st;
        return st;
    }
    case N_LIST:
        return exec_list(sh, n);
    case N_FUNCDEF: {
        sh->lineno = n->line;
        iarena *a = sh->cur_arena;
        if (func_set(sh, n->var, n, a)) {
            sh->status = 1;
            return 1;
        }
        sh->status = 0;
        return 0;
    }
    case N_COPROC:
        st = exec_coproc(sh, n);
        sh->status = st;
        return st;
    default:
        st = exec_compound(sh, n);
        sh->status = st;
        if (!exec_keeps_pipestatus(n)) {
            sh->pipestatus[0] = st;
            sh->npipestatus = 1;
        }
        if (n->kind == N_SUBSHELL || n->kind == N_COND || n->kind == N_ARITH)
            exec_errexit(sh, st);
        return st;
    }
}

static int exec_list(ish *sh, ast_node *n)
{
    int st = sh->status;
    for (size_t i = 0; i < n->nitems; i++) {
        ast_node *it = n->items[i];
        if (exec_should_stop(sh))
            break;
        if ((sh->opts & O_NOEXEC) && !sh->interactive)
            break;
        if (it->background)
            st = exec_background(sh, it);
        else
            st = exec_node(sh, it);
        sh->status = st;
    }
    return st;
}

/* ------------------------------------------------------------------ pipelines */
typedef struct stage_arg {
    ish *sh;
    ast_node *node;
    bool free_node;         /* node is a heap copy (background item) */
    iarena *arena;          /* keeps the node's parse alive */
} stage_arg;

static int stage_main(iproc *p, void *arg)
{
    stage_arg *a = arg;
    ish *c = a->sh;
    ishell *g = p->g;
    c->proc = p;
    int st = exec_node(c, a->node);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    c->status = st;
    exec_run_exit_trap(c);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    exec_wait_hidden(c);
    ish_free(c);
    if (a->free_node)
        mem_free(g->heap, a->node);
    iarena_unref(a->arena);
    mem_free(g->heap, a);
    return st;
}

static iproc *spawn_stage(ish *sh, ish *c, ast_node *node, bool free_node)
{
    stage_arg *a = mem_calloc(sh->g->heap, 1, sizeof *a);
    if (!a)
        return NULL;
    a->sh = c;
    a->node = node;
    a->free_node = free_node;
    a->arena = sh->cur_arena;
    iarena_ref(a->arena);
    if (sh->g->lim.max_procs && (uint64_t)sh->g->nprocs >= sh->g->lim.max_procs) {
        iarena_unref(a->arena);
        mem_free(sh->g->heap, a);
        exec_limit(sh->g, VB_LIMIT_PROCS, "maximum process count exceeded (limit procs=%llu)",
                   (unsigned long long)sh->g->lim.max_procs);
        return NULL;
    }
    iproc *p = proc_spawn(sh->g, stage_main, a, sh->proc);
    if (!p) {
        iarena_unref(a->arena);
        mem_free(sh->g->heap, a);
        return NULL;
    }
    return p;
}

static int exec_pipeline(ish *sh, ast_node *n)
{
    ishell *g = sh->g;
    size_t k = n->nitems;
    int st = 0;
    if (k == 0)
        return 0;
    if (n->negate || n->timed)
        sh->errexit_off += n->negate ? 1 : 0;
    struct timespec t0 = {0, 0};
    struct rusage ru0;
    memset(&ru0, 0, sizeof ru0);
    if (n->timed) {
        clock_gettime(CLOCK_MONOTONIC, &t0);
        getrusage(RUSAGE_THREAD, &ru0);
    }
    if (k == 1) {
        st = exec_node(sh, n->items[0]);
        if (!exec_keeps_pipestatus(n->items[0])) {
            sh->pipestatus[0] = st;
            sh->npipestatus = 1;
        }
    } else {
        iproc **procs = mem_calloc(g->heap, k, sizeof *procs);
        int *sts = mem_calloc(g->heap, k, sizeof *sts);
        if (!procs || !sts) {
            mem_free(g->heap, procs);
            mem_free(g->heap, sts);
            return 1;
        }
        stream *prev_r = NULL;
        bool lastpipe = (sh->shopts & SO_LASTPIPE) && !(sh->opts & O_MONITOR);
        iredir_undo lp_undo = {0};
        stream *lp_in = NULL;
        for (size_t i = 0; i < k; i++) {
            stream *r = NULL, *w = NULL;
            if (i + 1 < k && pipe_new(g, &r, &w) < 0) {
                stream_unref(prev_r);
                break;
            }
            if (i + 1 == k && lastpipe) {
                lp_in = prev_r;
                prev_r = NULL;
                break;
            }
            ish *c = ish_fork(sh, NULL);
            if (!c) {
                stream_unref(r);
                stream_unref(w);
                break;
            }
            c->subshell = sh->subshell + 1;
            c->is_subshell_exit = true;
            c->errexit_off = 0;
            if (prev_r)
                sh_set_fd(c, 0, prev_r);
            if (w) {
                sh_set_fd(c, 1, w);
                if (n->pipe_err && n->pipe_err[i])
                    sh_set_fd(c, 2, w);
            }
            stream_unref(prev_r);
            stream_unref(w);
            prev_r = r;
            procs[i] = spawn_stage(sh, c, n->items[i], false);
            if (!procs[i]) {
                ish_free(c);
                stream_unref(prev_r);
                prev_r = NULL;
                break;
            }
        }
        if (lp_in) {
            iredir_save sv = {0, NULL};
            (void)sv;
            stream *old = sh_fd(sh, 0);
            if (old)
                stream_ref(old);
            sh_set_fd(sh, 0, lp_in);
            stream_unref(lp_in);
            sts[k - 1] = exec_node(sh, n->items[k - 1]);
            sh_set_fd(sh, 0, old);
            stream_unref(old);
        }
        (void)lp_undo;
        if (!lp_in && procs[k - 1])
            exec__note_command(sh, n->items[k - 1], n->items[k - 1]->line);
        for (size_t i = 0; i < k; i++) {
            if (!procs[i])
                continue;
            sts[i] = proc_wait(g, procs[i]);
            if (procs[i]->state == P_DONE)
                sts[i] = procs[i]->status;
            proc_unref(g, procs[i]);
        }
        st = sts[k - 1];
        if (sh->opts & O_PIPEFAIL)
            for (size_t i = 0; i < k; i++)
                if (sts[i])
                    st = sts[i];
        sh->npipestatus = k < 64 ? (int)k : 64;
        for (int i = 0; i < sh->npipestatus; i++)
            sh->pipestatus[i] = sts[i];
        mem_free(g->heap, procs);
        mem_free(g->heap, sts);
    }
    if (n->timed) {
        struct timespec t1;
        struct rusage ru1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        getrusage(RUSAGE_THREAD, &ru1);
        /* the session's processes are coroutines on this thread: its CPU
         * time is theirs */
        double tm[3] = {
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
            (double)(ru1.ru_utime.tv_sec - ru0.ru_utime.tv_sec) +
                (double)(ru1.ru_utime.tv_usec - ru0.ru_utime.tv_usec) / 1e6,
            (double)(ru1.ru_stime.tv_sec - ru0.ru_stime.tv_sec) +
                (double)(ru1.ru_stime.tv_usec - ru0.ru_stime.tv_usec) / 1e6,
        };
        const char *fmt = n->time_posix ? "real %2R\nuser %2U\nsys %2S" : var_get(sh, "TIMEFORMAT");
        if (!fmt && !var_get(sh, "TIMEFORMAT"))
            fmt = "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS";
        if (fmt && *fmt) {
            vbuf b;
            vbuf_init(&b, g->heap);
            int bad = exec__timefmt(&b, fmt, tm);
            vbuf_addc(&b, '\n');
            if (bad)
                sh_error(sh, "TIMEFORMAT: `%c': invalid format character", bad);
            else
                sh_write(sh, 2, b.data, b.len);
            vbuf_free(&b);
        }
    }
    if (n->negate) {
        sh->errexit_off--;
        st = st ? 0 : 1;
    }
    return st;
}

/* ------------------------------------------------------------------ jobs */
static void jobs_free(ish *sh)
{
    while (sh->jobs) {
        ijob *j = sh->jobs;
        sh->jobs = j->next;
        for (size_t i = 0; i < j->nprocs; i++)
            proc_unref(sh->g, j->procs[i]);
        mem_free(sh->g->heap, j->procs);
        mem_free(sh->g->heap, j->cmd);
        mem_free(sh->g->heap, j);
    }
}

static int exec_background(ish *sh, ast_node *n)
{
    ishell *g = sh->g;
    ish *c = ish_fork(sh, NULL);
    if (!c)
        return 1;
    c->subshell = sh->subshell + 1;
    c->is_subshell_exit = true;
    c->errexit_off = 0;
    c->async = true;
    /* A background job reads /dev/null unless it redirects (non-interactive bash). */
    if (!(sh->opts & O_MONITOR) && sh_fd(sh, 0) == g->stdin_stream) {
        stream *nul = stream_null(g->heap, STREAM_R);
        if (nul) {
            sh_set_fd(c, 0, nul);
            stream_unref(nul);
        }
    }
    ast_node tmp = *n;
    tmp.background = false;
    ast_node *copy = mem_alloc(g->heap, sizeof *copy);
    if (!copy) {
        ish_free(c);
        return 1;
    }
    *copy = tmp;
    iproc *p = spawn_stage(sh, c, copy, true);
    if (!p) {
        mem_free(g->heap, copy);
        ish_free(c);
        return 1;
    }
    ijob *j = mem_calloc(g->heap, 1, sizeof *j);
    if (j) {
        j->id = sh->next_job++;
        j->procs = mem_calloc(g->heap, 1, sizeof *j->procs);
        if (j->procs) {
            j->procs[0] = p;
            j->nprocs = 1;
        } else
            p->refs--;
        vbuf jt;
        vbuf_init(&jt, g->heap);
        deparse_node(copy, &jt);
        vbuf_adds(&jt, " &");
        size_t jl;
        j->cmd = ivbuf_take(&jt, &jl);
        ijob **tail = &sh->jobs;
        while (*tail)
            tail = &(*tail)->next;
        *tail = j;
    } else
        p->refs--;
    sh->last_bg_pid = p->pid;
    return 0;
}

/* coproc [NAME] cmd: a background job with two pipes; NAME=(read-fd write-fd)
 * and NAME_PID in the parent. */
static int exec_coproc(ish *sh, ast_node *n)
{
    ishell *g = sh->g;
    const char *name = n->var && *n->var ? n->var : "COPROC";
    stream *in_r = NULL, *in_w = NULL, *out_r = NULL, *out_w = NULL;
    if (pipe_new(g, &in_r, &in_w) < 0)
        return 1;
    if (pipe_new(g, &out_r, &out_w) < 0) {
        stream_unref(in_r);
        stream_unref(in_w);
        return 1;
    }
    int rfd = 63, wfd;
    while (rfd > 10 && sh_fd(sh, rfd))
        rfd--;
    sh_set_fd(sh, rfd, out_r);
    wfd = rfd - 1;
    while (wfd > 10 && sh_fd(sh, wfd))
        wfd--;
    sh_set_fd(sh, wfd, in_w);
    /* the job sees the coprocess ends on its fds 0 and 1 */
    stream *s0 = sh_fd(sh, 0), *s1 = sh_fd(sh, 1);
    if (s0)
        stream_ref(s0);
    if (s1)
        stream_ref(s1);
    sh_set_fd(sh, 0, in_r);
    sh_set_fd(sh, 1, out_w);
    stream *saved_stdin = g->stdin_stream;
    g->stdin_stream = NULL;
    /* the child must not keep the parent's ends open */
    stream *pr = stream_ref(out_r), *pw = stream_ref(in_w);
    sh_set_fd(sh, rfd, NULL);
    sh_set_fd(sh, wfd, NULL);
    int st = exec_background(sh, n->body);
    g->stdin_stream = saved_stdin;
    sh_set_fd(sh, 0, s0);
    sh_set_fd(sh, 1, s1);
    stream_unref(s0);
    stream_unref(s1);
    sh_set_fd(sh, rfd, pr);
    sh_set_fd(sh, wfd, pw);
    stream_unref(pr);
    stream_unref(pw);
    stream_unref(in_r);
    stream_unref(in_w);
    stream_unref(out_r);
    stream_unref(out_w);
    char rb[16], wb[16], pb[16];
    snprintf(rb, sizeof rb, "%d", rfd);
    snprintf(wb, sizeof wb, "%d", wfd);
    snprintf(pb, sizeof pb, "%d", sh->last_bg_pid);
    var_unset(sh, name, true);
    var_set_elem(sh, name, "0", rb, 0);
    var_set_elem(sh, name, "1", wb, 0);
    char *pidname = mem_printf(g->heap, "%s_PID", name);
    if (pidname)
        var_set(sh, pidname, pb, 0);
    mem_free(g->heap, pidname);
    return st;
}

/* ------------------------------------------------------------------ scripts */
static const char *parser_alias(void *ctx, const char *name)
{
    ish *sh = ctx;
    if (!(sh->shopts & SO_EXPAND_ALIASES))
        return NULL;
    return alias_get(sh, name);
}

/* The text of line `line` of src (1-based), for bash's second error line. */
static void src_line(const char *src, size_t len, int line, const char **s, size_t *n)
{
    const char *p = src, *e = src + len;
    for (int l = 1; l < line && p < e; p++)
        if (*p == '\n')
            l++;
    const char *q = p;
    while (q < e && *q != '\n')
        q++;
    *s = p;
    *n = (size_t)(q - p);
}

/* Parser warnings (a here-document ended by end of file): bash prints them
 * as "NAME: line N: warning: ..." and goes on. */
static void exec__parse_warn(void *ctx, int line, const char *msg)
{
    ish *sh = ctx;
    vbuf b;
    vbuf_init(&b, sh->g->heap);
    vbuf_printf(&b, "%s: line %d: %s\n", sh->arg0 ? sh->arg0 : "vbash", line, msg);
    sh_write(sh, 2, b.data, b.len);
    vbuf_free(&b);
}

int exec_string(ish *sh, const char *src, size_t len, const char *name, bool script_file)
{
    ishell *g = sh->g;
    iarena *a = iarena_new(g);
    if (!a)
        return 1;
    parser_opts po = {0};
    po.alias = parser_alias;
    po.alias_ctx = sh;
    po.max_depth = g->lim.max_parse_depth ? (int)g->lim.max_parse_depth : 0;
    po.extglob = (sh->shopts & SO_EXTGLOB) != 0;
    po.warn = exec__parse_warn;
    po.warn_ctx = sh;
    po.first_line = sh->next_first_line;
    po.cond_stale = &sh->cond_stale;
    sh->next_first_line = 0;
    parser *p = parser_new(a->heap, src, len, &po);
    if (!p) {
        iarena_unref(a);
        return 1;
    }
    iarena *saved = sh->cur_arena;
    sh->cur_arena = a;
    sh->string_depth++;
    int st = 0;
    bool ran = false;
    int vline = 1; /* set -v: the next source line not printed yet */
    for (;;) {
        ast_node *n = NULL;
        parse_error err = {0};
        parser_set_extglob(p, (sh->shopts & SO_EXTGLOB) != 0);
        int r = parser_next(p, &n, &err);
        if (r >= 0) {
            int cur = parser_line(p);
            if (r == 0)
                cur = INT32_MAX;
            if (sh->opts & O_VERBOSE) {
                const char *ls;
                size_t ln;
                for (int l = vline; l < cur; l++) {
                    src_line(src, len, l, &ls, &ln);
                    if (ls >= src + len)
                        break;
                    sh_write(sh, 2, ls, ln);
                    sh_write(sh, 2, "\n", 1);
                }
            }
            vline = cur;
        }
        if (r == 0)
            break;
        if (r < 0) {
            vbuf b;
            vbuf_init(&b, g->heap);
            const char *nm = g->script_name ? g->script_name : "vbash";
            int m2line = err.msg2_line ? err.msg2_line : err.line;
            if (err.depth_limit) {
                exec_limit(g, VB_LIMIT_PARSE_DEPTH, "maximum parser nesting exceeded (limit parse_depth=%llu)",
                           (unsigned long long)g->lim.max_parse_depth);
            } else if (err.silent) {
                /* bash prints nothing for a missing term in [[ ]] */
            } else if (name && !script_file) {
                /* eval / trap text */
                vbuf_printf(&b, "%s: %s: line %d: %s\n", nm, name, err.line, err.msg ? err.msg : "syntax error");
                if (err.msg2)
                    vbuf_printf(&b, "%s: %s: line %d: %s\n", nm, name, m2line, err.msg2);
                if (err.msg && strncmp(err.msg, "syntax error near", 17) == 0) {
                    const char *ls;
                    size_t ln;
                    if (err.src_line) { /* the text's own line (its numbers start at the eval's) */
                        ls = err.src_line;
                        ln = strlen(ls);
                    } else {
                        src_line(src, len, err.line, &ls, &ln);
                    }
                    vbuf_printf(&b, "%s: %s: line %d: `", nm, name, err.line);
                    vbuf_add(&b, ls, ln);
                    vbuf_adds(&b, "'\n");
                }
            } else if (script_file || g->script_file) {
                vbuf_printf(&b, "%s: line %d: %s\n", name ? name : nm, err.line,
                            err.msg ? err.msg : "syntax error");
                if (err.msg2)
                    vbuf_printf(&b, "%s: line %d: %s\n", name ? name : nm, m2line, err.msg2);
                if (err.msg && strncmp(err.msg, "syntax error near", 17) == 0) {
                    const char *ls;
                    size_t ln;
                    src_line(src, len, err.line, &ls, &ln);
                    vbuf_printf(&b, "%s: line %d: `", name ? name : nm, err.line);
                    vbuf_add(&b, ls, ln);
                    vbuf_adds(&b, "'\n");
                }
            } else {
                vbuf_printf(&b, "%s: -c: line %d: %s\n", nm, err.line, err.msg ? err.msg : "syntax error");
                if (err.msg2)
                    vbuf_printf(&b, "%s: -c: line %d: %s\n", nm, m2line, err.msg2);
                if (err.msg && strncmp(err.msg, "syntax error near", 17) == 0) {
                    const char *ls;
                    size_t ln;
                    src_line(src, len, err.line, &ls, &ln);
                    vbuf_printf(&b, "%s: -c: line %d: `", nm, err.line);
                    vbuf_add(&b, ls, ln);
                    vbuf_adds(&b, "'\n");
                }
            }
            sh_write(sh, 2, b.data, b.len);
            vbuf_free(&b);
            /* bash's status after the error: 2, 0 after a [[ ]] error */
            st = err.depth_limit ? 2 : err.status;
            if (err.keep_status) /* bash's COND_ERROR: $? stays, 2 in eval/source */
                st = (name && !script_file) || sh->source_depth > 0 ? 2 : sh->status;
            if (err.in_subst && err.keep_status && !sh->interactive) {
                /* bash 5.2 gives up the whole shell there */
                sh->status = g->script_file ? 1 : 127;
                sh->flow = FLOW_EXIT;
                sh->exit_status = sh->status;
                break;
            }
            sh->status = st;
            if (!sh->interactive || name == NULL) {
                /* a sourced file's error ends the source (status 2), not the shell */
                bool sourced = script_file && name && sh->source_depth > 0 && !(sh->opts & O_POSIX);
                if ((!name || script_file) && !sourced) {
                    sh->flow = FLOW_EXIT;
                    sh->exit_status = st;
                }
            }
            break;
        }
        if (!n)
            continue;
        ran = true;
        if (sh->opts & O_NOEXEC)
            continue;
        st = exec_node(sh, n);
        sh->status = st;
        if (sh->flow == FLOW_EXIT && sh->abort_line && sh->string_depth == 1) {
            sh->flow = FLOW_NONE;
            sh->abort_line = false;
            st = sh->status = sh->exit_status;
        }
        if (exec_should_stop(sh))
            break;
    }
    (void)ran;
    parser_free(p);
    sh->string_depth--;
    sh->cur_arena = saved;
    iarena_unref(a);
    return sh->flow == FLOW_EXIT ? sh->exit_status : st;
}

const char *sh_dollar_dash(ish *sh, char *buf)
{
    char *o = buf;
    static const struct { int bit; char c; } fl[] = {
        {O_ALLEXPORT, 'a'}, {O_NOTIFY, 'b'},   {O_ERREXIT, 'e'},   {O_NOGLOB, 'f'},
        {O_HASHALL, 'h'},   {0, 'i'},          {O_KEYWORD, 'k'},   {O_MONITOR, 'm'},
        {O_NOEXEC, 'n'},    {O_PRIVILEGED, 'p'}, {O_ONECMD, 't'},  {O_NOUNSET, 'u'},
        {O_VERBOSE, 'v'},   {O_XTRACE, 'x'},   {O_BRACEEXPAND, 'B'}, {O_NOCLOBBER, 'C'},
        {O_ERRTRACE, 'E'},  {O_HISTEXPAND, 'H'}, {O_PHYSICAL, 'P'}, {O_FUNCTRACE, 'T'},
    };
    for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++)
        if (fl[i].bit ? (sh->opts & fl[i].bit) != 0 : sh->interactive)
            *o++ = fl[i].c;
    if (!sh->interactive && !sh->g->script_file) /* bash -c, not a script file */
        *o++ = 'c';
    *o = 0;
    return buf;
}
