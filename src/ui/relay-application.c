/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-application"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "relay-application.h"
#include "relay-demo.h"
#include "relay-window.h"

/**
 * RelayApplication:
 *
 * Options, app-wide actions and the first window. `--demo` runs on the
 * embedded simulated cloud and then never opens the settings or the keyring.
 */
struct _RelayApplication
{
  AdwApplication  parent_instance;

  gboolean        demo_mode;
  RelayDemo      *demo;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (RelayApplication, relay_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Run on a simulated cloud with demo devices: no account, no network, nothing stored"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void
relay_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Relay authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Relay"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Relay authors"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/relaydesktop/relay",
                         "issue-url", "https://github.com/relaydesktop/relay/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Relay authors",
                         NULL);
}

static void
relay_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing (not destroying) each window lets it save its state first. */
  windows = g_list_copy (gtk_application_get_windows (application));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", relay_application_about_action, NULL, NULL, NULL, { 0 } },
  { "quit", relay_application_quit_action, NULL, NULL, NULL, { 0 } },
};

static gboolean
start_demo (RelayApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->demo = relay_demo_new (TRUE, &error);
  if (self->demo == NULL)
    {
      g_printerr (_("Could not start the demo cloud: %s\n"), error->message);
      return FALSE;
    }

  /* Test data of the simulator, printed so the demo can be driven from relayctl too. */
  g_print ("Demo cloud at %s\n", relay_demo_get_url (self->demo));
  g_print ("Demo account: %s / %s\n",
           relay_demo_get_email (self->demo), relay_demo_get_password (self->demo));
  fflush (stdout);

  return TRUE;
}

static gint
relay_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  RelayApplication *self = RELAY_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("relay %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      /* A demo is its own world: it must not hand over to (or take over)
       * a running instance signed in to the real cloud. */
      self->demo_mode = TRUE;
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
relay_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (relay_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
}

static void
relay_application_activate (GApplication *application)
{
  RelayApplication *self = RELAY_APPLICATION (application);
  GtkWindow *window;
  RelayWindow *relay_window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->demo_mode)
    {
      if (self->demo == NULL && !start_demo (self))
        {
          g_application_quit (application);
          return;
        }
      relay_demo_open_window (self->demo, GTK_APPLICATION (application));
      return;
    }

  if (self->settings == NULL)
    self->settings = g_settings_new (RELAY_SETTINGS_SCHEMA);

  relay_window = relay_window_new (GTK_APPLICATION (application), self->settings);
  relay_window_resume (relay_window);
  gtk_window_present (GTK_WINDOW (relay_window));
}

static void
relay_application_dispose (GObject *object)
{
  RelayApplication *self = RELAY_APPLICATION (object);

  g_clear_object (&self->demo);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (relay_application_parent_class)->dispose (object);
}

static void
relay_application_class_init (RelayApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = relay_application_dispose;
  application_class->handle_local_options = relay_application_handle_local_options;
  application_class->startup = relay_application_startup;
  application_class->activate = relay_application_activate;
}

static void
relay_application_init (RelayApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Switch the devices of your eWeLink account."));
}

RelayApplication *
relay_application_new (void)
{
  return g_object_new (RELAY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
