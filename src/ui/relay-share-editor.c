/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-share-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-errors.h"
#include "relay-share-editor.h"

/**
 * RelayShareEditor:
 *
 * Shares a device with another account (an e-mail address or a phone
 * number in E.164), with the timer permissions and a note, or changes the
 * permissions of an existing share. The other account answers the request;
 * the editor says in a sentence how it ended and closes once it is done.
 * The device list is fetched again afterwards so the sharing list is what
 * the cloud stored. Escape closes it.
 */
struct _RelayShareEditor
{
  AdwWindow     parent_instance;

  GtkWindow    *parent;
  CkClient     *client;
  CkDevice     *device;
  CkShare      *share;
  GCancellable *cancellable;

  GtkWidget    *identity;
  GtkWidget    *note;
  GtkWidget    *permits[4];
  GtkWidget    *result;
  GtkWidget    *save;
};

G_DEFINE_FINAL_TYPE (RelayShareEditor, relay_share_editor, ADW_TYPE_WINDOW)

static const struct
{
  CkPermit    bit;
  const char *name;
  const char *title;
} permit_rows[] = {
  { CK_PERMIT_ADD_TIMER, "permit-add", N_("Add Timers") },
  { CK_PERMIT_EDIT_TIMER, "permit-edit", N_("Edit Timers") },
  { CK_PERMIT_DELETE_TIMER, "permit-delete", N_("Delete Timers") },
  { CK_PERMIT_ENABLE_TIMER, "permit-enable", N_("Turn Timers On and Off") },
};

const char *
relay_share_result_describe (CkShareResult result)
{
  switch (result)
    {
    case CK_SHARE_RESULT_ACCEPTED:
      return _("The other account accepted the device.");
    case CK_SHARE_RESULT_REFUSED:
      return _("The other account refused the device.");
    case CK_SHARE_RESULT_NO_SUCH_USER:
      return _("There is no account with this e-mail address or phone number in this region.");
    case CK_SHARE_RESULT_ALREADY_SHARED:
      return _("The device is already shared with this account.");
    case CK_SHARE_RESULT_FAILED:
    default:
      return _("The device could not be shared.");
    }
}

static guint
chosen_permit (RelayShareEditor *self)
{
  guint permit = CK_PERMIT_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (permit_rows); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->permits[i])))
      permit |= permit_rows[i].bit;
  return permit;
}

static void
show_result (RelayShareEditor *self,
             const char       *sentence)
{
  gtk_label_set_text (GTK_LABEL (self->result), sentence);
  gtk_widget_set_visible (self->result, sentence != NULL);
  gtk_widget_set_sensitive (self->save, TRUE);
}

/* The device's sharing list is what the cloud stored: fetch it again. */
static void
done (RelayShareEditor *self,
      const char       *toast)
{
  ck_client_refresh_async (self->client, NULL, NULL, NULL);
  if (self->parent != NULL && toast != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (toast, -1);

      gtk_widget_activate_action (GTK_WIDGET (self->parent), "win.toast", "s", markup);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
shared_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RelayShareEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  CkShareResult answer = ck_client_share_finish (CK_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      /* The receiver not answering in time comes as a timeout. */
      if (g_error_matches (error, CK_ERROR, CK_ERROR_TIMEOUT) ||
          g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_UNREACHABLE))
        show_result (self, _("The other account did not answer in time."));
      else
        show_result (self, relay_error_describe (error));
      return;
    }
  if (answer == CK_SHARE_RESULT_ACCEPTED)
    done (self, relay_share_result_describe (answer));
  else
    show_result (self, relay_share_result_describe (answer));
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RelayShareEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (ck_client_update_share_finish (CK_CLIENT (object), result, &error))
    done (self, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (self, relay_error_describe (error));
}

static void
on_save_clicked_cb (RelayShareEditor *self)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note));
  g_autofree char *identity = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->identity))));

  if (identity[0] == '\0')
    {
      show_result (self, _("Enter the e-mail address or phone number of the other account."));
      gtk_widget_grab_focus (self->identity);
      return;
    }

  show_result (self, NULL);
  gtk_widget_set_sensitive (self->save, FALSE);
  if (self->share != NULL)
    ck_client_update_share_async (self->client, self->device, ck_share_get_apikey (self->share),
                                  chosen_permit (self), note, self->cancellable,
                                  updated_cb, g_object_ref (self));
  else
    ck_client_share_async (self->client, self->device, identity, chosen_permit (self), note,
                           self->cancellable, shared_cb, g_object_ref (self));
}

static void
relay_share_editor_dispose (GObject *object)
{
  RelayShareEditor *self = RELAY_SHARE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->device);
  g_clear_pointer (&self->share, ck_share_unref);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (relay_share_editor_parent_class)->dispose (object);
}

static void
relay_share_editor_class_init (RelayShareEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = relay_share_editor_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relay_share_editor_init (RelayShareEditor *self)
{
  self->cancellable = g_cancellable_new ();
}

static GtkWidget *
add_entry_row (GtkWidget  *group,
               const char *name,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

RelayShareEditor *
relay_share_editor_new (GtkWindow *parent,
                        CkClient  *client,
                        CkDevice  *device,
                        CkShare   *share)
{
  RelayShareEditor *self;
  GtkWidget *toolbar, *header, *cancel, *box, *clamp, *who, *permits;
  guint permit = share != NULL ? ck_share_get_permit (share) : CK_PERMIT_NONE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  self = g_object_new (RELAY_TYPE_SHARE_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", share != NULL ? _("Sharing") : _("Share Device"),
                       "default-width", 420,
                       NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->client = g_object_ref (client);
  self->device = g_object_ref (device);
  self->share = share != NULL ? ck_share_ref (share) : NULL;

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  self->save = gtk_button_new_with_mnemonic (share != NULL ? _("_Save") : _("_Share"));
  gtk_widget_set_name (self->save, "save");
  gtk_widget_add_css_class (self->save, "suggested-action");
  g_signal_connect_object (self->save, "clicked", G_CALLBACK (on_save_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save);
  gtk_box_append (GTK_BOX (toolbar), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_box_append (GTK_BOX (toolbar), clamp);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  who = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (who),
                                         _("The other account can switch the device and sees its state. It is asked to accept first."));
  self->identity = add_entry_row (who, "identity", _("E-mail or Phone Number (+country code)"),
                                  share != NULL ? ck_share_get_identity (share) : NULL);
  gtk_widget_set_sensitive (self->identity, share == NULL);
  self->note = add_entry_row (who, "note", _("Note"), share != NULL ? ck_share_get_note (share) : NULL);
  gtk_box_append (GTK_BOX (box), who);

  permits = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (permits), _("The Other Account May"));
  for (guint i = 0; i < G_N_ELEMENTS (permit_rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (check, permit_rows[i].name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (permit & permit_rows[i].bit) != 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(permit_rows[i].title));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (permits), row);
      self->permits[i] = check;
    }
  gtk_box_append (GTK_BOX (box), permits);

  self->result = gtk_label_new (NULL);
  gtk_widget_set_name (self->result, "result");
  gtk_label_set_wrap (GTK_LABEL (self->result), TRUE);
  gtk_widget_add_css_class (self->result, "error");
  gtk_widget_set_visible (self->result, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);
  gtk_box_append (GTK_BOX (box), self->result);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save);
  return self;
}
