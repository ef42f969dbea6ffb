/*
 * Shared helpers of the file and directory commands: see fs_util.h.
 * Quoting follows gnulib's quotearg (shell-escape styles) for the cases
 * coreutils messages meet; canonicalisation follows gnulib canonicalize.
 */
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_time.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ quoting */

/* Length of a valid UTF-8 sequence at p (1 for ASCII), 0 when invalid. */
static size_t fs__utf8_len(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t n;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4;
    else
        return 0;
    if (n > left)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    if (n == 3 && c == 0xe0 && p[1] < 0xa0)
        return 0;
    if (n == 3 && c == 0xed && p[1] >= 0xa0)
        return 0;
    if (n == 4 && c == 0xf0 && p[1] < 0x90)
        return 0;
    if (n == 4 && c == 0xf4 && p[1] >= 0x90)
        return 0;
    return n;
}

static bool fs__shell_special(unsigned char c, size_t i)
{
    if ((c == '#' || c == '~') && i == 0)
        return true;
    return strchr(" \t!\"$&'()*;<=>?[\\^`|:", c) != NULL && c != 0;
}

static const char *fs__quote(vb_cmd *cmd, const char *name, bool always)
{
    const unsigned char *s = (const unsigned char *)name;
    size_t n = strlen(name);
    bool need = always || n == 0, has_sq = false, has_esc = false, dq_bad = false;
    for (size_t i = 0; i < n;) {
        size_t l = fs__utf8_len(s + i, n - i);
        if (l == 0 || s[i] < 0x20 || s[i] == 0x7f) {
            need = has_esc = true;
            i++;
            continue;
        }
        if (l == 1) {
            if (fs__shell_special(s[i], i))
                need = true;
            if (s[i] == '\'')
                has_sq = true;
            if (strchr("$`\\\"!", s[i]))
                dq_bad = true;
        }
        i += l;
    }
    if (!need)
        return name;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    if (has_sq && !has_esc && !dq_bad) {
        vbuf_addc(&b, '"');
        vbuf_adds(&b, name);
        vbuf_addc(&b, '"');
        return vbuf_str(&b);
    }
    bool in_q = true, in_esc = false;
    vbuf_addc(&b, '\'');
    for (size_t i = 0; i < n;) {
        size_t l = fs__utf8_len(s + i, n - i);
        if (l == 0 || s[i] < 0x20 || s[i] == 0x7f) {
            if (in_q) {
                vbuf_addc(&b, '\'');
                in_q = false;
            }
            if (!in_esc) {
                vbuf_adds(&b, "$'");
                in_esc = true;
            }
            const char *e = NULL;
            switch (s[i]) {
            case '\a': e = "\\a"; break;
            case '\b': e = "\\b"; break;
            case '\f': e = "\\f"; break;
            case '\n': e = "\\n"; break;
            case '\r': e = "\\r"; break;
            case '\t': e = "\\t"; break;
            case '\v': e = "\\v"; break;
            default: break;
            }
            if (e)
                vbuf_adds(&b, e);
            else
                vbuf_printf(&b, "\\%03o", s[i]);
            i++;
            continue;
        }
        if (in_esc) {
            vbuf_addc(&b, '\'');
            in_esc = false;
        }
        if (!in_q) {
            vbuf_addc(&b, '\'');
            in_q = true;
        }
        if (s[i] == '\'')
            vbuf_adds(&b, "'\\''");
        else
            vbuf_add(&b, s + i, l);
        i += l;
    }
    if (in_esc)
        vbuf_addc(&b, '\'');
    if (in_q)
        vbuf_addc(&b, '\'');
    return vbuf_str(&b);
}

const char *fs_q(vb_cmd *cmd, const char *name) { return fs__quote(cmd, name, true); }
const char *fs_qf(vb_cmd *cmd, const char *name) { return fs__quote(cmd, name, false); }

static bool fs__utf8_locale(vb_cmd *cmd)
{
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = bi_getvar(cmd, names[i]);
        if (v && *v)
            return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
    }
    return false;
}

const char *fs_lq(vb_cmd *cmd, const char *s)
{
    if (fs__utf8_locale(cmd))
        return mem_printf(cmd->heap, "\xe2\x80\x98%s\xe2\x80\x99", s);
    return mem_printf(cmd->heap, "'%s'", s);
}

const char *fs_strerror(int neg_errno)
{
    const char *d = strerrordesc_np(neg_errno < 0 ? -neg_errno : neg_errno);
    return d ? d : "Unknown error";
}

int fs_errf(vb_cmd *cmd, int neg_errno, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (neg_errno)
        bi_err(cmd, "%s: %s", vbuf_str(&b), fs_strerror(neg_errno));
    else
        bi_err(cmd, "%s", vbuf_str(&b));
    return 1;
}

