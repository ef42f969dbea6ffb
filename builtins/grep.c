/*
 * grep, egrep, fgrep: print lines that match patterns.
 * Reference: GNU grep 3.8. -E -F -G -P -e -f -i -y --no-ignore-case -v -w
 * -x -c -l -L -n -b -h -H -o -q -s -r -R -z -Z -a -I -U -T -A -B -C -NUM
 * --group-separator --no-group-separator -m --include --exclude
 * --exclude-dir --label --line-buffered --color --binary-files -d -D.
 *
 * Search: input is read in large chunks; BRE/ERE/fixed patterns are compiled
 * with RX_NEWLINE and searched over the whole chunk of complete lines (the
 * line is found around a match afterwards), so non-matching lines cost no
 * per-line work. -P and -z search record by record.
 * Deviations: directory recursion visits entries in name order (GNU: the
 * order of readdir); GREP_COLORS' sl/cx/rv are not applied.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/regex.h"
#include "vbash/vbash.h"
#include "builtins/grep_int.h"

VB_BUILTIN("egrep", bi_grep, BI_UTIL)
VB_BUILTIN("fgrep", bi_grep, BI_UTIL)
VB_BUILTIN("grep", bi_grep, BI_UTIL)
int bi_grep(vb_cmd *cmd);

static const char grep_help[] =
    "Usage: grep [OPTION]... PATTERNS [FILE]...\n"
    "Search for PATTERNS in each FILE.\n"
    "Example: grep -i 'hello world' menu.h main.c\n"
    "PATTERNS can contain multiple patterns separated by newlines.\n"
    "\n"
    "Pattern selection and interpretation:\n"
    "  -E, --extended-regexp     PATTERNS are extended regular expressions\n"
    "  -F, --fixed-strings       PATTERNS are strings\n"
    "  -G, --basic-regexp        PATTERNS are basic regular expressions\n"
    "  -P, --perl-regexp         PATTERNS are Perl regular expressions\n"
    "  -e, --regexp=PATTERNS     use PATTERNS for matching\n"
    "  -f, --file=FILE           take PATTERNS from FILE\n"
    "  -i, --ignore-case         ignore case distinctions in patterns and data\n"
    "      --no-ignore-case      do not ignore case distinctions (default)\n"
    "  -w, --word-regexp         match only whole words\n"
    "  -x, --line-regexp         match only whole lines\n"
    "  -z, --null-data           a data line ends in 0 byte, not newline\n"
    "\n"
    "Miscellaneous:\n"
    "  -s, --no-messages         suppress error messages\n"
    "  -v, --invert-match        select non-matching lines\n"
    "  -V, --version             display version information and exit\n"
    "      --help                display this help text and exit\n"
    "\n"
    "Output control:\n"
    "  -m, --max-count=NUM       stop after NUM selected lines\n"
    "  -b, --byte-offset         print the byte offset with output lines\n"
    "  -n, --line-number         print line number with output lines\n"
    "      --line-buffered       flush output on every line\n"
    "  -H, --with-filename       print file name with output lines\n"
    "  -h, --no-filename         suppress the file name prefix on output\n"
    "      --label=LABEL         use LABEL as the standard input file name prefix\n"
    "  -o, --only-matching       show only nonempty parts of lines that match\n"
    "  -q, --quiet, --silent     suppress all normal output\n"
    "      --binary-files=TYPE   assume that binary files are TYPE;\n"
    "                            TYPE is 'binary', 'text', or 'without-match'\n"
    "  -a, --text                equivalent to --binary-files=text\n"
    "  -I                        equivalent to --binary-files=without-match\n"
    "  -d, --directories=ACTION  how to handle directories;\n"
    "                            ACTION is 'read', 'recurse', or 'skip'\n"
    "  -D, --devices=ACTION      how to handle devices, FIFOs and sockets;\n"
    "                            ACTION is 'read' or 'skip'\n"
    "  -r, --recursive           like --directories=recurse\n"
    "  -R, --dereference-recursive  likewise, but follow all symlinks\n"
    "      --include=GLOB        search only files that match GLOB (a file pattern)\n"
    "      --exclude=GLOB        skip files that match GLOB\n"
    "      --exclude-from=FILE   skip files that match any file pattern from FILE\n"
    "      --exclude-dir=GLOB    skip directories that match GLOB\n"
    "  -L, --files-without-match  print only names of FILEs with no selected lines\n"
    "  -l, --files-with-matches  print only names of FILEs with selected lines\n"
    "  -c, --count               print only a count of selected lines per FILE\n"
    "  -T, --initial-tab         make tabs line up (if needed)\n"
    "  -Z, --null                print 0 byte after FILE name\n"
    "\n"
    "Context control:\n"
    "  -B, --before-context=NUM  print NUM lines of leading context\n"
    "  -A, --after-context=NUM   print NUM lines of trailing context\n"
    "  -C, --context=NUM         print NUM lines of output context\n"
    "  -NUM                      same as --context=NUM\n"
    "      --group-separator=SEP  print SEP on line between matches with context\n"
    "      --no-group-separator  do not print separator for matches with context\n"
    "      --color[=WHEN],\n"
    "      --colour[=WHEN]       use markers to highlight the matching strings;\n"
    "                            WHEN is 'always', 'never', or 'auto'\n"
    "  -U, --binary              do not strip CR characters at EOL (MSDOS/Windows)\n"
    "\n"
    "When FILE is '-', read standard input.  With no FILE, read '.' if\n"
    "recursive, '-' otherwise.  With fewer than two FILEs, assume -h.\n"
    "Exit status is 0 if any line is selected, 1 otherwise;\n"
    "if any error occurs and -q is not given, the exit status is 2.\n";

enum {
    GO_NOIC = 256, GO_LABEL, GO_LINEBUF, GO_COLOR, GO_BINFILES, GO_INCLUDE, GO_EXCLUDE,
    GO_EXCLUDE_DIR, GO_EXCLUDE_FROM, GO_GROUPSEP, GO_NOGROUPSEP,
};

static const bi_longopt grep_longs[] = {
    {"extended-regexp", 0, 'E'}, {"fixed-strings", 0, 'F'}, {"basic-regexp", 0, 'G'},
    {"perl-regexp", 0, 'P'}, {"regexp", 1, 'e'}, {"file", 1, 'f'},
    {"ignore-case", 0, 'i'}, {"no-ignore-case", 0, GO_NOIC}, {"word-regexp", 0, 'w'},
    {"line-regexp", 0, 'x'}, {"null-data", 0, 'z'}, {"no-messages", 0, 's'},
    {"invert-match", 0, 'v'}, {"version", 0, 'V'}, {"max-count", 1, 'm'},
    {"byte-offset", 0, 'b'}, {"line-number", 0, 'n'}, {"line-buffered", 0, GO_LINEBUF},
    {"with-filename", 0, 'H'}, {"no-filename", 0, 'h'}, {"label", 1, GO_LABEL},
    {"only-matching", 0, 'o'}, {"quiet", 0, 'q'}, {"silent", 0, 'q'},
    {"binary-files", 1, GO_BINFILES}, {"text", 0, 'a'}, {"directories", 1, 'd'},
    {"devices", 1, 'D'}, {"recursive", 0, 'r'}, {"dereference-recursive", 0, 'R'},
    {"include", 1, GO_INCLUDE}, {"exclude", 1, GO_EXCLUDE}, {"exclude-from", 1, GO_EXCLUDE_FROM},
    {"exclude-dir", 1, GO_EXCLUDE_DIR}, {"files-without-match", 0, 'L'},
    {"files-with-matches", 0, 'l'}, {"count", 0, 'c'}, {"initial-tab", 0, 'T'},
    {"null", 0, 'Z'}, {"before-context", 1, 'B'}, {"after-context", 1, 'A'},
    {"context", 1, 'C'}, {"group-separator", 1, GO_GROUPSEP},
    {"no-group-separator", 0, GO_NOGROUPSEP}, {"color", 2, GO_COLOR}, {"colour", 2, GO_COLOR},
    {"binary", 0, 'U'}, {0},
};

static const char grep_shorts[] = "0123456789A:B:C:D:EFGHILPRTUVZabcd:e:f:hilm:noqrsuvwxyz";

/* Per-file scanning state. */
typedef struct grep_file {
    const char *name;
    char *buf;
    size_t len;                  /* bytes in buf */
    uint64_t base;               /* file offset of buf[0] */
    uint64_t lineno;             /* number of the line that starts at `pos` */
    size_t pos;                  /* next byte to scan */
    size_t printed_end;          /* end of the last output line within buf (0: none in buf) */
    int64_t last_out_end;        /* file offset after the last output line, -1 none */
    int64_t after_left;
    int64_t selected;
    bool binary;                 /* holds a NUL (or bad UTF-8 in an output line) */
    bool bin_matched;            /* "binary file matches": stop */
    uint64_t nul_off;            /* file offset of the first NUL */
    bool done;                   /* max count reached or -l/-L/-q decided */
    bool stopping;               /* max count reached: only trailing context now */
} grep_file;

