/*
 * jq evaluator: callback-driven generators over the jnode tree, with an
 * optional path beside every value (path mode: path(f), assignments, del,
 * paths). Functions are lexically scoped closures; their environments live
 * on the C stack because jq has no first-class functions.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtins/jq.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define JQ_MAX_DEPTH 2000
/* Recursion also stops when it has used this much C stack (the virtual
 * process has 8 MiB; frames are several times larger under the sanitizers). */
#define JQ_STACK_BUDGET (3u << 20)

static bool jq__deep(jq *J)
{
    char here;
    return J->depth > JQ_MAX_DEPTH ||
           (J->stack_top && (size_t)(J->stack_top - &here) > JQ_STACK_BUDGET);
}

typedef struct jenv jenv;
enum { JE_VAR, JE_FUNC, JE_CLOSURE, JE_LABEL };
struct jenv {
    jenv *up;
    int kind;
    const char *name;
    int arity;
    jv *val;              /* JE_VAR (borrowed: owned by the binder) */
    const jnode *def;     /* JE_FUNC */
    jenv *defenv;         /* JE_FUNC: scope the body sees (the def itself is in it) */
    const jnode *body;    /* JE_CLOSURE */
    jenv *bodyenv;
    long label;           /* JE_LABEL */
};

typedef struct jemit {
    int (*fn)(jq *J, jv *v, jv *path, void *ctx);
    void *ctx;
} jemit;

static int ev(jq *J, const jnode *n, jv *in, jv *path, jenv *env, jemit *k);
static jv *jq__format(jq *J, const char *fmt, jv *v);
static int jq__apply_index(jq *J, const jnode *n, jv *subject, jv *spath, jv *dot, jenv *env,
                           jemit *k);
static int jq__subject_fn(jq *J, jv *v, jv *p, void *ctx);
int jq_call_builtin(jq *J, const jnode *call, jv *in, jv *path, jenv *env, jemit *k);

