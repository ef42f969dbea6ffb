/*
 * readlink: print resolved symbolic links or canonical file names.
 * Reference: GNU coreutils 9 readlink. -f -e -m -n -q -s -v -z.
 * No deviations known.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("readlink", bi_readlink, BI_UTIL)
int bi_readlink(vb_cmd *cmd);

static const char readlink__help[] =
    "Usage: readlink [OPTION]... FILE...\n"
    "Print value of a symbolic link or canonical file name\n"
    "\n"
    "  -f, --canonicalize            canonicalize by following every symlink in\n"
    "                                every component of the given name recursively;\n"
    "                                all but the last component must exist\n"
    "  -e, --canonicalize-existing   canonicalize by following every symlink in\n"
    "                                every component of the given name recursively,\n"
    "                                all components must exist\n"
    "  -m, --canonicalize-missing    canonicalize by following every symlink in\n"
    "                                every component of the given name recursively,\n"
    "                                without requirements on components existence\n"
    "  -n, --no-newline              do not output the trailing delimiter\n"
    "  -q, --quiet\n"
    "  -s, --silent                  suppress most error messages (on by default)\n"
    "  -v, --verbose                 report error messages\n"
    "  -z, --zero                    end each output line with NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt readlink__longs[] = {
    {"canonicalize", 0, 'f'}, {"canonicalize-existing", 0, 'e'},
    {"canonicalize-missing", 0, 'm'}, {"no-newline", 0, 'n'}, {"quiet", 0, 'q'},
    {"silent", 0, 's'}, {"verbose", 0, 'v'}, {"zero", 0, 'z'}, {0},
};

int bi_readlink(vb_cmd *cmd)
{
    int mode = -1;
    bool no_nl = false, verbose = false, zero = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "efmnqsvz", readlink__longs, readlink__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'e': mode = FS_CAN_EXISTING; break;
        case 'f': mode = FS_CAN_ALL_BUT_LAST; break;
        case 'm': mode = FS_CAN_MISSING; break;
        case 'n': no_nl = true; break;
        case 'q':
        case 's': verbose = false; break;
        case 'v': verbose = true; break;
        case 'z': zero = true; break;
        default: return bi_done(cmd, o.status);
        }
    }
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    if (no_nl && cmd->argc - o.ind > 1) {
        bi_err(cmd, "ignoring --no-newline with multiple arguments");
        no_nl = false;
    }
    int status = 0;
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        const char *a = cmd->argv[i];
        char *out = NULL;
        int rc;
        if (mode < 0)
            rc = vfs_readlink(cmd->vfs, bi_path(cmd, a), cmd->heap, &out);
        else
            rc = fs_canon(cmd, a, mode, &out);
        if (rc < 0) {
            if (verbose)
                fs_errf(cmd, rc, "%s", fs_qf(cmd, a));
            status = 1;
            continue;
        }
        bi_outs(cmd, out);
        if (!no_nl)
            bi_outc(cmd, zero ? '\0' : '\n');
    }
    return bi_done(cmd, status);
}
