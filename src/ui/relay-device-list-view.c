/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-device-family.h"
#include "relay-device-list-view.h"
#include "relay-device-row.h"

/**
 * RelayDeviceListView:
 *
 * The account's devices as a GtkListView over
 * GtkSortListModel (GtkFilterListModel (devices)): rows are recycled, so
 * ten thousand devices cost a screenful of widgets. Search, the sidebar's
 * section and the sort order only change the filter and the sorter.
 * Search matches the name, the model, the kind of device and the names of
 * its groups (rooms). Sorted by state, the list re-sorts when a device goes
 * on or offline, at most once per main-loop turn however many change.
 *
 * Keyboard: the arrow keys move between rows, Enter (or a click) opens the
 * device (RelayDeviceListView::device-activated), Space switches the focused
 * row's power.
 */
struct _RelayDeviceListView
{
  AdwBin              parent_instance;

  CkClient           *client;
  GListModel         *devices;

  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;

  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkStringFilter    *search_filter;
  GtkCustomFilter    *section_filter;
  GtkSorter          *name_sorter;
  GtkSorter          *online_sorter;
  guint               resort_id;

  RelayDeviceSection  section;
  char               *group_id;
};

G_DEFINE_FINAL_TYPE (RelayDeviceListView, relay_device_list_view, ADW_TYPE_BIN)

enum {
  DEVICE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
match_section (gpointer item,
               gpointer user_data)
{
  RelayDeviceListView *self = RELAY_DEVICE_LIST_VIEW (user_data);
  CkDevice *device = CK_DEVICE (item);

  switch (self->section)
    {
    case RELAY_DEVICE_SECTION_SHARED:
      return ck_device_get_shared_by (device) != NULL;
    case RELAY_DEVICE_SECTION_GROUP:
      return self->group_id != NULL && ck_device_is_in_group (device, self->group_id);
    case RELAY_DEVICE_SECTION_ALL:
    default:
      return TRUE;
    }
}

static void
update_empty_state (RelayDeviceListView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0;
  const char *search = gtk_string_filter_get_search (self->search_filter);

  if (empty && search != NULL && search[0] != '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page, _("Try a different search."));
    }
  else if (empty)
    {
      adw_status_page_set_icon_name (self->empty_page, "io.github.relaydesktop.Relay-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Devices"));
      adw_status_page_set_description (self->empty_page,
                                       self->section == RELAY_DEVICE_SECTION_SHARED
                                       ? _("Devices other accounts share with you appear here.")
                                       : _("Devices you add with the eWeLink app appear here."));
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RelayDeviceListView      *self)
{
  gtk_list_item_set_child (list_item, relay_device_row_new (self->client));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RelayDeviceListView      *self)
{
  relay_device_row_set_device (RELAY_DEVICE_ROW (gtk_list_item_get_child (list_item)),
                               CK_DEVICE (gtk_list_item_get_item (list_item)));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelayDeviceListView      *self)
{
  relay_device_row_set_device (RELAY_DEVICE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_list_activate_cb (RelayDeviceListView *self,
                     guint                position)
{
  g_autoptr(CkDevice) device = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (device != NULL)
    g_signal_emit (self, signals[DEVICE_ACTIVATED], 0, device);
}

/* The row that holds the keyboard focus: the focus sits on the list item
 * around the row, or on a control inside it. */
static RelayDeviceRow *
find_focused_row (RelayDeviceListView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;

  child = gtk_widget_get_first_child (focus);
  if (child != NULL && RELAY_IS_DEVICE_ROW (child))
    return RELAY_DEVICE_ROW (child);

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    if (RELAY_IS_DEVICE_ROW (w))
      return RELAY_DEVICE_ROW (w);

  return NULL;
}

/* Space: switches the focused row's device, if it can be switched now. */
static void
relay_device_list_view_toggle_focused_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  RelayDeviceListView *self = RELAY_DEVICE_LIST_VIEW (widget);
  RelayDeviceRow *row = find_focused_row (self);

  if (row != NULL)
    relay_device_row_toggle_power (row);
}

/* What search looks in: name, model, kind and group (room) names. */
static char *
dup_search_text (CkDevice            *device,
                 RelayDeviceListView *self)
{
  GString *text = g_string_new (ck_device_get_name (device));
  const char * const *groups = ck_device_get_groups (device);

  if (ck_device_get_model (device) != NULL)
    g_string_append_printf (text, "\n%s", ck_device_get_model (device));
  g_string_append_printf (text, "\n%s", ck_family_get_description (relay_device_get_family (device)));
  for (guint i = 0; self->client != NULL && groups[i] != NULL; i++)
    {
      CkGroup *group = ck_group_list_lookup (ck_client_get_groups (self->client), groups[i]);

      if (group != NULL)
        g_string_append_printf (text, "\n%s", ck_group_get_name (group));
    }
  return g_string_free (text, FALSE);
}

/* Online first. A custom sorter compares the live values: a numeric
 * sorter's cached keys would not see a device go on or offline. */
static int
compare_online (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return (int) ck_device_get_online ((CkDevice *) b) - (int) ck_device_get_online ((CkDevice *) a);
}

static gboolean
resort_cb (gpointer user_data)
{
  RelayDeviceListView *self = user_data;

  self->resort_id = 0;
  gtk_sorter_changed (self->online_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

/* Many devices may change at once (a reconnect): one re-sort for all. */
static void
on_device_online_cb (RelayDeviceListView *self)
{
  if (self->resort_id == 0 && gtk_sort_list_model_get_sorter (self->sort_model) == self->online_sorter)
    self->resort_id = g_idle_add (resort_cb, self);
}

static void
watch_devices (RelayDeviceListView *self,
               guint                position,
               guint                removed,
               guint                added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CkDevice) device = g_list_model_get_item (self->devices, i);

      if (g_signal_handler_find (device, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 on_device_online_cb, self) == 0)
        g_signal_connect_object (device, "notify::online", G_CALLBACK (on_device_online_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  on_device_online_cb (self);
}

static void
unwatch_devices (RelayDeviceListView *self)
{
  if (self->devices == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->devices, watch_devices, self);
  for (guint i = 0; i < g_list_model_get_n_items (self->devices); i++)
    {
      g_autoptr(CkDevice) device = g_list_model_get_item (self->devices, i);

      g_signal_handlers_disconnect_by_func (device, on_device_online_cb, self);
    }
}

static void
relay_device_list_view_dispose (GObject *object)
{
  RelayDeviceListView *self = RELAY_DEVICE_LIST_VIEW (object);

  g_clear_handle_id (&self->resort_id, g_source_remove);
  unwatch_devices (self);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->name_sorter);
  g_clear_object (&self->online_sorter);
  g_clear_object (&self->devices);
  g_clear_object (&self->client);
  g_clear_pointer (&self->group_id, g_free);

  G_OBJECT_CLASS (relay_device_list_view_parent_class)->dispose (object);
}

static void
relay_device_list_view_class_init (RelayDeviceListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relay_device_list_view_dispose;

  /**
   * RelayDeviceListView::device-activated:
   * @device: the device to open
   */
  signals[DEVICE_ACTIVATED] =
    g_signal_new ("device-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CK_TYPE_DEVICE);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "list.toggle-focused", NULL,
                                   relay_device_list_view_toggle_focused_action);
}

static GtkSorter *
create_name_sorter (void)
{
  GtkStringSorter *sorter =
    gtk_string_sorter_new (gtk_property_expression_new (CK_TYPE_DEVICE, NULL, "name"));

  gtk_string_sorter_set_ignore_case (sorter, TRUE);
  return GTK_SORTER (sorter);
}

static void
relay_device_list_view_init (RelayDeviceListView *self)
{
  GtkListItemFactory *factory;
  GtkEveryFilter *filter;
  GtkMultiSorter *online_sorter;
  GtkWidget *scrolled, *clamp;
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  /* The pipeline, without devices until a client is set. */
  self->search_filter =
    gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                        G_CALLBACK (dup_search_text), self, NULL));
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);
  self->section_filter = gtk_custom_filter_new (match_section, self, NULL);
  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (self->search_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (self->section_filter));
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));

  self->name_sorter = create_name_sorter ();
  online_sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (online_sorter, GTK_SORTER (gtk_custom_sorter_new (compare_online, NULL, NULL)));
  gtk_multi_sorter_append (online_sorter, create_name_sorter ());
  self->online_sorter = GTK_SORTER (online_sorter);

  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (self->name_sorter));
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "device-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Devices"),
                                  -1);
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (on_list_activate_cb), self, G_CONNECT_SWAPPED);

  /* Capture phase: Space must reach us before the list item's own binding. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                               gtk_named_action_new ("list.toggle-focused"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 800);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 600);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->list_view));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  update_empty_state (self);
}

GtkWidget *
relay_device_list_view_new (void)
{
  return g_object_new (RELAY_TYPE_DEVICE_LIST_VIEW, NULL);
}

void
relay_device_list_view_set_model (RelayDeviceListView *self,
                                  CkClient            *client,
                                  GListModel          *devices)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self));
  g_return_if_fail (client == NULL || CK_IS_CLIENT (client));
  g_return_if_fail (devices == NULL || G_IS_LIST_MODEL (devices));

  /* Rows are made for one client: drop them all before switching. */
  gtk_list_view_set_model (self->list_view, NULL);
  unwatch_devices (self);
  g_set_object (&self->client, client);
  g_set_object (&self->devices, devices);
  gtk_filter_list_model_set_model (self->filter_model, devices);
  if (devices != NULL)
    {
      g_signal_connect_object (devices, "items-changed", G_CALLBACK (watch_devices), self, G_CONNECT_SWAPPED);
      watch_devices (self, 0, 0, g_list_model_get_n_items (devices));
    }

  if (devices != NULL)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }
}

