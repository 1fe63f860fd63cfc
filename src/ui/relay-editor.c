/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-editor.h"

/**
 * RelayEditor:
 *
 * What the device page's modal editors (timer, share) share: a header bar
 * with Cancel and a suggested "save" button (the default widget), their
 * form in a clamped, scrolling column with a sentence below it saying why
 * the last try failed ("result"), Escape to close, and the client and
 * device they change. Results that outlive the editor (a refusal, "shared")
 * show as toasts on the window it was opened from ("transient-for").
 * Properties: "client" and "device" (construct-only).
 */
typedef struct
{
  CkClient     *client;
  CkDevice     *device;
  GCancellable *cancellable;
  GtkWidget    *save;
  GtkBox       *content;
  GtkWidget    *message;
} RelayEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RelayEditor, relay_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_DEVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CkClient *
relay_editor_get_client (RelayEditor *self)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_return_val_if_fail (RELAY_IS_EDITOR (self), NULL);

  return priv->client;
}

CkDevice *
relay_editor_get_device (RelayEditor *self)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_return_val_if_fail (RELAY_IS_EDITOR (self), NULL);

  return priv->device;
}

GCancellable *
relay_editor_get_cancellable (RelayEditor *self)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_return_val_if_fail (RELAY_IS_EDITOR (self), NULL);

  return priv->cancellable;
}

GtkBox *
relay_editor_get_content (RelayEditor *self)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_return_val_if_fail (RELAY_IS_EDITOR (self), NULL);

  return priv->content;
}

void
relay_editor_set_save_label (RelayEditor *self,
                             const char  *label)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_return_if_fail (RELAY_IS_EDITOR (self));

  gtk_button_set_label (GTK_BUTTON (priv->save), label);
}

void
relay_editor_set_busy (RelayEditor *self,
                       gboolean     busy)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_return_if_fail (RELAY_IS_EDITOR (self));

  gtk_widget_set_sensitive (priv->save, !busy);
}

void
relay_editor_show_message (RelayEditor *self,
                           const char  *text)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_return_if_fail (RELAY_IS_EDITOR (self));

  gtk_label_set_text (GTK_LABEL (priv->message), text != NULL ? text : "");
  gtk_widget_set_visible (priv->message, text != NULL);
}

void
relay_editor_finish (RelayEditor *self,
                     const char  *toast)
{
  GtkWindow *parent;

  g_return_if_fail (RELAY_IS_EDITOR (self));

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && toast != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (toast, -1);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", markup);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (RelayEditor *self)
{
  RELAY_EDITOR_GET_CLASS (self)->save (self);
}

static void
relay_editor_constructed (GObject *object)
{
  RelayEditor *self = RELAY_EDITOR (object);
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);
  GtkWidget *toolbar, *header, *cancel, *scrolled, *clamp, *column;

  G_OBJECT_CLASS (relay_editor_parent_class)->constructed (object);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (cancel, "cancel");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  priv->save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (priv->save, "save");
  gtk_widget_add_css_class (priv->save, "suggested-action");
  g_signal_connect_object (priv->save, "clicked", G_CALLBACK (on_save_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), priv->save);
  gtk_box_append (GTK_BOX (toolbar), header);

  /* The form, then the sentence saying why the last try failed. */
  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (column, 24);
  gtk_widget_set_margin_bottom (column, 24);
  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);
  priv->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (priv->content));
  priv->message = gtk_label_new (NULL);
  gtk_widget_set_name (priv->message, "result");
  gtk_label_set_wrap (GTK_LABEL (priv->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (priv->message), 0);
  gtk_label_set_selectable (GTK_LABEL (priv->message), TRUE);
  gtk_widget_add_css_class (priv->message, "error");
  gtk_widget_set_visible (priv->message, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);
  gtk_box_append (GTK_BOX (column), priv->message);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  gtk_window_set_default_widget (GTK_WINDOW (self), priv->save);
}

static void
relay_editor_dispose (GObject *object)
{
  RelayEditor *self = RELAY_EDITOR (object);
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->client);
  g_clear_object (&priv->device);

  G_OBJECT_CLASS (relay_editor_parent_class)->dispose (object);
}

static void
relay_editor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (RELAY_EDITOR (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, priv->client);
      break;
    case PROP_DEVICE:
      g_value_set_object (value, priv->device);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_editor_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (RELAY_EDITOR (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      priv->client = g_value_dup_object (value);
      break;
    case PROP_DEVICE:
      priv->device = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_editor_class_init (RelayEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = relay_editor_constructed;
  object_class->dispose = relay_editor_dispose;
  object_class->get_property = relay_editor_get_property;
  object_class->set_property = relay_editor_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CK_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL, CK_TYPE_DEVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relay_editor_init (RelayEditor *self)
{
  RelayEditorPrivate *priv = relay_editor_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}
