/*
 * stat: display file or file system status. Reference: GNU coreutils 9
 * stat. -L, -f (the VFS as a file system), -t, -c/--format, --printf
 * (backslash escapes, no added newline), GNU's default layouts and its
 * sequences: %a %A %b %B %d %D %f %F %g %G %h %i %m %n %N %o %s %t %T %u %U
 * %w %W %x %X %y %Y %z %Z %C, %Hd %Ld %Hr %Lr, with printf flags, width and
 * precision (%.3Y); -f: %a %b %c %d %f %i %l %n %s %S %t %T.
 * Deviations: %C (SELinux context) prints "?"; the file system type is
 * "vbashfs" (0x76626673) for the memory file system.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("stat", bi_stat, BI_UTIL)
int bi_stat(vb_cmd *cmd);

static const char stat__help[] =
    "Usage: stat [OPTION]... FILE...\n"
    "Display file or file system status.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -L, --dereference     follow links\n"
    "  -f, --file-system     display file system status instead of file status\n"
    "      --cached=MODE     specify how to use cached attributes;\n"
    "                          useful on remote file systems. See MODE below\n"
    "  -c  --format=FORMAT   use the specified FORMAT instead of the default;\n"
    "                          output a newline after each use of FORMAT\n"
    "      --printf=FORMAT   like --format, but interpret backslash escapes,\n"
    "                          and do not output a mandatory trailing newline;\n"
    "                          if you want a newline, include \\n in FORMAT\n"
    "  -t, --terse           print the information in terse form\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { STAT_PRINTF = 256, STAT_CACHED };
static const bi_longopt stat__longs[] = {
    {"dereference", 0, 'L'}, {"file-system", 0, 'f'}, {"cached", 1, STAT_CACHED},
    {"format", 1, 'c'}, {"printf", 1, STAT_PRINTF}, {"terse", 0, 't'}, {0},
};

#define STAT_FSTYPE 0x76626673u

typedef struct stat__ctx {
    vb_cmd *cmd;
    fs_ids ids;
    const char *name;
    const char *abs;
    vfs_stat_t st;
    vfs_statfs_t sf;
    bool default_fmt;   /* GNU's own layout quotes %N only when needed */
} stat__ctx;

static void stat__out_str(vb_cmd *cmd, const char *spec, size_t sl, const char *s)
{
    char f[64];
    snprintf(f, sizeof f, "%%%.*ss", (int)(sl > 40 ? 40 : sl), spec);
    /* flags that only make sense for numbers are harmless with %s */
    char *o = mem_printf(cmd->heap, f, s);
    bi_outs(cmd, o ? o : s);
}

static void stat__out_u(vb_cmd *cmd, const char *spec, size_t sl, unsigned long long v)
{
    char f[64];
    snprintf(f, sizeof f, "%%%.*sllu", (int)(sl > 40 ? 40 : sl), spec);
    char *o = mem_printf(cmd->heap, f, v);
    if (o)
        bi_outs(cmd, o);
}

static void stat__out_x(vb_cmd *cmd, const char *spec, size_t sl, unsigned long long v)
{
    char f[64];
    snprintf(f, sizeof f, "%%%.*sllx", (int)(sl > 40 ? 40 : sl), spec);
    char *o = mem_printf(cmd->heap, f, v);
    if (o)
        bi_outs(cmd, o);
}

static void stat__out_o(vb_cmd *cmd, const char *spec, size_t sl, unsigned long long v)
{
    char f[64];
    snprintf(f, sizeof f, "%%%.*sllo", (int)(sl > 40 ? 40 : sl), spec);
    char *o = mem_printf(cmd->heap, f, v);
    if (o)
        bi_outs(cmd, o);
}

static char *stat__human_time(vb_cmd *cmd, const struct timespec *ts)
{
    struct tm tm;
    fs_localtime(cmd, ts->tv_sec, &tm);
    char b[64], z[16];
    strftime(b, sizeof b, "%Y-%m-%d %H:%M:%S", &tm);
    strftime(z, sizeof z, "%z", &tm);
    return mem_printf(cmd->heap, "%s.%09ld %s", b, ts->tv_nsec, z);
}

