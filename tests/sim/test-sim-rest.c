/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-rest"

#include <ck-sign.h>
#include <string.h>

#include "sim-test-util.h"

#define APP CKSIM_EXAMPLE_APP_ID
#define SECRET CKSIM_EXAMPLE_APP_SECRET
#define LOGIN "/eu/api/user/login"


static gint64
login_error (SimFixture *f,
             const char *path,
             const char *body,
             const char *secret)
{
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  reply = sim_post_signed (f, path, body, secret, &status);
  g_assert_cmpuint (status, ==, 200);
  return sim_error_code (reply);
}

static gboolean
is_hex40 (const char *s)
{
  if (s == NULL || strlen (s) != 40)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isxdigit (*s) || g_ascii_isupper (*s))
      return FALSE;
  return TRUE;
}

static void
test_login_success (SimFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) user_node = NULL;
  JsonObject *user;
  guint status;

  reply = sim_post_signed (f, LOGIN, body, SECRET, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_true (is_hex40 (json_object_get_string_member (reply, "at")));
  g_assert_true (is_hex40 (json_object_get_string_member (reply, "rt")));
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "eu");
  user = json_object_get_object_member (reply, "user");
  g_assert_cmpstr (json_object_get_string_member (user, "email"), ==, CKSIM_DEMO_EMAIL);
  g_assert_cmpuint (strlen (json_object_get_string_member (user, "apikey")), ==, 36);
  g_assert_cmpstr (json_object_get_string_member (user, "appId"), ==, APP);
  user_node = json_node_init_object (json_node_alloc (), user);
  text = json_to_string (user_node, FALSE);
  g_assert_null (strstr (text, CKSIM_DEMO_PASSWORD));
  g_assert_false (json_object_has_member (user, "password"));
  g_assert_cmpuint (cksim_server_get_login_count (f->server), ==, 1);
}

static void
test_login_errors (SimFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *wrong = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, "not-the-password");
  g_autofree char *unknown = sim_login_body (f, APP, "nobody@relay.example", "whatever1");
  g_autofree char *us_body = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  g_assert_cmpint (login_error (f, LOGIN, wrong, SECRET), ==, 401);
  g_assert_cmpint (login_error (f, LOGIN, unknown, SECRET), ==, 404);

  g_assert_true (cksim_server_add_user (f->server, "far@relay.example", "password-1", "us", &error));
  g_assert_no_error (error);
  us_body = sim_login_body (f, APP, "far@relay.example", "password-1");
  reply = sim_post_signed (f, LOGIN, us_body, SECRET, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 301);
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "us");
  g_assert_cmpuint (cksim_server_get_login_count (f->server), ==, 0);
}

static void
test_sign_errors (SimFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *other = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *spaced = NULL;
  g_autofree char *auth = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  guint status;

  /* The other app's secret. */
  g_assert_cmpint (login_error (f, LOGIN, body, CKSIM_EXAMPLE2_APP_SECRET), ==, 406);

  /* Signed over one serialisation, sent as another with the same content. */
  node = json_from_string (other, NULL);
  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, TRUE);
  spaced = json_generator_to_data (gen, NULL);
  g_assert_cmpstr (spaced, !=, other);
  auth = sim_sign (SECRET, other);
  sim_assert_error (sim_http (f, "POST", LOGIN, spaced, "application/json", auth, &status), 406);

  /* No header, and a Bearer header on a Sign endpoint. */
  sim_assert_error (sim_http (f, "POST", LOGIN, body, "application/json", NULL, &status), 406);
  reply = sim_http (f, "POST", LOGIN, body, "application/json",
                    "Bearer 0123456789abcdef0123456789abcdef01234567", &status);
  g_assert_cmpint (sim_error_code (reply), ==, 406);

  /* And the correct one still works (nothing above consumed its nonce). */
  g_assert_cmpint (login_error (f, LOGIN, body, SECRET), ==, 0);
  g_assert_cmpuint (cksim_server_get_login_count (f->server), ==, 1);
}

