/*
 * Interpreter internals shared by interp/ (all files), interp/bi/ and src/session.c.
 *
 * Three levels of state:
 *  - ishell: one per session. Heap, VFS, limits, counters, the scheduler of
 *    virtual processes, the session clock and random generator.
 *  - ish: one shell "process" state: variables, functions, options, cwd,
 *    positional parameters, traps, fd table, flow control. A subshell (pipeline
 *    stage, ( ), $( ), &) is a copy of its parent's ish, so the parent never
 *    sees its changes.
 *  - iproc: a virtual process, a stackful coroutine that runs one ish. $( )
 *    runs inline in its parent's iproc with a copied ish.
 *
 * All memory comes from the session heap (ishell.heap); AST nodes live on
 * refcounted parse arenas (iarena) that functions keep alive.
 */
#ifndef VB_INTERP_INTERP_H
#define VB_INTERP_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <ucontext.h>

#include "builtins/lib/bi.h"
#include "core/buf.h"
#include "core/mem.h"
#include "core/stream.h"
#include "interp/ast.h"
#include "vbash/vbash.h"
#include "vfs/vfs.h"

typedef struct ishell ishell;
typedef struct ish ish;
typedef struct iproc iproc;
typedef struct ivar ivar;
typedef struct ifunc ifunc;
typedef struct iarena iarena;

/* vbuf_take that always returns a NUL-terminated string (also when empty). */
static inline char *ivbuf_take(vbuf *b, size_t *len)
{
    vbuf_add(b, "", 0);
    return vbuf_take(b, len);
}

/* ------------------------------------------------------------------ arenas */
/* The memory of one parse (its own mem_heap), shared by every session that
 * holds a function defined from it: a session and its forks (all on the
 * thread that created it). refs: one per session record (atomic). */
typedef struct iarena_core {
    mem_heap *heap;
    int refs;
} iarena_core;
/* A session's hold on a parse arena. Refcounted: every function defined
 * from it holds a reference. A record of a function table shared between
 * sessions (ifuncshare) belongs to no session: g NULL, not listed, from
 * mem_shared_* memory, freed with its last reference. */
struct iarena {
    mem_heap *heap;         /* core->heap */
    int refs;
    ishell *g;              /* NULL: a shared table's record */
    iarena *prev, *next;    /* every live arena of the session */
    iarena_core *core;
    iarena *twin;           /* while a table is made shared: this arena's shared record */
};
iarena *iarena_new(ishell *g);
/* The shared record (g NULL) for a's parse: a itself if shared, else the
 * one made earlier through a->twin, else a new one (refs 0). NULL out of
 * memory. The caller clears the twins afterwards. */
iarena *iarena_shared(iarena *a);
/* Session teardown: frees the arenas still referenced (a process stopped
 * in the middle of a script never releases its references). */
void iarena_destroy_all(ishell *g);
void iarena_ref(iarena *a);
void iarena_unref(iarena *a);

/* ------------------------------------------------------------------ variables */
enum {
    VA_EXPORT = 1 << 0,
    VA_READONLY = 1 << 1,
    VA_INTEGER = 1 << 2,
    VA_LOWER = 1 << 3,
    VA_UPPER = 1 << 4,
    VA_ARRAY = 1 << 5,
    VA_ASSOC = 1 << 6,
    VA_NAMEREF = 1 << 7,
    VA_TRACE = 1 << 8,
    VA_CAPITAL = 1 << 9,
    VA_UNSET = 1 << 10,     /* declared (local x / declare x) but without a value */
    VA_SPECIAL = 1 << 11,   /* dynamic: RANDOM, SECONDS, LINENO... */
    VA_LOCAL = 1 << 12,
    VA_WHITEOUT = 1 << 13,  /* vars.c only: an unset hiding a shared base's variable */
};

typedef struct iaelem {
    int64_t idx;            /* indexed arrays */
    char *key;              /* associative arrays (owned) */
    char *val;              /* owned */
} iaelem;

