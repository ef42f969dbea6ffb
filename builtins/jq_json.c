/*
 * jq values: construction, copy-on-write updates, jq's ordering, and JSON
 * text in and out (jq 1.6's number formatting and string escaping).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/jq.h"

/* ------------------------------------------------------------------ alloc */
static jv *jv__new(jq *J, jv_kind k)
{
    jv *v = mem_calloc(J->heap, 1, sizeof *v);
    if (!v)
        return NULL;
    v->refs = 1;
    v->kind = k;
    return v;
}

jv *jv_null(jq *J) { return jv__new(J, JV_NULL); }
jv *jv_bool(jq *J, bool b) { return jv__new(J, b ? JV_TRUE : JV_FALSE); }

jv *jv_num(jq *J, double d)
{
    jv *v = jv__new(J, JV_NUMBER);
    if (v)
        v->u.num.n = d;
    return v;
}

/* Copies s, replacing invalid UTF-8 with U+FFFD as jq does. */
jv *jv_str(jq *J, const char *s, size_t len)
{
    jv *v = jv__new(J, JV_STRING);
    if (!v)
        return NULL;
    bool valid = true;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!n || i + n > len) {
            valid = false;
            break;
        }
        for (size_t k = 1; k < n; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80)
                valid = false;
        if (!valid)
            break;
        i += n;
    }
    if (valid) {
        v->u.str.s = mem_alloc(J->heap, len + 1);
        if (!v->u.str.s) {
            mem_free(J->heap, v);
            return NULL;
        }
        memcpy(v->u.str.s, s, len);
        v->u.str.s[len] = '\0';
        v->u.str.len = len;
        return v;
    }
    vbuf b;
    vbuf_init(&b, J->heap);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n && i + n <= len;
        for (size_t k = 1; ok && k < n; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80)
                ok = false;
        if (ok) {
            vbuf_add(&b, s + i, n);
            i += n;
        } else {
            vbuf_adds(&b, "\xEF\xBF\xBD");
            i++;
        }
    }
    v->u.str.s = vbuf_take(&b, &v->u.str.len);
    return v;
}

jv *jv_strz(jq *J, const char *s) { return jv_str(J, s, strlen(s)); }
jv *jv_arr(jq *J) { return jv__new(J, JV_ARRAY); }
jv *jv_obj(jq *J) { return jv__new(J, JV_OBJECT); }

void jv_unref(jq *J, jv *v)
{
    if (!v || --v->refs > 0)
        return;
    switch (v->kind) {
    case JV_STRING:
        mem_free(J->heap, v->u.str.s);
        break;
    case JV_NUMBER:
        mem_free(J->heap, v->u.num.lit);
        break;
    case JV_ARRAY:
        for (size_t i = 0; i < v->u.arr.n; i++)
            jv_unref(J, v->u.arr.v[i]);
        mem_free(J->heap, v->u.arr.v);
        break;
    case JV_OBJECT:
        for (size_t i = 0; i < v->u.obj.n; i++) {
            jv_unref(J, v->u.obj.e[i].key);
            jv_unref(J, v->u.obj.e[i].val);
        }
        mem_free(J->heap, v->u.obj.e);
        mem_free(J->heap, v->u.obj.idx);
        break;
    default:
        break;
    }
    mem_free(J->heap, v);
}

/* A copy of a (shallow: elements are shared) that we may modify. */
static jv *jv__unshare(jq *J, jv *a)
{
    if (a->refs == 1)
        return a;
    jv *c = jv__new(J, a->kind);
    if (!c)
        return a;
    if (a->kind == JV_ARRAY) {
        c->u.arr.v = mem_alloc(J->heap, sizeof(jv *) * (a->u.arr.n ? a->u.arr.n : 1));
        for (size_t i = 0; c->u.arr.v && i < a->u.arr.n; i++)
            c->u.arr.v[i] = jv_ref(a->u.arr.v[i]);
        c->u.arr.n = c->u.arr.cap = c->u.arr.v ? a->u.arr.n : 0;
    } else if (a->kind == JV_OBJECT) {
        c->u.obj.e = mem_alloc(J->heap, sizeof(jv_okey) * (a->u.obj.n ? a->u.obj.n : 1));
        for (size_t i = 0; c->u.obj.e && i < a->u.obj.n; i++) {
            c->u.obj.e[i].key = jv_ref(a->u.obj.e[i].key);
            c->u.obj.e[i].val = jv_ref(a->u.obj.e[i].val);
        }
        c->u.obj.n = c->u.obj.cap = c->u.obj.e ? a->u.obj.n : 0;
    }
    jv_unref(J, a);
    return c;
}

jv *jv_arr_push(jq *J, jv *a, jv *x)
{
    a = jv__unshare(J, a);
    if (a->u.arr.n == a->u.arr.cap) {
        size_t cap = a->u.arr.cap ? a->u.arr.cap * 2 : 8;
        jv **nv = mem_realloc(J->heap, a->u.arr.v, cap * sizeof(jv *));
        if (!nv) {
            jv_unref(J, x);
            return a;
        }
        a->u.arr.v = nv;
        a->u.arr.cap = cap;
    }
    a->u.arr.v[a->u.arr.n++] = x;
    return a;
}

