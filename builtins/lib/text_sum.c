/* md5sum / sha*sum / b2sum engine: see text_sum.h. */
#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_sum.h"
#include "builtins/lib/text_util.h"

tx_crypto_api tx_crypto;

static pthread_once_t tx__crypto_once = PTHREAD_ONCE_INIT;
static int tx__crypto_rc = -1;

static const struct {
    const char *sym;
    size_t off;
} tx__crypto_syms[] = {
#define S(name, field) {name, offsetof(tx_crypto_api, field)}
    S("EVP_get_digestbyname", get_digestbyname),
    S("EVP_MD_CTX_new", md_ctx_new),
    S("EVP_DigestInit_ex", digest_init_ex),
    S("EVP_DigestUpdate", digest_update),
    S("EVP_DigestFinal_ex", digest_final_ex),
    S("EVP_MD_CTX_free", md_ctx_free),
    S("BN_new", bn_new),
    S("BN_free", bn_free),
    S("BN_CTX_new", bn_ctx_new),
    S("BN_CTX_free", bn_ctx_free),
    S("BN_dec2bn", bn_dec2bn),
    S("BN_bn2dec", bn_bn2dec),
    S("BN_is_zero", bn_is_zero),
    S("BN_cmp", bn_cmp),
    S("BN_add", bn_add),
    S("BN_sub", bn_sub),
    S("BN_mul", bn_mul),
    S("BN_div", bn_div),
    S("CRYPTO_free", crypto_free),
#undef S
};

static void tx__crypto_do_load(void)
{
    /* VB_NO_LIBCRYPTO=1 simulates a host without libcrypto (tests). */
    const char *off = getenv("VB_NO_LIBCRYPTO");
    if (off && *off && *off != '0')
        return;
    void *h = dlopen(TX_CRYPTO_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    tx_crypto_api api;
    for (size_t i = 0; i < sizeof tx__crypto_syms / sizeof tx__crypto_syms[0]; i++) {
        void *f = dlsym(h, tx__crypto_syms[i].sym);
        if (!f) {
            dlclose(h);
            return;
        }
        memcpy((char *)&api + tx__crypto_syms[i].off, &f, sizeof f);
    }
    tx_crypto = api;
    tx__crypto_rc = 0;
}

int tx_crypto_load(void)
{
    pthread_once(&tx__crypto_once, tx__crypto_do_load);
    return tx__crypto_rc;
}

int tx_crypto_check(vb_cmd *cmd)
{
    if (tx_crypto_load() == 0)
        return 0;
    return bi_err(cmd, "%s not available", TX_CRYPTO_SONAME);
}

int tx_digest_stream(vb_cmd *cmd, const tx_digest_algo *algo, stream *s, unsigned char *out)
{
    if (tx_crypto_load() < 0)
        return VB_ENOSYS;
    const EVP_MD *md = tx_crypto.get_digestbyname(algo->evp);
    if (!md)
        return VB_ENOSYS;
    EVP_MD_CTX *ctx = tx_crypto.md_ctx_new();
    if (!ctx)
        return VB_ENOMEM;
    char *buf = mem_alloc(cmd->heap, 65536);
    int rc = buf && tx_crypto.digest_init_ex(ctx, md, NULL) == 1 ? 0 : VB_ENOMEM;
    while (rc == 0) {
        ssize_t n = tx_read(cmd, s, NULL, buf, 65536, TX_PLAIN);
        if (n < 0) {
            rc = (int)n;
            break;
        }
        if (n == 0)
            break;
        tx_crypto.digest_update(ctx, buf, (size_t)n);
    }
    unsigned int len = 0;
    if (rc == 0)
        tx_crypto.digest_final_ex(ctx, out, &len);
    tx_crypto.md_ctx_free(ctx);
    mem_free(cmd->heap, buf);
    return rc;
}

static bool tx__needs_escape(const char *name)
{
    return strchr(name, '\\') || strchr(name, '\n') || strchr(name, '\r');
}

static void tx__escaped_name(vb_cmd *cmd, const char *name)
{
    for (const char *p = name; *p; p++) {
        if (*p == '\\')
            bi_outs(cmd, "\\\\");
        else if (*p == '\n')
            bi_outs(cmd, "\\n");
        else if (*p == '\r')
            bi_outs(cmd, "\\r");
        else
            bi_outc(cmd, *p);
    }
}

void tx_digest_line(vb_cmd *cmd, const tx_digest_algo *algo, const unsigned char *d,
                    const char *name, bool tag, bool binary, char eol)
{
    bool esc = eol == '\n' && tx__needs_escape(name);
    if (esc)
        bi_outc(cmd, '\\');
    if (tag) {
        bi_outf(cmd, "%s (", algo->tag);
        if (esc)
            tx__escaped_name(cmd, name);
        else
            bi_outs(cmd, name);
        bi_outs(cmd, ") = ");
    }
    for (size_t i = 0; i < algo->bytes; i++)
        bi_outf(cmd, "%02x", d[i]);
    if (!tag) {
        bi_outc(cmd, ' ');
        bi_outc(cmd, binary ? '*' : ' ');
        if (esc)
            tx__escaped_name(cmd, name);
        else
            bi_outs(cmd, name);
    }
    bi_outc(cmd, eol);
}

/* Undoes the name escaping of a checksum line; false if invalid. */
static bool tx__unescape_name(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p != '\\') {
            *o++ = *p;
            continue;
        }
        p++;
        if (*p == '\\')
            *o++ = '\\';
        else if (*p == 'n')
            *o++ = '\n';
        else if (*p == 'r')
            *o++ = '\r';
        else
            return false;
    }
    *o = '\0';
    return true;
}

