/*
 * chown / chgrp engine: see fs_chown.h. Users and groups are the session's,
 * from /etc/passwd and /etc/group in the VFS; numeric ids are taken as
 * they are. The VFS decides what the session user may change (as the
 * kernel does: a non-root user may only give a file to one of its groups).
 */
#include "builtins/lib/fs_chown.h"

#include <errno.h>
#include <string.h>

#include "builtins/lib/fs_util.h"

enum { CH_FROM = 256, CH_REFERENCE, CH_DEREF, CH_NOPRESERVE, CH_PRESERVE };
static const bi_longopt fs_chown__longs[] = {
    {"changes", 0, 'c'}, {"silent", 0, 'f'}, {"quiet", 0, 'f'}, {"verbose", 0, 'v'},
    {"no-dereference", 0, 'h'}, {"dereference", 0, CH_DEREF}, {"recursive", 0, 'R'},
    {"from", 1, CH_FROM}, {"reference", 1, CH_REFERENCE},
    {"no-preserve-root", 0, CH_NOPRESERVE}, {"preserve-root", 0, CH_PRESERVE}, {0},
};

enum { V_OFF, V_CHANGES, V_ALL };

typedef struct fs_chown_ctx {
    vb_cmd *cmd;
    fs_ids ids;
    bool has_uid, has_gid;
    uint32_t uid, gid;
    const char *user_name, *group_name;   /* as given, for messages */
    bool from_uid_set, from_gid_set;
    uint32_t from_uid, from_gid;
    int verbose;
    bool quiet, recursive, deref, preserve_root, is_chgrp;
    int status;
} fs_chown_ctx;

static const char *fs_chown__uname(fs_chown_ctx *c, uint32_t uid)
{
    const char *n = fs_user_name(c->cmd, &c->ids, uid);
    return n ? n : mem_printf(c->cmd->heap, "%u", uid);
}

static const char *fs_chown__gname(fs_chown_ctx *c, uint32_t gid)
{
    const char *n = fs_group_name(c->cmd, &c->ids, gid);
    return n ? n : mem_printf(c->cmd->heap, "%u", gid);
}

/* "user", "user:group" or "group" as GNU's describe_change builds them. */
static const char *fs_chown__spec(fs_chown_ctx *c, const char *u, const char *g)
{
    if (u && g)
        return mem_printf(c->cmd->heap, "%s:%s", u, g);
    return u ? u : g;
}

static void fs_chown__describe(fs_chown_ctx *c, const char *path, int what, const vfs_stat_t *old)
{
    vb_cmd *cmd = c->cmd;
    const char *u = c->has_uid ? c->user_name : NULL;
    const char *g = c->has_gid ? c->group_name : NULL;
    const char *spec = fs_chown__spec(c, u, g);
    const char *old_spec = NULL;
    if (old)
        old_spec = fs_chown__spec(c, u ? fs_chown__uname(c, old->uid) : NULL,
                                  g ? fs_chown__gname(c, old->gid) : NULL);
    const char *q = fs_q(cmd, path);
    switch (what) {
    case 0: /* changed */
        if (u)
            bi_outf(cmd, "changed ownership of %s from %s to %s\n", q, old_spec, spec);
        else if (g)
            bi_outf(cmd, "changed group of %s from %s to %s\n", q, old_spec, spec);
        else
            bi_outf(cmd, "no change to ownership of %s\n", q);
        break;
    case 1: /* failed */
        if (old_spec && u)
            bi_outf(cmd, "failed to change ownership of %s from %s to %s\n", q, old_spec, spec);
        else if (old_spec && g)
            bi_outf(cmd, "failed to change group of %s from %s to %s\n", q, old_spec, spec);
        else if (u)
            bi_outf(cmd, "failed to change ownership of %s to %s\n", q, spec);
        else if (g)
            bi_outf(cmd, "failed to change group of %s to %s\n", q, spec);
        else
            bi_outf(cmd, "failed to change ownership of %s\n", q);
        break;
    default: /* retained: GNU prints the file's current owner here */
        if (u)
            bi_outf(cmd, "ownership of %s retained as %s\n", q, old_spec ? old_spec : spec);
        else if (g)
            bi_outf(cmd, "group of %s retained as %s\n", q, old_spec ? old_spec : spec);
        else
            bi_outf(cmd, "ownership of %s retained\n", q);
        break;
    }
}