jv *jv_arr_set(jq *J, jv *a, size_t i, jv *x)
{
    a = jv__unshare(J, a);
    while (a->u.arr.n <= i) {
        size_t before = a->u.arr.n;
        a = jv_arr_push(J, a, jv_null(J));
        if (a->u.arr.n == before) {
            jv_unref(J, x);
            return a;
        }
    }
    jv_unref(J, a->u.arr.v[i]);
    a->u.arr.v[i] = x;
    return a;
}

static uint32_t jv__hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Index of key k in o, or -1. A hash index is kept for big objects. */
static long jv__find(const jv *o, const char *k, size_t klen)
{
    if (o->u.obj.idx && o->u.obj.nidx) {
        size_t mask = o->u.obj.nidx - 1;
        for (size_t b = jv__hash(k, klen) & mask;; b = (b + 1) & mask) {
            uint32_t e = o->u.obj.idx[b];
            if (!e)
                return -1;
            const jv *key = o->u.obj.e[e - 1].key;
            if (key->u.str.len == klen && memcmp(key->u.str.s, k, klen) == 0)
                return (long)e - 1;
        }
    }
    for (size_t i = 0; i < o->u.obj.n; i++) {
        const jv *key = o->u.obj.e[i].key;
        if (key->u.str.len == klen && memcmp(key->u.str.s, k, klen) == 0)
            return (long)i;
    }
    return -1;
}

static void jv__reindex(jq *J, jv *o)
{
    mem_free(J->heap, o->u.obj.idx);
    o->u.obj.idx = NULL;
    o->u.obj.nidx = 0;
    if (o->u.obj.n < 16)
        return;
    size_t n = 64;
    while (n < o->u.obj.n * 2)
        n *= 2;
    uint32_t *idx = mem_calloc(J->heap, n, sizeof *idx);
    if (!idx)
        return;
    for (size_t i = 0; i < o->u.obj.n; i++) {
        const jv *key = o->u.obj.e[i].key;
        size_t b = jv__hash(key->u.str.s, key->u.str.len) & (n - 1);
        while (idx[b])
            b = (b + 1) & (n - 1);
        idx[b] = (uint32_t)i + 1;
    }
    o->u.obj.idx = idx;
    o->u.obj.nidx = n;
}

jv *jv_obj_get(const jv *o, const char *k, size_t klen)
{
    long i = jv__find(o, k, klen);
    return i < 0 ? NULL : o->u.obj.e[i].val;
}

jv *jv_obj_set(jq *J, jv *o, jv *key, jv *val)
{
    bool shared = o->refs > 1;
    o = jv__unshare(J, o);
    if (shared && o->u.obj.n >= 16)
        jv__reindex(J, o);
    long i = jv__find(o, key->u.str.s, key->u.str.len);
    if (i >= 0) {
        jv_unref(J, o->u.obj.e[i].val);
        o->u.obj.e[i].val = val;
        jv_unref(J, key);
        return o;
    }
    if (o->u.obj.n == o->u.obj.cap) {
        size_t cap = o->u.obj.cap ? o->u.obj.cap * 2 : 8;
        jv_okey *ne = mem_realloc(J->heap, o->u.obj.e, cap * sizeof(jv_okey));
        if (!ne) {
            jv_unref(J, key);
            jv_unref(J, val);
            return o;
        }
        o->u.obj.e = ne;
        o->u.obj.cap = cap;
    }
    o->u.obj.e[o->u.obj.n].key = key;
    o->u.obj.e[o->u.obj.n].val = val;
    o->u.obj.n++;
    if (o->u.obj.n >= 16 && (!o->u.obj.idx || o->u.obj.n * 2 > o->u.obj.nidx)) {
        jv__reindex(J, o);
    } else if (o->u.obj.idx) {
        size_t mask = o->u.obj.nidx - 1;
        size_t b = jv__hash(key->u.str.s, key->u.str.len) & mask;
        while (o->u.obj.idx[b])
            b = (b + 1) & mask;
        o->u.obj.idx[b] = (uint32_t)o->u.obj.n;
    }
    return o;
}

jv *jv_obj_del(jq *J, jv *o, const char *k, size_t klen)
{
    long i = jv__find(o, k, klen);
    if (i < 0)
        return o;
    o = jv__unshare(J, o);
    i = jv__find(o, k, klen);
    if (i < 0)
        return o;
    jv_unref(J, o->u.obj.e[i].key);
    jv_unref(J, o->u.obj.e[i].val);
    memmove(&o->u.obj.e[i], &o->u.obj.e[i + 1], (o->u.obj.n - (size_t)i - 1) * sizeof(jv_okey));
    o->u.obj.n--;
    jv__reindex(J, o);
    return o;
}

/* ------------------------------------------------------------------ order */
bool jv_truthy(const jv *v)
{
    return v->kind != JV_NULL && v->kind != JV_FALSE;
}

