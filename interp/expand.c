/*
 * Word expansion in bash's order: brace, tilde, parameter, arithmetic,
 * command and process substitution, word splitting, pathname expansion,
 * quote removal.
 *
 * A word is built into fields. Each field keeps two forms: its value (quotes
 * removed) and its pattern form, where characters that came from quoted text
 * are escaped with '\' so that pathname expansion and pattern operators treat
 * them literally. Unquoted expansion results go through IFS splitting as they
 * are appended.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <time.h>
#include <wctype.h>

#include "interp/interp.h"
#include "interp/lexer.h"
#include "interp/parser.h"

/* Private flag: no tilde expansion ($(( )) text). */
#define EX_NOTILDE (1 << 20)
/* Private flag: the replacement of ${x/p/r} (quoted & escaped too). */
#define EX_REPL (1 << 21)
/* Private flag: inside an operator word (no assignment-like tilde rule). */
#define EX_OPWORD (1 << 22)

typedef struct xfield {
    char *val;
    char *pat;     /* NULL when the field has no unquoted glob character */
} xfield;

typedef struct xctx {
    ish *sh;
    ishell *g;
    int flags;
    vbuf val, pat;
    bool has_glob;
    bool present;       /* the current field exists (text or a quoted part) */
    int sstate;         /* splitting: 0 start/in field, 1 after IFS whitespace, 2 after IFS delimiter */
    xfield *f;
    size_t nf, capf;
    const char *ifs;
    int err;            /* 1: expansion error (the command fails); 2: fatal (the shell exits) */
    bool word_start;
    /* Without EX_PATTERN/EX_REGEX the pattern form is only built when a
     * field turns out to hold an unquoted glob character: quoted ranges of
     * val that hold special characters are remembered instead. */
    size_t *qseg;       /* pairs: start, end offsets in val */
    size_t nq, capq;
    bool more;          /* parts follow the one being expanded (tilde prefixes) */
} xctx;

static int x_part(xctx *x, const ast_part *pt, bool in_dq, bool first);

/* An error that ends a non-interactive shell with the given status. */
static void x_fatal(xctx *x, int status)
{
    x->err = 2;
    if (!x->sh->interactive && x->sh->flow == FLOW_NONE) {
        x->sh->flow = FLOW_EXIT;
        /* bash: a subshell (( ), $( ), a pipeline part) leaves with 1,
         * and so does a script file (127 is for bash -c) */
        x->sh->exit_status = x->sh->subshell > 0 || x->sh->g->script_file ? 1 : status;
    }
}

void expand_error(ish *sh, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, sh->g->heap);
    sh_errprefix(sh, &b);
    vbuf_vprintf(&b, fmt, ap);
    vbuf_addc(&b, '\n');
    va_end(ap);
    sh_write(sh, 2, b.data, b.len);
    vbuf_free(&b);
}

/* ------------------------------------------------------------------ fields */
static void x_init(xctx *x, ish *sh, int flags)
{
    memset(x, 0, sizeof *x);
    x->sh = sh;
    x->g = sh->g;
    x->flags = flags;
    vbuf_init(&x->val, sh->g->heap);
    vbuf_init(&x->pat, sh->g->heap);
    x->ifs = NULL; /* looked up when first needed */
}

static const char *x_ifs(xctx *x)
{
    if (!x->ifs) {
        ivar *iv = var_lookup(x->sh, "IFS");
        const char *ifs = var_get(x->sh, "IFS");
        x->ifs = (iv && !(iv->attr & VA_UNSET)) ? (ifs ? ifs : "") : " \t\n";
    }
    return x->ifs;
}

static void x_free(xctx *x)
{
    vbuf_free(&x->val);
    vbuf_free(&x->pat);
    mem_free(x->g->heap, x->qseg);
    for (size_t i = 0; i < x->nf; i++) {
        mem_free(x->g->heap, x->f[i].val);
        mem_free(x->g->heap, x->f[i].pat);
    }
    mem_free(x->g->heap, x->f);
}

static bool is_glob_char(char c, bool ext)
{
    return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\' ||
           (ext && (c == '(' || c == ')' || c == '|' || c == '+' || c == '@' || c == '!'));
}

static void x_finish(xctx *x)
{
    if (x->nf + 1 > x->capf) {
        size_t nc = x->capf ? x->capf * 2 : 8;
        xfield *nf = mem_realloc(x->g->heap, x->f, nc * sizeof *nf);
        if (!nf) {
            x->err = 1;
            return;
        }
        x->f = nf;
        x->capf = nc;
    }
    size_t l;
    char *p = NULL;
    if (x->flags & (EX_PATTERN | EX_REGEX)) {
        p = ivbuf_take(&x->pat, &l);
        if (!p)
            p = mem_strdup(x->g->heap, "");
    } else if (x->has_glob) {
        /* build the pattern form now: escape the quoted special characters */
        vbuf pb;
        vbuf_init(&pb, x->g->heap);
        size_t pos = 0, q = 0;
        const char *v = x->val.data ? x->val.data : "";
        while (pos < x->val.len) {
            size_t qs = q < x->nq ? x->qseg[2 * q] : x->val.len;
            size_t qe = q < x->nq ? x->qseg[2 * q + 1] : x->val.len;
            if (pos < qs) {
                vbuf_add(&pb, v + pos, qs - pos);
                pos = qs;
                continue;
            }
            for (; pos < qe; pos++) {
                if (is_glob_char(v[pos], true))
                    vbuf_addc(&pb, '\\');
                vbuf_addc(&pb, v[pos]);
            }
            q++;
        }
        p = ivbuf_take(&pb, &l);
    }
    char *v = ivbuf_take(&x->val, &l);
    x->f[x->nf].val = v ? v : mem_strdup(x->g->heap, "");
    x->f[x->nf].pat = p;
    x->nq = 0;
    x->nf++;
    x->has_glob = false;
    x->present = false;
}


static bool is_ere_char(char c)
{
    return strchr("\\.[]()*+?{}|^$", c) != NULL;
}

/* Long values: the string limit before the copy is made, and the wall-time
 * limit while a value grows (a doubling loop makes each step cheap in
 * commands but not in bytes). */
static bool x_too_long(xctx *x, size_t n)
{
    ishell *g = x->g;
    if (g->lim.max_string_bytes && x->val.len + n > g->lim.max_string_bytes) {
        if (!x->err)
            exec_limit(g, VB_LIMIT_STRING, "maximum string length exceeded (limit string=%llu)",
                       (unsigned long long)g->lim.max_string_bytes);
        x->err = 2;
        return true;
    }
    if (g->deadline_ns && !g->stop && proc_now_ns() >= g->deadline_ns) {
        exec_limit(g, VB_LIMIT_TIME, "maximum wall time exceeded (limit time=%llums)",
                   (unsigned long long)g->lim.max_wall_ms);
        x->err = 2;
        return true;
    }
    return g->stop != 0;
}

static void x_add(xctx *x, const char *s, size_t n, bool quoted)
{
    x->present = true;
    if (n >= 65536 && x_too_long(x, n))
        return;
    size_t start = x->val.len;
    vbuf_add(&x->val, s, n);
    bool ext = (x->sh->shopts & SO_EXTGLOB) != 0;
    if (!(x->flags & (EX_PATTERN | EX_REGEX))) {
        if (quoted) {
            bool special = false;
            for (size_t i = 0; i < n && !special; i++)
                special = is_glob_char(s[i], true);
            if (special) {
                if (x->nq + 1 > x->capq) {
                    size_t nc = x->capq ? x->capq * 2 : 8;
                    size_t *nq = mem_realloc(x->g->heap, x->qseg, nc * 2 * sizeof *nq);
                    if (!nq) {
                        x->err = 1;
                        return;
                    }
                    x->qseg = nq;
                    x->capq = nc;
                }
                x->qseg[2 * x->nq] = start;
                x->qseg[2 * x->nq + 1] = start + n;
                x->nq++;
            }
        } else if (!x->has_glob) {
            for (size_t i = 0; i < n; i++)
                if (s[i] == '*' || s[i] == '?' || s[i] == '[' ||
                    (ext && (s[i] == '(' && i > 0 && strchr("?*+@!", s[i - 1])))) {
                    x->has_glob = true;
                    break;
                }
        }
        goto check;
    }
    if (quoted) {
        for (size_t i = 0; i < n; i++) {
            bool esc = (x->flags & EX_REGEX) ? is_ere_char(s[i]) : is_glob_char(s[i], true);
            if ((x->flags & EX_REPL) && s[i] == '&')
                esc = true; /* a quoted & in ${x/p/r} is itself */
            if (esc)
                vbuf_addc(&x->pat, '\\');
            vbuf_addc(&x->pat, s[i]);
        }
    } else {
        vbuf_add(&x->pat, s, n);
        if (!x->has_glob)
            for (size_t i = 0; i < n; i++)
                if (s[i] == '*' || s[i] == '?' || s[i] == '[' ||
                    (ext && (s[i] == '(' && i > 0 && strchr("?*+@!", s[i - 1])))) {
                    x->has_glob = true;
                    break;
                }
    }
check:
    if (x->g->lim.max_string_bytes && x->val.len > x->g->lim.max_string_bytes && !x->err) {
        exec_limit(x->g, VB_LIMIT_STRING, "maximum string length exceeded (limit string=%llu)",
                   (unsigned long long)x->g->lim.max_string_bytes);
        x->err = 2;
    }
}

/* An unquoted expansion result: IFS splitting unless EX_NOSPLIT. */
static void x_add_split(xctx *x, const char *s, size_t n)
{
    if ((x->flags & EX_NOSPLIT) || !*x_ifs(x)) {
        if (n)
            x_add(x, s, n, false);
        return;
    }
    const char *ifs = x->ifs;
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c && strchr(ifs, c)) {
            bool ws = c == ' ' || c == '\t' || c == '\n';
            if (ws) {
                if (x->present) {
                    x_finish(x);
                    x->sstate = 1;
                }
            } else {
                if (x->sstate == 1 && !x->present) {
                    x->sstate = 2;
                } else {
                    x->present = true;
                    x_finish(x);
                    x->sstate = 2;
                }
            }
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !(s[j] && strchr(ifs, s[j])))
            j++;
        x_add(x, s + i, j - i, false);
        x->sstate = 0;
        i = j;
    }
}

/* Field boundary between elements of unquoted $@ / ${a[@]}. */
static void x_break(xctx *x)
{
    if (x->flags & EX_NOSPLIT) {
        x_add(x, " ", 1, true);
        return;
    }
    if (x->present)
        x_finish(x);
    x->sstate = 1;
}

/* ------------------------------------------------------------------ utf-8 */
static size_t u8_len(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* Byte offset of character index ci (clamped to n). */
static size_t u8_off(const char *s, size_t n, size_t ci)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (k == ci)
                return i;
            k++;
        }
    }
    return n;
}

/* ------------------------------------------------------------------ params */
typedef struct pval {
    char **v;        /* heap strings */
    size_t n;
    bool list;       /* $@ $* a[@] a[*] */
    bool star;       /* joined with IFS[0] in double quotes */
    bool set;        /* for scalars: the variable is set */
} pval;

static void pv_free(ishell *g, pval *pv)
{
    for (size_t i = 0; i < pv->n; i++)
        mem_free(g->heap, pv->v[i]);
    mem_free(g->heap, pv->v);
    pv->v = NULL;
    pv->n = 0;
}

static void pv_push(ishell *g, pval *pv, const char *s, size_t len)
{
    char **nv = mem_realloc(g->heap, pv->v, (pv->n + 1) * sizeof *nv);
    if (!nv)
        return;
    pv->v = nv;
    pv->v[pv->n++] = mem_strndup(g->heap, s, len);
}

