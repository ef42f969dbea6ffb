/*
 * alias, unalias, umask, ulimit, caller, getopts, compgen, times, history,
 * help. Reference: bash 5.2.
 */
#include <dirent.h>
#include <inttypes.h>
#include <stdlib.h>

#include "interp/bi/shbi.h"

VB_BUILTIN("alias", bi_alias, BI_SHELL | BI_NOFORK)
int bi_alias(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    int i = 1;
    bool print = cmd->argc == 1;
    if (i < cmd->argc && strcmp(cmd->argv[i], "-p") == 0) {
        print = true;
        i++;
    }
    if (i < cmd->argc && strcmp(cmd->argv[i], "--") == 0)
        i++;
    if (print && i >= cmd->argc) {
        /* sorted */
        ialias *list[1024];
        size_t n = 0;
        for (ialias *a = sh->aliases; a && n < 1024; a = a->next)
            list[n++] = a;
        for (size_t x = 1; x < n; x++)
            for (size_t k = x; k > 0 && strcmp(list[k - 1]->name, list[k]->name) > 0; k--) {
                ialias *t = list[k];
                list[k] = list[k - 1];
                list[k - 1] = t;
            }
        for (size_t x = 0; x < n; x++) {
            char *q = shell_quote(g, list[x]->val, true);
            bi_outf(cmd, "alias %s=%s\n", list[x]->name, q);
            mem_free(g->heap, q);
        }
        return bi_done(cmd, 0);
    }
    int rc = 0;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        const char *eq = strchr(a, '=');
        if (!eq) {
            const char *v = alias_get(sh, a);
            if (!v) {
                shbi_err(cmd, "%s: not found", a);
                rc = 1;
                continue;
            }
            char *q = shell_quote(g, v, true);
            bi_outf(cmd, "alias %s=%s\n", a, q);
            mem_free(g->heap, q);
            continue;
        }
        char *name = mem_strndup(g->heap, a, (size_t)(eq - a));
        if (!name)
            return 1;
        if (!*name || strchr(name, '/') || strchr(name, '$') || strchr(name, '`') || strchr(name, '=')) {
            shbi_err(cmd, "`%s': invalid alias name", name);
            mem_free(g->heap, name);
            rc = 1;
            continue;
        }
        if (alias_set(sh, name, eq + 1)) {
            mem_free(g->heap, name);
            return 1;
        }
        mem_free(g->heap, name);
    }
    return bi_done(cmd, rc);
}

VB_BUILTIN("unalias", bi_unalias, BI_SHELL | BI_NOFORK)
int bi_unalias(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    int i = 1;
    if (i < cmd->argc && strcmp(cmd->argv[i], "-a") == 0) {
        while (sh->aliases) {
            ialias *a = sh->aliases;
            sh->aliases = a->next;
            mem_free(g->heap, a->name);
            mem_free(g->heap, a->val);
            mem_free(g->heap, a);
        }
        return 0;
    }
    if (i >= cmd->argc)
        return shbi_usage(cmd, "unalias [-a] name [name ...]");
    int rc = 0;
    for (; i < cmd->argc; i++) {
        bool found = false;
        for (ialias **pp = &sh->aliases; *pp; pp = &(*pp)->next)
            if (strcmp((*pp)->name, cmd->argv[i]) == 0) {
                ialias *a = *pp;
                *pp = a->next;
                mem_free(g->heap, a->name);
                mem_free(g->heap, a->val);
                mem_free(g->heap, a);
                found = true;
                break;
            }
        if (!found) {
            shbi_err(cmd, "%s: not found", cmd->argv[i]);
            rc = 1;
        }
    }
    return rc;
}

