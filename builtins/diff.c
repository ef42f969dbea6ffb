/*
 * diff — compare files line by line.
 *
 * Reference: GNU diffutils 3.8 diff. Output formats: normal, context
 * (-c, -C N), unified (-u, -U N), side by side (-y, -W N,
 * --left-column, --suppress-common-lines), ed (-e), RCS (-n), brief (-q),
 * -s (two styles conflict, as GNU); options -i -w -b
 * -B -E -Z --strip-trailing-cr -a -r -N --unidirectional-new-file -x -X
 * --label --color=never -t --tabsize -T, exit status 0 same, 1 different,
 * 2 trouble.
 *
 * The comparison is Myers' O(ND) algorithm with divide and conquer on the
 * middle snake, as GNU diff does (same tie-breaking), followed by GNU's
 * shifting of change groups so hunks come out the same.
 * Deviations: no --minimal/--speed-large-files heuristics (every run is
 * minimal), no -D/--ifdef, --line-format and the other GNU formatting
 * templates; --color=always is refused.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/regex.h"

VB_BUILTIN("diff", bi_diff, BI_UTIL)

enum { DF_NORMAL, DF_CONTEXT, DF_UNIFIED, DF_SIDE, DF_BRIEF, DF_ED, DF_RCS };

typedef struct dfopt {
    int format;
    int context;
    bool icase, iall_space, ispace_change, iblank, itab_expand, itrailing, strip_cr;
    bool text, recursive, new_file, unidir_new, report_same, expand_tabs, initial_tab;
    bool left_column, suppress_common;
    int width;
    int tabsize;
    const char *label[2];
    int nlabels;
    const char **exclude;
    int nexclude;
    const char *from_file, *to_file;
    rx **ignore_re;        /* -I RE: changes whose lines all match one are ignored */
    int nignore;
} dfopt;

typedef struct dfile {
    const char *name;     /* as given */
    char *data;
    size_t len;
    const char **line;    /* starts */
    size_t *llen;         /* lengths without the newline */
    size_t n;
    bool noeol;           /* last line lacks a newline */
    int *eq;              /* equivalence class per line */
    char *changed;        /* per line, plus one sentinel at each end */
    vfs_stat_t st;
    bool have_st;
} dfile;

typedef struct dfctx {
    vb_cmd *cmd;
    dfopt *o;
    int status;
    /* Myers work arrays */
    long *fd, *bd;
    const int *xv, *yv;
    char **flags;          /* the option words as given (for "diff -r" lines) */
    int nflags;
} dfctx;

/* ------------------------------------------------------------------ input */
/* Operands read as streams, never stat'ed in the VFS: "-", /dev/stdin and
 * /dev/fd/N (process substitution). */