static bool tx__hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* Parses one checksum line: *hex and *name point into line (modified). */
static bool tx__parse_line(const tx_digest_algo *algo, char *line, char **hex, char **name)
{
    bool esc = false;
    if (*line == '\\') {
        esc = true;
        line++;
    }
    size_t tl = strlen(algo->tag);
    size_t hl = algo->bytes * 2;
    if (!strncmp(line, algo->tag, tl) && (line[tl] == ' ' || line[tl] == '(')) {
        /* BSD: ALGO (NAME) = HASH */
        char *p = line + tl;
        if (*p == ' ')
            p++;
        if (*p != '(')
            return false;
        p++;
        char *eq = strstr(p, ") = ");
        char *last = NULL;
        while (eq) {
            last = eq;
            eq = strstr(eq + 1, ") = ");
        }
        if (!last)
            return false;
        *last = '\0';
        char *h = last + 4;
        if (strlen(h) != hl || !tx__hex(h, hl))
            return false;
        *hex = h;
        *name = p;
    } else {
        if (strlen(line) < hl + 2 || !tx__hex(line, hl))
            return false;
        char *p = line + hl;
        if (*p != ' ')
            return false;
        p++;
        if (*p != ' ' && *p != '*')
            return false;
        p++;
        line[hl] = '\0';
        *hex = line;
        *name = p;
    }
    if (esc && !tx__unescape_name(*name))
        return false;
    return **name != '\0';
}

typedef struct tx_sum_opts {
    bool binary, tag, check, quiet, status, strict, warn, ignore_missing, zero;
} tx_sum_opts;

