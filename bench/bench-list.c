/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench-list"

#include "config.h"

#include <stdlib.h>

#include "bench-gtk-util.h"
#include "bench-util.h"
#include "relay-device-list-view.h"
#include "relay-device-row.h"

/* Issue 6: "a list that stays smooth with 10,000 devices". Bounded: */
#define N_SMOOTH_FRAMES 240   /* a steady fling, SMOOTH_STEP_PX per frame */
#define SMOOTH_STEP_PX  48
#define N_JUMP_FRAMES   120   /* a new random position every frame (scrollbar drag) */
#define FRAME_BUDGET_MS (1000.0 / 60)

typedef enum
{
  PHASE_FIRST_FRAME,
  PHASE_SMOOTH,
  PHASE_JUMP,
  PHASE_DONE,
} Phase;

typedef struct
{
  GtkWidget     *window;
  GtkAdjustment *adjustment;
  Phase          phase;
  guint          frame;         /* frames into the phase */
  GRand         *rand;
  gint64         before_paint_us;
  gint64         last_before_paint_us;
  gint64         first_frame_us;
  GArray        *work_ms;       /* before-paint → after-paint: update, layout, paint */
  GArray        *interval_ms;   /* between frames */
} Bench;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *bench)
{
  bench->last_before_paint_us = bench->before_paint_us;
  bench->before_paint_us = g_get_monotonic_time ();
}

/* The tick callback runs in the update phase, so layout and paint of the
 * new position happen in the same frame and count towards its work. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Bench *bench = data;
  double upper = gtk_adjustment_get_upper (bench->adjustment) - gtk_adjustment_get_page_size (bench->adjustment);

  if (bench->phase == PHASE_SMOOTH)
    gtk_adjustment_set_value (bench->adjustment,
                              MIN (upper, gtk_adjustment_get_value (bench->adjustment) + SMOOTH_STEP_PX));
  else if (bench->phase == PHASE_JUMP)
    gtk_adjustment_set_value (bench->adjustment, g_rand_double_range (bench->rand, 0, upper));
  return bench->phase == PHASE_DONE ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static guint
count_over_budget (GArray *samples)
{
  guint n = 0;

  for (guint i = 0; i < samples->len; i++)
    n += g_array_index (samples, double, i) > FRAME_BUDGET_MS;
  return n;
}

/* Reports one phase's frames. */
static void
report_phase (Bench      *bench,
              const char *name)
{
  g_autofree char *work = g_strdup_printf ("scale.ui.%s_frame_work", name);
  g_autofree char *interval = g_strdup_printf ("scale.ui.%s_frame_interval", name);
  g_autofree char *over = g_strdup_printf ("scale.ui.%s_frames_over_budget", name);
  guint n_over = count_over_budget (bench->work_ms);

  bench_report_samples (work, bench->work_ms, "ms");
  bench_report_samples (interval, bench->interval_ms, "ms");
  g_print ("%s: %u of %u frames took more than %.1f ms of work\n", name, n_over, bench->work_ms->len,
           FRAME_BUDGET_MS);
  bench_result (over, n_over, "frames");
  g_array_set_size (bench->work_ms, 0);
  g_array_set_size (bench->interval_ms, 0);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  double work = (g_get_monotonic_time () - bench->before_paint_us) / 1000.0;
  double interval = (bench->before_paint_us - bench->last_before_paint_us) / 1000.0;

  switch (bench->phase)
    {
    case PHASE_FIRST_FRAME:
      bench->first_frame_us = g_get_monotonic_time ();
      bench->phase = PHASE_SMOOTH;
      bench->frame = 0;
      gtk_widget_add_tick_callback (bench->window, scroll_tick_cb, bench, NULL);
      return;
    case PHASE_SMOOTH:
    case PHASE_JUMP:
      /* The first scrolled frame's interval includes the idle time before it. */
      if (bench->frame > 0)
        {
          g_array_append_val (bench->work_ms, work);
          g_array_append_val (bench->interval_ms, interval);
        }
      bench->frame++;
      break;
    case PHASE_DONE:
    default:
      return;
    }

  if (bench->phase == PHASE_SMOOTH && bench->frame > N_SMOOTH_FRAMES)
    {
      g_print ("fling: %u frames, %.0f px down\n", N_SMOOTH_FRAMES,
               gtk_adjustment_get_value (bench->adjustment));
      report_phase (bench, "fling");
      bench->phase = PHASE_JUMP;
      bench->frame = 0;
    }
  else if (bench->phase == PHASE_JUMP && bench->frame > N_JUMP_FRAMES)
    {
      g_print ("jumps: %u frames, each at a random position\n", N_JUMP_FRAMES);
      report_phase (bench, "jump");
      bench->phase = PHASE_DONE;
    }
}

