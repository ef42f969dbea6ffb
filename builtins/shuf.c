/*
 * shuf: write a random permutation of the input lines, of -e ARGS or of
 * -i LO-HI; -n COUNT, -r (repeat: draw with replacement), -o FILE, -z,
 * --random-source (accepted; the session's seeded generator is used, so a
 * session with a fixed seed shuffles reproducibly).
 * Reference: GNU coreutils 9.1 shuf (the permutations differ: the
 * generator is the session's).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("shuf", bi_shuf, BI_UTIL)

static const char shuf_help[] =
    "Usage: shuf [OPTION]... [FILE]\n"
    "  or:  shuf -e [OPTION]... [ARG]...\n"
    "  or:  shuf -i LO-HI [OPTION]...\n"
    "Write a random permutation of the input lines to standard output.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -e, --echo                treat each ARG as an input line\n"
    "  -i, --input-range=LO-HI   treat each number LO through HI as an input line\n"
    "  -n, --head-count=COUNT    output at most COUNT lines\n"
    "  -o, --output=FILE         write result to FILE instead of standard output\n"
    "      --random-source=FILE  get random bytes from FILE\n"
    "  -r, --repeat              output lines can be repeated\n"
    "  -z, --zero-terminated     line delimiter is NUL, not newline\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

enum { SHUF_RANDSRC = 256 };

static const bi_longopt shuf_longs[] = {
    {"echo", 0, 'e'}, {"input-range", 1, 'i'}, {"head-count", 1, 'n'}, {"output", 1, 'o'},
    {"random-source", 1, SHUF_RANDSRC}, {"repeat", 0, 'r'}, {"zero-terminated", 0, 'z'}, {0},
};

static uint64_t shuf__rand(vb_cmd *cmd, uint64_t bound, uint64_t *state)
{
    /* The session's generator when there is one, else a local xorshift. */
    uint64_t x;
    if (cmd->ops && cmd->ops->random) {
        x = cmd->ops->random(cmd->shell);
    } else {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        x = *state;
    }
    return bound ? x % bound : 0;
}

typedef struct shuf_item {
    const char *p;
    size_t n;
} shuf_item;

