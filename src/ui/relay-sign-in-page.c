/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ck-region.h"
#include "relay-countries.h"
#include "relay-sign-in-page.h"

/**
 * RelaySignInPage:
 *
 * The account forms for the real cloud, in three modes: sign in, create an
 * account with a verification code, and reset a forgotten password with a
 * code. Each takes a country (which picks the cloud region, spec Appendix A),
 * an e-mail address or E.164 phone number, and the app credentials (server
 * template, app id, app secret).
 *
 * It only collects and shows: the window does the work when
 * RelaySignInPage::submitted or ::send-code is emitted, and reports back
 * with relay_sign_in_page_set_busy(), _set_error() and _set_info().
 */
struct _RelaySignInPage
{
  AdwBin           parent_instance;

  GtkImage        *app_icon;
  GtkLabel        *title_label;
  GtkLabel        *description_label;
  AdwComboRow     *country_row;
  AdwEntryRow     *identity_row;
  AdwEntryRow     *code_row;
  AdwEntryRow     *password_row;
  AdwEntryRow     *server_row;
  AdwEntryRow     *app_id_row;
  AdwEntryRow     *app_secret_row;
  GtkLabel        *info_label;
  GtkLabel        *error_label;
  GtkButton       *submit_button;
  GtkSpinner      *spinner;
  GtkWidget       *register_link;
  GtkWidget       *reset_link;
  GtkWidget       *back_link;

  RelaySignInMode  mode;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (RelaySignInPage, relay_sign_in_page, ADW_TYPE_BIN)

enum {
  SUBMITTED,
  SEND_CODE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
credentials_complete (RelaySignInPage *self)
{
  return row_text (self->server_row)[0] != '\0' && row_text (self->app_id_row)[0] != '\0' &&
         row_text (self->app_secret_row)[0] != '\0';
}

static gboolean
is_complete (RelaySignInPage *self)
{
  if (!credentials_complete (self) || !relay_identity_is_valid (row_text (self->identity_row)) ||
      row_text (self->password_row)[0] == '\0')
    return FALSE;

  return self->mode == RELAY_SIGN_IN_MODE_SIGN_IN || row_text (self->code_row)[0] != '\0';
}

static void
update_actions (RelaySignInPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit",
                                 !self->busy && is_complete (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.send-code",
                                 !self->busy && credentials_complete (self) &&
                                 relay_identity_is_valid (row_text (self->identity_row)));
}

static void
on_field_changed_cb (RelaySignInPage *self)
{
  update_actions (self);
}

static void
on_identity_row_entry_activated_cb (RelaySignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->mode == RELAY_SIGN_IN_MODE_SIGN_IN ? self->password_row
                                                                               : self->code_row));
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
relay_sign_in_page_send_code_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RelaySignInPage *self = RELAY_SIGN_IN_PAGE (widget);

  relay_sign_in_page_set_error (self, NULL);
  g_signal_emit (self, signals[SEND_CODE], 0);
}

static void
relay_sign_in_page_mode_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RelaySignInPage *self = RELAY_SIGN_IN_PAGE (widget);
  const char *mode = g_variant_get_string (parameter, NULL);

  if (g_str_equal (mode, "register"))
    relay_sign_in_page_set_mode (self, RELAY_SIGN_IN_MODE_REGISTER);
  else if (g_str_equal (mode, "reset"))
    relay_sign_in_page_set_mode (self, RELAY_SIGN_IN_MODE_RESET);
  else
    relay_sign_in_page_set_mode (self, RELAY_SIGN_IN_MODE_SIGN_IN);
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
   * The form of the current mode is complete and the user asked to go on.
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * RelaySignInPage::send-code:
   *
   * The user asked for a verification code for the current mode.
   */
  signals[SEND_CODE] =
    g_signal_new ("send-code",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL,
                                   relay_sign_in_page_submit_action);
  gtk_widget_class_install_action (widget_class, "sign-in.send-code", NULL,
                                   relay_sign_in_page_send_code_action);
  gtk_widget_class_install_action (widget_class, "sign-in.mode", "s",
                                   relay_sign_in_page_mode_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/relay-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, app_icon);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, identity_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, app_id_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, app_secret_row);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, info_label);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, register_link);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, reset_link);
  gtk_widget_class_bind_template_child (widget_class, RelaySignInPage, back_link);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_identity_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
}

static void
relay_sign_in_page_init (RelaySignInPage *self)
{
  g_autoptr(GListModel) countries = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  countries = relay_countries_create_model ();
  adw_combo_row_set_model (self->country_row, countries);
  adw_combo_row_set_selected (self->country_row, relay_countries_default_index ());

  gtk_image_set_from_icon_name (self->app_icon, APP_ID);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), CK_API_DEFAULT_SERVER_TEMPLATE);
  update_actions (self);
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

