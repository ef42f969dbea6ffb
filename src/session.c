/*
 * The public API of include/vbash/vbash.h: sessions, vb_exec, limits and
 * profiles, cancellation, results.
 *
 * A session is one mem_heap (pinned to the thread that created it, see
 * docs/memory.md), one VFS and one persistent shell state. vb_exec runs the
 * script as the main virtual process of the session's scheduler on the
 * calling thread.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "interp/interp.h"
#include "net/net_int.h"
#include "src/session_int.h"


struct vb_session {
    ishell g;
    pthread_t owner;
    char *error;            /* last engine error text (heap) */
};

/* ------------------------------------------------------------------ misc */
const char *vb_version(void)
{
    return VB_VERSION_STRING;
}

const char *vb_strerror(int status)
{
    if (status == 0)
        return "Success";
    if (status == VB_ECANCELED)
        return "Operation canceled";
    const char *s = strerrordesc_np(status < 0 ? -status : status);
    return s ? s : "Unknown error";
}

static const char *const limit_names[VB_LIMIT__COUNT] = {
    [VB_LIMIT_NONE] = "none",
    [VB_LIMIT_COMMANDS] = "commands",
    [VB_LIMIT_LOOP] = "loop",
    [VB_LIMIT_CALL_DEPTH] = "call_depth",
    [VB_LIMIT_PARSE_DEPTH] = "parse_depth",
    [VB_LIMIT_SCRIPT_BYTES] = "script_bytes",
    [VB_LIMIT_OUTPUT] = "output",
    [VB_LIMIT_FILE_BYTES] = "file_bytes",
    [VB_LIMIT_TOTAL_BYTES] = "total_bytes",
    [VB_LIMIT_INODES] = "inodes",
    [VB_LIMIT_MEMORY] = "memory",
    [VB_LIMIT_TIME] = "time",
    [VB_LIMIT_EXPANSION] = "expansion",
    [VB_LIMIT_REGEX] = "regex",
    [VB_LIMIT_PROCS] = "procs",
    [VB_LIMIT_STRING] = "string",
    [VB_LIMIT_CANCELLED] = "cancelled",
};

const char *vb_limit_name(vb_limit_kind kind)
{
    if ((int)kind < 0 || kind >= VB_LIMIT__COUNT)
        return "unknown";
    return limit_names[kind];
}

#define KiB 1024ull
#define MiB (1024ull * 1024)
#define GiB (1024ull * 1024 * 1024)

void vb_limits_profile(vb_profile profile, vb_limits *out)
{
    memset(out, 0, sizeof *out);
    switch (profile) {
    case VB_PROFILE_STRICT:
        *out = (vb_limits){
            .max_commands = 100000, .max_loop_iterations = 10000, .max_call_depth = 100,
            .max_parse_depth = 200, .max_script_bytes = 1 * MiB, .max_output_bytes = 1 * MiB,
            .max_file_bytes = 10 * MiB, .max_total_bytes = 64 * MiB, .max_inodes = 10000,
            .max_memory_bytes = 64 * MiB, .max_wall_ms = 10000, .max_expansion = 100000,
            .max_regex_steps = 1000000, .max_procs = 64, .max_string_bytes = 1 * MiB,
            .max_path_len = 4096, .max_name_len = 255, .max_dir_depth = 64,
        };
        break;
    case VB_PROFILE_PERMISSIVE:
        *out = (vb_limits){
            .max_commands = 0, .max_loop_iterations = 0, .max_call_depth = 5000,
            .max_parse_depth = 5000, .max_script_bytes = 256 * MiB, .max_output_bytes = 0,
            .max_file_bytes = 1 * GiB, .max_total_bytes = 8 * GiB, .max_inodes = 10000000,
            .max_memory_bytes = 8 * GiB, .max_wall_ms = 0, .max_expansion = 10000000,
            .max_regex_steps = 100000000, .max_procs = 4096, .max_string_bytes = 1 * GiB,
            .max_path_len = 4096, .max_name_len = 255, .max_dir_depth = 4096,
        };
        break;
    case VB_PROFILE_DEFAULT:
    default:
        *out = (vb_limits){
            .max_commands = 10000000, .max_loop_iterations = 1000000, .max_call_depth = 1000,
            .max_parse_depth = 1000, .max_script_bytes = 16 * MiB, .max_output_bytes = 64 * MiB,
            .max_file_bytes = 256 * MiB, .max_total_bytes = 1 * GiB, .max_inodes = 1000000,
            .max_memory_bytes = 1 * GiB, .max_wall_ms = 300000, .max_expansion = 1000000,
            .max_regex_steps = 10000000, .max_procs = 1024, .max_string_bytes = 64 * MiB,
            .max_path_len = 4096, .max_name_len = 255, .max_dir_depth = 1024,
        };
        break;
    }
}

