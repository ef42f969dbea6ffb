/*
 * bc: the arbitrary-precision calculator language. Reference: GNU bc 1.07.1.
 *
 * Input is read item by item (a line of statements, or a function
 * definition), parsed to a tree and run at once, as GNU bc does: a syntax
 * error skips to the end of the line, a runtime error abandons the rest of
 * the item. Numbers are builtins/lib/bignum.h values; variables use dynamic
 * scope (a stack of values per name). Runtime messages carry the code
 * address GNU bc would report, computed from the size of the code GNU's
 * compiler generates for each construct.
 *
 * Options: -l (math library: s c a l e j, written with GNU's algorithms so
 * results agree to the digit), -s (POSIX: extensions are errors), -w
 * (warn about extensions), -i (prints GNU's banner unless -q; the input is
 * not echoed as GNU's line editor does).
 * Deviations: numbers are limited to BN_DEFAULT_MAX_DIGITS digits and
 * function calls to BC_MAX_DEPTH levels ("... too large" / "too deep"
 * runtime errors); standard input is read whole before it is used.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/bignum.h"

VB_BUILTIN("bc", bi_bc, BI_UTIL)

#define BC_MAX_DEPTH 1000
#define BC_MAX_NEST 500
#define BC_MAX_NEST_STR "500"

static const char bc_help[] =
    "usage: bc [options] [file ...]\n"
    "  -h  --help         print this usage and exit\n"
    "  -i  --interactive  force interactive mode\n"
    "  -l  --mathlib      use the predefined math routines\n"
    "  -q  --quiet        don't print initial banner\n"
    "  -s  --standard     non-standard bc constructs are errors\n"
    "  -w  --warn         warn about non-standard bc constructs\n"
    "  -v  --version      print version information and exit\n";

/* The math library, following GNU bc's libmath.b algorithm for algorithm
 * (same working scales and series) so that results match to the digit. */
static const char bc_mathlib[] =
    "scale=20\n"
    "define e(x){\n"
    " auto a,b,d,e,f,i,m,n,v,z\n"
    " if(ibase!=A){b=ibase;ibase=A;v=e(x);ibase=b;return(v)}\n"
    " if(x<0){m=1;x=-x}\n"
    " z=scale;n=6+z+.44*x\n"
    " scale=scale(x)+1\n"
    " while(x>1){f+=1;x/=2;scale+=1}\n"
    " scale=n;v=1+x;a=x;d=1\n"
    " for(i=2;1;i++){\n"
    "  e=(a*=x)/(d*=i)\n"
    "  if(e==0){if(f>0)while(f--)v=v*v;scale=z;if(m)return(1/v);return(v/1)}\n"
    "  v+=e\n"
    " }\n"
    "}\n"
    "define l(x){\n"
    " auto b,e,f,i,m,n,v,z\n"
    " if(ibase!=A){b=ibase;ibase=A;v=l(x);ibase=b;return(v)}\n"
    " if(x<=0)return((1-10^scale)/1)\n"
    " z=scale;scale=6+scale;f=2;i=0\n"
    " while(x>=2){f*=2;x=sqrt(x)}\n"
    " while(x<=.5){f*=2;x=sqrt(x)}\n"
    " v=n=(x-1)/(x+1);m=n*n\n"
    " for(i=3;1;i+=2){\n"
    "  e=(n*=m)/i\n"
    "  if(e==0){v=f*v;scale=z;return(v/1)}\n"
    "  v+=e\n"
    " }\n"
    "}\n"
    "define s(x){\n"
    " auto b,e,i,m,n,s,v,z\n"
    " if(ibase!=A){b=ibase;ibase=A;v=s(x);ibase=b;return(v)}\n"
    " z=scale;scale=1.1*z+2;v=a(1)\n"
    " if(x<0){m=1;x=-x}\n"
    " scale=0;n=(x/v+2)/4;x=x-4*n*v\n"
    " if(n%2)x=-x\n"
    " scale=z+2;v=e=x;s=-x*x\n"
    " for(i=3;1;i+=2){\n"
    "  e*=s/(i*(i-1))\n"
    "  if(e==0){scale=z;if(m)return(-v/1);return(v/1)}\n"
    "  v+=e\n"
    " }\n"
    "}\n"
    "define c(x){\n"
    " auto b,v,z\n"
    " if(ibase!=A){b=ibase;ibase=A;v=c(x);ibase=b;return(v)}\n"
    " z=scale;scale=scale*1.2;v=s(x+a(1)*2);scale=z;return(v/1)\n"
    "}\n"
    "define a(x){\n"
    " auto a,b,e,f,i,m,n,s,v,z\n"
    " if(ibase!=A){b=ibase;ibase=A;v=a(x);ibase=b;return(v)}\n"
    " m=1\n"
    " if(x<0){m=-1;x=-x}\n"
    " if(x==1){\n"
    "  if(scale<=25)return(.7853981633974483096156608/m)\n"
    "  if(scale<=40)return(.7853981633974483096156608458198757210492/m)\n"
    "  if(scale<=60)return(.785398163397448309615660845819875721049292349843776455243736/m)\n"
    " }\n"
    " if(x==.2){\n"
    "  if(scale<=25)return(.1973955598498807583700497/m)\n"
    "  if(scale<=40)return(.1973955598498807583700497651947902934475/m)\n"
    "  if(scale<=60)return(.197395559849880758370049765194790293447585103787852101517688/m)\n"
    " }\n"
    " z=scale\n"
    " if(x>.2){scale=z+5;a=a(.2)}\n"
    " scale=z+3\n"
    " while(x>.2){f+=1;x=(x-.2)/(1+x*.2)}\n"
    " v=n=x;s=-x*x\n"
    " for(i=3;1;i+=2){\n"
    "  e=(n*=s)/i\n"
    "  if(e==0){scale=z;return((f*a+v)/m)}\n"
    "  v+=e\n"
    " }\n"
    "}\n"
    "define j(n,x){\n"
    " auto a,b,d,e,f,i,m,s,v,z\n"
    " if(ibase!=A){b=ibase;ibase=A;v=j(n,x);ibase=b;return(v)}\n"
    " z=scale;scale=0;n=n/1\n"
    " if(n<0){n=-n;if(n%2==1)m=1}\n"
    " f=1\n"
    " for(i=2;i<=n;i++)f=f*i\n"
    " scale=1.5*z;f=x^n/2^n/f\n"
    " v=e=1;s=-x*x/4\n"
    " scale=1.5*z+length(f)-scale(f)\n"
    " for(i=1;1;i++){\n"
    "  e=e*s/i/(n+i)\n"
    "  if(e==0){scale=z;if(m)return(-f*v/1);return(f*v/1)}\n"
    "  v+=e\n"
    " }\n"
    "}\n";

/* ------------------------------------------------------------------ tree */

enum {
    /* expressions */
    N_NUM, N_VAR, N_ELEM, N_SPECIAL, N_CALL, N_NEG, N_NOT, N_BIN, N_AND, N_OR, N_REL,
    N_ASSIGN, N_INCDEC, N_LENGTH, N_SQRT, N_SCALEF, N_READ, N_ARRARG,
    /* statements */
    S_EXPR, S_STR, S_PRINT, S_BLOCK, S_IF, S_WHILE, S_FOR, S_BREAK, S_CONT, S_RETURN,
    S_HALT, S_EMPTY,
};
enum { SP_SCALE, SP_IBASE, SP_OBASE, SP_LAST };

typedef struct bc_node bc_node;
struct bc_node {
    int kind;
    int op;          /* operator char / relational code / special / incdec flags */
    int id;          /* variable, array or function index */
    int adr;         /* GNU code address reported by errors here */
    char *str;       /* number text or string */
    size_t slen;
    bc_node *a, *b, *c, *d;
    bc_node **list;
    int nlist;
};

