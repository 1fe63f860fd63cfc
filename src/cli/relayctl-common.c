/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "relayctl-common.h"
#include "relayctl-tty.h"

RelayctlContext *
relayctl_context_new (void)
{
  RelayctlContext *ctx = g_new0 (RelayctlContext, 1);

  ctx->timeout_s = RELAYCTL_DEFAULT_TIMEOUT_S;
  ctx->cancellable = g_cancellable_new ();

  return ctx;
}

void
relayctl_context_free (RelayctlContext *ctx)
{
  if (ctx == NULL)
    return;

  g_clear_handle_id (&ctx->deadline_id, g_source_remove);
  if (ctx->api != NULL)
    g_signal_handlers_disconnect_by_data (ctx->api, ctx);
  g_clear_object (&ctx->api);
  g_clear_object (&ctx->store);
  g_clear_object (&ctx->cancellable);
  g_clear_pointer (&ctx->stdin_channel, g_io_channel_unref);
  g_free (ctx->server_template);
  g_free (ctx->region);
  g_free (ctx->app_id);
  g_free (ctx->ca_file);
  g_free (ctx);
}

/* Every failure is exactly one line on stderr. */
static void
print_error_line (char *message)
{
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("relayctl: %s\n", message);
}

int
relayctl_usage_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  print_error_line (message);

  return RELAYCTL_EXIT_USAGE;
}

/* ---- Options ------------------------------------------------------------ */

static gboolean
has_entry (const GOptionEntry *entries,
           const char         *long_name,
           char                short_name)
{
  for (gsize i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    if (g_str_equal (entries[i].long_name, long_name)
        || (short_name != 0 && entries[i].short_name == short_name))
      return TRUE;

  return FALSE;
}

void
relayctl_add_global_options (RelayctlContext    *ctx,
                             GOptionContext     *options,
                             const GOptionEntry *command_entries)
{
  const GOptionEntry global[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, &ctx->server_template,
      "Server address template, e.g. http://127.0.0.1:PORT/{region} for relay-sim "
      "(default " CK_API_DEFAULT_SERVER_TEMPLATE ")", "TEMPLATE" },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &ctx->region,
      "Region to sign in to: cn, as, eu or us (default " RELAYCTL_DEFAULT_REGION
      "; a redirect to the account's region is followed)", "REGION" },
    { "app-id", 'a', 0, G_OPTION_ARG_STRING, &ctx->app_id,
      "App id (default $RELAY_APP_ID); its secret comes from $RELAY_APP_SECRET or the keyring",
      "ID" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ctx->ca_file,
      "Trust only the CA certificates in this PEM file, instead of the system's, "
      "e.g. a relay-sim certificate", "FILE" },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &ctx->json, "Print JSON instead of text", NULL },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &ctx->timeout_s,
      "Give up after SECONDS (default 30)", "SECONDS" },
  };
  g_autoptr(GArray) kept = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  /* A command's own option of the same name wins (watch --timeout). */
  for (gsize i = 0; i < G_N_ELEMENTS (global); i++)
    if (!has_entry (command_entries, global[i].long_name, 0))
      {
        GOptionEntry entry = global[i];

        if (has_entry (command_entries, "", entry.short_name))
          entry.short_name = 0;
        g_array_append_val (kept, entry);
      }

  g_option_context_add_main_entries (options, (const GOptionEntry *) (gpointer) kept->data, NULL);
}

gboolean
relayctl_check_global_options (RelayctlContext *ctx)
{
  if (ctx->region != NULL && !ck_api_region_is_valid (ctx->region))
    {
      relayctl_usage_error ("unknown region “%s” (cn, as, eu or us)", ctx->region);
      return FALSE;
    }
  if (ctx->timeout_s <= 0)
    {
      relayctl_usage_error ("--timeout wants a positive number of seconds");
      return FALSE;
    }

  return TRUE;
}

