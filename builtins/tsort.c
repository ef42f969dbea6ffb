/*
 * tsort: topological sort of the pairs read from a file (or stdin). The
 * output order follows GNU's algorithm: items with no predecessor are
 * queued in name order, successors in reverse order of their pairs; a loop
 * is reported on stderr ("input contains a loop:") and broken, status 1.
 * Reference: GNU coreutils 9.1 tsort.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("tsort", bi_tsort, BI_UTIL)

static const char tsort_help[] =
    "Usage: tsort [OPTION] [FILE]\n"
    "Write totally ordered list consistent with the partial ordering in FILE.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

typedef struct ts_item {
    const char *name;
    size_t count;          /* predecessors not yet output */
    size_t *succ;          /* indices, most recent first when walked backwards */
    size_t nsucc, capsucc;
    bool done;
} ts_item;

typedef struct ts_state {
    vb_cmd *cmd;
    ts_item *it;
    size_t n, cap;
    size_t *order;         /* indices sorted by name */
} ts_state;

static size_t ts__find(ts_state *st, const char *name)
{
    for (size_t i = 0; i < st->n; i++)
        if (!strcmp(st->it[i].name, name))
            return i;
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        ts_item *n = mem_realloc(st->cmd->heap, st->it, st->cap * sizeof *n);
        if (!n)
            return SIZE_MAX;
        st->it = n;
    }
    ts_item *t = &st->it[st->n];
    memset(t, 0, sizeof *t);
    t->name = mem_strdup(st->cmd->heap, name);
    return st->n++;
}

static int ts__cmp(const void *a, const void *b, void *ctx)
{
    const ts_state *st = ctx;
    return strcmp(st->it[*(const size_t *)a].name, st->it[*(const size_t *)b].name);
}

int bi_tsort(vb_cmd *cmd)
{
    static const bi_longopt none[] = {{0}};
    bi_opt o;
    bi_opt_init(&o, cmd, "", none, tsort_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        if (c == BI_OPT_EXIT)
            return bi_done(cmd, o.status);
        return o.status;
    }
    int n = cmd->argc - o.ind;
    if (n > 1)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, cmd->argv[o.ind + 1]));
    const char *name = n ? cmd->argv[o.ind] : "-";
    int err = 0;
    stream *s = bi_open_read(cmd, name, &err);
    if (!s)
        return tx_open_error(cmd, name, err, TX_PLAIN);
    char *data;
    size_t len;
    int rc = bi_slurp(cmd, s, &data, &len);
    stream_unref(s);
    if (rc < 0)
        return tx_slurp_error(cmd, name, rc);
    ts_state st = {.cmd = cmd};
    /* Tokens, pairwise. */
    size_t prev = SIZE_MAX;
    size_t tokens = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && isspace((unsigned char)data[i]))
            i++;
        size_t b = i;
        while (i < len && !isspace((unsigned char)data[i]))
            i++;
        if (i == b)
            break;
        char *tok = mem_strndup(cmd->heap, data + b, i - b);
        size_t k = tok ? ts__find(&st, tok) : SIZE_MAX;
        if (k == SIZE_MAX)
            return bi_err(cmd, "memory exhausted");
        if (tokens++ % 2 == 0) {
            prev = k;
        } else if (prev != k) {
            ts_item *p = &st.it[prev];
            if (p->nsucc == p->capsucc) {
                p->capsucc = p->capsucc ? p->capsucc * 2 : 4;
                size_t *ns = mem_realloc(cmd->heap, p->succ, p->capsucc * sizeof *ns);
                if (!ns)
                    return bi_err(cmd, "memory exhausted");
                p->succ = ns;
            }
            p->succ[p->nsucc++] = k;
            st.it[k].count++;
        }
    }
    if (tokens % 2) {
        bi_err(cmd, "%s: input contains an odd number of tokens", name);
        return 1;
    }
    st.order = mem_alloc(cmd->heap, (st.n + 1) * sizeof *st.order);
    size_t *queue = mem_alloc(cmd->heap, (st.n + 1) * sizeof *queue);
    if (!st.order || !queue)
        return bi_err(cmd, "memory exhausted");
    for (size_t i = 0; i < st.n; i++)
        st.order[i] = i;
    qsort_r(st.order, st.n, sizeof *st.order, ts__cmp, &st);
    size_t left = st.n;
    int status = 0;
    while (left > 0) {
        size_t qh = 0, qt = 0;
        for (size_t i = 0; i < st.n; i++) {
            size_t k = st.order[i];
            if (!st.it[k].done && st.it[k].count == 0)
                queue[qt++] = k;
        }
        while (qh < qt) {
            size_t k = queue[qh++];
            ts_item *t = &st.it[k];
            bi_outf(cmd, "%s\n", t->name);
            t->done = true;
            left--;
            for (size_t j = t->nsucc; j-- > 0;) {
                ts_item *u = &st.it[t->succ[j]];
                if (--u->count == 0 && !u->done)
                    queue[qt++] = t->succ[j];
            }
        }
        if (left == 0)
            break;
        /* A loop: report it, then break it at its first member. */
        status = 1;
        bi_flush(cmd);
        bi_err(cmd, "%s: input contains a loop:", name);
        size_t start = SIZE_MAX;
        for (size_t i = 0; i < st.n && start == SIZE_MAX; i++)
            if (!st.it[st.order[i]].done)
                start = st.order[i];
        /* Walk successors among the remaining items until one repeats. */
        size_t *seen = mem_calloc(cmd->heap, st.n, sizeof *seen);
        size_t cur = start, steps = 1;
        while (seen && !seen[cur]) {
            seen[cur] = steps++;
            size_t next = SIZE_MAX;
            for (size_t j = 0; j < st.it[cur].nsucc; j++)
                if (!st.it[st.it[cur].succ[j]].done) {
                    next = st.it[cur].succ[j];
                    break;
                }
            if (next == SIZE_MAX)
                break;
            cur = next;
        }
        size_t loop_start = cur;
        size_t k = loop_start;
        do {
            bi_err(cmd, "%s", st.it[k].name);
            size_t next = SIZE_MAX;
            for (size_t j = 0; j < st.it[k].nsucc; j++)
                if (!st.it[st.it[k].succ[j]].done) {
                    next = st.it[k].succ[j];
                    break;
                }
            if (next == SIZE_MAX)
                break;
            k = next;
        } while (k != loop_start);
        /* Break: pretend the loop's first member has no predecessors left. */
        st.it[loop_start].count = 0;
        mem_free(cmd->heap, seen);
    }
    return bi_done(cmd, status);
}
