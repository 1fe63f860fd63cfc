/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_WINDOW (relay_window_get_type ())
G_DECLARE_FINAL_TYPE (RelayWindow, relay_window, RELAY, WINDOW, AdwApplicationWindow)

RelayWindow *relay_window_new             (GtkApplication *application,
                                           GSettings      *settings);

CkClient    *relay_window_get_client      (RelayWindow    *self);
const char  *relay_window_get_page        (RelayWindow    *self);
/* "list" or "device" */
const char  *relay_window_get_content_page (RelayWindow   *self);
void         relay_window_open_device     (RelayWindow    *self,
                                           CkDevice       *device);

void         relay_window_sign_in         (RelayWindow    *self,
                                           CkClient       *client,
                                           const char     *identity,
                                           const char     *password);
void         relay_window_resume          (RelayWindow    *self);

G_END_DECLS