gboolean
relayctl_parse_command (RelayctlContext        *ctx,
                        const RelayctlCommand  *command,
                        const GOptionEntry     *entries,
                        int                     min_args,
                        int                     max_args,
                        int                    *argc,
                        char                 ***argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (command->parameter_string);
  g_autoptr(GError) error = NULL;
  /* argv[0] is the command as typed, e.g. "groups add". */
  const char *name = (*argv)[0];
  g_autofree char *prgname = g_strdup_printf ("relayctl %s", name);
  /* The global strings as main() parsed them: GOption does not free what it replaces. */
  char **const strings[] = { &ctx->server_template, &ctx->region, &ctx->app_id, &ctx->ca_file };
  char *before[G_N_ELEMENTS (strings)];
  int n_args;
  gboolean ok;

  g_option_context_set_summary (options, command->summary);
  g_option_context_set_description (options,
                                    "Options, the global ones too, may come before or after the\n"
                                    "arguments; secrets, codes and exit codes: see `relayctl --help`.");
  if (entries != NULL)
    g_option_context_add_main_entries (options, entries, NULL);
  relayctl_add_global_options (ctx, options, entries);

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    before[i] = *strings[i];

  /* So that the usage line reads "relayctl COMMAND [OPTION…] …". */
  g_set_prgname (prgname);
  ok = g_option_context_parse (options, argc, argv, &error);
  g_set_prgname ("relayctl");

  if (!ok)
    {
      relayctl_usage_error ("%s", error->message);
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    if (*strings[i] != before[i])
      g_free (before[i]);

  if (!relayctl_check_global_options (ctx))
    return FALSE;

  /* A "--" that ended the options is not an argument. */
  if (*argc > 1 && g_str_equal ((*argv)[1], "--"))
    {
      memmove (*argv + 1, *argv + 2, sizeof (char *) * (gsize) (*argc - 1));
      (*argc)--;
    }

  n_args = *argc - 1;
  if (n_args < min_args || (max_args >= 0 && n_args > max_args))
    {
      if (command->parameter_string == NULL)
        relayctl_usage_error ("%s takes no arguments (see relayctl %s --help)", name, name);
      else
        relayctl_usage_error ("usage: relayctl %s %s (see relayctl %s --help)",
                              name, command->parameter_string, name);
      return FALSE;
    }

  return TRUE;
}

void
relayctl_append_command_list (GString               *text,
                              const char            *prefix,
                              const RelayctlCommand *table)
{
  for (const RelayctlCommand *command = table; command->name != NULL; command++)
    {
      g_autofree char *usage = g_strjoin (" ", command->name, command->parameter_string, NULL);
      const char *end_of_line = strchr (command->summary, '\n');
      int first_line = end_of_line != NULL ? (int) (end_of_line - command->summary)
                                           : (int) strlen (command->summary);

      glong width = g_utf8_strlen (usage, -1);

      /* Padded by characters, not bytes: "…" is three bytes. */
      if (width > 24)
        g_string_append_printf (text, "\n%s%s\n%s%-24s %.*s", prefix, usage, prefix, "",
                                first_line, command->summary);
      else
        g_string_append_printf (text, "\n%s%s%*s %.*s", prefix, usage, (int) (24 - width), "",
                                first_line, command->summary);
    }
}

/* ---- Command groups ----------------------------------------------------- */

static const RelayctlCommand *
find_in_table (const RelayctlCommand *table,
               const char            *name)
{
  for (const RelayctlCommand *command = table; command->name != NULL; command++)
    if (g_str_equal (command->name, name))
      return command;

  return NULL;
}

static gboolean
is_help_option (const char *argument)
{
  return g_str_equal (argument, "--help") || g_str_equal (argument, "-h") || g_str_equal (argument, "-?");
}

/* The help of a command group; @object (nullable) is what comes before the
 * subcommand, e.g. "DEVICE". */
static void
print_group_help (const RelayctlCommand      *command,
                  const RelayctlCommandGroup *group,
                  const char                 *object)
{
  g_autoptr(GString) help = g_string_new (NULL);
  g_autofree char *usage = g_strjoin (" ", command->name, object, NULL);

  g_string_append_printf (help, "Usage:\n  relayctl %s SUBCOMMAND [OPTION…] [ARGUMENT…]\n\n%s\n\n"
                          "Subcommands:", usage, command->summary);
  relayctl_append_command_list (help, "  ", group->subcommands);
  g_string_append_printf (help, "\n\nWithout a subcommand: %s. Run `relayctl %s SUBCOMMAND --help`"
                          " for a subcommand's options.\n", group->default_name, usage);
  g_print ("%s", help->str);
}

/* The storage a parse of the group's options writes to, and forgets. */
typedef union
{
  char     *string;
  char    **strings;
  gint      number;
  gint64    number64;
  gdouble   real;
  gboolean  flag;
} ScratchValue;

static void
scratch_value_clear (const GOptionEntry *entry,
                     ScratchValue       *value)
{
  if (entry->arg == G_OPTION_ARG_STRING || entry->arg == G_OPTION_ARG_FILENAME)
    g_free (value->string);
  else if (entry->arg == G_OPTION_ARG_STRING_ARRAY || entry->arg == G_OPTION_ARG_FILENAME_ARRAY)
    g_strfreev (value->strings);
}

/* The positions in @argv of its arguments, as GOptionContext tells them
 * from options and option values given @options and the global options.
 * Nothing is kept of the values. (element-type int) */
static GArray *
find_arguments (RelayctlContext    *ctx,
                const GOptionEntry *options,
                int                 argc,
                char              **argv)
{
  g_autoptr(RelayctlContext) scratch_ctx = relayctl_context_new ();
  g_autoptr(GOptionContext) parser = g_option_context_new (NULL);
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autofree ScratchValue *values = NULL;
  g_autofree char **copy = g_new0 (char *, (gsize) argc + 1);
  GArray *arguments = g_array_new (FALSE, FALSE, sizeof (int));
  int n = argc;
  guint n_options = 0;

  while (options != NULL && options[n_options].long_name != NULL)
    n_options++;
  values = g_new0 (ScratchValue, n_options + 1);
  for (guint i = 0; i < n_options; i++)
    {
      GOptionEntry entry = options[i];

      entry.arg_data = &values[i];
      g_array_append_val (entries, entry);
    }

  g_option_context_set_help_enabled (parser, FALSE);
  g_option_context_set_ignore_unknown_options (parser, TRUE);
  g_option_context_add_main_entries (parser, (const GOptionEntry *) (gpointer) entries->data, NULL);
  relayctl_add_global_options (scratch_ctx, parser, options);

  memcpy (copy, argv, sizeof (char *) * (gsize) argc);
  /* A value GOption refuses is the subcommand's to report: every word counts then. */
  if (!g_option_context_parse (parser, &n, &copy, NULL))
    {
      n = argc;
      memcpy (copy, argv, sizeof (char *) * (gsize) argc);
    }
  for (guint i = 0; i < n_options; i++)
    scratch_value_clear (&options[i], &values[i]);

  /* What is left: the arguments, "--" and unknown options, in their order. */
  for (int i = 1, at = 1; i < n; i++)
    {
      while (at < argc && argv[at] != copy[i])
        at++;
      if (copy[i][0] != '-' && at < argc)
        g_array_append_val (arguments, at);
    }

  return arguments;
}

int
relayctl_run_command_group (RelayctlContext        *ctx,
                            const RelayctlCommand  *command,
                            int                     argc,
                            char                  **argv)
{
  const RelayctlCommandGroup *group = command->data;
  g_autoptr(GArray) arguments = find_arguments (ctx, group->options, argc, argv);
  /* "DEVICE [SUBCOMMAND]" → "DEVICE" */
  g_autofree char *object = group->object_first
                            ? g_strndup (command->parameter_string, strcspn (command->parameter_string, " "))
                            : NULL;
  guint name_index = group->object_first ? 1 : 0;
  int name_at = arguments->len > name_index ? g_array_index (arguments, int, name_index) : -1;
  g_autofree char **rest = g_new0 (char *, (gsize) argc + 1);
  g_autofree char *full_name = NULL;
  const RelayctlCommand *sub;
  int n = 0;

  if (name_at < 0)
    for (int i = 1; i < argc; i++)
      if (is_help_option (argv[i]))
        {
          print_group_help (command, group, object);
          return RELAYCTL_EXIT_OK;
        }

  if (object != NULL && arguments->len == 0)
    return relayctl_usage_error ("usage: relayctl %s %s SUBCOMMAND … (see relayctl %s --help)",
                                 command->name, object, command->name);

  if (!(sub = find_in_table (group->subcommands, name_at >= 0 ? argv[name_at] : group->default_name)))
    return relayctl_usage_error ("unknown subcommand “%s” (see relayctl %s --help)", argv[name_at],
                                 command->name);

  /* ["timers", "--json", DEVICE, "add", …] → ["timers DEVICE add", "--json", DEVICE, …] */
  full_name = g_strjoin (" ", command->name, object != NULL ? object : sub->name,
                         object != NULL ? sub->name : NULL, NULL);
  rest[n++] = full_name;
  for (int i = 1; i < argc; i++)
    if (i != name_at)
      rest[n++] = argv[i];

  return sub->run (ctx, sub, n, rest);
}

/* Spec §3.4: a phone number is used in E.164 form, "+" and 8 to 15 digits. */
gboolean
relayctl_is_e164 (const char *phone)
{
  gsize digits = 0;

  if (phone[0] != '+')
    return FALSE;

  for (const char *p = phone + 1; *p != '\0'; p++, digits++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return digits >= 8 && digits <= 15;
}

gboolean
relayctl_check_identity (const char  *command_name,
                         const char  *email,
                         const char  *phone,
                         const char **identity)
{
  if ((email == NULL) == (phone == NULL))
    {
      relayctl_usage_error ("%s needs either --email or --phone", command_name);
      return FALSE;
    }
  if (phone != NULL && !relayctl_is_e164 (phone))
    {
      relayctl_usage_error ("--phone wants the E.164 form, e.g. +4915112345678");
      return FALSE;
    }
  if (email != NULL && strchr (email, '@') == NULL)
    {
      relayctl_usage_error ("--email wants an e-mail address");
      return FALSE;
    }

  *identity = email != NULL ? email : phone;

  return TRUE;
}

gboolean
relayctl_parse_index (const char *text,
                      const char *what,
                      gint       *value)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &number, NULL))
    {
      relayctl_usage_error ("%s wants a number, not “%s”", what, text);
      return FALSE;
    }

  *value = (gint) number;

  return TRUE;
}

