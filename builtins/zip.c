/*
 * zip, unzip — .zip archives on the VFS, deflate through zlib.
 *
 * Reference: Info-ZIP zip 3.0 and unzip 6.0. zip: -r -q, new archives only
 * (entries deflated, or stored when deflate does not shrink them).
 * unzip: -l -o -n -q -p -d, member operands; "../" components and leading
 * slashes are stripped with Info-ZIP's warnings, so nothing lands outside
 * the target directory.
 *
 * Deviations: zip does not update an existing archive (it refuses); the
 * deflated bytes (and the percentages zip prints) come from zlib; unzip does
 * not ask before overwriting (no terminal): without -o it skips existing files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("zip", bi_zip, BI_UTIL)
VB_BUILTIN("unzip", bi_unzip, BI_UTIL)

typedef struct zip_ent {
    char *name;
    uint32_t crc, csize, usize, off;
    uint16_t method, dtime, ddate;
    uint32_t mode;
} zip_ent;

typedef struct zipw {
    vb_cmd *cmd;
    vbuf out;
    zip_ent *ents;
    size_t n, cap;
    bool recurse, quiet;
    int status;
} zipw;

static void zip_put16(vbuf *b, uint32_t v)
{
    vbuf_addc(b, (char)(v & 0xff));
    vbuf_addc(b, (char)((v >> 8) & 0xff));
}

static void zip_put32(vbuf *b, uint32_t v)
{
    zip_put16(b, v & 0xffff);
    zip_put16(b, v >> 16);
}

static uint32_t zip_get16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t zip_get32(const unsigned char *p) { return zip_get16(p) | zip_get16(p + 2) << 16; }

static int zip_add(zipw *Z, const char *name, const char *abs, const vfs_stat_t *st)
{
    vb_cmd *cmd = Z->cmd;
    bool dir = S_ISDIR(st->mode);
    if (!dir && !S_ISREG(st->mode))
        return 0;
    const char *nm = name;
    while (*nm == '/')
        nm++;
    while (nm[0] == '.' && nm[1] == '/')
        nm += 2;
    if (!*nm || strcmp(nm, ".") == 0)
        return 0;
    char *ename = dir ? (nm[strlen(nm) - 1] == '/' ? mem_strdup(cmd->heap, nm)
                                                   : mem_printf(cmd->heap, "%s/", nm))
                      : mem_strdup(cmd->heap, nm);
    char *data = NULL;
    size_t len = 0;
    if (!dir) {
        int r = vfs_read_all(cmd->vfs, abs, cmd->heap, &data, &len);
        if (r < 0) {
            bi_err(cmd, "warning: could not open for reading: %s", name);
            Z->status = 18;
            return 0;
        }
    }
    uLong crc = crc32(0, NULL, 0);
    if (len)
        crc = crc32(crc, (const unsigned char *)data, (uInt)len);
    unsigned char *comp = NULL;
    size_t clen = 0;
    uint16_t method = 0;
    if (len > 0) {
        uLong bound = compressBound((uLong)len) + 16;
        comp = mem_alloc(cmd->heap, bound);
        z_stream z;
        memset(&z, 0, sizeof z);
        if (comp && deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
            z.next_in = (unsigned char *)data;
            z.avail_in = (uInt)len;
            z.next_out = comp;
            z.avail_out = (uInt)bound;
            if (deflate(&z, Z_FINISH) == Z_STREAM_END && z.total_out < len) {
                clen = z.total_out;
                method = 8;
            }
            deflateEnd(&z);
        }
    }
    if (method == 0) {
        comp = (unsigned char *)data;
        clen = len;
    }
    struct tm tm;
    fs_localtime(cmd, st->mtime.tv_sec, &tm);
    if (tm.tm_year < 80) {
        tm.tm_year = 80;
        tm.tm_mon = 0;
        tm.tm_mday = 1;
        tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    }
    uint16_t dtime = (uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    uint16_t ddate = (uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
    if (Z->n == Z->cap) {
        Z->cap = Z->cap ? Z->cap * 2 : 16;
        Z->ents = mem_realloc(cmd->heap, Z->ents, Z->cap * sizeof *Z->ents);
    }
    zip_ent *e = &Z->ents[Z->n++];
    e->name = ename;
    e->crc = (uint32_t)crc;
    e->csize = (uint32_t)clen;
    e->usize = (uint32_t)len;
    e->off = (uint32_t)Z->out.len;
    e->method = method;
    e->dtime = dtime;
    e->ddate = ddate;
    e->mode = st->mode;
    vbuf *b = &Z->out;
    zip_put32(b, 0x04034b50);
    zip_put16(b, method ? 20 : 10);
    zip_put16(b, 0);
    zip_put16(b, method);
    zip_put16(b, dtime);
    zip_put16(b, ddate);
    zip_put32(b, e->crc);
    zip_put32(b, e->csize);
    zip_put32(b, e->usize);
    zip_put16(b, (uint32_t)strlen(ename));
    zip_put16(b, 0);
    vbuf_add(b, ename, strlen(ename));
    if (clen)
        vbuf_add(b, comp, clen);
    if (!Z->quiet) {
        if (method == 8) {
            int pct = (int)(((double)len - (double)clen) * 100.0 / (double)len + 0.5);
            bi_outf(cmd, "  adding: %s (deflated %d%%)\n", ename, pct);
        } else {
            bi_outf(cmd, "  adding: %s (stored 0%%)\n", ename);
        }
    }
    return 0;
}

static int zip_walk_cb(void *ctx, fs_walk_ent *e)
{
    zipw *Z = ctx;
    if (bi_cancelled(Z->cmd))
        return -1;
    if (e->err < 0)
        return 0;
    zip_add(Z, e->path, e->abs, &e->st);
    if (S_ISDIR(e->st.mode) && !Z->recurse)
        return 1;
    return 0;
}

int bi_zip(vb_cmd *cmd)
{
    zipw Z;
    memset(&Z, 0, sizeof Z);
    Z.cmd = cmd;
    static const bi_longopt longs[] = {{"recurse-paths", 0, 'r'}, {"quiet", 0, 'q'}, {0, 0, 0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "rq", longs, NULL);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_ERR || c == BI_OPT_EXIT)
            return c == BI_OPT_ERR ? 16 : o.status;
        if (c == 'r')
            Z.recurse = true;
        else if (c == 'q')
            Z.quiet = true;
    }
    if (o.ind >= cmd->argc) {
        bi_errw(cmd, "\nzip error: Invalid command arguments (nothing to select from)\n", 63);
        return 16;
    }
    const char *arch = cmd->argv[o.ind++];
    if (!strchr(fs_base(cmd->heap, arch), '.'))
        arch = mem_printf(cmd->heap, "%s.zip", arch);
    vfs_stat_t st;
    if (vfs_stat(cmd->vfs, bi_path(cmd, arch), &st) == 0) {
        bi_err(cmd, "%s: updating an existing archive is not supported", arch);
        return 16;
    }
    if (o.ind >= cmd->argc) {
        bi_errw(cmd, "\nzip error: Nothing to do! (", 28);
        bi_errw(cmd, arch, strlen(arch));
        bi_errw(cmd, ")\n", 2);
        return 12;
    }
    vbuf_init(&Z.out, cmd->heap);
    for (int i = o.ind; i < cmd->argc; i++) {
        char *abs = bi_path(cmd, cmd->argv[i]);
        if (vfs_lstat(cmd->vfs, abs, &st) < 0) {
            if (!Z.quiet) {
                bi_errw(cmd, "\tzip warning: name not matched: ", 32);
                bi_errw(cmd, cmd->argv[i], strlen(cmd->argv[i]));
                bi_errw(cmd, "\n", 1);
            }
            continue;
        }
        fs_walk(cmd, cmd->argv[i], 0, zip_walk_cb, &Z);
    }
    if (Z.n == 0) {
        /* zip reports its errors on standard output */
        bi_outf(cmd, "\nzip error: Nothing to do! (%s)\n", arch);
        return bi_done(cmd, 12);
    }
    uint32_t cd_off = (uint32_t)Z.out.len;
    vbuf *b = &Z.out;
    for (size_t i = 0; i < Z.n; i++) {
        zip_ent *e = &Z.ents[i];
        zip_put32(b, 0x02014b50);
        zip_put16(b, 0x031e);
        zip_put16(b, e->method ? 20 : 10);
        zip_put16(b, 0);
        zip_put16(b, e->method);
        zip_put16(b, e->dtime);
        zip_put16(b, e->ddate);
        zip_put32(b, e->crc);
        zip_put32(b, e->csize);
        zip_put32(b, e->usize);
        zip_put16(b, (uint32_t)strlen(e->name));
        zip_put16(b, 0);
        zip_put16(b, 0);
        zip_put16(b, 0);
        zip_put16(b, S_ISDIR(e->mode) ? 0 : 1);
        zip_put32(b, (e->mode & 0xffff) << 16 | (S_ISDIR(e->mode) ? 0x10 : 0));
        zip_put32(b, e->off);
        vbuf_add(b, e->name, strlen(e->name));
    }
    uint32_t cd_len = (uint32_t)Z.out.len - cd_off;
    zip_put32(b, 0x06054b50);
    zip_put16(b, 0);
    zip_put16(b, 0);
    zip_put16(b, (uint32_t)Z.n);
    zip_put16(b, (uint32_t)Z.n);
    zip_put32(b, cd_len);
    zip_put32(b, cd_off);
    zip_put16(b, 0);
    int r = vfs_write_all(cmd->vfs, bi_path(cmd, arch), Z.out.data, Z.out.len, 0666 & ~fs_umask(cmd));
    if (r < 0) {
        bi_err(cmd, "%s: %s", arch, vb_strerror(r));
        return 15;
    }
    return bi_done(cmd, Z.status);
}

