/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device-sharing"

#include "config.h"

#include <string.h>

#include "relay-device-page.h"
#include "relay-share-editor.h"
#include "relay-test-util.h"
#include "relay-window.h"

#define LAMP_ID  "1000a1b201"  /* "Desk lamp", not shared */
#define PLUG_ID  "1000a1b202"  /* "Kitchen plug", shared with the guest */

typedef RelayTestFixture Fixture;

static gboolean
sim_shared_with_guest (gpointer data)
{
  Fixture *fixture = data;
  JsonArray *shares = json_object_get_array_member (relay_test_sim_device (fixture, LAMP_ID), "shares");

  return json_array_get_length (shares) == 1 &&
         json_object_get_int_member (json_array_get_object_element (shares, 0), "permit") ==
           (CK_PERMIT_ADD_TIMER | CK_PERMIT_ENABLE_TIMER);
}

static gboolean
page_lists_share (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *row = relay_test_find (relay_device_page_get_control (fixture->page, "sharing"),
                                    GTK_TYPE_WIDGET, "share-1");

  return row != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), CKSIM_DEMO_GUEST_EMAIL) == 0;
}

/* The kitchen plug lists its guest; the desk lamp is shared with the guest
 * (who accepts) through the editor, and the list follows. */
static void
test_share (Fixture       *fixture,
            gconstpointer  data)
{
  /* The receiver answers a share from a live session. */
  RelayWindow *guest = relay_test_open_window (fixture->demo, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  GtkWidget *editor;

  relay_test_open_device (fixture->window, PLUG_ID);
  g_assert_true (page_lists_share (fixture));

  relay_test_open_device (fixture->window, LAMP_ID);
  g_assert_null (relay_test_find (relay_test_page_control (fixture->page, "sharing"), GTK_TYPE_WIDGET, "share-1"));
  relay_test_click (relay_test_get (relay_test_page_control (fixture->page, "sharing"), "share"));
  editor = relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR);
  g_assert_nonnull (editor);

  gtk_editable_set_text (GTK_EDITABLE (relay_test_get (editor, "identity")), CKSIM_DEMO_GUEST_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (relay_test_get (editor, "note")), "For the guest room");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (relay_test_get (editor, "permit-add")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (relay_test_get (editor, "permit-enable")), TRUE);
  relay_test_click (relay_test_get (editor, "save"));

  relay_test_wait_until (sim_shared_with_guest, fixture, RELAY_TEST_WAIT_MS, "the share in the simulator");
  relay_test_wait_until (page_lists_share, fixture, RELAY_TEST_WAIT_MS, "the share on the page");
  g_assert_null (relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR));

  gtk_window_destroy (GTK_WINDOW (guest));
  g_assert_finalize_object (guest);
}

static gboolean
editor_says (gpointer data)
{
  GtkWidget *editor = relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR);

  return editor != NULL && gtk_widget_get_visible (relay_test_get (editor, "result")) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (relay_test_get (editor, "result"))), data) == 0;
}

/* A refusal and an unknown account read as sentences; the editor stays. */
static void
test_share_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  RelayWindow *guest = relay_test_open_window (fixture->demo, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  GtkWidget *editor;

  g_assert_true (cksim_server_set_share_policy (fixture->server, CKSIM_DEMO_GUEST_EMAIL, "refuse"));
  relay_test_open_device (fixture->window, LAMP_ID);
  relay_test_click (relay_test_get (relay_test_page_control (fixture->page, "sharing"), "share"));
  editor = relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (relay_test_get (editor, "identity")), CKSIM_DEMO_GUEST_EMAIL);
  relay_test_click (relay_test_get (editor, "save"));
  relay_test_wait_until (editor_says, (gpointer) "The other account refused the device.",
                         RELAY_TEST_WAIT_MS, "the refusal");

  gtk_editable_set_text (GTK_EDITABLE (relay_test_get (editor, "identity")), "nobody@relay.example");
  relay_test_click (relay_test_get (editor, "save"));
  relay_test_wait_until (editor_says,
                         (gpointer) "There is no account with this e-mail address or phone number in this region.",
                         RELAY_TEST_WAIT_MS, "no such account");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (relay_test_sim_device (fixture, LAMP_ID), "shares")), ==, 0);

  gtk_window_destroy (GTK_WINDOW (guest));
  g_assert_finalize_object (guest);
}

static CkPermit
sim_first_share_permit (Fixture *fixture)
{
  JsonArray *shares = json_object_get_array_member (relay_test_sim_device (fixture, PLUG_ID), "shares");

  g_assert_cmpuint (json_array_get_length (shares), ==, 1);
  return json_object_get_int_member (json_array_get_object_element (shares, 0), "permit");
}

