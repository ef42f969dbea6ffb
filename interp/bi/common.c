/*
 * Shared helpers of the shell builtins: error texts in bash's format,
 * printing variables and functions, compound assignment parsing.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "interp/bi/shbi.h"

int shbi_err(vb_cmd *cmd, const char *fmt, ...)
{
    ish *sh = shbi_sh(cmd);
    bi_flush(cmd);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    sh_errprefix(sh, &b);
    vbuf_printf(&b, "%s: ", cmd->argv[0]);
    va_list ap;
    va_start(ap, fmt);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    vbuf_addc(&b, '\n');
    stream_write(cmd->err, b.data, b.len);
    vbuf_free(&b);
    return 1;
}

int shbi_usage(vb_cmd *cmd, const char *usage)
{
    bi_flush(cmd);
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "%s: usage: %s\n", cmd->argv[0], usage);
    stream_write(cmd->err, b.data, b.len);
    vbuf_free(&b);
    return 2;
}

int shbi_badopt(vb_cmd *cmd, const char *opt, const char *usage)
{
    shbi_err(cmd, "%s: invalid option", opt);
    return shbi_usage(cmd, usage);
}

bool shbi_int(const char *s, int64_t *out)
{
    const char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    bool neg = false;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    if (*p < '0' || *p > '9')
        return false;
    uint64_t v = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        v = v * 10 + (uint64_t)(*p - '0');
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p)
        return false;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return true;
}

static void dq_escape(vbuf *b, const char *s)
{
    /* control characters: bash's $'...' form */
    for (const char *q = s; *q; q++)
        if ((unsigned char)*q < 0x20 || *q == 0x7f) {
            vbuf_addc(b, '$');
            vbuf_addc(b, '\'');
            for (; *s; s++) {
                unsigned char c = (unsigned char)*s;
                switch (c) {
                case '\a': vbuf_adds(b, "\\a"); break;
                case '\b': vbuf_adds(b, "\\b"); break;
                case '\f': vbuf_adds(b, "\\f"); break;
                case '\n': vbuf_adds(b, "\\n"); break;
                case '\r': vbuf_adds(b, "\\r"); break;
                case '\t': vbuf_adds(b, "\\t"); break;
                case '\v': vbuf_adds(b, "\\v"); break;
                case 0x1b: vbuf_adds(b, "\\E"); break;
                case '\\': vbuf_adds(b, "\\\\"); break;
                case '\'': vbuf_adds(b, "\\'"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                        vbuf_printf(b, "\\%03o", c);
                    else
                        vbuf_addc(b, (char)c);
                }
            }
            vbuf_addc(b, '\'');
            return;
        }
    vbuf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\' || *s == '$' || *s == '`')
            vbuf_addc(b, '\\');
        vbuf_addc(b, *s);
    }
    vbuf_addc(b, '"');
}

/* bash's dynamic variables that are arrays, and those it lists as
 * integers (SECONDS only once it has a value). */
static const char *const shbi__special_arrays[] = {
    "FUNCNAME", "BASH_SOURCE", "BASH_LINENO", "BASH_ARGV", "BASH_ARGC", "PIPESTATUS", NULL,
};

static bool shbi__in(const char *const *list, const char *name)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], name) == 0)
            return true;
    return false;
}

bool shbi_special_computed(const char *name)
{
    return shbi__in(shbi__special_arrays, name) || strcmp(name, "SHELLOPTS") == 0 ||
           strcmp(name, "BASHOPTS") == 0 || strcmp(name, "BASH_ALIASES") == 0 ||
           strcmp(name, "BASH_CMDS") == 0;
}

bool shbi_var_invisible(const ivar *v)
{
    if (v->attr & VA_UNSET)
        return true;
    return (v->attr & VA_SPECIAL) && !v->val && !v->arr;
}

void shbi_print_var(vb_cmd *cmd, ivar *v, bool decl_form)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    if (decl_form) {
        char fl[16], *o = fl;
        bool special = (v->attr & VA_SPECIAL) != 0;
        bool valued = v->val || v->arr;
        bool integer = (v->attr & VA_INTEGER) != 0;
        if (special) {
            static const char *const ints[] = {"RANDOM", "SRANDOM", "BASHPID", NULL};
            integer = integer || shbi__in(ints, v->name) || (valued && strcmp(v->name, "SECONDS") == 0);
        }
        /* bash's order */
        if ((v->attr & VA_ARRAY) || (special && shbi__in(shbi__special_arrays, v->name)))
            *o++ = 'a';
        if (v->attr & VA_ASSOC) *o++ = 'A';
        if (integer) *o++ = 'i';
        if (v->attr & VA_NAMEREF) *o++ = 'n';
        if (v->attr & VA_READONLY) *o++ = 'r';
        if (v->attr & VA_TRACE) *o++ = 't';
        if (v->attr & VA_EXPORT) *o++ = 'x';
        if (v->attr & VA_CAPITAL) *o++ = 'c';
        if (v->attr & VA_LOWER) *o++ = 'l';
        if (v->attr & VA_UPPER) *o++ = 'u';
        *o = 0;
        vbuf_printf(&b, "declare -%s %s", fl[0] ? fl : "-", v->name);
    } else
        vbuf_adds(&b, v->name);
    if (!shbi_var_invisible(v)) {
        if (v->arr) {
            vbuf_adds(&b, "=(");
            for (size_t i = 0; i < v->arr->n; i++) {
                if (v->attr & VA_ASSOC) {
                    char *k = shell_quote(((ish *)cmd->shell)->g, v->arr->e[i].key, false);
                    vbuf_printf(&b, "[%s]=", k ? k : v->arr->e[i].key);
                    mem_free(((ish *)cmd->shell)->g->heap, k);
                } else
                    vbuf_printf(&b, "%s[%" PRId64 "]=", i ? " " : "", v->arr->e[i].idx);
                dq_escape(&b, v->arr->e[i].val);
                if (v->attr & VA_ASSOC)
                    vbuf_addc(&b, ' ');
            }
            vbuf_addc(&b, ')');
        } else if (v->val) {
            vbuf_addc(&b, '=');
            if (decl_form)
                dq_escape(&b, v->val);
            else {
                char *q = shell_quote(((ish *)cmd->shell)->g, v->val, false);
                vbuf_adds(&b, q && v->val[0] ? q : "");
                if (!v->val[0])
                    vbuf_adds(&b, "''");
                mem_free(((ish *)cmd->shell)->g->heap, q);
            }
        }
    }
    vbuf_addc(&b, '\n');
    bi_out(cmd, b.data, b.len);
    vbuf_free(&b);
}

void shbi_print_func(vb_cmd *cmd, ifunc *f)
{
    vbuf b;
    vbuf_init(&b, cmd->heap);
    deparse_function(f->name, f->def, &b);
    bi_out(cmd, b.data ? b.data : "", b.len);
    vbuf_free(&b);
}

/* Reads one element of compound text: a shell-quoted word. */
static const char *cw_word(const char *p, vbuf *out)
{
    while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != ')') {
        if (*p == '\'') {
            p++;
            while (*p && *p != '\'')
                vbuf_addc(out, *p++);
            if (*p)
                p++;
        } else if (*p == '"') {
            p++;
            while (*p && *p != '"') {
                if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$' || p[1] == '`'))
                    p++;
                vbuf_addc(out, *p++);
            }
            if (*p)
                p++;
        } else if (*p == '\\' && p[1]) {
            vbuf_addc(out, p[1]);
            p += 2;
        } else if (*p == ']' && p[1] == '=') {
            break;
        } else
            vbuf_addc(out, *p++);
    }
    return p;
}

