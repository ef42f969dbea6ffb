/*
 * bc internals shared by builtins/bc.c (options, output, messages, names,
 * the driver that reads and runs each item), builtins/bc_parse.c (lexer and
 * parser to a tree) and builtins/bc_run.c (the tree's evaluation). One
 * bc_state per run, all memory from the command's heap.
 */
#ifndef VB_BUILTINS_BC_H
#define VB_BUILTINS_BC_H

#include <stdbool.h>
#include <stddef.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/bignum.h"

#define BC_MAX_DEPTH 1000
#define BC_MAX_NEST 500
#define BC_MAX_NEST_STR "500"

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

/* Tokens of the lexer (characters stand for themselves below 256). */
enum {
    T_EOF = 256, T_NL, T_NUM, T_NAME, T_STR, T_ASSIGN, T_REL, T_INCR, T_DECR, T_AND, T_OR,
    T_DEFINE, T_AUTO, T_RETURN, T_IF, T_ELSE, T_WHILE, T_FOR, T_BREAK, T_CONTINUE, T_HALT,
    T_QUIT, T_PRINT, T_SQRT, T_LENGTH, T_SCALE, T_IBASE, T_OBASE, T_LAST, T_READ, T_LIMITS,
    T_WARRANTY, T_VOID, T_ERR,
};

/* ------------------------------------------------ bc.c: output, messages, names */

/* One output character, with GNU's line splitting (backslash-newline at
 * the line length). */
void bc_outc(bc_state *S, char ch);
/* A number in obase; 0 or a runtime error's status. */
int bc_num_out(bc_state *S, const bn *x);
/* A parse error "(standard_in) N: ..." (fmt takes one %s: arg). */
void bc_perr(bc_state *S, const char *fmt, const char *arg);
/* A runtime error at GNU code address adr; returns BCX_ERR. */
int bc_rt(bc_state *S, int adr, const char *fmt, const char *arg);
/* A runtime warning at GNU code address adr. */
void bc_rtwarn(bc_state *S, int adr, const char *msg);
/* A bignum failure as a runtime error. */
int bc_bnerr(bc_state *S, int adr, int rc);
/* Grows *arr (elements of elem bytes) to hold need; false when out of memory. */
bool bc_grow(bc_state *S, void **arr, int *alloc, int need, size_t elem);
/* Index of a variable, array or function name (added on first use), -1
 * when out of memory. */
int bc_var_id(bc_state *S, const char *name);
int bc_arr_id(bc_state *S, const char *name);
int bc_func_id(bc_state *S, const char *name);
/* The current value of a variable (created zero on first use). */
bn *bc_var_value(bc_state *S, int id);
/* The current instance of an array (created empty on first use). */
bc_array *bc_arr_value(bc_state *S, int id);
void bc_array_free(bc_state *S, bc_array *a);

/* ------------------------------------------------ bc_parse.c: lexer and parser */

/* Reads the next token into S->tok (S->tstr / S->tlen for names, numbers
 * and strings). */
int bc_lex(bc_state *S);
bc_node *bc_node_new(bc_state *S, int kind);
void bc_free_node(bc_state *S, bc_node *nd);
/* Appends child to parent's list; false when out of memory. */
bool bc_push(bc_state *S, bc_node *parent, bc_node *child);
/* Reports a syntax error at the current token. */
void bc_syntax(bc_state *S);
/* One statement, NULL after a syntax error. */
bc_node *bc_stmt(bc_state *S);
/* An assignment or ++/-- (whose value a statement does not print). */
bool bc_is_assignish(const bc_node *e);
/* define NAME ( params ) { [newlines] [auto list] statements } */
bool bc_define(bc_state *S);

/* ------------------------------------------------ bc_run.c: evaluation */

/* Runs one statement: BCX_OK, BCX_BREAK ... BCX_ERR. */
int bc_exec(bc_state *S, bc_node *st);
/* A string of a print statement or a bare string (escapes: print's). */
void bc_print_str(bc_state *S, const char *s, size_t n, bool escapes);

#endif
