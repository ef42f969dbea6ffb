/*
 * column: columnate lists. Fill columns (default) or rows (-x) to a width
 * (-c, else $COLUMNS, else 80) with tab stops as util-linux does, or a
 * table (-t) split on -s SEPARATORS (default: runs of blanks) and joined
 * with -o STRING (default two spaces). Empty lines are skipped.
 * Reference: util-linux 2.38 column. Deviations: the table options beyond
 * -t -s -o (-N -R -J -l ...) are not supported.
 */
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("column", bi_column, BI_UTIL)

static const char column_help[] =
    "\n"
    "Usage:\n"
    " column [options] [<file>...]\n"
    "\n"
    "Columnate lists.\n"
    "\n"
    "Options:\n"
    " -t, --table                      create a table\n"
    " -o, --output-separator <string>  columns separator for table output\n"
    "                                    (default is two spaces)\n"
    " -s, --separator <string>         possible table delimiters\n"
    " -c, --output-width <width>       width of output in number of characters\n"
    " -x, --fillrows                   fill rows before columns\n"
    "\n"
    " -h, --help                       display this help\n"
    " -V, --version                    display version\n";

typedef struct col_item {
    char *s;
    size_t w;       /* display width */
} col_item;

static size_t col__width(vb_cmd *cmd, const char *s, size_t n, bool utf8)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8 ? tx_utf8_decode((const unsigned char *)s + i, n - i, &cp) : 1;
        if (k <= 0) {
            w++;
            i++;
            continue;
        }
        if (!utf8)
            cp = (unsigned char)s[i];
        int cw = tx_wcwidth(cp);
        w += cw > 0 ? (size_t)cw : 0;
        i += (size_t)k;
    }
    (void)cmd;
    return w;
}

