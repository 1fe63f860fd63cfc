/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-limits"

#include <ck-sign.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sim-test-util.h"

/* Cross-cutting rules: the strict checks of spec §8.2–8.4 on every new
 * endpoint, --rate-limit (§1.5) and --state surviving a restart. */

#define HALL "1000a1b203"

typedef enum
{
  COMMON_OK,
  COMMON_NO_APPID,
  COMMON_NO_NONCE,
  COMMON_NO_TS,
  COMMON_NO_VERSION,
  COMMON_STALE_TS,
  COMMON_BAD_NONCE,
  N_COMMON
} Common;

/* name=value in a query, "name":value in a body (@text: a JSON string). */
static char *
member (gboolean    query,
        const char *name,
        const char *value,
        gboolean    text)
{
  if (query)
    return g_strdup_printf ("%s=%s", name, value);
  return g_strdup_printf (text ? "\"%s\":\"%s\"" : "\"%s\":%s", name, value);
}

/* The common parameters of spec §2.1, one of them broken by @which. */
static char *
common (SimFixture *f,
        Common      which,
        gboolean    query)
{
  g_autofree char *nonce = ck_nonce_new ();
  g_autofree char *ts = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         cksim_server_get_time (f->server) - (which == COMMON_STALE_TS ? 301 : 0));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (which != COMMON_NO_APPID)
    g_ptr_array_add (parts, member (query, "appid", CKSIM_EXAMPLE_APP_ID, TRUE));
  if (which != COMMON_NO_NONCE)
    g_ptr_array_add (parts, member (query, "nonce", which == COMMON_BAD_NONCE ? "a1-b2c3d" : nonce, TRUE));
  if (which != COMMON_NO_TS)
    g_ptr_array_add (parts, member (query, "ts", ts, FALSE));
  if (which != COMMON_NO_VERSION)
    g_ptr_array_add (parts, member (query, "version", "8", FALSE));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (query ? "&" : ",", (char **) parts->pdata);
}

typedef struct
{
  const char *method;
  const char *path;
  const char *params;  /* JSON members (POST/PUT) or a query (GET/DELETE); APIKEY: the caller's */
} Endpoint;

static const Endpoint bearer_endpoints[] = {
  { "POST", "/eu/api/user/password", "\"oldPassword\":\"x\",\"newPassword\":\"y\"" },
  { "GET", "/eu/api/user/device/" HALL, "deviceid=" HALL },
  { "POST", "/eu/api/user/device/" HALL, "\"name\":\"N\",\"group\":\"\"" },
  { "DELETE", "/eu/api/user/device/" HALL, "deviceid=" HALL },
  { "POST", "/eu/api/user/device/add", "\"deviceid\":\"1000f00001\",\"apikey\":\"k\",\"name\":\"N\"" },
  { "POST", "/eu/api/user/device/addGsm", "\"id\":\"x\",\"name\":\"N\"" },
  { "POST", "/eu/api/user/tags", "\"deviceid\":\"" HALL "\",\"key\":\"ck_channel_name\",\"value\":{}" },
  { "POST", "/eu/api/group", "\"name\":\"G\",\"index\":0,\"groupType\":0,\"apikey\":\"APIKEY\"" },
  { "PUT", "/eu/api/group", "\"id\":\"x\",\"name\":\"G\",\"groupType\":0,\"apikey\":\"APIKEY\"" },
  { "DELETE", "/eu/api/group", "id=x&type=0&apikey=APIKEY" },
  { "GET", "/eu/api/group", "groupType=0&apikey=APIKEY" },
  { "POST", "/eu/api/group/addDevice", "\"deviceinfos\":[],\"groupType\":0,\"apikey\":\"APIKEY\"" },
  { "GET", "/eu/api/user/device/status", "deviceid=" HALL },
  { "POST", "/eu/api/user/device/status", "\"deviceid\":\"" HALL "\",\"params\":{}" },
};

static JsonObject *
call_bearer (SimFixture     *f,
             const Endpoint *e,
             const char     *authorization,
             Common          which)
{
  gboolean query = g_str_equal (e->method, "GET") || g_str_equal (e->method, "DELETE");
  g_auto(GStrv) pieces = g_strsplit (e->params, "APIKEY", -1);
  g_autofree char *params = g_strjoinv (f->apikey, pieces);
  g_autofree char *commons = common (f, which, query);
  g_autofree char *target = NULL;
  g_autofree char *body = NULL;

  if (query)
    target = g_strdup_printf ("%s?%s&%s", e->path, params, commons);
  else
    {
      target = g_strdup (e->path);
      body = g_strdup_printf ("{%s,%s}", params, commons);
    }
  return sim_http (f, e->method, target, body, body != NULL ? "application/json" : NULL, authorization, NULL);
}

