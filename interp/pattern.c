/*
 * Shell pattern matching (case, [[ == ]], ${x#pat}, pathname expansion):
 * * ? [...] with classes and ranges, '\' escapes, and the extglob operators
 * ?() *() +() @() !(). A step budget bounds pathological patterns.
 */
#include <ctype.h>
#include <locale.h>
#include <stdint.h>
#include <string.h>
#include <wctype.h>

#include "interp/interp.h"

typedef struct pmctx {
    int flags;
    long budget;
    locale_t loc;       /* C.UTF-8, made when a non-ASCII letter needs it */
} pmctx;

static bool pm__match(pmctx *c, const char *p, const char *pe, const char *s, const char *se,
                      bool at_start);

/* A byte that starts no valid UTF-8 sequence stands for itself, apart from
 * every character: */
#define PM_RAW 0x80000000u

/* The character at s (s < se): its byte length and code point. The subject
 * and the pattern are read as UTF-8, as bash does in a UTF-8 locale. */
static size_t pm_char(const char *s, const char *se, uint32_t *cp)
{
    unsigned char b = (unsigned char)*s;
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (!n || (size_t)(se - s) < n) {
        *cp = PM_RAW | b;
        return 1;
    }
    uint32_t v = b & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        unsigned char t = (unsigned char)s[i];
        if ((t & 0xC0) != 0x80) {
            *cp = PM_RAW | b;
            return 1;
        }
        v = (v << 6) | (t & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = PM_RAW | b;
        return 1;
    }
    *cp = v;
    return n;
}

static const char *pm_next(const char *s, const char *se)
{
    uint32_t cp;
    return s < se ? s + pm_char(s, se, &cp) : se;
}

static bool pm_loc(pmctx *c)
{
    if (!c->loc)
        c->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    return c->loc != (locale_t)0;
}

static uint32_t pm_lower(pmctx *c, uint32_t ch)
{
    if (ch < 0x80)
        return (uint32_t)tolower((int)ch);
    if ((ch & PM_RAW) || !pm_loc(c))
        return ch;
    return (uint32_t)towlower_l((wint_t)ch, c->loc);
}

static uint32_t pm_upper(pmctx *c, uint32_t ch)
{
    if (ch < 0x80)
        return (uint32_t)toupper((int)ch);
    if ((ch & PM_RAW) || !pm_loc(c))
        return ch;
    return (uint32_t)towupper_l((wint_t)ch, c->loc);
}

static uint32_t lc(pmctx *c, uint32_t ch)
{
    return (c->flags & PM_NOCASE) ? pm_lower(c, ch) : ch;
}

static bool is_ext_op(char ch)
{
    return ch == '?' || ch == '*' || ch == '+' || ch == '@' || ch == '!';
}

/* End of a bracket expression starting at p ('['); NULL if not closed. */
static const char *bracket_end(const char *p, const char *pe)
{
    const char *q = p + 1;
    if (q < pe && (*q == '!' || *q == '^'))
        q++;
    if (q < pe && *q == ']')
        q++;
    while (q < pe && *q != ']') {
        if (*q == '\\' && q + 1 < pe)
            q++;
        else if (*q == '[' && q + 1 < pe && (q[1] == ':' || q[1] == '=' || q[1] == '.')) {
            char t = q[1];
            const char *r = q + 2;
            while (r + 1 < pe && !(r[0] == t && r[1] == ']'))
                r++;
            if (r + 1 < pe)
                q = r + 1;
        }
        q++;
    }
    return q < pe ? q : NULL;
}

static bool class_match(pmctx *c, const char *name, size_t n, uint32_t ch)
{
    if (ch >= 0x80) {
        /* a letter of another script: the C.UTF-8 tables */
        if ((ch & PM_RAW) || !pm_loc(c))
            return false;
        wint_t w = (wint_t)ch;
#define WCL(s, f) if (n == sizeof(s) - 1 && memcmp(name, s, n) == 0) return f(w, c->loc) != 0
        WCL("alpha", iswalpha_l);
        WCL("digit", iswdigit_l);
        WCL("alnum", iswalnum_l);
        WCL("upper", iswupper_l);
        WCL("lower", iswlower_l);
        WCL("space", iswspace_l);
        WCL("blank", iswblank_l);
        WCL("punct", iswpunct_l);
        WCL("print", iswprint_l);
        WCL("graph", iswgraph_l);
        WCL("cntrl", iswcntrl_l);
        WCL("xdigit", iswxdigit_l);
#undef WCL
        if (n == 4 && memcmp(name, "word", 4) == 0)
            return iswalnum_l(w, c->loc) != 0;
        return false;
    }
    int b = (int)ch;
#define CL(s, f) if (n == sizeof(s) - 1 && memcmp(name, s, n) == 0) return f(b) != 0
    CL("alpha", isalpha);
    CL("digit", isdigit);
    CL("alnum", isalnum);
    CL("upper", isupper);
    CL("lower", islower);
    CL("space", isspace);
    CL("blank", isblank);
    CL("punct", ispunct);
    CL("print", isprint);
    CL("graph", isgraph);
    CL("cntrl", iscntrl);
    CL("xdigit", isxdigit);
#undef CL
    if (n == 4 && memcmp(name, "word", 4) == 0)
        return isalnum(b) || b == '_';
    return false;
}

