/*
 * bc: the lexer and the parser, from source text to the tree of bc.h, with
 * the GNU code addresses that runtime messages report. See bc.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/bc.h"

/* ------------------------------------------------------------------ lexer */


static const struct {
    const char *w;
    int tok;
} bc_keywords[] = {
    {"define", T_DEFINE}, {"auto", T_AUTO},     {"return", T_RETURN},   {"if", T_IF},
    {"else", T_ELSE},     {"while", T_WHILE},   {"for", T_FOR},         {"break", T_BREAK},
    {"continue", T_CONTINUE}, {"halt", T_HALT}, {"quit", T_QUIT},       {"print", T_PRINT},
    {"sqrt", T_SQRT},     {"length", T_LENGTH}, {"scale", T_SCALE},     {"ibase", T_IBASE},
    {"obase", T_OBASE},   {"last", T_LAST},     {"read", T_READ},       {"limits", T_LIMITS},
    {"warranty", T_WARRANTY},
};

/* Reports a -s / -w extension; returns false when it is an error (-s). */
static bool bc__ext(bc_state *S, const char *what, const char *arg)
{
    if (!S->posix && !S->warn)
        return true;
    char m[200];
    snprintf(m, sizeof m, "%s%s%s", S->posix ? "Error: " : "(Warning) ", what, arg ? arg : "");
    bc_perr(S, "%s", m);
    if (S->posix)
        S->had_err = true;
    return !S->posix;
}

