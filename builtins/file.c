/*
 * file: determine file type. Reference: file 5.44 (Debian) with its
 * default magic, for the formats a sandbox meets: text (ASCII, UTF-8 with
 * or without BOM, ISO-8859, extended ASCII; CRLF / CR / no line
 * terminators, very long lines, escape sequences, overstriking), empty
 * files, JSON, scripts by their #! line (bash, sh, zsh, python, perl,
 * node, ruby, awk, others), ELF (class, type, machine, ABI, linking,
 * interpreter, build id, GNU ABI note, stripped), PNG and GIF (with
 * dimensions), JPEG (JFIF/Exif header), gzip (name, date, size), bzip2,
 * xz, zip, tar, PDF, directories, symlinks, FIFOs, devices; -b -i
 * --mime-type --mime-encoding -L -h -N -F SEP, "-" for standard input.
 * Deviations: a fixed table instead of the magic database: other formats
 * print "data"; JPEG details past the JFIF/Exif header are not decoded.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("file", bi_file, BI_UTIL)
int bi_file(vb_cmd *cmd);

static const char file__help[] =
    "Usage: file [OPTION...] [FILE...]\n"
    "Determine type of FILEs.\n"
    "\n"
    "  -b, --brief                do not prepend filenames to output lines\n"
    "  -F, --separator STRING     use string as separator instead of `:'\n"
    "  -i, --mime                 output MIME type strings (--mime-type and\n"
    "                               --mime-encoding)\n"
    "      --mime-type            output the MIME type\n"
    "      --mime-encoding        output the MIME encoding\n"
    "  -L, --dereference          follow symlinks\n"
    "  -h, --no-dereference       don't follow symlinks (default)\n"
    "  -N, --no-pad               do not pad output\n"
    "      --help                 display this help and exit\n"
    "  -v, --version              output version information and exit\n";

enum { FILE_MIME_TYPE = 256, FILE_MIME_ENC };
static const bi_longopt file__longs[] = {
    {"brief", 0, 'b'}, {"separator", 1, 'F'}, {"mime", 0, 'i'},
    {"mime-type", 0, FILE_MIME_TYPE}, {"mime-encoding", 0, FILE_MIME_ENC},
    {"dereference", 0, 'L'}, {"no-dereference", 0, 'h'}, {"no-pad", 0, 'N'},
    {"version", 0, 'v'}, {0},
};

#define FILE_READ_MAX (1024 * 1024)

typedef struct file_res {
    const char *desc;      /* heap or static */
    const char *mime;      /* type */
    const char *enc;       /* charset */
} file_res;

/* ------------------------------------------------------------------ text */

enum { T_NO = 0, T_ASCII, T_UTF8, T_UTF8_BOM, T_ISO, T_EXT };

/* file's text_chars classes: F never text, T ASCII text, I ISO-8859, X other */
static char file__cls(unsigned char c)
{
    if (c >= 0x20 && c <= 0x7e)
        return 'T';
    if ((c >= 7 && c <= 13) || c == 27)
        return 'T';
    if (c >= 0xa0)
        return 'I';
    if (c >= 0x80)
        return 'X';
    return 'F';
}

static bool file__utf8(const unsigned char *p, size_t n, bool *any_multi)
{
    *any_multi = false;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (file__cls((unsigned char)c) != 'T')
                return false;
            i++;
            continue;
        }
        size_t len;
        if (c >= 0xc2 && c <= 0xdf) len = 2;
        else if (c >= 0xe0 && c <= 0xef) len = 3;
        else if (c >= 0xf0 && c <= 0xf4) len = 4;
        else return false;
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++)
            if ((p[i + k] & 0xc0) != 0x80)
                return false;
        *any_multi = true;
        i += len;
    }
    return true;
}

static int file__encoding(const unsigned char *p, size_t n)
{
    bool ascii = true, iso = true, ext = true;
    for (size_t i = 0; i < n; i++) {
        char k = file__cls(p[i]);
        if (k != 'T')
            ascii = false;
        if (k == 'F')
            iso = ext = false;
        if (k == 'X')
            iso = false;
    }
    if (ascii)
        return T_ASCII;
    bool multi;
    if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf && file__utf8(p + 3, n - 3, &multi))
        return T_UTF8_BOM;
    if (file__utf8(p, n, &multi) && multi)
        return T_UTF8;
    if (iso)
        return T_ISO;
    if (ext)
        return T_EXT;
    return T_NO;
}

