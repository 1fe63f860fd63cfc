/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device-manage"

#include "config.h"

#include "relay-device-page.h"
#include "relay-test-util.h"
#include "relay-window.h"

#define PLUG_ID  "1000a1b202"  /* "Kitchen plug" */

typedef RelayTestFixture Fixture;

/* ---------------------------------------------------------------- remove */

static gboolean
sim_plug_gone (gpointer data)
{
  return relay_test_sim_find_device (data, PLUG_ID) == NULL;
}

static gboolean
page_left (gpointer data)
{
  return g_strcmp0 (relay_window_get_content_page (RELAY_WINDOW (data)), "device") != 0;
}

/* (transfer none): the confirmation that "remove" opens, with its heading checked. */
static AdwMessageDialog *
confirm_removal (Fixture *fixture)
{
  AdwMessageDialog *dialog;

  relay_test_click (relay_test_get (relay_device_page_get_control (fixture->page, "manage"), "remove"));
  dialog = ADW_MESSAGE_DIALOG (relay_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove Device?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Kitchen plug”"));
  /* Enter alone does not remove anything. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==, ADW_RESPONSE_DESTRUCTIVE);
  return dialog;
}

/* Removing asks first: Cancel keeps the device; Remove takes it out of the
 * account, the list lets it go without a fetch and the page is left. */
static void
test_remove_device (Fixture       *fixture,
                    gconstpointer  data)
{
  CkDeviceList *devices = ck_client_get_devices (fixture->client);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (devices));
  AdwMessageDialog *dialog;

  relay_test_open_device (fixture->window, PLUG_ID);

  dialog = confirm_removal (fixture);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  relay_test_drain ();
  g_assert_nonnull (relay_test_sim_find_device (fixture, PLUG_ID));
  g_assert_cmpstr (relay_window_get_content_page (fixture->window), ==, "device");

  dialog = confirm_removal (fixture);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  relay_test_wait_until (sim_plug_gone, fixture, RELAY_TEST_WAIT_MS, "the device to leave the cloud");
  relay_test_wait_until (page_left, fixture->window, RELAY_TEST_WAIT_MS, "the device page to close");
  g_assert_null (ck_device_list_lookup (devices, PLUG_ID));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (devices)), ==, n - 1);
}

/* ----------------------------------------------------------------- groups */

/* (nullable): the simulator's name of group @id. */
static const char *
sim_group_name (Fixture    *fixture,
                const char *id)
{
  JsonArray *groups;

  relay_test_sim_find_device (fixture, PLUG_ID);  /* a fresh dump */
  groups = json_object_get_array_member (json_node_get_object (fixture->dump), "groups");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      if (g_str_equal (json_object_get_string_member (group, "id"), id))
        return json_object_get_string_member (group, "name");
    }
  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *id;
  const char *name;  /* NULL: gone */
} GroupWait;

static gboolean
sim_group_is (gpointer data)
{
  GroupWait *wait = data;

  return g_strcmp0 (sim_group_name (wait->fixture, wait->id), wait->name) == 0;
}

typedef struct
{
  GtkWidget  *sidebar;
  const char *row_name;
  const char *text;
} LabelWait;

/* Rows are rebuilt: look the row up each time. */
static gboolean
row_says (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *row = relay_test_find (wait->sidebar, GTK_TYPE_LIST_BOX_ROW, wait->row_name);
  GtkWidget *label = row != NULL ? relay_test_find (row, GTK_TYPE_LABEL, NULL) : NULL;

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), wait->text) == 0;
}

/* A group selected in the sidebar is renamed, then deleted, through the
 * window's actions and their dialogs; the sidebar follows the cloud. */
static void
test_rename_and_delete_group (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), RELAY_TYPE_WINDOW,
                                                                  "sidebar"));
  g_autoptr(CkGroup) group = NULL;
  g_autofree char *row_name = NULL;
  g_autofree char *id = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row, *entry;
  GroupWait renamed, deleted;
  LabelWait label;

  /* With no group selected there is nothing to rename. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-group", NULL);
  relay_test_drain ();
  g_assert_null (relay_test_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  group = relay_test_create_group (fixture->client, "Upstairs");
  id = g_strdup (ck_group_get_id (group));
  row_name = g_strdup_printf ("group-%s", id);
  row = relay_test_wait_for (sidebar, row_name);
  gtk_list_box_select_row (GTK_LIST_BOX (sidebar), GTK_LIST_BOX_ROW (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-group", NULL));
  dialog = ADW_MESSAGE_DIALOG (relay_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  entry = relay_test_get (GTK_WIDGET (dialog), "group-name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Upstairs");
  /* No empty names. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Attic");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));

  renamed = (GroupWait) { fixture, id, "Attic" };
  relay_test_wait_until (sim_group_is, &renamed, RELAY_TEST_WAIT_MS, "the new name in the cloud");
  label = (LabelWait) { sidebar, row_name, "Attic" };
  relay_test_wait_until (row_says, &label, RELAY_TEST_WAIT_MS, "the sidebar to follow");
  /* The group stays selected, and the list says its new name. */
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)) ==
                 GTK_LIST_BOX_ROW (relay_test_get (sidebar, row_name)));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                                                RELAY_TYPE_WINDOW,
                                                                                                "content_title"))),
                   ==, "Attic");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-group", NULL));
  dialog = ADW_MESSAGE_DIALOG (relay_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Group?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Attic”"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  deleted = (GroupWait) { fixture, id, NULL };
  relay_test_wait_until (sim_group_is, &deleted, RELAY_TEST_WAIT_MS, "the group to leave the cloud");
  relay_test_wait_gone (sidebar, row_name);
  g_assert_null (ck_group_list_lookup (ck_client_get_groups (fixture->client), id));
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  relay_test_add_with_fixture ("/ui/manage/remove-device", test_remove_device);
  relay_test_add_with_fixture ("/ui/manage/rename-and-delete-group", test_rename_and_delete_group);

  return g_test_run ();
}