static bool df__piped(const char *name)
{
    if (strcmp(name, "-") == 0 || strcmp(name, "/dev/stdin") == 0)
        return true;
    if (strncmp(name, "/dev/fd/", 8) != 0 || !name[8])
        return false;
    for (const char *p = name + 8; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

static int df__load(dfctx *D, const char *name, const char *abs, dfile *f, bool missing_ok)
{
    vb_cmd *cmd = D->cmd;
    memset(f, 0, sizeof *f);
    f->name = name;
    int err;
    stream *s;
    if (missing_ok) {
        /* an absent file (-N) is empty and dated at the epoch, as GNU */
        f->data = mem_strdup(cmd->heap, "");
        f->len = 0;
        f->have_st = true;
        return 0;
    }
    if (strcmp(name, "-") == 0)
        s = stream_ref(cmd->in);
    else if (df__piped(name))
        s = bi_open_read(cmd, name, &err);
    else
        s = vfs_open_stream(cmd->vfs, abs, O_RDONLY, 0, cmd->heap, &err);
    if (!s)
        return err;
    if (!df__piped(name) && vfs_stat(cmd->vfs, abs, &f->st) == 0)
        f->have_st = true;
    int rc = bi_slurp(cmd, s, &f->data, &f->len);
    stream_unref(s);
    return rc;
}

static void df__split(dfctx *D, dfile *f)
{
    vb_cmd *cmd = D->cmd;
    size_t cap = 16;
    f->line = mem_alloc(cmd->heap, cap * sizeof *f->line);
    f->llen = mem_alloc(cmd->heap, cap * sizeof *f->llen);
    const char *p = f->data, *end = f->data + f->len;
    while (p < end && f->line && f->llen) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (f->n == cap) {
            cap *= 2;
            f->line = mem_realloc(cmd->heap, f->line, cap * sizeof *f->line);
            f->llen = mem_realloc(cmd->heap, f->llen, cap * sizeof *f->llen);
            if (!f->line || !f->llen)
                break;
        }
        f->line[f->n] = p;
        f->llen[f->n] = n;
        f->n++;
        if (!nl) {
            f->noeol = true;
            break;
        }
        p = nl + 1;
    }
}

static bool df__binary(const dfile *f)
{
    size_t n = f->len < 8192 ? f->len : 8192;
    return memchr(f->data, '\0', n) != NULL;
}

/* ------------------------------------------------------------------ equivalence */
typedef struct dfclass {
    char *key;
    size_t klen;
    uint64_t h;
    int id;
} dfclass;

typedef struct dfhash {
    dfclass *tab;
    size_t cap, n;
} dfhash;

/* The line as compared: folded by -i, -w, -b, -E, -Z, --strip-trailing-cr. */
static char *df__norm(dfctx *D, const char *s, size_t n, size_t *out)
{
    dfopt *o = D->o;
    vbuf b;
    vbuf_init(&b, D->cmd->heap);
    if (o->strip_cr && n && s[n - 1] == '\r')
        n--;
    size_t col = 0;
    bool pending_space = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (o->iall_space && isspace((unsigned char)c))
            continue;
        if (o->ispace_change && isspace((unsigned char)c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) {
            vbuf_addc(&b, ' ');
            pending_space = false;
        }
        if (o->itab_expand && c == '\t') {
            size_t to = (col / (size_t)o->tabsize + 1) * (size_t)o->tabsize;
            while (col < to) {
                vbuf_addc(&b, ' ');
                col++;
            }
            continue;
        }
        vbuf_addc(&b, o->icase ? (char)tolower((unsigned char)c) : c);
        col++;
    }
    /* -b ignores trailing white space; -Z too */
    if (o->itrailing || o->ispace_change)
        while (b.len && (b.data[b.len - 1] == ' ' || b.data[b.len - 1] == '\t'))
            b.len--;
    return vbuf_take(&b, out);
}

static int df__class(dfctx *D, dfhash *H, const char *s, size_t n)
{
    bool fold = D->o->icase || D->o->iall_space || D->o->ispace_change || D->o->itab_expand ||
                D->o->itrailing || D->o->strip_cr;
    char *k = (char *)s;
    size_t kl = n;
    if (fold)
        k = df__norm(D, s, n, &kl);
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < kl; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
    if (H->n * 2 >= H->cap) {
        size_t nc = H->cap ? H->cap * 2 : 1024;
        dfclass *nt = mem_calloc(D->cmd->heap, nc, sizeof *nt);
        if (!nt)
            return 0;
        for (size_t i = 0; i < H->cap; i++) {
            if (!H->tab[i].key)
                continue;
            size_t b = H->tab[i].h & (nc - 1);
            while (nt[b].key)
                b = (b + 1) & (nc - 1);
            nt[b] = H->tab[i];
        }
        H->tab = nt;
        H->cap = nc;
    }
    size_t b = h & (H->cap - 1);
    while (H->tab[b].key) {
        if (H->tab[b].h == h && H->tab[b].klen == kl && memcmp(H->tab[b].key, k, kl) == 0)
            return H->tab[b].id;
        b = (b + 1) & (H->cap - 1);
    }
    H->tab[b] = (dfclass){fold ? k : mem_strndup(D->cmd->heap, k, kl), kl, h, (int)H->n + 1};
    if (!H->tab[b].key)
        H->tab[b].key = "";
    return (int)++H->n;
}

/* ------------------------------------------------------------------ Myers */
typedef struct dfpart {
    long xmid, ymid;
} dfpart;

/* Finds the midpoint of the shortest edit script for x[xoff..xlim) and
 * y[yoff..ylim): forward and backward searches until they overlap. */
static void df__diag(dfctx *D, long xoff, long xlim, long yoff, long ylim, dfpart *part)
{
    long *const fd = D->fd, *const bd = D->bd;
    const int *xv = D->xv, *yv = D->yv;
    const long dmin = xoff - ylim, dmax = xlim - yoff;
    const long fmid = xoff - yoff, bmid = xlim - ylim;
    long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    const bool odd = (fmid - bmid) & 1;
    fd[fmid] = xoff;
    bd[bmid] = xlim;
    for (;;) {
        long d;
        /* extend the forward search by one edit */
        if (fmin > dmin)
            fd[--fmin - 1] = -1;
        else
            ++fmin;
        if (fmax < dmax)
            fd[++fmax + 1] = -1;
        else
            --fmax;
        for (d = fmax; d >= fmin; d -= 2) {
            long x, y, tlo = fd[d - 1], thi = fd[d + 1];
            x = tlo >= thi ? tlo + 1 : thi;
            y = x - d;
            while (x < xlim && y < ylim && xv[x] == yv[y]) {
                x++;
                y++;
            }
            fd[d] = x;
            if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
                part->xmid = x;
                part->ymid = y;
                return;
            }
        }
        /* and the backward search */
        if (bmin > dmin)
            bd[--bmin - 1] = LONG_MAX;
        else
            ++bmin;
        if (bmax < dmax)
            bd[++bmax + 1] = LONG_MAX;
        else
            --bmax;
        for (d = bmax; d >= bmin; d -= 2) {
            long x, y, tlo = bd[d - 1], thi = bd[d + 1];
            x = tlo < thi ? tlo : thi - 1;
            y = x - d;
            while (x > xoff && y > yoff && xv[x - 1] == yv[y - 1]) {
                x--;
                y--;
            }
            bd[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
                part->xmid = x;
                part->ymid = y;
                return;
            }
        }
    }
}

static void df__compareseq(dfctx *D, long xoff, long xlim, long yoff, long ylim, char *cx, char *cy,
                           int depth)
{
    const int *xv = D->xv, *yv = D->yv;
    while (xoff < xlim && yoff < ylim && xv[xoff] == yv[yoff]) {
        xoff++;
        yoff++;
    }
    while (xlim > xoff && ylim > yoff && xv[xlim - 1] == yv[ylim - 1]) {
        xlim--;
        ylim--;
    }
    if (xoff == xlim) {
        while (yoff < ylim)
            cy[yoff++] = 1;
    } else if (yoff == ylim) {
        while (xoff < xlim)
            cx[xoff++] = 1;
    } else {
        dfpart part;
        df__diag(D, xoff, xlim, yoff, ylim, &part);
        df__compareseq(D, xoff, part.xmid, yoff, part.ymid, cx, cy, depth + 1);
        df__compareseq(D, part.xmid, xlim, part.ymid, ylim, cx, cy, depth + 1);
    }
}

/* GNU's shift_boundaries: slide each group of changes so that it ends where
 * it can merge with a change in the other file, or as low as it can go. */
static void df__shift(const int *eq, char *changed, long n, const char *other_changed, long on)
{
    long i = 0, j = 0;
    (void)on;
    for (;;) {
        long runlength, start, corresponding;
        /* scan forward to a change; j follows the other file's lines */
        while (i < n && !changed[i]) {
            while (other_changed[j++])
                ;
            i++;
        }
        if (i == n)
            break;
        start = i;
        while (changed[++i])
            ;
        while (other_changed[j])
            j++;
        do {
            runlength = i - start;
            /* up while the previous unchanged line equals the last changed */
            while (start && eq[start - 1] == eq[i - 1]) {
                changed[--start] = 1;
                changed[--i] = 0;
                while (changed[start - 1])
                    start--;
                while (other_changed[--j])
                    ;
            }
            corresponding = other_changed[j - 1] ? i : n; /* n: no such point */
            /* down while the next unchanged line equals the first changed */
            while (i != n && eq[start] == eq[i]) {
                changed[start++] = 0;
                changed[i++] = 1;
                while (changed[i])
                    i++;
                while (other_changed[++j])
                    corresponding = i;
            }
        } while (runlength != i - start);
        /* back up to line up with a change in the other file */
        while (corresponding < i) {
            changed[--start] = 1;
            changed[--i] = 0;
            while (other_changed[--j])
                ;
        }
    }
}