/* ", with CRLF line terminators" and friends, as file's ascmagic. */
static void file__annotations(vbuf *b, const unsigned char *p, size_t n)
{
    size_t n_crlf = 0, n_lf = 0, n_cr = 0, maxline = 0, cur = 0;
    bool esc = false, bs = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == '\r') {
            if (i + 1 < n && p[i + 1] == '\n') {
                n_crlf++;
                i++;
            } else {
                n_cr++;
            }
            if (cur > maxline)
                maxline = cur;
            cur = 0;
            continue;
        }
        if (c == '\n') {
            n_lf++;
            if (cur > maxline)
                maxline = cur;
            cur = 0;
            continue;
        }
        if (c == 27)
            esc = true;
        if (c == '\b')
            bs = true;
        cur++;
    }
    if (cur > maxline)
        maxline = cur;
    if (maxline > 300)
        vbuf_printf(b, ", with very long lines (%zu)", maxline);
    bool none = !n_crlf && !n_lf && !n_cr;
    if (none || n_crlf || n_cr) {
        vbuf_adds(b, ", with");
        if (none) {
            vbuf_adds(b, " no");
        } else {
            if (n_crlf) {
                vbuf_adds(b, " CRLF");
                if (n_cr || n_lf)
                    vbuf_addc(b, ',');
            }
            if (n_cr) {
                vbuf_adds(b, " CR");
                if (n_lf)
                    vbuf_addc(b, ',');
            }
            if (n_lf)
                vbuf_adds(b, " LF");
        }
        vbuf_adds(b, " line terminators");
    }
    if (esc)
        vbuf_adds(b, ", with escape sequences");
    if (bs)
        vbuf_adds(b, ", with overstriking");
}

/* ------------------------------------------------------------------ JSON */

typedef struct file_json {
    const unsigned char *p, *end;
    int depth;
} file_json;

static void file__jws(file_json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static bool file__jvalue(file_json *j);

static bool file__jstring(file_json *j)
{
    if (j->p >= j->end || *j->p != '"')
        return false;
    j->p++;
    while (j->p < j->end && *j->p != '"') {
        if (*j->p < 0x20)
            return false;
        if (*j->p == '\\') {
            j->p++;
            if (j->p >= j->end)
                return false;
            if (*j->p == 'u') {
                for (int k = 0; k < 4; k++) {
                    j->p++;
                    if (j->p >= j->end || !strchr("0123456789abcdefABCDEF", *j->p))
                        return false;
                }
            } else if (!strchr("\"\\/bfnrt", *j->p)) {
                return false;
            }
        }
        j->p++;
    }
    if (j->p >= j->end)
        return false;
    j->p++;
    return true;
}

static bool file__jvalue(file_json *j)
{
    if (++j->depth > 256)
        return false;
    file__jws(j);
    if (j->p >= j->end)
        return false;
    bool ok = true;
    unsigned char c = *j->p;
    if (c == '{' || c == '[') {
        unsigned char close = c == '{' ? '}' : ']';
        j->p++;
        file__jws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
        } else {
            for (;;) {
                if (c == '{') {
                    file__jws(j);
                    if (!file__jstring(j))
                        return false;
                    file__jws(j);
                    if (j->p >= j->end || *j->p != ':')
                        return false;
                    j->p++;
                }
                if (!file__jvalue(j))
                    return false;
                file__jws(j);
                if (j->p < j->end && *j->p == ',') {
                    j->p++;
                    continue;
                }
                if (j->p < j->end && *j->p == close) {
                    j->p++;
                    break;
                }
                return false;
            }
        }
    } else if (c == '"') {
        ok = file__jstring(j);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (*j->p == '-')
            j->p++;
        if (j->p >= j->end || !(*j->p >= '0' && *j->p <= '9'))
            return false;
        while (j->p < j->end && ((*j->p >= '0' && *j->p <= '9') || strchr(".eE+-", *j->p)))
            j->p++;
    } else {
        static const char *const lits[] = {"true", "false", "null"};
        ok = false;
        for (int k = 0; k < 3; k++) {
            size_t l = strlen(lits[k]);
            if ((size_t)(j->end - j->p) >= l && !memcmp(j->p, lits[k], l)) {
                j->p += l;
                ok = true;
                break;
            }
        }
    }
    j->depth--;
    return ok;
}

static bool file__is_json(const unsigned char *p, size_t n)
{
    file_json j = {p, p + n, 0};
    file__jws(&j);
    if (j.p >= j.end || (*j.p != '{' && *j.p != '['))
        return false;
    if (!file__jvalue(&j))
        return false;
    file__jws(&j);
    return j.p == j.end;
}

