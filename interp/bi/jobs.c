/*
 * Traps, signals and jobs between virtual processes: trap, kill, wait,
 * jobs, disown, bg, fg. Signals are delivered as pending flags checked at
 * every command. Reference: bash 5.2.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>

#include "interp/bi/shbi.h"

static const char *const signames[] = {
    "EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
    "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
    "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
};
#define NSIG_NAMES 32

/* Signal number of a name ("INT", "SIGINT", "2", "ERR"...), or -1. */
static int sig_num(const char *s)
{
    if (!*s)
        return -1;
    if (s[0] >= '0' && s[0] <= '9') {
        char *e;
        long n = strtol(s, &e, 10);
        return *e || n < 0 || n > 64 ? -1 : (int)n;
    }
    char up[32];
    size_t k = 0;
    for (; s[k] && k < sizeof up - 1; k++)
        up[k] = (char)((s[k] >= 'a' && s[k] <= 'z') ? s[k] - 32 : s[k]);
    up[k] = 0;
    const char *n = up;
    if (strncmp(n, "SIG", 3) == 0)
        n += 3;
    if (strcmp(n, "ERR") == 0)
        return ITRAP_ERR;
    if (strcmp(n, "DEBUG") == 0)
        return ITRAP_DEBUG;
    if (strcmp(n, "RETURN") == 0)
        return ITRAP_RETURN;
    if (strcmp(n, "IOT") == 0)
        return SIGABRT;
    if (strcmp(n, "POLL") == 0)
        return SIGIO;
    for (int i = 0; i < NSIG_NAMES; i++)
        if (strcmp(signames[i], n) == 0)
            return i;
    return -1;
}

static const char *sig_name(int n, char buf[16])
{
    if (n == ITRAP_ERR)
        return "ERR";
    if (n == ITRAP_DEBUG)
        return "DEBUG";
    if (n == ITRAP_RETURN)
        return "RETURN";
    if (n >= 0 && n < NSIG_NAMES)
        return signames[n];
    snprintf(buf, 16, "%d", n);
    return buf;
}

static void trap_print(vb_cmd *cmd, ish *sh, int n)
{
    char buf[16];
    const char *act = sh->traps[n].action;
    if (!act)
        return;
    char *q = shell_quote(sh->g, act, true);
    const char *nm = sig_name(n, buf);
    bi_outf(cmd, "trap -- %s %s%s\n", q ? q : "''", (n > 0 && n < NSIG_NAMES) ? "SIG" : "", nm);
    mem_free(sh->g->heap, q);
}

VB_BUILTIN("trap", bi_trap, BI_SHELL | BI_SPECIAL | BI_NOFORK)
int bi_trap(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    ishell *g = sh->g;
    int i = 1;
    bool print = false, list = false;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(cmd->argv[i], "-p") == 0)
            print = true;
        else if (strcmp(cmd->argv[i], "-l") == 0)
            list = true;
        else
            return shbi_badopt(cmd, cmd->argv[i], "trap [-lp] [[arg] signal_spec ...]");
    }
    if (list) {
        for (int n = 1; n < NSIG_NAMES; n++)
            bi_outf(cmd, "%2d) SIG%s%s", n, signames[n], n % 5 == 0 ? "\n" : "\t");
        bi_outc(cmd, '\n');
        return bi_done(cmd, 0);
    }
    if (i >= cmd->argc || print) {
        int rc = 0;
        if (i < cmd->argc) {
            for (; i < cmd->argc; i++) {
                int n = sig_num(cmd->argv[i]);
                if (n < 0) {
                    shbi_err(cmd, "%s: invalid signal specification", cmd->argv[i]);
                    rc = 1;
                } else
                    trap_print(cmd, sh, n);
            }
        } else
            for (int n = 0; n < ITRAP_N; n++)
                trap_print(cmd, sh, n);
        return bi_done(cmd, rc);
    }
    const char *action = cmd->argv[i];
    int first = i + 1;
    bool reset = false;
    if (first >= cmd->argc) {
        /* trap SIG: resets SIG (bash: a lone signal argument) */
        reset = true;
        first = i;
    } else if (strcmp(action, "-") == 0)
        reset = true;
    else if (sig_num(action) >= 0 && action[0] >= '0' && action[0] <= '9') {
        reset = true;
        first = i;
    }
    int rc = 0;
    for (int k = first; k < cmd->argc; k++) {
        int n = sig_num(cmd->argv[k]);
        if (n < 0 || n >= ITRAP_N) {
            shbi_err(cmd, "%s: invalid signal specification", cmd->argv[k]);
            rc = 1;
            continue;
        }
        mem_free(g->heap, sh->traps[n].action);
        sh->traps[n].action = reset ? NULL : mem_strdup(g->heap, action);
    }
    return rc;
}

