/*
 * Unit tests of the regex layer (builtins/lib/regex.c): BRE/ERE translation,
 * GNU's error messages, leftmost-longest matching, grep's buffer mode.
 *
 * How the expectations were obtained: every row of the two tables below was
 * produced on this machine by GNU sed 4.9 and GNU grep 3.8 (LC_ALL=C.UTF-8),
 * not written by hand:
 *   sed_rows:  printf '%s\n' SUBJECT | sed [-E] 's/PATTERN/<&>/g'
 *              (an error row holds sed's message without its "-e expression"
 *              prefix; the two patterns that sed's own s-command parser
 *              rejects first, "[a" and "a\", hold GNU grep's message)
 *   grep_rows: printf '%b\n' SUBJECT | grep -o [-G|-E] -e PATTERN | paste -sd'|'
 * The generator scripts are kept in docs/regex.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/regex.h"
#include "core/buf.h"
#include "core/mem.h"
#include "tests/unit/t.h"

typedef struct row {
    int flags;
    const char *pat, *sub, *want;
} row;

static const row sed_rows[] = {
    { RX_BRE, "a*", "baaac", "<>b<aaa>c<>" },
    { RX_BRE, "*a", "x*ay", "x<*a>y" },
    { RX_BRE, "^*a", "*ab", "<*a>b" },
    { RX_BRE, "\\(*a\\)", "*a", "<*a>" },
    { RX_BRE, "a\\{2\\}", "aaaaa", "<aa><aa>a" },
    { RX_BRE, "a\\{2,\\}", "aaaaa", "<aaaaa>" },
    { RX_BRE, "a\\{,2\\}", "aaaaa", "<aa><aa><a>" },
    { RX_BRE, "a\\{1,2\\}b", "aaab", "a<aab>" },
    { RX_BRE, "\\(ab\\)*c", "ababcx", "<ababc>x" },
    { RX_BRE, "\\(a\\)\\(b\\)\\2\\1", "abba", "<abba>" },
    { RX_BRE, "\\(a*\\)b\\1", "aabaa", "<aabaa>" },
    { RX_BRE, "x\\|xy", "xyz", "<xy>z" },
    { RX_BRE, "a\\+", "caaat", "c<aaa>t" },
    { RX_BRE, "a\\?b", "abb", "<ab><b>" },
    { RX_BRE, "^a", "aaa", "<a>aa" },
    { RX_BRE, "a^b", "a^b", "<a^b>" },
    { RX_BRE, "a$b", "a$b", "<a$b>" },
    { RX_BRE, "a$", "aaa", "aa<a>" },
    { RX_BRE, "\\(^a\\)", "aab", "<a>ab" },
    { RX_BRE, "\\(a$\\)", "baa", "ba<a>" },
    { RX_BRE, "[]a]", "]ab", "<]><a>b" },
    { RX_BRE, "[^]a]", "]ab", "]a<b>" },
    { RX_BRE, "[a-c]", "xbz", "x<b>z" },
    { RX_BRE, "[[:digit:]]\\+", "ab123c45", "ab<123>c<45>" },
    { RX_BRE, "[[:alpha:][:digit:]]*", "ab1-c", "<ab1>-<c>" },
    { RX_BRE, "[[=a=]b]", "cab", "c<a><b>" },
    { RX_BRE, "[[.-.]a]", "-a-", "<-><a><->" },
    { RX_BRE, "[a\\]", "a\\b", "<a><\\>b" },
    { RX_BRE, "\\<a", "a ba ab", "<a> ba <a>b" },
    { RX_BRE, "a\\>", "a ab ba", "<a> ab b<a>" },
    { RX_BRE, "\\ba\\b", "a ab a", "<a> ab <a>" },
    { RX_BRE, "\\Ba", "aba", "ab<a>" },
    { RX_BRE, "\\w\\+", "foo bar_1 \u00e9", "<foo> <bar_1> <\u00e9>" },
    { RX_BRE, "\\W", "a,b", "a<,>b" },
    { RX_BRE, "\\s", "a b", "a< >b" },
    { RX_BRE, "\\S\\+", "a bc", "<a> <bc>" },
    { RX_BRE, "\\`a", "aaa", "<a>aa" },
    { RX_BRE, "a\\'", "aaa", "aa<a>" },
    { RX_BRE, ".", "a\u00e9", "<a><\u00e9>" },
    { RX_BRE, "\\.", "a.b", "a<.>b" },
    { RX_BRE, "a**", "aaa", "ERR:Invalid preceding regular expression" },
    { RX_BRE, "\\(a\\|ab\\)\\(c\\|bcd\\)", "abcd", "<abcd>" },
    { RX_BRE, "a\\{2,1\\}", "a", "ERR:Invalid content of \\{\\}" },
    { RX_BRE, "a\\{1", "a", "ERR:Unmatched \\{" },
    { RX_BRE, "\\{1\\}", "a", "ERR:Invalid preceding regular expression" },
    { RX_BRE, "\\(a", "a", "ERR:Unmatched ( or \\(" },
    { RX_BRE, "a\\)", "a", "ERR:Unmatched ) or \\)" },
    { RX_BRE, "\\1", "a", "ERR:Invalid back reference" },
    { RX_BRE, "\\(a\\1\\)", "a", "ERR:Invalid back reference" },
    { RX_BRE, "[a", "a", "ERR:Unmatched [, [^, [:, [., or [=" },
    { RX_BRE, "[[:foo:]]", "a", "ERR:Invalid character class name" },
    { RX_BRE, "[z-a]", "a", "ERR:Invalid range end" },
    { RX_BRE, "a\\", "a", "ERR:Trailing backslash" },
    { RX_BRE, "[[.ab.]]", "a", "ERR:Invalid collation character" },
    { RX_BRE, "a\\{99999\\}", "a", "ERR:Regular expression too big" },
    { RX_ERE, "a|ab", "abc", "<ab>c" },
    { RX_ERE, "(a|ab)(c|bcd)", "abcd", "<abcd>" },
    { RX_ERE, "x*|xy", "xyz", "<xy>z<>" },
    { RX_ERE, "(a*)+b", "aab", "<aab>" },
    { RX_ERE, "a+*", "aaa", "<aaa>" },
    { RX_ERE, "a**", "aaa", "<aaa>" },
    { RX_ERE, "a*?", "aaa", "<aaa>" },
    { RX_ERE, "a{2}{2}", "aaaaa", "<aaaa>a" },
    { RX_ERE, "(ab|a)(bc|c)?", "abc", "<abc>" },
    { RX_ERE, "(a|b)*c", "abac", "<abac>" },
    { RX_ERE, "(a)(b)\\2\\1", "abba", "<abba>" },
    { RX_ERE, "a{,2}", "aaaaa", "<aa><aa><a>" },
    { RX_ERE, "a{1", "a", "ERR:Unmatched \\{" },
    { RX_ERE, "*a", "a", "ERR:Invalid preceding regular expression" },
    { RX_ERE, "a|*b", "a", "ERR:Invalid preceding regular expression" },
    { RX_ERE, "(a", "a", "ERR:Unmatched ( or \\(" },
    { RX_ERE, "a)", "a", "ERR:Unmatched ) or \\)" },
    { RX_ERE, "()", "a", "<>a<>" },
    { RX_ERE, "a{x}", "a", "ERR:Invalid content of \\{\\}" },
    { RX_ERE, "^a|b$", "ab", "<a><b>" },
    { RX_ERE, "[[:upper:]]+", "aBCd", "a<BC>d" },
    { RX_ERE, "(foo|foobar)x?", "foobarx", "<foobarx>" },
    { RX_ERE, "(wee|week)(knights|night)", "weeknights", "<weeknights>" },
    { RX_ERE, "[^a]+", "bcad", "<bc>a<d>" },
    { RX_ERE, "\\(", "a(b", "a<(>b" },
    { RX_ERE, "a{1,2}{3}", "aaaaaaa", "<aaaaaa>a" },
    { RX_ERE, "(a|ab)\\1", "abab", "<abab>" },
    { RX_ERE, "(a|ab)(b*)\\2", "abbb", "<abbb>" },
    { RX_BRE, "\\(x\\|xy\\)\\1*z", "xyxyz", "<xyxyz>" },
    { RX_ERE, "(a*)(ab)*b", "aabb", "<aabb>" },
    { RX_ERE, "(ab|a)(bc|c)", "abc", "<abc>" },
    { RX_ERE, "[[:space:]]+|x", "a  x", "a<  ><x>" },
};

static const row grep_rows[] = {
    { RX_BRE | RX_GREP | RX_NEWLINE, "a**", "aaa", "aaa" },
    { RX_BRE | RX_GREP | RX_NEWLINE, "a*\\{2\\}", "aaa", "aaa" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "*a", "x*a", "a" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "a{1", "a{1", "a{1" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "a)", "a)", "a)" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "a{1,2}{3}", "aaaaaaa", "aaaaaa" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "x|xy", "axyz", "xy" },
    { RX_BRE | RX_GREP | RX_NEWLINE, "a.c", "abc\nadc", "abc|adc" },
    { RX_BRE | RX_GREP | RX_NEWLINE, "[^x]*", "ab\ncd", "ab|cd" },
    { RX_BRE | RX_GREP | RX_NEWLINE, "\\s*x", " \nx", "x" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "^b", "ab\nba", "b" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "a$", "ab\nba", "a" },
    { RX_BRE | RX_GREP | RX_NEWLINE, "\\W\\+", "a,\n,b", ",|," },
    { RX_BRE | RX_GREP | RX_NEWLINE, "[[:space:]]*z", " \n z", " z" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "(a|ab)(c|bcd)(d*)", "abcd", "abcd" },
    { RX_ERE | RX_GREP | RX_NEWLINE, "[:space:]", "a", "ERR:character class syntax is [[:space:]], not [:space:]" },
};

/* sed's s/RE/<&>/g loop: an empty match right after a match is skipped. */
static char *sed_g(mem_heap *h, rx *r, const char *s, size_t len)
{
    vbuf o;
    vbuf_init(&o, h);
    vbuf_adds(&o, "");
    size_t pos = 0;
    long prev_end = -1;
    while (pos <= len) {
        rx_match m;
        int rc = rx_exec(r, s, len, pos, RX_LONGEST, &m);
        if (rc <= 0)
            break;
        if (m.so == m.eo && (long)m.so == prev_end) {
            if (m.so >= len)
                break;
            vbuf_add(&o, s + pos, m.so + 1 - pos);
            pos = m.so + 1;
            continue;
        }
        vbuf_add(&o, s + pos, m.so - pos);
        vbuf_addc(&o, '<');
        vbuf_add(&o, s + m.so, m.eo - m.so);
        vbuf_addc(&o, '>');
        prev_end = (long)m.eo;
        if (m.so == m.eo) {
            if (m.eo >= len)
                break;
            vbuf_addc(&o, s[m.eo]);
            pos = m.eo + 1;
        } else {
            pos = m.eo;
        }
    }
    if (pos < len)
        vbuf_add(&o, s + pos, len - pos);
    return vbuf_take(&o, NULL);
}