/* ------------------------------------------------------------------ unzip */

static char *unzip_safe(vb_cmd *cmd, const char *name, bool *warned_dd, bool *warned_abs)
{
    const char *p = name;
    if (*p == '/') {
        while (*p == '/')
            p++;
        *warned_abs = true;
    }
    vbuf b;
    vbuf_init(&b, cmd->heap);
    while (*p) {
        const char *e = strchr(p, '/');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == 2 && p[0] == '.' && p[1] == '.') {
            *warned_dd = true;
        } else if (l > 0 && !(l == 1 && p[0] == '.')) {
            vbuf_add(&b, p, l);
            if (e)
                vbuf_addc(&b, '/');
        }
        if (!e)
            break;
        p = e + 1;
    }
    vbuf_addc(&b, 0);
    return b.data;
}

int bi_unzip(vb_cmd *cmd)
{
    bool list = false, over = false, never = false, quiet = false, pipe = false;
    const char *dir = NULL;
    bi_opt o;
    bi_opt_init(&o, cmd, "lonqpd:", NULL, NULL);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_ERR: return 10;
        case BI_OPT_EXIT: return o.status;
        case 'l': list = true; break;
        case 'o': over = true; break;
        case 'n': never = true; break;
        case 'q': quiet = true; break;
        case 'p': pipe = true; break;
        case 'd': dir = o.arg; break;
        default: break;
        }
    }
    if (o.ind >= cmd->argc) {
        bi_errw(cmd, "unzip: missing archive name\n", 28);
        return 10;
    }
    const char *arch = cmd->argv[o.ind++];
    char *data = NULL;
    size_t len = 0;
    if (vfs_read_all(cmd->vfs, bi_path(cmd, arch), cmd->heap, &data, &len) < 0) {
        char *alt = mem_printf(cmd->heap, "%s.zip", arch);
        if (vfs_read_all(cmd->vfs, bi_path(cmd, alt), cmd->heap, &data, &len) < 0) {
            char *m = mem_printf(cmd->heap, "unzip:  cannot find or open %s, %s.zip or %s.ZIP.\n",
                                 arch, arch, arch);
            bi_errw(cmd, m, strlen(m));
            return 9;
        }
        arch = alt;
    }
    const unsigned char *d = (const unsigned char *)data;
    size_t eocd = (size_t)-1;
    for (size_t i = len >= 22 ? len - 22 : 0; len >= 22; i--) {
        if (zip_get32(d + i) == 0x06054b50) {
            eocd = i;
            break;
        }
        if (i == 0 || len - i > 22 + 65535)
            break;
    }
    if (!pipe && !quiet)
        bi_outf(cmd, "Archive:  %s\n", arch);
    if (eocd == (size_t)-1) {
        char *m = mem_printf(cmd->heap,
            "  End-of-central-directory signature not found.  Either this file is not\n"
            "  a zipfile, or it constitutes one disk of a multi-part archive.  In the\n"
            "  latter case the central directory and zipfile comment will be found on\n"
            "  the last disk(s) of this archive.\n"
            "unzip:  cannot find zipfile directory in one of %s or\n"
            "        %s.zip, and cannot find %s.ZIP, period.\n", arch, arch, arch);
        bi_flush(cmd);
        bi_errw(cmd, m, strlen(m));
        return 9;
    }
    uint32_t n = zip_get16(d + eocd + 10);
    size_t off = zip_get32(d + eocd + 16);
    char *dest = dir ? bi_path(cmd, dir) : (char *)cmd->cwd;
    if (dir)
        fs_canon(cmd, dest, FS_CAN_MISSING, &dest);
    uint64_t total = 0;
    uint32_t count = 0;
    int status = 0;
    if (list)
        bi_outs(cmd, "  Length      Date    Time    Name\n---------  ---------- -----   ----\n");
    bool *seen = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, 1);
    for (uint32_t k = 0; k < n; k++) {
        if (off + 46 > len || zip_get32(d + off) != 0x02014b50)
            break;
        uint32_t method = zip_get16(d + off + 10);
        uint32_t dtime = zip_get16(d + off + 12), ddate = zip_get16(d + off + 14);
        uint32_t crc = zip_get32(d + off + 16);
        uint32_t csize = zip_get32(d + off + 20), usize = zip_get32(d + off + 24);
        uint32_t nl = zip_get16(d + off + 28), xl = zip_get16(d + off + 30),
                 cl = zip_get16(d + off + 32);
        uint32_t attr = zip_get32(d + off + 38);
        size_t loff = zip_get32(d + off + 42);
        if (off + 46 + nl > len)
            break;
        char *name = mem_strndup(cmd->heap, (const char *)d + off + 46, nl);
        off += 46 + nl + xl + cl;
        if (o.ind < cmd->argc) {
            bool want = false;
            for (int i = o.ind; i < cmd->argc; i++)
                if (strcmp(cmd->argv[i], name) == 0) {
                    want = true;
                    seen[i] = true;
                }
            if (!want)
                continue;
        }
        if (list) {
            bi_outf(cmd, "%9u  %04u-%02u-%02u %02u:%02u   %s\n", usize, (ddate >> 9) + 1980,
                    (ddate >> 5) & 15, ddate & 31, dtime >> 11, (dtime >> 5) & 63, name);
            total += usize;
            count++;
            continue;
        }
        if (loff + 30 > len || zip_get32(d + loff) != 0x04034b50) {
            bi_err(cmd, "bad zipfile offset (lseek):  %zu", loff);
            status = 2;
            continue;
        }
        size_t doff = loff + 30 + zip_get16(d + loff + 26) + zip_get16(d + loff + 28);
        if (doff + csize > len) {
            status = 2;
            continue;
        }
        bool is_dir = nl && name[nl - 1] == '/';
        char *out = NULL;
        if (!is_dir && usize) {
            out = mem_alloc(cmd->heap, usize);
            if (!out) {
                bi_err(cmd, "%s: %s", name, vb_strerror(-ENOMEM));
                status = 2;
                continue;
            }
            if (method == 0 && csize == usize) {
                memcpy(out, d + doff, usize);
            } else if (method == 8) {
                z_stream z;
                memset(&z, 0, sizeof z);
                int ok = 0;
                if (inflateInit2(&z, -15) == Z_OK) {
                    z.next_in = (unsigned char *)d + doff;
                    z.avail_in = csize;
                    z.next_out = (unsigned char *)out;
                    z.avail_out = usize;
                    ok = inflate(&z, Z_FINISH) == Z_STREAM_END && z.total_out == usize;
                    inflateEnd(&z);
                }
                if (!ok) {
                    bi_outf(cmd, "  error:  invalid compressed data to inflate %s\n", name);
                    status = 2;
                    continue;
                }
            } else {
                bi_outf(cmd, "   skipping: %-22s  unsupported compression method %u\n", name,
                        method);
                status = 1;
                continue;
            }
            if ((uint32_t)crc32(0, (unsigned char *)out, usize) != crc) {
                bi_outf(cmd, " bad CRC %08x  (should be %08x)\n",
                        (uint32_t)crc32(0, (unsigned char *)out, usize), crc);
                status = 2;
                continue;
            }
        }
        if (pipe) {
            if (out)
                bi_out(cmd, out, usize);
            continue;
        }
        bool wdd = false, wabs = false;
        char *rel = unzip_safe(cmd, name, &wdd, &wabs);
        if (wdd)
            bi_outf(cmd, "warning:  skipped \"../\" path component(s) in %s\n", name);
        if (wabs) {
            bi_flush(cmd);
            char *m = mem_printf(cmd->heap, "warning:  stripped absolute path spec from %s\n", name);
            bi_errw(cmd, m, strlen(m));
        }
        if (wdd || wabs)
            status = status ? status : 1;
        if (!*rel)
            continue;
        char *abs = fs_join(cmd->heap, dest, rel);
        size_t alen = strlen(abs);
        if (alen > 1 && abs[alen - 1] == '/')
            abs[alen - 1] = 0;
        char *shown = dir ? fs_join(cmd->heap, dir, rel) : rel;
        /* parents */
        char *p = mem_strdup(cmd->heap, abs);
        for (char *s = p + 1; *s; s++) {
            if (*s != '/')
                continue;
            *s = 0;
            vfs_stat_t st;
            if (vfs_stat(cmd->vfs, p, &st) < 0)
                vfs_mkdir(cmd->vfs, p, 0777 & ~fs_umask(cmd));
            *s = '/';
        }
        if (is_dir) {
            size_t al = strlen(abs);
            if (al > 1 && abs[al - 1] == '/')
                abs[al - 1] = 0;
            vfs_stat_t st;
            if (vfs_stat(cmd->vfs, abs, &st) < 0) {
                vfs_mkdir(cmd->vfs, abs, 0777 & ~fs_umask(cmd));
                if (!quiet)
                    bi_outf(cmd, "   creating: %s\n", shown);
            }
            continue;
        }
        vfs_stat_t st;
        if (vfs_lstat(cmd->vfs, abs, &st) == 0) {
            if (never || !over)
                continue;
            vfs_unlink(cmd->vfs, abs);
        }
        uint32_t mode = (attr >> 16) & 07777;
        if (!mode)
            mode = 0666 & ~fs_umask(cmd);
        int r = vfs_write_all(cmd->vfs, abs, out ? out : "", usize, mode);
        if (r < 0) {
            bi_err(cmd, "%s: %s", shown, vb_strerror(r));
            status = 50;
            continue;
        }
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        tm.tm_year = (int)(ddate >> 9) + 80;
        tm.tm_mon = (int)((ddate >> 5) & 15) - 1;
        tm.tm_mday = (int)(ddate & 31);
        tm.tm_hour = (int)(dtime >> 11);
        tm.tm_min = (int)((dtime >> 5) & 63);
        tm.tm_sec = (int)((dtime & 31) * 2);
        char ds[64];
        snprintf(ds, sizeof ds, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        struct timespec ts;
        if (fs_parse_date(cmd, ds, &ts) == 0) {
            struct timespec tt[2] = {ts, ts};
            vfs_utimens(cmd->vfs, abs, tt, true);
        }
        if (!quiet)
            bi_outf(cmd, "%s: %-23s \n", method == 8 ? "  inflating" : " extracting", shown);
    }
    if (list)
        bi_outf(cmd, "---------                     -------\n%9llu                     %u file%s\n",
                (unsigned long long)total, count, count == 1 ? "" : "s");
    for (int i = o.ind; i < cmd->argc; i++)
        if (!seen[i]) {
            bi_flush(cmd);
            char *m = mem_printf(cmd->heap, "caution: filename not matched:  %s\n", cmd->argv[i]);
            bi_errw(cmd, m, strlen(m));
            status = 11;
        }
    return bi_done(cmd, status);
}
