/*
 * csplit: splits a file into pieces at line numbers and regular-expression
 * matches (/RE/[OFFSET], %RE%[OFFSET], {N}, {*}), writing xx00, xx01...
 * and printing each piece's size; -b -f -k -n -s -z --suppress-matched.
 * Reference: GNU coreutils 9.1 csplit, whose control flow this follows
 * (the input is held in memory, within the session's limits; on an error
 * the pieces made so far are removed unless -k).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/regex.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("csplit", bi_csplit, BI_UTIL)

static const char csplit_help[] =
    "Usage: csplit [OPTION]... FILE PATTERN...\n"
    "Output pieces of FILE separated by PATTERN(s) to files 'xx00', 'xx01', ...,\n"
    "and output byte counts of each piece to standard output.\n"
    "\n"
    "Read standard input if FILE is -\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -b, --suffix-format=FORMAT  use sprintf FORMAT instead of %02d\n"
    "  -f, --prefix=PREFIX        use PREFIX instead of 'xx'\n"
    "  -k, --keep-files           do not remove output files on errors\n"
    "      --suppress-matched     suppress the lines matching PATTERN\n"
    "  -n, --digits=DIGITS        use specified number of digits instead of 2\n"
    "  -s, --quiet, --silent      do not print counts of output file sizes\n"
    "  -z, --elide-empty-files    remove empty output files\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "Each PATTERN may be:\n"
    "  INTEGER            copy up to but not including specified line number\n"
    "  /REGEXP/[OFFSET]   copy up to but not including a matching line\n"
    "  %REGEXP%[OFFSET]   skip to, but not including a matching line\n"
    "  {INTEGER}          repeat the previous pattern specified number of times\n"
    "  {*}                repeat the previous pattern as many times as possible\n"
    "\n"
    "A line OFFSET is an integer optionally preceded by '+' or '-'\n";

enum { CS_SUPPRESS = 256 };

static const bi_longopt csplit_longs[] = {
    {"suffix-format", 1, 'b'}, {"prefix", 1, 'f'}, {"keep-files", 0, 'k'},
    {"suppress-matched", 0, CS_SUPPRESS}, {"digits", 1, 'n'}, {"quiet", 0, 's'},
    {"silent", 0, 's'}, {"elide-empty-files", 0, 'z'}, {0},
};

typedef struct cs_control {
    int64_t offset;          /* regexp: line offset */
    int64_t lines_required;  /* line number */
    int64_t repeat;          /* {N} */
    int argnum;              /* argv index, for messages */
    bool repeat_forever, ignore, regexpr;
    rx *re;
} cs_control;

/* The fatal outcomes: the command ends with status 1. */
enum { CS_OK = 0, CS_FATAL = 1, CS_DONE = 2 /* {*} ran out of input: success */ };

typedef struct cs_state {
    vb_cmd *cmd;
    const char *prefix, *suffix;
    int digits;
    bool keep, quiet, elide, suppress;
    /* input: lines 1..nlines, line k is data[off[k-1], off[k]) */
    char *data;
    size_t *off;
    int64_t nlines;
    int64_t first;           /* first line not yet removed */
    int64_t current_line;    /* GNU's current_line */
    /* output */
    stream *out;
    char *outname;
    uint64_t bytes;
    int64_t files_created;
    char **made;             /* names of the files made, for the clean-up */
    int64_t nmade, capmade;
} cs_state;

/* GNU quote(): locale quotes with C escapes for '\\' and control bytes. */
static const char *cs__q(vb_cmd *cmd, const char *s)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        static const char esc[] = "abtnvfr";
        if (*p == '\\') {
            vbuf_adds(&b, "\\\\");
        } else if (*p >= 7 && *p <= 13) {
            char e[3] = {'\\', esc[*p - 7], 0};
            vbuf_adds(&b, e);
        } else if (*p < 0x20 || *p == 0x7f) {
            char e[8];
            snprintf(e, sizeof e, "\\%03o", *p);
            vbuf_adds(&b, e);
        } else {
            vbuf_addc(&b, (char)*p);
        }
    }
    return fs_lq(cmd, vbuf_str(&b));
}

