/*
 * timeout: run a command with a time limit. The command runs as a child
 * virtual process; at the deadline it (and, without --foreground, every
 * process it started) gets the signal (TERM unless -s), and with -k a KILL
 * that much later. Status 124 on timeout (the command's own with
 * --preserve-status), 137 after the KILL, 125 for timeout's own errors,
 * 126/127 when the command cannot be run. Durations: floating point numbers
 * with an optional s/m/h/d suffix; 0 disables. Reference: GNU coreutils 9.1.
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "builtins/lib/bi.h"
#include "builtins/lib/fs_util.h"

VB_BUILTIN("timeout", bi_timeout, BI_UTIL)

static const char timeout_help[] =
    "Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n"
    "  or:  timeout [OPTION]\n"
    "Start COMMAND, and kill it if still running after DURATION.\n"
    "\n"
    "Mandatory arguments to long options are mandatory for short options too.\n"
    "      --preserve-status\n"
    "                 exit with the same status as COMMAND, even when the\n"
    "                   command times out\n"
    "      --foreground\n"
    "                 when not running timeout directly from a shell prompt,\n"
    "                   allow COMMAND to read from the TTY and get TTY signals;\n"
    "                   in this mode, children of COMMAND will not be timed out\n"
    "  -k, --kill-after=DURATION\n"
    "                 also send a KILL signal if COMMAND is still running\n"
    "                   this long after the initial signal was sent\n"
    "  -s, --signal=SIGNAL\n"
    "                 specify the signal to be sent on timeout;\n"
    "                   SIGNAL may be a name like 'HUP' or a number;\n"
    "                   see 'kill -l' for a list of signals\n"
    "  -v, --verbose  diagnose to stderr any signal sent upon timeout\n"
    "      --help        display this help and exit\n"
    "      --version     output version information and exit\n"
    "\n"
    "DURATION is a floating point number with an optional suffix:\n"
    "'s' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.\n"
    "A duration of 0 disables the associated timeout.\n"
    "\n"
    "Upon timeout, send the TERM signal to COMMAND, if no other SIGNAL specified.\n"
    "The TERM signal kills any process that does not block or catch that signal.\n"
    "It may be necessary to use the KILL signal, since this signal can't be caught.\n"
    "\n"
    "EXIT status:\n"
    "  124  if COMMAND times out, and --preserve-status is not specified\n"
    "  125  if the timeout command itself fails\n"
    "  126  if COMMAND is found but cannot be invoked\n"
    "  127  if COMMAND cannot be found\n"
    "  137  if COMMAND (or timeout itself) is sent the KILL (9) signal (128+9)\n"
    "  -    the exit status of COMMAND otherwise\n";

enum { TO_PRESERVE = 256, TO_FOREGROUND };

#define TO_FAIL 125

/* A duration in nanoseconds; false when it is not one. Saturates. */
static bool timeout__duration(const char *s, uint64_t *ns)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0 || isnan(v))
        return false;
    double mult = 1;
    if (*end) {
        if (end[1])
            return false;
        switch (*end) {
        case 's': mult = 1; break;
        case 'm': mult = 60; break;
        case 'h': mult = 3600; break;
        case 'd': mult = 86400; break;
        default: return false;
        }
    }
    double t = v * mult * 1e9;
    if (t >= 1.8e19)
        *ns = UINT64_MAX / 2;
    else {
        *ns = (uint64_t)t;
        if (*ns == 0 && v > 0)
            *ns = 1; /* a positive duration below a nanosecond still times out */
    }
    return true;
}

/* Signal number of a name ("TERM", "SIGTERM", "term") or number; -1 if none. */
static int timeout__signal(const char *s)
{
    if (*s >= '0' && *s <= '9') {
        char *end;
        long n = strtol(s, &end, 10);
        return *end || n < 0 || n > 64 ? -1 : (int)n;
    }
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    if (strcasecmp(s, "EXIT") == 0)
        return 0;
    for (int i = 1; i < 32; i++) {
        const char *ab = sigabbrev_np(i);
        if (ab && strcasecmp(ab, s) == 0)
            return i;
    }
    return -1;
}

static const char *timeout__signame(int sig, char buf[16])
{
    const char *ab = sig > 0 && sig < 32 ? sigabbrev_np(sig) : NULL;
    if (ab)
        return ab;
    snprintf(buf, 16, "%d", sig);
    return buf;
}

int bi_timeout(vb_cmd *cmd)
{
    static const bi_longopt longs[] = {
        {"preserve-status", 0, TO_PRESERVE}, {"foreground", 0, TO_FOREGROUND},
        {"kill-after", 1, 'k'},              {"signal", 1, 's'},
        {"verbose", 0, 'v'},                 {0},
    };
    bi_opt o;
    bi_opt_init(&o, cmd, "+k:s:v", longs, timeout_help);
    o.usage_status = TO_FAIL;
    bool preserve = false, foreground = false, verbose = false;
    uint64_t kill_after = 0;
    int sig = SIGTERM;
    int c;
    while ((c = bi_opt_next(&o)) != BI_OPT_END) {
        switch (c) {
        case BI_OPT_EXIT: return bi_done(cmd, o.status);
        case BI_OPT_ERR: return TO_FAIL;
        case TO_PRESERVE: preserve = true; break;
        case TO_FOREGROUND: foreground = true; break;
        case 'v': verbose = true; break;
        case 'k':
            if (!timeout__duration(o.arg, &kill_after)) {
                bi_err(cmd, "invalid time interval %s", fs_lq(cmd, o.arg));
                return bi_usage(cmd, TO_FAIL, NULL);
            }
            break;
        case 's':
            sig = timeout__signal(o.arg);
            if (sig < 0) {
                bi_err(cmd, "%s: invalid signal", fs_lq(cmd, o.arg));
                return bi_usage(cmd, TO_FAIL, NULL);
            }
            break;
        default: return TO_FAIL;
        }
    }
    if (cmd->argc - o.ind < 2)
        return bi_usage(cmd, TO_FAIL, NULL);
    uint64_t dur = 0;
    if (!timeout__duration(cmd->argv[o.ind], &dur)) {
        bi_err(cmd, "invalid time interval %s", fs_lq(cmd, cmd->argv[o.ind]));
        return bi_usage(cmd, TO_FAIL, NULL);
    }
    if (!cmd->ops || !cmd->ops->run_timed)
        return bi_err(cmd, "cannot run commands here") ? TO_FAIL : TO_FAIL;
    char *const *argv = cmd->argv + o.ind + 1;
    bi_flush(cmd);
    bool timed_out = false, killed = false;
    int run_errno = 0;
    int st = cmd->ops->run_timed(cmd->shell, argv, cmd->in, cmd->out, cmd->err, dur, sig,
                                 kill_after, foreground, &timed_out, &killed, &run_errno);
    char nb[16];
    if (verbose && timed_out)
        bi_err(cmd, "sending signal %s to command %s", timeout__signame(sig, nb),
               fs_lq(cmd, argv[0]));
    if (verbose && killed)
        bi_err(cmd, "sending signal KILL to command %s", fs_lq(cmd, argv[0]));
    if (run_errno) {
        bi_err(cmd, "failed to run command %s: %s", fs_lq(cmd, argv[0]), vb_strerror(run_errno));
        return st;
    }
    if (st < 0)
        return TO_FAIL;
    if (killed || (timed_out && sig == SIGKILL))
        return 128 + SIGKILL;
    if (timed_out && !preserve)
        return 124;
    return st;
}
