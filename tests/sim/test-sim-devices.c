/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-devices"

#include <string.h>

#include "sim-test-util.h"

/* Devices: one device, add, addGsm, delete, rename, channel names, status
 * over HTTP, with the owner / sharee / stranger matrix of spec §8.5. */

#define PLUG   "1000a1b202"  /* shared with the guest */
#define HALL   "1000a1b203"  /* the owner's only */
#define AQUA   "1000a1b204"  /* four channels */
#define PUMP   "1000a1b20c"  /* offline */

typedef struct
{
  char *owner_at;
  char *owner_apikey;
  char *guest_at;
  char *guest_apikey;
} Accounts;

static void
accounts_login (SimFixture *f,
                Accounts   *a)
{
  a->owner_at = sim_login_demo (f);
  a->owner_apikey = g_strdup (f->apikey);
  a->guest_at = sim_login_guest (f);
  a->guest_apikey = g_strdup (f->apikey);
}

static void
accounts_clear (Accounts *a)
{
  g_free (a->owner_at);
  g_free (a->owner_apikey);
  g_free (a->guest_at);
  g_free (a->guest_apikey);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Accounts, accounts_clear)

static JsonObject *
get_device (SimFixture *f,
            const char *at,
            const char *deviceid,
            const char *extra)
{
  g_autofree char *path = g_strconcat ("/eu/api/user/device/", deviceid, NULL);
  g_autofree char *query = g_strdup_printf ("deviceid=%s%s", deviceid, extra);

  return sim_bearer_query (f, "GET", path, at, query);
}

/* The device list entry of @deviceid, or NULL. */
static JsonObject *
list_entry (SimFixture *f,
            const char *at,
            const char *deviceid,
            gboolean    tags)
{
  g_autoptr(JsonObject) list = sim_bearer_query (f, "GET", "/eu/api/user/device", at,
                                                 tags ? "getTags=1" : "lang=en");
  JsonArray *devices = json_object_get_array_member (list, "devicelist");

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_str_equal (json_object_get_string_member (device, "deviceid"), deviceid))
        return json_object_ref (device);
    }
  return NULL;
}

static void
test_device_get (SimFixture    *f,
                 gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *apikey_query = NULL;

  accounts_login (f, &a);

  /* The bare device object (no "error", no wrapper). */
  reply = get_device (f, a.owner_at, HALL, "");
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, HALL);
  g_assert_cmpstr (json_object_get_string_member (reply, "apikey"), ==, a.owner_apikey);
  g_assert_true (json_object_get_boolean_member (reply, "online"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (reply, "extra"), "extra"), "uiid"), ==, 6);
  g_assert_true (json_object_has_member (json_object_get_object_member (reply, "params"), "switch"));
  g_clear_pointer (&reply, json_object_unref);

  /* A sharee sees it with the owner's apikey and sharedBy. */
  reply = get_device (f, a.guest_at, PLUG, "");
  g_assert_cmpstr (json_object_get_string_member (reply, "apikey"), ==, a.owner_apikey);
  g_assert_true (json_object_has_member (reply, "sharedBy"));
  g_assert_false (json_object_has_member (reply, "sharedTo"));
  g_clear_pointer (&reply, json_object_unref);
  /* apikey: the caller's or the owner's, else 403 (§8.4.6). */
  apikey_query = g_strdup_printf ("&apikey=%s", a.guest_apikey);
  reply = get_device (f, a.guest_at, PLUG, apikey_query);
  g_assert_false (json_object_has_member (reply, "error"));
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (get_device (f, a.owner_at, PLUG, apikey_query), 403);

  /* A stranger's device and an unknown one: 404. */
  sim_assert_error (get_device (f, a.guest_at, HALL, ""), 404);
  sim_assert_error (get_device (f, a.owner_at, "1000ffffff", ""), 404);

  /* deviceid repeats the path. */
  sim_assert_error (sim_bearer_query (f, "GET", "/eu/api/user/device/" HALL, a.owner_at, "lang=en"), 400);
  sim_assert_error (sim_bearer_query (f, "GET", "/eu/api/user/device/" HALL, a.owner_at,
                                      "deviceid=" AQUA), 400);

  sim_arm_fault (f, "device-get", 401);
  reply = get_device (f, a.owner_at, HALL, "");
  g_assert_cmpint (sim_error_code (reply), ==, 401);
  g_assert_true (json_object_has_member (reply, "msg"));
}

