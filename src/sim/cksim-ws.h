/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <libsoup/soup.h>

#include "cksim-auth.h"
#include "cksim-config.h"
#include "cksim-emulator.h"
#include "cksim-share.h"
#include "cksim-state.h"

G_BEGIN_DECLS

/*
 * CkSimWs:
 *
 * The WebSocket side of the cloud (spec §4, §8.7): sessions, the userOnline
 * handshake, heartbeat and idle timeout, update / query with the device
 * emulator, relays to the account's other sessions, sysmsg pushes.
 */
typedef struct _CkSimWs CkSimWs;

CkSimWs *cksim_ws_new            (CkSimState        *state,
                                  CkSimAuth         *auth,
                                  const CkSimConfig *config);
void     cksim_ws_free           (CkSimWs           *ws);
/* The device emulator accepted updates and reports go through (none: plain merges). */
void     cksim_ws_set_emulator   (CkSimWs           *ws,
                                  CkSimEmulator     *emulator);

/* A new connection from soup_server_add_websocket_handler(), from
 * @remote_host (the key of the userOnline flood limit). */
void     cksim_ws_accept         (CkSimWs           *ws,
                                  SoupWebsocketConnection *conn,
                                  const char        *remote_host);
/* A new login, register or reset of (@apikey, @appid) ended the older
 * session: its sockets get {"error":406,"reason":"Authentication Failed"}
 * and a 1000 close (§4.11). Matched by login, not by at: the socket may have
 * been opened with an at that a refresh since replaced. */
void     cksim_ws_revoke         (CkSimWs           *ws,
                                  const char        *apikey,
                                  const char        *appid);
/* Closes every socket, or those of the user @apikey. Returns how many. */
guint    cksim_ws_drop           (CkSimWs           *ws,
                                  const char        *apikey);
/* Pushes sysmsg {"online":…} to the sessions with access to @device. */
void     cksim_ws_push_online    (CkSimWs           *ws,
                                  CkSimDevice       *device);
/* Relays an accepted app command to every session with access to @device
 * except @sender (§4.7.2); @sequence NULL: a fresh one (HTTP callers). */
void     cksim_ws_relay_update   (CkSimWs           *ws,
                                  CkSimDevice       *device,
                                  JsonObject        *params,
                                  SoupWebsocketConnection *sender,
                                  JsonNode          *sequence);
/* Stores an accepted update through the emulator (derived state, "get"
 * answers in @outcome; initialise it with { NULL, NULL }). */
void     cksim_ws_apply          (CkSimWs           *ws,
                                  CkSimDevice       *device,
                                  JsonObject        *accepted,
                                  CkSimOutcome      *outcome);
/* Pushes the device reports of an outcome (cksim_emulator_apply()). */
void     cksim_ws_push_outcome   (CkSimWs           *ws,
                                  CkSimDevice       *device,
                                  CkSimOutcome      *outcome);
/* A device report (spec §4.7.1): merged into the shadow and pushed with
 * userAgent "device" to every session with access; the emulator may react
 * (a TH in auto mode flips its switch and reports that too). */
void     cksim_ws_push_report    (CkSimWs           *ws,
                                  CkSimDevice       *device,
                                  JsonObject        *params);

/* Test hooks: what happens to update commands a device would answer
 * (named "normal", "delay", "swallow", "silent" in this order). */
typedef enum
{
  CKSIM_ACK_NORMAL,   /* after ack-delay-ms */
  CKSIM_ACK_DELAY,    /* after the given delay (the device switches at once) */
  CKSIM_ACK_SWALLOW,  /* dropped in the cloud: nothing applied, nothing answered */
  CKSIM_ACK_SILENT,   /* devices never ack: nothing applied, 504 after ack-timeout-ms */
} CkSimAckMode;

/* "normal", "delay" or "swallow": FALSE for anything else. */
gboolean cksim_ack_mode_parse    (const char        *name,
                                  CkSimAckMode      *mode);
void     cksim_ws_set_ack_mode   (CkSimWs           *ws,
                                  CkSimAckMode       mode,
                                  guint              delay_ms);
/* FALSE: text pings go unanswered (to trip the client's pong watchdog). */
void     cksim_ws_set_answer_pings (CkSimWs         *ws,
                                    gboolean         answer);
/* TRUE in CKSIM_ACK_SILENT mode (HTTP status POST answers 504 too). */
gboolean cksim_ws_devices_silent (CkSimWs          *ws);
/* userOnline frames received so far, successful or not. */
guint    cksim_ws_get_handshake_count (CkSimWs      *ws);
void     cksim_ws_set_share_policy (CkSimWs         *ws,
                                    const char      *apikey,
                                    CkSimSharePolicy policy);

/* Authenticated sessions, for the state dump: [{apikey, appid}]. */
JsonNode *cksim_ws_dump          (CkSimWs           *ws) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
