/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-window"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-account.h"
#include "relay-connection-banner.h"
#include "relay-countries.h"
#include "relay-device-list-view.h"
#include "relay-device-page.h"
#include "relay-errors.h"
#include "relay-group-dialogs.h"
#include "relay-preferences-window.h"
#include "relay-sign-in-page.h"
#include "relay-window.h"

/**
 * RelayWindow:
 *
 * The main window: signing in (or resuming), then an adaptive AdwLeaflet
 * with the sections (all devices, groups, shared with me) beside the device
 * list, which gives way to a device's page. The connection banner and toasts
 * say what the cloud really did.
 *
 * With "settings" the window is the real app's: it keeps its size and sort
 * order, offers the sign-in page and remembers the session in the keyring.
 * Without settings (the demo) nothing is stored anywhere.
 */
struct _RelayWindow
{
  AdwApplicationWindow   parent_instance;

  GSettings             *settings;
  CkClient              *client;
  GCancellable          *cancellable;
  /* The demo's test-data account, to take the session back on request. */
  char                  *demo_identity;
  char                  *demo_password;
  char                  *sort;
  char                  *section_name;

  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  RelaySignInPage       *sign_in_page;
  AdwStatusPage         *failed_page;
  AdwLeaflet            *leaflet;
  GtkListBox            *sidebar;
  GtkWidget             *content_box;
  AdwWindowTitle        *content_title;
  GtkWidget             *back_button;
  GtkWidget             *sort_button;
  GtkWidget             *search_button;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  RelayConnectionBanner *banner;
  GtkStack              *content_stack;
  RelayDeviceListView   *device_list;
  RelayDevicePage       *device_page;
};

G_DEFINE_FINAL_TYPE (RelayWindow, relay_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One sign-in or resume in flight; @app_secret is set when it came from the
 * sign-in page and the session is to be remembered. */
typedef struct
{
  RelayWindow *window;
  CkClient    *client;
  char        *app_secret;
} SignInOp;

static void
sign_in_op_free (SignInOp *op)
{
  g_clear_object (&op->window);
  g_clear_object (&op->client);
  g_clear_pointer (&op->app_secret, g_free);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignInOp, sign_in_op_free)

static SignInOp *
sign_in_op_new (RelayWindow *window,
                const char  *app_secret)
{
  SignInOp *op = g_new0 (SignInOp, 1);

  op->window = g_object_ref (window);
  op->client = g_object_ref (window->client);
  op->app_secret = g_strdup (app_secret);

  return op;
}

/* A late answer for a client this window no longer shows is ignored. */
static gboolean
sign_in_op_is_current (SignInOp *op)
{
  return op->window->client == op->client;
}

static void
show_page (RelayWindow *self,
           const char  *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
toast (RelayWindow *self,
       const char  *markup)
{
  AdwToast *t = adw_toast_new (markup);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* ------------------------------------------------------------- navigation */

static void update_group_actions (RelayWindow *self);

static const char *
section_title (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "title") : NULL;
}

static void
update_navigation (RelayWindow *self)
{
  gboolean on_device = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "device") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  guint n_shown = g_list_model_get_n_items (relay_device_list_view_get_shown (self->device_list));
  CkDevice *device = relay_device_page_get_device (self->device_page);

  gtk_widget_set_visible (self->back_button, on_device || folded);
  gtk_widget_set_visible (self->sort_button, !on_device);
  gtk_widget_set_visible (self->search_button, !on_device);
  gtk_search_bar_set_search_mode (self->search_bar,
                                  !on_device && gtk_search_bar_get_search_mode (self->search_bar));

  if (on_device && device != NULL)
    {
      adw_window_title_set_title (self->content_title, ck_device_get_name (device));
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u device", "%u devices", n_shown),
                                                n_shown);
      const char *title = section_title (gtk_list_box_get_selected_row (self->sidebar));

      adw_window_title_set_title (self->content_title, title != NULL ? title : _("All Devices"));
      adw_window_title_set_subtitle (self->content_title, count);
    }
}

static void
show_content_page (RelayWindow *self,
                   const char  *name)
{
  gtk_stack_set_visible_child_name (self->content_stack, name);
  update_navigation (self);
}

