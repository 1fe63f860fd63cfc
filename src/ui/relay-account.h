/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

#include "ck-client.h"

G_BEGIN_DECLS

void      relay_account_resume_async  (GSettings           *settings,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
CkClient *relay_account_resume_finish (GAsyncResult        *result,
                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

void      relay_account_remember      (GSettings           *settings,
                                       CkClient            *client,
                                       const char          *app_secret);
void      relay_account_forget        (GSettings           *settings,
                                       CkClient            *client);

G_END_DECLS
