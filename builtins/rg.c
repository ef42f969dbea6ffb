/*
 * rg: ripgrep's common flags over grep's search engine (grep_int.h).
 * Reference: ripgrep 13 (Debian), output as it prints when standard output
 * is not a terminal: "path:line" without line numbers, names when a
 * directory or several paths are searched, "--" between context groups.
 * Flags: -e -f -i -S -s -w -x -v -c -l --files-without-match -n -N -o -F
 * -P -A -B -C -m -g/--glob --iglob -t/--type -T/--type-not --hidden
 * --no-ignore -u -uu -uuu --files --max-depth -H -I -q -a -0 -L
 * --sort/--sortr path|none --no-heading --color never|auto -j, --json
 * (ripgrep's JSON Lines: begin, match, context, end and summary messages;
 * elapsed times are the session clock's), -r/--replace ($N, $name, ${..},
 * $$), --passthru, --count-matches.
 * Ignore files: .gitignore (inside a git repository: a directory with
 * .git up the path), .ignore and .rgignore, nested, negations, directory
 * patterns, anchored patterns and **. Hidden files are skipped unless
 * --hidden; binary files found while recursing are skipped.
 * Deviations: the regex syntax is pcre2's (Rust's regex is close to it);
 * --multiline and colours are not implemented; files
 * are visited in name order (what --sort path gives).
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "builtins/grep_int.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("rg", bi_rg, BI_UTIL)
int bi_rg(vb_cmd *cmd);

enum {
    RO_HIDDEN = 256, RO_NOIGNORE, RO_FILES, RO_MAXDEPTH, RO_SORT, RO_SORTR, RO_NOHEADING,
    RO_HEADING, RO_COLOR, RO_FWOM, RO_IGLOB, RO_NOMSG, RO_CASE_INS, RO_TYPELIST, RO_NOFNAME,
    RO_JSON, RO_PASSTHRU, RO_COUNTM,
};

static const bi_longopt rg_longs[] = {
    {"regexp", 1, 'e'}, {"file", 1, 'f'}, {"ignore-case", 0, 'i'}, {"smart-case", 0, 'S'},
    {"case-sensitive", 0, 's'}, {"word-regexp", 0, 'w'}, {"line-regexp", 0, 'x'},
    {"invert-match", 0, 'v'}, {"count", 0, 'c'}, {"files-with-matches", 0, 'l'},
    {"files-without-match", 0, RO_FWOM}, {"line-number", 0, 'n'}, {"no-line-number", 0, 'N'},
    {"only-matching", 0, 'o'}, {"fixed-strings", 0, 'F'}, {"pcre2", 0, 'P'},
    {"after-context", 1, 'A'}, {"before-context", 1, 'B'}, {"context", 1, 'C'},
    {"max-count", 1, 'm'}, {"glob", 1, 'g'}, {"iglob", 1, RO_IGLOB}, {"type", 1, 't'},
    {"type-not", 1, 'T'}, {"hidden", 0, RO_HIDDEN}, {"no-ignore", 0, RO_NOIGNORE},
    {"unrestricted", 0, 'u'}, {"files", 0, RO_FILES}, {"max-depth", 1, RO_MAXDEPTH},
    {"maxdepth", 1, RO_MAXDEPTH}, {"with-filename", 0, 'H'}, {"no-filename", 0, 'I'},
    {"quiet", 0, 'q'}, {"text", 0, 'a'}, {"null", 0, '0'}, {"follow", 0, 'L'},
    {"sort", 1, RO_SORT}, {"sortr", 1, RO_SORTR}, {"sort-files", 0, RO_SORT},
    {"no-heading", 0, RO_NOHEADING}, {"heading", 0, RO_HEADING}, {"color", 1, RO_COLOR},
    {"colour", 1, RO_COLOR}, {"threads", 1, 'j'}, {"no-messages", 0, RO_NOMSG},
    {"type-list", 0, RO_TYPELIST}, {"json", 0, RO_JSON}, {"replace", 1, 'r'},
    {"passthru", 0, RO_PASSTHRU}, {"passthrough", 0, RO_PASSTHRU},
    {"count-matches", 0, RO_COUNTM}, {0},
};

static const char rg_shorts[] = "0A:B:C:FHILNPST:ace:f:g:ij:lm:noqr:st:uvwx";

/* File types: name, then globs, NULL-terminated rows. */
static const char *const rg_types[][12] = {
    {"c", "*.[chH]", "*.[chH].in", "*.cats", NULL},
    {"cpp", "*.[ChH]", "*.cc", "*.[ch]pp", "*.[ch]xx", "*.hh", "*.inl", "*.[ChH].in", "*.cc.in", "*.[ch]pp.in", NULL},
    {"css", "*.css", "*.scss", NULL},
    {"go", "*.go", NULL},
    {"h", "*.h", "*.hh", "*.hpp", NULL},
    {"html", "*.htm", "*.html", "*.ejs", NULL},
    {"java", "*.java", "*.jsp", "*.jspx", "*.properties", NULL},
    {"js", "*.js", "*.jsx", "*.vue", "*.cjs", "*.mjs", NULL},
    {"json", "*.json", "composer.lock", NULL},
    {"md", "*.markdown", "*.md", "*.mdown", "*.mdwn", "*.mkd", "*.mkdn", "*.mdx", NULL},
    {"markdown", "*.markdown", "*.md", "*.mdown", "*.mdwn", "*.mkd", "*.mkdn", "*.mdx", NULL},
    {"php", "*.php", "*.php3", "*.php4", "*.php5", "*.phtml", NULL},
    {"py", "*.py", "*.pyi", NULL},
    {"python", "*.py", "*.pyi", NULL},
    {"rb", "*.rb", "*.gemspec", "Gemfile", "config.ru", ".irbrc", "Rakefile", NULL},
    {"ruby", "*.rb", "*.gemspec", "Gemfile", "config.ru", ".irbrc", "Rakefile", NULL},
    {"rust", "*.rs", NULL},
    {"sh", "*.bash", "*.bashrc", ".bash_profile", ".bashrc", "*.sh", ".zshrc", "*.zsh", NULL},
    {"sql", "*.sql", "*.psql", NULL},
    {"toml", "*.toml", "Cargo.lock", NULL},
    {"ts", "*.ts", "*.tsx", "*.cts", "*.mts", NULL},
    {"typescript", "*.ts", "*.tsx", "*.cts", "*.mts", NULL},
    {"txt", "*.txt", NULL},
    {"xml", "*.xml", "*.xml.dist", "*.dtd", "*.xsl", "*.xslt", "*.xsd", "*.xjb", "*.rng", "*.sch", "*.xhtml", NULL},
    {"yaml", "*.yaml", "*.yml", NULL},
    {NULL},
};

