/*
 * fmt: fills and joins lines into paragraphs of a goal width, choosing the
 * line breaks by the cost of the whole paragraph (short lines, ragged
 * edges, widows and orphans, breaks after sentences and punctuation);
 * -w -g -c -t -s -u -p and the -WIDTH first option.
 * Reference: GNU coreutils 9.1 fmt, whose paragraph costs and layout rules
 * this follows so that the output is the same byte for byte (columns are
 * counted in bytes, tabs every 8 columns, as GNU's).
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("fmt", bi_fmt, BI_UTIL)

static const char fmt_help[] =
    "Usage: fmt [-WIDTH] [OPTION]... [FILE]...\n"
    "Reformat each paragraph in the FILE(s), writing to standard output.\n"
    "The option -WIDTH is an abbreviated form of --width=DIGITS.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -c, --crown-margin        preserve indentation of first two lines\n"
    "  -p, --prefix=STRING       reformat only lines beginning with STRING,\n"
    "                              reattaching the prefix to reformatted lines\n"
    "  -s, --split-only          split long lines, but do not refill\n"
    "  -t, --tagged-paragraph    indentation of first line different from second\n"
    "  -u, --uniform-spacing     one space between words, two after sentences\n"
    "  -w, --width=WIDTH         maximum line width (default of 75 columns)\n"
    "  -g, --goal=WIDTH          goal width (default of 93% of width)\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt fmt_longs[] = {
    {"crown-margin", 0, 'c'}, {"prefix", 1, 'p'}, {"split-only", 0, 's'},
    {"tagged-paragraph", 0, 't'}, {"uniform-spacing", 0, 'u'}, {"width", 1, 'w'},
    {"goal", 1, 'g'}, {0},
};

#define FMT_WIDTH 75
#define FMT_LEEWAY 7
#define FMT_DEF_INDENT 3
#define FMT_TABWIDTH 8
#define FMT_MAXWORDS 1000
#define FMT_MAXCHARS 5000
#define FMT_EOF (-1)

typedef long fmt_cost;
#define FMT_MAXCOST LONG_MAX
#define FMT_EQUIV(n) ((fmt_cost)(n) * (fmt_cost)(n))
#define FMT_SHORT_COST(n) FMT_EQUIV((n) * 10)
#define FMT_RAGGED_COST(n) (FMT_SHORT_COST(n) / 2)
#define FMT_LINE_COST FMT_EQUIV(70)
#define FMT_WIDOW_COST(n) (FMT_EQUIV(200) / ((n) + 2))
#define FMT_ORPHAN_COST(n) (FMT_EQUIV(150) / ((n) + 2))
#define FMT_SENTENCE_BONUS FMT_EQUIV(50)
#define FMT_NOBREAK_COST FMT_EQUIV(600)
#define FMT_PAREN_BONUS FMT_EQUIV(40)
#define FMT_PUNCT_BONUS FMT_EQUIV(40)
#define FMT_LINE_CREDIT FMT_EQUIV(3)

typedef struct fmt_word {
    int text;             /* offset in parabuf */
    int length, space;
    bool paren, period, punct, final;
    int line_length;
    fmt_cost best_cost;
    int next_break;       /* index of the word starting the next line */
} fmt_word;

typedef struct fmt_state {
    vb_cmd *cmd;
    /* options */
    bool crown, tagged, split, uniform;
    const char *prefix;
    int prefix_full_length, prefix_lead_space, prefix_length;
    int max_width, goal_width;
    /* input */
    stream *in;
    unsigned char ibuf[65536];
    size_t ilen, ipos;
    int rerr;             /* read error (<0) */
    /* paragraph */
    bool tabs;
    int prefix_indent, first_indent, other_indent;
    int in_column, out_column;
    char parabuf[FMT_MAXCHARS];
    int wptr;
    fmt_word word[FMT_MAXWORDS];
    int word_limit;
    int next_char, next_prefix_indent, last_line_length;
} fmt_state;

