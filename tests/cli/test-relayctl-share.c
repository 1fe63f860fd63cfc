/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl share, share-edit and unshare against relay-sim: the receiver
 * (the demo's guest) is connected through a `relayctl watch` of its own,
 * with the second example pair, and answers as /_sim/share-policy says. */

#include <signal.h>
#include <string.h>

#include <libsoup/soup.h>

#include "relayctl-test-util.h"

#define HALL_ID   "1000a1b203"
#define HALL_NAME "Hall light"

/* The receiver's live session, for the whole run. */
static BackgroundRun *guest_watch;

static void
set_guest_policy (const char *policy)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"policy\":\"%s\"}",
                                           CKSIM_DEMO_GUEST_EMAIL, policy);
  g_autoptr(JsonNode) answer G_GNUC_UNUSED = sim_call ("POST", "/_sim/share-policy", body, SOUP_STATUS_OK);
}

/* The simulator's share record of the hall light for the guest, or NULL. (transfer full) */
static JsonObject *
sim_guest_share (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  const char *guest = sim_user_apikey (state, CKSIM_DEMO_GUEST_EMAIL);
  JsonArray *shares = json_object_get_array_member (sim_find_device (state, HALL_ID), "shares");

  g_assert_nonnull (guest);
  for (guint i = 0; i < json_array_get_length (shares); i++)
    {
      JsonObject *share = json_array_get_object_element (shares, i);

      if (g_strcmp0 (json_object_get_string_member (share, "apikey"), guest) == 0)
        return json_object_ref (share);
    }

  return NULL;
}

static void
assert_guest_share (gint64      permit,
                    const char *note)
{
  g_autoptr(JsonObject) share = sim_guest_share ();

  g_assert_nonnull (share);
  g_assert_cmpint (json_object_get_int_member (share, "permit"), ==, permit);
  g_assert_cmpstr (json_object_get_string_member (share, "note"), ==, note);
}

static void
test_share_accepted (void)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *answer;
  JsonArray *names;

  set_guest_policy ("accept");
  run = run_relayctl (NULL, "share", "--json", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL,
                      "--permit", "add,edit", "--note", "for the hall");
  root = run_parse_json (run);
  answer = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (answer, "id"), ==, HALL_ID);
  g_assert_cmpstr (json_object_get_string_member (answer, "to"), ==, CKSIM_DEMO_GUEST_EMAIL);
  g_assert_cmpstr (json_object_get_string_member (answer, "result"), ==, "accepted");
  g_assert_cmpint (json_object_get_int_member (answer, "permit"), ==, 3);
  names = json_object_get_array_member (answer, "permit_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "add");
  g_assert_cmpstr (json_array_get_string_element (names, 1), ==, "edit");
  assert_guest_share (3, "for the hall");

  /* A second share with the same account: "already shared" (8). */
  again = run_relayctl (NULL, "share", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL);
  assert_one_line_error (again, 8);
  g_assert_true (strstr (again->err, "already shared") != NULL);
  assert_guest_share (3, "for the hall");
}

/* What is not given stays as it is. */
static void
test_share_edit (void)
{
  g_autoptr(Run) permit = run_relayctl (NULL, "share-edit", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL,
                                        "--permit", "15");
  g_autoptr(Run) note = NULL;
  g_autoptr(Run) nothing = NULL;

  g_assert_cmpint (permit->status, ==, 0);
  g_assert_cmpstr (permit->out, ==, HALL_NAME " shared with " CKSIM_DEMO_GUEST_EMAIL
                                    ": timers add, edit, delete, enable.\n");
  assert_guest_share (15, "for the hall");

  note = run_relayctl (NULL, "share-edit", "--json", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL,
                       "--note", "front hall");
  g_assert_cmpint (note->status, ==, 0);
  assert_guest_share (15, "front hall");

  nothing = run_relayctl (NULL, "share-edit", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL);
  assert_one_line_error (nothing, 2);
}