/* ------------------------------------------------------------------ scripts */

static const struct {
    const char *interp;   /* basename of the interpreter */
    const char *desc;     /* %s: the encoding text */
    const char *mime;
    bool encoding_inside; /* "X script, ENC text executable" */
} file__scripts[] = {
    {"bash", "Bourne-Again shell script", "text/x-shellscript", true},
    {"sh", "POSIX shell script", "text/x-shellscript", true},
    {"zsh", "Paul Falstad's zsh script", "text/x-shellscript", true},
    {"dash", "POSIX shell script", "text/x-shellscript", true},
    {"ksh", "Korn shell script", "text/x-shellscript", true},
    {"python", "Python script", "text/x-script.python", true},
    {"python2", "Python script", "text/x-script.python", true},
    {"python3", "Python script", "text/x-script.python", true},
    {"ruby", "Ruby script", "text/x-ruby", true},
    {"awk", "awk script", "text/x-awk", true},
    {"gawk", "GNU awk script", "text/x-awk", true},
    {"perl", "Perl script text executable", "text/x-perl", false},
    {"node", "Node.js script executable", "application/javascript", false},
};

/* The interpreter named by a "#!" line, or NULL. Sets *generic to the
 * interpreter path when it is not in the table. */
static int file__script(vb_cmd *cmd, const unsigned char *p, size_t n, char **generic)
{
    *generic = NULL;
    if (n < 3 || p[0] != '#' || p[1] != '!')
        return -1;
    size_t i = 2;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    size_t s = i;
    while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
        i++;
    if (i == s)
        return -1;
    char *path = mem_strndup(cmd->heap, (const char *)p + s, i - s);
    bool terminated = i < n;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t j = i;
    if (!strcmp(base, "env")) {
        while (j < n && (p[j] == ' ' || p[j] == '\t'))
            j++;
        size_t s2 = j;
        while (j < n && p[j] != ' ' && p[j] != '\t' && p[j] != '\n' && p[j] != '\r')
            j++;
        if (j > s2) {
            base = mem_strndup(cmd->heap, (const char *)p + s2, j - s2);
            terminated = j < n;
        }
    }
    if (terminated) {
        for (size_t k = 0; k < sizeof file__scripts / sizeof file__scripts[0]; k++)
            if (!strcmp(file__scripts[k].interp, base))
                return (int)k;
    }
    *generic = path;
    return -1;
}

/* ------------------------------------------------------------------ binary formats */