int fs_bad_arg(vb_cmd *cmd, const char *arg, const char *opt, const char *const *vals)
{
    bool ambiguous = false;
    size_t al = strlen(arg), hits = 0;
    for (const char *const *v = vals; *v; v++)
        if (**v && strncmp(*v, arg, al) == 0)
            hits++;
    ambiguous = hits > 1 && al > 0;
    bi_err(cmd, "%s argument %s for %s", ambiguous ? "ambiguous" : "invalid",
           fs_lq(cmd, arg), fs_lq(cmd, opt));
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_adds(&b, "Valid arguments are:");
    bool start = true;
    for (const char *const *v = vals; *v; v++) {
        if (!**v) {
            start = true;
            continue;
        }
        vbuf_adds(&b, start ? "\n  - " : ", ");
        vbuf_adds(&b, fs_lq(cmd, *v));
        start = false;
    }
    vbuf_printf(&b, "\nTry '%s --help' for more information.\n", cmd->argv[0]);
    bi_errw(cmd, b.data, b.len);
    return 1;
}

int fs_try(vb_cmd *cmd)
{
    char *t = mem_printf(cmd->heap, "Try '%s --help' for more information.\n", cmd->argv[0]);
    if (t)
        bi_errw(cmd, t, strlen(t));
    return 1;
}

bool fs_yesno(vb_cmd *cmd)
{
    bi_flush(cmd);
    if (!cmd->in)
        return false;
    char first = 0;
    bool got = false;
    for (;;) {
        char c;
        ssize_t r = stream_read(cmd->in, &c, 1);
        if (r <= 0)
            break;
        if (!got) {
            first = c;
            got = true;
        }
        if (c == '\n')
            break;
    }
    return got && (first == 'y' || first == 'Y');
}

bool fs_stdin_tty(vb_cmd *cmd)
{
    return cmd->in && (cmd->in->flags & STREAM_TTY);
}

void fs_human(char out[32], uint64_t n, bool si)
{
    bi_human(out, n, si);
    size_t l = strlen(out);
    if (si && l && out[l - 1] == 'K')
        out[l - 1] = 'k';
}

int fs_backup_type(vb_cmd *cmd, const char *arg)
{
    static const char *const names[] = {"none", "off", "", "simple", "never", "", "existing", "nil",
                                        "", "numbered", "t", NULL};
    static const int types[] = {FS_BACKUP_NONE, FS_BACKUP_NONE, 0, FS_BACKUP_SIMPLE, FS_BACKUP_SIMPLE,
                                0, FS_BACKUP_EXISTING, FS_BACKUP_EXISTING, 0, FS_BACKUP_NUMBERED,
                                FS_BACKUP_NUMBERED};
    const char *what = "backup type";
    if (!arg) {
        arg = bi_getvar(cmd, "VERSION_CONTROL");
        what = "$VERSION_CONTROL";
        if (!arg || !*arg)
            return FS_BACKUP_EXISTING;
    }
    size_t al = strlen(arg);
    int hit = -1;
    bool ambiguous = false;
    for (int i = 0; names[i]; i++) {
        if (!*names[i])
            continue;
        if (!strcmp(names[i], arg))
            return types[i];
        if (al && !strncmp(names[i], arg, al)) {
            if (hit >= 0 && types[hit] != types[i])
                ambiguous = true;
            hit = i;
        }
    }
    if (hit >= 0 && !ambiguous)
        return types[hit];
    fs_bad_arg(cmd, arg, what, names);
    return -1;
}

const char *fs_backup_suffix(vb_cmd *cmd, const char *arg)
{
    if (arg)
        return arg;
    const char *e = bi_getvar(cmd, "SIMPLE_BACKUP_SUFFIX");
    return e && *e && !strchr(e, '/') ? e : "~";
}

int fs_backup(vb_cmd *cmd, int type, const char *suffix, const char *dst, char **backup)
{
    *backup = NULL;
    if (type == FS_BACKUP_NONE)
        return 0;
    char *d = fs_strip_slashes(cmd->heap, dst);
    char *base = fs_base(cmd->heap, d);
    char *dir = fs_dir(cmd->heap, d);
    char *name = NULL;
    if (type != FS_BACKUP_SIMPLE) {
        /* the highest "base.~N~" in the directory */
        char **names;
        size_t n;
        unsigned long max = 0;
        bool any = false;
        size_t bl = strlen(base);
        if (fs_list_dir(cmd, bi_path(cmd, dir), &names, &n) == 0) {
            for (size_t i = 0; i < n; i++) {
                const char *e = names[i];
                if (strncmp(e, base, bl) || strncmp(e + bl, ".~", 2))
                    continue;
                const char *p = e + bl + 2;
                if (*p < '1' || *p > '9')
                    continue;
                char *end;
                unsigned long v = strtoul(p, &end, 10);
                if (strcmp(end, "~"))
                    continue;
                any = true;
                if (v > max)
                    max = v;
            }
        }
        if (type == FS_BACKUP_NUMBERED || any)
            name = mem_printf(cmd->heap, "%s.~%lu~", d, max + 1);
    }
    if (!name)
        name = mem_printf(cmd->heap, "%s%s", d, suffix);
    if (!name)
        return -ENOMEM;
    int rc = vfs_rename(cmd->vfs, bi_path(cmd, d), bi_path(cmd, name));
    if (rc < 0)
        return rc;
    *backup = name;
    return 0;
}

