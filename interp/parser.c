/*
 * The bash grammar: recursive descent, one function per rule, over the
 * lexer of interp/lexer.c. Errors are bash's texts (parse_error); the first
 * one stops the parse. See docs/parser.md.
 */
#include "interp/parser.h"

#include <stdio.h>
#include <string.h>

#include "interp/lexer.h"

static ast_node *ps_compound_list(parser *p, bool allow_empty);
static ast_node *ps_and_or(parser *p);
static ast_node *ps_command(parser *p);
static ast_node *ps_compound(parser *p, const lx_tok *t);
static ast_node *ps_top_list(parser *p);

/* ================================================================ errors */

int ps_eof_line(const parser *p)
{
    return p->line;
}

char *ps_line_text(parser *p, int line)
{
    const lx_layer *L = &p->layers[0];
    int cur = p->opts.first_line > 0 ? p->opts.first_line : 1;
    size_t i = 0;
    while (cur < line && i < L->len) {
        if (L->s[i++] == '\n')
            cur++;
    }
    size_t j = i;
    while (j < L->len && L->s[j] != '\n')
        j++;
    return mem_strndup(p->h, L->s + i, j - i);
}

void ps_error(parser *p, int line, const char *msg, bool incomplete)
{
    if (p->failed)
        return;
    p->failed = true;
    p->err.line = line;
    p->err.msg = mem_strdup(p->h, msg);
    p->err.incomplete = incomplete;
    p->err.depth_limit = false;
    p->err.src_line = NULL;
    p->err.msg2 = NULL;
    p->err.msg2_line = 0;
    p->err.in_subst = false;
    p->err.cond_error = false;
    /* bash 5.2 leaves $? at 0 after a [[ ]] error, unless the input ended
     * (see cond_err) */
    p->err.status = p->in_cond && !incomplete ? 0 : 2;
    p->err.keep_status = p->in_cond && !incomplete;
    p->err.silent = false;
}

void ps_error_tok(parser *p, const lx_tok *t)
{
    if (p->failed)
        return;
    if (t->kind == T_EOF) {
        ps_error(p, ps_eof_line(p), "syntax error: unexpected end of file", true);
        return;
    }
    const char *text = t->text ? t->text : "";
    char *msg = mem_printf(p->h, "syntax error near unexpected token `%s'", text);
    ps_error(p, t->line, msg ? msg : "syntax error", false);
    mem_free(p->h, msg);
    p->err.src_line = ps_line_text(p, t->line);
}

void ps_error_eof_match(parser *p, int line, const char *what)
{
    char *msg = mem_printf(p->h, "unexpected EOF while looking for matching `%s'", what);
    ps_error(p, line, msg ? msg : "unexpected EOF", true);
    mem_free(p->h, msg);
}

void ps_error_unexpected_char(parser *p, int c)
{
    lx_tok t;
    memset(&t, 0, sizeof t);
    t.kind = T_WORD;
    t.line = p->line;
    char buf[4] = { (char)c, 0, 0, 0 };
    int d = lx_peek(p, 1);
    if ((c == ';' && d == ';') || (c == '&' && d == '&') || (c == '|' && d == '|') ||
        (c == '>' && d == '>') || (c == '<' && d == '<'))
        buf[1] = (char)d;
    if (c == '\n')
        t.text = "newline";
    else
        t.text = buf;
    ps_error_tok(p, &t);
}

bool ps_enter(parser *p)
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

/* ================================================================ helpers */

ast_node *ps_new_node(parser *p, ast_kind k, int line)
{
    ast_node *n = ps_alloc(p, sizeof *n);
    if (!n) {
        ps_error(p, line, "out of memory", false);
        return NULL;
    }
    n->kind = k;
    n->line = line;
    return n;
}

static bool push_ptr(parser *p, void ***arr, size_t *n, size_t *cap, void *v)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 4;
        void **na = mem_realloc(p->h, *arr, nc * sizeof *na);
        if (!na) {
            ps_error(p, p->line, "out of memory", false);
            return false;
        }
        *arr = na;
        *cap = nc;
    }
    (*arr)[(*n)++] = v;
    return true;
}

bool ps_is_plain(const lx_tok *t, const char *s)
{
    return t->kind == T_WORD && t->plain && t->plain[0] == s[0] && strcmp(t->plain, s) == 0;
}


static bool is_list_end(const lx_tok *t)
{
    switch (t->kind) {
    case T_EOF: case T_RPAREN: case T_DSEMI: case T_SEMI_AMP: case T_DSEMI_AMP:
        return true;
    case T_WORD:
        switch (t->rw) {
        case RW_THEN: case RW_ELSE: case RW_ELIF: case RW_FI: case RW_DO: case RW_DONE:
        case RW_ESAC: case RW_RBRACE:
            return true;
        default:
            return false;
        }
    default:
        return false;
    }
}

lx_tok *ps_peek(parser *p, int ctx)
{
    if (!p->have_tok)
        p->ctx = ctx;
    return lx_peek_tok(p);
}

static void skip_newlines(parser *p)
{
    while (!p->failed && ps_peek(p, LX_ASSIGN)->kind == T_NEWLINE)
        lx_take(p);
}

/* Expects the plain word s in command position. */
static bool expect_word(parser *p, const char *s)
{
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (p->failed)
        return false;
    if (!ps_is_plain(t, s)) {
        ps_error_tok(p, t);
        return false;
    }
    lx_take(p);
    return true;
}

