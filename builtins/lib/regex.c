/*
 * The shared regex layer over pcre2 (see regex.h and docs/regex.md).
 *
 * POSIX BRE/ERE patterns are translated to PCRE2 syntax by one pass over
 * the pattern (rx__translate). The translation keeps track of what it saw
 * (alternation, quantifiers, back-references) to decide whether
 * leftmost-first and leftmost-longest may differ; when they may, a callout
 * (?C1) is appended so that rx_exec can ask for the match that ends at a
 * given position, after pcre2_dfa_match (or an exhaustive callout walk when
 * the pattern has back-references) found the longest end.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/regex.h"

#define RX__DUP_MAX 32767
#define RX__MAXPATS_GROUPS 65535

struct rx {
    mem_heap *h;
    int flags;
    int ngroups;
    bool ambiguous;        /* leftmost-first may differ from leftmost-longest */
    bool backref;
    bool jit;              /* JIT code exists: pcre2_jit_match */
    bool literal;          /* lit holds the whole pattern (rx_literal) */
    char *lit;
    size_t litlen;
    char *src;             /* pcre2 source */
    size_t srclen;
    char *warning;
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    pcre2_code *code;
    pcre2_code *dcode;     /* for pcre2_dfa_match: code itself, or without MATCH_INVALID_UTF */
    pcre2_match_data *md;
    int *dfa_ws;
    size_t dfa_wslen;
    size_t *saved;         /* ovector copy while looking for a longer match */
    /* callout state for leftmost-longest */
    int co_mode;           /* 1 explore (record the furthest end), 2 target */
    size_t co_best, co_target;
};

/* ------------------------------------------------------------ allocation */

static void *rx__malloc(PCRE2_SIZE n, void *data) { return mem_alloc((mem_heap *)data, n); }
static void rx__free(void *p, void *data) { mem_free((mem_heap *)data, p); }

/* ------------------------------------------------------------ translation */

typedef struct rx__tr {
    mem_heap *h;
    const unsigned char *p;
    size_t len, i;
    int flags;
    bool ere, grep, utf, nl, posix;
    vbuf out;
    int group_base;        /* groups before this pattern */
    int ngroups;           /* groups opened so far in this pattern */
    int stack[256];        /* open groups: output offsets */
    int stackgrp[256];
    int depth;
    unsigned char done[(RX__MAXPATS_GROUPS + 8) / 8]; /* completed groups */
    long atom;             /* output offset of the last quantifiable atom, -1 none */
    bool atom_quant;       /* that atom already carries a quantifier */
    bool atom_group;
    int nquant;
    bool alt, qgroup, backref, meta;
    const char *err;
    const char *warn;
} rx__tr;

static void rx__emit(rx__tr *t, const char *s) { vbuf_adds(&t->out, s); }

/* Emits one literal byte, escaped for pcre2. */
static void rx__lit(rx__tr *t, unsigned char c)
{
    if (isalnum(c) || c >= 0x80) {
        vbuf_addc(&t->out, (char)c);
    } else if (c < 0x20 || c == 0x7f) {
        vbuf_printf(&t->out, "\\x{%x}", c);
    } else {
        vbuf_addc(&t->out, '\\');
        vbuf_addc(&t->out, (char)c);
    }
}

/* Length of the UTF-8 sequence at p (1 when invalid or not in UTF mode). */
static size_t rx__clen(const rx__tr *t, size_t i, uint32_t *cp)
{
    const unsigned char *p = t->p + i;
    size_t left = t->len - i;
    *cp = p[0];
    if (!t->utf || p[0] < 0xc2 || p[0] > 0xf4)
        return 1;
    size_t n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;
    if (n > left)
        return 1;
    uint32_t v = p[0] & (0x7f >> n);
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xc0) != 0x80)
            return 1;
        v = (v << 6) | (p[k] & 0x3f);
    }
    *cp = v;
    return n;
}

/* Starts a new atom at the current output position. */
static void rx__atom(rx__tr *t)
{
    t->atom = (long)t->out.len;
    t->atom_quant = false;
    t->atom_group = false;
}

static void rx__noatom(rx__tr *t)
{
    t->atom = -1;
    t->atom_quant = false;
    t->atom_group = false;
}

/* Wraps the last atom in (?: ) when it already has a quantifier: pcre2 reads
 * a** or a*? or a+* differently from POSIX. */
static int rx__quantify(rx__tr *t, const char *q)
{
    if (t->atom < 0)
        return -1;
    if (t->atom_quant) {
        size_t at = (size_t)t->atom;
        if (vbuf_reserve(&t->out, 4) != 0)
            return -1;
        memmove(t->out.data + at + 3, t->out.data + at, t->out.len - at);
        memcpy(t->out.data + at, "(?:", 3);
        t->out.len += 3;
        t->out.data[t->out.len] = 0;
        vbuf_addc(&t->out, ')');
    }
    rx__emit(t, q);
    t->nquant++;
    if (t->atom_group)
        t->qgroup = true;
    t->atom_quant = true;
    t->meta = true;
    return 0;
}

static const char *const rx__classes[] = {
    "alpha", "upper", "lower", "digit", "xdigit", "space", "print",
    "punct", "graph", "cntrl", "blank", "alnum", NULL
};