/* ------------------------------------------------------------------ hunks */
typedef struct dfchange {
    long a0, a1;   /* [a0, a1) in file 0 */
    long b0, b1;
} dfchange;

/* -B, -I: a line a change may consist of and still be ignored */
static bool df__ignorable(dfctx *D, const char *s, size_t n)
{
    if (D->o->iblank && n == 0)
        return true;
    for (int i = 0; i < D->o->nignore; i++) {
        rx_match m;
        if (rx_exec(D->o->ignore_re[i], s, n, 0, 0, &m) == 1)
            return true;
    }
    return false;
}

static dfchange *df__changes(dfctx *D, dfile *f0, dfile *f1, size_t *count)
{
    vb_cmd *cmd = D->cmd;
    size_t cap = 16, n = 0;
    dfchange *c = mem_alloc(cmd->heap, cap * sizeof *c);
    long i = 0, j = 0;
    const char *cx = f0->changed, *cy = f1->changed;
    while (c && (i < (long)f0->n || j < (long)f1->n)) {
        if (!cx[i] && !cy[j] && i < (long)f0->n && j < (long)f1->n) {
            i++;
            j++;
            continue;
        }
        long a0 = i, b0 = j;
        while (i < (long)f0->n && cx[i])
            i++;
        while (j < (long)f1->n && cy[j])
            j++;
        if (a0 == i && b0 == j) {
            /* only possible at the ends */
            if (i < (long)f0->n)
                i++;
            if (j < (long)f1->n)
                j++;
            continue;
        }
        if (D->o->iblank || D->o->nignore) {
            bool ignorable = true;
            for (long k = a0; k < i && ignorable; k++)
                ignorable = df__ignorable(D, f0->line[k], f0->llen[k]);
            for (long k = b0; k < j && ignorable; k++)
                ignorable = df__ignorable(D, f1->line[k], f1->llen[k]);
            if (ignorable)
                continue;
        }
        if (n == cap) {
            cap *= 2;
            c = mem_realloc(cmd->heap, c, cap * sizeof *c);
            if (!c)
                break;
        }
        c[n++] = (dfchange){a0, i, b0, j};
    }
    *count = n;
    return c;
}

/* ------------------------------------------------------------------ output */
static void df__line(dfctx *D, const char *prefix, const dfile *f, long k)
{
    vb_cmd *cmd = D->cmd;
    size_t pl = strlen(prefix);
    if (D->o->initial_tab && pl == 2 && prefix[1] == ' ')
        pl = 1;   /* -T: "<\ttext" rather than "< text" */
    bi_out(cmd, prefix, pl);
    if (D->o->initial_tab && pl)
        bi_outc(cmd, '\t');
    const char *t = f->line[k];
    size_t tl = f->llen[k];
    if (D->o->expand_tabs && memchr(t, '\t', tl)) {
        /* -t: tab stops counted from the start of the text */
        size_t col = 0;
        for (size_t i = 0; i < tl; i++) {
            if (t[i] == '\t') {
                size_t to = (col / (size_t)D->o->tabsize + 1) * (size_t)D->o->tabsize;
                for (; col < to; col++)
                    bi_outc(cmd, ' ');
            } else {
                bi_outc(cmd, t[i]);
                if (((unsigned char)t[i] & 0xC0) != 0x80)
                    col++;
            }
        }
    } else {
        bi_out(cmd, t, tl);
    }
    bi_outc(cmd, '\n');
    if (k == (long)f->n - 1 && f->noeol)
        bi_outs(cmd, "\\ No newline at end of file\n");
}

static void df__range_normal(dfctx *D, long a, long b)
{
    /* lines a+1..b (1-based); empty: a */
    if (b - a <= 1)
        bi_outf(D->cmd, "%ld", b - a == 1 ? a + 1 : a);
    else
        bi_outf(D->cmd, "%ld,%ld", a + 1, b);
}

static void df__normal(dfctx *D, dfile *f0, dfile *f1, dfchange *c, size_t n)
{
    vb_cmd *cmd = D->cmd;
    for (size_t i = 0; i < n; i++) {
        dfchange *h = &c[i];
        char op = h->a0 == h->a1 ? 'a' : h->b0 == h->b1 ? 'd' : 'c';
        df__range_normal(D, h->a0, h->a1);
        bi_outc(cmd, op);
        df__range_normal(D, h->b0, h->b1);
        bi_outc(cmd, '\n');
        for (long k = h->a0; k < h->a1; k++)
            df__line(D, "< ", f0, k);
        if (op == 'c')
            bi_outs(cmd, "---\n");
        for (long k = h->b0; k < h->b1; k++)
            df__line(D, "> ", f1, k);
    }
}

/* -n: RCS format, "dLINE COUNT" and "aLINE COUNT" followed by the lines */
static void df__rcs(dfctx *D, dfile *f1, dfchange *c, size_t n)
{
    vb_cmd *cmd = D->cmd;
    for (size_t i = 0; i < n; i++) {
        dfchange *h = &c[i];
        if (h->a1 > h->a0)
            bi_outf(cmd, "d%ld %ld\n", h->a0 + 1, h->a1 - h->a0);
        if (h->b1 > h->b0) {
            bi_outf(cmd, "a%ld %ld\n", h->a1, h->b1 - h->b0);
            for (long k = h->b0; k < h->b1; k++) {
                bi_out(cmd, f1->line[k], f1->llen[k]);
                if (!(f1->noeol && (size_t)k + 1 == f1->n))
                    bi_outc(cmd, '\n');
            }
        }
    }
}

