/*
 * mknod: make block or character special files, or FIFOs. Reference: GNU
 * coreutils 9 mknod. TYPE p makes a FIFO; b, c and u (devices) are refused
 * with "Operation not permitted", as the kernel answers a user without
 * CAP_MKNOD: the sandbox has no devices of its own. -m MODE.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("mknod", bi_mknod, BI_UTIL)
int bi_mknod(vb_cmd *cmd);

static const char mknod__help[] =
    "Usage: mknod [OPTION]... NAME TYPE [MAJOR MINOR]\n"
    "Create the special file NAME of the given TYPE.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "Both MAJOR and MINOR must be specified when TYPE is b, c, or u, and they\n"
    "must be omitted when TYPE is p.\n";

static const char mknod__special[] = "Special files require major and minor device numbers.\n";
static const char mknod__fifo[] = "Fifos do not have major and minor device numbers.\n";

static const bi_longopt mknod__longs[] = {{"mode", 1, 'm'}, {0}};

static bool mknod__num(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

int bi_mknod(vb_cmd *cmd)
{
    const char *mode_spec = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "m:Z", mknod__longs, mknod__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'm': mode_spec = o.arg; break;
        case 'Z':
            return bi_done(cmd, bi_err(cmd, "SELinux contexts are not supported in the sandbox"));
        default: return bi_done(cmd, o.status);
        }
    }
    int n = cmd->argc - o.ind;
    char **a = cmd->argv + o.ind;
    uint32_t umask = fs_umask(cmd);
    uint32_t mode = 0666 & ~umask;
    if (mode_spec) {
        fs_modechange *mc = fs_mode_compile(cmd, mode_spec);
        if (!mc)
            return bi_done(cmd, bi_err(cmd, "invalid mode"));
        mode = fs_mode_adjust(mc, 0666, false, umask, NULL);
    }
    if (n == 0)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    if (n == 1)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand after %s", fs_lq(cmd, a[0])));
    bool is_fifo = !strcmp(a[1], "p");
    int expected = is_fifo ? 2 : 4;
    if (n < expected && !is_fifo) {
        bi_err(cmd, "missing operand after %s", fs_lq(cmd, a[n - 1]));
        if (n == 2)
            bi_errw(cmd, mknod__special, sizeof mknod__special - 1);
        return bi_done(cmd, fs_try(cmd));
    }
    if (n > expected) {
        if (is_fifo && n == 4) {
            bi_err(cmd, "extra operand %s", fs_lq(cmd, a[2]));
            bi_errw(cmd, mknod__fifo, sizeof mknod__fifo - 1);
            return bi_done(cmd, fs_try(cmd));
        }
        return bi_done(cmd, bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, a[expected])));
    }
    if (is_fifo) {
        char *p = bi_path(cmd, a[0]);
        int rc = vfs_mknod(cmd->vfs, p, S_IFIFO | (mode & 0777), 0);
        if (rc == 0 && (mode & ~0777u))
            rc = vfs_chmod(cmd->vfs, p, mode);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "%s", fs_qf(cmd, a[0])));
        return bi_done(cmd, 0);
    }
    if (strcmp(a[1], "b") && strcmp(a[1], "c") && strcmp(a[1], "u"))
        return bi_done(cmd, bi_usage(cmd, 1, "invalid device type %s", fs_lq(cmd, a[1])));
    if (!mknod__num(a[2]))
        return bi_done(cmd, bi_err(cmd, "invalid major device number %s", fs_lq(cmd, a[2])));
    if (!mknod__num(a[3]))
        return bi_done(cmd, bi_err(cmd, "invalid minor device number %s", fs_lq(cmd, a[3])));
    return bi_done(cmd, fs_errf(cmd, -EPERM, "%s", fs_qf(cmd, a[0])));
}