/* Every Bearer endpoint rejects broken common params (400), a missing or
 * empty Bearer (406), a superseded at (401) and an expired one (402). */
static void
test_strict_bearer (SimFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *first = sim_login_demo (f);
  g_autofree char *second = sim_login_demo (f);
  g_autofree char *first_auth = g_strconcat ("Bearer ", first, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", second, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bearer_endpoints); i++)
    {
      const Endpoint *e = &bearer_endpoints[i];
      g_autoptr(JsonObject) reply = NULL;

      g_test_message ("%s %s", e->method, e->path);
      for (Common which = COMMON_NO_APPID; which < N_COMMON; which++)
        {
          sim_assert_error (call_bearer (f, e, auth, which), 400);
        }
      reply = call_bearer (f, e, NULL, COMMON_OK);
      g_assert_cmpint (sim_error_code (reply), ==, 406);
      g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==,
                       "{\"error\":401,\"msg\":\"Bearer:accessToken is empty\"}");
      g_clear_pointer (&reply, json_object_unref);
      sim_assert_error (call_bearer (f, e, "Sign 1zMaXhUQsSORdLo3mfA5igVSbrlkdDIStLtInz5Bjeg=",
                                     COMMON_OK), 406);
      /* Superseded by the second login. */
      reply = call_bearer (f, e, first_auth, COMMON_OK);
      g_assert_cmpint (sim_error_code (reply), ==, 401);
    }

  /* Expired: 402 everywhere. */
  cksim_server_advance_clock (f->server, 31 * 24 * 3600);
  for (guint i = 0; i < G_N_ELEMENTS (bearer_endpoints); i++)
    {
      g_autoptr(JsonObject) reply = call_bearer (f, &bearer_endpoints[i], auth, COMMON_OK);

      g_assert_cmpint (sim_error_code (reply), ==, 402);
    }
}

/* The Sign endpoints: wrong signature, re-serialised body, replayed
 * nonce: 406; stale ts, malformed nonce, missing nonce/ts/version: 400;
 * missing appid: 406 (no secret to check against). */
static void
test_strict_sign (SimFixture    *f,
                  gconstpointer  data)
{
  static const char * const paths[] = { "/eu/api/sms", "/eu/api/user/register", "/eu/api/user/password/reset" };
  static const char * const fields[] = {
    "\"email\":\"x@relay.example\",\"sendType\":\"0\"",
    "\"email\":\"x@relay.example\",\"verificationCode\":\"1234\",\"password\":\"password-1\"",
    "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"verificationCode\":\"1234\",\"password\":\"password-1\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *commons = common (f, COMMON_OK, FALSE);
      g_autofree char *body = g_strdup_printf ("{%s,%s}", fields[i], commons);
      g_autofree char *spaced = NULL;
      g_autoptr(JsonObject) reply = NULL;
      g_autoptr(JsonNode) node = json_from_string (body, NULL);
      g_autofree char *auth = sim_sign (CKSIM_EXAMPLE_APP_SECRET, body);

      g_test_message ("POST %s", paths[i]);
      sim_assert_error (sim_post_signed (f, paths[i], body, CKSIM_EXAMPLE2_APP_SECRET, NULL), 406);
      /* Signed over one serialisation, sent as another. */
      spaced = json_to_string (node, TRUE);
      sim_assert_error (sim_http (f, "POST", paths[i], spaced, "application/json", auth, NULL), 406);
      /* Accepted once (whatever the business answer), then a replay. */
      reply = sim_post_signed (f, paths[i], body, CKSIM_EXAMPLE_APP_SECRET, NULL);
      g_assert_cmpint (sim_error_code (reply), !=, 406);
      g_clear_pointer (&reply, json_object_unref);
      sim_assert_error (sim_post_signed (f, paths[i], body, CKSIM_EXAMPLE_APP_SECRET, NULL), 406);

      for (Common which = COMMON_NO_APPID; which < N_COMMON; which++)
        {
          g_autofree char *broken = common (f, which, FALSE);
          g_autofree char *broken_body = g_strdup_printf ("{%s,%s}", fields[i], broken);

          sim_assert_error (sim_post_signed (f, paths[i], broken_body, CKSIM_EXAMPLE_APP_SECRET, NULL),
                                             which == COMMON_NO_APPID ? 406 : 400);
        }
    }
}

