/*
 * Builtins that run code or look commands up: eval, source/., exec,
 * command, builtin, type, hash, enable, and bash/sh (a child shell in the
 * same interpreter). Reference: bash 5.2.
 */
#include <stdlib.h>

#include "interp/bi/shbi.h"

static const char *const keywords[] = {
    "!", "[[", "]]", "case", "coproc", "do", "done", "elif", "else", "esac", "fi", "for",
    "function", "if", "in", "select", "then", "time", "until", "while", "{", "}", NULL,
};

static bool is_keyword(const char *s)
{
    for (int i = 0; keywords[i]; i++)
        if (strcmp(keywords[i], s) == 0)
            return true;
    return false;
}

VB_BUILTIN("eval", bi_eval, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_eval(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int i = 1;
    if (i < cmd->argc && strcmp(cmd->argv[i], "--") == 0)
        i++;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    for (; i < cmd->argc; i++) {
        if (b.len)
            vbuf_addc(&b, ' ');
        vbuf_adds(&b, cmd->argv[i]);
    }
    if (!b.len)
        return 0;
    if (sh->g->lim.max_call_depth && (uint64_t)sh->source_depth + (uint64_t)sh->func_depth >= sh->g->lim.max_call_depth) {
        exec_limit(sh->g, VB_LIMIT_CALL_DEPTH, "maximum call depth exceeded (limit call_depth=%llu)",
                   (unsigned long long)sh->g->lim.max_call_depth);
        return 1;
    }
    bi_flush(cmd);
    int line = sh->lineno;
    sh->next_first_line = line; /* eval's text counts from its own line */
    sh->xlevel++; /* set -x: eval's commands one level deeper (++ with PS4 "+ ") */
    int st = exec_string(sh, b.data, b.len, "eval", false);
    sh->xlevel--;
    sh->lineno = line;
    return st;
}

static char *find_source(vb_cmd *cmd, ish *sh, const char *name)
{
    if (strchr(name, '/'))
        return sh_abspath(sh, name);
    if (sh->shopts & SO_SOURCEPATH) {
        char *p = exec_find_path(sh, name);
        if (p) {
            /* PATH search for source needs only a readable file */
            return p;
        }
        const char *path = var_get(sh, "PATH");
        for (const char *s = path; s && *s;) {
            const char *e = strchr(s, ':');
            size_t l = e ? (size_t)(e - s) : strlen(s);
            char *cand = mem_printf(sh->g->heap, "%.*s/%s", (int)l, s, name);
            char *abs = cand ? sh_abspath(sh, cand) : NULL;
            mem_free(sh->g->heap, cand);
            vfs_stat_t st;
            if (abs && vfs_stat(sh->g->vfs, abs, &st) == 0 && S_ISREG(st.mode))
                return abs;
            mem_free(sh->g->heap, abs);
            if (!e)
                break;
            s = e + 1;
        }
    }
    return sh_abspath(sh, name);
}

static int source_main(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    int i = 1;
    if (i < cmd->argc && strcmp(cmd->argv[i], "--") == 0)
        i++;
    if (i >= cmd->argc) {
        shbi_err(cmd, "filename argument required");
        return shbi_usage(cmd, strcmp(cmd->argv[0], ".") == 0 ? ". filename [arguments]"
                                                               : "source filename [arguments]");
    }
    const char *name = cmd->argv[i];
    char *path = find_source(cmd, sh, name);
    char *data = NULL;
    size_t len = 0;
    int rc;
    if (strcmp(name, "/dev/stdin") == 0 || strncmp(name, "/dev/fd/", 8) == 0) {
        /* an open descriptor (source <(...)): read the stream */
        int err = 0;
        stream *in = bi_open_read(cmd, name, &err);
        char *tmp = NULL;
        rc = in ? bi_slurp(cmd, in, &tmp, &len) : err;
        if (in)
            stream_unref(in);
        if (rc >= 0) {
            data = mem_strndup(g->heap, tmp ? tmp : "", len);
            rc = data ? 0 : VB_ENOMEM;
        }
    } else
        rc = path ? vfs_read_all(g->vfs, path, g->heap, &data, &len) : VB_ENOMEM;
    mem_free(g->heap, path);
    if (rc < 0) {
        bi_flush(cmd);
        sh_error(sh, "%s: %s", name, vb_strerror(rc));
        return 1;
    }
    if (g->lim.max_call_depth && (uint64_t)sh->source_depth + (uint64_t)sh->func_depth >= g->lim.max_call_depth) {
        mem_free(g->heap, data);
        exec_limit(g, VB_LIMIT_CALL_DEPTH, "maximum call depth exceeded (limit call_depth=%llu)",
                   (unsigned long long)g->lim.max_call_depth);
        return 1;
    }
    bi_flush(cmd);
    char **saved_pos = NULL;
    int saved_npos = 0;
    bool newpos = i + 1 < cmd->argc;
    if (newpos) {
        saved_pos = sh->pos;
        saved_npos = sh->npos;
        sh->pos = mem_calloc(g->heap, (size_t)(cmd->argc - i), sizeof *sh->pos);
        sh->npos = 0;
        for (int k = i + 1; k < cmd->argc && sh->pos; k++)
            sh->pos[sh->npos++] = mem_strdup(g->heap, cmd->argv[k]);
    }
    char **own_pos = sh->pos;
    char *srcname = mem_strdup(g->heap, name);
    int line = sh->lineno;
    /* bash's frame of a sourced file: FUNCNAME "source", BASH_SOURCE the
     * file, BASH_LINENO the line of the call; BASH_ARGV its arguments (the
     * file name when there are none) */
    iframe fr = {.func = "source", .source = srcname, .call_line = line, .up = sh->frame,
                 .args = cmd->argv + i + (newpos ? 1 : 0), .nargs = newpos ? cmd->argc - i - 1 : 1,
                 .caller_pos = newpos ? saved_pos : sh->pos, .caller_npos = newpos ? saved_npos : sh->npos};
    sh->frame = &fr;
    sh->source_depth++;
    sh->xlevel++;
    int st = exec_string(sh, data, len, name, true);
    sh->xlevel--;
    sh->source_depth--;
    sh->lineno = line;
    int trap_st = sh->status; /* $? in the RETURN trap */
    if (sh->flow == FLOW_RETURN) {
        sh->flow = FLOW_NONE;
        st = sh->exit_status;
        trap_st = sh->flow_n;
    }
    if (fr.restore_opts && fr.up && !fr.up->restore_opts) {
        /* `local -` in the file belongs to the function that sourced it */
        fr.up->restore_opts = true;
        fr.up->saved_opts = fr.saved_opts;
    }
    sh->frame = fr.up;
    if (sh->traps[ITRAP_RETURN].action && sh->flow == FLOW_NONE) {
        /* bash runs the RETURN trap as a sourced file ends, the file's
         * frame already gone */
        int keep = sh->status;
        sh->status = trap_st;
        exec_trap(sh, ITRAP_RETURN);
        sh->status = keep;
    }
    mem_free(g->heap, srcname);
    if (newpos && sh->pos != own_pos) {
        /* `set` replaced the arguments in the file: bash keeps them */
        for (int k = 0; k < saved_npos; k++)
            mem_free(g->heap, saved_pos[k]);
        mem_free(g->heap, saved_pos);
    } else if (newpos) {
        for (int k = 0; k < sh->npos; k++)
            mem_free(g->heap, sh->pos[k]);
        mem_free(g->heap, sh->pos);
        sh->pos = saved_pos;
        sh->npos = saved_npos;
    }
    mem_free(g->heap, data);
    return st;
}

VB_BUILTIN("source", bi_source, BI_SHELL | BI_NOFORK)
int bi_source(vb_cmd *cmd)
{
    return source_main(cmd);
}

VB_BUILTIN(".", bi_dot, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_dot(vb_cmd *cmd)
{
    return source_main(cmd);
}

VB_BUILTIN("exec", bi_exec, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_exec(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(cmd->argv[i], "-c") == 0 || strcmp(cmd->argv[i], "-l") == 0)
            continue;
        if (strcmp(cmd->argv[i], "-a") == 0 && i + 1 < cmd->argc) {
            i++;
            continue;
        }
        return shbi_badopt(cmd, cmd->argv[i], "exec [-cl] [-a name] [command [argument ...]] [redirection ...]");
    }
    if (i >= cmd->argc)
        return 0; /* redirections stay (the caller did not save them) */
    bi_flush(cmd);
    /* Replacing the shell: run the command, then this shell ends. */
    int st = exec_argv(sh, cmd->argv + i, cmd->argc - i, NULL, NULL);
    sh->flow = FLOW_EXIT;
    sh->exit_status = st;
    return st;
}

/* Describes name for type / command -v / -V. Returns false if not found. */
static bool describe(vb_cmd *cmd, ish *sh, const char *name, char mode, bool all, bool no_func,
                     bool path_only)
{
    bool found = false;
    if (!path_only) {
        const char *al = (sh->shopts & SO_EXPAND_ALIASES) || true ? alias_get(sh, name) : NULL;
        if (al) {
            found = true;
            if (mode == 't')
                bi_outs(cmd, "alias\n");
            else if (mode == 'v')
                bi_outf(cmd, "alias %s='%s'\n", name, al);
            else
                bi_outf(cmd, "%s is aliased to `%s'\n", name, al);
            if (!all)
                return true;
        }
        if (is_keyword(name)) {
            found = true;
            if (mode == 't')
                bi_outs(cmd, "keyword\n");
            else if (mode == 'v')
                bi_outf(cmd, "%s\n", name);
            else
                bi_outf(cmd, "%s is a shell keyword\n", name);
            if (!all)
                return true;
        }
        ifunc *f = no_func ? NULL : func_get(sh, name);
        if (f) {
            found = true;
            if (mode == 't')
                bi_outs(cmd, "function\n");
            else if (mode == 'v')
                bi_outf(cmd, "%s\n", name);
            else {
                bi_outf(cmd, "%s is a function\n", name);
                shbi_print_func(cmd, f);
            }
            if (!all)
                return true;
        }
        if (sh_find_builtin(sh, name)) {
            found = true;
            if (mode == 't')
                bi_outs(cmd, "builtin\n");
            else if (mode == 'v')
                bi_outf(cmd, "%s\n", name);
            else
                bi_outf(cmd, "%s is a shell builtin\n", name);
            if (!all)
                return true;
        }
    }
    if (all && !strchr(name, '/')) {
        const char *path = var_get(sh, "PATH");
        for (const char *s = path; s && *s;) {
            const char *e = strchr(s, ':');
            size_t l = e ? (size_t)(e - s) : strlen(s);
            char *cand = mem_printf(cmd->heap, "%.*s/%s", (int)l, s, name);
            char *abs = cand ? sh_abspath(sh, cand) : NULL;
            vfs_stat_t st;
            if (abs && vfs_stat(sh->g->vfs, abs, &st) == 0 && S_ISREG(st.mode) &&
                vfs_access(sh->g->vfs, abs, X_OK) == 0) {
                found = true;
                if (mode == 't')
                    bi_outs(cmd, "file\n");
                else if (mode == 'v' || mode == 'p')
                    bi_outf(cmd, "%s\n", cand);
                else
                    bi_outf(cmd, "%s is %s\n", name, cand);
            }
            mem_free(sh->g->heap, abs);
            if (!e)
                break;
            s = e + 1;
        }
        return found;
    }
    if (!strchr(name, '/'))
        for (ihash *h = sh->hashed; h; h = h->next)
            if (strcmp(h->name, name) == 0) {
                if (mode == 't')
                    bi_outs(cmd, "file\n");
                else if (mode == 'v' || mode == 'p')
                    bi_outf(cmd, "%s\n", h->path);
                else
                    bi_outf(cmd, "%s is hashed (%s)\n", name, h->path);
                return true;
            }
    char *p = exec_find_path(sh, name);
    if (p) {
        vfs_stat_t st;
        if (vfs_stat(sh->g->vfs, p, &st) == 0 && S_ISREG(st.mode) &&
            vfs_access(sh->g->vfs, p, X_OK) == 0) {
            const char *shown = strchr(name, '/') ? name : p;
            if (mode == 't')
                bi_outs(cmd, "file\n");
            else if (mode == 'v' || mode == 'p')
                bi_outf(cmd, "%s\n", shown);
            else
                bi_outf(cmd, "%s is %s\n", name, shown);
            mem_free(sh->g->heap, p);
            return true;
        }
        mem_free(sh->g->heap, p);
    }
    return found;
}

VB_BUILTIN("type", bi_type, BI_SHELL | BI_NOFORK)
int bi_type(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    char mode = 'V';
    bool all = false, no_func = false, path_only = false, force_path = false;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            switch (*p) {
            case 't': mode = 't'; break;
            case 'a': all = true; break;
            case 'f': no_func = true; break;
            case 'p': mode = 'p'; path_only = true; break;
            case 'P': mode = 'p'; path_only = true; force_path = true; break;
            default: {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "type [-afptP] name [name ...]");
            }
            }
        }
    }
    (void)force_path;
    int rc = 0;
    for (; i < cmd->argc; i++) {
        const char *name = cmd->argv[i];
        if (path_only && !force_path && (func_get(sh, name) || sh_find_builtin(sh, name) || is_keyword(name)))
            continue;
        if (!describe(cmd, sh, name, mode, all, no_func, path_only)) {
            if (mode == 'V') {
                bi_flush(cmd);
                shbi_err(cmd, "%s: not found", name);
            }
            rc = 1;
        }
    }
    return bi_done(cmd, rc);
}

