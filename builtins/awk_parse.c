/*
 * awk lexer and recursive-descent parser: program text -> the tree of
 * awk.h, with variables resolved to slots. Syntax errors are reported as
 * gawk does: the source line, a caret under the offending token, and
 * "syntax error".
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/awk.h"

enum {
    T_EOF = 256, T_NL, T_NUM, T_STR, T_ERE, T_NAME, T_FUNC_NAME, T_BUILTIN,
    T_BEGIN, T_END, T_BEGINFILE, T_ENDFILE, T_FUNCTION, T_IF, T_ELSE, T_WHILE, T_FOR,
    T_DO, T_BREAK, T_CONTINUE, T_NEXT, T_NEXTFILE, T_EXIT, T_RETURN, T_DELETE,
    T_GETLINE, T_PRINT, T_PRINTF, T_IN,
    T_ADD_ASSIGN, T_SUB_ASSIGN, T_MUL_ASSIGN, T_DIV_ASSIGN, T_MOD_ASSIGN, T_POW_ASSIGN,
    T_EQ, T_LE, T_GE, T_NE, T_INCR, T_DECR, T_AND, T_OR, T_APPEND, T_NOMATCH, T_POW,
};

typedef struct alex {
    const char *src;
    size_t len, pos;
    int line;
    /* current token */
    int tok;
    size_t tok_start;
    size_t prev_start;  /* start of the token before (messages) */
    int tok_line;
    double num;
    vbuf text;     /* T_STR / T_ERE / names */
    int bi;        /* T_BUILTIN: AB_* */
} alex;

typedef struct aparser {
    awk *A;
    alex L;
    const char *srcname;
    int cur_fi;            /* index of the function being parsed, or -1 */
    int print_depth;       /* >0: '>' is a redirection (not inside parens) */
    int paren_depth;
    int loop_depth;
    const char *section;   /* "BEGIN" / "END" while parsing those actions, else NULL */
    bool failed;
    unsigned char rx_warned[32]; /* regexp escapes already warned about */
    anode **calls;         /* user function calls (argument counts checked at the end) */
    int ncalls, capcalls;
} aparser;

static const struct { const char *name; int tok; } awk_keywords[] = {
    {"BEGIN", T_BEGIN}, {"BEGINFILE", T_BEGINFILE}, {"END", T_END}, {"ENDFILE", T_ENDFILE},
    {"break", T_BREAK}, {"continue", T_CONTINUE}, {"delete", T_DELETE}, {"do", T_DO},
    {"else", T_ELSE}, {"exit", T_EXIT}, {"for", T_FOR}, {"func", T_FUNCTION},
    {"function", T_FUNCTION}, {"getline", T_GETLINE}, {"if", T_IF}, {"in", T_IN},
    {"next", T_NEXT}, {"nextfile", T_NEXTFILE}, {"print", T_PRINT}, {"printf", T_PRINTF},
    {"return", T_RETURN}, {"while", T_WHILE},
};

static const struct { const char *name; int id; } awk_builtins[] = {
    {"and", AB_AND}, {"asort", AB_ASORT}, {"asorti", AB_ASORTI}, {"atan2", AB_ATAN2},
    {"close", AB_CLOSE}, {"compl", AB_COMPL}, {"cos", AB_COS}, {"exp", AB_EXP},
    {"fflush", AB_FFLUSH}, {"gensub", AB_GENSUB}, {"gsub", AB_GSUB}, {"index", AB_INDEX},
    {"int", AB_INT}, {"isarray", AB_ISARRAY}, {"length", AB_LENGTH}, {"log", AB_LOG},
    {"lshift", AB_LSHIFT}, {"match", AB_MATCH}, {"mktime", AB_MKTIME}, {"or", AB_OR},
    {"patsplit", AB_PATSPLIT},
    {"rand", AB_RAND}, {"rshift", AB_RSHIFT}, {"sin", AB_SIN}, {"split", AB_SPLIT},
    {"sprintf", AB_SPRINTF}, {"sqrt", AB_SQRT}, {"srand", AB_SRAND},
    {"strftime", AB_STRFTIME}, {"strtonum", AB_STRTONUM}, {"sub", AB_SUB},
    {"substr", AB_SUBSTR}, {"system", AB_SYSTEM}, {"systime", AB_SYSTIME},
    {"tolower", AB_TOLOWER}, {"toupper", AB_TOUPPER}, {"typeof", AB_TYPEOF},
    {"xor", AB_XOR},
};

static const char *const awk_special_names[AS__COUNT] = {
    [AS_NF] = "NF", [AS_NR] = "NR", [AS_FNR] = "FNR", [AS_FS] = "FS", [AS_OFS] = "OFS",
    [AS_ORS] = "ORS", [AS_RS] = "RS", [AS_FILENAME] = "FILENAME", [AS_SUBSEP] = "SUBSEP",
    [AS_RSTART] = "RSTART", [AS_RLENGTH] = "RLENGTH", [AS_CONVFMT] = "CONVFMT",
    [AS_OFMT] = "OFMT", [AS_ENVIRON] = "ENVIRON", [AS_ARGC] = "ARGC", [AS_ARGV] = "ARGV",
    [AS_RT] = "RT", [AS_IGNORECASE] = "IGNORECASE", [AS_FIELDWIDTHS] = "FIELDWIDTHS",
    [AS_FPAT] = "FPAT", [AS_PROCINFO] = "PROCINFO",
};

/* ------------------------------------------------------------------ errors */
static void awkp__error_at(aparser *P, const char *msg, int bump)
{
    if (P->failed)
        return;
    P->failed = true;
    alex *L = &P->L;
    size_t ls = L->tok_start;
    while (ls > 0 && L->src[ls - 1] != '\n')
        ls--;
    size_t le = L->tok_start;
    while (le < L->len && L->src[le] != '\n')
        le++;
    vbuf b;
    vbuf_init(&b, P->A->heap);
    vbuf_printf(&b, "%s: %s:%d: %.*s\n", P->A->progname, P->srcname, L->tok_line + bump,
                (int)(le - ls), L->src + ls);
    vbuf_printf(&b, "%s: %s:%d: ", P->A->progname, P->srcname, L->tok_line + bump);
    for (size_t i = ls; i < L->tok_start; i++)
        vbuf_addc(&b, L->src[i] == '\t' ? '\t' : ' ');
    vbuf_printf(&b, "^ %s\n", msg);
    bi_errw(P->A->cmd, b.data, b.len);
    vbuf_free(&b);
}

static void awkp__error(aparser *P, const char *msg)
{
    awkp__error_at(P, msg, 0);
}

/* A message without the source line ("error: ..." / "warning: ..."); an
 * error fails the parse but does not stop it (gawk reports them all). */