/* ------------------------------------------------------------------ modes */

char fs_type_char(uint32_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFIFO: return 'p';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFSOCK: return 's';
    default: return '-';
    }
}

void fs_mode_string(uint32_t m, char out[11])
{
    out[0] = fs_type_char(m);
    out[1] = m & S_IRUSR ? 'r' : '-';
    out[2] = m & S_IWUSR ? 'w' : '-';
    out[3] = m & S_ISUID ? (m & S_IXUSR ? 's' : 'S') : (m & S_IXUSR ? 'x' : '-');
    out[4] = m & S_IRGRP ? 'r' : '-';
    out[5] = m & S_IWGRP ? 'w' : '-';
    out[6] = m & S_ISGID ? (m & S_IXGRP ? 's' : 'S') : (m & S_IXGRP ? 'x' : '-');
    out[7] = m & S_IROTH ? 'r' : '-';
    out[8] = m & S_IWOTH ? 'w' : '-';
    out[9] = m & S_ISVTX ? (m & S_IXOTH ? 't' : 'T') : (m & S_IXOTH ? 'x' : '-');
    out[10] = 0;
}

const char *fs_type_name(const vfs_stat_t *st)
{
    switch (st->mode & S_IFMT) {
    case S_IFDIR: return "directory";
    case S_IFLNK: return "symbolic link";
    case S_IFIFO: return "fifo";
    case S_IFCHR: return "character special file";
    case S_IFBLK: return "block special file";
    case S_IFSOCK: return "socket";
    case S_IFREG: return st->size == 0 ? "regular empty file" : "regular file";
    default: return "weird file";
    }
}

/* One clause of a mode, as gnulib's struct mode_change. */
typedef struct fs_mc_item {
    char op;            /* '+', '-', '=' */
    char flag;          /* 0 ordinary, 'X' execute if any, 'c' copy existing */
    uint32_t affected;  /* who bits; 0 when "who" was empty (umask applies) */
    uint32_t value;
    uint32_t mentioned;
} fs_mc_item;

struct fs_modechange {
    size_t n;
    fs_mc_item *items;
};

fs_modechange *fs_mode_compile(vb_cmd *cmd, const char *spec)
{
    fs_modechange *mc = mem_calloc(cmd->heap, 1, sizeof *mc);
    if (!mc)
        return NULL;
    if (*spec >= '0' && *spec <= '7') {
        uint32_t v = 0;
        const char *p = spec;
        for (; *p >= '0' && *p <= '7'; p++) {
            v = v * 8 + (uint32_t)(*p - '0');
            if (v > 07777)
                return NULL;
        }
        if (*p)
            return NULL;
        mc->items = mem_calloc(cmd->heap, 1, sizeof *mc->items);
        if (!mc->items)
            return NULL;
        mc->n = 1;
        mc->items[0].op = '=';
        mc->items[0].affected = 07777;
        mc->items[0].value = v;
        mc->items[0].mentioned = (p - spec) < 5 ? ((v & (S_ISUID | S_ISGID)) | S_ISVTX | 0777) : 07777;
        return mc;
    }
    size_t cap = 4;
    mc->items = mem_calloc(cmd->heap, cap, sizeof *mc->items);
    if (!mc->items)
        return NULL;
    const char *p = spec;
    for (;;) {
        uint32_t who = 0;
        for (;; p++) {
            if (*p == 'u') who |= S_ISUID | S_IRWXU;
            else if (*p == 'g') who |= S_ISGID | S_IRWXG;
            else if (*p == 'o') who |= S_ISVTX | S_IRWXO;
            else if (*p == 'a') who |= 07777;
            else break;
        }
        if (*p != '+' && *p != '-' && *p != '=')
            return NULL;
        while (*p == '+' || *p == '-' || *p == '=') {
            if (mc->n == cap) {
                cap *= 2;
                fs_mc_item *ni = mem_realloc(cmd->heap, mc->items, cap * sizeof *ni);
                if (!ni)
                    return NULL;
                mc->items = ni;
            }
            fs_mc_item *it = &mc->items[mc->n++];
            memset(it, 0, sizeof *it);
            it->op = *p++;
            it->affected = who;
            switch (*p) {
            case 'u': it->value = S_IRWXU; it->flag = 'c'; p++; break;
            case 'g': it->value = S_IRWXG; it->flag = 'c'; p++; break;
            case 'o': it->value = S_IRWXO; it->flag = 'c'; p++; break;
            default:
                for (;; p++) {
                    if (*p == 'r') it->value |= S_IRUSR | S_IRGRP | S_IROTH;
                    else if (*p == 'w') it->value |= S_IWUSR | S_IWGRP | S_IWOTH;
                    else if (*p == 'x') it->value |= S_IXUSR | S_IXGRP | S_IXOTH;
                    else if (*p == 'X') it->flag = 'X';
                    else if (*p == 's') it->value |= S_ISUID | S_ISGID;
                    else if (*p == 't') it->value |= S_ISVTX;
                    else break;
                }
            }
            it->mentioned = who ? who & it->value : it->value;
        }
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p == 0)
            break;
        return NULL;
    }
    return mc;
}