/* An array: indexed (sorted by idx, sparse) or associative (insertion order). */
typedef struct iarray {
    iaelem *e;
    size_t n, cap;
    /* Associative arrays keep bash's hash-table order: idx holds the key's
     * FNV-1 hash, elements sorted by bucket (hash & (nbuckets - 1)), the
     * newest first within a bucket; nbuckets grows 1024, 4096... when the
     * count reaches twice it, as bash's table does (0 = 1024). */
    size_t nbuckets;
} iarray;

struct ivar {
    char *name;             /* owned */
    int attr;
    char *val;              /* owned; scalar value (NULL when unset or array) */
    iarray *arr;            /* owned; VA_ARRAY / VA_ASSOC */
    ivar *next;             /* hash chain */
};

typedef struct ivartab {
    ivar **b;
    size_t nb, n;
} ivartab;

/* A frozen level of global variables shared by vb_session_fork clones
 * (vars.c): the global table of a session at a fork, never changed again
 * while more than one holds it. Its variables, bucket array and the level
 * itself are blocks of `heap` (the forked session's, pinned while the
 * level lives). Whiteouts (VA_WHITEOUT) hide the levels under it. */
typedef struct ivarbase {
    ivartab t;
    struct ivarbase *up;    /* the older level under this one (a reference) */
    mem_heap *heap;
    int refs;               /* overlays (global scopes) and levels above */
    int depth;              /* levels from this one down (1: no up) */
} ivarbase;

/* A variable scope: the global one, then one per function call. */
typedef struct iscope {
    ivartab t;
    struct iscope *up;
    bool temp;              /* assignments before a command (x=1 cmd) */
    /* The global scope only: the shared frozen variables under t (NULL:
     * none, the case of a session never forked). t is then an overlay:
     * its variables hide the base's, a variable of the base is copied up
     * into t before it can be changed, an unset leaves a whiteout. */
    ivarbase *base;
} iscope;

/* Every visible variable of a shell once (inner scopes hide outer ones,
 * the global scope hides its bases; whiteouts never show): the table walks
 * of declare -p, set, compgen -v, ${!prefix*} and the environment. The
 * walk must not add variables while it runs, but may look up the variable
 * it was just given (var_lookup copies it up from a base: use the result). */
typedef struct ivar_iter {
    ish *sh;
    iscope *sc;             /* the scope walked */
    const ivarbase *lvl;    /* its base level walked (NULL: its own table) */
    size_t bucket;
    ivar *v;
} ivar_iter;
void var_iter_init(ivar_iter *it, ish *sh);
/* The next visible variable (borrowed: do not change it), NULL at the end. */
ivar *var_iter_next(ivar_iter *it);

/* ------------------------------------------------------------------ functions */
struct ifunc {
    char *name;
    ast_node *def;          /* N_FUNCDEF (body + redirs) */
    iarena *arena;          /* keeps def alive */
    int refs;
    int attr;               /* VA_EXPORT, VA_READONLY, VA_TRACE */
    ifunc *next;
    const char *source;     /* file it was defined in (BASH_SOURCE), on the arena; may be NULL */
};
/* A function table shared copy-on-write by vb_session_fork clones and
 * subshells (vars.c): its bucket array and functions are blocks of heap
 * (pinned while it lives), their parses held through shared records. */
typedef struct ifuncshare {
    ifunc **b;
    size_t nb, n;
    mem_heap *heap;
    int refs;               /* the tables pointing at it */
} ifuncshare;
typedef struct ifunctab {
    ifunc **b;
    size_t nb, n;
    /* non-NULL: b and its functions are share's, read only; the table is
     * made the shell's own (copied, or taken back when nobody else holds
     * it) before any change: func_set, func_unset, func_get_mut */
    ifuncshare *share;
} ifunctab;

typedef struct ialias {
    char *name, *val;
    struct ialias *next;
} ialias;