static int parse_jobspec(ish *sh, const char *s, iproc ***procs, size_t *n)
{
    if (s[0] != '%')
        return -1;
    int id = -1;
    if (s[1] == 0 || s[1] == '%' || s[1] == '+') {
        ijob *last = NULL;
        for (ijob *j = sh->jobs; j; j = j->next)
            last = j;
        if (!last)
            return -1;
        id = last->id;
    } else
        id = atoi(s + 1);
    for (ijob *j = sh->jobs; j; j = j->next)
        if (j->id == id) {
            *procs = j->procs;
            *n = j->nprocs;
            return id;
        }
    return -1;
}

/* The job a %spec names, or NULL. */
static ijob *job_by_spec(ish *sh, const char *spec)
{
    iproc **ps;
    size_t n;
    int id = parse_jobspec(sh, spec, &ps, &n);
    ijob *found = NULL;
    for (ijob *j = sh->jobs; j; j = j->next)
        if (j->id == id)
            found = j;
    return found;
}

VB_BUILTIN("kill", bi_kill, BI_SHELL | BI_NOFORK)
int bi_kill(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int sig = SIGTERM;
    int i = 1;
    if (i < cmd->argc && (strcmp(cmd->argv[i], "-l") == 0 || strcmp(cmd->argv[i], "-L") == 0)) {
        if (i + 1 >= cmd->argc) {
            for (int n = 1; n < NSIG_NAMES; n++)
                bi_outf(cmd, "%2d) SIG%s%s", n, signames[n], n % 5 == 0 ? "\n" : "\t");
            bi_outc(cmd, '\n');
            return bi_done(cmd, 0);
        }
        int rc = 0;
        for (i++; i < cmd->argc; i++) {
            const char *a = cmd->argv[i];
            if (a[0] >= '0' && a[0] <= '9') {
                int n = atoi(a);
                if (n > 128)
                    n -= 128;
                if (n > 0 && n < NSIG_NAMES)
                    bi_outf(cmd, "%s\n", signames[n]);
                else {
                    shbi_err(cmd, "%s: invalid signal specification", a);
                    rc = 1;
                }
            } else {
                int n = sig_num(a);
                if (n > 0 && n < NSIG_NAMES)
                    bi_outf(cmd, "%d\n", n);
                else {
                    shbi_err(cmd, "%s: invalid signal specification", a);
                    rc = 1;
                }
            }
        }
        return bi_done(cmd, rc);
    }
    if (i < cmd->argc && strcmp(cmd->argv[i], "-s") == 0 && i + 1 < cmd->argc) {
        sig = sig_num(cmd->argv[i + 1]);
        if (sig < 0 || sig >= NSIG_NAMES)
            return shbi_err(cmd, "%s: invalid signal specification", cmd->argv[i + 1]);
        i += 2;
    } else if (i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1] &&
               strcmp(cmd->argv[i], "--") != 0) {
        sig = sig_num(cmd->argv[i] + 1);
        if (sig < 0 || sig >= NSIG_NAMES)
            return shbi_err(cmd, "%s: invalid signal specification", cmd->argv[i] + 1);
        i++;
    } else if (i < cmd->argc && strcmp(cmd->argv[i], "--") == 0)
        i++;
    if (i >= cmd->argc)
        return shbi_usage(cmd, "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
    int rc = 0;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] == '%') {
            iproc **ps;
            size_t n;
            if (parse_jobspec(sh, a, &ps, &n) < 0) {
                shbi_err(cmd, "%s: no such job", a);
                rc = 1;
                continue;
            }
            for (size_t k = 0; k < n; k++)
                proc_signal(sh->g, ps[k]->pid, sig);
            continue;
        }
        int64_t pid;
        if (!shbi_int(a, &pid)) {
            shbi_err(cmd, "%s: arguments must be process or job IDs", a);
            rc = 1;
            continue;
        }
        if ((sh->bashpid && pid == sh->bashpid) || (!sh->bashpid && (pid == sh->g->shell_pid || (sh->proc && pid == sh->proc->pid)))) {
            if (sh->proc)
                sh->proc->pending_sig = sig;
            continue;
        }
        if (proc_signal(sh->g, (int)pid, sig) < 0) {
            shbi_err(cmd, "(%" PRId64 ") - No such process", pid);
            rc = 1;
        }
    }
    if (sh->proc && sh->proc->pending_sig)
        proc_yield(sh->g);
    return bi_done(cmd, rc);
}

static void job_remove(ish *sh, ijob *target)
{
    for (ijob **pp = &sh->jobs; *pp; pp = &(*pp)->next)
        if (*pp == target) {
            *pp = target->next;
            for (size_t i = 0; i < target->nprocs; i++)
                proc_unref(sh->g, target->procs[i]);
            mem_free(sh->g->heap, target->procs);
            mem_free(sh->g->heap, target->cmd);
            mem_free(sh->g->heap, target);
            return;
        }
}