typedef struct rg_rule {
    const char *pat;       /* without '!', leading '/' and trailing '/' */
    bool negate, dir_only, anchored;
    int base_len;          /* length of the base directory (relative to the root) */
    const char *base;
} rg_rule;

typedef struct rg {
    vb_cmd *cmd;
    grep g;
    bool files_mode, hidden, noignore, follow, null_sep, nomsg, any_error;
    int64_t maxdepth;      /* -1 none */
    const char **globs;    /* -g, '!' kept */
    bool *iglob;
    size_t nglobs;
    bool has_pos_glob;
    const char **types, **types_not;
    size_t ntypes, ntypes_not;
    rg_rule *rules;
    size_t nrules, caprules;
    bool in_git;
    int status;
    /* the modes rg.c searches itself (grep's engine prints the others) */
    bool json, passthru, count_matches;
    bool mmap;             /* ripgrep would map the named files (up to 10, all files) */
    const char *replace;   /* -r/--replace template, or NULL */
    pcre2_code *names;     /* -r: the pattern again, for its group names (lazy) */
    /* --json totals for the summary */
    uint64_t t_printed, t_searched, t_lines, t_matches, t_searches, t_ns;
} rg;

/* gitignore-style glob match: '*' and '?' do not cross '/', '**' does. */
static bool rg__glob(const char *p, const char *s, bool icase)
{
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/')
                p++;
            if (!*p)
                return true;
            for (const char *t = s;; t++) {
                if (rg__glob(p, t, icase))
                    return true;
                if (!*t)
                    return false;
            }
        }
        if (*p == '*') {
            p++;
            for (const char *t = s;; t++) {
                if (rg__glob(p, t, icase))
                    return true;
                if (!*t || *t == '/')
                    return false;
            }
        }
        if (!*s)
            return false;
        if (*p == '?') {
            if (*s == '/')
                return false;
            p++;
            s++;
            continue;
        }
        if (*p == '[') {
            const char *e = strchr(p + 2, ']');
            if (e) {
                char cls[256];
                size_t n = (size_t)(e - p + 1);
                if (n < sizeof cls) {
                    memcpy(cls, p, n);
                    cls[n] = 0;
                    char one[2] = {*s, 0};
                    if (fnmatch(cls, one, icase ? FNM_CASEFOLD : 0) != 0)
                        return false;
                    p = e + 1;
                    s++;
                    continue;
                }
            }
        }
        if (*p == '\\' && p[1])
            p++;
        char a = *p, b = *s;
        if (icase && a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (icase && b >= 'A' && b <= 'Z')
            b = (char)(b + 32);
        if (a != b)
            return false;
        p++;
        s++;
    }
    return *s == 0;
}

/* Does a rule's pattern match rel (relative to the rule's base)? */
static bool rg__rule_match(const char *pat, bool anchored, const char *rel, bool icase)
{
    if (anchored)
        return rg__glob(pat, rel, icase);
    const char *base = strrchr(rel, '/');
    return rg__glob(pat, base ? base + 1 : rel, icase);
}

static void rg__load_ignore(rg *r, const char *abs, const char *relbase, const char *fname)
{
    char *p = fs_join(r->cmd->heap, abs, fname);
    char *data;
    size_t len;
    if (!p || vfs_read_all(r->cmd->vfs, p, r->cmd->heap, &data, &len) < 0)
        return;
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = 0;
        while (n && (line[n - 1] == ' ') && !(n >= 2 && line[n - 2] == '\\'))
            line[--n] = 0;
        if (!n || line[0] == '#')
            continue;
        rg_rule ru = {0};
        if (line[0] == '!') {
            ru.negate = true;
            line++;
            n--;
        } else if (line[0] == '\\' && (line[1] == '!' || line[1] == '#')) {
            line++;
            n--;
        }
        if (n && line[n - 1] == '/') {
            ru.dir_only = true;
            line[--n] = 0;
        }
        if (!n)
            continue;
        if (strchr(line, '/'))
            ru.anchored = true;
        if (line[0] == '/') {
            line++;
            n--;
        }
        if (strncmp(line, "**/", 3) == 0 && !strchr(line + 3, '/'))
            ru.anchored = false, line += 3;
        ru.pat = line;
        ru.base = relbase;
        ru.base_len = (int)strlen(relbase);
        if (r->nrules == r->caprules) {
            size_t nc = r->caprules ? r->caprules * 2 : 16;
            rg_rule *nr = mem_realloc(r->cmd->heap, r->rules, nc * sizeof *nr);
            if (!nr)
                return;
            r->rules = nr;
            r->caprules = nc;
        }
        r->rules[r->nrules++] = ru;
    }
}

/* true when the ignore rules say rel (relative to the root) is ignored. */
static bool rg__ignored(rg *r, const char *rel, bool isdir)
{
    bool ign = false;
    for (size_t i = 0; i < r->nrules; i++) {
        rg_rule *ru = &r->rules[i];
        if (ru->dir_only && !isdir)
            continue;
        const char *sub = rel;
        if (ru->base_len) {
            if (strncmp(rel, ru->base, (size_t)ru->base_len) != 0 || rel[ru->base_len] != '/')
                continue;
            sub = rel + ru->base_len + 1;
        }
        if (rg__rule_match(ru->pat, ru->anchored, sub, false))
            ign = !ru->negate;
    }
    return ign;
}

/* -g globs: 1 include, 0 exclude, -1 no opinion. */
static int rg__globs(rg *r, const char *rel, bool isdir)
{
    int verdict = -1;
    for (size_t i = 0; i < r->nglobs; i++) {
        const char *gp = r->globs[i];
        bool neg = gp[0] == '!';
        if (neg)
            gp++;
        bool anch = strchr(gp, '/') != NULL;
        if (gp[0] == '/')
            gp++;
        if (rg__rule_match(gp, anch, rel, r->iglob[i]))
            verdict = neg ? 0 : 1;
    }
    if (verdict < 0 && r->has_pos_glob && !isdir)
        return 0;
    return verdict;
}

