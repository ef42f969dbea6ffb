/*
 * jq lexer and recursive-descent parser: program text -> jnode tree.
 * Precedence, lowest first: "|" (and "def ...;", "as ... |", "label"),
 * ",", "//", assignment operators, "or", "and", comparisons, "+ -",
 * "* / %", postfix terms (.a [e] [] [e:e] ? and "as").
 * Errors follow jq's wording where it is simple to ("syntax error,
 * unexpected ...", "f/1 is not defined" comes from the evaluator).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/jq.h"

enum {
    JT_EOF = 256, JT_IDENT, JT_FIELD, JT_VAR, JT_NUM, JT_STR, JT_FORMAT,
    JT_DOTDOT, JT_EQ, JT_NE, JT_LE, JT_GE, JT_ALT, JT_ALT_ASSIGN, JT_UPDATE,
    JT_ADD_ASSIGN, JT_SUB_ASSIGN, JT_MUL_ASSIGN, JT_DIV_ASSIGN, JT_MOD_ASSIGN,
    JT_OPTALT,   /* ?// */
    /* keywords */
    JT_DEF, JT_IF, JT_THEN, JT_ELIF, JT_ELSE, JT_END, JT_AS, JT_REDUCE, JT_FOREACH,
    JT_TRY, JT_CATCH, JT_LABEL, JT_IMPORT, JT_INCLUDE, JT_AND, JT_OR, JT_LOC,
    JT_INVALID,  /* a closing bracket that closes nothing open (jq's INVALID_CHARACTER) */
};

typedef struct jlex {
    jq *J;
    const char *src;
    size_t len, pos;
    int tok;
    size_t tok_start;
    size_t base;        /* offset of src in the whole program (interpolations) */
    int line;
    char *text;         /* JT_IDENT, JT_FIELD, JT_VAR, JT_FORMAT */
    double num;
    size_t num_len;       /* JT_NUM: its text is src[tok_start..+num_len) */
    jnode *str;         /* JT_STR: a JN_STRING node */
    size_t prev_start;  /* start of the token before this one */
    size_t expr_start;  /* start of the last operand term (error positions) */
    size_t err_at;      /* where the error points ((size_t)-1: the token) */
    char *err;
    int depth;
    size_t last_lex;    /* start of the last lexeme, blanks and comments included */
    jnode oom;          /* handed out when a node cannot be allocated (L->err is set) */
    char brk[256];      /* open brackets, as jq's lexer tracks them */
    int nbrk;
} jlex;

static const struct { const char *w; int t; } jq_keywords[] = {
    {"def", JT_DEF}, {"if", JT_IF}, {"then", JT_THEN}, {"elif", JT_ELIF}, {"else", JT_ELSE},
    {"end", JT_END}, {"as", JT_AS}, {"reduce", JT_REDUCE}, {"foreach", JT_FOREACH},
    {"try", JT_TRY}, {"catch", JT_CATCH}, {"label", JT_LABEL}, {"import", JT_IMPORT},
    {"include", JT_INCLUDE}, {"and", JT_AND}, {"or", JT_OR}, {"__loc__", JT_LOC},
};

static jnode *jqp__pipe(jlex *L);
static jnode *jqp__objval(jlex *L);
static jnode *jqp__parse_sub(jq *J, const char *src, size_t len, int line, size_t base, char **err);

static void jqp__fail(jlex *L, const char *fmt, ...)
{
    if (L->err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, L->J->heap);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    L->err = vbuf_take(&b, NULL);
}

static jnode *jqp__node(jlex *L, jn_kind k)
{
    jnode *n = mem_calloc(L->J->heap, 1, sizeof *n);
    if (!n) {
        jqp__fail(L, "out of memory");
        memset(&L->oom, 0, sizeof L->oom);
        return &L->oom;
    }
    n->kind = k;
    n->line = L->line;
    n->col = (int)(L->base + L->tok_start);
    return n;
}

static void jqp__push(jlex *L, jnode *n, jnode *kid)
{
    jnode **nk = mem_realloc(L->J->heap, n->kids, sizeof(jnode *) * (size_t)(n->nkids + 1));
    if (!nk) {
        jqp__fail(L, "out of memory");
        return;
    }
    n->kids = nk;
    n->kids[n->nkids++] = kid;
}