/* grep -o: every non-empty match, joined by '|'. */
static char *grep_o(mem_heap *h, rx *r, const char *s, size_t len)
{
    vbuf o;
    vbuf_init(&o, h);
    vbuf_adds(&o, "");
    size_t pos = 0;
    while (pos < len) {
        rx_match m;
        if (rx_exec(r, s, len, pos, RX_LONGEST, &m) <= 0)
            break;
        if (m.so == m.eo) {
            pos = m.so + 1;
            continue;
        }
        if (o.len)
            vbuf_addc(&o, '|');
        vbuf_add(&o, s + m.so, m.eo - m.so);
        pos = m.eo;
    }
    return vbuf_take(&o, NULL);
}

static void run_rows(mem_heap *h, const row *rows, size_t n, bool grep)
{
    for (size_t i = 0; i < n; i++) {
        const row *c = &rows[i];
        rx *r = NULL;
        char *err = NULL;
        int rc = rx_compile(h, c->pat, (size_t)-1, c->flags | RX_UTF, &r, &err);
        char *got;
        if (rc != 0) {
            got = mem_printf(h, "ERR:%s", err ? err : "?");
        } else {
            size_t sl = strlen(c->sub);
            got = grep ? grep_o(h, r, c->sub, sl) : sed_g(h, r, c->sub, sl);
        }
        T_CHECK_MSG(strcmp(got, c->want) == 0, "pattern '%s' on '%s': got '%s', want '%s' (pcre2: %s)",
                    c->pat, c->sub, got, c->want, r ? rx_pcre_source(r) : "-");
        rx_free(r);
    }
}

