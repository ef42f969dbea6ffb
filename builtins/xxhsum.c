/*
 * xxhsum: xxHash checksums (libxxhash). -H0 XXH32, -H1 XXH64 (default),
 * -H2 XXH128, -H3 XXH3-64 (BSD style line, as xxhsum prints it), --tag,
 * -c FILE with --quiet / --status / --strict. Standard input is named
 * "stdin". Reference: xxhsum 0.8.1. Deviations: benchmark mode (-b) is
 * not supported; error messages follow the coreutils checksum tools.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("xxhsum", bi_xxhsum, BI_UTIL)

static const char xxhsum_help[] =
    "Usage: xxhsum [options] [files]\n"
    "\n"
    "Print or check xxHash checksums.\n"
    "When no filename provided or when '-' is provided, uses stdin as input.\n"
    "\n"
    "Options:\n"
    "  -H#          select an xxhash algorithm (default: 1)\n"
    "               0: XXH32\n"
    "               1: XXH64\n"
    "               2: XXH128 (also called XXH3_128bits)\n"
    "               3: XXH3 (also called XXH3_64bits)\n"
    "  -c, --check  read xxHash checksums from [files] and check them\n"
    "      --tag    produce BSD-style checksum lines\n"
    "  -h, --help   display this help and exit\n";

/* Hash of a stream as text; false on a read error. */
static bool xh__hash(vb_cmd *cmd, stream *s, int algo, char *out, size_t cap)
{
    XXH32_state_t *s32 = algo == 0 ? XXH32_createState() : NULL;
    XXH64_state_t *s64 = algo == 1 ? XXH64_createState() : NULL;
    XXH3_state_t *s3 = algo >= 2 ? XXH3_createState() : NULL;
    if (s32)
        XXH32_reset(s32, 0);
    if (s64)
        XXH64_reset(s64, 0);
    if (s3) {
        if (algo == 2)
            XXH3_128bits_reset(s3);
        else
            XXH3_64bits_reset(s3);
    }
    char *buf = mem_alloc(cmd->heap, 65536);
    bool ok = buf != NULL;
    while (ok) {
        ssize_t n = tx_read(cmd, s, NULL, buf, 65536, TX_PLAIN);
        if (n < 0)
            ok = false;
        if (n <= 0)
            break;
        if (s32) XXH32_update(s32, buf, (size_t)n);
        if (s64) XXH64_update(s64, buf, (size_t)n);
        if (s3 && algo == 2) XXH3_128bits_update(s3, buf, (size_t)n);
        if (s3 && algo == 3) XXH3_64bits_update(s3, buf, (size_t)n);
    }
    if (ok) {
        if (s32)
            snprintf(out, cap, "%08x", XXH32_digest(s32));
        else if (s64)
            snprintf(out, cap, "%016llx", (unsigned long long)XXH64_digest(s64));
        else if (algo == 2) {
            XXH128_hash_t h = XXH3_128bits_digest(s3);
            snprintf(out, cap, "%016llx%016llx", (unsigned long long)h.high64, (unsigned long long)h.low64);
        } else {
            snprintf(out, cap, "%016llx", (unsigned long long)XXH3_64bits_digest(s3));
        }
    }
    if (s32) XXH32_freeState(s32);
    if (s64) XXH64_freeState(s64);
    if (s3) XXH3_freeState(s3);
    mem_free(cmd->heap, buf);
    return ok;
}

static const char *const xh_tags[] = {"XXH32", "XXH64", "XXH128", "XXH3"};

static void xh__line(vb_cmd *cmd, int algo, bool tag, const char *hash, const char *name)
{
    if (tag || algo == 3)
        bi_outf(cmd, "%s (%s) = %s\n", xh_tags[algo], name, hash);
    else
        bi_outf(cmd, "%s  %s\n", hash, name);
}

