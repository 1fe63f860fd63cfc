/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-api-helpers"

#include <string.h>

#include "ck-api.h"

/* Spec §3.11's worked example. */
static void
test_gsm_id (void)
{
  g_autofree char *id = ck_api_compute_gsm_id ("100000788a", "4b21ebbe-8870-4d4a-93f2-7c6cfeff5fea");
  g_autofree char *swapped = ck_api_compute_gsm_id ("4b21ebbe-8870-4d4a-93f2-7c6cfeff5fea", "100000788a");

  g_assert_cmpstr (id, ==, "7681b9f799afe370875aaa605d48973b");
  /* The order matters. */
  g_assert_cmpstr (swapped, !=, id);
}

typedef struct
{
  CkEndpoint endpoint;
  gint       code;
  CkError    meaning;
} Row;

/* The meanings issue 3 added (spec §3, §5, §6). */
static const Row rows[] = {
  { CK_ENDPOINT_SMS, 401, CK_ERROR_USER_NOT_FOUND },
  { CK_ENDPOINT_SMS, 409, CK_ERROR_ALREADY_EXISTS },
  { CK_ENDPOINT_SMS, 160038, CK_ERROR_RATE_LIMITED },
  { CK_ENDPOINT_SMS, 504, CK_ERROR_SERVER },
  { CK_ENDPOINT_SMS, 301, CK_ERROR_WRONG_REGION },
  { CK_ENDPOINT_REGISTER, 401, CK_ERROR_FAILED },
  { CK_ENDPOINT_REGISTER, 409, CK_ERROR_ALREADY_EXISTS },
  { CK_ENDPOINT_REGISTER, 498, CK_ERROR_WRONG_CODE },
  { CK_ENDPOINT_REGISTER, 301, CK_ERROR_WRONG_REGION },
  { CK_ENDPOINT_RESET_PASSWORD, 401, CK_ERROR_AUTH_FAILED },
  { CK_ENDPOINT_RESET_PASSWORD, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_RESET_PASSWORD, 498, CK_ERROR_WRONG_CODE },
  { CK_ENDPOINT_CHANGE_PASSWORD, 401, CK_ERROR_WRONG_PASSWORD },
  { CK_ENDPOINT_CHANGE_PASSWORD, 402, CK_ERROR_TOKEN_EXPIRED },
  { CK_ENDPOINT_REFRESH, 401, CK_ERROR_TOKEN_INVALID },
  { CK_ENDPOINT_REFRESH, 402, CK_ERROR_TOKEN_EXPIRED },
  { CK_ENDPOINT_REGION, 406, CK_ERROR_AUTH_FAILED },
  { CK_ENDPOINT_REGION, 400, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 400, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 401, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 404, CK_ERROR_NOT_FOUND },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 409, CK_ERROR_ALREADY_EXISTS },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 500, CK_ERROR_SERVER },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 502, CK_ERROR_SERVER },
  { CK_ENDPOINT_DEVICE_ADD_GSM, 503, CK_ERROR_SERVER },
  { CK_ENDPOINT_DEVICE_ADD, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_DEVICE_ADD, 404, CK_ERROR_NOT_FOUND },
  { CK_ENDPOINT_DEVICE_ADD, 409, CK_ERROR_ALREADY_EXISTS },
  { CK_ENDPOINT_DEVICE_GET, 404, CK_ERROR_NOT_FOUND },
  { CK_ENDPOINT_DEVICE_GET, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_DEVICE_GET, 401, CK_ERROR_SESSION_TAKEN },
  { CK_ENDPOINT_DEVICE_DELETE, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_DEVICE_DELETE, 404, CK_ERROR_NOT_FOUND },
  { CK_ENDPOINT_DEVICE_RENAME, 400, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_DEVICE_RENAME, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_DEVICE_RENAME, 402, CK_ERROR_TOKEN_EXPIRED },
  { CK_ENDPOINT_TAGS, 400, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_TAGS, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_TAGS, 500, CK_ERROR_SERVER },
  { CK_ENDPOINT_GROUP, 404, CK_ERROR_NOT_FOUND },
  { CK_ENDPOINT_GROUP, 400, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_GROUP, 401, CK_ERROR_SESSION_TAKEN },
  { CK_ENDPOINT_GROUP, 402, CK_ERROR_TOKEN_EXPIRED },
  { CK_ENDPOINT_GROUP, 429, CK_ERROR_RATE_LIMITED },
  { CK_ENDPOINT_STATUS_GET, 400, CK_ERROR_BAD_REQUEST },
  { CK_ENDPOINT_STATUS_GET, 403, CK_ERROR_NOT_PERMITTED },
  { CK_ENDPOINT_STATUS_POST, 503, CK_ERROR_DEVICE_OFFLINE },
  { CK_ENDPOINT_STATUS_POST, 504, CK_ERROR_DEVICE_UNREACHABLE },
  { CK_ENDPOINT_BEARER, 401, CK_ERROR_SESSION_TAKEN },
  { CK_ENDPOINT_BEARER, 406, CK_ERROR_NOT_SIGNED_IN },
};

static void
test_error_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = ck_error_from_code (rows[i].endpoint, rows[i].code, "server text");
      g_autofree char *number = g_strdup_printf ("error %d: server text", rows[i].code);

      g_test_message ("endpoint %d code %d", rows[i].endpoint, rows[i].code);
      g_assert_error (error, CK_ERROR, (gint) rows[i].meaning);
      g_assert_nonnull (strstr (error->message, number));
    }
}

/* Pacing: on for the real cloud, off for loopback, unless forced. */
static void
test_rate_limit_auto (void)
{
  g_autoptr(CkApi) cloud = ck_api_new (NULL, "app", "secret");
  g_autoptr(CkApi) loopback = ck_api_new ("http://127.0.0.1:4321/{region}", "app", "secret");
  g_autoptr(CkApi) loopback6 = ck_api_new ("http://[::1]:4321/{region}", "app", "secret");
  g_autoptr(CkApi) named = ck_api_new ("http://localhost:4321/{region}", "app", "secret");
  g_autoptr(CkApi) lan = ck_api_new ("http://192.168.1.2:4321/{region}", "app", "secret");

  g_assert_cmpint (ck_api_get_rate_limit (cloud), ==, CK_API_RATE_LIMIT_AUTO);
  g_assert_true (ck_api_get_rate_limit_active (cloud));
  g_assert_false (ck_api_get_rate_limit_active (loopback));
  g_assert_false (ck_api_get_rate_limit_active (loopback6));
  g_assert_false (ck_api_get_rate_limit_active (named));
  g_assert_true (ck_api_get_rate_limit_active (lan));

  g_object_set (loopback, "rate-limit", CK_API_RATE_LIMIT_ON, NULL);
  g_assert_true (ck_api_get_rate_limit_active (loopback));
  ck_api_set_rate_limit (cloud, CK_API_RATE_LIMIT_OFF);
  g_assert_false (ck_api_get_rate_limit_active (cloud));

  /* The limiter's intervals are properties (tests shorten them). */
  g_assert_nonnull (ck_api_get_rate_limiter (cloud));
  g_object_set (ck_api_get_rate_limiter (cloud), "min-interval-ms", 50, NULL);
  g_assert_cmpuint (ck_rate_limiter_get_min_interval_ms (ck_api_get_rate_limiter (cloud)), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/gsm-id", test_gsm_id);
  g_test_add_func ("/api/error-table", test_error_table);
  g_test_add_func ("/api/rate-limit-auto", test_rate_limit_auto);

  return g_test_run ();
}
