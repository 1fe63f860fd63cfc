/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"
#include "cksim-server.h"
#include "relay-window.h"

G_BEGIN_DECLS

#define RELAY_TYPE_DEMO (relay_demo_get_type ())
G_DECLARE_FINAL_TYPE (RelayDemo, relay_demo, RELAY, DEMO, GObject)

RelayDemo   *relay_demo_new            (gboolean         scripted,
                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;

CkSimServer *relay_demo_get_server     (RelayDemo       *self);
const char  *relay_demo_get_url        (RelayDemo       *self);
const char  *relay_demo_get_email      (RelayDemo       *self);
const char  *relay_demo_get_password   (RelayDemo       *self);

CkClient    *relay_demo_create_client  (RelayDemo       *self) G_GNUC_WARN_UNUSED_RESULT;
RelayWindow *relay_demo_open_window    (RelayDemo       *self,
                                        GtkApplication  *application);

G_END_DECLS
