/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-group-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-errors.h"
#include "relay-group-dialogs.h"

/* What a dialog needs once answered. */
typedef struct
{
  GtkWindow *parent;    /* weak */
  CkClient  *client;
  char      *group_id;
  GtkWidget *entry;     /* borrowed: lives in the dialog */
} GroupOp;

static void
group_op_free (GroupOp *op)
{
  g_clear_weak_pointer (&op->parent);
  g_clear_object (&op->client);
  g_free (op->group_id);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GroupOp, group_op_free)

static void
report (GroupOp      *op,
        const char   *what,
        const GError *error)
{
  if (op->parent != NULL)
    relay_error_toast (GTK_WIDGET (op->parent), what, error);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GroupOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkGroup) group = ck_group_list_create_finish (CK_GROUP_LIST (object), result, &error);

  if (group == NULL)
    report (op, _("The group was not created"), error);
}

static void
renamed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GroupOp) op = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_group_list_rename_finish (CK_GROUP_LIST (object), result, &error))
    report (op, _("The group was not renamed"), error);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GroupOp) op = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_group_list_delete_finish (CK_GROUP_LIST (object), result, &error))
    report (op, _("The group was not deleted"), error);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                GroupOp          *op)
{
  CkGroupList *groups = ck_client_get_groups (op->client);
  g_autofree char *name = NULL;
  GroupOp *copy;

  if (op->entry != NULL)
    name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (op->entry))));

  /* The dialog (and @op with it) goes away: the call keeps its own. */
  copy = g_new0 (GroupOp, 1);
  g_set_weak_pointer (&copy->parent, op->parent);
  copy->client = g_object_ref (op->client);
  copy->group_id = g_strdup (op->group_id);

  if (g_str_equal (response, "create") && name != NULL && name[0] != '\0')
    ck_group_list_create_async (groups, name, 0, NULL, created_cb, copy);
  else if (g_str_equal (response, "rename") && name != NULL && name[0] != '\0')
    ck_group_list_rename_async (groups, op->group_id, name, NULL, renamed_cb, copy);
  else if (g_str_equal (response, "delete"))
    ck_group_list_delete_async (groups, op->group_id, NULL, deleted_cb, copy);
  else
    group_op_free (copy);
}

/* Enter in the entry answers affirmatively once there is a name. */
static void
on_entry_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *affirmative = g_object_get_data (G_OBJECT (dialog), "affirmative");

  adw_message_dialog_set_response_enabled (dialog, affirmative, name[0] != '\0');
}

static void
on_entry_activate_cb (GtkEntry         *entry,
                      AdwMessageDialog *dialog)
{
  const char *affirmative = g_object_get_data (G_OBJECT (dialog), "affirmative");

  if (adw_message_dialog_get_response_enabled (dialog, affirmative))
    {
      adw_message_dialog_response (dialog, affirmative);
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static GtkWidget *
build (GtkWindow  *parent,
       CkClient   *client,
       CkGroup    *group,
       const char *heading,
       const char *affirmative,
       const char *affirmative_label,
       gboolean    with_entry)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
  GroupOp *op = g_new0 (GroupOp, 1);

  g_set_weak_pointer (&op->parent, parent);
  op->client = g_object_ref (client);
  op->group_id = group != NULL ? g_strdup (ck_group_get_id (group)) : NULL;

  g_object_set_data (G_OBJECT (dialog), "affirmative", (gpointer) affirmative);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    affirmative, affirmative_label,
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), with_entry ? affirmative : "cancel");

  if (with_entry)
    {
      op->entry = gtk_entry_new ();
      gtk_widget_set_name (op->entry, "group-name");
      gtk_accessible_update_property (GTK_ACCESSIBLE (op->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
      gtk_editable_set_text (GTK_EDITABLE (op->entry), group != NULL ? ck_group_get_name (group) : "");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), op->entry);
      g_signal_connect (op->entry, "changed", G_CALLBACK (on_entry_changed_cb), dialog);
      g_signal_connect (op->entry, "activate", G_CALLBACK (on_entry_activate_cb), dialog);
      on_entry_changed_cb (GTK_EDITABLE (op->entry), ADW_MESSAGE_DIALOG (dialog));
    }

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), op,
                         (GClosureNotify) (void (*) (void)) group_op_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
relay_group_dialog_create (GtkWindow *parent,
                           CkClient  *client)
{
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);

  return build (parent, client, NULL, _("New Group"), "create", _("C_reate"), TRUE);
}

GtkWidget *
relay_group_dialog_rename (GtkWindow *parent,
                           CkClient  *client,
                           CkGroup   *group)
{
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_GROUP (group), NULL);

  return build (parent, client, group, _("Rename Group"), "rename", _("_Rename"), TRUE);
}

GtkWidget *
relay_group_dialog_delete (GtkWindow *parent,
                           CkClient  *client,
                           CkGroup   *group)
{
  GtkWidget *dialog;

  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_GROUP (group), NULL);

  dialog = build (parent, client, group, _("Delete Group?"), "delete", _("_Delete"), FALSE);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The devices in “%s” stay in the account; only the group goes."),
                                  ck_group_get_name (group));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  return dialog;
}
