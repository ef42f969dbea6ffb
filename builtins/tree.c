/*
 * tree: list the contents of directories in a tree-like format. Reference:
 * Debian's tree 2.1 (Steve Baker et al.). -a -d -l -f -i -F -p -s -h -Q
 * -L LEVEL -I PATTERN -P PATTERN (| alternatives) --noreport --dirsfirst
 * --filelimit -r -t -c -U -v -n; box-drawing lines in a UTF-8 locale and
 * ASCII ones otherwise; tree's counting (the root counts as a directory
 * when it lists something, symlinks to directories count as directories).
 * Deviations: no colour (-C), HTML/XML/JSON output (-H -X -J), -u/-g/-D.
 */
#include <errno.h>
#include <stdio.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("tree", bi_tree, BI_UTIL)
int bi_tree(vb_cmd *cmd);

static const char tree__help[] =
    "usage: tree [-adfFhilnpQrstUv] [-L level] [-P pattern] [-I pattern]\n"
    "\t[--filelimit #] [--noreport] [--dirsfirst] [--help] [--version]\n"
    "\t[--] [directory ...]\n"
    "  ------- Listing options -------\n"
    "  -a            All files are listed.\n"
    "  -d            List directories only.\n"
    "  -l            Follow symbolic links like directories.\n"
    "  -f            Print the full path prefix for each file.\n"
    "  -L level      Descend only level directories deep.\n"
    "  -P pattern    List only those files that match the pattern given.\n"
    "  -I pattern    Do not list files that match the given pattern.\n"
    "  --noreport    Turn off file/directory count at end of tree listing.\n"
    "  --filelimit # Do not descend dirs with more than # files in them.\n"
    "  ------- File options -------\n"
    "  -Q            Quote filenames with double quotes.\n"
    "  -p            Print the protections for each file.\n"
    "  -s            Print the size in bytes of each file.\n"
    "  -h            Print the size in a more human readable way.\n"
    "  -F            Appends '/', '=', '*', '@', '|' or '>' as per ls -F.\n"
    "  ------- Sorting options -------\n"
    "  -v            Sort files alphanumerically by version.\n"
    "  -t            Sort files by last modification time.\n"
    "  -c            Sort files by last status change time.\n"
    "  -U            Leave files unsorted.\n"
    "  -r            Reverse the order of the sort.\n"
    "  --dirsfirst   List directories before files (-U disables).\n"
    "  ------- Graphics options -------\n"
    "  -i            Don't print indentation lines.\n"
    "  -n            Turn colorization off always (-C overrides).\n"
    "  ------- Miscellaneous options -------\n"
    "  --version     Print version and exit.\n"
    "  --help        Print usage and this help message and exit.\n"
    "  --            Options processing terminator.\n";

enum { TREE_NOREPORT = 256, TREE_DIRSFIRST, TREE_FILELIMIT, TREE_VERSION };
static const bi_longopt tree__longs[] = {
    {"noreport", 0, TREE_NOREPORT}, {"dirsfirst", 0, TREE_DIRSFIRST},
    {"filelimit", 1, TREE_FILELIMIT}, {"version", 0, TREE_VERSION}, {0},
};

enum { TS_NAME, TS_NONE, TS_MTIME, TS_CTIME, TS_VERSION };

typedef struct tree_ent {
    char *name, *abs;
    vfs_stat_t st, tst;   /* lstat, and the target's stat for symlinks */
    bool ok, tok;
    bool is_dir;          /* a directory, or a symlink to one */
} tree_ent;

typedef struct tree_ctx {
    vb_cmd *cmd;
    bool all, dirs_only, follow, full, no_indent, classify, perms, size, human, quote;
    bool noreport, dirsfirst, reverse, utf8;
    int sort;
    long max_level, filelimit;
    const char *ignore, *pattern;
    uint64_t ndirs, nfiles;
    vbuf prefix;
    int status;
    uint64_t *seen;       /* dev/ino pairs of the directories listed */
    size_t nseen, capseen;
} tree_ctx;

static bool tree__seen(tree_ctx *c, const vfs_stat_t *st)
{
    for (size_t i = 0; i < c->nseen; i += 2)
        if (c->seen[i] == st->dev && c->seen[i + 1] == st->ino)
            return true;
    return false;
}

static void tree__mark(tree_ctx *c, const vfs_stat_t *st)
{
    if (c->nseen + 2 > c->capseen) {
        size_t n = c->capseen ? c->capseen * 2 : 64;
        uint64_t *ns = mem_realloc(c->cmd->heap, c->seen, n * sizeof *ns);
        if (!ns)
            return;
        c->seen = ns;
        c->capseen = n;
    }
    c->seen[c->nseen++] = st->dev;
    c->seen[c->nseen++] = st->ino;
}

