/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The schema keeps the base id so a development build shares its settings. */
#define RELAY_SETTINGS_SCHEMA "io.github.relaydesktop.Relay"

#define RELAY_TYPE_APPLICATION (relay_application_get_type ())
G_DECLARE_FINAL_TYPE (RelayApplication, relay_application, RELAY, APPLICATION, AdwApplication)

RelayApplication *relay_application_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
