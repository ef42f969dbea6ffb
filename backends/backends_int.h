/*
 * The backends shipped with vbash, for the facade (backends/sandbox.c).
 */
#ifndef VB_BACKENDS_INT_H
#define VB_BACKENDS_INT_H

#include "vbash/sandbox.h"

extern const vb_sandbox_ops vb__sandbox_virtual_ops; /* backends/virtual.c */
extern const vb_sandbox_ops vb__sandbox_host_ops;    /* backends/host.c */

#endif
