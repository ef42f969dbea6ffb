/*
 * The one option parser of every command: GNU getopt_long semantics
 * (permutation, combined short options, optional arguments, long-name
 * prefixes, "--"), reentrant, with GNU's messages. See bi.h.
 *
 * Permutation is done by recording which argv words were option words and
 * which were operands; at the end argv is rewritten as
 * argv[0], option words..., operands... and o->ind points at the first
 * operand, which is what GNU's in-place exchange produces too.
 */
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"

void bi_opt_init(bi_opt *o, vb_cmd *cmd, const char *shorts, const bi_longopt *longs,
                 const char *help)
{
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->posix = shorts && shorts[0] == '+';
    o->shorts = shorts ? shorts + o->posix : "";
    o->longs = longs;
    o->help = help;
    o->ind = 1;
    o->usage_status = 1;
    o->optw = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(int));
    o->operw = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(int));
}

static const char *bi_opt__prog(bi_opt *o)
{
    return o->usage_prog ? o->usage_prog : o->cmd->argv[0];
}

static int bi_opt__fail(bi_opt *o, const char *fmt, const char *a)
{
    o->status = o->usage_status;
    snprintf(o->msg, sizeof o->msg, fmt, a);
    if (!o->quiet) {
        vb_cmd *cmd = o->cmd;
        vbuf b;
        vbuf_init(&b, cmd->heap);
        vbuf_printf(&b, "%s: ", bi_opt__prog(o));
        vbuf_printf(&b, fmt, a);
        vbuf_printf(&b, "\nTry '%s --help' for more information.\n", bi_opt__prog(o));
        bi_errw(cmd, b.data, b.len);
        vbuf_free(&b);
    }
    return BI_OPT_ERR;
}

/* Rewrites argv as argv[0], option words, operands, the rest; sets ind. */
static int bi_opt__finish(bi_opt *o, int rest_from)
{
    vb_cmd *cmd = o->cmd;
    if (!o->optw || !o->operw)
        return BI_OPT_END; /* out of memory: leave argv as it is */
    char **tmp = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(char *));
    if (!tmp)
        return BI_OPT_END;
    int k = 1;
    for (int i = 0; i < o->noptw; i++)
        tmp[k++] = cmd->argv[o->optw[i]];
    int first = k;
    for (int i = 0; i < o->noperw; i++)
        tmp[k++] = cmd->argv[o->operw[i]];
    for (int i = rest_from; i < cmd->argc; i++)
        tmp[k++] = cmd->argv[i];
    for (int i = 1; i < k; i++)
        cmd->argv[i] = tmp[i];
    mem_free(cmd->heap, tmp);
    o->ind = first;
    o->noptw = o->noperw = 0;
    o->nextchar_off = 0;
    return BI_OPT_END;
}

