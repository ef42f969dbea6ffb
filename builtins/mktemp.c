/*
 * mktemp: create a temporary file or directory. Reference: GNU coreutils 9
 * mktemp. -d -u -q -p DIR / --tmpdir[=DIR] -t --suffix; the default
 * template tmp.XXXXXXXXXX in $TMPDIR or /tmp. Names come from the session's
 * random generator, so a seeded session makes the same names.
 * No deviations known.
 */
#include <errno.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("mktemp", bi_mktemp, BI_UTIL)
int bi_mktemp(vb_cmd *cmd);

static const char mktemp__help[] =
    "Usage: mktemp [OPTION]... [TEMPLATE]\n"
    "Create a temporary file or directory, safely, and print its name.\n"
    "TEMPLATE must contain at least 3 consecutive 'X's in last component.\n"
    "If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.\n"
    "Files are created u+rw, and directories u+rwx, minus umask restrictions.\n"
    "\n"
    "  -d, --directory     create a directory, not a file\n"
    "  -u, --dry-run       do not create anything; merely print a name (unsafe)\n"
    "  -q, --quiet         suppress diagnostics about file/dir-creation failure\n"
    "      --suffix=SUFF   append SUFF to TEMPLATE; SUFF must not contain a slash.\n"
    "                        This option is implied if TEMPLATE does not end in X\n"
    "  -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is not\n"
    "                        specified, use $TMPDIR if set, else /tmp.  With\n"
    "                        this option, TEMPLATE must not be an absolute name;\n"
    "                        unlike with -t, TEMPLATE may contain slashes, but\n"
    "                        mktemp creates only the final component\n"
    "  -t                  interpret TEMPLATE as a single file name component,\n"
    "                        relative to a directory: $TMPDIR, if set; else the\n"
    "                        directory specified via -p; else /tmp [deprecated]\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { MKTEMP_SUFFIX = 256, MKTEMP_TMPDIR };
static const bi_longopt mktemp__longs[] = {
    {"directory", 0, 'd'}, {"dry-run", 0, 'u'}, {"quiet", 0, 'q'},
    {"suffix", 1, MKTEMP_SUFFIX}, {"tmpdir", 2, MKTEMP_TMPDIR}, {0},
};

static uint64_t mktemp__rand(vb_cmd *cmd, uint64_t *state)
{
    if (cmd->ops && cmd->ops->random)
        return cmd->ops->random(cmd->shell);
    /* splitmix64 over the session clock when the shell gives no generator */
    *state += 0x9e3779b97f4a7c15ull;
    uint64_t z = *state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

int bi_mktemp(vb_cmd *cmd)
{
    bool dir = false, dry = false, quiet = false, tflag = false, use_tmpdir = false;
    const char *suffix = NULL, *tmpdir = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "dp:qtuV", mktemp__longs, mktemp__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'd': dir = true; break;
        case 'p': use_tmpdir = true; tmpdir = o.arg; break;
        case 'q': quiet = true; break;
        case 't': tflag = true; use_tmpdir = true; break;
        case 'u': dry = true; break;
        case MKTEMP_SUFFIX: suffix = o.arg; break;
        case MKTEMP_TMPDIR: use_tmpdir = true; tmpdir = o.arg; break;
        default: return bi_done(cmd, o.status);
        }
    }
    int n = cmd->argc - o.ind;
    if (n > 1)
        return bi_done(cmd, bi_usage(cmd, 1, "too many templates"));
    const char *tmpl;
    if (n == 0) {
        tmpl = "tmp.XXXXXXXXXX";
        use_tmpdir = true;
    } else {
        tmpl = cmd->argv[o.ind];
    }
    /* the implied suffix: whatever follows the last X */
    size_t tl = strlen(tmpl);
    if (!suffix) {
        const char *lastx = strrchr(tmpl, 'X');
        suffix = lastx ? lastx + 1 : tmpl + tl;
        tl = (size_t)(suffix - tmpl);
        if (strchr(suffix, '/'))
            return bi_done(cmd, bi_err(cmd, "invalid suffix %s, contains directory separator",
                                       fs_lq(cmd, suffix)));
    } else {
        if (strchr(suffix, '/'))
            return bi_done(cmd, bi_err(cmd, "invalid suffix %s, contains directory separator",
                                       fs_lq(cmd, suffix)));
        if (tl == 0 || tmpl[tl - 1] != 'X')
            return bi_done(cmd, bi_err(cmd, "with --suffix, template %s must end in X",
                                       fs_lq(cmd, tmpl)));
    }
    char *base = mem_strndup(cmd->heap, tmpl, tl);
    size_t nx = 0;
    while (nx < tl && base[tl - 1 - nx] == 'X')
        nx++;
    char *full;
    if (use_tmpdir) {
        const char *d = tmpdir && *tmpdir ? tmpdir : NULL;
        if (tflag || !d) {
            const char *env = bi_getvar(cmd, "TMPDIR");
            if (tflag && env && *env)
                d = env;
            else if (!d)
                d = env && *env ? env : "/tmp";
        }
        if (tflag && strchr(tmpl, '/'))
            return bi_done(cmd, bi_err(cmd, "invalid template, %s, contains directory separator",
                                       fs_lq(cmd, tmpl)));
        if (!tflag && tmpl[0] == '/')
            return bi_done(cmd, bi_err(cmd, "invalid template, %s; with --tmpdir, it may not be absolute",
                                       fs_lq(cmd, tmpl)));
        full = fs_join(cmd->heap, d, mem_printf(cmd->heap, "%s%s", base, suffix));
    } else {
        full = mem_printf(cmd->heap, "%s%s", base, suffix);
    }
    if (nx < 3)   /* GNU names the template with its --suffix */
        return bi_done(cmd, bi_err(cmd, "too few X's in template %s",
                                   fs_lq(cmd, mem_printf(cmd->heap, "%s%s", base, suffix))));
    size_t fl = strlen(full), sl = strlen(suffix);
    size_t xend = fl - sl, xstart = xend - nx;
    static const char chars[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    uint64_t state = 0;
    struct timespec now;
    fs_now(cmd, &now);
    state = (uint64_t)now.tv_sec * 1000000007ull + (uint64_t)now.tv_nsec;
    int rc = -EEXIST;
    uint32_t umask = dry ? 0 : fs_umask(cmd);
    for (int attempt = 0; attempt < 1000 && rc == -EEXIST; attempt++) {
        for (size_t i = xstart; i < xend; i++)
            full[i] = chars[mktemp__rand(cmd, &state) % 62];
        char *abs = bi_path(cmd, full);
        if (dry) {
            vfs_stat_t st;
            rc = vfs_lstat(cmd->vfs, abs, &st) == 0 ? -EEXIST : 0;
        } else if (dir) {
            rc = vfs_mkdir(cmd->vfs, abs, 0700 & ~umask);
        } else {
            vfs_file *f;
            rc = vfs_open(cmd->vfs, abs, O_WRONLY | O_CREAT | O_EXCL, 0600 & ~umask, &f);
            if (rc == 0)
                vfs_close(f);
        }
    }
    if (rc < 0) {
        if (!quiet) {
            /* the message names the template as it was expanded, with X's */
            for (size_t i = xstart; i < xend; i++)
                full[i] = 'X';
            fs_errf(cmd, rc, "failed to create %s via template %s", dir ? "directory" : "file",
                    fs_lq(cmd, full));
        }
        return bi_done(cmd, 1);
    }
    bi_outs(cmd, full);
    bi_outc(cmd, '\n');
    return bi_done(cmd, 0);
}
