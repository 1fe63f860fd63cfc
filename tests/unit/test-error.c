/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-error"

#include <string.h>

#include "ck-envelope.h"
#include "ck-error.h"
#include "ck-json.h"

typedef struct
{
  CkEndpoint endpoint;
  gint       code;
  CkError    meaning;
} Row;

/* The same number means different things on different endpoints (spec §6). */
static const Row rows[] = {
  { CK_ENDPOINT_LOGIN, 401, CK_ERROR_WRONG_PASSWORD },
  { CK_ENDPOINT_BEARER, 401, CK_ERROR_SESSION_TAKEN },
  { CK_ENDPOINT_DISPATCH, 401, CK_ERROR_SESSION_TAKEN },
  { CK_ENDPOINT_SMS, 401, CK_ERROR_USER_NOT_FOUND },
  { CK_ENDPOINT_REFRESH, 401, CK_ERROR_TOKEN_INVALID },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 401, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_LOGIN, 402, CK_ERROR_EMAIL_NOT_ACTIVATED },
  { CK_ENDPOINT_BEARER, 402, CK_ERROR_TOKEN_EXPIRED },
  { CK_ENDPOINT_DISPATCH, 402, CK_ERROR_TOKEN_EXPIRED },
  { CK_ENDPOINT_LOGIN, 404, CK_ERROR_USER_NOT_FOUND },
  { CK_ENDPOINT_BEARER, 404, CK_ERROR_NOT_FOUND },
  { CK_ENDPOINT_LOGIN, 406, CK_ERROR_AUTH_FAILED },
  { CK_ENDPOINT_REGION, 406, CK_ERROR_AUTH_FAILED },
  { CK_ENDPOINT_BEARER, 406, CK_ERROR_NOT_SIGNED_IN },
  { CK_ENDPOINT_WS_HANDSHAKE, 406, CK_ERROR_TOKEN_INVALID },
  { CK_ENDPOINT_WS_SESSION, 406, CK_ERROR_SESSION_TAKEN },
  { CK_ENDPOINT_WS_UPDATE, 406, CK_ERROR_SESSION_TAKEN },
  { CK_ENDPOINT_LOGIN, 403, CK_ERROR_APP_DISABLED },
  { CK_ENDPOINT_WS_UPDATE, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_RESET_PASSWORD, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_LOGIN, 301, CK_ERROR_WRONG_REGION },
  { CK_ENDPOINT_SMS, 301, CK_ERROR_WRONG_REGION },
  { CK_ENDPOINT_WS_UPDATE, 400, CK_ERROR_DEVICE_REJECTED },
  { CK_ENDPOINT_BEARER, 400, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_WS_UPDATE, 503, CK_ERROR_DEVICE_OFFLINE },
  { CK_ENDPOINT_STATUS_POST, 503, CK_ERROR_DEVICE_OFFLINE },
  { CK_ENDPOINT_BEARER, 503, CK_ERROR_SERVER },
  { CK_ENDPOINT_WS_UPDATE, 504, CK_ERROR_DEVICE_UNREACHABLE },
  { CK_ENDPOINT_WS_SHARE, 504, CK_ERROR_TIMEOUT },
  { CK_ENDPOINT_SMS, 504, CK_ERROR_SERVER },
  { CK_ENDPOINT_SMS, 160038, CK_ERROR_RATE_LIMITED },
  { CK_ENDPOINT_BEARER, 429, CK_ERROR_RATE_LIMITED },
  { CK_ENDPOINT_REGISTER, 409, CK_ERROR_ALREADY_EXISTS },
  { CK_ENDPOINT_REGISTER, 498, CK_ERROR_WRONG_CODE },
  { CK_ENDPOINT_LOGIN, 500, CK_ERROR_SERVER },
  { CK_ENDPOINT_OTHER, 599, CK_ERROR_SERVER },
  { CK_ENDPOINT_OTHER, 12345, CK_ERROR_FAILED },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = ck_error_from_code (rows[i].endpoint, rows[i].code, NULL);
      g_autofree char *number = g_strdup_printf ("error %d", rows[i].code);

      g_test_message ("endpoint %d code %d", rows[i].endpoint, rows[i].code);
      g_assert_error (error, CK_ERROR, (gint) rows[i].meaning);
      g_assert_nonnull (strstr (error->message, number));
    }
}

/* Spec §8.2.1: the FIELD text of a disabled APPID names it on every REST
 * endpoint, even where 403 alone means "not permitted"; without that text
 * the number keeps its endpoint's meaning. */