static char *
body_with (SimFixture *f,
           const char *nonce,
           gint64      ts,
           gboolean    with_appid,
           gboolean    with_version)
{
  GString *s = g_string_new ("{");

  if (with_appid)
    g_string_append (s, "\"appid\":\"" APP "\",");
  g_string_append (s, "\"email\":\"" CKSIM_DEMO_EMAIL "\",");
  if (nonce != NULL)
    g_string_append_printf (s, "\"nonce\":\"%s\",", nonce);
  g_string_append (s, "\"password\":\"" CKSIM_DEMO_PASSWORD "\"");
  if (ts != 0)
    g_string_append_printf (s, ",\"ts\":%" G_GINT64_FORMAT, ts);
  if (with_version)
    g_string_append (s, ",\"version\":8");
  g_string_append (s, "}");
  return g_string_free (s, FALSE);
}

static void
test_common_params (SimFixture    *f,
                    gconstpointer  data)
{
  gint64 now = cksim_server_get_time (f->server);
  struct { const char *name; char *body; gint64 expected; } cases[] = {
    { "stale ts", body_with (f, "Stale001", now - 301, TRUE, TRUE), 400 },
    { "future ts", body_with (f, "Futur001", now + 301, TRUE, TRUE), 400 },
    { "ms ts", body_with (f, "Milli001", now * 1000, TRUE, TRUE), 400 },
    { "short nonce", body_with (f, "abc", now, TRUE, TRUE), 400 },
    { "symbol nonce", body_with (f, "abc-1234", now, TRUE, TRUE), 400 },
    { "missing appid", body_with (f, "NoAppid1", now, FALSE, TRUE), 406 },
    { "missing nonce", body_with (f, NULL, now, TRUE, TRUE), 400 },
    { "missing ts", body_with (f, "NoTs0001", 0, TRUE, TRUE), 400 },
    { "missing version", body_with (f, "NoVers01", now, TRUE, FALSE), 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (login_error (f, LOGIN, cases[i].body, SECRET), ==, cases[i].expected);
      g_free (cases[i].body);
    }
  g_assert_cmpuint (cksim_server_get_login_count (f->server), ==, 0);
}

static void
test_nonce_replay (SimFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *body = body_with (f, "Replay01", cksim_server_get_time (f->server), TRUE, TRUE);

  g_assert_cmpint (login_error (f, LOGIN, body, SECRET), ==, 0);
  g_assert_cmpint (login_error (f, LOGIN, body, SECRET), ==, 406);
}

static void
test_compat_relaxes (SimFixture    *f,
                     gconstpointer  data)
{
  gint64 now = cksim_server_get_time (f->server);
  g_autofree char *stale = body_with (f, "a1", now - 3600, TRUE, TRUE);
  g_autofree char *fresh = body_with (f, "Plain001", now, TRUE, TRUE);
  g_autofree char *auth = sim_sign (SECRET, fresh);
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  /* Stale ts, short nonce, replay and text/plain: all accepted in compat. */
  g_assert_cmpint (login_error (f, LOGIN, stale, SECRET), ==, 0);
  g_assert_cmpint (login_error (f, LOGIN, stale, SECRET), ==, 0);
  reply = sim_http (f, "POST", LOGIN, fresh, "text/plain;charset=UTF-8", auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  /* Signatures stay strict. */
  g_assert_cmpint (login_error (f, LOGIN, fresh, CKSIM_EXAMPLE2_APP_SECRET), ==, 406);
}

static void
test_content_type_strict (SimFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *auth = sim_sign (SECRET, body);
  g_autofree char *array_auth = sim_sign (SECRET, "[1,2]");
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  reply = sim_http (f, "POST", LOGIN, body, "text/plain;charset=UTF-8", auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 400);
  g_clear_pointer (&reply, json_object_unref);
  reply = sim_http (f, "POST", LOGIN, "[1,2]", "application/json", array_auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==, "params incomplete");
}

static void
test_bearer_errors (SimFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *query = sim_common_query (f, APP);
  g_autofree char *path = g_strconcat ("/eu/api/user/device?", query, NULL);
  g_autofree char *sign = sim_sign (SECRET, query);
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  reply = sim_http (f, "GET", path, NULL, "application/json", "Bearer ", &status);
  g_assert_cmpint (sim_error_code (reply), ==, 406);
  g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==,
                   "{\"error\":401,\"msg\":\"Bearer:accessToken is empty\"}");
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (sim_http (f, "GET", path, NULL, "application/json", sign, &status), 406);

  sim_assert_error (sim_device_list (f, APP, "0123456789abcdef0123456789abcdef01234567", &status), 401);
  /* The token of one app id used with the other. */
  sim_assert_error (sim_device_list (f, CKSIM_EXAMPLE2_APP_ID, at, &status), 401);

  reply = sim_device_list (f, APP, at, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
}

static void
test_expired_at (SimFixture    *f,
                 gconstpointer  data)
{
  g_autofree char *at = NULL;
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  g_object_set (f->server, "at-ttl", (gint64) 60, NULL);
  at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  cksim_server_advance_clock (f->server, 61);
  reply = sim_device_list (f, APP, at, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 402);
}

static void
test_second_login_revokes (SimFixture    *f,
                           gconstpointer  data)
{
  g_autofree char *first = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *apikey = g_strdup (f->apikey);
  g_autoptr(SimWs) ws = sim_ws_connect (f);
  g_autoptr(JsonObject) online = sim_ws_user_online (f, ws, first, apikey, APP);
  g_autoptr(JsonObject) kicked = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other_app = NULL;
  guint status;

  g_assert_cmpint (sim_error_code (online), ==, 0);
  /* A login with the other app id does not interfere. */
  other_app = sim_login (f, CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET,
                         CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  sim_ws_assert_quiet (ws);

  second = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_assert_cmpstr (first, !=, second);

  kicked = sim_ws_next (ws, 2000);
  g_assert_cmpint (sim_error_code (kicked), ==, 406);
  g_assert_cmpstr (json_object_get_string_member (kicked, "reason"), ==, "Authentication Failed");
  g_assert_false (json_object_has_member (kicked, "sequence"));
  sim_ws_wait_closed (ws, 2000);
  g_assert_cmpuint (ws->close_code, ==, SOUP_WEBSOCKET_CLOSE_NORMAL);

  sim_assert_error (sim_device_list (f, APP, first, &status), 401);
  sim_assert_error (sim_device_list (f, APP, second, &status), 0);
  reply = sim_device_list (f, CKSIM_EXAMPLE2_APP_ID, other_app, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
}

static JsonObject *
find_device (JsonArray  *list,
             const char *deviceid)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *d = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (d, "deviceid"), deviceid))
        return d;
    }
  return NULL;
}