uint32_t fs_mode_adjust(const fs_modechange *mc, uint32_t oldmode, bool is_dir,
                        uint32_t umask, uint32_t *mode_bits_out)
{
    uint32_t newmode = oldmode & 07777, mode_bits = 0;
    for (size_t i = 0; i < mc->n; i++) {
        const fs_mc_item *it = &mc->items[i];
        uint32_t affected = it->affected;
        uint32_t omit = (is_dir ? S_ISUID | S_ISGID : 0) & ~it->mentioned;
        uint32_t value = it->value;
        if (it->flag == 'c') {
            value &= newmode;
            value |= ((value & 0444) ? 0444u : 0) | ((value & 0222) ? 0222u : 0) |
                     ((value & 0111) ? 0111u : 0);
        } else if (it->flag == 'X' && ((newmode & 0111) || is_dir)) {
            value |= 0111;
        }
        value &= (affected ? affected : ~umask) & ~omit;
        switch (it->op) {
        case '=': {
            uint32_t preserved = (affected ? ~affected : 0) | omit;
            mode_bits |= 07777 & ~preserved;
            newmode = (newmode & preserved) | value;
            break;
        }
        case '+':
            mode_bits |= value;
            newmode |= value;
            break;
        default:
            mode_bits |= value;
            newmode &= ~value;
            break;
        }
    }
    if (mode_bits_out)
        *mode_bits_out = mode_bits;
    return newmode & 07777;
}

static bool fs__octal_mask(const char *u, uint32_t *out)
{
    if (!u || !*u)
        return false;
    char *end;
    unsigned long v = strtoul(u, &end, 8);
    while (*end == '\n')
        end++;
    if (*end || v > 0777)
        return false;
    *out = (uint32_t)v;
    return true;
}

uint32_t fs_umask(vb_cmd *cmd)
{
    uint32_t m;
    if (cmd->ops && cmd->ops->info && fs__octal_mask(cmd->ops->info(cmd->shell, "umask"), &m))
        return m;
    /* Until the shell answers the "umask" key, ask its umask builtin: a
     * child process inherits the mask, and prints it in octal. */
    if (cmd->ops && cmd->ops->run) {
        vbuf b;
        vbuf_init(&b, cmd->heap);
        stream *s = stream_to_buf(cmd->heap, &b);
        stream *null_err = stream_null(cmd->heap, STREAM_W);
        if (s && null_err) {
            char *argv[] = {"umask", NULL};
            int st = cmd->ops->run(cmd->shell, argv, NULL, NULL, s, null_err);
            stream_unref(s);
            stream_unref(null_err);
            if (st == 0 && fs__octal_mask(vbuf_str(&b), &m))
                return m;
        } else {
            stream_unref(s);
            stream_unref(null_err);
        }
    }
    return 022;
}

/* ------------------------------------------------------------------ paths */

char *fs_join(mem_heap *h, const char *dir, const char *name)
{
    size_t dl = strlen(dir);
    if (dl && dir[dl - 1] == '/')
        return mem_printf(h, "%s%s", dir, name);
    return mem_printf(h, "%s/%s", dir, name);
}

char *fs_strip_slashes(mem_heap *h, const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    return mem_strndup(h, path, n);
}

char *fs_base(mem_heap *h, const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    if (n == 1 && path[0] == '/')
        return mem_strdup(h, "/");
    size_t s = n;
    while (s > 0 && path[s - 1] != '/')
        s--;
    return mem_strndup(h, path + s, n - s);
}

char *fs_dir(mem_heap *h, const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    while (n > 0 && path[n - 1] != '/')
        n--;
    if (n == 0)
        return mem_strdup(h, ".");
    while (n > 1 && path[n - 1] == '/')
        n--;
    return mem_strndup(h, path, n);
}

bool fs_is_dot_or_dotdot(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t s = n;
    while (s > 0 && path[s - 1] != '/')
        s--;
    size_t l = n - s;
    return (l == 1 && path[s] == '.') || (l == 2 && path[s] == '.' && path[s + 1] == '.');
}

/* Drops the last component of an absolute path held in b (never above "/"). */
static void fs__pop(vbuf *b)
{
    while (b->len > 1 && b->data[b->len - 1] != '/')
        b->len--;
    if (b->len > 1)
        b->len--;
    b->data[b->len] = 0;
}

/* Lexical normalisation: ".", "..", duplicate slashes (for -s and -L). */
static char *fs__lexical(mem_heap *h, const char *abs)
{
    vbuf b;
    vbuf_init(&b, h);
    vbuf_addc(&b, '/');
    const char *p = abs;
    while (*p) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t l = (size_t)(e - p);
        if (l == 0)
            break;
        if (l == 1 && p[0] == '.') {
        } else if (l == 2 && p[0] == '.' && p[1] == '.') {
            fs__pop(&b);
        } else {
            if (b.len > 1)
                vbuf_addc(&b, '/');
            vbuf_add(&b, p, l);
        }
        p = e;
    }
    return (char *)vbuf_str(&b);
}

