/*
 * split: split a file into pieces. -l LINES (default 1000), -b SIZE,
 * -C SIZE (whole lines up to SIZE bytes), -n CHUNKS | l/N | r/N | K/N |
 * l/K/N | r/K/N, -a LEN, -d / --numeric-suffixes[=FROM], -x /
 * --hex-suffixes[=FROM], --additional-suffix=S, -e, -t SEP, --verbose,
 * [INPUT [PREFIX]]. Reference: GNU coreutils 9.1 split.
 * Deviations: suffixes do not widen automatically past their length (the
 * "output file suffixes exhausted" error comes instead); --filter is not
 * supported.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("split", bi_split, BI_UTIL)

static const char split_help[] =
    "Usage: split [OPTION]... [FILE [PREFIX]]\n"
    "Output pieces of FILE to PREFIXaa, PREFIXab, ...;\n"
    "default size is 1000 lines, and default PREFIX is 'x'.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a, --suffix-length=N   generate suffixes of length N (default 2)\n"
    "      --additional-suffix=SUFFIX  append an additional SUFFIX to file names\n"
    "  -b, --bytes=SIZE        put SIZE bytes per output file\n"
    "  -C, --line-bytes=SIZE   put at most SIZE bytes of records per output file\n"
    "  -d                      use numeric suffixes starting at 0, not alphabetic\n"
    "      --numeric-suffixes[=FROM]  same as -d, but allow setting the start value\n"
    "  -x                      use hex suffixes starting at 0, not alphabetic\n"
    "      --hex-suffixes[=FROM]  same as -x, but allow setting the start value\n"
    "  -e, --elide-empty-files  do not generate empty output files with '-n'\n"
    "  -l, --lines=NUMBER      put NUMBER lines/records per output file\n"
    "  -n, --number=CHUNKS     generate CHUNKS output files; see explanation below\n"
    "  -t, --separator=SEP     use SEP instead of newline as the record separator;\n"
    "                            '\\0' (zero) specifies the NUL character\n"
    "      --verbose           print a diagnostic just before each\n"
    "                            output file is opened\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { SP_ADDSUF = 256, SP_NUMSUF, SP_HEXSUF, SP_VERBOSE };

static const bi_longopt split_longs[] = {
    {"suffix-length", 1, 'a'}, {"additional-suffix", 1, SP_ADDSUF}, {"bytes", 1, 'b'},
    {"line-bytes", 1, 'C'}, {"numeric-suffixes", 2, SP_NUMSUF}, {"hex-suffixes", 2, SP_HEXSUF},
    {"elide-empty-files", 0, 'e'}, {"lines", 1, 'l'}, {"number", 1, 'n'},
    {"separator", 1, 't'}, {"verbose", 0, SP_VERBOSE}, {0},
};

typedef struct sp_state {
    vb_cmd *cmd;
    const char *prefix, *addsuf;
    int suflen;
    int base;            /* 26, 10, 16 */
    uint64_t next;       /* index of the next file */
    bool verbose;
    stream *out;
    char *outname;
} sp_state;

/* Opens the next output file; false after the message. */
static bool sp__open(sp_state *st)
{
    vb_cmd *cmd = st->cmd;
    if (st->out) {
        stream_unref(st->out);
        st->out = NULL;
    }
    char suf[256];
    uint64_t v = st->next++;
    for (int i = st->suflen - 1; i >= 0; i--) {
        unsigned d = (unsigned)(v % (uint64_t)st->base);
        v /= (uint64_t)st->base;
        suf[i] = st->base == 26 ? (char)('a' + d) : (char)("0123456789abcdef"[d]);
    }
    suf[st->suflen] = '\0';
    if (v) {
        bi_err(cmd, "output file suffixes exhausted");
        return false;
    }
    mem_free(cmd->heap, st->outname);
    st->outname = mem_printf(cmd->heap, "%s%s%s", st->prefix, suf, st->addsuf);
    if (!st->outname)
        return false;
    if (st->verbose)
        bi_outf(cmd, "creating file %s\n", fs_q(cmd, st->outname));
    int err = 0;
    st->out = bi_open_write(cmd, st->outname, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
    if (!st->out) {
        bi_err(cmd, "%s: %s", fs_qf(cmd, st->outname), vb_strerror(err));
        return false;
    }
    return true;
}

static bool sp__write(sp_state *st, const void *p, size_t n)
{
    if (!n)
        return true;
    ssize_t w = stream_write(st->out, p, n);
    if (w < 0) {
        bi_err(st->cmd, "%s: %s", fs_qf(st->cmd, st->outname), vb_strerror((int)w));
        return false;
    }
    return true;
}

/* GNU xdectoumax for -n: 1..max, its three messages. */
static bool sp__chunk_num(vb_cmd *cmd, const char *s, uint64_t max, const char *what, uint64_t *out)
{
    const char *p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++;
    if (*p == '+')
        p++;
    uint64_t v = 0;
    bool big = false, digits = *p >= '0' && *p <= '9';
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10)
            big = true;
        else
            v = v * 10 + (uint64_t)(*p - '0');
    }
    if (!digits || *p) {
        bi_err(cmd, "%s: %s", what, fs_lq(cmd, s));
        return false;
    }
    if (big || v > (uint64_t)INT64_MAX) {
        bi_err(cmd, "%s: %s: %s", what, fs_lq(cmd, s), "Value too large for defined data type");
        return false;
    }
    if (v < 1 || v > max) {
        bi_err(cmd, "%s: %s: %s", what, fs_lq(cmd, s), "Numerical result out of range");
        return false;
    }
    *out = v;
    return true;
}

