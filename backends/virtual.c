/*
 * The virtual backend: the sandbox contract over an in-process vbash
 * session. Files go straight to the session's VFS; exec is vb_exec; glob
 * and grep are the facade's generic walkers over list_dir / stat below.
 * Nothing here touches the host unless the caller mounts a host directory.
 *
 * Buffers handed out are copied from the session heap into the process-wide
 * allocator, so they outlive the session and may be freed on any thread.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "src/session_int.h"
#include "vbash/net.h"
#include "backends/backends_int.h"
#include "vbash/sandbox.h"
#include "vfs/vfs.h"

typedef struct virt_state {
    vb_session *s;       /* first: vb_sandbox_session reads it */
    bool owned;          /* false when the caller lent the session */
} virt_state;

static const char *virt__err(int rc) { return vb_strerror(rc); }

static vb_status virt_init(vb_sandbox *sb, const vb_sandbox_opts *opts, void **state)
{
    virt_state *st = vb_sandbox_alloc(sizeof *st);
    if (!st)
        return VB_ENOMEM;
    st->owned = opts->session == NULL;
    st->s = opts->session;
    if (!st->s) {
        vb_status rc = vb_session_new(opts->config, &st->s);
        if (rc != VB_OK) {
            vb_sandbox_dealloc(st);
            return vb_sandbox_set_error(sb, rc, "virtual backend: %s", virt__err(rc));
        }
    }
    vfs_stat_t vs;
    int rc = vfs_stat(session_vfs(st->s), vb_sandbox_cwd(sb), &vs);
    if (rc == 0 && !S_ISDIR(vs.mode))
        rc = VB_ENOTDIR;
    if (rc != 0) {
        if (st->owned)
            vb_session_free(st->s);
        vb_sandbox_dealloc(st);
        return rc;
    }
    *state = st;
    return VB_OK;
}

static void virt_shutdown(void *state)
{
    virt_state *st = state;
    if (!st)
        return;
    if (st->owned)
        vb_session_free(st->s);
    vb_sandbox_dealloc(st);
}

static vb_status virt_read_file(vb_sandbox *sb, void *state, const char *path, vb_bytes *out)
{
    virt_state *st = state;
    char *abs = vb_sandbox_abspath(sb, NULL, path);
    if (!abs)
        return VB_ENOMEM;
    mem_heap *h = session_heap(st->s);
    char *data = NULL;
    size_t len = 0;
    vfs_stat_t vs;
    int rc = vfs_stat(session_vfs(st->s), abs, &vs);
    if (rc == 0 && S_ISDIR(vs.mode))
        rc = VB_EISDIR;
    if (rc == 0 && !S_ISREG(vs.mode)) {
        /* /dev/zero, /dev/urandom, FIFOs: endless or blocking. */
        vb_sandbox_dealloc(abs);
        return vb_sandbox_set_error(sb, VB_EINVAL, "read_file: %s: not a regular file", path);
    }
    if (rc == 0)
        rc = vfs_read_all(session_vfs(st->s), abs, h, &data, &len);
    vb_sandbox_dealloc(abs);
    if (rc < 0)
        return vb_sandbox_set_error(sb, rc, "read_file: %s: %s", path, virt__err(rc));
    char *copy = vb_sandbox_alloc(len + 1);
    if (!copy) {
        mem_free(h, data);
        return vb_sandbox_set_error(sb, VB_ENOMEM, "read_file: %s: out of memory", path);
    }
    if (len)
        memcpy(copy, data, len);
    copy[len] = '\0';
    mem_free(h, data);
    /* secrets of the session's network policy never leave through the
     * contract either (a script may have written one into a file) */
    vb_net_policy *np = session_net(st->s);
    char *red = NULL;
    size_t rlen = 0;
    if (np && vb_net_redact(np, copy, len, &red, &rlen) == VB_OK && red) {
        char *c2 = vb_sandbox_alloc(rlen + 1);
        if (c2) {
            memcpy(c2, red, rlen + 1);
            vb_sandbox_dealloc(copy);
            copy = c2;
            len = rlen;
        }
        vb_net_free(red);
    }
    out->data = copy;
    out->len = len;
    return VB_OK;
}

/* mkdir -p of the parents of abs. */
static int virt__mkparents(vfs *v, char *abs)
{
    for (char *p = abs + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = vfs_mkdir(v, abs, 0755);
        *p = '/';
        if (rc < 0 && rc != -EEXIST)
            return rc;
    }
    return 0;
}