int bi_xxhsum(vb_cmd *cmd)
{
    int algo = 1;
    bool tag = false, check = false, quiet = false, status_only = false, strict = false;
    int i = 1;
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "--tag")) tag = true;
        else if (!strcmp(a, "--check") || !strcmp(a, "-c")) check = true;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) quiet = true;
        else if (!strcmp(a, "--status")) status_only = true;
        else if (!strcmp(a, "--strict")) strict = true;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            bi_outs(cmd, xxhsum_help);
            return bi_done(cmd, 0);
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            bi_outs(cmd, "xxhsum " BI_VERSION_TEXT);
            return bi_done(cmd, 0);
        } else if (a[1] == 'H' && a[2] >= '0' && a[2] <= '3' && !a[3]) {
            algo = a[2] - '0';
        } else {
            bi_errw(cmd, xxhsum_help, sizeof xxhsum_help - 1);
            return 1;
        }
    }
    char *dash[1] = {(char *)"-"};
    int n = cmd->argc - i;
    char **ops = n ? cmd->argv + i : dash;
    if (!n)
        n = 1;
    int status = 0;
    char hash[64];
    for (int k = 0; k < n && !bi_out_failed(cmd); k++) {
        const char *shown = strcmp(ops[k], "-") ? ops[k] : "stdin";
        int err = 0;
        stream *s = bi_open_read(cmd, ops[k], &err);
        if (!s) {
            bi_err(cmd, "%s: %s", fs_qf(cmd, ops[k]), vb_strerror(err));
            status = 1;
            continue;
        }
        if (!check) {
            if (xh__hash(cmd, s, algo, hash, sizeof hash))
                xh__line(cmd, algo, tag, hash, shown);
            else
                status = 1;
            stream_unref(s);
            continue;
        }
        /* -c: lines "HASH  NAME" or "ALGO (NAME) = HASH". */
        bi_reader r;
        bi_reader_init(&r, cmd, s);
        const char *rec;
        size_t len;
        uint64_t bad = 0, failed = 0, unreadable = 0;
        while (bi_getrec(&r, '\n', &rec, &len) > 0) {
            char *line = mem_strndup(cmd->heap, rec, len && rec[len - 1] == '\n' ? len - 1 : len);
            if (!line)
                break;
            char *h = NULL, *name = NULL;
            int a = -1;
            for (int t = 0; t < 4 && a < 0; t++) {
                size_t tl = strlen(xh_tags[t]);
                if (!strncmp(line, xh_tags[t], tl) && !strncmp(line + tl, " (", 2)) {
                    char *eq = strstr(line, ") = ");
                    if (eq) {
                        *eq = '\0';
                        name = line + tl + 2;
                        h = eq + 4;
                        a = t;
                    }
                }
            }
            if (a < 0) {
                char *sp = strstr(line, "  ");
                if (sp) {
                    *sp = '\0';
                    h = line;
                    name = sp + 2;
                    size_t hl = strlen(h);
                    a = hl == 8 ? 0 : hl == 16 ? 1 : hl == 32 ? 2 : -1;
                }
            }
            if (a < 0 || !*name) {
                bad++;
                continue;
            }
            int e = 0;
            stream *fs = bi_open_read(cmd, name, &e);
            if (!fs || !xh__hash(cmd, fs, a, hash, sizeof hash)) {
                if (fs)
                    stream_unref(fs);
                unreadable++;
                if (!status_only)
                    bi_err(cmd, "%s: %s", fs_qf(cmd, name), vb_strerror(e ? e : VB_EIO));
                continue;
            }
            stream_unref(fs);
            bool ok = strcasecmp(hash, h) == 0;
            if (!ok)
                failed++;
            if (!status_only && (!ok || !quiet))
                bi_outf(cmd, "%s: %s\n", name, ok ? "OK" : "FAILED");
        }
        bi_reader_free(&r);
        stream_unref(s);
        if (!status_only) {
            if (bad)
                bi_err(cmd, "WARNING: %llu line%s improperly formatted", (unsigned long long)bad,
                       bad == 1 ? " is" : "s are");
            if (failed)   /* xxhsum reports this one on stdout */
                bi_outf(cmd, "%llu computed checksum%s did NOT match\n", (unsigned long long)failed,
                        failed == 1 ? "" : "s");
        }
        if (failed || unreadable || (strict && bad))
            status = 1;
    }
    return bi_done(cmd, status);
}