int fs_canon(vb_cmd *cmd, const char *path, int mode, char **out)
{
    int can = mode & 3;
    if (!*path)
        return -ENOENT;
    char *abs = bi_path(cmd, path);
    if (!abs)
        return -ENOMEM;
    if (mode & FS_CAN_LOGICAL)
        abs = fs__lexical(cmd->heap, abs);
    if (mode & FS_CAN_NOLINKS) {
        /* Still check existence as the mode asks. */
        char *r = fs__lexical(cmd->heap, abs);
        if (can != FS_CAN_MISSING) {
            vfs_stat_t st;
            int rc = vfs_lstat(cmd->vfs, r, &st);
            if (rc < 0 && !(rc == -ENOENT && can == FS_CAN_ALL_BUT_LAST)) {
                return rc;
            }
            if (rc == -ENOENT) {
                char *d = fs_dir(cmd->heap, r);
                rc = vfs_stat(cmd->vfs, d, &st);
                if (rc < 0)
                    return rc;
                if (!S_ISDIR(st.mode))
                    return -ENOTDIR;
            }
        }
        *out = r;
        return 0;
    }
    vbuf res;
    vbuf_init(&res, cmd->heap);
    vbuf_addc(&res, '/');
    /* rest holds what is left to resolve. */
    char *rest = abs;
    int links = 0;
    while (*rest) {
        while (*rest == '/')
            rest++;
        if (!*rest)
            break;
        char *e = rest;
        while (*e && *e != '/')
            e++;
        size_t l = (size_t)(e - rest);
        if (l == 1 && rest[0] == '.') {
            rest = e;
            continue;
        }
        if (l == 2 && rest[0] == '.' && rest[1] == '.') {
            fs__pop(&res);
            rest = e;
            continue;
        }
        size_t save = res.len;
        if (res.len > 1)
            vbuf_addc(&res, '/');
        vbuf_add(&res, rest, l);
        if (res.failed)
            return -ENOMEM;
        bool last = true;
        for (const char *q = e; *q; q++)
            if (*q != '/') {
                last = false;
                break;
            }
        vfs_stat_t st;
        int rc = vfs_lstat(cmd->vfs, res.data, &st);
        if (rc < 0) {
            if (can == FS_CAN_MISSING || (rc == -ENOENT && can == FS_CAN_ALL_BUT_LAST && last)) {
                rest = e;
                continue;
            }
            return rc;
        }
        if (S_ISLNK(st.mode)) {
            if (++links > 40)
                return -ELOOP;
            char *target;
            rc = vfs_readlink(cmd->vfs, res.data, cmd->heap, &target);
            if (rc < 0)
                return rc;
            res.len = save;
            res.data[res.len] = 0;
            if (target[0] == '/') {
                res.len = 1;
                res.data[1] = 0;
            }
            rest = mem_printf(cmd->heap, "%s%s", target, e);
            if (!rest)
                return -ENOMEM;
            continue;
        }
        if (!S_ISDIR(st.mode) && !last && can != FS_CAN_MISSING)
            return -ENOTDIR;
        rest = e;
    }
    /* A trailing slash on a non-directory is an error for existing modes. */
    *out = (char *)vbuf_str(&res);
    return 0;
}

char *fs_relpath(mem_heap *h, const char *to, const char *from)
{
    /* common prefix by components */
    size_t i = 0, lastslash = 0;
    if (strcmp(from, "/") == 0) {
        lastslash = 0;
        i = 1;
        if (strcmp(to, "/") == 0)
            return mem_strdup(h, ".");
        return mem_strdup(h, to + 1);
    }
    while (from[i] && to[i] && from[i] == to[i]) {
        if (from[i] == '/')
            lastslash = i;
        i++;
    }
    size_t common;
    if (from[i] == 0 && (to[i] == '/' || to[i] == 0))
        common = i;
    else if (to[i] == 0 && from[i] == '/')
        common = i;
    else
        common = lastslash;
    vbuf b;
    vbuf_init(h ? &b : &b, h);
    /* ups: components of from after common */
    for (const char *p = from + common; *p; p++)
        if (*p == '/') {
            if (b.len)
                vbuf_addc(&b, '/');
            vbuf_adds(&b, "..");
        }
    const char *down = to + common;
    if (*down == '/')
        down++;
    if (*down) {
        if (b.len)
            vbuf_addc(&b, '/');
        vbuf_adds(&b, down);
    }
    if (!b.len)
        vbuf_addc(&b, '.');
    return (char *)vbuf_str(&b);
}

/* ------------------------------------------------------------------ ids */

static void fs__ids_load(vb_cmd *cmd, fs_ids *ids)
{
    if (ids->loaded)
        return;
    ids->loaded = true;
    if (vfs_read_all(cmd->vfs, "/etc/passwd", cmd->heap, &ids->passwd, &ids->plen) < 0)
        ids->passwd = NULL, ids->plen = 0;
    if (vfs_read_all(cmd->vfs, "/etc/group", cmd->heap, &ids->group, &ids->glen) < 0)
        ids->group = NULL, ids->glen = 0;
}

