/*
 * The bash parser: hand-written recursive descent, one function per grammar
 * rule (interp/parser.c), over a lexer that knows here-documents, quoting and
 * reserved-word positions (interp/lexer.c).
 *
 * Bash reads a script one complete command at a time and runs it before
 * reading the next (an alias defined on line 1 applies on line 2; a syntax
 * error on line 5 comes after lines 1-4 ran). The parser works the same way:
 * parser_next returns the next top-level command list (up to an unquoted
 * newline at top level, with its here-documents read).
 *
 * The parser works on its own (no shell state but the alias callback), so it
 * can be fuzzed and reused by tools.
 */
#ifndef VB_INTERP_PARSER_H
#define VB_INTERP_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/mem.h"
#include "interp/ast.h"

typedef struct parser parser;

typedef struct parser_opts {
    /* Alias expansion (expand_aliases): returns the alias text or NULL.
     * May be NULL. */
    const char *(*alias)(void *ctx, const char *name);
    void *alias_ctx;
    int max_depth;          /* nesting limit (0 = 1000) */
    int first_line;         /* line number of the first line (default 1) */
    bool extglob;           /* extglob patterns are words (shopt -s extglob) */
    /* Warnings (here-document delimited by end-of-file): msg is bash's text
     * without the "NAME: line N: " prefix, e.g. "warning: here-document at
     * line 1 delimited by end-of-file (wanted `EOF')". May be NULL. */
    void (*warn)(void *ctx, int line, const char *msg);
    void *warn_ctx;
    /* The shell's [[ ]] parser state (NULL: none kept). bash 5.2 keeps a
     * stale state after a syntax error inside [[ ]]: the next [[ parsed by
     * that shell fails at its first word. The parser sets *cond_stale when
     * it returns such an error and clears it when a [[ used it up. */
    bool *cond_stale;
} parser_opts;

typedef struct parse_error {
    int line;               /* line of the error */
    char *msg;              /* heap string: bash's text without the "NAME: line N: " prefix,
                               e.g. "syntax error near unexpected token `fi'" */
    bool depth_limit;       /* the error is the nesting limit */
    bool incomplete;        /* input ended inside a construct (interactive: read more) */
    /* Non-interactive bash (-c, scripts) prints a second line after the
     * message for "syntax error near unexpected token" errors:
     *     NAME: -c: line N: `<src_line>'
     * src_line is that source line (heap string, no newline), NULL for the
     * errors where bash prints no second line (unexpected end of file,
     * unexpected EOF while looking for ..., [[ ]] errors). */
    char *src_line;
    /* A second message line with the same prefix (NULL: none), e.g.
     * "syntax error: `((i=0; i<3))'" after a bad for (( )) header. */
    char *msg2;
    int msg2_line;          /* the line msg2 names; 0: the line of msg */
    /* A [[ ]] error inside a $( ) or <( ) read with the command: bash 5.2
     * ends the shell (status 1 in a script file, 127 otherwise) */
    bool in_subst;
    bool cond_error;        /* the error is inside [[ ]] */
    /* The exit status bash leaves after this error: 2, except 0 for the
     * errors inside [[ ]] (bash 5.2 prints the message and its status stays 0;
     * a script still stops there). */
    int status;
    /* Errors inside [[ ]] (bash's COND_ERROR): bash treats the rest of the
     * input as ended, so $? keeps the status of the last command run
     * (status above is 0 for them, the usual value), or 2 in eval and
     * source texts. */
    bool keep_status;
    /* The error prints nothing: a term expected inside [[ ]] is `]]'
     * ([[ ]], [[ ! ]], [[ a && ]]). msg still says what went wrong. */
    bool silent;
} parse_error;

/* src is borrowed and must outlive the parser and every node it returns
 * only if parser_opts says so: nodes copy what they keep. Nodes are
 * allocated on h. */
parser *parser_new(mem_heap *h, const char *src, size_t len, const parser_opts *opts);
void parser_free(parser *p);
/* Sets whether extglob is on for what follows (shopt -s extglob mid-script). */
void parser_set_extglob(parser *p, bool on);
/* 1: *out holds the next command list (may be NULL for an empty line);
 * 0: end of input; -1: syntax error in *err (the parser is then at end). */
int parser_next(parser *p, ast_node **out, parse_error *err);
/* Line number the parser has reached (for LINENO of the next command). */
int parser_line(const parser *p);

/* Whole-text parse (for function bodies given as text, `bash -n`, fuzzing):
 * every command as one N_LIST. Returns 0 / -1 as parser_next. */
int parse_all(mem_heap *h, const char *src, size_t len, const parser_opts *opts,
              ast_node **out, parse_error *err);

/* Debug/test dump of a tree as an S-expression (tests/unit/parser_test.c). */
struct vbuf;
void ast_dump(const ast_node *n, struct vbuf *out);
/* bash 5.2's text of a $( ) body (interp/deparse.c). */
void deparse_comsub(const ast_node *body, struct vbuf *out);

#endif