static const struct {
    const char *name;
    size_t off;
} limit_fields[] = {
    {"commands", offsetof(vb_limits, max_commands)},
    {"loop", offsetof(vb_limits, max_loop_iterations)},
    {"call_depth", offsetof(vb_limits, max_call_depth)},
    {"parse_depth", offsetof(vb_limits, max_parse_depth)},
    {"script_bytes", offsetof(vb_limits, max_script_bytes)},
    {"output", offsetof(vb_limits, max_output_bytes)},
    {"file_bytes", offsetof(vb_limits, max_file_bytes)},
    {"total_bytes", offsetof(vb_limits, max_total_bytes)},
    {"inodes", offsetof(vb_limits, max_inodes)},
    {"memory", offsetof(vb_limits, max_memory_bytes)},
    {"time", offsetof(vb_limits, max_wall_ms)},
    {"expansion", offsetof(vb_limits, max_expansion)},
    {"regex", offsetof(vb_limits, max_regex_steps)},
    {"procs", offsetof(vb_limits, max_procs)},
    {"string", offsetof(vb_limits, max_string_bytes)},
    {"path_len", offsetof(vb_limits, max_path_len)},
    {"name_len", offsetof(vb_limits, max_name_len)},
    {"dir_depth", offsetof(vb_limits, max_dir_depth)},
};

vb_status vb_limits_set(vb_limits *limits, const char *name, const char *value)
{
    if (!limits || !name || !value || !*value)
        return VB_EINVAL;
    size_t i;
    for (i = 0; i < sizeof limit_fields / sizeof limit_fields[0]; i++)
        if (strcmp(limit_fields[i].name, name) == 0)
            break;
    if (i == sizeof limit_fields / sizeof limit_fields[0])
        return VB_EINVAL;
    bool is_time = strcmp(name, "time") == 0;
    const char *p = value;
    uint64_t v = 0;
    if (*p < '0' || *p > '9')
        return VB_EINVAL;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > UINT64_MAX / 10)
            return VB_EINVAL;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    uint64_t mul = 1;
    if (is_time) {
        if (*p == 0 || strcmp(p, "ms") == 0)
            mul = 1;
        else if (strcmp(p, "s") == 0)
            mul = 1000;
        else if (strcmp(p, "m") == 0)
            mul = 60000;
        else
            return VB_EINVAL;
    } else {
        if (*p == 0)
            mul = 1;
        else if (strcmp(p, "k") == 0 || strcmp(p, "K") == 0)
            mul = KiB;
        else if (strcmp(p, "M") == 0)
            mul = MiB;
        else if (strcmp(p, "G") == 0)
            mul = GiB;
        else
            return VB_EINVAL;
    }
    if (mul > 1 && v > UINT64_MAX / mul)
        return VB_EINVAL;
    *(uint64_t *)((char *)limits + limit_fields[i].off) = v * mul;
    return VB_OK;
}

void vb_config_init(vb_config *cfg)
{
    if (!cfg)
        return;
    memset(cfg, 0, sizeof *cfg);
    cfg->size = sizeof *cfg;
    cfg->profile = VB_PROFILE_DEFAULT;
}

void vb_exec_opts_init(vb_exec_opts *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
    opts->stdin_fd = opts->stdout_fd = opts->stderr_fd = -1;
}

