/*
 * split: split a file into pieces. -l LINES (default 1000), -b SIZE,
 * -C SIZE (whole lines up to SIZE bytes), -n CHUNKS | l/N | r/N | K/N |
 * l/K/N | r/K/N, -a LEN, -d / --numeric-suffixes[=FROM], -x /
 * --hex-suffixes[=FROM], --additional-suffix=S, -e, -t SEP, --verbose,
 * --filter=COMMAND, [INPUT [PREFIX]]. Reference: GNU coreutils 9.1 split.
 *
 * Suffixes follow GNU's next_file_name: without -a (and without a start
 * value or -n), the suffix widens when its first letter reaches the last
 * one of the alphabet: after "yz" comes "zaaa", with -d after "89" comes
 * "9000". With -n the length is computed from the number of chunks (and
 * the start value). --filter runs COMMAND through the shell once per piece,
 * with FILE set to the piece's name and the piece on its standard input;
 * the piece is held in memory until it is complete, and the commands of
 * -n r/N run one after the other at the end.
 * Deviations: a hex start value is read as hex (GNU 9.1 indexes its
 * alphabet with digit - '0' and goes astray on a-f); the filter runs in a
 * subshell of the session, which sees its unexported variables too, and a
 * status above 128 is reported as an exit status, not as a signal.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
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
    "      --filter=COMMAND    write to shell COMMAND; file name is $FILE\n"
    "      --verbose           print a diagnostic just before each\n"
    "                            output file is opened\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { SP_ADDSUF = 256, SP_NUMSUF, SP_HEXSUF, SP_VERBOSE, SP_FILTER };

static const bi_longopt split_longs[] = {
    {"suffix-length", 1, 'a'}, {"additional-suffix", 1, SP_ADDSUF}, {"bytes", 1, 'b'},
    {"line-bytes", 1, 'C'}, {"numeric-suffixes", 2, SP_NUMSUF}, {"hex-suffixes", 2, SP_HEXSUF},
    {"elide-empty-files", 0, 'e'}, {"lines", 1, 'l'}, {"number", 1, 'n'},
    {"separator", 1, 't'}, {"verbose", 0, SP_VERBOSE}, {"filter", 1, SP_FILTER}, {0},
};

/* One output piece: a file, or a buffer for --filter. */
typedef struct sp_piece {
    char *name;
    stream *s;
    vbuf *buf;
} sp_piece;

typedef struct sp_state {
    vb_cmd *cmd;
    const char *addsuf;
    char *base;          /* the prefix; grows by a letter when the suffix widens */
    const char *alpha;   /* suffix alphabet */
    size_t alen;
    int suflen;
    size_t *idx;         /* index in alpha of each suffix letter */
    const char *start;   /* --numeric-suffixes=FROM / --hex-suffixes=FROM */
    bool autow;          /* suffixes widen */
    bool started;
    bool verbose;
    const char *filter;
    sp_piece cur;
    int status;          /* a filter's failure */
} sp_state;

/* GNU's next_file_name: the suffix of the next piece in st->idx. */
static bool sp__next_suffix(sp_state *st)
{
    vb_cmd *cmd = st->cmd;
    if (st->started) {
        for (int i = st->suflen - 1; i >= 0; i--) {
            st->idx[i]++;
            if (st->autow && i == 0 && st->idx[0] + 1 == st->alen) {
                /* widen: the last letter joins the prefix */
                char *nb = mem_printf(cmd->heap, "%s%c", st->base, st->alpha[st->idx[0]]);
                mem_free(cmd->heap, st->base);
                st->base = nb;
                st->suflen++;
                mem_free(cmd->heap, st->idx);
                st->idx = mem_calloc(cmd->heap, (size_t)st->suflen, sizeof *st->idx);
                return true;
            }
            if (st->idx[i] < st->alen)
                return true;
            st->idx[i] = 0;
        }
        bi_err(cmd, "output file suffixes exhausted");
        return false;
    }
    st->started = true;
    st->idx = mem_calloc(cmd->heap, (size_t)st->suflen + 1, sizeof *st->idx);
    if (st->start) {
        size_t l = strlen(st->start);
        for (size_t k = 0; k < l; k++) {
            const char *d = strchr("0123456789abcdef", st->start[k]);
            st->idx[(size_t)st->suflen - l + k] = d ? (size_t)(d - "0123456789abcdef") : 0;
        }
    }
    return true;
}

/* sig2str's name of a signal: "KILL", "RTMIN+2", or the number. */
static const char *sp__signame(int sig, char *buf, size_t cap)
{
    static const char *const names[] = {
        NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
        "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
        "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
    };
    if (sig > 0 && sig < (int)(sizeof names / sizeof names[0]))
        return names[sig];
    int rtmin = SIGRTMIN, rtmax = SIGRTMAX;
    if (sig == rtmin)
        snprintf(buf, cap, "RTMIN");
    else if (sig == rtmax)
        snprintf(buf, cap, "RTMAX");
    else if (sig > rtmin && sig <= rtmin + (rtmax - rtmin) / 2)
        snprintf(buf, cap, "RTMIN+%d", sig - rtmin);
    else if (sig > rtmin && sig < rtmax)
        snprintf(buf, cap, "RTMAX-%d", rtmax - sig);
    else
        snprintf(buf, cap, "%d", sig);
    return buf;
}

