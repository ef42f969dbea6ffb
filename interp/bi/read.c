/*
 * read and mapfile/readarray: input from an fd of the calling virtual
 * process, one byte at a time so that nothing past the record is consumed
 * (the stream is shared with the next command), IFS splitting, backslash
 * escapes without -r. Reference: bash 5.2.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "interp/bi/shbi.h"

static bool in_ifs(const char *ifs, char c)
{
    return c && strchr(ifs, c) != NULL;
}

static bool ifs_ws(const char *ifs, char c)
{
    return (c == ' ' || c == '\t' || c == '\n') && in_ifs(ifs, c);
}

/* name or name[subscript] */
static bool read_name_ok(const char *s)
{
    const char *br = strchr(s, '[');
    if (!br)
        return var_valid_name(s);
    size_t n = strlen(s);
    if (n < 3 || s[n - 1] != ']' || br == s)
        return false;
    char base[256];
    size_t bl = (size_t)(br - s);
    if (bl >= sizeof base)
        return false;
    memcpy(base, s, bl);
    base[bl] = 0;
    return var_valid_name(base);
}

VB_BUILTIN("read", bi_read, BI_SHELL | BI_NOFORK)
int bi_read(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    bool raw = false, silent = false;
    const char *arr = NULL, *prompt = NULL;
    int delim = '\n';
    int64_t nchars = -1;
    bool exact = false;
    int fd = 0;
    double timeout = -1;
    int i = 1;
    static const char usage[] =
        "read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]";
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        for (const char *p = a + 1; *p; p++) {
            char c = *p;
            if (c == 'r')
                raw = true;
            else if (c == 's')
                silent = true;
            else if (c == 'e')
                continue;
            else if (strchr("adinNptu", c)) {
                const char *v;
                if (p[1])
                    v = p + 1;
                else if (i + 1 < cmd->argc)
                    v = cmd->argv[++i];
                else {
                    shbi_err(cmd, "-%c: option requires an argument", c);
                    return shbi_usage(cmd, usage);
                }
                int64_t n;
                switch (c) {
                case 'a': arr = v; break;
                case 'd': delim = (unsigned char)v[0]; break;
                case 'i': break;
                case 'n':
                case 'N':
                    if (!shbi_int(v, &n) || n < 0)
                        return shbi_err(cmd, "%s: invalid number", v);
                    nchars = n;
                    exact = c == 'N';
                    break;
                case 'p': prompt = v; break;
                case 't': {
                    /* bash: [+]digits[.digits], nothing else */
                    const char *q = v;
                    if (*q == '+')
                        q++;
                    while (*q >= '0' && *q <= '9')
                        q++;
                    if (*q == '.')
                        for (q++; *q >= '0' && *q <= '9';)
                            q++;
                    if (*q)
                        return shbi_err(cmd, "%s: invalid timeout specification", v);
                    timeout = strtod(v, NULL);
                    break;
                }
                case 'u':
                    if (!shbi_int(v, &n) || n < 0)
                        return shbi_err(cmd, "%s: invalid file descriptor specification", v);
                    fd = (int)n;
                    break;
                }
                break;
            } else {
                char o[3] = {'-', c, 0};
                return shbi_badopt(cmd, o, usage);
            }
        }
    }
    (void)silent;
    for (int k = i; k < cmd->argc; k++)
        if (!read_name_ok(cmd->argv[k])) {
            shbi_err(cmd, "`%s': not a valid identifier", cmd->argv[k]);
            return 1;
        }
    stream *in = sh_fd(sh, fd);
    if (!in) {
        shbi_err(cmd, "%d: invalid file descriptor: Bad file descriptor", fd);
        return 1;
    }
    if (prompt && (in->flags & STREAM_TTY)) {
        bi_flush(cmd);
        stream_write(cmd->err, prompt, strlen(prompt));
    }
    if (timeout == 0)
        return 0;
    /* read the record */
    vbuf line;
    vbuf_init(&line, cmd->heap);
    vbuf esc; /* 1 where the char was escaped */
    vbuf_init(&esc, cmd->heap);
    int status = 0;
    int64_t count = 0;
    iproc *me = sh->g->cur;
    if (timeout > 0 && me)
        me->read_deadline = proc_now_ns() + (uint64_t)(timeout * 1e9);
    for (;;) {
        if (nchars >= 0 && count >= nchars)
            break;
        if (bi_cancelled(cmd)) {
            status = 1;
            break;
        }
        char c;
        ssize_t r = stream_read(in, &c, 1);
        if (r == VB_ETIMEDOUT) {
            status = 142; /* 128 + SIGALRM, as bash */
            break;
        }
        if (r <= 0) {
            status = 1;
            break;
        }
        if (!exact && (unsigned char)c == (unsigned)delim)
            break;
        if (c == 0)
            continue;
        if (!raw && c == '\\') {
            char d;
            r = stream_read(in, &d, 1);
            if (r <= 0) {
                status = 1;
                break;
            }
            if (d == '\n' && delim == '\n')
                continue;
            vbuf_addc(&line, d);
            vbuf_addc(&esc, 1);
            count++;
            continue;
        }
        vbuf_addc(&line, c);
        vbuf_addc(&esc, 0);
        count++;
    }
    if (me)
        me->read_deadline = 0;
    const char *s = line.data ? line.data : "";
    const char *e = esc.data ? esc.data : "";
    size_t n = line.len;
    const char *ifs_v = var_get(sh, "IFS");
    ivar *iv = var_lookup(sh, "IFS");
    const char *ifs = (iv && !(iv->attr & VA_UNSET)) ? (ifs_v ? ifs_v : "") : " \t\n";
    int nnames = cmd->argc - i;
    if (arr) {
        /* every field into the array */
        ivar *v = var_lookup(sh, arr);
        if (v && (v->attr & VA_READONLY))
            return shbi_err(cmd, "%s: readonly variable", arr);
        var_unset(sh, arr, true);
        v = var_declare(sh, arr, false);
        if (v) {
            v->attr = (v->attr & ~VA_UNSET) | VA_ARRAY;
            v->arr = arr_new(sh->g);
        }
        size_t p = 0;
        int64_t idx = 0;
        vbuf f;
        vbuf_init(&f, cmd->heap);
        while (p < n) {
            while (p < n && !e[p] && ifs_ws(ifs, s[p]))
                p++;
            if (p >= n)
                break;
            vbuf_clear(&f);
            while (p < n && (e[p] || !in_ifs(ifs, s[p])))
                vbuf_addc(&f, s[p++]);
            if (p < n) {
                char d = s[p++];
                while (p < n && !e[p] && ifs_ws(ifs, s[p]))
                    p++;
                if (ifs_ws(ifs, d) && p < n && !e[p] && in_ifs(ifs, s[p]) && !ifs_ws(ifs, s[p])) {
                    p++;
                }
            }
            if (v && v->arr)
                arr_set_idx(sh->g, v->arr, idx++, vbuf_str(&f));
        }
        return bi_done(cmd, status);
    }
    if (nnames == 0) {
        var_set(sh, "REPLY", s, 0);
        (void)0;
        return bi_done(cmd, status);
    }
    size_t p = 0;
    vbuf f;
    vbuf_init(&f, cmd->heap);
    for (int k = 0; k < nnames; k++) {
        const char *name = cmd->argv[i + k];
        vbuf_clear(&f);
        while (p < n && !e[p] && ifs_ws(ifs, s[p]))
            p++;
        if (k == nnames - 1) {
            /* the rest, trailing IFS whitespace removed */
            size_t end = n;
            while (end > p && !e[end - 1] && ifs_ws(ifs, s[end - 1]))
                end--;
            vbuf_add(&f, s + p, end - p);
            /* a single trailing non-whitespace delimiter is dropped too */
            if (f.len && !e[end - 1] && in_ifs(ifs, s[end - 1]) && !ifs_ws(ifs, s[end - 1])) {
                bool other = false;
                for (size_t q = p; q + 1 < end; q++)
                    if (!e[q] && in_ifs(ifs, s[q]))
                        other = true;
                if (!other) {
                    f.len--;
                    f.data[f.len] = 0;
                }
            }
            p = n;
        } else {
            while (p < n && (e[p] || !in_ifs(ifs, s[p])))
                vbuf_addc(&f, s[p++]);
            if (p < n) {
                char d = s[p++];
                while (p < n && !e[p] && ifs_ws(ifs, s[p]))
                    p++;
                if (ifs_ws(ifs, d) && p < n && !e[p] && in_ifs(ifs, s[p]) && !ifs_ws(ifs, s[p])) {
                    p++;
                    while (p < n && !e[p] && ifs_ws(ifs, s[p]))
                        p++;
                }
            }
        }
        if (interp_shell_ops.setvar(sh, name, vbuf_str(&f)))
            status = 1;
    }
    return bi_done(cmd, status);
}