static void sym_umask(char *out, uint32_t m)
{
    const char *who = "ugo";
    char *o = out;
    for (int k = 0; k < 3; k++) {
        uint32_t bits = (~m >> (6 - 3 * k)) & 7;
        if (k)
            *o++ = ',';
        *o++ = who[k];
        *o++ = '=';
        if (bits & 4) *o++ = 'r';
        if (bits & 2) *o++ = 'w';
        if (bits & 1) *o++ = 'x';
    }
    *o = 0;
}

VB_BUILTIN("umask", bi_umask, BI_SHELL | BI_NOFORK)
int bi_umask(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    bool sym = false, pform = false;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            if (*p == 'S')
                sym = true;
            else if (*p == 'p')
                pform = true;
            else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "umask [-p] [-S] [mode]");
            }
        }
    }
    if (i >= cmd->argc) {
        if (sym) {
            char buf[32];
            sym_umask(buf, sh->umask);
            bi_outf(cmd, "%s%s\n", pform ? "umask -S " : "", buf);
        } else
            bi_outf(cmd, "%s%04o\n", pform ? "umask " : "", sh->umask);
        return bi_done(cmd, 0);
    }
    const char *m = cmd->argv[i];
    if (m[0] >= '0' && m[0] <= '7') {
        uint32_t v = 0;
        for (const char *p = m; *p; p++) {
            if (*p < '0' || *p > '7')
                return shbi_err(cmd, "%s: octal number out of range", m);
            v = v * 8 + (uint32_t)(*p - '0');
        }
        if (v > 0777)
            return shbi_err(cmd, "%s: octal number out of range", m);
        sh->umask = v;
        return 0;
    }
    /* symbolic: [ugoa]*[+-=][rwx]* , ... applied to the permission mask */
    uint32_t perm = ~sh->umask & 0777;
    const char *p = m;
    while (*p) {
        uint32_t who = 0;
        while (*p && strchr("ugoa", *p)) {
            who |= *p == 'u' ? 0700 : *p == 'g' ? 0070 : *p == 'o' ? 0007 : 0777;
            p++;
        }
        if (!who)
            who = 0777;
        if (!*p || !strchr("+-=", *p))
            return shbi_err(cmd, "`%c': invalid symbolic mode operator", *p ? *p : ' ');
        char op = *p++;
        uint32_t bits = 0;
        while (*p && strchr("rwx", *p)) {
            bits |= *p == 'r' ? 0444 : *p == 'w' ? 0222 : 0111;
            p++;
        }
        if (*p && *p != ',')
            return shbi_err(cmd, "`%c': invalid symbolic mode character", *p);
        bits &= who;
        if (op == '+')
            perm |= bits;
        else if (op == '-')
            perm &= ~bits;
        else
            perm = (perm & ~who) | bits;
        if (*p == ',')
            p++;
    }
    sh->umask = ~perm & 0777;
    return 0;
}