/* A bracket expression starting at t->i ('['). */
static int rx__bracket(rx__tr *t)
{
    size_t i = t->i + 1;
    bool neg = false;
    vbuf cls;
    vbuf_init(&cls, t->h);
    bool hasrange = false;
    if (i < t->len && t->p[i] == '^') {
        neg = true;
        i++;
    }
    /* "[:alpha:]" written without the outer brackets */
    if (i < t->len && t->p[i] == ':' && !neg) {
        size_t j = i + 1;
        while (j < t->len && t->p[j] != ']' && t->p[j] != ':')
            j++;
        if (j + 1 < t->len && t->p[j] == ':' && t->p[j + 1] == ']' && j > i + 1) {
            t->err = "!class";
            return -1;
        }
    }
    bool first = true;
    long prev_cp = -1;       /* last single char, for ranges */
    for (;;) {
        if (i >= t->len) {
            /* glibc: a pattern ending right after [ or [^ is invalid, not unmatched */
            t->err = first ? "Invalid regular expression" : "Unmatched [, [^, [:, [., or [=";
            return -1;
        }
        unsigned char c = t->p[i];
        if (c == ']' && !first)
            break;
        first = false;
        uint32_t cp;
        size_t clen;
        const unsigned char *cstart;
        if (c == '[' && i + 1 < t->len &&
            (t->p[i + 1] == ':' || t->p[i + 1] == '=' || t->p[i + 1] == '.')) {
            unsigned char kind = t->p[i + 1];
            size_t j = i + 2;
            while (j + 1 < t->len && !(t->p[j] == kind && t->p[j + 1] == ']'))
                j++;
            if (j + 1 >= t->len) {
                t->err = "Unmatched [, [^, [:, [., or [=";
                return -1;
            }
            size_t nlen = j - (i + 2);
            const char *name = (const char *)t->p + i + 2;
            if (kind == ':') {
                int k;
                for (k = 0; rx__classes[k]; k++)
                    if (strlen(rx__classes[k]) == nlen && memcmp(rx__classes[k], name, nlen) == 0)
                        break;
                if (!rx__classes[k]) {
                    t->err = "Invalid character class name";
                    return -1;
                }
                vbuf_printf(&cls, "[:%s:]", rx__classes[k]);
                hasrange = true;
                i = j + 2;
                if (i + 1 < t->len && t->p[i] == '-' && t->p[i + 1] != ']') {
                    t->err = "Invalid range end";
                    return -1;
                }
                prev_cp = -1;
                continue;
            }
            /* [=c=] and [.c.]: one character */
            uint32_t ecp;
            size_t el = nlen ? rx__clen(t, i + 2, &ecp) : 0;
            if (nlen == 0 || el != nlen) {
                t->err = kind == '.' ? "Invalid collation character" : "Invalid collation character";
                return -1;
            }
            cstart = t->p + i + 2;
            clen = el;
            cp = ecp;
            i = j + 2;
        } else {
            clen = rx__clen(t, i, &cp);
            cstart = t->p + i;
            i += clen;
        }
        /* a range? */
        if (i + 1 < t->len && t->p[i] == '-' && t->p[i + 1] != ']') {
            size_t k = i + 1;
            uint32_t cp2;
            size_t c2len;
            const unsigned char *c2start;
            if (t->p[k] == '[' && k + 1 < t->len && (t->p[k + 1] == '.' || t->p[k + 1] == '=')) {
                unsigned char kind = t->p[k + 1];
                size_t j = k + 2;
                while (j + 1 < t->len && !(t->p[j] == kind && t->p[j + 1] == ']'))
                    j++;
                if (j + 1 >= t->len) {
                    t->err = "Unmatched [, [^, [:, [., or [=";
                    return -1;
                }
                c2len = rx__clen(t, k + 2, &cp2);
                if (c2len != j - (k + 2)) {
                    t->err = "Invalid collation character";
                    return -1;
                }
                c2start = t->p + k + 2;
                i = j + 2;
            } else if (t->p[k] == '[' && k + 1 < t->len && t->p[k + 1] == ':') {
                t->err = "Invalid range end";
                return -1;
            } else {
                c2len = rx__clen(t, k, &cp2);
                c2start = t->p + k;
                i = k + c2len;
            }
            if (cp2 < cp) {
                t->err = "Invalid range end";
                return -1;
            }
            (void)c2start;
            if (t->utf || cp < 0x80)
                vbuf_printf(&cls, "\\x{%x}-\\x{%x}", (unsigned)cp, (unsigned)cp2);
            else
                vbuf_printf(&cls, "\\x{%x}-\\x{%x}", (unsigned)cp, (unsigned)cp2);
            hasrange = true;
            prev_cp = -1;
            continue;
        }
        prev_cp = (long)cp;
        if (clen > 1) {
            vbuf_add(&cls, cstart, clen);
        } else {
            unsigned char b = cstart[0];
            if (isalnum(b) || b >= 0x80)
                vbuf_addc(&cls, (char)b);
            else if (b < 0x20 || b == 0x7f)
                vbuf_printf(&cls, "\\x{%x}", b);
            else {
                vbuf_addc(&cls, '\\');
                vbuf_addc(&cls, (char)b);
            }
            if (b == '\n')
                hasrange = true; /* explicit newline: keep the guard simple */
        }
    }
    (void)prev_cp;
    t->i = i + 1;
    rx__atom(t);
    t->meta = true;
    if (neg) {
        rx__emit(t, "[^");
        vbuf_add(&t->out, cls.data ? cls.data : "", cls.len);
        if (t->nl)
            rx__emit(t, "\\n");
        rx__emit(t, "]");
    } else if (t->nl && hasrange) {
        rx__emit(t, "(?:(?!\\n)[");
        vbuf_add(&t->out, cls.data ? cls.data : "", cls.len);
        rx__emit(t, "])");
    } else {
        rx__emit(t, "[");
        vbuf_add(&t->out, cls.data ? cls.data : "", cls.len);
        rx__emit(t, "]");
    }
    vbuf_free(&cls);
    return 0;
}

/* Interval after '{' (ERE) or '\{' (BRE) at t->i (just past the brace).
 * Returns 0 on success, 1 when the text is no interval (grep's ERE leniency:
 * caller emits a literal '{'), -1 on error. */
