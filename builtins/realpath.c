/*
 * realpath: print the resolved absolute file name. Reference: GNU
 * coreutils 9 realpath. -e -m -L -P -q -s/--strip/--no-symlinks -z
 * --relative-to --relative-base. No deviations known.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("realpath", bi_realpath, BI_UTIL)
int bi_realpath(vb_cmd *cmd);

static const char realpath__help[] =
    "Usage: realpath [OPTION]... FILE...\n"
    "Print the resolved absolute file name;\n"
    "all but the last component must exist\n"
    "\n"
    "  -e, --canonicalize-existing  all components of the path must exist\n"
    "  -m, --canonicalize-missing   no path components need exist or be a directory\n"
    "  -L, --logical                resolve '..' components before symlinks\n"
    "  -P, --physical               resolve symlinks as encountered (default)\n"
    "  -q, --quiet                  suppress most error messages\n"
    "      --relative-to=DIR        print the resolved path relative to DIR\n"
    "      --relative-base=DIR      print absolute paths unless paths below DIR\n"
    "  -s, --strip, --no-symlinks   don't expand symlinks\n"
    "  -z, --zero                   end each output line with NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { RP_TO = 256, RP_BASE };
static const bi_longopt realpath__longs[] = {
    {"canonicalize-existing", 0, 'e'}, {"canonicalize-missing", 0, 'm'},
    {"logical", 0, 'L'}, {"physical", 0, 'P'}, {"quiet", 0, 'q'},
    {"relative-to", 1, RP_TO}, {"relative-base", 1, RP_BASE}, {"strip", 0, 's'},
    {"no-symlinks", 0, 's'}, {"zero", 0, 'z'}, {0},
};

static bool realpath__under(const char *path, const char *base)
{
    if (!strcmp(base, "/"))
        return true;
    size_t n = strlen(base);
    return !strncmp(path, base, n) && (path[n] == 0 || path[n] == '/');
}

int bi_realpath(vb_cmd *cmd)
{
    int mode = FS_CAN_ALL_BUT_LAST, flags = 0;
    bool quiet = false, zero = false;
    const char *to = NULL, *base = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "emLPqsz", realpath__longs, realpath__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'e': mode = FS_CAN_EXISTING; break;
        case 'm': mode = FS_CAN_MISSING; break;
        case 'L': flags |= FS_CAN_LOGICAL; flags &= ~FS_CAN_NOLINKS; break;
        case 'P': flags &= ~FS_CAN_LOGICAL; break;
        case 'q': quiet = true; break;
        case 's': flags |= FS_CAN_NOLINKS; break;
        case 'z': zero = true; break;
        case RP_TO: to = o.arg; break;
        case RP_BASE: base = o.arg; break;
        default: return bi_done(cmd, o.status);
        }
    }
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    char *cto = NULL, *cbase = NULL;
    if (to) {
        int rc = fs_canon(cmd, to, mode | flags, &cto);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "%s", fs_qf(cmd, to)));
    }
    if (base) {
        int rc = fs_canon(cmd, base, mode | flags, &cbase);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "%s", fs_qf(cmd, base)));
    }
    if (cbase && !cto)
        cto = cbase;
    if (cbase && cto && !realpath__under(cto, cbase))
        cbase = cto = NULL;   /* GNU: then every path prints absolute */
    int status = 0;
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        const char *a = cmd->argv[i];
        char *out;
        int rc = fs_canon(cmd, a, mode | flags, &out);
        if (rc < 0) {
            if (!quiet)
                fs_errf(cmd, rc, "%s", fs_qf(cmd, a));
            status = 1;
            continue;
        }
        if (cto && (!cbase || realpath__under(out, cbase)))
            out = fs_relpath(cmd->heap, out, cto);
        bi_outs(cmd, out);
        bi_outc(cmd, zero ? '\0' : '\n');
    }
    return bi_done(cmd, status);
}
