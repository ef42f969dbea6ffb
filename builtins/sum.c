/*
 * sum: BSD (default, -r) or System V (-s) 16-bit checksums and block
 * counts. Reference: GNU coreutils 9.1 sum.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("sum", bi_sum, BI_UTIL)

static const char sum_help[] =
    "Usage: sum [OPTION]... [FILE]...\n"
    "Print checksum and block counts for each FILE.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  -r              use BSD sum algorithm (the default), use 1K blocks\n"
    "  -s, --sysv      use System V sum algorithm, use 512 bytes blocks\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

static const bi_longopt sum_longs[] = {{"sysv", 0, 's'}, {0}};

typedef struct sum_state {
    bool sysv, named;
} sum_state;

static int sum__file(vb_cmd *cmd, stream *s, const char *name, void *ctx)
{
    sum_state *st = ctx;
    unsigned char buf[65536];
    uint64_t bytes = 0;
    uint32_t bsd = 0, sysv = 0;
    for (;;) {
        ssize_t n = tx_read(cmd, s, name, buf, sizeof buf, TX_PLAIN);
        if (n < 0)
            return 1;
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++) {
            bsd = (bsd >> 1) + ((bsd & 1) << 15);
            bsd = (bsd + buf[i]) & 0xFFFF;
            sysv += buf[i];
        }
        bytes += (uint64_t)n;
    }
    if (st->sysv) {
        uint32_t r = (sysv & 0xFFFF) + (sysv >> 16);
        bi_outf(cmd, "%u %llu", (r & 0xFFFF) + (r >> 16), (unsigned long long)((bytes + 511) / 512));
    } else {
        bi_outf(cmd, "%05u %5llu", bsd, (unsigned long long)((bytes + 1023) / 1024));
    }
    if (st->named)
        bi_outf(cmd, " %s", name);
    bi_outc(cmd, '\n');
    return 0;
}

int bi_sum(vb_cmd *cmd)
{
    sum_state st = {0};
    bi_opt o;
    bi_opt_init(&o, cmd, "rs", sum_longs, sum_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'r': st.sysv = false; break;
        case 's': st.sysv = true; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    st.named = n > 0;
    return bi_done(cmd, tx_each_operand(cmd, n, cmd->argv + o.ind, sum__file, &st, TX_PLAIN));
}
