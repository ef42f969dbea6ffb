/*
 * vbash: the standalone shell. Every script runs inside a vbash session (an
 * in-memory filesystem and the bash interpreter); nothing on the host is
 * touched except host directories mounted with --mount / --here and the
 * files named by --export-fs / --import-fs.
 *
 *   vbash [options] -c SCRIPT [NAME [ARG...]]
 *   vbash [options] FILE [ARG...]          FILE is read from the host
 *   vbash [options] [-s] [ARG...]          script on stdin (not a terminal)
 *   vbash [options]                        interactive prompt on a terminal
 *
 * Shell options as bash takes them (-e -u -x -v -f -C -a -n -o NAME, and
 * their + forms) are applied with `set` in the session before the script
 * runs; -n is the engine's parse-only mode. Deviation from bash: a script
 * given on stdin is read whole before it runs, so the script's own stdin is
 * at end of file (bash shares one stream between the two).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "vbash/net.h"
#include "vbash/vbash.h"
#include "vbash/vfs.h"

vb_session *volatile cli_running;

#define CLI_MAX_MOUNTS 64
#define CLI_MAX_SETS 64
#define CLI_MAX_NET 128

typedef struct cli_opts {
    const char *command;          /* -c */
    bool has_command;
    bool read_stdin;              /* -s */
    bool interactive;             /* -i */
    bool noexec;                  /* -n */
    char *setcmd;                 /* "set -e +x -o 'pipefail'...": malloc'd at the
                                     first option, NULL without any */
    size_t n_sets;
    vb_mount mounts[CLI_MAX_MOUNTS];
    size_t n_mounts;
    char *here_path;              /* owned (getcwd) */
    vb_limits limits;
    bool have_limits;
    vb_profile profile;
    const char *export_fs, *import_fs;
    const char *net_flag[CLI_MAX_NET], *net_value[CLI_MAX_NET];
    size_t n_net;
    char **rest;                  /* operands after the options */
    int n_rest;
} cli_opts;

static void cli_usage(FILE *f)
{
    fputs("Usage:\tvbash [option ...] [-c command [name [arg ...]] | file [arg ...]]\n"
          "\n"
          "Runs bash scripts inside a virtual sandbox: an in-memory filesystem and\n"
          "a bash interpreter with native commands. No host process is started and\n"
          "host files are only visible through --mount / --here.\n"
          "\n"
          "Shell options (as bash):\n"
          "\t-c command\tread the script from the command argument\n"
          "\t-s\t\tread the script from standard input\n"
          "\t-i\t\tinteractive shell\n"
          "\t-n\t\tread and check the syntax only\n"
          "\t-e -u -x -v -f -C -a -h -b -m -B -H -P -T -E\tset options (+ turns off)\n"
          "\t-o option\tset -o option (+o turns off), e.g. -o pipefail\n"
          "\n"
          "Sandbox options:\n"
          "\t--mount HOST:PATH[:ro|rw|overlay]\tmount a host directory (default ro)\n"
          "\t--here[=ro|rw|overlay]\tmount the current directory at the same path\n"
          "\t\t\t\tand start there (default overlay: writes stay in memory)\n"
          "\t--limit NAME=VALUE\tset a limit (commands, loop, time, memory, output,\n"
          "\t\t\t\tfile, total, inodes...; suffixes k M G, ms s m)\n"
          "\t--profile strict|default|permissive\tlimits profile\n"
          "\t--import-fs FILE.tar\tload a filesystem archive before the script\n"
          "\t--export-fs FILE.tar\tsave the filesystem as an archive afterwards\n"
          "\n"
          "Network (none unless allowed):\n"
          "\t--allow-net PATTERN\tallow hosts/URLs matching PATTERN\n"
          "\t--deny-net PATTERN\tdeny hosts/URLs matching PATTERN\n"
          "\t--net-default allow|deny\tverdict when no rule matches\n"
          "\t--net-audit FILE\tappend one JSON line per request\n"
          "\t--secret NAME=SOURCE@HOST[,HOST]\tsecret sent to HOST as a bearer token and\n"
          "\t\t\t\tredacted from output; SOURCE env:VAR, file:PATH or value:TEXT\n"
          "\t--net-policy FILE.json\tload a policy file\n"
          "\n"
          "\t--help\t\tthis text\n"
          "\t--version\tversion\n",
          f);
}

