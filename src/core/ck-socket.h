/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ck-error.h"

G_BEGIN_DECLS

#define CK_TYPE_SOCKET (ck_socket_get_type ())
G_DECLARE_FINAL_TYPE (CkSocket, ck_socket, CK, SOCKET, GObject)

/**
 * CkSocket:
 *
 * One live WebSocket session (spec §4): the `userOnline` handshake, the
 * text `ping`/`pong` heartbeat with a pong watchdog, and requests matched
 * to their answers by `sequence`, each with its own timeout.
 *
 * Properties (all intervals in milliseconds, so tests can shorten them):
 * "heartbeat-interval" (0 = use the server's config.hbInterval, default 0;
 * a `ping` goes out one interval after the last frame sent),
 * "pong-timeout" (default 10000), "request-timeout" (default 10000),
 * "connected" (read-only, TRUE after a successful handshake until closed).
 *
 * Signals:
 * - "push" (JsonObject *message): an unsolicited message with an `action`
 *   (sysmsg, update from a device or relayed from another session).
 * - "closed" (GError *reason): the session ended; @reason is NULL after
 *   ck_socket_close(), CK_ERROR_SESSION_TAKEN when the cloud signed this
 *   session out, CK_ERROR_DISCONNECTED or CK_ERROR_TIMEOUT otherwise.
 *   Pending requests fail with CK_ERROR_DISCONNECTED before it is emitted.
 */

CkSocket   *ck_socket_new             (SoupSession         *session,
                                       const char          *url,
                                       const char          *app_id,
                                       const char          *access_token,
                                       const char          *apikey) G_GNUC_WARN_UNUSED_RESULT;

gboolean    ck_socket_get_connected   (CkSocket            *self);

/* Opens the socket and performs `userOnline`; fails with the handshake's meaning. */
void        ck_socket_connect_async   (CkSocket            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    ck_socket_connect_finish  (CkSocket            *self,
                                       GAsyncResult        *result,
                                       GError             **error);

/**
 * ck_socket_update_async:
 * @owner_apikey: the device list's `apikey` of the device
 * @params: the keys to change
 *
 * Sends `update`; completes with the acknowledgement (error 0) or the
 * meaning of its error (503 offline, 504 unreachable, 400 rejected, ...).
 */
void        ck_socket_update_async    (CkSocket            *self,
                                       const char          *device_id,
                                       const char          *owner_apikey,
                                       JsonObject          *params,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
JsonObject *ck_socket_update_finish   (CkSocket            *self,
                                       GAsyncResult        *result,
                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/**
 * ck_socket_query_async:
 * @keys: (nullable): the params to read; NULL or empty: all of them
 *
 * Sends `query` (spec §4.8); completes with the answer, whose "params"
 * object holds the values (unknown keys are omitted).
 */
void        ck_socket_query_async     (CkSocket            *self,
                                       const char          *device_id,
                                       const char          *owner_apikey,
                                       const char * const  *keys,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
JsonObject *ck_socket_query_finish    (CkSocket            *self,
                                       GAsyncResult        *result,
                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/**
 * ck_socket_share_async:
 * @action: "share", "updateShare" or "cancelShare"
 * @params: uid, deviceName, permit, note, … (spec §4.9)
 *
 * Sends a share action for a device we own; completes with the answer
 * (its "result" says what happened) or the meaning of its error (403 not
 * the owner, 504 the receiver did not answer, ...).
 */
void        ck_socket_share_async     (CkSocket            *self,
                                       const char          *action,
                                       const char          *device_id,
                                       JsonObject          *params,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
JsonObject *ck_socket_share_finish    (CkSocket            *self,
                                       GAsyncResult        *result,
                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/**
 * ck_socket_send_request_async:
 * @message: a request with its `action` (not modified; a copy gets the `sequence`)
 * @endpoint: the meaning table for the answer's error number
 *
 * Sends any request and completes with the answer carrying the same
 * `sequence` (error 0), the meaning of its error, CK_ERROR_TIMEOUT after
 * "request-timeout", or CK_ERROR_DISCONNECTED when the session ends first.
 */
void        ck_socket_send_request_async  (CkSocket            *self,
                                           JsonObject          *message,
                                           CkEndpoint           endpoint,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
JsonObject *ck_socket_send_request_finish (CkSocket            *self,
                                           GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* The next request id: 13-digit milliseconds, unique on this socket. */
char       *ck_socket_next_sequence   (CkSocket            *self) G_GNUC_WARN_UNUSED_RESULT;

void        ck_socket_close           (CkSocket            *self);

G_END_DECLS
