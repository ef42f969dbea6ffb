/*
 * ls: list directory contents. Reference: GNU coreutils 9 ls.
 * Formats: -l -g -o -n (long), -1, -C (columns, GNU's layout with tabs of
 * 8, width from -w, COLUMNS or 80), -x (across), -m (commas). One entry per
 * line when standard output is not a terminal, columns when it is.
 * Filtering: -a -A -d -B --hide --ignore (-I). Sorting: name (bytewise, as
 * C.UTF-8), -t -S -X -v -U -r --sort --group-directories-first; -u -c
 * --time. Decorations: -F -p --file-type --indicator-style, -i -s -h
 * --si -k, -G, --full-time, --time-style (full-iso, long-iso, iso, locale,
 * +FORMAT with an optional second format for recent files), --color with
 * GNU's default colours or LS_COLORS. Names are printed as they are when
 * not on a terminal; on a terminal (and with -b -q -Q -N --quoting-style)
 * as GNU quotes them. Symlinks: -L -H, and operands that are symlinks to
 * directories are followed unless -l -d -F. -R recurses.
 * Deviations: no -Z (SELinux), no --author (no authors in the VFS),
 * --block-size takes the plain forms (K, M, G, 1024...), widths count
 * characters, not terminal cells, for East Asian wide characters.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("ls", bi_ls, BI_UTIL)
VB_BUILTIN("dir", bi_ls, BI_UTIL)
VB_BUILTIN("vdir", bi_ls, BI_UTIL)
int bi_ls(vb_cmd *cmd);

static const char ls__help[] =
    "Usage: ls [OPTION]... [FILE]...\n"
    "List information about the FILEs (the current directory by default).\n"
    "Sort entries alphabetically if none of -cftuvSUX nor --sort is specified.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a, --all                  do not ignore entries starting with .\n"
    "  -A, --almost-all           do not list implied . and ..\n"
    "  -b, --escape               print C-style escapes for nongraphic characters\n"
    "      --block-size=SIZE      with -l, scale sizes by SIZE when printing them\n"
    "  -B, --ignore-backups       do not list implied entries ending with ~\n"
    "  -c                         with -lt: sort by, and show, ctime\n"
    "  -C                         list entries by columns\n"
    "      --color[=WHEN]         color the output WHEN; more info below\n"
    "  -d, --directory            list directories themselves, not their contents\n"
    "  -f                         list all entries in directory order\n"
    "  -F, --classify[=WHEN]      append indicator (one of */=>@|) to entries WHEN\n"
    "      --file-type            likewise, except do not append '*'\n"
    "      --format=WORD          across -x, commas -m, horizontal -x, long -l,\n"
    "                             single-column -1, verbose -l, vertical -C\n"
    "      --full-time            like -l --time-style=full-iso\n"
    "  -g                         like -l, but do not list owner\n"
    "      --group-directories-first\n"
    "                             group directories before files\n"
    "  -G, --no-group             in a long listing, don't print group names\n"
    "  -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G etc.\n"
    "      --si                   likewise, but use powers of 1000 not 1024\n"
    "  -H, --dereference-command-line\n"
    "                             follow symbolic links listed on the command line\n"
    "      --hide=PATTERN         do not list implied entries matching shell PATTERN\n"
    "      --indicator-style=WORD  append indicator with style WORD to entry names:\n"
    "                             none (default), slash (-p),\n"
    "                             file-type (--file-type), classify (-F)\n"
    "  -i, --inode                print the index number of each file\n"
    "  -I, --ignore=PATTERN       do not list implied entries matching shell PATTERN\n"
    "  -k, --kibibytes            default to 1024-byte blocks for file system usage\n"
    "  -l                         use a long listing format\n"
    "  -L, --dereference          show information for the file references\n"
    "  -m                         fill width with a comma separated list of entries\n"
    "  -n, --numeric-uid-gid      like -l, but list numeric user and group IDs\n"
    "  -N, --literal              print entry names without quoting\n"
    "  -o                         like -l, but do not list group information\n"
    "  -p, --indicator-style=slash\n"
    "                             append / indicator to directories\n"
    "  -q, --hide-control-chars   print ? instead of nongraphic characters\n"
    "  -Q, --quote-name           enclose entry names in double quotes\n"
    "      --quoting-style=WORD   use quoting style WORD for entry names:\n"
    "                             literal, locale, shell, shell-always,\n"
    "                             shell-escape, shell-escape-always, c, escape\n"
    "  -r, --reverse              reverse order while sorting\n"
    "  -R, --recursive            list subdirectories recursively\n"
    "  -s, --size                 print the allocated size of each file, in blocks\n"
    "  -S                         sort by file size, largest first\n"
    "      --sort=WORD            sort by WORD instead of name: none (-U), size (-S),\n"
    "                             time (-t), version (-v), extension (-X), width\n"
    "      --time=WORD            change the default of using modification times;\n"
    "                             access time (-u): atime, access, use;\n"
    "                             change time (-c): ctime, status;\n"
    "                             birth time: birth, creation\n"
    "      --time-style=TIME_STYLE  time/date format with -l; see TIME_STYLE below\n"
    "  -t                         sort by time, newest first; see --time\n"
    "  -T, --tabsize=COLS         assume tab stops at each COLS instead of 8\n"
    "  -u                         with -lt: sort by, and show, access time\n"
    "  -U                         do not sort; list entries in directory order\n"
    "  -v                         natural sort of (version) numbers within text\n"
    "  -w, --width=COLS           set output width to COLS.  0 means no limit\n"
    "  -x                         list entries by lines instead of by columns\n"
    "  -X                         sort alphabetically by entry extension\n"
    "  -1                         list one file per line\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "Exit status:\n"
    " 0  if OK,\n"
    " 1  if minor problems (e.g., cannot access subdirectory),\n"
    " 2  if serious trouble (e.g., cannot access command-line argument).\n";

enum {
    LS_BLOCK_SIZE = 256, LS_COLOR, LS_CLASSIFY, LS_FILE_TYPE, LS_FORMAT, LS_FULL_TIME,
    LS_GROUP_DIRS, LS_SI, LS_HIDE, LS_INDICATOR, LS_QUOTING, LS_SORT, LS_TIME,
    LS_TIME_STYLE, LS_AUTHOR, LS_DEREF_DIR, LS_HYPERLINK, LS_ZERO,
};

static const bi_longopt ls__longs[] = {
    {"all", 0, 'a'}, {"almost-all", 0, 'A'}, {"author", 0, LS_AUTHOR}, {"escape", 0, 'b'},
    {"block-size", 1, LS_BLOCK_SIZE}, {"ignore-backups", 0, 'B'}, {"color", 2, LS_COLOR},
    {"colour", 2, LS_COLOR}, {"directory", 0, 'd'}, {"classify", 2, LS_CLASSIFY},
    {"file-type", 0, LS_FILE_TYPE}, {"format", 1, LS_FORMAT}, {"full-time", 0, LS_FULL_TIME},
    {"group-directories-first", 0, LS_GROUP_DIRS}, {"no-group", 0, 'G'},
    {"human-readable", 0, 'h'}, {"si", 0, LS_SI}, {"dereference-command-line", 0, 'H'},
    {"dereference-command-line-symlink-to-dir", 0, LS_DEREF_DIR}, {"hide", 1, LS_HIDE},
    {"hyperlink", 2, LS_HYPERLINK}, {"indicator-style", 1, LS_INDICATOR}, {"inode", 0, 'i'},
    {"ignore", 1, 'I'}, {"kibibytes", 0, 'k'}, {"dereference", 0, 'L'},
    {"numeric-uid-gid", 0, 'n'}, {"literal", 0, 'N'}, {"hide-control-chars", 0, 'q'},
    {"show-control-chars", 0, LS_ZERO + 1}, {"quote-name", 0, 'Q'},
    {"quoting-style", 1, LS_QUOTING}, {"reverse", 0, 'r'}, {"recursive", 0, 'R'},
    {"size", 0, 's'}, {"sort", 1, LS_SORT}, {"time", 1, LS_TIME},
    {"time-style", 1, LS_TIME_STYLE}, {"tabsize", 1, 'T'}, {"width", 1, 'w'},
    {"context", 0, 'Z'}, {"zero", 0, LS_ZERO}, {0},
};