static GtkWidget *
create_sidebar_row (const char         *name,
                    const char         *icon_name,
                    const char         *title,
                    RelayDeviceSection  section,
                    const char         *group_id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), "title", g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (row), "section", GINT_TO_POINTER (section));
  g_object_set_data_full (G_OBJECT (row), "group-id", g_strdup (group_id), g_free);
  return row;
}

static void rebuild_sidebar (RelayWindow *self);

/* A rename changes the group, not the list: its row and title follow. */
static void
on_group_renamed_cb (RelayWindow *self)
{
  rebuild_sidebar (self);
  update_navigation (self);
}

/* All devices, then each of the account's groups, then what others share
 * with this account. Rebuilt when the groups change or one is renamed; the
 * selection stays on the same section when it still exists. */
static void
rebuild_sidebar (RelayWindow *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar);
  g_autofree char *selected_name = g_strdup (selected != NULL ? gtk_widget_get_name (GTK_WIDGET (selected)) : "all");
  GListModel *groups = self->client != NULL ? G_LIST_MODEL (ck_client_get_groups (self->client)) : NULL;
  GtkWidget *child;
  GtkWidget *select = NULL;
  guint n_groups = groups != NULL ? g_list_model_get_n_items (groups) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  gtk_list_box_append (self->sidebar,
                       create_sidebar_row ("all", "view-grid-symbolic", _("All Devices"),
                                           RELAY_DEVICE_SECTION_ALL, NULL));
  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(CkGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *name = g_strdup_printf ("group-%s", ck_group_get_id (group));

      g_signal_handlers_disconnect_by_func (group, on_group_renamed_cb, self);
      g_signal_connect_object (group, "notify::name", G_CALLBACK (on_group_renamed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->sidebar,
                           create_sidebar_row (name, "folder-symbolic", ck_group_get_name (group),
                                               RELAY_DEVICE_SECTION_GROUP, ck_group_get_id (group)));
    }
  gtk_list_box_append (self->sidebar,
                       create_sidebar_row ("shared", "emblem-shared-symbolic", _("Shared with Me"),
                                           RELAY_DEVICE_SECTION_SHARED, NULL));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child != NULL && select == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), selected_name))
      select = child;

  gtk_list_box_select_row (self->sidebar,
                           GTK_LIST_BOX_ROW (select != NULL ? select
                                                            : gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))));
}

static void
on_sidebar_row_selected_cb (RelayWindow   *self,
                            GtkListBoxRow *row)
{
  /* A rebuilt sidebar selecting the same section again changes nothing. */
  if (row == NULL || g_strcmp0 (self->section_name, gtk_widget_get_name (GTK_WIDGET (row))) == 0)
    return;

  g_free (self->section_name);
  self->section_name = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));

  relay_device_list_view_set_section (self->device_list,
                                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "section")),
                                      g_object_get_data (G_OBJECT (row), "group-id"));
  update_group_actions (self);
  show_content_page (self, "list");
}

