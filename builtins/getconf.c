/*
 * getconf: query system configuration variables. The values describe the
 * sandbox as a 64-bit Linux/glibc system (limits.h constants, page size,
 * _NPROCESSORS_* = 1, path limits of the VFS for the pathconf variables,
 * which need a PATHNAME that exists). -a lists them all.
 * Reference: glibc 2.36 getconf.
 */
#include <string.h>

#include "builtins/lib/bi.h"

VB_BUILTIN("getconf", bi_getconf, BI_UTIL)

typedef struct gc_var {
    const char *name;
    const char *value;
    bool path;            /* a pathconf variable: needs PATHNAME */
} gc_var;

static const gc_var gc_vars[] = {
    {"ARG_MAX", "2097152", false},
    {"BC_BASE_MAX", "99", false},
    {"BC_DIM_MAX", "2048", false},
    {"BC_SCALE_MAX", "99", false},
    {"BC_STRING_MAX", "1000", false},
    {"CHARCLASS_NAME_MAX", "2048", false},
    {"CHAR_BIT", "8", false},
    {"CHAR_MAX", "127", false},
    {"CHAR_MIN", "-128", false},
    {"CHILD_MAX", "1024", false},
    {"CLK_TCK", "100", false},
    {"COLL_WEIGHTS_MAX", "255", false},
    {"EXPR_NEST_MAX", "32", false},
    {"FILESIZEBITS", "64", true},
    {"GNU_LIBC_VERSION", "glibc 2.36", false},
    {"GNU_LIBPTHREAD_VERSION", "NPTL 2.36", false},
    {"HOST_NAME_MAX", "64", false},
    {"INT_MAX", "2147483647", false},
    {"INT_MIN", "-2147483648", false},
    {"LINE_MAX", "2048", false},
    {"LINK_MAX", "65000", true},
    {"LOGIN_NAME_MAX", "256", false},
    {"LONG_BIT", "64", false},
    {"MAX_CANON", "255", true},
    {"MAX_INPUT", "255", true},
    {"MB_LEN_MAX", "16", false},
    {"NAME_MAX", "255", true},
    {"NGROUPS_MAX", "65536", false},
    {"NL_ARGMAX", "4096", false},
    {"NZERO", "20", false},
    {"OPEN_MAX", "1024", false},
    {"PAGESIZE", "4096", false},
    {"PAGE_SIZE", "4096", false},
    {"PATH", "/bin:/usr/bin", false},
    {"PATH_MAX", "4096", true},
    {"PIPE_BUF", "4096", true},
    {"RE_DUP_MAX", "32767", false},
    {"SCHAR_MAX", "127", false},
    {"SCHAR_MIN", "-128", false},
    {"SHRT_MAX", "32767", false},
    {"SHRT_MIN", "-32768", false},
    {"SSIZE_MAX", "32767", false},
    {"STREAM_MAX", "16", false},
    {"SYMLINK_MAX", "undefined", true},
    {"TZNAME_MAX", "undefined", false},
    {"UCHAR_MAX", "255", false},
    {"UINT_MAX", "4294967295", false},
    {"ULONG_MAX", "18446744073709551615", false},
    {"USHRT_MAX", "65535", false},
    {"WORD_BIT", "32", false},
    {"_AVPHYS_PAGES", "262144", false},
    {"_NPROCESSORS_CONF", "1", false},
    {"_NPROCESSORS_ONLN", "1", false},
    {"_PHYS_PAGES", "262144", false},
    {"_POSIX_ARG_MAX", "2097152", false},
    {"_POSIX_VERSION", "200809", false},
    {"_POSIX2_VERSION", "200809", false},
    {"POSIX2_VERSION", "200809", false},
    {NULL, NULL, false},
};

static void gc__usage(vb_cmd *cmd)
{
    static const char u[] = "Usage: getconf [-v specification] variable_name [pathname]\n"
                            "       getconf -a [pathname]\n";
    bi_errw(cmd, u, sizeof u - 1);
}

int bi_getconf(vb_cmd *cmd)
{
    int i = 1;
    bool all = false;
    if (i < cmd->argc && !strcmp(cmd->argv[i], "-a")) {
        all = true;
        i++;
    } else if (i < cmd->argc && !strcmp(cmd->argv[i], "-v")) {
        if (i + 2 > cmd->argc) {
            gc__usage(cmd);
            return 2;
        }
        i += 2;    /* every specification is the same environment here */
    } else if (i < cmd->argc && !strcmp(cmd->argv[i], "--")) {
        i++;
    }
    if (all) {
        for (const gc_var *v = gc_vars; v->name; v++) {
            int pad = 36 - (int)strlen(v->name);
            bi_outf(cmd, "%s%*s%s\n", v->name, pad > 1 ? pad : 1, "", v->value);
        }
        return bi_done(cmd, 0);
    }
    if (i >= cmd->argc || cmd->argc - i > 2) {
        gc__usage(cmd);
        return 2;
    }
    const char *name = cmd->argv[i];
    const char *path = i + 1 < cmd->argc ? cmd->argv[i + 1] : NULL;
    for (const gc_var *v = gc_vars; v->name; v++) {
        if (strcmp(v->name, name))
            continue;
        if (v->path) {
            if (!path) {
                gc__usage(cmd);
                return 2;
            }
            char *abs = bi_path(cmd, path);
            vfs_stat_t st;
            int rc = abs ? vfs_stat(cmd->vfs, abs, &st) : VB_ENOMEM;
            if (rc != 0) {
                bi_err(cmd, "pathconf: %s: %s", path, vb_strerror(rc));
                return 3;
            }
        }
        bi_outf(cmd, "%s\n", v->value);
        return bi_done(cmd, 0);
    }
    bi_err(cmd, "Unrecognized variable `%s'", name);
    return 2;
}
