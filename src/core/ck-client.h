/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

#include "ck-api.h"
#include "ck-device.h"
#include "ck-device-list.h"
#include "ck-error.h"

G_BEGIN_DECLS

typedef enum
{
  CK_CLIENT_STATE_SIGNED_OUT,
  CK_CLIENT_STATE_CONNECTING,
  CK_CLIENT_STATE_ONLINE,
  CK_CLIENT_STATE_RECONNECTING,
  CK_CLIENT_STATE_SESSION_TAKEN,
  CK_CLIENT_STATE_OFFLINE,
} CkClientState;

#define CK_TYPE_CLIENT (ck_client_get_type ())
G_DECLARE_FINAL_TYPE (CkClient, ck_client, CK, CLIENT, GObject)

/**
 * CkClient:
 *
 * The facade the UI and the CLI use: the account's session, the device
 * model and commands. A command shows its value at once (pending), is
 * confirmed on the device's ack, and is rolled back on an error or timeout,
 * with "command-failed" carrying the reason.
 *
 * Properties: "api" (CkApi, construct-only), "devices" (CkDeviceList),
 * "state" (CkClientState), "heartbeat-interval", "pong-timeout" and
 * "request-timeout" (milliseconds, handed to each CkSocket),
 * "reconnect-delay" (milliseconds before reconnecting after a drop,
 * default 1000; the full back-off policy comes with issue 4).
 *
 * Signals: "command-failed" (CkDevice *device, GError *error).
 */

CkClient      *ck_client_new              (CkApi               *api) G_GNUC_WARN_UNUSED_RESULT;

CkApi         *ck_client_get_api          (CkClient            *self);
CkDeviceList  *ck_client_get_devices      (CkClient            *self);
CkClientState  ck_client_get_state        (CkClient            *self);

/* Signs in through the API; does not connect. */
void           ck_client_login_async      (CkClient            *self,
                                           const char          *identity,
                                           const char          *password,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_login_finish     (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* With tokens in the API: fetch the device list, dispatch, open the live socket. */
void           ck_client_connect_async    (CkClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_connect_finish   (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Fetch the device list once over REST. */
void           ck_client_refresh_async    (CkClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_refresh_finish   (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Pending at once; confirmed on ack; rolled back (and "command-failed") on error. */
void           ck_client_set_power_async  (CkClient            *self,
                                           CkDevice            *device,
                                           gboolean             on,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_set_power_finish (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Closes the socket, forgets tokens and devices (the keyring is the caller's). */
void           ck_client_sign_out         (CkClient            *self);

G_END_DECLS