static void
test_app_disabled_text (void)
{
  static const CkEndpoint endpoints[] = {
    CK_ENDPOINT_LOGIN, CK_ENDPOINT_REGION, CK_ENDPOINT_RESET_PASSWORD, CK_ENDPOINT_BEARER,
    CK_ENDPOINT_DISPATCH, CK_ENDPOINT_GROUP, CK_ENDPOINT_DEVICE_ADD_GSM, CK_ENDPOINT_STATUS_GET,
  };

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autoptr(GError) error = ck_error_from_code (endpoints[i], 403, "Sign:oauthClient enable invalid");

      g_test_message ("endpoint %d", endpoints[i]);
      g_assert_error (error, CK_ERROR, CK_ERROR_APP_DISABLED);
      g_assert_cmpstr (error->message, ==,
                       "This app id is disabled by the cloud (error 403: Sign:oauthClient enable invalid)");
      g_assert_cmpstr (ck_error_get_cloud_text (error), ==, "Sign:oauthClient enable invalid");
    }

  {
    g_autoptr(GError) reset = ck_error_from_code (CK_ENDPOINT_RESET_PASSWORD, 403, "no permission");
    g_autoptr(GError) bearer = ck_error_from_code (CK_ENDPOINT_BEARER, 403, NULL);
    g_autoptr(GError) gsm = ck_error_from_code (CK_ENDPOINT_DEVICE_ADD_GSM, 403, "not this brand");
    /* The text only counts with its number. */
    g_autoptr(GError) other = ck_error_from_code (CK_ENDPOINT_BEARER, 400, "Sign:oauthClient enable invalid");

    g_assert_error (reset, CK_ERROR, CK_ERROR_NOT_PERMITTED);
    g_assert_error (bearer, CK_ERROR, CK_ERROR_NOT_PERMITTED);
    g_assert_error (gsm, CK_ERROR, CK_ERROR_NOT_PERMITTED);
    g_assert_error (other, CK_ERROR, CK_ERROR_BAD_REQUEST);
  }
}

static void
test_message_format (void)
{
  g_autoptr(GError) error = ck_error_from_code (CK_ENDPOINT_LOGIN, 401, "wrong password");

  g_assert_cmpstr (error->message, ==, "Wrong e-mail/phone or password (error 401: wrong password)");
  g_clear_error (&error);

  error = ck_error_from_code (CK_ENDPOINT_LOGIN, 401, "");
  g_assert_cmpstr (error->message, ==, "Wrong e-mail/phone or password (error 401)");
}

/* A device's refusal keeps its reason: in the message, and apart for front
 * ends; copies keep it too. Without a reason there is none. */
static void
test_device_refusal_reason (void)
{
  g_autoptr(JsonNode) ack = ck_json_parse ("{\"error\":400,\"reason\":\"too many timers\",\"sequence\":\"7\"}",
                                           -1, NULL);
  g_autoptr(JsonNode) bare = ck_json_parse ("{\"error\":400,\"sequence\":\"8\"}", -1, NULL);
  g_autoptr(GError) error = ck_envelope_check (json_node_get_object (ack), CK_ENDPOINT_WS_UPDATE);
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) plain = ck_envelope_check (json_node_get_object (bare), CK_ENDPOINT_WS_UPDATE);
  g_autoptr(GError) local = g_error_new_literal (CK_ERROR, CK_ERROR_TIMEOUT, "No answer");

  g_assert_error (error, CK_ERROR, CK_ERROR_DEVICE_REJECTED);
  g_assert_cmpstr (error->message, ==, "The device refused the command (error 400: too many timers)");
  g_assert_cmpint (ck_error_get_cloud_code (error), ==, 400);
  g_assert_cmpstr (ck_error_get_cloud_text (error), ==, "too many timers");

  copy = g_error_copy (error);
  g_assert_cmpstr (ck_error_get_cloud_text (copy), ==, "too many timers");
  g_assert_cmpint (ck_error_get_cloud_code (copy), ==, 400);

  g_assert_error (plain, CK_ERROR, CK_ERROR_DEVICE_REJECTED);
  g_assert_cmpstr (plain->message, ==, "The device refused the command (error 400)");
  g_assert_null (ck_error_get_cloud_text (plain));
  g_assert_cmpint (ck_error_get_cloud_code (plain), ==, 400);

  g_assert_null (ck_error_get_cloud_text (local));
  g_assert_cmpint (ck_error_get_cloud_code (local), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error/table", test_table);
  g_test_add_func ("/error/message", test_message_format);
  g_test_add_func ("/error/app-disabled-text", test_app_disabled_text);
  g_test_add_func ("/error/device-refusal-reason", test_device_refusal_reason);

  return g_test_run ();
}