static void pv_pushs(ishell *g, pval *pv, const char *s)
{
    pv_push(g, pv, s, strlen(s));
}

static char *pv_join(ishell *g, const pval *pv, const char *sep)
{
    vbuf b;
    vbuf_init(&b, g->heap);
    for (size_t i = 0; i < pv->n; i++) {
        if (i && sep)
            vbuf_adds(&b, sep);
        vbuf_adds(&b, pv->v[i]);
    }
    size_t l;
    char *r = ivbuf_take(&b, &l);
    return r ? r : mem_strdup(g->heap, "");
}

static const char *ifs_sep(xctx *x, char buf[2])
{
    buf[0] = x_ifs(x)[0];
    buf[1] = 0;
    return buf;
}

static bool is_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Resolves the subscript text of a[...] ("@", "*", or an expression). */
static int x_subscript(xctx *x, const ast_word *w, char **out)
{
    return expand_string(x->sh, w, EX_NOSPLIT | EX_NOGLOB, out);
}

/* Fetches the value(s) of a parameter by name and optional subscript text. */
static int x_fetch(xctx *x, const char *name, const char *sub, pval *pv)
{
    ish *sh = x->sh;
    ishell *g = x->g;
    char nb[32];
    memset(pv, 0, sizeof *pv);
    if (!sub && var_valid_name(name)) {
        /* a nameref to an element: declare -n r='a[1]' */
        const char *t = var_ref_target(sh, name);
        const char *br = t != name ? strchr(t, '[') : NULL;
        if (br && t[strlen(t) - 1] == ']') {
            char *base = mem_strndup(g->heap, t, (size_t)(br - t));
            char *s2 = mem_strndup(g->heap, br + 1, strlen(br + 1) - 1);
            int rc = base && s2 ? x_fetch(x, base, s2, pv) : 1;
            mem_free(g->heap, base);
            mem_free(g->heap, s2);
            return rc;
        }
    }
    if (!sub) {
        if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0) {
            pv->list = true;
            pv->star = name[0] == '*';
            for (int i = 0; i < sh->npos; i++)
                pv_pushs(g, pv, sh->pos[i]);
            pv->set = sh->npos > 0;
            return 0;
        }
        const char *val = NULL;
        if (is_digits(name)) {
            long k = strtol(name, NULL, 10);
            if (k == 0)
                val = sh->arg0;
            else if (k <= sh->npos)
                val = sh->pos[k - 1];
        } else if (name[1] == 0 && strchr("#?-$!_", name[0])) {
            switch (name[0]) {
            case '#': snprintf(nb, sizeof nb, "%d", sh->npos); val = nb; break;
            case '?': snprintf(nb, sizeof nb, "%d", sh->status); val = nb; break;
            case '$': snprintf(nb, sizeof nb, "%d", g->shell_pid); val = nb; break;
            case '!':
                if (sh->last_bg_pid) {
                    snprintf(nb, sizeof nb, "%d", sh->last_bg_pid);
                    val = nb;
                }
                break;
            case '-': val = sh_dollar_dash(sh, nb); break;
            case '_': val = sh->last_arg ? sh->last_arg : ""; break;
            }
        } else {
            ivar *v = var_lookup(sh, name);
            if (v && !(v->attr & VA_UNSET)) {
                if (v->arr)
                    val = (v->attr & VA_ASSOC) ? arr_get_key(v->arr, "0") : arr_get_idx(v->arr, 0);
                else
                    val = v->val;
            }
        }
        if (val) {
            pv_pushs(g, pv, val);
            pv->set = true;
        }
        return 0;
    }
    ivar *v = var_lookup(sh, name);
    if (strcmp(sub, "@") == 0 || strcmp(sub, "*") == 0) {
        pv->list = true;
        pv->star = sub[0] == '*';
        if (v && !(v->attr & VA_UNSET)) {
            if (v->arr)
                for (size_t i = 0; i < v->arr->n; i++)
                    pv_pushs(g, pv, v->arr->e[i].val);
            else if (v->val)
                pv_pushs(g, pv, v->val);
        }
        pv->set = pv->n > 0;
        return 0;
    }
    if (!v || (v->attr & VA_UNSET))
        return 0;
    const char *val = NULL;
    if (v->attr & VA_ASSOC) {
        val = v->arr ? arr_get_key(v->arr, sub) : NULL;
    } else {
        int64_t ix = 0;
        if (arith_eval(sh, sub, &ix)) {
            x->err = 1;
            return 1;
        }
        if (v->arr) {
            if (ix < 0) {
                int64_t mx = arr_max_idx(v->arr);
                if (mx + 1 + ix < 0) {
                    expand_error(sh, "%s: bad array subscript", name);
                    return 0;
                }
                ix += mx + 1;
            }
            val = arr_get_idx(v->arr, ix);
        } else if (ix == 0 || ix == -1)
            val = v->val;
    }
    if (val) {
        pv_pushs(g, pv, val);
        pv->set = true;
    }
    return 0;
}

static bool pv_null(const pval *pv, bool colon)
{
    if (!pv->set || pv->n == 0)
        return true;
    if (!colon)
        return false;
    if (pv->list) {
        for (size_t i = 0; i < pv->n; i++)
            if (pv->v[i][0])
                return false;
        return pv->star || pv->n <= 1 ? true : false;
    }
    return pv->v[0][0] == 0;
}

/* Pattern text of an operator argument (quoted parts escaped). */
static char *x_pattern(xctx *x, const ast_word *w)
{
    if (!w)
        return mem_strdup(x->g->heap, "");
    char *p = NULL;
    if (expand_string(x->sh, w, EX_NOSPLIT | EX_PATTERN, &p)) {
        x->err = 1;
        return NULL;
    }
    return p;
}

static int pm_flags(ish *sh)
{
    int f = 0;
    if (sh->shopts & SO_EXTGLOB)
        f |= PM_EXTGLOB;
    return f;
}

static size_t u8_dec(const char *s, size_t n, uint32_t *cp);

/* Whether offset k of s[0..n) is not inside a multi-byte character: a
 * pattern's match starts and ends between characters, as in bash. */
static bool u8_cut(const char *s, size_t n, size_t k)
{
    if (k == 0 || k >= n || ((unsigned char)s[k] & 0xC0) != 0x80)
        return true;
    size_t j = k;
    for (int back = 0; j > 0 && back < 3; back++) {
        j--;
        if (((unsigned char)s[j] & 0xC0) != 0x80)
            break;
    }
    uint32_t cp;
    return j + u8_dec(s + j, n - j, &cp) <= k;
}

static char *trim(xctx *x, const char *s, const char *pat, ast_param_op op)
{
    size_t n = strlen(s), pl = strlen(pat);
    int fl = pm_flags(x->sh);
    ishell *g = x->g;
    switch (op) {
    case PO_TRIM_SHORT_LEFT:
        for (size_t k = 0; k <= n; k++)
            if (u8_cut(s, n, k) && pattern_match(pat, pl, s, k, fl))
                return mem_strdup(g->heap, s + k);
        break;
    case PO_TRIM_LONG_LEFT:
        for (size_t k = n + 1; k-- > 0;)
            if (u8_cut(s, n, k) && pattern_match(pat, pl, s, k, fl))
                return mem_strdup(g->heap, s + k);
        break;
    case PO_TRIM_SHORT_RIGHT:
        for (size_t k = n + 1; k-- > 0;)
            if (u8_cut(s, n, k) && pattern_match(pat, pl, s + k, n - k, fl))
                return mem_strndup(g->heap, s, k);
        break;
    case PO_TRIM_LONG_RIGHT:
        for (size_t k = 0; k <= n; k++)
            if (u8_cut(s, n, k) && pattern_match(pat, pl, s + k, n - k, fl))
                return mem_strndup(g->heap, s, k);
        break;
    default: break;
    }
    return mem_strdup(g->heap, s);
}

/* Replacement text: '&' (unescaped) stands for the match; '\' escapes removed. */
static void add_repl(vbuf *b, const char *rep, const char *m, size_t ml)
{
    if (!m) {
        /* shopt -u patsub_replacement: the text as it is, but \& */
        for (const char *r = rep; *r; r++) {
            if (*r == '\\' && r[1] == '&')
                r++;
            vbuf_addc(b, *r);
        }
        return;
    }
    for (const char *r = rep; *r; r++) {
        if (*r == '\\' && r[1]) {
            r++;
            vbuf_addc(b, *r);
        } else if (*r == '&')
            vbuf_add(b, m, ml);
        else
            vbuf_addc(b, *r);
    }
}

/* A pattern without glob characters as plain text (escapes removed). */
static char *literal_pat(xctx *x, const char *pat)
{
    if (pattern_has_glob(pat, (x->sh->shopts & SO_EXTGLOB) != 0))
        return NULL;
    char *r = mem_alloc(x->g->heap, strlen(pat) + 1);
    if (!r)
        return NULL;
    char *o = r;
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        *o++ = *p;
    }
    *o = 0;
    return r;
}

static char *replace(xctx *x, const char *s, const char *pat, const char *rep, ast_param_op op)
{
    size_t n = strlen(s), pl = strlen(pat);
    bool amp = (x->sh->shopts & SO_PATSUB_REPLACEMENT) != 0;
    if ((op == PO_REPLACE || op == PO_REPLACE_ALL) && pl) {
        char *lit = literal_pat(x, pat);
        if (lit) {
            size_t ll = strlen(lit);
            vbuf b;
            vbuf_init(&b, x->g->heap);
            const char *p = s;
            const char *m;
            while (ll && (m = strstr(p, lit)) != NULL) {
                vbuf_add(&b, p, (size_t)(m - p));
                add_repl(&b, rep, amp ? m : NULL, ll);
                p = m + ll;
                if (op == PO_REPLACE)
                    break;
            }
            vbuf_adds(&b, p);
            mem_free(x->g->heap, lit);
            size_t l;
            char *r = ivbuf_take(&b, &l);
            return r ? r : mem_strdup(x->g->heap, "");
        }
    }
    int fl = pm_flags(x->sh);
    vbuf b;
    vbuf_init(&b, x->g->heap);
    if (op == PO_REPLACE_PREFIX) {
        for (size_t k = n + 1; k-- > 0;)
            if (u8_cut(s, n, k) && pattern_match(pat, pl, s, k, fl)) {
                add_repl(&b, rep, amp ? s : NULL, k);
                vbuf_adds(&b, s + k);
                goto done;
            }
        vbuf_adds(&b, s);
        goto done;
    }
    if (op == PO_REPLACE_SUFFIX) {
        for (size_t k = 0; k <= n; k++)
            if (u8_cut(s, n, k) && pattern_match(pat, pl, s + k, n - k, fl)) {
                vbuf_add(&b, s, k);
                add_repl(&b, rep, amp ? s + k : NULL, n - k);
                goto done;
            }
        vbuf_adds(&b, s);
        goto done;
    }
    if (pl == 0) {
        vbuf_adds(&b, s);
        goto done;
    }
    size_t i = 0;
    bool replaced = false;
    while (i <= n) {
        size_t best = (size_t)-1;
        if (!(replaced && op == PO_REPLACE)) {
            for (size_t k = n; k + 1 > i; k--) {
                if (u8_cut(s, n, k) && pattern_match(pat, pl, s + i, k - i, fl)) {
                    best = k;
                    break;
                }
                if (k == 0)
                    break;
            }
        }
        if (best != (size_t)-1 && best > i) {
            add_repl(&b, rep, amp ? s + i : NULL, best - i);
            i = best;
            replaced = true;
            continue;
        }
        if (best == i && best != (size_t)-1 && !replaced && i < n) {
            /* empty match: bash does not replace empty matches in the middle */
        }
        if (i < n) {
            size_t cl = 1;
            while (i + cl < n && !u8_cut(s, n, i + cl))
                cl++;
            vbuf_add(&b, s + i, cl);
            i += cl;
        } else
            i++;
    }
done:;
    size_t l;
    char *r = ivbuf_take(&b, &l);
    return r ? r : mem_strdup(x->g->heap, "");
}

