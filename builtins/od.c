/*
 * od: dump files in octal and other formats. -A d|o|x|n, -t TYPE (a, c,
 * d/o/u/x with sizes 1 2 4 8 C S I L, f with F D L, z suffix), -j SKIP,
 * -N COUNT, -v, -w[N], --endian, and the classic options -a -b -c -d -f
 * -i -l -o -s -x. Several types print aligned rows, as GNU does; repeated
 * lines collapse to "*" unless -v. Reference: GNU coreutils 9.1 od.
 * Deviations: the traditional "od FILE +OFFSET" operand form is not
 * supported; floats print with the shortest round-trip precision.
 */
#include <ctype.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("od", bi_od, BI_UTIL)

static const char od_help[] =
    "Usage: od [OPTION]... [FILE]...\n"
    "Write an unambiguous representation, octal bytes by default,\n"
    "of FILE to standard output.  With more than one FILE argument,\n"
    "concatenate them in the listed order to form the input.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -A, --address-radix=RADIX   output format for file offsets; RADIX is one\n"
    "                                of [doxn], for Decimal, Octal, Hex or None\n"
    "      --endian={big|little}   swap input bytes according the specified order\n"
    "  -j, --skip-bytes=BYTES      skip BYTES input bytes first\n"
    "  -N, --read-bytes=BYTES      limit dump to BYTES input bytes\n"
    "  -S BYTES, --strings[=BYTES]  (not supported)\n"
    "  -t, --format=TYPE           select output format or formats\n"
    "  -v, --output-duplicates     do not use * to mark line suppression\n"
    "  -w[BYTES], --width[=BYTES]  output BYTES bytes per output line;\n"
    "                                32 is implied when BYTES is not specified\n"
    "      --traditional           (not supported)\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { OD_ENDIAN = 256 };

static const bi_longopt od_longs[] = {
    {"address-radix", 1, 'A'}, {"endian", 1, OD_ENDIAN}, {"skip-bytes", 1, 'j'},
    {"read-bytes", 1, 'N'}, {"format", 1, 't'}, {"output-duplicates", 0, 'v'},
    {"width", 2, 'w'}, {0},
};

typedef struct od_type {
    char kind;     /* a c d o u x f */
    int size;      /* bytes per item */
    int cell;      /* natural cell width, separator included */
    bool z;        /* append the printable characters */
    int extra;     /* alignment padding for the whole line */
} od_type;

typedef struct od_state {
    od_type *t;
    int nt, cap;
    char radix;
    bool big_endian;
    size_t width;
} od_state;

static int od__cell(char kind, int size)
{
    switch (kind) {
    case 'a': case 'c': return 4;
    case 'o': return size == 1 ? 4 : size == 2 ? 7 : size == 4 ? 12 : 23;
    case 'x': return size * 2 + 1;
    case 'u': return size == 1 ? 4 : size == 2 ? 6 : size == 4 ? 11 : 21;
    case 'd': return size == 1 ? 5 : size == 2 ? 7 : size == 4 ? 12 : 21;
    default: return size == 4 ? 16 : size == 8 ? 25 : 30;
    }
}

static bool od__add(vb_cmd *cmd, od_state *st, char kind, int size, bool z)
{
    if (st->nt == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 4;
        od_type *n = mem_realloc(cmd->heap, st->t, (size_t)st->cap * sizeof *n);
        if (!n)
            return false;
        st->t = n;
    }
    st->t[st->nt++] = (od_type){kind, size, od__cell(kind, size), z, 0};
    return true;
}

/* Parses one -t argument (several types may follow each other). */
static bool od__types(vb_cmd *cmd, od_state *st, const char *arg)
{
    const char *s = arg;
    while (*s) {
        char k = *s++;
        int size = 0;
        switch (k) {
        case 'a': case 'c': size = 1; break;
        case 'd': case 'o': case 'u': case 'x':
            if (isdigit((unsigned char)*s)) {
                size = (int)strtol(s, (char **)&s, 10);
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    bi_err(cmd, "invalid type string %s;\nthis system doesn't provide a %d-byte integral type",
                           fs_lq(cmd, arg), size);
                    return false;
                }
            } else if (*s == 'C') { size = 1; s++; }
            else if (*s == 'S') { size = 2; s++; }
            else if (*s == 'I') { size = 4; s++; }
            else if (*s == 'L') { size = 8; s++; }
            else size = 4;
            break;
        case 'f':
            if (isdigit((unsigned char)*s)) {
                size = (int)strtol(s, (char **)&s, 10);
                if (size != 4 && size != 8 && size != 16) {
                    bi_err(cmd, "invalid type string %s;\nthis system doesn't provide a %d-byte floating point type",
                           fs_lq(cmd, arg), size);
                    return false;
                }
            } else if (*s == 'F') { size = 4; s++; }
            else if (*s == 'D') { size = 8; s++; }
            else if (*s == 'L') { size = 16; s++; }
            else size = 8;
            break;
        default:
            bi_err(cmd, "invalid character '%c' in type string %s", k, fs_lq(cmd, arg));
            return false;
        }
        bool z = false;
        if (*s == 'z') {
            z = true;
            s++;
        }
        if (!od__add(cmd, st, k, size, z))
            return false;
    }
    return true;
}

