/*
 * Virtual processes: stackful coroutines (ucontext) scheduled round-robin on
 * the session's one thread, and the bounded in-memory pipes between them.
 *
 * The scheduler runs on the host thread's stack (the caller of vb_exec);
 * every virtual process, the top-level script included, runs on its own
 * mmap'd stack with a guard page. A process gives the thread up only when it
 * must wait (empty pipe, full pipe, wait, sleep), so runs are deterministic.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "interp/interp.h"

/* AddressSanitizer must be told about every stack switch, or it reports
 * false errors on the coroutine stacks. */
#ifdef VB_SANITIZE
#include <sanitizer/common_interface_defs.h>
#define FIBER_START(save, bottom, size) __sanitizer_start_switch_fiber(save, bottom, size)
#define FIBER_FINISH(save, bottom, size) __sanitizer_finish_switch_fiber(save, bottom, size)
#else
#define FIBER_START(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#define FIBER_FINISH(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#endif

/*
 * Context switch. glibc's swapcontext saves and restores the signal mask
 * with a sigprocmask system call at every switch, though virtual processes
 * never change it; on x86-64 a switch is a dozen instructions instead:
 * push the callee-saved registers (and the SSE/x87 control words) on the
 * current stack, store the stack pointer, load the other one, pop, return.
 * A new process's stack is prepared so that the first switch "returns" into
 * proc__ctx_entry, which jumps to proc__trampoline with the process as its
 * argument. The saved stack pointer lives in the first bytes of the (then
 * unused) ucontext_t fields of iproc and ishell. Elsewhere, and under
 * AddressSanitizer, ucontext remains.
 */
#if defined(__x86_64__) && !defined(VB_SANITIZE)
#define PROC_CTX_ASM 1
void proc__ctx_switch(void **save_sp, void *to_sp);
void proc__ctx_entry(void);
__asm__(".text\n"
        ".p2align 4\n"
        ".type proc__ctx_switch,@function\n"
        "proc__ctx_switch:\n"
        "    pushq %rbp\n"
        "    pushq %rbx\n"
        "    pushq %r12\n"
        "    pushq %r13\n"
        "    pushq %r14\n"
        "    pushq %r15\n"
        "    subq $8, %rsp\n"
        "    stmxcsr (%rsp)\n"
        "    fnstcw 4(%rsp)\n"
        "    movq %rsp, (%rdi)\n"
        "    movq %rsi, %rsp\n"
        "    ldmxcsr (%rsp)\n"
        "    fldcw 4(%rsp)\n"
        "    addq $8, %rsp\n"
        "    popq %r15\n"
        "    popq %r14\n"
        "    popq %r13\n"
        "    popq %r12\n"
        "    popq %rbx\n"
        "    popq %rbp\n"
        "    ret\n"
        ".size proc__ctx_switch, .-proc__ctx_switch\n"
        ".p2align 4\n"
        ".type proc__ctx_entry,@function\n"
        "proc__ctx_entry:\n"
        "    movq %rbx, %rdi\n"   /* the process */
        "    jmpq *%r12\n"        /* proc__trampoline; never returns */
        ".size proc__ctx_entry, .-proc__ctx_entry\n");
#define PROC_SP(uc) (*(void **)(void *)&(uc))
#endif

#define PROC_STACK (8u << 20)   /* reserved, committed by the OS on touch */
#define PIPE_CAP (64u << 10)

uint64_t proc_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int proc_init(ishell *g)
{
    g->next_pid = 1000;
    g->shell_pid = g->next_pid++;
    return 0;
}

static void runq_push(ishell *g, iproc *p)
{
    p->next_run = NULL;
    if (g->runq_tail)
        g->runq_tail->next_run = p;
    else
        g->runq_head = p;
    g->runq_tail = p;
}

static iproc *runq_pop(ishell *g)
{
    iproc *p = g->runq_head;
    if (p) {
        g->runq_head = p->next_run;
        if (!g->runq_head)
            g->runq_tail = NULL;
        p->next_run = NULL;
    }
    return p;
}

