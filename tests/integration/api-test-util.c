/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "api-test-util"

#include "api-test-util.h"

static void
tokens_changed_cb (CkApi      *api,
                   ApiFixture *fixture)
{
  fixture->tokens_changed++;
}

CkApi *
api_fixture_new_api (ApiFixture *fixture)
{
  CkApi *api = ck_api_new (fixture->template, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);

  ck_api_set_timeout (api, 5);
  ck_api_set_region (api, CKSIM_DEMO_REGION);
  return api;
}

void
api_fixture_set_up (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = cksim_server_new (FALSE, TRUE);
  cksim_server_load_demo (fixture->sim);
  g_assert_true (cksim_server_listen (fixture->sim, 0, &error));
  g_assert_no_error (error);
  fixture->template = cksim_server_get_template (fixture->sim);
  fixture->api = api_fixture_new_api (fixture);
  fixture->tokens_changed = 0;
  g_signal_connect (fixture->api, "tokens-changed", G_CALLBACK (tokens_changed_cb), fixture);
}

void
api_fixture_tear_down (ApiFixture    *fixture,
                       gconstpointer  data)
{
  g_clear_object (&fixture->api);
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->template, g_free);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
api_wait_until (ApiCondition condition,
                gpointer     data,
                guint        timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_source_remove (wake);
          g_error ("Timed out after %u ms", timeout_ms);
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

void
api_store_result_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

GAsyncResult *
api_wait_result (GAsyncResult **slot)
{
  api_wait_until (pointer_set, slot, API_TEST_WAIT_MS);
  return *slot;
}

void
api_sign_in (CkApi      *api,
             const char *email,
             const char *password)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = NULL;

  ck_api_login_async (api, email, password, NULL, api_store_result_cb, &result);
  tokens = ck_api_login_finish (api, api_wait_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);
}

char *
api_sim_code (ApiFixture *fixture,
              const char *identity)
{
  return g_strdup (cksim_server_get_code (fixture->sim, identity));
}
