/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-envelope"

#include <string.h>

#include "ck-envelope.h"

static JsonNode *
parse (guint        status,
       const char  *body,
       CkEndpoint   endpoint,
       JsonObject **error_body,
       GError     **error)
{
  return ck_envelope_parse (status, body, body ? strlen (body) : 0, endpoint, error_body, error);
}

static void
assert_failure (guint       status,
                const char *body,
                CkEndpoint  endpoint,
                CkError     meaning,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (status, body, endpoint, NULL, &error);

  g_assert_null (node);
  g_assert_error (error, CK_ERROR, (gint) meaning);
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_success_error_zero (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (200, "{\"error\":0,\"devicelist\":[]}", CK_ENDPOINT_BEARER, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_true (json_object_has_member (json_node_get_object (node), "devicelist"));
}

static void
test_success_bare_payload (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) login = parse (200, "{\"at\":\"a\",\"rt\":\"r\",\"user\":{\"apikey\":\"k\"},\"region\":\"eu\"}",
                                     CK_ENDPOINT_LOGIN, NULL, &error);
  g_autoptr(JsonNode) message = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (login), "at"), ==, "a");

  message = parse (200, "{\"message\":\"Change password is success!\"}", CK_ENDPOINT_CHANGE_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (message);
}

static void
test_success_bare_array (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (200, "[{\"deviceid\":\"1000000001\"}]", CK_ENDPOINT_BEARER, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
}

static void
test_numeric_error (void)
{
  assert_failure (200, "{\"error\":401}", CK_ENDPOINT_LOGIN, CK_ERROR_WRONG_PASSWORD, "error 401");
  assert_failure (200, "{\"error\":404,\"msg\":\"user is not exit\"}", CK_ENDPOINT_LOGIN,
                  CK_ERROR_USER_NOT_FOUND, "error 404: user is not exit");
  assert_failure (200, "{\"error\":400,\"msg\":\"params incomplete\"}", CK_ENDPOINT_BEARER,
                  CK_ERROR_BAD_REQUEST, "params incomplete");
  assert_failure (200, "{\"error\":402}", CK_ENDPOINT_BEARER, CK_ERROR_TOKEN_EXPIRED, NULL);
}

static void
test_nested_msg (void)
{
  const char *body = "{\"error\":406,\"msg\":\"{\\\"error\\\":401,\\\"msg\\\":\\\"Bearer:accessToken is empty\\\"}\"}";

  /* The outer number decides; the nested JSON stays text in the message. */
  assert_failure (200, body, CK_ENDPOINT_BEARER, CK_ERROR_NOT_SIGNED_IN,
                  "{\"error\":401,\"msg\":\"Bearer:accessToken is empty\"}");
}

static void
test_code_with_string_error (void)
{
  assert_failure (200, "{\"code\":404,\"error\":\"fd data is null\"}", CK_ENDPOINT_DEVICE_ADD_GSM,
                  CK_ERROR_NOT_FOUND, "error 404: fd data is null");
  assert_failure (200, "{\"code\":400,\"error\":\"params is incomplete\"}", CK_ENDPOINT_BEARER,
                  CK_ERROR_BAD_REQUEST, "params is incomplete");
}

static void
test_code_zero_is_success (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (200, "{\"code\":0,\"deviceid\":\"1\"}", CK_ENDPOINT_BEARER, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
}

static void
test_wrong_region_keeps_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) node = parse (200, "{\"error\":301,\"region\":\"us\"}", CK_ENDPOINT_LOGIN, &body, &error);

  g_assert_null (node);
  g_assert_error (error, CK_ERROR, CK_ERROR_WRONG_REGION);
  g_assert_nonnull (body);
  g_assert_cmpstr (json_object_get_string_member (body, "region"), ==, "us");
}

static void
test_errmsg (void)
{
  assert_failure (200, "{\"error\":400,\"errmsg\":\"device does not exist\"}", CK_ENDPOINT_STATUS_GET,
                  CK_ERROR_BAD_REQUEST, "device does not exist");
}

static void
test_http_status (void)
{
  /* Non-2xx wins over the body; the body still gives the text. */
  assert_failure (500, "", CK_ENDPOINT_STATUS_POST, CK_ERROR_SERVER, "error 500");
  assert_failure (500, "<html>oops</html>", CK_ENDPOINT_STATUS_POST, CK_ERROR_SERVER, "error 500");
  assert_failure (404, "{\"error\":404,\"msg\":\"interface not found\"}", CK_ENDPOINT_BEARER,
                  CK_ERROR_NOT_FOUND, "interface not found");
  assert_failure (503, "{\"error\":0}", CK_ENDPOINT_STATUS_POST, CK_ERROR_DEVICE_OFFLINE, "error 503");
}

static void
test_malformed (void)
{
  assert_failure (200, "{\"error\":0,", CK_ENDPOINT_BEARER, CK_ERROR_INVALID_RESPONSE, NULL);
  assert_failure (200, "", CK_ENDPOINT_BEARER, CK_ERROR_INVALID_RESPONSE, NULL);
  assert_failure (200, "not json", CK_ENDPOINT_LOGIN, CK_ERROR_INVALID_RESPONSE, NULL);
  assert_failure (200, "42", CK_ENDPOINT_LOGIN, CK_ERROR_INVALID_RESPONSE, NULL);
  assert_failure (200, "\"text\"", CK_ENDPOINT_LOGIN, CK_ERROR_INVALID_RESPONSE, NULL);
  assert_failure (200, "\xff\xfe{}", CK_ENDPOINT_LOGIN, CK_ERROR_INVALID_RESPONSE, NULL);

  /* Odd member types never crash: a string error without code is a payload. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = parse (200, "{\"error\":\"x\",\"msg\":5}", CK_ENDPOINT_BEARER, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (node);
  }
  assert_failure (200, "{\"error\":403,\"msg\":{\"nested\":true}}", CK_ENDPOINT_BEARER,
                  CK_ERROR_NOT_PERMITTED, "error 403");
}

static void
test_check (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, "{\"error\":503,\"deviceid\":\"1\",\"sequence\":\"1\"}", -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  error = ck_envelope_check (object, CK_ENDPOINT_WS_UPDATE);
  g_assert_error (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/envelope/success/error-zero", test_success_error_zero);
  g_test_add_func ("/envelope/success/bare-payload", test_success_bare_payload);
  g_test_add_func ("/envelope/success/bare-array", test_success_bare_array);
  g_test_add_func ("/envelope/success/code-zero", test_code_zero_is_success);
  g_test_add_func ("/envelope/failure/numeric-error", test_numeric_error);
  g_test_add_func ("/envelope/failure/nested-msg", test_nested_msg);
  g_test_add_func ("/envelope/failure/code-and-string-error", test_code_with_string_error);
  g_test_add_func ("/envelope/failure/wrong-region-body", test_wrong_region_keeps_body);
  g_test_add_func ("/envelope/failure/errmsg", test_errmsg);
  g_test_add_func ("/envelope/failure/http-status", test_http_status);
  g_test_add_func ("/envelope/failure/malformed", test_malformed);
  g_test_add_func ("/envelope/check", test_check);

  return g_test_run ();
}
