/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"
#include "relay-editor.h"

G_BEGIN_DECLS

#define RELAY_TYPE_TIMER_EDITOR (relay_timer_editor_get_type ())
G_DECLARE_FINAL_TYPE (RelayTimerEditor, relay_timer_editor, RELAY, TIMER_EDITOR, RelayEditor)

/* A modal editor for a new timer (@timer NULL) or an existing one. Controls
 * are named for tests: "kind" (AdwComboRow: once, repeat, countdown, loop),
 * "channel", "action" (on, off), "hour", "minute", "date", "day-0".."day-6"
 * (local weekdays, Sunday = 0), "minutes", "period", "interval", "save". */
RelayTimerEditor *relay_timer_editor_new (GtkWindow *parent,
                                          CkClient  *client,
                                          CkDevice  *device,
                                          CkTimer   *timer);

G_END_DECLS
