/*
 * df: report file system space usage. Reference: GNU coreutils 9 df.
 * The sandbox has one file system, the VFS ("vbashfs", mounted on /); its
 * size is the session's total-bytes limit (or the VFS's nominal size) and
 * its inode count the inode limit. -a -B -h -H -i -k -l -m -P -T -t -x
 * --output[=FIELDS] --total, GNU's column widths and alignment.
 * Deviations: host directories mounted into the VFS are not listed as
 * separate file systems (the VFS API reports one total).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("df", bi_df, BI_UTIL)
int bi_df(vb_cmd *cmd);

static const char df__help[] =
    "Usage: df [OPTION]... [FILE]...\n"
    "Show information about the file system on which each FILE resides,\n"
    "or all file systems by default.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "  -a, --all             include pseudo, duplicate, inaccessible file systems\n"
    "  -B, --block-size=SIZE  scale sizes by SIZE before printing them\n"
    "  -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)\n"
    "  -H, --si              print sizes in powers of 1000 (e.g., 1.1G)\n"
    "  -i, --inodes          list inode information instead of block usage\n"
    "  -k                    like --block-size=1K\n"
    "  -l, --local           limit listing to local file systems\n"
    "      --output[=FIELD_LIST]  use the output format defined by FIELD_LIST,\n"
    "                               or print all fields if FIELD_LIST is omitted.\n"
    "  -P, --portability     use the POSIX output format\n"
    "      --total           elide all entries insignificant to available space,\n"
    "                          and produce a grand total\n"
    "  -t, --type=TYPE       limit listing to file systems of type TYPE\n"
    "  -T, --print-type      print file system type\n"
    "  -x, --exclude-type=TYPE   limit listing to file systems not of type TYPE\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "FIELD_LIST is a comma-separated list of columns to be included.  Valid\n"
    "field names are: 'source', 'fstype', 'itotal', 'iused', 'iavail', 'ipcent',\n"
    "'size', 'used', 'avail', 'pcent', 'file' and 'target' (see info page).\n";

enum { DF_OUTPUT = 256, DF_TOTAL, DF_SYNC, DF_NOSYNC };
static const bi_longopt df__longs[] = {
    {"all", 0, 'a'}, {"block-size", 1, 'B'}, {"human-readable", 0, 'h'}, {"si", 0, 'H'},
    {"inodes", 0, 'i'}, {"local", 0, 'l'}, {"output", 2, DF_OUTPUT},
    {"portability", 0, 'P'}, {"print-type", 0, 'T'}, {"sync", 0, DF_SYNC},
    {"no-sync", 0, DF_NOSYNC}, {"total", 0, DF_TOTAL}, {"type", 1, 't'},
    {"exclude-type", 1, 'x'}, {0},
};

enum { F_SOURCE, F_FSTYPE, F_ITOTAL, F_IUSED, F_IAVAIL, F_IPCENT, F_SIZE, F_USED, F_AVAIL,
       F_PCENT, F_FILE, F_TARGET, F__N };

static const struct {
    const char *name, *header;
    int width;
    bool left;
} df__fields[F__N] = {
    {"source", "Filesystem", 14, true}, {"fstype", "Type", 4, true},
    {"itotal", "Inodes", 5, false},     {"iused", "IUsed", 5, false},
    {"iavail", "IFree", 5, false},      {"ipcent", "IUse%", 4, false},
    {"size", "Size", 5, false},         {"used", "Used", 5, false},
    {"avail", "Avail", 5, false},       {"pcent", "Use%", 4, false},
    {"file", "File", 4, true},          {"target", "Mounted on", 0, true},
};

#define DF_FSTYPE "vbashfs"

typedef struct df_opts {
    bool human, si, posix, output_mode;
    uint64_t block;
    int fields[F__N];
    int nfields;
} df_opts;

static char *df__num(vb_cmd *cmd, const df_opts *op, uint64_t v, bool bytes)
{
    if (op->human) {
        char b[32];
        fs_human(b, v, op->si);
        return mem_strdup(cmd->heap, b);
    }
    if (bytes)
        return mem_printf(cmd->heap, "%llu", (unsigned long long)((v + op->block - 1) / op->block));
    return mem_printf(cmd->heap, "%llu", (unsigned long long)v);
}

static char *df__pct(vb_cmd *cmd, uint64_t used, uint64_t avail)
{
    uint64_t t = used + avail;
    if (t == 0)
        return mem_strdup(cmd->heap, "-");
    uint64_t p = (used * 100 + t - 1) / t;
    return mem_printf(cmd->heap, "%llu%%", (unsigned long long)p);
}

static char *df__cell(vb_cmd *cmd, const df_opts *op, int f, const vfs_statfs_t *s, const char *file,
                      bool total)
{
    uint64_t avail = s->total_bytes > s->used_bytes ? s->total_bytes - s->used_bytes : 0;
    uint64_t iavail = s->total_inodes > s->used_inodes ? s->total_inodes - s->used_inodes : 0;
    switch (f) {
    case F_SOURCE: return mem_strdup(cmd->heap, total ? "total" : DF_FSTYPE);
    case F_FSTYPE: return mem_strdup(cmd->heap, total ? "-" : DF_FSTYPE);
    case F_ITOTAL: return df__num(cmd, op, s->total_inodes, false);
    case F_IUSED: return df__num(cmd, op, s->used_inodes, false);
    case F_IAVAIL: return df__num(cmd, op, iavail, false);
    case F_IPCENT: return df__pct(cmd, s->used_inodes, iavail);
    case F_SIZE: return df__num(cmd, op, s->total_bytes, true);
    case F_USED: return df__num(cmd, op, s->used_bytes, true);
    case F_AVAIL: return df__num(cmd, op, avail, true);
    case F_PCENT: return df__pct(cmd, s->used_bytes, avail);
    case F_FILE: return mem_strdup(cmd->heap, total ? "-" : file);
    default: return mem_strdup(cmd->heap, total ? "-" : "/");
    }
}

static char *df__size_header(vb_cmd *cmd, const df_opts *op)
{
    if (op->human)
        return mem_strdup(cmd->heap, "Size");
    uint64_t b = op->block;
    const char *suffix = op->posix && b == 1024 ? NULL : "-blocks";
    if (op->posix && b == 1024)
        return mem_strdup(cmd->heap, "1024-blocks");
    static const char units[] = "KMGTPE";
    int u = -1;
    while (b % 1024 == 0 && b >= 1024 && u < 5) {
        b /= 1024;
        u++;
    }
    if (u >= 0 && b == 1)
        return mem_printf(cmd->heap, "1%c%s", units[u], suffix);
    if (u >= 0)
        return mem_printf(cmd->heap, "%llu%c%s", (unsigned long long)b, units[u], suffix);
    return mem_printf(cmd->heap, "%llu%s", (unsigned long long)op->block, suffix);
}

int bi_df(vb_cmd *cmd)
{
    df_opts op;
    memset(&op, 0, sizeof op);
    op.block = 1024;
    bool inodes = false, print_type = false, total = false;
    const char *output = NULL;
    bool output_all = false;
    char **types = NULL, **xtypes = NULL;
    size_t ntypes = 0, nxtypes = 0;
    bi_opt o;
    bi_opt_init(&o, cmd, "aB:hHiklmPTt:vx:", df__longs, df__help);
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case 'a': case 'l': case 'v': case DF_SYNC: case DF_NOSYNC: break; /* one local fs */
        case 'B': {
            uint64_t v;
            if (bi_parse_size(o.arg, &v) < 0 || v == 0)
            {
                /* GNU names the option as it was written */
                const char *w = cmd->argv[o.ind - 1] == o.arg && o.ind >= 2 ? cmd->argv[o.ind - 2]
                                                                            : cmd->argv[o.ind - 1];
                return bi_done(cmd, bi_err(cmd, "invalid %s argument %s",
                                           strncmp(w, "--", 2) ? "-B" : "--block-size",
                                           fs_q(cmd, o.arg)));
            }
            op.block = v;
            op.human = false;
            break;
        }
        case 'h': op.human = true; op.si = false; break;
        case 'H': op.human = true; op.si = true; break;
        case 'i': inodes = true; break;
        case 'k': op.block = 1024; op.human = false; break;
        case 'm': op.block = 1024 * 1024; op.human = false; break;
        case 'P': op.posix = true; break;
        case 'T': print_type = true; break;
        case DF_TOTAL: total = true; break;
        case DF_OUTPUT:
            if (o.arg)
                output = output ? mem_printf(cmd->heap, "%s,%s", output, o.arg) : o.arg;
            else
                output_all = true;
            break;
        case 't':
        case 'x': {
            char ***v = c == 't' ? &types : &xtypes;
            size_t *n = c == 't' ? &ntypes : &nxtypes;
            char **nv = mem_realloc(cmd->heap, *v, (*n + 1) * sizeof *nv);
            if (!nv)
                return bi_done(cmd, 1);
            *v = nv;
            nv[(*n)++] = (char *)o.arg;
            break;
        }
        default: return bi_done(cmd, o.status);
        }
    }
    for (size_t i = 0; i < ntypes; i++)
        for (size_t j = 0; j < nxtypes; j++)
            if (!strcmp(types[i], xtypes[j]))
                return bi_done(cmd, bi_err(cmd, "file system type %s both selected and excluded",
                                           fs_lq(cmd, types[i])));
    if ((output || output_all) && (inodes || print_type || op.posix)) {
        const char *which = inodes ? "-i" : print_type ? "-T" : "-P";
        return bi_done(cmd, bi_usage(cmd, 1, "options %s and --output are mutually exclusive", which));
    }
    if (output || output_all) {
        op.output_mode = true;
        if (output_all) {
            for (int i = 0; i < F__N; i++)
                op.fields[op.nfields++] = i;
        } else {
            char *l = mem_strdup(cmd->heap, output);
            bool seen[F__N] = {0};
            for (char *sv = NULL, *t = strtok_r(l, ",", &sv); t; t = strtok_r(NULL, ",", &sv)) {
                int f = -1;
                for (int i = 0; i < F__N; i++)
                    if (!strcmp(df__fields[i].name, t))
                        f = i;
                if (f < 0) {
                    bi_err(cmd, "option --output: field %s unknown", fs_lq(cmd, t));
                    return bi_done(cmd, fs_try(cmd));
                }
                if (seen[f]) {
                    bi_err(cmd, "option --output: field %s used more than once", fs_lq(cmd, t));
                    return bi_done(cmd, fs_try(cmd));
                }
                seen[f] = true;
                op.fields[op.nfields++] = f;
            }
        }
    } else {
        op.fields[op.nfields++] = F_SOURCE;
        if (print_type)
            op.fields[op.nfields++] = F_FSTYPE;
        if (inodes) {
            op.fields[op.nfields++] = F_ITOTAL;
            op.fields[op.nfields++] = F_IUSED;
            op.fields[op.nfields++] = F_IAVAIL;
            op.fields[op.nfields++] = F_IPCENT;
        } else {
            op.fields[op.nfields++] = F_SIZE;
            op.fields[op.nfields++] = F_USED;
            op.fields[op.nfields++] = F_AVAIL;
            op.fields[op.nfields++] = F_PCENT;
        }
        op.fields[op.nfields++] = F_TARGET;
    }
    bool type_ok = true;
    if (ntypes) {
        type_ok = false;
        for (size_t i = 0; i < ntypes; i++)
            if (!strcmp(types[i], DF_FSTYPE))
                type_ok = true;
    }
    for (size_t i = 0; i < nxtypes; i++)
        if (!strcmp(xtypes[i], DF_FSTYPE))
            type_ok = false;

    /* rows: header, one per operand (or the one file system), total */
    int nops = cmd->argc - o.ind;
    size_t maxrows = (size_t)(nops > 0 ? nops : 1) + 2;
    char ***rows = mem_calloc(cmd->heap, maxrows, sizeof *rows);
    if (!rows)
        return bi_done(cmd, 1);
    size_t nrows = 0;
    rows[nrows] = mem_calloc(cmd->heap, (size_t)op.nfields, sizeof(char *));
    for (int i = 0; i < op.nfields; i++) {
        int f = op.fields[i];
        const char *h = df__fields[f].header;
        if (f == F_SIZE && !op.human)
            h = df__size_header(cmd, &op);
        if (!op.output_mode) {
            if (f == F_AVAIL && !op.human)
                h = "Available";
            if (f == F_PCENT && op.posix)
                h = "Capacity";
        }
        rows[nrows][i] = (char *)h;
    }
    nrows++;
    int status = 0;
    vfs_statfs_t sum;
    memset(&sum, 0, sizeof sum);
    int listed = 0;
    for (int k = 0; k < (nops > 0 ? nops : 1); k++) {
        const char *file = nops > 0 ? cmd->argv[o.ind + k] : "/";
        vfs_statfs_t s;
        vfs_stat_t st;
        char *abs = bi_path(cmd, file);
        int rc = nops > 0 ? vfs_stat(cmd->vfs, abs, &st) : 0;
        if (rc == 0)
            rc = vfs_statfs(cmd->vfs, abs, &s);
        if (rc < 0) {
            status = fs_errf(cmd, rc, "%s", fs_qf(cmd, file));
            continue;
        }
        if (!type_ok)
            continue;
        if (nops == 0)
            file = "-";
        rows[nrows] = mem_calloc(cmd->heap, (size_t)op.nfields, sizeof(char *));
        for (int i = 0; i < op.nfields; i++)
            rows[nrows][i] = df__cell(cmd, &op, op.fields[i], &s, file, false);
        nrows++;
        listed++;
        if (listed == 1 || nops == 0) {
            /* the same file system counts once in the total */
            sum = s;
        }
    }
    if (listed == 0) {
        if (status == 0 || nops == 0 || !type_ok)
            bi_err(cmd, "no file systems processed");
        return bi_done(cmd, 1);
    }
    if (total) {
        rows[nrows] = mem_calloc(cmd->heap, (size_t)op.nfields, sizeof(char *));
        for (int i = 0; i < op.nfields; i++)
            rows[nrows][i] = df__cell(cmd, &op, op.fields[i], &sum, "-", true);
        nrows++;
    }
    int widths[F__N];
    for (int i = 0; i < op.nfields; i++) {
        widths[i] = df__fields[op.fields[i]].width;
        for (size_t r = 0; r < nrows; r++) {
            int w = (int)strlen(rows[r][i]);
            if (w > widths[i])
                widths[i] = w;
        }
    }
    for (size_t r = 0; r < nrows; r++) {
        for (int i = 0; i < op.nfields; i++) {
            if (i)
                bi_outc(cmd, ' ');
            bool last = i == op.nfields - 1;
            if (df__fields[op.fields[i]].left)
                bi_outf(cmd, "%-*s", last ? 0 : widths[i], rows[r][i]);
            else
                bi_outf(cmd, "%*s", widths[i], rows[r][i]);
        }
        bi_outc(cmd, '\n');
    }
    return bi_done(cmd, status);
}
