/*
 * jq --stream: an incremental JSON parser that turns text into jq's
 * streaming events ([path, leaf] and [path] when a container closes) as the
 * bytes arrive. It keeps only the open containers' keys and the token being
 * read, so memory follows the nesting depth and the longest token, not the
 * input's size. Tokens (strings, numbers, literals) are decoded by the
 * whole-value parser once complete, so escapes, invalid UTF-8 and literal
 * numbers behave as everywhere else.
 */
#include <string.h>

#include "builtins/jq.h"

enum {
    JS_TOP,         /* between top-level values */
    JS_VALUE,       /* a value must come (after ',' in an array, after ':') */
    JS_ARR_FIRST,   /* after '[': a value or ']' */
    JS_OBJ_FIRST,   /* after '{': a key or '}' */
    JS_KEY,         /* after ',' in an object: a key */
    JS_COLON,       /* after a key */
    JS_AFTER,       /* after a value in a container: ',' or the closing bracket */
};

typedef struct js_frame {
    char kind;      /* '[' or '{' */
    long index;     /* arrays: the current element */
    jv *key;        /* objects: the current key (owned) */
} js_frame;

struct jv_sparser {
    int state;
    bool in_str, in_lit, esc;
    jv *pending;                /* a leaf's event waiting for what follows it */
    vbuf tok;                   /* the token being read */
    js_frame *fr;
    size_t nfr, cap;
    long line, col;             /* of the bytes consumed */
    char *err;
    bool failed;
};

jv_sparser *jv_sparser_new(jq *J)
{
    jv_sparser *p = mem_calloc(J->heap, 1, sizeof *p);
    if (!p)
        return NULL;
    vbuf_init(&p->tok, J->heap);
    p->line = 1;
    return p;
}

void jv_sparser_free(jq *J, jv_sparser *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nfr; i++)
        jv_unref(J, p->fr[i].key);
    mem_free(J->heap, p->fr);
    jv_unref(J, p->pending);
    vbuf_free(&p->tok);
    mem_free(J->heap, p->err);
    mem_free(J->heap, p);
}

int jv_sparser_line(const jv_sparser *p)
{
    return (int)p->line;
}

/* The message for an error shown by the byte just consumed (or at EOF). */
static void js__fail(jq *J, jv_sparser *p, const char *what, bool eof)
{
    if (p->failed)
        return;
    p->failed = true;
    p->err = mem_printf(J->heap, "%s%s at line %ld, column %ld", what, eof ? " at EOF" : "", p->line, p->col);
}

static jv *js__path(jq *J, jv_sparser *p, size_t depth)
{
    jv *a = jv_arr(J);
    for (size_t i = 0; i < depth && a; i++) {
        js_frame *f = &p->fr[i];
        a = jv_arr_push(J, a, f->kind == '[' ? jv_num(J, (double)f->index) : jv_ref(f->key));
    }
    return a;
}

/* Moves the event waiting for its container's next ',' or bracket out. */
static void js__flush(jq *J, jv_sparser *p, jv **events)
{
    if (p->pending) {
        *events = jv_arr_push(J, *events, p->pending);
        p->pending = NULL;
    }
}

/* [path, v]: takes v. Inside a container the event waits until what follows
 * the value shows it is well placed, as jq's streaming parser does. */
static void js__leaf(jq *J, jv_sparser *p, jv *v, jv **events)
{
    jv *ev = jv_arr(J);
    ev = jv_arr_push(J, ev, js__path(J, p, p->nfr));
    ev = jv_arr_push(J, ev, v);
    js__flush(J, p, events);
    if (p->nfr) {
        p->pending = ev;
        p->state = JS_AFTER;
    } else {
        *events = jv_arr_push(J, *events, ev);
        p->state = JS_TOP;
    }
}

static bool js__push(jq *J, jv_sparser *p, char kind)
{
    if (p->nfr >= 10000) {
        js__fail(J, p, "Exceeds depth limit for parsing", false);
        return false;
    }
    if (p->nfr == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 16;
        js_frame *n = mem_realloc(J->heap, p->fr, nc * sizeof *n);
        if (!n) {
            js__fail(J, p, "out of memory", false);
            return false;
        }
        p->fr = n;
        p->cap = nc;
    }
    p->fr[p->nfr++] = (js_frame){kind, 0, NULL};
    return true;
}