static const char *cs__line(cs_state *st, int64_t k, size_t *len)
{
    *len = st->off[k] - st->off[k - 1];
    return st->data + st->off[k - 1];
}

/* GNU find_line: line k if it is still held, else NULL. */
static bool cs__have_line(const cs_state *st, int64_t k)
{
    return k >= st->first && k <= st->nlines;
}

static bool cs__no_more_lines(const cs_state *st)
{
    return !cs__have_line(st, st->current_line + 1);
}

/* GNU remove_line: the first held line (its number), or 0 when none. */
static int64_t cs__remove_line(cs_state *st)
{
    if (st->first > st->nlines)
        return 0;
    if (st->current_line < st->first)
        st->current_line = st->first;
    return st->first++;
}

/* Removes the files made so far (GNU delete_all_files). */
static void cs__delete_all(cs_state *st)
{
    for (int64_t i = 0; i < st->nmade; i++) {
        char *p = bi_path(st->cmd, st->made[i]);
        if (p) {
            int rc = vfs_unlink(st->cmd->vfs, p);
            if (rc < 0 && rc != VB_ENOENT)
                bi_err(st->cmd, "%s: %s", fs_qf(st->cmd, st->made[i]), vb_strerror(rc));
        }
    }
    st->nmade = 0;
}

static char *cs__filename(cs_state *st, int64_t n)
{
    vb_cmd *cmd = st->cmd;
    if (!st->suffix)
        return mem_printf(cmd->heap, "%s%0*lld", st->prefix, st->digits, (long long)n);
    int len = snprintf(NULL, 0, st->suffix, (unsigned)n);
    if (len < 0)
        return NULL;
    size_t pl = strlen(st->prefix);
    char *s = mem_alloc(cmd->heap, pl + (size_t)len + 1);
    if (!s)
        return NULL;
    memcpy(s, st->prefix, pl);
    snprintf(s + pl, (size_t)len + 1, st->suffix, (unsigned)n);
    return s;
}

static int cs__close_output(cs_state *st);

/* GNU cleanup_fatal: closes the current piece and removes every piece
 * unless -k. */
static int cs__fatal(cs_state *st)
{
    cs__close_output(st);
    if (!st->keep)
        cs__delete_all(st);
    return CS_FATAL;
}

