/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

/* The request machinery CkApi's area files (ck-api-account.c,
 * ck-api-devices.c, ck-api-groups.c) share; implemented in ck-api.c. */

#include "ck-api.h"

G_BEGIN_DECLS

typedef enum
{
  CK_API_AUTH_SIGN,             /* signed with the app secret (spec §2.4) */
  CK_API_AUTH_BEARER,           /* the access token (spec §2.3) */
} CkApiAuth;

typedef enum
{
  CK_API_CALL_DEFAULT       = 0,
  CK_API_CALL_FOLLOW_REGION = 1 << 0,   /* a 301 moves to its region, once */
  CK_API_CALL_LOOKUP_HOST   = 1 << 1,   /* the region-lookup host, not a region */
} CkApiCallFlags;

/**
 * CkApiRoute:
 * @method: "GET", "POST", "PUT" or "DELETE" (a static string)
 * @path: e.g. "/api/user/device" (a static string; the rate limiter's key)
 * @endpoint: selects the meaning of error codes
 *
 * One operation of the v1 API.
 */
typedef struct
{
  const char     *method;
  const char     *path;
  CkApiAuth       auth;
  CkEndpoint      endpoint;
  CkApiCallFlags  flags;
} CkApiRoute;

/**
 * CkApiAnswerFunc:
 * @answer: the successful answer
 * @hint: the string given to ck_api_call_async()
 *
 * Turns a successful answer into the operation's result (and may act on
 * it, e.g. store tokens).
 *
 * Returns: (transfer full) (nullable): the result, NULL with @error set.
 */
typedef gpointer (*CkApiAnswerFunc) (CkApi       *self,
                                     JsonNode    *answer,
                                     const char  *hint,
                                     GError     **error);

/**
 * ck_api_call_async:
 * @source_tag: the public _async function, checked by ck_api_call_finish()
 * @path_arg: (nullable): a path segment appended as "/@path_arg" (a device id)
 * @params: (transfer full) (nullable): the endpoint's parameters; the common
 *   ones are added for every attempt with a fresh nonce and ts
 * @answer_func: (nullable): converts the answer; NULL keeps the JsonNode
 * @hint: (nullable): passed to @answer_func (copied)
 * @result_free: frees @answer_func's result
 *
 * The one way every operation reaches the cloud: paces through the rate
 * limiter, signs or adds the Bearer token, parses the envelope, follows a
 * 301 (with %CK_API_CALL_FOLLOW_REGION), refreshes once on a Bearer 402,
 * retries a Bearer 401 once when our own refresh replaced (or is replacing)
 * the token it carried, and retries once on a 429.
 */
void            ck_api_call_async           (CkApi               *self,
                                             gpointer             source_tag,
                                             const CkApiRoute    *route,
                                             const char          *path_arg,
                                             JsonObject          *params,
                                             CkApiAnswerFunc      answer_func,
                                             const char          *hint,
                                             GDestroyNotify       result_free,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* (transfer full): the result of the answer function, or the JsonNode. */
gpointer        ck_api_call_finish          (CkApi               *self,
                                             GAsyncResult        *result,
                                             gpointer             source_tag,
                                             GError             **error);
/* For operations whose answer carries nothing of use. */
gboolean        ck_api_call_finish_boolean  (CkApi               *self,
                                             GAsyncResult        *result,
                                             gpointer             source_tag,
                                             GError             **error);

/* Answer functions. @hint names a member, or NULL for the answer itself. */
gpointer        ck_api_answer_object        (CkApi               *self,
                                             JsonNode            *answer,
                                             const char          *hint,
                                             GError             **error);
gpointer        ck_api_answer_array         (CkApi               *self,
                                             JsonNode            *answer,
                                             const char          *hint,
                                             GError             **error);
gpointer        ck_api_answer_string        (CkApi               *self,
                                             JsonNode            *answer,
                                             const char          *hint,
                                             GError             **error);
/* {"at","rt","user","region"}: stores the tokens (identity = @hint), emits
 * "tokens-changed" and returns a CkTokens copy. */
gpointer        ck_api_answer_session       (CkApi               *self,
                                             JsonNode            *answer,
                                             const char          *hint,
                                             GError             **error);

/* A parameter object holding `apikey` = the signed-in user's apikey
 * (empty when signed out: the Bearer call then fails as not signed in). */
JsonObject     *ck_api_new_user_params      (CkApi               *self) G_GNUC_WARN_UNUSED_RESULT;

/* The shared refresh: joins the one in flight for the current session or
 * starts it. Its answer is installed only if the session is still the one it
 * renews (no sign-out or new session meanwhile); otherwise the callers get
 * G_IO_ERROR_CANCELLED. */
void            ck_api_refresh_shared_async (CkApi               *self,
                                             gpointer             source_tag,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);

G_END_DECLS
