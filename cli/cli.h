/*
 * The vbash executable: shared pieces between cli/main.c (arguments, script
 * modes) and cli/interactive.c (the prompt).
 */
#ifndef VB_CLI_CLI_H
#define VB_CLI_CLI_H

#include <signal.h>

#include "vbash/vbash.h"

/* The session a SIGINT should cancel (NULL when none is running). Written
 * by the main thread, read by the signal handler. */
extern vb_session *volatile cli_running;

/* Runs the interactive shell on the terminal until exit or Ctrl-D; returns
 * the exit status. */
int cli_interactive(vb_session *s);

#endif