gboolean
relayctl_resolve_channel (CkDevice *device,
                          gint      number,
                          gint     *channel)
{
  guint n_channels = ck_device_get_n_channels (device);

  *channel = -1;
  if (number == 0)
    return TRUE;

  if (n_channels == 0)
    {
      relayctl_usage_error ("%s has no channels to choose from (leave out --channel)",
                            ck_device_get_name (device));
      return FALSE;
    }
  if (number < 0 || (guint) number > n_channels)
    {
      if (n_channels == 1)
        relayctl_usage_error ("%s has one channel: --channel 1", ck_device_get_name (device));
      else
        relayctl_usage_error ("%s has channels 1 to %u, not %d", ck_device_get_name (device),
                              n_channels, number);
      return FALSE;
    }

  *channel = number - 1;

  return TRUE;
}

static const char *
context_get_app_id (RelayctlContext *ctx)
{
  if (ctx->app_id != NULL && *ctx->app_id != '\0')
    return ctx->app_id;

  return g_getenv ("RELAY_APP_ID");
}

static const char *
context_get_server_template (RelayctlContext *ctx)
{
  return ctx->server_template != NULL ? ctx->server_template : CK_API_DEFAULT_SERVER_TEMPLATE;
}

CkTokenStore *
relayctl_context_get_store (RelayctlContext  *ctx,
                            GError          **error)
{
  const char *app_id = context_get_app_id (ctx);

  if (ctx->store != NULL)
    return ctx->store;

  if (app_id == NULL || *app_id == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "no app id (use --app-id ID or set RELAY_APP_ID)");
      return NULL;
    }

  ctx->store = ck_token_store_new (context_get_server_template (ctx), app_id);

  return ctx->store;
}