/* -e: an ed script, last change first */
static void df__ed(dfctx *D, dfile *f1, dfchange *c, size_t n)
{
    vb_cmd *cmd = D->cmd;
    for (size_t i = n; i-- > 0;) {
        dfchange *h = &c[i];
        char op = h->a0 == h->a1 ? 'a' : h->b0 == h->b1 ? 'd' : 'c';
        df__range_normal(D, h->a0, h->a1);
        bi_outc(cmd, op);
        bi_outc(cmd, '\n');
        if (op == 'd')
            continue;
        for (long k = h->b0; k < h->b1; k++) {
            bi_out(cmd, f1->line[k], f1->llen[k]);
            bi_outc(cmd, '\n');
        }
        bi_outs(cmd, ".\n");
    }
}

static void df__stamp(dfctx *D, const dfile *f, vbuf *b)
{
    struct timespec ts;
    if (f->have_st) {
        ts = f->st.mtime;
    } else {
        fs_now(D->cmd, &ts);
    }
    struct tm tm;
    fs_localtime(D->cmd, ts.tv_sec, &tm);
    char buf[64], zone[32];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    long off = tm.tm_gmtoff;
    snprintf(zone, sizeof zone, "%c%02ld%02ld", off < 0 ? '-' : '+', labs(off) / 3600, labs(off) % 3600 / 60);
    vbuf_printf(b, "%s.%09ld %s", buf, ts.tv_nsec, zone);
}

static void df__header(dfctx *D, dfile *f0, dfile *f1, const char *m0, const char *m1)
{
    vb_cmd *cmd = D->cmd;
    for (int k = 0; k < 2; k++) {
        dfile *f = k ? f1 : f0;
        vbuf b;
        vbuf_init(&b, cmd->heap);
        vbuf_printf(&b, "%s ", k ? m1 : m0);
        if (D->o->nlabels > k) {
            vbuf_adds(&b, D->o->label[k]);
        } else {
            vbuf_printf(&b, "%s\t", f->name);
            df__stamp(D, f, &b);
        }
        vbuf_addc(&b, '\n');
        bi_out(cmd, b.data, b.len);
        vbuf_free(&b);
    }
}

/* Groups changes into hunks with ctx lines of context around them. */
static size_t df__hunk_end(dfchange *c, size_t n, size_t i, int ctx)
{
    size_t j = i;
    while (j + 1 < n && c[j + 1].a0 - c[j].a1 <= 2 * ctx)
        j++;
    return j;
}

/* Lines [a0,a1) of file 0 and [b0,b1) of file 1 shown by the hunk of
 * changes i..j with ctx lines of context. */
static void df__hunk_bounds(const dfchange *c, size_t i, size_t j, int ctx, size_t n0, size_t n1,
                            long *a0, long *a1, long *b0, long *b1)
{
    *a0 = c[i].a0 - ctx < 0 ? 0 : c[i].a0 - ctx;
    *b0 = c[i].b0 - (c[i].a0 - *a0);
    *a1 = c[j].a1 + ctx > (long)n0 ? (long)n0 : c[j].a1 + ctx;
    *b1 = c[j].b1 + (*a1 - c[j].a1);
    if (*b1 > (long)n1) {
        long over = *b1 - (long)n1;
        *b1 -= over;
        *a1 -= over;
    }
}

static void df__unified_range(dfctx *D, long start, long count)
{
    if (count == 1)
        bi_outf(D->cmd, "%ld", start + 1);
    else if (count == 0)
        bi_outf(D->cmd, "%ld,0", start);
    else
        bi_outf(D->cmd, "%ld,%ld", start + 1, count);
}

static void df__unified(dfctx *D, dfile *f0, dfile *f1, dfchange *c, size_t n)
{
    vb_cmd *cmd = D->cmd;
    int ctx = D->o->context;
    df__header(D, f0, f1, "---", "+++");
    for (size_t i = 0; i < n;) {
        size_t j = df__hunk_end(c, n, i, ctx);
        long a0, a1, b0, b1;
        df__hunk_bounds(c, i, j, ctx, f0->n, f1->n, &a0, &a1, &b0, &b1);
        bi_outs(cmd, "@@ -");
        df__unified_range(D, a0, a1 - a0);
        bi_outs(cmd, " +");
        df__unified_range(D, b0, b1 - b0);
        bi_outs(cmd, " @@\n");
        long a = a0;
        for (size_t k = i; k <= j; k++) {
            for (; a < c[k].a0; a++)
                df__line(D, " ", f0, a);
            for (long x = c[k].a0; x < c[k].a1; x++)
                df__line(D, "-", f0, x);
            for (long y = c[k].b0; y < c[k].b1; y++)
                df__line(D, "+", f1, y);
            a = c[k].a1;
        }
        for (; a < a1; a++)
            df__line(D, " ", f0, a);
        i = j + 1;
    }
}

static void df__context_range(dfctx *D, long a, long b)
{
    /* context format: "first,last" or "n"; an empty range shows the line before */
    if (b - a <= 1)
        bi_outf(D->cmd, "%ld", b - a == 1 ? a + 1 : a);
    else
        bi_outf(D->cmd, "%ld,%ld", a + 1, b);
}

static void df__context(dfctx *D, dfile *f0, dfile *f1, dfchange *c, size_t n)
{
    vb_cmd *cmd = D->cmd;
    int ctx = D->o->context;
    df__header(D, f0, f1, "***", "---");
    for (size_t i = 0; i < n;) {
        size_t j = df__hunk_end(c, n, i, ctx);
        long a0, a1, b0, b1;
        df__hunk_bounds(c, i, j, ctx, f0->n, f1->n, &a0, &a1, &b0, &b1);
        bi_outs(cmd, "***************\n*** ");
        df__context_range(D, a0, a1);
        bi_outs(cmd, " ****\n");
        bool any_a = false, any_b = false;
        for (size_t k = i; k <= j; k++) {
            any_a = any_a || c[k].a1 > c[k].a0;
            any_b = any_b || c[k].b1 > c[k].b0;
        }
        if (any_a) {
            long a = a0;
            for (size_t k = i; k <= j; k++) {
                for (; a < c[k].a0; a++)
                    df__line(D, "  ", f0, a);
                const char *mark = c[k].b1 > c[k].b0 ? "! " : "- ";
                for (long x = c[k].a0; x < c[k].a1; x++)
                    df__line(D, mark, f0, x);
                a = c[k].a1;
            }
            for (; a < a1; a++)
                df__line(D, "  ", f0, a);
        }
        bi_outs(cmd, "--- ");
        df__context_range(D, b0, b1);
        bi_outs(cmd, " ----\n");
        if (any_b) {
            long b = b0;
            for (size_t k = i; k <= j; k++) {
                for (; b < c[k].b0; b++)
                    df__line(D, "  ", f1, b);
                const char *mark = c[k].a1 > c[k].a0 ? "! " : "+ ";
                for (long y = c[k].b0; y < c[k].b1; y++)
                    df__line(D, mark, f1, y);
                b = c[k].b1;
            }
            for (; b < b1; b++)
                df__line(D, "  ", f1, b);
        }
        i = j + 1;
    }
}

