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

int bi_lookup(vb_cmd *cmd, const char *name, const char *path_var, const char *cwd, int flags,
              char **found)
{
    if (found)
        *found = NULL;
    if (!cmd->ops || !cmd->ops->lookup)
        return VB_ENOSYS;
    return cmd->ops->lookup(cmd->shell, name, path_var, cwd ? cwd : cmd->cwd, flags, cmd->heap,
                            found);
}

int bi_run_exec(vb_cmd *cmd, char *const *argv, const char *path_var, const char *cwd,
                const char *prelude, char *const *env, stream *in, stream *out, stream *err,
                int *run_errno)
{
    *run_errno = 0;
    if (!argv || !argv[0])
        return -1;
    char *path = NULL;
    int k = bi_lookup(cmd, argv[0], path_var, cwd, 0, &path);
    if (k < 0 || !path) {
        *run_errno = k < 0 ? k : VB_ENOENT;
        return *run_errno == VB_ENOENT ? 127 : 126;
    }
    if (!cmd->ops->run_file)
        return -1;
    bi_flush(cmd);
    int st = cmd->ops->run_file(cmd->shell, path, argv, env, cwd ? cwd : cmd->cwd, prelude, in, out,
                                err);
    mem_free(cmd->heap, path);
    return st;
}
