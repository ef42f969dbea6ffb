/*
 * basename: strip directory and suffix from file names. basename NAME
 * [SUFFIX], -a (several names), -s SUFFIX (implies -a), -z (NUL ends each
 * output). Reference: GNU coreutils 9.1 basename.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("basename", bi_basename, BI_UTIL)
int bi_basename(vb_cmd *cmd);

static const char basename_help[] =
    "Usage: basename NAME [SUFFIX]\n"
    "  or:  basename OPTION... NAME...\n"
    "Print NAME with any leading directory components removed.\n"
    "If specified, also remove a trailing SUFFIX.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a, --multiple       support multiple arguments and treat each as a NAME\n"
    "  -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a\n"
    "  -z, --zero           end each output line with NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt basename_longs[] = {
    {"multiple", 0, 'a'}, {"suffix", 1, 's'}, {"zero", 0, 'z'}, {0},
};

static void basename__one(vb_cmd *cmd, const char *name, const char *suffix, char end)
{
    size_t n = strlen(name);
    while (n > 1 && name[n - 1] == '/')
        n--;
    const char *b = name;
    size_t bl = n;
    if (n == 1 && name[0] == '/') {
        b = name, bl = 1;
    } else {
        const char *s = memrchr(name, '/', n);
        if (s) {
            b = s + 1;
            bl = n - (size_t)(b - name);
        }
        if (suffix && *suffix) {
            size_t sl = strlen(suffix);
            if (sl < bl && !memcmp(b + bl - sl, suffix, sl))
                bl -= sl;
        }
    }
    bi_out(cmd, b, bl);
    bi_outc(cmd, end);
}

int bi_basename(vb_cmd *cmd)
{
    bool multi = false;
    const char *suffix = NULL;
    char end = '\n';
    bi_opt o;
    bi_opt_init(&o, cmd, "+as:z", basename_longs, basename_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': multi = true; break;
        case 's': suffix = o.arg; multi = true; break;
        case 'z': end = '\0'; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **a = cmd->argv + o.ind;
    if (n < 1)
        return bi_usage(cmd, 1, "missing operand");
    if (multi) {
        for (int i = 0; i < n; i++)
            basename__one(cmd, a[i], suffix, end);
    } else {
        if (n > 2)
            return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, a[2]));
        basename__one(cmd, a[0], n == 2 ? a[1] : NULL, end);
    }
    return bi_done(cmd, 0);
}