static void jq__utf8_put(vbuf *b, uint32_t cp)
{
    char u[4];
    int n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) { u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
    else { u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
    vbuf_add(b, u, (size_t)n);
}

/* ------------------------------------------------------------------ errors */
static int jq__err(jq *J, jv *e) /* takes e */
{
    jv_unref(J, J->err);
    J->err = e;
    return JQ_ERR;
}

static int jq__errf(jq *J, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int jq__errf(jq *J, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, J->heap);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    jv *e = jv_str(J, vbuf_str(&b), b.len);
    vbuf_free(&b);
    return jq__err(J, e);
}

/* "number (1)" / "string (\"abc\")" as jq's messages describe values */
static char *jq__desc(jq *J, const jv *v)
{
    vbuf b;
    vbuf_init(&b, J->heap);
    jv_dump(J, v, 0, 0, &b);
    char *d;
    if (b.len > 11) {
        /* jq truncates the dump to 11 bytes and adds "..." */
        d = mem_printf(J->heap, "%s (%.10s...)", jv_kind_name(v->kind), b.data);
    } else {
        d = mem_printf(J->heap, "%s (%s)", jv_kind_name(v->kind), vbuf_str(&b));
    }
    vbuf_free(&b);
    return d;
}

char *jq_error_text(jq *J, jv *err)
{
    if (err && err->kind == JV_STRING)
        return mem_strndup(J->heap, err->u.str.s, err->u.str.len);
    vbuf b;
    vbuf_init(&b, J->heap);
    if (err)
        jv_dump(J, err, 0, 0, &b);
    char *s = mem_printf(J->heap, "%s (not a string)", vbuf_str(&b));
    vbuf_free(&b);
    return s;
}

/* The session's limits, checked every 256 outputs: memory (the heap's
 * sticky failure flag), cancellation and wall time. Either ends the whole
 * run (JQ_HALT: no try catches it). */
static bool jq__limited(jq *J)
{
    if (J->limited)
        return true;
    if (mem_heap_failed(J->heap)) {
        J->limited = true;
        if (J->cmd->ops && J->cmd->ops->limit)
            J->cmd->ops->limit(J->cmd->shell, VB_LIMIT_MEMORY, "jq: maximum memory exceeded (limit memory)");
        else
            bi_err(J->cmd, "error: maximum memory exceeded (limit memory)");
    } else if ((J->steps & 0xFFF) == 0 && bi_cancelled(J->cmd)) {
        J->limited = true;
    }
    if (J->limited) {
        J->halted = true;
        J->halt_code = 5;
    }
    return J->limited;
}

static int jq__emit(jq *J, jemit *k, jv *v, jv *path)
{
    if ((++J->steps & 0xFF) == 0 && jq__limited(J))
        return JQ_HALT;
    return k->fn(J, v, path, k->ctx);
}

/* path + [key] (new reference) */
static jv *jq__path_add(jq *J, jv *path, jv *key) /* takes key */
{
    if (!path) {
        jv_unref(J, key);
        return NULL;
    }
    jv *p = jv_arr_push(J, jv_ref(path), key);
    return p;
}

/* ------------------------------------------------------------------ indexing */
/* v[k]: a new reference, or NULL with the error set. */
static jv *jq__index(jq *J, jv *v, jv *k)
{
    if (v->kind == JV_NULL && (k->kind == JV_STRING || k->kind == JV_NUMBER || k->kind == JV_NULL))
        return jv_null(J);
    if (v->kind == JV_OBJECT && k->kind == JV_STRING) {
        jv *x = jv_obj_get(v, k->u.str.s, k->u.str.len);
        return x ? jv_ref(x) : jv_null(J);
    }
    if (v->kind == JV_ARRAY && k->kind == JV_NUMBER) {
        double d = floor(k->u.num.n);
        if (isnan(d))
            return jv_null(J);
        if (d < 0)
            d += (double)v->u.arr.n;
        if (d < 0 || d >= (double)v->u.arr.n)
            return jv_null(J);
        return jv_ref(v->u.arr.v[(size_t)d]);
    }
    if (v->kind == JV_ARRAY && k->kind == JV_ARRAY) {
        /* indices of a sub-array */
        jv *r = jv_arr(J);
        size_t m = k->u.arr.n;
        if (m == 0) {
            jv_unref(J, r);
            return jv_null(J);
        }
        for (size_t i = 0; i + m <= v->u.arr.n; i++) {
            bool ok = true;
            for (size_t j = 0; j < m && ok; j++)
                ok = jv_equal(v->u.arr.v[i + j], k->u.arr.v[j]);
            if (ok)
                r = jv_arr_push(J, r, jv_num(J, (double)i));
        }
        return r;
    }
    if (k->kind == JV_OBJECT && (v->kind == JV_ARRAY || v->kind == JV_STRING || v->kind == JV_NULL)) {
        jq__errf(J, "Cannot index %s with object", jv_kind_name(v->kind));
        return NULL;
    }
    if (k->kind == JV_STRING)
        jq__errf(J, "Cannot index %s with string \"%.*s\"", jv_kind_name(v->kind), (int)k->u.str.len, k->u.str.s);
    else
        jq__errf(J, "Cannot index %s with %s", jv_kind_name(v->kind), jv_kind_name(k->kind));
    return NULL;
}

static void jq__clamp_slice(double len, jv *from, jv *to, size_t *s, size_t *e)
{
    double a = from && from->kind == JV_NUMBER ? floor(from->u.num.n) : 0;
    double b = to && to->kind == JV_NUMBER ? ceil(to->u.num.n) : len;
    if (a < 0) a += len;
    if (b < 0) b += len;
    if (a < 0) a = 0;
    if (b > len) b = len;
    if (a > len) a = len;
    if (b < a) b = a;
    *s = (size_t)a;
    *e = (size_t)b;
}

static size_t jq__u8off(const char *s, size_t n, size_t ci)
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

static size_t jq__u8len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static jv *jq__slice(jq *J, jv *v, jv *from, jv *to)
{
    if ((from && from->kind != JV_NUMBER && from->kind != JV_NULL) ||
        (to && to->kind != JV_NUMBER && to->kind != JV_NULL)) {
        jq__errf(J, "Start and end indices of an array slice must be numbers");
        return NULL;
    }
    if (v->kind == JV_NULL)
        return jv_null(J);
    size_t s, e;
    if (v->kind == JV_ARRAY) {
        jq__clamp_slice((double)v->u.arr.n, from, to, &s, &e);
        jv *r = jv_arr(J);
        for (size_t i = s; i < e; i++)
            r = jv_arr_push(J, r, jv_ref(v->u.arr.v[i]));
        return r;
    }
    if (v->kind == JV_STRING) {
        size_t cl = jq__u8len(v->u.str.s, v->u.str.len);
        jq__clamp_slice((double)cl, from, to, &s, &e);
        size_t bs = jq__u8off(v->u.str.s, v->u.str.len, s);
        size_t be = jq__u8off(v->u.str.s, v->u.str.len, e);
        return jv_str(J, v->u.str.s + bs, be - bs);
    }
    jq__errf(J, "Cannot index %s with object", jv_kind_name(v->kind));
    return NULL;
}

/* ------------------------------------------------------------------ paths */
static jv *jq__getpath(jq *J, jv *v, jv *path)
{
    jv *cur = jv_ref(v);
    for (size_t i = 0; i < path->u.arr.n; i++) {
        if (cur->kind == JV_NULL)
            break;
        jv *k = path->u.arr.v[i];
        jv *next;
        if (k->kind == JV_OBJECT) {
            jv *st = jv_obj_get(k, "start", 5), *en = jv_obj_get(k, "end", 3);
            next = jq__slice(J, cur, st, en);
        } else {
            next = jq__index(J, cur, k);
        }
        jv_unref(J, cur);
        if (!next)
            return NULL;
        cur = next;
    }
    return cur;
}

static jv *jq__setpath(jq *J, jv *v, jv *path, size_t i, jv *x) /* takes v and x */
{
    if (i == path->u.arr.n) {
        jv_unref(J, v);
        return x;
    }
    jv *k = path->u.arr.v[i];
    if (k->kind == JV_STRING) {
        if (v->kind == JV_NULL) {
            jv_unref(J, v);
            v = jv_obj(J);
        }
        if (v->kind != JV_OBJECT) {
            jq__errf(J, "Cannot index %s with string \"%.*s\"", jv_kind_name(v->kind), (int)k->u.str.len, k->u.str.s);
            jv_unref(J, v);
            jv_unref(J, x);
            return NULL;
        }
        jv *old = jv_obj_get(v, k->u.str.s, k->u.str.len);
        jv *sub = old ? jv_ref(old) : jv_null(J);
        if (old) {
            /* drop our reference inside v so sub can be updated in place */
            v = jv_obj_set(J, v, jv_ref(k), jv_null(J));
        }
        jv *nsub = jq__setpath(J, sub, path, i + 1, x);
        if (!nsub) {
            jv_unref(J, v);
            return NULL;
        }
        return jv_obj_set(J, v, jv_ref(k), nsub);
    }
    if (k->kind == JV_NUMBER) {
        if (v->kind == JV_NULL) {
            jv_unref(J, v);
            v = jv_arr(J);
        }
        if (v->kind != JV_ARRAY) {
            jq__errf(J, "Cannot index %s with number", jv_kind_name(v->kind));
            jv_unref(J, v);
            jv_unref(J, x);
            return NULL;
        }
        double d = floor(k->u.num.n);
        if (d < 0)
            d += (double)v->u.arr.n;
        if (d < 0) {
            jq__errf(J, "Out of bounds negative array index");
            jv_unref(J, v);
            jv_unref(J, x);
            return NULL;
        }
        if (d > 100000000) {
            jq__errf(J, "Array index too large");
            jv_unref(J, v);
            jv_unref(J, x);
            return NULL;
        }
        size_t idx = (size_t)d;
        jv *sub = idx < v->u.arr.n ? jv_ref(v->u.arr.v[idx]) : jv_null(J);
        if (idx < v->u.arr.n)
            v = jv_arr_set(J, v, idx, jv_null(J));
        jv *nsub = jq__setpath(J, sub, path, i + 1, x);
        if (!nsub) {
            jv_unref(J, v);
            return NULL;
        }
        return jv_arr_set(J, v, idx, nsub);
    }
    if (k->kind == JV_OBJECT) {
        if (v->kind == JV_NULL) {
            jv_unref(J, v);
            v = jv_arr(J);
        }
        if (v->kind != JV_ARRAY) {
            jq__errf(J, "Cannot update field at object index of %s", jv_kind_name(v->kind));
            jv_unref(J, v);
            jv_unref(J, x);
            return NULL;
        }
        size_t s, e;
        jq__clamp_slice((double)v->u.arr.n, jv_obj_get(k, "start", 5), jv_obj_get(k, "end", 3), &s, &e);
        jv *cur = jq__slice(J, v, jv_obj_get(k, "start", 5), jv_obj_get(k, "end", 3));
        jv *nsub = cur ? jq__setpath(J, cur, path, i + 1, x) : NULL;
        if (!nsub) {
            jv_unref(J, v);
            return NULL;
        }
        if (nsub->kind != JV_ARRAY) {
            jq__errf(J, "A slice of an array can only be assigned another array");
            jv_unref(J, nsub);
            jv_unref(J, v);
            return NULL;
        }
        jv *r = jv_arr(J);
        for (size_t j = 0; j < s; j++)
            r = jv_arr_push(J, r, jv_ref(v->u.arr.v[j]));
        for (size_t j = 0; j < nsub->u.arr.n; j++)
            r = jv_arr_push(J, r, jv_ref(nsub->u.arr.v[j]));
        for (size_t j = e; j < v->u.arr.n; j++)
            r = jv_arr_push(J, r, jv_ref(v->u.arr.v[j]));
        jv_unref(J, nsub);
        jv_unref(J, v);
        return r;
    }
    jq__errf(J, "Invalid path component");
    jv_unref(J, v);
    jv_unref(J, x);
    return NULL;
}

static jv *jq__delpath(jq *J, jv *v, jv *path, size_t i) /* takes v */
{
    if (v->kind == JV_NULL || i >= path->u.arr.n)
        return v;
    jv *k = path->u.arr.v[i];
    bool last = i + 1 == path->u.arr.n;
    if (v->kind == JV_OBJECT && k->kind == JV_STRING) {
        if (last)
            return jv_obj_del(J, v, k->u.str.s, k->u.str.len);
        jv *sub = jv_obj_get(v, k->u.str.s, k->u.str.len);
        if (!sub)
            return v;
        jv *ns = jq__delpath(J, jv_ref(sub), path, i + 1);
        return ns ? jv_obj_set(J, v, jv_ref(k), ns) : (jv_unref(J, v), NULL);
    }
    if (v->kind == JV_ARRAY && k->kind == JV_NUMBER) {
        double d = floor(k->u.num.n);
        if (d < 0)
            d += (double)v->u.arr.n;
        if (d < 0 || d >= (double)v->u.arr.n) {
            if (k->u.num.n < 0 && d < 0) {
                jq__errf(J, "Out of bounds negative array index");
                jv_unref(J, v);
                return NULL;
            }
            return v;
        }
        size_t idx = (size_t)d;
        if (last) {
            jv *r = jv_arr(J);
            for (size_t j = 0; j < v->u.arr.n; j++)
                if (j != idx)
                    r = jv_arr_push(J, r, jv_ref(v->u.arr.v[j]));
            jv_unref(J, v);
            return r;
        }
        jv *ns = jq__delpath(J, jv_ref(v->u.arr.v[idx]), path, i + 1);
        return ns ? jv_arr_set(J, v, idx, ns) : (jv_unref(J, v), NULL);
    }
    if (v->kind == JV_ARRAY && k->kind == JV_OBJECT) {
        size_t s, e;
        jq__clamp_slice((double)v->u.arr.n, jv_obj_get(k, "start", 5), jv_obj_get(k, "end", 3), &s, &e);
        if (last) {
            jv *r = jv_arr(J);
            for (size_t j = 0; j < v->u.arr.n; j++)
                if (j < s || j >= e)
                    r = jv_arr_push(J, r, jv_ref(v->u.arr.v[j]));
            jv_unref(J, v);
            return r;
        }
        jq__errf(J, "Cannot delete a path through a slice");
        jv_unref(J, v);
        return NULL;
    }
    if (k->kind == JV_STRING)
        jq__errf(J, "Cannot delete field at object index of %s", jv_kind_name(v->kind));
    else
        jq__errf(J, "Cannot delete field at index of %s", jv_kind_name(v->kind));
    jv_unref(J, v);
    return NULL;
}

static int jq__pathcmp_desc(const void *a, const void *b)
{
    return jv_cmp(*(jv *const *)b, *(jv *const *)a);
}

static jv *jq__delpaths(jq *J, jv *v, jv *paths) /* takes v */
{
    size_t n = paths->u.arr.n;
    jv **ps = mem_alloc(J->heap, sizeof(jv *) * (n ? n : 1));
    if (!ps) {
        jv_unref(J, v);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        ps[i] = paths->u.arr.v[i];
        if (ps[i]->kind != JV_ARRAY) {
            mem_free(J->heap, ps);
            jq__errf(J, "Path must be specified as an array");
            jv_unref(J, v);
            return NULL;
        }
    }
    /* longest / last paths first so earlier deletions do not shift later ones */
    qsort(ps, n, sizeof *ps, jq__pathcmp_desc);
    for (size_t i = 0; i < n && v; i++) {
        if (ps[i]->u.arr.n == 0) {
            jv_unref(J, v);
            v = jv_null(J);
            continue;
        }
        v = jq__delpath(J, v, ps[i], 0);
    }
    mem_free(J->heap, ps);
    return v;
}

/* ------------------------------------------------------------------ arithmetic */
static jv *jq__binop(jq *J, int op, jv *a, jv *b)
{
    if (op == '+') {
        if (a->kind == JV_NULL)
            return jv_ref(b);
        if (b->kind == JV_NULL)
            return jv_ref(a);
        if (a->kind == JV_NUMBER && b->kind == JV_NUMBER)
            return jv_num(J, a->u.num.n + b->u.num.n);
        if (a->kind == JV_STRING && b->kind == JV_STRING) {
            jv *r = jv_str(J, a->u.str.s, a->u.str.len);
            if (!r)
                return NULL;
            char *ns = mem_realloc(J->heap, r->u.str.s, a->u.str.len + b->u.str.len + 1);
            if (!ns)
                return r;
            memcpy(ns + a->u.str.len, b->u.str.s, b->u.str.len);
            ns[a->u.str.len + b->u.str.len] = '\0';
            r->u.str.s = ns;
            r->u.str.len += b->u.str.len;
            return r;
        }
        if (a->kind == JV_ARRAY && b->kind == JV_ARRAY) {
            jv *r = jv_ref(a);
            for (size_t i = 0; i < b->u.arr.n; i++)
                r = jv_arr_push(J, r, jv_ref(b->u.arr.v[i]));
            return r;
        }
        if (a->kind == JV_OBJECT && b->kind == JV_OBJECT) {
            jv *r = jv_ref(a);
            for (size_t i = 0; i < b->u.obj.n; i++)
                r = jv_obj_set(J, r, jv_ref(b->u.obj.e[i].key), jv_ref(b->u.obj.e[i].val));
            return r;
        }
    } else if (op == '-') {
        if (a->kind == JV_NUMBER && b->kind == JV_NUMBER)
            return jv_num(J, a->u.num.n - b->u.num.n);
        if (a->kind == JV_ARRAY && b->kind == JV_ARRAY) {
            jv *r = jv_arr(J);
            for (size_t i = 0; i < a->u.arr.n; i++) {
                bool found = false;
                for (size_t j = 0; j < b->u.arr.n && !found; j++)
                    found = jv_equal(a->u.arr.v[i], b->u.arr.v[j]);
                if (!found)
                    r = jv_arr_push(J, r, jv_ref(a->u.arr.v[i]));
            }
            return r;
        }
    } else if (op == '*') {
        if (a->kind == JV_NUMBER && b->kind == JV_NUMBER)
            return jv_num(J, a->u.num.n * b->u.num.n);
        if ((a->kind == JV_STRING && b->kind == JV_NUMBER) || (a->kind == JV_NUMBER && b->kind == JV_STRING)) {
            jv *s = a->kind == JV_STRING ? a : b;
            double n = a->kind == JV_NUMBER ? a->u.num.n : b->u.num.n;
            if (n <= 0)
                return jv_null(J);
            size_t times = n < 1 ? 1 : (size_t)n;
            if (times * s->u.str.len > (size_t)64 << 20) {
                jq__errf(J, "Repeat string result too long");
                return NULL;
            }
            vbuf bb;
            vbuf_init(&bb, J->heap);
            for (size_t i = 0; i < times; i++)
                vbuf_add(&bb, s->u.str.s, s->u.str.len);
            jv *r = jv_str(J, vbuf_str(&bb), bb.len);
            vbuf_free(&bb);
            return r;
        }
        if (a->kind == JV_OBJECT && b->kind == JV_OBJECT) {
            /* deep merge */
            jv *r = jv_ref(a);
            for (size_t i = 0; i < b->u.obj.n; i++) {
                jv *k = b->u.obj.e[i].key, *bv = b->u.obj.e[i].val;
                jv *av = jv_obj_get(r, k->u.str.s, k->u.str.len);
                if (av && av->kind == JV_OBJECT && bv->kind == JV_OBJECT) {
                    jv *m = jq__binop(J, '*', av, bv);
                    if (!m) {
                        jv_unref(J, r);
                        return NULL;
                    }
                    r = jv_obj_set(J, r, jv_ref(k), m);
                } else {
                    r = jv_obj_set(J, r, jv_ref(k), jv_ref(bv));
                }
            }
            return r;
        }
    } else if (op == '/') {
        if (a->kind == JV_NUMBER && b->kind == JV_NUMBER) {
            if (b->u.num.n == 0) {
                char *da = jq__desc(J, a), *db = jq__desc(J, b);
                jq__errf(J, "%s and %s cannot be divided because the divisor is zero", da, db);
                return NULL;
            }
            return jv_num(J, a->u.num.n / b->u.num.n);
        }
        if (a->kind == JV_STRING && b->kind == JV_STRING) {
            jv *r = jv_arr(J);
            if (a->u.str.len == 0)
                return r;
            if (b->u.str.len == 0) {
                for (size_t i = 0; i < a->u.str.len;) {
                    size_t n = 1;
                    while (i + n < a->u.str.len && ((unsigned char)a->u.str.s[i + n] & 0xC0) == 0x80)
                        n++;
                    r = jv_arr_push(J, r, jv_str(J, a->u.str.s + i, n));
                    i += n;
                }
                return r;
            }
            const char *p = a->u.str.s, *end = a->u.str.s + a->u.str.len;
            for (;;) {
                const char *q = memmem(p, (size_t)(end - p), b->u.str.s, b->u.str.len);
                if (!q) {
                    r = jv_arr_push(J, r, jv_str(J, p, (size_t)(end - p)));
                    break;
                }
                r = jv_arr_push(J, r, jv_str(J, p, (size_t)(q - p)));
                p = q + b->u.str.len;
            }
            return r;
        }
    } else if (op == '%') {
        if (a->kind == JV_NUMBER && b->kind == JV_NUMBER) {
            long long x = (long long)a->u.num.n, y = (long long)b->u.num.n;
            if (y == 0) {
                char *da = jq__desc(J, a), *db = jq__desc(J, b);
                jq__errf(J, "%s and %s cannot be divided (remainder) because the divisor is zero", da, db);
                return NULL;
            }
            if (y < 0)
                y = -y;
            return jv_num(J, (double)(x % y));
        }
    }
    static const char *const verbs[] = {['+'] = "added", ['-'] = "subtracted", ['*'] = "multiplied",
                                        ['/'] = "divided", ['%'] = "divided"};
    char *da = jq__desc(J, a), *db = jq__desc(J, b);
    jq__errf(J, "%s and %s cannot be %s", da, db, verbs[op]);
    return NULL;
}

/* ------------------------------------------------------------------ environments */
static jenv *jq__lookup_fn(jenv *env, const char *name, int arity)
{
    for (jenv *e = env; e; e = e->up) {
        if ((e->kind == JE_FUNC || e->kind == JE_CLOSURE) && e->arity == arity &&
            strcmp(e->name, name) == 0)
            return e;
    }
    return NULL;
}

static jv *jq__lookup_var(jq *J, jenv *env, const char *name)
{
    for (jenv *e = env; e; e = e->up)
        if (e->kind == JE_VAR && strcmp(e->name, name) == 0)
            return e->val;
    for (int i = 0; i < J->nvars; i++)
        if (strcmp(J->varnames[i], name) == 0)
            return J->vars[i];
    if (strcmp(name, "ENV") == 0)
        return J->env;
    if (strcmp(name, "ARGS") == 0) {
        return NULL;
    }
    return NULL;
}

/* ------------------------------------------------------------------ collecting */
typedef struct jcollect {
    jv *arr;
} jcollect;

static int jq__collect_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jcollect *c = ctx;
    c->arr = jv_arr_push(J, c->arr, jv_ref(v));
    return JQ_OK;
}