static void
test_device_list_shape (SimFixture    *f,
                        gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *owner = g_strdup (f->apikey);
  g_autofree char *guest_at = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) guest_reply = NULL;
  GHashTable *uiids = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) owned = NULL;
  JsonArray *list;
  JsonObject *plug;
  guint offline = 0;
  guint status;

  reply = sim_device_list (f, APP, at, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  list = json_object_get_array_member (reply, "devicelist");
  /* As many as the simulator holds for the owner (the dataset grows). */
  owned = sim_owned_devices (f, owner);
  g_assert_cmpuint (owned->len, >=, 12);
  g_assert_cmpuint (json_array_get_length (list), ==, owned->len);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *d = json_array_get_object_element (list, i);
      JsonObject *extra = json_object_get_object_member (json_object_get_object_member (d, "extra"), "extra");
      const char *id = json_object_get_string_member (d, "deviceid");

      g_assert_cmpuint (strlen (id), ==, 10);
      g_assert_true (g_str_has_prefix (id, "1000"));
      g_assert_cmpint (json_object_get_int_member (d, "uiid"), ==, json_object_get_int_member (extra, "uiid"));
      g_assert_cmpstr (json_object_get_string_member (d, "apikey"), ==, owner);
      g_assert_true (json_object_has_member (d, "params"));
      g_assert_true (json_object_has_member (d, "sharedTo"));
      g_assert_false (json_object_has_member (d, "tags"));
      g_assert_cmpstr (json_object_get_string_member (d, "brandName"), ==, "SONOFF");
      g_assert_cmpuint (strlen (json_object_get_string_member (d, "name")), >, 0);
      if (!json_object_get_boolean_member (d, "online"))
        offline++;
      g_hash_table_add (uiids, GINT_TO_POINTER (json_object_get_int_member (d, "uiid")));
    }
  g_assert_cmpuint (offline, ==, 1);
  g_assert_cmpuint (g_hash_table_size (uiids), >=, 10);
  g_hash_table_unref (uiids);
  plug = find_device (list, "1000a1b202");
  g_assert_cmpstr (json_object_get_string_member (plug, "name"), ==, "Kitchen plug");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plug, "sharedTo")), ==, 1);

  /* The guest sees the shared plug, with the owner's apikey and sharedBy. */
  guest_at = sim_login (f, APP, SECRET, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  guest_reply = sim_device_list (f, APP, guest_at, &status);
  list = json_object_get_array_member (guest_reply, "devicelist");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  plug = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (plug, "apikey"), ==, owner);
  g_assert_true (json_object_has_member (plug, "sharedBy"));
  g_assert_false (json_object_has_member (plug, "sharedTo"));
}

