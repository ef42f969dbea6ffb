/*
 * wget: download URLs into the VFS, through the session's network policy.
 *
 * Options: -O FILE (- = stdout), -q, -nv, -S, --header, --post-data,
 * --post-file, --method/--body-data, -T SECONDS, -t TRIES, --max-redirect N,
 * -c, -P DIR, -U AGENT, --user/--password, --no-check-certificate (refused
 * unless the policy allows it).
 * Reference: GNU Wget 1.21.3: file naming (index.html, NAME.1 when NAME
 * exists), exit codes (2 usage, 3 file I/O, 4 network, 8 server error), -S
 * output. Deviations: the log without -q is shorter (no progress dots) and
 * speaks of the final URL only; a denial by the policy is always reported
 * ("wget: vbash: egress to HOST denied by rule R"), exit 4.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "builtins/lib/bi.h"
#include "net/curl_dl.h"
#include "net/net_int.h"

VB_BUILTIN("wget", bi_wget, BI_UTIL)
int bi_wget(vb_cmd *cmd);

static const char wget_help[] =
    "GNU Wget 1.21.3 (vbash), a non-interactive network retriever.\n"
    "Usage: wget [OPTION]... [URL]...\n"
    "\n"
    "  -O,  --output-document=FILE      write documents to FILE\n"
    "  -q,  --quiet                     quiet (no output)\n"
    "  -nv, --no-verbose                turn off verboseness, without being quiet\n"
    "  -S,  --server-response           print server response\n"
    "  -T,  --timeout=SECONDS           set all timeout values to SECONDS\n"
    "  -t,  --tries=NUMBER              set number of retries to NUMBER (0 unlimits)\n"
    "  -c,  --continue                  resume getting a partially-downloaded file\n"
    "  -P,  --directory-prefix=PREFIX   save files to PREFIX/..\n"
    "  -U,  --user-agent=AGENT          identify as AGENT instead of Wget/VERSION\n"
    "       --header=STRING             insert STRING among the headers\n"
    "       --max-redirect              maximum redirections allowed per page\n"
    "       --post-data=STRING          use the POST method; send STRING as the data\n"
    "       --post-file=FILE            use the POST method; send contents of FILE\n"
    "       --method=HTTPMethod         use method \"HTTPMethod\" in the request\n"
    "       --body-data=STRING          send STRING as data (with --method)\n"
    "       --user=USER                 set http user to USER\n"
    "       --password=PASS             set http password to PASS\n";

enum {
    WO_HEADER = 256, WO_POST_DATA, WO_POST_FILE, WO_MAX_REDIRECT, WO_NO_CHECK, WO_USER,
    WO_PASSWORD, WO_METHOD, WO_BODY_DATA, WO_NV,
};

static const bi_longopt wget_longs[] = {
    {"output-document", 1, 'O'}, {"quiet", 0, 'q'}, {"server-response", 0, 'S'},
    {"header", 1, WO_HEADER}, {"post-data", 1, WO_POST_DATA}, {"post-file", 1, WO_POST_FILE},
    {"timeout", 1, 'T'}, {"tries", 1, 't'}, {"max-redirect", 1, WO_MAX_REDIRECT},
    {"continue", 0, 'c'}, {"directory-prefix", 1, 'P'}, {"user-agent", 1, 'U'},
    {"no-check-certificate", 0, WO_NO_CHECK}, {"user", 1, WO_USER}, {"password", 1, WO_PASSWORD},
    {"method", 1, WO_METHOD}, {"body-data", 1, WO_BODY_DATA}, {"no-verbose", 0, WO_NV},
    {0},
};

typedef struct wget_cfg {
    vb_cmd *cmd;
    const char *out;          /* -O */
    bool quiet, nv, server_resp, cont, insecure;
    char **headers;
    size_t n_headers;
    const char *post, *post_file, *method, *body;
    double timeout;
    long tries, max_redirect;
    const char *prefix, *ua, *user, *password;
} wget_cfg;

typedef struct wget_out {
    wget_cfg *c;
    vb_cmd *cmd;
    stream *file;          /* NULL: stdout (-O -) */
    bool to_stdout;
    uint64_t written;
    int write_err;
    bool skip_body;        /* -c on a 416 or a non-206 answer handled below */
    bool resume;           /* -c: the file was opened for appending */
    const char *name;
    long status;
    char reason[64];       /* of the last status line */
    vbuf line;             /* -S: header lines in progress */
} wget_out;