/* ------------------------------------------------------------ output */

static void grep__sgr_start(grep *g, const char *c)
{
    bi_outf(g->cmd, "\33[%sm%s", c, g->col.ne ? "" : "\33[K");
}

static void grep__sgr_end(grep *g)
{
    bi_outs(g->cmd, g->col.ne ? "\33[m" : "\33[m\33[K");
}

static void grep__sep(grep *g, char sep)
{
    if (g->color && *g->col.se) {
        grep__sgr_start(g, g->col.se);
        bi_outc(g->cmd, sep);
        grep__sgr_end(g);
    } else {
        bi_outc(g->cmd, sep);
    }
}

static void grep__fname(grep *g, const char *name)
{
    if (g->color && *g->col.fn) {
        grep__sgr_start(g, g->col.fn);
        bi_outs(g->cmd, name);
        grep__sgr_end(g);
    } else {
        bi_outs(g->cmd, name);
    }
}

/* The prefix of an output line: name, line number, byte offset. */
static void grep__prefix(grep *g, grep_file *f, uint64_t lineno, uint64_t off, char sep)
{
    if (g->with_name) {
        grep__fname(g, f->name);
        if (g->null_after_name)
            bi_outc(g->cmd, '\0');
        else
            grep__sep(g, sep);
    }
    if (g->lnum) {
        char nb[32];
        snprintf(nb, sizeof nb, "%llu", (unsigned long long)lineno);
        if (g->color && *g->col.ln) {
            grep__sgr_start(g, g->col.ln);
            bi_outs(g->cmd, nb);
            grep__sgr_end(g);
        } else {
            bi_outs(g->cmd, nb);
        }
        grep__sep(g, sep);
    }
    if (g->boff) {
        char nb[32];
        snprintf(nb, sizeof nb, "%llu", (unsigned long long)off);
        if (g->color && *g->col.bn) {
            grep__sgr_start(g, g->col.bn);
            bi_outs(g->cmd, nb);
            grep__sgr_end(g);
        } else {
            bi_outs(g->cmd, nb);
        }
        grep__sep(g, sep);
    }
    if (g->initial_tab && (g->with_name || g->lnum || g->boff))
        bi_outc(g->cmd, '\t');
}

static void grep__groupsep(grep *g, grep_file *f, uint64_t line_off)
{
    if (!(g->before > 0 || g->after > 0 || g->ctx_given) || !g->group_sep_on || !g->printed_any)
        return;
    if (f->last_out_end >= 0 && (uint64_t)f->last_out_end == line_off)
        return;
    if (g->color && *g->col.se) {
        grep__sgr_start(g, g->col.se);
        bi_outs(g->cmd, g->group_sep);
        grep__sgr_end(g);
    } else {
        bi_outs(g->cmd, g->group_sep);
    }
    bi_outc(g->cmd, '\n');
}

/* Valid UTF-8? (an output line with an encoding error makes the file binary) */
static bool grep__utf8_ok(const unsigned char *p, size_t n)
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
        if ((k == 2 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
            (k == 3 && (v < 0x10000 || v > 0x10ffff)))
            return false;
        i += k + 1;
    }
    return true;
}