static void
on_sidebar_row_activated_cb (RelayWindow   *self,
                             GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_device_activated_cb (RelayWindow *self,
                        CkDevice    *device)
{
  relay_window_open_device (self, device);
}

static void
on_search_changed_cb (RelayWindow    *self,
                      GtkSearchEntry *entry)
{
  relay_device_list_view_set_search (self->device_list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_navigation (self);
}

/* Enter in the search entry moves to the results. */
static void
on_search_activate_cb (RelayWindow *self)
{
  relay_device_list_view_focus_first (self->device_list);
}

static void
on_search_stop_cb (RelayWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* ---------------------------------------------------------------- session */

static void
show_failure (RelayWindow  *self,
              const GError *error)
{
  const char *sentence = relay_error_describe (error);

  if (self->settings != NULL)
    {
      relay_sign_in_page_set_busy (self->sign_in_page, FALSE);
      relay_sign_in_page_set_error (self->sign_in_page, sentence);
      show_page (self, "sign-in");
    }
  else
    {
      adw_status_page_set_description (self->failed_page, sentence);
      show_page (self, "failed");
    }
}

static void
on_client_command_failed_cb (RelayWindow *self,
                             CkDevice    *device,
                             GError      *error)
{
  g_autofree char *what = g_strdup_printf (_("“%s” did not change"), ck_device_get_name (device));

  relay_error_toast (GTK_WIDGET (self), what, error);
}

/* (transfer none) (nullable): the group the sidebar has selected. */
static CkGroup *
selected_group (RelayWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  const char *group_id = row != NULL ? g_object_get_data (G_OBJECT (row), "group-id") : NULL;

  if (self->client == NULL || group_id == NULL)
    return NULL;
  return ck_group_list_lookup (ck_client_get_groups (self->client), group_id);
}

static void
update_group_actions (RelayWindow *self)
{
  gboolean group = selected_group (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-group", self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-group", group);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-group", group);
}

static void
update_actions (RelayWindow *self)
{
  update_group_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                 self->settings != NULL && self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences",
                                 self->settings != NULL && self->client != NULL);
}

static void
set_client (RelayWindow *self,
            CkClient    *client)
{
  if (self->client == client)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      g_signal_handlers_disconnect_by_data (ck_client_get_groups (self->client), self);
    }

  g_set_object (&self->client, client);

  relay_device_page_set_device (self->device_page, NULL, NULL);
  relay_device_list_view_set_client (self->device_list, client);
  relay_connection_banner_set_client (self->banner, client);
  if (client != NULL)
    {
      g_signal_connect_object (client, "command-failed",
                               G_CALLBACK (on_client_command_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ck_client_get_groups (client), "items-changed",
                               G_CALLBACK (rebuild_sidebar), self, G_CONNECT_SWAPPED);
    }

  rebuild_sidebar (self);
  show_content_page (self, "list");
  update_actions (self);
}

static void
show_devices (RelayWindow *self)
{
  show_page (self, "devices");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  update_navigation (self);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SignInOp) op = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_connect_finish (CK_CLIENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && sign_in_op_is_current (op))
        show_failure (op->window, error);
      return;
    }

  if (!sign_in_op_is_current (op))
    return;

  if (op->window->settings != NULL)
    relay_sign_in_page_set_busy (op->window->sign_in_page, FALSE);
  show_devices (op->window);
}

static void
start_connect (SignInOp *op)
{
  RelayWindow *self = op->window;

  ck_client_connect_async (self->client, self->cancellable, connect_cb, op);
}

/* The API holds tokens now (sign in, registration or reset): remember the
 * session when it came from the sign-in page, then connect. */
static void
signed_in (SignInOp *op)
{
  if (!sign_in_op_is_current (op))
    {
      sign_in_op_free (op);
      return;
    }

  if (op->window->settings != NULL)
    {
      /* Next time the page is needed, it is to sign in. */
      relay_sign_in_page_set_mode (op->window->sign_in_page, RELAY_SIGN_IN_MODE_SIGN_IN);
      relay_sign_in_page_clear_password (op->window->sign_in_page);
      if (op->app_secret != NULL)
        relay_account_remember (op->window->settings, op->client, op->app_secret);
    }

  start_connect (op);
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SignInOp) op = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_login_finish (CK_CLIENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && sign_in_op_is_current (op))
        show_failure (op->window, error);
      return;
    }

  signed_in (g_steal_pointer (&op));
}

static void
sign_in (RelayWindow *self,
         CkClient    *client,
         const char  *identity,
         const char  *password,
         const char  *app_secret)
{
  set_client (self, client);
  if (!g_str_equal (relay_window_get_page (self), "sign-in"))
    show_page (self, "connecting");

  ck_client_login_async (client, identity, password, self->cancellable,
                         login_cb, sign_in_op_new (self, app_secret));
}

static gboolean
account_op_failed (SignInOp *op,
                   GError   *error)
{
  if (error == NULL)
    return FALSE;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && sign_in_op_is_current (op))
    show_failure (op->window, error);
  return TRUE;
}

static void
register_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SignInOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens G_GNUC_UNUSED = ck_api_register_finish (CK_API (object), result, &error);

  if (!account_op_failed (op, error))
    signed_in (g_steal_pointer (&op));
}

