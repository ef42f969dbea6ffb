/*
 * tar --transform / --xform: GNU tar 1.34's transform.c semantics.
 *
 * An argument holds expressions separated by ';': "s/REGEX/REPL/FLAGS"
 * (any delimiter; flags g, i, x, a number N, r R h H s S) or "flags=..."
 * (the default r/h/s flags of the expressions after it). REGEX is a POSIX
 * basic expression (extended with x), REPL may hold \0-\9, &, \L \U \l \u
 * \E and the C escapes \a \b \f \n \r \t \v.
 *
 * Applying follows GNU exactly, quirks included: each match is searched in
 * the rest of the name as a new string; an expression whose regex starts
 * with '^' or ends with '$' replaces only once, even with g; with a number
 * N, the text before each skipped match is written twice (GNU 1.34 does).
 * Deviation: an empty match under g moves on by one character, where GNU
 * loops forever.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/regex.h"
#include "builtins/tar_xform.h"

enum { XS_LIT, XS_REF, XS_CASE };
enum { XC_STOP, XC_UP1, XC_LO1, XC_UP, XC_LO };

typedef struct tar_xseg {
    int type;
    const char *lit;     /* XS_LIT */
    size_t len;
    int ref;             /* XS_REF */
    int ctl;             /* XS_CASE */
} tar_xseg;

struct tar_xexpr {
    struct tar_xexpr *next;
    rx *re;
    bool global;
    unsigned long nth;   /* 0: every match (with g) or the first */
    int flags;           /* TAR_XF_* it applies to */
    tar_xseg *seg;
    size_t nseg;
};

static void tar_xform__usage(vb_cmd *cmd, const char *msg)
{
    char *m = mem_printf(cmd->heap, "tar: %s\nTry 'tar --help' or 'tar --usage' for more information.\n",
                         msg);
    bi_errw(cmd, m, strlen(m));
}

static int tar_xform__flag(int *flags, char c)
{
    switch (c) {
    case 'r': *flags |= TAR_XF_REG; break;
    case 'R': *flags &= ~TAR_XF_REG; break;
    case 'h': *flags |= TAR_XF_LINK; break;
    case 'H': *flags &= ~TAR_XF_LINK; break;
    case 's': *flags |= TAR_XF_SYM; break;
    case 'S': *flags &= ~TAR_XF_SYM; break;
    default: return -1;
    }
    return 0;
}

static void tar_xform__seg(vb_cmd *cmd, struct tar_xexpr *e, int type, const char *lit, size_t len,
                           int v)
{
    if (type == XS_LIT && len == 0)
        return;
    e->seg = mem_realloc(cmd->heap, e->seg, (e->nseg + 1) * sizeof *e->seg);
    tar_xseg *s = &e->seg[e->nseg++];
    memset(s, 0, sizeof *s);
    s->type = type;
    s->lit = lit;
    s->len = len;
    s->ref = v;
    s->ctl = v;
}