static int cs__create_output(cs_state *st)
{
    vb_cmd *cmd = st->cmd;
    char *name = cs__filename(st, st->files_created);
    if (!name) {
        bi_err(cmd, "memory exhausted");
        return cs__fatal(st);
    }
    int err = 0;
    stream *s = bi_open_write(cmd, name, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
    if (!s) {
        bi_err(cmd, "%s: %s", fs_qf(cmd, name), vb_strerror(err));
        return cs__fatal(st);
    }
    if (st->nmade == st->capmade) {
        int64_t nc = st->capmade ? st->capmade * 2 : 16;
        char **nm = mem_realloc(cmd->heap, st->made, (size_t)nc * sizeof *nm);
        if (!nm) {
            stream_unref(s);
            bi_err(cmd, "memory exhausted");
            return cs__fatal(st);
        }
        st->made = nm;
        st->capmade = nc;
    }
    st->made[st->nmade++] = name;
    st->files_created++;
    st->out = s;
    st->outname = name;
    st->bytes = 0;
    return CS_OK;
}

/* Closes the current piece: removes it when empty under -z, else prints
 * its size unless -s. */
static int cs__close_output(cs_state *st)
{
    if (!st->out)
        return CS_OK;
    vb_cmd *cmd = st->cmd;
    stream_unref(st->out);
    st->out = NULL;
    if (st->elide && st->bytes == 0) {
        char *p = bi_path(cmd, st->outname);
        int rc = p ? vfs_unlink(cmd->vfs, p) : VB_ENOMEM;
        if (rc < 0)
            bi_err(cmd, "%s: %s", fs_qf(cmd, st->outname), vb_strerror(rc));
        st->files_created--;
        st->nmade--;
    } else if (!st->quiet) {
        bi_outf(cmd, "%llu\n", (unsigned long long)st->bytes);
    }
    return CS_OK;
}

static int cs__save_line(cs_state *st, int64_t k)
{
    size_t len;
    const char *p = cs__line(st, k, &len);
    while (len > 0) {
        ssize_t w = stream_write(st->out, p, len);
        if (w < 0) {
            bi_err(st->cmd, "%s: %s", fs_qf(st->cmd, st->outname), vb_strerror((int)w));
            return cs__fatal(st);
        }
        p += w;
        len -= (size_t)w;
        st->bytes += (uint64_t)w;
    }
    return CS_OK;
}

static int cs__dump_rest(cs_state *st)
{
    int64_t k;
    while ((k = cs__remove_line(st)) > 0) {
        if (cs__save_line(st, k))
            return CS_FATAL;
        if (bi_cancelled(st->cmd))
            return cs__fatal(st);
    }
    return CS_OK;
}

/* GNU get_first_line_in_buffer; "input disappeared" ends the command
 * without any clean-up, as GNU's does. */
static int cs__first_line(cs_state *st, int64_t *out)
{
    if (st->first > st->nlines) {
        bi_err(st->cmd, "input disappeared");
        if (st->out) {
            stream_unref(st->out);
            st->out = NULL;
        }
        return CS_FATAL;
    }
    *out = st->first;
    return CS_OK;
}

static int cs__line_error(cs_state *st, const cs_control *p, int64_t rep)
{
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)p->lines_required);
    if (rep)
        bi_err(st->cmd, "%s: line number out of range on repetition %lld", cs__q(st->cmd, num),
               (long long)rep);
    else
        bi_err(st->cmd, "%s: line number out of range", cs__q(st->cmd, num));
    return cs__fatal(st);
}

static int cs__line_count(cs_state *st, const cs_control *p, int64_t rep)
{
    int64_t last = rep + 1 > INT64_MAX / p->lines_required ? INT64_MAX
                                                           : p->lines_required * (rep + 1);
    if (cs__create_output(st))
        return CS_FATAL;
    if (cs__no_more_lines(st) && st->suppress)
        return cs__line_error(st, p, rep);
    int64_t linenum;
    if (cs__first_line(st, &linenum))
        return CS_FATAL;
    while (linenum++ < last) {
        int64_t k = cs__remove_line(st);
        if (!k)
            return cs__line_error(st, p, rep);
        if (cs__save_line(st, k))
            return CS_FATAL;
        if (bi_cancelled(st->cmd))
            return cs__fatal(st);
    }
    cs__close_output(st);
    if (st->suppress)
        cs__remove_line(st);
    if (cs__no_more_lines(st) && !st->suppress)
        return cs__line_error(st, p, rep);
    return CS_OK;
}

static int cs__regexp_error(cs_state *st, const cs_control *p, int64_t rep, bool ignore)
{
    vb_cmd *cmd = st->cmd;
    if (rep)
        bi_err(cmd, "%s: match not found on repetition %lld", cs__q(cmd, cmd->argv[p->argnum]),
               (long long)rep);
    else
        bi_err(cmd, "%s: match not found", cs__q(cmd, cmd->argv[p->argnum]));
    if (!ignore) {
        if (cs__dump_rest(st))
            return CS_FATAL;
        cs__close_output(st);
    }
    return cs__fatal(st);
}

static int cs__write_to(cs_state *st, int64_t last_line, bool ignore, int argnum)
{
    vb_cmd *cmd = st->cmd;
    int64_t first;
    if (cs__first_line(st, &first))
        return CS_FATAL;
    if (first > last_line) {
        bi_err(cmd, "%s: line number out of range", cs__q(cmd, cmd->argv[argnum]));
        return cs__fatal(st);
    }
    for (int64_t i = 0; i < last_line - first; i++) {
        int64_t k = cs__remove_line(st);
        if (!k) {
            bi_err(cmd, "%s: line number out of range", cs__q(cmd, cmd->argv[argnum]));
            return cs__fatal(st);
        }
        if (!ignore && cs__save_line(st, k))
            return CS_FATAL;
    }
    return CS_OK;
}

