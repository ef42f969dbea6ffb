/*
 * The bash lexer: characters across input layers, tokens, and words with
 * their quoting structure (every quoting form, every $ expansion, here-docs).
 * See interp/lexer.h for the model and docs/parser.md for the rules.
 */
#include "interp/lexer.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ================================================================ layers */

int lx_peek_layers(parser *p, size_t k)
{
    for (int i = p->nlayers - 1; i >= 0; i--) {
        lx_layer *L = &p->layers[i];
        size_t avail = L->limit - L->pos;
        if (k < avail)
            return (unsigned char)L->s[L->pos + k];
        if (L->barrier || L->limit < L->len)
            return -1;
        k -= avail;
    }
    return -1;
}

void lx_adv_slow(parser *p)
{
    while (p->nlayers > 1) {
        lx_layer *L = &p->layers[p->nlayers - 1];
        if (L->pos < L->limit || L->barrier || L->limit < L->len)
            break;
        if (L->blank_end)
            p->alias_next = true;
        p->nlayers--;
    }
    lx_layer *L = &p->layers[p->nlayers - 1];
    if (L->pos >= L->limit)
        return;
    char c = L->s[L->pos++];
    if (c == '\n' && L->lines)
        p->line++;
    if (p->rec_depth > 0)
        vbuf_addc(&p->rec, c);
}

bool lx_push(parser *p, const char *s, size_t len, bool barrier, char *alias)
{
    if (p->nlayers == p->caplayers) {
        int nc = p->caplayers ? p->caplayers * 2 : 8;
        lx_layer *nl = mem_realloc(p->h, p->layers, (size_t)nc * sizeof *nl);
        if (!nl) {
            ps_error(p, p->line, "out of memory", false);
            return false;
        }
        p->layers = nl;
        p->caplayers = nc;
    }
    p->layers[p->nlayers++] = (lx_layer){ .s = s, .len = len, .limit = len,
                                          .barrier = barrier, .alias = alias };
    return true;
}

bool lx_alias_active(const parser *p, const char *name)
{
    for (int i = 0; i < p->nlayers; i++)
        if (p->layers[i].alias && strcmp(p->layers[i].alias, name) == 0)
            return true;
    return false;
}

size_t lx_rec_begin(parser *p)
{
    if (p->rec_depth++ == 0)
        vbuf_clear(&p->rec);
    return p->rec.len;
}

char *lx_rec_end(parser *p, size_t mark)
{
    size_t n = p->rec.len - mark;
    /* Nested recordings copy the same text again at every level: a deep
     * nest of big $( ) would cost depth x size. Past a budget linear in the
     * input, the copies of long texts are cut (they only serve messages). */
    if (n > 256 && p->rec_budget < n)
        n = 256;
    p->rec_budget = p->rec_budget > n ? p->rec_budget - n : 0;
    char *s = ps_strndup(p, p->rec.data ? p->rec.data + mark : "", n);
    p->rec_depth--;
    return s;
}

/* ================================================================ arena */

/* Blocks start small (an eval of one word parses into a few hundred bytes)
 * and double up to PS_AR_MAX; a request larger than a quarter block gets its
 * own block. */
#define PS_AR_MIN 1024u
#define PS_AR_MAX (128u << 10)
/* A big tree (a long script: 16 bytes of tree per byte of text) goes on in
 * one block sized for the rest of the text (16 bytes a byte, 4 to 64 MiB),
 * advised for transparent huge pages: a page fault per 2 MiB instead of
 * one per 4 KiB, and faults were most of the parse time on this virtual
 * machine. Only past 2 MiB of tree (small parses keep small blocks), not
 * for a small rest, and not near the heap's cap. */
#define PS_AR_BULK_AFTER (2u << 20)
#define PS_AR_BULK_MIN (4u << 20)
#define PS_AR_BULK_MAX (64u << 20)
#define PS_AR_PER_BYTE 16u