static void
reset_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SignInOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens G_GNUC_UNUSED = ck_api_reset_password_finish (CK_API (object), result, &error);

  if (!account_op_failed (op, error))
    signed_in (g_steal_pointer (&op));
}

static void
register_after_lookup_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SignInOp *op = user_data;
  RelaySignInPage *page = op->window->sign_in_page;
  g_autoptr(GError) error = NULL;
  g_autofree char *region = ck_api_lookup_region_finish (CK_API (object), result, &error);

  /* The lookup only improves the first guess: without it, the page's
   * region is asked and a 301 is followed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      sign_in_op_free (op);
      return;
    }
  if (region != NULL && ck_api_region_is_valid (region) &&
      !relay_identity_is_phone_number (relay_sign_in_page_get_identity (page)))
    ck_api_set_region (CK_API (object), region);

  ck_api_register_async (CK_API (object),
                         relay_sign_in_page_get_identity (page),
                         relay_sign_in_page_get_password (page),
                         relay_sign_in_page_get_code (page),
                         op->window->cancellable, register_cb, op);
}

static void
on_sign_in_page_submitted_cb (RelayWindow     *self,
                              RelaySignInPage *page)
{
  g_autoptr(CkClient) client = relay_sign_in_page_create_client (page);
  CkApi *api = ck_client_get_api (client);
  SignInOp *op;

  relay_sign_in_page_set_busy (page, TRUE);

  switch (relay_sign_in_page_get_mode (page))
    {
    case RELAY_SIGN_IN_MODE_REGISTER:
      set_client (self, client);
      op = sign_in_op_new (self, relay_sign_in_page_get_app_secret (page));
      ck_api_lookup_region_async (api, relay_sign_in_page_get_calling_code (page),
                                  self->cancellable, register_after_lookup_cb, op);
      break;
    case RELAY_SIGN_IN_MODE_RESET:
      set_client (self, client);
      op = sign_in_op_new (self, relay_sign_in_page_get_app_secret (page));
      ck_api_reset_password_async (api,
                                   relay_sign_in_page_get_identity (page),
                                   relay_sign_in_page_get_password (page),
                                   relay_sign_in_page_get_code (page),
                                   self->cancellable, reset_password_cb, op);
      break;
    case RELAY_SIGN_IN_MODE_SIGN_IN:
    default:
      sign_in (self, client,
               relay_sign_in_page_get_identity (page),
               relay_sign_in_page_get_password (page),
               relay_sign_in_page_get_app_secret (page));
      break;
    }
}

static void
send_code_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RelayWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  relay_sign_in_page_set_busy (self->sign_in_page, FALSE);
  if (!ck_api_send_code_finish (CK_API (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        relay_sign_in_page_set_error (self->sign_in_page, relay_error_describe (error));
      return;
    }

  relay_sign_in_page_set_info (self->sign_in_page,
                               _("A verification code is on its way. Enter it above."));
}

static void
on_sign_in_page_send_code_cb (RelayWindow     *self,
                              RelaySignInPage *page)
{
  g_autoptr(CkClient) client = relay_sign_in_page_create_client (page);

  relay_sign_in_page_set_busy (page, TRUE);
  ck_api_send_code_async (ck_client_get_api (client),
                          relay_sign_in_page_get_mode (page) == RELAY_SIGN_IN_MODE_REGISTER
                          ? CK_CODE_PURPOSE_REGISTER : CK_CODE_PURPOSE_RESET,
                          relay_sign_in_page_get_identity (page),
                          self->cancellable, send_code_cb, g_object_ref (self));
}

static void
resume_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RelayWindow) self = user_data;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = relay_account_resume_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      show_failure (self, error);
      return;
    }

  if (client == NULL)
    {
      show_page (self, "sign-in");
      return;
    }

  set_client (self, client);
  start_connect (sign_in_op_new (self, NULL));
}

/* ---------------------------------------------------------------- actions */

static void
relay_window_sign_out_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);
  g_autoptr(CkClient) client = NULL;

  if (self->settings == NULL || self->client == NULL)
    return;

  client = g_object_ref (self->client);
  relay_account_forget (self->settings, client);
  set_client (self, NULL);
  ck_client_sign_out (client);
  relay_sign_in_page_set_error (self->sign_in_page, NULL);
  show_page (self, "sign-in");
}