/* first output of n (new reference) or NULL: *st tells why (JQ_OK: empty). */
typedef struct jfirst {
    jv *v, *path;
    bool got;
} jfirst;

static int jq__first_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jfirst *f = ctx;
    f->v = jv_ref(v);
    f->path = path ? jv_ref(path) : NULL;
    f->got = true;
    return JQ_STOP;
}

static int jq__first(jq *J, const jnode *n, jv *in, jv *path, jenv *env, jfirst *out)
{
    memset(out, 0, sizeof *out);
    jemit k = {jq__first_fn, out};
    int st = ev(J, n, in, path, env, &k);
    if (st == JQ_STOP && out->got)
        return JQ_OK;
    return st;
}

/* ------------------------------------------------------------------ patterns */
typedef struct jbind {
    jenv *env;      /* extended environment (heap-allocated bindings) */
} jbind;

/* Binds pattern p against v, calling body for each binding combination. */
typedef int (*jq_bound_fn)(jq *J, jenv *env, void *ctx);

static int jq__bind(jq *J, const jnode *p, jv *v, jenv *env, jq_bound_fn fn, void *ctx);

typedef struct jbind_arr {
    const jnode *p;
    jv *v;
    int i;
    jq_bound_fn fn;
    void *ctx;
} jbind_arr;

static int jq__bind_arr_step(jq *J, jenv *env, void *vctx);

static int jq__bind_arr_from(jq *J, const jnode *p, jv *v, int i, jenv *env, jq_bound_fn fn, void *ctx)
{
    if (i >= p->nkids)
        return fn(J, env, ctx);
    jbind_arr st = {p, v, i, fn, ctx};
    jv *idx = jv_num(J, i);
    jv *x = jq__index(J, v, idx);
    jv_unref(J, idx);
    if (!x)
        return JQ_ERR;
    int r = jq__bind(J, p->kids[i], x, env, jq__bind_arr_step, &st);
    jv_unref(J, x);
    return r;
}

static int jq__bind_arr_step(jq *J, jenv *env, void *vctx)
{
    jbind_arr *st = vctx;
    return jq__bind_arr_from(J, st->p, st->v, st->i + 1, env, st->fn, st->ctx);
}

typedef struct jbind_obj {
    const jnode *p;
    jv *v;
    int i;
    jq_bound_fn fn;
    void *ctx;
    jv *key;
} jbind_obj;

static int jq__bind_obj_from(jq *J, const jnode *p, jv *v, int i, jenv *env, jq_bound_fn fn, void *ctx);

static int jq__bind_obj_step(jq *J, jenv *env, void *vctx)
{
    jbind_obj *st = vctx;
    return jq__bind_obj_from(J, st->p, st->v, st->i + 2, env, st->fn, st->ctx);
}

typedef struct jbind_key {
    const jnode *p;
    jv *v;
    int i;
    jenv *env;
    jq_bound_fn fn;
    void *ctx;
} jbind_key;

static int jq__bind_key_fn(jq *J, jv *key, jv *path, void *vctx)
{
    jbind_key *bk = vctx;
    if (key->kind != JV_STRING) {
        return jq__errf(J, "Cannot index %s with %s", jv_kind_name(bk->v->kind), jv_kind_name(key->kind));
    }
    jv *x = jq__index(J, bk->v, key);
    if (!x)
        return JQ_ERR;
    const jnode *keynode = bk->p->kids[bk->i];
    const jnode *sub = bk->p->kids[bk->i + 1];
    jbind_obj st = {bk->p, bk->v, bk->i, bk->fn, bk->ctx, key};
    int r;
    if (keynode->kind == JN_VAR) {
        jenv e = {.up = bk->env, .kind = JE_VAR, .name = keynode->name, .val = x};
        r = sub ? jq__bind(J, sub, x, &e, jq__bind_obj_step, &st) : jq__bind_obj_step(J, &e, &st);
    } else {
        r = jq__bind(J, sub, x, bk->env, jq__bind_obj_step, &st);
    }
    jv_unref(J, x);
    return r;
}