const char *jv_kind_name(jv_kind k)
{
    static const char *const names[] = {"null", "boolean", "boolean", "number", "string",
                                        "array", "object", "invalid"};
    return names[k];
}

static int jv__rank(jv_kind k)
{
    /* null < false < true < numbers < strings < arrays < objects */
    return (int)k;
}

static int jv__keycmp(const void *a, const void *b)
{
    const jv *x = *(const jv *const *)a, *y = *(const jv *const *)b;
    size_t n = x->u.str.len < y->u.str.len ? x->u.str.len : y->u.str.len;
    int c = memcmp(x->u.str.s, y->u.str.s, n);
    return c ? c : (x->u.str.len > y->u.str.len) - (x->u.str.len < y->u.str.len);
}

static int jv__deccmp(const jv *a, const jv *b);

int jv_cmp(const jv *a, const jv *b)
{
    if (a->kind != b->kind)
        return jv__rank(a->kind) < jv__rank(b->kind) ? -1 : 1;
    switch (a->kind) {
    case JV_NUMBER: {
        /* two literals, one of them not exactly a double: by decimal value (jq 1.7) */
        if (a->u.num.islit && b->u.num.islit && (a->u.num.lit || b->u.num.lit))
            return jv__deccmp(a, b);
        double x = a->u.num.n, y = b->u.num.n;
        /* jq 1.7: nan compares as null, below every number (and itself) */
        if (x != x)
            return -1;
        if (y != y)
            return 1;
        return x < y ? -1 : x > y;
    }
    case JV_STRING: {
        size_t n = a->u.str.len < b->u.str.len ? a->u.str.len : b->u.str.len;
        int c = memcmp(a->u.str.s, b->u.str.s, n);
        if (c)
            return c < 0 ? -1 : 1;
        return (a->u.str.len > b->u.str.len) - (a->u.str.len < b->u.str.len);
    }
    case JV_ARRAY: {
        for (size_t i = 0; i < a->u.arr.n && i < b->u.arr.n; i++) {
            int c = jv_cmp(a->u.arr.v[i], b->u.arr.v[i]);
            if (c)
                return c;
        }
        return (a->u.arr.n > b->u.arr.n) - (a->u.arr.n < b->u.arr.n);
    }
    case JV_OBJECT: {
        /* first by sorted key sets, then values key by key */
        size_t na = a->u.obj.n, nb = b->u.obj.n;
        const jv **ka = mem_shared_alloc(sizeof(jv *) * (na + 1)), **kb = mem_shared_alloc(sizeof(jv *) * (nb + 1));
        int r = 0;
        if (!ka || !kb) {
            mem_shared_free(ka);
            mem_shared_free(kb);
            return 0;
        }
        for (size_t i = 0; i < na; i++)
            ka[i] = a->u.obj.e[i].key;
        for (size_t i = 0; i < nb; i++)
            kb[i] = b->u.obj.e[i].key;
        qsort(ka, na, sizeof *ka, jv__keycmp);
        qsort(kb, nb, sizeof *kb, jv__keycmp);
        for (size_t i = 0; i < na && i < nb && !r; i++)
            r = jv_cmp(ka[i], kb[i]);
        if (!r)
            r = (na > nb) - (na < nb);
        for (size_t i = 0; i < na && !r; i++) {
            const jv *vb = jv_obj_get(b, ka[i]->u.str.s, ka[i]->u.str.len);
            r = vb ? jv_cmp(jv_obj_get(a, ka[i]->u.str.s, ka[i]->u.str.len), vb) : 0;
        }
        mem_shared_free(ka);
        mem_shared_free(kb);
        return r;
    }
    default:
        return 0;
    }
}

bool jv_equal(const jv *a, const jv *b)
{
    return jv_cmp(a, b) == 0;
}

