/*
 * Variable builtins: declare/typeset, local, export, readonly, unset,
 * shift, set, shopt, let. Reference: bash 5.2.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "interp/bi/shbi.h"

enum { DF_PRINT = 1, DF_FUNC = 2, DF_FUNCNAMES = 4, DF_GLOBAL = 8 };

typedef struct dopts {
    int set, clear;   /* VA_* bits */
    int flags;        /* DF_* */
} dopts;

static int attr_of(char c)
{
    switch (c) {
    case 'a': return VA_ARRAY;
    case 'A': return VA_ASSOC;
    case 'i': return VA_INTEGER;
    case 'l': return VA_LOWER;
    case 'u': return VA_UPPER;
    case 'r': return VA_READONLY;
    case 'x': return VA_EXPORT;
    case 'n': return VA_NAMEREF;
    case 't': return VA_TRACE;
    case 'c': return VA_CAPITAL;
    default: return -1;
    }
}

/* Sorted list of visible variables. */
static ivar **all_vars(ish *sh, mem_heap *h, size_t *count)
{
    size_t n = 0, cap = 64;
    ivar **v = mem_alloc(h, cap * sizeof *v);
    if (!v)
        return NULL;
    ivar_iter it;
    var_iter_init(&it, sh);
    for (ivar *x; (x = var_iter_next(&it));) {
        /* the dynamic variables bash keeps as arrays, and the option
         * lists, get their value now; the others (RANDOM, LINENO...)
         * show the value they got when last read, or none (bash
         * lists them without one until then) */
        if ((x->attr & VA_SPECIAL) && shbi_special_computed(x->name)) {
            ivar *y = var_lookup(sh, x->name); /* maybe a copy of x */
            if (y)
                x = y;
            if (strcmp(x->name, "PIPESTATUS") == 0 && (!x->arr || !x->arr->n))
                continue; /* no pipeline has run yet: bash has none */
        }
        if (n + 1 > cap) {
            cap *= 2;
            ivar **nv = mem_realloc(h, v, cap * sizeof *nv);
            if (!nv)
                break;
            v = nv;
        }
        v[n++] = x;
    }
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && strcmp(v[k - 1]->name, v[k]->name) > 0; k--) {
            ivar *t = v[k];
            v[k] = v[k - 1];
            v[k - 1] = t;
        }
    *count = n;
    return v;
}

/* declare -F's line for a function: its attributes in bash's order. */
static void print_func_decl(vb_cmd *cmd, const ifunc *f)
{
    bi_outf(cmd, "declare -f%s%s%s %s\n", f->attr & VA_READONLY ? "r" : "", f->attr & VA_TRACE ? "t" : "",
            f->attr & VA_EXPORT ? "x" : "", f->name);
}

static int parse_dopts(vb_cmd *cmd, int *argi, dopts *o, const char *allowed, const char *usage)
{
    memset(o, 0, sizeof *o);
    int i = 1;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if ((a[0] != '-' && a[0] != '+') || !a[1])
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        bool plus = a[0] == '+';
        for (const char *p = a + 1; *p; p++) {
            if (!strchr(allowed, *p)) {
                char opt[3] = {a[0], *p, 0};
                shbi_badopt(cmd, opt, usage);
                return 2;
            }
            if (*p == 'p')
                o->flags |= DF_PRINT;
            else if (*p == 'f')
                o->flags |= DF_FUNC;
            else if (*p == 'F')
                o->flags |= DF_FUNCNAMES | DF_FUNC;
            else if (*p == 'g')
                o->flags |= DF_GLOBAL;
            else {
                int b = attr_of(*p);
                if (b < 0)
                    continue;
                if (plus)
                    o->clear |= b;
                else
                    o->set |= b;
            }
        }
    }
    *argi = i;
    return 0;
}

static bool print_matches(ivar *v, const dopts *o)
{
    int want = o->set & ~VA_UNSET;
    return (v->attr & want) == want;
}