static void
test_unshare (void)
{
  g_autoptr(Run) run = run_relayctl (NULL, "unshare", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL);
  g_autoptr(JsonObject) share = sim_guest_share ();
  g_autoptr(Run) again = NULL;
  g_autoptr(Run) edit = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, HALL_NAME " is no longer shared with " CKSIM_DEMO_GUEST_EMAIL ".\n");
  g_assert_null (share);

  /* Gone already: still a success. */
  again = run_relayctl (NULL, "unshare", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL);
  g_assert_cmpint (again->status, ==, 0);

  /* Nothing to edit: "not shared" (4). */
  edit = run_relayctl (NULL, "share-edit", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL, "--permit", "add");
  assert_one_line_error (edit, 4);
}

/* With the receiver answering as @policy, a share fails with @status,
 * a line saying @words, and nothing stored. */
static void
assert_share_fails (const char *policy,
                    int         status,
                    const char *words)
{
  g_autoptr(Run) run = NULL;
  g_autoptr(JsonObject) share = NULL;

  set_guest_policy (policy);
  run = run_relayctl (NULL, "share", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL);
  share = sim_guest_share ();

  assert_one_line_error (run, status);
  g_assert_true (strstr (run->err, words) != NULL);
  g_assert_null (share);
}

static void
test_share_refused (void)
{
  assert_share_fails ("refuse", 7, "refused");
  set_guest_policy ("accept");
}

static void
test_share_no_such_account (void)
{
  g_autoptr(Run) run = run_relayctl (NULL, "share", HALL_NAME, "--to", "nobody@relay.example");

  assert_one_line_error (run, 4);
  g_assert_true (strstr (run->err, "nobody@relay.example") != NULL);
}

static void
test_share_usage (void)
{
  const char *const *const misuses[] = {
    (const char *const[]) { "share", HALL_NAME, NULL },
    (const char *const[]) { "share", HALL_NAME, "--to", "not-an-address", NULL },
    (const char *const[]) { "share", HALL_NAME, "--to", "+12", NULL },
    (const char *const[]) { "share", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL, "--permit", "fly", NULL },
    (const char *const[]) { "share", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL, "--permit", "16", NULL },
    (const char *const[]) { "share", "--to", CKSIM_DEMO_GUEST_EMAIL, NULL },
    (const char *const[]) { "unshare", HALL_NAME, "--to", CKSIM_DEMO_GUEST_EMAIL, "--permit", "add", NULL },
  };
  const char *const commands[] = { "share", "share-edit", "unshare" };

  for (gsize i = 0; i < G_N_ELEMENTS (misuses); i++)
    {
      g_autoptr(Run) run = run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL,
                                              misuses[i]);

      assert_one_line_error (run, 2);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) help = run_relayctl (NULL, commands[i], "--help");

      g_assert_cmpint (help->status, ==, 0);
      g_assert_true (strstr (help->out, "--to") != NULL);
    }
}

/* The receiver does not answer: after the simulator's share timeout (short
 * here), "did not answer" (6). Last: the simulator then cools the receiver down. */
static void
test_share_timeout (void)
{
  assert_share_fails ("timeout", 6, "did not answer");
}

int
main (int    argc,
      char **argv)
{
  const char *const sim_args[] = { "--share-timeout-ms", "200", NULL };
  g_autoptr(JsonObject) online = NULL;
  g_autoptr(Run) watch = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  sim_start_with (sim_args);
  login_demo ();
  login_guest ();
  /* A receiver answers only while connected. */
  guest_watch = run_relayctl_background (CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET,
                                         (const char * const[]) { "watch", "--json", NULL });
  g_free (background_read_line (guest_watch)); /* connecting */
  online = background_read_json (guest_watch);
  g_assert_cmpstr (json_object_get_string_member (online, "state"), ==, "online");

  g_test_add_func ("/relayctl/share/accepted", test_share_accepted);
  g_test_add_func ("/relayctl/share/edit", test_share_edit);
  g_test_add_func ("/relayctl/share/unshare", test_unshare);
  g_test_add_func ("/relayctl/share/refused", test_share_refused);
  g_test_add_func ("/relayctl/share/no-such-account", test_share_no_such_account);
  g_test_add_func ("/relayctl/share/usage", test_share_usage);
  g_test_add_func ("/relayctl/share/timeout", test_share_timeout);

  status = g_test_run ();

  watch = background_finish (guest_watch, SIGTERM);
  g_assert_cmpint (watch->status, ==, 0);
  sim_stop ();

  return status;
}