#ifdef PROC_CTX_ASM
static void proc__trampoline(iproc *p) __attribute__((used, noreturn));
static void proc__trampoline(iproc *p)
{
#else
static void proc__trampoline(unsigned int lo, unsigned int hi)
{
    iproc *p = (iproc *)(((uintptr_t)hi << 32) | (uintptr_t)lo);
#endif
    ishell *g = p->g;
    FIBER_FINISH(NULL, &g->sched_stack, &g->sched_stack_size);
    p->status = p->fn(p, p->arg);
    p->state = P_DONE;
    g->nprocs--;
    /* Wake whoever waits for us. */
    for (iproc *q = g->all; q; q = q->next_all) {
        if (q->state == P_BLOCKED && q->waiting_for != 0 &&
            (q->waiting_for == p->pid || q->waiting_for == -1)) {
            q->waiting_for = 0;
            proc_wake(g, q);
        }
    }
    /* Return to the scheduler (via uc_link for ucontext); this stack is
     * gone after. */
    FIBER_START(NULL, g->sched_stack, g->sched_stack_size);
#ifdef PROC_CTX_ASM
    void *dead;
    proc__ctx_switch(&dead, PROC_SP(g->sched_ctx));
    __builtin_unreachable();
#endif
}

/*
 * Stacks are recycled through a small per-thread cache: mapping, guarding
 * and unmapping 8 MiB for every vb_exec and pipeline stage costs more than
 * the work itself (page-table updates dominate a short script). A stack
 * holds no session data once its process is done, so sessions on the same
 * thread may share the cache; threads never do.
 */
#define PROC_STACK_CACHE 16
static __thread void *proc_stack_cache[PROC_STACK_CACHE];
static __thread int proc_stack_cached;

static void *proc__stack_get(size_t sz)
{
    if (proc_stack_cached > 0)
        return proc_stack_cache[--proc_stack_cached];
    void *st = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                    -1, 0);
    if (st == MAP_FAILED)
        return NULL;
    mprotect(st, (size_t)sysconf(_SC_PAGESIZE), PROT_NONE); /* guard page */
    return st;
}

static void proc__stack_put(void *st, size_t sz)
{
    if (proc_stack_cached < PROC_STACK_CACHE && sz == PROC_STACK) {
        proc_stack_cache[proc_stack_cached++] = st;
        return;
    }
    munmap(st, sz);
}

iproc *proc_spawn(ishell *g, iproc_fn fn, void *arg, iproc *parent)
{
    iproc *p = mem_calloc(g->heap, 1, sizeof *p);
    if (!p)
        return NULL;
    long pg = sysconf(_SC_PAGESIZE);
    size_t sz = PROC_STACK;
    void *st = proc__stack_get(sz);
    if (!st) {
        mem_free(g->heap, p);
        return NULL;
    }
    p->g = g;
    p->stack = st;
    p->stack_size = sz;
    p->stack_base = (char *)st + pg;
    p->fn = fn;
    p->arg = arg;
    p->parent = parent;
    p->pid = g->next_pid++;
    p->state = P_RUNNABLE;
    p->refs = 1;
#ifdef PROC_CTX_ASM
    {
        /* The frame proc__ctx_switch pops: control words, r15..r12, rbx,
         * rbp, return address (proc__ctx_entry), then a null return
         * address for proc__trampoline (rsp = 8 mod 16 at its entry). */
        uint64_t *top = (uint64_t *)(void *)((uintptr_t)((char *)st + sz) & ~(uintptr_t)15);
        uint64_t *f = top - 9;
        uint32_t mxcsr;
        uint16_t fpucw;
        __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
        __asm__ volatile("fnstcw %0" : "=m"(fpucw));
        f[0] = (uint64_t)mxcsr | ((uint64_t)fpucw << 32);
        f[1] = 0;                               /* r15 */
        f[2] = 0;                               /* r14 */
        f[3] = 0;                               /* r13 */
        f[4] = (uint64_t)(uintptr_t)proc__trampoline; /* r12 */
        f[5] = (uint64_t)(uintptr_t)p;          /* rbx */
        f[6] = 0;                               /* rbp */
        f[7] = (uint64_t)(uintptr_t)proc__ctx_entry;
        f[8] = 0;
        PROC_SP(p->ctx) = f;
    }
#else
    getcontext(&p->ctx);
    p->ctx.uc_stack.ss_sp = st;
    p->ctx.uc_stack.ss_size = sz;
    p->ctx.uc_link = &g->sched_ctx;
    uintptr_t v = (uintptr_t)p;
    makecontext(&p->ctx, (void (*)(void))proc__trampoline, 2, (unsigned int)(v & 0xffffffffu),
                (unsigned int)(v >> 32));
#endif
    p->next_all = g->all;
    g->all = p;
    g->nprocs++;
    runq_push(g, p);
    return p;
}

