/*
 * vbspec: runs the golden cases of tests/spec/NAME.test.sh (format in
 * tests/spec/README.md) under vbash, or under GNU bash to check or record
 * the expectations.
 *
 *   vbspec [-v] [-k SUBSTR] FILE...           run under vbash
 *   vbspec --against bash [-v] FILE...        check expectations under bash
 *   vbspec --record FILE...                   rewrite expectations from bash
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vbash/vbash.h"

#define SPEC_CLOCK 1767323045 /* 2026-01-02 03:04:05 UTC */
#define SPEC_TIMEOUT_MS 10000

typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void text_add(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        if (!t->p) {
            perror("vbspec");
            exit(2);
        }
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

static void text_adds(text *t, const char *s) { text_add(t, s, strlen(s)); }

typedef struct spec_case {
    char *name;
    int line;
    text script;
    text out, err, in;
    bool has_out, has_err;
    bool out_noeol, err_noeol;
    int status;
    char *differs;       /* vbash-differs reason, or NULL */
} spec_case;

typedef struct spec_file {
    const char *path;
    text preamble;       /* comment lines before the first case */
    spec_case *cases;
    size_t n, cap;
} spec_file;

static char *xstrndup(const char *s, size_t n)
{
    char *p = strndup(s, n);
    if (!p) {
        perror("vbspec");
        exit(2);
    }
    return p;
}

/* A line of expected output that, as written, starts with backslashes
 * followed by "--- " or "### " (so one backslash is the escape). */
static bool escaped(const char *line)
{
    if (line[0] != '\\')
        return false;
    while (*line == '\\')
        line++;
    return strncmp(line, "--- ", 4) == 0 || strncmp(line, "### ", 4) == 0;
}

/* Whether an output line must be escaped when written. */
static bool needs_escape(const char *line, size_t n)
{
    while (n && *line == '\\') {
        line++;
        n--;
    }
    return n >= 4 && (memcmp(line, "--- ", 4) == 0 || memcmp(line, "### ", 4) == 0);
}

static int load_file(const char *path, spec_file *f)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "vbspec: %s: %s\n", path, strerror(errno));
        return -1;
    }
    memset(f, 0, sizeof *f);
    f->path = path;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t ll;
    int lineno = 0;
    spec_case *c = NULL;
    enum { S_SCRIPT, S_OUT, S_ERR, S_IN, S_NONE } sec = S_NONE;
    while ((ll = getline(&line, &lcap, fp)) >= 0) {
        lineno++;
        if (strncmp(line, "### ", 4) == 0) {
            /* the blank line before "###" separates cases: not content */
            text *last = sec == S_SCRIPT ? &c->script : sec == S_OUT ? &c->out
                       : sec == S_ERR ? &c->err : sec == S_IN ? &c->in : NULL;
            if (c && last && last->len && last->p[last->len - 1] == '\n' &&
                (last->len == 1 || last->p[last->len - 2] == '\n'))
                last->p[--last->len] = '\0';
            if (f->n == f->cap) {
                f->cap = f->cap ? f->cap * 2 : 64;
                f->cases = realloc(f->cases, f->cap * sizeof *f->cases);
            }
            c = &f->cases[f->n++];
            memset(c, 0, sizeof *c);
            size_t nl = (size_t)ll - 4;
            while (nl && (line[4 + nl - 1] == '\n' || line[4 + nl - 1] == ' '))
                nl--;
            c->name = xstrndup(line + 4, nl);
            c->line = lineno;
            sec = S_SCRIPT;
            continue;
        }
        if (!c) {
            text_add(&f->preamble, line, (size_t)ll);
            continue;
        }
        if (strncmp(line, "--- ", 4) == 0) {
            char *w = line + 4;
            w[strcspn(w, "\n")] = '\0';
            if (strncmp(w, "stdout", 6) == 0) {
                sec = S_OUT;
                c->has_out = true;
                c->out_noeol = strstr(w, "noeol") != NULL;
            } else if (strncmp(w, "stderr", 6) == 0) {
                sec = S_ERR;
                c->has_err = true;
                c->err_noeol = strstr(w, "noeol") != NULL;
            } else if (strncmp(w, "stdin", 5) == 0) {
                sec = S_IN;
            } else if (strncmp(w, "status ", 7) == 0) {
                c->status = atoi(w + 7);
                sec = S_NONE;
            } else if (strncmp(w, "vbash-differs:", 14) == 0) {
                c->differs = strdup(w + 14 + (w[14] == ' '));
                sec = S_NONE;
            } else {
                fprintf(stderr, "vbspec: %s:%d: unknown section '--- %s'\n", path, lineno, w);
                free(line);
                fclose(fp);
                return -1;
            }
            continue;
        }
        /* output lines that would read as markers are stored behind a
         * backslash: one is dropped here (see escaped()) */
        char *body = line;
        if (sec != S_SCRIPT && escaped(line)) {
            body++;
            ll--;
        }
        switch (sec) {
        case S_SCRIPT: text_add(&c->script, line, (size_t)ll); break;
        case S_OUT: text_add(&c->out, body, (size_t)ll); break;
        case S_ERR: text_add(&c->err, body, (size_t)ll); break;
        case S_IN: text_add(&c->in, body, (size_t)ll); break;
        case S_NONE:
            if (ll > 1 || line[0] != '\n') {
                fprintf(stderr, "vbspec: %s:%d: text outside a section\n", path, lineno);
                free(line);
                fclose(fp);
                return -1;
            }
            break;
        }
    }
    free(line);
    fclose(fp);
    for (size_t i = 0; i < f->n; i++) {
        spec_case *k = &f->cases[i];
        text *secs[2] = {&k->out, &k->err};
        bool noeol[2] = {k->out_noeol, k->err_noeol};
        for (int j = 0; j < 2; j++) {
            if (!secs[j]->p)
                text_add(secs[j], "", 0);
            if (noeol[j] && secs[j]->len && secs[j]->p[secs[j]->len - 1] == '\n')
                secs[j]->p[--secs[j]->len] = '\0';
        }
        if (!k->script.p)
            text_add(&k->script, "", 0);
        if (!k->in.p)
            text_add(&k->in, "", 0);
    }
    return 0;
}

