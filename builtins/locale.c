/*
 * locale: the session's locale settings from LANG, LANGUAGE, LC_* and
 * LC_ALL as glibc's locale prints them; -a (the locales the sandbox
 * knows: C, C.utf8, POSIX), -m (UTF-8, ANSI_X3.4-1968), "locale charmap".
 * Reference: glibc 2.36 locale. Deviation: other keywords (-k, category
 * names) are not supported.
 */
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/text_util.h"

VB_BUILTIN("locale", bi_locale, BI_UTIL)

static const char *const lc_cats[] = {
    "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES",
    "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT",
    "LC_IDENTIFICATION", NULL,
};

static const char *lc__get(vb_cmd *cmd, const char *name)
{
    const char *v = bi_getvar(cmd, name);
    return v && *v ? v : NULL;
}

int bi_locale(vb_cmd *cmd)
{
    int i = 1;
    bool list = false, maps = false;
    for (; i < cmd->argc && cmd->argv[i][0] == '-'; i++) {
        const char *a = cmd->argv[i];
        if (!strcmp(a, "-a") || !strcmp(a, "--all-locales"))
            list = true;
        else if (!strcmp(a, "-m") || !strcmp(a, "--charmaps"))
            maps = true;
        else if (!strcmp(a, "--")) {
            i++;
            break;
        } else {
            if (a[1] == '-')
                bi_err(cmd, "unrecognized option '%s'", a);
            else
                bi_err(cmd, "invalid option -- '%c'", a[1]);
            static const char t[] = "Try `locale --help' or `locale --usage' for more information.\n";
            bi_errw(cmd, t, sizeof t - 1);
            return 64;
        }
    }
    if (list) {
        bi_outs(cmd, "C\nC.utf8\nPOSIX\n");
        return bi_done(cmd, 0);
    }
    if (maps) {
        bi_outs(cmd, "ANSI_X3.4-1968\nUTF-8\n");
        return bi_done(cmd, 0);
    }
    if (i < cmd->argc) {
        int status = 0;
        for (; i < cmd->argc; i++) {
            if (!strcmp(cmd->argv[i], "charmap"))
                bi_outs(cmd, tx_utf8_locale(cmd) ? "UTF-8\n" : "ANSI_X3.4-1968\n");
            else {
                bi_err(cmd, "unknown name \"%s\"", cmd->argv[i]);
                status = 1;
            }
        }
        return bi_done(cmd, status);
    }
    const char *lang = lc__get(cmd, "LANG"), *all = lc__get(cmd, "LC_ALL");
    const char *language = bi_getvar(cmd, "LANGUAGE");
    bi_outf(cmd, "LANG=%s\n", lang ? lang : "");
    bi_outf(cmd, "LANGUAGE=%s\n", language ? language : "");
    for (int k = 0; lc_cats[k]; k++) {
        const char *own = lc__get(cmd, lc_cats[k]);
        if (own && !all)
            bi_outf(cmd, "%s=%s\n", lc_cats[k], own);
        else
            bi_outf(cmd, "%s=\"%s\"\n", lc_cats[k], all ? all : lang ? lang : "POSIX");
    }
    bi_outf(cmd, "LC_ALL=%s\n", all ? all : "");
    return bi_done(cmd, 0);
}