/* Finds the line of a colon file whose field `field` equals key; returns the
 * line (heap copy, NUL-terminated) or NULL. */
static char *fs__lookup(vb_cmd *cmd, const char *data, size_t len, int field, const char *key)
{
    size_t kl = strlen(key);
    const char *p = data, *end = data + len;
    while (p && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *f = p;
        for (int i = 0; i < field && f < le; i++) {
            const char *c = memchr(f, ':', (size_t)(le - f));
            f = c ? c + 1 : le;
        }
        const char *fe = memchr(f, ':', (size_t)(le - f));
        if (!fe)
            fe = le;
        if ((size_t)(fe - f) == kl && memcmp(f, key, kl) == 0 && f < le)
            return mem_strndup(cmd->heap, p, (size_t)(le - p));
        p = nl ? nl + 1 : NULL;
    }
    return NULL;
}

static char *fs__field(vb_cmd *cmd, const char *line, int field)
{
    const char *f = line;
    for (int i = 0; i < field; i++) {
        f = strchr(f, ':');
        if (!f)
            return NULL;
        f++;
    }
    const char *e = strchr(f, ':');
    return mem_strndup(cmd->heap, f, e ? (size_t)(e - f) : strlen(f));
}

const char *fs_user_name(vb_cmd *cmd, fs_ids *ids, uint32_t uid)
{
    fs__ids_load(cmd, ids);
    if (!ids->passwd)
        return NULL;
    char key[16];
    snprintf(key, sizeof key, "%u", uid);
    char *l = fs__lookup(cmd, ids->passwd, ids->plen, 2, key);
    return l ? fs__field(cmd, l, 0) : NULL;
}

const char *fs_group_name(vb_cmd *cmd, fs_ids *ids, uint32_t gid)
{
    fs__ids_load(cmd, ids);
    if (!ids->group)
        return NULL;
    char key[16];
    snprintf(key, sizeof key, "%u", gid);
    char *l = fs__lookup(cmd, ids->group, ids->glen, 2, key);
    return l ? fs__field(cmd, l, 0) : NULL;
}

static int fs__num(const char *s, uint32_t *out)
{
    if (!*s)
        return -ENOENT;
    uint64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -ENOENT;
        v = v * 10 + (uint64_t)(*p - '0');
        if (v > 0xfffffffeu)
            return -ENOENT;
    }
    *out = (uint32_t)v;
    return 0;
}

int fs_user_id(vb_cmd *cmd, fs_ids *ids, const char *name, uint32_t *uid)
{
    fs__ids_load(cmd, ids);
    char *l = ids->passwd && *name ? fs__lookup(cmd, ids->passwd, ids->plen, 0, name) : NULL;
    if (l) {
        char *f = fs__field(cmd, l, 2);
        if (f && fs__num(f, uid) == 0)
            return 0;
    }
    return fs__num(name, uid);
}

int fs_group_id(vb_cmd *cmd, fs_ids *ids, const char *name, uint32_t *gid)
{
    fs__ids_load(cmd, ids);
    char *l = ids->group && *name ? fs__lookup(cmd, ids->group, ids->glen, 0, name) : NULL;
    if (l) {
        char *f = fs__field(cmd, l, 2);
        if (f && fs__num(f, gid) == 0)
            return 0;
    }
    return fs__num(name, gid);
}

int fs_user_gid(vb_cmd *cmd, fs_ids *ids, uint32_t uid, uint32_t *gid)
{
    fs__ids_load(cmd, ids);
    if (!ids->passwd)
        return -ENOENT;
    char key[16];
    snprintf(key, sizeof key, "%u", uid);
    char *l = fs__lookup(cmd, ids->passwd, ids->plen, 2, key);
    char *f = l ? fs__field(cmd, l, 3) : NULL;
    return f ? fs__num(f, gid) : -ENOENT;
}

/* ------------------------------------------------------------------ time */

void fs_now(vb_cmd *cmd, struct timespec *ts)
{
    if (cmd->ops && cmd->ops->now)
        cmd->ops->now(cmd->shell, ts);
    else
        clock_gettime(CLOCK_REALTIME, ts);
}

void fs_localtime(vb_cmd *cmd, time_t t, struct tm *tm)
{
    /* the session's TZ (POSIX rules included) through the text helpers */
    tt_tm lt;
    tt_local(cmd, NULL, (int64_t)t, &lt);
    *tm = lt.tm;
    tm->tm_zone = mem_strdup(cmd->heap, lt.zone);
}

static int fs__days_from_civil(int64_t y, unsigned m, unsigned d, int64_t *days)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *days = era * 146097 + (int64_t)doe - 719468;
    return 0;
}

static int64_t fs__mktime_utc(int y, int mo, int d, int h, int mi, int s)
{
    int64_t days;
    fs__days_from_civil(y, (unsigned)mo, (unsigned)d, &days);
    return days * 86400 + h * 3600 + mi * 60 + s;
}

