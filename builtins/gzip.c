/*
 * gzip, gunzip, zcat — compress and decompress .gz files through zlib.
 *
 * Reference: GNU gzip 1.12. Options -c -d -f -k -l -n -N -q -t -v -1..-9
 * --fast --best -S; multi-member input, trailing zeros and garbage as GNU
 * treats them, the .gz/.z/-gz/.tgz suffixes, GNU's messages and exit
 * statuses (1 error, 2 warning). Data is streamed in 64 KiB chunks.
 *
 * Deviations: the compressed bytes come from zlib's deflate, which may
 * differ from GNU gzip's own deflate (both decompress to the same data).
 * -r walks directories in name order (GNU: directory order).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("gzip", bi_gzip, BI_UTIL)
VB_BUILTIN("gunzip", bi_gzip, BI_UTIL)
VB_BUILTIN("zcat", bi_gzip, BI_UTIL)

#define GZ_CHUNK (64 * 1024)

static const char gz_help[] =
    "Usage: gzip [OPTION]... [FILE]...\n"
    "Compress or uncompress FILEs (by default, compress FILES in-place).\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "\n"
    "  -c, --stdout      write on standard output, keep original files unchanged\n"
    "  -d, --decompress  decompress\n"
    "  -f, --force       force overwrite of output file and compress links\n"
    "  -h, --help        give this help\n"
    "  -k, --keep        keep (don't delete) input files\n"
    "  -l, --list        list compressed file contents\n"
    "  -n, --no-name     do not save or restore the original name and timestamp\n"
    "  -N, --name        save or restore the original name and timestamp\n"
    "  -q, --quiet       suppress all warnings\n"
    "  -r, --recursive   operate recursively on directories\n"
    "  -S, --suffix=SUF  use suffix SUF on compressed files\n"
    "  -t, --test        test compressed file integrity\n"
    "  -v, --verbose     verbose mode\n"
    "  -1, --fast        compress faster\n"
    "  -9, --best        compress better\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n";

typedef struct gz {
    vb_cmd *cmd;
    bool to_stdout, decompress, force, keep, list, test, quiet;
    bool recursive;        /* -r */
    int depth;             /* inside a -r walk: files met there are quiet about suffixes */
    int verbose;
    int name_mode;          /* -1 default, 0 -n, 1 -N */
    int level;
    const char *suffix;
    int status;
    bool list_header;
    uint64_t tot_in, tot_out;
    int nlisted;
} gz;

/* GNU's decompression errors start with a newline: "\ngzip: x: msg\n". */
static void gz_errnl(vb_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void gz_errnl(vb_cmd *cmd, const char *fmt, ...)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "\n%s: ", cmd->argv[0]);
    va_list ap;
    va_start(ap, fmt);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    vbuf_addc(&b, '\n');
    bi_errw(cmd, b.data, b.len);
    vbuf_free(&b);
}

static void gz_warn(gz *G)
{
    if (G->status == 0)
        G->status = 2;
}

/* Writes to the output: a stream, or fd 1 through bi_out when out is NULL. */
static int gz_write(gz *G, stream *out, const void *p, size_t n)
{
    if (n == 0)
        return 0;
    if (!out)
        return bi_out(G->cmd, p, n) < 0 ? -1 : 0;
    ssize_t w = stream_write(out, p, n);
    return w < 0 ? (int)w : 0;
}

