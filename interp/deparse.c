/*
 * Prints a syntax tree back as shell text in bash's layout (declare -f,
 * type): four-space indentation, commands inside compound bodies ended by
 * ';', `then`/`do` placement as bash's print_cmd.c does.
 */
#include <string.h>

#include "interp/interp.h"
#include "interp/parser.h"

#define DP_MAX_HEREDOCS 16

typedef struct dp {
    vbuf *b;
    int indent;
    bool oneline;   /* jobs: everything on one line, "a; b; " */
    bool comsub;    /* bash's text of a $( ): { } groups on one line */
    const ast_redir *pending[DP_MAX_HEREDOCS]; /* here-documents of the current line */
    int npending;
} dp;

static void dp_node(dp *d, const ast_node *n);

/* The bodies of the here-documents of the line just printed, each ended by
 * its delimiter line (bash's layout). */
static void dp_heredocs(dp *d)
{
    if (!d->npending)
        return;
    for (int i = 0; i < d->npending; i++) {
        const ast_redir *r = d->pending[i];
        vbuf_addc(d->b, '\n');
        if (r->target && r->target->src)
            vbuf_adds(d->b, r->target->src);
        vbuf_adds(d->b, r->heredoc_end ? r->heredoc_end : "EOF");
    }
    d->npending = 0;
    vbuf_addc(d->b, '\n');
}

static void dp_ind(dp *d)
{
    if (d->oneline)
        return;
    for (int i = 0; i < d->indent; i++)
        vbuf_adds(d->b, "    ");
}

/* The $( ) of parts in order, each with bash's text of its body in place
 * of the text as written ("$(echo   a|wc)" shows as "$(echo a | wc)"):
 * copies src from *done to each one found after it. */
static void dp_comsubs(dp *d, const ast_part *parts, size_t n, const char *src, const char **done)
{
    for (size_t i = 0; i < n; i++) {
        const ast_part *pt = &parts[i];
        if (pt->kind == AP_DQ || pt->kind == AP_LOCALE) {
            dp_comsubs(d, pt->parts, pt->nparts, src, done);
            continue;
        }
        if (pt->kind != AP_CMDSUB || pt->backquote || !pt->dtext || !pt->src)
            continue;
        size_t l = strlen(pt->src);
        const char *at = *done;
        while ((at = strstr(at, "$(")) && strncmp(at + 2, pt->src, l) != 0)
            at++;
        if (!at || at[2 + l] != ')')
            continue;
        vbuf_add(d->b, *done, (size_t)(at - *done));
        vbuf_adds(d->b, pt->dtext[0] == '(' ? "$( " : "$(");
        vbuf_adds(d->b, pt->dtext);
        vbuf_addc(d->b, ')');
        *done = at + 2 + l + 1;
    }
}

static void dp_word(dp *d, const ast_word *w)
{
    if (!w || !w->src)
        return;
    const char *done = w->src;
    dp_comsubs(d, w->parts, w->nparts, w->src, &done);
    vbuf_adds(d->b, done);
}

static void dp_redirs(dp *d, const ast_redir *r)
{
    for (; r; r = r->next) {
        vbuf_addc(d->b, ' ');
        if (r->fd_var)
            vbuf_printf(d->b, "{%s}", r->fd_var);
        else if (r->fd < 0 && (r->op == R_DUP_OUT || r->op == R_DUP_IN))
            vbuf_printf(d->b, "%d", r->op == R_DUP_OUT ? 1 : 0);
        else if (r->fd >= 0 && !(r->fd == 0 && (r->op == R_IN || r->op == R_HEREDOC || r->op == R_HERESTRING)) &&
                 !(r->fd == 1 && (r->op == R_OUT || r->op == R_APPEND)))
            vbuf_printf(d->b, "%d", r->fd);
        const char *op = "";
        switch (r->op) {
        case R_IN: op = "<"; break;
        case R_OUT: op = ">"; break;
        case R_CLOBBER: op = ">|"; break;
        case R_APPEND: op = ">>"; break;
        case R_INOUT: op = "<>"; break;
        case R_DUP_IN: op = "<&"; break;
        case R_DUP_OUT: op = ">&"; break;
        case R_OUT_ERR: op = "&>"; break;
        case R_APPEND_ERR: op = "&>>"; break;
        case R_HEREDOC: op = r->heredoc_strip ? "<<-" : "<<"; break;
        case R_HERESTRING: op = "<<<"; break;
        }
        vbuf_adds(d->b, op);
        if (r->op == R_HEREDOC) {
            vbuf_adds(d->b, r->heredoc_word ? r->heredoc_word : r->heredoc_quoted ? "'EOF'" : "EOF");
            /* the body follows the command's line */
            if (d->npending < DP_MAX_HEREDOCS)
                d->pending[d->npending++] = r;
            continue;
        }
        if (r->op != R_DUP_IN && r->op != R_DUP_OUT)
            vbuf_addc(d->b, ' ');
        dp_word(d, r->target);
    }
}