typedef struct outcome {
    text out, err;
    int status;
} outcome;

static const char *const spec_env[] = {
    "PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C.UTF-8", "TZ=UTC", "USER=user",
    "TERM=dumb", NULL,
};

static int run_vbash(const spec_case *c, outcome *o)
{
    vb_config cfg;
    vb_config_init(&cfg);
    vb_limits lim = {0};
    lim.max_wall_ms = SPEC_TIMEOUT_MS;
    cfg.limits = &lim;
    cfg.env = spec_env;
    cfg.clock_epoch = SPEC_CLOCK;
    cfg.random_seed = 42;
    vb_session *s;
    vb_status rc = vb_session_new(&cfg, &s);
    if (rc != VB_OK) {
        fprintf(stderr, "vbspec: vb_session_new: %s\n", vb_strerror(rc));
        return -1;
    }
    vb_exec_opts opts;
    vb_exec_opts_init(&opts);
    opts.script_name = "vbash";
    opts.stdin_data = c->in.p;
    opts.stdin_len = c->in.len;
    vb_result r;
    rc = vb_exec(s, c->script.p, c->script.len, &opts, &r);
    memset(o, 0, sizeof *o);
    text_add(&o->out, r.out.data ? r.out.data : "", r.out.len);
    text_add(&o->err, r.err.data ? r.err.data : "", r.err.len);
    o->status = r.exit_status;
    if (rc != VB_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "[vbspec: vb_exec failed: %s: %s]\n", vb_strerror(rc),
                 vb_session_error(s));
        text_adds(&o->err, msg);
    }
    vb_result_free(&r);
    vb_session_free(s);
    return 0;
}