static vb_status virt_write_file(vb_sandbox *sb, void *state, const char *path, const void *data,
                                 size_t len)
{
    virt_state *st = state;
    vfs *v = session_vfs(st->s);
    char *abs = vb_sandbox_abspath(sb, NULL, path);
    if (!abs)
        return VB_ENOMEM;
    int rc = virt__mkparents(v, abs);
    vfs_stat_t vs;
    if (rc == 0 && vfs_stat(v, abs, &vs) == 0 && !S_ISREG(vs.mode) && !S_ISDIR(vs.mode)) {
        vb_sandbox_dealloc(abs);
        return vb_sandbox_set_error(sb, VB_EINVAL, "write_file: %s: not a regular file", path);
    }
    if (rc == 0)
        rc = vfs_write_all(v, abs, data, len, 0644);
    vb_sandbox_dealloc(abs);
    if (rc < 0)
        return vb_sandbox_set_error(sb, rc, "write_file: %s: %s", path, virt__err(rc));
    return VB_OK;
}

static vb_sandbox_ftype virt__ftype(uint32_t mode)
{
    if (S_ISREG(mode))
        return VB_SANDBOX_FT_FILE;
    if (S_ISDIR(mode))
        return VB_SANDBOX_FT_DIR;
    if (S_ISLNK(mode))
        return VB_SANDBOX_FT_LINK;
    return VB_SANDBOX_FT_OTHER;
}

static vb_status virt_stat(vb_sandbox *sb, void *state, const char *path, vb_sandbox_ftype *type)
{
    virt_state *st = state;
    vfs_stat_t vs;
    int rc = vfs_lstat(session_vfs(st->s), path, &vs);
    if (rc < 0)
        return rc;
    *type = virt__ftype(vs.mode);
    return VB_OK;
}

static vb_status virt_list_dir(vb_sandbox *sb, void *state, const char *path,
                               vb_sandbox_dirent_fn fn, void *ctx)
{
    virt_state *st = state;
    vfs_dir *d;
    int rc = vfs_opendir(session_vfs(st->s), path, &d);
    if (rc < 0)
        return rc;
    vfs_dirent ent;
    int r;
    rc = 0;
    while (!rc && (r = vfs_readdir(d, &ent)) != 0) {
        if (r < 0) {
            rc = r;
            break;
        }
        vb_sandbox_ftype t;
        switch (ent.type) {
        case DT_REG: t = VB_SANDBOX_FT_FILE; break;
        case DT_DIR: t = VB_SANDBOX_FT_DIR; break;
        case DT_LNK: t = VB_SANDBOX_FT_LINK; break;
        default: t = VB_SANDBOX_FT_OTHER; break;
        }
        rc = fn(ctx, ent.name, t);
    }
    vfs_closedir(d);
    return rc;
}

static int virt__copy(vb_bytes *dst, const vb_bytes *src)
{
    dst->data = vb_sandbox_alloc(src->len + 1);
    if (!dst->data)
        return VB_ENOMEM;
    if (src->len)
        memcpy(dst->data, src->data, src->len);
    dst->data[src->len] = '\0';
    dst->len = src->len;
    return VB_OK;
}