typedef struct bc_var {
    bn *v;           /* value stack, top = v[n-1] */
    int n, cap;
} bc_var;

typedef struct bc_array {
    bn *v;
    size_t n;
} bc_array;

typedef struct bc_arr {
    bc_array **v;    /* stack */
    int n, cap;
} bc_arr;

typedef struct bc_func {
    char *name;
    bool defined;
    int nparam, nauto;
    int *pid, *aid;        /* variable or array ids */
    bool *parr, *aarr;     /* is an array */
    bc_node *body;
} bc_func;

typedef struct bc_names {
    char **name;
    int n, cap;
} bc_names;

enum { BCX_OK, BCX_BREAK, BCX_CONT, BCX_RETURN, BCX_HALT, BCX_ERR };

typedef struct bc_state {
    vb_cmd *cmd;
    bn_ctx bc;
    bc_names vnames, anames, fnames;
    bc_var *vars;
    bc_arr *arrs;
    bc_func *funcs;
    int nvars_alloc, narrs_alloc, nfuncs_alloc;
    long scale, ibase, obase;
    bn last;
    bool warn, posix;
    int line_len, col;
    int depth;
    const char *curfunc;   /* name in runtime messages */
    bn retval;
    bool quit;
    int status;
    /* lexer */
    const char *src;
    size_t len, pos;
    const char *fname;     /* NULL: standard input */
    int line;
    int tok;
    char *tstr;
    size_t tlen;
    bool had_err;          /* in this item */
    int gen;               /* GNU code bytes generated so far for the item */
    int in_func, in_loop;
    int pdepth;            /* parser recursion */
    /* standard input, read whole on first use */
    char *stdin_data;
    size_t stdin_len, stdin_pos;
    bool stdin_read;
} bc_state;

/* ------------------------------------------------------------------ output */

static void bc__outc(bc_state *S, char ch)
{
    if (ch == '\n') {
        S->col = 0;
        bi_outc(S->cmd, '\n');
        return;
    }
    S->col++;
    if (S->line_len && S->col == S->line_len - 1) {
        bi_outs(S->cmd, "\\\n");
        S->col = 1;
    }
    bi_outc(S->cmd, ch);
}

static void bc__outs(bc_state *S, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        bc__outc(S, s[i]);
}

static int bc__num_out(bc_state *S, const bn *x)
{
    vbuf b;
    vbuf_init(&b, S->cmd->heap);
    int rc = bn_format(&S->bc, x, S->obase, &b);
    if (!rc)
        bc__outs(S, b.data, b.len);
    vbuf_free(&b);
    return rc;
}

/* ------------------------------------------------------------------ errors */

static void bc__perr(bc_state *S, const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg ? arg : "");
    bi_flush(S->cmd);
    char *full = mem_printf(S->cmd->heap, "%s %d: %s\n", S->fname ? S->fname : "(standard_in)",
                            S->line, msg);
    if (full)
        bi_errw(S->cmd, full, strlen(full));
    mem_free(S->cmd->heap, full);
}

static int bc__rt(bc_state *S, int adr, const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg ? arg : "(null)");
    char *full = mem_printf(S->cmd->heap, "Runtime error (func=%s, adr=%d): %s\n",
                            S->curfunc, adr, msg);
    if (full)
        bi_errw(S->cmd, full, strlen(full));
    mem_free(S->cmd->heap, full);
    return BCX_ERR;
}

static void bc__rtwarn(bc_state *S, int adr, const char *msg)
{
    char *full = mem_printf(S->cmd->heap, "Runtime warning (func=%s, adr=%d): %s\n",
                            S->curfunc, adr, msg);
    if (full)
        bi_errw(S->cmd, full, strlen(full));
    mem_free(S->cmd->heap, full);
}

/* A bignum failure as a runtime error. */
static int bc__bnerr(bc_state *S, int adr, int rc)
{
    switch (rc) {
    case BN_EDIVZERO:
        return bc__rt(S, adr, "Divide by zero", NULL);
    case BN_ENEGSQRT:
        return bc__rt(S, adr, "Square root of a negative number", NULL);
    case BN_ELIMIT: {
        char m[96];
        snprintf(m, sizeof m, "number too large (limit: %zu digits)", S->bc.max_digits);
        return bc__rt(S, adr, "%s", m);
    }
    case BN_ECANCEL:
        S->quit = true;
        S->status = 130;
        return BCX_ERR;
    default:
        return bc__rt(S, adr, "out of memory", NULL);
    }
}

/* ------------------------------------------------------------------ names */

static int bc__name(bc_state *S, bc_names *t, const char *name)
{
    for (int i = 0; i < t->n; i++) {
        if (strcmp(t->name[i], name) == 0)
            return i;
    }
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        char **nn = mem_realloc(S->cmd->heap, t->name, (size_t)cap * sizeof *nn);
        if (!nn)
            return -1;
        t->name = nn;
        t->cap = cap;
    }
    t->name[t->n] = mem_strdup(S->cmd->heap, name);
    if (!t->name[t->n])
        return -1;
    return t->n++;
}

static bool bc__grow(bc_state *S, void **arr, int *alloc, int need, size_t elem)
{
    if (need <= *alloc)
        return true;
    int cap = *alloc ? *alloc : 16;
    while (cap < need)
        cap *= 2;
    char *p = mem_realloc(S->cmd->heap, *arr, (size_t)cap * elem);
    if (!p)
        return false;
    memset(p + (size_t)*alloc * elem, 0, (size_t)(cap - *alloc) * elem);
    *arr = p;
    *alloc = cap;
    return true;
}

static int bc__var_id(bc_state *S, const char *name)
{
    int id = bc__name(S, &S->vnames, name);
    if (id >= 0 && !bc__grow(S, (void **)&S->vars, &S->nvars_alloc, id + 1, sizeof(bc_var)))
        return -1;
    return id;
}

static int bc__arr_id(bc_state *S, const char *name)
{
    int id = bc__name(S, &S->anames, name);
    if (id >= 0 && !bc__grow(S, (void **)&S->arrs, &S->narrs_alloc, id + 1, sizeof(bc_arr)))
        return -1;
    return id;
}

static int bc__func_id(bc_state *S, const char *name)
{
    int id = bc__name(S, &S->fnames, name);
    if (id >= 0 && !bc__grow(S, (void **)&S->funcs, &S->nfuncs_alloc, id + 1, sizeof(bc_func)))
        return -1;
    if (id >= 0 && !S->funcs[id].name)
        S->funcs[id].name = S->fnames.name[id];
    return id;
}

/* The current value of a variable (created zero on first use). */
static bn *bc__var(bc_state *S, int id)
{
    bc_var *v = &S->vars[id];
    if (!v->n) {
        if (!bc__grow(S, (void **)&v->v, &v->cap, 1, sizeof(bn)))
            return NULL;
        bn_init(&v->v[0]);
        v->n = 1;
    }
    return &v->v[v->n - 1];
}

static bc_array *bc__arr(bc_state *S, int id)
{
    bc_arr *a = &S->arrs[id];
    if (!a->n) {
        if (!bc__grow(S, (void **)&a->v, &a->cap, 1, sizeof(bc_array *)))
            return NULL;
        a->v[0] = mem_calloc(S->cmd->heap, 1, sizeof(bc_array));
        if (!a->v[0])
            return NULL;
        a->n = 1;
    }
    return a->v[a->n - 1];
}

static void bc__array_free(bc_state *S, bc_array *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++)
        bn_free(&S->bc, &a->v[i]);
    mem_free(S->cmd->heap, a->v);
    mem_free(S->cmd->heap, a);
}