/* Decodes one UTF-8 character of s[0..n) into *cp; returns its length
 * (1 with the byte itself for an invalid sequence). */
static size_t u8_dec(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t l = u[0] < 0x80 ? 1 : (u[0] & 0xE0) == 0xC0 ? 2 : (u[0] & 0xF0) == 0xE0 ? 3
             : (u[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (l == 0 || l > n) {
        *cp = u[0];
        return 1;
    }
    uint32_t c = l == 1 ? u[0] : l == 2 ? (u[0] & 0x1Fu) : l == 3 ? (u[0] & 0x0Fu) : (u[0] & 0x07u);
    for (size_t i = 1; i < l; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = u[0];
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3Fu);
    }
    *cp = c;
    return l;
}

static void u8_enc(vbuf *b, uint32_t c)
{
    char t[4];
    size_t n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    vbuf_add(b, t, n);
}

/* Upper or lower case of one character; non-ASCII through the C.UTF-8
 * tables (*loc is made on first need, freed by the caller). */
static uint32_t u8_case(uint32_t c, bool upper, locale_t *loc)
{
    if (c < 0x80)
        return (uint32_t)(upper ? toupper((int)c) : tolower((int)c));
    if (!*loc)
        *loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!*loc)
        return c;
    return (uint32_t)(upper ? towupper_l((wint_t)c, *loc) : towlower_l((wint_t)c, *loc));
}

/* The other case of one character (${x~}), or itself. */
static uint32_t u8_toggle(uint32_t c, locale_t *loc)
{
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z')
            return c - 32;
        if (c >= 'A' && c <= 'Z')
            return c + 32;
        return c;
    }
    uint32_t lo = u8_case(c, false, loc);
    return lo != c ? lo : u8_case(c, true, loc);
}

static char *case_conv(xctx *x, const char *s, const char *pat, ast_param_op op)
{
    size_t n = strlen(s);
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    bool upper = op == PO_UPPER_FIRST || op == PO_UPPER_ALL;
    bool toggle = op == PO_TOGGLE_FIRST || op == PO_TOGGLE_ALL;
    bool first = op == PO_UPPER_FIRST || op == PO_LOWER_FIRST || op == PO_TOGGLE_FIRST;
    size_t pl = pat ? strlen(pat) : 0;
    int fl = pm_flags(x->sh);
    locale_t loc = (locale_t)0;
    if (ascii) {
        char *r = mem_strdup(x->g->heap, s);
        if (!r)
            return NULL;
        for (size_t i = 0; r[i]; i++) {
            if (!pl || pattern_match(pat, pl, &r[i], 1, fl))
                r[i] = toggle ? (char)u8_toggle((unsigned char)r[i], &loc)
                                 : (char)(upper ? toupper((unsigned char)r[i]) : tolower((unsigned char)r[i]));
            if (first)
                break;
        }
        return r;
    }
    vbuf b;
    vbuf_init(&b, x->g->heap);
    size_t i = 0;
    bool done = false;
    while (i < n) {
        uint32_t c;
        size_t l = u8_dec(s + i, n - i, &c);
        if (!done && (!pl || pattern_match(pat, pl, s + i, l, fl)))
            u8_enc(&b, toggle ? u8_toggle(c, &loc) : u8_case(c, upper, &loc));
        else
            vbuf_add(&b, s + i, l);
        if (first)
            done = true;
        i += l;
    }
    if (loc)
        freelocale(loc);
    size_t l;
    char *r = ivbuf_take(&b, &l);
    return r ? r : mem_strdup(x->g->heap, "");
}

char *shell_quote(ishell *g, const char *s, bool always)
{
    vbuf b;
    vbuf_init(&b, g->heap);
    bool plain = *s != 0;
    for (const char *p = s; *p; p++)
        if (!(isalnum((unsigned char)*p) || strchr("_-./:=@%+,", *p)))
            plain = false;
    if (plain && !always) {
        vbuf_adds(&b, s);
    } else {
        vbuf_addc(&b, '\'');
        for (const char *p = s; *p; p++) {
            if (*p == '\'')
                vbuf_adds(&b, "'\\''");
            else
                vbuf_addc(&b, *p);
        }
        vbuf_addc(&b, '\'');
    }
    size_t l;
    char *r = ivbuf_take(&b, &l);
    return r ? r : mem_strdup(g->heap, "''");
}

char *ansi_c_quote(ishell *g, const char *s)
{
    bool need = false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 32 || *p == 127)
            need = true;
    if (!need)
        return shell_quote(g, s, true);
    vbuf b;
    vbuf_init(&b, g->heap);
    vbuf_adds(&b, "$'");
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case '\n': vbuf_adds(&b, "\\n"); break;
        case '\t': vbuf_adds(&b, "\\t"); break;
        case '\r': vbuf_adds(&b, "\\r"); break;
        case 27: vbuf_adds(&b, "\\E"); break;
        case 7: vbuf_adds(&b, "\\a"); break;
        case 8: vbuf_adds(&b, "\\b"); break;
        case 12: vbuf_adds(&b, "\\f"); break;
        case 11: vbuf_adds(&b, "\\v"); break;
        case '\'': vbuf_adds(&b, "\\'"); break;
        case '\\': vbuf_adds(&b, "\\\\"); break;
        default:
            if (c < 32 || c == 127)
                vbuf_printf(&b, "\\%03o", c);
            else
                vbuf_addc(&b, (char)c);
        }
    }
    vbuf_addc(&b, '\'');
    size_t l;
    return ivbuf_take(&b, &l);
}

static char *escape_expand(ishell *g, const char *s)
{
    vbuf b;
    vbuf_init(&b, g->heap);
    for (const char *p = s; *p; p++) {
        if (*p != '\\' || !p[1]) {
            vbuf_addc(&b, *p);
            continue;
        }
        p++;
        switch (*p) {
        case 'n': vbuf_addc(&b, '\n'); break;
        case 't': vbuf_addc(&b, '\t'); break;
        case 'r': vbuf_addc(&b, '\r'); break;
        case 'a': vbuf_addc(&b, 7); break;
        case 'b': vbuf_addc(&b, 8); break;
        case 'e': case 'E': vbuf_addc(&b, 27); break;
        case 'f': vbuf_addc(&b, 12); break;
        case 'v': vbuf_addc(&b, 11); break;
        case '\\': vbuf_addc(&b, '\\'); break;
        case '\'': vbuf_addc(&b, '\''); break;
        case '"': vbuf_addc(&b, '"'); break;
        case 'x': {
            int v = 0, k = 0;
            while (k < 2 && isxdigit((unsigned char)p[1])) {
                p++;
                v = v * 16 + (isdigit((unsigned char)*p) ? *p - '0' : (tolower(*p) - 'a' + 10));
                k++;
            }
            if (k)
                vbuf_addc(&b, (char)v);
            else
                vbuf_adds(&b, "\\x");
            break;
        }
        default:
            if (*p >= '0' && *p <= '7') {
                int v = 0, k = 0;
                while (k < 3 && *p >= '0' && *p <= '7') {
                    v = v * 8 + (*p - '0');
                    p++;
                    k++;
                }
                p--;
                vbuf_addc(&b, (char)v);
            } else {
                vbuf_addc(&b, '\\');
                vbuf_addc(&b, *p);
            }
        }
    }
    size_t l;
    char *r = ivbuf_take(&b, &l);
    return r ? r : mem_strdup(g->heap, "");
}

/* Prompt escapes of PS1 and ${x@P}: \u \h \H \w \W \$ \n \t \T \d \s \v \V
 * \e \a \\ and \[ \] (dropped). */
char *prompt_expand(ish *sh, const char *s)
{
    ishell *g = sh->g;
    vbuf b;
    vbuf_init(&b, g->heap);
    struct timespec ts;
    interp_now(g, &ts);
    struct tm tm;
    time_t t = ts.tv_sec;
    gmtime_r(&t, &tm);
    for (const char *p = s; *p; p++) {
        if (*p != '\\' || !p[1]) {
            vbuf_addc(&b, *p);
            continue;
        }
        p++;
        char tb[64];
        switch (*p) {
        case 'u': vbuf_adds(&b, g->user ? g->user : "user"); break;
        case 'h': {
            const char *h = g->hostname ? g->hostname : "vbash";
            const char *dot = strchr(h, '.');
            vbuf_add(&b, h, dot ? (size_t)(dot - h) : strlen(h));
            break;
        }
        case 'H': vbuf_adds(&b, g->hostname ? g->hostname : "vbash"); break;
        case 'w':
        case 'W': {
            const char *cwd = sh->cwd ? sh->cwd : "/";
            const char *home = var_get(sh, "HOME");
            size_t hl = home ? strlen(home) : 0;
            if (*p == 'W') {
                if (hl && strcmp(cwd, home) == 0)
                    vbuf_addc(&b, '~');
                else {
                    const char *sl = strrchr(cwd, '/');
                    vbuf_adds(&b, sl && sl[1] ? sl + 1 : cwd);
                }
            } else if (hl && strncmp(cwd, home, hl) == 0 && (cwd[hl] == '/' || cwd[hl] == 0)) {
                vbuf_addc(&b, '~');
                vbuf_adds(&b, cwd + hl);
            } else
                vbuf_adds(&b, cwd);
            break;
        }
        case '$': vbuf_addc(&b, vfs_uid(g->vfs) == 0 ? '#' : '$'); break;
        case 'n': vbuf_addc(&b, '\n'); break;
        case 'r': vbuf_addc(&b, '\r'); break;
        case 'e': vbuf_addc(&b, 27); break;
        case 'a': vbuf_addc(&b, 7); break;
        case 's': vbuf_adds(&b, "vbash"); break;
        case 'v': vbuf_adds(&b, "5.2"); break;
        case 'V': vbuf_adds(&b, "5.2.15"); break;
        case 't': strftime(tb, sizeof tb, "%H:%M:%S", &tm); vbuf_adds(&b, tb); break;
        case 'T': strftime(tb, sizeof tb, "%I:%M:%S", &tm); vbuf_adds(&b, tb); break;
        case '@': strftime(tb, sizeof tb, "%I:%M %p", &tm); vbuf_adds(&b, tb); break;
        case 'A': strftime(tb, sizeof tb, "%H:%M", &tm); vbuf_adds(&b, tb); break;
        case 'd': strftime(tb, sizeof tb, "%a %b %d", &tm); vbuf_adds(&b, tb); break;
        case '[': case ']': break;
        case '\\': vbuf_addc(&b, '\\'); break;
        default: vbuf_addc(&b, '\\'); vbuf_addc(&b, *p); break;
        }
    }
    size_t l;
    char *r = ivbuf_take(&b, &l);
    return r ? r : mem_strdup(g->heap, "");
}

static void attr_letters(ivar *v, char *out)
{
    char *o = out;
    if (!v) {
        *o = 0;
        return;
    }
    if (v->attr & VA_ARRAY) *o++ = 'a';
    if (v->attr & VA_ASSOC) *o++ = 'A';
    if (v->attr & VA_INTEGER) *o++ = 'i';
    if (v->attr & VA_LOWER) *o++ = 'l';
    if (v->attr & VA_NAMEREF) *o++ = 'n';
    if (v->attr & VA_READONLY) *o++ = 'r';
    if (v->attr & VA_TRACE) *o++ = 't';
    if (v->attr & VA_UPPER) *o++ = 'u';
    if (v->attr & VA_EXPORT) *o++ = 'x';
    *o = 0;
}

