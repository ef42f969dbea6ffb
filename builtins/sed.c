/*
 * sed: the stream editor. Reference: GNU sed 4.9.
 * Options -n -e -f -E -r -s -i[SUFFIX] --in-place[=SUFFIX] -z -u -l N
 * --posix; every command (s y a i c d D p P n N g G h H x b t T : l = q Q
 * r R w W z F e { }), addresses N $ /re/ \cREc 0,/re/ first~step addr,+N
 * addr,~N and !. The script is compiled once (sed_parse.c) and run over
 * the input by the loop below. -i writes the new contents to a temporary
 * file in the same directory and renames it over the original.
 * Deviations: \L \U \l \u change the case of ASCII letters only; --debug
 * is not implemented.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "builtins/lib/text_esc.h"
#include "builtins/lib/text_util.h"
#include "builtins/sed_int.h"
#include "vbash/vbash.h"

VB_BUILTIN("sed", bi_sed, BI_UTIL)
int bi_sed(vb_cmd *cmd);

static const char sed_usage[] =
    "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n"
    "\n"
    "  -n, --quiet, --silent\n"
    "                 suppress automatic printing of pattern space\n"
    "      --debug\n"
    "                 annotate program execution\n"
    "  -e script, --expression=script\n"
    "                 add the script to the commands to be executed\n"
    "  -f script-file, --file=script-file\n"
    "                 add the contents of script-file to the commands to be executed\n"
    "  --follow-symlinks\n"
    "                 follow symlinks when processing in place\n"
    "  -i[SUFFIX], --in-place[=SUFFIX]\n"
    "                 edit files in place (makes backup if SUFFIX supplied)\n"
    "  -l N, --line-length=N\n"
    "                 specify the desired line-wrap length for the `l' command\n"
    "  --posix\n"
    "                 disable all GNU extensions.\n"
    "  -E, -r, --regexp-extended\n"
    "                 use extended regular expressions in the script\n"
    "                 (for portability use POSIX -E).\n"
    "  -s, --separate\n"
    "                 consider files as separate rather than as a single,\n"
    "                 continuous long stream.\n"
    "      --sandbox\n"
    "                 operate in sandbox mode (disable e/r/w commands).\n"
    "  -u, --unbuffered\n"
    "                 load minimal amounts of data from the input files and flush\n"
    "                 the output buffers more often\n"
    "  -z, --null-data\n"
    "                 separate lines by NUL characters\n"
    "      --help     display this help and exit\n"
    "      --version  output version information and exit\n"
    "\n"
    "If no -e, --expression, -f, or --file option is given, then the first\n"
    "non-option argument is taken as the sed script to interpret.  All\n"
    "remaining arguments are names of input files; if no input files are\n"
    "specified, then the standard input is read.\n"
    "\n";

enum { SO_POSIX = 256, SO_SANDBOX, SO_FOLLOW };

static const bi_longopt sed_longs[] = {
    {"quiet", 0, 'n'}, {"silent", 0, 'n'}, {"expression", 1, 'e'}, {"file", 1, 'f'},
    {"in-place", 2, 'i'}, {"line-length", 1, 'l'}, {"posix", 0, SO_POSIX},
    {"regexp-extended", 0, 'E'}, {"separate", 0, 's'}, {"unbuffered", 0, 'u'},
    {"null-data", 0, 'z'}, {"zero-terminated", 0, 'z'}, {"sandbox", 0, SO_SANDBOX},
    {"follow-symlinks", 0, SO_FOLLOW}, {0},
};

/* An entry of the append queue (a, r, R): output at the end of the cycle. */
typedef struct sed_app {
    const char *text;     /* a text or an R line (with its newline) */
    size_t n;
    const char *rfile;    /* r: a file read when the queue is flushed */
} sed_app;

typedef struct sed_run {
    vb_cmd *cmd;
    const sed_opts *o;
    sed_prog *prog;
    char delim;
    /* input */
    char **files;
    int nfiles, fidx;
    bool separate;
    stream *cur;
    bi_reader rd;
    bool cur_open;
    const char *curname;
    bool have_la;          /* lookahead line in la */
    vbuf la;
    bool la_nl;
    uint64_t lineno;
    bool input_err;        /* a file could not be read: status 2 */
    int fatal;             /* 4: read error */
    /* spaces */
    vbuf ps, hs;
    bool ps_nl;            /* the current line ended with its delimiter */
    bool hs_nl;            /* the same for the hold space (x, g, h move it) */
    bool tflag;
    /* append queue */
    sed_app *app;
    size_t napp, capp;
    /* output: cmd's fd 1, or a buffer (-i) */
    vbuf *obuf;
    bool missing_nl;       /* the last line written lacked its newline */
    rx *last_re;
    bool quit;
    bool q_cmd;            /* the quit came from q */
    int exit_code;         /* q/Q exit status, -1 none */
    int err;               /* status from a runtime error */
    locale_t loc;          /* C.UTF-8 for \U \L of non-ASCII letters, made on first need */
} sed_run;

enum { SX_END, SX_DELETE, SX_QUIT, SX_QUIT_SILENT, SX_RESTART };

/* ------------------------------------------------------------ output */

static void sed__raw(sed_run *r, const void *p, size_t n)
{
    if (r->obuf)
        vbuf_add(r->obuf, p, n);
    else
        bi_out(r->cmd, p, n);
}