static char *
context_load_app_secret (RelayctlContext  *ctx,
                         GError          **error)
{
  const char *from_env = g_getenv ("RELAY_APP_SECRET");
  g_autoptr(GAsyncResult) result = NULL;
  CkTokenStore *store;
  char *secret;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  if (!(store = relayctl_context_get_store (ctx, error)))
    return NULL;

  ck_token_store_load_secret_async (store, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  secret = ck_token_store_load_secret_finish (store, result, error);

  if (secret == NULL && error != NULL && *error == NULL)
    g_set_error (error, CK_ERROR, CK_ERROR_AUTH_FAILED,
                 "no app secret for app id %s (set RELAY_APP_SECRET or run "
                 "`relayctl --app-id ID app-secret`)",
                 context_get_app_id (ctx));

  return secret;
}

CkApi *
relayctl_context_get_api (RelayctlContext  *ctx,
                          GError          **error)
{
  g_autofree char *secret = NULL;
  g_autoptr(CkApi) api = NULL;

  if (ctx->api != NULL)
    return ctx->api;

  if (relayctl_context_get_store (ctx, error) == NULL)
    return NULL;

  if (!(secret = context_load_app_secret (ctx, error)))
    return NULL;

  api = ck_api_new (context_get_server_template (ctx), context_get_app_id (ctx), secret);
  ck_api_set_region (api, ctx->region != NULL ? ctx->region : RELAYCTL_DEFAULT_REGION);
  ck_api_set_timeout (api, (guint) ctx->timeout_s);

  if (ctx->ca_file != NULL)
    {
      /* GTlsFileDatabase wants an absolute path. */
      g_autofree char *absolute = g_canonicalize_filename (ctx->ca_file, NULL);
      g_autoptr(GError) ca_error = NULL;

      /* An unreadable file is the caller's mistake, not a network failure. */
      if (!ck_api_set_ca_file (api, absolute, &ca_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--ca-file: %s", ca_error->message);
          return NULL;
        }
    }

  ctx->api = g_steal_pointer (&api);

  return ctx->api;
}

static void
on_api_tokens_changed_cb (CkApi           *api,
                          RelayctlContext *ctx)
{
  ctx->tokens_changed = TRUE;
}

CkApi *
relayctl_context_resume_api (RelayctlContext  *ctx,
                             GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) local_error = NULL;
  CkTokenStore *store;
  CkApi *api;

  if (!(api = relayctl_context_get_api (ctx, error)))
    return NULL;
  if (ck_api_get_tokens (api) != NULL)
    return api;
  store = relayctl_context_get_store (ctx, error);

  ck_token_store_load_async (store, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  tokens = ck_token_store_load_finish (store, result, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (tokens == NULL)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "not signed in");
      return NULL;
    }

  /* The account lives in the region it signed in to. */
  if (tokens->region != NULL)
    ck_api_set_region (api, tokens->region);
  ck_api_set_tokens (api, tokens);

  /* From here on a replaced session (a refresh) is written back at the end. */
  g_signal_connect (api, "tokens-changed", G_CALLBACK (on_api_tokens_changed_cb), ctx);

  return api;
}

CkClient *
relayctl_context_resume_client (RelayctlContext  *ctx,
                                GError          **error)
{
  CkApi *api = relayctl_context_resume_api (ctx, error);

  return api != NULL ? ck_client_new (api) : NULL;
}

/* ck_client_connect_async() or ck_client_refresh_async(), and their finish. */
typedef void     (*ClientStartFunc)  (CkClient             *client,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
typedef gboolean (*ClientFinishFunc) (CkClient             *client,
                                      GAsyncResult         *result,
                                      GError              **error);

/* A client with the stored session resumed, once @start has completed. */
static CkClient *
resume_client_and_start (RelayctlContext   *ctx,
                         ClientStartFunc    start,
                         ClientFinishFunc   finish,
                         GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkClient) client = NULL;

  if (!(client = relayctl_context_resume_client (ctx, error)))
    return NULL;

  start (client, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!finish (client, result, error))
    return NULL;

  return g_steal_pointer (&client);
}

CkClient *
relayctl_context_connect (RelayctlContext  *ctx,
                          GError          **error)
{
  return resume_client_and_start (ctx, ck_client_connect_async, ck_client_connect_finish, error);
}

CkDevice *
relayctl_find_device (CkClient    *client,
                      const char  *target,
                      GError     **error)
{
  CkDevice *device = ck_device_list_find (ck_client_get_devices (client), target);

  if (device == NULL)
    g_set_error (error, CK_ERROR, CK_ERROR_NOT_FOUND,
                 "no device with the id or name “%s” (see relayctl devices)", target);

  return device;
}

CkClient *
relayctl_context_fetch_devices (RelayctlContext  *ctx,
                                GError          **error)
{
  return resume_client_and_start (ctx, ck_client_refresh_async, ck_client_refresh_finish, error);
}

CkClient *
relayctl_context_fetch_client_and_device (RelayctlContext  *ctx,
                                          const char       *target,
                                          CkDevice        **device,
                                          GError          **error)
{
  g_autoptr(CkClient) client = relayctl_context_fetch_devices (ctx, error);
  CkDevice *found;

  if (client == NULL || !(found = relayctl_find_device (client, target, error)))
    return NULL;

  *device = g_object_ref (found);

  return g_steal_pointer (&client);
}

CkDevice *
relayctl_context_fetch_device (RelayctlContext  *ctx,
                               const char       *target,
                               GError          **error)
{
  CkDevice *device = NULL;
  /* Only the device is kept. */
  g_autoptr(CkClient) client G_GNUC_UNUSED = relayctl_context_fetch_client_and_device (ctx, target, &device, error);

  return device;
}

gboolean
relayctl_context_save_session (RelayctlContext  *ctx,
                               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  const CkTokens *tokens;

  if (!ctx->tokens_changed || ctx->api == NULL || ctx->store == NULL)
    return TRUE;

  if (!(tokens = ck_api_get_tokens (ctx->api)))
    return TRUE;

  ck_token_store_save_async (ctx->store, tokens, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  ctx->tokens_changed = FALSE;

  return ck_token_store_save_finish (ctx->store, result, error);
}

int
relayctl_finish_sign_in (RelayctlContext *ctx,
                         const CkTokens  *tokens)
{
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  CkTokenStore *store;

  if (!(store = relayctl_context_get_store (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_token_store_save_async (store, tokens, ctx->cancellable, relayctl_async_done, &saved);
  relayctl_wait (ctx, &saved);
  if (!ck_token_store_save_finish (store, saved, &error))
    return relayctl_fail (ctx, error, NULL);
  /* Saved just now: nothing left for the end of the command. */
  ctx->tokens_changed = FALSE;

  json_builder_begin_object (builder);
  relayctl_json_add_boolean (builder, "signed_in", TRUE);
  relayctl_json_add_session (builder, tokens);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "Signed in as %s (region %s).", tokens->identity, tokens->region);
}

void
relayctl_async_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  RelayctlContext *ctx = user_data;

  ctx->deadline_id = 0;
  ctx->timed_out = TRUE;
  g_cancellable_cancel (ctx->cancellable);

  return G_SOURCE_REMOVE;
}

void
relayctl_wait_or_stop (RelayctlContext  *ctx,
                       GAsyncResult    **slot,
                       const gboolean   *stop)
{
  /* One deadline for the whole command; cancelling makes every operation finish. */
  if (ctx->deadline_id == 0 && !ctx->timed_out && ctx->timeout_s > 0)
    ctx->deadline_id = g_timeout_add_seconds (ctx->timeout_s, on_deadline_cb, ctx);

  while (*slot == NULL && (stop == NULL || !*stop))
    g_main_context_iteration (NULL, TRUE);
}

void
relayctl_wait (RelayctlContext  *ctx,
               GAsyncResult    **slot)
{
  relayctl_wait_or_stop (ctx, slot, NULL);
}

static char *
read_line_from_stdin (RelayctlContext  *ctx,
                      const char       *prompt,
                      GError          **error)
{
  g_autofree char *line = NULL;
  gboolean terminal = isatty (STDIN_FILENO);
  GIOStatus status;

  if (ctx->stdin_channel == NULL)
    {
      ctx->stdin_channel = g_io_channel_unix_new (STDIN_FILENO);
      g_io_channel_set_encoding (ctx->stdin_channel, NULL, NULL);
    }

  if (terminal)
    {
      g_printerr ("%s", prompt);
      terminal = relayctl_tty_echo_off (STDIN_FILENO);
    }

  status = g_io_channel_read_line (ctx->stdin_channel, &line, NULL, NULL, error);

  if (terminal)
    {
      relayctl_tty_echo_restore ();
      g_printerr ("\n");
    }

  if (status == G_IO_STATUS_ERROR)
    return NULL;

  if (line != NULL)
    g_strchomp (line);

  if (line == NULL || *line == '\0')
    {
      relayctl_secret_free (g_steal_pointer (&line));
      return NULL;
    }

  return g_steal_pointer (&line);
}

char *
relayctl_read_secret (RelayctlContext  *ctx,
                      const char       *env_var,
                      const char       *prompt,
                      GError          **error)
{
  const char *from_env = env_var != NULL ? g_getenv (env_var) : NULL;

  g_autoptr(GError) local_error = NULL;
  g_autofree char *what = NULL;
  char *line;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  if ((line = read_line_from_stdin (ctx, prompt, &local_error)))
    return line;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* "Verification code: " → "verification code" */
  what = g_strdup (prompt);
  g_strdelimit (what, ":", ' ');
  g_strstrip (what);
  what[0] = g_ascii_tolower (what[0]);
  if (env_var != NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "no %s (set %s or give it as a line on stdin)", what, env_var);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "no %s (give it as a line on stdin)", what);

  return NULL;
}

void
relayctl_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* The exit class of a CK_ERROR code, and the CLI's own phrase for it where
 * the core's message would not say what to do next. */
static int
ck_error_exit_class (gint         code,
                     const char **phrase)
{
  *phrase = NULL;

  switch ((CkError) code)
    {
    case CK_ERROR_WRONG_PASSWORD:
      *phrase = "wrong e-mail or password";
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_NOT_SIGNED_IN:
      *phrase = "not signed in (run relayctl login)";
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_TOKEN_EXPIRED:
      *phrase = "the session has expired (run relayctl login)";
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_TOKEN_INVALID:
      *phrase = "the stored session is no longer valid (run relayctl login)";
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_SESSION_TAKEN:
      *phrase = "the account signed in elsewhere with this app id (run relayctl login to take it back)";
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_APP_DISABLED:
      *phrase = "this app id is disabled by the cloud (use another with --app-id or RELAY_APP_ID)";
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_AUTH_FAILED:
    case CK_ERROR_EMAIL_NOT_ACTIVATED:
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_USER_NOT_FOUND:
    case CK_ERROR_NOT_FOUND:
      return RELAYCTL_EXIT_NOT_FOUND;

    case CK_ERROR_NOT_PERMITTED:
      return RELAYCTL_EXIT_DENIED;

    case CK_ERROR_ALREADY_EXISTS:
      return RELAYCTL_EXIT_EXISTS;

    case CK_ERROR_WRONG_CODE:
      *phrase = "wrong or expired verification code (run relayctl send-code for a new one)";
      return RELAYCTL_EXIT_WRONG_CODE;

    case CK_ERROR_DEVICE_OFFLINE:
    case CK_ERROR_DEVICE_UNREACHABLE:
      return RELAYCTL_EXIT_UNREACHABLE;

    case CK_ERROR_TIMEOUT:
    case CK_ERROR_NETWORK:
    case CK_ERROR_DISCONNECTED:
    case CK_ERROR_RATE_LIMITED:
      return RELAYCTL_EXIT_NETWORK;

    case CK_ERROR_INVALID_VALUE:
      return RELAYCTL_EXIT_USAGE;

    case CK_ERROR_NOT_SUPPORTED:
    case CK_ERROR_FAILED:
    case CK_ERROR_INVALID_RESPONSE:
    case CK_ERROR_BAD_REQUEST:
    case CK_ERROR_WRONG_REGION:
    case CK_ERROR_DEVICE_REJECTED:
    case CK_ERROR_SERVER:
    default:
      return RELAYCTL_EXIT_FAILED;
    }
}

static int
error_exit_class (RelayctlContext  *ctx,
                  const GError     *error,
                  const char      **phrase)
{
  *phrase = NULL;

  if (error->domain == CK_ERROR)
    return ck_error_exit_class (error->code, phrase);

  if (error->domain == G_OPTION_ERROR)
    return RELAYCTL_EXIT_USAGE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && ctx->timed_out)
    return RELAYCTL_EXIT_NETWORK;

  if (error->domain == G_RESOLVER_ERROR || error->domain == G_TLS_ERROR)
    return RELAYCTL_EXIT_NETWORK;

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        /* A value the device's family cannot take (the catalog's codecs). */
        case G_IO_ERROR_INVALID_ARGUMENT:
          return RELAYCTL_EXIT_USAGE;

        case G_IO_ERROR_TIMED_OUT:
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_CONNECTION_CLOSED:
        case G_IO_ERROR_HOST_NOT_FOUND:
        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
        case G_IO_ERROR_NOT_CONNECTED:
        case G_IO_ERROR_PROXY_FAILED:
          return RELAYCTL_EXIT_NETWORK;
        default:
          break;
        }
    }

  return RELAYCTL_EXIT_FAILED;
}

