/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl groups (ls, add, rename, reorder, rm, assign) against relay-sim,
 * each change checked in /_sim/state. */

#include <string.h>

#include "relayctl-test-util.h"

#define DESK_LAMP_ID    "1000a1b201"
#define KITCHEN_PLUG_ID "1000a1b202"

/* The demo's group names in the simulator, by position. */
static char *
sim_group_names (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) groups = sim_user_groups (state, CKSIM_DEMO_EMAIL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) array = NULL;

  for (guint i = 0; i < groups->len; i++)
    g_strv_builder_add (names, json_object_get_string_member (g_ptr_array_index (groups, i), "name"));
  array = g_strv_builder_end (names);

  return g_strjoinv (",", array);
}

static char *
sim_group_id (const char *name)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) groups = sim_user_groups (state, CKSIM_DEMO_EMAIL);

  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (json_object_get_string_member (g_ptr_array_index (groups, i), "name"), name))
      return g_strdup (json_object_get_string_member (g_ptr_array_index (groups, i), "id"));

  g_error ("no group %s in the simulator", name);
}

/* The group ids @device_id is in, joined with ",". */
static char *
sim_device_groups (const char *device_id)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  JsonArray *groups = json_object_get_array_member (sim_find_device (state, device_id), "groups");
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) array = NULL;

  for (guint i = 0; i < json_array_get_length (groups); i++)
    g_strv_builder_add (ids, json_array_get_string_element (groups, i));
  array = g_strv_builder_end (ids);

  return g_strjoinv (",", array);
}

static void
assert_group_names (const char *expected)
{
  g_autofree char *names = sim_group_names ();

  g_assert_cmpstr (names, ==, expected);
}

static void
test_groups (void)
{
  g_autoptr(Run) empty = NULL;
  g_autoptr(Run) default_ls = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *kitchen_id = NULL;
  JsonArray *array;

  login_demo ();

  empty = run_relayctl (NULL, "groups", "ls", "--json");
  {
    g_autoptr(JsonNode) none = run_parse_json (empty);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (none)), ==, 0);
  }

  /* Appended, then one inserted first. */
  {
    g_autoptr(Run) living = run_relayctl (NULL, "groups", "add", "Living room");
    g_autoptr(Run) kitchen = run_relayctl (NULL, "groups", "add", "--json", "Kitchen");
    g_autoptr(Run) garden = run_relayctl (NULL, "groups", "add", "Garden", "--index", "1");

    g_assert_cmpint (living->status, ==, 0);
    g_assert_true (g_str_has_prefix (living->out, "Created group Living room ("));
    created = run_parse_json (kitchen);
    g_assert_cmpint (garden->status, ==, 0);
  }
  assert_group_names ("Garden,Living room,Kitchen");
  kitchen_id = sim_group_id ("Kitchen");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (created), "id"), ==, kitchen_id);

  /* ls, in order, and `groups` alone lists too. */
  {
    g_autoptr(Run) ls = run_relayctl (NULL, "--json", "groups", "ls");

    listed = run_parse_json (ls);
    array = json_node_get_array (listed);
    g_assert_cmpuint (json_array_get_length (array), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "name"), ==, "Garden");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 2), "index"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "id"), ==, kitchen_id);
  }
  default_ls = run_relayctl (NULL, "groups");
  g_assert_cmpint (default_ls->status, ==, 0);
  g_assert_nonnull (strstr (default_ls->out, kitchen_id));
  g_assert_nonnull (strstr (default_ls->out, "Living room"));

  /* rename by name, reorder by id. */
  {
    g_autoptr(Run) renamed = run_relayctl (NULL, "groups", "rename", "Living room", "Lounge");
    g_autoptr(Run) moved = run_relayctl (NULL, "groups", "reorder", kitchen_id, "1");

    g_assert_cmpint (renamed->status, ==, 0);
    g_assert_cmpint (moved->status, ==, 0);
    g_assert_cmpstr (moved->out, ==, "Moved group Kitchen to position 1.\n");
  }
  assert_group_names ("Kitchen,Garden,Lounge");

  /* assign, then move with --from. */
  {
    g_autoptr(Run) assigned = run_relayctl (NULL, "groups", "assign", "Kitchen plug", "Kitchen");
    g_autoptr(Run) also = run_relayctl (NULL, "groups", "assign", KITCHEN_PLUG_ID, "Lounge");
    g_autofree char *lounge_id = sim_group_id ("Lounge");
    g_autofree char *garden_id = sim_group_id ("Garden");
    g_autofree char *both = g_strconcat (kitchen_id, ",", lounge_id, NULL);
    g_autofree char *after_assign = NULL;
    g_autofree char *after_move = NULL;
    g_autofree char *moved_expected = g_strconcat (garden_id, ",", lounge_id, NULL);
    g_autoptr(Run) moved = NULL;
    g_autoptr(JsonNode) answer = NULL;

    g_assert_cmpint (assigned->status, ==, 0);
    g_assert_cmpint (also->status, ==, 0);
    after_assign = sim_device_groups (KITCHEN_PLUG_ID);
    g_assert_cmpstr (after_assign, ==, both);

    moved = run_relayctl (NULL, "--json", "groups", "assign", "Kitchen plug", "Garden", "--from", "Kitchen");
    answer = run_parse_json (moved);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "from"), ==, kitchen_id);
    after_move = sim_device_groups (KITCHEN_PLUG_ID);
    /* Order within the device's list is the simulator's; compare as sets. */
    g_assert_true (g_strcmp0 (after_move, moved_expected) == 0
                   || (strstr (after_move, garden_id) != NULL && strstr (after_move, lounge_id) != NULL
                       && strstr (after_move, kitchen_id) == NULL));
    /* --json also says every group the device is in now, as the simulator has them. */
    {
      JsonArray *now_in = json_object_get_array_member (json_node_get_object (answer), "groups");

      g_assert_cmpuint (json_array_get_length (now_in), ==, 2);
      for (guint i = 0; i < 2; i++)
        g_assert_nonnull (strstr (after_move, json_array_get_string_element (now_in, i)));
      g_assert_cmpstr (json_array_get_string_element (now_in, 0), !=, json_array_get_string_element (now_in, 1));
    }
  }

  /* rm: the group goes, its devices stay. */
  {
    g_autoptr(Run) removed = run_relayctl (NULL, "groups", "rm", "Garden");
    g_autofree char *left = NULL;

    g_assert_cmpint (removed->status, ==, 0);
    assert_group_names ("Kitchen,Lounge");
    left = sim_device_groups (KITCHEN_PLUG_ID);
    g_assert_null (strstr (left, ","));
    g_assert_cmpuint (strlen (left), >, 0);

    /* show names the groups the device is in, as the simulator has them. */
    {
      g_autoptr(Run) shown = run_relayctl (NULL, "show", "Kitchen plug");
      g_autoptr(Run) json = run_relayctl (NULL, "--json", "show", "Kitchen plug");
      g_autoptr(JsonNode) answer = run_parse_json (json);
      JsonArray *groups = json_object_get_array_member (json_node_get_object (answer), "groups");
      g_autofree char *line = g_strdup_printf ("\n  Groups:      %s\n", left);

      g_assert_cmpint (shown->status, ==, 0);
      g_assert_nonnull (strstr (shown->out, line));
      g_assert_cmpuint (json_array_get_length (groups), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (groups, 0), ==, left);
    }
  }
}