static gint64
region_call (SimFixture *f)
{
  g_autoptr(JsonObject) reply = sim_sign_get (f, "/api/user/region", "country_code=44");

  return sim_error_code (reply);
}

static void
test_rate_limit (SimFixture    *f,
                 gconstpointer  data)
{
  g_autofree char *at = sim_login_demo (f);
  g_autoptr(JsonObject) reply = NULL;
  gboolean on = TRUE;
  guint accepted = 0;

  /* Off by default. */
  g_object_get (f->server, "rate-limit", &on, NULL);
  g_assert_false (on);
  g_assert_cmpint (region_call (f), ==, 0);
  g_assert_cmpint (region_call (f), ==, 0);

  g_object_set (f->server, "rate-limit", TRUE, NULL);
  g_assert_cmpint (region_call (f), ==, 0);
  /* At least 500 ms between two calls of one endpoint from one IP. */
  reply = sim_sign_get (f, "/api/user/region", "country_code=44");
  g_assert_cmpint (sim_error_code (reply), ==, 429);
  g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==, "too many requests");
  g_clear_pointer (&reply, json_object_unref);
  /* Per endpoint: another one is not affected. */
  sim_assert_error (sim_device_list (f, CKSIM_EXAMPLE_APP_ID, at, NULL), 0);

  /* At most 300 per 5 minutes, on the simulator's clock. */
  accepted = 1;
  for (guint i = 0; i < 299; i++)
    {
      sim_assert_error (sim_control (f, "POST", "/_sim/clock/advance", "{\"ms\":500}"), 0);
      if (region_call (f) == 0)
        accepted++;
    }
  g_assert_cmpuint (accepted, ==, 300);
  reply = sim_control (f, "POST", "/_sim/clock/advance", "{\"ms\":500}");
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpint (region_call (f), ==, 429);
  cksim_server_advance_clock (f->server, 300);
  g_assert_cmpint (region_call (f), ==, 0);

  /* Off again: no limit. */
  g_object_set (f->server, "rate-limit", FALSE, NULL);
  g_assert_cmpint (region_call (f), ==, 0);
}

/* A server on @path, listening, as the fixture's. */
static void
start_with_state (SimFixture *f,
                  const char *path)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->server);
  g_clear_pointer (&f->url, g_free);
  f->server = g_object_new (CKSIM_TYPE_SERVER, "control", TRUE, "state-file", path, NULL);
  cksim_server_load_demo (f->server);
  g_assert_true (cksim_server_listen (f->server, 0, &error));
  g_assert_no_error (error);
  f->url = cksim_server_get_url (f->server);
}

