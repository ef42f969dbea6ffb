/*
 * pathchk: check whether file names are valid or portable. Reference: GNU
 * coreutils 9 pathchk. Default checks against the VFS limits (names of 255
 * bytes, paths of 4096) and reports lookup errors other than a missing
 * file; -p checks POSIX portability (14-byte names, 256-byte paths, the
 * portable character set); -P empty names and leading '-';
 * --portability = -p -P. No deviations known.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("pathchk", bi_pathchk, BI_UTIL)
int bi_pathchk(vb_cmd *cmd);

static const char pathchk__help[] =
    "Usage: pathchk [OPTION]... NAME...\n"
    "Diagnose invalid or non-portable file names.\n"
    "\n"
    "  -p                  check for most POSIX systems\n"
    "  -P                  check for empty names and leading \"-\"\n"
    "      --portability   check for all POSIX systems (equivalent to -p -P)\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { PATHCHK_PORT = 256 };
static const bi_longopt pathchk__longs[] = {{"portability", 0, PATHCHK_PORT}, {0}};

static int pathchk__one(vb_cmd *cmd, const char *file, bool basic, bool extra)
{
    size_t len = strlen(file);
    if (extra) {
        if (len == 0) {
            bi_err(cmd, "empty file name");
            return 1;
        }
        for (const char *p = file; *p; p++) {
            if (*p == '-' && (p == file || p[-1] == '/')) {
                bi_err(cmd, "leading '-' in a component of file name %s", fs_q(cmd, file));
                return 1;
            }
        }
    }
    if (basic) {
        if (len == 0 && !extra) {
            bi_err(cmd, "empty file name");
            return 1;
        }
        for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
            unsigned char c = *p;
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-' || c == '/';
            if (!ok) {
                /* the whole multibyte character, as GNU shows it */
                size_t cl = 1;
                if (c >= 0xc0) {
                    while (p[cl] && (p[cl] & 0xc0) == 0x80 && cl < 4)
                        cl++;
                }
                char *ch = mem_strndup(cmd->heap, (const char *)p, cl);
                bi_err(cmd, "nonportable character %s in file name %s", fs_lq(cmd, ch), fs_q(cmd, file));
                return 1;
            }
        }
    } else {
        vfs_stat_t st;
        int rc = len ? vfs_lstat(cmd->vfs, bi_path(cmd, file), &st) : -ENOENT;
        if (len == 0) {
            fs_errf(cmd, -ENOENT, "%s", fs_qf(cmd, file));
            return 1;
        }
        if (rc < 0 && rc != -ENOENT) {
            fs_errf(cmd, rc, "%s", fs_qf(cmd, file));
            return 1;
        }
    }
    size_t maxsize = basic ? 256 : 4096, maxname = basic ? 14 : 255;
    if (len + 1 > maxsize) {
        bi_err(cmd, "limit %zu exceeded by length %zu of file name %s", maxsize - 1, len,
               fs_q(cmd, file));
        return 1;
    }
    for (const char *p = file; *p;) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t cl = (size_t)(e - p);
        if (cl > maxname) {
            bi_err(cmd, "limit %zu exceeded by length %zu of file name component %s", maxname, cl,
                   fs_lq(cmd, mem_strndup(cmd->heap, p, cl)));
            return 1;
        }
        p = e;
    }
    return 0;
}

int bi_pathchk(vb_cmd *cmd)
{
    bool basic = false, extra = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "+pP", pathchk__longs, pathchk__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'p': basic = true; break;
        case 'P': extra = true; break;
        case PATHCHK_PORT: basic = extra = true; break;
        default: return bi_done(cmd, o.status);
        }
    }
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    int status = 0;
    for (int i = o.ind; i < cmd->argc; i++)
        status |= pathchk__one(cmd, cmd->argv[i], basic, extra);
    return bi_done(cmd, status);
}
