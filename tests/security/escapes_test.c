/*
 * Escape attempts through scripts (vb_exec) and archives: ".." chains from
 * every mount, host symlinks pointing outside ro/rw/overlay mounts, /proc
 * and /sys probes, absolute host paths, NUL in names, very long names, tar
 * members with "../", absolute paths and links through symlinks, `cd` to
 * places that do not exist, `exec` of host binaries, `enable -f`. Each must
 * be refused or stay inside: no host secret in the output, no file created
 * on the host outside the mounted directory. Host directories come from
 * mkdtemp and are removed. Each case prints one line for README.md.
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/t.h"
#include "vbash/vbash.h"
#include "vbash/vfs.h"

static char base[64];      /* host temp dir */
static char mdir[96];      /* base/m: the mounted directory */
static const char marker[] = "HOSTSECRET-7f3a";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int host_exists(const char *rel)
{
    char p[256];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", base, rel);
    return lstat(p, &st) == 0;
}

static void host_put(const char *rel, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void host_link(const char *target, const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    if (symlink(target, p) != 0)
        perror("symlink");
}

static int rm_cb(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(p);
}

static vb_session *new_session(void)
{
    static const vb_mount mounts[] = {
        { NULL, "/mnt/ro", VB_MOUNT_RO },
        { NULL, "/mnt/rw", VB_MOUNT_RW },
        { NULL, "/mnt/ov", VB_MOUNT_OVERLAY },
    };
    vb_mount m[3];
    memcpy(m, mounts, sizeof m);
    for (int i = 0; i < 3; i++)
        m[i].host_path = mdir;
    vb_limits l = { 0 };
    l.max_wall_ms = 2000;
    vb_config c;
    vb_config_init(&c);
    c.limits = &l;
    c.mounts = m;
    c.n_mounts = 3;
    vb_session *s = NULL;
    if (vb_session_new(&c, &s) != VB_OK) {
        T_CHECK_MSG(0, "session: %s", s ? vb_session_error(s) : "");
        return NULL;
    }
    return s;
}

/* Runs script; the output must hold none of the host's secrets and, when
 * want is set, must hold want (the refusal). */
static void esc(const char *name, const char *script, const char *want)
{
    vb_session *s = new_session();
    if (!s)
        return;
    vb_exec_opts o;
    vb_exec_opts_init(&o);
    vb_result r;
    double t0 = now_ms();
    vb_status st = vb_exec(s, script, strlen(script), &o, &r);
    double ms = now_ms() - t0;
    const char *out = r.out.data ? r.out.data : "", *err = r.err.data ? r.err.data : "";
    T_CHECK_MSG(st == VB_OK, "%s: vb_exec %d", name, st);
    T_CHECK_MSG(!strstr(out, marker) && !strstr(err, marker), "%s: host secret leaked: %.300s | %.300s", name,
                out, err);
    T_CHECK_MSG(!strstr(out, "libvbash") && !strstr(out, "sec_escapes_test"), "%s: host process visible: %.300s",
                name, out);
    if (want)
        T_CHECK_MSG(strstr(out, want) || strstr(err, want), "%s: no \"%s\" in: %.300s | %.300s", name, want, out,
                    err);
    T_CHECK_MSG(!host_exists("escaped") && !host_exists("escdir") && !host_exists("pwned"),
                "%s: a file was created outside the mount", name);
    printf("| %s | %s | %d | %.0f ms |\n", name, r.limit ? vb_limit_name(r.limit) : "-", r.exit_status, ms);
    vb_result_free(&r);
    vb_result r2;
    T_CHECK(vb_exec(s, "echo ok", 7, &o, &r2) == VB_OK && r2.out.data && strcmp(r2.out.data, "ok\n") == 0);
    vb_result_free(&r2);
    vb_session_free(s);
}

/* One ustar member. */
static size_t tar_member(unsigned char *buf, const char *name, char type, const char *link, const char *data)
{
    size_t len = data ? strlen(data) : 0;
    memset(buf, 0, 512);
    strncpy((char *)buf, name, 99);
    memcpy(buf + 100, "0000644", 7);
    memcpy(buf + 108, "0001750", 7);
    memcpy(buf + 116, "0001750", 7);
    snprintf((char *)buf + 124, 12, "%011o", (unsigned)len);
    memcpy(buf + 136, "14000000000", 11);
    buf[156] = (unsigned char)type;
    if (link)
        strncpy((char *)buf + 157, link, 99);
    memcpy(buf + 257, "ustar", 6);
    memcpy(buf + 263, "00", 2);
    memset(buf + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; i++)
        sum += buf[i];
    snprintf((char *)buf + 148, 8, "%06o", sum);
    size_t n = 512;
    if (len) {
        memset(buf + 512, 0, (len + 511) / 512 * 512);
        memcpy(buf + 512, data, len);
        n += (len + 511) / 512 * 512;
    }
    return n;
}

static size_t evil_tar(unsigned char *buf)
{
    size_t n = 0;
    n += tar_member(buf + n, "../evil1", '0', NULL, "x\n");
    n += tar_member(buf + n, "/evil2", '0', NULL, "x\n");
    n += tar_member(buf + n, "a/../../evil3", '0', NULL, "x\n");
    n += tar_member(buf + n, "up", '2', "../../../../", NULL);
    n += tar_member(buf + n, "up/evil4", '0', NULL, "x\n");
    n += tar_member(buf + n, "root", '2', "/", NULL);
    n += tar_member(buf + n, "root/evil5", '0', NULL, "x\n");
    n += tar_member(buf + n, "hl", '1', "../../etc/passwd", NULL);
    n += tar_member(buf + n, "ok.txt", '0', NULL, "fine\n");
    memset(buf + n, 0, 1024);
    return n + 1024;
}

static void tar_cases(void)
{
    static unsigned char buf[16384];
    size_t n = evil_tar(buf);
    vb_session *s = new_session();
    if (!s)
        return;
    double t0 = now_ms();
    T_CHECK(vb_vfs_mkdir(s, "/home/user/x/y", 0755, true) == VB_OK);
    vb_status st = vb_vfs_import_tar_mem(s, "/home/user/x/y", buf, n);
    T_EQ_INT(st, VB_EINVAL);
    vb_vfs_info info;
    static const char *const outside[] = { "/home/user/x/evil1", "/evil2", "/home/user/x/evil3", "/evil4", "/evil5",
                                            "/home/user/x/evil4", "/home/evil1", "/etc/evil5", "/home/user/evil1" };
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
        T_CHECK_MSG(vb_vfs_stat(s, outside[i], false, &info) == VB_ENOENT, "tar member reached %s", outside[i]);
    T_CHECK(vb_vfs_stat(s, "/home/user/x/y/ok.txt", false, &info) == VB_OK);
    printf("| vb_vfs_import_tar_mem with ../, /abs, symlink-then-member, hard link out | skipped members, VB_EINVAL | - | %.0f ms |\n",
           now_ms() - t0);
    /* the same archive through `tar xf` inside the session, and into a rw mount */
    T_CHECK(vb_vfs_write_file(s, "/tmp/evil.tar", buf, n) == VB_OK);
    vb_exec_opts o;
    vb_exec_opts_init(&o);
    vb_result r;
    static const char script[] = "mkdir -p /home/user/x/z && cd /home/user/x/z && tar xf /tmp/evil.tar; echo rc=$?; cat ok.txt;"
                                 " cd /mnt/rw && tar xf /tmp/evil.tar; ls /home/user/x /";
    t0 = now_ms();
    T_CHECK(vb_exec(s, script, sizeof script - 1, &o, &r) == VB_OK);
    T_CHECK_MSG(r.out.data && strstr(r.out.data, "fine"), "tar xf: %s", r.err.data ? r.err.data : "");
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
        T_CHECK_MSG(vb_vfs_stat(s, outside[i], false, &info) == VB_ENOENT, "tar xf member reached %s", outside[i]);
    T_CHECK(!host_exists("evil1") && !host_exists("evil3") && !host_exists("evil4"));
    printf("| tar xf of the same archive (VFS dir and rw mount) | tar refuses the members | %d | %.0f ms |\n",
           r.exit_status, now_ms() - t0);
    vb_result_free(&r);
    vb_session_free(s);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(base, sizeof base, "/tmp/vbesc.XXXXXX");
    if (!mkdtemp(base)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(mdir, sizeof mdir, "%s/m", base);
    mkdir(mdir, 0755);
    host_put("secret.txt", marker);
    host_put("m/inner.txt", "inner\n");
    host_link("..", "m/out_rel");
    host_link(base, "m/out_abs");
    host_link("/etc", "m/out_etc");
    host_link("../secret.txt", "m/secret_link");
    setenv("VB_HOST_MARKER", marker, 1);

    char script[4096];
    static const char *const mnts[] = { "/mnt/ro", "/mnt/rw", "/mnt/ov" };
    for (int i = 0; i < 3; i++) {
        const char *m = mnts[i];
        char name[128];
        snprintf(name, sizeof name, "`..` chains from %s", m);
        snprintf(script, sizeof script,
                 "cat %s/inner.txt; cat %s/../secret.txt %s/../../secret.txt %s/../../../../../../%s/secret.txt;"
                 " cd %s && cd ../../../../.. && pwd && cat ./%s/secret.txt; ls -a %s/..", m, m, m, m, base, m, base, m);
        esc(name, script, "inner");
        snprintf(name, sizeof name, "host symlinks out of %s (read)", m);
        snprintf(script, sizeof script,
                 "cat %s/out_rel/secret.txt %s/out_abs/secret.txt %s/secret_link %s/out_etc/shadow;"
                 " ls %s/out_rel/ %s/out_abs/; cd %s/out_rel && cat secret.txt; readlink -f %s/out_rel;"
                 " find %s -maxdepth 3 | head -50; cat %s/out_rel/../../secret.txt", m, m, m, m, m, m, m, m, m, m);
        esc(name, script, NULL);
        snprintf(name, sizeof name, "host symlinks out of %s (write)", m);
        snprintf(script, sizeof script,
                 "echo x > %s/out_rel/escaped; echo x > %s/out_abs/escaped; mkdir %s/out_rel/escdir;"
                 " cp %s/inner.txt %s/out_abs/escaped; mv %s/inner.txt %s/out_rel/escaped;"
                 " ln -s %s %s/vl; echo x > %s/vl/escaped; ln -s ../.. %s/up; echo x > %s/up/escaped;"
                 " touch %s/out_abs/pwned; tar cf - %s | (cd %s/out_rel && tar xf -); true",
                 m, m, m, m, m, m, m, base, m, m, m, m, m, m, m);
        esc(name, script, NULL);
    }
    esc("/proc and /sys probes",
        "cat /proc/self/environ /proc/self/maps /proc/self/cmdline /proc/1/cmdline /proc/self/status;"
        " ls -l /proc/self/fd /proc/self/cwd /proc/self/exe /proc/self/root/; cat /proc/self/root/etc/shadow;"
        " cat /sys/kernel/hostname /sys/class/net/*/address; ls /sys /proc; echo \"[$VB_HOST_MARKER]\"; env",
        NULL);
    snprintf(script, sizeof script,
             "cat /etc/shadow; cat %s/secret.txt; ls %s; cd %s && cat secret.txt; source %s/secret.txt;"
             " echo x > %s/pwned; [ -e %s/secret.txt ] && echo VISIBLE; echo end",
             base, base, base, base, base, base);
    esc("absolute host paths (/etc/shadow, the host temp dir)", script, "end");
    esc("NUL in names", "f=$'a\\x00b'; echo x > \"$f\"; ls; printf 'x\\0/../../etc/passwd' | xargs -0 touch; ls /; echo end",
        "end");
    esc("very long names",
        "n=$(printf 'a%.0s' {1..300}); touch $n; echo rc=$?; p=$(printf 'd/%.0s' {1..3000}); mkdir -p $p; echo rc=$?;"
        " cat /$(printf 'x%.0s' {1..5000}); echo rc=$?",
        "File name too long");
    esc("cd to nonexistent places",
        "cd /nonexistent; echo rc=$?; cd /mnt/ro/nope/../..; echo rc=$?; cd ../../../../../..; pwd; cd -P ///../..; pwd",
        "No such file or directory");
    esc("exec of host binaries",
        "/bin/sh -c \"echo \\$VB_HOST_MARKER > /tmp/hostran; touch " "/tmp/x\"; /usr/bin/env; "
        "command -p /usr/bin/id; PATH=/usr/bin:/bin; env -i /bin/bash -c 'echo $VB_HOST_MARKER'; "
        "exec /bin/sh -c 'echo $VB_HOST_MARKER'",
        NULL);
    esc("enable -f (loadable builtins)", "enable -f /lib/x86_64-linux-gnu/libc.so.6 system; echo rc=$?; system id",
        "system: command not found");
    tar_cases();

    nftw(base, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    return T_DONE();
}
