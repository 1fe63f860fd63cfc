/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-api-devices"

/* CkApi's device operations against the simulator (spec §3.8–3.14,
 * §3.17, §3.18): the success path and every error code the spec lists. */

#include "api-test-util.h"

#include "ck-json.h"

#include <string.h>

#define KITCHEN_PLUG  "1000a1b202"   /* the demo's, shared with the guest */
#define HALL_LIGHT    "1000a1b203"
#define AQUARIUM      "1000a1b204"   /* four channels */
#define GARDEN_PUMP   "1000a1b20c"   /* offline */
#define UNKNOWN       "1000ffffff"

typedef struct
{
  int     code;
  CkError meaning;
} Armed;

/* ------------------------------------------------------------------------ */
/* Blocking wrappers                                                         */

static JsonObject *
get_device (CkApi       *api,
            const char  *device_id,
            GError     **error)
{
  GAsyncResult *result = NULL;
  JsonObject *device;

  ck_api_get_device_async (api, device_id, NULL, api_store_result_cb, &result);
  device = ck_api_get_device_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return device;
}

static JsonObject *
add_device (CkApi       *api,
            const char  *device_id,
            const char  *factory_apikey,
            const char  *name,
            GError     **error)
{
  GAsyncResult *result = NULL;
  JsonObject *device;

  ck_api_add_device_async (api, device_id, factory_apikey, name, NULL, NULL,
                           api_store_result_cb, &result);
  device = ck_api_add_device_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return device;
}

static JsonObject *
add_gsm_device (CkApi       *api,
                const char  *gsm_id,
                const char  *name,
                GError     **error)
{
  GAsyncResult *result = NULL;
  JsonObject *device;

  ck_api_add_gsm_device_async (api, gsm_id, name, NULL, api_store_result_cb, &result);
  device = ck_api_add_gsm_device_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return device;
}