enum { FMT_LONG, FMT_ONE, FMT_COLS, FMT_ACROSS, FMT_COMMAS };
enum { SORT_NAME, SORT_NONE, SORT_TIME, SORT_SIZE, SORT_EXT, SORT_VERSION, SORT_WIDTH };
enum { TIME_MTIME, TIME_ATIME, TIME_CTIME, TIME_BTIME };
enum { IND_NONE, IND_SLASH, IND_FILE_TYPE, IND_CLASSIFY };
enum { Q_LITERAL, Q_SHELL, Q_SHELL_ALWAYS, Q_SHELL_ESCAPE, Q_SHELL_ESCAPE_ALWAYS, Q_C,
       Q_ESCAPE, Q_LOCALE, Q_C_MAYBE };
enum { DEREF_NEVER, DEREF_ARGS, DEREF_ARGS_DIR, DEREF_ALWAYS };
enum { ALL_NONE, ALL_ALMOST, ALL_ALL };

typedef struct ls_ent {
    char *name;         /* as printed (operand, or entry name) */
    char *abs;
    vfs_stat_t st;
    bool ok;            /* st valid */
    char *link;         /* symlink target (long format), may be NULL */
    bool link_ok;       /* the target exists */
    uint32_t link_mode; /* the target's mode when link_ok */
} ls_ent;

typedef struct ls_opts {
    int format, sort, time, ind, quoting, deref, all;
    bool reverse, recursive, dirs_only, inode, size, human, si, numeric, no_owner, no_group,
        group_dirs, ignore_backups, color, hide_ctrl, hide_ctrl_set, zero;
    int tabsize;
    long width;
    uint64_t block_size;      /* for -s and total (default 1024) */
    uint64_t size_unit;       /* for the size column (1 = bytes) */
    const char *fmt_old, *fmt_recent;  /* strftime formats; NULL: locale style */
    bool full_iso;
    char **hide;              /* --hide patterns */
    size_t nhide;
    char **ignore;            /* -I patterns */
    size_t nignore;
    /* state */
    int status;
    bool first_out;           /* nothing printed yet (for blank lines between dirs) */
    bool color_started;
    bool author;              /* --author: the owner again, in its own column */
    bool hyperlink;           /* OSC 8 file:// links around names */
    const char *host;         /* for hyperlinks */
    bool align_quotes;        /* pad unquoted names when others are quoted (tty) */
    bool some_quoted;         /* in the list being printed */
    struct timespec now;
    fs_ids ids;
    const char *lscolors;
} ls_opts;

/* ------------------------------------------------------------------ names */

static size_t ls__width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xc0) != 0x80)
            w++;
    return w;
}

/* The printed form of a name under the quoting style. Heap string. */
static char *ls__quote(vb_cmd *cmd, const ls_opts *op, const char *name)
{
    vbuf b;
    switch (op->quoting) {
    case Q_LITERAL:
        if (!op->hide_ctrl)
            return (char *)name;
        vbuf_init(&b, cmd->heap);
        for (const unsigned char *p = (const unsigned char *)name; *p; p++)
            vbuf_addc(&b, (*p < 0x20 || *p == 0x7f) ? '?' : (char)*p);
        return (char *)vbuf_str(&b);
    case Q_SHELL_ESCAPE:
        return (char *)fs_qf(cmd, name);
    case Q_SHELL_ESCAPE_ALWAYS:
        return (char *)fs_q(cmd, name);
    case Q_SHELL:
    case Q_SHELL_ALWAYS: {
        /* like shell-escape, but control characters stay as they are inside
         * the quotes, or become '?' when hidden */
        bool ctrl = false;
        vbuf_init(&b, cmd->heap);
        for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
            bool c = *p < 0x20 || *p == 0x7f;
            ctrl |= c && !op->hide_ctrl;
            vbuf_addc(&b, c && op->hide_ctrl ? '?' : (char)*p);
        }
        const char *s = vbuf_str(&b);
        if (!ctrl)
            return (char *)(op->quoting == Q_SHELL ? fs_qf(cmd, s) : fs_q(cmd, s));
        vbuf q;
        vbuf_init(&q, cmd->heap);
        vbuf_addc(&q, '\'');
        for (const char *p = s; *p; p++) {
            if (*p == '\'')
                vbuf_adds(&q, "'\\''");
            else
                vbuf_addc(&q, *p);
        }
        vbuf_addc(&q, '\'');
        return (char *)vbuf_str(&q);
    }
    case Q_C:
    case Q_C_MAYBE:
    case Q_ESCAPE:
    case Q_LOCALE:
    default:
        vbuf_init(&b, cmd->heap);
        if (op->quoting == Q_C || op->quoting == Q_C_MAYBE)
            vbuf_addc(&b, '"');
        else if (op->quoting == Q_LOCALE)
            vbuf_adds(&b, "\xe2\x80\x98");
        bool escaped = false;
        for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
            unsigned char c = *p;
            const char *e = NULL;
            switch (c) {
            case '\a': e = "\\a"; break;
            case '\b': e = "\\b"; break;
            case '\f': e = "\\f"; break;
            case '\n': e = "\\n"; break;
            case '\r': e = "\\r"; break;
            case '\t': e = "\\t"; break;
            case '\v': e = "\\v"; break;
            case '\\': e = "\\\\"; break;
            case '"': e = op->quoting == Q_C || op->quoting == Q_C_MAYBE ? "\\\"" : NULL; break;
            case ' ': e = op->quoting == Q_ESCAPE ? "\\ " : NULL; break;
            default: break;
            }
            if (e || c < 0x20 || c == 0x7f)
                escaped = true;
            if (e)
                vbuf_adds(&b, e);
            else if (c < 0x20 || c == 0x7f)
                vbuf_printf(&b, "\\%03o", c);
            else
                vbuf_addc(&b, (char)c);
        }
        /* c-maybe: c's quotes only around a name that needed an escape */
        if (op->quoting == Q_C_MAYBE && !escaped)
            return (char *)vbuf_str(&b) + 1;
        if (op->quoting == Q_C || op->quoting == Q_C_MAYBE)
            vbuf_addc(&b, '"');
        else if (op->quoting == Q_LOCALE)
            vbuf_adds(&b, "\xe2\x80\x99");
        return (char *)vbuf_str(&b);
    }
}

/* ------------------------------------------------------------------ colours */

static const char *ls__lscolor(const ls_opts *op, const char *key, size_t klen)
{
    /* LS_COLORS entries "key=value:"; returns a pointer to value (ends at ':' or NUL). */
    const char *p = op->lscolors;
    while (p && *p) {
        const char *eq = strchr(p, '=');
        const char *end = strchr(p, ':');
        if (!end)
            end = p + strlen(p);
        if (eq && eq < end && (size_t)(eq - p) == klen && !strncmp(p, key, klen))
            return eq + 1;
        p = *end ? end + 1 : end;
    }
    return NULL;
}

/* Colour sequence for an entry, as a heap string without lc/rc, or NULL. */
static char *ls__color_of(vb_cmd *cmd, const ls_opts *op, const ls_ent *e)
{
    const char *key = NULL, *def = NULL;
    uint32_t m = e->st.mode;
    if (!e->ok) {
        key = "mi";
    } else if (S_ISDIR(m)) {
        if ((m & S_ISVTX) && (m & S_IWOTH))
            key = "tw", def = "30;42";
        else if (m & S_IWOTH)
            key = "ow", def = "34;42";
        else if (m & S_ISVTX)
            key = "st", def = "37;44";
        else
            key = "di", def = "01;34";
    } else if (S_ISLNK(m)) {
        key = "ln", def = "01;36";
        if (!e->link_ok && op->lscolors) {
            const char *orph = ls__lscolor(op, "or", 2);
            if (orph)
                key = "or";
        }
    } else if (S_ISFIFO(m)) {
        key = "pi", def = "33";
    } else if (S_ISSOCK(m)) {
        key = "so", def = "01;35";
    } else if (S_ISBLK(m)) {
        key = "bd", def = "01;33";
    } else if (S_ISCHR(m)) {
        key = "cd", def = "01;33";
    } else if (S_ISREG(m)) {
        if (m & S_ISUID)
            key = "su", def = "37;41";
        else if (m & S_ISGID)
            key = "sg", def = "30;43";
        else if (m & 0111)
            key = "ex", def = "01;32";
        else
            key = "fi";
        if (op->lscolors && (!strcmp(key, "fi"))) {
            /* *.ext patterns */
            const char *p = op->lscolors;
            size_t nl = strlen(e->name);
            while (p && *p) {
                const char *end = strchr(p, ':');
                if (!end)
                    end = p + strlen(p);
                const char *eq = memchr(p, '=', (size_t)(end - p));
                if (eq && p[0] == '*') {
                    size_t sl = (size_t)(eq - p - 1);
                    if (sl <= nl && !memcmp(e->name + nl - sl, p + 1, sl))
                        return mem_strndup(cmd->heap, eq + 1, (size_t)(end - eq - 1));
                }
                p = *end ? end + 1 : end;
            }
        }
    }
    if (op->lscolors) {
        const char *v = ls__lscolor(op, key, 2);
        if (v) {
            const char *end = strchr(v, ':');
            size_t l = end ? (size_t)(end - v) : strlen(v);
            if (l == 0 || (l == 1 && v[0] == '0') || (l == 2 && !strncmp(v, "00", 2)))
                return NULL;
            return mem_strndup(cmd->heap, v, l);
        }
        if (!strcmp(key, "mi") || !strcmp(key, "or"))
            return NULL;
    }
    return def ? mem_strdup(cmd->heap, def) : NULL;
}

