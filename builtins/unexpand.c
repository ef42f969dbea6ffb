/*
 * unexpand: convert blanks to tabs. Leading blanks only by default, -a
 * (all blanks), --first-only, -t N | LIST (implies -a), the obsolete -N.
 * Follows GNU's pending-blank rules (a single blank before a tab stop stays
 * a blank). Reference: GNU coreutils 9.1 unexpand.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_tabs.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("unexpand", bi_unexpand, BI_UTIL)

static const char unexpand_help[] =
    "Usage: unexpand [OPTION]... [FILE]...\n"
    "Convert blanks in each FILE to tabs, writing to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a, --all        convert all blanks, instead of just initial blanks\n"
    "      --first-only  convert only leading sequences of blanks (overrides -a)\n"
    "  -t, --tabs=N     have tabs N characters apart instead of 8 (enables -a)\n"
    "  -t, --tabs=LIST  use comma separated list of tab positions.\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { UNEXPAND_FIRST = 256 };

static const bi_longopt unexpand_longs[] = {
    {"all", 0, 'a'}, {"first-only", 0, UNEXPAND_FIRST}, {"tabs", 1, 't'}, {0},
};

typedef struct unexpand_state {
    tx_tabs tabs;
    bool all;
    /* per line */
    bool convert, one_blank, prev_blank;
    uint64_t column, next_tab;
    size_t tab_index;
    vbuf pend;
} unexpand_state;

static void unexpand__newline(unexpand_state *st)
{
    st->convert = true;
    st->column = 0;
    st->next_tab = 0;
    st->tab_index = 0;
    st->one_blank = false;
    st->prev_blank = true;
    vbuf_clear(&st->pend);
}

/* One input character (c < 0: end of input). */
static void unexpand__char(vb_cmd *cmd, unexpand_state *st, int c)
{
    if (st->convert) {
        bool blank = c == ' ' || c == '\t';
        if (blank) {
            bool last;
            st->next_tab = tx_tabs_next(&st->tabs, st->column, &st->tab_index, &last);
            if (last)
                st->convert = false;
            if (st->convert) {
                if (c == '\t') {
                    st->column = st->next_tab;
                    if (st->pend.len)
                        st->pend.data[0] = '\t';
                } else {
                    st->column++;
                    if (!(st->prev_blank && st->column == st->next_tab)) {
                        if (st->column == st->next_tab)
                            st->one_blank = true;
                        vbuf_addc(&st->pend, (char)c);
                        st->prev_blank = true;
                        return;
                    }
                    c = '\t';
                    vbuf_clear(&st->pend);
                    vbuf_addc(&st->pend, '\t');
                }
                /* Discard pending blanks, unless it was a single blank just
                 * before the previous tab stop. */
                if (!st->one_blank)
                    vbuf_clear(&st->pend);
                else if (st->pend.len > 1)
                    st->pend.len = 1;
            }
        } else if (c == '\b') {
            st->column -= !!st->column;
            st->next_tab = st->column;
            st->tab_index -= !!st->tab_index;
        } else {
            st->column++;
        }
        if (st->pend.len) {
            if (st->pend.len > 1 && st->one_blank)
                st->pend.data[0] = '\t';
            bi_out(cmd, st->pend.data, st->pend.len);
            vbuf_clear(&st->pend);
            st->one_blank = false;
        }
        st->prev_blank = blank;
        st->convert &= st->all || blank;
    }
    if (c >= 0)
        bi_outc(cmd, (char)c);
}

static int unexpand__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    unexpand_state *st = ctx;
    char buf[16384];
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, buf, sizeof buf, TX_PLAIN);
        if (n < 0)
            return 1;
        if (n == 0)
            return 0;
        for (ssize_t i = 0; i < n; i++) {
            unexpand__char(cmd, st, (unsigned char)buf[i]);
            if (buf[i] == '\n')
                unexpand__newline(st);
        }
        if (bi_out_failed(cmd))
            return -1;
    }
}

int bi_unexpand(vb_cmd *cmd)
{
    unexpand_state st = {0};
    vbuf_init(&st.pend, cmd->heap);
    unexpand__newline(&st);
    char **saved = cmd->argv;
    int saved_argc = cmd->argc, status;
    char **nv = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof *nv);
    if (!nv)
        return bi_err(cmd, "memory exhausted");
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        nv[i] = i > 0 && a[0] == '-' && a[1] >= '0' && a[1] <= '9' ? mem_printf(cmd->heap, "-t%s", a + 1)
                                                                   : cmd->argv[i];
    }
    cmd->argv = nv;
    bool first_only = false, have_t = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "at:", unexpand_longs, unexpand_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': st.all = true; break;
        case UNEXPAND_FIRST: first_only = true; break;
        case 't':
            have_t = true;
            if (!tx_tabs_parse(cmd, &st.tabs, o.arg)) {
                status = 1;
                goto out;
            }
            break;
        case BI_OPT_EXIT: status = bi_done(cmd, o.status); goto out;
        default: status = o.status; goto out;
        }
    }
    if (have_t)
        st.all = true;
    if (first_only)
        st.all = false;
    if (!tx_tabs_finish(cmd, &st.tabs)) {
        status = 1;
        goto out;
    }
    status = tx_each_operand(cmd, cmd->argc - o.ind, cmd->argv + o.ind, unexpand__file, &st, TX_PLAIN);
    unexpand__char(cmd, &st, -1);
    status = bi_done(cmd, status);
out:
    cmd->argv = saved;
    cmd->argc = saved_argc;
    return status;
}