static void proc__free(ishell *g, iproc *p)
{
    iproc **pp = &g->all;
    while (*pp && *pp != p)
        pp = &(*pp)->next_all;
    if (*pp)
        *pp = p->next_all;
    if (p->stack)
        proc__stack_put(p->stack, p->stack_size);
    mem_free(g->heap, p);
}

void proc_unref(ishell *g, iproc *p)
{
    if (p && --p->refs <= 0 && p->state == P_DONE)
        proc__free(g, p);
}

iproc *proc_find(ishell *g, int pid)
{
    for (iproc *p = g->all; p; p = p->next_all)
        if (p->pid == pid)
            return p;
    return NULL;
}

void proc_wake(ishell *g, iproc *p)
{
    if (p->state == P_BLOCKED) {
        p->state = P_RUNNABLE;
        p->wake_ns = 0;
        runq_push(g, p);
    }
}

static void proc__switch_out(ishell *g)
{
    iproc *p = g->cur;
    void *fake = NULL;
    FIBER_START(&fake, g->sched_stack, g->sched_stack_size);
#ifdef PROC_CTX_ASM
    proc__ctx_switch(&PROC_SP(p->ctx), PROC_SP(g->sched_ctx));
#else
    swapcontext(&p->ctx, &g->sched_ctx);
#endif
    FIBER_FINISH(fake, &g->sched_stack, &g->sched_stack_size);
    g->cur = p;
}

/* Runs p until it gives the thread back (scheduler side). */
static void proc__switch_in(ishell *g, iproc *p)
{
    void *fake = NULL;
    g->cur = p;
    FIBER_START(&fake, p->stack, p->stack_size);
#ifdef PROC_CTX_ASM
    proc__ctx_switch(&PROC_SP(g->sched_ctx), PROC_SP(p->ctx));
#else
    swapcontext(&g->sched_ctx, &p->ctx);
#endif
    FIBER_FINISH(fake, NULL, NULL);
    g->cur = NULL;
}

void proc_yield(ishell *g)
{
    iproc *p = g->cur;
    if (!p)
        return;
    runq_push(g, p);
    proc__switch_out(g);
}

void proc_block(ishell *g)
{
    iproc *p = g->cur;
    if (!p)
        return;
    p->state = P_BLOCKED;
    proc__switch_out(g);
}

int proc_wait(ishell *g, iproc *p)
{
    while (p->state != P_DONE) {
        g->cur->waiting_for = p->pid;
        proc_block(g);
        if (g->cur->waiting_for != 0) { /* woken for another reason (signal, kill) */
            g->cur->waiting_for = 0;
            if (g->cur->killed || g->stop)
                return 128 + SIGTERM;
            if (g->cur->pending_sig)
                return 128 + g->cur->pending_sig;
        }
    }
    return p->status;
}

int proc_sleep(ishell *g, uint64_t ns)
{
    iproc *p = g->cur;
    uint64_t until = proc_now_ns() + ns;
    while (proc_now_ns() < until) {
        if (g->stop || g->cancel || p->killed || p->pending_sig)
            return -1;
        p->wake_ns = until;
        proc_block(g);
        p->wake_ns = 0;
    }
    return 0;
}

