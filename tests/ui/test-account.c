/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-account"

#include "config.h"

#include "ck-region.h"
#include "relay-application.h"
#include "relay-countries.h"
#include "relay-demo.h"
#include "relay-preferences-window.h"
#include "relay-sign-in-page.h"
#include "relay-test-util.h"
#include "relay-window.h"

#define US_EMAIL    "far-away@relay.example"
#define US_PASSWORD "far-away-1"

typedef struct
{
  RelayDemo   *demo;
  CkSimServer *server;
  GSettings   *settings;
  RelayWindow *window;
  GtkWidget   *page;
} Fixture;

static gboolean
window_shows_sign_in (gpointer data)
{
  return g_str_equal (relay_window_get_page (RELAY_WINDOW (data)), "sign-in");
}

static gboolean
window_shows_devices (gpointer data)
{
  return g_str_equal (relay_window_get_page (RELAY_WINDOW (data)), "devices");
}

static void
fill (Fixture    *fixture,
      const char *row_name,
      const char *text)
{
  GObject *row = gtk_widget_get_template_child (fixture->page, RELAY_TYPE_SIGN_IN_PAGE, row_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static guint
country_index (const char *iso)
{
  for (guint i = 0; i < relay_countries_get_n (); i++)
    if (g_str_equal (relay_countries_get (i)->iso, iso))
      return i;
  g_assert_not_reached ();
}

static void
choose_country (Fixture    *fixture,
                const char *iso)
{
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (fixture->page, RELAY_TYPE_SIGN_IN_PAGE,
                                                                   "country_row"));

  adw_combo_row_set_selected (row, country_index (iso));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server_template = NULL;

  fixture->demo = relay_demo_new (FALSE, &error);
  g_assert_no_error (error);
  fixture->server = relay_demo_get_server (fixture->demo);
  g_assert_true (cksim_server_add_user (fixture->server, US_EMAIL, US_PASSWORD, "us", &error));
  g_assert_no_error (error);

  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  fixture->settings = g_settings_new (RELAY_SETTINGS_SCHEMA);
  g_settings_set_string (fixture->settings, "app-id", "");
  fixture->window = g_object_ref (relay_window_new (NULL, fixture->settings));
  relay_window_resume (fixture->window);
  relay_test_wait_until (window_shows_sign_in, fixture->window, RELAY_TEST_WAIT_MS, "the sign-in page");

  fixture->page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                             RELAY_TYPE_WINDOW, "sign_in_page"));
  server_template = cksim_server_get_template (fixture->server);
  fill (fixture, "server_row", server_template);
  fill (fixture, "app_id_row", CKSIM_EXAMPLE2_APP_ID);
  fill (fixture, "app_secret_row", CKSIM_EXAMPLE2_APP_SECRET);
  choose_country (fixture, "DE");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->demo);
}

static GtkLabel *
page_label (Fixture    *fixture,
            const char *name)
{
  return GTK_LABEL (gtk_widget_get_template_child (fixture->page, RELAY_TYPE_SIGN_IN_PAGE, name));
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
submit (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (fixture->page, "sign-in.submit", NULL));
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *app_id = NULL;

  fill (fixture, "identity_row", CKSIM_DEMO_EMAIL);
  fill (fixture, "password_row", CKSIM_DEMO_PASSWORD);
  submit (fixture);
  relay_test_wait_until (window_shows_devices, fixture->window, RELAY_TEST_WAIT_MS, "the devices");

  g_assert_cmpuint (cksim_server_get_login_count (fixture->server), ==, 1);
  g_assert_cmpstr (ck_api_get_region (ck_client_get_api (relay_window_get_client (fixture->window))), ==, "eu");
  /* The session is remembered: app id in settings, secrets in the keyring. */
  app_id = g_settings_get_string (fixture->settings, "app-id");
  g_assert_cmpstr (app_id, ==, CKSIM_EXAMPLE2_APP_ID);
  g_assert_cmpstr (relay_sign_in_page_get_password (RELAY_SIGN_IN_PAGE (fixture->page)), ==, "");
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkLabel *error_label = page_label (fixture, "error_label");
  g_autofree char *app_id = NULL;

  fill (fixture, "identity_row", CKSIM_DEMO_EMAIL);
  fill (fixture, "password_row", "not-the-password");
  submit (fixture);

  relay_test_wait_until (error_shown, error_label, RELAY_TEST_WAIT_MS, "the sign-in error");
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "The account or the password is not right.");
  g_assert_cmpstr (relay_window_get_page (fixture->window), ==, "sign-in");
  g_assert_cmpuint (cksim_server_get_login_count (fixture->server), ==, 0);
  app_id = g_settings_get_string (fixture->settings, "app-id");
  g_assert_cmpstr (app_id, ==, "");
}