/* ------------------------------------------------------------------ lexer */
static void jqp__utf8(vbuf *b, uint32_t cp)
{
    char u[4];
    int n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) { u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
    else { u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
    vbuf_add(b, u, (size_t)n);
}

/* A string literal with interpolations, from just after the opening quote. */
static void jqp__string(jlex *L)
{
    jnode *s = jqp__node(L, JN_STRING);
    vbuf b;
    vbuf_init(&b, L->J->heap);
    for (;;) {
        if (L->pos >= L->len) {
            jqp__fail(L, "unterminated string");
            break;
        }
        char c = L->src[L->pos++];
        if (c == '"')
            break;
        if (c == '\n')
            L->line++;
        if (c != '\\') {
            vbuf_addc(&b, c);
            continue;
        }
        if (L->pos >= L->len) {
            jqp__fail(L, "unterminated string");
            break;
        }
        c = L->src[L->pos++];
        switch (c) {
        case '"': vbuf_addc(&b, '"'); break;
        case '\\': vbuf_addc(&b, '\\'); break;
        case '/': vbuf_addc(&b, '/'); break;
        case 'b': vbuf_addc(&b, '\b'); break;
        case 'f': vbuf_addc(&b, '\f'); break;
        case 'n': vbuf_addc(&b, '\n'); break;
        case 'r': vbuf_addc(&b, '\r'); break;
        case 't': vbuf_addc(&b, '\t'); break;
        case 'u': {
            uint32_t cp = 0;
            int k;
            for (k = 0; k < 4 && L->pos < L->len && isxdigit((unsigned char)L->src[L->pos]); k++) {
                char h = L->src[L->pos++];
                cp = cp * 16 + (uint32_t)(isdigit((unsigned char)h) ? h - '0' : tolower(h) - 'a' + 10);
            }
            if (k < 4) {
                jqp__fail(L, "invalid \\u escape");
                break;
            }
            if (cp >= 0xD800 && cp < 0xDC00 && L->pos + 6 <= L->len && L->src[L->pos] == '\\' &&
                L->src[L->pos + 1] == 'u') {
                uint32_t lo = (uint32_t)strtoul((char[5]){L->src[L->pos + 2], L->src[L->pos + 3],
                                                          L->src[L->pos + 4], L->src[L->pos + 5], 0},
                                                NULL, 16);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    L->pos += 6;
                }
            }
            jqp__utf8(&b, cp);
            break;
        }
        case '(': {
            /* \( expr ): find the matching paren, skipping nested strings */
            size_t st = L->pos;
            int depth = 1;
            bool in_str = false;
            while (L->pos < L->len && depth > 0) {
                char d = L->src[L->pos++];
                if (in_str) {
                    if (d == '\\' && L->pos < L->len)
                        L->pos++;
                    else if (d == '"')
                        in_str = false;
                    continue;
                }
                if (d == '"')
                    in_str = true;
                else if (d == '(')
                    depth++;
                else if (d == ')')
                    depth--;
            }
            if (depth) {
                jqp__fail(L, "unterminated string interpolation");
                break;
            }
            jnode *lit = jqp__node(L, JN_LITERAL);
            lit->val = jv_str(L->J, vbuf_str(&b), b.len);
            jqp__push(L, s, lit);
            vbuf_clear(&b);
            char *err = NULL;
            jnode *e = jqp__parse_sub(L->J, L->src + st, L->pos - st - 1, L->line, L->base + st, &err);
            if (!e) {
                jqp__fail(L, "%s", err ? err : "syntax error in string interpolation");
                break;
            }
            jqp__push(L, s, e);
            break;
        }
        default:
            jqp__fail(L, "invalid escape at line %d, column %zu", L->line, L->pos);
            break;
        }
        if (L->err)
            break;
    }
    jnode *lit = jqp__node(L, JN_LITERAL);
    lit->val = jv_str(L->J, vbuf_str(&b), b.len);
    jqp__push(L, s, lit);
    vbuf_free(&b);
    L->str = s;
    L->tok = JT_STR;
}