/* ------------------------------------------------------------------ lexer */

enum {
    T_EOF = 256, T_NL, T_NUM, T_NAME, T_STR, T_ASSIGN, T_REL, T_INCR, T_DECR, T_AND, T_OR,
    T_DEFINE, T_AUTO, T_RETURN, T_IF, T_ELSE, T_WHILE, T_FOR, T_BREAK, T_CONTINUE, T_HALT,
    T_QUIT, T_PRINT, T_SQRT, T_LENGTH, T_SCALE, T_IBASE, T_OBASE, T_LAST, T_READ, T_LIMITS,
    T_WARRANTY, T_VOID, T_ERR,
};

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
    bc__perr(S, "%s", m);
    if (S->posix)
        S->had_err = true;
    return !S->posix;
}

static int bc__lex(bc_state *S)
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
                bc__perr(S, "illegal character: #", NULL);
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
            bc__perr(S, "illegal character: \"", NULL);
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
    bc__perr(S, "illegal character: %s", cs);
    goto again;
}

/* ------------------------------------------------------------------ parser */

static bc_node *bc__node(bc_state *S, int kind)
{
    bc_node *nd = mem_calloc(S->cmd->heap, 1, sizeof *nd);
    if (nd)
        nd->kind = kind;
    return nd;
}

static void bc__free_node(bc_state *S, bc_node *nd)
{
    if (!nd)
        return;
    bc__free_node(S, nd->a);
    bc__free_node(S, nd->b);
    bc__free_node(S, nd->c);
    bc__free_node(S, nd->d);
    for (int i = 0; i < nd->nlist; i++)
        bc__free_node(S, nd->list[i]);
    mem_free(S->cmd->heap, nd->list);
    mem_free(S->cmd->heap, nd->str);
    mem_free(S->cmd->heap, nd);
}

static bool bc__push(bc_state *S, bc_node *parent, bc_node *child)
{
    bc_node **l = mem_realloc(S->cmd->heap, parent->list, (size_t)(parent->nlist + 1) * sizeof *l);
    if (!l)
        return false;
    l[parent->nlist++] = child;
    parent->list = l;
    return true;
}

static void bc__syntax(bc_state *S)
{
    if (!S->had_err)
        bc__perr(S, "syntax error", NULL);
    S->had_err = true;
}

static bool bc__expect(bc_state *S, int tok)
{
    if (S->tok != tok) {
        bc__syntax(S);
        return false;
    }
    bc__lex(S);
    return true;
}