/* bash's double-quoted form of a value (declare -p, @K, @A of arrays). */
static void dq_quote(vbuf *b, const char *s)
{
    vbuf_addc(b, '"');
    for (; *s; s++) {
        if (strchr("\"\\$`", *s))
            vbuf_addc(b, '\\');
        vbuf_addc(b, *s);
    }
    vbuf_addc(b, '"');
}

static char *transform(xctx *x, const char *name, const char *s, char op, bool is_list_elem)
{
    ishell *g = x->g;
    switch (op) {
    case 'Q': return ansi_c_quote(g, s); /* bash: $'...' when a control character is in it */
    case 'E': return escape_expand(g, s);
    case 'P': return expand_prompt(x->sh, s);
    case 'U': return case_conv(x, s, NULL, PO_UPPER_ALL);
    case 'L': return case_conv(x, s, NULL, PO_LOWER_ALL);
    case 'u': return case_conv(x, s, NULL, PO_UPPER_FIRST);
    case 'a': {
        char buf[16];
        attr_letters(var_lookup(x->sh, name), buf);
        return mem_strdup(g->heap, buf);
    }
    case 'A': {
        char *q = shell_quote(g, s, true);
        char buf[16];
        ivar *v = var_lookup(x->sh, name);
        attr_letters(v, buf);
        char *r = buf[0] ? mem_printf(g->heap, "declare -%s %s=%s", buf, name, q)
                         : mem_printf(g->heap, "%s=%s", name, q);
        mem_free(g->heap, q);
        return r;
    }
    case 'K':
    case 'k':
        return shell_quote(g, s, true);
    default:
        return mem_strdup(g->heap, s);
    }
}

/* Emits a parameter's value(s) into the fields. */
static void x_emit(xctx *x, pval *pv, bool in_dq)
{
    if (!pv->list) {
        if (pv->n == 0)
            return;
        if (in_dq)
            x_add(x, pv->v[0], strlen(pv->v[0]), true);
        else
            x_add_split(x, pv->v[0], strlen(pv->v[0]));
        return;
    }
    if (in_dq) {
        if (pv->star || (x->flags & EX_NOSPLIT)) {
            char sb[2];
            const char *sep = pv->star ? ifs_sep(x, sb) : " ";
            if (pv->star && x_ifs(x)[0] == 0)
                sep = "";
            char *j = pv_join(x->g, pv, sep);
            x_add(x, j, strlen(j), true);
            mem_free(x->g->heap, j);
            return;
        }
        for (size_t i = 0; i < pv->n; i++) {
            x_add(x, pv->v[i], strlen(pv->v[i]), true);
            if (i + 1 < pv->n)
                x_finish(x);
        }
        return;
    }
    if (x->flags & EX_NOSPLIT) {
        char sb[2];
        const char *sep = pv->star ? ifs_sep(x, sb) : " ";
        char *j = pv_join(x->g, pv, x_ifs(x)[0] || !pv->star ? sep : "");
        x_add_split(x, j, strlen(j));
        mem_free(x->g->heap, j);
        return;
    }
    for (size_t i = 0; i < pv->n; i++) {
        if (i)
            x_break(x);
        x_add_split(x, pv->v[i], strlen(pv->v[i]));
    }
}

/* Expands the parts of an operator word into the current fields, in the
 * quoting context of the parameter. */
static int x_word_into(xctx *x, const ast_word *w, bool in_dq)
{
    if (!w)
        return 0;
    if (in_dq && w->nparts == 0)
        x_add(x, "", 0, true);
    for (size_t i = 0; i < w->nparts; i++) {
        const ast_part *pt = &w->parts[i];
        /* unquoted literal text of the word is split as an expansion result */
        if (!in_dq && pt->kind == AP_LIT && !(x->flags & (EX_NOSPLIT | EX_HEREDOC)) &&
            !(i == 0 && pt->len && pt->text[0] == '~')) {
            const char *ifs = x_ifs(x);
            bool split = false;
            for (size_t k = 0; k < pt->len && !split; k++)
                split = strchr(ifs, pt->text[k]) != NULL && pt->text[k];
            if (split) {
                x_add_split(x, pt->text, pt->len);
                continue;
            }
        }
        bool more = x->more;
        int fl = x->flags;
        x->more = i + 1 < w->nparts;
        x->flags |= EX_OPWORD;
        int rc = x_part(x, pt, in_dq, !in_dq && i == 0 && pt->kind == AP_LIT);
        x->flags = fl;
        x->more = more;
        if (rc)
            return 1;
    }
    return 0;
}

static void apply_each(xctx *x, pval *pv, char *(*fn)(xctx *, const char *, void *), void *arg)
{
    for (size_t i = 0; i < pv->n; i++) {
        char *r = fn(x, pv->v[i], arg);
        if (r) {
            mem_free(x->g->heap, pv->v[i]);
            pv->v[i] = r;
        }
    }
}

struct op_args {
    const char *pat, *rep;
    ast_param_op op;
    char ch;
    const char *name;
};

static char *fn_trim(xctx *x, const char *s, void *a)
{
    struct op_args *o = a;
    return trim(x, s, o->pat, o->op);
}
static char *fn_repl(xctx *x, const char *s, void *a)
{
    struct op_args *o = a;
    return replace(x, s, o->pat, o->rep, o->op);
}
static char *fn_case(xctx *x, const char *s, void *a)
{
    struct op_args *o = a;
    return case_conv(x, s, o->pat, o->op);
}
static char *fn_transform(xctx *x, const char *s, void *a)
{
    struct op_args *o = a;
    return transform(x, o->name, s, o->ch, true);
}

