/*
 * curl: transfer a URL, through the session's network policy (net/).
 *
 * Options: -s -S -f --fail-with-body -L --max-redirs -o -O --create-dirs -I
 * -i -D -X -H (@file) -A -e -d --data-ascii --data-raw --data-binary
 * --data-urlencode (@file) -F --form-string --json -u -b -c -w (@file, %{...}
 * and %header{...}) -m --connect-timeout --retry --retry-delay -v -G -T
 * --compressed -k --url -q --no-progress-meter -# --http1.0 --http1.1.
 * Files (-o, -d @f, -F @f, -T, -b, -c, -D, -w @f) are VFS files.
 * Reference: curl 7.88.1 (same libcurl), exit codes and messages as curl's.
 * Deviations: no progress meter; only http and https (exit 1 for others);
 * -J is not supported; options never take "--opt=value"; a denial by the
 * policy exits 56 with "curl: (56) vbash: egress to HOST denied by rule R"
 * (the connect guard exits 7), and without a policy curl exits 7.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "builtins/lib/bi.h"
#include "net/curl_dl.h"
#include "net/net_int.h"

VB_BUILTIN("curl", bi_curl, BI_UTIL)
int bi_curl(vb_cmd *cmd);

static const char curl_help[] =
    "Usage: curl [options...] <url>\n"
    " -d, --data <data>          HTTP POST data\n"
    " -f, --fail                 Fail fast with no output on HTTP errors\n"
    " -h, --help <category>      Get help for commands\n"
    " -i, --include              Include protocol response headers in the output\n"
    " -o, --output <file>        Write to file instead of stdout\n"
    " -O, --remote-name          Write output to a file named as the remote file\n"
    " -s, --silent               Silent mode\n"
    " -T, --upload-file <file>   Transfer local FILE to destination\n"
    " -u, --user <user:password> Server user and password\n"
    " -A, --user-agent <name>    Send User-Agent <name> to server\n"
    " -v, --verbose              Make the operation more talkative\n"
    " -V, --version              Show version number and quit\n"
    "\n"
    "This is not the full help, this menu is stripped into categories.\n"
    "Use \"--help category\" to get an overview of all categories.\n"
    "For all options use the manual or \"--help all\".\n";

enum {
    CO_FAIL_BODY = 256, CO_MAX_REDIRS, CO_DATA_RAW, CO_DATA_BIN, CO_DATA_URLENC, CO_DATA_ASCII,
    CO_JSON, CO_CONNECT_TIMEOUT, CO_RETRY, CO_RETRY_DELAY, CO_COMPRESSED, CO_URL,
    CO_NO_PROGRESS, CO_FORM_STRING, CO_CREATE_DIRS, CO_HTTP10, CO_HTTP11, CO_RETRY_MAX_TIME,
    CO_REMOTE_NAME_ALL, CO_PROGRESS_BAR, CO_NO_BUFFER, CO_PATH_AS_IS,
};

static const bi_longopt curl_longs[] = {
    {"silent", 0, 's'}, {"show-error", 0, 'S'}, {"fail", 0, 'f'},
    {"fail-with-body", 0, CO_FAIL_BODY}, {"location", 0, 'L'}, {"max-redirs", 1, CO_MAX_REDIRS},
    {"output", 1, 'o'}, {"remote-name", 0, 'O'}, {"head", 0, 'I'}, {"include", 0, 'i'},
    {"dump-header", 1, 'D'}, {"request", 1, 'X'}, {"header", 1, 'H'}, {"user-agent", 1, 'A'},
    {"referer", 1, 'e'}, {"data", 1, 'd'}, {"data-ascii", 1, CO_DATA_ASCII},
    {"data-raw", 1, CO_DATA_RAW}, {"data-binary", 1, CO_DATA_BIN},
    {"data-urlencode", 1, CO_DATA_URLENC}, {"form", 1, 'F'}, {"form-string", 1, CO_FORM_STRING},
    {"json", 1, CO_JSON}, {"user", 1, 'u'}, {"cookie", 1, 'b'}, {"cookie-jar", 1, 'c'},
    {"write-out", 1, 'w'}, {"max-time", 1, 'm'}, {"connect-timeout", 1, CO_CONNECT_TIMEOUT},
    {"retry", 1, CO_RETRY}, {"retry-delay", 1, CO_RETRY_DELAY},
    {"retry-max-time", 1, CO_RETRY_MAX_TIME}, {"verbose", 0, 'v'}, {"get", 0, 'G'},
    {"upload-file", 1, 'T'}, {"compressed", 0, CO_COMPRESSED}, {"insecure", 0, 'k'},
    {"url", 1, CO_URL}, {"no-progress-meter", 0, CO_NO_PROGRESS}, {"progress-bar", 0, '#'},
    {"create-dirs", 0, CO_CREATE_DIRS}, {"http1.0", 0, CO_HTTP10}, {"http1.1", 0, CO_HTTP11},
    {"remote-name-all", 0, CO_REMOTE_NAME_ALL}, {"no-buffer", 0, 'N'},
    {"path-as-is", 0, CO_PATH_AS_IS}, {"help", 0, 'h'}, {"version", 0, 'V'},
    {"remote-header-name", 0, 'J'}, {0},
};

static const char curl_shorts[] = "sSfLo:OIiD:X:H:A:e:d:F:u:b:c:w:m:vGT:kq#NhVJ";

typedef struct curl_vec {
    char **v;
    size_t n, cap;
} curl_vec;

typedef struct curl_cfg {
    vb_cmd *cmd;
    bool silent, show_error, fail, fail_body, location, include, head, verbose, get;
    bool compressed, insecure, create_dirs, remote_name_all;
    long max_redirs;
    const char *method;
    curl_vec headers;
    const char *ua, *referer, *userpwd, *cookie_arg, *cookie_jar, *writeout, *dump_header;
    vbuf data;
    bool has_data, json;
    net_form_part *parts;
    size_t n_parts, cap_parts;
    const char *upload;
    double max_time, connect_timeout, retry_delay;
    long retry;
    curl_vec urls, outs;  /* outs: NULL entries for -O */
    size_t n_remote;      /* -O seen so far */
} curl_cfg;