VB_BUILTIN("ulimit", bi_ulimit, BI_SHELL | BI_NOFORK)
int bi_ulimit(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    /* The session's limits shown in ulimit's units; lowering works, raising
     * past the session's value does not. */
    char which = 'f';
    bool all = false;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++)
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            if (*p == 'a')
                all = true;
            else if (*p == 'H' || *p == 'S')
                continue;
            else if (strchr("cdefilmnpqrstuvxTbkPR", *p))
                which = *p;
            else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]");
            }
        }
    uint64_t fsz = g->lim.max_file_bytes, mem = g->lim.max_memory_bytes, procs = g->lim.max_procs;
    if (all) {
        bi_outf(cmd, "file size               (blocks, -f) %s\n", fsz ? "" : "unlimited");
        if (fsz)
            bi_outf(cmd, "%" PRIu64 "\n", fsz / 512);
        bi_outf(cmd, "max memory size         (kbytes, -m) %" PRIu64 "\n", mem / 1024);
        bi_outf(cmd, "max user processes              (-u) %" PRIu64 "\n", procs);
        return bi_done(cmd, 0);
    }
    uint64_t *slot = which == 'f' ? &g->lim.max_file_bytes : which == 'v' || which == 'm' ? &g->lim.max_memory_bytes
                   : which == 'u' ? &g->lim.max_procs : NULL;
    uint64_t unit = which == 'f' ? 512 : (which == 'v' || which == 'm') ? 1024 : 1;
    if (i >= cmd->argc) {
        if (!slot || !*slot)
            bi_outs(cmd, "unlimited\n");
        else
            bi_outf(cmd, "%" PRIu64 "\n", *slot / unit);
        return bi_done(cmd, 0);
    }
    if (!slot)
        return shbi_err(cmd, "cannot modify limit: Operation not permitted");
    const char *v = cmd->argv[i];
    uint64_t nv;
    if (strcmp(v, "unlimited") == 0)
        nv = 0;
    else {
        int64_t n;
        if (!shbi_int(v, &n) || n < 0)
            return shbi_err(cmd, "%s: invalid number", v);
        nv = (uint64_t)n * unit;
    }
    if ((*slot && (nv == 0 || nv > *slot)))
        return shbi_err(cmd, "%s: cannot modify limit: Operation not permitted",
                        which == 'f' ? "file size" : which == 'u' ? "max user processes" : "max memory size");
    *slot = nv;
    if (which == 'v' || which == 'm')
        mem_heap_set_cap(g->heap, (size_t)nv);
    return 0;
}

/* Frame k of bash's call stack (0 innermost), the script's main level
 * last: its line (BASH_LINENO), file (BASH_SOURCE) and function
 * (FUNCNAME). false past the end. */
static bool caller_frame(ish *sh, int64_t k, int *line, const char **src, const char **fn)
{
    iframe *f = sh->frame;
    for (; f && k > 0; k--)
        f = f->up;
    if (f) {
        *line = f->call_line;
        *src = f->source ? f->source : sh->interactive ? "main" : "environment";
        *fn = f->func;
        return true;
    }
    if (k == 0 && sh->source_name) {
        *line = 0;
        *src = sh->source_name;
        *fn = "main";
        return true;
    }
    return false;
}

VB_BUILTIN("caller", bi_caller, BI_SHELL | BI_NOFORK)
int bi_caller(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int64_t n = -1;
    int i = 1;
    /* bash: the line of frame n and the file and function of frame n+1;
     * outside any frame it fails before looking at its arguments */
    int line, l2;
    const char *src, *fn, *src2, *fn2;
    if (!caller_frame(sh, 0, &line, &src, &fn))
        return 1;
    if (i < cmd->argc && strcmp(cmd->argv[i], "--") == 0)
        i++;
    else if (i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1])
        return shbi_badopt(cmd, cmd->argv[i], "caller [expr]");
    if (i < cmd->argc && !shbi_int(cmd->argv[i], &n)) {
        shbi_err(cmd, "%s: invalid number", cmd->argv[i]);
        return shbi_usage(cmd, "caller [expr]");
    }
    if (n < 0) {
        if (!caller_frame(sh, 1, &l2, &src2, &fn2))
            src2 = "NULL";
        bi_outf(cmd, "%d %s\n", line, src2);
        return bi_done(cmd, 0);
    }
    if (!caller_frame(sh, n, &line, &src, &fn) || !caller_frame(sh, n + 1, &l2, &src2, &fn2))
        return 1;
    bi_outf(cmd, "%d %s %s\n", line, fn2, src2);
    return bi_done(cmd, 0);
}

