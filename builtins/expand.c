/*
 * expand: convert tabs to spaces. -t N | LIST (with /N and +N), -i
 * (initial tabs only), the obsolete -N[,M...]. Columns count bytes, as GNU
 * expand does. Reference: GNU coreutils 9.1 expand.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_tabs.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("expand", bi_expand, BI_UTIL)

static const char expand_help[] =
    "Usage: expand [OPTION]... [FILE]...\n"
    "Convert tabs in each FILE to spaces, writing to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -i, --initial    do not convert tabs after non blanks\n"
    "  -t, --tabs=N     have tabs N characters apart, not 8\n"
    "  -t, --tabs=LIST  use comma separated list of tab positions.\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt expand_longs[] = {{"initial", 0, 'i'}, {"tabs", 1, 't'}, {0}};

typedef struct expand_state {
    tx_tabs tabs;
    bool initial;
    uint64_t column;
    size_t tab_index;
    bool convert;
} expand_state;

static int expand__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    expand_state *st = ctx;
    char buf[16384];
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, buf, sizeof buf, TX_PLAIN);
        if (n < 0)
            return 1;
        if (n == 0)
            return 0;
        for (ssize_t i = 0; i < n; i++) {
            char c = buf[i];
            if (st->convert) {
                if (c == '\t') {
                    bool last;
                    uint64_t next = tx_tabs_next(&st->tabs, st->column, &st->tab_index, &last);
                    if (last)
                        next = st->column + 1;
                    while (++st->column < next)
                        bi_outc(cmd, ' ');
                    c = ' ';
                } else if (c == '\b') {
                    st->column -= !!st->column;
                    st->tab_index -= !!st->tab_index;
                } else {
                    st->column++;
                }
                st->convert &= !st->initial || c == ' ' || c == '\t';
            }
            bi_outc(cmd, c);
            if (c == '\n') {
                st->column = 0;
                st->tab_index = 0;
                st->convert = true;
            }
        }
        if (bi_out_failed(cmd))
            return -1;
    }
}

int bi_expand(vb_cmd *cmd)
{
    expand_state st = {.convert = true};
    char **saved = cmd->argv;
    int saved_argc = cmd->argc, status;
    char **nv = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof *nv);
    if (!nv)
        return bi_err(cmd, "memory exhausted");
    int k = 0;
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (i > 0 && a[0] == '-' && a[1] >= '0' && a[1] <= '9')
            nv[k++] = mem_printf(cmd->heap, "-t%s", a + 1);
        else
            nv[k++] = cmd->argv[i];
    }
    cmd->argv = nv;
    bi_opt o;
    bi_opt_init(&o, cmd, "it:", expand_longs, expand_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'i': st.initial = true; break;
        case 't':
            if (!tx_tabs_parse(cmd, &st.tabs, o.arg)) {
                status = 1;
                goto out;
            }
            break;
        case BI_OPT_EXIT: status = bi_done(cmd, o.status); goto out;
        default: status = o.status; goto out;
        }
    }
    if (!tx_tabs_finish(cmd, &st.tabs)) {
        status = 1;
        goto out;
    }
    status = bi_done(cmd, tx_each_operand(cmd, cmd->argc - o.ind, cmd->argv + o.ind, expand__file, &st, TX_PLAIN));
out:
    cmd->argv = saved;
    cmd->argc = saved_argc;
    return status;
}
