/* Shell pattern matching (interp/pattern.c). */
#include "interp/interp.h"
#include "t.h"

static bool m(const char *p, const char *s, int fl)
{
    return pattern_match(p, strlen(p), s, strlen(s), fl);
}

int main(void)
{
    T_CHECK(m("*", "", 0));
    T_CHECK(m("*", "abc", 0));
    T_CHECK(m("a*c", "abbbc", 0));
    T_CHECK(!m("a*c", "abbb", 0));
    T_CHECK(m("?", "x", 0));
    T_CHECK(!m("?", "", 0));
    T_CHECK(m("[abc]", "b", 0));
    T_CHECK(!m("[abc]", "d", 0));
    T_CHECK(m("[!abc]", "d", 0));
    T_CHECK(m("[^abc]", "d", 0));
    T_CHECK(m("[a-z]x", "qx", 0));
    T_CHECK(m("[]]", "]", 0));
    T_CHECK(m("[[:digit:]][[:alpha:]]", "1a", 0));
    T_CHECK(!m("[[:upper:]]", "a", 0));
    T_CHECK(m("[[:upper:]]", "a", PM_NOCASE));
    T_CHECK(m("\\*", "*", 0));
    T_CHECK(!m("\\*", "a", 0));
    T_CHECK(m("a\\?b", "a?b", 0));
    T_CHECK(m("ABC", "abc", PM_NOCASE));
    T_CHECK(!m("ABC", "abc", 0));
    /* pathname rules */
    T_CHECK(!m("*", "a/b", PM_PATHNAME));
    T_CHECK(m("*", "a/b", 0));
    T_CHECK(!m("*", ".hidden", PM_PERIOD));
    T_CHECK(m(".*", ".hidden", PM_PERIOD));
    /* extglob */
    T_CHECK(m("@(a|b)", "a", PM_EXTGLOB));
    T_CHECK(!m("@(a|b)", "c", PM_EXTGLOB));
    T_CHECK(m("*.@(c|h)", "x.h", PM_EXTGLOB));
    T_CHECK(m("?(x)y", "y", PM_EXTGLOB));
    T_CHECK(m("?(x)y", "xy", PM_EXTGLOB));
    T_CHECK(!m("?(x)y", "xxy", PM_EXTGLOB));
    T_CHECK(m("*(ab)", "", PM_EXTGLOB));
    T_CHECK(m("*(ab)", "ababab", PM_EXTGLOB));
    T_CHECK(!m("+(ab)", "", PM_EXTGLOB));
    T_CHECK(m("+(ab)", "abab", PM_EXTGLOB));
    T_CHECK(m("!(*.o)", "a.c", PM_EXTGLOB));
    T_CHECK(!m("!(*.o)", "a.o", PM_EXTGLOB));
    T_CHECK(m("!(foo)", "foobar", PM_EXTGLOB));
    /* without extglob the parens are literal */
    T_CHECK(m("@(a)", "@(a)", 0));
    /* pathological patterns end (step budget) */
    T_CHECK(!m("*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0));
    T_CHECK(pattern_has_glob("a*", false));
    T_CHECK(!pattern_has_glob("a\\*", false));
    T_CHECK(pattern_has_glob("@(x)", true));
    T_CHECK(!pattern_has_glob("@(x)", false));
    return T_DONE();
}
