/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-request"

#include <string.h>

#include "ck-api.h"
#include "ck-request.h"
#include "ck-sign.h"

#define APP_ID     "McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr"
#define APP_SECRET "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c"
#define NONCE      "a1b2c3d4"
#define TS         1600000000

static void
assert_body (GBytes     *body,
             const char *expected,
             gsize       expected_len,
             const char *expected_signature)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (body, &len);
  g_autofree char *signature = NULL;

  g_assert_cmpuint (len, ==, expected_len);
  g_assert_cmpmem (data, len, expected, strlen (expected));

  signature = ck_sign (APP_SECRET, data, len);
  g_assert_cmpstr (signature, ==, expected_signature);
}

/* Appendix C: the login body, built the way CkApi builds it. */
static void
test_login_body (void)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(GBytes) body = NULL;

  ck_request_add_identity (params, "demo@example.com");
  json_object_set_string_member (params, "password", "12345678");
  body = ck_request_build_body (params, APP_ID, NONCE, TS);

  assert_body (body,
               "{\"appid\":\"McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr\",\"email\":\"demo@example.com\",\"nonce\":\"a1b2c3d4\",\"password\":\"12345678\",\"ts\":1600000000,\"version\":8}",
               140, "HPRPtncyM2KxDVGGYPXtwCEd0RKRmTRC8jraNgjD9zM=");
}

/* Appendix C: non-ASCII stays raw UTF-8 in the signed and sent bytes. */
static void
test_login_body_non_ascii (void)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(GBytes) body = NULL;

  ck_request_add_identity (params, "demo@example.com");
  json_object_set_string_member (params, "password", "p\xc3\xa4ssw\xc3\xb6rd");
  body = ck_request_build_body (params, APP_ID, NONCE, TS);

  assert_body (body,
               "{\"appid\":\"McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr\",\"email\":\"demo@example.com\",\"nonce\":\"a1b2c3d4\",\"password\":\"p\xc3\xa4ssw\xc3\xb6rd\",\"ts\":1600000000,\"version\":8}",
               142, "UIoqLtseEWqmxLc7DBYOSvWOXHhVDrCWz4PN00oebgk=");
}

static void
test_sms_body (void)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(GBytes) body = NULL;

  json_object_set_string_member (params, "sendType", "0");
  ck_request_add_identity (params, "demo@example.com");
  body = ck_request_build_body (params, APP_ID, NONCE, TS);

  assert_body (body,
               "{\"appid\":\"McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr\",\"email\":\"demo@example.com\",\"nonce\":\"a1b2c3d4\",\"sendType\":\"0\",\"ts\":1600000000,\"version\":8}",
               133, "dggBrIeZwOCZ4qrAQvmdTxyEcNyaamZ2whND2l481dg=");
}

static void
assert_query (JsonObject *params,
              const char *expected,
              gsize       expected_len,
              const char *expected_signature)
{
  g_autofree char *query = ck_request_build_query (params, APP_ID, NONCE, TS);
  g_autofree char *signature = NULL;

  g_assert_cmpstr (query, ==, expected);
  g_assert_cmpuint (strlen (query), ==, expected_len);
  signature = ck_sign (APP_SECRET, (const guint8 *) query, strlen (query));
  g_assert_cmpstr (signature, ==, expected_signature);
}

static void
test_region_query (void)
{
  g_autoptr(JsonObject) params = json_object_new ();

  json_object_set_string_member (params, "country_code", "44");
  assert_query (params,
                "appid=McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr&country_code=44&nonce=a1b2c3d4&ts=1600000000&version=8",
                93, "q4OR3tR+3yIbU+ATX9zF+mHhY+XXPk9EoD17x/Ma2n0=");
}

static void
test_refresh_query (void)
{
  g_autoptr(JsonObject) params = json_object_new ();

  /* Inserted out of order on purpose: the builder sorts. */
  json_object_set_string_member (params, "rt", "0123456789abcdef0123456789abcdef01234567");
  json_object_set_string_member (params, "grantType", "refresh");
  assert_query (params,
                "appid=McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr&grantType=refresh&nonce=a1b2c3d4&rt=0123456789abcdef0123456789abcdef01234567&ts=1600000000&version=8",
                139, "aPuVr3sjLmHGLjVIxDtwhVp7qenvNcdU/k4B2z+rs3k=");
}