VB_BUILTIN("command", bi_command, BI_SHELL | BI_NOFORK)
int bi_command(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    char mode = 0;
    bool defpath = false;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            if (*p == 'v')
                mode = 'v';
            else if (*p == 'V')
                mode = 'V';
            else if (*p == 'p')
                defpath = true;
            else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "command [-pVv] command [arg ...]");
            }
        }
    }
    if (i >= cmd->argc)
        return 0;
    if (mode) {
        int rc = 0;
        for (; i < cmd->argc; i++)
            if (!describe(cmd, sh, cmd->argv[i], mode, false, false, false)) {
                if (mode == 'V') {
                    bi_flush(cmd);
                    shbi_err(cmd, "%s: not found", cmd->argv[i]);
                }
                rc = 1;
            }
        return bi_done(cmd, rc);
    }
    bi_flush(cmd);
    const char *name = cmd->argv[i];
    const vb_builtin *b = sh_find_builtin(sh, name);
    (void)defpath;
    if (b) {
        vb_cmd sub = *cmd;
        sub.argc = cmd->argc - i;
        sub.argv = cmd->argv + i;
        sub.self = b;
        memset(&sub.obuf, 0, sizeof sub.obuf);
        int st = b->fn(&sub);
        if (sub.obuf.len)
            bi_flush(&sub);
        return st;
    }
    /* skip functions: look the name up as builtin or file only */
    ifunc *f = func_get(sh, name);
    if (f) {
        /* hide the function for this lookup */
        char **av = cmd->argv + i;
        char *p = exec_find_path(sh, name);
        if (!p) {
            shbi_err(cmd, "%s: not found", name);
            return 127;
        }
        mem_free(sh->g->heap, p);
        char *abs = exec_find_path(sh, name);
        char *saved = av[0];
        av[0] = abs;
        int st = exec_argv(sh, av, cmd->argc - i, NULL, NULL);
        av[0] = saved;
        mem_free(sh->g->heap, abs);
        return st;
    }
    return exec_argv(sh, cmd->argv + i, cmd->argc - i, NULL, NULL);
}

