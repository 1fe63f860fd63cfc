/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-window"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-account.h"
#include "relay-device-row.h"
#include "relay-errors.h"
#include "relay-sign-in-page.h"
#include "relay-window.h"

/**
 * RelayWindow:
 *
 * The main window: signing in (or resuming), the device list, the state of
 * the connection in the header bar and toasts for commands that failed.
 *
 * With "settings" the window is the real app's: it keeps its size, offers
 * the sign-in page and remembers the session in the keyring. Without
 * settings (the demo) nothing is stored anywhere.
 */
struct _RelayWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CkClient             *client;
  GCancellable         *cancellable;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  RelaySignInPage      *sign_in_page;
  GtkListBox           *device_list;
  AdwStatusPage        *failed_page;
};

G_DEFINE_FINAL_TYPE (RelayWindow, relay_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
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

static const char *
describe_state (CkClientState state)
{
  switch (state)
    {
    case CK_CLIENT_STATE_CONNECTING:
      return _("Connecting…");
    case CK_CLIENT_STATE_ONLINE:
      return _("Online");
    case CK_CLIENT_STATE_RECONNECTING:
      return _("Reconnecting…");
    case CK_CLIENT_STATE_SESSION_TAKEN:
      return _("Signed in elsewhere");
    case CK_CLIENT_STATE_OFFLINE:
      return _("Offline");
    case CK_CLIENT_STATE_SIGNED_OUT:
    default:
      return "";
    }
}

static void
update_status (RelayWindow *self)
{
  CkClientState state = CK_CLIENT_STATE_SIGNED_OUT;

  if (self->client != NULL)
    state = ck_client_get_state (self->client);

  adw_window_title_set_subtitle (self->window_title, describe_state (state));
}

static void
update_actions (RelayWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                 self->settings != NULL && self->client != NULL);
}

static void
show_page (RelayWindow *self,
           const char  *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

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

static GtkWidget *
create_device_row_cb (gpointer item,
                      gpointer user_data)
{
  RelayWindow *self = RELAY_WINDOW (user_data);

  return relay_device_row_new (self->client, CK_DEVICE (item));
}

static void
on_client_command_failed_cb (RelayWindow *self,
                             CkDevice    *device,
                             GError      *error)
{
  g_autofree char *title = NULL;

  /* Toast titles are markup on libadwaita 1.2, and names come from the cloud. */
  title = g_markup_printf_escaped (_("“%s” did not change: %s"),
                                   ck_device_get_name (device),
                                   relay_error_describe (error));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
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
      gtk_list_box_bind_model (self->device_list, NULL, NULL, NULL, NULL);
    }

  g_set_object (&self->client, client);

  if (client != NULL)
    {
      g_signal_connect_object (client, "notify::state",
                               G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "command-failed",
                               G_CALLBACK (on_client_command_failed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->device_list,
                               G_LIST_MODEL (ck_client_get_devices (client)),
                               create_device_row_cb, self, NULL);
    }

  update_status (self);
  update_actions (self);
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
  show_page (op->window, "devices");
}

static void
start_connect (SignInOp *op)
{
  RelayWindow *self = op->window;

  ck_client_connect_async (self->client, self->cancellable, connect_cb, op);
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

  if (!sign_in_op_is_current (op))
    return;

  if (op->window->settings != NULL)
    {
      relay_sign_in_page_clear_password (op->window->sign_in_page);
      if (op->app_secret != NULL)
        relay_account_remember (op->window->settings, op->client, op->app_secret);
    }

  start_connect (g_steal_pointer (&op));
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

static void
on_sign_in_page_submitted_cb (RelayWindow     *self,
                              RelaySignInPage *page)
{
  g_autoptr(CkClient) client = relay_sign_in_page_create_client (page);

  relay_sign_in_page_set_busy (page, TRUE);
  sign_in (self, client,
           relay_sign_in_page_get_identity (page),
           relay_sign_in_page_get_password (page),
           relay_sign_in_page_get_app_secret (page));
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

  if (self->settings != NULL)
    save_window_state (self);

  return GTK_WINDOW_CLASS (relay_window_parent_class)->close_request (window);
}

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
    }

  update_actions (self);
}

static void
relay_window_dispose (GObject *object)
{
  RelayWindow *self = RELAY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->client != NULL)
    gtk_list_box_bind_model (self->device_list, NULL, NULL, NULL, NULL);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL,
                                   relay_window_sign_out_action);

  g_type_ensure (RELAY_TYPE_SIGN_IN_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/relay-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, device_list);
  gtk_widget_class_bind_template_child (widget_class, RelayWindow, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_page_submitted_cb);
}

static void
relay_window_init (RelayWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
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

/* (transfer none): the list of RelayDeviceRow */
GtkListBox *
relay_window_get_device_list (RelayWindow *self)
{
  g_return_val_if_fail (RELAY_IS_WINDOW (self), NULL);

  return self->device_list;
}

/* "connecting", "sign-in", "devices" or "failed" */
const char *
relay_window_get_page (RelayWindow *self)
{
  g_return_val_if_fail (RELAY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
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