int bc_lex(bc_state *S)
{
    const char *s = S->src;
    size_t n = S->len;
again:
    while (S->pos < n) {
        char ch = s[S->pos];
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
            S->pos++;
        } else if (ch == '\\' && S->pos + 1 < n && s[S->pos + 1] == '\n') {
            S->pos += 2;
            S->line++;
        } else if (ch == '/' && S->pos + 1 < n && s[S->pos + 1] == '*') {
            size_t p = S->pos + 2;
            while (p + 1 < n && !(s[p] == '*' && s[p + 1] == '/')) {
                if (s[p] == '\n')
                    S->line++;
                p++;
            }
            if (p + 1 >= n) {
                bi_flush(S->cmd);
                bi_errw(S->cmd, "EOF encountered in a comment.\n", 30);
                S->pos = n;
                S->quit = true;
                return S->tok = T_EOF;
            }
            S->pos = p + 2;
        } else if (ch == '#') {
            if (S->posix) {
                bc_perr(S, "illegal character: #", NULL);
                S->pos++;
                return S->tok = T_ERR;
            }
            while (S->pos < n && s[S->pos] != '\n')
                S->pos++;
        } else {
            break;
        }
    }
    if (S->pos >= n) {
        S->line = 1;
        return S->tok = T_EOF;
    }
    char ch = s[S->pos];
    if (ch == '\n') {
        S->pos++;
        S->line++;
        return S->tok = T_NL;
    }
    if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'F') || ch == '.') {
        if (ch == '.' && !(S->pos + 1 < n && ((s[S->pos + 1] >= '0' && s[S->pos + 1] <= '9') ||
                                            (s[S->pos + 1] >= 'A' && s[S->pos + 1] <= 'F')))) {
            S->pos++;
            bc__ext(S, "Last variable", NULL);
            return S->tok = T_LAST;
        }
        vbuf b;
        vbuf_init(&b, S->cmd->heap);
        bool dot = false;
        while (S->pos < n) {
            char c = s[S->pos];
            if (c == '\\' && S->pos + 1 < n && s[S->pos + 1] == '\n') {
                S->pos += 2;
                S->line++;
                continue;
            }
            if (c == '.') {
                if (dot)
                    break;
                dot = true;
            } else if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                break;
            }
            vbuf_addc(&b, c);
            S->pos++;
        }
        /* GNU drops leading zeros (and a trailing point). */
        size_t i = 0;
        while (i + 1 < b.len && b.data[i] == '0')
            i++;
        size_t len = b.len - i;
        if (len > 1 && b.data[i + len - 1] == '.')
            len--;
        S->tstr = mem_strndup(S->cmd->heap, b.data + i, len);
        S->tlen = len;
        vbuf_free(&b);
        return S->tok = T_NUM;
    }
    if ((ch >= 'a' && ch <= 'z') || ch == '_') {
        size_t st = S->pos;
        while (S->pos < n && ((s[S->pos] >= 'a' && s[S->pos] <= 'z') ||
                              (s[S->pos] >= '0' && s[S->pos] <= '9') || s[S->pos] == '_'))
            S->pos++;
        S->tstr = mem_strndup(S->cmd->heap, s + st, S->pos - st);
        S->tlen = S->pos - st;
        for (size_t k = 0; k < sizeof bc_keywords / sizeof bc_keywords[0]; k++) {
            if (strcmp(bc_keywords[k].w, S->tstr) == 0)
                return S->tok = bc_keywords[k].tok;
        }
        if (S->tlen > 1)
            bc__ext(S, "multiple letter name - ", S->tstr);
        return S->tok = T_NAME;
    }
    if (ch == '"') {
        size_t st = S->pos + 1, p = st;
        int nl = 0;
        while (p < n && s[p] != '"') {
            if (s[p] == '\n')
                nl++;
            p++;
        }
        if (p >= n) {
            bc_perr(S, "illegal character: \"", NULL);
            S->pos = n;
            S->line = 1;
            return S->tok = T_EOF;
        }
        S->tstr = mem_strndup(S->cmd->heap, s + st, p - st);
        S->tlen = p - st;
        S->pos = p + 1;
        S->line += nl;
        return S->tok = T_STR;
    }
    S->pos++;
    char nx = S->pos < n ? s[S->pos] : 0;
    switch (ch) {
    case '+':
    case '-':
        if (nx == ch) {
            S->pos++;
            return S->tok = ch == '+' ? T_INCR : T_DECR;
        }
        /* fall through */
    case '*':
    case '/':
    case '%':
    case '^':
        if (nx == '=') {
            S->pos++;
            S->tstr = NULL;
            S->tlen = (size_t)ch;
            return S->tok = T_ASSIGN;
        }
        return S->tok = ch;
    case '=':
        if (nx == '=') {
            S->pos++;
            S->tlen = '=';
            return S->tok = T_REL;
        }
        S->tlen = 0;
        return S->tok = T_ASSIGN;
    case '<':
    case '>':
        if (nx == '=') {
            S->pos++;
            S->tlen = ch == '<' ? '{' : '}';
            return S->tok = T_REL;
        }
        S->tlen = (size_t)ch;
        return S->tok = T_REL;
    case '!':
        if (nx == '=') {
            S->pos++;
            S->tlen = '#';
            return S->tok = T_REL;
        }
        return S->tok = '!';
    case '&':
        if (nx == '&') {
            S->pos++;
            return S->tok = T_AND;
        }
        break;
    case '|':
        if (nx == '|') {
            S->pos++;
            return S->tok = T_OR;
        }
        break;
    case ';': case '(': case ')': case '{': case '}': case '[': case ']': case ',':
        return S->tok = ch;
    default:
        break;
    }
    char cs[2] = {ch, 0};
    bc_perr(S, "illegal character: %s", cs);
    goto again;
}

/* ------------------------------------------------------------------ parser */

bc_node *bc_node_new(bc_state *S, int kind)
{
    bc_node *nd = mem_calloc(S->cmd->heap, 1, sizeof *nd);
    if (nd)
        nd->kind = kind;
    return nd;
}

void bc_free_node(bc_state *S, bc_node *nd)
{
    if (!nd)
        return;
    bc_free_node(S, nd->a);
    bc_free_node(S, nd->b);
    bc_free_node(S, nd->c);
    bc_free_node(S, nd->d);
    for (int i = 0; i < nd->nlist; i++)
        bc_free_node(S, nd->list[i]);
    mem_free(S->cmd->heap, nd->list);
    mem_free(S->cmd->heap, nd->str);
    mem_free(S->cmd->heap, nd);
}

bool bc_push(bc_state *S, bc_node *parent, bc_node *child)
{
    bc_node **l = mem_realloc(S->cmd->heap, parent->list, (size_t)(parent->nlist + 1) * sizeof *l);
    if (!l)
        return false;
    l[parent->nlist++] = child;
    parent->list = l;
    return true;
}

