/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

#include "ck-api.h"
#include "ck-command.h"
#include "ck-device.h"
#include "ck-device-list.h"
#include "ck-error.h"
#include "ck-group-list.h"
#include "ck-timer.h"
#include "ck-token-store.h"

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

/**
 * CkShareResult:
 *
 * What a share request came to (spec §4.9 `result`). Errors (not the
 * owner, the receiver did not answer: CK_ERROR_TIMEOUT, ...) come as a
 * GError with CK_SHARE_RESULT_FAILED.
 */
typedef enum
{
  CK_SHARE_RESULT_FAILED         = 0,
  CK_SHARE_RESULT_NO_SUCH_USER   = 1,  /* no such account in this region */
  CK_SHARE_RESULT_ACCEPTED       = 2,
  CK_SHARE_RESULT_REFUSED        = 3,
  CK_SHARE_RESULT_ALREADY_SHARED = 4,
} CkShareResult;

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
 * "groups" (CkGroupList), "token-store" (CkTokenStore, nullable),
 * "state" (CkClientState), "heartbeat-interval", "pong-timeout" and
 * "request-timeout" (milliseconds, handed to each CkSocket).
 *
 * The live session (spec §4, ARCHITECTURE "Pacing"): after a drop it
 * reconnects through a fresh dispatch after "reconnect-delay" ms (default
 * 1000), doubling with jitter up to "reconnect-max-delay" (60000), back to
 * the start after "reconnect-reset-after" ms online (60000); "next-attempt"
 * (GDateTime, wall clock, NULL unless reconnecting) says when. After
 * reconnecting it fetches the device list once, settles unconfirmed
 * commands (see CkCommandState) and sends the commands that waited. When
 * the account is signed in elsewhere (spec §4.11) it stops in
 * CK_CLIENT_STATE_SESSION_TAKEN and never retries on its own: a 406 pushed
 * on an open socket means that at once; a handshake refused with 406 (an
 * expired at, or another login) first renews the tokens once through the
 * API's shared refresh and connects again, and only a refused refresh or a
 * second 406 means session taken (spec §4.3, Appendix B step 10). A refresh
 * only succeeds while our rt is still ours, so it never takes the session
 * back from another client: that is the user's choice (sign in again).
 *
 * Tokens are renewed before they get old (spec §5 rule 5): at connect and
 * resume when their issue time (CkTokens.issued_at) is known and older than
 * "token-refresh-age" (milliseconds, guint64, default 25 days; 0 = never),
 * and by a timer while the session is kept alive (an unknown issue time
 * counts from when the client got the tokens). While
 * "network-monitor" (GNetworkMonitor; default: the system's, which is not
 * consulted for a loopback server) says there is no network, it waits in
 * CK_CLIENT_STATE_OFFLINE and makes no attempt. Devices are "stale" while
 * the state is not online.
 *
 * Commands: each becomes a CkCommand ("command-started" hands it out).
 * One issued while not online waits up to "command-deadline" ms (default
 * 10000) for the session to come back, then is sent or rolled back.
 *
 * Signals: "command-started" (CkCommand *command), "command-failed"
 * (CkDevice *device, GError *error) when a command is rolled back.
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

/* With tokens in the API: fetch the device list, dispatch, open the live socket.
 * A newer connect or ck_client_sign_out() ends one in flight: it then fails
 * with G_IO_ERROR_CANCELLED and leaves the client as they made it. */
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

/**
 * ck_client_update_async:
 * @params: the keys to change, in the device's own terms (any params,
 *   single or multi-channel)
 *
 * Sends `update` as a CkCommand: pending at once, completes TRUE when
 * confirmed, or with the reason once rolled back (CK_ERROR_DEVICE_OFFLINE,
 * CK_ERROR_TIMEOUT, CK_ERROR_DISCONNECTED, ...). A command whose answer was
 * lost completes only once the query after reconnecting settles it.
 */