static bool rg__type_match(const char *name, const char *type)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    for (int t = 0; rg_types[t][0]; t++) {
        if (strcmp(rg_types[t][0], type) != 0)
            continue;
        for (int k = 1; rg_types[t][k]; k++)
            if (fnmatch(rg_types[t][k], base, 0) == 0)
                return true;
        return false;
    }
    return false;
}

static bool rg__type_known(const char *type)
{
    for (int t = 0; rg_types[t][0]; t++)
        if (strcmp(rg_types[t][0], type) == 0)
            return true;
    return strcmp(type, "all") == 0;
}


/* ------------------------------------------------ --json, -r, --passthru, --count-matches */

static bool rg__utf8_ok(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || i + k > n)
            return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
        if ((k == 2 && c < 0xC2) || (k == 3 && c == 0xE0 && s[i + 1] < 0xA0) ||
            (k == 3 && c == 0xED && s[i + 1] >= 0xA0) || (k == 4 && c == 0xF0 && s[i + 1] < 0x90) ||
            (k == 4 && (c > 0xF4 || (c == 0xF4 && s[i + 1] >= 0x90))))
            return false;
        i += k;
    }
    return true;
}

/* ripgrep's "arbitrary data": {"text":"..."} for UTF-8, {"bytes":"base64"} otherwise */
static void rg__jdata(vbuf *b, const char *s, size_t n)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *u = (const unsigned char *)s;
    if (!rg__utf8_ok(u, n)) {
        vbuf_adds(b, "{\"bytes\":\"");
        for (size_t i = 0; i < n; i += 3) {
            uint32_t v = (uint32_t)u[i] << 16 | (i + 1 < n ? (uint32_t)u[i + 1] << 8 : 0) |
                         (i + 2 < n ? u[i + 2] : 0);
            vbuf_addc(b, b64[v >> 18 & 63]);
            vbuf_addc(b, b64[v >> 12 & 63]);
            vbuf_addc(b, i + 1 < n ? b64[v >> 6 & 63] : '=');
            vbuf_addc(b, i + 2 < n ? b64[v & 63] : '=');
        }
        vbuf_adds(b, "\"}");
        return;
    }
    vbuf_adds(b, "{\"text\":\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        switch (c) {
        case '"': vbuf_adds(b, "\\\""); break;
        case '\\': vbuf_adds(b, "\\\\"); break;
        case '\n': vbuf_adds(b, "\\n"); break;
        case '\t': vbuf_adds(b, "\\t"); break;
        case '\r': vbuf_adds(b, "\\r"); break;
        case '\b': vbuf_adds(b, "\\b"); break;
        case '\f': vbuf_adds(b, "\\f"); break;
        default:
            if (c < 0x20)
                vbuf_printf(b, "\\u%04x", c);
            else
                vbuf_addc(b, (char)c);
        }
    }
    vbuf_adds(b, "\"}");
}

static void rg__elapsed(vbuf *b, uint64_t ns, bool sorted)
{
    if (sorted)
        vbuf_printf(b, "{\"human\":\"%.6fs\",\"nanos\":%llu,\"secs\":%llu}", (double)ns / 1e9,
                    (unsigned long long)(ns % 1000000000ull), (unsigned long long)(ns / 1000000000ull));
    else
        vbuf_printf(b, "{\"secs\":%llu,\"nanos\":%llu,\"human\":\"%.6fs\"}",
                    (unsigned long long)(ns / 1000000000ull), (unsigned long long)(ns % 1000000000ull),
                    (double)ns / 1e9);
}

