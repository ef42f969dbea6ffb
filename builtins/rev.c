/*
 * rev: reverse the characters of every line (UTF-8 characters in a UTF-8
 * locale, bytes otherwise). Reference: util-linux 2.38 rev (its messages:
 * "rev: cannot open x: ..."; in a UTF-8 locale an invalid sequence ends
 * the file with "rev: NAME: LINE: Invalid or incomplete multibyte or wide
 * character", and a character cut short by the end of input is dropped).
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("rev", bi_rev, BI_UTIL)

static const char rev_help[] =
    "\nUsage:\n rev [options] [file ...]\n\nReverse lines characterwise.\n\nOptions:\n"
    " -h, --help     display this help\n -V, --version  display version\n";

typedef struct rev_state {
    bool utf8;
    vbuf line;
} rev_state;

static int rev__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    rev_state *st = ctx;
    bi_reader r;
    bi_reader_init(&r, cmd, s);
    const char *rec;
    size_t len;
    int rc;
    long lineno = 0;
    while ((rc = bi_getrec(&r, '\n', &rec, &len)) > 0) {
        bool nl = len && rec[len - 1] == '\n';
        if (nl)
            len--;
        vbuf_clear(&st->line);
        if (vbuf_reserve(&st->line, len + 1) != 0)
            return bi_err(cmd, "memory exhausted");
        char *o = st->line.data + len;
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            int k = st->utf8 ? tx_utf8_decode((const unsigned char *)rec + i, len - i, &cp) : 1;
            if (k == 0 && !nl) {
                /* a character cut short by the end of the input is dropped */
                memmove(st->line.data, o, i);
                len = i;
                break;
            }
            if (k <= 0) {
                /* util-linux reads wide characters: an invalid sequence
                 * ends the file, its line unprinted */
                bi_reader_free(&r);
                bi_err(cmd, "%s: %ld: Invalid or incomplete multibyte or wide character",
                       strcmp(name, "-") ? name : "stdin", lineno);
                return 1;
            }
            o -= k;
            memcpy(o, rec + i, (size_t)k);
            i += (size_t)k;
        }
        st->line.len = len;
        bi_out(cmd, st->line.data, len);
        if (nl)
            bi_outc(cmd, '\n');
        if (bi_out_failed(cmd))
            break;
        lineno++;
    }
    bi_reader_free(&r);
    if (rc < 0)
        return tx_read_error(cmd, name, rc, TX_PLAIN);
    return bi_out_failed(cmd) ? -1 : 0;
}

int bi_rev(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {{"help", 0, 'h'}, {"version", 0, 'V'}, {0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "hV", longs, rev_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'h': bi_outs(cmd, rev_help); return bi_done(cmd, 0);
        case 'V': bi_outs(cmd, "rev " BI_VERSION_TEXT); return bi_done(cmd, 0);
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    rev_state st = {.utf8 = tx_utf8_locale(cmd)};
    vbuf_init(&st.line, cmd->heap);
    int status = 0;
    int n = cmd->argc - o.ind;
    if (n == 0) {
        status = rev__file(cmd, cmd->in, "-", &st) > 0;
    } else {
        for (int i = o.ind; i < cmd->argc; i++) {
            int err = 0;
            stream *s = bi_open_read(cmd, cmd->argv[i], &err);
            if (!s) {
                bi_err(cmd, "cannot open %s: %s", cmd->argv[i], vb_strerror(err));
                status = 1;
                continue;
            }
            int rc = rev__file(cmd, s, cmd->argv[i], &st);
            stream_unref(s);
            if (rc)
                status = 1;
            if (rc < 0)
                break;
        }
    }
    return bi_done(cmd, status);
}