/* Writes data; a line that lacked its newline earlier gets it first. */
static void sed__write(sed_run *r, const void *p, size_t n)
{
    if (r->missing_nl) {
        sed__raw(r, &r->delim, 1);
        r->missing_nl = false;
    }
    sed__raw(r, p, n);
}

/* The pattern space (or a part) as a line: with the delimiter unless it is
 * the last line and that had none. */
static void sed__line(sed_run *r, const char *p, size_t n, bool nl)
{
    sed__write(r, p, n);
    if (nl)
        sed__raw(r, &r->delim, 1);
    else
        r->missing_nl = true;
}

static void sed__wfile(sed_run *r, sed_wfile *w, const char *p, size_t n)
{
    if (w->to_stdout) {
        sed__line(r, p, n, true);
        return;
    }
    if (w->to_stderr) {
        bi_errw(r->cmd, p, n);
        bi_errw(r->cmd, &r->delim, 1);
        return;
    }
    if (w->s) {
        stream_write(w->s, p, n);
        stream_write(w->s, &r->delim, 1);
    }
}

/* ------------------------------------------------------------ input */

static void sed__close_cur(sed_run *r)
{
    if (r->cur_open) {
        bi_reader_free(&r->rd);
        stream_unref(r->cur);
        r->cur = NULL;
        r->cur_open = false;
    }
}

/* Opens the next file of the list. false when none is left. */
static bool sed__open_next(sed_run *r)
{
    vb_cmd *cmd = r->cmd;
    while (r->fidx < r->nfiles) {
        const char *name = r->files[r->fidx++];
        int err = 0;
        stream *s = bi_open_read(cmd, name, &err);
        if (!s) {
            bi_err(cmd, "can't read %s: %s", name, strerror(-err));
            r->input_err = true;
            continue;
        }
        r->cur = s;
        r->cur_open = true;
        r->curname = name;
        bi_reader_init(&r->rd, cmd, s);
        return true;
    }
    return false;
}

/* Reads one record from the open file(s) into dst. 1, 0 at the end. */
static int sed__read_raw(sed_run *r, vbuf *dst, bool *nl)
{
    for (;;) {
        if (!r->cur_open) {
            if (r->separate)
                return 0;
            if (!sed__open_next(r))
                return 0;
        }
        const char *rec;
        size_t len;
        int rc = bi_getrec(&r->rd, r->delim, &rec, &len);
        if (rc < 0) {
            if (rc != VB_ECANCELED && rc != VB_EPIPE) {
                bi_err(r->cmd, "read error on %s: %s", strcmp(r->curname, "-") ? r->curname : "stdin",
                       strerror(-rc));
            }
            r->fatal = 4;
            sed__close_cur(r);
            return 0;
        }
        if (rc == 0) {
            sed__close_cur(r);
            if (r->separate)
                return 0;
            continue;
        }
        bool had = len > 0 && rec[len - 1] == r->delim;
        vbuf_clear(dst);
        vbuf_add(dst, rec, had ? len - 1 : len);
        *nl = had;
        return 1;
    }
}

/* The next line into dst (the lookahead first). */
static int sed__next(sed_run *r, vbuf *dst, bool *nl)
{
    if (r->have_la) {
        vbuf_clear(dst);
        vbuf_add(dst, r->la.data, r->la.len);
        *nl = r->la_nl;
        r->have_la = false;
        return 1;
    }
    return sed__read_raw(r, dst, nl);
}

static bool sed__is_last(sed_run *r)
{
    if (r->have_la)
        return false;
    if (sed__read_raw(r, &r->la, &r->la_nl) == 1) {
        r->have_la = true;
        return false;
    }
    return true;
}

/* ------------------------------------------------------------ append queue */

static void sed__queue(sed_run *r, const char *text, size_t n, const char *rfile)
{
    if (r->napp == r->capp) {
        size_t nc = r->capp ? r->capp * 2 : 8;
        sed_app *na = mem_realloc(r->cmd->heap, r->app, nc * sizeof *na);
        if (!na)
            return;
        r->app = na;
        r->capp = nc;
    }
    r->app[r->napp++] = (sed_app){.text = text, .n = n, .rfile = rfile};
}

static void sed__flush_queue(sed_run *r)
{
    for (size_t i = 0; i < r->napp; i++) {
        sed_app *a = &r->app[i];
        if (!a->rfile) {
            sed__write(r, a->text, a->n);
            continue;
        }
        int err = 0;
        stream *s = strcmp(a->rfile, "/dev/stdin") == 0 ? stream_ref(r->cmd->in)
                                                         : bi_open_read(r->cmd, a->rfile, &err);
        if (!s)
            continue;   /* a missing file is silently ignored */
        char *data;
        size_t len;
        if (bi_slurp(r->cmd, s, &data, &len) == 0 && len > 0) {
            sed__write(r, data, len);
            if (data[len - 1] != r->delim)
                r->missing_nl = true;
            mem_free(r->cmd->heap, data);
        }
        stream_unref(s);
    }
    r->napp = 0;
}

/* ------------------------------------------------------------ addresses */

static int sed__re_match(sed_run *r, rx *re, const char *s, size_t n)
{
    if (!re)
        re = r->last_re;
    if (!re) {
        bi_err(r->cmd, "no previous regular expression");
        r->err = 1;
        r->quit = true;
        return 0;
    }
    r->last_re = re;
    int rc = rx_exec(re, s, n, 0, 0, NULL);
    if (rc < 0) {
        if (r->cmd->ops && r->cmd->ops->limit)
            r->err = r->cmd->ops->limit(r->cmd->shell, VB_LIMIT_REGEX, "sed: exceeded the regex match limit");
        else {
            bi_err(r->cmd, "exceeded the regex match limit");
            r->err = 4;
        }
        r->quit = true;
        return 0;
    }
    return rc;
}