static int rx__interval(rx__tr *t)
{
    size_t i = t->i;
    long m = -1, n = -1;
    bool comma = false, big = false;
    long v = 0;
    bool dig = false;
    while (i < t->len && isdigit(t->p[i])) {
        v = v * 10 + (t->p[i] - '0');
        if (v > RX__DUP_MAX)
            big = true, v = RX__DUP_MAX + 1;
        dig = true;
        i++;
    }
    if (dig)
        m = v;
    if (i < t->len && t->p[i] == ',') {
        comma = true;
        i++;
        v = 0;
        dig = false;
        while (i < t->len && isdigit(t->p[i])) {
            v = v * 10 + (t->p[i] - '0');
            if (v > RX__DUP_MAX)
                big = true, v = RX__DUP_MAX + 1;
            dig = true;
            i++;
        }
        if (dig)
            n = v;
    }
    bool closed;
    if (t->ere)
        closed = i < t->len && t->p[i] == '}';
    else
        closed = i + 1 < t->len && t->p[i] == '\\' && t->p[i + 1] == '}';
    if (!closed) {
        if (t->ere && t->grep)
            return 1;
        /* GNU regex: end of pattern inside -> Unmatched; junk -> Invalid content */
        size_t j = i;
        bool found = false;
        for (; j < t->len; j++) {
            if (t->ere ? t->p[j] == '}' : (t->p[j] == '\\' && j + 1 < t->len && t->p[j + 1] == '}')) {
                found = true;
                break;
            }
        }
        if (t->ere && !found && !t->grep) {
            t->err = "Unmatched \\{";
            return -1;
        }
        t->err = found ? "Invalid content of \\{\\}" : "Unmatched \\{";
        return -1;
    }
    if (m < 0 && !comma) {
        if (t->ere && t->grep)
            return 1;
        t->err = "Invalid content of \\{\\}";
        return -1;
    }
    if (m < 0)
        m = 0;
    if (big) {
        t->err = "Regular expression too big";
        return -1;
    }
    if (comma && n >= 0 && n < m) {
        t->err = "Invalid content of \\{\\}";
        return -1;
    }
    t->i = i + (t->ere ? 1 : 2);
    if (t->atom < 0) {
        if (t->ere && t->grep) {
            if (!t->warn)
                t->warn = "{...} at start of expression";
            t->meta = true;
            return 2;
        }
        t->err = "Invalid preceding regular expression";
        return -1;
    }
    if (t->atom_quant && !t->ere && !t->grep) {
        /* RE_CONTEXT_INVALID_DUP of GNU's POSIX basic syntax */
        t->err = "Invalid preceding regular expression";
        return -1;
    }
    char q[64];
    if (!comma)
        snprintf(q, sizeof q, "{%ld}", m);
    else if (n < 0)
        snprintf(q, sizeof q, "{%ld,}", m);
    else
        snprintf(q, sizeof q, "{%ld,%ld}", m, n);
    return rx__quantify(t, q) < 0 ? -1 : 0;
}

/* True when the BRE '$' at i is an anchor: at the end, before \) or \|. */
static bool rx__bre_dollar_anchor(const rx__tr *t, size_t i)
{
    if (i + 1 >= t->len)
        return true;
    if (t->p[i + 1] == '\\' && i + 2 < t->len && (t->p[i + 2] == ')' || (t->p[i + 2] == '|' && !t->posix)))
        return true;
    if (t->p[i + 1] == '\n')
        return true;
    return false;
}