static gboolean
phase_is_done (gpointer data)
{
  return ((Bench *) data)->phase == PHASE_DONE;
}

static gboolean
first_frame_painted (gpointer data)
{
  return ((Bench *) data)->first_frame_us != 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonArray) templates = NULL;
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(CkDeviceList) devices = ck_device_list_new ();
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GArray) work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *view;
  GdkFrameClock *clock;
  Bench bench = { 0 };
  gsize rss_before, rss_shown;
  gint64 start, presented;
  guint rows;

  bench_gtk_init ();

  /* The demo's families, ten thousand times, as a client holds them. */
  templates = bench_fetch_demo_devices ();
  array = bench_clone_devices (templates, BENCH_N_DEVICES);
  ck_device_list_replace_all (devices, array);
  g_clear_pointer (&array, json_array_unref);
  /* Never contacted: the list only reads the model. */
  api = ck_api_new ("http://127.0.0.1:9/{region}", CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  client = ck_client_new (api);
  rss_before = bench_rss_kib ();

  bench.window = gtk_window_new ();
  bench.rand = g_rand_new_with_seed (6);
  bench.work_ms = work_ms;
  bench.interval_ms = interval_ms;
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 800, 720);

  start = g_get_monotonic_time ();
  view = relay_device_list_view_new ();
  gtk_window_set_child (GTK_WINDOW (bench.window), view);
  relay_device_list_view_set_model (RELAY_DEVICE_LIST_VIEW (view), client, G_LIST_MODEL (devices));
  presented = g_get_monotonic_time ();
  gtk_widget_realize (bench.window);
  clock = gtk_widget_get_frame_clock (bench.window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &bench);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);
  gtk_window_present (GTK_WINDOW (bench.window));
  bench_wait_until (first_frame_painted, &bench, BENCH_WAIT_MS, "the first frame");
  rss_shown = bench_rss_kib ();
  rows = bench_gtk_count (view, RELAY_TYPE_DEVICE_ROW);

  g_print ("%u devices: model set (filter, sort) in %.1f ms; first frame %.1f ms after that; "
           "%u row widgets; RSS +%.1f MiB for the view\n",
           g_list_model_get_n_items (relay_device_list_view_get_shown (RELAY_DEVICE_LIST_VIEW (view))),
           (presented - start) / 1000.0, (bench.first_frame_us - presented) / 1000.0, rows,
           ((double) rss_shown - rss_before) / 1024.0);
  if (g_list_model_get_n_items (relay_device_list_view_get_shown (RELAY_DEVICE_LIST_VIEW (view))) != BENCH_N_DEVICES
      || rows == 0)
    {
      g_printerr ("bench: the list does not show the %u devices\n", BENCH_N_DEVICES);
      return 1;
    }
  bench_result ("scale.ui.set_model", (presented - start) / 1000.0, "ms");
  bench_result ("scale.ui.present_to_first_frame", (bench.first_frame_us - presented) / 1000.0, "ms");
  bench_result ("scale.ui.view_rss_growth", ((double) rss_shown - rss_before) / 1024.0, "MiB");
  bench_result ("scale.ui.row_widgets", rows, "rows");

  bench.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (relay_device_list_view_get_list (RELAY_DEVICE_LIST_VIEW (view))));
  bench_wait_until (phase_is_done, &bench, 60000, "the scrolling frames");

  g_rand_free (bench.rand);
  g_signal_handlers_disconnect_by_data (clock, &bench);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  return 0;
}
