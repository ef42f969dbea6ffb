/*
 * Internals shared by the lexer (interp/lexer.c) and the grammar
 * (interp/parser.c). Not for other modules: they use interp/parser.h.
 *
 * Input is a stack of layers: the script at the bottom, alias texts and
 * backquote bodies pushed on top. Characters are read with lx_peek (any
 * distance ahead, across layers) and consumed with lx_adv, which also counts
 * lines (bottom layer only) and copies consumed bytes into the recorder when a
 * recording is open (word and function source text).
 *
 * Bash's lexing depends on context, so the lexer is driven by the parser:
 * p->ctx says whether an assignment may start here (name=( arrays) and
 * whether we are inside [[ ]] (where < > ( ) mean other things).
 */
#ifndef VB_INTERP_LEXER_H
#define VB_INTERP_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/mem.h"
#include "interp/ast.h"
#include "interp/parser.h"

typedef enum lx_tok_kind {
    T_EOF,
    T_WORD,
    T_NEWLINE,
    T_SEMI,      /* ; */
    T_AMP,       /* & */
    T_AND_AND,   /* && */
    T_OR_OR,     /* || */
    T_PIPE,      /* | */
    T_PIPE_AMP,  /* |& */
    T_DSEMI,     /* ;; */
    T_SEMI_AMP,  /* ;& */
    T_DSEMI_AMP, /* ;;& */
    T_LPAREN,    /* ( */
    T_RPAREN,    /* ) */
    T_REDIR,     /* any redirection operator, with its fd / {var} prefix */
    T_ASSIGN_ARRAY, /* name=( ... ): assign holds it */
} lx_tok_kind;

/* What a plain word is, found once when it is lexed (reserved words are
 * compared by this code, not by text). */
typedef enum lx_rw {
    RW_NONE,
    RW_IF, RW_THEN, RW_ELSE, RW_ELIF, RW_FI, RW_DO, RW_DONE, RW_CASE, RW_ESAC,
    RW_WHILE, RW_UNTIL, RW_FOR, RW_SELECT, RW_IN, RW_FUNCTION, RW_COPROC,
    RW_TIME, RW_BANG, RW_LBRACE, RW_RBRACE, RW_DLBRACK, RW_DRBRACK,
    RW_DECL,     /* declare typeset local export readonly: assignment builtins */
} lx_rw;

/* The code of a plain word (RW_NONE for any other text). */
lx_rw lx_reserved(const char *s);

typedef struct lx_tok {
    lx_tok_kind kind;
    lx_rw rw;            /* T_WORD with plain: its reserved-word code */
    int line;
    ast_word *word;      /* T_WORD */
    const char *plain;   /* T_WORD with no quoting nor expansion: its text (reserved words, aliases) */
    /* T_REDIR */
    ast_redir_op op;
    int fd;
    char *fd_var;
    bool strip;          /* <<- */
    ast_assign *assign;  /* T_ASSIGN_ARRAY */
    char *text;          /* operator text for error messages */
} lx_tok;

typedef struct lx_layer {
    const char *s;
    size_t len, pos;
    size_t limit;        /* reading stops here (here-doc bodies); normally len */
    bool barrier;        /* end of this layer is end of input (backquote bodies) */
    bool lines;          /* newlines here count as lines (the script itself) */
    char *alias;         /* alias whose text this is (recursion guard); may be NULL */
    bool blank_end;      /* alias text ends in a blank: check the word after it */
} lx_layer;

typedef struct lx_heredoc {
    ast_redir *r;
    char *delim;
    size_t dlen;
    int line;            /* line of the << operator */
} lx_heredoc;

enum {
    LX_ASSIGN = 1,       /* an assignment word may start here */
    LX_COND = 2,         /* inside [[ ]] */
    LX_REGEX = 4,        /* right operand of =~ */
};

struct parser {
    mem_heap *h;
    parser_opts opts;
    lx_layer *layers;
    int nlayers, caplayers;
    int line;
    bool ends_nl;        /* the script ends with a newline */
    bool eof_nl;         /* the newline added at the end was returned */
    int cond_line;       /* line of the [[ being parsed */
    bool in_cond;        /* parsing [[ ]]: errors leave status 0 */

    vbuf rec;            /* recorder of consumed text */
    int rec_depth;
    size_t rec_budget;   /* bytes lx_rec_end may still copy in full */
    char *owned_src;     /* the input without its NUL bytes, when it had some */

    lx_tok tok;          /* one token of look-ahead */
    bool have_tok;
    int ctx;             /* LX_* for the next token */

    lx_heredoc *hd;      /* pending here-documents (read after the next newline) */
    size_t nhd, caphd;

    bool in_heredoc;     /* reading an unquoted here-document body (not a "..." in it) */
    bool alias_next;     /* the last alias ended in a blank: check the next word */
    bool extglob;

    int depth;           /* current nesting */
    int max_depth;
    bool failed;         /* an error is recorded in err */
    bool at_eof;
    parse_error err;
    int cmd_start_line;  /* first line of the command being parsed */
    const char *end_ptr, *end_base; /* end of the last compound command's text */

    /* The tree's arena: nodes, words and their texts are cut from blocks
     * taken from h (never freed one by one: the caller frees h). */
    char *ar_next, *ar_end;
    size_t ar_block;     /* size of the next block (grows to PS_AR_MAX) */
    size_t ar_total;     /* bytes of blocks taken so far */
};

