/*
 * Helpers shared by the text-stream commands (cat, head, wc, cut, sort...):
 * the operand loop and GNU's per-operand error messages. Owned by the text
 * commands.
 */
#ifndef VB_BUILTINS_TEXT_UTIL_H
#define VB_BUILTINS_TEXT_UTIL_H

#include "builtins/lib/bi.h"

/* How errors on an operand read. */
enum tx_style {
    TX_PLAIN = 0,   /* "cat: 'a b': No such file or directory" (quotef) */
    TX_OPEN = 1,    /* "head: cannot open 'x' for reading: ..." and
                     * "head: error reading 'x': ..." (quoteaf) */
    TX_NONAME = 2,  /* reads: "base64: read error: Is a directory" (no
                     * name); opens as TX_PLAIN */
};

/* Called once per operand with its open stream (borrowed). Returns 0, 1
 * (an error already reported: final status 1) or <0 to stop the loop. */
typedef int (*tx_each_fn)(vb_cmd *cmd, stream *s, const char *name, void *ctx);

/* Runs fn over operands ops[0..n) ("-" = stdin; none = stdin alone).
 * An operand that cannot be opened gets its message and status 1, and the
 * loop goes on (GNU). Returns the final status (0 or 1). */
int tx_each_operand(vb_cmd *cmd, int n, char **ops, tx_each_fn fn, void *ctx, int style);

/* One stream_read of up to n bytes after a cancellation check. Returns
 * bytes, 0 at end, <0 on error (reported in `style` when name is not NULL). */
ssize_t tx_read(vb_cmd *cmd, stream *s, const char *name, void *buf, size_t n, int style);

/* Reports a read error on an operand; returns 1. Cancellation and EPIPE
 * are silent. */
int tx_read_error(vb_cmd *cmd, const char *name, int neg, int style);
/* A failed bi_slurp: past the memory or file-size limit the session's
 * limit is hit (named, the script ends: returns its status); other errors
 * are read errors. */
int tx_slurp_error(vb_cmd *cmd, const char *name, int neg);
/* Reports an open error on an operand; returns 1. */
int tx_open_error(vb_cmd *cmd, const char *name, int neg, int style);

/* GNU argmatch: the index of arg in names (exact or unique prefix), or
 * -1 after printing "invalid/ambiguous argument ‘x’ for ‘--opt’", the
 * valid arguments (names sharing a value in vals are listed on one line;
 * vals may be NULL) and the Try line. */
int tx_argmatch(vb_cmd *cmd, const char *opt, const char *arg, const char *const *names,
                const int *vals, int n);

/* Appends s quoted for the shell ('...' with '\'' for quotes). */
void tx_shquote(vbuf *b, const char *s);
/* Runs argv[0..argc) in a subshell with a prepared prelude: the script is
 * PRELUDE followed by "exec -- ARGV..." (each word quoted). Returns the
 * command's status, or -1. */
int tx_run_with_prelude(vb_cmd *cmd, const char *prelude, char *const *argv, int argc);

/* Display width of a code point as wcwidth in a UTF-8 locale: -1 for
 * control characters, 0 for combining marks, 2 for East Asian wide. */
int tx_wcwidth(uint32_t cp);
/* Decodes one UTF-8 character of s[0..n): its length (1-4) with *cp set,
 * 0 when the sequence is cut short by n (more input may complete it), -1
 * for an invalid byte. */
int tx_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* true when the session's locale (LC_ALL, LC_CTYPE, LANG) is UTF-8. */
bool tx_utf8_locale(vb_cmd *cmd);

#endif
