/*
 * sync: the VFS keeps everything in memory, so there is nothing to flush;
 * FILE operands are still opened as GNU does (errors per operand), and
 * -d / -f are accepted. Reference: GNU coreutils 9.1 sync.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("sync", bi_sync, BI_UTIL)

static const char sync_help[] =
    "Usage: sync [OPTION] [FILE]...\n"
    "Synchronize cached writes to persistent storage\n"
    "\n"
    "If one or more files are specified, sync only them,\n"
    "or their containing file systems.\n"
    "\n"
    "  -d, --data             sync only file data, no unneeded metadata\n"
    "  -f, --file-system      sync the file systems that contain the files\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_sync(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {{"data", 0, 'd'}, {"file-system", 0, 'f'}, {0}};
    bool data = false, fsys = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "df", longs, sync_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'd': data = true; break;
        case 'f': fsys = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (data && fsys) {
        bi_err(cmd, "cannot specify both --data and --file-system");
        return 1;
    }
    if (data && o.ind >= cmd->argc) {
        bi_err(cmd, "--data needs at least one argument");
        return 1;
    }
    int status = 0;
    for (int i = o.ind; i < cmd->argc; i++) {
        char *abs = bi_path(cmd, cmd->argv[i]);
        vfs_stat_t st;
        int rc = abs ? vfs_stat(cmd->vfs, abs, &st) : VB_ENOMEM;
        if (rc != 0) {
            bi_err(cmd, "error opening %s: %s", fs_q(cmd, cmd->argv[i]), vb_strerror(rc));
            status = 1;
        }
    }
    return status;
}