static int mapfile_main(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    bool trim = false;
    int delim = '\n';
    int64_t count = 0, origin = 0, skip = 0;
    int fd = 0;
    bool have_origin = false;
    const char *callback = NULL;
    int64_t quantum = 5000;
    int i = 1;
    static const char usage[] =
        "mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]";
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        for (const char *p = a + 1; *p; p++) {
            char c = *p;
            if (c == 't') {
                trim = true;
                continue;
            }
            if (!strchr("dnOsuCc", c)) {
                char o[3] = {'-', c, 0};
                return shbi_badopt(cmd, o, usage);
            }
            const char *v = p[1] ? p + 1 : (i + 1 < cmd->argc ? cmd->argv[++i] : NULL);
            if (!v) {
                shbi_err(cmd, "-%c: option requires an argument", c);
                return shbi_usage(cmd, usage);
            }
            int64_t n = 0;
            if (c != 'd' && c != 'C' && (!shbi_int(v, &n) || n < 0 || (c == 'c' && n == 0)))
                return shbi_err(cmd, "%s: invalid %s", v,
                                c == 'u'   ? "file descriptor specification"
                                : c == 'O' ? "array origin"
                                : c == 'c' ? "callback quantum"
                                           : "line count");
            switch (c) {
            case 'd': delim = (unsigned char)v[0]; break;
            case 'n': count = n; break;
            case 'O': origin = n; have_origin = true; break;
            case 's': skip = n; break;
            case 'u': fd = (int)n; break;
            case 'C': callback = v; break;
            case 'c': quantum = n; break;
            }
            break;
        }
    }
    const char *name = i < cmd->argc ? cmd->argv[i] : "MAPFILE";
    if (!var_valid_name(name))
        return shbi_err(cmd, "`%s': not a valid identifier", name);
    stream *in = sh_fd(sh, fd);
    if (!in)
        return shbi_err(cmd, "%d: invalid file descriptor: Bad file descriptor", fd);
    ivar *v = var_lookup(sh, name);
    if (v && (v->attr & VA_READONLY)) {
        sh_error(sh, "%s: readonly variable", name);
        return 1;
    }
    if (!have_origin) {
        var_unset(sh, name, true);
        v = NULL;
    }
    if (!v)
        v = var_declare(sh, name, sh->func_depth > 0 && false);
    if (!v)
        return 1;
    if (!v->arr) {
        v->arr = arr_new(sh->g);
        if (v->val) {
            arr_set_idx(sh->g, v->arr, 0, v->val);
            mem_free(sh->g->heap, v->val);
            v->val = NULL;
        }
    }
    v->attr = (v->attr & ~VA_UNSET) | VA_ARRAY;
    bi_reader r;
    bi_reader_init(&r, cmd, in);
    const char *rec;
    size_t len;
    int64_t idx = origin, got = 0, seen = 0;
    int rc;
    /* bi_reader buffers ahead; mapfile owns the rest of its input as bash
     * reads with a buffer too when the fd is not seekable. */
    while ((rc = bi_getrec(&r, delim, &rec, &len)) > 0) {
        if (seen++ < skip)
            continue;
        if (count && got >= count)
            break;
        size_t l = len;
        if (trim && l && (unsigned char)rec[l - 1] == (unsigned)delim)
            l--;
        char *val = mem_strndup(cmd->heap, rec, l);
        if (val && v->arr)
            arr_set_idx(sh->g, v->arr, idx, val);
        if (callback && quantum && (got + 1) % quantum == 0) {
            char *line = mem_printf(cmd->heap, "%s %" PRId64 " %s", callback, idx,
                                    shell_quote(sh->g, val ? val : "", true));
            if (line)
                exec_string(sh, line, strlen(line), NULL, false);
        }
        idx++;
        got++;
    }
    bi_reader_free(&r);
    return 0;
}

VB_BUILTIN("mapfile", bi_mapfile, BI_SHELL | BI_NOFORK)
int bi_mapfile(vb_cmd *cmd)
{
    return mapfile_main(cmd);
}

VB_BUILTIN("readarray", bi_readarray, BI_SHELL | BI_NOFORK)
int bi_readarray(vb_cmd *cmd)
{
    return mapfile_main(cmd);
}