/* ------------------------------------------------------------------ internals */
vfs *session_vfs(vb_session *s)
{
    return s->g.vfs;
}

mem_heap *session_heap(vb_session *s)
{
    return s->g.heap;
}

vb_net_policy *session_net(vb_session *s)
{
    return s->g.net;
}

int session_set_error(vb_session *s, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vbuf b;
    vbuf_init(&b, s->g.heap);
    vbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    size_t l;
    mem_free(s->g.heap, s->error);
    s->error = ivbuf_take(&b, &l);
    return rc;
}

const char *vb_session_error(const vb_session *s)
{
    if (!s)
        return "no session";
    return s->error ? s->error : "";
}

static void session_clock(void *ctx, struct timespec *now)
{
    interp_now((ishell *)ctx, now);
}

static pid_t session_host_pid;

static void session_pid_init(void)
{
    session_host_pid = getpid();
}

static pthread_once_t session_pid_once = PTHREAD_ONCE_INIT;

static uint64_t host_seed(const void *p)
{
    pthread_once(&session_pid_once, session_pid_init);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)(uintptr_t)p ^
                 ((uint64_t)session_host_pid << 40);
    return x ? x : 0x9e3779b97f4a7c15ull;
}

static void merge_limits(vb_limits *dst, const vb_limits *over)
{
    if (!over)
        return;
    const uint64_t *o = (const uint64_t *)over;
    uint64_t *d = (uint64_t *)dst;
    for (size_t i = 0; i < sizeof *dst / sizeof(uint64_t); i++)
        if (o[i])
            d[i] = o[i];
}

/* The command names for /bin and /usr/bin, sorted once per process and
 * shared read-only by every session's VFS (no copy per session). */
static pthread_once_t session_stubs_once = PTHREAD_ONCE_INIT;
static const char **session_stubs;
static size_t session_nstubs;

static int session_stub_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A shell builtin gets a /bin entry only where a GNU system has a program
 * of that name too (coreutils, procps): `ls /bin`, `command -v` through
 * PATH, `xargs cd` and `find -exec export` then see what they see there. */
static bool session_stub_wanted(const vb_builtin *b)
{
    static const char *const progs[] = {"[", "echo", "false", "kill", "printf", "pwd",
                                        "test", "true"};
    if (!(b->flags & BI_SHELL))
        return true;
    for (size_t i = 0; i < sizeof progs / sizeof *progs; i++)
        if (!strcmp(b->name, progs[i]))
            return true;
    return false;
}

static void session_stubs_init(void)
{
    const char **t = mem_shared_alloc(sizeof *t * (vb_builtin_count ? vb_builtin_count : 1));
    if (!t)
        return;
    size_t n = 0;
    for (size_t i = 0; i < vb_builtin_count; i++) {
        const char *nm = vb_builtin_table[i].name;
        if (nm && *nm && !strchr(nm, '/') && strlen(nm) <= 200 && strcmp(nm, ".") &&
            strcmp(nm, "..") && session_stub_wanted(&vb_builtin_table[i]))
            t[n++] = nm;
    }
    /* the generated table is sorted already: check, sort only if not */
    size_t k = 1;
    while (k < n && strcmp(t[k - 1], t[k]) < 0)
        k++;
    if (k < n)
        qsort(t, n, sizeof *t, session_stub_cmp);
    session_stubs = t;
    session_nstubs = n;
}

