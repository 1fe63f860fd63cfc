/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-sign-in-page"

#include "config.h"

#include "relay-sign-in-page.h"

/**
 * RelaySignInPage:
 *
 * The form that signs in to the real cloud: account (e-mail or E.164 phone
 * number, password) and app credentials (server template, app id, app
 * secret). It only collects and shows: the window runs the sign-in when
 * RelaySignInPage::submitted is emitted and reports back with
 * relay_sign_in_page_set_busy() and relay_sign_in_page_set_error().
 */
struct _RelaySignInPage
{
  AdwBin       parent_instance;

  GtkImage    *app_icon;
  AdwEntryRow *identity_row;
  AdwEntryRow *password_row;
  AdwEntryRow *server_row;
  AdwEntryRow *app_id_row;
  AdwEntryRow *app_secret_row;
  GtkLabel    *error_label;
  GtkSpinner  *spinner;

  gboolean     busy;
};

G_DEFINE_FINAL_TYPE (RelaySignInPage, relay_sign_in_page, ADW_TYPE_BIN)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_complete (RelaySignInPage *self)
{
  AdwEntryRow *rows[] = {
    self->identity_row, self->password_row, self->server_row,
    self->app_id_row, self->app_secret_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (row_text (rows[i])[0] == '\0')
      return FALSE;

  return TRUE;
}

static void
update_submit_action (RelaySignInPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit",
                                 !self->busy && is_complete (self));
}

static void
on_field_changed_cb (RelaySignInPage *self)
{
  update_submit_action (self);
}

static void
on_identity_row_entry_activated_cb (RelaySignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_password_row_entry_activated_cb (RelaySignInPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

static void
relay_sign_in_page_submit_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RelaySignInPage *self = RELAY_SIGN_IN_PAGE (widget);

  if (self->busy || !is_complete (self))
    return;

  relay_sign_in_page_set_error (self, NULL);
  g_signal_emit (self, signals[SUBMITTED], 0);
}

static void
relay_sign_in_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RELAY_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (relay_sign_in_page_parent_class)->dispose (object);
}

static void
relay_sign_in_page_class_init (RelaySignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relay_sign_in_page_dispose;

  /**
   * RelaySignInPage::submitted:
   *
   * Every field is filled in and the user asked to sign in.
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL,
                                   relay_sign_in_page_submit_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/relay-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, app_icon);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, identity_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, app_id_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, app_secret_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_identity_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
}

static void
relay_sign_in_page_init (RelaySignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_image_set_from_icon_name (self->app_icon, APP_ID);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), CK_API_DEFAULT_SERVER_TEMPLATE);
  update_submit_action (self);
}

GtkWidget *
relay_sign_in_page_new (void)
{
  return g_object_new (RELAY_TYPE_SIGN_IN_PAGE, NULL);
}

/**
 * relay_sign_in_page_set_server:
 * @server_template: (nullable): the server to show, %NULL for the real cloud
 * @app_id: (nullable): the app id to show
 *
 * Prefills the app credentials, e.g. with those of the last session.
 */
void
relay_sign_in_page_set_server (RelaySignInPage *self,
                               const char      *server_template,
                               const char      *app_id)
{
  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  if (server_template == NULL || server_template[0] == '\0')
    server_template = CK_API_DEFAULT_SERVER_TEMPLATE;

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_template);
  gtk_editable_set_text (GTK_EDITABLE (self->app_id_row), app_id != NULL ? app_id : "");
}

/* While busy the form cannot be changed or submitted again. */
void
relay_sign_in_page_set_busy (RelaySignInPage *self,
                             gboolean         busy)
{
  AdwEntryRow *rows[] = {
    self->identity_row, self->password_row, self->server_row,
    self->app_id_row, self->app_secret_row,
  };

  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_submit_action (self);
}

/**
 * relay_sign_in_page_set_error:
 * @sentence: (nullable): what went wrong, as a plain sentence; %NULL hides it
 */
void
relay_sign_in_page_set_error (RelaySignInPage *self,
                              const char      *sentence)
{
  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  gtk_label_set_text (self->error_label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), sentence != NULL);
}

/**
 * relay_sign_in_page_create_client:
 *
 * Returns: (transfer full): a signed-out client for the server and app
 * credentials in the form
 */
CkClient *
relay_sign_in_page_create_client (RelaySignInPage *self)
{
  g_autoptr(CkApi) api = NULL;

  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  api = ck_api_new (row_text (self->server_row),
                    row_text (self->app_id_row),
                    row_text (self->app_secret_row));

  return ck_client_new (api);
}

const char *
relay_sign_in_page_get_app_secret (RelaySignInPage *self)
{
  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  return row_text (self->app_secret_row);
}

const char *
relay_sign_in_page_get_identity (RelaySignInPage *self)
{
  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  return row_text (self->identity_row);
}

const char *
relay_sign_in_page_get_password (RelaySignInPage *self)
{
  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  return row_text (self->password_row);
}

/* The password is not kept in the form once it has done its job. */
void
relay_sign_in_page_clear_password (RelaySignInPage *self)
{
  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}
