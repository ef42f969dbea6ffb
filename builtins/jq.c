/*
 * jq — command-line JSON processor.
 *
 * Reference: the jq 1.7 language, with expectations recorded from the jq
 * 1.6 of the reference machine (Debian). Output, messages and option
 * errors are 1.6's where the two agree or 1.7 left them alone. Where 1.7
 * changed the language, vbash follows 1.7: number literals keep their text
 * until arithmetic (1.000, 1E+1000, 100000000000000000000000000001) and
 * compare as decimals, limit(0), error(null), @base32d, gsub on empty
 * matches, break through try, and the
 * 1.7 builtins (abs, toarray, pick, trim/ltrim/rtrim, significand,
 * have_literal_numbers, splits with flags, $__loc__, ltrimstr on
 * non-strings, date, dateadd/datesub...). The spec cases that show such a
 * difference are marked vbash-differs. docs/jq.md has the details.
 * Options: -r -j -a -c -n -s -e -S -C -M -R --tab --indent N --arg
 * --argjson --slurpfile --rawfile --args --jsonargs -f --seq --stream
 * --stream-errors (jq 1.7's: --stream, and a parse error is the input
 * [message, path]; jq 1.6 ignores the option on good input and crashes on
 * bad) --exit-status -h -V.
 *
 * Deviations: regular expressions are PCRE2's (jq uses Oniguruma; the
 * common syntax is the same); arithmetic is on doubles only (jq 1.7 built
 * with decNumber compares literals the same way but has no decimal
 * arithmetic either); localtime/strflocaltime use UTC, the sandbox's zone.
 * --stream parses as it reads (builtins/jq_stream.c). Every evaluation
 * obeys the session's limits: memory (the heap's failure ends the run,
 * naming the limit), wall time and cancellation, checked every few hundred
 * outputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/jq.h"

VB_BUILTIN("jq", bi_jq, BI_UTIL)

static const char jq_usage[] =
    "Usage:\tjq [OPTIONS] FILTER [FILES...]\n"
    "\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n"
    "\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n"
    "\n"
    "jq is a tool for processing JSON inputs, applying the given filter to\n"
    "its JSON text inputs and producing the filter's results as JSON on\n"
    "standard output.\n"
    "\n"
    "Some of the options include:\n"
    "  -c               compact instead of pretty-printed output;\n"
    "  -n               use `null` as the single input value;\n"
    "  -e               set the exit status code based on the output;\n"
    "  -s               read (slurp) all inputs into an array; apply filter to it;\n"
    "  -r               output raw strings, not JSON texts;\n"
    "  -a               output ASCII with escapes for non-ASCII characters;\n"
    "  -j               like -r but without a newline after each output;\n"
    "  -R               read raw strings, not JSON texts;\n"
    "  -S               sort keys of objects on output;\n"
    "  -C               colorize JSON;\n"
    "  -M               monochrome (don't colorize JSON);\n"
    "  --tab            use tabs for indentation;\n"
    "  --indent n       use n spaces for indentation (max 7 spaces);\n"
    "  --arg a v        set variable $a to value <v>;\n"
    "  --argjson a v    set variable $a to JSON value <v>;\n"
    "  --slurpfile a f  set variable $a to an array of JSON texts read from <f>;\n"
    "  --rawfile a f    set variable $a to a string consisting of the contents of <f>;\n"
    "  --args           remaining arguments are string arguments, not files;\n"
    "  --jsonargs       remaining arguments are JSON arguments, not files;\n"
    "  --seq            use the RS character before each output;\n"
    "  -f file          read the filter from a file;\n"
    "  -e, --exit-status set the exit status from the last output;\n";

typedef struct jq_cli {
    jq *J;
    vb_cmd *cmd;
    int flags;          /* JV_PRINT_* */
    int indent;
    bool raw, join, seq, raw_in, slurp, null_in, exit_status, stream;
    bool stream_errors; /* --stream-errors: a parse error is the input [message, path] */
    bool s_reof;        /* --stream: the input has no more bytes */
    jv *sq;             /* --stream: events parsed and not yet read */
    size_t sqi;
    stream *in;         /* --stream: the input being parsed as it is read */
    jv_sparser *sp;
    char *serr;         /* --stream: a parse error, reported after the events before it */
    bool s_eof;
    bool from_prog;     /* jqc__next called by input/inputs */
    bool slurp_raw;     /* -R -s: whole inputs as text */
    char *sbuf;
    size_t slen, spos;
    size_t line_pos;    /* input_line_number: newlines counted up to here */
    int lines;
    /* inputs */
    char **files;
    int nfiles, fi;
    char *data;         /* current input text */
    size_t len, pos;
    bool data_open, stdin_used;
    const char *cur_name;
    int status;           /* of the last input, as jq 1.6 */
    bool file_err;        /* an input file could not be read: 2 at the end */
    bool parse_failed;
    bool any_output;
    jv *last;
} jq_cli;