static int jq__bind_obj_from(jq *J, const jnode *p, jv *v, int i, jenv *env, jq_bound_fn fn, void *ctx)
{
    if (i >= p->nkids)
        return fn(J, env, ctx);
    if (v->kind != JV_OBJECT && v->kind != JV_NULL)
        return jq__errf(J, "Cannot index %s with \"%s\"", jv_kind_name(v->kind),
                        p->kids[i]->kind == JN_VAR ? p->kids[i]->name : "key");
    jbind_key bk = {p, v, i, env, fn, ctx};
    const jnode *keynode = p->kids[i];
    if (keynode->kind == JN_VAR) {
        jv *k = jv_strz(J, keynode->name);
        int r = jq__bind_key_fn(J, k, NULL, &bk);
        jv_unref(J, k);
        return r;
    }
    jemit k = {jq__bind_key_fn, &bk};
    return ev(J, keynode, v, NULL, env, &k);
}

/* the variables a destructuring pattern binds */
static int jq__pat_nvars(const jnode *p)
{
    if (!p)
        return 0;
    if (p->op == 'v')
        return 1;
    int n = 0;
    for (int i = 0; i < p->nkids; i++) {
        const jnode *c = p->kids[i];
        if (p->op == 'o' && i % 2 == 0)
            n += c && c->kind == JN_VAR;
        else
            n += jq__pat_nvars(c);
    }
    return n;
}

static void jq__pat_nulls(const jnode *p, jenv *frames, int *at, jenv **env, jv *nul)
{
    if (!p)
        return;
    if (p->op == 'v') {
        jenv *e = &frames[(*at)++];
        *e = (jenv){.up = *env, .kind = JE_VAR, .name = p->name, .val = nul};
        *env = e;
        return;
    }
    for (int i = 0; i < p->nkids; i++) {
        const jnode *c = p->kids[i];
        if (p->op == 'o' && i % 2 == 0) {
            if (c && c->kind == JN_VAR) {
                jenv *e = &frames[(*at)++];
                *e = (jenv){.up = *env, .kind = JE_VAR, .name = c->name, .val = nul};
                *env = e;
            }
        } else {
            jq__pat_nulls(c, frames, at, env, nul);
        }
    }
}

static int jq__bind(jq *J, const jnode *p, jv *v, jenv *env, jq_bound_fn fn, void *ctx)
{
    if (p->op == 'v') {
        jenv e = {.up = env, .kind = JE_VAR, .name = p->name, .val = v};
        return fn(J, &e, ctx);
    }
    if (p->op == 'a') {
        if (v->kind != JV_ARRAY && v->kind != JV_NULL)
            return jq__errf(J, "Cannot index %s with number", jv_kind_name(v->kind));
        return jq__bind_arr_from(J, p, v, 0, env, fn, ctx);
    }
    return jq__bind_obj_from(J, p, v, 0, env, fn, ctx);
}

/* ------------------------------------------------------------------ continuations */
typedef struct jpipe {
    const jnode *b;
    jenv *env;
    jemit *k;
} jpipe;

static int jq__pipe_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jpipe *p = ctx;
    return ev(J, p->b, v, path, p->env, p->k);
}

typedef struct jas {
    const jnode *n;
    jv *in, *path;
    jemit *k;
    int alt;          /* which pattern (?// alternatives) */
} jas;

static int jq__as_body(jq *J, jenv *env, void *ctx)
{
    jas *a = ctx;
    return ev(J, a->n->b, a->in, a->path, env, a->k);
}

typedef struct jas_src {
    const jnode *n;
    jv *in, *path;
    jenv *env;
    jemit *k;
} jas_src;

static int jq__as_src_fn(jq *J, jv *v, jv *p, void *ctx)
{
    jas_src *s = ctx;
    jas a = {s->n, s->in, s->path, s->k, 0};
    if (s->n->nkids == 0)
        return jq__bind(J, s->n->pat, v, s->env, jq__as_body, &a);
    /* ?// : try each pattern until one binds without error; all variables
     * of all patterns exist (unbound ones are null) */
    int nv = jq__pat_nvars(s->n->pat);
    for (int i = 0; i < s->n->nkids; i++)
        nv += jq__pat_nvars(s->n->kids[i]);
    jenv *frames = nv ? mem_calloc(J->heap, (size_t)nv, sizeof *frames) : NULL;
    jv *nul = jv_null(J);
    jenv *env = s->env;
    if (frames && nul) {
        int at = 0;
        jq__pat_nulls(s->n->pat, frames, &at, &env, nul);
        for (int i = 0; i < s->n->nkids; i++)
            jq__pat_nulls(s->n->kids[i], frames, &at, &env, nul);
    }
    int r = jq__bind(J, s->n->pat, v, env, jq__as_body, &a);
    for (int i = 0; r == JQ_ERR && i < s->n->nkids; i++) {
        jv_unref(J, J->err);
        J->err = NULL;
        r = jq__bind(J, s->n->kids[i], v, env, jq__as_body, &a);
    }
    mem_free(J->heap, frames);
    jv_unref(J, nul);
    return r;
}

/* binary operators: rhs outer, lhs inner (jq's order) */
typedef struct jbin {
    const jnode *n;
    jv *in;
    jenv *env;
    jemit *k;
    jv *rhs;
} jbin;

static int jq__bin_lhs_fn(jq *J, jv *lhs, jv *path, void *ctx)
{
    jbin *b = ctx;
    const jnode *n = b->n;
    jv *r;
    if (n->kind == JN_BINOP) {
        r = jq__binop(J, n->op, lhs, b->rhs);
        if (!r)
            return JQ_ERR;
    } else {
        int c = jv_cmp(lhs, b->rhs);
        bool t = n->op == '=' ? c == 0 : n->op == '!' ? c != 0 : n->op == '<' ? c < 0
               : n->op == 'l' ? c <= 0 : n->op == '>' ? c > 0 : c >= 0;
        r = jv_bool(J, t);
    }
    int st = jq__emit(J, b->k, r, NULL);
    jv_unref(J, r);
    return st;
}

static int jq__bin_rhs_fn(jq *J, jv *rhs, jv *path, void *ctx)
{
    jbin *b = ctx;
    b->rhs = rhs;
    jemit k = {jq__bin_lhs_fn, b};
    return ev(J, b->n->a, b->in, NULL, b->env, &k);
}

/* and / or: lhs outer, short-circuit */
typedef struct jlogic {
    const jnode *n;
    jv *in;
    jenv *env;
    jemit *k;
} jlogic;

static int jq__logic_rhs_fn(jq *J, jv *r, jv *path, void *ctx)
{
    jlogic *l = ctx;
    jv *b = jv_bool(J, jv_truthy(r));
    int st = jq__emit(J, l->k, b, NULL);
    jv_unref(J, b);
    return st;
}

static int jq__logic_lhs_fn(jq *J, jv *lv, jv *path, void *ctx)
{
    jlogic *l = ctx;
    bool t = jv_truthy(lv);
    if (l->n->kind == JN_AND ? !t : t) {
        jv *b = jv_bool(J, l->n->kind == JN_OR);
        int st = jq__emit(J, l->k, b, NULL);
        jv_unref(J, b);
        return st;
    }
    jemit k = {jq__logic_rhs_fn, l};
    return ev(J, l->n->b, l->in, NULL, l->env, &k);
}

/* alternative a // b: outputs of a that are truthy, else all of b */
typedef struct jalt {
    jemit *k;
    bool any;
} jalt;

static int jq__alt_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jalt *a = ctx;
    if (!jv_truthy(v))
        return JQ_OK;
    a->any = true;
    return jq__emit(J, a->k, v, path);
}

/* if */
typedef struct jif {
    const jnode *n;
    jv *in, *path;
    jenv *env;
    jemit *k;
} jif;

static int jq__if_fn(jq *J, jv *c, jv *p, void *ctx)
{
    jif *f = ctx;
    const jnode *br = jv_truthy(c) ? f->n->b : f->n->c;
    if (!br)
        return jq__emit(J, f->k, f->in, f->path);
    return ev(J, br, f->in, f->path, f->env, f->k);
}

/* try: errors of the body are caught, errors of what follows are not */
typedef struct jtry {
    jemit *k;
    bool downstream_err;
} jtry;

static int jq__try_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jtry *t = ctx;
    int st = jq__emit(J, t->k, v, path);
    if (st == JQ_ERR || st == JQ_HALT)
        t->downstream_err = true;
    return st;
}


/* array / object construction */
typedef struct jobj {
    const jnode *n;
    jv *in;
    jenv *env;
    jemit *k;
    int i;
    jv *acc;
    jv *key;
} jobj;

static int jq__obj_from(jq *J, jobj *o, int i, jv *acc);

static int jq__obj_val_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jobj *o = ctx;
    jv *acc = jv_obj_set(J, jv_ref(o->acc), jv_ref(o->key), jv_ref(v));
    int st = jq__obj_from(J, o, o->i + 2, acc);
    jv_unref(J, acc);
    return st;
}

static int jq__obj_key_fn(jq *J, jv *key, jv *path, void *ctx)
{
    jobj *o = ctx;
    if (key->kind != JV_STRING) {
        char *d = jq__desc(J, key);
        return jq__errf(J, "Cannot use %s as object key", d);
    }
    jobj sub = *o;
    sub.key = key;
    jemit k = {jq__obj_val_fn, &sub};
    return ev(J, o->n->kids[o->i + 1], o->in, NULL, o->env, &k);
}

