/*
 * awk internals shared by builtins/awk*.c: values, the compiled program
 * tree, and the runtime state. The program is parsed once into a tree whose
 * variable references are resolved to slots (globals, locals, specials), so
 * running a record never re-parses anything.
 *
 * All memory comes from the command's heap (freed with the command); strings
 * are immutable and reference counted so values are cheap to copy.
 */
#ifndef VB_BUILTINS_AWK_H
#define VB_BUILTINS_AWK_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/regex.h"

typedef struct awk awk;

/* ------------------------------------------------------------------ strings */
typedef struct astr {
    int refs;
    size_t len;
    char data[]; /* NUL-terminated; may hold NULs inside */
} astr;

astr *astr_new(awk *A, const char *s, size_t len);
static inline astr *astr_ref(astr *s) { if (s) s->refs++; return s; }
void astr_unref(awk *A, astr *s);

/* ------------------------------------------------------------------ values */
enum { AV_UNINIT, AV_NUM, AV_STR, AV_STRNUM };

typedef struct aval {
    int type;
    double num;   /* AV_NUM, AV_STRNUM */
    astr *s;      /* AV_STR, AV_STRNUM (owned reference); may be NULL for AV_NUM */
} aval;

/* ------------------------------------------------------------------ arrays */
typedef struct aelem {
    astr *key;
    aval val;
    struct aelem *next_hash;   /* chain */
    struct aelem *prev, *next; /* insertion order */
    /* gawk's layout, which `for (k in a)` follows (see awk_run.c) */
    struct aelem *gnext;       /* chain in a string table */
    uint32_t gcode;            /* string table: the key's hash code */
    int32_t ik;                /* integer tables: the key's value */
    uint8_t kclass;            /* AK_*: what kind of subscript the key is */
    uint8_t gtype;             /* AG_*: the table that holds it */
    bool kstrnum;              /* created by a strnum subscript (an input field) */
} aelem;

enum { AK_UINT, AK_NEG, AK_STR };         /* integer >= 0, integer < 0, other */
enum { AG_NULL, AG_CINT, AG_INT, AG_STR }; /* gawk's array table types */

typedef struct agtab agtab;

typedef struct aarray {
    aelem **tab;
    size_t nbuckets, count;
    aelem *first, *last;
    agtab *g;                  /* gawk's tables for the traversal order */
} aarray;

/* A variable cell: a scalar, an array, or (function locals) a reference to
 * the caller's cell (arrays and untyped variables are passed by reference). */
enum { AC_UNTYPED, AC_SCALAR, AC_ARRAY, AC_REF };

typedef struct acell {
    int kind;
    aval v;
    aarray *arr;
    struct acell *ref;
} acell;

/* ------------------------------------------------------------------ tree */
typedef enum anode_kind {
    /* expressions */
    AN_NUM, AN_STR, AN_REGEX,          /* literals; AN_REGEX alone matches $0 */
    AN_GLOBAL, AN_LOCAL, AN_FIELD,     /* lvalues */
    AN_INDEX,                          /* array[subscripts] (a = var node, b = subscript list) */
    AN_ASSIGN,                         /* op: '=', '+', '-', '*', '/', '%', '^' */
    AN_COND, AN_AND, AN_OR, AN_NOT,
    AN_BINARY,                         /* op: + - * / % ^ */
    AN_CMP,                            /* op: '<' 'l'(<=) '>' 'g'(>=) '=' (==) '!' (!=) */
    AN_MATCH,                          /* op: '~' or '!' ; b: regex or expression */
    AN_CONCAT, AN_NEG, AN_PLUS,
    AN_PREINC, AN_PREDEC, AN_POSTINC, AN_POSTDEC,
    AN_IN,                             /* (subscripts) in array */
    AN_CALL,                           /* user function */
    AN_BUILTIN,                        /* builtin function: op = AB_* */
    AN_GETLINE,                        /* op: 0 plain, '<' file, '|' command; a: lvalue or NULL; b: file/cmd */
    AN_GROUP,                          /* (expr): keeps `print (a)>b` apart */
    /* statements */
    AN_PRINT, AN_PRINTF,               /* list = args; op = 0, '>', 'a' (>>), '|'; b = target */
    AN_EXPR, AN_BLOCK, AN_IF, AN_WHILE, AN_DO, AN_FOR, AN_FORIN,
    AN_NEXT, AN_NEXTFILE, AN_EXIT, AN_RETURN, AN_BREAK, AN_CONTINUE,
    AN_DELETE,                         /* a = array var, list = subscripts or NULL (all) */
    AN_GETLINE_STMT,
} anode_kind;