static void dp_assign(dp *d, const ast_assign *a)
{
    vbuf_adds(d->b, a->name);
    if (a->index) {
        vbuf_addc(d->b, '[');
        dp_word(d, a->index);
        vbuf_addc(d->b, ']');
    }
    vbuf_adds(d->b, a->append ? "+=" : "=");
    if (a->is_array) {
        vbuf_addc(d->b, '(');
        for (size_t i = 0; i < a->narray; i++) {
            if (i)
                vbuf_addc(d->b, ' ');
            dp_word(d, a->array[i]);
        }
        vbuf_addc(d->b, ')');
    } else if (a->value)
        dp_word(d, a->value);
}

static void dp_cond(dp *d, const ast_cond *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->parens; i++)
        vbuf_adds(d->b, "( ");
    switch (c->kind) {
    case C_AND:
    case C_OR:
        dp_cond(d, c->left);
        vbuf_adds(d->b, c->kind == C_AND ? " && " : " || ");
        dp_cond(d, c->right);
        break;
    case C_NOT:
        /* bash keeps one flag: `! !` cancels out */
        if (c->left && c->left->kind == C_NOT && !c->left->parens) {
            dp_cond(d, c->left->left);
            break;
        }
        vbuf_adds(d->b, "! ");
        dp_cond(d, c->left);
        break;
    case C_UNARY:
        vbuf_printf(d->b, "%s ", c->op);
        dp_word(d, c->w1);
        break;
    case C_BINARY:
        dp_word(d, c->w1);
        vbuf_printf(d->b, " %s ", c->op);
        dp_word(d, c->w2);
        break;
    case C_WORD: /* bash prints the test it makes */
        vbuf_adds(d->b, "-n ");
        dp_word(d, c->w1);
        break;
    }
    for (int i = 0; i < c->parens; i++)
        vbuf_adds(d->b, " )");
}

/* A list body: each command on its own line, ';' after each (bash), except
 * the last one when last_plain. */
static void dp_body(dp *d, const ast_node *n, bool last_plain)
{
    if (!n)
        return;
    if (d->oneline) {
        /* "a; b; " with a space before the closing word */
        if (n->kind == N_LIST) {
            for (size_t i = 0; i < n->nitems; i++) {
                dp_node(d, n->items[i]);
                vbuf_adds(d->b, n->items[i]->background ? " & " : "; ");
            }
        } else {
            dp_node(d, n);
            vbuf_adds(d->b, "; ");
        }
        return;
    }
    if (n->kind == N_LIST) {
        for (size_t i = 0; i < n->nitems; i++) {
            dp_ind(d);
            dp_node(d, n->items[i]);
            if (n->items[i]->background)
                vbuf_adds(d->b, " &");
            else if (!(last_plain && i + 1 == n->nitems) && !d->npending)
                vbuf_addc(d->b, ';');
            dp_heredocs(d);
            vbuf_addc(d->b, '\n');
        }
        return;
    }
    dp_ind(d);
    dp_node(d, n);
    if (!last_plain && !d->npending)
        vbuf_addc(d->b, ';');
    dp_heredocs(d);
    vbuf_addc(d->b, '\n');
}

static void dp_inline_list(dp *d, const ast_node *n)
{
    if (n && n->kind == N_LIST) {
        for (size_t i = 0; i < n->nitems; i++) {
            if (i)
                vbuf_adds(d->b, n->items[i - 1]->background ? " " : "; ");
            dp_node(d, n->items[i]);
            if (n->items[i]->background)
                vbuf_adds(d->b, " &");
        }
    } else if (n)
        dp_node(d, n);
}