static void awkp__note(aparser *P, int line, bool error, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void awkp__note(aparser *P, int line, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, P->A->heap);
    vbuf_printf(&b, "%s: %s:%d: %s: ", P->A->progname, P->srcname, line,
                error ? "error" : "warning");
    vbuf_vprintf(&b, fmt, ap);
    vbuf_addc(&b, '\n');
    va_end(ap);
    bi_errw(P->A->cmd, b.data, b.len);
    vbuf_free(&b);
    if (error)
        P->failed = true;
}

/* gawk lexes the newline (or the one it adds at the end of the program)
 * before the error on it: the message names the next line. */
static void awkp__syntax_operand(aparser *P, bool operand)
{
    if (P->L.tok == T_NL)
        awkp__error_at(P, "unexpected newline or end of string", 1);
    else if (P->L.tok == T_EOF)
        awkp__error_at(P, "unexpected newline or end of string", operand ? 1 : 0);
    else
        awkp__error(P, "syntax error");
}

static void awkp__syntax(aparser *P)
{
    awkp__syntax_operand(P, false);
}

/* ------------------------------------------------------------------ lexer */
static int awkp__peekc(alex *L, size_t k)
{
    return L->pos + k < L->len ? (unsigned char)L->src[L->pos + k] : -1;
}

static void awkp__string(aparser *P, alex *L)
{
    vbuf_clear(&L->text);
    L->pos++; /* opening quote */
    while (L->pos < L->len && L->src[L->pos] != '"') {
        char c = L->src[L->pos++];
        if (c == '\n') {
            L->tok = T_EOF;
            awkp__error(P, "unterminated string");
            return;
        }
        if (c != '\\' || L->pos >= L->len) {
            vbuf_addc(&L->text, c);
            continue;
        }
        c = L->src[L->pos++];
        switch (c) {
        case 'n': vbuf_addc(&L->text, '\n'); break;
        case 't': vbuf_addc(&L->text, '\t'); break;
        case 'r': vbuf_addc(&L->text, '\r'); break;
        case '\\': vbuf_addc(&L->text, '\\'); break;
        case '"': vbuf_addc(&L->text, '"'); break;
        case 'a': vbuf_addc(&L->text, '\a'); break;
        case 'b': vbuf_addc(&L->text, '\b'); break;
        case 'f': vbuf_addc(&L->text, '\f'); break;
        case 'v': vbuf_addc(&L->text, '\v'); break;
        case '\n': L->line++; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            for (int i = 0; i < 2 && L->pos < L->len && L->src[L->pos] >= '0' &&
                            L->src[L->pos] <= '7'; i++)
                v = v * 8 + (L->src[L->pos++] - '0');
            vbuf_addc(&L->text, (char)v);
            break;
        }
        case 'x': {
            int v = 0, n = 0;
            while (n < 2 && L->pos < L->len && isxdigit((unsigned char)L->src[L->pos])) {
                char h = L->src[L->pos++];
                v = v * 16 + (isdigit((unsigned char)h) ? h - '0' : (tolower(h) - 'a' + 10));
                n++;
            }
            if (n == 0) {
                vbuf_addc(&L->text, '\\');
                vbuf_addc(&L->text, 'x');
            } else {
                vbuf_addc(&L->text, (char)v);
            }
            break;
        }
        default:
            /* gawk keeps the character and warns; the backslash is dropped */
            awkp__note(P, L->line, false, "escape sequence `\\%c' treated as plain `%c'", c, c);
            vbuf_addc(&L->text, c);
            break;
        }
    }
    if (L->pos >= L->len) {
        L->tok = T_EOF;
        awkp__error(P, "unterminated string");
        return;
    }
    L->pos++;
    L->tok = T_STR;
}

/* Scans a regex literal; L->pos is just after the opening '/'. */
static void awkp__regex(aparser *P)
{
    alex *L = &P->L;
    vbuf_clear(&L->text);
    bool in_bracket = false;
    while (L->pos < L->len) {
        char c = L->src[L->pos];
        if (c == '\n')
            break;
        if (c == '/' && !in_bracket)
            break;
        if (c == '\\' && L->pos + 1 < L->len) {
            if (L->src[L->pos + 1] == '/') {
                vbuf_addc(&L->text, '/');
                L->pos += 2;
                continue;
            }
            if (L->src[L->pos + 1] == '\n') {
                L->pos += 2;
                L->line++;
                continue;
            }
            vbuf_add(&L->text, L->src + L->pos, 2);
            L->pos += 2;
            continue;
        }
        if (c == '[' && !in_bracket) {
            in_bracket = true;
            vbuf_addc(&L->text, c);
            L->pos++;
            if (L->pos < L->len && L->src[L->pos] == '^')
                vbuf_addc(&L->text, L->src[L->pos++]);
            if (L->pos < L->len && L->src[L->pos] == ']')
                vbuf_addc(&L->text, L->src[L->pos++]);
            continue;
        }
        if (c == '[' && in_bracket && L->pos + 1 < L->len && L->src[L->pos + 1] == ':') {
            const char *end = memmem(L->src + L->pos + 2, L->len - L->pos - 2, ":]", 2);
            if (end) {
                size_t n = (size_t)(end + 2 - (L->src + L->pos));
                vbuf_add(&L->text, L->src + L->pos, n);
                L->pos += n;
                continue;
            }
        }
        if (c == ']' && in_bracket)
            in_bracket = false;
        vbuf_addc(&L->text, c);
        L->pos++;
    }
    if (L->pos >= L->len || L->src[L->pos] != '/') {
        L->tok = T_EOF;
        L->tok_start++; /* gawk's caret: after the opening '/' */
        awkp__error(P, "unterminated regexp");
        return;
    }
    L->pos++;
    L->tok = T_ERE;
}