static int jq__obj_from(jq *J, jobj *o, int i, jv *acc)
{
    if (i >= o->n->nkids)
        return jq__emit(J, o->k, acc, NULL);
    jobj sub = *o;
    sub.i = i;
    sub.acc = acc;
    const jnode *keynode = o->n->kids[i];
    jemit k = {jq__obj_key_fn, &sub};
    if (keynode->kind == JN_FORMAT) {
        jv *name = jv_strz(J, keynode->name);
        int st = jq__obj_key_fn(J, name, NULL, &sub);
        jv_unref(J, name);
        return st;
    }
    return ev(J, keynode, o->in, NULL, o->env, &k);
}

/* reduce / foreach */
typedef struct jred {
    const jnode *n;
    jv *acc;
    jenv *env;
    jemit *k;     /* foreach: the output continuation */
    int status;
} jred;

static int jq__red_update_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jred *r = ctx;
    jv_unref(J, r->acc);
    r->acc = jv_ref(v);
    return JQ_OK;
}

typedef struct jfe_ctx {
    jred *r;
    jenv *env;
} jfe_ctx;

static int jq__fe_update_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jfe_ctx *f = ctx;
    jred *r = f->r;
    jv_unref(J, r->acc);
    r->acc = jv_ref(v);
    if (!r->n->d)
        return jq__emit(J, r->k, v, NULL);
    return ev(J, r->n->d, v, NULL, f->env, r->k);
}

static int jq__red_bound(jq *J, jenv *env, void *ctx)
{
    jred *r = ctx;
    jv *acc = jv_ref(r->acc);
    int st;
    if (r->n->kind == JN_REDUCE) {
        /* the last output of the update is the new state; none: null */
        jv_unref(J, r->acc);
        r->acc = jv_null(J);
        jemit k = {jq__red_update_fn, r};
        st = ev(J, r->n->c, acc, NULL, env, &k);
    } else {
        jfe_ctx f = {r, env};
        jemit k = {jq__fe_update_fn, &f};
        st = ev(J, r->n->c, acc, NULL, env, &k);
    }
    jv_unref(J, acc);
    return st;
}

typedef struct jred_src {
    jred *r;
    jenv *env;
} jred_src;

static int jq__red_src_fn(jq *J, jv *x, jv *path, void *ctx)
{
    jred_src *s = ctx;
    return jq__bind(J, s->r->n->pat, x, s->env, jq__red_bound, s->r);
}

typedef struct jred_init {
    const jnode *n;
    jv *in;
    jenv *env;
    jemit *k;
} jred_init;

static int jq__red_init_fn(jq *J, jv *init, jv *path, void *ctx)
{
    jred_init *ri = ctx;
    jred r = {ri->n, jv_ref(init), ri->env, ri->k, 0};
    jred_src s = {&r, ri->env};
    jemit k = {jq__red_src_fn, &s};
    int st = ev(J, ri->n->a, ri->in, NULL, ri->env, &k);
    if (st == JQ_OK && ri->n->kind == JN_REDUCE)
        st = jq__emit(J, ri->k, r.acc, NULL);
    jv_unref(J, r.acc);
    return st;
}

/* string interpolation */
typedef struct jstr {
    const jnode *n;
    jv *in;
    jenv *env;
    jemit *k;
} jstr;

static int jq__str_from(jq *J, jstr *s, int i, vbuf *acc);

typedef struct jstr_part {
    jstr *s;
    int i;
    vbuf *acc;
} jstr_part;

static int jq__str_part_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jstr_part *p = ctx;
    jv *f = jq__format(J, p->s->n->name ? p->s->n->name : "text", v);
    if (!f)
        return JQ_ERR;
    size_t before = p->acc->len;
    vbuf_add(p->acc, f->u.str.s, f->u.str.len);
    jv_unref(J, f);
    int st = jq__str_from(J, p->s, p->i + 1, p->acc);
    p->acc->len = before;
    if (p->acc->data)
        p->acc->data[before] = '\0';
    return st;
}

static int jq__str_from(jq *J, jstr *s, int i, vbuf *acc)
{
    const jnode *n = s->n;
    /* literal parts alternate with expressions */
    for (; i < n->nkids; i++) {
        const jnode *part = n->kids[i];
        if (i % 2 == 0) {
            if (part->kind == JN_LITERAL && part->val->kind == JV_STRING)
                vbuf_add(acc, part->val->u.str.s, part->val->u.str.len);
            continue;
        }
        size_t before = acc->len;
        jstr_part p = {s, i, acc};
        jemit k = {jq__str_part_fn, &p};
        int st = ev(J, part, s->in, NULL, s->env, &k);
        acc->len = before;
        if (acc->data)
            acc->data[before] = '\0';
        return st;
    }
    jv *r = jv_str(J, vbuf_str(acc), acc->len);
    int st = jq__emit(J, s->k, r, NULL);
    jv_unref(J, r);
    return st;
}

/* ------------------------------------------------------------------ recursion (..) */
static int jq__recurse(jq *J, jv *v, jv *path, jemit *k, int depth)
{
    if (depth > 10000)
        return jq__errf(J, "recursion too deep");
    int st = jq__emit(J, k, v, path);
    if (st)
        return st;
    if (v->kind == JV_ARRAY) {
        for (size_t i = 0; i < v->u.arr.n; i++) {
            jv *p = path ? jq__path_add(J, path, jv_num(J, (double)i)) : NULL;
            jv *x = jv_ref(v->u.arr.v[i]);
            st = jq__recurse(J, x, p, k, depth + 1);
            jv_unref(J, x);
            jv_unref(J, p);
            if (st)
                return st;
        }
    } else if (v->kind == JV_OBJECT) {
        for (size_t i = 0; i < v->u.obj.n; i++) {
            jv *p = path ? jq__path_add(J, path, jv_ref(v->u.obj.e[i].key)) : NULL;
            jv *x = jv_ref(v->u.obj.e[i].val);
            st = jq__recurse(J, x, p, k, depth + 1);
            jv_unref(J, x);
            jv_unref(J, p);
            if (st)
                return st;
        }
    }
    return JQ_OK;
}

/* ------------------------------------------------------------------ calls */
typedef struct jcall_args {
    const jnode *call;
    const jnode *def;
    jenv *defenv;
    jenv *callenv;
    jv *in, *path;
    jemit *k;
    int i;
    jenv *bound;   /* chain of parameter bindings so far */
} jcall_args;

static int jq__call_bind(jq *J, jcall_args *a, int i, jenv *bound);

typedef struct jcall_val {
    jcall_args *a;
    int i;
    jenv *bound;
} jcall_val;

static int jq__call_val_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jcall_val *cv = ctx;
    const char *pname = cv->a->def->params[cv->i] + 1; /* "$name" */
    /* $name binds a variable and a function name/0 returning it */
    jenv ev1 = {.up = cv->bound, .kind = JE_VAR, .name = pname, .val = v};
    jnode *lit = mem_calloc(J->heap, 1, sizeof *lit);
    if (!lit)
        return jq__errf(J, "out of memory");
    lit->kind = JN_LITERAL;
    lit->val = jv_ref(v);
    jenv ev2 = {.up = &ev1, .kind = JE_CLOSURE, .name = pname, .arity = 0, .body = lit,
                .bodyenv = NULL};
    int st = jq__call_bind(J, cv->a, cv->i + 1, &ev2);
    jv_unref(J, lit->val);
    mem_free(J->heap, lit);
    return st;
}

static int jq__call_bind(jq *J, jcall_args *a, int i, jenv *bound)
{
    const jnode *def = a->def;
    if (i >= def->nparams) {
        ++J->depth;
        if (jq__deep(J)) {
            J->depth--;
            return jq__errf(J, "function call nesting too deep (limit %d)", JQ_MAX_DEPTH);
        }
        int st = ev(J, def->a, a->in, a->path, bound, a->k);
        J->depth--;
        return st;
    }
    const char *p = def->params[i];
    if (p[0] == '$') {
        jcall_val cv = {a, i, bound};
        jemit k = {jq__call_val_fn, &cv};
        return ev(J, a->call->kids[i], a->in, NULL, a->callenv, &k);
    }
    jenv e = {.up = bound, .kind = JE_CLOSURE, .name = p, .arity = 0, .body = a->call->kids[i],
              .bodyenv = a->callenv};
    return jq__call_bind(J, a, i + 1, &e);
}

static int jq__call(jq *J, const jnode *n, jv *in, jv *path, jenv *env, jemit *k)
{
    jenv *f = jq__lookup_fn(env, n->name, n->nkids);
    if (!f)
        return jq_call_builtin(J, n, in, path, env, k);
    if (f->kind == JE_CLOSURE) {
        if (!f->body)
            return JQ_OK;
        ++J->depth;
        if (jq__deep(J)) {
            J->depth--;
            return jq__errf(J, "function call nesting too deep (limit %d)", JQ_MAX_DEPTH);
        }
        int st = ev(J, f->body, in, path, f->bodyenv, k);
        J->depth--;
        return st;
    }
    /* the function sees its own definition (recursion) and its params */
    jenv self = {.up = f->defenv, .kind = JE_FUNC, .name = f->name, .arity = f->arity,
                 .def = f->def, .defenv = f->defenv};
    jcall_args a = {n, f->def, f->defenv, env, in, path, k, 0, &self};
    return jq__call_bind(J, &a, 0, &self);
}

/* ------------------------------------------------------------------ assignment */
typedef struct jassign {
    const jnode *n;
    jv *in;
    jenv *env;
    jemit *k;
    jv *rhs;          /* '=' and arithmetic: the value from the right side */
    jv *acc;          /* the document being updated */
    int status;
} jassign;

