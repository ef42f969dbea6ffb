/*
 * ast_dump: a syntax tree as a compact S-expression, for tests and
 * debugging. The format (docs/parser.md):
 *   word parts: lit as is (specials escaped with \), 'sq', "dq", $"loc",
 *   ${name OP arg}, $(list), `list`, $((word)), <(list) >(list)
 *   commands: (simple ...), (pipe ...), (&& l r), (|| l r), (list ...),
 *   (sub ...), (group ...), (if c t e), (while c b), (until c b),
 *   (for v (in ...) b), (for(( i ; c ; s )) b), (select ...), (case w ...),
 *   ([[ e ]]), ((( w ))), (function name body), (coproc name body).
 */
#include "core/buf.h"
#include "interp/parser.h"

#include <string.h>

static void dump_word(const ast_word *w, vbuf *o);
static void dump_node(const ast_node *n, vbuf *o);

static void esc(vbuf *o, const char *s, size_t n, const char *special)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            vbuf_adds(o, "\\n");
        else if (c == '\t')
            vbuf_adds(o, "\\t");
        else if (c < 0x20 || c >= 0x7f)
            vbuf_printf(o, "\\x%02x", c);
        else {
            if (c == '\\' || strchr(special, c))
                vbuf_addc(o, '\\');
            vbuf_addc(o, (char)c);
        }
    }
}

static const char *param_op(const ast_param *p)
{
    switch (p->op) {
    case PO_DEFAULT: return p->colon ? ":-" : "-";
    case PO_ASSIGN: return p->colon ? ":=" : "=";
    case PO_ERROR: return p->colon ? ":?" : "?";
    case PO_ALT: return p->colon ? ":+" : "+";
    case PO_TRIM_SHORT_LEFT: return "#";
    case PO_TRIM_LONG_LEFT: return "##";
    case PO_TRIM_SHORT_RIGHT: return "%";
    case PO_TRIM_LONG_RIGHT: return "%%";
    case PO_REPLACE: return "/";
    case PO_REPLACE_ALL: return "//";
    case PO_REPLACE_PREFIX: return "/#";
    case PO_REPLACE_SUFFIX: return "/%";
    case PO_UPPER_FIRST: return "^";
    case PO_UPPER_ALL: return "^^";
    case PO_LOWER_FIRST: return ",";
    case PO_LOWER_ALL: return ",,";
    case PO_TOGGLE_FIRST: return "~";
    case PO_TOGGLE_ALL: return "~~";
    case PO_SUBSTR: return ":";
    case PO_TRANSFORM: return "@";
    default: return "";
    }
}

static void dump_param(const ast_param *p, vbuf *o)
{
    if (!p->braced) {
        vbuf_printf(o, "$%s", p->name ? p->name : "");
        return;
    }
    if (p->op == PO_BAD) {
        vbuf_adds(o, "${BAD ");
        esc(o, p->src ? p->src : "", p->src ? strlen(p->src) : 0, " ()");
        vbuf_addc(o, '}');
        return;
    }
    vbuf_adds(o, "${");
    if (p->op == PO_LENGTH)
        vbuf_addc(o, '#');
    if (p->indirect || p->op == PO_PREFIX_NAMES || p->op == PO_KEYS)
        vbuf_addc(o, '!');
    vbuf_adds(o, p->name ? p->name : "");
    if (p->index) {
        vbuf_addc(o, '[');
        dump_word(p->index, o);
        vbuf_addc(o, ']');
    }
    if (p->op == PO_PREFIX_NAMES) {
        vbuf_addc(o, p->op_char);
    } else if (p->op == PO_KEYS) {
        vbuf_printf(o, "[%c]", p->op_char);
    } else if (p->op == PO_TRANSFORM) {
        vbuf_printf(o, "@%c", p->op_char);
    } else if (p->op != PO_NONE && p->op != PO_LENGTH) {
        vbuf_adds(o, param_op(p));
        vbuf_addc(o, '|');
        if (p->arg)
            dump_word(p->arg, o);
        if (p->arg2 || p->op == PO_SUBSTR || p->op >= PO_REPLACE) {
            if (p->arg2) {
                vbuf_addc(o, '|');
                dump_word(p->arg2, o);
            }
        }
    }
    vbuf_addc(o, '}');
}

