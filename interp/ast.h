/*
 * The syntax tree of a bash script, produced by interp/parser.c and read by
 * interp/exec*.c and interp/expand.c. Read-only once parsed: expansion builds
 * new values and never edits a node. Every node carries the line it starts on
 * (LINENO, error messages). All nodes of one parse live on one arena-like heap
 * owned by the caller of parse (freed together).
 *
 * Words keep their quoting structure as a list of parts, so expansion knows
 * which characters were quoted (no control bytes inside strings).
 *
 * What the parser produces (interp/parser.c; docs/parser.md has the details):
 * - parser_next returns an N_LIST (one top-level line); parse_all one N_LIST
 *   of every command. Compound bodies (then/do/{ }/( )/$( )...) are N_LISTs.
 * - A pipeline of one command without ! or time is that command itself;
 *   N_PIPELINE otherwise. `!` or `time` alone give an N_PIPELINE with
 *   nitems == 0 (bash: `!` is status 1, `time` prints the times).
 * - Unquoted here-document bodies: the parts of a "..." word without the
 *   quotes (AP_LIT text is quoted text: no splitting, no globbing; " stays
 *   as written); quoted delimiters: one AP_SQ part (no part when empty).
 * - Adjacent AP_LIT parts may occur (an assignment word is "name=" + value
 *   parts); AP_SQ also carries \c escapes and decoded $'...'.
 * - N_FOR/N_SELECT var is the word as written: bash reports "`1': not a
 *   valid identifier" when it runs, not when it parses. N_COPROC var is
 *   "COPROC" unless named. N_ARITH_FOR words are NULL when empty or blank.
 * - ast_case_item.body is NULL for an empty item.
 * - ${x@Z}, ${x!}, ${#x:-y}, ${1x} ... parse as PO_BAD (bash reports "bad
 *   substitution" when it expands them).
 */
#ifndef VB_INTERP_AST_H
#define VB_INTERP_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ast_node ast_node;
typedef struct ast_word ast_word;
typedef struct ast_part ast_part;
typedef struct ast_redir ast_redir;
typedef struct ast_assign ast_assign;
typedef struct ast_cond ast_cond;

/* ------------------------------------------------------------------ words */
typedef enum ast_part_kind {
    AP_LIT,        /* unquoted text: may hold glob chars, braces, '~' at start */
    AP_SQ,         /* '...' or $'...' (already decoded) or \c: quoted text */
    AP_DQ,         /* "...": children in parts (AP_LIT inside are quoted) */
    AP_LOCALE,     /* $"...": as AP_DQ */
    AP_PARAM,      /* $name, ${...} */
    AP_CMDSUB,     /* $( ... ) or `...` */
    AP_ARITH,      /* $(( ... )) */
    AP_PROCSUB,    /* <( ... ) or >( ... ) */
} ast_part_kind;

/* Parameter expansion operators: ${name OP word}. */
typedef enum ast_param_op {
    PO_NONE,       /* $x ${x} */
    PO_LENGTH,     /* ${#x} */
    PO_DEFAULT,    /* ${x-w}  ${x:-w} (colon flag) */
    PO_ASSIGN,     /* ${x=w}  ${x:=w} */
    PO_ERROR,      /* ${x?w}  ${x:?w} */
    PO_ALT,        /* ${x+w}  ${x:+w} */
    PO_TRIM_SHORT_LEFT,  /* ${x#p} */
    PO_TRIM_LONG_LEFT,   /* ${x##p} */
    PO_TRIM_SHORT_RIGHT, /* ${x%p} */
    PO_TRIM_LONG_RIGHT,  /* ${x%%p} */
    PO_REPLACE,          /* ${x/p/r} */
    PO_REPLACE_ALL,      /* ${x//p/r} */
    PO_REPLACE_PREFIX,   /* ${x/#p/r} */
    PO_REPLACE_SUFFIX,   /* ${x/%p/r} */
    PO_UPPER_FIRST,      /* ${x^p} */
    PO_UPPER_ALL,        /* ${x^^p} */
    PO_LOWER_FIRST,      /* ${x,p} */
    PO_LOWER_ALL,        /* ${x,,p} */
    PO_TOGGLE_FIRST,     /* ${x~p}: the first character's case swapped */
    PO_TOGGLE_ALL,       /* ${x~~p} */
    PO_SUBSTR,           /* ${x:off} ${x:off:len} (arith words) */
    PO_TRANSFORM,        /* ${x@Q} etc.: op_char holds the letter */
    PO_PREFIX_NAMES,     /* ${!prefix*} / ${!prefix@} (at flag) */
    PO_KEYS,             /* ${!arr[@]} / ${!arr[*]} */
    PO_BAD,              /* not a valid ${...}: bash reports "${...}: bad substitution"
                            when it is expanded (src holds the text) */
} ast_param_op;