/* One "name[=value]" argument of declare/local/export/readonly. */
static int declare_one(vb_cmd *cmd, const char *arg, const dopts *o, bool local, const char *who)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    const char *eq = strchr(arg, '=');
    const char *br = strchr(arg, '[');
    if (br && eq && br > eq)
        br = NULL;
    size_t nl = eq ? (size_t)(eq - arg) : strlen(arg);
    bool append = eq && eq > arg && eq[-1] == '+';
    if (append)
        nl--;
    char *name = mem_strndup(cmd->heap, arg, br ? (size_t)(br - arg) : nl);
    char *sub = NULL;
    if (br) {
        const char *cl = strchr(br, ']');
        if (cl && (!eq || cl < eq))
            sub = mem_strndup(cmd->heap, br + 1, (size_t)(cl - br - 1));
    }
    if (!name || !var_valid_name(name)) {
        shbi_err(cmd, "`%s': not a valid identifier", arg);
        return 1;
    }
    const char *value = eq ? eq + 1 : NULL;
    if (o->flags & DF_FUNC) {
        ifunc *f = func_get_mut(sh, name);
        if (!f)
            return 1;
        if (o->set & VA_EXPORT)
            f->attr |= VA_EXPORT;
        if (o->clear & VA_EXPORT)
            f->attr &= ~VA_EXPORT;
        if (o->set & VA_READONLY)
            f->attr |= VA_READONLY;
        return 0;
    }
    ivar *v;
    if (local) {
        ivar *outer = sh->shopts & SO_LOCALVAR_INHERIT ? var_lookup(sh, name) : NULL;
        v = var_declare(sh, name, true);
        if (v && outer && v != outer && (v->attr & VA_UNSET) && !v->val && !v->arr &&
            !(outer->attr & VA_UNSET)) {
            /* localvar_inherit: the value and attributes of the variable
             * seen before (not the nameref attribute) */
            v->attr = (v->attr & ~VA_UNSET) |
                      (outer->attr & (VA_INTEGER | VA_LOWER | VA_UPPER | VA_CAPITAL | VA_ARRAY |
                                      VA_ASSOC | VA_EXPORT | VA_TRACE));
            if (outer->arr) {
                v->arr = arr_new(g);
                for (size_t k = 0; v->arr && k < outer->arr->n; k++) {
                    if (outer->attr & VA_ASSOC)
                        arr_set_key(g, v->arr, outer->arr->e[k].key, outer->arr->e[k].val);
                    else
                        arr_set_idx(g, v->arr, outer->arr->e[k].idx, outer->arr->e[k].val);
                }
            } else if (outer->val)
                v->val = mem_strdup(g->heap, outer->val);
        }
    } else if (o->flags & DF_GLOBAL) {
        v = var_declare(sh, name, false);
    } else {
        v = var_lookup(sh, name);
        if (!v)
            v = var_declare(sh, name, false);
    }
    if (!v)
        return 1;
    if ((v->attr & VA_READONLY) && (value || (o->clear & VA_READONLY))) {
        shbi_err(cmd, "%s: readonly variable", name);
        return 1;
    }
    if ((o->set & VA_ARRAY) && (v->attr & VA_ASSOC)) {
        shbi_err(cmd, "%s: cannot convert associative to indexed array", name);
        return 1;
    }
    if ((o->set & VA_ASSOC) && (v->attr & VA_ARRAY)) {
        shbi_err(cmd, "%s: cannot convert indexed to associative array", name);
        return 1;
    }
    int set = o->set & ~VA_READONLY;
    v->attr |= set;
    v->attr &= ~(o->clear & ~VA_READONLY);
    if (set & VA_LOWER)
        v->attr &= ~VA_UPPER;
    if (set & VA_UPPER)
        v->attr &= ~VA_LOWER;
    if ((set & (VA_ARRAY | VA_ASSOC)) && !v->arr) {
        bool had_val = v->val != NULL;
        v->arr = arr_new(g);
        if (v->val && (set & VA_ARRAY))
            arr_set_idx(g, v->arr, 0, v->val);
        else if (v->val)
            arr_set_key(g, v->arr, "0", v->val);
        mem_free(g->heap, v->val);
        v->val = NULL;
        if (!value && had_val)
            v->attr &= ~VA_UNSET;
    }
    if ((set & VA_NAMEREF) && value && strcmp(value, name) == 0) {
        shbi_err(cmd, "%s: nameref variable self references not allowed", name);
        v->attr &= ~VA_NAMEREF;
        return 1;
    }
    if ((set & VA_NAMEREF) && value && !var_valid_name(value) && !strchr(value, '[')) {
        shbi_err(cmd, "`%s': invalid variable name for name reference", value);
        v->attr &= ~VA_NAMEREF;
        return 1;
    }
    int rc = 0;
    if (value) {
        if (value[0] == '(' && !sub && (v->attr & (VA_ARRAY | VA_ASSOC) || value[strlen(value) - 1] == ')')) {
            rc = shbi_assign_compound(sh, v->name, value, append, local ? VS_LOCAL : 0,
                                      (v->attr & VA_ASSOC) != 0);
        } else if (v->attr & VA_NAMEREF) {
            mem_free(g->heap, v->val);
            v->val = mem_strdup(g->heap, value);
            v->attr &= ~VA_UNSET;
        } else {
            /* store directly on this var (it may be a new local) */
            if (sub)
                rc = var_set_elem(sh, v->name, sub, value, append ? VS_APPEND : 0);
            else if (local || (o->flags & DF_GLOBAL)) {
                ivar *cur = var_lookup_raw(sh, v->name);
                if (cur == v)
                    rc = var_set(sh, v->name, value, append ? VS_APPEND : 0);
                else
                    rc = var_set(sh, v->name, value, (append ? VS_APPEND : 0) | VS_GLOBAL);
            } else
                rc = var_set(sh, v->name, value, append ? VS_APPEND : 0);
        }
    }
    if (o->set & VA_READONLY)
        v->attr |= VA_READONLY;
    (void)who;
    return rc;
}

