/*
 * awk runtime: values, arrays, fields, expression evaluation, statements,
 * builtin functions, printf, and I/O (main input, getline, redirections).
 * POSIX awk semantics with the gawk extensions listed in builtins/awk.c.
 */
#include <ctype.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "builtins/awk.h"
#include "builtins/lib/text_util.h"

#define AWK_MAX_DEPTH 1000

/* ------------------------------------------------------------------ strings */
astr *astr_new(awk *A, const char *s, size_t len)
{
    astr *a = mem_alloc(A->heap, sizeof *a + len + 1);
    if (!a)
        return NULL;
    a->refs = 1;
    a->len = len;
    if (len)
        memcpy(a->data, s, len);
    a->data[len] = '\0';
    return a;
}

void astr_unref(awk *A, astr *s)
{
    if (s && --s->refs == 0)
        mem_free(A->heap, s);
}

static astr *awk__empty(awk *A)
{
    return astr_new(A, "", 0);
}

static const astr *awk__special_str(awk *A, int slot);

/* "awk: cmd. line:N: (FILENAME=f FNR=n) KIND: message" on stderr. */
static void awk__diag(awk *A, const char *kind, const char *fmt, va_list ap)
{
    vbuf b;
    vbuf_init(&b, A->heap);
    vbuf_printf(&b, "%s: %s:%d: ", A->progname, A->srcname, A->line);
    if (A->in_open) {
        const astr *fn = awk__special_str(A, AS_FILENAME);
        vbuf_printf(&b, "(FILENAME=%s FNR=%.0f) ", fn->len ? fn->data : "-",
                    A->globals[AS_FNR].v.num);
    }
    vbuf_printf(&b, "%s: ", kind);
    vbuf_vprintf(&b, fmt, ap);
    vbuf_addc(&b, '\n');
    bi_errw(A->cmd, b.data, b.len);
    vbuf_free(&b);
}

int awk_fatal(awk *A, const char *fmt, ...)
{
    if (A->flow == AF_ERROR)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    awk__diag(A, "fatal", fmt, ap);
    va_end(ap);
    A->flow = AF_ERROR;
    A->exit_code = 2;
    return -1;
}

static void awk_warn(awk *A, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void awk_warn(awk *A, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    awk__diag(A, "warning", fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ values */
static void aval_free(awk *A, aval *v)
{
    astr_unref(A, v->s);
    v->s = NULL;
    v->type = AV_UNINIT;
}

static aval aval_num(double d)
{
    return (aval){.type = AV_NUM, .num = d};
}

static aval aval_str(astr *s) /* takes the reference */
{
    return (aval){.type = AV_STR, .s = s};
}

static aval aval_copy(const aval *v)
{
    aval r = *v;
    astr_ref(r.s);
    return r;
}

/* Leading-number parse as awk's string-to-number conversion. */
static double awk__strtod(const char *s, size_t len, bool *whole)
{
    /* fast path: a plain integer of up to 15 digits is exact */
    if (len && len <= 15) {
        size_t k = s[0] == '-' || s[0] == '+' ? 1 : 0;
        if (k < len) {
            uint64_t v = 0;
            size_t j = k;
            while (j < len && (unsigned)(s[j] - '0') < 10)
                v = v * 10 + (uint64_t)(s[j++] - '0');
            if (j == len) {
                if (whole)
                    *whole = true;
                return s[0] == '-' ? -(double)v : (double)v;
            }
        }
    }
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
                       s[i] == '\f' || s[i] == '\v'))
        i++;
    size_t st = i;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    /* gawk: +inf -inf +nan -nan (with a sign) are special */
    if (i > st && i + 3 <= len &&
        (strncasecmp(s + i, "inf", 3) == 0 || strncasecmp(s + i, "nan", 3) == 0)) {
        bool neg = s[st] == '-';
        bool isnan_ = tolower((unsigned char)s[i]) == 'n';
        size_t j = i + 3;
        if (!isnan_ && j + 5 <= len && strncasecmp(s + j, "inity", 5) == 0)
            j += 5;
        while (j < len && isspace((unsigned char)s[j]))
            j++;
        if (whole)
            *whole = j == len;
        double v = isnan_ ? NAN : INFINITY;
        return neg ? -v : v;
    }
    size_t ds = i;
    while (i < len && isdigit((unsigned char)s[i]))
        i++;
    size_t nd = i - ds;
    if (i < len && s[i] == '.') {
        i++;
        size_t fs = i;
        while (i < len && isdigit((unsigned char)s[i]))
            i++;
        nd += i - fs;
    }
    if (nd == 0) {
        if (whole)
            *whole = false;
        return 0;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t e = i + 1;
        if (e < len && (s[e] == '+' || s[e] == '-'))
            e++;
        if (e < len && isdigit((unsigned char)s[e])) {
            while (e < len && isdigit((unsigned char)s[e]))
                e++;
            i = e;
        }
    }
    char tmp[128];
    double v;
    if (i - st < sizeof tmp) {
        memcpy(tmp, s + st, i - st);
        tmp[i - st] = '\0';
        v = strtod(tmp, NULL);
    } else {
        char *big = strndup(s + st, i - st);
        v = big ? strtod(big, NULL) : 0;
        free(big);
    }
    if (whole) {
        size_t j = i;
        while (j < len && isspace((unsigned char)s[j]))
            j++;
        *whole = j == len;
    }
    return v;
}

/* A string that came from input: strnum when it looks numeric. */
static aval aval_input(awk *A, const char *s, size_t len)
{
    aval v = aval_str(astr_new(A, s, len));
    bool whole;
    double d = awk__strtod(s, len, &whole);
    if (whole) {
        v.type = AV_STRNUM;
        v.num = d;
    }
    return v;
}

static double aval_num_of(const aval *v)
{
    switch (v->type) {
    case AV_NUM:
    case AV_STRNUM:
        return v->num;
    case AV_STR:
        return awk__strtod(v->s->data, v->s->len, NULL);
    default:
        return 0;
    }
}

static const char *awk__fmtvar(awk *A, int slot);

static void awk__format(awk *A, const char *fmt, size_t flen, aval *args, int nargs, vbuf *out);

/* true when fmt is one floating-point conversion (safe for snprintf with a
 * double): flags, width and precision as digits, then e f g a. */
static bool awk__float_fmt(const char *fmt)
{
    int convs = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        while (*p && strchr("-+ #0'", *p))
            p++;
        while (isdigit((unsigned char)*p))
            p++;
        if (*p == '.')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
        if (!*p || !strchr("eEfFgGaA", *p))
            return false;
        convs++;
    }
    return convs == 1;
}

/* Number to string with CONVFMT (or OFMT for output). */
static astr *awk__numstr(awk *A, double d, bool output)
{
    char buf[512];
    if (isnan(d)) {
        return astr_new(A, signbit(d) ? "-nan" : "+nan", 4);
    }
    if (isinf(d))
        return astr_new(A, d < 0 ? "-inf" : "+inf", 4);
    if (d == trunc(d)) {
        /* integral values print as integers, however large */
        int n = d == 0 ? snprintf(buf, sizeof buf, "0") : snprintf(buf, sizeof buf, "%.0f", d);
        return astr_new(A, buf, n > 0 && (size_t)n < sizeof buf ? (size_t)n : 0);
    }
    const char *fmt = awk__fmtvar(A, output ? AS_OFMT : AS_CONVFMT);
    if (!awk__float_fmt(fmt)) {
        /* CONVFMT="%d" and the like: format as sprintf would */
        vbuf b;
        vbuf_init(&b, A->heap);
        aval arg = aval_num(d);
        awk__format(A, fmt, strlen(fmt), &arg, 1, &b);
        astr *r = astr_new(A, b.len ? b.data : "", b.len);
        vbuf_free(&b);
        return r;
    }
    int n = snprintf(buf, sizeof buf, fmt, d);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof buf)
        n = sizeof buf - 1;
    return astr_new(A, buf, (size_t)n);
}

/* New reference to the string value. */
static astr *aval_str_of(awk *A, const aval *v)
{
    switch (v->type) {
    case AV_STR:
    case AV_STRNUM:
        return astr_ref(v->s);
    case AV_NUM:
        return awk__numstr(A, v->num, false);
    default:
        return awk__empty(A);
    }
}

static astr *aval_outstr(awk *A, const aval *v)
{
    if (v->type == AV_NUM)
        return awk__numstr(A, v->num, true);
    return aval_str_of(A, v);
}

static bool aval_bool(const aval *v)
{
    switch (v->type) {
    case AV_NUM:
        return v->num != 0;
    case AV_STRNUM:
        return v->num != 0;
    case AV_STR:
        return v->s->len != 0;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ arrays */
static uint64_t awk__hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static aarray *aarr_new(awk *A)
{
    aarray *a = mem_calloc(A->heap, 1, sizeof *a);
    return a;
}

static aelem *aarr_find(aarray *a, const char *k, size_t n)
{
    if (!a->nbuckets)
        return NULL;
    for (aelem *e = a->tab[awk__hash(k, n) % a->nbuckets]; e; e = e->next_hash)
        if (e->key->len == n && memcmp(e->key->data, k, n) == 0)
            return e;
    return NULL;
}

/* Subscript kinds (what gawk's layout looks at besides the key's text). */
enum { AWK_SUB_STR, AWK_SUB_STRNUM, AWK_SUB_NONINT };

static aelem *aarr_get_kind(awk *A, aarray *a, astr *key, int kind)
{
    aelem *e = aarr_find(a, key->data, key->len);
    if (e)
        return e;
    if (a->count + 1 > a->nbuckets) {
        size_t nb = a->nbuckets ? a->nbuckets * 2 : 16;
        aelem **nt = mem_calloc(A->heap, nb, sizeof *nt);
        if (!nt) {
            awk_fatal(A, "out of memory");
            return NULL;
        }
        for (aelem *x = a->first; x; x = x->next) {
            size_t b = awk__hash(x->key->data, x->key->len) % nb;
            x->next_hash = nt[b];
            nt[b] = x;
        }
        mem_free(A->heap, a->tab);
        a->tab = nt;
        a->nbuckets = nb;
    }
    e = mem_calloc(A->heap, 1, sizeof *e);
    if (!e) {
        awk_fatal(A, "out of memory");
        return NULL;
    }
    e->key = astr_ref(key);
    size_t b = awk__hash(key->data, key->len) % a->nbuckets;
    e->next_hash = a->tab[b];
    a->tab[b] = e;
    e->prev = a->last;
    if (a->last)
        a->last->next = e;
    else
        a->first = e;
    a->last = e;
    a->count++;
    e->kstrnum = kind == AWK_SUB_STRNUM;
    awk_ord_classify(e, kind == AWK_SUB_NONINT);
    if (awk_ord_add(A, a, e) < 0) {
        awk_fatal(A, "out of memory");
        return NULL;
    }
    return e;
}

static aelem *aarr_get(awk *A, aarray *a, astr *key)
{
    return aarr_get_kind(A, a, key, AWK_SUB_STR);
}

static void aarr_del(awk *A, aarray *a, const char *k, size_t n)
{
    if (!a->nbuckets)
        return;
    aelem **pp = &a->tab[awk__hash(k, n) % a->nbuckets];
    for (aelem *e = *pp; e; pp = &e->next_hash, e = e->next_hash) {
        if (e->key->len == n && memcmp(e->key->data, k, n) == 0) {
            *pp = e->next_hash;
            awk_ord_del(A, a, e);
            if (e->prev)
                e->prev->next = e->next;
            else
                a->first = e->next;
            if (e->next)
                e->next->prev = e->prev;
            else
                a->last = e->prev;
            a->count--;
            astr_unref(A, e->key);
            aval_free(A, &e->val);
            mem_free(A->heap, e);
            return;
        }
    }
}

static void aarr_clear(awk *A, aarray *a)
{
    for (aelem *e = a->first, *nx; e; e = nx) {
        nx = e->next;
        astr_unref(A, e->key);
        aval_free(A, &e->val);
        mem_free(A->heap, e);
    }
    mem_free(A->heap, a->tab);
    awk_ord_clear(A, a);
    memset(a, 0, sizeof *a);
}

/* ------------------------------------------------------------------ cells */
static acell *awk__deref(acell *c)
{
    while (c->kind == AC_REF)
        c = c->ref;
    return c;
}

static acell *awk__cell(awk *A, const anode *n)
{
    acell *c = n->kind == AN_LOCAL ? &A->frame[n->slot] : &A->globals[n->slot];
    return awk__deref(c);
}

static aarray *awk__array(awk *A, const anode *var)
{
    if (var->kind != AN_GLOBAL && var->kind != AN_LOCAL) {
        awk_fatal(A, "attempt to use a scalar value as array");
        return NULL;
    }
    acell *cell = var->kind == AN_LOCAL ? &A->frame[var->slot] : &A->globals[var->slot];
    if (cell->kind == AC_REF) {
        acell *t = awk__deref(cell);
        if (t->kind == AC_UNTYPED) {
            t->kind = AC_ARRAY;
            t->arr = aarr_new(A);
        }
        cell = t;
    }
    if (cell->kind == AC_UNTYPED) {
        cell->kind = AC_ARRAY;
        cell->arr = aarr_new(A);
    }
    if (cell->kind != AC_ARRAY) {
        awk_fatal(A, "attempt to use scalar `%s' as an array",
                  var->kind == AN_GLOBAL ? A->gnames[var->slot] : "parameter");
        return NULL;
    }
    return cell->arr;
}

/* ------------------------------------------------------------------ scalars */
static const char *awk__fmtvar(awk *A, int slot)
{
    acell *c = &A->globals[slot];
    if (c->kind == AC_SCALAR && (c->v.type == AV_STR || c->v.type == AV_STRNUM))
        return c->v.s->data;
    return "%.6g";
}

/* The string value of a special variable (borrowed, valid until it changes). */
static const astr *awk__special_str(awk *A, int slot)
{
    acell *c = &A->globals[slot];
    if (c->kind == AC_SCALAR && (c->v.type == AV_STR || c->v.type == AV_STRNUM))
        return c->v.s;
    if (c->kind == AC_SCALAR && c->v.type == AV_NUM) {
        /* FS = 1 and the like: keep the string form next to the number */
        c->v.s = awk__numstr(A, c->v.num, false);
        if (c->v.s) {
            c->v.type = AV_STRNUM;
            return c->v.s;
        }
    }
    static const astr empty = {.refs = 1 << 30, .len = 0};
    return &empty;
}

static void awk__set_num(awk *A, int slot, double d)
{
    acell *c = &A->globals[slot];
    aval_free(A, &c->v);
    c->kind = AC_SCALAR;
    c->v = aval_num(d);
}

/* Assigning FS, FIELDWIDTHS or FPAT chooses how records split. */
static void awk__field_mode(awk *A, int slot)
{
    if (slot == AS_FS || slot == AS_FIELDWIDTHS || slot == AS_FPAT)
        A->fmode = slot == AS_FS ? 0 : slot == AS_FIELDWIDTHS ? 1 : 2;
}

void awk_setvar_str(awk *A, int slot, const char *s, size_t len, bool strnum)
{
    acell *c = &A->globals[slot];
    awk__field_mode(A, slot);
    aval_free(A, &c->v);
    c->kind = AC_SCALAR;
    c->v = strnum ? aval_input(A, s, len) : aval_str(astr_new(A, s, len));
}

int awk_grow_globals(awk *A)
{
    if (A->globals && A->ncells >= A->nglobals)
        return 0;
    int n = A->nglobals + 32;
    acell *g = mem_realloc(A->heap, A->globals, sizeof(acell) * (size_t)n);
    if (!g)
        return -1;
    memset(g + A->ncells, 0, sizeof(acell) * (size_t)(n - A->ncells));
    A->globals = g;
    A->ncells = n;
    return 0;
}

void awk_array_put(awk *A, int slot, const char *key, const char *val, bool strnum)
{
    acell *c = &A->globals[slot];
    if (c->kind != AC_ARRAY) {
        c->kind = AC_ARRAY;
        c->arr = aarr_new(A);
        if (!c->arr)
            return;
    }
    if (!key)
        return;
    astr *k = astr_new(A, key, strlen(key));
    aelem *e = k ? aarr_get(A, c->arr, k) : NULL;
    astr_unref(A, k);
    if (!e)
        return;
    aval_free(A, &e->val);
    e->val = strnum ? aval_input(A, val, strlen(val)) : aval_str(astr_new(A, val, strlen(val)));
}

/* ------------------------------------------------------------------ UTF-8 */
static size_t awk__u8len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Byte offset of character index ci (0-based) in s. */
static size_t awk__u8off(const char *s, size_t n, size_t ci)
{
    size_t i = 0, c = 0;
    while (i < n && c < ci) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    return i;
}

/* gawk's warning, once a run, when a string it reads as characters holds
 * bytes that are not UTF-8 */
static void awk__mbcheck(awk *A, const char *s, size_t n)
{
    if (A->mb_warned || !A->posix_utf)
        return;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = (unsigned char)s[i] < 0x80 ? 1 : tx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k <= 0) {
            A->mb_warned = true;
            awk_warn(A, "Invalid multibyte data detected. There may be a mismatch between your data and your locale");
            return;
        }
        i += (size_t)k;
    }
}