static JsonObject *
add_device (SimFixture *f,
            const char *at,
            const char *deviceid,
            const char *apikey,
            const char *extra)
{
  g_autofree char *fields = g_strdup_printf ("\"deviceid\":\"%s\",\"apikey\":\"%s\"%s", deviceid, apikey, extra);

  return sim_bearer_body (f, "POST", "/eu/api/user/device/add", at, fields);
}

static void
test_device_add (SimFixture    *f,
                 gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) entry = NULL;
  const char *name = ",\"name\":\"Garage\",\"isSub\":0";

  accounts_login (f, &a);
  g_assert_null (list_entry (f, a.owner_at, CKSIM_FACTORY_DEVICE_ID, FALSE));

  /* Errors in the {"code":N,"error":"…"} shape. */
  reply = add_device (f, a.owner_at, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY, "");
  g_assert_cmpint (sim_code_error (reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "Device name, id and apikey must not be empty!");
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_code_error (add_device (f, a.owner_at, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY,
                                     ",\"name\":\"Garage\",\"isSub\":\"0\""), 400);
  sim_assert_code_error (add_device (f, a.owner_at, CKSIM_FACTORY_DEVICE_ID,
                                     CKSIM_FACTORY_DEVICE4_APIKEY, name), 400);
  sim_assert_code_error (add_device (f, a.owner_at, "1000f0ffff", CKSIM_FACTORY_DEVICE_APIKEY, name), 404);

  /* The bare device object, then in the list. */
  reply = add_device (f, a.owner_at, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY, name);
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_false (json_object_has_member (reply, "code"));
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, CKSIM_FACTORY_DEVICE_ID);
  g_assert_cmpstr (json_object_get_string_member (reply, "name"), ==, "Garage");
  g_assert_cmpstr (json_object_get_string_member (reply, "apikey"), ==, a.owner_apikey);
  g_assert_cmpstr (json_object_get_string_member (reply, "devicekey"), ==, CKSIM_FACTORY_DEVICE_APIKEY);
  g_clear_pointer (&reply, json_object_unref);
  entry = list_entry (f, a.owner_at, CKSIM_FACTORY_DEVICE_ID, FALSE);
  g_assert_nonnull (entry);
  g_assert_true (json_object_get_boolean_member (entry, "online"));

  /* Owned now: 409 for everyone. */
  sim_assert_code_error (add_device (f, a.owner_at, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY,
                                     name), 409);
  reply = add_device (f, a.guest_at, CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY, name);
  g_assert_cmpint (sim_code_error (reply), ==, 409);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "Device belongs to other user!");
  g_clear_pointer (&reply, json_object_unref);

  /* Armed: 403 "not this brand", in the code shape. */
  sim_arm_fault (f, "device-add", 403);
  reply = add_device (f, a.owner_at, CKSIM_FACTORY_DEVICE4_ID, CKSIM_FACTORY_DEVICE4_APIKEY, name);
  g_assert_cmpint (sim_code_error (reply), ==, 403);
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (reply, "error")));
  g_assert_cmpuint (json_node_get_value_type (json_object_get_member (reply, "error")), ==, G_TYPE_STRING);
}

static JsonObject *
add_gsm (SimFixture *f,
         const char *at,
         const char *fields)
{
  return sim_bearer_body (f, "POST", "/eu/api/user/device/addGsm", at, fields);
}

