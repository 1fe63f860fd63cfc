/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ck-error.h"
#include "ck-rate-limiter.h"
#include "ck-tokens.h"

G_BEGIN_DECLS

/* The real cloud; `cn` is mapped to the .cn host (spec §1.6). */
#define CK_API_DEFAULT_SERVER_TEMPLATE "https://{region}-api.coolkit.cc:8080"

/**
 * CkApiRateLimit:
 * @CK_API_RATE_LIMIT_AUTO: on for the real cloud, off for loopback servers
 * @CK_API_RATE_LIMIT_ON: always pace calls (spec §1.5)
 * @CK_API_RATE_LIMIT_OFF: never pace calls
 */
typedef enum
{
  CK_API_RATE_LIMIT_AUTO,
  CK_API_RATE_LIMIT_ON,
  CK_API_RATE_LIMIT_OFF,
} CkApiRateLimit;

/**
 * CkCodePurpose:
 * @CK_CODE_PURPOSE_REGISTER: a code for a new account (`sendType` "0")
 * @CK_CODE_PURPOSE_RESET: a code to reset a password (`sendType` "1")
 */
typedef enum
{
  CK_CODE_PURPOSE_REGISTER,
  CK_CODE_PURPOSE_RESET,
} CkCodePurpose;

/**
 * CkGroupMove:
 * @CK_GROUP_MOVE_REPLACE_SOURCE: replace the source group by the target, keep
 *   the device's other groups (`type` 0)
 * @CK_GROUP_MOVE_REPLACE_ALL: the device ends up in the target group only
 *   (`type` 1)
 */
typedef enum
{
  CK_GROUP_MOVE_REPLACE_SOURCE,
  CK_GROUP_MOVE_REPLACE_ALL,
} CkGroupMove;

#define CK_TYPE_API (ck_api_get_type ())
G_DECLARE_FINAL_TYPE (CkApi, ck_api, CK, API, GObject)

/**
 * CkApi:
 *
 * The v1 REST API: signing (Sign / Bearer), common parameters, the response
 * envelope of spec §2.6 and the meaning of error codes. Server addresses
 * come from a template such as `https://{region}-api.coolkit.cc:8080` or
 * `http://127.0.0.1:PORT/{region}` (the simulator).
 *
 * Properties: "server-template" (construct), "app-id" (construct),
 * "app-secret" (construct, write-only), "session" (SoupSession, construct;
 * one is made when NULL), "ca-file" (extra trusted CA, absolute path),
 * "region" (the account's region, default "eu"), "tokens" (CkTokens, the
 * signed-in session or NULL), "timeout" (seconds per HTTP request, default 30),
 * "rate-limit" (#CkApiRateLimit, default auto: on for the real cloud, off for
 * loopback servers), "rate-limiter" (the #CkRateLimiter, read-only: its
 * intervals are properties).
 *
 * Every call gets a fresh nonce and ts. A 402 on a Bearer call refreshes
 * the session once (one refresh in flight shared by every caller) and
 * retries once; a 401 on a Bearer call is %CK_ERROR_SESSION_TAKEN, retried
 * once only when our own refresh replaced (or is replacing) the token it
 * carried; a 429 is retried once after the limiter's interval.
 *
 * Signals: "tokens-changed" whenever login, register, reset or refresh
 * replaced the tokens, so they can be saved.
 */

CkApi          *ck_api_new                  (const char          *server_template,
                                             const char          *app_id,
                                             const char          *app_secret) G_GNUC_WARN_UNUSED_RESULT;

SoupSession    *ck_api_get_session          (CkApi               *self);
const char     *ck_api_get_app_id           (CkApi               *self);
const char     *ck_api_get_server_template  (CkApi               *self);
const char     *ck_api_get_region           (CkApi               *self);
void            ck_api_set_region           (CkApi               *self,
                                             const char          *region);
const CkTokens *ck_api_get_tokens           (CkApi               *self);
void            ck_api_set_tokens           (CkApi               *self,
                                             const CkTokens      *tokens);
gboolean        ck_api_set_ca_file          (CkApi               *self,
                                             const char          *ca_file,
                                             GError             **error);

