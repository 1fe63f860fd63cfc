/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-groups"

#include <string.h>

#include "sim-test-util.h"

/* Groups: create, update, delete, list, addDevice (spec §3.15, §8.8.7). */

#define PLUG "1000a1b202"  /* shared with the guest */
#define HALL "1000a1b203"
#define AQUA "1000a1b204"

typedef struct
{
  SimFixture *f;
  char       *at;
  char       *apikey;
} Caller;

static void
caller_clear (Caller *c)
{
  g_free (c->at);
  g_free (c->apikey);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Caller, caller_clear)

static void
caller_login (SimFixture *f,
              Caller     *c,
              gboolean    guest)
{
  c->f = f;
  c->at = guest ? sim_login_guest (f) : sim_login_demo (f);
  c->apikey = g_strdup (f->apikey);
}

/* POST / PUT /api/group... with groupType 0 and the caller's apikey. */
static JsonObject *
group_body (Caller     *c,
            const char *method,
            const char *path,
            const char *fields)
{
  g_autofree char *all = g_strdup_printf ("%s%s\"groupType\":0,\"apikey\":\"%s\"", fields,
                                          *fields != '\0' ? "," : "", c->apikey);

  return sim_bearer_body (c->f, method, path, c->at, all);
}

static char *
create_group (Caller     *c,
              const char *name,
              int         index)
{
  g_autofree char *fields = g_strdup_printf ("\"name\":\"%s\",\"index\":%d", name, index);
  g_autoptr(JsonObject) reply = group_body (c, "POST", "/eu/api/group", fields);
  const char *id;

  g_assert_cmpint (sim_error_code (reply), ==, 0);
  id = json_object_get_string_member (reply, "groupid");
  g_assert_cmpuint (strlen (id), ==, 24);
  return g_strdup (id);
}

static JsonObject *
list_groups (Caller *c)
{
  g_autofree char *query = g_strdup_printf ("groupType=0&apikey=%s", c->apikey);

  return sim_bearer_query (c->f, "GET", "/eu/api/group", c->at, query);
}

/* The names in list order, "A,B,C", after checking indexes run 1..N. */
static char *
group_names (Caller *c)
{
  g_autoptr(JsonObject) reply = list_groups (c);
  JsonArray *infos = json_object_get_array_member (reply, "groupinfos");
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_cmpint (sim_error_code (reply), ==, 0);
  for (guint i = 0; i < json_array_get_length (infos); i++)
    {
      JsonObject *info = json_array_get_object_element (infos, i);

      g_assert_cmpint (json_object_get_int_member (info, "index"), ==, i + 1);
      g_assert_true (json_object_has_member (info, "createdAt"));
      g_assert_cmpuint (strlen (json_object_get_string_member (info, "id")), ==, 24);
      g_string_append_printf (names, "%s%s", i > 0 ? "," : "", json_object_get_string_member (info, "name"));
    }
  return g_strdup (names->str);
}

static JsonObject *
delete_group (Caller     *c,
              const char *id,
              const char *type)
{
  g_autofree char *query = g_strdup_printf ("id=%s&type=%s&apikey=%s", id, type, c->apikey);

  return sim_bearer_query (c->f, "DELETE", "/eu/api/group", c->at, query);
}