static const char *const od_names[] = {
    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr",
    "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub",
    "esc", "fs", "gs", "rs", "us", "sp",
};

static uint64_t od__uint(const od_state *st, const unsigned char *p, int size)
{
    uint64_t v = 0;
    for (int i = 0; i < size; i++) {
        int k = st->big_endian ? i : size - 1 - i;
        v = v << 8 | p[k];
    }
    return v;
}

static void od__float(char *buf, size_t cap, const od_state *st, const unsigned char *p, int size)
{
    unsigned char b[16];
    for (int i = 0; i < size; i++)
        b[i] = st->big_endian ? p[size - 1 - i] : p[i];
    if (size == 4) {
        float f;
        memcpy(&f, b, 4);
        for (int prec = 1; prec <= 9; prec++) {
            snprintf(buf, cap, "%.*g", prec, (double)f);
            if (strtof(buf, NULL) == f)
                break;
        }
    } else if (size == 8) {
        double d;
        memcpy(&d, b, 8);
        for (int prec = 1; prec <= 17; prec++) {
            snprintf(buf, cap, "%.*g", prec, d);
            if (strtod(buf, NULL) == d)
                break;
        }
    } else {
        long double l;
        memset(&l, 0, sizeof l);
        memcpy(&l, b, sizeof l < 16 ? sizeof l : 16);
        for (int prec = 1; prec <= 21; prec++) {
            snprintf(buf, cap, "%.*Lg", prec, l);
            if (strtold(buf, NULL) == l)
                break;
        }
    }
}