void
relay_sign_in_page_set_mode (RelaySignInPage *self,
                             RelaySignInMode  mode)
{
  gboolean sign_in = mode == RELAY_SIGN_IN_MODE_SIGN_IN;

  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  self->mode = mode;
  switch (mode)
    {
    case RELAY_SIGN_IN_MODE_REGISTER:
      gtk_label_set_text (self->title_label, _("Create Account"));
      gtk_label_set_text (self->description_label,
                          _("Ask for a verification code, then choose a password for your new eWeLink account."));
      gtk_button_set_label (self->submit_button, _("_Create Account"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Password"));
      break;
    case RELAY_SIGN_IN_MODE_RESET:
      gtk_label_set_text (self->title_label, _("Reset Password"));
      gtk_label_set_text (self->description_label,
                          _("Ask for a verification code, then choose a new password."));
      gtk_button_set_label (self->submit_button, _("_Reset Password"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("New Password"));
      break;
    case RELAY_SIGN_IN_MODE_SIGN_IN:
    default:
      gtk_label_set_text (self->title_label, _("Sign In"));
      gtk_label_set_text (self->description_label,
                          _("Use your eWeLink account to see and switch your devices."));
      gtk_button_set_label (self->submit_button, _("_Sign In"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Password"));
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->code_row), !sign_in);
  gtk_widget_set_visible (self->register_link, sign_in);
  gtk_widget_set_visible (self->reset_link, sign_in);
  gtk_widget_set_visible (self->back_link, !sign_in);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  relay_sign_in_page_set_error (self, NULL);
  relay_sign_in_page_set_info (self, NULL);
  update_actions (self);
}

RelaySignInMode
relay_sign_in_page_get_mode (RelaySignInPage *self)
{
  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), RELAY_SIGN_IN_MODE_SIGN_IN);

  return self->mode;
}

/* While busy the form cannot be changed or submitted again. */
void
relay_sign_in_page_set_busy (RelaySignInPage *self,
                             gboolean         busy)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->country_row), GTK_WIDGET (self->identity_row), GTK_WIDGET (self->code_row),
    GTK_WIDGET (self->password_row), GTK_WIDGET (self->server_row), GTK_WIDGET (self->app_id_row),
    GTK_WIDGET (self->app_secret_row),
  };

  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_actions (self);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
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

  set_label (self->error_label, sentence);
  if (sentence != NULL)
    set_label (self->info_label, NULL);
}

/* @sentence: (nullable): what happened, e.g. that a code was sent */
void
relay_sign_in_page_set_info (RelaySignInPage *self,
                             const char      *sentence)
{
  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  set_label (self->info_label, sentence);
}

void
relay_sign_in_page_set_identity (RelaySignInPage *self,
                                 const char      *identity)
{
  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->identity_row), identity != NULL ? identity : "");
}

CkClient *
relay_sign_in_page_create_client (RelaySignInPage *self)
{
  g_autoptr(CkApi) api = NULL;

  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  api = ck_api_new (row_text (self->server_row),
                    row_text (self->app_id_row),
                    row_text (self->app_secret_row));
  ck_api_set_region (api, relay_sign_in_page_get_region (self));

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

const char *
relay_sign_in_page_get_code (RelaySignInPage *self)
{
  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  return row_text (self->code_row);
}

const char *
relay_sign_in_page_get_calling_code (RelaySignInPage *self)
{
  guint selected;

  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  selected = adw_combo_row_get_selected (self->country_row);
  if (selected >= relay_countries_get_n ())
    selected = relay_countries_default_index ();
  return relay_countries_get (selected)->calling_code;
}

const char *
relay_sign_in_page_get_region (RelaySignInPage *self)
{
  const char *region;

  g_return_val_if_fail (RELAY_IS_SIGN_IN_PAGE (self), NULL);

  /* A phone number says its region itself; otherwise the chosen country does. */
  region = relay_identity_is_phone_number (row_text (self->identity_row))
           ? ck_region_for_phone_number (row_text (self->identity_row)) : NULL;
  if (region == NULL)
    region = ck_region_for_calling_code (relay_sign_in_page_get_calling_code (self));
  return region != NULL ? region : "eu";
}

/* The password is not kept in the form once it has done its job. */
void
relay_sign_in_page_clear_password (RelaySignInPage *self)
{
  g_return_if_fail (RELAY_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
}
