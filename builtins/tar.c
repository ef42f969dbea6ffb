/*
 * tar — create, list and extract tape archives on the VFS.
 *
 * Reference: GNU tar 1.34. Modes -c -t -x -r -u --delete; -f (- is standard
 * input/output), -z (gzip through zlib; compressed input is also recognised
 * by its magic), -C, -v (-vv: long listing on extract), -p, -k, -O, -T,
 * --strip-components, --exclude, --numeric-owner, --owner, --group, --mtime
 * (a date, or a file's time when it starts with / or .), --sort=name, -h,
 * -b N, --format=gnu|oldgnu|ustar (ustar: long names split into the prefix
 * field, GNU's "not dumped" errors), --full-time, --utc, --overwrite,
 * --skip-old-files, --keep-newer-files, -U, -m, --no-same-permissions,
 * -X/--exclude-from, --exclude-vcs, --transform/--xform (builtins/tar_xform.c)
 * with --show-transformed-names, -A/--catenate/--concatenate (each file copied
 * whole, its end-of-archive blocks included, as GNU's append_file), and
 * --to-command (each regular member's data piped to a shell command with
 * GNU's TAR_* variables; a status other than 0 is "Child returned status N"
 * and an error, a signal only a message, as GNU 1.34; the number in these
 * messages is the shell's BASHPID, where GNU gives the child's pid).
 * Listed names are quoted in GNU's "escape" style (backslash, control
 * characters); -t lists the names as stored. -P/--absolute-names, --mode
 * (chmod-style, for added files), --remove-files (what was archived is
 * removed at the end, directories after their contents), --null,
 * --ignore-failed-read. Operands match the stored names, as GNU's
 * name_match. -d/--diff/--compare as GNU's diff_archive (type, mode, uid,
 * gid, time, size, contents, symlink target, hard link; a missing file is
 * a warning; status 1 on differences). --exclude-caches[-under|-all] and
 * --exclude-tag[-under|-all]=FILE as GNU (CACHEDIR.TAG's signature checked).
 * Archives are written in GNU format ("ustar  " magic, 'L'/'K' headers for
 * names and link targets longer than 100 bytes) in 10240-byte records;
 * reading accepts GNU, ustar (with prefix) and pax ('x' path/linkpath)
 * headers. Members with ".." components are refused, leading slashes
 * removed, as GNU.
 *
 * Names on -t/-x/--delete and --exclude patterns match as GNU's
 * exclude_fnmatch: operands are literal, anchored and match leading
 * directories by default; --exclude patterns are globs matched after any
 * '/' with '*' crossing slashes. --wildcards, --no-wildcards, --anchored,
 * --no-anchored, --ignore-case, --[no-]wildcards-match-slash and
 * --[no-]recursion apply to the operands and --exclude options after them.
 * A member is taken by the first operand that matches it.
 *
 * -r and -u rewrite the archive from its end-of-archive blocks, in the
 * record that holds them, as GNU does; -u first drops the operands whose
 * member is as new as the file (a directory gives way to its entries).
 * --delete moves the members kept up in place and truncates the archive.
 *
 * -C applies to the operands after it on create; on extract and list the
 * last -C is the target directory.
 *
 * Deviations: directory entries are archived in name order (as
 * --sort=name); no bzip2/xz, no posix/pax/v7 formats (refused),
 * a blocking factor above 65536 is refused.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/tar_int.h"
#include "builtins/tar_xform.h"

VB_BUILTIN("tar", bi_tar, BI_UTIL)


static const char tar_help[] =
    "Usage: tar [OPTION...] [FILE]...\n"
    "GNU 'tar' saves many files together into a single tape or disk archive, and can\n"
    "restore individual files from the archive.\n"
    "\n"
    "  -c, --create               create a new archive\n"
    "  -t, --list                 list the contents of an archive\n"
    "  -x, --extract, --get       extract files from an archive\n"
    "  -r, --append               append files to the end of an archive\n"
    "  -u, --update               only append files newer than copy in archive\n"
    "      --delete               delete from the archive (not on mag tapes!)\n"
    "  -A, --catenate, --concatenate   append tar files to an archive\n"
    "  -d, --diff, --compare      find differences between archive and file system\n"
    "  -f, --file=ARCHIVE         use archive file or device ARCHIVE\n"
    "  -z, --gzip                 filter the archive through gzip\n"
    "  -C, --directory=DIR        change to directory DIR\n"
    "  -v, --verbose              verbosely list files processed\n"
    "  -p, --preserve-permissions extract information about file permissions\n"
    "  -k, --keep-old-files       don't replace existing files when extracting\n"
    "  -O, --to-stdout            extract files to standard output\n"
    "  -T, --files-from=FILE      get names to extract or create from FILE\n"
    "      --strip-components=NUMBER   strip NUMBER leading components\n"
    "      --exclude=PATTERN      exclude files, given as a PATTERN\n"
    "      --numeric-owner        always use numbers for user/group names\n"
    "      --mtime=DATE-OR-FILE   set mtime for added files from DATE-OR-FILE\n"
    "      --anchored             patterns match file name start\n"
    "      --no-anchored          patterns match after any '/' (default for\n"
    "                             exclusion)\n"
    "      --ignore-case          ignore case\n"
    "      --no-ignore-case       case sensitive matching (default)\n"
    "      --wildcards            use wildcards (default for exclusion)\n"
    "      --no-wildcards         verbatim string matching\n"
    "      --wildcards-match-slash   wildcards match '/' (default for exclusion)\n"
    "      --no-wildcards-match-slash   wildcards do not match '/'\n"
    "      --recursion            recurse into directories (default)\n"
    "      --no-recursion         avoid descending automatically in directories\n"
    "  -h, --dereference          follow symlinks; archive the files they point to\n"
    "  -b, --blocking-factor=BLOCKS   BLOCKS x 512 bytes per record\n"
    "  -H, --format=FORMAT        create archive of the given format (gnu, oldgnu,\n"
    "                             ustar)\n"
    "      --full-time            print file time to its full resolution\n"
    "      --overwrite            overwrite existing files when extracting\n"
    "      --skip-old-files       don't replace existing files when extracting,\n"
    "                             silently skip over them\n"
    "      --keep-newer-files     don't replace existing files that are newer than\n"
    "                             their archive copies\n"
    "  -U, --unlink-first         remove each file prior to extracting over it\n"
    "  -m, --touch                don't extract file modified time\n"
    "      --no-same-permissions  apply the user's umask when extracting\n"
    "      --utc                  print file modification times in UTC\n"
    "  -X, --exclude-from=FILE    exclude patterns listed in FILE\n"
    "      --exclude-vcs          exclude version control system directories\n"
    "      --transform=EXPRESSION, --xform=EXPRESSION\n"
    "                             use sed replace EXPRESSION to transform file\n"
    "                             names\n"
    "      --show-transformed-names   show file or archive names after\n"
    "                             transformation\n"
    "      --to-command=COMMAND   pipe extracted files to another program\n"
    "  -P, --absolute-names       don't strip leading '/'s from file names\n"
    "      --remove-files         remove files after adding them to the archive\n"
    "      --null                 -T reads null-terminated names\n"
    "      --ignore-failed-read   do not exit with nonzero on unreadable files\n"
    "      --mode=CHANGES         force (symbolic) mode CHANGES for added files\n"
    "      --exclude-caches       exclude contents of directories containing\n"
    "                             CACHEDIR.TAG, except for the tag file itself\n"
    "      --exclude-caches-under exclude everything under directories containing\n"
    "                             CACHEDIR.TAG\n"
    "      --exclude-caches-all   exclude directories containing CACHEDIR.TAG\n"
    "      --exclude-tag=FILE     exclude contents of directories containing FILE,\n"
    "                             except for FILE itself\n"
    "      --exclude-tag-under=FILE   exclude everything under directories\n"
    "                             containing FILE\n"
    "      --exclude-tag-all=FILE exclude directories containing FILE\n";

enum { TAR_STRIP = 256, TAR_EXCLUDE, TAR_NUMERIC, TAR_OWNER, TAR_GROUP, TAR_SORT,
       TAR_NOSAME, TAR_MTIME, TAR_WILD, TAR_NOWILD, TAR_WSLASH, TAR_NOWSLASH, TAR_ANCH,
       TAR_NOANCH, TAR_ICASE, TAR_NOICASE, TAR_RECUR, TAR_NORECUR, TAR_DELETE, TAR_FULLTIME,
       TAR_OVERWRITE, TAR_SKIPOLD, TAR_KEEPNEWER, TAR_UTC, TAR_NOSAMEPERM, TAR_EXCLVCS,
       TAR_XFORM, TAR_SHOWX, TAR_SHOWSTORED, TAR_TOCMD, TAR_REMOVE, TAR_NULL, TAR_NONULL,
       TAR_IGNFAIL, TAR_MODE, TAR_XCACHE, TAR_XCACHE_U, TAR_XCACHE_A, TAR_XTAG, TAR_XTAG_U,
       TAR_XTAG_A };


/* ------------------------------------------------------------------ output */

static int tar_raw_write(tar *T, const void *p, size_t n)
{
    if (T->werr)
        return -1;
    if (T->wf) {
        ssize_t w = vfs_write(T->wf, p, n);
        if (w < 0) {
            T->werr = (int)w;
            return -1;
        }
        return 0;
    }
    if (!T->out) {
        if (bi_out(T->cmd, p, n) < 0) {
            T->werr = -1;
            return -1;
        }
        return 0;
    }
    ssize_t w = stream_write(T->out, p, n);
    if (w < 0) {
        T->werr = (int)w;
        return -1;
    }
    return 0;
}

static int tar_zflush(tar *T, int flush)
{
    int zr;
    do {
        T->zs.next_out = T->zbuf;
        T->zs.avail_out = TAR_CHUNK;
        zr = deflate(&T->zs, flush);
        size_t have = TAR_CHUNK - T->zs.avail_out;
        if (have && tar_raw_write(T, T->zbuf, have) < 0)
            return -1;
    } while (T->zs.avail_out == 0 || (flush == Z_FINISH && zr != Z_STREAM_END));
    return 0;
}

int tar_write(tar *T, const void *p, size_t n)
{
    T->written += n;
    if (!T->gzip)
        return tar_raw_write(T, p, n);
    T->zs.next_in = (unsigned char *)p;
    T->zs.avail_in = (uInt)n;
    return tar_zflush(T, Z_NO_FLUSH);
}

/* ------------------------------------------------------------------ input */

static int tar_raw_fill(tar *T, unsigned char *buf, size_t cap, size_t *got)
{
    ssize_t r = stream_read(T->in, buf, cap);
    if (r < 0) {
        T->rerr = (int)r;
        return -1;
    }
    *got = (size_t)r;
    return 0;
}

