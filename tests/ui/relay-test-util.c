/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-test"

#include "config.h"

#include <gsk/gsk.h>

#include "relay-connection-banner.h"
#include "relay-device-list-view.h"
#include "relay-device-page.h"
#include "relay-test-util.h"

static void
on_deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

void
relay_test_wait_until (RelayTestCondition  condition,
                       gpointer            data,
                       guint               timeout_ms,
                       const char         *what)
{
  gboolean timed_out = FALSE;
  guint deadline = g_timeout_add_once (timeout_ms, on_deadline_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);
  g_source_remove (deadline);
}

void
relay_test_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

void
relay_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_deadline_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
relay_test_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();

  /* AdwApplication loads style.css for the app; windows made by tests have
   * no application, so load it the same way here. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      RESOURCE_BASE "/icons");
  }
  return TRUE;
}

GtkWidget *
relay_test_find (GtkWidget  *root,
                 GType       type,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (child), name) == 0))
        return child;
      if ((found = relay_test_find (child, type, name)) != NULL)
        return found;
    }

  return NULL;
}

guint
relay_test_count (GtkWidget *root,
                  GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? 1 : 0) + relay_test_count (child, type);

  return n;
}

GtkWidget *
relay_test_get (GtkWidget  *root,
                const char *name)
{
  GtkWidget *widget = relay_test_find (root, GTK_TYPE_WIDGET, name);

  if (widget == NULL)
    g_error ("No widget named “%s” below %s", name, G_OBJECT_TYPE_NAME (root));
  return widget;
}

typedef struct
{
  GtkWidget  *root;
  const char *name;
} WidgetWait;

static gboolean
widget_present (gpointer data)
{
  WidgetWait *wait = data;

  return relay_test_find (wait->root, GTK_TYPE_WIDGET, wait->name) != NULL;
}

static gboolean
widget_absent (gpointer data)
{
  return !widget_present (data);
}

GtkWidget *
relay_test_wait_for (GtkWidget  *root,
                     const char *name)
{
  WidgetWait wait = { root, name };

  relay_test_wait_until (widget_present, &wait, RELAY_TEST_WAIT_MS, name);
  return relay_test_get (root, name);
}

void
relay_test_wait_gone (GtkWidget  *root,
                      const char *name)
{
  WidgetWait wait = { root, name };

  relay_test_wait_until (widget_absent, &wait, RELAY_TEST_WAIT_MS, name);
}

void
relay_test_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

GPtrArray *
relay_test_list_key_bindings (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *shortcuts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        g_ptr_array_add (shortcuts, g_list_model_get_item (G_LIST_MODEL (controller), j));
    }
  return shortcuts;
}

void
relay_test_trigger_keys (GtkShortcutTrigger *trigger,
                         GArray             *keys)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      relay_test_trigger_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
      relay_test_trigger_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
    }
  else if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      RelayTestKey key = {
        gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
        gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)),
      };

      g_array_append_val (keys, key);
    }
}

gboolean
relay_test_press_key (GtkWidget       *widget,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) shortcuts = relay_test_list_key_bindings (widget);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (shortcuts, i);
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (RelayTestKey));

      relay_test_trigger_keys (gtk_shortcut_get_trigger (shortcut), keys);
      for (guint k = 0; k < keys->len; k++)
        if (g_array_index (keys, RelayTestKey, k).keyval == keyval &&
            g_array_index (keys, RelayTestKey, k).modifiers == modifiers)
          return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               widget, gtk_shortcut_get_arguments (shortcut));
    }
  return FALSE;
}

GtkWidget *
relay_test_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
toplevel_open (gpointer data)
{
  return relay_test_toplevel ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

GtkWidget *
relay_test_wait_for_toplevel (GType type)
{
  relay_test_wait_until (toplevel_open, GSIZE_TO_POINTER (type), RELAY_TEST_WAIT_MS, g_type_name (type));
  return relay_test_toplevel (type);
}

void
relay_test_close_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        gtk_window_destroy (window);
    }
}

typedef struct
{
  GtkWidget  *root;
  const char *prefix;
  const char *found;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, wait->root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (w) && gtk_widget_get_mapped (w) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (w)), wait->prefix))
        {
          wait->found = gtk_label_get_text (GTK_LABEL (w));
          return TRUE;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return FALSE;
}

const char *
relay_test_wait_for_label (GtkWidget  *root,
                           const char *prefix)
{
  LabelWait wait = { root, prefix, NULL };

  relay_test_wait_until (label_shown, &wait, RELAY_TEST_WAIT_MS, prefix);
  return wait.found;
}

gboolean
relay_test_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

gboolean
relay_test_window_shows_devices (gpointer data)
{
  RelayWindow *window = data;
  RelayDeviceListView *list =
    RELAY_DEVICE_LIST_VIEW (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_DEVICE_LIST_VIEW, NULL));

  return g_str_equal (relay_window_get_page (window), "devices") &&
         g_list_model_get_n_items (relay_device_list_view_get_shown (list)) > 0;
}

RelayWindow *
relay_test_open_demo_window (RelayDemo *demo)
{
  RelayWindow *window = g_object_ref (relay_demo_open_window (demo, NULL));

  relay_test_wait_until (relay_test_window_shows_devices, window, RELAY_TEST_WAIT_MS, "the device list");
  return window;
}

RelayWindow *
relay_test_open_window (RelayDemo  *demo,
                        const char *identity,
                        const char *password)
{
  g_autoptr(CkClient) client = relay_demo_create_client (demo);
  RelayWindow *window = g_object_ref (relay_window_new (NULL, NULL));

  relay_window_sign_in (window, client, identity, password);
  gtk_window_present (GTK_WINDOW (window));
  relay_test_wait_until (relay_test_window_shows_devices, window, RELAY_TEST_WAIT_MS, "the device list");
  return window;
}

gboolean
relay_test_banner_shown (gpointer data)
{
  return relay_connection_banner_get_shown (RELAY_CONNECTION_BANNER (data));
}

gboolean
relay_test_banner_hidden (gpointer data)
{
  return !relay_test_banner_shown (data);
}

CkDevice *
relay_test_open_device (RelayWindow *window,
                        const char  *device_id)
{
  CkDevice *device = ck_device_list_lookup (ck_client_get_devices (relay_window_get_client (window)), device_id);
  RelayDevicePage *page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_DEVICE_PAGE, NULL));

  g_assert_nonnull (device);
  relay_window_open_device (window, device);
  g_assert_cmpstr (relay_window_get_content_page (window), ==, "device");
  g_assert_true (relay_device_page_get_device (page) == device);
  return device;
}

GtkWidget *
relay_test_page_control (RelayDevicePage *page,
                         const char      *name)
{
  GtkWidget *widget = relay_device_page_get_control (page, name);

  if (widget == NULL)
    g_error ("The device page has no control “%s”", name);
  return widget;
}

void
relay_test_fixture_set_up (RelayTestFixture *fixture,
                           gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  fixture->demo = relay_demo_new (FALSE, &error);
  g_assert_no_error (error);
  fixture->server = relay_demo_get_server (fixture->demo);
  fixture->window = relay_test_open_window (fixture->demo, relay_demo_get_email (fixture->demo),
                                            relay_demo_get_password (fixture->demo));
  fixture->client = relay_window_get_client (fixture->window);
  fixture->page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (fixture->window), RELAY_TYPE_DEVICE_PAGE, NULL));
}

void
relay_test_fixture_tear_down (RelayTestFixture *fixture,
                              gconstpointer     data)
{
  relay_test_close_toplevels (ADW_TYPE_WINDOW);
  relay_test_close_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_pointer (&fixture->dump, json_node_unref);
  g_clear_object (&fixture->demo);
}

JsonObject *
relay_test_sim_find_device (RelayTestFixture *fixture,
                            const char       *device_id)
{
  JsonArray *devices;

  g_clear_pointer (&fixture->dump, json_node_unref);
  fixture->dump = cksim_server_dump_state (fixture->server);
  devices = json_object_get_array_member (json_node_get_object (fixture->dump), "devices");
  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_str_equal (json_object_get_string_member (device, "deviceid"), device_id))
        return device;
    }
  return NULL;
}

JsonObject *
relay_test_sim_device (RelayTestFixture *fixture,
                       const char       *device_id)
{
  JsonObject *device = relay_test_sim_find_device (fixture, device_id);

  if (device == NULL)
    g_error ("The simulator has no device %s", device_id);
  return device;
}

static void
group_created_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(CkGroup **) user_data = ck_group_list_create_finish (CK_GROUP_LIST (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
group_made (gpointer data)
{
  return *(CkGroup **) data != NULL;
}

CkGroup *
relay_test_create_group (CkClient   *client,
                         const char *name)
{
  CkGroup *group = NULL;

  ck_group_list_create_async (ck_client_get_groups (client), name, 0, NULL, group_created_cb, &group);
  relay_test_wait_until (group_made, &group, RELAY_TEST_WAIT_MS, "the new group");
  return group;
}

static void
render_png (GskRenderNode *node,
            int            width,
            int            height,
            const char    *path)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  graphene_rect_t bounds;

  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  gsk_renderer_unrealize (renderer);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
wait_drawn (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
}

/* What the screen shows of @native: the whole surface, the window's
 * shadow and resize border included (5 px around an unmaximised window).
 * A widget paintable draws the window's own CSS (its background) too,
 * which the class's snapshot leaves to GTK; it needs a frame after it is
 * made. */