static uint64_t rg__now(vb_cmd *cmd)
{
    struct timespec ts = {0, 0};
    if (cmd->ops && cmd->ops->now)
        cmd->ops->now(cmd->shell, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The matches of one line (without its newline): offsets into ms[]; the
 * number found. Empty matches advance one byte. */
typedef struct rg_m {
    size_t so, eo;
    size_t *ov;    /* groups: 2 * n (heap), for -r */
    int n;
} rg_m;

static size_t rg__matches(rg *r, const char *s, size_t n, vbuf *ms, bool groups)
{
    size_t cnt = 0, at = 0;
    ms->len = 0;
    while (at <= n) {
        rx_match m;
        int rc = rx_exec(r->g.re, s, n, at, 0, &m);
        if (rc != 1)
            break;
        rg_m x = {m.so, m.eo, NULL, 0};
        if (groups && m.n > 0) {
            x.ov = mem_alloc(r->cmd->heap, sizeof(size_t) * 2 * (size_t)m.n);
            if (x.ov) {
                memcpy(x.ov, m.ov, sizeof(size_t) * 2 * (size_t)m.n);
                x.n = m.n;
            }
        }
        vbuf_add(ms, &x, sizeof x);
        cnt++;
        at = m.eo > m.so ? m.eo : m.eo + 1;
    }
    return cnt;
}

/* the number of a named group, -1 if none */
static int rg__group_index(rg *r, const char *name)
{
    if (!r->names) {
        const char *src = rx_pcre_source(r->g.re);
        int ec;
        PCRE2_SIZE eo;
        if (!src)
            return -1;
        r->names = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
                                 &ec, &eo, NULL);
        if (!r->names)
            return -1;
    }
    int n = pcre2_substring_number_from_name(r->names, (PCRE2_SPTR)name);
    return n < 0 ? -1 : n;
}

/* -r: the template with $N, $name, ${N}, ${name} and $$ */
static void rg__replace(rg *r, vbuf *b, const char *line, const rg_m *m)
{
    const char *t = r->replace;
    while (*t) {
        if (*t != '$') {
            vbuf_addc(b, *t++);
            continue;
        }
        t++;
        if (*t == '$') {
            vbuf_addc(b, '$');
            t++;
            continue;
        }
        const char *nm = t;
        size_t nl = 0;
        if (*t == '{') {
            const char *e = strchr(t + 1, '}');
            if (!e) {
                vbuf_addc(b, '$');
                continue;
            }
            nm = t + 1;
            nl = (size_t)(e - nm);
            t = e + 1;
        } else {
            while (t[nl] == '_' || (t[nl] >= '0' && t[nl] <= '9') || (t[nl] >= 'a' && t[nl] <= 'z') ||
                   (t[nl] >= 'A' && t[nl] <= 'Z'))
                nl++;
            if (!nl) {
                vbuf_addc(b, '$');
                continue;
            }
            t += nl;
        }
        int gi = -1;
        bool digits = nl > 0;
        for (size_t i = 0; i < nl; i++)
            if (nm[i] < '0' || nm[i] > '9')
                digits = false;
        if (digits) {
            gi = nl < 6 ? atoi(nm) : -1;
        } else {
            char name[128];
            if (nl < sizeof name) {
                memcpy(name, nm, nl);
                name[nl] = 0;
                gi = rg__group_index(r, name);
            }
        }
        if (gi >= 0 && gi < m->n && m->ov && m->ov[2 * gi] != RX_UNSET)
            vbuf_add(b, line + m->ov[2 * gi], m->ov[2 * gi + 1] - m->ov[2 * gi]);
    }
}

/* one output line of the text modes: prefix, then the text */
static void rg__prefix(rg *r, vbuf *b, const char *shown, size_t lno, char sep)
{
    if (r->g.with_name) {
        vbuf_adds(b, shown);
        vbuf_addc(b, r->null_sep ? '\0' : sep);
    }
    if (r->g.lnum)
        vbuf_printf(b, "%zu%c", lno, sep);
}

/* A file with a NUL byte (ripgrep's binary detection). quit: a file met
 * while recursing, searched up to the read buffer holding the first NUL
 * (len is then that limit). Otherwise a file named on the command line or
 * stdin: a selected line from stop_at on ends the search with "binary file
 * matches". Read through ripgrep's buffer (stdin, many paths), its NULs
 * became line ends; memory-mapped (up to 10 named files), a NUL beyond the
 * first 64 KiB is only seen in a selected line (late). */
typedef struct rg_bin {
    size_t nul;        /* offset of the NUL seen */
    size_t stop_at;
    bool quit, late, seen;
    bool mapped;       /* bytes searched end at the NUL seen */
} rg_bin;

/* Searches data (the whole input) in the modes above. 0 selected lines
 * found, 1 none. */
static int rg__search(rg *r, const char *data, size_t len, const char *shown, rg_bin *bin)
{
    vb_cmd *cmd = r->cmd;
    grep *g = &r->g;
    uint64_t t0 = rg__now(cmd);
    /* lines */
    size_t nlines = 0;
    for (const char *p = data, *e = data + len; p < e; nlines++) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        p = nl ? nl + 1 : e;
    }
    size_t *start = mem_alloc(cmd->heap, sizeof(size_t) * (nlines + 1));
    unsigned char *sel = mem_calloc(cmd->heap, nlines + 1, 1);
    if (!start || !sel)
        return 2;
    {
        size_t i = 0;
        for (const char *p = data, *e = data + len; p < e; i++) {
            start[i] = (size_t)(p - data);
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            p = nl ? nl + 1 : e;
        }
        start[nlines] = len;
    }
    vbuf ms;
    vbuf_init(&ms, cmd->heap);
    vbuf out;
    vbuf_init(&out, cmd->heap);
    uint64_t nsel = 0, nmatch = 0, printed = 0;
    size_t searched = len;
    int64_t last = -1;   /* last line printed */
    int64_t after_left = 0;
    bool begun = false;
    for (size_t i = 0; i < nlines; i++) {
        if ((i & 1023) == 0 && bi_cancelled(cmd))
            break;
        const char *ln = data + start[i];
        size_t ll = start[i + 1] - start[i];
        size_t body = ll && ln[ll - 1] == '\n' ? ll - 1 : ll;
        size_t cnt = rg__matches(r, ln, body, &ms, r->replace != NULL);
        bool s = (cnt > 0) != g->invert;
        if (s && g->max_count >= 0 && (int64_t)nsel >= g->max_count) {
            searched = start[i];   /* -m: the search stopped here */
            break;
        }
        if (s && bin && bin->late && !bin->seen) {
            const char *z = memchr(ln, '\0', ll);
            if (z) {
                bin->seen = true;
                bin->nul = (size_t)(z - data);
                bin->stop_at = start[i];
            }
        }
        if (s && bin && !bin->quit && (!bin->late || bin->seen) && !r->json && !r->count_matches &&
            start[i] >= bin->stop_at) {
            nsel++;   /* a match after the binary data was seen: the message instead */
            break;
        }
        if (s) {
            sel[i] = 1;
            nsel++;
            /* -v: --count-matches counts lines, --json no matches */
            nmatch += g->invert ? (r->count_matches ? 1 : 0) : cnt;
        }
        if (r->count_matches)
            continue;
        bool ctx_line = false;
        if (!s) {
            if (r->passthru || after_left > 0)
                ctx_line = true;
            else
                continue;
            after_left--;
        }
        /* before context */
        size_t from = i;
        if (s && !r->passthru) {
            int64_t b0 = (int64_t)i - g->before;
            if (b0 <= last)
                b0 = last + 1;
            if (b0 < 0)
                b0 = 0;
            from = (size_t)b0;
        }
        if (!r->json && !r->passthru && last >= 0 && (int64_t)from > last + 1 && (g->before || g->after))
            vbuf_adds(&out, "--\n");
        if (r->json && !begun) {
            size_t l0 = out.len;
            vbuf_adds(&out, "{\"type\":\"begin\",\"data\":{\"path\":");
            rg__jdata(&out, shown, strlen(shown));
            vbuf_adds(&out, "}}\n");
            printed += out.len - l0;
            begun = true;
        }
        for (size_t j = from; j <= i; j++) {
            bool is_sel = j == i ? !ctx_line : false;
            const char *lj = data + start[j];
            size_t lenj = start[j + 1] - start[j];
            size_t bj = lenj && lj[lenj - 1] == '\n' ? lenj - 1 : lenj;
            if (j != i || from != i)
                rg__matches(r, lj, bj, &ms, r->replace != NULL);
            size_t nm = ms.len / sizeof(rg_m);
            const rg_m *mv = (const rg_m *)ms.data;
            if (r->json) {
                size_t l0 = out.len;
                vbuf_printf(&out, "{\"type\":\"%s\",\"data\":{\"path\":", is_sel ? "match" : "context");
                rg__jdata(&out, shown, strlen(shown));
                vbuf_adds(&out, ",\"lines\":");
                rg__jdata(&out, lj, lenj);
                vbuf_printf(&out, ",\"line_number\":%zu,\"absolute_offset\":%zu,\"submatches\":[", j + 1,
                            start[j]);
                for (size_t k = 0; k < nm && !(g->invert && is_sel); k++) {
                    vbuf_adds(&out, k ? ",{\"match\":" : "{\"match\":");
                    rg__jdata(&out, lj + mv[k].so, mv[k].eo - mv[k].so);
                    vbuf_printf(&out, ",\"start\":%zu,\"end\":%zu}", mv[k].so, mv[k].eo);
                }
                vbuf_adds(&out, "]}}\n");
                printed += out.len - l0;
            } else if (g->only && is_sel && !g->invert) {
                for (size_t k = 0; k < nm; k++) {
                    rg__prefix(r, &out, shown, j + 1, ':');
                    if (r->replace)
                        rg__replace(r, &out, lj, &mv[k]);
                    else
                        vbuf_add(&out, lj + mv[k].so, mv[k].eo - mv[k].so);
                    vbuf_addc(&out, '\n');
                }
            } else {
                rg__prefix(r, &out, shown, j + 1, is_sel ? ':' : '-');
                if (r->replace && nm) {
                    size_t at = 0;
                    for (size_t k = 0; k < nm; k++) {
                        if (mv[k].so < at)
                            continue;
                        vbuf_add(&out, lj + at, mv[k].so - at);
                        rg__replace(r, &out, lj, &mv[k]);
                        at = mv[k].eo;
                    }
                    vbuf_add(&out, lj + at, bj - at);
                } else {
                    vbuf_add(&out, lj, bj);
                }
                vbuf_addc(&out, '\n');
            }
        }
        last = (int64_t)i;
        if (s)
            after_left = g->after;
        if (out.len >= 65536) {
            bi_out(cmd, out.data, out.len);
            out.len = 0;
            if (bi_out_failed(cmd))
                break;
        }
        if (g->quiet && nsel)
            break;
    }
    if (r->count_matches && nsel) {
        if (g->with_name) {
            vbuf_adds(&out, shown);
            vbuf_addc(&out, r->null_sep ? '\0' : ':');
        }
        vbuf_printf(&out, "%llu\n", (unsigned long long)nmatch);
    }
    if (r->json && begun) {
        uint64_t ns = rg__now(cmd) - t0;
        if (bin && bin->mapped && (!bin->late || bin->seen) && bin->nul < searched)
            searched = bin->nul;
        vbuf_adds(&out, "{\"type\":\"end\",\"data\":{\"path\":");
        rg__jdata(&out, shown, strlen(shown));
        if (bin && (!bin->late || bin->seen))
            vbuf_printf(&out, ",\"binary_offset\":%zu,\"stats\":{\"elapsed\":", bin->nul);
        else
            vbuf_adds(&out, ",\"binary_offset\":null,\"stats\":{\"elapsed\":");
        rg__elapsed(&out, ns, false);
        vbuf_printf(&out, ",\"searches\":1,\"searches_with_match\":1,\"bytes_searched\":%zu,"
                          "\"bytes_printed\":%llu,\"matched_lines\":%llu,\"matches\":%llu}}}\n",
                    searched, (unsigned long long)printed, (unsigned long long)nsel, (unsigned long long)nmatch);
        r->t_printed += printed;
        r->t_searched += searched;
        r->t_lines += nsel;
        r->t_matches += nmatch;
        r->t_searches++;
        r->t_ns += ns;
    }
    if (bin && (!bin->late || bin->seen) && nsel && !r->json && !r->count_matches) {
        if (g->with_name) {
            vbuf_adds(&out, shown);
            vbuf_adds(&out, ": ");
        }
        vbuf_printf(&out, "%s (found \"\\0\" byte around offset %zu)\n",
                    bin->quit ? "WARNING: stopped searching binary file after match" : "binary file matches",
                    bin->nul);
    }
    if (!g->quiet && out.len)
        bi_out(cmd, out.data, out.len);
    vbuf_free(&out);
    vbuf_free(&ms);
    return nsel ? 0 : 1;
}