/* Meanings that say all the server's text would: only their number is shown. */
static gboolean
meaning_says_it_all (const GError *error)
{
  if (error->domain != CK_ERROR)
    return FALSE;

  switch ((CkError) error->code)
    {
    case CK_ERROR_NOT_FOUND:
    case CK_ERROR_USER_NOT_FOUND:
    case CK_ERROR_ALREADY_EXISTS:
    case CK_ERROR_NOT_PERMITTED:
    case CK_ERROR_RATE_LIMITED:
    case CK_ERROR_WRONG_CODE:
    case CK_ERROR_EMAIL_NOT_ACTIVATED:
    case CK_ERROR_DEVICE_OFFLINE:
    case CK_ERROR_DEVICE_UNREACHABLE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The cloud's own text where it adds to the meaning, else NULL. */
static const char *
get_telling_cloud_text (const GError *error)
{
  const char *text = ck_error_get_cloud_text (error);

  return text != NULL && *text != '\0' && !meaning_says_it_all (error) ? text : NULL;
}

/* "(error N)", or "(error N: text)" where the cloud's text adds to the
 * meaning; "" for an error that did not come from the cloud. */
static char *
describe_cloud_code (const GError *error)
{
  gint code = ck_error_get_cloud_code (error);
  const char *text = get_telling_cloud_text (error);

  if (code == 0)
    return g_strdup ("");
  if (text == NULL)
    return g_strdup_printf (" (error %d)", code);

  return g_strdup_printf (" (error %d: %s)", code, text);
}

/* The core's message, but where the meaning says all the cloud's text would,
 * without that text: ck_error_from_code() ends the message with the number
 * and the text, both known here, so that end is cut when it is theirs. */
static char *
describe_error (const GError *error)
{
  const char *text = ck_error_get_cloud_text (error);
  g_autofree char *ending = NULL;
  g_autofree char *code = NULL;

  if (text == NULL || get_telling_cloud_text (error) != NULL)
    return g_strdup (error->message);

  ending = g_strdup_printf (" (error %d: %s)", ck_error_get_cloud_code (error), text);
  if (!g_str_has_suffix (error->message, ending))
    return g_strdup (error->message);

  code = describe_cloud_code (error);
  return g_strdup_printf ("%.*s%s", (int) (strlen (error->message) - strlen (ending)), error->message, code);
}

static gboolean
is_refused_value (const GError *error)
{
  return g_error_matches (error, CK_ERROR, CK_ERROR_NOT_SUPPORTED)
         || g_error_matches (error, CK_ERROR, CK_ERROR_INVALID_VALUE)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static int
fail_printing (RelayctlContext *ctx,
               const GError    *error,
               CkDevice        *device,
               const char      *command_phrase)
{
  const char *name = device != NULL ? ck_device_get_name (device) : NULL;
  g_autofree char *code = describe_cloud_code (error);
  g_autofree char *message = NULL;
  const char *phrase;
  int exit_code = error_exit_class (ctx, error, &phrase);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && ctx->timed_out)
    message = g_strdup_printf ("no answer within %d s (--timeout)", ctx->timeout_s);
  else if (command_phrase != NULL)
    message = g_strdup (command_phrase);
  else if (name != NULL && g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE))
    message = g_strdup_printf ("%s is offline", name);
  else if (name != NULL && g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_UNREACHABLE))
    message = g_strdup_printf ("%s did not answer", name);
  else if (name != NULL && g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_REJECTED))
    message = g_strdup_printf ("%s refused the command%s", name, code);
  /* The cloud's refusal; the core's own (a sharer's permit bits) says why itself. */
  else if (name != NULL && g_error_matches (error, CK_ERROR, CK_ERROR_NOT_PERMITTED) && *code != '\0')
    message = g_strdup_printf ("%s: only its owner may do this%s", name, code);
  else if (name != NULL && (is_refused_value (error) || g_error_matches (error, CK_ERROR, CK_ERROR_NOT_PERMITTED)))
    message = g_strdup_printf ("%s: %s", name, error->message);
  else if (phrase != NULL)
    message = g_strdup (phrase);
  else
    message = describe_error (error);

  print_error_line (message);

  return exit_code;
}

