/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-error"

#include "ck-error.h"

#include <string.h>

/* What the cloud said beside its number, so front ends need not parse
 * messages (ck_error_get_cloud_code(), ck_error_get_cloud_text()). */
typedef struct
{
  gint  code;
  char *text;
} CkErrorPrivate;

static void
ck_error_private_init (CkErrorPrivate *priv)
{
  priv->code = 0;
  priv->text = NULL;
}

static void
ck_error_private_copy (const CkErrorPrivate *src,
                       CkErrorPrivate       *dest)
{
  dest->code = src->code;
  dest->text = g_strdup (src->text);
}

static void
ck_error_private_clear (CkErrorPrivate *priv)
{
  g_clear_pointer (&priv->text, g_free);
}

G_DEFINE_EXTENDED_ERROR (CkError, ck_error)

gint
ck_error_get_cloud_code (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);
  return error->domain == CK_ERROR ? ck_error_get_private (error)->code : 0;
}

const char *
ck_error_get_cloud_text (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);
  return error->domain == CK_ERROR ? ck_error_get_private (error)->text : NULL;
}

/* Groups of endpoints that share the meaning of a code (spec §2.3, §6). */
typedef enum
{
  ANY,                          /* every endpoint */
  SIGN,                         /* calls signed with the app secret */
  BEARER,                       /* calls carrying the access token */
  ONE,                          /* exactly the endpoint in the row */
} Scope;

typedef struct
{
  Scope       scope;
  CkEndpoint  endpoint;         /* only for ONE */
  gint        code;
  CkError     meaning;
  const char *text;
  const char *cloud_text;       /* non-NULL: only when the cloud's text contains it */
} Meaning;

/* The one table of meanings. Rows naming the cloud's text are tried first
 * (a number alone cannot tell them apart); then, in order, the exact
 * endpoint (ONE), its group (SIGN / BEARER), then ANY; the first match wins. */
