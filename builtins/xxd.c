/*
 * xxd: hex dump, and its reverse. -c COLS, -g BYTES, -l LEN, -s [+]SEEK,
 * -u, -p (plain), -i (C include, with -n NAME and -C), -b (bits), -e
 * (little-endian groups), -o OFFSET, -a (autoskip), -r (reverse a normal
 * or -p dump), [INFILE [OUTFILE]]. Reference: xxd 2022-01-14 (vim 9).
 * Deviations: -s with a negative (from the end) offset and -d are not
 * supported.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("xxd", bi_xxd, BI_UTIL)

static const char xxd_help[] =
    "Usage:\n"
    "       xxd [options] [infile [outfile]]\n"
    "    or\n"
    "       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]\n"
    "Options:\n"
    "    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.\n"
    "    -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.\n"
    "    -C          capitalize variable names in C include file style (-i).\n"
    "    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).\n"
    "    -e          little-endian dump (incompatible with -ps,-i,-r).\n"
    "    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).\n"
    "    -h          print this summary.\n"
    "    -i          output in C include file style.\n"
    "    -l len      stop after <len> octets.\n"
    "    -n name     set the variable name used in C include output (-i).\n"
    "    -o off      add <off> to the displayed file position.\n"
    "    -ps         output in postscript plain hexdump style.\n"
    "    -r          reverse operation: convert (or patch) hexdump into binary.\n"
    "    -s [+]off   start at <seek> bytes abs. infile offset.\n"
    "    -u          use upper case hex letters.\n"
    "    -v          show version: \"xxd 2022-01-14 by Juergen Weigert et al.\".\n";

typedef struct xxd_opts {
    int cols, group;
    bool upper, plain, include, bits, little, autoskip, reverse, capitalize;
    uint64_t len, seek, offset;
    const char *name;
} xxd_opts;

/* xxd reads numbers with strtol: a leading number, the rest ignored (no
 * digits reads as 0). */
static bool xxd__num(const char *s, uint64_t *out)
{
    if (*s == '+')
        s++;
    unsigned long long v = strtoull(s, NULL, 0);
    *out = v;
    return true;
}

static void xxd__line(vb_cmd *cmd, const xxd_opts *o, uint64_t off, const unsigned char *b, size_t n)
{
    const char *hex = o->upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char line[1024];
    size_t k = (size_t)snprintf(line, sizeof line, "%08llx: ", (unsigned long long)(off + o->offset));
    int per = o->bits ? 8 : 2;
    size_t groups = ((size_t)o->cols + (size_t)o->group - 1) / (size_t)o->group;
    size_t width = (size_t)o->cols * (size_t)per + groups;
    size_t start = k;
    for (size_t g = 0; g * (size_t)o->group < n; g++) {
        size_t gs = g * (size_t)o->group;
        size_t ge = gs + (size_t)o->group;
        if (ge > n)
            ge = n;
        if (o->little) {
            /* bytes of the group reversed; a short group is right-aligned */
            size_t missing = (size_t)o->group - (ge - gs);
            for (size_t m = 0; m < missing * (size_t)per; m++)
                line[k++] = ' ';
            for (size_t i = ge; i-- > gs;) {
                line[k++] = hex[b[i] >> 4];
                line[k++] = hex[b[i] & 15];
            }
        } else {
            for (size_t i = gs; i < ge; i++) {
                if (o->bits) {
                    for (int bit = 7; bit >= 0; bit--)
                        line[k++] = (char)('0' + ((b[i] >> bit) & 1));
                } else {
                    line[k++] = hex[b[i] >> 4];
                    line[k++] = hex[b[i] & 15];
                }
            }
        }
        line[k++] = ' ';
    }
    while (k - start < width)
        line[k++] = ' ';
    line[k++] = ' ';
    for (size_t i = 0; i < n; i++)
        line[k++] = b[i] >= 32 && b[i] < 127 ? (char)b[i] : '.';
    line[k++] = '\n';
    bi_out(cmd, line, k);
}

