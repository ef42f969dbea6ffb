/*
 * What every command sees: vb_cmd, and the shared helpers of builtins/lib/.
 *
 * A command is `int bi_<name>(vb_cmd *cmd)` returning its exit status
 * (0-255). It reads cmd->in (fd 0), writes through bi_out* (buffered fd 1)
 * and bi_err* (fd 2, unbuffered, after flushing fd 1), reaches files only
 * through cmd->vfs with paths made absolute by bi_path, and allocates from
 * cmd->heap (freed by the interpreter after the command, so a command may
 * leave temporaries behind on its error paths). Commands never call exit,
 * abort, printf or open(2).
 *
 * Long loops call bi_cancelled(cmd) often (per line / per file / per 64 KiB)
 * and return promptly when it is true. A write that fails (reader gone, limit
 * hit) makes every later bi_out* a no-op, and bi_status() turns the command's
 * status into 141 (SIGPIPE) or the limit's status; return bi_done(cmd, st).
 */
#ifndef VB_BUILTINS_BI_H
#define VB_BUILTINS_BI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "builtins/lib/registry.h"
#include "core/buf.h"
#include "core/mem.h"
#include "core/stream.h"
#include "vbash/vbash.h"
#include "vfs/vfs.h"

/* Calls from a command back into the shell that runs it.
 * ops->info(ctx, "errprefix") gives the prefix bash puts before a shell
 * builtin's messages ("vbash: line 3: "); bi_err adds it for BI_SHELL
 * commands. Implemented by
 * interp/; every function may be NULL-safe-called through the bi_* wrappers
 * below. ctx is cmd->shell. */
