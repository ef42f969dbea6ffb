/*
 * xargs — build and run command lines from standard input.
 *
 * Reference: GNU findutils 4.9 xargs. Options -0 -a -d -E -e -I -i -L -l
 * -n -P -p -r -s -t -x --process-slot-var --show-limits --open-tty(-o);
 * input as GNU parses it: blanks separate items, single and double quotes
 * and backslashes quote (unless -0 or -d), the logical end-of-file string.
 * Exit statuses as GNU: 123 when an invocation exited 1-125, 124 when one
 * exited 255 (and xargs stops), 125 when one was killed, 126/127 when the
 * command cannot run / is not found.
 *
 * Deviations: -P N runs the invocations one after another (the session runs
 * one virtual process at a time; output is the same as -P 1). -p and -o
 * need a terminal and are refused. The command's standard input is
 * /dev/null, as GNU does.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("xargs", bi_xargs, BI_UTIL)

#define XARGS_MAX_CHARS (128 * 1024)
/* what --show-limits names the system's limit: Linux's ARG_MAX less GNU's headroom */
#define XARGS_ARG_MAX 2093538

static const char xargs_help[] =
    "Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n"
    "Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n"
    "\n"
    "  -0, --null                   items are separated by a null, not whitespace;\n"
    "  -a, --arg-file=FILE          read arguments from FILE, not standard input\n"
    "  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER\n"
    "  -E END                       set logical EOF string\n"
    "  -I R                         same as --replace=R\n"
    "  -i, --replace[=R]            replace R in INITIAL-ARGS with names read\n"
    "  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per\n"
    "                                 command line\n"
    "  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line\n"
    "  -P, --max-procs=MAX-PROCS    run at most MAX-PROCS processes at a time\n"
    "  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND\n"
    "  -s, --max-chars=MAX-CHARS    limit length of command line to MAX-CHARS\n"
    "  -t, --verbose                print commands before executing them\n"
    "  -x, --exit                   exit if the size (see -s) is exceeded\n"
    "      --help                   display this help and exit\n"
    "      --version                output version information and exit\n";

typedef struct xargs {
    vb_cmd *cmd;
    char **base;          /* command + initial args */
    int nbase;
    const char *replace;  /* -I string */
    long max_args, max_lines;
    size_t max_chars;
    bool no_empty, verbose, exit_on_size;
    int status;
    bool stop;
    int runs;
    const char *slot_var;
    /* the pending command line */
    char **items;
    size_t nitems, capitems, chars;
    size_t base_chars;    /* the command and initial arguments, NUL each */
    long lines;
} xargs;

static void xa__exclusive(vb_cmd *cmd, const char *prev, const char *now)
{
    bi_err(cmd, "warning: options %s and %s are mutually exclusive, ignoring previous %s value", prev, now,
           prev);
}

static void xa__trace(xargs *X, char **argv)
{
    vbuf b;
    vbuf_init(&b, X->cmd->heap);
    for (int i = 0; argv[i]; i++) {
        if (i)
            vbuf_addc(&b, ' ');
        vbuf_adds(&b, argv[i]);
    }
    vbuf_addc(&b, '\n');
    bi_errw(X->cmd, b.data, b.len);
    vbuf_free(&b);
}

/* Runs one command line; updates the status as GNU xargs. */
static void xa__run(xargs *X, char **argv)
{
    vb_cmd *cmd = X->cmd;
    if (X->verbose)
        xa__trace(X, argv);
    stream *nul = stream_null(cmd->heap, STREAM_R);
    char *env[2] = {NULL, NULL};
    if (X->slot_var)
        env[0] = mem_printf(cmd->heap, "%s=0", X->slot_var);
    int run_errno = 0;
    int st = bi_run_exec(cmd, argv, NULL, NULL, NULL, X->slot_var ? env : NULL, nul ? nul : cmd->in,
                         NULL, NULL, &run_errno);
    stream_unref(nul);
    X->runs++;
    if (st == 0)
        return;
    if (run_errno) {
        /* execvp failed: GNU's message, 127 not found, 126 cannot run */
        bi_err(cmd, "%s: %s", argv[0], vb_strerror(run_errno));
        X->status = st;
        X->stop = true;
    } else if (st < 0) {
        X->status = 1;
        X->stop = true;
    } else if (st == 255) {
        bi_err(cmd, "%s: exited with status 255; aborting", argv[0]);
        X->status = 124;
        X->stop = true;
    } else if (st > 128 && st < 128 + 65) {
        bi_err(cmd, "%s: terminated by signal %d", argv[0], st - 128);
        X->status = 125;
        X->stop = true;
    } else if (X->status == 0 || X->status == 123) {
        X->status = 123;
    }
}

