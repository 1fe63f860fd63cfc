/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_CONNECTION_BANNER (relay_connection_banner_get_type ())
G_DECLARE_FINAL_TYPE (RelayConnectionBanner, relay_connection_banner, RELAY, CONNECTION_BANNER, AdwBin)

GtkWidget  *relay_connection_banner_new         (void);

void        relay_connection_banner_set_client  (RelayConnectionBanner *self,
                                                 CkClient              *client);
gboolean    relay_connection_banner_get_shown   (RelayConnectionBanner *self);
const char *relay_connection_banner_get_text    (RelayConnectionBanner *self);

G_END_DECLS