static gboolean
sim_share_may_only_delete (gpointer data)
{
  return sim_first_share_permit (data) == CK_PERMIT_DELETE_TIMER;
}

static gboolean
row_subtitle_is (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *row = relay_test_find (relay_test_page_control (fixture->page, "sharing"), GTK_TYPE_WIDGET, "share-1");

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Timers: may delete") == 0;
}

/* The guest's permissions on the plug, changed from its row: the editor
 * shows the current ones for that account (which cannot change), and the
 * row follows the cloud's record without a list fetch. */
static void
test_change_share_permissions (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct { const char *name; CkPermit bit; } checks[] = {
    { "permit-add", CK_PERMIT_ADD_TIMER },
    { "permit-edit", CK_PERMIT_EDIT_TIMER },
    { "permit-delete", CK_PERMIT_DELETE_TIMER },
    { "permit-enable", CK_PERMIT_ENABLE_TIMER },
  };
  CkPermit before;
  GtkWidget *editor, *row;

  relay_test_open_device (fixture->window, PLUG_ID);
  before = sim_first_share_permit (fixture);
  g_assert_cmpuint (before, !=, CK_PERMIT_DELETE_TIMER);
  row = relay_test_get (relay_test_page_control (fixture->page, "sharing"), "share-1");
  relay_test_click (relay_test_get (row, "edit"));
  editor = relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR);
  g_assert_nonnull (editor);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (relay_test_get (editor, "identity"))), ==,
                   CKSIM_DEMO_GUEST_EMAIL);
  g_assert_false (gtk_widget_get_sensitive (relay_test_get (editor, "identity")));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (relay_test_get (editor, checks[i].name));

      g_assert_cmpint (gtk_check_button_get_active (check), ==, (before & checks[i].bit) != 0);
      gtk_check_button_set_active (check, checks[i].bit == CK_PERMIT_DELETE_TIMER);
    }
  relay_test_click (relay_test_get (editor, "save"));

  relay_test_wait_until (sim_share_may_only_delete, fixture, RELAY_TEST_WAIT_MS, "the new permissions");
  relay_test_wait_until (row_subtitle_is, fixture, RELAY_TEST_WAIT_MS, "the row to follow");
  g_assert_null (relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR));
}

static gboolean
sim_plug_not_shared (gpointer data)
{
  JsonArray *shares = json_object_get_array_member (relay_test_sim_device (data, PLUG_ID), "shares");

  return json_array_get_length (shares) == 0;
}

/* Stop sharing from the row: the cloud forgets the share and the section
 * says the plug is shared with no one. */
static void
test_stop_share (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *sharing;

  relay_test_open_device (fixture->window, PLUG_ID);
  sharing = relay_test_page_control (fixture->page, "sharing");
  g_assert_false (sim_plug_not_shared (fixture));
  relay_test_click (relay_test_get (relay_test_get (sharing, "share-1"), "stop"));

  relay_test_wait_until (sim_plug_not_shared, fixture, RELAY_TEST_WAIT_MS, "the share to end");
  relay_test_wait_gone (sharing, "share-1");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (sharing)), ==,
                   "Not shared with anyone.");
}

/* The guest sees who shared the plug and none of the owner's actions. */
static void
test_shared_with_me (Fixture       *fixture,
                     gconstpointer  data)
{
  RelayWindow *guest = relay_test_open_window (fixture->demo, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  RelayDevicePage *page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (guest), RELAY_TYPE_DEVICE_PAGE, NULL));
  GtkWidget *manage, *row;

  relay_test_open_device (guest, PLUG_ID);
  manage = relay_device_page_get_control (page, "manage");
  row = relay_test_get (manage, "shared-by");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Shared by " CKSIM_DEMO_EMAIL);
  g_assert_null (relay_test_find (manage, GTK_TYPE_WIDGET, "rename"));
  g_assert_null (relay_test_find (manage, GTK_TYPE_WIDGET, "remove"));
  g_assert_null (relay_device_page_get_control (page, "sharing"));
  /* Permit 15: every timer control is there. */
  g_assert_true (gtk_widget_get_sensitive (relay_test_get (relay_device_page_get_control (page, "timers"), "add-timer")));

  gtk_window_destroy (GTK_WINDOW (guest));
  g_assert_finalize_object (guest);
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  relay_test_add_with_fixture ("/ui/sharing/share", test_share);
  relay_test_add_with_fixture ("/ui/sharing/share-refused", test_share_refused);
  relay_test_add_with_fixture ("/ui/sharing/change-permissions", test_change_share_permissions);
  relay_test_add_with_fixture ("/ui/sharing/stop", test_stop_share);
  relay_test_add_with_fixture ("/ui/sharing/shared-with-me", test_shared_with_me);

  return g_test_run ();
}
