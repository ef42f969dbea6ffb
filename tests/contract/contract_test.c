/*
 * The sandbox contract (include/vbash/sandbox.h), one suite run against
 * every backend available: virtual always, host over a fresh mkdtemp root.
 * Then a few host-only checks of the confinement and of exec's limits.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/t.h"
#include "vbash/sandbox.h"

static const char *backend;  /* label of the suite running */

#define C_CHECK(cond) T_CHECK_MSG(cond, "[%s]", backend)
#define C_RC(expr, want)                                                              \
    do {                                                                              \
        int c__rc = (expr);                                                           \
        T_CHECK_MSG(c__rc == (want), "[%s] %s = %d (%s), want %d; error: %s", backend, \
                    #expr, c__rc, vb_strerror(c__rc), (int)(want),                    \
                    vb_sandbox_error(sb));                                            \
    } while (0)
#define C_STR(a, b)                                                                   \
    do {                                                                              \
        const char *c__a = (a), *c__b = (b);                                          \
        T_CHECK_MSG(c__a && strcmp(c__a, c__b) == 0, "[%s] \"%s\" != \"%s\"", backend, \
                    c__a ? c__a : "(null)", c__b);                                    \
    } while (0)

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void put(vb_sandbox *sb, const char *path, const char *text)
{
    C_RC(vb_sandbox_write_file(sb, path, text, strlen(text)), VB_OK);
}

static void case_read_write(vb_sandbox *sb)
{
    put(sb, "hello.txt", "hello\n");
    vb_bytes b;
    C_RC(vb_sandbox_read_file(sb, "hello.txt", &b), VB_OK);
    C_CHECK(b.len == 6 && memcmp(b.data, "hello\n", 6) == 0);
    C_CHECK(b.data && b.data[b.len] == '\0');
    C_STR(vb_sandbox_error(sb), "");
    vb_sandbox_bytes_free(&b);

    /* Binary: every byte value, NULs included. */
    char bin[512];
    for (int i = 0; i < 512; i++)
        bin[i] = (char)(i % 256);
    C_RC(vb_sandbox_write_file(sb, "bin.dat", bin, sizeof bin), VB_OK);
    C_RC(vb_sandbox_read_file(sb, "bin.dat", &b), VB_OK);
    C_CHECK(b.len == sizeof bin && memcmp(b.data, bin, sizeof bin) == 0);
    vb_sandbox_bytes_free(&b);

    /* Replacing shrinks; empty files work. */
    put(sb, "hello.txt", "hi");
    C_RC(vb_sandbox_read_file(sb, "hello.txt", &b), VB_OK);
    C_CHECK(b.len == 2 && memcmp(b.data, "hi", 2) == 0);
    vb_sandbox_bytes_free(&b);
    C_RC(vb_sandbox_write_file(sb, "empty", NULL, 0), VB_OK);
    C_RC(vb_sandbox_read_file(sb, "empty", &b), VB_OK);
    C_CHECK(b.len == 0 && b.data != NULL);
    vb_sandbox_bytes_free(&b);

    /* Parents are created. */
    put(sb, "deep/er/still/file.txt", "x");
    C_RC(vb_sandbox_read_file(sb, "deep/er/still/file.txt", &b), VB_OK);
    C_CHECK(b.len == 1 && b.data[0] == 'x');
    vb_sandbox_bytes_free(&b);
    /* An absolute path names the same file as the relative one. */
    char abs[512];
    snprintf(abs, sizeof abs, "%s/deep/er/still/file.txt",
             strcmp(vb_sandbox_cwd(sb), "/") ? vb_sandbox_cwd(sb) : "");
    C_RC(vb_sandbox_read_file(sb, abs, &b), VB_OK);
    C_CHECK(b.len == 1);
    vb_sandbox_bytes_free(&b);

    /* Missing paths. */
    C_RC(vb_sandbox_read_file(sb, "no/such/file", &b), VB_ENOENT);
    C_CHECK(b.data == NULL && b.len == 0);
    C_CHECK(strstr(vb_sandbox_error(sb), "No such file or directory") != NULL);
    C_CHECK(strstr(vb_sandbox_error(sb), "no/such/file") != NULL);
    C_RC(vb_sandbox_read_file(sb, "missing.txt", &b), VB_ENOENT);
    /* A directory is not a file. */
    C_RC(vb_sandbox_read_file(sb, "deep", &b), VB_EISDIR);
    /* Neither is a FIFO (it would block) nor a device (it may never end). */
    vb_status rc;
    vb_sandbox_exec_result fr;
    C_RC(vb_sandbox_exec(sb, "mkfifo fifo 2>/dev/null || mknod fifo p", NULL, &fr), VB_OK);
    if (fr.exit_code == 0) {
        C_RC(vb_sandbox_read_file(sb, "fifo", &b), VB_EINVAL);
        /* Refused, or no reader (ENXIO): never a blocked call. */
        C_CHECK(vb_sandbox_write_file(sb, "fifo", "x", 1) != VB_OK);
    } else {
        T_SKIP("no mkfifo in this backend");
    }
    vb_sandbox_exec_result_free(&fr);
    rc = vb_sandbox_read_file(sb, "/dev/zero", &b);   /* host: no /dev under the root */
    T_CHECK_MSG(rc == VB_EINVAL || rc == VB_ENOENT, "[%s] /dev/zero: %d", backend, rc);
    /* A file in the way of a parent. */
    C_RC(vb_sandbox_write_file(sb, "hello.txt/sub", "x", 1), VB_ENOTDIR);
    /* Bad arguments are errors, not crashes. */
    C_RC(vb_sandbox_read_file(sb, NULL, &b), VB_EINVAL);
    C_RC(vb_sandbox_read_file(sb, "", &b), VB_ENOENT);
}

