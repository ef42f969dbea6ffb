/*
 * sed's script compiler: text -> sed_prog (see sed_int.h). GNU sed 4.9's
 * syntax (one-liner a/i/c, 0,/re/, first~step, addr,+N, addr,~N, s flags
 * g p N i I m M e w) and its error messages with the expression number and
 * character position ("sed: -e expression #1, char 3: unknown command: `k'").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/sed_int.h"

typedef struct sp {
    vb_cmd *cmd;
    const sed_opts *o;
    sed_prog *prog;
    const sed_src *src;
    const char *t;
    size_t len, pos;
    int line;              /* -f: line number */
    int *blocks;           /* open '{' indices */
    int nblocks, capblocks;
    bool failed;
    rx *pend[2];           /* address regexes not yet attached to a command */
    bool have_re;          /* a non-empty regex was seen */
    int status;            /* exit status of the failure (1, or 4) */
    int k, nsrc;           /* the piece being read (src), of nsrc */
} sp;

static int sp__err(sp *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int sp__err(sp *p, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (p->src->file)
        bi_err(p->cmd, "file %s line %d: %s", p->src->file, p->line, msg);
    else
        bi_err(p->cmd, "-e expression #%d, char %zu: %s", p->src->expr_no, p->pos, msg);
    p->failed = true;
    return -1;
}

static int sp__peek(const sp *p) { return p->pos < p->len ? (unsigned char)p->t[p->pos] : EOF; }

static int sp__get(sp *p)
{
    if (p->pos >= p->len) {
        return EOF;
    }
    int c = (unsigned char)p->t[p->pos++];
    if (c == '\n')
        p->line++;
    return c;
}

static void sp__ws(sp *p)
{
    while (p->pos < p->len && (p->t[p->pos] == ' ' || p->t[p->pos] == '\t'))
        p->pos++;
}

static bool sp__isdigit(int c) { return c >= '0' && c <= '9'; }

static uint64_t sp__num(sp *p)
{
    uint64_t v = 0;
    while (sp__isdigit(sp__peek(p))) {
        int c = sp__get(p);
        if (v < UINT64_MAX / 10)
            v = v * 10 + (uint64_t)(c - '0');
    }
    return v;
}

/* GNU's escape at s[i] (the character after a backslash): \n \t \a \f \v
 * \r \dNNN \oNNN \xHH \cX. Returns the byte, with *used the characters
 * taken from s[i] on, or -1 when it is no such escape. */
static int sp__esc(const char *s, size_t n, size_t i, size_t *used)
{
    char c = s[i];
    *used = 1;
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'a': return '\a';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'r': return '\r';
    case 'c':
        if (i + 1 < n && s[i + 1] != '\n') {
            int v = (unsigned char)s[i + 1];
            if (v >= 'a' && v <= 'z')
                v -= 32;
            *used = 2;
            return v ^ 0x40;
        }
        return -1;
    case 'd': case 'o': case 'x': {
        int base = c == 'd' ? 10 : c == 'o' ? 8 : 16;
        int maxd = c == 'x' ? 2 : 3;
        int val = 0, nd = 0;
        size_t j = i + 1;
        while (j < n && nd < maxd) {
            int ch = (unsigned char)s[j], d;
            if (ch >= '0' && ch <= '9')
                d = ch - '0';
            else if (base == 16 && ch >= 'a' && ch <= 'f')
                d = ch - 'a' + 10;
            else if (base == 16 && ch >= 'A' && ch <= 'F')
                d = ch - 'A' + 10;
            else
                break;
            if (d >= base)
                break;
            val = val * base + d;
            nd++;
            j++;
        }
        if (nd == 0)
            return -1;
        *used = 1 + (size_t)nd;
        return val & 0xff;
    }
    default:
        return -1;
    }
}

/* Converts GNU's escapes (sp__esc) in a regex to the bytes they stand for;
 * other escapes are kept. */