/* Seconds with an optional precision: %.3Y -> "1700000000.123". */
static void stat__out_secs(vb_cmd *cmd, const char *spec, size_t sl, const struct timespec *ts)
{
    const char *dot = memchr(spec, '.', sl);
    if (!dot) {
        char f[64];
        snprintf(f, sizeof f, "%%%.*slld", (int)(sl > 40 ? 40 : sl), spec);
        char *o = mem_printf(cmd->heap, f, (long long)ts->tv_sec);
        if (o)
            bi_outs(cmd, o);
        return;
    }
    int prec = 0;
    for (const char *p = dot + 1; p < spec + sl && *p >= '0' && *p <= '9'; p++)
        prec = prec * 10 + (*p - '0');
    if (dot + 1 == spec + sl)
        prec = 9;
    if (prec > 9)
        prec = 9;
    char num[64];
    if (prec == 0) {
        snprintf(num, sizeof num, "%lld", (long long)ts->tv_sec);
    } else {
        char ns[16];
        snprintf(ns, sizeof ns, "%09ld", ts->tv_nsec);
        snprintf(num, sizeof num, "%lld.%.*s", (long long)ts->tv_sec, prec, ns);
    }
    /* width and flags apply to the whole number */
    char f[64];
    snprintf(f, sizeof f, "%%%.*ss", (int)(dot - spec), spec);
    char *o = mem_printf(cmd->heap, f, num);
    if (o)
        bi_outs(cmd, o);
}

static void stat__file_seq(stat__ctx *c, char conv, char mod, const char *spec, size_t sl)
{
    vb_cmd *cmd = c->cmd;
    const vfs_stat_t *st = &c->st;
    char ms[11];
    switch (conv) {
    case 'a': stat__out_o(cmd, spec, sl, st->mode & 07777); break;
    case 'A': fs_mode_string(st->mode, ms); stat__out_str(cmd, spec, sl, ms); break;
    case 'b': stat__out_u(cmd, spec, sl, st->blocks); break;
    case 'B': stat__out_u(cmd, spec, sl, 512); break;
    case 'C': stat__out_str(cmd, spec, sl, "?"); break;
    case 'd':
        if (mod == 'H') stat__out_u(cmd, spec, sl, major(st->dev));
        else if (mod == 'L') stat__out_u(cmd, spec, sl, minor(st->dev));
        else stat__out_u(cmd, spec, sl, st->dev);
        break;
    case 'D': stat__out_x(cmd, spec, sl, st->dev); break;
    case 'f': stat__out_x(cmd, spec, sl, st->mode); break;
    case 'F': stat__out_str(cmd, spec, sl, fs_type_name(st)); break;
    case 'g': stat__out_u(cmd, spec, sl, st->gid); break;
    case 'G': {
        const char *g = fs_group_name(cmd, &c->ids, st->gid);
        stat__out_str(cmd, spec, sl, g ? g : "UNKNOWN");
        break;
    }
    case 'h': stat__out_u(cmd, spec, sl, st->nlink); break;
    case 'i': stat__out_u(cmd, spec, sl, st->ino); break;
    case 'm': stat__out_str(cmd, spec, sl, "/"); break;
    case 'n': stat__out_str(cmd, spec, sl, c->name); break;
    case 'N': {
        const char *q = c->default_fmt ? fs_qf(cmd, c->name) : fs_q(cmd, c->name);
        if (S_ISLNK(st->mode)) {
            char *t;
            if (vfs_readlink(cmd->vfs, c->abs, cmd->heap, &t) >= 0)
                q = mem_printf(cmd->heap, "%s -> %s", q,
                               c->default_fmt ? fs_qf(cmd, t) : fs_q(cmd, t));
        }
        stat__out_str(cmd, spec, sl, q);
        break;
    }
    case 'o': stat__out_u(cmd, spec, sl, 4096); break;
    case 's': stat__out_u(cmd, spec, sl, st->size); break;
    case 'r':
        if (mod == 'H') stat__out_u(cmd, spec, sl, major(st->rdev));
        else if (mod == 'L') stat__out_u(cmd, spec, sl, minor(st->rdev));
        else stat__out_u(cmd, spec, sl, st->rdev);
        break;
    case 'R': stat__out_x(cmd, spec, sl, st->rdev); break;
    case 't': stat__out_x(cmd, spec, sl, major(st->rdev)); break;
    case 'T': stat__out_x(cmd, spec, sl, minor(st->rdev)); break;
    case 'u': stat__out_u(cmd, spec, sl, st->uid); break;
    case 'U': {
        const char *u = fs_user_name(cmd, &c->ids, st->uid);
        stat__out_str(cmd, spec, sl, u ? u : "UNKNOWN");
        break;
    }
    case 'w':
        if (st->btime.tv_sec == 0 && st->btime.tv_nsec == 0)
            stat__out_str(cmd, spec, sl, "-");
        else
            stat__out_str(cmd, spec, sl, stat__human_time(cmd, &st->btime));
        break;
    case 'W': stat__out_secs(cmd, spec, sl, &st->btime); break;
    case 'x': stat__out_str(cmd, spec, sl, stat__human_time(cmd, &st->atime)); break;
    case 'X': stat__out_secs(cmd, spec, sl, &st->atime); break;
    case 'y': stat__out_str(cmd, spec, sl, stat__human_time(cmd, &st->mtime)); break;
    case 'Y': stat__out_secs(cmd, spec, sl, &st->mtime); break;
    case 'z': stat__out_str(cmd, spec, sl, stat__human_time(cmd, &st->ctime)); break;
    case 'Z': stat__out_secs(cmd, spec, sl, &st->ctime); break;
    default:
        bi_outc(cmd, '?');
        break;
    }
}