/* The TERM patterns of GNU's built-in dircolors database. */
static bool ls__color_term(const char *term)
{
    static const char *const pats[] = {
        "Eterm", "ansi", "*color*", "con[0-9]*x[0-9]*", "cons25", "console", "cygwin",
        "*direct*", "dtterm", "gnome", "hurd", "jfbterm", "konsole", "kterm", "linux",
        "linux-c", "mlterm", "putty", "rxvt*", "screen*", "st", "terminator", "tmux*",
        "vt100", "xterm*", NULL,
    };
    if (!term || !*term)
        return false;
    for (size_t i = 0; pats[i]; i++)
        if (fnmatch(pats[i], term, 0) == 0)
            return true;
    return false;
}

/* ------------------------------------------------------------------ sorting */

static const char *ls__ext(const char *n)
{
    const char *d = strrchr(n, '.');
    return d ? d : "";
}

/* gnulib filevercmp: version sort of file names. */
static size_t ls__suffix_len(const char *s, size_t len)
{
    /* length of the trailing (\.[A-Za-z~][A-Za-z0-9~]*)* suffix */
    size_t match = len;
    bool read_alpha = false;
    for (size_t i = len; i-- > 0;) {
        char c = s[i];
        if (read_alpha && c == '.') {
            match = i;
            read_alpha = false;
            continue;
        }
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '~') {
            read_alpha = true;
        } else if (c >= '0' && c <= '9') {
            read_alpha = false;
        } else {
            break;
        }
        (void)0;
    }
    return len - match;
}

static int ls__order(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return 0;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return c;
    if (c == '~')
        return -1;
    return (int)c + 256;
}

static int ls__verrevcmp(const char *s1, size_t l1, const char *s2, size_t l2)
{
    size_t i = 0, j = 0;
    while (i < l1 || j < l2) {
        int first_diff = 0;
        while ((i < l1 && !(s1[i] >= '0' && s1[i] <= '9')) || (j < l2 && !(s2[j] >= '0' && s2[j] <= '9'))) {
            int a = i < l1 ? ls__order((unsigned char)s1[i]) : 0;
            int b = j < l2 ? ls__order((unsigned char)s2[j]) : 0;
            if (a != b)
                return a - b;
            i++;
            j++;
        }
        while (i < l1 && s1[i] == '0')
            i++;
        while (j < l2 && s2[j] == '0')
            j++;
        while (i < l1 && j < l2 && s1[i] >= '0' && s1[i] <= '9' && s2[j] >= '0' && s2[j] <= '9') {
            if (!first_diff)
                first_diff = s1[i] - s2[j];
            i++;
            j++;
        }
        if (i < l1 && s1[i] >= '0' && s1[i] <= '9')
            return 1;
        if (j < l2 && s2[j] >= '0' && s2[j] <= '9')
            return -1;
        if (first_diff)
            return first_diff;
    }
    return 0;
}

static int ls__filevercmp(const char *a, const char *b)
{
    int c = strcmp(a, b);
    if (c == 0)
        return 0;
    if (!*a)
        return -1;
    if (!*b)
        return 1;
    if (!strcmp(a, "."))
        return -1;
    if (!strcmp(b, "."))
        return 1;
    if (!strcmp(a, ".."))
        return -1;
    if (!strcmp(b, ".."))
        return 1;
    if (*a == '.' && *b != '.')
        return -1;
    if (*a != '.' && *b == '.')
        return 1;
    if (*a == '.' && *b == '.')
        a++, b++;
    size_t al = strlen(a), bl = strlen(b);
    size_t as = ls__suffix_len(a, al), bs = ls__suffix_len(b, bl);
    size_t ap = al - as, bp = bl - bs;
    int r;
    if (ap == bp && !strncmp(a, b, ap))
        r = ls__verrevcmp(a, al, b, bl);
    else
        r = ls__verrevcmp(a, ap, b, bp);
    return r == 0 ? c : r;
}

static const struct timespec *ls__time_of(const ls_opts *op, const vfs_stat_t *st)
{
    switch (op->time) {
    case TIME_ATIME: return &st->atime;
    case TIME_CTIME: return &st->ctime;
    case TIME_BTIME: return &st->btime;
    default: return &st->mtime;
    }
}

typedef struct ls_sortctx {
    const ls_opts *op;
} ls_sortctx;

static int ls__cmp(const void *pa, const void *pb, void *ctx)
{
    const ls_opts *op = ((const ls_sortctx *)ctx)->op;
    const ls_ent *a = *(const ls_ent *const *)pa, *b = *(const ls_ent *const *)pb;
    if (op->group_dirs) {
        bool da = a->ok && (S_ISDIR(a->st.mode) || (S_ISLNK(a->st.mode) && a->link_ok && S_ISDIR(a->link_mode)));
        bool db = b->ok && (S_ISDIR(b->st.mode) || (S_ISLNK(b->st.mode) && b->link_ok && S_ISDIR(b->link_mode)));
        if (da != db)
            return da ? -1 : 1;
    }
    int r = 0;
    switch (op->sort) {
    case SORT_TIME: {
        const struct timespec *ta = ls__time_of(op, &a->st), *tb = ls__time_of(op, &b->st);
        if (ta->tv_sec != tb->tv_sec)
            r = ta->tv_sec < tb->tv_sec ? 1 : -1;
        else if (ta->tv_nsec != tb->tv_nsec)
            r = ta->tv_nsec < tb->tv_nsec ? 1 : -1;
        break;
    }
    case SORT_SIZE:
        if (a->st.size != b->st.size)
            r = a->st.size < b->st.size ? 1 : -1;
        break;
    case SORT_EXT:
        r = strcmp(ls__ext(a->name), ls__ext(b->name));
        break;
    case SORT_WIDTH: {
        size_t wa = ls__width(a->name), wb = ls__width(b->name);
        r = wa < wb ? -1 : wa > wb;
        break;
    }
    case SORT_VERSION:
        r = ls__filevercmp(a->name, b->name);
        break;
    default:
        break;
    }
    if (r == 0)
        r = strcmp(a->name, b->name);
    return op->reverse ? -r : r;
}

static void ls__sort(const ls_opts *op, ls_ent **v, size_t n)
{
    if (op->sort == SORT_NONE)
        return;
    ls_sortctx c = {op};
    qsort_r(v, n, sizeof *v, ls__cmp, &c);
}

/* ------------------------------------------------------------------ output helpers */

static void ls__indent(vb_cmd *cmd, const ls_opts *op, size_t from, size_t to)
{
    while (from < to) {
        if (op->tabsize && to / (size_t)op->tabsize > (from + 1) / (size_t)op->tabsize) {
            bi_outc(cmd, '\t');
            from += (size_t)op->tabsize - from % (size_t)op->tabsize;
        } else {
            bi_outc(cmd, ' ');
            from++;
        }
    }
}