int bi_column(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"table", 0, 't'}, {"output-separator", 1, 'o'}, {"separator", 1, 's'},
        {"output-width", 1, 'c'}, {"fillrows", 0, 'x'}, {"help", 0, 'h'}, {"version", 0, 'V'}, {0},
    };
    bool table = false, fillrows = false;
    const char *osep = "  ", *isep = NULL;
    long width = 0;
    bi_opt o;
    bi_opt_init(&o, cmd, "to:s:c:xhV", longs, column_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 't': table = true; break;
        case 'o': osep = o.arg; break;
        case 's': isep = o.arg; break;
        case 'x': fillrows = true; break;
        case 'c': {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) != 0 || v < 0) {
                bi_err(cmd, "invalid columns argument: '%s'", o.arg);
                return 1;
            }
            width = (long)v;
            break;
        }
        case 'h': bi_outs(cmd, column_help); return bi_done(cmd, 0);
        case 'V': bi_outs(cmd, "column " BI_VERSION_TEXT); return bi_done(cmd, 0);
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (!width) {
        const char *cols = bi_getvar(cmd, "COLUMNS");
        width = cols ? atol(cols) : 0;
        if (width <= 0)
            width = 80;
    }
    bool utf8 = tx_utf8_locale(cmd);
    /* Read every non-empty line of every operand. */
    col_item *items = NULL;
    size_t n = 0, cap = 0;
    int status = 0;
    int nops = cmd->argc - o.ind;
    char *dash[1] = {(char *)"-"};
    char **ops = nops ? cmd->argv + o.ind : dash;
    if (!nops)
        nops = 1;
    for (int i = 0; i < nops; i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            bi_err(cmd, "%s: %s", ops[i], vb_strerror(err));
            status = 1;
            continue;
        }
        bi_reader r;
        bi_reader_init(&r, cmd, s);
        const char *rec;
        size_t len;
        int rc;
        while ((rc = bi_getrec(&r, '\n', &rec, &len)) > 0) {
            if (len && rec[len - 1] == '\n')
                len--;
            bool blank = true;
            for (size_t k = 0; k < len && blank; k++)
                blank = rec[k] == ' ' || rec[k] == '\t';
            if (!len || (blank && !table) || (table && blank))
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                col_item *ni = mem_realloc(cmd->heap, items, cap * sizeof *ni);
                if (!ni)
                    return bi_err(cmd, "memory exhausted");
                items = ni;
            }
            items[n].s = mem_strndup(cmd->heap, rec, len);
            items[n].w = col__width(cmd, rec, len, utf8);
            if (!items[n].s)
                return bi_err(cmd, "memory exhausted");
            n++;
        }
        if (rc < 0) {
            bi_err(cmd, "%s: %s", ops[i], vb_strerror(rc));
            status = 1;
        }
        bi_reader_free(&r);
        stream_unref(s);
    }
    if (table) {
        /* Split into cells. */
        const char *seps = isep ? isep : " \t";
        bool greedy = isep == NULL;
        col_item **cells = mem_calloc(cmd->heap, n + 1, sizeof *cells);
        size_t *ncells = mem_calloc(cmd->heap, n + 1, sizeof *ncells);
        size_t maxc = 0;
        size_t *colw = NULL;
        if (!cells || !ncells)
            return bi_err(cmd, "memory exhausted");
        for (size_t i = 0; i < n; i++) {
            char *p = items[i].s;
            size_t ccap = 8, k = 0;
            cells[i] = mem_alloc(cmd->heap, ccap * sizeof **cells);
            if (greedy)
                p += strspn(p, seps);
            while (cells[i]) {
                size_t l = strcspn(p, seps);
                if (k == ccap) {
                    ccap *= 2;
                    cells[i] = mem_realloc(cmd->heap, cells[i], ccap * sizeof **cells);
                    if (!cells[i])
                        break;
                }
                cells[i][k].s = mem_strndup(cmd->heap, p, l);
                cells[i][k].w = col__width(cmd, p, l, utf8);
                k++;
                p += l;
                if (!*p)
                    break;
                if (greedy) {
                    p += strspn(p, seps);
                    if (!*p)
                        break;
                } else {
                    p++;
                }
            }
            ncells[i] = k;
            if (k > maxc)
                maxc = k;
        }
        colw = mem_calloc(cmd->heap, maxc + 1, sizeof *colw);
        if (!colw)
            return bi_err(cmd, "memory exhausted");
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < ncells[i]; k++)
                if (cells[i][k].w > colw[k])
                    colw[k] = cells[i][k].w;
        /* Every row has maxc cells (missing ones empty); all but the last
         * column are padded, as util-linux's table does. */
        for (size_t i = 0; i < n; i++) {
            for (size_t k = 0; k < maxc; k++) {
                const col_item *cell = k < ncells[i] ? &cells[i][k] : NULL;
                if (cell)
                    bi_outs(cmd, cell->s);
                if (k + 1 < maxc) {
                    for (size_t pad = cell ? cell->w : 0; pad < colw[k]; pad++)
                        bi_outc(cmd, ' ');
                    bi_outs(cmd, osep);
                }
            }
            bi_outc(cmd, '\n');
        }
        return bi_done(cmd, status);
    }
    if (!n)
        return bi_done(cmd, status);
    size_t maxlen = 0;
    for (size_t i = 0; i < n; i++)
        if (items[i].w > maxlen)
            maxlen = items[i].w;
    maxlen = (maxlen + 8) & ~(size_t)7;
    size_t numcols = (size_t)width / maxlen;
    if (!numcols)
        numcols = 1;
    if (fillrows) {
        size_t chcnt = 0, col = 0, endcol = maxlen;
        for (size_t i = 0;; i++) {
            bi_outs(cmd, items[i].s);
            chcnt += items[i].w;
            if (i + 1 == n)
                break;
            if (++col == numcols) {
                chcnt = col = 0;
                endcol = maxlen;
                bi_outc(cmd, '\n');
            } else {
                size_t cnt;
                while ((cnt = (chcnt + 8) & ~(size_t)7) <= endcol) {
                    bi_outc(cmd, '\t');
                    chcnt = cnt;
                }
                endcol += maxlen;
            }
        }
        bi_outc(cmd, '\n');
    } else {
        size_t numrows = n / numcols + (n % numcols ? 1 : 0);
        for (size_t row = 0; row < numrows; row++) {
            size_t endcol = maxlen, chcnt = 0;
            for (size_t base = row, col = 0; col < numcols; col++) {
                bi_outs(cmd, items[base].s);
                chcnt += items[base].w;
                if ((base += numrows) >= n)
                    break;
                size_t cnt;
                while ((cnt = (chcnt + 8) & ~(size_t)7) <= endcol) {
                    bi_outc(cmd, '\t');
                    chcnt = cnt;
                }
                endcol += maxlen;
            }
            bi_outc(cmd, '\n');
        }
    }
    return bi_done(cmd, status);
}