int proc_signal(ishell *g, int pid, int sig)
{
    iproc *p = pid == g->shell_pid && g->main ? g->main : proc_find(g, pid);
    if (!p || p->state == P_DONE)
        return -1;
    if (sig == 0)
        return 0;
    p->pending_sig = sig;
    if (sig == SIGKILL)
        p->killed = true;
    if (p->state == P_BLOCKED)
        proc_wake(g, p);
    return 0;
}

size_t proc_stack_left(ishell *g)
{
    iproc *p = g->cur;
    if (!p || !p->stack_base)
        return (size_t)-1;
    char here;
    char *h = &here;
    if (h <= p->stack_base)
        return 0;
    return (size_t)(h - p->stack_base);
}

/* Runs the scheduler on the host thread until p is done. */
void proc_run_until(ishell *g, iproc *target)
{
    while (target->state != P_DONE) {
        iproc *p = runq_pop(g);
        if (!p) {
            /* Nothing runnable: sleepers, or a deadlock. */
            uint64_t soonest = 0;
            bool any_blocked = false;
            for (iproc *q = g->all; q; q = q->next_all) {
                if (q->state != P_BLOCKED)
                    continue;
                any_blocked = true;
                if (q->wake_ns && (!soonest || q->wake_ns < soonest))
                    soonest = q->wake_ns;
            }
            if (!any_blocked)
                break;
            if (soonest) {
                uint64_t now = proc_now_ns();
                if (soonest > now) {
                    uint64_t d = soonest - now;
                    if (d > 10000000ull)
                        d = 10000000ull; /* poll cancellation every 10 ms */
                    struct timespec ts = {(time_t)(d / 1000000000ull), (long)(d % 1000000000ull)};
                    nanosleep(&ts, NULL);
                }
                now = proc_now_ns();
                if (g->cancel || g->stop)
                    now = UINT64_MAX;
                if (g->deadline_ns && now >= g->deadline_ns && !g->stop) {
                    g->stop = 1;
                    g->limit_hit = VB_LIMIT_TIME;
                }
                for (iproc *q = g->all; q; q = q->next_all)
                    if (q->state == P_BLOCKED && q->wake_ns && q->wake_ns <= now)
                        proc_wake(g, q);
                continue;
            }
            /* Deadlock: kill every blocked process so that it unwinds. */
            for (iproc *q = g->all; q; q = q->next_all)
                if (q->state == P_BLOCKED) {
                    q->killed = true;
                    q->waiting_for = 0;
                    proc_wake(g, q);
                }
            continue;
        }
        if (p->state != P_RUNNABLE)
            continue;
        proc__switch_in(g, p);
        if (p->state == P_DONE) {
            proc__stack_put(p->stack, p->stack_size);
            p->stack = NULL;
            p->stack_base = NULL;
            if (p->detached)
                proc_unref(g, p);
        }
    }
}

void proc_drain(ishell *g)
{
    while (g->runq_head) {
        iproc *p = runq_pop(g);
        if (p->state != P_RUNNABLE)
            continue;
        proc__switch_in(g, p);
        if (p->state == P_DONE) {
            proc__stack_put(p->stack, p->stack_size);
            p->stack = NULL;
            p->stack_base = NULL;
            if (p->detached)
                proc_unref(g, p);
        }
    }
}

void proc_kill_all(ishell *g)
{
    for (;;) {
        iproc *live = NULL;
        for (iproc *q = g->all; q; q = q->next_all)
            if (q->state != P_DONE) {
                live = q;
                q->killed = true;
                q->waiting_for = 0;
                proc_wake(g, q);
            }
        if (!live)
            break;
        proc_run_until(g, live);
    }
    /* Free what nobody holds any more. */
    iproc *q = g->all;
    while (q) {
        iproc *nx = q->next_all;
        if (q->state == P_DONE && q->detached)
            proc__free(g, q);
        q = nx;
    }
}

