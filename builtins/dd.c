/*
 * dd: convert and copy a file. Reference: GNU coreutils 9 dd.
 * Operands if= of= bs= ibs= obs= cbs= count= skip=/iseek= seek=/oseek=
 * conv= (ascii-free set: lcase ucase swab sync noerror notrunc excl
 * nocreat fsync fdatasync) iflag= (fullblock count_bytes skip_bytes)
 * oflag= (append seek_bytes) status= (none noxfer progress), GNU's size
 * suffixes (c w b kB K MB M ... and NxM products) and its statistics on
 * standard error. Deviations: conv=ascii/ebcdic/ibm/block/unblock and the
 * O_DIRECT-style flags are refused with a message; the transfer rate uses
 * the session clock.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("dd", bi_dd, BI_UTIL)
int bi_dd(vb_cmd *cmd);

static const char dd__help[] =
    "Usage: dd [OPERAND]...\n"
    "  or:  dd OPTION\n"
    "Copy a file, converting and formatting according to the operands.\n"
    "\n"
    "  bs=BYTES        read and write up to BYTES bytes at a time (default: 512);\n"
    "                  overrides ibs and obs\n"
    "  cbs=BYTES       convert BYTES bytes at a time\n"
    "  conv=CONVS      convert the file as per the comma separated symbol list\n"
    "  count=N         copy only N input blocks\n"
    "  ibs=BYTES       read up to BYTES bytes at a time (default: 512)\n"
    "  if=FILE         read from FILE instead of stdin\n"
    "  iflag=FLAGS     read as per the comma separated symbol list\n"
    "  obs=BYTES       write BYTES bytes at a time (default: 512)\n"
    "  of=FILE         write to FILE instead of stdout\n"
    "  oflag=FLAGS     write as per the comma separated symbol list\n"
    "  seek=N          (or oseek=N) skip N obs-sized output blocks\n"
    "  skip=N          (or iseek=N) skip N ibs-sized input blocks\n"
    "  status=LEVEL    The LEVEL of information to print to stderr;\n"
    "                  'none' suppresses everything but error messages,\n"
    "                  'noxfer' suppresses the final transfer statistics,\n"
    "                  'progress' shows periodic transfer statistics\n"
    "\n"
    "N and BYTES may be followed by the following multiplicative suffixes:\n"
    "c=1, w=2, b=512, kB=1000, K=1024, MB=1000*1000, M=1024*1024, xM=M,\n"
    "GB=1000*1000*1000, G=1024*1024*1024, and so on for T, P, E, Z, Y, R, Q.\n"
    "Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n"
    "\n"
    "Each CONV symbol may be:\n"
    "\n"
    "  lcase     change upper case to lower case\n"
    "  ucase     change lower case to upper case\n"
    "  swab      swap every pair of input bytes\n"
    "  sync      pad every input block with NULs to ibs-size\n"
    "  excl      fail if the output file already exists\n"
    "  nocreat   do not create the output file\n"
    "  notrunc   do not truncate the output file\n"
    "  noerror   continue after read errors\n"
    "  fdatasync  physically write output file data before finishing\n"
    "  fsync     likewise, but also write metadata\n"
    "\n"
    "Each FLAG symbol may be:\n"
    "\n"
    "  append    append mode (makes sense only for output; conv=notrunc suggested)\n"
    "  fullblock  accumulate full blocks of input (iflag only)\n"
    "  count_bytes  treat 'count=N' as a byte count (iflag only)\n"
    "  skip_bytes  treat 'skip=N' as a byte count (iflag only)\n"
    "  seek_bytes  treat 'seek=N' as a byte count (oflag only)\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum {
    C_LCASE = 1, C_UCASE = 2, C_SWAB = 4, C_SYNC = 8, C_NOERROR = 16, C_NOTRUNC = 32,
    C_EXCL = 64, C_NOCREAT = 128, C_FSYNC = 256,
};
enum { F_FULLBLOCK = 1, F_COUNT_BYTES = 2, F_SKIP_BYTES = 4, F_SEEK_BYTES = 8, F_APPEND = 16 };
enum { S_DEFAULT, S_NONE, S_NOXFER, S_PROGRESS };

/* GNU dd's numbers: N[suffix] with 'x' products. 0 or -1. */
static int dd__num(const char *s, uint64_t *out)
{
    uint64_t total = 1;
    const char *p = s;
    for (;;) {
        const char *x = strchr(p, 'x');
        char part[64];
        size_t n = x ? (size_t)(x - p) : strlen(p);
        if (n == 0 || n >= sizeof part)
            return -1;
        memcpy(part, p, n);
        part[n] = 0;
        uint64_t v = 0;
        size_t i = 0;
        if (part[0] < '0' || part[0] > '9')
            return -1;
        while (part[i] >= '0' && part[i] <= '9') {
            if (v > UINT64_MAX / 10)
                return -1;
            v = v * 10 + (uint64_t)(part[i++] - '0');
        }
        const char *suf = part + i;
        uint64_t mult = 1;
        if (!*suf) {
            mult = 1;
        } else if (!strcmp(suf, "c")) {
            mult = 1;
        } else if (!strcmp(suf, "w")) {
            mult = 2;
        } else if (!strcmp(suf, "b")) {
            mult = 512;
        } else {
            uint64_t sz;
            char tmp[80];
            snprintf(tmp, sizeof tmp, "1%s", suf);
            if (bi_parse_size(tmp, &sz) < 0)
                return -1;
            mult = sz;
        }
        if (mult && v > UINT64_MAX / mult)
            return -1;
        v *= mult;
        if (v && total > UINT64_MAX / v)
            return -1;
        total *= v;
        if (!x)
            break;
        p = x + 1;
    }
    *out = total;
    return 0;
}