/* The template with {region} expanded (cn → .cn host for the real cloud). */
char           *ck_api_build_base_url       (CkApi               *self,
                                             const char          *region) G_GNUC_WARN_UNUSED_RESULT;

/* The same rules on a bare template (spec §1.6): {region} replaced, with the
 * default template's cn mapped to https://cn-api.coolkit.cn:8080. */
char           *ck_api_expand_template      (const char          *server_template,
                                             const char          *region) G_GNUC_WARN_UNUSED_RESULT;
/* The region-lookup base: `scheme://host:port` for a `scheme://host:port/{region}`
 * template, https://api.coolkit.cc:8080 for the default one. */
char           *ck_api_lookup_base_url      (const char          *server_template) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE when the server template names a loopback host (a simulator). */
gboolean        ck_api_is_loopback          (CkApi               *self);
/* TRUE for cn, as, eu and us. */
gboolean        ck_api_region_is_valid      (const char          *region);

/* "timeout": seconds an HTTP request may take (default 30; 0 = none). */
guint           ck_api_get_timeout          (CkApi               *self);
void            ck_api_set_timeout          (CkApi               *self,
                                             guint                timeout);

/* "rate-limit": whether calls are paced (spec §1.5). */
CkApiRateLimit  ck_api_get_rate_limit       (CkApi               *self);
void            ck_api_set_rate_limit       (CkApi               *self,
                                             CkApiRateLimit       rate_limit);
/* TRUE when calls are paced now ("auto" resolved against the template). */
gboolean        ck_api_get_rate_limit_active (CkApi              *self);
CkRateLimiter  *ck_api_get_rate_limiter     (CkApi               *self);

/* The gsmId of spec §3.11: lowercase hex MD5 of @device_id + @factory_apikey. */
char           *ck_api_compute_gsm_id       (const char          *device_id,
                                             const char          *factory_apikey) G_GNUC_WARN_UNUSED_RESULT;

/* ---- Account (spec §3.1–3.7) ---------------------------------------- */

/* GET /api/user/region (signed query): the region new accounts of
 * @country_code (digits without '+'; NULL: the caller's) get. */