static int grep__limit(grep *g)
{
    vb_cmd *cmd = g->cmd;
    g->error = true;
    if (cmd->ops && cmd->ops->limit)
        return cmd->ops->limit(cmd->shell, VB_LIMIT_REGEX, "grep: exceeded the regex match limit");
    bi_err(cmd, "exceeded the regex match limit");
    return 2;
}

/* ------------------------------------------------------------ lines */

static uint64_t grep__lineno_at(grep *g, grep_file *f, size_t p, size_t *lnpos)
{
    if (!g->lnum)
        return 0;
    const char *b = f->buf;
    size_t q = *lnpos;
    while (q < p) {
        const char *nl = memchr(b + q, g->eol, p - q);
        if (!nl)
            break;
        f->lineno++;
        q = (size_t)(nl - b) + 1;
    }
    *lnpos = p;
    return f->lineno;
}

/* Writes s[0..n) with its matches coloured (ms/mc). */
static int grep__colored(grep *g, const char *line, size_t n, const char *sgr)
{
    size_t pos = 0, done = 0;
    while (pos <= n) {
        rx_match m;
        int rc = rx_exec(g->re, line, n, pos, RX_LONGEST, &m);
        if (rc < 0)
            return rc;
        if (rc == 0)
            break;
        if (m.so == m.eo) {
            pos = m.eo + 1;
            continue;
        }
        bi_out(g->cmd, line + done, m.so - done);
        grep__sgr_start(g, sgr);
        bi_out(g->cmd, line + m.so, m.eo - m.so);
        grep__sgr_end(g);
        done = pos = m.eo;
    }
    bi_out(g->cmd, line + done, n - done);
    return 0;
}

/* Outputs the line [ls, le) (le: without its terminator). */
static int grep__emit(grep *g, grep_file *f, size_t ls, size_t le, uint64_t lineno, bool selected)
{
    const char *line = f->buf + ls;
    size_t n = le - ls;
    uint64_t off = f->base + ls;
    char sep = selected ? ':' : '-';
    if (g->only) {
        if (!selected)
            return 0;
        /* GNU prints the group separator before a selected line that does
         * not follow the last one, even when -o (or -v) prints nothing of it */
        grep__groupsep(g, f, off);
        f->last_out_end = (int64_t)(off + n + 1);
        g->printed_any = true;
        size_t pos = 0;
        while (!g->invert && pos <= n) {
            rx_match m;
            int rc = rx_exec(g->re, line, n, pos, RX_LONGEST, &m);
            if (rc < 0)
                return rc;
            if (rc == 0)
                break;
            if (m.so == m.eo) {
                pos = m.eo + 1;
                continue;
            }
            grep__prefix(g, f, lineno, off + m.so, sep);
            if (g->color && *g->col.ms) {
                grep__sgr_start(g, g->col.ms);
                bi_out(g->cmd, line + m.so, m.eo - m.so);
                grep__sgr_end(g);
            } else {
                bi_out(g->cmd, line + m.so, m.eo - m.so);
            }
            bi_outc(g->cmd, g->eol);
            pos = m.eo;
        }
    } else {
        grep__groupsep(g, f, off);
        grep__prefix(g, f, lineno, off, sep);
        const char *sgr = selected ? (g->invert ? NULL : g->col.ms) : (g->invert ? g->col.mc : NULL);
        if (g->color && sgr && *sgr) {
            int rc = grep__colored(g, line, n, sgr);
            if (rc < 0)
                return rc;
        } else {
            bi_out(g->cmd, line, n);
        }
        bi_outc(g->cmd, g->eol);
        f->last_out_end = (int64_t)(off + n + 1);
        g->printed_any = true;
    }
    if (g->linebuf)
        bi_flush(g->cmd);
    return 0;
}

/* Lines in [a, b) that are not selected: trailing context, then counted. */
static int grep__unselected(grep *g, grep_file *f, size_t a, size_t b, size_t *lnpos)
{
    size_t p = a;
    while (p < b && f->after_left > 0) {
        const char *nl = memchr(f->buf + p, g->eol, b - p);
        size_t le = nl ? (size_t)(nl - f->buf) : b;
        uint64_t ln = grep__lineno_at(g, f, p, lnpos);
        int rc = grep__emit(g, f, p, le, ln, false);
        if (rc < 0)
            return rc;
        p = nl ? le + 1 : b;
        f->printed_end = p;
        f->after_left--;
    }
    if (f->stopping && f->after_left == 0)
        f->done = true;
    return 0;
}

/* One selected line [ls, le) (le without the terminator; next: after it). */
static int grep__select(grep *g, grep_file *f, size_t ls, size_t le, size_t next, size_t *lnpos)
{
    if (f->stopping) {
        if (f->after_left > 0)
            return grep__unselected(g, f, ls, next, lnpos);
        f->done = true;
        return 0;
    }
    f->selected++;
    g->any_selected = true;
    if (g->quiet) {
        f->done = true;
        g->stop_all = true;
        return 0;
    }
    if (g->files_with || g->files_without) {
        f->done = true;
        return 0;
    }
    if (g->count) {
        if (g->max_count >= 0 && f->selected >= g->max_count)
            f->done = true;
        return 0;
    }
    if (g->binfiles == GB_BINARY &&
        (f->binary || (g->utf && !grep__utf8_ok((const unsigned char *)f->buf + ls, le - ls)))) {
        f->bin_matched = true;
        f->done = true;
        return 0;
    }
    uint64_t ln = grep__lineno_at(g, f, ls, lnpos);
    if (g->before > 0) {
        /* up to B lines before ls, none already printed */
        size_t starts[64];
        int64_t want = g->before;
        size_t *st = want <= 64 ? starts : mem_alloc(g->cmd->heap, (size_t)want * sizeof(size_t));
        if (!st)
            return RX_ENOMEM;
        int64_t k = 0;
        size_t q = ls;
        while (k < want && q > f->printed_end) {
            size_t r = q - 1;   /* the terminator of the previous line */
            const char *nl = r > f->printed_end ? memrchr(f->buf + f->printed_end, g->eol, r - f->printed_end) : NULL;
            size_t s0 = nl ? (size_t)(nl - f->buf) + 1 : f->printed_end;
            st[k++] = s0;
            q = s0;
        }
        for (int64_t j = k - 1; j >= 0; j--) {
            size_t s0 = st[j];
            const char *nl = memchr(f->buf + s0, g->eol, ls - s0);
            size_t e0 = nl ? (size_t)(nl - f->buf) : ls - 1;
            int rc = grep__emit(g, f, s0, e0, ln - (uint64_t)(j + 1), false);
            if (rc < 0)
                return rc;
        }
        if (st != starts)
            mem_free(g->cmd->heap, st);
    }
    int rc = grep__emit(g, f, ls, le, ln, true);
    if (rc < 0)
        return rc;
    f->printed_end = next;
    f->after_left = g->after;
    if (g->max_count >= 0 && f->selected >= g->max_count) {
        f->stopping = true;
        if (f->after_left == 0)
            f->done = true;
    }
    return 0;
}