/* tree's psize(): sizes under 1024 as they are, then one decimal below 10. */
static void tree__human(char out[32], uint64_t size)
{
    static const char units[] = "BKMGTPEZY";
    if (size < 1024) {
        snprintf(out, 32, "%4d", (int)size);
        return;
    }
    int idx = 1;
    while (size >= 1024ull * 1024 && idx < 8) {
        size /= 1024;
        idx++;
    }
    double v = (double)size / 1024.0;
    snprintf(out, 32, v >= 10 ? "%3.0f%c" : "%3.1f%c", v, units[idx]);
}

static bool tree__match(const char *pats, const char *name)
{
    /* "a|b*" alternatives */
    const char *p = pats;
    while (*p) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char buf[512];
        if (n < sizeof buf) {
            memcpy(buf, p, n);
            buf[n] = 0;
            if (fnmatch(buf, name, 0) == 0)
                return true;
        }
        if (!e)
            break;
        p = e + 1;
    }
    return false;
}

static int tree__version_cmp(const char *a, const char *b)
{
    return strverscmp(a, b);
}

static int tree__cmp(const void *pa, const void *pb, void *ctx)
{
    const tree_ctx *c = ctx;
    const tree_ent *a = pa, *b = pb;
    if (c->dirsfirst && a->is_dir != b->is_dir)
        return a->is_dir ? -1 : 1;
    int r = 0;
    switch (c->sort) {
    case TS_MTIME:
    case TS_CTIME: {
        const struct timespec *ta = c->sort == TS_MTIME ? &a->st.mtime : &a->st.ctime;
        const struct timespec *tb = c->sort == TS_MTIME ? &b->st.mtime : &b->st.ctime;
        if (ta->tv_sec != tb->tv_sec)
            r = ta->tv_sec < tb->tv_sec ? -1 : 1;
        else if (ta->tv_nsec != tb->tv_nsec)
            r = ta->tv_nsec < tb->tv_nsec ? -1 : 1;
        else
            r = strcmp(a->name, b->name);
        break;
    }
    case TS_VERSION:
        r = tree__version_cmp(a->name, b->name);
        break;
    default:
        r = strcmp(a->name, b->name);
        break;
    }
    return c->reverse ? -r : r;
}

static void tree__fill(tree_ctx *c, tree_ent *e)
{
    vb_cmd *cmd = c->cmd;
    e->ok = vfs_lstat(cmd->vfs, e->abs, &e->st) == 0;
    e->is_dir = e->ok && S_ISDIR(e->st.mode);
    if (e->ok && S_ISLNK(e->st.mode)) {
        e->tok = vfs_stat(cmd->vfs, e->abs, &e->tst) == 0;
        e->is_dir = e->tok && S_ISDIR(e->tst.mode);
    }
}

static char tree__indicator(uint32_t mode)
{
    if (S_ISDIR(mode)) return '/';
    if (S_ISLNK(mode)) return '@';
    if (S_ISFIFO(mode)) return '|';
    if (S_ISSOCK(mode)) return '=';
    if (S_ISREG(mode) && (mode & 0111)) return '*';
    return 0;
}

/* Prints "[perms size]  name[ind][ -> target]" (without the line prefix). */
static void tree__name(tree_ctx *c, const tree_ent *e, const char *shown)
{
    vb_cmd *cmd = c->cmd;
    if ((c->perms || c->size) && e->ok) {
        bi_outc(cmd, '[');
        if (c->perms) {
            char ms[11];
            fs_mode_string(e->st.mode, ms);
            bi_outs(cmd, ms);
        }
        if (c->size) {
            if (c->perms)
                bi_outc(cmd, ' ');
            if (c->human) {
                char b[32];
                tree__human(b, e->st.size);
                bi_outs(cmd, b);
            } else {
                bi_outf(cmd, "%11llu", (unsigned long long)e->st.size);
            }
        }
        bi_outs(cmd, "]  ");
    }
    if (c->quote)
        bi_outf(cmd, "\"%s\"", shown);
    else
        bi_outs(cmd, shown);
    if (e->ok && S_ISLNK(e->st.mode)) {
        char *t = NULL;
        vfs_readlink(cmd->vfs, e->abs, cmd->heap, &t);
        bi_outs(cmd, " -> ");
        if (c->quote)
            bi_outf(cmd, "\"%s\"", t ? t : "");
        else
            bi_outs(cmd, t ? t : "");
        if (c->classify && e->tok) {
            char ch = tree__indicator(e->tst.mode);
            if (ch)
                bi_outc(cmd, ch);
        }
    } else if (c->classify && e->ok) {
        char ch = tree__indicator(e->st.mode);
        if (ch)
            bi_outc(cmd, ch);
    }
}