/* The size of a bulk block for a request of need bytes, or 0. */
static size_t ps__bulk_size(parser *p, size_t need)
{
    if (p->ar_total < PS_AR_BULK_AFTER)
        return 0;
    const lx_layer *L = &p->layers[0];
    size_t left = L->len > L->pos ? L->len - L->pos : 0;
    size_t want = left > PS_AR_BULK_MAX / PS_AR_PER_BYTE ? PS_AR_BULK_MAX : left * PS_AR_PER_BYTE;
    const size_t huge = (size_t)2 << 20;
    want = (want + need + huge - 1) & ~(huge - 1);
    if (want < PS_AR_BULK_MIN)
        return 0;
    if (want > PS_AR_BULK_MAX)
        want = PS_AR_BULK_MAX;
    size_t cap = mem_heap_cap(p->h), used = mem_heap_used(p->h);
    if (cap && (used >= cap || cap - used < 2 * want))
        return 0;
    return want;
}

static void *ps__ar_raw(parser *p, size_t n, size_t align)
{
    uintptr_t at = ((uintptr_t)p->ar_next + (align - 1)) & ~(uintptr_t)(align - 1);
    if (p->ar_next && at <= (uintptr_t)p->ar_end && (uintptr_t)p->ar_end - at >= n) {
        p->ar_next = (char *)at + n;
        return (void *)at;
    }
    if (n > PS_AR_MAX / 4) {
        void *big = mem_alloc(p->h, n ? n : 1);
        if (!big)
            ps_error(p, p->line, "out of memory", false);
        return big;
    }
    size_t bs = ps__bulk_size(p, n + align);
    bool bulk = bs != 0;
    if (!bulk) {
        bs = p->ar_block ? p->ar_block : PS_AR_MIN;
        while (bs < n + align)
            bs *= 2;
    }
    char *b = mem_alloc(p->h, bs);
    if (!b) {
        ps_error(p, p->line, "out of memory", false);
        return NULL;
    }
    p->ar_total += bs;
    if (bulk)
        mem_advise_bulk(b, bs);
    else
        p->ar_block = bs * 2 > PS_AR_MAX ? PS_AR_MAX : bs * 2;
    p->ar_end = b + bs;
    at = ((uintptr_t)b + (align - 1)) & ~(uintptr_t)(align - 1);
    p->ar_next = (char *)at + n;
    return (void *)at;
}

void *ps_alloc(parser *p, size_t n)
{
    void *q = ps__ar_raw(p, n, 8);
    if (q)
        memset(q, 0, n);
    return q;
}

char *ps_strndup(parser *p, const char *s, size_t n)
{
    char *q = ps__ar_raw(p, n + 1, 1);
    if (!q)
        return NULL;
    if (n)
        memcpy(q, s, n);
    q[n] = '\0';
    return q;
}

char *ps_strdup(parser *p, const char *s) { return ps_strndup(p, s, strlen(s)); }

void *ps_copy(parser *p, const void *src, size_t n)
{
    void *q = ps__ar_raw(p, n, 8);
    if (q)
        memcpy(q, src, n);
    return q;
}

void *ps_seal(parser *p, void *tmp, size_t n)
{
    void *q = NULL;
    if (n && tmp) {
        q = ps__ar_raw(p, n, 8);
        if (q)
            memcpy(q, tmp, n);
    }
    mem_free(p->h, tmp);
    return q;
}

/* ================================================================ helpers */

/* vbuf_take that always gives a NUL-terminated string ("" when empty). */
char *lx_take_str(parser *p, vbuf *b, size_t *len)
{
    size_t n = b->len;
    char *s = ps_strndup(p, b->data ? b->data : "", n); /* exact size */
    vbuf_free(b);
    if (len)
        *len = n;
    if (!s)
        ps_error(p, p->line, "out of memory", false);
    return s;
}

