/*
 * The host backend: a directory of the host is the sandbox's "/".
 *
 * Files: every path is resolved beneath the root with openat2(2)
 * RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS, so ".." stops at the root and
 * symlinks (absolute ones included) resolve inside it, as after chroot; the
 * kernel does the walk, so a concurrent rename cannot move a lookup out.
 * Where openat2 is missing (ENOSYS: old kernel, seccomp), the walk is done
 * here component by component with O_NOFOLLOW and any symlink is refused
 * (ELOOP).
 *
 * exec: this is the ONE place in vbash that starts host processes. The
 * command runs as `/bin/bash -c CMD` through posix_spawn, in a new process
 * group (POSIX_SPAWN_SETPGROUP), with the working directory set by fchdir
 * to a directory resolved beneath the root, a small fixed environment plus
 * the caller's variables (nothing of the embedder's environment leaks),
 * stdin from a socket pair (writes with MSG_NOSIGNAL: a command that does
 * not read its input cannot kill us with SIGPIPE) or /dev/null, and
 * stdout/stderr through pipes capped at max_output_bytes each. A timeout
 * sends SIGKILL to the whole group; so does the command's end (background
 * processes it left behind die with it).
 *
 * rlimits: posix_spawn cannot set them, and setrlimit in this process would
 * affect every thread of the embedder. The spawned program is therefore a
 * tiny bash prologue that applies `ulimit -t -v -n -u` (CPU seconds,
 * address space, open files, processes) and then execs the real
 * `/bin/bash -c CMD`; a refused limit exits 126 before the command runs.
 * Bash is used for the prologue (not /bin/sh) because ulimit's flags differ
 * between shells. RLIMIT_NPROC is not enforced for root by the kernel.
 *
 * The command itself sees host paths: it is confined by rlimits, the
 * timeout and the directory it starts in, not by a chroot (see
 * docs/sandbox.md for what this backend does and does not isolate).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/mem.h"
#include "backends/backends_int.h"
#include "vbash/sandbox.h"

#define HOST_DEFAULT_OUTPUT (16u << 20)
#define HOST_DEFAULT_TIMEOUT_MS 60000u
#define HOST_DEFAULT_CPU 60u
#define HOST_DEFAULT_AS (4ull << 30)
#define HOST_DEFAULT_NOFILE 1024u
#define HOST_DEFAULT_NPROC 4096u
#define HOST_MAX_READ (1ull << 30)

typedef struct host_state {
    int rootfd;                  /* O_PATH | O_DIRECTORY on the root */
    char *root;                  /* host path of the root (realpath) */
    bool no_openat2;             /* the kernel refused openat2 once */
    uint64_t max_output, timeout_ms, cpu, as, nofile, nproc;
} host_state;

static const char *host__err(int e) { return strerrordesc_np(e) ? strerrordesc_np(e) : "Unknown error"; }

/* ------------------------------------------------------------ resolution */

/* Opens an absolute, normalised sandbox path beneath the root. Returns the fd
 * or a negative errno. */
static int host__open_walk(host_state *st, const char *abs, int flags, mode_t mode)
{
    /* abs is normalised: no "." / ".." components; refuse every symlink. */
    int cur = dup(st->rootfd);
    if (cur < 0)
        return -errno;
    const char *p = abs;
    while (*p == '/')
        p++;
    if (!*p) {
        int fd = openat(cur, ".", flags | O_CLOEXEC, mode);
        int e = errno;
        close(cur);
        return fd < 0 ? -e : fd;
    }
    char comp[NAME_MAX + 1];
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n > NAME_MAX) {
            close(cur);
            return -ENAMETOOLONG;
        }
        memcpy(comp, p, n);
        comp[n] = '\0';
        p += n;
        while (*p == '/')
            p++;
        int fd;
        if (*p)
            fd = openat(cur, comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        else
            fd = openat(cur, comp, flags | O_NOFOLLOW | O_CLOEXEC, mode);
        int err = errno;
        close(cur);
        if (fd < 0)
            return -err;
        cur = fd;
    }
    if ((flags & O_PATH) && (flags & O_NOFOLLOW) == 0) {
        struct stat sb;
        if (fstat(cur, &sb) == 0 && S_ISLNK(sb.st_mode)) {
            close(cur);
            return -ELOOP;
        }
    }
    return cur;
}

