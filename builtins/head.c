/*
 * head: the first part of files. -n [-]N, -c [-]N (GNU size suffixes), -q,
 * -v, -z, the obsolete "-N[bcklqvz]" first argument, "==> NAME <==" headers
 * for several operands. Stops reading as soon as the count is reached; the
 * negative forms hold back only the last N lines / bytes.
 * Reference: GNU coreutils 9.1 head.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("head", bi_head, BI_UTIL)
int bi_head(vb_cmd *cmd);

static const char head_help[] =
    "Usage: head [OPTION]... [FILE]...\n"
    "Print the first 10 lines of each FILE to standard output.\n"
    "With more than one FILE, precede each with a header giving the file name.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -c, --bytes=[-]NUM       print the first NUM bytes of each file;\n"
    "                             with the leading '-', print all but the last\n"
    "                             NUM bytes of each file\n"
    "  -n, --lines=[-]NUM       print the first NUM lines instead of the first 10;\n"
    "                             with the leading '-', print all but the last\n"
    "                             NUM lines of each file\n"
    "  -q, --quiet, --silent    never print headers giving file names\n"
    "  -v, --verbose            always print headers giving file names\n"
    "  -z, --zero-terminated    line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt head_longs[] = {
    {"bytes", 1, 'c'}, {"lines", 1, 'n'}, {"quiet", 0, 'q'}, {"silent", 0, 'q'},
    {"verbose", 0, 'v'}, {"zero-terminated", 0, 'z'}, {0},
};

typedef struct head_state {
    bool bytes, elide;
    uint64_t count;
    int delim;
    int headers;       /* print headers */
    bool first;
    char *buf;
} head_state;

enum { HEAD_CHUNK = 65536 };

static int head__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    head_state *st = ctx;
    if (st->headers) {
        bi_outf(cmd, "%s==> %s <==\n", st->first ? "" : "\n",
                strcmp(name, "-") ? name : "standard input");
    }
    st->first = false;
    uint64_t left = st->count;
    if (!st->elide) {
        while (left > 0) {
            /* -c reads no more than it prints; -n gives back what it read
             * past the last line, so a seekable input is left just after
             * it, as GNU head does ({ head -n 1; cat; } < file). */
            size_t want = st->bytes && left < HEAD_CHUNK ? (size_t)left : HEAD_CHUNK;
            ssize_t n = tx_read(cmd, s, name, st->buf, want, TX_OPEN);
            if (n < 0)
                return 1;
            if (n == 0)
                break;
            size_t k = (size_t)n;
            if (st->bytes) {
                if ((uint64_t)k > left)
                    k = (size_t)left;
                left -= k;
            } else {
                const char *p = st->buf, *e = st->buf + n;
                while (left > 0 && p < e) {
                    const char *d = memchr(p, st->delim, (size_t)(e - p));
                    if (!d) {
                        p = e;
                        break;
                    }
                    p = d + 1;
                    left--;
                }
                k = (size_t)(p - st->buf);
                if (k < (size_t)n)
                    (void)stream_seek(s, -(int64_t)((size_t)n - k), SEEK_CUR);
            }
            if (bi_out(cmd, st->buf, k) < 0)
                return -1;
        }
        return 0;
    }
    /* All but the last `count` bytes / lines. */
    vbuf pend;
    vbuf_init(&pend, cmd->heap);
    int rc = 0;
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, st->buf, HEAD_CHUNK, TX_OPEN);
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
        size_t out = 0;
        if (st->bytes) {
            if ((uint64_t)pend.len > st->count)
                out = pend.len - (size_t)st->count;
        } else {
            uint64_t lines = 0;
            for (const char *p = pend.data, *e = pend.data + pend.len;
                 (p = memchr(p, st->delim, (size_t)(e - p))) != NULL; p++)
                lines++;
            if (lines > st->count) {
                uint64_t want = lines - st->count;
                const char *p = pend.data;
                while (want--)
                    p = (const char *)memchr(p, st->delim, pend.len - (size_t)(p - pend.data)) + 1;
                out = (size_t)(p - pend.data);
            }
        }
        if (out) {
            if (bi_out(cmd, pend.data, out) < 0) {
                vbuf_free(&pend);
                return -1;
            }
            memmove(pend.data, pend.data + out, pend.len - out);
            pend.len -= out;
        }
    }
    if (!st->bytes && pend.len && pend.data[pend.len - 1] != st->delim) {
        /* The unterminated last line counts as a line. */
        uint64_t lines = 1;
        for (const char *p = pend.data, *e = pend.data + pend.len;
             (p = memchr(p, st->delim, (size_t)(e - p))) != NULL; p++)
            lines++;
        if (lines > st->count) {
            uint64_t want = lines - st->count;
            const char *p = pend.data;
            while (want--)
                p = (const char *)memchr(p, st->delim, pend.len - (size_t)(p - pend.data)) + 1;
            size_t done = (size_t)(p - pend.data);
            bi_out(cmd, pend.data, done);
            memmove(pend.data, pend.data + done, pend.len - done);
            pend.len -= done;
        }
    }
    /* The held-back tail goes back to a seekable input (GNU). */
    if (rc == 0 && pend.len)
        (void)stream_seek(s, -(int64_t)pend.len, SEEK_CUR);
    vbuf_free(&pend);
    return rc;
}