/* ------------------------------------------------------------------ numbers */
void jv_num_text(double d, char *buf, size_t cap)
{
    if (isnan(d)) {
        snprintf(buf, cap, "null");
        return;
    }
    if (isinf(d))
        d = d > 0 ? 1.7976931348623157e308 : -1.7976931348623157e308;
    if (d == 0) {
        snprintf(buf, cap, signbit(d) ? "-0" : "0");
        return;
    }
    /* shortest digits that read back as d */
    char e[64];
    int prec;
    for (prec = 0; prec < 17; prec++) {
        snprintf(e, sizeof e, "%.*e", prec, d);
        if (strtod(e, NULL) == d)
            break;
    }
    if (prec == 17)
        snprintf(e, sizeof e, "%.16e", d);
    /* e: [-]D[.DDD]e[+-]XX */
    bool neg = e[0] == '-';
    const char *p = e + neg;
    char digits[32];
    size_t nd = 0;
    for (; *p && *p != 'e'; p++)
        if (isdigit((unsigned char)*p))
            digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    int exp10 = atoi(p + 1);
    int decpt = exp10 + 1;
    char *o = buf;
    size_t left = cap;
#define JV_PUT(...)                                    \
    do {                                               \
        int w = snprintf(o, left, __VA_ARGS__);        \
        if (w < 0 || (size_t)w >= left)                \
            return;                                    \
        o += w;                                        \
        left -= (size_t)w;                             \
    } while (0)
    if (neg)
        JV_PUT("-");
    if (decpt <= -4 || decpt - (int)nd > 15) {
        JV_PUT("%c", digits[0]);
        if (nd > 1)
            JV_PUT(".%s", digits + 1);
        JV_PUT("e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (decpt <= 0) {
        JV_PUT("0.");
        for (int i = 0; i < -decpt; i++)
            JV_PUT("0");
        JV_PUT("%s", digits);
    } else if ((size_t)decpt >= nd) {
        JV_PUT("%s", digits);
        for (int i = (int)nd; i < decpt; i++)
            JV_PUT("0");
    } else {
        JV_PUT("%.*s.%s", decpt, digits, digits + decpt);
    }
#undef JV_PUT
}


/* ------------------------------------------------------------------ literal numbers */
/* A decimal number's text ([+-]digits[.digits][eE[+-]digits], either digit
 * run may be empty) seen as sign, significant digits and the exponent of
 * the first significant digit. */
typedef struct {
    const char *t;      /* the digits part (after the sign) */
    size_t n;           /* its length, up to the exponent */
    size_t first;       /* index in t of the first significant digit (n: zero) */
    bool neg;
    long ae;            /* adjusted exponent: value = 0.d1d2... * 10^(ae+1) */
    long exp;           /* the written exponent */
    bool bad_exp;       /* exponent too large to keep */
} jv_dec;

static void jv__dec_scan(const char *t, size_t n, jv_dec *d)
{
    size_t i = 0;
    memset(d, 0, sizeof *d);
    if (i < n && (t[i] == '-' || t[i] == '+'))
        d->neg = t[i++] == '-';
    d->t = t + i;
    size_t st = i;
    while (i < n && (isdigit((unsigned char)t[i]) || t[i] == '.'))
        i++;
    d->n = i - st;
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (t[i] == '-' || t[i] == '+'))
            eneg = t[i++] == '-';
        while (i < n && t[i] == '0')
            i++;
        long e = 0;
        int nd = 0;
        for (; i < n && isdigit((unsigned char)t[i]); i++, nd++)
            if (nd < 10)
                e = e * 10 + (t[i] - '0');
        if (nd > 9)
            d->bad_exp = true;
        d->exp = eneg ? -e : e;
    }
    /* digits before the point, and where the first non-zero digit is */
    long intlen = 0, k = 0, kfirst = 0;
    bool seen_point = false, found = false;
    d->first = d->n;
    for (size_t j = 0; j < d->n; j++) {
        if (d->t[j] == '.') {
            seen_point = true;
            continue;
        }
        if (!seen_point)
            intlen++;
        if (!found && d->t[j] != '0') {
            found = true;
            d->first = j;
            kfirst = k;
        }
        k++;
    }
    d->ae = intlen - 1 - kfirst + d->exp;
}

/* The next significant digit from *j on ('0' past the end). */
static char jv__dec_digit(const jv_dec *d, size_t *j)
{
    while (*j < d->n && d->t[*j] == '.')
        (*j)++;
    return *j < d->n ? d->t[(*j)++] : '0';
}

static void jv__num_str(const jv *v, char *buf, size_t cap, const char **out, size_t *len)
{
    if (v->u.num.lit) {
        *out = v->u.num.lit;
    } else {
        jv_num_text(v->u.num.n, buf, cap);
        *out = buf;
    }
    *len = strlen(*out);
}

static int jv__deccmp(const jv *a, const jv *b)
{
    char ba[64], bb[64];
    const char *ta, *tb;
    size_t na, nb;
    jv__num_str(a, ba, sizeof ba, &ta, &na);
    jv__num_str(b, bb, sizeof bb, &tb, &nb);
    if (strcmp(ta, "null") == 0 || strcmp(tb, "null") == 0) {
        double x = a->u.num.n, y = b->u.num.n;
        return x != x ? -1 : y != y ? 1 : x < y ? -1 : x > y;
    }
    jv_dec x, y;
    jv__dec_scan(ta, na, &x);
    jv__dec_scan(tb, nb, &y);
    bool zx = x.first >= x.n, zy = y.first >= y.n;
    int sx = zx ? 0 : x.neg ? -1 : 1, sy = zy ? 0 : y.neg ? -1 : 1;
    if (sx != sy)
        return sx < sy ? -1 : 1;
    if (sx == 0)
        return 0;
    int mag;
    if (x.ae != y.ae) {
        mag = x.ae < y.ae ? -1 : 1;
    } else {
        mag = 0;
        size_t i = x.first, j = y.first;
        while (!mag && (i < x.n || j < y.n)) {
            char cx = jv__dec_digit(&x, &i), cy = jv__dec_digit(&y, &j);
            mag = cx < cy ? -1 : cx > cy;
        }
    }
    return sx < 0 ? -mag : mag;
}

/* The canonical text of a literal as jq 1.7 prints it (decNumber's
 * to-scientific-string: 1.000 stays, 1e1000 is 1E+1000, 0.1e-3 is 0.0001).
 * Sets *simple when that text is surely what the double prints too. */
