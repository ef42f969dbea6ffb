/*
 * du: estimate file space usage. Reference: GNU coreutils 9 du.
 * -a -b -c -d/--max-depth -h --si -k -m -B/--block-size -s -S -x -L -H/-D
 * -P -l -0 --apparent-size --inodes --exclude=PATTERN. Files seen twice
 * (hard links; every file when several operands are given) count once, as
 * GNU does; -t/--threshold, -X/--exclude-from. Deviations: no --time
 * (refused with a message).
 */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("du", bi_du, BI_UTIL)
int bi_du(vb_cmd *cmd);

static const char du__help[] =
    "Usage: du [OPTION]... [FILE]...\n"
    "Summarize device usage of the set of FILEs, recursively for directories.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -0, --null            end each output line with NUL, not newline\n"
    "  -a, --all             write counts for all files, not just directories\n"
    "      --apparent-size   print apparent sizes rather than device usage\n"
    "  -B, --block-size=SIZE  scale sizes by SIZE before printing them\n"
    "  -b, --bytes           equivalent to '--apparent-size --block-size=1'\n"
    "  -c, --total           produce a grand total\n"
    "  -D, --dereference-args  dereference only symlinks that are listed on the\n"
    "                          command line\n"
    "  -d, --max-depth=N     print the total for a directory (or file, with --all)\n"
    "                          only if it is N or fewer levels below the command\n"
    "                          line argument;  --max-depth=0 is the same as\n"
    "                          --summarize\n"
    "  -H                    equivalent to --dereference-args (-D)\n"
    "  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)\n"
    "      --inodes          list inode usage information instead of block usage\n"
    "  -k                    like --block-size=1K\n"
    "  -L, --dereference     dereference all symbolic links\n"
    "  -l, --count-links     count sizes many times if hard linked\n"
    "  -m                    like --block-size=1M\n"
    "  -P, --no-dereference  don't follow any symbolic links (this is the default)\n"
    "  -S, --separate-dirs   for directories do not include size of subdirectories\n"
    "      --si              like -h, but use powers of 1000 not 1024\n"
    "  -s, --summarize       display only a total for each argument\n"
    "  -t, --threshold=SIZE  exclude entries smaller than SIZE if positive,\n"
    "                          or entries greater than SIZE if negative\n"
    "  -x, --one-file-system    skip directories on different file systems\n"
    "  -X, --exclude-from=FILE  exclude files that match any pattern in FILE\n"
    "      --exclude=PATTERN    exclude files that match PATTERN\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { DU_APPARENT = 256, DU_INODES, DU_SI, DU_EXCLUDE, DU_TIME };
static const bi_longopt du__longs[] = {
    {"null", 0, '0'}, {"all", 0, 'a'}, {"apparent-size", 0, DU_APPARENT},
    {"block-size", 1, 'B'}, {"bytes", 0, 'b'}, {"total", 0, 'c'},
    {"dereference-args", 0, 'D'}, {"max-depth", 1, 'd'}, {"human-readable", 0, 'h'},
    {"inodes", 0, DU_INODES}, {"dereference", 0, 'L'}, {"count-links", 0, 'l'},
    {"no-dereference", 0, 'P'}, {"separate-dirs", 0, 'S'}, {"si", 0, DU_SI},
    {"summarize", 0, 's'}, {"one-file-system", 0, 'x'}, {"exclude", 1, DU_EXCLUDE},
    {"time", 2, DU_TIME}, {"threshold", 1, 't'}, {"exclude-from", 1, 'X'}, {0},
};

typedef struct du_seen {
    uint64_t dev, ino;
} du_seen;

typedef struct du_ctx {
    vb_cmd *cmd;
    bool all, apparent, human, si, inodes, count_links, separate, one_fs, hash_all;
    int deref;            /* 0 never, 1 args, 2 always */
    long max_depth;       /* -1: unlimited */
    uint64_t block;       /* output unit */
    char eol;
    char **excl;
    size_t nexcl;
    du_seen *seen;
    size_t nseen, capseen;
    int status;
    uint64_t root_dev;
    bool have_threshold;
    int64_t threshold;    /* -t: >= 0 hide smaller entries, < 0 hide larger than -threshold */
} du_ctx;