static bool sed__addr1(sed_run *r, const sed_addr *a)
{
    switch (a->kind) {
    case SA_LINE: return r->lineno == a->n1;
    case SA_LAST: return sed__is_last(r);
    case SA_REGEX: return sed__re_match(r, a->re, r->ps.data ? r->ps.data : "", r->ps.len) > 0;
    case SA_STEP:
        if (a->n2 == 0)
            return r->lineno == a->n1;
        return r->lineno >= a->n1 && (r->lineno - a->n1) % a->n2 == 0;
    case SA_ZERO: return false;
    default: return true;
    }
}

static bool sed__selected(sed_run *r, sed_cmd *c)
{
    bool m;
    if (c->a1.kind == SA_NONE) {
        m = true;
    } else if (c->a2.kind == SA_NONE) {
        m = sed__addr1(r, &c->a1);
    } else if (c->in_range) {
        m = true;
        switch (c->a2.kind) {
        case SA_LINE:
            if (r->lineno >= c->a2.n1)
                c->in_range = false;
            break;
        case SA_PLUS:
            if (r->lineno >= c->range_end)
                c->in_range = false;
            break;
        case SA_TILDE:
            if (c->a2.n1 == 0 || r->lineno % c->a2.n1 == 0)
                c->in_range = false;
            break;
        case SA_LAST:
            if (sed__is_last(r))
                c->in_range = false;
            break;
        case SA_REGEX:
            if (sed__addr1(r, &c->a2))
                c->in_range = false;
            break;
        default:
            c->in_range = false;
            break;
        }
    } else {
        bool start = c->a1.kind == SA_ZERO ? r->lineno == 1 || (r->separate && r->lineno == 1)
                                            : sed__addr1(r, &c->a1);
        if (start) {
            m = true;
            switch (c->a2.kind) {
            case SA_LINE:
                c->in_range = c->a2.n1 > r->lineno;
                break;
            case SA_PLUS:
                c->range_end = r->lineno + c->a2.n1;
                c->in_range = c->a2.n1 > 0;
                break;
            case SA_TILDE:
                c->in_range = !(c->a2.n1 == 0 || r->lineno % c->a2.n1 == 0);
                break;
            case SA_LAST:
                c->in_range = !sed__is_last(r);
                break;
            case SA_REGEX:
                if (c->a1.kind == SA_ZERO)
                    c->in_range = !sed__addr1(r, &c->a2);
                else
                    c->in_range = true;
                break;
            default:
                break;
            }
        } else {
            m = false;
        }
    }
    return m != c->negate;
}

/* ------------------------------------------------------------ commands */

static size_t sed__clen(sed_run *r, const char *s, size_t n)
{
    if (!(r->o->rxflags & RX_UTF) || n == 0)
        return 1;
    unsigned char c = (unsigned char)s[0];
    size_t k = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
    if (k > n)
        return 1;
    for (size_t i = 1; i < k; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            return 1;
    return k;
}

/* Upper or lower case of a non-ASCII character, as GNU sed's towupper /
 * towlower in a UTF-8 locale; the character itself when it has none. */
static uint32_t sed__wcase(sed_run *r, uint32_t cp, bool upper)
{
    if (!r->loc)
        r->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!r->loc)
        return cp;
    return (uint32_t)(upper ? towupper_l((wint_t)cp, r->loc) : towlower_l((wint_t)cp, r->loc));
}

/* Appends text with the case conversion state (\U \L \u \l); in a UTF-8
 * locale a multibyte character is converted whole (invalid bytes stay). */
static void sed__case_add(sed_run *r, vbuf *b, const char *s, size_t n, int *mode, int *one)
{
    bool utf = (r->o->rxflags & RX_UTF) != 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        int k;
        if (utf && c >= 0x80 && (k = tx_utf8_decode((const unsigned char *)s + i, n - i, &cp)) > 1) {
            int want = *one != SC_NONE ? *one : *mode;
            *one = SC_NONE;
            if (want == SC_UPPER || want == SC_UPPER1)
                cp = sed__wcase(r, cp, true);
            else if (want == SC_LOWER || want == SC_LOWER1)
                cp = sed__wcase(r, cp, false);
            if (cp <= 0x10FFFF)
                tx_put_utf8(b, cp);
            else
                vbuf_add(b, s + i, (size_t)k);
            i += (size_t)k - 1;
            continue;
        }
        if (*one == SC_UPPER1) {
            c = (c >= 'a' && c <= 'z') ? (unsigned char)(c - 32) : c;
            *one = SC_NONE;
        } else if (*one == SC_LOWER1) {
            c = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
            *one = SC_NONE;
        } else if (*mode == SC_UPPER) {
            c = (c >= 'a' && c <= 'z') ? (unsigned char)(c - 32) : c;
        } else if (*mode == SC_LOWER) {
            c = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
        }
        vbuf_addc(b, (char)c);
    }
}