void
relay_device_list_view_set_client (RelayDeviceListView *self,
                                   CkClient            *client)
{
  g_return_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self));

  relay_device_list_view_set_model (self, client,
                                    client != NULL ? G_LIST_MODEL (ck_client_get_devices (client)) : NULL);
}

void
relay_device_list_view_set_search (RelayDeviceListView *self,
                                   const char          *text)
{
  g_return_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  gtk_string_filter_set_search (self->search_filter, text);
  update_empty_state (self);
}

void
relay_device_list_view_set_section (RelayDeviceListView *self,
                                    RelayDeviceSection   section,
                                    const char          *group_id)
{
  g_return_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self));

  self->section = section;
  g_free (self->group_id);
  self->group_id = g_strdup (group_id);
  gtk_filter_changed (GTK_FILTER (self->section_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

void
relay_device_list_view_set_sort (RelayDeviceListView *self,
                                 RelayDeviceSort      sort)
{
  g_return_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self));

  gtk_sort_list_model_set_sorter (self->sort_model,
                                  sort == RELAY_DEVICE_SORT_ONLINE ? self->online_sorter
                                                                   : self->name_sorter);
}

GListModel *
relay_device_list_view_get_shown (RelayDeviceListView *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

GtkListView *
relay_device_list_view_get_list (RelayDeviceListView *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self), NULL);

  return self->list_view;
}

/* Moves the keyboard to the first row (after a search, Down or Enter). */
void
relay_device_list_view_focus_first (RelayDeviceListView *self)
{
  g_return_if_fail (RELAY_IS_DEVICE_LIST_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}
