/*
 * awk — pattern scanning and processing language.
 *
 * Reference: POSIX awk, with the GNU awk (gawk 5) extensions people use:
 * length(array), tolower/toupper, gensub, strftime/systime/mktime,
 * asort/asorti, IGNORECASE, BEGINFILE/ENDFILE, RT, regex RS, FS = "",
 * typeof/isarray, and/or/xor/lshift/rshift/compl, strtonum, hex constants
 * in program text, "**" and "**=", `func`, `nextfile`, `delete arr`,
 * match(s, re, arr). Messages follow gawk's ("awk: cmd. line:1: ...").
 *
 * The program is compiled once into a tree with resolved variable slots
 * (builtins/awk_parse.c) and run by builtins/awk_run.c. Commands of
 * system(), `print | "cmd"` and `"cmd" | getline` run inside the session
 * through the shell; the text printed to a command is handed to it when the
 * pipe is closed (close() or the end of the program).
 *
 * Also FIELDWIDTHS and FPAT, PROCINFO["sorted_in"] (the "@ind_..." /
 * "@val_..." orders and comparison functions, for asort/asorti too), split's
 * separator array. `for (k in a)` visits keys in gawk's order (see
 * builtins/awk_order.c).
 *
 * Deviations: rand() is a
 * different (seeded, reproducible) generator; strftime uses UTC, the
 * sandbox's zone; printf %c of a number above 255 writes its UTF-8 encoding
 * in a UTF-8 locale, as gawk does. Nesting (parse and evaluation) is bounded
 * by C stack use: a left-deep chain of some 100,000 operators that gawk
 * evaluates ends here with "expression nesting too deep". Loops check
 * cancellation and the session's time limit every 4096 operations. Not
 * supported: @include, -M (bignum),
 * coprocesses (|&), the /inet special files.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/awk.h"

VB_BUILTIN("awk", bi_awk, BI_UTIL)
VB_BUILTIN("gawk", bi_awk, BI_UTIL)

static const char awk_help[] =
    "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\n"
    "Usage: awk [POSIX or GNU style options] [--] 'program' file ...\n"
    "POSIX options:\t\tGNU long options: (standard)\n"
    "\t-f progfile\t\t--file=progfile\n"
    "\t-F fs\t\t\t--field-separator=fs\n"
    "\t-v var=val\t\t--assign=var=val\n"
    "Short options:\t\tGNU long options: (extensions)\n"
    "\t-e 'program-text'\t--source='program-text'\n"
    "\t-V\t\t\t--version\n";

/* Escape sequences of -v values and -F, as in string constants. */
static char *awk__unescape(awk *A, const char *s, size_t *outlen)
{
    vbuf b;
    vbuf_init(&b, A->heap);
    for (const char *p = s; *p; p++) {
        if (*p != '\\' || !p[1]) {
            vbuf_addc(&b, *p);
            continue;
        }
        p++;
        switch (*p) {
        case 'n': vbuf_addc(&b, '\n'); break;
        case 't': vbuf_addc(&b, '\t'); break;
        case 'r': vbuf_addc(&b, '\r'); break;
        case '\\': vbuf_addc(&b, '\\'); break;
        case '"': vbuf_addc(&b, '"'); break;
        case '/': vbuf_addc(&b, '/'); break;
        case 'a': vbuf_addc(&b, '\a'); break;
        case 'b': vbuf_addc(&b, '\b'); break;
        case 'f': vbuf_addc(&b, '\f'); break;
        case 'v': vbuf_addc(&b, '\v'); break;
        default:
            if (*p >= '0' && *p <= '7') {
                int v = *p - '0';
                for (int i = 0; i < 2 && p[1] >= '0' && p[1] <= '7'; i++)
                    v = v * 8 + (*++p - '0');
                vbuf_addc(&b, (char)v);
            } else {
                vbuf_addc(&b, '\\');
                vbuf_addc(&b, *p);
            }
            break;
        }
    }
    return vbuf_take(&b, outlen);
}

static int awk__assign_arg(awk *A, const char *arg)
{
    const char *eq = strchr(arg, '=');
    bool legal = eq && eq > arg && (isalpha((unsigned char)arg[0]) || arg[0] == '_');
    for (const char *p = arg; legal && p < eq; p++)
        legal = isalnum((unsigned char)*p) || *p == '_';
    if (eq && !legal) {
        vbuf b;
        vbuf_init(&b, A->heap);
        vbuf_printf(&b, "%s: fatal: `%.*s' is not a legal variable name\n", A->progname,
                    (int)(eq - arg), arg);
        bi_errw(A->cmd, b.data, b.len);
        vbuf_free(&b);
        return -1;
    }
    if (!eq || eq == arg) {
        bi_errw(A->cmd, "", 0);
        vbuf b;
        vbuf_init(&b, A->heap);
        vbuf_printf(&b, "%s: fatal: `%s' is not a legal variable name\n", A->progname, arg);
        bi_errw(A->cmd, b.data, b.len);
        vbuf_free(&b);
        return -1;
    }
    char *name = mem_strndup(A->heap, arg, (size_t)(eq - arg));
    int slot = awk_global_slot(A, name);
    size_t len;
    char *val = awk__unescape(A, eq + 1, &len);
    if (slot < 0 || !val)
        return -1;
    awk_setvar_str(A, slot, val, len, true);
    return 0;
}