static void
test_device_add_gsm (SimFixture    *f,
                     gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5,
                                                        CKSIM_FACTORY_GSM_ID CKSIM_FACTORY_GSM_APIKEY, -1);
  const int armed[] = { 403, 500, 502, 503 };

  /* The worked example of spec §3.11. */
  g_assert_cmpstr (md5, ==, CKSIM_FACTORY_GSM_GSMID);
  accounts_login (f, &a);

  sim_assert_code_error (add_gsm (f, a.owner_at, "\"id\":\"" CKSIM_FACTORY_GSM_GSMID "\""), 400);
  sim_assert_code_error (add_gsm (f, a.owner_at,
                                  "\"id\":\"7681B9F799AFE370875AAA605D48973B\",\"name\":\"Well\""), 401);
  sim_assert_code_error (add_gsm (f, a.owner_at, "\"id\":\"100000788a\",\"name\":\"Well\""), 401);
  reply = add_gsm (f, a.owner_at, "\"id\":\"00000000000000000000000000000000\",\"name\":\"Well\"");
  g_assert_cmpint (sim_code_error (reply), ==, 404);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "Device does not exist!");
  g_clear_pointer (&reply, json_object_unref);

  reply = add_gsm (f, a.owner_at, "\"id\":\"" CKSIM_FACTORY_GSM_GSMID "\",\"name\":\"Well\"");
  g_assert_false (json_object_has_member (reply, "code"));
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, CKSIM_FACTORY_GSM_ID);
  g_assert_cmpstr (json_object_get_string_member (reply, "name"), ==, "Well");
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_code_error (add_gsm (f, a.guest_at,
                                  "\"id\":\"" CKSIM_FACTORY_GSM_GSMID "\",\"name\":\"Well\""), 409);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      sim_arm_fault (f, "device-add-gsm", armed[i]);
      sim_assert_code_error (add_gsm (f, a.owner_at,
                                      "\"id\":\"" CKSIM_FACTORY_GSM_GSMID "\",\"name\":\"Well\""), armed[i]);
    }
}

static JsonObject *
delete_device (SimFixture *f,
               const char *at,
               const char *deviceid,
               const char *extra)
{
  g_autofree char *path = g_strconcat ("/eu/api/user/device/", deviceid, NULL);
  g_autofree char *query = g_strdup_printf ("deviceid=%s%s", deviceid, extra);

  return sim_bearer_query (f, "DELETE", path, at, query);
}