VB_BUILTIN("getopts", bi_getopts, BI_SHELL | BI_NOFORK)
int bi_getopts(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    if (cmd->argc < 3)
        return shbi_usage(cmd, "getopts optstring name [arg ...]");
    const char *spec = cmd->argv[1];
    const char *name = cmd->argv[2];
    if (!var_valid_name(name))
        return shbi_err(cmd, "`%s': not a valid identifier", name);
    bool silent = spec[0] == ':';
    if (silent)
        spec++;
    const char *opterr = var_get(sh, "OPTERR");
    bool quiet = silent || (opterr && strcmp(opterr, "0") == 0);
    char **args;
    int nargs;
    if (cmd->argc > 3) {
        args = cmd->argv + 3;
        nargs = cmd->argc - 3;
    } else {
        args = sh->pos;
        nargs = sh->npos;
    }
    const char *oi = var_get(sh, "OPTIND");
    int64_t optind = 1;
    if (oi)
        shbi_int(oi, &optind);
    if (optind < 1)
        optind = 1;
    if (sh->getopts_ind != optind) {
        sh->getopts_sub = 0;
        sh->getopts_ind = (int)optind;
    }
    char nb[32];
    if (optind > nargs) {
    end:
        var_set(sh, name, "?", 0);
        var_unset(sh, "OPTARG", true);
        snprintf(nb, sizeof nb, "%" PRId64, optind);
        var_set(sh, "OPTIND", nb, 0);
        sh->getopts_ind = (int)optind;
        sh->getopts_sub = 0;
        return 1;
    }
    const char *arg = args[optind - 1];
    if (sh->getopts_sub == 0) {
        if (arg[0] != '-' || !arg[1])
            goto end;
        if (strcmp(arg, "--") == 0) {
            optind++;
            goto end;
        }
        sh->getopts_sub = 1;
    }
    char c = arg[sh->getopts_sub++];
    bool last = arg[sh->getopts_sub] == 0;
    const char *m = c != ':' ? strchr(spec, c) : NULL;
    char opt[2] = {c, 0};
    if (!m) {
        if (silent) {
            var_set(sh, "OPTARG", opt, 0);
        } else if (quiet) {
            var_unset(sh, "OPTARG", true);
        } else {
            bi_flush(cmd);
            char msg[128];
            snprintf(msg, sizeof msg, "%s: illegal option -- %c\n", sh->g->script_name ? sh->g->script_name : "vbash", c);
            stream_write(cmd->err, msg, strlen(msg));
            var_unset(sh, "OPTARG", true);
        }
        var_set(sh, name, "?", 0);
        if (last) {
            optind++;
            sh->getopts_sub = 0;
        }
    } else if (m[1] == ':') {
        const char *val;
        if (!last) {
            val = arg + sh->getopts_sub;
            optind++;
        } else if (optind < nargs) {
            val = args[optind];
            optind += 2;
        } else {
            if (silent) {
                var_set(sh, name, ":", 0);
                var_set(sh, "OPTARG", opt, 0);
            } else {
                bi_flush(cmd);
                char msg[128];
                snprintf(msg, sizeof msg, "%s: option requires an argument -- %c\n",
                         sh->g->script_name ? sh->g->script_name : "vbash", c);
                if (!quiet)
                    stream_write(cmd->err, msg, strlen(msg));
                var_set(sh, name, "?", 0);
                var_unset(sh, "OPTARG", true);
            }
            optind++;
            sh->getopts_sub = 0;
            snprintf(nb, sizeof nb, "%" PRId64, optind);
            var_set(sh, "OPTIND", nb, 0);
            sh->getopts_ind = (int)optind;
            return 0;
        }
        var_set(sh, "OPTARG", val, 0);
        var_set(sh, name, opt, 0);
        sh->getopts_sub = 0;
    } else {
        var_set(sh, name, opt, 0);
        var_unset(sh, "OPTARG", true);
        if (last) {
            optind++;
            sh->getopts_sub = 0;
        }
    }
    snprintf(nb, sizeof nb, "%" PRId64, optind);
    var_set(sh, "OPTIND", nb, 0);
    sh->getopts_ind = (int)optind;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

VB_BUILTIN("compgen", bi_compgen, BI_SHELL | BI_NOFORK)
int bi_compgen(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    int what = 0; /* bitmask: 1 commands 2 files 4 dirs 8 vars 16 functions 32 builtins 64 aliases 128 keywords */
    const char *wordlist = NULL;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            switch (*p) {
            case 'c': what |= 1 | 16 | 32 | 64 | 128; break;
            case 'f': what |= 2; break;
            case 'd': what |= 4; break;
            case 'v': what |= 8; break;
            case 'b': what |= 32; break;
            case 'a': what |= 64; break;
            case 'k': what |= 128; break;
            case 'e': what |= 256; break;
            case 'A': {
                const char *v = p[1] ? p + 1 : (i + 1 < cmd->argc ? cmd->argv[++i] : "");
                if (strcmp(v, "function") == 0) what |= 16;
                else if (strcmp(v, "variable") == 0) what |= 8;
                else if (strcmp(v, "command") == 0) what |= 1 | 16 | 32 | 64 | 128;
                else if (strcmp(v, "file") == 0) what |= 2;
                else if (strcmp(v, "directory") == 0) what |= 4;
                else if (strcmp(v, "builtin") == 0) what |= 32;
                else if (strcmp(v, "alias") == 0) what |= 64;
                else if (strcmp(v, "keyword") == 0) what |= 128;
                else if (strcmp(v, "export") == 0) what |= 256;
                else return shbi_err(cmd, "%s: invalid action name", v);
                goto nextarg;
            }
            case 'W':
                wordlist = p[1] ? p + 1 : (i + 1 < cmd->argc ? cmd->argv[++i] : "");
                goto nextarg;
            default: {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]");
            }
            }
        }
    nextarg:;
    }
    const char *word = i < cmd->argc ? cmd->argv[i] : "";
    size_t wl = strlen(word);
    char **out = NULL;
    size_t n = 0, cap = 0;