int bi_awk(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"field-separator", 1, 'F'}, {"assign", 1, 'v'}, {"file", 1, 'f'},
        {"source", 1, 'e'}, {"posix", 0, 'P'}, {"traditional", 0, 'c'},
        {"characters-as-bytes", 0, 'b'}, {"re-interval", 0, 'r'}, {0},
    };
    awk *A = mem_calloc(cmd->heap, 1, sizeof *A);
    if (!A)
        return bi_err(cmd, "out of memory");
    char stack_mark;
    A->stack_top = &stack_mark;
    A->cmd = cmd;
    A->heap = cmd->heap;
    A->progname = "awk";
    A->srcname = "cmd. line";
    A->posix_utf = (rx_locale_flags(cmd) & RX_UTF) != 0;

    bi_opt o;
    bi_opt_init(&o, cmd, "+F:v:f:e:PcbrV", longs, awk_help);
    o.quiet = true;
    const char *fs = NULL;
    vbuf prog;
    vbuf_init(&prog, cmd->heap);
    bool have_prog = false;
    const char **assigns = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof(char *));
    int nassigns = 0;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_ERR: {
            /* gawk: the complaint, then the whole usage text; status 1 */
            vbuf b;
            vbuf_init(&b, cmd->heap);
            if (o.bad[1] == '-')
                vbuf_printf(&b, "awk: unrecognized option '%s'\n", o.bad);
            else
                vbuf_printf(&b, "awk: invalid option -- '%s'\n", o.bad + 1);
            vbuf_adds(&b, awk_help);
            bi_errw(cmd, b.data, b.len);
            return 1;
        }
        case BI_OPT_EXIT:
            return o.status;
        case 'F':
            fs = o.arg;
            break;
        case 'v':
            assigns[nassigns++] = o.arg;
            break;
        case 'f': {
            int err;
            stream *s = bi_open_read(cmd, o.arg, &err);
            if (!s) {
                vbuf b;
                vbuf_init(&b, cmd->heap);
                vbuf_printf(&b, "awk: fatal: cannot open source file `%s' for reading: %s\n",
                            o.arg, vb_strerror(err));
                bi_errw(cmd, b.data, b.len);
                return 2;
            }
            char *data;
            size_t len;
            int rc = bi_slurp(cmd, s, &data, &len);
            stream_unref(s);
            if (rc)
                return bi_err(cmd, "%s: %s", o.arg, vb_strerror(rc)) + 1;
            vbuf_add(&prog, data, len);
            vbuf_addc(&prog, '\n');
            have_prog = true;
            A->srcname = o.arg;
            break;
        }
        case 'e':
            vbuf_adds(&prog, o.arg);
            vbuf_addc(&prog, '\n');
            have_prog = true;
            break;
        case 'V':
            bi_outs(cmd, "GNU Awk 5.2.1 compatible " BI_VERSION_TEXT);
            return bi_done(cmd, 0);
        default:
            break; /* -P -c -b -r: accepted; vbash's awk has one dialect */
        }
    }
    int i = o.ind;
    if (!have_prog) {
        if (i >= cmd->argc) {
            bi_errw(cmd, awk_help, sizeof awk_help - 1);
            return 1;
        }
        vbuf_adds(&prog, cmd->argv[i++]);
    }
    int prc = awk_parse(A, vbuf_str(&prog), prog.len, A->srcname);
    if (prc != 0)
        return prc == -2 ? 2 : 1;

    if (awk_grow_globals(A) != 0)
        return bi_err(cmd, "out of memory");
    awk_setvar_str(A, AS_FS, " ", 1, false);
    awk_setvar_str(A, AS_OFS, " ", 1, false);
    awk_setvar_str(A, AS_ORS, "\n", 1, false);
    awk_setvar_str(A, AS_RS, "\n", 1, false);
    awk_setvar_str(A, AS_SUBSEP, "\034", 1, false);
    awk_setvar_str(A, AS_CONVFMT, "%.6g", 4, false);
    awk_setvar_str(A, AS_OFMT, "%.6g", 4, false);
    awk_setvar_str(A, AS_FILENAME, "", 0, false);
    awk_setvar_str(A, AS_NR, "0", 1, true);
    awk_setvar_str(A, AS_NF, "0", 1, true);
    awk_setvar_str(A, AS_FNR, "0", 1, true);
    awk_setvar_str(A, AS_RSTART, "0", 1, true);
    awk_setvar_str(A, AS_RLENGTH, "-1", 2, true);
    awk_setvar_str(A, AS_IGNORECASE, "0", 1, true);
    awk_setvar_str(A, AS_RT, "", 0, false);
    if (fs) {
        size_t len;
        char *v = awk__unescape(A, fs, &len);
        if (v)
            awk_setvar_str(A, AS_FS, v, strlen(v), false);
    }
    for (int k = 0; k < nassigns; k++)
        if (awk__assign_arg(A, assigns[k]) != 0)
            return 2;

    /* ARGV, ARGC, ENVIRON */
    char key[32];
    awk_array_put(A, AS_ARGV, "0", "awk", false);
    int argc = 1;
    for (; i < cmd->argc; i++, argc++) {
        snprintf(key, sizeof key, "%d", argc);
        awk_array_put(A, AS_ARGV, key, cmd->argv[i], true);
    }
    snprintf(key, sizeof key, "%d", argc);
    awk_setvar_str(A, AS_ARGC, key, strlen(key), true);
    A->argi = 1;
    char **env = cmd->ops && cmd->ops->environ ? cmd->ops->environ(cmd->shell, cmd->heap) : NULL;
    for (char **e = env; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        char *name = mem_strndup(cmd->heap, *e, (size_t)(eq - *e));
        if (name)
            awk_array_put(A, AS_ENVIRON, name, eq + 1, true);
    }
    awk_array_put(A, AS_ENVIRON, NULL, NULL, false); /* an array even when empty */

    int st = awk_run(A);
    if (A->loc)
        freelocale(A->loc);
    return bi_done(cmd, st);
}