static void sed__repl(sed_run *r, sed_cmd *c, vbuf *b, const char *s, const rx_match *m)
{
    int mode = SC_NONE, one = SC_NONE;
    bool plain = true;
    for (int i = 0; i < c->nrp; i++)
        if (c->rp[i].kind == SR_CASE)
            plain = false;
    for (int i = 0; i < c->nrp; i++) {
        const sed_rpart *p = &c->rp[i];
        const char *t = NULL;
        size_t n = 0;
        if (p->kind == SR_LIT) {
            t = p->s;
            n = p->n;
        } else if (p->kind == SR_GROUP) {
            if (p->group < m->n && m->ov[2 * p->group] != RX_UNSET) {
                t = s + m->ov[2 * p->group];
                n = m->ov[2 * p->group + 1] - m->ov[2 * p->group];
            }
        } else {
            if (p->casev == SC_UPPER1 || p->casev == SC_LOWER1)
                one = p->casev;
            else if (p->casev == SC_END)
                mode = SC_NONE, one = SC_NONE;
            else
                mode = p->casev;
            continue;
        }
        if (!n)
            continue;
        if (plain)
            vbuf_add(b, t, n);
        else
            sed__case_add(r, b, t, n, &mode, &one);
    }
}

static int sed__limit(sed_run *r)
{
    if (r->cmd->ops && r->cmd->ops->limit)
        r->err = r->cmd->ops->limit(r->cmd->shell, VB_LIMIT_REGEX, "sed: exceeded the regex match limit");
    else {
        bi_err(r->cmd, "exceeded the regex match limit");
        r->err = 4;
    }
    r->quit = true;
    return -1;
}

/* Runs a shell command, capturing its standard output. */
static int sed__run_capture(sed_run *r, const char *script, vbuf *out)
{
    vb_cmd *cmd = r->cmd;
    if (!cmd->ops || !cmd->ops->run_script)
        return -1;
    bi_flush(cmd);
    stream *s = stream_to_buf(cmd->heap, out);
    if (!s)
        return -1;
    cmd->ops->run_script(cmd->shell, script, NULL, s, NULL);
    stream_unref(s);
    return 0;
}

static int sed__subst(sed_run *r, sed_cmd *c)
{
    rx *re = c->re ? c->re : r->last_re;
    if (!re) {
        bi_err(r->cmd, "no previous regular expression");
        r->err = 1;
        r->quit = true;
        return -1;
    }
    r->last_re = re;
    if (c->maxref > rx_groups(re)) {
        bi_err(r->cmd, "invalid reference \\%d on `s' command's RHS", c->maxref);
        r->err = 1;
        r->quit = true;
        return -1;
    }
    const char *s = r->ps.data ? r->ps.data : "";
    size_t len = r->ps.len;
    vbuf nb;
    vbuf_init(&nb, r->cmd->heap);
    vbuf_adds(&nb, "");
    size_t pos = 0;
    long prev_end = -1;
    uint64_t count = 0;
    bool any = false;
    while (pos <= len) {
        rx_match m;
        int rc = rx_exec(re, s, len, pos, RX_LONGEST, &m);
        if (rc < 0) {
            vbuf_free(&nb);
            return sed__limit(r);
        }
        if (rc == 0)
            break;
        if (m.so == m.eo && (long)m.so == prev_end) {
            if (m.so >= len)
                break;
            size_t k = sed__clen(r, s + m.so, len - m.so);
            vbuf_add(&nb, s + pos, m.so + k - pos);
            pos = m.so + k;
            continue;
        }
        count++;
        bool take = c->gflag ? count >= (c->nth ? c->nth : 1) : count == (c->nth ? c->nth : 1);
        if (take) {
            vbuf_add(&nb, s + pos, m.so - pos);
            sed__repl(r, c, &nb, s, &m);
            any = true;
        } else {
            vbuf_add(&nb, s + pos, m.eo - pos);
        }
        prev_end = (long)m.eo;
        if (m.so == m.eo) {
            if (m.eo >= len) {
                pos = len;
                break;
            }
            size_t k = sed__clen(r, s + m.eo, len - m.eo);
            vbuf_add(&nb, s + m.eo, k);
            pos = m.eo + k;
        } else {
            pos = m.eo;
        }
        if (any && !c->gflag)
            break;
    }
    if (!any) {
        vbuf_free(&nb);
        return 0;
    }
    if (pos < len)
        vbuf_add(&nb, s + pos, len - pos);
    vbuf_free(&r->ps);
    r->ps = nb;
    r->tflag = true;
    if (c->eflag) {
        vbuf out;
        vbuf_init(&out, r->cmd->heap);
        vbuf_adds(&out, "");
        sed__run_capture(r, vbuf_str(&r->ps), &out);
        if (out.len && out.data[out.len - 1] == '\n')
            out.len--;
        vbuf_free(&r->ps);
        r->ps = out;
    }
    if (c->pflag)
        sed__line(r, r->ps.data, r->ps.len, r->ps_nl);
    if (c->wf)
        sed__wfile(r, c->wf, r->ps.data, r->ps.len);
    return 0;
}

static void sed__y(sed_run *r, sed_cmd *c)
{
    unsigned char *s = (unsigned char *)r->ps.data;
    size_t n = r->ps.len;
    if (c->ybytes) {
        for (size_t i = 0; i < n; i++)
            s[i] = c->ymap[s[i]];
        return;
    }
    vbuf nb;
    vbuf_init(&nb, r->cmd->heap);
    vbuf_adds(&nb, "");
    size_t i = 0;
    while (i < n) {
        size_t k = sed__clen(r, (char *)s + i, n - i);
        uint32_t v = 0;
        for (size_t j = 0; j < k; j++)
            v = (v << 8) | s[i + j];
        size_t t;
        for (t = 0; t < c->ylen; t++)
            if (c->yfrom[t] == v)
                break;
        if (t < c->ylen) {
            uint32_t o = c->yto[t];
            char tmp[4];
            int nb2 = 0;
            for (int sh = 24; sh >= 0; sh -= 8)
                if ((o >> sh) & 0xff || nb2 || sh == 0)
                    tmp[nb2++] = (char)((o >> sh) & 0xff);
            vbuf_add(&nb, tmp, (size_t)nb2);
        } else {
            vbuf_add(&nb, s + i, k);
        }
        i += k;
    }
    vbuf_free(&r->ps);
    r->ps = nb;
}