void            ck_api_lookup_region_async  (CkApi               *self,
                                             const char          *country_code,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char           *ck_api_lookup_region_finish (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /api/sms: a verification code to @identity (e-mail, or E.164 phone
 * sent as `to`). A 301 follows the account's region once. */
void            ck_api_send_code_async      (CkApi               *self,
                                             CkCodePurpose        purpose,
                                             const char          *identity,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        ck_api_send_code_finish     (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* POST /api/user/register: creates the account and signs in (tokens stored,
 * "tokens-changed" emitted). A 301 follows the region once. */
void            ck_api_register_async       (CkApi               *self,
                                             const char          *identity,
                                             const char          *password,
                                             const char          *code,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
CkTokens       *ck_api_register_finish      (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /api/user/password/reset: sets @new_password and signs in. */
void            ck_api_reset_password_async (CkApi               *self,
                                             const char          *identity,
                                             const char          *new_password,
                                             const char          *code,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
CkTokens       *ck_api_reset_password_finish (CkApi              *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /api/user/password (Bearer). */
void            ck_api_change_password_async (CkApi              *self,
                                             const char          *old_password,
                                             const char          *new_password,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        ck_api_change_password_finish (CkApi             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* GET /api/user/refresh (signed query): new tokens replace the stored ones
 * and "tokens-changed" is emitted. Concurrent callers share one refresh. If
 * the tokens change meanwhile (sign-out, a new sign-in), the answer is
 * dropped and the callers get G_IO_ERROR_CANCELLED. */
void            ck_api_refresh_async        (CkApi               *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
CkTokens       *ck_api_refresh_finish       (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/**
 * ck_api_login_async:
 * @identity: e-mail address, or a phone number in E.164 form (+countrycode…)
 *
 * Signs in. A 301 answer moves to the returned region and retries once.
 * On success the tokens and region are stored in @self.
 */
void            ck_api_login_async          (CkApi               *self,
                                             const char          *identity,
                                             const char          *password,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
CkTokens       *ck_api_login_finish         (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* GET /api/user/device?getTags=1: the `devicelist` array (or a bare array). */
void            ck_api_list_devices_async   (CkApi               *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonArray      *ck_api_list_devices_finish  (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /dispatch/app: the WebSocket URL, ws:// or wss:// after the template's scheme. */
void            ck_api_dispatch_async       (CkApi               *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char           *ck_api_dispatch_finish      (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* ---- Devices (spec §3.9–3.14, §3.17, §3.18) -------------------------- */

/* GET /api/user/device/{id}: the bare device object. */
void            ck_api_get_device_async     (CkApi               *self,
                                             const char          *device_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonObject     *ck_api_get_device_finish    (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /api/user/device/add with the device's factory apikey: the new
 * device object. @chip_id may be NULL. */
void            ck_api_add_device_async     (CkApi               *self,
                                             const char          *device_id,
                                             const char          *factory_apikey,
                                             const char          *name,
                                             const char          *chip_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonObject     *ck_api_add_device_finish    (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /api/user/device/addGsm: @gsm_id as printed on the sticker, or from
 * ck_api_compute_gsm_id(). The new device object. */
void            ck_api_add_gsm_device_async (CkApi               *self,
                                             const char          *gsm_id,
                                             const char          *name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonObject     *ck_api_add_gsm_device_finish (CkApi              *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* DELETE /api/user/device/{id} (owner only). */
void            ck_api_delete_device_async  (CkApi               *self,
                                             const char          *device_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        ck_api_delete_device_finish (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* POST /api/user/device/{id} with a new, non-empty name (owner only). */
void            ck_api_rename_device_async  (CkApi               *self,
                                             const char          *device_id,
                                             const char          *name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        ck_api_rename_device_finish (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* POST /api/user/tags: @names[i] names channel i; replaces the previous
 * names (owner only). */
void            ck_api_set_channel_names_async  (CkApi               *self,
                                                 const char          *device_id,
                                                 const char * const  *names,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        ck_api_set_channel_names_finish (CkApi               *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* GET /api/user/device/status: the stored params, only @names when given
 * (NULL: all). */
void            ck_api_get_device_status_async  (CkApi               *self,
                                                 const char          *device_id,
                                                 const char * const  *names,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
JsonObject     *ck_api_get_device_status_finish (CkApi               *self,
                                                 GAsyncResult        *result,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /api/user/device/status: sends @params to the device (the WebSocket
 * is the preferred way, spec §3.18). */
void            ck_api_set_device_status_async  (CkApi               *self,
                                                 const char          *device_id,
                                                 JsonObject          *params,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        ck_api_set_device_status_finish (CkApi               *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* ---- Groups (spec §3.15) ------------------------------------------------ */

/* POST /api/group: the new group's id. @index 0 appends. */
void            ck_api_create_group_async   (CkApi               *self,
                                             const char          *name,
                                             gint                 index,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char           *ck_api_create_group_finish  (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* PUT /api/group: renames the group (@name non-NULL) and/or moves it to
 * @index (>= 0; -1 keeps its place). */
void            ck_api_update_group_async   (CkApi               *self,
                                             const char          *group_id,
                                             const char          *name,
                                             gint                 index,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        ck_api_update_group_finish  (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* DELETE /api/group (type 0: the devices only leave the group). */
void            ck_api_delete_group_async   (CkApi               *self,
                                             const char          *group_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        ck_api_delete_group_finish  (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* GET /api/group: the `groupinfos` array ({id, name, index, createdAt}). */
void            ck_api_list_groups_async    (CkApi               *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonArray      *ck_api_list_groups_finish   (CkApi               *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* POST /api/group/addDevice: moves @device_id from @source_id to @target_id.
 * NULL @source_id only adds; NULL @target_id only removes. */
void            ck_api_move_device_to_group_async  (CkApi               *self,
                                                    const char          *device_id,
                                                    const char          *source_id,
                                                    const char          *target_id,
                                                    CkGroupMove          move,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        ck_api_move_device_to_group_finish (CkApi               *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