static int xxd__dump(vb_cmd *cmd, const xxd_opts *o, stream *in, const char *inname, const char *varname)
{
    unsigned char *buf = mem_alloc(cmd->heap, 65536);
    unsigned char blk[256];
    if (!buf)
        return bi_err(cmd, "memory exhausted") + 1;
    size_t have = 0;
    uint64_t off = o->seek, total = 0, left = o->len, skip = o->seek;
    uint64_t zero_run = 0, last_zero_off = 0;
    const char *hex = o->upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t col = 0;
    if (o->include && varname) {
        bi_outf(cmd, "unsigned char %s[] = {\n", varname);
    }
    bool first_item = true;
    for (;;) {
        if (left == 0)
            break;
        ssize_t r = tx_read(cmd, in, NULL, buf, 65536, TX_PLAIN);
        if (r < 0) {
            bi_err(cmd, "%s: %s", inname, vb_strerror((int)r));
            return 2;
        }
        if (r == 0)
            break;
        size_t p = 0, n = (size_t)r;
        if (skip) {
            size_t k = (uint64_t)n < skip ? n : (size_t)skip;
            skip -= k;
            p = k;
        }
        for (; p < n && left; p++, left--) {
            unsigned char c = buf[p];
            total++;
            if (o->plain) {
                bi_outc(cmd, hex[c >> 4]);
                bi_outc(cmd, hex[c & 15]);
                if (++col == (size_t)o->cols) {
                    bi_outc(cmd, '\n');
                    col = 0;
                }
                continue;
            }
            if (o->include) {
                if (!first_item)
                    bi_outs(cmd, col == 0 ? ",\n" : ", ");
                if (col == 0)
                    bi_outs(cmd, "  ");
                bi_outf(cmd, "0x%c%c", hex[c >> 4], hex[c & 15]);
                first_item = false;
                if (++col == (size_t)o->cols)
                    col = 0;
                continue;
            }
            blk[have++] = c;
            if (have == (size_t)o->cols) {
                bool all_zero = true;
                for (size_t i = 0; i < have; i++)
                    all_zero &= blk[i] == 0;
                if (o->autoskip && all_zero && zero_run > 0) {
                    /* the first null line shows, the next ones become one '*' */
                    if (zero_run == 1)
                        bi_outs(cmd, "*\n");
                    zero_run++;
                    last_zero_off = off;
                } else {
                    zero_run = all_zero ? 1 : 0;
                    xxd__line(cmd, o, off, blk, have);
                }
                off += have;
                have = 0;
            }
        }
        if (bi_out_failed(cmd))
            break;
    }
    if (o->plain) {
        if (col)
            bi_outc(cmd, '\n');
    } else if (o->include) {
        if (!first_item)
            bi_outc(cmd, '\n');
        if (varname)
            bi_outf(cmd, "};\nunsigned int %s_%s = %llu;\n", varname, o->capitalize ? "LEN" : "len",
                    (unsigned long long)total);
    } else if (have) {
        xxd__line(cmd, o, off, blk, have);
    } else if (zero_run > 1) {
        /* the last line is always shown */
        memset(blk, 0, (size_t)o->cols);
        xxd__line(cmd, o, last_zero_off, blk, (size_t)o->cols);
    }
    return 0;
}

static int xxd__hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* -r: writes the bytes a dump describes to out (seekable: offsets honoured). */
static int xxd__reverse(vb_cmd *cmd, const xxd_opts *o, stream *in, stream *out)
{
    char *data;
    size_t len;
    int rc = bi_slurp(cmd, in, &data, &len);
    if (rc < 0)
        return 2;
    vbuf ob;
    vbuf_init(&ob, cmd->heap);
    if (o->plain) {
        int hi = -1;
        for (size_t i = 0; i < len; i++) {
            int v = xxd__hexval((unsigned char)data[i]);
            if (v < 0)
                continue;
            if (hi < 0) {
                hi = v;
            } else {
                vbuf_addc(&ob, (char)(hi << 4 | v));
                hi = -1;
            }
        }
    } else {
        int64_t base = -1;
        for (size_t i = 0; i < len;) {
            const char *l = data + i;
            const char *e = memchr(l, '\n', len - i);
            size_t ll = e ? (size_t)(e - l) : len - i;
            i += ll + 1;
            const char *colon = memchr(l, ':', ll);
            if (!colon)
                continue;
            uint64_t off = 0;
            bool ok = colon > l;
            for (const char *p = l; p < colon; p++) {
                int v = xxd__hexval((unsigned char)*p);
                if (v < 0) {
                    ok = false;
                    break;
                }
                off = off * 16 + (uint64_t)v;
            }
            if (!ok)
                continue;
            if (base < 0)
                base = 0;
            if (o->seek <= off) {
                off -= o->seek;
            }
            /* pad to the offset */
            while (ob.len < off)
                vbuf_addc(&ob, '\0');
            if (ob.len > off)
                ob.len = (size_t)off;
            const char *p = colon + 1, *end = l + ll;
            int hi = -1, spaces = 0;
            size_t bytes_on_line = 0;
            for (; p < end; p++) {
                if (*p == ' ') {
                    if (++spaces >= 2 && hi < 0)
                        break;
                    continue;
                }
                int v = xxd__hexval((unsigned char)*p);
                if (v < 0)
                    break;
                spaces = 0;
                if (hi < 0) {
                    hi = v;
                } else {
                    vbuf_addc(&ob, (char)(hi << 4 | v));
                    hi = -1;
                    if (++bytes_on_line >= (size_t)o->cols && o->cols > 0)
                        break;
                }
            }
        }
    }
    if (ob.len) {
        ssize_t w = out ? stream_write(out, ob.data, ob.len) : bi_out(cmd, ob.data, ob.len);
        if (w < 0)
            return 2;
    }
    return 0;
}