static const Meaning meanings[] = {
  /* Spec §8.2.1: any REST call of a disabled APPID, Sign or Bearer, answers
   * 403 with this FIELD text, even where 403 otherwise means "not permitted"
   * (reset password, device and group calls). */
  { ANY, 0, 403, CK_ERROR_APP_DISABLED, "This app id is disabled by the cloud", "oauthClient enable invalid" },

  /* Login (spec §3.4) */
  { ONE, CK_ENDPOINT_LOGIN, 401, CK_ERROR_WRONG_PASSWORD, "Wrong e-mail/phone or password" },
  { ONE, CK_ENDPOINT_LOGIN, 402, CK_ERROR_EMAIL_NOT_ACTIVATED, "The e-mail address is not activated" },
  { ONE, CK_ENDPOINT_LOGIN, 404, CK_ERROR_USER_NOT_FOUND, "No account with this e-mail/phone" },
  /* Verification code (spec §3.2) */
  { ONE, CK_ENDPOINT_SMS, 401, CK_ERROR_USER_NOT_FOUND, "No account with this e-mail/phone" },
  { ONE, CK_ENDPOINT_SMS, 504, CK_ERROR_SERVER, "The verification code could not be sent" },
  /* Register, reset, refresh, change password (spec §3.3, §3.5–3.7) */
  { ONE, CK_ENDPOINT_SMS, 409, CK_ERROR_ALREADY_EXISTS, "An account with this e-mail/phone already exists" },
  { ONE, CK_ENDPOINT_SMS, 160038, CK_ERROR_RATE_LIMITED, "Verification codes were requested too often; wait a minute" },
  { ONE, CK_ENDPOINT_REGISTER, 401, CK_ERROR_FAILED, "The cloud could not issue a session" },
  { ONE, CK_ENDPOINT_REGISTER, 409, CK_ERROR_ALREADY_EXISTS, "An account with this e-mail/phone already exists" },
  { ONE, CK_ENDPOINT_REGISTER, 498, CK_ERROR_WRONG_CODE, "Wrong verification code" },
  { ONE, CK_ENDPOINT_RESET_PASSWORD, 498, CK_ERROR_WRONG_CODE, "Wrong verification code" },
  { ONE, CK_ENDPOINT_RESET_PASSWORD, 401, CK_ERROR_AUTH_FAILED, "Authentication failed" },
  { ONE, CK_ENDPOINT_RESET_PASSWORD, 403, CK_ERROR_NOT_PERMITTED, "Not permitted" },
  { ONE, CK_ENDPOINT_REFRESH, 401, CK_ERROR_TOKEN_INVALID, "The session is no longer valid; sign in again" },
  { ONE, CK_ENDPOINT_REFRESH, 402, CK_ERROR_TOKEN_EXPIRED, "The session has expired; sign in again" },
  { ONE, CK_ENDPOINT_CHANGE_PASSWORD, 401, CK_ERROR_WRONG_PASSWORD, "Wrong current password, or the session is no longer valid" },
  /* Add GSM device: the number is in `code` (spec §3.11) */
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 401, CK_ERROR_BAD_REQUEST, "Invalid device id" },
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 403, CK_ERROR_NOT_PERMITTED, "The device is not of this brand" },
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 404, CK_ERROR_NOT_FOUND, "No such device" },
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 400, CK_ERROR_BAD_REQUEST, "The device name and id must not be empty" },
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 409, CK_ERROR_ALREADY_EXISTS, "The device has already been added" },
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 500, CK_ERROR_SERVER, "The cloud could not add the device" },
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 502, CK_ERROR_SERVER, "The cloud could not find the device's brand" },
  { ONE, CK_ENDPOINT_DEVICE_ADD_GSM, 503, CK_ERROR_SERVER, "The cloud could not find the device's model" },
  /* Add Wi-Fi device: modelled on addGsm (spec §3.10) */
  { ONE, CK_ENDPOINT_DEVICE_ADD, 403, CK_ERROR_NOT_PERMITTED, "The device is not of this brand" },
  { ONE, CK_ENDPOINT_DEVICE_ADD, 404, CK_ERROR_NOT_FOUND, "No such device" },
  { ONE, CK_ENDPOINT_DEVICE_ADD, 409, CK_ERROR_ALREADY_EXISTS, "The device has already been added" },
  /* One device, rename, delete, tags (spec §3.9, §3.12–3.14) */
  { ONE, CK_ENDPOINT_DEVICE_GET, 404, CK_ERROR_NOT_FOUND, "No such device" },
  { ONE, CK_ENDPOINT_DEVICE_DELETE, 404, CK_ERROR_NOT_FOUND, "No such device" },
  { ONE, CK_ENDPOINT_DEVICE_RENAME, 400, CK_ERROR_BAD_REQUEST, "The device name must not be empty" },
  { ONE, CK_ENDPOINT_DEVICE_RENAME, 404, CK_ERROR_NOT_FOUND, "No such device" },
  { ONE, CK_ENDPOINT_TAGS, 400, CK_ERROR_BAD_REQUEST, "The channel names were refused" },
  /* Groups (spec §3.15) */
  { ONE, CK_ENDPOINT_GROUP, 404, CK_ERROR_NOT_FOUND, "No such group" },
  /* HTTP device status (spec §3.17, §3.18) */
  { ONE, CK_ENDPOINT_STATUS_GET, 400, CK_ERROR_BAD_REQUEST, "Bad request or unknown device" },
  { ONE, CK_ENDPOINT_STATUS_POST, 503, CK_ERROR_DEVICE_OFFLINE, "The device is offline" },
  { ONE, CK_ENDPOINT_STATUS_POST, 504, CK_ERROR_DEVICE_UNREACHABLE, "The device did not answer" },
  /* WebSocket handshake (spec §4.3): 406 cannot tell an expired token from
   * one revoked by another login, so it names the invalid session. */
  { ONE, CK_ENDPOINT_WS_HANDSHAKE, 406, CK_ERROR_TOKEN_INVALID, "The session is no longer valid (expired, or signed in elsewhere)" },
  { ONE, CK_ENDPOINT_WS_HANDSHAKE, 400, CK_ERROR_BAD_REQUEST, "The cloud refused the connection request" },
  /* WebSocket update (spec §4.6) */
  { ONE, CK_ENDPOINT_WS_UPDATE, 400, CK_ERROR_DEVICE_REJECTED, "The device refused the command" },
  { ONE, CK_ENDPOINT_WS_UPDATE, 503, CK_ERROR_DEVICE_OFFLINE, "The device is offline" },
  { ONE, CK_ENDPOINT_WS_UPDATE, 504, CK_ERROR_DEVICE_UNREACHABLE, "The device did not answer" },
  { ONE, CK_ENDPOINT_WS_UPDATE, 406, CK_ERROR_SESSION_TAKEN, "The account was signed in elsewhere" },
  { ONE, CK_ENDPOINT_WS_QUERY, 406, CK_ERROR_SESSION_TAKEN, "The account was signed in elsewhere" },
  /* An error pushed without a sequence on a live session (spec §4.11) */
  { ONE, CK_ENDPOINT_WS_SESSION, 406, CK_ERROR_SESSION_TAKEN, "The account was signed in elsewhere with this app" },
  /* WebSocket share (spec §4.9) */
  { ONE, CK_ENDPOINT_WS_SHARE, 401, CK_ERROR_TOKEN_INVALID, "The session is no longer valid" },
  { ONE, CK_ENDPOINT_WS_SHARE, 406, CK_ERROR_SESSION_TAKEN, "The account was signed in elsewhere" },
  { ONE, CK_ENDPOINT_WS_SHARE, 504, CK_ERROR_TIMEOUT, "The receiver did not answer in time" },

  /* Signed calls (spec §6, §8.3) */
  { SIGN, 0, 406, CK_ERROR_AUTH_FAILED, "The cloud rejected the app credentials or the request signature" },
  { SIGN, 0, 403, CK_ERROR_APP_DISABLED, "This app id is disabled by the cloud" },
  /* Bearer calls (spec §5) */
  /* A Bearer 401 is a token revoked by a newer sign-in of the same account
   * and app id (spec §5 rule 3): its own meaning, never retried. */
  { BEARER, 0, 401, CK_ERROR_SESSION_TAKEN, "The account was signed in elsewhere with this app" },
  { BEARER, 0, 402, CK_ERROR_TOKEN_EXPIRED, "The session has expired" },
  { BEARER, 0, 406, CK_ERROR_NOT_SIGNED_IN, "Not signed in" },

  /* Everywhere */
  { ANY, 0, 301, CK_ERROR_WRONG_REGION, "The account lives in another region" },
  { ANY, 0, 400, CK_ERROR_BAD_REQUEST, "The cloud rejected the request" },
  { ANY, 0, 403, CK_ERROR_NOT_PERMITTED, "Not permitted" },
  { ANY, 0, 404, CK_ERROR_NOT_FOUND, "Not found" },
  { ANY, 0, 409, CK_ERROR_ALREADY_EXISTS, "Already registered" },
  { ANY, 0, 429, CK_ERROR_RATE_LIMITED, "Too many requests; slow down" },
  { ANY, 0, 498, CK_ERROR_WRONG_CODE, "Wrong verification code" },
  { ANY, 0, 160038, CK_ERROR_RATE_LIMITED, "Too many requests; slow down" },
  { ANY, 0, 500, CK_ERROR_SERVER, "The cloud had an internal error" },
  { ANY, 0, 502, CK_ERROR_SERVER, "The cloud had an internal error" },
  { ANY, 0, 503, CK_ERROR_SERVER, "The cloud is unavailable" },
  { ANY, 0, 504, CK_ERROR_SERVER, "The cloud did not answer in time" },
};