static size_t awk__charlen(awk *A, const astr *s)
{
    if (!A->posix_utf)
        return s->len;
    awk__mbcheck(A, s->data, s->len);
    return awk__u8len(s->data, s->len);
}

/* ------------------------------------------------------------------ fields */
static void awk__clear_fields(awk *A)
{
    for (int i = 1; i <= A->nf; i++) {
        if (A->fref[i].lazy)
            A->fref[i].lazy = false; /* its aval is UNINIT */
        else
            aval_free(A, &A->fields[i]);
    }
    A->nf = 0;
}

/* Field i as a value (converted from $0's bytes on first use). */
static aval *awk__field(awk *A, int i)
{
    if (A->fref[i].lazy) {
        A->fref[i].lazy = false;
        A->fields[i] = aval_input(A, A->record->data + A->fref[i].off, A->fref[i].len);
    }
    return &A->fields[i];
}

static bool awk__grow_fields(awk *A, int n)
{
    if (n + 1 <= A->capfields)
        return true;
    if (n > 10000000) {
        awk_fatal(A, "NF set to too large a value");
        return false;
    }
    int cap = A->capfields ? A->capfields : 16;
    while (cap < n + 1)
        cap *= 2;
    aval *nf = mem_realloc(A->heap, A->fields, sizeof(aval) * (size_t)cap);
    if (!nf) {
        awk_fatal(A, "out of memory");
        return false;
    }
    memset(nf + A->capfields, 0, sizeof(aval) * (size_t)(cap - A->capfields));
    A->fields = nf;
    struct afref *fr = mem_realloc(A->heap, A->fref, sizeof *fr * (size_t)cap);
    if (!fr) {
        awk_fatal(A, "out of memory");
        return false;
    }
    memset(fr + A->capfields, 0, sizeof *fr * (size_t)(cap - A->capfields));
    A->fref = fr;
    A->capfields = cap;
    return true;
}

static void awk__add_field(awk *A, const char *s, size_t len)
{
    if (A->nf + 1 >= A->capfields && !awk__grow_fields(A, A->nf + 1))
        return;
    int i = ++A->nf;
    A->fields[i] = (aval){.type = AV_UNINIT};
    A->fref[i] = (struct afref){(size_t)(s - A->record->data), len, true};
}

static rx *awk__regex(awk *A, const astr *src);

/* Splits s into pieces by fs (FS semantics); calls add for each. */
typedef void (*awk_piece_fn)(awk *A, void *ctx, const char *s, size_t len);

static void awk__split_with(awk *A, const char *s, size_t len, const astr *fs, bool paragraph,
                            awk_piece_fn add, void *ctx)
{
    if (fs->len == 1 && fs->data[0] == ' ') {
        size_t i = 0;
        for (;;) {
            while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
                i++;
            if (i >= len)
                break;
            size_t st = i;
            while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
                i++;
            add(A, ctx, s + st, i - st);
        }
        return;
    }
    if (len == 0)
        return;
    if (fs->len == 0) {
        for (size_t i = 0; i < len;) {
            size_t n = 1;
            if (A->posix_utf)
                while (i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80)
                    n++;
            add(A, ctx, s + i, n);
            i += n;
        }
        return;
    }
    if (fs->len == 1 && !paragraph) { /* one character, a backslash too, is literal */
        char c = fs->data[0];
        size_t st = 0;
        for (size_t i = 0; i <= len; i++) {
            if (i == len || s[i] == c) {
                add(A, ctx, s + st, i - st);
                st = i + 1;
            }
        }
        return;
    }
    /* a regex; in paragraph mode newline separates fields too */
    rx *re;
    if (paragraph) {
        vbuf b;
        vbuf_init(&b, A->heap);
        if (fs->len == 1) {
            vbuf_addc(&b, '[');
            if (fs->data[0] == '^' || fs->data[0] == ']' || fs->data[0] == '\\')
                vbuf_addc(&b, '\\');
            vbuf_addc(&b, fs->data[0]);
            vbuf_adds(&b, "\n]");
        } else {
            vbuf_addc(&b, '(');
            vbuf_add(&b, fs->data, fs->len);
            vbuf_adds(&b, ")|\n");
        }
        astr *tmp = astr_new(A, b.data, b.len);
        vbuf_free(&b);
        re = tmp ? awk__regex(A, tmp) : NULL;
        astr_unref(A, tmp);
    } else {
        re = awk__regex(A, fs);
    }
    if (!re)
        return;
    size_t st = 0, pos = 0;
    while (pos <= len) {
        rx_match m;
        int r = rx_exec(re, s, len, pos, RX_LONGEST, &m);
        if (r < 0) {
            awk_fatal(A, "regular expression match failed (limit)");
            return;
        }
        if (r == 0)
            break;
        if (m.eo == m.so) { /* an empty match separates nothing: step on */
            if (m.so >= len)
                break;
            pos = m.so + 1;
            continue;
        }
        add(A, ctx, s + st, m.so - st);
        st = pos = m.eo;
    }
    add(A, ctx, s + st, len - st);
}

static void awk__field_piece(awk *A, void *ctx, const char *s, size_t len)
{
    awk__add_field(A, s, len);
}

static bool awk__paragraph(awk *A)
{
    const astr *rs = awk__special_str(A, AS_RS);
    return rs->len == 0;
}

/* FIELDWIDTHS: "[skip:]width ..." with an optional final "*" (the rest). */
static void awk__split_widths(awk *A, const char *s, size_t len)
{
    const char *w = awk__special_str(A, AS_FIELDWIDTHS)->data;
    size_t pos = 0;
    while (*w && pos < len) {
        while (*w == ' ' || *w == '\t')
            w++;
        if (!*w)
            break;
        if (*w == '*') {
            awk__add_field(A, s + pos, len - pos);
            return;
        }
        char *end;
        unsigned long a = strtoul(w, &end, 10);
        if (end == w)
            break;
        if (*end == ':') {
            pos = pos + a < len ? pos + a : len;
            w = end + 1;
            a = strtoul(w, &end, 10);
            if (end == w)
                break;
        }
        w = end;
        size_t n = len - pos < a ? len - pos : a;
        awk__add_field(A, s + pos, n);
        pos += n;
    }
}

/* FPAT (and patsplit): each field is a (leftmost-longest) match; a null
 * match right after a field is not a field of its own (gawk). */
static void awk__fpat_each(awk *A, rx *re, const char *s, size_t len, awk_piece_fn add, void *ctx)
{
    size_t pos = 0, prev_end = (size_t)-1;
    while (pos <= len) {
        rx_match m;
        int r = rx_exec(re, s, len, pos, RX_LONGEST, &m);
        if (r < 0) {
            awk_fatal(A, "regular expression match failed (limit)");
            return;
        }
        if (r == 0)
            break;
        if (m.so == m.eo) {
            if (m.so != prev_end)
                add(A, ctx, s + m.so, 0);
            pos = m.so + 1;
            continue;
        }
        add(A, ctx, s + m.so, m.eo - m.so);
        prev_end = pos = m.eo;
    }
}

static void awk__split_fpat(awk *A, const char *s, size_t len)
{
    rx *re = awk__regex(A, awk__special_str(A, AS_FPAT));
    if (re)
        awk__fpat_each(A, re, s, len, awk__field_piece, NULL);
}

static void awk__split_record(awk *A)
{
    if (A->fields_valid)
        return;
    awk__clear_fields(A);
    A->fields_valid = true;
    if (A->record && A->fmode == 1) {
        awk__split_widths(A, A->record->data, A->record->len);
    } else if (A->record && A->fmode == 2) {
        awk__split_fpat(A, A->record->data, A->record->len);
    } else if (A->record) {
        const astr *fs = awk__special_str(A, AS_FS);
        awk__split_with(A, A->record->data, A->record->len, fs, awk__paragraph(A),
                        awk__field_piece, NULL);
    }
    awk__set_num(A, AS_NF, A->nf);
}

static void awk__rebuild_record(awk *A)
{
    if (A->record_valid)
        return;
    const astr *ofs = awk__special_str(A, AS_OFS);
    if (!A->rbuf.heap)
        vbuf_init(&A->rbuf, A->heap);
    vbuf *bp = &A->rbuf;
#define b (*bp)
    vbuf_clear(&b);
    for (int i = 1; i <= A->nf; i++) {
        if (i > 1)
            vbuf_add(&b, ofs->data, ofs->len);
        if (A->fref[i].lazy) { /* same bytes, new place */
            size_t off = b.len;
            vbuf_add(&b, A->record->data + A->fref[i].off, A->fref[i].len);
            A->fref[i].off = off;
            continue;
        }
        const aval *f = &A->fields[i];
        if (f->type == AV_STR || f->type == AV_STRNUM) {
            vbuf_add(&b, f->s->data, f->s->len);
        } else if (f->type == AV_NUM) {
            /* CONVFMT applies to fields that hold numbers */
            astr *fs = aval_str_of(A, f);
            if (fs)
                vbuf_add(&b, fs->data, fs->len);
            astr_unref(A, fs);
        }
    }
    astr_unref(A, A->record);
    A->record = astr_new(A, b.len ? b.data : "", b.len);
#undef b
    A->record_valid = true;
}

/* $0 = rec (takes the reference) */
static void awk__take_record(awk *A, astr *rec)
{
    astr_unref(A, A->record);
    A->record = rec;
    A->record_valid = true;
    A->fields_valid = false;
}

static void awk__set_record(awk *A, const char *s, size_t len)
{
    astr_unref(A, A->record);
    A->record = astr_new(A, s, len);
    A->record_valid = true;
    A->fields_valid = false;
}

static void awk__set_nf(awk *A, double d)
{
    awk__split_record(A);
    if (d < 0 || d > 10000000) {
        awk_fatal(A, "NF set to negative value");
        return;
    }
    int n = (int)d;
    if (n > A->nf) {
        if (!awk__grow_fields(A, n))
            return;
        for (int i = A->nf + 1; i <= n; i++)
            A->fields[i] = (aval){.type = AV_UNINIT};
    } else {
        for (int i = n + 1; i <= A->nf; i++) {
            if (A->fref[i].lazy)
                A->fref[i].lazy = false;
            else
                aval_free(A, &A->fields[i]);
        }
    }
    A->nf = n;
    awk__set_num(A, AS_NF, n);
    A->record_valid = false;
}

static aval awk__get_field(awk *A, double d)
{
    if (d < 0) {
        awk_fatal(A, "attempt to access field %lld", (long long)d);
        return (aval){0};
    }
    long long i = (long long)d;
    if (i == 0) {
        awk__rebuild_record(A);
        aval v = aval_input(A, A->record ? A->record->data : "", A->record ? A->record->len : 0);
        return v;
    }
    awk__split_record(A);
    if (i > A->nf)
        return (aval){.type = AV_UNINIT};
    return aval_copy(awk__field(A, (int)i));
}

static void awk__set_field(awk *A, double d, aval v) /* takes v */
{
    if (d < 0) {
        awk_fatal(A, "attempt to access field %lld", (long long)d);
        aval_free(A, &v);
        return;
    }
    long long i = (long long)d;
    if (i == 0) {
        astr *s = aval_str_of(A, &v);
        aval_free(A, &v);
        if (s) {
            awk__set_record(A, s->data, s->len);
            astr_unref(A, s);
        }
        return;
    }
    awk__split_record(A);
    if (i > A->nf) {
        if (i > 10000000 || !awk__grow_fields(A, (int)i)) {
            aval_free(A, &v);
            return;
        }
        for (int k = A->nf + 1; k <= i; k++)
            A->fields[k] = (aval){.type = AV_UNINIT};
        A->nf = (int)i;
        awk__set_num(A, AS_NF, A->nf);
    }
    if (A->fref[i].lazy)
        A->fref[i].lazy = false;
    else
        aval_free(A, &A->fields[i]);
    A->fields[i] = v;
    A->record_valid = false;
}

/* ------------------------------------------------------------------ regex */
static bool awk__icase(awk *A)
{
    acell *c = &A->globals[AS_IGNORECASE];
    return c->kind == AC_SCALAR && aval_bool(&c->v);
}

/* One byte as a regexp atom that matches it. */
static void awk__rx_lit(vbuf *out, unsigned char ch)
{
    if (strchr("\\^$.[]|()*+?{}-/", ch) && ch)
        vbuf_addc(out, '\\');
    vbuf_addc(out, (char)ch);
}