static void awkp__next(aparser *P)
{
    alex *L = &P->L;
    L->prev_start = L->tok_start;
    for (;;) {
        while (L->pos < L->len && (L->src[L->pos] == ' ' || L->src[L->pos] == '\t' ||
                                   L->src[L->pos] == '\r'))
            L->pos++;
        if (L->pos + 1 < L->len && L->src[L->pos] == '\\' &&
            (L->src[L->pos + 1] == '\n' ||
             (L->src[L->pos + 1] == '\r' && L->pos + 2 < L->len && L->src[L->pos + 2] == '\n'))) {
            L->pos += L->src[L->pos + 1] == '\n' ? 2 : 3;
            L->line++;
            continue;
        }
        if (L->pos < L->len && L->src[L->pos] == '#') {
            while (L->pos < L->len && L->src[L->pos] != '\n')
                L->pos++;
            continue;
        }
        break;
    }
    L->tok_start = L->pos;
    L->tok_line = L->line;
    if (L->pos >= L->len) {
        L->tok = T_EOF;
        return;
    }
    int c = (unsigned char)L->src[L->pos];
    int c1 = awkp__peekc(L, 1);
    bool operand = false;
    if (c == '\n') {
        L->pos++;
        L->line++;
        L->tok = T_NL;
    } else if (isdigit(c) || (c == '.' && c1 >= 0 && isdigit(c1))) {
        const char *s = L->src + L->pos;
        char *end;
        if (c == '0' && (c1 == 'x' || c1 == 'X') && isxdigit(awkp__peekc(L, 2))) {
            /* gawk accepts hex constants in program text */
            L->num = (double)strtoull(s, &end, 16);
        } else {
            char tmp[128];
            size_t n = 0;
            while (L->pos + n < L->len && n < sizeof tmp - 1 &&
                   (isdigit((unsigned char)s[n]) || s[n] == '.' ||
                    ((s[n] == 'e' || s[n] == 'E') &&
                     (isdigit((unsigned char)s[n + 1]) ||
                      ((s[n + 1] == '+' || s[n + 1] == '-') && isdigit((unsigned char)s[n + 2])))) ||
                    ((s[n] == '+' || s[n] == '-') && n > 0 && (s[n - 1] == 'e' || s[n - 1] == 'E'))))
                n++;
            memcpy(tmp, s, n);
            tmp[n] = '\0';
            L->num = strtod(tmp, &end);
            end = (char *)s + (end - tmp);
            /* gawk reads 011 in program text as octal (018 stays decimal) */
            if (tmp[0] == '0' && n > 1 && strspn(tmp, "01234567") == n)
                L->num = (double)strtoull(tmp, NULL, 8);
        }
        L->pos = (size_t)(end - L->src);
        L->tok = T_NUM;
        operand = true;
    } else if (c == '"') {
        awkp__string(P, L);
        operand = true;
    } else if (isalpha(c) || c == '_') {
        size_t st = L->pos;
        while (L->pos < L->len && (isalnum((unsigned char)L->src[L->pos]) || L->src[L->pos] == '_'))
            L->pos++;
        vbuf_clear(&L->text);
        vbuf_add(&L->text, L->src + st, L->pos - st);
        L->tok = T_NAME;
        for (size_t i = 0; i < sizeof awk_keywords / sizeof awk_keywords[0]; i++)
            if (strcmp(awk_keywords[i].name, L->text.data) == 0)
                L->tok = awk_keywords[i].tok;
        if (L->tok == T_NAME) {
            for (size_t i = 0; i < sizeof awk_builtins / sizeof awk_builtins[0]; i++)
                if (strcmp(awk_builtins[i].name, L->text.data) == 0) {
                    L->tok = T_BUILTIN;
                    L->bi = awk_builtins[i].id;
                }
        }
        if (L->tok == T_NAME && L->pos < L->len && L->src[L->pos] == '(')
            L->tok = T_FUNC_NAME;
        operand = L->tok == T_NAME || L->tok == T_BUILTIN;
    } else {
        L->pos++;
        int t = c;
#define AWK_TWO(ch, tk) \
    if (c1 == (ch)) {   \
        L->pos++;       \
        t = (tk);       \
    }
        switch (c) {
        case '+': if (c1 == '+') { L->pos++; t = T_INCR; operand = true; } else AWK_TWO('=', T_ADD_ASSIGN) break;
        case '-': if (c1 == '-') { L->pos++; t = T_DECR; operand = true; } else AWK_TWO('=', T_SUB_ASSIGN) break;
        case '*':
            if (c1 == '*') {
                L->pos++;
                t = T_POW;
                if (awkp__peekc(L, 0) == '=') {
                    L->pos++;
                    t = T_POW_ASSIGN;
                }
            } else AWK_TWO('=', T_MUL_ASSIGN)
            break;
        case '/':
            AWK_TWO('=', T_DIV_ASSIGN)
            break;
        case '%': AWK_TWO('=', T_MOD_ASSIGN) break;
        case '^': AWK_TWO('=', T_POW_ASSIGN) break;
        case '=': AWK_TWO('=', T_EQ) break;
        case '<': AWK_TWO('=', T_LE) break;
        case '>':
            if (c1 == '=') { L->pos++; t = T_GE; } else AWK_TWO('>', T_APPEND)
            break;
        case '!':
            if (c1 == '=') { L->pos++; t = T_NE; } else AWK_TWO('~', T_NOMATCH)
            break;
        case '&': AWK_TWO('&', T_AND) break;
        case '|': AWK_TWO('|', T_OR) break;
        case ')': case ']': case '$': operand = c != '$'; break;
        default: break;
        }
#undef AWK_TWO
        L->tok = t;
    }
    (void)operand;
}

/* ------------------------------------------------------------------ helpers */
static anode *awkp__node(aparser *P, anode_kind k)
{
    anode *n = mem_calloc(P->A->heap, 1, sizeof *n);
    if (!n) {
        awkp__error(P, "out of memory");
        static anode dummy; /* read-only use after failure: P->failed stops everything */
        return &dummy;
    }
    n->kind = k;
    n->line = P->L.tok_line;
    return n;
}

static void awkp__push(aparser *P, anode *n, anode *item)
{
    anode **nl = mem_realloc(P->A->heap, n->list, sizeof(anode *) * (size_t)(n->nlist + 1));
    if (!nl) {
        awkp__error(P, "out of memory");
        return;
    }
    n->list = nl;
    n->list[n->nlist++] = item;
}

static bool awkp__accept(aparser *P, int tok)
{
    if (P->L.tok == tok) {
        awkp__next(P);
        return true;
    }
    return false;
}

static void awkp__expect(aparser *P, int tok)
{
    if (!awkp__accept(P, tok))
        awkp__syntax(P);
}

static void awkp__opt_nl(aparser *P)
{
    while (P->L.tok == T_NL || (P->L.tok == ';' && false))
        awkp__next(P);
}

int awk_global_slot(awk *A, const char *name)
{
    for (int i = 0; i < A->nglobals; i++)
        if (strcmp(A->gnames[i], name) == 0)
            return i;
    if (A->nglobals == A->capglobals) {
        int ncap = A->capglobals ? A->capglobals * 2 : 64;
        char **ng = mem_realloc(A->heap, A->gnames, sizeof(char *) * (size_t)ncap);
        if (!ng)
            return -1;
        A->gnames = ng;
        A->capglobals = ncap;
    }
    A->gnames[A->nglobals] = mem_strdup(A->heap, name);
    int slot = A->nglobals++;
    if (A->globals && awk_grow_globals(A) != 0)
        return -1;
    return slot;
}

static int awkp__func_slot(aparser *P, const char *name)
{
    awk *A = P->A;
    for (int i = 0; i < A->nfuncs; i++)
        if (strcmp(A->funcs[i].name, name) == 0)
            return i;
    if (A->nfuncs == A->capfuncs) {
        int ncap = A->capfuncs ? A->capfuncs * 2 : 16;
        afunc *nf = mem_realloc(A->heap, A->funcs, sizeof(afunc) * (size_t)ncap);
        if (!nf) {
            awkp__error(P, "out of memory");
            return 0;
        }
        A->funcs = nf;
        A->capfuncs = ncap;
    }
    memset(&A->funcs[A->nfuncs], 0, sizeof(afunc));
    A->funcs[A->nfuncs].name = mem_strdup(A->heap, name);
    A->funcs[A->nfuncs].line = P->L.tok_line;
    return A->nfuncs++;
}

