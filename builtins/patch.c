/*
 * patch — apply a diff file to an original.
 *
 * Reference: GNU patch 2.7. Input formats: unified and context diffs
 * (several files per patch, leading text ignored). Options: -p N, -R, -N,
 * -i FILE, -o FILE, -d DIR, --dry-run, -b, -z SUFFIX, -s, -E, -t, -f, -F N,
 * --binary, -l (GNU's similar()), -r FILE (every file's rejects gathered
 * in FILE, "-" for none), -D NAME (changes between #ifndef/#ifdef/#else/
 * #endif lines, as GNU's apply_hunk with do_defines), backups as GNU's
 * create_backup: -b, -V/--version-control (and $PATCH_VERSION_CONTROL,
 * $VERSION_CONTROL), -z, -B, -Y, $SIMPLE_BACKUP_SUFFIX,
 * --[no-]backup-if-mismatch; -o FILE gathers the results of every file
 * (-o - on standard output, the messages then on standard error); rejects
 * start with GNU's print_header_line headers (the stripped name and the
 * header's time text). A patch whose diff is recognised on a CRLF
 * line has the CRs of its CRLF lines stripped (GNU's "Stripping trailing CRs from patch"), unless
 * --binary; a failed hunk whose first line and the file's line differ in
 * their CR says "(different line endings)" as GNU's check_line_endings.
 * Hunks are located as GNU does (first guess from the line numbers, search
 * outwards, fuzz up to 2 context lines, hunks with short leading/trailing
 * context anchored to the start/end of the file), with GNU's messages,
 * rejects in the patch's own format, reversed-patch detection, exit statuses
 * 0 (all applied), 1 (hunks failed) and 2 (trouble). There is no terminal:
 * questions are answered as GNU answers them when none is available.
 * Results are written to a temporary file and renamed over the original.
 * Normal diffs are applied when ORIGFILE names the file. Not supported: ed
 * scripts, git extended headers and binary patches.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("patch", bi_patch, BI_UTIL)

typedef struct pt_line {
    const char *s;
    size_t n;        /* without the newline */
    bool noeol;
} pt_line;

typedef struct pt_op {
    char t;          /* ' ', '-', '+' */
    pt_line l;
} pt_op;

typedef struct pt_hunk {
    long o_start, o_cnt, n_start, n_cnt;
    pt_op *ops;
    size_t nops;
} pt_hunk;

typedef struct pt_file {
    char *oldname, *newname;     /* names as written (up to a tab) */
    char *pold, *pnew;           /* the same, kept as parsed (rejects' headers) */
    const char *hdr_old, *hdr_new;  /* header lines without newline */
    size_t hdr_old_n, hdr_new_n;
    bool context, normal;
    long line;                   /* input line of the first header line */
    size_t lead_from, lead_to;   /* leading text (line indices) */
    long bad_line;               /* malformed hunk: 1-based line, 0 none, -1 end of patch */
    bool bad_early;              /* reported before "patching file" */
    bool strip_cr;               /* the CRs of its CRLF lines were stripped */
    pt_hunk *h;
    size_t nh;
} pt_file;

typedef struct pt_opts {
    long strip;          /* -1: basename */
    bool reverse, forward, dry, backup, silent, rm_empty, batch, force;
    bool binary;         /* --binary: keep the CRs of a CRLF patch */
    bool loose;          /* -l, --ignore-whitespace */
    const char *rejfile; /* -r FILE, --reject-file=FILE ("-": none) */
    const char *suffix, *outfile, *dir, *infile;
    const char *ifdef;   /* -D NAME: changes go between #ifdef NAME lines */
    int vtype;           /* backup names: PT_V_* */
    const char *simple_suffix;   /* $SIMPLE_BACKUP_SUFFIX or .orig */
    const char *bprefix, *bbase; /* -B PREFIX, -Y PREFIX */
    bool no_mismatch_backup;     /* --no-backup-if-mismatch */
    long maxfuzz;
} pt_opts;

/* GNU's backup types (gnulib backupfile): none is numbered for patch. */
enum { PT_V_NONE, PT_V_SIMPLE, PT_V_EXISTING, PT_V_NUMBERED };

typedef struct pt_ctx {
    bool *pl_cr;     /* the patch line ends with a CR (before its newline) */
    vbuf rej_all;    /* -r FILE: the rejects written so far */
    vbuf out_all;    /* -o FILE: every file's result, in order (GNU writes them all to FILE) */
    size_t *pl_n;    /* its length with the CR */
    vb_cmd *cmd;
    pt_opts *o;
    pt_line *pl;     /* patch lines */
    size_t npl;
    int status;
    bool fatal;      /* stop after this file */
    bool user_reverse; /* -R was given */
    long user_strip;   /* -p as given (ORIGFILE sets 0 while its file is done) */
} pt_ctx;

static const char pt_help[] =
    "Usage: patch [OPTION]... [ORIGFILE [PATCHFILE]]\n"
    "\n"
    "Input options:\n"
    "\n"
    "  -p NUM  --strip=NUM  Strip NUM leading components from file names.\n"
    "  -F LINES  --fuzz LINES  Set the fuzz factor to LINES for inexact matching.\n"
    "\n"
    "  -R  --reverse  Assume patches were created with old and new files swapped.\n"
    "\n"
    "  -i PATCHFILE  --input=PATCHFILE  Read patch from PATCHFILE instead of stdin.\n"
    "\n"
    "Output options:\n"
    "\n"
    "  -o FILE  --output=FILE  Output patched files to FILE.\n"
    "\n"
    "  -N  --forward  Ignore patches that appear to be reversed or already applied.\n"
    "\n"
    "  -E  --remove-empty-files  Remove output files that are empty after patching.\n"
    "\n"
    "  -D NAME  --ifdef=NAME  Make merged if-then-else output using NAME.\n"
    "\n"
    "  -b  --backup  Back up the original contents of each file.\n"
    "  -V STYLE  --version-control=STYLE  Use STYLE version control.\n"
    "\tSTYLE is either 'simple', 'numbered', or 'existing'.\n"
    "  -B PREFIX  --prefix=PREFIX  Prepend PREFIX to backup file names.\n"
    "  -Y PREFIX  --basename-prefix=PREFIX  Prepend PREFIX to backup file basenames.\n"
    "  -z SUFFIX  --suffix=SUFFIX  Use SUFFIX as the backup extension instead of .orig or ~.\n"
    "\n"
    "  --backup-if-mismatch  Back up if the patch does not match exactly.\n"
    "  --no-backup-if-mismatch  Back up mismatches only if otherwise requested.\n"
    "\n"
    "Miscellaneous options:\n"
    "\n"
    "  -t  --batch  Ask no questions; skip bad-Prereq patches; assume reversed.\n"
    "  -f  --force  Like -t, but ignore bad-Prereq patches, and assume unreversed.\n"
    "\n"
    "  -l  --ignore-whitespace  Ignore white space changes between patch and input.\n"
    "  -r FILE  --reject-file=FILE  Output rejects to FILE.\n"
    "\n"
    "  -s  --quiet  --silent  Work silently unless an error occurs.\n"
    "  --dry-run  Do not actually change any files; just print what would happen.\n"
    "  --binary  Read and write data in binary mode.\n"
    "\n"
    "  -d DIR  --directory=DIR  Change the working directory to DIR first.\n"
    "\n"
    "  -v  --version  Output version info.\n"
    "  --help  Output this help.\n";

/* ------------------------------------------------------------------ parsing */
static void pt__split(pt_ctx *P, const char *data, size_t len)
{
    vb_cmd *cmd = P->cmd;
    size_t cap = 64;
    P->pl = mem_alloc(cmd->heap, cap * sizeof *P->pl);
    const char *p = data, *end = data + len;
    while (p < end && P->pl) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (P->npl == cap) {
            cap *= 2;
            P->pl = mem_realloc(cmd->heap, P->pl, cap * sizeof *P->pl);
            if (!P->pl)
                return;
        }
        P->pl[P->npl].s = p;
        P->pl[P->npl].n = n;
        P->pl[P->npl].noeol = nl == NULL;
        P->npl++;
        p = nl ? nl + 1 : end;
    }
    if (!P->pl)
        return;
    P->pl_cr = mem_calloc(cmd->heap, P->npl + 1, sizeof *P->pl_cr);
    P->pl_n = mem_calloc(cmd->heap, P->npl + 1, sizeof *P->pl_n);
    if (!P->pl_cr || !P->pl_n) {
        P->pl_cr = NULL;
        return;
    }
    for (size_t k = 0; k < P->npl; k++) {
        P->pl_n[k] = P->pl[k].n;
        P->pl_cr[k] = !P->pl[k].noeol && P->pl[k].n && P->pl[k].s[P->pl[k].n - 1] == '\r';
    }
}