/* Lists the entries of dir (abs) under the current prefix. Returns the
 * number of entries shown. */
static size_t tree__dir(tree_ctx *c, const char *path, const char *abs, long level)
{
    vb_cmd *cmd = c->cmd;
    if (bi_cancelled(cmd) || bi_out_failed(cmd))
        return 0;
    char **names;
    size_t n;
    if (fs_list_dir(cmd, abs, &names, &n) < 0)
        return 0;
    vfs_stat_t self;
    if (vfs_stat(cmd->vfs, abs, &self) == 0)
        tree__mark(c, &self);
    tree_ent *v = mem_calloc(cmd->heap, n ? n : 1, sizeof *v);
    if (!v)
        return 0;
    size_t cnt = 0;
    for (size_t i = 0; i < n; i++) {
        const char *nm = names[i];
        if (!c->all && nm[0] == '.')
            continue;
        tree_ent *e = &v[cnt];
        e->name = names[i];
        e->abs = fs_join(cmd->heap, abs, nm);
        tree__fill(c, e);
        if (c->dirs_only && !e->is_dir)
            continue;
        if (c->ignore && tree__match(c->ignore, nm))
            continue;
        if (c->pattern && !e->is_dir && !tree__match(c->pattern, nm))
            continue;
        cnt++;
    }
    if (c->sort != TS_NONE || c->dirsfirst) {
        qsort_r(v, cnt, sizeof *v, tree__cmp, c);
    }
    const char *tee = c->utf8 ? "\xe2\x94\x9c\xe2\x94\x80\xe2\x94\x80 " : "|-- ";
    const char *elbow = c->utf8 ? "\xe2\x94\x94\xe2\x94\x80\xe2\x94\x80 " : "`-- ";
    const char *pipe = c->utf8 ? "\xe2\x94\x82\xc2\xa0\xc2\xa0 " : "|   ";
    for (size_t i = 0; i < cnt && !bi_cancelled(cmd); i++) {
        tree_ent *e = &v[i];
        bool last = i + 1 == cnt;
        if (!c->no_indent) {
            bi_out(cmd, c->prefix.data ? c->prefix.data : "", c->prefix.len);
            bi_outs(cmd, last ? elbow : tee);
        }
        char *child_path = fs_join(cmd->heap, path, e->name);
        tree__name(c, e, c->full ? child_path : e->name);
        if (e->is_dir)
            c->ndirs++;
        else
            c->nfiles++;
        bool descend = e->is_dir && (c->max_level < 0 || level < c->max_level);
        if (descend && S_ISLNK(e->st.mode)) {
            if (!c->follow) {
                descend = false;
            } else if (tree__seen(c, &e->tst)) {
                /* a directory listed already (or an ancestor): tree stops */
                bi_outs(cmd, "  [recursive, not followed]");
                descend = false;
            }
        }
        if (descend && c->filelimit > 0) {
            char **sub;
            size_t sn;
            if (fs_list_dir(cmd, e->abs, &sub, &sn) == 0) {
                size_t visible = 0;
                for (size_t k = 0; k < sn; k++)
                    if (c->all || sub[k][0] != '.')
                        visible++;
                fs_free_names(cmd, sub, sn);
                if ((long)visible > c->filelimit) {
                    bi_outf(cmd, "  [%zu entries exceeds filelimit, not opening dir]", visible);
                    descend = false;
                    c->status = 2;
                }
            }
        }
        if (descend) {
            char **probe;
            size_t pn;
            if (fs_list_dir(cmd, e->abs, &probe, &pn) < 0) {
                bi_outs(cmd, "  [error opening dir]");
                descend = false;
            } else {
                fs_free_names(cmd, probe, pn);
            }
        }
        bi_outc(cmd, '\n');
        if (descend) {
            size_t save = c->prefix.len;
            if (!c->no_indent)
                vbuf_adds(&c->prefix, last ? "    " : pipe);
            tree__dir(c, child_path, e->abs, level + 1);
            c->prefix.len = save;
            if (c->prefix.data)
                c->prefix.data[save] = 0;
        }
    }
    return cnt;
}