static bool jv__canon(const char *t, size_t n, vbuf *out, bool *simple)
{
    jv_dec d;
    jv__dec_scan(t, n, &d);
    if (d.bad_exp)
        return false;
    /* the coefficient: all digits without leading zeros, and its exponent */
    long nfrac = 0;
    const char *pt = memchr(d.t, '.', d.n);
    if (pt)
        nfrac = (long)(d.n - (size_t)(pt - d.t) - 1);
    long exp = d.exp - nfrac;
    vbuf_clear(out);
    if (d.neg)
        vbuf_addc(out, '-');
    size_t c0 = out->len;
    size_t j = d.first < d.n ? d.first : d.n;
    if (j >= d.n) {
        vbuf_addc(out, '0');
    } else {
        for (; j < d.n; j++)
            if (d.t[j] != '.')
                vbuf_addc(out, d.t[j]);
    }
    long nd = (long)(out->len - c0);
    long ae = exp + nd - 1;
    char last = out->data[out->len - 1];
    if (exp <= 0 && ae >= -6) {
        if (exp < 0) {
            long pos = nd + exp;  /* digits before the point */
            vbuf coef;
            vbuf_init(&coef, out->heap);
            vbuf_add(&coef, out->data + c0, (size_t)nd);
            out->len = c0;
            if (pos > 0) {
                vbuf_add(out, coef.data, (size_t)pos);
                vbuf_addc(out, '.');
                vbuf_add(out, coef.data + pos, (size_t)(nd - pos));
            } else {
                vbuf_adds(out, "0.");
                for (long i = 0; i < -pos; i++)
                    vbuf_addc(out, '0');
                vbuf_add(out, coef.data, (size_t)nd);
            }
            vbuf_free(&coef);
            *simple = nd <= 15 && last != '0' && ae >= -4;
        } else {
            *simple = nd <= 15;
        }
    } else {
        /* d[.ddd]E+x */
        vbuf coef;
        vbuf_init(&coef, out->heap);
        vbuf_add(&coef, out->data + c0, (size_t)nd);
        out->len = c0;
        vbuf_addc(out, coef.data[0]);
        if (nd > 1) {
            vbuf_addc(out, '.');
            vbuf_add(out, coef.data + 1, (size_t)(nd - 1));
        }
        vbuf_printf(out, "E%c%ld", ae < 0 ? '-' : '+', ae < 0 ? -ae : ae);
        vbuf_free(&coef);
        *simple = false;
    }
    vbuf_addc(out, '\0');
    out->len--;
    return true;
}

jv *jv_num_lit(jq *J, double d, const char *t, size_t n)
{
    jv *v = jv_num(J, d);
    if (!v)
        return NULL;
    /* fast path: a short plain integer or decimal (12, 900.37, 0.05)
     * prints as the double does: at most 15 significant digits, no
     * leading zero, no trailing zero after the point, no exponent, not
     * below 0.0001 */
    size_t i = t[0] == '-';
    if (n > i && n - i <= 17 && (t[i] != '0' || n - i == 1 || t[i + 1] == '.')) {
        size_t k = i, sig = 0, zeros = 0;
        bool point = false, lead = true;
        for (; k < n; k++) {
            char c = t[k];
            if (c == '.' && !point) {
                point = true;
                continue;
            }
            if (!isdigit((unsigned char)c))
                break;
            if (lead && c == '0') {
                if (point)
                    zeros++;
                continue;
            }
            lead = false;
            sig++;
        }
        if (k == n && sig <= 15 && t[n - 1] != '.' && (!point || (t[n - 1] != '0' && zeros <= 3))) {
            v->u.num.islit = true;
            return v;
        }
    }
    vbuf c;
    vbuf_init(&c, J->heap);
    bool simple = false;
    if (!jv__canon(t, n, &c, &simple) || !c.data) {
        vbuf_free(&c);
        return v;
    }
    v->u.num.islit = true;
    if (!simple) {
        char nb[64];
        jv_num_text(d, nb, sizeof nb);
        if (strcmp(nb, c.data) != 0) {
            size_t len;
            v->u.num.lit = vbuf_take(&c, &len);
        }
    }
    vbuf_free(&c);
    return v;
}

void jv_num_dump(const jv *v, vbuf *out)
{
    if (v->u.num.lit) {
        vbuf_adds(out, v->u.num.lit);
        return;
    }
    char buf[64];
    jv_num_text(v->u.num.n, buf, sizeof buf);
    vbuf_adds(out, buf);
}

/* ------------------------------------------------------------------ dump */
static void jv__str(vbuf *b, const char *s, size_t n, bool ascii)
{
    vbuf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': vbuf_adds(b, "\\\""); continue;
        case '\\': vbuf_adds(b, "\\\\"); continue;
        case '\n': vbuf_adds(b, "\\n"); continue;
        case '\t': vbuf_adds(b, "\\t"); continue;
        case '\r': vbuf_adds(b, "\\r"); continue;
        case '\b': vbuf_adds(b, "\\b"); continue;
        case '\f': vbuf_adds(b, "\\f"); continue;
        default: break;
        }
        if (c < 0x20 || c == 0x7f) {
            vbuf_printf(b, "\\u%04x", c);
            continue;
        }
        if (c < 0x80 || !ascii) {
            vbuf_addc(b, (char)c);
            continue;
        }
        uint32_t cp;
        size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < len && i + k < n; k++)
            cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
        i += len - 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            vbuf_printf(b, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
        } else {
            vbuf_printf(b, "\\u%04x", cp);
        }
    }
    vbuf_addc(b, '"');
}