static void jqp__next(jlex *L)
{
    L->prev_start = L->tok_start;
    for (;;) {
        if (L->pos < L->len && isspace((unsigned char)L->src[L->pos]))
            L->last_lex = L->pos;
        while (L->pos < L->len && isspace((unsigned char)L->src[L->pos])) {
            if (L->src[L->pos] == '\n')
                L->line++;
            L->pos++;
        }
        if (L->pos < L->len && L->src[L->pos] == '#') {
            L->last_lex = L->pos;
            while (L->pos < L->len && L->src[L->pos] != '\n')
                L->pos++;
            continue;
        }
        break;
    }
    L->tok_start = L->pos;
    if (L->pos < L->len)
        L->last_lex = L->pos;
    if (L->pos >= L->len) {
        L->tok = JT_EOF;
        return;
    }
    char c = L->src[L->pos];
    char c1 = L->pos + 1 < L->len ? L->src[L->pos + 1] : 0;
    char c2 = L->pos + 2 < L->len ? L->src[L->pos + 2] : 0;
    if (c == '"') {
        L->pos++;
        jqp__string(L);
        return;
    }
    if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)c1))) {
        /* ([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)? */
        size_t st = L->pos, e = st;
        while (e < L->len && isdigit((unsigned char)L->src[e]))
            e++;
        if (e < L->len && L->src[e] == '.') {
            e++;
            while (e < L->len && isdigit((unsigned char)L->src[e]))
                e++;
        }
        if (e < L->len && (L->src[e] == 'e' || L->src[e] == 'E')) {
            size_t x = e + 1;
            if (x < L->len && (L->src[x] == '+' || L->src[x] == '-'))
                x++;
            if (x < L->len && isdigit((unsigned char)L->src[x])) {
                while (x < L->len && isdigit((unsigned char)L->src[x]))
                    x++;
                e = x;
            }
        }
        char tmp[64];
        char *buf = e - st < sizeof tmp ? tmp : mem_alloc(L->J->heap, e - st + 1);
        L->num = 0;
        if (buf) {
            memcpy(buf, L->src + st, e - st);
            buf[e - st] = '\0';
            L->num = strtod(buf, NULL);
            if (buf != tmp)
                mem_free(L->J->heap, buf);
        }
        L->pos = e;
        L->num_len = e - st;
        L->tok = JT_NUM;
        return;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        size_t st = L->pos;
        while (L->pos < L->len && (isalnum((unsigned char)L->src[L->pos]) || L->src[L->pos] == '_' ||
                                   (L->src[L->pos] == ':' && L->pos + 1 < L->len &&
                                    L->src[L->pos + 1] == ':' && (L->pos += 1))))
            L->pos++;
        L->text = mem_strndup(L->J->heap, L->src + st, L->pos - st);
        L->tok = JT_IDENT;
        for (size_t i = 0; i < sizeof jq_keywords / sizeof jq_keywords[0]; i++)
            if (strcmp(jq_keywords[i].w, L->text) == 0)
                L->tok = jq_keywords[i].t;
        return;
    }
    if ((c == '$' || c == '@') && (isalpha((unsigned char)c1) || c1 == '_')) {
        size_t st = ++L->pos;
        while (L->pos < L->len && (isalnum((unsigned char)L->src[L->pos]) || L->src[L->pos] == '_' ||
                                   (L->src[L->pos] == ':' && L->pos + 1 < L->len &&
                                    L->src[L->pos + 1] == ':' && (L->pos += 1))))
            L->pos++;
        L->text = mem_strndup(L->J->heap, L->src + st, L->pos - st);
        L->tok = c == '$' ? JT_VAR : JT_FORMAT;
        if (c == '$' && strcmp(L->text, "__loc__") == 0)
            L->tok = JT_LOC;
        return;
    }
    if (c == '.' && (isalpha((unsigned char)c1) || c1 == '_')) {
        size_t st = ++L->pos;
        while (L->pos < L->len && (isalnum((unsigned char)L->src[L->pos]) || L->src[L->pos] == '_'))
            L->pos++;
        L->text = mem_strndup(L->J->heap, L->src + st, L->pos - st);
        L->tok = JT_FIELD;
        return;
    }
    L->pos++;
    int t = (unsigned char)c;
#define JQ_TWO(ch, tk) if (c1 == (ch)) { L->pos++; t = (tk); }
    switch (c) {
    case '(': case '[': case '{':
        if (L->nbrk < (int)sizeof L->brk)
            L->brk[L->nbrk] = c == '(' ? ')' : c == '[' ? ']' : '}';
        L->nbrk++;
        break;
    case ')': case ']': case '}':
        if (L->nbrk > 0 && (L->nbrk > (int)sizeof L->brk || L->brk[L->nbrk - 1] == c))
            L->nbrk--;
        else
            t = JT_INVALID;
        break;
    case '.': JQ_TWO('.', JT_DOTDOT) break;
    case '=': JQ_TWO('=', JT_EQ) break;
    case '!': JQ_TWO('=', JT_NE) break;
    case '<': JQ_TWO('=', JT_LE) break;
    case '>': JQ_TWO('=', JT_GE) break;
    case '|': JQ_TWO('=', JT_UPDATE) break;
    case '+': JQ_TWO('=', JT_ADD_ASSIGN) break;
    case '-': JQ_TWO('=', JT_SUB_ASSIGN) break;
    case '*': JQ_TWO('=', JT_MUL_ASSIGN) break;
    case '%': JQ_TWO('=', JT_MOD_ASSIGN) break;
    case '/':
        if (c1 == '/') {
            L->pos++;
            t = JT_ALT;
            if (c2 == '=') {
                L->pos++;
                t = JT_ALT_ASSIGN;
            }
        } else JQ_TWO('=', JT_DIV_ASSIGN)
        break;
    case '?':
        if (c1 == '/' && c2 == '/') {
            L->pos += 2;
            t = JT_OPTALT;
        }
        break;
    default: break;
    }