static char ls__indicator(const ls_opts *op, uint32_t mode, bool is_link_target)
{
    if (op->ind == IND_NONE)
        return 0;
    if (S_ISDIR(mode))
        return '/';
    if (op->ind == IND_SLASH)
        return 0;
    if (S_ISLNK(mode))
        return '@';
    if (S_ISFIFO(mode))
        return '|';
    if (S_ISSOCK(mode))
        return '=';
    if (S_ISREG(mode) && op->ind == IND_CLASSIFY && (mode & 0111))
        return '*';
    (void)is_link_target;
    return 0;
}

typedef struct ls_cols {
    int inode_w, blocks_w, nlink_w, owner_w, group_w, author_w, size_w, major_w, minor_w;
    bool any_dev;
} ls_cols;

static char *ls__blocks_str(vb_cmd *cmd, const ls_opts *op, const ls_ent *e)
{
    uint64_t bytes = e->ok ? e->st.blocks * 512 : 0;
    if (op->human) {
        char b[32];
        fs_human(b, bytes, op->si);
        return mem_strdup(cmd->heap, b);
    }
    uint64_t bs = op->block_size ? op->block_size : 1024;
    return mem_printf(cmd->heap, "%llu", (unsigned long long)((bytes + bs - 1) / bs));
}

static char *ls__size_str(vb_cmd *cmd, const ls_opts *op, uint64_t size)
{
    if (op->human) {
        char b[32];
        fs_human(b, size, op->si);
        return mem_strdup(cmd->heap, b);
    }
    uint64_t u = op->size_unit ? op->size_unit : 1;
    return mem_printf(cmd->heap, "%llu", (unsigned long long)((size + u - 1) / u));
}

static const char *ls__owner(vb_cmd *cmd, ls_opts *op, uint32_t uid)
{
    const char *n = op->numeric ? NULL : fs_user_name(cmd, &op->ids, uid);
    return n ? n : mem_printf(cmd->heap, "%u", uid);
}

static const char *ls__group(vb_cmd *cmd, ls_opts *op, uint32_t gid)
{
    const char *n = op->numeric ? NULL : fs_group_name(cmd, &op->ids, gid);
    return n ? n : mem_printf(cmd->heap, "%u", gid);
}

static char *ls__time_str(vb_cmd *cmd, const ls_opts *op, const struct timespec *ts)
{
    struct tm tm;
    fs_localtime(cmd, ts->tv_sec, &tm);
    char buf[512];
    if (op->full_iso) {
        char z[16];
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
        strftime(z, sizeof z, "%z", &tm);
        return mem_printf(cmd->heap, "%s.%09ld %s", buf, ts->tv_nsec, z);
    }
    /* six months, as GNU: 31556952 / 2 seconds */
    struct timespec now = op->now;
    bool recent = ts->tv_sec > now.tv_sec - 31556952 / 2 &&
                  (ts->tv_sec < now.tv_sec || (ts->tv_sec == now.tv_sec && ts->tv_nsec <= now.tv_nsec));
    const char *fmt = recent ? op->fmt_recent : op->fmt_old;
    if (!fmt)
        fmt = recent ? "%b %e %H:%M" : "%b %e  %Y";
    /* %N is GNU's nanoseconds; strftime does not know it */
    vbuf f;
    vbuf_init(&f, cmd->heap);
    for (const char *p = fmt; *p; p++) {
        if (p[0] == '%' && p[1] == 'N') {
            vbuf_printf(&f, "%09ld", ts->tv_nsec);
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            vbuf_adds(&f, "%%");
            p++;
        } else {
            vbuf_addc(&f, *p);
        }
    }
    size_t n = strftime(buf, sizeof buf, vbuf_str(&f), &tm);
    if (n == 0 && *vbuf_str(&f))
        return mem_strdup(cmd->heap, "?");
    return mem_strndup(cmd->heap, buf, n);
}

/* A file:// URI for --hyperlink: the path percent-encoded as GNU does. */
static char *ls__uri(vb_cmd *cmd, const ls_opts *op, const char *abs)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "file://%s", op->host ? op->host : "");
    for (const unsigned char *p = (const unsigned char *)abs; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-_.~/", *p))
            vbuf_addc(&b, (char)*p);
        else
            vbuf_printf(&b, "%%%02X", *p);
    }
    return (char *)vbuf_str(&b);
}

/* Prints the name with colour and indicator; returns its printed width. */
static size_t ls__print_name(vb_cmd *cmd, ls_opts *op, const ls_ent *e, bool long_fmt)
{
    char *q = ls__quote(cmd, op, e->name);
    if (op->align_quotes && op->some_quoted && q[0] != '\'' && q[0] != '"')
        q = mem_printf(cmd->heap, " %s", q);
    if (op->hyperlink) {
        char *canon = NULL;
        fs_canon(cmd, e->abs, FS_CAN_MISSING, &canon);
        bi_outf(cmd, "\033]8;;%s\a", ls__uri(cmd, op, canon ? canon : e->abs));
    }
    char *col = op->color ? ls__color_of(cmd, op, e) : NULL;
    if (col) {
        if (!op->color_started) {
            bi_outs(cmd, "\033[0m");
            op->color_started = true;
        }
        bi_outf(cmd, "\033[%sm", col);
        bi_outs(cmd, q);
        bi_outs(cmd, "\033[0m");
    } else {
        bi_outs(cmd, q);
    }
    if (op->hyperlink)
        bi_outs(cmd, "\033]8;;\a");
    size_t w = ls__width(q);
    if (long_fmt && e->ok && S_ISLNK(e->st.mode) && e->link) {
        bi_outs(cmd, " -> ");
        ls_ent t = {0};
        t.name = e->link;
        t.ok = e->link_ok;
        t.st.mode = e->link_mode;
        char *tq = ls__quote(cmd, op, e->link);
        char *tcol = NULL;
        if (op->color) {
            if (e->link_ok) {
                tcol = ls__color_of(cmd, op, &t);
            } else if (op->lscolors && ls__lscolor(op, "or", 2)) {
                t.ok = false;
                tcol = ls__color_of(cmd, op, &t);
            }
        }
        if (tcol) {
            bi_outf(cmd, "\033[%sm", tcol);
            bi_outs(cmd, tq);
            bi_outs(cmd, "\033[0m");
        } else {
            bi_outs(cmd, tq);
        }
        if (e->link_ok && op->ind != IND_NONE) {
            char c = ls__indicator(op, e->link_mode, true);
            if (c)
                bi_outc(cmd, c);
        }
        return w;
    }
    if (e->ok && op->ind != IND_NONE) {
        uint32_t m = e->st.mode;
        char c = ls__indicator(op, m, false);
        if (c) {
            bi_outc(cmd, c);
            w++;
        }
    }
    return w;
}

static size_t ls__name_len(vb_cmd *cmd, const ls_opts *op, const ls_ent *e, const ls_cols *c)
{
    const char *q = ls__quote(cmd, op, e->name);
    size_t w = ls__width(q);
    if (op->align_quotes && op->some_quoted && q[0] != '\'' && q[0] != '"')
        w++;
    if (e->ok && op->ind != IND_NONE && ls__indicator(op, e->st.mode, false))
        w++;
    if (op->inode)
        w += (size_t)(op->format == FMT_COMMAS ? (int)strlen(mem_printf(cmd->heap, "%llu", (unsigned long long)e->st.ino)) : c->inode_w) + 1;
    if (op->size)
        w += (size_t)(op->format == FMT_COMMAS ? (int)strlen(ls__blocks_str(cmd, op, e)) : c->blocks_w) + 1;
    return w;
}

static void ls__print_frills(vb_cmd *cmd, ls_opts *op, const ls_ent *e, const ls_cols *c)
{
    if (op->inode) {
        if (e->ok)
            bi_outf(cmd, "%*llu ", op->format == FMT_COMMAS ? 0 : c->inode_w, (unsigned long long)e->st.ino);
        else
            bi_outf(cmd, "%*s ", op->format == FMT_COMMAS ? 0 : c->inode_w, "?");
    }
    if (op->size)
        bi_outf(cmd, "%*s ", op->format == FMT_COMMAS ? 0 : c->blocks_w,
                e->ok ? ls__blocks_str(cmd, op, e) : "?");
}