static void
test_dispatch (SimFixture    *f,
               gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *auth = g_strconcat ("Bearer ", at, NULL);
  g_autofree char *nonce1 = ck_nonce_new ();
  g_autofree char *nonce2 = ck_nonce_new ();
  gint64 now = cksim_server_get_time (f->server);
  g_autofree char *body = g_strdup_printf ("{\"accept\":\"ws\",\"appid\":\"%s\",\"nonce\":\"%s\","
                                           "\"ts\":%" G_GINT64_FORMAT ",\"version\":8}", APP, nonce1, now);
  g_autofree char *no_accept = g_strdup_printf ("{\"appid\":\"%s\",\"nonce\":\"%s\","
                                                "\"ts\":%" G_GINT64_FORMAT ",\"version\":8}", APP, nonce2, now);
  gboolean compat = GPOINTER_TO_UINT (data) & SIM_COMPAT;
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  reply = sim_http (f, "POST", "/eu/dispatch/app", body, "application/json", auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "domain"), ==, "127.0.0.1");
  g_assert_cmpstr (json_object_get_string_member (reply, "IP"), ==, "127.0.0.1");
  g_assert_cmpint (json_object_get_int_member (reply, "port"), ==, cksim_server_get_port (f->server));
  g_clear_pointer (&reply, json_object_unref);

  reply = sim_http (f, "POST", "/eu/dispatch/app", no_accept, "application/json", auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, compat ? 0 : 400);
}

static void
test_http_routing (SimFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  reply = sim_http (f, "GET", "/eu/api/nothing", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpint (sim_error_code (reply), ==, 404);
  g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==, "interface not found");
  g_clear_pointer (&reply, json_object_unref);
  /* The bare host serves only the region lookup. */
  reply = sim_http (f, "POST", "/api/user/login", "{}", "application/json", NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&reply, json_object_unref);
  reply = sim_http (f, "GET", "/eu/api/user/login", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 405);
  g_clear_pointer (&reply, json_object_unref);
  reply = sim_http (f, "DELETE", "/eu/dispatch/app", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 405);
}

static void
test_region_lookup (SimFixture    *f,
                    gconstpointer  data)
{
  gint64 now = cksim_server_get_time (f->server);
  /* Unsorted, signed over the raw query; then over the canonical form. */
  g_autofree char *raw = g_strdup_printf ("country_code=86&appid=%s&ts=%" G_GINT64_FORMAT
                                          "&version=8&nonce=Region01", APP, now);
  g_autofree char *raw2 = g_strdup_printf ("country_code=44&appid=%s&ts=%" G_GINT64_FORMAT
                                           "&version=8&nonce=Region02", APP, now);
  g_autofree char *canonical2 = g_strdup_printf ("appid=%s&country_code=44&nonce=Region02&ts=%"
                                                 G_GINT64_FORMAT "&version=8", APP, now);
  g_autofree char *path = g_strconcat ("/api/user/region?", raw, NULL);
  g_autofree char *path2 = g_strconcat ("/api/user/region?", raw2, NULL);
  g_autofree char *auth = sim_sign (SECRET, raw);
  g_autofree char *auth2 = sim_sign (SECRET, canonical2);
  g_autofree char *bad = sim_sign (CKSIM_EXAMPLE2_APP_SECRET, raw);
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  sim_assert_error (sim_http (f, "GET", path, NULL, "application/json", bad, &status), 406);
  reply = sim_http (f, "GET", path, NULL, "application/json", auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "cn");
  g_clear_pointer (&reply, json_object_unref);
  reply = sim_http (f, "GET", path2, NULL, "application/json", auth2, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "eu");
  g_clear_pointer (&reply, json_object_unref);
  /* The nonce has been used. */
  reply = sim_http (f, "GET", path, NULL, "application/json", auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 406);
}

