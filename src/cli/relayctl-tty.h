/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Echo off on the terminal @fd for a secret prompt. Until
 * relayctl_tty_echo_restore(), a signal that ends the process (SIGINT,
 * SIGTERM, SIGHUP, SIGQUIT) puts the terminal back first, and one that stops
 * it (SIGTSTP) puts it back for the shell and turns echo off again on SIGCONT.
 * FALSE, with nothing changed, when @fd is not a terminal. One prompt at a time. */
gboolean         relayctl_tty_echo_off          (int               fd);
/* Puts the terminal back as it was and the signal actions too; does nothing
 * after a FALSE relayctl_tty_echo_off(). */
void             relayctl_tty_echo_restore      (void);

G_END_DECLS