int fs_parse_date(vb_cmd *cmd, const char *s, struct timespec *out)
{
    struct timespec now;
    fs_now(cmd, &now);
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '@') {
        /* @SECONDS[.FRACTION], exact to the nanosecond */
        const char *p = s + 1;
        while (isspace((unsigned char)*p))
            p++;
        bool neg = false;
        if (*p == '-' || *p == '+')
            neg = *p++ == '-';
        if (!isdigit((unsigned char)*p))
            return -EINVAL;
        int64_t sec = 0;
        for (; isdigit((unsigned char)*p); p++) {
            if (sec > (INT64_MAX - 9) / 10)
                return -EINVAL;
            sec = sec * 10 + (*p - '0');
        }
        long ns = 0;
        if (*p == '.' || *p == ',') {
            p++;
            long scale = 100000000L;
            for (; isdigit((unsigned char)*p); p++) {
                ns += (*p - '0') * scale;
                scale /= 10;
            }
        }
        while (isspace((unsigned char)*p))
            p++;
        if (*p)
            return -EINVAL;
        if (neg) {
            sec = -sec;
            if (ns) {
                sec--;
                ns = 1000000000L - ns;
            }
        }
        out->tv_sec = (time_t)sec;
        out->tv_nsec = ns;
        return 0;
    }
    struct tm today;
    fs_localtime(cmd, now.tv_sec, &today);
    if (!strcmp(s, "now") || !*s) {
        *out = now;
        return 0;
    }
    if (!strcmp(s, "today")) {
        *out = now;
        return 0;
    }
    if (!strcmp(s, "yesterday") || !strcmp(s, "tomorrow")) {
        *out = now;
        out->tv_sec += s[0] == 'y' ? -86400 : 86400;
        return 0;
    }
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    long nsec = 0;
    const char *p = s;
    bool has_date = false;
    y = today.tm_year + 1900;
    mo = today.tm_mon + 1;
    d = today.tm_mday;
    if (sscanf(p, "%d-%d-%d%n", &y, &mo, &d, &n) == 3 && n >= 8) {
        if (mo < 1 || mo > 12 || d < 1 || d > 31)
            return -EINVAL;
        p += n;
        has_date = true;
        if (*p == 'T' || *p == ' ')
            p++;
        while (*p == ' ')
            p++;
    }
    bool has_time = false;
    if (isdigit((unsigned char)*p)) {
        n = 0;
        if (sscanf(p, "%d:%d%n", &h, &mi, &n) == 2) {
            p += n;
            has_time = true;
            if (*p == ':') {
                int n2 = 0;
                if (sscanf(p + 1, "%d%n", &sec, &n2) != 1)
                    return -EINVAL;
                p += 1 + n2;
                if (*p == '.' || *p == ',') {
                    p++;
                    long scale = 100000000L;
                    while (isdigit((unsigned char)*p)) {
                        nsec += (*p - '0') * scale;
                        scale /= 10;
                        p++;
                    }
                }
            }
        } else {
            return -EINVAL;
        }
    }
    if (!has_date && !has_time) {
        /* "N unit(s) [ago]" relative to now */
        char unit[16];
        long num = 1;
        int k = 0;
        if (sscanf(p, "%ld %15s%n", &num, unit, &k) != 2) {
            num = 1;
            if (sscanf(p, "%15s%n", unit, &k) != 1)
                return -EINVAL;
        }
        p += k;
        while (*p == ' ')
            p++;
        if (!strcmp(p, "ago"))
            num = -num;
        else if (*p)
            return -EINVAL;
        size_t ul = strlen(unit);
        if (ul > 1 && unit[ul - 1] == 's')
            unit[--ul] = 0;
        long mult;
        if (!strcmp(unit, "sec") || !strcmp(unit, "second")) mult = 1;
        else if (!strcmp(unit, "min") || !strcmp(unit, "minute")) mult = 60;
        else if (!strcmp(unit, "hour")) mult = 3600;
        else if (!strcmp(unit, "day")) mult = 86400;
        else if (!strcmp(unit, "week")) mult = 7 * 86400;
        else if (!strcmp(unit, "fortnight")) mult = 14 * 86400;
        else return -EINVAL;
        *out = now;
        out->tv_sec += num * mult;
        return 0;
    }
    if (h > 24 || mi > 59 || sec > 60)
        return -EINVAL;
    int64_t zone = 0;
    bool zone_given = false;
    while (*p == ' ')
        p++;
    if (*p == 'Z' || !strcasecmp(p, "UTC") || !strcasecmp(p, "GMT")) {
        zone_given = true;
        p += *p == 'Z' ? 1 : 3;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1;
        int zh = 0, zm = 0, k = 0;
        p++;
        if (sscanf(p, "%2d:%2d%n", &zh, &zm, &k) == 2 || sscanf(p, "%2d%2d%n", &zh, &zm, &k) == 2) {
            p += k;
        } else if (sscanf(p, "%2d%n", &zh, &k) == 1) {
            p += k;
        } else {
            return -EINVAL;
        }
        zone = sign * (zh * 3600 + zm * 60);
        zone_given = true;
    }
    if (*p)
        return -EINVAL;
    if (zone_given) {
        out->tv_sec = (time_t)(fs__mktime_utc(y, mo, d, h, mi, sec) - zone);
    } else {
        struct tm lt;
        memset(&lt, 0, sizeof lt);
        lt.tm_year = y - 1900;
        lt.tm_mon = mo - 1;
        lt.tm_mday = d;
        lt.tm_hour = h;
        lt.tm_min = mi;
        lt.tm_sec = sec;
        lt.tm_isdst = -1;
        out->tv_sec = (time_t)tt_mktime(cmd, NULL, &lt);
    }
    out->tv_nsec = nsec;
    return 0;
}