static void bc__skip_nl(bc_state *S)
{
    while (S->tok == T_NL)
        bc__lex(S);
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
        bc__lex(S);
        if (S->tok == '[') {
            bc__lex(S);
            nd = bc__node(S, N_ELEM);
            nd->id = bc__arr_id(S, name);
            nd->a = bc__expr(S, 1);
            if (!nd->a || !bc__expect(S, ']'))
                return NULL;
        } else {
            nd = bc__node(S, N_VAR);
            nd->id = bc__var_id(S, name);
        }
        mem_free(S->cmd->heap, name);
        return nd;
    }
    nd = bc__node(S, N_SPECIAL);
    nd->op = S->tok == T_SCALE ? SP_SCALE : S->tok == T_IBASE ? SP_IBASE
             : S->tok == T_OBASE ? SP_OBASE : SP_LAST;
    if (S->tok == T_LAST && S->tstr && strcmp(S->tstr, "last") == 0 &&
        !bc__ext(S, "Last variable", NULL))
        return NULL;
    bc__lex(S);
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
        nd = bc__node(S, N_NUM);
        nd->str = S->tstr;
        nd->slen = S->tlen;
        S->tstr = NULL;
        S->gen += (nd->slen == 1 && (nd->str[0] == '0' || nd->str[0] == '1')) ? 1
                                                                             : (int)nd->slen + 2;
        bc__lex(S);
        return nd;
    case '(':
        bc__lex(S);
        nd = bc__expr(S, 1);
        if (!nd || !bc__expect(S, ')'))
            return NULL;
        return nd;
    case '-':
        bc__lex(S);
        nd = bc__node(S, N_NEG);
        nd->a = bc__expr(S, 9);
        if (!nd->a)
            return NULL;
        nd->adr = ++S->gen;
        return nd;
    case '!':
        bc__lex(S);
        nd = bc__node(S, N_NOT);
        nd->a = bc__expr(S, 3);
        if (!nd->a || !bc__ext(S, "! operator", NULL))
            return NULL;
        nd->adr = ++S->gen;
        return nd;
    case T_INCR:
    case T_DECR:
        nd = bc__node(S, N_INCDEC);
        nd->op = S->tok == T_INCR ? '+' : '-';
        bc__lex(S);
        if (!bc__is_named_start(S)) {
            bc__syntax(S);
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
        bc__lex(S);
        if (t == T_SCALE && S->tok != '(') {
            /* scale as a variable: a named expression */
            nd = bc__node(S, N_SPECIAL);
            nd->op = SP_SCALE;
            goto named_tail;
        }
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc__node(S, t == T_LENGTH ? N_LENGTH : t == T_SQRT ? N_SQRT : N_SCALEF);
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
        bc__lex(S);
        if (!bc__expect(S, '(') || !bc__expect(S, ')'))
            return NULL;
        nd = bc__node(S, N_READ);
        S->gen += 2;
        nd->adr = S->gen;
        return nd;
    case T_NAME: {
        /* call? */
        size_t save = S->pos;
        int sline = S->line;
        char *name = S->tstr;
        bc__lex(S);
        if (S->tok == '(') {
            bc__lex(S);
            nd = bc__node(S, N_CALL);
            nd->id = bc__func_id(S, name);
            mem_free(S->cmd->heap, name);
            int nargs = 0;
            while (S->tok != ')') {
                bc_node *arg;
                if (S->tok == T_NAME) {
                    /* an array argument: name[] */
                    size_t sv = S->pos;
                    int sl = S->line;
                    char *an = S->tstr;
                    bc__lex(S);
                    if (S->tok == '[') {
                        size_t sv2 = S->pos;
                        bc__lex(S);
                        if (S->tok == ']') {
                            bc__lex(S);
                            arg = bc__node(S, N_ARRARG);
                            arg->id = bc__arr_id(S, an);
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
                bc__push(S, nd, arg);
                nargs++;
                if (S->tok == ',') {
                    bc__lex(S);
                    continue;
                }
                if (S->tok != ')') {
                    bc__syntax(S);
                    return NULL;
                }
            }
            bc__lex(S);
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
            bc_node *as = bc__node(S, N_ASSIGN);
            as->op = (int)S->tlen;
            as->a = nd;
            bc__lex(S);
            as->b = bc__expr(S, 5);
            if (!as->b)
                return NULL;
            S->gen += as->op ? 2 : 0;
            S->gen += nd->kind == N_SPECIAL ? 2 : bc__refsize(nd->id);
            as->adr = S->gen;
            return as;
        }
        if (S->tok == T_INCR || S->tok == T_DECR) {
            bc_node *id = bc__node(S, N_INCDEC);
            id->op = (S->tok == T_INCR ? '+' : '-') | 0x100;
            id->a = nd;
            bc__lex(S);
            S->gen += 1 + (nd->kind == N_SPECIAL ? 2 : bc__refsize(nd->id)) + 1;
            id->adr = S->gen;
            return id;
        }
        S->gen += nd->kind == N_SPECIAL ? 2 : bc__refsize(nd->id);
        nd->adr = S->gen;
        return nd;
    default:
        bc__syntax(S);
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
            bc__perr(S, "expression nested too deep (limit: %s)", BC_MAX_NEST_STR);
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
        bc__lex(S);
        if (t == T_AND || t == T_OR)
            bc__skip_nl(S);
        bc_node *nd = bc__node(S, t == T_AND ? N_AND : t == T_OR ? N_OR : t == T_REL ? N_REL : N_BIN);
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

static bc_node *bc__stmt(bc_state *S);

/* Statement terminators inside a list: ';' or newline. */
static bc_node *bc__block(bc_state *S)
{
    /* at '{' */
    bc__lex(S);
    bc_node *blk = bc__node(S, S_BLOCK);
    for (;;) {
        while (S->tok == T_NL || S->tok == ';')
            bc__lex(S);
        if (S->tok == '}') {
            bc__lex(S);
            return blk;
        }
        bc_node *st = bc__stmt(S);
        if (!st)
            return NULL;
        bc__push(S, blk, st);
        if (S->tok != ';' && S->tok != T_NL && S->tok != '}') {
            bc__syntax(S);
            return NULL;
        }
    }
}

static bool bc__is_assignish(const bc_node *e)
{
    return e->kind == N_ASSIGN;
}

static bc_node *bc__stmt1(bc_state *S);

static bc_node *bc__stmt(bc_state *S)
{
    if (S->pdepth >= BC_MAX_NEST) {
        if (!S->had_err)
            bc__perr(S, "statements nested too deep (limit: %s)", BC_MAX_NEST_STR);
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
        nd = bc__node(S, S_STR);
        nd->str = S->tstr;
        nd->slen = S->tlen;
        S->tstr = NULL;
        S->gen += (int)nd->slen + 2;
        bc__lex(S);
        return nd;
    case '{':
        return bc__block(S);
    case ';':
    case T_NL:
        return bc__node(S, S_EMPTY);
    case T_BREAK:
    case T_CONTINUE: {
        int t = S->tok;
        if (!S->in_loop) {
            bc__perr(S, t == T_BREAK ? "Break outside a for/while" : "Continue outside a for",
                     NULL);
            S->had_err = true;
            return NULL;
        }
        if (t == T_CONTINUE && !bc__ext(S, "Continue statement", NULL))
            return NULL;
        bc__lex(S);
        S->gen += 3;
        return bc__node(S, t == T_BREAK ? S_BREAK : S_CONT);
    }
    case T_HALT:
        if (!bc__ext(S, "halt statement", NULL))
            return NULL;
        bc__lex(S);
        S->gen += 1;
        return bc__node(S, S_HALT);
    case T_QUIT:
        /* quit acts when it is read, even inside a branch never taken */
        S->quit = true;
        return NULL;
    case T_RETURN:
        bc__lex(S);
        nd = bc__node(S, S_RETURN);
        if (S->tok != ';' && S->tok != T_NL && S->tok != '}' && S->tok != T_EOF) {
            if (S->tok != '(' && !bc__ext(S, "return expression requires parenthesis", NULL))
                return NULL;
            nd->a = bc__expr(S, 1);
            if (!nd->a)
                return NULL;
        }
        if (!S->in_func) {
            bc__perr(S, "Return outside of a function.", NULL);
            S->had_err = true;
            return NULL;
        }
        S->gen += 1;
        return nd;
    case T_IF: {
        bc__lex(S);
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc__node(S, S_IF);
        nd->a = bc__expr(S, 1);
        if (!nd->a || !bc__expect(S, ')'))
            return NULL;
        S->gen += 3;
        bc__skip_nl(S);
        nd->b = bc__stmt(S);
        if (!nd->b)
            return NULL;
        /* else may follow newlines */
        if (S->tok == T_ELSE) {
            if (!bc__ext(S, "else clause in if statement", NULL))
                return NULL;
            bc__lex(S);
            bc__skip_nl(S);
            S->gen += 3;
            nd->c = bc__stmt(S);
            if (!nd->c)
                return NULL;
        }
        return nd;
    }
    case T_WHILE:
        bc__lex(S);
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc__node(S, S_WHILE);
        nd->a = bc__expr(S, 1);
        if (!nd->a || !bc__expect(S, ')'))
            return NULL;
        S->gen += 3;
        bc__skip_nl(S);
        S->in_loop++;
        nd->b = bc__stmt(S);
        S->in_loop--;
        if (!nd->b)
            return NULL;
        S->gen += 3;
        return nd;
    case T_FOR:
        bc__lex(S);
        if (!bc__expect(S, '('))
            return NULL;
        nd = bc__node(S, S_FOR);
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
        nd->d = bc__stmt(S);
        S->in_loop--;
        if (!nd->d)
            return NULL;
        S->gen += 3;
        return nd;
    case T_PRINT:
        if (!bc__ext(S, "print statement", NULL))
            return NULL;
        bc__lex(S);
        nd = bc__node(S, S_PRINT);
        for (;;) {
            bc_node *it;
            if (S->tok == T_STR) {
                it = bc__node(S, S_STR);
                it->str = S->tstr;
                it->slen = S->tlen;
                S->tstr = NULL;
                S->gen += (int)it->slen + 2;
                bc__lex(S);
            } else {
                it = bc__expr(S, 1);
                if (!it)
                    return NULL;
                S->gen += 1;
            }
            bc__push(S, nd, it);
            if (S->tok != ',')
                break;
            bc__lex(S);
        }
        return nd;
    case T_LIMITS:
    case T_WARRANTY:
        nd = bc__node(S, S_STR);
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
        bc__lex(S);
        return nd;
    default:
        nd = bc__node(S, S_EXPR);
        nd->a = bc__expr(S, 1);
        if (!nd->a)
            return NULL;
        if (nd->a->kind == N_REL && !bc__ext(S, "comparison in expression", NULL))
            return NULL;
        S->gen += 1;
        return nd;
    }
}

/* define NAME ( params ) { [newlines] [auto list] statements } */
static bool bc__define(bc_state *S)
{
    bc__lex(S);
    if (S->tok != T_NAME) {
        bc__syntax(S);
        return false;
    }
    int fid = bc__func_id(S, S->tstr);
    bc__lex(S);
    if (!bc__expect(S, '('))
        return false;
    int np = 0, na = 0, pcap = 0, acap = 0;
    int *pid = NULL, *aid = NULL;
    bool *parr = NULL, *aarr = NULL;
    while (S->tok != ')') {
        if (S->tok == '*')
            bc__lex(S);
        if (S->tok != T_NAME) {
            bc__syntax(S);
            return false;
        }
        char *nm = S->tstr;
        bc__lex(S);
        bool arr = false;
        if (S->tok == '[') {
            bc__lex(S);
            if (!bc__expect(S, ']'))
                return false;
            arr = true;
        }
        if (!bc__grow(S, (void **)&pid, &pcap, np + 1, sizeof(int)))
            return false;
        parr = mem_realloc(S->cmd->heap, parr, (size_t)pcap * sizeof(bool));
        if (!parr)
            return false;
        pid[np] = arr ? bc__arr_id(S, nm) : bc__var_id(S, nm);
        parr[np++] = arr;
        if (S->tok == ',') {
            bc__lex(S);
            continue;
        }
        if (S->tok != ')') {
            bc__syntax(S);
            return false;
        }
    }
    bc__lex(S);
    bc__skip_nl(S);
    if (S->tok != '{') {
        bc__syntax(S);
        return false;
    }
    bc__lex(S);
    bc__skip_nl(S);
    if (S->tok == T_AUTO) {
        bc__lex(S);
        for (;;) {
            if (S->tok != T_NAME) {
                bc__syntax(S);
                return false;
            }
            char *nm = S->tstr;
            bc__lex(S);
            bool arr = false;
            if (S->tok == '[') {
                bc__lex(S);
                if (!bc__expect(S, ']'))
                    return false;
                arr = true;
            }
            if (!bc__grow(S, (void **)&aid, &acap, na + 1, sizeof(int)))
                return false;
            aarr = mem_realloc(S->cmd->heap, aarr, (size_t)acap * sizeof(bool));
            if (!aarr)
                return false;
            aid[na] = arr ? bc__arr_id(S, nm) : bc__var_id(S, nm);
            aarr[na++] = arr;
            if (S->tok == ',') {
                bc__lex(S);
                continue;
            }
            if (S->tok == ';' || S->tok == T_NL) {
                bc__lex(S);
                break;
            }
            bc__syntax(S);
            return false;
        }
    }
    /* the body: statements up to the matching '}' */
    S->in_func++;
    S->gen = 0;
    bc_node *blk = bc__node(S, S_BLOCK);
    for (;;) {
        while (S->tok == T_NL || S->tok == ';')
            bc__lex(S);
        if (S->tok == '}')
            break;
        if (S->tok == T_EOF) {
            bc__syntax(S);
            S->in_func--;
            return false;
        }
        bc_node *st = bc__stmt(S);
        if (!st) {
            S->in_func--;
            return false;
        }
        bc__push(S, blk, st);
        if (S->tok != ';' && S->tok != T_NL && S->tok != '}') {
            bc__syntax(S);
            S->in_func--;
            return false;
        }
    }
    S->in_func--;
    bc__lex(S);
    bc_func *f = &S->funcs[fid];
    bc__free_node(S, f->body);
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

/* ------------------------------------------------------------------ runtime */

static int bc__eval(bc_state *S, bc_node *e, bn *out);
static int bc__exec(bc_state *S, bc_node *st);

static bool bc__oom(bc_state *S, int adr)
{
    bc__bnerr(S, adr, BN_ENOMEM);
    return false;
}

/* A pointer to the storage of an array element (grown on demand). */
static int bc__elem(bc_state *S, bc_node *e, bn **slot, int adr)
{
    bn idx;
    bn_init(&idx);
    int rc = bc__eval(S, e->a, &idx);
    if (rc)
        return rc;
    long i = 0;
    int r2 = bn_to_long(&idx, &i);
    bn_free(&S->bc, &idx);
    if (r2 || i < 0 || i > 16777215) {
        return bc__rt(S, adr, "Array %s subscript out of bounds.", S->anames.name[e->id]);
    }
    bc_array *a = bc__arr(S, e->id);
    if (!a) {
        bc__oom(S, adr);
        return BCX_ERR;
    }
    if ((size_t)i >= a->n) {
        size_t nn = a->n ? a->n : 16;
        while (nn <= (size_t)i)
            nn *= 2;
        bn *v = mem_realloc(S->cmd->heap, a->v, nn * sizeof *v);
        if (!v) {
            bc__oom(S, adr);
            return BCX_ERR;
        }
        memset(v + a->n, 0, (nn - a->n) * sizeof *v);
        a->v = v;
        a->n = nn;
    }
    *slot = &a->v[i];
    return BCX_OK;
}

static int bc__get_named(bc_state *S, bc_node *e, bn *out)
{
    bn *src;
    switch (e->kind) {
    case N_VAR:
        src = bc__var(S, e->id);
        break;
    case N_ELEM: {
        int rc = bc__elem(S, e, &src, e->adr);
        if (rc)
            return rc;
        break;
    }
    default:
        switch (e->op) {
        case SP_SCALE:
            return bn_set_long(&S->bc, out, S->scale) ? bc__bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        case SP_IBASE:
            return bn_set_long(&S->bc, out, S->ibase) ? bc__bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        case SP_OBASE:
            return bn_set_long(&S->bc, out, S->obase) ? bc__bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        default:
            src = &S->last;
        }
    }
    if (!src)
        return bc__bnerr(S, e->adr, BN_ENOMEM);
    int rc = bn_copy(&S->bc, out, src);
    return rc ? bc__bnerr(S, e->adr, rc) : BCX_OK;
}

/* Stores v (consumed) into the named expression; slot already resolved for
 * elements (may be NULL for others). */
static int bc__set_named(bc_state *S, bc_node *e, bn *slot, bn *v, int adr)
{
    if (e->kind == N_SPECIAL && e->op != SP_LAST) {
        long x = 0;
        int r = bn_to_long(v, &x);
        bn_free(&S->bc, v);
        if (e->op == SP_SCALE) {
            if (r || x > INT_MAX) {
                bc__rtwarn(S, adr, "scale too large, set to 2147483647");
                x = INT_MAX;
            } else if (x < 0) {
                bc__rtwarn(S, adr, "negative scale, set to 0");
                x = 0;
            }
            S->scale = x;
        } else if (e->op == SP_IBASE) {
            if (!r && x < 2) {
                bc__rtwarn(S, adr, "ibase too small, set to 2");
                x = 2;
            } else if (r || x > 16) {
                bc__rtwarn(S, adr, "ibase too large, set to 16");
                x = 16;
            }
            S->ibase = x;
        } else {
            if (!r && x < 2) {
                bc__rtwarn(S, adr, "obase too small, set to 2");
                x = 2;
            } else if (r || x > INT_MAX) {
                bc__rtwarn(S, adr, "obase too large, set to 2147483647");
                x = INT_MAX;
            }
            S->obase = x;
        }
        return BCX_OK;
    }
    if (!slot)
        slot = e->kind == N_VAR ? bc__var(S, e->id) : &S->last;
    if (!slot) {
        bn_free(&S->bc, v);
        return bc__bnerr(S, adr, BN_ENOMEM);
    }
    bn_move(&S->bc, slot, v);
    return BCX_OK;
}

static int bc__arith(bc_state *S, int op, bn *r, const bn *a, const bn *b, int adr)
{
    int rc;
    switch (op) {
    case '+': rc = bn_add(&S->bc, r, a, b); break;
    case '-': rc = bn_sub(&S->bc, r, a, b); break;
    case '*': rc = bn_mul(&S->bc, r, a, b, S->scale); break;
    case '/': rc = bn_div(&S->bc, r, a, b, S->scale); break;
    case '%':
        rc = bn_divmod(&S->bc, NULL, r, a, b, S->scale);
        if (rc == BN_EDIVZERO)
            return bc__rt(S, adr, "Modulo by zero", NULL);
        break;
    default: { /* ^ */
        long e = 0;
        if (b->scale && !bn_is_zero(b)) {
            /* a non-integer exponent is truncated, with a warning */
            bn t;
            bn_init(&t);
            if (bn_copy(&S->bc, &t, b) == BN_OK && bn_rescale(&S->bc, &t, 0) == BN_OK) {
                bool frac = bn_cmp(&t, b) != 0;
                if (frac)
                    bc__rtwarn(S, adr, "non-zero scale in exponent");
            }
            bn_free(&S->bc, &t);
        }
        if (bn_int_digits(b) > 10 || bn_to_long(b, &e) != BN_OK)
            return bc__rt(S, adr, "exponent too large in raise", NULL);
        rc = bn_pow(&S->bc, r, a, e, S->scale);
        if (rc == BN_EDIVZERO)
            return bc__rt(S, adr, "Divide by zero", NULL);
    }
    }
    return rc ? bc__bnerr(S, adr, rc) : BCX_OK;
}

static int bc__call(bc_state *S, bc_node *e, bn *out);

/* Reads a number for read(): one line of standard input. */
static int bc__read(bc_state *S, bc_node *e, bn *out)
{
    if (!S->stdin_read) {
        S->stdin_read = true;
        if (bi_slurp(S->cmd, S->cmd->in, &S->stdin_data, &S->stdin_len) < 0)
            S->stdin_len = 0;
    }
    /* When the program itself comes from standard input, read() takes the
     * next line of it. */
    const char *d;
    size_t len, *pos;
    if (!S->fname) {
        d = S->src;
        len = S->len;
        pos = &S->pos;
    } else {
        d = S->stdin_data;
        len = S->stdin_len;
        pos = &S->stdin_pos;
    }
    size_t p = *pos;
    while (p < len && (d[p] == ' ' || d[p] == '\t'))
        p++;
    size_t used = 0;
    bool neg = p < len && d[p] == '-';
    int rc = bn_parse(&S->bc, out, d + p + neg, len - p - neg, (int)S->ibase, &used);
    if (rc)
        return bc__bnerr(S, e->adr, rc);
    if (neg && !bn_is_zero(out))
        out->neg = true;
    p += neg + used;
    while (p < len && d[p] != '\n')
        p++;
    if (p < len)
        p++;
    *pos = p;
    return BCX_OK;
}

static int bc__eval(bc_state *S, bc_node *e, bn *out)
{
    int rc;
    bn a, b;
    bn_init(&a);
    bn_init(&b);
    if (bi_cancelled(S->cmd)) {
        S->quit = true;
        S->status = 130;
        return BCX_ERR;
    }
    switch (e->kind) {
    case N_NUM:
        rc = bn_parse(&S->bc, out, e->str, e->slen, (int)S->ibase, NULL);
        return rc ? bc__bnerr(S, e->adr, rc) : BCX_OK;
    case N_VAR:
    case N_ELEM:
    case N_SPECIAL:
        return bc__get_named(S, e, out);
    case N_NEG:
        if ((rc = bc__eval(S, e->a, out)))
            return rc;
        if (!bn_is_zero(out))
            out->neg = !out->neg;
        return BCX_OK;
    case N_NOT:
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        rc = bn_set_long(&S->bc, out, bn_is_zero(&a));
        bn_free(&S->bc, &a);
        return rc ? bc__bnerr(S, e->adr, rc) : BCX_OK;
    case N_AND:
    case N_OR: {
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        bool v = !bn_is_zero(&a);
        bn_free(&S->bc, &a);
        if (e->kind == N_AND ? v : !v) {
            if ((rc = bc__eval(S, e->b, &a)))
                return rc;
            v = !bn_is_zero(&a);
            bn_free(&S->bc, &a);
        }
        rc = bn_set_long(&S->bc, out, v);
        return rc ? bc__bnerr(S, e->adr, rc) : BCX_OK;
    }
    case N_BIN:
    case N_REL:
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        if ((rc = bc__eval(S, e->b, &b))) {
            bn_free(&S->bc, &a);
            return rc;
        }
        if (e->kind == N_REL) {
            int c = bn_cmp(&a, &b);
            bool v;
            switch (e->op) {
            case '=': v = c == 0; break;
            case '#': v = c != 0; break;
            case '<': v = c < 0; break;
            case '>': v = c > 0; break;
            case '{': v = c <= 0; break;
            default: v = c >= 0; break;
            }
            rc = bn_set_long(&S->bc, out, v) ? bc__bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        } else {
            rc = bc__arith(S, e->op, out, &a, &b, e->adr);
        }
        bn_free(&S->bc, &a);
        bn_free(&S->bc, &b);
        return rc;
    case N_ASSIGN: {
        bn *slot = NULL;
        bc_node *l = e->a;
        if (l->kind == N_ELEM && (rc = bc__elem(S, l, &slot, e->adr)))
            return rc;
        if ((rc = bc__eval(S, e->b, &b)))
            return rc;
        if (e->op) {
            if (slot)
                rc = bn_copy(&S->bc, &a, slot) ? bc__bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
            else
                rc = bc__get_named(S, l, &a);
            if (!rc)
                rc = bc__arith(S, e->op, &a, &a, &b, e->adr);
            bn_free(&S->bc, &b);
            if (rc) {
                bn_free(&S->bc, &a);
                return rc;
            }
            bn_move(&S->bc, &b, &a);
        }
        if (l->kind == N_ELEM) /* the array may have moved */
            rc = bc__elem(S, l, &slot, e->adr);
        if (!rc && (rc = bn_copy(&S->bc, out, &b)))
            rc = bc__bnerr(S, e->adr, rc);
        if (rc) {
            bn_free(&S->bc, &b);
            return rc;
        }
        rc = bc__set_named(S, l, slot, &b, e->adr);
        if (!rc && l->kind == N_SPECIAL && l->op != SP_LAST)
            rc = bc__get_named(S, l, out);
        return rc;
    }
    case N_INCDEC: {
        bn *slot = NULL;
        bc_node *l = e->a;
        if (l->kind == N_ELEM && (rc = bc__elem(S, l, &slot, e->adr)))
            return rc;
        if (slot)
            rc = bn_copy(&S->bc, &a, slot) ? bc__bnerr(S, e->adr, BN_ENOMEM) : BCX_OK;
        else
            rc = bc__get_named(S, l, &a);
        if (rc)
            return rc;
        if ((e->op & 0x100) && (rc = bn_copy(&S->bc, out, &a))) {
            bn_free(&S->bc, &a);
            return bc__bnerr(S, e->adr, rc);
        }
        bn one;
        bn_init(&one);
        bn_set_long(&S->bc, &one, 1);
        rc = (e->op & 0xff) == '+' ? bn_add(&S->bc, &a, &a, &one) : bn_sub(&S->bc, &a, &a, &one);
        bn_free(&S->bc, &one);
        if (rc) {
            bn_free(&S->bc, &a);
            return bc__bnerr(S, e->adr, rc);
        }
        if (!(e->op & 0x100) && (rc = bn_copy(&S->bc, out, &a))) {
            bn_free(&S->bc, &a);
            return bc__bnerr(S, e->adr, rc);
        }
        return bc__set_named(S, l, slot, &a, e->adr);
    }
    case N_LENGTH:
    case N_SCALEF:
    case N_SQRT:
        if ((rc = bc__eval(S, e->a, &a)))
            return rc;
        if (e->kind == N_SQRT)
            rc = bn_sqrt(&S->bc, out, &a, S->scale);
        else
            rc = bn_set_long(&S->bc, out,
                             e->kind == N_LENGTH ? (long)bn_length(&a) : a.scale);
        bn_free(&S->bc, &a);
        return rc ? bc__bnerr(S, e->adr, rc) : BCX_OK;
    case N_READ:
        return bc__read(S, e, out);
    case N_CALL:
        return bc__call(S, e, out);
    default:
        return bc__rt(S, e->adr, "bad expression", NULL);
    }
}

static void bc__pop_locals(bc_state *S, bc_func *f, int np, int na)
{
    for (int i = 0; i < na; i++) {
        if (f->aarr[i]) {
            bc_arr *ar = &S->arrs[f->aid[i]];
            bc__array_free(S, ar->v[--ar->n]);
        } else {
            bc_var *v = &S->vars[f->aid[i]];
            bn_free(&S->bc, &v->v[--v->n]);
        }
    }
    for (int i = 0; i < np; i++) {
        if (f->parr[i]) {
            bc_arr *ar = &S->arrs[f->pid[i]];
            bc__array_free(S, ar->v[--ar->n]);
        } else {
            bc_var *v = &S->vars[f->pid[i]];
            bn_free(&S->bc, &v->v[--v->n]);
        }
    }
}

static bool bc__push_var(bc_state *S, int id, bn *val)
{
    bc_var *v = &S->vars[id];
    if (!v->n && !bc__var(S, id))
        return false;
    if (!bc__grow(S, (void **)&v->v, &v->cap, v->n + 1, sizeof(bn)))
        return false;
    bn_init(&v->v[v->n]);
    if (val)
        bn_move(&S->bc, &v->v[v->n], val);
    v->n++;
    return true;
}

static bool bc__push_arr(bc_state *S, int id, bc_array *val)
{
    bc_arr *a = &S->arrs[id];
    if (!a->n && !bc__arr(S, id))
        return false;
    if (!bc__grow(S, (void **)&a->v, &a->cap, a->n + 1, sizeof(bc_array *)))
        return false;
    if (!val)
        val = mem_calloc(S->cmd->heap, 1, sizeof(bc_array));
    if (!val)
        return false;
    a->v[a->n++] = val;
    return true;
}

static bc_array *bc__array_copy(bc_state *S, bc_array *src)
{
    bc_array *a = mem_calloc(S->cmd->heap, 1, sizeof *a);
    if (!a)
        return NULL;
    if (src && src->n) {
        a->v = mem_calloc(S->cmd->heap, src->n, sizeof(bn));
        if (!a->v)
            return NULL;
        a->n = src->n;
        for (size_t i = 0; i < src->n; i++) {
            if (bn_copy(&S->bc, &a->v[i], &src->v[i]))
                return NULL;
        }
    }
    return a;
}

static int bc__call(bc_state *S, bc_node *e, bn *out)
{
    bc_func *f = &S->funcs[e->id];
    int adr = e->adr;
    int n = e->nlist;
    /* arguments are evaluated first, in the caller's scope */
    bn *vals = n ? mem_calloc(S->cmd->heap, (size_t)n, sizeof(bn)) : NULL;
    bc_array **arrs = n ? mem_calloc(S->cmd->heap, (size_t)n, sizeof(bc_array *)) : NULL;
    if (n && (!vals || !arrs))
        return bc__bnerr(S, adr, BN_ENOMEM);
    int rc = BCX_OK;
    for (int i = 0; i < n && !rc; i++) {
        if (e->list[i]->kind == N_ARRARG)
            continue;
        rc = bc__eval(S, e->list[i], &vals[i]);
    }
    if (rc)
        goto out;
    adr += 2; /* C and the function number */
    if (!f->defined) {
        rc = bc__rt(S, adr, "Function %s not defined.", f->name);
        goto out;
    }
    for (int i = 0; i < n; i++) {
        adr++;
        if (i >= f->nparam) {
            rc = bc__rt(S, adr, "Parameter number mismatch", NULL);
            goto out;
        }
        bool isarr = e->list[i]->kind == N_ARRARG;
        if (isarr != f->parr[i]) {
            if (f->parr[i])
                rc = bc__rt(S, adr, "Parameter type mismatch parameter %s.",
                            S->anames.name[f->pid[i]]);
            else
                rc = bc__rt(S, adr, "Parameter type mismatch, parameter %s.", NULL);
            /* GNU goes on to the end of the list, then reports the count */
            rc = bc__rt(S, adr + (n - i), "Parameter number mismatch", NULL);
            goto out;
        }
        if (isarr) {
            arrs[i] = bc__array_copy(S, bc__arr(S, e->list[i]->id));
            if (!arrs[i]) {
                rc = bc__bnerr(S, adr, BN_ENOMEM);
                goto out;
            }
        }
    }
    adr++;
    if (n < f->nparam) {
        rc = bc__rt(S, adr, "Parameter number mismatch", NULL);
        goto out;
    }
    if (S->depth >= BC_MAX_DEPTH) {
        char m[64];
        snprintf(m, sizeof m, "function calls nested too deep (limit: %d)", BC_MAX_DEPTH);
        rc = bc__rt(S, adr, "%s", m);
        goto out;
    }
    /* bind parameters and autos */
    int bound = 0;
    for (int i = 0; i < n; i++, bound++) {
        bool ok = f->parr[i] ? bc__push_arr(S, f->pid[i], arrs[i]) : bc__push_var(S, f->pid[i], &vals[i]);
        if (!ok)
            break;
        arrs[i] = NULL;
    }
    int abound = 0;
    if (bound == n) {
        for (int i = 0; i < f->nauto; i++, abound++) {
            bool ok = f->aarr[i] ? bc__push_arr(S, f->aid[i], NULL) : bc__push_var(S, f->aid[i], NULL);
            if (!ok)
                break;
        }
    }
    if (bound < n || abound < f->nauto) {
        bc__pop_locals(S, f, bound, abound);
        rc = bc__bnerr(S, adr, BN_ENOMEM);
        goto out;
    }
    const char *saved = S->curfunc;
    S->curfunc = f->name;
    S->depth++;
    bn_free(&S->bc, &S->retval);
    int x = bc__exec(S, f->body);
    S->depth--;
    bc__pop_locals(S, f, n, f->nauto);
    if (x == BCX_ERR || x == BCX_HALT) {
        rc = x;
        S->curfunc = saved;
        goto out;
    }
    S->curfunc = saved;
    if (x == BCX_RETURN)
        bn_move(&S->bc, out, &S->retval);
    else
        bn_set_long(&S->bc, out, 0);
out:
    for (int i = 0; i < n; i++) {
        bn_free(&S->bc, &vals[i]);
        if (arrs[i])
            bc__array_free(S, arrs[i]);
    }
    mem_free(S->cmd->heap, vals);
    mem_free(S->cmd->heap, arrs);
    return rc;
}

static void bc__print_str(bc_state *S, const char *s, size_t n, bool escapes)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (escapes && ch == '\\' && i + 1 < n) {
            ch = s[++i];
            switch (ch) {
            case 'a': bc__outc(S, '\a'); break;
            case 'b': bc__outc(S, '\b'); break;
            case 'f': bc__outc(S, '\f'); break;
            case 'n': bc__outc(S, '\n'); break;
            case 'r': bc__outc(S, '\r'); break;
            case 'q': bc__outc(S, '"'); break;
            case 't': bc__outc(S, '\t'); break;
            case '\\': bc__outc(S, '\\'); break;
            default: break;
            }
            continue;
        }
        bc__outc(S, ch);
    }
}

static int bc__exec(bc_state *S, bc_node *st)
{
    int rc;
    bn v;
    bn_init(&v);
    if (S->quit)
        return BCX_HALT;
    switch (st->kind) {
    case S_EMPTY:
        return BCX_OK;
    case S_STR:
        if (!st->op)
            bc__print_str(S, st->str, st->slen, false);
        return BCX_OK;
    case S_EXPR: {
        bc_node *e = st->a;
        if ((rc = bc__eval(S, e, &v)))
            return rc;
        if (!bc__is_assignish(e)) {
            rc = bc__num_out(S, &v);
            bc__outc(S, '\n');
            if (rc) {
                bn_free(&S->bc, &v);
                return bc__bnerr(S, e->adr, rc);
            }
            bn_move(&S->bc, &S->last, &v);
        }
        bn_free(&S->bc, &v);
        return BCX_OK;
    }
    case S_PRINT:
        for (int i = 0; i < st->nlist; i++) {
            bc_node *it = st->list[i];
            if (it->kind == S_STR) {
                bc__print_str(S, it->str, it->slen, true);
                continue;
            }
            if ((rc = bc__eval(S, it, &v)))
                return rc;
            rc = bc__num_out(S, &v);
            if (!rc)
                rc = bn_copy(&S->bc, &S->last, &v);
            bn_free(&S->bc, &v);
            if (rc)
                return bc__bnerr(S, it->adr, rc);
        }
        return BCX_OK;
    case S_BLOCK:
        for (int i = 0; i < st->nlist; i++) {
            if ((rc = bc__exec(S, st->list[i])))
                return rc;
        }
        return BCX_OK;
    case S_IF:
        if ((rc = bc__eval(S, st->a, &v)))
            return rc;
        {
            bool t = !bn_is_zero(&v);
            bn_free(&S->bc, &v);
            if (t)
                return bc__exec(S, st->b);
            if (st->c)
                return bc__exec(S, st->c);
        }
        return BCX_OK;
    case S_WHILE:
    case S_FOR:
        if (st->kind == S_FOR && st->a) {
            if ((rc = bc__eval(S, st->a, &v)))
                return rc;
            bn_free(&S->bc, &v);
        }
        for (;;) {
            bc_node *cond = st->kind == S_FOR ? st->b : st->a;
            if (cond) {
                if ((rc = bc__eval(S, cond, &v)))
                    return rc;
                bool t = !bn_is_zero(&v);
                bn_free(&S->bc, &v);
                if (!t)
                    break;
            }
            rc = bc__exec(S, st->kind == S_FOR ? st->d : st->b);
            if (rc == BCX_BREAK)
                break;
            if (rc && rc != BCX_CONT)
                return rc;
            if (st->kind == S_FOR && st->c) {
                if ((rc = bc__eval(S, st->c, &v)))
                    return rc;
                bn_free(&S->bc, &v);
            }
            if (bi_cancelled(S->cmd)) {
                S->quit = true;
                S->status = 130;
                return BCX_ERR;
            }
        }
        return BCX_OK;
    case S_BREAK:
        return BCX_BREAK;
    case S_CONT:
        return BCX_CONT;
    case S_HALT:
        S->quit = true;
        return BCX_HALT;
    case S_RETURN:
        bn_free(&S->bc, &S->retval);
        if (st->a) {
            if ((rc = bc__eval(S, st->a, &v)))
                return rc;
            bn_move(&S->bc, &S->retval, &v);
        }
        return BCX_RETURN;
    default:
        return BCX_OK;
    }
}

/* ------------------------------------------------------------------ driver */

/* Skips to the end of the current line after a syntax error. */
static void bc__recover(bc_state *S)
{
    while (S->tok != T_NL && S->tok != T_EOF)
        bc__lex(S);
}

/* Parses and runs every item of one source text. */
static void bc__run_source(bc_state *S, const char *src, size_t len, const char *fname)
{
    S->src = src;
    S->len = len;
    S->pos = 0;
    S->fname = fname;
    S->line = 1;
    bc__lex(S);
    while (!S->quit) {
        if (S->tok == T_EOF)
            break;
        S->had_err = false;
        S->gen = 0;
        S->pdepth = 0;
        if (S->tok == T_NL || S->tok == ';') {
            bc__lex(S);
            continue;
        }
        if (S->tok == T_DEFINE) {
            if (!bc__define(S) && !S->quit)
                bc__recover(S);
            continue;
        }
        /* one line: statements separated by ';' up to a newline */
        bc_node *item = bc__node(S, S_BLOCK);
        bool ok = true;
        for (;;) {
            if (S->tok == T_NL || S->tok == T_EOF)
                break;
            if (S->tok == ';') {
                bc__lex(S);
                continue;
            }
            bc_node *st = bc__stmt(S);
            if (!st || S->had_err) {
                ok = false;
                break;
            }
            if (st->kind == S_STR && st->op) /* limits / warranty */
                bc__print_str(S, st->str, st->slen, false);
            bc__push(S, item, st);
            if (S->tok != ';' && S->tok != T_NL && S->tok != T_EOF) {
                bc__syntax(S);
                ok = false;
                break;
            }
        }
        if (S->quit && !ok && !S->had_err) {
            bc__free_node(S, item);
            break;
        }
        if (!ok) {
            bc__free_node(S, item);
            bc__recover(S);
            continue;
        }
        S->curfunc = "(main)";
        int x = bc__exec(S, item);
        bc__free_node(S, item);
        if (x == BCX_HALT || S->quit)
            break;
        if (bi_out_failed(S->cmd))
            break;
    }
}

int bi_bc(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"interactive", 0, 'i'}, {"mathlib", 0, 'l'}, {"quiet", 0, 'q'},
        {"standard", 0, 's'},    {"warn", 0, 'w'},    {"help", 0, 'h'},
        {"version", 0, 'v'},     {0, 0, 0},
    };
    bi_opt o;
    bi_opt_init(&o, cmd, "hilqswv", longs, NULL);
    bool mathlib = false, interactive = false, quiet = false;
    bc_state *S = mem_calloc(cmd->heap, 1, sizeof *S);
    if (!S)
        return bi_err(cmd, "memory exhausted");
    S->cmd = cmd;
    int opt;
    while ((opt = bi_opt_next(&o)) != BI_OPT_END) {
        switch (opt) {
        case 'h':
            bi_outs(cmd, bc_help);
            return bi_done(cmd, 0);
        case 'v':
            bi_outs(cmd, "bc 1.07.1 " BI_VERSION_TEXT);
            return bi_done(cmd, 0);
        case 'l': mathlib = true; break;
        case 'i': interactive = true; break;
        case 'q': quiet = true; break;
        case 's': S->posix = true; break;
        case 'w': S->warn = true; break;
        case BI_OPT_EXIT:
            return bi_done(cmd, o.status);
        default:
            bi_outs(cmd, bc_help);
            return bi_done(cmd, 1);
        }
    }
    S->bc.heap = cmd->heap;
    S->bc.cancel = cmd->cancel;
    S->bc.max_digits = BN_DEFAULT_MAX_DIGITS;
    S->ibase = S->obase = 10;
    S->curfunc = "(main)";
    S->line_len = 70;
    const char *ll = bi_getvar(cmd, "BC_LINE_LENGTH");
    if (ll) {
        long v = strtol(ll, NULL, 10);
        S->line_len = (v < 3 && v != 0) ? 70 : (v > INT_MAX ? INT_MAX : (int)v);
    }
    if (interactive && !quiet)
        bi_outs(cmd, "bc 1.07.1\n"
                     "Copyright 1991-1994, 1997, 1998, 2000, 2004, 2006, 2008, 2012-2017 "
                     "Free Software Foundation, Inc.\n"
                     "This is free software with ABSOLUTELY NO WARRANTY.\n"
                     "For details type `warranty'. \n");
    if (mathlib) {
        bool posix = S->posix, warn = S->warn;
        S->posix = S->warn = false;
        bc__run_source(S, bc_mathlib, sizeof bc_mathlib - 1, "(library)");
        S->posix = posix;
        S->warn = warn;
    }
    for (int i = o.ind; i < cmd->argc && !S->quit; i++) {
        int err = 0;
        stream *in = bi_open_read(cmd, cmd->argv[i], &err);
        if (!in) {
            bi_flush(cmd);
            char *m = mem_printf(cmd->heap, "File %s is unavailable.\n", cmd->argv[i]);
            if (m)
                bi_errw(cmd, m, strlen(m));
            return bi_done(cmd, 1);
        }
        char *data = NULL;
        size_t len = 0;
        int rc = bi_slurp(cmd, in, &data, &len);
        stream_unref(in);
        if (rc < 0)
            return bi_done(cmd, bi_errno(cmd, cmd->argv[i], rc));
        bc__run_source(S, data, len, cmd->argv[i]);
    }
    if (!S->quit) {
        if (!S->stdin_read) {
            S->stdin_read = true;
            if (bi_slurp(cmd, cmd->in, &S->stdin_data, &S->stdin_len) < 0)
                S->stdin_len = 0;
        }
        /* what read() took is gone */
        size_t off = S->stdin_pos;
        S->stdin_pos = 0;
        bc__run_source(S, S->stdin_data ? S->stdin_data + off : "", S->stdin_len - off, NULL);
    }
    return bi_done(cmd, S->status);
}