VB_BUILTIN("builtin", bi_builtin, BI_SHELL | BI_NOFORK)
int bi_builtin(vb_cmd *cmd)
{
    int i = 1;
    if (i < cmd->argc && strcmp(cmd->argv[i], "--") == 0)
        i++;
    if (i >= cmd->argc)
        return 0;
    const vb_builtin *b = sh_find_builtin(shbi_sh(cmd), cmd->argv[i]);
    if (!b)
        return shbi_err(cmd, "%s: not a shell builtin", cmd->argv[i]);
    vb_cmd sub = *cmd;
    sub.argc = cmd->argc - i;
    sub.argv = cmd->argv + i;
    sub.self = b;
    memset(&sub.obuf, 0, sizeof sub.obuf);
    int st = b->fn(&sub);
    if (sub.obuf.len)
        bi_flush(&sub);
    return st;
}

VB_BUILTIN("hash", bi_hash, BI_SHELL | BI_NOFORK)
int bi_hash(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    static const char usage[] = "hash [-lr] [-p pathname] [-dt] [name ...]";
    int rc = 0;
    int i = 1;
    bool clear = false, list = false, del = false, show = false;
    const char *setpath = NULL;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = cmd->argv[i] + 1; *o; o++) {
            switch (*o) {
            case 'r': clear = true; break;
            case 'l': list = true; break;
            case 'd': del = true; break;
            case 't': show = true; break;
            case 'p':
                if (o[1])
                    setpath = o + 1;
                else if (i + 1 < cmd->argc)
                    setpath = cmd->argv[++i];
                else {
                    shbi_err(cmd, "-p: option requires an argument");
                    return shbi_usage(cmd, usage);
                }
                o += strlen(o) - 1;
                break;
            default: return shbi_badopt(cmd, cmd->argv[i], usage);
            }
        }
    }
    if (clear)
        sh_hash_clear(sh);
    if (i >= cmd->argc) {
        if (clear || setpath)
            return bi_done(cmd, 0);
        if (!sh->hashed) {
            bi_outs(cmd, "hash: hash table empty\n");
            return bi_done(cmd, 0);
        }
        if (!list)
            bi_outs(cmd, "hits\tcommand\n");
        for (ihash *h = sh->hashed; h; h = h->next) {
            if (list)
                bi_outf(cmd, "builtin hash -p %s %s\n", h->path, h->name);
            else
                bi_outf(cmd, "%4d\t%s\n", h->hits, h->path);
        }
        return bi_done(cmd, 0);
    }
    bool many = cmd->argc - i > 1;
    for (; i < cmd->argc; i++) {
        const char *name = cmd->argv[i];
        if (setpath) {
            sh_hash_note(sh, name, setpath, 0);
            continue;
        }
        if (del) {
            if (!sh_hash_forget(sh, name)) {
                shbi_err(cmd, "%s: not found", name);
                rc = 1;
            }
            continue;
        }
        if (show || list) {
            ihash *h = sh->hashed;
            while (h && strcmp(h->name, name) != 0)
                h = h->next;
            if (!h) {
                shbi_err(cmd, "%s: not found", name);
                rc = 1;
            } else if (list)
                bi_outf(cmd, "builtin hash -p %s %s\n", h->path, h->name);
            else
                bi_outf(cmd, "%s%s%s\n", many ? name : "", many ? "\t" : "", h->path);
            continue;
        }
        if (sh_find_builtin(sh, name) || func_get(sh, name))
            continue;
        char *p = exec_find_path(sh, name);
        if (!p) {
            shbi_err(cmd, "%s: not found", name);
            rc = 1;
        } else
            sh_hash_note(sh, name, p, 0);
        mem_free(sh->g->heap, p);
    }
    return bi_done(cmd, rc);
}