typedef struct ast_param {
    char *name;          /* "x", "1", "@", "*", "#", "?", "-", "$", "!", "0", "_" */
    ast_word *index;     /* may be NULL: arr[index]; "@"/"*" as a word of one AP_LIT */
    bool indirect;       /* ${!name...} (not the PREFIX_NAMES/KEYS forms) */
    bool colon;          /* ':' variant of - = ? + */
    bool braced;         /* written ${...} */
    ast_param_op op;
    char op_char;        /* PO_TRANSFORM letter; PO_PREFIX_NAMES/KEYS: '*' or '@' */
    ast_word *arg;       /* may be NULL: word / pattern / offset */
    ast_word *arg2;      /* may be NULL: replacement / length */
    char *src;           /* the expansion as written ("${x:-a}", "$x"): error messages */
} ast_param;

/* The fields a part uses depend on its kind: they share storage (an
 * anonymous union), so read only the ones of the part's kind. */
struct ast_part {
    ast_part_kind kind;
    bool backquote;      /* AP_CMDSUB written `...` */
    bool procsub_out;    /* AP_PROCSUB: >( ) */
    /* AP_CMDSUB written `...` whose text does not parse: bash parses a
     * backquote body only when it runs it, so the error is the command
     * substitution's, at run time. body is NULL; parse src then (with
     * parse_all) to get bash's message. */
    bool body_error;
    union {
        struct {             /* AP_LIT / AP_SQ */
            char *text;      /* bytes (shell strings drop NUL) */
            size_t len;
        };
        struct {             /* AP_DQ / AP_LOCALE */
            ast_part *parts; /* children (array) */
            size_t nparts;
        };
        ast_param *param;    /* AP_PARAM */
        struct {             /* AP_CMDSUB / AP_PROCSUB / AP_ARITH */
            union {
                ast_node *body;  /* AP_CMDSUB / AP_PROCSUB: parsed list (may be NULL: empty) */
                ast_word *arith; /* AP_ARITH: expression text as a word (expanded, then evaluated) */
            };
            char *src;       /* original source text (for $_ , set -x, errors) */
            /* AP_CMDSUB whose text spans lines: the text bash runs (its
             * reformatted $( ), a `...` or here-document one as written),
             * numbered from the line of the command that expands it. */
            char *ltext;
            /* AP_CMDSUB $( ): bash 5.2's text of the body as declare -f
             * shows it (NULL: as written) */
            char *dtext;
        };
    };
};

struct ast_word {
    ast_part *parts;     /* array */
    char *src;           /* the word as written (for set -x / error text / alias) */
    /* An argument of declare/typeset/local/export/readonly written as an
     * assignment (x=1, a[2]=v, a=(1 2)): the parsed assignment, as bash's
     * assignment builtins treat such words (no splitting, arrays). May be
     * NULL. parts/src still hold the word as written. */
    ast_assign *assign;
    uint32_t nparts;
    int line;
};

/* ------------------------------------------------------------------ redirections */
typedef enum ast_redir_op {
    R_IN,          /* <   */
    R_OUT,         /* >   */
    R_CLOBBER,     /* >|  */
    R_APPEND,      /* >>  */
    R_INOUT,       /* <>  */
    R_DUP_IN,      /* <&  (target word: fd number, '-' close, or N- move) */
    R_DUP_OUT,     /* >&  */
    R_OUT_ERR,     /* &>  and >&word when word is not a number */
    R_APPEND_ERR,  /* &>> */
    R_HEREDOC,     /* <<  <<- */
    R_HERESTRING,  /* <<< */
} ast_redir_op;

struct ast_redir {
    ast_redir_op op;
    int fd;              /* explicit fd, or -1 for the default (0 or 1) */
    char *fd_var;        /* {var}>file: may be NULL */
    ast_word *target;    /* file / fd word / here-string; for heredocs: the body */
    bool heredoc_quoted; /* delimiter was quoted: body is literal (one AP_SQ part) */
    bool heredoc_strip;  /* <<- */
    int line;
    ast_redir *next;
    /* R_HEREDOC: the delimiter word as written (quotes kept) and the line
     * that ends the body (declare -f prints the here-document back). */
    char *heredoc_word;
    char *heredoc_end;
};

/* ------------------------------------------------------------------ assignments */
struct ast_assign {
    char *name;
    ast_word *index;     /* may be NULL: name[index]=value */
    bool append;         /* += */
    ast_word *value;     /* may be NULL for name= ; NULL when array is set */
    ast_word **array;    /* (a b [k]=v): elements; NULL-free array of narray words */
    size_t narray;
    bool is_array;       /* name=( ... ) */
    int line;
    ast_assign *next;
};