static void
test_state_restart (SimFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("relay-sim-state-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *at = NULL;
  g_autofree char *new_at = NULL;
  g_autofree char *owner_apikey = NULL;
  g_autofree char *code = NULL;
  g_autofree char *group_id = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) device = NULL;
  g_autoptr(JsonObject) login = NULL;
  g_autofree char *login_body = NULL;
  GStatBuf st;
  JsonArray *groups;

  g_assert_nonnull (dir);
  start_with_state (f, path);

  /* Everything new: a user, a device added, renamed, named channels,
   * grouped; a device deleted; an account flagged; the clock moved. */
  at = sim_login_demo (f);
  owner_apikey = g_strdup (f->apikey);
  reply = sim_sign_post (f, "/eu/api/sms", "\"email\":\"kept@relay.example\",\"sendType\":\"0\"");
  g_clear_pointer (&reply, json_object_unref);
  code = sim_code_for (f, "kept@relay.example");
  fields = g_strdup_printf ("\"email\":\"kept@relay.example\",\"verificationCode\":\"%s\",\"password\":\"password-1\"",
                            code);
  reply = sim_sign_post (f, "/eu/api/user/register", fields);
  new_at = g_strdup (json_object_get_string_member (reply, "at"));
  g_clear_pointer (&reply, json_object_unref);

  reply = sim_bearer_body (f, "POST", "/eu/api/user/device/add", at,
                           "\"deviceid\":\"" CKSIM_FACTORY_DEVICE4_ID "\",\"apikey\":\"" CKSIM_FACTORY_DEVICE4_APIKEY "\","
                           "\"name\":\"Four\"");
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, CKSIM_FACTORY_DEVICE4_ID);
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/user/device/" CKSIM_FACTORY_DEVICE4_ID, at,
                                     "\"name\":\"Four renamed\",\"group\":\"\""), 0);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/user/tags", at,
                                     "\"deviceid\":\"" CKSIM_FACTORY_DEVICE4_ID "\",\"key\":\"ck_channel_name\","
                                     "\"value\":{\"2\":\"Third\"}"), 0);
  g_free (fields);
  fields = g_strdup_printf ("\"name\":\"Kept\",\"index\":0,\"groupType\":0,\"apikey\":\"%s\"", owner_apikey);
  reply = sim_bearer_body (f, "POST", "/eu/api/group", at, fields);
  group_id = g_strdup (json_object_get_string_member (reply, "groupid"));
  g_clear_pointer (&reply, json_object_unref);
  g_free (fields);
  fields = g_strdup_printf ("\"deviceinfos\":{\"deviceid\":\"" CKSIM_FACTORY_DEVICE4_ID "\",\"target_id\":\"%s\"},"
                            "\"groupType\":0,\"apikey\":\"%s\"", group_id, owner_apikey);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/group/addDevice", at, fields), 0);
  reply = sim_bearer_query (f, "DELETE", "/eu/api/user/device/" HALL, at, "deviceid=" HALL);
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, HALL);
  g_clear_pointer (&reply, json_object_unref);
  g_assert_true (cksim_server_set_user_activated (f->server, CKSIM_DEMO_GUEST_EMAIL, FALSE));
  g_assert_true (cksim_server_set_app_enabled (f->server, CKSIM_EXAMPLE2_APP_ID, FALSE));
  cksim_server_advance_clock (f->server, 1000);

  /* Saved with mode 0600, with no password or token in clear. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, CKSIM_DEMO_PASSWORD));
  g_assert_null (strstr (text, "password-1"));
  g_assert_null (strstr (text, at));

  /* Restart. */
  start_with_state (f, path);
  g_assert_cmpint (cksim_server_get_time (f->server) - g_get_real_time () / G_USEC_PER_SEC, >=, 999);
  /* Codes are not kept. */
  g_assert_null (cksim_server_get_code (f->server, "kept@relay.example"));

  /* The tokens still work; the new user logs in. */
  sim_assert_error (sim_device_list (f, CKSIM_EXAMPLE_APP_ID, new_at, NULL), 0);
  device = sim_state_device (f, CKSIM_FACTORY_DEVICE4_ID);
  g_assert_nonnull (device);
  g_assert_cmpstr (json_object_get_string_member (device, "name"), ==, "Four renamed");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (device, "tags"), "ck_channel_name"), "2"), ==, "Third");
  groups = json_object_get_array_member (device, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (groups, 0), ==, group_id);
  g_assert_null (sim_state_device (f, HALL));
  /* The demo's share is still there. */
  g_clear_pointer (&device, json_object_unref);
  device = sim_state_device (f, "1000a1b202");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (device, "shares")), ==, 1);

  g_clear_pointer (&reply, json_object_unref);
  g_free (fields);
  fields = g_strdup_printf ("groupType=0&apikey=%s", owner_apikey);
  reply = sim_bearer_query (f, "GET", "/eu/api/group", at, fields);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (reply, "groupinfos"), 0), "name"), ==, "Kept");
  g_clear_pointer (&reply, json_object_unref);

  g_free (sim_login (f, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, "kept@relay.example", "password-1"));
  login_body = sim_login_body (f, CKSIM_EXAMPLE_APP_ID, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  login = sim_post_signed (f, "/eu/api/user/login", login_body, CKSIM_EXAMPLE_APP_SECRET, NULL);
  g_assert_cmpint (sim_error_code (login), ==, 402);
  /* The disabled app is still disabled (spec §8.2.1). */
  g_clear_pointer (&login, json_object_unref);
  g_free (login_body);
  login_body = sim_login_body (f, CKSIM_EXAMPLE2_APP_ID, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  login = sim_post_signed (f, "/eu/api/user/login", login_body, CKSIM_EXAMPLE2_APP_SECRET, NULL);
  g_assert_cmpint (sim_error_code (login), ==, 403);

  /* The deleted device waits in the factory inventory. */
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SIM_TEST_ADD ("/sim/limits/strict-bearer", test_strict_bearer, F_DEFAULT);
  SIM_TEST_ADD ("/sim/limits/strict-sign", test_strict_sign, F_DEFAULT);
  SIM_TEST_ADD ("/sim/limits/rate-limit", test_rate_limit, F_DEFAULT);
  SIM_TEST_ADD ("/sim/limits/state-restart", test_state_restart, F_DEFAULT);

  return g_test_run ();
}