/* jq feeds its parser whole lines and reports the lines fed: those up to
 * the end of the line where the value ends. Counted incrementally (inputs
 * with many values stay linear). */
static void jqc__line(jq_cli *C)
{
    size_t from = C->pos ? C->pos - 1 : 0;
    const char *nl = from < C->len ? memchr(C->data + from, '\n', C->len - from) : NULL;
    size_t end = nl ? (size_t)(nl - C->data) + 1 : C->len;
    if (end < C->line_pos) {
        C->line_pos = 0;
        C->lines = 0;
    }
    const char *p = C->data + C->line_pos, *e = C->data + end;
    while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        C->lines++;
        p++;
    }
    C->line_pos = end;
    C->J->line_no = C->lines;
}

/* Opens the next input file (or stdin); false at the end. */
static bool jqc__open_next(jq_cli *C)
{
    vb_cmd *cmd = C->cmd;
    for (;;) {
        const char *name;
        if (C->nfiles == 0) {
            if (C->stdin_used)
                return false;
            C->stdin_used = true;
            name = "-";
        } else {
            if (C->fi >= C->nfiles)
                return false;
            name = C->files[C->fi++];
        }
        int err;
        stream *s = bi_open_read(cmd, name, &err);
        if (!s) {
            bi_err(cmd, "error: Could not open file %s: %s", name, vb_strerror(err));
            C->file_err = true;
            continue;
        }
        C->cur_name = strcmp(name, "-") == 0 ? "<stdin>" : name;
        C->J->input_name = C->cur_name;
        if (C->stream && !C->raw_in && !C->slurp_raw) {
            /* parsed while it is read */
            jv_sparser_free(C->J, C->sp);
            C->sp = jv_sparser_new(C->J);
            C->in = s;
            C->s_eof = false;
            C->s_reof = false;
            C->slen = C->spos = 0;
            C->data_open = true;
            return true;
        }
        char *data;
        size_t len;
        int rc = bi_slurp(cmd, s, &data, &len);
        stream_unref(s);
        if (rc) {
            bi_err(cmd, "error: Could not read file %s: %s", name, vb_strerror(rc));
            C->file_err = true;
            continue;
        }
        if (C->seq && !C->raw_in) {
            /* --seq: the RS before each text separates like a blank */
            for (char *q = data; (q = memchr(q, '\x1e', (size_t)(data + len - q))) != NULL; q++)
                *q = ' ';
        }
        C->data = data;
        C->len = len;
        C->pos = 0;
        C->line_pos = 0;
        C->lines = 0;
        C->data_open = true;
        C->cur_name = strcmp(name, "-") == 0 ? "<stdin>" : name;
        C->J->input_name = C->cur_name;
        return true;
    }
}

/* A parse error: reported as jq does, or, met by input/inputs, the
 * program's error (its message is the parser's). -1. */
static int jqc__parse_error(jq_cli *C, const char *err)
{
    jq *J = C->J;
    if (C->from_prog) {
        jv_unref(J, J->err);
        J->err = jv_strz(J, err);
        return -1;
    }
    vbuf b;
    vbuf_init(&b, J->heap);
    vbuf_printf(&b, "parse error: %s\n", err);
    bi_errw(C->cmd, b.data, b.len);
    vbuf_free(&b);
    C->status = 4; /* jq 1.6: a parse error ends the run with 4 */
    C->parse_failed = true;
    return -1;
}