static void sed__l(sed_run *r, sed_cmd *c)
{
    int64_t w = c->hasnum ? c->num : r->o->linewrap;
    vbuf b;
    vbuf_init(&b, r->cmd->heap);
    size_t col = 0;
    const unsigned char *s = (const unsigned char *)(r->ps.data ? r->ps.data : "");
    for (size_t i = 0; i < r->ps.len; i++) {
        char e[8];
        unsigned char ch = s[i];
        switch (ch) {
        case '\\': strcpy(e, "\\\\"); break;
        case '\a': strcpy(e, "\\a"); break;
        case '\b': strcpy(e, "\\b"); break;
        case '\f': strcpy(e, "\\f"); break;
        case '\n': strcpy(e, "\\n"); break;
        case '\r': strcpy(e, "\\r"); break;
        case '\t': strcpy(e, "\\t"); break;
        case '\v': strcpy(e, "\\v"); break;
        default:
            if (ch >= 0x20 && ch < 0x7f) {
                e[0] = (char)ch;
                e[1] = 0;
            } else {
                snprintf(e, sizeof e, "\\%03o", ch);
            }
        }
        size_t el = strlen(e);
        if (w > 0 && col + el > (size_t)(w - 1)) {
            vbuf_adds(&b, "\\\n");
            col = 0;
        }
        vbuf_add(&b, e, el);
        col += el;
    }
    vbuf_addc(&b, '$');
    vbuf_addc(&b, r->delim);
    sed__write(r, b.data, b.len);
    vbuf_free(&b);
}

