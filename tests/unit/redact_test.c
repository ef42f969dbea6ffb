/*
 * Secrets of a session's network policy never reach the embedder: not in
 * captured stdout/stderr (also split across writes), not in files read back
 * through the sandbox contract.
 */
#include <string.h>

#include "tests/unit/t.h"
#include "vbash/net.h"
#include "vbash/sandbox.h"
#include "vbash/vbash.h"
#include "vbash/vfs.h"

static const char secret[] = "s3cr3t-t0ken-value";

int main(void)
{
    vb_net_policy *p;
    T_EQ_INT(vb_net_policy_new(&p), VB_OK);
    const char *globs[] = {"api.example.com"};
    T_EQ_INT(vb_net_policy_add_secret(p, "TOKEN", secret, strlen(secret), globs, 1, NULL, NULL), VB_OK);

    vb_config cfg;
    vb_config_init(&cfg);
    cfg.net = p;
    vb_session *s;
    T_EQ_INT(vb_session_new(&cfg, &s), VB_OK);

    /* the script learns the value some other way and prints it, in pieces */
    const char *script = "printf 's3cr3t-'; printf 't0ken-value\\n'; echo s3cr3t-t0ken-value >&2;"
                         "printf 'x s3cr3t-t0ken-value y\\n' > /tmp/f";
    vb_result r;
    T_EQ_INT(vb_exec(s, script, strlen(script), NULL, &r), VB_OK);
    T_CHECK(strstr(r.out.data, secret) == NULL);
    T_CHECK(strstr(r.out.data, "[REDACTED:TOKEN]") != NULL);
    T_CHECK(strstr(r.err.data, secret) == NULL);
    T_CHECK(strstr(r.err.data, "[REDACTED:TOKEN]") != NULL);
    vb_result_free(&r);

    vb_sandbox_opts o;
    vb_sandbox_opts_init(&o);
    o.session = s;
    vb_sandbox *sb;
    T_EQ_INT(vb_sandbox_new(VB_SANDBOX_VIRTUAL, &o, &sb), VB_OK);
    vb_bytes b = {0};
    T_EQ_INT(vb_sandbox_read_file(sb, "/tmp/f", &b), VB_OK);
    T_CHECK(b.data && strstr(b.data, secret) == NULL);
    T_CHECK(b.data && strcmp(b.data, "x [REDACTED:TOKEN] y\n") == 0);
    vb_sandbox_bytes_free(&b);
    vb_sandbox_free(sb);

    vb_session_free(s);
    vb_net_policy_free(p);
    return T_DONE();
}