/* Next input value: 1, 0 at the end, -1 on a parse error (reported). */
static int jqc__next(jq_cli *C, jv **out)
{
    jq *J = C->J;
    for (;;) {
        if (!C->data_open && !jqc__open_next(C))
            return 0;
        if (C->raw_in) {
            if (C->pos >= C->len) {
                C->data_open = false;
                continue;
            }
            const char *p = C->data + C->pos;
            const char *nl = memchr(p, '\n', C->len - C->pos);
            size_t n = nl ? (size_t)(nl - p) : C->len - C->pos;
            *out = jv_str(J, p, n);
            C->pos += n + (nl != NULL);
            jqc__line(C);
            return 1;
        }
        if (C->in) {
            /* --stream: events of what has been read so far, then more input */
            if (C->sq && C->sqi < C->sq->u.arr.n) {
                *out = jv_ref(C->sq->u.arr.v[C->sqi++]);
                return 1;
            }
            jv_unref(J, C->sq);
            C->sq = NULL;
            char *err = C->serr;
            if (err || C->s_eof) {
                stream_unref(C->in);
                C->in = NULL;
                C->data_open = false;
                C->serr = NULL;
                if (!err)
                    continue;
                int r = jqc__parse_error(C, err);
                mem_free(J->heap, err);
                return r;
            }
            if (!C->sbuf && !(C->sbuf = mem_alloc(J->heap, 65536)))
                return 0;
            /* jq feeds its parser what fgets gives into a 4096-byte buffer:
             * a line, or 4095 bytes of a longer one (input_line_number; a
             * --stream-errors error drops the rest of that piece) */
            enum { JQC_PIECE = 4095 };
            while (!C->s_reof) {
                size_t have = C->slen - C->spos;
                if (have >= JQC_PIECE || memchr(C->sbuf + C->spos, '\n', have))
                    break;
                memmove(C->sbuf, C->sbuf + C->spos, have);
                C->slen = have;
                C->spos = 0;
                ssize_t n = stream_read(C->in, C->sbuf + have, 65536 - have);
                if (n < 0) {
                    bi_err(C->cmd, "error: Could not read file %s: %s", C->cur_name, vb_strerror((int)-n));
                    C->file_err = true;
                    n = 0;
                }
                if (n == 0)
                    C->s_reof = true;
                for (ssize_t q = 0; C->seq && q < n; q++)
                    if (C->sbuf[have + (size_t)q] == '\x1e')
                        C->sbuf[have + (size_t)q] = ' ';
                C->slen = have + (size_t)n;
            }
            const char *b = C->sbuf + C->spos;
            size_t n = C->slen - C->spos;
            const char *nl = memchr(b, '\n', n);
            if (nl)
                n = (size_t)(nl - b) + 1;
            if (n > JQC_PIECE)
                n = JQC_PIECE;
            C->spos += n;
            C->sq = jv_arr(J);
            C->sqi = 0;
            if (jv_sparser_feed(J, C->sp, b, n, n == 0, &C->sq, &err) < 0) {
                if (C->stream_errors) {
                    /* jq 1.7: the error is an input, [message, path]; the
                     * parser starts again with the next piece */
                    jv *ev = jv_arr(J);
                    ev = jv_arr_push(J, ev, jv_strz(J, err));
                    ev = jv_arr_push(J, ev, jv_sparser_recover(J, C->sp));
                    C->sq = jv_arr_push(J, C->sq, ev);
                    mem_free(J->heap, err);
                } else {
                    C->serr = err;
                }
            }
            if (n == 0)
                C->s_eof = true;
            J->line_no = jv_sparser_line(C->sp) - 1;
            if (bi_cancelled(C->cmd) || mem_heap_failed(J->heap))
                return 0;
            continue;
        }
        char *err = NULL;
        int r = jv_parse_next(J, C->data, C->len, &C->pos, out, &err);
        jqc__line(C);
        if (r == 0) {
            C->data_open = false;
            continue;
        }
        if (r < 0) {
            C->data_open = false;
            return jqc__parse_error(C, err);
        }
        return 1;
    }
}