static int rx__escape(rx__tr *t, bool at_start)
{
    if (t->i + 1 >= t->len) {
        t->err = "Trailing backslash";
        return -1;
    }
    unsigned char c = t->p[t->i + 1];
    t->i += 2;
    if (!t->ere) {
        switch (c) {
        case '(':
            if (t->depth >= (int)(sizeof t->stack / sizeof t->stack[0])) {
                t->err = "Regular expression too big";
                return -1;
            }
            t->stack[t->depth] = (int)t->out.len;
            t->stackgrp[t->depth++] = ++t->ngroups;
            rx__emit(t, "(");
            rx__noatom(t);
            t->meta = true;
            return 1;   /* at start of a subexpression */
        case ')':
            if (t->depth == 0) {
                t->err = "Unmatched ) or \\)";
                return -1;
            }
            t->depth--;
            rx__emit(t, ")");
            t->atom = t->stack[t->depth];
            t->atom_quant = false;
            t->atom_group = true;
            {
                int g = t->stackgrp[t->depth];
                if (g < RX__MAXPATS_GROUPS)
                    t->done[g / 8] |= (unsigned char)(1 << (g % 8));
            }
            return 0;
        case '|':
            if (t->posix)
                break;
            rx__emit(t, "|");
            rx__noatom(t);
            t->alt = true;
            t->meta = true;
            return 1;
        case '{':
            if (t->atom < 0) {
                if (t->grep)
                    break;   /* grep: nothing to repeat, a literal '{' */
                t->err = "Invalid preceding regular expression";
                return -1;
            }
            return rx__interval(t) < 0 ? -1 : 0;
        case '}':
            break;   /* literal */
        case '+':
        case '?':
            if (t->posix)
                break;
            if (t->atom < 0 || at_start)
                break;   /* literal at the start */
            if (t->atom_quant && !t->grep) {
                t->err = "Invalid preceding regular expression";
                return -1;
            }
            return rx__quantify(t, c == '+' ? "+" : "?") < 0 ? -1 : 0;
        default:
            goto common;
        }
        rx__atom(t);
        rx__lit(t, c);
        return 0;
    }
common:
    switch (c) {
    case '1': case '2': case '3': case '4': case '5':
    case '6': case '7': case '8': case '9': {
        int g = c - '0';
        if (g > t->ngroups || !(t->done[g / 8] & (1 << (g % 8)))) {
            t->err = "Invalid back reference";
            return -1;
        }
        rx__atom(t);
        vbuf_printf(&t->out, "\\g{%d}", g + t->group_base);
        t->backref = true;
        t->meta = true;
        return 0;
    }
    case '<':
        rx__emit(t, "\\b(?=\\w)");
        rx__noatom(t);
        t->meta = true;
        return 0;
    case '>':
        rx__emit(t, "\\b(?<=\\w)");
        rx__noatom(t);
        t->meta = true;
        return 0;
    case 'b':
        rx__emit(t, "\\b");
        rx__noatom(t);
        t->meta = true;
        return 0;
    case 'B':
        rx__emit(t, "\\B");
        rx__noatom(t);
        t->meta = true;
        return 0;
    case '`':
        rx__emit(t, t->nl ? "^" : "\\A");
        rx__noatom(t);
        t->meta = true;
        return 1;
    case '\'':
        rx__emit(t, t->nl ? "$" : "\\z");
        rx__noatom(t);
        t->meta = true;
        return 0;
    case 'w':
        rx__atom(t);
        rx__emit(t, "\\w");
        t->meta = true;
        return 0;
    case 'W':
        rx__atom(t);
        rx__emit(t, t->nl ? "[^\\w\\n]" : "\\W");
        t->meta = true;
        return 0;
    case 's':
        rx__atom(t);
        rx__emit(t, t->nl ? "[^\\S\\n]" : "\\s");
        t->meta = true;
        return 0;
    case 'S':
        rx__atom(t);
        rx__emit(t, "\\S");
        t->meta = true;
        return 0;
    case 'n':
        rx__atom(t);
        rx__emit(t, "\\n");
        t->meta = true;
        return 0;
    default: {
        /* any other escaped character is itself (multibyte included) */
        uint32_t cp;
        size_t n = rx__clen(t, t->i - 1, &cp);
        rx__atom(t);
        if (n > 1) {
            vbuf_add(&t->out, t->p + t->i - 1, n);
            t->i += n - 1;
        } else {
            rx__lit(t, c);
        }
        return 0;
    }
    }
}

static int rx__translate1(rx__tr *t)
{
    bool at_start = true;      /* start of the RE, after ( \( | \| or a leading ^ */
    bool star_lit = true;      /* '*' here is literal (BRE) / invalid (ERE) */
    while (t->i < t->len && !t->err) {
        unsigned char c = t->p[t->i];
        bool next_start = false;
        if (c == '\\') {
            int r = rx__escape(t, star_lit);
            if (r < 0)
                return -1;
            next_start = r == 1;
            at_start = next_start;
            star_lit = next_start;
            continue;
        }
        if (t->ere) {
            switch (c) {
            case '(':
                if (t->depth >= (int)(sizeof t->stack / sizeof t->stack[0])) {
                    t->err = "Regular expression too big";
                    return -1;
                }
                t->stack[t->depth] = (int)t->out.len;
                t->stackgrp[t->depth++] = ++t->ngroups;
                rx__emit(t, "(");
                rx__noatom(t);
                t->meta = true;
                t->i++;
                at_start = star_lit = true;
                continue;
            case ')':
                if (t->depth == 0) {
                    if (t->grep) {
                        rx__atom(t);
                        rx__lit(t, c);
                        t->i++;
                        at_start = star_lit = false;
                        continue;
                    }
                    t->err = "Unmatched ) or \\)";
                    return -1;
                }
                t->depth--;
                rx__emit(t, ")");
                t->atom = t->stack[t->depth];
                t->atom_quant = false;
                t->atom_group = true;
                {
                    int g = t->stackgrp[t->depth];
                    if (g < RX__MAXPATS_GROUPS)
                        t->done[g / 8] |= (unsigned char)(1 << (g % 8));
                }
                t->i++;
                at_start = star_lit = false;
                continue;
            case '|':
                rx__emit(t, "|");
                rx__noatom(t);
                t->alt = true;
                t->meta = true;
                t->i++;
                at_start = star_lit = true;
                continue;
            case '*':
            case '+':
            case '?':
                if (t->atom < 0) {
                    if (t->grep) {
                        /* grep's dfa applies it to the empty string */
                        if (!t->warn)
                            t->warn = c == '*' ? "* at start of expression"
                                    : c == '+' ? "+ at start of expression"
                                               : "? at start of expression";
                        t->i++;
                        t->meta = true;
                        continue;
                    }
                    t->err = "Invalid preceding regular expression";
                    return -1;
                }
                if (rx__quantify(t, c == '*' ? "*" : c == '+' ? "+" : "?") < 0)
                    return -1;
                t->i++;
                at_start = star_lit = false;
                continue;
            case '{': {
                t->i++;
                if (t->atom < 0 && !t->grep) {
                    t->err = "Invalid preceding regular expression";
                    return -1;
                }
                size_t brace = t->i - 1;
                int r = rx__interval(t);
                if (r < 0)
                    return -1;
                if (r == 1) {
                    t->i = brace + 1;
                    rx__atom(t);
                    rx__lit(t, '{');
                }
                at_start = star_lit = false;
                continue;
            }
            case '^':
                rx__emit(t, "^");
                rx__noatom(t);
                t->meta = true;
                t->i++;
                star_lit = true;
                continue;
            case '$':
                rx__emit(t, "$");
                rx__noatom(t);
                t->meta = true;
                t->i++;
                star_lit = true;
                continue;
            default:
                break;
            }
        } else {
            if (c == '*') {
                if (star_lit || t->atom < 0) {
                    rx__atom(t);
                    rx__lit(t, c);
                } else if (t->atom_quant && !t->grep) {
                    t->err = "Invalid preceding regular expression";
                    return -1;
                } else if (rx__quantify(t, "*") < 0) {
                    return -1;
                }
                t->i++;
                at_start = star_lit = false;
                continue;
            }
            if (c == '^') {
                if (at_start) {
                    rx__emit(t, "^");
                    rx__noatom(t);
                    t->meta = true;
                    t->i++;
                    star_lit = true;
                    at_start = false;
                    continue;
                }
                rx__atom(t);
                rx__lit(t, c);
                t->i++;
                at_start = star_lit = false;
                continue;
            }
            if (c == '$') {
                if (rx__bre_dollar_anchor(t, t->i)) {
                    rx__emit(t, "$");
                    rx__noatom(t);
                    t->meta = true;
                } else {
                    rx__atom(t);
                    rx__lit(t, c);
                }
                t->i++;
                at_start = star_lit = false;
                continue;
            }
        }
        if (c == '[') {
            if (rx__bracket(t) < 0)
                return -1;
            at_start = star_lit = false;
            continue;
        }
        if (c == '.') {
            rx__atom(t);
            rx__emit(t, ".");
            t->meta = true;
            t->i++;
            at_start = star_lit = false;
            continue;
        }
        /* literal character (a whole UTF-8 sequence) */
        uint32_t cp;
        size_t n = rx__clen(t, t->i, &cp);
        rx__atom(t);
        if (n > 1)
            vbuf_add(&t->out, t->p + t->i, n);
        else
            rx__lit(t, c);
        t->i += n;
        at_start = star_lit = false;
    }
    if (t->err)
        return -1;
    if (t->depth > 0) {
        t->err = "Unmatched ( or \\(";
        return -1;
    }
    return 0;
}