static void
test_groups_crud (SimFixture    *f,
                  gconstpointer  data)
{
  g_auto(Caller) owner = { 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *names = NULL;
  g_autofree char *fields = NULL;
  g_autoptr(JsonObject) reply = NULL;

  caller_login (f, &owner, FALSE);

  /* index 0: appended; otherwise inserted there, the rest shift. */
  a = create_group (&owner, "A", 0);
  b = create_group (&owner, "B", 0);
  c = create_group (&owner, "C", 1);
  names = group_names (&owner);
  g_assert_cmpstr (names, ==, "C,A,B");
  g_free (names);

  /* Update: reorder and rename. */
  fields = g_strdup_printf ("\"id\":\"%s\",\"index\":3", c);
  sim_assert_error (group_body (&owner, "PUT", "/eu/api/group", fields), 0);
  names = group_names (&owner);
  g_assert_cmpstr (names, ==, "A,B,C");
  g_free (names);
  g_free (fields);
  fields = g_strdup_printf ("\"id\":\"%s\",\"name\":\"Bee\",\"index\":1", b);
  sim_assert_error (group_body (&owner, "PUT", "/eu/api/group", fields), 0);
  names = group_names (&owner);
  g_assert_cmpstr (names, ==, "Bee,A,C");
  g_free (names);

  /* Update errors: nothing to change, an empty name, an unknown id. */
  g_free (fields);
  fields = g_strdup_printf ("\"id\":\"%s\"", b);
  sim_assert_error (group_body (&owner, "PUT", "/eu/api/group", fields), 400);
  g_free (fields);
  fields = g_strdup_printf ("\"id\":\"%s\",\"name\":\"\"", b);
  sim_assert_error (group_body (&owner, "PUT", "/eu/api/group", fields), 400);
  sim_assert_error (group_body (&owner, "PUT", "/eu/api/group",
                                "\"id\":\"000000000000000000000000\",\"name\":\"X\""), 404);

  /* Create errors: no name, a negative or non-numeric index, groupType 1. */
  sim_assert_error (group_body (&owner, "POST", "/eu/api/group", "\"index\":0"), 400);
  sim_assert_error (group_body (&owner, "POST", "/eu/api/group", "\"name\":\"D\",\"index\":\"2\""), 400);
  g_free (fields);
  fields = g_strdup_printf ("\"name\":\"D\",\"index\":0,\"groupType\":1,\"apikey\":\"%s\"", owner.apikey);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/group", owner.at, fields), 400);
  /* Someone else's apikey: 403 (§8.4.6); none at all: 400. */
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/group", owner.at,
                                     "\"name\":\"D\",\"index\":0,\"groupType\":0,\"apikey\":\"0e7c2b6a-0000-0000-0000-000000000000\""), 403);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/group", owner.at,
                                     "\"name\":\"D\",\"index\":0,\"groupType\":0"), 400);

  /* Delete: type 0 only; the rest renumber. */
  sim_assert_error (delete_group (&owner, a, "1"), 400);
  sim_assert_error (delete_group (&owner, a, "0"), 0);
  names = group_names (&owner);
  g_assert_cmpstr (names, ==, "Bee,C");
  sim_assert_error (delete_group (&owner, a, "0"), 404);

  /* Armed codes of §3.15. */
  sim_arm_fault (f, "group-list", 500);
  sim_assert_error (list_groups (&owner), 500);
  sim_arm_fault (f, "group-create", 401);
  reply = group_body (&owner, "POST", "/eu/api/group", "\"name\":\"E\",\"index\":0");
  g_assert_cmpint (sim_error_code (reply), ==, 401);
}

static void
test_groups_foreign (SimFixture    *f,
                     gconstpointer  data)
{
  g_auto(Caller) owner = { 0 };
  g_auto(Caller) guest = { 0 };
  g_autofree char *mine = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *names = NULL;
  g_autoptr(JsonObject) reply = NULL;

  caller_login (f, &owner, FALSE);
  caller_login (f, &guest, TRUE);
  mine = create_group (&owner, "Owner's", 0);

  /* Groups are per user: another user's group is unknown (404). */
  names = group_names (&guest);
  g_assert_cmpstr (names, ==, "");
  fields = g_strdup_printf ("\"id\":\"%s\",\"name\":\"Taken\"", mine);
  sim_assert_error (group_body (&guest, "PUT", "/eu/api/group", fields), 404);
  sim_assert_error (delete_group (&guest, mine, "0"), 404);
  g_free (fields);
  fields = g_strdup_printf ("\"deviceinfos\":[{\"deviceid\":\"" PLUG "\",\"source_id\":\"\",\"target_id\":\"%s\"}]",
                            mine);
  sim_assert_error (group_body (&guest, "POST", "/eu/api/group/addDevice", fields), 404);
  /* The guest's own list uses the guest's apikey: the owner's is 403. */
  g_free (fields);
  fields = g_strdup_printf ("groupType=0&apikey=%s", owner.apikey);
  reply = sim_bearer_query (f, "GET", "/eu/api/group", guest.at, fields);
  g_assert_cmpint (sim_error_code (reply), ==, 403);
}

/* The device's "groups" in @c's device list. */
static char *
device_groups (Caller     *c,
               const char *deviceid)
{
  g_autoptr(JsonObject) list = sim_bearer_query (c->f, "GET", "/eu/api/user/device", c->at, "lang=en");
  JsonArray *devices = json_object_get_array_member (list, "devicelist");

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);
      JsonArray *groups = json_object_get_array_member (device, "groups");
      g_autoptr(GString) ids = g_string_new (NULL);

      if (!g_str_equal (json_object_get_string_member (device, "deviceid"), deviceid))
        continue;
      for (guint j = 0; j < json_array_get_length (groups); j++)
        g_string_append_printf (ids, "%s%s", j > 0 ? "," : "", json_array_get_string_element (groups, j));
      return g_strdup (ids->str);
    }
  g_assert_not_reached ();
}

static JsonObject *
move (Caller     *c,
      const char *deviceinfos)
{
  g_autofree char *fields = g_strdup_printf ("\"deviceinfos\":%s", deviceinfos);

  return group_body (c, "POST", "/eu/api/group/addDevice", fields);
}