static int wait_job(ish *sh, ijob *j)
{
    int st = 0;
    for (size_t i = 0; i < j->nprocs; i++)
        st = proc_wait(sh->g, j->procs[i]);
    return st;
}

VB_BUILTIN("wait", bi_wait, BI_SHELL | BI_NOFORK)
int bi_wait(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int i = 1;
    bool any = false;
    const char *pvar = NULL;
    for (; i < cmd->argc && cmd->argv[i][0] == '-' && cmd->argv[i][1]; i++) {
        if (strcmp(cmd->argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(cmd->argv[i], "-n") == 0)
            any = true;
        else if (strcmp(cmd->argv[i], "-f") == 0)
            continue;
        else if (strcmp(cmd->argv[i], "-p") == 0 && i + 1 < cmd->argc)
            pvar = cmd->argv[++i];
        else
            return shbi_badopt(cmd, cmd->argv[i], "wait [-fn] [-p var] [id ...]");
    }
    bi_flush(cmd);
    if (any) {
        /* the first job to finish (of the ids given, if any) */
        ijob *sel[64];
        size_t nsel = 0;
        bool filter = i < cmd->argc;
        for (; i < cmd->argc; i++) {
            const char *a = cmd->argv[i];
            ijob *found = NULL;
            int64_t pid = 0;
            if (a[0] == '%') {
                found = job_by_spec(sh, a);
            } else if (shbi_int(a, &pid)) {
                for (ijob *j = sh->jobs; j && !found; j = j->next)
                    for (size_t k = 0; k < j->nprocs; k++)
                        if (j->procs[k]->pid == pid)
                            found = j;
            }
            if (!found)
                shbi_err(cmd, "%s: no such job", a);
            else if (nsel < sizeof sel / sizeof sel[0])
                sel[nsel++] = found;
        }
        if (!sh->jobs || (filter && !nsel))
            return 127;
        for (;;) {
            for (ijob *j = sh->jobs; j; j = j->next) {
                if (filter) {
                    size_t k = 0;
                    while (k < nsel && sel[k] != j)
                        k++;
                    if (k == nsel)
                        continue;
                }
                bool done = true;
                for (size_t k = 0; k < j->nprocs; k++)
                    if (j->procs[k]->state != P_DONE)
                        done = false;
                if (done) {
                    int st = j->procs[j->nprocs - 1]->status;
                    if (pvar) {
                        char nb[16];
                        snprintf(nb, sizeof nb, "%d", j->procs[j->nprocs - 1]->pid);
                        var_set(sh, pvar, nb, 0);
                    }
                    job_remove(sh, j);
                    return st;
                }
            }
            if (exec_should_stop(sh))
                return 1;
            sh->proc->waiting_for = -1;
            proc_block(sh->g);
            if (sh->proc->pending_sig)
                return 128 + sh->proc->pending_sig;
        }
    }
    if (i >= cmd->argc) {
        ijob *next;
        for (ijob *j = sh->jobs; j; j = next) {
            wait_job(sh, j);
            if (exec_should_stop(sh))
                return 1;
            next = j->next;
            /* finished jobs stay in the table until `jobs` reports them */
            if (j->hidden || j->disowned)
                job_remove(sh, j);
        }
        return 0;
    }
    int st = 0;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        ijob *found = NULL;
        if (a[0] == '%') {
            found = job_by_spec(sh, a);
            if (!found) {
                shbi_err(cmd, "%s: no such job", a);
                st = 127;
                continue;
            }
        } else {
            int64_t pid;
            if (!shbi_int(a, &pid)) {
                shbi_err(cmd, "`%s': not a pid or valid job spec", a);
                st = 2;
                continue;
            }
            for (ijob *j = sh->jobs; j && !found; j = j->next)
                for (size_t k = 0; k < j->nprocs; k++)
                    if (j->procs[k]->pid == pid)
                        found = j;
            if (!found) {
                shbi_err(cmd, "pid %" PRId64 " is not a child of this shell", pid);
                st = 127;
                continue;
            }
        }
        st = wait_job(sh, found);
        job_remove(sh, found);
    }
    return st;
}