/* Runs --filter on a finished piece; false after its failure (st->status). */
static bool sp__close(sp_state *st, sp_piece *p)
{
    vb_cmd *cmd = st->cmd;
    if (p->s) {
        stream_unref(p->s);
        p->s = NULL;
    }
    if (!p->buf)
        return true;
    vbuf q;
    vbuf_init(&q, cmd->heap);
    vbuf_adds(&q, "export FILE='");
    for (const char *c = p->name; *c; c++) {
        if (*c == '\'')
            vbuf_adds(&q, "'\\''");
        else
            vbuf_addc(&q, *c);
    }
    vbuf_adds(&q, "'; ");
    vbuf_adds(&q, st->filter);
    stream *in = stream_from_bytes(cmd->heap, p->buf->data, p->buf->len);
    bi_flush(cmd);
    int sig = 0;
    int rc = cmd->ops && cmd->ops->run_script_sig
                 ? cmd->ops->run_script_sig(cmd->shell, q.data, in, NULL, NULL, &sig)
                 : -1;
    stream_unref(in);
    vbuf_free(&q);
    vbuf_free(p->buf);
    mem_free(cmd->heap, p->buf);
    p->buf = NULL;
    if (sig == SIGPIPE)
        return true;   /* a filter that stops reading early is no error */
    if (sig > 0) {
        char nm[32];
        bi_err(cmd, "with FILE=%s, signal %s from command: %s", fs_qf(cmd, p->name),
               sp__signame(sig, nm, sizeof nm), st->filter);
        st->status = 128 + sig;
        return false;
    }
    if (rc != 0) {
        if (rc < 0)
            bi_err(cmd, "with FILE=%s, cannot run command: %s", fs_qf(cmd, p->name), st->filter);
        else
            bi_err(cmd, "with FILE=%s, exit %d from command: %s", fs_qf(cmd, p->name), rc,
                   st->filter);
        st->status = rc < 0 ? 1 : rc;
        return false;
    }
    return true;
}