static void wget__log(wget_cfg *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void wget__log(wget_cfg *c, const char *fmt, ...)
{
    if (c->quiet || c->nv)
        return;
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, c->cmd->heap);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    bi_errw(c->cmd, b.data, b.len);
    vbuf_free(&b);
}

static void wget__stamp(vb_cmd *cmd, char out[32])
{
    struct timespec ts = {0};
    if (cmd->ops && cmd->ops->now)
        cmd->ops->now(cmd->shell, &ts);
    else
        clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    localtime_r(&ts.tv_sec, &tm);
    strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm);
}

static int wget__on_header(void *ctx, const char *d, size_t n)
{
    wget_out *o = ctx;
    /* Whole lines arrive; -S prints each one indented, without CR. */
    const char *end = d + n;
    while (d < end) {
        const char *nl = memchr(d, '\n', (size_t)(end - d));
        size_t l = nl ? (size_t)(nl - d) : (size_t)(end - d);
        size_t t = l;
        if (t && d[t - 1] == '\r')
            t--;
        if (t >= 5 && strncmp(d, "HTTP/", 5) == 0) {
            const char *sp = memchr(d, ' ', t);
            o->status = sp ? strtol(sp + 1, NULL, 10) : 0;
            const char *rs = sp ? memchr(sp + 1, ' ', (size_t)(d + t - sp - 1)) : NULL;
            snprintf(o->reason, sizeof o->reason, "%.*s", rs ? (int)(d + t - rs - 1) : 0,
                     rs ? rs + 1 : "");
        }
        if (o->c->server_resp && t) { /* -S prints even under -q, as wget */
            vbuf b;
            vbuf_init(&b, o->cmd->heap);
            vbuf_adds(&b, "  ");
            vbuf_add(&b, d, t);
            vbuf_addc(&b, '\n');
            bi_errw(o->cmd, b.data, b.len);
            vbuf_free(&b);
        }
        d += l + (nl ? 1 : 0);
    }
    return 0;
}

static int wget__on_body(void *ctx, const char *d, size_t n)
{
    wget_out *o = ctx;
    /* Error pages are not saved (wget keeps them only with
     * --content-on-error). */
    if (o->status >= 400 || o->skip_body)
        return 0;
    if (o->resume && o->status == 200 && o->file) {
        /* The server ignored the range: start the file again, as wget. */
        int err;
        stream_unref(o->file);
        o->resume = false;
        o->file = bi_open_write(o->cmd, o->name, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!o->file) {
            o->write_err = err;
            return -1;
        }
    }
    if (o->to_stdout) {
        if (bi_out(o->cmd, d, n) < 0) {
            o->write_err = VB_EPIPE;
            return -1;
        }
    } else if (o->file) {
        ssize_t w = stream_write(o->file, d, n);
        if (w < 0) {
            o->write_err = (int)w;
            return -1;
        }
    }
    o->written += n;
    return 0;
}

/* The local name wget gives a URL: its last path segment, or index.html. */
static char *wget__name(vb_cmd *cmd, const char *url)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *path = strchr(p, '/');
    if (!path)
        return mem_strdup(cmd->heap, "index.html");
    size_t pl = strcspn(path, "?#");
    const char *last = path;
    for (const char *q = path; q < path + pl; q++)
        if (*q == '/')
            last = q;
    size_t sl = (size_t)(path + pl - last - 1);
    if (!sl)
        return mem_strdup(cmd->heap, "index.html");
    return mem_strndup(cmd->heap, last + 1, sl);
}

static bool wget__exists(vb_cmd *cmd, const char *name, uint64_t *size)
{
    char *p = bi_path(cmd, name);
    vfs_stat_t st;
    if (!p || vfs_stat(cmd->vfs, p, &st) != 0)
        return false;
    if (size)
        *size = st.size;
    return true;
}

static int wget__exit_for(int code, long status)
{
    if (code == 0)
        return status >= 400 ? 8 : 0;
    switch (code) {
    case 47: return 8;                   /* redirections exceeded */
    case 22: return 8;
    case 23: case 26: return 3;          /* file I/O */
    case 35: case 60: return 5;          /* TLS */
    case 1: case 3: return 1;
    default: return 4;                   /* network failure, denials */
    }
}