static void
test_group_errors (void)
{
  g_autoptr(Run) rm_unknown = NULL;
  g_autoptr(Run) rename_unknown = NULL;
  g_autoptr(Run) bad_position = NULL;
  g_autoptr(Run) zero_position = NULL;
  g_autoptr(Run) unknown_device = NULL;
  g_autoptr(Run) unknown_from = NULL;
  g_autoptr(Run) no_name = NULL;
  g_autoptr(Run) cloud_unknown = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  login_demo ();
  {
    g_autoptr(Run) made = run_relayctl (NULL, "groups", "add", "Errors");

    g_assert_cmpint (made->status, ==, 0);
  }
  before = sim_group_names ();

  rm_unknown = run_relayctl (NULL, "groups", "rm", "No such group");
  assert_one_line_error (rm_unknown, 4);
  g_assert_nonnull (strstr (rm_unknown->err, "No such group"));
  rename_unknown = run_relayctl (NULL, "groups", "rename", "No such group", "Other");
  assert_one_line_error (rename_unknown, 4);
  bad_position = run_relayctl (NULL, "groups", "reorder", "Errors", "first");
  assert_one_line_error (bad_position, 2);
  zero_position = run_relayctl (NULL, "groups", "reorder", "Errors", "0");
  assert_one_line_error (zero_position, 2);
  unknown_device = run_relayctl (NULL, "groups", "assign", "No such device here", "Errors");
  assert_one_line_error (unknown_device, 4);
  unknown_from = run_relayctl (NULL, "groups", "assign", "Desk lamp", "Errors", "--from", "Nowhere");
  assert_one_line_error (unknown_from, 4);
  no_name = run_relayctl (NULL, "groups", "add");
  assert_one_line_error (no_name, 2);

  /* A group the cloud does not know (deleted meanwhile): its 404. */
  {
    g_autoptr(JsonNode) armed G_GNUC_UNUSED = sim_call ("POST", "/_sim/fault", "{\"endpoint\":\"group-delete\",\"error\":404}", 200);

    cloud_unknown = run_relayctl (NULL, "groups", "rm", "Errors");
    assert_one_line_error (cloud_unknown, 4);
    /* The meaning and the cloud's number; its text adds nothing to "not found". */
    g_assert_true (g_str_has_suffix (cloud_unknown->err, " (error 404)\n"));
  }

  after = sim_group_names ();
  g_assert_cmpstr (after, ==, before);
}

/* The options of a groups subcommand may come before its name. */
static void
test_option_order (void)
{
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(Run) added = NULL;
  g_autoptr(Run) removed = NULL;
  g_autoptr(JsonNode) answer = NULL;

  login_demo ();
  before = sim_group_names ();
  expected = *before != '\0' ? g_strconcat ("Front,", before, NULL) : g_strdup ("Front");

  added = run_relayctl (NULL, "groups", "--index", "1", "add", "Front");
  g_assert_cmpint (added->status, ==, 0);
  assert_group_names (expected);

  removed = run_relayctl (NULL, "groups", "--json", "rm", "Front");
  answer = run_parse_json (removed);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "removed"));
  assert_group_names (before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  sim_start ();

  g_test_add_func ("/cli/groups/lifecycle", test_groups);
  g_test_add_func ("/cli/groups/errors", test_group_errors);
  g_test_add_func ("/cli/groups/option-order", test_option_order);

  return run_tests_and_stop_sim ();
}