static void
test_device_list_query (void)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autofree char *query = NULL;

  json_object_set_string_member (params, "lang", "en");
  json_object_set_int_member (params, "getTags", 1);
  query = ck_request_build_query (params, APP_ID, NONCE, TS);
  g_assert_cmpstr (query, ==,
                   "appid=McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr&getTags=1&lang=en&nonce=a1b2c3d4&ts=1600000000&version=8");
}

static void
test_identity (void)
{
  g_autoptr(JsonObject) phone = json_object_new ();
  g_autoptr(JsonObject) email = json_object_new ();

  ck_request_add_identity (phone, "+8613123456789");
  g_assert_cmpstr (json_object_get_string_member (phone, "phoneNumber"), ==, "+8613123456789");
  g_assert_false (json_object_has_member (phone, "email"));

  ck_request_add_identity (email, "someone@example.com");
  g_assert_cmpstr (json_object_get_string_member (email, "email"), ==, "someone@example.com");
  g_assert_false (json_object_has_member (email, "phoneNumber"));
}

/* Each request gets its own params: the caller's object is not modified. */
static void
test_params_untouched (void)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(GBytes) body = NULL;

  json_object_set_string_member (params, "accept", "ws");
  body = ck_request_build_body (params, APP_ID, NONCE, TS);
  g_assert_cmpuint (json_object_get_size (params), ==, 1);
  g_assert_nonnull (body);
}

static void
test_template (void)
{
  g_autofree char *eu = ck_api_expand_template (CK_API_DEFAULT_SERVER_TEMPLATE, "eu");
  g_autofree char *cn = ck_api_expand_template (CK_API_DEFAULT_SERVER_TEMPLATE, "cn");
  g_autofree char *sim = ck_api_expand_template ("http://127.0.0.1:4321/{region}", "us");
  g_autofree char *sim_cn = ck_api_expand_template ("http://127.0.0.1:4321/{region}", "cn");
  g_autofree char *lookup_default = ck_api_lookup_base_url (CK_API_DEFAULT_SERVER_TEMPLATE);
  g_autofree char *lookup_sim = ck_api_lookup_base_url ("https://127.0.0.1:4321/{region}");
  g_autofree char *lookup_host = ck_api_lookup_base_url ("https://{region}-api.example.org:8080");

  g_assert_cmpstr (eu, ==, "https://eu-api.coolkit.cc:8080");
  g_assert_cmpstr (cn, ==, "https://cn-api.coolkit.cn:8080");
  g_assert_cmpstr (sim, ==, "http://127.0.0.1:4321/us");
  /* The .cn mapping belongs to the real cloud only. */
  g_assert_cmpstr (sim_cn, ==, "http://127.0.0.1:4321/cn");
  g_assert_cmpstr (lookup_default, ==, "https://api.coolkit.cc:8080");
  g_assert_cmpstr (lookup_sim, ==, "https://127.0.0.1:4321");
  g_assert_cmpstr (lookup_host, ==, "https://api.example.org:8080");

  g_assert_true (ck_api_region_is_valid ("as"));
  g_assert_false (ck_api_region_is_valid ("fr"));
  g_assert_false (ck_api_region_is_valid (NULL));
}

static void
test_api_base_url (void)
{
  g_autoptr(CkApi) api = ck_api_new ("http://127.0.0.1:9/{region}", APP_ID, APP_SECRET);
  g_autofree char *current = NULL;
  g_autofree char *other = NULL;

  g_assert_cmpstr (ck_api_get_region (api), ==, "eu");
  ck_api_set_region (api, "as");
  current = ck_api_build_base_url (api, NULL);
  other = ck_api_build_base_url (api, "us");
  g_assert_cmpstr (current, ==, "http://127.0.0.1:9/as");
  g_assert_cmpstr (other, ==, "http://127.0.0.1:9/us");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/request/body/login", test_login_body);
  g_test_add_func ("/request/body/login-non-ascii", test_login_body_non_ascii);
  g_test_add_func ("/request/body/sms", test_sms_body);
  g_test_add_func ("/request/body/params-untouched", test_params_untouched);
  g_test_add_func ("/request/query/region", test_region_query);
  g_test_add_func ("/request/query/refresh", test_refresh_query);
  g_test_add_func ("/request/query/device-list", test_device_list_query);
  g_test_add_func ("/request/identity", test_identity);
  g_test_add_func ("/request/template", test_template);
  g_test_add_func ("/request/api-base-url", test_api_base_url);

  return g_test_run ();
}