static Scope
scope_of (CkEndpoint endpoint)
{
  switch (endpoint)
    {
    case CK_ENDPOINT_REGION:
    case CK_ENDPOINT_SMS:
    case CK_ENDPOINT_REGISTER:
    case CK_ENDPOINT_LOGIN:
    case CK_ENDPOINT_RESET_PASSWORD:
    case CK_ENDPOINT_REFRESH:
      return SIGN;

    case CK_ENDPOINT_CHANGE_PASSWORD:
    case CK_ENDPOINT_BEARER:
    case CK_ENDPOINT_DEVICE_ADD:
    case CK_ENDPOINT_DEVICE_ADD_GSM:
    case CK_ENDPOINT_DISPATCH:
    case CK_ENDPOINT_STATUS_GET:
    case CK_ENDPOINT_STATUS_POST:
    case CK_ENDPOINT_DEVICE_GET:
    case CK_ENDPOINT_DEVICE_DELETE:
    case CK_ENDPOINT_DEVICE_RENAME:
    case CK_ENDPOINT_TAGS:
    case CK_ENDPOINT_GROUP:
      return BEARER;

    case CK_ENDPOINT_OTHER:
    case CK_ENDPOINT_WS_HANDSHAKE:
    case CK_ENDPOINT_WS_UPDATE:
    case CK_ENDPOINT_WS_QUERY:
    case CK_ENDPOINT_WS_SHARE:
    case CK_ENDPOINT_WS_SESSION:
    default:
      return ANY;
    }
}