static void dump_parts(const ast_part *ps, size_t n, vbuf *o, bool in_dq)
{
    for (size_t i = 0; i < n; i++) {
        const ast_part *p = &ps[i];
        switch (p->kind) {
        case AP_LIT:
            esc(o, p->text, p->len, in_dq ? "\"$`" : " ()'\"$`|{}");
            break;
        case AP_SQ:
            vbuf_addc(o, '\'');
            esc(o, p->text, p->len, "'");
            vbuf_addc(o, '\'');
            break;
        case AP_DQ:
        case AP_LOCALE:
            vbuf_adds(o, p->kind == AP_DQ ? "\"" : "$\"");
            dump_parts(p->parts, p->nparts, o, true);
            vbuf_addc(o, '"');
            break;
        case AP_PARAM:
            dump_param(p->param, o);
            break;
        case AP_CMDSUB:
            vbuf_adds(o, p->backquote ? "`" : "$(");
            if (p->body_error)
                vbuf_adds(o, "ERROR");
            else if (p->body)
                dump_node(p->body, o);
            vbuf_adds(o, p->backquote ? "`" : ")");
            break;
        case AP_ARITH:
            vbuf_adds(o, "$((");
            if (p->arith)
                dump_word(p->arith, o);
            vbuf_adds(o, "))");
            break;
        case AP_PROCSUB:
            vbuf_adds(o, p->procsub_out ? ">(" : "<(");
            if (p->body)
                dump_node(p->body, o);
            vbuf_addc(o, ')');
            break;
        }
    }
}

static void dump_word(const ast_word *w, vbuf *o)
{
    if (!w) {
        vbuf_adds(o, "NULL");
        return;
    }
    dump_parts(w->parts, w->nparts, o, false);
}

static void dump_words(ast_word *const *ws, size_t n, vbuf *o)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            vbuf_addc(o, ' ');
        dump_word(ws[i], o);
    }
}

static void dump_assign(const ast_assign *a, vbuf *o)
{
    vbuf_adds(o, a->name ? a->name : "");
    if (a->index) {
        vbuf_addc(o, '[');
        dump_word(a->index, o);
        vbuf_addc(o, ']');
    }
    vbuf_adds(o, a->append ? "+=" : "=");
    if (a->is_array) {
        vbuf_addc(o, '(');
        dump_words(a->array, a->narray, o);
        vbuf_addc(o, ')');
    } else if (a->value) {
        dump_word(a->value, o);
    }
}

static const char *redir_op(ast_redir_op op, bool strip)
{
    switch (op) {
    case R_IN: return "<";
    case R_OUT: return ">";
    case R_CLOBBER: return ">|";
    case R_APPEND: return ">>";
    case R_INOUT: return "<>";
    case R_DUP_IN: return "<&";
    case R_DUP_OUT: return ">&";
    case R_OUT_ERR: return "&>";
    case R_APPEND_ERR: return "&>>";
    case R_HEREDOC: return strip ? "<<-" : "<<";
    case R_HERESTRING: return "<<<";
    }
    return "?";
}

static void dump_redirs(const ast_redir *r, vbuf *o)
{
    for (; r; r = r->next) {
        vbuf_adds(o, " (");
        if (r->fd_var)
            vbuf_printf(o, "{%s}", r->fd_var);
        else if (r->fd >= 0)
            vbuf_printf(o, "%d", r->fd);
        vbuf_adds(o, redir_op(r->op, r->heredoc_strip));
        if (r->op == R_HEREDOC && r->heredoc_quoted)
            vbuf_addc(o, 'q');
        vbuf_addc(o, ' ');
        dump_word(r->target, o);
        vbuf_addc(o, ')');
    }
}

static void dump_cond(const ast_cond *c, vbuf *o)
{
    if (!c) {
        vbuf_adds(o, "NULL");
        return;
    }
    switch (c->kind) {
    case C_AND:
    case C_OR:
        vbuf_adds(o, c->kind == C_AND ? "(&& " : "(|| ");
        dump_cond(c->left, o);
        vbuf_addc(o, ' ');
        dump_cond(c->right, o);
        vbuf_addc(o, ')');
        break;
    case C_NOT:
        vbuf_adds(o, "(! ");
        dump_cond(c->left, o);
        vbuf_addc(o, ')');
        break;
    case C_UNARY:
        vbuf_printf(o, "(%s ", c->op);
        dump_word(c->w1, o);
        vbuf_addc(o, ')');
        break;
    case C_BINARY:
        vbuf_printf(o, "(%s ", c->op);
        dump_word(c->w1, o);
        vbuf_addc(o, ' ');
        dump_word(c->w2, o);
        vbuf_addc(o, ')');
        break;
    case C_WORD:
        dump_word(c->w1, o);
        break;
    }
}

static void dump_opt(const ast_node *n, vbuf *o)
{
    vbuf_addc(o, ' ');
    if (n)
        dump_node(n, o);
    else
        vbuf_adds(o, "()");
}