static void ls__widths(vb_cmd *cmd, ls_opts *op, ls_ent **v, size_t n, ls_cols *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < n; i++) {
        const ls_ent *e = v[i];
        int w;
        if (op->inode) {
            w = e->ok ? snprintf(NULL, 0, "%llu", (unsigned long long)e->st.ino) : 1;
            if (w > c->inode_w) c->inode_w = w;
        }
        if (op->size) {
            w = e->ok ? (int)strlen(ls__blocks_str(cmd, op, e)) : 1;
            if (w > c->blocks_w) c->blocks_w = w;
        }
        if (op->format != FMT_LONG)
            continue;
        if (!e->ok) {
            if (c->nlink_w < 1) c->nlink_w = 1;
            if (c->owner_w < 1) c->owner_w = 1;
            if (c->group_w < 1) c->group_w = 1;
            if (c->author_w < 1) c->author_w = 1;
            if (c->size_w < 1) c->size_w = 1;
            continue;
        }
        w = snprintf(NULL, 0, "%u", e->st.nlink);
        if (w > c->nlink_w) c->nlink_w = w;
        if (!op->no_owner) {
            w = (int)ls__width(ls__owner(cmd, op, e->st.uid));
            if (w > c->owner_w) c->owner_w = w;
        }
        if (!op->no_group) {
            w = (int)ls__width(ls__group(cmd, op, e->st.gid));
            if (w > c->group_w) c->group_w = w;
        }
        if (op->author) {
            w = (int)ls__width(ls__owner(cmd, op, e->st.uid));
            if (w > c->author_w) c->author_w = w;
        }
        if (S_ISCHR(e->st.mode) || S_ISBLK(e->st.mode)) {
            c->any_dev = true;
            w = snprintf(NULL, 0, "%u", major(e->st.rdev));
            if (w > c->major_w) c->major_w = w;
            w = snprintf(NULL, 0, "%u", minor(e->st.rdev));
            if (w > c->minor_w) c->minor_w = w;
        } else {
            w = (int)strlen(ls__size_str(cmd, op, e->st.size));
            if (w > c->size_w) c->size_w = w;
        }
    }
    if (c->any_dev) {
        int dw = c->major_w + 2 + c->minor_w;
        if (dw > c->size_w)
            c->size_w = dw;
        else
            c->major_w += c->size_w - dw;
    }
}

static void ls__print_long(vb_cmd *cmd, ls_opts *op, const ls_ent *e, const ls_cols *c)
{
    ls__print_frills(cmd, op, e, c);
    char ms[11];
    if (e->ok) {
        fs_mode_string(e->st.mode, ms);
        bi_outf(cmd, "%s %*u ", ms, c->nlink_w, e->st.nlink);
    } else {
        bi_outf(cmd, "%c????????? %*s ", '?', c->nlink_w, "?");
    }
    if (!op->no_owner)
        bi_outf(cmd, "%-*s ", c->owner_w, e->ok ? ls__owner(cmd, op, e->st.uid) : "?");
    if (!op->no_group)
        bi_outf(cmd, "%-*s ", c->group_w, e->ok ? ls__group(cmd, op, e->st.gid) : "?");
    if (op->author)
        bi_outf(cmd, "%-*s ", c->author_w, e->ok ? ls__owner(cmd, op, e->st.uid) : "?");
    if (e->ok && (S_ISCHR(e->st.mode) || S_ISBLK(e->st.mode)))
        bi_outf(cmd, "%*u, %*u ", c->major_w, major(e->st.rdev), c->minor_w, minor(e->st.rdev));
    else
        bi_outf(cmd, "%*s ", c->size_w, e->ok ? ls__size_str(cmd, op, e->st.size) : "?");
    if (e->ok)
        bi_outf(cmd, "%s ", ls__time_str(cmd, op, ls__time_of(op, &e->st)));
    else
        bi_outs(cmd, op->full_iso ? "                                    ? " : "           ? ");
    ls__print_name(cmd, op, e, true);
    bi_outc(cmd, op->zero ? '\0' : '\n');
}

static void ls__print_list(vb_cmd *cmd, ls_opts *op, ls_ent **v, size_t n)
{
    if (n == 0)
        return;
    op->some_quoted = false;
    if (op->align_quotes)
        for (size_t i = 0; i < n && !op->some_quoted; i++) {
            const char *q = ls__quote(cmd, op, v[i]->name);
            op->some_quoted = q[0] == '\'' || q[0] == '"';
        }
    ls_cols c;
    ls__widths(cmd, op, v, n, &c);
    char eol = op->zero ? '\0' : '\n';
    switch (op->format) {
    case FMT_LONG:
        for (size_t i = 0; i < n && !bi_out_failed(cmd); i++)
            ls__print_long(cmd, op, v[i], &c);
        return;
    case FMT_ONE:
        for (size_t i = 0; i < n && !bi_out_failed(cmd); i++) {
            ls__print_frills(cmd, op, v[i], &c);
            ls__print_name(cmd, op, v[i], false);
            bi_outc(cmd, eol);
        }
        return;
    case FMT_COMMAS: {
        size_t pos = 0;
        for (size_t i = 0; i < n; i++) {
            size_t len = ls__name_len(cmd, op, v[i], &c);
            if (i != 0) {
                if (!op->width || pos + len + 2 < (size_t)op->width) {
                    bi_outs(cmd, ", ");
                    pos += 2;
                } else {
                    bi_outc(cmd, ',');
                    bi_outc(cmd, eol);
                    pos = 0;
                }
            }
            ls__print_frills(cmd, op, v[i], &c);
            ls__print_name(cmd, op, v[i], false);
            pos += len;
        }
        bi_outc(cmd, eol);
        return;
    }
    default:
        break;
    }
    /* -C / -x: GNU's calculate_columns */
    bool by_cols = op->format == FMT_COLS;
    size_t line = op->width ? (size_t)op->width : SIZE_MAX / 4;
    size_t max_idx = line / 3 + (line % 3 != 0);
    if (max_idx == 0)
        max_idx = 1;
    size_t max_cols = max_idx < n ? max_idx : n;
    size_t *lens = mem_calloc(cmd->heap, n, sizeof *lens);
    bool *valid = mem_calloc(cmd->heap, max_cols, sizeof *valid);
    size_t *line_len = mem_calloc(cmd->heap, max_cols, sizeof *line_len);
    size_t **arr = mem_calloc(cmd->heap, max_cols, sizeof *arr);
    if (!lens || !valid || !line_len || !arr) {
        op->format = FMT_ONE;
        ls__print_list(cmd, op, v, n);
        return;
    }
    for (size_t i = 0; i < max_cols; i++) {
        valid[i] = true;
        line_len[i] = (i + 1) * 3;
        arr[i] = mem_alloc(cmd->heap, (i + 1) * sizeof **arr);
        if (!arr[i]) {
            max_cols = i;
            break;
        }
        for (size_t j = 0; j <= i; j++)
            arr[i][j] = 3;
    }
    if (max_cols == 0)
        max_cols = 1;
    for (size_t f = 0; f < n; f++) {
        lens[f] = ls__name_len(cmd, op, v[f], &c);
        for (size_t i = 0; i < max_cols; i++) {
            if (!valid[i])
                continue;
            size_t idx = by_cols ? f / ((n + i) / (i + 1)) : f % (i + 1);
            size_t real = lens[f] + (idx == i ? 0 : 2);
            if (arr[i][idx] < real) {
                line_len[i] += real - arr[i][idx];
                arr[i][idx] = real;
                valid[i] = line_len[i] < line;
            }
        }
    }
    size_t cols;
    for (cols = max_cols; 1 < cols; --cols)
        if (valid[cols - 1])
            break;
    size_t *colw = arr[cols - 1];
    if (by_cols) {
        size_t rows = n / cols + (n % cols != 0);
        for (size_t row = 0; row < rows && !bi_out_failed(cmd); row++) {
            size_t col = 0, f = row, pos = 0;
            for (;;) {
                size_t nl = lens[f], mx = colw[col++];
                ls__print_frills(cmd, op, v[f], &c);
                ls__print_name(cmd, op, v[f], false);
                f += rows;
                if (f >= n)
                    break;
                ls__indent(cmd, op, pos + nl, pos + mx);
                pos += mx;
            }
            bi_outc(cmd, eol);
        }
    } else {
        size_t pos = 0, nl = lens[0], mx = colw[0];
        ls__print_frills(cmd, op, v[0], &c);
        ls__print_name(cmd, op, v[0], false);
        for (size_t f = 1; f < n; f++) {
            size_t col = f % cols;
            if (col == 0) {
                bi_outc(cmd, eol);
                pos = 0;
            } else {
                ls__indent(cmd, op, pos + nl, pos + mx);
                pos += mx;
            }
            ls__print_frills(cmd, op, v[f], &c);
            ls__print_name(cmd, op, v[f], false);
            nl = lens[f];
            mx = colw[col];
        }
        bi_outc(cmd, eol);
    }
}

