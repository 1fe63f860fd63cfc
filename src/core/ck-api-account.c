/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-api"

/* CkApi: the account operations (spec §3.1–3.7). */

#include "ck-api-private.h"

#include <string.h>

#include "ck-request.h"

static const CkApiRoute region_route = {
  "GET", "/api/user/region", CK_API_AUTH_SIGN, CK_ENDPOINT_REGION, CK_API_CALL_LOOKUP_HOST
};
static const CkApiRoute sms_route = {
  "POST", "/api/sms", CK_API_AUTH_SIGN, CK_ENDPOINT_SMS, CK_API_CALL_FOLLOW_REGION
};
static const CkApiRoute register_route = {
  "POST", "/api/user/register", CK_API_AUTH_SIGN, CK_ENDPOINT_REGISTER, CK_API_CALL_FOLLOW_REGION
};
static const CkApiRoute login_route = {
  "POST", "/api/user/login", CK_API_AUTH_SIGN, CK_ENDPOINT_LOGIN, CK_API_CALL_FOLLOW_REGION
};
static const CkApiRoute reset_route = {
  "POST", "/api/user/password/reset", CK_API_AUTH_SIGN, CK_ENDPOINT_RESET_PASSWORD,
  CK_API_CALL_DEFAULT
};
static const CkApiRoute change_password_route = {
  "POST", "/api/user/password", CK_API_AUTH_BEARER, CK_ENDPOINT_CHANGE_PASSWORD,
  CK_API_CALL_DEFAULT
};

/* ------------------------------------------------------------------------ */
/* Region lookup (spec §3.1)                                                 */

void
ck_api_lookup_region_async (CkApi               *self,
                            const char          *country_code,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));

  params = json_object_new ();
  /* Digits only: the signed query must need no escaping (spec §2.4). */
  if (country_code != NULL)
    {
      const char *digits = country_code[0] == '+' ? country_code + 1 : country_code;

      json_object_set_string_member (params, "country_code", digits);
    }

  ck_api_call_async (self, ck_api_lookup_region_async, &region_route, NULL, params,
                     ck_api_answer_string, "region", g_free,
                     cancellable, callback, user_data);
}

char *
ck_api_lookup_region_finish (CkApi         *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autofree char *region = ck_api_call_finish (self, result, ck_api_lookup_region_async, error);

  if (region != NULL && !ck_api_region_is_valid (region))
    {
      g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                   "The cloud named an unknown region “%s”", region);
      return NULL;
    }
  return g_steal_pointer (&region);
}

/* ------------------------------------------------------------------------ */
/* Verification code (spec §3.2)                                             */

void
ck_api_send_code_async (CkApi               *self,
                        CkCodePurpose        purpose,
                        const char          *identity,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (identity != NULL);

  params = json_object_new ();
  json_object_set_string_member (params, "sendType",
                                 purpose == CK_CODE_PURPOSE_RESET ? "1" : "0");
  /* A phone number goes in `to`, not `phoneNumber`. */
  json_object_set_string_member (params, identity[0] == '+' ? "to" : "email", identity);

  ck_api_call_async (self, ck_api_send_code_async, &sms_route, NULL, params,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_send_code_finish (CkApi         *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_send_code_async, error);
}

/* ------------------------------------------------------------------------ */
/* Calls that sign in: login, register, reset (spec §3.3–3.5)                */

/* The parameters of a call that names an account. */
static JsonObject *
identity_params (const char *identity,
                 const char *password_member,
                 const char *password,
                 const char *code)
{
  JsonObject *params = json_object_new ();

  ck_request_add_identity (params, identity);
  json_object_set_string_member (params, password_member, password);
  if (code != NULL)
    json_object_set_string_member (params, "verificationCode", code);
  return params;
}

void
ck_api_login_async (CkApi               *self,
                    const char          *identity,
                    const char          *password,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (identity != NULL && password != NULL);

  ck_api_call_async (self, ck_api_login_async, &login_route, NULL,
                     identity_params (identity, "password", password, NULL),
                     ck_api_answer_session, identity, (GDestroyNotify) ck_tokens_free,
                     cancellable, callback, user_data);
}

CkTokens *
ck_api_login_finish (CkApi         *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_login_async, error);
}

void
ck_api_register_async (CkApi               *self,
                       const char          *identity,
                       const char          *password,
                       const char          *code,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (identity != NULL && password != NULL && code != NULL);

  ck_api_call_async (self, ck_api_register_async, &register_route, NULL,
                     identity_params (identity, "password", password, code),
                     ck_api_answer_session, identity, (GDestroyNotify) ck_tokens_free,
                     cancellable, callback, user_data);
}

CkTokens *
ck_api_register_finish (CkApi         *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_register_async, error);
}

void
ck_api_reset_password_async (CkApi               *self,
                             const char          *identity,
                             const char          *new_password,
                             const char          *code,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (identity != NULL && new_password != NULL && code != NULL);

  ck_api_call_async (self, ck_api_reset_password_async, &reset_route, NULL,
                     identity_params (identity, "password", new_password, code),
                     ck_api_answer_session, identity, (GDestroyNotify) ck_tokens_free,
                     cancellable, callback, user_data);
}

CkTokens *
ck_api_reset_password_finish (CkApi         *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_reset_password_async, error);
}

/* ------------------------------------------------------------------------ */
/* Change password (spec §3.6)                                               */

void
ck_api_change_password_async (CkApi               *self,
                              const char          *old_password,
                              const char          *new_password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (old_password != NULL && new_password != NULL);

  params = json_object_new ();
  json_object_set_string_member (params, "oldPassword", old_password);
  json_object_set_string_member (params, "newPassword", new_password);
  ck_api_call_async (self, ck_api_change_password_async, &change_password_route, NULL, params,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_change_password_finish (CkApi         *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_change_password_async, error);
}

/* ------------------------------------------------------------------------ */
/* Refresh (spec §3.7): the shared refresh of ck-api.c                       */

void
ck_api_refresh_async (CkApi               *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (CK_IS_API (self));

  ck_api_refresh_shared_async (self, ck_api_refresh_async, cancellable, callback, user_data);
}

CkTokens *
ck_api_refresh_finish (CkApi         *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_refresh_async, error);
}