static void dump_node(const ast_node *n, vbuf *o)
{
    if (!n) {
        vbuf_adds(o, "()");
        return;
    }
    switch (n->kind) {
    case N_SIMPLE: {
        vbuf_adds(o, "(simple");
        for (const ast_assign *a = n->assigns; a; a = a->next) {
            vbuf_addc(o, ' ');
            dump_assign(a, o);
        }
        for (size_t i = 0; i < n->nwords; i++) {
            vbuf_addc(o, ' ');
            if (n->words[i]->assign) {
                vbuf_adds(o, "[decl ");
                dump_assign(n->words[i]->assign, o);
                vbuf_addc(o, ']');
            } else {
                dump_word(n->words[i], o);
            }
        }
        break;
    }
    case N_PIPELINE:
        vbuf_adds(o, "(pipe");
        if (n->timed)
            vbuf_adds(o, n->time_posix ? " time-p" : " time");
        if (n->negate)
            vbuf_adds(o, " !");
        for (size_t i = 0; i < n->nitems; i++) {
            if (i)
                vbuf_adds(o, n->pipe_err && n->pipe_err[i - 1] ? " |&" : " |");
            vbuf_addc(o, ' ');
            dump_node(n->items[i], o);
        }
        break;
    case N_AND:
    case N_OR:
        vbuf_adds(o, n->kind == N_AND ? "(&&" : "(||");
        dump_opt(n->left, o);
        dump_opt(n->right, o);
        break;
    case N_LIST:
        vbuf_adds(o, "(list");
        for (size_t i = 0; i < n->nitems; i++) {
            vbuf_addc(o, ' ');
            dump_node(n->items[i], o);
            if (n->items[i]->background)
                vbuf_adds(o, " &");
        }
        break;
    case N_SUBSHELL:
    case N_GROUP:
        vbuf_adds(o, n->kind == N_SUBSHELL ? "(sub" : "(group");
        dump_opt(n->body, o);
        break;
    case N_IF:
        vbuf_adds(o, "(if");
        dump_opt(n->cond, o);
        dump_opt(n->then, o);
        if (n->else_)
            dump_opt(n->else_, o);
        break;
    case N_WHILE:
    case N_UNTIL:
        vbuf_adds(o, n->kind == N_WHILE ? "(while" : "(until");
        dump_opt(n->cond, o);
        dump_opt(n->body, o);
        break;
    case N_FOR:
    case N_SELECT:
        vbuf_printf(o, "(%s %s", n->kind == N_FOR ? "for" : "select", n->var ? n->var : "");
        if (n->has_in) {
            vbuf_adds(o, " (in");
            for (size_t i = 0; i < n->nlist; i++) {
                vbuf_addc(o, ' ');
                dump_word(n->list[i], o);
            }
            vbuf_addc(o, ')');
        }
        dump_opt(n->body, o);
        break;
    case N_ARITH_FOR:
        vbuf_adds(o, "(for((");
        if (n->arith_init)
            dump_word(n->arith_init, o);
        vbuf_adds(o, ";");
        if (n->arith_cond)
            dump_word(n->arith_cond, o);
        vbuf_adds(o, ";");
        if (n->arith_step)
            dump_word(n->arith_step, o);
        vbuf_adds(o, "))");
        dump_opt(n->body, o);
        break;
    case N_CASE:
        vbuf_adds(o, "(case ");
        dump_word(n->subject, o);
        for (size_t i = 0; i < n->ncases; i++) {
            const ast_case_item *it = &n->cases[i];
            vbuf_adds(o, " (");
            for (size_t j = 0; j < it->npatterns; j++) {
                if (j)
                    vbuf_addc(o, '|');
                dump_word(it->patterns[j], o);
            }
            dump_opt(it->body, o);
            vbuf_adds(o, it->term == 0 ? " ;;)" : it->term == 1 ? " ;&)" : " ;;&)");
        }
        break;
    case N_COND:
        vbuf_adds(o, "([[ ");
        dump_cond(n->cexpr, o);
        vbuf_adds(o, " ]]");
        break;
    case N_ARITH:
        vbuf_adds(o, "(((");
        dump_word(n->arith_init, o);
        vbuf_adds(o, "))");
        break;
    case N_FUNCDEF:
        vbuf_printf(o, "(function %s", n->var ? n->var : "");
        dump_opt(n->body, o);
        break;
    case N_COPROC:
        vbuf_printf(o, "(coproc %s", n->var ? n->var : "");
        dump_opt(n->body, o);
        break;
    }
    dump_redirs(n->redirs, o);
    vbuf_addc(o, ')');
}

void ast_dump(const ast_node *n, vbuf *out)
{
    dump_node(n, out);
}