/* side by side, laid out as GNU diff does: the left half is hw columns,
 * the separator sits at (hw + c2o - 1) / 2 and the right half starts at
 * column c2o; padding uses tabs where they fit. */
static size_t df__tab_to(vbuf *b, size_t from, size_t to, int tabsize, bool expand)
{
    if (!expand)
        for (size_t tab = from + (size_t)tabsize - from % (size_t)tabsize; tab <= to; tab += (size_t)tabsize) {
            vbuf_addc(b, '\t');
            from = tab;
        }
    while (from++ < to)
        vbuf_addc(b, ' ');
    return to;
}

static size_t df__half(vbuf *b, const char *s, size_t n, size_t indent, size_t bound, int tabsize,
                       bool expand)
{
    size_t in = indent, out = indent;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            size_t spaces = (size_t)tabsize - in % (size_t)tabsize;
            if (in == out) {
                size_t stop = out + spaces;
                if (expand) {
                    while (out < stop && out < bound) {
                        vbuf_addc(b, ' ');
                        out++;
                    }
                } else if (stop < bound) {
                    vbuf_addc(b, '\t');
                    out = stop;
                }
            }
            in += spaces;
            continue;
        }
        if (c == '\r' || c == '\b') {
            continue;
        }
        if ((c & 0xC0) == 0x80) {
            if (in <= bound && in > indent)
                vbuf_addc(b, (char)c);
            continue;
        }
        if (in < bound) {
            vbuf_addc(b, (char)c);
            out = in + 1;
        }
        in++;
    }
    return out;
}

static void df__side_row(dfctx *D, const dfile *f0, long a, const dfile *f1, long b, char sep)
{
    vb_cmd *cmd = D->cmd;
    dfopt *o = D->o;
    long t = o->expand_tabs ? 1 : o->tabsize;
    long w = o->width;
    long off = (w + t + 3) / (2 * t) * t;
    long hwl = off - 3 < w - off ? off - 3 : w - off;
    size_t hw = hwl > 0 ? (size_t)hwl : 0;
    size_t c2o = hw ? (size_t)off : (size_t)w;
    vbuf line;
    vbuf_init(&line, cmd->heap);
    size_t col = 0;
    if (a >= 0)
        col = df__half(&line, f0->line[a], f0->llen[a], 0, hw, o->tabsize, o->expand_tabs);
    if (sep != ' ') {
        col = df__tab_to(&line, col, (hw + c2o - 1) / 2, o->tabsize, o->expand_tabs) + 1;
        vbuf_addc(&line, sep);
    }
    if (b >= 0 && f1->llen[b] > 0) {
        col = df__tab_to(&line, col, c2o, o->tabsize, o->expand_tabs);
        df__half(&line, f1->line[b], f1->llen[b], col, col + hw, o->tabsize, o->expand_tabs);
    }
    vbuf_addc(&line, '\n');
    bi_out(cmd, line.data, line.len);
    vbuf_free(&line);
}

static void df__side(dfctx *D, dfile *f0, dfile *f1, dfchange *c, size_t n)
{
    long a = 0, b = 0;
    for (size_t i = 0; i <= n; i++) {
        long ea = i < n ? c[i].a0 : (long)f0->n;
        for (; a < ea; a++, b++) {
            if (D->o->suppress_common)
                continue;
            if (D->o->left_column)
                df__side_row(D, f0, a, f1, -1, '(');
            else
                df__side_row(D, f0, a, f1, b, ' ');
        }
        if (i == n)
            break;
        long na = c[i].a1 - c[i].a0, nb = c[i].b1 - c[i].b0;
        long k;
        for (k = 0; k < na && k < nb; k++)
            df__side_row(D, f0, c[i].a0 + k, f1, c[i].b0 + k, '|');
        for (; k < na; k++)
            df__side_row(D, f0, c[i].a0 + k, f1, -1, '<');
        for (; k < nb; k++)
            df__side_row(D, f0, -1, f1, c[i].b0 + k, '>');
        a = c[i].a1;
        b = c[i].b1;
    }
}

/* ------------------------------------------------------------------ files */
/* Compares two files; hdr (may be NULL) is printed before the output when
 * they differ (the "diff -r a/x b/x" line). */