static void case_edit(vb_sandbox *sb)
{
    put(sb, "edit.txt", "one two two three\n");
    size_t occ = 99;
    vb_bytes content;
    C_RC(vb_sandbox_edit_file(sb, "edit.txt", "one", 3, "1", 1, &occ, &content), VB_OK);
    C_CHECK(occ == 1);
    C_CHECK(content.len == 16 && memcmp(content.data, "1 two two three\n", 16) == 0);
    vb_sandbox_bytes_free(&content);

    /* Two occurrences: an error that gives the count; the file is unchanged. */
    occ = 99;
    C_RC(vb_sandbox_edit_file(sb, "edit.txt", "two", 3, "2", 1, &occ, &content), VB_EINVAL);
    C_CHECK(occ == 2);
    C_CHECK(content.data == NULL);
    C_CHECK(strstr(vb_sandbox_error(sb), "2 occurrences") != NULL);
    /* None. */
    occ = 99;
    C_RC(vb_sandbox_edit_file(sb, "edit.txt", "zzz", 3, "2", 1, &occ, NULL), VB_EINVAL);
    C_CHECK(occ == 0);
    C_CHECK(strstr(vb_sandbox_error(sb), "0 occurrences") != NULL);
    vb_bytes b;
    C_RC(vb_sandbox_read_file(sb, "edit.txt", &b), VB_OK);
    C_CHECK(b.len == 16 && memcmp(b.data, "1 two two three\n", 16) == 0);
    vb_sandbox_bytes_free(&b);

    /* Widening the match makes it unique; binary-safe text. */
    C_RC(vb_sandbox_edit_file(sb, "edit.txt", "two three", 9, "2\0003", 3, &occ, NULL), VB_OK);
    C_RC(vb_sandbox_read_file(sb, "edit.txt", &b), VB_OK);
    C_CHECK(b.len == 10 && memcmp(b.data, "1 two 2\0003\n", 10) == 0);
    vb_sandbox_bytes_free(&b);

    /* Deleting the text. */
    C_RC(vb_sandbox_edit_file(sb, "edit.txt", "1 ", 2, "", 0, &occ, NULL), VB_OK);
    C_RC(vb_sandbox_read_file(sb, "edit.txt", &b), VB_OK);
    C_CHECK(b.len == 8 && memcmp(b.data, "two 2\0003\n", 8) == 0);
    vb_sandbox_bytes_free(&b);

    C_RC(vb_sandbox_edit_file(sb, "nope.txt", "a", 1, "b", 1, &occ, NULL), VB_ENOENT);
    C_RC(vb_sandbox_edit_file(sb, "edit.txt", "", 0, "b", 1, &occ, NULL), VB_EINVAL);
}

