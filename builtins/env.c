/*
 * env: run a program in a modified environment, or print the environment.
 * -i (empty environment), -u NAME, -0, -C DIR, NAME=VALUE assignments,
 * then COMMAND [ARG]... run as a child of the shell (a subshell prepares
 * the environment and execs the command).
 * Reference: GNU coreutils 9.1 env. Deviations: -S/--split-string,
 * --block-signal and friends are not supported; an assignment whose name
 * is not a shell name (=x, 1a=x) is accepted as GNU does but does not
 * reach the command's environment. The command is looked up
 * as execvp does (bi_run_exec): GNU's message and 127/126 when it cannot
 * run.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("env", bi_env, BI_UTIL)

static const char env_help[] =
    "Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n"
    "Set each NAME to VALUE in the environment and run COMMAND.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -i, --ignore-environment  start with an empty environment\n"
    "  -0, --null           end each output line with NUL, not newline\n"
    "  -u, --unset=NAME     remove variable from the environment\n"
    "  -C, --chdir=DIR      change working directory to DIR\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "A mere - implies -i.  If no COMMAND, print the resulting environment.\n";

static const bi_longopt env_longs[] = {
    {"ignore-environment", 0, 'i'}, {"null", 0, '0'}, {"unset", 1, 'u'}, {"chdir", 1, 'C'}, {0},
};

static bool env__valid_name(const char *s, size_t n)
{
    if (!n || !(s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

int bi_env(vb_cmd *cmd)
{
    bool clear = false;
    char end = '\n';
    const char *dir = NULL;
    const char **unset = mem_calloc(cmd->heap, (size_t)cmd->argc + 1, sizeof *unset);
    int nunset = 0;
    if (!unset)
        return bi_err(cmd, "memory exhausted");
    bi_opt o;
    bi_opt_init(&o, cmd, "+i0u:C:", env_longs, env_help);
    o.usage_status = 125;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'i': clear = true; break;
        case '0': end = '\0'; break;
        case 'u':
            if (!*o.arg || strchr(o.arg, '=')) {
                bi_err(cmd, "cannot unset %s: Invalid argument", fs_lq(cmd, o.arg));
                return 125;
            }
            unset[nunset++] = o.arg;
            break;
        case 'C': dir = o.arg; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    int i = o.ind;
    if (i < cmd->argc && !strcmp(cmd->argv[i], "-")) {
        clear = true;
        i++;
    }
    int first_assign = i;
    while (i < cmd->argc && strchr(cmd->argv[i], '='))
        i++;
    int nassign = i - first_assign;
    if (i >= cmd->argc) {
        if (dir) {
            bi_usage(cmd, 125, "must specify command with --chdir (-C)");
            return 125;
        }
        /* Print the resulting environment. */
        char **env = clear || !cmd->ops || !cmd->ops->environ ? NULL : cmd->ops->environ(cmd->shell, cmd->heap);
        for (char **e = env; e && *e; e++) {
            const char *eq = strchr(*e, '=');
            size_t nl = eq ? (size_t)(eq - *e) : strlen(*e);
            bool skip = false;
            for (int k = 0; k < nunset; k++)
                if (strlen(unset[k]) == nl && !strncmp(unset[k], *e, nl))
                    skip = true;
            for (int k = first_assign; k < first_assign + nassign && !skip; k++) {
                const char *a = cmd->argv[k];
                if ((size_t)(strchr(a, '=') - a) == nl && !strncmp(a, *e, nl))
                    skip = true;    /* replaced below */
            }
            if (skip)
                continue;
            bi_outs(cmd, *e);
            bi_outc(cmd, end);
        }
        for (int k = first_assign; k < first_assign + nassign; k++) {
            bi_outs(cmd, cmd->argv[k]);
            bi_outc(cmd, end);
        }
        return bi_done(cmd, 0);
    }
    if (end == '\0') {
        bi_usage(cmd, 125, "cannot specify --null (-0) with command");
        return 125;
    }
    vbuf pre;
    vbuf_init(&pre, cmd->heap);
    if (clear) {
        char **env = cmd->ops && cmd->ops->environ ? cmd->ops->environ(cmd->shell, cmd->heap) : NULL;
        for (char **e = env; e && *e; e++) {
            const char *eq = strchr(*e, '=');
            size_t nl = eq ? (size_t)(eq - *e) : strlen(*e);
            if (!env__valid_name(*e, nl))
                continue;
            vbuf_adds(&pre, "unset -v ");
            vbuf_add(&pre, *e, nl);
            vbuf_adds(&pre, " 2>/dev/null\n");
        }
    }
    for (int k = 0; k < nunset; k++) {
        if (!env__valid_name(unset[k], strlen(unset[k])))
            continue;
        vbuf_adds(&pre, "unset -v ");
        vbuf_adds(&pre, unset[k]);
        vbuf_adds(&pre, " 2>/dev/null\n");
    }
    for (int k = first_assign; k < first_assign + nassign; k++) {
        const char *a = cmd->argv[k];
        const char *eq = strchr(a, '=');
        /* GNU's putenv takes any NAME=VALUE; a name the shell cannot hold
         * (=x, 1a=x) does not reach the command here */
        if (!env__valid_name(a, (size_t)(eq - a)))
            continue;
        vbuf_adds(&pre, "export ");
        vbuf_add(&pre, a, (size_t)(eq - a) + 1);
        tx_shquote(&pre, eq + 1);
        vbuf_addc(&pre, '\n');
    }
    char *cwd = NULL;
    if (dir) {
        cwd = bi_path(cmd, dir);
        vfs_stat_t sb;
        int rc = cwd ? vfs_stat(cmd->vfs, cwd, &sb) : VB_ENOMEM;
        if (rc == 0 && !S_ISDIR(sb.mode))
            rc = VB_ENOTDIR;
        if (rc != 0) {
            bi_err(cmd, "cannot change directory to %s: %s", fs_q(cmd, dir), vb_strerror(rc));
            return 125;
        }
    }
    /* execvp looks the command up in the new environment's PATH, or in
     * "/bin:/usr/bin" when the new environment has none; from the new
     * directory. */
    const char *path_var = NULL;
    bool path_gone = clear;
    for (int k = 0; k < nunset; k++)
        if (!strcmp(unset[k], "PATH"))
            path_gone = true;
    if (path_gone)
        path_var = "/bin:/usr/bin";
    for (int k = first_assign; k < first_assign + nassign; k++)
        if (!strncmp(cmd->argv[k], "PATH=", 5))
            path_var = cmd->argv[k] + 5;
    if (pre.failed)
        return bi_err(cmd, "memory exhausted") + 124;
    int run_errno = 0;
    int st = bi_run_exec(cmd, cmd->argv + i, path_var, cwd, vbuf_str(&pre), NULL, NULL, NULL, NULL,
                         &run_errno);
    if (run_errno) {
        bi_err(cmd, "%s: %s", fs_lq(cmd, cmd->argv[i]), vb_strerror(run_errno));
        return st;
    }
    if (st < 0)
        return bi_err(cmd, "cannot run %s", fs_lq(cmd, cmd->argv[i])) + 124;
    return st;
}