static int fs_chown__visit(void *vctx, fs_walk_ent *e)
{
    fs_chown_ctx *c = vctx;
    vb_cmd *cmd = c->cmd;
    if (e->dir_err) {
        if (!c->quiet)
            fs_errf(cmd, e->dir_err, "cannot read directory %s", fs_q(cmd, e->path));
        c->status = 1;
        return 0;
    }
    if (e->err < 0) {
        if (!c->quiet)
            fs_errf(cmd, e->err, "cannot access %s", fs_q(cmd, e->path));
        if (c->verbose == V_ALL)
            fs_chown__describe(c, e->path, 1, NULL);
        c->status = 1;
        return 0;
    }
    if (e->depth == 0 && c->recursive && c->preserve_root && S_ISDIR(e->st.mode)) {
        char *canon;
        if (fs_canon(cmd, e->path, FS_CAN_EXISTING, &canon) == 0 && !strcmp(canon, "/")) {
            if (!strcmp(e->path, "/"))
                bi_err(cmd, "it is dangerous to operate recursively on %s", fs_q(cmd, e->path));
            else
                bi_err(cmd, "it is dangerous to operate recursively on %s (same as %s)",
                       fs_q(cmd, e->path), fs_q(cmd, "/"));
            bi_err(cmd, "use --no-preserve-root to override this failsafe");
            c->status = 1;
            return 1;
        }
    }
    bool follow = c->deref && !(S_ISLNK(e->st.mode) && (c->recursive && e->depth > 0));
    vfs_stat_t st = e->st;
    if (S_ISLNK(e->st.mode) && follow) {
        if (vfs_stat(cmd->vfs, e->abs, &st) < 0)
            follow = false, st = e->st;
    }
    if ((c->from_uid_set && st.uid != c->from_uid) || (c->from_gid_set && st.gid != c->from_gid)) {
        if (c->verbose == V_ALL)
            fs_chown__describe(c, e->path, 2, &st);
        return 0;
    }
    uint32_t uid = c->has_uid ? c->uid : st.uid;
    uint32_t gid = c->has_gid ? c->gid : st.gid;
    int rc = vfs_chown(cmd->vfs, e->abs, uid, gid, follow);
    if (rc < 0) {
        if (!c->quiet) {
            if (c->is_chgrp || !c->has_uid)
                fs_errf(cmd, rc, "changing group of %s", fs_q(cmd, e->path));
            else
                fs_errf(cmd, rc, "changing ownership of %s", fs_q(cmd, e->path));
        }
        if (c->verbose == V_ALL)
            fs_chown__describe(c, e->path, 1, &st);
        c->status = 1;
        return 0;
    }
    bool changed = uid != st.uid || gid != st.gid;
    if (c->verbose == V_ALL || (c->verbose == V_CHANGES && changed))
        fs_chown__describe(c, e->path, changed ? 0 : 2, &st);
    return 0;
}

/* "user[:group]" (or the old "user.group"). 0 or prints the error. */
static int fs_chown__parse(fs_chown_ctx *c, const char *spec)
{
    vb_cmd *cmd = c->cmd;
    const char *colon = strchr(spec, ':');
    bool dot_warn = false;
    char *u = NULL, *g = NULL;
    if (colon) {
        u = mem_strndup(cmd->heap, spec, (size_t)(colon - spec));
        g = mem_strdup(cmd->heap, colon + 1);
    } else {
        u = mem_strdup(cmd->heap, spec);
        uint32_t tmp;
        const char *dot = strchr(spec, '.');
        if (dot && fs_user_id(cmd, &c->ids, spec, &tmp) < 0) {
            u = mem_strndup(cmd->heap, spec, (size_t)(dot - spec));
            g = mem_strdup(cmd->heap, dot + 1);
            dot_warn = true;
        }
    }
    if (u && *u) {
        if (fs_user_id(cmd, &c->ids, u, &c->uid) < 0) {
            bi_err(cmd, "invalid user: %s", fs_lq(cmd, spec));
            return 1;
        }
        c->has_uid = true;
        c->user_name = u;
    }
    if (g && *g) {
        if (fs_group_id(cmd, &c->ids, g, &c->gid) < 0) {
            bi_err(cmd, "invalid group: %s", fs_lq(cmd, spec));
            return 1;
        }
        c->has_gid = true;
        c->group_name = g;
    } else if (g && c->has_uid) {
        /* "user:" means the user's login group */
        if (fs_user_gid(cmd, &c->ids, c->uid, &c->gid) < 0) {
            bi_err(cmd, "failed to get the group of user %s", fs_lq(cmd, u));
            return 1;
        }
        c->has_gid = true;
        c->group_name = fs_chown__gname(c, c->gid);
    }
    if (dot_warn)
        bi_err(cmd, "warning: '.' should be ':': %s", fs_lq(cmd, spec));
    return 0;
}

