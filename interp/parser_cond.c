/*
 * The [[ ]] conditional command: || < && < ! < ( ) and primaries, with
 * bash's messages (and bash's $? of 0 after most of them). Split from
 * interp/parser.c.
 */
#include "interp/lexer.h"

#include <string.h>

/* ---------------------------------------------------------------- [[ ]] */

static ast_cond *cond_or(parser *p);

static const char *const cond_unary[] = { "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k",
    "-p", "-r", "-s", "-t", "-u", "-w", "-x", "-G", "-L", "-N", "-O", "-S", "-z", "-n", "-o",
    "-v", "-R", NULL };
static const char *const cond_binary[] = { "=", "==", "!=", "=~", "-eq", "-ne", "-lt", "-le",
    "-gt", "-ge", "-nt", "-ot", "-ef", NULL };

static bool in_list(const char *s, const char *const *l)
{
    if (!s)
        return false;
    for (int i = 0; l[i]; i++)
        if (strcmp(s, l[i]) == 0)
            return true;
    return false;
}

static void cond_err(parser *p, const char *fmt, const lx_tok *t)
{
    if (t->kind == T_EOF) {
        ps_error(p, p->cond_line, "unexpected EOF while looking for `]]'", true);
        return;
    }
    char *msg = mem_printf(p->h, fmt, t->text ? t->text : "");
    bool was = p->failed;
    ps_error(p, t->line, msg ? msg : "syntax error in conditional expression", false);
    mem_free(p->h, msg);
    if (!was && t->kind == T_NEWLINE && lx_peek(p, 0) < 0)
        p->err.status = 2; /* the newline that ends the input */
}

static ast_cond *new_cond(parser *p, ast_cond_kind k, int line)
{
    ast_cond *c = ps_alloc(p, sizeof *c);
    if (!c) {
        ps_error(p, line, "out of memory", false);
        return NULL;
    }
    c->kind = k;
    c->line = line;
    return c;
}

static bool cond_end(const lx_tok *t)
{
    return t->kind == T_AND_AND || t->kind == T_OR_OR || t->kind == T_RPAREN || ps_is_plain(t, "]]");
}

static ast_cond *cond_primary(parser *p)
{
    lx_tok *t = ps_peek(p, LX_COND);
    if (p->failed)
        return NULL;
    int line = t->line;
    if (t->kind == T_LPAREN) {
        if (!ps_enter(p))
            return NULL;
        lx_take(p);
        ast_cond *e = cond_or(p);
        if (!e) {
            /* bash goes on with "expected `)'" after an error of the
             * inner expression (not at the end of input) */
            if (p->failed && !p->err.incomplete && !p->err.depth_limit) {
                if (p->err.silent) {
                    p->err.silent = false;
                    p->err.line = line;
                    p->err.msg = mem_strdup(p->h, "expected `)'");
                } else if (!p->err.msg2) {
                    p->err.msg2 = mem_strdup(p->h, "expected `)'");
                }
            }
            return NULL;
        }
        t = ps_peek(p, LX_COND);
        if (t->kind != T_RPAREN) {
            cond_err(p, "unexpected token `%s', expected `)'", t);
            return NULL;
        }
        lx_take(p);
        p->depth--;
        e->parens++;
        return e;
    }
    if (t->kind == T_EOF) {
        ps_error(p, p->line, "unexpected token `EOF' in conditional command", true);
        return NULL;
    }
    if (ps_is_plain(t, "]]")) {
        /* a term expected: bash fails without a message */
        ps_error(p, t->line, "syntax error in conditional expression", false);
        p->err.silent = true;
        return NULL;
    }
    if (t->kind != T_WORD) {
        cond_err(p, "unexpected token `%s' in conditional command", t);
        return NULL;
    }
    if (in_list(t->plain, cond_unary)) {
        ast_cond *c = new_cond(p, C_UNARY, line);
        if (!c)
            return NULL;
        c->op = (char *)t->plain;
        lx_take(p);
        lx_tok *a = ps_peek(p, LX_COND);
        if (a->kind != T_WORD || ps_is_plain(a, "]]")) {
            if (a->kind == T_EOF)
                cond_err(p, "", a);
            else
                cond_err(p, "unexpected argument `%s' to conditional unary operator", a);
            return NULL;
        }
        c->w1 = a->word;
        lx_take(p);
        return c;
    }
    ast_word *w1 = t->word;
    lx_take(p);
    lx_tok *o = ps_peek(p, LX_COND);
    if (p->failed)
        return NULL;
    if (cond_end(o)) {
        ast_cond *c = new_cond(p, C_WORD, line);
        if (c)
            c->w1 = w1;
        return c;
    }
    const char *op = NULL;
    if (o->kind == T_WORD && in_list(o->plain, cond_binary))
        op = o->plain;
    else if (o->kind == T_REDIR && (o->op == R_IN || o->op == R_OUT))
        op = o->op == R_IN ? "<" : ">";
    if (!op) {
        if (o->kind == T_EOF)
            cond_err(p, "", o);
        else if (o->kind == T_WORD)
            ps_error(p, o->line, "conditional binary operator expected", false);
        else
            cond_err(p, "unexpected token `%s', conditional binary operator expected", o);
        return NULL;
    }
    lx_take(p);
    lx_tok *a = ps_peek(p, strcmp(op, "=~") == 0 ? (LX_COND | LX_REGEX) : LX_COND);
    if (a->kind != T_WORD || ps_is_plain(a, "]]")) {
        if (a->kind == T_EOF)
            cond_err(p, "", a);
        else
            cond_err(p, "unexpected argument `%s' to conditional binary operator", a);
        return NULL;
    }
    ast_cond *c = new_cond(p, C_BINARY, line);
    if (!c)
        return NULL;
    c->op = ps_strdup(p, op);
    c->w1 = w1;
    c->w2 = a->word;
    lx_take(p);
    return c;
}

