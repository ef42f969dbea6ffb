/*
 * sed's internal form, shared by the parser (sed_parse.c) and the executor
 * (sed.c). A script is compiled once into an array of commands; jumps and
 * block ends are indices into it.
 */
#ifndef VB_BUILTINS_SED_INT_H
#define VB_BUILTINS_SED_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/regex.h"

enum sed_addr_kind {
    SA_NONE, SA_LINE, SA_LAST, SA_REGEX, SA_STEP, SA_ZERO,
    SA_PLUS,   /* addr2 only: +N */
    SA_TILDE,  /* addr2 only: ~N */
};

typedef struct sed_addr {
    enum sed_addr_kind kind;
    uint64_t n1, n2;      /* LINE: n1; STEP: first n1, step n2; PLUS/TILDE: n1 */
    rx *re;               /* REGEX; NULL = the last regex used */
} sed_addr;

/* A piece of an s replacement. */
enum sed_rkind { SR_LIT, SR_GROUP, SR_CASE };
enum { SC_NONE, SC_LOWER1, SC_UPPER1, SC_LOWER, SC_UPPER, SC_END };

typedef struct sed_rpart {
    enum sed_rkind kind;
    const char *s;        /* SR_LIT */
    size_t n;
    int group;            /* SR_GROUP: 0 = & */
    int casev;            /* SR_CASE: SC_* */
} sed_rpart;

typedef struct sed_wfile {
    const char *name;
    stream *s;            /* opened at parse time (truncated), NULL for stdout */
    bool to_stdout, to_stderr;
    struct sed_wfile *next;
} sed_wfile;

typedef struct sed_rfile {  /* R: a file read one line per use */
    const char *name;
    stream *s;
    bi_reader rd;
    bool opened, eof;
    struct sed_rfile *next;
} sed_rfile;

typedef struct sed_cmd {
    sed_addr a1, a2;
    bool negate;
    char cmd;
    /* range state */
    bool in_range;
    uint64_t range_end;   /* PLUS: last line of the range */
    /* a i c, labels, file names */
    char *text;
    size_t textlen;
    int jump;             /* b t T: target index (ncmds = end); {: index of its } */
    /* s */
    rx *re;               /* NULL = last regex */
    sed_rpart *rp;
    int nrp;
    bool gflag, pflag, eflag;
    uint64_t nth;         /* 0: first (or all with g) */
    int maxref;
    sed_wfile *wf;
    sed_rfile *rf;
    /* y */
    uint32_t *yfrom, *yto;
    size_t ylen;
    unsigned char ymap[256];
    bool ybytes;          /* single-byte map in ymap */
    /* q Q: exit status; l: width (-1 = default) */
    int64_t num;
    bool hasnum;
} sed_cmd;

typedef struct sed_prog {
    sed_cmd *cmds;
    int n, cap;
    sed_wfile *wfiles;
    sed_rfile *rfiles;
    bool hash_n;          /* script starts with "#n\n" */
} sed_prog;

typedef struct sed_opts {
    bool quiet, ere, separate, inplace, nulldata, unbuffered, posix, sandbox, follow;
    const char *suffix;
    int64_t linewrap;
    int rxflags;          /* RX_UTF etc. */
} sed_opts;

/* One piece of script: a -e expression (number idx) or a -f file. */
typedef struct sed_src {
    const char *text;
    size_t len;
    int expr_no;          /* -e expression #N; 0 for a file */
    const char *file;     /* -f FILE */
} sed_src;

/* Compiles the pieces into prog. Returns 0, or 1 after printing GNU's
 * message ("sed: -e expression #1, char 3: ..."). */
int sed_compile(vb_cmd *cmd, const sed_opts *o, const sed_src *src, int nsrc, sed_prog *prog);

#endif