static void case_exec(vb_sandbox *sb)
{
    vb_sandbox_exec_result r;
    C_RC(vb_sandbox_exec(sb, "echo out; echo err >&2; exit 3", NULL, &r), VB_OK);
    C_STR(r.out.data, "out\n");
    C_STR(r.err.data, "err\n");
    C_CHECK(r.exit_code == 3 && !r.timed_out);
    vb_sandbox_exec_result_free(&r);

    C_RC(vb_sandbox_exec(sb, "true", NULL, &r), VB_OK);
    C_CHECK(r.exit_code == 0 && r.out.len == 0 && r.out.data && r.err.data);
    vb_sandbox_exec_result_free(&r);

    /* Files are shared between the primitives and the commands. */
    put(sb, "shared.txt", "from write_file\n");
    C_RC(vb_sandbox_exec(sb, "cat shared.txt; echo made > made.txt", NULL, &r), VB_OK);
    C_STR(r.out.data, "from write_file\n");
    vb_sandbox_exec_result_free(&r);
    vb_bytes b;
    C_RC(vb_sandbox_read_file(sb, "made.txt", &b), VB_OK);
    C_CHECK(b.len == 5 && memcmp(b.data, "made\n", 5) == 0);
    vb_sandbox_bytes_free(&b);

    /* cwd */
    put(sb, "sub/dir/here.txt", "here\n");
    vb_sandbox_exec_opts o;
    vb_sandbox_exec_opts_init(&o);
    o.cwd = "sub/dir";
    C_RC(vb_sandbox_exec(sb, "pwd; cat here.txt", &o, &r), VB_OK);
    T_CHECK_MSG(ends_with(r.out.data, "/sub/dir\nhere\n"), "[%s] pwd: %s", backend, r.out.data);
    vb_sandbox_exec_result_free(&r);
    o.cwd = "no/such/dir";
    vb_status rc = vb_sandbox_exec(sb, "pwd", &o, &r);
    T_CHECK_MSG(rc != VB_OK || r.exit_code != 0, "[%s] exec in a missing cwd ran", backend);
    vb_sandbox_exec_result_free(&r);

    /* env */
    const char *env[] = {"FOO=bar baz", "N=42", NULL};
    vb_sandbox_exec_opts_init(&o);
    o.env = env;
    C_RC(vb_sandbox_exec(sb, "printf '%s|%s' \"$FOO\" \"$N\"", &o, &r), VB_OK);
    C_STR(r.out.data, "bar baz|42");
    vb_sandbox_exec_result_free(&r);
    /* ... for that call only */
    C_RC(vb_sandbox_exec(sb, "printf '%s' \"${FOO-unset}\"", NULL, &r), VB_OK);
    C_STR(r.out.data, "unset");
    vb_sandbox_exec_result_free(&r);

    /* stdin */
    vb_sandbox_exec_opts_init(&o);
    o.stdin_data = "hello\nworld\n";
    o.stdin_len = 12;
    C_RC(vb_sandbox_exec(sb, "cat", &o, &r), VB_OK);
    C_STR(r.out.data, "hello\nworld\n");
    vb_sandbox_exec_result_free(&r);
    C_RC(vb_sandbox_exec(sb, "wc -l", &o, &r), VB_OK);
    T_CHECK_MSG(r.out.data && atoi(r.out.data) == 2, "[%s] wc -l: %s", backend, r.out.data);
    vb_sandbox_exec_result_free(&r);
    /* No stdin: end of file at once. */
    C_RC(vb_sandbox_exec(sb, "cat; echo end", NULL, &r), VB_OK);
    C_STR(r.out.data, "end\n");
    vb_sandbox_exec_result_free(&r);
    /* Input the command does not read is not an error. */
    vb_sandbox_exec_opts_init(&o);
    static char big[1 << 20];
    memset(big, 'y', sizeof big);
    o.stdin_data = big;
    o.stdin_len = sizeof big;
    C_RC(vb_sandbox_exec(sb, "echo ignored", &o, &r), VB_OK);
    C_STR(r.out.data, "ignored\n");
    vb_sandbox_exec_result_free(&r);

    /* Binary output. */
    C_RC(vb_sandbox_exec(sb, "printf 'a\\0b'", NULL, &r), VB_OK);
    C_CHECK(r.out.len == 3 && memcmp(r.out.data, "a\0b", 3) == 0);
    vb_sandbox_exec_result_free(&r);

    /* Unknown command: 127. */
    C_RC(vb_sandbox_exec(sb, "no-such-command-xyz", NULL, &r), VB_OK);
    C_CHECK(r.exit_code == 127);
    C_CHECK(strstr(r.err.data, "command not found") != NULL);
    vb_sandbox_exec_result_free(&r);

    /* Syntax error: 2. */
    C_RC(vb_sandbox_exec(sb, "if then fi", NULL, &r), VB_OK);
    C_CHECK(r.exit_code == 2);
    C_CHECK(strstr(r.err.data, "syntax error") != NULL);
    vb_sandbox_exec_result_free(&r);

    C_RC(vb_sandbox_exec(sb, NULL, NULL, &r), VB_EINVAL);
}