static int run_bash(const spec_case *c, outcome *o)
{
    char dir[] = "/tmp/vbspec.XXXXXX";
    if (!mkdtemp(dir)) {
        perror("vbspec: mkdtemp");
        return -1;
    }
    int pin[2], pout[2], perr[2];
    if (pipe(pin) || pipe(pout) || pipe(perr)) {
        perror("vbspec: pipe");
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("vbspec: fork");
        return -1;
    }
    if (pid == 0) {
        dup2(pin[0], 0);
        dup2(pout[1], 1);
        dup2(perr[1], 2);
        for (int fd = 3; fd < 64; fd++)
            close(fd);
        if (chdir(dir) != 0)
            _exit(126);
        setpgid(0, 0);
        signal(SIGPIPE, SIG_DFL); /* the runner ignores it; bash must not inherit that */
        char home[64];
        snprintf(home, sizeof home, "HOME=%s", dir);
        char *env[16];
        int k = 0;
        for (int i = 0; spec_env[i]; i++)
            env[k++] = (char *)spec_env[i];
        env[k++] = home;
        env[k] = NULL;
        char *argv[] = {"bash", "-c", c->script.p, "vbash", NULL};
        execve("/bin/bash", argv, env);
        _exit(127);
    }
    close(pin[0]);
    close(pout[1]);
    close(perr[1]);
    memset(o, 0, sizeof *o);
    text_add(&o->out, "", 0);
    text_add(&o->err, "", 0);
    size_t inoff = 0;
    int fdin = pin[1];
    if (c->in.len == 0) {
        close(fdin);
        fdin = -1;
    }
    fcntl(pout[0], F_SETFL, O_NONBLOCK);
    fcntl(perr[0], F_SETFL, O_NONBLOCK);
    signal(SIGPIPE, SIG_IGN);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int open_fds = 2;
    bool killed = false;
    while (open_fds > 0) {
        struct pollfd pf[3] = {
            {.fd = pout[0], .events = POLLIN},
            {.fd = perr[0], .events = POLLIN},
            {.fd = fdin, .events = POLLOUT},
        };
        int np = fdin >= 0 ? 3 : 2;
        poll(pf, (nfds_t)np, 200);
        for (int i = 0; i < 2; i++) {
            if (pf[i].fd >= 0 && (pf[i].revents & (POLLIN | POLLHUP))) {
                char buf[65536];
                ssize_t n = read(pf[i].fd, buf, sizeof buf);
                if (n > 0) {
                    text_add(i == 0 ? &o->out : &o->err, buf, (size_t)n);
                } else if (n == 0 || errno != EAGAIN) {
                    close(pf[i].fd);
                    if (i == 0)
                        pout[0] = -1;
                    else
                        perr[0] = -1;
                    open_fds--;
                }
            }
        }
        if (fdin >= 0 && (pf[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = write(fdin, c->in.p + inoff, c->in.len - inoff);
            if (n > 0)
                inoff += (size_t)n;
            if (n < 0 || inoff == c->in.len) {
                close(fdin);
                fdin = -1;
            }
        }
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (!killed && (t1.tv_sec - t0.tv_sec) * 1000 > SPEC_TIMEOUT_MS) {
            kill(-pid, SIGKILL);
            killed = true;
        }
    }
    if (fdin >= 0)
        close(fdin);
    int st;
    waitpid(pid, &st, 0);
    o->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "vbspec: could not remove %s\n", dir);
    return 0;
}

static void show_diff(const char *what, const text *want, const text *got)
{
    fprintf(stderr, "  --- expected %s\n%s%s", what, want->p,
            want->len && want->p[want->len - 1] != '\n' ? "\\ (no newline)\n" : "");
    fprintf(stderr, "  +++ actual %s\n%s%s", what, got->p,
            got->len && got->p[got->len - 1] != '\n' ? "\\ (no newline)\n" : "");
}

static bool same(const text *a, const text *b)
{
    return a->len == b->len && memcmp(a->p, b->p, a->len) == 0;
}

static void write_section(FILE *fp, const char *name, const text *t)
{
    if (t->len == 0)
        return;
    bool noeol = t->p[t->len - 1] != '\n';
    fprintf(fp, "--- %s%s\n", name, noeol ? " noeol" : "");
    for (size_t i = 0; i < t->len;) {
        const char *nl = memchr(t->p + i, '\n', t->len - i);
        size_t n = nl ? (size_t)(nl - (t->p + i)) + 1 : t->len - i;
        if (needs_escape(t->p + i, n))
            fputc('\\', fp);
        fwrite(t->p + i, 1, n, fp);
        i += n;
    }
    if (noeol)
        fputc('\n', fp);
}

static int save_file(const spec_file *f)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", f->path);
    FILE *fp = fopen(tmp, "w");
    if (!fp) {
        fprintf(stderr, "vbspec: %s: %s\n", tmp, strerror(errno));
        return -1;
    }
    fwrite(f->preamble.p ? f->preamble.p : "", 1, f->preamble.len, fp);
    for (size_t i = 0; i < f->n; i++) {
        const spec_case *c = &f->cases[i];
        fprintf(fp, "### %s\n", c->name);
        fwrite(c->script.p, 1, c->script.len, fp);
        if (c->script.len && c->script.p[c->script.len - 1] != '\n')
            fputc('\n', fp);
        if (c->differs)
            fprintf(fp, "--- vbash-differs: %s\n", c->differs);
        write_section(fp, "stdin", &c->in);
        write_section(fp, "stdout", &c->out);
        write_section(fp, "stderr", &c->err);
        if (c->status)
            fprintf(fp, "--- status %d\n", c->status);
        if (i + 1 < f->n)
            fputc('\n', fp);
    }
    fclose(fp);
    return rename(tmp, f->path);
}