int bi_split(vb_cmd *cmd)
{
    sp_state st = {.cmd = cmd, .prefix = "x", .addsuf = "", .suflen = 2, .base = 26};
    char mode = 'l';
    uint64_t size = 1000, from = 0;
    bool suflen_set = false, elide = false;
    const char *chunks = NULL;
    int sep = '\n';
    bi_opt o;
    bi_opt_init(&o, cmd, "a:b:C:del:n:t:x", split_longs, split_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        int64_t v;
        switch (c) {
        case 'a':
        {
            /* 0 is the default (2, widening); past NAME_MAX no name fits */
            int rc = bi_parse_i64(o.arg, &v);
            if (rc == -ERANGE && o.arg[0] != '-') {
                bi_err(cmd, "invalid suffix length: %s: Value too large for defined data type",
                       fs_lq(cmd, o.arg));
                return 1;
            }
            if (rc != 0 || v < 0 || v > 255) {
                bi_err(cmd, "invalid suffix length: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            if (v == 0)
                break;
            st.suflen = (int)v;
            suflen_set = true;
            break;
        }
        case SP_ADDSUF:
            if (strchr(o.arg, '/')) {
                bi_err(cmd, "invalid suffix %s, contains directory separator", fs_lq(cmd, o.arg));
                return bi_usage(cmd, 1, NULL);
            }
            st.addsuf = o.arg;
            break;
        case 'b': case 'C': case 'l': {
            uint64_t sz;
            int rc = bi_parse_size(o.arg, &sz);
            if (rc != 0 || sz == 0) {
                bi_err(cmd, "invalid number of %s: %s%s", c == 'l' ? "lines" : "bytes", fs_lq(cmd, o.arg),
                       rc == 0 ? ": Numerical result out of range" : "");
                return 1;
            }
            mode = (char)c;
            size = sz;
            break;
        }
        case 'n': mode = 'n'; chunks = o.arg; break;
        case 'd': st.base = 10; break;
        case 'x': st.base = 16; break;
        case SP_NUMSUF: case SP_HEXSUF:
            st.base = c == SP_NUMSUF ? 10 : 16;
            if (o.arg) {
                if (bi_parse_i64(o.arg, &v) != 0 || v < 0) {
                    bi_err(cmd, "invalid start value for %s suffixes: %s",
                           c == SP_NUMSUF ? "numerical" : "hexadecimal", fs_lq(cmd, o.arg));
                    return 1;
                }
                from = (uint64_t)v;
            }
            break;
        case 'e': elide = true; break;
        case 't':
            if (!strcmp(o.arg, "\\0"))
                sep = '\0';
            else if (o.arg[0] && o.arg[1]) {
                bi_err(cmd, "multi-character separator %s", fs_lq(cmd, o.arg));
                return 1;
            } else
                sep = (unsigned char)o.arg[0];
            break;
        case SP_VERBOSE: st.verbose = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (n > 2)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, ops[2]));
    const char *in_name = n >= 1 ? ops[0] : "-";
    if (n == 2)
        st.prefix = ops[1];
    st.next = from;
    int err = 0;
    stream *in = bi_open_read(cmd, in_name, &err);
    if (!in)
        return tx_open_error(cmd, in_name, err, TX_OPEN);
    int status = 0;
    if (mode == 'n') {
        /* CHUNKS: N, K/N, l/N, l/K/N, r/N, r/K/N */
        char kind = 'b';
        const char *p = chunks;
        if ((p[0] == 'l' || p[0] == 'r') && p[1] == '/') {
            kind = p[0];
            p += 2;
        }
        uint64_t k = 0, total = 0;
        const char *slash = strchr(p, '/');
        bool ok = sp__chunk_num(cmd, slash ? slash + 1 : p, UINT64_MAX, "invalid number of chunks",
                                &total);
        if (ok && slash) {
            char *ks = mem_strndup(cmd->heap, p, (size_t)(slash - p));
            ok = ks && sp__chunk_num(cmd, ks, total, "invalid chunk number", &k);
        }
        if (!ok) {
            stream_unref(in);
            return 1;
        }
        char *data;
        size_t len;
        int rc = bi_slurp(cmd, in, &data, &len);
        stream_unref(in);
        if (rc < 0)
            return tx_slurp_error(cmd, in_name, rc);
        if (!suflen_set) {
            /* wide enough for every chunk */
            uint64_t cap = (uint64_t)st.base * (uint64_t)st.base;
            while (cap < total + from) {
                cap *= (uint64_t)st.base;
                st.suflen++;
            }
        }
        if (kind == 'r') {
            /* round robin of records */
            stream **outs = mem_calloc(cmd->heap, (size_t)total, sizeof *outs);
            if (!outs)
                return bi_err(cmd, "memory exhausted");
            if (!k) {
                for (uint64_t i = 0; i < total; i++) {
                    if (!sp__open(&st))
                        return 1;
                    outs[i] = stream_ref(st.out);
                }
            }
            uint64_t rec = 0;
            for (size_t i = 0; i < len;) {
                const char *e = memchr(data + i, sep, len - i);
                size_t l = e ? (size_t)(e - data - i) + 1 : len - i;
                uint64_t which = rec++ % total;
                if (k) {
                    if (which + 1 == k)
                        bi_out(cmd, data + i, l);
                } else if (stream_write(outs[which], data + i, l) < 0) {
                    status = 1;
                    break;
                }
                i += l;
            }
            for (uint64_t i = 0; i < total; i++)
                stream_unref(outs[i]);
        } else {
            for (uint64_t i = 0; i < total; i++) {
                size_t start = (size_t)(len * i / total), end = (size_t)(len * (i + 1) / total);
                if (kind == 'l') {
                    /* chunk boundaries move to the ends of lines */
                    if (i > 0) {
                        const char *e = start > 0 ? memchr(data + start - 1, sep, len - start + 1) : data;
                        start = e ? (size_t)(e - data) + (start > 0) : len;
                    }
                    if (i + 1 < total) {
                        const char *e = end > 0 ? memchr(data + end - 1, sep, len - end + 1) : data;
                        end = e ? (size_t)(e - data) + (end > 0) : len;
                    } else {
                        end = len;
                    }
                    if (start > end)
                        start = end;
                }
                if (k) {
                    if (i + 1 == k)
                        bi_out(cmd, data + start, end - start);
                    continue;
                }
                if (elide && end == start)
                    continue;
                if (!sp__open(&st) || !sp__write(&st, data + start, end - start)) {
                    status = 1;
                    break;
                }
            }
        }
        if (st.out)
            stream_unref(st.out);
        return bi_done(cmd, status);
    }
    /* -l, -b, -C: streaming */
    bi_reader r;
    bi_reader_init(&r, cmd, in);
    uint64_t used = 0;     /* lines or bytes in the current file */
    if (mode == 'b') {
        char buf[65536];
        for (;;) {
            ssize_t got = bi_readbuf(&r, buf, sizeof buf);
            if (got < 0) {
                status = tx_read_error(cmd, in_name, (int)got, TX_PLAIN);
                break;
            }
            if (got == 0)
                break;
            size_t p = 0;
            while (p < (size_t)got) {
                if (!st.out || used == size) {
                    if (!sp__open(&st)) {
                        status = 1;
                        goto done;
                    }
                    used = 0;
                }
                size_t take = (size_t)got - p;
                if ((uint64_t)take > size - used)
                    take = (size_t)(size - used);
                if (!sp__write(&st, buf + p, take)) {
                    status = 1;
                    goto done;
                }
                used += take;
                p += take;
            }
        }
    } else {
        const char *rec;
        size_t len;
        int rc;
        while ((rc = bi_getrec(&r, sep, &rec, &len)) > 0) {
            if (mode == 'l') {
                if (!st.out || used == size) {
                    if (!sp__open(&st)) {
                        status = 1;
                        break;
                    }
                    used = 0;
                }
                if (!sp__write(&st, rec, len)) {
                    status = 1;
                    break;
                }
                used++;
            } else {
                /* -C: whole records while they fit; longer ones are cut */
                while (len > 0) {
                    if (!st.out || (used > 0 && used + len > size) || used == size) {
                        if (!sp__open(&st)) {
                            status = 1;
                            goto done;
                        }
                        used = 0;
                    }
                    size_t take = (uint64_t)len > size - used ? (size_t)(size - used) : len;
                    if (!sp__write(&st, rec, take)) {
                        status = 1;
                        goto done;
                    }
                    used += take;
                    rec += take;
                    len -= take;
                }
            }
        }
        if (rc < 0)
            status = tx_read_error(cmd, in_name, rc, TX_PLAIN);
    }
done:
    bi_reader_free(&r);
    stream_unref(in);
    if (st.out)
        stream_unref(st.out);
    return bi_done(cmd, status);
}