VB_BUILTIN("enable", bi_enable, BI_SHELL | BI_NOFORK)
int bi_enable(vb_cmd *cmd)
{
    bool special_only = false, disable = false, all = false;
    ish *sh = shbi_sh(cmd);
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = cmd->argv[i] + 1; *o; o++) {
            if (*o == 's')
                special_only = true;
            else if (*o == 'n')
                disable = true;
            else if (*o == 'a')
                all = true;
            else if (*o != 'p')
                return shbi_badopt(cmd, cmd->argv[i], "enable [-a] [-dnps] [-f filename] [name ...]");
        }
    }
    if (i < cmd->argc) {
        int rc = 0;
        for (; i < cmd->argc; i++) {
            const vb_builtin *b = exec_find_builtin(cmd->argv[i]);
            if (!b || !(b->flags & (BI_SHELL | BI_SPECIAL))) {
                shbi_err(cmd, "%s: not a shell builtin", cmd->argv[i]);
                rc = 1;
                continue;
            }
            if (!sh->bi_off && disable) {
                sh->bi_off = mem_calloc(sh->g->heap, vb_builtin_count, 1);
                if (!sh->bi_off)
                    return shbi_err(cmd, "cannot allocate memory");
            }
            if (sh->bi_off)
                sh->bi_off[b - vb_builtin_table] = disable;
        }
        return rc;
    }
    for (size_t k = 0; k < vb_builtin_count; k++) {
        const vb_builtin *b = &vb_builtin_table[k];
        if (!(b->flags & (BI_SHELL | BI_SPECIAL)))
            continue;
        if (special_only && !(b->flags & BI_SPECIAL))
            continue;
        bool off = sh->bi_off && sh->bi_off[k];
        if (off && !disable && !all)
            continue;
        if (!off && disable)
            continue;
        bi_outf(cmd, "enable %s%s\n", off ? "-n " : "", b->name);
    }
    return bi_done(cmd, 0);
}

