/*
 * truncate: shrink or extend the size of a file to the specified size.
 * Reference: GNU coreutils 9 truncate. -s SIZE with the prefixes + - < > /
 * % and size suffixes (K, KB, M...), -r RFILE (alone or with a relative
 * -s), -c (no create), -o (SIZE in I/O blocks of 4096 bytes).
 * No deviations known.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("truncate", bi_truncate, BI_UTIL)
int bi_truncate(vb_cmd *cmd);

static const char truncate__help[] =
    "Usage: truncate OPTION... FILE...\n"
    "Shrink or extend the size of each FILE to the specified size\n"
    "\n"
    "A FILE argument that does not exist is created.\n"
    "\n"
    "If a FILE is larger than the specified size, the extra data is lost.\n"
    "If a FILE is shorter, it is extended and the sparse extended part (hole)\n"
    "reads as zero bytes.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -c, --no-create        do not create any files\n"
    "  -o, --io-blocks        treat SIZE as number of IO blocks instead of bytes\n"
    "  -r, --reference=RFILE  base size on RFILE\n"
    "  -s, --size=SIZE        set or adjust the file size by SIZE bytes\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "SIZE is an integer and optional unit (example: 10K is 10*1024).\n"
    "Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,... (powers of 1000).\n"
    "Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n"
    "\n"
    "SIZE may also be prefixed by one of the following modifying characters:\n"
    "'+' extend by, '-' reduce by, '<' at most, '>' at least,\n"
    "'/' round down to multiple of, '%' round up to multiple of.\n";

static const bi_longopt truncate__longs[] = {
    {"no-create", 0, 'c'}, {"io-blocks", 0, 'o'}, {"reference", 1, 'r'}, {"size", 1, 's'}, {0},
};

enum { T_SET, T_EXTEND, T_REDUCE, T_ATMOST, T_ATLEAST, T_ROUNDDOWN, T_ROUNDUP };

int bi_truncate(vb_cmd *cmd)
{
    bool no_create = false, io_blocks = false;
    const char *ref = NULL, *size_arg = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "cor:s:", truncate__longs, truncate__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'c': no_create = true; break;
        case 'o': io_blocks = true; break;
        case 'r': ref = o.arg; break;
        case 's': size_arg = o.arg; break;
        default: return bi_done(cmd, o.status);
        }
    }
    int op = T_SET;
    uint64_t size = 0;
    if (size_arg) {
        const char *s = size_arg;
        while (*s == ' ' || *s == '\t')
            s++;
        switch (*s) {
        case '+': op = T_EXTEND; s++; break;
        case '-': op = T_REDUCE; s++; break;
        case '<': op = T_ATMOST; s++; break;
        case '>': op = T_ATLEAST; s++; break;
        case '/': op = T_ROUNDDOWN; s++; break;
        case '%': op = T_ROUNDUP; s++; break;
        default: break;
        }
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '-' || *s == '+' || bi_parse_size(s, &size) < 0 || size > INT64_MAX)
            return bi_done(cmd, bi_err(cmd, "Invalid number: %s", fs_lq(cmd, size_arg)));
        if (io_blocks) {
            if (size > INT64_MAX / 4096)
                return bi_done(cmd, bi_err(cmd, "Invalid number: %s", fs_lq(cmd, size_arg)));
            size *= 4096;
        }
        if ((op == T_ROUNDDOWN || op == T_ROUNDUP) && size == 0)
            return bi_done(cmd, bi_err(cmd, "division by zero"));
    }
    if (!size_arg && !ref)
        return bi_done(cmd, bi_usage(cmd, 1, "you must specify either %s or %s",
                                     fs_lq(cmd, "--size"), fs_lq(cmd, "--reference")));
    if (ref && size_arg && op == T_SET)
        return bi_done(cmd, bi_usage(cmd, 1, "you must specify a relative %s with %s",
                                     fs_lq(cmd, "--size"), fs_lq(cmd, "--reference")));
    if (io_blocks && !size_arg)
        return bi_done(cmd, bi_usage(cmd, 1, "%s was specified but %s was not",
                                     fs_lq(cmd, "--io-blocks"), fs_lq(cmd, "--size")));
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing file operand"));
    uint64_t ref_size = 0;
    if (ref) {
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, ref), &st);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "cannot stat %s", fs_q(cmd, ref)));
        ref_size = st.size;
        if (!size_arg)
            size = ref_size;
    }
    int status = 0;
    uint32_t cmode = 0666 & ~fs_umask(cmd);
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        const char *f = cmd->argv[i];
        char *p = bi_path(cmd, f);
        vfs_file *vf;
        int rc = vfs_open(cmd->vfs, p, O_WRONLY | (no_create ? 0 : O_CREAT), cmode, &vf);
        if (rc == -ENOENT && no_create)
            continue;
        if (rc < 0) {
            status = fs_errf(cmd, rc, "cannot open %s for writing", fs_q(cmd, f));
            continue;
        }
        vfs_stat_t st;
        rc = vfs_fstat(vf, &st);
        if (rc < 0) {
            vfs_close(vf);
            status = fs_errf(cmd, rc, "cannot fstat %s", fs_q(cmd, f));
            continue;
        }
        uint64_t cur = ref ? ref_size : st.size, nsize = size;
        switch (op) {
        case T_EXTEND:
            if (cur > INT64_MAX - size) {
                vfs_close(vf);
                status = bi_err(cmd, "overflow extending size of file %s", fs_q(cmd, f));
                continue;
            }
            nsize = cur + size;
            break;
        case T_REDUCE: nsize = cur > size ? cur - size : 0; break;
        case T_ATMOST: nsize = cur < size ? cur : size; break;
        case T_ATLEAST: nsize = cur > size ? cur : size; break;
        case T_ROUNDDOWN: nsize = cur / size * size; break;
        case T_ROUNDUP: nsize = (cur + size - 1) / size * size; break;
        default: break;
        }
        rc = vfs_ftruncate(vf, nsize);
        vfs_close(vf);
        if (rc < 0)
            status = fs_errf(cmd, rc, "failed to truncate %s at %llu bytes", fs_q(cmd, f),
                             (unsigned long long)nsize);
    }
    return bi_done(cmd, status);
}