/* ------------------------------------------------------------------ options */
enum {
    O_ERREXIT = 1 << 0, O_NOUNSET = 1 << 1, O_PIPEFAIL = 1 << 2, O_XTRACE = 1 << 3,
    O_NOGLOB = 1 << 4, O_NOCLOBBER = 1 << 5, O_ALLEXPORT = 1 << 6, O_VERBOSE = 1 << 7,
    O_NOEXEC = 1 << 8, O_HASHALL = 1 << 9, O_BRACEEXPAND = 1 << 10, O_MONITOR = 1 << 11,
    O_NOTIFY = 1 << 12, O_ERRTRACE = 1 << 13, O_FUNCTRACE = 1 << 14, O_POSIX = 1 << 15,
    O_HISTEXPAND = 1 << 16, O_KEYWORD = 1 << 17, O_ONECMD = 1 << 18, O_PHYSICAL = 1 << 19,
    O_PRIVILEGED = 1 << 20, O_IGNOREEOF = 1 << 21, O_INTERACTIVE_COMMENTS = 1 << 22,
    O_EMACS = 1 << 23, O_VI = 1 << 24, O_HISTORY = 1 << 25,
};
enum {
    SO_EXTGLOB = 1 << 0, SO_NULLGLOB = 1 << 1, SO_FAILGLOB = 1 << 2, SO_DOTGLOB = 1 << 3,
    SO_GLOBSTAR = 1 << 4, SO_NOCASEGLOB = 1 << 5, SO_NOCASEMATCH = 1 << 6, SO_LASTPIPE = 1 << 7,
    SO_EXPAND_ALIASES = 1 << 8, SO_INHERIT_ERREXIT = 1 << 9, SO_XPG_ECHO = 1 << 10,
    SO_GLOBASCIIRANGES = 1 << 11, SO_SOURCEPATH = 1 << 12, SO_EXTQUOTE = 1 << 13,
    SO_PROMPTVARS = 1 << 14, SO_CHECKWINSIZE = 1 << 15, SO_CMDHIST = 1 << 16,
    SO_COMPLETE_FULLQUOTE = 1 << 17, SO_FORCE_FIGNORE = 1 << 18, SO_HOSTCOMPLETE = 1 << 19,
    SO_INTERACTIVE_COMMENTS = 1 << 20, SO_PROGCOMP = 1 << 21, SO_HISTAPPEND = 1 << 22,
    SO_CDSPELL = 1 << 23, SO_EXTDEBUG = 1 << 24, SO_SHIFT_VERBOSE = 1 << 25,
    SO_PATSUB_REPLACEMENT = 1 << 26, SO_LOCALVAR_INHERIT = 1 << 27, SO_GLOBSKIPDOTS = 1 << 28,
    SO_NOEXPAND_TRANSLATION = 1 << 29, SO_AUTOCD = 1 << 30,
};
/* shopt options past 31 bits: ish.shopts2, their iopt_name.letter is 2 */
enum { SO2_LOCALVAR_UNSET = 1 << 0 };

/* ------------------------------------------------------------------ processes */
enum iproc_state { P_RUNNABLE, P_BLOCKED, P_DONE };

typedef int (*iproc_fn)(iproc *p, void *arg);

struct iproc {
    ishell *g;
    int pid;
    enum iproc_state state;
    int status;             /* exit status once P_DONE */
    ucontext_t ctx;
    void *stack;            /* mmap'd, with a guard page below */
    size_t stack_size;
    iproc_fn fn;
    void *arg;
    iproc *parent;
    iproc *next_run;        /* run queue */
    iproc *next_all;        /* all live procs */
    uint64_t wake_ns;       /* sleeping until (monotonic ns), 0 = not sleeping */
    int waiting_for;        /* pid waited for (-1 any, 0 none) */
    int pending_sig;        /* a signal sent by kill (or SIGPIPE) not yet handled */
    bool killed;            /* unwinding: every command fails at once */
    bool reaped;            /* status collected by wait */
    bool detached;          /* nobody waits: freed when done */
    char *stack_base;       /* lowest usable address (for depth checks) */
    int refs;               /* holders: the scheduler while live, a job entry */
    vb_cmd *cmd;            /* the native command running now (its buffered
                               output is flushed before the process blocks) */
    uint64_t read_deadline; /* read -t: a pipe read gives up at this time (ns) */
};