static int x_param(xctx *x, const ast_param *p, bool in_dq)
{
    ish *sh = x->sh;
    ishell *g = x->g;
    char *sub = NULL;
    char *name = mem_strdup(g->heap, p->name);
    pval pv;
    int rc = 0;
    memset(&pv, 0, sizeof pv);
    if (!name)
        return 1;

    if (p->op == PO_BAD) {
        /* ${name@X} with an unknown X is only checked on a set variable,
         * and is fatal; the other malformed forms fail the command */
        const char *src = p->src ? p->src : "";
        size_t sl = strlen(src), k = 2;
        while (k < sl && (isalnum((unsigned char)src[k]) || src[k] == '_'))
            k++;
        if (sl > 5 && strncmp(src, "${", 2) == 0 && k > 2 && k + 3 == sl && src[k] == '@' &&
            src[sl - 1] == '}') {
            char *vn = mem_strndup(g->heap, src + 2, k - 2);
            if (vn && x_fetch(x, vn, NULL, &pv) == 0 && !pv.set) {
                mem_free(g->heap, vn);
                goto out;
            }
            mem_free(g->heap, vn);
            expand_error(sh, "%s: bad substitution", src);
            x_fatal(x, 127);
            rc = 1;
            goto out;
        }
        expand_error(sh, "%s: bad substitution", src);
        x->err = 1;
        rc = 1;
        goto out;
    }

    /* ${!prefix*} ${!prefix@} */
    if (p->op == PO_PREFIX_NAMES) {
        pv.list = true;
        pv.star = p->op_char == '*';
        size_t pl = strlen(name);
        /* collect names from every scope, sorted and unique */
        char **names = NULL;
        size_t nn = 0;
        ivar_iter it;
        var_iter_init(&it, sh);
        for (ivar *v; (v = var_iter_next(&it));) {
            if (strncmp(v->name, name, pl) != 0 || (v->attr & VA_UNSET))
                continue;
            if ((v->attr & VA_SPECIAL) && !v->val && !v->arr)
                continue;
            char **nn2 = mem_realloc(g->heap, names, (nn + 1) * sizeof *names);
            if (!nn2)
                break;
            names = nn2;
            names[nn++] = v->name;
        }
        for (size_t i = 1; i < nn; i++)
            for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
                char *t = names[k];
                names[k] = names[k - 1];
                names[k - 1] = t;
            }
        for (size_t i = 0; i < nn; i++)
            pv_pushs(g, &pv, names[i]);
        mem_free(g->heap, names);
        pv.set = pv.n > 0;
        x_emit(x, &pv, in_dq);
        goto out;
    }

    if (p->indirect) {
        pval ip;
        char *isub = NULL;
        if (p->index && x_subscript(x, p->index, &isub)) {
            rc = 1;
            goto out;
        }
        x_fetch(x, name, isub, &ip);
        mem_free(g->heap, isub);
        if (!ip.set || ip.n == 0) {
            if (p->op == PO_NONE || p->op == PO_LENGTH) {
                expand_error(sh, "%s: invalid indirect expansion", name);
                pv_free(g, &ip);
                x->err = 2; /* abandons the command line, as bash */
                rc = 1;
                goto out;
            }
            mem_free(g->heap, name);
            name = mem_strdup(g->heap, "");
        } else {
            char *target = ip.list ? pv_join(g, &ip, " ") : mem_strdup(g->heap, ip.v[0]);
            mem_free(g->heap, name);
            name = target;
        }
        pv_free(g, &ip);
        char *br = name ? strchr(name, '[') : NULL;
        if (br && name[strlen(name) - 1] == ']') {
            *br = 0;
            sub = mem_strndup(g->heap, br + 1, strlen(br + 1) - 1);
        } else if (name && *name && !var_valid_name(name) && !is_digits(name) &&
                   !(name[1] == 0 && strchr("@*#?-$!_", name[0]))) {
            expand_error(sh, "%s: invalid variable name", name);
            x->err = 1;
            rc = 1;
            goto out;
        }
    } else if (p->index) {
        if (x_subscript(x, p->index, &sub)) {
            rc = 1;
            goto out;
        }
    }

    if (p->op == PO_KEYS) {
        ivar *v = var_lookup(sh, name);
        pv.list = true;
        pv.star = p->op_char == '*';
        if (v && !(v->attr & VA_UNSET)) {
            if (v->arr) {
                for (size_t i = 0; i < v->arr->n; i++) {
                    if (v->attr & VA_ASSOC)
                        pv_pushs(g, &pv, v->arr->e[i].key);
                    else {
                        char nb[32];
                        snprintf(nb, sizeof nb, "%" PRId64, v->arr->e[i].idx);
                        pv_pushs(g, &pv, nb);
                    }
                }
            } else if (v->val)
                pv_pushs(g, &pv, "0");
        }
        pv.set = pv.n > 0;
        x_emit(x, &pv, in_dq);
        goto out;
    }

    if (x_fetch(x, name, sub, &pv)) {
        rc = 1;
        goto out;
    }

    /* set -u */
    if (p->op == PO_LENGTH && p->index && (sh->opts & O_NOUNSET) && !p->indirect) {
        /* ${#a[i]} ${#a[@]}: only a variable without any value is an
         * error, which abandons the command line (status 1) */
        ivar *lv = var_lookup(sh, name);
        if (!lv || (lv->attr & VA_UNSET)) {
            expand_error(sh, "%s: unbound variable", name);
            x->err = 2;
            rc = 1;
            goto out;
        }
        pv.set = true;
    }
    if (!pv.set && (sh->opts & O_NOUNSET) && p->op == PO_LENGTH && is_digits(name)) {
        expand_error(sh, "%s: unbound variable", name);
        x_fatal(x, 127);
        rc = 1;
        goto out;
    }
    if (!pv.set && (sh->opts & O_NOUNSET) && p->op != PO_DEFAULT && p->op != PO_ASSIGN &&
        p->op != PO_ERROR && p->op != PO_ALT && !pv.list &&
        !(p->op == PO_NONE && (strcmp(name, "@") == 0 || strcmp(name, "*") == 0))) {
        if (p->indirect)
            expand_error(sh, "!%s: unbound variable", p->name);
        else if (sub)
            expand_error(sh, "%s[%s]: unbound variable", name, sub);
        else if (is_digits(name))
            expand_error(sh, "$%s: unbound variable", name);
        else
            expand_error(sh, "%s: unbound variable", name);
        x_fatal(x, 127);
        rc = 1;
        goto out;
    }
    if (pv.list && !pv.set && (sh->opts & O_NOUNSET) && sub == NULL && p->op == PO_LENGTH) {
        /* ${#@} is fine */
    }

    switch (p->op) {
    case PO_NONE:
        x_emit(x, &pv, in_dq);
        break;
    case PO_LENGTH: {
        char nb[32];
        if (pv.list)
            snprintf(nb, sizeof nb, "%zu", pv.n);
        else if (pv.n)
            snprintf(nb, sizeof nb, "%zu", u8_len(pv.v[0], strlen(pv.v[0])));
        else
            snprintf(nb, sizeof nb, "0");
        if (in_dq)
            x_add(x, nb, strlen(nb), true);
        else
            x_add_split(x, nb, strlen(nb));
        break;
    }
    case PO_DEFAULT:
        if (pv_null(&pv, p->colon))
            rc = x_word_into(x, p->arg, in_dq);
        else
            x_emit(x, &pv, in_dq);
        break;
    case PO_ALT:
        if (!pv_null(&pv, p->colon))
            rc = x_word_into(x, p->arg, in_dq);
        else if (in_dq && !pv.list)
            x_add(x, "", 0, true);
        break;
    case PO_ASSIGN:
        if (pv_null(&pv, p->colon)) {
            char *val = NULL;
            if (p->arg && expand_string(sh, p->arg, EX_NOSPLIT | EX_NOGLOB, &val)) {
                x->err = 1;
                rc = 1;
                break;
            }
            if (!val)
                val = mem_strdup(g->heap, "");
            if (is_digits(name) || (name[0] && !name[1] && strchr("@*#?-$!_", name[0]))) {
                expand_error(sh, "$%s: cannot assign in this way", name);
                mem_free(g->heap, val);
                x->err = 2;
                rc = 1;
                break;
            }
            if ((sub ? var_set_elem(sh, name, sub, val, 0) : var_set(sh, name, val, 0))) {
                mem_free(g->heap, val);
                x->err = 1;
                rc = 1;
                break;
            }
            pv_free(g, &pv);
            pv_pushs(g, &pv, val);
            pv.set = true;
            pv.list = false;
            mem_free(g->heap, val);
        }
        x_emit(x, &pv, in_dq);
        break;
    case PO_ERROR:
        if (pv_null(&pv, p->colon)) {
            char *msg = NULL;
            if (p->arg && p->arg->nparts)
                expand_string(sh, p->arg, EX_NOSPLIT | EX_NOGLOB, &msg);
            if (msg && *msg)
                expand_error(sh, "%s: %s", name, msg);
            else
                expand_error(sh, "%s: %s", name,
                             p->colon ? "parameter null or not set" : "parameter not set");
            mem_free(g->heap, msg);
            x_fatal(x, 127);
            rc = 1;
            break;
        }
        x_emit(x, &pv, in_dq);
        break;
    case PO_TRIM_SHORT_LEFT:
    case PO_TRIM_LONG_LEFT:
    case PO_TRIM_SHORT_RIGHT:
    case PO_TRIM_LONG_RIGHT: {
        char *pat = x_pattern(x, p->arg);
        if (!pat) {
            rc = 1;
            break;
        }
        struct op_args oa = {.pat = pat, .op = p->op};
        apply_each(x, &pv, fn_trim, &oa);
        mem_free(g->heap, pat);
        x_emit(x, &pv, in_dq);
        break;
    }
    case PO_REPLACE:
    case PO_REPLACE_ALL:
    case PO_REPLACE_PREFIX:
    case PO_REPLACE_SUFFIX: {
        char *pat = x_pattern(x, p->arg);
        char *rep = NULL;
        if (!pat) {
            rc = 1;
            break;
        }
        if (p->arg2) {
            if (expand_string(sh, p->arg2, EX_NOSPLIT | EX_PATTERN | EX_REPL, &rep)) {
                mem_free(g->heap, pat);
                x->err = 1;
                rc = 1;
                break;
            }
        }
        struct op_args oa = {.pat = pat, .rep = rep ? rep : "", .op = p->op};
        apply_each(x, &pv, fn_repl, &oa);
        mem_free(g->heap, pat);
        mem_free(g->heap, rep);
        x_emit(x, &pv, in_dq);
        break;
    }
    case PO_UPPER_FIRST:
    case PO_UPPER_ALL:
    case PO_LOWER_FIRST:
    case PO_LOWER_ALL:
    case PO_TOGGLE_FIRST:
    case PO_TOGGLE_ALL: {
        char *pat = p->arg ? x_pattern(x, p->arg) : NULL;
        struct op_args oa = {.pat = pat && *pat ? pat : NULL, .op = p->op};
        apply_each(x, &pv, fn_case, &oa);
        mem_free(g->heap, pat);
        x_emit(x, &pv, in_dq);
        break;
    }
    case PO_SUBSTR: {
        char *os = NULL, *ls = NULL;
        int64_t off = 0, len = 0;
        bool has_len = p->arg2 != NULL;
        if (p->arg && expand_string(sh, p->arg, EX_NOSPLIT | EX_NOGLOB, &os)) {
            x->err = 1;
            rc = 1;
            break;
        }
        if (has_len && expand_string(sh, p->arg2, EX_NOSPLIT | EX_NOGLOB, &ls)) {
            mem_free(g->heap, os);
            x->err = 1;
            rc = 1;
            break;
        }
        /* errors name the parameter: "x: 2:3: syntax error ..." */
        const char *saved_pre = sh->arith_prefix;
        char *pre = NULL;
        if (!pv.list || (!sub && (strcmp(name, "@") == 0 || strcmp(name, "*") == 0))) {
            pre = sub ? mem_printf(g->heap, "%s[%s]", name, sub) : mem_strdup(g->heap, name);
            sh->arith_prefix = pre;
        }
        bool bad = (os && arith_eval(sh, os, &off)) || (ls && arith_eval(sh, ls, &len));
        sh->arith_prefix = saved_pre;
        mem_free(g->heap, pre);
        if (bad) { /* an arithmetic error: the command line is given up, as $(( )) */
            mem_free(g->heap, os);
            mem_free(g->heap, ls);
            x->err = 2;
            rc = 1;
            break;
        }
        mem_free(g->heap, os);
        mem_free(g->heap, ls);
        if (pv.list) {
            /* element slice; for $@ offset 0 is $0 */
            pval all;
            memset(&all, 0, sizeof all);
            all.list = true;
            all.star = pv.star;
            bool pos = !sub && (strcmp(name, "@") == 0 || strcmp(name, "*") == 0);
            size_t n = pv.n + (pos ? 1 : 0);
            int64_t start = off;
            if (start < 0)
                start += (int64_t)n;
            if (pos && off < 0)
                start = (int64_t)n + off;
            ivar *iav = sub ? var_lookup(sh, name) : NULL;
            bool by_index = iav && iav->arr && !(iav->attr & VA_ASSOC);
            if (!by_index && (start < 0 || start > (int64_t)n)) {
                pv_free(g, &pv);
                pv = all;
                x_emit(x, &pv, in_dq);
                break;
            }
            int64_t end = has_len ? (len < 0 ? -1 : start + len) : (int64_t)n;
            if (has_len && len < 0) {
                expand_error(sh, "%s: substring expression < 0", p->arg2 && p->arg2->src ? p->arg2->src : "");
                x->err = 1;
                rc = 1;
                break;
            }
            if (end > (int64_t)n)
                end = (int64_t)n;
            if (!sub && !pos) {
                /* not reached */
            }
            /* For indexed arrays the offset is an index, not a position. */
            ivar *av = sub ? var_lookup(sh, name) : NULL;
            if (av && av->arr && !(av->attr & VA_ASSOC)) {
                int64_t first = off;
                if (first < 0)
                    first += arr_max_idx(av->arr) + 1;
                size_t cnt = 0;
                for (size_t i = 0; i < av->arr->n && first >= 0; i++) {
                    if (av->arr->e[i].idx < first)
                        continue;
                    if (has_len && (int64_t)cnt >= len)
                        break;
                    pv_pushs(g, &all, av->arr->e[i].val);
                    cnt++;
                }
            } else {
                for (int64_t i = start; i < end; i++) {
                    const char *e = pos ? (i == 0 ? sh->arg0 : pv.v[i - 1]) : pv.v[i];
                    pv_pushs(g, &all, e ? e : "");
                }
            }
            all.set = all.n > 0;
            pv_free(g, &pv);
            pv = all;
            x_emit(x, &pv, in_dq);
            break;
        }
        if (pv.n) {
            const char *s = pv.v[0];
            size_t bl = strlen(s);
            int64_t n = (int64_t)u8_len(s, bl);
            int64_t start = off < 0 ? n + off : off;
            if (start < 0)
                start = n + 1; /* bash: out of range gives empty */
            int64_t end = n;
            if (has_len) {
                if (len < 0) {
                    end = n + len;
                    if (end < start && start <= n) {
                        expand_error(sh, "%s: substring expression < 0",
                                     p->arg2 && p->arg2->src ? p->arg2->src : "");
                        x->err = 1;
                        rc = 1;
                        break;
                    }
                } else
                    end = start + len;
            }
            if (end > n)
                end = n;
            char *r;
            if (start > n || end <= start)
                r = mem_strdup(g->heap, "");
            else {
                size_t b0 = u8_off(s, bl, (size_t)start), b1 = u8_off(s, bl, (size_t)end);
                r = mem_strndup(g->heap, s + b0, b1 - b0);
            }
            mem_free(g->heap, pv.v[0]);
            pv.v[0] = r;
        }
        x_emit(x, &pv, in_dq);
        break;
    }
    case PO_TRANSFORM: {
        if (!pv.set && p->op_char == 'A' && !pv.list) {
            /* a variable with attributes but no value there: bash shows
             * its declaration alone */
            char buf[16];
            ivar *dv = var_lookup(sh, name);
            attr_letters(dv, buf);
            if (dv && buf[0]) {
                char *r = mem_printf(g->heap, "declare -%s %s", buf, name);
                if (r) {
                    pv_pushs(g, &pv, r);
                    mem_free(g->heap, r);
                    pv.set = true;
                    x_emit(x, &pv, in_dq);
                }
                break;
            }
        }
        if (!pv.set && p->op_char != 'a') {
            if (pv.list)
                x_emit(x, &pv, in_dq);
            break;
        }
        if (p->op_char == 'A' && pv.list && !sub) {
            /* ${@@A} */
            vbuf b;
            vbuf_init(&b, g->heap);
            vbuf_adds(&b, "set --");
            for (size_t i = 0; i < pv.n; i++) {
                char *q = shell_quote(g, pv.v[i], true);
                vbuf_addc(&b, ' ');
                vbuf_adds(&b, q);
                mem_free(g->heap, q);
            }
            pv_free(g, &pv);
            pv_pushs(g, &pv, vbuf_str(&b));
            pv.set = true;
            vbuf_free(&b);
            x_emit(x, &pv, in_dq);
            break;
        }
        if (p->op_char == 'K' || p->op_char == 'k' || (p->op_char == 'A' && pv.list)) {
            ivar *v = var_lookup(sh, name);
            if (v && v->arr && (!sub || pv.list)) {
                pval kv;
                memset(&kv, 0, sizeof kv);
                kv.list = true;
                kv.star = pv.star;
                vbuf b;
                vbuf_init(&b, g->heap);
                if (p->op_char == 'A') {
                    char ab[16];
                    attr_letters(v, ab);
                    vbuf_printf(&b, "declare -%s %s=(", ab[0] ? ab : "-", name);
                }
                for (size_t i = 0; i < v->arr->n; i++) {
                    char nb[32];
                    const char *key = v->arr->e[i].key;
                    if (!key) {
                        snprintf(nb, sizeof nb, "%" PRId64, v->arr->e[i].idx);
                        key = nb;
                    }
                    if (p->op_char == 'A') {
                        if (i)
                            vbuf_addc(&b, ' ');
                        vbuf_printf(&b, "[%s]=", key);
                        dq_quote(&b, v->arr->e[i].val);
                    } else if (p->op_char == 'K') {
                        if (i)
                            vbuf_addc(&b, ' ');
                        vbuf_printf(&b, "%s ", key);
                        dq_quote(&b, v->arr->e[i].val);
                    } else {
                        pv_pushs(g, &kv, key);
                        pv_pushs(g, &kv, v->arr->e[i].val);
                    }
                }
                if (p->op_char == 'A')
                    vbuf_adds(&b, (v->attr & VA_ASSOC) ? " )" : ")");
                if (p->op_char != 'k') {
                    pv_free(g, &pv);
                    pv_pushs(g, &pv, vbuf_str(&b));
                    pv.list = false;
                    pv.set = true;
                } else {
                    pv_free(g, &pv);
                    pv = kv;
                    pv.set = true;
                    memset(&kv, 0, sizeof kv);
                }
                vbuf_free(&b);
                pv_free(g, &kv);
                x_emit(x, &pv, in_dq);
                break;
            }
        }
        if (p->op_char == 'a' && !pv.n) {
            char buf[16];
            attr_letters(var_lookup(sh, name), buf);
            pv_pushs(g, &pv, buf);
            pv.set = true;
        } else {
            struct op_args oa = {.ch = p->op_char, .name = name};
            apply_each(x, &pv, fn_transform, &oa);
        }
        x_emit(x, &pv, in_dq);
        break;
    }
    default:
        x_emit(x, &pv, in_dq);
        break;
    }