static int df__files(dfctx *D, const char *n0, const char *abs0, const char *n1, const char *abs1,
                     bool missing0, bool missing1, const char *hdr)
{
    vb_cmd *cmd = D->cmd;
    dfile f[2];
    const char *names[2] = {n0, n1}, *abss[2] = {abs0, abs1};
    bool missing[2] = {missing0, missing1};
    for (int k = 0; k < 2; k++) {
        int rc = df__load(D, names[k], abss[k], &f[k], missing[k]);
        if (rc) {
            bi_err(cmd, "%s: %s", names[k], vb_strerror(rc));
            return 2;
        }
    }
    if (!D->o->text && (df__binary(&f[0]) || df__binary(&f[1]))) {
        if (f[0].len == f[1].len && memcmp(f[0].data, f[1].data, f[0].len) == 0) {
            if (D->o->report_same)
                bi_outf(cmd, "Files %s and %s are identical\n", n0, n1);
            return 0;
        }
        if (hdr && D->o->format != DF_BRIEF)
            bi_outs(cmd, hdr);
        bi_outf(cmd, "Binary files %s and %s differ\n", n0, n1);
        return 1;
    }
    df__split(D, &f[0]);
    df__split(D, &f[1]);
    dfhash H = {0};
    for (int k = 0; k < 2; k++) {
        f[k].eq = mem_alloc(cmd->heap, sizeof(int) * (f[k].n + 1));
        f[k].changed = mem_calloc(cmd->heap, f[k].n + 2, 1);
        if (!f[k].eq || !f[k].changed)
            return bi_err(cmd, "memory exhausted") + 1;
        for (size_t i = 0; i < f[k].n; i++) {
            /* a last line without its newline differs from one with it */
            int id = df__class(D, &H, f[k].line[i], f[k].llen[i]);
            if (i == f[k].n - 1 && f[k].noeol && !D->o->iall_space)
                id = -id;
            f[k].eq[i] = id;
        }
        f[k].changed++; /* changed[-1] is a zero sentinel */
    }
    long N = (long)f[0].n, M = (long)f[1].n;
    long diags = N + M + 3;
    D->fd = mem_alloc(cmd->heap, sizeof(long) * (size_t)diags * 2);
    if (!D->fd)
        return bi_err(cmd, "memory exhausted") + 1;
    D->bd = D->fd + diags;
    D->fd += M + 1;
    D->bd += M + 1;
    D->xv = f[0].eq;
    D->yv = f[1].eq;
    df__compareseq(D, 0, N, 0, M, f[0].changed, f[1].changed, 0);
    df__shift(f[0].eq, f[0].changed, N, f[1].changed, M);
    df__shift(f[1].eq, f[1].changed, M, f[0].changed, N);
    size_t nc;
    dfchange *c = df__changes(D, &f[0], &f[1], &nc);
    if (!c)
        return bi_err(cmd, "memory exhausted") + 1;
    if (nc == 0) {
        if (D->o->report_same)
            bi_outf(cmd, "Files %s and %s are identical\n", n0, n1);
        return 0;
    }
    if (hdr && D->o->format != DF_BRIEF)
        bi_outs(cmd, hdr);
    switch (D->o->format) {
    case DF_BRIEF:
        bi_outf(cmd, "Files %s and %s differ\n", n0, n1);
        break;
    case DF_UNIFIED: df__unified(D, &f[0], &f[1], c, nc); break;
    case DF_CONTEXT: df__context(D, &f[0], &f[1], c, nc); break;
    case DF_SIDE: df__side(D, &f[0], &f[1], c, nc); break;
    case DF_ED: df__ed(D, &f[1], c, nc); break;
    case DF_RCS: df__rcs(D, &f[1], c, nc); break;
    default: df__normal(D, &f[0], &f[1], c, nc); break;
    }
    return 1;
}

static bool df__excluded(dfctx *D, const char *name)
{
    for (int i = 0; i < D->o->nexclude; i++)
        if (fnmatch(D->o->exclude[i], name, 0) == 0)
            return true;
    return false;
}

static int df__compare(dfctx *D, const char *n0, const char *n1, bool top);
static int df__compare_inner(dfctx *D, const char *n0, const char *n1, bool top, bool header);

static int df__dirs(dfctx *D, const char *n0, const char *n1, bool missing0, bool missing1)
{
    vb_cmd *cmd = D->cmd;
    char **e0 = NULL, **e1 = NULL;
    size_t c0 = 0, c1 = 0;
    if (!missing0 && fs_list_dir(cmd, bi_path(cmd, n0), &e0, &c0) < 0)
        return bi_err(cmd, "%s: cannot read directory", n0) + 1;
    if (!missing1 && fs_list_dir(cmd, bi_path(cmd, n1), &e1, &c1) < 0)
        return bi_err(cmd, "%s: cannot read directory", n1) + 1;
    int st = 0;
    size_t i = 0, j = 0;
    while (i < c0 || j < c1) {
        if (bi_cancelled(cmd))
            return 2;
        int c = i >= c0 ? 1 : j >= c1 ? -1 : strcmp(e0[i], e1[j]);
        const char *name = c <= 0 ? e0[i] : e1[j];
        if (df__excluded(D, name)) {
            if (c <= 0) i++;
            if (c >= 0) j++;
            continue;
        }
        char *p0 = fs_join(cmd->heap, n0, name), *p1 = fs_join(cmd->heap, n1, name);
        int r;
        if (c == 0) {
            r = df__compare(D, p0, p1, false);
        } else if (D->o->new_file || (D->o->unidir_new && c > 0)) {
            r = df__compare(D, p0, p1, false);
        } else {
            bi_outf(cmd, "Only in %s: %s\n", c < 0 ? n0 : n1, name);
            r = 1;
        }
        if (r > st)
            st = r;
        if (c <= 0) i++;
        if (c >= 0) j++;
    }
    return st;
}

static int df__compare(dfctx *D, const char *n0, const char *n1, bool top)
{
    return df__compare_inner(D, n0, n1, top, !top);
}

