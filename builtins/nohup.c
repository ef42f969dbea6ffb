/*
 * nohup: run a command immune to hangups. The sandbox sends no hangups;
 * what remains is GNU's redirection: a terminal on stdin is replaced by
 * /dev/null, a terminal on stdout by appending to nohup.out (with GNU's
 * messages), stderr follows stdout. Reference: GNU coreutils 9.1 nohup.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("nohup", bi_nohup, BI_UTIL)

static const char nohup_help[] =
    "Usage: nohup COMMAND [ARG]...\n"
    "  or:  nohup OPTION\n"
    "Run COMMAND, ignoring hangup signals.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_nohup(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "+", none, nohup_help);
    o.usage_status = 125;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        return o.status;
    }
    if (o.ind >= cmd->argc) {
        bi_usage(cmd, 125, "missing operand");
        return 125;
    }
    bool in_tty = cmd->in && (cmd->in->flags & STREAM_TTY);
    bool out_tty = cmd->out && (cmd->out->flags & STREAM_TTY);
    bool err_tty = cmd->err && (cmd->err->flags & STREAM_TTY);
    vbuf pre;
    vbuf_init(&pre, cmd->heap);
    if (in_tty)
        vbuf_adds(&pre, "exec </dev/null\n");
    if (out_tty) {
        int err = 0;
        stream *s = bi_open_write(cmd, "nohup.out", O_WRONLY | O_CREAT | O_APPEND, 0600, &err);
        if (!s) {
            bi_err(cmd, "failed to open 'nohup.out': %s", vb_strerror(err));
            return 125;
        }
        stream_unref(s);
        bi_err(cmd, in_tty ? "ignoring input and appending output to 'nohup.out'"
                           : "appending output to 'nohup.out'");
        vbuf_adds(&pre, "exec >>nohup.out\n");
    } else if (in_tty) {
        bi_err(cmd, "ignoring input");
    }
    if (err_tty)
        vbuf_adds(&pre, "exec 2>&1\n");
    if (pre.failed)
        return bi_err(cmd, "memory exhausted") + 124;
    int run_errno = 0;
    int st = bi_run_exec(cmd, cmd->argv + o.ind, NULL, NULL, vbuf_str(&pre), NULL, NULL, NULL, NULL,
                         &run_errno);
    if (run_errno) {
        bi_err(cmd, "failed to run command %s: %s", fs_q(cmd, cmd->argv[o.ind]),
               vb_strerror(run_errno));
        return st;
    }
    return st < 0 ? 125 : st;
}