static int dd__symbols(vb_cmd *cmd, const char *list, const char *what, const char *const *names,
                       const int *vals, int *out)
{
    char *l = mem_strdup(cmd->heap, list);
    for (char *sv = NULL, *t = strtok_r(l, ",", &sv); t; t = strtok_r(NULL, ",", &sv)) {
        int hit = -1;
        for (int i = 0; names[i]; i++)
            if (!strcmp(names[i], t))
                hit = i;
        if (hit < 0) {
            bi_err(cmd, "invalid %s: %s", what, fs_lq(cmd, t));
            fs_try(cmd);
            return -1;
        }
        if (vals[hit] < 0) {
            bi_err(cmd, "%s %s is not supported in the sandbox", what, fs_lq(cmd, t));
            return -1;
        }
        *out |= vals[hit];
    }
    return 0;
}

typedef struct dd_out {
    vb_cmd *cmd;
    vfs_file *f;      /* NULL: standard output */
    int err;
} dd_out;

static int dd__write(dd_out *o, const char *p, size_t n)
{
    if (o->f) {
        ssize_t w = vfs_write(o->f, p, n);
        if (w < 0) {
            o->err = (int)w;
            return -1;
        }
        return 0;
    }
    if (bi_out(o->cmd, p, n) < 0 || bi_flush(o->cmd) < 0) {
        o->err = -EPIPE;
        return -1;
    }
    return 0;
}

