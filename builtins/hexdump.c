/*
 * hexdump: display file contents in hexadecimal, decimal, octal or ascii.
 * The standard formats: default (2-byte hex words), -C (canonical hex +
 * ASCII), -b, -c, -d, -o, -x; several formats print one line each per
 * 16-byte block. -n LENGTH, -s OFFSET (seekable inputs only, as
 * util-linux), -v; repeated blocks show as "*". Words are little-endian.
 * Reference: util-linux 2.38 hexdump. Deviation: -e/-f format strings are
 * not supported.
 */
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("hexdump", bi_hexdump, BI_UTIL)

static const char hexdump_help[] =
    "\n"
    "Usage:\n"
    " hexdump [options] <file>...\n"
    "\n"
    "Display file contents in hexadecimal, decimal, octal, or ascii.\n"
    "\n"
    "Options:\n"
    " -b, --one-byte-octal      one-byte octal display\n"
    " -c, --one-byte-char       one-byte character display\n"
    " -C, --canonical           canonical hex+ASCII display\n"
    " -d, --two-bytes-decimal   two-byte decimal display\n"
    " -o, --two-bytes-octal     two-byte octal display\n"
    " -x, --two-bytes-hex       two-byte hexadecimal display\n"
    " -n, --length <length>     interpret only length bytes of input\n"
    " -s, --skip <offset>       skip offset bytes from the beginning\n"
    " -v, --no-squeezing        output identical lines\n"
    "\n"
    " -h, --help                display this help\n"
    " -V, --version             display version\n";

static void hd__line(vb_cmd *cmd, char fmt, uint64_t off, const unsigned char *b, size_t n)
{
    char buf[256];
    size_t k = 0;
#define HD_ADD(...) k += (size_t)snprintf(buf + k, sizeof buf - k, __VA_ARGS__)
    switch (fmt) {
    case 'C':
        HD_ADD("%08llx  ", (unsigned long long)off);
        for (size_t i = 0; i < 16; i++) {
            if (i < n)
                HD_ADD("%02x ", b[i]);
            else
                HD_ADD("   ");
            if (i == 7)
                HD_ADD(" ");
        }
        HD_ADD(" |");
        for (size_t i = 0; i < n; i++)
            HD_ADD("%c", b[i] >= 32 && b[i] < 127 ? b[i] : '.');
        HD_ADD("|");
        break;
    case 'b':
        HD_ADD("%07llx", (unsigned long long)off);
        for (size_t i = 0; i < 16; i++)
            if (i < n)
                HD_ADD(" %03o", b[i]);
            else
                HD_ADD("    ");
        break;
    case 'c':
        HD_ADD("%07llx", (unsigned long long)off);
        for (size_t i = 0; i < 16; i++) {
            if (i >= n) {
                HD_ADD("    ");
                continue;
            }
            unsigned c = b[i];
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
                HD_ADD("%4s", e);
            else if (c >= 32 && c < 127)
                HD_ADD("%4c", c);
            else
                HD_ADD(" %03o", c);
        }
        break;
    default: {
        HD_ADD("%07llx", (unsigned long long)off);
        for (size_t i = 0; i < 16; i += 2) {
            if (i >= n) {
                HD_ADD("%s", fmt == 'x' || fmt == 'd' || fmt == 'o' ? "        " : "     ");
                continue;
            }
            unsigned v = b[i] | (i + 1 < n ? (unsigned)b[i + 1] << 8 : 0);
            if (fmt == 'x')
                HD_ADD("    %04x", v);
            else if (fmt == 'd')
                HD_ADD("   %05u", v);
            else if (fmt == 'o')
                HD_ADD("  %06o", v);
            else
                HD_ADD(" %04x", v);
        }
        break;
    }
    }
#undef HD_ADD
    buf[k++] = '\n';
    bi_out(cmd, buf, k);
}