static int declare_main(vb_cmd *cmd, bool local, const char *who)
{
    ish *sh = shbi_sh(cmd);
    dopts o;
    int argi;
    const char *usage = strcmp(who, "local") == 0 ? "local [option] name[=value] ..."
                                                  : "declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]";
    if (parse_dopts(cmd, &argi, &o, "aAfFgilnprtuxIc", usage))
        return 2;
    if (local && sh->func_depth == 0)
        return shbi_err(cmd, "can only be used in a function");
    if (sh->func_depth > 0 && !(o.flags & DF_GLOBAL))
        local = true;
    int rc = 0;
    if (o.flags & DF_FUNC) {
        if (argi >= cmd->argc) {
            /* all functions, sorted */
            size_t n = 0;
            ifunc *list[4096];
            for (size_t i = 0; i < sh->funcs.nb; i++)
                for (ifunc *f = sh->funcs.b[i]; f && n < 4096; f = f->next)
                    list[n++] = f;
            for (size_t i = 1; i < n; i++)
                for (size_t k = i; k > 0 && strcmp(list[k - 1]->name, list[k]->name) > 0; k--) {
                    ifunc *t = list[k];
                    list[k] = list[k - 1];
                    list[k - 1] = t;
                }
            for (size_t i = 0; i < n; i++) {
                if (o.flags & DF_FUNCNAMES)
                    print_func_decl(cmd, list[i]);
                else
                    shbi_print_func(cmd, list[i]);
            }
            return bi_done(cmd, 0);
        }
        for (int i = argi; i < cmd->argc; i++) {
            ifunc *f = func_get(sh, cmd->argv[i]);
            if (!f) {
                rc = 1;
                continue;
            }
            if (o.set || o.clear) {
                if (!(f = func_get_mut(sh, cmd->argv[i]))) { /* made this shell's own */
                    rc = 1;
                    continue;
                }
                if (o.set & VA_EXPORT)
                    f->attr |= VA_EXPORT;
                if (o.clear & VA_EXPORT)
                    f->attr &= ~VA_EXPORT;
                if (o.set & VA_READONLY)
                    f->attr |= VA_READONLY;
                if (o.set & VA_TRACE)
                    f->attr |= VA_TRACE; /* bash's declare +ft keeps it */
                continue;
            }
            if ((o.flags & DF_FUNCNAMES) && (sh->shopts & SO_EXTDEBUG))
                /* bash's extdebug: where the function was defined */
                bi_outf(cmd, "%s %d %s\n", f->name, f->def ? f->def->line : 0,
                        f->source ? f->source : sh->interactive ? "main" : "environment");
            else if ((o.flags & DF_FUNCNAMES) && (o.flags & DF_PRINT))
                print_func_decl(cmd, f);
            else if (o.flags & DF_FUNCNAMES)
                bi_outf(cmd, "%s\n", f->name);
            else
                shbi_print_func(cmd, f);
        }
        return bi_done(cmd, rc);
    }
    if (argi >= cmd->argc) {
        size_t n;
        ivar **vs = all_vars(sh, cmd->heap, &n);
        for (size_t i = 0; vs && i < n; i++) {
            if ((o.set || (o.flags & DF_PRINT)) && !print_matches(vs[i], &o))
                continue;
            if (local && !(vs[i]->attr & VA_LOCAL) &&
                ((o.flags & DF_PRINT) == 0 || strcmp(who, "local") == 0))
                continue;
            bool decl_form = (o.flags & DF_PRINT) || o.set || local;
            if (!decl_form && shbi_var_invisible(vs[i]))
                continue; /* declared without a value: only declare -p shows it */
            shbi_print_var(cmd, vs[i], decl_form);
        }
        return bi_done(cmd, 0);
    }
    for (int i = argi; i < cmd->argc; i++) {
        if (local && strcmp(cmd->argv[i], "-") == 0 && sh->frame) {
            /* local -: the set options are restored when the function returns */
            if (!sh->frame->restore_opts) {
                sh->frame->restore_opts = true;
                sh->frame->saved_opts = sh->opts;
            }
            continue;
        }
        if (o.flags & DF_PRINT) {
            ivar *v = var_lookup_raw(sh, cmd->argv[i]);
            if (v && (v->attr & VA_SPECIAL))
                var_lookup(sh, v->name); /* named, a dynamic variable gets its value (bash) */
            if (!v || (strcmp(who, "local") == 0 && !(v->attr & VA_LOCAL)) ||
                (strcmp(v->name, "PIPESTATUS") == 0 && (!v->arr || !v->arr->n))) {
                shbi_err(cmd, "%s: not found", cmd->argv[i]);
                rc = 1;
                continue;
            }
            shbi_print_var(cmd, v, true);
            continue;
        }
        if (declare_one(cmd, cmd->argv[i], &o, local, who))
            rc = 1;
    }
    return bi_done(cmd, rc);
}