static void dd__human(char *buf, size_t sz, double v, bool si)
{
    double base = si ? 1000 : 1024;
    static const char *const si_u[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
    static const char *const iec_u[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = -1;
    while (v >= base && u < 5) {
        v /= base;
        u++;
    }
    if (u < 0) {
        snprintf(buf, sz, "%.0f B", v);
        return;
    }
    if (v < 10)
        snprintf(buf, sz, "%.1f %s", v, si ? si_u[u] : iec_u[u]);
    else
        snprintf(buf, sz, "%.0f %s", v, si ? si_u[u] : iec_u[u]);
}

static void dd__stats(vb_cmd *cmd, int status_level, uint64_t in_full, uint64_t in_part,
                      uint64_t out_full, uint64_t out_part, uint64_t bytes,
                      const struct timespec *t0)
{
    if (status_level == S_NONE)
        return;
    char *m = mem_printf(cmd->heap, "%llu+%llu records in\n%llu+%llu records out\n",
                         (unsigned long long)in_full, (unsigned long long)in_part,
                         (unsigned long long)out_full, (unsigned long long)out_part);
    if (m)
        bi_errw(cmd, m, strlen(m));
    if (status_level == S_NOXFER)
        return;
    struct timespec t1;
    fs_now(cmd, &t1);
    double secs = (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "%llu byte%s", (unsigned long long)bytes, bytes == 1 ? "" : "s");
    if (bytes >= 1000) {
        char a[32], c[32];
        dd__human(a, sizeof a, (double)bytes, true);
        dd__human(c, sizeof c, (double)bytes, false);
        if (bytes < 1024)
            vbuf_printf(&b, " (%s)", a);
        else
            vbuf_printf(&b, " (%s, %s)", a, c);
    }
    vbuf_printf(&b, " copied, %g s, ", secs);
    if (secs > 0) {
        char r[32];
        dd__human(r, sizeof r, (double)bytes / secs, true);
        vbuf_printf(&b, "%s/s\n", r);
    } else {
        vbuf_adds(&b, "Infinity B/s\n");
    }
    bi_errw(cmd, b.data, b.len);
}

int bi_dd(vb_cmd *cmd)
{
    const char *ifile = NULL, *ofile = NULL;
    uint64_t ibs = 512, obs = 512, bs = 0, count = UINT64_MAX, skip = 0, seek = 0;
    bool bs_set = false, count_set = false;
    int conv = 0, iflag = 0, oflag = 0, status_level = S_DEFAULT;
    /* dd takes only --help and --version as options; the rest are operands */
    bi_opt o;
    bi_opt_init(&o, cmd, "", NULL, dd__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END)
        return bi_done(cmd, o.status);
    static const char *const conv_names[] = {"lcase", "ucase", "swab", "sync", "noerror",
                                             "notrunc", "excl", "nocreat", "fsync", "fdatasync",
                                             "ascii", "ebcdic", "ibm", "block", "unblock",
                                             "sparse", NULL};
    static const int conv_vals[] = {C_LCASE, C_UCASE, C_SWAB, C_SYNC, C_NOERROR, C_NOTRUNC,
                                    C_EXCL, C_NOCREAT, C_FSYNC, C_FSYNC, -1, -1, -1, -1, -1, 0};
    static const char *const iflag_names[] = {"fullblock", "count_bytes", "skip_bytes", "append",
                                              "seek_bytes", "direct", "dsync", "sync", "nonblock",
                                              "noatime", "nocache", "noctty", "nofollow", "binary",
                                              "text", "directory", NULL};
    static const int iflag_vals[] = {F_FULLBLOCK, F_COUNT_BYTES, F_SKIP_BYTES, F_APPEND,
                                     F_SEEK_BYTES, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, -1};
    for (int i = o.ind; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        const char *eq = strchr(a, '=');
        if (!eq) {
            bi_err(cmd, "unrecognized operand %s", fs_lq(cmd, a));
            return bi_done(cmd, fs_try(cmd));
        }
        size_t kl = (size_t)(eq - a);
        const char *v = eq + 1;
#define KEY(s) (kl == strlen(s) && !strncmp(a, s, kl))
        uint64_t n = 0;
        if (KEY("if")) {
            ifile = v;
        } else if (KEY("of")) {
            ofile = v;
        } else if (KEY("conv")) {
            if (dd__symbols(cmd, v, "conversion", conv_names, conv_vals, &conv) < 0)
                return bi_done(cmd, 1);
        } else if (KEY("iflag")) {
            if (dd__symbols(cmd, v, "input flag", iflag_names, iflag_vals, &iflag) < 0)
                return bi_done(cmd, 1);
        } else if (KEY("oflag")) {
            if (dd__symbols(cmd, v, "output flag", iflag_names, iflag_vals, &oflag) < 0)
                return bi_done(cmd, 1);
        } else if (KEY("status")) {
            if (!strcmp(v, "none")) status_level = S_NONE;
            else if (!strcmp(v, "noxfer")) status_level = S_NOXFER;
            else if (!strcmp(v, "progress")) status_level = S_PROGRESS;
            else {
                bi_err(cmd, "invalid status level: %s", fs_lq(cmd, v));
                return bi_done(cmd, fs_try(cmd));
            }
        } else if (KEY("bs") || KEY("ibs") || KEY("obs") || KEY("cbs") || KEY("count") ||
                   KEY("skip") || KEY("iseek") || KEY("seek") || KEY("oseek")) {
            if (dd__num(v, &n) < 0) {
                bi_err(cmd, "invalid number: %s", fs_lq(cmd, v));
                return bi_done(cmd, 1);
            }
            bool size_op = KEY("bs") || KEY("ibs") || KEY("obs") || KEY("cbs");
            if (size_op && (n == 0 || n > ((uint64_t)1 << 31))) {
                bi_err(cmd, "invalid number: %s", fs_lq(cmd, v));
                return bi_done(cmd, 1);
            }
            if (KEY("bs")) bs = n, bs_set = true;
            else if (KEY("ibs")) ibs = n;
            else if (KEY("obs")) obs = n;
            else if (KEY("count")) count = n, count_set = true;
            else if (KEY("skip") || KEY("iseek")) skip = n;
            else if (KEY("seek") || KEY("oseek")) seek = n;
        } else {
            bi_err(cmd, "unrecognized operand %s", fs_lq(cmd, a));
            return bi_done(cmd, fs_try(cmd));
        }
#undef KEY
    }
    (void)count_set;
    if (bs_set)
        ibs = obs = bs;
    if ((conv & C_LCASE) && (conv & C_UCASE)) {
        return bi_done(cmd, bi_err(cmd, "cannot combine lcase and ucase"));
    }
    if ((conv & C_EXCL) && (conv & C_NOCREAT)) {
        return bi_done(cmd, bi_err(cmd, "cannot combine excl and nocreat"));
    }
    struct timespec t0;
    fs_now(cmd, &t0);
    /* input */
    stream *in = NULL;
    vfs_file *inf = NULL;
    if (ifile) {
        int rc = vfs_open(cmd->vfs, bi_path(cmd, ifile), O_RDONLY, 0, &inf);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "failed to open %s", fs_q(cmd, ifile)));
    } else {
        in = cmd->in;
    }
    /* output */
    dd_out out = {.cmd = cmd};
    uint64_t seek_bytes = (oflag & F_SEEK_BYTES) ? seek : seek * obs;
    if (ofile) {
        int flags = O_WRONLY;
        if (!(conv & C_NOCREAT))
            flags |= O_CREAT;
        if (conv & C_EXCL)
            flags |= O_EXCL;
        if (oflag & F_APPEND)
            flags |= O_APPEND;
        if (!(conv & C_NOTRUNC) && !seek_bytes && !(oflag & F_APPEND))
            flags |= O_TRUNC;
        int rc = vfs_open(cmd->vfs, bi_path(cmd, ofile), flags, 0666 & ~fs_umask(cmd), &out.f);
        if (rc < 0) {
            if (inf)
                vfs_close(inf);
            return bi_done(cmd, fs_errf(cmd, rc, "failed to open %s", fs_q(cmd, ofile)));
        }
        if (seek_bytes) {
            if (!(conv & C_NOTRUNC)) {
                vfs_stat_t st;
                if (vfs_fstat(out.f, &st) == 0 && st.size > seek_bytes)
                    vfs_ftruncate(out.f, seek_bytes);
            }
            vfs_seek(out.f, (int64_t)seek_bytes, SEEK_SET);
        }
    } else if (seek_bytes) {
        /* standard output is a pipe or a terminal here: it cannot seek */
        bi_err(cmd, "%s: cannot seek: %s", fs_q(cmd, "standard output"), fs_strerror(-ESPIPE));
        if (inf)
            vfs_close(inf);
        return bi_done(cmd, 1);
    }
    char *ibuf = mem_alloc(cmd->heap, (size_t)ibs);
    char *obuf = ibs == obs && bs_set ? NULL : mem_alloc(cmd->heap, (size_t)obs);
    if (!ibuf || (!obuf && !(ibs == obs && bs_set))) {
        if (inf)
            vfs_close(inf);
        if (out.f)
            vfs_close(out.f);
        return bi_done(cmd, fs_errf(cmd, -ENOMEM, "memory exhausted"));
    }
    int status = 0;
    /* skip */
    uint64_t skip_bytes = (iflag & F_SKIP_BYTES) ? skip : skip * ibs;
    if (skip_bytes) {
        if (inf) {
            vfs_stat_t st;
            if (vfs_fstat(inf, &st) == 0 && skip_bytes > st.size) {
                bi_err(cmd, "%s: cannot skip to specified offset", fs_q(cmd, ifile));
                vfs_seek(inf, 0, SEEK_END);
            } else {
                vfs_seek(inf, (int64_t)skip_bytes, SEEK_SET);
            }
        } else {
            uint64_t left = skip_bytes;
            while (left > 0 && !bi_cancelled(cmd)) {
                ssize_t r = stream_read(in, ibuf, left < ibs ? (size_t)left : (size_t)ibs);
                if (r <= 0)
                    break;
                left -= (uint64_t)r;
            }
        }
    }
    uint64_t in_full = 0, in_part = 0, out_full = 0, out_part = 0, bytes = 0, total_in = 0;
    size_t olen = 0;
    bool count_bytes = (iflag & F_COUNT_BYTES) != 0;
    uint64_t blocks = 0;
    for (;;) {
        if (bi_cancelled(cmd)) {
            status = 1;
            break;
        }
        if (count_bytes ? total_in >= count : blocks >= count)
            break;
        size_t want = (size_t)ibs;
        if (count_bytes && count - total_in < want)
            want = (size_t)(count - total_in);
        size_t got = 0;
        int rerr = 0;
        do {
            ssize_t r = inf ? vfs_read(inf, ibuf + got, want - got) : stream_read(in, ibuf + got, want - got);
            if (r < 0) {
                rerr = (int)r;
                break;
            }
            if (r == 0)
                break;
            got += (size_t)r;
        } while ((iflag & F_FULLBLOCK) && got < want);
        if (rerr) {
            fs_errf(cmd, rerr, "error reading %s", fs_q(cmd, ifile ? ifile : "standard input"));
            status = 1;
            if (!(conv & C_NOERROR))
                break;
        }
        if (got == 0)
            break;
        blocks++;
        total_in += got;
        if (got == ibs)
            in_full++;
        else
            in_part++;
        if ((conv & C_SYNC) && got < ibs) {
            memset(ibuf + got, 0, (size_t)ibs - got);
            got = (size_t)ibs;
        }
        if (conv & C_SWAB)
            for (size_t i = 0; i + 1 < got; i += 2) {
                char t = ibuf[i];
                ibuf[i] = ibuf[i + 1];
                ibuf[i + 1] = t;
            }
        if (conv & (C_LCASE | C_UCASE))
            for (size_t i = 0; i < got; i++) {
                char ch = ibuf[i];
                if ((conv & C_UCASE) && ch >= 'a' && ch <= 'z')
                    ibuf[i] = (char)(ch - 32);
                else if ((conv & C_LCASE) && ch >= 'A' && ch <= 'Z')
                    ibuf[i] = (char)(ch + 32);
            }
        if (!obuf) {
            if (dd__write(&out, ibuf, got) < 0)
                break;
            bytes += got;
            if (got == obs)
                out_full++;
            else
                out_part++;
            continue;
        }
        size_t off = 0;
        while (off < got) {
            size_t take = got - off;
            if (take > obs - olen)
                take = (size_t)obs - olen;
            memcpy(obuf + olen, ibuf + off, take);
            olen += take;
            off += take;
            if (olen == obs) {
                if (dd__write(&out, obuf, olen) < 0)
                    break;
                bytes += olen;
                out_full++;
                olen = 0;
            }
        }
        if (out.err)
            break;
    }
    if (obuf && olen && !out.err) {
        if (dd__write(&out, obuf, olen) == 0) {
            bytes += olen;
            out_part++;
        }
    }
    if (out.err) {
        if (out.err != -EPIPE)
            fs_errf(cmd, out.err, "error writing %s", fs_q(cmd, ofile ? ofile : "standard output"));
        status = out.err == -EPIPE ? 141 : 1;
    }
    if (inf)
        vfs_close(inf);
    if (out.f) {
        int rc = vfs_close(out.f);
        if (rc < 0 && !status) {
            fs_errf(cmd, rc, "closing output file %s", fs_q(cmd, ofile));
            status = 1;
        }
    }
    dd__stats(cmd, status_level, in_full, in_part, out_full, out_part, bytes, &t0);
    return bi_done(cmd, status);
}
