/*
 * sort: sort lines of text files. Orderings -b -d -f -g -h -i -M -n -R -r
 * -V, keys -k POS1[,POS2] with per-key modifiers and -t SEP, -s, -u, -c /
 * -C (with GNU's "disorder" message), -m, -o FILE (written after all input
 * is read, so it may name an input), -z, --sort=WORD, --random-source
 * (ignored: -R uses the session's seeded generator). -S, -T, --parallel,
 * --batch-size and --compress-program are accepted and ignored, as GNU
 * allows. --files0-from=F takes the operands from F (NUL-terminated). Keys, blanks and the last-resort comparison follow GNU's sort.c;
 * the collation is bytewise (the C and C.UTF-8 locales).
 * All input is held in memory: past the session's memory limit sort fails
 * with the limit named. -m sorts its (already sorted) inputs like -s would.
 * Reference: GNU coreutils 9.1 sort.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <xxhash.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"
#include "vbash/vbash.h"

VB_BUILTIN("sort", bi_sort, BI_UTIL)
int bi_sort(vb_cmd *cmd);

static const char sort_help[] =
    "Usage: sort [OPTION]... [FILE]...\n"
    "  or:  sort [OPTION]... --files0-from=F\n"
    "Write sorted concatenation of all FILE(s) to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Ordering options:\n"
    "  -b, --ignore-leading-blanks  ignore leading blanks\n"
    "  -d, --dictionary-order      consider only blanks and alphanumeric characters\n"
    "  -f, --ignore-case           fold lower case to upper case characters\n"
    "  -g, --general-numeric-sort  compare according to general numerical value\n"
    "  -i, --ignore-nonprinting    consider only printable characters\n"
    "  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'\n"
    "  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)\n"
    "  -n, --numeric-sort          compare according to string numerical value\n"
    "  -R, --random-sort           shuffle, but group identical keys\n"
    "  -r, --reverse               reverse the result of comparisons\n"
    "      --sort=WORD             sort according to WORD:\n"
    "                                general-numeric -g, human-numeric -h, month -M,\n"
    "                                numeric -n, random -R, version -V\n"
    "  -V, --version-sort          natural sort of (version) numbers within text\n"
    "\n"
    "Other options:\n"
    "  -c, --check, --check=diagnose-first  check for sorted input; do not sort\n"
    "  -C, --check=quiet, --check=silent  like -c, but do not report first bad line\n"
    "      --files0-from=F       read input from the files specified by\n"
    "                            NUL-terminated names in file F;\n"
    "                            If F is - then read names from standard input\n"
    "  -k, --key=KEYDEF          sort via a key; KEYDEF gives location and type\n"
    "  -m, --merge               merge already sorted files; do not sort\n"
    "  -o, --output=FILE         write result to FILE instead of standard output\n"
    "  -s, --stable              stabilize sort by disabling last-resort comparison\n"
    "  -S, --buffer-size=SIZE    use SIZE for main memory buffer\n"
    "  -t, --field-separator=SEP  use SEP instead of non-blank to blank transition\n"
    "  -T, --temporary-directory=DIR  use DIR for temporaries\n"
    "      --parallel=N          change the number of sorts run concurrently to N\n"
    "  -u, --unique              with -c, check for strict ordering;\n"
    "                              without -c, output only the first of an equal run\n"
    "  -z, --zero-terminated     line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a\n"
    "field number and C a character position in the field; both are origin 1, and\n"
    "the stop position defaults to the line's end.  OPTS is one or more\n"
    "single-letter ordering options [bdfgiMhnRrV], which override global ordering\n"
    "options for that key.\n";

enum {
    SORT_SORT = 256, SORT_RANDSRC, SORT_PARALLEL, SORT_BATCH, SORT_COMPRESS, SORT_CHECK,
    SORT_DEBUG, SORT_FILES0, SORT_HELP, SORT_VERSION,
};

/* In GNU sort's order, --help and --version included: abbreviations are
 * resolved, and ambiguities listed, as GNU's getopt_long does over that
 * table ("--vers" is ambiguous between --version-sort and --version). */
static const bi_longopt sort_longs[] = {
    {"ignore-leading-blanks", 0, 'b'}, {"check", 2, SORT_CHECK},
    {"compress-program", 1, SORT_COMPRESS}, {"debug", 0, SORT_DEBUG},
    {"dictionary-order", 0, 'd'}, {"ignore-case", 0, 'f'}, {"files0-from", 1, SORT_FILES0},
    {"general-numeric-sort", 0, 'g'}, {"ignore-nonprinting", 0, 'i'}, {"key", 1, 'k'},
    {"merge", 0, 'm'}, {"month-sort", 0, 'M'}, {"numeric-sort", 0, 'n'},
    {"human-numeric-sort", 0, 'h'}, {"version-sort", 0, 'V'}, {"random-sort", 0, 'R'},
    {"random-source", 1, SORT_RANDSRC}, {"sort", 1, SORT_SORT}, {"output", 1, 'o'},
    {"reverse", 0, 'r'}, {"stable", 0, 's'}, {"batch-size", 1, SORT_BATCH},
    {"buffer-size", 1, 'S'}, {"field-separator", 1, 't'}, {"temporary-directory", 1, 'T'},
    {"unique", 0, 'u'}, {"zero-terminated", 0, 'z'}, {"parallel", 1, SORT_PARALLEL},
    {"help", 0, SORT_HELP}, {"version", 0, SORT_VERSION}, {0},
};

typedef struct sort_key {
    size_t sword, schar, eword, echar;   /* eword SIZE_MAX: to the end of the line */
    bool skipsblanks, skipeblanks;
    bool fold, dict, nonprint;
    unsigned mflags;                     /* SORT_M_* as given */
    char mode;                           /* 0 text, 'n' 'g' 'h' 'M' 'V' 'R' */
    bool reverse;
} sort_key;

enum { SORT_M_G = 1, SORT_M_H = 2, SORT_M_MON = 4, SORT_M_N = 8, SORT_M_R = 16, SORT_M_V = 32 };

static unsigned sort__mbit(int c)
{
    switch (c) {
    case 'g': return SORT_M_G;
    case 'h': return SORT_M_H;
    case 'M': return SORT_M_MON;
    case 'n': return SORT_M_N;
    case 'R': return SORT_M_R;
    case 'V': return SORT_M_V;
    default: return 0;
    }
}