static int df__compare_inner(dfctx *D, const char *n0, const char *n1, bool top, bool header)
{
    vb_cmd *cmd = D->cmd;
    vfs_stat_t s0, s1;
    char *a0 = bi_path(cmd, n0), *a1 = bi_path(cmd, n1);
    bool is_stdin0 = df__piped(n0), is_stdin1 = df__piped(n1);
    int r0 = is_stdin0 ? 0 : vfs_stat(cmd->vfs, a0, &s0);
    int r1 = is_stdin1 ? 0 : vfs_stat(cmd->vfs, a1, &s1);
    bool missing0 = false, missing1 = false;
    if (r0 < 0 || r1 < 0) {
        bool nf = D->o->new_file || (D->o->unidir_new && r0 < 0);
        if (!top && nf && (r0 == -ENOENT || r1 == -ENOENT)) {
            missing0 = r0 < 0;
            missing1 = r1 < 0;
        } else if (top && nf && (r0 == -ENOENT) != (r1 == -ENOENT)) {
            missing0 = r0 < 0;
            missing1 = r1 < 0;
        } else {
            if (r0 < 0)
                bi_err(cmd, "%s: %s", n0, vb_strerror(r0));
            if (r1 < 0)
                bi_err(cmd, "%s: %s", n1, vb_strerror(r1));
            return 2;
        }
    }
    bool d0 = !missing0 && !is_stdin0 && S_ISDIR(s0.mode);
    bool d1 = !missing1 && !is_stdin1 && S_ISDIR(s1.mode);
    if (missing0)
        d0 = d1;
    if (missing1)
        d1 = d0;
    if (d0 && d1) {
        if (!top && !D->o->recursive) {
            bi_outf(cmd, "Common subdirectories: %s and %s\n", n0, n1);
            return 0;
        }
        return df__dirs(D, n0, n1, missing0, missing1);
    }
    if (d0 != d1) {
        if (top) {
            /* a directory and a file: compare the file with dir/basename */
            const char *dir = d0 ? n0 : n1, *file = d0 ? n1 : n0;
            char *base = fs_base(cmd->heap, file);
            char *inner = fs_join(cmd->heap, dir, base);
            return d0 ? df__compare_inner(D, inner, n1, false, false)
                      : df__compare_inner(D, n0, inner, false, false);
        }
        bi_outf(cmd, "File %s is a %s while file %s is a %s\n", n0, d0 ? "directory" : "regular file",
                n1, d1 ? "directory" : "regular file");
        return 1;
    }
    if (header) {
        /* the command line of this pair, as GNU prints it in -r mode */
        vbuf b;
        vbuf_init(&b, cmd->heap);
        vbuf_adds(&b, "diff");
        for (int i = 1; i < D->nflags + 1 && D->flags; i++)
            vbuf_printf(&b, " %s", D->flags[i - 1]);
        vbuf_printf(&b, " %s %s\n", n0, n1);
        int r = df__files(D, n0, a0, n1, a1, missing0, missing1, vbuf_str(&b));
        vbuf_free(&b);
        return r;
    }
    return df__files(D, n0, a0, n1, a1, missing0, missing1, NULL);
}

static const char diff_help[] =
    "Usage: diff [OPTION]... FILES\n"
    "Compare FILES line by line.\n"
    "\n"
    "  -q, --brief                   report only when files differ\n"
    "  -s, --report-identical-files  report when two files are the same\n"
    "  -c, -C NUM, --context[=NUM]   output NUM (default 3) lines of copied context\n"
    "  -u, -U NUM, --unified[=NUM]   output NUM (default 3) lines of unified context\n"
    "  -e, --ed                      output an ed script\n"
    "  -n, --rcs                     output an RCS format diff\n"
    "  -y, --side-by-side            output in two columns\n"
    "  -W, --width=NUM               output at most NUM (default 130) print columns\n"
    "  -r, --recursive               recursively compare any subdirectories found\n"
    "  -N, --new-file                treat absent files as empty\n"
    "  -i, --ignore-case             ignore case differences in file contents\n"
    "  -E, --ignore-tab-expansion    ignore changes due to tab expansion\n"
    "  -Z, --ignore-trailing-space   ignore white space at line end\n"
    "  -b, --ignore-space-change     ignore changes in the amount of white space\n"
    "  -w, --ignore-all-space        ignore all white space\n"
    "  -B, --ignore-blank-lines      ignore changes where lines are all blank\n"
    "  -a, --text                    treat all files as text\n"
    "      --label LABEL             use LABEL instead of file name and timestamp\n";