/* Runs the program over the pattern space. */
static int sed__exec(sed_run *r, int start_pc)
{
    sed_prog *g = r->prog;
    int pc = start_pc;
    while (pc < g->n) {
        sed_cmd *c = &g->cmds[pc];
        if (c->cmd == '}' || c->cmd == ':') {
            pc++;
            continue;
        }
        bool sel = sed__selected(r, c);
        if (r->quit)
            return SX_QUIT_SILENT;
        if (!sel) {
            pc = c->cmd == '{' ? c->jump + 1 : pc + 1;
            continue;
        }
        switch (c->cmd) {
        case '{':
            break;
        case '=': {
            char nb[32];
            int n = snprintf(nb, sizeof nb, "%llu", (unsigned long long)r->lineno);
            nb[n++] = r->delim;
            sed__write(r, nb, (size_t)n);
            break;
        }
        case 'a':
            sed__queue(r, c->text, c->textlen, NULL);
            break;
        case 'i':
            /* the text's last newline is the record delimiter (-z), unlike a's;
             * an empty text ("i\" ending the script) prints nothing */
            if (c->textlen) {
                sed__write(r, c->text, c->textlen - 1);
                sed__raw(r, &r->delim, 1);
            }
            break;
        case 'c':
            if ((c->a2.kind == SA_NONE || c->negate || !c->in_range) && c->textlen) {
                sed__write(r, c->text, c->textlen - 1);
                sed__raw(r, &r->delim, 1);
            }
            return SX_DELETE;
        case 'd':
            return SX_DELETE;
        case 'D': {
            const char *nl = r->ps.len ? memchr(r->ps.data, '\n', r->ps.len) : NULL;
            if (!nl)
                return SX_DELETE;
            size_t k = (size_t)(nl - r->ps.data) + 1;
            memmove(r->ps.data, r->ps.data + k, r->ps.len - k);
            r->ps.len -= k;
            r->ps.data[r->ps.len] = 0;
            return SX_RESTART;
        }
        case 'e': {
            vbuf out;
            vbuf_init(&out, r->cmd->heap);
            vbuf_adds(&out, "");
            if (c->text && *c->text) {
                sed__run_capture(r, c->text, &out);
                sed__write(r, out.data, out.len);
            } else {
                sed__run_capture(r, vbuf_str(&r->ps), &out);
                if (out.len && out.data[out.len - 1] == '\n')
                    out.len--;
                vbuf_free(&r->ps);
                r->ps = out;
            }
            break;
        }
        case 'F': {
            const char *n = r->curname && strcmp(r->curname, "-") ? r->curname : "-";
            sed__write(r, n, strlen(n));
            sed__raw(r, &r->delim, 1);
            break;
        }
        case 'g':
            vbuf_clear(&r->ps);
            vbuf_add(&r->ps, r->hs.data ? r->hs.data : "", r->hs.len);
            r->ps_nl = r->hs_nl;
            break;
        case 'G':
            vbuf_addc(&r->ps, '\n');
            vbuf_add(&r->ps, r->hs.data ? r->hs.data : "", r->hs.len);
            break;
        case 'h':
            vbuf_clear(&r->hs);
            vbuf_add(&r->hs, r->ps.data ? r->ps.data : "", r->ps.len);
            r->hs_nl = r->ps_nl;
            break;
        case 'H':
            vbuf_addc(&r->hs, '\n');
            vbuf_add(&r->hs, r->ps.data ? r->ps.data : "", r->ps.len);
            break;
        case 'x': {
            vbuf t = r->ps;
            r->ps = r->hs;
            r->hs = t;
            bool tn = r->ps_nl;
            r->ps_nl = r->hs_nl;
            r->hs_nl = tn;
            break;
        }
        case 'l':
            sed__l(r, c);
            break;
        case 'n':
            if (sed__is_last(r) || r->fatal)
                return r->o->posix ? SX_DELETE : SX_QUIT;
            if (!r->o->quiet && !g->hash_n)
                sed__line(r, r->ps.data, r->ps.len, r->ps_nl);
            sed__flush_queue(r);
            if (sed__next(r, &r->ps, &r->ps_nl) != 1)
                return SX_QUIT_SILENT;
            r->lineno++;
            break;
        case 'N':
            if (sed__is_last(r) || r->fatal) {
                if (r->o->posix)
                    return SX_DELETE;
                return SX_QUIT;
            }
            sed__flush_queue(r);
            {
                vbuf nx;
                vbuf_init(&nx, r->cmd->heap);
                bool nl;
                if (sed__next(r, &nx, &nl) != 1)
                    return SX_QUIT;
                vbuf_addc(&r->ps, '\n');
                vbuf_add(&r->ps, nx.data ? nx.data : "", nx.len);
                vbuf_free(&nx);
                r->ps_nl = nl;
            }
            r->lineno++;
            break;
        case 'p':
            sed__line(r, r->ps.data, r->ps.len, r->ps_nl);
            break;
        case 'P': {
            const char *nl = r->ps.len ? memchr(r->ps.data, '\n', r->ps.len) : NULL;
            size_t k = nl ? (size_t)(nl - r->ps.data) : r->ps.len;
            sed__line(r, r->ps.data, k, true);
            break;
        }
        case 'q':
            r->exit_code = c->hasnum ? (int)(c->num & 0xff) : 0;
            r->q_cmd = true;
            return SX_QUIT;
        case 'Q':
            r->exit_code = c->hasnum ? (int)(c->num & 0xff) : 0;
            return SX_QUIT_SILENT;
        case 'r':
            sed__queue(r, NULL, 0, c->text);
            break;
        case 'R': {
            sed_rfile *f = c->rf;
            if (!f)
                break;
            if (!f->opened) {
                int err = 0;
                f->opened = true;
                f->s = bi_open_read(r->cmd, f->name, &err);
                if (f->s)
                    bi_reader_init(&f->rd, r->cmd, f->s);
                else
                    f->eof = true;
            }
            if (f->eof)
                break;
            const char *rec;
            size_t len;
            if (bi_getrec(&f->rd, '\n', &rec, &len) != 1) {
                f->eof = true;
                break;
            }
            char *copy = mem_alloc(r->cmd->heap, len + 1);
            if (!copy)
                break;
            memcpy(copy, rec, len);
            if (len == 0 || rec[len - 1] != '\n')
                copy[len++] = '\n';
            sed__queue(r, copy, len, NULL);
            break;
        }
        case 's':
            if (sed__subst(r, c) < 0)
                return SX_QUIT_SILENT;
            break;
        case 't':
            if (r->tflag) {
                r->tflag = false;
                pc = c->jump;
                continue;
            }
            break;
        case 'T':
            if (!r->tflag) {
                pc = c->jump;
                continue;
            }
            r->tflag = false;
            break;
        case 'b':
            pc = c->jump;
            continue;
        case 'w':
            sed__wfile(r, c->wf, r->ps.data ? r->ps.data : "", r->ps.len);
            break;
        case 'W': {
            const char *nl = r->ps.len ? memchr(r->ps.data, '\n', r->ps.len) : NULL;
            size_t k = nl ? (size_t)(nl - r->ps.data) : r->ps.len;
            sed__wfile(r, c->wf, r->ps.data ? r->ps.data : "", k);
            break;
        }
        case 'y':
            sed__y(r, c);
            break;
        case 'z':
            vbuf_clear(&r->ps);
            break;
        default:
            break;
        }
        pc++;
    }
    return SX_END;
}

/* Processes lines until the input (this file with -s/-i) ends or q. */
static void sed__loop(sed_run *r)
{
    bool autoprint = !r->o->quiet && !r->prog->hash_n;
    while (!r->quit && !r->fatal) {
        if (bi_cancelled(r->cmd)) {
            r->quit = true;
            break;
        }
        if (sed__next(r, &r->ps, &r->ps_nl) != 1)
            break;
        r->lineno++;
        r->tflag = false;
        int act;
    restart:
        act = sed__exec(r, 0);
        if (act == SX_RESTART) {
            sed__flush_queue(r);
            goto restart;
        }
        if ((act == SX_END || act == SX_QUIT) && autoprint)
            sed__line(r, r->ps.data ? r->ps.data : "", r->ps.len, r->ps_nl);
        if (act != SX_QUIT_SILENT || r->exit_code >= 0)
            sed__flush_queue(r);
        if (act == SX_QUIT && r->q_cmd && r->missing_nl) {
            /* q ends the output with its delimiter, even after a last line that had none */
            sed__raw(r, &r->delim, 1);
            r->missing_nl = false;
        }
        if (act == SX_QUIT || act == SX_QUIT_SILENT)
            r->quit = true;
        if (r->o->unbuffered && !r->obuf)
            bi_flush(r->cmd);
        if (bi_out_failed(r->cmd))
            r->quit = true;
    }
}

