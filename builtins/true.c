/*
 * true: bash's true builtin: ignores its arguments, status 0.
 * Reference: bash 5.2 (the builtin, so no --help/--version handling).
 */
#include "builtins/lib/bi.h"

VB_BUILTIN("true", bi_true, BI_SHELL)
int bi_true(vb_cmd *cmd);

int bi_true(vb_cmd *cmd)
{
    (void)cmd;
    return 0;
}