/* Every line of [a, b) is selected (the gaps of -v). */
static int grep__select_range(grep *g, grep_file *f, size_t a, size_t b, size_t *lnpos)
{
    size_t p = a;
    while (p < b && !f->done) {
        const char *nl = memchr(f->buf + p, g->eol, b - p);
        size_t le = nl ? (size_t)(nl - f->buf) : b;
        size_t next = nl ? le + 1 : b;
        int rc = grep__select(g, f, p, le, next, lnpos);
        if (rc < 0)
            return rc;
        p = next;
    }
    return 0;
}

/* The next line in [p, end) that the pattern matches: [*ls, *le) with *next
 * after its terminator. 1 found, 0 none, <0 error. */
static int grep__next(grep *g, grep_file *f, size_t p, size_t end, size_t *ls, size_t *le, size_t *next)
{
    const char *b = f->buf;
    if (!g->line_mode) {
        rx_match m;
        int rc = rx_exec(g->re, b, end, p, 0, &m);
        if (rc <= 0)
            return rc;
        if (m.so >= end && end > p && b[end - 1] == g->eol)
            return 0;
        const char *nl = m.so > p ? memrchr(b + p, g->eol, m.so - p) : NULL;
        *ls = nl ? (size_t)(nl - b) + 1 : p;
        const char *e = memchr(b + m.so, g->eol, end - m.so);
        *le = e ? (size_t)(e - b) : end;
        *next = e ? *le + 1 : end;
        return 1;
    }
    while (p < end) {
        const char *e = memchr(b + p, g->eol, end - p);
        size_t l1 = e ? (size_t)(e - b) : end;
        int rc = rx_exec(g->re, b + p, l1 - p, 0, 0, NULL);
        if (rc < 0)
            return rc;
        if (rc > 0) {
            *ls = p;
            *le = l1;
            *next = e ? l1 + 1 : end;
            return 1;
        }
        p = e ? l1 + 1 : end;
        if ((p & 0xffff) == 0 && bi_cancelled(g->cmd))
            return RX_EOTHER;
    }
    return 0;
}

static int grep__region(grep *g, grep_file *f, size_t end, size_t *lnpos)
{
    while (f->pos < end && !f->done) {
        if (bi_cancelled(g->cmd))
            return RX_EOTHER;
        size_t ls = end, le = end, next = end;
        int found = grep__next(g, f, f->pos, end, &ls, &le, &next);
        if (found < 0)
            return found;
        size_t gap_end = found ? ls : end;
        int rc = g->invert ? grep__select_range(g, f, f->pos, gap_end, lnpos)
                           : grep__unselected(g, f, f->pos, gap_end, lnpos);
        if (rc < 0)
            return rc;
        if (f->done || !found) {
            f->pos = end;
            break;
        }
        rc = g->invert ? grep__unselected(g, f, ls, next, lnpos) : grep__select(g, f, ls, le, next, lnpos);
        if (rc < 0)
            return rc;
        f->pos = next;
    }
    return 0;
}

enum { GREP_CHUNK = 256 * 1024 };

/* Searches one open stream. Returns 0 when a line was selected, 1 when
 * none, 2 after an error (reported). */