static int cli_usage_error(const char *fmt, const char *arg)
{
    fputs("vbash: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs("Usage:\tvbash [option ...] [-c command [name [arg ...]] | file [arg ...]]\n"
          "Try 'vbash --help' for more information.\n",
          stderr);
    return 2;
}

static bool cli_mode(const char *s, vb_mount_mode *mode)
{
    if (strcmp(s, "ro") == 0)
        *mode = VB_MOUNT_RO;
    else if (strcmp(s, "rw") == 0)
        *mode = VB_MOUNT_RW;
    else if (strcmp(s, "overlay") == 0)
        *mode = VB_MOUNT_OVERLAY;
    else
        return false;
    return true;
}

/* --mount HOST:PATH[:MODE] */
static int cli_parse_mount(cli_opts *o, char *spec)
{
    if (o->n_mounts == CLI_MAX_MOUNTS)
        return cli_usage_error("--mount: too many mounts", "");
    char *c1 = strchr(spec, ':');
    if (!c1 || c1 == spec || !c1[1])
        return cli_usage_error("--mount: %s: expected HOST:PATH[:ro|rw|overlay]", spec);
    *c1 = '\0';
    char *path = c1 + 1;
    vb_mount_mode mode = VB_MOUNT_RO;
    char *c2 = strrchr(path, ':');
    if (c2) {
        if (!cli_mode(c2 + 1, &mode)) {
            *c1 = ':';
            return cli_usage_error("--mount: %s: mode must be ro, rw or overlay", spec);
        }
        *c2 = '\0';
    }
    if (path[0] != '/') {
        *c1 = ':';
        return cli_usage_error("--mount: %s: the sandbox path must be absolute", spec);
    }
    o->mounts[o->n_mounts++] = (vb_mount){.host_path = spec, .sandbox_path = path, .mode = mode};
    return 0;
}

#define CLI_SETCMD_MAX 4096

/* Records one `set` argument ("-e", "+o pipefail"): each at most 127 bytes,
 * the whole command at most CLI_SETCMD_MAX - 1. The buffer is allocated at
 * the first one: cli_opts stays small, and the page faults of a large stack
 * frame are saved at every start (docs/design.md, "Start-up"). */
static int cli_add_set(cli_opts *o, bool on, const char *what)
{
    if (o->n_sets == CLI_MAX_SETS)
        return cli_usage_error("%s: too many options", what);
    if (!o->setcmd) {
        o->setcmd = malloc(CLI_SETCMD_MAX);
        if (!o->setcmd) {
            fputs("vbash: out of memory\n", stderr);
            return 2;
        }
        strcpy(o->setcmd, "set");
    }
    char item[128];
    snprintf(item, sizeof item, "%c%s", on ? '-' : '+', what);
    size_t l = strlen(o->setcmd);
    snprintf(o->setcmd + l, CLI_SETCMD_MAX - l, " %s", item);
    o->n_sets++;
    return 0;
}

static void cli_opts_free(cli_opts *o)
{
    free(o->here_path);
    free(o->setcmd);
}

static bool cli_is_set_flag(char c)
{
    return strchr("abefhkmnptuvxBCEHPT", c) != NULL;
}

/* A long option's value: "--name=value" or the next argument. */
static const char *cli_long_value(int argc, char **argv, int *i, const char *arg,
                                  const char *name, int *err)
{
    size_t n = strlen(name);
    if (arg[n] == '=')
        return arg + n + 1;
    if (*i + 1 >= argc) {
        *err = cli_usage_error("%s: option requires an argument", name);
        return NULL;
    }
    return argv[++*i];
}

static const char *const cli_net_flags[] = {
    "--allow-net", "--deny-net", "--net-audit", "--secret", "--net-policy",
    "--net-default", "--net-insecure-tls",
};

