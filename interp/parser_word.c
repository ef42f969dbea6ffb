/*
 * Words: the part of the lexer that reads one word with its quoting
 * structure ($'...', "...", ${...}, $( ), backquotes, $(( )), <( ),
 * extglob groups, assignments and arrays). Split from interp/lexer.c;
 * interp/lexer.h has the model.
 */
#include "interp/lexer.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ================================================================ word builder */

#define WB_INL 2

typedef struct wb {
    parser *p;
    ast_part *parts;     /* inl, or a heap array once there are more parts */
    size_t n, cap;
    ast_part inl[WB_INL]; /* most words have one or two parts */
    vbuf lit;
    int lit_kind;        /* AP_LIT or AP_SQ for the pending text */
    bool quoted;         /* any quoting / expansion seen: not a plain word */
    const char *share;   /* may be NULL: an arena string the last text may reuse */
} wb;

static void wb_init(wb *b, parser *p)
{
    memset(b, 0, sizeof *b);
    b->p = p;
    vbuf_init(&b->lit, p->h);
    b->lit_kind = AP_LIT;
}

static ast_part *wb_slot(wb *b)
{
    if (b->n == b->cap) {
        if (!b->cap) {
            b->parts = b->inl;
            b->cap = WB_INL;
            goto slot;
        }
        size_t nc = b->cap * 2;
        ast_part *np = b->parts == b->inl ? mem_alloc(b->p->h, nc * sizeof *np)
                                          : mem_realloc(b->p->h, b->parts, nc * sizeof *np);
        if (np && b->parts == b->inl)
            memcpy(np, b->inl, b->n * sizeof *np);
        if (!np) {
            ps_error(b->p, b->p->line, "out of memory", false);
            return NULL;
        }
        b->parts = np;
        b->cap = nc;
    }
slot:;
    ast_part *s = &b->parts[b->n++];
    memset(s, 0, sizeof *s);
    return s;
}

static void wb_flush(wb *b)
{
    if (b->lit.len == 0)
        return;
    ast_part *s = wb_slot(b);
    if (!s)
        return;
    s->kind = (ast_part_kind)b->lit_kind;
    s->len = b->lit.len;
    if (b->share && b->n == 1 && strlen(b->share) == b->lit.len &&
        memcmp(b->share, b->lit.data, b->lit.len) == 0)
        s->text = (char *)b->share; /* a plain word: its text is its src */
    else
        s->text = ps_strndup(b->p, b->lit.data, b->lit.len);
    if (!s->text)
        ps_error(b->p, b->p->line, "out of memory", false);
    vbuf_clear(&b->lit);
}

/* Appends text of a kind (AP_LIT / AP_SQ), merging with what is pending. */
static void wb_text(wb *b, int kind, const char *s, size_t n)
{
    if (b->lit.len && b->lit_kind != kind)
        wb_flush(b);
    b->lit_kind = kind;
    if (kind != AP_LIT)
        b->quoted = true;
    vbuf_add(&b->lit, s, n);
}

static void wb_char(wb *b, int kind, char c)
{
    if (b->lit_kind == kind || !b->lit.len) {
        b->lit_kind = kind;
        if (kind != AP_LIT)
            b->quoted = true;
        lx_buf_addc(&b->lit, c);
        return;
    }
    wb_text(b, kind, &c, 1);
}

static ast_part *wb_part(wb *b, ast_part_kind kind)
{
    wb_flush(b);
    b->quoted = true;
    ast_part *s = wb_slot(b);
    if (s)
        s->kind = kind;
    return s;
}

/* Frees the parts array when it is on the heap (the parts are dropped). */
static void wb_free_parts(wb *b)
{
    if (b->parts != b->inl)
        mem_free(b->p->h, b->parts);
    b->parts = NULL;
    b->n = b->cap = 0;
}

/* The parts so far, moved into the tree's arena (b is left empty). */
static ast_part *wb_take_parts(wb *b)
{
    ast_part *pa;
    if (b->parts == b->inl)
        pa = b->n ? ps_copy(b->p, b->inl, b->n * sizeof *pa) : NULL;
    else
        pa = ps_seal(b->p, b->parts, b->n * sizeof *pa);
    b->parts = NULL;
    b->cap = 0;
    return pa;
}

static ast_word *wb_finish(wb *b, int line, char *src)
{
    wb_flush(b);
    ast_word *w = ps_alloc(b->p, sizeof *w);
    if (!w) {
        ps_error(b->p, line, "out of memory", false);
        return NULL;
    }
    w->nparts = b->n;
    w->parts = wb_take_parts(b);
    w->src = src;
    w->line = line;
    vbuf_free(&b->lit);
    return w;
}

ast_word *ast_word_lit(parser *p, const char *s, size_t n, int line)
{
    ast_word *w = ps_alloc(p, sizeof *w);
    ast_part *pt = ps_alloc(p, sizeof *pt);
    if (!w || !pt)
        return NULL;
    pt->kind = AP_LIT;
    pt->text = ps_strndup(p, s, n);
    pt->len = n;
    w->parts = pt;
    w->nparts = 1;
    w->src = pt->text;
    w->line = line;
    return w;
}

/* ================================================================ $'...' */

