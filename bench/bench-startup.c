/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "bench-gtk-util.h"
#include "bench-util.h"
#include "relay-application.h"
#include "relay-device-row.h"

/* Separate processes, so every run starts as `relay --demo` does. */
#define N_APP_RUNS 7
#define N_SIM_RUNS 10

/* ------------------------------------------------------------- the child:
 * `relay --demo` in this process (the same RelayApplication main.c runs),
 * timing main → the first frame painted, and → the first frame showing the
 * demo's device rows (sign-in and device list done). */

typedef struct
{
  gint64            main_us;
  gint64            frame_us;
  gsize             frame_rss_kib;
  GtkApplication   *application;
  GtkWidget        *window;
} Child;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Child         *child)
{
  gint64 now = g_get_monotonic_time ();

  if (child->frame_us == 0)
    {
      child->frame_us = now;
      child->frame_rss_kib = bench_rss_kib ();
    }
  if (bench_gtk_count (child->window, RELAY_TYPE_DEVICE_ROW) == 0)
    return;

  /* Absolute monotonic times: the parent also knows when it spawned us. */
  g_print ("CHILD main_us=%" G_GINT64_FORMAT " frame_us=%" G_GINT64_FORMAT " devices_us=%" G_GINT64_FORMAT
           " frame_rss_kib=%" G_GSIZE_FORMAT " devices_rss_kib=%" G_GSIZE_FORMAT "\n",
           child->main_us, child->frame_us, now, child->frame_rss_kib, bench_rss_kib ());
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, child);
  g_application_quit (G_APPLICATION (child->application));
}

static void
on_map_cb (GtkWidget *window,
           Child     *child)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (on_after_paint_cb), child);
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    Child          *child)
{
  if (child->window != NULL)
    return;
  child->window = GTK_WIDGET (window);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), child);
}

static gboolean
on_child_timeout_cb (gpointer data)
{
  g_printerr ("bench: no frame with devices after %d ms\n", BENCH_WAIT_MS);
  exit (1);
}

static int
run_child (gint64 main_us)
{
  g_autoptr(RelayApplication) application = NULL;
  char *argv[] = { (char *) "relay", (char *) "--demo", NULL };
  Child child = { main_us, 0, 0, NULL, NULL };

  /* As main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = relay_application_new ();
  child.application = GTK_APPLICATION (application);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added_cb), &child);
  g_timeout_add (BENCH_WAIT_MS, on_child_timeout_cb, NULL);
  return g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv);
}

/* ------------------------------------------------------------ the parent */

/* The value of " key=" in @line. */
static gint64
field (const char *line,
       const char *key)
{
  g_autofree char *needle = g_strdup_printf (" %s=", key);
  const char *at = strstr (line, needle);

  if (at == NULL)
    {
      g_printerr ("bench: no %s in \"%s\"\n", key, line);
      exit (1);
    }
  return g_ascii_strtoll (at + strlen (needle), NULL, 10);
}

static void
append (GArray *samples,
        double  value)
{
  g_array_append_val (samples, value);
}

static void
bench_app (const char *self_path)
{
  g_autoptr(GArray) exec_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) main_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) main_devices = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) exec_devices = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss_devices = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < N_APP_RUNS; run++)
    {
      const char *argv[] = { self_path, "--child", NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      const char *line = NULL;
      gint64 spawn_us = g_get_monotonic_time ();

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      bench_check (error, "starting the app");
      g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
      bench_check (error, "running the app");
      if (!g_subprocess_get_successful (child))
        {
          g_printerr ("bench: the app failed:\n%s\n", out);
          exit (1);
        }
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "CHILD "))
          line = lines[i];
      if (line == NULL)
        {
          g_printerr ("bench: the app printed no timings:\n%s\n", out);
          exit (1);
        }

      g_print ("run %u: exec->main %.1f ms, main->first frame %.1f ms, main->devices shown %.1f ms, "
               "RSS %.1f / %.1f MiB\n", run + 1,
               (field (line, "main_us") - spawn_us) / 1000.0,
               (field (line, "frame_us") - field (line, "main_us")) / 1000.0,
               (field (line, "devices_us") - field (line, "main_us")) / 1000.0,
               field (line, "frame_rss_kib") / 1024.0, field (line, "devices_rss_kib") / 1024.0);
      append (exec_main, (field (line, "main_us") - spawn_us) / 1000.0);
      append (main_frame, (field (line, "frame_us") - field (line, "main_us")) / 1000.0);
      append (main_devices, (field (line, "devices_us") - field (line, "main_us")) / 1000.0);
      append (exec_devices, (field (line, "devices_us") - spawn_us) / 1000.0);
      append (rss_frame, field (line, "frame_rss_kib") / 1024.0);
      append (rss_devices, field (line, "devices_rss_kib") / 1024.0);
    }

  bench_report_samples ("startup.app.exec_to_main", exec_main, "ms");
  bench_report_samples ("startup.app.main_to_first_frame", main_frame, "ms");
  bench_report_samples ("startup.app.main_to_devices_shown", main_devices, "ms");
  bench_report_samples ("startup.app.exec_to_devices_shown", exec_devices, "ms");
  bench_report_samples ("startup.app.rss_first_frame", rss_frame, "MiB");
  bench_report_samples ("startup.app.rss_devices_shown", rss_devices, "MiB");
}

static void
bench_sim (const char *relay_sim)
{
  g_autoptr(GArray) first_line = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < N_SIM_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GSubprocess) sim = bench_spawn_sim (relay_sim, (const char *[]) { "--demo", NULL }, NULL);
      g_autofree char *status_path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (sim));
      g_autofree char *status = NULL;
      const char *vmrss;

      append (first_line, bench_elapsed_ms (start));
      if (g_file_get_contents (status_path, &status, NULL, NULL) && (vmrss = strstr (status, "VmRSS:")) != NULL)
        append (rss, g_ascii_strtoull (vmrss + strlen ("VmRSS:"), NULL, 10) / 1024.0);
      bench_stop_sim (sim);
    }
  bench_report_samples ("startup.sim.exec_to_first_line", first_line, "ms");
  bench_report_samples ("startup.sim.rss_at_first_line", rss, "MiB");
}

int
main (int   argc,
      char *argv[])
{
  gint64 main_us = g_get_monotonic_time ();

  if (argc == 2 && g_str_equal (argv[1], "--child"))
    return run_child (main_us);

  if (argc != 2)
    {
      g_printerr ("Usage: %s RELAY_SIM\n", argv[0]);
      return 2;
    }

  bench_sim (argv[1]);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("SKIP: no display for the app (bench/run.sh runs the benchmarks under Xvfb)\n");
      return BENCH_EXIT_SKIP;
    }
  g_print ("relay --demo, %u runs, renderer %s\n", N_APP_RUNS,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  bench_app (argv[0]);
  return 0;
}