#define ADD(s)                                                                      \
    do {                                                                            \
        if (strncmp((s), word, wl) == 0) {                                          \
            if (n + 1 > cap) {                                                      \
                cap = cap ? cap * 2 : 64;                                           \
                char **no = mem_realloc(cmd->heap, out, cap * sizeof *no);          \
                if (!no)                                                            \
                    break;                                                          \
                out = no;                                                           \
            }                                                                       \
            out[n++] = mem_strdup(cmd->heap, (s));                                  \
        }                                                                           \
    } while (0)
    if (wordlist) {
        char *w = mem_strdup(cmd->heap, wordlist);
        for (char *t = strtok(w, " \t\n"); t; t = strtok(NULL, " \t\n"))
            ADD(t);
    }
    if (what & (8 | 256)) {
        ivar_iter it;
        var_iter_init(&it, sh);
        for (ivar *v; (v = var_iter_next(&it));)
            if (!(v->attr & VA_UNSET) && ((what & 8) || (v->attr & VA_EXPORT)))
                ADD(v->name);
    }
    if (what & 16)
        for (size_t k = 0; k < sh->funcs.nb; k++)
            for (ifunc *f = sh->funcs.b[k]; f; f = f->next)
                ADD(f->name);
    if (what & 32)
        for (size_t k = 0; k < vb_builtin_count; k++)
            if (vb_builtin_table[k].flags & (BI_SHELL | BI_SPECIAL))
                ADD(vb_builtin_table[k].name);
    if (what & 64)
        for (ialias *a = sh->aliases; a; a = a->next)
            ADD(a->name);
    if (what & 128) {
        static const char *const kw[] = {"if", "then", "else", "elif", "fi", "case", "esac", "for", "select",
                                         "while", "until", "do", "done", "in", "function", "time", "{", "}",
                                         "!", "[[", "]]", "coproc", NULL};
        for (int k = 0; kw[k]; k++)
            ADD(kw[k]);
    }
    if (what & 1) {
        const char *path = var_get(sh, "PATH");
        for (const char *s = path; s && *s;) {
            const char *e = strchr(s, ':');
            size_t l = e ? (size_t)(e - s) : strlen(s);
            char *dir = mem_strndup(cmd->heap, s, l);
            char *abs = dir ? sh_abspath(sh, dir) : NULL;
            vfs_dir *d = NULL;
            if (abs && vfs_opendir(g->vfs, abs, &d) == 0) {
                vfs_dirent e2;
                while (vfs_readdir(d, &e2) == 1)
                    ADD(e2.name);
                vfs_closedir(d);
            }
            mem_free(g->heap, abs);
            if (!e)
                break;
            s = e + 1;
        }
    }
    if (what & (2 | 4)) {
        const char *slash = strrchr(word, '/');
        char *dir = slash ? mem_strndup(cmd->heap, word, (size_t)(slash - word + 1)) : mem_strdup(cmd->heap, "");
        char *abs = sh_abspath(sh, dir && *dir ? dir : ".");
        vfs_dir *d = NULL;
        if (abs && vfs_opendir(g->vfs, abs, &d) == 0) {
            vfs_dirent e2;
            while (vfs_readdir(d, &e2) == 1) {
                if (e2.name[0] == '.' && !(slash ? slash[1] == '.' : word[0] == '.'))
                    continue;
                if ((what & 2) || e2.type == DT_DIR) {
                    char *full = mem_printf(cmd->heap, "%s%s", dir, e2.name);
                    if (full)
                        ADD(full);
                }
            }
            vfs_closedir(d);
        }
        mem_free(g->heap, abs);
    }