void awk_rx_prep(const char *s, size_t n, vbuf *out)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            vbuf_addc(out, s[i]);
            continue;
        }
        char d = s[++i];
        switch (d) {
        case 'y': vbuf_adds(out, "\\b"); break;
        case 'b': awk__rx_lit(out, '\b'); break;
        case 'a': awk__rx_lit(out, '\a'); break;
        case 'f': awk__rx_lit(out, '\f'); break;
        case 'n': awk__rx_lit(out, '\n'); break;
        case 'r': awk__rx_lit(out, '\r'); break;
        case 't': awk__rx_lit(out, '\t'); break;
        case 'v': awk__rx_lit(out, '\v'); break;
        case '8': case '9': awk__rx_lit(out, (unsigned char)d); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = 0;
            int k = 0;
            while (k < 3 && i < n && s[i] >= '0' && s[i] <= '7') {
                v = v * 8 + (unsigned)(s[i++] - '0');
                k++;
            }
            i--;
            awk__rx_lit(out, (unsigned char)v);
            break;
        }
        case 'x': {
            unsigned v = 0;
            int k = 0;
            while (k < 2 && i + 1 < n && isxdigit((unsigned char)s[i + 1])) {
                char h = s[++i];
                v = v * 16 + (unsigned)(isdigit((unsigned char)h) ? h - '0' : tolower((unsigned char)h) - 'a' + 10);
                k++;
            }
            awk__rx_lit(out, k ? (unsigned char)v : 'x');
            break;
        }
        default:
            vbuf_addc(out, '\\');
            vbuf_addc(out, d);
            break;
        }
    }
}

static rx *awk__regex(awk *A, const astr *src)
{
    int ic = awk__icase(A);
    for (int i = 0; i < 64; i++) {
        struct arxc *e = &A->rxcache[i];
        if (e->src && e->icase == ic && e->src->len == src->len &&
            memcmp(e->src->data, src->data, src->len) == 0)
            return e->re;
    }
    rx *re;
    char *err = NULL;
    vbuf pb;
    vbuf_init(&pb, A->heap);
    awk_rx_prep(src->data, src->len, &pb);
    int rc = rx_compile_cmd(A->cmd, pb.len ? pb.data : "", pb.len, RX_ERE | (ic ? RX_ICASE : 0), &re, &err);
    vbuf_free(&pb);
    if (rc != 0) {
        awk_fatal(A, "invalid regexp: %s: /%s/", err ? err : "syntax error", src->data);
        return NULL;
    }
    struct arxc *e = &A->rxcache[A->rxnext];
    A->rxnext = (A->rxnext + 1) % 64;
    if (e->src) {
        astr_unref(A, e->src);
        rx_free(e->re);
    }
    e->src = astr_new(A, src->data, src->len);
    e->re = re;
    e->icase = ic;
    return re;
}

static aval awk__eval(awk *A, const anode *n);

/* The regex of a node used as a regex operand (literal or dynamic). */
static rx *awk__node_regex(awk *A, const anode *n)
{
    if (n->kind == AN_REGEX) {
        if (!awk__icase(A))
            return n->re;
        return awk__regex(A, n->str);
    }
    aval v = awk__eval(A, n);
    astr *s = aval_str_of(A, &v);
    aval_free(A, &v);
    if (!s)
        return NULL;
    rx *re = awk__regex(A, s);
    astr_unref(A, s);
    return re;
}

static int awk__rx_exec(awk *A, rx *re, const char *s, size_t len, size_t start, int fl, rx_match *m)
{
    int r = rx_exec(re, s, len, start, fl | RX_LONGEST, m);
    if (r < 0) {
        awk_fatal(A, "regular expression match exceeded the regex limit");
        return 0;
    }
    return r;
}

/* ------------------------------------------------------------------ comparison */
static int awk__cmp(awk *A, const aval *a, const aval *b)
{
    bool an = a->type == AV_NUM || a->type == AV_STRNUM || a->type == AV_UNINIT;
    bool bn = b->type == AV_NUM || b->type == AV_STRNUM || b->type == AV_UNINIT;
    if (an && bn) {
        double x = aval_num_of(a), y = aval_num_of(b);
        if (isnan(x) || isnan(y))
            return 2; /* unordered: only != holds (IEEE, as gawk) */
        return x < y ? -1 : x > y;
    }
    astr *sa = aval_str_of(A, a), *sb = aval_str_of(A, b);
    int r = 0;
    if (sa && sb) {
        size_t n = sa->len < sb->len ? sa->len : sb->len;
        r = memcmp(sa->data, sb->data, n);
        if (r == 0)
            r = sa->len < sb->len ? -1 : sa->len > sb->len;
        if (awk__icase(A)) {
            r = strncasecmp(sa->data, sb->data, n);
            if (r == 0)
                r = sa->len < sb->len ? -1 : sa->len > sb->len;
        }
    }
    astr_unref(A, sa);
    astr_unref(A, sb);
    return r;
}

/* ------------------------------------------------------------------ subscripts */
static astr *awk__subscript(awk *A, anode *const *list, int n, int *kind)
{
    if (kind)
        *kind = AWK_SUB_STR;
    if (n == 1) {
        aval v = awk__eval(A, list[0]);
        astr *s = aval_str_of(A, &v);
        if (kind && v.type == AV_STRNUM)
            *kind = AWK_SUB_STRNUM;
        else if (kind && v.type == AV_NUM &&
                 !(v.num == trunc(v.num) && v.num >= INT32_MIN && v.num <= INT32_MAX))
            *kind = AWK_SUB_NONINT;
        aval_free(A, &v);
        return s;
    }
    const astr *sep = awk__special_str(A, AS_SUBSEP);
    vbuf b;
    vbuf_init(&b, A->heap);
    for (int i = 0; i < n; i++) {
        if (i)
            vbuf_add(&b, sep->data, sep->len);
        aval v = awk__eval(A, list[i]);
        astr *s = aval_str_of(A, &v);
        aval_free(A, &v);
        if (s) {
            vbuf_add(&b, s->data, s->len);
            astr_unref(A, s);
        }
    }
    astr *r = astr_new(A, vbuf_str(&b), b.len);
    vbuf_free(&b);
    return r;
}

/* ------------------------------------------------------------------ lvalues */
static aval awk__get_var(awk *A, const anode *n)
{
    if (n->kind == AN_GLOBAL && n->slot == AS_NF)
        awk__split_record(A);
    acell *c = awk__cell(A, n);
    if (c->kind == AC_ARRAY) {
        awk_fatal(A, "attempt to use array `%s' in a scalar context",
                  n->kind == AN_GLOBAL ? A->gnames[n->slot] : "parameter");
        return (aval){0};
    }
    if (c->kind == AC_UNTYPED)
        c->kind = AC_SCALAR; /* used as a scalar: "unassigned", no longer an array */
    return aval_copy(&c->v);
}

static void awk__assign_var(awk *A, const anode *n, aval v) /* takes v */
{
    acell *c = n->kind == AN_LOCAL ? &A->frame[n->slot] : &A->globals[n->slot];
    if (c->kind == AC_REF) {
        acell *t = awk__deref(c);
        if (t->kind == AC_ARRAY) {
            awk_fatal(A, "attempt to use array in a scalar context");
            aval_free(A, &v);
            return;
        }
        if (t->kind == AC_UNTYPED && n->kind == AN_LOCAL) {
            c->kind = AC_SCALAR; /* the caller's untyped variable stays untyped */
            c->ref = NULL;
            c->v = v;
            return;
        }
        c = t;
    }
    if (c->kind == AC_ARRAY) {
        awk_fatal(A, "attempt to use array `%s' in a scalar context",
                  n->kind == AN_GLOBAL ? A->gnames[n->slot] : "parameter");
        aval_free(A, &v);
        return;
    }
    /* the record read is split with the FS it was read under */
    if (n->kind == AN_GLOBAL && n->slot == AS_FS && !A->fields_valid && A->record)
        awk__split_record(A);
    if (n->kind == AN_GLOBAL)
        awk__field_mode(A, n->slot);
    aval_free(A, &c->v);
    c->kind = AC_SCALAR;
    c->v = v;
    /* FS and RS take effect with the next record; NF rebuilds the record */
    if (n->kind == AN_GLOBAL && n->slot == AS_NF)
        awk__set_nf(A, aval_num_of(&c->v));
}

static aval awk__get_lvalue(awk *A, const anode *n)
{
    switch (n->kind) {
    case AN_GLOBAL:
    case AN_LOCAL:
        return awk__get_var(A, n);
    case AN_FIELD: {
        aval i = awk__eval(A, n->a);
        double d = aval_num_of(&i);
        aval_free(A, &i);
        return awk__get_field(A, d);
    }
    case AN_INDEX: {
        aarray *arr = awk__array(A, n->a);
        if (!arr)
            return (aval){0};
        int kind;
        astr *k = awk__subscript(A, n->list, n->nlist, &kind);
        if (!k)
            return (aval){0};
        aelem *e = aarr_get_kind(A, arr, k, kind);
        astr_unref(A, k);
        return e ? aval_copy(&e->val) : (aval){0};
    }
    default:
        return awk__eval(A, n);
    }
}

static void awk__set_lvalue(awk *A, const anode *n, aval v) /* takes v */
{
    switch (n->kind) {
    case AN_GLOBAL:
    case AN_LOCAL:
        awk__assign_var(A, n, v);
        return;
    case AN_FIELD: {
        aval i = awk__eval(A, n->a);
        double d = aval_num_of(&i);
        aval_free(A, &i);
        awk__set_field(A, d, v);
        return;
    }
    case AN_INDEX: {
        aarray *arr = awk__array(A, n->a);
        int kind;
        astr *k = arr ? awk__subscript(A, n->list, n->nlist, &kind) : NULL;
        aelem *e = k ? aarr_get_kind(A, arr, k, kind) : NULL;
        astr_unref(A, k);
        if (!e) {
            aval_free(A, &v);
            return;
        }
        aval_free(A, &e->val);
        e->val = v;
        return;
    }
    default:
        aval_free(A, &v);
        return;
    }
}

/* ------------------------------------------------------------------ arithmetic */
static double awk__arith(awk *A, int op, double x, double y)
{
    switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/':
        if (y == 0) {
            awk_fatal(A, "division by zero attempted");
            return 0;
        }
        return x / y;
    case '%':
        if (y == 0) {
            awk_fatal(A, "division by zero attempted in `%%'");
            return 0;
        }
        return fmod(x, y);
    case '^': {
        /* integer powers by repeated multiplication, as gawk */
        if (y == (double)(long long)y && fabs(y) < 1024) {
            long long n = (long long)y;
            bool neg = n < 0;
            if (neg)
                n = -n;
            double r = 1, b = x;
            while (n) {
                if (n & 1)
                    r *= b;
                b *= b;
                n >>= 1;
            }
            return neg ? 1 / r : r;
        }
        return pow(x, y);
    }
    }
    return 0;
}

/* ------------------------------------------------------------------ I/O */
static void awk__src_init(awk *A, arsrc *src, stream *s)
{
    memset(src, 0, sizeof *src);
    src->s = s;
    bi_reader_init(&src->r, A->cmd, s);
}

static void awk__src_close(awk *A, arsrc *src)
{
    if (src->s) {
        bi_reader_free(&src->r);
        stream_unref(src->s);
        src->s = NULL;
    }
    mem_free(A->heap, src->all);
    src->all = NULL;
}

/* Next record by RS; 1 record in *rec (heap astr), 0 end, -1 error. */
static int awk__readrec(awk *A, arsrc *src, astr **rec)
{
    const astr *rs = awk__special_str(A, AS_RS);
    const char *p;
    size_t len;
    astr_unref(A, A->rt);
    A->rt = NULL;
    if (rs->len == 1) {
        int r = bi_getrec(&src->r, (unsigned char)rs->data[0], &p, &len);
        if (r <= 0)
            return r < 0 ? -1 : 0;
        bool has = len && p[len - 1] == rs->data[0];
        *rec = astr_new(A, p, len - has);
        if (has) {
            if (!A->rt_one || A->rt_one->data[0] != rs->data[0]) {
                astr_unref(A, A->rt_one);
                A->rt_one = astr_new(A, rs->data, 1);
            }
            A->rt = astr_ref(A->rt_one);
        } else {
            A->rt = astr_new(A, rs->data, 0);
        }
        return 1;
    }
    if (rs->len == 0) {
        /* paragraph mode: skip leading newlines, end at a blank line */
        vbuf b;
        vbuf_init(&b, A->heap);
        int got = 0;
        for (;;) {
            int r = bi_getrec(&src->r, '\n', &p, &len);
            if (r < 0) {
                vbuf_free(&b);
                return -1;
            }
            if (r == 0)
                break;
            bool nl = len && p[len - 1] == '\n';
            size_t body = len - nl;
            if (body == 0) {
                if (!got)
                    continue; /* leading blank lines */
                /* the record ends; swallow further blank lines */
                size_t rtn = 2;
                for (;;) {
                    bi_reader *rd = &src->r;
                    if (rd->pos < rd->len) {
                        if (rd->buf[rd->pos] == '\n') {
                            rd->pos++;
                            rtn++;
                            continue;
                        }
                        break;
                    }
                    /* refill by peeking one record */
                    int r2 = bi_getrec(rd, '\n', &p, &len);
                    if (r2 <= 0)
                        break;
                    if (len == 1 && p[0] == '\n') {
                        rtn++;
                        continue;
                    }
                    rd->pos -= len; /* put it back: it is still in the buffer */
                    break;
                }
                char nls[64];
                memset(nls, '\n', sizeof nls);
                A->rt = astr_new(A, nls, rtn < sizeof nls ? rtn : sizeof nls);
                break;
            }
            if (got)
                vbuf_addc(&b, '\n');
            vbuf_add(&b, p, body);
            got = 1;
        }
        if (!got) {
            vbuf_free(&b);
            return 0;
        }
        *rec = astr_new(A, vbuf_str(&b), b.len);
        vbuf_free(&b);
        if (!A->rt)
            A->rt = astr_new(A, "\n", 1);
        return 1;
    }
    /* regex RS: the input is read once, then cut at each match */
    if (!src->slurped) {
        vbuf b;
        vbuf_init(&b, A->heap);
        char tmp[65536];
        ssize_t n;
        while ((n = bi_readbuf(&src->r, tmp, sizeof tmp)) > 0)
            vbuf_add(&b, tmp, (size_t)n);
        if (n < 0 || b.failed) {
            vbuf_free(&b);
            return -1;
        }
        src->all = vbuf_take(&b, &src->alllen);
        src->slurped = true;
    }
    if (!src->all || src->allpos >= src->alllen)
        return 0;
    rx *re = awk__regex(A, rs);
    if (!re)
        return -1;
    rx_match m;
    size_t start = src->allpos;
    size_t from = start;
    for (;;) {
        int r = awk__rx_exec(A, re, src->all, src->alllen, from, 0, &m);
        if (r == 1 && m.eo == m.so) {
            if (m.so >= src->alllen) {
                r = 0;
            } else {
                from = m.so + 1;
                continue;
            }
        }
        if (r == 1) {
            *rec = astr_new(A, src->all + start, m.so - start);
            A->rt = astr_new(A, src->all + m.so, m.eo - m.so);
            src->allpos = m.eo;
            return 1;
        }
        break;
    }
    *rec = astr_new(A, src->all + start, src->alllen - start);
    A->rt = astr_new(A, "", 0);
    src->allpos = src->alllen;
    return 1;
}

static int awk__run_items(awk *A, aitem *items, int n);
static void awk__exec(awk *A, const anode *n);

/* Looks at ARGV from argi on: does command-line assignments, opens the next
 * file. Returns 1 when a file is open, 0 when input is exhausted. */