VB_BUILTIN("declare", bi_declare, BI_SHELL | BI_NOFORK)
int bi_declare(vb_cmd *cmd)
{
    return declare_main(cmd, false, "declare");
}

VB_BUILTIN("typeset", bi_typeset, BI_SHELL | BI_NOFORK)
int bi_typeset(vb_cmd *cmd)
{
    return declare_main(cmd, false, "typeset");
}

VB_BUILTIN("local", bi_local, BI_SHELL | BI_NOFORK)
int bi_local(vb_cmd *cmd)
{
    return declare_main(cmd, true, "local");
}

static int export_like(vb_cmd *cmd, int attr, const char *usage, const char *allowed)
{
    ish *sh = shbi_sh(cmd);
    dopts o;
    int argi;
    if (parse_dopts(cmd, &argi, &o, allowed, usage))
        return 2;
    bool unexport = (o.clear & VA_EXPORT) || (attr == VA_EXPORT && strchr("n", 0) && false);
    for (int i = 1; i < argi; i++)
        if (strchr(cmd->argv[i], 'n') && cmd->argv[i][0] == '-' && attr == VA_EXPORT)
            unexport = true;
    if (argi >= cmd->argc) {
        if (o.flags & DF_FUNC) {
            for (size_t i = 0; i < sh->funcs.nb; i++)
                for (ifunc *f = sh->funcs.b[i]; f; f = f->next)
                    if (f->attr & attr)
                        bi_outf(cmd, "declare -f%s %s\n", attr == VA_EXPORT ? "x" : "r", f->name);
            return bi_done(cmd, 0);
        }
        size_t n;
        ivar **vs = all_vars(sh, cmd->heap, &n);
        for (size_t i = 0; vs && i < n; i++)
            if (vs[i]->attr & attr)
                shbi_print_var(cmd, vs[i], true);
        return bi_done(cmd, 0);
    }
    int rc = 0;
    dopts d = {.set = unexport ? 0 : attr | (o.set & ~VA_NAMEREF), .clear = unexport ? attr : 0,
               .flags = (o.flags & DF_FUNC) | DF_GLOBAL};
    if (attr == VA_READONLY)
        d.set = attr | (o.set & (VA_ARRAY | VA_ASSOC));
    for (int i = argi; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (o.flags & DF_FUNC) {
            ifunc *f = func_get_mut(sh, a);
            if (!f) {
                shbi_err(cmd, "%s: not a function", a);
                rc = 1;
                continue;
            }
            if (unexport)
                f->attr &= ~attr;
            else
                f->attr |= attr;
            continue;
        }
        /* export/readonly work on the visible variable (no new local) */
        const char *eq = strchr(a, '=');
        char *name = mem_strndup(cmd->heap, a, eq ? (size_t)(eq - a) - (eq > a && eq[-1] == '+') : strlen(a));
        if (!name || !var_valid_name(name)) {
            shbi_err(cmd, "`%s': not a valid identifier", a);
            rc = 1;
            continue;
        }
        ivar *v = var_lookup(sh, name);
        if (v && !eq) {
            if (v->attr & VA_READONLY && attr == VA_READONLY)
                continue;
            if (unexport)
                v->attr &= ~attr;
            else
                v->attr |= attr | (d.set & (VA_ARRAY | VA_ASSOC));
            if ((d.set & VA_ARRAY) && !v->arr) {
                v->arr = arr_new(sh->g);
                v->attr &= ~VA_UNSET;
            }
            continue;
        }
        if (eq && (sh->opts & O_XTRACE) && !(eq[1] == '(' && a[strlen(a) - 1] == ')')) {
            /* bash traces the assignment of export/readonly again */
            vbuf tb;
            vbuf_init(&tb, cmd->heap);
            sh_xtrace_prefix(sh, &tb);
            char *q = xtrace_quote(sh->g, eq + 1);
            vbuf_add(&tb, a, (size_t)(eq - a) + 1);
            vbuf_adds(&tb, q && eq[1] ? q : "");
            vbuf_addc(&tb, '\n');
            mem_free(sh->g->heap, q);
            bi_flush(cmd);
            sh_write(sh, 2, tb.data, tb.len);
            vbuf_free(&tb);
        }
        dopts dd = d;
        dd.flags &= ~DF_GLOBAL;
        if (declare_one(cmd, a, &dd, false, cmd->argv[0]))
            rc = 1;
        if (!v && !eq) {
            ivar *nv = var_lookup(sh, name);
            if (nv && !nv->val && !nv->arr)
                nv->attr |= VA_UNSET;
        }
    }
    return bi_done(cmd, rc);
}

