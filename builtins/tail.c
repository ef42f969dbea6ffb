/*
 * tail: the last part of files. -n [+-]N, -c [+-]N (GNU size suffixes), -q,
 * -v, -z, -f / -F / --follow[=name|descriptor] with -s SECONDS and --retry,
 * the obsolete "-N" / "+N[bcl][f]" first argument, "==> NAME <==" headers.
 * Counting from the end keeps only the last N lines / bytes in memory.
 * -f polls the files for new data (cmd->ops->sleep_ns) until the session's
 * time runs out or it is cancelled; on a pipe it ends when the writer does.
 * Reference: GNU coreutils 9.1 tail. Deviations: --pid is not supported
 * (no host processes); -F does not reopen a file replaced under its name.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("tail", bi_tail, BI_UTIL)
int bi_tail(vb_cmd *cmd);

static const char tail_help[] =
    "Usage: tail [OPTION]... [FILE]...\n"
    "Print the last 10 lines of each FILE to standard output.\n"
    "With more than one FILE, precede each with a header giving the file name.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -c, --bytes=[+]NUM       output the last NUM bytes; or use -c +NUM to\n"
    "                             output starting with byte NUM of each file\n"
    "  -f, --follow[={name|descriptor}]\n"
    "                           output appended data as the file grows;\n"
    "  -F                       same as --follow=name --retry\n"
    "  -n, --lines=[+]NUM       output the last NUM lines, instead of the last 10;\n"
    "                             or use -n +NUM to skip NUM-1 lines at the start\n"
    "  -q, --quiet, --silent    never output headers giving file names\n"
    "      --retry              keep trying to open a file if it is inaccessible\n"
    "  -s, --sleep-interval=N   with -f, sleep for approximately N seconds\n"
    "                             (default 1.0) between iterations\n"
    "  -v, --verbose            always output headers giving file names\n"
    "  -z, --zero-terminated    line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { TAIL_RETRY = 256, TAIL_FOLLOW };

static const bi_longopt tail_longs[] = {
    {"bytes", 1, 'c'}, {"lines", 1, 'n'}, {"quiet", 0, 'q'}, {"silent", 0, 'q'},
    {"verbose", 0, 'v'}, {"zero-terminated", 0, 'z'}, {"follow", 2, TAIL_FOLLOW},
    {"retry", 0, TAIL_RETRY}, {"sleep-interval", 1, 's'}, {0},
};

typedef struct tail_state {
    bool bytes, from_start;
    uint64_t count;
    int delim;
    bool headers, first, follow;
    uint64_t sleep_ns;
    char *buf;
    /* followed files */
    stream **fs;
    const char **names;
    int nf;
    int last_shown;
} tail_state;

enum { TAIL_CHUNK = 65536 };

static void tail__header(vb_cmd *cmd, tail_state *st, const char *name)
{
    if (st->headers)
        bi_outf(cmd, "%s==> %s <==\n", st->first ? "" : "\n",
                strcmp(name, "-") ? name : "standard input");
    st->first = false;
}

/* Copies the rest of s to the output. */
static int tail__copy(vb_cmd *cmd, tail_state *st, stream *s, const char *name)
{
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, st->buf, TAIL_CHUNK, TX_OPEN);
        if (n < 0)
            return 1;
        if (n == 0)
            return 0;
        if (bi_out(cmd, st->buf, (size_t)n) < 0)
            return -1;
    }
}