static anode *awkp__var(aparser *P, const char *name)
{
    if (P->cur_fi >= 0) {
        afunc *f = &P->A->funcs[P->cur_fi];
        for (int i = 0; i < f->nparams; i++)
            if (strcmp(f->params[i], name) == 0) {
                anode *n = awkp__node(P, AN_LOCAL);
                n->slot = i;
                return n;
            }
    }
    for (int i = 0; i < P->A->nfuncs; i++)
        if ((P->A->funcs[i].body || i == P->cur_fi) && strcmp(P->A->funcs[i].name, name) == 0) {
            awkp__note(P, P->L.tok_line, true,
                       "function `%s' called with space between name and `(',\n"
                       "or used as a variable or an array", name);
            break;
        }
    anode *n = awkp__node(P, AN_GLOBAL);
    n->slot = awk_global_slot(P->A, name);
    return n;
}

/* gawk warns (once per character) about \c escapes in a regexp literal that
 * are not operators. */
static void awkp__regex_escapes(aparser *P, const char *src, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (src[i] != '\\')
            continue;
        unsigned char c = (unsigned char)src[++i];
        if (strchr("{}()|*+?.^$\\[]/-<>`'BywWsSabfnrtvx01234567", c) || c == '\0')
            continue;
        if (P->rx_warned[c >> 3] & (1u << (c & 7)))
            continue;
        P->rx_warned[c >> 3] |= (unsigned char)(1u << (c & 7));
        if (c == '8' || c == '9')
            awkp__note(P, P->L.tok_line, false, "regexp escape sequence `\\%c' treated as plain `%c'",
                       c, c);
        else
            awkp__note(P, P->L.tok_line, false,
                       "regexp escape sequence `\\%c' is not a known regexp operator", c);
    }
}

static anode *awkp__regex_node(aparser *P, const char *src, size_t len)
{
    awkp__regex_escapes(P, src, len);
    anode *n = awkp__node(P, AN_REGEX);
    n->str = astr_new(P->A, src, len);
    char *err = NULL;
    vbuf pb;
    vbuf_init(&pb, P->A->heap);
    awk_rx_prep(src, len, &pb);
    int rc = rx_compile_cmd(P->A->cmd, pb.len ? pb.data : "", pb.len, RX_ERE, &n->re, &err);
    vbuf_free(&pb);
    if (rc != 0) {
        vbuf b;
        vbuf_init(&b, P->A->heap);
        vbuf_printf(&b, "%s: %s:%d: error: %s: /%.*s/\n", P->A->progname, P->srcname,
                    P->L.tok_line, err ? err : "invalid regular expression", (int)len, src);
        bi_errw(P->A->cmd, b.data, b.len);
        vbuf_free(&b);
        P->failed = true;
    }
    return n;
}

static bool awkp__is_lvalue(const anode *n)
{
    return n->kind == AN_GLOBAL || n->kind == AN_LOCAL || n->kind == AN_FIELD ||
           n->kind == AN_INDEX;
}

/* ------------------------------------------------------------------ expressions */
static anode *awkp__expr(aparser *P);
static void awkp__argcount(aparser *P, const anode *n);
static anode *awkp__ternary(aparser *P);
static anode *awkp__unary(aparser *P);
static anode *awkp__stmt(aparser *P);
static anode *awkp__block(aparser *P);

/* subscript list after '[' */
static anode *awkp__subscripts(aparser *P, anode *var)
{
    anode *n = awkp__node(P, AN_INDEX);
    n->a = var;
    awkp__next(P); /* '[' */
    do {
        awkp__opt_nl(P);
        awkp__push(P, n, awkp__expr(P));
    } while (!P->failed && awkp__accept(P, ','));
    awkp__expect(P, ']');
    return n;
}

static anode *awkp__args(aparser *P, anode *n)
{
    /* after '(' */
    awkp__opt_nl(P);
    if (P->L.tok != ')') {
        do {
            awkp__opt_nl(P);
            awkp__push(P, n, awkp__expr(P));
            awkp__opt_nl(P);
        } while (!P->failed && awkp__accept(P, ','));
    }
    awkp__expect(P, ')');
    return n;
}

static anode *awkp__simple_get(aparser *P, anode *g)
{
    /* after 'getline': optional lvalue */
    int t = P->L.tok;
    if (t == '$' || t == T_NAME) {
        anode *lv = awkp__unary(P);
        if (!awkp__is_lvalue(lv))
            awkp__syntax(P);
        g->a = lv;
    }
    return g;
}

