/*
 * vbash's interactive prompt: PS1/PS2 (bash's backslash escapes, expanded
 * by the session with ${PS1@P}, or here when the session cannot), GNU
 * readline line editing and history, multi-line commands (the parser says
 * when input ended inside a construct: PS2), Ctrl-C cancels the running
 * command (vb_cancel from the signal handler) or the line being typed
 * without ending the shell, Ctrl-D on an empty line exits. With tree-sitter
 * the line is highlighted as it is typed (keywords, strings, expansions,
 * comments, command names, operators).
 *
 * Without readline (VB_HAVE_READLINE undefined) lines are read plainly.
 * History lives in memory only: nothing is written to the host.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/mem.h"
#include "interp/parser.h"
#include "vbash/vbash.h"

#ifdef VB_HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif
#ifdef VB_HAVE_TREESITTER
#include <tree_sitter/api.h>
const TSLanguage *tree_sitter_bash(void);
#endif

static volatile sig_atomic_t ia_sigint;

static void ia_on_sigint(int sig)
{
    (void)sig;
    vb_session *s = cli_running;
    if (s)
        vb_cancel(s);
    else
        ia_sigint = 1;
}

/* ------------------------------------------------------------ prompt */

/* Runs a helper script with captured output; returns the stdout (malloc'd)
 * or NULL when the engine failed (the script's own status is ignored: the
 * prompt scripts end by restoring $?). */
static char *ia_capture_n(vb_session *s, const char *script, size_t *len)
{
    vb_exec_opts eo;
    vb_exec_opts_init(&eo);
    vb_result r;
    vb_status rc = vb_exec(s, script, strlen(script), &eo, &r);
    char *out = NULL;
    if (rc == VB_OK) {
        out = malloc(r.out.len + 1);
        if (out) {
            memcpy(out, r.out.data ? r.out.data : "", r.out.len);
            out[r.out.len] = '\0';
            if (len)
                *len = r.out.len;
        }
    }
    vb_result_free(&r);
    return out;
}

static char *ia_capture(vb_session *s, const char *script)
{
    return ia_capture_n(s, script, NULL);
}

/* A growing string for the prompt expander (malloc'd). */
typedef struct ia_str {
    char *p;
    size_t n, cap;
    bool failed;
} ia_str;