/* jq's usage error: the message, a pointer to --help, status 2 */
static int jqc__die(vb_cmd *cmd, const char *fmt, const char *a, const char *b)
{
    vbuf m;
    vbuf_init(&m, cmd->heap);
    vbuf_adds(&m, "jq: ");
    vbuf_printf(&m, fmt, a, b);
    vbuf_adds(&m, "\nUse jq --help for help with command-line options,\n"
                  "or see the jq manpage, or online docs  at https://stedolan.github.io/jq\n");
    bi_errw(cmd, m.data, m.len);
    vbuf_free(&m);
    return 2;
}

static int jqc__emit(jq *J, jv *v, void *ctx)
{
    jq_cli *C = ctx;
    vbuf b;
    vbuf_init(&b, J->heap);
    if (C->seq)
        vbuf_addc(&b, '\x1e');
    if ((C->raw || C->join) && v->kind == JV_STRING) {
        if (C->flags & JV_PRINT_ASCII)
            jv_dump(J, v, C->flags, C->indent, &b);
        else
            vbuf_add(&b, v->u.str.s, v->u.str.len);
    } else {
        jv_dump(J, v, C->flags, C->indent, &b);
    }
    if (!C->join)
        vbuf_addc(&b, '\n');
    bi_out(C->cmd, b.data, b.len);
    vbuf_free(&b);
    C->any_output = true;
    jv_unref(J, C->last);
    C->last = jv_ref(v);
    if (bi_out_failed(C->cmd))
        return JQ_STOP;
    return JQ_OK;
}

static void jqc__report(jq_cli *C, int st)
{
    jq *J = C->J;
    if (st == JQ_HALT || J->halted) {
        if (J->halt_msg) {
            vbuf b;
            vbuf_init(&b, J->heap);
            if (J->halt_msg->kind == JV_STRING)
                vbuf_add(&b, J->halt_msg->u.str.s, J->halt_msg->u.str.len);
            else {
                jv_dump(J, J->halt_msg, 0, 0, &b);
                vbuf_addc(&b, '\n');
            }
            bi_errw(C->cmd, b.data, b.len);
            vbuf_free(&b);
        }
        C->status = J->halt_code;
        return;
    }
    if (st == JQ_ERR) {
        char *msg = jq_error_text(J, J->err);
        vbuf b;
        vbuf_init(&b, J->heap);
        const char *where = C->null_in && !C->data_open && !C->stdin_used && C->fi == 0
                                ? "<unknown>" : (C->cur_name ? C->cur_name : "<stdin>");
        if (J->err && J->err->kind != JV_STRING) {
            vbuf b2;
            vbuf_init(&b2, J->heap);
            jv_dump(J, J->err, 0, 0, &b2);
            vbuf_printf(&b, "jq: error (at %s:%d) (not a string): %s\n", where, J->line_no, vbuf_str(&b2));
            vbuf_free(&b2);
        } else {
            vbuf_printf(&b, "jq: error (at %s:%d): %s\n", where, J->line_no, msg);
        }
        if (strcmp(where, "<unknown>") == 0) {
            /* jq prints no line number when there was no input */
            vbuf_clear(&b);
            if (J->err && J->err->kind != JV_STRING) {
                vbuf b2;
                vbuf_init(&b2, J->heap);
                jv_dump(J, J->err, 0, 0, &b2);
                vbuf_printf(&b, "jq: error (at <unknown>) (not a string): %s\n", vbuf_str(&b2));
                vbuf_free(&b2);
            } else {
                vbuf_printf(&b, "jq: error (at <unknown>): %s\n", msg);
            }
        }
        bi_errw(C->cmd, b.data, b.len);
        vbuf_free(&b);
        jv_unref(J, J->err);
        J->err = NULL;
        C->status = 5;
    }
}

/* input / inputs of the program read the remaining inputs */
static int jqc__next_input(jq *J, jv **out)
{
    jq_cli *C = J->input_hook;
    if (!C)
        return 0;
    C->from_prog = true;
    int r = jqc__next(C, out);
    C->from_prog = false;
    return r;
}

