/*
 * chgrp: change group ownership. Reference: GNU coreutils 9 chgrp.
 * GROUP by name or number, -c -f -v -h -R -H -L -P --dereference --from
 * --reference --preserve-root, with the session's virtual groups
 * (/etc/group in the VFS). Engine: builtins/lib/fs_chown.c.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/fs_chown.h"

VB_BUILTIN("chgrp", bi_chgrp, BI_UTIL)
int bi_chgrp(vb_cmd *cmd);

static const char chgrp__help[] =
    "Usage: chgrp [OPTION]... GROUP FILE...\n"
    "  or:  chgrp [OPTION]... --reference=RFILE FILE...\n"
    "Change the group of each FILE to GROUP.\n"
    "With --reference, change the group of each FILE to that of RFILE.\n"
    "\n"
    "  -c, --changes          like verbose but report only when a change is made\n"
    "  -f, --silent, --quiet  suppress most error messages\n"
    "  -v, --verbose          output a diagnostic for every file processed\n"
    "      --dereference      affect the referent of each symbolic link (this is\n"
    "                         the default), rather than the symbolic link itself\n"
    "  -h, --no-dereference   affect symbolic links instead of any referenced file\n"
    "      --no-preserve-root  do not treat '/' specially (the default)\n"
    "      --preserve-root    fail to operate recursively on '/'\n"
    "      --reference=RFILE  use RFILE's group rather than specifying a\n"
    "                         GROUP value\n"
    "  -R, --recursive        operate on files and directories recursively\n"
    "\n"
    "  -H                     if a command line argument is a symbolic link\n"
    "                         to a directory, traverse it\n"
    "  -L                     traverse every symbolic link to a directory\n"
    "                         encountered\n"
    "  -P                     do not traverse any symbolic links (default)\n"
    "\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n";

int bi_chgrp(vb_cmd *cmd)
{
    return fs_chown_main(cmd, true, chgrp__help);
}
