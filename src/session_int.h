/*
 * Accessors into a session for the modules that sit beside the interpreter
 * (src/vfs_api.c, backends/, net/ glue). Implemented in src/session.c.
 */
#ifndef VB_SRC_SESSION_INT_H
#define VB_SRC_SESSION_INT_H

#include "core/mem.h"
#include "vbash/vbash.h"
#include "vfs/vfs.h"

vfs *session_vfs(vb_session *s);            /* borrowed */
mem_heap *session_heap(vb_session *s);      /* borrowed */
vb_net_policy *session_net(vb_session *s);  /* may be NULL */
/* Records the session's last engine error text (printf-style). Returns rc. */
int session_set_error(vb_session *s, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