/* ------------------------------------------------------------------ gathering */

static void ls__fill(vb_cmd *cmd, ls_opts *op, ls_ent *e, bool follow)
{
    int rc = follow ? vfs_stat(cmd->vfs, e->abs, &e->st) : vfs_lstat(cmd->vfs, e->abs, &e->st);
    if (rc < 0 && follow)
        rc = vfs_lstat(cmd->vfs, e->abs, &e->st);
    e->ok = rc == 0;
    if (e->ok && S_ISLNK(e->st.mode)) {
        vfs_stat_t t;
        if (vfs_stat(cmd->vfs, e->abs, &t) == 0) {
            e->link_ok = true;
            e->link_mode = t.mode;
        }
        if (op->format == FMT_LONG) {
            char *target;
            if (vfs_readlink(cmd->vfs, e->abs, cmd->heap, &target) >= 0)
                e->link = target;
        }
    }
}

/* Shell pattern match for --hide / -I (*, ?, [...]). */
static bool ls__fnmatch(const char *p, const char *s)
{
    for (; *p; p++, s++) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return true;
            for (; *s; s++)
                if (ls__fnmatch(p, s))
                    return true;
            return false;
        }
        if (!*s)
            return false;
        if (*p == '?')
            continue;
        if (*p == '[') {
            const char *q = p + 1;
            bool neg = *q == '!' || *q == '^';
            if (neg)
                q++;
            bool hit = false;
            const char *start = q;
            while (*q && (*q != ']' || q == start)) {
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    if ((unsigned char)*s >= (unsigned char)q[0] && (unsigned char)*s <= (unsigned char)q[2])
                        hit = true;
                    q += 3;
                } else {
                    if (*q == *s)
                        hit = true;
                    q++;
                }
            }
            if (!*q)
                return *p == *s && ls__fnmatch(p + 1, s + 1);
            if (hit == neg)
                return false;
            p = q;
            continue;
        }
        if (*p == '\\' && p[1])
            p++;
        if (*p != *s)
            return false;
    }
    return *s == 0;
}

static bool ls__hidden(const ls_opts *op, const char *name)
{
    if (name[0] == '.') {
        if (op->all == ALL_NONE)
            return true;
        if (op->all == ALL_ALMOST && (!strcmp(name, ".") || !strcmp(name, "..")))
            return true;
    }
    for (size_t i = 0; i < op->nignore; i++)
        if (ls__fnmatch(op->ignore[i], name))
            return true;
    if (op->all == ALL_NONE) {
        if (op->ignore_backups && name[0] && name[strlen(name) - 1] == '~')
            return true;
        for (size_t i = 0; i < op->nhide; i++)
            if (ls__fnmatch(op->hide[i], name))
                return true;
    }
    if (op->ignore_backups && name[0] && name[strlen(name) - 1] == '~')
        return true;
    return false;
}

static void ls__total(vb_cmd *cmd, const ls_opts *op, ls_ent **v, size_t n)
{
    uint64_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i]->ok)
            bytes += v[i]->st.blocks * 512;
    if (op->human) {
        char b[32];
        fs_human(b, bytes, op->si);
        bi_outf(cmd, "total %s\n", b);
    } else {
        uint64_t bs = op->block_size ? op->block_size : 1024;
        bi_outf(cmd, "total %llu\n", (unsigned long long)((bytes + bs - 1) / bs));
    }
}

static void ls__dir(vb_cmd *cmd, ls_opts *op, const char *path, const char *abs, bool header,
                    bool top);

static void ls__dir(vb_cmd *cmd, ls_opts *op, const char *path, const char *abs, bool header,
                    bool top)
{
    if (bi_cancelled(cmd) || bi_out_failed(cmd))
        return;
    char **names;
    size_t n;
    int rc = fs_list_dir(cmd, abs, &names, &n);
    if (rc < 0) {
        fs_errf(cmd, rc, "cannot open directory %s", fs_q(cmd, path));
        op->status = top ? 2 : (op->status > 1 ? op->status : 1);
        return;
    }
    if (header) {
        if (!op->first_out)
            bi_outc(cmd, '\n');
        bi_outf(cmd, "%s:\n", ls__quote(cmd, op, path));
    }
    op->first_out = false;
    size_t cnt = 0;
    ls_ent **v = mem_calloc(cmd->heap, n + 2, sizeof *v);
    ls_ent *ents = mem_calloc(cmd->heap, n + 2, sizeof *ents);
    if (!v || !ents) {
        fs_errf(cmd, -ENOMEM, "cannot open directory %s", fs_q(cmd, path));
        op->status = 2;
        return;
    }
    if (op->all == ALL_ALL) {
        ents[cnt].name = ".";
        ents[cnt].abs = (char *)abs;
        ls__fill(cmd, op, &ents[cnt], false);
        v[cnt] = &ents[cnt];
        cnt++;
        ents[cnt].name = "..";
        ents[cnt].abs = fs_join(cmd->heap, abs, "..");
        ls__fill(cmd, op, &ents[cnt], false);
        v[cnt] = &ents[cnt];
        cnt++;
    }
    for (size_t i = 0; i < n; i++) {
        if (ls__hidden(op, names[i]))
            continue;
        ls_ent *e = &ents[cnt];
        e->name = names[i];
        e->abs = fs_join(cmd->heap, abs, names[i]);
        ls__fill(cmd, op, e, op->deref == DEREF_ALWAYS);
        if (!e->ok) {
            fs_errf(cmd, -ENOENT, "cannot access %s", fs_q(cmd, fs_join(cmd->heap, path, names[i])));
            if (op->status < 1)
                op->status = 1;
        }
        v[cnt++] = e;
    }
    ls__sort(op, v, cnt);
    if (op->format == FMT_LONG || op->size)
        ls__total(cmd, op, v, cnt);
    ls__print_list(cmd, op, v, cnt);
    if (!op->recursive)
        return;
    for (size_t i = 0; i < cnt; i++) {
        ls_ent *e = v[i];
        if (!e->ok || !S_ISDIR(e->st.mode))
            continue;
        if (!strcmp(e->name, ".") || !strcmp(e->name, ".."))
            continue;
        char *sub = fs_join(cmd->heap, path, e->name);
        ls__dir(cmd, op, sub, e->abs, true, false);
        if (bi_cancelled(cmd))
            return;
    }
}

/* ------------------------------------------------------------------ options */

static int ls__time_style(vb_cmd *cmd, ls_opts *op, const char *s)
{
    while (!strncmp(s, "posix-", 6))
        s += 6;
    if (s[0] == '+') {
        const char *nl = strchr(s + 1, '\n');
        if (nl) {
            op->fmt_old = mem_strndup(cmd->heap, s + 1, (size_t)(nl - s - 1));
            op->fmt_recent = nl + 1;
        } else {
            op->fmt_old = op->fmt_recent = s + 1;
        }
        op->full_iso = false;
        return 0;
    }
    op->full_iso = false;
    if (!strcmp(s, "full-iso")) {
        op->full_iso = true;
    } else if (!strcmp(s, "long-iso")) {
        op->fmt_old = op->fmt_recent = "%Y-%m-%d %H:%M";
    } else if (!strcmp(s, "iso")) {
        op->fmt_old = "%Y-%m-%d ";
        op->fmt_recent = "%m-%d %H:%M";
    } else if (!strcmp(s, "locale")) {
        op->fmt_old = op->fmt_recent = NULL;
    } else {
        bi_err(cmd, "invalid argument %s for %s", fs_lq(cmd, s), fs_lq(cmd, "time style"));
        static const char msg[] =
            "Valid arguments are:\n"
            "  - [posix-]full-iso\n"
            "  - [posix-]long-iso\n"
            "  - [posix-]iso\n"
            "  - [posix-]locale\n"
            "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n";
        bi_errw(cmd, msg, sizeof msg - 1);
        fs_try(cmd);
        return -1;
    }
    return 0;
}

