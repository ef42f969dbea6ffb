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

#include "builtins/bc.h"

VB_BUILTIN("bc", bi_bc, BI_UTIL)

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

/* ------------------------------------------------------------------ output */

void bc_outc(bc_state *S, char ch)
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
        bc_outc(S, s[i]);
}

int bc_num_out(bc_state *S, const bn *x)
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

void bc_perr(bc_state *S, const char *fmt, const char *arg)
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

int bc_rt(bc_state *S, int adr, const char *fmt, const char *arg)
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

void bc_rtwarn(bc_state *S, int adr, const char *msg)
{
    char *full = mem_printf(S->cmd->heap, "Runtime warning (func=%s, adr=%d): %s\n",
                            S->curfunc, adr, msg);
    if (full)
        bi_errw(S->cmd, full, strlen(full));
    mem_free(S->cmd->heap, full);
}

/* A bignum failure as a runtime error. */
int bc_bnerr(bc_state *S, int adr, int rc)
{
    switch (rc) {
    case BN_EDIVZERO:
        return bc_rt(S, adr, "Divide by zero", NULL);
    case BN_ENEGSQRT:
        return bc_rt(S, adr, "Square root of a negative number", NULL);
    case BN_ELIMIT: {
        char m[96];
        snprintf(m, sizeof m, "number too large (limit: %zu digits)", S->bc.max_digits);
        return bc_rt(S, adr, "%s", m);
    }
    case BN_ECANCEL:
        S->quit = true;
        S->status = 130;
        return BCX_ERR;
    default:
        return bc_rt(S, adr, "out of memory", NULL);
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

bool bc_grow(bc_state *S, void **arr, int *alloc, int need, size_t elem)
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

int bc_var_id(bc_state *S, const char *name)
{
    int id = bc__name(S, &S->vnames, name);
    if (id >= 0 && !bc_grow(S, (void **)&S->vars, &S->nvars_alloc, id + 1, sizeof(bc_var)))
        return -1;
    return id;
}

int bc_arr_id(bc_state *S, const char *name)
{
    int id = bc__name(S, &S->anames, name);
    if (id >= 0 && !bc_grow(S, (void **)&S->arrs, &S->narrs_alloc, id + 1, sizeof(bc_arr)))
        return -1;
    return id;
}

int bc_func_id(bc_state *S, const char *name)
{
    int id = bc__name(S, &S->fnames, name);
    if (id >= 0 && !bc_grow(S, (void **)&S->funcs, &S->nfuncs_alloc, id + 1, sizeof(bc_func)))
        return -1;
    if (id >= 0 && !S->funcs[id].name)
        S->funcs[id].name = S->fnames.name[id];
    return id;
}

/* The current value of a variable (created zero on first use). */
bn *bc_var_value(bc_state *S, int id)
{
    bc_var *v = &S->vars[id];
    if (!v->n) {
        if (!bc_grow(S, (void **)&v->v, &v->cap, 1, sizeof(bn)))
            return NULL;
        bn_init(&v->v[0]);
        v->n = 1;
    }
    return &v->v[v->n - 1];
}

bc_array *bc_arr_value(bc_state *S, int id)
{
    bc_arr *a = &S->arrs[id];
    if (!a->n) {
        if (!bc_grow(S, (void **)&a->v, &a->cap, 1, sizeof(bc_array *)))
            return NULL;
        a->v[0] = mem_calloc(S->cmd->heap, 1, sizeof(bc_array));
        if (!a->v[0])
            return NULL;
        a->n = 1;
    }
    return a->v[a->n - 1];
}

void bc_array_free(bc_state *S, bc_array *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++)
        bn_free(&S->bc, &a->v[i]);
    mem_free(S->cmd->heap, a->v);
    mem_free(S->cmd->heap, a);
}

/* ------------------------------------------------------------------ driver */

/* Skips to the end of the current line after a syntax error. */
static void bc__recover(bc_state *S)
{
    while (S->tok != T_NL && S->tok != T_EOF)
        bc_lex(S);
}

/* Parses and runs every item of one source text. */
static void bc__run_source(bc_state *S, const char *src, size_t len, const char *fname)
{
    S->src = src;
    S->len = len;
    S->pos = 0;
    S->fname = fname;
    S->line = 1;
    bc_lex(S);
    while (!S->quit) {
        if (S->tok == T_EOF)
            break;
        S->had_err = false;
        S->gen = 0;
        S->pdepth = 0;
        if (S->tok == T_NL || S->tok == ';') {
            bc_lex(S);
            continue;
        }
        if (S->tok == T_DEFINE) {
            if (!bc_define(S) && !S->quit)
                bc__recover(S);
            continue;
        }
        /* one line: statements separated by ';' up to a newline */
        bc_node *item = bc_node_new(S, S_BLOCK);
        bool ok = true;
        for (;;) {
            if (S->tok == T_NL || S->tok == T_EOF)
                break;
            if (S->tok == ';') {
                bc_lex(S);
                continue;
            }
            bc_node *st = bc_stmt(S);
            if (!st || S->had_err) {
                ok = false;
                break;
            }
            if (st->kind == S_STR && st->op) /* limits / warranty */
                bc_print_str(S, st->str, st->slen, false);
            bc_push(S, item, st);
            if (S->tok != ';' && S->tok != T_NL && S->tok != T_EOF) {
                bc_syntax(S);
                ok = false;
                break;
            }
        }
        if (S->quit && !ok && !S->had_err) {
            bc_free_node(S, item);
            break;
        }
        if (!ok) {
            bc_free_node(S, item);
            bc__recover(S);
            continue;
        }
        S->curfunc = "(main)";
        int x = bc_exec(S, item);
        bc_free_node(S, item);
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