static int fmt__getc(fmt_state *st)
{
    if (st->ipos == st->ilen) {
        if (st->rerr)
            return FMT_EOF;
        ssize_t n = tx_read(st->cmd, st->in, NULL, st->ibuf, sizeof st->ibuf, TX_PLAIN);
        if (n <= 0) {
            if (n < 0)
                st->rerr = (int)n;
            return FMT_EOF;
        }
        st->ilen = (size_t)n;
        st->ipos = 0;
    }
    return st->ibuf[st->ipos++];
}

static bool fmt__isspace(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* GNU's strchr-based tests: a NUL byte matches them too. */
static bool fmt__in(const char *set, int c)
{
    return c == 0 || strchr(set, c) != NULL;
}

static void fmt__putc(fmt_state *st, int c)
{
    bi_outc(st->cmd, (char)c);
}

static void fmt__put_space(fmt_state *st, int space)
{
    int space_target = st->out_column + space;
    if (st->tabs) {
        int tab_target = space_target / FMT_TABWIDTH * FMT_TABWIDTH;
        if (st->out_column + 1 < tab_target) {
            while (st->out_column < tab_target) {
                fmt__putc(st, '\t');
                st->out_column = (st->out_column / FMT_TABWIDTH + 1) * FMT_TABWIDTH;
            }
        }
    }
    while (st->out_column < space_target) {
        fmt__putc(st, ' ');
        st->out_column++;
    }
}

static int fmt__get_space(fmt_state *st, int c)
{
    for (;;) {
        if (c == ' ') {
            st->in_column++;
        } else if (c == '\t') {
            st->tabs = true;
            st->in_column = (st->in_column / FMT_TABWIDTH + 1) * FMT_TABWIDTH;
        } else {
            return c;
        }
        c = fmt__getc(st);
    }
}

static int fmt__get_prefix(fmt_state *st)
{
    st->in_column = 0;
    int c = fmt__get_space(st, fmt__getc(st));
    if (st->prefix_length == 0) {
        st->next_prefix_indent = st->prefix_lead_space < st->in_column ? st->prefix_lead_space
                                                                       : st->in_column;
    } else {
        st->next_prefix_indent = st->in_column;
        for (const char *p = st->prefix; *p; p++) {
            if (c != (unsigned char)*p)
                return c;
            st->in_column++;
            c = fmt__getc(st);
        }
        c = fmt__get_space(st, c);
    }
    return c;
}

static int fmt__copy_rest(fmt_state *st, int c)
{
    st->out_column = 0;
    if (st->in_column > st->next_prefix_indent || (c != '\n' && c != FMT_EOF)) {
        fmt__put_space(st, st->next_prefix_indent);
        for (const char *s = st->prefix; st->out_column != st->in_column && *s; st->out_column++)
            fmt__putc(st, *s++);
        if (c != FMT_EOF && c != '\n')
            fmt__put_space(st, st->in_column - st->out_column);
        if (c == FMT_EOF && st->in_column >= st->next_prefix_indent + st->prefix_length)
            fmt__putc(st, '\n');
    }
    while (c != '\n' && c != FMT_EOF) {
        fmt__putc(st, c);
        c = fmt__getc(st);
    }
    return c;
}

static bool fmt__same_para(const fmt_state *st, int c)
{
    return st->next_prefix_indent == st->prefix_indent &&
           st->in_column >= st->next_prefix_indent + st->prefix_full_length && c != '\n' &&
           c != FMT_EOF;
}

static void fmt__set_other_indent(fmt_state *st, bool same_paragraph)
{
    if (st->split) {
        st->other_indent = st->first_indent;
    } else if (st->crown) {
        st->other_indent = same_paragraph ? st->in_column : st->first_indent;
    } else if (st->tagged) {
        if (same_paragraph && st->in_column != st->first_indent)
            st->other_indent = st->in_column;
        else if (st->other_indent == st->first_indent)
            st->other_indent = st->first_indent == 0 ? FMT_DEF_INDENT : 0;
    } else {
        st->other_indent = st->first_indent;
    }
}

static void fmt__check_punctuation(fmt_state *st, fmt_word *w)
{
    const char *start = st->parabuf + w->text;
    const char *finish = start + (w->length - 1);
    unsigned char fin = (unsigned char)*finish;
    w->paren = fmt__in("(['`\"", (unsigned char)*start);
    w->punct = ispunct(fin) != 0;
    while (start < finish && fmt__in(")]'\"", (unsigned char)*finish))
        finish--;
    w->period = fmt__in(".?!", (unsigned char)*finish);
}

/* ---------------------------------------------------------------- layout */

static fmt_cost fmt__base_cost(const fmt_state *st, int t)
{
    const fmt_word *w = st->word;
    fmt_cost cost = FMT_LINE_COST;
    if (t > 0) {
        if (w[t - 1].period) {
            if (w[t - 1].final)
                cost -= FMT_SENTENCE_BONUS;
            else
                cost += FMT_NOBREAK_COST;
        } else if (w[t - 1].punct) {
            cost -= FMT_PUNCT_BONUS;
        } else if (t > 1 && w[t - 2].final) {
            cost += FMT_WIDOW_COST(w[t - 1].length);
        }
    }
    if (w[t].paren)
        cost -= FMT_PAREN_BONUS;
    else if (w[t].final)
        cost += FMT_ORPHAN_COST(w[t].length);
    return cost;
}

static fmt_cost fmt__line_cost(const fmt_state *st, int next, int len)
{
    if (next == st->word_limit)
        return 0;
    int n = st->goal_width - len;
    fmt_cost cost = FMT_SHORT_COST(n);
    if (st->word[next].next_break != st->word_limit) {
        n = len - st->word[next].line_length;
        cost += FMT_RAGGED_COST(n);
    }
    return cost;
}

static void fmt__fmt_paragraph(fmt_state *st)
{
    fmt_word *word = st->word;
    int lim = st->word_limit;
    word[lim].best_cost = 0;
    int saved_length = word[lim].length;
    word[lim].length = st->max_width;   /* sentinel */
    for (int start = lim - 1; start >= 0; start--) {
        fmt_cost best = FMT_MAXCOST;
        int len = start == 0 ? st->first_indent : st->other_indent;
        int w = start;
        len += word[w].length;
        do {
            w++;
            fmt_cost wcost = fmt__line_cost(st, w, len) + word[w].best_cost;
            if (start == 0 && st->last_line_length > 0)
                wcost += FMT_RAGGED_COST(len - st->last_line_length);
            if (wcost < best) {
                best = wcost;
                word[start].next_break = w;
                word[start].line_length = len;
            }
            if (w == lim)
                break;
            len += word[w - 1].space + word[w].length;
        } while (len < st->max_width);
        word[start].best_cost = best + fmt__base_cost(st, start);
    }
    word[lim].length = saved_length;
}

static void fmt__put_line(fmt_state *st, int w, int indent)
{
    st->out_column = 0;
    fmt__put_space(st, st->prefix_indent);
    bi_outs(st->cmd, st->prefix);
    st->out_column += st->prefix_length;
    fmt__put_space(st, indent - st->out_column);
    int endline = st->word[w].next_break - 1;
    for (; w != endline; w++) {
        bi_out(st->cmd, st->parabuf + st->word[w].text, (size_t)st->word[w].length);
        st->out_column += st->word[w].length;
        fmt__put_space(st, st->word[w].space);
    }
    bi_out(st->cmd, st->parabuf + st->word[w].text, (size_t)st->word[w].length);
    st->out_column += st->word[w].length;
    st->last_line_length = st->out_column;
    fmt__putc(st, '\n');
}

static void fmt__put_paragraph(fmt_state *st, int finish)
{
    fmt__put_line(st, 0, st->first_indent);
    for (int w = st->word[0].next_break; w != finish; w = st->word[w].next_break)
        fmt__put_line(st, w, st->other_indent);
}

/* The buffers are full: outputs the paragraph so far up to a good break
 * near its end and keeps the rest. */
static void fmt__flush_paragraph(fmt_state *st)
{
    fmt_word *word = st->word;
    if (st->word_limit == 0) {
        bi_out(st->cmd, st->parabuf, (size_t)st->wptr);
        st->wptr = 0;
        return;
    }
    fmt__fmt_paragraph(st);
    int split_point = st->word_limit;
    fmt_cost best_break = FMT_MAXCOST;
    for (int w = word[0].next_break; w != st->word_limit; w = word[w].next_break) {
        fmt_cost d = word[w].best_cost - word[word[w].next_break].best_cost;
        if (d < best_break) {
            split_point = w;
            best_break = d;
        }
        if (best_break <= FMT_MAXCOST - FMT_LINE_CREDIT)
            best_break += FMT_LINE_CREDIT;
    }
    fmt__put_paragraph(st, split_point);
    int shift = word[split_point].text;
    memmove(st->parabuf, st->parabuf + shift, (size_t)(st->wptr - shift));
    st->wptr -= shift;
    for (int w = split_point; w <= st->word_limit; w++)
        word[w].text -= shift;
    memmove(word, word + split_point, (size_t)(st->word_limit - split_point + 1) * sizeof *word);
    for (int w = 0; w <= st->word_limit - split_point; w++)
        word[w].next_break -= split_point;
    st->word_limit -= split_point;
}

static int fmt__get_line(fmt_state *st, int c)
{
    do {
        fmt_word *w = &st->word[st->word_limit];
        w->text = st->wptr;
        do {
            if (st->wptr == FMT_MAXCHARS) {
                fmt__set_other_indent(st, true);
                fmt__flush_paragraph(st);
                w = &st->word[st->word_limit];
            }
            st->parabuf[st->wptr++] = (char)c;
            c = fmt__getc(st);
        } while (c != FMT_EOF && !fmt__isspace(c));
        w->length = st->wptr - w->text;
        st->in_column += w->length;
        fmt__check_punctuation(st, w);
        int start = st->in_column;
        c = fmt__get_space(st, c);
        w->space = st->in_column - start;
        w->final = c == FMT_EOF || (w->period && (c == '\n' || w->space > 1));
        if (c == '\n' || c == FMT_EOF || st->uniform)
            w->space = w->final ? 2 : 1;
        if (st->word_limit == FMT_MAXWORDS - 2) {
            fmt__set_other_indent(st, true);
            fmt__flush_paragraph(st);
        }
        st->word_limit++;
    } while (c != '\n' && c != FMT_EOF);
    return fmt__get_prefix(st);
}

static bool fmt__get_paragraph(fmt_state *st)
{
    st->last_line_length = 0;
    int c = st->next_char;
    while (c == '\n' || c == FMT_EOF || st->next_prefix_indent < st->prefix_lead_space ||
           st->in_column < st->next_prefix_indent + st->prefix_full_length) {
        c = fmt__copy_rest(st, c);
        if (c == FMT_EOF) {
            st->next_char = FMT_EOF;
            return false;
        }
        fmt__putc(st, '\n');
        c = fmt__get_prefix(st);
        if (bi_cancelled(st->cmd) || bi_out_failed(st->cmd))
            return false;
    }
    st->prefix_indent = st->next_prefix_indent;
    st->first_indent = st->in_column;
    st->wptr = 0;
    st->word_limit = 0;
    c = fmt__get_line(st, c);
    fmt__set_other_indent(st, fmt__same_para(st, c));
    if (st->split) {
        /* one line at a time */
    } else if (st->crown) {
        if (fmt__same_para(st, c)) {
            do
                c = fmt__get_line(st, c);
            while (fmt__same_para(st, c) && st->in_column == st->other_indent &&
                   !bi_cancelled(st->cmd));
        }
    } else if (st->tagged) {
        if (fmt__same_para(st, c) && st->in_column != st->first_indent) {
            do
                c = fmt__get_line(st, c);
            while (fmt__same_para(st, c) && st->in_column == st->other_indent &&
                   !bi_cancelled(st->cmd));
        }
    } else {
        while (fmt__same_para(st, c) && st->in_column == st->other_indent && !bi_cancelled(st->cmd))
            c = fmt__get_line(st, c);
    }
    st->word[st->word_limit - 1].period = st->word[st->word_limit - 1].final = true;
    st->next_char = c;
    return true;
}

static int fmt__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    fmt_state *st = ctx;
    st->in = s;
    st->ilen = st->ipos = 0;
    st->rerr = 0;
    st->tabs = false;
    st->other_indent = 0;
    st->next_char = fmt__get_prefix(st);
    while (fmt__get_paragraph(st)) {
        fmt__fmt_paragraph(st);
        fmt__put_paragraph(st, st->word_limit);
        if (bi_cancelled(cmd) || bi_out_failed(cmd))
            break;
    }
    if (bi_cancelled(cmd))
        return -1;
    if (st->rerr)
        return tx_read_error(cmd, name, st->rerr, TX_OPEN);
    return 0;
}

