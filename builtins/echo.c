/*
 * echo: bash's echo builtin. -n (no newline), -e (backslash escapes),
 * -E (no escapes, the default); options only when every letter of the word
 * is one of n, e, E (so "-x" and "--" are printed). Escapes with -e: \a \b
 * \c (stop all output) \e \E \f \n \r \t \v \\ \0NNN \xHH \uHHHH
 * \UHHHHHHHH. With shopt xpg_echo (seen in BASHOPTS) escapes are on
 * unless -E. Reference: bash 5.2.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_esc.h"

VB_BUILTIN("echo", bi_echo, BI_SHELL)
int bi_echo(vb_cmd *cmd);

static bool echo__is_opt(const char *a)
{
    if (a[0] != '-' || a[1] == '\0')
        return false;
    for (const char *p = a + 1; *p; p++)
        if (*p != 'n' && *p != 'e' && *p != 'E')
            return false;
    return true;
}

/* shopt xpg_echo: BASHOPTS holds it among colon-separated names */
static bool echo__xpg(vb_cmd *cmd)
{
    const char *o = bi_getvar(cmd, "BASHOPTS");
    const char *p = o ? strstr(o, "xpg_echo") : NULL;
    return p && (p == o || p[-1] == ':') && (p[8] == '\0' || p[8] == ':');
}

int bi_echo(vb_cmd *cmd)
{
    bool nl = true, esc = echo__xpg(cmd);
    int i = 1;
    for (; i < cmd->argc && echo__is_opt(cmd->argv[i]); i++) {
        for (const char *p = cmd->argv[i] + 1; *p; p++) {
            if (*p == 'n')
                nl = false;
            else if (*p == 'e')
                esc = true;
            else
                esc = false;
        }
    }
    for (; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (esc) {
            vbuf b;
            vbuf_init(&b, cmd->heap);
            bool stop = tx_unescape(&b, a, strlen(a), TX_ESC_ECHO);
            bi_out(cmd, b.data ? b.data : "", b.len);
            vbuf_free(&b);
            if (stop)
                return bi_done(cmd, 0);
        } else {
            bi_outs(cmd, a);
        }
        if (i + 1 < cmd->argc)
            bi_outc(cmd, ' ');
    }
    if (nl)
        bi_outc(cmd, '\n');
    return bi_done(cmd, 0);
}
