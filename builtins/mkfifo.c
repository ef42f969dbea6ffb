/*
 * mkfifo: make FIFOs (named pipes). Reference: GNU coreutils 9 mkfifo.
 * -m MODE (octal or symbolic). Deviations: -Z/--context are not supported.
 */
#include <errno.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("mkfifo", bi_mkfifo, BI_UTIL)
int bi_mkfifo(vb_cmd *cmd);

static const char mkfifo__help[] =
    "Usage: mkfifo [OPTION]... NAME...\n"
    "Create named pipes (FIFOs) with the given NAMEs.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt mkfifo__longs[] = {{"mode", 1, 'm'}, {0}};

int bi_mkfifo(vb_cmd *cmd)
{
    const char *mode_spec = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "m:Z", mkfifo__longs, mkfifo__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'm': mode_spec = o.arg; break;
        case 'Z':
            return bi_done(cmd, bi_err(cmd, "SELinux contexts are not supported in the sandbox"));
        default: return bi_done(cmd, o.status);
        }
    }
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    uint32_t umask = fs_umask(cmd);
    uint32_t mode = 0666 & ~umask;
    if (mode_spec) {
        fs_modechange *mc = fs_mode_compile(cmd, mode_spec);
        if (!mc)
            return bi_done(cmd, bi_err(cmd, "invalid mode"));
        mode = fs_mode_adjust(mc, 0666, false, umask, NULL);
    }
    int status = 0;
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        char *p = bi_path(cmd, cmd->argv[i]);
        int rc = vfs_mknod(cmd->vfs, p, S_IFIFO | (mode & 0777), 0);
        if (rc == 0 && (mode & ~0777u))
            rc = vfs_chmod(cmd->vfs, p, mode);
        if (rc < 0)
            status = fs_errf(cmd, rc, "cannot create fifo %s", fs_q(cmd, cmd->argv[i]));
    }
    return bi_done(cmd, status);
}