static int jq__assign_path_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jassign *a = ctx;
    if (!path)
        return jq__errf(J, "Invalid path expression");
    jv *cur = jq__getpath(J, a->acc, path);
    if (!cur)
        return JQ_ERR;
    jv *nv = NULL;
    int op = a->n->op;
    if (op == '=') {
        nv = jv_ref(a->rhs);
    } else if (op == '|') {
        jfirst f;
        int st = jq__first(J, a->n->b, cur, NULL, a->env, &f);
        if (st) {
            jv_unref(J, cur);
            return st;
        }
        if (!f.got) {
            /* update produced nothing: the path is deleted */
            jv *ps = jv_arr_push(J, jv_arr(J), jv_ref(path));
            jv *r = jq__delpaths(J, a->acc, ps);
            jv_unref(J, ps);
            jv_unref(J, cur);
            a->acc = r;
            return r ? JQ_OK : JQ_ERR;
        }
        nv = f.v;
        jv_unref(J, f.path);
    } else if (op == 'a') {
        nv = jv_truthy(cur) ? jv_ref(cur) : jv_ref(a->rhs);
    } else {
        nv = jq__binop(J, op, cur, a->rhs);
    }
    jv_unref(J, cur);
    if (!nv)
        return JQ_ERR;
    jv *r = jq__setpath(J, a->acc, path, 0, nv);
    a->acc = r;
    return r ? JQ_OK : JQ_ERR;
}

static int jq__assign_run(jq *J, jassign *a)
{
    a->acc = jv_ref(a->in);
    jv *root = jv_arr(J);
    jemit k = {jq__assign_path_fn, a};
    int st = ev(J, a->n->a, a->in, root, a->env, &k);
    jv_unref(J, root);
    if (st == JQ_OK)
        st = jq__emit(J, a->k, a->acc, NULL);
    jv_unref(J, a->acc);
    a->acc = NULL;
    return st;
}

static int jq__assign_rhs_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jassign *a = ctx;
    a->rhs = v;
    return jq__assign_run(J, a);
}


/* ------------------------------------------------------------------ index ops */
typedef struct jidx {
    const jnode *n;
    jv *subject, *spath;
    jv *dot;
    jenv *env;
    jemit *k;
    jv *from;
} jidx;

static int jq__idx_key_fn(jq *J, jv *key, jv *p, void *ctx)
{
    jidx *ic = ctx;
    jv *r = jq__index(J, ic->subject, key);
    if (!r)
        return JQ_ERR;
    jv *np = ic->spath ? jq__path_add(J, ic->spath, jv_ref(key)) : NULL;
    int st = jq__emit(J, ic->k, r, np);
    jv_unref(J, r);
    jv_unref(J, np);
    return st;
}

static int jq__slice_to_fn(jq *J, jv *to, jv *p, void *ctx)
{
    jidx *ic = ctx;
    jv *r = jq__slice(J, ic->subject, ic->from, to);
    if (!r)
        return JQ_ERR;
    jv *np = NULL;
    if (ic->spath) {
        jv *key = jv_obj(J);
        key = jv_obj_set(J, key, jv_strz(J, "start"), ic->from ? jv_ref(ic->from) : jv_null(J));
        key = jv_obj_set(J, key, jv_strz(J, "end"), to ? jv_ref(to) : jv_null(J));
        np = jq__path_add(J, ic->spath, key);
    }
    int st = jq__emit(J, ic->k, r, np);
    jv_unref(J, r);
    jv_unref(J, np);
    return st;
}

static int jq__slice_from_fn(jq *J, jv *from, jv *p, void *ctx)
{
    jidx ic = *(jidx *)ctx;
    ic.from = from;
    if (!ic.n->c)
        return jq__slice_to_fn(J, NULL, NULL, &ic);
    jemit k = {jq__slice_to_fn, &ic};
    return ev(J, ic.n->c, ic.dot, NULL, ic.env, &k);
}

/* Applies node n's index operation (.name, [e], [e:f], []) to subject. */
static int jq__apply_index(jq *J, const jnode *n, jv *subject, jv *spath, jv *dot, jenv *env,
                           jemit *k)
{
    if (n->kind == JN_FIELD) {
        jv *key = jv_strz(J, n->name);
        jidx ic = {n, subject, spath, dot, env, k, NULL};
        int st = jq__idx_key_fn(J, key, NULL, &ic);
        jv_unref(J, key);
        return st;
    }
    if (n->kind == JN_ITERATE) {
        jv *hold = jv_ref(subject);
        int st = JQ_OK;
        if (hold->kind == JV_ARRAY) {
            for (size_t i = 0; i < hold->u.arr.n && !st; i++) {
                jv *p = spath ? jq__path_add(J, spath, jv_num(J, (double)i)) : NULL;
                st = jq__emit(J, k, hold->u.arr.v[i], p);
                jv_unref(J, p);
            }
        } else if (hold->kind == JV_OBJECT) {
            for (size_t i = 0; i < hold->u.obj.n && !st; i++) {
                jv *p = spath ? jq__path_add(J, spath, jv_ref(hold->u.obj.e[i].key)) : NULL;
                st = jq__emit(J, k, hold->u.obj.e[i].val, p);
                jv_unref(J, p);
            }
        } else {
            char *d = jq__desc(J, hold);
            st = jq__errf(J, "Cannot iterate over %s", d);
        }
        jv_unref(J, hold);
        return st;
    }
    jidx ic = {n, subject, spath, dot, env, k, NULL};
    if (n->kind == JN_SLICE) {
        if (!n->b)
            return jq__slice_from_fn(J, NULL, NULL, &ic);
        jemit kf = {jq__slice_from_fn, &ic};
        return ev(J, n->b, dot, NULL, env, &kf);
    }
    jemit kk = {jq__idx_key_fn, &ic};
    return ev(J, n->b, dot, NULL, env, &kk);
}

typedef struct jsubject {
    const jnode *n;
    jv *dot;
    jenv *env;
    jemit *k;
} jsubject;

static int jq__subject_fn(jq *J, jv *v, jv *p, void *ctx)
{
    jsubject *s = ctx;
    return jq__apply_index(J, s->n, v, p, s->dot, s->env, s->k);
}

/* ------------------------------------------------------------------ eval */
typedef struct jlimit {
    jemit *k;
    long n, seen;
    bool self;
} jlimit;


/* a value where a path expression was needed: jq names it (its text cut
 * to 29 bytes, as jq's error buffer) */
static int jq__badpath_fn(jq *J, jv *v, jv *path, void *ctx)
{
    (void)path;
    (void)ctx;
    vbuf b;
    vbuf_init(&b, J->heap);
    jv_dump(J, v, 0, 0, &b);
    if (b.len > 29) {
        b.len = 26;
        vbuf_adds(&b, "...");
    }
    int st = jq__errf(J, "Invalid path expression with result %s", vbuf_str(&b));
    vbuf_free(&b);
    return st;
}