/* Returns -1 to go on, else an exit status (0 for --help/--version). */
static int cli_parse(cli_opts *o, int argc, char **argv)
{
    int i = 1;
    for (; i < argc; i++) {
        char *a = argv[i];
        if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
            i++;
            break;
        }
        if (a[0] == '-' && a[1] == '-') {
            int err = -1;
            const char *v;
            if (strcmp(a, "--help") == 0) {
                cli_usage(stdout);
                return 0;
            } else if (strcmp(a, "--version") == 0) {
                printf("vbash %s\n", vb_version());
                return 0;
            } else if (strncmp(a, "--mount", 7) == 0 && (a[7] == '\0' || a[7] == '=')) {
                if (!(v = cli_long_value(argc, argv, &i, a, "--mount", &err)))
                    return err;
                if ((err = cli_parse_mount(o, (char *)v)) != 0)
                    return err;
            } else if (strncmp(a, "--here", 6) == 0 && (a[6] == '\0' || a[6] == '=')) {
                vb_mount_mode mode = VB_MOUNT_OVERLAY;
                if (a[6] == '=' && !cli_mode(a + 7, &mode))
                    return cli_usage_error("--here: %s: mode must be ro, rw or overlay", a + 7);
                if (o->n_mounts == CLI_MAX_MOUNTS)
                    return cli_usage_error("--here: too many mounts", "");
                char *cwd = getcwd(NULL, 0);
                if (!cwd) {
                    fprintf(stderr, "vbash: --here: %s\n", strerror(errno));
                    return 2;
                }
                free(o->here_path);
                o->here_path = cwd;
                o->mounts[o->n_mounts++] =
                    (vb_mount){.host_path = cwd, .sandbox_path = cwd, .mode = mode};
            } else if (strncmp(a, "--limit", 7) == 0 && (a[7] == '\0' || a[7] == '=')) {
                if (!(v = cli_long_value(argc, argv, &i, a, "--limit", &err)))
                    return err;
                const char *eq = strchr(v, '=');
                if (!eq || eq == v)
                    return cli_usage_error("--limit: %s: expected NAME=VALUE", v);
                char name[64];
                size_t nl = (size_t)(eq - v);
                if (nl >= sizeof name)
                    return cli_usage_error("--limit: %s: unknown limit", v);
                memcpy(name, v, nl);
                name[nl] = '\0';
                vb_status rc = vb_limits_set(&o->limits, name, eq + 1);
                if (rc == VB_ENOENT)
                    return cli_usage_error("--limit: %s: unknown limit", name);
                if (rc != VB_OK)
                    return cli_usage_error("--limit: %s: invalid value", v);
                o->have_limits = true;
            } else if (strncmp(a, "--profile", 9) == 0 && (a[9] == '\0' || a[9] == '=')) {
                if (!(v = cli_long_value(argc, argv, &i, a, "--profile", &err)))
                    return err;
                if (strcmp(v, "strict") == 0)
                    o->profile = VB_PROFILE_STRICT;
                else if (strcmp(v, "default") == 0)
                    o->profile = VB_PROFILE_DEFAULT;
                else if (strcmp(v, "permissive") == 0)
                    o->profile = VB_PROFILE_PERMISSIVE;
                else
                    return cli_usage_error("--profile: %s: expected strict, default or permissive",
                                           v);
            } else if (strncmp(a, "--export-fs", 11) == 0 && (a[11] == '\0' || a[11] == '=')) {
                if (!(o->export_fs = cli_long_value(argc, argv, &i, a, "--export-fs", &err)))
                    return err;
            } else if (strncmp(a, "--import-fs", 11) == 0 && (a[11] == '\0' || a[11] == '=')) {
                if (!(o->import_fs = cli_long_value(argc, argv, &i, a, "--import-fs", &err)))
                    return err;
            } else {
                size_t k, nf = sizeof cli_net_flags / sizeof *cli_net_flags;
                for (k = 0; k < nf; k++) {
                    size_t fl = strlen(cli_net_flags[k]);
                    if (strncmp(a, cli_net_flags[k], fl) == 0 && (a[fl] == '\0' || a[fl] == '='))
                        break;
                }
                if (k == nf)
                    return cli_usage_error("%s: invalid option", a);
                if (!(v = cli_long_value(argc, argv, &i, a, cli_net_flags[k], &err)))
                    return err;
                if (o->n_net == CLI_MAX_NET)
                    return cli_usage_error("%s: too many network options", a);
                o->net_flag[o->n_net] = cli_net_flags[k];
                o->net_value[o->n_net++] = v;
            }
            continue;
        }
        if ((a[0] == '-' || a[0] == '+') && a[1]) {
            bool on = a[0] == '-';
            for (const char *p = a + 1; *p; p++) {
                char c = *p;
                if (c == 'c' && on) {
                    o->has_command = true;
                } else if (c == 's' && on) {
                    o->read_stdin = true;
                } else if (c == 'i' && on) {
                    o->interactive = true;
                } else if (c == 'o') {
                    if (i + 1 >= argc)
                        return cli_usage_error("%s: option requires an argument", "-o");
                    /* The name goes into a `set` command: quote it. */
                    char what[128] = "o '";
                    size_t w = strlen(what);
                    for (const char *q = argv[++i]; *q && w + 6 < sizeof what; q++) {
                        if (*q == '\'') {
                            memcpy(what + w, "'\\''", 4);
                            w += 4;
                        } else {
                            what[w++] = *q;
                        }
                    }
                    what[w++] = '\'';
                    what[w] = '\0';
                    int e = cli_add_set(o, on, what);
                    if (e)
                        return e;
                } else if (cli_is_set_flag(c)) {
                    if (c == 'n') {
                        o->noexec = on;
                        continue;
                    }
                    char what[2] = {c, '\0'};
                    int e = cli_add_set(o, on, what);
                    if (e)
                        return e;
                } else {
                    char bad[3] = {a[0], c, '\0'};
                    return cli_usage_error("%s: invalid option", bad);
                }
            }
            continue;
        }
        break;
    }
    o->rest = argv + i;
    o->n_rest = argc - i;
    if (o->has_command) {
        if (o->n_rest == 0) {
            fputs("vbash: -c: option requires an argument\n", stderr);
            return 2;
        }
        o->command = o->rest[0];
        o->rest++;
        o->n_rest--;
    }
    return -1;
}

