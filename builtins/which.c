/*
 * which: locate commands in $PATH (in the VFS): the first executable
 * regular file per name, or all of them with -a. Names with a slash are
 * checked as they are. Status 1 if any name was not found, 2 for a bad
 * option. Reference: debianutils 5 which (silent about missing names).
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("which", bi_which, BI_UTIL)

static bool which__exec(vb_cmd *cmd, const char *path)
{
    char *abs = bi_path(cmd, path);
    vfs_stat_t st;
    if (!abs || vfs_stat(cmd->vfs, abs, &st) != 0 || !S_ISREG(st.mode))
        return false;
    return vfs_access(cmd->vfs, abs, X_OK) == 0;
}

int bi_which(vb_cmd *cmd)
{
    bool all = false;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (!strcmp(cmd->argv[i], "--")) {
            i++;
            break;
        }
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            if (*p != 'a') {
                bi_errw(cmd, "Usage: which [-a] args\n", 23);
                return 2;
            }
            all = true;
        }
    }
    const char *path = bi_getvar(cmd, "PATH");
    if (!path)
        path = "";
    int status = 0;
    for (; i < cmd->argc; i++) {
        const char *name = cmd->argv[i];
        bool found = false;
        if (strchr(name, '/')) {
            if (which__exec(cmd, name)) {
                bi_outf(cmd, "%s\n", name);
                found = true;
            }
        } else {
            for (const char *p = path;;) {
                const char *c = strchr(p, ':');
                size_t len = c ? (size_t)(c - p) : strlen(p);
                char *cand = len ? mem_printf(cmd->heap, "%.*s/%s", (int)len, p, name)
                                 : mem_printf(cmd->heap, "./%s", name);
                if (cand && which__exec(cmd, cand)) {
                    bi_outf(cmd, "%s\n", cand);
                    found = true;
                }
                mem_free(cmd->heap, cand);
                if ((found && !all) || !c)
                    break;
                p = c + 1;
            }
        }
        if (!found)
            status = 1;
    }
    return bi_done(cmd, status);
}