static void xa__flush(xargs *X, bool final)
{
    vb_cmd *cmd = X->cmd;
    if (X->stop)
        return;
    if (X->nitems == 0 && (X->no_empty || X->replace || X->runs > 0 || !final))
        return;
    char **argv = mem_calloc(cmd->heap, (size_t)X->nbase + X->nitems + 1, sizeof(char *));
    if (!argv) {
        X->status = 1;
        X->stop = true;
        return;
    }
    int k = 0;
    for (int i = 0; i < X->nbase; i++)
        argv[k++] = X->base[i];
    for (size_t i = 0; i < X->nitems; i++)
        argv[k++] = X->items[i];
    argv[k] = NULL;
    xa__run(X, argv);
    for (size_t i = 0; i < X->nitems; i++)
        mem_free(cmd->heap, X->items[i]);
    mem_free(cmd->heap, argv);
    X->nitems = 0;
    X->chars = 0;
    X->lines = 0;
}

/* -I: one command per item with every occurrence of the string replaced. */
static void xa__run_replace(xargs *X, const char *item)
{
    vb_cmd *cmd = X->cmd;
    char **argv = mem_calloc(cmd->heap, (size_t)X->nbase + 1, sizeof(char *));
    if (!argv)
        return;
    size_t rl = strlen(X->replace);
    for (int i = 0; i < X->nbase; i++) {
        const char *a = X->base[i];
        if (!rl || !strstr(a, X->replace)) {
            argv[i] = X->base[i];
            continue;
        }
        vbuf b;
        vbuf_init(&b, cmd->heap);
        for (const char *p = a; *p;) {
            if (strncmp(p, X->replace, rl) == 0) {
                vbuf_adds(&b, item);
                p += rl;
            } else {
                vbuf_addc(&b, *p++);
            }
        }
        argv[i] = vbuf_take(&b, NULL);
    }
    xa__run(X, argv);
}

static void xa__add(xargs *X, const char *item, size_t len, bool end_of_line)
{
    vb_cmd *cmd = X->cmd;
    if (X->stop)
        return;
    if (X->replace) {
        char *s = mem_strndup(cmd->heap, item, len);
        if (s)
            xa__run_replace(X, s);
        mem_free(cmd->heap, s);
        return;
    }
    if (X->base_chars + X->chars + len + 1 > X->max_chars && X->nitems > 0)
        xa__flush(X, false);
    if (X->base_chars + len + 1 > X->max_chars) {
        {   /* even alone the argument does not fit */
            bi_err(cmd, "argument line too long");
            X->status = 1;
            X->stop = true;
            return;
        }
    }
    if (X->nitems == X->capitems) {
        size_t cap = X->capitems ? X->capitems * 2 : 64;
        char **ni = mem_realloc(cmd->heap, X->items, cap * sizeof(char *));
        if (!ni) {
            X->stop = true;
            X->status = 1;
            return;
        }
        X->items = ni;
        X->capitems = cap;
    }
    X->items[X->nitems++] = mem_strndup(cmd->heap, item, len);
    X->chars += len + 1;
    if (X->max_args > 0 && (long)X->nitems >= X->max_args)
        xa__flush(X, false);
    (void)end_of_line;
}

/* GNU's messages for a bad numeric option value. */
static bool xa__number(vb_cmd *cmd, char opt, const char *v, long *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end) {
        bi_usage(cmd, 1, "invalid number \"%s\" for -%c option", v, opt);
        return false;
    }
    if (n < 1 && opt != 'P') {
        bi_usage(cmd, 1, "value %s for -%c option should be >= 1", v, opt);
        return false;
    }
    if (n < 0) {
        bi_usage(cmd, 1, "value %s for -%c option should be >= 0", v, opt);
        return false;
    }
    *out = n;
    return true;
}