static int host__open(host_state *st, const char *abs, int flags, mode_t mode)
{
    if (!st->no_openat2) {
        const char *rel = abs;
        while (*rel == '/')
            rel++;
        struct open_how how = {
            .flags = (uint64_t)(flags | O_CLOEXEC),
            .mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0,
            .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
        };
        for (;;) {
            long fd = syscall(SYS_openat2, st->rootfd, *rel ? rel : ".", &how, sizeof how);
            if (fd >= 0)
                return (int)fd;
            if (errno == EINTR || errno == EAGAIN)
                continue;   /* EAGAIN: a concurrent rename; the kernel asks to retry */
            if (errno == ENOSYS) {
                st->no_openat2 = true;
                break;
            }
            /* Some seccomp filters answer EPERM for syscalls they do not
             * know: try the walk for this call (a real EPERM comes back
             * from it as well). */
            if (errno != EPERM)
                return -errno;
            break;
        }
    }
    return host__open_walk(st, abs, flags, mode);
}

/* Creates the missing parents of abs (0755). */
static int host__mkparents(host_state *st, const char *abs)
{
    size_t len = strlen(abs);
    char *buf = vb_sandbox_alloc(len + 1);
    if (!buf)
        return -ENOMEM;
    memcpy(buf, abs, len + 1);
    char *last = strrchr(buf, '/');
    if (!last || last == buf) {
        vb_sandbox_dealloc(buf);
        return 0;
    }
    *last = '\0';
    /* Find the deepest existing prefix, then create downwards. */
    int rc = 0;
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char save = *p;
        *p = '\0';
        int fd = host__open(st, buf, O_PATH | O_DIRECTORY, 0);
        if (fd >= 0) {
            close(fd);
        } else if (fd == -ENOENT) {
            char *slash = strrchr(buf, '/');
            *slash = '\0';
            int pfd = host__open(st, slash == buf ? "/" : buf, O_PATH | O_DIRECTORY, 0);
            *slash = '/';
            if (pfd < 0) {
                rc = pfd;
            } else {
                if (mkdirat(pfd, slash + 1, 0755) < 0 && errno != EEXIST)
                    rc = -errno;
                close(pfd);
            }
        } else {
            rc = fd;
        }
        *p = save;
        if (rc || save == '\0')
            break;
    }
    vb_sandbox_dealloc(buf);
    return rc;
}

/* ------------------------------------------------------------ init */