/* -i on one file: run over it into a buffer, then replace it atomically. */
static void sed__inplace(sed_run *r, const char *name)
{
    vb_cmd *cmd = r->cmd;
    char *abs = bi_path(cmd, name);
    if (!abs)
        return;
    if (r->o->follow) {
        char *real = NULL;
        if (vfs_realpath(cmd->vfs, abs, cmd->heap, &real) == 0)
            abs = real;
    }
    vfs_stat_t st;
    int rc = vfs_stat(cmd->vfs, abs, &st);
    if (rc < 0) {
        bi_err(cmd, "can't read %s: %s", name, strerror(-rc));
        r->input_err = true;
        return;
    }
    if (!S_ISREG(st.mode)) {
        bi_err(cmd, "couldn't edit %s: not a regular file", name);
        r->fatal = 4;
        return;
    }
    int err = 0;
    stream *s = vfs_open_stream(cmd->vfs, abs, O_RDONLY, 0, cmd->heap, &err);
    if (!s) {
        bi_err(cmd, "can't read %s: %s", name, strerror(-err));
        r->input_err = true;
        return;
    }
    vbuf out;
    vbuf_init(&out, cmd->heap);
    vbuf_adds(&out, "");
    r->cur = s;
    r->cur_open = true;
    r->curname = name;
    bi_reader_init(&r->rd, cmd, s);
    r->obuf = &out;
    r->missing_nl = false;
    r->lineno = 0;
    r->have_la = false;
    for (int i = 0; i < r->prog->n; i++)
        r->prog->cmds[i].in_range = false;
    sed__loop(r);
    sed__close_cur(r);
    r->obuf = NULL;
    if (r->fatal || r->err)
        return;
    /* temporary file next to the original, then rename */
    const char *slash = strrchr(abs, '/');
    size_t dl = slash ? (size_t)(slash - abs) : 0;
    char *tmp = NULL;
    for (int k = 0; k < 100 && !tmp; k++) {
        char *t = mem_printf(cmd->heap, "%.*s/sed%06llx", (int)dl, abs,
                             (unsigned long long)((cmd->ops && cmd->ops->random ? cmd->ops->random(cmd->shell) : (uint64_t)k) & 0xffffff));
        vfs_stat_t ts;
        if (t && vfs_lstat(cmd->vfs, t, &ts) == -ENOENT)
            tmp = t;
    }
    if (!tmp) {
        bi_err(cmd, "couldn't open temporary file %s: File exists", name);
        r->fatal = 4;
        return;
    }
    rc = vfs_write_all(cmd->vfs, tmp, out.data ? out.data : "", out.len, st.mode & 07777);
    if (rc < 0) {
        bi_err(cmd, "couldn't open temporary file %s: %s", tmp, strerror(-rc));
        vfs_unlink(cmd->vfs, tmp);
        r->fatal = 4;
        return;
    }
    vfs_chmod(cmd->vfs, tmp, st.mode & 07777);
    if (r->o->suffix && *r->o->suffix) {
        const char *base = slash ? slash + 1 : abs;
        vbuf bk;
        vbuf_init(&bk, cmd->heap);
        if (strchr(r->o->suffix, '*')) {
            for (const char *p = r->o->suffix; *p; p++) {
                if (*p == '*')
                    vbuf_adds(&bk, base);
                else
                    vbuf_addc(&bk, *p);
            }
        } else {
            vbuf_adds(&bk, base);
            vbuf_adds(&bk, r->o->suffix);
        }
        const char *bname = vbuf_str(&bk);
        char *bpath = strchr(bname, '/') ? bi_path(cmd, bname)
                                         : mem_printf(cmd->heap, "%.*s/%s", (int)dl, abs, bname);
        if (bpath) {
            int brc = vfs_rename(cmd->vfs, abs, bpath);
            if (brc < 0) {
                bi_err(cmd, "cannot rename %s: %s", name, strerror(-brc));
                vfs_unlink(cmd->vfs, tmp);
                r->fatal = 4;
                return;
            }
        }
    }
    rc = vfs_rename(cmd->vfs, tmp, abs);
    if (rc < 0) {
        bi_err(cmd, "cannot rename %s: %s", tmp, strerror(-rc));
        vfs_unlink(cmd->vfs, tmp);
        r->fatal = 4;
    }
}

static int sed__usage_error(vb_cmd *cmd, bi_opt *o)
{
    const char *bad = o->bad;
    if (bad[0] == '-' && bad[1] == '-') {
        const char *eq = strchr(bad + 2, '=');
        size_t n = eq ? (size_t)(eq - bad - 2) : strlen(bad + 2);
        const bi_longopt *hit = NULL;
        for (const bi_longopt *l = sed_longs; l->name; l++)
            if (strncmp(l->name, bad + 2, n) == 0)
                hit = l;
        if (hit && hit->has_arg == 1 && !eq)
            bi_err(cmd, "option '--%s' requires an argument", hit->name);
        else
            bi_err(cmd, "unrecognized option '%s'", bad);
    } else {
        const char *sp = strchr("nrsuEzf:e:l:i::", bad[1]);
        if (sp && sp[1] == ':' && bad[1] != 'i')
            bi_err(cmd, "option requires an argument -- '%c'", bad[1]);
        else
            bi_err(cmd, "invalid option -- '%c'", bad[1]);
    }
    bi_flush(cmd);
    bi_errw(cmd, sed_usage, strlen(sed_usage));
    return 1;
}

