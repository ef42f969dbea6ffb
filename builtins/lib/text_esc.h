/*
 * Backslash escapes shared by echo, printf (format and %b) and other text
 * commands. Owned by the text commands (builtins/echo.c, printf.c...).
 */
#ifndef VB_BUILTINS_TEXT_ESC_H
#define VB_BUILTINS_TEXT_ESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

enum tx_esc_mode {
    TX_ESC_ECHO,     /* echo -e: \0NNN only, \c stops, \u \x without digits literal */
    TX_ESC_PRINTF_B, /* printf %b: \0NNN and \NNN, \c stops, missing digits warned */
    TX_ESC_FORMAT,   /* printf format: \NNN, \" \' \? , \c literal */
};

/* Appends the UTF-8 encoding of code point cp to b. */
void tx_put_utf8(vbuf *b, uint32_t cp);

/* Expands the escapes of s[0..n) onto b. Returns true if \c was met (the
 * caller stops all output). */
bool tx_unescape(vbuf *b, const char *s, size_t n, enum tx_esc_mode mode);

/* One escape at s[0]=='\\' (n >= 1). Appends its value, returns the number
 * of input bytes used; *stop set on \c (modes that stop); *warn (may be
 * NULL) gets a message such as "missing hex digit for \x" (static), else is
 * left alone. */
size_t tx_escape1(vbuf *b, const char *s, size_t n, enum tx_esc_mode mode,
                  bool *stop, const char **warn);

#endif