static int ev(jq *J, const jnode *n, jv *in, jv *path, jenv *env, jemit *k)
{
    switch (n->kind) {
    case JN_IDENTITY:
        return jq__emit(J, k, in, path);
    case JN_RECURSE:
        return jq__recurse(J, in, path, k, 0);
    case JN_LITERAL:
        if (path) {
            vbuf b;
            vbuf_init(&b, J->heap);
            jv_dump(J, n->val, 0, 0, &b);
            int st = jq__errf(J, "Invalid path expression with result %s", vbuf_str(&b));
            vbuf_free(&b);
            return st;
        }
        return jq__emit(J, k, n->val, NULL);
    case JN_STRING: {
        if (path)
            return jq__errf(J, "Invalid path expression with result string");
        jstr s = {n, in, env, k};
        vbuf acc;
        vbuf_init(&acc, J->heap);
        int st = jq__str_from(J, &s, 0, &acc);
        vbuf_free(&acc);
        return st;
    }
    case JN_FORMAT: {
        jv *r = jq__format(J, n->name, in);
        if (!r)
            return JQ_ERR;
        int st = jq__emit(J, k, r, NULL);
        jv_unref(J, r);
        return st;
    }
    case JN_FIELD:
    case JN_INDEX:
    case JN_SLICE:
    case JN_ITERATE: {
        if (!n->a)
            return jq__apply_index(J, n, in, path, in, env, k);
        /* the subject's outputs are indexed; index expressions see "." */
        jsubject sc = {n, in, env, k};
        jemit kk = {jq__subject_fn, &sc};
        return ev(J, n->a, in, path, env, &kk);
    }
    case JN_TRY: {
        jtry t = {k, false};
        jemit kk = {jq__try_fn, &t};
        int st = ev(J, n->a, in, path, env, &kk);
        if (st != JQ_ERR || t.downstream_err)
            return st;
        if (mem_heap_failed(J->heap) && jq__limited(J))
            return JQ_HALT; /* out of memory: not an error to catch */
        if (J->err && J->err->kind == JV_OBJECT && jv_obj_get(J->err, "__jq", 4)) {
            /* break out of a label: not an error to catch */
            return st;
        }
        jv *e = J->err;
        J->err = NULL;
        if (!n->b) {
            jv_unref(J, e);
            return JQ_OK;
        }
        jv *msg = e ? e : jv_null(J);
        int r = ev(J, n->b, msg, NULL, env, k);
        jv_unref(J, msg);
        return r;
    }
    case JN_ARRAY: {
        if (path)
            return jq__errf(J, "Invalid path expression with result array");
        jcollect c = {jv_arr(J)};
        if (n->a) {
            jemit kk = {jq__collect_fn, &c};
            int st = ev(J, n->a, in, NULL, env, &kk);
            if (st) {
                jv_unref(J, c.arr);
                return st;
            }
        }
        int st = jq__emit(J, k, c.arr, NULL);
        jv_unref(J, c.arr);
        return st;
    }
    case JN_OBJECT: {
        if (path)
            return jq__errf(J, "Invalid path expression with result object");
        jobj o = {n, in, env, k, 0, NULL, NULL};
        jv *acc = jv_obj(J);
        int st = jq__obj_from(J, &o, 0, acc);
        jv_unref(J, acc);
        return st;
    }
    case JN_NEG: {
        if (path)
            return ev(J, n, in, NULL, env, &(jemit){jq__badpath_fn, NULL});
        jcollect c = {jv_arr(J)};
        jemit kk = {jq__collect_fn, &c};
        int st = ev(J, n->a, in, NULL, env, &kk);
        for (size_t i = 0; !st && i < c.arr->u.arr.n; i++) {
            jv *x = c.arr->u.arr.v[i];
            if (x->kind != JV_NUMBER) {
                char *d = jq__desc(J, x);
                st = jq__errf(J, "%s cannot be negated", d);
                break;
            }
            jv *r = jv_num(J, -x->u.num.n);
            st = jq__emit(J, k, r, NULL);
            jv_unref(J, r);
        }
        jv_unref(J, c.arr);
        return st;
    }
    case JN_PIPE: {
        jpipe p = {n->b, env, k};
        jemit kk = {jq__pipe_fn, &p};
        return ev(J, n->a, in, path, env, &kk);
    }
    case JN_COMMA: {
        int st = ev(J, n->a, in, path, env, k);
        if (st)
            return st;
        return ev(J, n->b, in, path, env, k);
    }
    case JN_ALT: {
        jalt a = {k, false};
        jemit kk = {jq__alt_fn, &a};
        int st = ev(J, n->a, in, path, env, &kk);
        if (st || a.any)
            return st;
        return ev(J, n->b, in, path, env, k);
    }
    case JN_AND:
    case JN_OR: {
        if (path)
            return ev(J, n, in, NULL, env, &(jemit){jq__badpath_fn, NULL});
        jlogic l = {n, in, env, k};
        jemit kk = {jq__logic_lhs_fn, &l};
        return ev(J, n->a, in, NULL, env, &kk);
    }
    case JN_BINOP:
    case JN_CMP: {
        if (path)
            return ev(J, n, in, NULL, env, &(jemit){jq__badpath_fn, NULL});
        jbin b = {n, in, env, k, NULL};
        jemit kk = {jq__bin_rhs_fn, &b};
        return ev(J, n->b, in, NULL, env, &kk);
    }
    case JN_ASSIGN: {
        if (path)
            return ev(J, n, in, NULL, env, &(jemit){jq__badpath_fn, NULL});
        jassign a = {n, in, env, k, NULL, NULL, 0};
        if (n->op == '|')
            return jq__assign_run(J, &a);
        jemit kk = {jq__assign_rhs_fn, &a};
        return ev(J, n->b, in, NULL, env, &kk);
    }
    case JN_IF: {
        jif f = {n, in, path, env, k};
        jemit kk = {jq__if_fn, &f};
        return ev(J, n->a, in, NULL, env, &kk);
    }
    case JN_REDUCE:
    case JN_FOREACH: {
        if (path && n->kind == JN_REDUCE)
            return ev(J, n, in, NULL, env, &(jemit){jq__badpath_fn, NULL});
        jred_init ri = {n, in, env, k};
        jemit kk = {jq__red_init_fn, &ri};
        return ev(J, n->b, in, NULL, env, &kk);
    }
    case JN_FUNCDEF: {
        jenv e = {.up = env, .kind = JE_FUNC, .name = n->name, .arity = n->nparams, .def = n};
        e.defenv = &e;
        return ev(J, n->b, in, path, &e, k);
    }
    case JN_CALL:
        return jq__call(J, n, in, path, env, k);
    case JN_VAR: {
        if (path)
            return jq__errf(J, "Invalid path expression with result $%s", n->name);
        jv *v = jq__lookup_var(J, env, n->name);
        if (!v) {
            if (strcmp(n->name, "ARGS") == 0) {
                jv *o = jv_obj(J);
                o = jv_obj_set(J, o, jv_strz(J, "positional"), jv_ref(J->positional));
                o = jv_obj_set(J, o, jv_strz(J, "named"), jv_ref(J->named_args));
                int st = jq__emit(J, k, o, NULL);
                jv_unref(J, o);
                return st;
            }
            return jq__errf(J, "$%s is not defined", n->name);
        }
        return jq__emit(J, k, v, NULL);
    }
    case JN_AS: {
        jas_src s = {n, in, path, env, k};
        jemit kk = {jq__as_src_fn, &s};
        return ev(J, n->a, in, NULL, env, &kk);
    }
    case JN_LABEL: {
        jenv e = {.up = env, .kind = JE_LABEL, .name = n->name, .label = ++J->label_seq};
        int st = ev(J, n->a, in, path, &e, k);
        if (st == JQ_BREAK && J->break_label == e.label)
            return JQ_OK;
        return st;
    }
    case JN_BREAK: {
        for (jenv *e = env; e; e = e->up) {
            if (e->kind == JE_LABEL && strcmp(e->name, n->name) == 0) {
                J->break_label = e->label;
                return JQ_BREAK;
            }
        }
        return jq__errf(J, "$*label-%s is not defined", n->name);
    }
    case JN_PATTERN:
        break;
    }
    return jq__errf(J, "internal error: node %d", n->kind);
}

#include "builtins/jq_builtins.inc"

/* ------------------------------------------------------------------ set-up and checks */
/* The prelude's definitions as one environment every program sees. */
static jenv *jq__prelude_env(jq *J)
{
    if (J->prelude)
        return J->prelude;
    /* the definitions need a body to be a program: "." */
    char *err = NULL;
    char *src = mem_printf(J->heap, "%s .", jq_prelude);
    jnode *n = src ? jq_compile(J, src, strlen(src), &err) : NULL;
    if (!n && err) {
        bi_err(J->cmd, "internal error in the builtin definitions: %s", err);
        return NULL;
    }
    jenv *head = NULL;
    jenv **all = NULL;
    size_t count = 0;
    for (jnode *d = n; d && d->kind == JN_FUNCDEF; d = d->b) {
        jenv *e = mem_calloc(J->heap, 1, sizeof *e);
        jenv **na = mem_realloc(J->heap, all, sizeof(jenv *) * (count + 1));
        if (!e || !na)
            break;
        all = na;
        all[count++] = e;
        *e = (jenv){.up = head, .kind = JE_FUNC, .name = d->name, .arity = d->nparams, .def = d};
        head = e;
    }
    for (size_t i = 0; i < count; i++)
        all[i]->defenv = head;
    mem_free(J->heap, all);
    J->prelude = head;
    return head;
}

typedef struct jscope {
    struct jscope *up;
    const char *name;
    int arity;      /* -1: a variable */
} jscope;

static bool jq__scope_has(jq *J, const jscope *s, const char *name, int arity)
{
    for (; s; s = s->up)
        if (s->arity == arity && strcmp(s->name, name) == 0)
            return true;
    if (arity < 0) {
        for (int i = 0; i < J->nvars; i++)
            if (strcmp(J->varnames[i], name) == 0)
                return true;
        return strcmp(name, "ENV") == 0 || strcmp(name, "__loc__") == 0 ||
               strcmp(name, "ARGS") == 0;
    }
    if (jq__lookup_fn(jq__prelude_env(J), name, arity))
        return true;
    return jq__find_builtin(name, arity) != NULL;
}

/* Compile-time check of names, as jq reports them: every undefined function,
 * variable and label, in the order jq compiles the program (a block's own
 * code first, then the bodies of its definitions and the closure arguments
 * of its calls, each in turn); definitions the program never calls are
 * dropped unchecked, and the arguments of an undefined call are not looked
 * at. */
typedef struct jchk jchk;
struct jchk {
    char **msg;             /* this block's own errors */
    int *off;
    int n;
    jchk **sub;             /* its deferred blocks, in order */
    int nsub;
};

static void jq__chk_err(jq *J, jchk *c, int off, char *msg)
{
    char **m = mem_realloc(J->heap, c->msg, sizeof(char *) * (size_t)(c->n + 1));
    if (m)
        c->msg = m;
    int *o = mem_realloc(J->heap, c->off, sizeof(int) * (size_t)(c->n + 1));
    if (o)
        c->off = o;
    if (!m || !o || !msg)
        return;
    c->msg[c->n] = msg;
    c->off[c->n] = off;
    c->n++;
}

static jchk *jq__chk_sub(jq *J, jchk *c)
{
    jchk *k = mem_calloc(J->heap, 1, sizeof *k);
    jchk **a = k ? mem_realloc(J->heap, c->sub, sizeof(jchk *) * (size_t)(c->nsub + 1)) : NULL;
    if (!a)
        return c;
    c->sub = a;
    c->sub[c->nsub++] = k;
    return k;
}

static void jq__check(jq *J, const jnode *n, const jscope *s, jchk *c);

static void jq__check_pattern(jq *J, const jnode *p, const jscope *s, jscope *vars, int *nv, jchk *c)
{
    if (!p)
        return;
    if (p->op == 'v') {
        vars[*nv] = (jscope){NULL, p->name, -1};
        (*nv)++;
        return;
    }
    for (int i = 0; i < p->nkids; i++) {
        const jnode *k = p->kids[i];
        if (!k)
            continue;
        if (k->kind == JN_PATTERN) {
            jq__check_pattern(J, k, s, vars, nv, c);
        } else if (k->kind == JN_VAR && p->op == 'o' && i % 2 == 0) {
            vars[*nv] = (jscope){NULL, k->name, -1};
            (*nv)++;
        } else {
            jq__check(J, k, s, c);
        }
    }
}

