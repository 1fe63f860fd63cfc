/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_PREFERENCES_WINDOW (relay_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RelayPreferencesWindow, relay_preferences_window, RELAY, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *relay_preferences_window_new (GtkWindow *parent,
                                         CkClient  *client);

G_END_DECLS