static vb_status session_setup_vfs(vb_session *s, const vb_config *cfg)
{
    ishell *g = &s->g;
    vfs_limits vl = {
        .max_file_bytes = g->lim.max_file_bytes, .max_total_bytes = g->lim.max_total_bytes,
        .max_inodes = g->lim.max_inodes, .max_path_len = g->lim.max_path_len,
        .max_name_len = g->lim.max_name_len, .max_dir_depth = g->lim.max_dir_depth,
    };
    int rc = vfs_new(g->heap, &vl, 1000, 1000, &g->vfs);
    if (rc < 0)
        return (vb_status)rc;
    vfs_set_clock(g->vfs, session_clock, g);
    vfs_set_seed(g->vfs, g->seed);
    pthread_once(&session_stubs_once, session_stubs_init);
    if (session_stubs) {
        vfs_set_command_stubs(g->vfs, session_stubs, session_nstubs);
    } else {
        for (size_t i = 0; i < vb_builtin_count; i++)
            if (session_stub_wanted(&vb_builtin_table[i]))
                vfs_add_command_stub(g->vfs, vb_builtin_table[i].name);
    }
    for (size_t i = 0; cfg && cfg->mounts && i < cfg->n_mounts; i++) {
        rc = vfs_mount_host(g->vfs, cfg->mounts[i].host_path, cfg->mounts[i].sandbox_path,
                            (int)cfg->mounts[i].mode);
        if (rc < 0)
            return (vb_status)session_set_error(s, rc, "mount %s: %s", cfg->mounts[i].host_path,
                                                vb_strerror(rc));
    }
    return VB_OK;
}

vb_status vb_session_new(const vb_config *cfg, vb_session **out)
{
    if (!out)
        return VB_EINVAL;
    *out = NULL;
    vb_config defcfg;
    if (!cfg) {
        vb_config_init(&defcfg);
        cfg = &defcfg;
    }
    vb_limits lim;
    vb_limits_profile(cfg->profile, &lim);
    merge_limits(&lim, cfg->limits);
    mem_heap *h = mem_heap_new((size_t)lim.max_memory_bytes);
    if (!h)
        return VB_ENOMEM;
    vb_session *s = mem_calloc(h, 1, sizeof *s);
    if (!s) {
        mem_heap_destroy(h);
        return VB_ENOMEM;
    }
    ishell *g = &s->g;
    s->owner = pthread_self();
    g->heap = h;
    g->lim = lim;
    g->net = cfg->net;
    g->clock_epoch = cfg->clock_epoch;
    g->clock_start_real_ns = proc_now_ns();
    g->start_ns = g->clock_start_real_ns;
    g->seed = cfg->random_seed ? cfg->random_seed : host_seed(s);
    g->rng = g->seed * 0x9e3779b97f4a7c15ull + 1;
    g->user = mem_strdup(h, cfg->user ? cfg->user : "user");
    g->hostname = mem_strdup(h, cfg->hostname ? cfg->hostname : "vbash");
    /* fields past the caller's sizeof(vb_config) are absent (older callers) */
    if (cfg->size >= offsetof(vb_config, uname_machine) + sizeof cfg->uname_machine) {
        g->uname_sysname = cfg->uname_sysname ? mem_strdup(h, cfg->uname_sysname) : NULL;
        g->uname_release = cfg->uname_release ? mem_strdup(h, cfg->uname_release) : NULL;
        g->uname_version = cfg->uname_version ? mem_strdup(h, cfg->uname_version) : NULL;
        g->uname_machine = cfg->uname_machine ? mem_strdup(h, cfg->uname_machine) : NULL;
    }
    proc_init(g);
    vb_status rc = session_setup_vfs(s, cfg);
    if (rc != VB_OK) {
        if (g->vfs)
            vfs_free(g->vfs);
        mem_heap_destroy(h);
        return rc;
    }
    ish *sh = ish_new(g);
    if (!sh) {
        vfs_free(g->vfs);
        mem_heap_destroy(h);
        return VB_ENOMEM;
    }
    g->top = sh;
    sh->cwd = mem_strdup(h, cfg->cwd ? cfg->cwd : "/home/user");
    sh->arg0 = mem_strdup(h, "vbash");
    if (vars_init(sh, cfg->env) < 0 || !sh->cwd) {
        vb_session_free(s);
        return VB_ENOMEM;
    }
    if (cfg->cwd) {
        vfs_stat_t st;
        if (vfs_stat(g->vfs, cfg->cwd, &st) < 0)
            vfs_mkdir(g->vfs, cfg->cwd, 0755);
    }
    var_set(sh, "PWD", sh->cwd, VS_EXPORT);
    *out = s;
    return VB_OK;
}

