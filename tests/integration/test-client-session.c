/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-client-session"

/* The account around the devices: groups kept in sync with the cloud, and
 * the session kept in the keyring (resumed without a login, cleared on
 * sign-out). The keyring tests need the private D-Bus session with an
 * unlocked gnome-keyring that build-aux/run-tests.sh provides. */

#include "api-test-util.h"

typedef gboolean (*FinishFunc) (gpointer, GAsyncResult *, GError **);

static void
call_ok (gpointer       source,
         GAsyncResult **result,
         FinishFunc     finish)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (finish (source, api_wait_result (result), &error));
  g_assert_no_error (error);
  g_clear_object (result);
}

/* ------------------------------------------------------------------------ */
/* Groups                                                                    */

static CkGroup *
group_at (CkGroupList *groups,
          guint        position)
{
  g_autoptr(CkGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), position);

  g_assert_nonnull (group);
  return group;   /* the list keeps it */
}

static guint
count_devices_in (CkClient   *client,
                  const char *group_id)
{
  GListModel *devices = G_LIST_MODEL (ck_client_get_devices (client));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(CkDevice) device = g_list_model_get_item (devices, i);

      count += ck_device_match_group (device, (gpointer) group_id);
    }
  return count;
}

static gboolean
has_cooking (gpointer groups)
{
  return ck_group_list_find (groups, "Cooking") != NULL;
}

static void
test_groups_sync (ApiFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(CkApi) other_api = NULL;
  g_autoptr(CkClient) other = NULL;
  CkGroupList *groups = ck_client_get_groups (client);
  g_autoptr(CkGroup) kitchen = NULL;
  g_autoptr(CkGroup) garden = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  g_autofree char *kitchen_id = NULL;
  guint before;

  /* Listed on connect. */
  ck_group_list_refresh_async (groups, NULL, api_store_result_cb, &result);
  call_ok (groups, &result, (FinishFunc) ck_group_list_refresh_finish);
  before = g_list_model_get_n_items (G_LIST_MODEL (groups));

  ck_group_list_create_async (groups, "Kitchen", 0, NULL, api_store_result_cb, &result);
  kitchen = ck_group_list_create_finish (groups, api_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  ck_group_list_create_async (groups, "Garden", 0, NULL, api_store_result_cb, &result);
  garden = ck_group_list_create_finish (groups, api_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  kitchen_id = g_strdup (ck_group_get_id (kitchen));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups)), ==, before + 2);
  g_assert_true (group_at (groups, before) == kitchen);
  g_assert_true (group_at (groups, before + 1) == garden);

  /* Rename and reorder: the same objects, the cloud's names and order. */
  ck_group_list_rename_async (groups, kitchen_id, "Cooking", NULL, api_store_result_cb, &result);
  call_ok (groups, &result, (FinishFunc) ck_group_list_rename_finish);
  g_assert_cmpstr (ck_group_get_name (kitchen), ==, "Cooking");
  ck_group_list_reorder_async (groups, ck_group_get_id (garden), ck_group_get_index (kitchen),
                               NULL, api_store_result_cb, &result);
  call_ok (groups, &result, (FinishFunc) ck_group_list_reorder_finish);
  g_assert_cmpint (ck_group_get_index (garden), <, ck_group_get_index (kitchen));
  g_assert_true (group_at (groups, before) == garden);

  /* Assign: the device's groups follow, and a fresh client sees the same. */
  ck_client_move_device_to_group_async (client, live_device (client, KITCHEN_PLUG), NULL, kitchen_id,
                                        CK_GROUP_MOVE_REPLACE_SOURCE, NULL, api_store_result_cb, &result);
  call_ok (client, &result, (FinishFunc) ck_client_move_device_to_group_finish);
  g_assert_true (ck_device_is_in_group (live_device (client, KITCHEN_PLUG), kitchen_id));
  g_assert_cmpuint (count_devices_in (client, kitchen_id), ==, 1);

  /* Another session (the second app pair, so nobody is signed out): the
   * groups are listed on connect. */
  other_api = live_new_api (fixture, CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET, NULL, NULL);
  other = live_new_client (other_api);
  live_connect (other);
  api_wait_until (has_cooking, ck_client_get_groups (other), API_TEST_WAIT_MS);
  g_assert_true (ck_device_is_in_group (live_device (other, KITCHEN_PLUG), kitchen_id));

  /* Remove from the group, then delete it. */
  ck_client_move_device_to_group_async (client, live_device (client, KITCHEN_PLUG), kitchen_id, NULL,
                                        CK_GROUP_MOVE_REPLACE_SOURCE, NULL, api_store_result_cb, &result);
  call_ok (client, &result, (FinishFunc) ck_client_move_device_to_group_finish);
  g_assert_cmpuint (count_devices_in (client, kitchen_id), ==, 0);
  ck_group_list_delete_async (groups, kitchen_id, NULL, api_store_result_cb, &result);
  call_ok (groups, &result, (FinishFunc) ck_group_list_delete_finish);
  g_assert_null (ck_group_list_lookup (groups, kitchen_id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups)), ==, before + 1);
}