static void
test_refresh (SimFixture    *f,
              gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) login = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) list = NULL;
  g_autofree char *nonce = ck_nonce_new ();
  g_autofree char *query = NULL;
  g_autofree char *path = NULL;
  g_autofree char *auth = NULL;
  guint status;

  login = sim_post_signed (f, LOGIN, body, SECRET, &status);
  query = g_strdup_printf ("appid=%s&grantType=refresh&nonce=%s&rt=%s&ts=%" G_GINT64_FORMAT "&version=8",
                           APP, nonce, json_object_get_string_member (login, "rt"),
                           cksim_server_get_time (f->server));
  path = g_strconcat ("/eu/api/user/refresh?", query, NULL);
  auth = sim_sign (SECRET, query);
  reply = sim_http (f, "GET", path, NULL, "application/json", auth, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "at"), !=,
                   json_object_get_string_member (login, "at"));
  sim_assert_error (sim_device_list (f, APP, json_object_get_string_member (login, "at"), &status), 401);
  list = sim_device_list (f, APP, json_object_get_string_member (reply, "at"), &status);
  g_assert_cmpint (sim_error_code (list), ==, 0);
}

static void
test_control_state (SimFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) state_node = NULL;
  guint status;

  reply = sim_http (f, "POST", "/_sim/device/online", "{\"deviceid\":\"1000a1b202\",\"online\":false}",
                    "application/json", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_clear_pointer (&reply, json_object_unref);
  reply = sim_http (f, "POST", "/_sim/clock/advance", "{\"seconds\":100}", "application/json", NULL, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);

  state = sim_http (f, "GET", "/_sim/state", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (state, "clockOffset"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (state, "loginCount"), ==, 1);
  {
    JsonArray *devices = json_object_get_array_member (state, "devices");
    JsonObject *plug = find_device (devices, "1000a1b202");

    g_assert_nonnull (plug);
    g_assert_false (json_object_get_boolean_member (plug, "online"));
  }
  state_node = json_node_init_object (json_node_alloc (), state);
  text = json_to_string (state_node, FALSE);
  g_assert_null (strstr (text, CKSIM_DEMO_PASSWORD));
  g_assert_null (strstr (text, at));
  g_assert_null (strstr (text, SECRET));
  g_assert_null (strstr (text, "password"));
}

static void
test_control_absent (SimFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  reply = sim_http (f, "GET", "/_sim/state", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpint (sim_error_code (reply), ==, 404);
}

static void
test_armed_fault (SimFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *again = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *third = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  /* In the endpoint's documented shape: {"error":500,"msg":…} with HTTP 200. */
  sim_assert_error (sim_http (f, "POST", "/_sim/fault", "{\"endpoint\":\"login\",\"error\":500}",
                              "application/json", NULL, &status), 0);
  reply = sim_post_signed (f, LOGIN, body, SECRET, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sim_error_code (reply), ==, 500);
  g_clear_pointer (&reply, json_object_unref);
  /* Only the next call. */
  g_assert_cmpint (login_error (f, LOGIN, again, SECRET), ==, 0);

  /* "http":true: a real HTTP status on any endpoint. */
  sim_assert_error (sim_http (f, "POST", "/_sim/fault",
                              "{\"endpoint\":\"login\",\"error\":502,\"http\":true}",
                              "application/json", NULL, &status), 0);
  reply = sim_post_signed (f, LOGIN, third, SECRET, &status);
  g_assert_cmpuint (status, ==, 502);
  g_assert_null (reply);
}

static void
assert_app_disabled (JsonObject *reply)
{
  g_assert_nonnull (reply);
  g_assert_cmpint (sim_error_code (reply), ==, 403);
  g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==, "Sign:oauthClient enable invalid");
  json_object_unref (reply);
}

static gboolean
state_lists_disabled_app (SimFixture *f,
                          const char *appid)
{
  g_autoptr(JsonObject) state = sim_control (f, "GET", "/_sim/state", NULL);
  JsonArray *ids = json_object_get_array_member (state, "disabledApps");

  for (guint i = 0; i < json_array_get_length (ids); i++)
    if (g_str_equal (json_array_get_string_element (ids, i), appid))
      return TRUE;
  return FALSE;
}

/* Spec §8.2.1: a known app with enabled=false answers 403 with the FIELD
 * text on Sign endpoints (POST and GET) and on Bearer endpoints; the other
 * app is untouched; the tokens come back when it is enabled again. */
static void
test_app_disabled (SimFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  g_assert_false (state_lists_disabled_app (f, APP));
  sim_assert_error (sim_control (f, "POST", "/_sim/app", "{\"appid\":\"" APP "\",\"enabled\":false}"), 0);
  g_assert_true (state_lists_disabled_app (f, APP));

  /* Sign: POST and GET. */
  reply = sim_post_signed (f, LOGIN, body, SECRET, &status);
  g_assert_cmpuint (status, ==, 200);
  assert_app_disabled (g_steal_pointer (&reply));
  assert_app_disabled (sim_sign_get (f, "/api/user/region", "country_code=44"));
  /* Bearer: the token is still live, the app is not. */
  assert_app_disabled (sim_device_list (f, APP, at, &status));
  assert_app_disabled (sim_bearer_body (f, "POST", "/eu/api/user/device/1000a1b201", at, "\"name\":\"Renamed\""));
  /* The other example app is enabled. */
  g_free (sim_login (f, CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD));

  /* The hook's own errors. */
  sim_assert_error (sim_control (f, "POST", "/_sim/app", "{\"appid\":\"" APP "\"}"), 400);
  sim_assert_error (sim_control (f, "POST", "/_sim/app", "{\"appid\":\"NoSuchApp\",\"enabled\":false}"), 404);
  g_assert_false (cksim_server_set_app_enabled (f->server, "NoSuchApp", TRUE));

  /* Enabled again through the C API: the same token works. */
  g_assert_true (cksim_server_set_app_enabled (f->server, APP, TRUE));
  g_assert_false (state_lists_disabled_app (f, APP));
  sim_assert_error (sim_device_list (f, APP, at, &status), 0);
}

/* Spec §4.11, §5: a refresh keeps the refreshing client's socket, and the
 * next login still closes it although the at it signed in with was rotated
 * in between (the login's revocation follows the session, not the at). */
static void
test_login_after_refresh_revokes (SimFixture    *f,
                                  gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) login = sim_post_signed (f, LOGIN, body, SECRET, NULL);
  JsonObject *user = json_object_get_object_member (login, "user");
  g_autofree char *apikey = g_strdup (json_object_get_string_member (user, "apikey"));
  g_autofree char *query = g_strdup_printf ("grantType=refresh&rt=%s", json_object_get_string_member (login, "rt"));
  g_autofree char *ask = g_strdup_printf ("{\"action\":\"query\",\"apikey\":\"%s\",\"deviceid\":\"1000a1b201\","
                                          "\"params\":[\"switch\"],\"userAgent\":\"app\","
                                          "\"sequence\":\"1600000000001\"}", apikey);
  g_autoptr(SimWs) ws = sim_ws_connect (f);
  g_autoptr(JsonObject) online = sim_ws_user_online (f, ws, json_object_get_string_member (login, "at"),
                                                     apikey, APP);
  g_autoptr(JsonObject) refreshed = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(JsonObject) kicked = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpint (sim_error_code (online), ==, 0);
  refreshed = sim_sign_get (f, "/eu/api/user/refresh", query);
  g_assert_false (json_object_has_member (refreshed, "error"));

  /* The refresh closes nothing: the socket still answers queries. */
  sim_ws_assert_quiet (ws);
  sim_ws_send (ws, ask);
  answer = sim_ws_next (ws, 2000);
  g_assert_cmpint (sim_error_code (answer), ==, 0);
  g_assert_false (ws->closed);

  /* Another client logs in: the refreshed session ends, socket included. */
  second = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  kicked = sim_ws_next (ws, 2000);
  g_assert_cmpint (sim_error_code (kicked), ==, 406);
  g_assert_cmpstr (json_object_get_string_member (kicked, "reason"), ==, "Authentication Failed");
  g_assert_false (json_object_has_member (kicked, "sequence"));
  sim_ws_wait_closed (ws, 2000);
  g_assert_cmpuint (ws->close_code, ==, SOUP_WEBSOCKET_CLOSE_NORMAL);
  sim_assert_error (sim_device_list (f, APP, json_object_get_string_member (refreshed, "at"), NULL), 401);
}