static char *sp__regex_escapes(sp *p, const char *s, size_t n, size_t *outn)
{
    vbuf b;
    vbuf_init(&b, p->cmd->heap);
    vbuf_adds(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            vbuf_addc(&b, s[i]);
            continue;
        }
        size_t used;
        int v = sp__esc(s, n, i + 1, &used);
        if (v < 0) {
            vbuf_addc(&b, '\\');
            vbuf_addc(&b, s[i + 1]);
            i++;
            continue;
        }
        if (strchr(".*[]^$\\/", v) && v != 0)
            vbuf_addc(&b, '\\');
        vbuf_addc(&b, (char)v);
        i += used;
    }
    return vbuf_take(&b, outn);
}

/* Reads up to the unescaped delimiter (bracket expressions may hold it).
 * "\delim" becomes delim; "\n" stays an escape. Returns the heap text or
 * NULL at the end of the script. */
static char *sp__delimited(sp *p, int delim, bool regex, size_t *outn)
{
    vbuf b;
    vbuf_init(&b, p->cmd->heap);
    vbuf_adds(&b, "");
    for (;;) {
        int c = sp__get(p);
        if (c == EOF)
            return NULL;
        if (c == delim) {
            break;
        }
        if (c == '\\') {
            int d = sp__get(p);
            if (d == EOF)
                return NULL;
            if (d == delim) {
                vbuf_addc(&b, (char)d);
            } else if (d == '\n' && regex) {
                vbuf_adds(&b, "\\n");
            } else {
                vbuf_addc(&b, '\\');
                vbuf_addc(&b, (char)d);
            }
            continue;
        }
        if (c == '\n' && regex && !p->src->file) {
            /* a newline inside an address or s regex ends the command */
            return NULL;
        }
        if (c == '[' && regex) {
            /* copy the bracket expression whole */
            vbuf_addc(&b, '[');
            size_t save = p->pos;
            int lines = p->line;
            size_t q = p->pos;
            if (q < p->len && p->t[q] == '^')
                q++;
            if (q < p->len && p->t[q] == ']')
                q++;
            while (q < p->len && p->t[q] != ']') {
                if (p->t[q] == '[' && q + 1 < p->len && strchr(":.=", p->t[q + 1])) {
                    char k = p->t[q + 1];
                    size_t r = q + 2;
                    while (r + 1 < p->len && !(p->t[r] == k && p->t[r + 1] == ']'))
                        r++;
                    if (r + 1 >= p->len)
                        break;
                    q = r + 2;
                    continue;
                }
                if (p->t[q] == '\n')
                    break;
                q++;
            }
            if (q < p->len && p->t[q] == ']') {
                vbuf_add(&b, p->t + save, q + 1 - save);
                p->pos = q + 1;
            } else {
                p->pos = save;
                p->line = lines;
            }
            continue;
        }
        vbuf_addc(&b, (char)c);
    }
    return vbuf_take(&b, outn);
}

static sed_cmd *sp__new(sp *p)
{
    sed_prog *g = p->prog;
    if (g->n == g->cap) {
        int nc = g->cap ? g->cap * 2 : 32;
        sed_cmd *n = mem_realloc(p->cmd->heap, g->cmds, (size_t)nc * sizeof *n);
        if (!n)
            return NULL;
        g->cmds = n;
        g->cap = nc;
    }
    sed_cmd *c = &g->cmds[g->n++];
    memset(c, 0, sizeof *c);
    c->jump = -1;
    c->num = -1;
    return c;
}