typedef struct sort_line {
    const char *p;
    size_t len;                           /* without the delimiter */
    int64_t nv;                           /* see sort__numkey; read only when st->fastn */
} sort_line;

/* nv of a line whose first key is not a plain integer of at most 18 digits */
#define SORT_NOFAST INT64_MIN

typedef struct sort_state {
    vb_cmd *cmd;
    sort_key *keys;
    size_t nkeys, capkeys;
    sort_key gkey;                        /* global options */
    int tab;                              /* -1: blank transitions */
    bool unique, stable, reverse;
    int eol;
    uint64_t seed;
    bool fastn;                           /* lines carry nv for keys[0] (mode 'n') */
} sort_state;

/* GNU's field_sep: isblank or newline. */
static bool sort__blank(int c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static const char *sort__begfield(const sort_state *st, const sort_line *l, const sort_key *k)
{
    const char *ptr = l->p, *lim = l->p + l->len;
    size_t sword = k->sword;
    if (st->tab >= 0) {
        while (ptr < lim && sword--) {
            while (ptr < lim && *ptr != (char)st->tab)
                ptr++;
            if (ptr < lim)
                ptr++;
        }
    } else {
        while (ptr < lim && sword--) {
            while (ptr < lim && sort__blank((unsigned char)*ptr))
                ptr++;
            while (ptr < lim && !sort__blank((unsigned char)*ptr))
                ptr++;
        }
    }
    if (k->skipsblanks)
        while (ptr < lim && sort__blank((unsigned char)*ptr))
            ptr++;
    return (size_t)(lim - ptr) < k->schar ? lim : ptr + k->schar;
}

static const char *sort__limfield(const sort_state *st, const sort_line *l, const sort_key *k)
{
    const char *ptr = l->p, *lim = l->p + l->len;
    if (k->eword == SIZE_MAX)
        return lim;
    size_t eword = k->eword, echar = k->echar;
    if (echar == 0)
        eword++;
    if (st->tab >= 0) {
        while (ptr < lim && eword--) {
            while (ptr < lim && *ptr != (char)st->tab)
                ptr++;
            if (ptr < lim && (eword || echar))
                ptr++;
        }
    } else {
        while (ptr < lim && eword--) {
            while (ptr < lim && sort__blank((unsigned char)*ptr))
                ptr++;
            while (ptr < lim && !sort__blank((unsigned char)*ptr))
                ptr++;
        }
    }
    if (echar != 0) {
        if (k->skipeblanks)
            while (ptr < lim && sort__blank((unsigned char)*ptr))
                ptr++;
        ptr = (size_t)(lim - ptr) < echar ? lim : ptr + echar;
    }
    return ptr;
}

/* ---------------------------------------------------------------- numbers */

/* -n: compares two numeric prefixes as strings (GNU strnumcmp, '.' as the
 * decimal point, no thousands separator). */
static int sort__numcmp(const char *a, const char *ae, const char *b, const char *be)
{
    while (a < ae && sort__blank((unsigned char)*a))
        a++;
    while (b < be && sort__blank((unsigned char)*b))
        b++;
    bool na = a < ae && *a == '-', nb = b < be && *b == '-';
    if (na)
        a++;
    if (nb)
        b++;
    const char *ai = a, *bi = b;
    while (ai < ae && *ai == '0')
        ai++;
    while (bi < be && *bi == '0')
        bi++;
    const char *aie = ai, *bie = bi;
    while (aie < ae && isdigit((unsigned char)*aie))
        aie++;
    while (bie < be && isdigit((unsigned char)*bie))
        bie++;
    const char *af = aie, *afe = aie, *bf = bie, *bfe = bie;
    if (af < ae && *af == '.') {
        af++;
        afe = af;
        while (afe < ae && isdigit((unsigned char)*afe))
            afe++;
    } else {
        af = afe;
    }
    if (bf < be && *bf == '.') {
        bf++;
        bfe = bf;
        while (bfe < be && isdigit((unsigned char)*bfe))
            bfe++;
    } else {
        bf = bfe;
    }
    while (afe > af && afe[-1] == '0')
        afe--;
    while (bfe > bf && bfe[-1] == '0')
        bfe--;
    bool za = aie == ai && afe == af, zb = bie == bi && bfe == bf;
    if (za)
        na = false;
    if (zb)
        nb = false;
    if (na != nb)
        return na ? -1 : 1;
    int diff;
    size_t la = (size_t)(aie - ai), lb = (size_t)(bie - bi);
    if (la != lb) {
        diff = la < lb ? -1 : 1;
    } else {
        diff = memcmp(ai, bi, la);
        if (!diff) {
            size_t fa = (size_t)(afe - af), fb = (size_t)(bfe - bf);
            size_t m = fa < fb ? fa : fb;
            diff = memcmp(af, bf, m);
            if (!diff)
                diff = fa < fb ? -1 : fa > fb;
        }
        diff = diff < 0 ? -1 : diff > 0;
    }
    return na ? -diff : diff;
}

/* The value of a -n key as sort__numcmp reads it, when it is an integer
 * (no fraction digits other than zeros) of at most 18 digits: comparing two
 * such values as int64 gives sort__numcmp's answer. SORT_NOFAST otherwise. */
static int64_t sort__numkey(const char *a, const char *ae)
{
    while (a < ae && sort__blank((unsigned char)*a))
        a++;
    bool neg = a < ae && *a == '-';
    if (neg)
        a++;
    while (a < ae && *a == '0')
        a++;
    int64_t v = 0;
    int nd = 0;
    for (; a < ae && (unsigned char)(*a - '0') < 10; a++) {
        if (++nd > 18)
            return SORT_NOFAST;
        v = v * 10 + (*a - '0');
    }
    if (a < ae && *a == '.')
        for (a++; a < ae && (unsigned char)(*a - '0') < 10; a++)
            if (*a != '0')
                return SORT_NOFAST;
    return neg ? -v : v;
}

static int sort__unit(const char *p, const char *e)
{
    while (p < e && sort__blank((unsigned char)*p))
        p++;
    if (p < e && *p == '-')
        p++;
    while (p < e && (isdigit((unsigned char)*p) || *p == '.'))
        p++;
    if (p >= e)
        return 0;
    static const char units[] = "KMGTPEZYRQ";
    if (*p == 'k')
        return 1;
    const char *u = strchr(units, *p);
    return u && *p ? (int)(u - units) + 1 : 0;
}

static int sort__humcmp(const char *a, const char *ae, const char *b, const char *be)
{
    const char *pa = a, *pb = b;
    while (pa < ae && sort__blank((unsigned char)*pa))
        pa++;
    while (pb < be && sort__blank((unsigned char)*pb))
        pb++;
    int sa = pa < ae && *pa == '-' ? -1 : 1, sb = pb < be && *pb == '-' ? -1 : 1;
    int ua = sort__unit(a, ae), ub = sort__unit(b, be);
    if (sa != sb)
        return sort__numcmp(a, ae, b, be);
    if (ua != ub)
        return sa * (ua < ub ? -1 : 1);
    return sort__numcmp(a, ae, b, be);
}

static int sort__gencmp(vb_cmd *cmd, const char *a, const char *ae, const char *b, const char *be)
{
    char ba[128], bb[128];
    char *ca = (size_t)(ae - a) < sizeof ba ? ba : mem_alloc(cmd->heap, (size_t)(ae - a) + 1);
    char *cb = (size_t)(be - b) < sizeof bb ? bb : mem_alloc(cmd->heap, (size_t)(be - b) + 1);
    if (!ca || !cb)
        return 0;
    memcpy(ca, a, (size_t)(ae - a));
    ca[ae - a] = '\0';
    memcpy(cb, b, (size_t)(be - b));
    cb[be - b] = '\0';
    char *ea, *eb;
    long double x = strtold(ca, &ea), y = strtold(cb, &eb);
    int r;
    if (ca == ea)
        r = cb == eb ? 0 : -1;
    else if (cb == eb)
        r = 1;
    else
        r = x < y ? -1 : x > y ? 1 : x == y ? 0 : y == y ? -1 : x == x ? 1 : 0;
    if (ca != ba)
        mem_free(cmd->heap, ca);
    if (cb != bb)
        mem_free(cmd->heap, cb);
    return r;
}

static int sort__month(const char *p, const char *e)
{
    static const char *const m[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                    "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    while (p < e && sort__blank((unsigned char)*p))
        p++;
    if (e - p < 3)
        return 0;
    for (int i = 0; i < 12; i++)
        if (toupper((unsigned char)p[0]) == m[i][0] && toupper((unsigned char)p[1]) == m[i][1] &&
            toupper((unsigned char)p[2]) == m[i][2])
            return i + 1;
    return 0;
}

/* ---------------------------------------------------------------- versions */

static size_t sort__prefixlen(const char *s, size_t n)
{
    size_t prefixlen = 0;
    for (size_t i = 0;;) {
        if (i == n)
            return prefixlen;
        i++;
        prefixlen = i;
        while (i + 1 < n && s[i] == '.' && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '~'))
            for (i += 2; i < n && (isalnum((unsigned char)s[i]) || s[i] == '~'); i++)
                continue;
    }
}

static int sort__order(const char *s, size_t pos, size_t len)
{
    if (pos == len)
        return -1;
    unsigned char c = (unsigned char)s[pos];
    if (isdigit(c))
        return 0;
    if (isalpha(c))
        return c;
    if (c == '~')
        return -2;
    return c + 256;
}

static int sort__verrevcmp(const char *s1, size_t l1, const char *s2, size_t l2)
{
    size_t p1 = 0, p2 = 0;
    while (p1 < l1 || p2 < l2) {
        int first_diff = 0;
        while ((p1 < l1 && !isdigit((unsigned char)s1[p1])) || (p2 < l2 && !isdigit((unsigned char)s2[p2]))) {
            int c1 = sort__order(s1, p1, l1), c2 = sort__order(s2, p2, l2);
            if (c1 != c2)
                return c1 - c2;
            p1++;
            p2++;
        }
        while (p1 < l1 && s1[p1] == '0')
            p1++;
        while (p2 < l2 && s2[p2] == '0')
            p2++;
        while (p1 < l1 && p2 < l2 && isdigit((unsigned char)s1[p1]) && isdigit((unsigned char)s2[p2])) {
            if (!first_diff)
                first_diff = s1[p1] - s2[p2];
            p1++;
            p2++;
        }
        if (p1 < l1 && isdigit((unsigned char)s1[p1]))
            return 1;
        if (p2 < l2 && isdigit((unsigned char)s2[p2]))
            return -1;
        if (first_diff)
            return first_diff;
    }
    return 0;
}

static int sort__vercmp(const char *a, size_t al, const char *b, size_t bl)
{
    if (!al)
        return -(bl != 0);
    if (!bl)
        return 1;
    if (a[0] == '.') {
        if (b[0] != '.')
            return -1;
        bool ad = al == 1, bd = bl == 1;
        if (ad)
            return -!bd;
        if (bd)
            return 1;
        bool add = a[1] == '.' && al == 2, bdd = b[1] == '.' && bl == 2;
        if (add)
            return -!bdd;
        if (bdd)
            return 1;
    } else if (b[0] == '.') {
        return 1;
    }
    size_t ap = sort__prefixlen(a, al), bp = sort__prefixlen(b, bl);
    bool one = ap == al && bp == bl;
    int r = sort__verrevcmp(a, ap, b, bp);
    return r || one ? r : sort__verrevcmp(a, al, b, bl);
}

/* ---------------------------------------------------------------- compare */

static bool sort__ignored(const sort_key *k, unsigned char c)
{
    if (k->dict && !isalnum(c) && !sort__blank(c))
        return true;
    if (k->nonprint && !isprint(c))
        return true;
    return false;
}

static int sort__textcmp(const sort_key *k, const char *a, const char *ae, const char *b, const char *be)
{
    if (!k->fold && !k->dict && !k->nonprint) {
        size_t la = (size_t)(ae - a), lb = (size_t)(be - b);
        int d = memcmp(a, b, la < lb ? la : lb);
        if (d)
            return d;
        return la < lb ? -1 : la > lb;
    }
    for (;;) {
        while (a < ae && sort__ignored(k, (unsigned char)*a))
            a++;
        while (b < be && sort__ignored(k, (unsigned char)*b))
            b++;
        if (!(a < ae && b < be))
            break;
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (k->fold) {
            ca = toupper(ca);
            cb = toupper(cb);
        }
        if (ca != cb)
            return ca - cb;
        a++;
        b++;
    }
    return (a < ae) - (b < be);
}

static int sort__keycmp(sort_state *st, const sort_line *x, const sort_line *y)
{
    size_t i = 0;
    if (st->fastn && x->nv != SORT_NOFAST && y->nv != SORT_NOFAST) {
        /* the first -n key of both lines, parsed once before the sort */
        int d = x->nv < y->nv ? -1 : x->nv > y->nv;
        if (d)
            return st->keys[0].reverse ? -d : d;
        i = 1;
    }
    for (; i < st->nkeys; i++) {
        const sort_key *k = &st->keys[i];
        const char *a = sort__begfield(st, x, k), *ae = sort__limfield(st, x, k);
        const char *b = sort__begfield(st, y, k), *be = sort__limfield(st, y, k);
        if (ae < a)
            ae = a;
        if (be < b)
            be = b;
        int d;
        switch (k->mode) {
        case 'n': d = sort__numcmp(a, ae, b, be); break;
        case 'h': d = sort__humcmp(a, ae, b, be); break;
        case 'g': d = sort__gencmp(st->cmd, a, ae, b, be); break;
        case 'M': {
            int ma = sort__month(a, ae), mb = sort__month(b, be);
            d = ma - mb;
            break;
        }
        case 'V': d = sort__vercmp(a, (size_t)(ae - a), b, (size_t)(be - b)); break;
        case 'R': {
            uint64_t ha = XXH3_64bits_withSeed(a, (size_t)(ae - a), st->seed);
            uint64_t hb = XXH3_64bits_withSeed(b, (size_t)(be - b), st->seed);
            d = ha < hb ? -1 : ha > hb;
            if (!d)
                d = sort__textcmp(k, a, ae, b, be);
            break;
        }
        default: d = sort__textcmp(k, a, ae, b, be); break;
        }
        if (d)
            return k->reverse ? (d < 0 ? 1 : -1) : d;
    }
    return 0;
}

static inline int sort__cmp(sort_state *st, const sort_line *a, const sort_line *b)
{
    if (st->fastn && st->nkeys == 1 && a->nv != SORT_NOFAST && b->nv != SORT_NOFAST) {
        /* the common sort -n / -rn / -k N,Nn: one integer key */
        if (a->nv != b->nv)
            return (a->nv < b->nv) != st->keys[0].reverse ? -1 : 1;
        if (st->unique || st->stable)
            return 0;
    } else if (st->nkeys) {
        int d = sort__keycmp(st, a, b);
        if (d || st->unique || st->stable)
            return d;
    }
    int d;
    size_t m = a->len < b->len ? a->len : b->len;
    d = memcmp(a->p, b->p, m);
    if (!d)
        d = a->len < b->len ? -1 : a->len > b->len;
    return st->reverse ? -d : d;
}

static void sort__merge(sort_state *st, sort_line *v, sort_line *tmp, size_t n)
{
    if (n < 2)
        return;
    if (n <= 8) {
        for (size_t i = 1; i < n; i++) {
            sort_line x = v[i];
            size_t j = i;
            while (j > 0 && sort__cmp(st, &v[j - 1], &x) > 0) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return;
    }
    size_t h = n / 2;
    sort__merge(st, v, tmp, h);
    sort__merge(st, v + h, tmp, n - h);
    if (sort__cmp(st, &v[h - 1], &v[h]) <= 0)
        return;
    memcpy(tmp, v, h * sizeof *v);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (sort__cmp(st, &v[j], &tmp[i]) < 0)
            v[k++] = v[j++];
        else
            v[k++] = tmp[i++];
    }
    while (i < h)
        v[k++] = tmp[i++];
}

/* ---------------------------------------------------------------- options */

static bool sort__has_order(const sort_key *k)
{
    return k->skipsblanks || k->skipeblanks || k->fold || k->dict || k->nonprint || k->mflags || k->reverse;
}

/* Applies ordering letters; returns the first unknown character. */
static const char *sort__ordering(const char *s, sort_key *k, int blanks)
{
    for (;; s++) {
        switch (*s) {
        case 'b':
            if (blanks & 1)
                k->skipsblanks = true;
            if (blanks & 2)
                k->skipeblanks = true;
            break;
        case 'd': k->dict = true; break;
        case 'f': k->fold = true; break;
        case 'g': case 'h': case 'M': case 'n': case 'R': case 'V':
            k->mflags |= sort__mbit(*s);
            break;
        case 'i': k->nonprint = true; break;
        case 'r': k->reverse = true; break;
        default: return s;
        }
    }
}

static int sort__badspec(vb_cmd *cmd, const char *spec, const char *why)
{
    bi_err(cmd, "%s: invalid field specification %s", why, fs_lq(cmd, spec));
    return 2;
}

static const char *sort__count(const char *s, size_t *out, bool *ok)
{
    size_t v = 0;
    *ok = isdigit((unsigned char)*s);
    while (isdigit((unsigned char)*s)) {
        size_t d = (size_t)(*s - '0');
        v = v > (SIZE_MAX - d) / 10 ? SIZE_MAX : v * 10 + d;
        s++;
    }
    *out = v;
    return s;
}

static int sort__key(sort_state *st, const char *spec)
{
    vb_cmd *cmd = st->cmd;
    sort_key k = {0};
    k.eword = SIZE_MAX;
    bool ok;
    const char *s = sort__count(spec, &k.sword, &ok);
    if (!ok) {
        bi_err(cmd, "invalid number at field start: invalid count at start of %s", fs_lq(cmd, spec));
        return 2;
    }
    if (k.sword-- == 0)
        return sort__badspec(cmd, spec, "field number is zero");
    if (*s == '.') {
        const char *t = s + 1;
        s = sort__count(t, &k.schar, &ok);
        if (!ok) {
            bi_err(cmd, "invalid number after '.': invalid count at start of %s", fs_lq(cmd, t));
            return 2;
        }
        if (k.schar-- == 0)
            return sort__badspec(cmd, spec, "character offset is zero");
    }
    s = sort__ordering(s, &k, 1);
    if (*s == ',') {
        const char *t = s + 1;
        s = sort__count(t, &k.eword, &ok);
        if (!ok) {
            bi_err(cmd, "invalid number after ',': invalid count at start of %s", fs_lq(cmd, t));
            return 2;
        }
        if (k.eword-- == 0)
            return sort__badspec(cmd, spec, "field number is zero");
        if (*s == '.') {
            t = s + 1;
            s = sort__count(t, &k.echar, &ok);
            if (!ok) {
                bi_err(cmd, "invalid number after '.': invalid count at start of %s", fs_lq(cmd, t));
                return 2;
            }
        }
        s = sort__ordering(s, &k, 2);
    }
    if (*s)
        return sort__badspec(cmd, spec, "stray character in field spec");
    if (st->nkeys == st->capkeys) {
        st->capkeys = st->capkeys ? st->capkeys * 2 : 4;
        sort_key *n = mem_realloc(cmd->heap, st->keys, st->capkeys * sizeof *n);
        if (!n)
            return bi_err(cmd, "memory exhausted") + 1;
        st->keys = n;
    }
    st->keys[st->nkeys++] = k;
    return 0;
}

/* GNU's check_ordering_compatibility for one key; sets k->mode. */
static int sort__check_key(vb_cmd *cmd, sort_key *k)
{
    unsigned f = k->mflags;
    int n = !!(f & SORT_M_N) + !!(f & SORT_M_G) + !!(f & SORT_M_H) + !!(f & SORT_M_MON) +
            !!((f & (SORT_M_V | SORT_M_R)) || k->dict || k->nonprint);
    if (n > 1 || ((f & SORT_M_R) && k->fold)) {
        char opts[16];
        int i = 0;
        if (k->dict) opts[i++] = 'd';
        if (k->fold) opts[i++] = 'f';
        if (f & SORT_M_G) opts[i++] = 'g';
        if (f & SORT_M_H) opts[i++] = 'h';
        if (k->nonprint) opts[i++] = 'i';
        if (f & SORT_M_MON) opts[i++] = 'M';
        if (f & SORT_M_N) opts[i++] = 'n';
        if (f & SORT_M_R) opts[i++] = 'R';
        if (f & SORT_M_V) opts[i++] = 'V';
        opts[i] = '\0';
        bi_err(cmd, "options '-%s' are incompatible", opts);
        return 2;
    }
    k->mode = f & SORT_M_N ? 'n' : f & SORT_M_G ? 'g' : f & SORT_M_H ? 'h' : f & SORT_M_MON ? 'M'
            : f & SORT_M_V ? 'V' : f & SORT_M_R ? 'R' : 0;
    return 0;
}

/*
 * A big sort touches its input copy, one record per line and a merge
 * buffer: tens of MiB of fresh memory, a page fault per 4 KiB, which is
 * most of its time on a virtualised host (seq 1000000 | sort -n: 12,800
 * faults). Transparent huge pages take one fault per 2 MiB; this asks the
 * kernel for them on the whole 2 MiB pages of a large block (a hint: the
 * memory stays the session heap's, counted as before).
 */
static void sort__huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t hp = (uintptr_t)2 << 20;
    if (!p || n < 2 * hp)
        return;
    uintptr_t a = ((uintptr_t)p + hp - 1) & ~(hp - 1), e = ((uintptr_t)p + n) & ~(hp - 1);
    if (e > a)
        madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

typedef struct sort_input {
    vbuf data;
} sort_input;

static int sort__read(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    vbuf *b = ctx;
    for (;;) {
        if (b->cap - b->len <= 65536 && b->len >= ((size_t)1 << 20)) {
            /* grown here rather than by vbuf_reserve's realloc, so that the
             * new block is advised before the copy touches it */
            size_t cap = b->cap * 2;
            char *p = mem_alloc(b->heap, cap);
            if (!p)
                return -2;
            sort__huge(p, cap);
            memcpy(p, b->data, b->len);
            mem_free(b->heap, b->data);
            b->data = p;
            b->cap = cap;
        }
        if (vbuf_reserve(b, 65536) != 0)
            return -2;
        ssize_t n = tx_read(cmd, s, NULL, b->data + b->len, 65536, TX_PLAIN);
        if (n < 0) {
            if (n != VB_ECANCELED && n != VB_EPIPE)
                bi_err(cmd, "read failed: %s: %s", fs_qf(cmd, name), vb_strerror((int)n));
            return 1;
        }
        if (n == 0)
            return 0;
        b->len += (size_t)n;
        b->data[b->len] = '\0';
    }
}

static int sort__limit(vb_cmd *cmd)
{
    if (cmd->ops && cmd->ops->limit)
        return cmd->ops->limit(cmd->shell, VB_LIMIT_MEMORY, "sort: input exceeds the memory limit");
    return bi_err(cmd, "memory exhausted") + 1;
}

/* ---------------------------------------------------------------- merge */

static int sort__read_error(vb_cmd *cmd, const char *name, int rc)
{
    if (rc != VB_ECANCELED && rc != VB_EPIPE)
        bi_err(cmd, "read failed: %s: %s", fs_qf(cmd, name), vb_strerror(rc));
    return 2;
}

/* One input of -m: read record by record, or from memory when it is also
 * the output file (GNU copies such an input aside before writing). */
typedef struct sort_src {
    stream *s;
    bi_reader r;
    char *mem;
    size_t memlen, mempos;
    sort_line cur;
    bool live, reader;
} sort_src;

/* Writes one output record to -o's stream (buffered in ob) or to fd 1. */
typedef struct sort_sink {
    vb_cmd *cmd;
    stream *out;
    const char *outfile;
    vbuf ob;
    int eol;
    bool failed;
} sort_sink;

static bool sort__sink_flush(sort_sink *k)
{
    if (!k->out || !k->ob.len || k->failed)
        return !k->failed;
    size_t off = 0;
    while (off < k->ob.len) {
        ssize_t w = stream_write(k->out, k->ob.data + off, k->ob.len - off);
        if (w < 0) {
            bi_err(k->cmd, "write failed: %s: %s", fs_qf(k->cmd, k->outfile), vb_strerror((int)w));
            k->failed = true;
            return false;
        }
        off += (size_t)w;
    }
    vbuf_clear(&k->ob);
    return true;
}

static bool sort__emit(sort_sink *k, const sort_line *l)
{
    if (k->out) {
        if (vbuf_add(&k->ob, l->p, l->len) != 0 || vbuf_addc(&k->ob, (char)k->eol) != 0)
            return false;
        return k->ob.len < 65536 || sort__sink_flush(k);
    }
    bi_out(k->cmd, l->p, l->len);
    bi_outc(k->cmd, (char)k->eol);
    return !bi_out_failed(k->cmd);
}

/* Next record of src into src->cur; 1, 0 at the end, <0 on error. */
static int sort__src_next(sort_state *st, sort_src *src)
{
    const char *rec;
    size_t len;
    if (src->reader) {
        int rc = bi_getrec(&src->r, st->eol, &rec, &len);
        if (rc <= 0) {
            src->live = false;
            return rc;
        }
    } else {
        if (src->mempos >= src->memlen) {
            src->live = false;
            return 0;
        }
        rec = src->mem + src->mempos;
        const char *e = memchr(rec, st->eol, src->memlen - src->mempos);
        len = e ? (size_t)(e - rec) + 1 : src->memlen - src->mempos;
        src->mempos += len;
    }
    if (len && rec[len - 1] == (char)st->eol)
        len--;
    src->cur.p = rec;
    src->cur.len = len;
    return 1;
}

/* Heap order: the smaller current line first, the earlier input on ties. */
static bool sort__src_less(sort_state *st, sort_src *v, size_t a, size_t b)
{
    int d = sort__cmp(st, &v[a].cur, &v[b].cur);
    return d < 0 || (d == 0 && a < b);
}

static void sort__sift(sort_state *st, sort_src *v, size_t *heap, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < n && sort__src_less(st, v, heap[l], heap[m]))
            m = l;
        if (l + 1 < n && sort__src_less(st, v, heap[l + 1], heap[m]))
            m = l + 1;
        if (m == i)
            return;
        size_t t = heap[i];
        heap[i] = heap[m];
        heap[m] = t;
        i = m;
    }
}