static anode *awkp__primary(aparser *P)
{
    alex *L = &P->L;
    anode *n;
    switch (L->tok) {
    case T_NUM:
        n = awkp__node(P, AN_NUM);
        n->num = L->num;
        awkp__next(P);
        return n;
    case T_STR:
        n = awkp__node(P, AN_STR);
        n->str = astr_new(P->A, L->text.data, L->text.len);
        awkp__next(P);
        return n;
    case '/':
    case T_DIV_ASSIGN:
        L->pos = L->tok_start + 1;
        awkp__regex(P);
        if (P->failed)
            return awkp__node(P, AN_NUM);
        n = awkp__regex_node(P, L->text.data, L->text.len);
        awkp__next(P);
        return n;
    case T_ERE:
        n = awkp__regex_node(P, L->text.data, L->text.len);
        awkp__next(P);
        return n;
    case '(': {
        awkp__next(P);
        P->paren_depth++;
        int saved_print = P->print_depth;
        P->print_depth = 0;
        anode *e = awkp__expr(P); /* no newline after ( or before ) (gawk) */
        if (L->tok == ',') {
            /* (i, j) in arr */
            anode *list = awkp__node(P, AN_INDEX);
            awkp__push(P, list, e);
            while (awkp__accept(P, ',')) {
                awkp__opt_nl(P);
                awkp__push(P, list, awkp__expr(P));
            }
            awkp__expect(P, ')');
            P->paren_depth--;
            P->print_depth = saved_print;
            if (L->tok != T_IN) {
                /* a grouping list: only valid as print's argument list */
                list->kind = AN_GROUP;
                list->op = 'L';
                return list;
            }
            awkp__next(P);
            if (L->tok != T_NAME) {
                awkp__syntax(P);
                return list;
            }
            anode *in = awkp__node(P, AN_IN);
            in->a = awkp__var(P, L->text.data);
            in->b = list;
            awkp__next(P);
            return in;
        }
        awkp__expect(P, ')');
        P->paren_depth--;
        P->print_depth = saved_print;
        n = awkp__node(P, AN_GROUP);
        n->a = e;
        return n;
    }
    case '$': {
        awkp__next(P);
        n = awkp__node(P, AN_FIELD);
        /* $ binds tighter than ++/--: $i++ is ($i)++, $++i is $(++i) */
        if (L->tok == T_INCR || L->tok == T_DECR || L->tok == '-' || L->tok == '+' || L->tok == '!')
            n->a = awkp__unary(P);
        else
            n->a = awkp__primary(P);
        return n;
    }
    case T_INCR:
    case T_DECR: {
        int k = L->tok == T_INCR ? AN_PREINC : AN_PREDEC;
        awkp__next(P);
        anode *lv = awkp__primary(P);
        if (!awkp__is_lvalue(lv))
            awkp__syntax(P);
        n = awkp__node(P, k);
        n->a = lv;
        return n;
    }
    case T_NAME: {
        char *name = mem_strdup(P->A->heap, L->text.data);
        awkp__next(P);
        anode *v = awkp__var(P, name);
        if (L->tok == '[')
            return awkp__subscripts(P, v);
        return v;
    }
    case T_FUNC_NAME: {
        n = awkp__node(P, AN_CALL);
        n->slot = awkp__func_slot(P, L->text.data);
        awkp__next(P);
        awkp__next(P); /* '(' */
        if (P->ncalls == P->capcalls) {
            int nc = P->capcalls ? P->capcalls * 2 : 16;
            anode **c = mem_realloc(P->A->heap, P->calls, sizeof *c * (size_t)nc);
            if (c) {
                P->calls = c;
                P->capcalls = nc;
            }
        }
        if (P->ncalls < P->capcalls)
            P->calls[P->ncalls++] = n;
        return awkp__args(P, n);
    }
    case T_BUILTIN: {
        n = awkp__node(P, AN_BUILTIN);
        n->op = L->bi;
        awkp__next(P);
        if (L->tok == '(') {
            awkp__next(P);
            awkp__args(P, n);
            awkp__argcount(P, n);
        } else if (n->op != AB_LENGTH) {
            awkp__syntax(P);
        }
        return n;
    }
    case T_GETLINE: {
        awkp__next(P);
        n = awkp__node(P, AN_GETLINE);
        awkp__simple_get(P, n);
        if (L->tok == '<') {
            awkp__next(P);
            n->op = '<';
            n->b = awkp__primary(P);
        }
        return n;
    }
    case '-':
    case '+':
    case '!':
        return awkp__unary(P);
    default:
        awkp__syntax_operand(P, true);
        awkp__next(P);
        return awkp__node(P, AN_NUM);
    }
}

/* gawk checks a builtin's argument count when it parses the call. */
static void awkp__argcount(aparser *P, const anode *n)
{
    static const struct { int id; signed char min, max; } counts[] = {
        {AB_LENGTH, 0, 1}, {AB_SUBSTR, 2, 3}, {AB_INDEX, 2, 2}, {AB_SPLIT, 2, 4},
        {AB_SUB, 2, 3}, {AB_GSUB, 2, 3}, {AB_MATCH, 2, 3}, {AB_SPRINTF, 1, 127},
        {AB_SIN, 1, 1}, {AB_COS, 1, 1}, {AB_ATAN2, 2, 2}, {AB_EXP, 1, 1}, {AB_LOG, 1, 1},
        {AB_SQRT, 1, 1}, {AB_INT, 1, 1}, {AB_RAND, 0, 0}, {AB_SRAND, 0, 1},
        {AB_TOLOWER, 1, 1}, {AB_TOUPPER, 1, 1}, {AB_SYSTEM, 1, 1}, {AB_CLOSE, 1, 2},
        {AB_FFLUSH, 0, 1}, {AB_GENSUB, 3, 4}, {AB_STRFTIME, 0, 3}, {AB_SYSTIME, 0, 0},
        {AB_MKTIME, 1, 2}, {AB_ASORT, 1, 3}, {AB_ASORTI, 1, 3}, {AB_ISARRAY, 1, 1},
        {AB_TYPEOF, 1, 2}, {AB_AND, 2, 127}, {AB_OR, 2, 127}, {AB_XOR, 2, 127},
        {AB_LSHIFT, 2, 2}, {AB_RSHIFT, 2, 2}, {AB_COMPL, 1, 1}, {AB_STRTONUM, 1, 1},
        {AB_PATSPLIT, 2, 4},
    };
    if (P->failed)
        return;
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        if (counts[i].id != n->op)
            continue;
        if (n->nlist >= counts[i].min && n->nlist <= counts[i].max)
            return;
        const char *name = "?";
        for (size_t k = 0; k < sizeof awk_builtins / sizeof awk_builtins[0]; k++)
            if (awk_builtins[k].id == n->op)
                name = awk_builtins[k].name;
        vbuf b;
        vbuf_init(&b, P->A->heap);
        vbuf_printf(&b, "%d is invalid as number of arguments for %s", n->nlist, name);
        P->L.tok_start = P->L.prev_start; /* gawk's caret: under the ')' */
        awkp__error(P, vbuf_str(&b));
        vbuf_free(&b);
        return;
    }
}

static anode *awkp__postfix(aparser *P)
{
    anode *n = awkp__primary(P);
    if ((P->L.tok == T_INCR || P->L.tok == T_DECR) && awkp__is_lvalue(n)) {
        anode *p = awkp__node(P, P->L.tok == T_INCR ? AN_POSTINC : AN_POSTDEC);
        p->a = n;
        awkp__next(P);
        return p;
    }
    return n;
}

/* Too deeply nested to go on (gawk's parser stack message): the rest of
 * the program is skipped so that every loop of the parser ends. */
static bool awkp__too_deep(aparser *P)
{
    if (!awk_deep(P->A))
        return false;
    awkp__error(P, "memory exhausted");
    P->failed = true;
    P->L.pos = P->L.len;
    P->L.tok = T_EOF;
    return true;
}

static anode *awkp__power(aparser *P)
{
    if (awkp__too_deep(P))
        return awkp__node(P, AN_NUM);
    anode *n = awkp__postfix(P);
    if (P->L.tok == '^' || P->L.tok == T_POW) {
        awkp__next(P);
        anode *b = awkp__node(P, AN_BINARY);
        b->op = '^';
        b->a = n;
        /* right associative; the exponent may carry a unary minus */
        if (P->L.tok == '-' || P->L.tok == '+' || P->L.tok == '!')
            b->b = awkp__unary(P);
        else
            b->b = awkp__power(P);
        return b;
    }
    return n;
}

static anode *awkp__unary(aparser *P)
{
    if (awkp__too_deep(P))
        return awkp__node(P, AN_NUM);
    int t = P->L.tok;
    if (t == '-' || t == '+' || t == '!') {
        awkp__next(P);
        anode *n = awkp__node(P, t == '-' ? AN_NEG : t == '+' ? AN_PLUS : AN_NOT);
        n->a = awkp__unary(P);
        return n;
    }
    return awkp__power(P);
}