static int awk__open_next(awk *A)
{
    acell *argvc = &A->globals[AS_ARGV];
    for (;;) {
        int argc = (int)aval_num_of(&A->globals[AS_ARGC].v);
        if (A->argi >= argc) {
            if (A->used_stdin || A->argi > argc)
                return 0;
            /* no file operand: standard input */
            A->used_stdin = true;
            A->argi = argc + 1;
            awk__src_init(A, &A->main, stream_ref(A->cmd->in));
            awk_setvar_str(A, AS_FILENAME, "", 0, false);
            awk__set_num(A, AS_FNR, 0);
            return 1;
        }
        char key[32];
        int kn = snprintf(key, sizeof key, "%d", A->argi++);
        aelem *e = argvc->kind == AC_ARRAY ? aarr_find(argvc->arr, key, (size_t)kn) : NULL;
        if (!e)
            continue;
        astr *arg = aval_str_of(A, &e->val);
        if (!arg || arg->len == 0) {
            astr_unref(A, arg);
            continue;
        }
        /* var=value */
        const char *eq = memchr(arg->data, '=', arg->len);
        if (eq && eq > arg->data && (isalpha((unsigned char)arg->data[0]) || arg->data[0] == '_')) {
            bool name_ok = true;
            for (const char *q = arg->data; q < eq; q++)
                if (!isalnum((unsigned char)*q) && *q != '_')
                    name_ok = false;
            if (name_ok) {
                char *name = mem_strndup(A->heap, arg->data, (size_t)(eq - arg->data));
                int slot = awk_global_slot(A, name);
                /* escape sequences are processed as in string constants */
                vbuf v;
                vbuf_init(&v, A->heap);
                for (const char *q = eq + 1; q < arg->data + arg->len; q++) {
                    if (*q == '\\' && q + 1 < arg->data + arg->len) {
                        q++;
                        switch (*q) {
                        case 'n': vbuf_addc(&v, '\n'); break;
                        case 't': vbuf_addc(&v, '\t'); break;
                        case '\\': vbuf_addc(&v, '\\'); break;
                        case 'r': vbuf_addc(&v, '\r'); break;
                        default: vbuf_addc(&v, '\\'); vbuf_addc(&v, *q); break;
                        }
                    } else {
                        vbuf_addc(&v, *q);
                    }
                }
                if (slot >= 0)
                    awk_setvar_str(A, slot, vbuf_str(&v), v.len, true);
                vbuf_free(&v);
                astr_unref(A, arg);
                A->used_stdin = A->used_stdin; /* an assignment is not a file */
                continue;
            }
        }
        int err;
        stream *s = bi_open_read(A->cmd, arg->data, &err);
        A->used_stdin = true; /* a file operand: no implicit stdin */
        if (!s) {
            vbuf b;
            vbuf_init(&b, A->heap);
            vbuf_printf(&b, "%s: warning: command line argument `%s': %s\n", A->progname,
                        arg->data, vb_strerror(err));
            /* gawk: a missing file is a fatal error */
            vbuf_clear(&b);
            vbuf_printf(&b, "%s: fatal: cannot open file `%s' for reading: %s\n", A->progname,
                        arg->data, vb_strerror(err));
            bi_errw(A->cmd, b.data, b.len);
            vbuf_free(&b);
            astr_unref(A, arg);
            A->flow = AF_ERROR;
            A->exit_code = 2;
            return 0;
        }
        awk__src_init(A, &A->main, s);
        awk_setvar_str(A, AS_FILENAME, arg->data, arg->len, false);
        awk__set_num(A, AS_FNR, 0);
        astr_unref(A, arg);
        return 1;
    }
}

/* Next main-input record into rec; 1, 0 at the end of all input, -1 error. */
static int awk__next_main(awk *A, astr **rec)
{
    for (;;) {
        if (A->in_eof_all)
            return 0;
        if (!A->in_open) {
            if (!awk__open_next(A)) {
                A->in_eof_all = true;
                return A->flow == AF_ERROR ? -1 : 0;
            }
            A->in_open = true;
            if (A->nbeginfile) {
                awk__run_items(A, A->beginfile_items, A->nbeginfile);
                if (A->flow == AF_EXIT || A->flow == AF_ERROR)
                    return 0;
            }
        }
        int r = awk__readrec(A, &A->main, rec);
        if (r == 1) {
            double nr = aval_num_of(&A->globals[AS_NR].v) + 1;
            double fnr = aval_num_of(&A->globals[AS_FNR].v) + 1;
            awk__set_num(A, AS_NR, nr);
            awk__set_num(A, AS_FNR, fnr);
            if (A->rt) {
                acell *c = &A->globals[AS_RT];
                aval_free(A, &c->v);
                c->kind = AC_SCALAR;
                c->v = aval_str(astr_ref(A->rt));
            }
            return 1;
        }
        if (r < 0) {
            awk_fatal(A, "error reading input file `%s'",
                      awk__special_str(A, AS_FILENAME)->data);
            return -1;
        }
        awk__src_close(A, &A->main);
        A->in_open = false;
        if (A->nendfile) {
            awk__run_items(A, A->endfile_items, A->nendfile);
            if (A->flow == AF_EXIT || A->flow == AF_ERROR)
                return 0;
        }
    }
}

static aout *awk__output(awk *A, const astr *name, int kind)
{
    for (aout *o = A->outs; o; o = o->next)
        if (o->name->len == name->len && memcmp(o->name->data, name->data, name->len) == 0)
            return o;
    aout *o = mem_calloc(A->heap, 1, sizeof *o);
    if (!o)
        return NULL;
    o->name = astr_new(A, name->data, name->len);
    o->kind = kind;
    if (kind == '|') {
        /* as gawk: output so far goes out before the command starts; what
         * is printed while it runs stays buffered behind the command's */
        bi_flush(A->cmd);
        vbuf_init(&o->pipe, A->heap);
    } else {
        int err;
        o->s = bi_open_write(A->cmd, name->data,
                             O_WRONLY | O_CREAT | (kind == 'a' ? O_APPEND : O_TRUNC), 0666, &err);
        if (!o->s) {
            awk_fatal(A, "can't redirect to `%s' (%s)", name->data, vb_strerror(err));
            mem_free(A->heap, o);
            return NULL;
        }
    }
    o->next = A->outs;
    A->outs = o;
    return o;
}

/* Runs a command line for system(), close() and pipes; gawk 5's value: the
 * exit status, or 256 + N for a shell ended by signal N. */
static int awk__sh(awk *A, const char *script, stream *in, stream *out, stream *err)
{
    const vb_shell_ops *ops = A->cmd->ops;
    if (ops && ops->run_script_sig) {
        int sig = 0;
        int st = ops->run_script_sig(A->cmd->shell, script, in, out, err, &sig);
        return sig > 0 ? 256 + sig : st;
    }
    if (ops && ops->run_script)
        return ops->run_script(A->cmd->shell, script, in, out, err);
    return 127;
}

static int awk__close_output(awk *A, aout *o)
{
    int st = 0;
    if (o->kind == '|') {
        stream *in = stream_from_bytes(A->heap, o->pipe.data ? o->pipe.data : "", o->pipe.len);
        if (in)
            st = awk__sh(A, o->name->data, in, A->cmd->out, A->cmd->err);
        stream_unref(in);
        vbuf_free(&o->pipe);
    } else if (o->s) {
        stream_unref(o->s);
        o->s = NULL;
    }
    return st;
}

static void awk__write(awk *A, aout *o, const char *p, size_t n)
{
    if (!o) {
        bi_out(A->cmd, p, n);
        return;
    }
    if (o->kind == '|') {
        vbuf_add(&o->pipe, p, n);
        return;
    }
    if (o->s == A->cmd->err || o->s == A->cmd->out)
        bi_flush(A->cmd);
    if (o->s == A->cmd->out) {
        bi_out(A->cmd, p, n);
        return;
    }
    ssize_t w = stream_write(o->s, p, n);
    if (w < 0)
        awk_fatal(A, "write to `%s' failed (%s)", o->name->data, vb_strerror((int)w));
}

static int awk__close(awk *A, const astr *name)
{
    for (aout **pp = &A->outs; *pp; pp = &(*pp)->next) {
        aout *o = *pp;
        if (o->name->len == name->len && memcmp(o->name->data, name->data, name->len) == 0) {
            *pp = o->next;
            int st = awk__close_output(A, o);
            astr_unref(A, o->name);
            mem_free(A->heap, o);
            return st;
        }
    }
    for (ain **pp = &A->ins; *pp; pp = &(*pp)->next) {
        ain *i = *pp;
        if (i->name->len == name->len && memcmp(i->name->data, name->data, name->len) == 0) {
            *pp = i->next;
            int st = i->status;
            awk__src_close(A, &i->src);
            astr_unref(A, i->name);
            mem_free(A->heap, i);
            return st;
        }
    }
    return -1;
}

static ain *awk__input(awk *A, const astr *name, int kind)
{
    for (ain *i = A->ins; i; i = i->next)
        if (i->kind == kind && i->name->len == name->len &&
            memcmp(i->name->data, name->data, name->len) == 0)
            return i;
    stream *s;
    int status = 0;
    if (kind == '|') {
        vbuf out;
        vbuf_init(&out, A->heap);
        stream *os = stream_to_buf(A->heap, &out);
        stream *nul = stream_null(A->heap, STREAM_R);
        bi_flush(A->cmd);
        if (os && nul)
            status = awk__sh(A, name->data, nul, os, A->cmd->err);
        stream_unref(os);
        stream_unref(nul);
        s = stream_from_bytes(A->heap, out.data ? out.data : "", out.len);
        vbuf_free(&out);
    } else {
        int err;
        s = bi_open_read(A->cmd, name->data, &err);
    }
    if (!s)
        return NULL;
    ain *i = mem_calloc(A->heap, 1, sizeof *i);
    if (!i) {
        stream_unref(s);
        return NULL;
    }
    i->name = astr_new(A, name->data, name->len);
    i->kind = kind;
    i->status = status;
    awk__src_init(A, &i->src, s);
    i->next = A->ins;
    A->ins = i;
    return i;
}

static aval awk__getline(awk *A, const anode *n)
{
    astr *rec = NULL;
    int r;
    if (n->op == 0) {
        r = awk__next_main(A, &rec);
    } else {
        aval t = awk__eval(A, n->b);
        astr *name = aval_str_of(A, &t);
        aval_free(A, &t);
        if (!name)
            return aval_num(-1);
        ain *in = awk__input(A, name, n->op);
        astr_unref(A, name);
        if (!in)
            return aval_num(-1);
        /* gawk 5 counts neither form in NR */
        r = awk__readrec(A, &in->src, &rec);
    }
    if (r <= 0)
        return aval_num(r < 0 ? -1 : 0);
    if (n->a) {
        awk__set_lvalue(A, n->a, aval_input(A, rec->data, rec->len));
    } else {
        awk__set_record(A, rec->data, rec->len);
    }
    astr_unref(A, rec);
    return aval_num(1);
}

/* ------------------------------------------------------------------ printf */
static void awk__utf8_put(vbuf *b, unsigned cp)
{
    char u[4];
    int n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    vbuf_add(b, u, (size_t)n);
}

/* Pads s to width (left or right). */
static void awk__pad(vbuf *b, const char *s, size_t n, int width, bool left, size_t chars)
{
    size_t pad = width > 0 && (size_t)width > chars ? (size_t)width - chars : 0;
    if (!left)
        for (size_t i = 0; i < pad; i++)
            vbuf_addc(b, ' ');
    vbuf_add(b, s, n);
    if (left)
        for (size_t i = 0; i < pad; i++)
            vbuf_addc(b, ' ');
}

/* gawk's message when a format wants more arguments than it has: the
 * format, and a caret under the conversion that ran out */
static void awk__ran_out(awk *A, const char *fmt, size_t flen, size_t at)
{
    awk_fatal(A, "not enough arguments to satisfy format string\n\t`%.*s'\n\t%*s^ ran out for this one",
              (int)flen, fmt, (int)(at + 1), "");
}

/* A `*` width or precision: widths (and precisions) beyond 1,000,000 are
 * cut there, as written ones are. */
static int awk__fmt_bound(double d)
{
    if (isnan(d))
        return 0;
    if (d > 1000000)
        return 1000000;
    if (d < -1000000)
        return -1000000;
    return (int)d;
}

/* printf of an infinity or NaN by a numeric conversion: "+inf" "-nan"...
 * (upper case for X E F G A), as gawk; false for finite numbers. */
static bool awk__nonfinite(vbuf *out, double d, char conv)
{
    if (!isnan(d) && !isinf(d))
        return false;
    bool up = conv == 'X' || conv == 'E' || conv == 'F' || conv == 'G' || conv == 'A';
    const char *t = isnan(d) ? (signbit(d) ? (up ? "-NAN" : "-nan") : (up ? "+NAN" : "+nan"))
                  : d < 0 ? (up ? "-INF" : "-inf") : (up ? "+INF" : "+inf");
    vbuf_add(out, t, 4); /* gawk ignores the width and flags here */
    return true;
}