static const char *rx__errtext(const char *e)
{
    if (e && strcmp(e, "!class") == 0)
        return "character class syntax is [[:space:]], not [:space:]";
    return e;
}

char *rx_translate(mem_heap *h, const char *pat, size_t len, int flags, int group_base,
                   int *ngroups, char **errmsg)
{
    if (len == (size_t)-1)
        len = strlen(pat);
    rx__tr *t = mem_calloc(h, 1, sizeof *t);
    if (!t)
        return NULL;
    t->h = h;
    t->p = (const unsigned char *)pat;
    t->len = len;
    t->flags = flags;
    t->ere = (flags & RX_SYNTAX_MASK) == RX_ERE;
    t->grep = (flags & RX_GREP) != 0;
    t->utf = (flags & RX_UTF) != 0;
    t->nl = (flags & RX_NEWLINE) != 0;
    t->posix = (flags & RX_POSIX) != 0;
    t->group_base = group_base;
    t->atom = -1;
    vbuf_init(&t->out, h);
    vbuf_adds(&t->out, "");
    int rc = rx__translate1(t);
    if (rc < 0 || t->out.failed) {
        if (errmsg)
            *errmsg = mem_strdup(h, t->out.failed ? "memory exhausted" : rx__errtext(t->err));
        vbuf_free(&t->out);
        mem_free(h, t);
        return NULL;
    }
    if (ngroups)
        *ngroups = t->ngroups;
    char *s = vbuf_take(&t->out, NULL);
    mem_free(h, t);
    return s;
}

/* ------------------------------------------------------------ compile */

static int rx__callout(pcre2_callout_block *cb, void *data)
{
    rx *r = data;
    if (r->co_mode == 1) {
        if (cb->current_position > r->co_best || r->co_best == RX_UNSET)
            r->co_best = cb->current_position;
        return 1;
    }
    if (r->co_mode == 2)
        return cb->current_position == r->co_target ? 0 : 1;
    return 0;
}

static void rx__fixed(vbuf *b, const char *s, size_t n, bool utf)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || (c >= 0x80 && utf))
            vbuf_addc(b, (char)c);
        else if (c < 0x20 || c >= 0x7f)
            vbuf_printf(b, "\\x{%x}", c);
        else {
            vbuf_addc(b, '\\');
            vbuf_addc(b, (char)c);
        }
    }
}

typedef struct rx__pat {
    const char *p;
    size_t n;
} rx__pat;