VB_BUILTIN("export", bi_export, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_export(vb_cmd *cmd)
{
    return export_like(cmd, VA_EXPORT, "export [-fn] [name[=value] ...] or export -p", "fnp");
}

VB_BUILTIN("readonly", bi_readonly, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_readonly(vb_cmd *cmd)
{
    return export_like(cmd, VA_READONLY, "readonly [-aAf] [name[=value] ...] or readonly -p", "aAfp");
}

VB_BUILTIN("unset", bi_unset, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_unset(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    bool funcs = false, vars = false, nameref = false;
    int i = 1;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'f')
                funcs = true;
            else if (*p == 'v')
                vars = true;
            else if (*p == 'n')
                nameref = true;
            else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "unset [-f] [-v] [-n] [name ...]");
            }
        }
    }
    if (funcs && vars)
        return shbi_err(cmd, "cannot simultaneously unset a function and a variable");
    int rc = 0;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (funcs) {
            if (func_unset(sh, a))
                rc = 1;
            continue;
        }
        const char *br = strchr(a, '[');
        if (br && a[strlen(a) - 1] == ']') {
            char *name = mem_strndup(cmd->heap, a, (size_t)(br - a));
            char *key = mem_strndup(cmd->heap, br + 1, strlen(br + 1) - 1);
            if (!name || !var_valid_name(name)) {
                shbi_err(cmd, "`%s': not a valid identifier", a);
                rc = 1;
                continue;
            }
            if (strcmp(key, "@") == 0 || strcmp(key, "*") == 0) {
                if (var_unset(sh, name, false))
                    rc = 1;
            } else if (var_unset_elem(sh, name, key))
                rc = 1;
            continue;
        }
        if (!var_valid_name(a)) {
            /* bash: such a name can only be a function's */
            if (vars) {
                shbi_err(cmd, "`%s': not a valid identifier", a);
                rc = 1;
            } else
                func_unset(sh, a);
            continue;
        }
        if (nameref) {
            ivar *v = var_lookup_raw(sh, a);
            if (v && (v->attr & VA_NAMEREF)) {
                v->attr &= ~VA_NAMEREF;
                if (var_unset(sh, a, false))
                    rc = 1;
                continue;
            }
        }
        ivar *v = var_lookup_raw(sh, a);
        if (!v && !vars && func_get(sh, a)) {
            if (func_unset(sh, a))
                rc = 1;
            continue;
        }
        if (var_unset(sh, a, false))
            rc = 1;
    }
    return rc;
}

