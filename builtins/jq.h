/*
 * jq internals shared by builtins/jq*.c: JSON values, the program tree and
 * the evaluator's interface.
 *
 * Values are immutable and reference counted (copy-on-write when a path
 * update finds a value with one owner). Objects keep insertion order, as jq
 * does. Numbers are doubles; a number that comes from a literal (JSON text,
 * the program, tonumber) keeps its canonical decimal text when that differs
 * from the double's (jq 1.7: 1.000, 1E+1000, 100000000000000000000000000001)
 * and prints it while no arithmetic touches it.
 *
 * Evaluation is callback based: eval(node, input, env, emit) calls emit once
 * per output; emit returns JQ_OK to ask for more, or a stop code that
 * unwinds (JQ_STOP for limit/first, JQ_BREAK for label/break, JQ_ERR with
 * the error value in jq->err). Backtracking is the natural recursion.
 */
#ifndef VB_BUILTINS_JQ_H
#define VB_BUILTINS_JQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "builtins/lib/bi.h"

typedef struct jq jq;
typedef struct jv jv;

typedef enum {
    JV_NULL, JV_FALSE, JV_TRUE, JV_NUMBER, JV_STRING, JV_ARRAY, JV_OBJECT, JV_INVALID
} jv_kind;

typedef struct jv_okey {
    jv *key;   /* a string */
    jv *val;
} jv_okey;

struct jv {
    int refs;
    jv_kind kind;
    union {
        struct {
            double n;
            char *lit;    /* canonical literal text when it differs from n's, or NULL (owned) */
            bool islit;   /* came from a literal: compared by decimal value with other literals */
        } num;
        struct { char *s; size_t len; } str;
        struct { jv **v; size_t n, cap; } arr;
        struct { jv_okey *e; size_t n, cap; uint32_t *idx; size_t nidx; } obj;
    } u;
};

/* constructors: a new reference */
jv *jv_null(jq *J);
jv *jv_bool(jq *J, bool b);
jv *jv_num(jq *J, double d);
jv *jv_str(jq *J, const char *s, size_t len);
jv *jv_strz(jq *J, const char *s);
jv *jv_arr(jq *J);
jv *jv_obj(jq *J);
static inline jv *jv_ref(jv *v) { if (v) v->refs++; return v; }
void jv_unref(jq *J, jv *v);

/* mutators take ownership of a and return the (possibly copied) result */
jv *jv_arr_push(jq *J, jv *a, jv *x);                  /* takes x */
jv *jv_arr_set(jq *J, jv *a, size_t i, jv *x);         /* grows with nulls; takes x */
jv *jv_obj_set(jq *J, jv *o, jv *key, jv *val);        /* takes key and val */
jv *jv_obj_del(jq *J, jv *o, const char *k, size_t klen);
jv *jv_obj_get(const jv *o, const char *k, size_t klen); /* borrowed or NULL */

bool jv_truthy(const jv *v);
int jv_cmp(const jv *a, const jv *b);   /* jq's total order */
bool jv_equal(const jv *a, const jv *b);
const char *jv_kind_name(jv_kind k);

/* JSON text */
typedef struct jv_parser jv_parser;
typedef struct jv_sparser jv_sparser;
/* Parses one value from s[*pos..len); 1 value, 0 end of input, -1 error (*err set). */
int jv_parse_next(jq *J, const char *s, size_t len, size_t *pos, jv **out, char **err);
/* --stream: an incremental parser producing jq's streaming events. feed
 * appends the events of buf[0..n) to *events (an array); eof says the input
 * ended. 0, or -1 with *err (heap) on a parse error: the events before it
 * are in *events. */
jv_sparser *jv_sparser_new(jq *J);
void jv_sparser_free(jq *J, jv_sparser *p);
int jv_sparser_feed(jq *J, jv_sparser *p, const char *buf, size_t n, bool eof, jv **events, char **err);
int jv_sparser_line(const jv_sparser *p);
/* --stream-errors: jq's path at the error; the parser starts afresh. */
jv *jv_sparser_recover(jq *J, jv_sparser *p);
enum { JV_PRINT_PRETTY = 1, JV_PRINT_SORTED = 2, JV_PRINT_ASCII = 4, JV_PRINT_COLOR = 8,
       JV_PRINT_TAB = 16 };
void jv_dump(jq *J, const jv *v, int flags, int indent, vbuf *out);
/* A number as jq prints it (17 significant digits, integers plain). */
void jv_num_text(double d, char *buf, size_t cap);
/* A number from the literal text t[0..n) (JSON or jq syntax, already
 * validated), with value d: keeps the literal's canonical text. */