int
relayctl_fail (RelayctlContext *ctx,
               const GError    *error,
               CkDevice        *device)
{
  return fail_printing (ctx, error, device, NULL);
}

int
relayctl_fail_with (RelayctlContext *ctx,
                    const GError    *error,
                    const char      *phrase)
{
  return fail_printing (ctx, error, NULL, phrase);
}

int
relayctl_print_result (RelayctlContext *ctx,
                       JsonBuilder     *builder,
                       const char      *format,
                       ...)
{
  if (ctx->json)
    {
      relayctl_print_built_json (builder);
    }
  else
    {
      g_autofree char *text = NULL;
      va_list args;

      va_start (args, format);
      text = g_strdup_vprintf (format, args);
      va_end (args);
      g_print ("%s\n", text);
    }

  return RELAYCTL_EXIT_OK;
}

void
relayctl_print_field (const char *label,
                      const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("  %-12s %s\n", label, value);
}

/* Pads by characters, not bytes, so UTF-8 text lines up. */
static void
append_cell (GString    *line,
             const char *text,
             glong       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = length; i < width + 2; i++)
    g_string_append_c (line, ' ');
}

void
relayctl_print_table (const char * const *headings,
                      GPtrArray          *rows)
{
  guint n_columns = g_strv_length ((char **) headings);
  g_autofree glong *widths = g_new0 (glong, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = g_utf8_strlen (headings[c], -1);
      for (guint r = 0; r < rows->len; r++)
        widths[c] = MAX (widths[c], g_utf8_strlen (((char **) rows->pdata[r])[c], -1));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *row = r == 0 ? headings : rows->pdata[r - 1];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        append_cell (line, row[c], widths[c]);
      g_strchomp (line->str);
      g_print ("%s\n", line->str);
    }
}

