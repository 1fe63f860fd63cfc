/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_EDITOR (relay_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (RelayEditor, relay_editor, RELAY, EDITOR, AdwWindow)

/**
 * RelayEditorClass:
 * @save: the "save" button was pressed; the subclass sends its change
 *   (relay_editor_set_busy() while it waits).
 */
struct _RelayEditorClass
{
  AdwWindowClass parent_class;

  void (*save) (RelayEditor *self);
};

CkClient     *relay_editor_get_client      (RelayEditor *self);
CkDevice     *relay_editor_get_device      (RelayEditor *self);
/* Cancelled when the editor goes away. */
GCancellable *relay_editor_get_cancellable (RelayEditor *self);
/* The box the subclass adds its preference groups to. */
GtkBox       *relay_editor_get_content     (RelayEditor *self);
void          relay_editor_set_save_label  (RelayEditor *self,
                                            const char  *label);
/* While busy, the save button cannot be pressed again. */
void          relay_editor_set_busy        (RelayEditor *self,
                                            gboolean     busy);
/* Shows @text (nullable: hides it) below the form, e.g. why saving failed. */
void          relay_editor_show_message    (RelayEditor *self,
                                            const char  *text);
/* Done: shows @toast (plain text, nullable) on that window and closes. */
void          relay_editor_finish          (RelayEditor *self,
                                            const char  *toast);

G_END_DECLS