static void rg__summary(rg *r, uint64_t t0)
{
    vbuf b;
    vbuf_init(&b, r->cmd->heap);
    vbuf_adds(&b, "{\"data\":{\"elapsed_total\":");
    rg__elapsed(&b, rg__now(r->cmd) - t0, true);
    vbuf_printf(&b, ",\"stats\":{\"bytes_printed\":%llu,\"bytes_searched\":%llu,\"elapsed\":",
                (unsigned long long)r->t_printed, (unsigned long long)r->t_searched);
    rg__elapsed(&b, r->t_ns, true);
    vbuf_printf(&b, ",\"matched_lines\":%llu,\"matches\":%llu,\"searches\":%llu,\"searches_with_match\":%llu}},"
                    "\"type\":\"summary\"}\n",
                (unsigned long long)r->t_lines, (unsigned long long)r->t_matches,
                (unsigned long long)r->t_searches, (unsigned long long)r->t_searches);
    bi_out(r->cmd, b.data, b.len);
    vbuf_free(&b);
}

/* Where ripgrep's reader stops on a NUL at offset nul: its 64 KiB buffer
 * (grown while one line does not fit) is refilled after the last complete
 * line, and the fill that brings the NUL in ends the search. The returned
 * offset is the end of the lines searched before that fill. */
static size_t rg__bin_limit(const char *data, size_t len, size_t nul)
{
    size_t cap = 65536, ls = 0, end = len < cap ? len : cap;
    while (nul >= end) {
        const char *nl = NULL;
        for (size_t k = end; k > ls; k--)
            if (data[k - 1] == '\n') {
                nl = data + k - 1;
                break;
            }
        if (nl)
            ls = (size_t)(nl + 1 - data);
        else
            cap *= 2;
        end = len - ls < cap ? len : ls + cap;
    }
    return ls;
}

/* The modes grep's engine prints, over bytes in memory (as text). */
static int rg__grep_bytes(rg *r, const char *data, size_t len, const char *shown)
{
    stream *ms = stream_from_bytes(r->cmd->heap, data, len);
    if (!ms)
        return 2;
    int saved = r->g.binfiles;
    r->g.binfiles = GB_TEXT;
    int rc = grep_stream(&r->g, ms, shown);
    r->g.binfiles = saved;
    stream_unref(ms);
    return rc;
}

/* --files-without-match: ripgrep's status says a file was listed, which
 * is when the search (0: a line selected) found nothing. */
static int rg__fwom(const rg *r, int rc)
{
    if (!r->g.files_without || (rc != 0 && rc != 1))
        return rc;
    return rc == 0 ? 1 : 0;
}