static void awk__format(awk *A, const char *fmt, size_t flen, aval *args, int nargs, vbuf *out)
{
    int ai = 0;
    for (size_t i = 0; i < flen; i++) {
        char c = fmt[i];
        if (c != '%') {
            vbuf_addc(out, c);
            continue;
        }
        size_t st = i++;
        if (i < flen && fmt[i] == '%') {
            vbuf_addc(out, '%');
            continue;
        }
        char spec[64];
        size_t sl = 0;
        spec[sl++] = '%';
        bool left = false;
        while (i < flen && strchr("-+ #0'", fmt[i])) {
            if (fmt[i] == '-')
                left = true;
            if (fmt[i] != '\'' && sl < 20)
                spec[sl++] = fmt[i];
            i++;
        }
        int width = -1, prec = -1;
        if (i < flen && fmt[i] == '*') {
            if (ai >= nargs) {
                awk__ran_out(A, fmt, flen, st);
                return;
            }
            width = awk__fmt_bound(aval_num_of(&args[ai++]));
            if (width < 0) {
                left = true;
                spec[sl++] = '-';
                width = -width;
            }
            i++;
        } else {
            while (i < flen && isdigit((unsigned char)fmt[i])) {
                width = (width < 0 ? 0 : width) * 10 + (fmt[i] - '0');
                if (width > 1000000)
                    width = 1000000;
                i++;
            }
        }
        if (i < flen && fmt[i] == '.') {
            i++;
            prec = 0;
            if (i < flen && fmt[i] == '*') {
                if (ai >= nargs) {
                    awk__ran_out(A, fmt, flen, st);
                    return;
                }
                prec = awk__fmt_bound(aval_num_of(&args[ai++]));
                if (prec < 0)
                    prec = -1; /* a negative precision is taken as omitted */
                i++;
            } else {
                while (i < flen && isdigit((unsigned char)fmt[i])) {
                    prec = prec * 10 + (fmt[i] - '0');
                    if (prec > 1000000)
                        prec = 1000000;
                    i++;
                }
            }
        }
        while (i < flen && strchr("hlLqjzt", fmt[i]))
            i++;
        if (i >= flen) {
            vbuf_add(out, fmt + st, flen - st);
            break;
        }
        char conv = fmt[i];
        if (width >= 0)
            sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%d", width);
        if (prec >= 0)
            sl += (size_t)snprintf(spec + sl, sizeof spec - sl, ".%d", prec);
        aval none = {.type = AV_UNINIT};
        aval *arg = ai < nargs ? &args[ai++] : &none;
        if (arg == &none && strchr("cdiouxXeEfFgGaAs", conv)) {
            awk__ran_out(A, fmt, flen, st);
            return;
        }
        switch (conv) {
        case 'c': {
            vbuf tmp;
            vbuf_init(&tmp, A->heap);
            size_t chars = 1;
            if (arg->type == AV_NUM || arg->type == AV_STRNUM) {
                double d = aval_num_of(arg);
                unsigned cp = d < 0 ? 0 : (unsigned)d;
                if (A->posix_utf && cp > 127)
                    awk__utf8_put(&tmp, cp);
                else
                    vbuf_addc(&tmp, (char)cp);
            } else {
                astr *s = aval_str_of(A, arg);
                if (s && s->len) {
                    size_t n = 1;
                    if (A->posix_utf)
                        while (n < s->len && ((unsigned char)s->data[n] & 0xC0) == 0x80)
                            n++;
                    vbuf_add(&tmp, s->data, n);
                } else {
                    vbuf_addc(&tmp, '\0'); /* gawk writes the string's terminator */
                }
                astr_unref(A, s);
            }
            awk__pad(out, vbuf_str(&tmp), tmp.len, width, left, chars);
            vbuf_free(&tmp);
            break;
        }
        case 's': {
            astr *s = aval_str_of(A, arg);
            if (!s)
                break;
            size_t n = s->len;
            /* gawk counts these characters without its invalid-data warning */
            size_t chars = A->posix_utf ? awk__u8len(s->data, s->len) : s->len;
            if (prec >= 0 && (size_t)prec < chars) {
                n = A->posix_utf ? awk__u8off(s->data, s->len, (size_t)prec) : (size_t)prec;
                chars = (size_t)prec;
            }
            awk__pad(out, s->data, n, width, left, chars);
            astr_unref(A, s);
            break;
        }
        case 'd':
        case 'i': {
            double d = aval_num_of(arg);
            if (awk__nonfinite(out, d, conv))
                break;
            d = trunc(d);
            if (fabs(d) >= 9.2e18) {
                char buf[512];
                snprintf(buf, sizeof buf, "%.0f", d);
                awk__pad(out, buf, strlen(buf), width, left, strlen(buf));
                break;
            }
            spec[sl++] = 'l';
            spec[sl++] = 'l';
            spec[sl++] = 'd';
            spec[sl] = '\0';
            vbuf_printf(out, spec, (long long)d);
            break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
            double d = aval_num_of(arg);
            if (awk__nonfinite(out, d, conv))
                break;
            d = trunc(d);
            unsigned long long u = d < 0 ? (unsigned long long)(long long)d
                                         : d >= 1.8446744073709552e19 ? ~0ull : (unsigned long long)d;
            spec[sl++] = 'l';
            spec[sl++] = 'l';
            spec[sl++] = conv;
            spec[sl] = '\0';
            vbuf_printf(out, spec, u);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
            double d = aval_num_of(arg);
            spec[sl++] = conv;
            spec[sl] = '\0';
            if (awk__nonfinite(out, d, conv))
                break;
            vbuf_printf(out, spec, d);
            break;
        }
        default:
            /* unknown conversion: printed as is */
            vbuf_add(out, fmt + st, i - st + 1);
            if (arg != &none)
                ai--;
            break;
        }
    }
}

/* ------------------------------------------------------------------ sub/gsub/gensub */
/* Appends the replacement for one match: & and \\& (sub/gsub), or \\0-\\9 (gensub). */
static void awk__replacement(vbuf *b, const char *rep, size_t rlen, const char *subj,
                             const rx_match *m, bool gensub)
{
    for (size_t i = 0; i < rlen; i++) {
        char c = rep[i];
        if (c == '\\' && i + 1 < rlen) {
            char d = rep[i + 1];
            if (d == '&') {
                vbuf_addc(b, '&');
                i++;
                continue;
            }
            if (d == '\\') {
                vbuf_addc(b, '\\');
                i++;
                continue;
            }
            if (gensub && isdigit((unsigned char)d)) {
                int g = d - '0';
                if (g < m->n && m->ov[2 * g] != RX_UNSET)
                    vbuf_add(b, subj + m->ov[2 * g], m->ov[2 * g + 1] - m->ov[2 * g]);
                i++;
                continue;
            }
            vbuf_addc(b, c);
            continue;
        }
        if (c == '&') {
            vbuf_add(b, subj + m->so, m->eo - m->so);
            continue;
        }
        vbuf_addc(b, c);
    }
}

/* Substitutes in subj: count = 0 all, else only the count-th match (gensub)
 * or the first (sub: count = 1). Returns the number of replacements. */
static int awk__subst(awk *A, rx *re, const astr *subj, const astr *rep, long count, bool global,
                      bool gensub, vbuf *out)
{
    int nrep = 0;
    size_t pos = 0, copied = 0;
    long seen = 0;
    size_t len = subj->len;
    bool last_empty_at = false;
    size_t last_end = (size_t)-1;
    while (pos <= len) {
        rx_match m;
        int r = awk__rx_exec(A, re, subj->data, len, pos, 0, &m);
        if (r != 1)
            break;
        if (m.so == m.eo && m.so == last_end) {
            /* an empty match right after the previous match: skip one char */
            if (m.so >= len)
                break;
            pos = m.so + 1;
            continue;
        }
        (void)last_empty_at;
        seen++;
        bool take = global ? (count == 0 || seen >= count) : (seen == (count ? count : 1));
        if (take) {
            vbuf_add(out, subj->data + copied, m.so - copied);
            awk__replacement(out, rep->data, rep->len, subj->data, &m, gensub);
            copied = m.eo;
            nrep++;
        }
        last_end = m.eo;
        if (!global && take)
            break;
        if (m.eo == m.so) {
            if (m.so >= len)
                break;
            pos = m.so + 1;
        } else {
            pos = m.eo;
        }
    }
    vbuf_add(out, subj->data + copied, len - copied);
    return nrep;
}

/* ------------------------------------------------------------------ array orders */
/* gawk's comparisons for PROCINFO["sorted_in"], asort and asorti: numbers
 * with NaN above everything, strings by bytes (IGNORECASE: without case
 * first), ties broken so that every order is total; a user function gets
 * (i1, v1, i2, v2) and its sign is the order. */
static int awk__cmp_nums(double x, double y)
{
    if (isnan(x))
        return !isnan(y);
    if (isnan(y))
        return -1;
    return x == y ? 0 : x < y ? -1 : 1;
}

static int awk__cmp_strs(awk *A, const astr *a, const astr *b)
{
    if (a->len == 0)
        return b->len == 0 ? 0 : -1;
    if (b->len == 0)
        return 1;
    size_t n = a->len < b->len ? a->len : b->len;
    if (awk__icase(A)) {
        for (size_t i = 0; i < n; i++) {
            int c = tolower((unsigned char)a->data[i]) - tolower((unsigned char)b->data[i]);
            if (c)
                return c;
        }
    }
    int c = memcmp(a->data, b->data, n);
    if (c || a->len == b->len)
        return c;
    return a->len < b->len ? -1 : 1;
}

enum { AWK_O_UNSORTED, AWK_O_IND_STR, AWK_O_IND_NUM, AWK_O_VAL_STR, AWK_O_VAL_NUM,
       AWK_O_VAL_TYPE, AWK_O_USER };

static const struct awk_order { const char *name; int kind; bool desc; } awk_orders[] = {
    {"@ind_str_asc", AWK_O_IND_STR, false},  {"@ind_num_asc", AWK_O_IND_NUM, false},
    {"@val_str_asc", AWK_O_VAL_STR, false},  {"@val_num_asc", AWK_O_VAL_NUM, false},
    {"@ind_str_desc", AWK_O_IND_STR, true},  {"@ind_num_desc", AWK_O_IND_NUM, true},
    {"@val_str_desc", AWK_O_VAL_STR, true},  {"@val_num_desc", AWK_O_VAL_NUM, true},
    {"@val_type_asc", AWK_O_VAL_TYPE, false}, {"@val_type_desc", AWK_O_VAL_TYPE, true},
    {"@unsorted", AWK_O_UNSORTED, false},
};

typedef struct awk_sorter {
    awk *A;
    int kind;
    bool desc;
    afunc *fn;            /* AWK_O_USER */
} awk_sorter;

static aval awk__invoke(awk *A, afunc *f, acell *frame);

/* An element being ordered: its index (as the loop sees it) and a copy of
 * its value, so that a comparison function may change the array. */
typedef struct awk_sent {
    aval idx;
    aval val;
} awk_sent;

/* The index as the loop variable (and a comparison function) sees it. */
static aval awk__index_val(awk *A, const aelem *e)
{
    if (e->kstrnum && e->gtype == AG_STR)
        return aval_input(A, e->key->data, e->key->len);
    return aval_str(astr_ref(e->key));
}

static int awk__cmp_type(awk *A, const aval *a, const aval *b)
{
    /* an element never assigned sorts before every value */
    if (a->type == AV_UNINIT || b->type == AV_UNINIT)
        return (a->type != AV_UNINIT) - (b->type != AV_UNINIT);
    bool an = a->type != AV_STR, bn = b->type != AV_STR;
    if (an && bn)
        return awk__cmp_nums(a->num, b->num);
    if (an != bn)
        return an ? -1 : 1;
    return awk__cmp_strs(A, a->s, b->s);
}

static int awk__cmp_elems(awk_sorter *S, const awk_sent *x, const awk_sent *y)
{
    awk *A = S->A;
    int c = 0;
    switch (S->kind) {
    case AWK_O_USER: {
        if (A->flow == AF_ERROR)
            return 0;
        acell *frame = mem_calloc(A->heap, (size_t)(S->fn->nparams > 4 ? S->fn->nparams : 4),
                                  sizeof(acell));
        if (!frame) {
            awk_fatal(A, "out of memory");
            return 0;
        }
        int np = S->fn->nparams < 4 ? S->fn->nparams : 4;
        if (np < 4)
            awk_warn(A, "function `%s' called with more arguments than declared", S->fn->name);
        aval args[4] = {aval_copy(&x->idx), aval_copy(&x->val), aval_copy(&y->idx),
                        aval_copy(&y->val)};
        for (int i = 0; i < 4; i++) {
            if (i < np) {
                frame[i].kind = AC_SCALAR;
                frame[i].v = args[i];
            } else {
                aval_free(A, &args[i]);
            }
        }
        aval r = awk__invoke(A, S->fn, frame);
        double d = aval_num_of(&r);
        aval_free(A, &r);
        return d < 0 ? -1 : d > 0;
    }
    case AWK_O_IND_NUM:
        c = awk__cmp_nums(awk__strtod(x->idx.s->data, x->idx.s->len, NULL),
                          awk__strtod(y->idx.s->data, y->idx.s->len, NULL));
        break;
    case AWK_O_VAL_STR:
    case AWK_O_VAL_NUM:
        if (x->val.type == AV_UNINIT || y->val.type == AV_UNINIT) {
            c = awk__cmp_type(A, &x->val, &y->val);
            break;
        }
        if (S->kind == AWK_O_VAL_NUM)
            c = awk__cmp_nums(aval_num_of(&x->val), aval_num_of(&y->val));
        if (!c) {
            astr *p = aval_str_of(A, &x->val), *q = aval_str_of(A, &y->val);
            if (p && q)
                c = awk__cmp_strs(A, p, q);
            astr_unref(A, p);
            astr_unref(A, q);
        }
        break;
    case AWK_O_VAL_TYPE:
        c = awk__cmp_type(A, &x->val, &y->val);
        break;
    default:
        break;
    }
    if (!c)
        c = awk__cmp_strs(A, x->idx.s, y->idx.s);
    return S->desc ? -c : c;
}

/* A stable merge sort that compares in the sequence glibc's qsort does (a
 * comparison function may print or count). */
static void awk__msort(awk_sorter *S, awk_sent *b, size_t n, awk_sent *tmp)
{
    if (n <= 1)
        return;
    size_t n1 = n / 2, n2 = n - n1;
    awk_sent *b1 = b, *b2 = b + n1;
    awk__msort(S, b1, n1, tmp);
    awk__msort(S, b2, n2, tmp);
    size_t k = 0;
    while (n1 > 0 && n2 > 0) {
        if (awk__cmp_elems(S, b1, b2) <= 0) {
            tmp[k++] = *b1++;
            n1--;
        } else {
            tmp[k++] = *b2++;
            n2--;
        }
    }
    while (n1 > 0) {
        tmp[k++] = *b1++;
        n1--;
    }
    memcpy(b, tmp, k * sizeof *b);
}

/* Finds the order HOW names ("@..." or a function); fatal as gawk when it
 * names nothing. */
static int awk__sorter(awk *A, const astr *how, awk_sorter *S)
{
    *S = (awk_sorter){.A = A, .kind = AWK_O_UNSORTED};
    for (size_t i = 0; i < sizeof awk_orders / sizeof awk_orders[0]; i++)
        if (strcmp(how->data, awk_orders[i].name) == 0) {
            S->kind = awk_orders[i].kind;
            S->desc = awk_orders[i].desc;
            return 0;
        }
    size_t i = 0;
    while (i < how->len && !isspace((unsigned char)how->data[i]))
        i++;
    if (i == 0 || i < how->len)
        return awk_fatal(A, "`%s' is invalid as a function name", how->data);
    for (int f = 0; f < A->nfuncs; f++)
        if (A->funcs[f].body && strcmp(A->funcs[f].name, how->data) == 0) {
            S->kind = AWK_O_USER;
            S->fn = &A->funcs[f];
            return 0;
        }
    return awk_fatal(A, "sort comparison function `%s' is not defined", how->data);
}

/* The elements of arr in gawk's order for HOW (NULL: unsorted): a new
 * array of *n entries (free with awk__free_sents), or NULL. */
static awk_sent *awk__ordered(awk *A, aarray *arr, const astr *how, size_t *n)
{
    *n = 0;
    if (!arr->count)
        return NULL;
    awk_sorter S;
    if (how && awk__sorter(A, how, &S) < 0)
        return NULL;
    aelem **el = mem_calloc(A->heap, arr->count, sizeof *el);
    awk_sent *v = mem_calloc(A->heap, arr->count, sizeof *v);
    awk_sent *tmp = how && S.kind != AWK_O_UNSORTED ? mem_calloc(A->heap, arr->count, sizeof *tmp)
                                                    : NULL;
    if (!el || !v || (how && S.kind != AWK_O_UNSORTED && !tmp)) {
        mem_free(A->heap, el);
        mem_free(A->heap, v);
        mem_free(A->heap, tmp);
        awk_fatal(A, "out of memory");
        return NULL;
    }
    size_t k = awk_ord_list(arr, el);
    for (size_t i = 0; i < k; i++)
        v[i] = (awk_sent){awk__index_val(A, el[i]), aval_copy(&el[i]->val)};
    mem_free(A->heap, el);
    if (tmp && k > 1)
        awk__msort(&S, v, k, tmp);
    mem_free(A->heap, tmp);
    *n = k;
    return v;
}