void vb_session_free(vb_session *s)
{
    if (!s)
        return;
    ishell *g = &s->g;
    if (g->all)
        proc_kill_all(g);
    ish_free(g->top);
    if (g->cmd_heap)
        mem_heap_destroy(g->cmd_heap);
    if (g->vfs)
        vfs_free(g->vfs);
    iarena_destroy_all(g);
    mem_heap_destroy(g->heap);
}

void vb_cancel(vb_session *s)
{
    if (!s)
        return;
    __atomic_store_n(&s->g.cancel, 1, __ATOMIC_SEQ_CST);
    /* commands poll cmd->cancel, which is the session's stop flag */
    __atomic_store_n(&s->g.stop, 1, __ATOMIC_SEQ_CST);
}

size_t vb_session_memory(const vb_session *s)
{
    if (!s)
        return 0;
    /* the VFS metadata lives outside the heap (shared with forks) */
    return mem_heap_used(s->g.heap) + (size_t)vfs_bytes_used(s->g.vfs)
           + (size_t)vfs_meta_bytes(s->g.vfs);
}

vb_status vb_session_fork(vb_session *s, vb_session **out)
{
    if (!s || !out)
        return VB_EINVAL;
    *out = NULL;
    if (!pthread_equal(pthread_self(), s->owner))
        return (vb_status)session_set_error(s, VB_EINVAL,
                                            "vb_session_fork: the session belongs to another thread");
    ishell *sg = &s->g;
    mem_heap *h = mem_heap_new((size_t)sg->lim.max_memory_bytes);
    if (!h)
        return VB_ENOMEM;
    vb_session *c = mem_calloc(h, 1, sizeof *c);
    if (!c) {
        mem_heap_destroy(h);
        return VB_ENOMEM;
    }
    ishell *g = &c->g;
    c->owner = pthread_self();
    g->heap = h;
    g->lim = sg->lim;
    g->net = sg->net;
    g->clock_epoch = sg->clock_epoch;
    g->clock_start_real_ns = sg->clock_start_real_ns;
    g->start_ns = sg->start_ns;
    g->seed = sg->seed;
    g->rng = sg->rng;
    g->user = mem_strdup(h, sg->user);
    g->hostname = mem_strdup(h, sg->hostname);
    g->uname_sysname = sg->uname_sysname ? mem_strdup(h, sg->uname_sysname) : NULL;
    g->uname_release = sg->uname_release ? mem_strdup(h, sg->uname_release) : NULL;
    g->uname_version = sg->uname_version ? mem_strdup(h, sg->uname_version) : NULL;
    g->uname_machine = sg->uname_machine ? mem_strdup(h, sg->uname_machine) : NULL;
    proc_init(g);
    int rc = vfs_fork(sg->vfs, h, &g->vfs);
    if (rc < 0) {
        mem_heap_destroy(h);
        return (vb_status)rc;
    }
    vfs_set_clock(g->vfs, session_clock, g);
    g->top = ish_clone_into(g, sg->top);
    if (!g->top) {
        vb_session_free(c);
        return VB_ENOMEM;
    }
    *out = c;
    return VB_OK;
}

/* ------------------------------------------------------------------ exec */
typedef struct main_arg {
    ish *sh;
    const char *script;
    size_t len;
    bool script_file;
} main_arg;

static int session_main(iproc *p, void *arg)
{
    main_arg *a = arg;
    ish *sh = a->sh;
    sh->proc = p;
    int st = exec_string(sh, a->script, a->len, a->script_file ? sh->arg0 : NULL, a->script_file);
    if (sh->flow == FLOW_EXIT)
        st = sh->exit_status;
    sh->status = st;
    exec_run_exit_trap(sh);
    if (sh->flow == FLOW_EXIT)
        st = sh->exit_status;
    sh->proc = NULL;
    return st;
}

static char *shared_copy(const char *data, size_t len)
{
    char *r = mem_shared_alloc(len + 1);
    if (!r)
        return NULL;
    if (len)
        memcpy(r, data, len);
    r[len] = 0;
    return r;
}