static bool fmt__width(vb_cmd *cmd, const char *arg, int max, int *out)
{
    const char *p = arg;
    while (fmt__isspace((unsigned char)*p))
        p++;
    if (*p == '+')
        p++;
    bool neg = *p == '-';
    if (neg)
        p++;
    if (!isdigit((unsigned char)*p)) {
        bi_err(cmd, "invalid width: %s", fs_lq(cmd, arg));
        return false;
    }
    uint64_t v = 0;
    bool big = false;
    for (; isdigit((unsigned char)*p); p++) {
        if (v > 100000000000ull)
            big = true;
        else
            v = v * 10 + (uint64_t)(*p - '0');
    }
    if (*p) {
        bi_err(cmd, "invalid width: %s", fs_lq(cmd, arg));
        return false;
    }
    if (neg || big || v > (uint64_t)max) {
        bi_err(cmd, "invalid width: %s: %s", fs_lq(cmd, arg),
               big && !neg ? "Value too large for defined data type" : "Numerical result out of range");
        return false;
    }
    *out = (int)v;
    return true;
}

int bi_fmt(vb_cmd *cmd)
{
    fmt_state *st = mem_calloc(cmd->heap, 1, sizeof *st);
    if (!st) {
        bi_err(cmd, "memory exhausted");
        return 1;
    }
    st->cmd = cmd;
    st->prefix = "";
    st->max_width = FMT_WIDTH;
    const char *width_opt = NULL, *goal_opt = NULL;
    if (cmd->argc > 1 && cmd->argv[1][0] == '-' && isdigit((unsigned char)cmd->argv[1][1])) {
        width_opt = cmd->argv[1] + 1;
        char **nargv = mem_alloc(cmd->heap, (size_t)cmd->argc * sizeof *nargv);
        if (!nargv)
            return 1;
        nargv[0] = cmd->argv[0];
        for (int i = 2; i < cmd->argc; i++)
            nargv[i - 1] = cmd->argv[i];
        nargv[cmd->argc - 1] = NULL;
        cmd->argv = nargv;
        cmd->argc--;
    }
    bi_opt o;
    bi_opt_init(&o, cmd, "0123456789cstuw:p:g:", fmt_longs, fmt_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'c': st->crown = true; break;
        case 's': st->split = true; break;
        case 't': st->tagged = true; break;
        case 'u': st->uniform = true; break;
        case 'w': width_opt = o.arg; break;
        case 'g': goal_opt = o.arg; break;
        case 'p': {
            const char *p = o.arg;
            st->prefix_lead_space = 0;
            while (*p == ' ') {
                st->prefix_lead_space++;
                p++;
            }
            st->prefix_full_length = (int)strlen(p);
            int l = st->prefix_full_length;
            while (l > 0 && p[l - 1] == ' ')
                l--;
            st->prefix = mem_strndup(cmd->heap, p, (size_t)l);
            if (!st->prefix)
                return 1;
            st->prefix_length = l;
            break;
        }
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        case BI_OPT_ERR: return o.status;
        default:
            bi_err(cmd, "invalid option -- %c; -WIDTH is recognized only when it is the first\n"
                        "option; use -w N instead", c);
            return fs_try(cmd);
        }
    }
    if (width_opt && !fmt__width(cmd, width_opt, FMT_MAXCHARS / 2, &st->max_width))
        return 1;
    if (goal_opt) {
        if (!fmt__width(cmd, goal_opt, st->max_width, &st->goal_width))
            return 1;
        if (!width_opt)
            st->max_width = st->goal_width + 10;
    } else {
        st->goal_width = st->max_width * (2 * (100 - FMT_LEEWAY) + 1) / 200;
    }
    int status = tx_each_operand(cmd, cmd->argc - o.ind, cmd->argv + o.ind, fmt__file, st, TX_OPEN);
    return bi_done(cmd, status);
}
