/*
 * hostname: show the session's host name (vb_config.hostname). -s (short),
 * -f (as given), -d (the domain part). Setting the name is refused as for
 * an unprivileged user. Reference: net-tools hostname 2.10 (Debian).
 */
#include <string.h>

#include "builtins/lib/bi.h"

VB_BUILTIN("hostname", bi_hostname, BI_UTIL)

static const char hostname_help[] =
    "Usage: hostname [-s|-f|-d]\n"
    "Show the system's host name.\n"
    "  -s, --short            short host name\n"
    "  -f, --fqdn, --long     long host name (FQDN)\n"
    "  -d, --domain           DNS domain name\n";

int bi_hostname(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"short", 0, 's'}, {"fqdn", 0, 'f'}, {"long", 0, 'f'}, {"domain", 0, 'd'}, {0},
    };
    int mode = 0;
    bi_opt o;
    bi_opt_init(&o, cmd, "sfd", longs, hostname_help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 's': case 'f': case 'd': mode = c; break;
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        default: return o.status;
        }
    }
    if (o.ind < cmd->argc)
        return bi_err(cmd, "you must be root to change the host name");
    const char *h = cmd->ops && cmd->ops->info ? cmd->ops->info(cmd->shell, "hostname") : NULL;
    if (!h)
        h = "vbash";
    const char *dot = strchr(h, '.');
    if (mode == 's')
        bi_out(cmd, h, dot ? (size_t)(dot - h) : strlen(h));
    else if (mode == 'd')
        bi_outs(cmd, dot ? dot + 1 : "");
    else
        bi_outs(cmd, h);
    bi_outc(cmd, '\n');
    return bi_done(cmd, 0);
}