/* Germany picks eu, the account lives in us: the cloud's 301 is followed. */
static void
test_wrong_region_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_cmpstr (relay_sign_in_page_get_region (RELAY_SIGN_IN_PAGE (fixture->page)), ==, "eu");
  fill (fixture, "identity_row", US_EMAIL);
  fill (fixture, "password_row", US_PASSWORD);
  submit (fixture);
  relay_test_wait_until (window_shows_devices, fixture->window, RELAY_TEST_WAIT_MS, "the devices");

  g_assert_cmpstr (ck_api_get_region (ck_client_get_api (relay_window_get_client (fixture->window))), ==, "us");
  g_assert_cmpuint (cksim_server_get_login_count (fixture->server), ==, 1);
}

typedef struct
{
  CkSimServer *server;
  const char  *identity;
} CodeWait;

static gboolean
code_issued (gpointer data)
{
  CodeWait *wait = data;

  return cksim_server_get_code (wait->server, wait->identity) != NULL;
}

static void
request_code (Fixture    *fixture,
              const char *identity)
{
  CodeWait wait = { fixture->server, identity };
  GtkLabel *info = page_label (fixture, "info_label");

  fill (fixture, "identity_row", identity);
  g_assert_true (gtk_widget_activate_action (fixture->page, "sign-in.send-code", NULL));
  relay_test_wait_until (code_issued, &wait, RELAY_TEST_WAIT_MS, "the verification code");
  relay_test_wait_until (error_shown, info, RELAY_TEST_WAIT_MS, "the code-sent note");
  /* What the user reads in the e-mail (the simulator's test hook). */
  fill (fixture, "code_row", cksim_server_get_code (fixture->server, identity));
}

static void
test_register_with_code (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *identity = "newcomer@relay.example";
  GtkLabel *error_label = page_label (fixture, "error_label");

  g_assert_true (gtk_widget_activate_action (fixture->page, "sign-in.mode", "s", "register"));
  g_assert_cmpint (relay_sign_in_page_get_mode (RELAY_SIGN_IN_PAGE (fixture->page)), ==,
                   RELAY_SIGN_IN_MODE_REGISTER);

  /* A wrong code reads as a sentence on the page. */
  request_code (fixture, identity);
  fill (fixture, "code_row", "000000");
  fill (fixture, "password_row", "newcomer-1");
  submit (fixture);
  relay_test_wait_until (error_shown, error_label, RELAY_TEST_WAIT_MS, "the wrong-code error");
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "The verification code is not right.");

  fill (fixture, "code_row", cksim_server_get_code (fixture->server, identity));
  fill (fixture, "password_row", "newcomer-1");
  submit (fixture);
  relay_test_wait_until (window_shows_devices, fixture->window, RELAY_TEST_WAIT_MS, "the new account");
  g_assert_cmpstr (ck_api_get_tokens (ck_client_get_api (relay_window_get_client (fixture->window)))->identity,
                   ==, identity);
}