out:
    pv_free(g, &pv);
    mem_free(g->heap, sub);
    mem_free(g->heap, name);
    return rc;
}

/* ------------------------------------------------------------------ tilde */
static const char *tilde_value(ish *sh, const char *user, size_t n, char *buf, size_t bsz,
                               bool dirstack)
{
    if (n == 0) {
        const char *h = var_get(sh, "HOME");
        return h ? h : "/home/user";
    }
    if (n == 1 && user[0] == '+')
        return var_get(sh, "PWD");
    if (n == 1 && user[0] == '-')
        return var_get(sh, "OLDPWD");
    /* ~N ~+N ~-N: the directory stack (0 is the current directory) */
    size_t k = (user[0] == '+' || user[0] == '-') ? 1 : 0;
    if (dirstack && k < n && n - k <= 6) {
        bool digits = true;
        for (size_t i = k; i < n; i++)
            digits = digits && user[i] >= '0' && user[i] <= '9';
        if (digits) {
            long want = strtol(user + k, NULL, 10);
            long count = 1;
            for (idir *d = sh->dirs; d; d = d->next)
                count++;
            if (user[0] == '-')
                want = count - 1 - want;
            if (want < 0 || want >= count)
                return NULL;
            if (want == 0)
                return var_get(sh, "PWD");
            idir *d = sh->dirs;
            while (--want > 0 && d)
                d = d->next;
            return d ? d->path : NULL;
        }
    }
    if (n == 4 && memcmp(user, "root", 4) == 0)
        return "/root";
    const char *me = sh->g->user ? sh->g->user : "user";
    if (strlen(me) == n && memcmp(me, user, n) == 0) {
        snprintf(buf, bsz, "/home/%s", me);
        return buf;
    }
    return NULL;
}

/* Unquoted literal text, with tilde expansion where allowed. */
static void x_lit(xctx *x, const char *s, size_t n, bool first, bool last_part)
{
    size_t i = 0;
    bool tilde_ok = first && !(x->flags & EX_NOTILDE);
    if (first && x->flags == 0 && n && (isalpha((unsigned char)s[0]) || s[0] == '_')) {
        /* an argument that looks like an assignment: tilde after = and : */
        size_t k = 1;
        while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_'))
            k++;
        if (k < n && s[k] == '=') {
            x->flags |= EX_ASSIGN;
            x_add(x, s, k + 1, false);
            x_lit(x, s + k + 1, n - k - 1, true, last_part);
            x->flags &= ~EX_ASSIGN;
            return;
        }
    }
    while (i < n) {
        if (s[i] == '~' && tilde_ok) {
            size_t j = i + 1;
            while (j < n && s[j] != '/' && !((x->flags & EX_ASSIGN) && s[j] == ':'))
                j++;
            bool terminated = j < n || last_part;
            char buf[300];
            /* ~N only where words are globbed or assigned: not in the
             * arithmetic of (( )) (~0 is a complement there) */
            bool ds = !(x->flags & EX_NOGLOB) || (x->flags & EX_ASSIGN);
            const char *v = terminated ? tilde_value(x->sh, s + i + 1, j - i - 1, buf, sizeof buf, ds)
                                       : NULL;
            if (v) {
                x_add(x, v, strlen(v), true);
                i = j;
                tilde_ok = false;
                continue;
            }
        }
        size_t j = i;
        while (j < n && !((x->flags & EX_ASSIGN) && s[j] == ':'))
            j++;
        if (j < n)
            j++; /* include ':' */
        x_add(x, s + i, j - i, false);
        tilde_ok = (x->flags & EX_ASSIGN) && j > 0 && s[j - 1] == ':';
        i = j;
    }
}

/* ------------------------------------------------------------------ substitutions */
/* A command substitution: the parsed body, or (src) the text of a
 * backquoted one that did not parse, which bash parses only when it runs:
 * the child reports the syntax error as "command substitution" and
 * ends with status 2. */
static int x_cmdsub(ish *sh, ast_node *body, const char *src, const char *ltext, char **out)
{
    ishell *g = sh->g;
    vbuf b;
    vbuf_init(&b, g->heap);
    *out = NULL;
    int st = 0;
    if (body || src) {
        ish *c = ish_fork(sh, sh->proc);
        if (!c)
            return 1;
        c->subshell = sh->subshell + 1;
        c->is_subshell_exit = true;
        c->bashpid = g->next_pid++;
        c->xlevel = sh->xlevel + 1;
        if (!(sh->shopts & SO_INHERIT_ERREXIT))
            c->opts &= ~O_ERREXIT;
        stream *cap = capture_stream(g, &b, false);
        if (cap) {
            sh_set_fd(c, 1, cap);
            stream_unref(cap);
        }
        const ast_node *one = body;
        while (one && ((one->kind == N_LIST && one->nitems == 1 && !one->items[0]->background) ||
                       (one->kind == N_PIPELINE && one->nitems == 1 && !one->negate && !one->timed)))
            one = one->items[0];
        ast_redir *rd = one && one->kind == N_SIMPLE && one->nwords == 0 && !one->assigns
                            ? one->redirs : NULL;
        if (rd && !rd->next && rd->op == R_IN && rd->fd <= 0 && !rd->fd_var) {
            /* $(< file): the file's contents, no command */
            st = redir_apply(c, rd, NULL);
            stream *in = st ? NULL : sh_fd(c, 0);
            char buf[16384];
            ssize_t k;
            while (in && (k = stream_read(in, buf, sizeof buf)) > 0) {
                vbuf_add(&b, buf, (size_t)k);
                if ((g->lim.max_string_bytes && b.len > g->lim.max_string_bytes) || exec_should_stop(c))
                    break;
            }
        } else if (!body) {
            /* bash counts the lines of the text from the line it is on:
             * blank lines in front give the parser that numbering */
            vbuf t;
            vbuf_init(&t, g->heap);
            for (int i = 1; i < sh->lineno && i < 1000000; i++)
                vbuf_addc(&t, '\n');
            vbuf_adds(&t, src);
            st = exec_string(c, t.data ? t.data : src, t.data ? t.len : strlen(src), "command substitution", false);
            vbuf_free(&t);
        }
        else if (ltext) {
            /* bash runs the text, its first line numbered as the line
             * of the command that expands it */
            c->next_first_line = sh->lineno > 0 ? sh->lineno : 1;
            st = exec_string(c, ltext, strlen(ltext), NULL, false);
        } else
            st = exec_node(c, body);
        if (c->flow == FLOW_EXIT)
            st = c->exit_status;
        exec_run_exit_trap(c);
        exec_wait_hidden(c);
        ish_free(c);
    }
    sh->status = st;
    sh->cmdsub_ran = true;
    sh->pipestatus[0] = st;
    sh->npipestatus = 1;
    size_t l = b.len;
    while (l > 0 && b.data[l - 1] == '\n')
        l--;
    /* shell strings drop NUL bytes */
    size_t k = 0;
    for (size_t i = 0; i < l; i++)
        if (b.data[i])
            b.data[k++] = b.data[i];
    if (k < l)
        expand_error(sh, "warning: command substitution: ignored null byte in input");
    *out = mem_strndup(g->heap, b.data ? b.data : "", k);
    vbuf_free(&b);
    if (g->lim.max_string_bytes && k > g->lim.max_string_bytes) {
        exec_limit(g, VB_LIMIT_STRING, "maximum string length exceeded (limit string=%llu)",
                   (unsigned long long)g->lim.max_string_bytes);
        return 2;
    }
    return 0;
}

/* A prompt string (PS4, ${x@P}): its backslash escapes, then parameter,
 * command and arithmetic expansion of the result as bash's
 * decode_prompt_string does (read as a here-document body). Heap string. */
char *expand_prompt(ish *sh, const char *s)
{
    ishell *g = sh->g;
    char *dec = prompt_expand(sh, s);
    if (!dec || !strpbrk(dec, "$`\\"))
        return dec;
    iarena *a = iarena_new(g);
    if (!a)
        return dec;
    parser_opts po = {0};
    po.extglob = (sh->shopts & SO_EXTGLOB) != 0;
    size_t len = strlen(dec);
    parser *p = parser_new(a->heap, dec, len, &po);
    ast_word *w = p ? lx_heredoc_word(p, sh->lineno, mem_strndup(a->heap, dec, len)) : NULL;
    char *out = NULL;
    if (w && !p->failed) {
        int saved = sh->status;
        bool ran = sh->cmdsub_ran;
        if (expand_string(sh, w, EX_NOSPLIT | EX_NOGLOB | EX_HEREDOC, &out)) {
            mem_free(g->heap, out);
            out = NULL;
        }
        sh->status = saved; /* a $( ) in it leaves $? as it was */
        sh->cmdsub_ran = ran;
    }
    if (p)
        parser_free(p);
    iarena_unref(a);
    if (!out)
        return dec;
    mem_free(g->heap, dec);
    return out;
}

/* The set -x prefix: PS4 expanded (with xtrace off), its first character
 * repeated once more per level of nesting; nothing when PS4 is unset or
 * empty, as bash. */
void sh_xtrace_prefix(ish *sh, vbuf *b)
{
    const char *ps4 = var_get(sh, "PS4");
    if (!ps4 || !*ps4)
        return;
    int saved = sh->opts;
    sh->opts &= ~O_XTRACE;
    char *e = expand_prompt(sh, ps4);
    sh->opts = saved;
    if (!e)
        return;
    for (int i = 0; i < sh->xlevel && e[0]; i++)
        vbuf_addc(b, e[0]);
    vbuf_adds(b, e);
    mem_free(sh->g->heap, e);
}