static void
test_device_delete (SimFixture    *f,
                    gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autofree char *group_fields = NULL;
  g_autofree char *owner_apikey_query = NULL;
  g_autofree char *guest_apikey_query = NULL;
  g_autofree char *devicekey = NULL;
  g_autofree char *readd = NULL;
  g_autofree char *group_id = NULL;

  accounts_login (f, &a);
  owner_apikey_query = g_strdup_printf ("&apikey=%s", a.owner_apikey);
  guest_apikey_query = g_strdup_printf ("&apikey=%s", a.guest_apikey);

  /* The owner files the plug in a group first. */
  group_fields = g_strdup_printf ("\"name\":\"Kitchen\",\"index\":0,\"groupType\":0,\"apikey\":\"%s\"",
                                  a.owner_apikey);
  reply = sim_bearer_body (f, "POST", "/eu/api/group", a.owner_at, group_fields);
  group_id = g_strdup (json_object_get_string_member (reply, "groupid"));
  g_clear_pointer (&reply, json_object_unref);
  g_free (group_fields);
  group_fields = g_strdup_printf ("\"deviceinfos\":[{\"deviceid\":\"" PLUG "\",\"source_id\":\"\","
                                  "\"target_id\":\"%s\",\"type\":0}],\"groupType\":0,\"apikey\":\"%s\"",
                                  group_id, a.owner_apikey);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/group/addDevice", a.owner_at, group_fields), 0);
  entry = list_entry (f, a.owner_at, PLUG, FALSE);
  devicekey = g_strdup (json_object_get_string_member (entry, "devicekey"));
  g_clear_pointer (&entry, json_object_unref);

  /* A sharee may not (403), a stranger finds nothing (404). */
  sim_assert_error (delete_device (f, a.guest_at, PLUG, ""), 403);
  sim_assert_error (delete_device (f, a.guest_at, HALL, ""), 404);
  sim_assert_error (delete_device (f, a.owner_at, "1000ffffff", ""), 404);
  /* apikey: the owner's (§3.12). */
  sim_assert_error (delete_device (f, a.owner_at, PLUG, guest_apikey_query), 403);
  sim_assert_error (sim_bearer_query (f, "DELETE", "/eu/api/user/device/" PLUG, a.owner_at, "lang=en"), 400);

  /* The removed device comes back; it leaves both accounts. */
  reply = delete_device (f, a.owner_at, PLUG, owner_apikey_query);
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, PLUG);
  g_clear_pointer (&reply, json_object_unref);
  g_assert_null (list_entry (f, a.owner_at, PLUG, FALSE));
  g_assert_null (list_entry (f, a.guest_at, PLUG, FALSE));
  g_assert_null (sim_state_device (f, PLUG));

  /* Back in the factory inventory: added again, without shares or groups. */
  readd = g_strdup_printf ("\"deviceid\":\"" PLUG "\",\"apikey\":\"%s\",\"name\":\"Plug again\"", devicekey);
  reply = sim_bearer_body (f, "POST", "/eu/api/user/device/add", a.owner_at, readd);
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, PLUG);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "sharedTo")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "groups")), ==, 0);
  g_clear_pointer (&reply, json_object_unref);
  g_assert_null (list_entry (f, a.guest_at, PLUG, FALSE));

  sim_arm_fault (f, "device-delete", 500);
  reply = delete_device (f, a.owner_at, PLUG, "");
  g_assert_cmpint (sim_error_code (reply), ==, 500);
}

static JsonObject *
rename_device (SimFixture *f,
               const char *at,
               const char *deviceid,
               const char *fields)
{
  g_autofree char *path = g_strconcat ("/eu/api/user/device/", deviceid, NULL);

  return sim_bearer_body (f, "POST", path, at, fields);
}

static void
test_device_rename (SimFixture    *f,
                    gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) entry = NULL;

  accounts_login (f, &a);

  reply = rename_device (f, a.owner_at, HALL, "\"deviceid\":\"" HALL "\",\"name\":\"Corridor\",\"group\":\"\"");
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, HALL);
  g_clear_pointer (&reply, json_object_unref);
  entry = list_entry (f, a.owner_at, HALL, FALSE);
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "Corridor");

  sim_assert_error (rename_device (f, a.owner_at, HALL,
                                   "\"deviceid\":\"" HALL "\",\"name\":\"\",\"group\":\"\""), 400);
  sim_assert_error (rename_device (f, a.owner_at, HALL,
                                   "\"deviceid\":\"" HALL "\",\"name\":\"Corridor\""), 400);
  sim_assert_error (rename_device (f, a.guest_at, PLUG,
                                   "\"deviceid\":\"" PLUG "\",\"name\":\"Mine\",\"group\":\"\""), 403);
  sim_assert_error (rename_device (f, a.guest_at, HALL,
                                   "\"deviceid\":\"" HALL "\",\"name\":\"Mine\",\"group\":\"\""), 404);
  sim_assert_error (rename_device (f, a.owner_at, "1000ffffff", "\"name\":\"Ghost\",\"group\":\"\""), 404);

  sim_arm_fault (f, "device-rename", 401);
  reply = rename_device (f, a.owner_at, HALL, "\"name\":\"Corridor\",\"group\":\"\"");
  g_assert_cmpint (sim_error_code (reply), ==, 401);
}