static int rx__cmp_len_desc(const void *a, const void *b)
{
    const rx__pat *x = a, *y = b;
    return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

static int rx__build(mem_heap *h, const char *const *pats, const size_t *lens, size_t n,
                     int flags, rx **out, char **errmsg, bool retry_bytes)
{
    int syn = flags & RX_SYNTAX_MASK;
    bool utf = (flags & RX_UTF) != 0;
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    rx *r = mem_calloc(h, 1, sizeof *r);
    if (!r)
        return RX_ENOMEM;
    r->h = h;
    r->flags = flags;
    vbuf src;
    vbuf_init(&src, h);
    vbuf_adds(&src, "");
    bool anymeta = false;
    int groups = 0;
    if (syn == RX_FIXED || syn == RX_PCRE) {
        rx__pat *pp = mem_calloc(h, n ? n : 1, sizeof *pp);
        if (!pp)
            return RX_ENOMEM;
        for (size_t k = 0; k < n; k++) {
            pp[k].p = pats[k];
            pp[k].n = lens && lens[k] != (size_t)-1 ? lens[k] : strlen(pats[k]);
        }
        if (syn == RX_FIXED && n > 1)
            qsort(pp, n, sizeof *pp, rx__cmp_len_desc);   /* longest first = leftmost-longest */
        for (size_t k = 0; k < n; k++) {
            if (n > 1)
                vbuf_adds(&src, k ? "|(?:" : "(?:");
            if (syn == RX_FIXED)
                rx__fixed(&src, pp[k].p, pp[k].n, utf);
            else
                vbuf_add(&src, pp[k].p, pp[k].n);
            if (n > 1)
                vbuf_adds(&src, ")");
        }
        if (syn == RX_FIXED && n == 1 && !(flags & (RX_ICASE | RX_WORD | RX_LINE)) && pp[0].n > 0) {
            r->literal = true;
            r->lit = mem_strndup(h, pp[0].p, pp[0].n);
            r->litlen = pp[0].n;
        }
        mem_free(h, pp);
        anymeta = true;
    } else {
        for (size_t k = 0; k < n; k++) {
            size_t ln = lens && lens[k] != (size_t)-1 ? lens[k] : strlen(pats[k]);
            rx__tr *t = mem_calloc(h, 1, sizeof *t);
            if (!t)
                return RX_ENOMEM;
            t->h = h;
            t->p = (const unsigned char *)pats[k];
            t->len = ln;
            t->flags = flags;
            t->ere = syn == RX_ERE;
            t->grep = (flags & RX_GREP) != 0;
            t->utf = utf;
            t->nl = (flags & RX_NEWLINE) != 0;
            t->posix = (flags & RX_POSIX) != 0;
            t->group_base = groups;
            t->atom = -1;
            vbuf_init(&t->out, h);
            vbuf_adds(&t->out, "");
            if (rx__translate1(t) < 0 || t->out.failed) {
                if (errmsg)
                    *errmsg = mem_strdup(h, t->out.failed ? "memory exhausted" : rx__errtext(t->err));
                return t->out.failed ? RX_ENOMEM : RX_ESYNTAX;
            }
            if (t->warn && !r->warning)
                r->warning = mem_strdup(h, t->warn);
            groups += t->ngroups;
            if (t->alt || t->qgroup || t->nquant >= 2 || (t->backref && t->nquant))
                r->ambiguous = true;
            if (t->backref)
                r->backref = true;
            if (t->meta)
                anymeta = true;
            if (n > 1)
                vbuf_adds(&src, k ? "|(?:" : "(?:");
            vbuf_add(&src, t->out.data, t->out.len);
            if (n > 1)
                vbuf_adds(&src, ")");
            if (n == 1 && !t->meta && !(flags & (RX_ICASE | RX_WORD | RX_LINE)) && ln > 0) {
                /* a plain literal: keep it unescaped for rx_literal */
                vbuf lb;
                vbuf_init(&lb, h);
                vbuf_adds(&lb, "");
                for (size_t i = 0; i < ln; i++) {
                    if (pats[k][i] == '\\' && i + 1 < ln)
                        i++;
                    vbuf_addc(&lb, pats[k][i]);
                }
                r->literal = true;
                r->lit = vbuf_take(&lb, &r->litlen);
            }
            vbuf_free(&t->out);
            mem_free(h, t);
        }
        if (n > 1)
            r->ambiguous = true;
        r->ngroups = groups;
    }
    (void)anymeta;
    if (n == 0)
        vbuf_adds(&src, "(*FAIL)");
    /* whole-line / whole-word wrapping */
    if (flags & RX_LINE) {
        vbuf w;
        vbuf_init(&w, h);
        vbuf_adds(&w, (flags & RX_NEWLINE) ? "^(?:" : "\\A(?:");
        vbuf_add(&w, src.data, src.len);
        vbuf_adds(&w, (flags & RX_NEWLINE) ? ")$" : ")\\z");
        vbuf_free(&src);
        src = w;
    } else if (flags & RX_WORD) {
        vbuf w;
        vbuf_init(&w, h);
        vbuf_adds(&w, "(?<!\\w)(?:");
        vbuf_add(&w, src.data, src.len);
        vbuf_adds(&w, ")(?!\\w)");
        vbuf_free(&src);
        src = w;
    }
    if (r->ambiguous && (syn == RX_BRE || syn == RX_ERE) && !(flags & RX_NOSUB)) {
        vbuf w;
        vbuf_init(&w, h);
        vbuf_adds(&w, "(?:");
        vbuf_add(&w, src.data, src.len);
        vbuf_adds(&w, ")(?C1)");
        vbuf_free(&src);
        src = w;
    } else if (flags & RX_NOSUB) {
        r->ambiguous = false;
    }
    if (src.failed)
        return RX_ENOMEM;
    r->src = vbuf_take(&src, &r->srclen);

    r->gctx = pcre2_general_context_create(rx__malloc, rx__free, h);
    if (!r->gctx)
        return RX_ENOMEM;
    r->cctx = pcre2_compile_context_create(r->gctx);
    r->mctx = pcre2_match_context_create(r->gctx);
    if (!r->cctx || !r->mctx) {
        rx_free(r);
        return RX_ENOMEM;
    }
    pcre2_set_newline(r->cctx, PCRE2_NEWLINE_LF);
    uint32_t opts = 0;
    if (flags & RX_ICASE)
        opts |= PCRE2_CASELESS;
    if (utf)
        opts |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    /* Unicode \w \d [[:alpha:]] for POSIX syntaxes (glibc's C.UTF-8 classes);
     * pcre2 syntax keeps them ASCII unless asked (grep -P 3.8 does) */
    if (utf && (syn != RX_PCRE || (flags & RX_UCP)))
        opts |= PCRE2_UCP;
    if (syn != RX_PCRE) {
        if (flags & RX_NEWLINE)
            opts |= PCRE2_MULTILINE;
        else {
            opts |= PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY;
            if (flags & RX_MULTILINE)
                opts |= PCRE2_MULTILINE;
        }
    } else if (flags & (RX_NEWLINE | RX_MULTILINE)) {
        opts |= PCRE2_MULTILINE;
    }
    int ec;
    PCRE2_SIZE eoff;
    r->code = pcre2_compile((PCRE2_SPTR)r->src, r->srclen, opts, &ec, &eoff, r->cctx);
    if (!r->code) {
        if (utf && retry_bytes && ec >= PCRE2_ERROR_UTF8_ERR21 && ec <= PCRE2_ERROR_UTF8_ERR1) {
            rx_free(r);
            return rx__build(h, pats, lens, n, flags & ~RX_UTF, out, errmsg, false);
        }
        if (errmsg) {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(ec, buf, sizeof buf);
            *errmsg = mem_strdup(h, (const char *)buf);
        }
        rx_free(r);
        return RX_ESYNTAX;
    }
    /* failure: the interpreter runs */
    r->jit = pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) == 0;
    if (r->ambiguous) {
        if (opts & PCRE2_MATCH_INVALID_UTF)
            r->dcode = pcre2_compile((PCRE2_SPTR)r->src, r->srclen, opts & ~PCRE2_MATCH_INVALID_UTF,
                                     &ec, &eoff, r->cctx);
        else
            r->dcode = r->code;
    }
    r->md = pcre2_match_data_create_from_pattern(r->code, r->gctx);
    if (!r->md) {
        rx_free(r);
        return RX_ENOMEM;
    }
    uint32_t cap = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &cap);
    r->ngroups = (int)cap;
    pcre2_set_heap_limit(r->mctx, 64 * 1024);   /* KiB of backtracking frames */
    *out = r;
    return 0;
}

