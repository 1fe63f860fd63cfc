/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ck-api.h"
#include "ck-command.h"
#include "ck-device.h"
#include "ck-socket.h"

G_BEGIN_DECLS

#define CK_TYPE_COMMAND_QUEUE (ck_command_queue_get_type ())
G_DECLARE_FINAL_TYPE (CkCommandQueue, ck_command_queue, CK, COMMAND_QUEUE, GObject)

/**
 * CkCommandQueue:
 *
 * CkClient's `update` commands from issue to settlement (see CkCommandState):
 * shown at once (pending), sent on the live socket, confirmed on the ack,
 * rolled back on an error, unconfirmed when the answer was lost with the
 * socket and settled by a query once the session is back. Never dropped,
 * never sent twice.
 *
 * The client drives it through three states:
 * - ck_command_queue_hold(): no usable session right now but one is
 *   coming (connecting, reconnecting, offline): new commands wait up to
 *   "deadline" ms;
 * - ck_command_queue_open(): the session is up: unconfirmed commands are
 *   settled first, then the waiting ones are sent in issue order;
 * - ck_command_queue_close(): no session will come (signed out, session
 *   taken): everything waiting or unconfirmed fails, and so do new ones.
 *
 * Signals: "command-started" (CkCommand), "command-failed" (CkDevice,
 * GError) when a command is rolled back.
 */

CkCommandQueue *ck_command_queue_new     (CkApi               *api) G_GNUC_WARN_UNUSED_RESULT;

void            ck_command_queue_set_deadline (CkCommandQueue *self,
                                               guint           deadline_ms);

/* Issues a command whose GTask has @source_object and @tag: it completes
 * TRUE once confirmed, or with the reason once rolled back. */
void            ck_command_queue_start   (CkCommandQueue      *self,
                                          gpointer             source_object,
                                          CkDevice            *device,
                                          JsonObject          *params,
                                          gpointer             tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

void            ck_command_queue_hold    (CkCommandQueue      *self);
void            ck_command_queue_open    (CkCommandQueue      *self,
                                          CkSocket            *socket);
/* @error: why everything fails; new commands fail with CK_ERROR_SESSION_TAKEN
 * when @error says so, else CK_ERROR_DISCONNECTED. */
void            ck_command_queue_close   (CkCommandQueue      *self,
                                          const GError        *error);

/* The apikey a request about @device carries: the owner's for a shared
 * device, ours otherwise (spec §4.6). */
const char     *ck_command_queue_owner_apikey (CkApi          *api,
                                               CkDevice       *device);

G_END_DECLS
