/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-token-store"

/* Needs a Secret Service: run under dbus-run-session with an unlocked
 * gnome-keyring, as build-aux/run-tests.sh does. */

#include <string.h>

#include "ck-error.h"
#include "ck-token-store.h"

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  return *slot;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_session_round_trip (void)
{
  g_autoptr(CkTokenStore) store = ck_token_store_new ("http://127.0.0.1:1/{region}", "test-app-id");
  g_autoptr(CkTokenStore) other = ck_token_store_new ("http://127.0.0.1:2/{region}", "test-app-id");
  g_autoptr(CkTokens) tokens = ck_tokens_new ("0123456789012345678901234567890123456789",
                                              "abcdefabcdefabcdefabcdefabcdefabcdefabcd",
                                              "11111111-2222-3333-4444-555555555555", "eu",
                                              "someone@example.com");
  g_autoptr(CkTokens) loaded = NULL;
  g_autoptr(CkTokens) missing = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  tokens->issued_at = G_GINT64_CONSTANT (1767225600123);
  ck_token_store_save_async (store, tokens, NULL, store_result_cb, &result);
  g_assert_true (ck_token_store_save_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  ck_token_store_load_async (store, NULL, store_result_cb, &result);
  loaded = ck_token_store_load_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->access_token, ==, tokens->access_token);
  g_assert_cmpstr (loaded->refresh_token, ==, tokens->refresh_token);
  g_assert_cmpstr (loaded->apikey, ==, tokens->apikey);
  g_assert_cmpstr (loaded->region, ==, "eu");
  g_assert_cmpstr (loaded->identity, ==, "someone@example.com");
  g_assert_cmpint (loaded->issued_at, ==, tokens->issued_at);

  /* Another server is another session. */
  ck_token_store_load_async (other, NULL, store_result_cb, &result);
  missing = ck_token_store_load_finish (other, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_null (missing);

  ck_token_store_clear_async (store, NULL, store_result_cb, &result);
  g_assert_true (ck_token_store_clear_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_clear_pointer (&loaded, ck_tokens_free);
  ck_token_store_load_async (store, NULL, store_result_cb, &result);
  loaded = ck_token_store_load_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_null (loaded);
}

static void
test_app_secret (void)
{
  g_autoptr(CkTokenStore) store = ck_token_store_new ("http://127.0.0.1:1/{region}", "test-app-id-2");
  g_autoptr(CkTokenStore) same_app = ck_token_store_new ("https://{region}-api.example.org", "test-app-id-2");
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  GAsyncResult *result = NULL;

  ck_token_store_save_secret_async (store, "not-a-real-secret-0123456789abcd", NULL, store_result_cb, &result);
  g_assert_true (ck_token_store_save_secret_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The app secret belongs to the app id, whatever the server. */
  ck_token_store_load_secret_async (same_app, NULL, store_result_cb, &result);
  secret = ck_token_store_load_secret_finish (same_app, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (secret, ==, "not-a-real-secret-0123456789abcd");
}

static void
test_tokens_json (void)
{
  g_autoptr(CkTokens) tokens = ck_tokens_new ("at", "rt", "key", "us", "+15551234567");
  g_autofree char *json = ck_tokens_to_json (tokens);
  g_autoptr(CkTokens) back = ck_tokens_new_from_json (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) broken = ck_tokens_new_from_json ("{\"at\":5}", &error);

  g_assert_nonnull (back);
  g_assert_cmpstr (back->identity, ==, "+15551234567");
  g_assert_cmpstr (back->region, ==, "us");
  g_assert_null (broken);
  g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
  /* Unknown issue time: not written, read back as unknown. */
  g_assert_cmpint (back->issued_at, ==, 0);
  g_assert_null (strstr (json, "issuedAt"));
}

/* The issue time (spec §5 rule 5) travels with the tokens; stored entries
 * from before it existed, or with nonsense in it, read as "unknown". */
static void
test_tokens_issued_at (void)
{
  static const struct
  {
    const char *json;
    gint64      issued_at;
  } cases[] = {
    { "{\"at\":\"a\",\"apikey\":\"k\"}", 0 },
    { "{\"at\":\"a\",\"apikey\":\"k\",\"issuedAt\":1767225600123}", 1767225600123 },
    { "{\"at\":\"a\",\"apikey\":\"k\",\"issuedAt\":\"1767225600123\"}", 0 },
    { "{\"at\":\"a\",\"apikey\":\"k\",\"issuedAt\":-5}", 0 },
    { "{\"at\":\"a\",\"apikey\":\"k\",\"issuedAt\":null}", 0 },
    { "{\"at\":\"a\",\"apikey\":\"k\",\"issuedAt\":[1]}", 0 },
    { "{\"at\":\"a\",\"apikey\":\"k\",\"issuedAt\":1e300}", 0 },
  };
  g_autoptr(CkTokens) tokens = ck_tokens_new ("at", "rt", "key", "eu", "a@example.com");
  g_autoptr(CkTokens) copy = NULL;
  g_autoptr(CkTokens) back = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CkTokens) loaded = ck_tokens_new_from_json (cases[i].json, NULL);

      g_test_message ("%s", cases[i].json);
      g_assert_nonnull (loaded);
      g_assert_cmpint (loaded->issued_at, ==, cases[i].issued_at);
    }

  g_assert_cmpint (ck_tokens_get_age (tokens, 5000), ==, -1);
  tokens->issued_at = 1000;
  g_assert_cmpint (ck_tokens_get_age (tokens, 5000), ==, 4000);
  /* A clock set back is "just issued", never a negative age. */
  g_assert_cmpint (ck_tokens_get_age (tokens, 10), ==, 0);

  copy = ck_tokens_copy (tokens);
  g_assert_cmpint (copy->issued_at, ==, 1000);
  json = ck_tokens_to_json (tokens);
  back = ck_tokens_new_from_json (json, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (back->issued_at, ==, 1000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token-store/tokens-json", test_tokens_json);
  g_test_add_func ("/token-store/tokens-issued-at", test_tokens_issued_at);
  g_test_add_func ("/token-store/session", test_session_round_trip);
  g_test_add_func ("/token-store/app-secret", test_app_secret);

  return g_test_run ();
}