static int rg__input_(rg *r, stream *s, const char *shown, bool explicit_path, bool *quit);

/* A stream, read whole: binary detection as ripgrep does it, then the
 * search. explicit_path: named on the command line or stdin. */
static int rg__input(rg *r, stream *s, const char *shown, bool explicit_path)
{
    bool quit = false;
    int rc = rg__input_(r, s, shown, explicit_path, &quit);
    return quit ? rc : rg__fwom(r, rc);
}

static int rg__input_(rg *r, stream *s, const char *shown, bool explicit_path, bool *quit)
{
    grep *g = &r->g;
    bool custom = r->json || r->replace || r->passthru || r->count_matches;
    if (g->binfiles == GB_TEXT && !custom)
        return grep_stream(g, s, shown);
    char *data;
    size_t len;
    int rc = bi_slurp(r->cmd, s, &data, &len);
    if (rc) {
        if (!r->nomsg)
            bi_err(r->cmd, "%s: %s", shown, fs_strerror(rc));
        return 2;
    }
    const char *z = g->binfiles == GB_TEXT ? NULL : memchr(data, '\0', len);
    if (!z)
        return custom ? rg__search(r, data, len, shown, NULL) : rg__grep_bytes(r, data, len, shown);
    bool mapped = explicit_path && r->mmap;
    rg_bin bin = {(size_t)(z - data), 0, !explicit_path, false, false, mapped};
    size_t lim = mapped ? 0 : rg__bin_limit(data, len, bin.nul);
    if (mapped && bin.nul >= 65536)
        bin.late = true;
    if (bin.quit) {
        *quit = true;
        /* counts leave such a file out; so does the "without match" list,
         * which still counts it as found (ripgrep 13's status) */
        if (g->count || r->count_matches)
            return 1;
        if (g->files_without)
            return 0;
        if (g->files_with || g->quiet)
            return rg__grep_bytes(r, data, lim, shown);
        return rg__search(r, data, lim, shown, &bin);
    }
    if (!mapped)
        for (char *p = data; (p = memchr(p, '\0', len - (size_t)(p - data))) != NULL;)
            *p++ = '\n';
    bin.stop_at = lim;
    if (!custom && (g->count || g->files_with || g->files_without || g->quiet))
        return rg__grep_bytes(r, data, len, shown);
    return rg__search(r, data, len, shown, &bin);
}

static void rg__file(rg *r, const char *abs, const char *shown, bool explicit_path)
{
    vb_cmd *cmd = r->cmd;
    if (r->files_mode) {
        bi_outs(cmd, shown);
        bi_outc(cmd, r->null_sep ? '\0' : '\n');
        r->status = 0;
        return;
    }
    int err = 0;
    stream *s = vfs_open_stream(cmd->vfs, abs, O_RDONLY, 0, cmd->heap, &err);
    if (!s) {
        if (!r->nomsg)
            bi_errw(cmd, shown, strlen(shown)), bi_errw(cmd, ": ", 2),
            bi_errw(cmd, fs_strerror(err), strlen(fs_strerror(err))), bi_errw(cmd, "\n", 1);
        r->any_error = true;
        return;
    }
    int rc = rg__input(r, s, shown, explicit_path);
    stream_unref(s);
    if (rc == 0)
        r->status = 0;
    else if (rc == 2)
        r->any_error = true;
}

static bool rg__type_ok(rg *r, const char *name)
{
    for (size_t i = 0; i < r->ntypes_not; i++)
        if (rg__type_match(name, r->types_not[i]))
            return false;
    if (!r->ntypes)
        return true;
    for (size_t i = 0; i < r->ntypes; i++)
        if (strcmp(r->types[i], "all") == 0 || rg__type_match(name, r->types[i]))
            return true;
    return false;
}

/* Recursion below a directory. rel: path relative to the search root. */
static void rg__dir(rg *r, const char *abs, const char *shown, const char *rel, int depth)
{
    vb_cmd *cmd = r->cmd;
    if (bi_cancelled(cmd) || r->g.stop_all)
        return;
    size_t rules_before = r->nrules;
    if (!r->noignore) {
        if (r->in_git)
            rg__load_ignore(r, abs, rel, ".gitignore");
        rg__load_ignore(r, abs, rel, ".ignore");
        rg__load_ignore(r, abs, rel, ".rgignore");
    }
    char **names;
    size_t n;
    int rc = fs_list_dir(cmd, abs, &names, &n);
    if (rc < 0) {
        if (!r->nomsg)
            bi_errw(cmd, shown, strlen(shown)), bi_errw(cmd, ": ", 2),
            bi_errw(cmd, fs_strerror(rc), strlen(fs_strerror(rc))), bi_errw(cmd, "\n", 1);
        r->any_error = true;
        r->nrules = rules_before;
        return;
    }
    for (size_t i = 0; i < n && !r->g.stop_all; i++) {
        const char *nm = names[i];
        if (!r->hidden && nm[0] == '.')
            continue;
        char *cabs = fs_join(cmd->heap, abs, nm);
        char *cshown = shown[0] ? fs_join(cmd->heap, shown, nm) : mem_strdup(cmd->heap, nm);
        char *crel = rel[0] ? fs_join(cmd->heap, rel, nm) : mem_strdup(cmd->heap, nm);
        if (!cabs || !cshown || !crel)
            break;
        vfs_stat_t st;
        int src = r->follow ? vfs_stat(cmd->vfs, cabs, &st) : vfs_lstat(cmd->vfs, cabs, &st);
        if (src < 0)
            continue;
        bool isdir = S_ISDIR(st.mode);
        if (!isdir && !S_ISREG(st.mode))
            continue;
        if (!r->noignore && rg__ignored(r, crel, isdir))
            continue;
        int gv = r->nglobs ? rg__globs(r, crel, isdir) : -1;
        if (gv == 0)
            continue;
        if (isdir) {
            if (r->maxdepth < 0 || depth + 1 < r->maxdepth)
                rg__dir(r, cabs, cshown, crel, depth + 1);
        } else if (r->maxdepth < 0 || depth + 1 <= r->maxdepth) {
            if (rg__type_ok(r, nm))
                rg__file(r, cabs, cshown, false);
        }
        mem_free(cmd->heap, cabs);
        mem_free(cmd->heap, cshown);
        mem_free(cmd->heap, crel);
    }
    r->nrules = rules_before;
}