int expand_cmdsub(ish *sh, ast_node *body, char **out)
{
    return x_cmdsub(sh, body, NULL, NULL, out);
}

typedef struct psub_arg {
    ish *sh;
    ast_node *body;
    iarena *arena;
} psub_arg;

static int psub_main(iproc *p, void *arg)
{
    psub_arg *a = arg;
    ish *c = a->sh;
    c->proc = p;
    int st = exec_node(c, a->body);
    if (c->flow == FLOW_EXIT)
        st = c->exit_status;
    exec_run_exit_trap(c);
    ish_free(c);
    iarena_unref(a->arena);
    mem_free(p->g->heap, a);
    return st;
}

static int x_procsub(xctx *x, const ast_part *pt)
{
    ish *sh = x->sh;
    ishell *g = x->g;
    stream *r = NULL, *w = NULL;
    if (pipe_new(g, &r, &w) < 0)
        return 1;
    ish *c = ish_fork(sh, NULL);
    psub_arg *a = mem_calloc(g->heap, 1, sizeof *a);
    if (!c || !a) {
        stream_unref(r);
        stream_unref(w);
        return 1;
    }
    c->subshell = sh->subshell + 1;
    c->is_subshell_exit = true;
    sh_set_fd(c, pt->procsub_out ? 0 : 1, pt->procsub_out ? r : w);
    a->sh = c;
    a->body = pt->body;
    a->arena = sh->cur_arena;
    iarena_ref(a->arena);
    /* the parent keeps the other end on a high fd */
    int fd = 63;
    while (fd > 10 && sh_fd(sh, fd))
        fd--;
    sh_set_fd(sh, fd, pt->procsub_out ? w : r);
    if (sh->nprocsub < (int)(sizeof sh->procsub_fds / sizeof sh->procsub_fds[0]))
        sh->procsub_fds[sh->nprocsub++] = fd;
    stream_unref(r);
    stream_unref(w);
    iproc *p = proc_spawn(g, psub_main, a, sh->proc);
    if (!p) {
        ish_free(c);
        iarena_unref(a->arena);
        mem_free(g->heap, a);
        return 1;
    }
    ijob *j = mem_calloc(g->heap, 1, sizeof *j);
    if (j)
        j->procs = mem_calloc(g->heap, 1, sizeof *j->procs);
    if (j && j->procs) {
        j->procs[0] = p;
        j->nprocs = 1;
        j->hidden = true;
        ijob **tail = &sh->jobs;
        while (*tail)
            tail = &(*tail)->next;
        *tail = j;
    } else {
        if (j)
            mem_free(g->heap, j);
        p->detached = true;
        p->refs = 0;
    }
    sh->last_bg_pid = p->pid;
    char buf[32];
    snprintf(buf, sizeof buf, "/dev/fd/%d", fd);
    x_add(x, buf, strlen(buf), false);
    return 0;
}

static int x_part(xctx *x, const ast_part *pt, bool in_dq, bool first)
{
    ish *sh = x->sh;
    ishell *g = x->g;
    if (x->err)
        return 1;
    switch (pt->kind) {
    case AP_LIT:
        if (in_dq || (x->flags & EX_HEREDOC))
            x_add(x, pt->text, pt->len, in_dq);
        else
            x_lit(x, pt->text, pt->len, first, !x->more);
        return 0;
    case AP_SQ:
        x_add(x, pt->text, pt->len, true);
        return 0;
    case AP_DQ:
    case AP_LOCALE:
        if (pt->nparts == 0)
            x_add(x, "", 0, true);
        for (size_t i = 0; i < pt->nparts; i++) {
            const ast_part *c = &pt->parts[i];
            bool is_list = c->kind == AP_PARAM && c->param &&
                           ((strcmp(c->param->name, "@") == 0 && !c->param->index) ||
                            (c->param->index && c->param->index->nparts == 1 &&
                             c->param->index->parts[0].len == 1 &&
                             c->param->index->parts[0].text[0] == '@'));
            if (!is_list)
                x->present = true;
            if (x_part(x, c, true, false))
                return 1;
        }
        return 0;
    case AP_PARAM:
        return x_param(x, pt->param, in_dq) || x->err;
    case AP_CMDSUB: {
        char *out = NULL;
        int rc = x_cmdsub(sh, pt->body, !pt->body && pt->body_error ? pt->src : NULL, pt->ltext, &out);
        if (rc == 2 || exec_should_stop(sh)) {
            mem_free(g->heap, out);
            x->err = 2;
            return 1;
        }
        x->sh->status = sh->status;
        if (out) {
            if (in_dq)
                x_add(x, out, strlen(out), true);
            else
                x_add_split(x, out, strlen(out));
        }
        mem_free(g->heap, out);
        return 0;
    }
    case AP_ARITH: {
        char *e = NULL;
        if (pt->arith && expand_string(sh, pt->arith, EX_NOSPLIT | EX_NOGLOB | EX_NOTILDE, &e)) {
            x->err = 1;
            return 1;
        }
        int64_t v = 0;
        int rc = arith_eval(sh, e ? e : "", &v);
        mem_free(g->heap, e);
        if (rc) {
            x->err = 2;
            return 1;
        }
        char nb[32];
        snprintf(nb, sizeof nb, "%" PRId64, v);
        if (in_dq)
            x_add(x, nb, strlen(nb), true);
        else
            x_add_split(x, nb, strlen(nb));
        return 0;
    }
    case AP_PROCSUB:
        if (x_procsub(x, pt)) {
            x->err = 1;
            return 1;
        }
        return 0;
    }
    return 0;
}

/* ------------------------------------------------------------------ brace expansion */
typedef struct btok {
    char c;
    const ast_part *part;   /* NULL: the char c (unquoted literal) */
} btok;

typedef struct blist {
    btok **w;
    size_t *len;
    size_t n, cap;
} blist;

static void bl_push(ishell *g, blist *l, const btok *t, size_t n)
{
    if (g->brace_budget) {
        if (g->brace_budget == 1) {
            g->brace_over = true;
            return;
        }
        g->brace_budget--;
    }
    if (l->n + 1 > l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        btok **nw = mem_realloc(g->heap, l->w, nc * sizeof *nw);
        size_t *nl = mem_realloc(g->heap, l->len, nc * sizeof *nl);
        if (!nw || !nl) {
            if (nw)
                l->w = nw;
            if (nl)
                l->len = nl;
            return;
        }
        l->w = nw;
        l->len = nl;
        l->cap = nc;
    }
    btok *c = mem_alloc(g->heap, (n ? n : 1) * sizeof *c);
    if (!c)
        return;
    memcpy(c, t, n * sizeof *c);
    l->w[l->n] = c;
    l->len[l->n] = n;
    l->n++;
}

static void bl_free(ishell *g, blist *l)
{
    for (size_t i = 0; i < l->n; i++)
        mem_free(g->heap, l->w[i]);
    mem_free(g->heap, l->w);
    mem_free(g->heap, l->len);
}

static bool seq_int(const char *s, size_t n, int64_t *v, int *width)
{
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    if (i == n)
        return false;
    for (size_t k = i; k < n; k++)
        if (s[k] < '0' || s[k] > '9')
            return false;
    char buf[32];
    if (n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    *v = strtoll(buf, NULL, 10);
    size_t digits = n - i;
    *width = (digits > 1 && s[i] == '0') || (i && digits > 1 && s[i] == '0') ? (int)n : 0;
    return true;
}

static const ast_part bs_empty = {.kind = AP_SQ, .text = (char *)"", .len = 0};

/* Tries a sequence expression {a..b[..c]} over chars s[0..n). */
static bool brace_seq(ishell *g, const char *s, size_t n, blist *out, const btok *pre, size_t npre,
                      const btok *post, size_t npost, uint64_t max)
{
    const char *d1 = NULL, *d2 = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            if (!d1)
                d1 = s + i;
            else if (!d2 && s + i >= d1 + 2)
                d2 = s + i;
        }
    if (!d1)
        return false;
    const char *a = s, *b = d1 + 2, *c = NULL;
    size_t al = (size_t)(d1 - s), bl = d2 ? (size_t)(d2 - b) : (size_t)(s + n - b), cl = 0;
    if (d2) {
        c = d2 + 2;
        cl = (size_t)(s + n - c);
    }
    int64_t x0, x1, step = 1;
    int w0 = 0, w1 = 0, wt;
    bool chars = false;
    if (seq_int(a, al, &x0, &w0) && seq_int(b, bl, &x1, &w1)) {
    } else if (al == 1 && bl == 1 && isalpha((unsigned char)a[0]) && isalpha((unsigned char)b[0])) {
        x0 = (unsigned char)a[0];
        x1 = (unsigned char)b[0];
        chars = true;
    } else
        return false;
    if (c) {
        if (!seq_int(c, cl, &step, &wt))
            return false;
        if (step == 0)
            step = 1;
    }
    if (step < 0)
        step = step == INT64_MIN ? INT64_MAX : -step;
    int width = w0 > w1 ? w0 : w1;
    uint64_t span = x1 > x0 ? (uint64_t)x1 - (uint64_t)x0 : (uint64_t)x0 - (uint64_t)x1;
    uint64_t count = span / (uint64_t)step + 1;
    if (max && count > max) {
        /* over the limit: expand_words reports it and fails the command */
        g->brace_over = true;
        return true;
    }
    for (uint64_t k = 0; k < count; k++) {
        int64_t v = (int64_t)(x1 >= x0 ? (uint64_t)x0 + k * (uint64_t)step
                                       : (uint64_t)x0 - k * (uint64_t)step);
        char buf[40];
        if (chars)
            snprintf(buf, sizeof buf, "%c", (char)v);
        else if (width)
            snprintf(buf, sizeof buf, "%0*" PRId64, width, v);
        else
            snprintf(buf, sizeof buf, "%" PRId64, v);
        size_t bn = strlen(buf);
        size_t tot = npre + bn + npost;
        btok *t = mem_alloc(g->heap, (tot ? tot : 1) * sizeof *t);
        if (!t)
            return true;
        memcpy(t, pre, npre * sizeof *t);
        for (size_t k = 0; k < bn; k++)
            t[npre + k] = (btok){buf[k], NULL};
        if (chars && v == '\\')
            t[npre] = (btok){0, &bs_empty}; /* a lone backslash: quote removal leaves "" */
        if (npost)
            memcpy(t + npre + bn, post, npost * sizeof *t);
        bl_push(g, out, t, tot);
        mem_free(g->heap, t);
    }
    return true;
}