static int bi_opt__long(bi_opt *o, int wi)
{
    vb_cmd *cmd = o->cmd;
    const char *word = cmd->argv[wi] + 2;
    const char *eq = strchr(word, '=');
    size_t nlen = eq ? (size_t)(eq - word) : strlen(word);
    const bi_longopt *hit = NULL;
    int nhits = 0;
    bool exact = false;

    for (const bi_longopt *l = o->longs; l && l->name; l++) {
        if (strncmp(l->name, word, nlen) != 0)
            continue;
        if (strlen(l->name) == nlen) {
            hit = l;
            exact = true;
            break;
        }
        if (!hit || hit->val != l->val || hit->has_arg != l->has_arg)
            nhits++;
        if (!hit)
            hit = l;
    }
    /* --help / --version, unless the command defines them itself */
    if (!exact && nlen > 0) {
        bool help = strncmp("help", word, nlen) == 0 && o->help;
        bool version = strncmp("version", word, nlen) == 0;
        /* an exact --help/--version wins over abbreviations of the
         * command's own options (sort --version, not --version-sort) */
        bool whole = (help && nlen == 4) || (version && nlen == 7);
        if ((help || version) && (!hit || whole)) {
            if (eq)
                return bi_opt__fail(o, "option '--%s' doesn't allow an argument",
                                    help ? "help" : "version");
            if (help)
                bi_outs(cmd, o->help);
            else
                bi_outf(cmd, "%s %s", bi_opt__prog(o), BI_VERSION_TEXT);
            o->status = 0;
            return BI_OPT_EXIT;
        }
    }
    snprintf(o->bad, sizeof o->bad, "--%.*s", (int)(nlen > 50 ? 50 : nlen), word);
    if (!hit) {
        char tmp[300];
        /* GNU names the whole word, "=value" included */
        size_t wl = strlen(word);
        snprintf(tmp, sizeof tmp, "%.*s", (int)(wl > 250 ? 250 : wl), word);
        o->ind++;
        return bi_opt__fail(o, "unrecognized option '--%s'", tmp);
    }
    if (!exact && nhits > 1) {
        vbuf b;
        vbuf_init(&b, cmd->heap);
        /* like "unrecognized", GNU names the whole word, "=value" included */
        size_t wl = strlen(word);
        vbuf_printf(&b, "option '--%.*s' is ambiguous; possibilities:", (int)(wl > 250 ? 250 : wl), word);
        for (const bi_longopt *l = o->longs; l->name; l++)
            if (strncmp(l->name, word, nlen) == 0)
                vbuf_printf(&b, " '--%s'", l->name);
        o->ind++;
        int rc = bi_opt__fail(o, "%s", vbuf_str(&b));
        vbuf_free(&b);
        return rc;
    }
    if (o->optw)
        o->optw[o->noptw++] = wi;
    o->ind = wi + 1;
    o->arg = NULL;
    if (eq) {
        if (hit->has_arg == 0)
            return bi_opt__fail(o, "option '--%s' doesn't allow an argument", hit->name);
        o->arg = eq + 1;
    } else if (hit->has_arg == 1) {
        if (o->ind >= cmd->argc)
            return bi_opt__fail(o, "option '--%s' requires an argument", hit->name);
        if (o->optw)
            o->optw[o->noptw++] = o->ind;
        o->arg = cmd->argv[o->ind++];
    }
    o->opt = hit->val;
    return hit->val;
}

int bi_opt_next(bi_opt *o)
{
    vb_cmd *cmd = o->cmd;
    o->arg = NULL;

    if (o->nextchar_off) {
        /* inside a cluster of short options: -abc */
        int wi = o->ind;
        const char *w = cmd->argv[wi];
        char c = w[o->nextchar_off++];
        const char *spec = c && c != ':' ? strchr(o->shorts, c) : NULL;
        bool last = w[o->nextchar_off] == '\0';
        if (!spec) {
            if (last) {
                o->nextchar_off = 0;
                o->ind++;
            }
            snprintf(o->bad, sizeof o->bad, "-%c", c);
            char cs[2] = {c, 0};
            return bi_opt__fail(o, "invalid option -- '%s'", cs);
        }
        o->opt = (unsigned char)c;
        if (spec[1] == ':') {
            bool optional = spec[2] == ':';
            if (!last) {
                o->arg = w + o->nextchar_off;
            } else if (!optional) {
                if (wi + 1 >= cmd->argc) {
                    o->nextchar_off = 0;
                    o->ind++;
                    snprintf(o->bad, sizeof o->bad, "-%c", c);
                    char cs[2] = {c, 0};
                    return bi_opt__fail(o, "option requires an argument -- '%s'", cs);
                }
                if (o->optw)
                    o->optw[o->noptw++] = wi + 1;
                o->arg = cmd->argv[wi + 1];
                o->ind++;
            }
            o->nextchar_off = 0;
            o->ind++;
        } else if (last) {
            o->nextchar_off = 0;
            o->ind++;
        }
        return o->opt;
    }

    for (;;) {
        if (o->ind >= cmd->argc)
            return bi_opt__finish(o, cmd->argc);
        const char *w = cmd->argv[o->ind];
        if (strcmp(w, "--") == 0) {
            if (o->optw)
                o->optw[o->noptw++] = o->ind;
            return bi_opt__finish(o, o->ind + 1);
        }
        if (w[0] != '-' || w[1] == '\0') {
            if (o->posix)
                return bi_opt__finish(o, o->ind);
            if (o->operw)
                o->operw[o->noperw++] = o->ind;
            o->ind++;
            continue;
        }
        if (w[1] == '-')
            return bi_opt__long(o, o->ind);
        if (o->optw)
            o->optw[o->noptw++] = o->ind;
        o->nextchar_off = 1;
        return bi_opt_next(o);
    }
}
