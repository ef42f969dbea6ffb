/* Backslash escapes for echo and printf: see text_esc.h. */
#include <string.h>

#include "builtins/lib/text_esc.h"

static int tx__hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void tx_put_utf8(vbuf *b, uint32_t cp)
{
    char u[4];
    if (cp < 0x80) {
        vbuf_addc(b, (char)cp);
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        vbuf_add(b, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        vbuf_add(b, u, 3);
    } else {
        if (cp > 0x10FFFF)
            cp = 0xFFFD;
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        vbuf_add(b, u, 4);
    }
}

size_t tx_escape1(vbuf *b, const char *s, size_t n, enum tx_esc_mode mode,
                  bool *stop, const char **warn)
{
    if (n < 2) {
        vbuf_addc(b, '\\');
        return 1;
    }
    char c = s[1];
    size_t i = 2;
    switch (c) {
    case 'a': vbuf_addc(b, '\a'); return 2;
    case 'b': vbuf_addc(b, '\b'); return 2;
    case 'e': case 'E': vbuf_addc(b, 033); return 2;
    case 'f': vbuf_addc(b, '\f'); return 2;
    case 'n': vbuf_addc(b, '\n'); return 2;
    case 'r': vbuf_addc(b, '\r'); return 2;
    case 't': vbuf_addc(b, '\t'); return 2;
    case 'v': vbuf_addc(b, '\v'); return 2;
    case '\\': vbuf_addc(b, '\\'); return 2;
    case '"': case '\'': case '?':
        if (mode == TX_ESC_FORMAT) {
            vbuf_addc(b, c);
            return 2;
        }
        break;
    case 'c':
        if (mode != TX_ESC_FORMAT) {
            *stop = true;
            return 2;
        }
        break;
    case 'x': {
        int v = 0, k = 0;
        while (k < 2 && i < n && tx__hexval((unsigned char)s[i]) >= 0) {
            v = v * 16 + tx__hexval((unsigned char)s[i]);
            i++, k++;
        }
        if (k == 0) {
            if (mode != TX_ESC_ECHO && warn)
                *warn = "missing hex digit for \\x";
            break;
        }
        vbuf_addc(b, (char)v);
        return i;
    }
    case 'u': case 'U': {
        uint32_t v = 0;
        int k = 0, max = c == 'u' ? 4 : 8;
        while (k < max && i < n && tx__hexval((unsigned char)s[i]) >= 0) {
            v = v * 16 + (uint32_t)tx__hexval((unsigned char)s[i]);
            i++, k++;
        }
        if (k == 0) {
            if (mode != TX_ESC_ECHO && warn)
                *warn = "missing unicode digit for \\u";
            break;
        }
        tx_put_utf8(b, v);
        return i;
    }
    default:
        if (c >= '0' && c <= '7') {
            int max = 3;
            if (mode == TX_ESC_ECHO) {
                if (c != '0')
                    break;
                i = 2, max = 3;          /* \0 then up to 3 digits */
            } else if (mode == TX_ESC_PRINTF_B && c == '0') {
                i = 2, max = 3;
            } else {
                i = 1, max = 3;          /* the digit itself counts */
            }
            int v = 0, k = 0;
            while (k < max && i < n && s[i] >= '0' && s[i] <= '7') {
                v = v * 8 + (s[i] - '0');
                i++, k++;
            }
            vbuf_addc(b, (char)v);
            return i;
        }
        break;
    }
    vbuf_addc(b, '\\');
    vbuf_addc(b, c);
    return 2;
}

bool tx_unescape(vbuf *b, const char *s, size_t n, enum tx_esc_mode mode)
{
    size_t i = 0;
    bool stop = false;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        if (!bs) {
            vbuf_add(b, s + i, n - i);
            break;
        }
        vbuf_add(b, s + i, (size_t)(bs - (s + i)));
        i = (size_t)(bs - s);
        i += tx_escape1(b, s + i, n - i, mode, &stop, NULL);
        if (stop)
            return true;
    }
    return false;
}