static int tx__check_file(vb_cmd *cmd, const tx_digest_algo *algo, const tx_sum_opts *op,
                          const char *file)
{
    int err = 0;
    stream *s = bi_open_read(cmd, file, &err);
    if (!s)
        return tx_open_error(cmd, file, err, TX_PLAIN);
    bi_reader r;
    bi_reader_init(&r, cmd, s);
    const char *rec;
    size_t len;
    int rc;
    uint64_t lineno = 0, bad_format = 0, bad_sum = 0, unreadable = 0, good = 0;
    bool any_properly = false;
    unsigned char d[EVP_MAX_MD_SIZE];
    const char *shown = strcmp(file, "-") ? file : "standard input";
    while ((rc = bi_getrec(&r, '\n', &rec, &len)) > 0) {
        lineno++;
        char *line = mem_strndup(cmd->heap, rec, len);
        if (!line)
            break;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\n')
            line[--l] = '\0';
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (line[0] == '#') {
            mem_free(cmd->heap, line);
            continue;
        }
        char *hex, *name;
        if (!tx__parse_line(algo, line, &hex, &name)) {
            bad_format++;
            if (op->warn)
                bi_err(cmd, "%s: %llu: improperly formatted %s checksum line", fs_qf(cmd, shown),
                       (unsigned long long)lineno, algo->tag);
            mem_free(cmd->heap, line);
            continue;
        }
        any_properly = true;
        int e = 0;
        stream *fs = bi_open_read(cmd, name, &e);
        int drc = fs ? tx_digest_stream(cmd, algo, fs, d) : e;
        if (fs)
            stream_unref(fs);
        if (drc < 0) {
            if (drc == VB_ENOENT && op->ignore_missing) {
                mem_free(cmd->heap, line);
                continue;
            }
            bi_errno(cmd, fs_qf(cmd, name), drc);
            unreadable++;
            if (!op->status)
                bi_outf(cmd, "%s: FAILED open or read\n", name);
        } else {
            char got[EVP_MAX_MD_SIZE * 2 + 1];
            for (size_t i = 0; i < algo->bytes; i++)
                snprintf(got + 2 * i, 3, "%02x", d[i]);
            bool ok = strncasecmp(got, hex, algo->bytes * 2) == 0;
            if (ok) {
                good++;
                if (!op->quiet && !op->status)
                    bi_outf(cmd, "%s: OK\n", name);
            } else {
                bad_sum++;
                if (!op->status)
                    bi_outf(cmd, "%s: FAILED\n", name);
            }
        }
        mem_free(cmd->heap, line);
        if (bi_cancelled(cmd))
            break;
    }
    bi_reader_free(&r);
    stream_unref(s);
    if (rc < 0)
        return tx_read_error(cmd, file, rc, TX_PLAIN);
    if (!any_properly) {
        bi_err(cmd, "%s: no properly formatted checksum lines found", fs_qf(cmd, shown));
        return 1;
    }
    if (!op->status) {
        if (bad_format)
            bi_err(cmd, "WARNING: %llu line%s improperly formatted", (unsigned long long)bad_format,
                   bad_format == 1 ? " is" : "s are");
        if (unreadable)
            bi_err(cmd, "WARNING: %llu listed file%s could not be read", (unsigned long long)unreadable,
                   unreadable == 1 ? "" : "s");
        if (bad_sum)
            bi_err(cmd, "WARNING: %llu computed checksum%s did NOT match", (unsigned long long)bad_sum,
                   bad_sum == 1 ? "" : "s");
    }
    if (op->ignore_missing && !good && !bad_sum && !unreadable) {
        bi_err(cmd, "%s: no file was verified", fs_qf(cmd, shown));
        return 1;
    }
    return bad_sum || unreadable || (op->strict && bad_format) ? 1 : 0;
}

enum { SUM_TAG = 256, SUM_QUIET, SUM_STATUS, SUM_STRICT, SUM_IGNMISS };