typedef struct vb_shell_ops {
    /* Variable lookup (shell variables and environment); NULL if unset. */
    const char *(*getvar)(void *ctx, const char *name);
    /* Sets a shell variable (printf -v, read, getopts...); 0 or an error
     * already reported (readonly). */
    int (*setvar)(void *ctx, const char *name, const char *value);
    /* The exported environment as "NAME=value" strings, NULL-terminated,
     * allocated on h. */
    char **(*environ)(void *ctx, mem_heap *h);
    /* Runs a command (argv, NULL-terminated) as a child virtual process with
     * the given streams (NULL = inherit the command's own), env as extra
     * "NAME=value" entries (may be NULL). Returns its exit status, or -1 after
     * an engine error. Used by xargs, find -exec, env, timeout, awk system(). */
    int (*run)(void *ctx, char *const *argv, char *const *env,
               stream *in, stream *out, stream *err);
    /* Runs a shell script string (awk's system(), "cmd" | getline). */
    int (*run_script)(void *ctx, const char *script, stream *in, stream *out, stream *err);
    /* The stream open on fd n of the calling process (borrowed), or NULL. */
    stream *(*fd)(void *ctx, int n);
    /* Session facts. */
    void (*now)(void *ctx, struct timespec *ts);   /* the session clock */
    uint64_t (*random)(void *ctx);                 /* the session's seeded generator */
    const char *(*info)(void *ctx, const char *key); /* "hostname", "user", "uname -r"... */
    /* The limit mechanism: a command that exceeds a limit calls this (it
     * records the limit and message; the script ends). Returns the status
     * the command should return. */
    int (*limit)(void *ctx, int vb_limit_kind, const char *what);
    /* Milliseconds left before the session's wall-time limit (UINT64_MAX =
     * none), and a cancellable sleep (returns 0, or <0 if cancelled). */
    uint64_t (*time_left_ms)(void *ctx);
    int (*sleep_ns)(void *ctx, uint64_t ns);
    /* Regex match step limit for pcre2 (0 = default). */
    uint64_t (*regex_limit)(void *ctx);
    /* The session's network policy (net/), or NULL: no network. */
    struct vb_net_policy *(*net)(void *ctx);
    /* Text for --help of shell builtins etc. is the command's own business. */
    /* Runs argv as a child virtual process (an external command: functions
     * and shell builtins are not looked up, as execvp would not) with a
     * deadline (timeout). timeout_ns 0: no deadline. At the deadline sig is
     * sent (to the child and its descendants, or only to the child when
     * foreground), *timed_out set, and kill_after_ns later (if non-zero)
     * SIGKILL. Returns the child's status; 127/126 after "failed to run"
     * (message printed by the caller: *run_errno set, <0 VB_E*), -1 after an
     * engine error. */
    int (*run_timed)(void *ctx, char *const *argv, stream *in, stream *out, stream *err,
                     uint64_t timeout_ns, int sig, uint64_t kill_after_ns, bool foreground,
                     bool *timed_out, bool *killed, int *run_errno);
    /* Looks a command name up. flags 0 is execvp's search, which runners
     * (xargs, env, nice, nohup, find -exec, timeout) use: a name with a '/'
     * is that file, any other name is tried in each directory of path_var
     * (NULL: the shell's $PATH; an empty entry is the current directory).
     * VB_LOOKUP_FUNCS / VB_LOOKUP_BUILTINS add the shell's functions and
     * enabled builtins in front, as the shell's own search. Returns
     * VB_FOUND_FUNCTION, VB_FOUND_BUILTIN or VB_FOUND_FILE (then *found, when
     * found is not NULL, is the path as execvp builds it: the name itself
     * when it has a '/', else the PATH entry as written and the name, so
     * relative to cwd when the entry is; allocated on h), or
     * execve's error: VB_ENOENT (nowhere), VB_EACCES (a directory, or no
     * execute permission: an executable later on the PATH wins, as execvp),
     * VB_ENOTDIR. A relative name is looked up from cwd (NULL: the shell's). */
    int (*lookup)(void *ctx, const char *name, const char *path_var, const char *cwd,
                  int flags, mem_heap *h, char **found);
    /* Runs the file lookup found (a native command stub or a script; a
     * relative path is from cwd, and is what a script sees as $0) as a
     * child virtual process with argv as given (argv[0] is what the command
     * calls itself). cwd: its working directory (NULL: the shell's); prelude:
     * shell text run first in the child (exports, unsets; an `exit N` there
     * ends the child with N), may be NULL; env: extra "NAME=value" exports,
     * may be NULL; streams as run. Returns the status, -1 after an engine
     * error. */
    int (*run_file)(void *ctx, const char *path, char *const *argv, char *const *env,
                    const char *cwd, const char *prelude, stream *in, stream *out, stream *err);
    /* As run_script; *died_sig gets the signal that ended the script's shell
     * (0: it exited), which awk's system() and close() report as 256+N. */
    int (*run_script_sig)(void *ctx, const char *script, stream *in, stream *out, stream *err,
                          int *died_sig);
} vb_shell_ops;

/* What vb_shell_ops.lookup looks at and finds. */
enum { VB_LOOKUP_FUNCS = 1 << 0, VB_LOOKUP_BUILTINS = 1 << 1 };
enum { VB_FOUND_FUNCTION = 1, VB_FOUND_BUILTIN = 2, VB_FOUND_FILE = 3 };

typedef struct vb_outbuf {
    char *data;          /* heap-owned */
    size_t len, cap;
    int error;           /* first write error (<0), sticky */
} vb_outbuf;

struct vb_cmd {
    int argc;
    char **argv;                 /* argv[0] is the name the command was run as */
    const vb_builtin *self;
    mem_heap *heap;              /* per-command: freed after the command */
    vfs *vfs;
    stream *in, *out, *err;      /* fds 0 1 2 (borrowed) */
    const char *cwd;             /* absolute, logical ($PWD) */
    const volatile int *cancel;  /* non-zero: stop now */
    const vb_shell_ops *ops;
    void *shell;                 /* ctx for ops */
    vb_outbuf obuf;              /* bi_out buffering for fd 1 */
};