bool lx_is_blank(int c) { return c == ' ' || c == '\t'; }
bool lx_is_meta(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' ||
           c == '<' || c == '>' || c == '(' || c == ')';
}
bool lx_is_name_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool lx_is_name_char(int c) { return lx_is_name_start(c) || (c >= '0' && c <= '9'); }
bool lx_is_digit(int c) { return c >= '0' && c <= '9'; }

bool lx_is_name(const char *s, size_t n)
{
    if (n == 0 || !lx_is_name_start((unsigned char)s[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!lx_is_name_char((unsigned char)s[i]))
            return false;
    return true;
}

bool lx_depth_enter(parser *p)
{
    if (++p->depth > p->max_depth) {
        if (!p->failed) {
            char msg[96];
            snprintf(msg, sizeof msg, "syntax error: nesting too deep (limit %d)", p->max_depth);
            ps_error(p, p->line, msg, false);
            p->err.depth_limit = true;
        }
        return false;
    }
    return true;
}

/* ================================================================ here-documents */

/* Quote removal of a delimiter word as written; *quoted: any quoting. */
static char *heredoc_delim(parser *p, const char *s, bool *quoted)
{
    vbuf o;
    vbuf_init(&o, p->h);
    *quoted = false;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (c == '\\' && s[i + 1]) {
            *quoted = true;
            vbuf_addc(&o, s[++i]);
        } else if (c == '\'') {
            *quoted = true;
            for (i++; s[i] && s[i] != '\''; i++)
                vbuf_addc(&o, s[i]);
            if (!s[i])
                break;
        } else if (c == '"') {
            *quoted = true;
            for (i++; s[i] && s[i] != '"'; i++) {
                if (s[i] == '\\' && s[i + 1] && strchr("$`\"\\", s[i + 1]))
                    i++;
                vbuf_addc(&o, s[i]);
            }
            if (!s[i])
                break;
        } else if (c == '$' && (s[i + 1] == '\'' || s[i + 1] == '"')) {
            *quoted = true;
        } else {
            vbuf_addc(&o, c);
        }
    }
    return lx_take_str(p, &o, NULL);
}

bool lx_add_heredoc(parser *p, ast_redir *r, const ast_word *w)
{
    bool quoted;
    char *d = heredoc_delim(p, w->src ? w->src : "", &quoted);
    if (!d) {
        ps_error(p, p->line, "out of memory", false);
        return false;
    }
    r->heredoc_quoted = quoted;
    r->heredoc_word = w->src;
    r->heredoc_end = d;
    if (p->nhd == p->caphd) {
        size_t nc = p->caphd ? p->caphd * 2 : 4;
        lx_heredoc *nh = mem_realloc(p->h, p->hd, nc * sizeof *nh);
        if (!nh) {
            ps_error(p, p->line, "out of memory", false);
            return false;
        }
        p->hd = nh;
        p->caphd = nc;
    }
    p->hd[p->nhd++] = (lx_heredoc){ .r = r, .delim = d, .dlen = strlen(d), .line = r->line };
    return true;
}

static void heredoc_one(parser *p, lx_heredoc *h)
{
    vbuf body, ln;
    vbuf_init(&body, p->h);
    vbuf_init(&ln, p->h);
    bool found = false;
    /* bash's numbers lag one line behind the body's first line */
    int last_line = p->line - 1;
    h->line = p->line - 1;
    while (lx_peek(p, 0) >= 0) {
        vbuf_clear(&ln);
        int c;
        last_line = p->line;
        if (h->r->heredoc_strip)
            while (lx_peek(p, 0) == '\t')
                lx_adv(p);
        while ((c = lx_peek(p, 0)) >= 0 && c != '\n') {
            vbuf_addc(&ln, (char)c);
            lx_adv(p);
        }
        bool nl = c == '\n';
        if (nl)
            lx_adv(p);
        if (ln.len == h->dlen && memcmp(ln.data ? ln.data : "", h->delim, h->dlen) == 0) {
            found = true;
            break;
        }
        if (ln.len)
            vbuf_add(&body, ln.data, ln.len);
        if (nl)
            vbuf_addc(&body, '\n');
    }
    vbuf_free(&ln);
    if (!found) {
        int wl = last_line;
        if (p->opts.warn) {
            char *msg = mem_printf(p->h,
                "warning: here-document at line %d delimited by end-of-file (wanted `%s')",
                h->line, h->delim);
            if (msg) {
                p->opts.warn(p->opts.warn_ctx, wl, msg);
                mem_free(p->h, msg);
            }
        }
    }
    size_t len;
    char *text = lx_take_str(p, &body, &len);
    if (!text) {
        ps_error(p, p->line, "out of memory", false);
        return;
    }
    if (h->r->heredoc_quoted || len == 0) {
        ast_word *w = ps_alloc(p, sizeof *w);
        ast_part *pt = ps_alloc(p, sizeof *pt);
        if (!w || !pt) {
            ps_error(p, p->line, "out of memory", false);
            return;
        }
        pt->kind = AP_SQ;
        pt->text = text;
        pt->len = len;
        w->parts = pt;
        w->nparts = len ? 1 : 0;
        w->src = text;
        w->line = h->line;
        h->r->target = w;
        return;
    }
    /* unquoted: $ expansions, backquotes, \$ \` \\ \newline */
    int nl = p->nlayers;
    if (!lx_push(p, text, len, true, NULL))
        return;
    /* the raw body was recorded already: a fresh recorder for what is inside */
    vbuf save_rec = p->rec;
    int save_depth = p->rec_depth;
    vbuf_init(&p->rec, p->h);
    p->rec_depth = 0;
    ast_word *w = lx_heredoc_word(p, h->line, text);
    vbuf_free(&p->rec);
    p->rec = save_rec;
    p->rec_depth = save_depth;
    p->nlayers = nl;
    if (!w)
        return;
    h->r->target = w;
}

void lx_read_heredocs(parser *p)
{
    /* bodies may themselves hold $( ) with here-docs: take the list first */
    while (p->nhd > 0 && !p->failed) {
        lx_heredoc *list = p->hd;
        size_t n = p->nhd;
        p->hd = NULL;
        p->nhd = p->caphd = 0;
        for (size_t i = 0; i < n && !p->failed; i++)
            heredoc_one(p, &list[i]);
        mem_free(p->h, list);
    }
}

/* ================================================================ tokens */

static void skip_blanks(parser *p)
{
    for (;;) {
        int c = lx_peek(p, 0);
        if (lx_is_blank(c)) {
            lx_adv(p);
        } else if (c == '\\' && lx_peek(p, 1) == '\n') {
            lx_adv(p);
            lx_adv(p);
        } else if (c == '#') {
            while ((c = lx_peek(p, 0)) >= 0 && c != '\n')
                lx_adv(p);
        } else {
            return;
        }
    }
}

static void op(parser *p, lx_tok *t, lx_tok_kind k, const char *text, int n)
{
    for (int i = 0; i < n; i++)
        lx_adv(p);
    t->kind = k;
    t->text = (char *)text;
}

static void redir_op(parser *p, lx_tok *t)
{
    int c = lx_peek(p, 0), d = lx_peek(p, 1), e = lx_peek(p, 2);
    t->kind = T_REDIR;
    if (c == '<') {
        if (d == '<' && e == '<') { op(p, t, T_REDIR, "<<<", 3); t->op = R_HERESTRING; }
        else if (d == '<' && e == '-') { op(p, t, T_REDIR, "<<-", 3); t->op = R_HEREDOC; t->strip = true; }
        else if (d == '<') { op(p, t, T_REDIR, "<<", 2); t->op = R_HEREDOC; }
        else if (d == '&') { op(p, t, T_REDIR, "<&", 2); t->op = R_DUP_IN; }
        else if (d == '>') { op(p, t, T_REDIR, "<>", 2); t->op = R_INOUT; }
        else { op(p, t, T_REDIR, "<", 1); t->op = R_IN; }
    } else {
        if (d == '>') { op(p, t, T_REDIR, ">>", 2); t->op = R_APPEND; }
        else if (d == '&') { op(p, t, T_REDIR, ">&", 2); t->op = R_DUP_OUT; }
        else if (d == '|') { op(p, t, T_REDIR, ">|", 2); t->op = R_CLOBBER; }
        else { op(p, t, T_REDIR, ">", 1); t->op = R_OUT; }
    }
}

static void lx_next(parser *p, lx_tok *t)
{
    memset(t, 0, sizeof *t);
    t->fd = -1;
    if (p->failed) {
        t->kind = T_EOF;
        return;
    }
    skip_blanks(p);
    t->line = p->line;
    int c = lx_peek(p, 0);
    int d = lx_peek(p, 1);
    if (c < 0) {
        bool barrier = false;
        for (int i = 0; i < p->nlayers; i++)
            barrier |= p->layers[i].barrier;
        if (!barrier && !p->ends_nl && !p->eof_nl) {
            /* like bash, the last line ends with a newline even if the
             * text does not */
            p->eof_nl = true;
            t->kind = T_NEWLINE;
            t->text = "newline";
            p->line++;
        } else {
            t->kind = T_EOF;
            t->text = "end of file";
        }
        if (p->nhd)
            lx_read_heredocs(p);
        return;
    }
    if (c == '\n') {
        op(p, t, T_NEWLINE, "newline", 1);
        if (p->nhd)
            lx_read_heredocs(p);
        return;
    }
    if ((p->ctx & LX_REGEX) && (c == '(' || c == '|' || c == '<' || c == '>'))
        goto word;
    if (p->ctx & LX_COND) {
        if (c == '<' || c == '>') {
            if (c == '<' && d == '(') {
                /* process substitution inside [[ ]]: a word */
            } else {
                op(p, t, T_REDIR, c == '<' ? "<" : ">", 1);
                t->op = c == '<' ? R_IN : R_OUT;
                return;
            }
        }
    }
    switch (c) {
    case ';':
        if (d == ';' && lx_peek(p, 2) == '&') op(p, t, T_DSEMI_AMP, ";;&", 3);
        else if (d == ';') op(p, t, T_DSEMI, ";;", 2);
        else if (d == '&') op(p, t, T_SEMI_AMP, ";&", 2);
        else op(p, t, T_SEMI, ";", 1);
        return;
    case '&':
        if (d == '&') op(p, t, T_AND_AND, "&&", 2);
        else if (d == '>' && lx_peek(p, 2) == '>') { op(p, t, T_REDIR, "&>>", 3); t->op = R_APPEND_ERR; }
        else if (d == '>') { op(p, t, T_REDIR, "&>", 2); t->op = R_OUT_ERR; }
        else op(p, t, T_AMP, "&", 1);
        return;
    case '|':
        if (d == '|') op(p, t, T_OR_OR, "||", 2);
        else if (d == '&') op(p, t, T_PIPE_AMP, "|&", 2);
        else op(p, t, T_PIPE, "|", 1);
        return;
    case '(':
        op(p, t, T_LPAREN, "(", 1);
        return;
    case ')':
        op(p, t, T_RPAREN, ")", 1);
        return;
    case '<':
    case '>':
        if (d == '(')
            break; /* process substitution: a word */
        redir_op(p, t);
        return;
    default:
        break;
    }
    if (!(p->ctx & LX_COND)) {
        /* N> and {var}> */
        if (lx_is_digit(c)) {
            size_t k = 0;
            while (lx_is_digit(lx_peek(p, k)))
                k++;
            int e = lx_peek(p, k);
            if ((e == '<' || e == '>') && lx_peek(p, k + 1) != '(') {
                long v = 0;
                for (size_t i = 0; i < k; i++) {
                    if (v < INT_MAX / 10)
                        v = v * 10 + (lx_peek(p, 0) - '0');
                    else
                        v = INT_MAX;
                    lx_adv(p);
                }
                redir_op(p, t);
                t->fd = (int)v;
                return;
            }
        } else if (c == '{' && lx_is_name_start(d)) {
            size_t k = 1;
            while (lx_is_name_char(lx_peek(p, k)))
                k++;
            if (lx_peek(p, k) == '}') {
                int e = lx_peek(p, k + 1);
                if ((e == '<' || e == '>') && lx_peek(p, k + 2) != '(') {
                    vbuf nb;
                    vbuf_init(&nb, p->h);
                    lx_adv(p);
                    for (size_t i = 1; i < k; i++) {
                        vbuf_addc(&nb, (char)lx_peek(p, 0));
                        lx_adv(p);
                    }
                    lx_adv(p);
                    t->fd_var = lx_take_str(p, &nb, NULL);
                    redir_op(p, t);
                    return;
                }
            }
        }
    }
word:;
    ast_assign *as = NULL;
    ast_word *w = lx_word(p, (p->ctx & LX_REGEX) != 0, p->ctx, &as);
    if (!w) {
        t->kind = T_EOF;
        return;
    }
    t->kind = (as && as->is_array) ? T_ASSIGN_ARRAY : T_WORD;
    t->word = w;
    t->assign = as;
    t->text = w->src;
    if (w->nparts == 1 && w->parts[0].kind == AP_LIT && w->src == w->parts[0].text) {
        t->plain = w->parts[0].text;
        t->rw = lx_reserved(t->plain);
    }
}

/* A switch on the first byte, then at most a few comparisons: every word
 * of a script goes through here. */
lx_rw lx_reserved(const char *s)
{
#define RW_IS(lit, code) if (strcmp(s + 1, (lit) + 1) == 0) return code
    switch (s[0]) {
    case 'i': RW_IS("if", RW_IF); RW_IS("in", RW_IN); break;
    case 't': RW_IS("then", RW_THEN); RW_IS("time", RW_TIME); RW_IS("typeset", RW_DECL); break;
    case 'e': RW_IS("else", RW_ELSE); RW_IS("elif", RW_ELIF); RW_IS("esac", RW_ESAC);
              RW_IS("export", RW_DECL); break;
    case 'f': RW_IS("fi", RW_FI); RW_IS("for", RW_FOR); RW_IS("function", RW_FUNCTION); break;
    case 'd': RW_IS("do", RW_DO); RW_IS("done", RW_DONE); RW_IS("declare", RW_DECL); break;
    case 'c': RW_IS("case", RW_CASE); RW_IS("coproc", RW_COPROC); break;
    case 'w': RW_IS("while", RW_WHILE); break;
    case 'u': RW_IS("until", RW_UNTIL); break;
    case 's': RW_IS("select", RW_SELECT); break;
    case 'l': RW_IS("local", RW_DECL); break;
    case 'r': RW_IS("readonly", RW_DECL); break;
    case '!': RW_IS("!", RW_BANG); break;
    case '{': RW_IS("{", RW_LBRACE); break;
    case '}': RW_IS("}", RW_RBRACE); break;
    case '[': RW_IS("[[", RW_DLBRACK); break;
    case ']': RW_IS("]]", RW_DRBRACK); break;
    default: break;
    }
    return RW_NONE;
#undef RW_IS
}

lx_tok *lx_peek_tok(parser *p)
{
    if (!p->have_tok) {
        /* lexing may parse nested text ($( ) in here-documents) that uses
         * p->tok itself: fill a local token first */
        lx_tok t;
        lx_next(p, &t);
        p->tok = t;
        p->have_tok = true;
    }
    return &p->tok;
}

void lx_take(parser *p)
{
    p->have_tok = false;
}