/* Reads exactly n bytes of the (decompressed) archive; false at its end. */
bool tar_read(tar *T, unsigned char *p, size_t n)
{
    while (n) {
        if (T->zin) {
            if (T->zin_end)
                return false;
            if (T->ipos >= T->ilen) {
                size_t got;
                if (tar_raw_fill(T, T->ibuf, TAR_CHUNK, &got) < 0 || got == 0) {
                    if (!T->rerr)
                        T->zerr = 1;
                    return false;
                }
                T->ilen = got;
                T->ipos = 0;
            }
            T->zs.next_in = T->ibuf + T->ipos;
            T->zs.avail_in = (uInt)(T->ilen - T->ipos);
            T->zs.next_out = p;
            T->zs.avail_out = (uInt)n;
            int zr = inflate(&T->zs, Z_NO_FLUSH);
            T->ipos = T->ilen - T->zs.avail_in;
            size_t have = n - T->zs.avail_out;
            p += have;
            n -= have;
            if (zr == Z_STREAM_END) {
                T->zin_end = true;
            } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
                T->zerr = 2;
                return false;
            }
        } else {
            if (T->ipos >= T->ilen) {
                if (T->ieof)
                    return false;
                size_t got;
                if (tar_raw_fill(T, T->ibuf, TAR_CHUNK, &got) < 0 || got == 0) {
                    T->ieof = true;
                    return false;
                }
                T->ilen = got;
                T->ipos = 0;
            }
            size_t k = T->ilen - T->ipos < n ? T->ilen - T->ipos : n;
            memcpy(p, T->ibuf + T->ipos, k);
            T->ipos += k;
            p += k;
            n -= k;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ headers */

static void tar_octal(char *dst, size_t width, uint64_t v)
{
    char tmp[32];
    if ((int64_t)v < 0) {
        /* base-256, two's complement over the whole field, as GNU stores
         * negative times */
        for (size_t k = 0; k < width; k++)
            dst[width - 1 - k] = (char)(k < 8 ? (v >> (8 * k)) & 0xff : 0xff);
        return;
    }
    snprintf(tmp, sizeof tmp, "%0*llo", (int)(width - 1), (unsigned long long)v);
    size_t l = strlen(tmp);
    if (l > width - 1) {
        /* base-256 */
        memset(dst, 0, width);
        dst[0] = (char)0x80;
        for (size_t i = width - 1; i > 0 && v; i--, v >>= 8)
            dst[i] = (char)(v & 0xff);
        return;
    }
    memcpy(dst, tmp, l + 1 > width ? width : l + 1);
}

static uint64_t tar_num(const unsigned char *p, size_t w)
{
    if (p[0] & 0x80) {
        /* base-256; 0x40 is the sign (two's complement) */
        uint64_t v = (p[0] & 0x40) ? ~(uint64_t)0 : 0;
        v = v << 6 | (p[0] & 0x3f);
        for (size_t i = 1; i < w; i++)
            v = v << 8 | p[i];
        return v;
    }
    uint64_t v = 0;
    size_t i = 0;
    while (i < w && (p[i] == ' ' || p[i] == 0))
        i++;
    for (; i < w && p[i] >= '0' && p[i] <= '7'; i++)
        v = v * 8 + (uint64_t)(p[i] - '0');
    return v;
}

static void tar_cksum(unsigned char *h)
{
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < TAR_BLOCK; i++)
        sum += h[i];
    snprintf((char *)h + 148, 8, "%06o", sum);
    h[155] = ' ';
}

static bool tar_cksum_ok(const unsigned char *h)
{
    unsigned sum = 0;
    int ssum = 0;
    for (int i = 0; i < TAR_BLOCK; i++) {
        unsigned char c = (i >= 148 && i < 156) ? ' ' : h[i];
        sum += c;
        ssum += (signed char)c;
    }
    uint64_t want = tar_num(h + 148, 8);
    return want == sum || (int64_t)want == ssum;
}

/* ustar: where a long name splits into prefix (<= 155) and name (<= 100),
 * or 0 when it cannot. */
static size_t tar_ustar_split(const char *name)
{
    size_t nl = strlen(name);
    if (nl > 256)
        return 0;
    for (size_t i = nl > 101 ? nl - 101 : 0; i < nl && i <= 155; i++)
        if (name[i] == '/' && i > 0 && nl - i - 1 <= 100 && nl - i - 1 > 0)
            return i;
    return 0;
}

static void tar_fill_header(tar *T, unsigned char *h, const char *name, const vfs_stat_t *st,
                            char type, const char *link, uint64_t size)
{
    vb_cmd *cmd = T->cmd;
    memset(h, 0, TAR_BLOCK);
    size_t nl = strlen(name);
    if (T->format == 'u' && nl > 100) {
        /* ustar: the part before a '/' goes to the prefix field */
        size_t cut = tar_ustar_split(name);
        memcpy(h + 345, name, cut);
        memcpy(h, name + cut + 1, nl - cut - 1);
    } else {
        memcpy(h, name, strnlen(name, 100));
    }
    tar_octal((char *)h + 100, 8, st->mode & 07777);
    uint32_t uid = T->have_owner ? T->owner_id : st->uid;
    uint32_t gid = T->have_group ? T->group_id : st->gid;
    tar_octal((char *)h + 108, 8, uid);
    tar_octal((char *)h + 116, 8, gid);
    tar_octal((char *)h + 124, 12, size);
    tar_octal((char *)h + 136, 12, (uint64_t)(T->mtime_force ? T->mtime : st->mtime.tv_sec));
    h[156] = (unsigned char)type;
    if (link)
        memcpy(h + 157, link, strnlen(link, 100));
    if (T->format == 'u') {
        memcpy(h + 257, "ustar\0" "00", 8);
        memcpy(h + 329, "0000000", 8);
        memcpy(h + 337, "0000000", 8);
    } else {
        memcpy(h + 257, "ustar  ", 8);
    }
    const char *un = T->owner ? T->owner : fs_user_name(cmd, &T->ids, uid);
    const char *gn = T->group ? T->group : fs_group_name(cmd, &T->ids, gid);
    if (T->numeric)
        un = gn = NULL;   /* GNU leaves the names out */
    if (un)
        memcpy(h + 265, un, strnlen(un, 31));
    if (gn)
        memcpy(h + 297, gn, strnlen(gn, 31));
    tar_cksum(h);
}

/* A GNU ././@LongLink member of type 'L' or 'K'. */
static int tar_longlink(tar *T, char type, const char *s)
{
    unsigned char h[TAR_BLOCK];
    vfs_stat_t st;
    memset(&st, 0, sizeof st);
    size_t n = strlen(s) + 1;
    memset(h, 0, sizeof h);
    memcpy(h, "././@LongLink", 13);
    memcpy(h + 100, "0000644", 7);
    memcpy(h + 108, "0000000", 7);
    memcpy(h + 116, "0000000", 7);
    tar_octal((char *)h + 124, 12, n);
    memcpy(h + 136, "00000000000", 11);
    h[156] = (unsigned char)type;
    memcpy(h + 257, "ustar  ", 8);
    if (!T->numeric) {
        /* GNU names uid and gid 0 here, unless --numeric-owner */
        const char *un = fs_user_name(T->cmd, &T->ids, 0), *gn = fs_group_name(T->cmd, &T->ids, 0);
        if (un)
            memcpy(h + 265, un, strnlen(un, 31));
        if (gn)
            memcpy(h + 297, gn, strnlen(gn, 31));
    }
    tar_cksum(h);
    if (tar_write(T, h, TAR_BLOCK) < 0)
        return -1;
    for (size_t off = 0; off < n; off += TAR_BLOCK) {
        unsigned char b[TAR_BLOCK];
        memset(b, 0, sizeof b);
        memcpy(b, s + off, n - off < TAR_BLOCK ? n - off : TAR_BLOCK);
        if (tar_write(T, b, TAR_BLOCK) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ helpers */

void tar_errmsg(tar *T, const char *fmt, ...)
{
    vbuf b;
    vbuf_init(&b, T->cmd->heap);
    vbuf_adds(&b, "tar: ");
    va_list ap;
    va_start(ap, fmt);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    vbuf_addc(&b, '\n');
    bi_errw(T->cmd, b.data, b.len);
    vbuf_free(&b);
}

/* One try of GNU's exclude_fnmatch matcher: fnmatch, or a plain comparison
 * (a leading directory of the name matches with FNM_LEADING_DIR). */
static bool tar_match1(const char *pat, const char *f, int flags)
{
    if (flags & TAR_M_WILD)
        return fnmatch(pat, f, flags & (FNM_PATHNAME | FNM_LEADING_DIR | FNM_CASEFOLD)) == 0;
    size_t pl = strlen(pat);
    if ((flags & FNM_CASEFOLD) ? strncasecmp(pat, f, pl) != 0 : strncmp(pat, f, pl) != 0)
        return false;
    return f[pl] == 0 || (f[pl] == '/' && (flags & FNM_LEADING_DIR));
}

/* GNU's exclude_fnmatch: unanchored patterns also match after each '/'. */
static bool tar_match(const char *pat, const char *f, int flags)
{
    if (tar_match1(pat, f, flags))
        return true;
    if (!(flags & TAR_M_ANCH))
        for (const char *p = f; *p; p++)
            if (*p == '/' && p[1] != '/' && tar_match1(pat, p + 1, flags))
                return true;
    return false;
}

/* GNU's fnmatch_pattern_has_wildcards (for the warning about them). */
static bool tar_has_wild(const char *s)
{
    for (; *s; s++) {
        if (*s == '\\') {
            if (s[1])
                s++;
        } else if (*s == '*' || *s == '?' || *s == '[' || *s == ']') {
            return true;
        }
    }
    return false;
}

static bool tar_excluded(tar *T, const char *name)
{
    if (!T->nexcl)
        return false;
    size_t l = strlen(name);
    while (l > 1 && name[l - 1] == '/')
        l--;
    char *nm = mem_strndup(T->cmd->heap, name, l);
    bool hit = false;
    for (size_t i = 0; i < T->nexcl && !hit; i++)
        hit = tar_match(T->excl[i].pat, nm, T->excl[i].flags);
    mem_free(T->cmd->heap, nm);
    return hit;
}

/* Member name as GNU stores it (safer_name_suffix): leading slashes and
 * everything up to the last ".." component removed, each prefix reported once. */
static const char *tar_safe_name(tar *T, const char *name)
{
    if (T->absolute)
        return name;
    size_t cut = 0;
    while (name[cut] == '/')
        cut++;
    const char *p = name + cut;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == 2 && p[0] == '.' && p[1] == '.') {
            cut = (size_t)(p - name) + 2;
            while (name[cut] == '/')
                cut++;
        }
        if (!e)
            break;
        p = e + 1;
    }
    if (cut == 0)
        return name;
    char *prefix = mem_strndup(T->cmd->heap, name, cut);
    bool seen = false;
    for (size_t i = 0; i < T->nprefixes; i++)
        if (strcmp(T->prefixes[i], prefix) == 0)
            seen = true;
    if (!seen) {
        T->prefixes = mem_realloc(T->cmd->heap, T->prefixes,
                                  (T->nprefixes + 1) * sizeof *T->prefixes);
        T->prefixes[T->nprefixes++] = prefix;
        tar_errmsg(T, "Removing leading `%s' from member names", prefix);
    }
    name += cut;
    return *name ? name : ".";
}

static bool tar_has_dotdot(const char *name)
{
    const char *p = name;
    while (*p) {
        const char *s = strchr(p, '/');
        size_t l = s ? (size_t)(s - p) : strlen(p);
        if (l == 2 && p[0] == '.' && p[1] == '.')
            return true;
        if (!s)
            break;
        p = s + 1;
    }
    return false;
}

/* A name as GNU's listings print it (quoting style "escape"): backslash and
 * control characters as C escapes. name itself when nothing needs it. */
const char *tar_quote(tar *T, const char *name)
{
    const char *p = name;
    while (*p && *p != '\\' && (unsigned char)*p >= 0x20 && *p != 0x7f)
        p++;
    if (!*p)
        return name;
    vbuf b;
    vbuf_init(&b, T->cmd->heap);
    for (p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        const char *e = strchr("\a\b\f\n\r\t\v", c);
        if (c == '\\')
            vbuf_adds(&b, "\\\\");
        else if (c && e)
            vbuf_printf(&b, "\\%c", "abfnrtv"[e - "\a\b\f\n\r\t\v"]);
        else if (c < 0x20 || c == 0x7f)
            vbuf_printf(&b, "\\%03o", c);
        else
            vbuf_addc(&b, (char)c);
    }
    vbuf_addc(&b, 0);
    return b.data ? b.data : name;
}

static void tar_list_line(tar *T, const char *name, uint32_t mode, char type, uint32_t uid,
                          uint32_t gid, const char *uname, const char *gname, uint64_t size,
                          time_t mtime, const char *link)
{
    vb_cmd *cmd = T->cmd;
    char ms[11];
    uint32_t m = mode & 07777;
    switch (type) {
    case '5': m |= S_IFDIR; break;
    case '2': m |= S_IFLNK; break;
    case '3': m |= S_IFCHR; break;
    case '4': m |= S_IFBLK; break;
    case '6': m |= S_IFIFO; break;
    default: m |= S_IFREG; break;
    }
    fs_mode_string(m, ms);
    if (type == '1')
        ms[0] = 'h';
    char us[32], gs[32];
    if (T->numeric || !uname || !*uname) {
        snprintf(us, sizeof us, "%u", uid);
        uname = us;
    }
    if (T->numeric || !gname || !*gname) {
        snprintf(gs, sizeof gs, "%u", gid);
        gname = gs;
    }
    char sz[32];
    snprintf(sz, sizeof sz, "%llu", (unsigned long long)size);
    int pad = (int)(strlen(uname) + 1 + strlen(gname) + 1 + strlen(sz));
    if (pad > T->ugswidth)
        T->ugswidth = pad;
    struct tm tm;
    if (T->utc)
        gmtime_r(&mtime, &tm);
    else
        fs_localtime(cmd, mtime, &tm);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "%s %s/%s %*s %04d-%02d-%02d %02d:%02d", ms, uname, gname,
                T->ugswidth - pad + (int)strlen(sz), sz, tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min);
    if (T->full_time)
        vbuf_printf(&b, ":%02d", tm.tm_sec);
    vbuf_printf(&b, " %s", tar_quote(T, name));
    if (type == '2')
        vbuf_printf(&b, " -> %s", tar_quote(T, link));
    else if (type == '1')
        vbuf_printf(&b, " link to %s", tar_quote(T, link));
    vbuf_addc(&b, '\n');
    if (T->list_err)
        bi_errw(cmd, b.data, b.len);
    else
        bi_out(cmd, b.data, b.len);
    vbuf_free(&b);
}

/* ------------------------------------------------------------------ create */

typedef struct tar_wctx {
    tar *T;
} tar_wctx;

static int tar_add(tar *T, const char *name, const char *abs, const vfs_stat_t *st0)
{
    vb_cmd *cmd = T->cmd;
    vfs_stat_t stm = *st0;
    const vfs_stat_t *st = &stm;
    if (T->mode_opt)   /* --mode: GNU's mode_adjust with the umask */
        stm.mode = (stm.mode & ~07777u) |
                   fs_mode_adjust(T->mode_opt, stm.mode, S_ISDIR(stm.mode), T->umask, NULL);
    const char *mname = tar_safe_name(T, name);
    const char *oname = mname;   /* the name -v shows: before --transform */
    if (tar_xform_any(&T->xf)) {
        char *t = tar_xform_apply(cmd, &T->xf, mname, TAR_XF_REG);
        if (t)
            mname = t;
    }
    char *hname;
    char type = '0';
    char *link = NULL;
    uint64_t size = 0;
    if (S_ISDIR(st->mode)) {
        size_t l = strlen(mname);
        hname = (l && mname[l - 1] == '/') ? mem_strdup(cmd->heap, mname)
                                           : mem_printf(cmd->heap, "%s/", mname);
        type = '5';
    } else if (S_ISLNK(st->mode)) {
        type = '2';
        hname = mem_strdup(cmd->heap, mname);
        if (vfs_readlink(cmd->vfs, abs, cmd->heap, &link) < 0)
            link = mem_strdup(cmd->heap, "");
        if (tar_xform_any(&T->xf)) {
            char *t = tar_xform_apply(cmd, &T->xf, link, TAR_XF_SYM);
            if (t)
                link = t;
        }
    } else if (S_ISREG(st->mode)) {
        if (T->have_arch && st->dev == T->arch_dev && st->ino == T->arch_ino) {
            tar_errmsg(T, "%s: file is the archive; not dumped", name);
            return 0;
        }
        hname = mem_strdup(cmd->heap, mname);
        size = st->size;
        if (st->nlink > 1) {
            for (tar_hl *h = T->links; h; h = h->next)
                if (h->dev == st->dev && h->ino == st->ino) {
                    type = '1';
                    link = h->name;
                    size = 0;
                    break;
                }
            if (type == '0') {
                tar_hl *h = mem_alloc(cmd->heap, sizeof *h);
                h->dev = st->dev;
                h->ino = st->ino;
                h->name = hname;
                h->next = T->links;
                T->links = h;
            }
        }
    } else if (S_ISFIFO(st->mode)) {
        type = '6';
        hname = mem_strdup(cmd->heap, mname);
    } else {
        tar_errmsg(T, "%s: socket ignored", name);
        return 0;
    }
    const char *shown = hname;
    if (T->verbose && !T->show_xf && oname != mname) {
        size_t ol = strlen(oname);
        shown = type == '5' && (!ol || oname[ol - 1] != '/') ? mem_printf(cmd->heap, "%s/", oname)
                                                            : oname;
    }
    if (T->verbose) {
        if (T->verbose > 1) {
            uint32_t uid = T->have_owner ? T->owner_id : st->uid;
            uint32_t gid = T->have_group ? T->group_id : st->gid;
            const char *un = T->owner ? T->owner : fs_user_name(cmd, &T->ids, uid);
            const char *gn = T->group ? T->group : fs_group_name(cmd, &T->ids, gid);
            /* GNU lists the file's own time, and on stderr when the
             * archive goes to stdout */
            T->list_err = T->out == NULL && T->wf == NULL;
            tar_list_line(T, shown, st->mode, type, uid, gid, un, gn, size, st->mtime.tv_sec,
                          link);
            T->list_err = false;
        } else {
            /* GNU prints the list on stdout, or on stderr when the archive is stdout */
            if (T->out == NULL && T->wf == NULL) {
                char *m = mem_printf(cmd->heap, "%s\n", tar_quote(T, shown));
                bi_errw(cmd, m, strlen(m));
            } else {
                bi_outf(cmd, "%s\n", tar_quote(T, shown));
            }
        }
    }
    if (T->format == 'u') {
        size_t hl = strlen(hname);
        if (hl > 100 && !tar_ustar_split(hname)) {
            if (hl > 256)
                tar_errmsg(T, "%s: file name is too long (max 256); not dumped", hname);
            else
                tar_errmsg(T, "%s: file name is too long (cannot be split); not dumped", hname);
            T->status = 2;
            return 0;
        }
        if (link && strlen(link) > 100) {
            tar_errmsg(T, "%s: link name is too long; not dumped", link);
            T->status = 2;
            return 0;
        }
    } else {
        if (strlen(hname) > 100 && tar_longlink(T, 'L', hname) < 0)
            return -1;
        if (link && strlen(link) > 100 && tar_longlink(T, 'K', link) < 0)
            return -1;
    }
    unsigned char h[TAR_BLOCK];
    vfs_stat_t s2 = *st;
    if (type == '5' || type == '2')
        s2.size = 0;
    tar_fill_header(T, h, hname, &s2, type, link, size);
    if (tar_write(T, h, TAR_BLOCK) < 0)
        return -1;
    if (type != '0' || size == 0)
        return 0;
    int err = 0;
    vfs_file *f = NULL;
    err = vfs_open(cmd->vfs, abs, O_RDONLY, 0, &f);
    unsigned char *buf = mem_alloc(cmd->heap, TAR_CHUNK);
    uint64_t left = size;
    if (err < 0) {
        tar_errmsg(T, "%s: Cannot open: %s", name, vb_strerror(err));
        T->status = 2;
    }
    while (left > 0) {
        size_t want = left < TAR_CHUNK ? (size_t)left : TAR_CHUNK;
        ssize_t r = f ? vfs_read(f, buf, want) : 0;
        if (r <= 0) {
            /* file shrank: pad with zeros as GNU does */
            memset(buf, 0, want);
            r = (ssize_t)want;
        }
        if (tar_write(T, buf, (size_t)r) < 0)
            break;
        left -= (uint64_t)r;
        if (bi_cancelled(cmd))
            break;
    }
    if (f)
        vfs_close(f);
    size_t pad = (size_t)((TAR_BLOCK - size % TAR_BLOCK) % TAR_BLOCK);
    if (pad) {
        memset(buf, 0, pad);
        tar_write(T, buf, pad);
    }
    mem_free(cmd->heap, buf);
    return T->werr ? -1 : 0;
}

/* The first exclusion tag found in directory abs, or NULL. */
static const tar_tag *tar_tagged(tar *T, const char *abs)
{
    for (size_t i = 0; i < T->ntags; i++) {
        const tar_tag *t = &T->tags[i];
        char *p = fs_join(T->cmd->heap, abs, t->name);
        vfs_stat_t st;
        if (vfs_stat(T->cmd->vfs, p, &st) < 0)
            continue;
        if (!t->cache)
            return t;
        /* GNU's cachedir_file_p: the signature at the start of the file */
        static const char sig[] = "Signature: 8a477f597d28d172789f06886806bc55";
        vfs_file *f = NULL;
        char buf[sizeof sig];
        if (!S_ISREG(st.mode) || vfs_open(T->cmd->vfs, p, O_RDONLY, 0, &f) < 0)
            continue;
        ssize_t n = vfs_read(f, buf, sizeof sig - 1);
        vfs_close(f);
        if (n == (ssize_t)(sizeof sig - 1) && memcmp(buf, sig, sizeof sig - 1) == 0)
            return t;
    }
    return NULL;
}

static int tar_walk_cb(void *ctx, fs_walk_ent *e)
{
    tar *T = ctx;
    if (bi_cancelled(T->cmd))
        return -1;
    if (e->err < 0) {
        tar_errmsg(T, "%s: %sCannot stat: %s", e->path, T->ignore_failed ? "Warning: " : "",
                   vb_strerror(e->err));
        if (!T->ignore_failed)
            T->status = 2;
        return 0;
    }
    if (e->dir_err < 0) {
        tar_errmsg(T, "%s: Cannot open: %s", e->path, vb_strerror(e->dir_err));
        T->status = 2;
        return 0;
    }
    if (tar_excluded(T, e->path))
        return S_ISDIR(e->st.mode) ? 1 : 0;
    const tar_tag *tag = S_ISDIR(e->st.mode) ? tar_tagged(T, e->abs) : NULL;
    char *tpath = tag ? mem_printf(T->cmd->heap, "%s%s", e->path,
                                   e->path[0] && e->path[strlen(e->path) - 1] == '/' ? "" : "/")
                      : NULL;
    if (tag && tag->how == 'a') {
        if (T->verbose)
            tar_errmsg(T, "%s: contains a cache directory tag %s; directory not dumped", tpath,
                       tag->name);
        return 1;
    }
    int st0 = T->status;
    if (tar_add(T, e->path, e->abs, &e->st) < 0)
        return -1;
    if (tag) {
        if (T->verbose)
            tar_errmsg(T, "%s: contains a cache directory tag %s; contents not dumped", tpath,
                       tag->name);
        if (tag->how == 'c') {
            /* the tag file itself stays */
            char *ta = fs_join(T->cmd->heap, e->abs, tag->name);
            vfs_stat_t tst;
            if (vfs_lstat(T->cmd->vfs, ta, &tst) == 0 &&
                tar_add(T, mem_printf(T->cmd->heap, "%s%s", tpath, tag->name), ta, &tst) < 0)
                return -1;
        }
        return 1;
    }
    if (T->remove_files && T->status == st0) {
        T->removals = mem_realloc(T->cmd->heap, T->removals,
                                  (T->nremovals + 1) * 2 * sizeof *T->removals);
        T->removals[T->nremovals * 2] = mem_strdup(T->cmd->heap, e->path);
        T->removals[T->nremovals++ * 2 + 1] = mem_strdup(T->cmd->heap, e->abs);
    }
    return T->recursion ? 0 : 1;
}

/* ------------------------------------------------------------------ -r -u --delete */

static void tar_pax(tar *T, const char *d, size_t n, char **path, char **linkpath);

/* A member's name from its header: ustar's prefix and name fields joined. */
static char *tar_hdr_name(vb_cmd *cmd, const unsigned char *h)
{
    char nm[101], pf[156];
    memcpy(nm, h, 100);
    nm[100] = 0;
    memcpy(pf, h + 345, 155);
    pf[155] = 0;
    if (memcmp(h + 257, "ustar\0", 6) == 0 && pf[0])
        return mem_printf(cmd->heap, "%s/%s", pf, nm);
    return mem_strdup(cmd->heap, nm);
}

static bool tar_name_wanted(tar *T, const char *name);

/* A member met while scanning an archive in place. */
typedef struct tar_ment {
    uint64_t start;            /* offset of its first header (long names included) */
    uint64_t end;              /* offset after its data */
    char *name;
    char type;
    time_t mtime;
} tar_ment;

typedef struct tar_scan {
    tar_ment *m;
    size_t n, cap;
    uint64_t eof;              /* where the end-of-archive blocks start, or the data ends */
    bool marker;               /* eof is an end-of-archive block */
    uint64_t size;             /* of the file */
} tar_scan;

static bool tar_compressed_magic(const unsigned char *b, size_t n)
{
    return (n >= 2 && b[0] == 0x1f && (b[1] == 0x8b || b[1] == 0x9d)) ||
           (n >= 3 && memcmp(b, "BZh", 3) == 0) ||
           (n >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0) ||
           (n >= 4 && memcmp(b, "\x28\xb5\x2f\xfd", 4) == 0);
}

/* Reads from the archive being updated: T->wf, or --delete's standard input
 * held in memory. */
static ssize_t tar_pread(tar *T, void *buf, size_t n, uint64_t off)
{
    if (T->wf)
        return vfs_pread(T->wf, buf, n, off);
    if (off >= T->mlen)
        return 0;
    if (n > T->mlen - off)
        n = (size_t)(T->mlen - off);
    memcpy(buf, T->mbuf + off, n);
    return (ssize_t)n;
}

/* Reads the headers of the archive open in T->wf. -1 after a fatal message,
 * 0 otherwise (T->status 2 after a bad header). */
static int tar_scan_archive(tar *T, tar_scan *sc)
{
    vb_cmd *cmd = T->cmd;
    vfs_stat_t fst;
    memset(sc, 0, sizeof *sc);
    if (!T->wf)
        sc->size = T->mlen;
    else if (vfs_fstat(T->wf, &fst) == 0)
        sc->size = fst.size;
    uint64_t off = 0, start = 0;
    unsigned char h[TAR_BLOCK];
    char *longname = NULL;
    bool any = false, skipping = false, pending = false;
    for (;;) {
        ssize_t r = tar_pread(T, h, TAR_BLOCK, off);
        if (r < 0) {
            tar_errmsg(T, "%s: Cannot read: %s", T->file, vb_strerror((int)r));
            tar_errmsg(T, "Error is not recoverable: exiting now");
            return -1;
        }
        if (off == 0 && tar_compressed_magic(h, (size_t)r)) {
            tar_errmsg(T, "Cannot update compressed archives");
            tar_errmsg(T, "Error is not recoverable: exiting now");
            return -1;
        }
        if (r < TAR_BLOCK) {
            sc->eof = off + (uint64_t)r;
            break;
        }
        bool zero = true;
        for (int i = 0; i < TAR_BLOCK && zero; i++)
            zero = h[i] == 0;
        if (zero) {
            sc->eof = off;
            sc->marker = true;
            break;
        }
        if (!tar_cksum_ok(h)) {
            if (!skipping) {
                if (!any)
                    tar_errmsg(T, "This does not look like a tar archive");
                tar_errmsg(T, "Skipping to next header");
                T->status = 2;
            }
            skipping = true;
            off += TAR_BLOCK;
            continue;
        }
        skipping = false;
        any = true;
        if (!pending)
            start = off;
        char type = (char)h[156];
        uint64_t size = tar_num(h + 124, 12);
        uint64_t dlen = (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
        if (type == 'L' || type == 'x') {
            if (size < 1024 * 1024) {
                char *d = mem_alloc(cmd->heap, (size_t)size + 1);
                ssize_t g = tar_pread(T, d, (size_t)size, off + TAR_BLOCK);
                d[g > 0 ? (size_t)g : 0] = 0;
                if (type == 'L') {
                    longname = d;
                } else {
                    char *lk = NULL;
                    tar_pax(T, d, g > 0 ? (size_t)g : 0, &longname, &lk);
                }
            }
            pending = true;
            off += TAR_BLOCK + dlen;
            continue;
        }
        if (type == 'K' || type == 'g') {
            pending = true;
            off += TAR_BLOCK + dlen;
            continue;
        }
        pending = false;
        char *name = longname ? longname : tar_hdr_name(cmd, h);
        longname = NULL;
        bool data = type == '0' || type == '\0' || type == '7' || type == 'S' || type == 'M';
        if (sc->n == sc->cap) {
            sc->cap = sc->cap ? sc->cap * 2 : 16;
            sc->m = mem_realloc(cmd->heap, sc->m, sc->cap * sizeof *sc->m);
        }
        tar_ment *m = &sc->m[sc->n++];
        m->start = start;
        m->name = name;
        m->type = type;
        m->mtime = (time_t)tar_num(h + 136, 12);
        off += TAR_BLOCK + (data ? dlen : 0);
        m->end = off;
    }
    return 0;
}

/* -u: GNU's update_archive: an operand named by a member is dropped when the
 * file is not newer than that member; a directory gives way to its entries. */
static void tar_update_names(tar *T, const tar_scan *sc)
{
    vb_cmd *cmd = T->cmd;
    const char *saved_cwd = cmd->cwd;
    for (size_t k = 0; k < sc->n; k++) {
        const char *mn = sc->m[k].name;
        size_t ml = strlen(mn);
        while (ml > 1 && mn[ml - 1] == '/')
            ml--;
        char *nm = mem_strndup(cmd->heap, mn, ml);
        size_t i;
        for (i = 0; i < T->nnames; i++)
            if (!T->name_off[i] && T->names[i][0] && tar_match(T->names[i], nm, T->name_flags[i]))
                break;
        if (i == T->nnames)
            continue;
        int dk = T->name_dk[i];
        cmd->cwd = dk < 0 ? saved_cwd : T->dirops[dk];
        vfs_stat_t st;
        char *abs = bi_path(cmd, nm);
        if (vfs_stat(cmd->vfs, abs, &st) == 0) {
            if (S_ISDIR(st.mode)) {
                char **ents;
                size_t ne;
                if (fs_list_dir(cmd, abs, &ents, &ne) == 0) {
                    size_t n2 = T->nnames + ne;
                    T->names = mem_realloc(cmd->heap, T->names, (n2 + 1) * sizeof *T->names);
                    T->name_flags = mem_realloc(cmd->heap, T->name_flags, (n2 + 1) * sizeof(int));
                    T->name_dk = mem_realloc(cmd->heap, T->name_dk, (n2 + 1) * sizeof(int));
                    T->name_off = mem_realloc(cmd->heap, T->name_off, (n2 + 1) * sizeof(bool));
                    T->name_seen = mem_realloc(cmd->heap, T->name_seen, (n2 + 1) * sizeof(bool));
                    for (size_t e = 0; e < ne; e++) {
                        size_t at = T->nnames++;
                        T->names[at] = mem_printf(cmd->heap, "%s/%s", nm, ents[e]);
                        T->name_flags[at] = TAR_M_ANCH | FNM_LEADING_DIR;
                        T->name_dk[at] = dk;
                        T->name_off[at] = false;
                        T->name_seen[at] = false;
                    }
                    T->name_off[i] = true;
                }
            } else if (st.mtime.tv_sec < sc->m[k].mtime ||
                       (st.mtime.tv_sec == sc->m[k].mtime && st.mtime.tv_nsec == 0)) {
                T->name_off[i] = true;
            }
        }
    }
    cmd->cwd = saved_cwd;
}

/* The archive of -r/-u/--delete, open read-write (created if missing). */
static int tar_open_rw(tar *T)
{
    vb_cmd *cmd = T->cmd;
    int r = vfs_open(cmd->vfs, bi_path(cmd, T->file), O_RDWR | O_CREAT, 0666 & ~T->umask, &T->wf);
    if (r < 0) {
        /* GNU tries to read what it could not open */
        T->wf = NULL;
        tar_errmsg(T, "%s: Cannot read: %s", T->file, vb_strerror(-EBADF));
        tar_errmsg(T, "At beginning of tape, quitting now");
        tar_errmsg(T, "Error is not recoverable: exiting now");
        return 2;
    }
    vfs_stat_t ast;
    if (vfs_fstat(T->wf, &ast) == 0 && S_ISREG(ast.mode)) {
        T->have_arch = true;
        T->arch_dev = ast.dev;
        T->arch_ino = ast.ino;
    }
    return 0;
}

/* -r, -u: finds the end of the archive; the members go there. */
static int tar_append_open(tar *T)
{
    if (tar_open_rw(T))
        return 2;
    tar_scan sc;
    if (tar_scan_archive(T, &sc) < 0) {
        vfs_close(T->wf);
        T->wf = NULL;
        return 2;
    }
    if (T->mode == 'u')
        tar_update_names(T, &sc);
    /* GNU rewrites the record that holds the end-of-archive blocks */
    T->written = sc.marker ? sc.eof % TAR_RECORD : 0;
    vfs_seek(T->wf, (int64_t)sc.eof, SEEK_SET);
    return 0;
}

/* Copies len bytes inside the archive from src down to dst. */
static int tar_move(tar *T, uint64_t dst, uint64_t src, uint64_t len)
{
    if (dst == src)
        return 0;
    unsigned char *buf = mem_alloc(T->cmd->heap, TAR_CHUNK);
    int rc = 0;
    while (len > 0) {
        size_t k = len < TAR_CHUNK ? (size_t)len : TAR_CHUNK;
        ssize_t r = vfs_pread(T->wf, buf, k, src);
        if (r <= 0) {
            rc = r < 0 ? (int)r : -EIO;
            break;
        }
        vfs_seek(T->wf, (int64_t)dst, SEEK_SET);
        ssize_t w = vfs_write(T->wf, buf, (size_t)r);
        if (w < 0) {
            rc = (int)w;
            break;
        }
        src += (uint64_t)r;
        dst += (uint64_t)r;
        len -= (uint64_t)r;
    }
    mem_free(T->cmd->heap, buf);
    return rc;
}

/* --delete: the members named are removed and the rest moved up. */
static int tar_delete(tar *T)
{
    vb_cmd *cmd = T->cmd;
    bool piped = !T->file || strcmp(T->file, "-") == 0;
    if (piped) {
        /* standard input to standard output, through memory */
        char *data;
        size_t len;
        int rc = bi_slurp(cmd, cmd->in, &data, &len);
        if (rc < 0) {
            tar_errmsg(T, "-: Cannot read: %s", vb_strerror(rc));
            tar_errmsg(T, "Error is not recoverable: exiting now");
            return 2;
        }
        T->mbuf = (unsigned char *)data;
        T->mlen = len;
    } else if (tar_open_rw(T)) {
        return 2;
    }
    tar_scan sc;
    if (tar_scan_archive(T, &sc) < 0) {
        if (T->wf)
            vfs_close(T->wf);
        T->wf = NULL;
        return 2;
    }
    uint64_t w = 0;
    int rc = 0;
    for (size_t k = 0; k < sc.n && rc == 0; k++) {
        tar_ment *m = &sc.m[k];
        if (T->nnames && tar_name_wanted(T, m->name))
            continue;
        if (piped) {
            if (bi_out(cmd, T->mbuf + m->start, (size_t)(m->end - m->start)) < 0)
                break;
        } else {
            rc = tar_move(T, w, m->start, m->end - m->start);
        }
        w += m->end - m->start;
    }
    if (piped) {
        uint64_t end = (w + 2 * TAR_BLOCK + TAR_RECORD - 1) / TAR_RECORD * TAR_RECORD;
        unsigned char z[TAR_BLOCK];
        memset(z, 0, sizeof z);
        for (uint64_t o = w; o < end; o += TAR_BLOCK)
            if (bi_out(cmd, z, TAR_BLOCK) < 0)
                break;
    } else if (rc == 0) {
        /* the end-of-archive blocks, and zeros to the end of the record */
        uint64_t end = w + 2 * TAR_BLOCK;
        end = (end + TAR_RECORD - 1) / TAR_RECORD * TAR_RECORD;
        unsigned char z[TAR_BLOCK];
        memset(z, 0, sizeof z);
        vfs_seek(T->wf, (int64_t)w, SEEK_SET);
        for (uint64_t o = w; o < end && rc == 0; o += TAR_BLOCK)
            if (vfs_write(T->wf, z, TAR_BLOCK) < 0)
                rc = -EIO;
        if (rc == 0 && end < sc.size)
            rc = vfs_ftruncate(T->wf, end);
    }
    if (T->wf)
        vfs_close(T->wf);
    T->wf = NULL;
    if (rc < 0) {
        tar_errmsg(T, "%s: Cannot write: %s", T->file, vb_strerror(rc));
        return 2;
    }
    for (size_t i = 0; i < T->nnames; i++) {
        if (!T->name_seen[i] && T->names[i][0]) {
            if (T->wild_default && tar_has_wild(T->names[i])) {
                tar_errmsg(T, "Pattern matching characters used in file names");
                tar_errmsg(T, "Use --wildcards to enable pattern matching, or --no-wildcards "
                              "to suppress this warning");
            }
            tar_errmsg(T, "%s: Not found in archive", T->names[i]);
            T->status = 2;
        }
    }
    if (T->status) {
        tar_errmsg(T, "Exiting with failure status due to previous errors");
        return 2;
    }
    return 0;
}

/* --mtime=DATE or a file's (a name starting with / or .), as GNU. */
static int tar_parse_mtime(tar *T, const char *arg)
{
    vb_cmd *cmd = T->cmd;
    struct timespec ts = {0, 0};
    if (arg[0] == '/' || arg[0] == '.') {
        vfs_stat_t st;
        int r = vfs_stat(cmd->vfs, bi_path(cmd, arg), &st);
        if (r < 0) {
            tar_errmsg(T, "%s: Cannot stat: %s", arg, vb_strerror(r));
            tar_errmsg(T, "Date sample file not found");
            bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
            return -1;
        }
        ts = st.mtime;
    } else if (fs_parse_date(cmd, arg, &ts) < 0) {
        tar_errmsg(T, "Substituting -9223372036854775807 for unknown date format %s",
                   fs_lq(cmd, arg));
        ts.tv_sec = (time_t)(-INT64_MAX);
        ts.tv_nsec = 0;
    } else if (T->verbose) {
        struct tm tm;
        fs_localtime(cmd, ts.tv_sec, &tm);
        char frac[16] = "";
        if (ts.tv_nsec) {
            snprintf(frac, sizeof frac, ".%09ld", ts.tv_nsec);
            size_t l = strlen(frac);
            while (l > 1 && frac[l - 1] == '0')
                frac[--l] = 0;
        }
        char *as = mem_printf(cmd->heap, "%04d-%02d-%02d %02d:%02d:%02d%s", tm.tm_year + 1900,
                              tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
        if (strcmp(as, arg) != 0)
            tar_errmsg(T, "Option --mtime: Treating date '%s' as %s", arg, as);
    }
    T->mtime_force = true;
    T->mtime = ts.tv_sec;
    return 0;
}


static int tar_create(tar *T)
{
    vb_cmd *cmd = T->cmd;
    if (T->nnames == 0 && T->mode == 'c') {
        tar_errmsg(T, "Cowardly refusing to create an empty archive");
        bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
        return 2;
    }
    int err = 0;
    if (T->mode != 'c') {
        int r = tar_append_open(T);
        if (r)
            return r;
    } else if (!T->file || strcmp(T->file, "-") == 0) {
        T->out = NULL;
    } else {
        T->out = bi_open_write(cmd, T->file, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!T->out) {
            tar_errmsg(T, "%s: Cannot open: %s", T->file, vb_strerror(err));
            tar_errmsg(T, "Error is not recoverable: exiting now");
            return 2;
        }
        vfs_stat_t ast;
        if (vfs_stat(cmd->vfs, bi_path(cmd, T->file), &ast) == 0 && S_ISREG(ast.mode)) {
            T->have_arch = true;
            T->arch_dev = ast.dev;
            T->arch_ino = ast.ino;
        }
    }
    if (T->gzip) {
        memset(&T->zs, 0, sizeof T->zs);
        if (deflateInit2(&T->zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            return 2;
        T->zinit = true;
        T->zbuf = mem_alloc(cmd->heap, TAR_CHUNK);
    }
    const char *saved_cwd = cmd->cwd;
    int cur_dk = -1;
    for (size_t i = 0; i < T->nnames && !T->werr; i++) {
        if (bi_cancelled(cmd))
            break;
        if (T->name_off && T->name_off[i])
            continue;
        int dk = T->name_dk[i];
        if (dk != cur_dk) {
            cur_dk = dk;
            cmd->cwd = dk < 0 ? saved_cwd : T->dirops[dk];
            vfs_stat_t dst;
            int r = dk < 0 ? 0 : vfs_stat(cmd->vfs, cmd->cwd, &dst);
            if (r == 0 && dk >= 0 && !S_ISDIR(dst.mode))
                r = -ENOTDIR;
            if (r < 0) {
                tar_errmsg(T, "%s: Cannot open: %s", T->dir_shown[dk], vb_strerror(r));
                tar_errmsg(T, "Error is not recoverable: exiting now");
                cmd->cwd = saved_cwd;
                if (T->zinit)
                    deflateEnd(&T->zs);
                if (T->out)
                    stream_unref(T->out);
                if (T->wf)
                    vfs_close(T->wf);
                return 2;
            }
        }
        const char *op = T->names[i];
        vfs_stat_t st;
        char *abs = bi_path(cmd, op);
        if (T->mode == 'A') {
            if (tar_cat_file(T, op, abs) < 0)
                break;
            continue;
        }
        tar_safe_name(T, op);   /* GNU reports a removed prefix before it stats the file */
        int r = T->deref ? vfs_stat(cmd->vfs, abs, &st) : vfs_lstat(cmd->vfs, abs, &st);
        if (r < 0) {
            tar_errmsg(T, "%s: %sCannot stat: %s", tar_quote(T, op),
                       T->ignore_failed ? "Warning: " : "", vb_strerror(r));
            if (!T->ignore_failed)
                T->status = 2;
            continue;
        }
        if (tar_excluded(T, op))
            continue;
        if (fs_walk(cmd, op, T->deref ? FS_WALK_FOLLOW_ALL : 0, tar_walk_cb, T) < 0 && T->werr)
            break;
    }
    cmd->cwd = saved_cwd;
    /* --remove-files: what was archived goes, directories after their
     * contents */
    for (size_t k = T->nremovals; k-- > 0 && !T->werr;) {
        vfs_stat_t rst;
        const char *ra = T->removals[k * 2 + 1];
        if (vfs_lstat(cmd->vfs, ra, &rst) < 0)
            continue;
        int rr = S_ISDIR(rst.mode) ? vfs_rmdir(cmd->vfs, ra) : vfs_unlink(cmd->vfs, ra);
        if (rr < 0) {
            tar_errmsg(T, "%s: Cannot %s: %s", T->removals[k * 2],
                       S_ISDIR(rst.mode) ? "rmdir" : "unlink",
                       vb_strerror(rr));
            T->status = 2;
        }
    }
    /* end of archive: two zero blocks, then pad the record */
    unsigned char z[TAR_BLOCK];
    memset(z, 0, sizeof z);
    tar_write(T, z, TAR_BLOCK);
    tar_write(T, z, TAR_BLOCK);
    while (T->written % TAR_RECORD)
        tar_write(T, z, TAR_BLOCK);
    if (T->zinit) {
        T->zs.avail_in = 0;
        tar_zflush(T, Z_FINISH);
        deflateEnd(&T->zs);
    }
    if (T->out)
        stream_unref(T->out);
    if (T->wf)
        vfs_close(T->wf);
    T->wf = NULL;
    if (T->werr && T->werr != -1 && T->werr != VB_EPIPE) {
        tar_errmsg(T, "%s: Cannot write: %s", T->file ? T->file : "-", vb_strerror(T->werr));
        return 2;
    }
    return T->status;
}

/* ------------------------------------------------------------------ extract */

static char *tar_strip(tar *T, const char *name)
{
    const char *p = name;
    for (long i = 0; i < T->strip; i++) {
        while (*p == '/')
            p++;
        const char *s = strchr(p, '/');
        if (!s)
            return NULL;
        p = s + 1;
    }
    while (*p == '/')
        p++;
    if (!*p)
        return NULL;
    return mem_strdup(T->cmd->heap, p);
}

/* Creates the missing parents of path (absolute). */
static void tar_mkparents(tar *T, const char *abs)
{
    vb_cmd *cmd = T->cmd;
    char *p = mem_strdup(cmd->heap, abs);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        vfs_stat_t st;
        if (vfs_stat(cmd->vfs, p, &st) < 0)
            vfs_mkdir(cmd->vfs, p, 0777 & ~T->umask);
        *s = '/';
    }
    mem_free(cmd->heap, p);
}

static bool tar_name_wanted(tar *T, const char *name)
{
    if (T->nnames == 0)
        return true;
    size_t nl = strlen(name);
    while (nl > 1 && name[nl - 1] == '/')
        nl--;
    char *nm = mem_strndup(T->cmd->heap, name, nl);
    bool hit = false;
    for (size_t i = 0; i < T->nnames && !hit; i++) {
        const char *w = T->names[i];
        size_t wl = strlen(w);
        char *wn = NULL;
        if (wl > 1 && w[wl - 1] == '/') {
            while (wl > 1 && w[wl - 1] == '/')
                wl--;
            w = wn = mem_strndup(T->cmd->heap, w, wl);
        }
        if (*w && tar_match(w, nm, T->name_flags[i])) {
            T->name_seen[i] = true;
            hit = true;
        }
        mem_free(T->cmd->heap, wn);
    }
    mem_free(T->cmd->heap, nm);
    return hit;
}

int tar_skip(tar *T, uint64_t size)
{
    unsigned char b[TAR_BLOCK];
    uint64_t blocks = (size + TAR_BLOCK - 1) / TAR_BLOCK;
    for (uint64_t i = 0; i < blocks; i++)
        if (!tar_read(T, b, TAR_BLOCK))
            return -1;
    return 0;
}

/* Reads a member's data into a heap string (long names, pax headers). */
static char *tar_read_data(tar *T, uint64_t size)
{
    if (size > 16 * 1024 * 1024)
        return NULL;
    size_t blocks = (size_t)((size + TAR_BLOCK - 1) / TAR_BLOCK);
    char *d = mem_alloc(T->cmd->heap, blocks * TAR_BLOCK + 1);
    if (!d)
        return NULL;
    for (size_t i = 0; i < blocks; i++)
        if (!tar_read(T, (unsigned char *)d + i * TAR_BLOCK, TAR_BLOCK))
            return NULL;
    d[size] = 0;
    return d;
}

static void tar_pax(tar *T, const char *d, size_t n, char **path, char **linkpath)
{
    size_t i = 0;
    while (i < n) {
        size_t len = 0, j = i;
        while (j < n && d[j] >= '0' && d[j] <= '9')
            len = len * 10 + (size_t)(d[j++] - '0');
        if (j >= n || d[j] != ' ' || len == 0 || i + len > n)
            return;
        const char *kv = d + j + 1;
        size_t kvl = i + len - (size_t)(j + 1);
        if (kvl && kv[kvl - 1] == '\n')
            kvl--;
        const char *eq = memchr(kv, '=', kvl);
        if (eq) {
            size_t kl = (size_t)(eq - kv);
            char *val = mem_strndup(T->cmd->heap, eq + 1, kvl - kl - 1);
            if (kl == 4 && memcmp(kv, "path", 4) == 0)
                *path = val;
            else if (kl == 8 && memcmp(kv, "linkpath", 8) == 0)
                *linkpath = val;
        }
        i += len;
    }
}

/* Writes a member's data to abs (or standard output with -O); false when
 * the file could not be made. */
static bool tar_write_member(tar *T, const char *abs, const char *name, uint64_t size,
                             uint32_t mode)
{
    vb_cmd *cmd = T->cmd;
    vfs_file *f = NULL;
    int err = 0;
    if (!T->to_stdout) {
        vfs_stat_t st;
        /* --overwrite writes over an existing regular file in place; a
         * directory in the way goes if it is empty, else the file cannot
         * be made (GNU's O_EXCL open says "File exists") */
        int lr = vfs_lstat(cmd->vfs, abs, &st);
        if (lr == 0 && !S_ISDIR(st.mode) && !(T->old_files == 'o' && S_ISREG(st.mode)))
            vfs_unlink(cmd->vfs, abs);
        else if (lr == 0 && S_ISDIR(st.mode) && vfs_rmdir(cmd->vfs, abs) < 0)
            err = -EEXIST;
        tar_mkparents(T, abs);
        if (err == 0)
            err = vfs_open(cmd->vfs, abs, O_WRONLY | O_CREAT | O_TRUNC, mode, &f);
        if (err < 0) {
            tar_errmsg(T, "%s: Cannot open: %s", name, vb_strerror(err));
            T->status = 2;
        }
    }
    unsigned char *buf = mem_alloc(cmd->heap, TAR_CHUNK);
    uint64_t left = size;
    while (left > 0) {
        size_t want = left < TAR_CHUNK ? (size_t)left : TAR_CHUNK;
        size_t padded = (want + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
        if (!tar_read(T, buf, padded)) {
            tar_errmsg(T, "Unexpected EOF in archive");
            T->eof_fatal = true;
            break;
        }
        if (T->to_stdout) {
            if (bi_out(cmd, buf, want) < 0)
                break;
        } else if (f) {
            ssize_t w = vfs_write(f, buf, want);
            if (w < 0) {
                tar_errmsg(T, "%s: Cannot write: %s", name, vb_strerror((int)w));
                T->status = 2;
                vfs_close(f);
                f = NULL;
            }
        }
        left -= want;
        if (bi_cancelled(cmd))
            break;
    }
    mem_free(cmd->heap, buf);
    if (f)
        vfs_close(f);
    return T->to_stdout || err == 0;
}

/* GNU's stripped_prefix_len: name without its first n components ("" when
 * it has no more). */
static const char *tar_strip_prefix(const char *name, long n)
{
    const char *p = name;
    if (n <= 0)
        return name;
    while (*p == '/')
        p++;
    while (*p) {
        bool slash = *p == '/';
        p++;
        if (slash) {
            if (--n == 0)
                return p;
            while (*p == '/')
                p++;
        }
    }
    return "";
}

/* A member's names as extraction and listings use them (GNU's
 * transform_stat_info, decode_xform and print_header). */
typedef struct tar_mnames {
    const char *xname;       /* transformed and made safe, before --strip-components */
    const char *shown;       /* what -t and -v print */
    const char *link;        /* symlink target: transformed; hard link: as stored */
    const char *link_safe;   /* hard link target: transformed and made safe */
    const char *shown_link;  /* the target -tv prints */
} tar_mnames;

static void tar_member_names(tar *T, const char *name, const char *sname, char type,
                             const char *link, tar_mnames *mn)
{
    vb_cmd *cmd = T->cmd;
    bool xf = tar_xform_any(&T->xf);
    mn->xname = sname;
    mn->shown = T->mode == 't' ? name : sname;   /* GNU lists the stored names */
    mn->link = link;
    mn->shown_link = link;
    mn->link_safe = NULL;
    /* a directory's name is transformed without its trailing slash */
    size_t l = strlen(name);
    if (type == '5')
        while (l > 1 && name[l - 1] == '/')
            l--;
    char *base = mem_strndup(cmd->heap, name, l);
    char *t = xf ? tar_xform_apply(cmd, &T->xf, base, TAR_XF_REG) : NULL;
    if (t && !*t) {
        tar_errmsg(T, "Substituting `.' for empty member name");
        mn->xname = ".";
    } else if (t) {
        mn->xname = tar_safe_name(T, t);
    }
    if (T->show_xf) {
        const char *x = mn->xname;
        if (!t) {
            x = tar_safe_name(T, base);
        }
        x = tar_strip_prefix(x, T->strip);
        mn->shown = type == '5' ? mem_printf(cmd->heap, "%s/", x) : x;
    }
    if (type == '2') {
        char *lt = xf ? tar_xform_apply(cmd, &T->xf, link, TAR_XF_SYM) : NULL;
        if (lt)
            mn->link = mn->shown_link = lt;
    } else if (type == '1') {
        char *lt = xf ? tar_xform_apply(cmd, &T->xf, link, TAR_XF_LINK) : NULL;
        if (lt && !*lt) {
            tar_errmsg(T, "Substituting `.' for empty hard link target");
            mn->link_safe = ".";
        } else {
            mn->link_safe = tar_safe_name(T, lt ? lt : link);
        }
        if (lt || T->strip > 0)
            mn->shown_link = tar_strip_prefix(mn->link_safe, T->strip);
    }
}


static int tar_read_archive(tar *T)
{
    vb_cmd *cmd = T->cmd;
    int err = 0;
    if (!T->file || strcmp(T->file, "-") == 0) {
        T->in = stream_ref(cmd->in);
    } else {
        T->in = bi_open_read(cmd, T->file, &err);
        if (!T->in) {
            tar_errmsg(T, "%s: Cannot open: %s", T->file, vb_strerror(err));
            tar_errmsg(T, "Error is not recoverable: exiting now");
            return 2;
        }
    }
    T->ibuf = mem_alloc(cmd->heap, TAR_CHUNK);
    /* recognise gzip input by its magic */
    size_t got = 0;
    if (tar_raw_fill(T, T->ibuf, TAR_CHUNK, &got) < 0)
        got = 0;
    T->ilen = got;
    T->ipos = 0;
    if (got == 0)
        T->ieof = true;
    if (got >= 2 && T->ibuf[0] == 0x1f && T->ibuf[1] == 0x8b) {
        memset(&T->zs, 0, sizeof T->zs);
        if (inflateInit2(&T->zs, 47) != Z_OK)
            return 2;
        T->zin = true;
    } else if (T->gzip && got > 0) {
        stream_unref(T->in);
        bi_errw(cmd, "\ngzip: stdin: not in gzip format\n", 33);
        tar_errmsg(T, "Child returned status 1");
        tar_errmsg(T, "Error is not recoverable: exiting now");
        return 2;
    }
    char *dest = T->dir ? bi_path(cmd, T->dir) : (char *)cmd->cwd;
    if (T->dir && T->mode == 'x') {
        vfs_stat_t st;
        if (vfs_stat(cmd->vfs, dest, &st) < 0 || !S_ISDIR(st.mode)) {
            tar_errmsg(T, "%s: Cannot open: %s", T->dir_shown[T->ndirops - 1],
                       vb_strerror(vfs_stat(cmd->vfs, dest, &st) < 0 ? -ENOENT : -ENOTDIR));
            tar_errmsg(T, "Error is not recoverable: exiting now");
            stream_unref(T->in);
            return 2;
        }
    }
    unsigned char h[TAR_BLOCK];
    char *longname = NULL, *longlink = NULL;
    bool any = false;
    int zero_blocks = 0;
    int status = 0;
    for (;;) {
        if (bi_cancelled(cmd))
            break;
        if (!tar_read(T, h, TAR_BLOCK)) {
            if (!any && T->rerr == 0 && T->ilen == 0)
                break;
            break;
        }
        bool allzero = true;
        for (int i = 0; i < TAR_BLOCK; i++)
            if (h[i]) {
                allzero = false;
                break;
            }
        if (allzero) {
            if (++zero_blocks >= 2)
                break;
            continue;
        }
        zero_blocks = 0;
        if (!tar_cksum_ok(h)) {
            if (!any) {
                tar_errmsg(T, "This does not look like a tar archive");
                tar_errmsg(T, "Skipping to next header");
                tar_errmsg(T, "Exiting with failure status due to previous errors");
                stream_unref(T->in);
                return 2;
            }
            tar_errmsg(T, "Skipping to next header");
            T->status = 2;
            continue;
        }
        any = true;
        char type = (char)h[156];
        uint64_t size = tar_num(h + 124, 12);
        if (type == 'L' || type == 'K') {
            char *d = tar_read_data(T, size);
            if (!d)
                break;
            if (type == 'L')
                longname = d;
            else
                longlink = d;
            continue;
        }
        if (type == 'x' || type == 'g') {
            char *d = tar_read_data(T, size);
            if (!d)
                break;
            if (type == 'x')
                tar_pax(T, d, (size_t)size, &longname, &longlink);
            continue;
        }
        char *name = longname ? longname : tar_hdr_name(cmd, h);
        const char *link;
        if (longlink) {
            link = longlink;
        } else {
            char lk[101];
            memcpy(lk, h + 157, 100);
            lk[100] = 0;
            link = mem_strdup(cmd->heap, lk);
        }
        longname = longlink = NULL;
        if (type == '1' || type == '2' || type == '5')
            size = type == '1' || type == '2' ? 0 : size;
        uint64_t dsize = (type == '0' || type == '\0' || type == '7') ? size : 0;
        if (type == '5')
            dsize = 0;
        uint32_t mode = (uint32_t)tar_num(h + 100, 8) & 07777;
        uint32_t uid = (uint32_t)tar_num(h + 108, 8), gid = (uint32_t)tar_num(h + 116, 8);
        time_t mtime = (time_t)tar_num(h + 136, 12);
        char un[33], gn[33];
        memcpy(un, h + 265, 32);
        un[32] = 0;
        memcpy(gn, h + 297, 32);
        gn[32] = 0;
        if (type == '\0' && strlen(name) && name[strlen(name) - 1] == '/')
            type = '5';

        /* GNU matches the stored name, and makes it safe (with its
         * message) only for the members it takes */
        bool wanted = tar_name_wanted(T, name) && !tar_excluded(T, name);
        const char *sname = wanted ? tar_safe_name(T, name) : name;
        if (!wanted) {
            if (tar_skip(T, dsize) < 0)
                break;
            continue;
        }
        tar_mnames mn;
        tar_member_names(T, name, sname, type, link, &mn);
        link = mn.link;
        if (T->mode == 't') {
            if (T->verbose)
                tar_list_line(T, mn.shown, mode, type, uid, gid, un, gn, size, mtime, mn.shown_link);
            else
                bi_outf(cmd, "%s\n", tar_quote(T, mn.shown));
            if (tar_skip(T, dsize) < 0) {
                T->eof_fatal = true;
                break;
            }
            continue;
        }
        /* extract */
        if (!T->absolute && (tar_has_dotdot(name) || tar_has_dotdot(mn.xname))) {
            /* GNU refuses the member by its stored name */
            tar_errmsg(T, "%s: Member name contains '..'",
                       tar_has_dotdot(name) ? name : mn.xname);
            T->status = 2;
            tar_skip(T, dsize);
            continue;
        }
        char *rel = tar_strip(T, mn.xname);
        if (!rel) {
            tar_skip(T, dsize);
            continue;
        }
        if (T->verbose && !T->to_stdout) {
            if (T->verbose > 1)
                tar_list_line(T, mn.shown, mode, type, uid, gid, un, gn, size, mtime, mn.shown_link);
            else
                bi_outf(cmd, "%s\n", tar_quote(T, mn.shown));
        } else if (T->verbose) {
            char *m = mem_printf(cmd->heap, "%s\n", tar_quote(T, mn.shown));
            bi_errw(cmd, m, strlen(m));
        }
        char *abs = T->absolute && mn.xname[0] == '/' && T->strip == 0
                        ? mem_strdup(cmd->heap, mn.xname)
                        : fs_join(cmd->heap, dest, rel);
        size_t al = strlen(abs);
        while (al > 1 && abs[al - 1] == '/')
            abs[--al] = 0;
        uint32_t fmode = T->preserve ? mode : (mode & ~T->umask);
        if (T->mode == 'd') {
            size_t rl = strlen(rel);
            while (rl > 1 && rel[rl - 1] == '/')
                rel[--rl] = 0;
            char *lrel = type == '1' && mn.link_safe ? tar_strip(T, mn.link_safe) : NULL;
            tar_diff_member(T, type, abs, rel, mode, uid, gid, mtime, dsize, mn.link,
                            lrel ? fs_join(cmd->heap, dest, lrel) : abs);
            if (T->eof_fatal)
                break;
            continue;
        }
        if (T->to_cmd && !T->to_stdout) {
            if (type == '0' || type == '\0' || type == '7') {
                tar_meminfo mi = {rel, mode, uid, gid, un, gn, dsize, mtime,
                                  memcmp(h + 257, "ustar  ", 8) == 0 ? "gnu"
                                  : memcmp(h + 257, "ustar", 6) == 0 ? "ustar" : "v7"};
                tar_to_command(T, &mi);
                if (T->eof_fatal)
                    break;
            } else {
                tar_skip(T, dsize);
            }
            continue;
        }
        if (T->to_stdout) {
            if (type == '0' || type == '\0' || type == '7')
                tar_write_member(T, abs, rel, dsize, fmode);
            else
                tar_skip(T, dsize);
            continue;
        }
        if (type == '5') {
            vfs_stat_t st;
            tar_mkparents(T, abs);
            if (vfs_lstat(cmd->vfs, abs, &st) < 0 || !S_ISDIR(st.mode)) {
                if (vfs_lstat(cmd->vfs, abs, &st) == 0)
                    vfs_unlink(cmd->vfs, abs);
                int r = vfs_mkdir(cmd->vfs, abs, 0700);
                if (r < 0) {
                    tar_errmsg(T, "%s: Cannot mkdir: %s", rel, vb_strerror(r));
                    T->status = 2;
                    continue;
                }
            }
            if (T->ndirs == T->capdirs) {
                size_t nc = T->capdirs ? T->capdirs * 2 : 16;
                T->dirs = mem_realloc(cmd->heap, T->dirs, nc * sizeof *T->dirs);
                T->dir_mt = mem_realloc(cmd->heap, T->dir_mt, nc * sizeof *T->dir_mt);
                T->dir_mode = mem_realloc(cmd->heap, T->dir_mode, nc * sizeof *T->dir_mode);
                T->capdirs = nc;
            }
            T->dirs[T->ndirs] = abs;
            T->dir_mt[T->ndirs].tv_sec = mtime;
            T->dir_mt[T->ndirs].tv_nsec = 0;
            T->dir_mode[T->ndirs] = fmode;
            T->ndirs++;
            tar_skip(T, dsize);
            continue;
        }
        if ((T->old_files == 's' || T->old_files == 'n') && type != '5') {
            vfs_stat_t kst;
            if (vfs_lstat(cmd->vfs, abs, &kst) == 0 && !S_ISDIR(kst.mode) &&
                (T->old_files == 's' || kst.mtime.tv_sec >= mtime)) {
                /* --skip-old-files: quietly; --keep-newer-files: GNU's warning */
                if (T->old_files == 'n')
                    tar_errmsg(T, "Current %s is newer or same age", fs_lq(cmd, rel));
                if (tar_skip(T, dsize) < 0)
                    break;
                continue;
            }
        }
        if (T->keep_old && type != '5') {
            /* -k: an existing file is an error, and stays as it is */
            vfs_stat_t kst;
            if (vfs_lstat(cmd->vfs, abs, &kst) == 0) {
                if (type == '2')
                    tar_errmsg(T, "%s: Cannot create symlink to %s: %s", rel, fs_lq(cmd, link),
                               vb_strerror(-EEXIST));
                else if (type == '1')
                    tar_errmsg(T, "%s: Cannot hard link to %s: %s", rel, fs_lq(cmd, link),
                               vb_strerror(-EEXIST));
                else
                    tar_errmsg(T, "%s: Cannot open: %s", rel, vb_strerror(-EEXIST));
                T->status = 2;
                if (tar_skip(T, dsize) < 0)
                    break;
                continue;
            }
        }
        if (type == '2') {
            vfs_stat_t st;
            tar_mkparents(T, abs);
            if (vfs_lstat(cmd->vfs, abs, &st) == 0 && !S_ISDIR(st.mode))
                vfs_unlink(cmd->vfs, abs);
            if (link[0] == '/' || tar_has_dotdot(link)) {
                /* As GNU: a link that may point outside is made at the end,
                 * with a placeholder file until then, so that later members
                 * cannot be written through it. */
                int r = vfs_write_all(cmd->vfs, abs, "", 0, 0);
                if (r == 0) {
                    T->delayed = mem_realloc(cmd->heap, T->delayed,
                                             (T->ndelayed + 1) * 2 * sizeof *T->delayed);
                    T->delayed[T->ndelayed * 2] = abs;
                    T->delayed[T->ndelayed * 2 + 1] = mem_strdup(cmd->heap, link);
                    T->delayed_mt = mem_realloc(cmd->heap, T->delayed_mt,
                                                (T->ndelayed + 1) * sizeof *T->delayed_mt);
                    T->delayed_mt[T->ndelayed++] = mtime;
                    continue;
                }
            }
            int r = vfs_symlink(cmd->vfs, link, abs);
            if (r < 0) {
                tar_errmsg(T, "%s: Cannot create symlink to %s: %s", rel, fs_q(cmd, link),
                           vb_strerror(r));
                T->status = 2;
            } else {
                struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
                if (!T->touch)
                    vfs_utimens(cmd->vfs, abs, ts, false);
            }
            continue;
        }
        if (type == '1') {
            const char *lsafe = mn.link_safe;
            char *lrel = tar_strip(T, lsafe);
            if (tar_has_dotdot(lsafe) || !lrel) {
                tar_errmsg(T, "%s: Cannot hard link to %s: %s", rel, fs_q(cmd, link),
                           vb_strerror(-ENOENT));
                T->status = 2;
                continue;
            }
            char *labs = fs_join(cmd->heap, dest, lrel);
            vfs_stat_t st;
            if (vfs_lstat(cmd->vfs, abs, &st) == 0 && !S_ISDIR(st.mode))
                vfs_unlink(cmd->vfs, abs);
            tar_mkparents(T, abs);
            int r = vfs_link(cmd->vfs, labs, abs);
            if (r < 0) {
                tar_errmsg(T, "%s: Cannot hard link to %s: %s", rel, fs_q(cmd, link),
                           vb_strerror(r));
                T->status = 2;
            }
            continue;
        }
        if (type == '0' || type == '\0' || type == '7') {
            bool made = tar_write_member(T, abs, rel, dsize, fmode);
            if (T->rerr || T->eof_fatal)
                break;
            if (!made)
                continue;
            vfs_chmod(cmd->vfs, abs, fmode);
            struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
            if (!T->touch)
                vfs_utimens(cmd->vfs, abs, ts, true);
            continue;
        }
        if (type == '6') {
            tar_mkparents(T, abs);
            vfs_mknod(cmd->vfs, abs, S_IFIFO | fmode, 0);
            continue;
        }
        tar_errmsg(T, "%s: Unknown file type '%c', extracted as normal file", rel, type);
        tar_write_member(T, abs, rel, dsize, fmode);
        T->status = 2;
    }
    /* delayed symlinks replace their placeholders if these are untouched */
    for (size_t i = 0; i < T->ndelayed; i++) {
        vfs_stat_t st;
        const char *abs = T->delayed[i * 2];
        if (vfs_lstat(cmd->vfs, abs, &st) == 0 && S_ISREG(st.mode) && st.size == 0 &&
            st.nlink == 1) {
            vfs_unlink(cmd->vfs, abs);
            if (vfs_symlink(cmd->vfs, T->delayed[i * 2 + 1], abs) == 0) {
                struct timespec ts[2] = {{T->delayed_mt[i], 0}, {T->delayed_mt[i], 0}};
                if (!T->touch)
                    vfs_utimens(cmd->vfs, abs, ts, false);
            }
        }
    }
    /* directories: modes and times after their contents */
    for (size_t i = T->ndirs; i-- > 0;) {
        vfs_chmod(cmd->vfs, T->dirs[i], T->dir_mode[i]);
        struct timespec ts[2] = {T->dir_mt[i], T->dir_mt[i]};
        if (!T->touch)
            vfs_utimens(cmd->vfs, T->dirs[i], ts, true);
    }
    if (T->zin) {
        inflateEnd(&T->zs);
        T->zin = false;
    }
    stream_unref(T->in);
    if (T->zerr) {
        const char *m = T->zerr == 1 ? "\ngzip: stdin: unexpected end of file\n"
                                     : "\ngzip: stdin: invalid compressed data--format violated\n";
        bi_errw(cmd, m, strlen(m));
        tar_errmsg(T, "Child returned status 1");
        tar_errmsg(T, "Error is not recoverable: exiting now");
        return 2;
    }
    if (T->rerr) {
        tar_errmsg(T, "Read error: %s", vb_strerror(T->rerr));
        status = 2;
    }
    if (T->eof_fatal) {
        tar_errmsg(T, "Unexpected EOF in archive");
        tar_errmsg(T, "Error is not recoverable: exiting now");
        return 2;
    }
    for (size_t i = 0; i < T->nnames; i++) {
        if (!T->name_seen[i] && T->names[i][0]) {
            if (T->wild_default && tar_has_wild(T->names[i])) {
                tar_errmsg(T, "Pattern matching characters used in file names");
                tar_errmsg(T, "Use --wildcards to enable pattern matching, or --no-wildcards "
                              "to suppress this warning");
            }
            tar_errmsg(T, "%s: Not found in archive", T->names[i]);
            T->status = 2;
        }
    }
    if (status || T->status) {
        tar_errmsg(T, "Exiting with failure status due to previous errors");
        return 2;
    }
    return T->differs ? 1 : 0;
}

/* ------------------------------------------------------------------ main */

static int tar_add_names_from(tar *T, const char *file)
{
    vb_cmd *cmd = T->cmd;
    int err = 0;
    stream *s = bi_open_read(cmd, file, &err);
    if (!s) {
        tar_errmsg(T, "%s: Cannot stat: %s", file, vb_strerror(err));
        tar_errmsg(T, "Error is not recoverable: exiting now");
        return -1;
    }
    bi_reader r;
    bi_reader_init(&r, cmd, s);
    const char *rec;
    size_t len;
    int delim = T->null_names ? 0 : '\n';
    while (bi_getrec(&r, delim, &rec, &len) > 0) {
        if (len && rec[len - 1] == (char)delim)
            len--;
        if (!len)
            continue;
        T->names = mem_realloc(cmd->heap, T->names, (T->nnames + 1) * sizeof *T->names);
        T->names[T->nnames++] = mem_strndup(cmd->heap, rec, len);
    }
    bi_reader_free(&r);
    stream_unref(s);
    return 0;
}

static int tar_main(vb_cmd *cmd, tar *T)
{
    T->cmd = cmd;
    T->ugswidth = 19;
    T->record = 10240;
    T->format = 'g';
    /* old-style first argument: "tar czf x.tgz dir" */
    if (cmd->argc > 1 && cmd->argv[1][0] != '-')
        cmd->argv[1] = mem_printf(cmd->heap, "-%s", cmd->argv[1]);
    static const bi_longopt longs[] = {
        {"create", 0, 'c'}, {"list", 0, 't'}, {"extract", 0, 'x'}, {"get", 0, 'x'},
        {"diff", 0, 'd'}, {"compare", 0, 'd'},
        {"file", 1, 'f'}, {"gzip", 0, 'z'}, {"gunzip", 0, 'z'}, {"ungzip", 0, 'z'},
        {"directory", 1, 'C'}, {"verbose", 0, 'v'}, {"preserve-permissions", 0, 'p'},
        {"same-permissions", 0, 'p'}, {"to-stdout", 0, 'O'}, {"keep-old-files", 0, 'k'},
        {"files-from", 1, 'T'},
        {"strip-components", 1, TAR_STRIP}, {"exclude", 1, TAR_EXCLUDE},
        {"numeric-owner", 0, TAR_NUMERIC}, {"owner", 1, TAR_OWNER}, {"group", 1, TAR_GROUP},
        {"sort", 1, TAR_SORT}, {"no-same-owner", 0, TAR_NOSAME},
        {"append", 0, 'r'}, {"update", 0, 'u'}, {"delete", 0, TAR_DELETE},
        {"mtime", 1, TAR_MTIME}, {"wildcards", 0, TAR_WILD}, {"no-wildcards", 0, TAR_NOWILD},
        {"wildcards-match-slash", 0, TAR_WSLASH}, {"no-wildcards-match-slash", 0, TAR_NOWSLASH},
        {"anchored", 0, TAR_ANCH}, {"no-anchored", 0, TAR_NOANCH},
        {"ignore-case", 0, TAR_ICASE}, {"no-ignore-case", 0, TAR_NOICASE},
        {"recursion", 0, TAR_RECUR}, {"no-recursion", 0, TAR_NORECUR},
        {"full-time", 0, TAR_FULLTIME}, {"dereference", 0, 'h'}, {"overwrite", 0, TAR_OVERWRITE},
        {"skip-old-files", 0, TAR_SKIPOLD}, {"keep-newer-files", 0, TAR_KEEPNEWER},
        {"format", 1, 'H'}, {"blocking-factor", 1, 'b'}, {"utc", 0, TAR_UTC},
        {"touch", 0, 'm'}, {"no-same-permissions", 0, TAR_NOSAMEPERM},
        {"unlink-first", 0, 'U'}, {"exclude-from", 1, 'X'}, {"exclude-vcs", 0, TAR_EXCLVCS},
        {"transform", 1, TAR_XFORM}, {"xform", 1, TAR_XFORM},
        {"show-transformed-names", 0, TAR_SHOWX}, {"show-stored-names", 0, TAR_SHOWSTORED},
        {"to-command", 1, TAR_TOCMD}, {"catenate", 0, 'A'}, {"concatenate", 0, 'A'},
        {"absolute-names", 0, 'P'}, {"remove-files", 0, TAR_REMOVE}, {"null", 0, TAR_NULL},
        {"no-null", 0, TAR_NONULL}, {"ignore-failed-read", 0, TAR_IGNFAIL},
        {"mode", 1, TAR_MODE}, {"exclude-caches", 0, TAR_XCACHE},
        {"exclude-caches-under", 0, TAR_XCACHE_U}, {"exclude-caches-all", 0, TAR_XCACHE_A},
        {"exclude-tag", 1, TAR_XTAG}, {"exclude-tag-under", 1, TAR_XTAG_U},
        {"exclude-tag-all", 1, TAR_XTAG_A},
        {0, 0, 0}};
    /* pattern options apply to the --exclude and the operands after them */
    int wildcards = 0;                 /* 0 default, 1 --no-wildcards, 2 --wildcards */
    int mflags = 0, incl_anch = TAR_M_ANCH, recur = FNM_LEADING_DIR;
    int *ev_at = NULL, *ev_flags = NULL;
    size_t nev = 0;
    const char *mtime_arg = NULL;
    bool unlink_first = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "ctxruAdf:zC:vpkOT:hH:b:mUX:P", longs, tar_help);
    o.quiet = true;
    int c;
    const char *tfile = NULL;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_ERR: {
            char *m = mem_printf(cmd->heap,
                                 "tar: %s\nTry 'tar --help' or 'tar --usage' for more information.\n",
                                 o.msg);
            bi_errw(cmd, m, strlen(m));
            return 64;
        }
        case BI_OPT_EXIT:
            return o.status;
        case 'c':
        case 't':
        case 'x':
        case 'r':
        case 'u':
        case 'A':
        case 'd':
        case TAR_DELETE:
            if (T->mode && T->mode != c) {
                tar_errmsg(T, "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
                bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
                return 2;
            }
            T->mode = c;
            break;
        case 'f': T->file = o.arg; break;
        case 'z': T->gzip = true; break;
        case 'C': {
            /* -C applies to the operands after it, relative to the previous -C */
            const char *base = T->dir ? T->dir : cmd->cwd;
            T->dir = o.arg[0] == '/' ? o.arg : fs_join(cmd->heap, base, o.arg);
            T->dir_shown = mem_realloc(cmd->heap, T->dir_shown, (T->ndirops + 1) * sizeof(char *));
            T->dirops = mem_realloc(cmd->heap, T->dirops, (T->ndirops + 1) * sizeof(char *));
            T->dirop_at = mem_realloc(cmd->heap, T->dirop_at, (T->ndirops + 1) * sizeof(int));
            T->dir_shown[T->ndirops] = o.arg;
            T->dirops[T->ndirops] = T->dir;
            T->dirop_at[T->ndirops++] = o.noperw;
            break;
        }
        case 'v': T->verbose++; break;
        case 'p': T->preserve = true; break;
        case 'O': T->to_stdout = true; break;
        case 'k': T->keep_old = true; break;
        case 'T': tfile = o.arg; break;
        case TAR_STRIP: {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) < 0 || v < 0) {
                tar_errmsg(T, "%s: Invalid number of elements", o.arg);
                bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
                return 2;
            }
            T->strip = (long)v;
            break;
        }
        case TAR_EXCLUDE:
            T->excl = mem_realloc(cmd->heap, T->excl, (T->nexcl + 1) * sizeof *T->excl);
            T->excl[T->nexcl].pat = o.arg;
            T->excl[T->nexcl++].flags = (wildcards != 1 ? TAR_M_WILD : 0) | mflags | recur;
            break;
        case TAR_WILD: case TAR_NOWILD: case TAR_WSLASH: case TAR_NOWSLASH: case TAR_ANCH:
        case TAR_NOANCH: case TAR_ICASE: case TAR_NOICASE: case TAR_RECUR: case TAR_NORECUR:
            switch (c) {
            case TAR_WILD: wildcards = 2; break;
            case TAR_NOWILD: wildcards = 1; break;
            case TAR_WSLASH: mflags &= ~FNM_PATHNAME; break;
            case TAR_NOWSLASH: mflags |= FNM_PATHNAME; break;
            case TAR_ANCH: mflags |= TAR_M_ANCH; break;
            case TAR_NOANCH: incl_anch = 0; mflags &= ~TAR_M_ANCH; break;
            case TAR_ICASE: mflags |= FNM_CASEFOLD; break;
            case TAR_NOICASE: mflags &= ~FNM_CASEFOLD; break;
            case TAR_RECUR: recur = FNM_LEADING_DIR; break;
            default: recur = 0; break;
            }
            ev_at = mem_realloc(cmd->heap, ev_at, (nev + 1) * sizeof *ev_at);
            ev_flags = mem_realloc(cmd->heap, ev_flags, (nev + 1) * sizeof *ev_flags);
            ev_at[nev] = o.noperw;
            ev_flags[nev++] = (wildcards == 2 ? TAR_M_WILD : 0) | incl_anch | mflags | recur;
            break;
        case TAR_MTIME:
            mtime_arg = o.arg;
            break;
        case TAR_FULLTIME: T->full_time = true; break;
        case TAR_UTC: T->utc = true; break;
        case 'm': T->touch = true; break;
        case TAR_NOSAMEPERM: T->preserve = false; break;
        case 'U': T->old_files = 0; unlink_first = true; break;   /* replace: unlink, then create */
        case 'X':
        case TAR_EXCLVCS: {
            /* patterns from a file, or GNU's list of version-control names */
            static const char *const vcs[] = {
                "CVS", ".cvsignore", "RCS", "SCCS", ".git", ".gitignore", ".gitattributes",
                ".gitmodules", ".arch-ids", "{arch}", "=RELEASE-ID", "=meta-update", "=update",
                ".bzr", ".bzrignore", ".bzrtags", ".hg", ".hgignore", ".hgtags", "_darcs", NULL};
            int fl = (wildcards != 1 ? TAR_M_WILD : 0) | mflags | recur;
            if (c == TAR_EXCLVCS) {
                for (int k = 0; vcs[k]; k++) {
                    T->excl = mem_realloc(cmd->heap, T->excl, (T->nexcl + 1) * sizeof *T->excl);
                    T->excl[T->nexcl].pat = vcs[k];
                    T->excl[T->nexcl++].flags = fl;
                }
                break;
            }
            int err = 0;
            stream *xs = bi_open_read(cmd, o.arg, &err);
            if (!xs) {
                tar_errmsg(T, "%s: %s", o.arg, vb_strerror(err));
                tar_errmsg(T, "Error is not recoverable: exiting now");
                return 2;
            }
            bi_reader xr;
            bi_reader_init(&xr, cmd, xs);
            const char *rec;
            size_t len;
            while (bi_getrec(&xr, '\n', &rec, &len) > 0) {
                if (len && rec[len - 1] == '\n')
                    len--;
                if (!len)
                    continue;
                T->excl = mem_realloc(cmd->heap, T->excl, (T->nexcl + 1) * sizeof *T->excl);
                T->excl[T->nexcl].pat = mem_strndup(cmd->heap, rec, len);
                T->excl[T->nexcl++].flags = fl;
            }
            bi_reader_free(&xr);
            stream_unref(xs);
            break;
        }
        case 'h': T->deref = true; break;
        case TAR_OVERWRITE: T->old_files = 'o'; break;
        case TAR_SKIPOLD: T->old_files = 's'; break;
        case TAR_KEEPNEWER: T->old_files = 'n'; break;
        case 'H':
            if (!strcmp(o.arg, "gnu") || !strcmp(o.arg, "oldgnu")) {
                T->format = 'g';
            } else if (!strcmp(o.arg, "ustar")) {
                T->format = 'u';
            } else if (!strcmp(o.arg, "v7") || !strcmp(o.arg, "posix") || !strcmp(o.arg, "pax")) {
                tar_errmsg(T, "--format=%s is not supported in the sandbox (gnu, oldgnu, ustar are)",
                           o.arg);
                return 2;
            } else {
                tar_errmsg(T, "%s: Invalid archive format", o.arg);
                bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
                return 2;
            }
            break;
        case 'b': {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) < 0 || v < 1 || v > 65536) {
                tar_errmsg(T, "%s: Invalid blocking factor", o.arg);
                bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
                return 2;
            }
            T->record = (uint64_t)v * TAR_BLOCK;
            break;
        }
        case TAR_NUMERIC: T->numeric = true; break;
        case TAR_OWNER:
        case TAR_GROUP: {
            const char *a = o.arg;
            const char *colon = strchr(a, ':');
            char *nm = colon ? mem_strndup(cmd->heap, a, (size_t)(colon - a)) : (char *)a;
            uint32_t id = 0;
            int r = c == TAR_OWNER ? fs_user_id(cmd, &T->ids, nm, &id)
                                   : fs_group_id(cmd, &T->ids, nm, &id);
            if (colon) {
                int64_t v;
                if (bi_parse_i64(colon + 1, &v) == 0)
                    id = (uint32_t)v;
                r = 0;
            }
            if (r < 0) {
                tar_errmsg(T, "%s: Invalid %s", fs_lq(cmd, a), c == TAR_OWNER ? "owner" : "group");
                return 2;
            }
            if (c == TAR_OWNER) {
                T->owner = nm[0] >= '0' && nm[0] <= '9' ? NULL : nm;
                T->owner_id = id;
                T->have_owner = true;
            } else {
                T->group = nm[0] >= '0' && nm[0] <= '9' ? NULL : nm;
                T->group_id = id;
                T->have_group = true;
            }
            break;
        }
        case TAR_SORT:
            if (strcmp(o.arg, "name") != 0 && strcmp(o.arg, "none") != 0) {
                tar_errmsg(T, "invalid argument %s for '--sort'", fs_lq(cmd, o.arg));
                return 2;
            }
            break;
        case TAR_NOSAME:
            break;
        case TAR_XFORM:
            if (tar_xform_parse(cmd, &T->xf, o.arg) < 0)
                return 2;
            break;
        case TAR_SHOWX: T->show_xf = true; break;
        case TAR_SHOWSTORED: T->show_xf = false; break;
        case TAR_TOCMD: T->to_cmd = o.arg; break;
        case 'P': T->absolute = true; break;
        case TAR_REMOVE: T->remove_files = true; break;
        case TAR_NULL: T->null_names = true; break;
        case TAR_NONULL: T->null_names = false; break;
        case TAR_IGNFAIL: T->ignore_failed = true; break;
        case TAR_XCACHE: case TAR_XCACHE_U: case TAR_XCACHE_A:
        case TAR_XTAG: case TAR_XTAG_U: case TAR_XTAG_A: {
            bool cache = c == TAR_XCACHE || c == TAR_XCACHE_U || c == TAR_XCACHE_A;
            T->tags = mem_realloc(cmd->heap, T->tags, (T->ntags + 1) * sizeof *T->tags);
            T->tags[T->ntags].name = cache ? "CACHEDIR.TAG" : o.arg;
            T->tags[T->ntags].cache = cache;
            T->tags[T->ntags++].how = c == TAR_XCACHE || c == TAR_XTAG     ? 'c'
                                      : c == TAR_XCACHE_U || c == TAR_XTAG_U ? 'u' : 'a';
            break;
        }
        case TAR_MODE:
            T->mode_opt = fs_mode_compile(cmd, o.arg);
            if (!T->mode_opt) {
                tar_errmsg(T, "Invalid mode given on option");
                tar_errmsg(T, "Error is not recoverable: exiting now");
                return 2;
            }
            break;
        default:
            break;
        }
    }
    if (!T->mode) {
        tar_errmsg(T, "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
        bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
        return 2;
    }
    if (unlink_first && T->keep_old) {
        tar_errmsg(T, "'--unlink-first' cannot be used with '--keep-old-files'");
        bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
        return 2;
    }
    if (T->mode == 'A' && T->gzip) {
        tar_errmsg(T, "Cannot concatenate compressed archives");
        bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
        return 2;
    }
    if ((T->mode == 'r' || T->mode == 'u' || T->mode == TAR_DELETE) && T->gzip) {
        tar_errmsg(T, "Cannot update compressed archives");
        bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
        return 2;
    }
    if ((T->mode == 'r' || T->mode == 'u' || T->mode == 'A') &&
        (!T->file || strcmp(T->file, "-") == 0)) {
        tar_errmsg(T, "Options '-Aru' are incompatible with '-f -'");
        bi_errw(cmd, "Try 'tar --help' or 'tar --usage' for more information.\n", 56);
        return 2;
    }
    T->umask = fs_umask(cmd);
    T->recursion = recur != 0;
    T->wild_default = wildcards == 0;
    if (mtime_arg && tar_parse_mtime(T, mtime_arg) < 0)
        return 2;
    for (int i = o.ind; i < cmd->argc; i++) {
        T->names = mem_realloc(cmd->heap, T->names, (T->nnames + 1) * sizeof *T->names);
        T->names[T->nnames++] = cmd->argv[i];
    }
    size_t nargs = T->nnames;
    if (tfile && tar_add_names_from(T, tfile) < 0)
        return 2;
    T->name_seen = mem_calloc(cmd->heap, T->nnames + 1, sizeof *T->name_seen);
    T->name_flags = mem_calloc(cmd->heap, T->nnames + 1, sizeof *T->name_flags);
    for (size_t i = 0; i < T->nnames; i++) {
        int f = TAR_M_ANCH | FNM_LEADING_DIR;
        for (size_t e = 0; e < nev; e++)
            if (i >= nargs || (size_t)ev_at[e] <= i)
                f = ev_flags[e];
        T->name_flags[i] = f;
    }
    T->name_dk = mem_calloc(cmd->heap, T->nnames + 1, sizeof *T->name_dk);
    T->name_off = mem_calloc(cmd->heap, T->nnames + 1, sizeof *T->name_off);
    for (size_t i = 0; i < T->nnames; i++) {
        int dk = -1;
        for (size_t k = 0; k < T->ndirops; k++)
            if ((size_t)T->dirop_at[k] <= i || i >= nargs)
                dk = (int)k;
        T->name_dk[i] = dk;
    }
    int st;
    if (T->mode == 'c' || T->mode == 'r' || T->mode == 'u' || T->mode == 'A')
        st = tar_create(T);
    else if (T->mode == TAR_DELETE)
        st = tar_delete(T);
    else
        st = tar_read_archive(T);
    if (T->zin)
        inflateEnd(&T->zs);   /* the early exits of tar_read_archive */
    if ((T->mode == 'c' || T->mode == 'r' || T->mode == 'u' || T->mode == 'A') && T->status &&
        st == T->status && !T->fatal)
        tar_errmsg(T, "Exiting with failure status due to previous errors");
    return bi_done(cmd, st);
}

int bi_tar(vb_cmd *cmd)
{
    tar T;
    memset(&T, 0, sizeof T);
    int st = tar_main(cmd, &T);
    tar_xform_free(&T.xf);
    return st;
}
