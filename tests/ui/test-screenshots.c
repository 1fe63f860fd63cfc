/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-screenshots"

#include "config.h"

#include "relay-application.h"
#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-test-util.h"
#include "relay-window.h"

/* Not a check of pixels: it saves what the app looks like, for people
 * (and a later visual review), and fails if a page cannot be shown. */

static const char *output_dir;

static gboolean
window_shows_devices (gpointer data)
{
  RelayWindow *window = data;
  RelayDeviceListView *list;

  if (!g_str_equal (relay_window_get_page (window), "devices"))
    return FALSE;
  list = RELAY_DEVICE_LIST_VIEW (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_DEVICE_LIST_VIEW, NULL));
  return g_list_model_get_n_items (relay_device_list_view_get_shown (list)) > 0;
}

static gboolean
window_shows_sign_in (gpointer data)
{
  return g_str_equal (relay_window_get_page (RELAY_WINDOW (data)), "sign-in");
}

static void
save (GtkWidget  *window,
      const char *name,
      int         width,
      int         height)
{
  g_autofree char *file = g_strdup_printf ("%s-%dx%d.png", name, width, height);
  g_autofree char *path = g_build_filename (output_dir, file, NULL);

  /* Let transitions finish so the page is drawn, not a crossfade. */
  relay_test_run_for (400);
  relay_test_save_png (window, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_test_message ("saved %s", path);
}

static void
shoot_size (int width,
            int height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  g_autoptr(GSettings) settings = NULL;
  RelayWindow *window;
  CkDevice *lamp;

  g_assert_no_error (error);

  window = g_object_ref (relay_demo_open_window (demo, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  relay_test_wait_until (window_shows_devices, window, RELAY_TEST_WAIT_MS, "the device list");
  save (GTK_WIDGET (window), "main-window", width, height);

  lamp = ck_device_list_lookup (ck_client_get_devices (relay_window_get_client (window)), "1000a1b201");
  g_assert_nonnull (lamp);
  relay_window_open_device (window, lamp);
  g_assert_cmpstr (relay_window_get_content_page (window), ==, "device");
  save (GTK_WIDGET (window), "device-page", width, height);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  settings = g_settings_new (RELAY_SETTINGS_SCHEMA);
  g_settings_set_string (settings, "app-id", "");
  window = g_object_ref (relay_window_new (NULL, settings));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  relay_window_resume (window);
  gtk_window_present (GTK_WINDOW (window));
  relay_test_wait_until (window_shows_sign_in, window, RELAY_TEST_WAIT_MS, "the sign-in page");
  save (GTK_WIDGET (window), "sign-in", width, height);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_wide (void)
{
  shoot_size (1280, 800);
}

static void
test_narrow (void)
{
  shoot_size (360, 720);
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  output_dir = argc > 1 ? argv[1] : g_get_tmp_dir ();
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/ui/screenshots/1280x800", test_wide);
  g_test_add_func ("/ui/screenshots/360x720", test_narrow);

  return g_test_run ();
}