static bool bracket_match(pmctx *c, const char *p, const char *end, uint32_t ch)
{
    const char *q = p + 1;
    bool neg = false;
    if (*q == '!' || *q == '^') {
        neg = true;
        q++;
    }
    bool ok = false;
    uint32_t cch = lc(c, ch);
    bool first = true;
    while (q < end) {
        if (*q == ']' && !first)
            break;
        first = false;
        uint32_t lo;
        if (*q == '[' && q + 1 < end && q[1] == ':') {
            const char *r = q + 2;
            while (r + 1 < end + 1 && !(r[0] == ':' && r[1] == ']'))
                r++;
            if ((c->flags & PM_NOCASE) && (memcmp(q + 2, "upper", 5) == 0 ||
                                           memcmp(q + 2, "lower", 5) == 0)) {
                if (class_match(c, "alpha", 5, ch))
                    ok = true;
            } else if (class_match(c, q + 2, (size_t)(r - q - 2), ch))
                ok = true;
            q = r + 2;
            continue;
        }
        if (*q == '\\' && q + 1 < end)
            q++;
        q += pm_char(q, end + 1, &lo);
        if (q + 1 < end && *q == '-' && q[1] != ']') {
            q++;
            if (*q == '\\' && q + 1 < end)
                q++;
            uint32_t hi;
            q += pm_char(q, end + 1, &hi);
            if (c->flags & PM_NOCASE) {
                if ((cch >= lc(c, lo) && cch <= lc(c, hi)) ||
                    (pm_upper(c, ch) >= lo && pm_upper(c, ch) <= hi))
                    ok = true;
            } else if (ch >= lo && ch <= hi)
                ok = true;
        } else if (lc(c, lo) == cch)
            ok = true;
    }
    return ok != neg;
}

/* End of an extglob group "X(...)" starting at p (the op char): points past ')'. */
static const char *ext_end(const char *p, const char *pe)
{
    const char *q = p + 2;
    int d = 1;
    while (q < pe) {
        if (*q == '\\' && q + 1 < pe) {
            q += 2;
            continue;
        }
        if (*q == '[') {
            const char *b = bracket_end(q, pe);
            if (b) {
                q = b + 1;
                continue;
            }
        }
        if (*q == '(')
            d++;
        else if (*q == ')') {
            if (--d == 0)
                return q + 1;
        }
        q++;
    }
    return NULL;
}

/* Does s..se match one of the '|' alternatives of group body b..be? */
static bool alt_match(pmctx *c, const char *b, const char *be, const char *s, const char *se,
                      bool at_start)
{
    const char *a = b;
    int d = 0;
    for (const char *q = b; q <= be; q++) {
        if (q < be && *q == '\\' && q + 1 < be) {
            q++;
            continue;
        }
        if (q < be && *q == '(')
            d++;
        else if (q < be && *q == ')')
            d--;
        if (q == be || (*q == '|' && d == 0)) {
            if (pm__match(c, a, q, s, se, at_start))
                return true;
            a = q + 1;
        }
    }
    return false;
}

/* One or more repetitions of the group matching s..se entirely. */
static bool rep_match(pmctx *c, const char *b, const char *be, const char *s, const char *se,
                      bool at_start)
{
    if (s == se)
        return false;
    for (const char *k = pm_next(s, se);; k = pm_next(k, se)) {
        if (alt_match(c, b, be, s, k, at_start) &&
            (k == se || rep_match(c, b, be, k, se, false)))
            return true;
        if (k >= se)
            break;
    }
    return false;
}