static void
snapshot_surface (GtkWidget   *native,
                  GtkSnapshot *snapshot)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (native);
  double x, y;

  wait_drawn (native);
  gtk_native_get_surface_transform (GTK_NATIVE (native), &x, &y);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (native), gtk_widget_get_height (native));
  gtk_snapshot_restore (snapshot);
}

/* TESTING.md §3: snapshot the drawn widget, render it with a standalone
 * cairo renderer, save the texture. Works on any backend. A window is
 * saved as its whole surface, at the size the screen gives it. */
void
relay_test_save_png (GtkWidget  *widget,
                     const char *path)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  wait_drawn (widget);
  if (GTK_IS_NATIVE (widget))
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

      snapshot_surface (widget, snapshot);
      width = gdk_surface_get_width (surface);
      height = gdk_surface_get_height (surface);
    }
  else
    {
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  render_png (node, width, height, path);
}

void
relay_test_save_dialog_png (GtkWidget  *window,
                            GtkWidget  *dialog,
                            const char *path)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GdkSurface *surface, *dialog_surface;
  graphene_rect_t content;
  double x, y;

  wait_drawn (window);
  wait_drawn (dialog);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  dialog_surface = gtk_native_get_surface (GTK_NATIVE (dialog));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &x, &y);
  graphene_rect_init (&content, x, y, gtk_widget_get_width (window), gtk_widget_get_height (window));

  snapshot_surface (window, snapshot);
  /* The window behind a modal dialog, dimmed, and the dialog in its middle. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.3 }, &content);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((gdk_surface_get_width (surface) - gdk_surface_get_width (dialog_surface)) / 2,
                                                (gdk_surface_get_height (surface) - gdk_surface_get_height (dialog_surface)) / 2));
  snapshot_surface (dialog, snapshot);
  gtk_snapshot_restore (snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  render_png (node, gdk_surface_get_width (surface), gdk_surface_get_height (surface), path);
}