/* ------------------------------------------------------------------ dirs */

int fs_list_dir(vb_cmd *cmd, const char *abs, char ***names, size_t *n)
{
    vfs_dir *d;
    int rc = vfs_opendir(cmd->vfs, abs, &d);
    if (rc < 0)
        return rc;
    size_t cap = 16, cnt = 0;
    char **v = mem_alloc(cmd->heap, cap * sizeof *v);
    if (!v) {
        vfs_closedir(d);
        return -ENOMEM;
    }
    vfs_dirent ent;
    while ((rc = vfs_readdir(d, &ent)) > 0) {
        if (cnt == cap) {
            cap *= 2;
            char **nv = mem_realloc(cmd->heap, v, cap * sizeof *v);
            if (!nv) {
                rc = -ENOMEM;
                break;
            }
            v = nv;
        }
        v[cnt] = mem_strdup(cmd->heap, ent.name);
        if (!v[cnt]) {
            rc = -ENOMEM;
            break;
        }
        cnt++;
    }
    vfs_closedir(d);
    if (rc < 0)
        return rc;
    *names = v;
    *n = cnt;
    return 0;
}

void fs_free_names(vb_cmd *cmd, char **names, size_t n)
{
    if (!names)
        return;
    for (size_t i = 0; i < n; i++)
        mem_free(cmd->heap, names[i]);
    mem_free(cmd->heap, names);
}

typedef struct fs__walk {
    vb_cmd *cmd;
    int flags;
    fs_walk_fn fn;
    void *ctx;
    uint64_t dev;
} fs__walk;

static int fs__walk_rec(fs__walk *w, const char *path, const char *abs, int depth)
{
    vb_cmd *cmd = w->cmd;
    if (bi_cancelled(cmd))
        return -ECANCELED;
    fs_walk_ent e;
    memset(&e, 0, sizeof e);
    e.path = path;
    e.abs = abs;
    e.depth = depth;
    bool follow = (w->flags & FS_WALK_FOLLOW_ALL) || (depth == 0 && (w->flags & FS_WALK_FOLLOW_ROOT));
    e.err = follow ? vfs_stat(cmd->vfs, abs, &e.st) : vfs_lstat(cmd->vfs, abs, &e.st);
    if (e.err < 0 && follow)
        e.err = vfs_lstat(cmd->vfs, abs, &e.st) < 0 ? e.err : e.err;
    if (depth == 0)
        w->dev = e.st.dev;
    int rc = w->fn(w->ctx, &e);
    if (rc != 0 || e.err < 0 || !S_ISDIR(e.st.mode))
        return rc < 0 ? rc : 0;
    if ((w->flags & FS_WALK_XDEV) && e.st.dev != w->dev)
        return 0;
    char **names;
    size_t n;
    int drc = fs_list_dir(cmd, abs, &names, &n);
    if (drc < 0) {
        if (drc == -ENOMEM)
            return drc;
        e.dir_err = drc;
        rc = w->fn(w->ctx, &e);
        return rc < 0 ? rc : 0;
    }
    for (size_t i = 0; i < n; i++) {
        char *cp = fs_join(cmd->heap, path, names[i]);
        char *ca = fs_join(cmd->heap, abs, names[i]);
        if (!cp || !ca)
            return -ENOMEM;
        rc = fs__walk_rec(w, cp, ca, depth + 1);
        mem_free(cmd->heap, cp);
        mem_free(cmd->heap, ca);
        if (rc < 0) {
            fs_free_names(cmd, names, n);
            return rc;
        }
    }
    fs_free_names(cmd, names, n);
    if (w->flags & FS_WALK_POST) {
        /* refresh the directory's metadata (its entries may be gone) */
        vfs_stat_t st;
        if ((follow ? vfs_stat(cmd->vfs, abs, &st) : vfs_lstat(cmd->vfs, abs, &st)) == 0)
            e.st = st;
        e.post = true;
        rc = w->fn(w->ctx, &e);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int fs_walk(vb_cmd *cmd, const char *operand, int flags, fs_walk_fn fn, void *ctx)
{
    fs__walk w = {.cmd = cmd, .flags = flags, .fn = fn, .ctx = ctx};
    char *abs = bi_path(cmd, operand);
    if (!abs)
        return -ENOMEM;
    return fs__walk_rec(&w, operand, abs, 0);
}