static int tail__from_start(vb_cmd *cmd, tail_state *st, stream *s, const char *name)
{
    uint64_t skip = st->count ? st->count - 1 : 0;
    while (skip > 0) {
        ssize_t n = tx_read(cmd, s, name, st->buf, TAIL_CHUNK, TX_OPEN);
        if (n < 0)
            return 1;
        if (n == 0)
            return 0;
        const char *p = st->buf, *e = st->buf + n;
        if (st->bytes) {
            size_t k = (uint64_t)n < skip ? (size_t)n : (size_t)skip;
            skip -= k;
            p += k;
        } else {
            while (skip > 0 && p < e) {
                const char *d = memchr(p, st->delim, (size_t)(e - p));
                if (!d) {
                    p = e;
                    break;
                }
                p = d + 1;
                skip--;
            }
        }
        if (p < e && bi_out(cmd, p, (size_t)(e - p)) < 0)
            return -1;
    }
    return tail__copy(cmd, st, s, name);
}

/* A seekable input (a VFS file, or stdin redirected from one): the last
 * lines or bytes are found from the end, reading backwards, and only they
 * are read again, as GNU tail does. Returns 2 when s cannot seek (nothing
 * read), else the status. */
static int tail__from_end(vb_cmd *cmd, tail_state *st, stream *s, const char *name)
{
    if (s->kind != STREAM_FILE)
        return 2;
    int64_t lo = stream_seek(s, 0, SEEK_CUR);
    int64_t size = lo < 0 ? -1 : stream_seek(s, 0, SEEK_END);
    if (lo < 0 || size < 0) {
        if (lo >= 0)
            stream_seek(s, lo, SEEK_SET);
        return 2;
    }
    int64_t start = size;
    if (st->bytes) {
        start = (uint64_t)(size - lo) > st->count ? size - (int64_t)st->count : lo;
    } else if (st->count > 0 && size > lo) {
        uint64_t found = 0;
        int64_t pos = size;
        bool last = true;   /* the final byte: a delimiter there ends the last line */
        start = lo;
        while (pos > lo) {
            int64_t off = pos - lo > TAIL_CHUNK ? pos - TAIL_CHUNK : lo;
            if (stream_seek(s, off, SEEK_SET) < 0)
                return 1;
            size_t want = (size_t)(pos - off), got = 0;
            while (got < want) {
                ssize_t n = tx_read(cmd, s, name, st->buf + got, want - got, TX_OPEN);
                if (n < 0)
                    return 1;
                if (n == 0)
                    break;
                got += (size_t)n;
            }
            size_t end = got;
            if (last && end > 0 && st->buf[end - 1] == st->delim)
                end--;
            last = false;
            const char *hit = NULL;
            while (end > 0 && (hit = memrchr(st->buf, st->delim, end)) != NULL) {
                if (++found == st->count)
                    break;
                end = (size_t)(hit - st->buf);
                hit = NULL;
            }
            if (hit) {
                start = off + (int64_t)(hit - st->buf) + 1;
                break;
            }
            pos = off;
            if (bi_cancelled(cmd))
                return 1;
        }
    }
    if (stream_seek(s, start, SEEK_SET) < 0)
        return 1;
    return tail__copy(cmd, st, s, name);
}