/* Is abs inside a git repository (a directory with .git, here or above)? */
static bool rg__in_git(vb_cmd *cmd, const char *abs)
{
    char *p = mem_strdup(cmd->heap, abs);
    if (!p)
        return false;
    for (;;) {
        char *g = fs_join(cmd->heap, p, ".git");
        vfs_stat_t st;
        if (g && vfs_stat(cmd->vfs, g, &st) == 0)
            return true;
        char *sl = strrchr(p, '/');
        if (!sl || sl == p)
            break;
        *sl = 0;
    }
    vfs_stat_t st;
    return vfs_stat(cmd->vfs, "/.git", &st) == 0;
}

static int rg__num(vb_cmd *cmd, const char *a, int64_t *out)
{
    if (bi_parse_i64(a, out) != 0 || *out < 0) {
        bi_errw(cmd, "error: invalid value for a number\n", 35);
        return -1;
    }
    return 0;
}

int bi_rg(vb_cmd *cmd)
{
    rg rs;
    rg *r = &rs;
    memset(r, 0, sizeof *r);
    r->cmd = cmd;
    r->maxdepth = -1;
    r->status = 1;
    grep *g = &r->g;
    g->cmd = cmd;
    g->max_count = -1;
    g->eol = '\n';
    g->group_sep = "--";
    g->group_sep_on = true;
    g->rg_style = true;
    int with_name = -1, lnum = -1, casemode = 0; /* 0 sensitive, 1 insensitive, 2 smart */
    bool fixed = false, word = false, line = false, have_e = false;
    int64_t ctx = -1, before = -1, after = -1;
    int unrestricted = 0;
    vbuf pats;
    vbuf_init(&pats, cmd->heap);
    vbuf globs;
    vbuf_init(&globs, cmd->heap);
    vbuf iglobs;
    vbuf_init(&iglobs, cmd->heap);
    vbuf types, tnot;
    vbuf_init(&types, cmd->heap);
    vbuf_init(&tnot, cmd->heap);

    bi_opt o;
    bi_opt_init(&o, cmd, rg_shorts, rg_longs, NULL);
    o.usage_status = 2;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT || c == BI_OPT_ERR)
            return bi_done(cmd, o.status ? 2 : 0);
        switch (c) {
        case 'e':
            vbuf_add(&pats, &o.arg, sizeof o.arg);
            have_e = true;
            break;
        case 'f': {
            char *data;
            size_t len;
            char *abs = bi_path(cmd, o.arg);
            if (!abs || vfs_read_all(cmd->vfs, abs, cmd->heap, &data, &len) < 0) {
                bi_errw(cmd, o.arg, strlen(o.arg));
                bi_errw(cmd, ": No such file or directory (os error 2)\n", 41);
                return 2;
            }
            char *save = NULL;
            for (char *t = strtok_r(data, "\n", &save); t; t = strtok_r(NULL, "\n", &save)) {
                const char *pt = t;
                vbuf_add(&pats, &pt, sizeof pt);
            }
            have_e = true;
            break;
        }
        case 'i': casemode = 1; break;
        case 'S': casemode = 2; break;
        case 's': casemode = 0; break;
        case 'w': word = true; break;
        case 'x': line = true; break;
        case 'v': g->invert = true; break;
        case 'c': g->count = true; break;
        case 'l': g->files_with = true; break;
        case RO_FWOM: g->files_without = true; break;
        case 'n': lnum = 1; break;
        case 'N': lnum = 0; break;
        case 'o': g->only = true; break;
        case 'F': fixed = true; break;
        case 'P': break;   /* pcre2 is the engine already */
        case 'A': if (rg__num(cmd, o.arg, &after) < 0) return 2; break;
        case 'B': if (rg__num(cmd, o.arg, &before) < 0) return 2; break;
        case 'C': if (rg__num(cmd, o.arg, &ctx) < 0) return 2; break;
        case 'm': if (rg__num(cmd, o.arg, &g->max_count) < 0) return 2; break;
        case 'g':
        case RO_IGLOB: {
            bool ic = c == RO_IGLOB;
            vbuf_add(&globs, &o.arg, sizeof o.arg);
            vbuf_add(&iglobs, &ic, sizeof ic);
            break;
        }
        case 't':
        case 'T':
            if (!rg__type_known(o.arg)) {
                bi_errw(cmd, "unrecognized file type: ", 24);
                bi_errw(cmd, o.arg, strlen(o.arg));
                bi_errw(cmd, "\n", 1);
                return 2;
            }
            vbuf_add(c == 't' ? &types : &tnot, &o.arg, sizeof o.arg);
            break;
        case RO_HIDDEN: r->hidden = true; break;
        case RO_NOIGNORE: r->noignore = true; break;
        case 'u': unrestricted++; break;
        case RO_FILES: r->files_mode = true; break;
        case RO_MAXDEPTH: if (rg__num(cmd, o.arg, &r->maxdepth) < 0) return 2; break;
        case 'H': with_name = 1; break;
        case 'I': with_name = 0; break;
        case 'q': g->quiet = true; break;
        case 'a': g->binfiles = GB_TEXT; break;
        case '0': r->null_sep = true; g->null_after_name = true; break;
        case 'L': r->follow = true; break;
        case RO_SORT:
        case RO_SORTR:
            if (o.arg && strcmp(o.arg, "path") && strcmp(o.arg, "none")) {
                bi_errw(cmd, "error: unsupported sort key\n", 28);
                return 2;
            }
            break;
        case RO_NOHEADING: case RO_HEADING: break;
        case RO_COLOR:
            if (strcmp(o.arg, "never") && strcmp(o.arg, "auto")) {
                bi_errw(cmd, "error: only --color=never and --color=auto are supported\n", 57);
                return 2;
            }
            break;
        case 'j': break;   /* one virtual thread searches */
        case 'r': r->replace = o.arg; break;
        case RO_JSON: r->json = true; break;
        case RO_PASSTHRU: r->passthru = true; break;
        case RO_COUNTM: r->count_matches = true; break;
        case RO_NOMSG: r->nomsg = true; g->nomsg = true; break;
        case RO_TYPELIST:
            for (int t = 0; rg_types[t][0]; t++) {
                bi_outf(cmd, "%s: ", rg_types[t][0]);
                for (int k = 1; rg_types[t][k]; k++)
                    bi_outf(cmd, "%s%s", k > 1 ? ", " : "", rg_types[t][k]);
                bi_outc(cmd, '\n');
            }
            return bi_done(cmd, 0);
        default:
            break;
        }
    }
    if (unrestricted >= 1)
        r->noignore = true;
    if (unrestricted >= 2)
        r->hidden = true;
    if (unrestricted >= 3)
        g->binfiles = GB_TEXT;
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (!have_e && !r->files_mode) {
        if (nops < 1) {
            const char *t = "error: The following required arguments were not provided:\n"
                            "    <PATTERN>\n\nUSAGE:\n    \n    rg [OPTIONS] PATTERN [PATH ...]\n"
                            "    rg [OPTIONS] -e PATTERN ... [PATH ...]\n"
                            "    rg [OPTIONS] -f PATTERNFILE ... [PATH ...]\n"
                            "    rg [OPTIONS] --files [PATH ...]\n"
                            "    rg [OPTIONS] --type-list\n    command | rg [OPTIONS] PATTERN\n"
                            "    rg [OPTIONS] --help\n    rg [OPTIONS] --version\n\n"
                            "For more information try --help\n";
            bi_errw(cmd, t, strlen(t));
            return 2;
        }
        vbuf_add(&pats, &ops[0], sizeof ops[0]);
        ops++;
        nops--;
    }
    r->globs = (const char **)globs.data;
    r->iglob = (bool *)iglobs.data;
    r->nglobs = globs.len / sizeof(char *);
    for (size_t i = 0; i < r->nglobs; i++)
        if (r->globs[i][0] != '!')
            r->has_pos_glob = true;
    r->types = (const char **)types.data;
    r->ntypes = types.len / sizeof(char *);
    r->types_not = (const char **)tnot.data;
    r->ntypes_not = tnot.len / sizeof(char *);

    /* context and output */
    g->before = before >= 0 ? before : ctx >= 0 ? ctx : 0;
    g->after = after >= 0 ? after : ctx >= 0 ? ctx : 0;
    if (g->files_with || g->files_without)
        g->count = false;
    if (g->only || g->count || g->files_with || g->files_without || g->quiet)
        g->before = g->after = 0;
    bool tty = (cmd->out->flags & STREAM_TTY) != 0;
    g->lnum = lnum >= 0 ? lnum == 1 : tty;
    g->utf = rx_locale_flags(cmd) != 0;
    grep_set_colors(g, NULL);

    /* compile */
    size_t np = pats.len / sizeof(char *);
    const char **pv = (const char **)pats.data;
    int flags = (fixed ? RX_FIXED : RX_PCRE) | (line ? RX_LINE : word ? RX_WORD : 0) |
                (g->utf ? RX_UTF | RX_UCP : 0) |
                (g->only || r->json || r->replace || r->passthru || r->count_matches ? 0 : RX_NOSUB);
    bool icase = casemode == 1;
    if (casemode == 2) {
        icase = true;
        for (size_t i = 0; i < np; i++)
            for (const char *p = pv[i]; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    icase = false;
    }
    if (icase)
        flags |= RX_ICASE;
    g->line_mode = true;
    if (!r->files_mode) {
        char *err = NULL;
        if (rx_compile_multi(cmd->heap, pv, NULL, np, flags, &g->re, &err) != 0) {
            bi_errw(cmd, "regex parse error:\n    ", 23);
            bi_errw(cmd, err ? err : "?", err ? strlen(err) : 1);
            bi_errw(cmd, "\n", 1);
            return 2;
        }
        if (cmd->ops && cmd->ops->regex_limit)
            rx_set_limit(g->re, cmd->ops->regex_limit(cmd->shell));
    }

    /* paths */
    bool implicit = nops == 0;
    bool use_stdin = implicit && !r->files_mode && cmd->in &&
                     (cmd->in->kind == STREAM_PIPE || cmd->in->kind == STREAM_BUF ||
                      cmd->in->kind == STREAM_FILE) && !(cmd->in->flags & STREAM_TTY);
    if (use_stdin) {
        g->with_name = with_name == 1;
        uint64_t t0 = rg__now(cmd);
        int rc = rg__input(r, cmd->in, "<stdin>", true);
        if (r->json)
            rg__summary(r, t0);
        if (r->names)
            pcre2_code_free(r->names);
        rx_free(g->re);
        return bi_done(cmd, rc);
    }
    char *dot[1] = {"."};
    if (implicit) {
        ops = dot;
        nops = 1;
    }
    uint64_t t_start = rg__now(cmd);
    bool any_dir = false;
    for (int i = 0; i < nops; i++) {
        vfs_stat_t st;
        char *abs = bi_path(cmd, ops[i]);
        if (abs && vfs_stat(cmd->vfs, abs, &st) == 0 && S_ISDIR(st.mode))
            any_dir = true;
    }
    g->with_name = with_name >= 0 ? with_name == 1 : (any_dir || nops > 1);
    r->mmap = !implicit && nops <= 10;
    for (int i = 0; i < nops && r->mmap; i++) {
        vfs_stat_t st;
        char *abs = bi_path(cmd, ops[i]);
        if (!abs || vfs_stat(cmd->vfs, abs, &st) != 0 || !S_ISREG(st.mode))
            r->mmap = false;
    }
    for (int i = 0; i < nops && !g->stop_all; i++) {
        char *abs = bi_path(cmd, ops[i]);
        if (!abs)
            break;
        vfs_stat_t st;
        int src = vfs_stat(cmd->vfs, abs, &st);
        if (src < 0) {
            if (!r->nomsg) {
                const char *m = fs_strerror(src);
                bi_flush(cmd);
                char buf[600];
                int n = snprintf(buf, sizeof buf, "%s: %s (os error %d)\n", ops[i], m, -src);
                bi_errw(cmd, buf, (size_t)n);
            }
            r->any_error = true;
            continue;
        }
        if (S_ISDIR(st.mode)) {
            r->in_git = rg__in_git(cmd, abs);
            r->nrules = 0;
            rg__dir(r, abs, implicit ? "" : ops[i], "", 0);
        } else {
            rg__file(r, abs, ops[i], true);
        }
    }
    if (r->json)
        rg__summary(r, t_start);
    if (r->names)
        pcre2_code_free(r->names);
    rx_free(g->re);
    int status = r->status;
    if (r->any_error && status != 0)
        status = 2;
    if (g->files_without)
        status = r->status;
    return bi_done(cmd, status);
}