static void awk__free_sents(awk *A, awk_sent *v, size_t n)
{
    for (size_t i = 0; i < n && v; i++) {
        aval_free(A, &v[i].idx);
        aval_free(A, &v[i].val);
    }
    mem_free(A->heap, v);
}

/* PROCINFO["sorted_in"] when set to a non-empty string (a new reference). */
static astr *awk__sorted_in(awk *A)
{
    acell *pc = &A->globals[AS_PROCINFO];
    if (pc->kind != AC_ARRAY || !pc->arr)
        return NULL;
    aelem *si = aarr_find(pc->arr, "sorted_in", 9);
    if (!si)
        return NULL;
    astr *how = aval_str_of(A, &si->val);
    if (how && !how->len) {
        astr_unref(A, how);
        return NULL;
    }
    return how;
}

/* ------------------------------------------------------------------ builtins */
typedef struct awk_split_ctx {
    aarray *arr;
    int n;
    aarray *seps;         /* split's 4th argument: the separators, or NULL */
    const char *prev_end; /* end of the previous piece (seps) */
    bool sep0;            /* seps[0] even when empty (patsplit) */
} awk_split_ctx;

static void awk__arr_set_num_key(awk *A, aarray *arr, int idx, const char *s, size_t len)
{
    char key[32];
    int kn = snprintf(key, sizeof key, "%d", idx);
    astr *k = astr_new(A, key, (size_t)kn);
    aelem *e = k ? aarr_get(A, arr, k) : NULL;
    astr_unref(A, k);
    if (e) {
        aval_free(A, &e->val);
        e->val = aval_input(A, s, len);
    }
}

static void awk__split_piece(awk *A, void *vctx, const char *s, size_t len)
{
    awk_split_ctx *c = vctx;
    if (c->seps) {
        if (c->n > 0 || s > c->prev_end || c->sep0)
            awk__arr_set_num_key(A, c->seps, c->n, c->prev_end, (size_t)(s - c->prev_end));
        c->prev_end = s + len;
    }
    char key[32];
    int kn = snprintf(key, sizeof key, "%d", ++c->n);
    astr *k = astr_new(A, key, (size_t)kn);
    aelem *e = k ? aarr_get(A, c->arr, k) : NULL;
    astr_unref(A, k);
    if (e) {
        aval_free(A, &e->val);
        e->val = aval_input(A, s, len);
    }
}

static astr *awk__arg_str(awk *A, const anode *n)
{
    aval v = awk__eval(A, n);
    astr *s = aval_str_of(A, &v);
    aval_free(A, &v);
    return s;
}

static double awk__arg_num(awk *A, const anode *n)
{
    aval v = awk__eval(A, n);
    double d = aval_num_of(&v);
    aval_free(A, &v);
    return d;
}

static bool awk__is_array_arg(awk *A, const anode *n)
{
    if (n->kind != AN_GLOBAL && n->kind != AN_LOCAL)
        return false;
    acell *c = awk__cell(A, n);
    return c->kind == AC_ARRAY;
}

static uint64_t awk__rand_next(awk *A)
{
    /* splitmix64: reproducible for a given srand seed */
    uint64_t z = (A->rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* toupper/tolower: ASCII in place; in a UTF-8 locale every letter through
 * the C.UTF-8 tables as gawk's towupper/towlower (the length may change:
 * a new string is returned and s released). Invalid bytes stay. */
static astr *awk__case(awk *A, astr *s, bool upper)
{
    bool wide = false;
    for (size_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (c < 0x80)
            s->data[i] = (char)(upper ? toupper(c) : tolower(c));
        else
            wide = true;
    }
    if (!wide || !A->posix_utf)
        return s;
    awk__mbcheck(A, s->data, s->len);
    if (!A->loc)
        A->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!A->loc)
        return s;
    vbuf b;
    vbuf_init(&b, A->heap);
    const unsigned char *p = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t cp;
        int k = p[i] < 0x80 ? 1 : tx_utf8_decode(p + i, s->len - i, &cp);
        if (k == 1) {
            vbuf_addc(&b, (char)p[i]);
            i++;
            continue;
        }
        if (k <= 0) {
            /* gawk's wide string holds U+FFFD for an invalid byte */
            awk__utf8_put(&b, 0xFFFD);
            i++;
            continue;
        }
        wint_t w = upper ? towupper_l((wint_t)cp, A->loc) : towlower_l((wint_t)cp, A->loc);
        if (w > 0 && w <= 0x10FFFF)
            awk__utf8_put(&b, (unsigned)w);
        else
            vbuf_add(&b, p + i, (size_t)k);
        i += (size_t)k;
    }
    astr *r = astr_new(A, b.data ? b.data : "", b.len);
    vbuf_free(&b);
    if (!r)
        return s;
    astr_unref(A, s);
    return r;
}

static void awk__now(awk *A, struct timespec *ts)
{
    if (A->cmd->ops && A->cmd->ops->now)
        A->cmd->ops->now(A->cmd->shell, ts);
    else
        clock_gettime(CLOCK_REALTIME, ts);
}