static int curl__push(vb_cmd *cmd, curl_vec *v, char *s)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 8;
        char **nv = mem_realloc(cmd->heap, v->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        v->v = nv;
        v->cap = nc;
    }
    v->v[v->n++] = s;
    return 0;
}

/* "curl: MSG\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2 */
static int curl__usage(vb_cmd *cmd, const char *fmt, const char *a)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_adds(&b, "curl: ");
    vbuf_printf(&b, fmt, a);
    vbuf_adds(&b, "\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    bi_errw(cmd, b.data, b.len);
    return 2;
}

/* Reads a VFS file (or "-" = stdin) whole. 0 or a negative errno. */
static int curl__slurp(vb_cmd *cmd, const char *name, char **data, size_t *len)
{
    int err;
    stream *s = bi_open_read(cmd, name, &err);
    if (!s)
        return err;
    int rc = bi_slurp(cmd, s, data, len);
    stream_unref(s);
    return rc;
}

static void curl__err(curl_cfg *c, int code, const char *msg)
{
    if (!c->silent || c->show_error)
        bi_err(c->cmd, "(%d) %s", code, msg);
}

/* %XX-encodes like curl's --data-urlencode (space as '+'). */
static void curl__urlencode(vbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~')
            vbuf_addc(b, (char)ch);
        else if (ch == ' ')
            vbuf_addc(b, '+');
        else
            vbuf_printf(b, "%%%02X", ch);
    }
}

/* Adds one -d style piece; 0, or a curl exit code after a message. */
static int curl__add_data(curl_cfg *c, int kind, const char *arg)
{
    vb_cmd *cmd = c->cmd;
    char *content = NULL;
    size_t clen = 0;
    vbuf piece;
    vbuf_init(&piece, cmd->heap);
    if (kind == CO_DATA_URLENC) {
        const char *eq = strchr(arg, '=');
        const char *at = strchr(arg, '@');
        if (at && (!eq || at < eq)) {
            /* [name]@file */
            if (at > arg) {
                vbuf_add(&piece, arg, (size_t)(at - arg));
                vbuf_addc(&piece, '=');
            }
            int rc = curl__slurp(cmd, at + 1, &content, &clen);
            if (rc < 0) {
                bi_err(cmd, "Failed to open %s", at + 1);
                return 26;
            }
            curl__urlencode(&piece, content, clen);
        } else if (eq) {
            if (eq > arg) {
                vbuf_add(&piece, arg, (size_t)(eq - arg) + 1);
            }
            curl__urlencode(&piece, eq + 1, strlen(eq + 1));
        } else {
            curl__urlencode(&piece, arg, strlen(arg));
        }
    } else if (kind != CO_DATA_RAW && arg[0] == '@') {
        int rc = curl__slurp(cmd, arg + 1, &content, &clen);
        if (rc < 0) {
            bi_err(cmd, "Failed to open %s", arg + 1);
            return 26;
        }
        if (kind == 'd' || kind == CO_DATA_ASCII) {
            /* -d @file drops carriage returns and newlines */
            for (size_t i = 0; i < clen; i++)
                if (content[i] != '\r' && content[i] != '\n')
                    vbuf_addc(&piece, content[i]);
        } else {
            vbuf_add(&piece, content, clen);
        }
    } else {
        vbuf_adds(&piece, arg);
    }
    if (c->has_data && !c->json)
        vbuf_addc(&c->data, '&');
    vbuf_add(&c->data, piece.data ? piece.data : "", piece.len);
    c->has_data = true;
    return 0;
}