static JsonObject *
set_tags (SimFixture *f,
          const char *at,
          const char *deviceid,
          const char *value)
{
  g_autofree char *fields = g_strdup_printf ("\"deviceid\":\"%s\",\"key\":\"ck_channel_name\",\"value\":%s",
                                             deviceid, value);

  return sim_bearer_body (f, "POST", "/eu/api/user/tags", at, fields);
}

static void
test_tags (SimFixture    *f,
           gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) entry = NULL;
  JsonObject *names;
  g_autofree char *long_name = g_strnfill (65, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"0\":\"%s\"}", long_name);
  g_autofree char *max_name = g_strdup_printf ("{\"3\":\"%.64s\"}", long_name);

  accounts_login (f, &a);

  sim_assert_error (set_tags (f, a.owner_at, AQUA, "{\"0\":\"Filter\",\"1\":\"Heater\"}"), 0);
  entry = list_entry (f, a.owner_at, AQUA, TRUE);
  names = json_object_get_object_member (json_object_get_object_member (entry, "tags"), "ck_channel_name");
  g_assert_cmpstr (json_object_get_string_member (names, "1"), ==, "Heater");
  g_clear_pointer (&entry, json_object_unref);
  /* Only with getTags=1. */
  entry = list_entry (f, a.owner_at, AQUA, FALSE);
  g_assert_false (json_object_has_member (entry, "tags"));
  g_clear_pointer (&entry, json_object_unref);

  /* The object replaces the previous one. */
  sim_assert_error (set_tags (f, a.owner_at, AQUA, max_name), 0);
  entry = list_entry (f, a.owner_at, AQUA, TRUE);
  names = json_object_get_object_member (json_object_get_object_member (entry, "tags"), "ck_channel_name");
  g_assert_false (json_object_has_member (names, "0"));
  g_assert_cmpuint (strlen (json_object_get_string_member (names, "3")), ==, 64);

  /* Keys within the channel count, names ≤ 64 characters, the fixed key. */
  sim_assert_error (set_tags (f, a.owner_at, AQUA, "{\"4\":\"Fifth\"}"), 400);
  sim_assert_error (set_tags (f, a.owner_at, HALL, "{\"1\":\"Second\"}"), 400);
  sim_assert_error (set_tags (f, a.owner_at, AQUA, "{\"01\":\"Padded\"}"), 400);
  sim_assert_error (set_tags (f, a.owner_at, AQUA, too_long), 400);
  sim_assert_error (set_tags (f, a.owner_at, AQUA, "{\"0\":1}"), 400);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/user/tags", a.owner_at,
                                     "\"deviceid\":\"" AQUA "\",\"key\":\"zyx_info\",\"value\":{\"0\":\"A\"}"), 400);

  /* A sharee and a stranger: 403. */
  sim_assert_error (set_tags (f, a.guest_at, PLUG, "{\"0\":\"Mine\"}"), 403);
  sim_assert_error (set_tags (f, a.guest_at, AQUA, "{\"0\":\"Mine\"}"), 403);

  sim_arm_fault (f, "tags", 500);
  reply = set_tags (f, a.owner_at, AQUA, "{\"0\":\"Filter\"}");
  g_assert_cmpint (sim_error_code (reply), ==, 500);
}

static JsonObject *
status_get (SimFixture *f,
            const char *at,
            const char *query)
{
  return sim_bearer_query (f, "GET", "/eu/api/user/device/status", at, query);
}