static void gz_put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t gz_get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Compresses in to out as one gzip member. name may be NULL. */
static int gzh_compress(gz *G, stream *in, stream *out, const char *name, uint32_t mtime,
                       uint64_t *nin, uint64_t *nout, int *werr)
{
    vb_cmd *cmd = G->cmd;
    unsigned char hdr[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    if (name)
        hdr[3] = 8;
    gz_put32(hdr + 4, mtime);
    hdr[8] = G->level == 9 ? 2 : G->level == 1 ? 4 : 0;
    *nin = *nout = 0;
    *werr = 0;
    if ((*werr = gz_write(G, out, hdr, 10)) < 0)
        return -1;
    *nout += 10;
    if (name) {
        size_t nl = strlen(name) + 1;
        if ((*werr = gz_write(G, out, name, nl)) < 0)
            return -1;
        *nout += nl;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, G->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -2;
    unsigned char *ib = mem_alloc(cmd->heap, GZ_CHUNK);
    unsigned char *ob = mem_alloc(cmd->heap, GZ_CHUNK);
    uLong crc = crc32(0, NULL, 0);
    int rc = 0;
    bool eof = false;
    while (!eof) {
        if (bi_cancelled(cmd)) {
            rc = -3;
            break;
        }
        ssize_t r = stream_read(in, ib, GZ_CHUNK);
        if (r < 0) {
            rc = (int)r;
            break;
        }
        if (r == 0)
            eof = true;
        crc = crc32(crc, ib, (uInt)r);
        *nin += (uint64_t)r;
        z.next_in = ib;
        z.avail_in = (uInt)r;
        int zr;
        do {
            z.next_out = ob;
            z.avail_out = GZ_CHUNK;
            zr = deflate(&z, eof ? Z_FINISH : Z_NO_FLUSH);
            size_t have = GZ_CHUNK - z.avail_out;
            if ((*werr = gz_write(G, out, ob, have)) < 0) {
                rc = -1;
                break;
            }
            *nout += have;
        } while (z.avail_out == 0 || (eof && zr != Z_STREAM_END));
        if (rc)
            break;
    }
    deflateEnd(&z);
    mem_free(cmd->heap, ib);
    mem_free(cmd->heap, ob);
    if (rc)
        return rc;
    unsigned char tr[8];
    gz_put32(tr, (uint32_t)crc);
    gz_put32(tr + 4, (uint32_t)*nin);
    if ((*werr = gz_write(G, out, tr, 8)) < 0)
        return -1;
    *nout += 8;
    return 0;
}

/* Result of decompression. */
enum { GZ_OK = 0, GZ_NOTGZ = 1, GZ_CORRUPT = 2, GZ_TRUNC = 3, GZ_WRITE = 4, GZ_READ = 5,
       GZ_CANCEL = 6, GZ_CRC = 7, GZ_LEN = 8 };

typedef struct gz_info {
    uint64_t in, out;
    uint32_t crc, isize, mtime;
    char *name;             /* first member's stored name (heap), or NULL */
    uint64_t hdr;           /* header and trailer bytes of the first member */
    bool garbage;
} gz_info;

/* A small input buffer with refills. */
typedef struct gz_src {
    stream *s;
    unsigned char *buf;
    size_t len, pos;
    bool eof;
    int err;
} gz_src;

static int gz_fill(gz_src *S)
{
    if (S->eof)
        return 0;
    if (S->pos < S->len && S->pos > 0) {
        memmove(S->buf, S->buf + S->pos, S->len - S->pos);
        S->len -= S->pos;
        S->pos = 0;
    } else if (S->pos >= S->len) {
        S->len = S->pos = 0;
    }
    ssize_t r = stream_read(S->s, S->buf + S->len, GZ_CHUNK - S->len);
    if (r < 0) {
        S->err = (int)r;
        S->eof = true;
        return -1;
    }
    if (r == 0) {
        S->eof = true;
        return 0;
    }
    S->len += (size_t)r;
    return 1;
}

/* Ensures n bytes are buffered (n <= 512); false at end of input. */
static bool gz_need(gz_src *S, size_t n)
{
    while (S->len - S->pos < n) {
        if (S->pos > 0 || S->len == GZ_CHUNK) {
            memmove(S->buf, S->buf + S->pos, S->len - S->pos);
            S->len -= S->pos;
            S->pos = 0;
        }
        if (S->eof)
            return false;
        ssize_t r = stream_read(S->s, S->buf + S->len, GZ_CHUNK - S->len);
        if (r <= 0) {
            if (r < 0)
                S->err = (int)r;
            S->eof = true;
            return false;
        }
        S->len += (size_t)r;
    }
    return true;
}

/* Parses a member header at the source position. 0 ok, GZ_NOTGZ, GZ_TRUNC. */
static int gzh_parse(gz *G, gz_src *S, gz_info *I, bool first)
{
    if (!gz_need(S, 10))
        return (S->len - S->pos >= 2 && S->buf[S->pos] == 0x1f && S->buf[S->pos + 1] == 0x8b)
                   ? GZ_TRUNC : GZ_NOTGZ;
    const unsigned char *h = S->buf + S->pos;
    if (h[0] != 0x1f || h[1] != 0x8b)
        return GZ_NOTGZ;
    if (h[2] != 8)
        return GZ_CORRUPT;
    int flg = h[3];
    if (first)
        I->mtime = gz_get32(h + 4);
    S->pos += 10;
    I->in += 10;
    if (flg & 4) {
        if (!gz_need(S, 2))
            return GZ_TRUNC;
        size_t xl = S->buf[S->pos] | (size_t)S->buf[S->pos + 1] << 8;
        S->pos += 2;
        I->in += 2;
        while (xl) {
            if (!gz_need(S, 1))
                return GZ_TRUNC;
            size_t k = S->len - S->pos < xl ? S->len - S->pos : xl;
            S->pos += k;
            I->in += k;
            xl -= k;
        }
    }
    for (int f = 8; f <= 16; f <<= 1) {
        if (!(flg & f))
            continue;
        vbuf nb;
        vbuf_init(&nb, G->cmd->heap);
        for (;;) {
            if (!gz_need(S, 1)) {
                vbuf_free(&nb);
                return GZ_TRUNC;
            }
            unsigned char c = S->buf[S->pos++];
            I->in++;
            if (!c)
                break;
            vbuf_addc(&nb, (char)c);
        }
        if (f == 8 && first && !I->name) {
            vbuf_addc(&nb, 0);
            I->name = nb.data;
        } else {
            vbuf_free(&nb);
        }
    }
    if (flg & 2) {
        if (!gz_need(S, 2))
            return GZ_TRUNC;
        S->pos += 2;
        I->in += 2;
    }
    return 0;
}

/* Decompresses every member of in to out (out NULL with to_null: discard). */
static int gzh_decompress(gz *G, stream *in, stream *out, bool to_null, gz_info *I, int *werr)
{
    vb_cmd *cmd = G->cmd;
    gz_src S = {.s = in};
    S.buf = mem_alloc(cmd->heap, GZ_CHUNK);
    unsigned char *ob = mem_alloc(cmd->heap, GZ_CHUNK);
    memset(I, 0, sizeof *I);
    *werr = 0;
    int rc = GZ_OK;
    bool first = true;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -15) != Z_OK)
        return GZ_CORRUPT;
    for (;;) {
        if (!first) {
            /* Another member, trailing zeros, or garbage. */
            if (!gz_need(&S, 1))
                break;
            if (S.buf[S.pos] == 0) {
                bool zeros = true;
                for (;;) {
                    for (; S.pos < S.len; S.pos++)
                        if (S.buf[S.pos]) {
                            zeros = false;
                            break;
                        }
                    if (!zeros || gz_fill(&S) <= 0)
                        break;
                }
                if (zeros)
                    break;
                I->garbage = true;
                break;
            }
            if (!gz_need(&S, 2) || S.buf[S.pos] != 0x1f || S.buf[S.pos + 1] != 0x8b) {
                I->garbage = true;
                break;
            }
        }
        int hr = gzh_parse(G, &S, I, first);
        if (hr) {
            rc = S.err ? GZ_READ : hr;
            break;
        }
        if (first)
            I->hdr = I->in + 8;
        first = false;
        inflateReset(&z);
        uLong crc = crc32(0, NULL, 0);
        uint32_t size = 0;
        int zr = Z_OK;
        while (zr != Z_STREAM_END) {
            if (bi_cancelled(cmd)) {
                rc = GZ_CANCEL;
                break;
            }
            if (S.pos >= S.len) {
                int f = gz_fill(&S);
                if (f < 0) {
                    rc = GZ_READ;
                    break;
                }
                if (f == 0) {
                    rc = GZ_TRUNC;
                    break;
                }
            }
            z.next_in = S.buf + S.pos;
            z.avail_in = (uInt)(S.len - S.pos);
            z.next_out = ob;
            z.avail_out = GZ_CHUNK;
            zr = inflate(&z, Z_NO_FLUSH);
            size_t used = (S.len - S.pos) - z.avail_in;
            S.pos += used;
            I->in += used;
            if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR) {
                rc = GZ_CORRUPT;
                break;
            }
            size_t have = GZ_CHUNK - z.avail_out;
            crc = crc32(crc, ob, (uInt)have);
            size += (uint32_t)have;
            I->out += have;
            if (!to_null && have && (*werr = gz_write(G, out, ob, have)) < 0) {
                rc = GZ_WRITE;
                break;
            }
        }
        if (rc)
            break;
        if (!gz_need(&S, 8)) {
            rc = GZ_TRUNC;
            break;
        }
        I->crc = gz_get32(S.buf + S.pos);
        I->isize = gz_get32(S.buf + S.pos + 4);
        S.pos += 8;
        I->in += 8;
        if (I->crc != (uint32_t)crc || I->isize != size) {
            rc = I->crc != (uint32_t)crc ? GZ_CRC : GZ_LEN;
            break;
        }
    }
    inflateEnd(&z);
    mem_free(cmd->heap, S.buf);
    mem_free(cmd->heap, ob);
    return rc;
}

