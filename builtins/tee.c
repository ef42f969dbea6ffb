/*
 * tee: copy standard input to each FILE and to standard output. -a
 * (append), -i (interrupts: there are no signals in the sandbox, so it
 * changes nothing), -p and --output-error[=warn|warn-nopipe|exit|
 * exit-nopipe]. Input is passed on chunk by chunk as it arrives.
 * Reference: GNU coreutils 9.1 tee.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"
#include "vbash/vbash.h"

VB_BUILTIN("tee", bi_tee, BI_UTIL)
int bi_tee(vb_cmd *cmd);

static const char tee_help[] =
    "Usage: tee [OPTION]... [FILE]...\n"
    "Copy standard input to each FILE, and also to standard output.\n"
    "\n"
    "  -a, --append              append to the given FILEs, do not overwrite\n"
    "  -i, --ignore-interrupts   ignore interrupt signals\n"
    "  -p                        diagnose errors writing to non pipes\n"
    "      --output-error[=MODE]   set behavior on write error.  See MODE below\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "MODE determines behavior with write errors on the outputs:\n"
    "  warn           diagnose errors writing to any output\n"
    "  warn-nopipe    diagnose errors writing to any output not a pipe\n"
    "  exit           exit on error writing to any output\n"
    "  exit-nopipe    exit on error writing to any output not a pipe\n"
    "The default MODE for the -p option is 'warn-nopipe'.\n"
    "The default operation when --output-error is not specified, is to\n"
    "exit immediately on error writing to a pipe, and diagnose errors\n"
    "writing to non pipe outputs.\n";

enum { TEE_OUTERR = 256 };
enum { TEE_DEFAULT, TEE_WARN, TEE_WARN_NOPIPE, TEE_EXIT, TEE_EXIT_NOPIPE };

static const bi_longopt tee_longs[] = {
    {"append", 0, 'a'}, {"ignore-interrupts", 0, 'i'}, {"output-error", 2, TEE_OUTERR}, {0},
};

int bi_tee(vb_cmd *cmd)
{
    bool append = false;
    int mode = TEE_DEFAULT;
    bi_opt o;
    bi_opt_init(&o, cmd, "aip", tee_longs, tee_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': append = true; break;
        case 'i': break;
        case 'p': mode = TEE_WARN_NOPIPE; break;
        case TEE_OUTERR: {
            static const char *const names[] = {"warn", "warn-nopipe", "exit", "exit-nopipe"};
            if (!o.arg) {
                mode = TEE_WARN_NOPIPE;
                break;
            }
            int m = tx_argmatch(cmd, "--output-error", o.arg, names, NULL, 4);
            if (m < 0)
                return 1;
            mode = TEE_WARN + m;
            break;
        }
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **names = cmd->argv + o.ind;
    stream **outs = mem_calloc(cmd->heap, (size_t)n + 1, sizeof *outs);
    char *buf = mem_alloc(cmd->heap, 65536);
    if (!outs || !buf)
        return bi_err(cmd, "memory exhausted");
    int status = 0;
    for (int i = 0; i < n; i++) {
        int err = 0;
        outs[i] = bi_open_write(cmd, names[i], O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC),
                                0666, &err);
        if (!outs[i]) {
            bi_err(cmd, "%s: %s", fs_qf(cmd, names[i]), vb_strerror(err));
            status = 1;
        }
    }
    bool out_ok = true;
    int live = 1;
    for (int i = 0; i < n; i++)
        live += outs[i] != NULL;
    for (;;) {
        ssize_t r = tx_read(cmd, cmd->in, "-", buf, 65536, TX_PLAIN);
        if (r < 0) {
            status = 1;
            break;
        }
        if (r == 0)
            break;
        if (out_ok) {
            if (bi_out(cmd, buf, (size_t)r) < 0 || bi_flush(cmd) < 0) {
                out_ok = false;
                live--;
                int e = cmd->obuf.error;
                bool pipe = e == VB_EPIPE;
                if (e == VB_ECANCELED)
                    break;
                if (pipe && (mode == TEE_DEFAULT))
                    return 141;
                if (!(pipe && (mode == TEE_WARN_NOPIPE || mode == TEE_EXIT_NOPIPE))) {
                    bi_err(cmd, "standard output: %s", vb_strerror(e));
                    status = 1;
                    if (mode == TEE_EXIT || mode == TEE_EXIT_NOPIPE)
                        break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!outs[i])
                continue;
            ssize_t w = stream_write(outs[i], buf, (size_t)r);
            if (w < 0) {
                if (w == VB_ECANCELED)
                    goto done;
                bool pipe = w == VB_EPIPE;
                if (pipe && mode == TEE_DEFAULT)
                    return 141;
                if (!(pipe && (mode == TEE_WARN_NOPIPE || mode == TEE_EXIT_NOPIPE))) {
                    bi_err(cmd, "%s: %s", fs_qf(cmd, names[i]), vb_strerror((int)w));
                    status = 1;
                    if (mode == TEE_EXIT || mode == TEE_EXIT_NOPIPE)
                        goto done;
                }
                stream_unref(outs[i]);
                outs[i] = NULL;
                live--;
            }
        }
        if (live <= 0)
            break;
    }
done:
    for (int i = 0; i < n; i++)
        stream_unref(outs[i]);
    if (!out_ok) {
        cmd->obuf.error = 0;   /* already reported above */
        return status;
    }
    return bi_done(cmd, status);
}
