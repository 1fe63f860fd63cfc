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
 * The client updates the device's sharing list itself. Escape closes it.
 */
struct _RelayShareEditor
{
  RelayEditor   parent_instance;

  CkShare      *share;      /* the one changed, NULL when sharing anew */

  GtkWidget    *identity;
  GtkWidget    *note;
  GtkWidget    *permits[4];
};

G_DEFINE_FINAL_TYPE (RelayShareEditor, relay_share_editor, RELAY_TYPE_EDITOR)

#define EDITOR(self) RELAY_EDITOR (self)

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

/* How the last try ended, in a sentence below the form; the user may try again. */
static void
show_result (RelayShareEditor *self,
             const char       *sentence)
{
  relay_editor_show_message (EDITOR (self), sentence);
  relay_editor_set_busy (EDITOR (self), FALSE);
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
    relay_editor_finish (EDITOR (self), relay_share_result_describe (answer));
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
    relay_editor_finish (EDITOR (self), NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (self, relay_error_describe (error));
}

static void
relay_share_editor_save (RelayEditor *editor)
{
  RelayShareEditor *self = RELAY_SHARE_EDITOR (editor);
  CkClient *client = relay_editor_get_client (editor);
  CkDevice *device = relay_editor_get_device (editor);
  GCancellable *cancellable = relay_editor_get_cancellable (editor);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note));
  g_autofree char *identity = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->identity))));

  if (identity[0] == '\0')
    {
      show_result (self, _("Enter the e-mail address or phone number of the other account."));
      gtk_widget_grab_focus (self->identity);
      return;
    }

  show_result (self, NULL);
  relay_editor_set_busy (editor, TRUE);
  if (self->share != NULL)
    ck_client_update_share_async (client, device, ck_share_get_apikey (self->share),
                                  chosen_permit (self), note, cancellable,
                                  updated_cb, g_object_ref (self));
  else
    ck_client_share_async (client, device, identity, chosen_permit (self), note,
                           cancellable, shared_cb, g_object_ref (self));
}

static void
relay_share_editor_dispose (GObject *object)
{
  RelayShareEditor *self = RELAY_SHARE_EDITOR (object);

  g_clear_pointer (&self->share, ck_share_unref);

  G_OBJECT_CLASS (relay_share_editor_parent_class)->dispose (object);
}

static void
relay_share_editor_class_init (RelayShareEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = relay_share_editor_dispose;
  RELAY_EDITOR_CLASS (klass)->save = relay_share_editor_save;
}

static void
relay_share_editor_init (RelayShareEditor *self)
{
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
  GtkBox *box;
  GtkWidget *who, *permits;
  guint permit = share != NULL ? ck_share_get_permit (share) : CK_PERMIT_NONE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  self = g_object_new (RELAY_TYPE_SHARE_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "client", client,
                       "device", device,
                       "title", share != NULL ? _("Sharing") : _("Share Device"),
                       "default-width", 420,
                       NULL);
  self->share = share != NULL ? ck_share_ref (share) : NULL;
  if (share == NULL)
    relay_editor_set_save_label (EDITOR (self), _("_Share"));
  box = relay_editor_get_content (EDITOR (self));

  who = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (who),
                                         _("The other account can switch the device and sees its state. It is asked to accept first."));
  self->identity = add_entry_row (who, "identity", _("E-mail or Phone Number (+country code)"),
                                  share != NULL ? ck_share_get_identity (share) : NULL);
  gtk_widget_set_sensitive (self->identity, share == NULL);
  self->note = add_entry_row (who, "note", _("Note"), share != NULL ? ck_share_get_note (share) : NULL);
  gtk_box_append (box, who);

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
  gtk_box_append (box, permits);

  return self;
}
