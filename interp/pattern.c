/*
 * Shell pattern matching (case, [[ == ]], ${x#pat}, pathname expansion):
 * * ? [...] with classes and ranges, '\' escapes, and the extglob operators
 * ?() *() +() @() !(). A step budget bounds pathological patterns.
 */
#include <ctype.h>
#include <string.h>

#include "interp/interp.h"

typedef struct pmctx {
    int flags;
    long budget;
} pmctx;

static bool pm__match(pmctx *c, const char *p, const char *pe, const char *s, const char *se,
                      bool at_start);

static int lc(int ch, int flags)
{
    return (flags & PM_NOCASE) ? tolower(ch) : ch;
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

static bool class_match(const char *name, size_t n, int ch)
{
#define CL(s, f) if (n == sizeof(s) - 1 && memcmp(name, s, n) == 0) return f(ch) != 0
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
        return isalnum(ch) || ch == '_';
    return false;
}

static bool bracket_match(pmctx *c, const char *p, const char *end, int ch)
{
    const char *q = p + 1;
    bool neg = false;
    if (*q == '!' || *q == '^') {
        neg = true;
        q++;
    }
    bool ok = false;
    int cch = lc(ch, c->flags);
    bool first = true;
    while (q < end) {
        if (*q == ']' && !first)
            break;
        first = false;
        int lo;
        if (*q == '[' && q + 1 < end && q[1] == ':') {
            const char *r = q + 2;
            while (r + 1 < end + 1 && !(r[0] == ':' && r[1] == ']'))
                r++;
            if ((c->flags & PM_NOCASE) && (memcmp(q + 2, "upper", 5) == 0 ||
                                           memcmp(q + 2, "lower", 5) == 0)) {
                if (isalpha(ch))
                    ok = true;
            } else if (class_match(q + 2, (size_t)(r - q - 2), ch))
                ok = true;
            q = r + 2;
            continue;
        }
        if (*q == '\\' && q + 1 < end)
            q++;
        lo = (unsigned char)*q;
        q++;
        if (q + 1 < end && *q == '-' && q[1] != ']') {
            q++;
            if (*q == '\\' && q + 1 < end)
                q++;
            int hi = (unsigned char)*q;
            q++;
            if (c->flags & PM_NOCASE) {
                if ((cch >= lc(lo, c->flags) && cch <= lc(hi, c->flags)) ||
                    (toupper(ch) >= lo && toupper(ch) <= hi))
                    ok = true;
            } else if (ch >= lo && ch <= hi)
                ok = true;
        } else if (lc(lo, c->flags) == cch)
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
    for (const char *k = s + 1; k <= se; k++) {
        if (alt_match(c, b, be, s, k, at_start) &&
            (k == se || rep_match(c, b, be, k, se, false)))
            return true;
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
                    for (const char *k = s; k <= se; k++)
                        if (alt_match(c, b, be, s, k, at_start) && pm__match(c, ee, pe, k, se, false))
                            return true;
                    return false;
                }
                if (pc == '*' || pc == '+') {
                    if (pc == '*' && pm__match(c, ee, pe, s, se, at_start))
                        return true;
                    for (const char *k = s + 1; k <= se; k++)
                        if (rep_match(c, b, be, s, k, at_start) && pm__match(c, ee, pe, k, se, false))
                            return true;
                    return false;
                }
                /* !(...) : any string that matches none of the alternatives */
                for (const char *k = s; k <= se; k++) {
                    if ((c->flags & PM_PERIOD) && at_start && s < se && *s == '.')
                        break;
                    if (!alt_match(c, b, be, s, k, at_start) && pm__match(c, ee, pe, k, se, false))
                        return true;
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
            for (const char *k = s; k <= se; k++) {
                if (pm__match(c, p, pe, k, se, false))
                    return true;
                if (k < se && *k == '/' && (c->flags & PM_PATHNAME))
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
            s++;
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
            if (!bracket_match(c, p, be, (unsigned char)*s))
                return false;
            p = be + 1;
            s++;
            break;
        }
        case '\\':
            if (p + 1 < pe)
                p++;
            /* fallthrough */
        default:
        literal:
            if (s == se || lc((unsigned char)*p, c->flags) != lc((unsigned char)*s, c->flags))
                return false;
            p++;
            s++;
            break;
        }
        at_start = false;
    }
    return s == se;
}

bool pattern_match(const char *pat, size_t plen, const char *s, size_t slen, int flags)
{
    pmctx c = {.flags = flags, .budget = 20000000};
    return pm__match(&c, pat, pat + plen, s, s + slen, true);
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
