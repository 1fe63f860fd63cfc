/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-screenshots"

#include "config.h"

#include "relay-application.h"
#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-device-page.h"
#include "relay-share-editor.h"
#include "relay-test-util.h"
#include "relay-timer-editor.h"
#include "relay-window.h"

/* Not a check of pixels: it saves what the app looks like, for people
 * (and a later visual review), and fails if a page cannot be shown. */

static const char *output_dir;

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
save_dialog (GtkWidget  *window,
             GtkWidget  *dialog,
             const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-1280x800.png", name);
  g_autofree char *path = g_build_filename (output_dir, file, NULL);

  relay_test_run_for (400);
  relay_test_save_dialog_png (window, dialog, path);
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
  relay_test_wait_until (relay_test_window_shows_devices, window, RELAY_TEST_WAIT_MS, "the device list");
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

/* The timer editor (a repeat timer) and the sharing editor over the
 * kitchen plug's page, as a 1280×800 screen shows them. */
static void
test_editors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  RelayTestFixture page = { 0 };
  GtkWidget *editor;

  g_assert_no_error (error);
  page.window = g_object_ref (relay_demo_open_window (demo, NULL));
  gtk_window_set_default_size (GTK_WINDOW (page.window), 1280, 800);
  relay_test_wait_until (relay_test_window_shows_devices, page.window, RELAY_TEST_WAIT_MS, "the device list");
  page.page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (page.window), RELAY_TYPE_DEVICE_PAGE, NULL));
  relay_test_open_device (page.window, "1000a1b202");

  relay_test_click (relay_test_get (relay_device_page_get_control (page.page, "timers"), "add-timer"));
  editor = relay_test_toplevel (RELAY_TYPE_TIMER_EDITOR);
  adw_combo_row_set_selected (ADW_COMBO_ROW (relay_test_get (editor, "kind")), 1);  /* repeat */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (relay_test_get (editor, "hour")), 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (relay_test_get (editor, "minute")), 30);
  save_dialog (GTK_WIDGET (page.window), editor, "timer-editor");
  gtk_window_destroy (GTK_WINDOW (editor));

  relay_test_click (relay_test_get (relay_device_page_get_control (page.page, "sharing"), "share"));
  editor = relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (relay_test_get (editor, "identity")), "neighbour@relay.example");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (relay_test_get (editor, "permit-enable")), TRUE);
  save_dialog (GTK_WIDGET (page.window), editor, "sharing-editor");
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (page.window));
  g_assert_finalize_object (page.window);
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
  g_test_add_func ("/ui/screenshots/editors-1280x800", test_editors);

  return g_test_run ();
}