static void
test_reset_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (fixture->page, "sign-in.mode", "s", "reset"));
  request_code (fixture, CKSIM_DEMO_GUEST_EMAIL);
  fill (fixture, "password_row", "guest-new-2");
  submit (fixture);
  relay_test_wait_until (window_shows_devices, fixture->window, RELAY_TEST_WAIT_MS, "the reset account");

  /* Signed out, the new password opens the account and the old one does not. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  g_assert_cmpstr (relay_window_get_page (fixture->window), ==, "sign-in");
  g_assert_cmpint (relay_sign_in_page_get_mode (RELAY_SIGN_IN_PAGE (fixture->page)), ==,
                   RELAY_SIGN_IN_MODE_SIGN_IN);
  fill (fixture, "app_secret_row", CKSIM_EXAMPLE2_APP_SECRET);
  fill (fixture, "identity_row", CKSIM_DEMO_GUEST_EMAIL);
  fill (fixture, "password_row", CKSIM_DEMO_GUEST_PASSWORD);
  submit (fixture);
  relay_test_wait_until (error_shown, page_label (fixture, "error_label"), RELAY_TEST_WAIT_MS, "the old password refused");
  fill (fixture, "password_row", "guest-new-2");
  submit (fixture);
  relay_test_wait_until (window_shows_devices, fixture->window, RELAY_TEST_WAIT_MS, "the new password");
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
test_change_password (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *prefs;
  GtkWidget *current, *new_row, *label, *button;

  fill (fixture, "identity_row", CKSIM_DEMO_EMAIL);
  fill (fixture, "password_row", CKSIM_DEMO_PASSWORD);
  submit (fixture);
  relay_test_wait_until (window_shows_devices, fixture->window, RELAY_TEST_WAIT_MS, "the devices");

  prefs = g_object_ref (relay_preferences_window_new (GTK_WINDOW (fixture->window),
                                                      relay_window_get_client (fixture->window)));
  gtk_window_present (GTK_WINDOW (prefs));
  current = relay_test_find (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW, "current-password");
  new_row = relay_test_find (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW, "new-password");
  button = relay_test_find (prefs, GTK_TYPE_BUTTON, "change-password");
  label = relay_test_find (prefs, GTK_TYPE_LABEL, "password-result");
  g_assert_nonnull (current);
  g_assert_nonnull (new_row);
  g_assert_nonnull (button);
  g_assert_nonnull (label);

  /* A wrong current password reads as a sentence under the form. */
  gtk_editable_set_text (GTK_EDITABLE (current), "not-the-password");
  gtk_editable_set_text (GTK_EDITABLE (new_row), "relay-demo-2");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  relay_test_wait_until (label_visible, label, RELAY_TEST_WAIT_MS, "the refusal");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_test_message ("wrong current password: %s", gtk_label_get_text (GTK_LABEL (label)));

  gtk_editable_set_text (GTK_EDITABLE (current), CKSIM_DEMO_PASSWORD);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_visible (label));
  relay_test_wait_until (label_visible, label, RELAY_TEST_WAIT_MS, "the change to be answered");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Your password has been changed.");
  g_assert_false (gtk_widget_has_css_class (label, "error"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_finalize_object (prefs);
}

static void
test_identity_rules (void)
{
  g_assert_true (relay_identity_is_valid ("someone@example.com"));
  g_assert_true (relay_identity_is_valid ("+447700900123"));
  g_assert_false (relay_identity_is_valid ("447700900123"));
  g_assert_false (relay_identity_is_valid ("+0123456789"));
  g_assert_false (relay_identity_is_valid ("@example.com"));
}

/* Every country the picker offers has a calling code the core's region
 * table knows, so no choice falls back to a guess. */
static void
test_countries_have_regions (void)
{
  g_assert_cmpuint (relay_countries_get_n (), >, 0);
  for (guint i = 0; i < relay_countries_get_n (); i++)
    {
      const RelayCountry *country = relay_countries_get (i);

      g_assert_true (g_strv_contains (ck_region_list_calling_codes (), country->calling_code));
      g_assert_nonnull (ck_region_for_calling_code (country->calling_code));
    }
}

/* A phone number decides the region by its own calling code; otherwise
 * (an e-mail address) the chosen country does. */
static void
test_page_region (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *identity; const char *iso; const char *region; } cases[] = {
    { "+447700900123", "DE", "eu" },
    { "+61400000000", "DE", "us" },
    { "+8613800000000", "US", "cn" },
    { "+972500000000", "US", "as" },
    { "someone@example.com", "AU", "us" },
    { "someone@example.com", "IN", "as" },
    { "someone@example.com", "ZA", "eu" },
    { "+44", "CN", "cn" },  /* not yet a phone number: the country decides */
  };
  RelaySignInPage *page = RELAY_SIGN_IN_PAGE (fixture->page);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      fill (fixture, "identity_row", cases[i].identity);
      choose_country (fixture, cases[i].iso);
      g_assert_cmpstr (relay_sign_in_page_get_region (page), ==, cases[i].region);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/account/identity-rules", test_identity_rules);
  g_test_add_func ("/ui/account/countries-have-regions", test_countries_have_regions);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/account/page-region", test_page_region);
  ADD ("/ui/account/sign-in", test_sign_in);
  ADD ("/ui/account/wrong-password", test_wrong_password);
  ADD ("/ui/account/wrong-region-followed", test_wrong_region_followed);
  ADD ("/ui/account/register-with-code", test_register_with_code);
  ADD ("/ui/account/reset-password", test_reset_password);
  ADD ("/ui/account/change-password", test_change_password);
#undef ADD

  return g_test_run ();
}