static anode *awkp__mul(aparser *P)
{
    anode *n = awkp__unary(P);
    while (P->L.tok == '*' || P->L.tok == '/' || P->L.tok == '%') {
        int op = P->L.tok;
        int line = P->L.tok_line;
        awkp__next(P);
        anode *b = awkp__node(P, AN_BINARY);
        b->op = op;
        b->a = n;
        b->b = awkp__unary(P);
        if (op != '*' && b->b && b->b->kind == AN_NUM && b->b->num == 0)
            awkp__note(P, line, true, "division by zero attempted%s", op == '%' ? " in `%'" : "");
        n = b;
    }
    return n;
}

static anode *awkp__add(aparser *P)
{
    anode *n = awkp__mul(P);
    while (P->L.tok == '+' || P->L.tok == '-') {
        int op = P->L.tok;
        awkp__next(P);
        anode *b = awkp__node(P, AN_BINARY);
        b->op = op;
        b->a = n;
        b->b = awkp__mul(P);
        n = b;
    }
    return n;
}

/* Can the current token start an operand of an implicit concatenation? */
static bool awkp__starts_concat(aparser *P)
{
    switch (P->L.tok) {
    case T_NUM: case T_STR: case T_ERE: case T_NAME: case T_FUNC_NAME: case T_BUILTIN:
    case '$': case '!': case '(': case '-': case '+': case T_INCR: case T_DECR:
        return true;
    case T_GETLINE:
        return false;
    default:
        return false;
    }
}

static anode *awkp__concat(aparser *P)
{
    anode *n = awkp__add(P);
    while (!P->failed && awkp__starts_concat(P) && P->L.tok != T_IN) {
        /* "a" !b is not a concatenation in gawk's grammar unless...: keep '!' out */
        if (P->L.tok == '!')
            break;
        anode *c = awkp__node(P, AN_CONCAT);
        c->a = n;
        c->b = awkp__add(P);
        n = c;
    }
    return n;
}

static anode *awkp__compare(aparser *P)
{
    anode *n = awkp__concat(P);
    for (;;) {
        int t = P->L.tok;
        if (t == '|' && !P->failed) {
            /* cmd | getline [var] */
            size_t save_pos = P->L.pos;
            int save_line = P->L.line;
            size_t save_start = P->L.tok_start;
            awkp__next(P);
            if (P->L.tok == T_GETLINE) {
                awkp__next(P);
                anode *g = awkp__node(P, AN_GETLINE);
                g->op = '|';
                g->b = n;
                awkp__simple_get(P, g);
                n = g;
                continue;
            }
            /* not a getline: give '|' back (print's pipe) */
            P->L.pos = save_pos;
            P->L.line = save_line;
            P->L.tok_start = save_start;
            P->L.tok = '|';
            P->L.tok_line = save_line;
            break;
        }
        int op = 0;
        switch (t) {
        case '<': op = '<'; break;
        case T_LE: op = 'l'; break;
        case T_NE: op = '!'; break;
        case T_EQ: op = '='; break;
        case '>': op = P->print_depth && !P->paren_depth ? 0 : '>'; break;
        case T_GE: op = 'g'; break;
        default: break;
        }
        if (!op)
            break;
        if (n->kind == AN_CMP) { /* comparisons do not associate (gawk's grammar) */
            awkp__syntax(P);
            break;
        }
        awkp__next(P);
        anode *c = awkp__node(P, AN_CMP);
        c->op = op;
        c->a = n;
        c->b = awkp__concat(P);
        n = c;
    }
    return n;
}

static anode *awkp__match(aparser *P)
{
    anode *n = awkp__compare(P);
    while (P->L.tok == '~' || P->L.tok == T_NOMATCH) {
        int op = P->L.tok == '~' ? '~' : '!';
        if (n->kind == AN_REGEX)
            awkp__note(P, P->L.tok_line, false, "regular expression on left of `~' or `!~' operator");
        awkp__next(P);
        anode *m = awkp__node(P, AN_MATCH);
        m->op = op;
        m->a = n;
        m->b = awkp__compare(P);
        n = m;
    }
    return n;
}

static anode *awkp__in(aparser *P)
{
    anode *n = awkp__match(P);
    while (P->L.tok == T_IN) {
        awkp__next(P);
        if (P->L.tok != T_NAME) {
            awkp__syntax(P);
            return n;
        }
        anode *in = awkp__node(P, AN_IN);
        in->a = awkp__var(P, P->L.text.data);
        anode *list = awkp__node(P, AN_INDEX);
        awkp__push(P, list, n);
        in->b = list;
        awkp__next(P);
        n = in;
    }
    return n;
}

static anode *awkp__and(aparser *P)
{
    anode *n = awkp__in(P);
    while (P->L.tok == T_AND) {
        awkp__next(P);
        awkp__opt_nl(P);
        anode *a = awkp__node(P, AN_AND);
        a->a = n;
        a->b = awkp__in(P);
        n = a;
    }
    return n;
}

static anode *awkp__or(aparser *P)
{
    anode *n = awkp__and(P);
    while (P->L.tok == T_OR) {
        awkp__next(P);
        awkp__opt_nl(P);
        anode *o = awkp__node(P, AN_OR);
        o->a = n;
        o->b = awkp__and(P);
        n = o;
    }
    return n;
}

static anode *awkp__ternary(aparser *P)
{
    anode *n = awkp__or(P);
    if (P->L.tok == '?') {
        awkp__next(P);
        awkp__opt_nl(P);
        anode *c = awkp__node(P, AN_COND);
        c->a = n;
        c->b = awkp__ternary(P);
        awkp__opt_nl(P);
        awkp__expect(P, ':');
        awkp__opt_nl(P);
        c->c = awkp__ternary(P);
        return c;
    }
    return n;
}

static anode *awkp__expr(aparser *P)
{
    anode *n = awkp__ternary(P);
    int op = 0;
    switch (P->L.tok) {
    case '=': op = '='; break;
    case T_ADD_ASSIGN: op = '+'; break;
    case T_SUB_ASSIGN: op = '-'; break;
    case T_MUL_ASSIGN: op = '*'; break;
    case T_DIV_ASSIGN: op = '/'; break;
    case T_MOD_ASSIGN: op = '%'; break;
    case T_POW_ASSIGN: op = '^'; break;
    default: return n;
    }
    if (!awkp__is_lvalue(n)) {
        if (op == '/' ) /* "a /= b/" cannot happen here: a /=... is division-assign */
            awkp__syntax(P);
        else
            awkp__syntax(P);
        return n;
    }
    awkp__next(P);
    awkp__opt_nl(P);
    anode *a = awkp__node(P, AN_ASSIGN);
    a->op = op;
    a->a = n;
    a->b = awkp__expr(P);
    return a;
}