/* Taking the session back signs the other place out (one live session per
 * account and app id), so it only happens when the user asks. */
static void
relay_window_sign_in_again_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);
  g_autoptr(CkClient) client = NULL;

  if (self->client == NULL)
    return;

  if (self->demo_password != NULL)
    {
      client = ck_client_new (ck_client_get_api (self->client));
      sign_in (self, client, self->demo_identity, self->demo_password, NULL);
      return;
    }

  relay_sign_in_page_set_error (self->sign_in_page,
                                _("This account signed in on another device. Sign in again to use it here."));
  show_page (self, "sign-in");
}

static void
relay_window_preferences_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);

  if (self->client == NULL || self->settings == NULL)
    return;

  gtk_window_present (GTK_WINDOW (relay_preferences_window_new (GTK_WINDOW (self), self->client)));
}

static void
relay_window_new_group_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);

  if (self->client != NULL)
    relay_group_dialog_create (GTK_WINDOW (self), self->client);
}

static void
relay_window_rename_group_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);
  CkGroup *group = selected_group (self);

  if (group != NULL)
    relay_group_dialog_rename (GTK_WINDOW (self), self->client, group);
}

static void
relay_window_delete_group_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);
  CkGroup *group = selected_group (self);

  if (group != NULL)
    relay_group_dialog_delete (GTK_WINDOW (self), self->client, group);
}

static void
relay_window_back_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "device") == 0)
    {
      show_content_page (self, "list");
      relay_device_page_set_device (self->device_page, NULL, NULL);
      relay_device_list_view_focus_first (self->device_list);
      return;
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
relay_window_search_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RelayWindow *self = RELAY_WINDOW (widget);

  if (!g_str_equal (relay_window_get_page (self), "devices"))
    return;

  show_content_page (self, "list");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
relay_window_toast_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  toast (RELAY_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
apply_sort (RelayWindow *self,
            const char  *sort)
{
  relay_device_list_view_set_sort (self->device_list,
                                   g_strcmp0 (sort, "online") == 0 ? RELAY_DEVICE_SORT_ONLINE
                                                                   : RELAY_DEVICE_SORT_NAME);
}

static void
on_sort_changed_cb (RelayWindow *self)
{
  apply_sort (self, self->sort);
}

/* ------------------------------------------------------------ window state */

static void
restore_window_state (RelayWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (RelayWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
relay_window_close_request (GtkWindow *window)
{
  RelayWindow *self = RELAY_WINDOW (window);

  /* A slider value still waiting for its turn is sent before closing. */
  relay_device_page_set_device (self->device_page, NULL, NULL);
  if (self->settings != NULL)
    save_window_state (self);

  return GTK_WINDOW_CLASS (relay_window_parent_class)->close_request (window);
}

/* --------------------------------------------------------------- GObject */

static void
relay_window_constructed (GObject *object)
{
  RelayWindow *self = RELAY_WINDOW (object);

  G_OBJECT_CLASS (relay_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_autofree char *server_template = g_settings_get_string (self->settings, "server-template");
      g_autofree char *app_id = g_settings_get_string (self->settings, "app-id");

      restore_window_state (self);
      relay_sign_in_page_set_server (self->sign_in_page, server_template, app_id);
      g_settings_bind (self->settings, "sort-order", self, "sort", G_SETTINGS_BIND_DEFAULT);
    }

  on_sort_changed_cb (self);
  update_actions (self);
}

static void
relay_window_dispose (GObject *object)
{
  RelayWindow *self = RELAY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      g_signal_handlers_disconnect_by_data (ck_client_get_groups (self->client), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RELAY_TYPE_WINDOW);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (relay_window_parent_class)->dispose (object);
}

static void
relay_window_finalize (GObject *object)
{
  RelayWindow *self = RELAY_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->demo_identity, g_free);
  g_clear_pointer (&self->demo_password, g_free);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->section_name, g_free);

  G_OBJECT_CLASS (relay_window_parent_class)->finalize (object);
}

static void
relay_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RelayWindow *self = RELAY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RelayWindow *self = RELAY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SORT:
      if (g_strcmp0 (self->sort, g_value_get_string (value)) != 0)
        {
          g_free (self->sort);
          self->sort = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_window_class_init (RelayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = relay_window_constructed;
  object_class->dispose = relay_window_dispose;
  object_class->finalize = relay_window_finalize;
  object_class->get_property = relay_window_get_property;
  object_class->set_property = relay_window_set_property;
  window_class->close_request = relay_window_close_request;

  /**
   * RelayWindow:settings: (nullable)
   *
   * The application's settings; %NULL for a window that stores nothing.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /**
   * RelayWindow:sort:
   *
   * The device list's order, "name" or "online"; backs the win.sort action.
   */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, relay_window_sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in-again", NULL,
                                   relay_window_sign_in_again_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, relay_window_back_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, relay_window_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, relay_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", relay_window_toast_action);
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL, relay_window_new_group_action);
  gtk_widget_class_install_action (widget_class, "win.rename-group", NULL, relay_window_rename_group_action);
  gtk_widget_class_install_action (widget_class, "win.delete-group", NULL, relay_window_delete_group_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-group", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-group", NULL);

  g_type_ensure (RELAY_TYPE_SIGN_IN_PAGE);
  g_type_ensure (RELAY_TYPE_CONNECTION_BANNER);
  g_type_ensure (RELAY_TYPE_DEVICE_LIST_VIEW);
  g_type_ensure (RELAY_TYPE_DEVICE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/relay-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, sort_button);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, device_list);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, device_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_page_submitted_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_page_send_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_navigation);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_device_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
}