void bc_syntax(bc_state *S)
{
    if (!S->had_err)
        bc_perr(S, "syntax error", NULL);
    S->had_err = true;
}

static bool bc__expect(bc_state *S, int tok)
{
    if (S->tok != tok) {
        bc_syntax(S);
        return false;
    }
    bc_lex(S);
    return true;
}

static void bc__skip_nl(bc_state *S)
{
    while (S->tok == T_NL)
        bc_lex(S);
}

static bc_node *bc__expr(bc_state *S, int level);

/* Code size of a variable reference in GNU's bytecode. */
static int bc__refsize(int id)
{
    return id + 4 < 128 ? 2 : 3;
}

/* After a named expression (var, elem, special) or assignment / ++ / --. */
static bc_node *bc__named(bc_state *S)
{
    bc_node *nd = NULL;
    if (S->tok == T_NAME) {
        char *name = S->tstr;
        bc_lex(S);
        if (S->tok == '[') {
            bc_lex(S);
            nd = bc_node_new(S, N_ELEM);
            nd->id = bc_arr_id(S, name);
            nd->a = bc__expr(S, 1);
            if (!nd->a || !bc__expect(S, ']'))
                return NULL;
        } else {
            nd = bc_node_new(S, N_VAR);
            nd->id = bc_var_id(S, name);
        }
        mem_free(S->cmd->heap, name);
        return nd;
    }
    nd = bc_node_new(S, N_SPECIAL);
    nd->op = S->tok == T_SCALE ? SP_SCALE : S->tok == T_IBASE ? SP_IBASE
             : S->tok == T_OBASE ? SP_OBASE : SP_LAST;
    if (S->tok == T_LAST && S->tstr && strcmp(S->tstr, "last") == 0 &&
        !bc__ext(S, "Last variable", NULL))
        return NULL;
    bc_lex(S);
    return nd;
}

static bool bc__is_named_start(bc_state *S)
{
    return S->tok == T_NAME || S->tok == T_SCALE || S->tok == T_IBASE || S->tok == T_OBASE ||
           S->tok == T_LAST;
}