static void case_timeout(vb_sandbox *sb)
{
    vb_sandbox_exec_opts o;
    vb_sandbox_exec_opts_init(&o);
    /* 1 s: a loaded machine may take a few hundred ms to start the host
     * backend's bash, which must print "before" within the deadline. */
    o.timeout_ms = 1000;
    vb_sandbox_exec_result r;
    uint64_t t0 = now_ms();
    C_RC(vb_sandbox_exec(sb, "echo before; sleep 5; echo after", &o, &r), VB_ETIMEDOUT);
    uint64_t dt = now_ms() - t0;
    C_CHECK(r.timed_out == 1);
    T_CHECK_MSG(dt < 4500, "[%s] sleep 5 with a 1 s timeout took %llu ms", backend,
                (unsigned long long)dt);
    T_CHECK_MSG(dt >= 900, "[%s] timed out after %llu ms only", backend, (unsigned long long)dt);
    C_STR(r.out.data, "before\n");
    C_CHECK(strstr(vb_sandbox_error(sb), "timed out") != NULL);
    vb_sandbox_exec_result_free(&r);

    /* A busy loop ends as well (200 ms: before the loop-count limit). */
    o.timeout_ms = 200;
    t0 = now_ms();
    C_RC(vb_sandbox_exec(sb, "while :; do :; done", &o, &r), VB_ETIMEDOUT);
    dt = now_ms() - t0;
    C_CHECK(r.timed_out == 1);
    T_CHECK_MSG(dt < 2000, "[%s] busy loop took %llu ms", backend, (unsigned long long)dt);
    vb_sandbox_exec_result_free(&r);

    /* The sandbox is usable after a timeout. */
    C_RC(vb_sandbox_exec(sb, "echo alive", NULL, &r), VB_OK);
    C_STR(r.out.data, "alive\n");
    vb_sandbox_exec_result_free(&r);
}

static void expect_paths(vb_sandbox_paths *p, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    bool same = p->n == n;
    for (size_t i = 0; same && i < n; i++)
        same = strcmp(p->paths[i], want[i]) == 0;
    if (!same) {
        char got[1024] = "";
        for (size_t i = 0; i < p->n; i++) {
            strncat(got, p->paths[i], sizeof got - strlen(got) - 2);
            strncat(got, " ", sizeof got - strlen(got) - 1);
        }
        T_CHECK_MSG(same, "[%s] glob gave: %s(%zu paths, want %zu)", backend, got, p->n, n);
    } else {
        T_CHECK(same);
    }
}

