/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

#include <string.h>

#include "relayctl-common.h"

/* Spec §3.4: a phone number signs in in E.164 form, "+" and 8 to 15 digits. */
static gboolean
is_e164 (const char *phone)
{
  gsize digits = 0;

  if (phone[0] != '+')
    return FALSE;

  for (const char *p = phone + 1; *p != '\0'; p++, digits++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return digits >= 8 && digits <= 15;
}

static void
wipe_and_free (char *secret)
{
  if (secret == NULL)
    return;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static int
run_login (RelayctlContext        *ctx,
           const RelayctlCommand  *command,
           int                     argc,
           char                  **argv)
{
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  const GOptionEntry entries[] = {
    { "email", 'e', 0, G_OPTION_ARG_STRING, &email, "Sign in with this e-mail address", "EMAIL" },
    { "phone", 'p', 0, G_OPTION_ARG_STRING, &phone,
      "Sign in with this phone number in E.164 form", "+NNN" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  const char *identity;
  CkTokenStore *store;
  char *password;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (argc > 1)
    return relayctl_usage_error ("login takes no arguments (the password comes from "
                                 "RELAY_PASSWORD or stdin)");
  if ((email == NULL) == (phone == NULL))
    return relayctl_usage_error ("login needs either --email or --phone");
  if (phone != NULL && !is_e164 (phone))
    return relayctl_usage_error ("--phone wants the E.164 form, e.g. +4915112345678");

  identity = email != NULL ? email : phone;

  /* The app secret is checked before asking for a password. */
  if (!(api = relayctl_context_get_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);
  store = relayctl_context_get_store (ctx, &error);

  if (!(password = relayctl_read_secret ("RELAY_PASSWORD", "Password: ", &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_login_async (api, identity, password, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  wipe_and_free (password);

  if (!(tokens = ck_api_login_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_token_store_save_async (store, tokens, ctx->cancellable, relayctl_async_done, &saved);
  relayctl_wait (ctx, &saved);
  if (!ck_token_store_save_finish (store, saved, &error))
    return relayctl_fail (ctx, error, NULL);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "signed_in");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "identity");
      json_builder_add_string_value (builder, identity);
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, tokens->region);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      relayctl_print_json (root);
    }
  else
    {
      g_print ("Signed in as %s (region %s).\n", identity, tokens->region);
    }

  return RELAYCTL_EXIT_OK;
}

static int
run_logout (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CkTokenStore *store;

  if (!relayctl_parse_command (ctx, command, NULL, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (argc > 1)
    return relayctl_usage_error ("logout takes no arguments");

  if (!(store = relayctl_context_get_store (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_token_store_clear_async (store, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_token_store_clear_finish (store, result, &error))
    return relayctl_fail (ctx, error, NULL);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_from_string ("{\"signed_in\": false}", NULL);

      relayctl_print_json (root);
    }
  else
    {
      g_print ("Signed out.\n");
    }

  return RELAYCTL_EXIT_OK;
}

static int
run_app_secret (RelayctlContext        *ctx,
                const RelayctlCommand  *command,
                int                     argc,
                char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CkTokenStore *store;
  char *secret;
  gboolean saved;

  if (!relayctl_parse_command (ctx, command, NULL, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (argc > 1)
    return relayctl_usage_error ("app-secret takes no arguments (the secret comes from stdin)");

  if (!(store = relayctl_context_get_store (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (!(secret = relayctl_read_secret (NULL, "App secret: ", &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_token_store_save_secret_async (store, secret, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  wipe_and_free (secret);
  saved = ck_token_store_save_secret_finish (store, result, &error);

  if (!saved)
    return relayctl_fail (ctx, error, NULL);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_from_string ("{\"app_secret_stored\": true}", NULL);

      relayctl_print_json (root);
    }
  else
    {
      g_print ("The app secret is stored in the keyring.\n");
    }

  return RELAYCTL_EXIT_OK;
}

const RelayctlCommand relayctl_session_commands[] = {
  { "login", NULL,
    "Sign in and keep the session in the keyring.\n"
    "The password comes from RELAY_PASSWORD or, if unset, one line on stdin.",
    run_login },
  { "logout", NULL, "Forget the stored session.", run_logout },
  { "app-secret", NULL,
    "Store the app secret of --app-id in the keyring (one line from stdin).",
    run_app_secret },
  { NULL }
};