/* A decimal bound of -i: leading blanks, an optional '+', digits, nothing after. */
static bool shuf__bound(const char *s, uint64_t *out)
{
    while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
        s++;
    if (*s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return false;
    uint64_t v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    if (*s)
        return false;
    *out = v;
    return true;
}

int bi_shuf(vb_cmd *cmd)
{
    bool echo = false, repeat = false, have_range = false;
    uint64_t lo = 0, hi = 0, count = UINT64_MAX;
    const char *out_name = NULL;
    int eol = '\n';
    bi_opt o;
    bi_opt_init(&o, cmd, "ei:n:o:rz", shuf_longs, shuf_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'e': echo = true; break;
        case 'i': {
            /* GNU: each bound read as xdectoumax reads it (the message quotes
             * the bad part), then the whole range checked */
            if (have_range) {
                bi_err(cmd, "multiple -i options specified");
                return 1;
            }
            const char *dash = strchr(o.arg, '-');
            if (dash) {
                char *a = mem_strndup(cmd->heap, o.arg, (size_t)(dash - o.arg));
                if (!a || !shuf__bound(a, &lo)) {
                    bi_err(cmd, "invalid input range: %s", fs_lq(cmd, a ? a : ""));
                    return 1;
                }
            }
            const char *hs = dash ? dash + 1 : o.arg;
            if (!shuf__bound(hs, &hi)) {
                bi_err(cmd, "invalid input range: %s", fs_lq(cmd, hs));
                return 1;
            }
            uint64_t nl = hi - lo + 1;
            if (!dash || (lo <= hi) == (nl == 0)) {
                bi_err(cmd, "invalid input range: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            have_range = true;
            break;
        }
        case 'n': {
            int64_t v;
            int rc = bi_parse_i64(o.arg, &v);
            if (rc == -ERANGE && o.arg[0] != '-') {
                count = UINT64_MAX;
                break;
            }
            if (rc != 0 || v < 0) {
                bi_err(cmd, "invalid line count: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            if ((uint64_t)v < count)
                count = (uint64_t)v;
            break;
        }
        case 'o': out_name = o.arg; break;
        case 'r': repeat = true; break;
        case 'z': eol = '\0'; break;
        case SHUF_RANDSRC: break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    if (echo && have_range) {
        bi_err(cmd, "cannot combine -e and -i options");
        return bi_usage(cmd, 1, NULL);
    }
    if (have_range && n > 0)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, ops[0]));
    if (!echo && !have_range && n > 1)
        return bi_usage(cmd, 1, "extra operand %s", fs_lq(cmd, ops[1]));
    shuf_item *items = NULL;
    size_t ni = 0;
    uint64_t range_n = 0;
    if (echo) {
        items = mem_calloc(cmd->heap, (size_t)n + 1, sizeof *items);
        if (!items)
            return bi_err(cmd, "memory exhausted");
        for (int i = 0; i < n; i++)
            items[ni++] = (shuf_item){ops[i], strlen(ops[i])};
    } else if (have_range) {
        range_n = hi - lo + 1;
    } else {
        const char *name = n ? ops[0] : "-";
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
        size_t cap = 64;
        items = mem_alloc(cmd->heap, cap * sizeof *items);
        for (size_t i = 0; items && i < len;) {
            const char *e = memchr(data + i, eol, len - i);
            size_t l = e ? (size_t)(e - (data + i)) : len - i;
            if (ni == cap) {
                cap *= 2;
                items = mem_realloc(cmd->heap, items, cap * sizeof *items);
                if (!items)
                    break;
            }
            items[ni++] = (shuf_item){data + i, l};
            i += l + 1;
        }
        if (!items)
            return bi_err(cmd, "memory exhausted");
    }
    uint64_t total = have_range ? range_n : ni;
    stream *out = NULL;
    if (out_name) {
        int err = 0;
        out = bi_open_write(cmd, out_name, O_WRONLY | O_CREAT | O_TRUNC, 0666, &err);
        if (!out) {
            bi_err(cmd, "%s: %s", fs_qf(cmd, out_name), vb_strerror(err));
            return 1;
        }
    }
    uint64_t state = 0x9E3779B97F4A7C15ull;
    vbuf ob;
    vbuf_init(&ob, cmd->heap);
#define SHUF_EMIT(idx)                                                        \
    do {                                                                      \
        if (have_range)                                                       \
            vbuf_printf(&ob, "%llu", (unsigned long long)(lo + (idx)));       \
        else                                                                  \
            vbuf_add(&ob, items[idx].p, items[idx].n);                        \
        vbuf_addc(&ob, (char)eol);                                            \
    } while (0)
    if (repeat) {
        if (total == 0) {
            if (count > 0 && count != UINT64_MAX) {
                bi_err(cmd, "no lines to repeat");
                return 1;
            }
        } else {
            for (uint64_t k = 0; k < count && !bi_cancelled(cmd); k++) {
                SHUF_EMIT(shuf__rand(cmd, total, &state));
                if (ob.len >= 65536) {
                    if (out ? stream_write(out, ob.data, ob.len) < 0 : bi_out(cmd, ob.data, ob.len) < 0)
                        break;
                    vbuf_clear(&ob);
                }
            }
        }
    } else {
        uint64_t want = count < total ? count : total;
        if (have_range) {
            /* A permutation of the range, drawn lazily (Fisher-Yates on a map
             * of swapped slots would be ideal; ranges are kept small here). */
            if (range_n > (1u << 24) && want > (1u << 24)) {
                bi_err(cmd, "memory exhausted");
                return 1;
            }
        }
        uint64_t *perm = NULL;
        if (have_range) {
            perm = mem_alloc(cmd->heap, (size_t)(range_n ? range_n : 1) * sizeof *perm);
            if (!perm)
                return bi_err(cmd, "memory exhausted");
            for (uint64_t k = 0; k < range_n; k++)
                perm[k] = k;
        }
        for (uint64_t k = 0; k < want; k++) {
            uint64_t j = k + shuf__rand(cmd, total - k, &state);
            if (have_range) {
                uint64_t t = perm[k];
                perm[k] = perm[j];
                perm[j] = t;
                SHUF_EMIT(perm[k]);
            } else {
                shuf_item t = items[k];
                items[k] = items[j];
                items[j] = t;
                SHUF_EMIT(k);
            }
        }
    }
#undef SHUF_EMIT
    if (out) {
        if (ob.len)
            stream_write(out, ob.data, ob.len);
        stream_unref(out);
    } else if (ob.len) {
        bi_out(cmd, ob.data, ob.len);
    }
    return bi_done(cmd, 0);
}