int bi_xargs(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"null", 0, '0'}, {"arg-file", 1, 'a'}, {"delimiter", 1, 'd'}, {"eof", 2, 'e'},
        {"replace", 2, 'i'}, {"max-lines", 2, 'l'}, {"max-args", 1, 'n'},
        {"max-procs", 1, 'P'}, {"interactive", 0, 'p'}, {"no-run-if-empty", 0, 'r'},
        {"max-chars", 1, 's'}, {"verbose", 0, 't'}, {"exit", 0, 'x'},
        {"process-slot-var", 1, 256}, {"open-tty", 0, 'o'}, {"show-limits", 0, 257}, {0},
    };
    xargs *X = mem_calloc(cmd->heap, 1, sizeof *X);
    if (!X)
        return bi_err(cmd, "out of memory");
    X->cmd = cmd;
    X->max_chars = XARGS_MAX_CHARS;
    bi_opt o;
    bi_opt_init(&o, cmd, "+0a:d:E:e::I:i::L:l::n:P:prs:tx", longs, xargs_help);
    int delim = -1;     /* -1: quoting rules; else a single delimiter byte */
    const char *argfile = NULL, *eofstr = NULL;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_ERR:
        case BI_OPT_EXIT:
            return o.status;
        case '0':
            delim = '\0';
            break;
        case 'a':
            argfile = o.arg;
            break;
        case 'd': {
            const char *d = o.arg;
            if (d[0] == '\\' && d[1]) {
                switch (d[1]) {
                case 'n': delim = '\n'; break;
                case 't': delim = '\t'; break;
                case '0': delim = '\0'; break;
                case '\\': delim = '\\'; break;
                default: delim = (unsigned char)d[1]; break;
                }
            } else if (d[0] && d[1]) {
                return bi_err(cmd, "invalid input delimiter specification %s: the delimiter must be either a single character or an escape sequence starting with \\.", d);
            } else {
                delim = (unsigned char)d[0];
            }
            break;
        }
        case 'E':
            eofstr = o.arg;
            break;
        case 'e':
            eofstr = o.arg;
            break;
        case 'I':
        case 'i':
            /* GNU: -I, -L and -n exclude each other; the later one wins */
            if (X->max_args)
                xa__exclusive(cmd, "--max-args", "--replace/-I/-i");
            if (X->max_lines && !X->replace)
                xa__exclusive(cmd, "--max-lines", "--replace/-I/-i");
            X->max_args = 0;
            X->replace = c == 'I' ? o.arg : o.arg ? o.arg : "{}";
            X->max_lines = 1;
            break;
        case 'L':
        case 'l':
            if (!xa__number(cmd, 'L', o.arg ? o.arg : "1", &X->max_lines))
                return 1;
            if (X->max_args)
                xa__exclusive(cmd, "--max-args", "-L");
            if (X->replace)
                xa__exclusive(cmd, "--replace", "-L");
            X->max_args = 0;
            X->replace = NULL;
            break;
        case 'n':
            if (!xa__number(cmd, 'n', o.arg, &X->max_args))
                return 1;
            if (X->max_lines && !X->replace) {
                xa__exclusive(cmd, "--max-lines", "--max-args/-n");
                X->max_lines = 0;
            }
            break;
        case 's': {
            long n;
            if (!xa__number(cmd, 's', o.arg, &n))
                return 1;
            X->max_chars = (size_t)n;
            break;
        }
        case 'P': {
            long n;
            if (!xa__number(cmd, 'P', o.arg, &n))
                return 1;
            break; /* see the header: invocations run one at a time */
        }
        case 'p':
        case 'o':
            return bi_err(cmd, "-%c is not supported in the sandbox: there is no terminal", c);
        case 'r':
            X->no_empty = true;
            break;
        case 't':
            X->verbose = true;
            break;
        case 'x':
            X->exit_on_size = true;
            break;
        case 256:
            X->slot_var = o.arg;
            break;
        case 257: {
            size_t envb = 0;
            char **ev = cmd->ops && cmd->ops->environ ? cmd->ops->environ(cmd->shell, cmd->heap) : NULL;
            for (size_t k = 0; ev && ev[k]; k++)
                envb += strlen(ev[k]) + 1;
            vbuf lim;
            vbuf_init(&lim, cmd->heap);
            vbuf_printf(&lim, "Your environment variables take up %zu bytes\n"
                         "POSIX upper limit on argument length (this system): %d\n"
                         "POSIX smallest allowable upper limit on argument length (all systems): 4096\n"
                         "Maximum length of command we could actually use: %zu\n"
                         "Size of command buffer we are actually using: %d\n"
                         "Maximum parallelism (--max-procs must be no greater): 2147483647\n",
                    envb, XARGS_ARG_MAX, (size_t)XARGS_ARG_MAX - envb, XARGS_MAX_CHARS);
            bi_errw(cmd, lim.data, lim.len);
            vbuf_free(&lim);
            break;
        }
        }
    }
    if (o.ind < cmd->argc) {
        X->base = cmd->argv + o.ind;
        X->nbase = cmd->argc - o.ind;
    } else {
        static char *echo_argv[] = {"echo", NULL};
        X->base = echo_argv;
        X->nbase = 1;
    }
    for (int i = 0; i < X->nbase; i++)
        X->base_chars += strlen(X->base[i]) + 1;
    if (X->base_chars > X->max_chars) {
        bi_err(cmd, "cannot fit single argument within argument list size limit");
        return 1;
    }
    if (X->replace && X->max_args)
        X->max_args = 0;   /* -n after -I: replacement lines still one at a time */

    int err = 0;
    stream *in = argfile ? bi_open_read(cmd, argfile, &err) : stream_ref(cmd->in);
    if (!in) {
        bi_err(cmd, "Cannot open input file %s: %s", fs_lq(cmd, argfile), vb_strerror(err));
        return 1;
    }
    bi_reader r;
    bi_reader_init(&r, cmd, in);
    vbuf item;
    vbuf_init(&item, cmd->heap);
    if (delim >= 0) {
        const char *rec;
        size_t len;
        int rc;
        while (!X->stop && (rc = bi_getrec(&r, delim, &rec, &len)) > 0) {
            if (len && (unsigned char)rec[len - 1] == (unsigned char)delim)
                len--;
            if (eofstr && strlen(eofstr) == len && memcmp(rec, eofstr, len) == 0)
                break;
            xa__add(X, rec, len, true);
            if (X->max_lines > 0 && !X->replace && ++X->lines >= X->max_lines)
                xa__flush(X, false);
        }
    } else {
        /* whitespace-separated items with quotes and backslashes */
        const char *rec;
        size_t len;
        int rc;
        char quote = 0;
        bool have = false;
        while (!X->stop && (rc = bi_getrec(&r, '\n', &rec, &len)) > 0) {
            bool blank_line = true;
            for (size_t i = 0; i < len && !X->stop; i++) {
                char ch = rec[i];
                if (quote) {
                    if (ch == quote) {
                        quote = 0;
                    } else if (ch == '\n') {
                        bi_err(cmd, "unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
                               quote == '"' ? "double" : "single");
                        X->status = 1;
                        X->stop = true;
                    } else {
                        vbuf_addc(&item, ch);
                    }
                    continue;
                }
                if (ch == '\\' && i + 1 < len) {
                    vbuf_addc(&item, rec[++i]);
                    have = true;
                    blank_line = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    have = true;
                    blank_line = false;
                    continue;
                }
                bool sep = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\v' || ch == '\f' || ch == '\r';
                if (sep && !(X->replace && ch != '\n')) {
                    if (have) {
                        if (eofstr && strcmp(vbuf_str(&item), eofstr) == 0) {
                            X->stop = true;
                            break;
                        }
                        xa__add(X, vbuf_str(&item), item.len, false);
                        vbuf_clear(&item);
                        have = false;
                    }
                    continue;
                }
                if (X->replace && !have && (ch == ' ' || ch == '\t'))
                    continue; /* -I: leading blanks are dropped */
                vbuf_addc(&item, ch);
                have = true;
                blank_line = false;
            }
            if (quote && !X->stop) {
                bi_err(cmd, "unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
                       quote == '"' ? "double" : "single");
                X->status = 1;
                X->stop = true;
            }
            if (X->stop)
                break;
            if (X->replace && have) {
                /* -I: the whole line (trailing blanks dropped) is one item */
                size_t l = item.len;
                while (l && (item.data[l - 1] == ' ' || item.data[l - 1] == '\t'))
                    l--;
                if (!(eofstr && strlen(eofstr) == l && memcmp(item.data, eofstr, l) == 0))
                    xa__add(X, vbuf_str(&item), l, true);
                else
                    X->stop = true;
                vbuf_clear(&item);
                have = false;
            }
            if (X->max_lines > 0 && !X->replace && !blank_line) {
                /* a line ending in a blank continues on the next line */
                bool cont = len >= 2 && rec[len - 1] == '\n' && (rec[len - 2] == ' ' || rec[len - 2] == '\t');
                if (!cont && ++X->lines >= X->max_lines)
                    xa__flush(X, false);
            }
        }
        if (have && !X->stop && !quote)
            xa__add(X, vbuf_str(&item), item.len, true);
    }
    bool eof_stop = X->stop && X->status == 0;
    if (eof_stop)
        X->stop = false;
    if (!X->stop)
        xa__flush(X, true);
    bi_reader_free(&r);
    stream_unref(in);
    vbuf_free(&item);
    return bi_done(cmd, X->status);
}