#undef JQ_TWO
    L->tok = t;
}

static const char *jqp__tokname(jlex *L, char *buf, size_t cap)
{
    switch (L->tok) {
    case JT_EOF: return "$end";
    case JT_INVALID: return "INVALID_CHARACTER";
    case JT_IDENT: return "IDENT";
    case JT_FIELD: snprintf(buf, cap, "FIELD"); return buf;
    case JT_VAR: return "'$'";
    case JT_NUM: return "LITERAL";
    case JT_STR: return "QQSTRING_START";
    case JT_FORMAT: return "FORMAT";
    case JT_DOTDOT: return "\"..\"";
    case JT_EQ: return "\"==\"";
    case JT_NE: return "\"!=\"";
    case JT_LE: return "\"<=\"";
    case JT_GE: return "\">=\"";
    case JT_ALT: return "\"//\"";
    case JT_UPDATE: return "\"|=\"";
    case JT_END: return "end";
    case JT_THEN: return "then";
    case JT_ELSE: return "else";
    case JT_ELIF: return "elif";
    case JT_CATCH: return "catch";
    case JT_AS: return "as";
    case JT_AND: return "and";
    case JT_OR: return "or";
    default:
        if (L->tok < 256) {
            snprintf(buf, cap, "'%c'", L->tok);
            return buf;
        }
        return "token";
    }
}

static void jqp__unexpected(jlex *L)
{
    char buf[32];
    /* jq points at its last lexeme before an unexpected end (a trailing
     * blank or comment counts) */
    L->err_at = L->tok == JT_EOF ? L->last_lex : L->tok_start;
    jqp__fail(L, "syntax error, unexpected %s", jqp__tokname(L, buf, sizeof buf));
}

static bool jqp__accept(jlex *L, int tok)
{
    if (L->tok == tok) {
        jqp__next(L);
        return true;
    }
    return false;
}

static void jqp__expect(jlex *L, int tok)
{
    if (!jqp__accept(L, tok))
        jqp__unexpected(L);
}

/* ------------------------------------------------------------------ terms */
static jnode *jqp__pattern(jlex *L)
{
    jnode *p = jqp__node(L, JN_PATTERN);
    if (L->tok == JT_VAR) {
        p->op = 'v';
        p->name = L->text;
        jqp__next(L);
        return p;
    }
    if (jqp__accept(L, '[')) {
        p->op = 'a';
        if (L->tok != ']') {
            do {
                jqp__push(L, p, jqp__pattern(L));
            } while (!L->err && jqp__accept(L, ','));
        }
        jqp__expect(L, ']');
        return p;
    }
    if (jqp__accept(L, '{')) {
        p->op = 'o';
        do {
            jnode *key, *sub = NULL;
            if (L->tok == JT_VAR) {
                /* {$name} or {$name: pattern} */
                key = jqp__node(L, JN_VAR);
                key->name = L->text;
                jqp__next(L);
                if (jqp__accept(L, ':'))
                    sub = jqp__pattern(L);
            } else if (L->tok == JT_IDENT) {
                key = jqp__node(L, JN_LITERAL);
                key->val = jv_strz(L->J, L->text);
                jqp__next(L);
                jqp__expect(L, ':');
                sub = jqp__pattern(L);
            } else if (L->tok == JT_STR) {
                key = L->str;
                jqp__next(L);
                jqp__expect(L, ':');
                sub = jqp__pattern(L);
            } else if (jqp__accept(L, '(')) {
                key = jqp__pipe(L);
                jqp__expect(L, ')');
                jqp__expect(L, ':');
                sub = jqp__pattern(L);
            } else {
                jqp__unexpected(L);
                return p;
            }
            jqp__push(L, p, key);
            jqp__push(L, p, sub);
        } while (!L->err && jqp__accept(L, ','));
        jqp__expect(L, '}');
        return p;
    }
    jqp__unexpected(L);
    return p;
}