static void dp_node(dp *d, const ast_node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_SIMPLE: {
        bool first = true;
        for (const ast_assign *a = n->assigns; a; a = a->next) {
            if (!first)
                vbuf_addc(d->b, ' ');
            dp_assign(d, a);
            first = false;
        }
        for (size_t i = 0; i < n->nwords; i++) {
            if (!first)
                vbuf_addc(d->b, ' ');
            dp_word(d, n->words[i]);
            first = false;
        }
        dp_redirs(d, n->redirs);
        return;
    }
    case N_PIPELINE:
        if (n->timed)
            vbuf_adds(d->b, "time ");
        if (n->negate)
            vbuf_adds(d->b, "! ");
        for (size_t i = 0; i < n->nitems; i++) {
            if (i)
                vbuf_adds(d->b, n->pipe_err && n->pipe_err[i - 1] ? " |& " : " | ");
            dp_node(d, n->items[i]);
        }
        return;
    case N_AND:
    case N_OR:
        dp_node(d, n->left);
        vbuf_adds(d->b, n->kind == N_AND ? " && " : " || ");
        dp_node(d, n->right);
        return;
    case N_LIST:
        dp_inline_list(d, n);
        return;
    case N_SUBSHELL:
        vbuf_adds(d->b, "( ");
        if (n->body && n->body->kind == N_LIST) {
            for (size_t i = 0; i < n->body->nitems; i++) {
                if (i) {
                    if (d->oneline)
                        vbuf_adds(d->b, n->body->items[i - 1]->background ? " " : "; ");
                    else
                        vbuf_adds(d->b, n->body->items[i - 1]->background ? "\n" : ";\n");
                    dp_ind(d);
                }
                dp_node(d, n->body->items[i]);
                if (n->body->items[i]->background)
                    vbuf_adds(d->b, " &");
            }
        } else
            dp_node(d, n->body);
        vbuf_adds(d->b, " )");
        break;
    case N_GROUP:
        if (d->comsub && !d->oneline) {
            d->oneline = true;
            vbuf_adds(d->b, "{ ");
            dp_body(d, n->body, true);
            vbuf_addc(d->b, '}');
            d->oneline = false;
            break;
        }
        vbuf_adds(d->b, d->oneline ? "{ " : "{ \n");
        d->indent++;
        dp_body(d, n->body, true);
        d->indent--;
        dp_ind(d);
        vbuf_addc(d->b, '}');
        break;
    case N_IF: {
        vbuf_adds(d->b, "if ");
        dp_inline_list(d, n->cond);
        vbuf_adds(d->b, d->oneline ? "; then " : "; then\n");
        d->indent++;
        dp_body(d, n->then, false);
        d->indent--;
        const ast_node *e = n->else_;
        if (e) {
            dp_ind(d);
            vbuf_adds(d->b, d->oneline ? "else " : "else\n");
            d->indent++;
            dp_body(d, e, false);
            d->indent--;
        }
        dp_ind(d);
        vbuf_adds(d->b, "fi");
        break;
    }
    case N_WHILE:
    case N_UNTIL:
        vbuf_adds(d->b, n->kind == N_WHILE ? "while " : "until ");
        dp_inline_list(d, n->cond);
        vbuf_adds(d->b, d->oneline ? "; do " : "; do\n");
        d->indent++;
        dp_body(d, n->body, false);
        d->indent--;
        dp_ind(d);
        vbuf_adds(d->b, "done");
        break;
    case N_FOR:
    case N_SELECT:
        vbuf_printf(d->b, "%s %s", n->kind == N_FOR ? "for" : "select", n->var);
        if (n->has_in || n->list) {
            vbuf_adds(d->b, " in");
            for (size_t i = 0; i < n->nlist; i++) {
                vbuf_addc(d->b, ' ');
                dp_word(d, n->list[i]);
            }
        } else
            vbuf_adds(d->b, " in \"$@\"");
        vbuf_adds(d->b, d->oneline ? "; " : ";\n");
        dp_ind(d);
        vbuf_adds(d->b, d->oneline ? "do " : "do\n");
        d->indent++;
        dp_body(d, n->body, false);
        d->indent--;
        dp_ind(d);
        vbuf_adds(d->b, "done");
        break;
    case N_ARITH_FOR:
        vbuf_adds(d->b, "for ((");
        dp_word(d, n->arith_init);
        vbuf_adds(d->b, "; ");
        dp_word(d, n->arith_cond);
        vbuf_adds(d->b, "; ");
        dp_word(d, n->arith_step);
        vbuf_adds(d->b, d->oneline ? ")); " : "))\n");
        dp_ind(d);
        vbuf_adds(d->b, d->oneline ? "do " : "do\n");
        d->indent++;
        dp_body(d, n->body, false);
        d->indent--;
        dp_ind(d);
        vbuf_adds(d->b, "done");
        break;
    case N_CASE:
        vbuf_adds(d->b, "case ");
        dp_word(d, n->subject);
        vbuf_adds(d->b, d->oneline ? " in " : " in \n");
        d->indent++;
        for (size_t i = 0; i < n->ncases; i++) {
            const ast_case_item *it = &n->cases[i];
            dp_ind(d);
            for (size_t k = 0; k < it->npatterns; k++) {
                if (k)
                    vbuf_adds(d->b, " | ");
                dp_word(d, it->patterns[k]);
            }
            vbuf_adds(d->b, d->oneline ? ") " : ")\n");
            d->indent++;
            dp_body(d, it->body, true);
            d->indent--;
            dp_ind(d);
            vbuf_adds(d->b, it->term == 1 ? ";&" : it->term == 2 ? ";;&" : ";;");
            vbuf_adds(d->b, d->oneline ? " " : "\n");
        }
        d->indent--;
        dp_ind(d);
        vbuf_adds(d->b, "esac");
        break;
    case N_COND:
        vbuf_adds(d->b, "[[ ");
        dp_cond(d, n->cexpr);
        vbuf_adds(d->b, " ]]");
        break;
    case N_ARITH:
        vbuf_adds(d->b, "((");
        dp_word(d, n->arith_init);
        vbuf_adds(d->b, "))");
        break;
    case N_FUNCDEF:
        vbuf_printf(d->b, "%s () \n", n->var);
        dp_ind(d);
        dp_node(d, n->body);
        return;
    case N_COPROC:
        vbuf_printf(d->b, "coproc %s ", n->var ? n->var : "COPROC");
        dp_node(d, n->body);
        return;
    }
    dp_redirs(d, n->redirs);
}

