/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* The keyring session: login, logout, app-secret. */

#include "relayctl-common.h"

static int
run_login (RelayctlContext        *ctx,
           const RelayctlCommand  *command,
           int                     argc,
           char                  **argv)
{
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  const GOptionEntry entries[] = {
    RELAYCTL_IDENTITY_ENTRIES (&email, &phone),
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayctlSecret) password = NULL;
  const char *identity;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv)
      || !relayctl_check_identity (argv[0], email, phone, &identity))
    return RELAYCTL_EXIT_USAGE;

  /* The app secret is checked before asking for a password. */
  if (!(api = relayctl_context_get_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (!(password = relayctl_read_secret (ctx, "RELAY_PASSWORD", "Password: ", &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_login_async (api, identity, password, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);

  if (!(tokens = ck_api_login_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  return relayctl_finish_sign_in (ctx, tokens);
}

static int
run_logout (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  CkTokenStore *store;

  if (!relayctl_parse_command (ctx, command, NULL, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(store = relayctl_context_get_store (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_token_store_clear_async (store, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_token_store_clear_finish (store, result, &error))
    return relayctl_fail (ctx, error, NULL);

  json_builder_begin_object (builder);
  relayctl_json_add_boolean (builder, "signed_in", FALSE);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "Signed out.");
}

static int
run_app_secret (RelayctlContext        *ctx,
                const RelayctlCommand  *command,
                int                     argc,
                char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayctlSecret) secret = NULL;
  CkTokenStore *store;

  if (!relayctl_parse_command (ctx, command, NULL, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(store = relayctl_context_get_store (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (!(secret = relayctl_read_secret (ctx, NULL, "App secret: ", &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_token_store_save_secret_async (store, secret, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_token_store_save_secret_finish (store, result, &error))
    return relayctl_fail (ctx, error, NULL);

  json_builder_begin_object (builder);
  relayctl_json_add_boolean (builder, "app_secret_stored", TRUE);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "The app secret is stored in the keyring.");
}

const RelayctlCommand relayctl_session_commands[] = {
  { "login", NULL,
    "Sign in with --email or --phone and keep the session in the keyring.\n"
    "The password comes from RELAY_PASSWORD or, if unset, one line on stdin.\n"
    "A redirect to the account's region is followed.",
    run_login },
  { "logout", NULL, "Forget the stored session.", run_logout },
  { "app-secret", NULL,
    "Store the app secret of --app-id in the keyring (one line from stdin).",
    run_app_secret },
  { NULL }
};