jv *jv_num_lit(jq *J, double d, const char *t, size_t n);
/* Appends a number as it prints (its literal text, else the double's). */
void jv_num_dump(const jv *v, vbuf *out);

/* the program */
typedef enum jn_kind {
    JN_IDENTITY, JN_RECURSE, JN_LITERAL, JN_STRING,  /* string: parts (literals and \(e)), fmt */
    JN_FORMAT,            /* @name alone: str = name */
    JN_FIELD,             /* a.name  (a may be NULL = .) */
    JN_INDEX,             /* a[b] */
    JN_SLICE,             /* a[b:c] (b or c may be NULL) */
    JN_ITERATE,           /* a[] */
    JN_TRY,               /* try a catch b; also a? (b NULL) */
    JN_ARRAY,             /* [a] (a may be NULL) */
    JN_OBJECT,            /* {k: v, ...}: kids are key, value pairs */
    JN_NEG,
    JN_PIPE, JN_COMMA, JN_ALT, JN_AND, JN_OR,
    JN_BINOP,             /* op: + - * / % */
    JN_CMP,               /* op: '=' (==) '!' (!=) '<' 'l' (<=) '>' 'g' (>=) */
    JN_ASSIGN,            /* op: '=' plain, '|' update, '+' '-' '*' '/' '%' 'a' (//=) */
    JN_IF,                /* a cond, b then, c else (NULL: .) */
    JN_REDUCE,            /* a source, pat, b init, c update */
    JN_FOREACH,           /* a source, pat, b init, c update, d extract (may be NULL) */
    JN_FUNCDEF,           /* name, params, a body, b rest */
    JN_CALL,              /* name, kids = args */
    JN_VAR,               /* $name */
    JN_AS,                /* a source, pat (or several: alternatives ?//), b body */
    JN_LABEL,             /* name, a body */
    JN_BREAK,             /* name */
    JN_PATTERN,           /* destructuring: op 'v' $var, 'a' array (kids), 'o' object (kids: key, pattern) */
} jn_kind;

typedef struct jnode jnode;
struct jnode {
    jn_kind kind;
    int op;
    char *name;           /* field, function, variable, label, format */
    jv *val;              /* JN_LITERAL (owned) */
    jnode *a, *b, *c, *d;
    jnode *pat;           /* JN_REDUCE / JN_FOREACH / JN_AS */
    jnode **kids;
    int nkids;
    char **params;        /* JN_FUNCDEF */
    int nparams;
    int line, col;        /* for $__loc__ and messages */
};

jnode *jq_compile(jq *J, const char *src, size_t len, char **err);

enum { JQ_OK = 0, JQ_STOP = 1, JQ_BREAK = 2, JQ_ERR = 3, JQ_HALT = 4 };

/* Runs the program on one input; emit gets each output (borrowed). */
typedef int (*jq_emit_fn)(jq *J, jv *out, void *ctx);
int jq_run(jq *J, jnode *prog, jv *input, jq_emit_fn emit, void *ctx);

/* Undefined functions, variables and labels of a compiled program: jq's
 * messages for all of them ("jq: error: f/1 is not defined at <top-level>,
 * line 1:" ... "jq: N compile errors"), or NULL. src is the program text.
 * Heap string. */
char *jq_check_program(jq *J, const jnode *prog, const char *src, size_t len);

/* Error text of jq->err for messages ("jq: error (at <stdin>:N): ..."). Heap string. */
char *jq_error_text(jq *J, jv *err);

struct jq {
    vb_cmd *cmd;
    mem_heap *heap;
    jv *err;              /* JQ_ERR: the error value (owned) */
    jv *named_args;       /* $ARGS.named (object) */
    jv *positional;       /* $ARGS.positional (array) */
    jv **vars;            /* --arg/--argjson globals: names and values */
    char **varnames;
    int nvars;
    uint64_t steps;       /* cancellation counter */
    int depth;
    /* inputs: for input/inputs */
    int (*next_input)(jq *J, jv **out);
    const char *input_name;  /* input_filename */
    long label_seq;
    long break_label;     /* the label a JQ_BREAK unwinds to */
    int halt_code;
    bool halted;
    bool limited;         /* a session limit (memory, time, cancel) ended the run */
    jv *halt_msg;
    bool ascii;           /* -a */
    struct jenv *prelude; /* the prelude's definitions (evaluator-owned) */
    jv *env;              /* $ENV */
    int line_no;          /* input line for messages */
    void *input_hook;     /* ctx of next_input */
    const char *stack_top; /* an address near the top of the command's C stack */
    char *colors[7];      /* JQ_COLORS: null false true numbers strings arrays objects (NULL: default) */
};

#endif