static void case_glob(vb_sandbox *sb)
{
    put(sb, "g/a.txt", "alpha\nHello world\n");
    put(sb, "g/b.txt", "beta\n");
    put(sb, "g/c.md", "hello markdown\n");
    put(sb, "g/.hidden.txt", "hello hidden\n");
    put(sb, "g/d/c.txt", "gamma\nhello again\nhello twice\n");
    put(sb, "g/d/e/f.txt", "delta\n");
    char bin[16] = "hello\0binary";
    C_RC(vb_sandbox_write_file(sb, "g/d/bin.txt", bin, sizeof bin), VB_OK);

    vb_sandbox_paths p;
    C_RC(vb_sandbox_glob(sb, "g/*.txt", NULL, &p), VB_OK);
    expect_paths(&p, (const char *[]){"g/a.txt", "g/b.txt", NULL});
    vb_sandbox_paths_free(&p);

    vb_sandbox_glob_opts go;
    vb_sandbox_glob_opts_init(&go);
    go.cwd = "g";
    C_RC(vb_sandbox_glob(sb, "*", &go, &p), VB_OK);
    expect_paths(&p, (const char *[]){"a.txt", "b.txt", "c.md", "d", NULL});
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, ".*", &go, &p), VB_OK);
    expect_paths(&p, (const char *[]){".hidden.txt", NULL});
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, "**/*.txt", &go, &p), VB_OK);
    expect_paths(&p, (const char *[]){"a.txt", "b.txt", "d/bin.txt", "d/c.txt", "d/e/f.txt",
                                      NULL});
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, "d/*", &go, &p), VB_OK);
    expect_paths(&p, (const char *[]){"d/bin.txt", "d/c.txt", "d/e", NULL});
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, "?.[tm][xd]*", &go, &p), VB_OK);
    expect_paths(&p, (const char *[]){"a.txt", "b.txt", "c.md", NULL});
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, "d/**", &go, &p), VB_OK);
    expect_paths(&p, (const char *[]){"d/bin.txt", "d/c.txt", "d/e", "d/e/f.txt", NULL});
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, "nomatch*", &go, &p), VB_OK);
    C_CHECK(p.n == 0);
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, "a.txt", &go, &p), VB_OK);
    expect_paths(&p, (const char *[]){"a.txt", NULL});
    vb_sandbox_paths_free(&p);
    C_RC(vb_sandbox_glob(sb, "missing", &go, &p), VB_OK);
    C_CHECK(p.n == 0);
    vb_sandbox_paths_free(&p);

    /* Absolute patterns give absolute paths. */
    char pat[512], want[512];
    const char *cwd = strcmp(vb_sandbox_cwd(sb), "/") ? vb_sandbox_cwd(sb) : "";
    snprintf(pat, sizeof pat, "%s/g/d/*.txt", cwd);
    snprintf(want, sizeof want, "%s/g/d/c.txt", cwd);
    C_RC(vb_sandbox_glob(sb, pat, NULL, &p), VB_OK);
    C_CHECK(p.n == 2 && strcmp(p.paths[1], want) == 0);
    vb_sandbox_paths_free(&p);

    go.limit = 2;
    C_RC(vb_sandbox_glob(sb, "**", &go, &p), VB_OK);
    C_CHECK(p.n == 2 && p.truncated);
    vb_sandbox_paths_free(&p);
}

static void case_grep(vb_sandbox *sb)
{
    /* Files from case_glob. */
    vb_sandbox_matches m;
    vb_sandbox_grep_opts o;
    vb_sandbox_grep_opts_init(&o);
    o.path = "g";
    C_RC(vb_sandbox_grep(sb, "hello", &o, &m), VB_OK);
    /* Name order, binary and dot files included only when text; the
     * capital-H line does not match case-sensitively. */
    T_CHECK_MSG(m.n == 4, "[%s] %zu matches", backend, m.n);
    if (m.n == 4) {
        C_STR(m.items[0].path, "g/.hidden.txt");
        C_STR(m.items[1].path, "g/c.md");
        C_STR(m.items[2].path, "g/d/c.txt");
        C_CHECK(m.items[2].line_number == 2);
        C_STR(m.items[2].line, "hello again");
        C_CHECK(m.items[3].line_number == 3 && m.items[3].line_len == 11);
    }
    vb_sandbox_matches_free(&m);

    o.case_sensitive = 0;
    o.glob = "*.txt";
    C_RC(vb_sandbox_grep(sb, "^HELLO", &o, &m), VB_OK);
    T_CHECK_MSG(m.n == 4, "[%s] %zu matches", backend, m.n);
    if (m.n == 4) {
        C_STR(m.items[1].path, "g/a.txt");
        C_CHECK(m.items[1].line_number == 2);
        C_STR(m.items[1].line, "Hello world");
    }
    vb_sandbox_matches_free(&m);

    o.limit = 1;
    C_RC(vb_sandbox_grep(sb, "hello", &o, &m), VB_OK);
    C_CHECK(m.n == 1 && m.truncated);
    vb_sandbox_matches_free(&m);

    /* One file; regex syntax. */
    vb_sandbox_grep_opts_init(&o);
    o.path = "g/d/c.txt";
    C_RC(vb_sandbox_grep(sb, "^(gamma|hello t\\w+)$", &o, &m), VB_OK);
    C_CHECK(m.n == 2 && m.items[0].line_number == 1 && m.items[1].line_number == 3);
    if (m.n == 2)
        C_STR(m.items[0].path, "g/d/c.txt");
    vb_sandbox_matches_free(&m);

    C_RC(vb_sandbox_grep(sb, "nothing-matches-this", &o, &m), VB_OK);
    C_CHECK(m.n == 0);
    vb_sandbox_matches_free(&m);
    C_RC(vb_sandbox_grep(sb, "(unclosed", &o, &m), VB_EINVAL);
    C_CHECK(strstr(vb_sandbox_error(sb), "missing closing parenthesis") != NULL);
    o.path = "g/none";
    C_RC(vb_sandbox_grep(sb, "x", &o, &m), VB_ENOENT);
}