/* Between polls of a transfer: other virtual processes run, and a
 * cancelled session (vb_cancel) stops the transfer. */
static int wget__yield(void *ctx)
{
    vb_cmd *cmd = ((wget_out *)ctx)->cmd;
    if (bi_cancelled(cmd))
        return -1;
    if (cmd->ops && cmd->ops->sleep_ns)
        return cmd->ops->sleep_ns(cmd->shell, 1000);
    return 0;
}

static int wget__one(wget_cfg *c, vb_net_policy *pol, const char *raw)
{
    vb_cmd *cmd = c->cmd;
    char *url = strstr(raw, "://") ? mem_strdup(cmd->heap, raw) : mem_printf(cmd->heap, "http://%s", raw);
    wget_out o = {.c = c, .cmd = cmd};
    char stamp[32];
    wget__stamp(cmd, stamp);
    char *name = NULL;
    uint64_t have = 0;
    bool resume = false;
    if (c->out && strcmp(c->out, "-") == 0) {
        o.to_stdout = true;
    } else {
        name = c->out ? mem_strdup(cmd->heap, c->out) : wget__name(cmd, url);
        if (!c->out && c->prefix)
            name = mem_printf(cmd->heap, "%s/%s", c->prefix, name);
        if (c->cont && wget__exists(cmd, name, &have) && have > 0) {
            resume = true;
        } else if (!c->out && !c->cont && wget__exists(cmd, name, NULL)) {
            for (int k = 1; k < 10000; k++) {
                char *alt = mem_printf(cmd->heap, "%s.%d", name, k);
                if (!wget__exists(cmd, alt, NULL)) {
                    name = alt;
                    break;
                }
            }
        }
    }
    wget__log(c, "--%s--  %s\n", stamp, url);
    const char *body = c->body ? c->body : c->post;
    size_t body_len = body ? strlen(body) : 0;
    if (c->post_file) {
        char *d;
        size_t n;
        int err;
        stream *s = bi_open_read(cmd, c->post_file, &err);
        if (!s || bi_slurp(cmd, s, &d, &n) < 0) {
            if (s)
                stream_unref(s);
            bi_err(cmd, "%s: %s", c->post_file, vb_strerror(err ? err : VB_EIO));
            return 3;
        }
        stream_unref(s);
        body = d;
        body_len = n;
    }
    char *userpwd = NULL;
    if (c->user || c->password)
        userpwd = mem_printf(cmd->heap, "%s:%s", c->user ? c->user : "", c->password ? c->password : "");
    net_req q = {
        .heap = cmd->heap,
        .url = url,
        .method = c->method,
        .method_custom = c->method != NULL,
        .headers = c->headers,
        .n_headers = c->n_headers,
        .body = body,
        .body_len = body_len,
        .has_body = body != NULL,
        .follow = true,
        .max_redirs = c->max_redirect,
        .insecure = c->insecure,
        .userpwd = userpwd,
        .auth_on_challenge = true, /* wget waits for the server's challenge */
        .user_agent = c->ua ? c->ua : "Wget/1.21.3",
        .connect_timeout_ms = (uint64_t)(c->timeout * 1000),
        .timeout_ms = (uint64_t)(c->timeout * 1000),
        .resume = resume,
        .resume_from = have,
        .cancel = cmd->cancel,
        .session_id = cmd->ops && cmd->ops->info ? cmd->ops->info(cmd->shell, "session_id") : NULL,
        .tool = "wget",
        .yield = wget__yield,
        .on_header = wget__on_header,
        .on_body = wget__on_body,
        .ctx = &o,
    };
    uint64_t left = cmd->ops && cmd->ops->time_left_ms ? cmd->ops->time_left_ms(cmd->shell) : UINT64_MAX;
    if (left != UINT64_MAX && (q.timeout_ms == 0 || left < q.timeout_ms))
        q.timeout_ms = left ? left : 1;
    /* The file is opened when the answer is known to be good; with -c the
     * bytes are appended after a 206. A first pass to learn the status
     * would cost a request: instead the body callback writes into a file
     * opened up front, and a failed download leaves it as wget does. */
    if (!o.to_stdout) {
        if (c->prefix && !c->out) {
            char *dir = bi_path(cmd, c->prefix);
            for (char *s = dir ? strchr(dir + 1, '/') : NULL;; s = strchr(s + 1, '/')) {
                if (s)
                    *s = 0;
                vfs_mkdir(cmd->vfs, dir, 0755);
                if (!s)
                    break;
                *s = '/';
            }
        }
    }
    net_resp r;
    int code = 0;
    long tries = c->tries;
    for (long attempt = 1;; attempt++) {
        if (!o.to_stdout) {
            int err;
            if (o.file)
                stream_unref(o.file);
            o.file = bi_open_write(cmd, name,
                                   O_WRONLY | O_CREAT | (resume ? O_APPEND : O_TRUNC), 0666, &err);
            if (!o.file) {
                bi_err(cmd, "%s: %s", name, vb_strerror(err));
                return 3;
            }
        }
        o.status = 0;
        o.written = 0;
        o.resume = resume;
        o.name = name;
        code = net_http_perform(pol, &q, &r);
        if (code == 33 && resume) {
            /* The server does not do ranges: fetch the whole file again. */
            resume = false;
            q.resume = false;
            q.resume_from = 0;
            attempt--;
            continue;
        }
        bool transient = code == 28 || code == 52 || code == 56 || code == 55;
        if (!transient || r.policy_denied || (tries && attempt >= tries) || bi_cancelled(cmd))
            break;
        wget__log(c, "Retrying.\n\n");
        if (cmd->ops && cmd->ops->sleep_ns &&
            cmd->ops->sleep_ns(cmd->shell, (uint64_t)(attempt < 10 ? attempt : 10) * 1000000000ull) < 0)
            break;
    }
    if (o.file)
        stream_unref(o.file);
    if (resume && r.status == 416) {
        wget__log(c, "\n    The file is already fully retrieved; nothing to do.\n\n");
        return 0;
    }
    if (code) {
        if (r.policy_denied) {
            bi_err(cmd, "%s", r.msg);
        } else if (code == 47) {
            wget__log(c, "%ld redirections exceeded.\n", q.max_redirs);
        } else if (code == 6) {
            const char *h = strstr(url, "://") + 3;
            wget__log(c, "Resolving %.*s... failed: Name or service not known.\n"
                         "wget: unable to resolve host address ‘%.*s’\n",
                      (int)strcspn(h, ":/?#"), h, (int)strcspn(h, ":/?#"), h);
        } else if (code == 28) {
            wget__log(c, "Read error (Connection timed out).\n");
        } else if (code == 23 && o.write_err) {
            bi_err(cmd, "write error: %s", vb_strerror(o.write_err));
        } else {
            wget__log(c, "failed: %s.\n", r.msg);
        }
        return wget__exit_for(code, r.status);
    }
    wget__log(c, "Connecting to %s:%ld... connected.\n", r.remote_ip, r.remote_port);
    if (r.status >= 400) {
        wget__log(c, "HTTP request sent, awaiting response... %ld %s\n%s ERROR %ld: %s.\n\n",
                  r.status, o.reason, stamp, r.status, o.reason);
        return r.status == 401 || r.status == 407 ? 6 : 8; /* 6: authentication failure */
    }
    wget__log(c, "HTTP request sent, awaiting response... %ld %s\n", r.status, o.reason);
    const char *shown = o.to_stdout ? "STDOUT" : name;
    wget__log(c, "Length: %llu [%s]\nSaving to: ‘%s’\n\n", (unsigned long long)o.written,
              r.content_type ? r.content_type : "text/plain", shown);
    wget__log(c, "%s - ‘%s’ saved [%llu/%llu]\n\n", stamp, shown, (unsigned long long)o.written,
              (unsigned long long)o.written);
    if (c->nv && !c->quiet) {
        vbuf b;
        vbuf_init(&b, cmd->heap);
        vbuf_printf(&b, "%s URL:%s [%llu/%llu] -> \"%s\" [1]\n", stamp,
                    r.effective_url ? r.effective_url : url, (unsigned long long)o.written,
                    (unsigned long long)o.written, o.to_stdout ? "-" : name);
        bi_errw(cmd, b.data, b.len);
    }
    return 0;
}