static bc_node *bc__primary(bc_state *S)
{
    bc_node *nd;
    switch (S->tok) {
    case T_NUM:
        nd = bc_node_new(S, N_NUM);
        nd->str = S->tstr;
        nd->slen = S->tlen;
        S->tstr = NULL;
        S->gen += (nd->slen == 1 && (nd->str[0] == '0' || nd->str[0] == '1')) ? 1
                                                                             : (int)nd->slen + 2;
        bc_lex(S);
        return nd;
    case '(':
        bc_lex(S);
        nd = bc__expr(S, 1);
        if (!nd || !bc__expect(S, ')'))
            return NULL;
        return nd;
    case '-':
        bc_lex(S);
        nd = bc_node_new(S, N_NEG);
        nd->a = bc__expr(S, 9);
        if (!nd->a)
            return NULL;
        nd->adr = ++S->gen;
        return nd;
    case '!':
        bc_lex(S);
        nd = bc_node_new(S, N_NOT);
        nd->a = bc__expr(S, 3);
        if (!nd->a || !bc__ext(S, "! operator", NULL))
            return NULL;
        nd->adr = ++S->gen;
        return nd;
    case T_INCR:
    case T_DECR:
        nd = bc_node_new(S, N_INCDEC);
        nd->op = S->tok == T_INCR ? '+' : '-';
        bc_lex(S);
        if (!bc__is_named_start(S)) {
            bc_syntax(S);
            return NULL;
        }
        nd->a = bc__named(S);
        if (!nd->a)
            return NULL;
        S->gen += 1 + (nd->a->kind == N_SPECIAL ? 2 : bc__refsize(nd->a->id)) + 1;
        nd->adr = S->gen;
        return nd;
    case T_LENGTH:
    case T_SQRT:
    case T_SCALE: {
        int t = S->tok;
        bc_lex(S);
        if (t == T_SCALE && S->tok != '(') {
            /* scale as a variable: a named expression */
            nd = bc_node_new(S, N_SPECIAL);
            nd->op = SP_SCALE;
            goto named_tail;
        }
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc_node_new(S, t == T_LENGTH ? N_LENGTH : t == T_SQRT ? N_SQRT : N_SCALEF);
        nd->a = bc__expr(S, 1);
        if (!nd->a || !bc__expect(S, ')'))
            return NULL;
        S->gen += 2;
        nd->adr = S->gen;
        return nd;
    }
    case T_READ:
        if (!bc__ext(S, "read function", NULL))
            return NULL;
        bc_lex(S);
        if (!bc__expect(S, '(') || !bc__expect(S, ')'))
            return NULL;
        nd = bc_node_new(S, N_READ);
        S->gen += 2;
        nd->adr = S->gen;
        return nd;
    case T_NAME: {
        /* call? */
        size_t save = S->pos;
        int sline = S->line;
        char *name = S->tstr;
        bc_lex(S);
        if (S->tok == '(') {
            bc_lex(S);
            nd = bc_node_new(S, N_CALL);
            nd->id = bc_func_id(S, name);
            mem_free(S->cmd->heap, name);
            int nargs = 0;
            while (S->tok != ')') {
                bc_node *arg;
                if (S->tok == T_NAME) {
                    /* an array argument: name[] */
                    size_t sv = S->pos;
                    int sl = S->line;
                    char *an = S->tstr;
                    bc_lex(S);
                    if (S->tok == '[') {
                        size_t sv2 = S->pos;
                        bc_lex(S);
                        if (S->tok == ']') {
                            bc_lex(S);
                            arg = bc_node_new(S, N_ARRARG);
                            arg->id = bc_arr_id(S, an);
                            mem_free(S->cmd->heap, an);
                            goto have_arg;
                        }
                        (void)sv2;
                    }
                    S->pos = sv;
                    S->line = sl;
                    S->tok = T_NAME;
                    S->tstr = an;
                }
                arg = bc__expr(S, 1);
                if (!arg)
                    return NULL;
            have_arg:
                bc_push(S, nd, arg);
                nargs++;
                if (S->tok == ',') {
                    bc_lex(S);
                    continue;
                }
                if (S->tok != ')') {
                    bc_syntax(S);
                    return NULL;
                }
            }
            bc_lex(S);
            nd->adr = S->gen; /* address before the call opcode */
            S->gen += 2 + nargs + 1;
            return nd;
        }
        S->pos = save;
        S->line = sline;
        S->tok = T_NAME;
        S->tstr = name;
        goto named;
    }
    case T_IBASE:
    case T_OBASE:
    case T_LAST:
    named:
        nd = bc__named(S);
        if (!nd)
            return NULL;
    named_tail:
        if (S->tok == T_ASSIGN) {
            bc_node *as = bc_node_new(S, N_ASSIGN);
            as->op = (int)S->tlen;
            as->a = nd;
            bc_lex(S);
            as->b = bc__expr(S, 5);
            if (!as->b)
                return NULL;
            S->gen += as->op ? 2 : 0;
            S->gen += nd->kind == N_SPECIAL ? 2 : bc__refsize(nd->id);
            as->adr = S->gen;
            return as;
        }
        if (S->tok == T_INCR || S->tok == T_DECR) {
            bc_node *id = bc_node_new(S, N_INCDEC);
            id->op = (S->tok == T_INCR ? '+' : '-') | 0x100;
            id->a = nd;
            bc_lex(S);
            S->gen += 1 + (nd->kind == N_SPECIAL ? 2 : bc__refsize(nd->id)) + 1;
            id->adr = S->gen;
            return id;
        }
        S->gen += nd->kind == N_SPECIAL ? 2 : bc__refsize(nd->id);
        nd->adr = S->gen;
        return nd;
    default:
        bc_syntax(S);
        return NULL;
    }
}

static int bc__binlevel(int tok)
{
    switch (tok) {
    case T_OR: return 1;
    case T_AND: return 2;
    case T_REL: return 4;
    case '+': case '-': return 6;
    case '*': case '/': case '%': return 7;
    case '^': return 8;
    default: return 0;
    }
}

static bc_node *bc__expr1(bc_state *S, int level);