/* Spec §8.10 relaxes only the ts window: the ten digits of seconds stay,
 * while a string of digits is accepted (numbers sent as strings). */
static void
test_compat_ts_format (SimFixture    *f,
                       gconstpointer  data)
{
  gint64 now = cksim_server_get_time (f->server);
  g_autofree char *millis = body_with (f, "Milli001", now * 1000, TRUE, TRUE);
  g_autofree char *tiny = body_with (f, "Tiny0001", 5, TRUE, TRUE);
  g_autofree char *text_ts = g_strdup_printf ("{\"appid\":\"" APP "\",\"email\":\"" CKSIM_DEMO_EMAIL "\","
                                              "\"nonce\":\"Text0001\",\"password\":\"" CKSIM_DEMO_PASSWORD "\","
                                              "\"ts\":\"%" G_GINT64_FORMAT "\",\"version\":8}", now);
  g_autofree char *at = NULL;
  g_autofree char *nonce = ck_nonce_new ();
  g_autofree char *ms_query = g_strdup_printf ("appid=%s&nonce=%s&ts=%" G_GINT64_FORMAT "&version=8",
                                               APP, nonce, now * 1000);
  g_autofree char *ms_path = g_strconcat ("/eu/api/user/device?", ms_query, NULL);
  g_autofree char *bearer = NULL;

  g_assert_cmpint (login_error (f, LOGIN, millis, SECRET), ==, 400);
  g_assert_cmpint (login_error (f, LOGIN, tiny, SECRET), ==, 400);
  g_assert_cmpint (cksim_server_get_login_count (f->server), ==, 0);
  g_assert_cmpint (login_error (f, LOGIN, text_ts, SECRET), ==, 0);

  /* Bearer GET: milliseconds are refused too. */
  at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  bearer = g_strconcat ("Bearer ", at, NULL);
  sim_assert_error (sim_http (f, "GET", ms_path, NULL, "application/json", bearer, NULL), 400);
  sim_assert_error (sim_device_list (f, APP, at, NULL), 0);
}