/* Opens the next piece into *p (closing what it held); false after the message. */
static bool sp__open_piece(sp_state *st, sp_piece *p)
{
    vb_cmd *cmd = st->cmd;
    if (!sp__close(st, p))
        return false;
    if (!sp__next_suffix(st))
        return false;
    vbuf nm;
    vbuf_init(&nm, cmd->heap);
    vbuf_adds(&nm, st->base);
    for (int i = 0; i < st->suflen; i++)
        vbuf_addc(&nm, st->alpha[st->idx[i]]);
    vbuf_adds(&nm, st->addsuf);
    mem_free(cmd->heap, p->name);
    p->name = mem_strndup(cmd->heap, nm.data, nm.len);
    vbuf_free(&nm);
    if (st->filter) {
        if (st->verbose)
            bi_outf(cmd, "executing with FILE=%s\n", fs_qf(cmd, p->name));
        p->buf = mem_alloc(cmd->heap, sizeof *p->buf);
        vbuf_init(p->buf, cmd->heap);
        p->s = stream_to_buf(cmd->heap, p->buf);
        return true;
    }
    if (st->verbose)
        bi_outf(cmd, "creating file %s\n", fs_q(cmd, p->name));
    int err = 0;
    p->s = bi_open_write(cmd, p->name, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
    if (!p->s) {
        bi_err(cmd, "%s: %s", fs_qf(cmd, p->name), vb_strerror(err));
        return false;
    }
    return true;
}

static bool sp__open(sp_state *st)
{
    return sp__open_piece(st, &st->cur);
}

static bool sp__write(sp_state *st, const void *p, size_t n)
{
    if (!n)
        return true;
    ssize_t w = stream_write(st->cur.s, p, n);
    if (w < 0) {
        bi_err(st->cmd, "%s: %s", fs_qf(st->cmd, st->cur.name), vb_strerror((int)w));
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
    sp_state st = {.cmd = cmd, .addsuf = "", .suflen = 0,
                   .alpha = "abcdefghijklmnopqrstuvwxyz", .alen = 26};
    const char *prefix = "x";
    char mode = 'l';
    uint64_t size = 1000;
    bool elide = false;
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
            /* 0 is the default (2, widening); a name too long fails when
             * the file is opened, as GNU's */
            int rc = bi_parse_i64(o.arg, &v);
            if (rc == -ERANGE && o.arg[0] != '-') {
                bi_err(cmd, "invalid suffix length: %s: Value too large for defined data type",
                       fs_lq(cmd, o.arg));
                return 1;
            }
            if (rc != 0 || v < 0 || v > 65536) {
                bi_err(cmd, "invalid suffix length: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            if (v == 0)
                break;
            st.suflen = (int)v;
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
        case 'd': case 'x': case SP_NUMSUF: case SP_HEXSUF: {
            bool dec = c == 'd' || c == SP_NUMSUF;
            st.alpha = dec ? "0123456789" : "0123456789abcdef";
            st.alen = dec ? 10 : 16;
            if (o.arg) {
                if (strspn(o.arg, st.alpha) != strlen(o.arg)) {
                    bi_err(cmd, "%s: invalid start value for %s suffix", fs_lq(cmd, o.arg),
                           dec ? "numerical" : "hexadecimal");
                    return bi_usage(cmd, 1, NULL);
                }
                const char *a = o.arg;
                while (a[0] == '0' && a[1])
                    a++;
                st.start = a;
            }
            break;
        }
        case SP_FILTER: st.filter = o.arg; break;
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
        prefix = ops[1];
    st.base = mem_strdup(cmd->heap, prefix);
    /* GNU's set_suffix_length */
    uint64_t total = 0, k = 0;
    char kind = 'b';
    st.autow = !st.start;
    if (mode == 'n') {
        const char *p = chunks;
        if ((p[0] == 'l' || p[0] == 'r') && p[1] == '/') {
            kind = p[0];
            p += 2;
        }
        const char *slash = strchr(p, '/');
        bool ok = sp__chunk_num(cmd, slash ? slash + 1 : p, UINT64_MAX, "invalid number of chunks",
                                &total);
        if (ok && slash) {
            char *ks = mem_strndup(cmd->heap, p, (size_t)(slash - p));
            ok = ks && sp__chunk_num(cmd, ks, total, "invalid chunk number", &k);
        }
        if (!ok)
            return 1;
        if (k && st.filter) {
            bi_err(cmd, "--filter does not process a chunk extracted to stdout");
            return bi_usage(cmd, 1, NULL);
        }
        uint64_t end = total - 1;
        if (st.start && strspn(st.start, "0123456789") == strlen(st.start) && strlen(st.start) < 20) {
            uint64_t from = strtoull(st.start, NULL, 10);
            if (from < total)
                end = end + from < end ? UINT64_MAX : end + from;
        }
        int needed = 0;
        do
            needed++;
        while (end /= st.alen);
        st.autow = false;
        if (st.suflen && st.suflen < needed) {
            bi_err(cmd, "the suffix length needs to be at least %d", needed);
            return 1;
        }
        if (!st.suflen)
            st.suflen = needed > 2 ? needed : 2;
    } else if (st.suflen) {
        st.autow = false;
    } else {
        st.suflen = 2;
    }
    if (st.start && strlen(st.start) > (size_t)st.suflen) {
        bi_err(cmd, "numerical suffix start value is too large for the suffix length");
        return bi_usage(cmd, 1, NULL);
    }
    int err = 0;
    stream *in = bi_open_read(cmd, in_name, &err);
    if (!in)
        return tx_open_error(cmd, in_name, err, TX_OPEN);
    int status = 0;
    if (mode == 'n') {
        if (kind != 'r' && stream_seek(in, 0, SEEK_CUR) < 0) {
            /* GNU 9.1 needs the size of the input for these */
            bi_err(cmd, "%s: cannot determine file size", fs_qf(cmd, in_name));
            stream_unref(in);
            return bi_done(cmd, 1);
        }
        char *data;
        size_t len;
        int rc = bi_slurp(cmd, in, &data, &len);
        stream_unref(in);
        if (rc < 0)
            return tx_slurp_error(cmd, in_name, rc);
        if (kind == 'r') {
            /* round robin of records */
            sp_piece *outs = mem_calloc(cmd->heap, (size_t)total, sizeof *outs);
            if (!outs)
                return bi_err(cmd, "memory exhausted");
            if (!k) {
                for (uint64_t i = 0; i < total; i++) {
                    if (!sp__open_piece(&st, &outs[i]))
                        return 1;
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
                } else if (stream_write(outs[which].s, data + i, l) < 0) {
                    status = 1;
                    break;
                }
                i += l;
            }
            for (uint64_t i = 0; i < total && !k; i++)
                if (!sp__close(&st, &outs[i]) && !status)
                    status = st.status;
            if (st.status)
                return bi_done(cmd, st.status);
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
        if (!sp__close(&st, &st.cur))
            status = st.status;
        return bi_done(cmd, st.status ? st.status : status);
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
                if (!st.cur.s || used == size) {
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
                if (!st.cur.s || used == size) {
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
                    if (!st.cur.s || (used > 0 && used + len > size) || used == size) {
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
    if (!sp__close(&st, &st.cur) && !st.status)
        status = 1;
    return bi_done(cmd, st.status ? st.status : status);
}