/* @row applies to @code from @endpoint in @scope, given the cloud's @message
 * (nullable); @by_text: only rows that name a cloud text, else only the others. */
static gboolean
row_matches (const Meaning *row,
             Scope          scope,
             CkEndpoint     endpoint,
             gint           code,
             const char    *message,
             gboolean       by_text)
{
  if (row->scope != scope || row->code != code)
    return FALSE;
  if (row->scope == ONE && row->endpoint != endpoint)
    return FALSE;
  if (by_text)
    return row->cloud_text != NULL && message != NULL && strstr (message, row->cloud_text) != NULL;
  return row->cloud_text == NULL;
}

static const Meaning *
lookup (CkEndpoint  endpoint,
        gint        code,
        const char *message)
{
  const Scope group = scope_of (endpoint);
  const Scope order[] = { ONE, group, ANY };
  const gboolean by_text[] = { TRUE, FALSE };

  for (guint round = 0; round < G_N_ELEMENTS (by_text); round++)
    for (guint pass = 0; pass < G_N_ELEMENTS (order); pass++)
      {
        if (pass == 1 && group == ANY)
          continue;

        for (guint i = 0; i < G_N_ELEMENTS (meanings); i++)
          if (row_matches (&meanings[i], order[pass], endpoint, code, message, by_text[round]))
            return &meanings[i];
      }

  return NULL;
}

GError *
ck_error_from_code (CkEndpoint  endpoint,
                    gint        code,
                    const char *message)
{
  const Meaning *row = lookup (endpoint, code, message);
  CkError meaning = CK_ERROR_FAILED;
  const char *text = "The cloud reported an error";
  g_autofree char *detail = NULL;
  CkErrorPrivate *priv;
  GError *error;

  if (row != NULL)
    {
      meaning = row->meaning;
      text = row->text;
    }
  else if (code >= 500 && code < 600)
    {
      meaning = CK_ERROR_SERVER;
      text = "The cloud had an internal error";
    }

  if (message != NULL && *message != '\0')
    detail = g_strdup_printf ("error %d: %s", code, message);
  else
    detail = g_strdup_printf ("error %d", code);

  error = g_error_new (CK_ERROR, meaning, "%s (%s)", text, detail);
  priv = ck_error_get_private (error);
  priv->code = code;
  priv->text = message != NULL && *message != '\0' ? g_strdup (message) : NULL;
  return error;
}
