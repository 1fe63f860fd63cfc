/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "relayctl-common.h"

/* Every command group; a new group adds its table here. */
static const RelayctlCommand *const command_groups[] = {
  relayctl_session_commands,
  relayctl_account_commands,
  relayctl_devices_commands,
  relayctl_control_commands,
  relayctl_timers_commands,
  relayctl_groups_commands,
  relayctl_live_commands,
  relayctl_watch_commands,
  relayctl_share_commands,
};

static const RelayctlCommand *
find_command (const char *name)
{
  for (gsize g = 0; g < G_N_ELEMENTS (command_groups); g++)
    for (const RelayctlCommand *command = command_groups[g]; command->name != NULL; command++)
      if (g_str_equal (command->name, name))
        return command;

  return NULL;
}

static char *
build_command_summary (void)
{
  GString *summary = g_string_new ("Controls eWeLink / CoolKit devices from a shell.\n\nCommands:");

  for (gsize g = 0; g < G_N_ELEMENTS (command_groups); g++)
    relayctl_append_command_list (summary, "  ", command_groups[g]);

  g_string_append (summary, "\n\nDEVICE is a device id or its exact name; GROUP a group id or its exact name."
                            "\nRun `relayctl COMMAND --help` for a command's options. Options, the global"
                            "\nones below too, may also come after the command and its arguments.");

  return g_string_free (summary, FALSE);
}

static const char description[] =
  "Environment (secrets and codes are never taken from the command line):\n"
  "  RELAY_PASSWORD       the password for login and register, the new one for\n"
  "                       reset-password, the current one for change-password\n"
  "  RELAY_NEW_PASSWORD   the new password for change-password\n"
  "  RELAY_CODE           the verification code for register and reset-password\n"
  "  RELAY_DEVICE_APIKEY  the device's factory apikey for add and add-gsm --id\n"
  "  RELAY_GSM_ID         the gsmId of a GSM device, for add-gsm without --id\n"
  "  RELAY_APP_SECRET     the secret of --app-id (else the one stored with app-secret)\n"
  "  RELAY_APP_ID         the app id when --app-id is not given\n"
  "Each secret that is not set is read as one line from stdin, in the order the\n"
  "command's --help gives. The session is kept in the keyring per server\n"
  "template and app id.\n"
  "\n"
  RELAYCTL_EXIT_HELP;

int
main (int    argc,
      char **argv)
{
  g_autoptr(RelayctlContext) ctx = relayctl_context_new ();
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    G_OPTION_ENTRY_NULL
  };
  const RelayctlCommand *command;
  int status;

  setlocale (LC_ALL, "");
  g_set_prgname ("relayctl");

  summary = build_command_summary ();
  options = g_option_context_new ("COMMAND [ARGUMENT…]");
  /* Options before the command are parsed here, the rest with the command's own. */
  g_option_context_set_strict_posix (options, TRUE);
  g_option_context_set_summary (options, summary);
  g_option_context_set_description (options, description);
  relayctl_add_global_options (ctx, options, entries);
  g_option_context_add_main_entries (options, entries, NULL);

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return relayctl_usage_error ("%s", error->message);

  if (version)
    {
      g_print ("relayctl %s\n", PACKAGE_VERSION);
      return RELAYCTL_EXIT_OK;
    }

  if (!relayctl_check_global_options (ctx))
    return RELAYCTL_EXIT_USAGE;

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (options, TRUE, NULL);

      g_printerr ("%s", help);
      return RELAYCTL_EXIT_USAGE;
    }

  if (!(command = find_command (argv[1])))
    return relayctl_usage_error ("unknown command “%s” (see relayctl --help)", argv[1]);

  status = command->run (ctx, command, argc - 1, argv + 1);

  /* Tokens a refresh replaced are kept, whether the command succeeded or not. */
  if (!relayctl_context_save_session (ctx, &error) && status == RELAYCTL_EXIT_OK)
    status = relayctl_fail (ctx, error, NULL);

  return status;
}