/* The closing bracket of a container that had elements: [path-to-last]. */
static void js__close(jq *J, jv_sparser *p, jv **events)
{
    js__flush(J, p, events);
    jv *ev = jv_arr(J);
    ev = jv_arr_push(J, ev, js__path(J, p, p->nfr));
    *events = jv_arr_push(J, *events, ev);
    p->nfr--;
    jv_unref(J, p->fr[p->nfr].key);
    p->state = p->nfr ? JS_AFTER : JS_TOP;
}

/* An empty container [] or {} ends as a leaf, whose event comes out at
 * once (jq waits only after scalars). */
static void js__close_empty(jq *J, jv_sparser *p, jv **events)
{
    char kind = p->fr[p->nfr - 1].kind;
    p->nfr--;
    jv_unref(J, p->fr[p->nfr].key);
    js__leaf(J, p, kind == '[' ? jv_arr(J) : jv_obj(J), events);
    js__flush(J, p, events);
}

/* A complete token in p->tok: a string (key or value) or a literal, placed
 * by the state it ends in. */
static void js__token(jq *J, jv_sparser *p, jv **events)
{
    size_t pos = 0;
    jv *v = NULL;
    char *err = NULL;
    bool str = p->tok.len && p->tok.data[0] == '"';
    int r = jv_parse_next(J, p->tok.data ? p->tok.data : "", p->tok.len, &pos, &v, &err);
    vbuf_clear(&p->tok);
    if (r != 1) {
        /* the whole-value parser's message, without its position */
        const char *m = err ? err : "Invalid literal";
        const char *at = strstr(m, " at ");
        char *what = mem_strndup(J->heap, m, at ? (size_t)(at - m) : strlen(m));
        js__fail(J, p, what ? what : "Invalid literal", false);
        mem_free(J->heap, what);
        return;
    }
    switch (p->state) {
    case JS_OBJ_FIRST:
    case JS_KEY:
        if (!str) {
            jv_unref(J, v);
            js__fail(J, p, "Object keys must be strings", false);
            return;
        }
        jv_unref(J, p->fr[p->nfr - 1].key);
        p->fr[p->nfr - 1].key = v;
        p->state = JS_COLON;
        return;
    case JS_COLON:
    case JS_AFTER:
        jv_unref(J, v);
        js__fail(J, p, "Expected separator between values", false);
        return;
    default:
        js__leaf(J, p, v, events);
        return;
    }
}

