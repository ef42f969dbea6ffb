/*
 * tr: translate, squeeze and delete bytes. tr [-cCdst] SET1 [SET2] with
 * escapes (\NNN \\ \a \b \f \n \r \t \v), ranges, [:class:], [=c=],
 * [c*N] and [c*] in SET2, -t truncation, SET2 padded with its last byte.
 * Works on bytes, as GNU tr does. Reference: GNU coreutils 9.1 tr.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("tr", bi_tr, BI_UTIL)

static const char tr_help[] =
    "Usage: tr [OPTION]... STRING1 [STRING2]\n"
    "Translate, squeeze, and/or delete characters from standard input,\n"
    "writing to standard output.  STRING1 and STRING2 specify arrays of\n"
    "characters ARRAY1 and ARRAY2 that control the action.\n"
    "\n"
    "  -c, -C, --complement    use the complement of ARRAY1\n"
    "  -d, --delete            delete characters in ARRAY1, do not translate\n"
    "  -s, --squeeze-repeats   replace each sequence of a repeated character\n"
    "                            that is listed in the last specified ARRAY,\n"
    "                            with a single occurrence of that character\n"
    "  -t, --truncate-set1     first truncate ARRAY1 to length of ARRAY2\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt tr_longs[] = {
    {"complement", 0, 'c'}, {"delete", 0, 'd'}, {"squeeze-repeats", 0, 's'},
    {"truncate-set1", 0, 't'}, {0},
};

/* One construct of a SET as written (a char, a range, a class, a repeat):
 * GNU checks that [:upper:] / [:lower:] in SET2 line up with such a class
 * in SET1 construct by construct. */
typedef struct tr_elem {
    size_t start, len;    /* in the expanded bytes */
    int cls;              /* TR_UL_* */
    bool fill;            /* the [c*] fill of SET2 (len set when it is expanded) */
} tr_elem;

enum { TR_UL_NONE, TR_UL_UPPER, TR_UL_LOWER };

typedef struct tr_set {
    unsigned char *c;     /* expanded bytes */
    size_t n, cap;
    tr_elem *el;
    size_t nel, capel;
    int fill_at;          /* index of a [c*] fill in SET2, or -1 */
    unsigned char fill_c;
    bool has_class_other; /* a class other than upper/lower */
    bool has_case_class;
    bool has_equiv;       /* a [=c=] */
    int n_indef;          /* [c*] / [c*0] constructs */
} tr_set;

static bool tr__push(vb_cmd *cmd, tr_set *s, unsigned char c, size_t count)
{
    if (s->n + count > s->cap) {
        size_t nc = (s->n + count) * 2 + 64;
        unsigned char *p = mem_realloc(cmd->heap, s->c, nc);
        if (!p)
            return false;
        s->c = p;
        s->cap = nc;
    }
    memset(s->c + s->n, c, count);
    s->n += count;
    return true;
}

/* Unescapes the operand; esc[i] marks bytes that came from an escape. */
static size_t tr__unescape(vb_cmd *cmd, const char *s, unsigned char *out, bool *esc)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] != '\\' || !s[i + 1]) {
            esc[n] = false;
            out[n++] = (unsigned char)s[i];
            if (s[i] == '\\')
                bi_err(cmd, "warning: an unescaped backslash at end of string is not portable");
            continue;
        }
        char c = s[++i];
        int v;
        switch (c) {
        case 'a': v = '\a'; break;
        case 'b': v = '\b'; break;
        case 'f': v = '\f'; break;
        case 'n': v = '\n'; break;
        case 'r': v = '\r'; break;
        case 't': v = '\t'; break;
        case 'v': v = '\v'; break;
        default:
            if (c >= '0' && c <= '7') {
                v = c - '0';
                for (int k = 0; k < 2 && s[i + 1] >= '0' && s[i + 1] <= '7'; k++) {
                    int nv = v * 8 + (s[i + 1] - '0');
                    if (nv > 255)
                        break;
                    v = nv;
                    i++;
                }
            } else {
                v = (unsigned char)c;
            }
            break;
        }
        esc[n] = true;
        out[n++] = (unsigned char)v;
    }
    return n;
}

static const char *const tr_classes[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                         "lower", "print", "punct", "space", "upper", "xdigit", NULL};

static bool tr__inclass(int k, int c)
{
    switch (k) {
    case 0: return isalnum(c);
    case 1: return isalpha(c);
    case 2: return c == ' ' || c == '\t';
    case 3: return iscntrl(c);
    case 4: return isdigit(c);
    case 5: return isgraph(c);
    case 6: return islower(c);
    case 7: return isprint(c);
    case 8: return ispunct(c);
    case 9: return isspace(c);
    case 10: return isupper(c);
    default: return isxdigit(c);
    }
}

