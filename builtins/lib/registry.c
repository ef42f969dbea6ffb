/* Lookup in the generated command table (sorted bytewise by name). */
#include "builtins/lib/registry.h"

#include <string.h>

const vb_builtin *vb_builtin_find(const char *name)
{
    size_t lo = 0, hi = vb_builtin_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(name, vb_builtin_table[mid].name);
        if (c == 0)
            return &vb_builtin_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}