static jnode *jqp__object(jlex *L)
{
    jnode *o = jqp__node(L, JN_OBJECT);
    /* after '{' */
    if (jqp__accept(L, '}'))
        return o;
    do {
        jnode *key = NULL, *val = NULL;
        if (L->tok == JT_VAR) {
            /* {$x}: key "x", value $x */
            key = jqp__node(L, JN_LITERAL);
            key->val = jv_strz(L->J, L->text);
            val = jqp__node(L, JN_VAR);
            val->name = L->text;
            jqp__next(L);
        } else if (L->tok == JT_LOC) {
            jqp__next(L);
            key = jqp__node(L, JN_LITERAL);
            key->val = jv_strz(L->J, "__loc__");
            val = jqp__node(L, JN_LITERAL);
            jv *loc = jv_obj(L->J);
            loc = jv_obj_set(L->J, loc, jv_strz(L->J, "file"), jv_strz(L->J, "<top-level>"));
            loc = jv_obj_set(L->J, loc, jv_strz(L->J, "line"), jv_num(L->J, L->line));
            val->val = loc;
        } else if (L->tok == JT_IDENT || (L->tok >= JT_DEF && L->tok <= JT_OR)) {
            char *name = L->text;
            key = jqp__node(L, JN_LITERAL);
            key->val = jv_strz(L->J, name);
            jqp__next(L);
            if (L->tok != ':') {
                val = jqp__node(L, JN_FIELD);
                val->name = name;
            }
        } else if (L->tok == JT_NUM) {
            jqp__fail(L, "syntax error, unexpected LITERAL");
            return o;
        } else if (L->tok == JT_STR) {
            key = L->str;
            jqp__next(L);
            if (L->tok != ':') {
                /* {"a"} is {"a": .a} */
                val = jqp__node(L, JN_INDEX);
                val->b = key;
            }
        } else if (L->tok == JT_FORMAT) {
            key = jqp__node(L, JN_FORMAT);
            key->name = L->text;
            jqp__next(L);
        } else if (jqp__accept(L, '(')) {
            key = jqp__pipe(L);
            jqp__expect(L, ')');
        } else {
            jqp__unexpected(L);
            return o;
        }
        if (!val) {
            jqp__expect(L, ':');
            /* ObjVal: a term, optionally piped to more terms */
            val = jqp__objval(L);
        }
        jqp__push(L, o, key);
        jqp__push(L, o, val);
    } while (!L->err && jqp__accept(L, ','));
    jqp__expect(L, '}');
    return o;
}

static jnode *jqp__postfix(jlex *L);