/* ------------------------------------------------------------------ pipes */
typedef struct ipipe {
    ishell *g;
    char *buf;
    size_t head, len;
    int readers, writers;
    iproc *rwait, *wwait;
} ipipe;

typedef struct pipe_end {
    stream s;
    ipipe *p;
    bool writer;
} pipe_end;

static void pipe__maybe_free(ipipe *pp)
{
    if (pp->readers == 0 && pp->writers == 0) {
        mem_free(pp->g->heap, pp->buf);
        mem_free(pp->g->heap, pp);
    }
}

static bool proc__must_stop(ishell *g)
{
    return g->stop || g->cancel || (g->cur && g->cur->killed);
}

static ssize_t pipe_read(stream *s, void *buf, size_t n)
{
    pipe_end *e = (pipe_end *)s;
    ipipe *pp = e->p;
    ishell *g = pp->g;
    if (e->writer)
        return VB_EBADF;
    while (pp->len == 0) {
        if (pp->writers == 0)
            return 0;
        if (proc__must_stop(g))
            return VB_ECANCELED;
        if (!g->cur)
            return 0;
        /* A command about to wait for input first hands over the output it
         * has buffered, as a real process's writes would already be in the
         * pipe (coprocesses, cat in a loop). */
        if (g->cur->cmd && g->cur->cmd->obuf.len && !g->cur->cmd->obuf.error) {
            vb_cmd *c = g->cur->cmd;
            g->cur->cmd = NULL;
            bi_flush(c);
            g->cur->cmd = c;
            if (pp->len)
                continue;
        }
        pp->rwait = g->cur;
        if (g->cur->read_deadline) {
            if (proc_now_ns() >= g->cur->read_deadline) {
                pp->rwait = NULL;
                return VB_ETIMEDOUT;
            }
            g->cur->wake_ns = g->cur->read_deadline;
        }
        proc_block(g);
        if (pp->rwait == g->cur)
            pp->rwait = NULL;
        /* a signal arrived: the read ends (as a killed process's would); the
         * shell acts on the signal before its next command */
        if (g->cur->pending_sig && pp->len == 0)
            return 0;
    }
    size_t k = n < pp->len ? n : pp->len;
    /* the ring holds [head, head+len) modulo PIPE_CAP: at most two pieces */
    size_t k1 = PIPE_CAP - pp->head < k ? PIPE_CAP - pp->head : k;
    memcpy(buf, pp->buf + pp->head, k1);
    if (k1 < k)
        memcpy((char *)buf + k1, pp->buf, k - k1);
    pp->head = (pp->head + k) % PIPE_CAP;
    pp->len -= k;
    if (pp->len == 0)
        pp->head = 0;   /* the next write lands in one piece */
    if (pp->wwait) {
        iproc *w = pp->wwait;
        pp->wwait = NULL;
        proc_wake(g, w);
    }
    return (ssize_t)k;
}

static ssize_t pipe_write(stream *s, const void *buf, size_t n)
{
    pipe_end *e = (pipe_end *)s;
    ipipe *pp = e->p;
    ishell *g = pp->g;
    size_t done = 0;
    if (!e->writer)
        return VB_EBADF;
    while (done < n) {
        if (pp->readers == 0) {
            if (g->cur)
                g->cur->pending_sig = SIGPIPE;
            return VB_EPIPE;
        }
        if (proc__must_stop(g))
            return VB_ECANCELED;
        size_t room = PIPE_CAP - pp->len;
        if (room == 0) {
            if (!g->cur || g->cur->pending_sig)
                return VB_EPIPE;
            pp->wwait = g->cur;
            proc_block(g);
            if (pp->wwait == g->cur)
                pp->wwait = NULL;
            continue;
        }
        size_t k = n - done < room ? n - done : room;
        size_t tail = (pp->head + pp->len) % PIPE_CAP;
        size_t k1 = PIPE_CAP - tail < k ? PIPE_CAP - tail : k;
        memcpy(pp->buf + tail, (const char *)buf + done, k1);
        if (k1 < k)
            memcpy(pp->buf, (const char *)buf + done + k1, k - k1);
        pp->len += k;
        done += k;
        if (pp->rwait) {
            iproc *r = pp->rwait;
            pp->rwait = NULL;
            proc_wake(g, r);
        }
    }
    return (ssize_t)n;
}