int grep_stream(grep *g, stream *s, const char *name)
{
    vb_cmd *cmd = g->cmd;
    grep_file fs;
    grep_file *f = &fs;
    memset(f, 0, sizeof *f);
    f->name = name;
    f->lineno = 1;
    f->last_out_end = -1;
    if (!g->buf) {
        g->cap = GREP_CHUNK * 2;
        g->buf = mem_alloc(cmd->heap, g->cap);
        if (!g->buf) {
            bi_err(cmd, "memory exhausted");
            return 2;
        }
    }
    f->buf = g->buf;
    size_t lnpos = 0;
    bool eof = false;
    int status = 1;
    while (!eof && !f->done && !g->stop_all) {
        if (g->cap - f->len < GREP_CHUNK) {
            size_t nc = g->cap * 2;
            char *nb = mem_realloc(cmd->heap, g->buf, nc);
            if (!nb) {
                bi_err(cmd, "memory exhausted");
                return 2;
            }
            g->buf = f->buf = nb;
            g->cap = nc;
        }
        ssize_t n = stream_read(s, f->buf + f->len, g->cap - f->len);
        if (n < 0) {
            if (n == VB_ECANCELED || n == VB_EPIPE)
                return 2;
            if (!g->nomsg) {
                if (n == -EISDIR)
                    bi_err(cmd, "%s: Is a directory", name);
                else
                    bi_errno(cmd, name, (int)n);
            }
            g->error = true;
            return 2;
        }
        size_t old = f->len;
        if (n == 0)
            eof = true;
        f->len += (size_t)n;
        const char *nulp = !f->binary && !g->zero && n > 0 ? memchr(f->buf + old, '\0', (size_t)n) : NULL;
        if (nulp) {
            f->binary = true;
            f->nul_off = f->base + (uint64_t)(nulp - f->buf);
            if (g->binfiles == GB_WITHOUT)
                return 1;
        }
        size_t end;
        if (eof) {
            end = f->len;
        } else {
            const char *nl = f->len > f->pos ? memrchr(f->buf + f->pos, g->eol, f->len - f->pos) : NULL;
            if (!nl)
                continue;   /* no complete line yet: read more */
            end = (size_t)(nl - f->buf) + 1;
        }
        int rc = grep__region(g, f, end, &lnpos);
        if (rc < 0) {
            if (rc == RX_ELIMIT)
                {
                grep__limit(g);
                return 2;
            }
            if (rc == RX_ENOMEM)
                bi_err(cmd, "memory exhausted");
            g->error = true;
            return 2;
        }
        if (eof || f->done)
            break;
        /* keep the unread tail and, for -B, the lines that may become context */
        grep__lineno_at(g, f, f->pos, &lnpos);
        size_t keep = f->pos;
        if (g->before > 0) {
            int64_t k = 0;
            while (k < g->before && keep > f->printed_end) {
                const char *nl = keep - 1 > f->printed_end
                                     ? memrchr(f->buf + f->printed_end, g->eol, keep - 1 - f->printed_end)
                                     : NULL;
                keep = nl ? (size_t)(nl - f->buf) + 1 : f->printed_end;
                k++;
            }
        }
        memmove(f->buf, f->buf + keep, f->len - keep);
        f->len -= keep;
        f->pos -= keep;
        f->base += keep;
        f->printed_end = f->printed_end > keep ? f->printed_end - keep : 0;
        lnpos = lnpos >= keep ? lnpos - keep : 0;
    }
    if (f->selected > 0)
        status = 0;
    if (g->count) {
        if (g->with_name) {
            grep__fname(g, name);
            if (g->null_after_name)
                bi_outc(cmd, '\0');
            else
                grep__sep(g, ':');
        }
        bi_outf(cmd, "%lld\n", (long long)f->selected);
    }
    if ((g->files_with && f->selected > 0) || (g->files_without && f->selected == 0)) {
        grep__fname(g, name);
        bi_outc(cmd, g->null_after_name ? '\0' : '\n');
    }
    if (f->bin_matched && !g->quiet) {
        if (g->rg_style) {
            if (g->with_name)
                bi_outf(cmd, "%s: ", name);
            bi_outf(cmd, "binary file matches (found \"\\0\" byte around offset %llu)\n",
                    (unsigned long long)f->nul_off);
        } else {
            bi_flush(cmd);
            bi_err(cmd, "%s: binary file matches", name);
        }
    }
    return status;
}

/* ------------------------------------------------------------ files */

static bool grep__glob_any(char **globs, size_t n, const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    for (size_t i = 0; i < n; i++) {
        if (fnmatch(globs[i], base, 0) == 0 || fnmatch(globs[i], name, 0) == 0)
            return true;
    }
    return false;
}

/* Whether a file (not a directory) is skipped by --include/--exclude. */
static bool grep__skip_file(grep *g, const char *name)
{
    if (g->nexc && grep__glob_any(g->excludes, g->nexc, name))
        return true;
    if (g->ninc && !grep__glob_any(g->includes, g->ninc, name))
        return true;
    return false;
}

static int grep__open_search(grep *g, const char *abs, const char *name)
{
    int err = 0;
    stream *s = vfs_open_stream(g->cmd->vfs, abs, O_RDONLY, 0, g->cmd->heap, &err);
    if (!s) {
        if (!g->nomsg)
            bi_errno(g->cmd, name, err);
        g->error = true;
        return 2;
    }
    int rc = grep_stream(g, s, name);
    stream_unref(s);
    return rc;
}

typedef struct grep_walk {
    grep *g;
    int status;        /* 0 selected somewhere, 1 not yet */
    bool strip_dot;    /* no operand: names without "./" */
} grep_walk;

static int grep__walk_cb(void *ctx, fs_walk_ent *e)
{
    grep_walk *w = ctx;
    grep *g = w->g;
    if (g->stop_all)
        return -1;
    const char *name = e->path;
    if (w->strip_dot && strncmp(name, "./", 2) == 0)
        name += 2;
    if (e->dir_err < 0) {
        if (!g->nomsg)
            bi_errno(g->cmd, name, e->dir_err);
        g->error = true;
        return 0;
    }
    if (e->err < 0) {
        if (e->depth > 0 && e->err == -ENOENT)
            return 0;   /* dangling symlink met while recursing */
        if (!g->nomsg)
            bi_errno(g->cmd, name, e->err);
        g->error = true;
        return 0;
    }
    if (S_ISDIR(e->st.mode)) {
        if (e->depth > 0 && g->nexd && grep__glob_any(g->exclude_dirs, g->nexd, name))
            return 1;
        return 0;
    }
    if (S_ISLNK(e->st.mode))
        return 0;      /* -r: symlinks below the operands are not followed */
    if (!S_ISREG(e->st.mode) && e->depth > 0)
        return 0;      /* devices, FIFOs and sockets are skipped when recursing */
    if (e->depth > 0 && grep__skip_file(g, name))
        return 0;
    int rc = grep__open_search(g, e->abs, name);
    if (rc == 0)
        w->status = 0;
    return g->stop_all ? -1 : 0;
}

/* One operand. Returns 0 (selected), 1 (none), 2 (error). */
static int grep__operand(grep *g, const char *op, bool implicit_dot)
{
    vb_cmd *cmd = g->cmd;
    if (strcmp(op, "-") == 0) {
        const char *name = g->label ? g->label : "(standard input)";
        return grep_stream(g, cmd->in, name);
    }
    if (grep__skip_file(g, op) && (g->ninc || g->nexc)) {
        /* command-line files obey --include/--exclude too, directories do not */
        vfs_stat_t st;
        char *abs = bi_path(cmd, op);
        if (abs && vfs_stat(cmd->vfs, abs, &st) == 0 && !S_ISDIR(st.mode))
            return 1;
    }
    char *abs = bi_path(cmd, op);
    if (!abs)
        return 2;
    vfs_stat_t st;
    int rc = vfs_stat(cmd->vfs, abs, &st);
    if (rc == 0 && S_ISDIR(st.mode)) {
        if (g->dirs == GD_SKIP)
            return 1;
        if (g->dirs == GD_RECURSE) {
            if (g->nexd && grep__glob_any(g->exclude_dirs, g->nexd, op) && !implicit_dot)
                return 1;
            grep_walk w = {.g = g, .status = 1, .strip_dot = implicit_dot};
            int wr = fs_walk(cmd, op, g->deref ? FS_WALK_FOLLOW_ALL : FS_WALK_FOLLOW_ROOT,
                             grep__walk_cb, &w);
            if (wr < 0 && !g->stop_all)
                g->error = true;
            return w.status;
        }
        if (!g->nomsg)
            bi_err(cmd, "%s: Is a directory", op);
        g->error = true;
        return 2;
    }
    if (rc == 0 && !S_ISREG(st.mode) && g->devskip && !S_ISDIR(st.mode))
        return 1;
    int err = 0;
    stream *s = bi_open_read(cmd, op, &err);
    if (!s) {
        if (!g->nomsg)
            bi_errno(cmd, op, err);
        g->error = true;
        return 2;
    }
    int r = grep_stream(g, s, op);
    stream_unref(s);
    return r;
}