static void ia_put(ia_str *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = (b->n + n + 1) * 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            b->failed = true;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* A value substituted for an escape (\w, \u...): in quoted mode it is
 * protected from the expansions that follow, as bash does. */
static void ia_put_val(ia_str *b, const char *s, bool quote)
{
    for (; *s; s++) {
        if (quote && strchr("\\$`\"", *s))
            ia_put(b, "\\", 1);
        ia_put(b, s, 1);
    }
}

/* bash's prompt escapes, for sessions whose ${VAR@P} is not available.
 * quote: the result goes between double quotes for the session to run the
 * parameter expansion, command substitution and arithmetic of PS1. */
static char *ia_expand_escapes(const char *ps, const char *user, const char *host,
                               const char *pwd, const char *home, bool quote)
{
    ia_str b = {0};
    char tmp[256];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    ia_put(&b, "", 0);
    for (const char *p = ps; *p; p++) {
        if (*p != '\\' || !p[1]) {
            if (quote && *p == '"')
                ia_put(&b, "\\", 1);
            ia_put(&b, p, 1);
            continue;
        }
        p++;
        switch (*p) {
        case 'u': ia_put_val(&b, user, quote); break;
        case 'h':
            snprintf(tmp, sizeof tmp, "%.*s", (int)strcspn(host, "."), host);
            ia_put_val(&b, tmp, quote);
            break;
        case 'H': ia_put_val(&b, host, quote); break;
        case 'w': {
            size_t hl = strlen(home);
            if (hl > 1 && strncmp(pwd, home, hl) == 0 && (pwd[hl] == '/' || !pwd[hl])) {
                ia_put_val(&b, "~", quote);
                ia_put_val(&b, pwd + hl, quote);
            } else {
                ia_put_val(&b, pwd, quote);
            }
            break;
        }
        case 'W': {
            const char *sl = strrchr(pwd, '/');
            if (strcmp(pwd, home) == 0 && strlen(home) > 1)
                ia_put_val(&b, "~", quote);
            else
                ia_put_val(&b, sl && sl[1] ? sl + 1 : pwd, quote);
            break;
        }
        case '$': ia_put_val(&b, strcmp(user, "root") == 0 ? "#" : "$", quote); break;
        case 't': strftime(tmp, sizeof tmp, "%H:%M:%S", &tm); ia_put_val(&b, tmp, quote); break;
        case 'T': strftime(tmp, sizeof tmp, "%I:%M:%S", &tm); ia_put_val(&b, tmp, quote); break;
        case '@': strftime(tmp, sizeof tmp, "%I:%M %p", &tm); ia_put_val(&b, tmp, quote); break;
        case 'A': strftime(tmp, sizeof tmp, "%H:%M", &tm); ia_put_val(&b, tmp, quote); break;
        case 'd': strftime(tmp, sizeof tmp, "%a %b %d", &tm); ia_put_val(&b, tmp, quote); break;
        case 'n': ia_put(&b, "\n", 1); break;
        case 'r': ia_put(&b, "\r", 1); break;
        case 'a': ia_put(&b, "\a", 1); break;
        case 'e': ia_put(&b, "\033", 1); break;
        case 's': ia_put_val(&b, "vbash", quote); break;
        case 'v': case 'V': ia_put_val(&b, vb_version(), quote); break;
        case '[': ia_put(&b, "\001", 1); break;
        case ']': ia_put(&b, "\002", 1); break;
        case '\\': ia_put_val(&b, "\\", quote); break;
        default:
            ia_put(&b, p - 1, 2);
            break;
        }
    }
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* Whether the session expands prompt escapes itself (${VAR@P}). */
static bool ia_at_p;

static void ia_probe_at_p(vb_session *s)
{
    /* Both halves of bash's prompt expansion: escapes and promptvars. */
    char *p = ia_capture(s, "__vb_p='\\u|$((6*7))'; printf %s \"${__vb_p@P}\"; unset __vb_p");
    size_t n = p ? strlen(p) : 0;
    ia_at_p = n > 3 && strncmp(p, "\\u", 2) != 0 && strcmp(p + n - 3, "|42") == 0;
    free(p);
}

/* The expanded prompt (malloc'd, never NULL unless out of memory). The
 * helper script leaves $? as the last command left it. */
static char *ia_prompt(vb_session *s, const char *var, int last_status)
{
    char script[256];
    if (ia_at_p) {
        snprintf(script, sizeof script, "printf %%s \"${%s@P}\"; (exit %d)", var, last_status);
        char *p = ia_capture(s, script);
        if (p)
            return p;
    }
    snprintf(script, sizeof script,
             "printf '%%s\\0' \"${%s-}\" \"${USER-user}\" \"${HOSTNAME-vbash}\" \"${PWD-/}\" "
             "\"${HOME-}\"; (exit %d)",
             var, last_status);
    size_t rawlen = 0;
    char *raw = ia_capture_n(s, script, &rawlen);
    if (!raw)
        return strdup(strcmp(var, "PS1") == 0 ? "vbash$ " : "> ");
    /* Five NUL-terminated fields. */
    char *f[5] = {0};
    size_t off = 0;
    for (int i = 0; i < 5 && off < rawlen; i++) {
        f[i] = raw + off;
        off += strlen(raw + off) + 1;
    }
    char *esc = ia_expand_escapes(f[0] ? f[0] : "", f[1] ? f[1] : "", f[2] ? f[2] : "",
                                  f[3] ? f[3] : "/", f[4] ? f[4] : "", true);
    char *out = NULL;
    if (esc) {
        /* Then the expansions of PS1 (promptvars), by the session. */
        size_t sl = strlen(esc) + 64;
        char *sc = malloc(sl);
        if (sc) {
            snprintf(sc, sl, "printf %%s \"%s\"; (exit %d)", esc, last_status);
            out = ia_capture(s, sc);
            free(sc);
        }
        if (!out)
            out = ia_expand_escapes(f[0] ? f[0] : "", f[1] ? f[1] : "", f[2] ? f[2] : "",
                                    f[3] ? f[3] : "/", f[4] ? f[4] : "", false);
        free(esc);
    }
    free(raw);
    return out ? out : strdup("$ ");
}

/* ------------------------------------------------------------ completeness */

static void ia_warn(void *ctx, int line, const char *msg)
{
    (void)line;
    if (strstr(msg, "here-document"))
        *(bool *)ctx = true;
}

/* 1: the text is a complete command list; 0: it ended inside a construct,
 * inside a here-document, or after a line-continuing backslash; -1: a
 * syntax error, reported here as interactive bash does (nothing on the
 * line runs, the shell goes on). */
static int ia_complete(const char *text, size_t len)
{
    size_t bs = 0;
    for (size_t i = len >= 2 && text[len - 1] == '\n' ? len - 1 : len; i > 0 && text[i - 1] == '\\'; i--)
        bs++;
    if (bs % 2)
        return 0;
    mem_heap *h = mem_heap_new(64u << 20);
    if (!h)
        return 1;
    bool open_heredoc = false;
    parser_opts po;
    memset(&po, 0, sizeof po);
    po.warn = ia_warn;
    po.warn_ctx = &open_heredoc;
    ast_node *tree = NULL;
    parse_error err;
    memset(&err, 0, sizeof err);
    int rc = parse_all(h, text, len, &po, &tree, &err);
    int complete = !(rc < 0 && err.incomplete) && !open_heredoc;
    if (complete && rc < 0) {
        fprintf(stderr, "vbash: %s\n", err.msg ? err.msg : "syntax error");
        complete = -1;
    }
    mem_heap_destroy(h);
    return complete;
}

/* ------------------------------------------------------------ highlighting */

#if defined(VB_HAVE_READLINE) && defined(VB_HAVE_TREESITTER)

enum { HL_NONE, HL_KEYWORD, HL_STRING, HL_EXPANSION, HL_COMMENT, HL_COMMAND, HL_OPERATOR,
       HL_NUMBER };
static const char *const ia_colors[] = {
    [HL_NONE] = "\033[0m",       [HL_KEYWORD] = "\033[1;34m", [HL_STRING] = "\033[32m",
    [HL_EXPANSION] = "\033[36m", [HL_COMMENT] = "\033[90m",   [HL_COMMAND] = "\033[33m",
    [HL_OPERATOR] = "\033[35m",  [HL_NUMBER] = "\033[33m",
};

static TSParser *ia_ts;
/* Lines already entered of a multi-line command: parsed with the current
 * line so that a string or here-document spanning lines colours right.
 * Borrowed from the loop's state; set before each prompt. */
static const char *ia_hl_prefix;
static size_t ia_hl_prefix_len;

static int ia_kind(TSNode n)
{
    const char *t = ts_node_type(n);
    if (ts_node_is_named(n)) {
        if (strcmp(t, "comment") == 0)
            return HL_COMMENT;
        if (strcmp(t, "string") == 0 || strcmp(t, "raw_string") == 0 ||
            strcmp(t, "ansi_c_string") == 0 || strcmp(t, "heredoc_body") == 0 ||
            strcmp(t, "translated_string") == 0)
            return HL_STRING;
        if (strcmp(t, "simple_expansion") == 0 || strcmp(t, "expansion") == 0 ||
            strcmp(t, "command_substitution") == 0 || strcmp(t, "arithmetic_expansion") == 0)
            return HL_EXPANSION;
        if (strcmp(t, "command_name") == 0)
            return HL_COMMAND;
        if (strcmp(t, "number") == 0)
            return HL_NUMBER;
        if (strcmp(t, "file_descriptor") == 0)
            return HL_OPERATOR;
        return -1;
    }
    static const char *const kw[] = {"if", "then", "else", "elif", "fi", "for", "while",
                                     "until", "do", "done", "case", "esac", "in", "function",
                                     "select", "declare", "local", "export", "readonly",
                                     "typeset", "unset", "[[", "]]", "!", NULL};
    for (int i = 0; kw[i]; i++)
        if (strcmp(t, kw[i]) == 0)
            return HL_KEYWORD;
    static const char *const ops[] = {"|", "||", "&&", "&", ";", ";;", ">", ">>", "<", "<<",
                                      "<<<", "&>", "&>>", ">&", "<&", "|&", "<<-", NULL};
    for (int i = 0; ops[i]; i++)
        if (strcmp(t, ops[i]) == 0)
            return HL_OPERATOR;
    return -1;
}

static void ia_paint(TSNode n, unsigned char *color, uint32_t len, int depth)
{
    if (depth > 200)
        return;
    int k = ia_kind(n);
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    if (k >= 0)
        for (uint32_t i = a; i < b && i < len; i++)
            color[i] = (unsigned char)k;
    if (k == HL_COMMENT)
        return;
    uint32_t nc = ts_node_child_count(n);
    for (uint32_t i = 0; i < nc; i++)
        ia_paint(ts_node_child(n, i), color, len, depth + 1);
}

/* Width on screen of a prompt's last line (without \001..\002 parts). */
static const char *ia_prompt_last_line(const char *p) { const char *nl = strrchr(p, '\n'); return nl ? nl + 1 : p; }

static size_t ia_width(const char *s, size_t n)
{
    size_t w = 0;
    bool hidden = false;
    for (size_t i = 0; i < n && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\001') { hidden = true; continue; }
        if (c == '\002') { hidden = false; continue; }
        if (hidden || (c & 0xC0) == 0x80)
            continue;
        w++;
    }
    return w;
}

static void ia_redisplay_plain(void)
{
    rl_voidfunc_t *saved = rl_redisplay_function;
    rl_redisplay_function = rl_redisplay;
    rl_forced_update_display();
    rl_redisplay_function = saved;
}

static bool ia_painted_last;

static void ia_redisplay(void)
{
    const char *prompt = rl_display_prompt ? rl_display_prompt : "";
    const char *last = ia_prompt_last_line(prompt);
    struct winsize ws;
    int cols = ioctl(fileno(rl_outstream), TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
    size_t len = (size_t)rl_end;
    size_t pw = ia_width(last, strlen(last));
    if (!ia_ts || memchr(rl_line_buffer, '\n', len) || pw + ia_width(rl_line_buffer, len) + 1 >= (size_t)cols) {
        if (ia_painted_last) {
            ia_painted_last = false;
            ia_redisplay_plain();
        } else {
            rl_redisplay();
        }
        return;
    }
    size_t plen = ia_hl_prefix ? ia_hl_prefix_len : 0, all = plen + len;
    unsigned char *color = calloc(all + 1, 1);
    char *text = malloc(all + 1);
    if (!color || !text || all > UINT32_MAX) {
        free(color);
        free(text);
        rl_redisplay();
        return;
    }
    if (plen)
        memcpy(text, ia_hl_prefix, plen);
    memcpy(text + plen, rl_line_buffer, len);
    text[all] = '\0';
    TSTree *tree = ts_parser_parse_string(ia_ts, NULL, text, (uint32_t)all);
    if (tree) {
        ia_paint(ts_tree_root_node(tree), color, (uint32_t)all, 0);
        ts_tree_delete(tree);
    }
    free(text);
    memmove(color, color + plen, len);
    FILE *o = rl_outstream;
    fputc('\r', o);
    for (const char *p = last; *p; p++)
        if (*p != '\001' && *p != '\002')
            fputc(*p, o);
    int cur = HL_NONE;
    for (size_t i = 0; i < len; i++) {
        if (color[i] != cur) {
            cur = color[i];
            fputs(ia_colors[cur], o);
        }
        fputc(rl_line_buffer[i], o);
    }
    fputs("\033[0m\033[K\r", o);
    size_t col = pw + ia_width(rl_line_buffer, (size_t)rl_point);
    if (col)
        fprintf(o, "\033[%zuC", col);
    fflush(o);
    free(color);
    ia_painted_last = true;
}

static void ia_highlight_init(void)
{
    const char *term = getenv("TERM");
    if (!isatty(fileno(rl_outstream)) || (term && strcmp(term, "dumb") == 0) || getenv("NO_COLOR"))
        return;
    ia_ts = ts_parser_new();
    if (ia_ts && !ts_parser_set_language(ia_ts, tree_sitter_bash())) {
        ts_parser_delete(ia_ts);
        ia_ts = NULL;
    }
    if (ia_ts)
        rl_redisplay_function = ia_redisplay;
}

static void ia_highlight_done(void)
{
    if (ia_ts)
        ts_parser_delete(ia_ts);
    ia_ts = NULL;
}

#elif defined(VB_HAVE_READLINE)
static void ia_highlight_init(void) {}
static void ia_highlight_done(void) {}
#endif

/* ------------------------------------------------------------ the loop */

typedef struct ia_state {
    vb_session *s;
    char *buf;          /* lines of the command being entered (malloc'd) */
    size_t len, cap;
    int status;         /* $? of the last command */
    bool done;
    int exit_status;
} ia_state;

static bool ia_append(ia_state *st, const char *line)
{
    size_t l = strlen(line);
    if (st->len + l + 2 > st->cap) {
        size_t nc = (st->len + l + 2) * 2;
        char *nb = realloc(st->buf, nc);
        if (!nb)
            return false;
        st->buf = nb;
        st->cap = nc;
    }
    memcpy(st->buf + st->len, line, l);
    st->len += l;
    st->buf[st->len++] = '\n';
    st->buf[st->len] = '\0';
    return true;
}

static void ia_run(ia_state *st)
{
    vb_exec_opts eo;
    vb_exec_opts_init(&eo);
    eo.stdin_fd = 0;
    eo.stdout_fd = 1;
    eo.stderr_fd = 2;
    eo.flags = VB_EXEC_INTERACTIVE;
    vb_result r;
    cli_running = st->s;
    vb_status rc = vb_exec(st->s, st->buf, st->len, &eo, &r);
    cli_running = NULL;
    if (rc != VB_OK) {
        fprintf(stderr, "vbash: %s\n", vb_session_error(st->s));
        st->status = 1;
    } else {
        st->status = r.exit_status;
        if (r.limit == VB_LIMIT_CANCELLED)
            fputc('\n', stderr);
        if (r.exited) {
            st->done = true;
            st->exit_status = r.exit_status;
            fputs("exit\n", stderr);
        }
    }
    vb_result_free(&r);
    st->len = 0;
    if (st->buf)
        st->buf[0] = '\0';
}

/* A line arrived (NULL: end of input). Returns true when a command is
 * complete and should run now. */
static bool ia_line(ia_state *st, const char *line)
{
    if (!line) {
        if (st->len) {
            fputs("vbash: syntax error: unexpected end of file\n", stderr);
            st->len = 0;
            st->status = 2;
            return false;
        }
        fputs("exit\n", stderr);
        st->done = true;
        st->exit_status = st->status;
        return false;
    }
    if (!ia_append(st, line)) {
        fputs("vbash: out of memory\n", stderr);
        st->len = 0;
        return false;
    }
    int c = ia_complete(st->buf, st->len);
    if (c < 0) {
        st->len = 0;
        st->status = 2;
        return false;
    }
    return c == 1;
}

#ifdef VB_HAVE_READLINE
static ia_state *ia_cur;

/* Tab completion from the sandbox, never from the host: command names in
 * command position, else file names of the VFS (directories get a '/'),
 * both from the session's compgen. */
static char **ia_matches;
static size_t ia_nmatches;

static char *ia_complete_next(const char *text, int state)
{
    (void)text;
    static size_t i;
    if (!state)
        i = 0;
    return i < ia_nmatches ? strdup(ia_matches[i++]) : NULL;
}

static char **ia_attempt_completion(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1;
    bool cmd = true;
    for (int i = start - 1; i >= 0; i--) {
        char c = rl_line_buffer[i];
        if (c == ' ' || c == '\t')
            continue;
        cmd = strchr(";|&(`{!", c) != NULL;
        break;
    }
    /* The word, single-quoted for the helper script. */
    size_t tl = strlen(text);
    char *q = malloc(tl * 4 + 3);
    if (!q)
        return NULL;
    size_t n = 0;
    q[n++] = '\'';
    for (size_t i = 0; i < tl; i++) {
        if (text[i] == '\'') {
            memcpy(q + n, "'\\''", 4);
            n += 4;
        } else {
            q[n++] = text[i];
        }
    }
    q[n++] = '\'';
    q[n] = '\0';
    size_t sl = n + 256;
    char *script = malloc(sl);
    if (!script) {
        free(q);
        return NULL;
    }
    if (cmd)
        snprintf(script, sl, "compgen -c -- %s 2>/dev/null | sort -u; (exit %d)", q,
                 ia_cur ? ia_cur->status : 0);
    else
        snprintf(script, sl,
                 "compgen -f -- %s 2>/dev/null | while IFS= read -r __vb_f; do "
                 "if [ -d \"$__vb_f\" ]; then printf '%%s/\\n' \"$__vb_f\"; "
                 "else printf '%%s\\n' \"$__vb_f\"; fi; done; unset __vb_f; (exit %d)",
                 q, ia_cur ? ia_cur->status : 0);
    free(q);
    char *out = ia_capture(ia_cur->s, script);
    free(script);
    if (!out)
        return NULL;
    size_t cap = 16;
    ia_nmatches = 0;
    ia_matches = malloc(cap * sizeof *ia_matches);
    for (char *line = out; ia_matches && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (*line) {
            if (ia_nmatches == cap) {
                char **nm = realloc(ia_matches, cap * 2 * sizeof *nm);
                if (!nm)
                    break;
                ia_matches = nm;
                cap *= 2;
            }
            ia_matches[ia_nmatches++] = line;
        }
        if (!nl)
            break;
        line = nl + 1;
    }
    char **res = NULL;
    if (ia_matches && ia_nmatches) {
        /* A single directory goes on without a space after its '/'. */
        rl_completion_suppress_append =
            ia_nmatches == 1 && ia_matches[0][strlen(ia_matches[0]) - 1] == '/';
        res = rl_completion_matches(text, ia_complete_next);
    }
    free(ia_matches);
    ia_matches = NULL;
    ia_nmatches = 0;
    free(out);
    return res;
}

static bool ia_have_line;
static char *ia_pending;
static bool ia_eof;

static void ia_rl_handler(char *line)
{
    ia_have_line = true;
    ia_eof = line == NULL;
    ia_pending = line;
    /* Removing the handler here keeps readline from showing the next
     * prompt before the command has run. */
    rl_callback_handler_remove();
#ifdef VB_HAVE_TREESITTER
    /* readline's own end-of-line newline relies on its display state,
     * which the highlighting painter bypassed. */
    if (line && ia_painted_last) {
        fputc('\n', rl_outstream);
        fflush(rl_outstream);
    }
    ia_painted_last = false;
#endif
}

static void ia_install(ia_state *st)
{
#ifdef VB_HAVE_TREESITTER
    ia_hl_prefix = st->len ? st->buf : NULL;
    ia_hl_prefix_len = st->len;
#endif
    char *p = ia_prompt(st->s, st->len ? "PS2" : "PS1", st->status);
    rl_callback_handler_install(p ? p : "$ ", ia_rl_handler);
    free(p);
}

static int ia_loop_readline(ia_state *st)
{
    ia_cur = st;
    rl_readline_name = "vbash";
    rl_outstream = stderr;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
    rl_attempted_completion_function = ia_attempt_completion;
    using_history();
    ia_highlight_init();
    ia_install(st);
    while (!st->done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fileno(rl_instream ? rl_instream : stdin), &fds);
        int r = select(fileno(rl_instream ? rl_instream : stdin) + 1, &fds, NULL, NULL, NULL);
        if (ia_sigint) {
            ia_sigint = 0;
            /* Ctrl-C while typing: drop the line (and a pending multi-line
             * command), new prompt, $? = 130. */
            fputs("^C", rl_outstream);
            rl_replace_line("", 0);
            rl_crlf();
            st->len = 0;
            st->status = 130;
            rl_callback_handler_remove();
            ia_install(st);
            continue;
        }
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        rl_callback_read_char();
        if (!ia_have_line)
            continue;
        ia_have_line = false;
        char *line = ia_pending;
        ia_pending = NULL;
        bool run = ia_line(st, ia_eof ? NULL : line);
        free(line);
        if (st->done)
            break;
        if (run) {
            /* History keeps the command without its final newline. */
            if (st->len > 1) {
                st->buf[st->len - 1] = '\0';
                if (strspn(st->buf, " \t\n") != st->len - 1)
                    add_history(st->buf);
                st->buf[st->len - 1] = '\n';
            }
            ia_run(st);
            if (st->done)
                break;
        }
        ia_install(st);
    }
    rl_callback_handler_remove();
    ia_highlight_done();
    return st->exit_status;
}
#endif

static int ia_loop_plain(ia_state *st)
{
    char *line = NULL;
    size_t cap = 0;
    while (!st->done) {
        char *p = ia_prompt(st->s, st->len ? "PS2" : "PS1", st->status);
        fputs(p ? p : "$ ", stderr);
        fflush(stderr);
        free(p);
        errno = 0;
        ssize_t n = getline(&line, &cap, stdin);
        if (n < 0 && errno == EINTR && ia_sigint) {
            ia_sigint = 0;
            clearerr(stdin);
            fputc('\n', stderr);
            st->len = 0;
            st->status = 130;
            continue;
        }
        if (n > 0 && line[n - 1] == '\n')
            line[n - 1] = '\0';
        if (ia_line(st, n < 0 ? NULL : line))
            ia_run(st);
    }
    free(line);
    return st->exit_status;
}

int cli_interactive(vb_session *s)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ia_on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);   /* no SA_RESTART: select/read see EINTR */
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);

    /* bash's built-in default PS1 (\s-\v\$) says little in a sandbox:
     * show who and where instead, unless PS1 was set otherwise. */
    static const char init[] =
        "if [ -z \"${PS1+x}\" ] || [ \"$PS1\" = '\\s-\\v\\$ ' ]; then PS1='\\u@\\h:\\w\\$ '; fi; "
        "if [ -z \"${PS2+x}\" ]; then PS2='> '; fi";
    char *ignored = ia_capture(s, init);
    free(ignored);
    ia_probe_at_p(s);

    ia_state st = {.s = s};
    int status;
#ifdef VB_HAVE_READLINE
    status = ia_loop_readline(&st);
#else
    status = ia_loop_plain(&st);
#endif
    (void)ia_loop_plain;
    free(st.buf);
    return status;
}