static bool js__delim(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' || c == '[' ||
           c == ']' || c == '{' || c == '}' || c == '"';
}

static void js__byte(jq *J, jv_sparser *p, char c, jv **events)
{
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        return;
    char top = p->nfr ? p->fr[p->nfr - 1].kind : 0;
    int st = p->state;
    switch (c) {
    case '"':
        p->in_str = true;
        vbuf_addc(&p->tok, c);
        return;
    case '[':
    case '{':
        /* jq's checks: '{' after any value, '[' after a key or a scalar
         * (a '[' right after a closed container opens a nested one) */
        if (st == JS_COLON || (st == JS_AFTER && (c == '{' || p->pending))) {
            js__fail(J, p, "Expected a separator between values", false);
            return;
        }
        if (st == JS_OBJ_FIRST || st == JS_KEY) {
            js__fail(J, p, "Object keys must be strings", false);
            return;
        }
        if (js__push(J, p, c))
            p->state = c == '[' ? JS_ARR_FIRST : JS_OBJ_FIRST;
        return;
    case ':':
        if (st == JS_COLON) {
            p->state = JS_VALUE;
            return;
        }
        js__fail(J, p, top != '{' ? "':' not as part of an object" : "Expected string key before ':'", false);
        return;
    case ',':
        if (st == JS_AFTER) {
            js__flush(J, p, events);
            if (top == '[') {
                p->fr[p->nfr - 1].index++;
                p->state = JS_VALUE;
            } else {
                p->state = JS_KEY;
            }
            return;
        }
        js__fail(J, p, st == JS_COLON ? "Objects must consist of key:value pairs" : "Expected value before ','", false);
        return;
    case ']':
    case '}': {
        char open = c == ']' ? '[' : '{';
        if (!top) {
            js__fail(J, p, c == ']' ? "Unmatched ']' at the top-level" : "Unmatched '}' at the top-level", false);
            return;
        }
        /* jq tests "after a comma" before the container's kind */
        if ((top == '[' && st == JS_VALUE) || (top == '{' && st == JS_KEY)) {
            js__fail(J, p, c == ']' ? "Expected another array element" : "Expected another key:value pair",
                     false);
            return;
        }
        if (top != open) {
            js__fail(J, p, c == ']' ? "Unmatched ']' in the middle of an object"
                                    : "Unmatched '}' in the middle of an array", false);
            return;
        }
        if (st == JS_AFTER) {
            js__close(J, p, events);
        } else if (st == JS_ARR_FIRST || st == JS_OBJ_FIRST) {
            js__close_empty(J, p, events);
        } else {
            js__fail(J, p, st == JS_COLON ? "Objects must consist of key:value pairs"
                                          : "Missing value in key:value pair", false);
        }
        return;
    }
    default:
        p->in_lit = true;
        vbuf_addc(&p->tok, c);
        return;
    }
}

int jv_sparser_feed(jq *J, jv_sparser *p, const char *buf, size_t n, bool eof, jv **events, char **err)
{
    for (size_t i = 0; i < n && !p->failed; i++) {
        char c = buf[i];
        /* strings run to their closing quote, literals to a delimiter */
        if (p->in_str) {
            vbuf_addc(&p->tok, c);
            if (p->esc) {
                p->esc = false;
            } else if (c == '\\') {
                p->esc = true;
            } else if (c == '"') {
                p->in_str = false;
                p->col++;
                js__token(J, p, events);
                continue;
            }
        } else if (p->in_lit && !js__delim(c)) {
            vbuf_addc(&p->tok, c);
        } else {
            if (p->in_lit) {
                /* an error in the literal is placed just after its delimiter */
                long line = p->line, col = p->col;
                if (c == '\n') {
                    p->line++;
                    p->col = 0;
                } else {
                    p->col++;
                }
                p->in_lit = false;
                js__token(J, p, events);
                if (p->failed)
                    break;   /* jq has counted the delimiter */
                p->line = line;
                p->col = col;
            }
            p->col++;
            js__byte(J, p, c, events);
            if (c == '\n' && !p->failed) {
                p->line++;
                p->col = 0;
            }
            continue;
        }
        if (c == '\n') {
            p->line++;
            p->col = 0;
        } else {
            p->col++;
        }
        if (p->tok.failed || mem_heap_failed(J->heap))
            js__fail(J, p, "out of memory", false);
    }
    if (eof && !p->failed) {
        if (p->in_lit && p->nfr == 0) {
            p->in_lit = false;
            js__token(J, p, events);
        }
        if (!p->failed && p->in_str)
            js__fail(J, p, "Unfinished string", true);
        else if (!p->failed && (p->in_lit || p->state != JS_TOP))
            js__fail(J, p, "Unfinished JSON term", true);
        p->in_str = p->in_lit = false;
    }
    if (p->failed) {
        *err = p->err;
        p->err = NULL;
        return -1;
    }
    return 0;
}

/* --stream-errors: after a failed feed, jq's path at the error (array
 * indexes; an object's key once its ':' has been read, null before), and
 * the parser back at the top level with the open containers and the
 * waiting event dropped, as jq resets its parser. */
jv *jv_sparser_recover(jq *J, jv_sparser *p)
{
    jv *a = jv_arr(J);
    for (size_t i = 0; i < p->nfr && a; i++) {
        js_frame *f = &p->fr[i];
        bool last = i + 1 == p->nfr;
        if (f->kind == '[')
            a = jv_arr_push(J, a, jv_num(J, (double)f->index));
        else if (f->key && (!last || p->state == JS_VALUE || p->state == JS_AFTER))
            a = jv_arr_push(J, a, jv_ref(f->key));
        else
            a = jv_arr_push(J, a, jv_null(J));
    }
    for (size_t i = 0; i < p->nfr; i++)
        jv_unref(J, p->fr[i].key);
    p->nfr = 0;
    jv_unref(J, p->pending);
    p->pending = NULL;
    vbuf_clear(&p->tok);
    p->in_str = p->in_lit = p->esc = false;
    p->state = JS_TOP;
    mem_free(J->heap, p->err);
    p->err = NULL;
    p->failed = false;
    return a;
}
