/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* Echo off for a secret prompt, and never left off: a Ctrl-C at the prompt
 * must not hand the shell a terminal that hides what the user types next. */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include "relayctl-tty.h"

static const int watched_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };

/* Read by the signal handler: set before it is installed, kept until it is removed. */
static int              echo_fd = -1;
static struct termios   echo_saved;
static struct termios   echo_quiet;
static struct sigaction previous_actions[G_N_ELEMENTS (watched_signals)];
static gboolean         handler_installed[G_N_ELEMENTS (watched_signals)];

static gsize
watched_index (int signal_number)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (watched_signals) - 1; i++)
    if (watched_signals[i] == signal_number)
      break;

  return i;
}

/* Only async-signal-safe calls. The signal is blocked while this runs, so a
 * re-raised one is delivered, with the previous action, once it returns. */
static void
on_prompt_signal (int signal_number)
{
  gsize i = watched_index (signal_number);
  int saved_errno = errno;

  tcsetattr (echo_fd, TCSANOW, &echo_saved);

  if (signal_number == SIGTSTP)
    {
      struct sigaction ours;
      sigset_t stop;

      /* Stop here with the terminal as the shell wants it; back at the
       * prompt after SIGCONT. */
      sigaction (SIGTSTP, &previous_actions[i], &ours);
      raise (SIGTSTP);
      sigemptyset (&stop);
      sigaddset (&stop, SIGTSTP);
      pthread_sigmask (SIG_UNBLOCK, &stop, NULL);
      pthread_sigmask (SIG_BLOCK, &stop, NULL);
      sigaction (SIGTSTP, &ours, NULL);
      tcsetattr (echo_fd, TCSANOW, &echo_quiet);
    }
  else
    {
      sigaction (signal_number, &previous_actions[i], NULL);
      raise (signal_number);
    }

  errno = saved_errno;
}

static void
install_handlers (void)
{
  struct sigaction action = { .sa_handler = on_prompt_signal, .sa_flags = SA_RESTART };

  sigemptyset (&action.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (watched_signals); i++)
    {
      struct sigaction current;

      /* An ignored signal (nohup) stays ignored. */
      handler_installed[i] = sigaction (watched_signals[i], NULL, &current) == 0
                             && current.sa_handler != SIG_IGN
                             && sigaction (watched_signals[i], &action, &previous_actions[i]) == 0;
    }
}

static void
remove_handlers (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (watched_signals); i++)
    if (handler_installed[i])
      {
        sigaction (watched_signals[i], &previous_actions[i], NULL);
        handler_installed[i] = FALSE;
      }
}

gboolean
relayctl_tty_echo_off (int fd)
{
  g_return_val_if_fail (echo_fd == -1, FALSE);

  if (!isatty (fd) || tcgetattr (fd, &echo_saved) != 0)
    return FALSE;

  echo_quiet = echo_saved;
  echo_quiet.c_lflag &= ~(tcflag_t) ECHO;
  echo_fd = fd;

  /* Handlers first, so that no moment has echo off without them. TCSANOW,
   * not TCSAFLUSH: what the user typed ahead is the answer, keep it. */
  install_handlers ();
  if (tcsetattr (fd, TCSANOW, &echo_quiet) != 0)
    {
      remove_handlers ();
      echo_fd = -1;
      return FALSE;
    }

  return TRUE;
}

void
relayctl_tty_echo_restore (void)
{
  if (echo_fd == -1)
    return;

  /* The terminal before the handlers, so that no moment has echo off without them. */
  tcsetattr (echo_fd, TCSANOW, &echo_saved);
  remove_handlers ();
  echo_fd = -1;
}