static jnode *jqp__primary(jlex *L)
{
    jnode *n;
    switch (L->tok) {
    case '.':
        jqp__next(L);
        if (L->tok == JT_STR) {
            /* ."field" */
            n = jqp__node(L, JN_INDEX);
            n->b = L->str;
            jqp__next(L);
            return n;
        }
        if (L->tok == '[') {
            return jqp__node(L, JN_IDENTITY); /* .[...] : postfix handles it */
        }
        return jqp__node(L, JN_IDENTITY);
    case JT_DOTDOT:
        jqp__next(L);
        return jqp__node(L, JN_RECURSE);
    case JT_FIELD:
        n = jqp__node(L, JN_FIELD);
        n->name = L->text;
        jqp__next(L);
        return n;
    case JT_NUM:
        n = jqp__node(L, JN_LITERAL);
        n->val = jv_num_lit(L->J, L->num, L->src + L->tok_start, L->num_len);
        jqp__next(L);
        return n;
    case JT_STR:
        n = L->str;
        jqp__next(L);
        return n;
    case JT_FORMAT:
        n = jqp__node(L, JN_FORMAT);
        n->name = L->text;
        jqp__next(L);
        if (L->tok == JT_STR) {
            /* @fmt "string \(interp)": each interpolation goes through the format */
            jnode *s = L->str;
            s->name = n->name;
            jqp__next(L);
            return s;
        }
        return n;
    case JT_VAR:
        n = jqp__node(L, JN_VAR);
        n->name = L->text;
        jqp__next(L);
        return n;
    case JT_LOC: {
        n = jqp__node(L, JN_LITERAL);
        jv *loc = jv_obj(L->J);
        loc = jv_obj_set(L->J, loc, jv_strz(L->J, "file"), jv_strz(L->J, "<top-level>"));
        loc = jv_obj_set(L->J, loc, jv_strz(L->J, "line"), jv_num(L->J, L->line));
        n->val = loc;
        jqp__next(L);
        return n;
    }
    case '(':
        jqp__next(L);
        n = jqp__pipe(L);
        jqp__expect(L, ')');
        return n;
    case '[':
        jqp__next(L);
        n = jqp__node(L, JN_ARRAY);
        if (L->tok != ']')
            n->a = jqp__pipe(L);
        jqp__expect(L, ']');
        return n;
    case '{':
        jqp__next(L);
        return jqp__object(L);
    case '-':
        jqp__next(L);
        n = jqp__node(L, JN_NEG);
        n->a = jqp__postfix(L);
        return n;
    case JT_IF: {
        jqp__next(L);
        n = jqp__node(L, JN_IF);
        n->a = jqp__pipe(L);
        jqp__expect(L, JT_THEN);
        n->b = jqp__pipe(L);
        jnode *cur = n;
        while (L->tok == JT_ELIF && !L->err) {
            jqp__next(L);
            jnode *e = jqp__node(L, JN_IF);
            e->a = jqp__pipe(L);
            jqp__expect(L, JT_THEN);
            e->b = jqp__pipe(L);
            cur->c = e;
            cur = e;
        }
        if (jqp__accept(L, JT_ELSE))
            cur->c = jqp__pipe(L);
        jqp__expect(L, JT_END);
        return n;
    }
    case JT_TRY: {
        jqp__next(L);
        n = jqp__node(L, JN_TRY);
        n->a = jqp__postfix(L);
        if (jqp__accept(L, JT_CATCH)) {
            n->b = jqp__postfix(L);
            n->op = 'c';
        }
        return n;
    }
    case JT_REDUCE:
    case JT_FOREACH: {
        bool fe = L->tok == JT_FOREACH;
        jqp__next(L);
        n = jqp__node(L, fe ? JN_FOREACH : JN_REDUCE);
        n->a = jqp__postfix(L);
        jqp__expect(L, JT_AS);
        n->pat = jqp__pattern(L);
        jqp__expect(L, '(');
        n->b = jqp__pipe(L);
        jqp__expect(L, ';');
        n->c = jqp__pipe(L);
        if (fe && jqp__accept(L, ';'))
            n->d = jqp__pipe(L);
        jqp__expect(L, ')');
        return n;
    }
    case JT_LABEL: {
        jqp__next(L);
        n = jqp__node(L, JN_LABEL);
        if (L->tok != JT_VAR) {
            jqp__unexpected(L);
            return n;
        }
        n->name = L->text;
        jqp__next(L);
        jqp__expect(L, '|');
        n->a = jqp__pipe(L);
        return n;
    }
    case JT_DEF: {
        /* a definition inside a term: def f: ...; rest */
        return jqp__pipe(L);
    }
    case JT_IDENT: {
        if (strcmp(L->text, "null") == 0 || strcmp(L->text, "true") == 0 ||
            strcmp(L->text, "false") == 0) {
            n = jqp__node(L, JN_LITERAL);
            n->val = L->text[0] == 'n' ? jv_null(L->J) : jv_bool(L->J, L->text[0] == 't');
            jqp__next(L);
            return n;
        }
        n = jqp__node(L, JN_CALL);
        n->name = L->text;
        jqp__next(L);
        if (strcmp(n->name, "break") == 0) {
            n->kind = JN_BREAK;
            if (L->tok != JT_VAR) {
                jqp__unexpected(L);
                return n;
            }
            n->name = L->text;
            jqp__next(L);
            return n;
        }
        if (jqp__accept(L, '(')) {
            do {
                jqp__push(L, n, jqp__pipe(L));
            } while (!L->err && jqp__accept(L, ';'));
            jqp__expect(L, ')');
        }
        return n;
    }
    default:
        jqp__unexpected(L);
        jqp__next(L);
        return jqp__node(L, JN_IDENTITY);
    }
}

static jnode *jqp__postfix(jlex *L)
{
    if (++L->depth > 512) {
        jqp__fail(L, "syntax error: program nested too deeply");
        return jqp__node(L, JN_IDENTITY);
    }
    jnode *n = jqp__primary(L);
    for (;;) {
        if (L->err)
            break;
        if (L->tok == JT_FIELD) {
            jnode *f = jqp__node(L, JN_FIELD);
            f->a = n;
            f->name = L->text;
            jqp__next(L);
            n = f;
            continue;
        }
        if (L->tok == '.' && L->pos < L->len && (L->src[L->pos] == '"' || L->src[L->pos] == '[')) {
            jqp__next(L);
            if (L->tok == JT_STR) {
                jnode *f = jqp__node(L, JN_INDEX);
                f->a = n;
                f->b = L->str;
                jqp__next(L);
                n = f;
            }
            continue;
        }
        if (L->tok == '[') {
            jqp__next(L);
            if (jqp__accept(L, ']')) {
                jnode *it = jqp__node(L, JN_ITERATE);
                it->a = n;
                n = it;
                continue;
            }
            jnode *x;
            if (L->tok == ':') {
                jqp__next(L);
                x = jqp__node(L, JN_SLICE);
                x->a = n;
                x->c = jqp__pipe(L);
            } else {
                jnode *e = jqp__pipe(L);
                if (jqp__accept(L, ':')) {
                    x = jqp__node(L, JN_SLICE);
                    x->a = n;
                    x->b = e;
                    if (L->tok != ']')
                        x->c = jqp__pipe(L);
                } else {
                    x = jqp__node(L, JN_INDEX);
                    x->a = n;
                    x->b = e;
                }
            }
            jqp__expect(L, ']');
            n = x;
            continue;
        }
        if (L->tok == '?') {
            jqp__next(L);
            jnode *t = jqp__node(L, JN_TRY);
            t->a = n;
            n = t;
            continue;
        }
        break;
    }
    L->depth--;
    return n;
}