/* A job (background pipeline) of a shell. */
typedef struct ijob {
    int id;                 /* %1 ... */
    iproc **procs;          /* one per pipeline stage (refs held) */
    size_t nprocs;
    char *cmd;              /* command text for `jobs` */
    bool notified, disowned;
    bool hidden;            /* a process substitution: waited for, never listed */
    struct ijob *next;
} ijob;

/* ------------------------------------------------------------------ shell state */
typedef struct itrap {
    char *action;           /* owned; NULL = default; "" = ignore */
} itrap;
#define ITRAP_EXIT 0
#define ITRAP_ERR 65
#define ITRAP_DEBUG 66
#define ITRAP_RETURN 67
#define ITRAP_N 68

/* How a list of commands is leaving (break/continue/return/exit). */
enum { FLOW_NONE = 0, FLOW_BREAK, FLOW_CONTINUE, FLOW_RETURN, FLOW_EXIT };

/* A function call frame (FUNCNAME, BASH_SOURCE, BASH_LINENO). */
typedef struct iframe {
    const char *func;       /* borrowed from the ifunc */
    const char *source;
    int call_line;
    struct iframe *up;
    bool owned;             /* heap copy (a subshell's), freed with its ish */
    bool restore_opts;      /* `local -` ran: the set options come back on return */
    int saved_opts;
    char **args;            /* the call's arguments (BASH_ARGV), borrowed; NULL in copies */
    int nargs;
    char **caller_pos;      /* the caller's positional parameters, borrowed */
    int caller_npos;
} iframe;

typedef struct ihash {      /* the command hash table (hash) */
    char *name, *path;
    int hits;
    struct ihash *next;
} ihash;

typedef struct idir {       /* pushd stack entry */
    char *path;
    struct idir *next;
} idir;

struct ish {
    ishell *g;
    iproc *proc;            /* the virtual process running this state */
    iscope *global, *scope; /* scope: innermost */
    ifunctab funcs;
    ialias *aliases;
    int opts, shopts;
    int shopts2;            /* SO2_* */
    char *cwd;              /* owned, absolute logical path */
    char *arg0;
    char **pos;             /* positional parameters $1..., owned */
    int npos;
    itrap traps[ITRAP_N];
    stream **fds;           /* refcounted entries; NULL = closed */
    int nfds;
    int fd_cloexec_mask;
    uint32_t umask;
    int status;             /* $? */
    int flow;               /* FLOW_* */
    int flow_n;             /* levels for break/continue */
    int exit_status;
    int loop_depth;
    int func_depth;
    int source_depth;
    int subshell;           /* BASH_SUBSHELL */
    int errexit_off;        /* >0 while in a context where set -e is ignored */
    int lineno;
    int last_bg_pid;        /* $! */
    int pipestatus[64];
    int npipestatus;
    iframe *frame;
    const char *source_name; /* current script (BASH_SOURCE top) */
    ijob *jobs;
    int next_job;
    idir *dirs;
    char *last_arg;         /* $_ */
    bool in_trap, in_debug_trap, in_err_trap;
    bool is_subshell_exit;  /* exit only ends this subshell */
    bool cond_stale;        /* a [[ ]] syntax error left bash's parser state: the next [[ fails */
    uint64_t globignore_seen; /* GLOBIGNORE as glob.c last saw it: 0 unset, 1 null, else a hash */
    bool interactive;
    int getopts_sub;        /* position inside a bundled option (getopts) */
    int getopts_ind;
    iarena *cur_arena;      /* arena of the text being run (function definitions keep it) */
    bool cmdsub_ran;        /* a $( ) ran while expanding the current command */
    int bashpid;            /* non-zero: $BASHPID of an inline subshell ($( ), ( )) */
    int died_sig;           /* the signal that ended this shell, if any */
    bool abort_line;        /* FLOW_EXIT only ends the current top-level command */
    int string_depth;       /* nesting of exec_string (1: the script's own text) */
    int next_first_line;    /* non-zero: the line number of the next exec_string's first line (eval, traps) */
    bool async;             /* a background job's shell */
    int xlevel;             /* set -x nesting: command substitutions */
    char errprefix[160];    /* vb_shell_ops.info("errprefix") result */
    const char *arith_prefix; /* "((" or "let" while those evaluate: error messages */
    unsigned char *bi_off;  /* enable -n: per entry of vb_builtin_table, NULL = none off */
    bool quiet_sig;         /* the command run by timeout: no "Terminated" report */
    ihash *hashed;          /* remembered command locations, newest first */
    int procsub_fds[16];    /* fds opened by <( ) for the current command */
    int nprocsub;
};

