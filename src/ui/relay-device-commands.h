/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "ck-client.h"

G_BEGIN_DECLS

/* Sends one `update` of @params (from a CkFamily encoder) to @device. */
gboolean relay_device_send (CkClient    *client,
                            CkDevice    *device,
                            JsonObject  *params,
                            GError     **error);

G_END_DECLS