int rx_compile_multi(mem_heap *h, const char *const *pats, const size_t *lens, size_t n,
                     int flags, rx **out, char **errmsg)
{
    return rx__build(h, pats, lens, n, flags, out, errmsg, true);
}

int rx_compile(mem_heap *h, const char *pat, size_t len, int flags, rx **out, char **errmsg)
{
    const char *pats[1] = { pat };
    size_t lens[1] = { len == (size_t)-1 ? strlen(pat) : len };
    return rx__build(h, pats, lens, 1, flags, out, errmsg, true);
}

static bool rx__utf_name(const char *v)
{
    if (!v || !*v)
        return false;
    return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
}

int rx_locale_flags(vb_cmd *cmd)
{
    const char *v = bi_getvar(cmd, "LC_ALL");
    if (!v || !*v)
        v = bi_getvar(cmd, "LC_CTYPE");
    if (!v || !*v)
        v = bi_getvar(cmd, "LANG");
    return rx__utf_name(v) ? RX_UTF : 0;
}

int rx_compile_cmd(vb_cmd *cmd, const char *pat, size_t len, int flags, rx **out, char **errmsg)
{
    int rc = rx_compile(cmd->heap, pat, len, flags | rx_locale_flags(cmd), out, errmsg);
    if (rc == 0 && cmd->ops && cmd->ops->regex_limit)
        rx_set_limit(*out, cmd->ops->regex_limit(cmd->shell));
    return rc;
}

void rx_set_limit(rx *r, uint64_t steps)
{
    if (!r || !steps)
        return;
    if (steps > UINT32_MAX)
        steps = UINT32_MAX;
    pcre2_set_match_limit(r->mctx, (uint32_t)steps);
    pcre2_set_depth_limit(r->mctx, (uint32_t)(steps < 1000000 ? steps : 1000000));
}

void rx_free(rx *r)
{
    if (!r)
        return;
    mem_heap *h = r->h;
    if (r->md)
        pcre2_match_data_free(r->md);
    if (r->dcode && r->dcode != r->code)
        pcre2_code_free(r->dcode);
    if (r->code)
        pcre2_code_free(r->code);
    if (r->mctx)
        pcre2_match_context_free(r->mctx);
    if (r->cctx)
        pcre2_compile_context_free(r->cctx);
    if (r->gctx)
        pcre2_general_context_free(r->gctx);
    mem_free(h, r->dfa_ws);
    mem_free(h, r->saved);
    mem_free(h, r->src);
    mem_free(h, r->lit);
    mem_free(h, r->warning);
    mem_free(h, r);
}

int rx_groups(const rx *r) { return r->ngroups; }
const char *rx_warning(const rx *r) { return r->warning; }
const char *rx_pcre_source(const rx *r) { return r->src; }

bool rx_literal(const rx *r, const char **lit, size_t *litlen)
{
    if (!r->literal)
        return false;
    if (lit)
        *lit = r->lit;
    if (litlen)
        *litlen = r->litlen;
    return true;
}

/* ------------------------------------------------------------ matching */

static int rx__rc(int rc)
{
    switch (rc) {
    case PCRE2_ERROR_NOMATCH:
    case PCRE2_ERROR_PARTIAL:
        return 0;
    case PCRE2_ERROR_MATCHLIMIT:
    case PCRE2_ERROR_DEPTHLIMIT:
    case PCRE2_ERROR_HEAPLIMIT:
    case PCRE2_ERROR_JIT_STACKLIMIT:
    case PCRE2_ERROR_DFA_RECURSE:
        return RX_ELIMIT;
    case PCRE2_ERROR_NOMEMORY:
        return RX_ENOMEM;
    default:
        return RX_EOTHER;
    }
}

static void rx__fill(rx *r, rx_match *m)
{
    if (!m)
        return;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    m->so = ov[0];
    m->eo = ov[1];
    m->n = r->ngroups + 1;
    m->ov = ov;
}

