/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device-list"

#include "config.h"

#include "relay-device-family.h"
#include "relay-device-list-view.h"
#include "relay-device-row.h"
#include "relay-test-util.h"

#define N_DEVICES 10000

/* Ten thousand devices of a few families, every seventh offline. */
static CkDeviceList *
create_devices (void)
{
  g_autoptr(JsonArray) array = json_array_new ();
  CkDeviceList *list = ck_device_list_new ();
  static const int uiids[] = { 1, 4, 15, 32, 44, 104 };

  for (guint i = 0; i < N_DEVICES; i++)
    {
      JsonObject *device = json_object_new ();
      JsonObject *extra = json_object_new ();
      JsonObject *extra_extra = json_object_new ();
      JsonObject *params = json_object_new ();
      g_autofree char *id = g_strdup_printf ("10%08x", i);
      g_autofree char *name = g_strdup_printf ("Device %05u", i);

      json_object_set_string_member (device, "deviceid", id);
      json_object_set_string_member (device, "name", name);
      json_object_set_string_member (device, "apikey", "owner-apikey");
      json_object_set_boolean_member (device, "online", i % 7 != 0);
      json_object_set_int_member (extra_extra, "uiid", uiids[i % G_N_ELEMENTS (uiids)]);
      json_object_set_object_member (extra, "extra", extra_extra);
      json_object_set_object_member (device, "extra", extra);
      json_object_set_string_member (params, "switch", i % 2 ? "on" : "off");
      json_object_set_object_member (device, "params", params);
      json_array_add_object_element (array, device);
    }

  ck_device_list_replace_all (list, array);
  return list;
}

static gboolean
first_is_device_zero (gpointer data)
{
  g_autoptr(CkDevice) first = g_list_model_get_item (G_LIST_MODEL (data), 0);

  return g_str_equal (ck_device_get_name (first), "Device 00000");
}

static void
test_ten_thousand (void)
{
  g_autoptr(CkDeviceList) devices = create_devices ();
  g_autoptr(CkApi) api = ck_api_new ("http://127.0.0.1:9/{region}", "app-id", "app-secret");
  g_autoptr(CkClient) client = ck_client_new (api);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = relay_device_list_view_new ();
  GListModel *shown;
  guint realised;
  g_autoptr(CkDevice) first = NULL;
  g_autoptr(CkDevice) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (devices)), ==, N_DEVICES);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 1000);
  gtk_window_set_child (GTK_WINDOW (window), view);
  relay_device_list_view_set_model (RELAY_DEVICE_LIST_VIEW (view), client, G_LIST_MODEL (devices));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  shown = relay_device_list_view_get_shown (RELAY_DEVICE_LIST_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_DEVICES);

  /* GtkListView recycles: only about a screenful of rows exists. */
  realised = relay_test_count (view, RELAY_TYPE_DEVICE_ROW);
  g_test_message ("%u row widgets for %u devices", realised, N_DEVICES);
  g_assert_cmpuint (realised, >, 5);
  g_assert_cmpuint (realised, <, 250);

  /* Sorted by name, case-insensitively. */
  first = g_list_model_get_item (shown, 0);
  last = g_list_model_get_item (shown, N_DEVICES - 1);
  g_assert_cmpstr (ck_device_get_name (first), ==, "Device 00000");
  g_assert_cmpstr (ck_device_get_name (last), ==, "Device 09999");

  /* Search as you type: a substring, any case. */
  relay_device_list_view_set_search (RELAY_DEVICE_LIST_VIEW (view), "device 0004");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpuint (relay_test_count (view, RELAY_TYPE_DEVICE_ROW), <=, realised);
  relay_device_list_view_set_search (RELAY_DEVICE_LIST_VIEW (view), "no such device");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  relay_device_list_view_set_search (RELAY_DEVICE_LIST_VIEW (view), "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_DEVICES);

  /* Online first: device 0 is offline (every seventh is), so it moves back. */
  relay_device_list_view_set_sort (RELAY_DEVICE_LIST_VIEW (view), RELAY_DEVICE_SORT_ONLINE);
  g_clear_object (&first);
  g_clear_object (&last);
  first = g_list_model_get_item (shown, 0);
  last = g_list_model_get_item (shown, N_DEVICES - 1);
  g_assert_true (ck_device_get_online (first));
  g_assert_cmpstr (ck_device_get_name (first), ==, "Device 00001");
  g_assert_false (ck_device_get_online (last));

  /* Live: device 1 goes offline and device 0 comes online; the list
   * re-sorts once, quickly, without a new sorter. */
  {
    g_autoptr(CkDevice) zero = g_list_model_get_item (G_LIST_MODEL (devices), 0);
    g_autoptr(CkDevice) now_first = NULL;
    gint64 start = g_get_monotonic_time ();

    ck_device_set_online (first, FALSE);
    ck_device_set_online (zero, TRUE);
    relay_test_wait_until (first_is_device_zero, shown, RELAY_TEST_WAIT_MS, "the list to re-sort");
    g_test_message ("re-sorted %u devices in %" G_GINT64_FORMAT " ms", N_DEVICES,
                    (g_get_monotonic_time () - start) / 1000);
    g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 500);
    now_first = g_list_model_get_item (shown, 0);
    g_assert_true (ck_device_get_online (now_first));
    g_clear_object (&last);
    last = g_list_model_get_item (shown, N_DEVICES - 1);
    g_assert_false (ck_device_get_online (last));
  }

  /* Search also finds the kind of device (and the model, and group names). */
  {
    const char *kind = ck_family_get_description (relay_device_get_family (first));
    guint n;

    relay_device_list_view_set_search (RELAY_DEVICE_LIST_VIEW (view), kind);
    n = g_list_model_get_n_items (shown);
    g_assert_cmpuint (n, >=, N_DEVICES / 6);
    g_assert_cmpuint (n, <, N_DEVICES);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CkDevice) device = g_list_model_get_item (shown, i);

        g_assert_nonnull (strstr (ck_family_get_description (relay_device_get_family (device)), kind));
      }
    relay_device_list_view_set_search (RELAY_DEVICE_LIST_VIEW (view), NULL);
  }

  /* Nothing is shared with this account: its apikey is unknown (signed out). */
  relay_device_list_view_set_section (RELAY_DEVICE_LIST_VIEW (view), RELAY_DEVICE_SECTION_SHARED, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  relay_device_list_view_set_section (RELAY_DEVICE_LIST_VIEW (view), RELAY_DEVICE_SECTION_ALL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_DEVICES);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/device-list/ten-thousand", test_ten_thousand);

  return g_test_run ();
}