/* ---- characters (lexer.c) */
/* The character k ahead (-1: end of input); lx_peek_layers looks past
 * the top layer. */
int lx_peek_layers(parser *p, size_t k);
static inline int lx_peek(parser *p, size_t k)
{
    const lx_layer *L = &p->layers[p->nlayers - 1];
    if (k < L->limit - L->pos)
        return (unsigned char)L->s[L->pos + k];
    return lx_peek_layers(p, k);
}
/* Appends one byte to b (the common case inline). */
static inline void lx_buf_addc(vbuf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        vbuf_addc(b, c);
    }
}
void lx_adv_slow(parser *p);
/* Consumes one byte: counts lines (bottom layer), records it when a
 * recording is open. */
static inline void lx_adv(parser *p)
{
    lx_layer *L = &p->layers[p->nlayers - 1];
    if (L->pos >= L->limit) {
        lx_adv_slow(p);
        return;
    }
    char c = L->s[L->pos++];
    if (c == '\n' && L->lines)
        p->line++;
    if (p->rec_depth > 0)
        lx_buf_addc(&p->rec, c);
}
bool lx_push(parser *p, const char *s, size_t len, bool barrier, char *alias);
bool lx_alias_active(const parser *p, const char *name);
size_t lx_rec_begin(parser *p);
char *lx_rec_end(parser *p, size_t mark);

/* Does "((" start arithmetic? k: offset just past the two parens
 * (parser_word.c). */
bool lx_scan_arith(parser *p, size_t k);
/* Pieces of for (( a ; b ; c )): the word up to ';' (*end ';') or "))"
 * (*end ')') (parser_word.c). */
ast_word *lx_arith_part(parser *p, int line, int *end);
/* Registers the here-document of r (delimiter word w) as pending (lexer.c). */
bool lx_add_heredoc(parser *p, ast_redir *r, const ast_word *w);

/* ---- tokens (lexer.c) */
lx_tok *lx_peek_tok(parser *p);
void lx_take(parser *p);
/* Reads the here-documents that are pending (after a newline or at EOF). */
void lx_read_heredocs(parser *p);

/* Parses one arithmetic expression up to "))" (the "((" consumed): as a
 * word (parser_word.c). */
ast_word *lx_arith_word(parser *p, int line);

/* ---- nested parses, called by the word reader (parser.c) */
/* A command substitution body up to its closing ')' (consumed); NULL when
 * empty or on error. */
ast_node *ps_subst_body(parser *p, int close);
/* Every command of the current (barrier) input layer: backquote bodies. */
ast_node *ps_layer_body(parser *p);

/* ---- grammar helpers (parser.c, parser_cond.c) */
/* Peeks the next token, lexed with ctx unless one is already read. */
lx_tok *ps_peek(parser *p, int ctx);
bool ps_is_plain(const lx_tok *t, const char *s);
bool ps_enter(parser *p);
ast_node *ps_new_node(parser *p, ast_kind k, int line);
/* [[ ... ]] after the "[[" (parser_cond.c). */
ast_node *ps_cond(parser *p, int line);

/* ---- errors (parser.c) */
void ps_error(parser *p, int line, const char *msg, bool incomplete);
void ps_error_tok(parser *p, const lx_tok *t);
void ps_error_eof_match(parser *p, int line, const char *what);
void ps_error_unexpected_char(parser *p, int c);
int ps_eof_line(const parser *p);
char *ps_line_text(parser *p, int line);

/* ---- words (parser_word.c) */
/* One word at the current position (regex: the operand of =~). With
 * LX_ASSIGN in ctx, name=, name+=, name[i]= and name=( ) make *assign. */
ast_word *lx_word(parser *p, bool regex, int ctx, ast_assign **assign);
/* An unquoted here-document body, read from the current (pushed) layer. */
ast_word *lx_heredoc_word(parser *p, int line, char *text);

/* A word of one AP_LIT part. */
ast_word *ast_word_lit(parser *p, const char *s, size_t n, int line);

/* ---- the tree's arena (lexer.c): never mem_free/mem_realloc these */
/* n zeroed bytes, 8-byte aligned; NULL (and the error set) when out of memory. */
void *ps_alloc(parser *p, size_t n);
/* A NUL-terminated copy of s[0..n) in the arena. */
char *ps_strndup(parser *p, const char *s, size_t n);
char *ps_strdup(parser *p, const char *s);
/* Moves a heap array (tmp, from mem_alloc/mem_realloc) of n bytes into the
 * arena and frees tmp; NULL when n is 0. */
void *ps_seal(parser *p, void *tmp, size_t n);
/* A copy of src[0..n) in the arena (8-byte aligned); NULL on error. */
void *ps_copy(parser *p, const void *src, size_t n);

/* ---- small helpers (lexer.c) */
bool lx_is_name(const char *s, size_t n);
bool lx_is_blank(int c);
bool lx_is_meta(int c);
bool lx_is_name_start(int c);
bool lx_is_name_char(int c);
bool lx_is_digit(int c);
/* vbuf contents as an exact-size heap string ("" when empty); frees b. */
char *lx_take_str(parser *p, vbuf *b, size_t *len);
/* Enters one nesting level; false (and the error set) past the limit. */
bool lx_depth_enter(parser *p);

#endif
