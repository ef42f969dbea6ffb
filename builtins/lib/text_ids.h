/*
 * The session's identity for id, groups, whoami, logname: the VFS uid and
 * gid, names from /etc/passwd and /etc/group, supplementary groups from
 * the member lists of /etc/group. Owned by the text commands.
 */
#ifndef VB_BUILTINS_TEXT_IDS_H
#define VB_BUILTINS_TEXT_IDS_H

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

/* Supplementary group ids of user `name` with primary group gid (first
 * in the list, as id prints them). Returns the count; *out heap array. */
size_t tx_user_groups(vb_cmd *cmd, fs_ids *ids, const char *name, uint32_t gid, uint32_t **out);

#endif