/* ------------------------------------------------------------------ session-wide */
struct ishell {
    mem_heap *heap;
    vfs *vfs;
    vb_limits lim;
    vb_net_policy *net;
    iarena *arenas;              /* live parse arenas (iarena_destroy_all) */
    volatile int cancel;         /* set by vb_cancel (any thread) */
    volatile int stop;           /* non-zero: everything unwinds (cancel or limit) */
    vb_limit_kind limit_hit;
    char *limit_msg;
    uint64_t ncommands;
    uint64_t out_bytes;
    uint64_t start_ns, deadline_ns;  /* monotonic */
    int64_t clock_epoch;         /* 0: real time */
    uint64_t clock_start_real_ns;
    uint64_t rng;                /* xorshift state */
    uint64_t seed;
    int next_pid;
    int shell_pid;               /* $$ */
    iproc *runq_head, *runq_tail;
    iproc *all;
    iproc *cur;
    iproc *main;                 /* the script's process ($$ names it) */
    int nprocs;
    ucontext_t sched_ctx;
    const void *sched_stack;     /* the scheduler's stack (sanitizer fiber switches) */
    size_t sched_stack_size;
    ish *top;                    /* the session's persistent shell state */
    char *user, *hostname;
    /* uname values of the session (NULL: uname's defaults); set by the
     * session from its configuration. Owned by the session heap. */
    char *uname_sysname, *uname_release, *uname_version, *uname_machine;
    stream *out_stream, *err_stream; /* captured output streams of the current vb_exec */
    stream *stdin_stream;        /* the script's own stdin (background jobs get /dev/null) */
    const char *script_name;
    bool script_file;
    bool nomem;
    mem_heap *cmd_heap;          /* an empty per-command heap kept for reuse */
    uint64_t brace_budget;       /* pushes left in the brace expansion under way (0 = none) */
    bool brace_over;             /* the budget ran out: the expansion limit */
    int timed_waits;             /* processes waiting with a deadline (timeout): busy
                                    processes yield now and then so deadlines fire */
};

/* ------------------------------------------------------------------ proc.c */
int proc_init(ishell *g);
/* Creates a runnable virtual process that will call fn(p, arg). */
iproc *proc_spawn(ishell *g, iproc_fn fn, void *arg, iproc *parent);
/* Runs the scheduler until proc p is done (called from the host thread). */
void proc_run_until(ishell *g, iproc *p);
void proc_yield(ishell *g);
/* Blocks the current process until proc_wake. */
void proc_block(ishell *g);
void proc_wake(ishell *g, iproc *p);
/* Waits (from inside a process) for p to end; returns its status. */
int proc_wait(ishell *g, iproc *p);
void proc_unref(ishell *g, iproc *p);
iproc *proc_find(ishell *g, int pid);
/* Cancellable sleep of the current process. 0, or -1 when interrupted. */
int proc_sleep(ishell *g, uint64_t ns);
/* Sends a signal to a process (kill); 0 or -1 if no such process. */
int proc_signal(ishell *g, int pid, int sig);
/* Kills every process but the given one and runs them to their end. */
void proc_kill_all(ishell *g);
/* Runs what can still run without waiting (pipes drain), then returns. */
void proc_drain(ishell *g);
uint64_t proc_now_ns(void);
/* Remaining C stack of the current process in bytes. */
size_t proc_stack_left(ishell *g);
/* A pipe: *r and *w are new streams (refcount 1 each). */
int pipe_new(ishell *g, stream **r, stream **w);
/* A stream that appends to a vbuf and counts against the output limit. */
stream *capture_stream(ishell *g, vbuf *b, bool count_output);

