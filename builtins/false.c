/*
 * false: bash's false builtin: ignores its arguments, status 1.
 * Reference: bash 5.2 (the builtin, so no --help/--version handling).
 */
#include "builtins/lib/bi.h"

VB_BUILTIN("false", bi_false, BI_SHELL)
int bi_false(vb_cmd *cmd);

int bi_false(vb_cmd *cmd)
{
    (void)cmd;
    return 1;
}