static int tail__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    tail_state *st = ctx;
    tail__header(cmd, st, name);
    int rc = 0;
    if (st->from_start) {
        rc = tail__from_start(cmd, st, s, name);
    } else if ((rc = tail__from_end(cmd, st, s, name)) != 2) {
        /* done from the end */
    } else {
        rc = 0;
        vbuf pend;
        vbuf_init(&pend, cmd->heap);
        uint64_t lines = 0;   /* delimiters in pend */
        for (;;) {
            ssize_t n = tx_read(cmd, s, name, st->buf, TAIL_CHUNK, TX_OPEN);
            if (n < 0) {
                rc = 1;
                break;
            }
            if (n == 0)
                break;
            if (vbuf_add(&pend, st->buf, (size_t)n) != 0) {
                vbuf_free(&pend);
                return bi_err(cmd, "memory exhausted");
            }
            size_t drop = 0;
            if (st->bytes) {
                if (st->count < UINT64_MAX / 4 && (uint64_t)pend.len > st->count * 2 + TAIL_CHUNK)
                    drop = pend.len - (size_t)st->count;
            } else {
                for (const char *p = pend.data + pend.len - n, *e = pend.data + pend.len;
                     (p = memchr(p, st->delim, (size_t)(e - p))) != NULL; p++)
                    lines++;
                if (lines > st->count && pend.len > TAIL_CHUNK) {
                    uint64_t want = lines - st->count;
                    const char *p = pend.data;
                    for (uint64_t i = 0; i < want; i++)
                        p = (const char *)memchr(p, st->delim, pend.len - (size_t)(p - pend.data)) + 1;
                    drop = (size_t)(p - pend.data);
                    lines = st->count;
                }
            }
            if (drop) {
                memmove(pend.data, pend.data + drop, pend.len - drop);
                pend.len -= drop;
            }
        }
        size_t from = 0;
        if (st->bytes) {
            if ((uint64_t)pend.len > st->count)
                from = pend.len - (size_t)st->count;
        } else if (pend.len) {
            uint64_t total = lines + (pend.data[pend.len - 1] != st->delim);
            if (total > st->count) {
                uint64_t want = total - st->count;
                const char *p = pend.data;
                for (uint64_t i = 0; i < want; i++)
                    p = (const char *)memchr(p, st->delim, pend.len - (size_t)(p - pend.data)) + 1;
                from = (size_t)(p - pend.data);
            }
        }
        if (pend.len > from && bi_out(cmd, pend.data + from, pend.len - from) < 0)
            rc = -1;
        vbuf_free(&pend);
    }
    if (st->follow && rc == 0 && s->kind == STREAM_FILE && st->nf < 64) {
        st->fs[st->nf] = stream_ref(s);
        st->names[st->nf++] = name;
        st->last_shown = st->nf - 1;
    }
    return rc;
}

static void tail__follow(vb_cmd *cmd, tail_state *st)
{
    while (st->nf > 0 && !bi_cancelled(cmd) && !bi_out_failed(cmd)) {
        bool any = false;
        for (int i = 0; i < st->nf; i++) {
            ssize_t n;
            while ((n = stream_read(st->fs[i], st->buf, TAIL_CHUNK)) > 0) {
                if (i != st->last_shown && st->headers) {
                    bi_outf(cmd, "\n==> %s <==\n", st->names[i]);
                    st->last_shown = i;
                }
                bi_out(cmd, st->buf, (size_t)n);
                any = true;
            }
        }
        if (any)
            bi_flush(cmd);
        if (!cmd->ops || !cmd->ops->sleep_ns)
            break;
        if (cmd->ops->time_left_ms && cmd->ops->time_left_ms(cmd->shell) == 0)
            break;
        if (cmd->ops->sleep_ns(cmd->shell, st->sleep_ns) < 0)
            break;
    }
    for (int i = 0; i < st->nf; i++)
        stream_unref(st->fs[i]);
}

static bool tail__count(vb_cmd *cmd, tail_state *st, const char *arg, bool bytes)
{
    st->bytes = bytes;
    const char *p = arg;
    st->from_start = false;
    if (*p == '+') {
        st->from_start = true;
        p++;
    } else if (*p == '-') {
        p++;
    }
    uint64_t v;
    int rc = bi_parse_size(p, &v);
    if (rc == -ERANGE) {   /* coreutils 9.1 refuses counts past uintmax */
        bi_err(cmd, "invalid number of %s: %s: %s", bytes ? "bytes" : "lines", fs_lq(cmd, arg),
               "Value too large for defined data type");
        return false;
    }
    if (rc != 0 || *p == '+' || *p == '-') {
        bi_err(cmd, "invalid number of %s: %s", bytes ? "bytes" : "lines", fs_lq(cmd, arg));
        return false;
    }
    st->count = v;
    return true;
}