enum {
    AB_LENGTH, AB_SUBSTR, AB_INDEX, AB_SPLIT, AB_SUB, AB_GSUB, AB_MATCH, AB_SPRINTF,
    AB_SIN, AB_COS, AB_ATAN2, AB_EXP, AB_LOG, AB_SQRT, AB_INT, AB_RAND, AB_SRAND,
    AB_TOLOWER, AB_TOUPPER, AB_SYSTEM, AB_CLOSE, AB_FFLUSH, AB_GENSUB, AB_STRFTIME,
    AB_SYSTIME, AB_MKTIME, AB_ASORT, AB_ASORTI, AB_ISARRAY, AB_TYPEOF, AB_AND, AB_OR,
    AB_XOR, AB_LSHIFT, AB_RSHIFT, AB_COMPL, AB_STRTONUM, AB_PATSPLIT,
};

typedef struct anode anode;
struct anode {
    anode_kind kind;
    int op;
    int line;
    double num;          /* AN_NUM */
    astr *str;           /* AN_STR, AN_REGEX (source) */
    rx *re;              /* AN_REGEX: compiled */
    int slot;            /* AN_GLOBAL / AN_LOCAL / AN_CALL (function index) */
    anode *a, *b, *c, *d;/* operands / cond,body / init,cond,step,body */
    anode **list;        /* arguments, statements, subscripts */
    int nlist;
};

typedef struct afunc {
    char *name;
    int nparams;
    char **params;
    anode *body;         /* NULL until defined */
    int line;
} afunc;

typedef struct aitem {   /* pattern-action pair */
    anode *pat, *pat2;   /* pat2: range end */
    anode *action;       /* NULL: print $0 */
    bool in_range;
} aitem;

/* Special variables have fixed global slots. */
enum {
    AS_NF, AS_NR, AS_FNR, AS_FS, AS_OFS, AS_ORS, AS_RS, AS_FILENAME, AS_SUBSEP,
    AS_RSTART, AS_RLENGTH, AS_CONVFMT, AS_OFMT, AS_ENVIRON, AS_ARGC, AS_ARGV,
    AS_RT, AS_IGNORECASE, AS_FIELDWIDTHS, AS_FPAT, AS_PROCINFO,
    AS__COUNT
};

/* ------------------------------------------------------------------ I/O */
typedef struct aout {      /* an output redirection: file or command */
    astr *name;
    int kind;              /* '>' file, 'a' append, '|' command */
    stream *s;             /* files */
    vbuf pipe;             /* commands: the text given to the command at close */
    struct aout *next;
} aout;

/* A source of records: main input files, getline files and commands. */
typedef struct arsrc {
    stream *s;             /* owned reference */
    bi_reader r;
    char *all;             /* regex RS: the whole input, read once */
    size_t alllen, allpos;
    bool slurped, eof;
} arsrc;

typedef struct ain {       /* a getline source: file or command output */
    astr *name;
    int kind;              /* '<' file, '|' command */
    arsrc src;
    int status;            /* command's exit status (close) */
    struct ain *next;
} ain;

/* ------------------------------------------------------------------ state */
struct awk {
    vb_cmd *cmd;
    mem_heap *heap;

    /* program */
    aitem *begin_items, *end_items, *main_items, *beginfile_items, *endfile_items;
    int nbegin, nend, nmain, nbeginfile, nendfile;
    afunc *funcs;
    int nfuncs, capfuncs;
    char **gnames;          /* global names by slot */
    int nglobals, capglobals;
    int ncells;             /* cells allocated in globals (>= nglobals once running) */