/* Parses "[-]N" with suffixes into st; false after the message. */
static bool head__count(vb_cmd *cmd, head_state *st, const char *arg, bool bytes)
{
    st->bytes = bytes;
    const char *p = arg;
    st->elide = false;
    if (*p == '-') {
        st->elide = true;
        p++;
    }
    uint64_t v;
    int rc = bi_parse_size(p, &v);
    if (rc == -ERANGE) {   /* coreutils 9.1 refuses counts past uintmax */
        bi_err(cmd, "invalid number of %s: %s: %s", bytes ? "bytes" : "lines", fs_lq(cmd, p),
               "Value too large for defined data type");
        return false;
    }
    if (rc != 0) {
        /* GNU quotes the count without the '-' of an elided tail */
        bi_err(cmd, "invalid number of %s: %s", bytes ? "bytes" : "lines", fs_lq(cmd, p));
        return false;
    }
    st->count = v;
    return true;
}

int bi_head(vb_cmd *cmd)
{
    head_state st = {.count = 10, .delim = '\n', .first = true};
    int verbose = -1;
    char **saved = cmd->argv;
    int saved_argc = cmd->argc;
    /* Obsolete form: head -N[bcklmqvz] FILE... */
    const char *a1 = cmd->argc > 1 ? cmd->argv[1] : NULL;
    if (a1 && a1[0] == '-' && a1[1] >= '0' && a1[1] <= '9') {
        const char *p = a1 + 1;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p[strspn(p, "bcklmqvz")])
            return bi_usage(cmd, 1, "invalid trailing option -- %c", p[strspn(p, "bcklmqvz")]);
        {
            char *num = mem_strndup(cmd->heap, a1 + 1, (size_t)(p - a1 - 1));
            bool bytes = false;
            const char *suffix = "";
            for (; *p; p++) {
                switch (*p) {
                case 'c': bytes = true; suffix = ""; break;
                case 'b': bytes = true; suffix = "b"; break;
                case 'k': bytes = true; suffix = "K"; break;
                case 'm': bytes = true; suffix = "M"; break;
                case 'l': bytes = false; break;
                case 'q': verbose = 0; break;
                case 'v': verbose = 1; break;
                case 'z': st.delim = '\0'; break;
                }
            }
            char *n = mem_printf(cmd->heap, "%s%s", num, suffix);
            if (!n || !head__count(cmd, &st, n, bytes))
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
    bi_opt_init(&o, cmd, "c:n:qvz", head_longs, head_help);
    int c, status = 0;
    bool ok = true;
    while (ok && (c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'c': ok = head__count(cmd, &st, o.arg, true); break;
        case 'n': ok = head__count(cmd, &st, o.arg, false); break;
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
    st.buf = mem_alloc(cmd->heap, HEAD_CHUNK);
    if (!st.buf) {
        status = bi_err(cmd, "memory exhausted");
        goto out;
    }
    status = bi_done(cmd, tx_each_operand(cmd, nops, cmd->argv + o.ind, head__file, &st, TX_OPEN));
out:
    cmd->argv = saved;
    cmd->argc = saved_argc;
    return status;
}