/* Reads a host file or fd into a malloc'd buffer (the CLI's own data, not a
 * session's), at most max bytes: one more than the session's script size
 * limit is enough for the session to report the limit, and `yes | vbash`
 * cannot grow memory without bound. */
static char *cli_slurp(int fd, size_t *len, size_t max)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        if (n >= max)
            break;
        size_t want = cap - n < max - n ? cap - n : max - n;
        ssize_t r = read(fd, buf + n, want);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void cli_on_sigint(int sig)
{
    (void)sig;
    vb_session *s = cli_running;
    if (s)
        vb_cancel(s);
}

/* Runs a short piece of setup shell in the session, output to the host's
 * stderr. Returns the script's status or -1 on an engine error. */
static int cli_exec_quiet(vb_session *s, const char *script)
{
    vb_exec_opts eo;
    vb_exec_opts_init(&eo);
    eo.stdout_fd = 1;
    eo.stderr_fd = 2;
    vb_result r;
    vb_status rc = vb_exec(s, script, strlen(script), &eo, &r);
    int st = rc == VB_OK ? r.exit_status : -1;
    if (rc != VB_OK)
        fprintf(stderr, "vbash: %s\n", vb_session_error(s));
    vb_result_free(&r);
    return st;
}

/* Secrets of the network policy are redacted from what the script prints:
 * the script writes into a pipe, a thread copies it to the real fd through
 * a streaming redactor. Only used when the policy holds secrets. */
typedef struct cli_relay {
    int rd, wr;                /* pipe ends; wr is the script's fd */
    int dest;                  /* the host fd written to */
    vb_net_redactor *red;
    pthread_t thread;
    bool started;
} cli_relay;

