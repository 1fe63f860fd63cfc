/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "relayctl-common.h"

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
  g_free (ctx->server_template);
  g_free (ctx->region);
  g_free (ctx->app_id);
  g_free (ctx->ca_file);
  g_free (ctx);
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

  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("relayctl: %s\n", message);

  return RELAYCTL_EXIT_USAGE;
}

gboolean
relayctl_parse_command (RelayctlContext        *ctx,
                        const RelayctlCommand  *command,
                        const GOptionEntry     *entries,
                        int                    *argc,
                        char                 ***argv)
{
  const GOptionEntry common_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &ctx->json, "Print JSON instead of text", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) options = g_option_context_new (command->parameter_string);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("relayctl %s", command->name);
  gboolean ok;

  g_option_context_set_summary (options, command->summary);
  g_option_context_set_description (options,
                                    "Global options (--server, --region, --app-id, --ca-file,\n"
                                    "--timeout) go before the command: see `relayctl --help`.");
  if (entries != NULL)
    g_option_context_add_main_entries (options, entries, NULL);
  g_option_context_add_main_entries (options, common_entries, NULL);

  /* So that the usage line reads "relayctl COMMAND [OPTION…] …". */
  g_set_prgname (prgname);
  ok = g_option_context_parse (options, argc, argv, &error);
  g_set_prgname ("relayctl");

  if (!ok)
    {
      relayctl_usage_error ("%s", error->message);
      return FALSE;
    }

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

CkClient *
relayctl_context_resume_client (RelayctlContext  *ctx,
                                GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) local_error = NULL;
  CkTokenStore *store;
  CkApi *api;

  if (!(api = relayctl_context_get_api (ctx, error)))
    return NULL;
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

  return ck_client_new (api);
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
relayctl_wait (RelayctlContext  *ctx,
               GAsyncResult    **slot)
{
  /* One deadline for the whole command; cancelling makes every operation finish. */
  if (ctx->deadline_id == 0 && !ctx->timed_out && ctx->timeout_s > 0)
    ctx->deadline_id = g_timeout_add_seconds (ctx->timeout_s, on_deadline_cb, ctx);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static char *
read_line_from_stdin (const char  *prompt,
                      GError     **error)
{
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (STDIN_FILENO);
  g_autofree char *line = NULL;
  struct termios saved;
  gboolean terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  GIOStatus status;

  if (terminal)
    {
      struct termios quiet = saved;

      quiet.c_lflag &= ~(tcflag_t) ECHO;
      g_printerr ("%s", prompt);
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  g_io_channel_set_encoding (channel, NULL, NULL);
  status = g_io_channel_read_line (channel, &line, NULL, NULL, error);

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (status == G_IO_STATUS_ERROR)
    return NULL;

  if (line != NULL)
    g_strchomp (line);

  if (line == NULL || *line == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "nothing read from stdin (%s)", prompt);
      return NULL;
    }

  return g_steal_pointer (&line);
}

char *
relayctl_read_secret (const char  *env_var,
                      const char  *prompt,
                      GError     **error)
{
  const char *from_env = env_var != NULL ? g_getenv (env_var) : NULL;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  return read_line_from_stdin (prompt, error);
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

    case CK_ERROR_AUTH_FAILED:
    case CK_ERROR_APP_DISABLED:
    case CK_ERROR_USER_NOT_FOUND:
    case CK_ERROR_EMAIL_NOT_ACTIVATED:
    case CK_ERROR_NOT_PERMITTED:
      return RELAYCTL_EXIT_AUTH;

    case CK_ERROR_NOT_FOUND:
      return RELAYCTL_EXIT_NOT_FOUND;

    case CK_ERROR_DEVICE_OFFLINE:
    case CK_ERROR_DEVICE_UNREACHABLE:
      return RELAYCTL_EXIT_UNREACHABLE;

    case CK_ERROR_TIMEOUT:
    case CK_ERROR_NETWORK:
    case CK_ERROR_DISCONNECTED:
    case CK_ERROR_RATE_LIMITED:
      return RELAYCTL_EXIT_NETWORK;

    case CK_ERROR_FAILED:
    case CK_ERROR_INVALID_RESPONSE:
    case CK_ERROR_BAD_REQUEST:
    case CK_ERROR_WRONG_REGION:
    case CK_ERROR_ALREADY_EXISTS:
    case CK_ERROR_WRONG_CODE:
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

int
relayctl_fail (RelayctlContext *ctx,
               const GError    *error,
               const char      *subject)
{
  g_autofree char *message = NULL;
  const char *phrase;
  int exit_code = error_exit_class (ctx, error, &phrase);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && ctx->timed_out)
    message = g_strdup_printf ("no answer within %d s (--timeout)", ctx->timeout_s);
  else if (subject != NULL && g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE))
    message = g_strdup_printf ("%s is offline", subject);
  else if (subject != NULL && g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_UNREACHABLE))
    message = g_strdup_printf ("%s did not answer", subject);
  else if (subject != NULL && g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_REJECTED))
    message = g_strdup_printf ("%s refused the command: %s", subject, error->message);
  else
    message = g_strdup (phrase != NULL ? phrase : error->message);

  /* Always exactly one line. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("relayctl: %s\n", message);

  return exit_code;
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