static uint32_t file__be32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static uint16_t file__le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t file__le32(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

static uint64_t file__rd(const unsigned char *p, int size, bool le)
{
    uint64_t v = 0;
    for (int i = 0; i < size; i++)
        v |= (uint64_t)p[le ? i : size - 1 - i] << (8 * i);
    return v;
}

static bool file__elf(vb_cmd *cmd, const unsigned char *p, size_t n, file_res *r)
{
    if (n < 4 || memcmp(p, "\x7f" "ELF", 4) != 0)
        return false;
    r->enc = "binary";
    if (n < 0x34) {
        r->desc = "ELF";
        r->mime = "application/octet-stream";
        return true;
    }
    bool is64 = p[4] == 2, le = p[5] == 1;
    vbuf b;
    vbuf_init(&b, cmd->heap);
    vbuf_printf(&b, "ELF %s-bit %s", is64 ? "64" : "32", le ? "LSB" : "MSB");
    uint16_t type = (uint16_t)file__rd(p + 16, 2, le);
    uint16_t mach = (uint16_t)file__rd(p + 18, 2, le);
    uint64_t phoff = is64 ? file__rd(p + 32, 8, le) : file__rd(p + 28, 4, le);
    uint64_t shoff = is64 ? file__rd(p + 40, 8, le) : file__rd(p + 32, 4, le);
    unsigned phentsize = (unsigned)file__rd(p + (is64 ? 54 : 42), 2, le);
    unsigned phnum = (unsigned)file__rd(p + (is64 ? 56 : 44), 2, le);
    unsigned shentsize = (unsigned)file__rd(p + (is64 ? 58 : 46), 2, le);
    unsigned shnum = (unsigned)file__rd(p + (is64 ? 60 : 48), 2, le);
    char *interp = NULL, *buildid = NULL, *abi = NULL;
    bool dynamic = false;
    for (unsigned i = 0; i < phnum && phentsize; i++) {
        uint64_t off = phoff + (uint64_t)i * phentsize;
        if (off + (is64 ? 56 : 32) > n)
            break;
        const unsigned char *ph = p + off;
        uint32_t pt = (uint32_t)file__rd(ph, 4, le);
        uint64_t poff = is64 ? file__rd(ph + 8, 8, le) : file__rd(ph + 4, 4, le);
        uint64_t psz = is64 ? file__rd(ph + 32, 8, le) : file__rd(ph + 16, 4, le);
        if (pt == 3 && poff + psz <= n && psz > 0) { /* PT_INTERP */
            interp = mem_strndup(cmd->heap, (const char *)p + poff, psz);
        } else if (pt == 2) {                       /* PT_DYNAMIC */
            dynamic = true;
        } else if (pt == 4 && poff + psz <= n) {    /* PT_NOTE */
            uint64_t q = poff, end = poff + psz;
            while (q + 12 <= end) {
                uint32_t nsz = (uint32_t)file__rd(p + q, 4, le);
                uint32_t dsz = (uint32_t)file__rd(p + q + 4, 4, le);
                uint32_t nt = (uint32_t)file__rd(p + q + 8, 4, le);
                uint64_t name = q + 12, desc = name + ((nsz + 3) & ~3u);
                if (desc + dsz > end)
                    break;
                if (nsz == 4 && !memcmp(p + name, "GNU", 4)) {
                    if (nt == 3 && !buildid) {
                        vbuf h;
                        vbuf_init(&h, cmd->heap);
                        for (uint32_t k = 0; k < dsz; k++)
                            vbuf_printf(&h, "%02x", p[desc + k]);
                        buildid = mem_printf(cmd->heap, "BuildID[%s]=%s",
                                             dsz == 20 ? "sha1" : dsz == 16 ? "md5/uuid" : "xxHash",
                                             vbuf_str(&h));
                    } else if (nt == 1 && dsz >= 16 && !abi) {
                        uint32_t os = (uint32_t)file__rd(p + desc, 4, le);
                        if (os == 0)
                            abi = mem_printf(cmd->heap, "for GNU/Linux %u.%u.%u",
                                             (unsigned)file__rd(p + desc + 4, 4, le),
                                             (unsigned)file__rd(p + desc + 8, 4, le),
                                             (unsigned)file__rd(p + desc + 12, 4, le));
                    }
                }
                q = desc + ((dsz + 3) & ~3u);
            }
        }
    }
    const char *tname;
    switch (type) {
    case 1: tname = "relocatable"; r->mime = "application/x-object"; break;
    case 2: tname = "executable"; r->mime = "application/x-executable"; break;
    case 3:
        if (interp) {
            tname = "pie executable";
            r->mime = "application/x-pie-executable";
        } else {
            tname = "shared object";
            r->mime = "application/x-sharedlib";
        }
        break;
    case 4: tname = "core file"; r->mime = "application/x-coredump"; break;
    default: tname = "processor-specific"; r->mime = "application/octet-stream"; break;
    }
    vbuf_printf(&b, " %s", tname);
    const char *m = NULL;
    switch (mach) {
    case 3: m = "Intel 80386"; break;
    case 40: m = "ARM"; break;
    case 62: m = "x86-64"; break;
    case 183: m = "ARM aarch64"; break;
    case 243: m = "UCB RISC-V"; break;
    case 8: m = "MIPS"; break;
    case 21: m = "64-bit PowerPC or cisco 7500"; break;
    default: break;
    }
    if (m)
        vbuf_printf(&b, ", %s", m);
    else
        vbuf_printf(&b, ", *unknown arch 0x%x*", mach);
    vbuf_printf(&b, ", version %u (%s)", p[6], p[7] == 3 ? "GNU/Linux" : p[7] == 9 ? "FreeBSD" : "SYSV");
    if (type == 2 || type == 3) {
        vbuf_adds(&b, dynamic || interp ? ", dynamically linked" : ", statically linked");
        if (interp)
            vbuf_printf(&b, ", interpreter %s", interp);
    }
    if (buildid)
        vbuf_printf(&b, ", %s", buildid);
    if (abi)
        vbuf_printf(&b, ", %s", abi);
    /* stripped: no SHT_SYMTAB section */
    if (shoff && shnum && shentsize && shoff + (uint64_t)shnum * shentsize <= n) {
        bool symtab = false;
        for (unsigned i = 0; i < shnum; i++) {
            const unsigned char *sh = p + shoff + (uint64_t)i * shentsize;
            if (file__rd(sh + 4, 4, le) == 2)
                symtab = true;
        }
        vbuf_adds(&b, symtab ? ", not stripped" : ", stripped");
    }
    r->desc = vbuf_str(&b);
    return true;
}

/* file's is_tar(): a valid header checksum, then the magic decides. */
static int file__from_oct(const unsigned char *w, size_t digs)
{
    while (digs > 0 && (*w == ' ' || *w == '\t' || *w == '\n')) {
        w++;
        digs--;
    }
    if (digs == 0)
        return -1;
    int v = 0;
    while (digs > 0 && *w >= '0' && *w <= '7') {
        v = (v << 3) | (*w++ - '0');
        digs--;
    }
    if (digs > 0 && *w && *w != ' ' && *w != '\t' && *w != '\n')
        return -1;
    return v;
}

static int file__tar(const unsigned char *p, size_t n)
{
    if (n < 512)
        return 0;
    int rec = file__from_oct(p + 148, 8);
    int sum = 0;
    for (size_t i = 0; i < 512; i++)
        sum += p[i];
    for (size_t i = 148; i < 156; i++)
        sum -= p[i];
    sum += ' ' * 8;
    if (sum != rec)
        return 0;
    if (!memcmp(p + 257, "ustar  \0", 8))
        return 3;
    if (!memcmp(p + 257, "ustar\0", 6))
        return 2;
    return 1;
}

static bool file__binary(vb_cmd *cmd, const unsigned char *p, size_t n, uint64_t fsize,
                         const unsigned char *tail, file_res *r)
{
    r->enc = "binary";
    if (n >= 24 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8)) {
        static const char *const ct[] = {"grayscale", NULL, "/color RGB", "colormap", "gray+alpha", NULL, "/color RGBA"};
        if (n < 29) {
            r->desc = mem_printf(cmd->heap, "PNG image data, %u x %u", file__be32(p + 16),
                                 file__be32(p + 20));
        } else {
            unsigned bits = p[24], type = p[25], il = p[28];
            const char *cts = type < 7 && ct[type] ? ct[type] : "unknown";
            r->desc = mem_printf(cmd->heap, "PNG image data, %u x %u, %u-bit%s%s, %s",
                                 file__be32(p + 16), file__be32(p + 20), bits,
                                 cts[0] == '/' ? "" : " ", cts, il ? "interlaced" : "non-interlaced");
        }
        r->mime = "image/png";
        return true;
    }
    if (n >= 6 && (!memcmp(p, "GIF87a", 6) || !memcmp(p, "GIF89a", 6))) {
        if (n >= 10)
            r->desc = mem_printf(cmd->heap, "GIF image data, version %.3s, %u x %u", p + 3,
                                 file__le16(p + 6), file__le16(p + 8));
        else
            r->desc = mem_printf(cmd->heap, "GIF image data, version %.3s", p + 3);
        r->mime = "image/gif";
        return true;
    }
    if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff) {
        vbuf b;
        vbuf_init(&b, cmd->heap);
        vbuf_adds(&b, "JPEG image data");
        if (n >= 11 && !memcmp(p + 6, "JFIF", 5)) {
            unsigned seglen = (unsigned)p[4] << 8 | p[5];
            if (n >= 18) {
                static const char *const units[] = {"aspect ratio", "resolution (DPI)", "resolution (DPCM)"};
                vbuf_printf(&b, ", JFIF standard %u.%02u, %s, density %ux%u, segment length %u",
                            p[11], p[12], p[13] < 3 ? units[p[13]] : "unknown units",
                            (unsigned)p[14] << 8 | p[15], (unsigned)p[16] << 8 | p[17], seglen);
                if (n >= 20 && (p[18] || p[19]))
                    vbuf_printf(&b, ", thumbnail %ux%u", p[18], p[19]);
            } else {
                vbuf_printf(&b, ", JFIF standard, segment length %u", seglen);
            }
        } else if (n >= 10 && !memcmp(p + 6, "Exif", 4)) {
            vbuf_adds(&b, ", Exif standard");
        }
        /* the frame header: baseline/progressive, precision, size, components */
        size_t i = 2;
        while (i + 4 <= n && p[i] == 0xff) {
            unsigned mk = p[i + 1];
            unsigned len = (unsigned)p[i + 2] << 8 | p[i + 3];
            if ((mk == 0xc0 || mk == 0xc1 || mk == 0xc2) && i + 10 <= n) {
                vbuf_printf(&b, ", %s, precision %u, %ux%u, components %u",
                            mk == 0xc2 ? "progressive" : mk == 0xc1 ? "extended sequential" : "baseline",
                            p[i + 4], (unsigned)p[i + 7] << 8 | p[i + 8],
                            (unsigned)p[i + 5] << 8 | p[i + 6], p[i + 9]);
                break;
            }
            if (mk == 0xda || len < 2)
                break;
            i += 2 + len;
        }
        r->desc = vbuf_str(&b);
        r->mime = "image/jpeg";
        return true;
    }
    if (n >= 10 && p[0] == 0x1f && p[1] == 0x8b) {
        vbuf b;
        vbuf_init(&b, cmd->heap);
        vbuf_adds(&b, "gzip compressed data");
        unsigned flags = p[3];
        uint32_t mtime = file__le32(p + 4);
        size_t off = 10;
        if (flags & 4) { /* FEXTRA */
            if (off + 2 <= n)
                off += 2 + file__le16(p + off);
        }
        if (flags & 8) { /* FNAME */
            size_t s = off;
            while (off < n && p[off])
                off++;
            vbuf_printf(&b, ", was \"%.*s\"", (int)(off - s), p + s);
        }
        if (mtime) {
            struct tm tm;
            fs_localtime(cmd, (time_t)mtime, &tm);
            char tb[64];
            strftime(tb, sizeof tb, "%a %b %e %H:%M:%S %Y", &tm);
            vbuf_printf(&b, ", last modified: %s", tb);
        }
        if (p[8] == 2)
            vbuf_adds(&b, ", max compression");
        else if (p[8] == 4)
            vbuf_adds(&b, ", max speed");
        static const char *const os[] = {"FAT filesystem (MS-DOS, OS/2, NT)", "Amiga", "VMS", "Unix", "VM/CMS",
                                         "Atari", "HPFS filesystem (OS/2, NT)", "MacOS", "Z-System", "CP/M",
                                         "TOPS-20", "NTFS filesystem (NT)", "QDOS", "Acorn RISCOS"};
        if (p[9] < 14)
            vbuf_printf(&b, ", from %s", os[p[9]]);
        if (tail && fsize >= 18)
            vbuf_printf(&b, ", original size modulo 2^32 %u", file__le32(tail));
        r->desc = vbuf_str(&b);
        r->mime = "application/gzip";
        return true;
    }
    if (n >= 4 && !memcmp(p, "BZh", 3) && p[3] >= '1' && p[3] <= '9') {
        r->desc = mem_printf(cmd->heap, "bzip2 compressed data, block size = %c00k", p[3]);
        r->mime = "application/x-bzip2";
        return true;
    }
    if (n >= 8 && !memcmp(p, "\xfd" "7zXZ\0", 6)) {
        static const char *const ck[] = {"none", "CRC32", NULL, NULL, "CRC64", NULL, NULL, NULL, NULL, NULL, "SHA-256"};
        unsigned c = p[7] & 0x0f;
        r->desc = mem_printf(cmd->heap, "XZ compressed data, checksum %s", c < 11 && ck[c] ? ck[c] : "unknown");
        r->mime = "application/x-xz";
        return true;
    }
    if (n >= 30 && !memcmp(p, "PK\x03\x04", 4)) {
        unsigned ver = file__le16(p + 4), method = file__le16(p + 8);
        const char *mth = method == 0 ? "store" : method == 8 ? "deflate" : method == 12 ? "bzip2" :
                          method == 14 ? "lzma" : method == 93 ? "zstd" : NULL;
        if (mth)
            r->desc = mem_printf(cmd->heap, "Zip archive data, at least v%u.%u to extract, compression method=%s",
                                 ver / 10, ver % 10, mth);
        else
            r->desc = mem_printf(cmd->heap, "Zip archive data, at least v%u.%u to extract", ver / 10, ver % 10);
        r->mime = "application/zip";
        return true;
    }
    int tar = file__tar(p, n);
    if (tar) {
        r->desc = tar == 3 ? "POSIX tar archive (GNU)" : tar == 2 ? "POSIX tar archive" : "tar archive";
        r->mime = "application/x-tar";
        return true;
    }
    if (n >= 8 && !memcmp(p, "%PDF-", 5)) {
        size_t e = 5;
        while (e < n && e < 12 && ((p[e] >= '0' && p[e] <= '9') || p[e] == '.'))
            e++;
        r->desc = mem_printf(cmd->heap, "PDF document, version %.*s", (int)(e - 5), p + 5);
        r->mime = "application/pdf";
        return true;
    }
    if (file__elf(cmd, p, n, r))
        return true;
    return false;
}