/* --quoting-style and QUOTING_STYLE; "" separates synonym groups */
static const char *const ls__qnames[] = {"literal", "", "shell", "", "shell-always", "", "shell-escape", "",
                                         "shell-escape-always", "", "c", "", "c-maybe", "", "escape", "",
                                         "locale", "", "clocale", NULL};
static const int ls__qvals[] = {Q_LITERAL, 0, Q_SHELL, 0, Q_SHELL_ALWAYS, 0, Q_SHELL_ESCAPE, 0,
                                Q_SHELL_ESCAPE_ALWAYS, 0, Q_C, 0, Q_C_MAYBE, 0, Q_ESCAPE, 0,
                                Q_LOCALE, 0, Q_LOCALE};

static int ls__pick(vb_cmd *cmd, const char *arg, const char *opt, const char *const *names,
                    const int *vals, int *out)
{
    size_t al = strlen(arg);
    int hit = -1, nhits = 0;
    for (int i = 0; names[i]; i++) {
        if (!*names[i])
            continue;
        if (!strcmp(names[i], arg)) {
            *out = vals[i];
            return 0;
        }
        if (al && !strncmp(names[i], arg, al)) {
            if (hit < 0 || vals[hit] != vals[i])
                nhits++;
            hit = i;
        }
    }
    if (nhits == 1) {
        *out = vals[hit];
        return 0;
    }
    fs_bad_arg(cmd, arg, opt, names);
    return -1;
}