static bool virt__name_ok(const char *s, size_t n)
{
    if (!n || !(s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

/* The contract's env is for one call, while a session keeps the variables
 * vb_exec sets. Before the call: `unset NAMES; declare -p NAMES` as it
 * stands (the restore script, built by the session itself so attributes
 * and quoting are right); after it: run that script. Returns the restore
 * script (vb_sandbox_alloc'd) or NULL when env is empty. */
static char *virt__env_save(virt_state *st, const char *const *env)
{
    char names[4096];
    size_t n = 0;
    for (size_t i = 0; env && env[i]; i++) {
        const char *eq = strchr(env[i], '=');
        size_t nl = eq ? (size_t)(eq - env[i]) : 0;
        if (!virt__name_ok(env[i], nl) || n + nl + 2 >= sizeof names)
            continue;
        names[n++] = ' ';
        memcpy(names + n, env[i], nl);
        n += nl;
    }
    names[n] = '\0';
    if (!n)
        return NULL;
    char probe[4200];
    snprintf(probe, sizeof probe, "declare -p%s 2>/dev/null; :", names);
    vb_exec_opts eo;
    vb_exec_opts_init(&eo);
    vb_result r;
    if (vb_exec(st->s, probe, strlen(probe), &eo, &r) != VB_OK) {
        vb_result_free(&r);
        return NULL;
    }
    size_t len = 10 + n + 16 + r.out.len + 1;
    char *script = vb_sandbox_alloc(len);
    if (script)
        snprintf(script, len, "unset -v%s 2>/dev/null\n%s", names, r.out.data ? r.out.data : "");
    vb_result_free(&r);
    return script;
}

static void virt__env_restore(virt_state *st, char *script)
{
    if (!script)
        return;
    vb_exec_opts eo;
    vb_exec_opts_init(&eo);
    vb_result r;
    vb_exec(st->s, script, strlen(script), &eo, &r);
    vb_result_free(&r);
    vb_sandbox_dealloc(script);
}

static vb_status virt_exec(vb_sandbox *sb, void *state, const char *cmd,
                           const vb_sandbox_exec_opts *opts, vb_sandbox_exec_result *result)
{
    virt_state *st = state;
    char *cwd = vb_sandbox_abspath(sb, NULL, opts->cwd ? opts->cwd : vb_sandbox_cwd(sb));
    if (!cwd)
        return VB_ENOMEM;
    vfs_stat_t vs;
    int crc = vfs_stat(session_vfs(st->s), cwd, &vs);
    if (crc == 0 && !S_ISDIR(vs.mode))
        crc = VB_ENOTDIR;
    if (crc < 0) {
        vb_sandbox_set_error(sb, crc, "exec: cwd %s: %s", cwd, virt__err(crc));
        vb_sandbox_dealloc(cwd);
        return crc;
    }
    char *restore = virt__env_save(st, opts->env);
    vb_exec_opts eo;
    vb_exec_opts_init(&eo);
    eo.cwd = cwd;
    eo.env = opts->env;
    eo.stdin_data = opts->stdin_data;
    eo.stdin_len = opts->stdin_data ? opts->stdin_len : 0;
    eo.timeout_ms = opts->timeout_ms;
    vb_result r;
    vb_status rc = vb_exec(st->s, cmd, strlen(cmd), &eo, &r);
    vb_sandbox_dealloc(cwd);
    virt__env_restore(st, restore);
    if (rc != VB_OK) {
        vb_sandbox_set_error(sb, rc, "exec: %s", vb_session_error(st->s));
        vb_result_free(&r);
        return rc;
    }
    if (virt__copy(&result->out, &r.out) != VB_OK || virt__copy(&result->err, &r.err) != VB_OK) {
        vb_sandbox_exec_result_free(result);
        vb_result_free(&r);
        return vb_sandbox_set_error(sb, VB_ENOMEM, "exec: out of memory");
    }
    result->exit_code = r.exit_status;
    result->limit = r.limit;
    if (r.limit == VB_LIMIT_OUTPUT)
        result->truncated = 1;
    vb_result_free(&r);
    if (result->limit == VB_LIMIT_TIME) {
        result->timed_out = 1;
        uint64_t t = opts->timeout_ms;
        if (t)
            return vb_sandbox_set_error(sb, VB_ETIMEDOUT, "exec: timed out after %llu ms",
                                        (unsigned long long)t);
        return vb_sandbox_set_error(sb, VB_ETIMEDOUT, "exec: timed out (session time limit)");
    }
    return VB_OK;
}

static vb_status virt_mount(vb_sandbox *sb, void *state, const char *host_path,
                            const char *sandbox_path, vb_mount_mode mode)
{
    virt_state *st = state;
    char *abs = vb_sandbox_abspath(sb, NULL, sandbox_path);
    if (!abs)
        return VB_ENOMEM;
    int rc = vfs_mount_host(session_vfs(st->s), host_path, abs, (int)mode);
    vb_sandbox_dealloc(abs);
    if (rc < 0)
        return vb_sandbox_set_error(sb, rc, "mount: %s on %s: %s", host_path, sandbox_path,
                                    virt__err(rc));
    return VB_OK;
}

const vb_sandbox_ops vb__sandbox_virtual_ops = {
    .size = sizeof(vb_sandbox_ops),
    .version = 1,
    .name = "virtual",
    .init = virt_init,
    .shutdown = virt_shutdown,
    .read_file = virt_read_file,
    .write_file = virt_write_file,
    .exec = virt_exec,
    .mount = virt_mount,
    .list_dir = virt_list_dir,
    .stat = virt_stat,
};