static void test_warning(mem_heap *h)
{
    rx *r = NULL;
    T_EQ_INT(rx_compile(h, "*a", (size_t)-1, RX_ERE | RX_GREP, &r, NULL), 0);
    T_EQ_STR(rx_warning(r), "* at start of expression");
    rx_free(r);
    T_EQ_INT(rx_compile(h, "a*", (size_t)-1, RX_ERE | RX_GREP, &r, NULL), 0);
    T_CHECK(rx_warning(r) == NULL);
    rx_free(r);
}

static void test_fixed_multi(mem_heap *h)
{
    const char *pats[] = { "ab", "abcd", "x.y" };
    rx *r = NULL;
    T_EQ_INT(rx_compile_multi(h, pats, NULL, 3, RX_FIXED, &r, NULL), 0);
    rx_match m;
    T_EQ_INT(rx_exec(r, "zabcdx.y", 8, 0, RX_LONGEST, &m), 1);
    T_EQ_INT(m.so, 1);
    T_EQ_INT(m.eo, 5);   /* grep -oF -e ab -e abcd gives abcd */
    T_EQ_INT(rx_exec(r, "xzy", 3, 0, 0, &m), 0);
    rx_free(r);

    /* literal fast path */
    T_EQ_INT(rx_compile(h, "needle", (size_t)-1, RX_BRE, &r, NULL), 0);
    T_CHECK(rx_literal(r, NULL, NULL));
    T_EQ_INT(rx_exec(r, "hayneedlehay", 12, 0, 0, &m), 1);
    T_EQ_INT(m.so, 3);
    rx_free(r);
}