static aval awk__builtin(awk *A, const anode *n)
{
    int na = n->nlist;
    anode *const *a = n->list;
    switch (n->op) {
    case AB_LENGTH: {
        if (na == 0) {
            awk__rebuild_record(A);
            return aval_num((double)(A->record ? awk__charlen(A, A->record) : 0));
        }
        if (awk__is_array_arg(A, a[0])) {
            acell *c = awk__cell(A, a[0]);
            return aval_num((double)c->arr->count);
        }
        astr *s = awk__arg_str(A, a[0]);
        double l = s ? (double)awk__charlen(A, s) : 0;
        astr_unref(A, s);
        return aval_num(l);
    }
    case AB_SUBSTR: {
        if (na < 2 || na > 3)
            break;
        astr *s = awk__arg_str(A, a[0]);
        if (!s)
            return aval_str(awk__empty(A));
        double m = awk__arg_num(A, a[1]);
        size_t clen = awk__charlen(A, s);
        double len = na == 3 ? awk__arg_num(A, a[2]) : (double)clen + 1;
        /* gawk: both are truncated; a start below 1 counts from 1 and
         * keeps the length */
        double start = trunc(m);
        if (start < 1)
            start = 1;
        double end = na == 3 ? start + trunc(len) : (double)clen + 1;
        if (isnan(m) || isnan(len))
            end = start;
        if (end > (double)clen + 1)
            end = (double)clen + 1;
        astr *r;
        if (end <= start) {
            r = awk__empty(A);
        } else {
            size_t cs = (size_t)start - 1, ce = (size_t)end - 1;
            size_t bs = A->posix_utf ? awk__u8off(s->data, s->len, cs) : cs;
            size_t be = A->posix_utf ? awk__u8off(s->data, s->len, ce) : ce;
            r = astr_new(A, s->data + bs, be - bs);
        }
        astr_unref(A, s);
        return aval_str(r);
    }
    case AB_INDEX: {
        if (na != 2)
            break;
        astr *s = awk__arg_str(A, a[0]), *t = awk__arg_str(A, a[1]);
        double r = 0;
        if (s && t) {
            awk__mbcheck(A, s->data, s->len);
            awk__mbcheck(A, t->data, t->len);
            if (awk__icase(A)) { /* fold private copies: strings are shared */
                astr *ls = astr_new(A, s->data, s->len), *lt = astr_new(A, t->data, t->len);
                astr_unref(A, s);
                astr_unref(A, t);
                s = ls;
                t = lt;
                if (!s || !t) {
                    astr_unref(A, s);
                    astr_unref(A, t);
                    return aval_num(0);
                }
                awk__case(A, s, false);
                awk__case(A, t, false);
            }
            const char *p = t->len ? memmem(s->data, s->len, t->data, t->len) : s->data;
            if (p)
                r = A->posix_utf ? (double)awk__u8len(s->data, (size_t)(p - s->data)) + 1
                                 : (double)(p - s->data) + 1;
        }
        astr_unref(A, s);
        astr_unref(A, t);
        return aval_num(r);
    }
    case AB_SPLIT: {
        if (na < 2 || na > 4)
            break;
        astr *s = awk__arg_str(A, a[0]);
        aarray *arr = awk__array(A, a[1]);
        aarray *seps = na == 4 ? awk__array(A, a[3]) : NULL;
        if (!s || !arr || (na == 4 && !seps)) {
            astr_unref(A, s);
            return aval_num(0);
        }
        aarr_clear(A, arr);
        if (seps)
            aarr_clear(A, seps);
        astr *fs;
        if (na >= 3 && a[2]->kind == AN_REGEX) {
            fs = astr_ref(a[2]->str);
            if (fs->len == 1) { /* a regexp, not FS's one literal character */
                char re[4] = {'(', fs->data[0], ')', 0};
                if (re[1] == ' ')
                    re[0] = '[', re[2] = ']';
                astr_unref(A, fs);
                fs = astr_new(A, re, 3);
            }
        } else if (na >= 3) {
            fs = awk__arg_str(A, a[2]);
        } else {
            const astr *cur = awk__special_str(A, AS_FS);
            fs = astr_new(A, cur->data, cur->len);
        }
        awk_split_ctx ctx = {arr, 0, seps, s->data, false};
        awk__split_with(A, s->data, s->len, fs, false, awk__split_piece, &ctx);
        if (seps && fs->len == 1 && fs->data[0] == ' ' && ctx.prev_end < s->data + s->len)
            awk__arr_set_num_key(A, seps, ctx.n, ctx.prev_end,
                                 (size_t)(s->data + s->len - ctx.prev_end));
        astr_unref(A, fs);
        astr_unref(A, s);
        return aval_num(ctx.n);
    }
    case AB_PATSPLIT: {
        if (na < 2 || na > 4)
            break;
        if (na == 4 && (a[1]->kind == AN_GLOBAL || a[1]->kind == AN_LOCAL) &&
            a[3]->kind == a[1]->kind && a[3]->slot == a[1]->slot) {
            awk_fatal(A, "patsplit: cannot use the same array for second and fourth args");
            return aval_num(0);
        }
        astr *s = awk__arg_str(A, a[0]);
        aarray *arr = awk__array(A, a[1]);
        aarray *seps = na == 4 ? awk__array(A, a[3]) : NULL;
        astr *fp = na < 3 ? astr_ref((astr *)awk__special_str(A, AS_FPAT))
                 : a[2]->kind == AN_REGEX ? astr_ref(a[2]->str) : awk__arg_str(A, a[2]);
        rx *re = NULL;
        if (fp && !fp->len)
            awk_fatal(A, "patsplit: third argument must be non-null");
        else if (fp && s && arr && (na < 4 || seps))
            re = awk__regex(A, fp);
        astr_unref(A, fp);
        if (!re) {
            astr_unref(A, s);
            return aval_num(0);
        }
        aarr_clear(A, arr);
        if (seps)
            aarr_clear(A, seps);
        awk_split_ctx ctx = {arr, 0, seps, s->data, true};
        awk__fpat_each(A, re, s->data, s->len, awk__split_piece, &ctx);
        if (seps && (ctx.n > 0 || s->len))
            awk__arr_set_num_key(A, seps, ctx.n, ctx.prev_end,
                                 (size_t)(s->data + s->len - ctx.prev_end));
        astr_unref(A, s);
        return aval_num(ctx.n);
    }
    case AB_SUB:
    case AB_GSUB: {
        if (na < 2 || na > 3)
            break;
        rx *re = awk__node_regex(A, a[0]);
        astr *rep = awk__arg_str(A, a[1]);
        if (!re || !rep) {
            astr_unref(A, rep);
            return aval_num(0);
        }
        const anode *target = na == 3 ? a[2] : NULL;
        aval tv;
        if (target) {
            tv = awk__get_lvalue(A, target);
        } else {
            awk__rebuild_record(A);
            tv = aval_str(astr_ref(A->record ? A->record : awk__empty(A)));
        }
        astr *subj = aval_str_of(A, &tv);
        aval_free(A, &tv);
        vbuf out;
        vbuf_init(&out, A->heap);
        int nrep = subj ? awk__subst(A, re, subj, rep, n->op == AB_GSUB ? 0 : 1,
                                     n->op == AB_GSUB, false, &out) : 0;
        if (nrep > 0) {
            if (target && (target->kind == AN_GLOBAL || target->kind == AN_LOCAL ||
                           target->kind == AN_FIELD || target->kind == AN_INDEX))
                awk__set_lvalue(A, target, aval_str(astr_new(A, vbuf_str(&out), out.len)));
            else if (!target)
                awk__set_record(A, vbuf_str(&out), out.len);
        }
        vbuf_free(&out);
        astr_unref(A, subj);
        astr_unref(A, rep);
        return aval_num(nrep);
    }
    case AB_GENSUB: {
        if (na < 3 || na > 4)
            break;
        rx *re = awk__node_regex(A, a[0]);
        astr *rep = awk__arg_str(A, a[1]);
        aval how = awk__eval(A, a[2]);
        astr *subj;
        if (na == 4) {
            subj = awk__arg_str(A, a[3]);
        } else {
            awk__rebuild_record(A);
            subj = astr_ref(A->record ? A->record : awk__empty(A));
        }
        bool global = false;
        long which = 1;
        if (how.type == AV_STR && how.s->len && (how.s->data[0] == 'g' || how.s->data[0] == 'G')) {
            global = true;
            which = 0;
        } else {
            double d = aval_num_of(&how);
            which = d < 1 ? 1 : (long)d;
            if (d < 1) {
                astr *hs = aval_str_of(A, &how);
                awk_warn(A, "gensub: third argument `%s' treated as 1", hs ? hs->data : "");
                astr_unref(A, hs);
            }
        }
        aval_free(A, &how);
        vbuf out;
        vbuf_init(&out, A->heap);
        if (re && rep && subj)
            awk__subst(A, re, subj, rep, which, global, true, &out);
        astr *r = astr_new(A, vbuf_str(&out), out.len);
        vbuf_free(&out);
        astr_unref(A, subj);
        astr_unref(A, rep);
        return aval_str(r);
    }
    case AB_MATCH: {
        if (na < 2 || na > 3)
            break;
        astr *s = awk__arg_str(A, a[0]);
        rx *re = awk__node_regex(A, a[1]);
        aarray *arr = na == 3 ? awk__array(A, a[2]) : NULL;
        if (arr)
            aarr_clear(A, arr);
        double start = 0, len = -1;
        if (s && re) {
            rx_match m;
            if (awk__rx_exec(A, re, s->data, s->len, 0, 0, &m) == 1) {
                awk__mbcheck(A, s->data, s->len);
                start = A->posix_utf ? (double)awk__u8len(s->data, m.so) + 1 : (double)m.so + 1;
                len = A->posix_utf ? (double)awk__u8len(s->data + m.so, m.eo - m.so)
                                   : (double)(m.eo - m.so);
                for (int g = 0; arr && g < m.n; g++) {
                    if (m.ov[2 * g] == RX_UNSET)
                        continue;
                    char key[64];
                    int kn = snprintf(key, sizeof key, "%d", g);
                    astr *k = astr_new(A, key, (size_t)kn);
                    aelem *e = k ? aarr_get(A, arr, k) : NULL;
                    astr_unref(A, k);
                    if (e) {
                        aval_free(A, &e->val);
                        e->val = aval_input(A, s->data + m.ov[2 * g], m.ov[2 * g + 1] - m.ov[2 * g]);
                    }
                    const astr *sep = awk__special_str(A, AS_SUBSEP);
                    for (int w = 0; w < 2; w++) {
                        vbuf kb;
                        vbuf_init(&kb, A->heap);
                        vbuf_printf(&kb, "%d", g);
                        vbuf_add(&kb, sep->data, sep->len);
                        vbuf_adds(&kb, w ? "length" : "start");
                        astr *k2 = astr_new(A, vbuf_str(&kb), kb.len);
                        vbuf_free(&kb);
                        aelem *e2 = k2 ? aarr_get(A, arr, k2) : NULL;
                        astr_unref(A, k2);
                        if (e2) {
                            aval_free(A, &e2->val);
                            size_t so = m.ov[2 * g], eo = m.ov[2 * g + 1];
                            e2->val = aval_num(w ? (double)(A->posix_utf ? awk__u8len(s->data + so, eo - so) : eo - so)
                                                 : (double)(A->posix_utf ? awk__u8len(s->data, so) : so) + 1);
                        }
                    }
                }
            }
        }
        astr_unref(A, s);
        awk__set_num(A, AS_RSTART, start);
        awk__set_num(A, AS_RLENGTH, len);
        return aval_num(start);
    }
    case AB_SPRINTF: {
        if (na < 1)
            break;
        astr *fmt = awk__arg_str(A, a[0]);
        aval *args = na > 1 ? mem_calloc(A->heap, (size_t)na - 1, sizeof(aval)) : NULL;
        for (int i = 1; i < na && args; i++)
            args[i - 1] = awk__eval(A, a[i]);
        vbuf out;
        vbuf_init(&out, A->heap);
        if (fmt)
            awk__format(A, fmt->data, fmt->len, args, na - 1, &out);
        for (int i = 1; i < na && args; i++)
            aval_free(A, &args[i - 1]);
        mem_free(A->heap, args);
        astr_unref(A, fmt);
        astr *r = astr_new(A, vbuf_str(&out), out.len);
        vbuf_free(&out);
        return aval_str(r);
    }
    case AB_SIN: if (na == 1) return aval_num(sin(awk__arg_num(A, a[0]))); break;
    case AB_COS: if (na == 1) return aval_num(cos(awk__arg_num(A, a[0]))); break;
    case AB_ATAN2:
        if (na == 2) {
            double y = awk__arg_num(A, a[0]);
            return aval_num(atan2(y, awk__arg_num(A, a[1])));
        }
        break;
    case AB_EXP: if (na == 1) return aval_num(exp(awk__arg_num(A, a[0]))); break;
    case AB_LOG:
    case AB_SQRT:
        if (na == 1) {
            double x = awk__arg_num(A, a[0]);
            if (x < 0) {
                astr *xs = awk__numstr(A, x, true);
                awk_warn(A, "%s: received negative argument %s", n->op == AB_LOG ? "log" : "sqrt",
                         xs ? xs->data : "");
                astr_unref(A, xs);
            }
            return aval_num(n->op == AB_LOG ? log(x) : sqrt(x));
        }
        break;
    case AB_INT: if (na == 1) return aval_num(trunc(awk__arg_num(A, a[0]))); break;
    case AB_RAND:
        return aval_num((double)(awk__rand_next(A) >> 11) / 9007199254740992.0);
    case AB_SRAND: {
        double prev = (double)A->seed;
        if (na >= 1) {
            A->seed = (uint64_t)awk__arg_num(A, a[0]);
        } else {
            struct timespec ts;
            awk__now(A, &ts);
            A->seed = (uint64_t)ts.tv_sec;
        }
        A->rng = A->seed;
        return aval_num(prev);
    }
    case AB_TOLOWER:
    case AB_TOUPPER: {
        if (na != 1)
            break;
        astr *s = awk__arg_str(A, a[0]);
        if (!s)
            return aval_str(awk__empty(A));
        astr *r = astr_new(A, s->data, s->len);
        astr_unref(A, s);
        if (r)
            r = awk__case(A, r, n->op == AB_TOUPPER);
        return aval_str(r);
    }
    case AB_SYSTEM: {
        if (na != 1)
            break;
        astr *s = awk__arg_str(A, a[0]);
        bi_flush(A->cmd);
        int st = 0;
        if (s)
            st = awk__sh(A, s->data, A->cmd->in, A->cmd->out, A->cmd->err);
        astr_unref(A, s);
        return aval_num(st);
    }
    case AB_CLOSE: {
        if (na < 1)
            break;
        astr *s = awk__arg_str(A, a[0]);
        int st = s ? awk__close(A, s) : -1;
        astr_unref(A, s);
        return aval_num(st);
    }
    case AB_FFLUSH: {
        bi_flush(A->cmd);
        if (na < 1)
            return aval_num(0);
        astr *name = awk__arg_str(A, a[0]);
        if (!name)
            return aval_num(-1);
        bool known = strcmp(name->data, "/dev/stdout") == 0 || strcmp(name->data, "/dev/stderr") == 0;
        for (aout *o = A->outs; o && !known; o = o->next)
            known = o->name->len == name->len && memcmp(o->name->data, name->data, name->len) == 0;
        if (!known)
            awk_warn(A, "fflush: `%s' is not an open file, pipe or co-process", name->data);
        astr_unref(A, name);
        return aval_num(known ? 0 : -1);
    }
    case AB_SYSTIME: {
        struct timespec ts;
        awk__now(A, &ts);
        return aval_num((double)ts.tv_sec);
    }
    case AB_STRFTIME: {
        astr *fmt = na >= 1 ? awk__arg_str(A, a[0]) : astr_new(A, "%a %b %e %H:%M:%S %Z %Y", 23);
        time_t t;
        if (na >= 2) {
            t = (time_t)awk__arg_num(A, a[1]);
        } else {
            struct timespec ts;
            awk__now(A, &ts);
            t = ts.tv_sec;
        }
        struct tm tm;
        gmtime_r(&t, &tm); /* the sandbox's zone is UTC (see awk.c) */
        char buf[1024];
        size_t k = fmt && fmt->len ? strftime(buf, sizeof buf, fmt->data, &tm) : 0;
        astr_unref(A, fmt);
        return aval_str(astr_new(A, buf, k));
    }
    case AB_MKTIME: {
        if (na < 1)
            break;
        astr *s = awk__arg_str(A, a[0]);
        long long f[6] = {0};
        int got = 0;
        char *p = s ? s->data : (char *)"";
        for (; got < 6; got++) {
            char *end;
            while (*p == ' ' || *p == '\t')
                p++;
            if (!*p)
                break;
            f[got] = strtoll(p, &end, 10);
            if (end == p)
                break;
            p = end;
        }
        astr_unref(A, s);
        if (got < 6)
            return aval_num(-1);
        struct tm tm = {.tm_year = (int)f[0] - 1900, .tm_mon = (int)f[1] - 1,
                        .tm_mday = (int)f[2], .tm_hour = (int)f[3], .tm_min = (int)f[4],
                        .tm_sec = (int)f[5]};
        return aval_num((double)timegm(&tm));
    }
    case AB_ASORT:
    case AB_ASORTI: {
        if (na < 1 || na > 3)
            break;
        aarray *src = awk__array(A, a[0]);
        aarray *dst = na >= 2 ? awk__array(A, a[1]) : src;
        if (!src || !dst)
            return aval_num(0);
        astr *how = na == 3 ? awk__arg_str(A, a[2]) : NULL;
        if (!how || !how->len) {
            astr_unref(A, how);
            const char *dflt = n->op == AB_ASORT ? "@val_type_asc" : "@ind_str_asc";
            how = astr_new(A, dflt, strlen(dflt));
        }
        size_t cnt = 0;
        awk_sent *v = how ? awk__ordered(A, src, how, &cnt) : NULL;
        astr_unref(A, how);
        if (A->flow == AF_ERROR) {
            awk__free_sents(A, v, cnt);
            return aval_num(0);
        }
        aarr_clear(A, dst);
        for (size_t i = 0; i < cnt; i++) {
            char key[32];
            int kn = snprintf(key, sizeof key, "%zu", i + 1);
            astr *ks = astr_new(A, key, (size_t)kn);
            aelem *e = ks ? aarr_get(A, dst, ks) : NULL;
            astr_unref(A, ks);
            if (!e)
                continue;
            aval *from = n->op == AB_ASORT ? &v[i].val : &v[i].idx;
            e->val = n->op == AB_ASORT ? *from : aval_str(astr_ref(from->s));
            if (n->op == AB_ASORT)
                *from = (aval){0};
        }
        awk__free_sents(A, v, cnt);
        return aval_num((double)cnt);
    }
    case AB_ISARRAY:
        if (na == 1)
            return aval_num(awk__is_array_arg(A, a[0]));
        break;
    case AB_TYPEOF: {
        if (na != 1)
            break;
        const char *t;
        if (a[0]->kind == AN_REGEX) {
            t = "regexp";
        } else if (a[0]->kind == AN_GLOBAL || a[0]->kind == AN_LOCAL) {
            acell *c = awk__cell(A, a[0]);
            t = c->kind == AC_ARRAY ? "array" : c->kind == AC_UNTYPED ? "untyped"
              : c->v.type == AV_NUM ? "number" : c->v.type == AV_STR ? "string"
              : c->v.type == AV_STRNUM ? "strnum" : "unassigned";
        } else {
            aval v = awk__eval(A, a[0]);
            t = v.type == AV_NUM ? "number" : v.type == AV_STR ? "string"
              : v.type == AV_STRNUM ? "strnum" : a[0]->kind == AN_INDEX ? "untyped" : "unassigned";
            aval_free(A, &v);
        }
        return aval_str(astr_new(A, t, strlen(t)));
    }
    case AB_AND: case AB_OR: case AB_XOR: {
        if (na < 2)
            break;
        uint64_t r = (uint64_t)awk__arg_num(A, a[0]);
        for (int i = 1; i < na; i++) {
            uint64_t x = (uint64_t)awk__arg_num(A, a[i]);
            r = n->op == AB_AND ? r & x : n->op == AB_OR ? r | x : r ^ x;
        }
        return aval_num((double)r);
    }
    case AB_LSHIFT:
    case AB_RSHIFT: {
        if (na != 2)
            break;
        uint64_t x = (uint64_t)awk__arg_num(A, a[0]);
        unsigned s = (unsigned)awk__arg_num(A, a[1]) & 63;
        return aval_num((double)(n->op == AB_LSHIFT ? x << s : x >> s));
    }
    case AB_COMPL:
        if (na == 1)
            return aval_num((double)(~(uint64_t)awk__arg_num(A, a[0]) & ((1ull << 53) - 1)));
        break;
    case AB_STRTONUM: {
        if (na != 1)
            break;
        aval v = awk__eval(A, a[0]);
        if (v.type == AV_NUM)
            return v;
        astr *s = aval_str_of(A, &v);
        aval_free(A, &v);
        double d = 0;
        if (s) {
            const char *p = s->data;
            while (isspace((unsigned char)*p))
                p++;
            if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
                d = (double)strtoull(p, NULL, 16);
            else if (p[0] == '0' && isdigit((unsigned char)p[1]))
                d = (double)strtoull(p, NULL, 8);
            else
                d = awk__strtod(s->data, s->len, NULL);
        }
        astr_unref(A, s);
        return aval_num(d);
    }
    }
    awk_fatal(A, "wrong number of arguments to a builtin function");
    return (aval){0};
}

/* ------------------------------------------------------------------ calls */
static aval awk__call(awk *A, const anode *n)
{
    afunc *f = &A->funcs[n->slot];
    if (A->depth >= AWK_MAX_DEPTH) {
        awk_fatal(A, "function call nesting too deep (limit %d)", AWK_MAX_DEPTH);
        return (aval){0};
    }
    acell *frame = mem_calloc(A->heap, (size_t)(f->nparams ? f->nparams : 1), sizeof(acell));
    if (!frame) {
        awk_fatal(A, "out of memory");
        return (aval){0};
    }
    for (int i = 0; i < n->nlist; i++) {
        const anode *arg = n->list[i];
        if (i >= f->nparams) { /* extra arguments are evaluated (the parser warned) */
            aval x = awk__eval(A, arg);
            aval_free(A, &x);
            continue;
        }
        if (arg->kind == AN_GLOBAL || arg->kind == AN_LOCAL) {
            acell *c = awk__cell(A, arg);
            if (c->kind == AC_ARRAY || c->kind == AC_UNTYPED) {
                frame[i].kind = AC_REF;
                frame[i].ref = c;
                continue;
            }
        }
        frame[i].kind = AC_SCALAR;
        frame[i].v = awk__eval(A, arg);
    }
    return awk__invoke(A, f, frame);
}

/* Runs f with its parameters in frame (freed here). */
static aval awk__invoke(awk *A, afunc *f, acell *frame)
{
    if (A->depth >= AWK_MAX_DEPTH) {
        awk_fatal(A, "function call nesting too deep (limit %d)", AWK_MAX_DEPTH);
        mem_free(A->heap, frame);
        return (aval){0};
    }
    acell *saved = A->frame;
    A->frame = frame;
    A->depth++;
    int saved_line = A->line;
    awk__exec(A, f->body);
    A->line = saved_line;
    A->depth--;
    A->frame = saved;
    aval r = {0};
    if (A->flow == AF_RETURN) {
        r = A->retval;
        A->retval = (aval){0};
        A->flow = AF_NONE;
    }
    for (int i = 0; i < f->nparams; i++) {
        if (frame[i].kind == AC_ARRAY) {
            aarr_clear(A, frame[i].arr);
            mem_free(A->heap, frame[i].arr);
        } else if (frame[i].kind == AC_SCALAR) {
            aval_free(A, &frame[i].v);
        }
    }
    mem_free(A->heap, frame);
    return r;
}

/* ------------------------------------------------------------------ expressions */
static bool awk__cancel_check(awk *A)
{
    if (++A->ops >= 4096) {
        A->ops = 0;
        if (bi_cancelled(A->cmd)) {
            A->flow = AF_ERROR;
            A->exit_code = 130;
            return true;
        }
    }
    return false;
}

static aval awk__match_record(awk *A, rx *re)
{
    awk__rebuild_record(A);
    const astr *r = A->record;
    if (!re || !r)
        return aval_num(0);
    return aval_num(awk__rx_exec(A, re, r->data, r->len, 0, 0, NULL) == 1);
}

static aval awk__incdec(awk *A, const anode *n, double delta, bool post)
{
    aval old = awk__get_lvalue(A, n->a);
    double d = aval_num_of(&old);
    aval_free(A, &old);
    awk__set_lvalue(A, n->a, aval_num(d + delta));
    return aval_num(post ? d : d + delta);
}