int bi_tail(vb_cmd *cmd)
{
    tail_state st = {.count = 10, .delim = '\n', .first = true, .sleep_ns = 1000000000ull};
    int verbose = -1;
    char **saved = cmd->argv;
    int saved_argc = cmd->argc;
    int status = 0;
    /* Obsolete form: tail [-+]N[bcl][f] FILE (only as the first argument). */
    const char *a1 = cmd->argc > 1 ? cmd->argv[1] : NULL;
    if (a1 && (a1[0] == '-' || a1[0] == '+') && a1[1] >= '0' && a1[1] <= '9') {
        const char *p = a1 + 1;
        while (*p >= '0' && *p <= '9')
            p++;
        const char *suf = p;
        bool bytes = false, ok = true;
        const char *mult = "";
        if (*p == 'c' || *p == 'b' || *p == 'l') {
            bytes = *p != 'l';
            if (*p == 'b')
                mult = "b";
            p++;
        }
        if (*p == 'f') {
            st.follow = true;
            p++;
        }
        ok = *p == '\0';
        if (ok) {
            char *n = mem_printf(cmd->heap, "%c%.*s%s", a1[0], (int)(suf - a1 - 1), a1 + 1, mult);
            if (!n || !tail__count(cmd, &st, n, bytes))
                return 1;
            char **nv = mem_calloc(cmd->heap, (size_t)cmd->argc, sizeof *nv);
            if (!nv)
                return 1;
            nv[0] = cmd->argv[0];
            for (int i = 2; i < cmd->argc; i++)
                nv[i - 1] = cmd->argv[i];
            cmd->argv = nv;
            cmd->argc--;
        }
    }
    bi_opt o;
    bi_opt_init(&o, cmd, "c:n:fFqs:vz0123456789", tail_longs, tail_help);
    int c;
    bool ok = true;
    while (ok && (c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            /* a digit that is not the obsolete first-argument form, as GNU */
            status = bi_err(cmd, "option used in invalid context -- %c", c);
            goto out;
        case 'c': ok = tail__count(cmd, &st, o.arg, true); break;
        case 'n': ok = tail__count(cmd, &st, o.arg, false); break;
        case 'f': case 'F': st.follow = true; break;
        case TAIL_FOLLOW:
            if (o.arg) {
                static const char *const w[] = {"descriptor", "name"};
                if (tx_argmatch(cmd, "--follow", o.arg, w, NULL, 2) < 0) {
                    status = 1;
                    goto out;
                }
            }
            st.follow = true;
            break;
        case TAIL_RETRY: break;
        case 's': {
            char *end;
            double d = strtod(o.arg, &end);
            if (*end || end == o.arg || d < 0) {
                status = bi_err(cmd, "invalid number of seconds: %s", fs_lq(cmd, o.arg));
                goto out;
            }
            st.sleep_ns = (uint64_t)(d * 1e9);
            break;
        }
        case 'q': verbose = 0; break;
        case 'v': verbose = 1; break;
        case 'z': st.delim = '\0'; break;
        case BI_OPT_EXIT: status = bi_done(cmd, o.status); goto out;
        default: status = o.status; goto out;
        }
    }
    if (!ok) {
        status = 1;
        goto out;
    }
    int nops = cmd->argc - o.ind;
    st.headers = verbose == 1 || (verbose == -1 && nops > 1);
    st.buf = mem_alloc(cmd->heap, TAIL_CHUNK);
    st.fs = mem_calloc(cmd->heap, 64, sizeof *st.fs);
    st.names = mem_calloc(cmd->heap, 64, sizeof *st.names);
    if (!st.buf || !st.fs || !st.names) {
        status = bi_err(cmd, "memory exhausted");
        goto out;
    }
    status = tx_each_operand(cmd, nops, cmd->argv + o.ind, tail__file, &st, TX_OPEN);
    if (st.follow)
        tail__follow(cmd, &st);
    status = bi_done(cmd, status);
out:
    cmd->argv = saved;
    cmd->argc = saved_argc;
    return status;
}