static int cs__regexp(cs_state *st, const cs_control *p, int64_t rep)
{
    vb_cmd *cmd = st->cmd;
    bool ignore = p->ignore;
    if (!ignore && cs__create_output(st))
        return CS_FATAL;
    for (;;) {
        int64_t k = ++st->current_line;
        if (!cs__have_line(st, k)) {
            if (p->repeat_forever) {
                if (!ignore) {
                    if (cs__dump_rest(st))
                        return CS_FATAL;
                    cs__close_output(st);
                }
                return CS_DONE;
            }
            return cs__regexp_error(st, p, rep, ignore);
        }
        size_t len;
        const char *line = cs__line(st, k, &len);
        if (len && line[len - 1] == '\n')
            len--;
        int rc = rx_exec(p->re, line, len, 0, 0, NULL);
        if (rc < 0) {
            bi_err(cmd, "error in regular expression search");
            return cs__fatal(st);
        }
        if (rc > 0)
            break;
        if (p->offset >= 0) {
            k = cs__remove_line(st);
            if (!ignore && cs__save_line(st, k))
                return CS_FATAL;
        }
        if (bi_cancelled(cmd))
            return cs__fatal(st);
    }
    int64_t break_line = st->current_line + p->offset;
    if (cs__write_to(st, break_line, ignore, p->argnum))
        return CS_FATAL;
    if (!ignore)
        cs__close_output(st);
    if (p->offset > 0)
        st->current_line = break_line;
    if (st->suppress)
        cs__remove_line(st);
    return CS_OK;
}

/* Validates -b FORMAT as GNU does: exactly one integer conversion. */
static bool cs__check_suffix(vb_cmd *cmd, const char *f)
{
    int conversions = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        if (++conversions > 1) {
            bi_err(cmd, "too many %% conversion specifications in suffix");
            return false;
        }
        p++;
        bool thousands = false, alt = false;
        for (;; p++) {
            if (*p == '-' || *p == '0')
                continue;
            if (*p == '\'')
                thousands = true;
            else if (*p == '#')
                alt = true;
            else
                break;
        }
        int digits = 0;
        while (*p >= '0' && *p <= '9') {
            p++;
            digits++;
        }
        if (*p == '.') {
            p++;
            while (*p >= '0' && *p <= '9') {
                p++;
                digits++;
            }
        }
        if (digits > 6) {
            bi_err(cmd, "%s: %s", fs_qf(cmd, f), vb_strerror(VB_ENAMETOOLONG));
            return false;
        }
        char ch = *p;
        bool ok_thousands = false, ok_alt = false;
        switch (ch) {
        case 'd': case 'i': case 'u': ok_thousands = true; break;
        case 'o': case 'x': case 'X': ok_alt = true; break;
        case '\0':
            bi_err(cmd, "missing conversion specifier in suffix");
            return false;
        default:
            if ((unsigned char)ch >= 0x20 && (unsigned char)ch < 0x7f)
                bi_err(cmd, "invalid conversion specifier in suffix: %c", ch);
            else
                bi_err(cmd, "invalid conversion specifier in suffix: \\%.3o", (unsigned char)ch);
            return false;
        }
        if ((thousands && !ok_thousands) || (alt && !ok_alt)) {
            bi_err(cmd, "invalid flags in conversion specification: %%%c%c",
                   alt && !ok_alt ? '#' : '\'', ch);
            return false;
        }
    }
    if (conversions == 0) {
        bi_err(cmd, "missing %% conversion specification in suffix");
        return false;
    }
    return true;
}

