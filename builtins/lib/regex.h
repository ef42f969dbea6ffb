/*
 * The shared regex layer: POSIX BRE / ERE (GNU flavour), PCRE and fixed
 * strings, all compiled to pcre2 (8-bit, JIT when available).
 *
 * BRE and ERE are translated to PCRE2 syntax (see docs/regex.md): GNU's
 * extensions (\| \+ \? \< \> \b \B \w \W \s \S \` \'), intervals,
 * back-references, bracket expressions with [:class:] [=c=] [.c.], and
 * GNU's error messages ("Unmatched ( or \\(", "Invalid back reference"...).
 * Where POSIX leftmost-longest differs from PCRE's leftmost-first (patterns
 * with alternation, quantified groups or several quantifiers) rx_exec with
 * RX_LONGEST returns the longest match at the leftmost position.
 *
 * Memory: an rx and everything it holds come from the heap given to
 * rx_compile, except the JIT's executable code, which pcre2 maps itself:
 * always call rx_free (error paths included), the heap's destruction alone
 * does not unmap it.
 * An rx is used by one thread at a time (it owns its match data).
 */
#ifndef VB_BUILTINS_REGEX_H
#define VB_BUILTINS_REGEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/mem.h"

typedef struct rx rx;
struct vb_cmd;

/* Compile flags. */
enum {
    RX_BRE = 0,            /* POSIX basic (GNU): grep -G, sed, expr */
    RX_ERE = 1,            /* POSIX extended (GNU): grep -E, sed -E, awk, [[ =~ ]], find */
    RX_PCRE = 2,           /* pcre2 syntax as is: grep -P, rg */
    RX_FIXED = 3,          /* a literal string: grep -F */
    RX_SYNTAX_MASK = 3,
    RX_ICASE = 1 << 2,     /* case-insensitive */
    RX_NEWLINE = 1 << 3,   /* subject is many lines: nothing matches '\n',
                            * ^ and $ match at line boundaries (grep's buffer search) */
    RX_MULTILINE = 1 << 4, /* ^ and $ also match around '\n' ('.' still matches it): sed's M */
    RX_UTF = 1 << 5,       /* UTF-8 locale: characters, not bytes; invalid bytes match nothing */
    RX_GREP = 1 << 6,      /* grep's leniency: leading '*' literal (warns), "a{1" and a lone
                            * ')' literal in ERE, as GNU grep's dfa */
    RX_WORD = 1 << 7,      /* match only whole words (grep -w) */
    RX_LINE = 1 << 8,      /* match only whole lines / the whole subject (grep -x) */
    RX_NOSUB = 1 << 9,     /* only "does it match" is asked: no leftmost-longest work */
    RX_POSIX = 1 << 10,    /* sed --posix: GNU extensions \| \+ \? are literal in BRE */
    RX_UCP = 1 << 11,      /* RX_PCRE + RX_UTF: Unicode \w \d \b (rg); POSIX syntaxes always are */
};

/* rx_exec flags. */
enum {
    RX_LONGEST = 1 << 0,   /* POSIX leftmost-longest (ignored for RX_PCRE/RX_FIXED) */
    RX_NOTEMPTY_ATSTART = 1 << 1, /* no empty match at `start` (s///g after an empty match) */
    RX_ANCHORED = 1 << 2,  /* the match must start at `start` */
};

/* Result codes (besides 1 = match, 0 = no match). */
enum {
    RX_ESYNTAX = -1,       /* bad pattern: *errmsg holds GNU's message */
    RX_ENOMEM = -2,
    RX_ELIMIT = -3,        /* match step/depth limit hit (catastrophic backtracking) */
    RX_EOTHER = -4,
};

#define RX_UNSET ((size_t)-1)

typedef struct rx_match {
    size_t so, eo;         /* whole match: [so, eo) */
    int n;                 /* pairs in ov: 1 + number of groups */
    const size_t *ov;      /* ov[2i], ov[2i+1]: group i, RX_UNSET if it took no part;
                            * borrowed from the rx, valid until its next rx_exec */
} rx_match;

/* One pattern. len may be (size_t)-1 for a NUL-terminated pattern. Returns 0,
 * RX_ESYNTAX with *errmsg (heap string, GNU's wording, no program prefix) or
 * RX_ENOMEM. errmsg may be NULL. */
int rx_compile(mem_heap *h, const char *pat, size_t len, int flags, rx **out, char **errmsg);
/* Several patterns, matching where any of them matches (grep -e A -e B,
 * grep -f). Back-references of each pattern refer to its own groups. */
int rx_compile_multi(mem_heap *h, const char *const *pats, const size_t *lens, size_t n,
                     int flags, rx **out, char **errmsg);
/* rx_compile with the command's heap, its locale (RX_UTF when LC_ALL /
 * LC_CTYPE / LANG say UTF-8) and the session's match limit. */
int rx_compile_cmd(struct vb_cmd *cmd, const char *pat, size_t len, int flags, rx **out,
                   char **errmsg);
/* RX_UTF when the command's locale is UTF-8, else 0. */
int rx_locale_flags(struct vb_cmd *cmd);

/* Match step limit (pcre2_set_match_limit; depth and heap limits follow);
 * 0 = pcre2's default. */
void rx_set_limit(rx *r, uint64_t steps);

/* Searches s[start..len) (the whole s is context for ^, \b, lookbehind).
 * Returns 1 (m filled; m may be NULL), 0, RX_ELIMIT or another RX_E*. */
int rx_exec(rx *r, const char *s, size_t len, size_t start, int eflags, rx_match *m);

/* Number of capture groups (without group 0). */
int rx_groups(const rx *r);
/* A warning from compilation ("* at start of expression"), or NULL. */
const char *rx_warning(const rx *r);
/* The pcre2 pattern the POSIX one was translated to (for tests, docs). */
const char *rx_pcre_source(const rx *r);
/* True when the pattern is a plain literal (no metacharacters, no -i/-w/-x);
 * *lit / *litlen get the literal (borrowed). rx_exec is already fast on
 * literals (pcre2's JIT scans for them with SIMD). */
bool rx_literal(const rx *r, const char **lit, size_t *litlen);
void rx_free(rx *r);

/* Translation alone (for tests): the pcre2 source of a BRE/ERE pattern, a
 * heap string, or NULL with *errmsg. group_base: groups already defined
 * before this pattern (back-references are shifted by it). */
char *rx_translate(mem_heap *h, const char *pat, size_t len, int flags, int group_base,
                   int *ngroups, char **errmsg);

#endif