static bool gz_has_suffix(const char *name, const char *suf)
{
    size_t n = strlen(name), s = strlen(suf);
    return n > s && strcmp(name + n - s, suf) == 0;
}

/* The name a compressed file decompresses to, or NULL for an unknown suffix. */
static char *gz_strip(gz *G, const char *name)
{
    mem_heap *h = G->cmd->heap;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(name);
    if (gz_has_suffix(base, G->suffix))
        return mem_strndup(h, name, n - strlen(G->suffix));
    static const char *const sufs[] = {".gz", "-gz", ".z", "-z", "_z", ".Z", NULL};
    for (int i = 0; sufs[i]; i++)
        if (gz_has_suffix(base, sufs[i]))
            return mem_strndup(h, name, n - strlen(sufs[i]));
    if (gz_has_suffix(base, ".tgz") || gz_has_suffix(base, ".taz")) {
        char *r = mem_strndup(h, name, n + 1);
        strcpy(r + n - 4, ".tar");
        return r;
    }
    return NULL;
}

/* GNU display_ratio: "%5.1f%%" of num/den. */
static void gz_ratio_str(char *out, size_t n, double num, double den)
{
    snprintf(out, n, "%5.1f%%", den == 0 ? 0.0 : 100.0 * num / den);
}

static void gz_list_line(gz *G, uint64_t cin, uint64_t cout, uint32_t crc, uint32_t mtime,
                         uint64_t hdr, const char *name)
{
    vb_cmd *cmd = G->cmd;
    if (!G->list_header) {
        G->list_header = true;
        if (G->verbose)
            bi_outs(cmd, "method  crc     date  time  ");
        bi_outs(cmd, "         compressed        uncompressed  ratio uncompressed_name\n");
    }
    if (G->verbose) {
        struct tm tm;
        fs_localtime(cmd, (time_t)mtime, &tm);
        static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        bi_outf(cmd, "defla %08x %s %2d %02d:%02d ", crc, mon[tm.tm_mon % 12], tm.tm_mday,
                tm.tm_hour, tm.tm_min);
    }
    char rb[32];
    gz_ratio_str(rb, sizeof rb, (double)cout - ((double)cin - (double)hdr), (double)cout);
    bi_outf(cmd, "%19llu %19llu %s %s\n", (unsigned long long)cin, (unsigned long long)cout, rb,
            name);
    G->tot_in += cin;
    G->tot_out += cout;
    G->nlisted++;
}