/* ------------------------------------------------------------------ statements */
static bool awkp__end_simple(aparser *P)
{
    int t = P->L.tok;
    if (t == ';' || t == T_NL) {
        awkp__next(P);
        return true;
    }
    if (t == '}' || t == T_EOF)
        return true;
    awkp__syntax(P);
    return false;
}

static anode *awkp__print(aparser *P)
{
    anode *n = awkp__node(P, P->L.tok == T_PRINT ? AN_PRINT : AN_PRINTF);
    awkp__next(P);
    P->print_depth++;
    int t = P->L.tok;
    if (t != ';' && t != T_NL && t != '}' && t != '>' && t != T_APPEND && t != '|' && t != T_EOF) {
        anode *e = awkp__expr(P);
        if (e->kind == AN_GROUP && e->op == 'L') {
            for (int i = 0; i < e->nlist; i++)
                awkp__push(P, n, e->list[i]);
        } else {
            awkp__push(P, n, e);
        }
        while (awkp__accept(P, ',')) {
            awkp__opt_nl(P);
            awkp__push(P, n, awkp__expr(P));
        }
    }
    P->print_depth--;
    t = P->L.tok;
    if (t == '>' || t == T_APPEND || t == '|') {
        n->op = t == '>' ? '>' : t == T_APPEND ? 'a' : '|';
        awkp__next(P);
        n->b = awkp__concat(P);
    }
    return n;
}

static anode *awkp__simple_stmt(aparser *P)
{
    alex *L = &P->L;
    anode *n;
    switch (L->tok) {
    case T_PRINT:
    case T_PRINTF:
        return awkp__print(P);
    case T_NEXT:
    case T_NEXTFILE:
        if (P->section && P->cur_fi < 0)
            awkp__note(P, L->tok_line, true, "`%s' used in %s action",
                       L->tok == T_NEXT ? "next" : "nextfile", P->section);
        n = awkp__node(P, L->tok == T_NEXT ? AN_NEXT : AN_NEXTFILE);
        awkp__next(P);
        return n;
    case T_EXIT:
        awkp__next(P);
        n = awkp__node(P, AN_EXIT);
        if (L->tok != ';' && L->tok != T_NL && L->tok != '}' && L->tok != T_EOF)
            n->a = awkp__expr(P);
        return n;
    case T_RETURN:
        if (P->cur_fi < 0)
            awkp__error(P, "`return' used outside function context");
        awkp__next(P);
        n = awkp__node(P, AN_RETURN);
        if (L->tok != ';' && L->tok != T_NL && L->tok != '}' && L->tok != T_EOF)
            n->a = awkp__expr(P);
        return n;
    case T_BREAK:
    case T_CONTINUE:
        if (!P->loop_depth) /* gawk says it twice */
            for (int i = 0; i < 2; i++)
                awkp__note(P, L->tok_line, true, "%s",
                           L->tok == T_BREAK ? "`break' is not allowed outside a loop or switch"
                                             : "`continue' is not allowed outside a loop");
        n = awkp__node(P, L->tok == T_BREAK ? AN_BREAK : AN_CONTINUE);
        awkp__next(P);
        return n;
    case T_DELETE: {
        awkp__next(P);
        n = awkp__node(P, AN_DELETE);
        bool paren = awkp__accept(P, '(');
        if (L->tok != T_NAME) {
            awkp__syntax(P);
            return n;
        }
        n->a = awkp__var(P, L->text.data);
        awkp__next(P);
        if (L->tok == '[') {
            anode *idx = awkp__subscripts(P, n->a);
            n->list = idx->list;
            n->nlist = idx->nlist;
            n->b = idx;
        }
        if (paren)
            awkp__expect(P, ')');
        return n;
    }
    default:
        n = awkp__node(P, AN_EXPR);
        n->a = awkp__expr(P);
        return n;
    }
}

/* The body of if, else, while, do and for: after newlines, a `;` alone is
 * an empty statement and a `}` is a syntax error. */
static anode *awkp__body(aparser *P)
{
    awkp__opt_nl(P);
    if (P->L.tok == ';') {
        awkp__next(P);
        return awkp__node(P, AN_BLOCK);
    }
    if (P->L.tok == '}' || P->L.tok == T_EOF) {
        awkp__syntax(P);
        return awkp__node(P, AN_BLOCK);
    }
    return awkp__stmt(P);
}

static anode *awkp__stmt(aparser *P)
{
    alex *L = &P->L;
    anode *n;
    if (awkp__too_deep(P))
        return awkp__node(P, AN_BLOCK);
    while (L->tok == T_NL || L->tok == ';')
        awkp__next(P);
    switch (L->tok) {
    case '{':
        return awkp__block(P);
    case T_IF:
        awkp__next(P);
        n = awkp__node(P, AN_IF);
        awkp__expect(P, '(');
        n->a = awkp__expr(P);
        awkp__expect(P, ')');
        n->b = awkp__body(P);
        {
            /* else may follow after newlines or a ';' */
            size_t save_start = L->tok_start;
            int save_line = L->tok_line;
            while (L->tok == T_NL || L->tok == ';')
                awkp__next(P);
            if (L->tok == T_ELSE) {
                awkp__next(P);
                n->c = awkp__body(P);
            } else {
                L->pos = save_start;
                L->line = save_line;
                awkp__next(P);
            }
        }
        return n;
    case T_WHILE:
        awkp__next(P);
        n = awkp__node(P, AN_WHILE);
        awkp__expect(P, '(');
        n->a = awkp__expr(P);
        awkp__expect(P, ')');
        P->loop_depth++;
        n->b = awkp__body(P);
        P->loop_depth--;
        return n;
    case T_DO:
        awkp__next(P);
        n = awkp__node(P, AN_DO);
        P->loop_depth++;
        n->b = awkp__body(P);
        P->loop_depth--;
        while (L->tok == T_NL || L->tok == ';')
            awkp__next(P);
        awkp__expect(P, T_WHILE);
        awkp__expect(P, '(');
        n->a = awkp__expr(P);
        awkp__expect(P, ')');
        awkp__end_simple(P);
        return n;
    case T_FOR: {
        awkp__next(P);
        awkp__expect(P, '(');
        /* for (name in array) */
        if (L->tok == T_NAME) {
            size_t save_pos = L->pos, save_start = L->tok_start;
            int save_line = L->line;
            char *name = mem_strdup(P->A->heap, L->text.data);
            awkp__next(P);
            if (L->tok == T_IN) {
                awkp__next(P);
                if (L->tok == T_NAME) {
                    char *arr = mem_strdup(P->A->heap, L->text.data);
                    awkp__next(P);
                    if (L->tok == ')') {
                        awkp__next(P);
                        n = awkp__node(P, AN_FORIN);
                        n->a = awkp__var(P, name);
                        n->b = awkp__var(P, arr);
                        P->loop_depth++;
                        n->c = awkp__body(P);
                        P->loop_depth--;
                        return n;
                    }
                }
            }
            L->pos = save_start;
            L->line = save_line;
            (void)save_pos;
            awkp__next(P);
        }
        n = awkp__node(P, AN_FOR);
        if (L->tok != ';')
            n->a = awkp__simple_stmt(P);
        awkp__opt_nl(P);
        awkp__expect(P, ';');
        awkp__opt_nl(P);
        if (L->tok != ';')
            n->b = awkp__expr(P);
        awkp__opt_nl(P);
        awkp__expect(P, ';');
        awkp__opt_nl(P);
        if (L->tok != ')')
            n->c = awkp__simple_stmt(P);
        awkp__expect(P, ')');
        P->loop_depth++;
        n->d = awkp__body(P);
        P->loop_depth--;
        return n;
    }
    case '}':
    case T_EOF:
        return awkp__node(P, AN_BLOCK);
    default:
        n = awkp__simple_stmt(P);
        awkp__end_simple(P);
        return n;
    }
}