/* ------------------------------------------------------------------ [[ ]] */
typedef enum ast_cond_kind {
    C_AND, C_OR, C_NOT,  /* left (and right) */
    C_UNARY,             /* op ("-f", "-z", "-v"...) word */
    C_BINARY,            /* word op word: "==", "=", "!=", "=~", "<", ">", "-eq", "-nt"... */
    C_WORD,              /* a single word: true when non-empty */
} ast_cond_kind;

struct ast_cond {
    ast_cond_kind kind;
    char *op;
    ast_cond *left, *right;
    ast_word *w1, *w2;   /* operands; w2 of == != is a pattern, of =~ a regex */
    int line;
    int parens;          /* ( ) written around this expression (kept by declare -f) */
};

/* ------------------------------------------------------------------ commands */
typedef enum ast_kind {
    N_SIMPLE,      /* assigns words redirs */
    N_PIPELINE,    /* cmds[ncmds]; negate; timed; pipe_err[i]: |& after cmds[i] */
    N_AND,         /* left && right */
    N_OR,          /* left || right */
    N_LIST,        /* items[n]: each with its own `background` flag (&) */
    N_SUBSHELL,    /* ( body ) */
    N_GROUP,       /* { body; } */
    N_IF,          /* cond then else_ (else_ may be another N_IF for elif) */
    N_WHILE,       /* cond body */
    N_UNTIL,       /* cond body */
    N_FOR,         /* var words (NULL: "$@") body */
    N_ARITH_FOR,   /* init cond step (arith words, may be NULL) body */
    N_SELECT,      /* var words body */
    N_CASE,        /* word items */
    N_COND,        /* [[ cond ]] */
    N_ARITH,       /* (( expr )) */
    N_FUNCDEF,     /* name body (a compound command with its redirs) */
    N_COPROC,      /* name body */
} ast_kind;

typedef struct ast_case_item {
    ast_word **patterns;
    size_t npatterns;
    ast_node *body;      /* may be NULL */
    int term;            /* 0 ";;", 1 ";&", 2 ";;&" */
    int line;
} ast_case_item;

/* The fields a node uses depend on its kind (see ast_kind): they share
 * storage (anonymous unions), so read only the ones of the node's kind.
 * The flags are one-bit fields so that kind, flags and line fit 8 bytes
 * (a node is 48 bytes). */
struct ast_node {
    ast_kind kind : 8;
    bool background : 1; /* this item of an N_LIST ends with & */
    bool negate : 1, timed : 1, time_posix : 1; /* N_PIPELINE */
    bool has_in : 1;     /* N_FOR / N_SELECT */
    int line;
    ast_redir *redirs;   /* compound commands and simple commands */
    union {
        struct {                 /* N_SIMPLE */
            ast_assign *assigns;
            ast_word **words;
            size_t nwords;
        };
        struct {                 /* N_PIPELINE, N_LIST */
            ast_node **items;
            size_t nitems;
            bool *pipe_err;      /* N_PIPELINE: |& after items[i] */
        };
        struct {                 /* N_AND, N_OR */
            ast_node *left, *right;
        };
        /* compound commands, N_FUNCDEF, N_COPROC: four slots, each a union
         * of the fields the kinds put there */
        struct {
            union {
                ast_node *body;      /* all but N_IF N_CASE N_COND N_ARITH */
                ast_node *then;      /* N_IF */
                ast_word *subject;   /* N_CASE */
                ast_cond *cexpr;     /* N_COND */
            };
            union {
                char *var;           /* N_FOR / N_SELECT variable, N_FUNCDEF / N_COPROC name */
                ast_node *cond;      /* N_IF, N_WHILE, N_UNTIL */
                ast_word *arith_init; /* N_ARITH_FOR (may be NULL); N_ARITH */
                ast_case_item *cases; /* N_CASE */
            };
            union {
                ast_node *else_;     /* N_IF: may be NULL, or an N_IF for elif */
                ast_word **list;     /* N_FOR / N_SELECT words; NULL when "in" was absent */
                ast_word *arith_cond; /* N_ARITH_FOR (may be NULL) */
                size_t ncases;       /* N_CASE */
                char *src;           /* N_FUNCDEF: function text for `declare -f` / `type` */
            };
            union {
                size_t nlist;        /* N_FOR / N_SELECT */
                ast_word *arith_step; /* N_ARITH_FOR (may be NULL) */
            };
        };
    };
};

#endif