/* ------------------------------------------------------------------ output */
/* Buffered writes to fd 1. Return 0 or <0 after a write error. */
int bi_out(vb_cmd *cmd, const void *p, size_t n);
int bi_outc(vb_cmd *cmd, char c);
int bi_outs(vb_cmd *cmd, const char *s);
int bi_outf(vb_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int bi_flush(vb_cmd *cmd);
/* true after a write to fd 1 failed: stop producing output. */
bool bi_out_failed(const vb_cmd *cmd);
/* Writes raw bytes to fd 2 (after flushing fd 1). */
int bi_errw(vb_cmd *cmd, const void *p, size_t n);
/* "NAME: message\n" to fd 2, NAME = argv[0]. Returns 1 for `return bi_err(...)`. */
int bi_err(vb_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "NAME: FILE: strerror\n" (GNU's per-operand error). Returns 1. */
int bi_errno(vb_cmd *cmd, const char *operand, int neg_errno);
/* GNU usage error: "NAME: msg\nTry 'NAME --help' for more information.\n", returns 2
 * (callers of tools whose usage status is 1, like cat, pass their own). */
int bi_usage(vb_cmd *cmd, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Final status: flushes fd 1; a failed write turns status into 141 (EPIPE)
 * or 1 (other errors, with "NAME: write error: ..."). */
int bi_done(vb_cmd *cmd, int status);
bool bi_cancelled(const vb_cmd *cmd);

/* ------------------------------------------------------------------ files */
/* cmd->cwd joined with path (path itself when absolute). Heap string. */
char *bi_path(vb_cmd *cmd, const char *path);
/* Opens an operand for reading: "-" is stdin (borrowed ref), /dev/stdin,
 * /dev/fd/N and the VFS otherwise. NULL with *err set on failure.
 * Release with stream_unref. */
stream *bi_open_read(vb_cmd *cmd, const char *operand, int *err);
/* Opens for writing (O_CREAT|O_TRUNC or O_APPEND as flags say); "/dev/stdout"
 * etc. map to the process's streams. */
stream *bi_open_write(vb_cmd *cmd, const char *operand, int flags, uint32_t mode, int *err);
/* Reads a whole stream into memory (heap). Fails with -EFBIG past max
 * bytes (0 = the session's file limit). */
int bi_slurp(vb_cmd *cmd, stream *s, char **data, size_t *len);

/* ------------------------------------------------------------------ input */
/* A buffered reader over a stream, for line- or record-oriented commands. */
typedef struct bi_reader {
    vb_cmd *cmd;
    stream *s;          /* borrowed */
    char *buf;
    size_t len, pos, cap;
    int eof, error;     /* error: <0 status of the failed read */
    vbuf line;          /* long-record assembly */
} bi_reader;
void bi_reader_init(bi_reader *r, vb_cmd *cmd, stream *s);
void bi_reader_free(bi_reader *r);
/* Next record ending in delim (included in *len when present; the last
 * record may lack it). Returns 1 with *rec and *len (borrowed until the next
 * call), 0 at end of input, <0 on error or cancellation. Binary-safe. */
int bi_getrec(bi_reader *r, int delim, const char **rec, size_t *len);
/* Raw bytes: up to n; 0 at end. */
ssize_t bi_readbuf(bi_reader *r, void *buf, size_t n);

/* ------------------------------------------------------------------ shell */
const char *bi_getvar(vb_cmd *cmd, const char *name);
int bi_setvar(vb_cmd *cmd, const char *name, const char *value);
int bi_run(vb_cmd *cmd, char *const *argv, stream *in, stream *out, stream *err);
/* ops->lookup for this command (VB_ENOSYS without a shell); *found on cmd->heap. */
int bi_lookup(vb_cmd *cmd, const char *name, const char *path_var, const char *cwd, int flags,
              char **found);
/* The runners' start: argv[0] looked up as execvp would (in path_var, NULL:
 * $PATH; from cwd, NULL: cmd->cwd), then run with the streams given (NULL:
 * the command's own), prelude and env as ops->run_file. When argv[0] cannot
 * be run, nothing is printed: returns 127 (VB_ENOENT) or 126 (any other
 * error) with *run_errno set (<0) for the caller's message; otherwise
 * *run_errno is 0 and the command's status is returned (-1 after an engine
 * error). */
int bi_run_exec(vb_cmd *cmd, char *const *argv, const char *path_var, const char *cwd,
                const char *prelude, char *const *env, stream *in, stream *out, stream *err,
                int *run_errno);

/* ------------------------------------------------------------------ options */
/*
 * One option parser for every command, GNU getopt_long style, reentrant:
 * short options combined (-abc), short arguments attached or separate
 * (-n5, -n 5), optional arguments attached only (-i.bak), long options with
 * '=' or a separate argument, unique prefixes of long names, "--" ending
 * options, operands and options mixed (GNU permutation) unless the spec
 * starts with '+' (POSIX: stop at the first operand, as `env`, `xargs`).
 * A lone "-" is an operand. "--help" and "--version" are answered here when
 * the command gives help text: bi_opt_parse returns BI_OPT_EXIT with
 * *status set.
 *
 * shorts: "abn:i::" (':' argument required, '::' optional), as getopt.
 * longs: array ended by {0}; .has_arg 0/1/2; .val the short letter or a
 * code >= 256 for long-only options.
 */
typedef struct bi_longopt {
    const char *name;
    int has_arg;   /* 0 none, 1 required, 2 optional (only with '=') */
    int val;
} bi_longopt;

enum { BI_OPT_END = -1, BI_OPT_ERR = -2, BI_OPT_EXIT = -3 };

typedef struct bi_opt {
    vb_cmd *cmd;
    const char *shorts;
    const bi_longopt *longs;
    const char *help;      /* full --help text, may be NULL */
    const char *usage_prog;/* name in messages; default argv[0] */
    int ind;               /* next argv index */
    const char *arg;       /* argument of the last option, or NULL */
    int opt;               /* last option's val */
    int status;            /* exit status to return after BI_OPT_ERR / BI_OPT_EXIT */
    /* internal */
    int nextchar_off, first_nonopt, last_nonopt;
    bool posix;            /* spec started with '+': stop at the first operand */
    int usage_status;      /* status of usage errors: default 1 (GNU coreutils) */
    bool quiet;            /* set after init: print no message on BI_OPT_ERR */
    char bad[64];          /* after BI_OPT_ERR: the offending option as written */
    char msg[160];         /* after BI_OPT_ERR: GNU's message, without "NAME: " */
    int *optw, noptw;      /* internal: indices of option words, in order */
    int *operw, noperw;    /* internal: indices of operands, in order */
} bi_opt;

void bi_opt_init(bi_opt *o, vb_cmd *cmd, const char *shorts, const bi_longopt *longs,
                 const char *help);
/* Next option's val, BI_OPT_END when operands remain from o->ind on (argv
 * permuted so that operands are last), BI_OPT_ERR after printing GNU's
 * message ("NAME: invalid option -- 'x'" + Try line; status in o->status),
 * BI_OPT_EXIT after --help/--version (status 0). */
int bi_opt_next(bi_opt *o);

/* ------------------------------------------------------------------ numbers */
/* Strict decimal/explicit-base integer parse; 0 or -EINVAL / -ERANGE. */
int bi_parse_i64(const char *s, int64_t *out);
/* With GNU size suffixes (K, M, G, T, P, E, KB, KiB, b, ...) as head -c, split -b. */
int bi_parse_size(const char *s, uint64_t *out);
/* "1.5K"-style human sizes as ls -h / du -h (powers of 1024; si = 1000). */
void bi_human(char out[32], uint64_t n, bool si);

/* The version line every command prints for --version. */
#define BI_VERSION_TEXT "(vbash) " VB_VERSION_STRING "\n"

#endif