/* ObjVal of jq's grammar: a term, or terms joined by '|' */
static jnode *jqp__objval(jlex *L)
{
    jnode *n = jqp__postfix(L);
    while (L->tok == '|' && !L->err) {
        jqp__next(L);
        jnode *p = jqp__node(L, JN_PIPE);
        p->a = n;
        p->b = jqp__postfix(L);
        n = p;
    }
    return n;
}

/* ------------------------------------------------------------------ operators */
static jnode *jqp__binary(jlex *L, int level);

static jnode *jqp__mk2(jlex *L, jn_kind k, int op, jnode *a, jnode *b)
{
    jnode *n = jqp__node(L, k);
    n->op = op;
    n->a = a;
    n->b = b;
    return n;
}

/* levels: 0 alt (//, right), 1 assign (nonassoc), 2 or, 3 and, 4 compare, 5 additive, 6 multiplicative */
static jnode *jqp__binary(jlex *L, int level)
{
    if (L->err)
        return jqp__node(L, JN_IDENTITY);
    if (level == 7) {
        L->expr_start = L->tok_start;
        return jqp__postfix(L);
    }
    jnode *n = jqp__binary(L, level + 1);
    for (;;) {
        int t = L->tok;
        switch (level) {
        case 0:
            if (t == JT_ALT) {
                jqp__next(L);
                return jqp__mk2(L, JN_ALT, 0, n, jqp__binary(L, 0));
            }
            return n;
        case 1: {
            int op = t == '=' ? '=' : t == JT_UPDATE ? '|' : t == JT_ADD_ASSIGN ? '+'
                   : t == JT_SUB_ASSIGN ? '-' : t == JT_MUL_ASSIGN ? '*' : t == JT_DIV_ASSIGN ? '/'
                   : t == JT_MOD_ASSIGN ? '%' : t == JT_ALT_ASSIGN ? 'a' : 0;
            if (!op)
                return n;
            jqp__next(L);
            return jqp__mk2(L, JN_ASSIGN, op, n, jqp__binary(L, 0));
        }
        case 2:
            if (t != JT_OR)
                return n;
            jqp__next(L);
            n = jqp__mk2(L, JN_OR, 0, n, jqp__binary(L, 3));
            continue;
        case 3:
            if (t != JT_AND)
                return n;
            jqp__next(L);
            n = jqp__mk2(L, JN_AND, 0, n, jqp__binary(L, 4));
            continue;
        case 4: {
            int op = t == JT_EQ ? '=' : t == JT_NE ? '!' : t == '<' ? '<' : t == JT_LE ? 'l'
                   : t == '>' ? '>' : t == JT_GE ? 'g' : 0;
            if (!op)
                return n;
            jqp__next(L);
            n = jqp__mk2(L, JN_CMP, op, n, jqp__binary(L, 5));
            if (L->tok == JT_EQ || L->tok == JT_NE || L->tok == '<' || L->tok == JT_LE ||
                L->tok == '>' || L->tok == JT_GE)
                jqp__unexpected(L); /* comparisons do not chain */
            return n;
        }
        case 5:
            if (t != '+' && t != '-')
                return n;
            jqp__next(L);
            n = jqp__mk2(L, JN_BINOP, t, n, jqp__binary(L, 6));
            continue;
        case 6: {
            if (t != '*' && t != '/' && t != '%')
                return n;
            size_t lhs_start = L->expr_start;
            jqp__next(L);
            jnode *rhs = jqp__binary(L, 7);
            if (t == '/' && n->kind == JN_LITERAL && rhs->kind == JN_LITERAL &&
                n->val->kind == JV_NUMBER && rhs->val->kind == JV_NUMBER && rhs->val->u.num.n == 0) {
                /* jq folds constants and refuses this at compile time */
                L->err_at = lhs_start;
                jqp__fail(L, "Division by zero?");
                return n;
            }
            n = jqp__mk2(L, JN_BINOP, t, n, rhs);
            continue;
        }
        }
        return n;
    }
}