static aval awk__eval(awk *A, const anode *n)
{
    if (A->flow == AF_ERROR)
        return (aval){0};
    if (awk_deep(A)) {
        awk_fatal(A, "expression nesting too deep");
        return (aval){0};
    }
    switch (n->kind) {
    case AN_NUM:
        return aval_num(n->num);
    case AN_STR:
        return aval_str(astr_ref(n->str));
    case AN_REGEX:
        return awk__match_record(A, awk__node_regex(A, n));
    case AN_GLOBAL:
    case AN_LOCAL:
    case AN_FIELD:
    case AN_INDEX:
        return awk__get_lvalue(A, n);
    case AN_GROUP:
        if (n->op == 'L') {
            awk_fatal(A, "a parenthesized list is only valid as print's arguments or before `in'");
            return (aval){0};
        }
        return awk__eval(A, n->a);
    case AN_ASSIGN: {
        aval v;
        if (n->op == '=') {
            v = awk__eval(A, n->b);
            /* uninitialized stays uninitialized through a copy */
        } else {
            aval r = awk__eval(A, n->b);
            aval l = awk__get_lvalue(A, n->a);
            v = aval_num(awk__arith(A, n->op, aval_num_of(&l), aval_num_of(&r)));
            aval_free(A, &l);
            aval_free(A, &r);
        }
        aval ret = aval_copy(&v);
        awk__set_lvalue(A, n->a, v);
        return ret;
    }
    case AN_COND: {
        aval c = awk__eval(A, n->a);
        bool b = aval_bool(&c);
        aval_free(A, &c);
        return awk__eval(A, b ? n->b : n->c);
    }
    case AN_AND:
    case AN_OR: {
        aval x = awk__eval(A, n->a);
        bool b = aval_bool(&x);
        aval_free(A, &x);
        if (n->kind == AN_AND ? !b : b)
            return aval_num(n->kind == AN_OR);
        aval y = awk__eval(A, n->b);
        b = aval_bool(&y);
        aval_free(A, &y);
        return aval_num(b);
    }
    case AN_NOT: {
        aval x = awk__eval(A, n->a);
        bool b = aval_bool(&x);
        aval_free(A, &x);
        return aval_num(!b);
    }
    case AN_BINARY: {
        aval x = awk__eval(A, n->a);
        aval y = awk__eval(A, n->b);
        double r = awk__arith(A, n->op, aval_num_of(&x), aval_num_of(&y));
        aval_free(A, &x);
        aval_free(A, &y);
        return aval_num(r);
    }
    case AN_CMP: {
        aval x = awk__eval(A, n->a);
        aval y = awk__eval(A, n->b);
        int c = awk__cmp(A, &x, &y);
        aval_free(A, &x);
        aval_free(A, &y);
        bool r = false;
        switch (c == 2 ? 0 : n->op) {
        case 0: r = n->op == '!'; break;
        case '<': r = c < 0; break;
        case 'l': r = c <= 0; break;
        case '>': r = c > 0; break;
        case 'g': r = c >= 0; break;
        case '=': r = c == 0; break;
        case '!': r = c != 0; break;
        }
        return aval_num(r);
    }
    case AN_MATCH: {
        aval x = awk__eval(A, n->a);
        astr *s = aval_str_of(A, &x);
        aval_free(A, &x);
        rx *re = awk__node_regex(A, n->b);
        bool m = s && re && awk__rx_exec(A, re, s->data, s->len, 0, 0, NULL) == 1;
        astr_unref(A, s);
        return aval_num(n->op == '~' ? m : !m);
    }
    case AN_CONCAT: {
        aval x = awk__eval(A, n->a);
        aval y = awk__eval(A, n->b);
        astr *sx = aval_str_of(A, &x), *sy = aval_str_of(A, &y);
        aval_free(A, &x);
        aval_free(A, &y);
        astr *r = NULL;
        if (sx && sy) {
            r = mem_alloc(A->heap, sizeof *r + sx->len + sy->len + 1);
            if (r) {
                r->refs = 1;
                r->len = sx->len + sy->len;
                memcpy(r->data, sx->data, sx->len);
                memcpy(r->data + sx->len, sy->data, sy->len);
                r->data[r->len] = '\0';
            }
        }
        astr_unref(A, sx);
        astr_unref(A, sy);
        if (!r) {
            awk_fatal(A, "out of memory");
            return (aval){0};
        }
        return aval_str(r);
    }
    case AN_NEG:
    case AN_PLUS: {
        aval x = awk__eval(A, n->a);
        double d = aval_num_of(&x);
        aval_free(A, &x);
        return aval_num(n->kind == AN_NEG ? -d : d);
    }
    case AN_PREINC: return awk__incdec(A, n, 1, false);
    case AN_PREDEC: return awk__incdec(A, n, -1, false);
    case AN_POSTINC: return awk__incdec(A, n, 1, true);
    case AN_POSTDEC: return awk__incdec(A, n, -1, true);
    case AN_IN: {
        aarray *arr = awk__array(A, n->a);
        astr *k = awk__subscript(A, n->b->list, n->b->nlist, NULL);
        bool r = arr && k && aarr_find(arr, k->data, k->len);
        astr_unref(A, k);
        return aval_num(r);
    }
    case AN_CALL:
        return awk__call(A, n);
    case AN_BUILTIN:
        return awk__builtin(A, n);
    case AN_GETLINE:
        return awk__getline(A, n);
    default:
        awk_fatal(A, "internal error: expression kind %d", n->kind);
        return (aval){0};
    }
}

/* ------------------------------------------------------------------ statements */
static void awk__print(awk *A, const anode *n)
{
    aout *o = NULL;
    if (n->op) {
        aval t = awk__eval(A, n->b);
        astr *name = aval_str_of(A, &t);
        aval_free(A, &t);
        if (!name)
            return;
        o = awk__output(A, name, n->op);
        astr_unref(A, name);
        if (!o)
            return;
    }
    vbuf b;
    vbuf_init(&b, A->heap);
    if (n->kind == AN_PRINT) {
        if (n->nlist == 0) {
            awk__rebuild_record(A);
            if (A->record)
                vbuf_add(&b, A->record->data, A->record->len);
        }
        const astr *ofs = awk__special_str(A, AS_OFS);
        for (int i = 0; i < n->nlist; i++) {
            if (i)
                vbuf_add(&b, ofs->data, ofs->len);
            aval v = awk__eval(A, n->list[i]);
            astr *s = aval_outstr(A, &v);
            aval_free(A, &v);
            if (s) {
                vbuf_add(&b, s->data, s->len);
                astr_unref(A, s);
            }
        }
        const astr *ors = awk__special_str(A, AS_ORS);
        vbuf_add(&b, ors->data, ors->len);
    } else {
        astr *fmt = NULL;
        aval fv = awk__eval(A, n->list[0]);
        fmt = aval_str_of(A, &fv);
        aval_free(A, &fv);
        int na = n->nlist - 1;
        aval *args = na > 0 ? mem_calloc(A->heap, (size_t)na, sizeof(aval)) : NULL;
        for (int i = 0; i < na && args; i++)
            args[i] = awk__eval(A, n->list[i + 1]);
        if (fmt)
            awk__format(A, fmt->data, fmt->len, args, na, &b);
        for (int i = 0; i < na && args; i++)
            aval_free(A, &args[i]);
        mem_free(A->heap, args);
        astr_unref(A, fmt);
    }
    if (A->flow != AF_ERROR)
        awk__write(A, o, vbuf_str(&b), b.len);
    vbuf_free(&b);
    if (!o && bi_out_failed(A->cmd) && A->flow == AF_NONE) {
        A->flow = AF_EXIT;
        A->exiting = true;
    }
}

static bool awk__loop_flow(awk *A)
{
    /* true: leave the loop */
    if (A->flow == AF_BREAK) {
        A->flow = AF_NONE;
        return true;
    }
    if (A->flow == AF_CONTINUE)
        A->flow = AF_NONE;
    if (A->flow != AF_NONE)
        return true;
    return awk__cancel_check(A);
}

static bool awk__truth(awk *A, const anode *n)
{
    aval v = awk__eval(A, n);
    bool b = aval_bool(&v);
    aval_free(A, &v);
    return b;
}

static void awk__exec(awk *A, const anode *n)
{
    if (!n || A->flow != AF_NONE)
        return;
    A->line = n->line;
    switch (n->kind) {
    case AN_BLOCK:
        for (int i = 0; i < n->nlist && A->flow == AF_NONE; i++)
            awk__exec(A, n->list[i]);
        return;
    case AN_EXPR: {
        aval v = awk__eval(A, n->a);
        aval_free(A, &v);
        awk__cancel_check(A);
        return;
    }
    case AN_PRINT:
    case AN_PRINTF:
        if (n->kind == AN_PRINTF && n->nlist == 0) {
            awk_fatal(A, "printf: no arguments");
            return;
        }
        awk__print(A, n);
        return;
    case AN_IF:
        if (awk__truth(A, n->a))
            awk__exec(A, n->b);
        else
            awk__exec(A, n->c);
        return;
    case AN_WHILE:
        while (A->flow == AF_NONE && awk__truth(A, n->a)) {
            awk__exec(A, n->b);
            if (awk__loop_flow(A))
                break;
        }
        return;
    case AN_DO:
        do {
            awk__exec(A, n->b);
            if (awk__loop_flow(A))
                break;
        } while (A->flow == AF_NONE && awk__truth(A, n->a));
        return;
    case AN_FOR:
        awk__exec(A, n->a);
        while (A->flow == AF_NONE && (!n->b || awk__truth(A, n->b))) {
            awk__exec(A, n->d);
            if (awk__loop_flow(A))
                break;
            awk__exec(A, n->c);
        }
        return;
    case AN_FORIN: {
        aarray *arr = awk__array(A, n->b);
        if (!arr || !arr->count)
            return;
        /* a snapshot of the keys in gawk's order: the body may delete
         * (deleted keys are still visited, as in gawk) */
        astr *how = awk__sorted_in(A);
        size_t k = 0;
        awk_sent *keys = awk__ordered(A, arr, how, &k);
        astr_unref(A, how);
        for (size_t i = 0; i < k; i++) /* the values are not needed */
            aval_free(A, &keys[i].val);
        for (size_t i = 0; i < k; i++) {
            if (A->flow != AF_NONE)
                break;
            awk__set_lvalue(A, n->a, aval_copy(&keys[i].idx));
            awk__exec(A, n->c);
            if (awk__loop_flow(A))
                break;
        }
        awk__free_sents(A, keys, k);
        return;
    }
    case AN_NEXT:
        A->flow = AF_NEXT;
        return;
    case AN_NEXTFILE:
        A->flow = AF_NEXTFILE;
        return;
    case AN_EXIT:
        if (n->a) {
            aval v = awk__eval(A, n->a);
            A->exit_code = (int)aval_num_of(&v) & 255;
            aval_free(A, &v);
        }
        if (A->flow == AF_NONE)
            A->flow = AF_EXIT;
        return;
    case AN_RETURN:
        aval_free(A, &A->retval);
        A->retval = n->a ? awk__eval(A, n->a) : (aval){0};
        if (A->flow == AF_NONE)
            A->flow = AF_RETURN;
        return;
    case AN_BREAK:
        A->flow = AF_BREAK;
        return;
    case AN_CONTINUE:
        A->flow = AF_CONTINUE;
        return;
    case AN_DELETE: {
        aarray *arr = awk__array(A, n->a);
        if (!arr)
            return;
        if (n->nlist == 0) {
            aarr_clear(A, arr);
            return;
        }
        astr *k = awk__subscript(A, n->list, n->nlist, NULL);
        if (k)
            aarr_del(A, arr, k->data, k->len);
        astr_unref(A, k);
        return;
    }
    default: {
        aval v = awk__eval(A, n);
        aval_free(A, &v);
        return;
    }
    }
}

/* Runs the actions of items whose pattern matches (BEGIN/END: all). */
static int awk__run_items(awk *A, aitem *items, int n)
{
    for (int i = 0; i < n && A->flow == AF_NONE; i++) {
        aitem *it = &items[i];
        bool run;
        if (!it->pat) {
            run = true;
        } else if (!it->pat2) {
            run = awk__truth(A, it->pat);
        } else if (it->in_range) {
            run = true;
            if (awk__truth(A, it->pat2))
                it->in_range = false;
        } else {
            run = awk__truth(A, it->pat);
            if (run && !awk__truth(A, it->pat2))
                it->in_range = true;
        }
        if (A->flow != AF_NONE || !run)
            continue;
        if (it->action) {
            awk__exec(A, it->action);
        } else {
            awk__rebuild_record(A);
            vbuf b;
            vbuf_init(&b, A->heap);
            if (A->record)
                vbuf_add(&b, A->record->data, A->record->len);
            const astr *ors = awk__special_str(A, AS_ORS);
            vbuf_add(&b, ors->data, ors->len);
            bi_out(A->cmd, b.data, b.len);
            vbuf_free(&b);
            if (bi_out_failed(A->cmd)) {
                A->flow = AF_EXIT;
                A->exiting = true;
            }
        }
    }
    return 0;
}

int awk_run(awk *A)
{
    A->flow = AF_NONE;
    awk__run_items(A, A->begin_items, A->nbegin);
    bool skip_main = A->flow == AF_EXIT || A->flow == AF_ERROR;
    if (A->flow == AF_NEXT || A->flow == AF_NEXTFILE)
        A->flow = AF_NONE;
    /* POSIX: with only BEGIN, the input is not read */
    if (!skip_main && (A->nmain || A->nend || A->nbeginfile || A->nendfile)) {
        for (;;) {
            astr *rec = NULL;
            int r = awk__next_main(A, &rec);
            if (r <= 0)
                break;
            awk__take_record(A, rec);
            awk__run_items(A, A->main_items, A->nmain);
            if (A->flow == AF_NEXT)
                A->flow = AF_NONE;
            if (A->flow == AF_NEXTFILE) {
                A->flow = AF_NONE;
                if (A->in_open) {
                    awk__src_close(A, &A->main);
                    A->in_open = false;
                    if (A->nendfile)
                        awk__run_items(A, A->endfile_items, A->nendfile);
                }
            }
            if (A->flow == AF_RETURN)
                A->flow = AF_NONE;
            if (A->flow != AF_NONE)
                break;
        }
    }
    if (A->flow != AF_ERROR && !A->exiting) {
        if (A->flow == AF_EXIT)
            A->flow = AF_NONE;
        awk__run_items(A, A->end_items, A->nend);
    }
    /* close every redirection: pipes run their commands now */
    while (A->outs) {
        aout *o = A->outs;
        A->outs = o->next;
        awk__close_output(A, o);
    }
    while (A->ins) {
        ain *i = A->ins;
        A->ins = i->next;
        awk__src_close(A, &i->src);
    }
    if (A->in_open)
        awk__src_close(A, &A->main);
    return A->flow == AF_ERROR ? (A->exit_code ? A->exit_code : 2) : A->exit_code;
}
