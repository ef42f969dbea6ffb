/* Supplementary groups: see text_ids.h. */
#include <string.h>

#include "builtins/lib/text_ids.h"

size_t tx_user_groups(vb_cmd *cmd, fs_ids *ids, const char *name, uint32_t gid, uint32_t **out)
{
    char *data = NULL;
    size_t len = 0;
    (void)ids;
    size_t cap = 8, n = 0;
    uint32_t *g = mem_alloc(cmd->heap, cap * sizeof *g);
    *out = g;
    if (!g)
        return 0;
    g[n++] = gid;
    if (vfs_read_all(cmd->vfs, "/etc/group", cmd->heap, &data, &len) != 0 || !name)
        return n;
    size_t nl = strlen(name);
    for (char *line = data, *end = data + len; line < end;) {
        char *e = memchr(line, '\n', (size_t)(end - line));
        if (!e)
            e = end;
        /* name:x:gid:member,member */
        char *f[4] = {line, NULL, NULL, NULL};
        int k = 1;
        for (char *p = line; p < e && k < 4; p++)
            if (*p == ':')
                f[k++] = p + 1;
        if (k == 4) {
            uint32_t id = 0;
            for (char *p = f[2]; p < e && *p >= '0' && *p <= '9'; p++)
                id = id * 10 + (uint32_t)(*p - '0');
            for (char *m = f[3]; m < e;) {
                char *c = memchr(m, ',', (size_t)(e - m));
                char *me = c ? c : e;
                if ((size_t)(me - m) == nl && !memcmp(m, name, nl)) {
                    bool dup = false;
                    for (size_t i = 0; i < n; i++)
                        dup |= g[i] == id;
                    if (!dup) {
                        if (n == cap) {
                            cap *= 2;
                            uint32_t *ng = mem_realloc(cmd->heap, g, cap * sizeof *g);
                            if (!ng)
                                return n;
                            g = ng;
                            *out = g;
                        }
                        g[n++] = id;
                    }
                }
                m = me + 1;
            }
        }
        line = e + 1;
    }
    mem_free(cmd->heap, data);
    return n;
}