static int wget__main(vb_cmd *cmd);

int bi_wget(vb_cmd *cmd)
{
    /* wget's -nv is a two-letter short option: the option parser sees
     * --no-verbose instead, in a copy of argv (the caller owns argv's
     * strings). */
    if (net_curl_load() < 0)
        return bi_err(cmd, "%s not available", NET_CURL_SONAME);
    char **orig = cmd->argv;
    char **argv = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof *argv);
    if (!argv)
        return 1;
    bool opts = true;
    for (int i = 0; i < cmd->argc; i++) {
        argv[i] = orig[i];
        if (i && opts && strcmp(orig[i], "--") == 0)
            opts = false;
        if (i && opts && strcmp(orig[i], "-nv") == 0)
            argv[i] = "--no-verbose";
    }
    cmd->argv = argv;
    int st = wget__main(cmd);
    cmd->argv = orig;
    return st;
}

static int wget__main(vb_cmd *cmd)
{
    wget_cfg c = {.cmd = cmd, .tries = 20, .max_redirect = 20};
    bi_opt o;
    bi_opt_init(&o, cmd, "O:qST:t:cP:U:", wget_longs, wget_help);
    o.quiet = true;
    int opt;
    while ((opt = bi_opt_next(&o)) != BI_OPT_END) {
        if (opt == BI_OPT_ERR) {
            if (o.bad[1] == '-')
                bi_err(cmd, "unrecognized option '%s'", o.bad);
            else
                bi_err(cmd, "invalid option -- '%s'", o.bad + 1);
            static const char u[] = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";
            bi_errw(cmd, u, sizeof u - 1);
            return 2;
        }
        if (opt == BI_OPT_EXIT)
            return o.status;
        const char *a = o.arg;
        char *end;
        switch (opt) {
        case 'O': c.out = a; break;
        case 'q': c.quiet = true; break;
        case WO_NV: c.nv = true; break;
        case 'S': c.server_resp = true; break;
        case WO_HEADER: {
            char **nh = mem_realloc(cmd->heap, c.headers, (c.n_headers + 1) * sizeof *nh);
            if (!nh)
                return 1;
            c.headers = nh;
            c.headers[c.n_headers++] = (char *)a;
            break;
        }
        case WO_POST_DATA: c.post = a; break;
        case WO_POST_FILE: c.post_file = a; break;
        case WO_METHOD: c.method = a; break;
        case WO_BODY_DATA: c.body = a; break;
        case 'T':
            c.timeout = strtod(a, &end);
            if (*end || c.timeout < 0) {
                bi_err(cmd, "--timeout: Invalid time period ‘%s’", a);
                return 2;
            }
            break;
        case 't':
            if (strcmp(a, "inf") == 0) {
                c.tries = 0;
                break;
            }
            c.tries = strtol(a, &end, 10);
            if (*end || c.tries < 0) {
                bi_err(cmd, "--tries: Invalid number ‘%s’.", a);
                return 2;
            }
            break;
        case WO_MAX_REDIRECT:
            c.max_redirect = strtol(a, &end, 10);
            if (*end || c.max_redirect < 0) {
                bi_err(cmd, "--max-redirect: Invalid number ‘%s’.", a);
                return 2;
            }
            break;
        case 'c': c.cont = true; break;
        case 'P': c.prefix = a; break;
        case 'U': c.ua = a; break;
        case WO_NO_CHECK: c.insecure = true; break;
        case WO_USER: c.user = a; break;
        case WO_PASSWORD: c.password = a; break;
        }
    }
    if (o.ind >= cmd->argc) {
        static const char u[] =
            "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";
        bi_errw(cmd, u, sizeof u - 1);
        return 1;
    }
    vb_net_policy *pol = cmd->ops && cmd->ops->net ? cmd->ops->net(cmd->shell) : NULL;
    int status = 0;
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        int rc;
        if (!pol) {
            bi_err(cmd, "vbash: network access is off (no network policy)");
            rc = 4;
        } else {
            rc = wget__one(&c, pol, cmd->argv[i]);
        }
        /* wget reports the most serious failure; lower codes are graver */
        if (rc && (!status || rc < status))
            status = rc;
    }
    return bi_done(cmd, status);
}