/* ------------------------------------------------------------------------ */
/* The session in the keyring                                                */

static CkTokens *
load_stored (CkTokenStore *store)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  CkTokens *tokens;

  ck_token_store_load_async (store, NULL, api_store_result_cb, &result);
  tokens = ck_token_store_load_finish (store, api_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  return tokens;
}

static gboolean
store_is_empty (gpointer store)
{
  g_autoptr(CkTokens) tokens = load_stored (store);

  return tokens == NULL;
}

static gboolean
store_is_filled (gpointer store)
{
  g_autoptr(CkTokens) tokens = load_stored (store);

  return tokens != NULL;
}

static CkClient *
new_stored_client (ApiFixture  *fixture,
                   CkTokenStore *store)
{
  g_autoptr(CkApi) api = ck_api_new (fixture->template, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  CkClient *client;

  ck_api_set_timeout (api, 5);
  client = live_new_client (api);
  ck_client_set_token_store (client, store);
  return client;
}

static void
resume (CkClient *client)
{
  GAsyncResult *result = NULL;

  ck_client_resume_async (client, NULL, api_store_result_cb, &result);
  call_ok (client, &result, (FinishFunc) ck_client_resume_finish);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
}

static void
test_resume_without_login (ApiFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(CkTokenStore) store = ck_token_store_new (fixture->template, CKSIM_EXAMPLE_APP_ID);
  g_autoptr(CkClient) first = new_stored_client (fixture, store);
  g_autoptr(CkClient) restarted = NULL;
  g_autoptr(CkTokens) stored = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  guint logins;

  /* Nothing stored yet: resume says so. */
  ck_client_resume_async (first, NULL, api_store_result_cb, &result);
  g_assert_false (ck_client_resume_finish (first, api_wait_result (&result), &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A login keeps the session in the keyring. */
  ck_client_login_async (first, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, NULL, api_store_result_cb, &result);
  call_ok (first, &result, (FinishFunc) ck_client_login_finish);
  api_wait_until (store_is_filled, store, API_TEST_WAIT_MS);
  stored = load_stored (store);
  g_assert_cmpstr (stored->access_token, ==, ck_api_get_tokens (ck_client_get_api (first))->access_token);
  g_assert_cmpstr (stored->identity, ==, CKSIM_DEMO_EMAIL);
  g_assert_cmpstr (stored->region, ==, CKSIM_DEMO_REGION);
  /* The issue time is kept for the proactive refresh (spec §5 rule 5). */
  g_assert_cmpint (stored->issued_at, ==, ck_api_get_tokens (ck_client_get_api (first))->issued_at);
  g_assert_cmpint (stored->issued_at, >, 0);
  g_clear_object (&first);

  /* "Restart": a fresh client resumes and connects without a login call. */
  logins = cksim_server_get_login_count (fixture->sim);
  restarted = new_stored_client (fixture, store);
  resume (restarted);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);
  g_assert_nonnull (ck_device_list_lookup (ck_client_get_devices (restarted), KITCHEN_PLUG));

  /* Sign-out clears the keyring entry. */
  ck_client_sign_out (restarted);
  api_wait_until (store_is_empty, store, API_TEST_WAIT_MS);
  ck_client_resume_async (restarted, NULL, api_store_result_cb, &result);
  g_assert_false (ck_client_resume_finish (restarted, api_wait_result (&result), &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN);
  g_clear_object (&result);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);
}

/* Two clients on the same stored tokens: the simulator keeps one socket per
 * (user, app id) and closes the older one (spec §8.7.3). The replaced
 * client must not read that as "signed in elsewhere": it reconnects. */
static void
test_same_session_twice (ApiFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr(CkTokenStore) store = ck_token_store_new (fixture->template, CKSIM_EXAMPLE_APP_ID);
  g_autoptr(CkClient) first = new_stored_client (fixture, store);
  g_autoptr(CkClient) second = NULL;
  GAsyncResult *result = NULL;
  guint logins;

  ck_client_login_async (first, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, NULL, api_store_result_cb, &result);
  call_ok (first, &result, (FinishFunc) ck_client_login_finish);
  api_wait_until (store_is_filled, store, API_TEST_WAIT_MS);
  logins = cksim_server_get_login_count (fixture->sim);
  resume (first);

  second = new_stored_client (fixture, store);
  resume (second);
  api_wait_until (live_is_reconnecting, first, API_TEST_WAIT_MS);
  g_assert_cmpint (ck_client_get_state (first), !=, CK_CLIENT_STATE_SESSION_TAKEN);
  api_wait_until (live_is_online, first, API_TEST_WAIT_MS);

  /* Nobody was signed out and nobody logged in again. */
  g_assert_cmpint (ck_client_get_state (first), !=, CK_CLIENT_STATE_SESSION_TAKEN);
  g_assert_cmpint (ck_client_get_state (second), !=, CK_CLIENT_STATE_SESSION_TAKEN);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);

  ck_client_set_token_store (second, NULL);
  ck_client_sign_out (second);
  ck_client_sign_out (first);
  api_wait_until (store_is_empty, store, API_TEST_WAIT_MS);
}

/* Signed out while a refresh was in flight: its late answer must not put
 * the session back into the keyring. */
static void
test_sign_out_during_refresh (ApiFixture    *fixture,
                              gconstpointer  data)
{
  g_autoptr(CkTokenStore) store = ck_token_store_new (fixture->template, CKSIM_EXAMPLE_APP_ID);
  g_autoptr(CkClient) client = new_stored_client (fixture, store);
  CkApi *api = ck_client_get_api (client);
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  ck_client_login_async (client, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, NULL, api_store_result_cb, &result);
  call_ok (client, &result, (FinishFunc) ck_client_login_finish);
  api_wait_until (store_is_filled, store, API_TEST_WAIT_MS);

  ck_api_refresh_async (api, NULL, api_store_result_cb, &result);
  ck_client_sign_out (client);
  tokens = ck_api_refresh_finish (api, api_wait_result (&result), &error);
  g_clear_object (&result);
  g_assert_null (tokens);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  api_wait_until (store_is_empty, store, API_TEST_WAIT_MS);
  api_run_for (200);
  g_assert_true (store_is_empty (store));
  g_assert_null (ck_api_get_tokens (api));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)

  ADD ("/client-session/groups-sync", test_groups_sync);
  ADD ("/client-session/resume-without-login", test_resume_without_login);
  ADD ("/client-session/same-session-twice", test_same_session_twice);
  ADD ("/client-session/sign-out-during-refresh", test_sign_out_during_refresh);

#undef ADD

  return g_test_run ();
}