/* Spec §1.6: a request under another region's prefix reached a service that
 * does not know the eu account's tokens: 401 on Bearer endpoints (none of
 * them documents 301) and on refresh; the same tokens work under /eu. */
static void
test_bearer_wrong_region (SimFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, APP, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) login = sim_post_signed (f, LOGIN, body, SECRET, NULL);
  const char *at = json_object_get_string_member (login, "at");
  g_autofree char *refresh = g_strdup_printf ("grantType=refresh&rt=%s", json_object_get_string_member (login, "rt"));
  const char *regions[] = { "us", "cn", "as" };
  g_autoptr(JsonObject) reply = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *list = g_strdup_printf ("/%s/api/user/device", regions[i]);
      g_autofree char *dispatch = g_strdup_printf ("/%s/dispatch/app", regions[i]);
      g_autofree char *rt_path = g_strdup_printf ("/%s/api/user/refresh", regions[i]);

      g_test_message ("region %s", regions[i]);
      sim_assert_error (sim_bearer_query (f, "GET", list, at, "getTags=1"), 401);
      sim_assert_error (sim_bearer_body (f, "POST", dispatch, at, "\"accept\":\"ws\""), 401);
      sim_assert_error (sim_sign_get (f, rt_path, refresh), 401);
    }

  sim_assert_error (sim_bearer_query (f, "GET", "/eu/api/user/device", at, "getTags=1"), 0);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/dispatch/app", at, "\"accept\":\"ws\""), 0);
  /* The refused refreshes spent nothing. */
  reply = sim_sign_get (f, "/eu/api/user/refresh", refresh);
  g_assert_false (json_object_has_member (reply, "error"));
}