static void test_multi_backrefs(mem_heap *h)
{
    /* grep -e '\(a\)\1' -e '\(b\)\1': each pattern's \1 is its own group */
    const char *pats[] = { "\\(a\\)\\1", "\\(b\\)\\1" };
    rx *r = NULL;
    T_EQ_INT(rx_compile_multi(h, pats, NULL, 2, RX_BRE, &r, NULL), 0);
    T_EQ_INT(rx_exec(r, "xbb", 3, 0, 0, NULL), 1);
    T_EQ_INT(rx_exec(r, "xab", 3, 0, 0, NULL), 0);
    T_EQ_INT(rx_groups(r), 2);
    rx_free(r);
}

static void test_word_line(mem_heap *h)
{
    rx *r = NULL;
    rx_match m;
    T_EQ_INT(rx_compile(h, "foo", (size_t)-1, RX_BRE | RX_WORD, &r, NULL), 0);
    T_EQ_INT(rx_exec(r, "foobar foo", 10, 0, 0, &m), 1);
    T_EQ_INT(m.so, 7);
    rx_free(r);
    T_EQ_INT(rx_compile(h, "a.c", (size_t)-1, RX_BRE | RX_LINE | RX_NEWLINE, &r, NULL), 0);
    T_EQ_INT(rx_exec(r, "xabc\nabc\n", 9, 0, 0, &m), 1);
    T_EQ_INT(m.so, 5);
    rx_free(r);
}

