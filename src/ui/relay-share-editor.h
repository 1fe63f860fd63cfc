/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"
#include "relay-editor.h"

G_BEGIN_DECLS

#define RELAY_TYPE_SHARE_EDITOR (relay_share_editor_get_type ())
G_DECLARE_FINAL_TYPE (RelayShareEditor, relay_share_editor, RELAY, SHARE_EDITOR, RelayEditor)

/* Shares @device with a new account (@share NULL) or changes what an
 * existing share permits. Controls named for tests: "identity", "note",
 * "permit-add", "permit-edit", "permit-delete", "permit-enable", "save",
 * "result" (the sentence saying how a share request ended). */
RelayShareEditor *relay_share_editor_new (GtkWindow *parent,
                                          CkClient  *client,
                                          CkDevice  *device,
                                          CkShare   *share);
/* What a share request came to, as a sentence. */
const char       *relay_share_result_describe (CkShareResult result);

G_END_DECLS