/* The option as the user wrote it, for GNU's xstrtol messages: "-t" or
 * "--threshold" (arg points into the option's word, or is the next word). */
static const char *du__optname(vb_cmd *cmd, const char *arg, char shortc, const char *longname)
{
    for (int i = 1; i < cmd->argc; i++) {
        const char *w = cmd->argv[i];
        if (arg < w || arg > w + strlen(w))
            continue;
        const char *ow = arg == w && i > 1 ? cmd->argv[i - 1] : w;
        if (ow[0] == '-' && ow[1] == '-')
            return mem_printf(cmd->heap, "--%s", longname);
        break;
    }
    return mem_printf(cmd->heap, "-%c", shortc);
}

/* xstrtoimax with the suffixes "kKmMGTPEZY" and an optional B / iB after
 * them, as du -t reads its SIZE. 0 ok, else GNU's message is printed and 1
 * returned. */
static int du__threshold(vb_cmd *cmd, const char *arg, const char *opt, int64_t *out)
{
    const char *p = arg;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++;
    bool neg = *p == '-';
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 0);
    bool overflow = errno == ERANGE;
    if (end == arg) {
        if (!*p || !strchr("kKmMGTPEZY", *p))
            return bi_err(cmd, "invalid %s argument '%s'", opt, arg);
        v = 1;
    }
    if (*end) {
        const char *sx = "kKmMGTPEZY";
        const char *hit = strchr(sx, *end);
        if (!hit)
            return bi_err(cmd, "invalid suffix in %s argument '%s'", opt, arg);
        int power = *end == 'k' || *end == 'K' ? 1 : (int)(strchr("KMGTPEZY", *end) - "KMGTPEZY") + 1;
        int base = 1024;
        if (end[1] == 'B' && !end[2])
            base = 1000;
        else if (end[1] == 'i' && end[2] == 'B' && !end[3])
            base = 1024;
        else if (end[1])
            return bi_err(cmd, "invalid suffix in %s argument '%s'", opt, arg);
        for (int k = 0; k < power && !overflow; k++) {
            if (v > LLONG_MAX / base || v < LLONG_MIN / base)
                overflow = true;
            else
                v *= base;
        }
    }
    if (overflow)
        return bi_err(cmd, "%s argument '%s' too large", opt, arg);
    if (v == 0 && neg)
        return bi_err(cmd, "invalid --threshold argument '-0'");
    *out = v;
    return 0;
}

static bool du__seen(du_ctx *c, const vfs_stat_t *st)
{
    for (size_t i = 0; i < c->nseen; i++)
        if (c->seen[i].dev == st->dev && c->seen[i].ino == st->ino)
            return true;
    if (c->nseen == c->capseen) {
        size_t n = c->capseen ? c->capseen * 2 : 64;
        du_seen *ns = mem_realloc(c->cmd->heap, c->seen, n * sizeof *ns);
        if (!ns)
            return false;
        c->seen = ns;
        c->capseen = n;
    }
    c->seen[c->nseen].dev = st->dev;
    c->seen[c->nseen].ino = st->ino;
    c->nseen++;
    return false;
}

static void du__print(du_ctx *c, uint64_t v, const char *path)
{
    vb_cmd *cmd = c->cmd;
    if (c->have_threshold &&
        ((c->threshold < 0 && v > (uint64_t)0 - (uint64_t)c->threshold) ||
         (c->threshold >= 0 && v < (uint64_t)c->threshold)))
        return;
    if (c->inodes) {
        bi_outf(cmd, "%llu\t%s%c", (unsigned long long)v, path, c->eol);
        return;
    }
    if (c->human) {
        char b[32];
        fs_human(b, v, c->si);
        bi_outf(cmd, "%s\t%s%c", b, path, c->eol);
        return;
    }
    bi_outf(cmd, "%llu\t%s%c", (unsigned long long)((v + c->block - 1) / c->block), path, c->eol);
}

