/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include "relay-device-page.h"
#include "relay-share-editor.h"
#include "relay-test-util.h"
#include "relay-timer-editor.h"
#include "relay-window.h"

#define LAMP_ID  "1000a1b201"  /* "Desk lamp": power, brightness, colour temperature, colour */
#define PLUG_ID  "1000a1b202"  /* "Kitchen plug": shared with the guest */
#define FOUR_ID  "1000a1b204"  /* "Aquarium": four channels */
#define FAN_ID   "1000a1b207"  /* "Bedroom fan": light and fan speed */
#define MAX_TABS 400

typedef RelayTestFixture Fixture;

/* Every widget below @root that takes the keyboard focus and can take it
 * now (shown, sensitive, no ancestor refusing focus for its children). */
static void
collect_controls (GtkWidget *root,
                  GPtrArray *controls)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_is_drawable (child) || !gtk_widget_is_sensitive (child) || !gtk_widget_get_can_focus (child))
        continue;
      if (gtk_widget_get_focusable (child))
        g_ptr_array_add (controls, child);
      collect_controls (child, controls);
    }
}

static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL && !RELAY_IS_DEVICE_PAGE (w); w = gtk_widget_get_parent (w))
    g_string_prepend (path, g_strdup_printf ("/%s(%s)", G_OBJECT_TYPE_NAME (w), gtk_widget_get_name (w)));
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Whether the focus was on @control or inside it: a scrolled window, a
 * list box or an entry row passes the focus on to what it holds. */
static gboolean
focus_reached (GPtrArray *reached,
               GtkWidget *control)
{
  for (guint i = 0; i < reached->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (reached, i);

      if (focus == control || gtk_widget_is_ancestor (focus, control))
        return TRUE;
    }
  return FALSE;
}

/* Tab from the top of the window, round the whole focus chain: every
 * control of the page gets the focus on the way. */
static void
assert_tab_reaches_every_control (Fixture    *fixture,
                                  const char *device_id)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  GtkWidget *first = NULL;

  relay_test_open_device (fixture->window, device_id);
  relay_test_drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  collect_controls (GTK_WIDGET (fixture->page), controls);
  g_assert_cmpuint (controls->len, >, 3);

  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  for (guint i = 0; i < MAX_TABS; i++)
    {
      GtkWidget *focus;

      g_assert_true (relay_test_press_key (GTK_WIDGET (fixture->window), GDK_KEY_Tab, 0));
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == NULL)
        continue;
      if (focus == first)
        break;  /* round the chain */
      if (first == NULL)
        first = focus;
      g_ptr_array_add (reached, focus);
    }

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (!focus_reached (reached, control))
        {
          g_autofree char *where = describe (control);

          g_error ("%s: Tab never reaches %s", device_id, where);
        }
    }
}

static void
timer_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ck_client_timer_finish (CK_CLIENT (object), result, &error));
  *(gboolean *) user_data = TRUE;
}

static void
test_tab_reaches_every_control (Fixture       *fixture,
                                gconstpointer  data)
{
  CkDevice *plug = ck_device_list_lookup (ck_client_get_devices (fixture->client), PLUG_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonObject) action = ck_family_encode_timer_action (ck_device_get_family (plug), -1, TRUE, NULL);
  g_autoptr(CkTimer) timer = ck_timer_new_delay (now, 30, action);
  gboolean added = FALSE;

  /* The plug with a timer row and a share row: their switches and buttons count too. */
  ck_client_add_timer_async (fixture->client, plug, timer, NULL, timer_added_cb, &added);
  relay_test_wait_until (relay_test_flag_set, &added, RELAY_TEST_WAIT_MS, "the timer");

  assert_tab_reaches_every_control (fixture, PLUG_ID);
  g_assert_nonnull (relay_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_WIDGET, "timer-1"));
  assert_tab_reaches_every_control (fixture, LAMP_ID);
  assert_tab_reaches_every_control (fixture, FOUR_ID);
  assert_tab_reaches_every_control (fixture, FAN_ID);
}

static gboolean
toplevel_gone (gpointer data)
{
  return relay_test_toplevel ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

/* Escape closes @window, which is the only toplevel of its type. */
static void
assert_escape_closes (GtkWidget *window)
{
  GType type = G_OBJECT_TYPE (window);

  g_assert_nonnull (window);
  g_assert_true (relay_test_press_key (window, GDK_KEY_Escape, 0));
  relay_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (type), RELAY_TEST_WAIT_MS, g_type_name (type));
}

/* Each editor and confirmation of the device page closes with Escape,
 * having changed nothing. */
static void
test_escape_closes_editors (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *timers, *sharing;

  relay_test_open_device (fixture->window, PLUG_ID);
  timers = relay_device_page_get_control (fixture->page, "timers");
  sharing = relay_device_page_get_control (fixture->page, "sharing");

  relay_test_click (relay_test_get (timers, "add-timer"));
  assert_escape_closes (relay_test_toplevel (RELAY_TYPE_TIMER_EDITOR));

  relay_test_click (relay_test_get (sharing, "share"));
  assert_escape_closes (relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR));

  relay_test_click (relay_test_get (relay_test_get (sharing, "share-1"), "edit"));
  assert_escape_closes (relay_test_toplevel (RELAY_TYPE_SHARE_EDITOR));

  relay_test_click (relay_test_get (relay_device_page_get_control (fixture->page, "manage"), "remove"));
  assert_escape_closes (relay_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-group", NULL));
  assert_escape_closes (relay_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (relay_test_sim_find_device (fixture, PLUG_ID));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ck_client_get_groups (fixture->client))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (ck_device_list_lookup (ck_client_get_devices (fixture->client), PLUG_ID))), ==, 0);
}