static void test_limit(mem_heap *h)
{
    rx *r = NULL;
    T_EQ_INT(rx_compile(h, "(a|aa)+$", (size_t)-1, RX_ERE, &r, NULL), 0);
    rx_set_limit(r, 10000);
    char s[64];
    memset(s, 'a', 40);
    s[40] = 'b';
    int rc = rx_exec(r, s, 41, 0, 0, NULL);
    T_EQ_INT(rc, RX_ELIMIT);
    rx_free(r);
}

static void test_submatch(mem_heap *h)
{
    rx *r = NULL;
    rx_match m;
    /* leftmost-longest with groups: sed -E 's/(a|ab)(c|bcd)/[\1,\2]/' on abcd */
    T_EQ_INT(rx_compile(h, "(a|ab)(c|bcd)", (size_t)-1, RX_ERE, &r, NULL), 0);
    T_EQ_INT(rx_exec(r, "abcd", 4, 0, RX_LONGEST, &m), 1);
    T_EQ_INT(m.eo, 4);
    T_EQ_INT(m.ov[2], 0);
    T_EQ_INT(m.ov[3], 1);
    T_EQ_INT(m.ov[4], 1);
    T_EQ_INT(m.ov[5], 4);
    rx_free(r);
}

static void test_longest_fallbacks(mem_heap *h)
{
    rx *r = NULL;
    rx_match m;
    /* invalid UTF-8 in the subject: the DFA is skipped, the callout walk
     * still finds the longest alternative (grep -oE 'ab|abcd' prints abcd) */
    T_EQ_INT(rx_compile(h, "ab|abcd", (size_t)-1, RX_ERE | RX_UTF, &r, NULL), 0);
    T_EQ_INT(rx_exec(r, "\377abcd", 5, 0, RX_LONGEST, &m), 1);
    T_EQ_INT(m.so, 1);
    T_EQ_INT(m.eo, 5);
    rx_free(r);
    /* buffer mode: \s must not cross a line (grep -c 'a\sb' on "a\nb" is 0) */
    T_EQ_INT(rx_compile(h, "a\\sb", (size_t)-1, RX_BRE | RX_NEWLINE, &r, NULL), 0);
    T_EQ_INT(rx_exec(r, "a\nb\n", 4, 0, 0, NULL), 0);
    rx_free(r);
}

static void test_invalid_utf(mem_heap *h)
{
    rx *r = NULL;
    /* printf 'a\377b\n' | grep -c 'a.b' gives 0 in C.UTF-8 */
    T_EQ_INT(rx_compile(h, "a.b", (size_t)-1, RX_BRE | RX_UTF, &r, NULL), 0);
    T_EQ_INT(rx_exec(r, "a\377b", 3, 0, 0, NULL), 0);
    T_EQ_INT(rx_exec(r, "xa\303\251b", 5, 0, 0, NULL), 1);
    rx_free(r);
}

int main(void)
{
    mem_heap *h = mem_heap_new(0);
    run_rows(h, sed_rows, sizeof sed_rows / sizeof sed_rows[0], false);
    run_rows(h, grep_rows, sizeof grep_rows / sizeof grep_rows[0], true);
    test_warning(h);
    test_fixed_multi(h);
    test_multi_backrefs(h);
    test_word_line(h);
    test_limit(h);
    test_submatch(h);
    test_invalid_utf(h);
    test_longest_fallbacks(h);
    mem_heap_destroy(h);
    return T_DONE();
}
