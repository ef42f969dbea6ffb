/*
 * yes: output "y" (or the operands joined by spaces) forever, until the
 * reader goes away, a limit is hit or the session is cancelled.
 * Reference: GNU coreutils 9.1 yes.
 */
#include <string.h>

#include "builtins/lib/bi.h"

VB_BUILTIN("yes", bi_yes, BI_UTIL)
int bi_yes(vb_cmd *cmd);

static const char yes_help[] =
    "Usage: yes [STRING]...\n"
    "  or:  yes OPTION\n"
    "Repeatedly output a line with all specified STRING(s), or 'y'.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_yes(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "+", none, yes_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        return o.status;
    }
    vbuf line;
    vbuf_init(&line, cmd->heap);
    if (o.ind >= cmd->argc) {
        vbuf_adds(&line, "y");
    } else {
        for (int i = o.ind; i < cmd->argc; i++) {
            if (i > o.ind)
                vbuf_addc(&line, ' ');
            vbuf_adds(&line, cmd->argv[i]);
        }
    }
    vbuf_addc(&line, '\n');
    /* Repeat the line into a block of about 8 KiB, written whole. */
    vbuf block;
    vbuf_init(&block, cmd->heap);
    do
        vbuf_add(&block, line.data, line.len);
    while (block.len + line.len <= 8192 && !block.failed);
    if (line.failed || block.failed)
        return bi_err(cmd, "memory exhausted");
    while (!bi_cancelled(cmd)) {
        if (bi_out(cmd, block.data, block.len) < 0 || bi_flush(cmd) < 0)
            break;
    }
    return bi_done(cmd, 1);
}