/* Spec §8.10: compat spares the nonce of a Bearer GET, not of a DELETE. */
static void
test_compat_nonce_get_only (SimFixture    *f,
                            gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *bearer = g_strconcat ("Bearer ", at, NULL);
  g_autofree char *query = g_strdup_printf ("appid=%s&deviceid=1000a1b201&ts=%" G_GINT64_FORMAT "&version=8",
                                            APP, cksim_server_get_time (f->server));
  g_autofree char *delete_path = g_strconcat ("/eu/api/user/device/1000a1b201?", query, NULL);
  g_autofree char *get_path = g_strconcat ("/eu/api/user/device?", query, NULL);

  sim_assert_error (sim_http (f, "DELETE", delete_path, NULL, "application/json", bearer, NULL), 400);
  /* Still the owner's. */
  sim_assert_error (sim_bearer_query (f, "GET", "/eu/api/user/device/1000a1b201", at, "deviceid=1000a1b201"), 0);
  sim_assert_error (sim_http (f, "GET", get_path, NULL, "application/json", bearer, NULL), 0);
}

/* Spec §8.2.2: a query's version is the text "8". */
static void
test_query_version_text (SimFixture    *f,
                         gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *bearer = g_strconcat ("Bearer ", at, NULL);
  g_autofree char *nonce = ck_nonce_new ();
  g_autofree char *query = g_strdup_printf ("appid=%s&nonce=%s&ts=%" G_GINT64_FORMAT "&version=08",
                                            APP, nonce, cksim_server_get_time (f->server));
  g_autofree char *path = g_strconcat ("/eu/api/user/device?", query, NULL);

  sim_assert_error (sim_http (f, "GET", path, NULL, "application/json", bearer, NULL), 400);
  sim_assert_error (sim_device_list (f, APP, at, NULL), 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SIM_TEST_ADD ("/sim/rest/login/success", test_login_success, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/login/errors", test_login_errors, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/sign/errors", test_sign_errors, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/common/params", test_common_params, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/common/nonce-replay", test_nonce_replay, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/common/compat", test_compat_relaxes, F_COMPAT);
  SIM_TEST_ADD ("/sim/rest/common/content-type", test_content_type_strict, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/bearer/errors", test_bearer_errors, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/bearer/expired", test_expired_at, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/common/app-disabled", test_app_disabled, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/login/second-revokes-first", test_second_login_revokes, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/device-list/shape", test_device_list_shape, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/dispatch/strict", test_dispatch, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/dispatch/compat", test_dispatch, F_COMPAT);
  SIM_TEST_ADD ("/sim/rest/routing", test_http_routing, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/region", test_region_lookup, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/refresh", test_refresh, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/login/after-refresh-revokes", test_login_after_refresh_revokes, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/common/compat-ts-format", test_compat_ts_format, F_COMPAT);
  SIM_TEST_ADD ("/sim/rest/bearer/wrong-region", test_bearer_wrong_region, F_DEFAULT);
  SIM_TEST_ADD ("/sim/rest/bearer/compat-nonce-get-only", test_compat_nonce_get_only, F_COMPAT);
  SIM_TEST_ADD ("/sim/rest/common/query-version-text", test_query_version_text, F_DEFAULT);
  SIM_TEST_ADD ("/sim/control/state", test_control_state, F_DEFAULT);
  SIM_TEST_ADD ("/sim/control/absent", test_control_absent, F_NO_CONTROL);
  SIM_TEST_ADD ("/sim/control/fault", test_armed_fault, F_DEFAULT);

  return g_test_run ();
}