static const char *jv__color(jq *J, jv_kind k)
{
    int i = k == JV_NULL ? 0 : k == JV_FALSE ? 1 : k == JV_TRUE ? 2 : k == JV_NUMBER ? 3
          : k == JV_STRING ? 4 : k == JV_ARRAY ? 5 : 6;
    if (J && J->colors[i])
        return J->colors[i];
    switch (k) {
    case JV_NULL: return "1;30";
    case JV_FALSE: case JV_TRUE: case JV_NUMBER: return "0;39";
    case JV_STRING: return "0;32";
    default: return "1;39";
    }
}

static void jv__indent(vbuf *b, int flags, int indent, int level)
{
    vbuf_addc(b, '\n');
    if (flags & JV_PRINT_TAB) {
        for (int i = 0; i < level; i++)
            vbuf_addc(b, '\t');
    } else {
        for (int i = 0; i < level * indent; i++)
            vbuf_addc(b, ' ');
    }
}

static void jv__dump(jq *J, const jv *v, int flags, int indent, int level, vbuf *b)
{
    bool color = flags & JV_PRINT_COLOR;
    bool pretty = flags & JV_PRINT_PRETTY;
    const char *col = jv__color(J, v->kind);
    if (color)
        vbuf_printf(b, "\x1b[%sm", col);
    switch (v->kind) {
    case JV_NULL: vbuf_adds(b, "null"); break;
    case JV_FALSE: vbuf_adds(b, "false"); break;
    case JV_TRUE: vbuf_adds(b, "true"); break;
    case JV_NUMBER:
        jv_num_dump(v, b);
        break;
    case JV_STRING:
        jv__str(b, v->u.str.s, v->u.str.len, flags & JV_PRINT_ASCII);
        break;
    case JV_ARRAY:
        if (v->u.arr.n == 0) {
            vbuf_adds(b, "[]");
            break;
        }
        /* colours as jq 1.6 writes them: the array's colour again after
         * each element, before the separator */
        vbuf_addc(b, '[');
        for (size_t i = 0; i < v->u.arr.n; i++) {
            if (i)
                vbuf_addc(b, ',');
            if (pretty)
                jv__indent(b, flags, indent, level + 1);
            jv__dump(J, v->u.arr.v[i], flags, indent, level + 1, b);
            if (color)
                vbuf_printf(b, "\x1b[%sm", col);
        }
        if (pretty)
            jv__indent(b, flags, indent, level);
        if (color)
            vbuf_printf(b, "\x1b[%sm", col);
        vbuf_addc(b, ']');
        break;
    case JV_OBJECT: {
        if (v->u.obj.n == 0) {
            vbuf_adds(b, "{}");
            break;
        }
        vbuf_addc(b, '{');
        size_t n = v->u.obj.n;
        size_t *order = mem_alloc(J->heap, sizeof(size_t) * n);
        for (size_t i = 0; order && i < n; i++)
            order[i] = i;
        if (order && (flags & JV_PRINT_SORTED)) {
            /* insertion sort by key: objects are small */
            for (size_t i = 1; i < n; i++) {
                size_t x = order[i], j = i;
                while (j > 0 && jv__keycmp(&v->u.obj.e[order[j - 1]].key, &v->u.obj.e[x].key) > 0) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = x;
            }
        }
        for (size_t i = 0; order && i < n; i++) {
            const jv_okey *e = &v->u.obj.e[order[i]];
            if (i)
                vbuf_addc(b, ',');
            if (pretty)
                jv__indent(b, flags, indent, level + 1);
            if (color)
                vbuf_adds(b, "\x1b[0m");
            if (color)
                vbuf_adds(b, "\x1b[34;1m");
            jv__str(b, e->key->u.str.s, e->key->u.str.len, flags & JV_PRINT_ASCII);
            if (color)
                vbuf_adds(b, "\x1b[0m");
            if (color)
                vbuf_printf(b, "\x1b[%sm", col);
            vbuf_addc(b, ':');
            if (pretty)
                vbuf_addc(b, ' ');
            if (color)
                vbuf_adds(b, "\x1b[0m");
            jv__dump(J, e->val, flags, indent, level + 1, b);
            if (color)
                vbuf_printf(b, "\x1b[%sm", col);
        }
        mem_free(J->heap, order);
        if (pretty)
            jv__indent(b, flags, indent, level);
        if (color)
            vbuf_printf(b, "\x1b[%sm", col);
        vbuf_addc(b, '}');
        break;
    }
    default:
        break;
    }
    if (color)
        vbuf_adds(b, "\x1b[0m");
}