    /* runtime */
    acell *globals;
    acell *frame;           /* current function's locals */
    int depth;
    aval retval;

    /* record and fields */
    astr *record;           /* $0 */
    aval *fields;           /* $1..$NF (index 1..) */
    /* fields not yet converted to values: bytes of $0 (split is lazy: a
     * field becomes a value the first time it is used) */
    struct afref { size_t off, len; bool lazy; } *fref;
    int nf, capfields;
    int fmode;              /* field splitting by the last one set: 0 FS, 1 FIELDWIDTHS, 2 FPAT */
    bool fields_valid;      /* fields split from record */
    bool record_valid;      /* record rebuilt from fields */

    /* main input */
    int argi;               /* next ARGV index to look at */
    arsrc main;             /* current main input */
    bool in_open, in_eof_all, used_stdin;
    astr *rt;               /* RT of the last record */
    astr *rt_one;           /* cached one-character RT (RS as a single char) */
    vbuf rbuf;              /* scratch for rebuilding $0 (kept between records) */

    /* regex cache for dynamic regexes */
    struct arxc { astr *src; rx *re; int icase; } rxcache[64];
    int rxnext;

    aout *outs;
    ain *ins;

    uint64_t seed, prev_seed;
    uint64_t rng;
    double ops;             /* cancellation check counter */
    int exit_code;
    bool exiting;
    int flow;               /* AF_* */
    char *err;              /* fatal error text (heap) */
    bool posix_utf;         /* UTF-8 locale: length/substr/index count characters */
    bool mb_warned;         /* gawk's invalid multibyte warning was given */
    locale_t loc;           /* C.UTF-8 for toupper/tolower of non-ASCII letters, made on first need */
    const char *progname;
    const char *srcname;    /* "cmd. line" or the -f file */
    int line;               /* line of the statement running (messages) */
    const char *stack_top;  /* C stack at the command's entry: deep programs stop */
};

/* Nesting (parse or evaluation) stops when it has used this much C stack
 * (the virtual process has 8 MiB; sanitizer frames are several times larger). */
#define AWK_STACK_BUDGET (3u << 20)
static inline bool awk_deep(const awk *A)
{
    char here;
    return A->stack_top && A->stack_top > &here && (size_t)(A->stack_top - &here) > AWK_STACK_BUDGET;
}

enum { AF_NONE, AF_NEXT, AF_NEXTFILE, AF_EXIT, AF_RETURN, AF_BREAK, AF_CONTINUE, AF_ERROR };

/* awk_parse.c */
int awk_parse(awk *A, const char *src, size_t len, const char *srcname);
int awk_global_slot(awk *A, const char *name);

/* awk_order.c: gawk's layout of an array, for the order of `for (k in a)` */
uint32_t awk_ord_strhash(const char *s, size_t len);
/* Sets e's key class (nonint: the subscript was a number that is not an
 * integer, whatever its string) and hash code. */
void awk_ord_classify(aelem *e, bool nonint);
int awk_ord_add(awk *A, aarray *a, aelem *e);
void awk_ord_del(awk *A, aarray *a, aelem *e);
void awk_ord_clear(awk *A, aarray *a);
/* Fills out (room for a->count) with the elements in gawk's order. */
size_t awk_ord_list(const aarray *a, aelem **out);

/* awk_run.c */
int awk_run(awk *A);
void awk_setvar_str(awk *A, int slot, const char *s, size_t len, bool strnum);
/* ARGV / ENVIRON set-up: arr[key] = val (strnum when it looks numeric). */
void awk_array_put(awk *A, int slot, const char *key, const char *val, bool strnum);
/* Allocates the global cells (after parsing; again when names are added). */
int awk_grow_globals(awk *A);
int awk_fatal(awk *A, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* gawk's regexp escapes made plain for the regex engine: \y (word boundary),
 * \b \a \f \n \r \t \v, octal \ooo and hex \xHH bytes, \8 \9 digits. */
void awk_rx_prep(const char *s, size_t n, vbuf *out);

#endif