/* diffutils' usage errors: both lines carry the program name; status 2. */
static int df__usage(vb_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int df__usage(vb_cmd *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_adds(&b, "diff: ");
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    vbuf_adds(&b, "\ndiff: Try 'diff --help' for more information.\n");
    bi_errw(cmd, b.data, b.len);
    vbuf_free(&b);
    return 2;
}

int bi_diff(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"brief", 0, 'q'}, {"report-identical-files", 0, 's'}, {"context", 2, 256},
        {"unified", 2, 257}, {"side-by-side", 0, 'y'}, {"width", 1, 'W'},
        {"recursive", 0, 'r'}, {"new-file", 0, 'N'}, {"unidirectional-new-file", 0, 258},
        {"ignore-case", 0, 'i'}, {"ignore-tab-expansion", 0, 'E'},
        {"ignore-trailing-space", 0, 'Z'}, {"ignore-space-change", 0, 'b'},
        {"ignore-all-space", 0, 'w'}, {"ignore-blank-lines", 0, 'B'}, {"text", 0, 'a'},
        {"strip-trailing-cr", 0, 259}, {"label", 1, 260}, {"exclude", 1, 'x'},
        {"exclude-from", 1, 'X'}, {"color", 2, 261}, {"expand-tabs", 0, 't'},
        {"initial-tab", 0, 'T'}, {"tabsize", 1, 262}, {"left-column", 0, 263},
        {"suppress-common-lines", 0, 264}, {"normal", 0, 265}, {"from-file", 1, 266},
        {"to-file", 1, 267}, {"minimal", 0, 'd'}, {"speed-large-files", 0, 268},
        {"ignore-matching-lines", 1, 'I'}, {"ed", 0, 'e'}, {"rcs", 0, 'n'},
        {0},
    };
    dfopt o = {.format = DF_NORMAL, .context = 3, .width = 130, .tabsize = 8};
    o.exclude = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(char *));
    bi_opt op;
    bi_opt_init(&op, cmd, "abBcC:deEiI:nNqrsStTuU:wWx:X:yZ0123456789", longs, diff_help);
    op.usage_status = 2;
    /* -W takes an argument */
    op.shorts = "abBcC:deEiI:nNqrsStTuU:wW:x:X:yZ0123456789";
    int c;
    /* GNU's rules: one output style at most; -c/-u give at least 3 lines of
     * context, -C/-U N at least N; -NUM wins when larger, or when no -C/-U
     * gave a length */
    int style = -1, numctx = -1;
    bool brief = false, explicit_ctx = false;
    o.context = -1;
    op.quiet = true;
    while ((c = bi_opt_next(&op)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_ERR:
            return df__usage(cmd, "%s", op.msg);
        case BI_OPT_EXIT:
            return op.status;
        case 'q': brief = true; break;
        case 'e': case 'n': case 'c': case 'u': case 'y': case 265: {
            int want = c == 'e' ? DF_ED : c == 'n' ? DF_RCS : c == 'c' ? DF_CONTEXT
                     : c == 'u' ? DF_UNIFIED : c == 'y' ? DF_SIDE : DF_NORMAL;
            if (style >= 0 && style != want)
                return df__usage(cmd, "conflicting output style options");
            style = want;
            if ((c == 'c' || c == 'u') && o.context < 3)
                o.context = 3;
            break;
        }
        case 'I': {
            rx *re = NULL;
            char *err = NULL;
            if (rx_compile_cmd(cmd, op.arg, strlen(op.arg), RX_BRE | RX_NOSUB, &re, &err) != 0) {
                bi_err(cmd, "%s: %s", op.arg, err ? err : "invalid regular expression");
                return bi_done(cmd, 2);
            }
            rx **nv = mem_realloc(cmd->heap, o.ignore_re, sizeof(rx *) * (size_t)(o.nignore + 1));
            if (!nv) {
                rx_free(re);
                return bi_err(cmd, "memory exhausted") + 1;
            }
            o.ignore_re = nv;
            o.ignore_re[o.nignore++] = re;
            break;
        }
        case 's': o.report_same = true; break;
        case 'C':
        case 'U':
        case 256:
        case 257: {
            long n = 3;
            if (op.arg) {
                char *end;
                errno = 0;
                n = strtol(op.arg, &end, 10);
                if (*end || end == op.arg || n < 0)
                    return df__usage(cmd, "invalid context length '%s'", op.arg);
                if (n > INT_MAX || errno == ERANGE)
                    n = INT_MAX;
            }
            int want = c == 'C' || c == 256 ? DF_CONTEXT : DF_UNIFIED;
            if (style >= 0 && style != want)
                return df__usage(cmd, "conflicting output style options");
            style = want;
            if (o.context < n)
                o.context = (int)n;
            explicit_ctx = true;
            break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
            numctx = (numctx < 0 ? 0 : numctx) * 10 + (c - '0');
            if (numctx > 100000000)
                numctx = 100000000;
            break;
        case 'W': {
            char *end;
            long n = strtol(op.arg, &end, 10);
            if (*end || n <= 0)
                return df__usage(cmd, "invalid width '%s'", op.arg);
            o.width = (int)n;
            break;
        }
        case 'r': o.recursive = true; break;
        case 'N': o.new_file = true; break;
        case 258: o.unidir_new = true; break;
        case 'i': o.icase = true; break;
        case 'E': o.itab_expand = true; break;
        case 'Z': o.itrailing = true; break;
        case 'b': o.ispace_change = true; break;
        case 'w': o.iall_space = true; break;
        case 'B': o.iblank = true; break;
        case 'a': o.text = true; break;
        case 'd': case 268: break; /* every run is minimal */
        case 259: o.strip_cr = true; break;
        case 260:
            if (o.nlabels < 2)
                o.label[o.nlabels++] = op.arg;
            break;
        case 'x':
            o.exclude[o.nexclude++] = op.arg;
            break;
        case 'X': {
            int err;
            stream *s = bi_open_read(cmd, op.arg, &err);
            if (!s) {
                bi_err(cmd, "%s: %s", op.arg, vb_strerror(err));
                return 2;
            }
            bi_reader r;
            bi_reader_init(&r, cmd, s);
            const char *rec;
            size_t len;
            while (bi_getrec(&r, '\n', &rec, &len) > 0) {
                if (len && rec[len - 1] == '\n')
                    len--;
                const char **ne = mem_realloc(cmd->heap, o.exclude, sizeof(char *) * (size_t)(o.nexclude + 2));
                if (!ne)
                    break;
                o.exclude = ne;
                o.exclude[o.nexclude++] = mem_strndup(cmd->heap, rec, len);
            }
            bi_reader_free(&r);
            stream_unref(s);
            break;
        }
        case 261:
            if (op.arg && strcmp(op.arg, "never") != 0 && strcmp(op.arg, "auto") != 0)
                return bi_err(cmd, "--color=%s is not supported in the sandbox", op.arg) + 1;
            break;
        case 't': o.expand_tabs = true; break;
        case 'T': o.initial_tab = true; break;
        case 262: o.tabsize = atoi(op.arg) > 0 ? atoi(op.arg) : 8; break;
        case 263: o.left_column = true; break;
        case 264: o.suppress_common = true; break;
        case 266: o.from_file = op.arg; break;
        case 267: o.to_file = op.arg; break;
        case 'S': break;
        }
    }
    o.format = style < 0 ? DF_NORMAL : style;
    if (numctx >= 0 && (style == DF_CONTEXT || style == DF_UNIFIED) &&
        (o.context < numctx || (numctx < o.context && !explicit_ctx)))
        o.context = numctx;
    if (o.context < 0)
        o.context = 3;
    if (brief)
        o.format = DF_BRIEF;
    int nops = cmd->argc - op.ind;
    char **ops = cmd->argv + op.ind;
    dfctx D = {.cmd = cmd, .o = &o};
    /* option words, for the per-file header of -r */
    D.flags = cmd->argv + 1;
    D.nflags = op.ind - 1;
    int st = 0;
    if (o.from_file || o.to_file) {
        for (int i = 0; i < nops; i++) {
            int r = o.from_file ? df__compare(&D, o.from_file, ops[i], true)
                                : df__compare(&D, ops[i], o.to_file, true);
            if (r > st)
                st = r;
        }
        for (int i = 0; i < o.nignore; i++)
            rx_free(o.ignore_re[i]);
        return bi_done(cmd, st);
    }
    if (nops != 2)
        for (int i = 0; i < o.nignore; i++)
            rx_free(o.ignore_re[i]);
    if (nops < 2) {
        if (nops == 0)
            return df__usage(cmd, "missing operand after '%s'", cmd->argv[0]);
        return df__usage(cmd, "missing operand after '%s'", ops[0]);
    }
    if (nops > 2)
        return df__usage(cmd, "extra operand '%s'", ops[2]);
    st = df__compare(&D, ops[0], ops[1], true);
    for (int i = 0; i < o.nignore; i++)
        rx_free(o.ignore_re[i]);
    return bi_done(cmd, st);
}