static int jq__pattern_vars(const jnode *p)
{
    if (!p)
        return 0;
    int n = p->op == 'v' ? 1 : 0;
    for (int i = 0; i < p->nkids; i++)
        n += p->kids[i] ? (p->kids[i]->kind == JN_PATTERN ? jq__pattern_vars(p->kids[i]) : 1) : 0;
    return n;
}

/* Binds the pattern's variables (plus alternatives') then checks body. */
static void jq__check_bound(jq *J, const jnode *pat, jnode *const *alts, int nalts,
                            const jnode *body, const jnode *body2, const jnode *body3,
                            const jscope *s, jchk *c)
{
    int cap = jq__pattern_vars(pat);
    for (int i = 0; i < nalts; i++)
        cap += jq__pattern_vars(alts[i]);
    jscope *vars = mem_calloc(J->heap, (size_t)cap + 1, sizeof *vars);
    if (!vars)
        return;
    int nv = 0;
    jq__check_pattern(J, pat, s, vars, &nv, c);
    for (int i = 0; i < nalts; i++)
        jq__check_pattern(J, alts[i], s, vars, &nv, c);
    const jscope *top = s;
    for (int i = 0; i < nv; i++) {
        vars[i].up = (jscope *)top;
        top = &vars[i];
    }
    jq__check(J, body, top, c);
    jq__check(J, body2, top, c);
    jq__check(J, body3, top, c);
    mem_free(J->heap, vars);
}

/* Whether a call of name/arity appears in n (a definition is kept only then). */
static bool jq__calls(const jnode *n, const char *name, int arity, int depth)
{
    if (!n || depth > 10000)
        return false;
    if (n->kind == JN_CALL && n->nkids == arity && strcmp(n->name, name) == 0)
        return true;
    if (jq__calls(n->a, name, arity, depth + 1) || jq__calls(n->b, name, arity, depth + 1) ||
        jq__calls(n->c, name, arity, depth + 1) || jq__calls(n->d, name, arity, depth + 1) ||
        jq__calls(n->pat, name, arity, depth + 1))
        return true;
    for (int i = 0; i < n->nkids; i++)
        if (jq__calls(n->kids[i], name, arity, depth + 1))
            return true;
    return false;
}

/* jq's C-coded builtins with arguments: their arguments are compiled in line,
 * those of jq-defined functions are closures compiled afterwards. */
static bool jq__c_builtin(const char *name)
{
    static const char *const names[] = {
        "setpath", "getpath", "delpaths", "has", "contains", "startswith", "endswith",
        "ltrimstr", "rtrimstr", "split", "error", "format", "strftime", "strptime",
        "strflocaltime", "pow", "atan2", "fma", "fmin", "fmax", "fmod", "ldexp", "scalb",
        "scalbln", "nearbyint", "copysign", "drem", "nextafter", "nexttoward", "range",
        "splits", "implode", "min_by", "max_by", "group_by", "unique_by", "sort_by",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static bool jq__user_fn(const jscope *s, const char *name, int arity)
{
    for (; s; s = s->up)
        if (s->arity == arity && strcmp(s->name, name) == 0)
            return true;
    return false;
}

static void jq__check(jq *J, const jnode *n, const jscope *s, jchk *c)
{
    if (!n)
        return;
    if (J->depth > 2000)
        return;
    J->depth++;
    switch (n->kind) {
    case JN_CALL:
        if (!jq__scope_has(J, s, n->name, n->nkids)) {
            jq__chk_err(J, c, n->col, mem_printf(J->heap, "%s/%d is not defined", n->name, n->nkids));
        } else if (n->nkids) {
            bool inl = !jq__user_fn(s, n->name, n->nkids) && jq__c_builtin(n->name);
            for (int i = 0; i < n->nkids; i++)
                jq__check(J, n->kids[i], s, inl ? c : jq__chk_sub(J, c));
        }
        break;
    case JN_VAR:
        if (!jq__scope_has(J, s, n->name, -1))
            jq__chk_err(J, c, n->col, mem_printf(J->heap, "$%s is not defined", n->name));
        break;
    case JN_FUNCDEF: {
        jscope self = {(jscope *)s, n->name, n->nparams};
        if (jq__calls(n->b, n->name, n->nparams, 0)) {
            jscope *ps = mem_calloc(J->heap, (size_t)n->nparams * 2 + 1, sizeof *ps);
            const jscope *top = &self;
            for (int i = 0; ps && i < n->nparams; i++) {
                const char *p = n->params[i];
                if (p[0] == '$') {
                    ps[2 * i] = (jscope){(jscope *)top, p + 1, -1};
                    ps[2 * i + 1] = (jscope){&ps[2 * i], p + 1, 0};
                    top = &ps[2 * i + 1];
                } else {
                    ps[2 * i] = (jscope){(jscope *)top, p, 0};
                    top = &ps[2 * i];
                }
            }
            jchk *body = jq__chk_sub(J, c);
            jq__check(J, n->b, &self, c);
            jq__check(J, n->a, top, body);
            mem_free(J->heap, ps);
        } else {
            jq__check(J, n->b, &self, c);
        }
        break;
    }
    case JN_AS:
        jq__check(J, n->a, s, c);
        jq__check_bound(J, n->pat, n->kids, n->nkids, n->b, NULL, NULL, s, c);
        break;
    case JN_REDUCE:
    case JN_FOREACH:
        jq__check(J, n->b, s, c);
        jq__check(J, n->a, s, c);
        jq__check_bound(J, n->pat, NULL, 0, n->c, n->d, NULL, s, c);
        break;
    case JN_LABEL: {
        jscope l = {(jscope *)s, mem_printf(J->heap, "*label-%s", n->name), -1};
        jq__check(J, n->a, &l, c);
        break;
    }
    case JN_BREAK: {
        char *lname = mem_printf(J->heap, "*label-%s", n->name);
        const jscope *x = s;
        for (; x; x = x->up)
            if (x->arity == -1 && lname && strcmp(x->name, lname) == 0)
                break;
        if (!x)
            jq__chk_err(J, c, n->col, mem_printf(J->heap, "$*label-%s is not defined", n->name));
        break;
    }
    case JN_PATTERN:
        break;
    case JN_INDEX:
        jq__check(J, n->b, s, c);
        jq__check(J, n->a, s, c);
        break;
    case JN_SLICE:
        jq__check(J, n->b, s, c);
        jq__check(J, n->c, s, c);
        jq__check(J, n->a, s, c);
        break;
    case JN_ASSIGN:
        /* jq: a |= b and a = b call _modify(a; b) / _assign(a; b) (closures);
         * a op= b binds b first, then calls _modify(a; ...) */
        if (n->op == '=' || n->op == '|') {
            jq__check(J, n->a, s, jq__chk_sub(J, c));
            jq__check(J, n->b, s, jq__chk_sub(J, c));
        } else {
            jq__check(J, n->b, s, c);
            jq__check(J, n->a, s, jq__chk_sub(J, c));
        }
        break;
    default:
        jq__check(J, n->a, s, c);
        jq__check(J, n->b, s, c);
        jq__check(J, n->c, s, c);
        jq__check(J, n->d, s, c);
        for (int i = 0; i < n->nkids; i++)
            jq__check(J, n->kids[i], s, c);
        break;
    }
    J->depth--;
}

/* Writes c's errors then its deferred blocks' into b. */
static int jq__chk_print(jq *J, const jchk *c, const char *src, size_t len, vbuf *b, int depth)
{
    int count = 0;
    for (int i = 0; i < c->n; i++) {
        size_t off = c->off[i] >= 0 && (size_t)c->off[i] <= len ? (size_t)c->off[i] : 0;
        size_t ls = off;
        while (ls > 0 && src[ls - 1] != '\n')
            ls--;
        size_t le = off;
        while (le < len && src[le] != '\n')
            le++;
        int line = 1;
        for (size_t k = 0; k < ls; k++)
            line += src[k] == '\n';
        vbuf_printf(b, "jq: error: %s at <top-level>, line %d:\n%.*s%*s\n", c->msg[i], line,
                    (int)(le - ls), src + ls, (int)(off - ls), "");
        count++;
    }
    for (int i = 0; i < c->nsub && depth < 2000; i++)
        count += jq__chk_print(J, c->sub[i], src, len, b, depth + 1);
    return count;
}

char *jq_check_program(jq *J, const jnode *prog, const char *src, size_t len)
{
    jq__prelude_env(J);
    jchk top = {0};
    J->depth = 0;
    jq__check(J, prog, NULL, &top);
    J->depth = 0;
    vbuf b;
    vbuf_init(&b, J->heap);
    int count = jq__chk_print(J, &top, src, len, &b, 0);
    if (!count) {
        vbuf_free(&b);
        return NULL;
    }
    vbuf_printf(&b, "jq: %d compile error%s\n", count, count == 1 ? "" : "s");
    size_t n;
    return vbuf_take(&b, &n);
}

typedef struct jq_out_adapter {
    jq_emit_fn fn;
    void *ctx;
} jq_out_adapter;

static int jq__out_fn(jq *J, jv *v, jv *path, void *ctx)
{
    jq_out_adapter *a = ctx;
    return a->fn(J, v, a->ctx);
}

int jq_run(jq *J, jnode *prog, jv *input, jq_emit_fn emit, void *ctx)
{
    jenv *env = jq__prelude_env(J);
    jq_out_adapter a = {emit, ctx};
    jemit k = {jq__out_fn, &a};
    J->depth = 0;
    int st = ev(J, prog, input, NULL, env, &k);
    if (st == JQ_STOP)
        st = JQ_OK;
    if (st == JQ_BREAK)
        st = jq__errf(J, "break");
    /* an error that came from a failed allocation is the memory limit */
    if (st == JQ_ERR && mem_heap_failed(J->heap) && jq__limited(J))
        st = JQ_HALT;
    return st;
}