/* One item as text (no padding). */
static void od__item(const od_state *st, const od_type *t, const unsigned char *p, char *buf, size_t cap)
{
    uint64_t v;
    switch (t->kind) {
    case 'a': {
        unsigned c = p[0] & 0x7F;
        if (c <= 32)
            snprintf(buf, cap, "%s", od_names[c]);
        else if (c == 127)
            snprintf(buf, cap, "del");
        else
            snprintf(buf, cap, "%c", c);
        return;
    }
    case 'c': {
        unsigned c = p[0];
        const char *e = NULL;
        switch (c) {
        case 0: e = "\\0"; break;
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
            snprintf(buf, cap, "%s", e);
        else if (c >= 32 && c < 127)
            snprintf(buf, cap, "%c", c);
        else
            snprintf(buf, cap, "%03o", c);
        return;
    }
    case 'o':
        v = od__uint(st, p, t->size);
        snprintf(buf, cap, "%0*llo", t->cell - 1, (unsigned long long)v);
        return;
    case 'x':
        v = od__uint(st, p, t->size);
        snprintf(buf, cap, "%0*llx", t->cell - 1, (unsigned long long)v);
        return;
    case 'u':
        snprintf(buf, cap, "%llu", (unsigned long long)od__uint(st, p, t->size));
        return;
    case 'd': {
        v = od__uint(st, p, t->size);
        int64_t s;
        if (t->size == 8)
            s = (int64_t)v;
        else if (v & (1ull << (t->size * 8 - 1)))
            s = (int64_t)v - (int64_t)(1ull << (t->size * 8));
        else
            s = (int64_t)v;
        snprintf(buf, cap, "%lld", (long long)s);
        return;
    }
    default:
        od__float(buf, cap, st, p, t->size);
        return;
    }
}

static void od__offset(vb_cmd *cmd, const od_state *st, uint64_t off)
{
    switch (st->radix) {
    case 'd': bi_outf(cmd, "%07llu", (unsigned long long)off); break;
    case 'x': bi_outf(cmd, "%06llx", (unsigned long long)off); break;
    case 'n': break;
    default: bi_outf(cmd, "%07llo", (unsigned long long)off); break;
    }
}

static void od__line(vb_cmd *cmd, const od_state *st, uint64_t off, const unsigned char *blk, size_t n)
{
    char buf[64];
    int offw = st->radix == 'n' ? 0 : st->radix == 'x' ? 6 : 7;
    if (off > 0 && st->radix != 'n') {
        /* wider offsets widen the column, as printf does */
        char t[32];
        int w = snprintf(t, sizeof t, st->radix == 'd' ? "%07llu" : st->radix == 'x' ? "%06llx" : "%07llo",
                         (unsigned long long)off);
        offw = w;
    }
    for (int k = 0; k < st->nt; k++) {
        const od_type *t = &st->t[k];
        if (k == 0)
            od__offset(cmd, st, off);
        else
            bi_outf(cmd, "%*s", offw, "");
        size_t fields = st->width / (size_t)t->size;
        size_t shown = (n + (size_t)t->size - 1) / (size_t)t->size;
        int rem = t->extra;
        for (size_t i = fields, j = 0; i > 0; i--, j++) {
            int next = (int)((long)t->extra * (long)(i - 1) / (long)fields);
            int cell = t->cell + rem - next;
            rem = next;
            if (j < shown) {
                od__item(st, t, blk + j * (size_t)t->size, buf, sizeof buf);
                bi_outf(cmd, "%*s", cell, buf);
            } else if (t->z) {
                bi_outf(cmd, "%*s", cell, "");
            }
        }
        if (t->z) {
            bi_outs(cmd, "  >");
            for (size_t i = 0; i < n; i++)
                bi_outc(cmd, blk[i] >= 32 && blk[i] < 127 ? (char)blk[i] : '.');
            bi_outc(cmd, '<');
        }
        bi_outc(cmd, '\n');
    }
}

static bool od__num(vb_cmd *cmd, const char *arg, uint64_t *out)
{
    /* GNU accepts 0x hex, 0 octal and size suffixes. */
    char *end;
    unsigned long long v;
    if (arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X'))
        v = strtoull(arg + 2, &end, 16);
    else if (arg[0] == '0' && arg[1])
        v = strtoull(arg + 1, &end, 8);
    else {
        uint64_t s;
        if (bi_parse_size(arg, &s) == 0) {
            *out = s;
            return true;
        }
        return false;
    }
    if (*end) {
        uint64_t m;
        char tmp[8];
        snprintf(tmp, sizeof tmp, "1%s", end);
        if (bi_parse_size(tmp, &m) != 0)
            return false;
        v *= m;
    }
    *out = v;
    return true;
}

/* How an option with an argument was written: GNU names it so. */
static const char *od__optname(vb_cmd *cmd, const bi_opt *o, const char *shortname,
                               const char *longname)
{
    const char *w = cmd->argv[o->ind - 1] == o->arg && o->ind >= 2 ? cmd->argv[o->ind - 2]
                                                                   : cmd->argv[o->ind - 1];
    return strncmp(w, "--", 2) ? shortname : longname;
}

int bi_od(vb_cmd *cmd)
{
    od_state st = {.radix = 'o', .width = 16};
    uint64_t skip = 0, limit = UINT64_MAX;
    bool verbose = false, width_set = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "A:j:N:t:vw::abcdfilosx", od_longs, od_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        bool ok = true;
        switch (c) {
        case 'A':
            if (!o.arg[0] || o.arg[1] || !strchr("doxn", o.arg[0])) {
                bi_err(cmd, "invalid output address radix '%s'; it must be one character from [doxn]", o.arg);
                return 1;
            }
            st.radix = o.arg[0];
            break;
        case OD_ENDIAN: {
            static const char *const w[] = {"little", "big"};
            int m = tx_argmatch(cmd, "--endian", o.arg, w, NULL, 2);
            if (m < 0)
                return 1;
            st.big_endian = m == 1;
            break;
        }
        case 'j':
            if (!od__num(cmd, o.arg, &skip)) {
                bi_err(cmd, "invalid %s argument '%s'", od__optname(cmd, &o, "-j", "--skip-bytes"),
                       o.arg);
                return 1;
            }
            break;
        case 'N':
            if (!od__num(cmd, o.arg, &limit)) {
                bi_err(cmd, "invalid %s argument '%s'", od__optname(cmd, &o, "-N", "--read-bytes"),
                       o.arg);
                return 1;
            }
            break;
        case 't': ok = od__types(cmd, &st, o.arg); break;
        case 'v': verbose = true; break;
        case 'w':
            width_set = true;
            if (o.arg) {
                /* GNU's xstrtoumax messages (plain quotes); 0 is taken, then warned about */
                const char *p = o.arg;
                while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
                    p++;
                uint64_t v = 0;
                bool digits = *p >= '0' && *p <= '9', big = false;
                for (; *p >= '0' && *p <= '9'; p++) {
                    if (v > (UINT64_MAX - 9) / 10)
                        big = true;
                    v = v * 10 + (uint64_t)(*p - '0');
                }
                if (!digits) {
                    bi_err(cmd, "invalid -w argument '%s'", o.arg);
                    return 1;
                }
                if (*p) {
                    bi_err(cmd, "invalid suffix in -w argument '%s'", o.arg);
                    return 1;
                }
                if (big || v > SIZE_MAX / 4) {
                    bi_err(cmd, "-w argument '%s' too large", o.arg);
                    return 1;
                }
                st.width = (size_t)v;
            } else {
                st.width = 32;
            }
            break;
        case 'a': ok = od__add(cmd, &st, 'a', 1, false); break;
        case 'b': ok = od__add(cmd, &st, 'o', 1, false); break;
        case 'c': ok = od__add(cmd, &st, 'c', 1, false); break;
        case 'd': ok = od__add(cmd, &st, 'u', 2, false); break;
        case 'f': ok = od__add(cmd, &st, 'f', 4, false); break;
        case 'i': ok = od__add(cmd, &st, 'd', 4, false); break;
        case 'l': ok = od__add(cmd, &st, 'd', 8, false); break;
        case 'o': ok = od__add(cmd, &st, 'o', 2, false); break;
        case 's': ok = od__add(cmd, &st, 'd', 2, false); break;
        case 'x': ok = od__add(cmd, &st, 'x', 2, false); break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
        if (!ok)
            return 1;
    }
    if (st.nt == 0 && !od__add(cmd, &st, 'o', 2, false))
        return 1;
    /* The line width must be a multiple of every item size. */
    size_t lcm = 1;
    for (int k = 0; k < st.nt; k++) {
        size_t a = lcm, b = (size_t)st.t[k].size;
        while (b) {
            size_t t = a % b;
            a = b;
            b = t;
        }
        lcm = lcm / a * (size_t)st.t[k].size;
    }
    if (st.width == 0 || st.width % lcm) {
        if (width_set)
            bi_err(cmd, "warning: invalid width %zu; using %zu instead", st.width, lcm);
        st.width = lcm;
    }
    int wpb = 0;
    for (int k = 0; k < st.nt; k++) {
        int w = st.t[k].cell * (int)(st.width / (size_t)st.t[k].size);
        if (w > wpb)
            wpb = w;
    }
    for (int k = 0; k < st.nt; k++)
        st.t[k].extra = wpb - st.t[k].cell * (int)(st.width / (size_t)st.t[k].size);

    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dash[1] = {(char *)"-"};
    if (n == 0) {
        n = 1;
        ops = dash;
    }
    unsigned char *blk = mem_calloc(cmd->heap, st.width * 2 + 16, 1);
    unsigned char *prev = blk + st.width + 8;
    unsigned char *rbuf = mem_alloc(cmd->heap, 65536);
    if (!blk || !rbuf)
        return bi_err(cmd, "memory exhausted");
    size_t have = 0;
    uint64_t off = skip, consumed = 0;
    bool prev_valid = false, starred = false, opened = false;
    int status = 0;
    for (int i = 0; i < n && consumed < limit; i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            status = tx_open_error(cmd, ops[i], err, TX_PLAIN);
            continue;
        }
        opened = true;
        for (;;) {
            if (consumed >= limit)
                break;
            ssize_t r = tx_read(cmd, s, ops[i], rbuf, 65536, TX_PLAIN);
            if (r < 0) {
                status = 1;
                break;
            }
            if (r == 0)
                break;
            size_t p = 0, len = (size_t)r;
            if (skip) {
                size_t k = (uint64_t)len < skip ? len : (size_t)skip;
                skip -= k;
                p = k;
            }
            while (p < len && consumed < limit) {
                size_t take = st.width - have;
                if (take > len - p)
                    take = len - p;
                if ((uint64_t)take > limit - consumed)
                    take = (size_t)(limit - consumed);
                memcpy(blk + have, rbuf + p, take);
                have += take;
                p += take;
                consumed += take;
                if (have == st.width) {
                    if (!verbose && prev_valid && !memcmp(blk, prev, st.width)) {
                        if (!starred)
                            bi_outs(cmd, "*\n");
                        starred = true;
                    } else {
                        od__line(cmd, &st, off, blk, have);
                        starred = false;
                    }
                    memcpy(prev, blk, st.width);
                    prev_valid = true;
                    off += have;
                    have = 0;
                }
            }
            if (bi_out_failed(cmd))
                break;
        }
        stream_unref(s);
    }
    if (skip > 0) {
        bi_err(cmd, "cannot skip past end of combined input");
        return bi_done(cmd, 1);
    }
    if (have) {
        memset(blk + have, 0, st.width - have);
        od__line(cmd, &st, off, blk, have);
        off += have;
    }
    if (st.radix != 'n' && opened) {
        od__offset(cmd, &st, off);
        bi_outc(cmd, '\n');
    }
    return bi_done(cmd, status);
}