static bool tree__utf8(vb_cmd *cmd)
{
    const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = bi_getvar(cmd, names[i]);
        if (v && *v)
            return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
    }
    return false;
}

int bi_tree(vb_cmd *cmd)
{
    tree_ctx c;
    memset(&c, 0, sizeof c);
    c.cmd = cmd;
    c.max_level = -1;
    vbuf_init(&c.prefix, cmd->heap);
    bi_opt o;
    bi_opt_init(&o, cmd, "acdfFhiI:lL:nP:pQrstUv", tree__longs, tree__help);
    int ch;
    while ((ch = bi_opt_next(&o)) != BI_OPT_END) {
        switch (ch) {
        case 'a': c.all = true; break;
        case 'c': c.sort = TS_CTIME; break;
        case 'd': c.dirs_only = true; break;
        case 'f': c.full = true; break;
        case 'F': c.classify = true; break;
        case 'h': c.human = true; c.size = true; break;
        case 'i': c.no_indent = true; break;
        case 'I': c.ignore = o.arg; break;
        case 'l': c.follow = true; break;
        case 'L': {
            char *end;
            long v = strtol(o.arg, &end, 10);
            if (*end || v < 1) {
                static const char msg[] = "tree: Invalid level, must be greater than 0.\n";
                bi_errw(cmd, msg, sizeof msg - 1);
                return bi_done(cmd, 1);
            }
            c.max_level = v;
            break;
        }
        case 'n': break; /* colour is never on here */
        case 'P': c.pattern = o.arg; break;
        case 'p': c.perms = true; break;
        case 'Q': c.quote = true; break;
        case 'r': c.reverse = true; break;
        case 's': c.size = true; break;
        case 't': c.sort = TS_MTIME; break;
        case 'U': c.sort = TS_NONE; break;
        case 'v': c.sort = TS_VERSION; break;
        case TREE_NOREPORT: c.noreport = true; break;
        case TREE_DIRSFIRST: c.dirsfirst = true; break;
        case TREE_FILELIMIT: {
            char *end;
            long v = strtol(o.arg, &end, 10);
            if (*end || v < 0) {
                static const char msg[] = "tree: Invalid filelimit value, must be a positive number.\n";
                bi_errw(cmd, msg, sizeof msg - 1);
                return bi_done(cmd, 1);
            }
            c.filelimit = v;
            break;
        }
        case TREE_VERSION:
            bi_outs(cmd, "tree (vbash) " VB_VERSION_STRING "\n");
            return bi_done(cmd, 0);
        default: return bi_done(cmd, o.status);
        }
    }
    if (c.sort == TS_NONE)
        c.dirsfirst = false;
    c.utf8 = tree__utf8(cmd);
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dot[] = {"."};
    if (nops == 0) {
        ops = dot;
        nops = 1;
    }
    for (int i = 0; i < nops && !bi_cancelled(cmd); i++) {
        const char *root = ops[i];
        char *abs = bi_path(cmd, root);
        tree_ent e = {0};
        e.name = (char *)root;
        e.abs = abs;
        tree__fill(&c, &e);
        if (e.ok && S_ISLNK(e.st.mode) && e.tok) {
            /* a root named through a symlink is shown as its target */
            e.st = e.tst;
        }
        tree__name(&c, &e, root);
        if (c.classify && e.ok && e.is_dir && !S_ISDIR(e.st.mode))
            bi_outc(cmd, '/');
        if (!e.ok || !e.is_dir) {
            bi_outs(cmd, "  [error opening dir]\n");
            if (!e.ok)
                c.status = 2;
            else
                c.nfiles++;
            continue;
        }
        char **probe;
        size_t pn;
        if (fs_list_dir(cmd, abs, &probe, &pn) < 0) {
            bi_outs(cmd, "  [error opening dir]\n");
            c.status = 2;
            continue;
        }
        bi_outc(cmd, '\n');
        if (tree__dir(&c, root, abs, 1) > 0)
            c.ndirs++;
    }
    if (!c.noreport) {
        bi_outc(cmd, '\n');
        if (c.dirs_only)
            bi_outf(cmd, "%llu director%s\n", (unsigned long long)c.ndirs, c.ndirs == 1 ? "y" : "ies");
        else
            bi_outf(cmd, "%llu director%s, %llu file%s\n", (unsigned long long)c.ndirs,
                    c.ndirs == 1 ? "y" : "ies", (unsigned long long)c.nfiles, c.nfiles == 1 ? "" : "s");
    }
    return bi_done(cmd, c.status);
}