VB_BUILTIN("shift", bi_shift, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_shift(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int64_t n = 1;
    if (cmd->argc > 1) {
        if (!shbi_int(cmd->argv[1], &n))
            return shbi_err(cmd, "%s: numeric argument required", cmd->argv[1]);
        if (cmd->argc > 2)
            return shbi_err(cmd, "too many arguments");
    }
    if (n < 0)
        return shbi_err(cmd, "%s: shift count out of range", cmd->argv[1]);
    if (n > sh->npos) {
        if (sh->shopts & SO_SHIFT_VERBOSE)
            shbi_err(cmd, "%" PRId64 ": shift count out of range", n);
        return 1;
    }
    for (int64_t i = 0; i < n; i++)
        mem_free(sh->g->heap, sh->pos[i]);
    memmove(sh->pos, sh->pos + n, (size_t)(sh->npos - n) * sizeof *sh->pos);
    sh->npos -= (int)n;
    return 0;
}

static int set_letter(char c)
{
    for (const iopt_name *o = interp_set_opts; o->name; o++)
        if (o->letter == c)
            return o->bit;
    return -1;
}

static void set_positional(ish *sh, char **args, int n)
{
    ishell *g = sh->g;
    /* the new array is made before the old one is freed, so it never has
     * the old one's address: source tells by the address that set ran */
    char **np = mem_calloc(g->heap, (size_t)n + 1, sizeof *np);
    int nn = 0;
    for (int i = 0; i < n && np; i++)
        np[nn++] = mem_strdup(g->heap, args[i]);
    for (int i = 0; i < sh->npos; i++)
        mem_free(g->heap, sh->pos[i]);
    mem_free(g->heap, sh->pos);
    sh->pos = np;
    sh->npos = nn;
}

VB_BUILTIN("set", bi_set, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_set(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    static const char usage[] = "set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]";
    if (cmd->argc == 1) {
        size_t n;
        ivar **vs = all_vars(sh, cmd->heap, &n);
        for (size_t i = 0; vs && i < n; i++)
            if (!shbi_var_invisible(vs[i]))
                shbi_print_var(cmd, vs[i], false);
        return bi_done(cmd, 0);
    }
    int i = 1;
    bool setpos = false;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' && a[0] != '+')
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            setpos = true;
            break;
        }
        if (strcmp(a, "-") == 0) {
            sh->opts &= ~(O_XTRACE | O_VERBOSE);
            i++;
            setpos = i < cmd->argc;
            break;
        }
        if (a[1] == 0)
            break;
        bool on = a[0] == '-';
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'o') {
                if (i + 1 >= cmd->argc) {
                    for (const iopt_name *o = interp_set_opts; o->name; o++) {
                        if (on)
                            bi_outf(cmd, "%-15s\t%s\n", o->name, (sh->opts & o->bit) && o->bit ? "on" : "off");
                        else
                            bi_outf(cmd, "set %co %s\n", (sh->opts & o->bit) && o->bit ? '-' : '+', o->name);
                    }
                    continue;
                }
                const char *name = cmd->argv[++i];
                const iopt_name *o = interp_set_opts;
                for (; o->name; o++)
                    if (strcmp(o->name, name) == 0)
                        break;
                if (!o->name) {
                    shbi_err(cmd, "%s: invalid option name", name);
                    return bi_done(cmd, 2);
                }
                if (on)
                    sh->opts |= o->bit;
                else
                    sh->opts &= ~o->bit;
                continue;
            }
            int b = set_letter(*p);
            if (b < 0) {
                char o[3] = {a[0], *p, 0};
                bi_flush(cmd);
                shbi_badopt(cmd, o, usage);
                return 2;
            }
            if (on)
                sh->opts |= b;
            else
                sh->opts &= ~b;
        }
    }
    if (i < cmd->argc || setpos)
        set_positional(sh, cmd->argv + i, cmd->argc - i);
    return bi_done(cmd, 0);
}

