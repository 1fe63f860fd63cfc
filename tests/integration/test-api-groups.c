/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-api-groups"

/* CkApi's group operations against the simulator (spec §3.15): the
 * success path and every error code the spec lists. */

#include "api-test-util.h"

#include "ck-json.h"

#define KITCHEN_PLUG  "1000a1b202"   /* the demo's, shared with the guest */
#define HALL_LIGHT    "1000a1b203"
#define UNKNOWN_GROUP "0123456789abcdef01234567"

typedef struct
{
  int     code;
  CkError meaning;
} Armed;

static const Armed armed[] = {
  { 400, CK_ERROR_BAD_REQUEST }, { 401, CK_ERROR_SESSION_TAKEN }, { 500, CK_ERROR_SERVER },
};

/* ------------------------------------------------------------------------ */
/* Blocking wrappers                                                         */

static char *
create_group (CkApi       *api,
              const char  *name,
              gint         index,
              GError     **error)
{
  GAsyncResult *result = NULL;
  char *id;

  ck_api_create_group_async (api, name, index, NULL, api_store_result_cb, &result);
  id = ck_api_create_group_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return id;
}

static gboolean
update_group (CkApi       *api,
              const char  *group_id,
              const char  *name,
              gint         index,
              GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_update_group_async (api, group_id, name, index, NULL, api_store_result_cb, &result);
  ok = ck_api_update_group_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static gboolean
delete_group (CkApi       *api,
              const char  *group_id,
              GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_delete_group_async (api, group_id, NULL, api_store_result_cb, &result);
  ok = ck_api_delete_group_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static JsonArray *
list_groups (CkApi   *api,
             GError **error)
{
  GAsyncResult *result = NULL;
  JsonArray *groups;

  ck_api_list_groups_async (api, NULL, api_store_result_cb, &result);
  groups = ck_api_list_groups_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return groups;
}

static gboolean
move_device (CkApi        *api,
             const char   *device_id,
             const char   *source_id,
             const char   *target_id,
             CkGroupMove   move,
             GError      **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_move_device_to_group_async (api, device_id, source_id, target_id, move, NULL,
                                     api_store_result_cb, &result);
  ok = ck_api_move_device_to_group_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

/* The group's index in the list, -1 if absent; its name in @name. */
static gint64
group_index (CkApi       *api,
             const char  *group_id,
             const char **name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) groups = list_groups (api, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);
      gint64 index = -1;

      if (g_strcmp0 (ck_json_get_string (group, "id"), group_id) != 0)
        continue;
      g_assert_true (ck_json_get_int (group, "index", &index));
      if (name != NULL)
        *name = g_intern_string (ck_json_get_string (group, "name"));
      return index;
    }
  return -1;
}

/* The device's `groups` in the device list. */
static gboolean
device_in_group (CkApi      *api,
                 const char *device_id,
                 const char *group_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = api_list_devices (api, &error);
  JsonObject *device = api_find_listed (list, device_id);
  JsonArray *groups;

  g_assert_no_error (error);
  g_assert_nonnull (device);
  groups = ck_json_get_array (device, "groups");
  for (guint j = 0; groups != NULL && j < json_array_get_length (groups); j++)
    if (g_strcmp0 (json_array_get_string_element (groups, j), group_id) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */

static void
test_create_and_list (ApiFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *front = NULL;
  g_autoptr(JsonArray) groups = NULL;
  const char *name = NULL;

  groups = list_groups (fixture->api, &error);
  g_assert_no_error (error);

  /* Index 0 appends; another index inserts there. */
  first = create_group (fixture->api, "Downstairs", 0, &error);
  g_assert_no_error (error);
  second = create_group (fixture->api, "Upstairs", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpint (group_index (fixture->api, second, &name), >, group_index (fixture->api, first, NULL));
  g_assert_cmpstr (name, ==, "Upstairs");

  front = create_group (fixture->api, "Garden", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (group_index (fixture->api, front, NULL), <, group_index (fixture->api, first, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      g_autofree char *none = NULL;
      g_autoptr(JsonArray) no_list = NULL;

      cksim_server_arm_fault (fixture->sim, "group-create", armed[i].code);
      none = create_group (fixture->api, "Attic", 0, &error);
      g_assert_null (none);
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);

      cksim_server_arm_fault (fixture->sim, "group-list", armed[i].code);
      no_list = list_groups (fixture->api, &error);
      g_assert_null (no_list);
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

static void
test_update (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *name = NULL;

  first = create_group (fixture->api, "Downstairs", 0, &error);
  second = create_group (fixture->api, "Upstairs", 0, &error);
  g_assert_no_error (error);

  /* Rename only. */
  g_assert_true (update_group (fixture->api, first, "Ground floor", -1, &error));
  g_assert_no_error (error);
  group_index (fixture->api, first, &name);
  g_assert_cmpstr (name, ==, "Ground floor");

  /* Reorder: the second moves in front of the first. */
  g_assert_cmpint (group_index (fixture->api, second, NULL), >, group_index (fixture->api, first, NULL));
  g_assert_true (update_group (fixture->api, second, NULL,
                               (gint) group_index (fixture->api, first, NULL), &error));
  g_assert_no_error (error);
  g_assert_cmpint (group_index (fixture->api, second, NULL), <, group_index (fixture->api, first, NULL));

  /* Both at once. */
  g_assert_true (update_group (fixture->api, second, "First floor", 1, &error));
  g_assert_no_error (error);
  group_index (fixture->api, second, &name);
  g_assert_cmpstr (name, ==, "First floor");

  /* 404: an unknown group, or another user's. */
  g_assert_false (update_group (fixture->api, UNKNOWN_GROUP, "Nowhere", -1, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(CkApi) guest = api_fixture_new_api (fixture);

    api_sign_in (guest, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
    g_assert_false (update_group (guest, first, "Stolen", -1, &error));
    g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "group-update", armed[i].code);
      g_assert_false (update_group (fixture->api, first, "Again", -1, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

static void
test_delete (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *group = NULL;

  group = create_group (fixture->api, "Temporary", 0, &error);
  g_assert_no_error (error);
  g_assert_true (move_device (fixture->api, HALL_LIGHT, NULL, group,
                              CK_GROUP_MOVE_REPLACE_SOURCE, &error));

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "group-delete", armed[i].code);
      g_assert_false (delete_group (fixture->api, group, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }

  /* Type 0: the group goes, its devices only leave it. */
  g_assert_true (delete_group (fixture->api, group, &error));
  g_assert_no_error (error);
  g_assert_cmpint (group_index (fixture->api, group, NULL), ==, -1);
  g_assert_false (device_in_group (fixture->api, HALL_LIGHT, group));

  /* 404: it is gone. */
  g_assert_false (delete_group (fixture->api, group, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
}

static void
test_move_device (ApiFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kitchen = NULL;
  g_autofree char *hall = NULL;
  g_autofree char *extra = NULL;
  g_autoptr(CkApi) guest = NULL;
  g_autofree char *guest_group = NULL;

  kitchen = create_group (fixture->api, "Kitchen", 0, &error);
  hall = create_group (fixture->api, "Hall", 0, &error);
  extra = create_group (fixture->api, "Extra", 0, &error);
  g_assert_no_error (error);

  /* Add (no source), move (source → target), replace all (type 1). */
  g_assert_true (move_device (fixture->api, HALL_LIGHT, NULL, kitchen,
                              CK_GROUP_MOVE_REPLACE_SOURCE, &error));
  g_assert_no_error (error);
  g_assert_true (device_in_group (fixture->api, HALL_LIGHT, kitchen));

  g_assert_true (move_device (fixture->api, HALL_LIGHT, kitchen, hall,
                              CK_GROUP_MOVE_REPLACE_SOURCE, &error));
  g_assert_no_error (error);
  g_assert_false (device_in_group (fixture->api, HALL_LIGHT, kitchen));
  g_assert_true (device_in_group (fixture->api, HALL_LIGHT, hall));

  g_assert_true (move_device (fixture->api, HALL_LIGHT, NULL, kitchen,
                              CK_GROUP_MOVE_REPLACE_SOURCE, &error));
  g_assert_true (move_device (fixture->api, HALL_LIGHT, NULL, extra,
                              CK_GROUP_MOVE_REPLACE_ALL, &error));
  g_assert_no_error (error);
  g_assert_true (device_in_group (fixture->api, HALL_LIGHT, extra));
  g_assert_false (device_in_group (fixture->api, HALL_LIGHT, kitchen));
  g_assert_false (device_in_group (fixture->api, HALL_LIGHT, hall));

  /* Remove (no target). */
  g_assert_true (move_device (fixture->api, HALL_LIGHT, extra, NULL,
                              CK_GROUP_MOVE_REPLACE_SOURCE, &error));
  g_assert_no_error (error);
  g_assert_false (device_in_group (fixture->api, HALL_LIGHT, extra));

  /* 404: an unknown group. */
  g_assert_false (move_device (fixture->api, HALL_LIGHT, NULL, UNKNOWN_GROUP,
                               CK_GROUP_MOVE_REPLACE_SOURCE, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A sharee may group a shared device in its own group; 403 for a device
   * it cannot see. */
  guest = api_fixture_new_api (fixture);
  api_sign_in (guest, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  guest_group = create_group (guest, "Borrowed", 0, &error);
  g_assert_no_error (error);
  g_assert_true (move_device (guest, KITCHEN_PLUG, NULL, guest_group,
                              CK_GROUP_MOVE_REPLACE_SOURCE, &error));
  g_assert_no_error (error);
  g_assert_false (move_device (guest, HALL_LIGHT, NULL, guest_group,
                               CK_GROUP_MOVE_REPLACE_SOURCE, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "group-add-device", armed[i].code);
      g_assert_false (move_device (fixture->api, HALL_LIGHT, NULL, kitchen,
                                   CK_GROUP_MOVE_REPLACE_SOURCE, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_SIGNED_IN(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up_signed_in, func, api_fixture_tear_down)

  ADD_SIGNED_IN ("/api/groups/create-and-list", test_create_and_list);
  ADD_SIGNED_IN ("/api/groups/update", test_update);
  ADD_SIGNED_IN ("/api/groups/delete", test_delete);
  ADD_SIGNED_IN ("/api/groups/move-device", test_move_device);

#undef ADD_SIGNED_IN

  return g_test_run ();
}