/* The longest end of a match starting at st (which is known to match). */
static bool rx__valid_utf8(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        uint32_t v;
        if (c >= 0xc2 && c <= 0xdf)
            k = 1, v = c & 0x1f;
        else if (c >= 0xe0 && c <= 0xef)
            k = 2, v = c & 0x0f;
        else if (c >= 0xf0 && c <= 0xf4)
            k = 3, v = c & 0x07;
        else
            return false;
        if (n - i <= k)
            return false;
        for (size_t j = 1; j <= k; j++) {
            if ((p[i + j] & 0xc0) != 0x80)
                return false;
            v = (v << 6) | (p[i + j] & 0x3f);
        }
        if ((k == 2 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) || (k == 3 && (v < 0x10000 || v > 0x10ffff)))
            return false;
        i += k + 1;
    }
    return true;
}

static int rx__longest(rx *r, const char *s, size_t len, size_t st, uint32_t opts, size_t cur_end)
{
    size_t best = cur_end;
    /* pcre2_dfa_match refuses PCRE2_MATCH_INVALID_UTF: it runs on a second
     * code without it, over a window (the line in RX_NEWLINE mode) checked
     * to be valid UTF-8; otherwise the exhaustive callout walk is used. */
    size_t w0 = 0, w1 = len;
    bool dfa_ok = !r->backref && r->dcode;
    if (dfa_ok && (r->flags & RX_UTF)) {
        if (r->flags & RX_NEWLINE) {
            const char *a = st ? memrchr(s, '\n', st) : NULL;
            w0 = a ? (size_t)(a - s) + 1 : 0;
            const char *b = memchr(s + st, '\n', len - st);
            w1 = b ? (size_t)(b - s) : len;
        }
        dfa_ok = rx__valid_utf8((const unsigned char *)s + w0, w1 - w0);
    }
    if (dfa_ok) {
        if (!r->dfa_ws) {
            r->dfa_wslen = 1000;
            r->dfa_ws = mem_alloc(r->h, r->dfa_wslen * sizeof(int));
            if (!r->dfa_ws)
                return RX_ENOMEM;
        }
        for (;;) {
            int rc = pcre2_dfa_match(r->dcode, (PCRE2_SPTR)s + w0, w1 - w0, st - w0,
                                     opts | PCRE2_ANCHORED | ((r->flags & RX_UTF) ? PCRE2_NO_UTF_CHECK : 0),
                                     r->md, r->mctx, r->dfa_ws, r->dfa_wslen);
            if (rc == PCRE2_ERROR_DFA_WSSIZE && r->dfa_wslen < 1000000) {
                mem_free(r->h, r->dfa_ws);
                r->dfa_wslen *= 4;
                r->dfa_ws = mem_alloc(r->h, r->dfa_wslen * sizeof(int));
                if (!r->dfa_ws)
                    return RX_ENOMEM;
                continue;
            }
            if (rc >= 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
                if (ov[1] + w0 > best)
                    best = ov[1] + w0;
            } else if (rc != PCRE2_ERROR_NOMATCH) {
                return rx__rc(rc);
            }
            break;
        }
    } else {
        r->co_mode = 1;
        r->co_best = RX_UNSET;
        pcre2_set_callout(r->mctx, rx__callout, r);
        int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, st, opts | PCRE2_ANCHORED, r->md, r->mctx);
        pcre2_set_callout(r->mctx, NULL, NULL);
        r->co_mode = 0;
        if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
            return rx__rc(rc);
        if (r->co_best != RX_UNSET && r->co_best > best)
            best = r->co_best;
    }
    r->co_target = best;
    return best > cur_end ? 1 : 0;
}

int rx_exec(rx *r, const char *s, size_t len, size_t start, int eflags, rx_match *m)
{
    if (start > len)
        return 0;
    uint32_t opts = 0;
    if (eflags & RX_ANCHORED)
        opts |= PCRE2_ANCHORED;
    if (eflags & RX_NOTEMPTY_ATSTART)
        opts |= PCRE2_NOTEMPTY_ATSTART;
    /* pcre2's JIT finds a literal faster than memmem (its first-unit scan is
     * vectorised), so plain literals go through it too. */
    int rc;
    if (r->jit && !(opts & PCRE2_ANCHORED))
        rc = pcre2_jit_match(r->code, (PCRE2_SPTR)s, len, start, opts, r->md, r->mctx);
    else
        rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, start, opts, r->md, r->mctx);
    if (rc < 0)
        return rx__rc(rc);
    if ((eflags & RX_LONGEST) && r->ambiguous) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
        size_t st = ov[0], end = ov[1];
        size_t nov = 2 * (size_t)(r->ngroups + 1);
        if (!r->saved) {
            r->saved = mem_alloc(r->h, nov * sizeof(size_t));
            if (!r->saved)
                return RX_ENOMEM;
        }
        memcpy(r->saved, ov, nov * sizeof(size_t));
        uint32_t o2 = st == start ? (opts & PCRE2_NOTEMPTY_ATSTART) : 0;
        int lr = rx__longest(r, s, len, st, o2, end);
        if (lr < 0)
            return lr;
        if (lr == 1) {
            /* rerun, accepting only the match that ends at the longest end */
            r->co_mode = 2;
            pcre2_set_callout(r->mctx, rx__callout, r);
            int rc2 = pcre2_match(r->code, (PCRE2_SPTR)s, len, st, o2 | PCRE2_ANCHORED, r->md, r->mctx);
            pcre2_set_callout(r->mctx, NULL, NULL);
            r->co_mode = 0;
            if (rc2 < 0)   /* only when a limit is hit: keep the first match */
                memcpy(ov, r->saved, nov * sizeof(size_t));
        } else {
            /* the DFA run clobbered the ovector: restore the first match */
            memcpy(ov, r->saved, nov * sizeof(size_t));
        }
    }
    rx__fill(r, m);
    return 1;
}