static bool sort__same_file(vb_cmd *cmd, const char *a, const char *b)
{
    if (!strcmp(a, "-") || !strcmp(b, "-"))
        return false;
    char *pa = bi_path(cmd, a), *pb = bi_path(cmd, b);
    if (!pa || !pb)
        return false;
    vfs_stat_t sa, sb;
    if (vfs_stat(cmd->vfs, pa, &sa) != 0 || vfs_stat(cmd->vfs, pb, &sb) != 0)
        return false;
    return sa.ino == sb.ino && sa.dev == sb.dev;
}

/* sort -m: a k-way merge of inputs already sorted, reading each one
 * record by record (GNU mergefps: the smallest current line goes out, ties
 * to the earlier input; -u keeps the first of each run of equal lines). */
static int sort__merge_files(sort_state *st, int n, char **ops, const char *outfile)
{
    vb_cmd *cmd = st->cmd;
    sort_src *src = mem_calloc(cmd->heap, (size_t)n, sizeof *src);
    size_t *heap = mem_alloc(cmd->heap, (size_t)n * sizeof *heap);
    if (!src || !heap)
        return sort__limit(cmd);
    int status = 0, opened = 0;
    for (int i = 0; i < n; i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            bi_err(cmd, "cannot read: %s: %s", fs_qf(cmd, ops[i]), vb_strerror(err));
            status = 2;
            break;
        }
        opened++;
        src[i].s = s;
        if (outfile && sort__same_file(cmd, ops[i], outfile)) {
            vbuf b;
            vbuf_init(&b, cmd->heap);
            int rc = sort__read(cmd, s, ops[i], &b);
            if (rc) {
                status = rc == -2 ? sort__limit(cmd) : 2;
                break;
            }
            src[i].mem = b.data;
            src[i].memlen = b.len;
        } else {
            src[i].reader = true;
            bi_reader_init(&src[i].r, cmd, s);
        }
    }
    sort_sink k = {.cmd = cmd, .outfile = outfile, .eol = st->eol};
    vbuf_init(&k.ob, cmd->heap);
    if (!status && outfile) {
        int err = 0;
        k.out = bi_open_write(cmd, outfile, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!k.out) {
            bi_err(cmd, "open failed: %s: %s", fs_qf(cmd, outfile), vb_strerror(err));
            status = 2;
        }
    }
    size_t nh = 0;
    for (int i = 0; i < n && !status; i++) {
        int rc = sort__src_next(st, &src[i]);
        if (rc < 0) {
            status = sort__read_error(cmd, ops[i], rc);
            break;
        }
        if (rc > 0)
            heap[nh++] = (size_t)i;
    }
    for (size_t i = nh; i-- > 0;)
        sort__sift(st, src, heap, nh, i);
    vbuf saved;
    vbuf_init(&saved, cmd->heap);
    bool have_saved = false;
    while (nh && !status) {
        sort_src *cur = &src[heap[0]];
        bool ok = true;
        if (st->unique) {
            sort_line sl = {saved.data, saved.len, SORT_NOFAST};
            if (!have_saved || sort__cmp(st, &sl, &cur->cur) != 0) {
                ok = sort__emit(&k, &cur->cur);
                vbuf_clear(&saved);
                if (vbuf_add(&saved, cur->cur.p, cur->cur.len) != 0) {
                    status = sort__limit(cmd);
                    break;
                }
                have_saved = true;
            }
        } else {
            ok = sort__emit(&k, &cur->cur);
        }
        if (!ok) {
            if (k.failed)
                status = 2;
            else if (!bi_out_failed(cmd))
                status = sort__limit(cmd);
            break;
        }
        int rc = sort__src_next(st, cur);
        if (rc < 0) {
            status = sort__read_error(cmd, ops[heap[0]], rc);
            break;
        }
        if (rc == 0)
            heap[0] = heap[--nh];
        sort__sift(st, src, heap, nh, 0);
    }
    if (!status)
        sort__sink_flush(&k);
    if (k.failed && !status)
        status = 2;
    if (k.out)
        stream_unref(k.out);
    for (int i = 0; i < opened; i++) {
        if (src[i].reader)
            bi_reader_free(&src[i].r);
        stream_unref(src[i].s);
    }
    if (bi_cancelled(cmd))
        return 130;
    return bi_done(cmd, status);
}