/* Integer as xstrtoimax: optional blanks and sign, decimal digits only. */
static bool cs__int(const char *s, int64_t *out, bool *overflow)
{
    const char *p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++;
    bool neg = false;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    if (!(*p >= '0' && *p <= '9'))
        return false;
    uint64_t v = 0;
    bool big = false;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10)
            big = true;
        else
            v = v * 10 + (uint64_t)(*p - '0');
    }
    if (*p)
        return false;
    if (big || v > (uint64_t)INT64_MAX) {
        if (overflow)
            *overflow = true;
        return false;
    }
    *out = neg ? -(int64_t)v : (int64_t)v;
    return true;
}

/* Parses the PATTERN operands into controls; false after a message. */
static bool cs__parse(cs_state *st, int first, cs_control **outc, int *outn)
{
    vb_cmd *cmd = st->cmd;
    int argc = cmd->argc;
    cs_control *c = mem_calloc(cmd->heap, (size_t)(argc - first) + 1, sizeof *c);
    if (!c) {
        bi_err(cmd, "memory exhausted");
        return false;
    }
    int n = 0;
    int64_t last_val = 0;
    *outc = c;
    for (int i = first; i < argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] == '/' || a[0] == '%') {
            char delim = a[0];
            const char *close = strrchr(a + 1, delim);
            if (!close) {
                bi_err(cmd, "%s: closing delimiter '%c' missing", a, delim);
                return false;
            }
            cs_control *p = &c[n++];
            *outn = n;
            p->argnum = i;
            p->regexpr = true;
            p->ignore = delim == '%';
            char *err = NULL;
            int rc = rx_compile_cmd(cmd, a + 1, (size_t)(close - a - 1), RX_BRE | RX_NOSUB, &p->re,
                                    &err);
            if (rc != 0) {
                p->re = NULL;
                bi_err(cmd, "%s: invalid regular expression: %s", cs__q(cmd, a),
                       err ? err : "memory exhausted");
                return false;
            }
            if (close[1]) {
                if (!cs__int(close + 1, &p->offset, NULL)) {
                    bi_err(cmd, "%s: integer expected after delimiter", cs__q(cmd, a));
                    return false;
                }
            }
        } else if (a[0] == '{') {
            if (n == 0) {
                bi_err(cmd, "%s: invalid pattern", cs__q(cmd, a));
                return false;
            }
            cs_control *p = &c[n - 1];
            size_t l = strlen(a);
            if (a[l - 1] != '}' || l < 2) {
                bi_err(cmd, "%s: '}' is required in repeat count", cs__q(cmd, a));
                return false;
            }
            char *inner = mem_strndup(cmd->heap, a + 1, l - 2);
            if (!inner)
                return false;
            if (!strcmp(inner, "*")) {
                p->repeat_forever = true;
                p->repeat = INT64_MAX - 1;
            } else {
                int64_t v;
                if (!cs__int(inner, &v, NULL) || v < 0) {
                    char *q = mem_strndup(cmd->heap, a, l - 1);
                    bi_err(cmd, "%s}: integer required between '{' and '}'",
                           cs__q(cmd, q ? q : a));
                    return false;
                }
                p->repeat = v;
            }
        } else {
            int64_t v;
            if (!cs__int(a, &v, NULL) || v < 0 || a[strspn(a, " \t\n\v\f\r")] == '-') {
                bi_err(cmd, "%s: invalid pattern", cs__q(cmd, a));
                return false;
            }
            if (v == 0) {
                bi_err(cmd, "%s: line number must be greater than zero", a);
                return false;
            }
            if (v < last_val) {
                bi_err(cmd, "line number %s is smaller than preceding line number, %lld",
                       cs__q(cmd, a), (long long)last_val);
                return false;
            }
            if (v == last_val)
                bi_err(cmd, "warning: line number %s is the same as preceding line number",
                       cs__q(cmd, a));
            last_val = v;
            cs_control *p = &c[n++];
            *outn = n;
            p->argnum = i;
            p->lines_required = v;
        }
    }
    return true;
}