#undef ADD
    if (!(what & (2 | 4)) && n > 1)
        qsort(out, n, sizeof *out, cmp_str);
    for (size_t k = 0; k < n; k++) {
        if (k && !(what & (2 | 4)) && strcmp(out[k], out[k - 1]) == 0)
            continue;
        bi_outf(cmd, "%s\n", out[k]);
    }
    return bi_done(cmd, n ? 0 : 1);
}

VB_BUILTIN("times", bi_times, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_times(vb_cmd *cmd)
{
    /* One process, no separate child accounting: user time of the thread. */
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    double u = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
    int m = (int)(u / 60);
    bi_outf(cmd, "%dm%.3fs 0m0.000s\n0m0.000s 0m0.000s\n", m, u - 60 * m);
    return bi_done(cmd, 0);
}

VB_BUILTIN("history", bi_history, BI_SHELL | BI_NOFORK)
int bi_history(vb_cmd *cmd)
{
    /* Non-interactive shells keep no history (bash: history is off). */
    for (int i = 1; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] == '-' && a[1] && !strchr("cdanrwps", a[1])) {
            char o[3] = {'-', a[1], 0};
            return shbi_badopt(cmd, o, "history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]");
        }
    }
    return 0;
}

VB_BUILTIN("help", bi_help, BI_SHELL | BI_NOFORK)
int bi_help(vb_cmd *cmd)
{
    if (cmd->argc > 1) {
        int rc = 0;
        for (int i = 1; i < cmd->argc; i++) {
            const vb_builtin *b = exec_find_builtin(cmd->argv[i]);
            if (!b) {
                shbi_err(cmd, "no help topics match `%s'.  Try `help help' or `man -k %s' or `info %s'.",
                         cmd->argv[i], cmd->argv[i], cmd->argv[i]);
                rc = 1;
                continue;
            }
            bi_outf(cmd, "%s: %s [arg ...]\n    The vbash %s builtin (see bash(1)).\n", b->name, b->name, b->name);
        }
        return bi_done(cmd, rc);
    }
    bi_outs(cmd, "GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu), emulated by vbash " VB_VERSION_STRING "\n"
                 "These shell commands are defined internally.  Type `help' to see this list.\n\n");
    for (size_t k = 0; k < vb_builtin_count; k++)
        if (vb_builtin_table[k].flags & (BI_SHELL | BI_SPECIAL))
            bi_outf(cmd, " %s\n", vb_builtin_table[k].name);
    return bi_done(cmd, 0);
}
