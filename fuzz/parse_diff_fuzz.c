/*
 * Differential libFuzzer target: vbash's parser against tree-sitter-bash on
 * the same input, accept or reject. Neither may crash; where they disagree
 * the input is sorted into a known class (fuzz/known_differences.md) or
 * counted as unexplained.
 *
 * tree-sitter is loaded at run time, so that the target links like every
 * other one: libtree-sitter.so.0 and the grammar built by fuzz/run.sh into
 * BUILD/tree-sitter-bash.so (or $VB_TS_BASH_SO). Without them the target
 * says so once and checks vbash's parser alone.
 *
 * Environment: PARSE_DIFF_REPORT=1 prints every disagreement (class and
 * input) on stderr; PARSE_DIFF_STRICT=1 stops on an unexplained one (the
 * default only counts them: tree-sitter-bash is error-tolerant and a grammar,
 * not bash, so a long run finds new classes to look at, not bugs to stop on).
 * A summary per class is printed at exit.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"
#include "interp/parser.h"
#include "fuzz/fuzz_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The few tree-sitter calls used, as in <tree_sitter/api.h> (0.20). */
typedef struct { uint32_t context[4]; const void *id; const void *tree; } pd_node;
typedef void *(*pd_parser_new_fn)(void);
typedef bool (*pd_set_language_fn)(void *, const void *);
typedef void *(*pd_parse_string_fn)(void *, const void *, const char *, uint32_t);
typedef pd_node (*pd_root_fn)(const void *);
typedef bool (*pd_has_error_fn)(pd_node);
typedef void (*pd_tree_delete_fn)(void *);
typedef void (*pd_reset_fn)(void *);
typedef void (*pd_set_timeout_fn)(void *, uint64_t);
typedef const void *(*pd_language_fn)(void);

static struct {
    void *parser;
    pd_parse_string_fn parse;
    pd_root_fn root;
    pd_has_error_fn has_error;
    pd_tree_delete_fn tree_delete;
    pd_reset_fn reset;
    bool report, strict;
} pd;

enum {
    PD_AGREE,
    PD_BYTES,      /* NUL or non-UTF-8 bytes */
    PD_TS_TIMEOUT, /* tree-sitter gave up (time) */
    PD_HEREDOC,    /* here-documents */
    PD_EXTGLOB,    /* @( ) !( ) +( ) *( ) ?( ) patterns */
    PD_REDIR,      /* <> >| &>> and fd forms tree-sitter lacks */
    PD_CASE,       /* case items: ;& ;;& and patterns */
    PD_ARITH,      /* $(( )), (( )), let */
    PD_COND,       /* [[ ]] operands and operators */
    PD_TEST,       /* [ ... ]: a command to bash, syntax to tree-sitter */
    PD_SUBST,      /* $( ) and ` ` bodies */
    PD_EXPANSION,  /* ${...} forms */
    PD_BRACE,      /* {a..b} sequences */
    PD_KEYWORD,    /* reserved words in odd places */
    PD_TS_LENIENT, /* other: tree-sitter accepts what vbash rejects */
    PD_TS_STRICT,  /* other: tree-sitter rejects what vbash accepts */
    PD__COUNT
};
static const char *const pd_names[PD__COUNT] = {
    "agree", "bytes", "ts-timeout", "heredoc", "extglob", "redir", "case", "arith", "cond",
    "test", "subst", "expansion", "brace", "keyword", "ts-lenient", "ts-strict",
};
static unsigned long pd_count[PD__COUNT];

static void pd_summary(void)
{
    if (!pd.parser)
        return;
    fprintf(stderr, "parse_diff:");
    for (int i = 0; i < PD__COUNT; i++)
        if (pd_count[i])
            fprintf(stderr, " %s=%lu", pd_names[i], pd_count[i]);
    fprintf(stderr, "\n");
}

static void *pd_sym(void *lib, const char *name)
{
    void *p = dlsym(lib, name);
    if (!p)
        fprintf(stderr, "parse_diff: %s: %s\n", name, dlerror());
    return p;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    pd.report = getenv("PARSE_DIFF_REPORT") != NULL;
    pd.strict = getenv("PARSE_DIFF_STRICT") != NULL;
    char path[PATH_MAX];
    const char *so = getenv("VB_TS_BASH_SO");
    if (!so) {
        /* next to the binary: BUILD/tree-sitter-bash.so */
        ssize_t n = readlink("/proc/self/exe", path, sizeof path - 32);
        if (n <= 0)
            n = (ssize_t)strlen(strncpy(path, (*argv)[0], sizeof path - 32));
        path[n] = 0;
        char *slash = strrchr(path, '/');
        strcpy(slash ? slash + 1 : path, "tree-sitter-bash.so");
        so = path;
    }
    void *lib = dlopen("libtree-sitter.so.0", RTLD_NOW | RTLD_GLOBAL);
    void *gram = lib ? dlopen(so, RTLD_NOW) : NULL;
    if (!lib || !gram) {
        fprintf(stderr, "parse_diff: tree-sitter not loaded (%s): vbash's parser checked alone\n",
                dlerror());
        return 0;
    }
    pd_parser_new_fn pnew = (pd_parser_new_fn)pd_sym(lib, "ts_parser_new");
    pd_set_language_fn setlang = (pd_set_language_fn)pd_sym(lib, "ts_parser_set_language");
    pd_set_timeout_fn settime = (pd_set_timeout_fn)pd_sym(lib, "ts_parser_set_timeout_micros");
    pd_language_fn lang = (pd_language_fn)pd_sym(gram, "tree_sitter_bash");
    pd.parse = (pd_parse_string_fn)pd_sym(lib, "ts_parser_parse_string");
    pd.root = (pd_root_fn)pd_sym(lib, "ts_tree_root_node");
    pd.has_error = (pd_has_error_fn)pd_sym(lib, "ts_node_has_error");
    pd.tree_delete = (pd_tree_delete_fn)pd_sym(lib, "ts_tree_delete");
    pd.reset = (pd_reset_fn)pd_sym(lib, "ts_parser_reset");
    if (!pd.reset || !pnew || !setlang || !settime || !lang || !pd.parse || !pd.root || !pd.has_error ||
        !pd.tree_delete)
        return 0;
    void *p = pnew();
    if (!p || !setlang(p, lang())) {
        fprintf(stderr, "parse_diff: the grammar's ABI does not fit libtree-sitter\n");
        return 0;
    }
    settime(p, 200000);
    pd.parser = p;
    atexit(pd_summary);
    return 0;
}