int bi_xxd(vb_cmd *cmd)
{
    xxd_opts o = {.cols = -1, .group = -1, .len = UINT64_MAX};
    int i = 1;
    /* xxd's own option syntax: single-dash words, values attached or apart. */
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        const char *opt = a + 1;
        if (opt[0] == '-')
            opt++;
        const char *val = NULL;
        char c = opt[0];
        if (strchr("cglsno", c)) {
            size_t nl = strspn(opt, "abcdefghijklmnopqrstuvwxyz");
            val = opt[nl] ? opt + nl : (i + 1 < cmd->argc ? cmd->argv[++i] : NULL);
            if (!val) {
                bi_errw(cmd, xxd_help, sizeof xxd_help - 1);
                return 1;
            }
        }
        uint64_t v;
        switch (c) {
        case 'a': o.autoskip = !o.autoskip; break;
        case 'b': o.bits = true; break;
        case 'C': o.capitalize = true; break;
        case 'e': o.little = true; break;
        case 'i': o.include = true; break;
        case 'p': o.plain = true; break;
        case 'r': o.reverse = true; break;
        case 'u': o.upper = true; break;
        case 'h': bi_outs(cmd, xxd_help); return bi_done(cmd, 0);
        case 'v':
            bi_errw(cmd, "xxd 2022-01-14 by Juergen Weigert et al.\n", 41);
            return 0;
        case 'n': o.name = val; break;
        case 'c': case 'g': case 'l': case 's': case 'o':
            if (!xxd__num(val, &v)) {
                bi_errw(cmd, xxd_help, sizeof xxd_help - 1);
                return 1;
            }
            if (c == 'c') o.cols = (int)(v > 256 ? 256 : v);
            else if (c == 'g') o.group = (int)(v > 256 ? 256 : v);
            else if (c == 'l') o.len = v;
            else if (c == 's') o.seek = v;
            else o.offset = v;
            break;
        default:
            bi_errw(cmd, xxd_help, sizeof xxd_help - 1);
            return 1;
        }
    }
    if (o.cols <= 0)
        o.cols = o.plain ? 30 : o.include ? 12 : o.bits ? 6 : 16;
    if (o.group < 0)
        o.group = o.bits ? 1 : o.little ? 4 : 2;
    if (o.group == 0 || o.group > o.cols)
        o.group = o.cols;
    int n = cmd->argc - i;
    if (n > 2) {
        bi_errw(cmd, xxd_help, sizeof xxd_help - 1);
        return 1;
    }
    const char *inname = n >= 1 && strcmp(cmd->argv[i], "-") ? cmd->argv[i] : NULL;
    int err = 0;
    stream *in = bi_open_read(cmd, inname ? inname : "-", &err);
    if (!in) {
        bi_err(cmd, "%s: %s", inname, vb_strerror(err));
        return 2;
    }
    stream *out = NULL;
    if (n == 2 && strcmp(cmd->argv[i + 1], "-")) {
        out = bi_open_write(cmd, cmd->argv[i + 1], O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!out) {
            stream_unref(in);
            bi_err(cmd, "%s: %s", cmd->argv[i + 1], vb_strerror(err));
            return 2;
        }
    }
    int status;
    if (o.reverse) {
        status = xxd__reverse(cmd, &o, in, out);
    } else {
        char *var = NULL;
        if (o.include && (o.name || inname)) {
            var = mem_strdup(cmd->heap, o.name ? o.name : inname);
            for (char *p = var; p && *p; p++) {
                if (!isalnum((unsigned char)*p))
                    *p = '_';
                else if (o.capitalize)
                    *p = (char)toupper((unsigned char)*p);
            }
            if (var && isdigit((unsigned char)var[0]) && !o.name) {
                char *v2 = mem_printf(cmd->heap, "__%s", var);
                var = v2 ? v2 : var;
            }
        }
        if (out) {
            /* Dump into a file: collect through a buffer stream. */
            vbuf cap;
            vbuf_init(&cap, cmd->heap);
            stream *mem = stream_to_buf(cmd->heap, &cap);
            stream *saved = cmd->out;
            bi_flush(cmd);
            cmd->out = mem;
            status = xxd__dump(cmd, &o, in, inname ? inname : "-", var);
            bi_flush(cmd);
            cmd->out = saved;
            stream_unref(mem);
            if (cap.len && stream_write(out, cap.data, cap.len) < 0)
                status = 2;
        } else {
            status = xxd__dump(cmd, &o, in, inname ? inname : "-", var);
        }
    }
    stream_unref(in);
    stream_unref(out);
    return bi_done(cmd, status);
}