/* ------------------------------------------------------------------ vars.c */
int vars_init(ish *sh, const char *const *env);
ivar *var_lookup(ish *sh, const char *name);        /* follows namerefs */
ivar *var_lookup_raw(ish *sh, const char *name);    /* no nameref resolution */
/* The name a nameref chain ends at (name itself if not a nameref); borrowed. */
const char *var_ref_target(ish *sh, const char *name);
/* The scalar value (element 0 for arrays); NULL if unset. May compute a
 * dynamic value into a buffer owned by the shell (valid until next call). */
const char *var_get(ish *sh, const char *name);
/* Sets a scalar (or element 0 of an array). 0 or 1 after an error was printed. */
int var_set(ish *sh, const char *name, const char *val, int flags);
int var_set_elem(ish *sh, const char *name, const char *key, const char *val, int flags);
int var_unset(ish *sh, const char *name, bool quiet_readonly);
int var_unset_elem(ish *sh, const char *name, const char *key);
ivar *var_declare(ish *sh, const char *name, bool local);
enum { VS_APPEND = 1, VS_LOCAL = 2, VS_EXPORT = 4, VS_NOATTR = 8, VS_GLOBAL = 16, VS_TEMP = 32 };
bool var_valid_name(const char *s);
void var_scope_push(ish *sh, bool temp);
void var_scope_pop(ish *sh);
void var_free_scope(ishell *g, iscope *sc);
iscope *var_copy_scopes(ish *dst, const ish *src);
/* vb_session_fork: dst's global scope shares src's global variables
 * (both sides get an empty overlay on one frozen base; O(1) but for
 * src's own changes since its last fork). 0; 1 when src is not at its
 * global scope (copy its scopes instead); <0 out of memory. */
int var_share_global(ish *dst, ish *src);
char **var_environ(ish *sh, mem_heap *h);
/* Array helpers. */
iarray *arr_new(ishell *g);
void arr_free(ishell *g, iarray *a);
const char *arr_get_idx(const iarray *a, int64_t idx);
int arr_set_idx(ishell *g, iarray *a, int64_t idx, const char *val);
const char *arr_get_key(const iarray *a, const char *key);
int arr_set_key(ishell *g, iarray *a, const char *key, const char *val);
int arr_unset_idx(ishell *g, iarray *a, int64_t idx);
int arr_unset_key(ishell *g, iarray *a, const char *key);
int64_t arr_max_idx(const iarray *a);
void var_clear_value(ishell *g, ivar *v);
char *var_apply_case(ish *sh, ivar *v, const char *val);
/* Functions. */
ifunc *func_get(ish *sh, const char *name);
int func_set(ish *sh, const char *name, ast_node *def, iarena *arena);
int func_unset(ish *sh, const char *name);
void func_copy(ish *dst, const ish *src);
/* dst (no functions yet) shares src's function table: O(1) but the first
 * time a table is shared (its functions' parse records made shared). 0 or
 * <0 out of memory (dst then has none). Same thread. */
int func_share(ish *dst, ish *src);
/* func_get for a change of the function's attributes: the table made the
 * shell's own first (NULL also out of memory). */
ifunc *func_get_mut(ish *sh, const char *name);
void func_free_all(ish *sh);
/* Aliases */
const char *alias_get(ish *sh, const char *name);
/* Defines or replaces an alias (alias NAME=VALUE, BASH_ALIASES[NAME]=VALUE). */
int alias_set(ish *sh, const char *name, const char *val);