static int sp__compile_re(sp *p, const char *pat, size_t n, int extra, rx **out)
{
    *out = NULL;
    if (n == 0) {
        /* the last regex used at run time; there must be one before it */
        if (!p->have_re) {
            bi_err(p->cmd, "-e expression #%d, char 0: no previous regular expression",
                   p->src->expr_no ? p->src->expr_no : 1);
            p->failed = true;
            return -1;
        }
        return 0;
    }
    p->have_re = true;
    size_t cn;
    char *conv = sp__regex_escapes(p, pat, n, &cn);
    if (!conv)
        return sp__err(p, "memory exhausted");
    int flags = (p->o->ere ? RX_ERE : RX_BRE) | p->o->rxflags | extra | (p->o->posix ? RX_POSIX : 0);
    char *err = NULL;
    int rc = rx_compile(p->cmd->heap, conv, cn, flags, out, &err);
    if (rc != 0)
        return sp__err(p, "%s", err ? err : "memory exhausted");
    if (p->cmd->ops && p->cmd->ops->regex_limit)
        rx_set_limit(*out, p->cmd->ops->regex_limit(p->cmd->shell));
    return 0;
}

/* Address regex flags I and M after the closing delimiter. */
static int sp__addr_regex(sp *p, int delim, sed_addr *a)
{
    size_t n;
    char *pat = sp__delimited(p, delim, true, &n);
    if (!pat)
        return sp__err(p, "unterminated address regex");
    int extra = 0;
    for (;;) {
        int c = sp__peek(p);
        if (c == 'I') {
            extra |= RX_ICASE;
            sp__get(p);
        } else if (c == 'M') {
            extra |= RX_MULTILINE;
            sp__get(p);
        } else {
            break;
        }
    }
    a->kind = SA_REGEX;
    return sp__compile_re(p, pat, n, extra, &a->re);
}

/* 1 = an address was read, 0 = none, -1 = error */
static int sp__addr(sp *p, sed_addr *a, bool second)
{
    int c = sp__peek(p);
    if (sp__isdigit(c)) {
        a->n1 = sp__num(p);
        a->kind = SA_LINE;
        if (sp__peek(p) == '~' && !second) {
            sp__get(p);
            a->n2 = sp__num(p);
            a->kind = SA_STEP;
        }
        return 1;
    }
    if (c == '$') {
        sp__get(p);
        a->kind = SA_LAST;
        return 1;
    }
    if (c == '/') {
        sp__get(p);
        return sp__addr_regex(p, '/', a) < 0 ? -1 : 1;
    }
    if (c == '\\') {
        sp__get(p);
        int d = sp__get(p);
        if (d == EOF || d == '\n' || d == '\\')
            return sp__err(p, "unexpected `,'");
        return sp__addr_regex(p, d, a) < 0 ? -1 : 1;
    }
    if (second && (c == '+' || c == '~')) {
        sp__get(p);
        if (!sp__isdigit(sp__peek(p)))
            return sp__err(p, "expected newer version of sed");
        a->n1 = sp__num(p);
        a->kind = c == '+' ? SA_PLUS : SA_TILDE;
        return 1;
    }
    return 0;
}

/* After a command: spaces, then end, newline, ';', '}' or '#'. */
static int sp__end(sp *p)
{
    sp__ws(p);
    int c = sp__peek(p);
    if (c == EOF || c == '}' || c == '#')
        return 0;
    if (c == '\n' || c == ';') {
        sp__get(p);
        return 0;
    }
    sp__get(p);
    return sp__err(p, "extra characters after command");
}