int bi_hexdump(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"one-byte-octal", 0, 'b'}, {"one-byte-char", 0, 'c'}, {"canonical", 0, 'C'},
        {"two-bytes-decimal", 0, 'd'}, {"two-bytes-octal", 0, 'o'}, {"two-bytes-hex", 0, 'x'},
        {"length", 1, 'n'}, {"skip", 1, 's'}, {"no-squeezing", 0, 'v'}, {"help", 0, 'h'},
        {"version", 0, 'V'}, {0},
    };
    char fmts[16];
    int nf = 0;
    uint64_t len = UINT64_MAX, skip = 0;
    bool verbose = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "bcCdoxn:s:vhV", longs, hexdump_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': case 'c': case 'C': case 'd': case 'o': case 'x':
            if (nf < 15)
                fmts[nf++] = (char)c;
            break;
        case 'n': case 's': {
            uint64_t v;
            if (bi_parse_size(o.arg, &v) != 0) {
                bi_err(cmd, "failed to parse %s: '%s': %s", c == 'n' ? "length" : "offset", o.arg,
                       vb_strerror(VB_EINVAL));
                return 1;
            }
            if (c == 'n')
                len = v;
            else
                skip = v;
            break;
        }
        case 'v': verbose = true; break;
        case 'h': bi_outs(cmd, hexdump_help); return bi_done(cmd, 0);
        case 'V': bi_outs(cmd, "hexdump " BI_VERSION_TEXT); return bi_done(cmd, 0);
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (!nf)
        fmts[nf++] = 'D';
    int n = cmd->argc - o.ind;
    char *dash[1] = {(char *)"-"};
    char **ops = n ? cmd->argv + o.ind : dash;
    bool named = n > 0;
    if (!n)
        n = 1;
    if (len == 0)
        return bi_done(cmd, 0);
    unsigned char blk[16], prev[16], rbuf[65536];
    size_t have = 0;
    uint64_t off = 0, consumed = 0;
    bool prev_valid = false, starred = false, any_ok = false, any = false;
    int status = 0;
    for (int i = 0; i < n && consumed < len; i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            bi_err(cmd, "%s: %s", ops[i], vb_strerror(err));
            status = 1;
            continue;
        }
        any_ok = true;
        if (skip) {
            /* a file shorter than the offset is skipped whole (util-linux) */
            int64_t size = stream_seek(s, 0, SEEK_END);
            if (size >= 0 && (uint64_t)size <= skip) {
                skip -= (uint64_t)size;
                off += (uint64_t)size;
                stream_unref(s);
                continue;
            }
            int64_t r = size < 0 ? size : stream_seek(s, (int64_t)skip, SEEK_SET);
            if (r < 0) {
                bi_err(cmd, "%s: Illegal seek", named ? ops[i] : "stdin");
                stream_unref(s);
                return bi_done(cmd, 1);
            }
            off += skip;
            skip = 0;
        }
        for (;;) {
            if (consumed >= len)
                break;
            ssize_t r = tx_read(cmd, s, ops[i], rbuf, sizeof rbuf, TX_PLAIN);
            if (r < 0) {
                status = 1;
                break;
            }
            if (r == 0)
                break;
            for (ssize_t p = 0; p < r && consumed < len; p++, consumed++) {
                blk[have++] = rbuf[p];
                any = true;
                if (have == 16) {
                    if (!verbose && prev_valid && !memcmp(prev, blk, 16)) {
                        if (!starred)
                            bi_outs(cmd, "*\n");
                        starred = true;
                    } else {
                        for (int f = 0; f < nf; f++)
                            hd__line(cmd, fmts[f], off, blk, 16);
                        starred = false;
                    }
                    memcpy(prev, blk, 16);
                    prev_valid = true;
                    off += 16;
                    have = 0;
                }
            }
            if (bi_out_failed(cmd))
                break;
        }
        stream_unref(s);
    }
    if (!any_ok && named) {
        bi_err(cmd, "all input file arguments failed");
        return bi_done(cmd, 1);
    }
    if (have) {
        for (int f = 0; f < nf; f++)
            hd__line(cmd, fmts[f], off, blk, have);
        off += have;
    }
    if (any || off) {
        /* the address format of the last format given */
        bi_outf(cmd, fmts[nf - 1] == 'C' ? "%08llx\n" : "%07llx\n", (unsigned long long)off);
    }
    return bi_done(cmd, status);
}