/* One expression from *pp; moves *pp past it and its ';'. */
static int tar_xform__one(vb_cmd *cmd, tar_xform *x, const char **pp)
{
    const char *expr = *pp;
    if (expr[0] != 's') {
        if (strncmp(expr, "flags=", 6) == 0) {
            x->flags = 0;
            for (expr += 6; *expr; expr++) {
                if (*expr == ';') {
                    expr++;
                    break;
                }
                if (tar_xform__flag(&x->flags, *expr) < 0) {
                    tar_xform__usage(cmd, mem_printf(cmd->heap, "Unknown transform flag: %c", *expr));
                    return -1;
                }
            }
            *pp = expr;
            return 0;
        }
        tar_xform__usage(cmd, "Invalid transform expression");
        return -1;
    }
    char delim = expr[1];
    size_t i, j;
    for (i = 2; delim && expr[i] && expr[i] != delim; i++)
        if (expr[i] == '\\' && expr[i + 1])
            i++;
    if (!delim || expr[i] != delim) {
        tar_xform__usage(cmd, "Invalid transform expression");
        return -1;
    }
    for (j = i + 1; expr[j] && expr[j] != delim; j++)
        if (expr[j] == '\\' && expr[j + 1])
            j++;
    if (expr[j] != delim) {
        tar_xform__usage(cmd, "Invalid transform expression");
        return -1;
    }
    struct tar_xexpr *e = mem_calloc(cmd->heap, 1, sizeof *e);
    e->flags = x->flags;
    int cflags = RX_BRE;
    const char *p;
    for (p = expr + j + 1; *p && *p != ';'; p++) {
        switch (*p) {
        case 'g': e->global = true; break;
        case 'i': cflags |= RX_ICASE; break;
        case 'x': cflags = (cflags & ~RX_SYNTAX_MASK) | RX_ERE; break;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9': {
            char *end;
            e->nth = strtoul(p, &end, 0);
            p = end - 1;
            break;
        }
        default:
            if (tar_xform__flag(&e->flags, *p) < 0) {
                tar_xform__usage(cmd, mem_printf(cmd->heap,
                                                 "Unknown flag in transform expression: %c", *p));
                return -1;
            }
        }
    }
    if (*p == ';')
        p++;
    const char *re = expr + 2;
    size_t rlen = i - 2;
    char *err = NULL;
    int rc = rx_compile_cmd(cmd, re, rlen, cflags, &e->re, &err);
    if (rc < 0) {
        tar_xform__usage(cmd, mem_printf(cmd->heap, "Invalid transform expression: %s",
                                         err ? err : "Memory exhausted"));
        return -1;
    }
    if (rlen && (re[0] == '^' || re[rlen - 1] == '$'))
        e->global = false;
    /* link it now: tar_xform_free frees it on every later error */
    if (x->tail)
        x->tail->next = e;
    else
        x->head = e;
    x->tail = e;
    const char *cur = expr + i + 1, *end = expr + j, *beg = cur;
    while (cur < end) {
        if (*cur == '\\') {
            tar_xform__seg(cmd, e, XS_LIT, beg, (size_t)(cur - beg), 0);
            cur++;
            char c = cur < end ? *cur : 0;
            static const char esc_from[] = "abfnrtv&\\", esc_to[] = "\a\b\f\n\r\t\v&\\";
            const char *k = c ? strchr(esc_from, c) : NULL;
            if (c >= '0' && c <= '9') {
                unsigned long n = 0;
                while (cur < end && *cur >= '0' && *cur <= '9')
                    n = n * 10 + (unsigned long)(*cur++ - '0');
                if (n > (unsigned long)rx_groups(e->re)) {
                    tar_xform__usage(cmd, "Invalid transform replacement: back reference out of range");
                    return -1;
                }
                tar_xform__seg(cmd, e, XS_REF, NULL, 0, (int)n);
            } else if (k) {
                tar_xform__seg(cmd, e, XS_LIT, esc_to + (k - esc_from), 1, 0);
                cur++;
            } else if (c == 'L' || c == 'l' || c == 'U' || c == 'u' || c == 'E') {
                int ctl = c == 'L' ? XC_LO : c == 'l' ? XC_LO1 : c == 'U' ? XC_UP
                        : c == 'u' ? XC_UP1 : XC_STOP;
                tar_xform__seg(cmd, e, XS_CASE, NULL, 0, ctl);
                cur++;
            } else if (c == delim) {
                tar_xform__seg(cmd, e, XS_LIT, cur, 1, 0);
                cur++;
            } else {
                /* an unknown escape stays as written, backslash included */
                tar_xform__seg(cmd, e, XS_LIT, cur - 1, c ? 2 : 1, 0);
                if (c)
                    cur++;
            }
            beg = cur;
        } else if (*cur == '&') {
            tar_xform__seg(cmd, e, XS_LIT, beg, (size_t)(cur - beg), 0);
            tar_xform__seg(cmd, e, XS_REF, NULL, 0, 0);
            beg = ++cur;
        } else {
            cur++;
        }
    }
    tar_xform__seg(cmd, e, XS_LIT, beg, (size_t)(cur - beg), 0);
    *pp = p;
    return 0;
}

int tar_xform_parse(vb_cmd *cmd, tar_xform *x, const char *arg)
{
    if (!x->head && !x->tail && x->flags == 0)
        x->flags = TAR_XF_ALL;
    while (*arg)
        if (tar_xform__one(cmd, x, &arg) < 0)
            return -1;
    return 0;
}