static void
relay_window_init (RelayWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->sort = g_strdup ("name");
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing in the device list starts a search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->device_list));
  g_signal_connect_object (relay_device_list_view_get_shown (self->device_list), "items-changed",
                           G_CALLBACK (update_navigation), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::sort", G_CALLBACK (on_sort_changed_cb), NULL);
  rebuild_sidebar (self);
  update_navigation (self);
}

/**
 * relay_window_new:
 * @application: (nullable): the application
 * @settings: (nullable): the application's settings, %NULL to store nothing
 */
RelayWindow *
relay_window_new (GtkApplication *application,
                  GSettings      *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (RELAY_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

/* (transfer none) (nullable) */
CkClient *
relay_window_get_client (RelayWindow *self)
{
  g_return_val_if_fail (RELAY_IS_WINDOW (self), NULL);

  return self->client;
}

/* "connecting", "sign-in", "devices" or "failed" */
const char *
relay_window_get_page (RelayWindow *self)
{
  g_return_val_if_fail (RELAY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
relay_window_get_content_page (RelayWindow *self)
{
  g_return_val_if_fail (RELAY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/* Shows @device's page (what Enter or a click on its row does). */
void
relay_window_open_device (RelayWindow *self,
                          CkDevice    *device)
{
  g_return_if_fail (RELAY_IS_WINDOW (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  relay_device_page_set_device (self->device_page, self->client, device);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  show_content_page (self, "device");
}

/**
 * relay_window_sign_in:
 * @client: a signed-out client
 *
 * Signs @client in, connects it and shows its devices. Nothing is remembered
 * (this is the demo's way in; the sign-in page remembers its sessions).
 */
void
relay_window_sign_in (RelayWindow *self,
                      CkClient    *client,
                      const char  *identity,
                      const char  *password)
{
  g_return_if_fail (RELAY_IS_WINDOW (self));
  g_return_if_fail (CK_IS_CLIENT (client));
  g_return_if_fail (identity != NULL);
  g_return_if_fail (password != NULL);

  g_free (self->demo_identity);
  self->demo_identity = g_strdup (identity);
  g_free (self->demo_password);
  self->demo_password = g_strdup (password);
  sign_in (self, client, identity, password, NULL);
}

/**
 * relay_window_resume:
 *
 * Resumes the session remembered in the keyring, or shows the sign-in page
 * when there is none. Needs "settings".
 */
void
relay_window_resume (RelayWindow *self)
{
  g_return_if_fail (RELAY_IS_WINDOW (self));
  g_return_if_fail (self->settings != NULL);

  show_page (self, "connecting");
  relay_account_resume_async (self->settings, self->cancellable, resume_cb, g_object_ref (self));
}