static bool tr__elem(vb_cmd *cmd, tr_set *s, size_t start, int cls, bool fill)
{
    if (s->nel == s->capel) {
        size_t nc = s->capel ? s->capel * 2 : 16;
        tr_elem *p = mem_realloc(cmd->heap, s->el, nc * sizeof *p);
        if (!p)
            return false;
        s->el = p;
        s->capel = nc;
    }
    s->el[s->nel++] = (tr_elem){start, s->n - start, cls, fill};
    return true;
}

/* GNU's validate_case_classes: walking both SETs a character at a time, a
 * case class starting in SET2 must meet a case class starting in SET1; each
 * such pair then counts as one character in the lengths that decide whether
 * SET2 is extended. Returns false after the message. */
static bool tr__case_classes(vb_cmd *cmd, const tr_set *s1, const tr_set *s2, size_t *len1, size_t *len2)
{
    size_t e1 = 0, o1 = 0, e2 = 0, o2 = 0;
    bool new1 = true, new2 = true;
    int c1 = 0, c2 = 0;
    *len1 = s1->n;
    *len2 = s2->n;
    while (c1 != -1 && c2 != -1) {
        int cls1 = TR_UL_NONE, cls2 = TR_UL_NONE;
        while (e1 < s1->nel && s1->el[e1].len == 0)
            e1++;
        while (e2 < s2->nel && s2->el[e2].len == 0)
            e2++;
        c1 = e1 < s1->nel ? 1 : -1;
        if (c1 != -1) {
            cls1 = s1->el[e1].cls;
            if (++o1 == s1->el[e1].len)
                e1++, o1 = 0;
        }
        c2 = e2 < s2->nel ? 1 : -1;
        if (c2 != -1) {
            cls2 = s2->el[e2].cls;
            if (++o2 == s2->el[e2].len)
                e2++, o2 = 0;
        }
        if (new2 && cls2 != TR_UL_NONE && !(new1 && cls1 != TR_UL_NONE)) {
            bi_err(cmd, "misaligned [:upper:] and/or [:lower:] construct");
            return false;
        }
        if (cls2 != TR_UL_NONE) {
            /* skip the rest of both constructs; each counts once */
            if (e1 < s1->nel) {
                *len1 -= s1->el[e1].len - 1;
                e1++, o1 = 0;
            }
            if (e2 < s2->nel) {
                *len2 -= s2->el[e2].len - 1;
                e2++, o2 = 0;
            }
        }
        new1 = o1 == 0;
        new2 = o2 == 0;
    }
    return true;
}