int bi_sed(vb_cmd *cmd)
{
    sed_opts o;
    memset(&o, 0, sizeof o);
    o.linewrap = 70;
    vbuf srcs;
    vbuf_init(&srcs, cmd->heap);
    int nexpr = 0;
    bool have_script = false;
    bi_opt op;
    bi_opt_init(&op, cmd, "nrsuEzf:e:l:i::", sed_longs, sed_usage);
    op.quiet = true;
    op.usage_status = 1;
    int c;
    while ((c = bi_opt_next(&op)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT) {
            return bi_done(cmd, op.status);
        }
        if (c == BI_OPT_ERR)
            return sed__usage_error(cmd, &op);
        switch (c) {
        case 'n': o.quiet = true; break;
        case 'r': case 'E': o.ere = true; break;
        case 's': o.separate = true; break;
        case 'u': o.unbuffered = true; break;
        case 'z': o.nulldata = true; break;
        case SO_POSIX: o.posix = true; break;
        case SO_SANDBOX: o.sandbox = true; break;
        case SO_FOLLOW: o.follow = true; break;
        case 'i':
            o.inplace = true;
            o.separate = true;
            o.suffix = op.arg;
            break;
        case 'l': {
            int64_t v;
            if (bi_parse_i64(op.arg, &v) != 0 || v < 0) {
                bi_err(cmd, "invalid line length: %s", op.arg);
                return 1;
            }
            o.linewrap = v;
            break;
        }
        case 'e': {
            sed_src s = {.text = op.arg, .len = strlen(op.arg), .expr_no = ++nexpr};
            vbuf_add(&srcs, &s, sizeof s);
            have_script = true;
            break;
        }
        case 'f': {
            int err = 0;
            stream *st = bi_open_read(cmd, op.arg, &err);
            if (!st) {
                bi_err(cmd, "couldn't open file %s: %s", op.arg, strerror(-err));
                return 1;
            }
            char *data;
            size_t len;
            int rc = bi_slurp(cmd, st, &data, &len);
            stream_unref(st);
            if (rc < 0) {
                bi_err(cmd, "couldn't read %s: %s", op.arg, strerror(-rc));
                return 1;
            }
            if (len && data[len - 1] == '\n')
                len--;
            sed_src s = {.text = data, .len = len, .file = op.arg};
            vbuf_add(&srcs, &s, sizeof s);
            have_script = true;
            break;
        }
        default:
            break;
        }
    }
    int nops = cmd->argc - op.ind;
    char **ops = cmd->argv + op.ind;
    if (!have_script) {
        if (nops < 1) {
            bi_errw(cmd, sed_usage, strlen(sed_usage));
            return 1;
        }
        sed_src s = {.text = ops[0], .len = strlen(ops[0]), .expr_no = 1};
        vbuf_add(&srcs, &s, sizeof s);
        ops++;
        nops--;
    }
    o.rxflags = rx_locale_flags(cmd);
    sed_prog prog;
    memset(&prog, 0, sizeof prog);
    int rc = sed_compile(cmd, &o, (const sed_src *)srcs.data, (int)(srcs.len / sizeof(sed_src)), &prog);
    int status = 0;
    sed_run run;
    memset(&run, 0, sizeof run);
    if (rc != 0) {
        status = rc;
        goto out;
    }
    run.cmd = cmd;
    run.o = &o;
    run.prog = &prog;
    run.delim = o.nulldata ? '\0' : '\n';
    run.separate = o.separate;
    run.exit_code = -1;
    vbuf_init(&run.ps, cmd->heap);
    vbuf_init(&run.hs, cmd->heap);
    vbuf_init(&run.la, cmd->heap);
    vbuf_adds(&run.ps, "");
    vbuf_adds(&run.hs, "");
    run.hs_nl = true;
    char *dash[1] = {"-"};
    if (nops == 0) {
        if (o.inplace) {
            bi_err(cmd, "no input files");
            status = 4;
            goto out;
        }
        ops = dash;
        nops = 1;
    }
    run.files = ops;
    run.nfiles = nops;
    if (o.inplace) {
        for (int i = 0; i < nops && !run.quit && !run.fatal; i++)
            sed__inplace(&run, ops[i]);
    } else if (o.separate) {
        while (!run.quit && !run.fatal && sed__open_next(&run)) {
            run.lineno = 0;
            run.have_la = false;
            sed__loop(&run);
            sed__close_cur(&run);
        }
    } else {
        sed__loop(&run);
    }
    sed__close_cur(&run);
    if (run.err)
        status = run.err;
    else if (run.fatal)
        status = run.fatal;
    else if (run.exit_code >= 0)
        status = run.exit_code;
    else if (run.input_err)
        status = 2;
out:
    if (run.loc)
        freelocale(run.loc);
    for (sed_wfile *w = prog.wfiles; w; w = w->next)
        stream_unref(w->s);
    for (sed_rfile *f = prog.rfiles; f; f = f->next) {
        if (f->s) {
            bi_reader_free(&f->rd);
            stream_unref(f->s);
        }
    }
    for (int i = 0; i < prog.n; i++) {
        sed_cmd *sc = &prog.cmds[i];
        rx_free(sc->re);
        sc->re = NULL;
        if (sc->a1.kind == SA_REGEX)
            rx_free(sc->a1.re);
        if (sc->a2.kind == SA_REGEX)
            rx_free(sc->a2.re);
    }
    return bi_done(cmd, status);
}
