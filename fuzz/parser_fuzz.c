/*
 * libFuzzer target for the bash parser: any byte string must parse or fail
 * with an error, never crash, hang or exhaust memory. Each input is parsed
 * twice: with parse_all, and incrementally with parser_next plus an alias
 * table and extglob (so alias expansion and extglob words are covered), and
 * the trees are dumped (ast_dump walks every node).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "core/mem.h"
#include "interp/parser.h"
#include "fuzz/fuzz_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fuzz_alias(void *ctx, const char *name)
{
    (void)ctx;
    if (strcmp(name, "a") == 0)
        return "echo ";
    if (strcmp(name, "b") == 0)
        return "a b";
    if (strcmp(name, "c") == 0)
        return "if true; then c";
    if (strcmp(name, "d") == 0)
        return "'";
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    mem_heap *h = fz_parse_heap();
    if (!h)
        return 0;
    parser_opts o = fz_parse_opts();
    ast_node *n = NULL;
    parse_error e = { 0 };
    if (parse_all(h, (const char *)data, size, &o, &n, &e) == 0 && n) {
        vbuf b;
        vbuf_init(&b, h);
        ast_dump(n, &b);
        vbuf_free(&b);
    }
    o.alias = fuzz_alias;
    o.extglob = true;
    parser *p = parser_new(h, (const char *)data, size, &o);
    if (p) {
        int rc;
        while ((rc = parser_next(p, &n, &e)) == 1) {
            vbuf b;
            vbuf_init(&b, h);
            ast_dump(n, &b);
            vbuf_free(&b);
        }
        parser_free(p);
    }
    mem_heap_destroy(h);
    return 0;
}