static bool pd_has(const uint8_t *d, size_t n, const char *s)
{
    return memmem(d, n, s, strlen(s)) != NULL;
}

static bool pd_word_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* s as a word of its own (a reserved word, not part of "printf") */
static bool pd_has_word(const uint8_t *d, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (const uint8_t *p = d; (p = memmem(p, n - (size_t)(p - d), s, k)) != NULL; p++) {
        bool before = p == d || !pd_word_char(p[-1]);
        bool after = (size_t)(p - d) + k == n || !pd_word_char(p[k]);
        if (before && after)
            return true;
    }
    return false;
}

static bool pd_utf8(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint8_t c = d[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || c == 0 || i + k > n)
            return false;
        for (size_t j = 1; j < k; j++)
            if ((d[i + j] & 0xc0) != 0x80)
                return false;
        i += k;
    }
    return true;
}

/* The known class of a disagreement (fuzz/known_differences.md). */
static int pd_classify(const uint8_t *d, size_t n, bool vb_ok)
{
    if (!pd_utf8(d, n))
        return PD_BYTES;
    if (pd_has(d, n, "<<"))
        return PD_HEREDOC;
    if (pd_has(d, n, "@(") || pd_has(d, n, "!(") || pd_has(d, n, "+(") ||
        pd_has(d, n, "*(") || pd_has(d, n, "?("))
        return PD_EXTGLOB;
    if (pd_has(d, n, "<>") || pd_has(d, n, ">|") || pd_has(d, n, "&>") || pd_has(d, n, ">&") ||
        pd_has(d, n, "<&"))
        return PD_REDIR;
    if (pd_has(d, n, "case") || pd_has(d, n, "esac") || pd_has(d, n, ";;") || pd_has(d, n, ";&"))
        return PD_CASE;
    if (pd_has(d, n, "((") || pd_has(d, n, "let"))
        return PD_ARITH;
    if (pd_has(d, n, "[["))
        return PD_COND;
    if (pd_has(d, n, "[ ") || pd_has(d, n, " ]"))
        return PD_TEST;
    if (pd_has(d, n, "$(") || pd_has(d, n, "`"))
        return PD_SUBST;
    if (pd_has(d, n, "${"))
        return PD_EXPANSION;
    if (pd_has(d, n, ".."))
        return PD_BRACE;
    static const char *const kw[] = {"if", "then", "else", "elif", "fi", "do", "done",
                                     "while", "until", "for", "in", "select", "function",
                                     "time", "coproc", "!", "{", "}"};
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (pd_has_word(d, n, kw[i]))
            return PD_KEYWORD;
    return vb_ok ? PD_TS_STRICT : PD_TS_LENIENT;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    mem_heap *h = fz_parse_heap();
    if (!h)
        return 0;
    parser_opts o = fz_parse_opts();
    ast_node *n = NULL;
    parse_error e = { 0 };
    bool vb_ok = parse_all(h, (const char *)data, size, &o, &n, &e) == 0;
    mem_heap_destroy(h);
    if (!pd.parser || size > UINT32_MAX)
        return 0;
    void *tree = pd.parse(pd.parser, NULL, (const char *)data, (uint32_t)size);
    int cls;
    if (!tree) {
        pd.reset(pd.parser); /* a timed-out parse would resume otherwise */
        cls = PD_TS_TIMEOUT;
    } else {
        bool ts_ok = !pd.has_error(pd.root(tree));
        pd.tree_delete(tree);
        cls = ts_ok == vb_ok ? PD_AGREE : pd_classify(data, size, vb_ok);
    }
    pd_count[cls]++;
    if (cls != PD_AGREE && pd.report)
        fprintf(stderr, "parse_diff: %s: vbash %s: %.*s\n", pd_names[cls],
                vb_ok ? "accepts" : "rejects", (int)(size > 200 ? 200 : size),
                (const char *)data);
    if (pd.strict && (cls == PD_TS_LENIENT || cls == PD_TS_STRICT))
        __builtin_trap(); /* a disagreement outside the known classes */
    return 0;
}