static bool du__excluded(const du_ctx *c, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base && base[1] ? base + 1 : path;
    for (size_t i = 0; i < c->nexcl; i++)
        if (fnmatch(c->excl[i], path, 0) == 0 || fnmatch(c->excl[i], base, 0) == 0)
            return true;
    return false;
}

/* Returns the size of the tree at path (0 when skipped). */
static uint64_t du__walk(du_ctx *c, const char *path, const char *abs, long depth)
{
    vb_cmd *cmd = c->cmd;
    if (bi_cancelled(cmd))
        return 0;
    if (du__excluded(c, path))
        return 0;
    vfs_stat_t st;
    bool follow = c->deref == 2 || (c->deref == 1 && depth == 0);
    int rc = follow ? vfs_stat(cmd->vfs, abs, &st) : vfs_lstat(cmd->vfs, abs, &st);
    if (rc < 0) {
        fs_errf(cmd, rc, "cannot access %s", fs_q(cmd, path));
        c->status = 1;
        return 0;
    }
    if (depth == 0)
        c->root_dev = st.dev;
    if (!c->count_links && (c->hash_all || (!S_ISDIR(st.mode) && st.nlink > 1)) && du__seen(c, &st))
        return 0;
    uint64_t self = c->inodes ? 1 : c->apparent ? st.size : st.blocks * 512;
    if (!S_ISDIR(st.mode)) {
        if ((c->all || depth == 0) && (c->max_depth < 0 || depth <= c->max_depth))
            du__print(c, self, path);
        return self;
    }
    if (c->one_fs && st.dev != c->root_dev)
        return 0;
    uint64_t total = self, subdirs = 0;
    char **names;
    size_t n;
    rc = fs_list_dir(cmd, abs, &names, &n);
    if (rc < 0) {
        fs_errf(cmd, rc, "cannot read directory %s", fs_q(cmd, path));
        c->status = 1;
        n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        char *cp = fs_join(cmd->heap, path, names[i]);
        char *ca = fs_join(cmd->heap, abs, names[i]);
        if (!cp || !ca)
            break;
        vfs_stat_t cst;
        bool cdir = vfs_lstat(cmd->vfs, ca, &cst) == 0 && S_ISDIR(cst.mode);
        uint64_t s = du__walk(c, cp, ca, depth + 1);
        if (cdir && c->separate)
            subdirs += s;
        else
            total += s;
        mem_free(cmd->heap, cp);
        mem_free(cmd->heap, ca);
    }
    if (n)
        fs_free_names(cmd, names, n);
    if (c->max_depth < 0 || depth <= c->max_depth)
        du__print(c, total, path);
    return c->separate && depth > 0 ? total : total + subdirs;
}