/* (transfer full): every accelerator the help overlay lists. */
static GPtrArray *
overlay_accelerators (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GPtrArray *accels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_assert_nonnull (overlay);
  g_ptr_array_add (stack, overlay);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *accelerator = NULL;

          g_object_get (w, "accelerator", &accelerator, NULL);
          if (accelerator != NULL)
            g_ptr_array_add (accels, g_steal_pointer (&accelerator));
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  return accels;
}

static gboolean
lists (GPtrArray  *accels,
       const char *accelerator)
{
  for (guint i = 0; i < accels->len; i++)
    {
      g_auto(GStrv) keys = g_strsplit (g_ptr_array_index (accels, i), " ", -1);

      if (g_strv_contains ((const char * const *) keys, accelerator))
        return TRUE;
    }
  return FALSE;
}

/* (transfer full): the keys @widget's classes bind to "win." actions. */
static GPtrArray *
window_action_keys (GtkWidget *widget)
{
  g_autoptr(GPtrArray) shortcuts = relay_test_list_key_bindings (widget);
  GPtrArray *accels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (shortcuts, i);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (RelayTestKey));

      if (!GTK_IS_NAMED_ACTION (action) ||
          !g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win."))
        continue;
      relay_test_trigger_keys (gtk_shortcut_get_trigger (shortcut), keys);
      for (guint k = 0; k < keys->len; k++)
        g_ptr_array_add (accels, gtk_accelerator_name (g_array_index (keys, RelayTestKey, k).keyval,
                                                       g_array_index (keys, RelayTestKey, k).modifiers));
    }
  return accels;
}

/* The overlay names every key the window binds to one of its actions, and
 * the keys of the device page: Tab, Escape and the mnemonics of its
 * actions (Alt and the underlined letter). */
static void
test_help_overlay (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) accels = overlay_accelerators ();
  g_autoptr(GPtrArray) bound = window_action_keys (GTK_WIDGET (fixture->window));
  GtkWidget *sharing, *manage;

  /* Search, back, preferences, new group, rename group at least. */
  g_assert_cmpuint (bound->len, >=, 5);
  g_assert_true (g_ptr_array_find_with_equal_func (bound, "<Control>n", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (bound, "F2", g_str_equal, NULL));
  for (guint i = 0; i < bound->len; i++)
    if (!lists (accels, g_ptr_array_index (bound, i)))
      g_error ("The help overlay does not list %s", (const char *) g_ptr_array_index (bound, i));

  relay_test_open_device (fixture->window, PLUG_ID);
  sharing = relay_device_page_get_control (fixture->page, "sharing");
  manage = relay_device_page_get_control (fixture->page, "manage");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (relay_test_get (sharing, "share"))), ==, "S_hare…");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (relay_test_get (sharing, "share"))));
  g_assert_true (lists (accels, "<Alt>h"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (relay_test_get (manage, "remove"))), ==, "_Remove…");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (relay_test_get (manage, "remove"))));
  g_assert_true (lists (accels, "<Alt>r"));
  g_assert_true (lists (accels, "Escape"));
  g_assert_true (lists (accels, "Tab"));
}

/* The group keys do what the overlay says: Control+N asks for a new
 * group's name, F2 for the selected group's new name. */
static void
test_group_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), RELAY_TYPE_WINDOW,
                                                                  "sidebar"));
  g_autoptr(CkGroup) group = NULL;
  g_autofree char *row_name = NULL;
  GtkWidget *dialog;

  g_assert_true (relay_test_press_key (GTK_WIDGET (fixture->window), GDK_KEY_n, GDK_CONTROL_MASK));
  dialog = relay_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "New Group");
  assert_escape_closes (dialog);

  group = relay_test_create_group (fixture->client, "Cellar");
  row_name = g_strdup_printf ("group-%s", ck_group_get_id (group));
  gtk_list_box_select_row (GTK_LIST_BOX (sidebar), GTK_LIST_BOX_ROW (relay_test_wait_for (sidebar, row_name)));
  g_assert_true (relay_test_press_key (GTK_WIDGET (fixture->window), GDK_KEY_F2, 0));
  dialog = relay_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Rename Group");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (relay_test_get (dialog, "group-name"))), ==, "Cellar");
  assert_escape_closes (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  relay_test_add_with_fixture ("/ui/keyboard/tab-reaches-every-control", test_tab_reaches_every_control);
  relay_test_add_with_fixture ("/ui/keyboard/escape-closes-editors", test_escape_closes_editors);
  relay_test_add_with_fixture ("/ui/keyboard/help-overlay", test_help_overlay);
  relay_test_add_with_fixture ("/ui/keyboard/group-keys", test_group_keys);

  return g_test_run ();
}