static void
test_status_get (SimFixture    *f,
                 gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  JsonObject *params;

  accounts_login (f, &a);

  /* The filter separated by a raw "|" or by %7C. */
  reply = status_get (f, a.owner_at, "deviceid=" HALL "&params=switch|startup");
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  params = json_object_get_object_member (reply, "params");
  g_assert_cmpuint (json_object_get_size (params), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (params, "startup"), ==, "stay");
  g_clear_pointer (&reply, json_object_unref);
  reply = status_get (f, a.owner_at, "deviceid=" HALL "&params=switch%7Cnothing");
  params = json_object_get_object_member (reply, "params");
  g_assert_cmpuint (json_object_get_size (params), ==, 1);
  g_assert_true (json_object_has_member (params, "switch"));
  g_clear_pointer (&reply, json_object_unref);
  reply = status_get (f, a.owner_at, "deviceid=" HALL "&params=nothing");
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (reply, "params")), ==, 0);
  g_clear_pointer (&reply, json_object_unref);
  /* No filter: everything; an offline device answers from the shadow. */
  reply = status_get (f, a.owner_at, "deviceid=" PUMP);
  g_assert_true (json_object_has_member (json_object_get_object_member (reply, "params"), "switches"));
  g_clear_pointer (&reply, json_object_unref);

  /* Sharee yes; stranger and unknown: 400 with errmsg. */
  sim_assert_error (status_get (f, a.guest_at, "deviceid=" PLUG "&params=switch"), 0);
  reply = status_get (f, a.guest_at, "deviceid=" HALL);
  g_assert_cmpint (sim_error_code (reply), ==, 400);
  g_assert_true (json_object_has_member (reply, "errmsg"));
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (status_get (f, a.owner_at, "deviceid=1000ffffff"), 400);

  sim_arm_fault (f, "status-get", 403);
  reply = status_get (f, a.owner_at, "deviceid=" HALL);
  g_assert_cmpint (sim_error_code (reply), ==, 403);
  g_assert_true (json_object_has_member (reply, "errmsg"));
}

static JsonObject *
status_post (SimFixture *f,
             const char *at,
             const char *fields,
             guint      *status)
{
  g_autofree char *auth = g_strconcat ("Bearer ", at, NULL);
  g_autofree char *nonce = g_strdup_printf ("%08x", g_random_int ());
  g_autofree char *body = g_strdup_printf ("{%s,\"appid\":\"%s\",\"nonce\":\"%s\",\"ts\":%" G_GINT64_FORMAT
                                           ",\"version\":8}", fields, CKSIM_EXAMPLE_APP_ID, nonce,
                                           cksim_server_get_time (f->server));

  return sim_http (f, "POST", "/eu/api/user/device/status", body, "application/json", auth, status);
}