/* ------------------------------------------------------------------ arith.c */
/* Evaluates an arithmetic expression. 0, or 1 after printing bash's error
 * (the caller's command fails with status 1; in $(( )) the command ends). */
int arith_eval(ish *sh, const char *expr, int64_t *out);

/* ------------------------------------------------------------------ pattern.c */
enum { PM_NOCASE = 1, PM_EXTGLOB = 2, PM_PATHNAME = 4, PM_PERIOD = 8 };
/* Shell pattern match; pattern bytes escaped with '\' are literal. */
bool pattern_match(const char *pat, size_t plen, const char *s, size_t slen, int flags);
/* true when pat holds an unescaped glob metacharacter. */
bool pattern_has_glob(const char *pat, bool extglob);

/* ------------------------------------------------------------------ glob.c */
/* Pathname expansion of pattern (escaped form). Appends matches (sorted) to
 * *out (heap strings). Returns the count (0: no match), <0 on a limit. */
int glob_expand(ish *sh, const char *pat, char ***out, size_t *n, size_t *cap);
void glob_sync_globignore(ish *sh);
void glob_globignore_changed(ish *sh, const char *val);

/* ------------------------------------------------------------------ expand.c */
enum {
    EX_NOSPLIT = 1 << 0,    /* no word splitting (assignments, [[ ]], case, redirects) */
    EX_NOGLOB = 1 << 1,     /* no pathname expansion */
    EX_PATTERN = 1 << 2,    /* result is a pattern: quoted chars escaped with '\' */
    EX_ASSIGN = 1 << 3,     /* assignment value: tilde after '=' and ':' */
    EX_NOBRACE = 1 << 4,
    EX_REGEX = 1 << 5,      /* [[ =~ ]]: quoted chars escaped for ERE */
    EX_HEREDOC = 1 << 6,    /* here-document body: only $ ` \ expansions, quotes literal */
};
/* Expands words into fields (heap strings, NULL-terminated array). Returns 0
 * or non-zero after an expansion error (message printed; status in sh->status). */