void
relayctl_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
relayctl_print_built_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  relayctl_print_json (root);
}

void
relayctl_print_json_line (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_print ("%s\n", text);
}

void
relayctl_json_add_device (JsonBuilder *builder,
                          CkDevice    *device)
{
  relayctl_json_add_string (builder, "id", ck_device_get_id (device));
  relayctl_json_add_string (builder, "name", ck_device_get_name (device));
}

void
relayctl_json_add_groups (JsonBuilder *builder,
                          CkDevice    *device)
{
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (const char * const *id = ck_device_get_groups (device); *id != NULL; id++)
    json_builder_add_string_value (builder, *id);
  json_builder_end_array (builder);
}

JsonNode *
relayctl_parse_param_value (const char *text)
{
  JsonNode *node = json_from_string (text, NULL);

  /* json_from_string() gives NULL without an error for an empty text. */
  if (node != NULL)
    return node;

  return json_node_init_string (json_node_alloc (), text);
}

char *
relayctl_format_param_value (JsonNode *value)
{
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (value);
      g_autoptr(JsonNode) as_json = json_from_string (text, NULL);

      /* "on" stays on; the string "40" shows as "40", not as the number 40. */
      if (as_json == NULL)
        return g_strdup (text);
    }

  return json_to_string (value, FALSE);
}

char *
relayctl_format_params_line (JsonObject *params)
{
  GString *line = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, params);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      g_autofree char *text = relayctl_format_param_value (value);

      if (strpbrk (text, " \t\r\n") != NULL && JSON_NODE_HOLDS_VALUE (value))
        {
          g_free (text);
          text = json_to_string (value, FALSE);
        }
      g_string_append_printf (line, "%s%s=%s", line->len > 0 ? " " : "", name, text);
    }

  return g_string_free (line, FALSE);
}

void
relayctl_print_params (JsonObject *params)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, params);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      g_autofree char *text = relayctl_format_param_value (value);

      g_print ("%s=%s\n", name, text);
    }
}

const char *
relayctl_json_get_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

void
relayctl_json_add_string (JsonBuilder *builder,
                          const char  *name,
                          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
relayctl_json_add_boolean (JsonBuilder *builder,
                           const char  *name,
                           gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
relayctl_json_add_int (JsonBuilder *builder,
                       const char  *name,
                       gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
relayctl_json_add_session (JsonBuilder    *builder,
                           const CkTokens *tokens)
{
  relayctl_json_add_string (builder, "identity", tokens->identity);
  relayctl_json_add_string (builder, "region", tokens->region);
}