static void brace_expand(ishell *g, const btok *t, size_t n, blist *out, uint64_t max, int depth)
{
    if (g->brace_over)
        return;
    if (depth > 64 || (max && out->n > max)) {
        bl_push(g, out, t, n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (t[i].part || t[i].c != '{')
            continue;
        if (i > 0 && !t[i - 1].part && t[i - 1].c == '$')
            continue;
        /* find the matching close and top-level commas */
        int d = 0;
        size_t close = 0;
        bool comma = false;
        for (size_t k = i; k < n; k++) {
            if (t[k].part)
                continue;
            if (t[k].c == '{')
                d++;
            else if (t[k].c == '}') {
                if (--d == 0) {
                    close = k;
                    break;
                }
            } else if (t[k].c == ',' && d == 1)
                comma = true;
        }
        if (!close)
            continue;
        if (!comma) {
            /* sequence? only plain chars inside */
            bool plain = true;
            char buf[128];
            size_t bn = 0;
            for (size_t k = i + 1; k < close; k++) {
                if (t[k].part || bn >= sizeof buf - 1) {
                    plain = false;
                    break;
                }
                buf[bn++] = t[k].c;
            }
            if (plain) {
                blist seq = {0};
                if (!brace_seq(g, buf, bn, &seq, t, i, NULL, 0, max)) {
                    bl_free(g, &seq);
                    continue;
                }
                blist posts = {0};
                brace_expand(g, t + close + 1, n - close - 1, &posts, max, depth + 1);
                for (size_t si = 0; si < seq.n && !g->brace_over; si++)
                    for (size_t pi = 0; pi < posts.n; pi++) {
                        size_t tot = seq.len[si] + posts.len[pi];
                        btok *w = mem_alloc(g->heap, (tot ? tot : 1) * sizeof *w);
                        if (!w)
                            continue;
                        memcpy(w, seq.w[si], seq.len[si] * sizeof *w);
                        memcpy(w + seq.len[si], posts.w[pi], posts.len[pi] * sizeof *w);
                        bl_push(g, out, w, tot);
                        mem_free(g->heap, w);
                    }
                bl_free(g, &seq);
                bl_free(g, &posts);
                return;
            }
            continue;
        }
        /* alternatives */
        blist posts = {0};
        brace_expand(g, t + close + 1, n - close - 1, &posts, max, depth + 1);
        size_t a = i + 1;
        d = 0;
        for (size_t k = i + 1; k <= close; k++) {
            bool split = k == close;
            if (!split && !t[k].part) {
                if (t[k].c == '{')
                    d++;
                else if (t[k].c == '}')
                    d--;
                else if (t[k].c == ',' && d == 0)
                    split = true;
            }
            if (!split)
                continue;
            blist alts = {0};
            brace_expand(g, t + a, k - a, &alts, max, depth + 1);
            for (size_t ai = 0; ai < alts.n; ai++)
                for (size_t pi = 0; pi < posts.n; pi++) {
                    size_t tot = i + alts.len[ai] + posts.len[pi];
                    btok *w = mem_alloc(g->heap, (tot ? tot : 1) * sizeof *w);
                    if (!w)
                        continue;
                    memcpy(w, t, i * sizeof *w);
                    memcpy(w + i, alts.w[ai], alts.len[ai] * sizeof *w);
                    memcpy(w + i + alts.len[ai], posts.w[pi], posts.len[pi] * sizeof *w);
                    bl_push(g, out, w, tot);
                    mem_free(g->heap, w);
                }
            bl_free(g, &alts);
            a = k + 1;
        }
        bl_free(g, &posts);
        return;
    }
    bl_push(g, out, t, n);
}

static bool word_has_brace(const ast_word *w)
{
    for (size_t i = 0; i < w->nparts; i++)
        if (w->parts[i].kind == AP_LIT && memchr(w->parts[i].text, '{', w->parts[i].len))
            return true;
    return false;
}

/* Builds an ast_word view of a token list (parts on the heap). */
static ast_word *btok_word(ishell *g, const btok *t, size_t n, int line)
{
    ast_word *w = mem_calloc(g->heap, 1, sizeof *w);
    if (!w)
        return NULL;
    w->parts = mem_calloc(g->heap, n ? n : 1, sizeof *w->parts);
    w->line = line;
    if (!w->parts)
        return w;
    size_t i = 0;
    while (i < n) {
        if (t[i].part) {
            w->parts[w->nparts++] = *t[i].part;
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !t[j].part)
            j++;
        char *s = mem_alloc(g->heap, j - i + 1);
        if (!s)
            break;
        for (size_t k = i; k < j; k++)
            s[k - i] = t[k].c;
        s[j - i] = 0;
        ast_part *p = &w->parts[w->nparts++];
        memset(p, 0, sizeof *p);
        p->kind = AP_LIT;
        p->text = s;
        p->len = j - i;
        i = j;
    }
    return w;
}

static void btok_word_free(ishell *g, ast_word *w)
{
    if (!w)
        return;
    /* Only the LIT texts we made are ours; other parts point into the AST. */
    mem_free(g->heap, w->parts);
    mem_free(g->heap, w);
}

/* ------------------------------------------------------------------ entry points */
static int x_word(xctx *x, const ast_word *w)
{
    x->sstate = 0;
    for (size_t i = 0; i < w->nparts; i++) {
        x->more = i + 1 < w->nparts;
        if (x_part(x, &w->parts[i], false, i == 0))
            return 1;
    }
    x->more = false;
    if (x->present)
        x_finish(x);
    return x->err;
}

static int argv_push(ishell *g, char ***argv, size_t *n, size_t *cap, char *s)
{
    if (*n + 2 > *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char **na = mem_realloc(g->heap, *argv, nc * sizeof *na);
        if (!na) {
            mem_free(g->heap, s);
            return VB_ENOMEM;
        }
        *argv = na;
        *cap = nc;
    }
    (*argv)[(*n)++] = s;
    (*argv)[*n] = NULL;
    return 0;
}

static char *unescape(ishell *g, const char *p)
{
    char *r = mem_alloc(g->heap, strlen(p) + 1);
    if (!r)
        return NULL;
    char *o = r;
    for (; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        *o++ = *p;
    }
    *o = 0;
    return r;
}

static int expand_one(ish *sh, const ast_word *w, char ***argv, size_t *n, size_t *cap)
{
    ishell *g = sh->g;
    xctx x;
    x_init(&x, sh, 0);
    int rc = x_word(&x, w);
    if (rc) {
        int e = x.err ? x.err : 1;
        x_free(&x);
        return e;
    }
    for (size_t i = 0; i < x.nf; i++) {
        xfield *f = &x.f[i];
        if (f->pat && !(sh->opts & O_NOGLOB)) {
            size_t before = *n;
            int k = glob_expand(sh, f->pat, argv, n, cap);
            if (k < 0) {
                x_free(&x);
                return 2;
            }
            if (k > 0)
                continue;
            (void)before;
            if (sh->shopts & SO_FAILGLOB) {
                char *u = unescape(g, f->pat);
                expand_error(sh, "no match: %s", u ? u : f->val);
                mem_free(g->heap, u);
                x_free(&x);
                return 2;
            }
            if (sh->shopts & SO_NULLGLOB)
                continue;
        }
        argv_push(g, argv, n, cap, f->val);
        f->val = NULL;
    }
    x_free(&x);
    return 0;
}

int expand_words(ish *sh, ast_word **words, size_t nw, char ***argvp, int *argcp)
{
    ishell *g = sh->g;
    char **argv = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    argv_push(g, &argv, &n, &cap, NULL);
    n = 0;
    for (size_t i = 0; i < nw && !rc; i++) {
        const ast_word *w = words[i];
        if (w->assign) {
            char *s = exec_decl_word(sh, w->assign);
            if (!s) {
                rc = 1;
                break;
            }
            argv_push(g, &argv, &n, &cap, s);
            continue;
        }
        if ((sh->opts & O_BRACEEXPAND) && word_has_brace(w)) {
            size_t nt = 0;
            for (size_t k = 0; k < w->nparts; k++)
                nt += w->parts[k].kind == AP_LIT ? w->parts[k].len : 1;
            btok *t = mem_alloc(g->heap, (nt ? nt : 1) * sizeof *t);
            if (!t) {
                rc = 1;
                break;
            }
            size_t m = 0;
            for (size_t k = 0; k < w->nparts; k++) {
                if (w->parts[k].kind == AP_LIT)
                    for (size_t c = 0; c < w->parts[k].len; c++)
                        t[m++] = (btok){w->parts[k].text[c], NULL};
                else
                    t[m++] = (btok){0, &w->parts[k]};
            }
            blist bl = {0};
            g->brace_over = false;
            g->brace_budget = g->lim.max_expansion ? g->lim.max_expansion * 2 + 1024 : 0;
            brace_expand(g, t, m, &bl, g->lim.max_expansion, 0);
            g->brace_budget = 0;
            mem_free(g->heap, t);
            if (g->brace_over || (g->lim.max_expansion && bl.n > g->lim.max_expansion)) {
                bl_free(g, &bl);
                exec_limit(g, VB_LIMIT_EXPANSION, "maximum expansion size exceeded (limit expansion=%llu)",
                           (unsigned long long)g->lim.max_expansion);
                rc = 2;
                break;
            }
            for (size_t k = 0; k < bl.n && !rc; k++) {
                ast_word *bw = btok_word(g, bl.w[k], bl.len[k], w->line);
                if (!bw) {
                    rc = 1;
                    break;
                }
                rc = expand_one(sh, bw, &argv, &n, &cap);
                for (size_t q = 0; q < bw->nparts; q++)
                    if (bw->parts[q].kind == AP_LIT) {
                        /* made by btok_word unless it is the AST's own part */
                        bool ours = true;
                        for (size_t z = 0; z < w->nparts; z++)
                            if (bw->parts[q].text == w->parts[z].text)
                                ours = false;
                        if (ours)
                            mem_free(g->heap, bw->parts[q].text);
                    }
                btok_word_free(g, bw);
            }
            bl_free(g, &bl);
        } else
            rc = expand_one(sh, w, &argv, &n, &cap);
        if (g->lim.max_expansion && n > g->lim.max_expansion && !rc) {
            exec_limit(g, VB_LIMIT_EXPANSION, "maximum expansion size exceeded (limit expansion=%llu)",
                       (unsigned long long)g->lim.max_expansion);
            rc = 2;
        }
    }
    if (rc) {
        argv_free(g, argv);
        *argvp = NULL;
        *argcp = 0;
        return rc;
    }
    *argvp = argv;
    *argcp = (int)n;
    return 0;
}

int expand_string(ish *sh, const ast_word *w, int flags, char **out)
{
    ishell *g = sh->g;
    xctx x;
    *out = NULL;
    /* Fast path: one plain literal (arithmetic text, simple values, and
     * unquoted patterns, which are their own pattern form). */
    if (w->nparts == 1 && w->parts[0].kind == AP_LIT &&
        w->parts[0].len && w->parts[0].text[0] != '~' &&
        !((flags & EX_ASSIGN) && memchr(w->parts[0].text, ':', w->parts[0].len))) {
        *out = mem_strndup(g->heap, w->parts[0].text, w->parts[0].len);
        return *out ? 0 : 1;
    }
    x_init(&x, sh, flags | EX_NOSPLIT);
    x.sstate = 0;
    for (size_t i = 0; i < w->nparts; i++)
        if (x_part(&x, &w->parts[i], (flags & EX_HEREDOC) != 0 && false, i == 0))
            break;
    if (x.err) {
        int e = x.err;
        x_free(&x);
        return e;
    }
    x_finish(&x);
    if (x.nf == 1) {
        /* the common case: hand the one field over without a copy */
        bool pat = (flags & (EX_PATTERN | EX_REGEX)) && x.f[0].pat;
        *out = pat ? x.f[0].pat : x.f[0].val;
        if (pat)
            x.f[0].pat = NULL;
        else
            x.f[0].val = NULL;
        x_free(&x);
        return *out ? 0 : 1;
    }
    /* NOSPLIT: fields only come from "$@"-style lists; join them with spaces */
    vbuf b;
    vbuf_init(&b, g->heap);
    for (size_t i = 0; i < x.nf; i++) {
        if (i)
            vbuf_addc(&b, ' ');
        const char *s = (flags & (EX_PATTERN | EX_REGEX)) && x.f[i].pat ? x.f[i].pat : x.f[i].val;
        vbuf_adds(&b, s);
    }
    size_t l;
    char *r = ivbuf_take(&b, &l);
    *out = r ? r : mem_strdup(g->heap, "");
    x_free(&x);
    return 0;
}

void argv_free(ishell *g, char **argv)
{
    if (!argv)
        return;
    for (char **a = argv; *a; a++)
        mem_free(g->heap, *a);
    mem_free(g->heap, argv);
}
