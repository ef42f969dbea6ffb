/*
 * chown: change file owner and group. Reference: GNU coreutils 9 chown.
 * OWNER[:[GROUP]], :GROUP, numeric ids, the old OWNER.GROUP form with
 * GNU's warning; -c -f -v -h -R -H -L -P --dereference --from --reference
 * --preserve-root. Users and groups are the session's virtual ones
 * (/etc/passwd, /etc/group in the VFS). Engine: builtins/lib/fs_chown.c.
 */
#include "builtins/lib/bi.h"
#include "builtins/lib/fs_chown.h"

VB_BUILTIN("chown", bi_chown, BI_UTIL)
int bi_chown(vb_cmd *cmd);

static const char chown__help[] =
    "Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...\n"
    "  or:  chown [OPTION]... --reference=RFILE FILE...\n"
    "Change the owner and/or group of each FILE to OWNER and/or GROUP.\n"
    "With --reference, change the owner and group of each FILE to those of RFILE.\n"
    "\n"
    "  -c, --changes          like verbose but report only when a change is made\n"
    "  -f, --silent, --quiet  suppress most error messages\n"
    "  -v, --verbose          output a diagnostic for every file processed\n"
    "      --dereference      affect the referent of each symbolic link (this is\n"
    "                         the default), rather than the symbolic link itself\n"
    "  -h, --no-dereference   affect symbolic links instead of any referenced file\n"
    "      --from=CURRENT_OWNER:CURRENT_GROUP\n"
    "                         change the owner and/or group of each file only if\n"
    "                         its current owner and/or group match those specified\n"
    "                         here.  Either may be omitted, in which case a match\n"
    "                         is not required for the omitted attribute\n"
    "      --no-preserve-root  do not treat '/' specially (the default)\n"
    "      --preserve-root    fail to operate recursively on '/'\n"
    "      --reference=RFILE  use RFILE's owner and group rather than\n"
    "                         specifying OWNER:GROUP values\n"
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

int bi_chown(vb_cmd *cmd)
{
    return fs_chown_main(cmd, false, chown__help);
}