static vb_status host_init(vb_sandbox *sb, const vb_sandbox_opts *opts, void **state)
{
    if (!opts->root || !*opts->root)
        return vb_sandbox_set_error(sb, VB_EINVAL, "host backend: no root directory given");
    host_state *st = mem_shared_calloc(1, sizeof *st);
    if (!st)
        return VB_ENOMEM;
    st->rootfd = open(opts->root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (st->rootfd < 0) {
        int e = errno;
        mem_shared_free(st);
        return -e;
    }
    char *rp = realpath(opts->root, NULL); /* libc-allocated; copied below */
    if (!rp) {
        int e = errno;
        close(st->rootfd);
        mem_shared_free(st);
        return -e;
    }
    size_t n = strlen(rp);
    st->root = vb_sandbox_alloc(n + 1);
    if (st->root)
        memcpy(st->root, rp, n + 1);
    free(rp);
    if (!st->root) {
        close(st->rootfd);
        mem_shared_free(st);
        return VB_ENOMEM;
    }
    st->max_output = opts->max_output_bytes ? opts->max_output_bytes : HOST_DEFAULT_OUTPUT;
    st->timeout_ms = opts->default_timeout_ms ? opts->default_timeout_ms : HOST_DEFAULT_TIMEOUT_MS;
    st->cpu = opts->rlimit_cpu_seconds ? opts->rlimit_cpu_seconds : HOST_DEFAULT_CPU;
    st->as = opts->rlimit_as_bytes ? opts->rlimit_as_bytes : HOST_DEFAULT_AS;
    st->nofile = opts->rlimit_nofile ? opts->rlimit_nofile : HOST_DEFAULT_NOFILE;
    st->nproc = opts->rlimit_nproc ? opts->rlimit_nproc : HOST_DEFAULT_NPROC;
    /* Tests exercise the portable walk on kernels that have openat2. */
    const char *walk = getenv("VBASH_HOST_NO_OPENAT2");
    st->no_openat2 = walk && strcmp(walk, "1") == 0;
    /* The working directory must exist beneath the root. */
    int fd = host__open(st, vb_sandbox_cwd(sb), O_PATH | O_DIRECTORY, 0);
    if (fd < 0) {
        close(st->rootfd);
        vb_sandbox_dealloc(st->root);
        mem_shared_free(st);
        return fd;
    }
    close(fd);
    *state = st;
    return VB_OK;
}

static void host_shutdown(void *state)
{
    host_state *st = state;
    if (!st)
        return;
    close(st->rootfd);
    vb_sandbox_dealloc(st->root);
    mem_shared_free(st);
}

/* ------------------------------------------------------------ files */

static vb_status host_read_file(vb_sandbox *sb, void *state, const char *path, vb_bytes *out)
{
    host_state *st = state;
    char *abs = vb_sandbox_abspath(sb, NULL, path);
    if (!abs)
        return VB_ENOMEM;
    /* O_NONBLOCK: a FIFO without a writer must not block the open. */
    int fd = host__open(st, abs, O_RDONLY | O_NONBLOCK, 0);
    vb_status rc = VB_OK;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (fd < 0) {
        rc = vb_sandbox_set_error(sb, fd, "read_file: %s: %s", path, host__err(-fd));
        goto done;
    }
    struct stat stt;
    if (fstat(fd, &stt) < 0) {
        rc = vb_sandbox_set_error(sb, -errno, "read_file: %s: %s", path, host__err(errno));
        goto done;
    }
    if (S_ISDIR(stt.st_mode)) {
        rc = vb_sandbox_set_error(sb, VB_EISDIR, "read_file: %s: Is a directory", path);
        goto done;
    }
    if (!S_ISREG(stt.st_mode)) {
        /* Devices and FIFOs could block or never end. */
        rc = vb_sandbox_set_error(sb, VB_EINVAL, "read_file: %s: not a regular file", path);
        goto done;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    cap = S_ISREG(stt.st_mode) && stt.st_size > 0 ? (size_t)stt.st_size + 1 : 4096;
    for (;;) {
        if (len + 1 >= cap || !buf) {
            size_t nc = !buf ? cap : cap * 2;
            if (nc > HOST_MAX_READ + 1) {
                rc = vb_sandbox_set_error(sb, VB_EFBIG, "read_file: %s: File too large", path);
                goto done;
            }
            char *nb = vb_sandbox_realloc(buf, nc);
            if (!nb) {
                rc = vb_sandbox_set_error(sb, VB_ENOMEM, "read_file: %s: out of memory", path);
                goto done;
            }
            buf = nb;
            cap = nc;
        }
        ssize_t r = read(fd, buf + len, cap - len - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            rc = vb_sandbox_set_error(sb, -errno, "read_file: %s: %s", path, host__err(errno));
            goto done;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    buf[len] = '\0';
    out->data = buf;
    out->len = len;
    buf = NULL;
done:
    if (fd >= 0)
        close(fd);
    vb_sandbox_dealloc(buf);
    vb_sandbox_dealloc(abs);
    return rc;
}

static vb_status host_write_file(vb_sandbox *sb, void *state, const char *path, const void *data,
                                 size_t len)
{
    host_state *st = state;
    char *abs = vb_sandbox_abspath(sb, NULL, path);
    if (!abs)
        return VB_ENOMEM;
    vb_status rc = VB_OK;
    int fd = -1;
    if (strcmp(abs, "/") == 0) {
        rc = vb_sandbox_set_error(sb, VB_EISDIR, "write_file: %s: Is a directory", path);
        goto done;
    }
    int mk = host__mkparents(st, abs);
    if (mk < 0) {
        rc = vb_sandbox_set_error(sb, mk, "write_file: %s: %s", path, host__err(-mk));
        goto done;
    }
    fd = host__open(st, abs, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK, 0644);
    if (fd < 0) {
        rc = vb_sandbox_set_error(sb, fd, "write_file: %s: %s", path, host__err(-fd));
        goto done;
    }
    struct stat stt;
    if (fstat(fd, &stt) < 0 || !S_ISREG(stt.st_mode)) {
        rc = vb_sandbox_set_error(sb, VB_EINVAL, "write_file: %s: not a regular file", path);
        goto done;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            rc = vb_sandbox_set_error(sb, -errno, "write_file: %s: %s", path, host__err(errno));
            goto done;
        }
        p += w;
        left -= (size_t)w;
    }
done:
    if (fd >= 0 && close(fd) < 0 && rc == VB_OK)
        rc = vb_sandbox_set_error(sb, -errno, "write_file: %s: %s", path, host__err(errno));
    vb_sandbox_dealloc(abs);
    return rc;
}

static vb_sandbox_ftype host__ftype(mode_t m)
{
    if (S_ISREG(m))
        return VB_SANDBOX_FT_FILE;
    if (S_ISDIR(m))
        return VB_SANDBOX_FT_DIR;
    if (S_ISLNK(m))
        return VB_SANDBOX_FT_LINK;
    return VB_SANDBOX_FT_OTHER;
}

static vb_status host_stat(vb_sandbox *sb, void *state, const char *path, vb_sandbox_ftype *type)
{
    host_state *st = state;
    int fd = host__open(st, path, O_PATH | O_NOFOLLOW, 0);
    if (fd < 0)
        return fd;
    struct stat s;
    int rc = fstat(fd, &s) == 0 ? 0 : -errno;
    close(fd);
    if (rc == 0)
        *type = host__ftype(s.st_mode);
    return rc;
}

static vb_status host_list_dir(vb_sandbox *sb, void *state, const char *path,
                               vb_sandbox_dirent_fn fn, void *ctx)
{
    host_state *st = state;
    int fd = host__open(st, path, O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0)
        return fd;
    DIR *d = fdopendir(fd);
    if (!d) {
        int e = errno;
        close(fd);
        return -e;
    }
    int rc = 0;
    struct dirent *de;
    while (!rc && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' &&
            (de->d_name[1] == '\0' || (de->d_name[1] == '.' && de->d_name[2] == '\0')))
            continue;
        vb_sandbox_ftype t;
        switch (de->d_type) {
        case DT_REG: t = VB_SANDBOX_FT_FILE; break;
        case DT_DIR: t = VB_SANDBOX_FT_DIR; break;
        case DT_LNK: t = VB_SANDBOX_FT_LINK; break;
        case DT_UNKNOWN: {
            struct stat s;
            t = fstatat(dirfd(d), de->d_name, &s, AT_SYMLINK_NOFOLLOW) == 0
                    ? host__ftype(s.st_mode) : VB_SANDBOX_FT_OTHER;
            break;
        }
        default: t = VB_SANDBOX_FT_OTHER; break;
        }
        rc = fn(ctx, de->d_name, t);
    }
    closedir(d);
    return rc;
}

/* ------------------------------------------------------------ exec */

typedef struct host_buf {
    char *data;
    size_t len, cap;
    uint64_t max;
    bool truncated;
    bool oom;
} host_buf;

static void host__buf_add(host_buf *b, const char *p, size_t n)
{
    if (b->len + n > b->max) {
        b->truncated = true;
        n = b->max > b->len ? (size_t)(b->max - b->len) : 0;
    }
    if (!n || b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->len + n + 1)
            nc *= 2;
        char *nd = vb_sandbox_realloc(b->data, nc);
        if (!nd) {
            b->oom = true;
            return;
        }
        b->data = nd;
        b->cap = nc;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static uint64_t host__now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* The environment: a fixed base, then the caller's NAME=value entries (a
 * later entry replaces an earlier one of the same name). The strings are
 * borrowed except *home (owned, freed by the caller). */
static char **host__envp(host_state *st, const char *const *extra, char **home)
{
    static const char *const base[] = {
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG=C.UTF-8",
        "TERM=dumb",
        "SHELL=/bin/bash",
    };
    size_t nb = sizeof base / sizeof *base, ne = 0;
    while (extra && extra[ne])
        ne++;
    size_t hl = strlen(st->root);
    *home = vb_sandbox_alloc(hl + 6);
    char **env = vb_sandbox_alloc((nb + ne + 2) * sizeof *env);
    if (!env || !*home) {
        vb_sandbox_dealloc(env);
        vb_sandbox_dealloc(*home);
        *home = NULL;
        return NULL;
    }
    memcpy(*home, "HOME=", 5);
    memcpy(*home + 5, st->root, hl + 1);
    size_t n = 0;
    for (size_t i = 0; i < nb; i++)
        env[n++] = (char *)base[i];
    env[n++] = *home;
    for (size_t i = 0; i < ne; i++) {
        const char *eq = strchr(extra[i], '=');
        if (!eq || eq == extra[i])
            continue;
        size_t kl = (size_t)(eq - extra[i]) + 1, k;
        for (k = 0; k < n; k++)
            if (strncmp(env[k], extra[i], kl) == 0)
                break;
        env[k] = (char *)extra[i];
        if (k == n)
            n++;
    }
    env[n] = NULL;
    return env;
}

static void host__nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static vb_status host_exec(vb_sandbox *sb, void *state, const char *cmd,
                           const vb_sandbox_exec_opts *opts, vb_sandbox_exec_result *result)
{
    host_state *st = state;
    vb_status rc = VB_OK;
    int cwdfd = -1, outp[2] = {-1, -1}, errp[2] = {-1, -1}, inp[2] = {-1, -1};
    char **envp = NULL;
    char *abs = NULL, *home = NULL;
    bool fa_init = false, attr_init = false;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    host_buf bout = {.max = st->max_output}, berr = {.max = st->max_output};

    abs = vb_sandbox_abspath(sb, NULL, opts->cwd ? opts->cwd : vb_sandbox_cwd(sb));
    if (!abs)
        return VB_ENOMEM;
    cwdfd = host__open(st, abs, O_PATH | O_DIRECTORY, 0);
    if (cwdfd < 0) {
        rc = vb_sandbox_set_error(sb, cwdfd, "exec: cwd %s: %s", abs, host__err(-cwdfd));
        goto done;
    }
    envp = host__envp(st, opts->env, &home);
    if (!envp) {
        rc = vb_sandbox_set_error(sb, VB_ENOMEM, "exec: out of memory");
        goto done;
    }
    if (pipe2(outp, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0 ||
        (opts->stdin_data && opts->stdin_len &&
         socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, inp) < 0)) {
        rc = vb_sandbox_set_error(sb, -errno, "exec: %s", host__err(errno));
        goto done;
    }

    char prologue[512];
    snprintf(prologue, sizeof prologue,
             "ulimit -t %llu && ulimit -v %llu && ulimit -n %llu && ulimit -u %llu || exit 126; "
             "exec /bin/bash -c \"$1\"",
             (unsigned long long)st->cpu, (unsigned long long)(st->as / 1024),
             (unsigned long long)st->nofile, (unsigned long long)st->nproc);
    char *argv[] = {"bash", "-c", prologue, "bash", (char *)cmd, NULL};

    if (posix_spawn_file_actions_init(&fa) != 0) {
        rc = vb_sandbox_set_error(sb, VB_ENOMEM, "exec: out of memory");
        goto done;
    }
    fa_init = true;
    if (inp[1] >= 0)
        posix_spawn_file_actions_adddup2(&fa, inp[1], 0);
    else
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, outp[1], 1);
    posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
    posix_spawn_file_actions_addfchdir_np(&fa, cwdfd);

    if (posix_spawnattr_init(&attr) != 0) {
        rc = vb_sandbox_set_error(sb, VB_ENOMEM, "exec: out of memory");
        goto done;
    }
    attr_init = true;
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    sigdelset(&all, SIGKILL);
    sigdelset(&all, SIGSTOP);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                        POSIX_SPAWN_SETSIGDEF);

    pid_t pid;
    int sp = posix_spawn(&pid, "/bin/bash", &fa, &attr, argv, envp);
    if (sp != 0) {
        rc = vb_sandbox_set_error(sb, -sp, "exec: /bin/bash: %s", host__err(sp));
        goto done;
    }
    close(outp[1]);
    outp[1] = -1;
    close(errp[1]);
    errp[1] = -1;
    if (inp[1] >= 0) {
        close(inp[1]);
        inp[1] = -1;
    }
    host__nonblock(outp[0]);
    host__nonblock(errp[0]);
    if (inp[0] >= 0)
        host__nonblock(inp[0]);

    uint64_t timeout = opts->timeout_ms ? opts->timeout_ms : st->timeout_ms;
    uint64_t deadline = host__now_ms() + timeout;
    const char *in_p = opts->stdin_data;
    size_t in_left = inp[0] >= 0 ? opts->stdin_len : 0;
    bool exited = false, timed_out = false;
    int wstatus = 0;
    char chunk[65536];

    while (outp[0] >= 0 || errp[0] >= 0 || !exited) {
        if (!exited) {
            pid_t w = waitpid(pid, &wstatus, WNOHANG);
            if (w == pid) {
                exited = true;
                kill(-pid, SIGKILL);    /* whatever the command left running */
            }
        }
        uint64_t now = host__now_ms();
        if (!timed_out && now >= deadline) {
            timed_out = true;
            kill(-pid, SIGKILL);
            deadline = now + 2000;      /* grace for the pipes to close */
        } else if (timed_out && now >= deadline) {
            break;                      /* something escaped the group: stop reading */
        }
        struct pollfd pfd[3];
        int np = 0;
        if (outp[0] >= 0)
            pfd[np++] = (struct pollfd){.fd = outp[0], .events = POLLIN};
        if (errp[0] >= 0)
            pfd[np++] = (struct pollfd){.fd = errp[0], .events = POLLIN};
        if (inp[0] >= 0 && in_left)
            pfd[np++] = (struct pollfd){.fd = inp[0], .events = POLLOUT};
        int wait_ms = (int)(deadline > now ? deadline - now : 0);
        if (!exited && wait_ms > 20)
            wait_ms = 20;               /* notice the child's end without SIGCHLD */
        if (np == 0) {
            if (!exited)
                poll(NULL, 0, wait_ms < 5 ? wait_ms : 5);
            continue;
        }
        int pr = poll(pfd, (nfds_t)np, wait_ms);
        if (pr < 0 && errno != EINTR) {
            rc = vb_sandbox_set_error(sb, -errno, "exec: poll: %s", host__err(errno));
            kill(-pid, SIGKILL);
            break;
        }
        for (int i = 0; i < np && pr > 0; i++) {
            if (!pfd[i].revents)
                continue;
            if (pfd[i].fd == inp[0]) {
                ssize_t w = send(inp[0], in_p, in_left, MSG_NOSIGNAL | MSG_DONTWAIT);
                if (w > 0) {
                    in_p += w;
                    in_left -= (size_t)w;
                } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                    in_left = 0;        /* reader gone: drop the rest */
                }
                if (!in_left) {
                    shutdown(inp[0], SHUT_WR);
                }
                continue;
            }
            host_buf *b = pfd[i].fd == outp[0] ? &bout : &berr;
            int *fdp = pfd[i].fd == outp[0] ? &outp[0] : &errp[0];
            ssize_t r = read(*fdp, chunk, sizeof chunk);
            if (r > 0) {
                host__buf_add(b, chunk, (size_t)r);
            } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                close(*fdp);
                *fdp = -1;
            }
        }
        if (inp[0] >= 0 && !in_left) {
            close(inp[0]);
            inp[0] = -1;
        }
    }
    if (!exited) {
        kill(-pid, SIGKILL);
        while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
            ;
    }
    if (bout.oom || berr.oom) {
        rc = vb_sandbox_set_error(sb, VB_ENOMEM, "exec: out of memory");
        vb_sandbox_dealloc(bout.data);
        vb_sandbox_dealloc(berr.data);
        goto done;
    }
    if (!bout.data)
        bout.data = vb_sandbox_alloc(1);
    if (!berr.data)
        berr.data = vb_sandbox_alloc(1);
    if (!bout.data || !berr.data) {
        vb_sandbox_dealloc(bout.data);
        vb_sandbox_dealloc(berr.data);
        rc = vb_sandbox_set_error(sb, VB_ENOMEM, "exec: out of memory");
        goto done;
    }
    bout.data[bout.len] = '\0';
    berr.data[berr.len] = '\0';
    result->out = (vb_bytes){bout.data, bout.len};
    result->err = (vb_bytes){berr.data, berr.len};
    result->truncated = bout.truncated || berr.truncated;
    if (timed_out) {
        result->timed_out = 1;
        result->exit_code = 124;
        if (rc == VB_OK)
            rc = vb_sandbox_set_error(sb, VB_ETIMEDOUT, "exec: timed out after %llu ms",
                                      (unsigned long long)timeout);
    } else if (WIFEXITED(wstatus)) {
        result->exit_code = WEXITSTATUS(wstatus);
    } else if (WIFSIGNALED(wstatus)) {
        result->exit_code = 128 + WTERMSIG(wstatus);
    }
done:
    if (attr_init)
        posix_spawnattr_destroy(&attr);
    if (fa_init)
        posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; i < 2; i++) {
        if (outp[i] >= 0)
            close(outp[i]);
        if (errp[i] >= 0)
            close(errp[i]);
        if (inp[i] >= 0)
            close(inp[i]);
    }
    if (cwdfd >= 0)
        close(cwdfd);
    vb_sandbox_dealloc(envp);
    vb_sandbox_dealloc(home);
    vb_sandbox_dealloc(abs);
    return rc;
}

const vb_sandbox_ops vb__sandbox_host_ops = {
    .size = sizeof(vb_sandbox_ops),
    .version = 1,
    .name = "host",
    .init = host_init,
    .shutdown = host_shutdown,
    .read_file = host_read_file,
    .write_file = host_write_file,
    .exec = host_exec,
    .list_dir = host_list_dir,
    .stat = host_stat,
    /* edit_file, glob, grep: the facade's generic versions;
     * mount: not supported (a host directory is already the root). */
};