static void pipe_close(stream *s)
{
    pipe_end *e = (pipe_end *)s;
    ipipe *pp = e->p;
    ishell *g = pp->g;
    if (e->writer) {
        pp->writers--;
        if (pp->writers == 0 && pp->rwait) {
            iproc *r = pp->rwait;
            pp->rwait = NULL;
            proc_wake(g, r);
        }
    } else {
        pp->readers--;
        if (pp->readers == 0 && pp->wwait) {
            iproc *w = pp->wwait;
            pp->wwait = NULL;
            proc_wake(g, w);
        }
    }
    mem_free(g->heap, e);
    pipe__maybe_free(pp);
}

static const stream_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .seek = NULL,
    .close = pipe_close,
};

int pipe_new(ishell *g, stream **r, stream **w)
{
    ipipe *pp = mem_calloc(g->heap, 1, sizeof *pp);
    pipe_end *re = mem_calloc(g->heap, 1, sizeof *re);
    pipe_end *we = mem_calloc(g->heap, 1, sizeof *we);
    char *buf = mem_alloc(g->heap, PIPE_CAP);
    if (!pp || !re || !we || !buf) {
        mem_free(g->heap, pp);
        mem_free(g->heap, re);
        mem_free(g->heap, we);
        mem_free(g->heap, buf);
        return VB_ENOMEM;
    }
    pp->g = g;
    pp->buf = buf;
    pp->readers = 1;
    pp->writers = 1;
    re->s.ops = &pipe_ops;
    re->s.refs = 1;
    re->s.flags = STREAM_R;
    re->s.kind = STREAM_PIPE;
    re->p = pp;
    we->s.ops = &pipe_ops;
    we->s.refs = 1;
    we->s.flags = STREAM_W;
    we->s.kind = STREAM_PIPE;
    we->p = pp;
    we->writer = true;
    *r = &re->s;
    *w = &we->s;
    return 0;
}

/* ------------------------------------------------------------------ capture */
typedef struct cap_stream {
    stream s;
    ishell *g;
    vbuf *b;
    bool count;
} cap_stream;

static ssize_t cap_read(stream *s, void *buf, size_t n)
{
    return VB_EBADF;
}

static ssize_t cap_write(stream *s, const void *buf, size_t n)
{
    cap_stream *c = (cap_stream *)s;
    ishell *g = c->g;
    if (g->stop)
        return VB_ECANCELED;
    if (c->count && g->lim.max_output_bytes) {
        if (g->out_bytes + n > g->lim.max_output_bytes) {
            size_t room = (size_t)(g->lim.max_output_bytes - g->out_bytes);
            vbuf_add(c->b, buf, room);
            g->out_bytes += room;
            exec_limit(g, VB_LIMIT_OUTPUT, "maximum output size exceeded (limit output=%llu)",
                       (unsigned long long)g->lim.max_output_bytes);
            return VB_ECANCELED;
        }
        g->out_bytes += n;
    }
    if (vbuf_add(c->b, buf, n) < 0)
        return VB_ENOMEM;
    return (ssize_t)n;
}

static void cap_close(stream *s)
{
    cap_stream *c = (cap_stream *)s;
    mem_free(c->g->heap, c);
}

static const stream_ops cap_ops = {
    .read = cap_read,
    .write = cap_write,
    .seek = NULL,
    .close = cap_close,
};

stream *capture_stream(ishell *g, vbuf *b, bool count_output)
{
    cap_stream *c = mem_calloc(g->heap, 1, sizeof *c);
    if (!c)
        return NULL;
    c->s.ops = &cap_ops;
    c->s.refs = 1;
    c->s.flags = STREAM_W;
    c->s.kind = STREAM_BUF;
    c->g = g;
    c->b = b;
    c->count = count_output;
    return &c->s;
}