/* -F name=value | name=@file[;type=..][;filename=..] | name=<file */
static int curl__add_form(curl_cfg *c, const char *arg, bool literal)
{
    vb_cmd *cmd = c->cmd;
    const char *eq = strchr(arg, '=');
    if (!eq) {
        bi_err(cmd, "Illegally formatted input field");
        return 26;
    }
    if (c->n_parts == c->cap_parts) {
        size_t nc = c->cap_parts ? c->cap_parts * 2 : 4;
        net_form_part *np = mem_realloc(cmd->heap, c->parts, nc * sizeof *np);
        if (!np)
            return 27;
        c->parts = np;
        c->cap_parts = nc;
    }
    net_form_part *fp = &c->parts[c->n_parts];
    memset(fp, 0, sizeof *fp);
    fp->name = mem_strndup(cmd->heap, arg, (size_t)(eq - arg));
    const char *v = eq + 1;
    if (literal) {
        fp->data = v;
        fp->len = strlen(v);
        c->n_parts++;
        return 0;
    }
    char *val = mem_strdup(cmd->heap, v);
    /* ;type= and ;filename= suffixes */
    char *semi = val[0] == '@' || val[0] == '<' ? strchr(val, ';') : NULL;
    const char *type = NULL, *fname = NULL;
    while (semi) {
        *semi = 0;
        char *p = semi + 1;
        char *next = strchr(p, ';');
        if (next)
            *next = 0;
        if (strncmp(p, "type=", 5) == 0)
            type = p + 5;
        else if (strncmp(p, "filename=", 9) == 0)
            fname = p + 9;
        semi = next;
    }
    if (val[0] == '@' || val[0] == '<') {
        char *content;
        size_t clen;
        if (curl__slurp(cmd, val + 1, &content, &clen) < 0) {
            bi_err(cmd, "(26) Failed to open/read local data from file/application");
            return -26;
        }
        fp->data = content;
        fp->len = clen;
        if (val[0] == '@') {
            const char *base = strrchr(val + 1, '/');
            fp->filename = fname ? fname : base ? base + 1 : val + 1;
            if (strcmp(val + 1, "-") == 0 && !fname)
                fp->filename = "-";
        } else if (fname) {
            fp->filename = fname;
        }
        fp->type = type;
    } else {
        fp->data = val;
        fp->len = strlen(val);
    }
    c->n_parts++;
    return 0;
}

static bool curl__num(const char *s, double *out)
{
    char *end;
    if (!*s)
        return false;
    double d = strtod(s, &end);
    if (*end || d < 0 || isnan(d))
        return false;
    *out = d;
    return true;
}

static bool curl__long(const char *s, long *out)
{
    char *end;
    if (!*s)
        return false;
    long v = strtol(s, &end, 10);
    if (*end)
        return false;
    *out = v;
    return true;
}

/* ------------------------------------------------------------ output */

typedef struct curl_out {
    curl_cfg *c;
    vb_cmd *cmd;
    stream *file;       /* -o FILE; NULL = stdout */
    const char *fname;  /* for messages / filename_effective */
    bool opened;
    int open_err;
    stream *dump;       /* -D FILE, NULL = none; dump_stdout for "-" */
    bool dump_stdout;
    bool verbose_data;  /* last verbose record was a data line */
    int write_err;
    uint64_t written;
} curl_out;