static void case_mount_supported(vb_sandbox *sb)
{
    char dir[] = "/tmp/vb-contract-mnt-XXXXXX";
    if (!mkdtemp(dir)) {
        T_SKIP("mkdtemp failed");
        return;
    }
    char file[600];
    snprintf(file, sizeof file, "%s/host.txt", dir);
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("from the host\n", f);
        fclose(f);
    }
    C_RC(vb_sandbox_mount(sb, dir, "mnt", VB_MOUNT_RO), VB_OK);
    vb_bytes b;
    C_RC(vb_sandbox_read_file(sb, "mnt/host.txt", &b), VB_OK);
    C_CHECK(b.len == 14 && memcmp(b.data, "from the host\n", 14) == 0);
    vb_sandbox_bytes_free(&b);
    C_RC(vb_sandbox_write_file(sb, "mnt/new.txt", "x", 1), VB_EROFS);
    struct stat st;
    char nf[600];
    snprintf(nf, sizeof nf, "%s/new.txt", dir);
    C_CHECK(stat(nf, &st) != 0);
    C_RC(vb_sandbox_mount(sb, dir, "mnt2", (vb_mount_mode)7), VB_EINVAL);
    unlink(file);
    rmdir(dir);
}

static void run_suite(vb_sandbox *sb, bool can_mount)
{
    case_read_write(sb);
    case_edit(sb);
    case_exec(sb);
    case_timeout(sb);
    case_glob(sb);
    case_grep(sb);
    if (can_mount) {
        case_mount_supported(sb);
    } else {
        C_RC(vb_sandbox_mount(sb, "/tmp", "/mnt", VB_MOUNT_RO), VB_ENOTSUP);
        C_CHECK(strstr(vb_sandbox_error(sb), "not supported") != NULL);
    }
}

/* ------------------------------------------------------------ host only */

static int rm_tree(const char *path)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    return system(cmd);
}


static void host_confinement(vb_sandbox *sb, const char *root)
{
    vb_bytes b;
    /* ".." stops at the root. */
    C_RC(vb_sandbox_read_file(sb, "../../../../etc/passwd", &b), VB_ENOENT);
    C_RC(vb_sandbox_read_file(sb, "/../etc/passwd", &b), VB_ENOENT);
    /* Symlinks resolve inside the root, absolute or relative. */
    char link[600];
    snprintf(link, sizeof link, "%s/abs-link", root);
    C_CHECK(symlink("/etc/passwd", link) == 0);
    C_RC(vb_sandbox_read_file(sb, "abs-link", &b), VB_ENOENT);
    snprintf(link, sizeof link, "%s/rel-link", root);
    C_CHECK(symlink("../../../../../../etc", link) == 0);
    C_RC(vb_sandbox_read_file(sb, "rel-link/passwd", &b), VB_ENOENT);
    /* Writing through an escaping link never reaches outside (the link
     * resolves to a missing directory under the root). */
    snprintf(link, sizeof link, "%s/out-link", root);
    char outside[] = "/tmp/vb-contract-out-XXXXXX";
    C_CHECK(mkdtemp(outside) != NULL);
    C_CHECK(symlink(outside, link) == 0);
    C_CHECK(vb_sandbox_write_file(sb, "out-link/escaped.txt", "x", 1) != VB_OK);
    char esc[600];
    snprintf(esc, sizeof esc, "%s/escaped.txt", outside);
    struct stat st;
    T_CHECK_MSG(stat(esc, &st) != 0, "a write escaped the root to %s", esc);
    unlink(esc);
    rmdir(outside);
    /* A link that stays inside works. */
    snprintf(link, sizeof link, "%s/in-link", root);
    C_CHECK(symlink("/g/a.txt", link) == 0);
    C_RC(vb_sandbox_read_file(sb, "in-link", &b), VB_OK);
    C_CHECK(b.len == 18);
    vb_sandbox_bytes_free(&b);
    /* Glob does not leave the root either. */
    vb_sandbox_paths p;
    C_RC(vb_sandbox_glob(sb, "../*", NULL, &p), VB_OK);
    for (size_t i = 0; i < p.n; i++)
        T_CHECK_MSG(strncmp(p.paths[i], "/tmp", 4) != 0, "glob escaped: %s", p.paths[i]);
    vb_sandbox_paths_free(&p);
}