static void stat__fs_seq(stat__ctx *c, char conv, const char *spec, size_t sl)
{
    vb_cmd *cmd = c->cmd;
    const vfs_statfs_t *f = &c->sf;
    uint64_t bs = 4096;
    uint64_t total = f->total_bytes / bs, freeb = (f->total_bytes - f->used_bytes) / bs;
    switch (conv) {
    case 'a': stat__out_u(cmd, spec, sl, freeb); break;
    case 'b': stat__out_u(cmd, spec, sl, total); break;
    case 'c': stat__out_u(cmd, spec, sl, f->total_inodes); break;
    case 'd': stat__out_u(cmd, spec, sl, f->total_inodes - f->used_inodes); break;
    case 'f': stat__out_u(cmd, spec, sl, freeb); break;
    case 'i': stat__out_x(cmd, spec, sl, 0); break;
    case 'l': stat__out_u(cmd, spec, sl, 255); break;
    case 'n': stat__out_str(cmd, spec, sl, c->name); break;
    case 's': stat__out_u(cmd, spec, sl, bs); break;
    case 'S': stat__out_u(cmd, spec, sl, bs); break;
    case 't': stat__out_x(cmd, spec, sl, STAT_FSTYPE); break;
    case 'T': stat__out_str(cmd, spec, sl, "vbashfs"); break;
    default: bi_outc(cmd, '?'); break;
    }
}

/* Backslash escapes of --printf. Returns bytes consumed after the '\'. */
static size_t stat__escape(vb_cmd *cmd, const char *p)
{
    switch (*p) {
    case 'a': bi_outc(cmd, '\a'); return 1;
    case 'b': bi_outc(cmd, '\b'); return 1;
    case 'e': bi_outc(cmd, '\033'); return 1;
    case 'f': bi_outc(cmd, '\f'); return 1;
    case 'n': bi_outc(cmd, '\n'); return 1;
    case 'r': bi_outc(cmd, '\r'); return 1;
    case 't': bi_outc(cmd, '\t'); return 1;
    case 'v': bi_outc(cmd, '\v'); return 1;
    case '\\': bi_outc(cmd, '\\'); return 1;
    case '"': bi_outc(cmd, '"'); return 1;
    case 'x': {
        int v = 0, n = 0;
        const char *q = p + 1;
        while (n < 2 && ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F'))) {
            v = v * 16 + (*q <= '9' ? *q - '0' : (*q | 0x20) - 'a' + 10);
            q++;
            n++;
        }
        if (n == 0) {
            bi_err(cmd, "warning: unrecognized escape '\\x'");
            bi_outc(cmd, 'x');
            return 1;
        }
        bi_outc(cmd, (char)v);
        return 1 + (size_t)n;
    }
    case 0:
        bi_err(cmd, "warning: backslash at end of format");
        bi_outc(cmd, '\\');
        return 0;
    default:
        if (*p >= '0' && *p <= '7') {
            int v = 0, n = 0;
            while (n < 3 && p[n] >= '0' && p[n] <= '7') {
                v = v * 8 + (p[n] - '0');
                n++;
            }
            bi_outc(cmd, (char)v);
            return (size_t)n;
        }
        bi_err(cmd, "warning: unrecognized escape '\\%c'", *p);
        bi_outc(cmd, '\\');
        bi_outc(cmd, *p);
        return 1;
    }
}