/* Parses one SET operand. second: SET2 (repeats allowed). */
static bool tr__parse(vb_cmd *cmd, const char *arg, tr_set *s, bool second)
{
    size_t al = strlen(arg);
    unsigned char *u = mem_alloc(cmd->heap, al + 1);
    bool *esc = mem_alloc(cmd->heap, (al + 1) * sizeof *esc);
    if (!u || !esc)
        return false;
    size_t n = tr__unescape(cmd, arg, u, esc);
    s->fill_at = -1;
    for (size_t i = 0; i < n;) {
        if (u[i] == '[' && !esc[i] && i + 1 < n) {
            /* [:class:] */
            if (u[i + 1] == ':' && !esc[i + 1]) {
                size_t j = i + 2;
                while (j + 1 < n && !(u[j] == ':' && u[j + 1] == ']'))
                    j++;
                if (j + 1 < n) {
                    size_t nl = j - (i + 2);
                    int k = -1;
                    for (int c = 0; tr_classes[c]; c++)
                        if (strlen(tr_classes[c]) == nl && !memcmp(tr_classes[c], u + i + 2, nl))
                            k = c;
                    if (k < 0) {
                        char *name = mem_strndup(cmd->heap, (const char *)u + i + 2, nl);
                        bi_err(cmd, "invalid character class %s", fs_lq(cmd, name ? name : ""));
                        return false;
                    }
                    if (k == 6 || k == 10)
                        s->has_case_class = true;
                    else
                        s->has_class_other = true;
                    size_t st = s->n;
                    for (int c = 0; c < 256; c++)
                        if (tr__inclass(k, c) && !tr__push(cmd, s, (unsigned char)c, 1))
                            return false;
                    if (!tr__elem(cmd, s, st, k == 10 ? TR_UL_UPPER : k == 6 ? TR_UL_LOWER : TR_UL_NONE, false))
                        return false;
                    i = j + 2;
                    continue;
                }
            }
            /* [=c=] */
            if (u[i + 1] == '=' && i + 4 < n + 0 && u[i + 3] == '=' && u[i + 4] == ']') {
                s->has_equiv = true;
                size_t st = s->n;
                if (!tr__push(cmd, s, u[i + 2], 1) || !tr__elem(cmd, s, st, TR_UL_NONE, false))
                    return false;
                i += 5;
                continue;
            }
            /* [c*N] / [c*] (read in SET1 too, where GNU refuses [c*]) */
            if (i + 3 < n && u[i + 2] == '*' && !esc[i + 2]) {
                size_t j = i + 3;
                while (j < n && isdigit(u[j]))
                    j++;
                if (j < n && u[j] == ']') {
                    unsigned char c = u[i + 1];
                    size_t count = 0;
                    bool octal = u[i + 3] == '0';
                    for (size_t k = i + 3; k < j; k++)
                        count = count * (octal ? 8 : 10) + (u[k] - '0');
                    size_t st = s->n;
                    if (j == i + 3 || count == 0) {
                        s->n_indef++;
                        if (second && s->fill_at < 0) {
                            s->fill_at = (int)s->n;
                            s->fill_c = c;
                            if (!tr__elem(cmd, s, st, TR_UL_NONE, true))
                                return false;
                        }
                    } else if (!tr__push(cmd, s, c, count > (1u << 24) ? (1u << 24) : count) ||
                               !tr__elem(cmd, s, st, TR_UL_NONE, false)) {
                        return false;
                    }
                    i = j + 1;
                    continue;
                }
            }
        }
        if (i + 2 < n && u[i + 1] == '-' && !esc[i + 1]) {
            unsigned char a = u[i], b = u[i + 2];
            if (b < a) {
                char t[16];
                int tl = 0;
                for (size_t k = i; k < i + 3; k++) {
                    if (esc[k] && !isprint(u[k]))
                        tl += snprintf(t + tl, sizeof t - (size_t)tl, "\\%03o", u[k]);
                    else
                        t[tl++] = (char)u[k];
                }
                t[tl] = '\0';
                bi_err(cmd, "range-endpoints of '%s' are in reverse collating sequence order", t);
                return false;
            }
            size_t st = s->n;
            for (int c = a; c <= b; c++)
                if (!tr__push(cmd, s, (unsigned char)c, 1))
                    return false;
            if (!tr__elem(cmd, s, st, TR_UL_NONE, false))
                return false;
            i += 3;
            continue;
        }
        size_t st = s->n;
        if (!tr__push(cmd, s, u[i], 1) || !tr__elem(cmd, s, st, TR_UL_NONE, false))
            return false;
        i++;
    }
    return true;
}