static int curl__open_out(curl_out *o)
{
    if (o->opened || !o->fname)
        return o->open_err;
    o->opened = true;
    int err;
    if (o->c->create_dirs) {
        char *p = bi_path(o->cmd, o->fname);
        for (char *s = p ? strchr(p + 1, '/') : NULL; s; s = strchr(s + 1, '/')) {
            *s = 0;
            vfs_mkdir(o->cmd->vfs, p, 0755);
            *s = '/';
        }
    }
    o->file = bi_open_write(o->cmd, o->fname, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
    if (!o->file)
        o->open_err = err ? err : VB_EIO;
    return o->open_err;
}

static int curl__write(curl_out *o, const char *d, size_t n)
{
    if (o->fname) {
        if (curl__open_out(o) < 0)
            return -1;
        ssize_t w = stream_write(o->file, d, n);
        if (w < 0) {
            o->write_err = (int)w;
            return -1;
        }
    } else if (bi_out(o->cmd, d, n) < 0) {
        o->write_err = VB_EPIPE;
        return -1;
    }
    o->written += n;
    return 0;
}

static int curl__on_header(void *ctx, const char *d, size_t n)
{
    curl_out *o = ctx;
    if (o->dump) {
        if (stream_write(o->dump, d, n) < 0)
            return -1;
    } else if (o->dump_stdout) {
        if (bi_out(o->cmd, d, n) < 0)
            return -1;
    }
    if (o->c->include || o->c->head)
        return curl__write(o, d, n);
    return 0;
}

static int curl__on_body(void *ctx, const char *d, size_t n)
{
    curl_out *o = ctx;
    if (o->c->head)
        return 0;
    return curl__write(o, d, n);
}

static void curl__on_verbose(void *ctx, char kind, const char *d, size_t n)
{
    curl_out *o = ctx;
    vb_cmd *cmd = o->cmd;
    char pre[2] = {kind, ' '};
    if (kind == '{' || kind == '}') {
        /* one "[N bytes data]" line per run of data, as the curl tool */
        if (o->verbose_data)
            return;
        o->verbose_data = true;
    } else {
        o->verbose_data = false;
    }
    bi_flush(cmd);
    stream_write(cmd->err, pre, 2);
    stream_write(cmd->err, d, n);
}

/* ------------------------------------------------------------ -w */

static void curl__wnum(vbuf *b, double secs)
{
    vbuf_printf(b, "%.6f", secs);
}

static const char *curl__http_version(long v)
{
    switch (v) {
    case CURL_HTTP_VERSION_1_0: return "1";
    case CURL_HTTP_VERSION_1_1: return "1.1";
    case CURL_HTTP_VERSION_2_0: return "2";
    case CURL_HTTP_VERSION_3: return "3";
    default: return "0";
    }
}

/* Expands one -w format after a transfer. Writes to stdout/stderr as the
 * %{stdout}/%{stderr} switches say. */
static void curl__writeout(curl_cfg *c, const char *fmt, const net_resp *r, const char *url,
                           int code, const char *errmsg, curl_out *o)
{
    vb_cmd *cmd = c->cmd;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    bool to_err = false;
    for (const char *s = fmt; *s;) {
        if (s[0] == '%' && s[1] == '%') {
            vbuf_addc(&b, '%');
            s += 2;
        } else if (s[0] == '%' && s[1] == '{') {
            const char *end = strchr(s + 2, '}');
            if (!end) {
                vbuf_adds(&b, s);
                break;
            }
            char name[64];
            size_t nl = (size_t)(end - s - 2);
            snprintf(name, sizeof name, "%.*s", (int)(nl < 63 ? nl : 63), s + 2);
            s = end + 1;
            if (strcmp(name, "http_code") == 0 || strcmp(name, "response_code") == 0)
                vbuf_printf(&b, "%03ld", r->status);
            else if (strcmp(name, "url_effective") == 0)
                vbuf_adds(&b, r->effective_url ? r->effective_url : url);
            else if (strcmp(name, "url") == 0)
                vbuf_adds(&b, url);
            else if (strcmp(name, "num_redirects") == 0)
                vbuf_printf(&b, "%ld", r->num_redirects);
            else if (strcmp(name, "num_connects") == 0)
                vbuf_printf(&b, "%ld", r->num_connects);
            else if (strcmp(name, "content_type") == 0)
                vbuf_adds(&b, r->content_type ? r->content_type : "");
            else if (strcmp(name, "redirect_url") == 0)
                vbuf_adds(&b, r->redirect_url ? r->redirect_url : "");
            else if (strcmp(name, "size_download") == 0)
                vbuf_printf(&b, "%llu", (unsigned long long)r->size_download);
            else if (strcmp(name, "size_upload") == 0)
                vbuf_printf(&b, "%llu", (unsigned long long)r->size_upload);
            else if (strcmp(name, "size_header") == 0)
                vbuf_printf(&b, "%llu", (unsigned long long)r->size_header);
            else if (strcmp(name, "size_request") == 0)
                vbuf_printf(&b, "%llu", (unsigned long long)r->size_request);
            else if (strcmp(name, "speed_download") == 0)
                vbuf_printf(&b, "%llu", (unsigned long long)(r->time_total > 0
                                    ? (double)r->size_download / r->time_total : 0));
            else if (strcmp(name, "speed_upload") == 0)
                vbuf_printf(&b, "%llu", (unsigned long long)(r->time_total > 0
                                    ? (double)r->size_upload / r->time_total : 0));
            else if (strcmp(name, "time_total") == 0)
                curl__wnum(&b, r->time_total);
            else if (strcmp(name, "time_connect") == 0)
                curl__wnum(&b, r->time_connect);
            else if (strcmp(name, "time_namelookup") == 0)
                curl__wnum(&b, r->time_namelookup);
            else if (strcmp(name, "time_appconnect") == 0)
                curl__wnum(&b, r->time_appconnect);
            else if (strcmp(name, "time_pretransfer") == 0)
                curl__wnum(&b, r->time_pretransfer);
            else if (strcmp(name, "time_starttransfer") == 0)
                curl__wnum(&b, r->time_starttransfer);
            else if (strcmp(name, "time_redirect") == 0)
                curl__wnum(&b, r->time_redirect);
            else if (strcmp(name, "remote_ip") == 0)
                vbuf_adds(&b, r->remote_ip);
            else if (strcmp(name, "remote_port") == 0)
                vbuf_printf(&b, "%ld", r->remote_port);
            else if (strcmp(name, "local_ip") == 0)
                vbuf_adds(&b, r->local_ip);
            else if (strcmp(name, "local_port") == 0)
                vbuf_printf(&b, "%ld", r->local_port);
            else if (strcmp(name, "http_version") == 0)
                vbuf_adds(&b, curl__http_version(r->http_version));
            else if (strcmp(name, "method") == 0)
                vbuf_adds(&b, r->method ? r->method : "GET");
            else if (strcmp(name, "scheme") == 0) {
                for (const char *p = r->scheme ? r->scheme : ""; *p; p++)
                    vbuf_addc(&b, (char)toupper((unsigned char)*p));
            } else if (strcmp(name, "exitcode") == 0)
                vbuf_printf(&b, "%d", code);
            else if (strcmp(name, "errormsg") == 0)
                vbuf_adds(&b, code ? errmsg : "");
            else if (strcmp(name, "filename_effective") == 0)
                vbuf_adds(&b, o->fname ? o->fname : "");
            else if (strcmp(name, "http_connect") == 0)
                vbuf_adds(&b, "000");
            else if (strcmp(name, "ssl_verify_result") == 0)
                vbuf_adds(&b, "0");
            else if (strcmp(name, "onerror") == 0) {
                if (!code)
                    break;
            } else if (strcmp(name, "stdout") == 0 || strcmp(name, "stderr") == 0) {
                bool e = name[3] == 'e';
                if (b.len) {
                    if (to_err)
                        bi_errw(cmd, b.data, b.len);
                    else
                        bi_out(cmd, b.data, b.len);
                    vbuf_clear(&b);
                }
                to_err = e;
            } else {
                vbuf eb;
                vbuf_init(&eb, cmd->heap);
                vbuf_printf(&eb, "curl: unknown --write-out variable: '%s'\n", name);
                bi_errw(cmd, eb.data, eb.len);
            }
        } else if (s[0] == '%' && strncmp(s, "%header{", 8) == 0) {
            const char *end = strchr(s + 8, '}');
            if (!end) {
                vbuf_adds(&b, s);
                break;
            }
            size_t hl = (size_t)(end - s - 8);
            for (size_t i = 0; i < r->n_hdrs; i++) {
                const char *h = r->hdrs[i];
                if (strncasecmp(h, s + 8, hl) == 0 && h[hl] == ':') {
                    const char *v = h + hl + 1;
                    while (*v == ' ' || *v == '\t')
                        v++;
                    size_t vl = strcspn(v, "\r\n");
                    vbuf_add(&b, v, vl);
                    break;
                }
            }
            s = end + 1;
        } else if (s[0] == '\\' && s[1]) {
            char e = s[1];
            if (e == 'n')
                vbuf_addc(&b, '\n');
            else if (e == 'r')
                vbuf_addc(&b, '\r');
            else if (e == 't')
                vbuf_addc(&b, '\t');
            else
                vbuf_add(&b, s, 2);
            s += 2;
        } else {
            vbuf_addc(&b, *s++);
        }
    }
    if (b.len) {
        if (to_err)
            bi_errw(cmd, b.data, b.len);
        else
            bi_out(cmd, b.data, b.len);
    }
    vbuf_free(&b);
}

/* ------------------------------------------------------------ one URL */

static bool curl__retryable(int code, long status)
{
    if (code == 28 || code == 52 || code == 55 || code == 56)
        return code == 28;
    if (code == 0 || code == 22)
        return status == 408 || status == 429 || status == 500 || status == 502 ||
               status == 503 || status == 504;
    return false;
}

static char *curl__guess_url(vb_cmd *cmd, const char *u)
{
    if (strstr(u, "://"))
        return mem_strdup(cmd->heap, u);
    return mem_printf(cmd->heap, "http://%s", u);
}

/* Between polls of a transfer: other virtual processes run, and a
 * cancelled session (vb_cancel) stops the transfer. */
static int curl__yield(void *ctx)
{
    vb_cmd *cmd = ((curl_out *)ctx)->cmd;
    if (bi_cancelled(cmd))
        return -1;
    if (cmd->ops && cmd->ops->sleep_ns)
        return cmd->ops->sleep_ns(cmd->shell, 1000);
    return 0;
}

static int curl__one(curl_cfg *c, vb_net_policy *pol, const char *raw_url, const char *out_name,
                     bool remote, const char *cookie_text, char **jar_text)
{
    vb_cmd *cmd = c->cmd;
    char *url = curl__guess_url(cmd, raw_url);
    /* -G: the data goes into the query string. */
    if (c->get && c->has_data) {
        url = mem_printf(cmd->heap, "%s%c%s", url, strchr(url, '?') ? '&' : '?',
                         vbuf_str(&c->data));
    }
    char *upload = NULL;
    size_t upload_len = 0;
    if (c->upload) {
        int rc = curl__slurp(cmd, c->upload, &upload, &upload_len);
        if (rc < 0) {
            if (!c->silent || c->show_error)
                bi_err(cmd, "Can't open '%s'!", c->upload);
            curl__err(c, 26, "Failed to open/read local data from file/application");
            return 26;
        }
        /* URL ending in '/' gets the file's name appended */
        size_t ul = strlen(url);
        const char *slash = strchr(strstr(url, "://") + 3, '/');
        if (!slash || url[ul - 1] == '/') {
            const char *base = strrchr(c->upload, '/');
            base = base ? base + 1 : c->upload;
            url = mem_printf(cmd->heap, "%s%s%s", url, slash ? "" : "/", base);
        }
    }
    if (remote) {
        /* -O: the last path segment of the URL, query and fragment cut */
        const char *p = strstr(url, "://");
        p = p ? p + 3 : url;
        const char *path = strchr(p, '/');
        const char *seg = "";
        size_t sl = 0;
        if (path) {
            size_t pl = strcspn(path, "?#");
            const char *last = path;
            for (const char *q = path; q < path + pl; q++)
                if (*q == '/')
                    last = q;
            seg = last + 1;
            sl = (size_t)(path + pl - seg);
        }
        out_name = mem_strndup(cmd->heap, seg, sl);
        if (!*out_name) {
            curl__err(c, 23, "Failed writing received data to disk/application");
            return 23;
        }
    }
    curl_out o = {.c = c, .cmd = cmd, .fname = out_name && strcmp(out_name, "-") != 0 ? out_name : NULL};
    if (c->dump_header) {
        if (strcmp(c->dump_header, "-") == 0) {
            o.dump_stdout = true;
        } else {
            int err;
            o.dump = bi_open_write(cmd, c->dump_header, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
            if (!o.dump) {
                bi_err(cmd, "Failed to open %s", c->dump_header);
                return 23;
            }
        }
    }

    net_req q = {
        .heap = cmd->heap,
        .url = url,
        .method = c->method,
        .method_custom = c->method != NULL,
        .headers = c->headers.v,
        .n_headers = c->headers.n,
        .body = c->get ? NULL : (upload ? upload : c->data.data ? c->data.data : ""),
        .body_len = c->get ? 0 : (upload ? upload_len : c->data.len),
        .has_body = !c->get && (c->has_data || upload),
        .upload_put = upload != NULL,
        .upload_chunked = upload != NULL && strcmp(c->upload, "-") == 0,
        .parts = c->parts,
        .n_parts = c->n_parts,
        .nobody = c->head,
        .follow = c->location,
        .max_redirs = c->max_redirs,
        .insecure = c->insecure,
        .compressed = c->compressed,
        .fail_on_error = c->fail,
        .verbose = c->verbose,
        .userpwd = c->userpwd,
        .user_agent = c->ua ? (*c->ua ? c->ua : NULL) : net_default_user_agent(),
        .referer = c->referer,
        .cookie = cookie_text ? NULL : c->cookie_arg,
        .cookie_load = cookie_text,
        .cookie_engine = cookie_text != NULL || c->cookie_jar != NULL,
        .connect_timeout_ms = (uint64_t)(c->connect_timeout * 1000),
        .timeout_ms = (uint64_t)(c->max_time * 1000),
        .cancel = cmd->cancel,
        .session_id = cmd->ops && cmd->ops->info ? cmd->ops->info(cmd->shell, "session_id") : NULL,
        .tool = "curl",
        .yield = curl__yield,
        .on_header = curl__on_header,
        .on_body = curl__on_body,
        .on_verbose = c->verbose ? curl__on_verbose : NULL,
        .ctx = &o,
    };
    if (upload && !c->method)
        q.method = NULL;
    if (cookie_text && c->cookie_arg && strchr(c->cookie_arg, '='))
        q.cookie = c->cookie_arg;
    if (c->head && !c->method)
        q.method = NULL;
    uint64_t left = cmd->ops && cmd->ops->time_left_ms ? cmd->ops->time_left_ms(cmd->shell) : UINT64_MAX;
    if (left != UINT64_MAX && (q.timeout_ms == 0 || left < q.timeout_ms))
        q.timeout_ms = left ? left : 1;
    if (c->json) {
        /* --json adds its two headers unless the user gave them */
        bool ct = false, acc = false;
        for (size_t i = 0; i < c->headers.n; i++) {
            ct |= strncasecmp(c->headers.v[i], "content-type:", 13) == 0;
            acc |= strncasecmp(c->headers.v[i], "accept:", 7) == 0;
        }
        char **hv = mem_alloc(cmd->heap, (c->headers.n + 2) * sizeof *hv);
        if (hv) {
            size_t n = 0;
            if (!ct)
                hv[n++] = "Content-Type: application/json";
            if (!acc)
                hv[n++] = "Accept: application/json";
            memcpy(hv + n, c->headers.v, c->headers.n * sizeof *hv);
            q.headers = hv;
            q.n_headers = c->headers.n + n;
        }
    }

    net_resp r;
    int code = 0;
    for (long attempt = 0;; attempt++) {
        if (o.file && o.fname) {
            stream_unref(o.file);
            o.file = NULL;
            o.opened = false;
        }
        o.written = 0;
        code = net_http_perform(pol, &q, &r);
        if (o.write_err && (code == 0 || code == 23)) {
            code = 23;
            snprintf(r.msg, sizeof r.msg, "Failure writing output to destination");
        }
        if (code == 0 && c->fail_body && r.status >= 400) {
            code = 22;
            snprintf(r.msg, sizeof r.msg, "The requested URL returned error: %ld", r.status);
        }
        if (attempt >= c->retry || !curl__retryable(code, r.status) || bi_cancelled(cmd))
            break;
        if (code)
            curl__err(c, code, r.msg); /* each failed attempt is reported */
        long delay = c->retry_delay > 0 ? (long)c->retry_delay : (1L << (attempt < 9 ? attempt : 9));
        if (!c->silent) {
            vbuf w;
            vbuf_init(&w, cmd->heap);
            vbuf_printf(&w, "Warning: Problem : %s. Will retry in %ld seconds. %ld retries left.\n",
                        code == 28 ? "timeout" : "HTTP error", delay, c->retry - attempt);
            bi_errw(cmd, w.data, w.len);
        }
        if (cmd->ops && cmd->ops->sleep_ns &&
            cmd->ops->sleep_ns(cmd->shell, (uint64_t)delay * 1000000000ull) < 0)
            break;
    }
    /* -o with nothing received still creates the file, as curl does for an
     * empty body; not when the transfer failed before any response. */
    if (code == 0 && o.fname && !o.opened)
        curl__open_out(&o);
    if (o.open_err && code == 0) {
        code = 23;
        if (!c->silent || c->show_error)
            bi_err(cmd, "Failed to open the file %s: %s", o.fname, vb_strerror(o.open_err));
        snprintf(r.msg, sizeof r.msg, "Failure writing output to destination");
    }
    if (o.file)
        stream_unref(o.file);
    if (o.dump)
        stream_unref(o.dump);
    if (code)
        curl__err(c, code, r.msg);
    if (c->writeout)
        curl__writeout(c, c->writeout, &r, url, code, r.msg, &o);
    if (jar_text && r.cookies)
        *jar_text = r.cookies;
    return code;
}

int bi_curl(vb_cmd *cmd)
{
    if (net_curl_load() < 0)
        return bi_err(cmd, "%s not available", NET_CURL_SONAME);
    curl_cfg c = {.cmd = cmd, .max_redirs = 50};
    vbuf_init(&c.data, cmd->heap);
    bi_opt o;
    bi_opt_init(&o, cmd, curl_shorts, curl_longs, NULL);
    o.quiet = true;
    int opt, rc;
    while ((opt = bi_opt_next(&o)) != BI_OPT_END) {
        if (opt == BI_OPT_ERR) {
            /* A known option without its argument, or an unknown one. */
            const char *bad = o.bad;
            bool known = false;
            if (bad[0] == '-' && bad[1] == '-') {
                for (const bi_longopt *l = curl_longs; l->name; l++)
                    if (strcmp(l->name, bad + 2) == 0)
                        known = true;
            } else if (bad[1] && strchr(curl_shorts, bad[1])) {
                known = true;
            }
            return curl__usage(cmd, known ? "option %s: requires parameter" : "option %s: is unknown",
                               bad);
        }
        if (opt == BI_OPT_EXIT)
            return o.status;
        const char *a = o.arg;
        switch (opt) {
        case 's': c.silent = true; break;
        case 'S': c.show_error = true; break;
        case 'f': c.fail = true; break;
        case CO_FAIL_BODY: c.fail_body = true; break;
        case 'L': c.location = true; break;
        case CO_MAX_REDIRS:
            if (!curl__long(a, &c.max_redirs))
                return curl__usage(cmd, "option %s: expected a proper numerical parameter",
                                   "--max-redirs");
            break;
        case 'o': curl__push(cmd, &c.outs, (char *)a); break;
        case 'O': curl__push(cmd, &c.outs, NULL); break;
        case CO_REMOTE_NAME_ALL: c.remote_name_all = true; break;
        case 'I': c.head = true; break;
        case 'i': c.include = true; break;
        case 'D': c.dump_header = a; break;
        case 'X': c.method = a; break;
        case 'H':
            if (a[0] == '@') {
                char *d;
                size_t n;
                if (curl__slurp(cmd, a + 1, &d, &n) < 0) {
                    bi_err(cmd, "Failed to open %s", a + 1);
                    return 26;
                }
                for (char *save = NULL, *t = strtok_r(d, "\r\n", &save); t;
                     t = strtok_r(NULL, "\r\n", &save))
                    curl__push(cmd, &c.headers, t);
            } else {
                curl__push(cmd, &c.headers, (char *)a);
            }
            break;
        case 'A': c.ua = a; break;
        case 'e': c.referer = a; break;
        case 'd': case CO_DATA_ASCII: case CO_DATA_RAW: case CO_DATA_BIN: case CO_DATA_URLENC:
            if ((rc = curl__add_data(&c, opt, a)) != 0)
                return rc;
            break;
        case CO_JSON:
            if (c.has_data && !c.json)
                vbuf_addc(&c.data, '&');
            c.json = true;
            if (a[0] == '@') {
                char *d;
                size_t n;
                if (curl__slurp(cmd, a + 1, &d, &n) < 0) {
                    bi_err(cmd, "Failed to open %s", a + 1);
                    return 26;
                }
                vbuf_add(&c.data, d, n);
            } else {
                vbuf_adds(&c.data, a);
            }
            c.has_data = true;
            break;
        case 'F': case CO_FORM_STRING:
            rc = curl__add_form(&c, a, opt == CO_FORM_STRING);
            if (rc < 0)
                return -rc;
            if (rc)
                return rc;
            break;
        case 'u': c.userpwd = strchr(a, ':') ? a : mem_printf(cmd->heap, "%s:", a); break;
        case 'b': c.cookie_arg = a; break;
        case 'c': c.cookie_jar = a; break;
        case 'w':
            if (a[0] == '@') {
                char *d;
                size_t n;
                if (curl__slurp(cmd, a + 1, &d, &n) < 0) {
                    bi_err(cmd, "Failed to open %s", a + 1);
                    return 26;
                }
                c.writeout = d;
            } else {
                c.writeout = a;
            }
            break;
        case 'm':
            if (!curl__num(a, &c.max_time))
                return curl__usage(cmd, "option %s: expected a proper numerical parameter", "-m");
            break;
        case CO_CONNECT_TIMEOUT:
            if (!curl__num(a, &c.connect_timeout))
                return curl__usage(cmd, "option %s: expected a proper numerical parameter",
                                   "--connect-timeout");
            break;
        case CO_RETRY:
            if (!curl__long(a, &c.retry) || c.retry < 0)
                return curl__usage(cmd, "option %s: expected a proper numerical parameter",
                                   "--retry");
            break;
        case CO_RETRY_DELAY:
            if (!curl__num(a, &c.retry_delay))
                return curl__usage(cmd, "option %s: expected a proper numerical parameter",
                                   "--retry-delay");
            break;
        case CO_RETRY_MAX_TIME: break; /* bounded by -m and the session's time anyway */
        case 'v': c.verbose = true; break;
        case 'G': c.get = true; break;
        case 'T': c.upload = a; break;
        case CO_COMPRESSED: c.compressed = true; break;
        case 'k': c.insecure = true; break;
        case CO_URL: curl__push(cmd, &c.urls, (char *)a); break;
        case CO_CREATE_DIRS: c.create_dirs = true; break;
        case 'q': case '#': case 'N': case CO_NO_PROGRESS: case CO_PATH_AS_IS:
        case CO_HTTP10: case CO_HTTP11:
            break; /* no progress meter is ever drawn; HTTP/1.1 is what is spoken */
        case 'J':
            return curl__usage(cmd, "option %s: is not supported by vbash", "-J");
        case 'h':
            bi_outs(cmd, curl_help);
            return bi_done(cmd, 0);
        case 'V': {
            const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);
            bi_outf(cmd, "curl %s (vbash) libcurl/%s\nProtocols: http https\n", v->version,
                    v->version);
            return bi_done(cmd, 0);
        }
        }
    }
    for (int i = o.ind; i < cmd->argc; i++)
        curl__push(cmd, &c.urls, cmd->argv[i]);
    if (c.urls.n == 0) {
        if (cmd->argc == 1) {
            static const char m[] = "curl: try 'curl --help' or 'curl --manual' for more information\n";
            bi_errw(cmd, m, sizeof m - 1);
            return 2;
        }
        return curl__usage(cmd, "%s", "no URL specified!");
    }
    vb_net_policy *pol = cmd->ops && cmd->ops->net ? cmd->ops->net(cmd->shell) : NULL;
    char *cookie_text = NULL;
    if (c.cookie_arg && !strchr(c.cookie_arg, '=')) {
        size_t n;
        if (curl__slurp(cmd, c.cookie_arg, &cookie_text, &n) < 0)
            cookie_text = mem_strdup(cmd->heap, ""); /* a missing file is no cookie */
    }
    int status = 0;
    char *jar = NULL;
    for (size_t i = 0; i < c.urls.n && !bi_cancelled(cmd); i++) {
        const char *out = NULL;
        bool remote = c.remote_name_all;
        if (i < c.outs.n) {
            out = c.outs.v[i];
            remote = out == NULL;
        }
        if (!pol) {
            char *u = curl__guess_url(cmd, c.urls.v[i]);
            const char *h = strstr(u, "://") + 3;
            size_t hl = strcspn(h, ":/?#");
            char *host = mem_strndup(cmd->heap, h, hl);
            vbuf m;
            vbuf_init(&m, cmd->heap);
            vbuf_printf(&m, "vbash: egress to %s denied: network access is off (no network policy)",
                        host);
            curl__err(&c, 7, vbuf_str(&m));
            status = 7;
            continue;
        }
        int rc1 = curl__one(&c, pol, c.urls.v[i], out, remote, cookie_text, &jar);
        if (rc1)
            status = rc1;
        bi_flush(cmd);
    }
    if (c.cookie_jar) {
        int err;
        stream *s = strcmp(c.cookie_jar, "-") == 0
                        ? stream_ref(cmd->out)
                        : bi_open_write(cmd, c.cookie_jar, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (s) {
            static const char head[] = "# Netscape HTTP Cookie File\n"
                                       "# https://curl.se/docs/http-cookies.html\n"
                                       "# This file was generated by libcurl! Edit at your own risk.\n\n";
            bi_flush(cmd);
            stream_write(s, head, sizeof head - 1);
            if (jar)
                stream_write(s, jar, strlen(jar));
            stream_unref(s);
        } else if (!c.silent || c.show_error) {
            bi_err(cmd, "WARNING: failed to save cookies in %s", c.cookie_jar);
        }
    }
    /* A closed stdout is curl's status 23 (it ignores SIGPIPE), not 141. */
    bi_flush(cmd);
    if (bi_out_failed(cmd))
        return status ? status : 23;
    return bi_done(cmd, status);
}