static void
test_status_post (SimFixture    *f,
                  gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) relayed = NULL;
  g_autoptr(JsonObject) online = NULL;
  g_autoptr(SimWs) ws = NULL;
  guint status;

  accounts_login (f, &a);
  ws = sim_ws_connect (f);
  online = sim_ws_user_online (f, ws, a.guest_at, a.guest_apikey, CKSIM_EXAMPLE_APP_ID);
  g_assert_cmpint (sim_error_code (online), ==, 0);

  /* Stored and relayed to the sessions that see the device, like a WS update. */
  reply = status_post (f, a.owner_at, "\"deviceid\":\"" PLUG "\",\"params\":{\"switch\":\"on\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "deviceid"), ==, PLUG);
  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, PLUG), "switch"),
                   ==, "on");
  relayed = sim_ws_next (ws, 2000);
  g_assert_cmpstr (json_object_get_string_member (relayed, "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (relayed, "deviceid"), ==, PLUG);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (relayed, "params"), "switch"),
                   ==, "on");
  g_clear_pointer (&reply, json_object_unref);

  /* An array of objects, per the doc. */
  reply = status_post (f, a.guest_at, "\"deviceid\":\"" PLUG "\",\"params\":[{\"switch\":\"off\"}]", &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, PLUG), "switch"),
                   ==, "off");
  g_clear_pointer (&reply, json_object_unref);

  /* Offline 503, stranger 403, bad params 400, a value the device refuses 400. */
  reply = status_post (f, a.owner_at, "\"deviceid\":\"" PUMP "\",\"params\":{\"switches\":[{\"switch\":\"on\","
                       "\"outlet\":0}]}", &status);
  g_assert_cmpint (sim_error_code (reply), ==, 503);
  g_assert_true (json_object_has_member (reply, "errmsg"));
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (status_post (f, a.guest_at, "\"deviceid\":\"" HALL "\",\"params\":{\"switch\":\"on\"}", &status),
                    403);
  sim_assert_error (status_post (f, a.owner_at, "\"deviceid\":\"" HALL "\",\"params\":\"on\"", &status), 400);
  /* The device's refusal says why, in msg and in the status endpoints' errmsg. */
  reply = status_post (f, a.owner_at, "\"deviceid\":\"" HALL "\",\"params\":{\"switch\":\"maybe\"}", &status);
  g_assert_cmpint (sim_error_code (reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==, "\"switch\": unexpected value \"maybe\"");
  g_assert_cmpstr (json_object_get_string_member (reply, "errmsg"), ==, json_object_get_string_member (reply, "msg"));
  g_clear_pointer (&reply, json_object_unref);
  reply = status_post (f, a.owner_at, "\"deviceid\":\"" HALL "\",\"params\":{\"swich\":\"on\"}", &status);
  g_assert_cmpint (sim_error_code (reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "msg"), ==, "unknown key \"swich\"");
  g_clear_pointer (&reply, json_object_unref);

  /* Armed: 500 is a real HTTP 500 (FIELD); 504 in the errmsg shape. */
  sim_arm_fault (f, "status-post", 500);
  reply = status_post (f, a.owner_at, "\"deviceid\":\"" HALL "\",\"params\":{\"switch\":\"on\"}", &status);
  g_assert_cmpuint (status, ==, 500);
  g_assert_null (reply);
  sim_arm_fault (f, "status-post", 504);
  reply = status_post (f, a.owner_at, "\"deviceid\":\"" HALL "\",\"params\":{\"switch\":\"on\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sim_error_code (reply), ==, 504);
  g_assert_true (json_object_has_member (reply, "errmsg"));
}

static void
test_literal_paths (SimFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *at = sim_login_demo (f);
  g_autoptr(JsonObject) reply = NULL;
  guint status;
  g_autofree char *auth = g_strconcat ("Bearer ", at, NULL);

  /* "add" is a literal segment, never a device id (§2.2): GET is a 405. */
  reply = sim_http (f, "GET", "/eu/api/user/device/add", NULL, "application/json", auth, &status);
  g_assert_cmpuint (status, ==, 405);
}

/* The number of devices in the list @at sees. */
static guint
list_length (SimFixture *f,
             const char *at)
{
  g_autoptr(JsonObject) list = sim_bearer_query (f, "GET", "/eu/api/user/device", at, "lang=en");

  return json_array_get_length (json_object_get_array_member (list, "devicelist"));
}

/* cksim_server_add_device() and /_sim/device/add: devices seeded into an
 * account without a state file (spec §8.9). */
static void
test_device_seed (SimFixture    *f,
                  gconstpointer  data)
{
  g_auto(Accounts) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) params = json_from_string ("{\"switch\":\"on\",\"startup\":\"off\"}", NULL);
  g_autoptr(JsonNode) bulb = json_from_string ("{\"uiid\":104,\"name\":\"Seeded bulb\",\"online\":false}", NULL);
  g_autoptr(JsonNode) bad_uiid = json_from_string ("{\"uiid\":\"1\"}", NULL);
  g_autoptr(JsonNode) taken = json_from_string ("{\"deviceid\":\"" PLUG "\"}", NULL);
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *plug_id = NULL;
  g_autofree char *bulb_id = NULL;
  g_autofree char *switch_off = NULL;
  JsonArray *ids;
  guint before;

  accounts_login (f, &a);
  before = list_length (f, a.owner_at);

  /* Bare params: a UIID 1 switch with a fresh id, in the owner's list. */
  plug_id = cksim_server_add_device (f->server, CKSIM_DEMO_EMAIL, json_node_get_object (params), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (plug_id), ==, 10);
  entry = list_entry (f, a.owner_at, plug_id, FALSE);
  g_assert_nonnull (entry);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (entry, "extra"),
                                                                              "extra"), "uiid"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "params"), "switch"), ==, "on");
  g_assert_true (json_object_get_boolean_member (entry, "online"));
  g_assert_null (list_entry (f, a.guest_at, plug_id, FALSE));
  g_clear_pointer (&entry, json_object_unref);

  /* A description: the demo's params for its UIID unless given. */
  bulb_id = cksim_server_add_device (f->server, CKSIM_DEMO_EMAIL, json_node_get_object (bulb), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bulb_id, !=, plug_id);
  entry = list_entry (f, a.owner_at, bulb_id, FALSE);
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "Seeded bulb");
  g_assert_false (json_object_get_boolean_member (entry, "online"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "params"), "ltype"), ==, "white");
  g_assert_cmpuint (list_length (f, a.owner_at), ==, before + 2);

  /* The seeded switch is a real device: the emulator validates its updates. */
  switch_off = g_strdup_printf ("\"deviceid\":\"%s\",\"params\":{\"switch\":\"off\"}", plug_id);
  sim_assert_error (status_post (f, a.owner_at, switch_off, NULL), 0);
  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, plug_id), "switch"),
                   ==, "off");

  /* Errors: no such account, a taken id, a malformed description. */
  g_assert_null (cksim_server_add_device (f->server, "nobody@relay.example", json_node_get_object (params), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cksim_server_add_device (f->server, CKSIM_DEMO_EMAIL, json_node_get_object (taken), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (cksim_server_add_device (f->server, CKSIM_DEMO_EMAIL, json_node_get_object (bad_uiid), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (list_length (f, a.owner_at), ==, before + 2);

  /* The hook, in bulk, to the guest: ids in order, all in the guest's list. */
  reply = sim_control (f, "POST", "/_sim/device/add",
                       "{\"email\":\"" CKSIM_DEMO_GUEST_EMAIL "\",\"devices\":[{\"switch\":\"off\"},"
                       "{\"deviceid\":\"10010abcde\",\"uiid\":4},{\"uiid\":15,\"name\":\"Seeded TH\"}]}");
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  ids = json_object_get_array_member (reply, "deviceids");
  g_assert_cmpuint (json_array_get_length (ids), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (ids, 1), ==, "10010abcde");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) seeded = list_entry (f, a.guest_at, json_array_get_string_element (ids, i), FALSE);

      g_assert_nonnull (seeded);
    }
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (sim_control (f, "POST", "/_sim/device/add",
                                 "{\"email\":\"" CKSIM_DEMO_GUEST_EMAIL "\",\"device\":{\"uiid\":1}}"), 0);
  sim_assert_error (sim_control (f, "POST", "/_sim/device/add",
                                 "{\"email\":\"nobody@relay.example\",\"device\":{}}"), 404);
  sim_assert_error (sim_control (f, "POST", "/_sim/device/add",
                                 "{\"email\":\"" CKSIM_DEMO_EMAIL "\",\"device\":{\"deviceid\":\"10010abcde\"}}"), 409);
  sim_assert_error (sim_control (f, "POST", "/_sim/device/add",
                                 "{\"email\":\"" CKSIM_DEMO_EMAIL "\",\"device\":{\"params\":[]}}"), 400);
  sim_assert_error (sim_control (f, "POST", "/_sim/device/add", "{\"email\":\"" CKSIM_DEMO_EMAIL "\"}"), 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SIM_TEST_ADD ("/sim/devices/get", test_device_get, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/add", test_device_add, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/add-gsm", test_device_add_gsm, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/delete", test_device_delete, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/rename", test_device_rename, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/tags", test_tags, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/status-get", test_status_get, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/status-post", test_status_post, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/literal-paths", test_literal_paths, F_DEFAULT);
  SIM_TEST_ADD ("/sim/devices/seed", test_device_seed, F_DEFAULT);

  return g_test_run ();
}