/* ------------------------------------------------------------ options */

void grep_set_colors(grep *g, const char *spec)
{
    g->col = (grep_colors){.ms = "01;31", .mc = "01;31", .fn = "35", .ln = "32", .bn = "32", .se = "36"};
    if (!spec)
        return;
    char *d = mem_strdup(g->cmd->heap, spec);
    if (!d)
        return;
    for (char *tok = strtok(d, ":"); tok; tok = strtok(NULL, ":")) {
        char *eq = strchr(tok, '=');
        const char *v = eq ? eq + 1 : NULL;
        if (eq)
            *eq = 0;
        if (strcmp(tok, "ne") == 0)
            g->col.ne = true;
        else if (!v)
            continue;
        else if (strcmp(tok, "mt") == 0)
            g->col.ms = g->col.mc = v;
        else if (strcmp(tok, "ms") == 0)
            g->col.ms = v;
        else if (strcmp(tok, "mc") == 0)
            g->col.mc = v;
        else if (strcmp(tok, "fn") == 0)
            g->col.fn = v;
        else if (strcmp(tok, "ln") == 0)
            g->col.ln = v;
        else if (strcmp(tok, "bn") == 0)
            g->col.bn = v;
        else if (strcmp(tok, "se") == 0)
            g->col.se = v;
    }
}

/* GNU's usage error: message, Usage line, Try line; status 2. */
static int grep__usage(vb_cmd *cmd, const char *msg)
{
    if (msg)
        bi_err(cmd, "%s", msg);
    bi_flush(cmd);
    const char *t = "Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                    "Try 'grep --help' for more information.\n";
    bi_errw(cmd, t, strlen(t));
    return 2;
}

static int grep__opt_error(vb_cmd *cmd, bi_opt *o)
{
    const char *bad = o->bad;
    char msg[160];
    if (bad[0] == '-' && bad[1] == '-') {
        const char *eq = strchr(bad + 2, '=');
        size_t n = eq ? (size_t)(eq - bad - 2) : strlen(bad + 2);
        const bi_longopt *hit = NULL;
        int nhit = 0;
        for (const bi_longopt *l = grep_longs; l->name; l++) {
            if (strncmp(l->name, bad + 2, n) == 0) {
                if (strlen(l->name) == n) {
                    hit = l;
                    nhit = 1;
                    break;
                }
                hit = l;
                nhit++;
            }
        }
        if (hit && nhit == 1 && hit->has_arg == 1 && !eq)
            snprintf(msg, sizeof msg, "option '--%s' requires an argument", hit->name);
        else if (hit && nhit == 1 && hit->has_arg == 0 && eq)
            snprintf(msg, sizeof msg, "option '--%s' doesn't allow an argument", hit->name);
        else if (nhit > 1)
            snprintf(msg, sizeof msg, "option '%.60s' is ambiguous", bad);
        else
            snprintf(msg, sizeof msg, "unrecognized option '%.60s'", bad);
    } else {
        char c = bad[1];
        const char *sp = c ? strchr(grep_shorts, c) : NULL;
        if (sp && sp[1] == ':')
            snprintf(msg, sizeof msg, "option requires an argument -- '%c'", c);
        else
            snprintf(msg, sizeof msg, "invalid option -- '%c'", c);
    }
    return grep__usage(cmd, msg);
}

static int grep__ctx_arg(vb_cmd *cmd, const char *a, int64_t *out)
{
    int64_t v;
    if (bi_parse_i64(a, &v) != 0 || v < 0) {
        if (bi_parse_i64(a, &v) == -ERANGE && a[0] != '-') {
            *out = INT64_MAX;
            return 0;
        }
        bi_err(cmd, "%s: invalid context length argument", a);
        return -1;
    }
    *out = v;
    return 0;
}

/* Adds the lines of text (split at '\n') to the pattern list. */
static int grep__add_patterns(mem_heap *h, vbuf *pl, const char *text, size_t n, bool from_file)
{
    if (from_file && n > 0 && text[n - 1] == '\n')
        n--;
    else if (from_file && n == 0)
        return 0;
    size_t p = 0;
    for (;;) {
        const char *nl = memchr(text + p, '\n', n - p);
        size_t e = nl ? (size_t)(nl - text) : n;
        struct { const char *s; size_t n; } item = {mem_strndup(h, text + p, e - p), e - p};
        if (!item.s)
            return -1;
        vbuf_add(pl, &item, sizeof item);
        if (!nl)
            break;
        p = e + 1;
    }
    return 0;
}