static void put_utf8(vbuf *o, uint32_t c)
{
    if (c < 0x80) {
        vbuf_addc(o, (char)c);
    } else if (c < 0x800) {
        vbuf_addc(o, (char)(0xC0 | (c >> 6)));
        vbuf_addc(o, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        vbuf_addc(o, (char)(0xE0 | (c >> 12)));
        vbuf_addc(o, (char)(0x80 | ((c >> 6) & 0x3F)));
        vbuf_addc(o, (char)(0x80 | (c & 0x3F)));
    } else {
        vbuf_addc(o, (char)(0xF0 | ((c >> 18) & 0x07)));
        vbuf_addc(o, (char)(0x80 | ((c >> 12) & 0x3F)));
        vbuf_addc(o, (char)(0x80 | ((c >> 6) & 0x3F)));
        vbuf_addc(o, (char)(0x80 | (c & 0x3F)));
    }
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads $'...' (the "$'" consumed) decoding bash's escapes into o. */
static bool lx_ansi(parser *p, vbuf *o, int line)
{
    for (;;) {
        int c = lx_peek(p, 0);
        if (c < 0) {
            ps_error_eof_match(p, line, "'");
            return false;
        }
        lx_adv(p);
        if (c == '\'')
            return true;
        if (c != '\\') {
            vbuf_addc(o, (char)c);
            continue;
        }
        c = lx_peek(p, 0);
        if (c < 0) {
            vbuf_addc(o, '\\');
            continue;
        }
        lx_adv(p);
        switch (c) {
        case 'a': vbuf_addc(o, '\a'); break;
        case 'b': vbuf_addc(o, '\b'); break;
        case 'e': case 'E': vbuf_addc(o, 033); break;
        case 'f': vbuf_addc(o, '\f'); break;
        case 'n': vbuf_addc(o, '\n'); break;
        case 'r': vbuf_addc(o, '\r'); break;
        case 't': vbuf_addc(o, '\t'); break;
        case 'v': vbuf_addc(o, '\v'); break;
        case '\\': vbuf_addc(o, '\\'); break;
        case '\'': vbuf_addc(o, '\''); break;
        case '"': vbuf_addc(o, '"'); break;
        case '?': vbuf_addc(o, '?'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            for (int i = 0; i < 2 && lx_peek(p, 0) >= '0' && lx_peek(p, 0) <= '7'; i++) {
                v = v * 8 + (lx_peek(p, 0) - '0');
                lx_adv(p);
            }
            vbuf_addc(o, (char)(v & 0xFF));
            break;
        }
        case 'x': {
            int v = 0, n = 0;
            while (n < 2 && hexval(lx_peek(p, 0)) >= 0) {
                v = v * 16 + hexval(lx_peek(p, 0));
                lx_adv(p);
                n++;
            }
            if (n == 0)
                vbuf_add(o, "\\x", 2);
            else
                vbuf_addc(o, (char)v);
            break;
        }
        case 'u': case 'U': {
            int max = c == 'u' ? 4 : 8, n = 0;
            uint32_t v = 0;
            while (n < max && hexval(lx_peek(p, 0)) >= 0) {
                v = v * 16 + (uint32_t)hexval(lx_peek(p, 0));
                lx_adv(p);
                n++;
            }
            if (n == 0) {
                vbuf_addc(o, '\\');
                vbuf_addc(o, (char)c);
            } else if (v > 0x7FFFFFFF) {
                /* bash: out of range, nothing */
            } else {
                put_utf8(o, v);
            }
            break;
        }
        case 'c': {
            int d = lx_peek(p, 0);
            if (d < 0) {
                vbuf_add(o, "\\c", 2);
                break;
            }
            lx_adv(p);
            if (d == '\\' && lx_peek(p, 0) == '\\')
                lx_adv(p);
            if (d >= 'a' && d <= 'z')
                d -= 32;
            vbuf_addc(o, d == '?' ? (char)0x7F : (char)(d & 0x1F));
            break;
        }
        default:
            vbuf_addc(o, '\\');
            vbuf_addc(o, (char)c);
            break;
        }
    }
}

/* ================================================================ words */

enum {
    WM_NORMAL,     /* a command word */
    WM_REGEX,      /* [[ x =~ here ]] */
    WM_PARAM,      /* the word of ${x OP word}: ends at '}' (or stop chars) */
    WM_ARITH,      /* $(( )) / (( )) / ${x:off:len} / subscripts */
};

static bool lx_dollar(parser *p, wb *b, bool in_dq);
static bool lx_backquote(parser *p, wb *b, bool in_dq);
static char *cmdsub_ltext(parser *p, const ast_node *body, const char *src, bool as_written,
                          char **dtext);
static bool lx_dq(parser *p, wb *b, bool heredoc);
static ast_word *lx_param_word(parser *p, bool in_dq, const char *stops, bool pattern);
static ast_word *lx_arith_text(parser *p, const char *stops, int line, bool *hit_eof);

/* Does "((" here start arithmetic (a matching "))")? k: offset just past
 * the two parens. bash's rule: the first unmatched ')' must be doubled. */
bool lx_scan_arith(parser *p, size_t k)
{
    int depth = 0;
    bool inner_closed = false;
    for (;; k++) {
        int c = lx_peek(p, k);
        if (c < 0)
            return true;
        if (c == '\\') {
            k++;
            continue;
        }
        if (c == '\'' || c == '"') {
            int q = c;
            for (k++; (c = lx_peek(p, k)) >= 0 && c != q; k++)
                if (c == '\\' && q == '"')
                    k++;
            if (c < 0)
                return true;
            continue;
        }
        if (c == '(') {
            /* deeper than the parser may nest: the parse stops at its
             * depth limit anyway (and a scan per level stays bounded) */
            if (++depth > 2 * p->max_depth + 8)
                return true;
        } else if (c == ')') {
            if (depth > 0)
                depth--;
            else if (!inner_closed) {
                if (lx_peek(p, k + 1) == ')' || lx_peek(p, k + 1) < 0)
                    return true;
                /* "$( (...) ...": a command substitution if the outer
                 * parenthesis closes; text that never closes is read as
                 * arithmetic, as bash does (its error names the start line) */
                inner_closed = true;
            } else
                return false;
        }
    }
}

/* Reads an extglob group "X(...)" (X consumed, at '(') into b. */
static bool lx_extglob(parser *p, wb *b)
{
    int depth = 0, line = p->line;
    for (;;) {
        int c = lx_peek(p, 0);
        if (c < 0) {
            ps_error_eof_match(p, line, ")");
            return false;
        }
        if (c == '(') {
            depth++;
        } else if (c == ')') {
            lx_adv(p);
            wb_char(b, AP_LIT, ')');
            if (--depth == 0)
                return true;
            continue;
        } else if (c == '\\') {
            lx_adv(p);
            int d = lx_peek(p, 0);
            if (d == '\n') {
                lx_adv(p);
            } else if (d >= 0) {
                lx_adv(p);
                wb_char(b, AP_SQ, (char)d);
            }
            continue;
        } else if (c == '\'') {
            lx_adv(p);
            b->quoted = true;
            int l0 = p->line;
            for (;;) {
                int d = lx_peek(p, 0);
                if (d < 0) {
                    ps_error_eof_match(p, l0, "'");
                    return false;
                }
                lx_adv(p);
                if (d == '\'')
                    break;
                wb_char(b, AP_SQ, (char)d);
            }
            continue;
        } else if (c == '"') {
            lx_adv(p);
            if (!lx_dq(p, b, false))
                return false;
            continue;
        } else if (c == '$') {
            if (!lx_dollar(p, b, false))
                return false;
            continue;
        } else if (c == '`') {
            if (!lx_backquote(p, b, false))
                return false;
            continue;
        }
        lx_adv(p);
        wb_char(b, AP_LIT, (char)c);
    }
}

/* Process substitution <( ) >( ): at the '<' or '>'. */
static bool lx_procsub(parser *p, wb *b)
{
    bool out = lx_peek(p, 0) == '>';
    lx_adv(p);
    lx_adv(p);
    size_t mark = lx_rec_begin(p);
    ast_node *body = ps_subst_body(p, ')');
    char *src = lx_rec_end(p, mark);
    if (p->failed)
        return false;
    ast_part *pt = wb_part(b, AP_PROCSUB);
    if (!pt)
        return false;
    pt->body = body;
    pt->procsub_out = out;
    size_t n = strlen(src);
    if (n)
        src[n - 1] = '\0'; /* without the ')' */
    pt->src = src;
    return true;
}

/* Reads a word at the current position. mode: WM_NORMAL or WM_REGEX.
 * With LX_ASSIGN in ctx, a leading name=, name+=, name[i]= makes *assign. */
ast_word *lx_word(parser *p, bool regex, int ctx, ast_assign **assign)
{
    int mode = regex ? WM_REGEX : WM_NORMAL;
    wb b;
    wb_init(&b, p);
    int line = p->line;
    size_t mark = lx_rec_begin(p);
    int rdepth = 0;
    bool extglob = p->extglob || (ctx & LX_COND);
    ast_assign *as = NULL;
    size_t value_from = 0;     /* part index where an assignment's value starts */
    bool value_lit_started = false;

    if ((ctx & LX_ASSIGN) && lx_is_name_start(lx_peek(p, 0))) {
        /* name, then [index]? then += or = */
        size_t k = 0;
        while (lx_is_name_char(lx_peek(p, k)))
            k++;
        int c = lx_peek(p, k);
        bool sub = c == '[';
        bool cand = c == '=' || (c == '+' && lx_peek(p, k + 1) == '=') || sub;
        if (cand) {
            as = ps_alloc(p, sizeof *as);
            if (!as) {
                ps_error(p, line, "out of memory", false);
                goto fail;
            }
            vbuf nb;
            vbuf_init(&nb, p->h);
            for (size_t i = 0; i < k; i++) {
                vbuf_addc(&nb, (char)lx_peek(p, 0));
                lx_adv(p);
            }
            as->name = lx_take_str(p, &nb, NULL);
            as->line = line;
            wb_text(&b, AP_LIT, as->name, strlen(as->name));
            if (sub) {
                lx_adv(p);
                wb_char(&b, AP_LIT, '[');
                wb_flush(&b);
                bool eof = false;
                ast_word *ix = lx_arith_text(p, "]", line, &eof);
                if (!ix || p->failed)
                    goto fail;
                if (eof) {
                    ps_error_eof_match(p, line, "]");
                    goto fail;
                }
                lx_adv(p); /* ']' */
                as->index = ix;
                for (size_t i = 0; i < ix->nparts; i++) {
                    ast_part *s = ix->nparts ? wb_slot(&b) : NULL;
                    if (!s)
                        goto fail;
                    *s = ix->parts[i];
                    if (s->kind != AP_LIT)
                        b.quoted = true;
                }
                wb_char(&b, AP_LIT, ']');
                c = lx_peek(p, 0);
                if (!(c == '=' || (c == '+' && lx_peek(p, 1) == '=')))
                    as = NULL; /* a plain word that began like one */
            }
            if (as) {
                if (lx_peek(p, 0) == '+') {
                    as->append = true;
                    lx_adv(p);
                    wb_char(&b, AP_LIT, '+');
                }
                lx_adv(p);
                wb_char(&b, AP_LIT, '=');
                wb_flush(&b);
                value_from = b.n;
                value_lit_started = true;
                if (lx_peek(p, 0) == '(') {
                    /* name=( elements ) */
                    lx_adv(p);
                    as->is_array = true;
                    ast_word **els = NULL;
                    size_t n = 0, cap = 0;
                    for (;;) {
                        int d = lx_peek(p, 0);
                        if (d < 0) {
                            ps_error_eof_match(p, line, ")");
                            goto fail;
                        }
                        if (lx_is_blank(d) || d == '\n') {
                            lx_adv(p);
                            continue;
                        }
                        if (d == '\\' && lx_peek(p, 1) == '\n') {
                            lx_adv(p);
                            lx_adv(p);
                            continue;
                        }
                        if (d == '#') {
                            while ((d = lx_peek(p, 0)) >= 0 && d != '\n')
                                lx_adv(p);
                            continue;
                        }
                        if (d == ')') {
                            lx_adv(p);
                            break;
                        }
                        if (lx_is_meta(d) && !((d == '<' || d == '>') && lx_peek(p, 1) == '(')) {
                            /* an operator inside ( ): bash's error */
                            ps_error_unexpected_char(p, d);
                            goto fail;
                        }
                        if (!lx_depth_enter(p))
                            goto fail;
                        ast_word *el = lx_word(p, WM_NORMAL, 0, NULL);
                        p->depth--;
                        if (!el || p->failed)
                            goto fail;
                        if (n == cap) {
                            cap = cap ? cap * 2 : 4;
                            ast_word **ne = mem_realloc(p->h, els, cap * sizeof *ne);
                            if (!ne) {
                                ps_error(p, line, "out of memory", false);
                                goto fail;
                            }
                            els = ne;
                        }
                        els[n++] = el;
                    }
                    as->array = ps_seal(p, els, n * sizeof *els);
                    as->narray = n;
                    /* the word: the text as written */
                    char *src = lx_rec_end(p, mark);
                    vbuf_free(&b.lit);
                    ast_word *w = ast_word_lit(p, src, strlen(src), line);
                    if (!w) {
                        ps_error(p, line, "out of memory", false);
                        return NULL;
                    }
                    w->src = src;
                    *assign = as;
                    return w;
                }
            }
        }
    }

    for (;;) {
        int c = lx_peek(p, 0);
        if (c < 0) {
            if (rdepth > 0) {
                ps_error_eof_match(p, line, ")");
                if (mode == WM_REGEX) {
                    /* bash then misses the operand, at the end of input */
                    p->err.msg2 = mem_strdup(p->h, "unexpected argument to conditional binary operator");
                    p->err.msg2_line = p->line + (p->ends_nl ? 0 : 1);
                }
                goto fail;
            }
            break;
        }
        if (mode == WM_REGEX) {
            if (c == '(') {
                rdepth++;
                lx_adv(p);
                wb_char(&b, AP_LIT, '(');
                continue;
            }
            if (c == ')' && rdepth > 0) {
                rdepth--;
                lx_adv(p);
                wb_char(&b, AP_LIT, ')');
                continue;
            }
            if (rdepth > 0 && (lx_is_blank(c) || c == '\n' || c == '|' || c == '<' || c == '>' ||
                               c == '&' || c == ';')) {
                lx_adv(p);
                wb_char(&b, AP_LIT, (char)c);
                continue;
            }
            if (c == '|' || c == '<' || c == '>') {
                lx_adv(p);
                wb_char(&b, AP_LIT, (char)c);
                continue;
            }
        }
        if (lx_is_meta(c)) {
            if ((c == '<' || c == '>') && lx_peek(p, 1) == '(' && !(ctx & LX_COND)) {
                if (!lx_depth_enter(p) || !lx_procsub(p, &b)) {
                    goto fail;
                }
                p->depth--;
                continue;
            }
            if (c == '(' && extglob && b.lit.len > 0 && b.lit_kind == AP_LIT &&
                strchr("?*+@!", b.lit.data[b.lit.len - 1])) {
                if (!lx_extglob(p, &b))
                    goto fail;
                continue;
            }
            break;
        }
        switch (c) {
        case '\\': {
            int d = lx_peek(p, 1);
            lx_adv(p);
            if (d == '\n') {
                lx_adv(p);
            } else if (d >= 0) {
                lx_adv(p);
                wb_char(&b, AP_SQ, (char)d);
            } else {
                wb_char(&b, AP_SQ, '\\'); /* bash keeps a final backslash */
            }
            break;
        }
        case '\'': {
            int l0 = p->line;
            lx_adv(p);
            b.quoted = true;
            bool any = false;
            for (;;) {
                int d = lx_peek(p, 0);
                if (d < 0) {
                    ps_error_eof_match(p, l0, "'");
                    goto fail;
                }
                lx_adv(p);
                if (d == '\'')
                    break;
                wb_char(&b, AP_SQ, (char)d);
                any = true;
            }
            if (!any) {
                /* '' : an empty quoted part keeps the word */
                ast_part *s = wb_part(&b, AP_SQ);
                if (!s)
                    goto fail;
                s->text = ps_strdup(p, "");
            }
            break;
        }
        case '"':
            lx_adv(p);
            if (!lx_dq(p, &b, false))
                goto fail;
            break;
        case '$':
            if (!lx_dollar(p, &b, false))
                goto fail;
            break;
        case '`':
            if (!lx_backquote(p, &b, false))
                goto fail;
            break;
        default:
            lx_adv(p);
            wb_char(&b, AP_LIT, (char)c);
            break;
        }
        if (p->failed)
            goto fail;
    }
    if (p->failed)
        goto fail;
    {
        char *src = lx_rec_end(p, mark);
        mark = SIZE_MAX;
        bool quoted = b.quoted;
        b.share = src;
        ast_word *w = wb_finish(&b, line, src);
        if (!w)
            return NULL;
        if (!quoted && w->nparts == 1 && w->parts[0].kind == AP_LIT &&
            !(as && value_lit_started))
            w->src = src = w->parts[0].text;
        if (as && value_lit_started) {
            ast_word *v = ps_alloc(p, sizeof *v);
            if (!v) {
                ps_error(p, line, "out of memory", false);
                return NULL;
            }
            v->parts = w->parts + value_from;
            v->nparts = w->nparts - value_from;
            char *eq = strchr(src, '=');
            v->src = eq ? eq + 1 : ps_strdup(p, "");
            v->line = line;
            as->value = v;
            *assign = as;
        }
        return w;
    }
fail:
    if (mark != SIZE_MAX)
        p->rec_depth--;
    vbuf_free(&b.lit);
    return NULL;
}

/* Inside "..." (the quote consumed) or a here-document body (heredoc: up to
 * the end of the layer). Adds one AP_DQ part (heredoc: the children
 * directly). */
static bool lx_dq_body(parser *p, wb *outer, bool heredoc);
static bool lx_dq(parser *p, wb *outer, bool heredoc)
{
    bool saved = p->in_heredoc;
    p->in_heredoc = heredoc;
    bool ok = lx_dq_body(p, outer, heredoc);
    p->in_heredoc = saved;
    return ok;
}

static bool lx_dq_body(parser *p, wb *outer, bool heredoc)
{
    wb b;
    wb_init(&b, p);
    int line = p->line;
    for (;;) {
        int c = lx_peek(p, 0);
        if (c < 0) {
            if (heredoc)
                break;
            ps_error_eof_match(p, line, "\"");
            goto fail;
        }
        if (c == '"' && !heredoc) {
            lx_adv(p);
            break;
        }
        if (c == '\\') {
            int d = lx_peek(p, 1);
            lx_adv(p);
            if (d == '\n') {
                lx_adv(p);
            } else if (d == '$' || d == '`' || d == '\\' || (d == '"' && !heredoc)) {
                lx_adv(p);
                wb_char(&b, AP_LIT, (char)d);
            } else {
                wb_char(&b, AP_LIT, '\\');
            }
            continue;
        }
        if (c == '$') {
            if (!lx_dollar(p, &b, true))
                goto fail;
            continue;
        }
        if (c == '`') {
            if (!lx_backquote(p, &b, !heredoc))
                goto fail;
            continue;
        }
        lx_adv(p);
        wb_char(&b, AP_LIT, (char)c);
    }
    wb_flush(&b);
    if (heredoc) {
        for (size_t i = 0; i < b.n; i++) {
            ast_part *s = wb_slot(outer);
            if (!s)
                goto fail;
            *s = b.parts[i];
        }
        outer->quoted = true;
        wb_free_parts(&b);
        vbuf_free(&b.lit);
        return !p->failed;
    }
    {
        ast_part *pt = wb_part(outer, AP_DQ);
        if (!pt)
            goto fail;
        pt->nparts = b.n;
        pt->parts = wb_take_parts(&b);
        vbuf_free(&b.lit);
        return !p->failed;
    }
fail:
    vbuf_free(&b.lit);
    return false;
}

/* `...`: the body with bash's backslash rules, parsed as a script. */
static bool lx_backquote(parser *p, wb *b, bool in_dq)
{
    int line = p->line;
    lx_adv(p);
    vbuf t;
    vbuf_init(&t, p->h);
    for (;;) {
        int c = lx_peek(p, 0);
        if (c < 0) {
            vbuf_free(&t);
            ps_error_eof_match(p, line, "`");
            return false;
        }
        lx_adv(p);
        if (c == '`')
            break;
        if (c == '\\') {
            int d = lx_peek(p, 0);
            if (d == '$' || d == '`' || d == '\\' || (in_dq && d == '"')) {
                lx_adv(p);
                vbuf_addc(&t, (char)d);
                continue;
            }
        }
        vbuf_addc(&t, (char)c);
    }
    size_t len;
    char *text = lx_take_str(p, &t, &len);
    if (!text) {
        ps_error(p, line, "out of memory", false);
        return false;
    }
    ast_node *body = NULL;
    if (!lx_depth_enter(p))
        return false;
    /* the body is parsed from its own layer; here-docs pending outside stay so */
    lx_heredoc *shd = p->hd;
    size_t snhd = p->nhd, scaphd = p->caphd;
    p->hd = NULL;
    p->nhd = p->caphd = 0;
    bool alias_next = p->alias_next;
    int nl = p->nlayers;
    vbuf save_rec = p->rec;
    int save_depth = p->rec_depth;
    int save_nest = p->depth;
    int save_ctx = p->ctx;
    bool save_in_cond = p->in_cond;
    vbuf_init(&p->rec, p->h);
    p->rec_depth = 0;
    if (lx_push(p, text, len, true, NULL)) {
        body = ps_layer_body(p);
        p->nlayers = nl;
    }
    vbuf_free(&p->rec);
    p->rec = save_rec;
    p->rec_depth = save_depth;
    p->hd = shd;
    p->nhd = snhd;
    p->caphd = scaphd;
    p->alias_next = alias_next;
    p->depth = save_nest - 1;
    p->ctx = save_ctx;
    p->in_cond = save_in_cond;
    bool body_error = false;
    if (p->failed) {
        if (p->err.depth_limit || mem_heap_failed(p->h))
            return false;
        /* bash parses `...` only when it runs it: not an error of this parse */
        p->failed = false;
        p->have_tok = false;
        memset(&p->err, 0, sizeof p->err);
        body = NULL;
        body_error = true;
    }
    ast_part *pt = wb_part(b, AP_CMDSUB);
    if (!pt)
        return false;
    pt->body = body;
    pt->backquote = true;
    pt->body_error = body_error;
    pt->src = text;
    pt->ltext = cmdsub_ltext(p, body, text, true, NULL);
    pt->dtext = NULL;
    return true;
}

/* The text bash runs for a command substitution that spans lines (see
 * ast_part.ltext): a $( ) reformatted as bash 5.2 does, unless it sits in
 * a here-document (bash parses those when it expands them) or is a `...`.
 * NULL when the body is on one line either way. The reformatted text is
 * only used if it parses. */
static char *cmdsub_ltext(parser *p, const ast_node *body, const char *src, bool as_written,
                          char **dtext)
{
    if (dtext)
        *dtext = NULL;
    if (!body)
        return NULL;
    bool nl = src && strchr(src, '\n');
    if (as_written) /* a here-document's: its lines count from the command's */
        return nl || p->in_heredoc ? (char *)src : NULL;
    vbuf t;
    vbuf_init(&t, p->h);
    deparse_comsub(body, &t);
    char *d = mem_strndup(p->h, vbuf_str(&t), t.len);
    char *r = NULL;
    if (d && src && strcmp(d, src) != 0 && dtext)
        *dtext = d;
    if (d && (nl || memchr(d, '\n', t.len))) {
        parser_opts po = {0};
        po.extglob = p->extglob;
        ast_node *chk = NULL;
        parse_error e;
        if (parse_all(p->h, d, t.len, &po, &chk, &e) == 0)
            r = d;
    }
    vbuf_free(&t);
    return r;
}

/* ${ ... } after "${" consumed. */
static bool lx_brace(parser *p, wb *b, bool in_dq, size_t mark, int line)
{
    ast_param *pm = ps_alloc(p, sizeof *pm);
    if (!pm) {
        ps_error(p, line, "out of memory", false);
        return false;
    }
    pm->braced = true;
    vbuf nb;
    vbuf_init(&nb, p->h);
    int c = lx_peek(p, 0);
    bool bad = false;

    /* ${#...}: length, unless it is $# itself followed by an operator */
    if (c == '#') {
        int d = lx_peek(p, 1);
        bool len_form = false;
        if (d == '}') {
            len_form = false;
        } else if (lx_is_name_start(d)) {
            len_form = true;
        } else if (lx_is_digit(d) || strchr("@*#?-$!", d ? d : 'x')) {
            size_t k = 2;
            if (lx_is_digit(d))
                while (lx_is_digit(lx_peek(p, k)))
                    k++;
            len_form = lx_peek(p, k) == '}';
        }
        if (len_form) {
            lx_adv(p);
            pm->op = PO_LENGTH;
            c = lx_peek(p, 0);
        }
    } else if (c == '!') {
        int d = lx_peek(p, 1);
        if (d != '}' && d >= 0) {
            lx_adv(p);
            pm->indirect = true;
            c = lx_peek(p, 0);
        }
    }

    /* the name */
    if (lx_is_name_start(c)) {
        while (lx_is_name_char(lx_peek(p, 0))) {
            vbuf_addc(&nb, (char)lx_peek(p, 0));
            lx_adv(p);
        }
    } else if (lx_is_digit(c)) {
        while (lx_is_digit(lx_peek(p, 0))) {
            vbuf_addc(&nb, (char)lx_peek(p, 0));
            lx_adv(p);
        }
    } else if (c >= 0 && strchr("@*#?-$!", c) && c) {
        vbuf_addc(&nb, (char)c);
        lx_adv(p);
    } else {
        bad = true;
    }
    pm->name = lx_take_str(p, &nb, NULL);

    if (!bad && pm->indirect && lx_is_name_start((unsigned char)pm->name[0])) {
        int d = lx_peek(p, 0);
        if ((d == '*' || d == '@') && lx_peek(p, 1) == '}') {
            pm->indirect = false;
            pm->op = PO_PREFIX_NAMES;
            pm->op_char = (char)d;
            lx_adv(p);
        } else if (d == '[' && (lx_peek(p, 1) == '@' || lx_peek(p, 1) == '*') &&
                   lx_peek(p, 2) == ']' && lx_peek(p, 3) == '}') {
            pm->indirect = false;
            pm->op = PO_KEYS;
            pm->op_char = (char)lx_peek(p, 1);
            lx_adv(p);
            lx_adv(p);
            lx_adv(p);
        }
    }

    /* subscript */
    if (!bad && pm->op != PO_PREFIX_NAMES && pm->op != PO_KEYS &&
        lx_is_name_start((unsigned char)pm->name[0]) && lx_peek(p, 0) == '[') {
        lx_adv(p);
        bool eof = false;
        pm->index = lx_arith_text(p, "]}", line, &eof);
        if (p->failed)
            return false;
        if (eof) {
            ps_error_eof_match(p, line, "}");
            return false;
        }
        if (lx_peek(p, 0) == '}')
            bad = true; /* ${a[x} : bash finds the '}' first */
        else
            lx_adv(p);
    }

    c = lx_peek(p, 0);
    if (bad) {
        /* fall through to the bad substitution scan */
    } else if (c == '}') {
        lx_adv(p);
        goto done;
    } else if (pm->op == PO_LENGTH || pm->op == PO_PREFIX_NAMES || pm->op == PO_KEYS) {
        bad = true;
    } else if (c == ':') {
        int d = lx_peek(p, 1);
        if (d == '-' || d == '=' || d == '?' || d == '+') {
            lx_adv(p);
            lx_adv(p);
            pm->colon = true;
            pm->op = d == '-' ? PO_DEFAULT : d == '=' ? PO_ASSIGN : d == '?' ? PO_ERROR : PO_ALT;
            pm->arg = lx_param_word(p, in_dq, "}", false);
        } else {
            lx_adv(p);
            pm->op = PO_SUBSTR;
            bool eof = false;
            pm->arg = lx_arith_text(p, ":}", line, &eof);
            if (!p->failed && !eof && lx_peek(p, 0) == ':') {
                lx_adv(p);
                pm->arg2 = lx_arith_text(p, "}", line, &eof);
            }
            if (!p->failed && eof) {
                ps_error_eof_match(p, line, "}");
                return false;
            }
            if (!p->failed && pm->arg && pm->arg->nparts == 0 && !pm->arg2)
                bad = true; /* ${x:} */
        }
    } else if (c == '-' || c == '=' || c == '?' || c == '+') {
        lx_adv(p);
        pm->op = c == '-' ? PO_DEFAULT : c == '=' ? PO_ASSIGN : c == '?' ? PO_ERROR : PO_ALT;
        pm->arg = lx_param_word(p, in_dq, "}", false);
    } else if (c == '#' || c == '%') {
        lx_adv(p);
        bool dbl = lx_peek(p, 0) == c;
        if (dbl)
            lx_adv(p);
        pm->op = c == '#' ? (dbl ? PO_TRIM_LONG_LEFT : PO_TRIM_SHORT_LEFT)
                          : (dbl ? PO_TRIM_LONG_RIGHT : PO_TRIM_SHORT_RIGHT);
        pm->arg = lx_param_word(p, in_dq, "}", true);
    } else if (c == '/') {
        lx_adv(p);
        int d = lx_peek(p, 0);
        pm->op = PO_REPLACE;
        if (d == '/') {
            pm->op = PO_REPLACE_ALL;
            lx_adv(p);
        } else if (d == '#') {
            pm->op = PO_REPLACE_PREFIX;
            lx_adv(p);
        } else if (d == '%') {
            pm->op = PO_REPLACE_SUFFIX;
            lx_adv(p);
        }
        pm->arg = lx_param_word(p, in_dq, "/}", true);
        if (!p->failed && lx_peek(p, 0) == '/') {
            lx_adv(p);
            pm->arg2 = lx_param_word(p, in_dq, "}", false);
        }
    } else if (c == '^' || c == ',' || c == '~') {
        lx_adv(p);
        bool dbl = lx_peek(p, 0) == c;
        if (dbl)
            lx_adv(p);
        pm->op = c == '^'   ? (dbl ? PO_UPPER_ALL : PO_UPPER_FIRST)
                 : c == ',' ? (dbl ? PO_LOWER_ALL : PO_LOWER_FIRST)
                            : (dbl ? PO_TOGGLE_ALL : PO_TOGGLE_FIRST);
        pm->arg = lx_param_word(p, in_dq, "}", true);
        if (pm->arg && pm->arg->nparts == 0)
            pm->arg = NULL;
    } else if (c == '@') {
        int d = lx_peek(p, 1);
        if (d >= 0 && strchr("QEPAaUuLKk", d) && d && lx_peek(p, 2) == '}') {
            lx_adv(p);
            lx_adv(p);
            pm->op = PO_TRANSFORM;
            pm->op_char = (char)d;
        } else {
            bad = true;
        }
    } else {
        bad = true;
    }
    if (p->failed)
        return false;
    if (bad) {
        /* skip to the matching '}' as bash does, then report at expansion */
        int depth = 0;
        for (;;) {
            int d = lx_peek(p, 0);
            if (d < 0) {
                ps_error_eof_match(p, line, "}");
                return false;
            }
            if (d == '\\') {
                lx_adv(p);
                if (lx_peek(p, 0) >= 0)
                    lx_adv(p);
                continue;
            }
            if (d == '"') {
                int l0 = p->line;
                lx_adv(p);
                while ((d = lx_peek(p, 0)) >= 0 && d != '"') {
                    lx_adv(p);
                    if (d == '\\' && lx_peek(p, 0) >= 0)
                        lx_adv(p);
                }
                if (d < 0) {
                    ps_error_eof_match(p, l0, "\"");
                    return false;
                }
                lx_adv(p);
                continue;
            }
            if (d == '\'' && !in_dq) {
                lx_adv(p);
                while ((d = lx_peek(p, 0)) >= 0 && d != '\'')
                    lx_adv(p);
                if (d < 0) {
                    ps_error_eof_match(p, line, "'");
                    return false;
                }
                lx_adv(p);
                continue;
            }
            if (d == '`') {
                int l0 = p->line;
                lx_adv(p);
                while ((d = lx_peek(p, 0)) >= 0 && d != '`') {
                    lx_adv(p);
                    if (d == '\\' && lx_peek(p, 0) >= 0)
                        lx_adv(p);
                }
                if (d < 0) {
                    ps_error_eof_match(p, l0, "`");
                    return false;
                }
                lx_adv(p);
                continue;
            }
            lx_adv(p);
            if (d == '}')
                break;
        }
        (void)depth;
        pm->op = PO_BAD;
        pm->arg = pm->arg2 = NULL;
        goto done;
    }
    if (lx_peek(p, 0) != '}') {
        ps_error_eof_match(p, line, "}");
        return false;
    }
    lx_adv(p);
done:
    pm->src = lx_rec_end(p, mark);
    {
        ast_part *pt = wb_part(b, AP_PARAM);
        if (!pt)
            return false;
        pt->param = pm;
    }
    return true;
}

/* At '$'. Adds a part (or a literal '$'). */
static bool lx_dollar(parser *p, wb *b, bool in_dq)
{
    int c = lx_peek(p, 1);
    int line = p->line;
    if (c == '\'' && !in_dq) {
        lx_adv(p);
        lx_adv(p);
        vbuf o;
        vbuf_init(&o, p->h);
        if (!lx_ansi(p, &o, line)) {
            vbuf_free(&o);
            return false;
        }
        b->quoted = true;
        if (o.len == 0) {
            ast_part *s = wb_part(b, AP_SQ);
            if (!s)
                return false;
            s->text = ps_strdup(p, "");
        } else {
            wb_text(b, AP_SQ, o.data, o.len);
        }
        vbuf_free(&o);
        return true;
    }
    if (c == '"' && !in_dq) {
        lx_adv(p);
        lx_adv(p);
        wb tmp;
        wb_init(&tmp, p);
        if (!lx_dq(p, &tmp, false)) {
            vbuf_free(&tmp.lit);
            return false;
        }
        wb_flush(&tmp);
        ast_part *pt = wb_part(b, AP_LOCALE);
        if (!pt)
            return false;
        if (tmp.n == 1) {
            pt->parts = tmp.parts[0].parts;
            pt->nparts = tmp.parts[0].nparts;
        }
        wb_free_parts(&tmp);
        vbuf_free(&tmp.lit);
        return true;
    }
    if (c == '{') {
        if (!lx_depth_enter(p))
            return false;
        size_t mark = lx_rec_begin(p);
        lx_adv(p);
        lx_adv(p);
        bool ok = lx_brace(p, b, in_dq, mark, line);
        if (!ok && p->rec_depth > 0)
            p->rec_depth--; /* lx_brace ends the recording only on success */
        p->depth--;
        return ok;
    }
    if (c == '(') {
        if (!lx_depth_enter(p))
            return false;
        bool ok;
        if (lx_peek(p, 2) == '(' && lx_scan_arith(p, 3)) {
            lx_adv(p);
            lx_adv(p);
            lx_adv(p);
            size_t mark = lx_rec_begin(p);
            bool eof = false;
            ast_word *w = lx_arith_text(p, "", line, &eof);
            char *src = lx_rec_end(p, mark);
            ok = false;
            if (!p->failed) {
                if (eof) {
                    ps_error_eof_match(p, line, ")");
                } else {
                    lx_adv(p);
                    lx_adv(p);
                    ast_part *pt = wb_part(b, AP_ARITH);
                    if (pt) {
                        pt->arith = w;
                        pt->src = src;
                        ok = true;
                    }
                }
            }
        } else {
            lx_adv(p);
            lx_adv(p);
            size_t mark = lx_rec_begin(p);
            ast_node *body = ps_subst_body(p, ')');
            char *src = lx_rec_end(p, mark);
            ok = false;
            if (!p->failed) {
                ast_part *pt = wb_part(b, AP_CMDSUB);
                if (pt) {
                    pt->body = body;
                    size_t n = strlen(src);
                    if (n)
                        src[n - 1] = '\0';
                    pt->src = src;
                    pt->ltext = cmdsub_ltext(p, body, src, p->in_heredoc, &pt->dtext);
                    ok = true;
                }
            }
        }
        p->depth--;
        return ok;
    }
    if (c == '[') {
        /* $[ expr ]: the old form of $(( )) */
        lx_adv(p);
        lx_adv(p);
        size_t mark = lx_rec_begin(p);
        bool eof = false;
        ast_word *w = lx_arith_text(p, "]", line, &eof);
        char *src = lx_rec_end(p, mark);
        if (p->failed)
            return false;
        if (eof) {
            ps_error_eof_match(p, line, "]");
            return false;
        }
        lx_adv(p);
        ast_part *pt = wb_part(b, AP_ARITH);
        if (!pt)
            return false;
        pt->arith = w;
        pt->src = src;
        return true;
    }
    ast_param *pm = NULL;
    char name[2] = { 0, 0 };
    vbuf nb;
    vbuf_init(&nb, p->h);
    if (lx_is_name_start(c)) {
        lx_adv(p);
        while (lx_is_name_char(lx_peek(p, 0))) {
            vbuf_addc(&nb, (char)lx_peek(p, 0));
            lx_adv(p);
        }
    } else if (lx_is_digit(c) || (c > 0 && strchr("@*#?-$!", c))) {
        lx_adv(p);
        name[0] = (char)c;
        lx_adv(p);
        vbuf_addc(&nb, name[0]);
    } else {
        lx_adv(p);
        wb_char(b, AP_LIT, '$');
        return true;
    }
    pm = ps_alloc(p, sizeof *pm);
    if (!pm) {
        vbuf_free(&nb);
        ps_error(p, line, "out of memory", false);
        return false;
    }
    /* src "$name" and name share their bytes */
    char *ds = ps_alloc(p, nb.len + 2);
    if (!ds) {
        vbuf_free(&nb);
        return false;
    }
    ds[0] = '$';
    if (nb.len)
        memcpy(ds + 1, nb.data, nb.len);
    vbuf_free(&nb);
    pm->src = ds;
    pm->name = ds + 1;
    ast_part *pt = wb_part(b, AP_PARAM);
    if (!pt)
        return false;
    pt->param = pm;
    return true;
}

/* The word of ${x OP word} up to one of stops at brace depth 0 (the stop
 * char is not consumed). pattern: the word is a pattern (quotes stay quotes
 * even inside double quotes). */
static ast_word *lx_param_word(parser *p, bool in_dq, const char *stops, bool pattern)
{
    wb b;
    wb_init(&b, p);
    int line = p->line;
    int depth = 0;
    size_t mark = lx_rec_begin(p);
    for (;;) {
        int c = lx_peek(p, 0);
        if (c < 0) {
            ps_error_eof_match(p, line, "}");
            goto fail;
        }
        if (depth == 0 && c && strchr(stops, c))
            break;
        if (c == '\'' && in_dq && !pattern) {
            /* inside "..." a quote is literal here, but still matched */
            int l0 = p->line;
            lx_adv(p);
            wb_char(&b, AP_LIT, '\'');
            for (;;) {
                int d = lx_peek(p, 0);
                if (d < 0) {
                    ps_error_eof_match(p, l0, "'");
                    goto fail;
                }
                lx_adv(p);
                wb_char(&b, AP_LIT, (char)d);
                if (d == '\'')
                    break;
            }
            continue;
        }
        /* bash does not count bare braces: ${x:-{a}} is "{a" then "}" */
        if (c == '\\') {
            int d = lx_peek(p, 1);
            lx_adv(p);
            if (d == '\n') {
                lx_adv(p);
            } else if (d < 0) {
                continue;
            } else if (!in_dq || strchr("$`\"\\}", d)) {
                lx_adv(p);
                wb_char(&b, in_dq ? AP_LIT : AP_SQ, (char)d);
                if (in_dq)
                    b.quoted = true;
            } else {
                /* "\c" inside "...": both stay (the quote after it is no quote) */
                lx_adv(p);
                wb_char(&b, AP_LIT, '\\');
                wb_char(&b, AP_LIT, (char)d);
            }
            continue;
        } else if (c == '\'' && (!in_dq || pattern)) {
            int l0 = p->line;
            lx_adv(p);
            bool any = false;
            for (;;) {
                int d = lx_peek(p, 0);
                if (d < 0) {
                    ps_error_eof_match(p, l0, "'");
                    goto fail;
                }
                lx_adv(p);
                if (d == '\'')
                    break;
                wb_char(&b, AP_SQ, (char)d);
                any = true;
            }
            if (!any) {
                ast_part *s = wb_part(&b, AP_SQ);
                if (!s)
                    goto fail;
                s->text = ps_strdup(p, "");
            }
            continue;
        } else if (c == '"') {
            lx_adv(p);
            if (!lx_dq(p, &b, false))
                goto fail;
            continue;
        } else if (c == '$') {
            /* $'...' and $"..." are quotes here, also inside "..." (bash's
             * extquote, on by default); in a here-document only in patterns */
            int d = lx_peek(p, 1);
            if ((!in_dq && d == '\'') ||
                (in_dq && (!p->in_heredoc || pattern) && (d == '\'' || d == '"'))) {
                if (!lx_dollar(p, &b, false))
                    goto fail;
                continue;
            }
            if (!lx_dollar(p, &b, in_dq))
                goto fail;
            continue;
        } else if (c == '`') {
            if (!lx_backquote(p, &b, in_dq))
                goto fail;
            continue;
        }
        lx_adv(p);
        wb_char(&b, AP_LIT, (char)c);
    }
    {
        char *src = lx_rec_end(p, mark);
        return wb_finish(&b, line, src);
    }
fail:
    p->rec_depth--;
    vbuf_free(&b.lit);
    return NULL;
}

/* Arithmetic text (or a subscript / substring operand) as a word: up to
 * one of stops at paren depth 0, or to "))" when stops is "". The stop is
 * not consumed. *hit_eof: the input ended first. */
static ast_word *lx_arith_text(parser *p, const char *stops, int line, bool *hit_eof)
{
    wb b;
    wb_init(&b, p);
    int depth = 0, bdepth = 0;
    size_t mark = lx_rec_begin(p);
    *hit_eof = false;
    for (;;) {
        int c = lx_peek(p, 0);
        if (c < 0) {
            *hit_eof = true;
            break;
        }
        if (depth == 0 && bdepth == 0) {
            if ((*stops == 0 || *stops == ';') && c == ')' && lx_peek(p, 1) == ')')
                break;
            if (*stops && strchr(stops, c))
                break;
        }
        if ((*stops == 0 || *stops == ';') && depth == 0 && c == ')') {
            /* a lone ')' ends $(( )) badly: bash's matching error */
            *hit_eof = true;
            break;
        }
        bool sub = *stops && strchr(stops, ']');
        if (c == '(' && !sub)
            depth++;
        else if (c == ')' && !sub && depth > 0)
            depth--;
        else if (c == '[' && sub)
            bdepth++;
        else if (c == ']' && bdepth > 0)
            bdepth--;
        if (c == '\\') {
            int d = lx_peek(p, 1);
            lx_adv(p);
            if (d == '\n') {
                lx_adv(p);
            } else if (d >= 0) {
                lx_adv(p);
                wb_char(&b, AP_SQ, (char)d);
            }
            continue;
        }
        if (c == '"') {
            lx_adv(p);
            if (!lx_dq(p, &b, false))
                goto fail;
            continue;
        }
        if (c == '\'' && *stops && strchr(stops, ']')) {
            /* quotes in subscripts (assoc keys) */
            int l0 = p->line;
            lx_adv(p);
            bool any = false;
            for (;;) {
                int d = lx_peek(p, 0);
                if (d < 0) {
                    ps_error_eof_match(p, l0, "'");
                    goto fail;
                }
                lx_adv(p);
                if (d == '\'')
                    break;
                wb_char(&b, AP_SQ, (char)d);
                any = true;
            }
            if (!any) {
                ast_part *s = wb_part(&b, AP_SQ);
                if (!s)
                    goto fail;
                s->text = ps_strdup(p, "");
            }
            continue;
        }
        if (c == '$') {
            if (!lx_dollar(p, &b, *stops ? false : true))
                goto fail;
            continue;
        }
        if (c == '`') {
            if (!lx_backquote(p, &b, false))
                goto fail;
            continue;
        }
        lx_adv(p);
        wb_char(&b, AP_LIT, (char)c);
    }
    {
        char *src = lx_rec_end(p, mark);
        return wb_finish(&b, line, src);
    }
fail:
    p->rec_depth--;
    vbuf_free(&b.lit);
    return NULL;
}

ast_word *lx_arith_word(parser *p, int line)
{
    bool eof = false;
    ast_word *w = lx_arith_text(p, "", line, &eof);
    if (p->failed)
        return NULL;
    if (eof) {
        ps_error_eof_match(p, line, ")");
        return NULL;
    }
    lx_adv(p);
    lx_adv(p);
    return w;
}

ast_word *lx_arith_part(parser *p, int line, int *end)
{
    bool eof = false;
    ast_word *w = lx_arith_text(p, ";", line, &eof);
    if (p->failed)
        return NULL;
    int c = lx_peek(p, 0);
    if (eof || c < 0) {
        ps_error_eof_match(p, line, ")");
        return NULL;
    }
    if (c == ';') {
        lx_adv(p);
        *end = ';';
    } else if (c == ')' && lx_peek(p, 1) == ')') {
        lx_adv(p);
        lx_adv(p);
        *end = ')';
    } else {
        ps_error_eof_match(p, line, ")");
        return NULL;
    }
    return w;
}

ast_word *lx_heredoc_word(parser *p, int line, char *text)
{
    wb b;
    wb_init(&b, p);
    if (!lx_dq(p, &b, true)) {
        vbuf_free(&b.lit);
        return NULL;
    }
    return wb_finish(&b, line, text);
}