/* Parse nesting is bounded: evaluation recurses as deep as the tree. */
static bc_node *bc__expr(bc_state *S, int level)
{
    if (S->pdepth >= BC_MAX_NEST) {
        if (!S->had_err)
            bc_perr(S, "expression nested too deep (limit: %s)", BC_MAX_NEST_STR);
        S->had_err = true;
        return NULL;
    }
    S->pdepth++;
    bc_node *nd = bc__expr1(S, level);
    S->pdepth--;
    return nd;
}

static bc_node *bc__expr1(bc_state *S, int level)
{
    bc_node *l = bc__primary(S);
    if (!l)
        return NULL;
    for (;;) {
        int t = S->tok, lv = bc__binlevel(t);
        if (!lv || lv < level)
            return l;
        int op = t == T_REL ? (int)S->tlen : t;
        if (t == T_AND && !bc__ext(S, "&& operator", NULL))
            return NULL;
        if (t == T_OR && !bc__ext(S, "|| operator", NULL))
            return NULL;
        bc_lex(S);
        if (t == T_AND || t == T_OR)
            bc__skip_nl(S);
        bc_node *nd = bc_node_new(S, t == T_AND ? N_AND : t == T_OR ? N_OR : t == T_REL ? N_REL : N_BIN);
        nd->op = op;
        nd->a = l;
        if (t == T_AND || t == T_OR)
            S->gen += 4;
        nd->b = bc__expr(S, t == '^' ? lv : lv + 1);
        if (!nd->b)
            return NULL;
        S->gen += (t == T_AND || t == T_OR) ? 3 : 1;
        nd->adr = S->gen;
        l = nd;
    }
}


/* Statement terminators inside a list: ';' or newline. */
static bc_node *bc__block(bc_state *S)
{
    /* at '{' */
    bc_lex(S);
    bc_node *blk = bc_node_new(S, S_BLOCK);
    for (;;) {
        while (S->tok == T_NL || S->tok == ';')
            bc_lex(S);
        if (S->tok == '}') {
            bc_lex(S);
            return blk;
        }
        bc_node *st = bc_stmt(S);
        if (!st)
            return NULL;
        bc_push(S, blk, st);
        if (S->tok != ';' && S->tok != T_NL && S->tok != '}') {
            bc_syntax(S);
            return NULL;
        }
    }
}

bool bc_is_assignish(const bc_node *e)
{
    return e->kind == N_ASSIGN;
}

static bc_node *bc__stmt1(bc_state *S);

bc_node *bc_stmt(bc_state *S)
{
    if (S->pdepth >= BC_MAX_NEST) {
        if (!S->had_err)
            bc_perr(S, "statements nested too deep (limit: %s)", BC_MAX_NEST_STR);
        S->had_err = true;
        return NULL;
    }
    S->pdepth++;
    bc_node *nd = bc__stmt1(S);
    S->pdepth--;
    return nd;
}