VB_BUILTIN("shopt", bi_shopt, BI_SHELL | BI_NOFORK)
int bi_shopt(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    glob_sync_globignore(sh); /* a GLOBIGNORE assigned since turned dotglob on */
    int mode = 0; /* 's' 'u' */
    bool print = false, quiet = false, setopt = false;
    int i = 1;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        for (const char *p = a + 1; *p; p++) {
            if (*p == 's' || *p == 'u')
                mode = *p;
            else if (*p == 'p')
                print = true;
            else if (*p == 'q')
                quiet = true;
            else if (*p == 'o')
                setopt = true;
            else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "shopt [-pqsu] [-o] [optname ...]");
            }
        }
    }
    const iopt_name *table = setopt ? interp_set_opts : interp_shopts;
    int rc = 0;
    if (i >= cmd->argc) {
        for (const iopt_name *o = table; o->name; o++) {
            int *bits = setopt ? &sh->opts : o->letter == 2 ? &sh->shopts2 : &sh->shopts;
            bool on = o->bit && (*bits & o->bit);
            if (mode == 's' && !on)
                continue;
            if (mode == 'u' && on)
                continue;
            if (print || mode)
                bi_outf(cmd, setopt ? "set %co %s\n" : "shopt -%c %s\n",
                        setopt ? (on ? '-' : '+') : (on ? 's' : 'u'), o->name);
            else
                bi_outf(cmd, "%-15s\t%s\n", o->name, on ? "on" : "off");
        }
        return bi_done(cmd, 0);
    }
    for (; i < cmd->argc; i++) {
        const iopt_name *o = table;
        for (; o->name; o++)
            if (strcmp(o->name, cmd->argv[i]) == 0)
                break;
        if (!o->name) {
            shbi_err(cmd, "%s: invalid shell option name", cmd->argv[i]);
            rc = 1;
            continue;
        }
        int *bits = setopt ? &sh->opts : o->letter == 2 ? &sh->shopts2 : &sh->shopts;
        if (mode == 's')
            *bits |= o->bit;
        else if (mode == 'u')
            *bits &= ~o->bit;
        if (mode && !setopt && o->bit == SO_EXTDEBUG && o->letter != 2) {
            /* bash: extdebug turns functrace and errtrace on, and off again */
            if (mode == 's')
                sh->opts |= O_FUNCTRACE | O_ERRTRACE;
            else
                sh->opts &= ~(O_FUNCTRACE | O_ERRTRACE);
        }
        if (!mode) {
            bool on = o->bit && (*bits & o->bit);
            if (!on)
                rc = 1;
            if (quiet)
                continue;
            if (print)
                bi_outf(cmd, setopt ? "set %co %s\n" : "shopt -%c %s\n", setopt ? (on ? '-' : '+') : (on ? 's' : 'u'),
                        o->name);
            else
                bi_outf(cmd, "%-15s\t%s\n", o->name, on ? "on" : "off");
        }
    }
    return bi_done(cmd, rc);
}

VB_BUILTIN("let", bi_let, BI_SHELL | BI_NOFORK)
int bi_let(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    if (cmd->argc < 2)
        return shbi_err(cmd, "expression expected");
    int64_t v = 0;
    const char *pre = sh->arith_prefix;
    sh->arith_prefix = "let";
    for (int i = 1; i < cmd->argc; i++)
        if (arith_eval(sh, cmd->argv[i], &v)) {
            sh->arith_prefix = pre;
            return 1;
        }
    sh->arith_prefix = pre;
    return v ? 0 : 1;
}