void deparse_node(const ast_node *n, vbuf *out)
{
    dp d = {.b = out, .indent = 0, .oneline = true};
    dp_node(&d, n);
}

void deparse_function(const char *name, const ast_node *def, vbuf *out)
{
    dp d = {.b = out, .indent = 0};
    vbuf_printf(out, "%s () \n", name);
    const ast_node *body = def ? def->body : NULL;
    if (body && body->kind == N_GROUP) {
        vbuf_adds(out, "{ \n");
        d.indent = 1;
        const ast_node *l = body->body;
        dp_body(&d, l, true);
        vbuf_addc(out, '}');
        dp_redirs(&d, body->redirs);
        vbuf_addc(out, '\n');
    } else if (body) {
        /* bash shows any other compound body inside braces */
        vbuf_adds(out, "{ \n");
        d.indent = 1;
        dp_body(&d, body, true);
        vbuf_adds(out, "}\n");
    }
}

/* The text bash 5.2 keeps for a $( ) body (its print_comsub): the
 * commands of the top level one per line as written, joined by "; " when
 * they shared a line, compound commands in the declare -f layout. bash
 * runs that text, so it gives the lines of $LINENO inside. */
void deparse_comsub(const ast_node *body, vbuf *out)
{
    dp d = {.b = out, .indent = 0, .comsub = true};
    if (!body)
        return;
    if (body->kind != N_LIST) {
        dp_node(&d, body);
        return;
    }
    bool after_heredoc = false;
    for (size_t i = 0; i < body->nitems; i++) {
        const ast_node *it = body->items[i];
        if (i) {
            const ast_node *prev = body->items[i - 1];
            if (prev->background) /* "a & b", a newline after & or not */
                vbuf_addc(out, ' ');
            else
                vbuf_adds(out, it->line > prev->line || after_heredoc ? "\n" : "; ");
        }
        dp_node(&d, it);
        if (it->background)
            vbuf_adds(out, " &");
        /* here-documents: the bodies, then bash leaves an empty line */
        after_heredoc = d.npending > 0;
        dp_heredocs(&d);
    }
}