/* Prints fmt for one file; false after GNU's fatal "invalid directive"
 * (a lone "%" prints itself, "%5" or "%-%" is an error). */
static bool stat__format(stat__ctx *c, const char *fmt, bool fs, bool escapes)
{
    vb_cmd *cmd = c->cmd;
    for (const char *p = fmt; *p; p++) {
        if (*p == '\\' && escapes) {
            p += stat__escape(cmd, p + 1);
            continue;
        }
        if (*p != '%') {
            bi_outc(cmd, *p);
            continue;
        }
        const char *spec = p + 1;
        const char *q = spec;
        while (*q && strchr("-#0 +'", *q))
            q++;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == '.') {
            q++;
            while (*q >= '0' && *q <= '9')
                q++;
        }
        size_t sl = (size_t)(q - spec);
        char mod = 0;
        if ((*q == 'H' || *q == 'L') && !fs && (q[1] == 'd' || q[1] == 'r'))
            mod = *q++;
        if (!*q || *q == '%') {
            if (sl || mod) {
                char *d = mem_printf(cmd->heap, "%%%.*s%s", (int)(q - spec), spec, *q ? "%" : "");
                bi_err(cmd, "%s: invalid directive", fs_lq(cmd, d ? d : "%"));
                return false;
            }
            bi_outc(cmd, '%');
            if (!*q)
                return true;
            p = q;
            continue;
        }
        if (fs)
            stat__fs_seq(c, *q, spec, sl);
        else
            stat__file_seq(c, *q, mod, spec, sl);
        p = q;
    }
    return true;
}

int bi_stat(vb_cmd *cmd)
{
    bool follow = false, fs = false, terse = false, escapes = false;
    const char *fmt = NULL;
    bool newline = false;   /* -c: a newline after each file's output */
    bi_opt o;
    bi_opt_init(&o, cmd, "c:fLt", stat__longs, stat__help);
    int ch;
    while ((ch = bi_opt_next(&o)) != BI_OPT_END) {
        switch (ch) {
        case 'c': fmt = o.arg; escapes = false; newline = true; break;
        case STAT_PRINTF: fmt = o.arg; escapes = true; newline = false; break;
        case 'f': fs = true; break;
        case 'L': follow = true; break;
        case 't': terse = true; break;
        case STAT_CACHED: break; /* every attribute is current in memory */
        default: return bi_done(cmd, o.status);
        }
    }
    if (o.ind >= cmd->argc)
        return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
    int status = 0;
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        stat__ctx c;
        memset(&c, 0, sizeof c);
        c.cmd = cmd;
        c.name = cmd->argv[i];
        c.abs = bi_path(cmd, c.name);
        const char *f = fmt;
        if (fs) {
            int rc = vfs_statfs(cmd->vfs, c.abs, &c.sf);
            if (rc < 0) {
                status = fs_errf(cmd, rc, "cannot read file system information for %s", fs_q(cmd, c.name));
                continue;
            }
            if (!f)
                f = terse ? "%n %i %l %t %s %S %b %f %a %c %d\n"
                          : "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\n"
                            "Block size: %-10s Fundamental block size: %S\n"
                            "Blocks: Total: %-10b Free: %-10f Available: %a\n"
                            "Inodes: Total: %-10c Free: %d\n";
            if (!stat__format(&c, f, true, escapes))
                return bi_done(cmd, 1);
            if (fmt && newline)
                bi_outc(cmd, '\n');
            continue;
        }
        int rc = follow ? vfs_stat(cmd->vfs, c.abs, &c.st) : vfs_lstat(cmd->vfs, c.abs, &c.st);
        if (rc < 0) {
            status = fs_errf(cmd, rc, "cannot statx %s", fs_q(cmd, c.name));
            continue;
        }
        if (!f) {
            if (terse)
                f = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
            else if (S_ISCHR(c.st.mode) || S_ISBLK(c.st.mode))
                f = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
                    "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
                    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
                    "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
            else
                f = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
                    "Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
                    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
                    "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
            c.default_fmt = !terse;
        }
        if (!stat__format(&c, f, false, escapes))
            return bi_done(cmd, 1);
        if (fmt && newline)
            bi_outc(cmd, '\n');
    }
    return bi_done(cmd, status);
}