int bi_tr(vb_cmd *cmd)
{
    bool comp = false, del = false, squeeze = false, trunc = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "cCdst", tr_longs, tr_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'c': case 'C': comp = true; break;
        case 'd': del = true; break;
        case 's': squeeze = true; break;
        case 't': trunc = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **a = cmd->argv + o.ind;
    bool translating = !del && n >= 2;
    int need = (del && squeeze) || (!del && !squeeze) ? 2 : 1;
    if (n < 1)
        return bi_usage(cmd, 1, "missing operand");
    if (n < need) {
        bi_err(cmd, "missing operand after %s", fs_lq(cmd, a[n - 1]));
        static const char m1[] = "Two strings must be given when translating.\n";
        static const char m2[] = "Two strings must be given when both deleting and squeezing repeats.\n";
        if (del)
            bi_errw(cmd, m2, sizeof m2 - 1);
        else
            bi_errw(cmd, m1, sizeof m1 - 1);
        return bi_usage(cmd, 1, NULL);
    }
    int max = del && !squeeze ? 1 : 2;
    if (n > max) {
        bi_err(cmd, "extra operand %s", fs_lq(cmd, a[max]));
        if (max == 1) {
            static const char m[] = "Only one string may be given when deleting without squeezing repeats.\n";
            bi_errw(cmd, m, sizeof m - 1);
        }
        return bi_usage(cmd, 1, NULL);
    }
    tr_set s1 = {0}, s2 = {0};
    if (!tr__parse(cmd, a[0], &s1, false))
        return 1;
    bool have2 = n >= 2;
    if (have2 && !tr__parse(cmd, a[1], &s2, true))
        return 1;
    /* GNU's checks of the two SETs, in its order */
    if (s1.n_indef) {
        bi_err(cmd, "the [c*] repeat construct may not appear in string1");
        return 1;
    }
    if (have2 && s2.n_indef > 1) {
        bi_err(cmd, "only one [c*] repeat construct may appear in string2");
        return 1;
    }
    if (have2 && translating && s2.has_equiv) {
        bi_err(cmd, "[=c=] expressions may not appear in string2 when translating");
        return 1;
    }
    if (have2 && !translating && s2.n_indef) {
        bi_err(cmd, "the [c*] construct may appear in string2 only when translating");
        return 1;
    }
    bool s1_classes = s1.has_case_class || s1.has_class_other;
    bool in1[256] = {false};
    for (size_t i = 0; i < s1.n; i++)
        in1[s1.c[i]] = true;
    if (comp) {
        tr_set cs = {0};
        for (int i = 0; i < 256; i++)
            if (!in1[i] && !tr__push(cmd, &cs, (unsigned char)i, 1))
                return 1;
        for (int i = 0; i < 256; i++)
            in1[i] = !in1[i];
        s1 = cs;
    }
    unsigned char map[256];
    for (int i = 0; i < 256; i++)
        map[i] = (unsigned char)i;
    bool sq[256] = {false};
    if (translating) {
        if (s2.has_class_other) {
            bi_err(cmd, "when translating, the only character classes that may appear in\n"
                        "string2 are 'upper' and 'lower'");
            return 1;
        }
        if (s2.fill_at >= 0) {
            size_t want = s1.n > s2.n ? s1.n - s2.n : 0;
            tr_set f = {0};
            for (size_t i = 0; i < (size_t)s2.fill_at; i++)
                tr__push(cmd, &f, s2.c[i], 1);
            tr__push(cmd, &f, s2.fill_c, want);
            for (size_t i = (size_t)s2.fill_at; i < s2.n; i++)
                tr__push(cmd, &f, s2.c[i], 1);
            f.fill_at = -1;
            s2.c = f.c;
            s2.n = f.n;
            for (size_t e = 0; e < s2.nel; e++) {
                if (s2.el[e].fill && s2.el[e].start == (size_t)s2.fill_at)
                    s2.el[e].len = want;
                else if (s2.el[e].start >= (size_t)s2.fill_at)
                    s2.el[e].start += want;
            }
        }
        size_t len1 = s1.n, len2 = s2.n;
        /* (with -c, SET1's constructs are gone: no construct check) */
        if (!comp && s2.has_case_class && !tr__case_classes(cmd, &s1, &s2, &len1, &len2))
            return 1;
        if (!trunc && len1 > len2 && len2 > 0 && s2.nel && s2.el[s2.nel - 1].cls != TR_UL_NONE) {
            bi_err(cmd, "when translating with string1 longer than string2,\n"
                        "the latter string must not end with a character class");
            return 1;
        }
        size_t n1 = s1.n;
        if (trunc && s1.n > s2.n)
            s1.n = s2.n;
        if (s2.n == 0 && s1.n > 0) {
            bi_err(cmd, "when not truncating set1, string2 must be non-empty");
            return 1;
        }
        if (comp && s1_classes) {
            /* SET2, extended to SET1's length, must be one character */
            bool same_len = s2.n == n1 || (!trunc && s2.n < n1);
            bool homog = s2.n > 0;
            for (size_t i = 1; i < s2.n && homog; i++)
                homog = s2.c[i] == s2.c[0];
            if (!same_len || !homog) {
                bi_err(cmd, "when translating with complemented character classes,\n"
                            "string2 must map all characters in the domain to one");
                return 1;
            }
        }
        for (size_t i = 0; i < s1.n; i++)
            map[s1.c[i]] = s2.c[i < s2.n ? i : s2.n - 1];
    }
    if (squeeze) {
        const tr_set *ss = have2 ? &s2 : &s1;
        if (!have2 && comp) {
            for (int i = 0; i < 256; i++)
                sq[i] = in1[i];
        } else {
            for (size_t i = 0; i < ss->n; i++)
                sq[ss->c[i]] = true;
        }
    }
    unsigned char *buf = mem_alloc(cmd->heap, 65536), *ob = mem_alloc(cmd->heap, 65536);
    if (!buf || !ob)
        return bi_err(cmd, "memory exhausted");
    int last = -1, status = 0;
    for (;;) {
        ssize_t r = tx_read(cmd, cmd->in, "-", buf, 65536, TX_PLAIN);
        if (r < 0) {
            status = 1;
            break;
        }
        if (r == 0)
            break;
        size_t k = 0;
        for (ssize_t i = 0; i < r; i++) {
            unsigned char ch = buf[i];
            if (del && in1[ch])
                continue;
            ch = map[ch];
            if (squeeze && sq[ch] && last == ch)
                continue;
            last = ch;
            ob[k++] = ch;
        }
        if (bi_out(cmd, ob, k) < 0)
            break;
    }
    return bi_done(cmd, status);
}