static void
test_groups_add_device (SimFixture    *f,
                        gconstpointer  data)
{
  g_auto(Caller) owner = { 0 };
  g_auto(Caller) guest = { 0 };
  g_autofree char *g1 = NULL;
  g_autofree char *g2 = NULL;
  g_autofree char *g3 = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *infos = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonObject) reply = NULL;

  caller_login (f, &owner, FALSE);
  caller_login (f, &guest, TRUE);
  g1 = create_group (&owner, "One", 0);
  g2 = create_group (&owner, "Two", 0);
  g3 = create_group (&owner, "Three", 0);
  mine = create_group (&guest, "Guest's", 0);

  /* An empty source adds (type 0), as an array of several entries. */
  infos = g_strdup_printf ("[{\"deviceid\":\"" HALL "\",\"source_id\":\"\",\"target_id\":\"%s\",\"type\":0},"
                           "{\"deviceid\":\"" HALL "\",\"source_id\":\"\",\"target_id\":\"%s\",\"type\":0}]", g1, g2);
  sim_assert_error (move (&owner, infos), 0);
  groups = device_groups (&owner, HALL);
  expected = g_strdup_printf ("%s,%s", g1, g2);
  g_assert_cmpstr (groups, ==, expected);

  /* type 0 replaces source by target and keeps the rest; a single object. */
  g_free (infos);
  infos = g_strdup_printf ("{\"deviceid\":\"" HALL "\",\"source_id\":\"%s\",\"target_id\":\"%s\",\"type\":0}", g1, g3);
  sim_assert_error (move (&owner, infos), 0);
  g_free (groups);
  g_free (expected);
  groups = device_groups (&owner, HALL);
  expected = g_strdup_printf ("%s,%s", g2, g3);
  g_assert_cmpstr (groups, ==, expected);

  /* type 1 replaces the whole list with [target]. */
  g_free (infos);
  infos = g_strdup_printf ("[{\"deviceid\":\"" HALL "\",\"source_id\":\"\",\"target_id\":\"%s\",\"type\":1}]", g1);
  sim_assert_error (move (&owner, infos), 0);
  g_free (groups);
  groups = device_groups (&owner, HALL);
  g_assert_cmpstr (groups, ==, g1);

  /* An empty target removes from source. */
  g_free (infos);
  infos = g_strdup_printf ("[{\"deviceid\":\"" HALL "\",\"source_id\":\"%s\",\"target_id\":\"\"}]", g1);
  sim_assert_error (move (&owner, infos), 0);
  g_free (groups);
  groups = device_groups (&owner, HALL);
  g_assert_cmpstr (groups, ==, "");

  /* A sharee files a shared device in his own group; each sees his own. */
  g_free (infos);
  infos = g_strdup_printf ("[{\"deviceid\":\"" PLUG "\",\"source_id\":\"\",\"target_id\":\"%s\"}]", g2);
  sim_assert_error (move (&owner, infos), 0);
  g_free (infos);
  infos = g_strdup_printf ("[{\"deviceid\":\"" PLUG "\",\"source_id\":\"\",\"target_id\":\"%s\"}]", mine);
  sim_assert_error (move (&guest, infos), 0);
  g_free (groups);
  groups = device_groups (&guest, PLUG);
  g_assert_cmpstr (groups, ==, mine);
  g_free (groups);
  groups = device_groups (&owner, PLUG);
  g_assert_cmpstr (groups, ==, g2);

  /* A device the caller cannot see: 403; nothing is applied (all or nothing). */
  g_free (infos);
  infos = g_strdup_printf ("[{\"deviceid\":\"" PLUG "\",\"source_id\":\"%s\",\"target_id\":\"\"},"
                           "{\"deviceid\":\"" AQUA "\",\"source_id\":\"\",\"target_id\":\"%s\"}]", mine, mine);
  sim_assert_error (move (&guest, infos), 403);
  g_free (groups);
  groups = device_groups (&guest, PLUG);
  g_assert_cmpstr (groups, ==, mine);

  /* Unknown group 404; a bad type, no ids, a missing list: 400. */
  sim_assert_error (move (&owner,
                          "[{\"deviceid\":\"" HALL "\",\"source_id\":\"\",\"target_id\":\"000000000000000000000000\"}]"), 404);
  g_free (infos);
  infos = g_strdup_printf ("[{\"deviceid\":\"" HALL "\",\"source_id\":\"\",\"target_id\":\"%s\",\"type\":2}]", g1);
  sim_assert_error (move (&owner, infos), 400);
  sim_assert_error (move (&owner, "[{\"deviceid\":\"" HALL "\",\"source_id\":\"\",\"target_id\":\"\"}]"), 400);
  sim_assert_error (move (&owner, "[]"), 400);

  /* Deleting a group drops it from its devices. */
  sim_assert_error (delete_group (&owner, g2, "0"), 0);
  g_free (groups);
  groups = device_groups (&owner, PLUG);
  g_assert_cmpstr (groups, ==, "");

  sim_arm_fault (f, "group-add-device", 500);
  reply = move (&owner, "[]");
  g_assert_cmpint (sim_error_code (reply), ==, 500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SIM_TEST_ADD ("/sim/groups/crud", test_groups_crud, F_DEFAULT);
  SIM_TEST_ADD ("/sim/groups/foreign", test_groups_foreign, F_DEFAULT);
  SIM_TEST_ADD ("/sim/groups/add-device", test_groups_add_device, F_DEFAULT);

  return g_test_run ();
}
