/*
 * Flow-control builtins: exit, logout, return, break, continue, ':' — they
 * set the execution frame's flow field; nothing unwinds with longjmp.
 * Reference: bash 5.2 (messages and statuses).
 */
#include <stdlib.h>

#include "interp/bi/shbi.h"

VB_BUILTIN(":", bi_colon, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_colon(vb_cmd *cmd)
{
    return 0;
}

static int exit_common(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int64_t n = sh->status;
    int argi = 1;
    if (argi < cmd->argc && strcmp(cmd->argv[argi], "--") == 0)
        argi++;
    if (argi < cmd->argc) {
        if (!shbi_int(cmd->argv[argi], &n)) {
            shbi_err(cmd, "%s: numeric argument required", cmd->argv[argi]);
            n = 2;
        } else if (argi + 1 < cmd->argc) {
            /* bash: a non-interactive shell still exits, with status 1 */
            shbi_err(cmd, "too many arguments");
            if (sh->interactive)
                return 1;
            n = 1;
        }
    }
    sh->flow = FLOW_EXIT;
    sh->exit_status = (int)(n & 255);
    return (int)(n & 255);
}

VB_BUILTIN("exit", bi_exit, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_exit(vb_cmd *cmd)
{
    return exit_common(cmd);
}

VB_BUILTIN("logout", bi_logout, BI_SHELL | BI_NOFORK)
int bi_logout(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    if (!sh->interactive) {
        shbi_err(cmd, "not login shell: use `exit'");
        return 1;
    }
    return exit_common(cmd);
}

VB_BUILTIN("return", bi_return, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_return(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    if (sh->func_depth == 0 && sh->source_depth == 0) {
        shbi_err(cmd, "can only `return' from a function or sourced script");
        return 2;
    }
    int64_t n = sh->status;
    int argi = 1;
    if (argi < cmd->argc && strcmp(cmd->argv[argi], "--") == 0)
        argi++;
    if (argi < cmd->argc) {
        if (!shbi_int(cmd->argv[argi], &n)) {
            shbi_err(cmd, "%s: numeric argument required", cmd->argv[argi]);
            n = 2;
        } else if (argi + 1 < cmd->argc) {
            shbi_err(cmd, "too many arguments");
            return 1;
        }
    }
    sh->flow = FLOW_RETURN;
    sh->flow_n = sh->status; /* $? in a RETURN trap: the status before `return` */
    sh->exit_status = (int)(n & 255);
    return (int)(n & 255);
}

static int loop_ctl(vb_cmd *cmd, int flow)
{
    ish *sh = shbi_sh(cmd);
    int64_t n = 1;
    if (cmd->argc > 1) {
        if (!shbi_int(cmd->argv[1], &n)) {
            shbi_err(cmd, "%s: numeric argument required", cmd->argv[1]);
            sh->flow = FLOW_EXIT;
            sh->exit_status = 128;
            return 128;
        }
        if (n < 1) {
            shbi_err(cmd, "%s: loop count out of range", cmd->argv[1]);
            return 1;
        }
    }
    if (sh->loop_depth == 0) {
        shbi_err(cmd, "only meaningful in a `for', `while', or `until' loop");
        return 0;
    }
    if (n > sh->loop_depth)
        n = sh->loop_depth;
    sh->flow = flow;
    sh->flow_n = (int)n;
    return 0;
}

VB_BUILTIN("break", bi_break, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_break(vb_cmd *cmd)
{
    return loop_ctl(cmd, FLOW_BREAK);
}

VB_BUILTIN("continue", bi_continue, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_continue(vb_cmd *cmd)
{
    return loop_ctl(cmd, FLOW_CONTINUE);
}
