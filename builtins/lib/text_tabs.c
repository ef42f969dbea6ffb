/* Tab stops for expand / unexpand: see text_tabs.h. */
#include <ctype.h>
#include <string.h>

#include "builtins/lib/fs_util.h"
#include "builtins/lib/text_tabs.h"

static bool tx__tabs_add(vb_cmd *cmd, tx_tabs *t, uint64_t v)
{
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 8;
        uint64_t *l = mem_realloc(cmd->heap, t->list, nc * sizeof *l);
        if (!l)
            return false;
        t->list = l;
        t->cap = nc;
    }
    t->list[t->n++] = v;
    return true;
}

static bool tx__tabs_value(vb_cmd *cmd, tx_tabs *t, uint64_t v, bool ext, bool inc)
{
    if (ext) {
        if (t->extend) {
            bi_err(cmd, "'/' specifier only allowed with the last value");
            return false;
        }
        t->extend = v;
        return true;
    }
    if (inc) {
        if (t->increment) {
            bi_err(cmd, "'+' specifier only allowed with the last value");
            return false;
        }
        t->increment = v;
        return true;
    }
    return tx__tabs_add(cmd, t, v);
}

bool tx_tabs_parse(vb_cmd *cmd, tx_tabs *t, const char *s)
{
    bool have = false, ext = false, inc = false, ok = true;
    uint64_t v = 0;
    const char *num = NULL;
    for (; *s; s++) {
        if (*s == ',' || *s == ' ' || *s == '\t') {
            if (have && !tx__tabs_value(cmd, t, v, ext, inc))
                return false;
            have = false;
        } else if (*s == '/' || *s == '+') {
            if (have) {
                bi_err(cmd, "'%c' specifier not at start of number: %s", *s, fs_lq(cmd, s));
                ok = false;
            }
            ext = *s == '/';
            inc = *s == '+';
        } else if (isdigit((unsigned char)*s)) {
            if (!have) {
                v = 0;
                have = true;
                num = s;
            }
            unsigned d = (unsigned)(*s - '0');
            if (v > (UINT64_MAX - d) / 10) {
                size_t len = strspn(num, "0123456789");
                char *bad = mem_strndup(cmd->heap, num, len);
                bi_err(cmd, "tab stop is too large %s", fs_lq(cmd, bad ? bad : ""));
                ok = false;
                s = num + len - 1;
                continue;
            }
            v = v * 10 + d;
        } else {
            bi_err(cmd, "tab size contains invalid character(s): %s", fs_lq(cmd, s));
            return false;
        }
    }
    if (ok && have)
        ok = tx__tabs_value(cmd, t, v, ext, inc);
    return ok;
}

bool tx_tabs_finish(vb_cmd *cmd, tx_tabs *t)
{
    uint64_t prev = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->list[i] == 0) {
            bi_err(cmd, "tab size cannot be 0");
            return false;
        }
        if (t->list[i] <= prev) {
            bi_err(cmd, "tab sizes must be ascending");
            return false;
        }
        prev = t->list[i];
    }
    if (t->increment && t->extend) {
        bi_err(cmd, "'/' specifier is mutually exclusive with '+'");
        return false;
    }
    if (t->n == 0 && !t->extend && !t->increment)
        t->tab_size = 8;
    else if (t->n == 1 && !t->extend && !t->increment)
        t->tab_size = t->list[0];
    return true;
}

uint64_t tx_tabs_next(const tx_tabs *t, uint64_t column, size_t *index, bool *last)
{
    *last = false;
    if (t->tab_size)
        return column + (t->tab_size - column % t->tab_size);
    for (; *index < t->n; (*index)++)
        if (column < t->list[*index])
            return t->list[*index];
    if (t->extend)
        return column + (t->extend - column % t->extend);
    if (t->increment) {
        uint64_t end = t->n ? t->list[t->n - 1] : 0;
        return column + (t->increment - ((column - end) % t->increment));
    }
    *last = true;
    return 0;
}