static void gz_report_bad(gz *G, const char *name, int rc, int werr)
{
    vb_cmd *cmd = G->cmd;
    switch (rc) {
    case GZ_NOTGZ:
        if (!G->quiet)
            gz_errnl(cmd, "%s: not in gzip format", name);
        if (G->status != 1)
            G->status = 1;
        return;
    case GZ_TRUNC:
        gz_errnl(cmd, "%s: unexpected end of file", name);
        break;
    case GZ_CORRUPT:
        gz_errnl(cmd, "%s: invalid compressed data--format violated", name);
        break;
    case GZ_CRC:
        gz_errnl(cmd, "%s: invalid compressed data--crc error", name);
        break;
    case GZ_LEN:
        gz_errnl(cmd, "%s: invalid compressed data--length error", name);
        break;
    case GZ_WRITE:
        if (werr == VB_EPIPE || werr == VB_ECANCELED) {
            G->status = werr == VB_EPIPE ? 141 : 1;
            return;
        }
        bi_err(cmd, "%s: %s", name, vb_strerror(werr));
        break;
    case GZ_READ:
        bi_err(cmd, "%s: read error", name);
        break;
    default:
        break;
    }
    G->status = 1;
}

/* One operand (NULL or "-": standard input). */
static void gz_one(gz *G, const char *op)
{
    vb_cmd *cmd = G->cmd;
    bool is_stdin = !op || strcmp(op, "-") == 0;
    const char *shown = is_stdin ? "stdin" : op;
    char *ipath = NULL, *opath = NULL;
    vfs_stat_t st;
    memset(&st, 0, sizeof st);
    stream *in = NULL, *out = NULL;
    int err = 0;

    if (!is_stdin) {
        ipath = bi_path(cmd, op);
        int r = vfs_lstat(cmd->vfs, ipath, &st);
        if (r == -ENOENT && G->decompress) {
            /* GNU tries NAME.gz, then the other suffixes. */
            static const char *const sufs[] = {".gz", ".z", NULL};
            for (int i = 0; sufs[i] && r; i++) {
                char *alt = mem_printf(cmd->heap, "%s%s", op, sufs[i]);
                char *ap = bi_path(cmd, alt);
                if (vfs_lstat(cmd->vfs, ap, &st) == 0) {
                    op = alt;
                    shown = alt;
                    ipath = ap;
                    r = 0;
                }
            }
            if (r) {
                bi_err(cmd, "%s.gz: %s", op, vb_strerror(-ENOENT));
                G->status = 1;
                return;
            }
        }
        if (r) {
            bi_err(cmd, "%s: %s", op, vb_strerror(r));
            G->status = 1;
            return;
        }
        if (S_ISLNK(st.mode) && !G->to_stdout && !G->force && !G->list && !G->test) {
            if (!G->quiet)
                bi_err(cmd, "%s: Too many levels of symbolic links", op);
            G->status = 1;
            return;
        }
        if (S_ISLNK(st.mode) && vfs_stat(cmd->vfs, ipath, &st) != 0) {
            bi_err(cmd, "%s: %s", op, vb_strerror(-ENOENT));
            G->status = 1;
            return;
        }
        if (S_ISDIR(st.mode) && G->recursive) {
            char **names;
            size_t n;
            int lr = fs_list_dir(cmd, ipath, &names, &n);
            if (lr < 0) {
                bi_err(cmd, "%s: %s", op, vb_strerror(lr));
                G->status = 1;
                return;
            }
            G->depth++;
            for (size_t i = 0; i < n && !bi_cancelled(cmd) && G->status != 141; i++) {
                char *child = fs_join(cmd->heap, op, names[i]);
                if (child)
                    gz_one(G, child);
                mem_free(cmd->heap, child);
            }
            G->depth--;
            fs_free_names(cmd, names, n);
            return;
        }
        if (S_ISDIR(st.mode)) {
            if (!G->quiet)
                bi_err(cmd, "%s is a directory -- ignored", op);
            gz_warn(G);
            return;
        }
        if (!S_ISREG(st.mode) && !G->to_stdout && !G->list && !G->test) {
            if (!G->quiet)
                bi_err(cmd, "%s is not a directory or a regular file - ignored", op);
            gz_warn(G);
            return;
        }
        bool write_file = !G->to_stdout && !G->list && !G->test;
        if (G->decompress && !G->list && !G->test) {
            opath = gz_strip(G, op);
            if (!opath && write_file) {
                if (G->depth && !G->verbose)
                    return;   /* -r: files without the suffix are passed over */
                if (!G->quiet)
                    bi_err(cmd, "%s: unknown suffix -- ignored", op);
                gz_warn(G);
                return;
            }
        } else if (!G->decompress) {
            const char *base = fs_base(cmd->heap, op);
            if (gz_strip(G, base) && !G->to_stdout) {
                if (G->depth && !G->verbose)
                    return;
                if (!G->quiet)
                    bi_err(cmd, "%s already has %s suffix -- unchanged", op, G->suffix);
                return;
            }
            opath = mem_printf(cmd->heap, "%s%s", op, G->suffix);
        }
        in = bi_open_read(cmd, op, &err);
        if (!in) {
            bi_err(cmd, "%s: %s", op, vb_strerror(err));
            G->status = 1;
            return;
        }
        if (write_file) {
            char *oabs = bi_path(cmd, opath);
            vfs_stat_t ost;
            if (vfs_lstat(cmd->vfs, oabs, &ost) == 0) {
                if (!G->force) {
                    /* Not a terminal: GNU does not ask. */
                    bi_err(cmd, "%s already exists;\tnot overwritten", opath);
                    gz_warn(G);
                    stream_unref(in);
                    return;
                }
                vfs_unlink(cmd->vfs, oabs);
            }
            out = bi_open_write(cmd, opath, O_WRONLY | O_CREAT | O_TRUNC, st.mode & 07777, &err);
            if (!out) {
                bi_err(cmd, "%s: %s", opath, vb_strerror(err));
                G->status = 1;
                stream_unref(in);
                return;
            }
        }
    } else {
        in = stream_ref(cmd->in);
        if (!G->decompress && !G->to_stdout && !G->list && !G->test)
            G->to_stdout = true;
        if (G->decompress)
            G->to_stdout = true;
    }

    bool write_file = out != NULL;
    int rc = 0;
    int werr = 0;
    uint64_t cin = 0, cout = 0, hdr = 18;
    if (G->list && G->decompress) {
        gz_info I;
        rc = gzh_decompress(G, in, NULL, true, &I, &werr);
        if (rc == GZ_OK) {
            const char *nm;
            if (is_stdin)
                nm = "stdout";
            else if (G->name_mode == 1 && I.name)
                nm = I.name;
            else {
                char *s = gz_strip(G, op);
                nm = s ? s : op;
            }
            /* the header's time only with -N (and when it has one, unlike
             * a -n archive); otherwise GNU shows the input's own
             * modification time (stdin: its file's, or now for a pipe) */
            uint32_t mt = G->name_mode == 1 ? I.mtime : 0;
            if (!mt && G->verbose) {
                vfs_stat_t ms;
                struct timespec now;
                if (!is_stdin && vfs_stat(cmd->vfs, ipath, &ms) == 0)
                    mt = (uint32_t)ms.mtime.tv_sec;
                else if (is_stdin && cmd->in && cmd->in->kind == STREAM_FILE && cmd->in->path &&
                         vfs_stat(cmd->vfs, cmd->in->path, &ms) == 0)
                    mt = (uint32_t)ms.mtime.tv_sec;
                else {
                    fs_now(cmd, &now);
                    mt = (uint32_t)now.tv_sec;
                }
            }
            gz_list_line(G, I.in, I.isize, I.crc, mt, I.hdr, nm);
        } else {
            gz_report_bad(G, shown, rc, werr);
        }
    } else if (G->decompress) {
        gz_info I;
        rc = gzh_decompress(G, in, out, G->test, &I, &werr);
        hdr = I.hdr;
        cin = I.in;
        cout = I.out;
        if (rc != GZ_OK) {
            gz_report_bad(G, shown, rc, werr);
        } else {
            if (I.garbage && !G->quiet) {
                gz_errnl(cmd, "%s: decompression OK, trailing garbage ignored", shown);
                gz_warn(G);
            } else if (I.garbage) {
                gz_warn(G);
            }
            if (write_file && G->name_mode == 1 && I.name && !strchr(I.name, '/')) {
                char *dir = fs_dir(cmd->heap, op);
                char *np = strcmp(dir, ".") == 0 ? I.name : fs_join(cmd->heap, dir, I.name);
                if (strcmp(np, opath) != 0) {
                    vfs_rename(cmd->vfs, bi_path(cmd, opath), bi_path(cmd, np));
                    opath = np;
                }
            }
            if (write_file && G->name_mode == 1 && I.mtime) {
                st.mtime.tv_sec = I.mtime;
                st.mtime.tv_nsec = 0;
            }
        }
    } else {
        const char *nm = NULL;
        uint32_t mt = 0;
        if (!is_stdin && G->name_mode != 0) {
            nm = fs_base(cmd->heap, op);
            mt = (uint32_t)st.mtime.tv_sec;
            hdr += strlen(nm) + 1;
        }
        int r = gzh_compress(G, in, out, nm, mt, &cin, &cout, &werr);
        if (r) {
            if (werr == VB_EPIPE)
                G->status = 141;
            else if (r == -1)
                bi_err(cmd, "%s: %s", write_file ? opath : "stdout", vb_strerror(werr));
            else if (r != -3)
                bi_err(cmd, "%s: read error", shown);
            if (G->status != 141)
                G->status = 1;
            rc = 1;
        }
    }
    stream_unref(in);
    if (out)
        stream_unref(out);
    if (rc) {
        if (write_file)
            vfs_unlink(cmd->vfs, bi_path(cmd, opath));
        return;
    }
    if (G->list)
        return;
    if (write_file) {
        char *oabs = bi_path(cmd, opath);
        struct timespec ts[2] = {st.atime, st.mtime};
        vfs_utimens(cmd->vfs, oabs, ts, true);
        vfs_chmod(cmd->vfs, oabs, st.mode & 07777);
        if (!G->keep)
            vfs_unlink(cmd->vfs, ipath);
    }
    if (G->verbose && !G->quiet) {
        char rb[32];
        if (G->test) {
            char *m = mem_printf(cmd->heap, "%s:\t OK\n", shown);
            bi_errw(cmd, m, strlen(m));
            return;
        }
        if (G->decompress)
            gz_ratio_str(rb, sizeof rb, (double)cout - ((double)cin - (double)hdr), (double)cout);
        else
            gz_ratio_str(rb, sizeof rb, (double)cin - ((double)cout - (double)hdr), (double)cin);
        char *msg;
        if (write_file)
            msg = mem_printf(cmd->heap, "%s:\t%s -- %s %s\n", shown, rb,
                               G->keep ? "created" : "replaced with", opath);
        else if (is_stdin)
            msg = mem_printf(cmd->heap, "%s\n", rb);
        else
            msg = mem_printf(cmd->heap, "%s:\t%s\n", shown, rb);
        bi_flush(cmd);
        bi_errw(cmd, msg, strlen(msg));
    }
}