static int cli_relay_emit(void *ctx, const void *data, size_t len)
{
    int fd = *(int *)ctx;
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static void *cli_relay_main(void *arg)
{
    cli_relay *r = arg;
    char buf[65536];
    for (;;) {
        ssize_t n = read(r->rd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (vb_net_redactor_write(r->red, buf, (size_t)n, cli_relay_emit, &r->dest) < 0)
            break;   /* the destination is gone: stop reading, the writer sees EPIPE */
    }
    vb_net_redactor_flush(r->red, cli_relay_emit, &r->dest);
    close(r->rd);
    r->rd = -1;
    return NULL;
}

static bool cli_relay_start(cli_relay *r, int dest, const vb_net_policy *net)
{
    int p[2];
    memset(r, 0, sizeof *r);
    r->rd = r->wr = -1;
    r->dest = dest;
    r->red = vb_net_redactor_new(net);
    if (!r->red || pipe2(p, O_CLOEXEC) < 0) {
        vb_net_redactor_free(r->red);
        r->red = NULL;
        return false;
    }
    r->rd = p[0];
    r->wr = p[1];
    if (pthread_create(&r->thread, NULL, cli_relay_main, r) != 0) {
        close(p[0]);
        close(p[1]);
        vb_net_redactor_free(r->red);
        r->red = NULL;
        return false;
    }
    r->started = true;
    return true;
}

static void cli_relay_stop(cli_relay *r)
{
    if (!r->started)
        return;
    close(r->wr);            /* end of file for the thread */
    pthread_join(r->thread, NULL);
    vb_net_redactor_free(r->red);
    r->started = false;
}

static int cli_tar(vb_session *s, const char *file, bool export)
{
    int fd = export ? open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)
                    : open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "vbash: %s: %s\n", file, strerror(errno));
        return 1;
    }
    vb_status rc = export ? vb_vfs_export_tar(s, "/", fd) : vb_vfs_import_tar(s, "/", fd);
    if (close(fd) < 0 && rc == VB_OK)
        rc = -errno;
    if (rc != VB_OK) {
        fprintf(stderr, "vbash: %s: %s: %s\n", export ? "--export-fs" : "--import-fs", file,
                vb_strerror(rc));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    /* A closed standard fd would be reused by the next open(): point it at
     * /dev/null first. One poll asks about the three at once (POLLNVAL: not
     * open); a system call costs microseconds on a paravirtualized host. */
    struct pollfd std[3] = {{.fd = 0}, {.fd = 1}, {.fd = 2}};
    if (poll(std, 3, 0) < 0)
        for (int fd = 0; fd <= 2; fd++)
            std[fd].revents = fcntl(fd, F_GETFD) < 0 && errno == EBADF ? POLLNVAL : 0;
    for (int fd = 0; fd <= 2; fd++)
        if (std[fd].revents & POLLNVAL) {
            int nfd = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
            if (nfd >= 0 && nfd != fd) {
                dup2(nfd, fd);
                close(nfd);
            }
        }
    cli_opts o;
    memset(&o, 0, sizeof o);
    int st = cli_parse(&o, argc, argv);
    if (st >= 0) {
        cli_opts_free(&o);
        return st;
    }

    /* The largest script worth reading: the script_bytes limit + 1. */
    vb_limits prof;
    vb_limits_profile(o.profile, &prof);
    uint64_t lim = o.have_limits && o.limits.max_script_bytes ? o.limits.max_script_bytes
                                                              : prof.max_script_bytes;
    size_t max_read = lim && lim < (1ull << 30) ? (size_t)lim + 1 : (size_t)1 << 30;

    /* The script: -c, a host file, or stdin. */
    char *script = NULL;
    size_t script_len = 0;
    const char *name = "vbash";
    char **args = NULL;
    int flags = 0;
    bool interactive = false;
    if (o.has_command) {
        script = strdup(o.command);
        script_len = strlen(o.command);
        if (o.n_rest > 0) {
            name = o.rest[0];
            args = o.rest + 1;
        }
    } else if (o.n_rest > 0 && !o.read_stdin) {
        const char *file = o.rest[0];
        int fd = open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            fprintf(stderr, "vbash: %s: %s\n", file, strerror(errno));
            cli_opts_free(&o);
            return errno == ENOENT ? 127 : 126;
        }
        struct stat sb;
        if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fprintf(stderr, "%s: %s: Is a directory\n", file, file); /* as bash */
            close(fd);
            cli_opts_free(&o);
            return 126;
        }
        script = cli_slurp(fd, &script_len, max_read);
        close(fd);
        if (!script) {
            fprintf(stderr, "vbash: %s: cannot read the file\n", file);
            cli_opts_free(&o);
            return 126;
        }
        name = file;
        args = o.rest + 1;
        flags |= VB_EXEC_SCRIPT_FILE;
    } else if (o.interactive || (isatty(0) && isatty(2) && !o.read_stdin)) {
        interactive = true;
        args = o.rest;
    } else {
        script = cli_slurp(0, &script_len, max_read);
        if (!script) {
            fprintf(stderr, "vbash: cannot read the script from standard input\n");
            cli_opts_free(&o);
            return 2;
        }
        args = o.rest;
    }

    /* The session. */
    vb_config cfg;
    vb_config_init(&cfg);
    cfg.profile = o.profile;
    if (o.have_limits)
        cfg.limits = &o.limits;
    cfg.mounts = o.mounts;
    cfg.n_mounts = o.n_mounts;
    if (o.here_path)
        cfg.cwd = o.here_path;
    vb_net_policy *net = NULL;
    if (o.n_net) {
        vb_status rc = vb_net_policy_new(&net);
        for (size_t k = 0; rc == VB_OK && k < o.n_net; k++) {
            rc = vb_net_policy_apply_flag(net, o.net_flag[k], o.net_value[k]);
            if (rc != VB_OK) {
                const char *why = vb_net_policy_error(net);
                if (strncmp(why, o.net_flag[k], strlen(o.net_flag[k])) == 0)
                    fprintf(stderr, "vbash: %s\n", why);
                else
                    fprintf(stderr, "vbash: %s: %s\n", o.net_flag[k], why);
                vb_net_policy_free(net);
                free(script);
                cli_opts_free(&o);
                return 2;
            }
        }
        if (rc != VB_OK) {
            fprintf(stderr, "vbash: network policy: %s\n", vb_strerror(rc));
            free(script);
            cli_opts_free(&o);
            return 2;
        }
        cfg.net = net;
    }
    vb_session *s = NULL;
    vb_status rc = vb_session_new(&cfg, &s);
    if (rc != VB_OK) {
        fprintf(stderr, "vbash: cannot start the sandbox: %s\n", vb_strerror(rc));
        vb_net_policy_free(net);
        free(script);
        cli_opts_free(&o);
        return 2;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cli_on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);

    int status = 0;
    if (o.import_fs && cli_tar(s, o.import_fs, false) != 0) {
        status = 1;
        goto out;
    }

    /* Shell options, applied as `set` would. */
    if (o.setcmd) {
        int sst = cli_exec_quiet(s, o.setcmd);
        if (sst != 0) {
            status = 2;
            goto out;
        }
    }

    if (interactive) {
        status = cli_interactive(s);
    } else {
        vb_exec_opts eo;
        vb_exec_opts_init(&eo);
        eo.stdin_fd = 0;
        eo.stdout_fd = 1;
        eo.stderr_fd = 2;
        eo.script_name = name;
        eo.args = (const char *const *)args;
        eo.flags = flags | (o.noexec ? VB_EXEC_NOEXEC : 0);
        cli_relay rout = {0}, rerr = {0};
        if (net && vb_net_policy_max_secret_len(net) > 0) {
            /* SIGPIPE from a closed stdout still ends vbash as it would bash. */
            if (cli_relay_start(&rout, 1, net))
                eo.stdout_fd = rout.wr;
            if (cli_relay_start(&rerr, 2, net))
                eo.stderr_fd = rerr.wr;
        }
        vb_result r;
        cli_running = s;
        rc = vb_exec(s, script, script_len, &eo, &r);
        cli_running = NULL;
        cli_relay_stop(&rout);
        cli_relay_stop(&rerr);
        if (rc != VB_OK) {
            fprintf(stderr, "vbash: %s\n", vb_session_error(s));
            status = rc == VB_ENOMEM ? 1 : 2;
        } else {
            status = r.exit_status;
        }
        vb_result_free(&r);
    }
    if (o.export_fs && cli_tar(s, o.export_fs, true) != 0 && status == 0)
        status = 1;
out:
    vb_session_free(s);
    vb_net_policy_free(net);
    free(script);
    cli_opts_free(&o);
    return status;
}