int expand_words(ish *sh, ast_word **words, size_t n, char ***argv, int *argc);
/* One word to one string (EX_NOSPLIT implied). *out heap string. */
int expand_string(ish *sh, const ast_word *w, int flags, char **out);
void argv_free(ishell *g, char **argv);
/* Runs a command substitution body, returning its output without trailing newlines. */
int expand_cmdsub(ish *sh, ast_node *body, char **out);
/* Quoting for set -x, declare -p, ${x@Q}. */
char *shell_quote(ishell *g, const char *s, bool always);
char *ansi_c_quote(ishell *g, const char *s);
/* PS1-style prompt escapes (\u \h \w \$ ...): heap string. */
char *prompt_expand(ish *sh, const char *s);
char *expand_prompt(ish *sh, const char *s);
void sh_xtrace_prefix(ish *sh, vbuf *b);
char *xtrace_quote(ishell *g, const char *s);
/* Error of an expansion: bash's message; sets the fatal flags. */
void expand_error(ish *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ------------------------------------------------------------------ exec.c */
int exec_node(ish *sh, ast_node *n);
/* Parses and runs a script text (eval, source, -c). */
int exec_string(ish *sh, const char *src, size_t len, const char *name, bool script_file);
/* A copy of sh for a subshell (fds referenced, variables copied). */
ish *ish_fork(ish *sh, iproc *proc);
void ish_free(ish *sh);
/* Waits for the process substitutions a subshell started (they finish
 * before the subshell is reported done, deterministically). */
void exec_wait_hidden(ish *sh);
ish *ish_clone_into(ishell *g, ish *src);
ish *ish_new(ishell *g);
/* Runs argv as a command (after expansion), with the current fds. */
int exec_argv(ish *sh, char **argv, int argc, ast_redir *redirs, ast_assign *assigns);
int exec_function(ish *sh, ifunc *f, char **argv, int argc);
int exec_simple(ish *sh, ast_node *n);
/* name=(a b [k]=v) */
int exec_assign_array(ish *sh, const char *name, ast_word **elems, size_t n, bool append,
                      int vflags, bool assoc_hint);
/* Runs a script text as a child shell (exported variables only). */
int interp_run_script(ish *sh, const char *src, size_t len, const char *name, char **args, int nargs);
int interp_run_script_opts(ish *sh, const char *src, size_t len, const char *name, char **args,
                           int nargs, bool is_c, int opts);
void interp_now(ishell *g, struct timespec *ts);
char *exec_decl_word(ish *sh, const ast_assign *a);
uint64_t interp_random(ishell *g);
void exec_run_exit_trap(ish *sh);
int exec_trap(ish *sh, int sig);
void exec_check_signals(ish *sh);
/* true when the current command must stop (cancel, limit, killed, exit...). */
bool exec_should_stop(ish *sh);
/* Counts one command / loop iteration against the limits. */
int exec_count_command(ish *sh);
/* While a timeout waits: wakes waiters whose deadline passed and yields. */
void exec_timed_poll(ishell *g);
int exec_limit(ishell *g, vb_limit_kind k, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The line prefix of shell error messages: "vbash: " or "vbash: line N: ". */
void sh_errprefix(ish *sh, vbuf *b);
/* Prints "vbash: [line N: ]msg\n" to fd 2 of sh. */
void sh_error(ish *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An error that abandons the current top-level command (bash's jump to the
 * top level of a non-interactive shell): status 1, the script goes on with
 * its next command. */
void sh_abort(ish *sh);
/* Closes the fds opened by process substitutions since index base. */
void sh_close_procsubs(ish *sh, int base);
void sh_error_noline(ish *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sh_write(ish *sh, int fd, const void *p, size_t n);
stream *sh_fd(ish *sh, int fd);
int sh_set_fd(ish *sh, int fd, stream *s);   /* takes a reference */
/* The hash table: records name -> path (hits added), removes, clears. */
void sh_hash_note(ish *sh, const char *name, const char *path, int hits);
bool sh_hash_forget(ish *sh, const char *name);
void sh_hash_clear(ish *sh);
/* Resolves a command name on PATH in the VFS: heap path or NULL. */
char *exec_find_path(ish *sh, const char *name);
const vb_builtin *exec_find_builtin(const char *name);
bool sh_builtin_enabled(ish *sh, const char *name);
/* The shell builtin of that name unless enable -n turned it off (NULL). */
const vb_builtin *sh_find_builtin(ish *sh, const char *name);
char *sh_abspath(ish *sh, const char *path);    /* heap */
extern const vb_shell_ops interp_shell_ops;
/* Options by name (set -o / shopt). */
typedef struct iopt_name { const char *name; int bit; char letter; } iopt_name;
extern const iopt_name interp_set_opts[];
extern const iopt_name interp_shopts[];
const char *sh_dollar_dash(ish *sh, char *buf);

/* ------------------------------------------------------------------ redir.c */
typedef struct iredir_save {
    int fd;
    stream *old;            /* reference held; NULL if the fd was closed */
} iredir_save;
typedef struct iredir_undo {
    iredir_save *v;
    size_t n, cap;
} iredir_undo;
/* Applies redirections; with undo != NULL records how to restore them.
 * 0, or 1 after an error message. */
int redir_apply(ish *sh, ast_redir *r, iredir_undo *undo);
void redir_undo(ish *sh, iredir_undo *undo);
/* Opens a path as the shell opens redirection targets (the /dev/fd files are intercepted). */
stream *redir_open(ish *sh, const char *path, int flags, int *err);

/* ------------------------------------------------------------------ deparse.c */
/* A function's text in bash's layout (declare -f, type). */
void deparse_function(const char *name, const ast_node *def, vbuf *out);
/* One command on one line (jobs). */
void deparse_node(const ast_node *n, vbuf *out);

/* ------------------------------------------------------------------ cond / test */
int cond_eval(ish *sh, ast_cond *c);   /* 0 true, 1 false, 2 error */
int regex_match(ish *sh, const char *s, const char *re, int *status);

#endif