static bc_node *bc__stmt1(bc_state *S)
{
    bc_node *nd;
    switch (S->tok) {
    case T_STR:
        nd = bc_node_new(S, S_STR);
        nd->str = S->tstr;
        nd->slen = S->tlen;
        S->tstr = NULL;
        S->gen += (int)nd->slen + 2;
        bc_lex(S);
        return nd;
    case '{':
        return bc__block(S);
    case ';':
    case T_NL:
        return bc_node_new(S, S_EMPTY);
    case T_BREAK:
    case T_CONTINUE: {
        int t = S->tok;
        if (!S->in_loop) {
            bc_perr(S, t == T_BREAK ? "Break outside a for/while" : "Continue outside a for",
                     NULL);
            S->had_err = true;
            return NULL;
        }
        if (t == T_CONTINUE && !bc__ext(S, "Continue statement", NULL))
            return NULL;
        bc_lex(S);
        S->gen += 3;
        return bc_node_new(S, t == T_BREAK ? S_BREAK : S_CONT);
    }
    case T_HALT:
        if (!bc__ext(S, "halt statement", NULL))
            return NULL;
        bc_lex(S);
        S->gen += 1;
        return bc_node_new(S, S_HALT);
    case T_QUIT:
        /* quit acts when it is read, even inside a branch never taken */
        S->quit = true;
        return NULL;
    case T_RETURN:
        bc_lex(S);
        nd = bc_node_new(S, S_RETURN);
        if (S->tok != ';' && S->tok != T_NL && S->tok != '}' && S->tok != T_EOF) {
            if (S->tok != '(' && !bc__ext(S, "return expression requires parenthesis", NULL))
                return NULL;
            nd->a = bc__expr(S, 1);
            if (!nd->a)
                return NULL;
        }
        if (!S->in_func) {
            bc_perr(S, "Return outside of a function.", NULL);
            S->had_err = true;
            return NULL;
        }
        S->gen += 1;
        return nd;
    case T_IF: {
        bc_lex(S);
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc_node_new(S, S_IF);
        nd->a = bc__expr(S, 1);
        if (!nd->a || !bc__expect(S, ')'))
            return NULL;
        S->gen += 3;
        bc__skip_nl(S);
        nd->b = bc_stmt(S);
        if (!nd->b)
            return NULL;
        /* else may follow newlines */
        if (S->tok == T_ELSE) {
            if (!bc__ext(S, "else clause in if statement", NULL))
                return NULL;
            bc_lex(S);
            bc__skip_nl(S);
            S->gen += 3;
            nd->c = bc_stmt(S);
            if (!nd->c)
                return NULL;
        }
        return nd;
    }
    case T_WHILE:
        bc_lex(S);
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc_node_new(S, S_WHILE);
        nd->a = bc__expr(S, 1);
        if (!nd->a || !bc__expect(S, ')'))
            return NULL;
        S->gen += 3;
        bc__skip_nl(S);
        S->in_loop++;
        nd->b = bc_stmt(S);
        S->in_loop--;
        if (!nd->b)
            return NULL;
        S->gen += 3;
        return nd;
    case T_FOR:
        bc_lex(S);
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc_node_new(S, S_FOR);
        if (S->tok != ';' && !(nd->a = bc__expr(S, 1)))
            return NULL;
        if (!bc__expect(S, ';'))
            return NULL;
        S->gen += 1;
        if (S->tok != ';' && !(nd->b = bc__expr(S, 1)))
            return NULL;
        if (!nd->b && !bc__ext(S, "Missing test in for statement", NULL))
            return NULL;
        if (!bc__expect(S, ';'))
            return NULL;
        S->gen += 6;
        if (S->tok != ')' && !(nd->c = bc__expr(S, 1)))
            return NULL;
        if (!bc__expect(S, ')'))
            return NULL;
        S->gen += 4;
        bc__skip_nl(S);
        S->in_loop++;
        nd->d = bc_stmt(S);
        S->in_loop--;
        if (!nd->d)
            return NULL;
        S->gen += 3;
        return nd;
    case T_PRINT:
        if (!bc__ext(S, "print statement", NULL))
            return NULL;
        bc_lex(S);
        nd = bc_node_new(S, S_PRINT);
        for (;;) {
            bc_node *it;
            if (S->tok == T_STR) {
                it = bc_node_new(S, S_STR);
                it->str = S->tstr;
                it->slen = S->tlen;
                S->tstr = NULL;
                S->gen += (int)it->slen + 2;
                bc_lex(S);
            } else {
                it = bc__expr(S, 1);
                if (!it)
                    return NULL;
                S->gen += 1;
            }
            bc_push(S, nd, it);
            if (S->tok != ',')
                break;
            bc_lex(S);
        }
        return nd;
    case T_LIMITS:
    case T_WARRANTY:
        nd = bc_node_new(S, S_STR);
        if (S->tok == T_LIMITS) {
            nd->str = mem_printf(S->cmd->heap,
                                 "BC_BASE_MAX     = %d\nBC_DIM_MAX      = %d\n"
                                 "BC_SCALE_MAX    = %d\nBC_STRING_MAX   = %d\n"
                                 "MAX Exponent    = %ld\nNumber of vars  = %d\n",
                                 INT_MAX, 16777215, INT_MAX, INT_MAX, LONG_MAX, 32767);
        } else {
            nd->str = mem_strdup(S->cmd->heap,
                                 "bc (vbash): arbitrary precision calculator.\n"
                                 "This is free software with ABSOLUTELY NO WARRANTY.\n");
        }
        nd->slen = nd->str ? strlen(nd->str) : 0;
        nd->op = 1; /* immediate: printed while parsing, as GNU does */
        bc_lex(S);
        return nd;
    default:
        nd = bc_node_new(S, S_EXPR);
        nd->a = bc__expr(S, 1);
        if (!nd->a)
            return NULL;
        if (nd->a->kind == N_REL && !bc__ext(S, "comparison in expression", NULL))
            return NULL;
        S->gen += 1;
        return nd;
    }
}