static void free_file(spec_file *f)
{
    for (size_t i = 0; i < f->n; i++) {
        spec_case *c = &f->cases[i];
        free(c->name);
        free(c->script.p);
        free(c->out.p);
        free(c->err.p);
        free(c->in.p);
        free(c->differs);
    }
    free(f->cases);
    free(f->preamble.p);
}

int main(int argc, char **argv)
{
    bool against_bash = false, record = false, verbose = false;
    const char *filter = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--against") == 0 && i + 1 < argc && strcmp(argv[i + 1], "bash") == 0) {
            against_bash = true;
            i++;
        } else if (strcmp(argv[i], "--record") == 0) {
            record = true;
        } else if (strcmp(argv[i], "-v") == 0) {
            verbose = true;
        } else if (strcmp(argv[i], "-k") == 0 && i + 1 < argc) {
            filter = argv[++i];
        } else {
            fprintf(stderr, "usage: vbspec [--against bash | --record] [-v] [-k SUBSTR] FILE...\n");
            return 2;
        }
    }
    if (i >= argc) {
        fprintf(stderr, "usage: vbspec [--against bash | --record] [-v] [-k SUBSTR] FILE...\n");
        return 2;
    }
    int pass = 0, fail = 0, skip = 0;
    for (; i < argc; i++) {
        spec_file f;
        if (load_file(argv[i], &f) != 0) {
            fail++;
            continue;
        }
        for (size_t k = 0; k < f.n; k++) {
            spec_case *c = &f.cases[k];
            if (filter && !strstr(c->name, filter))
                continue;
            outcome o;
            bool use_bash = (against_bash || record) && !c->differs;
            if (against_bash && c->differs) {
                skip++;
                continue;
            }
            if ((use_bash ? run_bash(c, &o) : run_vbash(c, &o)) != 0) {
                fail++;
                continue;
            }
            if (record) {
                free(c->out.p);
                free(c->err.p);
                c->out = o.out;
                c->err = o.err;
                c->status = o.status;
                pass++;
                continue;
            }
            bool ok = same(&o.out, &c->out) && same(&o.err, &c->err) && o.status == c->status;
            /* Under bash, a mismatch may come from the machine's load
             * (scheduling of background jobs, a slow sleep): run the case
             * again, twice at most, and say so when a retry agrees. The
             * vbash side (spec/…) never retries. */
            for (int retry = 1; !ok && use_bash && retry <= 2; retry++) {
                outcome o2;
                if (run_bash(c, &o2) != 0)
                    break;
                free(o.out.p);
                free(o.err.p);
                o = o2;
                ok = same(&o.out, &c->out) && same(&o.err, &c->err) && o.status == c->status;
                if (ok)
                    printf("NOTE %s:%d: %s: bash agreed on retry %d (its output varies between runs)\n",
                           f.path, c->line, c->name, retry);
            }
            if (ok) {
                pass++;
            } else {
                fail++;
                fprintf(stderr, "FAIL %s:%d: %s\n", f.path, c->line, c->name);
                if (verbose) {
                    fprintf(stderr, "  script:\n%s", c->script.p);
                    if (!same(&o.out, &c->out))
                        show_diff("stdout", &c->out, &o.out);
                    if (!same(&o.err, &c->err))
                        show_diff("stderr", &c->err, &o.err);
                    if (o.status != c->status)
                        fprintf(stderr, "  status: expected %d, got %d\n", c->status, o.status);
                }
            }
            free(o.out.p);
            free(o.err.p);
        }
        if (record && save_file(&f) != 0)
            fail++;
        free_file(&f);
    }
    if (skip)
        printf("%d passed, %d failed, %d skipped\n", pass, fail, skip);
    else
        printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
