/*
 * The engine of chown and chgrp: one walk over the operands with GNU's
 * options (-c -f -v -h -R -H -L -P --from --reference --dereference
 * --preserve-root) and its verbose messages.
 */
#ifndef VB_BUILTINS_FS_CHOWN_H
#define VB_BUILTINS_FS_CHOWN_H

#include "builtins/lib/bi.h"

/* Runs chown (is_chgrp false) or chgrp on cmd's argv. Returns the status. */
int fs_chown_main(vb_cmd *cmd, bool is_chgrp, const char *help);

#endif
