/*
 * tar's state and the helpers its files share (builtins/tar.c,
 * builtins/tar_ops.c); private to tar.
 */
#ifndef VB_BUILTINS_TAR_INT_H
#define VB_BUILTINS_TAR_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <zlib.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"
#include "builtins/tar_xform.h"

#define TAR_BLOCK 512
#define TAR_RECORD (T->record)
#define TAR_CHUNK (64 * 1024)

/* Matching options of a pattern (GNU's exclude_fnmatch flags): FNM_CASEFOLD,
 * FNM_PATHNAME (--no-wildcards-match-slash), FNM_LEADING_DIR (recursion),
 * and these two. */
#define TAR_M_WILD (1 << 20)
#define TAR_M_ANCH (1 << 21)

typedef struct tar_pat {
    const char *pat;
    int flags;
} tar_pat;

typedef struct tar_hl {
    uint64_t dev, ino;
    char *name;
    struct tar_hl *next;
} tar_hl;

/* An exclusion tag: a directory holding the file `name` (with the cache
 * signature for CACHEDIR.TAG) keeps only itself and the tag ('c'), only
 * itself ('u'), or is left out ('a'). */
typedef struct tar_tag {
    const char *name;
    bool cache;
    char how;
} tar_tag;

typedef struct tar {
    vb_cmd *cmd;
    int mode;                  /* 'c' 't' 'x' */
    const char *file;
    const char *dir;           /* -C */
    bool gzip, verbose2, preserve, to_stdout, numeric;
    bool keep_old;         /* -k: never replace an existing file */
    int verbose;
    long strip;
    tar_pat *excl;
    size_t nexcl;
    char **names;              /* operands */
    size_t nnames;
    bool *name_seen;
    int *name_flags;           /* matching options of each operand */
    bool wild_default;         /* neither --wildcards nor --no-wildcards given */
    bool recursion;            /* not --no-recursion */
    bool mtime_force;          /* --mtime */
    time_t mtime;
    vfs_file *wf;              /* -r/-u/--delete: the archive, open read-write */
    bool list_err;             /* the -vv line goes to stderr */
    uint64_t record;           /* bytes per record (-b N: N * 512) */
    bool deref;                /* -h: follow symlinks */
    int format;                /* 'g' gnu/oldgnu, 'u' ustar */
    int old_files;             /* 0 replace, 'o' --overwrite, 's' --skip-old-files, 'n' --keep-newer-files */
    bool full_time;            /* --full-time */
    bool utc;                  /* --utc: list times in UTC */
    bool touch;                /* -m: extracted files keep the time of extraction */
    const unsigned char *mbuf; /* --delete -f -: the archive read */
    uint64_t mlen;
    int *name_dk;              /* the -C (index in dirops, -1: none) of each operand */
    bool *name_off;            /* -u: operand dropped (up to date) */
    int status;                /* 2 after a non-fatal error */
    char **prefixes;           /* removed name prefixes already reported */
    size_t nprefixes;
    bool eof_fatal;            /* the archive ended inside a member */
    const char *owner, *group;
    uint32_t owner_id, group_id;
    bool have_owner, have_group;
    uint32_t umask;
    fs_ids ids;
    /* output */
    stream *out;               /* NULL: fd 1 through bi_out */
    z_stream zs;
    bool zinit;
    unsigned char *zbuf;
    uint64_t written;
    int werr;
    /* input */
    stream *in;
    bool zin, zin_end;
    int zerr;                  /* 1: compressed input ended early, 2: corrupt */
    unsigned char *ibuf;
    size_t ilen, ipos;
    bool ieof;
    int rerr;
    tar_hl *links;
    /* directories whose times are set at the end */
    char **dirs;
    struct timespec *dir_mt;
    uint32_t *dir_mode;
    size_t ndirs, capdirs;
    int ugswidth;
    const char **dirops;       /* -C directories (absolute) in order */
    const char **dir_shown;    /* as given */
    int *dirop_at;             /* ...applying from this operand on */
    size_t ndirops;
    bool have_arch;            /* the archive being written is a VFS file */
    uint64_t arch_dev, arch_ino;
    char **delayed;            /* pairs: path, target of symlinks made last */
    time_t *delayed_mt;
    size_t ndelayed;
    tar_xform xf;              /* --transform */
    bool show_xf;              /* --show-transformed-names */
    const char *to_cmd;        /* --to-command */
    bool fatal;                /* "Error is not recoverable" was said */
    bool absolute;             /* -P: names keep their leading '/' and ".." */
    bool remove_files;         /* --remove-files */
    char **removals;           /* --remove-files: pairs name, absolute path of what was
                                * archived, in order */
    size_t nremovals;
    bool null_names;           /* --null: -T names end with NUL */
    bool ignore_failed;        /* --ignore-failed-read */
    fs_modechange *mode_opt;   /* --mode */
    bool differs;              /* -d found a difference (status 1) */
    struct tar_tag *tags;      /* --exclude-caches*, --exclude-tag*: in order */
    size_t ntags;
} tar;

/* The facts of a member that --to-command passes in TAR_* variables. */
typedef struct tar_meminfo {
    const char *name;
    uint32_t mode, uid, gid;
    const char *uname, *gname;
    uint64_t size;
    time_t mtime;
    const char *format;
} tar_meminfo;

/* "tar: MESSAGE\n" on standard error. */
void tar_errmsg(tar *T, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Archive bytes out (through gzip with -z); <0 after a write error. */
int tar_write(tar *T, const void *p, size_t n);
/* Exactly n bytes of the (decompressed) archive; false at its end. */
bool tar_read(tar *T, unsigned char *p, size_t n);
/* Skips a member's data (size bytes, padded); <0 at the archive's end. */
int tar_skip(tar *T, uint64_t size);
/* A name in GNU's escape quoting (name itself when nothing needs it). */
const char *tar_quote(tar *T, const char *name);

/* builtins/tar_ops.c */
int tar_cat_file(tar *T, const char *op, const char *abs);
void tar_to_command(tar *T, const tar_meminfo *mi);
void tar_diff_member(tar *T, char type, const char *abs, const char *name, uint32_t mode,
                     uint32_t uid, uint32_t gid, time_t mtime, uint64_t dsize,
                     const char *link, const char *link_abs);

#endif