int bi_jq(vb_cmd *cmd)
{
    jq *J = mem_calloc(cmd->heap, 1, sizeof *J);
    jq_cli *C = mem_calloc(cmd->heap, 1, sizeof *C);
    if (!J || !C)
        return bi_err(cmd, "out of memory");
    J->cmd = cmd;
    J->heap = cmd->heap;
    char stack_mark;
    J->stack_top = &stack_mark;
    C->J = J;
    C->cmd = cmd;
    C->flags = JV_PRINT_PRETTY;
    C->indent = 2;
    J->named_args = jv_obj(J);
    J->positional = jv_arr(J);
    J->vars = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(jv *));
    J->varnames = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(char *));
    C->files = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(char *));
    if (!J->vars || !J->varnames || !C->files)
        return bi_err(cmd, "out of memory");

    const char *filter = NULL;
    char *filter_file_text = NULL;
    bool args_mode = false, jsonargs_mode = false, have_filter = false;
    int i = 1;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (args_mode || jsonargs_mode || a[0] != '-' || a[1] == '\0') {
            if (!have_filter) {
                filter = a;
                have_filter = true;
            } else if (args_mode) {
                J->positional = jv_arr_push(J, J->positional, jv_strz(J, a));
            } else if (jsonargs_mode) {
                size_t pos = 0;
                jv *v = NULL;
                char *err = NULL;
                if (jv_parse_next(J, a, strlen(a), &pos, &v, &err) != 1)
                    return jqc__die(cmd, "%sinvalid JSON text passed to --jsonargs%s", "", "");
                J->positional = jv_arr_push(J, J->positional, v);
            } else {
                C->files[C->nfiles++] = (char *)a;
            }
            continue;
        }
        if (strcmp(a, "--") == 0) {
            /* jq 1.6: -- ends options only for --args/--jsonargs */
            args_mode = args_mode || false;
            continue;
        }
        if (a[1] != '-') {
            /* short options, combinable */
            for (const char *p = a + 1; *p; p++) {
                switch (*p) {
                case 'r': C->raw = true; break;
                case 'j': C->raw = C->join = true; break;
                case 'a': C->flags |= JV_PRINT_ASCII; break;
                case 'c': C->flags &= ~JV_PRINT_PRETTY; break;
                case 'n': C->null_in = true; break;
                case 's': C->slurp = true; break;
                case 'e': C->exit_status = true; break;
                case 'S': C->flags |= JV_PRINT_SORTED; break;
                case 'C': C->flags |= JV_PRINT_COLOR; break;
                case 'M': C->flags &= ~JV_PRINT_COLOR; break;
                case 'R': C->raw_in = true; break;
                case 'h':
                    bi_outs(cmd, jq_usage);
                    return bi_done(cmd, 0);
                case 'V':
                    bi_outs(cmd, "jq-1.6 " BI_VERSION_TEXT);
                    return bi_done(cmd, 0);
                case 'f':
                    if (i + 1 >= cmd->argc)
                        return jqc__die(cmd, "%s-f takes a parameter (e.g. -f filename)%s", "", "");
                    {
                        int err;
                        const char *file = cmd->argv[++i];
                        stream *s = bi_open_read(cmd, file, &err);
                        size_t len;
                        if (!s || bi_slurp(cmd, s, &filter_file_text, &len) != 0) {
                            bi_err(cmd, "Could not open %s: %s", file, vb_strerror(s ? VB_EIO : err));
                            stream_unref(s);
                            return 2;
                        }
                        stream_unref(s);
                        if (have_filter)
                            C->files[C->nfiles++] = (char *)filter;
                        filter = filter_file_text;
                        have_filter = true;
                    }
                    break;
                default:
                    return jqc__die(cmd, "Unknown option %s%s", a, "");
                }
            }
            continue;
        }
        const char *o = a + 2;
        if (strcmp(o, "raw-output") == 0) C->raw = true;
        else if (strcmp(o, "join-output") == 0) C->raw = C->join = true;
        else if (strcmp(o, "ascii-output") == 0) C->flags |= JV_PRINT_ASCII;
        else if (strcmp(o, "compact-output") == 0) C->flags &= ~JV_PRINT_PRETTY;
        else if (strcmp(o, "null-input") == 0) C->null_in = true;
        else if (strcmp(o, "slurp") == 0) C->slurp = true;
        else if (strcmp(o, "exit-status") == 0) C->exit_status = true;
        else if (strcmp(o, "sort-keys") == 0) C->flags |= JV_PRINT_SORTED;
        else if (strcmp(o, "color-output") == 0) C->flags |= JV_PRINT_COLOR;
        else if (strcmp(o, "monochrome-output") == 0) C->flags &= ~JV_PRINT_COLOR;
        else if (strcmp(o, "raw-input") == 0) C->raw_in = true;
        else if (strcmp(o, "tab") == 0) { C->flags |= JV_PRINT_TAB; C->indent = 1; }
        else if (strcmp(o, "seq") == 0) C->seq = true;
        else if (strcmp(o, "stream") == 0) C->stream = true;
        else if (strcmp(o, "stream-errors") == 0) C->stream = C->stream_errors = true;
        else if (strcmp(o, "args") == 0) { args_mode = true; jsonargs_mode = false; }
        else if (strcmp(o, "jsonargs") == 0) { jsonargs_mode = true; args_mode = false; }
        else if (strcmp(o, "help") == 0) { bi_outs(cmd, jq_usage); return bi_done(cmd, 0); }
        else if (strcmp(o, "version") == 0) { bi_outs(cmd, "jq-1.6 " BI_VERSION_TEXT); return bi_done(cmd, 0); }
        else if (strcmp(o, "indent") == 0) {
            if (i + 1 >= cmd->argc)
                return jqc__die(cmd, "%s--indent takes one parameter%s", "", "");
            int n = atoi(cmd->argv[++i]);
            if (n < -1 || n > 7)
                return jqc__die(cmd, "%s--indent takes a number between -1 and 7%s", "", "");
            if (n < 0)
                n = 0;
            C->indent = n;
            C->flags &= ~JV_PRINT_TAB;
        } else if (strcmp(o, "arg") == 0 || strcmp(o, "argjson") == 0 ||
                   strcmp(o, "slurpfile") == 0 || strcmp(o, "rawfile") == 0) {
            if (i + 2 >= cmd->argc) {
                char ex[64];
                snprintf(ex, sizeof ex, "%s varname %s", a,
                         strcmp(o, "arg") == 0 ? "value" : strcmp(o, "argjson") == 0 ? "text" : "filename");
                return jqc__die(cmd, "%s takes two parameters (e.g. %s)", a, ex);
            }
            const char *name = cmd->argv[++i], *val = cmd->argv[++i];
            jv *v = NULL;
            if (strcmp(o, "arg") == 0) {
                v = jv_strz(J, val);
            } else if (strcmp(o, "argjson") == 0) {
                size_t pos = 0;
                char *err = NULL;
                if (jv_parse_next(J, val, strlen(val), &pos, &v, &err) != 1)
                    return jqc__die(cmd, "%sinvalid JSON text passed to --argjson%s", "", "");
            } else {
                int err;
                stream *s = bi_open_read(cmd, val, &err);
                char *data;
                size_t len;
                if (!s || bi_slurp(cmd, s, &data, &len) != 0) {
                    bi_err(cmd, "Bad JSON in %s %s %s: Could not open %s: %s", a, name, val, val,
                           vb_strerror(s ? VB_EIO : err));
                    stream_unref(s);
                    return 2;
                }
                stream_unref(s);
                if (strcmp(o, "rawfile") == 0) {
                    v = jv_str(J, data, len);
                } else {
                    v = jv_arr(J);
                    size_t pos = 0;
                    for (;;) {
                        jv *x;
                        char *err2 = NULL;
                        int r = jv_parse_next(J, data, len, &pos, &x, &err2);
                        if (r == 0)
                            break;
                        if (r < 0) {
                            bi_err(cmd, "Bad JSON in --slurpfile %s %s: %s", name, val, err2);
                            return 2;
                        }
                        v = jv_arr_push(J, v, x);
                    }
                }
            }
            J->varnames[J->nvars] = (char *)name;
            J->vars[J->nvars++] = v;
            J->named_args = jv_obj_set(J, J->named_args, jv_strz(J, name), jv_ref(v));
        } else {
            return jqc__die(cmd, "Unknown option %s%s", a, "");
        }
    }
    if (!have_filter) {
        /* jq: with no program and no terminal, the program is `.` (a
         * sandbox has no terminal) */
        filter = ".";
        have_filter = true;
    }

    /* $ENV */
    J->env = jv_obj(J);
    char **env = cmd->ops && cmd->ops->environ ? cmd->ops->environ(cmd->shell, cmd->heap) : NULL;
    for (char **e = env; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq)
            J->env = jv_obj_set(J, J->env, jv_str(J, *e, (size_t)(eq - *e)), jv_strz(J, eq + 1));
    }

    /* JQ_COLORS: up to 7 colours (digits and ';', 12 at most each) for
     * null:false:true:numbers:strings:arrays:objects; any bad field keeps
     * every default, with jq's warning */
    const jv *jc = jv_obj_get(J->env, "JQ_COLORS", 9);
    if (jc && jc->kind == JV_STRING) {
        const char *c = jc->u.str.s;
        char *set[7] = {0};
        bool ok = true;
        for (int i = 0; i < 7 && *c && ok; i++) {
            size_t n = strcspn(c, ":");
            if (strspn(c, "0123456789;") < n || n > 12)
                ok = false;
            else
                set[i] = mem_strndup(cmd->heap, c, n);
            c += n;
            if (*c == ':')
                c++;
        }
        if (ok)
            memcpy(J->colors, set, sizeof set);
        else
            bi_errw(cmd, "Failed to set $JQ_COLORS\n", 25);
    }

    char *err = NULL;
    jnode *prog = jq_compile(J, filter, strlen(filter), &err);
    if (!prog) {
        vbuf b;
        vbuf_init(&b, cmd->heap);
        vbuf_printf(&b, "jq: error: %s\njq: 1 compile error\n", err);
        bi_errw(cmd, b.data, b.len);
        vbuf_free(&b);
        return 3;
    }
    char *undef = jq_check_program(J, prog, filter, strlen(filter));
    if (undef) {
        bi_errw(cmd, undef, strlen(undef));
        return 3;
    }

    J->next_input = jqc__next_input;
    J->input_hook = C;

    int st = JQ_OK;
    if (C->null_in) {
        jv *n = jv_null(J);
        st = jq_run(J, prog, n, jqc__emit, C);
        jv_unref(J, n);
        jqc__report(C, st);
    } else if (C->slurp) {
        jv *all;
        if (C->raw_in) {
            vbuf b;
            vbuf_init(&b, cmd->heap);
            C->slurp_raw = true;
            while (jqc__open_next(C)) {
                vbuf_add(&b, C->data, C->len);
                C->data_open = false;
            }
            all = jv_str(J, vbuf_str(&b), b.len);
            vbuf_free(&b);
        } else {
            all = jv_arr(J);
            jv *v;
            int r;
            while ((r = jqc__next(C, &v)) != 0) {
                if (r < 0)
                    break;
                all = jv_arr_push(J, all, v);
            }
        }
        if (!C->parse_failed) {
            st = jq_run(J, prog, all, jqc__emit, C);
            jqc__report(C, st);
        }
        jv_unref(J, all);
    } else {
        jv *v;
        int r;
        while ((r = jqc__next(C, &v)) != 0) {
            if (r < 0)
                break;
            C->status = 0;
            st = jq_run(J, prog, v, jqc__emit, C);
            jv_unref(J, v);
            jqc__report(C, st);
            if (J->halted || bi_out_failed(cmd) || bi_cancelled(cmd))
                break;
        }
    }
    int status = C->status;
    if (status == 0 && C->file_err)
        status = 2;
    if (C->exit_status && status == 0) {
        if (!C->any_output)
            status = 4;
        else if (!jv_truthy(C->last))
            status = 1;
    }
    return bi_done(cmd, bi_cancelled(cmd) ? 130 : status);
}