int tx_digest_main(vb_cmd *cmd, const tx_digest_algo *algo, const char *help, bool is_b2sum)
{
    static const bi_longopt longs[] = {
        {"binary", 0, 'b'}, {"check", 0, 'c'}, {"tag", 0, SUM_TAG}, {"text", 0, 't'},
        {"zero", 0, 'z'}, {"ignore-missing", 0, SUM_IGNMISS}, {"quiet", 0, SUM_QUIET},
        {"status", 0, SUM_STATUS}, {"strict", 0, SUM_STRICT}, {"warn", 0, 'w'},
        {"length", 1, 'l'}, {0},
    };
    tx_sum_opts op = {0};
    bi_opt o;
    bi_opt_init(&o, cmd, is_b2sum ? "bcl:twz" : "bctwz", longs, help);
    int c;
    bool text_given = false;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'b': op.binary = true; break;
        case 't': op.binary = false; text_given = true; break;
        case 'c': op.check = true; break;
        case 'z': op.zero = true; break;
        case 'w': op.warn = true; op.status = op.quiet = false; break;
        case SUM_TAG: op.tag = true; break;
        case SUM_QUIET: op.quiet = true; op.status = op.warn = false; break;
        case SUM_STATUS: op.status = true; op.warn = op.quiet = false; break;
        case SUM_STRICT: op.strict = true; break;
        case SUM_IGNMISS: op.ignore_missing = true; break;
        case 'l': {
            if (!is_b2sum)
                return bi_usage(cmd, 1, "unrecognized option '--length'");
            int64_t v;
            if (bi_parse_i64(o.arg, &v) != 0 || v < 0) {
                bi_err(cmd, "invalid length: %s", fs_lq(cmd, o.arg));
                return 1;
            }
            if (v % 8) {
                bi_err(cmd, "invalid length: %s", fs_lq(cmd, o.arg));
                bi_err(cmd, "length is not a multiple of 8");
                return 1;
            }
            if (v > 512) {
                bi_err(cmd, "invalid length: %s", fs_lq(cmd, o.arg));
                bi_err(cmd, "maximum digest length for %s is 512 bits", fs_lq(cmd, "BLAKE2b"));
                return 1;
            }
            if (v != 0 && v != 512) {
                bi_err(cmd, "--length other than 512 is not supported in the sandbox");
                return 1;
            }
            break;
        }
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (op.tag && op.check)
        return bi_usage(cmd, 1, "the --tag option is meaningless when verifying checksums");
    if (op.tag && text_given)
        return bi_usage(cmd, 1, "--tag does not support --text mode");
    if (op.zero && op.check)
        return bi_usage(cmd, 1, "the --zero option is not supported when verifying checksums");
    if (!op.check) {
        if (op.ignore_missing)
            return bi_usage(cmd, 1, "the --ignore-missing option is meaningful only when verifying checksums");
        if (op.status)
            return bi_usage(cmd, 1, "the --status option is meaningful only when verifying checksums");
        if (op.warn)
            return bi_usage(cmd, 1, "the --warn option is meaningful only when verifying checksums");
        if (op.quiet)
            return bi_usage(cmd, 1, "the --quiet option is meaningful only when verifying checksums");
        if (op.strict)
            return bi_usage(cmd, 1, "the --strict option is meaningful only when verifying checksums");
    }
    if (tx_crypto_check(cmd))
        return 1;
    int n = cmd->argc - o.ind;
    char **ops = cmd->argv + o.ind;
    char *dash[1] = {(char *)"-"};
    if (n == 0) {
        n = 1;
        ops = dash;
    }
    int status = 0;
    unsigned char d[EVP_MAX_MD_SIZE];
    for (int i = 0; i < n && !bi_out_failed(cmd); i++) {
        if (op.check) {
            if (tx__check_file(cmd, algo, &op, ops[i]))
                status = 1;
            continue;
        }
        int err = 0;
        stream *s = bi_open_read(cmd, ops[i], &err);
        if (!s) {
            status = tx_open_error(cmd, ops[i], err, TX_PLAIN);
            continue;
        }
        int rc = tx_digest_stream(cmd, algo, s, d);
        stream_unref(s);
        if (rc < 0) {
            status = tx_read_error(cmd, ops[i], rc, TX_PLAIN);
            continue;
        }
        tx_digest_line(cmd, algo, d, ops[i], op.tag, op.binary, op.zero ? '\0' : '\n');
    }
    return bi_done(cmd, status);
}