int bi_grep(vb_cmd *cmd)
{
    grep gs;
    grep *g = &gs;
    memset(g, 0, sizeof *g);
    g->cmd = cmd;
    g->max_count = -1;
    g->before = g->after = -1;
    g->eol = '\n';
    g->group_sep = "--";
    g->group_sep_on = true;
    int64_t ctx_default = -1;
    int syntax = -1;
    const char *prog = strrchr(cmd->argv[0], '/');
    prog = prog ? prog + 1 : cmd->argv[0];
    if (strcmp(prog, "egrep") == 0)
        syntax = RX_ERE;
    else if (strcmp(prog, "fgrep") == 0)
        syntax = RX_FIXED;
    bool icase = false, word = false, line = false, have_e = false;
    int with_name = -1;
    const char *color = NULL;
    vbuf pl;   /* pattern list: {const char *, size_t} items */
    vbuf_init(&pl, cmd->heap);
    int64_t digits = -1;
    int digit_word = -1;

    bi_opt o;
    bi_opt_init(&o, cmd, grep_shorts, grep_longs, grep_help);
    o.quiet = true;
    o.usage_status = 2;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT) {
            if (o.status == 0 && !o.arg) {
                /* --version text is bi_opt's; --help went to stdout */
            }
            return bi_done(cmd, o.status);
        }
        if (c == BI_OPT_ERR)
            return grep__opt_error(cmd, &o);
        if (c >= '0' && c <= '9') {
            int w = o.nextchar_off ? o.ind : o.ind - 1;
            if (digit_word != w || digits < 0)
                digits = 0;
            digit_word = w;
            if (digits < INT64_MAX / 10)
                digits = digits * 10 + (c - '0');
            ctx_default = digits;
            continue;
        }
        digit_word = -1;
        switch (c) {
        case 'E': case 'F': case 'G': case 'P': {
            int want = c == 'E' ? RX_ERE : c == 'F' ? RX_FIXED : c == 'G' ? RX_BRE : RX_PCRE;
            if (syntax >= 0 && syntax != want) {
                bi_err(cmd, "conflicting matchers specified");
                return 2;
            }
            syntax = want;
            break;
        }
        case 'e':
            if (grep__add_patterns(cmd->heap, &pl, o.arg, strlen(o.arg), false) < 0)
                return 2;
            have_e = true;
            break;
        case 'f': {
            int err = 0;
            stream *s = bi_open_read(cmd, o.arg, &err);
            if (!s) {
                bi_errno(cmd, o.arg, err);
                return 2;
            }
            char *data;
            size_t len;
            int rc = bi_slurp(cmd, s, &data, &len);
            stream_unref(s);
            if (rc < 0) {
                bi_errno(cmd, o.arg, rc);
                return 2;
            }
            if (grep__add_patterns(cmd->heap, &pl, data, len, true) < 0)
                return 2;
            have_e = true;
            break;
        }
        case 'i': case 'y': icase = true; break;
        case GO_NOIC: icase = false; break;
        case 'w': word = true; break;
        case 'x': line = true; break;
        case 'z': g->zero = true; g->eol = '\0'; break;
        case 's': g->nomsg = true; break;
        case 'v': g->invert = true; break;
        case 'V':
            bi_outs(cmd, "grep (GNU grep) 3.8 " BI_VERSION_TEXT);
            return bi_done(cmd, 0);
        case 'm': {
            int64_t v;
            if (bi_parse_i64(o.arg, &v) != 0) {
                if (bi_parse_i64(o.arg, &v) == -ERANGE && o.arg[0] != '-') {
                    g->max_count = INT64_MAX;
                    break;
                }
                bi_err(cmd, "invalid max count");
                return 2;
            }
            g->max_count = v < 0 ? -1 : v;
            break;
        }
        case 'b': g->boff = true; break;
        case 'n': g->lnum = true; break;
        case GO_LINEBUF: g->linebuf = true; break;
        case 'H': with_name = 1; break;
        case 'h': with_name = 0; break;
        case GO_LABEL: g->label = o.arg; break;
        case 'o': g->only = true; break;
        case 'q': g->quiet = true; break;
        case GO_BINFILES:
            if (strcmp(o.arg, "binary") == 0)
                g->binfiles = GB_BINARY;
            else if (strcmp(o.arg, "text") == 0)
                g->binfiles = GB_TEXT;
            else if (strcmp(o.arg, "without-match") == 0)
                g->binfiles = GB_WITHOUT;
            else {
                bi_err(cmd, "unknown binary-files type");
                return 2;
            }
            break;
        case 'a': g->binfiles = GB_TEXT; break;
        case 'I': g->binfiles = GB_WITHOUT; break;
        case 'd':
            if (strcmp(o.arg, "read") == 0)
                g->dirs = GD_READ;
            else if (strcmp(o.arg, "recurse") == 0)
                g->dirs = GD_RECURSE;
            else if (strcmp(o.arg, "skip") == 0)
                g->dirs = GD_SKIP;
            else {
                bi_err(cmd, "invalid argument \u2018%s\u2019 for \u2018--directories\u2019", o.arg);
                const char *t = "Valid arguments are:\n  - \u2018read\u2019\n  - \u2018recurse\u2019\n"
                                "  - \u2018skip\u2019\n";
                bi_errw(cmd, t, strlen(t));
                grep__usage(cmd, NULL);
                return 1;
            }
            break;
        case 'D':
            if (strcmp(o.arg, "read") == 0)
                g->devskip = false;
            else if (strcmp(o.arg, "skip") == 0)
                g->devskip = true;
            else {
                bi_err(cmd, "unknown devices method");
                return 2;
            }
            break;
        case 'r': g->dirs = GD_RECURSE; g->deref = false; break;
        case 'R': g->dirs = GD_RECURSE; g->deref = true; break;
        case GO_INCLUDE:
        case GO_EXCLUDE:
        case GO_EXCLUDE_DIR: {
            char ***arr = c == GO_INCLUDE ? &g->includes : c == GO_EXCLUDE ? &g->excludes : &g->exclude_dirs;
            size_t *n = c == GO_INCLUDE ? &g->ninc : c == GO_EXCLUDE ? &g->nexc : &g->nexd;
            char **na = mem_realloc(cmd->heap, *arr, (*n + 1) * sizeof(char *));
            if (!na)
                return 2;
            na[(*n)++] = (char *)o.arg;
            *arr = na;
            break;
        }
        case GO_EXCLUDE_FROM: {
            int err = 0;
            stream *s = bi_open_read(cmd, o.arg, &err);
            if (!s) {
                bi_errno(cmd, o.arg, err);
                return 2;
            }
            char *data;
            size_t len;
            int rc = bi_slurp(cmd, s, &data, &len);
            stream_unref(s);
            if (rc < 0)
                return 2;
            for (char *tok = strtok(data, "\n"); tok; tok = strtok(NULL, "\n")) {
                char **na = mem_realloc(cmd->heap, g->excludes, (g->nexc + 1) * sizeof(char *));
                if (!na)
                    return 2;
                na[g->nexc++] = tok;
                g->excludes = na;
            }
            break;
        }
        case 'L': g->files_without = true; g->files_with = false; break;
        case 'l': g->files_with = true; g->files_without = false; break;
        case 'c': g->count = true; break;
        case 'T': g->initial_tab = true; break;
        case 'Z': g->null_after_name = true; break;
        case 'A': if (grep__ctx_arg(cmd, o.arg, &g->after) < 0) return 2; break;
        case 'B': if (grep__ctx_arg(cmd, o.arg, &g->before) < 0) return 2; break;
        case 'C': if (grep__ctx_arg(cmd, o.arg, &ctx_default) < 0) return 2; break;
        case GO_GROUPSEP: g->group_sep = o.arg; g->group_sep_on = true; break;
        case GO_NOGROUPSEP: g->group_sep_on = false; break;
        case GO_COLOR:
            color = o.arg ? o.arg : "auto";
            if (strcmp(color, "always") && strcmp(color, "yes") && strcmp(color, "force") &&
                strcmp(color, "never") && strcmp(color, "no") && strcmp(color, "none") &&
                strcmp(color, "auto") && strcmp(color, "tty") && strcmp(color, "if-tty")) {
                bi_err(cmd, "invalid argument '%s' for '--color'", color);
                bi_errw(cmd, "Valid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\n", 97);
                return grep__usage(cmd, NULL);
            }
            break;
        case 'U': case 'u': break;   /* binary mode: nothing to strip here */
        default:
            break;
        }
    }
    int nops = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (!have_e) {
        if (nops < 1)
            return grep__usage(cmd, NULL);
        if (grep__add_patterns(cmd->heap, &pl, ops[0], strlen(ops[0]), false) < 0)
            return 2;
        ops++;
        nops--;
    }
    g->ctx_given = g->before >= 0 || g->after >= 0 || ctx_default >= 0;
    if (g->before < 0)
        g->before = ctx_default < 0 ? 0 : ctx_default;
    if (g->after < 0)
        g->after = ctx_default < 0 ? 0 : ctx_default;
    if (g->files_with || g->files_without)
        g->count = false;
    if (g->only || g->count || g->files_with || g->files_without || g->quiet)
        g->before = g->after = 0;
    if (g->max_count == 0)
        return bi_done(cmd, 1);
    if (syntax < 0)
        syntax = RX_BRE;
    g->utf = rx_locale_flags(cmd) != 0;
    if (color && (!strcmp(color, "always") || !strcmp(color, "yes") || !strcmp(color, "force")))
        g->color = true;
    else if (color && (!strcmp(color, "auto") || !strcmp(color, "tty") || !strcmp(color, "if-tty")))
        g->color = (cmd->out->flags & STREAM_TTY) && !(bi_getvar(cmd, "TERM") && !strcmp(bi_getvar(cmd, "TERM"), "dumb"));
    if (g->color)
        grep_set_colors(g, bi_getvar(cmd, "GREP_COLORS"));
    else
        grep_set_colors(g, NULL);

    /* compile */
    typedef struct { const char *s; size_t n; } pitem;
    size_t np = pl.len / sizeof(pitem);
    pitem *items = (pitem *)pl.data;
    const char **pats = mem_calloc(cmd->heap, np + 1, sizeof(char *));
    size_t *lens = mem_calloc(cmd->heap, np + 1, sizeof(size_t));
    if (!pats || !lens)
        return 2;
    for (size_t i = 0; i < np; i++) {
        pats[i] = items[i].s;
        lens[i] = items[i].n;
    }
    g->line_mode = syntax == RX_PCRE || g->zero;
    int flags = syntax | (icase ? RX_ICASE : 0) | (g->line_mode ? 0 : RX_NEWLINE) |
                (line ? RX_LINE : word ? RX_WORD : 0) | (g->utf ? RX_UTF : 0);
    if (syntax == RX_BRE || syntax == RX_ERE)
        flags |= RX_GREP;
    if (!(g->only || g->color))
        flags |= RX_NOSUB;
    char *err = NULL;
    int rc = rx_compile_multi(cmd->heap, pats, lens, np, flags, &g->re, &err);
    if (rc != 0) {
        bi_err(cmd, "%s", err ? err : "memory exhausted");
        return 2;
    }
    if (rx_warning(g->re))
        bi_err(cmd, "warning: %s", rx_warning(g->re));
    if (cmd->ops && cmd->ops->regex_limit)
        rx_set_limit(g->re, cmd->ops->regex_limit(cmd->shell));

    /* operands */
    bool implicit_dot = false;
    char *dflt[1];
    if (nops == 0) {
        if (g->dirs == GD_RECURSE) {
            dflt[0] = ".";
            implicit_dot = true;
        } else {
            dflt[0] = "-";
        }
        ops = dflt;
        nops = 1;
    }
    if (with_name >= 0)
        g->with_name = with_name;
    else
        g->with_name = nops > 1 || g->dirs == GD_RECURSE;
    if (g->dirs == GD_RECURSE && with_name < 0 && nops == 1 && !implicit_dot) {
        /* a single regular file operand with -r: no names */
        vfs_stat_t st;
        char *abs = strcmp(ops[0], "-") ? bi_path(cmd, ops[0]) : NULL;
        if (!abs || (vfs_stat(cmd->vfs, abs, &st) == 0 && !S_ISDIR(st.mode)))
            g->with_name = false;
    }
    int status = 1;
    for (int i = 0; i < nops && !g->stop_all; i++) {
        int r = grep__operand(g, ops[i], implicit_dot);
        if (r == 0)
            status = 0;
        if (bi_out_failed(cmd) || bi_cancelled(cmd))
            break;
    }
    rx_free(g->re);
    if (g->error && !(g->quiet && g->any_selected))
        status = 2;
    return bi_done(cmd, status);
}