/* --files0-from=F: the operands are F's NUL-terminated names (GNU's
 * checks and messages, in its order). Returns 0 or the exit status. */
static int sort__files0(vb_cmd *cmd, const char *from, int *n, char ***ops)
{
    if (*n > 0) {
        bi_err(cmd, "extra operand %s", fs_q(cmd, (*ops)[0]));
        const char *t = "file operands cannot be combined with --files0-from\n";
        bi_errw(cmd, t, strlen(t));
        return bi_usage(cmd, 2, NULL);
    }
    int err = 0;
    stream *s = bi_open_read(cmd, from, &err);
    if (!s && err == VB_EISDIR) {
        /* GNU opens a directory and fails reading it */
        bi_err(cmd, "cannot read file names from %s", fs_q(cmd, from));
        return 2;
    }
    if (!s) {
        bi_err(cmd, "open failed: %s: %s", fs_qf(cmd, from), vb_strerror(err));
        return 2;
    }
    char *data = NULL;
    size_t len = 0;
    err = bi_slurp(cmd, s, &data, &len);
    stream_unref(s);
    if (err < 0) {
        if (err == VB_ECANCELED || err == VB_EPIPE)
            return 2;
        bi_err(cmd, "cannot read file names from %s", fs_q(cmd, from));
        return 2;
    }
    size_t cnt = 0;
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\0' || i + 1 == len)
            cnt++;
    if (cnt == 0) {
        bi_err(cmd, "no input from %s", fs_q(cmd, from));
        return 2;
    }
    char **v = mem_alloc(cmd->heap, cnt * sizeof *v);
    if (!v)
        return sort__limit(cmd);
    size_t k = 0;
    for (size_t i = 0; i < len && k < cnt;) {
        size_t e = i;
        while (e < len && data[e])
            e++;
        v[k] = mem_strndup(cmd->heap, data + i, e - i);
        if (!v[k])
            return sort__limit(cmd);
        if (!strcmp(v[k], "-")) {
            bi_err(cmd, "when reading file names from stdin, no file name of %s allowed",
                   fs_q(cmd, v[k]));
            return 2;
        }
        if (!v[k][0]) {
            bi_err(cmd, "%s:%zu: invalid zero-length file name", fs_qf(cmd, from), k + 1);
            return 2;
        }
        k++;
        i = e + 1;
    }
    *n = (int)cnt;
    *ops = v;
    return 0;
}