/* The portable walk (no openat2): the same suite, and every symlink is
 * refused instead of resolved inside the root. */
static void host_walk(void)
{
    backend = "host, portable walk";
    char root[] = "/tmp/vb-contract-walk-XXXXXX";
    if (!mkdtemp(root)) {
        T_SKIP("host backend (walk): mkdtemp failed");
        return;
    }
    setenv("VBASH_HOST_NO_OPENAT2", "1", 1);
    vb_sandbox_opts so;
    vb_sandbox_opts_init(&so);
    so.root = root;
    vb_sandbox *sb = NULL;
    vb_status rc = vb_sandbox_new(VB_SANDBOX_HOST, &so, &sb);
    unsetenv("VBASH_HOST_NO_OPENAT2");
    T_CHECK_MSG(rc == VB_OK, "host sandbox (walk): %s", vb_strerror(rc));
    if (sb) {
        run_suite(sb, false);
        vb_bytes b;
        C_RC(vb_sandbox_read_file(sb, "../../../../etc/passwd", &b), VB_ENOENT);
        char link[600];
        snprintf(link, sizeof link, "%s/abs-link", root);
        C_CHECK(symlink("/etc/passwd", link) == 0);
        C_RC(vb_sandbox_read_file(sb, "abs-link", &b), VB_ELOOP);
        snprintf(link, sizeof link, "%s/dir-link", root);
        C_CHECK(symlink("/etc", link) == 0);
        C_RC(vb_sandbox_read_file(sb, "dir-link/passwd", &b), VB_ENOTDIR);
        C_CHECK(vb_sandbox_write_file(sb, "dir-link/x", "x", 1) != VB_OK);
        snprintf(link, sizeof link, "%s/in-link", root);
        C_CHECK(symlink("g/a.txt", link) == 0);
        C_RC(vb_sandbox_read_file(sb, "in-link", &b), VB_ELOOP);
        vb_sandbox_free(sb);
    }
    rm_tree(root);
}

static void host_exec_limits(const char *root)
{
    vb_sandbox_opts so;
    vb_sandbox_opts_init(&so);
    so.root = root;
    so.max_output_bytes = 1000;
    so.rlimit_nofile = 64;
    vb_sandbox *sb;
    if (vb_sandbox_new(VB_SANDBOX_HOST, &so, &sb) != VB_OK) {
        T_CHECK_MSG(0, "host sandbox with limits");
        return;
    }
    vb_sandbox_exec_result r;
    C_RC(vb_sandbox_exec(sb, "head -c 5000 /dev/zero; echo tail >&2", NULL, &r), VB_OK);
    C_CHECK(r.out.len == 1000 && r.truncated);
    C_STR(r.err.data, "tail\n");
    vb_sandbox_exec_result_free(&r);
    C_RC(vb_sandbox_exec(sb, "ulimit -n", NULL, &r), VB_OK);
    C_STR(r.out.data, "64\n");
    vb_sandbox_exec_result_free(&r);
    /* The embedder's environment does not leak. */
    setenv("VB_CONTRACT_SECRET", "s3cret", 1);
    C_RC(vb_sandbox_exec(sb, "echo \"${VB_CONTRACT_SECRET-none}\"", NULL, &r), VB_OK);
    C_STR(r.out.data, "none\n");
    vb_sandbox_exec_result_free(&r);
    /* Background processes die with the command: the call returns at once. */
    uint64_t t0 = now_ms();
    C_RC(vb_sandbox_exec(sb, "sleep 30 & echo started", NULL, &r), VB_OK);
    C_STR(r.out.data, "started\n");
    T_CHECK_MSG(now_ms() - t0 < 2000, "background sleep held exec for %llu ms",
                (unsigned long long)(now_ms() - t0));
    vb_sandbox_exec_result_free(&r);
    /* Killed by a signal: 128+N. */
    C_RC(vb_sandbox_exec(sb, "kill -TERM $$", NULL, &r), VB_OK);
    C_CHECK(r.exit_code == 128 + 15);
    vb_sandbox_exec_result_free(&r);
    vb_sandbox_free(sb);

    /* A missing root. */
    so.root = "/nonexistent/vbash/root";
    C_CHECK(vb_sandbox_new(VB_SANDBOX_HOST, &so, &sb) == VB_ENOENT && sb == NULL);
    so.root = NULL;
    C_CHECK(vb_sandbox_new(VB_SANDBOX_HOST, &so, &sb) == VB_EINVAL && sb == NULL);
}