int bi_gzip(vb_cmd *cmd)
{
    gz G;
    memset(&G, 0, sizeof G);
    G.cmd = cmd;
    G.level = 6;
    G.name_mode = -1;
    G.suffix = ".gz";
    const char *prog = fs_base(cmd->heap, cmd->argv[0]);
    if (strcmp(prog, "gunzip") == 0)
        G.decompress = true;
    else if (strcmp(prog, "zcat") == 0)
        G.decompress = G.to_stdout = true;
    /* gunzip and zcat are gzip under another name: messages say "gzip". */
    cmd->argv[0] = (char *)"gzip";
    static const bi_longopt longs[] = {
        {"stdout", 0, 'c'}, {"to-stdout", 0, 'c'}, {"decompress", 0, 'd'},
        {"uncompress", 0, 'd'}, {"force", 0, 'f'}, {"keep", 0, 'k'}, {"list", 0, 'l'},
        {"no-name", 0, 'n'}, {"name", 0, 'N'}, {"quiet", 0, 'q'}, {"suffix", 1, 'S'},
        {"test", 0, 't'}, {"verbose", 0, 'v'}, {"recursive", 0, 'r'}, {"fast", 0, '1'}, {"best", 0, '9'},
        {0, 0, 0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "cdfklnNqrS:tv123456789", longs, gz_help);
    o.quiet = true;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_ERR: {
            char *m = mem_printf(cmd->heap, "gzip: %s\nTry `gzip --help' for more information.\n",
                                 o.msg);
            bi_errw(cmd, m, strlen(m));
            return 1;
        }
        case BI_OPT_EXIT:
            return o.status;
        case 'c': G.to_stdout = true; break;
        case 'd': G.decompress = true; break;
        case 'f': G.force = true; break;
        case 'k': G.keep = true; break;
        case 'l': G.list = true; G.decompress = true; break;
        case 'n': G.name_mode = 0; break;
        case 'N': G.name_mode = 1; break;
        case 'q': G.quiet = true; G.verbose = 0; break;
        case 'S':
            if (!o.arg[0] || strchr(o.arg, '/')) {
                bi_err(cmd, "invalid suffix '%s'", o.arg);
                return 1;
            }
            G.suffix = o.arg;
            break;
        case 't': G.test = true; G.decompress = true; G.to_stdout = true; break;
        case 'v': G.verbose++; G.quiet = false; break;
        case 'r': G.recursive = true; break;
        default:
            if (c >= '1' && c <= '9')
                G.level = c - '0';
            break;
        }
    }
    if (G.to_stdout)
        G.keep = true;
    bool all_stdin = o.ind >= cmd->argc;
    for (int i = o.ind; i < cmd->argc; i++)
        if (strcmp(cmd->argv[i], "-") == 0)
            all_stdin = true;
    if (!G.force && !G.list && !G.test) {
        if (!G.decompress && cmd->out && (cmd->out->flags & STREAM_TTY) &&
            (G.to_stdout || o.ind >= cmd->argc)) {
            bi_err(cmd, "compressed data not written to a terminal. Use -f to force compression.");
            bi_err(cmd, "For help, type: gzip -h");
            return 1;
        }
        if (G.decompress && all_stdin && cmd->in && (cmd->in->flags & STREAM_TTY)) {
            bi_err(cmd, "compressed data not read from a terminal. Use -f to force decompression.");
            bi_err(cmd, "For help, type: gzip -h");
            return 1;
        }
    }
    if (o.ind >= cmd->argc) {
        gz_one(&G, NULL);
    } else {
        for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
            gz_one(&G, cmd->argv[i]);
            if (G.status == 141)
                break;
        }
    }
    if (G.list && !G.quiet && cmd->argc - o.ind > 1 && G.tot_in > 0 && G.tot_out > 0) {
        char rb[32];
        gz_ratio_str(rb, sizeof rb, (double)G.tot_out - ((double)G.tot_in - 18),
                     (double)G.tot_out);
        bi_outf(cmd, "%s%19llu %19llu %s (totals)\n",
                G.verbose ? "                            " : "", (unsigned long long)G.tot_in,
                (unsigned long long)G.tot_out, rb);
    }
    return bi_done(cmd, G.status);
}