int fs_chown_main(vb_cmd *cmd, bool is_chgrp, const char *help)
{
    fs_chown_ctx c;
    memset(&c, 0, sizeof c);
    c.cmd = cmd;
    c.is_chgrp = is_chgrp;
    c.deref = true;
    const char *ref = NULL, *from = NULL;
    int walk_deref = 0; /* -P */
    bool deref_set = false;
    bi_opt o;
    bi_opt_init(&o, cmd, "cfvhRHLP", fs_chown__longs, help);
    int ch;
    while ((ch = bi_opt_next(&o)) != BI_OPT_END) {
        switch (ch) {
        case 'c': c.verbose = V_CHANGES; break;
        case 'f': c.quiet = true; break;
        case 'v': c.verbose = V_ALL; break;
        case 'h': c.deref = false; deref_set = true; break;
        case CH_DEREF: c.deref = true; deref_set = true; break;
        case 'R': c.recursive = true; break;
        case 'H': walk_deref = 1; break;
        case 'L': walk_deref = 2; break;
        case 'P': walk_deref = 0; break;
        case CH_FROM: from = o.arg; break;
        case CH_REFERENCE: ref = o.arg; break;
        case CH_NOPRESERVE: c.preserve_root = false; break;
        case CH_PRESERVE: c.preserve_root = true; break;
        default: return bi_done(cmd, o.status);
        }
    }
    if (c.recursive && !deref_set && walk_deref == 0)
        c.deref = false;
    int i = o.ind;
    if (ref) {
        if (i >= cmd->argc)
            return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
        vfs_stat_t st;
        int rc = vfs_stat(cmd->vfs, bi_path(cmd, ref), &st);
        if (rc < 0)
            return bi_done(cmd, fs_errf(cmd, rc, "failed to get attributes of %s", fs_q(cmd, ref)));
        if (!is_chgrp) {
            c.has_uid = true;
            c.uid = st.uid;
            c.user_name = fs_chown__uname(&c, st.uid);
        }
        c.has_gid = true;
        c.gid = st.gid;
        c.group_name = fs_chown__gname(&c, st.gid);
    } else {
        if (i >= cmd->argc)
            return bi_done(cmd, bi_usage(cmd, 1, "missing operand"));
        const char *spec = cmd->argv[i++];
        if (i >= cmd->argc)
            return bi_done(cmd, bi_usage(cmd, 1, "missing operand after %s", fs_lq(cmd, spec)));
        if (is_chgrp) {
            if (*spec && fs_group_id(cmd, &c.ids, spec, &c.gid) < 0)
                return bi_done(cmd, bi_err(cmd, "invalid group: %s", fs_lq(cmd, spec)));
            c.has_gid = *spec != 0;
            c.group_name = spec;
        } else if (fs_chown__parse(&c, spec)) {
            return bi_done(cmd, 1);
        }
    }
    if (from) {
        fs_chown_ctx f;
        memset(&f, 0, sizeof f);
        f.cmd = cmd;
        if (fs_chown__parse(&f, from))
            return bi_done(cmd, 1);
        c.from_uid_set = f.has_uid;
        c.from_uid = f.uid;
        c.from_gid_set = f.has_gid;
        c.from_gid = f.gid;
    }
    int flags = FS_WALK_FOLLOW_ROOT;
    if (c.recursive)
        flags = walk_deref == 2 ? FS_WALK_FOLLOW_ALL : walk_deref == 1 ? FS_WALK_FOLLOW_ROOT : 0;
    for (; i < cmd->argc && !bi_cancelled(cmd); i++) {
        if (c.recursive) {
            int rc = fs_walk(cmd, cmd->argv[i], flags, fs_chown__visit, &c);
            if (rc < 0 && rc != -ECANCELED)
                c.status = 1;
        } else {
            fs_walk_ent e;
            memset(&e, 0, sizeof e);
            e.path = cmd->argv[i];
            e.abs = bi_path(cmd, cmd->argv[i]);
            e.err = vfs_lstat(cmd->vfs, e.abs, &e.st);
            if (e.err == 0 && S_ISLNK(e.st.mode) && c.deref) {
                vfs_stat_t t;
                int rc = vfs_stat(cmd->vfs, e.abs, &t);
                if (rc < 0)
                    e.err = rc;
            }
            fs_chown__visit(&c, &e);
        }
    }
    return bi_done(cmd, c.status);
}