static jnode *jqp__comma(jlex *L)
{
    jnode *n = jqp__binary(L, 0);
    while (L->tok == ',' && !L->err) {
        jqp__next(L);
        n = jqp__mk2(L, JN_COMMA, 0, n, jqp__binary(L, 0));
    }
    return n;
}

static jnode *jqp__def(jlex *L)
{
    jqp__next(L); /* def */
    jnode *d = jqp__node(L, JN_FUNCDEF);
    if (L->tok != JT_IDENT && !(L->tok >= JT_DEF && L->tok <= JT_OR)) {
        jqp__unexpected(L);
        return d;
    }
    d->name = L->text;
    jqp__next(L);
    if (jqp__accept(L, '(')) {
        do {
            char *p;
            if (L->tok == JT_VAR) {
                p = mem_printf(L->J->heap, "$%s", L->text);
            } else if (L->tok == JT_IDENT) {
                p = L->text;
            } else {
                jqp__unexpected(L);
                return d;
            }
            jqp__next(L);
            char **np = mem_realloc(L->J->heap, d->params, sizeof(char *) * (size_t)(d->nparams + 1));
            if (!np)
                return d;
            d->params = np;
            d->params[d->nparams++] = p;
        } while (jqp__accept(L, ';'));
        jqp__expect(L, ')');
    }
    jqp__expect(L, ':');
    d->a = jqp__pipe(L);
    jqp__expect(L, ';');
    return d;
}

static jnode *jqp__pipe(jlex *L)
{
    if (L->err)
        return jqp__node(L, JN_IDENTITY);
    if (L->tok == JT_DEF) {
        jnode *d = jqp__def(L);
        d->b = jqp__pipe(L);
        return d;
    }
    jnode *lhs = jqp__comma(L);
    if (L->tok == JT_AS && !L->err) {
        /* Term as $x | body : the source must be a postfix term */
        jqp__next(L);
        jnode *as = jqp__node(L, JN_AS);
        as->a = lhs;
        as->pat = jqp__pattern(L);
        while (L->tok == JT_OPTALT && !L->err) {
            jqp__next(L);
            jqp__push(L, as, jqp__pattern(L));
        }
        jqp__expect(L, '|');
        as->b = jqp__pipe(L);
        return as;
    }
    if (L->tok == '|' && !L->err) {
        jqp__next(L);
        return jqp__mk2(L, JN_PIPE, 0, lhs, jqp__pipe(L));
    }
    return lhs;
}

static jnode *jqp__parse_sub(jq *J, const char *src, size_t len, int line, size_t base, char **err)
{
    jlex L = {.J = J, .src = src, .len = len, .line = line, .base = base};
    jqp__next(&L);
    jnode *n = jqp__pipe(&L);
    if (!L.err && L.tok != JT_EOF)
        jqp__unexpected(&L);
    if (L.err || n == &L.oom) {
        *err = L.err ? L.err : mem_strdup(J->heap, "out of memory");
        return NULL;
    }
    return n;
}

jnode *jq_compile(jq *J, const char *src, size_t len, char **err)
{
    jlex L = {.J = J, .src = src, .len = len, .line = 1, .err_at = (size_t)-1};
    jqp__next(&L);
    jnode *n;
    if (L.tok == JT_EOF) {
        n = jqp__node(&L, JN_IDENTITY); /* an empty program is "." */
        if (n == &L.oom) {
            *err = mem_strdup(J->heap, "out of memory");
            return NULL;
        }
        return n;
    }
    n = jqp__pipe(&L);
    if (!L.err && L.tok != JT_EOF)
        jqp__unexpected(&L);
    if (L.err) {
        /* jq prints the line of the error and pads it to the error's
         * offset in that line */
        size_t at = L.err_at == (size_t)-1 ? 0 : L.err_at;
        if (at > len)
            at = len;
        size_t ls = at, le = at;
        int line = 1;
        for (size_t i = 0; i < at; i++)
            line += src[i] == '\n';
        while (ls > 0 && src[ls - 1] != '\n')
            ls--;
        while (le < len && src[le] != '\n')
            le++;
        bool syntax = strncmp(L.err, "syntax error", 12) == 0;
        *err = mem_printf(J->heap, "%s%s at <top-level>, line %d:\n%.*s%*s", L.err,
                          syntax ? " (Unix shell quoting issues?)" : "", line, (int)(le - ls), src + ls,
                          (int)(at - ls), "");
        return NULL;
    }
    return n == &L.oom ? NULL : n;
}