VB_BUILTIN("jobs", bi_jobs, BI_SHELL | BI_NOFORK)
int bi_jobs(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    bool pids = false, longf = false, running_only = false, stopped_only = false;
    int i = 1;
    for (; i < cmd->argc && cmd->argv[i][0] == '-'; i++)
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            if (*p == 'p')
                pids = true;
            else if (*p == 'l')
                longf = true;
            else if (*p == 'r')
                running_only = true;
            else if (*p == 's')
                stopped_only = true;
            else if (*p == 'n')
                continue;
            else {
                char o[3] = {'-', *p, 0};
                return shbi_badopt(cmd, o, "jobs [-lnprs] [jobspec ...] or jobs -x command [args]");
            }
        }
    (void)stopped_only;
    ijob *last = NULL, *prev = NULL;
    for (ijob *j = sh->jobs; j; j = j->next) {
        prev = last;
        last = j;
    }
    ijob *next;
    for (ijob *j = sh->jobs; j; j = next) {
        next = j->next;
        bool done = true;
        for (size_t k = 0; k < j->nprocs; k++)
            if (j->procs[k]->state != P_DONE)
                done = false;
        if (j->hidden)
            continue;
        if (running_only && done)
            continue;
        if (stopped_only)
            continue;
        if (pids) {
            bi_outf(cmd, "%d\n", j->procs[0]->pid);
            continue;
        }
        int st = j->procs[j->nprocs - 1]->status;
        char state[32];
        if (!done)
            snprintf(state, sizeof state, "Running");
        else if (st == 0)
            snprintf(state, sizeof state, "Done");
        else
            snprintf(state, sizeof state, "Exit %d", st);
        char mark = j == last ? '+' : j == prev ? '-' : ' ';
        const char *text = j->cmd ? j->cmd : "";
        char *shown = NULL;
        if (done) {
            /* a finished job is shown without its '&' and then forgotten */
            size_t tl = strlen(text);
            if (tl >= 2 && strcmp(text + tl - 2, " &") == 0)
                shown = mem_strndup(cmd->heap, text, tl - 2);
        }
        if (longf)
            bi_outf(cmd, "[%d]%c %d %-22s%s\n", j->id, mark, j->procs[0]->pid, state, shown ? shown : text);
        else
            bi_outf(cmd, "[%d]%c  %-24s%s\n", j->id, mark, state, shown ? shown : text);
        if (done)
            job_remove(sh, j);
    }
    return bi_done(cmd, 0);
}

VB_BUILTIN("disown", bi_disown, BI_SHELL | BI_NOFORK)
int bi_disown(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    int i = 1;
    bool all = false;
    for (; i < cmd->argc && cmd->argv[i][0] == '-'; i++) {
        if (strcmp(cmd->argv[i], "-a") == 0)
            all = true;
        else if (strcmp(cmd->argv[i], "-h") == 0 || strcmp(cmd->argv[i], "-r") == 0)
            continue;
        else
            return shbi_badopt(cmd, cmd->argv[i], "disown [-h] [-ar] [jobspec ... | pid ...]");
    }
    if (all || i >= cmd->argc) {
        if (i >= cmd->argc && !all) {
            ijob *last = NULL;
            for (ijob *j = sh->jobs; j; j = j->next)
                last = j;
            if (!last)
                return shbi_err(cmd, "current: no such job");
            job_remove(sh, last);
            return 0;
        }
        while (sh->jobs)
            job_remove(sh, sh->jobs);
        return 0;
    }
    int rc = 0;
    for (; i < cmd->argc; i++) {
        iproc **ps;
        size_t n;
        int id = parse_jobspec(sh, cmd->argv[i], &ps, &n);
        ijob *found = NULL;
        for (ijob *j = sh->jobs; j; j = j->next)
            if (j->id == id)
                found = j;
        if (!found) {
            shbi_err(cmd, "%s: no such job", cmd->argv[i]);
            rc = 1;
            continue;
        }
        job_remove(sh, found);
    }
    return rc;
}

VB_BUILTIN("fg", bi_fg, BI_SHELL | BI_NOFORK)
int bi_fg(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    if (!(sh->opts & O_MONITOR))
        return shbi_err(cmd, "no job control");
    ijob *j = NULL;
    if (cmd->argc > 1) {
        iproc **ps;
        size_t n;
        int id = parse_jobspec(sh, cmd->argv[1], &ps, &n);
        for (ijob *k = sh->jobs; k; k = k->next)
            if (k->id == id)
                j = k;
    } else
        for (ijob *k = sh->jobs; k; k = k->next)
            j = k;
    if (!j)
        return shbi_err(cmd, "%s: no such job", cmd->argc > 1 ? cmd->argv[1] : "current");
    bi_outf(cmd, "%s\n", j->cmd);
    bi_flush(cmd);
    int st = wait_job(sh, j);
    job_remove(sh, j);
    return st;
}

VB_BUILTIN("bg", bi_bg, BI_SHELL | BI_NOFORK)
int bi_bg(vb_cmd *cmd)
{
    ish *sh = shbi_sh(cmd);
    if (!(sh->opts & O_MONITOR))
        return shbi_err(cmd, "no job control");
    /* Virtual jobs never stop, so every job already runs in the background. */
    if (!sh->jobs)
        return shbi_err(cmd, "current: no such job");
    return 0;
}
