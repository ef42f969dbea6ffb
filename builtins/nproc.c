/*
 * nproc: the number of processing units available: a session runs on one
 * thread at a time, so 1 (or cmd->ops->info "nproc"); OMP_NUM_THREADS and
 * OMP_THREAD_LIMIT are honoured as GNU does; --all, --ignore=N.
 * Reference: GNU coreutils 9.1 nproc.
 */
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("nproc", bi_nproc, BI_UTIL)

static const char nproc_help[] =
    "Usage: nproc [OPTION]...\n"
    "Print the number of processing units available to the current process,\n"
    "which may be less than the number of online processors\n"
    "\n"
    "      --all       print the number of installed processors\n"
    "      --ignore=N  if possible, exclude N processing units\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static uint64_t nproc__env(vb_cmd *cmd, const char *name)
{
    const char *v = bi_getvar(cmd, name);
    if (!v)
        return 0;
    while (*v == ' ' || *v == '\t')
        v++;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    if (end == v || (*end && *end != ','))
        return 0;
    return n;
}

int bi_nproc(vb_cmd *cmd)
{
    enum { ALL = 256, IGNORE };
    static const bi_longopt longs[] = {{"all", 0, ALL}, {"ignore", 1, IGNORE}, {0}};
    bool all = false;
    uint64_t ignore = 0;
    bi_opt o;
    bi_opt_init(&o, cmd, "", longs, nproc_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case ALL: all = true; break;
        case IGNORE: {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) != 0 || v < 0) {
                bi_err(cmd, "invalid number: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            ignore = (uint64_t)v;
            break;
        }
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (o.ind < cmd->argc)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, cmd->argv[o.ind]));
    const char *info = cmd->ops && cmd->ops->info ? cmd->ops->info(cmd->shell, "nproc") : NULL;
    uint64_t n = info ? strtoull(info, NULL, 10) : 1;
    if (n == 0)
        n = 1;
    if (!all) {
        uint64_t omp = nproc__env(cmd, "OMP_NUM_THREADS");
        uint64_t lim = nproc__env(cmd, "OMP_THREAD_LIMIT");
        if (omp)
            n = omp;
        if (lim && n > lim)
            n = lim;
    }
    n = ignore < n ? n - ignore : 1;
    bi_outf(cmd, "%llu\n", (unsigned long long)n);
    return bi_done(cmd, 0);
}