/* bash / sh: a child shell in the same interpreter. */
static int shell_main(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    const char *script = NULL;
    int opts_on = 0, opts_off = 0;
    int i = 1;
    bool from_stdin = false;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
            i++;
            break;
        }
        if ((a[0] != '-' && a[0] != '+') || !a[1])
            break;
        if (strcmp(a, "--norc") == 0 || strcmp(a, "--noprofile") == 0 || strcmp(a, "--posix") == 0)
            continue;
        if (strcmp(a, "--version") == 0) {
            bi_outs(cmd, "GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu) (vbash " VB_VERSION_STRING ")\n");
            return bi_done(cmd, 0);
        }
        bool on = a[0] == '-';
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'c')
                script = "";
            else if (*p == 's')
                from_stdin = true;
            else if (*p == 'o' && i + 1 < cmd->argc) {
                const char *nm = cmd->argv[++i];
                for (const iopt_name *o = interp_set_opts; o->name; o++)
                    if (strcmp(o->name, nm) == 0) {
                        if (on)
                            opts_on |= o->bit;
                        else
                            opts_off |= o->bit;
                    }
            } else if (*p == 'i' || *p == 'l' || *p == 'r')
                continue;
            else {
                int bit = -1;
                for (const iopt_name *o = interp_set_opts; o->name; o++)
                    if (o->letter == *p)
                        bit = o->bit;
                if (bit < 0) {
                    bi_flush(cmd);
                    char m[64];
                    snprintf(m, sizeof m, "%s: -%c: invalid option\n", cmd->argv[0], *p);
                    stream_write(cmd->err, m, strlen(m));
                    return 2;
                }
                if (on)
                    opts_on |= bit;
                else
                    opts_off |= bit;
            }
        }
    }
    bi_flush(cmd);
    char *data = NULL;
    size_t len = 0;
    const char *name = cmd->argv[0];
    char **args = NULL;
    int nargs = 0;
    if (script) {
        if (i >= cmd->argc) {
            char m[64];
            snprintf(m, sizeof m, "%s: -c: option requires an argument\n", cmd->argv[0]);
            stream_write(cmd->err, m, strlen(m));
            return 2;
        }
        data = mem_strdup(g->heap, cmd->argv[i]);
        len = strlen(cmd->argv[i]);
        i++;
        if (i < cmd->argc)
            name = cmd->argv[i++];
        args = cmd->argv + i;
        nargs = cmd->argc - i;
    } else if (i < cmd->argc && !from_stdin) {
        const char *file = cmd->argv[i];
        char *abs = sh_abspath(sh, file);
        int rc = abs ? vfs_read_all(g->vfs, abs, g->heap, &data, &len) : VB_ENOMEM;
        mem_free(g->heap, abs);
        if (rc < 0) {
            char m[512];
            snprintf(m, sizeof m, "%s: %s: %s\n", cmd->argv[0], file, vb_strerror(rc));
            stream_write(cmd->err, m, strlen(m));
            return 127;
        }
        name = file;
        args = cmd->argv + i + 1;
        nargs = cmd->argc - i - 1;
    } else {
        char *d = NULL;
        size_t l = 0;
        int rc = bi_slurp(cmd, cmd->in, &d, &l);
        if (rc < 0)
            return 1;
        data = mem_strndup(g->heap, d, l);
        len = l;
        args = cmd->argv + i;
        nargs = cmd->argc - i;
    }
    if (!data)
        return 1;
    /* The child inherits the options given on its command line only. */
    int saved = sh->opts;
    (void)saved;
    int st;
    {
        ish *tmp = sh;
        int o = tmp->opts;
        tmp->opts = (O_BRACEEXPAND | O_HASHALL | O_INTERACTIVE_COMMENTS | opts_on) & ~opts_off;
        st = interp_run_script_opts(sh, data, len, name, args, nargs, script != NULL, tmp->opts);
        tmp->opts = o;
    }
    mem_free(g->heap, data);
    return st;
}

VB_BUILTIN("bash", bi_bash, BI_UTIL)
int bi_bash(vb_cmd *cmd)
{
    return shell_main(cmd);
}

VB_BUILTIN("sh", bi_sh, BI_UTIL)
int bi_sh(vb_cmd *cmd)
{
    return shell_main(cmd);
}