/* One name of a parameter or auto list, NAME or NAME[], appended to
 * ids/arrs (n used, cap allocated); the token after it is current. */
static bool bc__decl_name(bc_state *S, int **ids, bool **arrs, int *n, int *cap)
{
    if (S->tok != T_NAME) {
        bc_syntax(S);
        return false;
    }
    char *nm = S->tstr;
    bc_lex(S);
    bool arr = false;
    if (S->tok == '[') {
        bc_lex(S);
        if (!bc__expect(S, ']'))
            return false;
        arr = true;
    }
    if (!bc_grow(S, (void **)ids, cap, *n + 1, sizeof(int)))
        return false;
    *arrs = mem_realloc(S->cmd->heap, *arrs, (size_t)*cap * sizeof(bool));
    if (!*arrs)
        return false;
    (*ids)[*n] = arr ? bc_arr_id(S, nm) : bc_var_id(S, nm);
    (*arrs)[(*n)++] = arr;
    return true;
}

/* define NAME ( params ) { [newlines] [auto list] statements } */
bool bc_define(bc_state *S)
{
    bc_lex(S);
    if (S->tok != T_NAME) {
        bc_syntax(S);
        return false;
    }
    int fid = bc_func_id(S, S->tstr);
    bc_lex(S);
    if (!bc__expect(S, '('))
        return false;
    int np = 0, na = 0, pcap = 0, acap = 0;
    int *pid = NULL, *aid = NULL;
    bool *parr = NULL, *aarr = NULL;
    while (S->tok != ')') {
        if (S->tok == '*')
            bc_lex(S);
        if (!bc__decl_name(S, &pid, &parr, &np, &pcap))
            return false;
        if (S->tok == ',') {
            bc_lex(S);
            continue;
        }
        if (S->tok != ')') {
            bc_syntax(S);
            return false;
        }
    }
    bc_lex(S);
    bc__skip_nl(S);
    if (S->tok != '{') {
        bc_syntax(S);
        return false;
    }
    bc_lex(S);
    bc__skip_nl(S);
    if (S->tok == T_AUTO) {
        bc_lex(S);
        for (;;) {
            if (!bc__decl_name(S, &aid, &aarr, &na, &acap))
                return false;
            if (S->tok == ',') {
                bc_lex(S);
                continue;
            }
            if (S->tok == ';' || S->tok == T_NL) {
                bc_lex(S);
                break;
            }
            bc_syntax(S);
            return false;
        }
    }
    /* the body: statements up to the matching '}' */
    S->in_func++;
    S->gen = 0;
    bc_node *blk = bc_node_new(S, S_BLOCK);
    for (;;) {
        while (S->tok == T_NL || S->tok == ';')
            bc_lex(S);
        if (S->tok == '}')
            break;
        if (S->tok == T_EOF) {
            bc_syntax(S);
            S->in_func--;
            return false;
        }
        bc_node *st = bc_stmt(S);
        if (!st) {
            S->in_func--;
            return false;
        }
        bc_push(S, blk, st);
        if (S->tok != ';' && S->tok != T_NL && S->tok != '}') {
            bc_syntax(S);
            S->in_func--;
            return false;
        }
    }
    S->in_func--;
    bc_lex(S);
    bc_func *f = &S->funcs[fid];
    bc_free_node(S, f->body);
    f->body = blk;
    f->defined = true;
    f->nparam = np;
    f->pid = pid;
    f->parr = parr;
    f->nauto = na;
    f->aid = aid;
    f->aarr = aarr;
    return true;
}