void           ck_client_update_async     (CkClient            *self,
                                           CkDevice            *device,
                                           JsonObject          *params,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_update_finish    (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* `query` (spec §4.8): @keys NULL or empty for all; the answer is merged
 * into @device and returned. Fails with CK_ERROR_DISCONNECTED when not online. */
void           ck_client_query_async      (CkClient            *self,
                                           CkDevice            *device,
                                           const char * const  *keys,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
JsonObject    *ck_client_query_finish     (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Shares a device we own with @uid (e-mail or +phone); @permit: timer
 * bits of spec §4.9 (1 add, 2 edit, 4 delete, 8 enable).
 *
 * The share calls keep the device's "shares" current themselves: an
 * accepted (or already existing) share fetches that one device's records,
 * an update or cancel edits the record in place, so no list fetch is
 * needed. For updateShare and cancelShare, @uid may also be the apikey of
 * one of the device's shares (ck_share_get_apikey()); the cloud is sent
 * that share's e-mail or phone number. */
void           ck_client_share_async      (CkClient            *self,
                                           CkDevice            *device,
                                           const char          *uid,
                                           guint                permit,
                                           const char          *note,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CkShareResult  ck_client_share_finish     (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* New permit bits and note for an existing share; CK_ERROR_NOT_FOUND when
 * the device is not shared with @uid. */
void           ck_client_update_share_async  (CkClient            *self,
                                              CkDevice            *device,
                                              const char          *uid,
                                              guint                permit,
                                              const char          *note,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       ck_client_update_share_finish (CkClient            *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Ends a share; succeeds too when it was already gone. */
void           ck_client_cancel_share_async  (CkClient            *self,
                                              CkDevice            *device,
                                              const char          *uid,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       ck_client_cancel_share_finish (CkClient            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* ---- Device management (spec §3.12-3.14) --------------------------------
 *
 * Owner only (a sharee gets the cloud's refusal). Each applies its change to
 * the models once the cloud took it, so no list fetch is needed: the
 * device's "name"; its "tags" (channel names, @names[i] naming channel i,
 * replacing the previous ones); a deleted device leaves "devices" (one
 * items-changed) and its "groups" become empty. */
void           ck_client_rename_device_async      (CkClient            *self,
                                                   CkDevice            *device,
                                                   const char          *name,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       ck_client_rename_device_finish     (CkClient            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void           ck_client_set_channel_names_async  (CkClient            *self,
                                                   CkDevice            *device,
                                                   const char * const  *names,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       ck_client_set_channel_names_finish (CkClient            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void           ck_client_delete_device_async      (CkClient            *self,
                                                   CkDevice            *device,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       ck_client_delete_device_finish     (CkClient            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* ---- Typed commands (issue 5) ------------------------------------------
 *
 * Each encodes the value through the device's catalog family with the
 * current params and goes out as ck_client_update_async() does (pending at
 * once, confirmed or rolled back). A value the family cannot take fails at
 * once, nothing sent: CK_ERROR_NOT_SUPPORTED (no such capability) or
 * CK_ERROR_INVALID_VALUE (out of range). For lights that ignore adjustments
 * while off (ck_family_adjust_needs_power_on()), a device that is off first
 * gets the power-on, and the adjustment follows its ack; the requested
 * value shows at once all the same. */

/* @channel 0-based. */
void           ck_client_set_channel_async  (CkClient            *self,
                                             CkDevice            *device,
                                             guint                channel,
                                             gboolean             on,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       ck_client_set_channel_finish (CkClient            *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* 0-100 %. */
void           ck_client_set_brightness_async  (CkClient            *self,
                                                CkDevice            *device,
                                                gint                 percent,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       ck_client_set_brightness_finish (CkClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* In ck_device_get_color_temperature_unit(): kelvin or 0-100 % warm to cold. */
void           ck_client_set_color_temperature_async  (CkClient            *self,
                                                       CkDevice            *device,
                                                       gint                 value,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       ck_client_set_color_temperature_finish (CkClient            *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* 0xRRGGBB. */
void           ck_client_set_color_async  (CkClient            *self,
                                           CkDevice            *device,
                                           guint32              rgb,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_set_color_finish (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* A CkFanSpeed level, 0 (off) .. ck_device_get_fan_levels(). */
void           ck_client_set_fan_async    (CkClient            *self,
                                           CkDevice            *device,
                                           guint                level,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_set_fan_finish   (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* ---- Timers (spec §7) ---------------------------------------------------
 *
 * Each builds the whole new `timers` array from the device's current one
 * (whole-array rule) and sends {"timers": [...]} as a command. For a device
 * shared with us, the sharer's permit bits are checked first
 * (CK_ERROR_NOT_PERMITTED, nothing sent). A device's refusal (e.g. too many
 * timers) comes back as it is (CK_ERROR_DEVICE_REJECTED with the device's
 * code and text). Unknown ids: CK_ERROR_NOT_FOUND; an add of an existing id
 * or an invalid timer: CK_ERROR_INVALID_VALUE. Build actions with
 * ck_family_encode_timer_action (ck_device_get_family (device), ...). */
void           ck_client_add_timer_async     (CkClient            *self,
                                              CkDevice            *device,
                                              CkTimer             *timer,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* @timer replaces the one with the same id (ck_timer_set_id()). */
void           ck_client_edit_timer_async    (CkClient            *self,
                                              CkDevice            *device,
                                              CkTimer             *timer,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void           ck_client_remove_timer_async  (CkClient            *self,
                                              CkDevice            *device,
                                              const char          *timer_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void           ck_client_enable_timer_async  (CkClient            *self,
                                              CkDevice            *device,
                                              const char          *timer_id,
                                              gboolean             enabled,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Finishes any of the four timer calls above. */
gboolean       ck_client_timer_finish        (CkClient            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* ---- Groups (spec §3.15) ------------------------------------------------
 *
 * "groups": the CkGroupList, listed on connect and after each reconnect;
 * create, rename, reorder and delete through it. Which devices are in a
 * group: ck_device_is_in_group() / ck_device_match_group(). */
CkGroupList   *ck_client_get_groups       (CkClient            *self);
/* Moves @device from @source_id (NULL: just add) to @target_id (NULL: just
 * remove); the device's "groups" follow on success. */
void           ck_client_move_device_to_group_async  (CkClient            *self,
                                                      CkDevice            *device,
                                                      const char          *source_id,
                                                      const char          *target_id,
                                                      CkGroupMove          move,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       ck_client_move_device_to_group_finish (CkClient            *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* ---- The stored session (CkTokenStore) ----------------------------------
 *
 * With a "token-store" (NULL by default: the demo keeps tokens in memory
 * only), new tokens (login, register, reset, refresh) are saved to it and
 * ck_client_sign_out() clears it.
 *
 * One live socket per (user, app id): when another client resumes the same
 * stored session, the cloud closes the older socket (spec §8.7.3). That is a
 * plain close, not "signed in elsewhere": the older client reconnects with
 * its back-off and takes the socket back, so two long-lived clients on one
 * app id would take turns. Relay and relayctl therefore keep their sessions
 * under different app ids (the store is keyed by server and app id), as
 * ARCHITECTURE "One live session" asks; a short relayctl call on the same
 * app id only makes the app reconnect once. */
CkTokenStore  *ck_client_get_token_store  (CkClient            *self);
void           ck_client_set_token_store  (CkClient            *self,
                                           CkTokenStore        *store);
/* Loads the stored session into the API (no login call) and connects.
 * CK_ERROR_NOT_SIGNED_IN when nothing is stored; a revoked session ends in
 * CK_CLIENT_STATE_SESSION_TAKEN as a connect does. */
void           ck_client_resume_async     (CkClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       ck_client_resume_finish    (CkClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* (transfer none) (nullable): when the next reconnect attempt is due. */
GDateTime     *ck_client_get_next_attempt (CkClient            *self);
/* While reconnecting or offline: try now, with the back-off from the start. */
void           ck_client_reconnect_now    (CkClient            *self);

/* Closes the socket, forgets tokens, devices and groups, and clears the
 * "token-store" when there is one (without waiting for the keyring). */
void           ck_client_sign_out         (CkClient            *self);

G_END_DECLS
