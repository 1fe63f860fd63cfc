/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-help"

#include <glib.h>

static const char *relay_path;

static void
test_help_lists_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { relay_path, "--help", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "--demo"));
  g_assert_nonnull (strstr (out, "simulated cloud"));
}

static void
test_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { relay_path, "--version", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "relay "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* meson passes the built relay as the only argument left after g_test_init. */
  g_assert_cmpint (argc, ==, 2);
  relay_path = argv[1];

  g_test_add_func ("/ui/help-lists-demo", test_help_lists_demo);
  g_test_add_func ("/ui/version", test_version);

  return g_test_run ();
}