bool tar_xform_any(const tar_xform *x)
{
    return x->head != NULL;
}

/* Text added under the case conversion in force (GNU's run_case_conv). */
static void tar_xform__add(vbuf *b, const char *s, size_t n, int *ctl, int *save)
{
    size_t at = b->len;
    vbuf_add(b, s, n);
    if (*ctl == XC_STOP || n == 0)
        return;
    char *d = b->data + at;
    switch (*ctl) {
    case XC_UP1: d[0] = (char)toupper((unsigned char)d[0]); break;
    case XC_LO1: d[0] = (char)tolower((unsigned char)d[0]); break;
    case XC_UP:
        for (size_t k = 0; k < n; k++)
            d[k] = (char)toupper((unsigned char)d[k]);
        break;
    case XC_LO:
        for (size_t k = 0; k < n; k++)
            d[k] = (char)tolower((unsigned char)d[k]);
        break;
    }
    if (*ctl == XC_UP1 || *ctl == XC_LO1) {
        *ctl = *save;
        *save = XC_STOP;
    }
}

static void tar_xform__run(const struct tar_xexpr *e, const char *in, vbuf *b)
{
    size_t len = strlen(in), pos = 0;
    unsigned long nmatches = 0;
    int ctl = XC_STOP, save = XC_STOP;
    while (pos < len) {
        rx_match m;
        size_t disp;
        /* the rest of the name is searched as a string of its own, as GNU's
         * regexec on the advanced pointer */
        int rc = rx_exec(e->re, in + pos, len - pos, 0, RX_LONGEST, &m);
        if (rc == 1) {
            disp = m.eo;
            vbuf_add(b, in + pos, m.so);
            nmatches++;
            if (e->nth && nmatches < e->nth) {
                vbuf_add(b, in + pos, disp);
                pos += disp;
                continue;
            }
            /* the groups are read before the next rx_exec overwrites them */
            for (size_t k = 0; k < e->nseg; k++) {
                const tar_xseg *s = &e->seg[k];
                if (s->type == XS_LIT) {
                    tar_xform__add(b, s->lit, s->len, &ctl, &save);
                } else if (s->type == XS_REF) {
                    if (s->ref < m.n && m.ov[2 * s->ref] != RX_UNSET && m.ov[2 * s->ref + 1] != RX_UNSET)
                        tar_xform__add(b, in + pos + m.ov[2 * s->ref],
                                       m.ov[2 * s->ref + 1] - m.ov[2 * s->ref], &ctl, &save);
                } else {
                    if ((s->ctl == XC_UP1 || s->ctl == XC_LO1) &&
                        (save == XC_STOP || save == XC_UP || save == XC_LO))
                        save = ctl;
                    ctl = s->ctl;
                }
            }
            if (disp == 0 && e->global) {
                /* GNU would loop forever on an empty match: move on */
                if (pos < len)
                    vbuf_addc(b, in[pos]);
                disp = 1;
            }
        } else {
            disp = len - pos;
            vbuf_add(b, in + pos, disp);
        }
        pos += disp;
        if (!e->global) {
            if (pos < len)
                vbuf_add(b, in + pos, len - pos);
            break;
        }
    }
}

char *tar_xform_apply(vb_cmd *cmd, const tar_xform *x, const char *name, int kind)
{
    char *cur = NULL;
    const char *in = name;
    for (const struct tar_xexpr *e = x->head; e; e = e->next) {
        if (!(e->flags & kind))
            continue;
        vbuf b;
        vbuf_init(&b, cmd->heap);
        tar_xform__run(e, in, &b);
        vbuf_addc(&b, 0);
        char *s = b.data ? b.data : mem_strdup(cmd->heap, "");
        mem_free(cmd->heap, cur);
        cur = s;
        in = cur;
    }
    return cur;
}

void tar_xform_free(tar_xform *x)
{
    for (struct tar_xexpr *e = x->head; e; e = e->next)
        if (e->re) {
            rx_free(e->re);
            e->re = NULL;
        }
}