static bool pm__match(pmctx *c, const char *p, const char *pe, const char *s, const char *se,
                      bool at_start)
{
    while (p < pe) {
        if (--c->budget < 0)
            return false;
        char pc = *p;
        if ((c->flags & PM_EXTGLOB) && is_ext_op(pc) && p + 1 < pe && p[1] == '(') {
            const char *ee = ext_end(p, pe);
            if (ee) {
                const char *b = p + 2, *be = ee - 1;
                if (pc == '@' || pc == '?') {
                    if (pc == '?' && pm__match(c, ee, pe, s, se, at_start))
                        return true;
                    for (const char *k = s;; k = pm_next(k, se)) {
                        if (alt_match(c, b, be, s, k, at_start) && pm__match(c, ee, pe, k, se, false))
                            return true;
                        if (k >= se)
                            break;
                    }
                    return false;
                }
                if (pc == '*' || pc == '+') {
                    if (pc == '*' && pm__match(c, ee, pe, s, se, at_start))
                        return true;
                    if (s == se)
                        return false;
                    for (const char *k = pm_next(s, se);; k = pm_next(k, se)) {
                        if (rep_match(c, b, be, s, k, at_start) && pm__match(c, ee, pe, k, se, false))
                            return true;
                        if (k >= se)
                            break;
                    }
                    return false;
                }
                /* !(...) : any string that matches none of the alternatives */
                for (const char *k = s;; k = pm_next(k, se)) {
                    if ((c->flags & PM_PERIOD) && at_start && s < se && *s == '.')
                        break;
                    if (!alt_match(c, b, be, s, k, at_start) && pm__match(c, ee, pe, k, se, false))
                        return true;
                    if (k >= se)
                        break;
                }
                return false;
            }
        }
        switch (pc) {
        case '*': {
            while (p < pe && *p == '*' &&
                   !((c->flags & PM_EXTGLOB) && p + 1 < pe && p[1] == '('))
                p++;
            if ((c->flags & PM_PERIOD) && at_start && s < se && *s == '.')
                return false;
            if (p == pe) {
                if (c->flags & PM_PATHNAME)
                    return memchr(s, '/', (size_t)(se - s)) == NULL;
                return true;
            }
            /* a plain character after the star: only try where it is */
            char lit = 0;
            if (!(c->flags & PM_NOCASE) && !strchr("?*[\\", *p) &&
                !((c->flags & PM_EXTGLOB) && is_ext_op(*p) && p + 1 < pe && p[1] == '('))
                lit = *p;
            for (const char *k = s;; k = pm_next(k, se)) {
                if ((!lit || (k < se && *k == lit)) && pm__match(c, p, pe, k, se, false))
                    return true;
                if (k >= se)
                    break;
                if (*k == '/' && (c->flags & PM_PATHNAME))
                    return false;
                if (c->budget < 0)
                    return false;
            }
            return false;
        }
        case '?':
            if (s == se)
                return false;
            if ((c->flags & PM_PATHNAME) && *s == '/')
                return false;
            if ((c->flags & PM_PERIOD) && at_start && *s == '.')
                return false;
            p++;
            s = pm_next(s, se);
            break;
        case '[': {
            const char *be = bracket_end(p, pe);
            if (!be)
                goto literal;
            if (s == se)
                return false;
            if ((c->flags & PM_PATHNAME) && *s == '/')
                return false;
            if ((c->flags & PM_PERIOD) && at_start && *s == '.')
                return false;
            uint32_t sc;
            size_t sl = pm_char(s, se, &sc);
            if (!bracket_match(c, p, be, sc))
                return false;
            p = be + 1;
            s += sl;
            break;
        }
        case '\\':
            if (p + 1 < pe)
                p++;
            /* fallthrough */
        default:
        literal:
            if (s == se)
                return false;
            if (!(c->flags & PM_NOCASE) || ((unsigned char)*p < 0x80 && (unsigned char)*s < 0x80)) {
                /* bytes compare as they are; ASCII folds cheaply */
                if (lc(c, (unsigned char)*p) != lc(c, (unsigned char)*s))
                    return false;
                p++;
                s++;
                break;
            }
            uint32_t pch, sch;
            size_t pl = pm_char(p, pe, &pch), sl = pm_char(s, se, &sch);
            if (pm_lower(c, pch) != pm_lower(c, sch))
                return false;
            p += pl;
            s += sl;
            break;
        }
        at_start = false;
    }
    return s == se;
}

bool pattern_match(const char *pat, size_t plen, const char *s, size_t slen, int flags)
{
    pmctx c = {.flags = flags, .budget = 20000000};
    bool r = pm__match(&c, pat, pat + plen, s, s + slen, true);
    if (c.loc)
        freelocale(c.loc);
    return r;
}

bool pattern_has_glob(const char *pat, bool extglob)
{
    for (const char *p = pat; *p; p++) {
        if (*p == '\\') {
            if (p[1])
                p++;
            continue;
        }
        if (*p == '*' || *p == '?')
            return true;
        if (*p == '[' && strchr(p + 1, ']'))
            return true;
        if (extglob && is_ext_op(*p) && p[1] == '(')
            return true;
    }
    return false;
}