/* Alias expansion of the word token t (command position). true: expanded. */
static bool try_alias(parser *p, lx_tok *t)
{
    if (!p->opts.alias || t->kind != T_WORD || !t->plain || t->assign)
        return false;
    if (lx_alias_active(p, t->plain))
        return false;
    const char *text = p->opts.alias(p->opts.alias_ctx, t->plain);
    if (!text)
        return false;
    char *name = mem_strdup(p->h, t->plain);
    size_t n = strlen(text);
    char *copy = mem_strndup(p->h, text, n);
    if (!name || !copy) {
        ps_error(p, t->line, "out of memory", false);
        return false;
    }
    lx_take(p);
    if (!lx_push(p, copy, n, false, name))
        return false;
    p->layers[p->nlayers - 1].blank_end = n > 0 && (copy[n - 1] == ' ' || copy[n - 1] == '\t');
    return true;
}

/* ================================================================ redirections */

static bool all_digits(const char *s, bool allow_dash)
{
    if (!*s)
        return false;
    size_t n = strlen(s);
    if (allow_dash && s[n - 1] == '-')
        n--;
    if (n == 0)
        return allow_dash;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static ast_redir *ps_redir(parser *p)
{
    lx_tok *t = ps_peek(p, 0);
    ast_redir *r = ps_alloc(p, sizeof *r);
    if (!r) {
        ps_error(p, t->line, "out of memory", false);
        return NULL;
    }
    r->op = t->op;
    r->fd = t->fd;
    r->fd_var = t->fd_var;
    r->heredoc_strip = t->strip;
    r->line = t->line;
    lx_take(p);
    lx_tok *w = ps_peek(p, 0);
    if (p->failed)
        return NULL;
    if (w->kind != T_WORD) {
        ps_error_tok(p, w);
        return NULL;
    }
    lx_take(p);
    if (r->op == R_HEREDOC) {
        if (!lx_add_heredoc(p, r, w->word))
            return NULL;
        return r;
    }
    r->target = w->word;
    if (r->op == R_DUP_OUT && r->fd == -1 && !r->fd_var && w->plain &&
        !all_digits(w->plain, true))
        r->op = R_OUT_ERR;
    return r;
}

static ast_redir **redir_tail(ast_redir **head)
{
    while (*head)
        head = &(*head)->next;
    return head;
}

/* Position of the next unread byte in the top layer: function source text. */
static const char *cur_ptr(parser *p, const char **base)
{
    for (int i = p->nlayers - 1; i >= 0; i--) {
        lx_layer *L = &p->layers[i];
        if (L->pos < L->limit || i == 0 || L->barrier) {
            *base = L->s;
            return L->s + L->pos;
        }
    }
    *base = NULL;
    return NULL;
}

/* Redirections after a compound command. p->end_ptr/end_base: where the
 * command's text ends (before the token that follows). */
static bool ps_trailing_redirs(parser *p, ast_node *n)
{
    ast_redir **tail = redir_tail(&n->redirs);
    if (!p->have_tok)
        p->end_ptr = cur_ptr(p, &p->end_base);
    while (!p->failed && ps_peek(p, 0)->kind == T_REDIR) {
        ast_redir *r = ps_redir(p);
        if (!r)
            return false;
        *tail = r;
        tail = &r->next;
        if (!p->have_tok)
            p->end_ptr = cur_ptr(p, &p->end_base);
    }
    return !p->failed;
}

/* ================================================================ simple commands */


static ast_node *ps_funcdef_body(parser *p, ast_node *fn, const char *start, const char *base);

/* The line bash's reader is on: that of the last byte consumed (a newline
 * belongs to the line it ends; p->line is the line of the next byte).
 * Bash takes LINENO of a simple command, [[ ]], (( )), case and for from
 * there once it has read a given token (see ps_simple). */
static int ps_last_line(const parser *p)
{
    const lx_layer *L = &p->layers[0];
    if (L->pos > 0 && L->s[L->pos - 1] == '\n')
        return p->line - 1;
    if (L->pos >= L->len && p->eof_nl)
        return p->line - 1;
    return p->line;
}

/* first: an already taken first word (coproc NAME cmd), may be NULL.
 *
 * The line of the command (LINENO, error messages) is bash's: its grammar
 * makes the command when it reduces the first element, which for an
 * assignment or a redirection is once that element is read, and for a word
 * once the token after it is read too (the word might start a function
 * definition). So `echo a \<newline> b` is on its first line, `echo "x
 * <newline>y"` on its second, and `cat <<EOF; x` followed by a body on the
 * here-document's last line. */
static ast_node *ps_simple(parser *p, lx_tok *first_tok, ast_word *first)
{
    int line = first_tok ? first_tok->line : ps_peek(p, LX_ASSIGN)->line;
    ast_node *n = ps_new_node(p, N_SIMPLE, line);
    if (!n)
        return NULL;
    void **words = NULL;
    size_t nw = 0, capw = 0;
    ast_assign **atail = &n->assigns;
    ast_redir **rtail = &n->redirs;
    bool decl = false;
    const char *start = NULL, *base = NULL;
    if (first) {
        if (!push_ptr(p, &words, &nw, &capw, first))
            return NULL;
        decl = first_tok->plain && first_tok->rw == RW_DECL;
    }
    for (;;) {
        lx_tok *t = ps_peek(p, (nw == 0 || decl) ? LX_ASSIGN : 0);
        if (p->failed)
            return NULL;
        if (t->kind == T_REDIR) {
            bool first_elem = nw == 0 && !n->assigns && !n->redirs;
            ast_redir *r = ps_redir(p);
            if (!r)
                return NULL;
            if (first_elem)
                n->line = ps_last_line(p);
            *rtail = r;
            rtail = &r->next;
            continue;
        }
        if ((t->kind == T_WORD || t->kind == T_ASSIGN_ARRAY) && t->assign) {
            if (nw == 0) {
                if (!n->assigns && !n->redirs)
                    n->line = ps_last_line(p);
                *atail = t->assign;
                atail = &t->assign->next;
                lx_take(p);
                continue;
            }
            t->word->assign = t->assign;
            if (!push_ptr(p, &words, &nw, &capw, t->word))
                return NULL;
            lx_take(p);
            continue;
        }
        if (t->kind == T_ASSIGN_ARRAY) {
            ps_error_tok(p, t);
            return NULL;
        }
        if (t->kind != T_WORD)
            break;
        if (p->alias_next) {
            p->alias_next = false;
            if (try_alias(p, t))
                continue;
            if (p->failed)
                return NULL;
        }
        if (nw == 0) {
            /* the command word after assignments: aliases apply */
            if ((n->assigns || n->redirs) && try_alias(p, t))
                continue;
            if (!n->assigns && !n->redirs)
                start = cur_ptr(p, &base);
        }
        if (!push_ptr(p, &words, &nw, &capw, t->word))
            return NULL;
        const char *plain = t->plain;
        bool is_decl = plain && t->rw == RW_DECL;
        lx_take(p);
        if (nw == 1) {
            decl = is_decl;
            if (!n->assigns && !n->redirs) {
                lx_tok *u = ps_peek(p, decl ? LX_ASSIGN : 0);
                if (p->failed)
                    return NULL;
                if (u->kind != T_LPAREN || !plain)
                    n->line = ps_last_line(p);
                else {
                    lx_take(p);
                    lx_tok *v = ps_peek(p, 0);
                    if (v->kind != T_RPAREN) {
                        ps_error_tok(p, v);
                        return NULL;
                    }
                    lx_take(p);
                    n->kind = N_FUNCDEF;
                    n->var = ((ast_word *)words[0])->src;
                    (void)start;
                    return ps_funcdef_body(p, n, NULL, NULL);
                }
            }
        }
    }
    n->words = ps_seal(p, words, nw * sizeof *words);
    n->nwords = nw;
    if (nw == 0 && !n->assigns && !n->redirs) {
        ps_error_tok(p, ps_peek(p, 0));
        return NULL;
    }
    /* bash reports a redirection's errors on the command's line */
    for (ast_redir *r = n->redirs; r; r = r->next)
        r->line = n->line;
    return n;
}

/* ================================================================ compound commands */

static bool starts_compound(const lx_tok *t)
{
    if (t->kind == T_LPAREN)
        return true;
    if (t->kind != T_WORD || !t->plain)
        return false;
    switch (t->rw) {
    case RW_LBRACE: case RW_IF: case RW_WHILE: case RW_UNTIL: case RW_FOR: case RW_SELECT:
    case RW_CASE: case RW_DLBRACK:
        return true;
    default:
        return false;
    }
}

/* After "name ()" or "function name [()]": newlines, a compound command,
 * its redirections. fn->var holds the name. */
static ast_node *ps_funcdef_body(parser *p, ast_node *fn, const char *start, const char *base)
{
    skip_newlines(p);
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (p->failed)
        return NULL;
    if (!starts_compound(t)) {
        ps_error_tok(p, t);
        return NULL;
    }
    ast_node *body = ps_compound(p, t);
    if (!body || !ps_trailing_redirs(p, body))
        return NULL;
    fn->body = body;
    if (start && p->end_base == base && p->end_ptr && p->end_ptr >= start)
        fn->src = ps_strndup(p, start, (size_t)(p->end_ptr - start));
    return fn;
}

static ast_node *ps_group(parser *p, int line)
{
    ast_node *n = ps_new_node(p, N_GROUP, line);
    if (!n)
        return NULL;
    n->body = ps_compound_list(p, false);
    if (p->failed || !expect_word(p, "}"))
        return NULL;
    return n;
}

static ast_node *ps_subshell(parser *p, int line)
{
    ast_node *n = ps_new_node(p, N_SUBSHELL, line);
    if (!n)
        return NULL;
    n->body = ps_compound_list(p, false);
    if (p->failed)
        return NULL;
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (t->kind != T_RPAREN) {
        ps_error_tok(p, t);
        return NULL;
    }
    lx_take(p);
    return n;
}

/* if/elif: "cond then list [elif ...|else list]" without the "fi". */
static ast_node *ps_if_rest(parser *p, int line)
{
    if (!ps_enter(p))
        return NULL;
    ast_node *n = ps_new_node(p, N_IF, line);
    if (!n)
        return NULL;
    n->cond = ps_compound_list(p, false);
    if (p->failed || !expect_word(p, "then"))
        return NULL;
    n->then = ps_compound_list(p, false);
    if (p->failed)
        return NULL;
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (ps_is_plain(t, "elif")) {
        int l = t->line;
        lx_take(p);
        n->else_ = ps_if_rest(p, l);
        if (!n->else_)
            return NULL;
    } else if (ps_is_plain(t, "else")) {
        lx_take(p);
        n->else_ = ps_compound_list(p, false);
        if (p->failed)
            return NULL;
    }
    p->depth--;
    return n;
}

static ast_node *ps_if(parser *p, int line)
{
    ast_node *n = ps_if_rest(p, line);
    if (!n || !expect_word(p, "fi"))
        return NULL;
    return n;
}

static ast_node *ps_while(parser *p, int line, bool until)
{
    ast_node *n = ps_new_node(p, until ? N_UNTIL : N_WHILE, line);
    if (!n)
        return NULL;
    n->cond = ps_compound_list(p, false);
    if (p->failed || !expect_word(p, "do"))
        return NULL;
    n->body = ps_compound_list(p, false);
    if (p->failed || !expect_word(p, "done"))
        return NULL;
    return n;
}

/* do list done | { list } */
static ast_node *ps_do_body(parser *p)
{
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (ps_is_plain(t, "do")) {
        lx_take(p);
        ast_node *b = ps_compound_list(p, false);
        if (p->failed || !expect_word(p, "done"))
            return NULL;
        return b;
    }
    if (ps_is_plain(t, "{")) {
        int l = t->line;
        lx_take(p);
        return ps_group(p, l);
    }
    ps_error_tok(p, t);
    return NULL;
}

static ast_word *blank_to_null(ast_word *w)
{
    if (!w)
        return NULL;
    for (size_t i = 0; i < w->nparts; i++) {
        if (w->parts[i].kind != AP_LIT)
            return w;
        for (size_t j = 0; j < w->parts[i].len; j++) {
            char c = w->parts[i].text[j];
            if (c != ' ' && c != '\t' && c != '\n')
                return w;
        }
    }
    return NULL;
}

static ast_node *ps_for(parser *p, int line, bool select)
{
    ast_node *n = ps_new_node(p, select ? N_SELECT : N_FOR, line);
    if (!n)
        return NULL;
    lx_tok *t = ps_peek(p, 0);
    if (p->failed)
        return NULL;
    if (!select && t->kind == T_LPAREN && lx_peek(p, 0) == '(') {
        lx_take(p);
        lx_adv(p);
        n->kind = N_ARITH_FOR;
        ast_word *parts[3] = { NULL, NULL, NULL };
        for (int i = 0; i < 3; i++) {
            int end = 0;
            parts[i] = lx_arith_part(p, line, &end);
            if (p->failed)
                return NULL;
            if ((end == ')') != (i == 2)) {
                /* bash's second line shows the header as written */
                vbuf hd;
                vbuf_init(&hd, p->h);
                vbuf_adds(&hd, "syntax error: `((");
                for (int k = 0; k <= i; k++) {
                    if (k)
                        vbuf_addc(&hd, ';');
                    if (parts[k] && parts[k]->src)
                        vbuf_adds(&hd, parts[k]->src);
                }
                bool extra = end != ')';
                for (int k = 0; extra && k < 64 && end != ')'; k++) {
                    ast_word *more = lx_arith_part(p, line, &end);
                    if (p->failed)
                        break;
                    vbuf_addc(&hd, ';');
                    if (more && more->src)
                        vbuf_adds(&hd, more->src);
                }
                bool complete = !p->failed && end == ')';
                p->failed = false;
                vbuf_adds(&hd, "))'");
                const char *msg = extra ? "syntax error: `;' unexpected"
                                        : "syntax error: arithmetic expression required";
                if (!complete) {
                    ps_error(p, line, msg, false);
                    vbuf_free(&hd);
                    return NULL;
                }
                /* bash checks the header when the whole command is read:
                 * an error in the body comes first */
                t = ps_peek(p, LX_ASSIGN);
                if (!p->failed && t->kind == T_SEMI)
                    lx_take(p);
                skip_newlines(p);
                if (!p->failed)
                    (void)ps_do_body(p);
                if (!p->failed) {
                    ps_error(p, line, msg, false);
                    p->err.msg2 = mem_strdup(p->h, vbuf_str(&hd));
                }
                vbuf_free(&hd);
                return NULL;
            }
        }
        n->arith_init = blank_to_null(parts[0]);
        n->arith_cond = blank_to_null(parts[1]);
        n->arith_step = blank_to_null(parts[2]);
        t = ps_peek(p, LX_ASSIGN);
        if (t->kind == T_SEMI) {
            lx_take(p);
        }
        skip_newlines(p);
        n->body = ps_do_body(p);
        return n->body ? n : NULL;
    }
    if (t->kind != T_WORD) {
        ps_error_tok(p, t);
        return NULL;
    }
    n->var = t->word->src;
    n->line = ps_last_line(p); /* bash: the line where the name ends */
    lx_take(p);
    skip_newlines(p);
    t = ps_peek(p, 0);
    if (ps_is_plain(t, "in")) {
        lx_take(p);
        n->has_in = true;
        void **ws = NULL;
        size_t nw = 0, cap = 0;
        for (;;) {
            t = ps_peek(p, 0);
            if (p->failed)
                return NULL;
            if (t->kind == T_WORD) {
                if (!push_ptr(p, &ws, &nw, &cap, t->word))
                    return NULL;
                lx_take(p);
                continue;
            }
            if (t->kind == T_SEMI || t->kind == T_NEWLINE) {
                lx_take(p);
                break;
            }
            ps_error_tok(p, t);
            return NULL;
        }
        n->list = ps_seal(p, ws, nw * sizeof *ws);
        n->nlist = nw;
        skip_newlines(p);
    } else if (t->kind == T_SEMI) {
        lx_take(p);
        skip_newlines(p);
    }
    n->body = ps_do_body(p);
    return n->body ? n : NULL;
}

static ast_node *ps_case(parser *p, int line)
{
    ast_node *n = ps_new_node(p, N_CASE, line);
    if (!n)
        return NULL;
    lx_tok *t = ps_peek(p, 0);
    if (t->kind != T_WORD) {
        ps_error_tok(p, t);
        return NULL;
    }
    n->subject = t->word;
    n->line = ps_last_line(p); /* bash: the line where the word ends */
    lx_take(p);
    skip_newlines(p);
    if (p->failed || !expect_word(p, "in"))
        return NULL;
    ast_case_item *items = NULL;
    size_t ni = 0, cap = 0;
    for (;;) {
        skip_newlines(p);
        t = ps_peek(p, 0);
        if (p->failed)
            return NULL;
        if (ps_is_plain(t, "esac")) {
            lx_take(p);
            break;
        }
        if (ni == cap) {
            cap = cap ? cap * 2 : 4;
            ast_case_item *na = mem_realloc(p->h, items, cap * sizeof *na);
            if (!na) {
                ps_error(p, line, "out of memory", false);
                return NULL;
            }
            items = na;
        }
        ast_case_item *it = &items[ni++];
        memset(it, 0, sizeof *it);
        it->line = t->line;
        if (t->kind == T_LPAREN) {
            lx_take(p);
            t = ps_peek(p, 0);
        }
        void **pats = NULL;
        size_t np = 0, capp = 0;
        for (;;) {
            if (t->kind != T_WORD) {
                ps_error_tok(p, t);
                return NULL;
            }
            if (!push_ptr(p, &pats, &np, &capp, t->word))
                return NULL;
            lx_take(p);
            t = ps_peek(p, 0);
            if (t->kind == T_PIPE) {
                lx_take(p);
                t = ps_peek(p, 0);
                continue;
            }
            if (t->kind == T_RPAREN) {
                lx_take(p);
                break;
            }
            ps_error_tok(p, t);
            return NULL;
        }
        it->patterns = ps_seal(p, pats, np * sizeof *pats);
        it->npatterns = np;
        skip_newlines(p);
        t = ps_peek(p, LX_ASSIGN);
        if (!(t->kind == T_DSEMI || t->kind == T_SEMI_AMP || t->kind == T_DSEMI_AMP ||
              ps_is_plain(t, "esac"))) {
            it->body = ps_compound_list(p, false);
            if (p->failed)
                return NULL;
            t = ps_peek(p, LX_ASSIGN);
        }
        if (t->kind == T_DSEMI || t->kind == T_SEMI_AMP || t->kind == T_DSEMI_AMP) {
            it->term = t->kind == T_DSEMI ? 0 : t->kind == T_SEMI_AMP ? 1 : 2;
            lx_take(p);
        } else if (!ps_is_plain(t, "esac")) {
            ps_error_tok(p, t);
            return NULL;
        }
    }
    n->cases = ps_seal(p, items, ni * sizeof *items);
    n->ncases = ni;
    return n;
}

/* ---------------------------------------------------------------- dispatch */

static ast_node *ps_function(parser *p, int line, const char *start, const char *base)
{
    lx_tok *t = ps_peek(p, 0);
    if (p->failed)
        return NULL;
    if (t->kind != T_WORD) {
        ps_error_tok(p, t);
        return NULL;
    }
    ast_node *fn = ps_new_node(p, N_FUNCDEF, line);
    if (!fn)
        return NULL;
    fn->var = t->word->src;
    lx_take(p);
    t = ps_peek(p, 0);
    if (t->kind == T_LPAREN) {
        int l2 = t->line;
        lx_take(p);
        t = ps_peek(p, LX_ASSIGN);
        if (t->kind != T_RPAREN) {
            /* function f ( list ): the body is a subshell */
            if (!ps_enter(p))
                return NULL;
            ast_node *body = ps_subshell(p, l2);
            p->depth--;
            if (!body || !ps_trailing_redirs(p, body))
                return NULL;
            fn->body = body;
            if (start && p->end_base == base && p->end_ptr && p->end_ptr >= start)
                fn->src = ps_strndup(p, start, (size_t)(p->end_ptr - start));
            return fn;
        }
        lx_take(p);
    }
    return ps_funcdef_body(p, fn, start, base);
}

static ast_node *ps_coproc(parser *p, int line)
{
    ast_node *n = ps_new_node(p, N_COPROC, line);
    if (!n)
        return NULL;
    n->var = "COPROC";
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (p->failed)
        return NULL;
    if (starts_compound(t)) {
        n->body = ps_compound(p, t);
        if (!n->body || !ps_trailing_redirs(p, n->body))
            return NULL;
        return n;
    }
    if (t->kind == T_WORD && t->plain && !t->assign) {
        lx_tok first = *t;
        lx_take(p);
        lx_tok *u = ps_peek(p, 0);
        if (starts_compound(u)) {
            n->var = (char *)first.plain;
            n->body = ps_compound(p, u);
            if (!n->body || !ps_trailing_redirs(p, n->body))
                return NULL;
            return n;
        }
        n->body = ps_simple(p, &first, first.word);
        return n->body ? n : NULL;
    }
    if (t->kind == T_WORD || t->kind == T_REDIR || t->kind == T_ASSIGN_ARRAY) {
        n->body = ps_simple(p, NULL, NULL);
        return n->body ? n : NULL;
    }
    ps_error_tok(p, t);
    return NULL;
}

/* t: the peeked token that starts a compound command. */
static ast_node *ps_compound(parser *p, const lx_tok *t)
{
    int line = t->line;
    if (!ps_enter(p))
        return NULL;
    ast_node *n = NULL;
    if (t->kind == T_LPAREN) {
        lx_take(p);
        if (lx_peek(p, 0) == '(' && lx_scan_arith(p, 1)) {
            lx_adv(p);
            n = ps_new_node(p, N_ARITH, line);
            if (n) {
                n->arith_init = lx_arith_word(p, line);
                if (!n->arith_init && p->failed)
                    n = NULL;
                else
                    n->line = ps_last_line(p); /* bash: the line of the "))" */
            }
        } else {
            n = ps_subshell(p, line);
        }
    } else {
        lx_rw rw = t->rw;
        lx_take(p);
        switch (rw) {
        case RW_LBRACE: n = ps_group(p, line); break;
        case RW_IF: n = ps_if(p, line); break;
        case RW_WHILE: n = ps_while(p, line, false); break;
        case RW_UNTIL: n = ps_while(p, line, true); break;
        case RW_FOR: n = ps_for(p, line, false); break;
        case RW_SELECT: n = ps_for(p, line, true); break;
        case RW_CASE: n = ps_case(p, line); break;
        case RW_DLBRACK: n = ps_cond(p, line); break;
        default: break;
        }
    }
    if (p->failed)
        return NULL;
    p->depth--;
    return n;
}

static ast_node *ps_command(parser *p)
{
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    while (!p->failed && try_alias(p, t))
        t = ps_peek(p, LX_ASSIGN);
    if (p->failed)
        return NULL;
    p->alias_next = false;
    if (starts_compound(t)) {
        ast_node *n = ps_compound(p, t);
        if (!n || !ps_trailing_redirs(p, n))
            return NULL;
        return n;
    }
    if (t->kind == T_WORD && t->plain) {
        if (t->rw == RW_FUNCTION) {
            const char *base;
            int line = t->line;
            /* the definition's text starts at "function" */
            const char *start = cur_ptr(p, &base);
            if (start && base && start - base >= 8)
                start -= 8;
            else
                start = NULL;
            lx_take(p);
            if (!ps_enter(p))
                return NULL;
            ast_node *n = ps_function(p, line, start, base);
            p->depth--;
            return n;
        }
        if (t->rw == RW_COPROC) {
            int line = t->line;
            lx_take(p);
            if (!ps_enter(p))
                return NULL;
            ast_node *n = ps_coproc(p, line);
            p->depth--;
            return n;
        }
        if (is_list_end(t) || t->rw == RW_BANG || t->rw == RW_IN || t->rw == RW_DRBRACK) {
            ps_error_tok(p, t);
            return NULL;
        }
    }
    if (t->kind == T_WORD || t->kind == T_REDIR || t->kind == T_ASSIGN_ARRAY) {
        const char *base = NULL;
        const char *start = NULL;
        if (t->kind == T_WORD && t->plain && !t->assign) {
            /* "name ()" definitions: text from the name */
            start = cur_ptr(p, &base);
            size_t n = strlen(t->plain);
            if (start && base && (size_t)(start - base) >= n)
                start -= n;
            else
                start = NULL;
        }
        ast_node *n = ps_simple(p, NULL, NULL);
        if (n && n->kind == N_FUNCDEF && start && n->body && !n->src &&
            p->end_base == base && p->end_ptr && p->end_ptr >= start)
            n->src = ps_strndup(p, start, (size_t)(p->end_ptr - start));
        return n;
    }
    ps_error_tok(p, t);
    return NULL;
}

/* ================================================================ lists */

static ast_node *ps_pipeline(parser *p)
{
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    int line = t->line;
    bool negate = false, timed = false, posix = false, any = false;
    for (;;) {
        t = ps_peek(p, LX_ASSIGN);
        if (p->failed)
            return NULL;
        if (ps_is_plain(t, "time") && !timed) {
            lx_take(p);
            timed = any = true;
            t = ps_peek(p, LX_ASSIGN);
            if (ps_is_plain(t, "-p")) {
                lx_take(p);
                posix = true;
            }
            continue;
        }
        if (ps_is_plain(t, "!")) {
            lx_take(p);
            negate = !negate;
            any = true;
            continue;
        }
        break;
    }
    void **cmds = NULL;
    size_t n = 0, cap = 0;
    void **perr = NULL; /* (void *)1: |& after the command */
    size_t ne = 0, cape = 0;
    t = ps_peek(p, LX_ASSIGN);
    if (any && (t->kind == T_NEWLINE || t->kind == T_SEMI || t->kind == T_AMP ||
                t->kind == T_EOF || is_list_end(t) ||
                t->kind == T_AND_AND || t->kind == T_OR_OR)) {
        /* "!" or "time" alone: an empty pipeline */
        ast_node *pl = ps_new_node(p, N_PIPELINE, line);
        if (pl) {
            pl->negate = negate;
            pl->timed = timed;
            pl->time_posix = posix;
        }
        return pl;
    }
    for (;;) {
        ast_node *c = ps_command(p);
        if (!c)
            return NULL;
        if (!push_ptr(p, &cmds, &n, &cap, c))
            return NULL;
        t = ps_peek(p, 0);
        if (t->kind != T_PIPE && t->kind != T_PIPE_AMP)
            break;
        if (!push_ptr(p, &perr, &ne, &cape, t->kind == T_PIPE_AMP ? (void *)1 : NULL))
            return NULL;
        lx_take(p);
        skip_newlines(p);
    }
    if (n == 1 && !negate && !timed) {
        ast_node *only = cmds[0];
        mem_free(p->h, cmds);
        return only;
    }
    ast_node *pl = ps_new_node(p, N_PIPELINE, line);
    if (!pl)
        return NULL;
    bool *pe = ps_alloc(p, n * sizeof *pe);
    if (!pe) {
        ps_error(p, line, "out of memory", false);
        return NULL;
    }
    for (size_t i = 0; i < ne && i < n; i++)
        pe[i] = perr[i] != NULL;
    mem_free(p->h, perr);
    pl->items = ps_seal(p, cmds, n * sizeof *cmds);
    pl->nitems = n;
    pl->pipe_err = pe;
    pl->negate = negate;
    pl->timed = timed;
    pl->time_posix = posix;
    return pl;
}

/* Each && / || nests the tree one level (left-leaning): the links count
 * against the depth limit so that whoever walks the tree recursively has a
 * bounded depth. */
static ast_node *ps_and_or(parser *p)
{
    ast_node *l = ps_pipeline(p);
    int links = 0;
    for (;;) {
        if (!l)
            return NULL;
        lx_tok *t = ps_peek(p, 0);
        if (t->kind != T_AND_AND && t->kind != T_OR_OR) {
            p->depth -= links;
            return l;
        }
        if (!ps_enter(p))
            return NULL;
        links++;
        ast_node *n = ps_new_node(p, t->kind == T_AND_AND ? N_AND : N_OR, t->line);
        if (!n)
            return NULL;
        lx_take(p);
        skip_newlines(p);
        n->left = l;
        n->right = ps_pipeline(p);
        if (!n->right)
            return NULL;
        l = n;
    }
}

typedef struct list_b {
    void **items;
    size_t n, cap;
} list_b;

static bool list_add(parser *p, list_b *b, ast_node *n)
{
    return push_ptr(p, &b->items, &b->n, &b->cap, n);
}

static ast_node *list_node(parser *p, list_b *b, int line)
{
    ast_node *n = ps_new_node(p, N_LIST, line);
    if (!n)
        return NULL;
    n->items = ps_seal(p, b->items, b->n * sizeof *b->items);
    n->nitems = b->n;
    return n;
}

/* A compound list: and-or lists separated by ; & and newlines, up to a
 * terminator (reserved word, ')', ';;', EOF) that the caller checks. */
static ast_node *ps_compound_list(parser *p, bool allow_empty)
{
    skip_newlines(p);
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (p->failed)
        return NULL;
    int line = t->line;
    if (is_list_end(t)) {
        if (!allow_empty)
            ps_error_tok(p, t);
        return NULL;
    }
    list_b b = { 0 };
    for (;;) {
        ast_node *c = ps_and_or(p);
        if (!c || !list_add(p, &b, c))
            return NULL;
        t = ps_peek(p, 0);
        if (t->kind == T_SEMI || t->kind == T_AMP || t->kind == T_NEWLINE) {
            if (t->kind == T_AMP)
                c->background = true;
            lx_take(p);
            skip_newlines(p);
            t = ps_peek(p, LX_ASSIGN);
            if (p->failed)
                return NULL;
            if (is_list_end(t))
                break;
            continue;
        }
        break;
    }
    return list_node(p, &b, line);
}

/* A top-level list: and-or lists separated by ; and & up to a newline. */
static ast_node *ps_top_list(parser *p)
{
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    int line = t->line;
    list_b b = { 0 };
    for (;;) {
        ast_node *c = ps_and_or(p);
        if (!c || !list_add(p, &b, c))
            return NULL;
        t = ps_peek(p, 0);
        if (t->kind == T_SEMI || t->kind == T_AMP) {
            if (t->kind == T_AMP)
                c->background = true;
            lx_take(p);
            t = ps_peek(p, LX_ASSIGN);
            if (t->kind == T_NEWLINE || t->kind == T_EOF)
                break;
            continue;
        }
        if (t->kind == T_NEWLINE || t->kind == T_EOF)
            break;
        ps_error_tok(p, t);
        return NULL;
    }
    if (p->failed)
        return NULL;
    return list_node(p, &b, line);
}

/* ================================================================ substitutions */

typedef struct saved {
    int ctx;
    bool alias_next;
} saved;

ast_node *ps_subst_body(parser *p, int close)
{
    (void)close;
    saved s = { p->ctx, p->alias_next };
    p->alias_next = false;
    int line = p->line;
    ast_node *body = NULL;
    skip_newlines(p);
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (!p->failed && t->kind != T_RPAREN) {
        body = ps_compound_list(p, false);
        t = ps_peek(p, LX_ASSIGN);
    }
    if (!p->failed) {
        if (t->kind == T_RPAREN)
            lx_take(p);
        else if (t->kind == T_EOF)
            ps_error_eof_match(p, ps_eof_line(p), ")");
        else
            ps_error_tok(p, t);
    }
    if (p->failed && p->err.incomplete && p->err.msg &&
        strcmp(p->err.msg, "syntax error: unexpected end of file") == 0) {
        p->failed = false;
        ps_error_eof_match(p, ps_eof_line(p), ")");
    }
    (void)line;
    if (p->failed && p->err.keep_status)
        p->err.in_subst = true;
    p->ctx = s.ctx;
    p->alias_next = s.alias_next;
    return p->failed ? NULL : body;
}

ast_node *ps_layer_body(parser *p)
{
    saved s = { p->ctx, p->alias_next };
    p->alias_next = false;
    list_b b = { 0 };
    int line = p->line;
    for (;;) {
        skip_newlines(p);
        lx_tok *t = ps_peek(p, LX_ASSIGN);
        if (p->failed || t->kind == T_EOF)
            break;
        ast_node *l = ps_top_list(p);
        if (!l)
            break;
        for (size_t i = 0; i < l->nitems; i++)
            if (!list_add(p, &b, l->items[i]))
                break;
    }
    lx_take(p); /* the EOF of the layer */
    p->ctx = s.ctx;
    p->alias_next = s.alias_next;
    if (p->failed || b.n == 0)
        return NULL;
    return list_node(p, &b, line);
}

/* ================================================================ API */

parser *parser_new(mem_heap *h, const char *src, size_t len, const parser_opts *opts)
{
    parser *p = mem_calloc(h, 1, sizeof *p);
    if (!p)
        return NULL;
    p->h = h;
    if (opts)
        p->opts = *opts;
    p->line = p->opts.first_line > 0 ? p->opts.first_line : 1;
    p->max_depth = p->opts.max_depth > 0 ? p->opts.max_depth : 1000;
    p->extglob = p->opts.extglob;
    p->ends_nl = len == 0 || src[len - 1] == '\n';
    p->rec_budget = 16 * len + (1u << 20);
    vbuf_init(&p->rec, h);
    if (src && len && memchr(src, 0, len)) {
        /* bash ignores NUL bytes in its input */
        char *copy = mem_alloc(h, len);
        if (!copy) {
            mem_free(h, p);
            return NULL;
        }
        size_t j = 0;
        for (size_t i = 0; i < len; i++)
            if (src[i])
                copy[j++] = src[i];
        src = copy;
        len = j;
        p->owned_src = copy;
        p->ends_nl = len == 0 || src[len - 1] == '\n';
    }
    if (!lx_push(p, src ? src : "", src ? len : 0, false, NULL)) {
        mem_free(h, p);
        return NULL;
    }
    p->layers[0].lines = true;
    return p;
}

void parser_free(parser *p)
{
    if (!p)
        return;
    vbuf_free(&p->rec);
    mem_free(p->h, p->owned_src);
    mem_free(p->h, p->layers);
    mem_free(p->h, p->hd);
    mem_free(p->h, p);
}

void parser_set_extglob(parser *p, bool on)
{
    p->extglob = on;
}

int parser_line(const parser *p)
{
    return p->line;
}

static int fail_out(parser *p, parse_error *err)
{
    p->at_eof = true;
    if (p->err.cond_error && p->opts.cond_stale)
        *p->opts.cond_stale = true;
    if (err)
        *err = p->err;
    return -1;
}

int parser_next(parser *p, ast_node **out, parse_error *err)
{
    *out = NULL;
    if (p->failed)
        return fail_out(p, err);
    if (p->at_eof)
        return 0;
    p->depth = 0;
    skip_newlines(p);
    lx_tok *t = ps_peek(p, LX_ASSIGN);
    if (p->failed)
        return fail_out(p, err);
    if (t->kind == T_EOF) {
        p->at_eof = true;
        return 0;
    }
    p->cmd_start_line = t->line;
    ast_node *l = ps_top_list(p);
    if (!l || p->failed)
        return fail_out(p, err);
    t = ps_peek(p, 0);
    if (t->kind == T_NEWLINE)
        lx_take(p);
    if (p->failed)
        return fail_out(p, err);
    *out = l;
    return 1;
}

int parse_all(mem_heap *h, const char *src, size_t len, const parser_opts *opts,
              ast_node **out, parse_error *err)
{
    *out = NULL;
    parser *p = parser_new(h, src, len, opts);
    if (!p) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->msg = NULL;
        }
        return -1;
    }
    list_b b = { 0 };
    int rc;
    ast_node *l;
    int line = p->line;
    while ((rc = parser_next(p, &l, err)) == 1) {
        for (size_t i = 0; l && i < l->nitems; i++)
            if (!list_add(p, &b, l->items[i])) {
                rc = fail_out(p, err);
                break;
            }

        if (rc < 0)
            break;
    }
    if (rc == 0) {
        ast_node *n = ps_new_node(p, N_LIST, line);
        if (!n) {
            rc = fail_out(p, err);
        } else {
            n->items = ps_seal(p, b.items, b.n * sizeof *b.items);
            n->nitems = b.n;
            *out = n;
        }
    }
    parser_free(p);
    return rc;
}