/* ------------------------------------------------------------------ classify */

static void file__content(vb_cmd *cmd, const unsigned char *p, size_t n, uint64_t fsize,
                          const unsigned char *tail, file_res *r)
{
    if (n == 0) {
        r->desc = "empty";
        r->mime = "inode/x-empty";
        r->enc = "binary";
        return;
    }
    if (file__binary(cmd, p, n, fsize, tail, r))
        return;
    int enc = file__encoding(p, n);
    if (enc == T_NO) {
        r->desc = "data";
        r->mime = "application/octet-stream";
        r->enc = "binary";
        return;
    }
    const char *etext;
    switch (enc) {
    case T_ASCII: etext = "ASCII"; r->enc = "us-ascii"; break;
    case T_UTF8: etext = "Unicode text, UTF-8"; r->enc = "utf-8"; break;
    case T_UTF8_BOM: etext = "Unicode text, UTF-8 (with BOM)"; r->enc = "utf-8"; break;
    case T_ISO: etext = "ISO-8859"; r->enc = "iso-8859-1"; break;
    default: etext = "Non-ISO extended-ASCII"; r->enc = "unknown-8bit"; break;
    }
    if (enc == T_ASCII && file__is_json(p, n)) {
        r->desc = "JSON text data";
        r->mime = "application/json";
        return;
    }
    vbuf ann;
    vbuf_init(&ann, cmd->heap);
    file__annotations(&ann, p, n);
    char *generic;
    int s = file__script(cmd, p, n, &generic);
    r->mime = "text/plain";
    if (s >= 0) {
        r->mime = file__scripts[s].mime;
        if (file__scripts[s].encoding_inside)
            r->desc = mem_printf(cmd->heap, "%s, %s text executable%s", file__scripts[s].desc, etext,
                                 vbuf_str(&ann));
        else if (!strcmp(file__scripts[s].interp, "perl"))
            r->desc = mem_printf(cmd->heap, "%s%s", file__scripts[s].desc, vbuf_str(&ann));
        else
            r->desc = mem_printf(cmd->heap, "%s, %s text%s", file__scripts[s].desc, etext, vbuf_str(&ann));
        return;
    }
    if (generic) {
        r->desc = mem_printf(cmd->heap, "a %s script, %s text executable%s", generic, etext, vbuf_str(&ann));
        return;
    }
    r->desc = mem_printf(cmd->heap, "%s text%s", etext, vbuf_str(&ann));
}