static gboolean
delete_device (CkApi       *api,
               const char  *device_id,
               GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_delete_device_async (api, device_id, NULL, api_store_result_cb, &result);
  ok = ck_api_delete_device_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static gboolean
rename_device (CkApi       *api,
               const char  *device_id,
               const char  *name,
               GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_rename_device_async (api, device_id, name, NULL, api_store_result_cb, &result);
  ok = ck_api_rename_device_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static gboolean
set_channel_names (CkApi               *api,
                   const char          *device_id,
                   const char * const  *names,
                   GError             **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_set_channel_names_async (api, device_id, names, NULL, api_store_result_cb, &result);
  ok = ck_api_set_channel_names_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static JsonObject *
get_status (CkApi               *api,
            const char          *device_id,
            const char * const  *names,
            GError             **error)
{
  GAsyncResult *result = NULL;
  JsonObject *params;

  ck_api_get_device_status_async (api, device_id, names, NULL, api_store_result_cb, &result);
  params = ck_api_get_device_status_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return params;
}

static gboolean
set_status (CkApi       *api,
            const char  *device_id,
            const char  *key,
            const char  *value,
            GError     **error)
{
  GAsyncResult *result = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  gboolean ok;

  json_object_set_string_member (params, key, value);
  ck_api_set_device_status_async (api, device_id, params, NULL, api_store_result_cb, &result);
  ok = ck_api_set_device_status_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static CkApi *
sign_in_guest (ApiFixture *fixture)
{
  CkApi *guest = api_fixture_new_api (fixture);

  api_sign_in (guest, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  return guest;
}

/* ------------------------------------------------------------------------ */
/* Device list and one device (spec §3.8, §3.9)                              */

static void
test_list (ApiFixture    *fixture,
           gconstpointer  data)
{
  static const Armed armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 401, CK_ERROR_SESSION_TAKEN },
    { 406, CK_ERROR_NOT_SIGNED_IN }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  JsonObject *plug;

  /* Signed out: refused before anything is sent. */
  g_assert_null (api_list_devices (fixture->api, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  list = api_list_devices (fixture->api, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (list), >=, 12);
  plug = api_find_listed (list, KITCHEN_PLUG);
  g_assert_nonnull (plug);
  /* getTags=1: every device carries its tags. */
  g_assert_nonnull (ck_json_get_object (plug, "tags"));

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      g_autoptr(JsonArray) none = NULL;

      cksim_server_arm_fault (fixture->sim, "device-list", armed[i].code);
      none = api_list_devices (fixture->api, &error);
      g_assert_null (none);
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

static void
test_get (ApiFixture    *fixture,
          gconstpointer  data)
{
  static const Armed armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 403, CK_ERROR_NOT_PERMITTED }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(CkApi) guest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) device = NULL;
  g_autoptr(JsonObject) shared = NULL;
  JsonObject *none;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  device = get_device (fixture->api, KITCHEN_PLUG, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ck_json_get_string (device, "deviceid"), ==, KITCHEN_PLUG);
  g_assert_nonnull (ck_json_get_object (device, "params"));

  /* 404: unknown, or not visible to this user. */
  g_assert_null (get_device (fixture->api, UNKNOWN, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  guest = sign_in_guest (fixture);
  shared = get_device (guest, KITCHEN_PLUG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ck_json_get_object (shared, "sharedBy"));
  none = get_device (guest, HALL_LIGHT, &error);
  g_assert_null (none);
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "device-get", armed[i].code);
      g_assert_null (get_device (fixture->api, KITCHEN_PLUG, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

/* ------------------------------------------------------------------------ */
/* Add (spec §3.10, §3.11)                                                   */

static void
test_add (ApiFixture    *fixture,
          gconstpointer  data)
{
  g_autoptr(CkApi) guest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) device = NULL;
  g_autoptr(JsonObject) fetched = NULL;


  /* 404 unknown id; 400 wrong factory apikey. */
  g_assert_null (add_device (fixture->api, UNKNOWN, CKSIM_FACTORY_DEVICE_APIKEY, "New", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (add_device (fixture->api, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE4_APIKEY,
                             "New", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  /* 403 wrong brand (armed). */
  cksim_server_arm_fault (fixture->sim, "device-add", 403);
  g_assert_null (add_device (fixture->api, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY,
                             "New", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  device = add_device (fixture->api, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY,
                       "Garage plug", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ck_json_get_string (device, "deviceid"), ==, CKSIM_FACTORY_DEVICE_ID);
  g_assert_cmpstr (ck_json_get_string (device, "name"), ==, "Garage plug");
  fetched = get_device (fixture->api, CKSIM_FACTORY_DEVICE_ID, &error);
  g_assert_no_error (error);

  /* 409: already added, by me or by someone else. */
  g_assert_null (add_device (fixture->api, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY,
                             "Again", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_ALREADY_EXISTS);
  g_clear_error (&error);
  guest = sign_in_guest (fixture);
  g_assert_null (add_device (guest, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY,
                             "Mine", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_ALREADY_EXISTS);
}

static void
test_add_gsm (ApiFixture    *fixture,
              gconstpointer  data)
{
  static const Armed armed[] = {
    { 403, CK_ERROR_NOT_PERMITTED }, { 500, CK_ERROR_SERVER },
    { 502, CK_ERROR_SERVER }, { 503, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) device = NULL;
  g_autofree char *gsm_id = ck_api_compute_gsm_id (CKSIM_FACTORY_GSM_ID, CKSIM_FACTORY_GSM_APIKEY);
  g_autofree char *unknown = ck_api_compute_gsm_id (UNKNOWN, CKSIM_FACTORY_GSM_APIKEY);

  g_assert_cmpstr (gsm_id, ==, CKSIM_FACTORY_GSM_GSMID);
  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  /* 400 empty, 401 malformed, 404 unknown. */
  g_assert_null (add_gsm_device (fixture->api, "", "Tracker", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  g_assert_null (add_gsm_device (fixture->api, "not-an-md5", "Tracker", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_assert_true (strstr (error->message, "401") != NULL);
  g_clear_error (&error);
  g_assert_null (add_gsm_device (fixture->api, unknown, "Tracker", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "device-add-gsm", armed[i].code);
      g_assert_null (add_gsm_device (fixture->api, gsm_id, "Tracker", &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }

  device = add_gsm_device (fixture->api, gsm_id, "Tracker", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ck_json_get_string (device, "deviceid"), ==, CKSIM_FACTORY_GSM_ID);

  /* 409: already added. */
  g_assert_null (add_gsm_device (fixture->api, gsm_id, "Tracker", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_ALREADY_EXISTS);
}

/* ------------------------------------------------------------------------ */
/* Delete, rename, channel names (spec §3.12–3.14)                           */

static void
test_delete (ApiFixture    *fixture,
             gconstpointer  data)
{
  static const Armed armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(CkApi) guest = NULL;
  g_autoptr(GError) error = NULL;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  guest = sign_in_guest (fixture);

  /* 403: a sharee cannot delete; 404: a stranger or an unknown id. */
  g_assert_false (delete_device (guest, KITCHEN_PLUG, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_false (delete_device (guest, HALL_LIGHT, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (delete_device (fixture->api, UNKNOWN, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "device-delete", armed[i].code);
      g_assert_false (delete_device (fixture->api, HALL_LIGHT, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }

  g_assert_true (delete_device (fixture->api, HALL_LIGHT, &error));
  g_assert_no_error (error);
  g_assert_null (get_device (fixture->api, HALL_LIGHT, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
}

static void
test_rename (ApiFixture    *fixture,
             gconstpointer  data)
{
  static const Armed armed[] = {
    { 500, CK_ERROR_SERVER },
  };
  g_autoptr(CkApi) guest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) device = NULL;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  g_assert_true (rename_device (fixture->api, HALL_LIGHT, "Corridor light", &error));
  g_assert_no_error (error);
  device = get_device (fixture->api, HALL_LIGHT, &error);
  g_assert_cmpstr (ck_json_get_string (device, "name"), ==, "Corridor light");

  /* 400 empty name, 403 sharee, 404 unknown. */
  g_assert_false (rename_device (fixture->api, HALL_LIGHT, "", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  guest = sign_in_guest (fixture);
  g_assert_false (rename_device (guest, KITCHEN_PLUG, "Mine now", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_false (rename_device (fixture->api, UNKNOWN, "Ghost", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "device-rename", armed[i].code);
      g_assert_false (rename_device (fixture->api, HALL_LIGHT, "Again", &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

static void
test_channel_names (ApiFixture    *fixture,
                    gconstpointer  data)
{
  static const char * const names[] = { "Pump", "Light", "Heater", "Filter", NULL };
  static const char * const too_many[] = { "a", "b", "c", "d", "e", NULL };
  static const Armed armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(CkApi) guest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  JsonObject *tags;
  JsonObject *channel_names;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  g_assert_true (set_channel_names (fixture->api, AQUARIUM, names, &error));
  g_assert_no_error (error);
  list = api_list_devices (fixture->api, &error);
  tags = ck_json_get_object (api_find_listed (list, AQUARIUM), "tags");
  channel_names = ck_json_get_object (tags, "ck_channel_name");
  g_assert_cmpstr (ck_json_get_string (channel_names, "0"), ==, "Pump");
  g_assert_cmpstr (ck_json_get_string (channel_names, "3"), ==, "Filter");

  /* 400: more names than channels; 403: a sharee. */
  g_assert_false (set_channel_names (fixture->api, AQUARIUM, too_many, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  guest = sign_in_guest (fixture);
  g_assert_false (set_channel_names (guest, KITCHEN_PLUG, names, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "tags", armed[i].code);
      g_assert_false (set_channel_names (fixture->api, AQUARIUM, names, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

/* ------------------------------------------------------------------------ */
/* Device status over HTTP (spec §3.17, §3.18)                               */

static void
test_status_get (ApiFixture    *fixture,
                 gconstpointer  data)
{
  static const char * const filter[] = { "switch", "nothing-by-this-name", NULL };
  static const char * const two[] = { "switch", "startup", NULL };
  static const Armed armed[] = {
    { 403, CK_ERROR_NOT_PERMITTED }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(JsonObject) some = NULL;
  g_autoptr(JsonObject) pair = NULL;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  all = get_status (fixture->api, KITCHEN_PLUG, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ck_json_get_string (all, "switch"));
  g_assert_cmpuint (json_object_get_size (all), >, 1);

  /* The filter keeps only known names; '|' travels as %7C. */
  some = get_status (fixture->api, KITCHEN_PLUG, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (some), ==, 1);
  g_assert_true (json_object_has_member (some, "switch"));
  pair = get_status (fixture->api, KITCHEN_PLUG, two, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (pair), ==, 2);

  /* 400: an unknown device (PEER-observed). */
  g_assert_null (get_status (fixture->api, UNKNOWN, NULL, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "status-get", armed[i].code);
      g_assert_null (get_status (fixture->api, KITCHEN_PLUG, NULL, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

static void
test_status_post (ApiFixture    *fixture,
                  gconstpointer  data)
{
  static const char * const only_switch[] = { "switch", NULL };
  static const Armed armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 504, CK_ERROR_DEVICE_UNREACHABLE },
    { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  const char *target;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  before = get_status (fixture->api, KITCHEN_PLUG, only_switch, &error);
  g_assert_no_error (error);
  target = g_strcmp0 (ck_json_get_string (before, "switch"), "on") == 0 ? "off" : "on";
  g_assert_true (set_status (fixture->api, KITCHEN_PLUG, "switch", target, &error));
  g_assert_no_error (error);
  after = get_status (fixture->api, KITCHEN_PLUG, only_switch, &error);
  g_assert_cmpstr (ck_json_get_string (after, "switch"), ==, target);

  /* 503: offline; 403: not the caller's device. */
  g_assert_false (set_status (fixture->api, GARDEN_PUMP, "switch", "on", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE);
  g_clear_error (&error);
  g_assert_false (set_status (fixture->api, UNKNOWN, "switch", "on", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  /* 504 and 400 in the answer; 500 as a real HTTP 500. */
  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "status-post", armed[i].code);
      g_assert_false (set_status (fixture->api, KITCHEN_PLUG, "switch", "on", &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

/* ------------------------------------------------------------------------ */
/* Dispatch (spec §3.16)                                                     */

static void
test_dispatch (ApiFixture    *fixture,
               gconstpointer  data)
{
  static const Armed armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 401, CK_ERROR_SESSION_TAKEN },
    { 403, CK_ERROR_NOT_PERMITTED }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("ws://127.0.0.1:%u/api/ws",
                                               cksim_server_get_port (fixture->sim));
  GAsyncResult *result = NULL;
  char *url;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  ck_api_dispatch_async (fixture->api, NULL, api_store_result_cb, &result);
  url = ck_api_dispatch_finish (fixture->api, api_wait_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, expected);
  g_free (url);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "dispatch", armed[i].code);
      ck_api_dispatch_async (fixture->api, NULL, api_store_result_cb, &result);
      url = ck_api_dispatch_finish (fixture->api, api_wait_result (&result), &error);
      g_clear_object (&result);
      g_assert_null (url);
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)
#define ADD_SIGNED_IN(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up_signed_in, func, api_fixture_tear_down)

  ADD ("/api/devices/list", test_list);
  ADD ("/api/devices/get", test_get);
  ADD_SIGNED_IN ("/api/devices/add", test_add);
  ADD ("/api/devices/add-gsm", test_add_gsm);
  ADD ("/api/devices/delete", test_delete);
  ADD ("/api/devices/rename", test_rename);
  ADD ("/api/devices/channel-names", test_channel_names);
  ADD ("/api/devices/status-get", test_status_get);
  ADD ("/api/devices/status-post", test_status_post);
  ADD ("/api/devices/dispatch", test_dispatch);

#undef ADD
#undef ADD_SIGNED_IN

  return g_test_run ();
}