int main(void)
{
    /* virtual */
    backend = "virtual";
    vb_sandbox *sb = NULL;
    vb_status rc = vb_sandbox_new(VB_SANDBOX_VIRTUAL, NULL, &sb);
    T_CHECK_MSG(rc == VB_OK, "virtual sandbox: %s", vb_strerror(rc));
    if (sb) {
        C_STR(vb_sandbox_backend_name(sb), "virtual");
        C_CHECK(vb_sandbox_session(sb) != NULL);
        C_STR(vb_sandbox_cwd(sb), "/home/user");
        run_suite(sb, true);
        vb_sandbox_free(sb);
    }

    /* virtual over a session the caller lends: not freed with the sandbox */
    backend = "virtual, lent session";
    vb_session *lent = NULL;
    if (vb_session_new(NULL, &lent) == VB_OK) {
        vb_sandbox_opts so;
        vb_sandbox_opts_init(&so);
        so.session = lent;
        so.cwd = "/tmp";
        sb = NULL;
        C_RC(vb_sandbox_new(VB_SANDBOX_VIRTUAL, &so, &sb), VB_OK);
        if (sb) {
            C_CHECK(vb_sandbox_session(sb) == lent);
            put(sb, "lent.txt", "shared\n");
            vb_sandbox_free(sb);
        }
        vb_result r;
        vb_exec_opts eo;
        vb_exec_opts_init(&eo);
        T_CHECK(vb_exec(lent, "cat /tmp/lent.txt", 17, &eo, &r) == VB_OK);
        T_EQ_STR(r.out.data, "shared\n");
        vb_result_free(&r);
        vb_session_free(lent);
    } else {
        T_CHECK_MSG(0, "vb_session_new failed");
    }
    /* A cwd that does not exist is refused at creation. */
    vb_sandbox_opts bad;
    vb_sandbox_opts_init(&bad);
    bad.cwd = "/no/such/dir";
    sb = NULL;
    T_CHECK(vb_sandbox_new(VB_SANDBOX_VIRTUAL, &bad, &sb) == VB_ENOENT && sb == NULL);
    T_CHECK(vb_sandbox_new((vb_sandbox_kind)42, NULL, &sb) == VB_EINVAL && sb == NULL);

    /* host */
    backend = "host";
    char root[] = "/tmp/vb-contract-XXXXXX";
    if (!mkdtemp(root)) {
        T_SKIP("host backend: mkdtemp failed");
    } else {
        vb_sandbox_opts so;
        vb_sandbox_opts_init(&so);
        so.root = root;
        sb = NULL;
        rc = vb_sandbox_new(VB_SANDBOX_HOST, &so, &sb);
        T_CHECK_MSG(rc == VB_OK, "host sandbox: %s", vb_strerror(rc));
        if (sb) {
            C_STR(vb_sandbox_backend_name(sb), "host");
            C_CHECK(vb_sandbox_session(sb) == NULL);
            C_STR(vb_sandbox_cwd(sb), "/");
            run_suite(sb, false);
            host_confinement(sb, root);
            vb_sandbox_free(sb);
        }
        host_exec_limits(root);
        rm_tree(root);
    }
    host_walk();
    vb_sandbox_free(NULL);
    return T_DONE();
}