static ast_cond *cond_not(parser *p)
{
    while (!p->failed && ps_peek(p, LX_COND)->kind == T_NEWLINE)
        lx_take(p);
    lx_tok *t = ps_peek(p, LX_COND);
    if (ps_is_plain(t, "!")) {
        int line = t->line;
        if (!ps_enter(p))
            return NULL;
        lx_take(p);
        ast_cond *c = new_cond(p, C_NOT, line);
        if (!c)
            return NULL;
        c->left = cond_not(p);
        p->depth--;
        return c->left ? c : NULL;
    }
    return cond_primary(p);
}

static void cond_skip_nl(parser *p)
{
    while (!p->failed && ps_peek(p, LX_COND)->kind == T_NEWLINE)
        lx_take(p);
}

static ast_cond *cond_and(parser *p)
{
    ast_cond *l = cond_not(p);
    if (l)
        cond_skip_nl(p);
    int links = 0;
    while (l && ps_peek(p, LX_COND)->kind == T_AND_AND) {
        int line = p->tok.line;
        if (!ps_enter(p))
            return NULL;
        links++;
        lx_take(p);
        ast_cond *c = new_cond(p, C_AND, line);
        if (!c)
            return NULL;
        c->left = l;
        c->right = cond_not(p);
        if (!c->right)
            return NULL;
        cond_skip_nl(p);
        l = c;
    }
    p->depth -= links;
    return p->failed ? NULL : l;
}

static ast_cond *cond_or(parser *p)
{
    ast_cond *l = cond_and(p);
    int links = 0;
    while (l && ps_peek(p, LX_COND)->kind == T_OR_OR) {
        int line = p->tok.line;
        if (!ps_enter(p))
            return NULL;
        links++;
        lx_take(p);
        ast_cond *c = new_cond(p, C_OR, line);
        if (!c)
            return NULL;
        c->left = l;
        c->right = cond_and(p);
        if (!c->right)
            return NULL;
        l = c;
    }
    p->depth -= links;
    return p->failed ? NULL : l;
}

ast_node *ps_cond(parser *p, int line)
{
    ast_node *n = ps_new_node(p, N_COND, line);
    if (!n)
        return NULL;
    if (p->opts.cond_stale && *p->opts.cond_stale) {
        /* the state an earlier [[ ]] error left: bash fails at the first
         * word, a plain syntax error, and the state is used up */
        *p->opts.cond_stale = false;
        ps_error_tok(p, ps_peek(p, LX_COND));
        return NULL;
    }
    p->cond_line = line;
    p->in_cond = true;
    n->cexpr = cond_or(p);
    if (!n->cexpr) {
        p->in_cond = false;
        if (p->failed && !p->err.depth_limit)
            p->err.cond_error = true;
        return NULL;
    }
    lx_tok *t = ps_peek(p, LX_COND);
    if (!ps_is_plain(t, "]]")) {
        if (t->kind == T_EOF)
            cond_err(p, "", t);
        else /* bash names the line of the [[ */
            ps_error(p, p->cond_line, "syntax error in conditional expression", false);
        p->err.cond_error = true;
        p->in_cond = false;
        return NULL;
    }
    p->in_cond = false;
    n->line = t->line; /* bash: the line of the "]]" */
    lx_take(p);
    return n;
}