/* Text of a, i, c. */
static int sp__text(sp *p, sed_cmd *c)
{
    vbuf b;
    vbuf_init(&b, p->cmd->heap);
    vbuf_adds(&b, "");
    sp__ws(p);
    int ch = sp__peek(p);
    if (ch == EOF)
        return sp__err(p, "expected \\ after `a', `c' or `i'");
    bool classic = false, bs = false;
    if (ch == '\\') {
        sp__get(p);
        bs = true;
        if (sp__peek(p) == '\n') {
            sp__get(p);
            classic = true;
        } else if (sp__peek(p) == EOF) {
            classic = true;
            /* "-e 'a\' -e TEXT": the pieces join with a newline */
            if (p->k + 1 < p->nsrc && !p->src[1].file) {
                p->k++;
                p->src++;
                p->t = p->src->text;
                p->len = p->src->len;
                p->pos = 0;
                p->line = 1;
            } else {
                /* "a\" ending the script: GNU's text is empty, not even
                 * a newline */
                c->text = mem_strdup(p->cmd->heap, "");
                c->textlen = 0;
                return c->text ? 0 : sp__err(p, "memory exhausted");
            }
        }
    }
    if (!classic && p->o->posix && ch != '\\')
        return sp__err(p, "expected \\ after `a', `c' or `i'");
    if (!classic && !bs)
        sp__ws(p);
    for (;;) {
        int d = sp__get(p);
        if (d == EOF || d == '\n')
            break;
        if (d == '\\') {
            int e = sp__get(p);
            if (e == EOF)
                break;
            size_t used;
            int v = sp__esc(p->t, p->len, p->pos - 1, &used);
            if (v >= 0) {
                vbuf_addc(&b, (char)v);
                p->pos += used - 1;
            } else {
                vbuf_addc(&b, (char)e);
            }
            continue;
        }
        vbuf_addc(&b, (char)d);
    }
    vbuf_addc(&b, '\n');
    c->text = vbuf_take(&b, &c->textlen);
    return 0;
}

/* A label (':' 'b' 't' 'T'): up to a blank, newline, ';' or '}' (GNU 4.9). */
static char *sp__label(sp *p)
{
    sp__ws(p);
    size_t s = p->pos;
    while (p->pos < p->len && !strchr(" \t\n;}", p->t[p->pos]))
        p->pos++;
    return mem_strndup(p->cmd->heap, p->t + s, p->pos - s);
}

/* A file name: the rest of the line. */
static char *sp__filename(sp *p)
{
    sp__ws(p);
    size_t s = p->pos;
    while (p->pos < p->len && p->t[p->pos] != '\n')
        p->pos++;
    char *r = mem_strndup(p->cmd->heap, p->t + s, p->pos - s);
    if (p->pos < p->len)
        sp__get(p);
    return r;
}

static sed_wfile *sp__wfile(sp *p, const char *name)
{
    for (sed_wfile *w = p->prog->wfiles; w; w = w->next)
        if (strcmp(w->name, name) == 0)
            return w;
    sed_wfile *w = mem_calloc(p->cmd->heap, 1, sizeof *w);
    if (!w)
        return NULL;
    w->name = name;
    if (strcmp(name, "/dev/stdout") == 0) {
        w->to_stdout = true;
    } else if (strcmp(name, "/dev/stderr") == 0) {
        w->to_stderr = true;
    } else {
        int err = 0;
        w->s = bi_open_write(p->cmd, name, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!w->s) {
            bi_err(p->cmd, "couldn't open file %s: %s", name, strerror(-err));
            p->failed = true;
            return NULL;
        }
    }
    w->next = p->prog->wfiles;
    p->prog->wfiles = w;
    return w;
}

static sed_rfile *sp__rfile(sp *p, const char *name)
{
    for (sed_rfile *r = p->prog->rfiles; r; r = r->next)
        if (strcmp(r->name, name) == 0)
            return r;
    sed_rfile *r = mem_calloc(p->cmd->heap, 1, sizeof *r);
    if (!r)
        return NULL;
    r->name = name;
    r->next = p->prog->rfiles;
    p->prog->rfiles = r;
    return r;
}