int bi_sort(vb_cmd *cmd)
{
    sort_state st = {.cmd = cmd, .tab = -1, .eol = '\n'};
    const char *outfile = NULL, *files0 = NULL;
    int check = 0;   /* 'c' or 'C' */
    bool merge = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "bcCdfghik:mMno:rRsS:t:T:uVz", sort_longs, sort_help);
    o.usage_status = 2;
    int c, rc;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': st.gkey.skipsblanks = st.gkey.skipeblanks = true; break;
        case 'd': st.gkey.dict = true; break;
        case 'f': st.gkey.fold = true; break;
        case 'i': st.gkey.nonprint = true; break;
        case 'r': st.gkey.reverse = true; break;
        case 'g': case 'h': case 'M': case 'n': case 'R': case 'V':
            st.gkey.mflags |= sort__mbit(c);
            break;
        case SORT_SORT: {
            static const char *const w[] = {"general-numeric", "human-numeric", "month",
                                            "numeric", "random", "version"};
            static const char l[] = "ghMnRV";
            int m = tx_argmatch(cmd, "--sort", o.arg, w, NULL, 6);
            if (m < 0)
                return 2;
            st.gkey.mflags |= sort__mbit(l[m]);
            break;
        }
        case 'c': case 'C': case SORT_CHECK: {
            int k = c == SORT_CHECK ? 'c' : c;
            if (c == SORT_CHECK && o.arg) {
                static const char *const w[] = {"quiet", "silent", "diagnose-first"};
                static const int v[] = {'C', 'C', 'c'};
                int m = tx_argmatch(cmd, "--check", o.arg, w, v, 3);
                if (m < 0)
                    return 2;
                k = v[m];
            }
            if (check && check != k) {
                bi_err(cmd, "options '-cC' are incompatible");
                return 2;
            }
            check = k;
            break;
        }
        case 'k':
            if ((rc = sort__key(&st, o.arg)) != 0)
                return rc;
            break;
        case 'm': merge = true; break;
        case 'o':
            if (outfile && strcmp(outfile, o.arg)) {
                bi_err(cmd, "multiple output files specified");
                return 2;
            }
            outfile = o.arg;
            break;
        case 's': st.stable = true; break;
        case 'S': {
            const char *a = o.arg;
            size_t n = strlen(a);
            bool good = n > 0;
            if (good && a[n - 1] == '%') {
                char *t = mem_strndup(cmd->heap, a, n - 1);
                int64_t v;
                good = t && bi_parse_i64(t, &v) == 0 && v >= 0;
            } else if (good) {
                uint64_t v;
                good = bi_parse_size(a, &v) == 0;
                if (!good && strchr("kKmMgGtTpPeEzZyY", a[n - 1])) {
                    char *t = mem_printf(cmd->heap, "%.*s%c", (int)(n - 1), a, toupper((unsigned char)a[n - 1]));
                    good = t && bi_parse_size(t, &v) == 0;
                }
            }
            if (!good) {
                bi_err(cmd, "invalid -S argument '%s'", a);
                return 2;
            }
            break;
        }
        case 't':
            if (!o.arg[0]) {
                bi_err(cmd, "empty tab");
                return 2;
            }
            if (o.arg[0] && o.arg[1]) {
                if (!strcmp(o.arg, "\\0")) {
                    st.tab = '\0';
                    break;
                }
                bi_err(cmd, "multi-character tab %s", fs_lq(cmd, o.arg));
                return 2;
            }
            if (st.tab >= 0 && st.tab != (unsigned char)o.arg[0]) {
                bi_err(cmd, "incompatible tabs");
                return 2;
            }
            st.tab = (unsigned char)o.arg[0];
            break;
        case 'T': break;
        case SORT_PARALLEL: {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) != 0 || v < 0) {
                bi_err(cmd, "invalid number after '--parallel': %s", fs_lq(cmd, o.arg));
                return 2;
            }
            if (v == 0) {
                bi_err(cmd, "number in parallel must be nonzero");
                return 2;
            }
            break;
        }
        case SORT_BATCH: case SORT_COMPRESS: case SORT_RANDSRC: case SORT_DEBUG: break;
        case SORT_FILES0: files0 = o.arg; break;
        case SORT_HELP:
            bi_outs(cmd, sort_help);
            return bi_done(cmd, 0);
        case SORT_VERSION:
            bi_outf(cmd, "%s %s", cmd->argv[0], BI_VERSION_TEXT);
            return bi_done(cmd, 0);
        case 'u': st.unique = true; break;
        case 'z': st.eol = '\0'; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    /* Keys without ordering options inherit the global ones. */
    for (size_t i = 0; i < st.nkeys; i++) {
        sort_key *k = &st.keys[i];
        if (!sort__has_order(k)) {
            k->skipsblanks = st.gkey.skipsblanks;
            k->skipeblanks = st.gkey.skipeblanks;
            k->fold = st.gkey.fold;
            k->dict = st.gkey.dict;
            k->nonprint = st.gkey.nonprint;
            k->mflags = st.gkey.mflags;
            k->reverse = st.gkey.reverse;
        }
        if ((rc = sort__check_key(cmd, k)) != 0)
            return rc;
    }
    if ((rc = sort__check_key(cmd, &st.gkey)) != 0)
        return rc;
    if (!st.nkeys && (st.gkey.skipsblanks || st.gkey.fold || st.gkey.dict || st.gkey.nonprint ||
                      st.gkey.mode)) {
        st.keys = mem_calloc(cmd->heap, 1, sizeof *st.keys);
        if (!st.keys)
            return sort__limit(cmd);
        st.keys[0] = st.gkey;
        st.keys[0].eword = SIZE_MAX;
        st.nkeys = 1;
    }
    st.reverse = st.gkey.reverse;
    if (cmd->ops && cmd->ops->random)
        st.seed = cmd->ops->random(cmd->shell);

    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (files0 && (rc = sort__files0(cmd, files0, &n, &ops)) != 0)
        return rc;
    if (check && n > 1) {
        bi_err(cmd, "extra operand %s not allowed with -%c", fs_q(cmd, ops[1]), check);
        return 2;
    }
    vbuf all;
    vbuf_init(&all, cmd->heap);
    int status = 0;
    char *one[1] = {(char *)"-"};
    if (n == 0) {
        n = 1;
        ops = one;
    }
    if (merge && !check)
        return sort__merge_files(&st, n, ops, outfile);
    for (int i = 0; i < n; i++) {
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            bi_err(cmd, "cannot read: %s: %s", fs_qf(cmd, ops[i]), vb_strerror(err));
            return 2;
        }
        size_t before = all.len;
        rc = sort__read(cmd, s, ops[i], &all);
        stream_unref(s);
        if (rc == -2)
            return sort__limit(cmd);
        if (rc)
            return 2;
        if (all.len > before && all.data[all.len - 1] != (char)st.eol) {
            if (vbuf_addc(&all, (char)st.eol) != 0)
                return sort__limit(cmd);
        }
    }
    /* Split into lines. */
    size_t nl = 0;
    for (const char *p = all.data, *e = all.data + all.len; p && p < e; p++) {
        p = memchr(p, st.eol, (size_t)(e - p));
        if (!p)
            break;
        nl++;
    }
    sort_line *v = mem_alloc(cmd->heap, (nl + 1) * sizeof *v);
    if (!v)
        return sort__limit(cmd);
    sort__huge(v, (nl + 1) * sizeof *v);
    size_t k = 0;
    for (const char *p = all.data, *e = all.data + all.len; k < nl;) {
        const char *q = memchr(p, st.eol, (size_t)(e - p));
        v[k].p = p;
        v[k].nv = SORT_NOFAST;
        v[k++].len = (size_t)(q - p);
        p = q + 1;
    }
    if (check) {
        for (size_t i = 1; i < nl; i++) {
            int d = sort__cmp(&st, &v[i - 1], &v[i]);
            if (d > 0 || (st.unique && d == 0)) {
                if (check == 'c') {
                    vbuf m;
                    vbuf_init(&m, cmd->heap);
                    vbuf_printf(&m, "%s: %s:%zu: disorder: ", cmd->argv[0], ops[0], i + 1);
                    vbuf_add(&m, v[i].p, v[i].len);
                    vbuf_addc(&m, '\n');
                    bi_errw(cmd, m.data, m.len);
                }
                return 1;
            }
        }
        return 0;
    }
    sort_line *tmp = mem_alloc(cmd->heap, (nl / 2 + 1) * sizeof *tmp);
    if (!tmp)
        return sort__limit(cmd);
    sort__huge(tmp, (nl / 2 + 1) * sizeof *tmp);
    if (st.nkeys && st.keys[0].mode == 'n') {
        const sort_key *k0 = &st.keys[0];
        for (size_t i = 0; i < nl; i++) {
            const char *a = sort__begfield(&st, &v[i], k0), *ae = sort__limfield(&st, &v[i], k0);
            v[i].nv = ae < a ? 0 : sort__numkey(a, ae);
        }
        st.fastn = true;
    }
    sort__merge(&st, v, tmp, nl);
    if (bi_cancelled(cmd))
        return 130;
    stream *out = NULL;
    if (outfile) {
        int err = 0;
        out = bi_open_write(cmd, outfile, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!out) {
            bi_err(cmd, "open failed: %s: %s", fs_qf(cmd, outfile), vb_strerror(err));
            return 2;
        }
    }
    vbuf ob;
    vbuf_init(&ob, cmd->heap);
    for (size_t i = 0; i < nl; i++) {
        if (st.unique && i > 0 && sort__cmp(&st, &v[i - 1], &v[i]) == 0)
            continue;
        if (out) {
            vbuf_add(&ob, v[i].p, v[i].len);
            vbuf_addc(&ob, (char)st.eol);
            if (ob.len >= 65536 || i + 1 == nl) {
                ssize_t w = stream_write(out, ob.data, ob.len);
                vbuf_clear(&ob);
                if (w < 0) {
                    bi_err(cmd, "write failed: %s: %s", fs_qf(cmd, outfile), vb_strerror((int)w));
                    stream_unref(out);
                    return 2;
                }
            }
        } else {
            bi_out(cmd, v[i].p, v[i].len);
            bi_outc(cmd, (char)st.eol);
            if (bi_out_failed(cmd))
                break;
        }
    }
    if (out) {
        if (ob.len)
            stream_write(out, ob.data, ob.len);
        stream_unref(out);
    }
    return bi_done(cmd, status);
}