static void file__classify(vb_cmd *cmd, const char *name, bool follow, file_res *r)
{
    memset(r, 0, sizeof *r);
    r->enc = "binary";
    if (!strcmp(name, "-")) {
        char *data;
        size_t len;
        if (bi_slurp(cmd, cmd->in, &data, &len) < 0) {
            r->desc = "cannot read `/dev/stdin'";
            r->mime = "application/x-not-regular-file";
            return;
        }
        size_t n = len > FILE_READ_MAX ? FILE_READ_MAX : len;
        file__content(cmd, (const unsigned char *)data, n, len,
                      len >= 4 ? (const unsigned char *)data + len - 4 : NULL, r);
        return;
    }
    char *abs = bi_path(cmd, name);
    vfs_stat_t st;
    int rc = follow ? vfs_stat(cmd->vfs, abs, &st) : vfs_lstat(cmd->vfs, abs, &st);
    if (rc < 0 && follow && vfs_lstat(cmd->vfs, abs, &st) == 0 && S_ISLNK(st.mode)) {
        char *t = NULL;
        vfs_readlink(cmd->vfs, abs, cmd->heap, &t);
        r->desc = mem_printf(cmd->heap, "cannot open `%s' (%s)", name, fs_strerror(rc));
        r->mime = "inode/symlink";
        return;
    }
    if (rc < 0) {
        r->desc = mem_printf(cmd->heap, "cannot open `%s' (%s)", name, fs_strerror(rc));
        r->mime = "cannot open";
        r->enc = NULL;
        return;
    }
    switch (st.mode & S_IFMT) {
    case S_IFDIR:
        r->desc = "directory";
        r->mime = "inode/directory";
        return;
    case S_IFLNK: {
        char *t = NULL;
        vfs_readlink(cmd->vfs, abs, cmd->heap, &t);
        vfs_stat_t ts;
        bool ok = vfs_stat(cmd->vfs, abs, &ts) == 0;
        r->desc = mem_printf(cmd->heap, "%ssymbolic link to %s", ok ? "" : "broken ", t ? t : "");
        r->mime = "inode/symlink";
        return;
    }
    case S_IFIFO:
        r->desc = "fifo (named pipe)";
        r->mime = "inode/fifo";
        return;
    case S_IFCHR:
        r->desc = mem_printf(cmd->heap, "character special (%u/%u)", st.rdev >> 8 & 0xfff,
                             (st.rdev & 0xff) | ((st.rdev >> 12) & 0xfff00));
        r->mime = "inode/chardevice";
        return;
    case S_IFBLK:
        r->desc = mem_printf(cmd->heap, "block special (%u/%u)", st.rdev >> 8 & 0xfff,
                             (st.rdev & 0xff) | ((st.rdev >> 12) & 0xfff00));
        r->mime = "inode/blockdevice";
        return;
    case S_IFSOCK:
        r->desc = "socket";
        r->mime = "inode/socket";
        return;
    default:
        break;
    }
    vfs_file *f;
    rc = vfs_open(cmd->vfs, abs, O_RDONLY, 0, &f);
    if (rc < 0) {
        r->desc = mem_printf(cmd->heap, "cannot open `%s' (%s)", name, fs_strerror(rc));
        r->mime = "cannot open";
        r->enc = NULL;
        return;
    }
    size_t want = st.size < FILE_READ_MAX ? (size_t)st.size : FILE_READ_MAX;
    unsigned char *buf = mem_alloc(cmd->heap, want ? want : 1);
    size_t got = 0;
    while (buf && got < want) {
        ssize_t k = vfs_read(f, buf + got, want - got);
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    unsigned char tail[4];
    bool have_tail = false;
    if (st.size >= 4 && vfs_pread(f, tail, 4, st.size - 4) == 4)
        have_tail = true;
    vfs_close(f);
    if (!buf) {
        r->desc = mem_printf(cmd->heap, "cannot read `%s' (%s)", name, fs_strerror(-ENOMEM));
        return;
    }
    file__content(cmd, buf, got, st.size, have_tail ? tail : NULL, r);
}

static const char file__usage[] =
    "Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n"
    "            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n"
    "            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n"
    "            <file> ...\n"
    "       file -C [-m <magicfiles>]\n"
    "       file [--help]\n";

int bi_file(vb_cmd *cmd)
{
    bool brief = false, mime_type = false, mime_enc = false, follow = false, pad = true;
    const char *sep = ":";
    bi_opt o;
    bi_opt_init(&o, cmd, "bF:ihLNv", file__longs, file__help);
    o.quiet = true;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_ERR:
            /* file(1) follows getopt's message with its usage, not a Try line */
            bi_err(cmd, "%s", o.msg);
            bi_errw(cmd, file__usage, sizeof file__usage - 1);
            return bi_done(cmd, 1);
        case 'b': brief = true; break;
        case 'F': sep = o.arg; break;
        case 'i': mime_type = mime_enc = true; break;
        case FILE_MIME_TYPE: mime_type = true; break;
        case FILE_MIME_ENC: mime_enc = true; break;
        case 'L': follow = true; break;
        case 'h': follow = false; break;
        case 'N': pad = false; break;
        case 'v':
            bi_outs(cmd, "file (vbash) " VB_VERSION_STRING "\n");
            return bi_done(cmd, 0);
        default: return bi_done(cmd, o.status);
        }
    }
    int nops = cmd->argc - o.ind;
    if (nops == 0) {
        bi_errw(cmd, file__usage, sizeof file__usage - 1);
        return bi_done(cmd, 1);
    }
    size_t width = 0;
    for (int i = o.ind; i < cmd->argc; i++) {
        const char *nm = strcmp(cmd->argv[i], "-") ? cmd->argv[i] : "/dev/stdin";
        size_t l = strlen(nm);
        if (l > width)
            width = l;
    }
    for (int i = o.ind; i < cmd->argc && !bi_cancelled(cmd); i++) {
        const char *a = cmd->argv[i];
        const char *shown = strcmp(a, "-") ? a : "/dev/stdin";
        file_res r;
        file__classify(cmd, a, follow, &r);
        if (!brief) {
            bi_outf(cmd, "%s%s", shown, sep);
            if (pad)
                bi_outf(cmd, "%*s", (int)(width - strlen(shown)), "");
            bi_outc(cmd, ' ');
        }
        if ((mime_type || mime_enc) && r.enc) {
            if (mime_type && mime_enc)
                bi_outf(cmd, "%s; charset=%s\n", r.mime, r.enc);
            else if (mime_type)
                bi_outf(cmd, "%s\n", r.mime);
            else
                bi_outf(cmd, "%s\n", r.enc);
        } else {
            bi_outf(cmd, "%s\n", r.desc);
        }
    }
    return bi_done(cmd, 0);
}