int bi_ls(vb_cmd *cmd)
{
    ls_opts op;
    memset(&op, 0, sizeof op);
    bool tty = cmd->out && (cmd->out->flags & STREAM_TTY);
    const char *prog = fs_base(cmd->heap, cmd->argv[0]);
    op.format = tty ? FMT_COLS : FMT_ONE;
    if (!strcmp(prog, "dir"))
        op.format = FMT_COLS, op.quoting = Q_ESCAPE;
    else if (!strcmp(prog, "vdir"))
        op.format = FMT_LONG, op.quoting = Q_ESCAPE;
    else
        op.quoting = tty ? Q_SHELL_ESCAPE : Q_LITERAL;
    op.hide_ctrl = tty;
    op.tabsize = 8;
    op.deref = -1;
    op.first_out = true;
    op.width = 80;
    const char *cols = bi_getvar(cmd, "COLUMNS");
    if (cols && *cols) {
        char *end;
        long w = strtol(cols, &end, 10);
        if (*end == 0 && w > 0)
            op.width = w;
    }
    const char *qs = bi_getvar(cmd, "QUOTING_STYLE");
    (void)qs;
    const char *ts = bi_getvar(cmd, "TIME_STYLE");
    int color_when = 0; /* 0 never 1 always 2 auto */
    bool format_set = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "aAbBcCdfFgGhHiI:klLmnNopqQrRsStT:uUvw:xXZ1", ls__longs, ls__help);
    int c;
    bool time_style_set = false, quoting_set = false;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': op.all = ALL_ALL; break;
        case 'A': op.all = ALL_ALMOST; break;
        case 'b': op.quoting = Q_ESCAPE; quoting_set = true; break;
        case 'B': op.ignore_backups = true; break;
        case 'c': op.time = TIME_CTIME; break;
        case 'C': op.format = FMT_COLS; format_set = true; break;
        case 'd': op.dirs_only = true; break;
        case 'f': op.all = ALL_ALL; op.sort = SORT_NONE; break;
        case 'F': op.ind = IND_CLASSIFY; break;
        case 'g': op.format = FMT_LONG; op.no_owner = true; format_set = true; break;
        case 'G': op.no_group = true; break;
        case 'h': op.human = true; op.si = false; break;
        case 'H': op.deref = DEREF_ARGS; break;
        case 'i': op.inode = true; break;
        case 'I': {
            char **nv = mem_realloc(cmd->heap, op.ignore, (op.nignore + 1) * sizeof *nv);
            if (!nv)
                return bi_done(cmd, 2);
            op.ignore = nv;
            op.ignore[op.nignore++] = (char *)o.arg;
            break;
        }
        case 'k': op.block_size = 1024; break;
        case 'l': op.format = FMT_LONG; format_set = true; break;
        case 'L': op.deref = DEREF_ALWAYS; break;
        case 'm': op.format = FMT_COMMAS; format_set = true; break;
        case 'n': op.numeric = true; op.format = FMT_LONG; format_set = true; break;
        case 'N': op.quoting = Q_LITERAL; op.hide_ctrl = false; quoting_set = true; break;
        case 'o': op.format = FMT_LONG; op.no_group = true; format_set = true; break;
        case 'p': op.ind = IND_SLASH; break;
        case 'q': op.hide_ctrl = true; op.hide_ctrl_set = true; break;
        case 'Q': op.quoting = Q_C; quoting_set = true; break;
        case 'r': op.reverse = true; break;
        case 'R': op.recursive = true; break;
        case 's': op.size = true; break;
        case 'S': op.sort = SORT_SIZE; break;
        case 't': op.sort = SORT_TIME; break;
        case 'T': {
            char *end;
            long v = strtol(o.arg, &end, 10);
            if (*end || v < 0)
                return bi_done(cmd, bi_err(cmd, "invalid tab size: %s", fs_lq(cmd, o.arg)) + 1);
            op.tabsize = (int)v;
            break;
        }
        case 'u': op.time = TIME_ATIME; break;
        case 'U': op.sort = SORT_NONE; break;
        case 'v': op.sort = SORT_VERSION; break;
        case 'w': {
            char *end;
            long v = strtol(o.arg, &end, 10);
            if (*end || v < 0 || end == o.arg)
                return bi_done(cmd, bi_err(cmd, "invalid line width: %s", fs_lq(cmd, o.arg)) + 1);
            op.width = v;
            break;
        }
        case 'x': op.format = FMT_ACROSS; format_set = true; break;
        case 'X': op.sort = SORT_EXT; break;
        case '1': op.format = FMT_ONE; format_set = true; break;
        case 'Z':
            return bi_done(cmd, bi_err(cmd, "SELinux contexts are not supported in the sandbox") + 1);
        case LS_AUTHOR: op.author = true; break; /* the owner, as on GNU/Linux */
        case LS_BLOCK_SIZE: {
            uint64_t v;
            if (bi_parse_size(o.arg, &v) < 0 || v == 0)
                return bi_done(cmd, bi_err(cmd, "invalid --block-size argument %s", fs_q(cmd, o.arg)) + 1);
            op.block_size = v;
            op.size_unit = v;
            op.human = false;
            break;
        }
        case LS_COLOR: {
            static const char *const names[] = {"always", "yes", "force", "", "never", "no", "none", "", "auto", "tty", "if-tty", NULL};
            static const int vals[] = {1, 1, 1, 0, 0, 0, 0, 0, 2, 2, 2};
            if (!o.arg)
                color_when = 1;
            else if (ls__pick(cmd, o.arg, "--color", names, vals, &color_when) < 0)
                return bi_done(cmd, 1);
            break;
        }
        case LS_CLASSIFY: {
            int when = 1;
            static const char *const names[] = {"always", "yes", "force", "", "never", "no", "none", "", "auto", "tty", "if-tty", NULL};
            static const int vals[] = {1, 1, 1, 0, 0, 0, 0, 0, 2, 2, 2};
            if (o.arg && ls__pick(cmd, o.arg, "--classify", names, vals, &when) < 0)
                return bi_done(cmd, 1);
            if (when == 1 || (when == 2 && tty))
                op.ind = IND_CLASSIFY;
            break;
        }
        case LS_FILE_TYPE: op.ind = IND_FILE_TYPE; break;
        case LS_FORMAT: {
            static const char *const names[] = {"verbose", "long", "", "commas", "", "horizontal", "across", "", "vertical", "", "single-column", NULL};
            static const int vals[] = {FMT_LONG, FMT_LONG, 0, FMT_COMMAS, 0, FMT_ACROSS, FMT_ACROSS, 0, FMT_COLS, 0, FMT_ONE};
            if (ls__pick(cmd, o.arg, "--format", names, vals, &op.format) < 0)
                return bi_done(cmd, 1);
            format_set = true;
            break;
        }
        case LS_FULL_TIME:
            op.format = FMT_LONG;
            format_set = true;
            op.full_iso = true;
            time_style_set = true;
            break;
        case LS_GROUP_DIRS: op.group_dirs = true; break;
        case LS_SI: op.human = true; op.si = true; break;
        case LS_HIDE: {
            char **nv = mem_realloc(cmd->heap, op.hide, (op.nhide + 1) * sizeof *nv);
            if (!nv)
                return bi_done(cmd, 2);
            op.hide = nv;
            op.hide[op.nhide++] = (char *)o.arg;
            break;
        }
        case LS_HYPERLINK: {
            int when = 1;
            static const char *const names[] = {"always", "yes", "force", "", "never", "no", "none", "", "auto", "tty", "if-tty", NULL};
            static const int vals[] = {1, 1, 1, 0, 0, 0, 0, 0, 2, 2, 2};
            if (o.arg && ls__pick(cmd, o.arg, "--hyperlink", names, vals, &when) < 0)
                return bi_done(cmd, 1);
            op.hyperlink = when == 1 || (when == 2 && tty);
            break;
        }
        case LS_INDICATOR: {
            static const char *const names[] = {"none", "", "slash", "", "file-type", "", "classify", NULL};
            static const int vals[] = {IND_NONE, 0, IND_SLASH, 0, IND_FILE_TYPE, 0, IND_CLASSIFY};
            if (ls__pick(cmd, o.arg, "--indicator-style", names, vals, &op.ind) < 0)
                return bi_done(cmd, 1);
            break;
        }
        case LS_QUOTING:
            if (ls__pick(cmd, o.arg, "--quoting-style", ls__qnames, ls__qvals, &op.quoting) < 0)
                return bi_done(cmd, 1);
            if (op.quoting == Q_LITERAL)
                op.hide_ctrl = op.hide_ctrl_set;
            quoting_set = true;
            break;
        case LS_SORT: {
            static const char *const names[] = {"none", "", "time", "", "size", "", "extension", "", "version", "", "width", NULL};
            static const int vals[] = {SORT_NONE, 0, SORT_TIME, 0, SORT_SIZE, 0, SORT_EXT, 0, SORT_VERSION, 0, SORT_WIDTH};
            if (ls__pick(cmd, o.arg, "--sort", names, vals, &op.sort) < 0)
                return bi_done(cmd, 1);
            break;
        }
        case LS_TIME: {
            /* coreutils 9.1 has no --time=mtime (9.5 added it) */
            static const char *const names[] = {"atime", "access", "use", "", "ctime", "status", "", "birth", "creation", NULL};
            static const int vals[] = {TIME_ATIME, TIME_ATIME, TIME_ATIME, 0, TIME_CTIME, TIME_CTIME, 0, TIME_BTIME, TIME_BTIME};
            if (ls__pick(cmd, o.arg, "--time", names, vals, &op.time) < 0)
                return bi_done(cmd, 1);
            break;
        }
        case LS_TIME_STYLE:
            if (ls__time_style(cmd, &op, o.arg) < 0)
                return bi_done(cmd, 2);
            time_style_set = true;
            break;
        case LS_DEREF_DIR: op.deref = DEREF_ARGS_DIR; break;
        case LS_ZERO: op.zero = true; break;
        case LS_ZERO + 1: op.hide_ctrl = false; break;
        default:
            return bi_done(cmd, o.status == 1 ? 2 : o.status);
        }
    }
    if (!time_style_set && ts && *ts && ls__time_style(cmd, &op, ts) < 0)
        return bi_done(cmd, 2);
    /* QUOTING_STYLE counts when no option chose a style (a unique prefix,
     * as argmatch); a bad value is warned about and ignored */
    const char *qstyle = quoting_set ? NULL : bi_getvar(cmd, "QUOTING_STYLE");
    if (qstyle) {
        int hit = -1, nhits = 0;
        size_t qlen = strlen(qstyle);
        for (int i = 0; ls__qnames[i]; i++) {
            if (!*ls__qnames[i] || strncmp(ls__qnames[i], qstyle, qlen))
                continue;
            if (!ls__qnames[i][qlen]) {
                hit = i;
                nhits = 1;
                break;
            }
            if (hit < 0 || ls__qvals[hit] != ls__qvals[i])
                nhits++;
            hit = i;
        }
        if (qlen && nhits == 1) {
            op.quoting = ls__qvals[hit];
            if (op.quoting == Q_LITERAL)
                op.hide_ctrl = op.hide_ctrl_set;
        } else {
            bi_err(cmd, "ignoring invalid value of environment variable QUOTING_STYLE: %s", fs_lq(cmd, qstyle));
        }
    }
    if (op.zero) {
        op.hide_ctrl = false;
        op.quoting = Q_LITERAL;
        if (op.format != FMT_LONG)
            op.format = FMT_ONE;
    }
    (void)format_set;
    /* -u / -c sort by that time when not in long format (as GNU) */
    if ((op.time == TIME_ATIME || op.time == TIME_CTIME) && op.format != FMT_LONG && op.sort == SORT_NAME)
        op.sort = SORT_TIME;
    if (op.deref < 0)
        op.deref = (op.dirs_only || op.ind == IND_CLASSIFY || op.format == FMT_LONG) ? DEREF_NEVER : DEREF_ARGS_DIR;
    op.color = color_when == 1 || (color_when == 2 && tty);
    if (op.color) {
        const char *lc = bi_getvar(cmd, "LS_COLORS");
        op.lscolors = lc && *lc ? lc : NULL;
        /* GNU: without LS_COLORS, colour only for a known colour terminal */
        if (!op.lscolors && !ls__color_term(bi_getvar(cmd, "TERM")))
            op.color = false;
    }
    fs_now(cmd, &op.now);
    if (op.hyperlink)
        op.host = cmd->ops && cmd->ops->info ? cmd->ops->info(cmd->shell, "hostname") : NULL;
    /* GNU: on a terminal, names without quotes get a space when others have them */
    op.align_quotes = op.format != FMT_COMMAS && op.format != FMT_ONE &&
                      (op.quoting == Q_SHELL_ESCAPE || op.quoting == Q_SHELL || op.quoting == Q_C_MAYBE);

    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dot[] = {"."};
    if (nops == 0) {
        ops = dot;
        nops = 1;
    }
    ls_ent *ents = mem_calloc(cmd->heap, (size_t)nops, sizeof *ents);
    ls_ent **files = mem_calloc(cmd->heap, (size_t)nops, sizeof *files);
    ls_ent **dirs = mem_calloc(cmd->heap, (size_t)nops, sizeof *dirs);
    if (!ents || !files || !dirs)
        return bi_done(cmd, 2);
    size_t nf = 0, nd = 0;
    for (int i = 0; i < nops; i++) {
        ls_ent *e = &ents[i];
        e->name = ops[i];
        e->abs = bi_path(cmd, ops[i]);
        bool follow = op.deref == DEREF_ALWAYS || op.deref == DEREF_ARGS;
        ls__fill(cmd, &op, e, follow);
        if (!e->ok) {
            vfs_stat_t st;
            int rc = vfs_lstat(cmd->vfs, e->abs, &st);
            fs_errf(cmd, rc < 0 ? rc : -ENOENT, "cannot access %s", fs_q(cmd, ops[i]));
            op.status = 2;
            continue;
        }
        bool isdir = S_ISDIR(e->st.mode);
        if (!isdir && S_ISLNK(e->st.mode) && op.deref == DEREF_ARGS_DIR && e->link_ok &&
            S_ISDIR(e->link_mode)) {
            isdir = true;
        }
        if (isdir && !op.dirs_only)
            dirs[nd++] = e;
        else
            files[nf++] = e;
    }
    ls__sort(&op, files, nf);
    ls__print_list(cmd, &op, files, nf);
    if (nf > 0)
        op.first_out = false;
    /* directories in sort order (GNU sorts them like files) */
    ls__sort(&op, dirs, nd);
    bool headers = nd + nf > 1 || op.recursive || op.status != 0;
    for (size_t i = 0; i < nd && !bi_cancelled(cmd); i++)
        ls__dir(cmd, &op, dirs[i]->name, dirs[i]->abs, headers, true);
    return bi_done(cmd, op.status);
}