int shbi_assign_compound(ish *sh, const char *name, const char *text, bool append, int vflags,
                         bool assoc)
{
    ishell *g = sh->g;
    if (!(vflags & VS_LOCAL))
        name = var_ref_target(sh, name);
    ivar *v = var_lookup(sh, name);
    if (v && (v->attr & VA_READONLY)) {
        sh_error(sh, "%s: readonly variable", name);
        return 1;
    }
    if (!v || ((vflags & VS_LOCAL) && !(v->attr & VA_LOCAL)))
        v = var_declare(sh, name, (vflags & VS_LOCAL) != 0);
    if (!v)
        return 1;
    assoc = assoc || (v->attr & VA_ASSOC);
    if (!append)
        var_clear_value(g, v);
    else if (v->val && !v->arr) {
        v->arr = arr_new(g);
        if (v->arr)
            arr_set_idx(g, v->arr, 0, v->val);
        mem_free(g->heap, v->val);
        v->val = NULL;
    }
    if (!v->arr)
        v->arr = arr_new(g);
    v->attr &= ~VA_UNSET;
    v->attr |= assoc ? VA_ASSOC : VA_ARRAY;
    int64_t next = append && !assoc ? arr_max_idx(v->arr) + 1 : 0;
    const char *p = text;
    if (*p == '(')
        p++;
    vbuf k, val;
    vbuf_init(&k, g->heap);
    vbuf_init(&val, g->heap);
    const char *pending_key = NULL;
    (void)pending_key;
    while (*p && *p != ')') {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p || *p == ')')
            break;
        vbuf_clear(&k);
        vbuf_clear(&val);
        if (*p == '[') {
            p = cw_word(p + 1, &k);
            if (*p == ']' && p[1] == '=') {
                p = cw_word(p + 2, &val);
                if (assoc)
                    var_set_elem(sh, v->name, vbuf_str(&k), vbuf_str(&val), VS_NOATTR);
                else {
                    int64_t ix = 0;
                    if (arith_eval(sh, vbuf_str(&k), &ix))
                        break;
                    char nb[32];
                    snprintf(nb, sizeof nb, "%" PRId64, ix);
                    var_set_elem(sh, v->name, nb, vbuf_str(&val), VS_NOATTR);
                    next = ix + 1;
                }
                continue;
            }
            /* not a key: the '[' was literal */
            vbuf b2;
            vbuf_init(&b2, g->heap);
            vbuf_addc(&b2, '[');
            vbuf_add(&b2, k.data ? k.data : "", k.len);
            vbuf_free(&val);
            val = b2;
            if (*p == ']') {
                vbuf_addc(&val, ']');
                p++;
                vbuf tail;
                vbuf_init(&tail, g->heap);
                p = cw_word(p, &tail);
                vbuf_add(&val, tail.data ? tail.data : "", tail.len);
                vbuf_free(&tail);
            }
        } else
            p = cw_word(p, &val);
        if (assoc) {
            /* (k v k v) */
            vbuf v2;
            vbuf_init(&v2, g->heap);
            while (*p == ' ' || *p == '\t' || *p == '\n')
                p++;
            if (*p && *p != ')')
                p = cw_word(p, &v2);
            var_set_elem(sh, v->name, vbuf_str(&val), vbuf_str(&v2), VS_NOATTR);
            vbuf_free(&v2);
            continue;
        }
        char nb[32];
        snprintf(nb, sizeof nb, "%" PRId64, next++);
        var_set_elem(sh, v->name, nb, vbuf_str(&val), VS_NOATTR);
    }
    vbuf_free(&k);
    vbuf_free(&val);
    return 0;
}
