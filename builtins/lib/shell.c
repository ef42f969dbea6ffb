/* Thin, NULL-safe wrappers over the shell's callbacks (vb_shell_ops). */
#include "builtins/lib/bi.h"
#include "vbash/vbash.h"

const char *bi_getvar(vb_cmd *cmd, const char *name)
{
    return cmd->ops && cmd->ops->getvar ? cmd->ops->getvar(cmd->shell, name) : NULL;
}

int bi_setvar(vb_cmd *cmd, const char *name, const char *value)
{
    if (!cmd->ops || !cmd->ops->setvar)
        return VB_ENOSYS;
    return cmd->ops->setvar(cmd->shell, name, value);
}

int bi_run(vb_cmd *cmd, char *const *argv, stream *in, stream *out, stream *err)
{
    if (!cmd->ops || !cmd->ops->run)
        return 127;
    bi_flush(cmd);
    return cmd->ops->run(cmd->shell, argv, NULL, in, out, err);
}