static int sp__utf8_len(const unsigned char *s, size_t n)
{
    if (s[0] < 0xc2 || s[0] > 0xf4)
        return 1;
    int k = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
    if ((size_t)k > n)
        return 1;
    for (int i = 1; i < k; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 1;
    return k;
}

/* y/src/dst/ */
static int sp__y(sp *p, sed_cmd *c)
{
    int delim = sp__get(p);
    if (delim == EOF || delim == '\n' || delim == '\\')
        return sp__err(p, "unterminated `y' command");
    char *parts[2];
    size_t lens[2];
    for (int k = 0; k < 2; k++) {
        vbuf b;
        vbuf_init(&b, p->cmd->heap);
        vbuf_adds(&b, "");
        for (;;) {
            int ch = sp__get(p);
            if (ch == EOF)
                return sp__err(p, "unterminated `y' command");
            if (ch == delim)
                break;
            if (ch == '\\') {
                int d = sp__get(p);
                if (d == EOF)
                    return sp__err(p, "unterminated `y' command");
                if (d == 'n')
                    vbuf_addc(&b, '\n');
                else if (d == '\\')
                    vbuf_addc(&b, '\\');
                else if (d == delim)
                    vbuf_addc(&b, (char)d);
                else if (d == '\n')
                    vbuf_addc(&b, '\n');
                else if (d == 't')
                    vbuf_addc(&b, '\t');
                else {
                    vbuf_addc(&b, '\\');
                    vbuf_addc(&b, (char)d);
                }
                continue;
            }
            vbuf_addc(&b, (char)ch);
        }
        parts[k] = vbuf_take(&b, &lens[k]);
    }
    /* split into characters */
    bool utf = (p->o->rxflags & RX_UTF) != 0;
    uint32_t *from = mem_calloc(p->cmd->heap, lens[0] + 1, sizeof(uint32_t));
    uint32_t *to = mem_calloc(p->cmd->heap, lens[1] + 1, sizeof(uint32_t));
    if (!from || !to)
        return sp__err(p, "memory exhausted");
    size_t nf = 0, nt = 0;
    bool bytes = true;
    for (int k = 0; k < 2; k++) {
        const unsigned char *s = (const unsigned char *)parts[k];
        size_t n = lens[k], i = 0;
        uint32_t *dst = k ? to : from;
        size_t *cnt = k ? &nt : &nf;
        while (i < n) {
            int l = utf ? sp__utf8_len(s + i, n - i) : 1;
            uint32_t v = 0;
            for (int j = 0; j < l; j++)
                v = (v << 8) | s[i + j];
            if (l > 1)
                bytes = false;
            dst[(*cnt)++] = v;
            i += (size_t)l;
        }
    }
    if (nf != nt)
        return sp__err(p, "strings for `y' command are different lengths");
    c->yfrom = from;
    c->yto = to;
    c->ylen = nf;
    c->ybytes = bytes;
    for (int i = 0; i < 256; i++)
        c->ymap[i] = (unsigned char)i;
    if (bytes) {
        /* the first mapping of a character wins, as GNU */
        bool seen[256] = {0};
        for (size_t i = 0; i < nf; i++) {
            if (!seen[from[i]]) {
                c->ymap[from[i]] = (unsigned char)to[i];
                seen[from[i]] = true;
            }
        }
    }
    return 0;
}

/* s/re/repl/flags */
static int sp__s(sp *p, sed_cmd *c)
{
    int delim = sp__get(p);
    if (delim == EOF || delim == '\n' || delim == '\\')
        return sp__err(p, "unterminated `s' command");
    size_t pn;
    char *pat = sp__delimited(p, delim, true, &pn);
    if (!pat)
        return sp__err(p, "unterminated `s' command");
    /* replacement */
    vbuf parts;
    vbuf_init(&parts, p->cmd->heap);
    vbuf lit;
    vbuf_init(&lit, p->cmd->heap);
    int maxref = 0;
#define SP_FLUSH_LIT()                                                          \
    do {                                                                        \
        if (lit.len) {                                                          \
            sed_rpart rp = {.kind = SR_LIT, .s = vbuf_take(&lit, &rp.n)};       \
            vbuf_add(&parts, &rp, sizeof rp);                                   \
        }                                                                       \
    } while (0)
    for (;;) {
        int ch = sp__get(p);
        if (ch == EOF)
            return sp__err(p, "unterminated `s' command");
        if (ch == delim)
            break;
        if (ch == '&') {
            SP_FLUSH_LIT();
            sed_rpart rp = {.kind = SR_GROUP, .group = 0};
            vbuf_add(&parts, &rp, sizeof rp);
            continue;
        }
        if (ch == '\\') {
            int d = sp__get(p);
            if (d == EOF)
                return sp__err(p, "unterminated `s' command");
            if (d >= '0' && d <= '9') {
                SP_FLUSH_LIT();
                sed_rpart rp = {.kind = SR_GROUP, .group = d - '0'};
                vbuf_add(&parts, &rp, sizeof rp);
                if (d - '0' > maxref)
                    maxref = d - '0';
                continue;
            }
            int cv = d == 'L' ? SC_LOWER : d == 'U' ? SC_UPPER : d == 'l' ? SC_LOWER1
                   : d == 'u' ? SC_UPPER1 : d == 'E' ? SC_END : SC_NONE;
            if (cv != SC_NONE && !p->o->posix) {
                SP_FLUSH_LIT();
                sed_rpart rp = {.kind = SR_CASE, .casev = cv};
                vbuf_add(&parts, &rp, sizeof rp);
                continue;
            }
            if (d == delim) {
                vbuf_addc(&lit, (char)d);
                continue;
            }
            size_t used;
            int v = sp__esc(p->t, p->len, p->pos - 1, &used);
            if (v >= 0) {
                vbuf_addc(&lit, (char)v);
                p->pos += used - 1;
            } else {
                vbuf_addc(&lit, (char)d);
            }
            continue;
        }
        vbuf_addc(&lit, (char)ch);
    }
    SP_FLUSH_LIT();
#undef SP_FLUSH_LIT
    c->rp = (sed_rpart *)parts.data;
    c->nrp = (int)(parts.len / sizeof(sed_rpart));
    c->maxref = maxref;
    /* flags */
    int extra = 0;
    for (;;) {
        int ch = sp__peek(p);
        if (ch == 'g') {
            sp__get(p);
            if (c->gflag)
                return sp__err(p, "multiple `g' options to `s' command");
            c->gflag = true;
        } else if (ch == 'p') {
            sp__get(p);
            if (c->pflag)
                return sp__err(p, "multiple `p' options to `s' command");
            c->pflag = true;
        } else if (sp__isdigit(ch)) {
            if (c->nth)
                return sp__err(p, "multiple number options to `s' command");
            uint64_t v = sp__num(p);
            if (v == 0)
                return sp__err(p, "number option to `s' command may not be zero");
            c->nth = v;
        } else if (ch == 'i' || ch == 'I') {
            sp__get(p);
            extra |= RX_ICASE;
        } else if (ch == 'm' || ch == 'M') {
            sp__get(p);
            extra |= RX_MULTILINE;
        } else if (ch == 'e') {
            sp__get(p);
            if (p->o->sandbox)
                return sp__err(p, "e/r/w commands disabled in sandbox mode");
            c->eflag = true;
        } else if (ch == 'w') {
            sp__get(p);
            if (p->o->sandbox)
                return sp__err(p, "e/r/w commands disabled in sandbox mode");
            char *fn = sp__filename(p);
            if (!fn || !*fn)
                return sp__err(p, "missing filename in r/R/w/W commands");
            c->wf = sp__wfile(p, fn);
            if (!c->wf)
                return -1;
            if (sp__compile_re(p, pat, pn, extra, &c->re) < 0)
                return -1;
            if (c->re && maxref > rx_groups(c->re))
                return sp__err(p, "invalid reference \\%d on `s' command's RHS", maxref);
            return 1;   /* the file name took the rest of the line */
        } else if (ch == EOF || ch == '\n' || ch == ';' || ch == ' ' || ch == '\t' || ch == '}' || ch == '#') {
            break;
        } else {
            sp__get(p);
            return sp__err(p, "unknown option to `s'");
        }
    }
    if (sp__compile_re(p, pat, pn, extra, &c->re) < 0)
        return -1;
    if (c->re && maxref > rx_groups(c->re))
        return sp__err(p, "invalid reference \\%d on `s' command's RHS", maxref);
    return 0;
}

static int sp__command(sp *p)
{
    sed_addr a1 = {0}, a2 = {0};
    p->pend[0] = p->pend[1] = NULL;
    int r = sp__addr(p, &a1, false);
    p->pend[0] = a1.re;
    if (r < 0)
        return -1;
    if (r > 0) {
        sp__ws(p);
        if (sp__peek(p) == ',') {
            sp__get(p);
            sp__ws(p);
            int r2 = sp__addr(p, &a2, true);
            p->pend[1] = a2.re;
            if (r2 < 0)
                return -1;
            if (r2 == 0) {
                sp__get(p);
                return sp__err(p, "unexpected `,'");
            }
        }
    }
    sp__ws(p);
    bool negate = false;
    while (sp__peek(p) == '!') {
        sp__get(p);
        if (negate)
            return sp__err(p, "multiple `!'s");
        negate = true;
        sp__ws(p);
    }
    int ch = sp__get(p);
    if (ch == EOF || ch == '\n' || ch == ';') {
        if (r > 0 || negate)
            return sp__err(p, "missing command");
        return 0;
    }
    if (a1.kind == SA_LINE && a1.n1 == 0 && r > 0) {
        if (a2.kind != SA_REGEX)
            return sp__err(p, "invalid usage of line address 0");
        a1.kind = SA_ZERO;
    }
    bool addr = r > 0;
    bool two = a2.kind != SA_NONE;
    if (ch == '}') {
        if (addr || negate)
            return sp__err(p, "unexpected `}'");
        if (p->nblocks == 0)
            return sp__err(p, "unexpected `}'");
        sed_cmd *c = sp__new(p);
        if (!c)
            return sp__err(p, "memory exhausted");
        c->cmd = '}';
        int open = p->blocks[--p->nblocks];
        p->prog->cmds[open].jump = p->prog->n - 1;
        return sp__end(p);
    }
    if (ch == '#') {
        if (addr)
            return sp__err(p, "comments don't accept any addresses");
        while (p->pos < p->len && p->t[p->pos] != '\n')
            p->pos++;
        return 0;
    }
    if (p->o->sandbox && strchr("erRwW", ch))
        return sp__err(p, "e/r/w commands disabled in sandbox mode");
    sed_cmd *c = sp__new(p);
    if (!c)
        return sp__err(p, "memory exhausted");
    c->a1 = a1;
    c->a2 = a2;
    p->pend[0] = p->pend[1] = NULL;
    c->negate = negate;
    c->cmd = (char)ch;
    switch (ch) {
    case '{':
        if (p->nblocks == p->capblocks) {
            int nc = p->capblocks ? p->capblocks * 2 : 16;
            int *nb = mem_realloc(p->cmd->heap, p->blocks, (size_t)nc * sizeof(int));
            if (!nb)
                return sp__err(p, "memory exhausted");
            p->blocks = nb;
            p->capblocks = nc;
        }
        p->blocks[p->nblocks++] = p->prog->n - 1;
        return 0;
    case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n':
    case 'N': case 'p': case 'P': case 'x': case 'z': case 'F':
        return sp__end(p);
    case 'a': case 'i': case 'c':
        if (p->o->posix && two && ch != 'c')
            return sp__err(p, "command only uses one address");
        return sp__text(p, c);
    case ':': {
        if (addr)
            return sp__err(p, ": doesn't want any addresses");
        char *l = sp__label(p);
        if (!l || !*l)
            return sp__err(p, "\":\" lacks a label");
        c->text = l;
        return sp__end(p);
    }
    case 'b': case 't': case 'T':
        c->text = sp__label(p);
        return c->text ? sp__end(p) : sp__err(p, "memory exhausted");
    case 'r': case 'R': case 'w': case 'W': {
        char *fn = sp__filename(p);
        if (!fn || !*fn)
            return sp__err(p, "missing filename in r/R/w/W commands");
        c->text = fn;
        if (ch == 'w' || ch == 'W') {
            c->wf = sp__wfile(p, fn);
            if (!c->wf)
                return -1;
        } else if (ch == 'R') {
            c->rf = sp__rfile(p, fn);
        }
        return 0;
    }
    case 'q': case 'Q': case 'l':
        if ((ch == 'q' || ch == 'Q') && two)
            return sp__err(p, "command only uses one address");
        sp__ws(p);
        if (sp__isdigit(sp__peek(p))) {
            c->num = (int64_t)sp__num(p);
            c->hasnum = true;
        }
        return sp__end(p);
    case 's': {
        int rs = sp__s(p, c);
        if (rs < 0)
            return -1;
        return rs == 1 ? 0 : sp__end(p);
    }
    case 'y':
        if (sp__y(p, c) < 0)
            return -1;
        return sp__end(p);
    case 'e': {
        sp__ws(p);
        size_t s = p->pos;
        while (p->pos < p->len && p->t[p->pos] != '\n')
            p->pos++;
        c->text = mem_strndup(p->cmd->heap, p->t + s, p->pos - s);
        if (p->pos < p->len)
            sp__get(p);
        return 0;
    }
    case 'v':
        sp__label(p);
        p->prog->n--;
        return sp__end(p);
    default:
        return sp__err(p, "unknown command: `%c'", ch);
    }
}

int sed_compile(vb_cmd *cmd, const sed_opts *o, const sed_src *src, int nsrc, sed_prog *prog)
{
    sp ps;
    memset(&ps, 0, sizeof ps);
    ps.cmd = cmd;
    ps.o = o;
    ps.prog = prog;
    ps.nsrc = nsrc;
    for (int k = 0; k < nsrc; k = ps.k + 1) {
        ps.k = k;
        ps.src = &src[k];
        ps.t = src[k].text;
        ps.len = src[k].len;
        ps.pos = 0;
        ps.line = 1;
        if (k == 0 && ps.len >= 2 && ps.t[0] == '#' && ps.t[1] == 'n' && (ps.len == 2 || ps.t[2] == '\n'))
            prog->hash_n = true;
        for (;;) {
            while (ps.pos < ps.len && strchr(" \t\n;", ps.t[ps.pos]))
                sp__get(&ps);
            if (ps.pos >= ps.len)
                break;
            if (sp__command(&ps) < 0 || ps.failed) {
                rx_free(ps.pend[0]);
                rx_free(ps.pend[1]);
                return ps.status ? ps.status : 1;
            }
        }
    }
    if (ps.nblocks > 0) {
        ps.pos = 0;
        ps.src = &src[0];
        bi_err(cmd, "-e expression #1, char 0: unmatched `{'");
        return 1;
    }
    /* resolve labels */
    for (int i = 0; i < prog->n; i++) {
        sed_cmd *c = &prog->cmds[i];
        if (c->cmd != 'b' && c->cmd != 't' && c->cmd != 'T')
            continue;
        if (!c->text || !*c->text) {
            c->jump = prog->n;
            continue;
        }
        int j;
        for (j = 0; j < prog->n; j++)
            if (prog->cmds[j].cmd == ':' && strcmp(prog->cmds[j].text, c->text) == 0)
                break;
        if (j == prog->n) {
            bi_err(cmd, "can't find label for jump to `%s'", c->text);
            return 4;
        }
        c->jump = j;
    }
    return 0;
}