void jv_dump(jq *J, const jv *v, int flags, int indent, vbuf *out)
{
    if (indent == 0)
        flags &= ~(JV_PRINT_PRETTY | JV_PRINT_TAB);
    jv__dump(J, v, flags, indent, 0, out);
}

/* ------------------------------------------------------------------ parse */
typedef struct jp {
    jq *J;
    const char *s;
    size_t len, pos;
    char *err;
    int depth;
} jp;

static void jp__ws(jp *p)
{
    while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
                               p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
        p->pos++;
}

static void jp__fail(jp *p, const char *what)
{
    if (p->err)
        return;
    /* jq reports where its tokenizer stands: just after the character that
     * showed the error (a delimiter is consumed), or "at EOF" */
    size_t at = p->pos < p->len ? p->pos + 1 : p->len;
    bool eof = p->pos >= p->len;
    int line = 1, col = 0;
    for (size_t i = 0; i < at && i < p->len; i++) {
        if (p->s[i] == '\n') {
            line++;
            col = 0;
        } else {
            col++;
        }
    }
    p->err = mem_printf(p->J->heap, "%s%s at line %d, column %d", what, eof ? " at EOF" : "", line, col);
}

static jv *jp__value(jp *p);

static void jp__utf8(vbuf *b, uint32_t cp)
{
    char u[4];
    int n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) { u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
    else { u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
    vbuf_add(b, u, (size_t)n);
}

static int jp__hex4(jp *p, uint32_t *out)
{
    if (p->pos + 4 > p->len)
        return -1;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->s[p->pos + (size_t)i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
        else return -1;
    }
    p->pos += 4;
    *out = v;
    return 0;
}

static jv *jp__string(jp *p)
{
    p->pos++; /* '"' */
    {
        /* fast path: no escape before the closing quote */
        size_t i = p->pos;
        while (i < p->len && p->s[i] != '"' && p->s[i] != '\\')
            i++;
        if (i < p->len && p->s[i] == '"') {
            jv *v = jv_str(p->J, p->s + p->pos, i - p->pos);
            p->pos = i + 1;
            return v;
        }
    }
    vbuf b;
    vbuf_init(&b, p->J->heap);
    while (p->pos < p->len) {
        char c = p->s[p->pos++];
        if (c == '"') {
            jv *v = jv_str(p->J, vbuf_str(&b), b.len);
            vbuf_free(&b);
            return v;
        }
        if (c != '\\') {
            vbuf_addc(&b, c);
            continue;
        }
        if (p->pos >= p->len)
            break;
        c = p->s[p->pos++];
        switch (c) {
        case '"': vbuf_addc(&b, '"'); break;
        case '\\': vbuf_addc(&b, '\\'); break;
        case '/': vbuf_addc(&b, '/'); break;
        case 'b': vbuf_addc(&b, '\b'); break;
        case 'f': vbuf_addc(&b, '\f'); break;
        case 'n': vbuf_addc(&b, '\n'); break;
        case 'r': vbuf_addc(&b, '\r'); break;
        case 't': vbuf_addc(&b, '\t'); break;
        case 'u': {
            uint32_t cp;
            if (jp__hex4(p, &cp) < 0) {
                vbuf_free(&b);
                jp__fail(p, "Invalid escape");
                return NULL;
            }
            if (cp >= 0xD800 && cp < 0xDC00 && p->pos + 6 <= p->len && p->s[p->pos] == '\\' &&
                p->s[p->pos + 1] == 'u') {
                size_t save = p->pos;
                p->pos += 2;
                uint32_t lo;
                if (jp__hex4(p, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                else {
                    p->pos = save;
                    cp = 0xFFFD;
                }
            } else if (cp >= 0xD800 && cp < 0xE000) {
                cp = 0xFFFD;
            }
            jp__utf8(&b, cp);
            break;
        }
        default:
            vbuf_free(&b);
            jp__fail(p, "Invalid escape");
            return NULL;
        }
    }
    vbuf_free(&b);
    jp__fail(p, "Unfinished string");
    return NULL;
}

static jv *jp__value(jp *p)
{
    jp__ws(p);
    if (p->pos >= p->len) {
        jp__fail(p, "Unfinished JSON term");
        return NULL;
    }
    if (++p->depth > 10000) {
        jp__fail(p, "Exceeds depth limit for parsing");
        return NULL;
    }
    char c = p->s[p->pos];
    jv *v = NULL;
    if (c == '{') {
        p->pos++;
        v = jv_obj(p->J);
        jp__ws(p);
        if (p->pos < p->len && p->s[p->pos] == '}') {
            p->pos++;
        } else {
            for (bool first = true;; first = false) {
                jp__ws(p);
                if (p->pos >= p->len || p->s[p->pos] != '"') {
                    char k = p->pos < p->len ? p->s[p->pos] : 0;
                    jp__fail(p, !k ? "Unfinished JSON term"
                                : k == '}' && !first ? "Expected another key-value pair"
                                : k == ']' ? "Unmatched ']'"
                                : k == ',' ? "Expected value before ','"
                                : "Object keys must be strings");
                    jv_unref(p->J, v);
                    v = NULL;
                    break;
                }
                jv *k = jp__string(p);
                if (!k) {
                    jv_unref(p->J, v);
                    v = NULL;
                    break;
                }
                jp__ws(p);
                if (p->pos >= p->len || p->s[p->pos] != ':') {
                    jp__fail(p, p->pos >= p->len ? "Unfinished JSON term" : "Objects must consist of key:value pairs");
                    jv_unref(p->J, k);
                    jv_unref(p->J, v);
                    v = NULL;
                    break;
                }
                p->pos++;
                jv *val = jp__value(p);
                if (!val) {
                    jv_unref(p->J, k);
                    jv_unref(p->J, v);
                    v = NULL;
                    break;
                }
                v = jv_obj_set(p->J, v, k, val);
                jp__ws(p);
                if (p->pos < p->len && p->s[p->pos] == ',') {
                    p->pos++;
                    continue;
                }
                if (p->pos < p->len && p->s[p->pos] == '}') {
                    p->pos++;
                    break;
                }
                jp__fail(p, p->pos >= p->len ? "Unfinished JSON term"
                            : p->s[p->pos] == ']' ? "Unmatched ']'" : "Expected separator between values");
                jv_unref(p->J, v);
                v = NULL;
                break;
            }
        }
    } else if (c == '[') {
        p->pos++;
        v = jv_arr(p->J);
        jp__ws(p);
        if (p->pos < p->len && p->s[p->pos] == ']') {
            p->pos++;
        } else {
            for (bool first = true;; first = false) {
                jp__ws(p);
                if (!first && p->pos < p->len && p->s[p->pos] == ']') {
                    jp__fail(p, "Expected another array element");
                    jv_unref(p->J, v);
                    v = NULL;
                    break;
                }
                jv *x = jp__value(p);
                if (!x) {
                    jv_unref(p->J, v);
                    v = NULL;
                    break;
                }
                v = jv_arr_push(p->J, v, x);
                jp__ws(p);
                if (p->pos < p->len && p->s[p->pos] == ',') {
                    p->pos++;
                    continue;
                }
                if (p->pos < p->len && p->s[p->pos] == ']') {
                    p->pos++;
                    break;
                }
                jp__fail(p, p->pos >= p->len ? "Unfinished JSON term"
                            : p->s[p->pos] == '}' ? "Unmatched '}'" : "Expected separator between values");
                jv_unref(p->J, v);
                v = NULL;
                break;
            }
        }
    } else if (c == '"') {
        v = jp__string(p);
    } else {
        /* a literal token: everything up to a delimiter */
        size_t st = p->pos;
        while (p->pos < p->len && !strchr(" \t\r\n,:[]{}\"", p->s[p->pos]))
            p->pos++;
        size_t n = p->pos - st;
        const char *t = p->s + st;
        if (n == 0) {
            /* a delimiter where a value should be: jq's messages */
            jp__fail(p, c == '}' ? "Unmatched '}'" : c == ']' ? "Unmatched ']'"
                        : c == ',' ? "Expected value before ','"
                        : c == ':' ? "Expected string key before ':'" : "Invalid numeric literal");
        } else if (n == 4 && memcmp(t, "null", 4) == 0) {
            v = jv_null(p->J);
        } else if (n == 4 && memcmp(t, "true", 4) == 0) {
            v = jv_bool(p->J, true);
        } else if (n == 5 && memcmp(t, "false", 5) == 0) {
            v = jv_bool(p->J, false);
        } else if (n == 3 && memcmp(t, "nan", 3) == 0) {
            v = jv_num(p->J, NAN);
        } else if (strchr("tfn", *t)) {
            jp__fail(p, "Invalid literal");
        } else {
            char small[512];
            char *tmp = n < sizeof small ? small : mem_alloc(p->J->heap, n + 1);
            char *end = tmp;
            double d = 0;
            if (n && tmp) {
                memcpy(tmp, t, n);
                tmp[n] = '\0';
                d = strtod(tmp, &end);
            }
            if (!n || !tmp || *end || strspn(tmp, "0123456789+-.eE") != n ||
                !(isdigit((unsigned char)tmp[0]) || tmp[0] == '-' || tmp[0] == '.'))
                jp__fail(p, "Invalid numeric literal");
            else
                v = jv_num_lit(p->J, d, t, n);
            if (tmp != small)
                mem_free(p->J->heap, tmp);
        }
    }
    p->depth--;
    return v;
}

int jv_parse_next(jq *J, const char *s, size_t len, size_t *pos, jv **out, char **err)
{
    jp p = {.J = J, .s = s, .len = len, .pos = *pos};
    jp__ws(&p);
    if (p.pos >= len) {
        *pos = p.pos;
        return 0;
    }
    jv *v = jp__value(&p);
    if (!v) {
        *err = p.err ? p.err : mem_strdup(J->heap, "Invalid JSON text");
        *pos = len;
        return -1;
    }
    /* values must be separated (1 2 is fine, 1"a" too, but 12true is not) */
    *pos = p.pos;
    *out = v;
    return 1;
}