static int cs__split(cs_state *st, cs_control *c, int n)
{
    for (int i = 0; i < n; i++) {
        cs_control *p = &c[i];
        if (p->regexpr) {
            for (int64_t j = 0; p->repeat_forever || j <= p->repeat; j++) {
                int rc = cs__regexp(st, p, j);
                if (rc == CS_DONE)
                    return CS_OK;
                if (rc)
                    return rc;
                if (bi_cancelled(st->cmd))
                    return cs__fatal(st);
            }
        } else {
            for (int64_t j = 0; j <= p->repeat; j++) {
                int rc = cs__line_count(st, p, j);
                if (rc)
                    return rc;
                if (bi_cancelled(st->cmd))
                    return cs__fatal(st);
            }
        }
    }
    if (cs__create_output(st) || cs__dump_rest(st))
        return CS_FATAL;
    cs__close_output(st);
    return CS_OK;
}

/* Splits the input into lines (the last one may lack its newline). */
static bool cs__index(cs_state *st, size_t len)
{
    int64_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (st->data[i] == '\n')
            n++;
    if (len && st->data[len - 1] != '\n')
        n++;
    st->off = mem_alloc(st->cmd->heap, ((size_t)n + 1) * sizeof *st->off);
    if (!st->off)
        return false;
    st->off[0] = 0;
    int64_t k = 1;
    for (size_t i = 0; i < len; i++)
        if (st->data[i] == '\n')
            st->off[k++] = i + 1;
    if (k <= n)
        st->off[k] = len;
    st->nlines = n;
    return true;
}

int bi_csplit(vb_cmd *cmd)
{
    cs_state st = {.cmd = cmd, .prefix = "xx", .digits = 2, .first = 1};
    bi_opt o;
    bi_opt_init(&o, cmd, "b:f:kn:sz", csplit_longs, csplit_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': st.suffix = o.arg; break;
        case 'f': st.prefix = o.arg; break;
        case 'k': st.keep = true; break;
        case 's': st.quiet = true; break;
        case 'z': st.elide = true; break;
        case CS_SUPPRESS: st.suppress = true; break;
        case 'n': {
            int64_t v;
            bool over = false;
            if (!cs__int(o.arg, &v, &over)) {
                if (over)
                    bi_err(cmd, "invalid number: %s: %s", cs__q(cmd, o.arg),
                           "Value too large for defined data type");
                else
                    bi_err(cmd, "invalid number: %s", cs__q(cmd, o.arg));
                return 1;
            }
            if (v < 0 || v > 2147483647) {
                bi_err(cmd, "invalid number: %s: %s", cs__q(cmd, o.arg),
                       "Numerical result out of range");
                return 1;
            }
            if (v > 4096) {
                bi_err(cmd, "invalid number: %s: %s", cs__q(cmd, o.arg),
                       vb_strerror(VB_ENAMETOOLONG));
                return 1;
            }
            st.digits = (int)v;
            break;
        }
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int nargs = cmd->argc - o.ind;
    if (nargs < 2) {
        if (nargs == 0)
            return bi_usage(cmd, 1, "missing operand");
        return bi_usage(cmd, 1, "missing operand after %s", cs__q(cmd, cmd->argv[o.ind]));
    }
    if (st.suffix && !cs__check_suffix(cmd, st.suffix))
        return 1;
    const char *file = cmd->argv[o.ind];
    int err = 0;
    stream *in = bi_open_read(cmd, file, &err);
    if (!in)
        return tx_open_error(cmd, file, err, TX_OPEN);
    cs_control *ctl = NULL;
    int nctl = 0;
    bool parsed = cs__parse(&st, o.ind + 1, &ctl, &nctl);
    int status = 1;
    if (parsed) {
        size_t len = 0;
        int rc = bi_slurp(cmd, in, &st.data, &len);
        if (rc < 0)
            status = tx_slurp_error(cmd, file, rc);
        else if (!cs__index(&st, len))
            bi_err(cmd, "memory exhausted");
        else
            status = cs__split(&st, ctl, nctl) ? 1 : 0;
    }
    if (st.out)
        stream_unref(st.out);
    for (int i = 0; i < nctl; i++)
        rx_free(ctl[i].re);
    stream_unref(in);
    return bi_done(cmd, status);
}