static bool pt__starts(const pt_line *l, const char *pfx)
{
    size_t k = strlen(pfx);
    return l->n >= k && memcmp(l->s, pfx, k) == 0;
}

static void pt__say(pt_ctx *P, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* GNU strips the CR of the CRLF lines of a file's diff when the diff is
 * recognised on a CRLF line (the "+++" header of a unified diff, the first
 * "*** N,M" range of a context diff, the first command of a normal diff),
 * unless --binary; the next file's diff decides again. The lines from
 * index `from` on get their CR back or lose it. */
static void pt__set_cr(pt_ctx *P, size_t from, bool strip)
{
    for (size_t k = from; k < P->npl; k++)
        if (P->pl_cr[k])
            P->pl[k].n = P->pl_n[k] - (strip ? 1 : 0);
}

static char *pt__name(pt_ctx *P, const pt_line *l, size_t skip)
{
    const char *s = l->s + skip, *e = l->s + l->n;
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    const char *t = s;
    while (t < e && *t != '\t' && *t != ' ')
        t++;
    return mem_strndup(P->cmd->heap, s, (size_t)(t - s));
}

/* "N,M" or "N" -> start, count (unified: count given; context: end given). */
static const char *pt__num(const char *s, const char *e, long *v)
{
    if (s >= e || !isdigit((unsigned char)*s))
        return NULL;
    long x = 0;
    while (s < e && isdigit((unsigned char)*s)) {
        if (x < 100000000L)
            x = x * 10 + (*s - '0');
        s++;
    }
    *v = x;
    return s;
}

static bool pt__range(const char **sp, const char *e, long *a, long *b, bool *two)
{
    const char *s = pt__num(*sp, e, a);
    if (!s)
        return false;
    *two = false;
    if (s < e && *s == ',') {
        s = pt__num(s + 1, e, b);
        if (!s)
            return false;
        *two = true;
    }
    *sp = s;
    return true;
}

static bool pt__add_op(pt_ctx *P, pt_hunk *h, size_t *cap, char t, const char *s, size_t n)
{
    if (h->nops == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        h->ops = mem_realloc(P->cmd->heap, h->ops, *cap * sizeof *h->ops);
        if (!h->ops)
            return false;
    }
    h->ops[h->nops].t = t;
    h->ops[h->nops].l.s = s;
    h->ops[h->nops].l.n = n;
    h->ops[h->nops].l.noeol = false;
    h->nops++;
    return true;
}

/* Parses a unified hunk at line *i; returns false on a malformed hunk. */
static bool pt__unified_hunk(pt_ctx *P, size_t *i, pt_hunk *h, size_t *bad)
{
    *bad = *i;
    const pt_line *l = &P->pl[*i];
    const char *s = l->s + 4, *e = l->s + l->n;
    bool two;
    long b = 1;
    if (!pt__range(&s, e, &h->o_start, &b, &two))
        return false;
    h->o_cnt = two ? b : 1;
    if (s + 2 > e || s[0] != ' ' || s[1] != '+')
        return false;
    s += 2;
    b = 1;
    if (!pt__range(&s, e, &h->n_start, &b, &two))
        return false;
    h->n_cnt = two ? b : 1;
    long oc = h->o_cnt, nc = h->n_cnt;
    size_t cap = 0, j = *i + 1;
    while ((oc > 0 || nc > 0) && j < P->npl) {
        const pt_line *x = &P->pl[j];
        char t = x->n ? x->s[0] : ' ';
        if (t == '\\') {
            if (h->nops)
                h->ops[h->nops - 1].l.noeol = true;
            j++;
            continue;
        }
        *bad = j;
        if (t == ' ' && oc > 0 && nc > 0) {
            oc--, nc--;
        } else if (t == '-' && oc > 0) {
            oc--;
        } else if (t == '+' && nc > 0) {
            nc--;
        } else {
            return false;
        }
        if (!pt__add_op(P, h, &cap, t, x->n ? x->s + 1 : x->s, x->n ? x->n - 1 : 0))
            return false;
        j++;
    }
    if (oc > 0 || nc > 0) {
        *bad = (size_t)-1;   /* end of the patch */
        return false;
    }
    if (j < P->npl && pt__starts(&P->pl[j], "\\")) {
        if (h->nops)
            h->ops[h->nops - 1].l.noeol = true;
        j++;
    }
    *i = j;
    return true;
}

/* Context hunk: "***************" at *i. */
static bool pt__context_hunk(pt_ctx *P, size_t *i, pt_hunk *h, size_t *bad)
{
    *bad = *i + 1;
    vb_cmd *cmd = P->cmd;
    size_t j = *i + 1;
    if (j >= P->npl || !pt__starts(&P->pl[j], "*** "))
        return false;
    const pt_line *l = &P->pl[j];
    const char *s = l->s + 4, *e = l->s + l->n;
    long a, b = 0;
    bool two;
    if (!pt__range(&s, e, &a, &b, &two))
        return false;
    h->o_start = a;
    h->o_cnt = two ? b - a + 1 : (a ? 1 : 0);
    j++;
    /* old side */
    size_t ocap = 16, ncap = 16, no = 0, nn = 0;
    pt_op *old = mem_alloc(cmd->heap, ocap * sizeof *old);
    pt_op *nw = mem_alloc(cmd->heap, ncap * sizeof *nw);
    if (!old || !nw)
        return false;
    while (j < P->npl && !pt__starts(&P->pl[j], "--- ")) {
        const pt_line *x = &P->pl[j];
        if (x->n >= 1 && x->s[0] == '\\') {
            if (no)
                old[no - 1].l.noeol = true;
            j++;
            continue;
        }
        if (x->n < 2 || x->s[1] != ' ' || !strchr(" -!", x->s[0])) {
            *bad = j;
            return false;
        }
        if (no == ocap) {
            ocap *= 2;
            old = mem_realloc(cmd->heap, old, ocap * sizeof *old);
            if (!old)
                return false;
        }
        old[no].t = x->s[0];
        old[no].l.s = x->s + 2;
        old[no].l.n = x->n - 2;
        old[no].l.noeol = false;
        no++;
        j++;
    }
    if (j >= P->npl)
        return false;
    l = &P->pl[j];
    s = l->s + 4;
    e = l->s + l->n;
    b = 0;
    if (!pt__range(&s, e, &a, &b, &two))
        return false;
    h->n_start = a;
    h->n_cnt = two ? b - a + 1 : (a ? 1 : 0);
    j++;
    while (j < P->npl && (long)nn < h->n_cnt + 1) {
        const pt_line *x = &P->pl[j];
        if (x->n >= 1 && x->s[0] == '\\') {
            if (nn)
                nw[nn - 1].l.noeol = true;
            j++;
            continue;
        }
        if (x->n < 2 || x->s[1] != ' ' || !strchr(" +!", x->s[0]))
            break;
        if (nn == ncap) {
            ncap *= 2;
            nw = mem_realloc(cmd->heap, nw, ncap * sizeof *nw);
            if (!nw)
                return false;
        }
        nw[nn].t = x->s[0];
        nw[nn].l.s = x->s + 2;
        nw[nn].l.n = x->n - 2;
        nw[nn].l.noeol = false;
        nn++;
        j++;
    }
    if (no && (long)no != h->o_cnt)
        return false;
    if (nn && (long)nn != h->n_cnt)
        return false;
    /* merge into one list */
    size_t cap = 0, x = 0, y = 0;
    if (!no) {
        for (y = 0; y < nn; y++)
            if (!pt__add_op(P, h, &cap, nw[y].t == ' ' ? ' ' : '+', nw[y].l.s, nw[y].l.n))
                return false;
            else
                h->ops[h->nops - 1].l.noeol = nw[y].l.noeol;
    } else if (!nn) {
        for (x = 0; x < no; x++)
            if (!pt__add_op(P, h, &cap, old[x].t == ' ' ? ' ' : '-', old[x].l.s, old[x].l.n))
                return false;
            else
                h->ops[h->nops - 1].l.noeol = old[x].l.noeol;
    } else {
        while (x < no || y < nn) {
            if (x < no && old[x].t == '-') {
                if (!pt__add_op(P, h, &cap, '-', old[x].l.s, old[x].l.n))
                    return false;
                h->ops[h->nops - 1].l.noeol = old[x].l.noeol;
                x++;
            } else if (y < nn && nw[y].t == '+') {
                if (!pt__add_op(P, h, &cap, '+', nw[y].l.s, nw[y].l.n))
                    return false;
                h->ops[h->nops - 1].l.noeol = nw[y].l.noeol;
                y++;
            } else if (x < no && old[x].t == '!') {
                while (x < no && old[x].t == '!') {
                    if (!pt__add_op(P, h, &cap, '-', old[x].l.s, old[x].l.n))
                        return false;
                    h->ops[h->nops - 1].l.noeol = old[x].l.noeol;
                    x++;
                }
                while (y < nn && nw[y].t == '!') {
                    if (!pt__add_op(P, h, &cap, '+', nw[y].l.s, nw[y].l.n))
                        return false;
                    h->ops[h->nops - 1].l.noeol = nw[y].l.noeol;
                    y++;
                }
            } else if (y < nn && nw[y].t == '!') {
                while (y < nn && nw[y].t == '!') {
                    if (!pt__add_op(P, h, &cap, '+', nw[y].l.s, nw[y].l.n))
                        return false;
                    h->ops[h->nops - 1].l.noeol = nw[y].l.noeol;
                    y++;
                }
            } else if (x < no && y < nn) {
                if (!pt__add_op(P, h, &cap, ' ', old[x].l.s, old[x].l.n))
                    return false;
                h->ops[h->nops - 1].l.noeol = old[x].l.noeol || nw[y].l.noeol;
                x++, y++;
            } else {
                return false;
            }
        }
    }
    *i = j;
    return true;
}

/* A normal diff command line ("5a6,7", "3,4d2", "2c2") -> hunk header. */
static bool pt__normal_cmd(const pt_line *l, pt_hunk *h, char *cmdc)
{
    const char *s = l->s, *e = l->s + l->n;
    long a, b = 0, c, d = 0;
    bool two1, two2;
    if (!pt__range(&s, e, &a, &b, &two1) || s >= e || !strchr("acd", *s))
        return false;
    *cmdc = *s++;
    if (!pt__range(&s, e, &c, &d, &two2) || s != e)
        return false;
    if (!two1)
        b = a;
    if (!two2)
        d = c;
    if (b < a || d < c)
        return false;
    h->o_start = a;
    h->o_cnt = *cmdc == 'a' ? 0 : b - a + 1;
    h->n_start = c;
    h->n_cnt = *cmdc == 'd' ? 0 : d - c + 1;
    return true;
}

static bool pt__normal_hunk(pt_ctx *P, size_t *i, pt_hunk *h, size_t *bad)
{
    char c;
    if (!pt__normal_cmd(&P->pl[*i], h, &c))
        return false;
    size_t j = *i + 1, cap = 0;
    for (long k = 0; k < h->o_cnt; k++, j++) {
        *bad = j;
        if (j >= P->npl || !pt__starts(&P->pl[j], "< "))
            return false;
        if (!pt__add_op(P, h, &cap, '-', P->pl[j].s + 2, P->pl[j].n - 2))
            return false;
        if (j + 1 < P->npl && pt__starts(&P->pl[j + 1], "\\"))
            h->ops[h->nops - 1].l.noeol = true, j++;
    }
    if (c == 'c') {
        *bad = j;
        if (j >= P->npl || P->pl[j].n < 3 || memcmp(P->pl[j].s, "---", 3) != 0)
            return false;
        j++;
    }
    for (long k = 0; k < h->n_cnt; k++, j++) {
        *bad = j;
        if (j >= P->npl || !pt__starts(&P->pl[j], "> "))
            return false;
        if (!pt__add_op(P, h, &cap, '+', P->pl[j].s + 2, P->pl[j].n - 2))
            return false;
        if (j + 1 < P->npl && pt__starts(&P->pl[j + 1], "\\"))
            h->ops[h->nops - 1].l.noeol = true, j++;
    }
    *i = j;
    return true;
}

static bool pt__add_hunk(pt_ctx *P, pt_file *f, size_t *cap, const pt_hunk *h)
{
    if (f->nh == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        f->h = mem_realloc(P->cmd->heap, f->h, *cap * sizeof *f->h);
        if (!f->h)
            return false;
    }
    f->h[f->nh++] = *h;
    return true;
}

/* Parses the whole patch. Returns 0, or 2 after a message. */
static int pt__parse(pt_ctx *P, pt_file **files, size_t *nfiles)
{
    vb_cmd *cmd = P->cmd;
    size_t cap = 0, n = 0, lead = 0;
    pt_file *fs = NULL;
    size_t i = 0;
    while (i < P->npl) {
        const pt_line *l = &P->pl[i];
        bool uni = pt__starts(l, "--- ") && i + 2 < P->npl && pt__starts(&P->pl[i + 1], "+++ ") &&
                   pt__starts(&P->pl[i + 2], "@@ -");
        bool ctx = pt__starts(l, "*** ") && i + 2 < P->npl && pt__starts(&P->pl[i + 1], "--- ") &&
                   pt__starts(&P->pl[i + 2], "***************");
        pt_hunk nh;
        char nc;
        bool nrm = !uni && !ctx && pt__normal_cmd(l, &nh, &nc);
        if (!uni && !ctx && !nrm && P->pl_cr && P->pl_cr[i] && !P->o->binary) {
            /* a CRLF command line: recognised with its CR stripped */
            pt_line t = *l;
            t.n = P->pl_n[i] - 1;
            nrm = pt__normal_cmd(&t, &nh, &nc);
        }
        if (!uni && !ctx && !nrm) {
            i++;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            fs = mem_realloc(cmd->heap, fs, cap * sizeof *fs);
            if (!fs)
                return 2;
        }
        pt_file *f = &fs[n++];
        memset(f, 0, sizeof *f);
        f->context = ctx;
        f->normal = nrm;
        if (P->pl_cr) {
            size_t d = uni ? i + 1 : ctx ? i + 3 : i;
            f->strip_cr = d < P->npl && P->pl_cr[d] && !P->o->binary;
            pt__set_cr(P, i, f->strip_cr);
        }
        if (nrm) {
            f->line = (long)i + 1;
            f->lead_from = lead;
            f->lead_to = i;
            f->hdr_old = f->hdr_new = "";
        } else {
            f->line = (long)i + 3;
            f->lead_from = lead;
            f->lead_to = i + 2;
            f->oldname = pt__name(P, l, 4);
            f->newname = pt__name(P, &P->pl[i + 1], 4);
            f->pold = f->oldname;
            f->pnew = f->newname;
            f->hdr_old = l->s;
            f->hdr_old_n = l->n;
            f->hdr_new = P->pl[i + 1].s;
            f->hdr_new_n = P->pl[i + 1].n;
            i += 2;
        }
        size_t hcap = 0;
        for (;;) {
            pt_hunk h;
            memset(&h, 0, sizeof h);
            if (uni && i < P->npl && pt__starts(&P->pl[i], "@@ -")) {
                size_t at = i;
                if (!pt__unified_hunk(P, &i, &h, &at)) {
                    f->bad_line = at == (size_t)-1 ? -1 : (long)at + 1;
                    *files = fs;
                    *nfiles = n;
                    return 0;
                }
            } else if (ctx && i < P->npl && pt__starts(&P->pl[i], "***************")) {
                size_t at = i;
                if (!pt__context_hunk(P, &i, &h, &at)) {
                    f->bad_line = at < P->npl ? (long)at + 1 : -1;
                    f->bad_early = true;
                    *files = fs;
                    *nfiles = n;
                    return 0;
                }
            } else if (nrm && i < P->npl && pt__normal_cmd(&P->pl[i], &nh, &nc)) {
                size_t at = i;
                if (!pt__normal_hunk(P, &i, &h, &at)) {
                    f->bad_line = (long)at + 1;
                    *files = fs;
                    *nfiles = n;
                    return 0;
                }
            } else {
                break;
            }
            if (!pt__add_hunk(P, f, &hcap, &h))
                return 2;
        }
        lead = i;
    }
    *files = fs;
    *nfiles = n;
    return 0;
}

/* ------------------------------------------------------------------ names */
static char *pt__strip(pt_ctx *P, const char *name)
{
    if (!name || !*name || strcmp(name, "/dev/null") == 0)
        return NULL;
    long strip = P->o->strip;
    const char *s = name;
    if (strip < 0) {
        const char *sl = strrchr(s, '/');
        return mem_strdup(P->cmd->heap, sl ? sl + 1 : s);
    }
    for (long k = 0; k < strip; k++) {
        const char *sl = strchr(s, '/');
        if (!sl)
            return NULL;
        while (*sl == '/')
            sl++;
        s = sl;
    }
    return *s ? mem_strdup(P->cmd->heap, s) : NULL;
}

static char *pt__abs(pt_ctx *P, const char *name)
{
    if (P->o->dir && name[0] != '/') {
        char *d = bi_path(P->cmd, P->o->dir);
        return fs_join(P->cmd->heap, d, name);
    }
    return bi_path(P->cmd, name);
}

static bool pt__exists(pt_ctx *P, const char *name)
{
    vfs_stat_t st;
    return name && vfs_stat(P->cmd->vfs, pt__abs(P, name), &st) == 0;
}

/* ------------------------------------------------------------------ apply */
typedef struct pt_work {
    pt_line *in;          /* input file lines */
    long nin;
    long in_offset, out_offset, frozen;  /* frozen: input lines consumed (0-based count) */
    bool loose;           /* -l: blanks match any blanks */
} pt_work;

/* GNU's similar() for -l (a: the patch's line, b: the file's): a run of
 * blanks matches a run of blanks, and blanks at the end are ignored. */
static bool pt__similar(const char *a, size_t alen, const char *b, size_t blen)
{
    for (;;) {
        if (!blen || *b == ' ' || *b == '\t') {
            while (blen && (*b == ' ' || *b == '\t'))
                b++, blen--;
            if (alen) {
                if (!(*a == ' ' || *a == '\t'))
                    return false;
                do
                    a++, alen--;
                while (alen && (*a == ' ' || *a == '\t'));
            }
            if (!alen || !blen)
                return alen == blen;
        } else if (!alen || *a++ != *b++) {
            return false;
        } else {
            alen--, blen--;
        }
    }
}

static long pt__prefix(const pt_hunk *h)
{
    long k = 0;
    while ((size_t)k < h->nops && h->ops[k].t == ' ')
        k++;
    return k;
}

static long pt__suffix(const pt_hunk *h)
{
    long k = 0;
    while ((size_t)k < h->nops && h->ops[h->nops - 1 - (size_t)k].t == ' ')
        k++;
    return k;
}

/* Old-side lines of the hunk (pattern) */
static long pt__pat(const pt_hunk *h, const pt_line **pat, mem_heap *hp)
{
    pt_line *p = mem_alloc(hp, (h->nops + 1) * sizeof *p);
    long n = 0;
    if (!p)
        return -1;
    for (size_t k = 0; k < h->nops; k++)
        if (h->ops[k].t != '+')
            p[n++] = h->ops[k].l;
    *pat = p;
    return n;
}

static bool pt__match(const pt_work *w, const pt_line *pat, long npat, long base, long pf, long sf)
{
    /* base: 1-based input line where the pattern's first line goes */
    for (long pl = pf; pl < npat - sf; pl++) {
        long il = base - 1 + pl;
        if (il < 0 || il >= w->nin)
            return false;
        if (w->loose) {
            if (!pt__similar(pat[pl].s, pat[pl].n, w->in[il].s, w->in[il].n))
                return false;
        } else if (w->in[il].n != pat[pl].n || memcmp(w->in[il].s, pat[pl].s, pat[pl].n) != 0) {
            return false;
        }
    }
    return true;
}

/* GNU's locate_hunk: 1-based line, or 0. */
static long pt__locate(pt_work *w, const pt_hunk *h, const pt_line *pat, long npat, long fuzz)
{
    long first = h->o_start + w->in_offset;
    if (h->o_cnt == 0)
        first++;   /* insertion after line o_start */
    long prefix = pt__prefix(h), suffix = pt__suffix(h);
    if (prefix > npat)
        prefix = npat;
    if (suffix > npat)
        suffix = npat;
    long context = prefix < suffix ? suffix : prefix;
    long pf = fuzz + prefix - context, sf = fuzz + suffix - context;
    long max_where = w->nin - (npat - sf) + 1;
    long min_where = w->frozen + 1 - (prefix - pf);
    long max_pos = max_where - first, max_neg = first - min_where;
    long max_off = max_pos < max_neg ? max_neg : max_pos;
    if (!npat)
        return first;
    if (first <= max_neg)
        max_neg = first - 1;
    if (pf < 0 && h->o_start <= 1) {
        if (sf < 0 && (npat != w->nin || prefix < w->frozen))
            return 0;
        long off = 1 - first;
        if (w->frozen <= prefix && off <= max_pos && pt__match(w, pat, npat, first + off, 0, sf < 0 ? 0 : sf)) {
            w->in_offset += off;
            return first + off;
        }
        return 0;
    } else if (pf < 0) {
        pf = 0;
    }
    if (sf < 0) {
        long off = first - (w->nin - npat + 1);
        if (off <= max_neg && pt__match(w, pat, npat, first - off, pf, 0)) {
            w->in_offset -= off;
            return first - off;
        }
        return 0;
    }
    for (long off = 0; off <= max_off; off++) {
        if (off <= max_pos && pt__match(w, pat, npat, first + off, pf, sf)) {
            w->in_offset += off;
            return first + off;
        }
        if (off > 0 && off <= max_neg && pt__match(w, pat, npat, first - off, pf, sf)) {
            w->in_offset -= off;
            return first - off;
        }
    }
    return 0;
}

static void pt__emit(vbuf *b, const pt_line *l)
{
    vbuf_add(b, l->s, l->n);
    if (!l->noeol)
        vbuf_addc(b, '\n');
}

static void pt__reverse(pt_file *f)
{
    for (size_t k = 0; k < f->nh; k++) {
        pt_hunk *h = &f->h[k];
        long t = h->o_start;
        h->o_start = h->n_start;
        h->n_start = t;
        t = h->o_cnt;
        h->o_cnt = h->n_cnt;
        h->n_cnt = t;
        /* swap - and +, keeping each change block's removals first */
        size_t a = 0;
        while (a < h->nops) {
            if (h->ops[a].t == ' ') {
                a++;
                continue;
            }
            size_t e = a;
            while (e < h->nops && h->ops[e].t != ' ')
                e++;
            size_t nm = 0;
            for (size_t q = a; q < e; q++)
                nm += h->ops[q].t == '+';
            pt_op tmp[64];
            pt_op *buf = e - a <= 64 ? tmp : NULL;
            if (buf) {
                size_t o = 0;
                for (size_t q = a; q < e; q++)
                    if (h->ops[q].t == '+')
                        buf[o] = h->ops[q], buf[o++].t = '-';
                for (size_t q = a; q < e; q++)
                    if (h->ops[q].t == '-')
                        buf[o] = h->ops[q], buf[o++].t = '+';
                memcpy(&h->ops[a], buf, (e - a) * sizeof *buf);
            } else {
                for (size_t q = a; q < e; q++)
                    h->ops[q].t = h->ops[q].t == '+' ? '-' : '+';
            }
            (void)nm;
            a = e;
        }
    }
    char *t = f->oldname;
    f->oldname = f->newname;
    f->newname = t;
}

static void pt__rej_range(vbuf *b, long start, long cnt)
{
    if (cnt == 1)
        vbuf_printf(b, "%ld", start);
    else
        vbuf_printf(b, "%ld,%ld", start, cnt);
}

static void pt__rej_hunk(vbuf *b, const pt_hunk *h, long out_offset)
{
    vbuf_adds(b, "@@ -");
    pt__rej_range(b, h->o_start + out_offset, h->o_cnt);
    vbuf_adds(b, " +");
    pt__rej_range(b, h->n_start + out_offset, h->n_cnt);
    vbuf_adds(b, " @@\n");
    for (size_t k = 0; k < h->nops; k++) {
        vbuf_addc(b, h->ops[k].t);
        vbuf_add(b, h->ops[k].l.s, h->ops[k].l.n);
        vbuf_addc(b, '\n');
        if (h->ops[k].l.noeol)
            vbuf_adds(b, "\\ No newline at end of file\n");
    }
}

static void pt__ctx_range(vbuf *b, long start, long cnt)
{
    if (cnt <= 1)
        vbuf_printf(b, "%ld", cnt ? start : start);
    else
        vbuf_printf(b, "%ld,%ld", start, start + cnt - 1);
}

static void pt__rej_ctx_hunk(vbuf *b, const pt_hunk *h, long out_offset)
{
    vbuf_adds(b, "***************\n*** ");
    pt__ctx_range(b, h->o_start + out_offset, h->o_cnt);
    vbuf_adds(b, " ****\n");
    for (int side = 0; side < 2; side++) {
        if (side) {
            vbuf_adds(b, "--- ");
            pt__ctx_range(b, h->n_start + out_offset, h->n_cnt);
            vbuf_adds(b, " ----\n");
        }
        size_t a = 0;
        while (a < h->nops) {
            const pt_op *op = &h->ops[a];
            if (op->t == ' ') {
                vbuf_adds(b, "  ");
                vbuf_add(b, op->l.s, op->l.n);
                vbuf_addc(b, '\n');
                if (op->l.noeol)
                    vbuf_adds(b, "\\ No newline at end of file\n");
                a++;
                continue;
            }
            size_t e = a;
            bool hm = false, hp = false;
            while (e < h->nops && h->ops[e].t != ' ') {
                hm |= h->ops[e].t == '-';
                hp |= h->ops[e].t == '+';
                e++;
            }
            char want = side ? '+' : '-';
            for (size_t q = a; q < e; q++) {
                if (h->ops[q].t != want)
                    continue;
                vbuf_adds(b, hm && hp ? "! " : side ? "+ " : "- ");
                vbuf_add(b, h->ops[q].l.s, h->ops[q].l.n);
                vbuf_addc(b, '\n');
                if (h->ops[q].l.noeol)
                    vbuf_adds(b, "\\ No newline at end of file\n");
            }
            a = e;
        }
    }
}

static int pt__write(pt_ctx *P, const char *abs, const char *data, size_t len, uint32_t mode)
{
    vb_cmd *cmd = P->cmd;
    const char *slash = strrchr(abs, '/');
    size_t dl = slash ? (size_t)(slash - abs) : 0;
    char *tmp = NULL;
    for (int k = 0; k < 100 && !tmp; k++) {
        char *t = mem_printf(cmd->heap, "%.*s/.patch%06llx", (int)dl, abs,
                             (unsigned long long)((cmd->ops && cmd->ops->random ? cmd->ops->random(cmd->shell)
                                                                                 : (uint64_t)k) & 0xffffff));
        vfs_stat_t ts;
        if (t && vfs_lstat(cmd->vfs, t, &ts) == -ENOENT)
            tmp = t;
    }
    if (!tmp)
        return -EEXIST;
    int rc = vfs_write_all(cmd->vfs, tmp, data ? data : "", len, mode);
    if (rc < 0) {
        vfs_unlink(cmd->vfs, tmp);
        return rc;
    }
    vfs_chmod(cmd->vfs, tmp, mode);
    rc = vfs_rename(cmd->vfs, tmp, abs);
    if (rc < 0)
        vfs_unlink(cmd->vfs, tmp);
    return rc;
}

static int pt__mkdirs(pt_ctx *P, const char *abs)
{
    char *d = fs_dir(P->cmd->heap, abs);
    vfs_stat_t st;
    if (!d || vfs_stat(P->cmd->vfs, d, &st) == 0)
        return 0;
    int rc = pt__mkdirs(P, d);
    if (rc < 0)
        return rc;
    rc = vfs_mkdir(P->cmd->vfs, d, 0777 & ~fs_umask(P->cmd));
    return rc == -EEXIST ? 0 : rc;
}

static void pt__say(pt_ctx *P, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pt__say(pt_ctx *P, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    vbuf b;
    vbuf_init(&b, P->cmd->heap);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    s = b.data;
    if (s && P->o->outfile && strcmp(P->o->outfile, "-") == 0)
        bi_errw(P->cmd, s, b.len);   /* -o -: standard output holds the result */
    else if (s)
        bi_out(P->cmd, s, b.len);
}

static void pt__show_lead(pt_ctx *P, const pt_file *f)
{
    pt__say(P, "The text leading up to this was:\n--------------------------\n");
    for (size_t k = f->lead_from; k < f->lead_to && k < P->npl; k++)
        pt__say(P, "|%.*s\n", (int)P->pl[k].n, P->pl[k].s);
    pt__say(P, "--------------------------\n");
}

/* The two header lines of a reject file, as GNU's print_header_line: the
 * tag of the patch's own header, the name as stripped (the ORIGFILE given,
 * or /dev/null) and the time text after the name, old and new swapped under
 * -R. */
static void pt__rej_header(pt_ctx *P, vbuf *b, const pt_file *f)
{
    for (int k = 0; k < 2; k++) {
        const char *tagl = k ? f->hdr_new : f->hdr_old;
        size_t tagn = k ? f->hdr_new_n : f->hdr_old_n;
        bool second = (k == 1) != P->o->reverse;
        const char *line = second ? f->hdr_new : f->hdr_old;
        size_t ln = second ? f->hdr_new_n : f->hdr_old_n;
        if (tagn < 3) {
            vbuf_add(b, tagl, tagn);   /* a normal diff: no header */
            vbuf_addc(b, '\n');
            continue;
        }
        long save = P->o->strip;
        P->o->strip = P->user_strip;
        char *nm = pt__strip(P, second ? f->pnew : f->pold);
        P->o->strip = save;
        const char *tab = memchr(line, '\t', ln);
        vbuf_add(b, tagl, 3);
        vbuf_printf(b, " %s", nm ? nm : "/dev/null");
        if (tab)
            vbuf_add(b, tab, ln - (size_t)(tab - line));
        vbuf_addc(b, '\n');
    }
}

static void pt__save_rej(pt_ctx *P, const char *name, const pt_file *f, const bool *failed, long *rej_off,
                         bool ignored, long nfail)
{
    vb_cmd *cmd = P->cmd;
    pt__say(P, "%ld out of %zu hunk%s %s", nfail, f->nh, f->nh == 1 ? "" : "s", ignored ? "ignored" : "FAILED");
    if (!name) {
        pt__say(P, "\n");
        return;
    }
    if (P->o->dry) {
        pt__say(P, "\n");
        return;
    }
    if (P->o->rejfile && !strcmp(P->o->rejfile, "-")) {
        pt__say(P, "\n");   /* -r -: rejects are discarded */
        return;
    }
    char *rej = P->o->rejfile ? mem_strdup(cmd->heap, P->o->rejfile)
                              : mem_printf(cmd->heap, "%s.rej", P->o->outfile ? P->o->outfile : name);
    pt__say(P, " -- saving rejects to file %s\n", rej);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    if (P->o->rejfile)   /* -r FILE gathers the rejects of every file */
        vbuf_add(&b, P->rej_all.data, P->rej_all.len);
    pt__rej_header(P, &b, f);
    for (size_t k = 0; k < f->nh; k++)
        if (failed[k] && f->context)
            pt__rej_ctx_hunk(&b, &f->h[k], rej_off[k]);
        else if (failed[k])
            pt__rej_hunk(&b, &f->h[k], rej_off[k]);
    int rc = pt__write(P, pt__abs(P, rej), b.data, b.len, 0644);
    if (rc < 0)
        fs_errf(cmd, rc, "**** Can't create file %s", rej);
    if (P->o->rejfile) {
        vbuf_free(&P->rej_all);
        P->rej_all = b;
    }
}

static void pt__bad(pt_ctx *P, const pt_file *f)
{
    P->status = 2;
    P->fatal = true;
    if (f->bad_line < 0) {
        bi_err(P->cmd, "**** unexpected end of file in patch");
        return;
    }
    const pt_line *bl = &P->pl[f->bad_line - 1];
    bi_err(P->cmd, "**** malformed patch at line %ld: %.*s%s", f->bad_line, (int)bl->n, bl->s,
           bl->noeol ? "" : "\n");
}

/* GNU's check_line_endings: the hunk's first line and the input line where
 * the hunk was to go differ in ending with CR. */
static bool pt__crlf(const pt_work *w, const pt_hunk *h, long where)
{
    if (h->nops == 0 || w->nin == 0)
        return false;
    const pt_line *pl = &h->ops[0].l;
    for (size_t k = 0; k < h->nops; k++)
        if (h->ops[k].t != '+') {
            pl = &h->ops[k].l;
            break;
        }
    if (pl->n == 0 || pl->noeol)
        return false;
    bool patch_cr = pl->s[pl->n - 1] == '\r';
    if (where > w->nin)
        where = w->nin;
    if (where < 1)
        where = 1;
    const pt_line *il = &w->in[where - 1];
    if (il->n == 0 && il->noeol)
        return false;
    bool input_cr = il->n && il->s[il->n - 1] == '\r';
    return patch_cr != input_cr;
}

/* -D NAME: one hunk written as GNU's apply_hunk does with do_defines:
 * removed lines under #ifndef, added ones under #ifdef (or #else after
 * removed ones), the patch's own lines written. A directive after a line
 * without newline starts with one; an added line after such a line too (as
 * GNU 2.7.6 writes it). Returns the input line after the hunk. */
static long pt__apply_ifdef(vbuf *out, const pt_work *w, const pt_hunk *h, long il,
                            const char *name)
{
    enum { OUTSIDE, IN_IFNDEF, IN_IFDEF, IN_ELSE } st = OUTSIDE;
    bool nl = out->len == 0 || out->data[out->len - 1] == '\n';
    for (size_t q = 0; q < h->nops; q++) {
        const pt_op *op = &h->ops[q];
        if (op->t == ' ') {
            if (st != OUTSIDE) {
                vbuf_printf(out, "%s#endif\n", nl ? "" : "\n");
                st = OUTSIDE;
            }
            if (il < w->nin) {
                pt__emit(out, &w->in[il]);
                nl = !w->in[il].noeol;
            }
            il++;
        } else if (op->t == '-') {
            if (st == OUTSIDE) {
                vbuf_printf(out, "%s#ifndef %s\n", nl ? "" : "\n", name);
                st = IN_IFNDEF;
            } else if (st == IN_IFDEF) {
                vbuf_printf(out, "%s#else\n", nl ? "" : "\n");
                st = IN_ELSE;
            }
            pt__emit(out, &op->l);
            nl = !op->l.noeol;
            il++;
        } else {
            if (st == IN_IFNDEF) {
                vbuf_printf(out, "%s#else\n", nl ? "" : "\n");
                st = IN_ELSE;
            } else if (st == OUTSIDE) {
                vbuf_printf(out, "%s#ifdef %s\n", nl ? "" : "\n", name);
                st = IN_IFDEF;
            }
            if (!nl)
                vbuf_addc(out, '\n');
            pt__emit(out, &op->l);
            nl = !op->l.noeol;
        }
    }
    if (st != OUTSIDE)
        vbuf_printf(out, "%s#endif\n", nl ? "" : "\n");
    return il;
}

/* The backup of file `to` (as named, relative to the working directory):
 * GNU patch's create_backup: -B, -Y and -z make a simple name, else the
 * version control type decides (simple, numbered, or numbered when
 * numbered backups exist). */
static char *pt__backup_name(pt_ctx *P, const char *to)
{
    vb_cmd *cmd = P->cmd;
    const pt_opts *o = P->o;
    const char *base = strrchr(to, '/');
    size_t dl = base ? (size_t)(base - to) + 1 : 0;
    base = to + dl;
    if (o->bprefix || o->bbase || o->suffix)
        return mem_printf(cmd->heap, "%s%.*s%s%s%s", o->bprefix ? o->bprefix : "", (int)dl, to,
                          o->bbase ? o->bbase : "", base, o->suffix ? o->suffix : "");
    if (o->vtype != PT_V_SIMPLE) {
        /* the highest N of the BASE.~N~ files in its directory */
        char *dir = dl ? mem_strndup(cmd->heap, to, dl) : mem_strdup(cmd->heap, ".");
        char **ents = NULL;
        size_t ne = 0;
        unsigned long high = 0;
        size_t bl = strlen(base);
        if (fs_list_dir(cmd, pt__abs(P, dir), &ents, &ne) == 0) {
            for (size_t k = 0; k < ne; k++) {
                const char *e = ents[k];
                size_t el = strlen(e);
                if (el < bl + 4 || strncmp(e, base, bl) != 0 || e[bl] != '.' || e[bl + 1] != '~' ||
                    e[el - 1] != '~')
                    continue;
                unsigned long v = 0;
                size_t q = bl + 2;
                while (q < el - 1 && e[q] >= '0' && e[q] <= '9')
                    v = v * 10 + (unsigned long)(e[q++] - '0');
                if (q == el - 1 && q > bl + 2 && v > high)
                    high = v;
            }
        }
        if (!(o->vtype == PT_V_EXISTING && high == 0))
            return mem_printf(cmd->heap, "%s.~%lu~", to, high + 1);
    }
    return mem_printf(cmd->heap, "%s%s", to, o->simple_suffix);
}

/* GNU's get_version (argmatch): a backup type by its name or an
 * unambiguous prefix; -1 after the message. */
static int pt__version(vb_cmd *cmd, const char *context, const char *v)
{
    static const char *const names[] = {"none", "off", "simple", "never", "existing", "nil",
                                        "numbered", "t", NULL};
    static const int types[] = {PT_V_NONE, PT_V_NONE, PT_V_SIMPLE, PT_V_SIMPLE, PT_V_EXISTING,
                                PT_V_EXISTING, PT_V_NUMBERED, PT_V_NUMBERED};
    if (!v || !*v)
        return PT_V_EXISTING;
    int found = -1;
    bool ambiguous = false;
    size_t vl = strlen(v);
    for (int k = 0; names[k]; k++) {
        if (strncmp(names[k], v, vl) != 0)
            continue;
        if (strlen(names[k]) == vl)
            return types[k];
        if (found < 0)
            found = types[k];
        else if (found != types[k])
            ambiguous = true;
    }
    if (found >= 0 && !ambiguous)
        return found;
    char *m = mem_printf(cmd->heap,
                         "%s: %s argument %s for %s\n"
                         "Valid arguments are:\n"
                         "  - 'none', 'off'\n"
                         "  - 'simple', 'never'\n"
                         "  - 'existing', 'nil'\n"
                         "  - 'numbered', 't'\n",
                         cmd->argv[0], ambiguous ? "ambiguous" : "invalid", fs_q(cmd, v),
                         fs_q(cmd, context));
    bi_errw(cmd, m, strlen(m));
    return -1;
}

/* Applies one file's hunks. */
static void pt__file(pt_ctx *P, pt_file *f)
{
    vb_cmd *cmd = P->cmd;
    pt_opts *o = P->o;
    if (f->strip_cr && !o->silent)
        pt__say(P, "(Stripping trailing CRs from patch; use --binary to disable.)\n");
    if (o->reverse)
        pt__reverse(f);
    char *oldn = pt__strip(P, f->oldname), *newn = pt__strip(P, f->newname);
    bool creating = f->oldname && strcmp(f->oldname, "/dev/null") == 0;
    bool deleting = f->newname && strcmp(f->newname, "/dev/null") == 0;
    if (!creating && f->nh == 1 && f->h[0].o_start == 0 && f->h[0].o_cnt == 0)
        creating = true;
    char *name = NULL;
    if (pt__exists(P, oldn))
        name = oldn;
    else if (pt__exists(P, newn))
        name = newn;
    else if (creating)
        name = newn ? newn : oldn;
    else if (oldn && newn)
        name = strlen(newn) < strlen(oldn) ? newn : oldn;
    else
        name = oldn ? oldn : newn;
    bool exists = pt__exists(P, name);
    if ((creating && exists) || (deleting && !exists)) {
        pt__say(P, "The next patch%s would %s the file %s,\nwhich %s!  ", P->user_reverse ? ", when reversed," : "",
                creating ? "create" : "delete", name, creating ? "already exists" : "does not exist");
        if (o->forward || (!o->batch && !o->force)) {
            if (o->forward)
                pt__say(P, "Skipping patch.\n");
            else
                pt__say(P, "Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n");
            bool *failed = mem_alloc(cmd->heap, (f->nh + 1) * sizeof *failed);
            long *rej_off = mem_alloc(cmd->heap, (f->nh + 1) * sizeof *rej_off);
            if (!failed || !rej_off) {
                P->status = 2;
                return;
            }
            for (size_t k = 0; k < f->nh; k++)
                failed[k] = true, rej_off[k] = 0;
            pt__save_rej(P, NULL, f, failed, rej_off, true, (long)f->nh);
            P->status = P->status < 1 ? 1 : P->status;
            return;
        }
        pt__say(P, "Assuming -R.\n");
        pt__reverse(f);
        bool t = creating;
        creating = deleting;
        deleting = t;
    }
    if (!exists && !creating) {
        pt__say(P, "can't find file to patch at input line %ld\n", f->line);
        pt__say(P, o->strip >= 0 ? "Perhaps you used the wrong -p or --strip option?\n"
                                  : "Perhaps you should have used the -p or --strip option?\n");
        pt__show_lead(P, f);
        if (o->batch || o->force) {
            pt__say(P, "No file to patch.  Skipping patch.\n");
        } else {
            pt__say(P, "File to patch: \nSkip this patch? [y] \nSkipping patch.\n");
        }
        pt__say(P, "%zu out of %zu hunk%s ignored\n", f->nh, f->nh, f->nh == 1 ? "" : "s");
        P->status = P->status < 1 ? 1 : P->status;
        return;
    }
    const char *abs = pt__abs(P, name);
    char *data = NULL;
    size_t len = 0;
    vfs_stat_t st;
    uint32_t mode = 0644 & ~fs_umask(cmd);
    if (exists) {
        int rc = vfs_stat(cmd->vfs, abs, &st);
        if (rc == 0 && (st.mode & 0170000) == 0040000) {
            bi_err(cmd, "**** File %s is not a regular file -- refusing to patch", name);
            P->status = 2;
            return;
        }
        if (rc == 0)
            mode = st.mode & 07777;
        rc = vfs_read_all(cmd->vfs, abs, cmd->heap, &data, &len);
        if (rc < 0) {
            fs_errf(cmd, rc, "**** Can't open file %s", name);
            P->status = 2;
            return;
        }
    }
    pt_work w;
    memset(&w, 0, sizeof w);
    w.loose = o->loose;
    {
        size_t cap = 16;
        w.in = mem_alloc(cmd->heap, cap * sizeof *w.in);
        const char *p = data, *end = data ? data + len : NULL; /* no file yet: no lines */
        while (p && p < end && w.in) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if ((size_t)w.nin == cap) {
                cap *= 2;
                w.in = mem_realloc(cmd->heap, w.in, cap * sizeof *w.in);
                if (!w.in)
                    break;
            }
            w.in[w.nin].s = p;
            w.in[w.nin].n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            w.in[w.nin].noeol = !nl;
            w.nin++;
            p = nl ? nl + 1 : end;
        }
        if (!w.in) {
            P->status = 2;
            return;
        }
    }
    if (f->bad_line && f->bad_early) {
        pt__bad(P, f);
        return;
    }
    if (!o->silent) {
        const char *verb = o->dry ? "checking" : "patching";
        if (o->outfile)
            pt__say(P, "%s file %s (read from %s)\n", verb, o->outfile, name);
        else
            pt__say(P, "%s file %s\n", verb, name);
    }
    if (f->bad_line) {
        pt__bad(P, f);
        return;
    }
    bool *failed = mem_alloc(cmd->heap, (f->nh + 1) * sizeof *failed);
    long *rej_off = mem_alloc(cmd->heap, (f->nh + 1) * sizeof *rej_off);
    if (!failed || !rej_off) {
        P->status = 2;
        return;
    }
    memset(failed, 0, (f->nh + 1) * sizeof *failed);
    vbuf out;
    vbuf_init(&out, cmd->heap);
    long nfail = 0;
    bool skipped = false, mismatch = false;
    for (size_t k = 0; k < f->nh; k++) {
        if (bi_cancelled(cmd)) {
            P->status = 2;
            return;
        }
        pt_hunk *h = &f->h[k];
        const pt_line *pat;
        long npat = pt__pat(h, &pat, cmd->heap);
        if (npat < 0) {
            P->status = 2;
            return;
        }
        long ctxl = pt__prefix(h) > pt__suffix(h) ? pt__prefix(h) : pt__suffix(h);
        long maxfuzz = o->maxfuzz < ctxl ? o->maxfuzz : ctxl;
        long where = 0, fuzz = 0;
        if (!skipped) {
            for (fuzz = 0;; fuzz++) {
                where = pt__locate(&w, h, pat, npat, fuzz);
                if (k == 0 && !where && fuzz == 0 && !o->force) {
                    /* reversed? */
                    pt_file one = *f;
                    pt_hunk hc = *h;
                    pt_op *ops = mem_alloc(cmd->heap, (h->nops + 1) * sizeof *ops);
                    if (ops) {
                        memcpy(ops, h->ops, h->nops * sizeof *ops);
                        hc.ops = ops;
                        one.h = &hc;
                        one.nh = 1;
                        pt__reverse(&one);
                        const pt_line *rp;
                        long nrp = pt__pat(&hc, &rp, cmd->heap);
                        pt_work w2 = w;
                        long rw = nrp >= 0 ? pt__locate(&w2, &hc, rp, nrp, 0) : 0;
                        if (rw) {
                            bool assume_r = false;
                            const char *what = P->user_reverse ? "Unreversed patch detected!"
                                                               : "Reversed (or previously applied) patch detected!";
                            if (o->forward) {
                                pt__say(P, "%s  Skipping patch.\n", what);
                                skipped = true;
                            } else if (o->batch) {
                                pt__say(P, "%s  %s.\n", what, P->user_reverse ? "Ignoring -R" : "Assuming -R");
                                assume_r = true;
                            } else {
                                pt__say(P, "%s  %s? [n] \nApply anyway? [n] \nSkipping patch.\n", what,
                                        P->user_reverse ? "Ignore -R" : "Assume -R");
                                skipped = true;
                            }
                            if (assume_r) {
                                mismatch = true;   /* GNU backs the file up then */
                                o->reverse = !o->reverse;
                                pt__reverse(f);
                                npat = pt__pat(h, &pat, cmd->heap);
                                if (npat < 0) {
                                    P->status = 2;
                                    return;
                                }
                                where = pt__locate(&w, h, pat, npat, 0);
                            }
                            if (skipped)
                                break;
                        }
                    }
                }
                if (where || fuzz >= maxfuzz)
                    break;
            }
        }
        if (!where || fuzz || w.in_offset)
            mismatch = true;
        if (skipped || !where) {
            failed[k] = true;
            rej_off[k] = w.out_offset;
            nfail++;
            if (!skipped && !o->silent)
                pt__say(P, "Hunk #%zu FAILED at %ld%s.\n", k + 1, h->o_start + w.out_offset,
                        pt__crlf(&w, h, h->o_start + w.out_offset) ? " (different line endings)"
                                                                   : "");
            continue;
        }
        /* copy input up to where, then apply */
        long base = where - 1;
        if (h->o_cnt == 0 && npat == 0)
            base = where - 1;
        for (long il = w.frozen; il < base && il < w.nin; il++)
            pt__emit(&out, &w.in[il]);
        long il = base;
        if (o->ifdef)
            il = pt__apply_ifdef(&out, &w, h, il, o->ifdef);
        for (size_t q = 0; q < h->nops && !o->ifdef; q++) {
            const pt_op *op = &h->ops[q];
            if (op->t == ' ') {
                if (il < w.nin)
                    pt__emit(&out, &w.in[il]);
                il++;
            } else if (op->t == '-') {
                il++;
            } else {
                pt__emit(&out, &op->l);
            }
        }
        w.frozen = il;
        if (!o->silent && (fuzz || w.in_offset)) {
            pt__say(P, "Hunk #%zu succeeded at %ld", k + 1, where + w.out_offset);
            if (fuzz)
                pt__say(P, " with fuzz %ld", fuzz);
            if (w.in_offset)
                pt__say(P, " (offset %ld line%s)", w.in_offset, w.in_offset == 1 ? "" : "s");
            pt__say(P, ".\n");
        }
        w.out_offset += h->n_cnt - h->o_cnt;
    }
    if (skipped) {
        pt__save_rej(P, o->dry ? name : name, f, failed, rej_off, true, nfail);
        P->status = P->status < 1 ? 1 : P->status;
        return;
    }
    for (long il = w.frozen; il < w.nin; il++)
        pt__emit(&out, &w.in[il]);
    if (out.failed) {
        P->status = 2;
        return;
    }
    const char *dest = o->outfile ? o->outfile : name;
    const char *dabs = pt__abs(P, dest);
    if (!o->dry) {
        if ((o->backup || (mismatch && !o->no_mismatch_backup)) && !o->outfile) {
            char *bk = pt__abs(P, pt__backup_name(P, name));
            pt__mkdirs(P, bk);
            if (exists)
                vfs_write_all(cmd->vfs, bk, data ? data : "", len, mode);
            else
                vfs_write_all(cmd->vfs, bk, "", 0, mode);
        }
        bool remove = out.len == 0 && (deleting || o->rm_empty) && !o->outfile;
        int rc;
        if (remove) {
            rc = exists ? vfs_unlink(cmd->vfs, dabs) : 0;
        } else if (o->outfile) {
            /* -o: the results of all files go to the one output, "-" being
             * standard output (written at the end, as GNU copies it) */
            vbuf_add(&P->out_all, out.data, out.len);
            rc = 0;
            if (strcmp(o->outfile, "-") != 0) {
                rc = pt__mkdirs(P, dabs);
                if (rc == 0)
                    rc = pt__write(P, dabs, P->out_all.data, P->out_all.len, mode);
            }
        } else {
            rc = pt__mkdirs(P, dabs);
            if (rc == 0)
                rc = pt__write(P, dabs, out.data, out.len, mode);
        }
        if (rc < 0) {
            fs_errf(cmd, rc, "**** Can't create file %s", dest);
            P->status = 2;
            return;
        }
    }
    if (nfail) {
        pt__save_rej(P, name, f, failed, rej_off, false, nfail);
        P->status = P->status < 1 ? 1 : P->status;
    }
}

int bi_patch(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"strip", 1, 'p'}, {"reverse", 0, 'R'}, {"forward", 0, 'N'}, {"input", 1, 'i'},
        {"output", 1, 'o'}, {"directory", 1, 'd'}, {"dry-run", 0, 256}, {"backup", 0, 'b'},
        {"suffix", 1, 'z'}, {"silent", 0, 's'}, {"quiet", 0, 's'}, {"remove-empty-files", 0, 'E'},
        {"batch", 0, 't'}, {"force", 0, 'f'}, {"fuzz", 1, 'F'}, {"unified", 0, 'u'},
        {"context", 0, 'c'}, {"binary", 0, 257}, {"reject-file", 1, 'r'},
        {"ignore-whitespace", 0, 'l'}, {"ifdef", 1, 'D'}, {"version-control", 1, 'V'},
        {"prefix", 1, 'B'}, {"basename-prefix", 1, 'Y'}, {"backup-if-mismatch", 0, 258},
        {"no-backup-if-mismatch", 0, 259}, {0, 0, 0}};
    pt_opts o;
    memset(&o, 0, sizeof o);
    o.strip = -1;
    o.maxfuzz = 2;
    {
        /* the environment first, as GNU: options override it */
        const char *v = bi_getvar(cmd, "SIMPLE_BACKUP_SUFFIX");
        o.simple_suffix = v && *v ? v : ".orig";
        const char *ctx = "$PATCH_VERSION_CONTROL";
        v = bi_getvar(cmd, "PATCH_VERSION_CONTROL");
        if (!v) {
            ctx = "$VERSION_CONTROL";
            v = bi_getvar(cmd, "VERSION_CONTROL");
        }
        o.vtype = pt__version(cmd, ctx, v);
        if (o.vtype < 0)
            return bi_done(cmd, 2);
    }
    bi_opt op;
    bi_opt_init(&op, cmd, "p:RNi:o:d:bz:sEtfF:ucr:lD:V:B:Y:", longs, pt_help);
    op.usage_status = 2;
    op.quiet = true;
    int c;
    while ((c = bi_opt_next(&op)) != BI_OPT_END) {
        int64_t v;
        switch (c) {
        case 'p':
            if (bi_parse_i64(op.arg, &v) < 0 || v < 0)
                return bi_done(cmd, bi_err(cmd, "**** strip count %s is not a number", op.arg) * 2);
            o.strip = (long)v;
            break;
        case 'F':
            if (bi_parse_i64(op.arg, &v) < 0 || v < 0)
                return bi_done(cmd, bi_err(cmd, "**** fuzz factor %s is not a number", op.arg) * 2);
            o.maxfuzz = (long)v;
            break;
        case 'R': o.reverse = true; break;
        case 'N': o.forward = true; break;
        case 'i': o.infile = op.arg; break;
        case 'o': o.outfile = op.arg; break;
        case 'd': o.dir = op.arg; break;
        case 256: o.dry = true; break;
        case 257: o.binary = true; break;
        case 'r': o.rejfile = op.arg; break;
        case 'l': o.loose = true; break;
        case 'D': o.ifdef = op.arg; break;
        case 'V':
            o.vtype = pt__version(cmd, "--version-control or -V option", op.arg);
            if (o.vtype < 0)
                return bi_done(cmd, 2);
            break;
        case 'B': o.bprefix = op.arg; break;
        case 'Y': o.bbase = op.arg; break;
        case 258: o.no_mismatch_backup = false; break;
        case 259: o.no_mismatch_backup = true; break;
        case 'b': o.backup = true; break;
        case 'z': o.suffix = op.arg; break;
        case 's': o.silent = true; break;
        case 'E': o.rm_empty = true; break;
        case 't': o.batch = true; break;
        case 'f': o.force = true; break;
        case 'u': case 'c': break;   /* the format is detected */
        case BI_OPT_EXIT: return bi_done(cmd, op.status);
        default:
            bi_err(cmd, "%s", op.msg);
            bi_err(cmd, "Try '%s --help' for more information.", cmd->argv[0]);
            return bi_done(cmd, 2);
        }
    }
    const char *origfile = NULL;
    if (op.ind < cmd->argc)
        origfile = cmd->argv[op.ind++];
    if (op.ind < cmd->argc && !o.infile)
        o.infile = cmd->argv[op.ind++];
    if (op.ind < cmd->argc) {
        bi_err(cmd, "**** Only one file argument allowed");
        return bi_done(cmd, 2);
    }
    if (o.dir) {
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, o.dir), &st);
        if (rc < 0) {
            fs_errf(cmd, rc, "**** Can't change to directory %s ", o.dir);
            return bi_done(cmd, 2);
        }
    }
    int err = 0;
    const char *pin = o.infile ? o.infile : "-";
    if (o.dir && o.infile && o.infile[0] != '/' && strcmp(o.infile, "-") != 0)
        pin = fs_join(cmd->heap, bi_path(cmd, o.dir), o.infile);
    stream *s = bi_open_read(cmd, pin, &err);
    if (!s) {
        fs_errf(cmd, err, "**** Can't open patch file %s ", o.infile);
        return bi_done(cmd, 2);
    }
    char *data = NULL;
    size_t len = 0;
    int rc = bi_slurp(cmd, s, &data, &len);
    stream_unref(s);
    if (rc < 0) {
        fs_errf(cmd, rc, "**** Can't read patch");
        return bi_done(cmd, 2);
    }
    pt_ctx P;
    memset(&P, 0, sizeof P);
    P.cmd = cmd;
    P.o = &o;
    vbuf_init(&P.rej_all, cmd->heap);
    vbuf_init(&P.out_all, cmd->heap);
    P.user_reverse = o.reverse;
    P.user_strip = o.strip;
    pt__split(&P, data, len);
    pt_file *files = NULL;
    size_t nfiles = 0;
    int pst = pt__parse(&P, &files, &nfiles);
    if (!origfile) {
        /* normal diffs name no file: without ORIGFILE they are not a patch */
        size_t kept = 0;
        for (size_t k = 0; k < nfiles; k++)
            if (!files[k].normal)
                files[kept++] = files[k];
        nfiles = kept;
    }
    if (nfiles == 0 && pst == 0 && len > 0) {
        bi_err(cmd, "**** Only garbage was found in the patch input.");
        return bi_done(cmd, 2);
    }
    for (size_t k = 0; k < nfiles && !bi_cancelled(cmd); k++) {
        if (origfile) {
            files[k].oldname = mem_strdup(cmd->heap, origfile);
            files[k].newname = files[k].oldname;
            long save = o.strip;
            o.strip = 0;
            pt__file(&P, &files[k]);
            o.strip = save;
        } else {
            pt__file(&P, &files[k]);
        }
        o.reverse = P.user_reverse;   /* an assumed -R holds for its file only */
        if (bi_out_failed(cmd) || P.fatal)
            break;
    }
    if (o.outfile && strcmp(o.outfile, "-") == 0 && P.out_all.len)
        bi_out(cmd, P.out_all.data, P.out_all.len);
    if (pst)
        P.status = 2;
    return bi_done(cmd, P.status);
}
