/*
 * uname: print system information: -a -s -n -r -v -m -p -i -o and the long
 * names. Values come from the session (cmd->ops->info keys "sysname",
 * "nodename"/"hostname", "release"/"uname -r", "version", "machine"), with
 * Linux-like defaults. Reference: GNU coreutils 9.1 uname.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("uname", bi_uname, BI_UTIL)

static const char uname_help[] =
    "Usage: uname [OPTION]...\n"
    "Print certain system information.  With no OPTION, same as -s.\n"
    "\n"
    "  -a, --all                print all information, in the following order,\n"
    "                             except omit -p and -i if unknown:\n"
    "  -s, --kernel-name        print the kernel name\n"
    "  -n, --nodename           print the network node hostname\n"
    "  -r, --kernel-release     print the kernel release\n"
    "  -v, --kernel-version     print the kernel version\n"
    "  -m, --machine            print the machine hardware name\n"
    "  -p, --processor          print the processor type (non-portable)\n"
    "  -i, --hardware-platform  print the hardware platform (non-portable)\n"
    "  -o, --operating-system   print the operating system\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const char *uname__info(vb_cmd *cmd, const char *k1, const char *k2, const char *def)
{
    const char *v = NULL;
    if (cmd->ops && cmd->ops->info) {
        v = cmd->ops->info(cmd->shell, k1);
        if (!v && k2)
            v = cmd->ops->info(cmd->shell, k2);
    }
    return v ? v : def;
}

int bi_uname(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"all", 0, 'a'}, {"kernel-name", 0, 's'}, {"sysname", 0, 's'}, {"nodename", 0, 'n'},
        {"kernel-release", 0, 'r'}, {"release", 0, 'r'}, {"kernel-version", 0, 'v'},
        {"machine", 0, 'm'}, {"processor", 0, 'p'}, {"hardware-platform", 0, 'i'},
        {"operating-system", 0, 'o'}, {0},
    };
    enum { S = 1, N = 2, R = 4, V = 8, M = 16, P = 32, I = 64, O = 128 };
    unsigned want = 0;
    bool all = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "asnrvmpio", longs, uname_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': all = true; want = S | N | R | V | M | O; break;
        case 's': want |= S; break;
        case 'n': want |= N; break;
        case 'r': want |= R; break;
        case 'v': want |= V; break;
        case 'm': want |= M; break;
        case 'p': want |= P; break;
        case 'i': want |= I; break;
        case 'o': want |= O; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (o.ind < cmd->argc)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, cmd->argv[o.ind]));
    if (!want)
        want = S;
    const char *vals[8] = {
        uname__info(cmd, "sysname", NULL, "Linux"),
        uname__info(cmd, "nodename", "hostname", "vbash"),
        uname__info(cmd, "release", "uname -r", "6.1.0-vbash"),
        uname__info(cmd, "version", NULL, "#1 SMP vbash"),
        uname__info(cmd, "machine", NULL, "x86_64"),
        uname__info(cmd, "processor", NULL, "unknown"),
        uname__info(cmd, "platform", NULL, "unknown"),
        uname__info(cmd, "os", NULL, "GNU/Linux"),
    };
    bool first = true;
    for (int i = 0; i < 8; i++) {
        if (!(want & (1u << i)))
            continue;
        if (all && (i == 5 || i == 6) && !strcmp(vals[i], "unknown"))
            continue;
        if (!first)
            bi_outc(cmd, ' ');
        bi_outs(cmd, vals[i]);
        first = false;
    }
    bi_outc(cmd, '\n');
    return bi_done(cmd, 0);
}