static anode *awkp__block(aparser *P)
{
    anode *n = awkp__node(P, AN_BLOCK);
    awkp__expect(P, '{');
    for (;;) {
        while (P->L.tok == T_NL || P->L.tok == ';')
            awkp__next(P);
        if (P->failed || P->L.tok == '}' || P->L.tok == T_EOF)
            break;
        awkp__push(P, n, awkp__stmt(P));
    }
    awkp__expect(P, '}');
    return n;
}

/* ------------------------------------------------------------------ program */
static void awkp__add_item(aparser *P, aitem **items, int *n, aitem it)
{
    aitem *ni = mem_realloc(P->A->heap, *items, sizeof(aitem) * (size_t)(*n + 1));
    if (!ni) {
        awkp__error(P, "out of memory");
        return;
    }
    *items = ni;
    ni[(*n)++] = it;
}

static void awkp__function(aparser *P)
{
    alex *L = &P->L;
    awk *A = P->A;
    awkp__next(P);
    if (L->tok != T_NAME && L->tok != T_FUNC_NAME) {
        awkp__syntax(P);
        return;
    }
    int slot = awkp__func_slot(P, L->text.data);
    afunc *f = &A->funcs[slot];
    if (f->body) {
        vbuf b;
        vbuf_init(&b, A->heap);
        vbuf_printf(&b, "function name `%s' previously defined", f->name);
        awkp__note(P, L->tok_line, true, "%s", vbuf_str(&b));
        vbuf_free(&b);
        return;
    }
    awkp__next(P);
    awkp__expect(P, '(');
    while (!P->failed && L->tok == T_NAME) {
        char **np = mem_realloc(A->heap, f->params, sizeof(char *) * (size_t)(f->nparams + 1));
        if (!np)
            return;
        f->params = np;
        for (int k = 0; k < f->nparams; k++)
            if (strcmp(f->params[k], L->text.data) == 0)
                awkp__note(P, L->tok_line, true,
                           "function `%s': parameter #%d, `%s', duplicates parameter #%d", f->name,
                           f->nparams + 1, L->text.data, k + 1);
        f->params[f->nparams++] = mem_strdup(A->heap, L->text.data);
        awkp__next(P);
        if (!awkp__accept(P, ','))
            break;
        awkp__opt_nl(P);
    }
    awkp__expect(P, ')');
    awkp__opt_nl(P);
    P->cur_fi = slot;
    anode *body = awkp__block(P);
    /* A->funcs may have moved while the body was parsed (new calls) */
    A->funcs[slot].body = body;
    P->cur_fi = -1;
}

int awk_parse(awk *A, const char *src, size_t len, const char *srcname)
{
    aparser P = {.A = A, .srcname = srcname, .cur_fi = -1};
    P.L.src = src;
    P.L.len = len;
    P.L.line = 1;
    vbuf_init(&P.L.text, A->heap);
    for (int i = 0; i < AS__COUNT; i++)
        awk_global_slot(A, awk_special_names[i]);
    awkp__next(&P);
    while (!P.failed) {
        while (P.L.tok == T_NL || P.L.tok == ';')
            awkp__next(&P);
        if (P.L.tok == T_EOF)
            break;
        aitem it = {0};
        int t = P.L.tok;
        if (t == T_FUNCTION) {
            awkp__function(&P);
            continue;
        }
        if (t == T_BEGIN || t == T_END || t == T_BEGINFILE || t == T_ENDFILE) {
            awkp__next(&P);
            awkp__opt_nl(&P);
            if (P.L.tok != '{') {
                awkp__error(&P, t == T_BEGIN ? "BEGIN blocks must have an action part"
                                             : "END blocks must have an action part");
                break;
            }
            P.section = t == T_BEGIN ? "BEGIN" : t == T_END ? "END" : NULL;
            it.action = awkp__block(&P);
            P.section = NULL;
            if (t == T_BEGIN)
                awkp__add_item(&P, &A->begin_items, &A->nbegin, it);
            else if (t == T_END)
                awkp__add_item(&P, &A->end_items, &A->nend, it);
            else if (t == T_BEGINFILE)
                awkp__add_item(&P, &A->beginfile_items, &A->nbeginfile, it);
            else
                awkp__add_item(&P, &A->endfile_items, &A->nendfile, it);
            continue;
        }
        if (t != '{') {
            it.pat = awkp__expr(&P);
            if (P.L.tok == ',') {
                awkp__next(&P);
                awkp__opt_nl(&P);
                it.pat2 = awkp__expr(&P);
            }
        }
        if (P.L.tok == '{')
            it.action = awkp__block(&P);
        else if (P.L.tok != T_NL && P.L.tok != ';' && P.L.tok != T_EOF)
            awkp__syntax(&P);
        awkp__add_item(&P, &A->main_items, &A->nmain, it);
    }
    if (!P.failed) {
        for (int i = 0; i < A->nfuncs; i++) {
            if (!A->funcs[i].body) {
                vbuf b;
                vbuf_init(&b, A->heap);
                vbuf_printf(&b, "%s: %s:%d: fatal: function `%s' not defined\n", A->progname,
                            srcname, A->funcs[i].line, A->funcs[i].name);
                bi_errw(A->cmd, b.data, b.len);
                vbuf_free(&b);
                vbuf_free(&P.L.text);
                mem_free(A->heap, P.calls);
                return -2; /* fatal: status 2 */
            }
        }
        for (int i = 0; i < P.ncalls; i++) {
            const afunc *f = &A->funcs[P.calls[i]->slot];
            if (P.calls[i]->nlist > f->nparams)
                awkp__note(&P, P.calls[i]->line, false,
                           "function `%s' called with more arguments than declared", f->name);
        }
    }
    mem_free(A->heap, P.calls);
    vbuf_free(&P.L.text);
    return P.failed ? -1 : 0;
}
