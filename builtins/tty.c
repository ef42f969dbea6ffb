/*
 * tty: print the terminal on standard input, or "not a tty" (status 1).
 * -s prints nothing. A terminal stream is named /dev/tty (the sandbox has
 * no pty numbering). Reference: GNU coreutils 9.1 tty.
 */
#include "builtins/lib/bi.h"

VB_BUILTIN("tty", bi_tty, BI_UTIL)

static const char tty_help[] =
    "Usage: tty [OPTION]...\n"
    "Print the file name of the terminal connected to standard input.\n"
    "\n"
    "  -s, --silent, --quiet   print nothing, only return an exit status\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_tty(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {{"silent", 0, 's'}, {"quiet", 0, 's'}, {0}};
    bool silent = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "s", longs, tty_help);
    o.usage_status = 2;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 's': silent = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (o.ind < cmd->argc) {
        bi_usage(cmd, 2, "extra operand %s", cmd->argv[o.ind]);
        return 2;
    }
    bool is_tty = cmd->in && (cmd->in->flags & STREAM_TTY);
    if (!silent)
        bi_outs(cmd, is_tty ? "/dev/tty\n" : "not a tty\n");
    return bi_done(cmd, is_tty ? 0 : 1);
}