vb_status vb_exec(vb_session *s, const char *script, size_t len, const vb_exec_opts *opts,
                  vb_result *result)
{
    vb_exec_opts defopts;
    if (result)
        memset(result, 0, sizeof *result);
    if (!s || !result || (!script && len))
        return VB_EINVAL;
    if (!pthread_equal(pthread_self(), s->owner))
        return (vb_status)session_set_error(
            s, VB_EINVAL, "vb_exec: the session belongs to the thread that created it");
    if (!opts) {
        vb_exec_opts_init(&defopts);
        opts = &defopts;
    }
    ishell *g = &s->g;
    ish *sh = g->top;
    if (g->cur)
        return (vb_status)session_set_error(s, VB_EBUSY, "vb_exec: the session is already running");
    g->cancel = 0;
    g->stop = 0;
    g->limit_hit = VB_LIMIT_NONE;
    mem_free(g->heap, g->limit_msg);
    g->limit_msg = NULL;
    g->ncommands = 0;
    g->out_bytes = 0;
    mem_heap_clear_failed(g->heap);
    uint64_t tmo = opts->timeout_ms ? opts->timeout_ms : g->lim.max_wall_ms;
    g->deadline_ns = tmo ? proc_now_ns() + tmo * 1000000ull : 0;

    vbuf out, err;
    vbuf_init(&out, g->heap);
    vbuf_init(&err, g->heap);
    stream *in_s = opts->stdin_fd >= 0 ? stream_hostfd(g->heap, opts->stdin_fd, STREAM_R)
                                       : stream_from_bytes(g->heap, opts->stdin_data ? opts->stdin_data : "",
                                                           opts->stdin_data ? opts->stdin_len : 0);
    stream *out_s = opts->stdout_fd >= 0 ? stream_hostfd(g->heap, opts->stdout_fd, STREAM_W)
                                         : capture_stream(g, &out, true);
    stream *err_s = opts->stderr_fd >= 0 ? stream_hostfd(g->heap, opts->stderr_fd, STREAM_W)
                                         : capture_stream(g, &err, true);
    /* secrets of the network policy never reach the caller: both outputs
     * go through a streaming redactor (closing it emits its held-back tail) */
    if (out_s)
        out_s = net_redact_stream(g->heap, out_s, g->net);
    if (err_s)
        err_s = net_redact_stream(g->heap, err_s, g->net);
    if (!in_s || !out_s || !err_s) {
        stream_unref(in_s);
        stream_unref(out_s);
        stream_unref(err_s);
        return VB_ENOMEM;
    }
    sh_set_fd(sh, 0, in_s);
    g->stdin_stream = in_s;
    sh_set_fd(sh, 1, out_s);
    sh_set_fd(sh, 2, err_s);
    stream_unref(in_s);
    stream_unref(out_s);
    stream_unref(err_s);

    if (opts->cwd) {
        mem_free(g->heap, sh->cwd);
        sh->cwd = mem_strdup(g->heap, opts->cwd);
        var_set(sh, "PWD", sh->cwd, VS_EXPORT);
    }
    for (size_t i = 0; opts->env && opts->env[i]; i++) {
        const char *eq = strchr(opts->env[i], '=');
        if (!eq)
            continue;
        char *name = mem_strndup(g->heap, opts->env[i], (size_t)(eq - opts->env[i]));
        if (name && var_valid_name(name))
            var_set(sh, name, eq + 1, VS_EXPORT);
        mem_free(g->heap, name);
    }
    const char *name = opts->script_name ? opts->script_name : "vbash";
    mem_free(g->heap, sh->arg0);
    sh->arg0 = mem_strdup(g->heap, name);
    g->script_name = sh->arg0;
    g->script_file = (opts->flags & VB_EXEC_SCRIPT_FILE) != 0;
    sh->source_name = g->script_file ? sh->arg0 : NULL;
    if (opts->args) {
        for (int i = 0; i < sh->npos; i++)
            mem_free(g->heap, sh->pos[i]);
        mem_free(g->heap, sh->pos);
        sh->pos = NULL;
        sh->npos = 0;
        int n = 0;
        while (opts->args[n])
            n++;
        sh->pos = mem_calloc(g->heap, (size_t)n + 1, sizeof *sh->pos);
        for (int i = 0; i < n && sh->pos; i++)
            sh->pos[i] = mem_strdup(g->heap, opts->args[i]);
        sh->npos = sh->pos ? n : 0;
    }
    sh->interactive = (opts->flags & VB_EXEC_INTERACTIVE) != 0;
    if (opts->flags & VB_EXEC_NOEXEC)
        sh->opts |= O_NOEXEC;
    sh->flow = FLOW_NONE;

    vb_status rc = VB_OK;
    if (g->lim.max_script_bytes && len > g->lim.max_script_bytes) {
        exec_limit(g, VB_LIMIT_SCRIPT_BYTES, "maximum script size exceeded (limit script_bytes=%llu)",
                   (unsigned long long)g->lim.max_script_bytes);
    } else {
        main_arg a = {.sh = sh, .script = script ? script : "", .len = len,
                      .script_file = g->script_file};
        iproc *p = proc_spawn(g, session_main, &a, NULL);
        g->main = p;
        if (!p) {
            rc = VB_ENOMEM;
        } else {
            proc_run_until(g, p);
            sh->status = p->status;
            g->main = NULL;
            proc_unref(g, p);
            /* background work that can finish without waiting does (output of
             * a pipe reader, a process substitution); the rest is stopped */
            proc_drain(g);
            proc_kill_all(g);
        }
    }
    int status = sh->flow == FLOW_EXIT ? sh->exit_status : sh->status;
    result->exited = sh->flow == FLOW_EXIT;
    sh->flow = FLOW_NONE;
    if (opts->flags & VB_EXEC_NOEXEC)
        sh->opts &= ~O_NOEXEC;
    if (g->cancel && !g->limit_hit)
        g->limit_hit = VB_LIMIT_CANCELLED;
    if (g->limit_hit) {
        result->limit = g->limit_hit;
        if (g->limit_hit == VB_LIMIT_CANCELLED) {
            status = 130;
        } else {
            /* The message goes to stderr even when the output limit was hit. */
            vbuf msg;
            vbuf_init(&msg, g->heap);
            vbuf_printf(&msg, "%s: %s\n", name, g->limit_msg ? g->limit_msg : vb_limit_name(g->limit_hit));
            if (opts->stderr_fd >= 0) {
                ssize_t w = write(opts->stderr_fd, msg.data, msg.len);
                (void)w;
            } else
                vbuf_add(&err, msg.data, msg.len);
            vbuf_free(&msg);
            status = g->limit_hit == VB_LIMIT_TIME ? 124 : 125;
        }
    }
    result->exit_status = status & 255;
    sh->status = status & 255;
    /* Release the per-call streams so captured buffers are not referenced. */
    sh_set_fd(sh, 0, NULL);
    sh_set_fd(sh, 1, NULL);
    sh_set_fd(sh, 2, NULL);
    for (int i = 3; i < sh->nfds; i++)
        sh_set_fd(sh, i, NULL);
    result->out.data = shared_copy(out.data ? out.data : "", out.len);
    result->out.len = result->out.data ? out.len : 0;
    result->err.data = shared_copy(err.data ? err.data : "", err.len);
    result->err.len = result->err.data ? err.len : 0;
    vbuf_free(&out);
    vbuf_free(&err);
    g->stop = 0;
    g->cancel = 0;
    if (mem_heap_failed(g->heap) && !mem_heap_cap_hit(g->heap))
        rc = (vb_status)session_set_error(s, VB_ENOMEM, "out of memory");
    mem_heap_clear_failed(g->heap);
    return rc;
}

void vb_result_free(vb_result *r)
{
    if (!r)
        return;
    mem_shared_free(r->out.data);
    mem_shared_free(r->err.data);
    r->out.data = r->err.data = NULL;
    r->out.len = r->err.len = 0;
}