int bi_du(vb_cmd *cmd)
{
    du_ctx c;
    memset(&c, 0, sizeof c);
    c.cmd = cmd;
    c.max_depth = -1;
    c.block = 1024;
    c.eol = '\n';
    bool total = false, summarize = false, bad_exclude = false;
    const char *bs_env = bi_getvar(cmd, "DU_BLOCK_SIZE");
    if (!bs_env || !*bs_env)
        bs_env = bi_getvar(cmd, "BLOCK_SIZE");
    if (bs_env && *bs_env) {
        uint64_t v;
        if (bi_parse_size(bs_env, &v) == 0 && v > 0)
            c.block = v;
    }
    bi_opt o;
    bi_opt_init(&o, cmd, "0abB:cDd:hHklLmPSst:xX:", du__longs, du__help);
    int ch;
    while ((ch = bi_opt_next(&o)) != BI_OPT_END) {
        switch (ch) {
        case '0': c.eol = '\0'; break;
        case 'a': c.all = true; break;
        case DU_APPARENT: c.apparent = true; break;
        case 'B': {
            uint64_t v;
            if (bi_parse_size(o.arg, &v) < 0 || v == 0) {
                const char *on = du__optname(cmd, o.arg, 'B', "block-size");
                if (o.arg[0] >= '0' && o.arg[0] <= '9')
                    return bi_done(cmd, bi_err(cmd, "invalid suffix in %s argument '%s'", on, o.arg));
                return bi_done(cmd, bi_err(cmd, "invalid %s argument '%s'", on, o.arg));
            }
            c.block = v;
            c.human = false;
            break;
        }
        case 'b': c.apparent = true; c.block = 1; c.human = false; break;
        case 'c': total = true; break;
        case 'D':
        case 'H': c.deref = 1; break;
        case 'd': {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) < 0 || v < 0)
                return bi_done(cmd, bi_err(cmd, "invalid maximum depth %s", fs_lq(cmd, o.arg)) + fs_try(cmd) - 1);
            c.max_depth = (long)v;
            break;
        }
        case 'h': c.human = true; c.si = false; break;
        case DU_SI: c.human = true; c.si = true; break;
        case DU_INODES: c.inodes = true; break;
        case 'k': c.block = 1024; c.human = false; break;
        case 'L': c.deref = 2; break;
        case 'l': c.count_links = true; break;
        case 'm': c.block = 1024 * 1024; c.human = false; break;
        case 'P': c.deref = 0; break;
        case 'S': c.separate = true; break;
        case 's': summarize = true; break;
        case 'x': c.one_fs = true; break;
        case DU_EXCLUDE: {
            char **nv = mem_realloc(cmd->heap, c.excl, (c.nexcl + 1) * sizeof *nv);
            if (!nv)
                return bi_done(cmd, 1);
            c.excl = nv;
            c.excl[c.nexcl++] = (char *)o.arg;
            break;
        }
        case 't':
            if (du__threshold(cmd, o.arg, du__optname(cmd, o.arg, 't', "threshold"), &c.threshold))
                return bi_done(cmd, 1);
            c.have_threshold = true;
            break;
        case 'X': {
            /* one pattern a line; an unreadable file fails after the options */
            int err = 0;
            stream *s = bi_open_read(cmd, o.arg, &err);
            if (!s) {
                bi_err(cmd, "%s: %s", o.arg, vb_strerror(err));
                bad_exclude = true;
                break;
            }
            bi_reader r;
            bi_reader_init(&r, cmd, s);
            const char *rec;
            size_t len;
            while (bi_getrec(&r, '\n', &rec, &len) > 0) {
                if (len && rec[len - 1] == '\n')
                    len--;
                if (!len)
                    continue;
                char **nv = mem_realloc(cmd->heap, c.excl, (c.nexcl + 1) * sizeof *nv);
                if (!nv)
                    break;
                c.excl = nv;
                c.excl[c.nexcl++] = mem_strndup(cmd->heap, rec, len);
            }
            bi_reader_free(&r);
            stream_unref(s);
            break;
        }
        case DU_TIME:
            return bi_done(cmd, bi_err(cmd, "option %s is not supported in the sandbox",
                                       cmd->argv[o.ind - 1]));
        default: return bi_done(cmd, o.status);
        }
    }
    if (bad_exclude)
        return bi_done(cmd, fs_try(cmd));
    if (summarize) {
        if (c.max_depth > 0) {
            bi_err(cmd, "warning: summarizing conflicts with --max-depth=%ld", c.max_depth);
            return bi_done(cmd, fs_try(cmd));
        }
        if (c.all)
            return bi_done(cmd, bi_usage(cmd, 1, "cannot both summarize and show all entries"));
        c.max_depth = 0;
    }
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dot[] = {"."};
    if (nops == 0) {
        ops = dot;
        nops = 1;
    }
    c.hash_all = nops > 1;
    uint64_t grand = 0;
    for (int i = 0; i < nops && !bi_cancelled(cmd); i++) {
        if (!*ops[i]) {
            bi_err(cmd, "invalid zero-length file name");
            c.status = 1;
            continue;
        }
        char *abs = bi_path(cmd, ops[i]);
        if (!abs)
            return bi_done(cmd, 1);
        grand += du__walk(&c, ops[i], abs, 0);
    }
    if (total) {
        c.have_threshold = false; /* the grand total always shows */
        du__print(&c, grand, "total");
    }
    return bi_done(cmd, c.status);
}
