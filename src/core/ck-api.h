/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ck-error.h"
#include "ck-tokens.h"

G_BEGIN_DECLS

/* The real cloud; `cn` is mapped to the .cn host (spec §1.6). */
#define CK_API_DEFAULT_SERVER_TEMPLATE "https://{region}-api.coolkit.cc:8080"

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
 * signed-in session or NULL), "timeout" (seconds per HTTP request, default 30).
 *
 * Signals: "tokens-changed" whenever login or refresh replaced the tokens,
 * so they can be saved.
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
/* TRUE for cn, as, eu and us. */
gboolean        ck_api_region_is_valid      (const char          *region);

/* "timeout": seconds an HTTP request may take (default 30; 0 = none). */
guint           ck_api_get_timeout          (CkApi               *self);
void            ck_api_set_timeout          (CkApi               *self,
                                             guint                timeout);

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

G_END_DECLS
