/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl's secret prompt on a real terminal (a pseudo-terminal of the
 * test): echo is off while it reads, and back on when it is done, when a
 * signal ends it and while a SIGTSTP keeps it stopped. */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "relayctl-test-util.h"

#define WAIT_MS 2000
#define POLL_MS 2

typedef struct
{
  int master;
  int slave;
} Terminal;

static void
terminal_open (Terminal *terminal)
{
  struct termios settings;

  /* O_NOCTTY: the test must not take it as its controlling terminal. */
  terminal->master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (terminal->master, >=, 0);
  g_assert_cmpint (grantpt (terminal->master), ==, 0);
  g_assert_cmpint (unlockpt (terminal->master), ==, 0);
  terminal->slave = open (ptsname (terminal->master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (terminal->slave, >=, 0);
  g_assert_cmpint (fcntl (terminal->master, F_SETFL, O_NONBLOCK), ==, 0);

  g_assert_cmpint (tcgetattr (terminal->slave, &settings), ==, 0);
  settings.c_lflag |= ECHO | ICANON;
  g_assert_cmpint (tcsetattr (terminal->slave, TCSANOW, &settings), ==, 0);
}

static void
terminal_close (Terminal *terminal)
{
  close (terminal->slave);
  close (terminal->master);
}

static gboolean
terminal_echoes (const Terminal *terminal)
{
  struct termios settings;

  g_assert_cmpint (tcgetattr (terminal->slave, &settings), ==, 0);

  return (settings.c_lflag & ECHO) != 0;
}

/* All the terminal showed so far (its echo; relayctl's stderr is a pipe). */
static char *
terminal_drain (const Terminal *terminal)
{
  GString *shown = g_string_new (NULL);
  char buffer[256];
  ssize_t n;

  while ((n = read (terminal->master, buffer, sizeof buffer)) > 0)
    g_string_append_len (shown, buffer, n);
  g_assert_true (n == -1 && errno == EAGAIN);

  return g_string_free (shown, FALSE);
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
on_expired_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;

  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @condition holds; fails after WAIT_MS. The
 * terminal's settings send no event, hence the tick. */
static void
wait_until (Condition    condition,
            gpointer     data,
            const char  *what)
{
  gboolean expired = FALSE;
  guint tick = g_timeout_add (POLL_MS, on_tick_cb, NULL);
  guint deadline = g_timeout_add (WAIT_MS, on_expired_cb, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!condition (data))
    g_error ("no %s within %d ms", what, WAIT_MS);

  g_source_remove (tick);
  if (!expired)
    g_source_remove (deadline);
}

static gboolean
echo_is_off (gpointer data)
{
  return !terminal_echoes (data);
}

typedef struct
{
  const Terminal *terminal;
  GSubprocess    *process;
} Prompting;

/* State "T" in /proc/PID/stat and the terminal back as it was. */
static gboolean
stopped_with_echo (gpointer data)
{
  Prompting *prompting = data;
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (prompting->process));
  g_autofree char *stat = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after_name = strrchr (stat, ')')) == NULL)
    return FALSE;

  return g_str_has_prefix (after_name, ") T") && terminal_echoes (prompting->terminal);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* `relayctl login` with no RELAY_PASSWORD: it asks on the terminal. */
static GSubprocess *
spawn_login (const Terminal *terminal)
{
  GSubprocess *process = spawn_relayctl_on_terminal (terminal->slave,
                                                     ANY_ARGS ("login", "--email", CKSIM_DEMO_EMAIL));

  wait_until (echo_is_off, (gpointer) terminal, "echo off at the password prompt");

  return process;
}

/* Waits for the end; its stdout and stderr in @out and @err. */
static void
finish (GSubprocess  *process,
        char        **out,
        char        **err)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_done, &result);
  wait_until (result_arrived, &result, "end of relayctl");
  g_subprocess_communicate_utf8_finish (process, result, out, err, &error);
  g_assert_no_error (error);
}

static void
assert_ended_by_signal (GSubprocess *process,
                        int          signal_number)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  finish (process, &out, &err);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, signal_number);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "Password: "));
}

static void
test_typed_password (void)
{
  Terminal terminal;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *shown = NULL;
  const char typed[] = CKSIM_DEMO_PASSWORD "\n";

  terminal_open (&terminal);
  process = spawn_login (&terminal);

  g_assert_cmpint (write (terminal.master, typed, strlen (typed)), ==, strlen (typed));
  finish (process, &out, &err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (out, CKSIM_DEMO_EMAIL));

  /* Echo back on; the password never shown, neither by the terminal nor by relayctl. */
  g_assert_true (terminal_echoes (&terminal));
  shown = terminal_drain (&terminal);
  g_assert_null (strstr (shown, CKSIM_DEMO_PASSWORD));
  g_assert_null (strstr (out, CKSIM_DEMO_PASSWORD));
  g_assert_null (strstr (err, CKSIM_DEMO_PASSWORD));

  terminal_close (&terminal);
}

static void
test_signal_restores_echo (gconstpointer data)
{
  int signal_number = GPOINTER_TO_INT (data);
  Terminal terminal;
  g_autoptr(GSubprocess) process = NULL;

  terminal_open (&terminal);
  process = spawn_login (&terminal);

  /* Ended by the signal itself (what the shell expects), echo back on. */
  g_subprocess_send_signal (process, signal_number);
  assert_ended_by_signal (process, signal_number);
  g_assert_true (terminal_echoes (&terminal));

  terminal_close (&terminal);
}

static void
test_stop_and_continue (void)
{
  Terminal terminal;
  g_autoptr(GSubprocess) process = NULL;
  Prompting prompting;

  terminal_open (&terminal);
  process = spawn_login (&terminal);
  prompting = (Prompting) { &terminal, process };

  /* Stopped (Ctrl-Z): the shell gets its echo back. */
  g_subprocess_send_signal (process, SIGTSTP);
  wait_until (stopped_with_echo, &prompting, "stop with echo on");

  /* Continued (fg): at the prompt again, echo off. */
  g_subprocess_send_signal (process, SIGCONT);
  wait_until (echo_is_off, &terminal, "echo off again after SIGCONT");

  g_subprocess_send_signal (process, SIGINT);
  assert_ended_by_signal (process, SIGINT);
  g_assert_true (terminal_echoes (&terminal));

  terminal_close (&terminal);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sim_start ();

  g_test_add_func ("/cli/prompt/typed-password", test_typed_password);
  g_test_add_data_func ("/cli/prompt/sigint-restores-echo", GINT_TO_POINTER (SIGINT), test_signal_restores_echo);
  g_test_add_data_func ("/cli/prompt/sigterm-restores-echo", GINT_TO_POINTER (SIGTERM), test_signal_restores_echo);
  g_test_add_data_func ("/cli/prompt/sighup-restores-echo", GINT_TO_POINTER (SIGHUP), test_signal_restores_echo);
  g_test_add_func ("/cli/prompt/stop-and-continue", test_stop_and_continue);

  return run_tests_and_stop_sim ();
}
