/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ck-device.h"

G_BEGIN_DECLS

/**
 * CkCommandState:
 * @CK_COMMAND_PENDING: shown at once; waiting to be sent (during a
 *   reconnect, until "command-deadline") or sent and waiting for its ack
 * @CK_COMMAND_UNCONFIRMED: sent, but the socket went away before the answer:
 *   the device may or may not have switched. Settled after reconnecting.
 * @CK_COMMAND_CONFIRMED: the device acknowledged it (or, when unconfirmed,
 *   the query after reconnecting showed it applied)
 * @CK_COMMAND_ROLLED_BACK: it failed (device error, offline, timeout, never
 *   sent before the deadline, or shown not applied after reconnecting); the
 *   shown value went back and "error" says why
 *
 * A command is never dropped and never sent twice: it is sent at most once,
 * and every command ends confirmed or rolled back.
 *
 * How an unconfirmed command is settled: after reconnecting, the client
 * queries each device with unconfirmed commands (`query`, `params: []`) and
 * compares. One socket delivers in order, so the commands of a device C1…Cn
 * (in the order sent) reached the cloud as a prefix of that list. Ci counts
 * as *seen* when every key it set that no later Cj also set has, in the
 * queried params, exactly the value Ci sent (arrays with `outlet`: each sent
 * entry's fields equal the queried entry of the same outlet). With k the
 * last seen command, C1…Ck are confirmed and Ck+1…Cn rolled back; the
 * queried params then become the device's state either way.
 */
typedef enum
{
  CK_COMMAND_PENDING,
  CK_COMMAND_UNCONFIRMED,
  CK_COMMAND_CONFIRMED,
  CK_COMMAND_ROLLED_BACK,
} CkCommandState;

#define CK_TYPE_COMMAND (ck_command_get_type ())
G_DECLARE_FINAL_TYPE (CkCommand, ck_command, CK, COMMAND, GObject)

/**
 * CkCommand:
 *
 * One `update` issued through CkClient, observable by the UI and tests.
 * Properties (read-only): "device" (CkDevice), "params" (JsonObject, the
 * keys sent), "state" (CkCommandState; notify::state on every change),
 * "error" (GError, why it was rolled back; NULL otherwise), "sent" (it went
 * out on a socket).
 */

CkCommand      *ck_command_new         (CkDevice       *device,
                                        JsonObject     *params) G_GNUC_WARN_UNUSED_RESULT;

CkDevice       *ck_command_get_device  (CkCommand      *self);
JsonObject     *ck_command_get_params  (CkCommand      *self);
CkCommandState  ck_command_get_state   (CkCommand      *self);
const GError   *ck_command_get_error   (CkCommand      *self);
gboolean        ck_command_get_sent    (CkCommand      *self);
/* Confirmed or rolled back: nothing will change any more. */
gboolean        ck_command_is_settled  (CkCommand      *self);

/* For CkClient. */
void            ck_command_mark_sent   (CkCommand      *self);
/* @error: (nullable) (transfer none): the reason when rolling back. */
void            ck_command_set_state   (CkCommand      *self,
                                        CkCommandState  state,
                                        const GError   *error);

/* Whether @params (a query answer) show @sent applied, for the keys in
 * @keys (NULL: every key of @sent). Outlet arrays compare by outlet. */
gboolean        ck_command_params_show (JsonObject     *sent,
                                        JsonObject     *params,
                                        GPtrArray      *keys);

G_END_DECLS
